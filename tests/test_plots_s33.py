"""Figure labels of document ids that share a long start (feed guids, web addresses): cut in the middle."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from corpus_tools import plots  # noqa: E402
from corpus_tools.plots._base import middle_label  # noqa: E402

IDS = [
    f"cid://https://www.hawaiitribune-herald.com/2026/08/{d:02d}/hawaii-news/{slug}"
    for d, slug in [(12, "weather-system-east"), (13, "tropical-storm-lala"), (14, "lala-on-path")]
]


def test_middle_label_keeps_both_ends() -> None:
    got = middle_label(IDS[0], 30)
    assert len(got) == 30
    assert got.startswith("cid://https://") and got.endswith("system-east")
    # cut before escaping: every dollar sign keeps its escape (never mathtext)
    assert middle_label("$x$ " + "y" * 40 + " $z$", 12) == "\\$x\\$ y…yy \\$z\\$"


def test_cleaning_figure_tells_documents_with_a_long_shared_start_apart() -> None:
    t = pd.DataFrame({"doc_id": IDS, "outlet": ["hth"] * 3, "chrome_share": [0.2, 0.1, 0.05]})
    fig = plots.plot_cleaning(t, interactive=False)
    labels = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert len(set(labels)) == 3
    assert any(lab.endswith("tropical-storm-lala") for lab in labels)


def test_reuse_share_figure_tells_documents_with_a_long_shared_start_apart() -> None:
    share = pd.DataFrame(
        {
            "doc_id": IDS,
            "group": ["a", "b", "a"],
            "n_words": [40, 50, 60],
            "reused_words": [30, 20, 10],
            "reused_share": [0.75, 0.4, 1 / 6],
        }
    )
    fig = plots.plot_reuse_share(share)
    labels = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert len(set(labels)) == 3
    assert all("…" in lab for lab in labels)
