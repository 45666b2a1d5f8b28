"""load_corpus(keep_raw=False): no raw text held, rebuilt exactly from text + log, same tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import template_corpus

import corpus_tools as ct
import corpus_tools.io.batches as io_batches


def _folder(df: pd.DataFrame, root: Path) -> Path:
    """``df`` written as a folder of .txt files with a metadata.csv sidecar (outlet)."""
    files = []
    for i, row in enumerate(df.itertuples()):
        path = root / f"{i // 50}" / f"{row.doc_id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(row.text, encoding="utf-8")
        files.append(f"{i // 50}/{row.doc_id}.txt")
    pd.DataFrame({"file": files, "outlet": df["outlet"]}).to_csv(root / "metadata.csv")
    return root


def _same_analysis(full: ct.Corpus, lean: ct.Corpus) -> None:
    """Every table but ``raw_text`` identical; raw texts rebuilt exactly, every way."""
    pd.testing.assert_frame_equal(
        full.docs.drop(columns="raw_text"), lean.docs.drop(columns="raw_text"), check_exact=True
    )
    pd.testing.assert_frame_equal(full.cleaning_log, lean.cleaning_log, check_exact=True)
    pd.testing.assert_frame_equal(full.skipped, lean.skipped, check_exact=True)
    assert full.keep_raw and not lean.keep_raw
    assert lean.docs["raw_text"].isna().all() and lean.docs["raw_text"].dtype == object
    raws = full.docs["raw_text"].tolist()
    assert [r for _, r in lean.iter_raw()] == raws
    assert [lean.raw(d) for d in lean.doc_ids] == raws
    assert [ct.reconstruct(lean, d) for d in lean.doc_ids] == raws
    assert lean.raw_lengths().tolist() == [len(r) for r in raws]
    assert full.raw_lengths().equals(lean.raw_lengths())
    for name in ("overview", "cleaning_summary", "cleaning_decisions", "learned_boilerplate"):
        a, b = getattr(ct, name)(full), getattr(ct, name)(lean)
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    pd.testing.assert_frame_equal(ct.tokens(full), ct.tokens(lean), check_exact=True)
    pd.testing.assert_frame_equal(
        ct.keyness(full, by="outlet"), ct.keyness(lean, by="outlet"), check_exact=True
    )
    doc = full.doc_ids[1]
    assert str(ct.cleaning_view(full, doc)) == str(ct.cleaning_view(lean, doc))


def test_lean_load_of_generated_pages_gives_the_same_tables(
    bench_generator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DataFrame and folder sources, one process and a pool: only raw_text differs."""
    monkeypatch.setattr(io_batches, "BATCH_DOCS", 32)
    df = template_corpus(bench_generator, 150)
    full = ct.load_corpus(df, n_jobs=1)
    log = full.cleaning_log
    assert (log["rule"] == "template:learned").sum() > 10  # templates learned and re-cleaned
    assert full.docs["duplicate_kind"].eq("exact").sum() == 7
    assert (full.docs["raw_text"] != full.docs["text"]).sum() > 100
    _same_analysis(full, ct.load_corpus(df, n_jobs=1, keep_raw=False))
    _same_analysis(full, ct.load_corpus(df, n_jobs=2, keep_raw=False))
    folder = _folder(df, tmp_path)
    full = ct.load_corpus(folder, n_jobs=2)
    assert (full.cleaning_log["rule"] == "template:learned").sum() > 10
    _same_analysis(full, ct.load_corpus(folder, n_jobs=2, keep_raw=False))
    _same_analysis(full, ct.load_corpus(folder, n_jobs=1, keep_raw=False))


def test_lean_load_of_the_seeds(seeds_path: Path) -> None:
    full = ct.load_corpus(seeds_path)
    lean = ct.load_corpus(seeds_path, keep_raw=False)
    assert len(lean.cleaning_log) == 28
    _same_analysis(full, lean)
    # raw_chars of the cleaning summary come from the log: 28 edits, the real raw sizes
    summary = ct.cleaning_summary(lean)
    assert summary.attrs == ct.cleaning_summary(full).attrs
    sub = lean.subset(lean.doc_ids[:2])
    assert not sub.keep_raw and sub.raw(sub.doc_ids[1]) == full.raw(sub.doc_ids[1])
    assert all(not part.keep_raw for _, part in lean.by("outlet"))


def test_lean_load_without_cleaning_and_streaming(seeds_path: Path) -> None:
    """clean=False: the raw text is the text; iter_documents(keep_raw=False) sends no raw text."""
    lean = ct.load_corpus(seeds_path, clean=False, keep_raw=False)
    assert lean.cleaning_log.empty
    assert [lean.raw(d) for d in lean.doc_ids] == lean.docs["text"].tolist()
    streamed = list(ct.iter_documents(seeds_path, keep_raw=False, n_jobs=2))
    full = ct.load_corpus(seeds_path)
    assert [d["raw_text"] for d in streamed] == [None] * 5
    rebuilt = [ct.clean.reconstruct_text(d["text"], d["cleaning_log"]) for d in streamed]
    assert rebuilt == full.docs["raw_text"].tolist()


def test_snapshot_of_a_lean_corpus_stays_lean(seeds_path: Path, tmp_path: Path) -> None:
    full = ct.load_corpus(seeds_path)
    lean = ct.load_corpus(seeds_path, keep_raw=False)
    back = ct.load_snapshot(ct.save_snapshot(lean, tmp_path / "c.pkl"))
    assert not back.keep_raw and back.docs["raw_text"].isna().all()
    assert [back.raw(d) for d in back.doc_ids] == full.docs["raw_text"].tolist()
    text_only = ct.load_snapshot(tmp_path / "c.pkl", raw=False)  # as drop_raw: raw = text
    assert text_only.keep_raw and text_only.cleaning_log.empty
    assert text_only.docs["raw_text"].tolist() == text_only.docs["text"].tolist()
    dropped = ct.drop_raw(lean)
    assert dropped.keep_raw and dropped.raw(dropped.doc_ids[0]) == dropped.text(dropped.doc_ids[0])


def test_corpus_built_lean_drops_a_given_raw_text() -> None:
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Hi.", "Yo."], "raw_text": ["x", "y"]})
    log = pd.DataFrame(
        {
            "doc_id": ["a", "a"],
            "line_no": [1, 2],
            "start": [0, 9],
            "end": [5, 15],
            "rule": ["r", "s"],
            "text": ["Menu\n", "\nShare"],
            "replacement": ["", ""],
        }
    )
    lean = ct.Corpus(docs, log, keep_raw=False)
    assert lean.docs["raw_text"].tolist() == [None, None]
    assert lean.raw("a") == "Menu\nHi.\nShare" and lean.raw("b") == "Yo."
    assert lean.raw_lengths().to_dict() == {"a": 14, "b": 3}
    assert list(lean.iter_raw()) == [("a", "Menu\nHi.\nShare"), ("b", "Yo.")]
