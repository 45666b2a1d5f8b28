"""Shared nbformat helpers for the notebook builder scripts (``build_0N.py``).

A builder script lists a notebook's cells in order and writes the file::

    from common import md, code, setup_cell, parameters_cell, new_notebook, write

    cells = [
        md("# Title\\n\\nOne-sentence promise."),
        setup_cell(),
        parameters_cell(CORPUS='"../seeds"  # folder or file to analyse'),
        code("ct.load_corpus(CORPUS)"),
    ]
    write(new_notebook(cells), "01_corpus_overview.ipynb")

Then execute it in place (outputs + source hash) with::

    python tools/run_notebooks.py notebooks/01_corpus_overview.ipynb

Writing a notebook with the builder drops its outputs; ``write`` keeps the
cell ids stable (derived from the cell position and source), so rebuilding
an unchanged notebook gives an identical file.
"""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

__all__ = [
    "SETUP_SOURCE",
    "KERNELSPEC",
    "SEEDS_ONLY",
    "md",
    "seeds_md",
    "code",
    "setup_cell",
    "parameters_cell",
    "new_notebook",
    "write",
]

SETUP_SOURCE = (
    "import pandas as pd\n"
    "import corpus_tools as ct\n"
    "from corpus_tools import plots\n"
    "ct.setup_notebook()"
)

SEEDS_ONLY = "seeds-only"
"""Cell tag for prose or code that states facts about the default seed corpus.

``corpus-tools report`` leaves these cells out when it runs a notebook on any
other corpus, and ``tests/test_notebooks.py`` checks that no remaining cell
names the seeds."""

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}


def _clean(text: str) -> str:
    """Dedent and strip surrounding blank lines (so triple-quoted cells read well)."""
    return textwrap.dedent(text).strip("\n")


def md(text: str, tags: Sequence[str] = ()) -> nbformat.NotebookNode:
    """Return a markdown cell (text is dedented and stripped) with optional cell tags."""
    cell = new_markdown_cell(_clean(text))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def seeds_md(text: str) -> nbformat.NotebookNode:
    """Return a markdown cell about the seed corpus, tagged ``seeds-only``."""
    return md(text, tags=[SEEDS_ONLY])


def code(src: str, tags: Sequence[str] = ()) -> nbformat.NotebookNode:
    """Return a code cell (source dedented and stripped) with optional cell tags."""
    cell = new_code_cell(_clean(src))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def setup_cell() -> nbformat.NotebookNode:
    """Return the standard set-up cell every notebook starts with."""
    return code(SETUP_SOURCE)


def parameters_cell(**params: str) -> nbformat.NotebookNode:
    """Return the papermill ``parameters`` cell.

    Each keyword is an UPPER_CASE name; its value is the literal source text
    of the right-hand side, including the comment, e.g.
    ``parameters_cell(CORPUS='"../seeds"  # folder or file to analyse')``.
    """
    lines = []
    for name, rhs in params.items():
        if name != name.upper():
            raise ValueError(f"parameter {name!r} must be UPPER_CASE")
        lines.append(f"{name} = {rhs}")
    return code("\n".join(lines), tags=["parameters"])


def new_notebook(cells: Iterable[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """Return a v4 notebook with the python3 kernelspec and no timestamps."""
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    nb.metadata = nbformat.NotebookNode(
        {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    )
    return nb


def _stable_ids(nb: nbformat.NotebookNode) -> None:
    seen: set[str] = set()
    for i, cell in enumerate(nb.cells):
        digest = hashlib.blake2b(f"{i}\0{cell.source}".encode(), digest_size=4).hexdigest()
        cid = f"c{i:03d}-{digest}"
        while cid in seen:  # cannot happen with the position prefix, kept for safety
            cid += "x"
        seen.add(cid)
        cell["id"] = cid


def write(nb: nbformat.NotebookNode, path: str | Path) -> Path:
    """Validate and write ``nb`` to ``path`` (outputs cleared, stable cell ids)."""
    path = Path(path)
    _stable_ids(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.validate(nb)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path
