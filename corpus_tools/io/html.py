"""HTML pages: article text (trafilatura) and page metadata with the source of each value."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Callable
from typing import Any

import pandas as pd

from .dates import out_of_range
from .files import InputSkipped
from .outlets import url_host as outlet_url_host
from .outlets import url_parts


def url_host(url: Any) -> str | None:
    """``https://www.example.co.uk/a`` -> ``example.co.uk``; None for anything else (a page's
    URL must name its scheme: a relative link is no host; :func:`~corpus_tools.io.outlets.url_host`
    reads the rest: glued or archived links, ports, trailing dots, IDN)."""
    if not isinstance(url, str) or not url.strip().lower().startswith(("http://", "https://")):
        return None
    return outlet_url_host(url)


def _full_host(url: Any) -> str | None:
    """The host of a page's URL with its subdomains (``coastal-post.example.org``), or None."""
    if not isinstance(url, str) or not url.strip().lower().startswith(("http://", "https://")):
        return None
    return url_parts(url)[0]


def _same(a: Any, b: Any) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return a.strip().lstrip("@").casefold() == b.strip().lstrip("@").casefold()


def _date_source(tree: Any, date: str, url: str | None) -> str:
    """Which of htmldate's steps gave ``date``, checked in htmldate's own order."""
    try:
        from htmldate.core import examine_elements, examine_header, examine_time_elements
        from htmldate.extractors import extract_url_date, json_search
        from htmldate.utils import Extractor
        from htmldate.validators import get_max_date, get_min_date
    except ImportError:  # pragma: no cover - another htmldate layout
        return "page"
    opts = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("url", lambda: extract_url_date(url, opts)),
        ("page:meta", lambda: examine_header(tree, opts)),
        ("page:json-ld", lambda: json_search(tree, opts)),
        ("page:time", lambda: examine_time_elements(tree, opts)),
        ("page:title", lambda: examine_elements(tree.xpath(".//title|.//h1"), opts)),
    ]
    for label, step in steps:
        try:
            if step() == date:
                return label
        except Exception:  # noqa: BLE001 - a provenance label is not worth a failed load
            continue
    return "page:html"


_RIGHTS_WORDS_RE = re.compile(
    r"(?:\bcopyright\b|©|&copy;|\(c\)|\ball rights reserved\b|\b(?:19|20)\d\d\b"
    r"(?:\s*[-–]\s*(?:(?:19|20)\d\d|present|heute|today)\b)?|^\W*by\b)",
    re.IGNORECASE,
)


def rights_holder(text: str) -> str | None:
    """The name in a copyright notice: "Copyright", "©", years and "All rights reserved" dropped.

    >>> rights_holder("Copyright 2003 - 2019 by speicherguide.de GbR"), rights_holder("© 2020")
    ('speicherguide.de GbR', None)
    >>> rights_holder("SPIEGEL ONLINE, Hamburg, Germany")
    'SPIEGEL ONLINE, Hamburg, Germany'
    """
    s = text
    for _ in range(4):  # "Copyright 2003 - 2019 by ..." needs the words, then the leading "by"
        s = _RIGHTS_WORDS_RE.sub(" ", s).strip(" \t\n.,;:|-–")
    s = " ".join(s.split())
    return s if any(ch.isalpha() for ch in s) else None


def _drop_copyright_meta(tree: Any) -> str | None:
    """Remove ``<meta name="copyright">`` from ``tree``; return its rights holder, if any.

    trafilatura takes that tag for the site name when it comes before other
    publisher tags, so a page's outlet would be "Copyright 2003 - 2019 by ...";
    with it removed, ``og:site_name``, the publisher tags, the title and the
    URL come first, and the rights holder is the outlet only when none names one.
    """
    holder = None
    for elem in list(tree.iterfind(".//meta[@name]")):
        if elem.get("name", "").strip().lower() == "copyright" and elem.getparent() is not None:
            holder = holder or rights_holder(_TAG_RE.sub("", elem.get("content", "")))
            elem.getparent().remove(elem)
    return holder


_TAG_RE = re.compile(r"<[^>]*>")  # a whole tag (stripped from a copyright notice)


