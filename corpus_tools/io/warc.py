"""Web archives (WARC, ISO 28500): the pages of a crawl, one document each.

A ``.warc`` or ``.warc.gz`` file (Heritrix, wget ``--warc-file``, Common Crawl's news
crawl) holds many records. It is read a record at a time, never whole:

* a ``response`` record whose HTTP answer is ``200`` and ``text/html`` (or XHTML) is one
  HTML document (the article text extracted as from an ``.html`` file); ``resource`` records
  of HTML the same; a ``conversion`` record of ``text/plain`` (the page texts of Common
  Crawl's WET files, ``.warc.wet.gz``) is one text document;
* each document's ``doc_id`` is ``<file>#<n>`` and ``source`` ``<file>#record=<n>`` (``n``:
  the record's number in the file), its ``url`` the page's canonical link or the record's
  ``WARC-Target-URI``, and ``record_header`` the WARC and HTTP headers as written (the crawl
  date, ``WARC-Date``, is there: it is not the publication date);
* a page answered with a redirect or an error, or with no article text, is a ``skipped``
  row naming the record and its address; the records that hold no page (requests,
  metadata, images, scripts, style sheets) are counted in one ``skipped`` row per file.
"""

from __future__ import annotations

import gzip
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import Any, BinaryIO

from .decode import bytes_to_text
from .files import InputSkipped
from .html import extract_html

#: the inner extension of a web archive (``.warc``; ``.warc.gz`` is split as ``.warc`` + gz)
WARC_EXTENSIONS = (".warc",)
#: longest header block of a record (WARC or HTTP) read
MAX_HEADER_BYTES = 64 * 1024
#: largest record payload read (a page, or a text of a WET file); bigger ones are skipped
MAX_RECORD_BYTES = 50 * 1024 * 1024
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def _header_block(fh: BinaryIO) -> bytes | None:
    """The next record's header block (blank lines before it skipped), or None at the end."""
    raw = bytearray()
    while True:
        line = fh.readline(MAX_HEADER_BYTES + 1)
        if not line:
            if raw:
                raise _Broken("the file ends inside a record's header")
            return None
        if not raw and not line.strip():
            continue
        if not raw and not line.startswith(b"WARC/"):
            return line  # no record: the caller says so
        raw += line
        if not line.strip():
            return bytes(raw)
        if len(raw) > MAX_HEADER_BYTES:
            raise _Broken(f"a record header runs over {MAX_HEADER_BYTES // 1024} KB")


class _Broken(Exception):
    """The archive cannot be read on from here."""


def _fields(block: bytes) -> dict[str, str]:
    """``name -> value`` (names in lower case, the first of each) of a header block's lines
    after its first line."""
    out: dict[str, str] = {}
    for line in block.decode("latin-1").splitlines()[1:]:
        name, sep, value = line.partition(":")
        if sep and name.strip():
            out.setdefault(name.strip().lower(), value.strip())
    return out


def _dechunk(body: bytes) -> bytes:
    """The body of an HTTP answer sent in chunks (``Transfer-Encoding: chunked``)."""
    out, pos = bytearray(), 0
    while pos < len(body):
        end = body.find(b"\n", pos)
        if end == -1:
            break
        try:
            size = int(body[pos:end].split(b";", 1)[0].strip() or b"0", 16)
        except ValueError:
            return body  # not chunked after all: keep it as written
        if size == 0:
            break
        out += body[end + 1 : end + 1 + size]
        pos = end + 1 + size + 2  # the chunk's own CRLF
    return bytes(out)


def _decompressed(body: bytes, coding: str) -> bytes:
    """The body of an answer sent compressed (``Content-Encoding: gzip`` / ``deflate``)."""
    wbits = {"gzip": 47, "x-gzip": 47, "deflate": 15}.get(coding)
    if wbits is None:
        raise InputSkipped(f"page compressed as {coding!r}, which is not read")
    try:
        d = zlib.decompressobj(wbits)
        out = d.decompress(body, MAX_RECORD_BYTES + 1)
    except zlib.error:
        if coding == "deflate":  # raw deflate, as some servers send it
            out = zlib.decompressobj(-15).decompress(body, MAX_RECORD_BYTES + 1)
        else:
            raise InputSkipped("page marked gzip-compressed that does not decompress") from None
    if len(out) > MAX_RECORD_BYTES:
        raise InputSkipped(f"page over {MAX_RECORD_BYTES // (1024 * 1024)} MB when decompressed")
    return out


def _http(payload: bytes) -> tuple[int, dict[str, str], bytes, bytes]:
    """``(status, headers, body, header block)`` of a recorded HTTP answer."""
    cut = payload.find(b"\r\n\r\n")
    size = 4
    if cut == -1:
        cut, size = payload.find(b"\n\n"), 2
    if cut == -1:
        cut, size = len(payload), 0
    head, body = payload[: cut + size], payload[cut + size :]
    first = head.split(b"\n", 1)[0].split()
    status = int(first[1]) if len(first) > 1 and first[1].isdigit() else 0
    fields = _fields(head)
    if "chunked" in fields.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    coding = fields.get("content-encoding", "").strip().lower()
    if coding and coding != "identity":
        body = _decompressed(body, coding)
    return status, fields, body, head


