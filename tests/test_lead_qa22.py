"""Session 22 lead fixes: compact dates, Portuguese 'é'."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import MetadataError
from corpus_tools.tokenize import load_stopwords


def _headlines(tmp_path: Path) -> Path:
    path = tmp_path / "abc.csv"
    pd.DataFrame(
        {
            "publish_date": [20030219, 20030220],
            "headline_text": [
                "aba decides against community broadcasting licence",
                "act fire witnesses must be aware of defamation",
            ],
        }
    ).to_csv(path, index=False)
    return path


def test_a_compact_date_names_the_format_that_reads_it(tmp_path: Path) -> None:
    path = _headlines(tmp_path)
    with pytest.raises(
        MetadataError, match=r"row 1, column 'publish_date'.*date_format=\"%Y%m%d\""
    ):
        ct.load_corpus(path, text_column="headline_text", date_column="publish_date")
    corpus = ct.load_corpus(
        path, text_column="headline_text", date_column="publish_date", date_format="%Y%m%d"
    )
    assert corpus.docs["published"].astype(str).str[:10].tolist() == ["2003-02-19", "2003-02-20"]


def test_portuguese_is_is_a_stopword() -> None:
    words = load_stopwords("pt")
    assert "é" in words and "de" in words and "notícia" not in words
