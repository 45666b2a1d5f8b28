"""Session 39 fast paths of the cleaner decide exactly as the computations they skip."""

from __future__ import annotations

import random

from ftfy.badness import is_bad

from corpus_tools import clean_text, load_rules
from corpus_tools.clean import (
    _badness_needs,
    _no_mojibake_chars,
    _non_ascii,
    _plain_lines,
    _split_lines,
)


def test_badness_needs_reads_every_alternative_of_the_installed_pattern() -> None:
    needs = _badness_needs()
    assert needs is not None
    by_char, alternatives = needs
    assert len(alternatives) >= 30 and all(m > 0 for m in alternatives)
    # every bit is an item of one alternative, and characters outside ASCII only
    assert all(c >= "\x80" for c in by_char)
    bits = 0
    for m in alternatives:
        assert bits & m == 0
        bits |= m
    # "Ã©" (UTF-8 é read as cp1252) may be mojibake, and so may "é£" (an alternative is
    # a letter like é before a currency sign); "é" with an apostrophe, "£" or Cyrillic
    # letters alone cannot be
    assert not _no_mojibake_chars("\u00c3\u00a9")
    assert not _no_mojibake_chars("\u00e9\u00a3")
    assert _no_mojibake_chars("\u00e9\u2019")
    assert _no_mojibake_chars("\u00a3")
    assert _no_mojibake_chars("\u0436\u0430\u2019")


def test_no_mojibake_chars_is_never_wrong_about_ftfy() -> None:
    # whenever the characters say "no mojibake", ftfy finds none in the text
    ascii_chars = "abcXY .,\n"
    others = "£€œéÃÂ×²àØÙГўВЂ’“”‘–—…\u00a0ёжа" + "".join(map(chr, range(0x80, 0xA0)))
    rnd = random.Random(39)
    skipped = 0
    for _ in range(30_000):
        chars = [rnd.choice(ascii_chars) for _ in range(rnd.randint(0, 20))]
        for _ in range(rnd.randint(1, 4)):
            chars.insert(rnd.randint(0, len(chars)), rnd.choice(others))
        s = "".join(chars)
        if _no_mojibake_chars(_non_ascii(s)):
            skipped += 1
            assert not is_bad(s), repr(s)
    assert skipped > 1000  # the test reaches the skip


def test_lines_of_a_page_without_mojibake_characters_are_its_plain_lines() -> None:
    rules = load_rules()
    page = "Prices rose at the caf\u00e9\u2019s door.\n\nA second line \u2014 here.\n"
    assert _no_mojibake_chars(_non_ascii(page))
    assert _split_lines(page, rules) == _plain_lines(page)
    # mojibake is still repaired, and a lost apostrophe is still looked for
    bad = "The caf\u00c3\u00a9 opened on Monday.\n\nIt costs \u00a35m.\n"
    lines = _split_lines(bad, rules)
    assert lines[0].fixed == "The caf\u00e9 opened on Monday."
    assert lines[0].urules and lines[0].urules[0].startswith("mojibake:")
    clean, rows = clean_text(bad, rules=rules)
    assert clean.startswith("The caf\u00e9 opened")
