#!/usr/bin/env python
"""Keep each notebook and its editable py:percent source in step, both ways.

Every curated notebook ``notebooks/NN_name.ipynb`` (and every solutions
notebook ``notebooks/solutions/NN_name.ipynb``) is paired with a text source
``NN_name.py`` beside it, in jupytext's ``py:percent`` format
(``notebooks/jupytext.toml``): one ``# %%`` marker per cell, Markdown cells as
``# %% [markdown]`` comments, cell tags as ``tags=["seeds-only"]`` on the
marker line. The source holds the cells (type, text, tags); the notebook adds
the cell ids and the stored outputs.

Usage (from the repository root)::

    python tools/sync_notebooks.py             # sync every pair
    python tools/sync_notebooks.py notebooks/02_source_comparison.py   # only this pair
    python tools/sync_notebooks.py --check     # list pairs that disagree (exit 1 if any)
    python tools/sync_notebooks.py --prefer notebook notebooks/02_source_comparison.ipynb

Which side wins when a source and its notebook disagree: the side that changed
since the last sync (each sync records a hash of the cells in the notebook's
metadata, ``corpus_tools.cells_hash``; a notebook without that record is
compared with the last commit, ``git show HEAD:<file>``).

- An edit to the source is written into the notebook: matching cells keep their
  ids and outputs, a cell edited in place keeps its id and its old outputs (the
  notebook is then stale until re-executed with ``tools/run_notebooks.py``), new
  cells get a stable id ``cNNN-<hash>`` (position and text).
- An edit made in JupyterLab without jupytext is pulled from the notebook into
  the source. (With jupytext installed, JupyterLab saves both files at once.)
- When both sides changed, nothing is written: the tool names the first cell
  that differs and stops. Copy the edit you want to keep into one file, then
  choose that side with ``--prefer source`` or ``--prefer notebook``.

Nothing is executed here; ``tools/run_notebooks.py`` syncs, then executes.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TEXT_FORMAT = "py:percent"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


class SyncConflict(RuntimeError):
    """Both a source and its notebook were edited; syncing would lose one edit."""


class CellKey(NamedTuple):
    """What a source decides about a cell: its type, its text and its tags."""

    cell_type: str
    source: str
    tags: tuple[str, ...]


def notebook_paths(root: Path = NOTEBOOKS) -> list[Path]:
    """Return the curated notebooks and their solutions (or their sources), sorted by path.

    A source with no notebook yet counts as its notebook-to-be.
    """
    found = {
        notebook_of(p)
        for folder in (root, root / "solutions")
        for pattern in ("0*.ipynb", "0*.py")
        for p in folder.glob(pattern)
    }
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def source_of(path: Path) -> Path:
    """Return the py:percent source paired with a notebook (or the source itself)."""
    return path.with_suffix(".py")


def notebook_of(path: Path) -> Path:
    """Return the notebook paired with a source (or the notebook itself)."""
    return path.with_suffix(".ipynb")


def _config(path: Path) -> Any:
    from jupytext.config import load_jupytext_config

    return load_jupytext_config(str(path.resolve()))


def to_text(nb: Any, path: Path) -> str:
    """Return the py:percent text of ``nb``'s cells (as JupyterLab+jupytext saves it)."""
    import jupytext

    return str(jupytext.writes(nb, fmt=TEXT_FORMAT, config=_config(path)))


def from_text(text: str, path: Path) -> Any:
    """Parse py:percent text into a notebook holding the cells only (no ids kept)."""
    import jupytext

    return jupytext.reads(text, fmt=TEXT_FORMAT, config=_config(path))


def cell_keys(nb: Any) -> list[CellKey]:
    """Return the type, text and tags of every cell (what source and notebook must share)."""
    return [CellKey(c.cell_type, c.source, tuple(c.metadata.get("tags", ()))) for c in nb.cells]


def first_difference(a: Sequence[CellKey], b: Sequence[CellKey]) -> str:
    """Describe the first cell where two cell lists differ ('' when they agree)."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            what = [f for f in CellKey._fields if getattr(x, f) != getattr(y, f)]
            return f"cell {i} ({x.cell_type}, starts {x.source[:60]!r}): {', '.join(what)} differ"
    if len(a) != len(b):
        return f"{len(a)} cells vs {len(b)} cells"
    return ""


RECORD_KEY = "corpus_tools"


def cells_hash(keys: Sequence[CellKey]) -> str:
    """Hash a list of cell keys (recorded in the notebook at each sync).

    >>> cells_hash([CellKey("code", "x = 1", ())]) == cells_hash([CellKey("code", "x = 2", ())])
    False
    """
    payload = json.dumps([list(k) for k in keys], ensure_ascii=False).encode("utf-8")
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def _record(nb: Any) -> None:
    """Store the hash of ``nb``'s cells: the state both files agreed on at this sync."""
    nb.metadata.setdefault(RECORD_KEY, {})["cells_hash"] = cells_hash(cell_keys(nb))


