"""Session 22: the block classifier's faster paths decide as the plain ones do."""

from __future__ import annotations

import re

import pytest

from corpus_tools import blocks
from corpus_tools.blocks import (
    _WORD_RE,
    _all_caps,
    _folded_words,
    _known_lines,
    _non_ascii,
    classify_lines,
    line_features,
    load_block_settings,
)

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
