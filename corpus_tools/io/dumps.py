"""Text files that hold many articles (crawler and export dumps): found, and split on request.

:func:`records_in_text` describes such a file for the loader's warning;
:func:`split_records` cuts it into its records for ``load_corpus(split="records")``:
each record is a header (its separator lines, blank lines and ``URL:``/``Title:``/...
field lines) and a body, and the file's text is exactly the records' headers and bodies
in order, so nothing is lost.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any

#: a header-field line of a crawler or export dump ("URL: ...", "Title: ..."), and a
#: separator line: 5 or more of one of = - * # and nothing else. Searched as "\n" + line
#: (the regex engine then skips quickly to line starts; 5x faster than ^ with re.M), the
#: file's first line matched on its own.
_FIELD = (
    r"[ \t]*((?i:url|link|title|headline|date|published|source|author|byline))"
    r"[ \t]*:[ \t]*\S[^\n]*(?=\n|\Z)"
)
_SEPARATOR = r"[ \t]*([=*#-])\1{4,}[ \t\r]*(?=\n|\Z)"  # \r: Windows line ends
_FIELD_FIRST, _FIELD_LINE = re.compile(_FIELD), re.compile("\n" + _FIELD)
_SEPARATOR_FIRST, _SEPARATOR_LINE = re.compile(_SEPARATOR), re.compile("\n" + _SEPARATOR)
#: a line that starts with a lower-case key and a colon ("content: ['...']", "text: ..."):
#: a scraper's export of one record per line (speakers of a transcript are capitalised)
_LABEL = r"([a-z][a-z0-9_]{2,30})[ \t]*:[ \t]*"
_LABEL_FIRST, _LABEL_LINE = re.compile(_LABEL), re.compile("\n" + _LABEL)
#: LexisNexis exports: each article opens with a "1 of 10 DOCUMENTS" line (the classic
#: LexisNexis Academic .txt; German "Dokument 1 von 10", French "Document 1 de 10"), or, in
#: Nexis Uni exports saved as text, closes with an "End of Document" line
_NEXIS_START = (
    r"[ \t]*(?:\d+ of \d+ DOCUMENTS?|Dokument \d+ von \d+|Document \d+ de \d+)[ \t\r]*(?=\n|\Z)"
)
_NEXIS_END = r"[ \t]*End of Document[ \t\r]*(?=\n|\Z)"
#: Factiva's text export: each article closes with its "Document AFPR000020080529e45t0006k" line
_FACTIVA_END = r"[ \t]*(?:Document|Dokument|Documento) [A-Za-z0-9]{16,40}[ \t\r]*(?=\n|\Z)"
_FACTIVA_END_FIRST, _FACTIVA_END_LINE = re.compile(_FACTIVA_END), re.compile("\n" + _FACTIVA_END)
#: the word count line under a Factiva headline ("523 words", "1.204 Wörter")
_FACTIVA_WORDS = re.compile(r"\d[\d,.]* (?:words|Wörter|mots|palabras|parole|woorden|palavras)")
_NEXIS_START_FIRST, _NEXIS_START_LINE = re.compile(_NEXIS_START), re.compile("\n" + _NEXIS_START)
_NEXIS_END_FIRST, _NEXIS_END_LINE = re.compile(_NEXIS_END), re.compile("\n" + _NEXIS_END)
#: the last line of a LexisNexis article's header ("LENGTH: 355 words"), and the "Body" line
#: that ends a Nexis Uni header
_NEXIS_LENGTH = re.compile(r"^(?:LENGTH|L\u00c4NGE|LONGUEUR|Length|L\u00e4nge|Longueur):", re.M)
_NEXIS_BODY = re.compile(r"^[ \t]*(?:Body|Text)[ \t\r]*$", re.M)
#: a header or footer field line ("BYLINE: ...", "Load-Date: ..."): a key in capitals or title
#: case, a colon, a space; Nexis Uni writes a no-break space, also after keys of two words
#: ("Journal Code:")
_NEXIS_KEY = re.compile(r"[A-Z][A-Za-z\u00c4\u00e4-]+(?:(?: [A-Za-z]+)?:\u00a0|:[ \t])")
#: the footer of a LexisNexis article starts at its load date (else its language line)
_NEXIS_FOOT = (
    re.compile(r"^(?:LOAD-DATE|Load-Date):", re.M),
    re.compile(r"^(?:LANGUAGE|SPRACHE|LANGUE|Language):", re.M),
)
_NEXIS_AUTHOR = re.compile(r"^(?:BYLINE|AUTOR|Byline|Author):[ \u00a0\t]*(\S[^\n]*)", re.M)
#: a file holds many records when a block of 2+ header fields recurs this often ...
MIN_HEADER_BLOCKS = 3
#: ... or when this many separator lines of one kind divide it (or start with one key, when
#: those lines are at least a third of its non-blank lines)
MIN_SEPARATORS = 20


#: a dump of SGML-style tagged records (TREC collections: ``<DOC><DOCNO>...<TEXT>...</TEXT>
#: </DOC>``; Sogou's news dumps: ``<doc><url>...<contenttitle>...<content>...</content></doc>``;
#: Reuters-21578: ``<REUTERS ...><DATE>...<TEXT><TITLE>...<BODY>...</BODY></TEXT></REUTERS>``):
#: the file starts with a tag; a record opens at each of the first element that opens (and
#: closes) at least MIN_HEADER_BLOCKS times; its body is its <body>, else <content>, else <text>
_OPEN_TAG = re.compile(r"<([A-Za-z][\w.-]*)(?:\s[^<>]*)?>")
_BODY_NAMES = ("body", "content", "text")
_TAGGED_FIELD = re.compile(r"<([a-z]+)(?:\s[^<>]*)?>([^<]*)</\1\s*>", re.IGNORECASE)
#: tag -> the docs column its value fills (the first of each)
TAGGED_COLUMNS = {
    "url": "url",
    "link": "url",
    "contenttitle": "title",
    "title": "title",
    "headline": "title",
    "head": "title",
    "hl": "title",
    "date": "published",
    "pubdate": "published",
    "author": "author",
    "byline": "author",
    "source": "outlet",
}


def _tagged_records(text: str) -> list[Record] | None:
    """The records of a dump of ``<doc>`` records with a ``<content>``/``<text>``/``<body>``
    element (``MIN_HEADER_BLOCKS`` or more), or None; the header is everything from ``<doc>``
    to the body's opening tag (``<url>``, ``<docno>``, ``<contenttitle>`` ...), the footer
    from its closing tag on (``</content></doc>``).

    >>> dump = "<doclist>\\n" + "".join(
    ...     f"<doc>\\n<url>http://x.cn/{i}</url>\\n<contenttitle>T{i}</contenttitle>\\n"
    ...     f"<content>Body {i}.</content>\\n</doc>\\n" for i in range(3)) + "</doclist>\\n"
    >>> [(dump[r.body:r.tail], r.fields) for r in _tagged_records(dump)][:1]
    [('Body 0.', {'url': 'http://x.cn/0', 'title': 'T0'})]
    """
    tag = _record_tag(text)
    if tag is None:
        return None
    opens = [m.start() for m in re.finditer(rf"<{re.escape(tag)}[\s>]", text)]
    records = []
    for start, stop in zip(opens, [*opens[1:], len(text)], strict=True):
        body = _body_open(text, start, stop)
        if body is None:
            return None  # a record without a text element: not such a dump
        close = re.compile(rf"</{body.group(1)}\s*>", re.IGNORECASE).search(text, body.end(), stop)
        fields: dict[str, str] = {}
        for m in _TAGGED_FIELD.finditer(text, start, body.start()):
            column = TAGGED_COLUMNS.get(m.group(1).lower())
            if column and m.group(2).strip():
                fields.setdefault(column, html.unescape(" ".join(m.group(2).split())))
        at = _leading_fields(text, body.end(), stop, fields)
        tail = close.start() if close else -1
        if tail > at and (end := _TRAILING_REFS.search(text, at, tail)) is not None:
            tail = end.start()  # Reuters' &#3; (end of text) after a body
        records.append(Record(start, at, -1, fields, tail))
    records[0].start = 0  # a doctype or a wrapping <doclist>: part of the first header
    return records


#: a field element at the start of a record's body, after blanks, ``*`` rows and character
#: references (Reuters-21578's briefs: ``<TEXT TYPE="BRIEF">&#2;\n******<TITLE>...</TITLE>``)
_LEADING_FIELD = re.compile(
    r"(?:\s|&#\d+;|\*)*<([a-z]+)(?:\s[^<>]*)?>([^<]*)</\1\s*>", re.IGNORECASE
)


#: character references of control characters at the start of a body (``&#2;``), and blanks
_CONTROL_REFS = re.compile(r"\s*(?:&#(?:[0-9]|[12][0-9]|3[01]);\s*)+")
_TRAILING_REFS = re.compile(r"(?:&#(?:[0-9]|[12][0-9]|3[01]);\s*)+\Z")


def _leading_fields(text: str, at: int, stop: int, fields: dict[str, str]) -> int:
    r"""Where a record's body text starts: past the field elements (``<TITLE>``, ``<DATELINE>``
    ...) that open its body, whose values go to ``fields`` (the ones the header did not give);
    ``at`` itself when none does.

    >>> fields = {}
    >>> brief = '<TEXT TYPE="BRIEF">&#2;\n******<TITLE>ASSETS ROSE\n</TITLE>Blah blah blah.'
    >>> brief[_leading_fields(brief, 19, len(brief), fields) :], fields
    ('Blah blah blah.', {'title': 'ASSETS ROSE'})
    """
    while (m := _LEADING_FIELD.match(text, at, stop)) is not None:
        name = m.group(1).lower()
        if name not in TAGGED_COLUMNS and name != "dateline":
            break
        if name in TAGGED_COLUMNS and m.group(2).strip():
            fields.setdefault(TAGGED_COLUMNS[name], html.unescape(" ".join(m.group(2).split())))
        at = m.end()
    refs = _CONTROL_REFS.match(text, at, stop)  # Reuters' &#2; (start of text) before a body
    return refs.end() if refs else at


def _record_tag(text: str) -> str | None:
    """The element a tagged dump's records are (``doc``, ``DOC``, ``REUTERS``), or None: of
    the first few tags of a file that starts with a tag, the first that opens and closes
    ``MIN_HEADER_BLOCKS`` or more times, as often each way."""
    head = text[:4000].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return None  # an article's text: not a tagged dump (the check every text file gets)
    for m in itertools.islice(_OPEN_TAG.finditer(head), 6):
        name = m.group(1)
        if name.lower() in _BODY_NAMES:
            return None
        n = len(re.findall(rf"<{re.escape(name)}[\s>]", text))
        if n >= MIN_HEADER_BLOCKS and n == text.count(f"</{name}>"):
            return name
    return None


def _body_open(text: str, start: int, stop: int) -> re.Match[str] | None:
    """The opening tag of a record's body: its ``<body>``, else ``<content>``, else ``<text>``."""
    for name in _BODY_NAMES:
        m = re.compile(rf"<({name})(?:\s[^<>]*)?>", re.IGNORECASE).search(text, start, stop)
        if m is not None:
            return m
    return None