def recorded_hash(nb: Any) -> str | None:
    """Return the cells hash recorded at the last sync, or None."""
    return nb.metadata.get(RECORD_KEY, {}).get("cells_hash")


def stable_id(position: int, source: str, taken: set[str]) -> str:
    """Return a cell id made from the cell's position and text, unique among ``taken``."""
    digest = hashlib.blake2b(f"{position}\0{source}".encode(), digest_size=4).hexdigest()
    cid = f"c{position:03d}-{digest}"
    while cid in taken:
        cid += "x"
    return cid


# What the source decides about a cell's metadata: its tags, and jupytext's layout hints
# (blank lines before the next cell, so a `ruff format`ted source survives a round trip).
TEXT_METADATA = ("tags", "cell_marker", "lines_to_next_cell", "lines_to_end_of_cell_marker")


def _carry_over(new: Any, old: Any) -> None:
    """Give ``new`` the id, outputs and other metadata of ``old`` (same cell type)."""
    new["id"] = old["id"]
    kept = {k: v for k, v in old.metadata.items() if k not in TEXT_METADATA}
    new.metadata = type(old.metadata)({**kept, **new.metadata})
    if new.cell_type == "code":
        new["outputs"] = old.get("outputs", [])
        new["execution_count"] = old.get("execution_count")
    if "attachments" in old:
        new["attachments"] = old["attachments"]


def _fresh(cell: Any) -> None:
    meta = {k: cell.metadata[k] for k in TEXT_METADATA if cell.metadata.get(k)}
    if "tags" in meta:
        meta["tags"] = list(meta["tags"])
    cell.metadata = type(cell.metadata)(meta)
    if cell.cell_type == "code":
        cell["outputs"] = []
        cell["execution_count"] = None


def _pair_edited(old_cells: Sequence[Any], new_cells: Sequence[Any]) -> None:
    """Carry ids and outputs over between edited cells whose types line up in order."""
    types = difflib.SequenceMatcher(
        a=[c.cell_type for c in old_cells], b=[c.cell_type for c in new_cells], autojunk=False
    )
    for a0, b0, size in types.get_matching_blocks():
        for o, n in zip(old_cells[a0 : a0 + size], new_cells[b0 : b0 + size], strict=True):
            _carry_over(n, o)


def merge(inputs: Any, old: Any | None) -> Any:
    """Return ``inputs``' cells carrying the ids, outputs and metadata of ``old``'s cells.

    Cells are matched by type and text (``difflib`` alignment); inside a block
    of edited cells, cells are paired in order where their types line up (an
    edited cell keeps its id and its old outputs until it is re-executed).
    Cells with no match are new: empty outputs and a stable id.
    """
    import nbformat

    nb = nbformat.v4.new_notebook()
    if old is None:
        nb.metadata = nbformat.NotebookNode(
            {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
        )
    else:
        nb.metadata = old.metadata
        nb.nbformat, nb.nbformat_minor = old.nbformat, old.nbformat_minor
    new_cells, old_cells = list(inputs.cells), list(old.cells) if old is not None else []
    for cell in new_cells:
        _fresh(cell)
        cell["id"] = None
    matcher = difflib.SequenceMatcher(
        a=[(c.cell_type, c.source) for c in old_cells],
        b=[(c.cell_type, c.source) for c in new_cells],
        autojunk=False,
    )
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            for o, n in zip(old_cells[a0:a1], new_cells[b0:b1], strict=True):
                _carry_over(n, o)
        elif op == "replace":  # edited cells: pair them in order where the cell types line up
            _pair_edited(old_cells[a0:a1], new_cells[b0:b1])
    taken = {c["id"] for c in new_cells if c["id"]}
    for i, cell in enumerate(new_cells):
        if not cell["id"]:
            cell["id"] = stable_id(i, cell.source, taken)
            taken.add(cell["id"])
    nb.cells = new_cells
    _record(nb)
    nbformat.validate(nb)
    return nb


def _committed(path: Path) -> str | None:
    """Return the text of ``path`` at git HEAD, or None (not in git, not committed)."""
    try:
        rel = path.resolve().relative_to(ROOT).as_posix()
        res = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"HEAD:{rel}"],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (ValueError, OSError, subprocess.SubprocessError):
        return None
    return res.stdout.decode("utf-8") if res.returncode == 0 else None


