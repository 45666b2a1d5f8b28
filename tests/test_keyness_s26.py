"""Session 26: keyness's size warning points at the user's line on every path.

``keyness_dask`` calls ``keyness_from_counts``, which calls ``keyness_table``: the warning
used a fixed number of frames and pointed into scale.py (S25 note, "Layout").
"""

from __future__ import annotations

import importlib
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from test_keyness_topn import _DOCS  # the same four documents

import corpus_tools as ct
from corpus_tools import scale
from corpus_tools.stream import keyness_from_counts, stream_counts

kmod = importlib.import_module("corpus_tools.keyness")  # ct.keyness is the function


def _one_warning(call) -> warnings.WarningMessage:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    size = [w for w in caught if "rows (over" in str(w.message)]
    assert len(size) == 1, [str(w.message) for w in caught]
    return size[0]


def test_the_size_warning_points_at_the_users_line_on_every_path(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(kmod, "FULL_TABLE_ROWS", 2)
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "".join(json.dumps(r) + "\n" for r in _DOCS.to_dict("records")), encoding="utf-8"
    )
    counts = stream_counts(_DOCS, clean=False, mentions=False)
    calls = {
        "keyness": lambda: ct.keyness(ct.Corpus(_DOCS.copy()), min_count=1, min_docs=1),
        "keyness_from_counts": lambda: keyness_from_counts(counts, min_count=1, min_docs=1),
        "keyness_table": lambda: kmod.keyness_table(counts.group_counts(), min_count=1, min_docs=1),
        "keyness_dask": lambda: scale.keyness_dask(path, min_count=1, min_docs=1, clean=False),
    }
    for name, call in calls.items():
        w = _one_warning(call)
        assert Path(w.filename) == Path(__file__), (name, w.filename, w.lineno)
        # the lambda's line above: the user's own call, not a line inside the package
        assert "lambda" in Path(__file__).read_text().splitlines()[w.lineno - 1], name


def test_the_dask_path_warns_with_the_same_rows_as_keyness(monkeypatch, tmp_path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "".join(json.dumps(r) + "\n" for r in _DOCS.to_dict("records")), encoding="utf-8"
    )
    full = ct.keyness(ct.Corpus(_DOCS.copy()), min_count=1, min_docs=1)
    monkeypatch.setattr(kmod, "FULL_TABLE_ROWS", len(full) - 1)
    with pytest.warns(ct.CorpusToolsWarning, match="rows \\(over"):
        got = scale.keyness_dask(path, min_count=1, min_docs=1, clean=False)
    cols = ["group", "term", "count", "count_rest", "n_docs", "z"]
    expected = full[full["count"] > 0].reset_index(drop=True)[cols]
    pd.testing.assert_frame_equal(got[cols].reset_index(drop=True), expected)


def test_one_group_warning_still_points_at_the_keyness_call() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ct.keyness(ct.Corpus(_DOCS.assign(outlet="X")), min_count=1, min_docs=1)
    one = [w for w in caught if "1 group" in str(w.message)]
    assert len(one) == 1 and Path(one[0].filename) == Path(__file__)
