"""Session 37: encodings recorded as read, WET titles, proxy hosts, other calendars, misuse."""

from __future__ import annotations

import csv
import json
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError
from corpus_tools.io.outlets import url_host

# Gazeta.Ru's news feed of 2021-04-01 (one real item: title, link, date and the feed's own
# short description; from a Swift parser's test fixture in a public repository; short excerpt).
_ITEM = (
    "<item><title>Байден снова оступился на трапе самолета</title>"
    "<link>https://www.gazeta.ru/politics/news/2021/04/01/n_15809576.shtml</link>"
    "<pubDate>Thu, 01 Apr 2021 15:01:14 +0300</pubDate><description>Президент США Джо Байден "
    "вновь оступился на трапе при подъеме на самолет Air Force One.</description></item>\n"
)


def _feed(declared: str | None) -> str:
    head = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    return f'{head}<rss version="2.0"><channel><title>Газета.Ru</title>\n{_ITEM}</channel></rss>\n'


@pytest.mark.parametrize(
    ("declared", "codec", "expected"),
    [
        ("windows-1251", "cp1251", "cp1251"),  # declared right
        ("utf-8", "cp1251", "cp1251"),  # declared wrong: read in the code page the bytes are in
        (None, "cp1251", "cp1251"),  # no declaration
        ("KOI8-R", "koi8_r", "koi8_r"),
        ("UTF-8", "utf-8", "utf-8"),
        (None, "utf-8", "utf-8"),
    ],
)
def test_a_feed_records_the_encoding_it_was_read_in(
    tmp_path: Path, declared: str | None, codec: str, expected: str
) -> None:
    path = tmp_path / "gazeta.xml"
    path.write_bytes(_feed(declared).encode(codec))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)  # the mis-declared one is said
        docs = ct.load_corpus(path).docs
    assert docs["encoding"].tolist() == [expected]
    assert docs["title"].tolist() == ["Байден снова оступился на трапе самолета"]


# Common Crawl's WET record of https://an.wikipedia.org/wiki/Escopete (CC-MAIN-2024-22, from
# commoncrawl/whirlwind-python's whirlwind.warc.wet; page text CC BY-SA, Wikipedia), cut to
# its first lines: Common Crawl writes the page's <title> as the record's first line.
_WET_BODY = (
    "Escopete - Biquipedia, a enciclopedia libre\n"
    "De Biquipedia\n"
    "Iste articlo ye en proceso de cambio enta la ortografía oficial de Biquipedia.\n"
)


def _wet(body: str) -> bytes:
    data = body.encode("utf-8")
    return (
        (
            "WARC/1.0\r\nWARC-Type: conversion\r\n"
            "WARC-Target-URI: https://an.wikipedia.org/wiki/Escopete\r\n"
            "WARC-Date: 2024-05-18T01:58:10Z\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {len(data)}\r\n\r\n"
        ).encode()
        + data
        + b"\r\n\r\n"
    )


