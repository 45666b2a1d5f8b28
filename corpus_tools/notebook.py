"""Notebook set-up: fixed display options so notebook outputs are byte-stable."""

from __future__ import annotations

import os
import sys
import warnings
from typing import Any, TextIO

__all__ = ["setup_notebook", "show_warning"]


def show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Print a warning as one plain line, without the file path and line number.

    Installed by :func:`setup_notebook` as :func:`warnings.showwarning`, so a
    notebook page (and a report made from it) shows what the warning says,
    never a temporary kernel path such as ``/tmp/ipykernel_123/456.py:3``.
    The package's own warnings read as notes.

    Examples
    --------
    >>> from corpus_tools.errors import CorpusToolsWarning
    >>> show_warning(CorpusToolsWarning("few documents"), CorpusToolsWarning, "/tmp/x.py", 3,
    ...              file=sys.stdout)
    Note: few documents
    >>> show_warning(UserWarning("odd"), UserWarning, "/tmp/x.py", 3, file=sys.stdout)
    UserWarning: odd
    """
    from .errors import CorpusToolsWarning

    label = "Note" if issubclass(category, CorpusToolsWarning) else category.__name__
    stream: Any = sys.stderr if file is None else file
    try:
        stream.write(f"{label}: {message}\n")
    except (OSError, ValueError):  # a closed stream: nowhere to show it
        pass


def setup_notebook() -> None:
    """Fix pandas/matplotlib display options and silence progress bars and known warnings.

    Call once in the set-up cell of every notebook. Outputs then depend
    only on the data, not on the machine, terminal width or library noise,
    which is what strict ``pytest --nbval`` needs.

    In a Jupyter kernel it also stops IPython from keeping every displayed
    result in ``Out`` and ``_`` (assign what you want to keep): a displayed
    corpus or table of a large corpus would otherwise stay in memory for the
    kernel's lifetime, even after the notebook has let it go.
    """
    import matplotlib
    import pandas as pd

    os.environ["TQDM_DISABLE"] = "1"
    pd.set_option("display.width", 120)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_rows", 40)
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.precision", 3)
    matplotlib.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.figsize": (8.0, 4.5),
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "corpus_tools",
        }
    )
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.showwarning = show_warning
    keep_no_outputs()


def keep_no_outputs() -> bool:
    """Stop the running IPython shell from caching displayed results; True when there was one.

    Examples
    --------
    >>> keep_no_outputs()  # no IPython shell under doctest
    False
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every Jupyter kernel
        return False
    hook = getattr(get_ipython(), "displayhook", None)
    if hook is None or not hasattr(hook, "cache_size"):
        return False
    hook.cache_size = 0  # DisplayHook.update_user_ns stores nothing when the size is 0
    return True
