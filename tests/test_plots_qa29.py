"""Session 29 figure fixes: the interactive network's labels avoid other actors' markers;
a keyness bar that is the group's own name is drawn pale and hatched, with a note."""

from __future__ import annotations

import matplotlib
import pandas as pd

from corpus_tools import plots
from corpus_tools.plots import network

matplotlib.use("Agg")


def test_interactive_label_moves_off_a_neighbours_marker() -> None:
    # plot area 650 x 420 px: 'A' at the centre, 'B' 10 px above it, 'C', 'D' far away;
    # above A its label box (y 6-22 px) would cover B's marker (r 4 px at y 10)
    pos = {"A": (0.0, 0.0), "B": (0.0, 10 / 420), "C": (1.0, 1.0), "D": (-1.0, -1.0)}
    order = ["A", "B", "C", "D"]
    labels = network._fitting_labels(order, pos, 15)
    assert labels["A"] == "bottom center"
    assert labels["B"] == "top center"
    assert labels == {"A": "bottom center", "B": "top center", "C": "top center", "D": "top center"}


def test_interactive_label_beside_when_above_and_below_are_taken() -> None:
    # 'A' with markers straight above and below it (12 px): its label goes to the right
    pos = {
        "A": (0.0, 0.0),
        "B": (0.0, 12 / 420),
        "C": (0.0, -12 / 420),
        "Z": (1.0, 1.0),
        "Y": (-1.0, -1.0),
    }
    labels = network._fitting_labels(["A", "Z", "Y"], pos, 15)
    assert labels == {"A": "middle right", "Z": "top center", "Y": "top center"}


def test_interactive_no_label_for_an_actor_on_a_labelled_disc() -> None:
    # two actors at one point: one label, which names the disc it is beside
    pos = {"Donald Trump": (0.0, 0.0), "Iran": (0.0, 0.0), "Chad": (1.0, 1.0)}
    labels = network._fitting_labels(["Donald Trump", "Iran", "Chad"], pos, 15)
    assert labels == {"Donald Trump": "top center", "Chad": "top center"}


def _key() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["Yahoo Finance"] * 3 + ["CNBC"] * 2,
            "term": ["yahoo", "finance", "growth", "updates", "live"],
            "count": [62, 62, 21, 14, 14],
            "z": [6.8, 6.8, 3.0, 3.4, 3.2],
            "n_docs_group": [62, 62, 62, 23, 23],
        }
    )


def test_keyness_own_name_bars_hatched_and_noted() -> None:
    fig = plots.plot_keyness(_key(), top_n=3)
    hatched = {
        (ax.get_title(), round(p.get_width(), 1))
        for ax in fig.axes
        for p in ax.patches
        if p.get_hatch()
    }
    assert hatched == {("Yahoo Finance (62 docs)", 6.8)}
    yahoo = next(ax for ax in fig.axes if ax.get_title().startswith("Yahoo"))
    assert [p.get_alpha() for p in yahoo.patches] == [0.35, 0.35, None]
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "Pale hatched bars: the group's own name or a word of it" in notes
    matplotlib.pyplot.close(fig)


def test_keyness_without_own_names_has_no_note() -> None:
    k = _key()
    k["group"] = k["group"].replace({"Yahoo Finance": "Wire"})
    fig = plots.plot_keyness(k, top_n=3)
    assert not any(p.get_hatch() for ax in fig.axes for p in ax.patches)
    assert "hatched" not in " ".join(t.get_text() for t in fig.texts)
    matplotlib.pyplot.close(fig)


def test_tone_rows_whole_and_parted() -> None:
    # 24 Google News outlets: the top row was cut in half (its one point far below its
    # label) and nothing parted one target's points from the next one's
    s = pd.DataFrame(
        {
            "group": ["CNBC", "Yahoo Finance", "CNBC", "NPR", "Yahoo Finance"],
            "target": ["Australia", "Australia", "China", "China", "United States"],
            "mean_compound": [0.1, 0.4, -0.2, 0.3, 0.2],
            "ci_low": [None, None, -0.5, 0.1, 0.1],
            "ci_high": [None, None, 0.1, 0.5, 0.3],
            "n_sentences": [1, 1, 7, 4, 21],
            "n_docs": [1, 1, 7, 4, 21],
        }
    )
    fig = plots.plot_target_sentiment(s)
    ax = fig.axes[0]
    assert ax.get_ylim() == (2.5, -0.5)
    grey = [ln.get_ydata()[0] for ln in ax.get_lines() if ln.get_color() == "#cccccc"]
    assert grey == [0.5, 1.5]
    matplotlib.pyplot.close(fig)


def test_tone_long_title_wrapped() -> None:
    s = pd.DataFrame(
        {
            "group": [f"Outlet {i}" for i in range(10)],
            "target": ["China"] * 10,
            "mean_compound": [0.1] * 10,
            "ci_low": [None] * 10,
            "ci_high": [None] * 10,
            "n_sentences": list(range(1, 11)),
            "n_docs": [1] * 10,
        }
    )
    fig = plots.plot_target_sentiment(s)
    assert fig.axes[0].get_title() == (
        "Tone of coverage in which each actor appears (n = 55 sentence-target pairs; top\n"
        "8 of 10 groups)"
    )
    matplotlib.pyplot.close(fig)


def _crowd() -> dict[str, tuple[float, float]]:
    # plot area 650 x 420 px over x, y in -1..1: 325 px per x unit, 210 per y unit. 'Alpha'
    # has markers 12 px above and below and 20 px right and left: every place beside it
    # covers one
    return {
        "Alpha": (0.0, 0.0),
        "N1": (0.0, 12 / 210),
        "N2": (0.0, -12 / 210),
        "N3": (20 / 325, 0.0),
        "N4": (-20 / 325, 0.0),
        "Z1": (1.0, 1.0),
        "Z2": (-1.0, -1.0),
        "Z3": (1.0, -1.0),
        "Z4": (-1.0, 1.0),
        "Z5": (0.5, 1.0),
    }


def test_interactive_most_mentioned_labelled_in_a_crowd() -> None:
    # 1,008 wayback pages: with markers avoided, United States, United Kingdom, China and
    # Barack Obama (the centre) had no label and Philippines, Niger, Kosovo had theirs
    labels = network._fitting_labels(["Alpha", "Z1"], _crowd(), 15)
    assert labels == {"Alpha": "top center", "Z1": "top center"}


def test_interactive_crowded_actor_after_five_labels_gets_none() -> None:
    labels = network._fitting_labels(["Z1", "Z2", "Z3", "Z4", "Z5", "Alpha"], _crowd(), 15)
    assert "Alpha" not in labels
    assert len(labels) == 5
