"""Shared plotting conventions: palette, outlet colours, labels, plotly display.

Every figure in corpus_tools has a title that states its n, labelled axes
with units, a colour-blind-safe palette (Okabe & Ito 2008), and one fixed
colour per outlet: colours are assigned to outlets in sorted order, so the
same corpus gives the same colours in every notebook.
"""

from __future__ import annotations

import html as _html
import json
import zlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

__all__ = [
    "OKABE_ITO",
    "outlet_colors",
    "shown_colors",
    "source_note",
    "PlotlyHTML",
    "show_plotly",
    "plot_label",
    "middle_label",
    "label_tag",
    "top_by_size",
    "cap_phrase",
    "tight",
    "relative_luminance",
    "contrast_ratio",
    "text_color_on",
    "distinct_colors",
    "whole_table",
    "plotly_text",
    "CATEGORY_PALETTE",
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
# After Okabe-Ito's seven: Paul Tol's wine, indigo and sand, the three "muted" colours
# farthest from Okabe-Ito (with them the first ten keep Okabe-Ito's own minimum CIELAB
# distance, 26.4; 17.0 under simulated deuteranopia (Machado et al. 2009), 20.7 protanopia).
_FAR_FROM_OKABE_ITO = ["#882255", "#332288", "#DDCC77"]
# Colours 11-17, each chosen in turn as the one farthest (smallest CIELAB distance under
# normal vision, deuteranopia and protanopia, to every colour before it and to the black
# and grey the figures reserve) from a pool of Tol's bright/vibrant/muted/dark and Kelly's
# colours readable on white. Tol's other muted colours had stood there: the 11th, pale
# blue #88CCEE, was 14.4 from sky blue #56B4E9 and the 12th, teal #44AA99, 4.3 from
# reddish purple #CC79A7 under deuteranopia, so outlets 11-15 of a timeline read as
# repeats of 1-10; now the 17 are at least 18.9 apart (12.9 deuteranopia, 13.5 protanopia).
_PAST_TEN = ["#882D17", "#99DDFF", "#222255", "#C2B280", "#663333", "#999933", "#117733"]
_PALETTE = OKABE_ITO[:7] + _FAR_FROM_OKABE_ITO + _PAST_TEN
PALETTE = tuple(_PALETTE)  # 17 distinct colours, Okabe-Ito first
PALETTE_SIZE = len(_PALETTE)  # distinct category colours before grouping into "other"
# The same 17 in the same order (once a separate order for the share bars' segments).
CATEGORY_PALETTE = PALETTE


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


def shown_colors(names: Iterable[Any], shown: Iterable[Any]) -> dict[str, str]:
    """Colours for a figure that draws only ``shown`` of ``names``: fixed when they fit, else distinct.

    While every name fits the palette, each keeps its corpus-wide colour
    (:func:`outlet_colors`), the same in every figure. Past the palette the
    corpus-wide colours repeat, so two of the drawn groups could share one:
    then the drawn groups are coloured among themselves instead, in the order
    ``shown`` gives them (largest first where the figure draws so): the first ten
    get the colours farthest apart.

    Examples
    --------
    >>> many = [f"Outlet {i:03d}" for i in range(300)]
    >>> len(set(shown_colors(many, many[:8]).values()))
    8
    >>> shown_colors(["SCMP", "TASS"], ["TASS"]) == outlet_colors(["SCMP", "TASS"])
    True
    """
    every = {str(n) for n in names if n is not None and n == n}
    if len(every) <= len(_PALETTE):
        return outlet_colors(every)
    # coloured among themselves: in CATEGORY_PALETTE's order, whose first ten are farthest
    # apart (15 drawn of 564 outlets put TechNadu's yellow beside Times of India's sand, and
    # Benzinga's blue beside Daily Mail's sky blue, in the outlet palette's order)
    # in the order drawn (the callers draw largest first), so the ten colours farthest apart
    # go to the largest groups
    drawn = list(dict.fromkeys(str(o) for o in shown if o is not None and o == o))
    return {n: CATEGORY_PALETTE[i % len(CATEGORY_PALETTE)] for i, n in enumerate(drawn)}


def relative_luminance(color: Any) -> float:
    """Return the WCAG 2 relative luminance (0 = black, 1 = white) of a matplotlib colour.

    Examples
    --------
    >>> round(relative_luminance("white"), 3), round(relative_luminance("#000000"), 3)
    (1.0, 0.0)
    """
    from matplotlib.colors import to_rgb

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(float(c)) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Any, b: Any) -> float:
    """Return the WCAG 2 contrast ratio (1 to 21) between two colours.

    Examples
    --------
    >>> round(contrast_ratio("white", "black"), 1)
    21.0
    """
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_color_on(background: Any) -> str:
    """Return ``"black"`` or ``"white"``, whichever contrasts more with ``background``.

    Used for the numbers written in heatmap cells: the cell colour comes from
    the colormap, so dark text goes on light cells (viridis yellow) and white
    text on dark ones (viridis purple).

    Examples
    --------
    >>> text_color_on("#fde725"), text_color_on("#440154")  # viridis top and bottom
    ('black', 'white')
    """
    return (
        "black"
        if contrast_ratio(background, "black") >= contrast_ratio(background, "white")
        else "white"
    )


