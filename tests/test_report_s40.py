"""What a reader sees of the report on users' corpora (session 40): skipped inputs named by
their file, similarity heatmap labels readable at any length, top-word lists of small groups."""

from __future__ import annotations

import sys

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools import plots, report  # noqa: E402


def test_a_skipped_row_of_a_folder_of_tables_names_its_file(capsys) -> None:
    """A folder of 20 JSON files said "skipped: JSON row 40: missing text" (which file?),
    and a folder of saved pages "skipped: HTML page with no extractable article text"."""

    class Run:
        context = {
            "load_notes": [],
            "skipped": [
                {"path": "m1-apple.json", "reason": "JSON row 40: missing text"},
                {"path": "p/01cc.html", "reason": "HTML page with no extractable article text"},
                {"path": "h.csv", "reason": "h.csv: no text column"},
            ],
            "n_skipped": 3,
        }

        def say(self, msg: str) -> None:
            print(msg, file=sys.stderr)

    report._say_load_notes(Run())  # type: ignore[arg-type]
    assert capsys.readouterr().err.splitlines() == [
        "skipped: m1-apple.json: JSON row 40: missing text",
        "skipped: p/01cc.html: HTML page with no extractable article text",
        "skipped: h.csv: no text column",
    ]


def test_long_heatmap_labels_keep_the_outlet_and_the_id_on_two_lines() -> None:
    """1,324 NYT snippets: every row read "The New York Time…28a2a028b" (cut to 36)."""
    ids = ["5ac71af4068401528a3989", "5ac9da19068401528a2a4c8d", "5acb8c2a068401528a2a575e"]
    outlets = ["The New York Times", "The New York Times", "International New York Times"]
    labels = {d: f"{o} · {d}" for d, o in zip(ids, outlets, strict=True)}
    sim = pd.DataFrame({"a": ids[:2] + ids[:1], "b": ids[1:] + ids[2:], "cosine": [0.5, 0.3, 0.2]})
    fig = plots.plot_similarity(sim, labels=labels)
    shown = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert shown == [
        "The New York Times ·\n5ac71af4068401528a3989",
        "The New York Times ·\n5ac9da19068401528a2a4c8d",
        "International New York Times ·\n5acb8c2a068401528a2a575e",
    ]


def test_small_groups_get_no_list_of_words_that_occur_once() -> None:
    """A 5-document group listed "affordable, ample, available, ...": count-1 ties in
    alphabetical order, read as its top words."""
    tops = pd.DataFrame(
        {"with stopwords": ["the, of", "the"], "without stopwords": ["gaza, talks", None]},
        index=["The New York Times", "International New York Times"],
    )
    sizes = pd.Series({"The New York Times": 1319, "International New York Times": 5})
    assert ct.describe_top_terms(tops, sizes, 2) == (
        "No word other than stopwords occurs twice in 1 of 2 groups, so it has no top words: "
        "International New York Times (5 documents). A word that occurs once is not listed."
    )
    assert ct.describe_top_terms(tops.iloc[:1], sizes, 2) == ""
