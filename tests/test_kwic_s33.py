"""Session 33: kwic warns when some occurrences of a term are joined to another word."""

import pandas as pd

import corpus_tools as ct


def test_kwic_warns_when_some_occurrences_are_joined_to_another_word() -> None:
    import warnings

    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b", "c"],
                "text": [
                    "TIMELINE-Men's Wearhouse buys Jos. A. Bank",
                    "Men's Wearhouse shares rose. The men's wearhouse deal.",
                    "Gazans fled Gaza. An award for the war.",
                ],
            }
        )
    )
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        k = ct.kwic(c, "Men's Wearhouse")
    assert len(k) == 2
    assert ["1 more time(s)" in str(x.message) for x in w] == [True]
    for term in ("gaza", "war"):  # inside words ('gazans', 'award'): no warning
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            assert len(ct.kwic(c, term)) == 1
        assert not [x for x in w if "more time(s)" in str(x.message)]
