"""Quote marks: pair opening and closing marks line by line, recovering from unbalanced ones."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

_log = logging.getLogger(__name__)
_log.addHandler(logging.NullHandler())


DQ_OPEN = "\u201c\u201e\u00ab"


DQ_CLOSE = "\u201d\u00bb"


SQ_OPEN = "\u2018\u201a\u2039"


SQ_CLOSE = "\u2019\u203a"


MARK_RE = re.compile("``|''|[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a']")


@dataclass
class Span:
    start: int
    end: int
    unbalanced: bool
    single: bool


def _lines_of(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def pair_marks(text: str, doc_id: str = "") -> list[Span]:
    """Pair quote marks line by line; recover from unbalanced marks (never raise)."""
    spans: list[Span] = []
    lines = _lines_of(text)
    d_open: int | None = None  # offset of an open double quote (may come from an earlier line)
    continuing = False
    for li, (ls, le) in enumerate(lines):
        s_open: int | None = None
        for m in MARK_RE.finditer(text, ls, le):
            i, ch = m.start(), m.group()
            prev = text[i - 1] if i > ls else " "
            nxt = text[m.end()] if m.end() < le else " "
            if continuing:
                continuing = False
                if text[ls:i].strip() == "" and (ch in DQ_OPEN or ch == '"' or ch == "``"):
                    continue  # the continuation mark of a multi-paragraph quote
            if ch in ("'", "\u2019", "\u2018", "\u201a", "\u2039", "\u203a"):
                if d_open is not None:
                    continue  # nested single quotes live inside the double quote
                if prev.isalnum() and nxt.isalnum():
                    continue  # apostrophe: Russia's, don't
                opener = ch in SQ_OPEN or (ch == "'" and not prev.isalnum() and nxt.isalnum())
                if s_open is None:
                    if opener and not prev.isalnum():
                        s_open = i
                elif ch in SQ_CLOSE or ch == "'":
                    if not prev.isspace() and not nxt.isalnum():
                        spans.append(Span(s_open, i + 1, False, True))
                        s_open = None
                continue
            # double-quote level
            if ch == "``":
                role = "open"
            elif ch == "''":
                role = "close" if not prev.isspace() else "ambiguous"
            elif ch in DQ_OPEN:
                role = "open"
            elif ch in DQ_CLOSE:
                role = "close"
            else:
                opener_ctx = (prev.isspace() or prev in "([{-—–/:") and not nxt.isspace()
                role = "open" if opener_ctx else "close"
            if d_open is None:
                if role == "open" or role == "ambiguous":
                    d_open = i
                    s_open = None
                else:
                    _log.info("%s: stray closing quote mark at %d ignored", doc_id, i)
            else:
                if role == "open" and (prev.isspace() or i == ls):
                    # a new opener while a quote is open: the earlier one lacked its closer
                    end = i
                    while end > d_open and text[end - 1].isspace():
                        end -= 1
                    spans.append(Span(d_open, end, True, False))
                    _log.info(
                        "%s: quote opened at %d has no closer; closed at %d", doc_id, d_open, end
                    )
                    d_open = i
                else:
                    spans.append(Span(d_open, m.end(), False, False))
                    d_open = None
        if d_open is not None:
            # continue only if the next non-empty line starts with an opening mark
            nxt_line = next(((s, e) for s, e in lines[li + 1 :] if text[s:e].strip()), None)
            cont = False
            if nxt_line is not None:
                body = text[nxt_line[0] : nxt_line[1]].lstrip()
                cont = (
                    body[:1] in DQ_OPEN
                    or body.startswith("``")
                    or (body[:1] == '"' and len(body) > 1 and not body[1].isspace())
                )
            if cont:
                continuing = True
            else:
                end = le
                while end > d_open and text[end - 1].isspace():
                    end -= 1
                spans.append(Span(d_open, end, True, False))
                _log.info(
                    "%s: quote opened at %d unclosed at paragraph end %d", doc_id, d_open, end
                )
                d_open = None
    return spans
