"""Quote marks: pair opening and closing marks line by line, recovering from unbalanced ones.

Double quotes may run over several paragraphs (each continued paragraph opens
with a mark); single quotes pair within a line and only outside a double
quote (nested quotes live inside it). A mark between two letters is an
apostrophe. An opening mark without partner is closed at the end of its
paragraph (or before the next opening mark) and flagged ``unbalanced``;
nothing raises.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

_log = logging.getLogger(__name__)
_log.addHandler(logging.NullHandler())

DQ_OPEN = "\u201c\u201e\u00ab"
DQ_CLOSE = "\u201d\u00bb"
SQ_OPEN = "\u2018\u201a\u2039"
SQ_CLOSE = "\u2019\u203a"
MARK_RE = re.compile("``|''|[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a']")
_SINGLE = ("'", "\u2019", "\u2018", "\u201a", "\u2039", "\u203a")


@dataclass
class Span:
    """A quotation between marks: ``text[start:end]`` includes the marks."""

    start: int
    end: int
    unbalanced: bool
    single: bool


@dataclass
class _Pairing:
    """State of the left-to-right pass over one document's marks."""

    text: str
    doc_id: str
    spans: list[Span] = field(default_factory=list)
    d_open: int | None = None  # an open double quote (may come from an earlier line)
    s_open: int | None = None  # an open single quote (this line only)
    continuing: bool = False  # the next line may open with a continuation mark

    def close_unbalanced(self, end: int, why: str) -> None:
        """Close the open double quote at ``end`` (trailing space trimmed), flagged."""
        assert self.d_open is not None
        while end > self.d_open and self.text[end - 1].isspace():
            end -= 1
        self.spans.append(Span(self.d_open, end, True, False))
        _log.info("%s: quote opened at %d %s; closed at %d", self.doc_id, self.d_open, why, end)
        self.d_open = None


def _lines_of(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _single_mark(st: _Pairing, i: int, ch: str, prev: str, nxt: str) -> None:
    """A single quote mark (or apostrophe) outside any double quote."""
    if prev.isalnum() and nxt.isalnum():
        return  # apostrophe: Russia's, don't
    opener = ch in SQ_OPEN or (ch == "'" and not prev.isalnum() and nxt.isalnum())
    if st.s_open is None:
        if opener and not prev.isalnum():
            st.s_open = i
    elif ch in SQ_CLOSE or ch == "'":
        spaced_colon = prev.isspace() and _COLON_NEXT.match(st.text, i + 1) is not None
        if (not prev.isspace() or spaced_colon) and not nxt.isalnum():
            # "'HC went beyond ... ': Vijay-led ...": a space before the closer, then a colon
            st.spans.append(Span(st.s_open, i + 1, False, True))
            st.s_open = None


#: A colon right after a mark (spaces between): the mark closes a headline's opening quote.
_COLON_NEXT = re.compile(r"[ \t]*:")


def _double_role(ch: str, prev: str, nxt: str) -> str:
    """``open``, ``close`` or ``ambiguous`` for a double quote mark in context."""
    if ch == "``" or ch in DQ_OPEN:
        return "open"
    if ch == "''":
        return "close" if not prev.isspace() else "ambiguous"
    if ch in DQ_CLOSE:
        return "close"
    opener_ctx = (prev.isspace() or prev in "([{-—–/:") and not nxt.isspace()
    return "open" if opener_ctx else "close"


def _double_mark(st: _Pairing, m: re.Match, ls: int, prev: str, nxt: str) -> None:
    i = m.start()
    role = _double_role(m.group(), prev, nxt)
    if st.d_open is None:
        if role in ("open", "ambiguous"):
            st.d_open, st.s_open = i, None
        else:
            _log.info("%s: stray closing quote mark at %d ignored", st.doc_id, i)
    elif role == "open" and (prev.isspace() or i == ls):
        # a new opener while a quote is open: the earlier one lacked its closer
        st.close_unbalanced(i, "has no closer")
        st.d_open = i
    else:
        st.spans.append(Span(st.d_open, m.end(), False, False))
        st.d_open = None


def _continues(text: str, lines: list[tuple[int, int]], li: int) -> bool:
    """Whether the next non-empty line opens with a continuation mark."""
    nxt_line = next(((s, e) for s, e in lines[li + 1 :] if text[s:e].strip()), None)
    if nxt_line is None:
        return False
    body = text[nxt_line[0] : nxt_line[1]].lstrip()
    return (
        body[:1] in DQ_OPEN
        or body.startswith("``")
        or (body[:1] == '"' and len(body) > 1 and not body[1].isspace())
    )


def pair_marks(text: str, doc_id: str = "") -> list[Span]:
    """Pair quote marks line by line; recover from unbalanced marks (never raise).

    Examples
    --------
    >>> [(s.start, s.end, s.unbalanced) for s in pair_marks('He said "yes" and \\'no\\'.')]
    [(8, 13, False), (18, 22, False)]
    >>> [(s.start, s.end, s.unbalanced) for s in pair_marks('"Open and never closed\\nNext.')]
    [(0, 22, True)]
    """
    st = _Pairing(text, doc_id)
    lines = _lines_of(text)
    for li, (ls, le) in enumerate(lines):
        st.s_open = None
        for m in MARK_RE.finditer(text, ls, le):
            i, ch = m.start(), m.group()
            prev = text[i - 1] if i > ls else " "
            nxt = text[m.end()] if m.end() < le else " "
            if st.continuing:
                st.continuing = False
                if text[ls:i].strip() == "" and (ch in DQ_OPEN or ch == '"' or ch == "``"):
                    continue  # the continuation mark of a multi-paragraph quote
            if ch in _SINGLE:
                if st.d_open is None:  # nested single quotes live inside the double quote
                    _single_mark(st, i, ch, prev, nxt)
                continue
            _double_mark(st, m, ls, prev, nxt)
        if st.d_open is not None:
            if _continues(text, lines, li):
                st.continuing = True
            else:
                st.close_unbalanced(le, "unclosed at paragraph end")
    return st.spans
