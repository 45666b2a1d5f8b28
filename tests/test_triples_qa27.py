"""stance_triples: a bare pronoun is no holder (BASIL political news and 2016 debate
transcripts, session 27: 'He accused Obama ...' gave the holder 'He', debates 'we', 'I')."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def test_pronoun_subject_of_a_speech_act_is_no_holder() -> None:
    text = (
        "Moscow blamed Washington for the crisis. "
        "He accused Germany of delaying the talks. We condemned Russia on Monday."
    )
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    got = ct.stance_triples(c)[["holder", "target", "polarity", "cue", "start"]]
    assert got.values.tolist() == [["Russia", "United States", "against", "blamed", 13]]
