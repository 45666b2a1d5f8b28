"""The look-ups that keep ct.quotes linear in the length of one document (bug S17-9).

Each helper replaces a scan; the tests pin it to the scan's answer on hand examples.
Speed itself is measured in benchmarks/RESULTS_stance.md, never asserted here.
"""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.quotes.extract import coverage, covered_length, inside_any, span_reach
from corpus_tools.quotes.speakers import LastBefore, Resolver, SpeakerContext


def test_last_before_latest_entry_below_position():
    ix = LastBefore()
    ix.add("blair", 10, "Tony Blair")
    ix.add("blair", 40, "Cherie Blair")
    ix.add("blair", 25, "Euan Blair")  # added out of order: kept in position order
    assert ix.get("blair", 10) is None  # strictly before
    assert ix.get("blair", 11) == "Tony Blair"
    assert ix.get("blair", 26) == "Euan Blair"
    assert ix.get("blair", 41) == "Cherie Blair"
    assert ix.get("brown", 99) is None


def test_last_before_tie_goes_to_the_later_addition():
    ix = LastBefore()
    ix.add("k", 5, "first")
    ix.add("k", 5, "second")
    assert ix.get("k", 6) == "second"


def test_resolver_surname_takes_the_last_full_name_before():
    text = "Mr Tony Blair spoke. Later Mrs Cherie Blair spoke. Blair said no. Brown Smith left."
    res = Resolver(text)
    assert res.names == [(3, "Tony Blair", "mr"), (31, "Cherie Blair", "mrs")]
    assert res._lookup_surname("Blair", 0) is None
    # the full name is at 3 (not before 3): the capitalised name "Mr Tony Blair" at 0 is
    assert res._lookup_surname("Blair", 3) == "Tony Blair"
    assert res._lookup_surname("blair", 4) == "Tony Blair"
    assert res._lookup_surname("Blair", 31) == "Tony Blair"
    assert res._lookup_surname("Blair", 60) == "Cherie Blair"
    assert res._lookup_surname("Tony", 60) == "Tony Blair"  # any word of a full name
    # no full name: the last capitalised two-word name ending in it
    assert res._lookup_surname("Smith", len(text)) == "Brown Smith"
    res.register(70, "Anna Smith", "")
    assert res._lookup_surname("Smith", len(text)) == "Anna Smith"
    res.register(80, "Anna Smith", "")  # known already: not added again
    assert [n for _, n, _ in res.names].count("Anna Smith") == 1


def test_speaker_context_reads_only_new_names():
    ctx = SpeakerContext(["Tony Blair"])
    where = {"russian": "Russia", "china": "China"}
    assert ctx.last_ending("foreign ministry") is None
    assert ctx.last_country(where) is None
    ctx.append("Russian Foreign Ministry")
    ctx.append("China")
    ctx.append("Foreign Ministry")  # equal to the bare name: not an antecedent
    assert ctx.last_ending("foreign ministry") == "Russian Foreign Ministry"
    assert ctx.last_country(where) == "China"
    ctx.append("Tony Blair")
    assert ctx.last_country(where) == "China"  # kept when the new names are no country


def _brute(spans, lo, hi):
    return sum(max(0, min(hi, e) - max(lo, s)) for s, e in spans)


def test_coverage_and_covered_length_match_the_sum_of_overlaps():
    spans = [(2, 6), (4, 8), (4, 8), (20, 30), (25, 26), (9, 9)]
    cov = coverage(spans)
    assert cov == (
        [2, 4, 6, 8, 20, 25, 26, 30],
        [0, 2, 8, 12, 12, 17, 19, 23],
        [1, 3, 2, 0, 1, 2, 1, 0],
    )
    for lo, hi, want in [(0, 40, 23), (5, 7, 5), (8, 20, 0), (24, 27, 4), (3, 3, 0), (7, 3, 0)]:
        assert covered_length(cov, lo, hi) == want == _brute(spans, lo, hi)
    assert covered_length(coverage([]), 0, 10) == 0


def test_inside_any_matches_the_scan():
    spans = [(0, 4), (2, 20), (30, 35), (31, 33)]
    sr = span_reach(spans)
    assert sr == ([0, 2, 30, 31], [4, 20, 35, 35])
    for lo, hi, want in [
        (1, 3, True),
        (3, 19, True),
        (3, 21, False),
        (25, 26, False),
        (32, 34, True),
    ]:
        assert inside_any(sr, lo, hi) is want
        assert want == any(a <= lo and hi <= b for a, b in spans)
    assert inside_any(span_reach([]), 0, 1) is False


@pytest.mark.parametrize("copies", [1, 3])
def test_one_line_document_repeats_the_rows_of_its_parts(copies):
    """Copies of a text glued onto one line: each copy has the rows of the first."""
    part = (
        "Mr Tony Blair said the plan was fair. “We will act,” the minister said. "
        "Blair added that talks would go on. The Foreign Ministry said it was ready. "
    )
    df = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [part * copies]})))
    cols = ["quote", "speaker", "speaker_canonical", "speaker_method", "kind"]
    assert df[cols].values.tolist() == copies * [
        ["the plan was fair", "Mr Tony Blair", "Tony Blair", "cue_adjacent", "indirect"],
        ["“We will act,”", "the minister", "Tony Blair", "description", "quote"],
        ["talks would go on", "Blair", "Tony Blair", "surname", "indirect"],
        ["it was ready", "The Foreign Ministry", "Foreign Ministry", "description", "indirect"],
    ]
    assert df["start"].tolist() == [
        s + k * len(part) for k in range(copies) for s in (19, 38, 89, 134)
    ]