def page_metadata(tree: Any) -> dict[str, Any]:
    """Outlet, date, title, author and canonical URL of a parsed page, each with its source.

    Values come from trafilatura's ``extract_metadata`` (Open Graph, JSON-LD,
    ``<meta>`` tags, ``<title>``; the date from htmldate: URL, ``<meta>``,
    JSON-LD, ``<time>``), with htmldate's fast mode so that no date is taken
    from free text such as a copyright line. The ``*_source`` labels say which
    of those parts holds the value: ``page:json-ld``, ``page:og:<property>``,
    ``page:meta``, ``page:title`` (``<title>`` or ``<h1>``), ``page:time``,
    ``page:html`` (another element or the text) or ``url``.
    """
    from trafilatura.metadata import extract_meta_json, extract_opengraph, extract_sitename
    from trafilatura.settings import Document

    rights = _drop_copyright_meta(tree)  # a rights holder, read last (trafilatura reads it first)
    meta, head = _metadata(tree)
    og = extract_opengraph(tree)
    try:
        ld = extract_meta_json(tree, Document())
    except Exception:  # noqa: BLE001 - trafilatura guards the same call the same way
        ld = Document()
    out: dict[str, Any] = {"author": real_author(meta.author), "url": meta.url or None}

    def source(value: Any, field: str, og_key: str, og_name: str) -> str | None:
        if _same(value, getattr(ld, field, None)):
            return "page:json-ld"
        if _same(value, og.get(og_key)):
            return f"page:og:{og_name}"
        if _same(value, getattr(head, field, None)):
            return "page:meta"
        return None

    site = meta.sitename
    if isinstance(site, str) and site.strip() and "/" not in site:  # not a Facebook page URL
        out["outlet"] = site.strip()
        out["outlet_source"] = source(site, "sitename", "sitename", "site_name") or (
            "page:title"
            if _same(site, extract_sitename(tree))
            else "url"
            if _same(site, url_host(meta.url)) or _same(site, _full_host(meta.url))
            else "page"
        )
        if out["outlet_source"] == "url":  # the URL's host: the site it belongs to
            out["outlet"] = url_host(meta.url) or out["outlet"]
    if out.get("outlet_source") == "page:title":
        out["outlet"] = title_site_name(out["outlet"], _html_title(tree)) or ""
    if out.get("outlet_source") == "page:title" and (
        not out["outlet"] or _is_headline(out["outlet"], meta.title)
    ):
        del out["outlet"], out["outlet_source"]  # the <title> names the article, not the outlet
        if url_host(meta.url) is not None:
            out["outlet"], out["outlet_source"] = url_host(meta.url), "url"
    elif out.get("outlet_source", "url") != "url":
        _title_as_site(out, meta.title, meta.url)
    if "outlet" not in out and rights is not None:
        out["outlet"], out["outlet_source"] = rights, "page:meta:copyright"
    out["_title_tag"] = _html_title(tree) or None  # the whole <title>: io.load's outlet pass
    if meta.title:
        out["title"] = meta.title
        out["title_source"] = source(meta.title, "title", "title", "title") or "page:title"
    if meta.date:
        try:
            ts = pd.Timestamp(meta.date)
        except (ValueError, OverflowError):
            ts = pd.NaT
        if ts is not pd.NaT and out_of_range(ts, meta.date) is None:
            out["published"], out["date_precision"] = ts.normalize(), "day"
            out["published_source"] = _date_source(tree, meta.date, meta.url)
    return out


def _metadata(tree: Any) -> tuple[Any, Any]:
    """trafilatura's ``extract_metadata`` of ``tree`` (htmldate's fast mode, the original
    date) for the fields a page's row uses (title, author, URL, date, site name), and the
    ``<meta>`` tags' own reading (``examine_meta``, for the ``*_source`` labels).

    The same steps in the same order as trafilatura's, without the categories, tags and
    licence it also looks for (~20 % of its time on WCXB pages; a row keeps none of them).
    """
    from dateutil.parser import UnknownTimezoneWarning
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_author,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import Document
    from trafilatura.utils import line_processing

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura guards the same call the same way
        pass
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or extract_author(tree)
    meta.url = meta.url or extract_url(tree, None)
    with warnings.catch_warnings():
        # htmldate hands "10:00 EST" to dateutil, which warns that it knows no EST; only the
        # day is kept, so the zone does not matter, and the warning reached the user
        warnings.filterwarnings("ignore", category=UnknownTimezoneWarning)
        meta.date = find_date(tree, original_date=True, extensive_search=False, url=meta.url)
    meta.sitename = meta.sitename or extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")  # a Twitter handle
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (found := META_URL.match(meta.url)):
        meta.sitename = found[1]
    head = examine_meta(tree)  # after htmldate, as before: it may prune the tree
    out = Document()
    for field in ("title", "author", "url", "date", "sitename"):
        value = getattr(meta, field)
        if isinstance(value, str):  # trafilatura's Document.clean_and_trim
            value = line_processing(
                html.unescape(value[:9999] + "…" if len(value) > 10000 else value)
            )
        setattr(out, field, value)
    return out, head


