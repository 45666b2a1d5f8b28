#!/usr/bin/env python
"""Re-execute the curated notebooks in place (for maintainers after a change).

Usage (from the repository root)::

    python tools/run_notebooks.py            # notebooks/*.ipynb and notebooks/solutions/*.ipynb
    python tools/run_notebooks.py notebooks/01_corpus_overview.ipynb   # only these
    python tools/run_notebooks.py --check    # list stale notebooks, run nothing (exit 1 if any)

Each notebook runs top to bottom in a fresh ``python3`` kernel whose working
directory is the notebook's own folder (as under ``pytest --nbval``), so
``CORPUS = "../seeds"`` in ``notebooks/`` and ``"../../seeds"`` in
``notebooks/solutions/`` both find the seeds. After a successful run the
outputs are written back into the file together with
``metadata.corpus_tools.source_hash``: a hash of the code cells' sources and
tags. ``tests/test_notebooks.py`` recomputes that hash and fails when a code
cell was edited without re-running this script (a stale notebook).

Nothing time-dependent is stored: cell timing metadata is not recorded and
``language_info`` is reduced to the language name.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
HASH_KEY = "corpus_tools"


def notebook_paths(root: Path = NOTEBOOKS) -> list[Path]:
    """Return the curated notebooks and their solutions, sorted by path."""
    found = list(root.glob("*.ipynb")) + list((root / "solutions").glob("*.ipynb"))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def source_hash(nb: dict) -> str:
    """Hash the code cells' sources and tags (what decides a notebook's outputs).

    Markdown cells are not part of the hash: editing prose does not require
    re-execution.
    """
    parts = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        src = cell["source"]
        if isinstance(src, list):
            src = "".join(src)
        tags = sorted(cell.get("metadata", {}).get("tags", []))
        parts.append({"source": src, "tags": tags})
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


def execute(path: Path, *, timeout: int = 600, kernel_name: str = "python3") -> None:
    """Execute ``path`` in place; raise on the first failing cell (file left unchanged)."""
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
    nb.metadata[HASH_KEY] = {"source_hash": source_hash(nb)}
    nbformat.validate(nb)
    nbformat.write(nb, str(path))


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "notebooks",
        nargs="*",
        type=Path,
        help="notebooks to run (default: all curated notebooks and solutions)",
    )
    parser.add_argument(
        "--check", action="store_true", help="only list stale notebooks; exit 1 if any"
    )
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    args = parser.parse_args(argv)

    paths = [p.resolve() for p in args.notebooks] or notebook_paths()
    if not paths:
        print(f"no notebooks found under {NOTEBOOKS}", file=sys.stderr)
        return 1
    if args.check:
        import nbformat

        stale = [p for p in paths if is_stale(nbformat.read(str(p), as_version=4))]
        for p in stale:
            print(f"stale: {_rel(p)}")
        return 1 if stale else 0

    failed = 0
    for p in paths:
        rel = _rel(p)
        print(f"running {rel} ...", file=sys.stderr, flush=True)
        try:
            execute(p, timeout=args.timeout)
        except Exception as exc:  # report and continue with the others
            failed += 1
            print(f"FAILED {rel}: {type(exc).__name__}: {str(exc)[-2000:]}", file=sys.stderr)
        else:
            print(f"ok     {rel}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
