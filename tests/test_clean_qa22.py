"""Session 22 (H3): cheaper line rules with the same decisions, and headline lists.

The speed-ups are screens: each leaves out only work that cannot change a result
(a rule whose pattern cannot start with a line's first character, a rule that needs
two spaces in a line that has none, a literal looked for outside the piece a
prefix/suffix pattern is run on). The tests check that they are exact.
"""

from __future__ import annotations

import random
import re

import pytest

from corpus_tools._patterns import first_chars
from corpus_tools.clean import (
    _TERM_RE,
    _first_chars,
    _prepare,
    _split_lines,
    clean_text,
    load_rules,
    reconstruct_text,
)
from corpus_tools.tokenize import fold

RULES = load_rules()


# ------------------------------------------------------------------ first characters
@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"(read|see) more|\d+ views", re.IGNORECASE),
        (r"(?:the )?(top|bottom) of (the )?page", re.IGNORECASE),
        (r"\(?(ap|afp)\)?\s?photo", re.IGNORECASE),
        (r"(?=[A-Z]).*credit", 0),
        (r"\b[^\W\d]+ \d", 0),
        (r"\u212aelvin", re.IGNORECASE),  # the Kelvin sign folds to "k"
        (r"(?i:x)?[a-c]{0,2}\s?-", 0),
        (r"(?>ab|c)+d*", 0),
    ],
)
def test_first_chars_holds_the_first_character_of_every_match(pattern: str, flags: int) -> None:
    alphabet = "abcdekxyzABCDEKXYZ0129 -()'\u212a\u00e9"
    got = first_chars(pattern, flags, alphabet)
    rx = re.compile(pattern, flags)
    rng = random.Random(7)
    words = ["read more", "see more", "12 views", "top of page", "the bottom of the page"]
    words += ["(AP) photo", "afp photo", "Xcredit", "kelvin", "KELVIN", "ab-", "x-", "abcd"]
    samples = words + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))) for _ in range(20000)
    ]
    matched = 0
    for s in samples:
        if rx.fullmatch(s):
            matched += 1
            assert got is None or s[0] in got or s[0] not in alphabet, (pattern, s)
    assert matched > 0


def test_first_chars_of_shipped_rules_hold_their_examples() -> None:
    screened = 0
    for r in RULES.active("line"):
        got = _first_chars(r)
        view = " ".join(fold(r.example).split())
        assert got is None or view[0] in got, r.id
        screened += got is not None and len(got) < 100
    assert screened >= 20  # most shipped rules start with a few letters only


def test_line_plan_leaves_out_rules_that_cannot_start_with_the_character() -> None:
    ids = lambda first: [r.id for r, _c in RULES._line_plan((), 1, 4, first)]  # noqa: E731
    assert "menu_word" in ids("H") and "menu_word" in ids("h")
    assert "menu_word" not in ids("x")
    assert "menu_word" in ids("\u0397")  # outside the screened alphabet: every rule stays
    assert ids("") == [r.id for r, _c in RULES._line_plan((), 1, 4)]


def test_single_spaced_line_skips_only_rules_that_need_two_spaces() -> None:
    wide = [r.id for r, _c in RULES._line_plan((), 12, 80, "U")]
    narrow = [r.id for r, _c in RULES._line_plan((), 12, 80, "U", True)]
    assert set(wide) - set(narrow) == {"caption_agency_credit"}
    caption = "U.S. President Joe Biden speaks in Washington, U.S., May 1, 2023.   REUTERS/Evelyn Hockstein"
    raw = (
        "Talks resume\n\n"
        + caption
        + "\n\n"
        + "Officials met for a second day of talks on Monday. " * 3
    )
    clean, rows = clean_text(raw)
    assert [r["rule"] for r in rows] == ["caption_agency_credit"]
    assert "REUTERS" not in clean and reconstruct_text(clean, rows) == raw


# ------------------------------------------------------------------ lines without repair
@pytest.mark.parametrize(
    "raw",
    ["x", "\n", "a\n", "a\n\n", "a\n\nb", " \t\n x \n", "a\r\nb\rc\n", "\r", "a\u2028b\n\n c"],
)
def test_lines_of_text_without_repair_are_split_at_every_terminator(raw: str) -> None:
    lines = _split_lines(raw, RULES)
    spans, pos = [], 0
    for m in _TERM_RE.finditer(raw):
        spans.append((pos, m.start(), m.end()))
        pos = m.end()
    if pos < len(raw):
        spans.append((pos, len(raw), len(raw)))
    assert [(ln.cs, ln.ce, ln.te) for ln in lines] == spans
    assert [ln.blank for ln in lines] == [not raw[a:b].strip() for a, b, _t in spans]
    assert [ln.fixed for ln in lines] == [raw[a:b] for a, b, _t in spans]
    assert _split_lines("", RULES) == []


def test_views_are_set_for_content_lines_only() -> None:
    doc = _prepare("Title here\n\n  two   spaced  \n\nplain line.", RULES, False)
    assert doc is not None
    assert [doc.lines[i].view for i in doc.nb] == ["Title here", "two spaced", "plain line."]
    assert doc.lines[1].view is None and doc.nb == [0, 2, 4]
    assert doc.lines[4].view is doc.lines[4].folded  # single-spaced: the view is the line


# ------------------------------------------------------------------ edge windows
def test_trailing_credit_found_in_the_window_of_a_long_last_line() -> None:
    body = "The minister said the talks would resume next week in Geneva, officials said. "
    last = body * 40 + "The talks end on Friday. - REUTERS"
    raw = "Talks resume\n\n" + body * 3 + "\n\n" + last
    clean, rows = clean_text(raw)
    assert [r["rule"] for r in rows] == ["trailing_agency_credit"]
    assert clean.endswith("on Friday.") and reconstruct_text(clean, rows) == raw
    # the agency name earlier in the line, outside the window, is not a credit
    raw2 = "Talks resume\n\n" + body * 3 + "\n\n" + "REUTERS reported. " + body * 40
    assert clean_text(raw2)[1] == []