#: the start of a text that may be JSON: blanks or a byte order mark, then '[' or '{'
_JSON_START = re.compile(r"[\ufeff \t\r\n]*[\[{]")


def json_records(text: str) -> tuple[str, str] | None:
    r"""``(".json" | ".jsonl", description)`` when a text file's whole content is JSON
    articles: a list of two or more objects, or JSON Lines of two or more objects; else None.

    Scrapers save such files as ``.txt``; read as text, a file would be ONE document of JSON
    syntax. Only a text whose first character (past a byte order mark and blanks) is ``[``
    or ``{`` is parsed, so other files cost one look at their start.

    Examples
    --------
    >>> json_records('\ufeff[{"title": "A", "url": "u"}, {"title": "B", "url": "v"}]')
    ('.json', 'a JSON list of 2 objects (keys title/url)')
    >>> json_records('{"text": "a"}\n{"text": "b"}\n')
    ('.jsonl', 'JSON Lines: 2 objects (keys text)')
    >>> json_records("[Reuters] Talks ended.") is None
    True
    """
    start = _JSON_START.match(text)  # no copy of a long text that is not JSON
    if start is None:
        return None
    body = text[start.end() - 1 :]
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if isinstance(data, list) and len(data) >= 2 and all(isinstance(x, dict) for x in data[:50]):
        return ".json", f"a JSON list of {len(data):,} objects (keys {_json_keys(data[:50])})"
    if data is not None or body[:1] != "{":
        return None
    lines = [line for line in body.splitlines() if line.strip()]
    objs = []
    for line in lines[:50]:
        try:
            obj = json.loads(line)
        except ValueError:
            return None
        if not isinstance(obj, dict):
            return None
        objs.append(obj)
    if len(lines) < 2:
        return None
    return ".jsonl", f"JSON Lines: {len(lines):,} objects (keys {_json_keys(objs)})"


