"""Small notebooks for tests, built cell by cell (the curated notebooks live in notebooks/*.py).

>>> nb = new_notebook([setup_cell(), parameters_cell(CORPUS='"../seeds"  # corpus'), code("1")])
>>> [c.cell_type for c in nb.cells], nb.cells[1].metadata["tags"]
(['code', 'code', 'code'], ['parameters'])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

SETUP_SOURCE = (
    "import pandas as pd\n\nimport corpus_tools as ct\nfrom corpus_tools import plots\n\n"
    "ct.setup_notebook()"
)
"""The set-up cell every curated notebook starts with (tests/test_notebooks.py checks it)."""

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def md(text: str, tags: Sequence[str] = ()) -> nbformat.NotebookNode:
    """Return a markdown cell with optional cell tags."""
    cell = new_markdown_cell(text)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def code(src: str, tags: Sequence[str] = ()) -> nbformat.NotebookNode:
    """Return a code cell with optional cell tags."""
    cell = new_code_cell(src)
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def setup_cell() -> nbformat.NotebookNode:
    """Return the standard set-up cell."""
    return code(SETUP_SOURCE)


def parameters_cell(**params: str) -> nbformat.NotebookNode:
    """Return a papermill ``parameters`` cell; each value is the right-hand side as source text."""
    return code("\n".join(f"{name} = {rhs}" for name, rhs in params.items()), ["parameters"])


def new_notebook(cells: Iterable[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """Return a v4 notebook with the python3 kernelspec."""
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    nb.metadata = nbformat.NotebookNode(
        {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    )
    return nb


def write(nb: nbformat.NotebookNode, path: str | Path) -> Path:
    """Validate and write ``nb`` to ``path`` (folders created); return the path."""
    path = Path(path)
    nbformat.validate(nb)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path
