"""warn_english_lexicon reads each text's first 600 characters in chunks: same counts and
warnings as non_english_docs on the list of every text."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import lexicon

EN = "Talks resumed in Geneva on Monday after the ministers met and agreed on a new plan."
DE = "Die Gespräche wurden am Montag in Genf wieder aufgenommen, nachdem sich die Minister trafen."
AR = "قال المتحدث باسم وزارة الخارجية إن المحادثات ستستأنف يوم الاثنين في جنيف."


def _corpus(texts: list[str]) -> ct.Corpus:
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    return ct.load_corpus(df)


def _messages(corpus: ct.Corpus) -> list[str]:
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        lexicon.warn_english_lexicon(corpus, "hedges", "hedge list", "Use your own list.")
    return [str(w.message) for w in got]


@pytest.mark.parametrize("chunk, sample", [(2, 4), (3, 1000), (2048, 7)])
def test_chunked_counts_equal_the_list(
    monkeypatch: pytest.MonkeyPatch, chunk: int, sample: int
) -> None:
    texts = [EN] * 13 + [DE] * 5 + [AR] * 4 + [EN + " " + "x" * 700 + " und die der"] * 3
    texts = texts[::2] + texts[1::2]
    monkeypatch.setattr(lexicon, "_TEXT_CHUNK", chunk)
    monkeypatch.setattr(lexicon, "_LANGUAGE_SAMPLE", sample)
    corpus = _corpus(texts)
    whole = lexicon.non_english_docs([t for _, t in corpus])
    assert lexicon._corpus_languages(corpus) == whole
    assert whole[0] == 4


def test_same_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "_TEXT_CHUNK", 3)
    corpus = _corpus([EN] * 6 + [DE] * 3 + [AR] * 2)
    got = _messages(corpus)
    assert len(got) == 2
    assert got[0].startswith("hedges: 2 of 11 documents are mostly written in a non-Latin script")
    assert got[1].startswith(
        "hedges: 3 of 11 documents are in another language than English (de 3;"
    )
    monkeypatch.setattr(lexicon, "_LANGUAGE_SAMPLE", 6)  # step 2: documents 0, 2, ..., 10
    assert _messages(corpus)[1].startswith(
        "hedges: about 33% of the 11 documents (2 of 6 documents checked) are in another language"
    )