def _json_keys(objs: list[Any]) -> str:
    """The first objects' keys in order of first use, at most six, joined by '/'."""
    keys: dict[str, None] = {}
    for obj in objs:
        keys.update(dict.fromkeys(str(k) for k in obj))
    return _first_names(list(keys))


def _first_names(names: list[str]) -> str:
    """At most six names joined by '/', '/...' when there are more."""
    return "/".join(names[:6]) + ("/..." if len(names) > 6 else "")


def table_in_text(text: str) -> tuple[str, str] | None:
    """``(extension, description)`` when a text file's content is a table of articles:
    JSON (:func:`json_records`) or tab-separated (:func:`tsv_records`); else None."""
    return json_records(text) or tsv_records(text)


#: a tab-separated table saved as text: a header of 2 to 40 short names, and at least
#: this share of its first lines with as many tabs (cells of several lines break a few)
_TSV_SHARE = 0.8


def tsv_records(text: str) -> tuple[str, str] | None:
    r"""``(".tsv", description)`` when a text file is a tab-separated table with a header
    line (Excel's "Unicode Text" export is one, saved as ``.txt``), else None.

    >>> tsv_records("category\theadline\ttext\nsports\tCity win\tCity won 6-3.\n"
    ...             "business\tHeineken cuts\tHeineken will cut 8,000 jobs.\n")
    ('.tsv', 'a tab-separated table of 2 rows (columns category/headline/text)')
    >>> tsv_records("Talks ended.\tThe rest\nof an article.\n") is None
    True
    """
    end = text.find("\n", 0, 4096)
    header = (text[:end] if end != -1 else "").strip("\ufeff\r ")
    names = header.split("\t")
    if not 2 <= len(names) <= 40 or not all(0 < len(n.strip()) <= 40 for n in names):
        return None
    head = text[end + 1 : end + 1_000_001]  # the first lines, not a copy of a huge file
    lines = [line for line in head.split("\n", 201)[:200] if line.strip()]
    tabs = len(names) - 1
    if len(lines) < 2 or sum(line.count("\t") == tabs for line in lines) < _TSV_SHARE * len(lines):
        return None
    n_rows = text.count("\n", end + 1) + (not text.endswith("\n"))
    shown = _first_names([n.strip() for n in names])
    return ".tsv", f"a tab-separated table of {n_rows:,} rows (columns {shown})"


