"""Session 23 QA of the report on corpora it had never seen (a 564-outlet headline table)."""

from __future__ import annotations

import pandas as pd

from corpus_tools import report


def test_index_says_what_the_outlets_past_the_table_hold(tmp_path) -> None:
    # 3,000 cybersecurity descriptions from 564 outlets: "Showing the 50 largest of 564 rows"
    # left the other 514 outlets' share of the corpus unsaid
    rows = [(f"Outlet {i:02d}", 60 - i) for i in range(50)]  # 60 .. 11 documents
    rows += [(f"Small {i}", 3) for i in range(4)] + [(f"Tiny {i}", 1) for i in range(6)]
    table = pd.DataFrame(
        [
            {"text": f"Report number {k} from {name} on the breach.", "outlet": name}
            for name, n in rows
            for k in range(n)
        ]
    )
    path = tmp_path / "t.csv"
    table.to_csv(path, index=False)
    context = report.prepare_corpus(path, None)
    assert context["outlets_rest"] == (
        "The other 10 rows hold 18 documents (1 to 3 each; 6 rows have a single document)."
    )
    extra = {"corpus_name": "t", "version": "0", "notebooks": [], "run_info": ""}
    page = report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})
    assert (
        "Showing the 50 largest of 60 rows: 60 outlets. The other 10 rows hold 18 documents "
        "(1 to 3 each; 6 rows have a single document).</p>"
    ) in page


def test_rest_note_wording_for_one_row_and_equal_rows() -> None:
    assert report._rest_note([1]) == "The other row holds 1 document."
    assert report._rest_note([]) == ""
    assert report._rest_note([2, 2]) == "The other 2 rows hold 4 documents (2 each)."


def test_kwic_headers_say_before_and_after_when_every_row_is_right_to_left() -> None:
    import corpus_tools as ct

    arabic = pd.DataFrame(
        {"left": ["في قضية مقتل الصحفي جمال"], "match": ["خاشقجي"], "right": ["بقنصلية بلاده"]}
    )
    page = ct.kwic_view(arabic)._repr_html_()
    heads = [h.split(">")[-1] for h in page.split("</th>")[:-1]]
    assert heads == ["after", "match", "before"]  # the left cell holds the words after
    assert page.index("بقنصلية بلاده") < page.index("خاشقجي") < page.index("في قضية")
    english = pd.DataFrame({"left": ["Israel said"], "match": ["Hamas"], "right": ["would pay"]})
    mixed = pd.concat([arabic, english])
    assert [h.split(">")[-1] for h in ct.kwic_view(english)._repr_html_().split("</th>")[:-1]] == [
        "left",
        "match",
        "right",
    ]
    assert ">left</th>" in ct.kwic_view(mixed)._repr_html_()


def test_header_names_a_table_column_that_holds_the_outlets(tmp_path) -> None:
    # NewsDataHub's `source_title` (564 outlets over 3,000 rows) was not an outlet name the loader
    # knew: the report said "0 outlets" and compared one group, with no hint. The loader now knows
    # source_title (session 24); the note still names a column it does not know, e.g. feed_label
    names = ["TechRadar", "TechRadar", "Bloomberg", "Bloomberg", "Bloomberg", "The Register"]
    table = pd.DataFrame(
        {
            "description": [f"Hackers breached system number {i} on Monday." for i in range(6)],
            "feed_label": names,
        }
    )
    path = tmp_path / "news.csv"
    table.to_csv(path, index=False)
    context = report.prepare_corpus(path, None, {"text_column": "description"})
    assert context["header"]["folder_note"] == (
        "no document has an outlet, so every comparison below has one group; the column "
        "'feed_label' holds 3 names over 6 documents (Bloomberg 3, TechRadar 2, The Register "
        "1, ...). To compare them, run the report again with --outlet-column feed_label "
        "(outlet_column='feed_label' in load_corpus)."
    )
    with_outlets = report.prepare_corpus(
        path, None, {"text_column": "description", "outlet_column": "feed_label"}
    )
    assert with_outlets["header"]["folder_note"] == ""
    assert with_outlets["n_outlets"] == 3
    table.rename(columns={"feed_label": "source_title"}).to_csv(path, index=False)
    known = report.prepare_corpus(path, None, {"text_column": "description"})
    assert known["n_outlets"] == 3 and known["header"]["folder_note"] == ""


def test_report_on_a_symlink_loop_says_so_in_one_line(tmp_path) -> None:
    import pytest

    from corpus_tools.errors import CorpusLoadError

    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(CorpusLoadError) as err:
        report.run_report(tmp_path / "a.txt", tmp_path / "out")
    assert "a.txt: symlink loop (the link leads back to itself); not followed" in str(err.value)
    assert not (tmp_path / "out").exists()
