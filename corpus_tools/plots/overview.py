"""Figures for the corpus overview (notebook 01): dates, lengths, cleaning.

Each function takes a table from :mod:`corpus_tools.overview` and returns a
figure without showing it: a matplotlib ``Figure`` by default, a plotly
``Figure`` with ``interactive=True`` (show it with
``plots.show_plotly(fig, div_id="nb01-...")``). Every figure states its n
in the title, labels both axes with units, colours outlets with
:func:`outlet_colors` (Okabe-Ito, fixed per outlet) and carries a source note.
Corpus text used in hover labels (titles, doc ids) is HTML-escaped.
"""

from __future__ import annotations

import textwrap
from typing import Any, NamedTuple

import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from ..corpus import MISSING
from ..errors import check_table
from ._base import (
    PALETTE,
    PALETTE_SIZE,
    cap_phrase,
    check_top_n,
    figure_note,
    message_figure,
    middle_label,
    plot_label,
    plotly_text,
    shown_colors,
    source_note,
    top_by_size,
    whole_table,
)

__all__ = ["plot_timeline", "plot_doc_lengths", "plot_cleaning", "plot_cleaning_rules"]

_NO_OUTLET = MISSING  # the one missing-value label of tables, narration and figures
_FILLED = {"day", "time"}  # dates exact to the day (or the minute) are filled, coarser ones open


def _need(table: pd.DataFrame, cols: list[str], fn: str, source: str) -> None:
    check_table(table, cols, fn, source, bare_ok=False)


def _outlets(table: pd.DataFrame) -> pd.Series:
    return table["outlet"].where(table["outlet"].notna(), _NO_OUTLET).astype(str)


def _docs_word(n: int) -> str:
    return f"{n:,} document{'s' if n != 1 else ''}"


def _top_outlets(t: pd.DataFrame, top_n: int) -> tuple[list[str], str]:
    """The ``top_n`` outlets with most documents (largest first) and a note on the rest."""
    sizes = t["outlet"].value_counts()
    shown = top_by_size(sizes, top_n)
    left = len(sizes) - len(shown)
    note = ""
    if left:
        rest = sizes.drop(shown)
        what = f"smaller outlet{'s' if left != 1 else ''}"
        if int(rest.max()) >= int(
            sizes[shown].min()
        ):  # the cut falls in a tie (179 one-page sites)
            what = f"more outlet{'s' if left != 1 else ''}, none larger than the smallest drawn,"
        note = f"\nLeft out: {left:,} {what} with {_docs_word(int(rest.sum()))}.\n" + whole_table(
            "corpus_tools.overview()"
        )
    return shown, note


def _mpl_figure(n_rows: int):
    import matplotlib.pyplot as plt

    height = max(3.0, min(12.0, 1.6 + 0.45 * n_rows))
    fig, ax = plt.subplots(figsize=(8.0, round(height, 1)))
    return fig, ax


_note = figure_note


def _note_margin(note: str) -> int:
    """Bottom margin (px) that holds the x-axis title and every line of ``note`` below it.

    The note starts 62 px under the plot area at 10 px type (14 px a line): 95 px held two
    lines, and a third ("Left out: 7 smaller outlets ...") was cut off at the figure's edge.

    >>> _note_margin("one\\ntwo"), _note_margin("one\\ntwo\\nthree")
    (95, 109)
    """
    return 95 + 14 * max(0, note.count("\n") + 1 - 2)


def _plotly_layout(fig: Any, title: str, xlabel: str, ylabel: str, note: str, n_rows: int) -> Any:
    fig.update_layout(
        title={"text": plotly_text(title)},
        xaxis_title=xlabel,
        yaxis_title=ylabel,
        template="simple_white",
        height=int(max(320, min(900, 160 + 40 * n_rows))),
        margin={"l": 10, "r": 10, "t": 60, "b": _note_margin(note)},
        legend_title_text="Outlet",
        annotations=[
            {
                "text": "<br>".join(plotly_text(line) for line in note.split("\n")),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "yshift": -62,
                "yanchor": "top",
                "showarrow": False,
                "font": {"size": 10, "color": "#555555"},
                "xanchor": "left",
                "align": "left",  # a note's lines start at its left edge, as in matplotlib
            }
        ],
    )
    return fig


class OutletRows(NamedTuple):
    """A per-document table with one ``outlet`` label each, and the outlets a figure draws."""

    table: pd.DataFrame  # every document; missing outlets labelled "(missing)"
    outlets: list[str]  # the drawn outlets, largest first
    colors: dict[str, str]
    n_outlets: int
    left_note: str  # what was left out ("" when nothing)


