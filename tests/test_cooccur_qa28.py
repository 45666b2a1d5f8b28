"""Session 28 QA: co-occurrence evidence in corpus order on every path."""

import pandas as pd

import corpus_tools as ct
from corpus_tools.stream import count_documents

TEXT = "Russia and China met."
IDS = ["d10", "d9", "b", "a2"]  # corpus order is not doc_id order


def _corpus() -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": IDS, "text": [TEXT] * 4, "outlet": "X"}))


def test_in_memory_evidence_follows_corpus_order_not_doc_id_order():
    c = _corpus()
    co = ct.cooccurrence(c, measure="count", min_count=1)
    assert co["evidence_docs"].tolist() == [[f"{d}:0:0-21" for d in IDS]]
    # the same from a given mentions table, and a document outside the corpus comes last
    m = ct.actor_mentions(c)
    got = ct.cooccurrence(c, measure="count", min_count=1, mentions=m)
    assert got["evidence_docs"].tolist() == co["evidence_docs"].tolist()
    extra = pd.concat([m, m[m["doc_id"] == "d9"].assign(doc_id="0-not-loaded")])
    got = ct.cooccurrence(c, measure="count", min_count=1, mentions=extra)
    assert got["evidence_docs"].iloc[0][-1] == "0-not-loaded:0:0-0"
    assert got["evidence_docs"].iloc[0][:4] == co["evidence_docs"].iloc[0]
    # edge_evidence reads the windows in the same order
    assert ct.edge_evidence(co, c, "China", "Russia")["doc_id"].tolist() == IDS


def test_stream_keeps_the_in_memory_first_three_windows():
    co = ct.cooccurrence(_corpus(), measure="count", min_count=1)
    docs = [{"doc_id": d, "outlet": "X", "text": TEXT} for d in IDS]
    sc = count_documents(docs).cooccurrence_table(min_count=1)
    assert sc["evidence_docs"].tolist() == [co["evidence_docs"].iloc[0][:3]]
    assert sc["evidence_docs"].tolist() == [["d10:0:0-21", "d9:0:0-21", "b:0:0-21"]]
