"""line_features' fast exact pre-tests (chrome words only, date/time stamp) decide
every line as the full tests do."""

from __future__ import annotations

import random
from dataclasses import replace

from corpus_tools.blocks import (
    _STAMP_MAX_TOKENS,
    BlockSettings,
    _folded_words,
    _is_stamp,
    line_features,
    load_block_settings,
)

PIECES = [
    "the", "to", "your", "our", "up", "home", "contact", "us", "privacy", "policy", "e-mail",
    "The", "HOME", "Sign", "in", "news", "said", "president", "May", "ago", "by", "at", "pm",
    "3", "12th", "2019", "11/20/2019", "01:14", "don't", "o’", "é", "İ", "ß", "²", "_", "·",
    "•", "|", "/", ",", ">", "»", ":", ";", "(", ")", "-", "&", "*", "+", ".", "!", "?", "'",
]  # fmt: skip


def _lines() -> list[str]:
    rnd = random.Random(141)
    seps = [" ", " ", " ", " | ", " · ", "/", "-", ", ", "  ", ""]
    out = []
    for _ in range(8000):
        n = rnd.randint(1, 18)
        out.append("".join(rnd.choice(PIECES) + rnd.choice(seps) for _ in range(n)))
    return out


def _full_tests(s: BlockSettings) -> BlockSettings:  # the chrome pre-test off
    full = replace(s)
    full.__dict__["chrome_letters"] = False
    return full


def test_chrome_pre_test_changes_no_line() -> None:
    s = load_block_settings()
    assert s.chrome_letters  # shipped words: letters only ("e-mail" cannot be a part)
    full = _full_tests(s)
    lines = _lines()
    chrome = 0
    for v in lines:
        got = line_features(v, s)
        assert got == line_features(v, full), v
        chrome += got.reason == "chrome words only"
    assert chrome > 100  # the test reaches the rule


def test_chrome_word_with_a_digit_turns_the_pre_test_off() -> None:
    s = replace(load_block_settings(), chrome_words=frozenset({"home", "faq2", "e-mail"}))
    assert not s.chrome_letters
    assert line_features("Home | FAQ2", s).reason == "chrome words only"
    assert line_features("Home | E-mail", s).reason != "chrome words only"
    s2 = replace(s, chrome_words=frozenset({"home", "faq", "e-mail"}))
    assert s2.chrome_letters
    assert line_features("Home | FAQ", s2).reason == "chrome words only"
    assert line_features("Home | FAQ2", s2).reason != "chrome words only"


def test_a_stamp_has_no_more_words_than_tokens() -> None:
    s = load_block_settings()
    stamps = 0
    for v in _lines() + ["By Jane Doe 2 days ago", "May 3, 2019", "11/20/2019 01:14 PM"]:
        low = v.casefold()
        if _is_stamp(low, s):
            stamps += 1
            assert len(_folded_words(v)) <= _STAMP_MAX_TOKENS, v
    assert stamps > 50
    assert line_features("By Jane Doe 2 days ago", s).reason == "date/time stamp"
