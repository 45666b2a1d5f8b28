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
                {"path": "m1-apple.json#row=40", "reason": "JSON row 40: missing text"},
                {"path": "b.csv#row=7", "reason": "line 9 has 3 fields, the header 2"},
                {"path": "p/01cc.html", "reason": "HTML page with no extractable article text"},
                {"path": "h.csv", "reason": "h.csv: no text column"},
            ],
            "n_skipped": 4,
        }

        def say(self, msg: str) -> None:
            print(msg, file=sys.stderr)

    report._say_load_notes(Run())  # type: ignore[arg-type]
    assert capsys.readouterr().err.splitlines() == [
        "skipped: m1-apple.json: JSON row 40: missing text",
        "skipped: b.csv#row=7: line 9 has 3 fields, the header 2",
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


def test_the_timeline_leaves_far_dates_off_its_axis_and_says_so() -> None:
    """966 search results of summer 2017 with 9 dates from 2011-2016: the 957 others were a
    sliver at the right end of a six-year axis."""
    days = pd.date_range("2017-07-01", "2017-09-15", freq="D")
    published = list(days) * 4 + list(pd.to_datetime(["2011-09-30", "2014-05-14"]))
    table = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(published))],
            "outlet": ["a.com", "b.com"] * (len(published) // 2),
            "published": published,
            "date_precision": "day",
        }
    )
    fig = plots.plot_timeline(table)
    lo, hi = fig.axes[0].get_xlim()
    assert matplotlib.dates.num2date(lo).year == 2017
    note = fig.texts[0].get_text()
    assert (
        "Not drawn: 2 documents dated far outside the rest (2011-09-30, 2014-05-14);\n"
        "the axis shows the other 308, from 2017-07-01 to 2017-09-15." in note
    )
    assert fig.axes[0].get_title().startswith("Publication dates by outlet (n = 310 documents")


def test_a_share_says_how_uncertain_it_is_at_its_n() -> None:
    n = pd.Series({"Blog": 20, "SCMP": 11, "TASS": 12, "News site": 14, "Straits Times": 9})
    assert ct.describe_share_uncertainty(n) == (
        "Each share rests on 9 to 20 sentences of a group: a share near 0.5 is uncertain by "
        "±0.27 with 9 and by ±0.20 with 20 (95 % Wilson interval), and by more, because the "
        "sentences of one document are not independent draws."
    )


def test_the_interactive_network_wraps_a_long_note_of_left_out_actors() -> None:
    """27 actors without a tie were named on one line that ran past the figure's edge."""
    alone = ["France", "Germany", "Japan", "Canada", "Mexico", "Brazil", "Spain", "Italy"]
    alone += ["Egypt", "Kenya", "Chile", "Peru", "Norway", "Sweden", "Finland", "Poland"]
    text = " ".join(f"{a} spoke. {a} waited." for a in alone)  # two mentions, no pair
    text += " Russia and China met. Russia and China agreed."
    corpus = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    mentions = ct.actor_mentions(corpus)
    g = ct.network(ct.cooccurrence(corpus, mentions=mentions), mentions)
    note = plots.plot_network_interactive(g).layout.annotations[0].text
    lines = note.split("<br>")
    assert len(lines) >= 2 and max(len(x) for x in lines) <= 130
    assert " ".join(lines).startswith("No tie with a positive association score")
    assert note.endswith("Mexico, Norway and 4 more.")


def test_a_large_n_is_not_printed_as_no_uncertainty() -> None:
    """216 to 91,420 sentences per group printed '±0.00 with 91,420'."""
    text = ct.describe_share_uncertainty(pd.Series([216, 91_420]))
    assert "by ±0.07 with 216 and by ±0.003 with 91,420 (95 % Wilson interval)" in text
