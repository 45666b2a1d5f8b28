"""Session 25: the per-line Unicode checks run only for the repairs the whole text may need,
and a short line remembered as taken by no line rule skips its rule plan (same output)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from corpus_tools import clean_text, load_rules
from corpus_tools.clean import _split_lines, reconstruct_text


def _rows(raw: str, **kw: object) -> list[tuple[str, int, int, str]]:
    clean, rows = clean_text(raw, **kw)  # type: ignore[arg-type]
    assert reconstruct_text(clean, rows) == raw
    return [(r["rule"], r["start"], r["end"], r["replacement"]) for r in rows]


def _line_by_line(raw: str) -> list[tuple[str, list[str]]]:
    """What every line gets when each is tested for every repair (the old per-line path)."""
    out = []
    for line in raw.split("\n"):
        fixed, names = line, []
        if "\u200b" in fixed:
            fixed = fixed.replace("\u200b", "")
            names.append("zero_width")
        if not unicodedata.is_normalized("NFC", fixed):
            fixed = unicodedata.normalize("NFC", fixed)
            names.append("nfc")
        out.append((fixed, names))
    return out


@pytest.mark.parametrize(
    "raw",
    [
        # NFC as a whole, but removing the zero-width space makes "e" + U+0301 compose
        "Caf\u00e9 e\u200b\u0301 ok\nSecond line here",
        # a decomposed letter on one line, zero-width space on another
        "Cafe\u0301 owners\nZ\u200bW here",
        # NFC whole and no zero-width: nothing to repair on any line
        "Caf\u00e9 \u00a3 5\nna\u00efve",
        # a combining mark at the start of a line stays (nothing before it to compose with)
        "e\n\u0301 alone",
    ],
)
def test_whole_text_tests_give_each_line_its_repairs(raw: str) -> None:
    got = [
        (ln.fixed, [u for u in ln.urules if not u.startswith("mojibake")])
        for ln in _split_lines(raw, load_rules())
    ]
    assert got == _line_by_line(raw)


def test_repairs_logged_as_before() -> None:
    # expected values: the output of clean.py before the session-25 change
    assert _rows("Caf\u00e9 e\u200b\u0301 ok\nSecond line here\n") == [
        ("zero_width+nfc", 5, 8, "\u00e9")
    ]
    assert _rows("Trump&#39;s e&#769; deal\nand more\n") == [
        ("html_entity+nfc", 5, 19, "'s \u00e9")
    ]
    assert _rows("A\u00c3\u00a9 text\nZ\u200bW here\n") == [
        ("mojibake:encode latin-1 \u2192 decode utf-8", 1, 3, "\u00e9"),
        ("zero_width", 10, 11, ""),
    ]
    # with the unicode category off only mojibake is repaired (ftfy's own NFC step
    # composes the decomposed letter); the zero-width space stays
    rs = load_rules(disable_categories=["unicode"])
    assert _rows("Cafe\u0301 A\u00c3\u00a9\nZ\u200bW\n", rules=rs) == [
        ("mojibake:apply decode_inconsistent_utf8 \u2192 normalize NFC", 3, 9, "\u00e9 A\u00e9")
    ]


def test_a_remembered_line_gives_the_same_rows_on_every_page() -> None:
    rs = load_rules()
    page = (
        "Talks resume in Doha\n\nShare this article\n\n"
        "The ministers met on Monday and agreed to meet again next week.\n\n"
        "It was the third round of talks this year.\n"
    )
    first = clean_text(page, rules=rs)
    # the same lines on another page (remembered: no rule / share_button), then the
    # share line as the page's title: the rule's guard is checked again per page
    other = page.replace("Talks resume in Doha", "Talks end in Cairo")
    assert [r["rule"] for r in clean_text(other, rules=rs)[1]] == [r["rule"] for r in first[1]]
    assert [r["rule"] for r in first[1]] == ["share_button"]
    fresh = clean_text(other, rules=load_rules())
    assert clean_text(other, rules=rs) == fresh


BODY = (
    "In December 2002, I tried to install some software on my computer, and the "
    "experience was less than pleasant on many levels, so I wrote about it as I so often do."
)


def test_copyright_notice_above_the_extracted_body_stays() -> None:
    # an essay's notice under its title and above its byline (Readability's
    # table-style-attributes page): the extractor put it in the article's head
    raw = f"Linux usability\n\n...or, why do I bother.\n\n\u00a9 2002, 2003\n\nJamie Zawinski\n\n{BODY}\n"
    clean, rows = clean_text(raw, extracted=True)
    assert "\u00a9 2002, 2003" in clean
    assert not [r for r in rows if r["category"] == "page_chrome"]
    # the same notice after the body is the site's footer: removed as before
    tail = f"Linux usability\n\n{BODY}\n\n\u00a9 2002, 2003\n"
    assert [r["rule"] for r in clean_text(tail, extracted=True)[1]] == ["copyright_line"]
    # on scraped text (the whole page) the rule is unchanged
    assert "copyright_line" in [r["rule"] for r in clean_text(raw)[1]]
    # other page chrome above the body still goes ("Skip to main content")
    head = f"Linux usability\n\nSkip to main content\n\n{BODY}\n"
    assert [r["rule"] for r in clean_text(head, extracted=True)[1]] == ["skip_to_content"]
    # no line of 8+ words at all: nothing is "above the body", the rule applies
    short = "Linux usability\n\n\u00a9 2002, 2003\n\nJamie Zawinski\n"
    assert [r["rule"] for r in clean_text(short, extracted=True)[1]] == ["copyright_line"]


def test_edge_rules_that_ignore_case_are_screened_by_their_caseless_characters() -> None:
    from corpus_tools.clean import Rule, _required_literals

    rs = load_rules()
    got = {r.id: _required_literals(r) for r in rs.active("prefix") + rs.active("suffix")}
    assert got["newsapi_truncation"] == ("[",)  # "\s*(…|...)?\s*\[\+\d+ chars\]\s*", any case
    assert got["date_field_prefix"] == ("-",)  # "... \d{4}-\d{2}-\d{2} ...", any case
    assert got["trailing_agency_credit"][:3] == ("AFP", "ANADOLU", "ANI")  # case-sensitive
    rule = next(r for r in rs.active("suffix") if r.id == "newsapi_truncation")
    # letters of a pattern that ignores case are no screen (either case matches)
    for pattern, want in (
        ("(more|less) \\[x\\]", (" ",)),
        ("ab-c", ("-",)),
        ("(a|b)-(1|2)", ("-",)),
        ("(a|b)c", ()),
    ):
        r = Rule(
            **{**rule.__dict__, "pattern": pattern, "regex": re.compile(pattern, re.IGNORECASE)}
        )
        assert _required_literals(r) == want, pattern
    # the marker is still cut, in any case, and a last line without "[" is left alone
    text = (
        "Talks resume\n\nThe ministers met on Monday and agreed to meet again\u2026 [+2345 CHARS]\n"
    )
    assert [r["rule"] for r in clean_text(text)[1]] == ["newsapi_truncation"]
