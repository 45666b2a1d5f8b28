"""A pool that starts after the first batch: that batch is WARM_DOCS documents, cleaned here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import corpus_tools as ct
import corpus_tools.io.batches as io_batches


def _folder(root: Path, n: int) -> None:
    for k in range(n):
        words = " ".join(f"w{(k * 7 + j) % 97}" for j in range(40))
        (root / f"{k:03d}.txt").write_text(f"Title {k}\n\nBody {k} says {words}.\n", "utf-8")


@pytest.mark.parametrize(
    ("n_jobs", "inline", "here"),
    [
        (2, 40, [8]),  # an explicit pool: 8 documents warm this process, 32 go to the workers
        (None, 40, [8]),  # the default on a folder of INLINE_DOCS files or more: the same
        (None, 41, [16, 16, 8]),  # fewer files than INLINE_DOCS: no pool, whole batches here
        (1, 40, [16, 16, 8]),  # one process: every batch here
    ],
)
def test_first_batch_before_a_pool_only_warms_this_process(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    n_jobs: int | None,
    inline: int,
    here: list[int],
) -> None:
    _folder(tmp_path, 40)
    monkeypatch.setattr(io_batches, "BATCH_DOCS", 16)
    monkeypatch.setattr(io_batches, "INLINE_DOCS", inline)
    sizes: list[int] = []
    real = io_batches.work_batch

    def counted(items: list[Any], *args: Any, **kw: Any) -> Any:
        sizes.append(len(items))  # in this process only: the workers' calls stay in theirs
        return real(items, *args, **kw)

    monkeypatch.setattr(io_batches, "work_batch", counted)
    kw: dict[str, Any] = {} if n_jobs is None else {"n_jobs": n_jobs}
    got = ct.load_corpus(tmp_path, **kw)
    assert sizes == here
    one = ct.load_corpus(tmp_path, n_jobs=1)
    pd.testing.assert_frame_equal(got.docs, one.docs)
    pd.testing.assert_frame_equal(got.cleaning_log, one.cleaning_log)
    assert got.docs["title"].tolist()[:2] == ["Title 0", "Title 1"]