#: a separator between a headline and a site name (" - ", " | ", " — ", " • ", " » ", ": ")
_SITE_SEP_RE = re.compile(r"\s*(?:[|\-\u2013\u2014\u2022\u00b7\u00bb:]+)\s+")
#: the most words a site name left after a headline may have, or a site name kept that is
#: also the page's title when the page names no host
SITE_NAME_MAX_WORDS = 5


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def names_host(site: str, url: Any) -> bool:
    """Whether a site name spells its page's host ("Ars Technica" on arstechnica.com, "DEV
    Community" on dev.to, "Hal Higdon" on halhigdon.com).

    >>> names_host("Ars Technica", "https://arstechnica.com/x"), names_host("Best Tools", "https://www.servicetitan.com/b")
    (True, False)
    """
    host = url_host(url)
    if host is None:
        return False
    label, name = _letters(host.split(".")[0]), _letters(site)
    return len(label) >= 2 and len(name) >= 2 and (name.startswith(label) or label.startswith(name))


def _title_as_site(out: dict[str, Any], title: Any, url: Any) -> None:
    """Mend ``out``'s outlet when the site name a page gives (JSON-LD publisher,
    ``og:site_name``, ``<meta>``) is a copy of its title: a CMS that fills the publisher with
    the post's title ("39 Best Electrician Tools For Your Tool Belt ... (2025)"). A site name
    that spells the host stays (a home page titled with its own name); one that goes on after
    the title ("Do you need 14 USB ports ...? - CNX Software") becomes what follows, and so does
    a title's last part that spells the host ("Video Games : Target" on target.com); otherwise
    the URL's host is the outlet (``outlet_source`` ``url``), and without a URL a short name
    stays and a longer one is left out (the title column holds it).

    >>> out = {"outlet": "Fix a tap (2025)", "outlet_source": "page:json-ld"}
    >>> _title_as_site(out, "Fix a tap (2025)", "https://www.plumbco.com/blog/tap"); out
    {'outlet': 'plumbco.com', 'outlet_source': 'url'}
    >>> out = {"outlet": "Is it 14 ports? - CNX Software", "outlet_source": "page:json-ld"}
    >>> _title_as_site(out, "Is it 14 ports?", None); out["outlet"]
    'CNX Software'
    """
    site = out["outlet"]
    if not isinstance(title, str) or not title.strip() or names_host(site, url):
        return
    head, name = title.strip(), site.strip()
    if " ".join(name.casefold().split()) == " ".join(head.casefold().split()):
        rest = ""
    elif name[: len(head)].casefold() == head.casefold() and (
        sep := _SITE_SEP_RE.match(name, len(head))
    ):
        rest = name[sep.end() :].strip()
    else:
        return  # not the title: a site name
    last = _SITE_SEP_RE.split(name)[-1].strip()
    if not rest and last != name and names_host(last, url):
        rest = last  # the title ends in the site's name: "Video Games : Target" on target.com
    if rest and len(rest.split()) <= SITE_NAME_MAX_WORDS:
        out["outlet"] = rest
    elif url_host(url) is not None:
        out["outlet"], out["outlet_source"] = url_host(url), "url"
    elif len(name.split()) > SITE_NAME_MAX_WORDS:
        del out["outlet"], out["outlet_source"]


#: a part of a ``<title>`` that is a domain name ("SPORTBOX.tv", "Pocket-lint.co.uk")
_DOMAIN_RE = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}")
#: the same as a word of a longer site name (not inside a headline: "Amazon.com sales rise")
_DOMAIN_WORD_RE = re.compile(r"(?<![\w.-])" + _DOMAIN_RE.pattern + r"(?![\w-]|\.\w)")


