"""A mixed corpus' table without stopwords (each document also without its own language's
list, ``en+de+ru``) is read from the counts kept on the corpus, without deriving a second
document x term matrix (issue 18: +900 MB at 100,000 long real articles), and equals the
table of those derived counts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import corpus_tools as ct
from corpus_tools import counts as counts_mod
from corpus_tools import languages

EN = [
    "The minister said on Monday that the talks in Berlin would go on until the end of the week.",
    "Die Linke and the Greens met in Moscow; the talks were about war and die-casting plants.",
    "Officials in London said that the strike would end when the unions had voted on the offer.",
]
DE = [
    "Der Minister sagte am Montag, dass die Gespräche in Berlin bis zum Ende der Woche gehen.",
    "Die Regierung hat die neuen Regeln für die Banken und die Versicherungen beschlossen.",
]
RU = [
    "Министр сказал в понедельник, что переговоры в Берлине будут идти до конца недели.",
    "Правительство и парламент не смогли договориться о бюджете на следующий год.",
]


def _corpus(n: int = 3) -> ct.Corpus:
    texts = (EN + DE + RU) * n
    outlets = (["A", "B", "A", "B", "A", "C", "C"]) * n
    return ct.Corpus(
        pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(len(texts))], "outlet": outlets,
                      "text": texts})
    )  # fmt: skip


def _derived_table(corpus: ct.Corpus, ngram: int) -> pd.DataFrame:
    """The table of the derived counts (what term_frequencies built before)."""
    mixed, named = languages.counts_for(corpus, "outlet", stopwords=False, language=None,
                                        ngram=ngram)  # fmt: skip
    out = counts_mod._freq_table(mixed, 1)
    out.attrs["stopword_language"] = named
    return out


@pytest.mark.parametrize("ngram", [1, 2])
def test_mixed_table_equals_the_derived_counts_table(ngram):
    c = _corpus()
    want = _derived_table(c, ngram)
    got = ct.term_frequencies(c, stopwords=False, ngram=ngram)
    assert got.attrs["stopword_language"] == want.attrs["stopword_language"] == "en+de+ru"
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    terms = set(got["term"])
    if ngram == 1:
        # 'die' is an English content word in the English rows (Die Linke, die-casting)
        # and a German stopword in the German ones: kept in the English rows (outlet B), not in
        # the German ones (outlets A, B, C)
        rows = got[got["term"] == "die"]
        assert rows["group"].tolist() == ["B"] and rows["count"].tolist() == [3]
        assert {"в", "der", "the"}.isdisjoint(terms)
        assert {"minister", "министр", "berlin"} <= terms


def test_the_table_is_read_without_deriving_a_matrix(monkeypatch):
    """Neither counts_for nor the row-dropping derivation runs for term_frequencies."""

    def fail(*args, **kw):
        raise AssertionError("a second document x term matrix was derived")

    c = _corpus()
    want = _derived_table(c, 1)
    want = want[want["count"] >= 4].reset_index(drop=True)
    monkeypatch.setattr(languages, "counts_for", fail)
    monkeypatch.setattr(languages, "_drop_own_lists", fail)
    monkeypatch.setattr(counts_mod.DocTermCounts, "without_stopwords", fail)
    got = ct.term_frequencies(c, stopwords=False, min_count=4)
    assert got.attrs["stopword_language"] == "en+de+ru"
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert got["count"].min() == 6


def test_dropping_own_lists_by_row_blocks_equals_the_coordinate_way(monkeypatch):
    """_drop_own_lists reads blocks of rows (3 here); the result is what dropping the
    entries from a coordinate copy gave."""
    monkeypatch.setattr(languages, "_DROP_ROWS", 3)
    c = _corpus(4)
    counts = ct.doc_term_counts(c, "outlet")
    own = languages.own_language_rows(c, "en")
    assert sorted(own) == ["de", "ru"]
    got = languages._drop_own_lists(counts, own).matrix
    coo = counts.matrix.tocoo()
    lang, cols = languages.own_list_masks(counts.terms.tolist(), own, coo.shape[0])
    keep = ~cols[lang[coo.row], coo.col]
    want = sp.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=coo.shape)
    assert got.nnz == want.nnz < counts.matrix.nnz
    assert (got != want).nnz == 0
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
