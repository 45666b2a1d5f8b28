"""Session 33 (H4): loading real files and misuse.

Fixtures are short excerpts of real files, each with its source and licence beside it.
"""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.io.wires import dateline_credit

# ISOT Fake News Dataset (University of Victoria; research use), True.csv as copied in
# github.com/Vatshayan/Fake-News-Prediction (be794ed): the first words of rows 1-7 and 8
ISOT = [
    "WASHINGTON (Reuters) - The head of a conservative Republican faction in the U.S. "
    "Congress, who voted this month for a huge expansion of the national debt.",
    "WASHINGTON (Reuters) - Transgender people will be allowed for the first time to enlist "
    "in the U.S. military starting on Monday as ordered by federal courts.",
    "WASHINGTON (Reuters) - The special counsel investigation of links between Russia and "
    "President Trump’s 2016 election campaign should continue.",
    "WASHINGTON (Reuters) - Trump campaign adviser George Papadopoulos told an Australian "
    "diplomat in May 2016 that Russia had political dirt on Democratic candidate Clinton.",
    "SEATTLE/WASHINGTON (Reuters) - President Donald Trump called on the U.S. Postal Service "
    "on Friday to charge “much more” to ship packages for Amazon.",
    "WEST PALM BEACH, Fla./WASHINGTON (Reuters) - The White House said on Friday it was set to "
    "kick off talks next week with Republican and Democratic congressional leaders.",
    "WEST PALM BEACH, Fla (Reuters) - President Donald Trump said on Thursday he believes he "
    "will be fairly treated in a special counsel investigation.",
    " (This version of the Nov. 2 story corrects paragraph 8) By Ian Simpson WASHINGTON "
    "(Reuters) - The Senate voted on Thursday to confirm the nominee.",
    "WASHINGTON (Reuters) - The head of the Environmental Protection Agency said on Monday the "
    "agency would review the rule.",
    "WASHINGTON (Reuters) - U.S. Senate Republicans on Tuesday unveiled their version of the "
    "tax bill, setting up a clash with the House.",
]
TWEETS = (
    "The following statements were posted to the verified Twitter accounts of U.S. President "
    "Donald Trump, @realDonaldTrump and @POTUS. The opinions expressed are his own."
)
# AG's corpus of news articles (A. Gulli; "provided by the academic community for research
# purposes"), test.csv descriptions as copied in github.com/madhubandru/
# Text-Classification-on-News-Articles-using-BERT-Framework (082f2db): items of ~2,000 sources
AG = [
    "AP - A company founded by a chemistry researcher at the University of Louisville won a "
    "grant to develop a method of producing better peptides.",
    "AP - It's barely dawn when Mike Fitzpatrick starts his shift with a blur of colorful "
    "maps, figures and endless charts.",
    " LOS ANGELES (Reuters) - Apple Computer Inc. on Tuesday began shipping a new program "
    "designed to let users create real-time motion graphics.",
    'Wiltshire Police warns about "phishing" after its fraud squad chief was targeted.',
    "Unions representing workers at Turner Newall say they are 'disappointed' after talks "
    "with stricken parent firm Federal Mogul.",
]


def _table(path: Path, texts: list[str], **cols: list[str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["title", "text", *cols])
        for i, t in enumerate(texts):
            w.writerow([f"Story {i}", t, *(v[i] for v in cols.values())])
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ISOT[0], ("Reuters", "WASHINGTON (Reuters) -")),
        (ISOT[7], ("Reuters", "By Ian Simpson WASHINGTON (Reuters) -")),
        (AG[0], ("Associated Press", "AP -")),
        ("PARIS (AFP) - Le gouvernement a annoncé mardi", ("AFP", "PARIS (AFP) -")),
        ("Berlin (dpa) - Die Bundesregierung will", ("dpa", "Berlin (dpa) -")),
        ("Madrid, 3 mar (EFE).- El Gobierno aprobó", ("EFE", "Madrid, 3 mar (EFE).-")),
        ("МОСКВА, 3 марта. /ТАСС/. Глава МИД заявил", ("TASS", "МОСКВА, 3 марта. /ТАСС/.")),
        ("LONDON (REUTERS) - Shares fell", ("Reuters", "LONDON (REUTERS) -")),
        (TWEETS, None),
        ("The minister (pictured) - who spoke first - said no.", None),
        ("Reuters reported on Monday that the talks ended.", None),
        # a credit past the head is no dateline
        ("x" * 400 + " WASHINGTON (Reuters) - Later.", None),
    ],
)
def test_dateline_credits(text: str, expected: tuple[str, str] | None) -> None:
    assert dateline_credit(text) == expected