def _html_title(tree: Any) -> str:
    """The page's ``<title>`` text, whitespace collapsed ("" without one)."""
    elem = tree.find(".//head//title")
    return " ".join(elem.text_content().split()) if elem is not None else ""


def title_site_name(site: str, title: str) -> str | None:
    """The site name in the part of a ``<title>`` that trafilatura took for one (the first
    part holding a dot, the title split at its last separator), or None when that part is
    no name: its domain-name part when it has one ("2007: A year in review - Pocket-lint.co.uk"
    -> "Pocket-lint.co.uk"; "Business News at silicon.com" -> "silicon.com"); none when it has no letters ("6.0" of "Winona Daily News - 6.0"),
    is the title's first part (a headline with a dot: "Strike-hit U.S. TV | Entertainment")
    or is longer than a name (:data:`SITE_NAME_MAX_WORDS`).

    >>> title_site_name("6.0", "Winona Daily News - 6.0"), title_site_name("Nature.com", "Stars - Nature.com")
    (None, 'Nature.com')
    >>> title_site_name("Strike-hit U.S. TV", "Strike-hit U.S. TV | Entertainment") is None
    True
    """
    name = site.strip()
    first = title.startswith(name) and _SITE_SEP_RE.match(title, len(name)) is not None
    domains = [p.strip() for p in _SITE_SEP_RE.split(name) if _DOMAIN_RE.fullmatch(p.strip())]
    if not domains and not first:  # "News at silicon.com", "WTNH.com, Connecticut News"
        domains = _DOMAIN_WORD_RE.findall(name)
    if domains:
        return domains[-1]
    if not any(c.isalpha() for c in name) or first:
        return None
    return name if len(name.split()) <= SITE_NAME_MAX_WORDS else None


def _is_headline(site: Any, title: Any) -> bool:
    """Whether a site name read from ``<title>`` is the article's headline: the same text, or
    one holds the other and is at least half its length (``Reuters`` in ``Reuters: Markets
    fall`` stays a site name).

    >>> _is_headline("Storm hits the coast", "Storm hits the coast!"), _is_headline("Reuters", "Reuters: Markets fall")
    (True, False)
    """
    if not isinstance(site, str) or not isinstance(title, str):
        return False
    a, b = (" ".join(x.casefold().strip(" .!?:|-–—").split()) for x in (site, title))
    short, long = sorted((a, b), key=len)
    return bool(short) and short in long and 2 * len(short) >= len(long)


#: what a "Submitted by"/"Posted by" byline leaves when the name is elsewhere (Drupal, WordPress)
_NO_NAME = {"submitted", "posted", "by", "submitted by", "posted by", "written by", "author"}


def real_author(author: Any) -> str | None:
    """The author without byline words standing alone ("Submitted", "Posted", "By"), which a
    byline such as Drupal's "Submitted by ... on ..." leaves when its name is a link.

    >>> real_author("Submitted"), real_author("Posted by; Ana Diaz"), real_author("Ana Diaz")
    (None, 'Ana Diaz', 'Ana Diaz')
    """
    if not isinstance(author, str):
        return None
    names = [n.strip() for n in author.split(";")]
    kept = [n for n in names if n and " ".join(n.casefold().strip(" .:,").split()) not in _NO_NAME]
    return "; ".join(kept) or None


def extract_html(text: str) -> tuple[str, dict[str, Any]]:
    """Return (article text with blank lines between blocks, page metadata) from an HTML page.

    The metadata dict has ``title`` and, when the page gives them, ``outlet,
    published, date_precision, author, url`` and the ``*_source`` labels (see
    :func:`page_metadata`).
    """
    from trafilatura.utils import load_html

    text = close_title(text)

    doc, depth = _article(lambda: _without_templates(text)), 0
    if doc is None:
        depth = _nesting(text)
        if depth <= _PARSER_DEPTH:
            raise InputSkipped("HTML page with no extractable article text" + _no_tags(text))
        # the parser stops at 255 levels: what is nested deeper was never read
        doc = _article(lambda: _deep_tree(text)) if depth <= MAX_HTML_DEPTH else None
        if doc is None:
            deep = f"{depth:,}" if depth <= MAX_HTML_DEPTH else f"over {MAX_HTML_DEPTH:,}"
            raise InputSkipped(
                f"HTML page nested {deep} elements deep, and no article text was found in it "
                f"(pages are read {MAX_HTML_DEPTH:,} levels deep at most); save the article's "
                "text as .txt"
            )
    blocks = [b.strip() for b in doc.text.split("\n") if b.strip()]
    tree = load_html(text) if depth <= _PARSER_DEPTH else _deep_tree(text)
    page = page_metadata(tree) if tree is not None else {}
    page.setdefault("title", None)
    reason = error_page_reason(page["title"], blocks)
    if reason is not None:
        raise InputSkipped(reason)
    return "\n\n".join(blocks) + "\n", page


