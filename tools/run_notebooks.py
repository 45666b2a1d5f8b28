#!/usr/bin/env python
"""Sync each notebook with its py:percent source, then re-execute it in place.

Usage (from the repository root)::

    python tools/run_notebooks.py            # notebooks/0*.ipynb and notebooks/solutions/0*.ipynb
    python tools/run_notebooks.py notebooks/01_corpus_overview.py   # only these (.py or .ipynb)
    python tools/run_notebooks.py --check    # list stale or unsynced notebooks, run nothing
    python tools/run_notebooks.py --out /tmp/run notebooks/02_source_comparison.ipynb
                                             # execute into a copy; the committed file is kept

The text sources (``notebooks/NN_name.py``, paired by ``notebooks/jupytext.toml``)
are what people edit. Before running, each notebook is brought into step with
its source by ``tools/sync_notebooks.py`` (an edited source is written into the
notebook keeping cell ids; an edit made in JupyterLab is pulled into the
source); when both were edited nothing runs for that notebook (a conflict).

Each notebook runs top to bottom in a fresh ``python3`` kernel whose working
directory is the notebook's own folder (as under ``pytest --nbval``), so
``CORPUS = "../seeds"`` in ``notebooks/`` and ``"../../seeds"`` in
``notebooks/solutions/`` both find the seeds. After a successful run the
outputs are written back into the file together with
``metadata.corpus_tools.source_hash``: a hash of the code cells' syntax trees
and tags (so ``ruff format`` or a comment edit does not need a re-run).
``tests/test_notebooks.py`` recomputes that hash and fails when a code cell
was edited without re-running this script (a stale notebook).

Nothing time-dependent is stored: cell timing metadata is not recorded and
``language_info`` is reduced to the language name.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from sync_notebooks import (  # noqa: E402
    NOTEBOOKS,
    SyncConflict,
    notebook_of,
    notebook_paths,
    source_of,
    sync,
)

HASH_KEY = "corpus_tools"


def code_fingerprint(source: str) -> str:
    r"""Return what decides a code cell's outputs: its syntax tree (layout and comments aside).

    Cells that are not plain Python (IPython magics) are taken as written.

    >>> code_fingerprint("x = [1,\n  2]  # two") == code_fingerprint("x = [1, 2]")
    True
    >>> code_fingerprint("x = 1") == code_fingerprint("x = 2")
    False
    """
    try:
        return ast.dump(ast.parse(source))
    except SyntaxError:
        return source


def source_hash(nb: dict) -> str:
    """Hash the code cells' syntax trees and tags (what decides a notebook's outputs).

    Markdown cells are not part of the hash: editing prose does not require
    re-execution; nor does reformatting code or editing a comment.
    """
    parts = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        src = cell["source"]
        if isinstance(src, list):
            src = "".join(src)
        tags = sorted(cell.get("metadata", {}).get("tags", []))
        parts.append({"code": code_fingerprint(src), "tags": tags})
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def stored_hash(nb: dict) -> str | None:
    """Return the source hash written at the last execution, or None."""
    return nb.get("metadata", {}).get(HASH_KEY, {}).get("source_hash")


def is_stale(nb: dict) -> bool:
    """True when the code cells changed since the notebook was last executed."""
    return stored_hash(nb) != source_hash(nb)


def _tidy_metadata(nb) -> None:
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("ExecuteTime", None)


def execute(
    path: Path, *, timeout: int = 600, kernel_name: str = "python3", out: Path | None = None
) -> Path:
    """Execute ``path``; write it in place or to ``out`` (a folder); raise on the first failing cell.

    The kernel runs in the notebook's own folder whatever ``out`` is, so relative
    paths such as ``../seeds`` resolve as under nbval. On failure nothing is written.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    os.environ.setdefault("TQDM_DISABLE", "1")
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    from corpus_tools.report import coalesce_streams

    coalesce_streams(nb)
    _tidy_metadata(nb)
    nb.metadata.setdefault(HASH_KEY, {})["source_hash"] = source_hash(nb)
    nbformat.validate(nb)
    rel = path.relative_to(NOTEBOOKS) if path.is_relative_to(NOTEBOOKS) else Path(path.name)
    target = path if out is None else out / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(target))
    return target


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def _can_sync(path: Path) -> bool:
    """True when ``path`` has a source and jupytext is installed (else say why, once)."""
    if not source_of(path).exists():
        return False
    if importlib.util.find_spec("jupytext") is not None:
        return True
    if not _WARNED:
        _WARNED.append(True)
        print(
            "note: jupytext is not installed, so notebooks are not compared with their .py "
            'sources (install it with: pip install -c constraints.txt -e ".[dev]")',
            file=sys.stderr,
        )
    return False


_WARNED: list[bool] = []


def check(paths: Sequence[Path]) -> int:
    """Print notebooks that disagree with their source or are stale; return 1 if any."""
    import nbformat

    bad = 0
    for p in paths:
        try:
            done = sync(p, write=False) if _can_sync(p) else "in sync"
        except SyncConflict as exc:
            done = f"conflict: {exc}"
        if done != "in sync":
            bad += 1
            print(f"unsynced: {_rel(p)} ({done.replace('updated', 'would be updated')})")
        elif is_stale(nbformat.read(str(p), as_version=4)):
            bad += 1
            print(f"stale: {_rel(p)}")
    return 1 if bad else 0


def run(paths: Sequence[Path], *, timeout: int, out: Path | None) -> int:
    """Sync then execute each notebook; report and go on after a failure; return 1 if any."""
    failed = 0
    for p in paths:
        rel = _rel(p)
        print(f"running {rel} ...", file=sys.stderr, flush=True)
        try:
            done = sync(p) if _can_sync(p) else "in sync"  # no source: run as is
            if done != "in sync":
                print(f"synced {rel}: {done}", file=sys.stderr)
            execute(p, timeout=timeout, out=out)
        except Exception as exc:  # report and continue with the others
            failed += 1
            print(f"FAILED {rel}: {type(exc).__name__}: {str(exc)[-2000:]}", file=sys.stderr)
        else:
            print(f"ok     {rel}", file=sys.stderr)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "notebooks",
        nargs="*",
        type=Path,
        help="notebooks or their .py sources (default: all curated notebooks and solutions)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="only list notebooks that are stale or disagree with their source; exit 1 if any",
    )
    parser.add_argument(
        "--out", type=Path, help="write executed notebooks under this folder, not in place"
    )
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    args = parser.parse_args(argv)

    paths = [notebook_of(p.resolve()) for p in args.notebooks] or notebook_paths()
    if not paths:
        print(f"no notebooks found under {NOTEBOOKS}", file=sys.stderr)
        return 1
    if args.check:
        return check(paths)
    return run(paths, timeout=args.timeout, out=args.out.resolve() if args.out else None)


if __name__ == "__main__":
    sys.exit(main())
