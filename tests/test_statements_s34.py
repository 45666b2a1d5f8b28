"""statements: a sentence in several pairs is read once; each row keeps its own alignment."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def test_sentence_in_several_pairs_keeps_each_alignment():
    s = "The ministry's spokesman urged an early cessation of hostilities and 1,400 hostages freed."
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b", "c"],
                "outlet": ["X", "Y", "Z"],
                "text": [
                    s,
                    "The ministry urged an early cessation of hostilities and 1400 hostages freed.",
                    "Ministries urged early cessation of hostilities, with 1.400 hostages freed.",
                ],
            }
        )
    )
    out = ct.statements(c, by="outlet")
    # "urged" is a reporting verb (the attribution, not the claim); 1,400 = 1400 = 1.400
    got = out[["doc_a", "doc_b", "kind", "shared", "n_shared"]].values.tolist()
    assert got == [
        ["a", "b", "verbatim", "ministri earli cessat hostil #1400 hostag freed", 7],
        ["a", "c", "verbatim", "ministri earli cessat hostil #1400 hostag freed", 7],
        ["b", "c", "verbatim", "ministri earli cessat hostil #1400 hostag freed", 7],
    ]