def _changed_since_commit(path: Path, keys: list[CellKey]) -> bool:
    import nbformat

    text = _committed(path)
    if text is None:
        return True
    if path.suffix == ".ipynb":
        return cell_keys(nbformat.reads(text, as_version=4)) != keys
    return cell_keys(from_text(text, path)) != keys


def write_notebook(nb: Any, path: Path) -> None:
    """Write ``nb`` as the repository stores notebooks (nbformat's sorted, indented JSON)."""
    import nbformat

    nbformat.write(nb, str(path))


def sync(path: Path, prefer: str | None = None, *, write: bool = True) -> str:
    """Bring one source/notebook pair into agreement; return what was done.

    ``prefer`` ('source' or 'notebook') settles a conflict. Raises
    :class:`SyncConflict` when both sides changed and no side is preferred.
    With ``write=False`` nothing is written and the return value says what
    would be done.
    """
    import nbformat

    src, ipynb = source_of(path), notebook_of(path)
    if not src.exists() and not ipynb.exists():
        raise FileNotFoundError(f"neither {src} nor {ipynb} exists")
    if not src.exists():
        if write:
            src.write_text(to_text(nbformat.read(str(ipynb), as_version=4), src), "utf-8")
        return "source created from notebook"
    text = src.read_text(encoding="utf-8")
    if not ipynb.exists():
        if write:
            write_notebook(merge(from_text(text, src), None), ipynb)
        return "notebook created from source"
    nb = nbformat.read(str(ipynb), as_version=4)
    src_keys, nb_keys = cell_keys(from_text(text, src)), cell_keys(nb)
    if src_keys == nb_keys:
        if to_text(nb, src) == text:
            if write and recorded_hash(nb) != cells_hash(nb_keys):
                _record(nb)  # e.g. after JupyterLab with jupytext saved both files
                write_notebook(nb, ipynb)
            return "in sync"
        winner, done = "source", "notebook layout updated from source"  # blank lines only
    else:
        winner = prefer or _winner(src, src_keys, ipynb, nb, nb_keys)
        done = f"{'notebook' if winner == 'source' else 'source'} updated from {winner}"
    if write and winner == "source":
        write_notebook(merge(from_text(text, src), nb), ipynb)
    elif write:
        src.write_text(to_text(nb, src), encoding="utf-8")
        _record(nb)
        write_notebook(nb, ipynb)
    return done


def _winner(
    src: Path, src_keys: list[CellKey], ipynb: Path, nb: Any, nb_keys: list[CellKey]
) -> str:
    """Return the side edited since the last sync (or, with no record, the last commit)."""
    base = recorded_hash(nb)
    if base is not None:
        src_changed, nb_changed = cells_hash(src_keys) != base, cells_hash(nb_keys) != base
        since = "the last sync"
    else:
        src_changed = _changed_since_commit(src, src_keys)
        nb_changed = _changed_since_commit(ipynb, nb_keys)
        since = "the last commit"
    if src_changed != nb_changed:
        return "source" if src_changed else "notebook"
    raise SyncConflict(
        f"{_rel(src)} and {_rel(ipynb)} disagree at {first_difference(src_keys, nb_keys)}, and "
        + (f"both changed since {since}" if src_changed else f"neither changed since {since}")
        + ". Nothing was written. Copy the edit you want to keep into one file, then run "
        f"`python tools/sync_notebooks.py --prefer source {_rel(src)}` "
        "(or `--prefer notebook`)."
    )


def _rel(path: Path) -> str:
    path = path.resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help="notebooks or sources (default: every pair)"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; list pairs that disagree"
    )
    parser.add_argument(
        "--prefer", choices=["source", "notebook"], help="the side that wins a conflict"
    )
    args = parser.parse_args(argv)
    paths = [notebook_of(p.resolve()) for p in args.paths] or notebook_paths()
    status = 0
    for p in paths:
        try:
            done = sync(p, args.prefer, write=not args.check)
        except SyncConflict as exc:
            print(f"CONFLICT {exc}", file=sys.stderr)
            status = 1
            continue
        if args.check and done != "in sync":
            status = 1
            print(f"out of sync: {_rel(p)} ({done.replace('updated', 'would be updated')})")
        elif done != "in sync":
            print(f"{_rel(p)}: {done}")
    return status


if __name__ == "__main__":
    sys.exit(main())
