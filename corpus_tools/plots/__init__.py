"""Figures from corpus_tools tables: one function per figure kind.

Plot functions take a tidy table and return a figure object without
showing it (matplotlib ``Figure`` or plotly ``Figure``); they never compute
analysis themselves. Interactive figures are shown in notebooks through
:func:`show_plotly` with a fixed div id.
"""

from __future__ import annotations

from ._base import OKABE_ITO, PlotlyHTML, outlet_colors, show_plotly, source_note

__all__ = ["OKABE_ITO", "PlotlyHTML", "outlet_colors", "show_plotly", "source_note"]