#: a page title, or a part of one between " | ", " - ", ": ", that is a web server's error
#: ("Page Not Found", "404 Not Found", "Error 404", "Forbidden", "Access Denied", "Seite nicht
#: gefunden", "Página no encontrada", "Sayfa bulunamadı", "Страница не найдена")
_ERROR_TITLE_RE = re.compile(
    r"^(?:(?:oops|sorry|error|http error|fehler|erreur|erro|hata)\W*)?(?:\d{3}\W*)?(?:"
    r"(?:the )?(?:page|file|document|url|article|content)?\s*(?:was )?not found|"
    r"(?:page|file|url|article|content) (?:does not|doesn't|no longer) exists?|"
    r"(?:page|content|service) (?:is )?(?:not |un)?available|(?:forbidden|access denied)(?: url| page)?|"
    r"(?:\d{3}\W*)?errors?|bad request|internal server error|gone|"
    r"seite nicht gefunden|page introuvable|page non trouv[ée]e|p[áa]gina no encontrada|"
    r"p[áa]gina n[ãa]o encontrada|pagina non trovata|sayfa bulunamad[ıi]|"
    r"страница не найдена|pagina niet gevonden|strona nie zosta[łl]a znaleziona"
    r")(?:\W*(?:\d{3}|error))?\W*$",
    re.IGNORECASE,
)
_TITLE_PARTS_RE = re.compile(r"\s+[|\-\u2013\u2014:·»]+\s+|:\s+")
#: an error page holds fewer words than this (a real article titled "Not Found" is longer)
ERROR_PAGE_MAX_WORDS = 150


def error_page_reason(title: Any, blocks: list[str]) -> str | None:
    """Why a page is a web server's error page (its title, or its first line, says "Page Not
    Found", "404", "Forbidden", "Access Denied" ...; and it holds fewer than
    :data:`ERROR_PAGE_MAX_WORDS` words), or None. A crawler that saved the server's answer
    saved no article: such a page is skipped with this reason, never loaded as a document.

    >>> error_page_reason("Page Not Found", ["404 Errors", "Use your browser's back button."])
    "an error page, not an article (title 'Page Not Found', 7 words): the server answered with an error when the page was saved; fetch it again or leave it out"
    >>> error_page_reason("Forbidden fruit: cigar rollers in Havana", ["It's a formerly ..."]) is None
    True
    >>> error_page_reason(None, ["HTTP Error 403. The request URL is forbidden."]) is None
    True
    >>> error_page_reason("Forbidden", ["Forbidden URL", "HTTP Error 403."])[:45]
    "an error page, not an article (title 'Forbidd"
    """
    n_words = sum(len(b.split()) for b in blocks)
    if n_words >= ERROR_PAGE_MAX_WORDS:
        return None
    for label, line in (("title", title), ("first line", blocks[0] if blocks else None)):
        if not isinstance(line, str) or not line.strip():
            continue
        parts = [line.strip(), *_TITLE_PARTS_RE.split(line.strip())]
        if any(_ERROR_TITLE_RE.match(p.strip()) for p in parts if p.strip()):
            return (
                f"an error page, not an article ({label} {line.strip()[:60]!r}, {n_words:,} "
                "words): the server answered with an error when the page was saved; fetch it "
                "again or leave it out"
            )
    return None


_TAG_START_RE = re.compile(r"<[A-Za-z!?/]")  # a tag starts here (is there markup at all?)


def _no_tags(text: str) -> str:
    """The hint for a ``.html`` file that holds words but no markup (plain text saved as
    .html), or "".

    >>> _no_tags("Talks resumed in Geneva on Tuesday, officials said.")
    ': it holds no HTML tags, only text (8 words); rename it to .txt to load it as a text file'
    >>> _no_tags("<html><body></body></html>"), _no_tags("   ")
    ('', '')
    """
    n_words = len(text[:100_000].split())
    if not n_words or _TAG_START_RE.search(text):
        return ""
    return (
        f": it holds no HTML tags, only text ({n_words:,} words); rename it to .txt to load "
        "it as a text file"
    )


