"""News feeds (RSS 0.9x/1.0/2.0 and Atom) saved as files: one document per item.

A saved feed (``.xml``, ``.rss``, ``.atom``) is a table of items: each item's ``title``,
``link`` (``url``), ``guid``/``id`` (``id``), date (``pubDate``, ``published``,
``dc:date``, ``updated``: RFC 822 and ISO dates, the first one given) and author
(``author``, ``dc:creator``) fill those columns, and its text is ``content:encoded`` (Atom
``content``) or else ``description`` (``summary``), with the HTML markup a feed carries
turned into text (a paragraph per block). The rows then load as a JSON Lines table does
(:func:`~corpus_tools.io.readers.table_docs`): the outlet is the host of each item's link
unless the items name one (``source``). A date that cannot be read leaves ``published``
empty, and one warning per file names it. Many feeds give only a summary of a line or two:
when the items' median length is under ``SUMMARY_WORDS`` words, one warning says so (the
article text is at the links).

An ``.xml`` file that is no feed is skipped with what it is (a sitemap, a NITF article, ...);
a feed that is not well-formed XML is skipped with the line and column of the fault. The
XML is parsed without resolving entities or loading anything from the network.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from email.utils import parsedate_to_datetime
from typing import Any

import pandas as pd

from ..errors import CorpusToolsWarning
from . import limits
from .files import InputSkipped

#: the extensions of a saved feed
FEED_EXTENSIONS = (".xml", ".rss", ".atom")
#: items whose median text is shorter than this many words are summaries, not articles
SUMMARY_WORDS = 60

_BLOCK = re.compile(
    r"(?is)<\s*/?\s*(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|figure|hr)\b[^>]*>"
)
_DROP = re.compile(r"(?is)<\s*(script|style|noscript)\b.*?<\s*/\s*\1\s*>")
#: an HTML comment (an unclosed one runs to the end of the cell)
_COMMENT = re.compile(r"(?s)<!--.*?(?:-->|\Z)")
_TAG = re.compile(r"(?s)<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\s*\n\s*\n\s*")


def markup_text(value: str) -> str:
    """The text of a feed field that may hold HTML: a blank line between blocks, tags dropped,
    entities decoded.

    >>> markup_text("<p>Talks <b>ended</b> &amp; resumed.</p><p>Next.</p>")
    'Talks ended & resumed.\\n\\nNext.'
    >>> markup_text("Plain text, 5 < 6.")
    'Plain text, 5 < 6.'
    >>> markup_text("<p>Kept.</p><!-- <p>a note --> <script>var a = 1;</script><p>Too.</p>")
    'Kept.\\n\\nToo.'
    """
    if "<" not in value or not _TAG.search(value):
        return html.unescape(value).strip()
    value = _DROP.sub(" ", _COMMENT.sub(" ", value))
    value = _own_line_for_final_link(value)
    value = _BLOCK.sub("\n\n", value)
    value = html.unescape(_TAG.sub("", value))
    value = _SPACES.sub(" ", value)
    return _BLANKS.sub("\n\n", value).strip()


#: the last link of a cell: its opening tag (not a self-closing ``<a/>``, which some feeds
#: write for ``</a>``)
_LINK_OPEN_RE = re.compile(r"(?is)<\s*a\b(?![^>]*/\s*>)[^>]*>")
#: the end of a sentence or a cut-off summary ("...", "…") before a final link
_SENTENCE_END_RE = re.compile(r"(?:[.!?…:»\"”)]|\.\.\.)\s*$")
#: a final link with more words than this is part of the text, not a "read more" link
_FINAL_LINK_WORDS = 8


def _own_line_for_final_link(value: str) -> str:
    """``value`` with a link that ends the cell after a finished sentence (a feed's
    ``Trabzon bu seriyi...  <a href="...">Devamı için tıklayınız</a>``, "Read more", "Continue
    reading") set on a line of its own, where cleaning's templates see it recur across an
    outlet's items; a link inside a sentence stays on its line.

    >>> markup_text('Trabzon bu seriyi...  <a href="https://x.tr/a">Devamı için tıklayınız<a/>')
    'Trabzon bu seriyi...\n\nDevamı için tıklayınız'
    >>> markup_text('The talks ended, said <a href="https://x.org/">the ministry</a>')
    'The talks ended, said the ministry'
    """
    opens = list(_LINK_OPEN_RE.finditer(value))
    if not opens:
        return value
    start = opens[-1].start()
    before, link = value[:start], value[start:]
    link_words = html.unescape(_TAG.sub(" ", link)).split()
    if not link_words or len(link_words) > _FINAL_LINK_WORDS or _BLOCK.search(link):
        return value
    if not _SENTENCE_END_RE.search(html.unescape(_TAG.sub(" ", before)).strip()):
        return value
    return before + "\n\n" + link


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _date(value: str) -> str | None:
    """An ISO date of an RFC 822 (``Fri, 20 Feb 2026 17:52:47 GMT``) or ISO feed date.

    >>> _date("2005-5-28 16:05:36"), _date("2005-5-8 6:05"), _date("05/20 7:03 am")
    ('2005-05-28T16:05:36', '2005-05-08T06:05', None)
    >>> _date("Mon, 26 Sept 2005 21:46:23+0900")
    '2005-09-26T21:46:23+09:00'
    """
    value = value.strip()
    if re.match(r"\d{4}-\d\d(-\d\d)?([T ][\d:.]+)?(Z|[+-]\d\d:?\d\d)?$", value):
        return value
    short = re.match(r"(\d{4})-(\d\d?)-(\d\d?)([T ]\d\d?:\d\d(?::\d\d)?)?$", value)
    if short:  # 2005-5-28 16:05:36: year first, so never ambiguous; written out in full
        y, m, d, t = short.groups()
        clock = t[1:].zfill(5 if t.count(":") == 1 else 8) if t else ""
        return f"{y}-{int(m):02d}-{int(d):02d}" + (f"T{clock}" if clock else "")
    try:  # "26 Sept 2005": a four-letter September some feeds write
        return parsedate_to_datetime(re.sub(r"\bSept\b", "Sep", value)).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


#: item child (local name) -> column, the first given wins (content before description)
_FIELDS = {
    "title": "title",
    "link": "url",
    "guid": "id",
    "id": "id",
    "pubdate": "published",
    "published": "published",
    "date": "published",
    "issued": "published",
    "updated": "published",
    "modified": "published",
    "creator": "author",
    "author": "author",
    "encoded": "text",
    "content": "text",
    "description": "summary",
    "summary": "summary",
    "source": "source",
}


def _value(el: Any, name: str) -> str | None:
    if name == "link" and el.get("href") is not None:  # Atom: <link rel="alternate" href=...>
        return el.get("href") if el.get("rel", "alternate") == "alternate" else None
    if name == "author" and len(el):  # Atom: <author><name>...</name></author>
        names = [c.text for c in el if _local(c.tag) == "name" and c.text]
        return names[0] if names else None
    if name == "source" and el.text is None:
        return None
    return "".join(el.itertext()) if name in ("content", "encoded") else el.text


def _item(el: Any) -> dict[str, str]:
    row: dict[str, str] = {}
    for child in el:
        name = _local(child.tag)
        column = _FIELDS.get(name)
        if column is None or column in row:
            continue
        value = _value(child, name)
        if value is not None and value.strip():
            row[column] = value.strip()
    return row


def _parser(recover: bool = False) -> Any:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=recover
    )


#: lxml's messages for a file that ends before its last element does (a download cut short)
#: or goes on after it (a server's error message printed after the feed)
_CUT_SHORT = ("Premature end of data", "not finished", "EndTag: '</' not found")
_TRAILING = "Extra content at the end of the document"
#: declared encoding -> the code page browsers read it as (a superset: Windows' extensions)
_SUPERSETS = {
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
    "latin_1": "cp1252",
    "ascii": "cp1252",
    "iso8859_9": "cp1254",
}
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


def _parse(rel: str, data: bytes, reencode: bool = True) -> tuple[Any, str | None, str]:
    """The root element, for a file cut short (or with text after its end) what was cut,
    and the encoding its bytes were read in (``cp1251``, ``utf-8``); :class:`InputSkipped`
    when it is not well-formed XML otherwise."""
    root, fault = _parse_xml(rel, data, reencode)
    if isinstance(root, tuple):  # read again as UTF-8 text decoded from another encoding
        return root[0], fault, root[1]
    return root, fault, _codec_name(root.getroottree().docinfo.encoding)


def _codec_name(name: str | None) -> str:
    """Python's name of an encoding an XML declaration gives, spelt as the loader's other
    readers record it (``windows-1251`` -> ``cp1251``, ``KOI8-R`` -> ``koi8_r``, ``utf-8``)."""
    import codecs

    try:
        found = codecs.lookup(name or "utf-8").name
    except LookupError:  # pragma: no cover - lxml read it, so it is known
        found = str(name).lower()
    return found if found.startswith("utf") else found.replace("-", "_")


def _parse_xml(rel: str, data: bytes, reencode: bool) -> tuple[Any, str | None]:
    """:func:`_parse`'s root and fault; the root is ``(root, encoding)`` when the bytes were
    decoded by Python (an encoding lxml does not read, or bytes invalid in the declared one)."""
    from lxml import etree

    try:
        return etree.fromstring(data, _parser()), None
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        msg = " ".join(re.sub(r", line \d+, column \d+$", "", str(exc.msg)).split())[:200]
    if reencode and ("Unsupported encoding" in msg or "Invalid bytes in character" in msg):
        again = _reencoded(rel, data)
        if again is not None:
            root, fault, _ = _parse(rel, again[0], reencode=False)
            return (root, again[1]), fault
    where = f"line {line}, column {col}: {msg}"
    if "EntityRef" in msg or "Entity '" in msg:
        repaired, n_amp, n_named = _escaped_ampersands(data)
        if n_amp or n_named:
            try:
                root = etree.fromstring(repaired, _parser())
            except etree.XMLSyntaxError:
                root = None  # another fault besides: named as it was
            if root is not None:
                _warn_ampersands(rel, where, n_amp, n_named)
                return root, None
    if any(k in msg for k in _CUT_SHORT) or msg.startswith(_TRAILING):
        try:
            root = etree.fromstring(data, _parser(recover=True))
        except etree.XMLSyntaxError:  # pragma: no cover - recover mode gave up
            root = None
        if root is not None:
            return root, where
    raise InputSkipped(
        f"not well-formed XML ({where}); an RSS or Atom feed must be: save it again from "
        "its address, or fix that line"
    )


#: an ``&`` that starts no reference XML knows (a bare ``&`` of a URL's query, ``AT&T``), and
#: an HTML entity XML does not define (``&nbsp;``, ``&eacute;``), outside CDATA sections
_CDATA_RE = re.compile(rb"(<!\[CDATA\[.*?\]\]>)", re.DOTALL)
_BARE_AMP_RE = re.compile(rb"&(?!(?:[A-Za-z_][\w.-]*|#[0-9]+|#x[0-9A-Fa-f]+);)")
_NAMED_REF_RE = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
_XML_NAMES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})


def _escaped_ampersands(data: bytes) -> tuple[bytes, int, int]:
    """``data`` with each bare ``&`` written ``&amp;`` and each HTML entity XML does not define
    written as a character reference, outside CDATA sections; and how many of each. The text
    read is what the feed's author meant: the ``&`` stays an ``&``, ``&nbsp;`` a no-break space.

    >>> _escaped_ampersands(b"<a href='x?a=1&b=2'>AT&T &nbsp;&amp;<![CDATA[R&D]]></a>")
    (b"<a href='x?a=1&amp;b=2'>AT&amp;T &#160;&amp;<![CDATA[R&D]]></a>", 2, 1)
    """
    from html.entities import name2codepoint

    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200]:
        return data, 0, 0  # UTF-16/32: not patched byte-wise
    counts = [0, 0]

    def named(m: re.Match[bytes]) -> bytes:
        name = m.group(1)
        code = name2codepoint.get(name.decode("ascii"))
        if name in _XML_NAMES or code is None:
            return m.group(0)
        counts[1] += 1
        return b"&#%d;" % code

    parts = _CDATA_RE.split(data)
    for i in range(0, len(parts), 2):  # the odd parts are CDATA sections: left as they are
        part, n = _BARE_AMP_RE.subn(b"&amp;", parts[i])
        counts[0] += n
        parts[i] = _NAMED_REF_RE.sub(named, part)
    return b"".join(parts), counts[0], counts[1]


def _warn_ampersands(rel: str, where: str, n_amp: int, n_named: int) -> None:
    """One warning for a feed read after its bare ``&`` and HTML entities were escaped."""
    what = [f"{n_amp:,} bare '&' (written '&amp;' in XML)"] if n_amp else []
    what += (
        [f"{n_named:,} HTML entit(ies) XML does not define (&nbsp;, &eacute;)"] if n_named else []
    )
    warnings.warn(
        f"{rel}: not well-formed XML ({where}): {' and '.join(what)} read as the characters they "
        "stand for; every item is loaded. Feeds written by hand or by some generators do this.",
        CorpusToolsWarning,
        stacklevel=8,
    )


def _reencoded(rel: str, data: bytes) -> tuple[bytes, str] | None:
    """The feed as UTF-8 when lxml cannot read its declared encoding (one Python reads, such
    as IBM855) or finds bytes invalid in it (Windows' extensions of Shift_JIS, Big5, ...),
    and the encoding it was decoded from."""
    import codecs

    m = _DECLARED.match(data[:400])
    if m is None:  # no declaration: XML says UTF-8, but the bytes are not; ask the detector
        from .decode import decode_bytes

        try:
            decoded, found = decode_bytes(data)
        except (UnicodeDecodeError, LookupError):  # pragma: no cover - latin-1 reads all
            return None
        return decoded.encode("utf-8"), _codec_name(found)
    declared = m.group(1).decode("ascii")
    try:
        codec = codecs.lookup(declared).name.replace("-", "_")
    except LookupError:
        return None
    text: str | None = None
    used = codec
    for name in dict.fromkeys([codec, _SUPERSETS.get(codec, codec)]):
        try:
            text, used = data.decode(name), name
            break
        except UnicodeDecodeError:
            continue
    if text is None:  # the declaration is wrong (a cp1251 feed that says UTF-8): the bytes decide
        detected = _detected(rel, data, declared, _SUPERSETS.get(codec, codec))
        if detected is not None:
            text, used = detected
    if text is None:  # bytes wrong in every reading: replaced, and said
        name = used = _SUPERSETS.get(codec, codec)
        text = data.decode(name, errors="replace")
        n_bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        warnings.warn(
            f"{rel}: the feed says encoding={declared!r}, but {max(n_bad, 1):,} byte(s) are not "
            f"valid {name}; each was read as U+FFFD (\ufffd). Save the feed again from its "
            "address if its text matters.",
            CorpusToolsWarning,
            stacklevel=7,
        )
    text = re.sub(r"^\s*<\?xml[^>]*\?>", '<?xml version="1.0" encoding="UTF-8"?>', text, count=1)
    return text.encode("utf-8"), _codec_name(used)


#: bytes outside ASCII a feed needs before the detector's code page is taken over its declared one
_CODE_PAGE_EVIDENCE = 20


def _detected(rel: str, data: bytes, declared: str, name: str) -> tuple[str, str] | None:
    """The feed read in the code page its bytes are in, when they are not valid in the one it
    declares (a Russian feed of cp1251 bytes that says UTF-8, as a server's template wrote);
    None when the detector finds no reading without a replaced byte either.
    """
    from .decode import decode_bytes

    if len(data) - len(data.decode("ascii", errors="ignore")) < _CODE_PAGE_EVIDENCE:
        return None  # a stray byte says nothing of a code page: replaced and said, as before
    try:
        text, found = decode_bytes(data)
    except (UnicodeDecodeError, LookupError):  # pragma: no cover - latin-1 reads all
        return None
    if "\ufffd" in text or found.replace("-", "_") in (name, "utf_8"):
        return None
    warnings.warn(
        f"{rel}: the feed says encoding={declared!r}, but its bytes are not valid {name}; they "
        f"read as {found}, and the feed was read so. Check a few items' text; pass the file's "
        "encoding in its first line (<?xml ... encoding=...?>) if another one is right.",
        CorpusToolsWarning,
        stacklevel=8,
    )
    return text, found


#: an XML file of <doc> records: a TREC or Sogou news dump (io.dumps reads it as text)
_TAGGED = (
    "a dump of <doc> records (as TREC collections and Sogou's news dumps are): rename it to "
    ".txt and load it with split='records' (one document per <doc>)"
)
_NOT_FEEDS = {
    "urlset": "a sitemap (a list of page addresses, no text): fetch the pages and load them",
    "sitemapindex": "a sitemap index (a list of sitemaps, no text)",
    "nitf": "a NITF news article, which is not read: convert it to JSON Lines with its body text",
    "newsmessage": "a NewsML-G2 message, which is not read: convert it to JSON Lines",
    "opml": "an OPML list of feeds (addresses, no text): save the feeds themselves",
    "doclist": _TAGGED,
    "doc": _TAGGED,
}


def feed_table(rel: str, data: bytes) -> tuple[bytes, int, str | None, str]:
    """The items of a saved feed as JSON Lines (one object per item), their count, for a
    file cut short or with text after the feed the reason for a ``skipped`` row naming
    what was not read, and the encoding the feed's bytes were read in (``cp1251``);
    :class:`InputSkipped` when the file is no RSS or Atom feed or holds no (whole) item."""
    if len(data) > limits.MAX_JSON_BYTES:  # a parsed tree takes ~10x the file
        raise InputSkipped(
            f"XML file of {limits.megabytes(len(data))}, over the "
            f"{limits.megabytes(limits.MAX_JSON_BYTES)} read as a feed; a feed that large is "
            "an export of another kind: convert it to JSON Lines, one object per article"
        )
    head = data[:1024].lower()
    if (b"<html" in head or b"<!doctype html" in head) and not _FEED_ROOT.search(head):
        raise InputSkipped(
            "a web page (HTML) saved as .xml, not a feed: rename it to .html to load its article"
        )
    root, fault, encoding = _parse(rel, data)
    kind = _local(root.tag)
    if kind == "rss":
        channel = next((c for c in root if _local(c.tag) == "channel"), root)
        items = [c for c in channel if _local(c.tag) == "item"]
        if channel is not root:  # items after </channel>, as some RSS 0.91 feeds write them
            items += [c for c in root if _local(c.tag) == "item"]
    elif kind == "rdf":
        items = [c for c in root if _local(c.tag) == "item"]
    elif kind == "feed":
        items = [c for c in root if _local(c.tag) == "entry"]
    else:
        what = _NOT_FEEDS.get(kind, "not an RSS or Atom feed")
        raise InputSkipped(f"XML file whose root element is <{kind}>: {what}")
    items, cut = _whole_items(data, items, fault)
    if not items:
        if cut:
            raise InputSkipped(cut)
        raise InputSkipped(f"{kind.upper() if kind != 'feed' else 'Atom'} feed with no items")
    rows, bad, words = [], [], []
    for n, el in enumerate(items, start=1):
        row = _item(el)
        summary = row.pop("summary", None)
        text = row.get("text") or summary
        row["text"] = markup_text(text) if text else ""
        if summary and row["text"] != markup_text(summary):
            row["summary"] = markup_text(summary)
        if "title" in row:
            row["title"] = markup_text(row["title"])
        if "published" in row:
            iso = _date(row["published"])
            if iso is None:
                bad.append(f"item {n}, {row.pop('published')!r}")
            else:
                row["published"] = iso
        words.append(len(row["text"].split()))
        rows.append(row)
    _warn(rel, bad, words)
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return body.encode("utf-8"), len(rows), cut, encoding


_FEED_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:rss|rdf|feed)[\s>]")
_ITEM_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)


def _whole_items(data: bytes, items: list[Any], fault: str | None) -> tuple[list[Any], str | None]:
    """The items that ended before the fault of a feed cut short, and the reason naming it.

    >>> from lxml import etree
    >>> data = b"<rss><channel><item><title>A</title></item><item><title>B"
    >>> root = etree.fromstring(data, _parser(recover=True))
    >>> kept, why = _whole_items(data, list(root[0]), "line 1, column 60: Premature end")
    >>> len(kept), why
    (1, 'the file ends inside feed item 2 (line 1, column 60: Premature end), as a download cut short does: item 2 not read (the 1 item(s) before it are loaded); save the feed again from its address')
    """
    if fault is None:
        return items, None
    n_whole = len(_ITEM_END.findall(data))
    if not items or not n_whole:
        return [], (
            f"the file ends before its first feed item does ({fault}), as a download cut "
            "short does; no item could be read: save the feed again from its address"
        )
    if fault.split(": ", 1)[-1].startswith(_TRAILING):
        return items, (
            f"text after the end of the feed ({fault}) not read, e.g. a server's error message "
            f"printed after it; the feed's {len(items):,} item(s) are loaded"
        )
    if n_whole >= len(items):  # cut after the last item ended
        return items, (
            f"the file ends before the feed does ({fault}), as a download cut short does; its "
            f"{len(items):,} item(s) are loaded, but items after them may be missing: save "
            "the feed again from its address"
        )
    kept = items[:n_whole]
    return kept, (
        f"the file ends inside feed item {n_whole + 1} ({fault}), as a download cut short "
        f"does: item {n_whole + 1} not read (the {n_whole:,} item(s) before it are loaded); "
        "save the feed again from its address"
    )


def _warn(rel: str, bad: list[str], words: list[int]) -> None:
    if bad:
        more = f" ({len(bad):,} items in all)" if len(bad) > 1 else ""
        warnings.warn(
            f"{rel}: a feed item's date could not be read, so its published date is left "
            f"empty{more}: {bad[0]}",
            CorpusToolsWarning,
            stacklevel=6,
        )
    median = float(pd.Series(words).median()) if words else 0.0
    if words and 0 < median < SUMMARY_WORDS:  # items with no text at all are skipped rows
        warnings.warn(
            f"{rel}: the feed's {len(words):,} items hold summaries, not articles (median "
            f"{median:g} words); each item is loaded with the text the feed gives. For the "
            "articles, fetch the pages at their links (docs 'url') and load those.",
            CorpusToolsWarning,
            stacklevel=6,
        )
