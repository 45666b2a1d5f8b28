"""Session 33: Matcher.build scans with the alternation grouped by first letter (same hits)."""

import re

from corpus_tools.lexicon import Matcher, by_first_letter, lower_view, term_pattern

TEXT = (
    "Rains and heavy-snow; a rain check. Reportedly, sources say it may rain again; "
    "a 2-day strike, the army's strikes, A Rainy day and an allegedly bad one."
)
TERMS = ["rain*", "heavy snow", "a", "allegedly", "reportedly", "army", "2-day", "strike*", "may"]


def test_grouped_alternation_keeps_the_order_within_a_letter():
    assert by_first_letter(["says", "said", "add"]) == "s(?:ays|aid)|add"
    assert by_first_letter(["rain\\w*", "r"]) == "r(?:ain\\w*|)"


def test_a_pattern_not_starting_with_a_letter_or_digit_keeps_the_flat_alternation():
    pats = [term_pattern(t) for t in ["#metoo", "rain"]]
    assert by_first_letter(pats) == "|".join(pats)


def test_the_grouped_scan_finds_what_the_flat_one_does():
    m = Matcher.build(TERMS, exclude=["rain check"])
    low = lower_view(TEXT)
    flat = re.compile(m.regex.pattern)  # the flat alternation, as on the lower view before
    assert m.lowered is not None and m.lowered.pattern != flat.pattern
    assert [x.span() for x in m.lowered.finditer(low)] == [x.span() for x in flat.finditer(low)]
    assert [(h.start, h.end, h.term) for h in m.find(TEXT)] == [
        (h.start(), h.end(), m.term_at(low, h.start()))
        for h in flat.finditer(low)
        if not TEXT[h.start() :].startswith("rain check")
    ]
