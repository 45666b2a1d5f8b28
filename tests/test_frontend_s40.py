"""Session 40 front-end benchmark: a corpus another script wrote, and memory by stage.

- ``bench_frontend.corpus_folder``: ``long`` and the ``bench_counts`` kinds are built,
  any other name is ``<root>/<name><N>`` as it is (real_corpus.py's distinct real
  articles), or an exit naming the folder that is missing;
- ``ours`` reports the loading process's resident and peak memory after each stage.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import bench_module


def _write(root: Path, name: str, texts: list[str]) -> Path:
    out = root / name
    sub = out / "txt" / "0000"
    sub.mkdir(parents=True)
    for k, t in enumerate(texts):
        (sub / f"d{k}.txt").write_text(t, encoding="utf-8")
    rows = ["file,outlet"] + [f"0000/d{k}.txt,o{k % 2}" for k in range(len(texts))]
    (out / "txt" / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


def test_another_scripts_corpus_is_read_as_it_is(tmp_path: Path) -> None:
    with bench_module("bench_frontend") as bench:
        made = _write(tmp_path, "realnews4", ["A b c.", "D e f.", "G h i.", "J k l."])
        assert bench.corpus_folder("realnews", 4, root=tmp_path) == made
        with pytest.raises(SystemExit, match="realnews5/txt not found"):
            bench.corpus_folder("realnews", 5, root=tmp_path)


def test_ours_reports_memory_after_each_stage(tmp_path: Path) -> None:
    texts = [f"Story {k}. The minister said on Monday that talks went on.\n" for k in range(6)]
    folder = _write(tmp_path, "x6", texts)
    with bench_module("bench_frontend") as bench:
        res = bench.ours(folder, 1)
    assert res["n_docs"] == 6 and res["sents"] == 12
    assert list(res["memory"]) == ["load", "sentences", "tokens"]
    for rss, peak in res["memory"].values():
        assert 0 < rss <= peak
    peaks = [p for _, p in res["memory"].values()]
    assert peaks == sorted(peaks)  # the peak so far never falls


def test_a_row_that_read_no_document_has_no_ratio() -> None:
    res = {
        "ours": {
            "n_docs": 4,
            "seconds": 2.0,
            "cpu": 2.0,
            "peak_mb": 9.0,
            "load": 1.0,
            "stages": {},
        },
        "nltk": {"n_docs": 0, "out": 0, "seconds": 1e-5, "cpu": 1e-5, "peak_mb": 9.0, "load": 1.0},
        "spacy": {"n_docs": 4, "seconds": 4.0, "cpu": 4.0, "peak_mb": 9.0, "load": 1.0},
    }
    with bench_module("bench_frontend") as bench:
        lines = bench.table(4, res)
        goal = bench.targets(4, res)
    assert "no document read" in lines[1] and "2.00x wall (ours)" in lines[2]
    assert [ln.split("|")[2].strip() for ln in goal] == [">= 1.5x spacy"]
