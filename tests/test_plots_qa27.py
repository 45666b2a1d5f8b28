"""QA session 27: outlets 11-17 keep distinguishable colours; capped figures name their whole table."""

import matplotlib

matplotlib.use("Agg")
import numpy as np
import pandas as pd
import pytest
from test_plots_qa23 import _DEUTERANOPIA, _min_distance

from corpus_tools import plots
from corpus_tools.plots._base import PALETTE, shown_colors, whole_table

# the palette's 11th-17th colours before session 27 (Tol's other muted colours)
_OLD_17 = [
    *PALETTE[:10],
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#CC6677",
    "#AA4499",
    "#666666",
]


def test_colours_past_the_tenth_stay_apart_also_for_colour_blind_readers():
    # before: the 11th (pale blue) was 14.4 from sky blue, and under deuteranopia the 12th
    # (teal) 4.3 from reddish purple, so timeline rows 11-15 read as repeats of rows 1-10
    assert round(_min_distance(_OLD_17[:12], _DEUTERANOPIA), 1) == 4.3
    assert round(_min_distance(_OLD_17[:11]), 1) == 14.4
    assert round(_min_distance(list(PALETTE[:10])), 1) == 26.4  # the first ten unchanged
    assert round(_min_distance(list(PALETTE[:15]), _DEUTERANOPIA), 1) == 14.3
    assert round(_min_distance(list(PALETTE)), 1) == 18.9
    assert round(_min_distance(list(PALETTE), _DEUTERANOPIA), 1) == 12.9
    assert len(set(PALETTE)) == 17 and "#000000" not in PALETTE  # black: documents without outlet


def _zipf_outlets(n_outlets: int) -> pd.DataFrame:
    """Outlet k (0-based) has n_outlets - k documents; names sort against size (Z... largest)."""
    rows = []
    for k in range(n_outlets):
        name = f"{chr(ord('Z') - k % 26)}{k:03d} News"
        rows += [
            {"doc_id": f"{k}-{j}", "outlet": name, "n_words": 50} for j in range(n_outlets - k)
        ]
    return pd.DataFrame(rows)


def test_largest_drawn_outlets_get_the_colours_farthest_apart():
    table = _zipf_outlets(40)
    rows = plots.overview.outlet_rows(table, top_n=15)
    assert rows.outlets[0] == "Z000 News" and len(rows.outlets) == 15
    drawn = [rows.colors[o] for o in rows.outlets]
    assert drawn == list(PALETTE[:15])  # largest first, not by name
    # by name the largest (Z000) had come last and taken a colour from past the tenth
    assert shown_colors(table["outlet"], sorted(rows.outlets))["Z000 News"] == PALETTE[14]


def test_left_out_outlets_note_names_the_whole_table():
    table = _zipf_outlets(20).assign(
        published=pd.Timestamp("2024-01-01"), date_precision="day", title="t"
    )
    fig = plots.plot_timeline(table, top_n=15)
    note = "\n".join(t.get_text() for t in fig.texts)
    assert "Left out: 5 smaller outlets with 15 documents.\n" in note  # 5+4+3+2+1
    assert note.endswith(
        "All are in the whole table, corpus_tools.overview(); a page prints only its first rows."
    )
    inter = plots.plot_timeline(table, top_n=15, interactive=True)
    text = inter.layout.annotations[0].text
    assert "Left out: 5 smaller outlets with 15 documents.<br>All are in the whole table" in text


@pytest.mark.parametrize(
    ("source", "subject", "expected"),
    [
        ("corpus_tools.keyness()", "Their terms are", "Their terms are in the whole table, "),
        ("corpus_tools.overview()", "All are", "All are in the whole table, "),
    ],
)
def test_whole_table_sentence(source: str, subject: str, expected: str) -> None:
    line = whole_table(source, subject)
    assert line == expected + source + "; a page prints only its first rows."


def test_undated_timeline_says_how_to_name_a_date_column() -> None:
    table = _zipf_outlets(2).assign(published=pd.NaT, date_precision=None, title="t")
    fig = plots.plot_timeline(table)
    text = "\n".join(t.get_text() for ax in fig.axes for t in ax.texts)
    assert "No document has a publication date: nothing to place on a time axis." in text
    assert "column: --date-column NAME (load_corpus(date_column=...))." in text


