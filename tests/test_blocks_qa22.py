"""Session 22: the block classifier's faster paths decide as the plain ones do."""

from __future__ import annotations

import re

import pytest

from corpus_tools import blocks
from corpus_tools.blocks import (
    _WORD_RE,
    _all_caps,
    _folded_words,
    _headline_like,
    _known_lines,
    _menu_like,
    _non_ascii,
    classify_lines,
    line_features,
    load_block_settings,
)
from corpus_tools.clean import clean_text

# lines with the characters the fast paths treat apart: curly quotes and apostrophes,
# currency signs, emoji, accented and non-Latin letters, Han/kana/Hangul, a lone
# surrogate, digits that are not ASCII, symbols that are cased but not letters
TRICKY = [
    "The minister\u2019s \u201cplan\u201d costs \u00a35bn \u2013 and \u20ac2bn more\u2026",
    "Caf\u00e9 owners in Z\u00fcrich say the \u00bdprice deal is \u201cfair\u201d.",
    "\u4e2d\u6587\u65b0\u95fb \u62a5\u9053 \ud55c\uad6d\uc5b4 \u3072\u3089\u304c\u306a test",
    "Rock \U0001f3b8 on \u00a9 2019 Example Media\u00ae \u2122 all rights reserved",
    "Stra\u00dfe und Ma\u00dfe: \u0130stanbul \u0131 \u017f \u212a \u00b2 \u0661\u0662",
    "bad \ud800 surrogate and \x0b control \u2019tis rock \u2019n\u2019 roll",
    "\u24b6\u24b7 \u2160\u2161 CIRCLED \u24d0 \u2170 mixed",
    "Plain ASCII line, with 'quotes' and don't-stop words.",
    "\u00a0\u00ab\u00bb\u2022\u00b7\u2018\u2019 \u2019\u2019 x\u2019 \u2019y",
]


def _old_word_text(c: str) -> list[str]:
    """The words as _WORD_RE finds them (what every fast path must reproduce)."""
    return _WORD_RE.findall(c)


@pytest.mark.parametrize("text", TRICKY)
def test_non_ascii_keeps_the_non_ascii_characters_in_order(text: str) -> None:
    assert _non_ascii(text) == "".join(ch for ch in text if ord(ch) > 127)


@pytest.mark.parametrize("text", TRICKY)
def test_folded_words_match_the_word_regex(text: str) -> None:
    low = text.casefold()
    assert _folded_words(text) == _old_word_text(low)


