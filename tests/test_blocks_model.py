"""The learned line model of the text-block classifier (data/line_model.yml)."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools import blocks
from corpus_tools.errors import DataFileError

ROOT = Path(__file__).resolve().parent.parent
BODY = (
    "Officials said on Thursday that the talks in the capital would resume next week, after "
    "a pause of more than a month in which both sides had traded blame for the failure of the "
    "last round and for the fighting that followed it."
)


def test_shipped_model_names_its_training_sets_and_command():
    text = (ROOT / "corpus_tools" / "data" / "line_model.yml").read_text(encoding="utf-8")
    head = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "article-extraction-benchmark" in head and "MIT" in head
    assert "mozilla/readability" in head and "Apache-2.0" in head
    assert "python tools/train_line_model.py" in head
    assert "development parts" in head
    m = blocks.load_line_model()
    assert m.name == "line-model"
    assert len(m.weights) == len(blocks.MODEL_FEATURES)
    assert all(math.isfinite(w) for w in m.weights) and math.isfinite(m.bias)


def test_model_score_is_the_logistic_of_the_dot_product():
    m = blocks.LineModel("t", 0.5, (1.0, -2.0), "x")
    assert blocks.model_score(m, (0.0, 0.0)) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert blocks.model_score(m, (1.0, 1.0)) == pytest.approx(1 / (1 + math.exp(0.5)))
    assert blocks.model_score(m, (0.0, 1000.0)) == 0.0  # no overflow


def test_bad_model_files_are_refused(tmp_path):
    f = tmp_path / "m.yml"
    f.write_text("bias: 1\nweights:\n  no_such_feature: 1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown features"):
        blocks.load_line_model(str(f))
    f.write_text("bias: 1\nweights:\n  log_words: yes\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="must be a number"):
        blocks.load_line_model(str(f))
    f.write_text("weights: [1, 2]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="weights"):
        blocks.load_line_model(str(f))


def _on() -> blocks.BlockSettings:
    """The shipped settings with the learned model turned on (it is off by default)."""
    return dataclasses.replace(blocks.load_block_settings(), model_good=0.5, model_bad=0.5)


def _page(doc: list[str]) -> blocks._Page:
    s = _on()
    page = blocks._page([(i, v, None) for i, v in enumerate(doc)], s)
    assert page is not None
    page.final = blocks._context_classes(page.cls)
    page.teaser = blocks._teaser_lists(page)
    return page


def test_feature_vectors_read_the_line_and_its_neighbours():
    doc = ["Home", "World", "Talks to resume next week", BODY, "see the list below:", BODY]
    page = _page(doc)
    (x,) = blocks.model_vectors(page, [4])
    f = dict(zip(blocks.MODEL_FEATURES, x, strict=True))
    assert f["log_words"] == pytest.approx(math.log1p(4))
    assert f["ends_colon"] == 1.0 and f["ends_sentence"] == 0.0
    assert f["starts_lower"] == 1.0
    assert f["good_near"] == pytest.approx(2 / 3)  # lines 2, 3 and 5 (the page ends at 5)
    assert f["short_near"] == pytest.approx(2 / 4)  # "World", "Talks ..." of lines 1-3, 5
    assert f["position"] == pytest.approx(4 / 5)
    (h,) = blocks.model_vectors(page, [2])
    g = dict(zip(blocks.MODEL_FEATURES, h, strict=True))
    assert g["title_case"] == pytest.approx(1 / 5)  # "Talks" of 5 words
    assert g["headline_like"] == 1.0 and g["digits"] == 0.0


TEASERS = [
    "Home",
    "Talks to resume next week",
    BODY,
    BODY,
    "More stories",
    "Hundreds of cool tasks and dozens of tricky questions for the whole family",
    "Sign up for our newsletter today and get the best of the week in your inbox",
    "Contact Us",
]


def test_model_removes_near_good_chrome_the_neighbours_kept():
    lines = [(i, v, None) for i, v in enumerate(TEASERS)]
    assert (blocks.load_block_settings().model_good, blocks.load_block_settings().model_bad) == (
        0.0,
        0.0,
    )  # off by default
    s = _on()
    assert [blocks.line_features(v, s).cls for v in TEASERS[5:7]] == ["near-good"] * 2
    # jusText's rule (model off): two near-good lines after the body take the body's class
    off = dataclasses.replace(s, model_good=0.0, model_bad=0.0)
    assert sorted(blocks.classify_lines(lines, off)) == [0, 7]
    out = blocks.classify_lines(lines, s)
    assert sorted(out) == [0, 4, 5, 6, 7]
    assert out[5] == (
        "block:after_body",
        "after the last body paragraph (line 4); near-good: 13 words, stopwords 0.38; "
        "bad by line-model (p=0.34)",
    )
    assert out[6][1].endswith("bad by line-model (p=0.16)")
    assert "line-model" not in out[4][1]  # a short line: the neighbours decided


def test_a_model_sure_of_article_keeps_the_line():
    lines = [(i, v, None) for i, v in enumerate(TEASERS)]
    sure = blocks.LineModel("line-model", 9.0, (0.0,) * len(blocks.MODEL_FEATURES), "t")
    orig = blocks.load_line_model
    try:
        blocks.load_line_model = lambda path=None: sure  # type: ignore[assignment]
        out = blocks.classify_lines(lines, _on())
    finally:
        blocks.load_line_model = orig
    assert 5 not in out and 6 not in out


def test_run_time_score_is_the_score_of_the_feature_vectors():
    lines = [(i, v, None) for i, v in enumerate(TEASERS)]
    s = _on()
    page = blocks._page(lines, s)
    assert page is not None
    page.final = blocks._context_classes(page.cls)
    page.teaser = blocks._teaser_lists(page)
    pos = [k for k, c in enumerate(page.cls) if c == "near-good"]
    want = {
        k: blocks.model_score(blocks.load_line_model(), x)
        for k, x in zip(pos, blocks.model_vectors(page, pos), strict=True)
    }
    for _ in range(2):  # the second time from the remembered text part
        page.final = blocks._context_classes(page.cls)
        got = blocks._model_classes(page)
        assert got.keys() <= want.keys()
        assert all(got[k] == pytest.approx(want[k], abs=1e-12) for k in got)
        assert sorted(got) == [5, 6]  # the two near-good lines, both made bad


def test_reconstruct_exact_with_the_model(tmp_path):
    raw = "\n".join(TEASERS) + "\n"
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    on = tmp_path.parent / f"{tmp_path.name}_on.yml"
    on.write_text("thresholds:\n  model_good: 0.5\n  model_bad: 0.5\n", encoding="utf-8")
    off = ct.load_corpus(tmp_path)
    assert "Hundreds" in off.docs["text"].iloc[0]  # the default: the neighbours decide
    corpus = ct.load_corpus(tmp_path, rules=ct.load_rules(blocks=on))
    doc_id = corpus.docs["doc_id"].iloc[0]
    assert ct.reconstruct(corpus, doc_id) == raw
    log = corpus.cleaning_log
    details = log[log["text"].str.startswith("Hundreds")]["detail"].tolist()
    # (load_corpus: line rules take "Home" and "Contact Us" first, so the line's
    # neighbours, and its score, differ from classify_lines alone)
    assert details and details[0].endswith("bad by line-model (p=0.21)")
    assert "Hundreds" not in corpus.docs["text"].iloc[0]


def test_training_labels_follow_the_gold_over_line_edges():
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import train_line_model as t

    gold = "Talks resume next week in the capital. Both sides agreed."
    views = ["Home", "Talks resume next week", "in the capital.", "Both sides", "agreed.", "Share"]
    got = t._line_labels(views, gold)
    # short lines inside the gold are gold (4-grams run over line edges); menus are not
    assert got == [(0.0, 1), (1.0, 4), (1.0, 3), (1.0, 2), (1.0, 1), (0.0, 1)]
    assert t._line_labels(["Nothing of it"], gold) == [(0.0, 3)]


AWARDS = [
    "Stage awards go to The Producers",
    BODY,
    BODY,
    " - Outstanding achievement in opera - Thomas Ades and the Royal Opera House",
    " - Best actor - Richard Griffiths for The History Boys at the Lyttelton theatre in London",
    " - Best set design - His Dark Materials designed by Giles Cadle at the Olivier",
]


def test_items_of_a_list_keep_the_neighbours_verdict():
    # BBC's award lists after the body: the model scores the items chrome, but items of
    # one list (both start with a list mark) keep the class their neighbours gave them
    lines = [(i, v, None) for i, v in enumerate(AWARDS)]
    s = _on()
    page = _page(AWARDS)
    pos = [k for k, c in enumerate(page.cls) if c == "near-good"]
    assert pos == [3, 4, 5]
    scores = [
        blocks.model_score(blocks.load_line_model(), x) for x in blocks.model_vectors(page, pos)
    ]
    assert all(p < 0.5 for p in scores)
    assert [blocks._in_list(page, k) for k in pos] == [True, True, True]
    assert blocks._model_classes(page) == {}  # no class changed
    assert page.final[3:] == ["good"] * 3
    assert blocks.classify_lines(lines, s) == {}
    orig = blocks._in_list
    try:
        blocks._in_list = lambda page, k: False  # type: ignore[assignment]
        page3 = _page(AWARDS)
        assert sorted(blocks._model_classes(page3)) == [3, 4, 5]  # all made bad
    finally:
        blocks._in_list = orig
    # the same lines without their marks are no list: the model decides them
    bare = [v.replace(" - ", " ", 1).strip() if v.startswith(" - ") else v for v in AWARDS]
    page2 = _page(bare)
    assert [blocks._in_list(page2, k) for k in (3, 4, 5)] == [False, False, False]


def test_pages_judged_without_stopwords_are_left_to_the_neighbours():
    zh = [
        "美樹營地賞楓",
        "一樓則是咖啡飲料賣店提供訪客來賓有個落腳席座之地二樓才會是民宿房間而且環境非常好",
        "民宿前這一大區楓香林為土質營位大致區分前後兩個營區",
        "前面這一區約可搭上十二帳車廳後面那區也大約四到五帳車廳",
        "正前方小木屋即是衛浴區男女分別以左右兩側分開燒材鍋爐。",
    ]
    page = blocks._page([(i, v, None) for i, v in enumerate(zh)], _on())
    assert page is not None and page.use_stop is False
    page.final = blocks._context_classes(page.cls)
    page.teaser = blocks._teaser_lists(page)
    assert blocks._model_classes(page) == {}