def test_a_wire_table_without_outlets_gets_the_wire_as_outlet(tmp_path: Path) -> None:
    path = _table(tmp_path / "True.csv", [*ISOT, TWEETS])
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        d = ct.load_corpus(path).docs
    assert d["outlet"].tolist() == ["Reuters"] * 10 + [None]
    assert d["outlet_source"].tolist() == ["text:dateline"] * 10 + [None]
    text = " ".join(str(w.message) for w in caught)
    assert (
        "True.csv: 10 of 11 documents credit Reuters in their dateline ('WASHINGTON (Reuters) "
        "-'), so 'Reuters' is their outlet (outlet_source 'text:dateline'); the 1 other(s) keep "
        "none" in text
    )
    assert "pass outlet_column=" in text


def test_a_mixed_wire_corpus_gets_no_outlet_from_a_minority(tmp_path: Path) -> None:
    # AG: AP on 2 of 5, Reuters on 1: no credit is carried by (almost) every document
    path = _table(tmp_path / "ag.csv", AG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        d = ct.load_corpus(path).docs
    assert d["outlet"].tolist() == [None] * 5
    assert not any("dateline" in str(w.message) for w in caught)
    # two AP credits beside eight Reuters ones: two agencies, no outlet
    path = _table(tmp_path / "mixed.csv", [*ISOT[:8], AG[0], AG[1]])
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        d = ct.load_corpus(path).docs
    assert d["outlet"].tolist() == [None] * 10
    # Reuters on half the items, none on the rest: a minority of credits names no outlet
    path = _table(tmp_path / "half.csv", [*ISOT[:4], *AG[3:], TWEETS, TWEETS])
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        d = ct.load_corpus(path).docs
    assert d["outlet"].tolist() == [None] * 8
    # the Reuters round-ups of posts (no dateline) beside its stories: they keep no outlet
    path = _table(tmp_path / "ho.csv", [*ISOT[:8], TWEETS, TWEETS])
    with pytest.warns(ct.CorpusToolsWarning, match="ho.csv: 8 of 10 documents credit Reuters"):
        d = ct.load_corpus(path).docs
    assert d["outlet"].tolist() == ["Reuters"] * 8 + [None] * 2


def test_an_outlet_column_wins_over_the_dateline(tmp_path: Path) -> None:
    # an outlet that reprints wire copy is named by its column; an empty cell may take the credit
    outlets = ["The Guardian"] * 9 + [""]
    path = _table(tmp_path / "news.csv", ISOT, outlet=outlets)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        d = ct.load_corpus(path).docs
    assert d["outlet"].tolist() == ["The Guardian"] * 9 + ["Reuters"]
    assert d["outlet_source"].tolist() == ["table"] * 9 + ["text:dateline"]


def test_text_files_of_one_folder_are_one_source(tmp_path: Path) -> None:
    for i, t in enumerate(ISOT[:4]):
        (tmp_path / "wire").mkdir(exist_ok=True)
        (tmp_path / "wire" / f"{i}.txt").write_text(f"Story {i}\n\n{t}\n", encoding="utf-8")
    for i, t in enumerate(AG[3:]):
        (tmp_path / "own").mkdir(exist_ok=True)
        (tmp_path / "own" / f"{i}.txt").write_text(f"Story {i}\n\n{t}\n", encoding="utf-8")
    with pytest.warns(ct.CorpusToolsWarning, match="folder 'wire': 4 of 4 documents credit"):
        d = ct.load_corpus(tmp_path).docs
    assert dict(zip(d["doc_id"], d["outlet"], strict=True)) == {
        "own/0": None,
        "own/1": None,
        "wire/0": "Reuters",
        "wire/1": "Reuters",
        "wire/2": "Reuters",
        "wire/3": "Reuters",
    }


# A Google News RSS item as saved by a news-collecting script (the link is Google's redirect,
# the outlet only in the title's " - Reuters" and the feed's <source>; links shortened)
GNEWS = [
    (
        "Lilly touts Foundayo advantage over Novo's Ozempic pill - Reuters",
        "https://news.google.com/rss/articles/CBMiabc?oc=5",
    ),
    (
        "Markets fall as investors weigh the rate outlook - CNBC",
        "https://news.google.com/rss/articles/CBMixyz?oc=5",
    ),
]


def test_a_table_whose_every_url_is_a_redirector_says_so(tmp_path: Path) -> None:
    # before: no outlet and no word about it (every URL's host was left out silently)
    path = tmp_path / "gnews.csv"
    rows = [(t, f"{t}. The story was told on Tuesday.", u) for t, u in GNEWS]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("title", "text", "link"), *rows])
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        d = ct.load_corpus(path).docs
    assert d["outlet"].tolist() == [None, None]
    text = " ".join(str(w.message) for w in caught)
    assert "gnews.csv: every row's URL (2) is a link shortener's, feed redirector's or" in text
    assert "pass outlet_column= naming the column that names each item's source" in text


