"""What the loading process does while the pool works: sentence texts sliced per batch,
and the corpus' language vote taken after the first token batch is back."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import corpus_tools as ct
import corpus_tools.languages as languages
from corpus_tools import tokenize as tk
from corpus_tools.errors import CorpusValueError

TEXTS = [
    "Mr. Li left. He came back.",
    "",
    "Headline\n\nBody one. Body two!",
    "Die Regierung hat am Montag erklärt, dass sie die Steuern nicht erhöhen wird.",
]


def _corpus() -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": list("abcd"), "text": TEXTS}))


def _german_corpus() -> ct.Corpus:
    """TEXTS and a second German text: two texts leaning to German make the corpus German."""
    more = ["Der Minister sagte, dass die Gespräche am Montag in Berlin fortgesetzt werden."]
    return ct.Corpus(pd.DataFrame({"doc_id": list("abcde"), "text": TEXTS + more}))


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_sentence_texts_sliced_batch_by_batch(monkeypatch: pytest.MonkeyPatch, n_jobs: int) -> None:
    """Batches of one document each: the texts are the slices of their rows, in order,
    as when the spans were cached first (tokens() before sentences())."""
    monkeypatch.setattr(tk, "_batch_size", lambda n_docs, n_jobs: 1)
    fresh = _corpus()
    sents = ct.sentences(fresh, n_jobs=n_jobs)
    assert sents["text"].tolist() == [
        "Mr. Li left.",
        "He came back.",
        "Headline",
        "Body one.",
        "Body two!",
        "Die Regierung hat am Montag erklärt, dass sie die Steuern nicht erhöhen wird.",
    ]
    assert sents["doc_id"].tolist() == ["a", "a", "c", "c", "c", "d"]
    assert fresh.is_cached("tokenize.sentence_spans")
    cached = _corpus()
    ct.tokens(cached, n_jobs=1)  # spans cached first: sentences() slices them at once
    pd.testing.assert_frame_equal(ct.sentences(cached, n_jobs=n_jobs), sents)


def test_language_vote_runs_after_the_first_token_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The vote (500 texts read) is taken once the first batch is back (with a pool, while
    the workers tokenize the next ones); a language given is checked before any batch."""
    calls: list[Any] = []
    job, vote = tk._tokens_job, languages.analysis_language

    def counted_job(args: Any) -> Any:
        calls.append("batch")
        return job(args)

    def counted_vote(corpus: Any, language: Any) -> Any:
        calls.append(("vote", language))
        return vote(corpus, language)

    monkeypatch.setattr(tk, "_tokens_job", counted_job)
    monkeypatch.setattr(languages, "analysis_language", counted_vote)
    monkeypatch.setattr(tk, "_batch_size", lambda n_docs, n_jobs: 2)
    toks = ct.tokens(_german_corpus(), n_jobs=1)
    assert calls == ["batch", ("vote", None), "batch", "batch"]
    assert toks.attrs["stopword_language"] == vote(_german_corpus(), None) == "de"  # the vote's
    assert toks.loc[toks["token"] == "die", "is_stop"].tolist() == [True, True]
    calls.clear()
    toks = ct.tokens(_german_corpus(), n_jobs=1, stopword_language="English")
    assert calls == [("vote", "English"), "batch", "batch", "batch"]
    assert toks.attrs["stopword_language"] == "en"
    assert toks.loc[toks["token"] == "die", "is_stop"].tolist() == [False, False]
    assert toks.loc[toks["token"] == "He", "is_stop"].tolist() == [True]
    calls.clear()
    with pytest.raises(CorpusValueError, match="language='xx'"):
        ct.tokens(_corpus(), n_jobs=1, stopword_language="xx")
    assert calls == [("vote", "xx")]  # no batch tokenized before the error
    none = pd.Series([], dtype=object)
    empty = ct.Corpus(pd.DataFrame({"doc_id": none, "text": none}))
    assert ct.tokens(empty).attrs["stopword_language"] == "en"
