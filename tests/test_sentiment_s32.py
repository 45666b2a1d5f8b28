"""Session 32: target_sentiment names the groups whose every document was left out as not
English (they have no summary row): ``summary.attrs["not_scored_groups"]``."""

from __future__ import annotations

import warnings

import pandas as pd

import corpus_tools as ct
from corpus_tools.sentiment import NOT_SCORED_GROUPS

EN = "Russia blamed the United States for the crisis and said the talks had failed again."
PT = "A Rússia culpou os Estados Unidos pela crise e disse que as negociações não foram boas."


def _corpus(outlets: list[str], texts: list[str]) -> ct.Corpus:
    ids = [f"d{i}" for i in range(len(texts))]
    return ct.Corpus(pd.DataFrame({"doc_id": ids, "outlet": outlets, "text": texts}))


def test_group_of_left_out_documents_is_named() -> None:
    c = _corpus(["en.example", "en.example", "pt.example", "pt.example"], [EN, EN, PT, PT])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = ct.target_sentiment(c, ["Russia"])
    assert res.summary["group"].tolist() == ["en.example"]
    assert res.summary.attrs[NOT_SCORED_GROUPS] == ["pt.example"]
    assert "not_english" in res.summary.attrs


def test_group_with_one_english_document_is_not_named() -> None:
    c = _corpus(["a", "a", "b"], [EN, PT, EN])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = ct.target_sentiment(c, ["Russia"])
    assert NOT_SCORED_GROUPS not in res.summary.attrs


def test_english_corpus_has_no_key() -> None:
    c = _corpus(["a", "b"], [EN, EN])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = ct.target_sentiment(c, ["Russia"])
    assert NOT_SCORED_GROUPS not in res.summary.attrs
