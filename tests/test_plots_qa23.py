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


def test_first_ten_category_colours_are_far_apart():
    old, new = list(_PALETTE[:10]), list(CATEGORY_PALETTE[:10])
    assert round(_min_distance(old), 1) == 14.4  # sky blue next to pale blue
    assert round(_min_distance(old, _DEUTERANOPIA), 1) == 4.3
    assert round(_min_distance(new), 1) == 26.4  # Okabe-Ito's own closest pair
    assert round(_min_distance(new, _DEUTERANOPIA), 1) == 17.0
    assert sorted(CATEGORY_PALETTE) == sorted(_PALETTE)  # same colours, another order


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
