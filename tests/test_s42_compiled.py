"""Compiled modules (setup.py, corpus_tools/_compiled.py): same results, and no stale build.

The cleaner's modules are compiled with Cython from their ``.py`` sources when the
package is installed with a compiler. These tests check that the compiled and the
pure-Python modules clean alike (text and log rows), that a compiled file whose
``.py`` was edited after the build is not run, and that CI (which has gcc) runs
the compiled modules.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import corpus_tools as ct
from corpus_tools import _compiled

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(ct.__file__).resolve().parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]

# Child process: clean every text (whole, lines reversed, first half) and print one
# digest of the cleaned text and log rows per text, with the modules' states.
CHILD = r"""
import gzip, hashlib, json, sys
from pathlib import Path
import corpus_tools as ct
from corpus_tools.io.html import extract_html

root = Path(sys.argv[1])
texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted((root / "seeds").glob("*.txt"))]
texts += [
    p.read_bytes().decode("utf-8", "replace")
    for p in sorted((root / "tests" / "data").rglob("*.txt"))
]
for page in sorted((root / "tests" / "data" / "real").rglob("*.html.gz")):
    html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
    texts += [extract_html(html)[0], html]
variants = []
for text in texts:
    lines = text.splitlines()
    variants += [text, "\n".join(reversed(lines)), "\n".join(lines[: len(lines) // 2])]
rules = ct.load_rules()
digests = []
for text in variants:
    clean, log = ct.clean_text(text, rules=rules)
    digest = hashlib.sha256(clean.encode("utf-8", "surrogatepass"))
    digest.update(repr(log).encode("utf-8", "surrogatepass"))
    digests.append(digest.hexdigest())
print(json.dumps({"states": ct.compiled_modules(), "digests": digests}))
"""


def _run(code: str, *args: str, pure: bool = False, path: Path = ROOT) -> str:
    env = {**os.environ, "PYTHONPATH": str(path), _compiled.PURE_ENV: "1" if pure else "0"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=path,  # the current folder comes first on sys.path
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout + "\n" + done.stderr


def _json(output: str) -> dict:
    """The JSON line the child printed (stderr may follow it)."""
    return dict(json.loads([line for line in output.splitlines() if line.startswith("{")][-1]))


def test_compiled_and_pure_clean_alike() -> None:
    """Same cleaned text and log rows on the seeds, test texts and real pages."""
    pure = _json(_run(CHILD, str(ROOT), pure=True, path=PACKAGE.parent))
    built = _json(_run(CHILD, str(ROOT), path=PACKAGE.parent))
    assert set(pure["states"].values()) <= {_compiled.NO_BUILD, _compiled.PURE_ASKED}
    assert len(pure["digests"]) > 300
    assert built["digests"] == pure["digests"]
    compiled = {m for m, s in built["states"].items() if s == _compiled.COMPILED_STATE}
    assert compiled == {m for m, s in pure["states"].items() if s == _compiled.PURE_ASKED}


def test_ci_runs_the_compiled_modules() -> None:
    """CI installs with gcc: there every listed module runs compiled (not a skip)."""
    states = ct.compiled_modules()
    assert sorted(states) == sorted(f"corpus_tools.{m}" for m in _compiled.COMPILED)
    for name, state in states.items():
        origin = str(sys.modules[name].__spec__.origin)
        assert (state == _compiled.COMPILED_STATE) == origin.endswith(SUFFIX), (name, state)
    if os.environ.get("CI") == "true" and os.environ.get(_compiled.PURE_ENV, "") != "1":
        assert set(states.values()) == {_compiled.COMPILED_STATE}, states


def test_compiled_module_reads_its_source() -> None:
    """``__file__`` is the .py (doctests, inspect); ``__spec__.origin`` what runs."""
    import inspect

    import corpus_tools.clean as clean

    assert clean.__file__ == str(PACKAGE / "clean.py")
    assert "def clean_text(" in inspect.getsource(clean)


def _copy(tmp: Path) -> Path:
    """A copy of the package (with whatever was built) to edit."""
    shutil.copytree(PACKAGE, tmp / "corpus_tools", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp / "corpus_tools"


STATES = "import json, corpus_tools as ct; print(json.dumps(ct.compiled_modules()))"


def _states(output: str) -> dict[str, str]:
    return _json(output)


def test_stale_build_runs_the_py_with_one_warning(tmp_path: Path) -> None:
    """A .py edited after the build: its .py runs (not the .so), with one warning."""
    copy = _copy(tmp_path)
    # a compiled file that cannot load: importing it would fail the import
    (copy / f"prose{SUFFIX}").write_bytes(b"not a shared object")
    record = {**_compiled.read_record(copy), "prose": _compiled.source_hash(copy, "prose")}
    (copy / _compiled.RECORD).write_text(json.dumps({"modules": record}))
    with (copy / "prose.py").open("a") as f:
        f.write("\n# edited after the build\n")
    code = "import warnings; warnings.simplefilter('always'); " + STATES
    out = _run(code, path=tmp_path)
    assert _states(out)["corpus_tools.prose"] == _compiled.STALE
    assert out.count("RuntimeWarning") == 1
    assert "corpus_tools/prose.py changed" in out and "pip install -e ." in out


def test_pure_env_and_unrecorded_build(tmp_path: Path) -> None:
    """CORPUS_TOOLS_PURE_PYTHON=1 runs the .py silently; a .so with no record is stale."""
    copy = _copy(tmp_path)
    (copy / f"blocks{SUFFIX}").write_bytes(b"not a shared object")
    (copy / _compiled.RECORD).unlink(missing_ok=True)
    out = _run(STATES, pure=True, path=tmp_path)
    assert _states(out)["corpus_tools.blocks"] == _compiled.PURE_ASKED
    assert "RuntimeWarning" not in out
    out = _run(STATES, path=tmp_path)
    assert _states(out)["corpus_tools.blocks"] == _compiled.STALE


def test_decide_follows_the_recorded_hash(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("x = 1\n")
    assert _compiled.decide(tmp_path, ["m"], pure=False) == {"m": _compiled.NO_BUILD}
    (tmp_path / f"m{SUFFIX}").write_bytes(b"")
    digest = _compiled.source_hash(tmp_path, "m")
    assert digest == hashlib.sha256(b".py" + b"x = 1\n").hexdigest()
    (tmp_path / _compiled.RECORD).write_text(json.dumps({"modules": {"m": digest}}))
    assert _compiled.decide(tmp_path, ["m"], pure=False) == {"m": _compiled.COMPILED_STATE}
    assert _compiled.decide(tmp_path, ["m"], pure=True) == {"m": _compiled.PURE_ASKED}
    (tmp_path / "m.pxd").write_text("cdef int x\n")  # a new declaration: rebuild
    assert _compiled.decide(tmp_path, ["m"], pure=False) == {"m": _compiled.STALE}
    (tmp_path / _compiled.RECORD).write_text("{not json")
    assert _compiled.decide(tmp_path, ["m"], pure=False) == {"m": _compiled.STALE}
    assert _compiled.read_build(tmp_path) == ""  # setup.py then writes the C files again
    (tmp_path / _compiled.RECORD).write_text(json.dumps({"build": "Cython 3.3.1 [...]"}))
    assert _compiled.read_build(tmp_path) == "Cython 3.3.1 [...]"


def test_setup_lists_the_same_modules() -> None:
    """setup.py compiles what _compiled guards (it reads the one list)."""
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert "_compiled.COMPILED" in setup and "optional=True" in setup
    build = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"cython>=3.0"' in build
    for module in _compiled.COMPILED:
        assert (PACKAGE / f"{module}.py").is_file()