def outlet_rows(table: pd.DataFrame, top_n: int) -> OutletRows:
    """Label outlets, pick the ``top_n`` largest and fix their colours (one rule for every figure).

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", None]})
    >>> rows = outlet_rows(t, top_n=2)
    >>> rows.outlets, rows.n_outlets, rows.left_note.strip().splitlines()[0]
    (['(missing)', 'X'], 3, 'Left out: 1 more outlet, none larger than the smallest drawn, with 1 document.')
    """
    t = table.copy()
    t["outlet"] = _outlets(t)
    outlets, left_note = _top_outlets(t, top_n)
    named = [o for o in t["outlet"].unique() if o != _NO_OUTLET]
    # fixed corpus-wide colours while they fit the palette; past it the drawn rows among
    # themselves, so two rows of one figure never share a colour (179 outlets: 15 drawn)
    colors = shown_colors(named, [o for o in outlets if o != _NO_OUTLET])
    colors.setdefault(_NO_OUTLET, "#000000")
    return OutletRows(t, outlets, colors, int(t["outlet"].nunique()), left_note)


def _dated_rows(rows: OutletRows, top_n: int) -> OutletRows:
    """The timeline's rows: the largest outlets among those with a dated document.

    3,000 AllSides articles drew 'BBC News' (66 documents, none dated) as an empty row; its
    outlets without a date are named under the figure instead.
    """
    t = rows.table
    dated = t[t["published"].notna()]
    undated = sorted(set(t["outlet"]) - set(dated["outlet"]))
    if not undated or dated.empty:
        return rows
    outlets, left_note = _top_outlets(dated, top_n)
    named = [o for o in t["outlet"].unique() if o != _NO_OUTLET]
    # colours by each outlet's rank among all outlets, as in the figures that draw them all
    ranked = top_by_size(t["outlet"].value_counts(), len(named) + 1)
    last = max(ranked.index(o) for o in outlets)
    colors = shown_colors(named, [o for o in ranked[: last + 1] if o != _NO_OUTLET])
    colors.setdefault(_NO_OUTLET, "#000000")
    # three names of 24 characters: five of 30 ran past the figure's edge (57 saved pages)
    shown = ", ".join(plot_label(o, 24) for o in undated[:3])
    more = f" and {len(undated) - 3:,} more" if len(undated) > 3 else ""
    word = "outlet" if len(undated) == 1 else "outlets"
    left_note += f"\nNot drawn: {len(undated):,} {word} without a dated document ({shown}{more})."
    return OutletRows(t, outlets, colors, int(dated["outlet"].nunique()), left_note)


def _rows_axes(ax: Any, outlets: list[str], title: str, xlabel: str) -> None:
    """One row per outlet, largest on top; grid, title and axis labels."""
    ax.set_yticks(range(len(outlets)), [plot_label(o) for o in outlets[::-1]])
    ax.set_ylim(-0.7, len(outlets) - 0.3)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    # a long title ('... 363 without a date; top 15 of 142 dated outlets') ran off the figure
    ax.set_title("\n".join(textwrap.wrap(plot_label(title, None), 72)))
    ax.set_xlabel(xlabel)
    ax.set_ylabel("Outlet")


_TIMELINE_X = "Publication date (calendar day)"


def plot_timeline(
    table: pd.DataFrame,
    *,
    interactive: bool = False,
    corpus_name: str | None = None,
    top_n: int = 15,
) -> Any:
    """Plot publication dates, one row per outlet, one marker per document.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`corpus_tools.overview` (``doc_id, outlet, published,
        date_precision``; ``title`` used for hover when present).
    interactive : bool, default False
        Return a plotly figure instead of a matplotlib one.
    corpus_name : str, optional
        Name used in the source note.
    top_n : int, default 15
        Rows drawn: the outlets with most documents, largest on top; the
        title says "top 15 of N outlets" and the note how many documents
        were left out.

    Returns
    -------
    matplotlib.figure.Figure or plotly.graph_objects.Figure

    Notes
    -----
    Exact dates (precision ``day`` or ``time``) are filled markers; dates known only to
    the week or month are open markers placed on the stated date, which is
    an estimate. Documents without a date are left out and counted in the title.
    """
    _need(table, ["doc_id", "outlet", "published"], "plot_timeline", "corpus_tools.overview()")
    check_top_n(top_n)
    t = table.copy()
    t["published"] = pd.to_datetime(t["published"], errors="coerce", utc=False)
    prec = t["date_precision"] if "date_precision" in t.columns else pd.Series("", index=t.index)
    t["precision"] = prec.fillna("unknown").astype(str)
    rows = _dated_rows(outlet_rows(t, top_n), top_n)
    t_all = t
    n_total = len(t)
    n_dated = int(t["published"].notna().sum())
    t = rows.table[rows.table["outlet"].isin(rows.outlets)]
    dated = t[t["published"].notna()].sort_values(
        ["outlet", "published", "doc_id"], kind="mergesort"
    )
    n_missing = n_total - n_dated
    if not n_dated:  # no time axis to draw: say why instead of empty axes around 1970
        return message_figure(
            "Publication dates by outlet "
            + (f"(none of {_docs_word(n_total)} has a date)" if n_total else "(n = 0 documents)"),
            "No document has a publication date: nothing to place on a time axis.\n"
            # a table's 'year' column is not found by name (State of the Union paragraphs
            # 1946-2000): say how to name it, not only that a date column would do
            "Add dates with a metadata.csv (columns file, published), or name a table's date\n"
            "column: --date-column NAME (load_corpus(date_column=...)).",
            interactive=interactive,
        )
    title = f"Publication dates by outlet (n = {_docs_word(n_dated)}"
    title += f"; {n_missing:,} without a date" if n_missing else ""
    n_shown = len(rows.outlets)
    dated_only = "\nNot drawn:" in rows.left_note  # outlets without a dated document
    cap = cap_phrase(n_shown, rows.n_outlets, "dated outlet" if dated_only else "outlet")
    title += f"; {cap})" if n_shown < rows.n_outlets else ")"
    note = source_note(n_total, corpus_name)
    year = "/year" if (t["precision"] == "year").any() else ""  # sotu paragraphs: by year only
    note += f" Filled marker: exact day; open: week/month{year} estimate."
    dated, far_note = _without_far_dates(dated, t_all["published"])
    note += far_note
    dated = dated.assign(same_day=_same_day(dated))
    dense, marks_note = _dense_rows(dated, interactive)
    note += marks_note
    note += rows.left_note
    xlabel = _timeline_x(dated, dense, len(rows.outlets), interactive)
    if interactive:
        return _timeline_plotly(dated, rows, title, note, dense, xlabel)
    return _timeline_mpl(dated, rows, title, note, dense, xlabel)


