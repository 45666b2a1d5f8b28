"""Loading real corpora of the shapes analysts bring: HTML pages with metadata, dates.

Real samples: tests/data/real/ (source, commit and licence in its README). The
larger corpora (3,000 headlines from 300 outlets, long articles, one document)
are generated from them by fixtures in conftest.py.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import shutil
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import MetadataError

PAGE_COLUMNS = ["outlet", "outlet_source", "published", "published_source"]


def _page_values(c: ct.Corpus) -> dict[str, tuple]:
    d = c.docs.set_index("doc_id")
    return {
        i: (
            r.outlet,
            r.outlet_source,
            None if pd.isna(r.published) else str(r.published.date()),
            r.published_source,
        )
        for i, r in d[PAGE_COLUMNS].iterrows()
    }


# --------------------------------------------------------------- HTML pages
# Checked by hand against each page's og:*, JSON-LD and <meta> tags. Reuters is the
# interesting one: og:site_name says "U.S." (the section), JSON-LD says "Reuters".
REAL_PAGES = {
    "boingboing.net.millenials": ("Boing Boing", "page:og:site_name", "2013-07-19", "url"),
    "dw.com.colonial": ("DW.COM", "page:og:site_name", "2020-01-19", "page:html"),
    "kulu-media.com.meta-outage": ("Kulu Media", "page:json-ld", "2026-06-12", "page:meta"),
    "nature.com.telescope": ("Nature", "page:meta", "2019-09-24", "page:meta"),
    "pluralsight.com.python": ("pluralsight.com", "url", "2020-01-10", "page:meta"),
    "reuters.com.parasite": ("Reuters", "page:json-ld", "2020-01-20", "page:meta"),
    "salon.com.emissions": ("Salon.com", "page:json-ld", "2020-01-10", "url"),
    "threatpost.com.android": ("Threatpost", "page:json-ld", "2019-07-30", "page:json-ld"),
    "womencantalksports.com.top10": ("womencantalksports.com", "url", None, None),
}

# Written from the pages' HTML source before the loader was first run on them.
HELDOUT_PAGES = {
    "computerbase.de.htc": ("ComputerBase", "page:json-ld", "2007-06-19", "page:json-ld"),
    "heise.de.lithium": ("Technology Review", "page:og:site_name", "2019-06-20", "page:meta"),
    "telemedicus.info.rezension": ("Telemedicus", "page:og:site_name", "2014-05-13", "page:meta"),
}


@pytest.fixture(scope="module")
def html_corpus(real_html_dir: Path) -> ct.Corpus:
    return ct.load_corpus(real_html_dir)


def test_real_pages_outlet_and_date_from_page(html_corpus: ct.Corpus) -> None:
    assert html_corpus.skipped.empty
    assert _page_values(html_corpus) == REAL_PAGES
    d = html_corpus.docs.set_index("doc_id")
    assert (d["format"] == "html").all() and (d["date_precision"].dropna() == "day").all()
    assert d.loc["reuters.com.parasite", "author"] == "Jill Serjeant"
    assert d.loc["reuters.com.parasite", "url"] == (
        "https://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH"
    )
    assert d.loc["reuters.com.parasite", "title"].startswith("'Parasite' scores historic upset")
    assert d.loc["reuters.com.parasite", "title_source"] == "page:json-ld"
    assert d.loc["womencantalksports.com.top10", "title_source"] == "page:title"
    assert d.loc["womencantalksports.com.top10", "author"] is None


def test_heldout_pages(heldout_html_dir: Path) -> None:
    c = ct.load_corpus(heldout_html_dir)
    assert _page_values(c) == HELDOUT_PAGES


def test_docs_columns_keep_the_public_ones_first(html_corpus: ct.Corpus) -> None:
    cols = list(html_corpus.docs.columns)
    public = ["doc_id", "source", "outlet", "published", "title", "text", "raw_text", "path"]
    assert cols[: len(public)] == public
    for col in ("author", "url", "outlet_source", "published_source", "title_source"):
        assert col in cols


def _page(tmp: Path, name: str, head: str, body_extra: str = "") -> Path:
    body = " ".join(
        f"Paragraph {i} says the talks in Doha went on late into the night and ended "
        "without a statement from either delegation."
        for i in range(6)
    )
    path = tmp / name
    path.write_text(
        f"<html><head><title>Talks end in Doha</title>{head}</head><body><article>"
        f"<h1>Talks end in Doha</h1>{body_extra}<p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    return path


def test_sidecar_wins_over_the_page(tmp_path: Path, real_html_dir: Path) -> None:
    page = real_html_dir / "reuters.com.parasite.html.gz"
    shutil.copy(page, tmp_path / page.name)
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,published\nreuters.com.parasite.html.gz,Reuters Wire,2020-01-21\n",
        encoding="utf-8",
    )
    row = ct.load_corpus(tmp_path).docs.iloc[0]
    assert (row.outlet, row.outlet_source) == ("Reuters Wire", "sidecar")
    assert (row.published, row.published_source) == (pd.Timestamp("2020-01-21"), "sidecar")
    assert row.title_source == "page:json-ld"  # not in the sidecar: still from the page


def test_page_sources_meta_jsonld_time(tmp_path: Path) -> None:
    _page(
        tmp_path,
        "a_meta.html",
        '<meta property="og:site_name" content="Gulf Courier">'
        '<meta property="article:published_time" content="2023-10-19T08:00:00Z">',
    )
    _page(
        tmp_path,
        "b_jsonld.html",
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Talks end in Doha", '
        '"datePublished": "2023-10-20T09:00:00Z", '
        '"publisher": {"@type": "Organization", "name": "Desert Times"}}</script>',
    )
    _page(
        tmp_path,
        "c_time.html",
        '<link rel="canonical" href="https://www.coastal-post.example.org/world/talks">',
        '<p>By Staff. <time datetime="2023-10-21T10:00:00Z">21 October 2023</time></p>',
    )
    vals = _page_values(ct.load_corpus(tmp_path))
    assert vals == {
        "a_meta": ("Gulf Courier", "page:og:site_name", "2023-10-19", "page:meta"),
        "b_jsonld": ("Desert Times", "page:json-ld", "2023-10-20", "page:json-ld"),
        "c_time": ("example.org", "url", "2023-10-21", "page:time"),
    }


def test_outlet_from_url_host_when_nothing_else_says(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {
            "text": ["Talks ended.", "Talks resumed.", "Talks stalled.", "No link."],
            "url": [
                "https://www.example-news.co.uk/world/1",
                "http://m.gulfpost.example/a?b=c",
                "not a url",
                None,
            ],
            "outlet": [None, None, None, None],
        }
    )
    d = ct.load_corpus(df).docs
    assert d["outlet"].tolist() == ["example-news.co.uk", "gulfpost.example", None, None]
    assert d["outlet_source"].tolist() == ["url", "url", None, None]
    # a table's own outlet column wins over its url column and is labelled "table"
    df["outlet"] = ["Daily Planet", None, None, None]
    d = ct.load_corpus(df).docs
    assert d["outlet"].tolist()[:2] == ["Daily Planet", "gulfpost.example"]
    assert d["outlet_source"].tolist()[:2] == ["table", "url"]


def test_sidecar_url_gives_a_text_file_its_outlet(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks ended late on Sunday.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,url,author\na.txt,https://www.dailyplanet.example/x,Lois Lane\n", encoding="utf-8"
    )
    row = ct.load_corpus(tmp_path).docs.iloc[0]
    assert (row.outlet, row.outlet_source, row.author) == (
        "dailyplanet.example",
        "url",
        "Lois Lane",
    )


def test_sidecar_cannot_set_a_source_column(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks ended.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet_source\na.txt,x\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="'outlet_source' is reserved"):
        ct.load_corpus(tmp_path)


def test_page_with_nothing_to_say(tmp_path: Path) -> None:
    _page(tmp_path, "bare.html", "")
    row = ct.load_corpus(tmp_path).docs.iloc[0]
    assert row.outlet is None and row.outlet_source is None
    assert pd.isna(row.published) and row.published_source is None
    assert (row.title, row.title_source) == ("Talks end in Doha", "page:title")


# -------------------------------------------------------------------- dates
def _sidecar_corpus(tmp_path: Path, published: str, **kw) -> ct.Corpus:
    (tmp_path / "a.txt").write_text("Talks ended.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(f"file,published\na.txt,{published}\n", encoding="utf-8")
    return ct.load_corpus(tmp_path, **kw)


def test_ambiguous_date_is_an_error_naming_value_and_fix(tmp_path: Path) -> None:
    with pytest.raises(MetadataError) as err:
        _sidecar_corpus(tmp_path, "02/11/2023")
    msg = str(err.value)
    assert msg.startswith("metadata.csv row 1, column 'published': the date '02/11/2023' is ")
    assert "it could be 2 November 2023 or 11 February 2023" in msg
    assert 'date_format="%d/%m/%Y"' in msg and 'date_format="%m/%d/%Y"' in msg
    assert "ISO dates (YYYY-MM-DD)" in msg


@pytest.mark.parametrize(
    ("fmt", "expected", "precision"),
    [
        ("%d/%m/%Y", "2023-11-02", "day"),
        ("%m/%d/%Y", "2023-02-11", "day"),
    ],
)
def test_date_format_reads_the_ambiguous_date(
    tmp_path: Path, fmt: str, expected: str, precision: str
) -> None:
    d = _sidecar_corpus(tmp_path, "02/11/2023", date_format=fmt).docs
    assert d["published"].tolist() == [pd.Timestamp(expected)]
    assert d["date_precision"].tolist() == [precision]


def test_table_date_errors_name_file_and_row(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text(
        "text,date\nOne.,2023-10-19\nTwo.,13/11/2023\nThree.,10.11.2023\n", encoding="utf-8"
    )
    with pytest.raises(
        MetadataError, match=r"t\.csv row 3, column 'date': the date '10\.11\.2023'"
    ):
        ct.load_corpus(tmp_path / "t.csv")
    # with a format, 13/11/2023 must match it too (or be ISO)
    with pytest.raises(
        MetadataError, match=r"row 2, column 'date': the date '13/11/2023' does not"
    ):
        ct.load_corpus(tmp_path / "t.csv", date_format="%d.%m.%Y")
    (tmp_path / "t.csv").write_text(
        "text,date\nOne.,2023-10-19\nThree.,10.11.2023\n", encoding="utf-8"
    )
    d = ct.load_corpus(tmp_path / "t.csv", date_format="%d.%m.%Y").docs
    assert d["published"].tolist() == [pd.Timestamp("2023-10-19"), pd.Timestamp("2023-11-10")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("13/11/2023", "2023-11-13"), ("11/13/2023", "2023-11-13"), ("05/05/2023", "2023-05-05")],
)
def test_dates_with_only_one_reading_parse(tmp_path: Path, value: str, expected: str) -> None:
    d = _sidecar_corpus(tmp_path, value).docs
    assert d["published"].tolist() == [pd.Timestamp(expected)]
    assert d["date_precision"].tolist() == ["day"]


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("02/11/23", "has a two-digit year"),
        ("October 19", "(no four-digit year)"),
        ("31/02/2023", "cannot parse the date '31/02/2023'"),
    ],
)
def test_impossible_or_guessed_dates_are_reported(
    tmp_path: Path, value: str, fragment: str
) -> None:
    with pytest.raises(MetadataError) as err:
        _sidecar_corpus(tmp_path, value)
    assert str(err.value).startswith("metadata.csv row 1, column 'published': ")
    assert fragment in str(err.value)


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1/1/0001"])
def test_placeholder_sidecar_dates_load_undated_with_a_warning(tmp_path: Path, value: str) -> None:
    # as the same value in a CSV table does (H4, session 32)
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        d = _sidecar_corpus(tmp_path, value).docs
    text = " ".join(str(w.message) for w in caught)
    assert (
        f"metadata.csv: 1 of 1 rows gives a date that names no day (row 1, column 'published': {value!r})"
        in text
    )
    assert f"the date {value!r} is outside the range pandas can store" in text
    assert d["published"].isna().tolist() == [True]


def test_out_of_range_datetime_objects_are_reported_not_crashes() -> None:
    df = pd.DataFrame(
        {"text": ["A.", "B."], "date": [dt.datetime(2020, 1, 1), dt.datetime(9999, 12, 31)]},
        dtype=object,
    )
    # a placeholder date names no day: its row is loaded undated, named in one warning
    with pytest.warns(
        ct.CorpusToolsWarning,
        match=r"DataFrame: 1 of 2 rows has a date that names no day \(row 2, column 'date': "
        r"'9999-12-31 00:00:00'\); it is loaded undated",
    ):
        d = ct.load_corpus(df).docs
    assert d["published"].tolist()[0] == pd.Timestamp("2020-01-01")
    assert pd.isna(d["published"].tolist()[1]) and d["text"].tolist() == ["A.", "B."]


def test_date_format_precision_follows_the_format() -> None:
    df = pd.DataFrame({"text": ["A.", "B."], "date": ["11/2023", "12/2023"]})
    d = ct.load_corpus(df, date_format="%m/%Y").docs
    assert d["published"].tolist() == [pd.Timestamp("2023-11-01"), pd.Timestamp("2023-12-01")]
    assert d["date_precision"].tolist() == ["month", "month"]
    d = ct.load_corpus(
        pd.DataFrame({"text": ["A."], "date": ["02/11/2023 10:30"]}), date_format="%d/%m/%Y %H:%M"
    ).docs
    assert d["published"].tolist() == [pd.Timestamp("2023-11-02 10:30")]
    assert d["date_precision"].tolist() == ["time"]


def test_a_bad_date_format_names_value_and_format() -> None:
    with pytest.raises(MetadataError, match=r"does not match date_format='%d/%m/%Y'"):
        ct.load_corpus(
            pd.DataFrame({"text": ["A."], "date": ["Nov 2, 2023"]}), date_format="%d/%m/%Y"
        )


# ------------------------------------------------------------ corpus shapes
def test_headline_table_hundreds_of_outlets(headline_table: Path) -> None:
    c = ct.load_corpus(headline_table)
    d = c.docs
    assert len(d) == 3000 and c.skipped.empty
    assert d["outlet"].nunique() == 300
    assert set(d["outlet_source"]) == {"table"} and set(d["published_source"]) == {"table"}
    assert d["published"].between("2004-01-01", "2005-12-31").all()
    assert d["n_chars"].max() < 1000  # short documents
    assert d["title"].notna().all() and set(d["title_source"]) == {"table"}
    sizes = d.groupby("outlet").size()
    assert sizes.min() >= 1 and sizes.max() > 3 * sizes.min()  # uneven groups


def test_long_articles(long_articles_dir: Path, bbc_articles: list) -> None:
    c = ct.load_corpus(long_articles_dir)
    d = c.docs
    assert d["doc_id"].tolist() == [f"long_{k}" for k in range(5)]
    assert (d["n_chars"] > 30_000).all()
    assert d["outlet_source"].tolist() == ["sidecar"] * 5
    # the BBC files write "£" as the character reference "&#163;": cleaning unescapes it
    # (a logged, reversible edit), so the title reads as a person would read it
    assert d["title"].tolist() == [html.unescape(bbc_articles[k][2]) for k in range(5)]
    assert d["title"].iloc[4] == "£1.8m indecency fine for Viacom"
    assert d["title_source"].tolist() == ["first_line"] * 5
    assert ct.reconstruct(c, "long_3") == c.raw("long_3")


def test_corpus_with_no_outlet(bbc_articles: list) -> None:
    c = ct.load_corpus(Path(__file__).parent / "data" / "real" / "bbc")
    d = c.docs
    assert len(d) == len(bbc_articles) == 20
    assert d["outlet"].isna().all() and d["outlet_source"].isna().all()
    assert d["published"].isna().all() and d["published_source"].isna().all()
    assert d["doc_id"].str.split("/").str[0].value_counts().to_dict() == {
        cat: 4 for cat in ("business", "entertainment", "politics", "sport", "tech")
    }


def test_real_headlines_are_kept_as_titles(bbc_articles: list) -> None:
    """Each BBC file starts with its headline: cleaning must keep it, and it is the title."""
    c = ct.load_corpus(Path(__file__).parent / "data" / "real" / "bbc")
    assert c.docs["title"].tolist() == [html.unescape(h) for _, _, h, _ in bbc_articles]
    assert set(c.docs["title_source"]) == {"first_line"}


def test_single_document(single_doc_dir: Path, bbc_articles: list) -> None:
    c = ct.load_corpus(single_doc_dir)
    assert len(c.docs) == 1 and c.skipped.empty
    assert c.docs["title"].tolist() == [bbc_articles[0][2]]


def test_html_folder_with_gzip_and_plain_pages(tmp_path: Path, real_html_dir: Path) -> None:
    """A folder mixing .html and .html.gz pages loads both, in path order."""
    src = real_html_dir / "boingboing.net.millenials.html.gz"
    (tmp_path / "a.html").write_bytes(gzip.decompress(src.read_bytes()))
    shutil.copy(real_html_dir / "nature.com.telescope.html.gz", tmp_path / "b.html.gz")
    d = ct.load_corpus(tmp_path).docs
    assert d["doc_id"].tolist() == ["a", "b"]
    assert d["outlet"].tolist() == ["Boing Boing", "Nature"]