def distinct_colors(
    names: Iterable[Any],
    fixed: dict[str, str] | None = None,
    *,
    other: str = "#999999",
    palette: Iterable[str] | None = None,
) -> dict[str, str]:
    """Map each name to a colour no other name shares; names past the palette get ``other``.

    ``fixed`` names keep their colour (e.g. the usual colour of an actor
    type); the rest take, in sorted order, palette colours no fixed name
    uses (present or not, so a fixed colour means the same in every figure). When the palette runs out, the remaining names share the grey
    ``other`` colour, and a figure should pool them under one legend entry. ``palette``
    (default :data:`PALETTE`) gives the colours to take from, in order.

    Examples
    --------
    >>> distinct_colors(["b", "a", "c"], {"c": "#0072B2"})
    {'a': '#E69F00', 'b': '#009E73', 'c': '#0072B2'}
    """
    fixed = dict(fixed or {})
    names = sorted({str(n) for n in names})
    out = {n: fixed[n] for n in names if n in fixed}
    reserved = set(fixed.values()) | {other}  # a fixed colour means that name in every figure
    free = [c for c in (_PALETTE if palette is None else palette) if c not in reserved]
    for n in names:
        if n not in out:
            out[n] = free.pop(0) if free else other
    return dict(sorted(out.items()))


def source_note(n_docs: int, corpus_name: str | None = None) -> str:
    """Return the standard caption line naming the corpus and its size."""
    name = corpus_name or "corpus"
    return f"Source: {name}, n = {n_docs:,} document{'s' if n_docs != 1 else ''}."


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


