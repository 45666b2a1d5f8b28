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
    _CASE_STABLE,
    _TERM_RE,
    _first_chars,
    _is_headline_list,
    _prepare,
    _Screen,
    _self_doubled,
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


# ------------------------------------------------------------------ headline lists
HEADS = [
    "21 Things Only People Who Grew Up By The Sea Will Understand",
    "Council Approves New Cycle Lanes For The City Centre",
    "Storm Brings Flooding to Coastal Towns",
    "Can You Guess Which City These Skylines Belong To",
    "Markets fall as oil prices rise again",
    "Police question two men after warehouse fire",
    "17 Recipes That Make Weeknight Dinners Easy",
    "Local team wins cup after penalty shootout",
]


def _kept_lines(raw: str) -> list[str]:
    clean, rows = clean_text(raw)
    assert reconstruct_text(clean, rows) == raw
    return [x for x in clean.split("\n") if x.strip()]


@pytest.mark.parametrize(
    "newsletter",
    [
        "Sign Up For BuzzFeed's Crossword Newsletter Reminders",
        "You Should Definitely Sign Up For Our Daily Dog Newsletter",
        "Sign Up For The Weekly Recipes Newsletter",
    ],
)
def test_a_newsletter_headline_in_a_list_of_headlines_is_kept(newsletter: str) -> None:
    raw = "\n".join(HEADS[:4] + [newsletter] + HEADS[4:])
    assert _kept_lines(raw) == HEADS[:4] + [newsletter] + HEADS[4:]
    # alone it is its own headline (kept before too); after an article it is chrome
    assert _kept_lines(newsletter) == [newsletter]
    body = "The council met on Monday and approved the plan after a long debate. " * 3
    page = "Council approves plan\n\n" + body + "\n\n" + body + "\n\n" + newsletter
    assert newsletter not in _kept_lines(page)


def test_chrome_in_a_headline_list_still_goes_when_it_is_not_a_headline() -> None:
    chrome = ["Share this article", "Advertisement", "Sign up for our newsletter"]
    raw = "\n".join(HEADS[:3] + chrome[:1] + HEADS[3:6] + chrome[1:] + HEADS[6:])
    assert _kept_lines(raw) == HEADS


def test_a_long_title_case_headline_ending_in_a_full_stop_keeps_the_list() -> None:
    long_head = "Forget The Old Charger Cable. Now You Can Power Your Phone From The Car Seat."
    raw = "\n".join(HEADS[:5] + [long_head] + HEADS[5:])
    assert _kept_lines(raw) == HEADS[:5] + [long_head] + HEADS[5:]
    # sentence-case lines ending in a full stop are prose: not a list of headlines
    prose = "\n".join(
        ["Council approves plan", "Home", "News", "Sport"]
        + [f"The council met on day {k} and approved part {k} of the plan." for k in range(6)]
    )
    assert "Home" not in _kept_lines(prose)


MORE_HEADS = [
    "Rail worker killed by train near station",
    "Transit ridership reaches highest level since 1956",
    "Public transit ridership mostly down in Tennessee",
    "Airlines end reciprocal frequent-flier deal",
    "Mayor Says New Bridge Will Open In Spring",
    "Schools close early as heatwave continues",
    "Five Things To Know Before The Budget",
    "Hospital waiting lists fall for third month",
    "Farmers warn of poor harvest after dry summer",
    "New Museum Opens Its Doors To The Public",
    "Police appeal for witnesses after crash",
]


def _is_list(lines: list[str]) -> bool:
    doc = _prepare("\n".join(lines), RULES, False)
    assert doc is not None
    return _is_headline_list(doc)


def test_one_lede_sentence_in_ten_lines_of_headlines_keeps_the_list() -> None:
    lede = "The government has come down hard on the digital currency this week."
    lines = MORE_HEADS[:6] + [lede] + MORE_HEADS[6:]
    assert _is_list(lines) and _kept_lines("\n".join(lines)) == lines
    assert _is_list(MORE_HEADS) and not _is_list(MORE_HEADS[:8] + [lede])  # 1 in 9: too many
    # two in a list of twelve is more than one in ten
    assert not _is_list(
        MORE_HEADS[:6] + [lede, lede.replace("this week", "today")] + MORE_HEADS[6:10]
    )
    # one in ten, but most lines are menu-sized: a page, not a list
    menu = ["Home", "News", "Sport", "Business", "Weather", "Contact Us", "About Us"]
    assert not _is_list(MORE_HEADS[:3] + [lede] + menu)


def test_a_short_paragraph_under_a_menu_is_not_a_list_of_headlines() -> None:
    menu = ["Home", "News", "Sport", "Business", "Weather", "Contact Us", "Privacy Policy"]
    para = "The council approved the new cycle lanes on Monday after a short debate."
    raw = "\n".join(["Council approves cycle lanes"] + menu + [para] + menu[:3])
    kept = _kept_lines(raw)
    assert para in kept and "Privacy Policy" not in kept and "Weather" not in kept


# ------------------------------------------------------------------ repeated lines
@pytest.mark.parametrize("duration", ["02:27", "2:27:05", "\u0660\u0662:\u0662\u0667"])
def test_a_doubled_teaser_after_any_decimal_duration_goes_whole(duration: str) -> None:
    teaser = "Troops to see Gaza soon"
    body = len(duration) + 1  # the copies start after the duration and a space
    assert _self_doubled(f"{duration} {teaser} {teaser}") == (True, body + 23, body + 47)
    assert _self_doubled(f"  {teaser} {teaser}  ") == (False, 25, 49)
    assert _self_doubled(f"\u00b2:27 {teaser} {teaser}") is None  # a superscript is no \\d


def test_a_page_without_a_repeated_line_is_left_to_the_other_steps() -> None:
    body = "Officials met for a second day of talks on Monday, the ministry said."
    raw = "Talks resume in Geneva\n\n" + "\n\n".join(f"{body} Item {k}." for k in range(6))
    assert clean_text(raw) == (raw, [])
    again = raw + "\n\nTalks resume in Geneva"  # the title printed again at the end goes
    no_classifier = load_rules(disable_categories=["block"])
    assert [r["rule"] for r in clean_text(raw, rules=no_classifier)[1]] == []
    assert [r["rule"] for r in clean_text(again, rules=no_classifier)[1]] == ["duplicate_line"]


# ------------------------------------------------------------------ contains screens
def test_no_other_character_casefolds_to_a_case_stable_character() -> None:
    made: set[str] = set()
    for code in range(0x110000):
        c = chr(code)
        f = c.casefold()
        if f != c:
            made.update(f)
    assert not made & _CASE_STABLE
    assert all(c.casefold() == c for c in _CASE_STABLE)


def test_contains_screens_look_where_the_rule_looks() -> None:
    screens = {r.id: s for r, s in zip(RULES.active("line"), RULES._screens, strict=True)}
    assert screens["caption_position_cue"] == _Screen(False, (("", "("),))  # '(' needs no casefold
    assert screens["cookie_notice"] == _Screen(True, (("", "cookie"),))
    trailing = screens["caption_trailing_credit"]
    assert trailing is not None and ("(", "(c)") in trailing.items and not trailing.lower
    assert screens["menu_word"] is None
    page = "Talks resume\n\n" + "The minister (pictured above) met officials on Monday. " * 2
    lines = ["Talks resume", "The minister met officials on Monday, Photo: Jane Doe/Reuters"]
    for raw in (page, "\n\n".join(lines + ["Officials met again on Tuesday for more talks."] * 2)):
        clean, rows = clean_text(raw)
        assert reconstruct_text(clean, rows) == raw
