"""Notebook set-up: fixed display options so notebook outputs are byte-stable."""

from __future__ import annotations

import os
import warnings

__all__ = ["setup_notebook"]


def setup_notebook() -> None:
    """Fix pandas/matplotlib display options and silence progress bars and known warnings.

    Call once in the set-up cell of every notebook. Outputs then depend
    only on the data, not on the machine, terminal width or library noise,
    which is what strict ``pytest --nbval`` needs.
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
