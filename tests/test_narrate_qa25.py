"""Narration on unseen real corpora (session 25 QA)."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def test_keyness_sentence_says_when_one_group_holds_nearly_every_document() -> None:
    # HuffPost, outlet from the links: 'huffingtonpost.com' 4,781 documents and, from one
    # malformed link, 'huffingtonpost.comhttps' 1 document; every z of the big group was 0.00
    key = pd.DataFrame(
        {
            "group": ["huffingtonpost.com", "huffingtonpost.com", "huffingtonpost.comhttps"],
            "term": ["said", "trump", "relationship"],
            "count": [507, 347, 1],
            "count_rest": [0, 0, 13],
            "n_docs_group": [4781, 4781, 1],
            "z": [0.001, 0.001, 0.33],
        }
    )
    assert ct.describe_keyness(key) == (
        "The strongest term is 'relationship' for huffingtonpost.comhttps (z = 0.33: 1 time in "
        "the group, 13 in the rest). huffingtonpost.com holds 4,781 of 4,782 documents, so the "
        "rest it is compared with is 1 document: too little to tell its words apart (check that "
        "the other groups are real outlets). No z reaches 3, so no single word is strong "
        "evidence on its own: read the counts with every z."
    )
    even = key.assign(n_docs_group=[60, 60, 40])
    assert "holds" not in ct.describe_keyness(even)
