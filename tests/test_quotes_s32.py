"""Session 32: the reporting-cue scan is grouped by first letter (speed) with the same matches."""

from __future__ import annotations

import re

from _quote_sets import quote_rows

from corpus_tools.lexicon import Matcher
from corpus_tools.quotes.cues import cue_book


def _flat(book_regex: re.Pattern) -> re.Pattern:
    """The flat alternation the grouped one was made from (rebuilt from the book's forms)."""
    return Matcher.build(cue_book().form_lemma, joiner=r"\s+").regex


TEXT = (
    "The minister said on Monday that talks, according to aides, had failed. "
    "Critics were quoted as saying it was 'a disaster'; she told reporters, "
    "SAYS the Union, warned-off voters and the sayings of the warnings, Acknowledged X. "
    "Sources saidthat; unsaid; the claims claimed; I say - he says-so; reportedly wrote."
)


def test_the_cue_scan_is_grouped_by_first_letter() -> None:
    rx = cue_book().regex
    assert rx.pattern.startswith(r"(?<![\w-])(?:")
    assert "|s(?:" in rx.pattern or "(?:s(?:" in rx.pattern
    assert len(rx.pattern) < len(_flat(rx).pattern)


def test_the_grouped_scan_finds_the_same_cues_as_the_flat_one() -> None:
    rx = cue_book().regex
    flat = _flat(rx)
    got = [m.span() for m in rx.finditer(TEXT)]
    assert got == [m.span() for m in flat.finditer(TEXT)]
    assert [TEXT[a:b] for a, b in got][:4] == [
        "said",
        "according to",
        "were quoted as saying",
        "told reporters",
    ]


def _speakers(*texts: str) -> list:
    q = quote_rows(*texts)
    return [
        q[q["doc_id"] == f"d{i}"]["speaker_canonical"].dropna().tolist() for i in range(len(texts))
    ]


def test_a_name_on_a_topic_before_a_colon_speaks_the_claim() -> None:
    got = _speakers(
        "Biden on Ukraine: US will stand with Kyiv as long as it takes",
        "War on drugs: Police seize record haul in raid",
        "Tories on Brexit: What happens next",
    )
    assert got == [["Joe Biden"], [], []]
