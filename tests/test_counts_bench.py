"""bench_counts.py reads a corpus another benchmark wrote (``--corpora long``) as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import bench_module


def test_an_unknown_corpus_kind_is_read_from_its_folder_never_generated(tmp_path):
    with bench_module("bench_counts") as bc:
        with pytest.raises(SystemExit, match="long5/txt not found"):
            bc.ensure("long", 5, Path("/nonexistent"), root=tmp_path)
        assert not (tmp_path / "long5").exists()  # nothing written
        (tmp_path / "long5" / "txt").mkdir(parents=True)
        assert bc.ensure("long", 5, Path("/nonexistent"), root=tmp_path) == tmp_path / "long5"
        assert list((tmp_path / "long5").iterdir()) == [tmp_path / "long5" / "txt"]
