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
    """
    if "<" not in value or not _TAG.search(value):
        return html.unescape(value).strip()
    value = _DROP.sub(" ", value)
    value = _BLOCK.sub("\n\n", value)
    value = html.unescape(_TAG.sub("", value))
    value = _SPACES.sub(" ", value)
    return _BLANKS.sub("\n\n", value).strip()


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _date(value: str) -> str | None:
    """An ISO date of an RFC 822 (``Fri, 20 Feb 2026 17:52:47 GMT``) or ISO feed date."""
    value = value.strip()
    if re.match(r"\d{4}-\d\d(-\d\d)?([T ][\d:.]+)?(Z|[+-]\d\d:?\d\d)?$", value):
        return value
    try:
        return parsedate_to_datetime(value).isoformat()
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


def _parse(rel: str, data: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        msg = re.sub(r", line \d+, column \d+$", "", str(exc.msg))
        raise InputSkipped(
            f"not well-formed XML (line {line}, column {col}: {msg}); an RSS or Atom feed "
            "must be: save it again from its address, or fix that line (a bare '&' is written "
            "'&amp;')"
        ) from None


_NOT_FEEDS = {
    "urlset": "a sitemap (a list of page addresses, no text): fetch the pages and load them",
    "sitemapindex": "a sitemap index (a list of sitemaps, no text)",
    "nitf": "a NITF news article, which is not read: convert it to JSON Lines with its body text",
    "newsmessage": "a NewsML-G2 message, which is not read: convert it to JSON Lines",
    "opml": "an OPML list of feeds (addresses, no text): save the feeds themselves",
}


def feed_table(rel: str, data: bytes) -> tuple[bytes, int]:
    """The items of a saved feed as JSON Lines (one object per item) and their count;
    :class:`InputSkipped` when the file is no RSS or Atom feed or holds no item."""
    if len(data) > limits.MAX_JSON_BYTES:  # a parsed tree takes ~10x the file
        raise InputSkipped(
            f"XML file of {limits.megabytes(len(data))}, over the "
            f"{limits.megabytes(limits.MAX_JSON_BYTES)} read as a feed; a feed that large is "
            "an export of another kind: convert it to JSON Lines, one object per article"
        )
    root = _parse(rel, data)
    kind = _local(root.tag)
    if kind == "rss":
        channel = next((c for c in root if _local(c.tag) == "channel"), root)
        items = [c for c in channel if _local(c.tag) == "item"]
    elif kind == "rdf":
        items = [c for c in root if _local(c.tag) == "item"]
    elif kind == "feed":
        items = [c for c in root if _local(c.tag) == "entry"]
    else:
        what = _NOT_FEEDS.get(kind, "not an RSS or Atom feed")
        raise InputSkipped(f"XML file whose root element is <{kind}>: {what}")
    if not items:
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
    return body.encode("utf-8"), len(rows)


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
    if words and median < SUMMARY_WORDS:
        warnings.warn(
            f"{rel}: the feed's {len(words):,} items hold summaries, not articles (median "
            f"{median:g} words); each item is loaded with the text the feed gives. For the "
            "articles, fetch the pages at their links (docs 'url') and load those.",
            CorpusToolsWarning,
            stacklevel=6,
        )
