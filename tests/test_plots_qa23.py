"""QA session 23: the share bars' category colours are far apart, also for colour-blind readers."""

import itertools

import matplotlib

matplotlib.use("Agg")
import numpy as np
import pandas as pd
from matplotlib.colors import to_hex

from corpus_tools import plots
from corpus_tools.plots._base import _PALETTE, CATEGORY_PALETTE

# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB
_DEUTERANOPIA = np.array(
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]]
)


def _linear(color: str) -> np.ndarray:
    rgb = np.array([int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _lab(rgb: np.ndarray) -> np.ndarray:
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ np.clip(rgb, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _min_distance(colors, simulate=None) -> float:
    def lab(c):
        x = _linear(c)
        return _lab(x if simulate is None else simulate @ x)

    return min(float(np.linalg.norm(lab(a) - lab(b))) for a, b in itertools.combinations(colors, 2))


# the outlet palette's first ten before session 23 (Okabe-Ito, then Tol's muted in its order)
_OLD_TEN = [*_PALETTE[:7], "#332288", "#88CCEE", "#44AA99"]


def test_first_ten_category_colours_are_far_apart():
    old, new = _OLD_TEN, list(CATEGORY_PALETTE[:10])
    assert round(_min_distance(old), 1) == 14.4  # sky blue next to pale blue
    assert round(_min_distance(old, _DEUTERANOPIA), 1) == 4.3
    assert round(_min_distance(new), 1) == 26.4  # Okabe-Ito's own closest pair
    assert round(_min_distance(new, _DEUTERANOPIA), 1) == 17.0
    assert CATEGORY_PALETTE == tuple(_PALETTE)  # one order since session 27


def test_share_bars_draw_ten_categories_in_the_far_apart_colours():
    cats = [f"cue {i:02d}" for i in range(12)]
    t = pd.DataFrame(
        {"group": ["A"] * 12 + ["B"] * 12, "cue_class": cats * 2, "n": list(range(1, 25))}
    )
    fig = plots.plot_share_bars(t, category="cue_class", count="n", top_categories=10)
    drawn = {
        c.get_label(): to_hex(c.patches[0].get_facecolor()).upper() for c in fig.axes[0].containers
    }
    assert len(drawn) == 11  # 10 categories + the pooled grey
    assert drawn["(2 more categories)"] == "#BBBBBB"
    colours = sorted(v for k, v in drawn.items() if not k.startswith("("))
    assert colours == sorted(CATEGORY_PALETTE[:10])
    assert _min_distance(colours, _DEUTERANOPIA) >= 17.0


def _sim(pairs):
    return pd.DataFrame(pairs, columns=["a", "b", "cosine"])


def test_similarity_heatmap_chooses_items_by_pairs_below_the_same_profile():
    # 3 duplicate pairs (cosine 1) and 4 documents with ordinary likeness; top 4 items drawn
    pairs = [("d1", "d2", 1.0), ("d3", "d4", 1.0), ("d5", "d6", 1.0)]
    pairs += [("x1", "x2", 0.8), ("x3", "x4", 0.6), ("x1", "d1", 0.3), ("x4", "d5", 0.2)]
    ax = plots.plot_similarity(_sim(pairs), top_n=4).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x1", "x2", "x3", "x4"]
    assert ax.get_title().endswith("drawn: the 4 with the strongest pairs below 1.00)")
    note = "\n".join(t.get_text() for t in ax.figure.texts)
    assert (
        "Pairs with the same profile (cosine 1.00): 3, in the table from "
        "corpus_tools.similarity(), not drawn." in note
    )
    assert (
        np.ma.getmaskarray(ax.images[0].get_array()).diagonal().all()
    )  # the diagonal is grey, not a 1.00 like a duplicate
    assert sum(t.get_text() == "1.00" for t in ax.texts) == 0


def test_similarity_heatmap_fills_up_with_duplicates_and_keeps_all_when_they_fit():
    pairs = [("d1", "d2", 1.0), ("d3", "d4", 1.0), ("x1", "x2", 0.5)]
    ax = plots.plot_similarity(_sim(pairs), top_n=3).axes[0]
    # a third item without its partner would be a row with no cell (d1 without d2): left out
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x1", "x2"]
    ax = plots.plot_similarity(_sim(pairs), top_n=4).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["d1", "d2", "x1", "x2"]
    small = plots.plot_similarity(_sim(pairs), top_n=20).axes[0]
    assert len(small.get_yticklabels()) == 6 and "top" not in small.get_title()
    assert sum(t.get_text() == "1.00" for t in small.texts) == 4  # two duplicate pairs, both cells


def _reuse_summary(n_docs: int, n_full: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"doc{i:03d}" for i in range(n_docs)],
            "group": [f"Outlet number {i:03d}" for i in range(n_docs)],
            "n_words": [20] * n_docs,
            "reused_words": [20] * n_full + [10] * (n_docs - n_full),
            "reused_share": [1.0] * n_full + [0.5] * (n_docs - n_full),
        }
    )


def test_reuse_share_past_the_palette_draws_one_colour_and_names_the_tie_at_the_cut():
    fig = plots.plot_reuse_share(_reuse_summary(60, 40), top_n=30)
    ax = fig.axes[0]
    colours = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert colours == {"#0072b2"}  # 30 outlets drawn: 17 colours would repeat
    assert max(ax.get_xticks()) == 100  # no "120 %" tick
    note = "\n".join(t.get_text() for t in fig.texts)
    assert (
        "Left out: 30 documents, 10 of them also at 100 %.\n"
        "All are in the whole table, corpus_tools.reuse_summary(); a page prints only its "
        "first rows." in note
    )


def test_reuse_share_within_the_palette_keeps_outlet_colours_and_says_smaller():
    fig = plots.plot_reuse_share(_reuse_summary(12, 8), top_n=8)
    colours = {to_hex(p.get_facecolor()) for p in fig.axes[0].patches}
    assert len(colours) == 8
    note = "\n".join(t.get_text() for t in fig.texts)
    assert "Left out: 4 documents with smaller shares.\nAll are in the whole table," in note


def test_groups_past_the_palette_are_coloured_far_apart_among_themselves():
    from corpus_tools.plots._base import shown_colors

    many = [f"Outlet {i:03d}" for i in range(564)]
    drawn = many[:10]
    colours = shown_colors(many, drawn)
    assert [colours[n] for n in drawn] == list(CATEGORY_PALETTE[:10])
    assert round(_min_distance(list(colours.values()), _DEUTERANOPIA), 1) == 17.0
    few = [f"Outlet {i}" for i in range(5)]  # within the palette: the corpus-wide colours
    kept = shown_colors(few, few[:2])
    assert (kept["Outlet 0"], kept["Outlet 1"]) == ("#0072B2", "#E69F00")


def test_similarity_heatmap_draws_no_empty_row_and_names_the_blank_cells():
    # nearest-neighbour pairs of 5,000 headlines: the 20th item's partner ranked 21st (a tie at
    # the cut), its row and column only the grey diagonal; blank cells read as 0 on the scale
    pairs = [("a", "b", 0.9), ("c", "d", 0.8), ("e", "f", 0.7), ("g", "h", 0.7), ("c", "e", 0.1)]
    table = _sim(pairs)
    table.attrs["similarity_top_k"] = 10
    fig = plots.plot_similarity(table, top_n=5)
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["a", "b", "c", "d", "e"]  # e pairs with c (0.1): f and g-h do not fit
    mat = np.ma.getdata(ax.images[0].get_array()).copy()
    np.fill_diagonal(mat, np.nan)
    assert not np.isnan(mat).all(axis=1).any()  # every row has a cell
    note = "\n".join(t.get_text() for t in fig.texts)
    assert "Blank: a pair the table does not hold (not among either item's 10 nearest, or no " in (
        note
    )


def test_interactive_timeline_has_no_legend_repeating_the_rows():
    # the legend listed each row's outlet again beside the axis that names them
    t = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["TASS", "SCMP", "TASS"],
            "published": pd.to_datetime(["2023-10-07", "2023-10-08", "2023-10-09"]),
            "date_precision": ["day"] * 3,
        }
    )
    fig = plots.plot_timeline(t, interactive=True)
    assert fig.layout.showlegend is False
    assert sorted({tr.name for tr in fig.data}) == ["SCMP", "TASS"]  # hover still names them
    assert fig.layout.annotations[0].align == "left"


