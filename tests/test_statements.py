"""Tests for corpus_tools.statements: the same claim across documents."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct

DATA = Path(__file__).resolve().parent / "data"
DEV = sorted((DATA / "real" / "bbc").glob("*/*.txt"))  # used to choose the defaults
HELD = sorted((DATA / "quotes" / "bbc").glob("*/*.txt"))  # measured after

# A paraphrase rewrites words an outlet would change (written for this test, not tuned
# on any text): synonyms, moved clause, dropped words, a different attribution.
SYNONYMS = {
    "big": "large",
    "help": "assist",
    "show": "indicate",
    "shows": "indicates",
    "start": "begin",
    "started": "began",
    "buy": "purchase",
    "firm": "company",
    "company": "firm",
    "rise": "increase",
    "rose": "increased",
    "fall": "drop",
    "fell": "dropped",
    "cut": "reduce",
    "plan": "proposal",
    "plans": "proposals",
    "chief": "head",
    "boss": "head",
    "people": "individuals",
    "government": "administration",
    "expected": "anticipated",
    "need": "require",
    "important": "significant",
    "new": "fresh",
    "also": "additionally",
    "about": "around",
    "get": "obtain",
    "make": "create",
    "want": "wish",
    "think": "believe",
    "use": "employ",
    "try": "attempt",
    "country": "nation",
    "world": "global",
    "early": "initial",
    "end": "finish",
    "biggest": "largest",
    "hit": "struck",
    "win": "victory",
    "won": "secured",
    "market": "sector",
    "money": "funds",
    "problem": "difficulty",
    "move": "step",
    "called": "described",
    "likely": "probable",
    "major": "key",
    "key": "crucial",
}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(text.split())) if s]


def paraphrase(sentence: str, k: int) -> str:
    words = sentence.rstrip(".").split()
    out = []
    for i, w in enumerate(words):
        core = w.strip(",;:\"'").lower()
        if core in SYNONYMS:
            w = w.replace(w.strip(",;:\"'"), SYNONYMS[core])
        elif len(core) > 3 and (i + k) % 5 == 0:
            continue  # the writer leaves a word out
        out.append(w)
    text = " ".join(out)
    if "," in text and k % 2 == 0:  # move the first clause to the end
        head, _, tail = text.partition(",")
        text = f"{tail.strip()}, {head[:1].lower()}{head[1:]}"
    return text[:1].upper() + text[1:] + ", officials said."


def paraphrase_corpus(paths: list[Path]) -> tuple[ct.Corpus, set[tuple[str, int, str, int]]]:
    """Each article (outlet A) and a rewrite of its long sentences (outlet B)."""
    rows, truth = [], set()
    for n, p in enumerate(paths):
        body = p.read_text(encoding="utf-8").partition("\n")[2]
        long = [s for s in _sentences(body) if len(s.split()) >= 12]
        a_id, b_id = f"{n:02d}_a", f"{n:02d}_b"
        rows.append({"doc_id": a_id, "outlet": "A", "text": " ".join(long)})
        rows.append(
            {
                "doc_id": b_id,
                "outlet": "B",
                "text": " ".join(paraphrase(s, k) for k, s in enumerate(long)),
            }
        )
    corpus = ct.Corpus(pd.DataFrame(rows))
    sents = corpus.sentences()
    for n in range(len(paths)):
        a = sents[sents["doc_id"] == f"{n:02d}_a"]["sent_id"].tolist()
        b = sents[sents["doc_id"] == f"{n:02d}_b"]["sent_id"].tolist()
        if len(a) == len(b):  # sentence splitting kept the one-to-one order
            truth |= {(f"{n:02d}_a", x, f"{n:02d}_b", y) for x, y in zip(a, b, strict=True)}
    return corpus, truth


def measure(paths: list[Path], **kw) -> dict[str, float]:
    corpus, truth = paraphrase_corpus(paths)
    docs_in_truth = {t[0] for t in truth}
    pred = ct.statements(corpus, by="outlet", **kw)
    pred = pred[pred["doc_a"].isin(docs_in_truth) | pred["doc_b"].isin(docs_in_truth)]
    got = set(zip(pred["doc_a"], pred["sent_a"], pred["doc_b"], pred["sent_b"], strict=True))
    tp = len(got & truth)
    return {
        "n_true": len(truth),
        "n_pred": len(got),
        "precision": tp / len(got) if got else 1.0,
        "recall": tp / len(truth),
    }


def test_generated_paraphrases_precision_recall():
    dev, held = measure(DEV), measure(HELD)
    print(f"\nstatements on generated paraphrases of BBC sentences: dev {dev}; held-out {held}")
    assert held["n_true"] >= 100
    assert held["precision"] >= 0.9 and held["recall"] >= 0.5


def _row(tab: pd.DataFrame, a: str, b: str) -> pd.Series:
    hit = tab[
        tab["text_a"].str.contains(a, regex=False) & tab["text_b"].str.contains(b, regex=False)
    ]
    hit = pd.concat(
        [
            hit,
            tab[
                tab["text_b"].str.contains(a, regex=False)
                & tab["text_a"].str.contains(b, regex=False)
            ],
        ]
    )
    assert len(hit) == 1, (a, b, len(hit))
    return hit.iloc[0]


def test_seeds_ministry_statement_paraphrase_and_verbatim(seed_corpus):
    tab = ct.statements(seed_corpus)
    texts = dict(iter(seed_corpus))
    # the statement's second point: a TASS quotation and an SCMP paraphrase
    r = _row(tab, "early cessation to hostilities", "early end to hostilities")
    assert r["kind"] == "paraphrase"
    assert (
        r["shared"]
        == "favor earli hostil prevent escal urgent humanitarian includ affect popul releas hostag"
    )
    tass = "002_b694c181a465d374"
    quote_side = "in_quote_a" if r["doc_a"] == tass else "in_quote_b"
    assert bool(r[quote_side]) is True  # TASS quotes it; SCMP paraphrases it
    assert bool(r["in_quote_b" if quote_side == "in_quote_a" else "in_quote_a"]) is False
    # the first point, quoted by the Straits Times and (partly) by SCMP, words reordered
    r = _row(tab, "There was confirmation of the constant focus", "had constant focus on")
    assert r["score"] > 0.8 and r["n_shared"] >= 15
    for side in ("a", "b"):
        assert texts[r[f"doc_{side}"]][r[f"{side}_start"] : r[f"{side}_end"]] == r[f"text_{side}"]
    assert list(tab.columns) == ct.STATEMENT_COLUMNS
    assert (tab["doc_a"] != tab["doc_b"]).all()


def test_different_numbers_are_different_claims(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "Health officials in Gaza said 3,500 people had been killed in the strikes on the city.",
            "b": "Health officials in Gaza said 3,400 people had been killed in the strikes on the city.",
            "c": "Health officials in Gaza said 3,500 people had been killed in strikes on the city.",
        }
    )
    tab = ct.statements(c)
    assert tab[["doc_a", "doc_b"]].values.tolist() == [["a", "c"]]


def test_by_outlet_and_bad_options(corpus_from_texts):
    t = "The envoy urged an early ceasefire and the release of all hostages held in Gaza."
    c = corpus_from_texts({"a": t, "b": t, "c": t}, outlet={"a": "X", "b": "X", "c": "Y"})
    assert len(ct.statements(c)) == 3
    assert ct.statements(c, by="outlet")[["doc_a", "doc_b"]].values.tolist() == [
        ["a", "c"],
        ["b", "c"],
    ]
    with pytest.raises(ct.CorpusValueError, match="no column 'desk'"):
        ct.statements(c, by="desk")
    with pytest.raises(ct.CorpusValueError, match="min_score"):
        ct.statements(c, min_score=2)


def test_statements_by_a_column_with_missing_values() -> None:
    # pandas' string dtype keeps NaN through astype(str): groups come from group_labels
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["Wire", None],
            "text": [
                "The ministry urged an early cessation of hostilities and the release of hostages.",
                "The ministry called for an early end to hostilities and for releasing hostages.",
            ],
        }
    )
    out = ct.statements(ct.Corpus(docs), by="outlet", min_shared=4)
    assert out[["doc_a", "doc_b", "score", "kind"]].values.tolist() == [
        ["a", "b", 0.568, "paraphrase"]
    ]


def test_same_table_whatever_the_batch_sizes(monkeypatch):
    """Keys sorted in many slices, pairs scored and documents read in small batches:
    the table is the one computed in one piece."""
    import importlib

    mod = importlib.import_module("corpus_tools.statements")
    corpus, _ = paraphrase_corpus(DEV[:8])
    whole = ct.statements(corpus, by="outlet")
    assert len(whole) > 20
    monkeypatch.setattr(mod, "_KEY_BATCH", 50)
    monkeypatch.setattr(mod, "_PAIR_BATCH", 7)
    monkeypatch.setattr(mod, "_DOC_BATCH", 3)
    pd.testing.assert_frame_equal(ct.statements(corpus, by="outlet"), whole)
