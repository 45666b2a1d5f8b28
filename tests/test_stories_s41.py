"""stories(): many undated documents are compared among candidate pairs (issue 18)."""

from __future__ import annotations

import importlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct

DATA = Path(__file__).resolve().parent / "data"
mod = importlib.import_module("corpus_tools.stories")


def _undated_articles() -> ct.Corpus:
    """The real BBC topic articles, their halves and odd sentences, undated."""
    rows = []
    for k, p in enumerate(sorted((DATA / "stories" / "bbc").glob("*/*.txt"))):
        head, _, body = p.read_text(encoding="utf-8").partition("\n")
        paras = [q for q in body.split("\n") if q.strip()]
        for v, part in enumerate([paras, paras[::2], paras[1::2], paras[: len(paras) // 2]]):
            rows.append({"doc_id": f"{k:02d}_v{v}", "text": head + "\n\n" + "\n\n".join(part)})
    return ct.Corpus(pd.DataFrame(rows))


def _undated_headlines() -> ct.Corpus:
    paths = sorted((DATA / "real" / "bbc").glob("*/*.txt")) + sorted(
        (DATA / "stories" / "bbc").glob("*/*.txt")
    )
    titles = [p.read_text(encoding="utf-8").partition("\n")[0] for p in paths]
    texts = titles + titles[:20]  # copies: ties among neighbours
    return ct.Corpus(pd.DataFrame({"doc_id": [f"h{i}" for i in range(len(texts))], "text": texts}))


@pytest.mark.parametrize("make", [_undated_articles, _undated_headlines])
def test_candidate_pairs_give_the_all_pairs_stories_on_small_corpora(monkeypatch, make) -> None:
    corpus = make()
    exact = ct.stories(corpus, threshold=0.1)
    monkeypatch.setattr(mod, "_CANDIDATES_FROM", 2)
    cand = ct.stories(corpus, threshold=0.1)
    pd.testing.assert_frame_equal(exact.table, cand.table)
    pd.testing.assert_frame_equal(exact.links, cand.links)
    assert len(exact.links) > 20
    assert cand.table["story_id"].nunique() < len(cand.table)


def test_dated_documents_are_compared_all_with_all_in_their_window(monkeypatch) -> None:
    corpus = _undated_articles()
    docs = corpus.docs.assign(published=pd.Timestamp("2005-01-01"))
    dated = ct.Corpus(docs)
    before = ct.stories(dated)
    monkeypatch.setattr(mod, "_CANDIDATES_FROM", 2)
    monkeypatch.setattr(mod, "_RARE_DF", 1)  # no candidate at all, were it used
    after = ct.stories(dated)
    pd.testing.assert_frame_equal(before.links, after.links)
    assert len(after.links) > 20


def test_a_pair_sharing_only_common_terms_is_never_scored(monkeypatch) -> None:
    texts = [
        "Flood waters rose in Dhaka after an embankment collapsed overnight near riverside homes.",
        "Flood waters rose in Dhaka: an embankment collapsed overnight by riverside homes.",
        "Flood waters in Dhaka reached riverside homes, and monsoon boats came out.",
    ]
    corpus = ct.Corpus(pd.DataFrame({"doc_id": list("abc"), "text": texts}))
    pairs = ct.stories(corpus).links[["doc_a", "doc_b"]].values.tolist()
    assert pairs == [["a", "b"], ["b", "c"]]  # all with all: c joins the story
    monkeypatch.setattr(mod, "_CANDIDATES_FROM", 2)
    monkeypatch.setattr(mod, "_RARE_DF", 2)  # the words c shares with a and b are in all three
    links = ct.stories(corpus).links
    assert links[["doc_a", "doc_b"]].values.tolist() == [["a", "b"]]
    assert links["best_a"].tolist() == links["score"].tolist()  # c was never scored


def test_signatures_hold_the_rare_highest_weights() -> None:
    import scipy.sparse as sp

    x = sp.csr_matrix(
        np.array(
            [[0.9, 0.1, 0.5, 0.0], [0.8, 0.0, 0.6, 0.3], [0.7, 0.2, 0.0, 0.4]], dtype=np.float32
        )
    )
    old = (mod._SIGNATURE_TERMS, mod._RARE_DF)
    try:
        mod._SIGNATURE_TERMS, mod._RARE_DF = 1, 2  # column 0 is in 3 documents: never kept
        rare, sig = mod._signatures(x)
    finally:
        mod._SIGNATURE_TERMS, mod._RARE_DF = old
    assert sig.toarray().tolist() == [[0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
    assert rare.toarray().tolist() == [[0, 1, 1, 0], [0, 0, 1, 1], [0, 1, 0, 1]]