def test_files_whose_every_sidecar_url_is_a_redirector_say_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks end.\n\nThe ministers met on Tuesday.\n")
    (tmp_path / "b.txt").write_text("Second story.\n\nMore words of the story.\n")
    (tmp_path / "metadata.csv").write_text(
        f"file,url\na.txt,{GNEWS[0][1]}\nb.txt,https://t.co/Ab1\n", encoding="utf-8"
    )
    with pytest.warns(ct.CorpusToolsWarning, match="the corpus's files: every document's URL"):
        d = ct.load_corpus(tmp_path).docs
    assert d["outlet"].tolist() == [None, None]
    # one URL of an outlet's own: no such warning
    (tmp_path / "metadata.csv").write_text(
        f"file,url\na.txt,{GNEWS[0][1]}\nb.txt,https://www.bbc.co.uk/news/x\n", encoding="utf-8"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        d = ct.load_corpus(tmp_path).docs
    assert d["outlet"].tolist() == [None, "bbc.co.uk"]
    assert not any("every document's URL" in str(w.message) for w in caught)


# rsdoiel/antenna north_america.xml (bad46d8, AGPL-3.0; an aggregated feed of 1,245 items):
# two items, the first's podcast enclosure with a bare '&' in its query (60 such in the file),
# which made the whole feed "not well-formed XML" and skipped it
ANTENNA = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title><![CDATA[North America]]></title>
<item><title>Put me in, coach</title>
<link>https://www.marketplace.org/story/2026/08/21/what-longterm-unemployment-looks-like</link>
<description><![CDATA[<p>At least 1.8 million Americans have been looking for a fulltime job
for more than 27 weeks. Plus: R&D spending.</p>]]></description>
<enclosure url="https://play.publicradio.org/pm_20260821.mp3?awCollectionId=mkp-MKP-PM&awEpisodeId=01M0JV25" length="12529735" type="audio/mpeg" />
</item>
<item><title>Army Corps of Engineers staff killed during plane’s attempt to land in Alaska</title>
<link>https://federalnewsnetwork.com/defense-news/2026/08/us-army-corps-plane-crashes/</link>
<description>AT&T and Army staff &nbsp;said the plane crashed near a radar site.</description>
</item></channel></rss>
"""


def test_a_feed_with_bare_ampersands_loads_every_item(tmp_path: Path) -> None:
    path = tmp_path / "north_america.xml"
    path.write_text(ANTENNA, encoding="utf-8")
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        d = ct.load_corpus(path).docs
    text = " ".join(str(w.message) for w in caught)
    assert (
        "north_america.xml: not well-formed XML (line 7, column 99: EntityRef: expecting ';'): "
        "2 bare '&' (written '&amp;' in XML) and 1 HTML entit(ies) XML does not define" in text
    )
    assert d["outlet"].tolist() == ["marketplace.org", "federalnewsnetwork.com"]
    assert "Plus: R&D spending." in d["text"].tolist()[0]  # CDATA as written
    assert (
        d["text"].tolist()[1] == "AT&T and Army staff \xa0said the plane crashed near a radar site."
    )
    # a fault that is no '&' is still named and the file skipped
    path.write_text(ANTENNA.replace("</item>\n<item>", "</item>\n<item"), encoding="utf-8")
    with pytest.raises(ct.CorpusLoadError, match="not well-formed XML"):
        ct.load_corpus(path)


# Sogou Labs' SogouCS news dump sample (news_sohusite_xml.smarty.dat, Sogou Lab data licence:
# research use), as copied in github.com/NICE-FUTURE/tfidf-cosine-text-recommendation (0b0e5eb):
# three <doc> records, cut short; the second's <content> is empty in the file
SOGOU = (
    "<doc>\n<url>http://gongyi.sohu.com/20120706/n347457739.shtml</url>\n"
    "<docno>98590b972ad2f0ea-34913306c0bb3300</docno>\n"
    "<contenttitle>深圳地铁将设立ＶＩＰ头等车厢\u3000买双倍票可享坐票</contenttitle>\n"
    "<content>南都讯\u3000记者刘凡\u3000周昌和\u3000任笑一\u3000继推出日票后，深圳今后将设地铁ＶＩＰ头等车厢，"
    "设坐票制。</content>\n</doc>\n"
    "<doc>\n<url>http://gongyi.sohu.com/20120724/n348878190.shtml</url>\n"
    "<docno>5fa7926d2cd2f0ea-34913306c0bb3300</docno>\n"
    "<contenttitle>爸爸为女儿百万建幼儿园\u3000消防设施３年仍不过关</contenttitle>\n"
    "<content></content>\n</doc>\n"
    "<doc>\n<url>http://gongyi.sohu.com/s2008/sourceoflife/</url>\n"
    "<docno>f2467af22cd2f0ea-34913306c0bb3300</docno>\n"
    "<contenttitle>中国西部是地球上主要干旱带之一</contenttitle>\n"
    "<content>同心县地处宁夏中部干旱带的核心区，\u3000冬寒长，春暖迟，夏热短，秋凉早，干旱少雨。</content>\n"
    "</doc>\n"
)


def test_a_tagged_doc_dump_is_named_and_split_into_its_records(tmp_path: Path) -> None:
    # before: one document of the whole file, and no word about its records
    path = tmp_path / "sohu.txt"
    path.write_bytes(("<doclist>\n" + SOGOU + "</doclist>\n").encode("gb18030"))
    with pytest.warns(ct.CorpusToolsWarning, match=r"3 <doc> records \(tagged as TREC"):
        assert len(ct.load_corpus(path).docs) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = ct.load_corpus(path, split="records")
    d = c.docs
    assert d["doc_id"].tolist() == ["sohu#1", "sohu#3"]
    assert d["title"].tolist() == [
        "深圳地铁将设立ＶＩＰ头等车厢 买双倍票可享坐票",
        "中国西部是地球上主要干旱带之一",
    ]
    assert d["url"].tolist()[0] == "http://gongyi.sohu.com/20120706/n347457739.shtml"
    assert d["outlet"].tolist() == ["sohu.com", "sohu.com"]
    assert (
        d["text"].tolist()[1]
        == "同心县地处宁夏中部干旱带的核心区，\u3000冬寒长，春暖迟，夏热短，秋凉早，干旱少雨。"
    )
    assert d["record_header"].tolist()[0].startswith("<doclist>\n<doc>\n<url>")
    assert d["record_footer"].tolist()[1] == "</content>\n</doc>\n</doclist>\n"
    assert c.skipped["reason"].tolist() == [
        "record 2 of sohu.txt ('爸爸为女儿百万建幼儿园 消防设施３年仍不过关') has no text after its header "
        "(characters 250-444 of the file)"
    ]
    # the same file saved as .xml: skipped, saying what it is and how to load it
    (tmp_path / "sohu.txt").rename(tmp_path / "sohu.xml")
    with pytest.raises(ct.CorpusLoadError, match=r"a dump of <doc> records .* split='records'"):
        ct.load_corpus(tmp_path / "sohu.xml")


# NewsAPI top-headlines saved one file per outlet (github.com/wizzandrew/top-headlines,
# a83526, src/shared/cached/source/; no licence file; the first article's fields, cut)
NEWSAPI = {
    "americaUsFox.json": {
        "source": {"id": "fox-news", "name": "Fox News"},
        "title": "North Hollywood parents boycott school district's planned Pride assembly",
        "url": "https://www.foxnews.com/media/north-hollywood-parents-boycott-school-districts",
        "publishedAt": "2023-05-25T22:46:21Z",
        "content": "Parents in North Hollywood, California plan to boycott an assembly to discuss "
        "LGBTQ+ issues for Pride month at Saticoy Elementary School.\r\nAn Instagram account "
        "named Saticoy Elementary Parents posted… [+4024 chars]",
    },
    "europeGerBild.json": {
        "source": {"id": "bild", "name": "Bild"},
        "title": "„B:REAL“: Reality-Star Kader Loth erhält eigene TV-Show | Unterhaltung",
        "url": "https://www.bild.de/unterhaltung/tv/tv/b-real-reality-star-kader-loth-84069104",
        "publishedAt": "2023-05-26T00:07:11Z",
        "content": "Das kann ja heiter werden ...\r\nSeit einigen Wochen wird in Berlin an einem ganz "
        "neuen Realityformat gedreht. Nach BILD-Informationen handelt es sich hierbei um "
        "B:REAL Echte Promis, echtes Leben (RTLZ… [+1143 chars]",
    },
}


def test_a_folder_of_exports_warns_once_per_kind_then_sums_up(tmp_path: Path) -> None:
    # before: one cut-mark warning per file (14 files of NewsAPI exports: 14 warnings + 3)
    import json

    for i in range(3):
        for name, article in NEWSAPI.items():
            path = tmp_path / name.replace(".json", f"{i}.json")
            path.write_text(json.dumps({"articles": [article]}), encoding="utf-8")
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        d = ct.load_corpus(tmp_path).docs
    assert len(d) == 6
    cut = [str(w.message) for w in caught if "cut mark" in str(w.message)]
    assert len(cut) == 2
    assert cut[0].startswith("americaUsFox0.json: 1 row(s)' text ends in a news API's cut mark")
    assert cut[1] == (
        "5 more file(s) have text that ends in a news API's cut mark ('... [+1210 chars]'), as "
        "americaUsFox0.json has (the warning above): americaUsFox1.json (1), americaUsFox2.json "
        "(1), europeGerBild0.json (1), europeGerBild1.json (1), europeGerBild2.json (1) (rows or "
        "items in brackets)."
    )
    # one file alone warns as before
    with pytest.warns(ct.CorpusToolsWarning, match="americaUsFox0.json: 1 row"):
        ct.load_corpus(tmp_path / "americaUsFox0.json")


# Reuters-21578 (D. Lewis; "free distribution for research purposes only"), reut2-000.sgm as
# copied in github.com/loki86/ksr_zadanie1V2 (d16457f): its doctype and three records, the
# bodies cut to their first sentence
R21578 = '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + "".join(
    f'<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="{5544 + i}" '
    f'NEWID="{i + 1}">\n<DATE>26-FEB-1987 {t}</DATE>\n<TOPICS></TOPICS>\n'
    f"<PLACES><D>usa</D></PLACES>\n<UNKNOWN> \n&#5;&#5;&#5;F Y\n</UNKNOWN>\n<TEXT>&#2;\n"
    f"<TITLE>{title}</TITLE>\n<DATELINE>    {place}, Feb 26 - </DATELINE><BODY>{body}\n"
    " Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
    for i, (t, title, place, body) in enumerate(
        [
            (
                "15:01:01.79",
                "BAHIA COCOA REVIEW",
                "SALVADOR",
                "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating "
                "the drought since early\nJanuary.",
            ),
            (
                "15:02:20.00",
                "STANDARD OIL &lt;SRD> TO FORM FINANCIAL UNIT",
                "CLEVELAND",
                "Standard Oil Co and BP North America\nInc said they plan to form a venture.",
            ),
            (
                "15:03:27.51",
                "TEXAS COMMERCE BANCSHARES &lt;TCB> FILES PLAN",
                "HOUSTON",
                "Texas Commerce Bancshares Inc's Texas\nCommerce Bank-Houston said it filed an "
                "application.",
            ),
        ]
    )
)


def test_reuters_21578_records_split_at_their_own_element(tmp_path: Path) -> None:
    # before: one document of the whole file (1,000 articles in reut2-000.sgm), no warning
    path = tmp_path / "reut2-000.txt"
    path.write_text(R21578, encoding="utf-8")
    with pytest.warns(ct.CorpusToolsWarning, match="3 <doc> records"):
        assert len(ct.load_corpus(path).docs) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = ct.load_corpus(path, split="records").docs
    assert d["title"].tolist() == [
        "BAHIA COCOA REVIEW",
        "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT",
        "TEXAS COMMERCE BANCSHARES <TCB> FILES PLAN",
    ]
    assert d["published"].dt.strftime("%Y-%m-%d %H:%M").tolist() == ["1987-02-26 15:01"] * 1 + [
        "1987-02-26 15:02",
        "1987-02-26 15:03",
    ]
    assert d["text"].tolist()[1].startswith("Standard Oil Co and BP North America")
    assert (
        d["record_header"].tolist()[0].startswith('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS')
    )
    # the end-of-text mark &#3; is the footer's, not the text's (session 34)
    assert d["record_footer"].tolist()[2] == "&#3;</BODY></TEXT>\n</REUTERS>\n"
    assert not d["text"].str.contains("&#").any()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("26-FEB-1987 15:02:20.00", "1987-02-26 15:02:20"),  # Reuters-21578's <DATE>
        ("26-FEB-1987 15:01:01.79", "1987-02-26 15:01:01.790000"),
        ("MAY 3 2024 08:07", "2024-05-03 08:07:00"),
        ("26-Feb-1987 15:02:20", "1987-02-26 15:02:20"),
    ],
)
def test_a_month_in_capitals_keeps_the_minutes(value: str, expected: str) -> None:
    # before: pandas' format guess read '02' of 15:02 as the month: 15:00:20
    from corpus_tools.io.dates import parse_date

    assert str(parse_date(value, where="x.csv", row=1, column="date")[0]) == expected
