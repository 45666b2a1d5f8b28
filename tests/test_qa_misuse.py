"""Public API called carelessly: clear errors naming the argument, never a raw crash or a silent overwrite."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct

TEXTS = [
    "The minister said talks with China would resume on Monday. Officials met in Paris.",
    "Russia and China held talks. The minister said the meeting in Paris went well.",
    "Markets rose 3% on Monday as officials in Paris praised the talks with China.",
]


@pytest.fixture(scope="module")
def corpus() -> ct.Corpus:
    return ct.load_corpus(pd.DataFrame({"text": TEXTS, "outlet": ["A", "B", "A"]}))


def test_to_csv_safe_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mine.csv"
    target.write_text("precious\n")
    with pytest.raises(
        ct.CorpusValueError, match=r"path=.*mine\.csv.*already exists.*overwrite=True"
    ):
        ct.to_csv_safe(pd.DataFrame({"a": [1]}), target)
    assert target.read_text() == "precious\n"
    with pytest.raises(ct.CorpusValueError, match=r"path=.* is a folder"):
        ct.to_csv_safe(pd.DataFrame({"a": [1]}), tmp_path)
    ct.to_csv_safe(pd.DataFrame({"a": [1]}), target, overwrite=True)
    assert target.read_text().splitlines() == ["a", "1"]


def test_save_snapshot_never_overwrites(tmp_path: Path, corpus: ct.Corpus) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("precious\n")
    with pytest.raises(ct.CorpusValueError, match=r"path=.*notes\.txt.*already exists"):
        ct.save_snapshot(corpus, target)
    assert target.read_text() == "precious\n"
    with pytest.raises(ct.CorpusValueError, match=r"path=.* is a folder"):
        ct.save_snapshot(corpus, tmp_path)
    back = ct.load_snapshot(ct.save_snapshot(corpus, target, overwrite=True))
    assert back.docs["text"].tolist() == corpus.docs["text"].tolist()


def test_write_network_never_overwrites(tmp_path: Path, corpus: ct.Corpus) -> None:
    g = ct.network(
        ct.cooccurrence(corpus, min_count=1), ct.actor_mentions(corpus), min_mentions=1, min_count=1
    )
    target = tmp_path / "net.graphml"
    target.write_text("precious\n")
    with pytest.raises(ct.CorpusValueError, match=r"path=.*net\.graphml.*already exists"):
        ct.write_network(g, target)
    assert target.read_text() == "precious\n"
    assert ct.write_network(g, target, overwrite=True) == target
    assert "<graphml" in target.read_text()
