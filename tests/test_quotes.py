"""Tests for corpus_tools.quotes: quote marks, cues, speakers, sources, and accuracy on hand annotations."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

import corpus_tools as ct
from corpus_tools.quotes import doc_quotes
from corpus_tools.quotes.marks import pair_marks
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
# docs/methods.md, section "Quotes, reporting verbs and hedges" worked example
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
    assert [(s.start, s.end, s.unbalanced) for s in pair_marks(text)] == expected


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


def test_reporting_verbs_bad_file(tmp_path):
    p = tmp_path / "rv.yml"
    p.write_text("meta: {}\nclasses: {neutral: {verbs: [say]}}\nbogus: 1\n", encoding="utf-8")
    with pytest.raises(ct.DataFileError, match="bogus"):
        ct.load_reporting_verbs(p)


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


# ---------------------------------------------------------------------------
# real text, annotated before the rules were tuned (issue 16): BBC articles and
# headlines from ZitRos/news-articles-dataset; held-out half by sha256 of the path
# ---------------------------------------------------------------------------


def _held_out(key: str) -> bool:
    import hashlib

    return hashlib.sha256(key.encode()).digest()[0] % 2 == 1


def _accepts(pred: str | None, gold) -> bool | None:
    """True/False when the gold value is evaluated, None for "?" (not evaluated)."""
    if gold == "?":
        return None
    if gold is None:
        return pred is None
    if pred is None:
        return None in gold
    return _norm(pred) in {_norm(g) for g in gold if g is not None}


def evaluate_real(docs: dict[str, str], gold: list[tuple[str, dict]]) -> dict:
    """Recall, speaker and source accuracy, false speakers on scare quotes.

    A quotation is found when a direct row covers its passage (any kind);
    speaker accuracy compares ``speaker_canonical`` of the narrowest such row
    with the accepted names (gold null: the row must have no speaker); source
    accuracy likewise with ``source``. Scare quotes are not speech: the rate
    of those given a speaker is reported separately.
    """
    corpus = ct.Corpus(pd.DataFrame({"doc_id": list(docs), "text": list(docs.values())}))
    pred = ct.quotes(corpus)
    out = dict.fromkeys(("n", "found", "n_speaker", "speaker_ok", "n_source", "source_ok"), 0)
    out.update(n_scare=0, scare_with_speaker=0, misses=[], wrong=[])
    for doc_id, g in gold:
        text = docs[doc_id]
        a = text.find(g["match"])
        assert a >= 0, (doc_id, g["match"])
        b = a + len(g["match"])
        cand = pred[
            (pred["doc_id"] == doc_id) & pred["direct"] & (pred["start"] <= a) & (pred["end"] >= b)
        ]
        row = (
            None
            if cand.empty
            else cand.assign(_len=cand["end"] - cand["start"])
            .sort_values("_len", kind="mergesort")
            .iloc[0]
        )
        if g["kind"] == "scare":
            out["n_scare"] += 1
            if row is not None and row["speaker_canonical"] is not None:
                out["scare_with_speaker"] += 1
                out["wrong"].append((g["match"], row["speaker_canonical"]))
            continue
        out["n"] += 1
        if row is None:
            out["misses"].append(g["match"])
            continue
        out["found"] += 1
        ok = _accepts(row["speaker_canonical"], g["speaker"])
        if ok is not None:
            out["n_speaker"] += 1
            out["speaker_ok"] += ok
            if not ok:
                out["wrong"].append((g["match"], row["speaker_canonical"]))
        ok = _accepts(row["source"], g.get("source"))
        if ok is not None:
            out["n_source"] += 1
            out["source_ok"] += ok
    out["recall"] = out["found"] / out["n"]
    out["speaker_accuracy"] = out["speaker_ok"] / out["n_speaker"]
    out["source_accuracy"] = out["source_ok"] / out["n_source"] if out["n_source"] else None
    out["scare_false_speaker"] = out["scare_with_speaker"] / max(1, out["n_scare"])
    return out


def _headline_set(file: str, keep) -> dict:
    heads = yaml.safe_load((QDATA / file).read_text(encoding="utf-8"))["headlines"]
    # only bbc_headlines.yml annotates sources (none named); the news sets do not ("?")
    src = None if file == "bbc_headlines.yml" else "?"
    heads = [dict(h, source=h.get("source", src)) for h in heads if keep(h["id"])]
    return evaluate_real({h["id"]: h["text"] for h in heads}, [(h["id"], h) for h in heads])


def _real_sets(held: bool) -> dict[str, dict]:
    """One half of the split sets: BBC articles, BBC headlines, news headlines."""
    arts = yaml.safe_load((QDATA / "bbc_articles.yml").read_text(encoding="utf-8"))["articles"]
    arts = {k: v for k, v in arts.items() if _held_out(k) == held}
    docs = {k: (QDATA / "bbc" / k).read_text(encoding="utf-8") for k in arts}
    out = {"articles": evaluate_real(docs, [(k, g) for k, v in arts.items() for g in v])}
    for name in ("bbc_headlines", "news_headlines"):
        out[name] = _headline_set(f"{name}.yml", lambda i: _held_out(i) == held)
    return out


def _pooled(*rs: dict) -> dict:
    """Counts of several evaluations added up, with their rates."""
    keys = ("n", "found", "n_speaker", "speaker_ok", "n_scare", "scare_with_speaker")
    out = {k: sum(r[k] for r in rs) for k in keys}
    out["recall"] = out["found"] / out["n"]
    out["speaker_accuracy"] = out["speaker_ok"] / out["n_speaker"]
    out["scare_false_speaker"] = out["scare_with_speaker"] / out["n_scare"]
    return out


def _report(name: str, r: dict) -> str:
    src = (
        f"{r['source_ok']}/{r['n_source']} = {r['source_accuracy']:.3f}"
        if r["source_accuracy"] is not None
        else "not annotated"
    )
    return (
        f"{name}: recall {r['found']}/{r['n']} = {r['recall']:.3f}; speaker "
        f"{r['speaker_ok']}/{r['n_speaker']} = {r['speaker_accuracy']:.3f}; source {src}; "
        f"scare quotes given a speaker {r['scare_with_speaker']}/{r['n_scare']}; "
        f"misses {r['misses']}; wrong {r['wrong']}"
    )


def _print_all(half: str, sets: dict[str, dict]) -> None:
    print()
    for name, r in sets.items():
        print(_report(f"{name}, {half}", r))


def test_real_quotes_annotation_sizes_and_split():
    dev, held = _real_sets(held=False), _real_sets(held=True)
    assert dev["articles"]["n"] + held["articles"]["n"] >= 100  # speech quotations in articles
    named = sum(
        isinstance(h["speaker"], list)
        for f in ("bbc_headlines.yml", "news_headlines.yml")
        for h in yaml.safe_load((QDATA / f).read_text(encoding="utf-8"))["headlines"]
        if h["kind"] != "scare"
    )
    assert named == 136  # headline quotations with a named speaker (issue 16 asks >= 50)
    # (news_headlines_2.yml adds 10)
    sizes = [(s[g]["n"], s[g]["n_scare"]) for s in (dev, held) for g in s]
    assert sizes == [(64, 5), (25, 13), (74, 52), (75, 8), (20, 6), (76, 54)]
    fresh = _headline_set("news_headlines_2.yml", lambda i: True)
    assert (fresh["n"], fresh["n_scare"]) == (43, 82)
    sizes = {
        k: (v["n"], v["n_scare"], v["n_speaker"]) for r in ROUNDS for k, v in _round_sets(r).items()
    }
    assert sizes == {  # speech quotations, scare quotes, speakers evaluated
        "bbc_headlines_2": (44, 12, 43),
        "clickbait_headlines": (1, 42, 1),
        "bbc_leads": (9, 1, 9),
        "bbc_headlines_3": (47, 9, 45),
        "clickbait_headlines_2": (1, 40, 1),
        "bbc_leads_2": (12, 2, 12),
        "bbc_headlines_4": (42, 14, 40),
        "clickbait_headlines_3": (3, 38, 1),
        "bbc_leads_3": (9, 3, 8),
        "bbc_headlines_5": (29, 8, 28),
        "clickbait_headlines_4": (1, 42, 1),
        "bbc_leads_4": (8, 4, 6),
    }


#: Sets annotated in session 14, by round: each was held out until the next round tuned on it.
ROUNDS = {
    1: ("bbc_headlines_2", "clickbait_headlines", "bbc_leads"),
    2: ("bbc_headlines_3", "clickbait_headlines_2", "bbc_leads_2"),
    3: ("bbc_headlines_4", "clickbait_headlines_3", "bbc_leads_3"),
    4: ("bbc_headlines_5", "clickbait_headlines_4", "bbc_leads_4"),
}


def _round_sets(r: int) -> dict[str, dict]:
    return {name: _headline_set(f"{name}.yml", lambda i: True) for name in ROUNDS[r]}


def test_real_quotes_tuned():
    """What the rules were tuned on: the dev halves; both halves of news_headlines.yml (its
    held-out half was measured once, 36/72 speakers and 6/54 scare quotes given a speaker,
    then tuned on); news_headlines_2.yml (measured once, 29/39 and 0/82, then tuned on);
    the round-1 to round-3 sets of session 14 (each measured once before and once after
    the round it was held out for, then tuned on). Floors at the measured values."""
    dev, held = _real_sets(held=False), _real_sets(held=True)
    _print_all("dev", dev)
    news = _pooled(dev["news_headlines"], held["news_headlines"])
    tuned = {"news_headlines_2": _headline_set("news_headlines_2.yml", lambda i: True)}
    for r in (1, 2, 3):
        tuned.update(_round_sets(r))
    print(
        f"news_headlines, both halves: speaker {news['speaker_ok']}/{news['n_speaker']}, "
        f"scare quotes given a speaker {news['scare_with_speaker']}/{news['n_scare']}"
    )
    _print_all("tuned", tuned)
    art, bbc = dev["articles"], dev["bbc_headlines"]
    assert art["recall"] >= 0.95 and bbc["recall"] >= 0.95 and news["recall"] >= 0.95
    assert art["speaker_ok"] >= 56 and bbc["speaker_ok"] == bbc["n_speaker"] == 23
    assert news["speaker_ok"] >= 120 and news["n_speaker"] == 142
    assert art["source_accuracy"] >= 0.9 and bbc["source_accuracy"] >= 0.9
    assert news["scare_with_speaker"] <= 7 and bbc["scare_with_speaker"] == 0
    measured = {  # name: (speaker right, speakers evaluated, scare quotes given a speaker)
        # session 28: "Obama 'angry' with Afghanistan general" was labelled no speaker; the
        # convention now is that a subject before a scare-quoted feeling and over/at/with/by
        # speaks (relabelled Obama, now found; "Musicians 'upbeat' about" in bbc_headlines_4 too)
        "news_headlines_2": (35, 39, 0),
        "bbc_headlines_2": (41, 43, 1),
        "clickbait_headlines": (1, 1, 0),
        "bbc_leads": (9, 9, 0),
        "bbc_headlines_3": (42, 45, 2),
        "clickbait_headlines_2": (1, 1, 0),
        "bbc_leads_2": (7, 12, 1),
        "bbc_headlines_4": (39, 40, 0),
        "clickbait_headlines_3": (1, 1, 0),
        # 1 since stop 22: "according to industry experts" is a cue now; its 2-word "casual
        # players" reads as their fragment (annotated as a scare quote)
        "bbc_leads_3": (7, 8, 1),
    }
    for name, (ok, n, scare) in measured.items():
        r = tuned[name]
        assert r["recall"] == 1.0, name
        assert r["speaker_ok"] >= ok and r["n_speaker"] == n, name
        assert r["scare_with_speaker"] <= scare, name


def test_real_quotes_held_out():
    """Held out, never tuned on: the held-out halves of the BBC sets and the round-4 sets of
    session 14 (bbc_headlines_5, clickbait_headlines_4, bbc_leads_4: annotated after round 3
    was measured and before round 4 changed any rule; measured once before and once after).

    Targets (issue 16): recall >= 0.9; speaker accuracy >= 0.9 in articles (BBC articles
    and leads pooled), >= 0.8 in headlines; scare quotes given a speaker <= 5%. Measured
    after round 4 (the same before it): articles 70/74, leads 4/6, pooled 74/80 = 0.93;
    headlines 44/49 = 0.90; scare quotes given a speaker 2/68 = 2.9%; source right on
    every quotation where it is evaluated. (The round-3 sets, held out for round 3: headlines
    54/61 before, 59/61 after; articles and leads 72/82 before, 74/82 after; scare 4/69 before,
    3/69 after.) Stop 17 (rules tuned on fresh HuffPost and Times of India dev halves,
    tests/test_quotes_fresh.py): articles 70/74 with scare quotes 0/8 (1/8 before),
    bbc_headlines_5 25/28 ("Baywatch dubbed 'worst TV import'" no longer gives Baywatch):
    headlines 45/49, scare quotes given a speaker 1/68.
    """
    sets = _real_sets(held=True)
    del sets["news_headlines"]  # spent: tuned on in the second round
    sets.update(_round_sets(4))
    _print_all("held-out", sets)
    art, leads = sets["articles"], sets["bbc_leads_4"]
    heads = _pooled(sets["bbc_headlines"], sets["bbc_headlines_5"], sets["clickbait_headlines_4"])
    prose = _pooled(art, leads)
    assert prose["recall"] >= 0.9 and heads["recall"] >= 0.9
    assert prose["speaker_accuracy"] >= 0.9 and art["speaker_accuracy"] >= 0.9
    assert heads["speaker_accuracy"] >= 0.8
    for name, r in sets.items():
        assert r["source_accuracy"] >= 0.9, name
    scare = _pooled(*sets.values())
    assert scare["n_scare"] == 68 and scare["scare_false_speaker"] <= 0.05


def test_generic_speakers_on_fresh_leads():
    """Generic speakers ("critics", "MPs") on held-out leads keep speaker_resolved False,
    named ones (Tony Blair, Charles Clarke) True."""
    leads = yaml.safe_load((QDATA / "bbc_leads.yml").read_text(encoding="utf-8"))["headlines"]
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": [h["id"] for h in leads], "text": [h["text"] for h in leads]})
    )
    q = ct.quotes(corpus)
    got = {}
    for h in leads:
        a = h["text"].find(h["match"])
        rows = q[(q["doc_id"] == h["id"]) & q["direct"] & (q["start"] <= a)]
        rows = rows[rows["end"] >= a + len(h["match"])]
        if len(rows) and rows["speaker"].iloc[0] is not None:
            got[h["match"]] = (bool(rows["speaker_resolved"].iloc[0]), bool(h.get("generic")))
    generic = [m for m, (res, gen) in got.items() if gen]
    named = [m for m, (res, gen) in got.items() if not gen]
    assert all(not got[m][0] for m in generic) and len(generic) == 4
    assert sum(got[m][0] for m in named) == 3 and len(named) == 4  # "the Tories": unresolved


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Russia to US: 'Stop the strikes now'", "Russia"),
        ("Aid convoy 'will not reach Gaza in time': UN official", "United Nations"),
        ("Famine in Gaza may be 'weeks away' – UN", "United Nations"),
        ("Sanders Calls for 'Humanitarian Pause'", "Sanders"),
        ("'We have not been paid', say workers at Gaza hospital", "workers"),
        ("'Crimes against humanity' by Israel in Gaza, says UN agency chief", "United Nations"),
        ("'Crimes against humanity' by Israel in Gaza says UN agency chief", "United Nations"),
        ("Iran accuses US of 'state terrorism'", "Iran"),
        ("Guterres warns 'humanitarian catastrophe' is unfolding", "Antonio Guterres"),
        ("Netanyahu: 'We will fight until victory'", "Benjamin Netanyahu"),
        ("China urges 'maximum restraint' in Middle East", "China"),
        ("Police praise 'courageous' Ozzy", "Police"),
        ("Disaster claims 'less than $10bn'", None),  # a noun, not a cue
        ("Britons growing 'digitally obese'", None),  # scare quote
    ],
)
def test_headline_conventions(headline, speaker):
    q = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["h"], "text": [headline]})))
    direct = q[q["direct"]]
    assert len(direct) == 1
    assert direct["speaker_canonical"].iloc[0] == speaker


def test_seed_sources_generic_speakers_and_ministry_names(seed_corpus):
    q = ct.quotes(seed_corpus)
    texts = dict(iter(seed_corpus))

    def row(match):
        for r in q.itertuples():
            if match in r.quote:
                return r
        raise AssertionError(match)

    # the source is named apart from the speaker, with offsets
    r = row("Moscow and Beijing had constant focus")
    assert (r.speaker_canonical, r.source) == (
        "Zhai Jun and Mikhail Bogdanov",
        "Russian Foreign Ministry",
    )
    assert texts[r.doc_id][r.source_start : r.source_end] == "Russia’s foreign ministry statement"
    assert row("There was confirmation of the constant").source == "Russian Foreign Ministry"
    assert row("China is in intensive communication").source == "Chinese Foreign Ministry"
    # generic speakers are kept, marked unresolved
    r = row("in favor of seeing an early cessation")
    assert (r.speaker, r.speaker_resolved, r.source) == (
        "the parties",
        False,
        "Russian Foreign Ministry",
    )
    assert row("there was a need to reduce tensions").speaker_resolved is False
    # "Russian Foreign Ministry", "the ministry", "the Foreign Ministry" (TASS, Moscow) and
    # "a foreign ministry statement" (after Russia's speakers) are one ministry
    names = {
        row(m).speaker_canonical
        for m in (
            "intend to closely coordinate efforts",
            "unwavering focus on closely",
            "frankly exchanged views",
            "There was confirmation of the constant",
        )
    }
    assert names == {"Russian Foreign Ministry"}
    assert q["speaker_resolved"].dtype == bool
    assert q["source_start"].dtype == "Int64"
    assert q.loc[q["speaker_canonical"].isna(), "speaker_resolved"].eq(False).all()


def test_dateline_gives_the_bare_ministry_its_country(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "BEIJING, March 3 (Xinhua) -- The Foreign Ministry said talks would resume.",
            "b": "Talks would resume, the Foreign Ministry said.",
        }
    )
    q = ct.quotes(c)
    assert q.set_index("doc_id")["speaker_canonical"].to_dict() == {
        "a": "Chinese Foreign Ministry",
        "b": "Foreign Ministry",  # no context: kept as written
    }


def test_sources_told_citing_quoted_as(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": '"This is expensive," analyst Jane Roe told Reuters.',
            "b": "Oil prices will rise, the minister said, citing the central bank.",
            "c": 'Games are "big business", the paper quoted Mr Peter Chernin as saying.',
            "d": "Mr Lavrov told reporters that talks would go on.",
        }
    )
    q = ct.quotes(c).set_index("doc_id")
    assert q.loc["a", "source"] == "Reuters" and q.loc["a", "speaker_canonical"] == "Jane Roe"
    assert q.loc["b", "source"] == "central bank"
    assert (q.loc["c", "source"], q.loc["c", "speaker_canonical"]) == ("paper", "Peter Chernin")
    assert q.loc["d", "source"] is None  # "reporters" are not a medium


@pytest.mark.parametrize(
    ("headline", "speaker", "kind"),
    [
        # a noun-like verb after a speaker word is the verb ("claims", "call")
        ("Opposition leader claims budget is a 'fantasy'", "Opposition leader", "fragment"),
        ("Dominic Raab calls report a 'whitewash'", "Dominic Raab", "fragment"),
        ("Hospital workers call for 'fair pay' now", "Hospital workers", "quote"),
        # a quoted name or title in a sentence-case line is not speech
        ("Festival announces return of 'Glastonbury Nights'", None, "scare"),
        # headline passive: the subject is told, not telling
        ("Striking nurses told to 'return to work'", None, "scare"),
        # non-official roles and possessors are not their country or possessor
        ("Kenyan rebels say talks are 'dead'", "Kenyan rebels", "fragment"),
        ("Putin's critics call the ruling a 'travesty'", "Putin's critics", "fragment"),
        # inversion at the end; lower-case modifiers inside a role phrase; X: clause
        ("Tax cuts 'will not happen' this year, says Treasury chief", "Treasury chief", "fragment"),
        ("UN aid chief says Gaza is 'on the brink'", "United Nations", "fragment"),
        ("Sudanese army: city 'fully under control'", "Sudan", "fragment"),
    ],
)
def test_headline_mechanisms(headline, speaker, kind):
    """General mechanisms added for issue 16, on headlines written for this test."""
    q = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["h"], "text": [headline]})))
    direct = q[q["direct"]]
    assert direct[["speaker_canonical", "kind"]].values.tolist() == [[speaker, kind]]


@pytest.mark.parametrize(
    ("headline", "speaker", "cue"),
    [
        # Subject verb(-s) object ... 'what the subject says of it', verb outside the lexicon
        ("Greenpeace opposes pipeline over 'reckless' route", "Greenpeace", "opposes"),
        ("Farm minister defends cull as 'painful but needed'", "Farm minister", "defends"),
        ("Unions attack pay offer as 'insulting'", "Unions", "attack"),  # plural subject
        ("Mayor Jones rates road plan a 'disaster'", "Jones", "rates"),  # title stripped
        ("Ofcom finds broadband adverts 'misleading'", "Ofcom", "finds"),
        # the quote is the verb's object (a name, a product, an event): no speaker
        ("Apple unveils 'pocket office' phone", None, None),
        ("Rovers win 'derby of the decade'", None, None),
        # Title Case (stop 17, round 2: headlines.title_case_verb_cue): a predicate after "As"
        ("Smith Defends Plan As 'Fair And Balanced'", "Smith", "Defends"),
        # headline passive, infinitive, a name's modifier, running text
        ("Man jailed over 'vile' post", None, None),
        ("Council votes to 'pause' bin strike talks", None, None),
        ("Greenpeace opposes the pipeline over 'reckless' routing.", None, None),
    ],
)
def test_headline_verb_outside_the_lexicon(headline, speaker, cue):
    """A headline's verb told by its form and position (quotes/headlines.py), on headlines
    written for this test: the subject is the speaker of a quote said of the verb's object."""
    q = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["h"], "text": [headline]})))
    direct = q[q["direct"]]
    assert direct[["speaker_canonical", "cue"]].values.tolist() == [[speaker, cue]]
    if speaker is not None:
        assert direct["cue_class"].iloc[0] == "unlisted"
        assert direct["speaker_method"].iloc[0] in ("headline_verb", "description")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Title Case: a quote in a prepositional phrase after the cue is a title
        ('Jane Doe Said She Loved Working On "Night Shift"', None),
        ('Jane Doe Called Her Critics "Total Cowards" On Twitter', "Jane Doe"),
        ('Do You Say "Tomato" Or "Tomahto"', None),  # the reader is no speaker
        # passive reporting verb with its agent at the end of the sentence
        ('The plan has been described as "reckless" by the Greens.', "Greens"),
        ("The plan is said to be 'reckless' by the end of the year.", None),
        # an unnamed speaker: a determiner and a lower-case noun before the cue
        ("The book is 'laughable', a librarian has said.", "librarian"),
        # a quote right after the verb: the subject's judgement when it is adjective-shaped
        ("Senator quits 'shameful' committee", "Senator"),
        ("Rovers win 'derby of the decade'", None),
    ],
)
def test_round_two_mechanisms(text, speaker):
    """Session 14, round 2 (tuned on the spent round-1 sets), on sentences written for this
    test: Title Case titles, passive agents, unnamed speakers, adjective-shaped objects."""
    q = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["t"], "text": [text]})))
    direct = q[q["direct"]]
    assert len(direct) >= 1
    assert direct["speaker_canonical"].iloc[0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Green MP attacked Danish 'greenwash' plan", "Green MP"),  # past tense + object
        ("Farmer jailed over 'vile' post", None),  # -ed + preposition: a passive
        ("Unions attack Tesco 'bullying'", "Unions"),  # the object's name before the quote
        ("Ofgem fines Tesco over 'misleading' adverts", "Ofgem"),
        ("Globex bankruptcy 'not our problem'", None),  # a noun ending, not a verb
        ("Rail firms 'planning fare rise'", None),  # an -ing predicate, not an adjective
        ('Acme\'s Jo Smith called the plan "a mess".', "Jo Smith"),  # possessor dropped
        ('It is "a mess", the housing minister (HM) has said.', "housing minister"),
    ],
)
def test_round_three_mechanisms(text, speaker):
    """Session 14, round 3 (tuned on the spent round-1 and round-2 sets), on sentences
    written for this test: past tense with an object, names as objects, noun endings,
    -ing predicates, possessors before a name, parenthesised acronyms, role modifiers."""
    q = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["t"], "text": [text]})))
    direct = q[q["direct"]]
    assert len(direct) == 1
    assert direct["speaker_canonical"].iloc[0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Rents showed a "summer slump" in July, landlords have said.', "landlords"),
        (
            'The show was condemned as "vile" by consumer rights campaigners in the UK.',
            "consumer rights campaigners",
        ),
        ('My Sister Started A Choir Called "Loud Mouths"', None),  # naming, not speech
        ('Rapper Called The Verdict "A Total Joke"', "Rapper"),
        ('Dear Santa, Please Add "World Peace" To Your List', None),
        ('East Anglia MEP Jo Bloggs said it was "a scandal".', "Jo Bloggs"),
    ],
)
def test_round_four_mechanisms(text, speaker):
    """Session 14, round 4 (tuned on the spent round-1 to round-3 sets), on sentences written
    for this test: a bare plural after a comma, a passive agent with modifiers and a place,
    the participle of naming, imperatives in Title Case, MEP as a title."""
    q = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["t"], "text": [text]})))
    direct = q[q["direct"]]
    assert len(direct) == 1
    assert direct["speaker_canonical"].iloc[0] == speaker
