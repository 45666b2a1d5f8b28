"""Session 42 front-end benchmark: the table says which build it measured (issue 18).

``bench_frontend.compiled_modules`` names the imported ``corpus_tools`` modules that
are compiled extensions (a ``.so`` beside the ``.py``); ``ours`` records them and the
stage line of the table shows them, or "none (pure Python)".
"""

from __future__ import annotations

import importlib.machinery
import sys
import types

import pytest
from conftest import bench_module


def _fake(name: str, file: str) -> types.ModuleType:
    mod = types.ModuleType(name)
    mod.__file__ = file
    return mod


def test_compiled_modules_are_the_extension_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    so = "/x/corpus_tools/zz_fast.cpython-311-x86_64-linux-gnu.so"
    monkeypatch.setitem(sys.modules, "corpus_tools.zz_fast", _fake("corpus_tools.zz_fast", so))
    monkeypatch.setitem(
        sys.modules, "corpus_tools.zz_pure", _fake("corpus_tools.zz_pure", "/x/p.py")
    )
    monkeypatch.setitem(sys.modules, "zz_other", _fake("zz_other", "/x/zz_other.so"))
    # the build guard's compiled module: __file__ on the .py, loaded from the .so
    guarded = _fake("corpus_tools.zz_guarded", "/x/corpus_tools/zz_guarded.py")
    guarded.__spec__ = importlib.machinery.ModuleSpec("corpus_tools.zz_guarded", None, origin=so)
    monkeypatch.setitem(sys.modules, "corpus_tools.zz_guarded", guarded)
    with bench_module("bench_frontend") as bench:
        got = bench.compiled_modules()
    assert "corpus_tools.zz_fast" in got and "corpus_tools.zz_guarded" in got
    assert "corpus_tools.zz_pure" not in got and "zz_other" not in got


def _res(compiled: list[str]) -> dict[str, dict[str, object]]:
    row = {"n_docs": 4, "seconds": 2.0, "cpu": 2.0, "peak_mb": 9.0, "load": 1.0}
    return {"ours": row | {"stages": {"load": [1.0, 1.0, 0.5]}, "compiled": compiled}}


def test_the_stage_line_names_the_build() -> None:
    with bench_module("bench_frontend") as bench:
        built = bench.table(4, _res(["corpus_tools.tokenize", "corpus_tools.io.readers"]))
        pure = bench.table(4, _res([]))
    assert built[-1].split("|")[2].endswith("compiled modules: tokenize, io.readers ")
    assert "compiled modules: none (pure Python)" in pure[-1]