def test_similarity_items_from_the_strongest_pairs_equal_a_full_sort():
    # 1,000,000 nearest-neighbour pairs: a full sort took 12.6 CPU s; the strongest 64 x top_n
    # (ties at the cut kept) are sorted first and must choose the same items
    from corpus_tools.plots.compare import _pair_items, _take_pairs

    rng = np.random.default_rng(7)
    n = 5000
    a = np.array([f"d{i}" for i in rng.integers(0, 400, n)], dtype=object)
    b = np.array([f"d{i}" for i in rng.integers(0, 400, n)], dtype=object)
    cos = np.round(rng.random(n), 2)  # many ties
    for top_n in (3, 20, 25):
        assert _pair_items(a, b, cos, top_n, []) == _take_pairs(a, b, cos, top_n, [])


def test_similarity_heatmap_prints_a_likeness_below_one_apart_from_a_duplicate():
    # session 31, 2,095 BBC articles: drawn cells of cosine 0.998 printed "1.00" under a title
    # "strongest pair below 1.00" and a note saying the 1.00 pairs were not drawn
    pairs = [("d1", "d2", 1.0), ("x1", "x2", 0.998), ("x3", "x4", 0.5)]
    ax = plots.plot_similarity(_sim(pairs), top_n=4).axes[0]
    assert sorted(t.get_text() for t in ax.texts) == ["0.50", "0.50", "0.998", "0.998"]
