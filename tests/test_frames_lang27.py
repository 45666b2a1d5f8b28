"""describe_frames says when most documents are not in English and the codebook is."""

from __future__ import annotations

import warnings

import pandas as pd

import corpus_tools as ct

GERMAN = [
    "Der Minister sagte am Montag, dass der Krieg in der Ukraine die Wirtschaft belastet und "
    "die Regierung handeln muss.",
    "Die Polizei hat am Dienstag in Berlin einen Mann festgenommen, der die Sicherheit der "
    "Stadt bedroht haben soll.",
    "Das Gericht hat entschieden, dass die Kosten für die Familien zu hoch sind und der Staat "
    "helfen muss.",
]


def _summary(texts: list[str]) -> pd.DataFrame:
    ids = [f"d{k}" for k in range(len(texts))]
    corpus = ct.Corpus(pd.DataFrame({"doc_id": ids, "text": texts, "outlet": ["X", "Y", "X"]}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ct.frame_summary(ct.frames(corpus), corpus, by="outlet")


def test_german_text_gets_the_chance_match_note_first():
    s = _summary(GERMAN)
    assert (s.attrs["other_language_docs"], s.attrs["n_docs"]) == (3, 3)
    assert ct.describe_frames(s).startswith(
        "3 of 3 documents are not in English, and the frame codebook is: the shares below "
        "count English cue words in other languages (chance matches), not frames. "
    )


def test_english_text_gets_no_note(seed_corpus):
    s = ct.frame_summary(ct.frames(seed_corpus), seed_corpus, by="outlet")
    assert s.attrs["other_language_docs"] == 0
    assert ct.describe_frames(s).startswith("The largest share is political in Straits Times")
