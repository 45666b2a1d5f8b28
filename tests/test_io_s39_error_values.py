"""Session 39 loader fixes: a title line above a table without a header is told as such (not
"line 3 reads like the header" when line 3 is a row of data), and a spreadsheet's or a
scraper's error value ('#N/A', '#ALL_SELECTORS_RETURN_NULL') in a title, outlet or text cell
is no title, outlet or text, with a note."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError, CorpusToolsWarning
from corpus_tools.io.columns import error_value


def _load(path: Path) -> tuple[ct.Corpus, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = ct.load_corpus(path, n_jobs=1)
    return c, [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]


def test_title_above_rows_without_header_says_no_header(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "Table 1\n\n"
        "1,Talks ended after two days in Doha and the delegations went home.,2024-01-02\n"
        "2,The central bank held its rate at four percent on Tuesday.,2024-01-03\n"
        "3,Heavy rain closed the coastal road for a second day.,2024-01-04\n",
        encoding="utf-8",
    )
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(path, n_jobs=1)
    msg = str(err.value)
    assert (
        "t.csv: CSV line 1 ('Table 1') is a title, not the header: line 3 ('1,Talks ended after "
        "two days in Doha and the delegations went home.,2024-01-02') reads like data, so no "
        "header line was found (the rows have 3 fields); replace the 2 line(s) above it with a "
        "line naming the 3 columns, separated as the rows are, or read it with "
        "pandas.read_csv(path, skiprows=2, header=None, names=[...]) and pass the DataFrame"
    ) in msg
    assert "reads like the header" not in msg


def test_title_above_a_header_still_names_the_header(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("Report 2024\n\ncountry,2019,2020\nGermany,5,6\nFrance,7,8\n", "utf-8")
    with pytest.raises(
        CorpusLoadError, match=r"line 3 \('country,2019,2020'\) reads like the header"
    ):
        ct.load_corpus(path, n_jobs=1)


def test_error_values_are_missing_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(
        "title,outlet,text\n"
        "#ALL_SELECTORS_RETURN_NULL,#ALL_SELECTORS_RETURN_NULL,Talks ended after two days.\n"
        "Rain closes road,#N/A,Heavy rain closed the coastal road.\n"
        "#MeToo at work,Daily,A hashtag title stays a title.\n"
        "Rates,Daily,#VALUE!\n",
        encoding="utf-8",
    )
    c, notes = _load(path)
    assert c.docs["title"].tolist() == [None, "Rain closes road", "#MeToo at work"]
    assert c.docs["outlet"].tolist() == [None, None, "Daily"]
    assert c.skipped["reason"].tolist() == [
        "CSV row 4: the text is an error value ('#VALUE!': a spreadsheet's formula error or a "
        "scraper's failed field), not text"
    ]
    assert (
        "e.csv, column 'outlet': 2 row(s) hold an error value instead of the outlet "
        "('#ALL_SELECTORS_RETURN_NULL', first: row 1: a spreadsheet's formula error or a "
        "scraper's failed field); the outlet of those rows is left empty (the cells as written "
        "stay in the file)."
    ) in notes
    assert any(n.startswith("e.csv, column 'title': 1 row(s) hold an error value") for n in notes)


def test_error_values_in_a_sidecar(tmp_path: Path) -> None:
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks ended after two days in Doha.\n", "utf-8")
    (folder / "b.txt").write_text("Heavy rain closed the coastal road.\n", "utf-8")
    (folder / "metadata.csv").write_text(
        "file,outlet,title\na.txt,#ALL_SELECTORS_RETURN_NULL,#N/A\nb.txt,Daily,Rain\n", "utf-8"
    )
    c, notes = _load(folder)
    assert c.docs["outlet"].tolist() == [None, "Daily"]
    assert c.docs["title"].tolist()[1] == "Rain"
    assert c.docs["title"].tolist()[0] != "#N/A"
    assert any(n.startswith("metadata.csv, column 'outlet': 1 row(s) hold an error") for n in notes)
    assert any(n.startswith("metadata.csv, column 'title': 1 row(s) hold an error") for n in notes)


def test_error_value_forms() -> None:
    errors = ["#N/A", "#DIV/0!", "#NAME?", "#REF!", "#NULL!", "#ERROR", "#SCRAPE_FAILED"]
    assert all(error_value(v) for v in errors)
    words = ["#MeToo", "#BREAKING", "#1", "#404", "N/A", "NULL", "Page #REF! 3", 7, None]
    assert not any(error_value(v) for v in words)