def _kind(content_type: str) -> str:
    """``html``, ``text`` or the media type of a payload (``image/png``...)."""
    media = content_type.split(";", 1)[0].strip().lower() or "(no type)"
    if media in _PAGE_TYPES:
        return "html"
    if media == "text/plain":
        return "text"
    return media


def open_warc(fh: BinaryIO, gz: bool) -> BinaryIO:
    """``fh`` to be read as a WARC: gunzipped as it is read when the name ends in ``.gz``
    (each record of a ``.warc.gz`` is its own gzip member; they are read one after another)."""
    return gzip.GzipFile(fileobj=fh, mode="rb") if gz else fh  # type: ignore[return-value]


def warc_docs(
    rel: str, fh: BinaryIO, encoding: str | None = None
) -> Iterator[tuple[str, Any, Any]]:
    """Yield ``("doc", row, None)`` for each page of a web archive read from ``fh`` and
    ``("skip", path, reason)`` for each page that cannot be a document, then one skip row
    counting the records that hold no page; :class:`InputSkipped` when ``fh`` is no WARC."""
    stem = rel.rsplit(".", 2 if rel.lower().endswith(".gz") else 1)[0]
    others: Counter[str] = Counter()
    answers = _Answers(rel)
    n = pages = 0
    try:
        while True:
            try:
                block = _header_block(fh)
            except (OSError, EOFError, zlib.error) as exc:
                raise _Broken(f"the file cannot be read on ({exc})") from None
            if block is None:
                break
            n += 1
            if not block.startswith(b"WARC/"):
                if n == 1:
                    raise InputSkipped(
                        "not a WARC web archive: it does not start with a 'WARC/1.0' line; "
                        "if it holds text or web pages, rename it to .txt or .html"
                    )
                raise _Broken(f"record {n} does not start with a 'WARC/' line")
            fields = _fields(block)
            try:
                length = int(fields.get("content-length", ""))
            except ValueError:
                raise _Broken(f"record {n} has no Content-Length") from None
            wtype = fields.get("warc-type", "(no type)").lower()
            uri = fields.get("warc-target-uri", "").strip("<>")
            if length > MAX_RECORD_BYTES:
                _skip_bytes(fh, length, n)
                if wtype in ("response", "resource", "conversion"):
                    yield (
                        "skip",
                        f"{rel}#record={n}",
                        f"record {n} ({uri}) is over {MAX_RECORD_BYTES // (1024 * 1024)} MB; "
                        "not read",
                    )
                else:
                    others[wtype] += 1
                continue
            try:
                payload = fh.read(length)
            except (OSError, EOFError, zlib.error) as exc:
                raise _Broken(f"the file cannot be read on ({exc})") from None
            if len(payload) < length:
                raise _Broken(f"record {n} ({uri}) is cut short: the file ends inside it")
            event = _record_event(rel, stem, n, wtype, uri, block, payload, encoding, others)
            if event is not None and event[0] == "answer":
                event = answers.add(n, event[1], event[2])
            if event is not None:
                pages += event[0] == "doc"
                yield event
    except _Broken as exc:
        reason = f"{exc}; {pages:,} page(s) of the {n - 1:,} records before it were loaded"
        if n <= 1:
            raise InputSkipped(f"not a readable WARC web archive: {exc}") from None
        yield "skip", f"{rel}#record={n}", reason
    yield from answers.rows(n)
    if others:
        listed = ", ".join(f"{c:,} {k}" for k, c in others.most_common(8))
        rest = len(others) - 8
        more = f" and {rest} more kind{'s' if rest > 1 else ''}" if rest > 0 else ""
        yield (
            "skip",
            f"{rel}#other-records",
            f"{sum(others.values()):,} of the {n:,} records of {rel} hold no page ({listed}{more}); "
            "not loaded",
        )
    if n == 0:
        raise InputSkipped("empty web archive: no WARC record in it")