def _without_far_dates(dated: pd.DataFrame, published: pd.Series) -> tuple[pd.DataFrame, str]:
    """The drawn rows without the documents dated far outside the rest, and a note saying so.

    966 search results of summer 2017 with 9 dates from 2011-2016 drew 957 documents as a
    sliver at the right end of a six-year axis. The range is :func:`corpus_tools.narrate.
    main_date_range` of all the corpus's dates (the report header names the far ones).

    >>> days = [f"2020-{m:02d}-01" for m in range(1, 13)] * 9 + ["2011-09-30"]
    >>> d = pd.DataFrame({"outlet": "A", "doc_id": range(109), "published": pd.to_datetime(days)})
    >>> drawn, note = _without_far_dates(d, d["published"])
    >>> len(drawn), note
    (108, '\\nNot drawn: 1 document dated far outside the rest (2011-09-30);\\nthe axis shows the other 108, from 2020-01-01 to 2020-12-01.')
    """
    from ..narrate import main_date_range

    span = main_date_range(published)
    if span is None:
        return dated, ""
    first, last = span
    far = (dated["published"] < first) | (dated["published"] >= last + pd.Timedelta(days=1))
    if not far.any():
        return dated, ""
    days = list(dict.fromkeys(dated.loc[far, "published"].sort_values().dt.strftime("%Y-%m-%d")))
    listed = ", ".join(days[:3]) + (f" and {len(days) - 3:,} more dates" if len(days) > 3 else "")
    n_far = int(far.sum())
    note = (
        f"\nNot drawn: {n_far:,} document{'s' if n_far != 1 else ''} dated far outside the rest "
        f"({listed});\nthe axis shows the other {len(dated) - n_far:,}, from {first:%Y-%m-%d} "
        f"to {last:%Y-%m-%d}."
    )
    return dated[~far], note


def _timeline_x(dated: pd.DataFrame, dense: set[str], n_rows: int, interactive: bool) -> str:
    """The timeline's x label: what a bar (or sized marker) of a dense row stands for.

    State of the Union paragraphs, 55 yearly bars, were labelled "calendar day".

    >>> d = pd.DataFrame({"outlet": ["A", "A"],
    ...                   "published": pd.to_datetime(["1946-01-01", "2000-01-01"])})
    >>> _timeline_x(d, {"A"}, 1, False)
    'Publication date (one bar a year)'
    >>> _timeline_x(d, {"A"}, 2, True)
    'Publication date (dense rows: one marker a year; others: one marker a document)'
    >>> _timeline_x(d, set(), 1, False)
    'Publication date (calendar day)'
    """
    if not dense:
        return _TIMELINE_X
    unit = _bar_unit(dated.loc[dated["outlet"].isin(dense), "published"])[0]
    if unit == "day" and len(dense) == n_rows:
        return _TIMELINE_X
    mark = "marker" if interactive else "bar"
    if len(dense) == n_rows:
        return f"Publication date (one {mark} a {unit})"
    return f"Publication date (dense rows: one {mark} a {unit}; others: one marker a document)"


#: Documents above which a timeline row draws a bar (interactive: a marker) a day instead of
#: a marker each: 21,295 headlines on 104 days drew overlapping markers as one black band.
DENSE_TIMELINE_ROW = 200