def test_reuse_share_title_counts_the_documents_with_a_shared_passage() -> None:
    # 10kGNAD: 'top 30 of 1,028 documents' over 30 bars when 32 documents share a passage
    import matplotlib.pyplot as plt

    n, n_shared = 100, 32
    summary = pd.DataFrame(
        {
            "doc_id": [f"d{i:03d}" for i in range(n)],
            "group": ["A"] * n,
            "n_words": [40] * n,
            "reused_words": [40 - i for i in range(n_shared)] + [0] * (n - n_shared),
        }
    ).assign(reused_share=lambda t: t["reused_words"] / t["n_words"])
    fig = plots.plot_reuse_share(summary, top_n=30)
    assert fig.axes[0].get_title() == (
        "Share of each document shared with another document "
        "(n = 100 documents; top 30 of 32 documents with a shared passage)"
    )
    plt.close(fig)
    fig = plots.plot_reuse_share(summary, top_n=40)
    assert (
        fig.axes[0].get_title().endswith("(n = 100 documents; 32 documents with a shared passage)")
    )
    plt.close(fig)


def _yearly(n_years: int = 55, per_year: int = 124) -> pd.DataFrame:
    """State of the Union paragraphs: dated by year only (1 January), 1946 on, no outlet."""
    rows = [
        {
            "doc_id": f"p{y}-{k}",
            "outlet": None,
            "published": pd.Timestamp(f"{1946 + y}-01-01"),
            "date_precision": "year",
            "title": "t",
        }
        for y in range(n_years)
        for k in range(per_year + (551 if y == 21 else 0))  # 1967: 675
    ]
    return pd.DataFrame(rows)


def test_dense_row_over_decades_draws_a_bar_a_year() -> None:
    # 6,816 paragraphs 1946-2000 drew a bar a day 0.9 days wide: 2 of 55 years were visible
    import matplotlib.pyplot as plt

    table = _yearly()
    fig = plots.plot_timeline(table)
    bars = fig.axes[0].patches
    assert len(bars) == 55
    assert {round(float(b.get_width()), 1) for b in bars} == {328.7}  # 0.9 of a year, in days
    note = fig.texts[0].get_text()
    assert "one bar a year, its height the number of documents that year (tallest: 675)." in note
    assert "open: week/month/year estimate." in note  # the seeds' key stays 'week/month'
    small = plots.plot_timeline(_yearly(3, 2).assign(date_precision="week"))
    assert "open: week/month estimate." in small.texts[0].get_text()
    plt.close(small)
    plt.close(fig)
    inter = plots.plot_timeline(table, interactive=True)
    assert "one marker a year, its size the number of documents that year (largest: 675)" in (
        inter.layout.annotations[0].text
    )
    assert inter.data[0].text[21] == "(missing) | year from 1967-01-01: 675 documents"


def test_plotly_labels_show_quotes_and_no_bidi_reordering() -> None:
    # two hostile outlets: the legend read 'The &quot;Daily&quot; <Post> ...' (plotly shows
    # &quot; literally) and drew 'Le Monde <i>diplo</i> \u202eevil' as '... live'
    table = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": [
                'The "Daily" <Post> & Co\'s <img src=x onerror=alert(2)>',
                "Le Monde \u202eevil",
            ],
            "published": pd.to_datetime(["2000-01-27", "2000-01-27"]),
            "date_precision": ["day", "day"],
            "title": ['Truman\'s "Message" <script>alert(1)</script>', "t"],
        }
    )
    fig = plots.plot_timeline(table, interactive=True)
    names = sorted(tr.name for tr in fig.data)
    assert names == [
        "Le Monde ?evil",
        'The "Daily" &lt;Post&gt; &amp; Co\'s &lt;img src=x onerror=alert(2)&gt;',
    ]
    hover = " ".join(t for tr in fig.data for t in tr.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hover and "<script>" not in hover
    html_page = fig.to_html(include_plotlyjs=False)
    assert "<script>alert" not in html_page and "<img src=x" not in html_page


def test_mentions_over_decades_are_counted_per_year() -> None:
    # 55 years of paragraphs dated 1 January: monthly bins left 596 of 660 months as gaps and
    # every line as isolated points, so the figure looked empty
    import matplotlib.pyplot as plt

    years = [y for y in range(1946, 2001) if y not in (1973, 1981)]
    counts = pd.DataFrame(
        [
            {"group": f"{y}-01-01", "actor": a, "n_mentions": n}
            for y in years
            for a, n in (("United States", 30), ("Vietnam", 5 if 1964 <= y <= 1973 else 0))
        ]
    )
    fig = plots.plot_mentions_over_time(counts)
    ax = fig.axes[0]
    assert ax.get_ylabel() == "mentions per year (count)"
    assert ax.get_xlabel() == "publication date (gaps: 2 years in which no actor is mentioned)"
    us = ax.get_lines()[0]
    assert len(us.get_xdata()) == 55 and int(np.nansum(us.get_ydata())) == 30 * 53
    plt.close(fig)
