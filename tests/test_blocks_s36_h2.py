"""Session 36 (H2): the classifier's faster casefolding and apostrophe handling give the
same words as before (``str.casefold`` and the lone-apostrophe regex)."""

from __future__ import annotations

import random
import sys

from corpus_tools import blocks


def test_fold_case_equals_casefold_on_every_code_point() -> None:
    # each code point alone, amid ASCII capitals, and after a curly quote
    for start in range(0, sys.maxunicode + 1, 4096):
        chunk = "".join(chr(c) for c in range(start, min(start + 4096, sys.maxunicode + 1)))
        for text in (chunk, "AbC " + chunk + " XyZ", "\u201cQuote\u201d " + chunk):
            assert blocks.fold_case(text) == text.casefold()
    # a text whose non-ASCII characters fold to themselves takes the bytes path
    text = "\u201cWhat\u2019s NEW \u2014 caf\u00e9\u201d"
    assert (
        blocks.fold_case(text) == text.casefold() == "\u201cwhat\u2019s new \u2014 caf\u00e9\u201d"
    )
    assert (
        blocks.fold_case("STRASSE Stra\u00dfe \u03a3\u039f\u03a3")
        == "strasse strasse \u03c3\u03bf\u03c3"
    )


def test_no_character_folds_to_itself_followed_by_more() -> None:
    # what makes "the string folds to itself" mean "each character does" (fold_case)
    bad = [
        c
        for c in map(chr, range(0x80, sys.maxunicode + 1))
        if (f := c.casefold()) != c and f[0] == c
    ]
    assert bad == []


def test_unglue_equals_the_lone_apostrophe_regex() -> None:
    rng = random.Random(36)
    alphabet = "ab'\x00 \nz"
    for _ in range(20000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert blocks._unglue(t) == blocks._LONE_APOSTROPHES_RE.sub(" ", t)
    assert blocks._unglue("don't 'quote' rock'n'roll '' it\x00s") == (
        "don't  quote  rock'n'roll    it\x00s"
    )


def test_words_unchanged_on_apostrophes_and_curly_quotes() -> None:
    assert blocks._folded_words("Don't 'PANIC': it\u2019s \u2018fine\u2019 rock'n'roll") == [
        "don't",
        "panic",
        "it\u2019s",
        "fine",
        "rock'n'roll",
    ]
