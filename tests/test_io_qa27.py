"""Session 27 io checks: outlet spellings from counts, quotechar=, non-English dump dates,
WARC skips grouped by reason, and misuse found on real inputs."""

from __future__ import annotations

from collections import Counter

from corpus_tools.io.outlets import merge_spellings


def test_merge_spellings_takes_counts_and_gives_the_list_result():
    names = ["BBC", "bbc", "The BBC", "bbc", "Reuters", None, "reuters.com", "Reuters"]
    counts = Counter(n for n in names if n is not None)
    assert merge_spellings(counts) == merge_spellings(names)
    assert merge_spellings(counts) == {"BBC": "bbc", "The BBC": "bbc", "reuters.com": "Reuters"}
    # a tie goes to the first spelling in the mapping's order, as in a list
    assert merge_spellings({"Le Monde": 1, "le monde": 1}) == {"le monde": "Le Monde"}
    assert merge_spellings({"Le Monde": 0, "le monde": 3}) == {}