def records_in_text(text: str) -> str | None:
    """Describe the records of a text file that holds many articles, or None.

    Records show as a block of two or more header-field lines on consecutive
    lines (``URL:``, ``Title:``, ``Date:``, ``Source:``, ``Author:``...) that
    recurs at least ``MIN_HEADER_BLOCKS`` times, or as ``MIN_SEPARATORS`` or
    more separator lines (``==========``, ``-----``). One pass of two regular
    expressions over the text; an article's own section breaks stay far below
    both counts.
    """
    table = table_in_text(text)
    if table is not None:
        return table[1]
    tagged = _tagged_records(text)
    if tagged is not None:
        return f"{len(tagged):,} <doc> records (tagged as TREC and Sogou news dumps are)"
    nexis = _nexis_lines(text)
    if nexis is not None:
        shown = text[nexis[1][0][0] : nexis[1][0][1]].strip()
        what = "Factiva" if nexis[0] == "factiva" else "LexisNexis"
        return f"{len(nexis[1]):,} {what} articles ({shown!r} lines)"
    blocks = 0
    fields: set[str] = set()
    names: dict[str, None] = {}
    prev_end = -1
    first = _FIELD_FIRST.match(text)
    for m in itertools.chain([first] if first else [], _FIELD_LINE.finditer(text)):
        if m.start() != prev_end:  # not on the line after the previous field: a new block
            blocks += len(fields) >= 2
            fields = set()
        fields.add(m.group(1).lower())
        names.setdefault(m.group(1).title().replace("Url", "URL"), None)
        prev_end = m.end()
    blocks += len(fields) >= 2
    seps: dict[str, int] = {}
    first_sep = _SEPARATOR_FIRST.match(text)
    for m in itertools.chain([first_sep] if first_sep else [], _SEPARATOR_LINE.finditer(text)):
        seps[m.group(1)] = seps.get(m.group(1), 0) + 1
    sep, n_sep = max(seps.items(), key=lambda kv: kv[1], default=("", 0))
    if blocks < MIN_HEADER_BLOCKS and n_sep < MIN_SEPARATORS:
        label = _label_lines(text)
        if label is None:
            return None
        return f"{len(label[1]):,} lines starting {label[0] + ':'!r}, one record each"
    parts = []
    if blocks >= MIN_HEADER_BLOCKS:
        parts.append(f"{blocks:,} header blocks of {'/'.join(list(names)[:4])} lines")
    if n_sep >= MIN_SEPARATORS or (parts and n_sep >= MIN_HEADER_BLOCKS - 1):
        parts.append(f"{n_sep:,} {sep * 10!r} separator lines")
    return " and ".join(parts)


