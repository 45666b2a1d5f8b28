"""German scale words with a period ("5,6 Mio. Euro") do not end a sentence."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def test_mio_and_mrd_before_the_unit_stay_in_their_sentence() -> None:
    # 10kGNAD: 61 of 66 figures written "N Mio." were money the split cut from its unit
    text = "Der Umsatz stieg auf 5,6 Mio. Euro im Jahr. Die Kosten lagen bei 2 Mrd. Dollar."
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert ct.sentences(c)["text"].tolist() == [
        "Der Umsatz stieg auf 5,6 Mio. Euro im Jahr.",
        "Die Kosten lagen bei 2 Mrd. Dollar.",
    ]
