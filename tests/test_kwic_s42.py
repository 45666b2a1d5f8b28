"""kwic tokenizes the documents that may hold the term a batch at a time (session 42, issue
18): `kwic(c, "government")` on 100,000 long articles tokenized the ~half that hold the word
at once and passed 4.8 GB; the table, its order and the warnings are the same in batches."""

from __future__ import annotations

import importlib
import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.tokenize import TOKENS_CACHE_KEY

kwic_mod = importlib.import_module("corpus_tools.kwic")

TEXTS = {
    "a": "The government said the US would help. Israel-Hamas talks went on.",
    "b": "Us and them: the Government of Gaza met the Foreign Ministry.",
    "c": "A quiet day with no news at all.",
    "d": "The foreign ministry and the government-led panel met in the U.S. capital.",
    "e": "Hamas-led groups said the government lied; the government denied it.",
}


def _corpus() -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame({"doc_id": list(TEXTS), "outlet": list("xyxyx"), "text": list(TEXTS.values())})
    )


def _run(term, **kw) -> tuple[pd.DataFrame, list[str]]:
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        out = ct.kwic(_corpus(), term, **kw)
    return out, [str(w.message) for w in got]


@pytest.mark.parametrize(
    ("term", "kw"),
    [
        (["government", "Foreign Ministry", "hamas", "US"], {}),
        ("government", {"window": 2, "by": "outlet"}),
        ("US", {}),  # an acronym: 'Us' is another case, warned
        ("WHO", {}),  # no document holds it
        ("govern", {}),  # only inside longer tokens: warned
    ],
)
def test_batches_of_one_document_give_the_same_table(monkeypatch, term, kw) -> None:
    whole, said = _run(term, **kw)
    monkeypatch.setattr(kwic_mod, "_BATCH_DOCS", 1)
    made = []
    real = kwic_mod.token_arrays
    monkeypatch.setattr(kwic_mod, "token_arrays", lambda t: made.append(len(t)) or real(t))
    batched, said_b = _run(term, **kw)
    pd.testing.assert_frame_equal(batched, whole, check_exact=True)
    assert said_b == said
    assert all(n > 0 for n in made) and len(made) <= len(TEXTS)


def test_rows_and_warnings_of_the_examples() -> None:
    out, said = _run(["government", "US"])
    assert out[["doc_id", "match", "joined"]].values.tolist() == [
        ["a", "government", False],
        ["a", "US", False],
        ["b", "Government", False],
        ["d", "government", True],
        ["e", "government", False],
        ["e", "government", False],
    ]
    assert said == []
    _, said = _run("govern")
    assert len(said) == 1 and "occurs 5 time(s) inside longer tokens" in said[0]


def test_the_corpus_token_table_is_not_built() -> None:
    c = _corpus()
    ct.kwic(c, "government")
    assert not c.is_cached(TOKENS_CACHE_KEY)
