"""Tests for corpus_tools.framing: codebook, frame hits, summaries, Krippendorff's alpha."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct


def test_codebook_has_generic_and_policy_frames():
    cb = ct.load_codebook()
    generic = [f for f, s in cb.frames.items() if s["family"] == "generic"]
    assert generic == [
        "conflict",
        "human_interest",
        "responsibility",
        "morality",
        "economic_consequences",
    ]
    for name, spec in cb.frames.items():
        assert (
            spec["definition"] and spec["questions"] and (spec.get("cues") or spec.get("phrases"))
        ), name
    assert {
        "security_defense",
        "legality",
        "external_regulation_reputation",
        "health_safety",
        "political",
    } <= set(cb.frames)
    assert cb.meta["version"] == 1


def test_codebook_rejects_unknown_key(tmp_path):
    p = tmp_path / "cb.yml"
    p.write_text(
        "meta: {name: x}\nframes:\n  conflict:\n    cues: [clash*]\n    keywords: [x]\n",
        encoding="utf-8",
    )
    with pytest.raises(
        ct.DataFileError,
        match=r"cb\.yml, frame 'conflict': unknown key\(s\) \['keywords'\]; allowed: .*spelling",
    ):
        ct.load_codebook(p)


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("frames: {}\n", r"cb\.yml, key 'frames': is empty; map each frame name"),
        ("frames:\n  a: {definition: x}\n", r"cb\.yml, frame 'a': has no 'cues' or 'phrases'"),
        (
            "frames:\n  a: {cues: [x], requires_any: {y: [z]}}\n",
            r"frame 'a', key 'requires_any', key 'y': 'y' is not one of its cues",
        ),
        ("frames:\n  a: {cues: x}\n", r"frame 'a', key 'cues': must be a list .*; write one"),
        ("frames:\n  a: {cues: [x, 3]}\n", r"key 'cues', item 2: must be a text .* not int 3"),
        ("frames: [\n", "not valid YAML"),
        ("- x\n", r"cb\.yml: must be a mapping .*; expected a mapping with a non-empty 'frames'"),
    ],
)
def test_codebook_errors(tmp_path, yaml_text, message):
    p = tmp_path / "cb.yml"
    p.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ct.DataFileError, match=message):
        ct.load_codebook(p)


def test_user_codebook(tmp_path, corpus_from_texts):
    p = tmp_path / "cb.yml"
    p.write_text(
        "meta: {name: mine}\nframes:\n  weather:\n    cues: [rain*]\n    phrases: [heavy snow]\n"
        "    exclude: [rain check]\n",
        encoding="utf-8",
    )
    c = corpus_from_texts({"a": "Rains fell. Heavy-snow warnings. Take a rain check."})
    h = ct.frames(c, codebook=p)
    assert h[["sent_id", "cue", "start", "end"]].values.tolist() == [
        [0, "rain*", 0, 5],
        [1, "heavy snow", 12, 22],
    ]


@pytest.mark.parametrize(
    ("text", "frame", "cues"),
    [
        (
            "Tensions flared and both sides clashed.",
            "conflict",
            ["tension*", "both sides", "clash*"],
        ),
        ("The human cost of the war is high.", "economic_consequences", []),
        (
            "Sanctions will cost billions of dollars.",
            "economic_consequences",
            ["sanction*", "cost*", "billion*"],
        ),
        ("The UN Security Council met.", "security_defense", []),
        ("Troops launched a ground invasion.", "security_defense", ["troop*", "ground invasion"]),
        ("He spoke of a clash of schedules.", "conflict", []),
    ],
)
def test_frame_cues(corpus_from_texts, text, frame, cues):
    h = ct.frames(corpus_from_texts({"a": text}))
    sub = h[h["frame"] == frame]
    assert sub["cue"].tolist() == cues
    for r in h.itertuples():
        assert r.end > r.start and text[r.start : r.end].strip() == text[r.start : r.end]


def test_frames_offsets_on_seeds(seed_corpus):
    h = ct.frames(seed_corpus)
    assert list(h.columns) == ct.FRAME_COLUMNS
    texts = dict(iter(seed_corpus))
    sents = seed_corpus.sentences().set_index(["doc_id", "sent_id"])
    for r in h.itertuples():
        s = sents.loc[(r.doc_id, r.sent_id)]
        assert s["start"] <= r.start < r.end <= s["end"]
        assert texts[r.doc_id][r.start : r.end]


def test_frame_summary_worked_example(corpus_from_texts):
    # docs/methods.md, section "Frames": 400 words, 20 sentences; conflict cues in sentences 3, 5, 9 (two in 9)
    filler = ["alpha"] * 19
    sents = []
    for i in range(20):
        words = list(filler)
        if i == 3:
            words[0] = "clash"
        if i == 5:
            words[0] = "tensions"
        if i == 9:
            words[0], words[1] = "accused", "rejected"
        sents.append(" ".join(words) + " end.")
    text = " ".join(sents)
    c = corpus_from_texts({"w": text})
    s = ct.frame_summary(ct.frames(c), c, by="doc_id")
    row = s[s["frame"] == "conflict"].iloc[0]
    assert (row["n_words"], row["n_sentences"]) == (400, 20)
    assert (row["hits"], row["rate_per_1000"], row["sentence_share"], row["present"]) == (
        4,
        10.0,
        0.15,
        True,
    )
    assert row["min_sentences"] == 2


def test_frame_summary_by_outlet_counts(corpus_from_texts):
    c = corpus_from_texts(
        {"a": "Tensions rose. Calm.", "b": "Clashes. Clashes again.", "c": "Nothing."},
        outlet={"a": "X", "b": "X", "c": "Y"},
    )
    s = ct.frame_summary(ct.frames(c), c, by="outlet")
    x = s[(s["group"] == "X") & (s["frame"] == "conflict")].iloc[0]
    assert (
        x["hits"],
        x["sentences_with_frame"],
        x["n_sentences"],
        x["n_docs"],
        x["docs_present"],
    ) == (3, 3, 4, 2, 1)
    assert s["group"].tolist() == sorted(s["group"].tolist())
    assert len(s) == 2 * len(ct.load_codebook().frames)


def test_frame_evidence_and_sample(seed_corpus):
    h = ct.frames(seed_corpus)
    ev = ct.frame_evidence(h, seed_corpus, by="outlet", top=2)
    assert ev.groupby(["group", "frame"]).size().max() <= 2
    texts = dict(iter(seed_corpus))
    for r in ev.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.sentence
    s1 = ct.frame_coding_sample(h, seed_corpus, "conflict", n=20, seed=3)
    s2 = ct.frame_coding_sample(h, seed_corpus, "conflict", n=20, seed=3)
    pd.testing.assert_frame_equal(s1, s2)
    assert len(s1) == 20 and s1["dictionary"].sum() == 10


KRIPP = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


@pytest.mark.parametrize(
    ("data", "level", "alpha"),
    [
        ([[1, 1, 0, 0, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 0, 0, 1, 1]], "nominal", 0.548),
        ([[0] * 9 + [1], [0] * 8 + [1, 0]], "nominal", -0.056),
        ([[1, 2, 3], [1, 2, 3]], "nominal", 1.0),
        # Krippendorff's published example: 4 coders, 12 units, missing values
        (KRIPP, "nominal", 0.743),
        (KRIPP, "interval", 0.849),
        (KRIPP, "ratio", 0.797),
    ],
)
def test_krippendorff_alpha(data, level, alpha):
    assert round(ct.krippendorff_alpha(data, level=level), 3) == alpha


def test_krippendorff_alpha_errors():
    with pytest.raises(ct.CorpusValueError):
        ct.krippendorff_alpha([[1, 2, 3]])
    with pytest.raises(ct.CorpusValueError, match="level"):
        ct.krippendorff_alpha([[1], [1]], level="ordinalish")
    assert np.isnan(ct.krippendorff_alpha([[1, 1], [1, 1]]))


def test_frame_offsets_after_length_changing_lowercase(corpus_from_texts):
    """'İ' lower-cases to two characters: hits after it keep the offsets of the text."""
    text = "İstanbul officials may İNDEED clash; KİEV tensions rose."
    c = corpus_from_texts({"a": text})
    hits = ct.frames(c)
    got = hits.loc[hits["frame"] == "conflict", ["cue", "start", "end"]].values.tolist()
    assert got == [["clash*", 30, 35], ["tension*", 42, 50]]
    assert [text[s:e] for _, s, e in got] == ["clash", "tensions"]


def test_codebook_extend_mapping_and_file(tmp_path, corpus_from_texts):
    c = corpus_from_texts({"a": "A bitter spat. Glarping began."})
    assert "conflict" not in set(ct.frames(c)["frame"])
    cb = ct.load_codebook(extend={"frames": {"conflict": {"cues": ["spat*"]}}})
    assert cb.frames["conflict"]["cues"][-1] == "spat*"
    assert cb.name == "frames.yml + extend"
    hits = ct.frames(c, codebook=cb)
    assert hits.loc[hits["frame"] == "conflict", ["cue", "start"]].values.tolist() == [["spat*", 9]]
    more = tmp_path / "more.yml"
    more.write_text("frames:\n  glarp:\n    cues: [glarp*]\n", encoding="utf-8")
    cb = ct.load_codebook(extend=more)
    assert list(cb.frames)[-1] == "glarp" and cb.name == "frames.yml + more.yml"
    assert ct.frames(c, codebook=cb).query("frame == 'glarp'")["start"].tolist() == [15]
    more.write_text("frames:\n  glarp:\n    cues: glarp*\n", encoding="utf-8")
    with pytest.raises(
        ct.DataFileError, match=r"more\.yml, frame 'glarp', key 'cues': must be a list"
    ):
        ct.load_codebook(extend=more)
