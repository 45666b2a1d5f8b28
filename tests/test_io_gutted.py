"""A very long document that cleaning nearly empties is named in a warning (QA stop 20:
a crawler dump of 150 pages saved as one 2.4 MB file kept 39,828 characters, silently)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.io import load as load_module

BODY = "The council approved the plan on Monday after a debate of four hours.\n\n"
CHROME = "Share this article\n\n"


def _gutted_warnings(docs: pd.DataFrame) -> list[str]:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        ct.load_corpus(docs)
    return [str(w.message) for w in seen if "cleaning kept less than" in str(w.message)]


def test_a_long_document_cleaned_to_almost_nothing_is_named(monkeypatch) -> None:
    monkeypatch.setattr(load_module, "GUTTED_MIN_CHARS", 2_000)
    dump = BODY + CHROME * 200  # 4,100 raw characters, 71 kept
    docs = pd.DataFrame({"doc_id": ["dump", "story"], "text": [dump, BODY * 40]})
    msgs = _gutted_warnings(docs)
    assert len(msgs) == 1
    raw = len(dump)
    assert f"'dump' ({raw:,} -> {len(BODY.strip()):,} characters)" in msgs[0]
    assert "split it into one article per file" in msgs[0]
    assert "'story'" not in msgs[0]


def test_short_or_mostly_kept_documents_give_no_warning(monkeypatch) -> None:
    # under the length bound: a short page that is mostly chrome is ordinary
    docs = pd.DataFrame({"doc_id": ["page"], "text": [BODY + CHROME * 200]})
    assert _gutted_warnings(docs) == []
    # over the bound but mostly kept
    monkeypatch.setattr(load_module, "GUTTED_MIN_CHARS", 2_000)
    docs = pd.DataFrame({"doc_id": ["long"], "text": [BODY * 60 + CHROME * 5]})
    assert _gutted_warnings(docs) == []


def test_the_seeds_give_no_warning() -> None:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        c = ct.load_corpus(seeds)
    assert len(c.docs) == 5
    assert not [w for w in seen if "cleaning kept less than" in str(w.message)]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_raw_length_is_rebuilt_from_the_log(monkeypatch, n_jobs: int) -> None:
    monkeypatch.setattr(load_module, "GUTTED_MIN_CHARS", 1_000)
    text = "Talks in Doha\n\n" + CHROME * 100
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        c = ct.load_corpus(pd.DataFrame({"doc_id": ["d"], "text": [text]}), n_jobs=n_jobs)
    assert ct.reconstruct(c, "d") == text
    msg = [str(w.message) for w in seen if "cleaning kept" in str(w.message)]
    assert msg and f"({len(text):,} -> {c.docs['n_chars'].iloc[0]:,} characters)" in msg[0]