def test_a_wet_record_first_line_is_its_page_title(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.wet").write_bytes(_wet(_WET_BODY))
    docs = ct.load_corpus(tmp_path / "crawl.warc.wet").docs
    assert docs["title"].tolist() == ["Escopete - Biquipedia, a enciclopedia libre"]
    assert docs["title_source"].tolist() == ["wet:first_line"]
    assert docs["text"].tolist() == [_WET_BODY]  # kept whole: the cleaning decides on it


def test_a_wet_record_of_one_line_keeps_it_as_text(tmp_path: Path) -> None:
    line = "Iste articlo ye en proceso de cambio enta la ortografía oficial de Biquipedia.\n"
    (tmp_path / "crawl.warc.wet").write_bytes(_wet(line))
    docs = ct.load_corpus(tmp_path / "crawl.warc.wet").docs
    assert docs["text"].tolist() == [line]
    assert docs["title_source"].tolist() != ["wet:first_line"]


# Real addresses of news pages seen through Google Translate's page proxy, an AMP cache and
# Google's AMP viewer (links written in public READMEs and notes found by code search); the
# outlet is the page's site, not google.com / ampproject.org / translate.goog.
PROXIED = [
    (
        "https://www-thehindu-com.translate.goog/news/cities/Visakhapatnam/accidents-rise-as-"
        "roads-crumble/article65483984.ece?_x_tr_sl=en&_x_tr_tl=bn&_x_tr_hl=bn&_x_tr_pto=tc",
        "thehindu.com",
    ),
    (
        "https://www-army--technology-com.translate.goog/news/newsharris-to-supply-rf-7850m-"
        "radios-to-undisclosed-middle-eastern-country-4326004/?_x_tr_sl=en&_x_tr_tl=es",
        "army-technology.com",
    ),
    (
        "https://www3-nhk-or-jp.translate.goog/nhkworld/data/en/news/all.json?_x_tr_sl=en",
        "nhk.or.jp",
    ),
    (
        "https://www-theregister-com.cdn.ampproject.org/c/s/www.theregister.com/AMP/2020/06/04/"
        "hibp_pwned_helpdesk_ticket_system_glpi/",
        "theregister.com",
    ),
    (
        "https://amp-theguardian-com.cdn.ampproject.org/c/s/amp.theguardian.com/membership/"
        "2016/feb/24/todays-release-of-accelerated-mobile-pages-amp",
        "theguardian.com",
    ),
    (
        "https://www.google.com/amp/s/www.geeksforgeeks.org/minimum-initial-energy-required-"
        "to-cross-street/amp",
        "geeksforgeeks.org",
    ),
    (
        "https://translate.google.com/translate?sl=auto&tl=en&u=https://www.lemonde.fr/"
        "international/article/2023/01/01/x.html",
        "lemonde.fr",
    ),
]


@pytest.mark.parametrize(("url", "outlet"), PROXIED)
def test_a_proxied_page_is_its_own_site(url: str, outlet: str) -> None:
    assert url_host(url) == outlet


def test_a_table_of_proxied_urls_names_the_pages_outlets(tmp_path: Path) -> None:
    lines = ["title,url,text"] + [
        f'Story {k},"{url}",The story number {k} was read through a proxy.'
        for k, (url, _) in enumerate(PROXIED)
    ]
    (tmp_path / "links.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(ct.CorpusToolsWarning, match="held a second URL"):
        docs = ct.load_corpus(tmp_path / "links.csv").docs
    assert docs["outlet"].tolist() == [o for _, o in PROXIED]
    assert docs["url"].tolist() == [u for u, _ in PROXIED]  # the address itself kept whole


def test_a_proxy_host_without_a_page_is_not_an_outlet_of_its_own_page() -> None:
    assert url_host("https://www.google.com/search?q=amp") == "google.com"
    assert url_host("https://translate.goog/") == "translate.goog"


# Dates of other calendars: a Solar Hijri (Persian) date written with its month's name is
# converted exactly (Nowruz 1403 was 20 March 2024, 1 Dey 1402 was 22 December 2023, 3 Mehr
# 1405 is 25 September 2026); a lunar Hijri date, and a number-only date whose year is a
# Hijri or Buddhist Era one, is reported and loaded undated, never read as another day.
@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("03 Mehr 1405", "2026-09-25"),
        ("۳ مهر ۱۴۰۵", "2026-09-25"),
        ("1 Farvardin 1403", "2024-03-20"),
        ("۱ دی ۱۴۰۲", "2023-12-22"),
        ("30 Esfand 1403", "2025-03-20"),  # 1403 is a leap year
    ],
)
def test_a_solar_hijri_date_is_converted(tmp_path: Path, written: str, day: str) -> None:
    (tmp_path / "posts.csv").write_text(
        f"date,text\n{written},The council voted on the city budget on that day.\n",
        encoding="utf-8",
    )
    docs = ct.load_corpus(tmp_path / "posts.csv").docs
    assert docs["published"].tolist() == [pd.Timestamp(day)]
    assert docs["date_precision"].tolist() == ["day"]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("12 Rajab 1447", "is in the lunar Hijri calendar, whose months begin by moon sighting"),
        ("1405/07/03", "a year of the Solar Hijri (Persian: 1405 began in March 2026) or"),
        ("1447-07-12", "a year of the Solar Hijri (Persian: 1405 began in March 2026) or"),
        ("2568-01-15", "a Buddhist Era year (Thailand: 2568 is 2025, 543 years ahead)?"),
        ("30 Esfand 1404", "month 12 of the Solar Hijri year 1404 has no such day"),
    ],
)
def test_a_date_of_another_calendar_is_reported_not_misread(
    tmp_path: Path, written: str, said: str
) -> None:
    (tmp_path / "posts.csv").write_text(
        f"date,text\n{written},The council voted on the city budget on that day.\n"
        "2024-05-02,The schools reopened after the storm.\n",
        encoding="utf-8",
    )
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        docs = ct.load_corpus(tmp_path / "posts.csv").docs
    assert docs["published"].isna().tolist() == [True, False]
    notes = [str(w.message) for w in caught if "names no day" in str(w.message)]
    assert len(notes) == 1 and said in notes[0] and f"{written!r}" in notes[0]


