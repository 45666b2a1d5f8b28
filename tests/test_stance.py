"""Tests for corpus_tools.stance: quotes, cues, hedges, tone toward actors, triples."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

import corpus_tools as ct
from corpus_tools.stance import _pair_marks, doc_quotes
from corpus_tools.tokenize import split_sentences

QDATA = Path(__file__).resolve().parent / "data" / "quotes"

# ---------------------------------------------------------------------------
# evaluation against hand annotations (text-matched, survives cleaning changes)
# ---------------------------------------------------------------------------


def _norm(s: str | None) -> str:
    return " ".join(str(s).replace("’", "'").casefold().split()) if s is not None else ""


def evaluate_quotes(gold: list[dict], texts: dict[str, str], pred: pd.DataFrame) -> dict:
    """Recall (speech quotes found) and speaker accuracy (among found, speaker given)."""
    found = speakers = speaker_ok = 0
    n = 0
    misses, wrong = [], []
    for g in gold:
        if g["kind"] == "scare":
            continue
        n += 1
        text = texts[g["doc_id"]]
        a = text.find(g["match"])
        if a < 0:
            raise AssertionError(f"annotation passage not in {g['doc_id']}: {g['match']!r}")
        b = a + len(g["match"])
        cand = pred[
            (pred["doc_id"] == g["doc_id"])
            & (pred["direct"] == g["direct"])
            & (pred["start"] <= a)
            & (pred["end"] >= b)
            & (pred["kind"] != "scare")
        ]
        if cand.empty:
            misses.append(g["match"])
            continue
        found += 1
        row = (
            cand.assign(_len=cand["end"] - cand["start"])
            .sort_values("_len", kind="mergesort")
            .iloc[0]
        )
        if g.get("speaker"):
            speakers += 1
            if _norm(row["speaker_canonical"]) in {_norm(s) for s in g["speaker"]}:
                speaker_ok += 1
            else:
                wrong.append((g["match"], row["speaker_canonical"]))
    return {
        "n": n,
        "found": found,
        "recall": found / n,
        "n_speaker": speakers,
        "speaker_ok": speaker_ok,
        "speaker_accuracy": speaker_ok / speakers,
        "misses": misses,
        "wrong": wrong,
    }


def load_hard_cases() -> tuple[list[dict], ct.Corpus]:
    cases = yaml.safe_load((QDATA / "hard_cases.yml").read_text(encoding="utf-8"))["cases"]
    docs = pd.DataFrame({"doc_id": [c["id"] for c in cases], "text": [c["text"] for c in cases]})
    gold = [dict(q, doc_id=c["id"]) for c in cases for q in c.get("quotes", [])]
    return cases, gold, ct.Corpus(docs)


def test_seed_quote_recall_and_speaker_accuracy(seed_corpus):
    gold = yaml.safe_load((QDATA / "seeds.yml").read_text(encoding="utf-8"))["quotes"]
    texts = dict(iter(seed_corpus))
    res = evaluate_quotes(gold, texts, ct.quotes(seed_corpus))
    print(
        f"\nseeds: recall {res['found']}/{res['n']} = {res['recall']:.3f}; speaker accuracy "
        f"{res['speaker_ok']}/{res['n_speaker']} = {res['speaker_accuracy']:.3f}; "
        f"misses {res['misses']}; wrong {res['wrong']}"
    )
    assert res["n"] >= 35
    assert res["recall"] >= 0.9
    assert res["speaker_accuracy"] >= 0.9


def test_hard_case_recall_and_speaker_accuracy():
    cases, gold, corpus = load_hard_cases()
    assert len(cases) >= 30
    pred = ct.quotes(corpus)
    res = evaluate_quotes(gold, dict(iter(corpus)), pred)
    print(
        f"\nhard cases: recall {res['found']}/{res['n']} = {res['recall']:.3f}; speaker accuracy "
        f"{res['speaker_ok']}/{res['n_speaker']} = {res['speaker_accuracy']:.3f}; "
        f"misses {res['misses']}; wrong {res['wrong']}"
    )
    assert res["recall"] >= 0.9
    assert res["speaker_accuracy"] >= 0.8
    for c in cases:
        if c.get("none"):
            assert pred[pred["doc_id"] == c["id"]].empty, c["id"]


def test_hard_case_kinds():
    cases, gold, corpus = load_hard_cases()
    pred = ct.quotes(corpus)
    texts = dict(iter(corpus))
    for g in gold:
        a = texts[g["doc_id"]].find(g["match"])
        rows = pred[
            (pred["doc_id"] == g["doc_id"])
            & (pred["start"] <= a)
            & (pred["end"] >= a + len(g["match"]))
            & (pred["direct"] == g["direct"])
        ]
        if g["kind"] in ("scare", "fragment"):
            assert g["kind"] in rows["kind"].tolist(), g


# ---------------------------------------------------------------------------
# METHODS §5 worked example
# ---------------------------------------------------------------------------
GENG = (
    "Chinese Foreign Ministry spokesman Geng Shuang said on Thursday that Beijing was ready "
    "to cooperate. “The positions of both sides are very similar,” Geng said. “We maintain "
    "close contact.” He added that talks would continue."
)


def test_worked_example_rows(corpus_from_texts):
    assert len(GENG) == 224
    q = ct.quotes(corpus_from_texts({"g": GENG}))
    got = (
        q[
            [
                "start",
                "end",
                "direct",
                "cue",
                "cue_start",
                "cue_end",
                "speaker_start",
                "speaker_end",
                "speaker_canonical",
                "speaker_method",
            ]
        ]
        .astype(object)
        .values.tolist()
    )
    assert got == [
        [69, 99, False, "said", 47, 51, 0, 46, "Geng Shuang", "cue_adjacent"],
        [101, 148, True, "said", 154, 158, 149, 153, "Geng Shuang", "surname"],
        [160, 188, True, None, pd.NA, pd.NA, 149, 153, "Geng Shuang", "carryover"],
        [203, 223, False, "added", 192, 197, 189, 191, "Geng Shuang", "pronoun"],
    ]
    assert q["quote"].tolist()[0] == "Beijing was ready to cooperate"
    assert q["speaker"].tolist() == [
        "Chinese Foreign Ministry spokesman Geng Shuang",
        "Geng",
        "Geng",
        "He",
    ]


def test_quote_columns_dtypes_and_offsets(seed_corpus):
    q = ct.quotes(seed_corpus)
    assert list(q.columns) == ct.QUOTE_COLUMNS
    assert q["start"].dtype == "int64" and q["direct"].dtype == bool
    texts = dict(iter(seed_corpus))
    for r in q.itertuples():
        t = texts[r.doc_id]
        assert t[r.start : r.end] == r.quote
        if pd.notna(r.speaker_start):
            assert t[int(r.speaker_start) : int(r.speaker_end)] == r.speaker
        if pd.notna(r.cue_start):
            assert ct.fold(t[int(r.cue_start) : int(r.cue_end)]) == r.cue
    order = q.assign(_o=q["doc_id"].map({d: i for i, d in enumerate(seed_corpus.doc_ids)}))
    assert order[["_o", "start"]].apply(tuple, axis=1).is_monotonic_increasing


# ---------------------------------------------------------------------------
# quote-mark pairing: hostile inputs never crash or swallow the document
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and "no".', [(8, 13, False), (18, 22, False)]),
        ("“Open and never closed.\n\nNext paragraph.", [(0, 23, True)]),
        ("Russia’s and Palestinians’ views differ.", []),
        ("“A ‘nested’ one,” she said.", [(0, 17, False)]),
        ("“First.\n“Second,” he said.", [(0, 17, False)]),
        ("a ” stray closer", []),
        ("“one “two” three", [(0, 4, True), (5, 10, False)]),
        ("Israel will ‘crush’ Hamas", [(12, 19, False)]),
    ],
)
def test_pair_marks(text, expected):
    assert [(s.start, s.end, s.unbalanced) for s in _pair_marks(text)] == expected


def test_unbalanced_does_not_swallow_rest(corpus_from_texts):
    text = "“We will respond, the commander said.\n\nThe army said it had hit 200 targets.\n\n“Done,” he said."
    q = ct.quotes(corpus_from_texts({"u": text}))
    assert q["unbalanced"].tolist().count(True) == 1
    assert "it had hit 200 targets" in q["quote"].tolist()
    assert "“Done,”" in q["quote"].tolist()


def test_odd_number_of_marks_many_docs(corpus_from_texts):
    texts = {f"d{i}": '"' * i + " word " + "“" * (i % 3) + " he said." for i in range(12)}
    q = ct.quotes(corpus_from_texts(texts))
    for r in q.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.quote


def test_doc_quotes_pure_function():
    t = "“Enough,” the minister said."
    sents = [(i, p, s, e) for i, (p, s, e) in enumerate(split_sentences(t))]
    assert doc_quotes(t, sents, doc_id="x") == doc_quotes(t, sents, doc_id="x")
    assert doc_quotes("", [], doc_id="x") == []


# ---------------------------------------------------------------------------
# reporting verbs and hedges
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("form", "lemma", "cls"),
    [
        ("said", "say", "neutral"),
        ("stressed", "stress", "assertive"),
        ("insisted", "insist", "assertive"),
        ("claimed", "claim", "distancing"),
        ("alleges", "allege", "distancing"),
        ("admitted", "admit", "factive"),
        ("warned", "warn", "conflictual"),
        ("denied", "deny", "conflictual"),
        ("emphasising", "emphasise", "assertive"),
        ("pointed out", "point out", "factive"),
        ("according to", "according to", "neutral"),
    ],
)
def test_reporting_verb_lexicon(form, lemma, cls):
    rv = ct.load_reporting_verbs()
    row = rv[rv["form"] == form]
    assert row[["lemma", "cue_class"]].values.tolist() == [[lemma, cls]]


def test_cue_rates_by_outlet(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "Russia said talks failed. Israel claimed that the hospital was used.",
            "b": "China stressed that it opposes attacks.",
        },
        outlet={"a": "X", "b": "Y"},
    )
    r = ct.cue_rates(ct.quotes(c), c, by="outlet")
    assert r[["group", "cue_class", "count", "n_quotes", "share"]].values.tolist() == [
        ["X", "distancing", 1, 2, 0.5],
        ["X", "neutral", 1, 2, 0.5],
        ["Y", "assertive", 1, 1, 1.0],
    ]


def test_reporting_verbs_bad_file(tmp_path):
    p = tmp_path / "rv.yml"
    p.write_text("meta: {}\nclasses: {neutral: {verbs: [say]}}\nbogus: 1\n", encoding="utf-8")
    with pytest.raises(ct.DataFileError, match="bogus"):
        ct.load_reporting_verbs(p)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks may resume in May.", [("may", "hedge", False)]),
        (
            "It clearly failed, officials reportedly said.",
            [("clearly", "booster", False), ("reportedly", "evidential", False)],
        ),
        ('He said "it might work".', [("might", "hedge", True)]),
        ("On May 5 the truce began.", []),
        ("According to Qatar, talks will go on.", [("according to", "evidential", False)]),
    ],
)
def test_hedges(corpus_from_texts, text, expected):
    h = ct.hedges(corpus_from_texts({"a": text}))
    assert list(zip(h["term"], h["hedge_class"], h["inside_quote"], strict=False)) == expected
    for r in h.itertuples():
        assert text[r.start : r.end].lower() == r.term


def test_hedge_rates(corpus_from_texts):
    c = corpus_from_texts({"a": "It may rain. It might not."}, outlet={"a": "X"})
    r = ct.hedge_rates(ct.hedges(c), c)
    row = r[(r["hedge_class"] == "hedge") & (r["voice"] == "outlet")].iloc[0]
    assert (row["count"], row["n_words"], row["rate_per_1000"]) == (2, 6, 333.333)
    assert len(r) == 3 * 2


# ---------------------------------------------------------------------------
# VADER, bootstrap, target sentiment, triples (METHODS §7)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "compound"),
    [
        ("Russia and China called for an end to the violence and the release of hostages.", -0.62),
        ("Moscow blamed Washington for the crisis.", -0.80),
        ("Hamas staged a surprise attack that killed 1,400 people.", -0.76),
        ("China is ready to play a constructive role and defend international justice.", 0.81),
        ("Beijing denounced the US rejection of the resolution.", -0.54),
    ],
)
def test_vader_methods_examples(sentence, compound):
    assert round(ct.vader_scores(sentence)[0], 2) == compound


def test_cluster_bootstrap_worked_example():
    m, lo, hi = ct.cluster_bootstrap(
        [[-0.59], [-0.76], [0.81], [0.0], [-0.67]], n_boot=10_000, seed=np.random.default_rng(42)
    )
    assert (round(m, 3), round(lo, 2), round(hi, 2)) == (-0.242, -0.69, 0.33)


def test_cluster_bootstrap_one_group_and_determinism():
    assert ct.cluster_bootstrap([[0.5, 0.1]]) == (pytest.approx(0.3), None, None)
    a = ct.cluster_bootstrap([[0.1], [0.5, -0.2], [0.3]], seed=7)
    assert a == ct.cluster_bootstrap([[0.1], [0.5, -0.2], [0.3]], seed=7)


def test_target_sentiment_tables(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "Hamas staged a surprise attack that killed 1,400 people. Talks went on.",
            "b": "Israel praised the talks. Hamas welcomed a good deal.",
            "c": "Hamas said nothing.",
        },
        outlet={"a": "X", "b": "X", "c": "Y"},
    )
    with pytest.warns(ct.CorpusToolsWarning):
        res = ct.target_sentiment(c, ["Hamas"], n_boot=200, seed=1)
    s = res.sentences
    assert s[["doc_id", "sent_id", "target", "n"]].values.tolist() == [
        ["a", 0, "Hamas", 1],
        ["b", 1, "Hamas", 1],
        ["c", 0, "Hamas", 1],
    ]
    texts = dict(iter(c))
    for r in s.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.evidence
        assert texts[r.doc_id][r.mention_start : r.mention_end] == "Hamas"
    summ = res.summary.set_index("group")
    assert summ.loc["Y", "interval"] == "one article: no interval"
    assert pd.isna(summ.loc["Y", "ci_low"])
    assert summ.loc["X", "n_docs"] == 2 and summ.loc["X", "n_sentences"] == 2
    assert summ.loc["X", "ci_low"] <= summ.loc["X", "mean_compound"] <= summ.loc["X", "ci_high"]
    assert summ.loc["X", "n_boot"] == 200 and summ.loc["X", "seed"] == 1


def test_stance_triples_blame(corpus_from_texts):
    c = corpus_from_texts({"a": "Moscow blamed Washington for the crisis."})
    t = ct.stance_triples(c)
    assert t[["holder", "target", "polarity", "cue"]].values.tolist() == [
        ["Russia", "United States", "against", "blamed"]
    ]


def test_stance_triples_from_quote(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "China praised Qatar for its mediation. Zhai Jun said that Israel must stop the attacks."
        }
    )
    t = ct.stance_triples(c)
    got = t[["holder", "target", "polarity"]].values.tolist()
    assert ["China", "Qatar", "favour"] in got
    assert ["Zhai Jun", "Israel", "against"] in got


@pytest.mark.parametrize(
    ("speaker_canonical", "speaker", "voice_type", "country"),
    [
        ("Geng Shuang", "Geng", "official", "China"),
        ("Kremlin", "the Kremlin", "official", "Russia"),
        ("Hamas", "Hamas", "armed_group", "Palestine"),
        ("analysts", "analysts", "expert", None),
        ("Gaza residents", "residents", "citizen", None),
        (None, None, "unattributed", None),
        ("Egypt", "Egyptian officials", "official", "Egypt"),
    ],
)
def test_quote_voices(speaker_canonical, speaker, voice_type, country):
    q = pd.DataFrame({"speaker_canonical": [speaker_canonical], "speaker": [speaker]})
    v = ct.quote_voices(q)
    assert v[["voice_type", "voice_country"]].values.tolist() == [[voice_type, country]]


def test_stance_triples_basis_and_offsets(seed_corpus):
    t = ct.stance_triples(seed_corpus)
    assert list(t.columns) == ct.TRIPLE_COLUMNS
    assert set(t["basis"]) <= {"cue", "tone"}
    texts = dict(iter(seed_corpus))
    for r in t.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.evidence
        assert r.holder != r.target
    cue_rows = t[t["basis"] == "cue"][["holder", "cue", "target", "polarity"]].values.tolist()
    assert ["China", "denounced", "United States", "against"] in cue_rows


def test_heldout_recall_and_speaker_accuracy():
    """Sentences written after the rules were final (never used for tuning)."""
    cases = yaml.safe_load((QDATA / "heldout.yml").read_text(encoding="utf-8"))["cases"]
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": [c["id"] for c in cases], "text": [c["text"] for c in cases]})
    )
    gold = [dict(q, doc_id=c["id"]) for c in cases for q in c["quotes"]]
    res = evaluate_quotes(gold, dict(iter(corpus)), ct.quotes(corpus))
    print(
        f"\nheld-out: recall {res['found']}/{res['n']} = {res['recall']:.3f}; speaker accuracy "
        f"{res['speaker_ok']}/{res['n_speaker']} = {res['speaker_accuracy']:.3f}; "
        f"misses {res['misses']}; wrong {res['wrong']}"
    )
    assert res["recall"] >= 0.85
    assert res["speaker_accuracy"] >= 0.85
