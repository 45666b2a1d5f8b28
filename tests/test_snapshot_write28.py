"""save_snapshot writes its file whole or not at all (session 28)."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

import corpus_tools as ct


@pytest.fixture
def corpus() -> ct.Corpus:
    return ct.load_corpus(pd.DataFrame({"text": ["One short article.", "Another one here."]}))


def test_an_error_half_way_keeps_the_old_file_and_leaves_no_part(tmp_path, corpus, monkeypatch):
    out = tmp_path / "c.pkl"
    out.write_bytes(b"old snapshot")
    calls = []

    def dump(obj, fh, protocol=None):
        calls.append(1)
        fh.write(b"half")
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(pickle, "dump", dump)
    with pytest.raises(KeyboardInterrupt):
        ct.save_snapshot(corpus, out, overwrite=True)
    assert out.read_bytes() == b"old snapshot"
    assert [p.name for p in tmp_path.iterdir()] == ["c.pkl"]


def test_a_symlink_is_replaced_not_written_through(tmp_path, corpus):
    target = tmp_path / "notes.txt"
    target.write_text("user notes")
    link = tmp_path / "c.pkl"
    link.symlink_to(target)
    assert ct.save_snapshot(corpus, link, overwrite=True) == link
    assert target.read_text() == "user notes"
    assert not link.is_symlink()
    assert ct.load_snapshot(link).docs["text"].tolist() == [
        "One short article.",
        "Another one here.",
    ]


def test_an_existing_file_is_not_overwritten(tmp_path, corpus):
    out = tmp_path / "c.pkl"
    out.write_bytes(b"keep")
    with pytest.raises(ct.CorpusValueError, match="already exists"):
        ct.save_snapshot(corpus, out)
    assert out.read_bytes() == b"keep"