def _old_all_caps(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@pytest.mark.parametrize(
    "text",
    [*TRICKY, "MOST READ", "RANDY ANDY 2", "2019", "", "\u4e2dA", "\u00c9T\u00c9", "\u01c5A"]
    + [t.upper() for t in TRICKY],
)
def test_all_caps_as_the_letter_loop(text: str) -> None:
    assert _all_caps(text) == _old_all_caps(text)


def test_known_lines_of_a_page_match_one_line_at_a_time() -> None:
    """The page path (one pass over the joined lines, lengths without a per-line script
    test when the page has no Han, kana or Hangul) gives each line what it gets alone."""
    s = load_block_settings()
    pages = [TRICKY, [t for t in TRICKY if not re.search("[\u3040-\ud7af]", t)]]
    long = " ".join(TRICKY) * 3  # longer than the remembered lines
    pages.append([long, *TRICKY[:3]])
    for views in pages:
        s.__dict__.pop("_lines", None)
        got = _known_lines(views, s)
        s.__dict__.pop("_lines", None)
        for v, (nw, n_stop, f) in zip(views, got, strict=True):
            words = _WORD_RE.findall(v.casefold())
            assert nw == len(words)
            assert n_stop == sum(w in s.stopwords for w in words)
            assert f == line_features(v, s)
            assert f.n_chars == len(v) + blocks._dense_extra(v)


def test_classify_lines_on_a_page_with_pounds_and_curly_quotes() -> None:
    body = (
        "Officials said on Thursday that the \u00a35bn talks in the capital would resume "
        "next week, after a pause of more than a month in which both sides had traded "
        "blame for the failure of the last round and for the fighting that followed it\u2019s end."
    )
    doc = ["Home", "World", "Talks to resume next week", body, body, "Contact Us", "Privacy"]
    out = classify_lines([(i, v, None) for i, v in enumerate(doc)])
    assert sorted(out) == [0, 1, 5, 6]


# ------------------------------------------------ a menu as the page's first line


@pytest.mark.parametrize(
    "view",
    [
        "Home | Money | Savings | Newsletter",
        "News > Business > Personal Finance > Saving",
        "Home \u00bb World \u00bb Middle East \u00bb Gaza",
        "Sport / Football / Premier League / Arsenal",
        "| Home | News | Sport | Weather |",
        "By Jane Doe \u00b7 March 3, 2021 \u00b7 5 min read",
    ],
)
def test_menus_and_breadcrumbs_are_not_headlines(view: str) -> None:
    assert _menu_like(view)
    assert not _headline_like(view, load_block_settings())


@pytest.mark.parametrize(
    "view",
    [
        "Talks stall again in Brussels | Politics | The Times",
        "Live | Ukraine war: Russia strikes Kyiv overnight | BBC",
        "AC/DC singer Brian Johnson returns to the stage",
        "Apple > Microsoft > Google in the new ranking of brands",
        "10 simple ways to save money this year",
        "Fed raises rates by 0.25 points as inflation cools",
    ],
)
def test_headlines_with_separators_stay_headlines(view: str) -> None:
    assert not _menu_like(view)
    assert _headline_like(view, load_block_settings())


_TIPS = [
    (
        "Start with a budget you can actually keep",
        "Most people who fail at saving money never wrote down what they spend in a month. "
        "Track every purchase for thirty days, then set limits for each category that match "
        "what you really need rather than what you wish you needed.",
    ),
    (
        "Automate your savings",
        "Set up a standing order that moves a fixed amount to a savings account the day after "
        "payday. Money you never see in your current account is money you will not be tempted "
        "to spend on impulse.",
    ),
    (
        "Cancel subscriptions you forgot about",
        "Streaming services, apps and gym memberships add up quickly. Go through your bank "
        "statements and cancel anything you have not used in the last two months; most people "
        "find at least one they had forgotten.",
    ),
]


def _listicle(first_line: str) -> str:
    lines = [
        first_line,
        "10 simple ways to save money this year",
        "By Jane Doe",
        "March 3, 2021",
        "Saving money does not have to mean giving up everything you enjoy. With a few small "
        "changes to your habits, you can build a cushion for emergencies and still have a life. "
        "Here are the tips our readers found most useful.",
    ]
    for n, (head, para) in enumerate(_TIPS, 1):
        lines += [f"{n}. {head}", para]
    lines += ["Related stories", "How to pay off debt fast", "Share this article", "Facebook"]
    return "\n\n".join(lines)


@pytest.mark.parametrize(
    "first_line",
    [
        "Home | Money | Savings | Newsletter",
        "Home > Money > Savings",
        "Money \u00b7 Savings \u00b7 Pensions \u00b7 Newsletter",
    ],
)
def test_listicle_keeps_its_headline_not_the_menu_above_it(first_line: str) -> None:
    cleaned, log = clean_text(_listicle(first_line))
    assert cleaned.startswith("10 simple ways to save money this year\n")
    assert first_line not in cleaned
    gone = {r["text"].strip(): r["rule"] for r in log}
    assert gone[first_line] == "block:before_body"
    assert "10 simple ways to save money this year" not in gone
    for head, para in _TIPS:
        assert head in cleaned and para in cleaned


def test_a_headline_line_first_is_still_the_headline() -> None:
    cleaned, _ = clean_text(_listicle("Money Times: the week's best advice for savers"))
    # the first line is a headline-like line close to the body: it stays the headline
    assert cleaned.startswith("Money Times: the week's best advice for savers\n")


_BODY = [
    "Officials said on Thursday that the talks in the capital would resume next week, after "
    "a pause of more than a month in which both sides had traded blame for the failure of the "
    "last round and for the fighting that followed it.",
    "The two delegations are expected to meet at the foreign ministry on Monday morning, and "
    "diplomats on both sides said that they hoped a first agreement on the exchange of "
    "prisoners could be signed before the end of the month.",
]


def test_a_menu_with_no_headline_below_it_goes_and_the_standfirst_stays() -> None:
    """The menu used to be taken for the headline (kept); it is now the top of the article:
    the menu goes, the sentence between it and the body stays."""
    doc = ["News | World | Europe | Talks", "Both sides say they are ready to talk again."]
    doc += [*_BODY, "Contact Us", "Privacy"]
    cleaned, log = clean_text("\n\n".join(doc))
    assert cleaned.split("\n\n") == doc[1:4]
    rows = {r["text"].strip(): r for r in log}
    assert rows["News | World | Europe | Talks"]["rule"] == "block:before_body"


def test_a_headline_above_a_breadcrumb_is_found() -> None:
    """The headline search goes on above a breadcrumb trail right above the body (the
    trail was taken for the headline, and the headline above it removed)."""
    doc = ["Europe edition", "Talks to resume next week in the capital"]
    doc += ["Home > World News > Europe > Talks", *_BODY]
    cleaned, log = clean_text("\n\n".join(doc))
    assert cleaned.split("\n\n") == [doc[1], *_BODY]
    rows = {r["text"].strip(): r for r in log}
    assert rows[doc[2]]["rule"] == "block:before_body"