# SaudiNewsNet (parallelfold/SaudiNewsNet, 2015-08-10, CC BY-NC-SA 4.0): three real articles
# of 3alyoum.com, cut to their first lines (a quoted field that spans lines, as the file has).
SAUDI = [
    (
        "رجل يمنع إنقاذ ابنته الغارقة خوفاً على شرفها بدبي",
        "عين اليوم – جدة\nألقي القبض في دبي على رجل آسيوي منع رجال الإنقاذ من انتشال ابنته "
        "التي كانت تغرق في البحر خوفا على شرفها",
    ),
    (
        "شاهد.. وزير الخدمة المدنية: ابنة اختي معاقة وعاطلة .. “النظام نظام”",
        "داليا أبوالعيش – عين اليوم\nشدد وزير الخدمة المدنية خالد العرج خلال لقائه في برنامج "
        "“الراصد” بقناة الاخبارية",
    ),
    (
        "احتفاء بمهندس سعودي حدد موقع الطائر الماليزية قبل اكتشافه بعام",
        "عين اليوم – جدة\nأوضح رئيس مجلس إدارة الهيئة السعودية للمهندسين الدكتور جميل البقعاوي "
        "تعليقاً على خبر",
    ),
]


def _saudi_csv(path: Path, header: list[str], cells: Any) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for k, (title, text) in enumerate(SAUDI):
            out.writerow(cells(k, title, text))


def test_a_numeric_column_named_as_the_text_is_refused_with_the_column_meant(
    tmp_path: Path,
) -> None:
    path = tmp_path / "saudi.csv"
    _saudi_csv(path, ["title", "shares", "content"], lambda k, t, x: [t, 10 * k + 3, x])
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(path, text_column="shares")
    assert str(err.value) == (
        "saudi.csv: column 'shares' (text_column=) holds numbers, not text (3, 13, 23 in its "
        "first rows); pass text_column='content' (its values read like sentences)"
    )
    assert len(ct.load_corpus(path)) == 3  # without it: 'content' by its name


def test_a_column_named_twice_is_said_and_the_other_can_be_named(tmp_path: Path) -> None:
    path = tmp_path / "saudi.csv"
    _saudi_csv(path, ["title", "text", "text"], lambda k, t, x: [t, x[:15], x])
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        docs = ct.load_corpus(path).docs
    said = [str(w.message) for w in caught if "names a column twice" in str(w.message)]
    assert said == [
        "saudi.csv: the CSV header names a column twice: 'text' (the later one read as "
        "'text.1'); a column taken by its name is the first one. If the other is meant, pass "
        "its name (e.g. text_column='text.1', date_column=, title_column=), or rename the "
        "column in the file."
    ]
    assert docs["text"].tolist() == [x[:15] for _, x in SAUDI]
    other = ct.load_corpus(path, text_column="text.1").docs
    assert other["text"].tolist() == [x for _, x in SAUDI]