def _article(source: Any) -> Any:
    """trafilatura's extraction of ``source()`` (the page, or a new tree each call), or None
    when it finds no article text."""
    import trafilatura

    opts: dict[str, Any] = {
        "include_comments": False,
        "include_tables": True,  # tables the article owns stay, as text
        "include_images": False,
    }
    doc: Any = trafilatura.bare_extraction(source(), **opts)
    if doc is not None and len((doc.text or "").split()) < 50:
        # trafilatura's fallback returns menu text for pages without an article
        # (app shells, index pages); the precision mode returns nothing there.
        check: Any = trafilatura.bare_extraction(source(), favor_precision=True, **opts)
        if check is None or not (check.text or "").strip():
            doc = None
    if doc is None or not (doc.text or "").strip():
        return None
    return doc


#: how deep libxml2's HTML parser nests elements (deeper ones are dropped with their text)
_PARSER_DEPTH = 255
#: the deepest page read again without that limit (trafilatura fails on far deeper trees)
MAX_HTML_DEPTH = 2000


def _deep_tree(page: str) -> Any:
    """``page`` parsed without the parser's depth limit, ``<template>`` elements removed."""
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True)
    tree = lxml_html.fromstring(page.encode("utf-8"), parser=parser)
    for elem in list(tree.iter("template")):
        if elem.getparent() is not None:
            elem.drop_tree()
    return tree


def _nesting(page: str) -> int:
    """How deep the elements of ``page`` nest (0 when it does not parse); pages deeper than
    ``MAX_HTML_DEPTH`` give that bound plus one.

    >>> _nesting("<html><body>" + "<div>" * 300 + "<p>a</p>" + "</div>" * 300 + "</body></html>")
    303
    >>> _nesting("<html><body><div><p>a</p></div></body></html>")  # too few tags to matter
    0
    """
    if page.count("<") < _PARSER_DEPTH:
        return 0  # too few tags to nest that deep
    from lxml import etree

    try:
        tree = _deep_tree(page)
    except (etree.ParserError, ValueError):
        return 0
    best, stack = 0, [(tree, 1)]
    while stack:
        elem, d = stack.pop()
        best = max(best, d)
        if d > MAX_HTML_DEPTH:
            return d
        stack.extend((child, d + 1) for child in elem)
    return best


_TEMPLATE_RE = re.compile(r"<template[\s>/]", re.IGNORECASE)


def _without_templates(page: str) -> Any:
    """``page`` itself, or when it holds a ``<template>`` its parsed tree without them.

    A ``<template>``'s content is never shown (scripts clone it into the page, or not):
    trafilatura reads it as text ("TEMPLATETEXT" on a test page; dialogs and cards of
    JavaScript sites). The text after a template (its tail) stays. A new tree each call:
    extraction changes the tree it is given.

    >>> from lxml.html import tostring
    >>> page = "<html><body><p>Talks resume<template>Share</template> in Doha</p></body></html>"
    >>> tostring(_without_templates(page)).decode()
    '<html><body><p>Talks resume in Doha</p></body></html>'
    >>> _without_templates("<p>a</p>")
    '<p>a</p>'
    """
    if _TEMPLATE_RE.search(page) is None:
        return page
    from trafilatura.utils import load_html

    tree = load_html(page)
    if tree is None:
        return page
    for elem in list(tree.iter("template")):
        if elem.getparent() is not None:
            elem.drop_tree()
    return tree


def close_title(page: str) -> str:
    """``page`` with an unclosed ``<title>`` closed at the end of its line.

    A page cut or garbled by its crawler (no ``</title>``) is all title to an
    HTML parser: the article is then read as the title's text and nothing is
    extracted.

    >>> close_title("<title>Talks end\\n<p>Body.</p>"), close_title("<title>T</title>x")
    ('<title>Talks end</title>\\n<p>Body.</p>', '<title>T</title>x')
    """
    low = page.lower()
    start = low.find("<title")
    if start == -1 or "</title" in low:
        return page
    gt = page.find(">", start)
    if gt == -1:
        return page
    end = page.find("\n", gt)
    end = len(page) if end == -1 else end
    return page[:end] + "</title>" + page[end:]
