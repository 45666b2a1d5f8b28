"""Outlet names: one spelling per outlet (names that differ only in case, spacing or "&"/"and"
are merged), and outlets taken from the folders a corpus is sorted into."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

_log = logging.getLogger(__name__)

#: values of load_corpus(outlet_from=...): None (the default: metadata, table, page, URL) or
#: "folder" (the first folder below the corpus folder)
OUTLET_FROM = ("folder",)
#: folder_note speaks up for this many first-level folders (fewer: nothing to compare; more:
#: the folders are more likely dates or ids than groups)
FOLDER_GROUPS = (2, 50)

_AMP_RE = re.compile(r"\s*&\s*|\s+and\s+", re.IGNORECASE)
#: a leading "The " or "www.", a trailing ".com", ".net", ".org" or ".co.uk": left out when
#: two spellings are compared ("The Times of India" / "Times of India", "Salon.com" / "Salon")
_AFFIX_RE = re.compile(r"^(?:the\s+|www\.)|\.(?:com|net|org|co\.uk)$")


#: ``http://`` or ``https://`` (also with one slash or none: ``https:/x.com``); a URL whose
#: path holds another one (a link glued to a base, a web archive's copy) is read from the last
_SCHEME_RE = re.compile(r"https?:/{0,3}(?=[^/])", re.IGNORECASE)
#: a value that starts with a scheme of its own that is not the web's (``mailto:``, ``ftp://``)
_OTHER_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:(?://|[^\d/])", re.IGNORECASE)
#: where the host of a URL ends
_HOST_END_RE = re.compile(r"[/\\?#]")
#: a prefix that names a server of the site, not the site: ``www.``, ``www2.``, ``m.``, ``mobile.``
_HOST_PREFIX_RE = re.compile(r"^(?:www\d*|m|mobile|amp)\.")
#: a name label: letters, digits, hyphens, underscores (any script: IDN hosts are read as Unicode)
_LABEL_RE = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?$|^_[\w-]+$")
#: a last label that is a file's extension, not a top-level domain (``index.html`` is no host)
_FILE_TLDS = frozenset(
    "htm html shtml xhtml php asp aspx jsp cgi txt pdf doc docx xls xlsx csv json xml jpg jpeg "
    "png gif svg mp3 mp4 zip gz py js css md".split()
)


def url_parts(url: Any) -> tuple[str | None, bool]:
    """``(host, inner)`` of a URL as a news table writes it: the host that names the site
    (lower case, Unicode for an IDN host, without a port, user, trailing dot or a leading
    ``www.``/``www2.``/``m.``/``mobile.``/``amp.``), and whether it was read from a second URL inside
    the first (``inner``). ``(None, False)`` when the value is not a web address.

    A link glued to another (``https://www.huffingtonpost.comhttps://www.outsports.com/...``:
    a base and a whole link joined by a broken crawler) and a link to a copy of a page (a web
    archive's ``https://web.archive.org/web/2017.../http://uspoln.com:80/...``) name their
    page in the last URL before any ``?`` or ``#``; a URL inside the query (``?u=https://...``,
    a share or referrer link) does not. A value without a scheme is read as a host when its
    first part is a name with a dot and a top-level domain of letters (``www.cnn.com/x``,
    ``politics2020.info/index.php``; not ``index.html``); ``mailto:``, ``ftp://`` and other
    schemes are not web addresses.

    >>> url_parts("https://www.huffingtonpost.comhttps://www.outsports.com/2018/4/17/jake")
    ('outsports.com', True)
    >>> url_parts("https://web.archive.org/web/20170710041423/http://uspoln.com:80/2017/07/a")
    ('uspoln.com', True)
    >>> [url_parts(u)[0] for u in ("www.nscdscamps.org/blog/1", "HTTP://News.BBC.co.UK./x",
    ...  "https://user@www2.example.com:8080/a?u=https://other.org/", "//m.cnn.com/a",
    ...  "https://xn--bcher-kva.de/a", "  <https://www.Bücher.de>  ", "jis.gov.jm/p/")]
    ['nscdscamps.org', 'news.bbc.co.uk', 'example.com', 'cnn.com', 'bücher.de', 'bücher.de', 'jis.gov.jm']
    >>> [url_parts(u)[0] for u in ("index.html", "mailto:a@b.com", "Talks end.", "e.g. this",
    ...  "http://localhost/a", "U.S.", None, "https://192.0.2.7/a", "ftp://x.org/f")]
    [None, None, None, None, None, None, None, '192.0.2.7', None]
    """
    if not isinstance(url, str):
        return None, False
    s = url.strip().strip("<>\"'").strip()
    if not s or any(ch.isspace() for ch in s):
        return None, False
    end = len(s)
    for mark in "?#":
        i = s.find(mark)
        if i != -1:
            end = min(end, i)
    starts = [m for m in _SCHEME_RE.finditer(s, 0, end)]
    inner = False
    if starts:
        last = starts[-1]
        inner = last.start() > 0 and starts[0].start() == 0
        if last.start() > 0 and not inner:
            return None, False  # words before the address: not a URL cell
        rest = s[last.end() :]
    elif _OTHER_SCHEME_RE.match(s):
        return None, False
    else:
        rest = s.lstrip("/")
    host = _host_of(rest[: m.start()] if (m := _HOST_END_RE.search(rest)) else rest)
    if host is None or (not starts and host.rpartition(".")[2] in _FILE_TLDS):
        return None, False
    if _proxy_hosts_re().search(host) is not None:
        page = _proxied(host, rest[m.start() : end - (len(s) - len(rest))] if m else "")
        if page is not None:
            return page, True
    return host, inner


@functools.lru_cache(maxsize=1)
def _proxy_rules() -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None, bool], ...]:
    """``(host pattern, path pattern or None, label)`` of each proxy in
    ``data/url_redirectors.yml``."""
    from importlib import resources

    import yaml

    path = resources.files("corpus_tools").joinpath("data", "url_redirectors.yml")
    rules = []
    for rule in yaml.safe_load(path.read_text("utf-8")).get("proxies") or []:
        name = str(rule["host"]).lower()
        any_tld = name.endswith(".*")
        stem = re.escape(name[:-2] if any_tld else name)
        host_re = re.compile(
            rf"(?:^|\.){stem}(?:\.[a-z]{{2,3}}){{1,2}}$" if any_tld else rf"\.{stem}$"
        )
        path_re = re.compile(str(rule["path"])) if rule.get("path") else None
        rules.append((host_re, path_re, bool(rule.get("label"))))
    return tuple(rules)


@functools.lru_cache(maxsize=1)
def _proxy_hosts_re() -> re.Pattern[str]:
    """One pattern of every proxy's host (a URL's host is checked once, not per proxy)."""
    return re.compile("|".join(f"(?:{rule[0].pattern})" for rule in _proxy_rules()) or "(?!)")


def _proxied(host: str, path: str) -> str | None:
    """The host of the page a proxy's URL serves (``data/url_redirectors.yml``'s ``proxies``):
    read from the URL's path, else from the proxy host's first label (``www-bbc-co-uk``:
    ``-`` for ``.``, ``--`` for ``-``); None when neither gives a host.

    >>> _proxied("www-army--technology-com.translate.goog", "/news/x/")
    'army-technology.com'
    >>> _proxied("www-theregister-com.cdn.ampproject.org", "/c/s/www.theregister.com/AMP/2020/")
    'theregister.com'
    >>> _proxied("google.com", "/amp/s/www.geeksforgeeks.org/a/amp"), _proxied("google.com", "/")
    ('geeksforgeeks.org', None)
    """
    from urllib.parse import unquote

    for host_re, path_re, label in _proxy_rules():
        found = host_re.search(host)
        if found is None:
            continue
        if path_re is not None and (m := path_re.match(path)):
            page = _host_of(unquote(m.group(1)))
            if page is not None:
                return page
        first = host[: found.start()]
        if label and first and "." not in first:
            return _host_of(first.replace("--", "\0").replace("-", ".").replace("\0", "-"))
        return None
    return None


def _host_of(authority: str) -> str | None:
    """The host of ``user@host:port`` as :func:`url_parts` returns it, or None."""
    host = authority.rpartition("@")[2]
    host = re.sub(r":\d*$", "", host)
    host = re.sub("[\u3002\uff0e\uff61]", ".", host).rstrip(".").lower()
    if "xn--" in host:
        try:
            host = host.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return None
    host = unicodedata.normalize("NFC", host)
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL_RE.match(label) for label in labels):
        return None
    tld = labels[-1]
    if not (tld.isalpha() and len(tld) >= 2) and not (
        len(labels) == 4 and all(label.isdigit() and int(label) < 256 for label in labels)
    ):
        return None
    short = _HOST_PREFIX_RE.sub("", host, count=1)
    return short if "." in short else host


#: sites whose subdomains are outlets of their own that the public suffix list does not list
#: as such: blog and newsletter hosts (one author each), and media groups' umbrella domains
#: that hold separate titles (``abcnews.go.com``/``espn.go.com``,
#: ``timesofindia.indiatimes.com``/``economictimes.indiatimes.com``, ``zeenews.india.com``)
OWN_SUBDOMAINS = frozenset(
    {
        "indiatimes.com",
        "india.com",
        "substack.com",
        "medium.com",
        "wordpress.com",
        "tumblr.com",
        "typepad.com",
        "livejournal.com",
        "over-blog.com",
        "weebly.com",
        "ghost.io",
        "beehiiv.com",
        "blogger.com",
        "go.com",
    }
)


@functools.lru_cache(maxsize=65536)
def site_of(host: str) -> str:
    """The site a host belongs to: its registrable domain by the public suffix list (the
    ``tld`` package's copy, installed with trafilatura), so the sections of one site are one
    outlet (``nasional.kompas.com`` and ``money.kompas.com`` are ``kompas.com``,
    ``news.bbc.co.uk`` is ``bbc.co.uk``), while hosts the list names as separate sites stay
    apart (``x.blogspot.com``, ``x.github.io``, ``x.gov.uk``), as do those of
    ``OWN_SUBDOMAINS`` (``x.substack.com``). An IP address, or a host the list does not know,
    is kept as it is.

    >>> [site_of(h) for h in ("nasional.kompas.com", "news.bbc.co.uk", "abc.net.au",
    ...  "x.blogspot.com", "jane.substack.com", "abcnews.go.com", "192.0.2.7", "kompas.com")]
    ['kompas.com', 'bbc.co.uk', 'abc.net.au', 'x.blogspot.com', 'jane.substack.com', 'abcnews.go.com', '192.0.2.7', 'kompas.com']
    """
    if host.count(".") < 2:
        return host  # "kompas.com": nothing to drop (a one-label suffix is the common case)
    try:
        from tld import get_fld
    except ImportError:  # pragma: no cover - installed with trafilatura (courlan)
        return host
    site = get_fld(host, fix_protocol=True, search_private=True, fail_silently=True)
    if not isinstance(site, str) or not site or site in OWN_SUBDOMAINS:
        return host
    return site


def url_host(url: Any) -> str | None:
    """The site of a URL: the host (:func:`url_parts`) without the subdomains that name a
    section of one site (:func:`site_of`), or None. A redirector's or aggregator's URL
    (:func:`is_redirector`) gives the site of the address in its query, or None.

    >>> url_host("https://www.example.co.uk/a"), url_host("not a url")
    ('example.co.uk', None)
    >>> url_host("https://nasional.kompas.com/read/2019/11/26/x")
    'kompas.com'
    >>> url_host("http://feedproxy.google.com/~r/Outlet/~3/x/story"), url_host("https://t.co/Ab1")
    (None, None)
    """
    host = url_parts(url)[0]
    if host is not None and is_redirector(host):
        host = redirect_target(url)
    return None if host is None else site_of(host)


@functools.lru_cache(maxsize=1)
def _redirector_hosts() -> frozenset[str]:
    """The hosts of ``data/url_redirectors.yml``."""
    from importlib import resources

    import yaml

    path = resources.files("corpus_tools").joinpath("data", "url_redirectors.yml")
    return frozenset(str(h).lower() for h in yaml.safe_load(path.read_text("utf-8"))["hosts"])


def is_redirector(host: str) -> bool:
    """Whether a host (as :func:`url_parts` gives it) is a link shortener's, a feed
    redirector's or a news aggregator's (``data/url_redirectors.yml``), or a subdomain of one:
    its URLs name no outlet.

    >>> [is_redirector(h) for h in ("feedproxy.google.com", "rss.feedsportal.com", "t.co",
    ...  "google.com", "blog.google.com", "reuters.com")]
    [True, True, True, False, False, False]
    """
    hosts = _redirector_hosts()
    return host in hosts or any(host.endswith("." + h) for h in hosts if h.count(".") == 1)


def redirect_target(url: Any) -> str | None:
    """The host (:func:`url_parts`) of the web address a redirector's URL carries as a query
    value (``?url=https://...``, ``?u=https%3A%2F%2F...``), or None.

    >>> redirect_target("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bbc.co.uk%2Fnews%2Fx&h=A")
    'bbc.co.uk'
    >>> redirect_target("https://t.co/Ab1"), redirect_target(None)
    (None, None)
    """
    if not isinstance(url, str) or "?" not in url:
        return None
    from urllib.parse import parse_qsl

    for _key, value in parse_qsl(url.strip().split("?", 1)[1].split("#", 1)[0]):
        if _SCHEME_RE.match(value.strip()):
            host = url_parts(value)[0]
            if host is not None and not is_redirector(host):
                return host
    return None


def redirector_note(where: str, unit: str, n: int) -> str:
    """The warning for a source whose every URL (``n`` of them) is a redirector's
    (:func:`is_redirector`) and that has no outlet column: no document gets an outlet.

    >>> redirector_note("gnews.csv", "row", 3)[:87]
    "gnews.csv: every row's URL (3) is a link shortener's, feed redirector's or aggregator's"
    """
    return (
        f"{where}: every {unit}'s URL ({n:,}) is a link shortener's, feed redirector's or "
        "aggregator's (news.google.com, feedproxy.google.com, t.co, bit.ly: "
        "corpus_tools/data/url_redirectors.yml), not the article's own address, so none "
        f"of its {unit}s has an outlet. To name the "
        "outlets, pass outlet_column= naming the column that names each item's source "
        "(command line: --outlet-column NAME), or add a metadata.csv with the columns "
        "file,outlet; or save the addresses the links lead to (the articles' own URLs) and "
        "load again."
    )


def is_url_cell(value: Any) -> bool:
    """Whether a table cell is a web address, not just a name with a dot: a host
    (:func:`url_parts`) with a scheme, a ``www.`` or a path after it.

    >>> [is_url_cell(v) for v in ("cnn.com/a", "www.cnn.com", "http://cnn.com", "cnn.com",
    ...                           "Mr.Smith", "index.html", 3)]
    [True, True, True, False, False, False, False]
    """
    if not isinstance(value, str) or url_parts(value)[0] is None:
        return False
    s = value.strip().strip("<>\"'").strip().lower()
    if _SCHEME_RE.match(s) or s.startswith(("www", "//")):
        return True
    return _HOST_END_RE.search(s) is not None


def outlet_key(name: str) -> str:
    """The form two spellings of one outlet share: case folded, "&" read as "and", spaces
    collapsed, a leading "The " or "www." and a trailing ".com", ".net", ".org" or ".co.uk"
    left out (what is left must still hold a letter or digit: "The" stays).

    >>> outlet_key("Better Homes & Gardens") == outlet_key("better homes  AND gardens")
    True
    >>> [outlet_key(n) for n in ("The Times of India", "Salon.com", "www.npr.org", "The Times")]
    ['times of india', 'salon', 'npr', 'times']
    >>> outlet_key("Times of India.in"), outlet_key("The"), outlet_key("the.com")
    ('times of india.in', 'the', 'the')
    """
    key = " ".join(_AMP_RE.sub(" and ", name).casefold().split())
    for _ in range(2):  # "The Salon.com": both ends
        short = _AFFIX_RE.sub("", key, count=1).strip()
        if not any(c.isalnum() for c in short) or short == key:
            break
        key = short
    return key


def merge_spellings(names: Iterable[Any] | Mapping[Any, int]) -> dict[str, str]:
    """Each spelling to replace (value: the spelling it becomes) when an outlet is written in
    more than one way: the most frequent spelling wins, on a tie the first in corpus order.

    ``names`` is one name per document, or a mapping of each name to its number of
    documents (first-seen order = the mapping's order; the same result, without a list of
    one entry per document).

    >>> merge_spellings(["Backstage.com", "backstage.com", "Backstage.com", "BBC", None])
    {'backstage.com': 'Backstage.com'}
    >>> merge_spellings(["Better Homes and Gardens", "Better Homes & Gardens"])
    {'Better Homes & Gardens': 'Better Homes and Gardens'}
    >>> merge_spellings({"Backstage.com": 2, "backstage.com": 1, None: 5})
    {'backstage.com': 'Backstage.com'}

    Two web hosts that differ in more than case are two sites (``wired.com`` and
    ``wired.co.uk`` are two editions), and a name beside them (``Wired``) could be either:

    >>> merge_spellings(["wired.com", "wired.co.uk", "Wired.com", "Wired", "salon.com", "Salon"])
    {'Wired.com': 'wired.com', 'Salon': 'salon.com'}
    """
    if isinstance(names, Mapping):
        counts = Counter({n: int(c) for n, c in names.items() if isinstance(n, str) and c})
    else:
        counts = Counter(n for n in names if isinstance(n, str))
    groups: dict[str, list[str]] = {}
    for name in counts:  # first-seen order
        groups.setdefault(outlet_key(name), []).append(name)
    merged: dict[str, str] = {}
    for spellings in _apart_hosts(groups.values()):
        if len(spellings) > 1:
            order = {s: i for i, s in enumerate(spellings)}
            best = max(spellings, key=lambda s: (counts[s], -order[s]))
            merged.update((s, best) for s in spellings if s != best)
    return merged


def _apart_hosts(groups: Iterable[list[str]]) -> Iterator[list[str]]:
    """Spellings that share an :func:`outlet_key`, split where they are distinct web hosts:
    each host (in any case) its own group; the other names of such a group merge with none."""
    for spellings in groups:
        hosts = {n: n.strip().lower() for n in spellings if _is_host_name(n)}
        if len(set(hosts.values())) < 2:
            yield spellings
            continue
        apart: dict[str, list[str]] = {}
        for n in spellings:
            apart.setdefault(hosts.get(n, f"\0{n}"), []).append(n)
        yield from apart.values()


def _is_host_name(name: str) -> bool:
    """Whether an outlet name is a web host (``wired.co.uk``), not a name (``Salon``)."""
    s = name.strip()
    return "." in s and s == name and _host_of(s) is not None


#: a web host's server prefix as an outlet cell writes it (``www.newsmax.com``,
#: ``amp.theguardian.com``, ``m.cnn.com``): the server, not another site
_WWW_RE = re.compile(r"^(?:www\d*|m|mobile|amp)\.", re.IGNORECASE)


def bare_hosts(names: Iterable[Any]) -> dict[str, str]:
    """Each outlet written as a web host with a leading server prefix (``www.``, ``www2.``,
    ``m.``, ``mobile.``, ``amp.``), mapped to the host without it, in lower case, as an outlet
    taken from a URL is named: a table's ``domain`` column with ``www.newsmax.com`` or
    ``amp.theguardian.com`` on some rows and ``newsmax.com``, ``theguardian.com`` on others
    are one outlet each. What is left must be a site of its own (``m.co.uk`` stays: ``co.uk``
    is a public suffix). Names that are not hosts are left alone.

    >>> bare_hosts(["www.newsmax.com", "WWW.BBC.co.uk", "www2.example.org", "www", "www.x", None])
    {'www.newsmax.com': 'newsmax.com', 'WWW.BBC.co.uk': 'bbc.co.uk', 'www2.example.org': 'example.org'}
    >>> bare_hosts(["amp.theguardian.com", "m.cnn.com", "amp.co.uk", "amp.dev", "mobile.de"])
    {'amp.theguardian.com': 'theguardian.com', 'm.cnn.com': 'cnn.com'}
    >>> bare_hosts(["www.Daily News", "www.index.html"])
    {}
    """
    out: dict[str, str] = {}
    for name in names:
        if not isinstance(name, str) or name in out:
            continue
        m = _WWW_RE.match(name)
        rest = name[m.end() :] if m else ""
        if rest and rest == rest.strip() and _host_of(rest) is not None:
            if rest.rsplit(".", 1)[-1].lower() not in _FILE_TLDS and _is_site(rest.lower()):
                out[name] = rest.lower()
    return out


@functools.lru_cache(maxsize=4096)
def _is_site(host: str) -> bool:
    """Whether a host is a site (has a registrable domain), not a public suffix (``co.uk``)."""
    try:
        from tld import get_tld
    except ImportError:  # pragma: no cover - installed with trafilatura (courlan)
        return True
    parts = get_tld(host, fix_protocol=True, as_object=True, fail_silently=True)
    return parts is None or getattr(parts, "tld", None) != host


def merge_note(merged: dict[str, str], counts: dict[str, int]) -> str:
    """The warning naming the merged spellings (the first three) and where the originals are.

    >>> merge_note({"backstage.com": "Backstage.com"}, {"backstage.com": 2})
    "outlet names that differ only in case, '&'/'and', a leading 'The ' or 'www.' or a trailing '.com' (.net, .org, .co.uk) were merged into their most frequent spelling: 'backstage.com' (2 document(s)) -> 'Backstage.com'; the name as written is in docs['outlet_as_written'], and corpus_tools.io.outlet_merges(corpus) lists every merge."
    """
    shown = "; ".join(
        f"{old!r} ({counts.get(old, 0):,} document(s)) -> {new!r}"
        for old, new in list(merged.items())[:3]
    )
    more = f" and {len(merged) - 3:,} more" if len(merged) > 3 else ""
    return (
        "outlet names that differ only in case, '&'/'and', a leading 'The ' or 'www.' or a "
        "trailing '.com' (.net, .org, .co.uk) were merged into their most frequent spelling: "
        f"{shown}{more}; the name as written is in docs['outlet_as_written'], and "
        "corpus_tools.io.outlet_merges(corpus) lists every merge."
    )


def outlet_merges(corpus: Any) -> Any:
    """The outlet names the loader merged: one row per name as written, with the outlet it
    became and its number of documents (``as_written, outlet, documents``; empty when nothing
    was merged). Undo a merge with
    ``docs["outlet"] = docs["outlet_as_written"].fillna(docs["outlet"])``.

    >>> import pandas as pd, corpus_tools as ct, warnings
    >>> frame = pd.DataFrame({"text": ["A text."] * 3,
    ...                       "outlet": ["Times of India", "The Times of India", "Times of India"]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     corpus = ct.load_corpus(frame)
    >>> outlet_merges(corpus)
               as_written          outlet  documents
    0  The Times of India  Times of India          1
    """
    import pandas as pd

    docs = corpus.docs if hasattr(corpus, "docs") else corpus
    columns = ["as_written", "outlet", "documents"]
    if "outlet_as_written" not in docs.columns:
        return pd.DataFrame(columns=columns)
    pairs = docs.loc[docs["outlet_as_written"].notna(), ["outlet_as_written", "outlet"]]
    table = pairs.value_counts(sort=False).rename("documents").reset_index()
    table.columns = columns
    table = table.sort_values(["outlet", "documents", "as_written"], ascending=[True, False, True])
    return table.reset_index(drop=True)


def _shown(counts: Counter[str], k: int = 5) -> str:
    """``bbc (120), cnn (80)`` for the first ``k`` folders by name, ``and N more`` after."""
    names = sorted(counts)
    shown = ", ".join(f"{name} ({counts[name]:,})" for name in names[:k])
    return shown + (f" and {len(names) - k:,} more" if len(names) > k else "")


def first_folder(path: Any) -> str | None:
    """The first folder of a relative path (``/`` or ``\\`` separated), or None at the top level.

    >>> first_folder("bbc/2023/a.txt"), first_folder("a.txt"), first_folder(None)
    ('bbc', None, None)
    """
    if not isinstance(path, str):
        return None
    head, sep, _ = path.replace("\\", "/").partition("/")
    return head if sep and head else None


class FolderOutlets:
    """``load_corpus(outlet_from="folder")``: each document's outlet is its first folder.

    :meth:`apply` sets ``outlet`` and ``outlet_source="folder"`` on a document row that
    sits in a folder below the corpus folder (over what a page or table says; the
    metadata file is joined after it and wins); a document at the top level keeps the
    outlet it has. A record of a crawler dump (``split="records"``) whose own header names
    its outlet (a ``Source:`` line) keeps it: that line was written for this one article,
    while the folder holds the whole dump, so the record's own field is the more specific
    (a page's ``og:site_name`` is not: it names the site, often a platform, and the folder
    wins over it). :meth:`finished` logs the folders used (logger ``corpus_tools.io``)
    and returns the warnings about documents that got no folder, or None.
    """

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.top: list[str] = []  # documents at the top level (the first few)
        self.n_top = 0
        self.own: list[str] = []  # records that keep their own Source: line (the first few)
        self.n_own = 0

    def apply(self, base: dict[str, Any]) -> None:
        folder = first_folder(base.get("path"))
        if folder is None:
            self.n_top += 1
            if len(self.top) < 3:
                self.top.append(str(base.get("path") or base.get("source")))
            return
        if base.get("outlet_source") == "record_header" and base.get("outlet"):
            self.n_own += 1
            if len(self.own) < 3:
                self.own.append(f"{base.get('source')} ({base['outlet']!r}, folder {folder!r})")
            return
        self.counts[folder] += 1
        base["outlet"] = folder
        base["outlet_source"] = "folder"

    def finished(self) -> str | None:
        notes = [self._own_note(), self._top_note()]
        return " ".join(n for n in notes if n) or None

    def _own_note(self) -> str | None:
        if not self.n_own:
            return None
        shown = ", ".join(self.own) + (" ..." if self.n_own > len(self.own) else "")
        return (
            f"outlet_from='folder': {self.n_own:,} record(s) of crawler dumps keep the outlet "
            f"of their own 'Source:' line, not their folder ({shown}); to group them by "
            "folder anyway, name the dump's outlet in a metadata.csv (columns file,outlet: "
            "one row for the dump file sets all its records)."
        )

    def _top_note(self) -> str | None:
        n = sum(self.counts.values())
        if n:
            _log.info(
                "outlet_from='folder': %s document(s) take their outlet from %s folder(s): %s",
                f"{n:,}",
                len(self.counts),
                _shown(self.counts),
            )
        if not self.n_top:
            return None
        shown = ", ".join(self.top) + (" ..." if self.n_top > len(self.top) else "")
        if not n:
            return (
                "outlet_from='folder' had no effect: no document sits in a folder below the "
                f"corpus folder ({shown}); point load_corpus at the folder that holds the "
                "outlets' folders, or drop the option."
            )
        return (
            f"outlet_from='folder': {self.n_top:,} document(s) sit at the top level of the "
            f"corpus folder, not in a folder, and keep the outlet they had ({shown}); move "
            "them into their outlet's folder, or name their outlet in a metadata.csv "
            "(columns file,outlet)."
        )


class FolderGroups:
    """The documents of a load seen one at a time, for :func:`folder_note` at the end
    without keeping their paths: ``iter_documents`` streams, ``load_corpus`` has the table.

    >>> g = FolderGroups()
    >>> for path in ("bbc/a.txt", "cnn/b.txt"):
    ...     g.add(path, None)
    >>> g.note().startswith("no document has an outlet, so every comparison by outlet")
    True
    """

    def __init__(self) -> None:
        self.counts: Counter[str] | None = Counter()  # None once no note can be due

    def add(self, path: Any, outlet: Any) -> None:
        if self.counts is None:
            return
        folder = first_folder(path)
        if folder is None or (isinstance(outlet, str) and outlet.strip()):
            self.counts = None
            return
        self.counts[folder] += 1
        if len(self.counts) > FOLDER_GROUPS[1]:
            self.counts = None

    def note(self) -> str | None:
        lo, hi = FOLDER_GROUPS
        if self.counts is None or not lo <= len(self.counts) <= hi:
            return None
        return (
            "no document has an outlet, so every comparison by outlet sees one group, but the "
            f"documents sit in {len(self.counts)} folders: {_shown(self.counts)}. If the "
            "folders are the outlets (or the groups you want to compare), pass "
            "outlet_from='folder' (command line: --outlet-from folder), or add a metadata.csv "
            "with the columns file,outlet to the corpus folder."
        )


def folder_note(paths: Iterable[Any], outlets: Iterable[Any]) -> str | None:
    """The warning for a corpus with no outlet whose documents are sorted into 2-50 folders
    (the folders are the grouping the user already made), or None.

    >>> print(folder_note(["bbc/a.txt", "cnn/b.txt"], [None, None]))
    no document has an outlet, so every comparison by outlet sees one group, but the documents sit in 2 folders: bbc (1), cnn (1). If the folders are the outlets (or the groups you want to compare), pass outlet_from='folder' (command line: --outlet-from folder), or add a metadata.csv with the columns file,outlet to the corpus folder.
    """
    groups = FolderGroups()
    for path, outlet in zip(paths, outlets, strict=True):
        groups.add(path, outlet)
    return groups.note()


#: the separators before a site name at the end of a page's ``<title>``: " - ", " | ", " – ",
#: " — ", " :: ", " : " ("... : NPR"; spaces on both sides: "U.S.-China talks", "Live: Storm"
#: and "10:30" hold no separator)
_TITLE_END_SEP_RE = re.compile(r"\s+(?:-|\||\u2013|\u2014|::|:)\s+")
#: a last title part names the site of the pages of a folder (or URL host) when it ends the
#: titles of at least this many of them and this share of them
TITLE_SITE_MIN_PAGES = 3
TITLE_SITE_SHARE = 0.2
#: the outlet_source of an outlet named by a title end shared across pages
TITLE_SITE_SOURCE = "page:title:shared"


def title_parts(title: Any) -> list[str]:
    """A ``<title>`` split at its site separators (one part when it has none).

    >>> title_parts("Science : NPR"), title_parts("Live: storm hits coast")
    (['Science', 'NPR'], ['Live: storm hits coast'])

    >>> title_parts("Obama wins - Politics - BBC News"), title_parts("U.S.-China talks")
    (['Obama wins', 'Politics', 'BBC News'], ['U.S.-China talks'])
    """
    if not isinstance(title, str):
        return []
    return [p.strip() for p in _TITLE_END_SEP_RE.split(title.strip())]


def shared_title_sites(groups: list[Any], titles: list[Any], max_words: int) -> dict[int, str]:
    """Position -> site name, for the pages whose ``<title>`` ends in a part (after " - ",
    " | ", " – ", " — ", " :: ") of at most ``max_words`` words, with a letter, that ends the
    titles of at least :data:`TITLE_SITE_MIN_PAGES` pages (with as many different first
    parts: three pages titled "Reddit - The heart of the internet" name no site by their end)
    and :data:`TITLE_SITE_SHARE` of the pages of their group (a folder, or a URL host), and that ends more of the group's titles
    than it stands inside (a section, "Obama wins - Politics - BBC News", is no site). One
    title alone is no evidence: "Obama wins - Politics" may name a section. Parts are compared
    without case or spacing; the name is the group's most written spelling. One pass: linear.

    >>> t = ["Storm hits coast - BBC News", "Talks end - BBC News", "Vote - Politics - BBC News"]
    >>> shared_title_sites(["a"] * 4, t + ["Other"], 5)
    {0: 'BBC News', 1: 'BBC News', 2: 'BBC News'}
    >>> shared_title_sites(["a", "a", "b"], t, 5)  # two pages of a folder are not enough
    {}
    """
    pages: Counter[Any] = Counter(groups)
    ends: Counter[tuple[Any, str]] = Counter()
    inside: Counter[tuple[Any, str]] = Counter()
    spellings: dict[tuple[Any, str], Counter[str]] = {}
    heads: dict[tuple[Any, str], set[str]] = {}
    keyed: list[tuple[Any, str] | None] = []
    for group, title in zip(groups, titles, strict=True):
        parts = title_parts(title)
        last = parts[-1] if len(parts) > 1 else ""
        if not any(c.isalpha() for c in last) or len(last.split()) > max_words:
            keyed.append(None)
        else:
            key = (group, " ".join(last.casefold().split()))
            ends[key] += 1
            spellings.setdefault(key, Counter())[last] += 1
            heads.setdefault(key, set()).add(" ".join(parts[0].casefold().split()))
            keyed.append(key)
        for part in dict.fromkeys(" ".join(p.casefold().split()) for p in parts[1:-1]):
            inside[(group, part)] += 1
    sites = {
        key: spellings[key].most_common(1)[0][0]
        for key, n in ends.items()
        if len(heads[key]) >= TITLE_SITE_MIN_PAGES
        and n >= TITLE_SITE_SHARE * pages[key[0]]
        and n > inside[key]
    }
    return {i: sites[key] for i, key in enumerate(keyed) if key in sites}