#: the values of load_corpus(split=...): None (one document per file) or "records"
SPLIT_MODES = ("records",)
#: header field names -> the docs column their value fills
FIELD_COLUMNS = {
    "url": "url",
    "link": "url",
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "source": "outlet",
    "author": "author",
    "byline": "author",
}


@dataclass
class Record:
    """One record of a dump: ``text[start:body]`` is its header, ``text[body:end]`` its body
    (``text[body:tail]`` and a footer ``text[tail:end]`` when ``tail`` >= 0); ``fields`` the
    header's values by docs column (the first of each)."""

    start: int
    body: int
    end: int
    fields: dict[str, str] = field(default_factory=dict)
    tail: int = -1  # where a footer starts (LexisNexis "LOAD-DATE: ..."), -1: none


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _blocks(text: str) -> list[Record]:
    """The header blocks of 2+ field lines on consecutive lines, as records without an end."""
    out: list[Record] = []
    fields: dict[str, str] = {}
    names: set[str] = set()
    start = prev_end = -1
    first = _FIELD_FIRST.match(text)
    for m in itertools.chain([first] if first else [], _FIELD_LINE.finditer(text)):
        line_start = m.start() + (0 if m.start() == 0 and m is first else 1)
        if m.start() != prev_end:
            if len(names) >= 2:
                out.append(Record(start, prev_end, -1, fields))
            fields, names, start = {}, set(), line_start
        name = m.group(1).lower()
        names.add(name)
        value = m.group(0).split(":", 1)[1].strip()
        fields.setdefault(FIELD_COLUMNS[name], value)
        prev_end = m.end()
    if len(names) >= 2:
        out.append(Record(start, prev_end, -1, fields))
    return out


