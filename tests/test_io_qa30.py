"""Session 30 loading QA: real files and misuse (see docs/loading.md, "Session 30")."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from trafilatura.utils import load_html

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError
from corpus_tools.io.html import _drop_copyright_meta, _no_tags


def test_a_copyright_notice_with_markup_loses_whole_tags() -> None:
    # html.py had two _TAG_RE: the later "<[A-Za-z!?/]" (a tag starts) shadowed the whole-tag
    # pattern, so "<b>Copyright 2020 Daily Foo</b>" became "> Daily Foob>"
    tree = load_html(
        '<html><head><meta name="copyright" content="&lt;b&gt;Copyright 2020 Daily Foo'
        '&lt;/b&gt;"></head><body><p>x</p></body></html>'
    )
    assert _drop_copyright_meta(tree) == "Daily Foo"
    assert tree.find(".//meta[@name='copyright']") is None


def test_markup_is_still_told_from_plain_text() -> None:
    assert _no_tags("a < b and c > d in the vote count") != ""
    assert _no_tags("<p>Talks resumed</p>") == ""


def _entity(i: int, text: str | None) -> dict:
    """One line of a Google Datastore export shaped as selimfirat/turkish-news-analytics'
    news.json, whose last entities got a ``properties.text`` (23 of 1,667 lines)."""
    props = {
        "description": {"stringValue": f"Bakanlığın açıklamasına göre görüşmeler {i}. gün sürdü."},
        "link": {"stringValue": f"http://www.spothaber.com/guncel/haber-h25480{i}.html"},
        "title": {"stringValue": f"Görüşmeler sürüyor {i}"},
    }
    if text is not None:
        props["text"] = {"stringValue": text}
    return {"key": {"path": [{"kind": "News_Entry", "name": str(i)}]}, "properties": props}


def test_a_text_column_filled_on_few_lines_asks_which_column(tmp_path: Path) -> None:
    lines = [_entity(i, None) for i in range(12)] + [_entity(12, "Uzun haber metni burada.")]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(path, n_jobs=1)
    assert str(err.value) == (
        "news.jsonl: column 'properties.text' is named like the text but is empty on 12 of 13 "
        "rows; pass text_column='properties.description' (filled on 13 rows, its values read "
        "like sentences), or text_column='properties.text' to load only the 1 row(s) that have "
        "it (command line: --text-column NAME)"
    )
    d = ct.load_corpus(path, n_jobs=1, text_column="properties.description").docs
    assert len(d) == 13 and d["properties.text"].notna().sum() == 1
    few = ct.load_corpus(path, n_jobs=1, text_column="properties.text")
    assert len(few.docs) == 1 and len(few.skipped) == 12


def test_outlet_hosts_lose_www_like_url_hosts(tmp_path: Path) -> None:
    # FakeNewsCorpus' news_sample.csv: domain 'www.newsmax.com' on 7 rows, while the pages'
    # URLs (and other files) give 'newsmax.com': one outlet, the cell as written kept
    text = "Talks resumed in Doha on Tuesday after two days of meetings."
    frame = pd.DataFrame(
        {
            "text": [text] * 4,
            "outlet": ["www.newsmax.com", "newsmax.com", "WWW.Newsmax.com", "www.Daily News"],
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        d = ct.load_corpus(frame, n_jobs=1).docs
    assert d["outlet"].tolist() == ["newsmax.com"] * 3 + ["www.Daily News"]
    assert d["outlet_as_written"].tolist() == ["www.newsmax.com", None, "WWW.Newsmax.com", None]
    note = [str(w.message) for w in caught if "outlet names" in str(w.message)]
    assert note[0].endswith(
        "Web hosts lose a leading 'www.' as the hosts of URLs do (2 name(s), e.g. "
        "'www.newsmax.com' -> 'newsmax.com')."
    )
    alone = ct.load_corpus(frame.iloc[:1], n_jobs=1).docs
    assert alone["outlet"].tolist() == ["newsmax.com"]


def _folder_with_metadata(tmp_path: Path, header: str, dates: list[str]) -> Path:
    for i, day in enumerate(["Tuesday", "Friday"]):
        (tmp_path / f"{'ab'[i]}.txt").write_text(f"Talks resumed in Doha on {day}.\n")
    rows = [
        f"{'ab'[i]}.txt,{o},{d}" for i, (o, d) in enumerate(zip(["BBC", "CNN"], dates, strict=True))
    ]
    (tmp_path / "metadata.csv").write_text("\n".join([f"file,outlet,{header}", *rows]) + "\n")
    return tmp_path


def test_a_date_column_in_metadata_csv_is_read_by_its_usual_names(tmp_path: Path) -> None:
    # 'date' was kept as a column of strings and every document was undated, without a word
    d = ct.load_corpus(_folder_with_metadata(tmp_path, "Date", ["2020-01-05", "2020-02"]), n_jobs=1)
    assert d.docs["published"].tolist() == [pd.Timestamp("2020-01-05"), pd.Timestamp("2020-02-01")]
    assert d.docs["date_precision"].tolist() == ["day", "month"]
    assert "Date" not in d.docs.columns


def test_a_metadata_date_naming_no_day_loads_undated_with_a_warning(tmp_path: Path) -> None:
    folder = _folder_with_metadata(tmp_path, "published", ["2020-01-05", "yesterday 4pm"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(folder, n_jobs=1)
    assert corpus.docs["published"].tolist() == [pd.Timestamp("2020-01-05"), pd.NaT]
    assert corpus.docs["outlet"].tolist() == ["BBC", "CNN"]
    said = [str(w.message) for w in caught if str(w.message).startswith("metadata.csv")]
    assert said == [
        "metadata.csv: 1 of 2 rows gives a date that names no day (row 2, column 'published': "
        "'yesterday 4pm'); its document is loaded without it (a document's own date, if it has "
        "one, stays). The first: the date 'yesterday 4pm' is relative to the day the page was "
        "saved, so no day can be read from it; write the day itself (resolve it against the "
        "crawl date) or leave the cell empty"
    ]


def test_a_page_date_with_a_us_zone_name_warns_nothing(tmp_path: Path) -> None:
    # theglobeandmail.com1.html (codelucas/newspaper tests): htmldate gave dateutil
    # "... EST", and dateutil's UnknownTimezoneWarning reached the user
    page = (
        '<html><head><meta name="last-modified" content="2014-12-29 08:57:25 EST">'
        "<title>Talks resume</title></head><body><article><p>"
        + "Talks resumed in Doha on Tuesday after two days of meetings between the sides. " * 8
        + "</p></article></body></html>"
    )
    (tmp_path / "p.html").write_text(page)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        d = ct.load_corpus(tmp_path / "p.html", n_jobs=1).docs
    assert [w for w in caught if "tzname" in str(w.message)] == []
    assert d["published"].tolist() == [pd.Timestamp("2014-12-29")]


def test_a_livedoor_text_files_header_lines_are_its_url_date_and_title(tmp_path: Path) -> None:
    # the livedoor news corpus (text/<category>/<category>-<id>.txt, CC BY-ND 2.1 JP, not
    # committed): URL, date, title on the first three lines, unlabelled; the cleaner dropped
    # the URL and date lines as boilerplate, so docs had no url, no date and no title
    (tmp_path / "dokujo-tsushin-4778030.txt").write_text(
        "http://news.livedoor.com/article/detail/4778030/\n2010-05-22T14:30:00+0900\n"
        "友人代表のスピーチ、独女はどうこなしている？\n"
        "\u3000もうすぐジューン・ブライド。結婚式に招待されることも多いこの季節。\n"
    )
    (tmp_path / "plain.txt").write_text("http://x.com/a\nTalks resumed.\nIn Doha.\nOn Tuesday.\n")
    d = ct.load_corpus(tmp_path, n_jobs=1).docs.set_index("doc_id")
    row = d.loc["dokujo-tsushin-4778030"]
    assert row["url"] == "http://news.livedoor.com/article/detail/4778030/"
    assert row["published"] == pd.Timestamp("2010-05-22 05:30:00")
    assert row["title"] == "友人代表のスピーチ、独女はどうこなしている？"
    assert (row["outlet"], row["outlet_source"]) == ("livedoor.com", "url")
    assert (row["published_source"], row["title_source"]) == ("text:header", "text:header")
    assert (
        row["text"] == "\u3000もうすぐジューン・ブライド。結婚式に招待されることも多いこの季節。\n"
    )
    assert pd.isna(d.loc["plain", "published"])  # no date on line 2: no header


def test_stray_nuls_after_a_utf8_bom_are_removed_and_counted(tmp_path: Path) -> None:
    # with a UTF-8 BOM the NUL check was skipped: two NULs stayed in the text, unnamed
    body = b"Talks resumed in Doha on Tuesday after two days of meetings. " * 5
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + body + b"\x00\x00 More talks.\n")
    d = ct.load_corpus(tmp_path / "a.txt", n_jobs=1).docs
    assert "\x00" not in d["raw_text"][0]
    assert (d["encoding"][0], d["encoding_note"][0]) == ("utf-8-sig", "NUL bytes removed: 2")
