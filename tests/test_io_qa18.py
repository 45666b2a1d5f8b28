"""Loader fixes from the session-18 QA list (S18-1 .. S18-5): column names as users write
them, NewsAPI's nested ``source``, copyright notices as outlets, Markdown titles, and the
column to pass when a table has no known text column.

Fixtures: ``tests/data/io/headlines_export.csv`` (5 rows of fwd/news headlines with the
columns ``Headline Text, Source Name, Pub Date (UTC), Link `` as a spreadsheet export
writes them) and ``tests/data/io/newsapi_5.json`` (5 articles in NewsAPI's response shape;
the second with a named source id as NewsAPI gives for its known outlets).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import cli
from corpus_tools.errors import CorpusLoadError, CorpusToolsWarning
from corpus_tools.io.columns import column_key
from corpus_tools.io.html import extract_html

DATA = Path(__file__).parent / "data" / "io"
CSV = DATA / "headlines_export.csv"
NEWSAPI = DATA / "newsapi_5.json"


def _quiet_load(source: object, **kw: object) -> ct.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusToolsWarning)
        return ct.load_corpus(source, n_jobs=1, **kw)


def test_column_names_are_matched_as_users_write_them() -> None:
    assert [column_key(c) for c in ("Source Name", "publishedAt", "Pub Date (UTC)", "Link ")] == [
        "source_name",
        "published_at",
        "pub_date",
        "link",
    ]
    c = _quiet_load(CSV, text_column="Headline Text")
    d = c.docs
    assert d["outlet"].tolist() == [
        "theguardian.com",
        "theguardian.com",
        "unilad.co.uk",
        "brennancenter.org",
        "vancouversun.com",
    ]
    assert d["outlet_source"].tolist() == ["table"] * 5
    assert d["published"].tolist() == [
        pd.Timestamp("2022-07-08 03:42"),
        pd.Timestamp("2022-07-02 18:45"),
        pd.Timestamp("2022-06-24 04:49"),
        pd.Timestamp("2021-11-21 13:16"),
        pd.Timestamp("2021-11-25 20:00"),
    ]
    assert d["date_precision"].tolist() == ["time"] * 5
    assert d["url"].iloc[2] == (
        "https://www.unilad.co.uk/news/gay-football-fans-death-sex-qatar-world-cup-20220621"
    )
    # the mapped columns are not kept a second time under their own names
    assert not {"Source Name", "Pub Date (UTC)", "Link "} & set(d.columns)
    # a given name may differ from the column in case and spaces
    again = _quiet_load(CSV, text_column="headline text")
    assert again.docs["text"].tolist() == d["text"].tolist()


def test_domain_is_an_outlet_and_link_a_url(tmp_path: Path) -> None:
    rows = [
        {
            "title": "Amazon to pay California $500,000 for 'concealing' COVID cases",
            "domain": "latimes.com",
            "link": "https://www.latimes.com/business/story/2021-11-15/amazon-covid",
            "published": "November 16, 2021 3:15 AM",
        },
        {
            "title": "Belarus migrant crisis could be cover for Russia's move, minister says",
            "source_domain": "lrt.lt",
            "link": "https://www.lrt.lt/en/news-in-english/19/1542337/belarus",
            "published": "November 16, 2021 3:44 AM",
        },
    ]
    path = tmp_path / "fwd.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    d = _quiet_load(path, text_column="title").docs
    # one column per role per table: the first table row's keys decide (domain here)
    assert d["outlet"].tolist() == ["latimes.com", "lrt.lt"]
    assert d["outlet_source"].tolist() == ["table", "url"]  # row 2: from its link's host
    assert d["url"].tolist() == [rows[0]["link"], rows[1]["link"]]
    assert pd.isna(d["source_domain"].iloc[0]) and d["source_domain"].iloc[1] == "lrt.lt"


def test_newsapi_nested_source_gives_its_name() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        d = ct.load_corpus(NEWSAPI, n_jobs=1).docs
    # the one warning: NewsAPI's 200-character texts (session 29)
    assert [str(w.message)[:57] for w in caught if w.category is CorpusToolsWarning] == [
        "newsapi_5.json: 5 row(s)' text ends in a news API's cut m"
    ]
    assert d["outlet"].tolist() == [
        "fox19.com",
        "BBC News",
        "newatlas.com",
        "journals.plos.org",
        "theguardian.com",
    ]
    assert d["outlet_source"].tolist() == ["table:source.name"] * 5
    assert d["published"].tolist() == [
        pd.Timestamp(f"2022-07-0{k} 0{k - 1}:25") for k in range(1, 6)
    ]
    assert d["published_source"].tolist() == ["table"] * 5
    assert d["url"].iloc[1] == "https://www.bbc.com/news/world-us-canada-62100403"
    assert not d["outlet"].str.contains("{", regex=False).any()


def test_other_nested_values_warn_and_stay_empty(tmp_path: Path) -> None:
    rows = [  # a source object without a name, a date object ({"$date": ...} of a MongoDB
        # export is a typed value, read since session 29: tests/test_io_qa29.py)
        {
            "text": "The envoys left Doha on Tuesday.",
            "source": {"id": "gazette"},
            "published": {"day": "2023-10-19", "zone": "UTC"},
            "title": ["Talks", "end"],
        },
        {
            "text": "Talks resume in Cairo.",
            "source": {"id": None, "name": None},
            "published": "2023-10-20",
            "title": "Talks resume",
        },
    ]
    path = tmp_path / "mongo.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with pytest.warns(CorpusToolsWarning) as got:
        d = ct.load_corpus(path, n_jobs=1).docs
    assert d["outlet"].tolist() == [None, None]
    assert d["published"].tolist()[0] is pd.NaT
    assert d["published"].tolist()[1] == pd.Timestamp("2023-10-20")
    assert d["title"].tolist() == [None, "Talks resume"]
    messages = sorted(str(w.message) for w in got if "JSON" in str(w.message))
    assert messages == [
        "mongo.json, column 'published': 1 row(s) hold a JSON object (first: row 1), not a plain "
        "value; the date of those rows is left empty. Flatten the column first "
        "(pandas.json_normalize gives one column per key, e.g. 'published.name'), or pass "
        "date_column='published.<key>' (a path into its objects) or date_column= naming a "
        "column of plain values.",
        "mongo.json, column 'source': 1 row(s) hold a JSON object (first: row 1), not a plain "
        "value; the outlet of those rows is left empty. Flatten the column first "
        "(pandas.json_normalize gives one column per key, e.g. 'source.name'), or pass "
        "outlet_column='source.<key>' (a path into its objects) or outlet_column= naming a "
        "column of plain values.",
        "mongo.json, column 'title': 1 row(s) hold a JSON list (first: row 1), not a plain "
        "value; the title of those rows is left empty. Flatten the column first "
        "(pandas.json_normalize gives one column per key, e.g. 'title.name'), or pass "
        "title_column= naming a column of plain values.",
    ]


def test_columns_named_by_the_user(tmp_path: Path) -> None:
    # names in no list (German ones that are: tests/test_load_qa22.py)
    path = tmp_path / "export.csv"
    path.write_text(
        "Kopfzeile,Blatt,Stand,Beitrag\n"
        "Gespräche enden,Tagesspiegel,19.10.2023,Die Gesandten reisten ab.\n",
        encoding="utf-8",
    )
    with pytest.warns(CorpusToolsWarning, match="column 'Stand' holds dates"):
        plain = ct.load_corpus(path, n_jobs=1, text_column="Beitrag").docs
    assert plain[["title", "outlet"]].values.tolist() == [[None, None]]
    d = _quiet_load(
        path,
        text_column="Beitrag",
        title_column="Kopfzeile",
        outlet_column="blatt",
        date_column="Stand",
        date_format="%d.%m.%Y",
    ).docs
    assert d[["title", "outlet", "published"]].values.tolist() == [
        ["Gespräche enden", "Tagesspiegel", pd.Timestamp("2023-10-19")]
    ]
    assert d[["title_source", "outlet_source", "published_source"]].values.tolist() == [
        ["table", "table", "table"]
    ]
    assert not {"Kopfzeile", "Blatt", "Stand"} & set(d.columns)
    with pytest.raises(CorpusLoadError) as exc:
        ct.load_corpus(path, text_column="Beitrag", outlet_column="Zeitung")
    assert str(exc.value) == (
        "export.csv: no column 'Zeitung' for the outlet; columns found: "
        "['Kopfzeile', 'Blatt', 'Stand', 'Beitrag']"
    )


def test_column_options_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Artikel,Medium\nDie Gesandten reisten ab.,Tagesspiegel\nSie kamen wieder.,Tagesspiegel\n",
        encoding="utf-8",
    )
    assert (
        cli.main(["info", str(path), "--text-column", "Artikel", "--outlet-column", "Medium"]) == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[1:4] == ["Documents: 2", "Outlets: 1", "  Tagesspiegel: 2"]
    text_only = tmp_path / "texts"
    text_only.mkdir()
    (text_only / "a.txt").write_text("Talks end.\n", encoding="utf-8")
    assert cli.main(["info", str(text_only), "--outlet-column", "Medium"]) == 0
    assert "outlet_column='Medium' (--outlet-column) has no effect" in capsys.readouterr().err


def test_no_text_column_suggests_the_sentence_column(tmp_path: Path) -> None:
    blurbs = pd.read_csv(CSV).rename(columns={"Headline Text": "Blurb"})
    blurbs.to_csv(tmp_path / "blurbs.csv", index=False)
    reason = ct.load_corpus(tmp_path).skipped["reason"].tolist()
    assert reason == [
        "blurbs.csv: no text column; columns found: ['Blurb', 'Source Name', "
        "'Pub Date (UTC)', 'Link ']; pass text_column='Blurb' (its values read like "
        "sentences; or name another column) (looked for text, body, content, article, "
        "article_text, full_text, maintext, story, fulltext, and the names in other languages "
        "of corpus_tools/data/column_names.yml)"
    ]
    assert cli.command_line_hint(reason[0]) == " (on the command line: --text-column Blurb)"


def test_a_headline_export_is_analysed_by_its_headlines(tmp_path: Path) -> None:
    (tmp_path / CSV.name).write_bytes(CSV.read_bytes())
    with pytest.warns(ct.CorpusToolsWarning, match="the headlines in column 'Headline Text'"):
        corpus = ct.load_corpus(tmp_path)
    assert corpus.skipped.empty
    assert corpus.docs["text"].tolist() == pd.read_csv(CSV)["Headline Text"].tolist()


def test_no_text_column_and_no_sentences_asks_for_a_name(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("code,when\nA-12,2023-10-19\nB-7,2023-10-20\n", encoding="utf-8")
    assert ct.load_corpus(tmp_path).skipped["reason"].tolist() == [
        "ids.csv: no text column; columns found: ['code', 'when']; pass text_column= (looked "
        "for text, body, content, article, article_text, full_text, maintext, story, fulltext, "
        "and the names in other languages of corpus_tools/data/column_names.yml)"
    ]


def test_parquet_without_text_column_suggests_one(tmp_path: Path) -> None:
    df = pd.read_csv(CSV).rename(columns={"Headline Text": "Blurb"})
    df.to_parquet(tmp_path / "h.parquet")
    reason = ct.load_corpus(tmp_path, n_jobs=1).skipped["reason"].tolist()
    assert "pass text_column='Blurb' (its values read like sentences" in reason[0]


def test_markdown_title_without_heading_marks(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# عاجل\n\nقال المتحدث إن المحادثات ستستمر.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "Talks end in Doha ##\n=================\n\nThe envoys left.\n", encoding="utf-8"
    )
    (tmp_path / "c.md").write_text("## Talks resume ##\nThey came back.\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("#1 seed wins the final\n\nShe won.\n", encoding="utf-8")
    d = _quiet_load(tmp_path).docs.set_index("doc_id")
    assert d["title"].to_dict() == {
        "a": "عاجل",
        "b": "Talks end in Doha ##",
        "c": "Talks resume",
        "d": "#1 seed wins the final",
    }
    assert d["title_source"].tolist() == ["first_line"] * 4


PAGE = """<html><head><title>Speicher-Tipps | speicherguide.de</title>
<meta name="copyright" content="Copyright 2003 - 2019 by speicherguide.de GbR Karl Fröhlich">
</head><body><article><h1>Speicher-Tipps</h1>
{body}</article></body></html>"""
BODY = (
    "<p>" + " ".join(["Die Speicherbranche wächst weiter und investiert in Flash."] * 12) + "</p>"
)


def test_copyright_meta_is_not_the_outlet() -> None:
    _, page = extract_html(PAGE.format(body=BODY))
    assert (page["outlet"], page["outlet_source"]) == ("speicherguide.de", "page:title")
    # the rights holder only when nothing else names the outlet
    bare = PAGE.replace("Speicher-Tipps | speicherguide.de", "Speicher-Tipps")
    _, page = extract_html(bare.format(body=BODY))
    assert (page["outlet"], page["outlet_source"]) == (
        "speicherguide.de GbR Karl Fröhlich",
        "page:meta:copyright",
    )
