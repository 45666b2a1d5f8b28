"""stance_triples reads long sentences in the same pieces as quotes()."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools.quotes.extract import _bounded
from corpus_tools.triples import sentence_pieces


def test_pieces_are_the_quote_extractor_pieces():
    text = "Short one. " + "word " * 900 + "x" * 4500 + " end. Last."
    sents = [(0, 0, 0, 10), (1, 0, 11, len(text) - 6), (2, 0, len(text) - 5, len(text))]
    pieces = sentence_pieces(text, sents)
    assert pieces == [
        (s, e) for s, e, _, _ in _bounded(text, [(s, e, i, p) for i, p, s, e in sents])
    ]
    assert pieces[0] == (0, 10) and pieces[-1] == (len(text) - 5, len(text))  # short: whole
    assert len(pieces) == 7 and all(e - s <= 2000 for s, e in pieces)
    assert all(a[1] == b[0] for a, b in zip(pieces[1:-2], pieces[2:-1], strict=True))


def test_claims_in_a_page_without_full_stops_end_at_their_piece():
    text = "Title\n\n" + "Moscow blamed Washington for the crisis, " * 120
    rows = ct.stance_triples(ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]})))
    assert len(rows) >= 115 and set(rows["holder"]) == {"Russia"}
    assert set(rows["target"]) == {"United States"} and set(rows["polarity"]) == {"against"}
    assert (rows["end"] - rows["start"]).max() < 2000
    assert rows["evidence"].tolist() == [
        text[s:e] for s, e in zip(rows["start"], rows["end"], strict=True)
    ]
