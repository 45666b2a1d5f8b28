"""QA of the report on real corpora it had not seen (stop 20, H6).

Corpora behind these findings (kept outside the repository): htmldate's 200 MediaCloud
news pages of 2020 (Ukrainian, Turkish, Russian, Spanish, Japanese, Hindi, English ...;
178 outlets, 1-3 pages each), 390 news-please-style JSONL records of htmldate's evaluation
pages (383 outlets, German and English), 1,999 Times of India headlines exported as a
German-Excel CSV (``;``, CRLF, ``dd.mm.yyyy``; one category holds 1,975 of them) and a
crawler text dump of CleanEval pages. The tests rebuild each problem in a few lines.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import plots
from corpus_tools.plots._base import PALETTE_SIZE


def _many_outlets(n_outlets: int = 179) -> pd.DataFrame:
    """Like the MediaCloud pages: a few outlets with 2-3 documents, the rest with one.

    The larger outlets are every 17th name in sorted order, so their corpus-wide
    colours (assigned in sorted order, repeating every 17) are all the same.
    """
    rows = []
    for i in range(n_outlets):
        for j in range(3 if i % 17 == 0 else 2 if i % 17 == 1 else 1):
            rows.append(
                {
                    "doc_id": f"d{i:03d}_{j}",
                    "outlet": f"Outlet {i:03d}",
                    "published": pd.Timestamp("2020-01-01") + pd.Timedelta(days=i + j),
                    "date_precision": "day",
                    "n_words": 100 + 10 * i + j,
                    "title": f"Title {i} {j}",
                }
            )
    return pd.DataFrame(rows)


def test_outlet_rows_never_share_a_colour_past_the_palette() -> None:
    # MediaCloud pages: 179 outlets, the timeline draws 15; the corpus-wide colours repeat
    # every 17 outlets, so The Times of India and Business Standard were both sky blue
    table = _many_outlets()
    rows = plots.overview.outlet_rows(table, top_n=15)
    drawn = [rows.colors[o] for o in rows.outlets]
    assert len(rows.outlets) == 15
    assert len(set(drawn)) == 15
    fig = plots.plot_timeline(table, interactive=True)
    marker_colours = {tr.name: tr.marker.color for tr in fig.data}
    assert len(marker_colours) == 15
    assert len(set(marker_colours.values())) == 15


def test_outlet_rows_keep_corpus_wide_colours_while_they_fit() -> None:
    table = _many_outlets(PALETTE_SIZE)
    rows = plots.overview.outlet_rows(table, top_n=5)
    every = plots.outlet_colors(table["outlet"])
    assert all(rows.colors[o] == every[o] for o in rows.outlets)


def _frame_summary(n_groups: int, silent: set[int]) -> pd.DataFrame:
    """Groups with more sentences come first; the ``silent`` ones have no cue at all."""
    rows = []
    for g in range(n_groups):
        n = 300 - g
        for f, frame in enumerate(["conflict", "health_safety", "political"]):
            k = 0 if g in silent else (g + f) % 5 + 1
            rows.append(
                {
                    "group": f"G{g:02d}",
                    "frame": frame,
                    "sentences_with_frame": k,
                    "n_sentences": n,
                    "sentence_share": k / n,
                    "n_docs": 1,
                }
            )
    return pd.DataFrame(rows)


def test_frame_heatmap_leaves_out_groups_without_any_cue_before_groups_with_cues() -> None:
    # MediaCloud pages: the rows were the 20 groups with most sentences, among them
    # Japanese, Russian and Hungarian sites with 0/232, 0/164, 0/113 in every cell
    summary = _frame_summary(30, silent={0, 2, 5, 7})
    fig = plots.plot_frame_heatmap(summary)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(rows) == 20
    assert not {"G00", "G02", "G05", "G07"} & set(rows)
    assert rows[0] == "G01" and rows[-1] == "G23"
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "6 groups with fewer sentences" in notes
    assert "4 groups with no cue sentence" in notes
    assert "top 20 of 30 groups" in fig.axes[0].get_title()


def test_frame_heatmap_keeps_silent_groups_when_every_group_fits() -> None:
    summary = _frame_summary(5, silent={1})
    fig = plots.plot_frame_heatmap(summary)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert rows == ["G00", "G01", "G02", "G03", "G04"]
    assert not fig.texts or "no cue" not in " ".join(t.get_text() for t in fig.texts)


def test_frame_heatmap_with_no_cue_anywhere_still_draws_the_largest_groups() -> None:
    summary = _frame_summary(25, silent=set(range(25)))
    fig = plots.plot_frame_heatmap(summary)
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert rows[:2] == ["G00", "G01"] and len(rows) == 20
    assert "5 groups with fewer sentences" in " ".join(t.get_text() for t in fig.texts)


def test_narration_writes_large_counts_with_thousands_separators() -> None:
    # news-please JSONL (383 outlets): "3131 of 3830 group-frame cells", "1,911 quotes: 1096 from"
    import corpus_tools as ct

    rows = []
    for g in range(383):
        for f in ["conflict", "political", "legality", "morality", "health_safety"] * 2:
            rows.append({"group": f"G{g:03d}", "frame": f"{f}{len(rows) % 10}"})
    summary = pd.DataFrame(rows)
    summary["n_sentences"] = 1200
    summary["n_docs"] = 1
    summary["sentences_with_frame"] = [1100 if i < 700 else 0 for i in range(len(summary))]
    summary["sentence_share"] = summary["sentences_with_frame"] / summary["n_sentences"]
    text = ct.describe_frames(summary)
    assert "(0.917: 1,100 of 1,200 sentences)" in text
    assert "3,130 of 3,830 group-frame cells have no cue sentence at all." in text
    voices = pd.DataFrame(
        {
            "voice_type": ["other"] * 1096 + [None] * 702 + ["official"] * 1113,
            "voice_country": [None] * 1798 + ["United States"] * 1100 + [None] * 13,
        }
    )
    said = ct.describe_voices(voices)
    assert said.startswith(
        "2,911 quotes: 1,113 from officials (United States 1,100, no country 13), "
    )
    assert "1,096 from other voices, 702 from no identified speaker" in said


def _cleaning_by_doc(n_outlets: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"newsplease_dump#{i}" for i in range(40)],
            "outlet": [f"site{i % n_outlets:02d}.example" for i in range(40)],
            "chrome_share": [0.9 - i / 50 for i in range(40)],
        }
    )


def test_cleaning_figure_names_the_outlet_on_each_bar_when_colours_would_repeat() -> None:
    # news-please JSONL: the 30 bars came from 30 outlets, a legend of 30 names in 17 colours
    fig = plots.plot_cleaning(_cleaning_by_doc(40))
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "newsplease_dump#0 · site00.example"
    assert ax.get_legend() is None
    assert len({p.get_facecolor() for p in ax.patches}) == 1
    fig = plots.plot_cleaning(_cleaning_by_doc(40), interactive=True)
    assert [tr.name for tr in fig.data] == ["(outlet named on each bar)"]
    assert fig.data[0].y[0] == "newsplease_dump#0 · site00.example"


def test_cleaning_figure_keeps_the_outlet_legend_while_colours_are_distinct() -> None:
    fig = plots.plot_cleaning(_cleaning_by_doc(6))
    ax = fig.axes[0]
    assert ax.get_yticklabels()[-1].get_text() == "newsplease_dump#0"
    assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == [
        "site00.example",
        "site01.example",
    ]
    assert len({p.get_facecolor() for p in ax.patches}) == 6


def test_cleaning_rules_figure_writes_counts_with_thousands_separators() -> None:
    summary = pd.DataFrame(
        {
            "rule": ["block:after_body", "copyright_line"],
            "n_edits": [1820, 13],
            "removed_chars": [90652, 409],
        }
    )
    fig = plots.plot_cleaning_rules(summary, n_docs=390)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert " 90,652 chars, 1,820 edits" in texts
    assert "(n = 1,833 edits)" in fig.axes[0].get_title()


def test_describe_keyness_says_one_time_not_one_times() -> None:
    # Times of India headlines: "The strongest term is 'men' for hollywood (z = 0.54: 1 times ..."
    import corpus_tools as ct

    key = pd.DataFrame(
        {
            "group": ["hollywood", "unknown"],
            "term": ["men", "govt"],
            "count": [1, 71],
            "count_rest": [4, 0],
            "n_docs": [1, 71],
            "z": [0.54, 0.10],
        }
    )
    text = ct.describe_keyness(key)
    assert text.startswith(
        "The strongest term is 'men' for hollywood (z = 0.54: 1 time in the group, 4 in"
    )


def test_report_index_writes_counts_with_thousands_separators(tmp_path) -> None:
    # Times of India headlines (German-Excel CSV): the index said "documents 1999",
    # "words 12300", "unknown 1975 12187" beside "all 1,999 documents"
    from corpus_tools import report

    folder = tmp_path / "headlines"
    folder.mkdir()
    rows = ["Überschrift;Kategorie"] + [
        f"Headline number {i} on the budget;{'unknown' if i < 1010 else f'city.c{i}'}"
        for i in range(1030)
    ]
    (folder / "teil1.csv").write_text("\ufeff" + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    context = report.prepare_corpus(
        folder, None, load_options={"text_column": "Überschrift", "outlet_column": "Kategorie"}
    )
    summary = dict(context["summary"])
    assert summary["documents"] == "1,030" and summary["words"] == "6,180"
    assert context["outlets"][0] == {
        "outlet": "unknown",
        "n_docs": "1,010",
        "n_words": "6,060",
        "first": "unknown",
        "last": "unknown",
        "color": "",
    }
    extra = {"corpus_name": "headlines", "version": "0", "notebooks": [], "run_info": ""}
    page = report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})
    assert '<td class="num">1,010</td><td class="num">6,060</td>' in page
    assert "Showing the 50 largest" not in page  # 21 outlets: every row shown
    header = report._header_html(context["header"], hidden=None, seeds=False)
    assert "1,030</td>" in header and "21 outlets" in header


def _headline_dates() -> pd.DataFrame:
    """Times of India headlines: 1,975 in one category on 43 days, a few elsewhere."""
    rows = [
        {
            "doc_id": f"u{i}",
            "outlet": "unknown",
            "published": pd.Timestamp("2001-01-02") + pd.Timedelta(days=i % 43),
        }
        for i in range(1975)
    ]
    rows += [{"doc_id": "h1", "outlet": "hollywood", "published": pd.Timestamp("2001-01-04")}]
    t = pd.DataFrame(rows)
    t["date_precision"] = "day"
    return t


def test_timeline_grows_markers_where_documents_share_a_day_and_says_so() -> None:
    # 1,975 headlines on 43 days were 43 dots: the row read like 43 documents
    # session 22: a row of more than 200 documents draws one marker a day, sized by its count
    fig = plots.plot_timeline(_headline_dates(), interactive=True)
    by_name = {tr.name: tr for tr in fig.data}
    sizes = list(by_name["unknown"].marker.size)
    assert len(sizes) == 43 and max(sizes) == 14.0  # 43 days; the busiest fits a day's space
    assert by_name["hollywood"].marker.size == 6  # alone on its day: the plain size
    note = fig.layout.annotations[0].text
    assert "Larger marker" not in note  # the marker rows share no day
    assert "<br>Rows of more than 200 documents: one marker a day, its size" in note
    assert "(largest: 46)." in note
    # session 30: 50+ documents at 1.5+ a day are a marker a day too (180 on 5 days drew 180
    # markers grown to their cap, blobs); under 50 documents the markers grow, capped
    few = _headline_dates().head(45)
    few["published"] = pd.Timestamp("2001-01-02") + pd.to_timedelta([i % 5 for i in range(45)], "D")
    two = plots.plot_timeline(few, interactive=True)
    sizes = list({tr.name: tr for tr in two.data}["unknown"].marker.size)
    # session 31: grown markers start from 6 px at any count (from 11 px they reached 27 px)
    assert len(sizes) == 45 and max(sizes) == 14.7 and min(sizes) == 14.7  # 6 x sqrt(6): capped
    few["published"] = pd.Timestamp("2001-01-02") + pd.to_timedelta(range(45), "D")
    apart = plots.plot_timeline(few.head(3), interactive=True)  # no shared day: 11 px
    assert [tr.marker.size for tr in apart.data] == [11]
    assert "(up to 9)." in two.layout.annotations[0].text
    # static: a row of more than 200 documents draws a bar a day (session 22: 21,295
    # headlines were one black band of capped markers); the one-document row keeps its marker
    fig = plots.plot_timeline(_headline_dates())
    assert len(fig.axes[0].patches) == 43
    areas = fig.axes[0].collections[0].get_sizes()
    assert len(areas) == 1 and areas.max() == 60.0
    assert "one bar a day" in fig.texts[0].get_text()


def test_timeline_markers_keep_one_size_when_no_day_is_shared() -> None:
    t = _headline_dates().drop_duplicates("published")
    fig = plots.plot_timeline(t, interactive=True)
    assert {tr.marker.size for tr in fig.data} == {11}
    assert "Larger marker" not in fig.layout.annotations[0].text


def test_cleaning_rules_axis_writes_millions_as_plain_numbers() -> None:
    # crawler dump: 11,546,523 characters removed by one rule; the axis read 0.0 ... 1.4 and "1e7"
    summary = pd.DataFrame(
        {
            "rule": ["block:comments", "updated_line"],
            "n_edits": [160417, 555],
            "removed_chars": [11546523, 22395],
        }
    )
    fig = plots.plot_cleaning_rules(summary, n_docs=441)
    ax = fig.axes[0]
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks[:3] == ["0", "2,000,000", "4,000,000"]
    assert ax.xaxis.get_offset_text().get_text() == ""


def test_cleaning_figure_has_no_legend_when_no_document_has_an_outlet() -> None:
    # crawler dump without metadata: 30 black bars and a legend with the one entry "(missing)"
    by_doc = _cleaning_by_doc(3).assign(outlet=None)
    fig = plots.plot_cleaning(by_doc)
    assert fig.axes[0].get_legend() is None
    assert {p.get_facecolor() for p in fig.axes[0].patches} == {(0.0, 0.0, 0.0, 1.0)}


def test_reuse_share_labels_drop_the_group_when_there_is_only_one() -> None:
    # crawler dump without outlets: every bar read "56/7aafeb122871 (missing)", and "75/14456"
    share = pd.DataFrame(
        {
            "doc_id": ["56/7aafeb122871", "f0/c5de9c2246da"],
            "group": ["(missing)", "(missing)"],
            "n_words": [183, 14456],
            "reused_words": [40, 75],
            "reused_share": [40 / 183, 75 / 14456],
        }
    )
    fig = plots.plot_reuse_share(share)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["f0/c5de9c2246da", "56/7aafeb122871"]
    assert ax.get_ylabel() == "Document"
    assert " 75/14,456" in [t.get_text() for t in ax.texts]
    fig = plots.plot_reuse_share(share.assign(group=["A", "B"]))
    assert fig.axes[0].get_yticklabels()[-1].get_text() == "56/7aafeb122871 (A)"


def _mentions_by_date(outliers: dict[str, int]) -> pd.DataFrame:
    rows = [
        {
            "group": (pd.Timestamp("2020-01-01") + pd.Timedelta(days=i)).date().isoformat(),
            "actor": a,
            "n_mentions": n,
        }
        for i in range(300)
        for a, n in (("United States", 5), ("Turkey", 2))
    ]
    rows += [{"group": d, "actor": "United States", "n_mentions": n} for d, n in outliers.items()]
    rows += [{"group": "(missing)", "actor": "France", "n_mentions": 5}]
    return pd.DataFrame(rows)


def test_mentions_over_time_leaves_out_a_few_dates_far_from_the_rest_and_says_so() -> None:
    # MediaCloud pages: one page dated 2005-07-26 and one 2008-02-02 stretched the axis over
    # 15 years; a year of news was squeezed into its last pixels
    counts = _mentions_by_date({"2005-07-26": 2, "2008-02-02": 1})
    fig = plots.plot_mentions_over_time(counts)
    ax = fig.axes[0]
    assert ax.get_xlabel() == (
        "publication date (left out: 3 mentions on 2 dates outside 2020-01-01 to 2020-10-26, far from the rest)"
    )
    first = min(min(line.get_xdata()) for line in ax.get_lines())
    assert pd.Timestamp(first) >= pd.Timestamp("2019-12-30")  # weekly bins start on a Monday


def test_mentions_over_time_keeps_dates_that_continue_the_rest() -> None:
    counts = _mentions_by_date({"2019-12-20": 2, "2019-12-10": 1})
    fig = plots.plot_mentions_over_time(counts)
    assert "left out" not in fig.axes[0].get_xlabel()


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1, "60", True])
def test_run_report_refuses_a_timeout_that_is_not_finite_seconds(tmp_path, bad) -> None:
    """QA S20-H8-6: the command line refused nan/inf, the Python call ran every notebook
    into 'cannot convert float NaN to integer'; now it refuses before any work."""
    from corpus_tools.errors import CorpusValueError
    from corpus_tools.report import run_report

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with pytest.raises(CorpusValueError, match="give seconds per cell"):
        run_report(seeds, tmp_path / "out", timeout=bad, progress=False)
    assert not (tmp_path / "out").exists()
