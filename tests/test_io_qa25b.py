"""Outlets from URLs (session 25, second wave): malformed links, tables whose only outlet
evidence is a column of URLs, and columns that are not URLs.

The rows are real: FakeNewsNet's politifact_fake.csv (KaiDMML/FakeNewsNet 654361e: news_url
written with and without a scheme, web archive links), the HuffPost News Category sample
(Misra; a link glued to another), UCI News Aggregator (URL and its HOSTNAME)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning
from corpus_tools.io.decode import decode_bytes
from corpus_tools.io.outlets import is_url_cell, url_host, url_parts
from corpus_tools.io.readers import url_columns

FNN_ROWS = [
    (
        "politifact15014",
        "speedtalk.com/forum/viewtopic.php?t=51650",
        "BREAKING: First NFL Team Declares Bankruptcy Over Kneeling Thugs",
    ),
    (
        "politifact15156",
        "politics2020.info/index.php/2018/03/13/court-orders-obama-to-pay-400-million-in-"
        "restitution/",
        "Court Orders Obama To Pay $400 Million In Restitution",
    ),
    (
        "politifact14745",
        "www.nscdscamps.org/blog/category/parenting/467344/update-second-roy-moore-accuser-"
        "works-for-michelle-obama-right-now-departed",
        "UPDATE: Second Roy Moore Accuser Works For Michelle Obama Right NOW -",
    ),
    (
        "politifact14355",
        "https://howafrica.com/oscar-pistorius-attempts-commit-suicide/",
        "Oscar Pistorius Attempts To Commit Suicide",
    ),
    (
        "politifact14795",
        "https://web.archive.org/web/20171027105356/http://www.religionmind.com:80/2017/10/"
        "saudi-arabia-behead-6-school-girls-for.html",
        "Saudi Arabia to Behead 6 School Girls for Being With Their Male Friends Without "
        "Parents or a Guardian",
    ),
    (
        "politifact14328",
        "https://web.archive.org/web/20170702174006/http://freedomcrossroads.us:80/malia-obama-"
        "fired-from-cushy-internship-at-spanish-embassy",
        "Malia Obama Fired From Cushy Internship At Spanish Embassy",
    ),
    (
        "politifact14427",
        None,
        " Friendly Fire … Charlottesville Car attacker is antiTrump Antifa supporter",
    ),
]
FNN_OUTLETS = [
    "speedtalk.com",
    "politics2020.info",
    "nscdscamps.org",
    "howafrica.com",
    "religionmind.com",
    "freedomcrossroads.us",
    None,
]
GLUED = (
    "https://www.huffingtonpost.comhttps://www.outsports.com/2018/4/17/17244994/jake-bain-"
    "hunter-sigmund-gay-high-school-prom"
)
UCI = [  # URL, HOSTNAME
    (
        "http://www.latimes.com/business/money/la-fi-mo-federal-reserve-plosser-stimulus-"
        "economy-20140310,0,1312750.story\\?track=rss",
        "www.latimes.com",
    ),
    (
        "http://www.livemint.com/Politics/H2EvwJSK2VE6OF7iK1g3PP/Feds-Charles-Plosser-sees-"
        "high-bar-for-change-in-pace-of-ta.html",
        "www.livemint.com",
    ),
    (
        "http://www.nasdaq.com/article/plosser-fed-may-have-to-accelerate-tapering-pace-"
        "20140310-00371",
        "www.nasdaq.com",
    ),
]


def _fnn_csv(path: Path, url_name: str = "news_url") -> Path:
    frame = pd.DataFrame(FNN_ROWS, columns=["id", url_name, "title"])
    frame["tweet_ids"] = "937349434668498944\t937379378006282240"
    frame.to_csv(path, index=False)
    return path


def _load(source: object, **kw: object) -> tuple[ct.Corpus, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(source, **kw)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]


def test_hosts_of_real_urls_glued_archived_schemeless_and_uci_hostnames() -> None:
    assert url_parts(GLUED) == ("outsports.com", True)
    assert [url_parts(u) for _, u, _ in FNN_ROWS] == [
        ("speedtalk.com", False),
        ("politics2020.info", False),
        ("nscdscamps.org", False),
        ("howafrica.com", False),
        ("religionmind.com", True),
        ("freedomcrossroads.us", True),
        (None, False),
    ]
    # UCI's own HOSTNAME column, without its www.
    assert [url_host(u) for u, _ in UCI] == [h.removeprefix("www.") for _, h in UCI]
    # the same site however its host is written
    forms = [
        "https://www.bbc.co.uk/news/x",
        "HTTPS://WWW.BBC.CO.UK/news/x",
        "www.bbc.co.uk./news",
        "https://bbc.co.uk:443/news",
        "https://www2.bbc.co.uk/",
        "//m.bbc.co.uk/news",
        "https:/www.bbc.co.uk/news",
        " <https://bbc.co.uk> ",
    ]
    assert {url_host(u) for u in forms} == {"bbc.co.uk"}
    assert url_host("https://xn--80ak6aa92e.com/") == url_host("https://www.аррӏе.com/a")
    # a URL in the query string is a share or referrer link: the page is the outer one
    assert url_host("https://www.facebook.com/sharer.php?u=https://www.cnn.com/a") == (
        "facebook.com"
    )


@pytest.mark.parametrize(
    "value",
    [
        "Los Angeles Times",
        "index.html",
        "e.g. this",
        "U.S.",
        "mailto:desk@latimes.com",
        "ftp://ftp.example.org/a",
        "Talks end in Doha after two days",
        "http://localhost:8080/a",
        "1394470370698",
    ],
)
def test_values_that_are_not_web_addresses_give_no_host(value: str) -> None:
    assert url_host(value) is None
    assert not is_url_cell(value)


def test_fakenewsnet_news_url_gives_each_row_its_outlet_and_says_so(tmp_path: Path) -> None:
    corpus, said = _load(_fnn_csv(tmp_path / "politifact_fake.csv"))
    d = corpus.docs
    assert [None if pd.isna(o) else o for o in d["outlet"]] == FNN_OUTLETS
    assert [None if pd.isna(s) else s for s in d["outlet_source"]] == ["url"] * 6 + [None]
    assert d["url"].tolist()[:2] == [FNN_ROWS[0][1], FNN_ROWS[1][1]]
    note = [m for m in said if "no outlet column" in m]
    assert note == [
        "politifact_fake.csv: no outlet column; column 'news_url' is the url and each row's "
        "outlet is the host of its URL (outlet_source 'url'): 6 outlet(s) over 6 row(s): "
        "speedtalk.com (1), politics2020.info (1), nscdscamps.org (1) and 3 more; 1 row(s) "
        "without a web address have no outlet; 2 URL(s) held a second URL (a link glued to "
        "another, a web archive's copy or a proxy's, as translate.goog and AMP caches serve "
        "pages, e.g. 'https://web.archive.org/web/20171027105356/"
        "http://www.religionmind.com:80/2017/10/saudi-arabia-behead-6-school-girls-for.html'): "
        "the host of the page it holds is the outlet. To take the outlets from a column instead, "
        "pass outlet_column= (command line: --outlet-column NAME)."
    ]


def test_a_column_of_urls_under_another_name_is_found_by_its_values(tmp_path: Path) -> None:
    corpus, said = _load(_fnn_csv(tmp_path / "fnn.csv", url_name="Quelle der Meldung"))
    d = corpus.docs
    assert [None if pd.isna(o) else o for o in d["outlet"]] == FNN_OUTLETS
    assert "Quelle der Meldung" not in d.columns and d["url"].iloc[3] == FNN_ROWS[3][1]
    assert any(
        m.startswith(
            "fnn.csv: no outlet column; column 'Quelle der Meldung' holds URLs, so it is read "
            "as the url (docs['url']) and each row's outlet is the host of its URL"
        )
        for m in said
    )


def test_columns_that_are_not_page_urls_give_no_outlet(tmp_path: Path) -> None:
    texts = [f"Talks ended on day {i} after the envoys left the capital." for i in range(5)]
    frame = pd.DataFrame(
        {
            "text": texts,
            "byline": ["Mr.Smith", "Dr.Jones", "Ms.Lee", "Mr.Smith", "Dr.Jones"],
            "file": ["a.html", "b.html", "c.pdf", "d.txt", "e.html"],
            "image": [f"https://static.example-cdn.com/img/{i}.jpg" for i in range(5)],
            "n": [1, 2, 3, 4, 5],
        }
    )
    corpus, said = _load(frame)
    assert corpus.docs["outlet"].isna().all() and corpus.docs["url"].isna().all()
    assert not [m for m in said if "outlet" in m]
    assert url_columns(list(frame.columns), frame.to_dict("records")) == []


def test_two_columns_of_urls_are_not_guessed_between(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "text": ["The vendor released a patch on Monday.", "The port was down a day."],
            "a": ["https://www.cnn.com/2018/04/18/x", "https://www.bbc.co.uk/news/y"],
            "b": ["https://twitter.com/cnn/status/1", "https://twitter.com/bbc/status/2"],
        }
    )
    corpus, said = _load(frame)
    assert corpus.docs["outlet"].isna().all()
    assert [m for m in said if "all hold URLs" in m] == [
        "DataFrame: no outlet column, and the columns 'a', 'b' all hold URLs, so no outlet is "
        "taken from a URL's host; rename the column that holds each article's own link to "
        "'url' (its host becomes the outlet), or pass outlet_column= naming a column of "
        "outlet names."
    ]


def test_huffpost_link_glued_to_another_gives_the_inner_host(tmp_path: Path) -> None:
    rows = [
        {
            "category": "QUEER VOICES",
            "headline": "Gay High School Football Player And Swimmer Boyfriend Dance Night Away "
            "At Prom",
            "link": GLUED,
            "short_description": "Jake Bain and Hunter Sigmund celebrate their relationship "
            "with classmates.",
            "date": "2018-04-21",
        },
        {
            "category": "ENTERTAINMENT",
            "headline": "Hugh Grant Marries For The First Time At Age 57",
            "link": "https://www.huffingtonpost.com/entry/hugh-grant-marries_us_5b09212ce4b0568"
            "a880b9a8c",
            "short_description": "The actor and his longtime girlfriend Anna Eberstein tied the "
            "knot in a civil ceremony.",
            "date": "2018-05-26",
        },
    ]
    path = tmp_path / "huffpost.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    corpus, said = _load(path, text_column="short_description")
    assert corpus.docs["outlet"].tolist() == ["outsports.com", "huffingtonpost.com"]
    assert corpus.docs["url"].tolist()[0] == GLUED  # the link as written
    assert any("1 URL(s) held a second URL" in m for m in said)


def test_an_empty_outlet_cell_takes_its_url_host_without_a_table_warning(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "text": ["Talks ended on Tuesday.", "The envoys left on Monday."],
            "outlet": ["Los Angeles Times", None],
            "url": [UCI[0][0], UCI[1][0]],
        }
    )
    corpus, said = _load(frame)
    assert corpus.docs["outlet"].tolist() == ["Los Angeles Times", "livemint.com"]
    assert corpus.docs["outlet_source"].tolist() == ["table", "url"]
    assert not [m for m in said if "URL" in m]


POLISH = (
    "W Łodzi otwarto nowy dworzec. Prezydent miasta powiedziała, że to dopiero początek "
    "zmian, które czekają mieszkańców, i że już w przyszłym roku będzie gotowy plan dla "
    "śródmieścia."
)


def test_iso_8859_2_page_that_says_utf_8_is_read_as_polish(tmp_path: Path) -> None:
    # charset-normalizer guesses iso8859_14 for these bytes ('£ódỳ'); the Polish function
    # words (że, już, będzie, które) say ISO-8859-2, which reads ś and ź where cp1250 does not
    page = (
        "<html><head><meta charset='utf-8'><title>Łódź: nowy dworzec</title></head>"
        f"<body><article><h1>Łódź: nowy dworzec</h1><p>{POLISH}</p><p>{POLISH}</p>"
        "</article></body></html>"
    )
    path = tmp_path / "lodz.html"
    path.write_bytes(page.encode("iso8859_2"))
    corpus, _ = _load(path)
    doc = corpus.docs.iloc[0]
    assert doc["encoding"] == "iso8859_2"
    assert "Łodzi" in doc["text"] and "śródmieścia" in doc["text"]
    assert decode_bytes(POLISH.encode("iso8859_2")) == (POLISH, "iso8859_2")
    assert decode_bytes(POLISH.encode("cp1250")) == (POLISH, "cp1250")
