"""Text files that hold many articles (crawler and export dumps): found, and split on request.

:func:`records_in_text` describes such a file for the loader's warning;
:func:`split_records` cuts it into its records for ``load_corpus(split="records")``:
each record is a header (its separator lines, blank lines and ``URL:``/``Title:``/...
field lines) and a body, and the file's text is exactly the records' headers and bodies
in order, so nothing is lost.
"""

from __future__ import annotations

import itertools
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
#: a file holds many records when a block of 2+ header fields recurs this often ...
MIN_HEADER_BLOCKS = 3
#: ... or when this many separator lines of one kind divide it (or start with one key, when
#: those lines are at least a third of its non-blank lines)
MIN_SEPARATORS = 20


def records_in_text(text: str) -> str | None:
    """Describe the records of a text file that holds many articles, or None.

    Records show as a block of two or more header-field lines on consecutive
    lines (``URL:``, ``Title:``, ``Date:``, ``Source:``, ``Author:``...) that
    recurs at least ``MIN_HEADER_BLOCKS`` times, or as ``MIN_SEPARATORS`` or
    more separator lines (``==========``, ``-----``). One pass of two regular
    expressions over the text; an article's own section breaks stay far below
    both counts.
    """
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
    """One record of a dump: ``text[start:body]`` is its header, ``text[body:end]`` its body;
    ``fields`` the header's values by docs column (the first of each)."""

    start: int
    body: int
    end: int
    fields: dict[str, str] = field(default_factory=dict)


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
    seps = _separators(text)
    sep_starts = {s for s, _ in seps}
    blocks = _blocks(text)
    records: list[Record] = []
    if len(blocks) >= MIN_HEADER_BLOCKS:
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
    header as written, ``record_start``/``record_end`` its place in the file's text, and the
    header's url/title/author/outlet (dates: the caller reads them)."""
    rows: list[dict[str, Any]] = []
    for n, r in enumerate(records, start=1):
        row = dict(base)
        row["doc_id"] = f"{base['doc_id']}#{n}"
        row["source"] = f"{base['source']}#record={n}"
        row["raw_text"] = text[r.body : r.end]
        row["record_header"] = text[r.start : r.body]
        row["record_start"], row["record_end"] = r.start, r.end
        for col, value in r.fields.items():
            row[col] = value
            if col in ("outlet", "title", "published"):
                row[f"{col}_source"] = "record_header"
        rows.append(row)
    return rows