def test_a_header_below_a_title_is_found_past_records_of_several_lines(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("Export of SaudiNewsNet 2015-08-10\nGenerated by tool X,,,\n")
        out = csv.writer(fh)
        out.writerow(["title", "date", "source", "content"])
        for title, text in SAUDI:
            out.writerow([title, "2015-08-10", "3alyoum", text])
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(path)
    assert str(err.value) == (
        "export.csv: CSV line 1 ('Export of SaudiNewsNet 2015-08-10') is a title, not the "
        "header: line 3 ('title,date,source,content') reads like the header, and the rows "
        "below it have 4 fields; delete the 2 line(s) above it, or read it with "
        "pandas.read_csv(path, skiprows=2) and pass the DataFrame"
    )
    frame = pd.read_csv(path, skiprows=2)
    assert ct.load_corpus(frame).docs["text"].tolist() == [x for _, x in SAUDI]


def _wordpress_posts() -> list[dict[str, Any]]:
    """SAUDI's articles as a WordPress REST API answer (/wp-json/wp/v2/posts) gives posts."""
    return [
        {
            "id": 1000 + k,
            "date": "2015-08-10T18:52:49",
            "link": f"http://www.3alyoum.com/news/a/{k}/",
            "title": {"rendered": title},
            "content": {
                "rendered": "<p>" + text.replace("\n", "</p>\n<p>") + "</p>",
                "protected": False,
            },
        }
        for k, (title, text) in enumerate(SAUDI)
    ]


def test_a_wordpress_api_export_reads_the_rendered_content(tmp_path: Path) -> None:
    path = tmp_path / "posts.json"
    path.write_text(json.dumps(_wordpress_posts(), ensure_ascii=False), encoding="utf-8")
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        docs = ct.load_corpus(path).docs
    assert docs["text"].tolist() == [x.replace("\n", "\n\n") for _, x in SAUDI]
    assert docs["outlet"].tolist() == ["3alyoum.com"] * 3
    said = [str(w.message) for w in caught if "one text member" in str(w.message)]
    assert said == [
        "posts.json: the text column holds an object with one text member on every row, read "
        "as that text: 'content' as 'content.rendered' (a WordPress REST API export's "
        "'rendered'); pass text_column='content.<key>' to read another member."
    ]
    titled = ct.load_corpus(path, title_column="title.rendered").docs
    assert titled["title"].tolist() == [t for t, _ in SAUDI]


def test_an_object_of_two_texts_still_asks_which_one(tmp_path: Path) -> None:
    path = tmp_path / "nested.jsonl"
    path.write_text(
        "".join(
            json.dumps({"content": {"title": t, "body": x}}, ensure_ascii=False) + "\n"
            for t, x in SAUDI
        ),
        encoding="utf-8",
    )
    with pytest.warns(ct.CorpusToolsWarning, match="no document could be loaded"):
        corpus = ct.load_corpus(path)
    assert len(corpus) == 0
    assert corpus.skipped["reason"].tolist()[0] == (
        "JSONL line 1: column 'content' holds an object with keys title, body, not text; "
        "pass text_column='content.body' (a path into the object)"
    )
    assert ct.load_corpus(path, text_column="content.body").docs["text"].tolist() == [
        x for _, x in SAUDI
    ]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("15 มกราคม 2568", "2025-01-15"),  # Thai: Buddhist Era year, 543 ahead
        ("วันที่ 1 ต.ค. พ.ศ. 2567", "2024-10-01"),
        ("๑๕ มกราคม ๒๕๖๘", "2025-01-15"),  # Thai digits
    ],
)
def test_a_thai_buddhist_era_date_is_converted(tmp_path: Path, written: str, day: str) -> None:
    (tmp_path / "posts.csv").write_text(
        f"date,text\n{written},The council voted on the city budget on that day.\n",
        encoding="utf-8",
    )
    assert ct.load_corpus(tmp_path / "posts.csv").docs["published"].tolist() == [pd.Timestamp(day)]