#: (unit, pandas period, days) for a dense row's bars: the finest whose bars over the dated
#: span number at most _MAX_BARS. State of the Union paragraphs dated by year, 1946-2000,
#: drew one bar a day 0.9 days wide on a 55-year axis: two of 55 years were visible.
_BAR_UNITS = (("day", "D", 1.0), ("week", "W", 7.0), ("month", "M", 30.44), ("year", "Y", 365.25))
_MAX_BARS = 400


def _bar_unit(published: pd.Series) -> tuple[str, str, float]:
    """The time unit of a dense row's bars (or markers) for dates spread like ``published``.

    >>> _bar_unit(pd.Series(pd.to_datetime(["1946-01-01", "2000-01-01"])))
    ('year', 'Y', 365.25)
    >>> _bar_unit(pd.Series(pd.to_datetime(["2024-01-01", "2024-04-01"])))[0]
    'day'
    """
    span = (published.max() - published.min()).days + 1
    return next((u for u in _BAR_UNITS if span / u[2] <= _MAX_BARS), _BAR_UNITS[-1])


def _per_bar(d: pd.DataFrame, period: str) -> pd.Series:
    """Documents per (outlet, start of its day/week/month/year)."""
    start = d["published"].dt.to_period(period).dt.start_time
    return d.groupby([d["outlet"], start])["doc_id"].size()


#: A row of at least this many documents, at DENSE_PER_DAY or more a publication day, is also
#: drawn a day at a time: 9,643 headlines of 1,537 outlets on 80 days drew the rows of 101-178
#: documents as markers grown for 2-12 documents a day, blobs that ran into the rows beside them
DENSE_ROW_MIN = 50
DENSE_PER_DAY = 1.5


def _dense_rows(dated: pd.DataFrame, interactive: bool) -> tuple[set[str], str]:
    """The outlets drawn a day at a time, and the note lines on marker sizes and day marks.

    >>> day = pd.to_datetime(["2022-01-01"] * 2 + ["2022-01-02"] * 2)
    >>> d = pd.DataFrame({"outlet": ["A"] * 60 + ["B"] * 4, "doc_id": range(64),
    ...                   "published": list(day) * 15 + list(day)})
    >>> d["same_day"] = _same_day(d.assign(precision="day"))
    >>> dense, note = _dense_rows(d, False)
    >>> sorted(dense), note.splitlines()[-1]
    (['A'], 'Rows of 50+ documents at 1.5+ a publication day: one bar a day, its height the number of documents that day (tallest: 30).')
    """
    sizes = dated["outlet"].value_counts()
    days = dated["published"].dt.normalize().groupby(dated["outlet"]).nunique()
    crowded = (sizes >= DENSE_ROW_MIN) & (sizes >= DENSE_PER_DAY * days.reindex(sizes.index))
    dense = set(sizes.index[sizes > DENSE_TIMELINE_ROW])
    extra = set(sizes.index[crowded]) - dense
    dense |= extra
    sparse = dated[~dated["outlet"].isin(dense)]
    most = int(sparse["same_day"].max()) if len(sparse) else 1
    note = ""
    if most > 1:  # stacked markers would read as one document
        note += f"\nLarger marker: several documents of one outlet on one day (up to {most:,})."
    if dense:
        d = dated[dated["outlet"].isin(dense)]
        unit, period, _ = _bar_unit(d["published"])
        per_bar = _per_bar(d, period)
        mark = f"marker a {unit}, its size" if interactive else f"bar a {unit}, its height"
        crowd = f"{DENSE_ROW_MIN}+ documents at {DENSE_PER_DAY}+ a publication day"
        if len(extra) == len(dense):
            which = f"Rows of {crowd}:"
        else:
            which = f"Rows of more than {DENSE_TIMELINE_ROW:,} documents"
            # on a line of its own: the note is not wrapped, and a long line widens the figure
            which += f" or of {crowd}:\n" if extra else ":"
        note += (
            f"\n{which} one {mark} the number of "
            f"documents that {unit} ({'largest' if interactive else 'tallest'}: "
            f"{int(per_bar.max()):,})."
        )
    return dense, note


def _same_day(dated: pd.DataFrame) -> pd.Series:
    """For each document, how many documents of its outlet share its day (and marker kind)."""
    day = dated["published"].dt.normalize()
    filled = dated["precision"].isin(_FILLED)
    return dated.groupby([dated["outlet"], day, filled])["doc_id"].transform("size")


def _marker_base(dated: pd.DataFrame, dense: set[str], outlets: list[str]) -> float:
    """The interactive timeline's one-document marker: 11 px for a few documents, else 6 px.

    A shared day grows a marker to base x sqrt(n) (n <= 6), so from 6 px (14.7 px at most):
    45 documents of one outlet on 5 days, grown from 11 px, were 27 px discs covering the
    days beside them; 11 px stays only when no drawn marker grows.
    """
    drawn = dated[dated["outlet"].isin(outlets) & ~dated["outlet"].isin(dense)]
    if len(dated) > 100 or (len(drawn) and int(drawn["same_day"].max()) > 1):
        return 6
    return 11


