"""Table-loading messages from the QA pass on real corpora (findings 6 and 9)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError

HEADLINES = pd.DataFrame(
    {"id": [1, 2], "headline": ["Talks end in Doha", "Rates held"], "publisher": ["A", "B"]}
)
NO_TEXT = (
    "{name}: no text column; columns found: ['id', 'headline', 'publisher']; pass "
    "text_column= (looked for text, body, content, article, article_text, full_text, "
    "maintext, story, fulltext)"
)


@pytest.mark.parametrize("name", ["headlines.csv", "headlines.parquet"])
def test_no_text_column_error_names_the_file_once(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        HEADLINES.to_csv(path, index=False)
    else:
        HEADLINES.to_parquet(path, index=False)
    with pytest.raises(CorpusLoadError) as info:
        ct.load_corpus(path)
    assert str(info.value) == NO_TEXT.format(name=name)
    corpus = ct.load_corpus(path, text_column="headline")  # the fix the message names
    assert corpus.docs["text"].tolist() == ["Talks end in Doha", "Rates held"]
