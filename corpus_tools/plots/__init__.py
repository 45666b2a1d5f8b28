"""Figures from corpus_tools tables: one function per figure kind.

Plot functions take a tidy table and return a figure object without
showing it (matplotlib ``Figure`` or plotly ``Figure``); they never compute
analysis themselves. Interactive figures are shown in notebooks through
:func:`show_plotly` with a fixed div id.
"""

from __future__ import annotations

from ._base import OKABE_ITO, PlotlyHTML, label_tag, outlet_colors, show_plotly, source_note

__all__ = [
    "OKABE_ITO",
    "PlotlyHTML",
    "label_tag",
    "outlet_colors",
    "show_plotly",
    "source_note",
]

from . import compare as _compare
from . import network as _network
from . import overview as _overview
from . import stance as _stance
from .compare import *  # noqa: F401,F403,E402
from .network import *  # noqa: F401,F403,E402
from .overview import *  # noqa: F401,F403,E402
from .stance import *  # noqa: F401,F403,E402

__all__ = sorted(
    {*__all__, *_overview.__all__, *_compare.__all__, *_stance.__all__, *_network.__all__}
)