def _grow(size: float, same_day: pd.Series, *, area: bool) -> Any:
    """One marker size, or a size per document when documents share a day (area grows with n, x6 at most).

    A larger cap merges the markers of consecutive days into one band.
    """
    if not len(same_day) or int(same_day.max()) <= 1:
        return size
    factor = same_day.clip(upper=6).astype(float)
    return (size * factor if area else size * factor**0.5).round(1).tolist()


def _day_markers(dated: pd.DataFrame, dense: set[str], rows: Any) -> list[Any]:
    """One plotly marker a day for each dense row, diameter by the day's count (area scale).

    4,000 headlines of one outlet on 98 days drew 4,000 overlapping markers, one black
    band; the largest marker fits the space of a day on an 800-pixel axis (3 to 14 px).
    """
    import plotly.graph_objects as go

    d = dated[dated["outlet"].isin(dense)]
    unit, period, days = _bar_unit(d["published"])
    per_day = _per_bar(d, period)
    top = float(per_day.max())
    span = (d["published"].max() - d["published"].min()).days + 1
    # at least a one-document marker's size: 232 CNN articles in 97 monthly 2-7 px dots read as
    # fewer than the 179 NPR articles drawn one 6 px marker each in the row below
    biggest = max(9.0, min(14.0, 0.9 * 800 / (span / days)))
    when = "" if unit == "day" else f"{unit} from "
    traces = []
    for outlet in sorted(dense):
        counts = per_day.loc[outlet]
        name = plotly_text(outlet)
        traces.append(
            go.Scatter(
                x=[p.date().isoformat() for p in counts.index],
                y=[name] * len(counts),
                mode="markers",
                name=name,
                marker={
                    "color": rows.colors[outlet],
                    "size": [round(5.0 + (biggest - 5.0) * (c / top) ** 0.5, 1) for c in counts],
                },
                text=[
                    plotly_text(f"{outlet} | {when}{p.date().isoformat()}: {int(c):,} documents")
                    for p, c in counts.items()
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    return traces


def _timeline_plotly(
    dated: pd.DataFrame,
    rows: OutletRows,
    title: str,
    note: str,
    dense: set[str] | None = None,
    xlabel: str = _TIMELINE_X,
) -> Any:
    import plotly.graph_objects as go

    fig = go.Figure()
    day_traces = (
        dict(zip(sorted(dense), _day_markers(dated, dense, rows), strict=True)) if dense else {}
    )
    base = _marker_base(dated, dense or set(), rows.outlets)
    for outlet in rows.outlets:
        if outlet in day_traces:
            fig.add_trace(day_traces[outlet])
            continue
        d = dated[dated["outlet"] == outlet]
        if d.empty:
            continue
        hover = [
            plotly_text(
                f"{r.doc_id} | {r.published.date().isoformat()} ({r.precision})"
                + (f" | {r.title}" if "title" in d.columns and isinstance(r.title, str) else "")
            )
            for r in d.itertuples()
        ]
        color = rows.colors[outlet]
        fig.add_trace(
            go.Scatter(
                x=[p.date().isoformat() for p in d["published"]],
                y=[plotly_text(outlet)] * len(d),
                mode="markers",
                name=plotly_text(outlet),
                marker={
                    "color": color,
                    "size": _grow(base, d["same_day"], area=False),
                    "symbol": ["circle" if p in _FILLED else "circle-open" for p in d["precision"]],
                    "line": {"width": 2, "color": color},
                },
                text=hover,
                hovertemplate="%{text}<extra></extra>",
            )
        )
    fig.update_yaxes(
        categoryorder="array", categoryarray=[plotly_text(o) for o in rows.outlets[::-1]]
    )
    # no legend: it listed every row's outlet again beside the axis that names them (five
    # outlets of the seeds, fifteen of 1,537 on 9,643 headlines), narrowing the dates' axis
    fig.update_layout(showlegend=False)
    if len(dated):
        span = (dated["published"].max() - dated["published"].min()).days
        if span <= 14:  # short ranges: one tick per day, no hour ticks
            fig.update_xaxes(dtick=86400000, tickformat="%d %b %Y")
    return _plotly_layout(fig, title, xlabel, "Outlet", note, len(rows.outlets))


def _day_bars(
    ax: Any, dated: pd.DataFrame, dense: set[str], ypos: dict[str, int], rows: Any
) -> None:
    """A bar a day (week, month, year: _bar_unit) for each dense row, heights on one scale."""
    d = dated[dated["outlet"].isin(dense)]
    _, period, days = _bar_unit(d["published"])
    per_day = _per_bar(d, period)
    top = float(per_day.max())
    for outlet in sorted(dense):
        counts = per_day.loc[outlet]
        ax.bar(
            counts.index,
            (counts.to_numpy() / top) * 0.8,
            bottom=ypos[outlet] - 0.4,
            width=0.9 * days,
            align="edge",
            color=rows.colors[outlet],
            zorder=3,
        )


def _timeline_mpl(
    dated: pd.DataFrame,
    rows: OutletRows,
    title: str,
    note: str,
    dense: set[str] | None = None,
    xlabel: str = _TIMELINE_X,
) -> Any:
    import matplotlib.dates as mdates

    outlets = rows.outlets
    fig, ax = _mpl_figure(len(outlets))
    ypos = {o: i for i, o in enumerate(outlets[::-1])}
    if dense:
        _day_bars(ax, dated, dense, ypos, rows)
    for outlet in outlets:
        if dense and outlet in dense:
            continue
        d = dated[dated["outlet"] == outlet]
        color = rows.colors[outlet]
        for filled in (True, False):
            dd = d[d["precision"].isin(_FILLED) == filled]
            if dd.empty:
                continue
            ax.scatter(
                dd["published"],
                [ypos[outlet]] * len(dd),
                s=_grow(60, dd["same_day"], area=True),
                alpha=0.75 if int(dd["same_day"].max()) > 1 else 1.0,  # overlaps stay visible
                zorder=3,
                facecolors=color if filled else "white",
                edgecolors=color,
                linewidths=1.8,
            )
    _rows_axes(ax, outlets, title, xlabel)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    _note(fig, note)
    return fig


_LENGTHS_X = "Document length (words)"


def plot_doc_lengths(
    table: pd.DataFrame,
    *,
    interactive: bool = False,
    corpus_name: str | None = None,
    top_n: int = 15,
) -> Any:
    """Plot document length in words by outlet: one dot per document, median tick.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`corpus_tools.overview` (``doc_id, outlet, n_words``).
    interactive : bool, default False
        Return a plotly figure (box plot with every document shown).
    corpus_name : str, optional
        Name used in the source note.
    top_n : int, default 15
        Rows drawn: the outlets with most documents, largest on top; the
        title says "top 15 of N outlets" and the note what was left out.

    Returns
    -------
    matplotlib.figure.Figure or plotly.graph_objects.Figure

    Notes
    -----
    Length is counted after cleaning: a page whose chrome was not removed
    looks longer than it is. With one document per outlet the "distribution"
    is a single dot.
    """
    _need(table, ["doc_id", "outlet", "n_words"], "plot_doc_lengths", "corpus_tools.overview()")
    check_top_n(top_n)
    rows = outlet_rows(table, top_n)
    n_total = len(rows.table)
    t = rows.table[rows.table["outlet"].isin(rows.outlets)]
    t = t.sort_values(["outlet", "doc_id"], kind="mergesort")
    by_outlet = dict(tuple(t.groupby("outlet", sort=False)))
    groups = cap_phrase(len(rows.outlets), rows.n_outlets, "outlet")
    if rows.outlets == [_NO_OUTLET]:  # 10kGNAD: '(n = 1,028 documents, 1 outlet)' of no outlet
        groups = "no outlet"
    title = f"Document length by outlet (n = {_docs_word(n_total)}, {groups})"
    note = source_note(n_total, corpus_name)
    note += " Words = tokens with a letter or digit, after cleaning." + _unspaced_note(rows.table)
    note += rows.left_note
    if interactive:
        return _lengths_plotly(by_outlet, rows, title, note)
    return _lengths_mpl(by_outlet, rows, title, note)


_DENSE_ROW = 30  # a row with more documents draws small, light dots; fewer stay large and opaque
_UNSPACED = 15  # characters per word above which a text is mostly written without spaces


def _unspaced_note(table: pd.DataFrame) -> str:
    """Say how many documents look written without spaces (their word counts are too low).

    Chinese, Japanese or Thai text is not split into words (a run between
    punctuation is one token), so such an article of 2,000 characters counts
    60 "words": drawn beside English ones it looks like a brief. A one-word document is
    not counted: HuffPost descriptions '#ParksForParkland' and '"Chimichangaaaaaas!"' (17 and
    20 characters) were called "most likely text written without spaces (Chinese, ...)".
    """
    if "n_chars" not in table or not len(table):
        return ""
    per_word = table["n_chars"] / table["n_words"].where(table["n_words"] > 1)
    n = int((per_word > _UNSPACED).sum())
    if not n:
        return ""
    docs = "document has" if n == 1 else "documents have"
    return (
        f"\n{n:,} {docs} over {_UNSPACED} characters per word, most likely text written without spaces "
        "(Chinese, Japanese, Thai) is not split into words, so its length in words is too low."
    )


def _lengths_plotly(
    by_outlet: dict[str, pd.DataFrame], rows: OutletRows, title: str, note: str
) -> Any:
    import plotly.graph_objects as go

    fig = go.Figure()
    for outlet in rows.outlets:
        d = by_outlet[outlet]
        fig.add_trace(
            go.Box(
                x=d["n_words"].tolist(),
                y=[plotly_text(outlet)] * len(d),
                name=plotly_text(outlet),
                orientation="h",
                boxpoints="all",
                jitter=0,
                pointpos=0,
                marker={"color": rows.colors[outlet], "size": 4 if len(d) > _DENSE_ROW else 9},
                line={"color": rows.colors[outlet]},
                text=[plotly_text(str(x)) for x in d["doc_id"]],
                hovertemplate="%{text}: %{x} words<extra></extra>",
            )
        )
    fig.update_yaxes(
        categoryorder="array", categoryarray=[plotly_text(o) for o in rows.outlets[::-1]]
    )
    fig.update_layout(showlegend=False)
    return _plotly_layout(fig, title, _LENGTHS_X, "Outlet", note, len(rows.outlets))


def _lengths_mpl(
    by_outlet: dict[str, pd.DataFrame], rows: OutletRows, title: str, note: str
) -> Any:
    """One dot per document; a dense row (over 30) gets smaller, lighter dots, decided per row.

    Decided for the whole figure, one outlet of 155 documents made the dots of every
    one-document outlet small and 35 % opaque: pale colours vanished on white.
    """
    outlets = rows.outlets
    fig, ax = _mpl_figure(len(outlets))
    ypos = {o: i for i, o in enumerate(outlets[::-1])}
    for outlet in outlets:
        d = by_outlet[outlet]
        y = ypos[outlet]
        dense = len(d) > _DENSE_ROW
        med = float(d["n_words"].median())
        ax.plot([med, med], [y - 0.35, y + 0.35], color="#000000", linewidth=2, zorder=4)
        ax.scatter(
            d["n_words"],
            [y] * len(d),
            s=14 if dense else 60,
            color=rows.colors[outlet],
            alpha=0.35 if dense else 0.85,
            zorder=3 if dense else 5,  # a lone dot is drawn over its own median tick
            edgecolors="none" if dense else "#333333",
            linewidths=0.5,
        )
    _rows_axes(ax, outlets, title, _LENGTHS_X + "; black tick = median per outlet")
    ax.set_xlim(left=0)
    _note(fig, note)
    return fig


_CLEANING_X = "Removed as chrome (% of raw characters)"
_ON_BARS = "(outlet named on each bar)"  # more outlets drawn than distinct colours


def plot_cleaning(
    summary: pd.DataFrame,
    *,
    interactive: bool = False,
    corpus_name: str | None = None,
    top: int = 30,
) -> Any:
    """Plot the share of each page that cleaning removed as chrome, per document.

    Parameters
    ----------
    summary : pandas.DataFrame
        ``cleaning_summary(corpus, by="doc_id")`` (``doc_id, outlet,
        chrome_share``).
    interactive : bool, default False
        Return a plotly figure instead of a matplotlib one.
    corpus_name : str, optional
        Name used in the source note.
    top : int, default 30
        Show at most this many documents (highest shares first); the title
        says how many are shown out of how many.

    Returns
    -------
    matplotlib.figure.Figure or plotly.graph_objects.Figure
    """
    _need(
        summary,
        ["doc_id", "outlet", "chrome_share"],
        "plot_cleaning",
        'corpus_tools.cleaning_summary(corpus, by="doc_id")',
    )
    check_top_n(top, "top")
    t = summary.copy()
    t["outlet"] = _outlets(t)
    n = len(t)
    t = t[t["chrome_share"] > 0]  # a page with nothing removed has no bar to draw
    n_none = n - len(t)
    if not len(t):
        return message_figure(
            f"Share of each page removed as chrome (n = {_docs_word(n)})",
            f"Cleaning removed no chrome from any of the {_docs_word(n)}: nothing to draw.",
            interactive=interactive,
        )
    t = (
        t.sort_values("doc_id", kind="mergesort")
        .sort_values("chrome_share", ascending=False, kind="mergesort")
        .head(top)
    )
    named = [o for o in t["outlet"].tolist() if o != _NO_OUTLET]
    colors = shown_colors(summary["outlet"].dropna().tolist(), named)
    colors[_NO_OUTLET] = "#000000"  # as in every figure and the index: black, no palette slot
    if len(set(named)) > PALETTE_SIZE:  # colours would repeat: name the outlet on each bar
        t = t.assign(
            doc_id=[f"{d} · {o}" for d, o in zip(t["doc_id"], t["outlet"], strict=True)],
            outlet=_ON_BARS,
        )
        colors = {_ON_BARS: PALETTE[0]}
    n_chrome = n - n_none
    shown = f"top {len(t)} of {n_chrome}" if len(t) < n_chrome else f"n = {_docs_word(n_chrome)}"
    shown += f"; {n_none:,} with nothing removed" if n_none else ""
    title = f"Share of each page removed as chrome ({shown})"
    note = source_note(n, corpus_name) + " Chrome = characters of deleted lines / raw characters."
    if interactive:
        return _cleaning_plotly(t, colors, title, note)
    return _cleaning_mpl(t, colors, title, note)


def _cleaning_plotly(t: pd.DataFrame, colors: dict[str, str], title: str, note: str) -> Any:
    import plotly.graph_objects as go

    pct = (t["chrome_share"] * 100).round(1)
    fig = go.Figure()
    for outlet in sorted(t["outlet"].unique().tolist()):
        m = t["outlet"] == outlet
        fig.add_trace(
            go.Bar(
                x=pct[m].tolist(),
                y=[plotly_text(str(d)) for d in t.loc[m, "doc_id"]],
                orientation="h",
                name=plotly_text(outlet),
                marker={"color": colors[outlet]},
                hovertemplate="%{y}: %{x}% chrome<extra></extra>",
            )
        )
    fig.update_yaxes(
        categoryorder="array", categoryarray=[plotly_text(str(d)) for d in t["doc_id"]][::-1]
    )
    return _plotly_layout(fig, title, _CLEANING_X, "Document", note, len(t))


def _cleaning_mpl(t: pd.DataFrame, colors: dict[str, str], title: str, note: str) -> Any:
    pct = (t["chrome_share"] * 100).round(1)
    fig, ax = _mpl_figure(len(t))
    labels = [middle_label(d, 48) for d in t["doc_id"].tolist()[::-1]]  # ids differ at the end
    ax.barh(
        range(len(t)),
        pct.tolist()[::-1],
        color=[colors[o] for o in t["outlet"].tolist()[::-1]],
        zorder=3,
    )
    ax.set_yticks(range(len(t)), labels)
    for i, v in enumerate(pct.tolist()[::-1]):
        ax.text(v, i, f" {v:.1f}%", va="center", fontsize=8)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_xlim(0, max(10.0, float(pct.max()) * 1.2 if len(pct) else 10.0))
    handles = [
        Patch(color=colors[o], label=plot_label(o)) for o in sorted(t["outlet"].unique().tolist())
    ]
    drawn = set(t["outlet"].tolist())
    # no key when each bar's label names its outlet, or when no document has one (a lone "(missing)")
    if handles and drawn != {_ON_BARS} and drawn != {_NO_OUTLET}:
        ax.legend(
            handles=handles,
            title="Outlet",
            fontsize=8,
            loc="center left",
            bbox_to_anchor=(1.01, 0.5),
            frameon=False,
        )
    ax.set_title(plot_label(title, None))
    ax.set_xlabel(_CLEANING_X)
    ax.set_ylabel("Document")
    _note(fig, note)
    return fig


def plot_cleaning_rules(
    summary: pd.DataFrame,
    *,
    corpus_name: str | None = None,
    n_docs: int | None = None,
    top_n: int = 20,
) -> Any:
    """Plot characters removed per cleaning rule (matplotlib, horizontal bars).

    Parameters
    ----------
    summary : pandas.DataFrame
        ``cleaning_summary(corpus, by="rule")`` (``rule, n_edits, removed_chars``).
    corpus_name : str, optional
        Name used in the source note.
    n_docs : int, optional
        Documents in the corpus, for the source note.
    top_n : int, default 20
        Rules drawn (most characters first); the title says "top 20 of N
        rules" when some are left out.

    Returns
    -------
    matplotlib.figure.Figure
    """
    check_top_n(top_n)
    _need(
        summary,
        ["rule", "n_edits", "removed_chars"],
        "plot_cleaning_rules",
        'corpus_tools.cleaning_summary(corpus, by="rule")',
    )
    t = summary.sort_values("rule", kind="mergesort").sort_values(
        "removed_chars", ascending=False, kind="mergesort"
    )
    n_edits = int(t["n_edits"].sum())
    n_rules = len(t)
    t = t.head(top_n)
    title = f"Characters removed or changed per cleaning rule (n = {n_edits:,} edit{'' if n_edits == 1 else 's'}"
    title += f"; {cap_phrase(len(t), n_rules, 'rule')})" if len(t) < n_rules else ")"
    fig, ax = _mpl_figure(len(t))
    vals = t["removed_chars"].tolist()[::-1]
    ax.barh(range(len(t)), vals, color="#0072B2", zorder=3)
    ax.set_yticks(range(len(t)), [plot_label(r) for r in t["rule"].tolist()[::-1]])
    for i, (v, k) in enumerate(zip(vals, t["n_edits"].tolist()[::-1], strict=False)):
        ax.text(v, i, f" {v:,} chars, {k:,} edit{'' if k == 1 else 's'}", va="center", fontsize=8)
    ax.set_xlim(0, max(10, max(vals, default=0) * 1.35))
    # plain counts with separators: past a million matplotlib wrote 0.2 ... 1.4 and "1e7"
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:,.0f}"))
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.set_title(plot_label(title, None))
    ax.set_xlabel("Net characters removed (raw minus clean)")
    ax.set_ylabel("Cleaning rule")
    note = source_note(n_docs, corpus_name) if n_docs is not None else "Source: cleaning log."
    if len(t) < n_rules:
        rest = int(summary["removed_chars"].sum()) - int(t["removed_chars"].sum())
        note += f"\nLeft out: {n_rules - len(t)} rules with {rest:,} net characters."
    _note(fig, note)
    return fig