class _Answers:
    """The redirects and HTTP errors of one archive: the first ``SHOWN_ANSWERS`` of each kind
    are skipped rows of their own (in place); the rest of that kind are counted, by status,
    in one row at the end (a crawl of 5,000 redirects is 4 rows, every record still counted).
    """

    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.shown: dict[str, list[int]] = {"redirect": [], "error": []}
        self.rest: dict[str, list[int]] = {"redirect": [], "error": []}  # [count, first, last]
        self.status: dict[str, Counter[int]] = {"redirect": Counter(), "error": Counter()}

    def add(self, n: int, status: int, reason: str) -> tuple[str, Any, Any] | None:
        """The skip event of record ``n`` (``status`` < 0: an answer with no Location), or
        None when it is only counted."""
        kind = "redirect" if status > 0 else "error"
        self.status[kind][abs(status)] += 1
        if len(self.shown[kind]) < SHOWN_ANSWERS:
            self.shown[kind].append(n)
            return "skip", f"{self.rel}#record={n}", reason
        rest = self.rest[kind]
        if rest:  # a count and the first and last record: no list of millions
            rest[0], rest[2] = rest[0] + 1, n
        else:
            rest.extend((1, n, n))
        return None

    def rows(self, n: int) -> Iterator[tuple[str, Any, Any]]:
        """One skip row per kind with more than ``SHOWN_ANSWERS`` records (``n``: records read)."""
        for kind, what in (("redirect", "redirects"), ("error", "HTTP error answers")):
            rest = self.rest[kind]
            if not rest:
                continue
            total = rest[0] + len(self.shown[kind])
            by_status = ", ".join(f"HTTP {s}: {c:,}" for s, c in sorted(self.status[kind].items()))
            first = ", ".join(str(r) for r in self.shown[kind])
            yield (
                "skip",
                f"{self.rel}#{what.split()[-1]}",
                f"{total:,} of the {n:,} records of {self.rel} are {what} ({by_status}), not "
                f"pages; not loaded: records {first} have rows of their own, the other "
                f"{rest[0]:,} lie between records {rest[1]} and {rest[2]} (the pages they lead to load "
                "when the crawl holds them)",
            )


#: redirects (and HTTP errors) of one archive listed one per skipped row; the rest are counted
SHOWN_ANSWERS = 3


def _skip_bytes(fh: BinaryIO, length: int, n: int) -> None:
    """Read past a record's ``length`` bytes (``n``: its number, for the message)."""
    left = length
    while left > 0:
        try:
            got = fh.read(min(left, 1024 * 1024))
        except (OSError, EOFError, zlib.error) as exc:
            raise _Broken(f"the file cannot be read on ({exc})") from None
        if not got:
            raise _Broken(
                f"record {n} says it holds {length:,} bytes (Content-Length), but the file "
                f"ends {left:,} bytes before that"
            )
        left -= len(got)


def _record_event(
    rel: str,
    stem: str,
    n: int,
    wtype: str,
    uri: str,
    block: bytes,
    payload: bytes,
    encoding: str | None,
    others: Counter[str],
) -> tuple[str, Any, Any] | None:
    """The doc or skip event of one record (None: counted in ``others``)."""
    where = f"record {n} ({uri})" if uri else f"record {n}"
    head = b""
    if wtype == "response" and "application/http" in fields_type(block):
        try:
            status, http, body, head = _http(payload)
        except InputSkipped as exc:
            return "skip", f"{rel}#record={n}", f"{where}: {exc.reason}"
        kind = _kind(http.get("content-type", ""))
        if kind != "html":  # a page; text/plain answers are robots.txt and the like
            others[kind if kind != "text" else "text/plain"] += 1
            return None
        if status != 200:
            to = http.get("location")
            what = f"a redirect (HTTP {status}) to {to}" if to else f"an HTTP {status} answer"
            return "answer", status if to else -status, f"{where} is {what}, not a page"
    elif wtype in ("resource", "conversion", "response"):
        kind, body = _kind(fields_type(block)), payload
        # HTML stored as it is, or the text of a page (a WET file's conversion records)
        if not (kind == "html" or (kind == "text" and wtype == "conversion")):
            others[kind if kind != "text" else "text/plain"] += 1
            return None
    else:
        others[wtype] += 1
        return None
    text, enc = bytes_to_text(body, encoding)
    row: dict[str, Any] = {
        "doc_id": f"{stem}#{n}",
        "source": f"{rel}#record={n}",
        "path": rel,
        "encoding": enc,
        "record_header": (block + head).decode("latin-1"),
    }
    if kind == "html":
        try:
            raw, page = extract_html(text)
        except InputSkipped as exc:
            return "skip", f"{rel}#record={n}", f"{where}: {exc.reason}"
        row.update(format="html", raw_text=raw, title=page.pop("title", None), **page)
    else:
        if not text.strip():
            return "skip", f"{rel}#record={n}", f"{where} has no text"
        title = _wet_title(text) if wtype == "conversion" else None
        row.update(format="text", raw_text=text, title=title)
        if title is not None:
            row["title_source"] = "wet:first_line"
    if uri.startswith(("http://", "https://")) and not row.get("url"):
        row["url"] = uri
    return "doc", row, None


#: longest first line of a WET record read as its page's title
_WET_TITLE_CHARS = 300


def _wet_title(text: str) -> str | None:
    r"""A WET record's title: Common Crawl's converter writes the page's ``<title>`` as the
    record's first line, the page's text after it (the text is kept whole: the cleaning
    decides on that line as on any other); None for a record of one line, or whose first
    line is longer than a title.

    >>> _wet_title("Escopete - Biquipedia\nIste articlo ye en proceso.\n")
    'Escopete - Biquipedia'
    >>> _wet_title("One line only\n") is None
    True
    """
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first or len(first) > _WET_TITLE_CHARS:
        return None
    return first


def fields_type(block: bytes) -> str:
    """The ``Content-Type`` of a WARC header block, in lower case."""
    return _fields(block).get("content-type", "").lower()
