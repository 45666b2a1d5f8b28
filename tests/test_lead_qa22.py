"""Session 22 lead fixes: compact dates, Portuguese 'é'."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import MetadataError
from corpus_tools.tokenize import load_stopwords


def _headlines(tmp_path: Path) -> Path:
    path = tmp_path / "abc.csv"
    pd.DataFrame(
        {
            "publish_date": [20030219, 20030220],
            "headline_text": [
                "aba decides against community broadcasting licence",
                "act fire witnesses must be aware of defamation",
            ],
        }
    ).to_csv(path, index=False)
    return path


def test_a_compact_date_is_read_as_year_month_day(tmp_path: Path) -> None:
    path = _headlines(tmp_path)
    for fmt in (None, "%Y%m%d"):
        corpus = ct.load_corpus(
            path, text_column="headline_text", date_column="publish_date", date_format=fmt
        )
        assert corpus.docs["published"].astype(str).str[:10].tolist() == [
            "2003-02-19",
            "2003-02-20",
        ]
        assert corpus.docs["date_precision"].tolist() == ["day", "day"]
    bad = tmp_path / "bad.csv"
    bad.write_text("text,date\nTalks end.,20030231\n", encoding="utf-8")
    with pytest.raises(MetadataError, match=r"'20030231' \(read as year-month-day: no such day\)"):
        ct.load_corpus(bad)


def test_portuguese_is_is_a_stopword() -> None:
    words = load_stopwords("pt")
    assert "é" in words and "de" in words and "notícia" not in words


def test_an_abc_style_headline_table_loads_its_headlines(tmp_path: Path) -> None:
    path = _headlines(tmp_path)
    with pytest.warns(ct.CorpusToolsWarning, match="the headlines in column 'headline_text'"):
        corpus = ct.load_corpus(path, date_column="publish_date", date_format="%Y%m%d")
    assert corpus.docs["text"].tolist()[0] == "aba decides against community broadcasting licence"
    assert corpus.skipped.empty


def test_an_rss_export_with_titles_and_descriptions_asks_which_is_the_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feed.csv"
    pd.DataFrame(
        {
            "title": ["Talks end in Doha", "Rates held again"],
            "description": [
                "Envoys left the talks in Doha on Monday without a deal on the ceasefire.",
                "The central bank kept its main rate where it was for the third month.",
            ],
        }
    ).to_csv(path, index=False)
    with pytest.raises(ct.CorpusLoadError, match="pass text_column='description'"):
        ct.load_corpus(path)


def test_the_report_header_says_the_texts_are_headlines(tmp_path: Path) -> None:
    from corpus_tools import report

    path = _headlines(tmp_path)
    context = report.prepare_corpus(path, None)
    note = context["header"]["texts_note"]
    assert note == (
        "headlines only: the table has no text column, so column 'headline_text' is the text "
        "analysed (pass --text-column NAME for another column)"
    )
    html = report._header_html(context["header"], hidden=None, seeds=False)
    assert ">texts</th>" in html and "column &#x27;headline_text&#x27; is the text" in html
    seeds = report.prepare_corpus(Path(__file__).resolve().parents[1] / "seeds", None)
    assert seeds["header"]["texts_note"] == ""
