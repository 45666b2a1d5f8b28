"""Shared plotting conventions: palette, outlet colours, labels, plotly display.

Every figure in corpus_tools has a title that states its n, labelled axes
with units, a colour-blind-safe palette (Okabe & Ito 2008), and one fixed
colour per outlet: colours are assigned to outlets in sorted order, so the
same corpus gives the same colours in every notebook.
"""

from __future__ import annotations

import html as _html
import json
from collections.abc import Iterable
from typing import Any

__all__ = [
    "OKABE_ITO",
    "outlet_colors",
    "source_note",
    "PlotlyHTML",
    "show_plotly",
]

# Okabe, M., & Ito, K. (2008). Color Universal Design (CUD): How to make
# figures and presentations that are friendly to colorblind people.
# Black is kept last: it is reserved for "all outlets" and text.
OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
]
# Paul Tol's "muted" qualitative scheme, used after the first seven outlets.
_TOL_MUTED = [
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#DDDDDD",
]
_PALETTE = OKABE_ITO[:7] + _TOL_MUTED


def outlet_colors(outlets: Iterable[Any]) -> dict[str, str]:
    """Map each outlet to a fixed colour, assigned in sorted order.

    The same set of outlets always gets the same colours, whatever the
    order of documents. Beyond 17 outlets colours repeat.

    Examples
    --------
    >>> outlet_colors(["TASS", "SCMP", "TASS"])
    {'SCMP': '#0072B2', 'TASS': '#E69F00'}
    """
    names = sorted({str(o) for o in outlets if o is not None and o == o})
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(names)}


def source_note(n_docs: int, corpus_name: str | None = None) -> str:
    """Return the standard caption line naming the corpus and its size."""
    name = corpus_name or "corpus"
    return f"Source: {name}, n = {n_docs} document{'s' if n_docs != 1 else ''}."


class PlotlyHTML:
    """A plotly figure displayed with a fixed div id (byte-stable notebook output).

    Jupyter shows it with the native plotly renderer
    (``application/vnd.plotly.v1+json``); exported HTML uses the
    ``text/html`` part, which expects ``Plotly`` to be loaded once per page
    (``corpus-tools report`` embeds plotly.js inline, no CDN).
    """

    def __init__(self, fig: Any, div_id: str) -> None:
        self.fig = fig
        self.div_id = div_id

    def to_html(self) -> str:
        """Return the figure as an HTML fragment without plotly.js."""
        import plotly.io as pio

        return pio.to_html(
            self.fig,
            include_plotlyjs=False,
            full_html=False,
            div_id=self.div_id,
            config={"displaylogo": False, "responsive": True},
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        fig_json = json.loads(self.fig.to_json())
        title = self.fig.layout.title.text or "figure"
        return {
            "application/vnd.plotly.v1+json": {
                "data": fig_json.get("data", []),
                "layout": fig_json.get("layout", {}),
                "config": {"displaylogo": False},
            },
            "text/html": self.to_html(),
            "text/plain": f"<plotly figure {self.div_id!r}: {_html.unescape(str(title))}>",
        }


def show_plotly(fig: Any, *, div_id: str) -> PlotlyHTML:
    """Wrap a plotly figure for display with a fixed, stable div id.

    Use as the last expression of a notebook cell:
    ``show_plotly(fig, div_id="nb02-keyness")``.
    """
    return PlotlyHTML(fig, div_id)