# --------------------------------------------------------------------------
# labels: corpus text drawn by matplotlib
# --------------------------------------------------------------------------
PLACEHOLDER = "\u25a1"  # WHITE SQUARE: stands for a character the font cannot draw
_CONTROL = {c: " " for c in range(32)} | {0x7F: " "}
# bidirectional controls: matplotlib honours them, so an outlet named "\u202eevil\u202c Times"
# was drawn as "live Times"; shown as "?" (as corpus_tools.cli.printable does in a terminal)
_CONTROL |= {
    c: "?" for c in (0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def plotly_text(value: Any) -> str:
    """Corpus text for a plotly title, label, legend or hover: markup escaped, drawn as stored.

    Plotly reads ``<``, ``>`` and ``&`` as markup, so they are escaped; it shows
    ``&quot;`` literally (an outlet 'The "Daily"' was drawn as 'The &quot;Daily&quot;'),
    so quotes are left as they are (the text is never an attribute). Line breaks and
    bidirectional controls are replaced as in :func:`plot_label`: the legend drew an
    outlet "\u202eevil" as "live".

    Examples
    --------
    >>> plotly_text('The "Daily" <Post> & Co')
    'The "Daily" &lt;Post&gt; &amp; Co'
    >>> plotly_text("Le Monde " + chr(0x202E) + "evil")
    'Le Monde ?evil'
    """
    return _html.escape(str(value).translate(_CONTROL), quote=False)


@lru_cache(maxsize=8)
def _drawable(families: tuple[str, ...]) -> frozenset[int]:
    """Code points the configured matplotlib fonts can draw (union over the fallback list)."""
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    names: list[str] = []
    rc: Any = matplotlib.rcParams
    for fam in families:
        key = f"font.{fam}"
        if key in rc:  # a generic family: its configured list
            names.extend(rc[key])
        else:
            names.append(fam)
    paths: set[str] = set()
    for name in names:
        try:
            paths.add(
                font_manager.findfont(
                    font_manager.FontProperties(family=[name]), fallback_to_default=False
                )
            )
        except ValueError:
            continue
    if not paths:
        paths.add(font_manager.findfont(font_manager.FontProperties()))
    codes: set[int] = set()
    for path in sorted(paths):
        try:
            codes.update(FT2Font(path).get_charmap())
        except (OSError, RuntimeError):  # pragma: no cover - unreadable font file
            continue
    return frozenset(codes)


def plot_label(value: Any, max_len: int | None = 40) -> str:
    """Return ``value`` as a label that matplotlib draws literally and completely.

    * shortened to ``max_len`` characters with an ellipsis (``None``: no limit);
    * characters the configured font cannot draw (e.g. CJK in DejaVu Sans)
      replaced by a white square, so no "Glyph ... missing" warning appears;
      a label left with no drawable letter or digit gets a four-character tag
      from its full text (``#3f2a``), so two such names (``人民日报`` and
      ``环球时报``) never share a label;
    * line breaks and control characters replaced by spaces, bidirectional
      controls (right-to-left override, isolates, marks) by ``?``, so a name
      is drawn as it is stored, never visually reordered;
    * dollar signs escaped, so ``$x^$`` is text, never mathtext (``_`` and
      ``^`` are only special inside mathtext).

    The full label stays in the table the figure was drawn from.

    Examples
    --------
    >>> print(plot_label("$x^$ Post"))
    \\$x^\\$ Post
    >>> plot_label("A very long outlet name that goes on and on", max_len=20)
    'A very long outlet…'
    >>> plot_label("新华社 Xinhua") == "\\u25a1" * 3 + " Xinhua"
    True
    >>> plot_label("人民日报") == "\\u25a1" * 4 + " #" + label_tag("人民日报")
    True
    """
    import matplotlib

    text = str(value).translate(_CONTROL)
    if max_len is not None and len(text) > max_len:
        text = text[: max(max_len - 1, 1)].rstrip() + "\u2026"
    fam = matplotlib.rcParams["font.family"]
    ok = _drawable(tuple([fam] if isinstance(fam, str) else fam))
    placeholder = PLACEHOLDER if ord(PLACEHOLDER) in ok else "?"
    if not text.isascii():
        drawn = "".join(c if ord(c) in ok else (" " if c.isspace() else placeholder) for c in text)
        if drawn != text and not any(c.isalnum() for c in drawn if c != placeholder):
            drawn += " #" + label_tag(value)  # nothing readable left: keep names apart
        text = drawn
    return text.replace("\\$", "$").replace("$", "\\$")


def middle_label(value: Any, max_len: int) -> str:
    """:func:`plot_label` of ``value`` shortened in the middle to ``max_len`` characters.

    Document ids of feeds and web pages share a long start (``cid://https://www.site.com/2026/...``)
    and differ at the end: cut at the end, ten rows of a figure read the same. The cut is made
    before escaping, so a dollar sign is never split from its escape.

    >>> middle_label("cid://https://www.example-herald.com/2026/08/12/storm-nears", 30)
    'cid://https://…/12/storm-nears'
    >>> middle_label("short", 30)
    'short'
    """
    text = str(value)
    if len(text) > max_len:
        head = (max_len - 1) // 2
        text = f"{text[:head]}\u2026{text[len(text) - (max_len - 1 - head) :]}"
    return plot_label(text, None)


def label_tag(value: Any) -> str:
    """Return the four-hex-digit tag :func:`plot_label` adds to a name it cannot draw.

    Stable across runs and machines (CRC-32 of the UTF-8 text), so the tag in
    a figure can be looked up in its table:
    ``table[table.outlet.map(plots.label_tag) == "3f2a"]``.

    Examples
    --------
    >>> label_tag("人民日报") == label_tag("人民日报") != label_tag("环球时报")
    True
    """
    return f"{zlib.crc32(str(value).encode('utf-8', 'surrogatepass')) & 0xFFFF:04x}"


def top_by_size(sizes: Any, top_n: int | None) -> list[str]:
    """Return the names of the ``top_n`` largest items, largest first (ties by name).

    ``sizes`` maps name -> size (a dict or a pandas Series); ``top_n=None``
    keeps all of them.

    Examples
    --------
    >>> top_by_size({"b": 3, "a": 3, "c": 9, "d": 1}, 3)
    ['c', 'a', 'b']
    """
    items = sorted(((str(k), float(v)) for k, v in dict(sizes).items()), key=lambda kv: kv[0])
    items.sort(key=lambda kv: -kv[1])
    names = [k for k, _ in items]
    return names if top_n is None else names[: max(int(top_n), 0)]


def cap_phrase(shown: int, total: int, noun: str, plural: str | None = None) -> str:
    """Say how many items a figure shows: ``"top 12 of 756 outlets"`` or ``"5 outlets"``.

    Examples
    --------
    >>> cap_phrase(12, 756, "outlet"), cap_phrase(1, 1, "outlet"), cap_phrase(3, 3, "actor")
    ('top 12 of 756 outlets', '1 outlet', '3 actors')
    """
    many = plural or noun + "s"
    if shown < total:
        return f"top {shown:,} of {total:,} {many}"
    return f"{total:,} {noun if total == 1 else many}"


def check_top_n(top_n: Any, name: str = "top_n") -> None:
    """Raise a plain error unless ``top_n`` is a whole number >= 1 (see ``errors.check_whole``)."""
    from ..errors import check_whole

    check_whole(name, top_n, 1)


def tight(fig: Any, **kwargs: Any) -> None:
    """``fig.tight_layout(**kwargs)`` without the warning when labels leave it no room.

    A figure whose long labels cannot be fitted is still drawn (the labels
    may be clipped); the warning would only clutter a report page.
    """
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Tight layout not applied", category=UserWarning)
        warnings.filterwarnings("ignore", message=".*tight_layout", category=UserWarning)
        fig.tight_layout(**kwargs)


def figure_note(fig: Any, text: str, *, layout: bool = True) -> None:
    """Write the source note (one or more lines) at the bottom and lay the figure out above it."""
    lines = text.split("\n")
    fig.text(
        0.01,
        0.01,
        "\n".join(plot_label(line, None) for line in lines),
        fontsize=8,
        color="#555555",
        ha="left",
        va="bottom",
    )
    if layout:
        bottom = min(0.3, (0.12 + 0.16 * len(lines)) / fig.get_figheight())
        tight(fig, rect=(0, bottom, 1, 1))


def whole_table(source: str, subject: str = "All are") -> str:
    """One note line saying where the rows a capped figure leaves out are: the whole table.

    "(all are in the table)" read as the table printed under the figure, and a report
    page prints a table's first 20 rows only: name the table the figure was drawn from.

    Examples
    --------
    >>> whole_table("corpus_tools.overview()")
    'All are in the whole table, corpus_tools.overview(); a page prints only its first rows.'
    """
    return f"{subject} in the whole table, {source}; a page prints only its first rows."


def message_figure(title: str, message: str, *, interactive: bool = False) -> Any:
    """A figure with a title and a centred message instead of a chart (nothing to draw).

    Used when the table has no row a chart could show (no dated document,
    nothing removed), so a reader sees why instead of empty axes.
    """
    if interactive:
        import plotly.graph_objects as go

        fig = go.Figure()
        fig.update_layout(
            title={"text": plotly_text(title)},
            template="simple_white",
            height=260,
            xaxis={"visible": False},
            yaxis={"visible": False},
            annotations=[
                {
                    "text": "<br>".join(plotly_text(line) for line in message.split("\n")),
                    "xref": "paper",
                    "yref": "paper",
                    "x": 0.5,
                    "y": 0.5,
                    "showarrow": False,
                }
            ],
        )
        return fig
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8.0, 3.0))
    ax.set_axis_off()
    ax.set_title(plot_label(title, None))
    ax.text(0.5, 0.5, message, ha="center", va="center", color="#555555")
    return fig