def _separators(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the separator lines of the most frequent kind (= - * #)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    first = _SEPARATOR_FIRST.match(text)
    for m in itertools.chain([first] if first else [], _SEPARATOR_LINE.finditer(text)):
        start = m.start() + (0 if m is first else 1)
        spans.setdefault(m.group(1), []).append((start, m.end()))
    return max(spans.values(), key=len, default=[])


def _past_filler(text: str, pos: int, seps: set[int]) -> int:
    """``pos`` moved past the blank lines and separator lines (starting at ``seps``) after it."""
    n = len(text)
    while pos < n:
        if text[pos] == "\n":
            pos += 1
            continue
        end = text.find("\n", pos)
        end = n if end == -1 else end
        if pos in seps or not text[pos:end].strip():
            pos = end
        else:
            break
    return pos


def _nexis_lines(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``("start", spans)`` of a LexisNexis export's "1 of 10 DOCUMENTS" lines, or ``("end",
    spans)`` of a Nexis Uni export's "End of Document" lines, when there are 2 or more; else None.

    >>> _nexis_lines("  1 of 2 DOCUMENTS\\n\\nA\\n  2 of 2 DOCUMENTS\\n\\nB\\n")
    ('start', [(0, 18), (22, 40)])
    >>> _nexis_lines("A\\nEnd of Document\\n") is None
    True
    """
    if "Document" not in text and "DOCUMENT" not in text and "Dokument" not in text:
        return None  # every mark below holds one of these words (substring tests: no scan)
    for kind, first_re, line_re in (
        ("start", _NEXIS_START_FIRST, _NEXIS_START_LINE),
        ("end", _NEXIS_END_FIRST, _NEXIS_END_LINE),
        ("factiva", _FACTIVA_END_FIRST, _FACTIVA_END_LINE),
    ):
        first = first_re.match(text)
        spans = [
            (m.start() + (0 if m is first else 1), m.end())
            for m in itertools.chain([first] if first else [], line_re.finditer(text))
        ]
        if len(spans) >= 2:
            return kind, spans
    return None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def _nexis_tail(text: str, body: int, stop: int) -> int:
    """Where the footer of a LexisNexis article in ``text[body:stop]`` starts (its last
    ``LOAD-DATE:`` line, else its last ``LANGUAGE:`` line), or -1."""
    for foot in _NEXIS_FOOT:
        last = None
        for last in foot.finditer(text, body, stop):  # noqa: B007 - the last one is wanted
            pass
        if last is not None:
            return last.start()
    return -1


def _nexis_classic(text: str, start: int, line_end: int, stop: int) -> Record:
    """A classic LexisNexis article: its "N of M DOCUMENTS" line at ``start``, the next
    article's at ``stop``. Outlet and date are the first two lines after it; the header ends at
    its ``LENGTH:`` line (its title is the first run of lines at the margin after the date that
    are no ``KEY:`` lines), or without one after the date line."""
    length = _NEXIS_LENGTH.search(text, line_end, stop)
    head_stop = length.start() if length else stop
    fields: dict[str, str] = {}
    pos, seen, title = line_end, 0, list[str]()
    date_end = line_end
    while pos < head_stop:
        nl = _line_end(text, pos + 1)
        line = text[pos:nl].strip("\n")
        pos = nl
        if not line.strip():
            if title:
                break
            continue
        if seen < 2:
            fields["outlet" if seen == 0 else "published"] = line.strip()
            seen += 1
            date_end = nl
        elif not length:
            break
        elif line[:1].isspace() and not title:  # edition lines, centred like the date
            continue
        elif _NEXIS_KEY.match(line):
            break
        else:
            title.append(line.strip())
    if title:
        fields["title"] = " ".join(title)
    author = _NEXIS_AUTHOR.search(text, line_end, head_stop)
    if author:
        fields["author"] = author.group(1).strip()
    body = _past_filler(text, _line_end(text, length.start()) if length else date_end, set())
    return Record(start, body, -1, fields, _nexis_tail(text, body, stop))


def _nexis_uni(text: str, start: int, stop: int) -> Record:
    """A Nexis Uni article: ``text[start:stop]`` ends where its "End of Document" line starts.
    Its header ends at the ``Body`` line; title, outlet and date are the three lines before its
    first ``Key:`` line (a ``Copyright`` line aside)."""
    mark = _NEXIS_BODY.search(text, start, stop)
    if mark is None:
        return Record(start, start, -1, {}, stop)
    fields: dict[str, str] = {}
    lines = text[start : mark.start()].split("\n")
    n = len(lines)
    while n and _uni_field_line(lines[n - 1]):  # the Section:/Length:/Byline: block
        n -= 1
    lines = [ln.strip() for ln in lines[:n] if ln.strip()]
    if len(lines) >= 3:
        fields.update(zip(("title", "outlet", "published"), lines[-3:], strict=True))
    author = _NEXIS_AUTHOR.search(text, start, mark.start())
    if author:
        fields["author"] = author.group(1).strip()
    body = _past_filler(text, mark.end(), set())
    tail = stop  # the footer: the run of Key: lines (and "Classification") before the end line
    while tail > body:
        prev = _line_start(text, tail - 1)
        if not _uni_field_line(text[prev : tail - 1]) or prev < body:
            break
        tail = prev
    tail = _past_filler(text, tail, set()) if tail < stop else stop
    return Record(start, body, -1, fields, min(tail, stop))


def _factiva(text: str, start: int, stop: int) -> Record:
    """A Factiva article: ``text[start:stop]`` ends where its "Document <id>" line starts. The
    headline runs to the word count line ("523 words"); the date, a time, the source, its code
    and the language follow, and the header ends at the ``Copyright`` line (else at the
    source's line)."""
    lines: list[tuple[int, int]] = []  # (start, end) of the first non-blank lines
    pos = start
    while pos < stop and len(lines) < 16:
        end = min(_line_end(text, pos), stop)
        if text[pos:end].strip():
            lines.append((pos, end))
        pos = end + 1
    words = next(
        (i for i, (a, b) in enumerate(lines[:8]) if _FACTIVA_WORDS.fullmatch(text[a:b].strip())),
        None,
    )
    if not words:
        return Record(start, start, -1, {}, stop)
    value = [text[a:b].strip() for a, b in lines]
    fields = {"title": " ".join(value[:words])}
    rest = list(range(words + 1, len(lines)))
    if rest:
        fields["published"] = value[rest[0]]
        rest = rest[1:]
    if rest and re.fullmatch(r"\d\d?:\d\d", value[rest[0]]):
        rest = rest[1:]  # the time
    if rest:
        fields["outlet"] = value[rest[0]]
    head_end = lines[rest[0]][1] if rest else lines[-1][1]
    for i in rest[:6]:
        if value[i].startswith(("Copyright", "(c)", "(C)", "\u00a9")):
            head_end = lines[i][1]
            break
    body = _past_filler(text, head_end, set())
    return Record(start, min(body, stop), -1, fields, stop)


def _uni_field_line(line: str) -> bool:
    """A Nexis Uni header or footer line: blank, ``Key: value``, ``Copyright ...``,
    ``Classification``."""
    line = line.strip()
    return (
        not line
        or _NEXIS_KEY.match(line) is not None
        or line.startswith("Copyright")
        or line == "Classification"
    )


def _nexis_records(text: str) -> list[Record] | None:
    """The articles of a LexisNexis export (:func:`_nexis_lines`), or None. Text before the
    first article (the export's cover: search terms, list of results) joins its header."""
    found = _nexis_lines(text)
    if found is None:
        return None
    kind, spans = found
    records: list[Record] = []
    if kind == "start":
        for i, (s, e) in enumerate(spans):
            stop = spans[i + 1][0] if i + 1 < len(spans) else len(text)
            records.append(_nexis_classic(text, s, e, stop))
    else:
        prev = 0
        for s, e in spans:
            records.append(_nexis_uni(text, prev, s) if kind == "end" else _factiva(text, prev, s))
            prev = e
        if text[prev:].strip():  # text after the last "End of Document": a record of its own
            records.append(Record(prev, prev, -1))
    records[0].start = 0
    for r in records:  # the blank lines after the body go with the footer
        while r.tail > r.body and text[r.tail - 1] in " \t\r\n":
            r.tail -= 1
    return records


def _label_lines(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``(key, [(line start, value start), ...])`` of the lines that start with the most
    frequent lower-case key (``content: ...``) when there are ``MIN_SEPARATORS`` or more
    and they make a third of the non-blank lines at least; else None.

    >>> _label_lines("content: ['One.']\\n" * 20 + "content: []\\n")[0]
    'content'
    >>> _label_lines("note: see below\\n" * 20 + "Text.\\n" * 50) is None
    True
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    first = _LABEL_FIRST.match(text)
    for m in itertools.chain([first] if first else [], _LABEL_LINE.finditer(text)):
        start = m.start() + (0 if m is first else 1)
        spans.setdefault(m.group(1), []).append((start, m.end()))
    key, lines = max(spans.items(), key=lambda kv: len(kv[1]), default=("", []))
    if len(lines) < MIN_SEPARATORS:
        return None
    non_blank = sum(1 for line in text.split("\n") if line.strip())
    return (key, lines) if 3 * len(lines) >= non_blank else None


def split_records(text: str) -> list[Record] | None:
    """The records of a dump (None when :func:`records_in_text` would not call it one).

    Header blocks (2+ field lines, recurring ``MIN_HEADER_BLOCKS`` times) start the
    records when there are enough of them; else the separator lines of one kind
    (``MIN_SEPARATORS`` or more) do; else lines that start with one lower-case key
    (``content: ...``, :func:`_label_lines`), whose header is the key and colon. A record's header takes in the separator and blank
    lines just before and after its field lines; text before the first header is a record
    of its own (header empty). The records partition the text: ``text[r.start:r.end]``
    joined in order is ``text``.

    >>> dump = "URL: a\\nTitle: One\\n\\nFirst.\\n=====\\nURL: b\\nTitle: Two\\nSecond.\\n"
    >>> dump += "=====\\nURL: c\\nTitle: Three\\nThird.\\n"
    >>> [(dump[r.start:r.body], dump[r.body:r.end], r.fields["title"]) for r in split_records(dump)]
    [('URL: a\\nTitle: One\\n\\n', 'First.\\n', 'One'), ('=====\\nURL: b\\nTitle: Two\\n', 'Second.\\n', 'Two'), ('=====\\nURL: c\\nTitle: Three\\n', 'Third.\\n', 'Three')]
    """
    nexis = _tagged_records(text) or _nexis_records(text)
    seps = [] if nexis else _separators(text)
    sep_starts = {s for s, _ in seps}
    blocks = [] if nexis else _blocks(text)
    records: list[Record] = nexis or []
    if nexis:
        pass
    elif len(blocks) >= MIN_HEADER_BLOCKS:
        floor = 0
        for b in blocks:
            start = b.start
            while start > floor:  # take in the separator and blank lines just before
                prev = _line_start(text, start - 1)
                if prev < floor or not (prev in sep_starts or not text[prev : start - 1].strip()):
                    break
                start = prev
            records.append(Record(start, _past_filler(text, b.body, sep_starts), -1, b.fields))
            floor = records[-1].body
    elif len(seps) >= MIN_SEPARATORS:
        for s, _ in seps:
            records.append(Record(s, _past_filler(text, s, sep_starts), -1))
    elif (label := _label_lines(text)) is not None:
        column = FIELD_COLUMNS.get(label[0])
        for s, body in label[1]:
            end = text.find("\n", body)
            value = text[body : len(text) if end == -1 else end].strip()
            records.append(Record(s, body, -1, {column: value} if column and value else {}))
    else:
        return None
    if records[0].start > 0:
        if text[: records[0].start].strip():
            records.insert(0, Record(0, 0, -1))
        else:
            records[0].start = 0
    for r, nxt in zip(records, records[1:], strict=False):
        r.end = nxt.start
    records[-1].end = len(text)
    return records


#: a record body that is an empty value as a crawler writes it (``content: []``): no text
EMPTY_VALUES = frozenset({"[]", "[ ]", "['']", '[""]', "{}", "''", '""', "None", "null"})


def record_rows(base: dict[str, Any], text: str, records: list[Record]) -> list[dict[str, Any]]:
    """The document rows of a split text file's records (``base``: the file's row): doc_id
    ``<stem>#<n>``, source ``<file>#record=<n>``, ``raw_text`` the body, ``record_header`` the
    header as written (``record_footer`` the footer of a LexisNexis article: load date,
    language, copyright), ``record_start``/``record_end`` its place in the file's text, and the
    header's url/title/author/outlet (dates: the caller reads them)."""
    rows: list[dict[str, Any]] = []
    for n, r in enumerate(records, start=1):
        row = dict(base)
        row["doc_id"] = f"{base['doc_id']}#{n}"
        row["source"] = f"{base['source']}#record={n}"
        row["raw_text"] = text[r.body : r.end if r.tail < 0 else r.tail]
        row["record_header"] = text[r.start : r.body]
        if r.tail >= 0:
            row["record_footer"] = text[r.tail : r.end]
        row["record_start"], row["record_end"] = r.start, r.end
        for col, value in r.fields.items():
            row[col] = value
            if col in ("outlet", "title", "published"):
                row[f"{col}_source"] = "record_header"
        rows.append(row)
    return rows
