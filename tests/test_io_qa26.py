"""Session 26 io QA: news-database exports and other inputs a new user brings.

The LexisNexis layouts below are written after the layout of real exports (the classic
LexisNexis Academic .txt with "N of M DOCUMENTS" lines, CRLF line ends and a BOM; a Nexis Uni
export saved as text, "End of Document" after each article, no-break spaces after keys); the
articles are made up.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from conftest import warc_record

import corpus_tools as ct
from corpus_tools.io.dumps import records_in_text, split_records

CLASSIC = (
    "\ufeff\r\n\r\nDownload Request: Selected Items: 1-3\r\nTerms: (flood)\r\n\r\n"
    "                               1 of 3 DOCUMENTS\r\n\r\n"
    "                                  Guardian.com\r\n\r\n"
    "                            January 11, 2010 Monday\r\n\r\n"
    "River rises over town walls\r\n\r\n"
    "BYLINE: Ann Author\r\n\r\nLENGTH: 355 words\r\n\r\n"
    "The river rose over the walls on Sunday night.\r\nResidents left their homes.\r\n\r\n"
    "LOAD-DATE: January 11, 2010\r\n\r\nLANGUAGE: ENGLISH\r\n\r\n"
    "PUBLICATION-TYPE: Newspaper\r\n\r\n"
    "                       Copyright 2010 Guardian Unlimited\r\n"
    "                              All Rights Reserved\r\n\r\n"
    "                               2 of 3 DOCUMENTS\r\n\r\n"
    "                               The Times (London)\r\n\r\n"
    "                            January 9, 2010 Saturday\r\n"
    "                                   Edition 1;\r\n"
    "                                    Scotland\r\n\r\n"
    "Ministers promise new\r\nflood defences\r\n\r\n"
    "BYLINE: Bo Writer\r\n\r\nSECTION: NEWS; Pg. 3\r\n\r\nLENGTH: 453 words\r\n\r\n"
    "The government said it would spend more on defences.\r\n\r\n"
    "LOAD-DATE: January 9, 2010\r\n\r\nLANGUAGE: ENGLISH\r\n\r\n"
    "GRAPHIC: Sandbags in the high street\r\n\r\n"
    "                    Copyright 2010 Times Newspapers Limited\r\n\r\n"
    "                               3 of 3 DOCUMENTS\r\n\r\n"
    "                              DAILY MAIL (London)\r\n\r\n"
    "                            January 8, 2010 Friday\r\n\r\n"
    "LENGTH: 120 words\r\n\r\n"
    "Rain fell for a third day.\r\n\r\n"
    "LOAD-DATE: January 8, 2010\r\n\r\nLANGUAGE: ENGLISH\r\n"
)

UNI = (
    "Date and Time: Friday, 5. July 2019 09:31:00 CEST\nJob Number: 1\nDocuments (2)\n"
    "1. Budget talks stall\nClient/Matter: -None-\nQuellen: The Guardian(London)\n\n\n\n"
    "Budget talks stall\nThe Guardian(London)\nJuly 1, 2019 Monday 9:20 AM GMT\n\n\n"
    "Section: POLITICS; Version:28\nLength:\u00a0355 words\nByline:\u00a0Cy Reporter\nBody\n\n\n"
    "Talks on the budget stalled on Monday.\n\nBoth sides blamed the other.\n\n"
    "End of Document\n\n\n\n"
    "Teachers vote to strike\nThe Guardian(London)\nJuly 2, 2019 Tuesday 9:33 AM GMT\n\n"
    "Copyright 2019 The Guardian All Rights Reserved\n\n"
    "Section: EDUCATION; Version:17\nLength:\u00a0571 words\nByline:\u00a0Di Writer\nBody\n\n\n"
    "Teachers voted to strike next month.\n"
    "Classification\n\n\nLanguage:\u00a0ENGLISH\nJournal Code:\u00a0WEBGNS\n"
    "Load-Date:\u00a0July 4, 2019\n\nEnd of Document\n"
)


def _load(tmp_path, name, text, **kw):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(path, **kw)
    return corpus, [str(w.message) for w in caught]


def test_lexisnexis_export_is_named_as_many_articles(tmp_path):
    corpus, caught = _load(tmp_path, "ln.txt", CLASSIC)
    assert len(corpus.docs) == 1  # without split, one document, and a warning that says why
    assert any("3 LexisNexis articles ('1 of 3 DOCUMENTS' lines)" in m for m in caught)
    assert any("split='records'" in m for m in caught)
    assert records_in_text(UNI) == "2 LexisNexis articles ('End of Document' lines)"


def test_lexisnexis_classic_export_splits_into_articles_with_their_header(tmp_path):
    corpus, _ = _load(tmp_path, "ln.txt", CLASSIC, split="records")
    docs = corpus.docs
    assert list(docs.doc_id) == ["ln#1", "ln#2", "ln#3"]
    assert list(docs.outlet) == ["Guardian.com", "The Times (London)", "DAILY MAIL (London)"]
    assert [str(d.date()) for d in docs.published] == ["2010-01-11", "2010-01-09", "2010-01-08"]
    assert list(docs.title[:2]) == [
        "River rises over town walls",
        "Ministers promise new flood defences",
    ]
    assert list(docs.author[:2]) == ["Ann Author", "Bo Writer"]
    assert (
        docs.text.iloc[0]
        == "The river rose over the walls on Sunday night.\nResidents left their homes."
    )
    assert docs.text.iloc[1] == "The government said it would spend more on defences."
    # the load date, language and copyright lines are a footer, not article text
    assert docs.record_footer.iloc[1].lstrip().startswith("LOAD-DATE: January 9, 2010")
    assert "Sandbags" in docs.record_footer.iloc[1] and "Sandbags" not in docs.text.iloc[1]
    # the export's cover (search terms) is in the first article's header; nothing is lost
    assert "Terms: (flood)" in docs.record_header.iloc[0]
    rebuilt = "".join(
        h + b + f
        for h, b, f in zip(docs.record_header, docs.raw_text, docs.record_footer, strict=True)
    )
    assert rebuilt == CLASSIC[1:]  # the BOM is not text
    assert corpus.skipped.empty


def test_nexis_uni_export_splits_at_end_of_document(tmp_path):
    corpus, _ = _load(tmp_path, "uni.txt", UNI, split="records")
    docs = corpus.docs
    assert list(docs.title) == ["Budget talks stall", "Teachers vote to strike"]
    assert list(docs.outlet) == ["The Guardian(London)", "The Guardian(London)"]
    assert [str(d) for d in docs.published] == ["2019-07-01 09:20:00", "2019-07-02 09:33:00"]
    assert list(docs.author) == ["Cy Reporter", "Di Writer"]
    assert list(docs.text) == [
        "Talks on the budget stalled on Monday.\n\nBoth sides blamed the other.",
        "Teachers voted to strike next month.",
    ]
    assert docs.record_footer.iloc[0].lstrip().startswith("End of Document")
    assert docs.record_footer.iloc[1].lstrip().startswith("Classification")
    assert "Job Number: 1" in docs.record_header.iloc[0]
    rebuilt = "".join(
        h + b + f
        for h, b, f in zip(docs.record_header, docs.raw_text, docs.record_footer, strict=True)
    )
    assert rebuilt == UNI


def test_one_lexisnexis_article_or_a_mention_of_documents_is_not_split():
    one = CLASSIC.split("                               2 of 3 DOCUMENTS")[0]
    assert records_in_text(one) is None
    assert split_records(one) is None
    assert split_records("He said 1 of 3 DOCUMENTS was lost.\nThen 2 of 3 DOCUMENTS.\n") is None


@pytest.mark.parametrize("line", ["Dokument 1 von 2", "Document 1 de 2"])
def test_german_and_french_lexisnexis_lines_start_articles(line):
    text = f"{line}\n\nSZ\n\n11. Januar 2010\n\nLÄNGE: 10 Wörter\n\nText eins.\n\n"
    text += text.replace(" 1 ", " 2 ").replace("eins", "zwei")
    records = split_records(text)
    assert records is not None and len(records) == 2
    assert [text[r.body : r.end].strip() for r in records] == ["Text eins.", "Text zwei."]
    assert records[0].fields == {"outlet": "SZ", "published": "11. Januar 2010"}


# --- web archives (WARC) -------------------------------------------------------------------

ARTICLE = (
    "<html><head><title>Dam holds after storm</title>"
    '<link rel="canonical" href="https://news.example.org/2024/dam-holds">'
    '<meta property="og:site_name" content="Example News"></head><body><article>'
    "<h1>Dam holds after storm</h1>"
    + "".join(
        f"<p>Engineers said on Tuesday that the old dam held through the storm, paragraph {i}, "
        "and that the water level would fall over the coming days as the rivers drain.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def _http(status: str, ctype: str, body: bytes, extra: str = "") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}\r\n".encode() + body


def _warc() -> bytes:
    http = "application/http; msgtype=response"
    return b"".join(
        [
            warc_record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
            warc_record(
                "request",
                "https://news.example.org/2024/dam-holds",
                "application/http; msgtype=request",
                b"GET /2024/dam-holds HTTP/1.1\r\n\r\n",
            ),
            warc_record(
                "response",
                "https://news.example.org/2024/dam-holds",
                http,
                _http("200 OK", "text/html; charset=utf-8", ARTICLE.encode()),
            ),
            warc_record(
                "response",
                "https://news.example.org/old",
                http,
                _http("301 Moved Permanently", "text/html", b"", "Location: /new\r\n"),
            ),
            warc_record(
                "response",
                "https://news.example.org/logo.png",
                http,
                _http("200 OK", "image/png", b"\x89PNG...."),
            ),
            warc_record(
                "response",
                "https://news.example.org/robots.txt",
                http,
                _http("200 OK", "text/plain", b"User-agent: *\n"),
            ),
        ]
    )


def test_a_warc_file_loads_one_document_per_page_and_accounts_for_every_record(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc())
    corpus = ct.load_corpus(path)
    docs = corpus.docs
    assert list(docs.doc_id) == ["crawl#3"]
    assert docs.source.iloc[0] == "crawl.warc#record=3"
    assert docs.format.iloc[0] == "html"
    assert docs.url.iloc[0] == "https://news.example.org/2024/dam-holds"
    assert docs.title.iloc[0] == "Dam holds after storm"
    assert docs.text.iloc[0].startswith("Dam holds after storm\n\nEngineers said on Tuesday that")
    assert "WARC-Date: 2024-05-01T10:00:00Z" in docs.record_header.iloc[0]
    assert "HTTP/1.1 200 OK" in docs.record_header.iloc[0]
    assert dict(zip(corpus.skipped.path, corpus.skipped.reason, strict=True)) == {
        "crawl.warc#record=4": "record 4 (https://news.example.org/old) is a redirect "
        "(HTTP 301) to /new, not a page",
        "crawl.warc#other-records": "4 of the 6 records of crawl.warc hold no page "
        "(1 warcinfo, 1 request, 1 image/png, 1 text/plain); not loaded",
    }


def test_a_gzipped_warc_in_a_folder_chunked_and_compressed_pages(tmp_path):
    import gzip
    import zlib

    body = ARTICLE.encode()
    gz_body = gzip.compress(body)
    chunked = (
        b"".join(
            f"{len(body[i : i + 500]):x}\r\n".encode() + body[i : i + 500] + b"\r\n"
            for i in range(0, len(body), 500)
        )
        + b"0\r\n\r\n"
    )
    http = "application/http; msgtype=response"
    records = [
        warc_record(
            "response",
            "https://a.example.com/x",
            http,
            _http("200 OK", "text/html", gz_body, "Content-Encoding: gzip\r\n"),
        ),
        warc_record(
            "response",
            "https://b.example.com/y",
            http,
            _http("200 OK", "text/html", chunked, "Transfer-Encoding: chunked\r\n"),
        ),
        warc_record(
            "response",
            "https://c.example.com/z",
            http,
            _http("200 OK", "text/html", zlib.compress(body), "Content-Encoding: deflate\r\n"),
        ),
    ]
    (tmp_path / "sub").mkdir()
    # one gzip member per record, as crawlers write .warc.gz
    (tmp_path / "sub" / "c.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in records))
    (tmp_path / "note.txt").write_text("A short note about the crawl and what it holds.\n")
    corpus = ct.load_corpus(tmp_path)
    assert list(corpus.docs.doc_id) == ["note", "sub/c#1", "sub/c#2", "sub/c#3"]
    texts = corpus.docs.set_index("doc_id").text
    assert texts["sub/c#1"] == texts["sub/c#2"] == texts["sub/c#3"]
    assert texts["sub/c#1"].startswith("Dam holds after storm\n\nEngineers said")
    assert corpus.skipped.empty


def test_a_warc_file_cut_short_keeps_the_pages_before_and_says_where(tmp_path):
    data = _warc()
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: data.index(b"HTTP/1.1 301") + 20])
    corpus = ct.load_corpus(path)
    assert list(corpus.docs.doc_id) == ["cut#3"]
    reasons = dict(zip(corpus.skipped.path, corpus.skipped.reason, strict=True))
    assert reasons["cut.warc#record=4"] == (
        "record 4 (https://news.example.org/old) is cut short: the file ends inside it; "
        "1 page(s) of the 3 records before it were loaded"
    )


def test_files_that_are_not_warcs_or_other_web_archive_formats_say_what_to_do(tmp_path):
    (tmp_path / "fake.warc").write_text("Just some text, not an archive.\n")
    (tmp_path / "old.arc").write_bytes(b"filedesc://x.arc 0.0.0.0 2008 text/plain 76\n")
    (tmp_path / "meta.warc.wat.gz").write_bytes(b"")
    with pytest.warns(ct.CorpusToolsWarning, match="no document could be loaded"):
        corpus = ct.load_corpus(tmp_path)
    reasons = dict(zip(corpus.skipped.path, corpus.skipped.reason, strict=True))
    assert reasons["fake.warc"].startswith("not a WARC web archive: it does not start with")
    assert "an ARC web archive (the format before WARC)" in reasons["old.arc"]
    assert "WET (.warc.wet.gz)" in reasons["meta.warc.wat.gz"]


def test_a_wet_file_of_page_texts_loads_its_conversion_records(tmp_path):
    import gzip

    text = "Storm closes schools.\n\nSchools in the north closed on Monday as the storm hit."
    data = warc_record("warcinfo", "", "application/warc-fields", b"x: y\r\n") + warc_record(
        "conversion", "https://news.example.org/storm", "text/plain", text.encode()
    )
    (tmp_path / "CC-NEWS-1.warc.wet.gz").write_bytes(gzip.compress(data))
    corpus = ct.load_corpus(tmp_path / "CC-NEWS-1.warc.wet.gz")
    docs = corpus.docs
    assert list(docs.doc_id) == ["CC-NEWS-1.warc#2"]
    assert docs.format.iloc[0] == "text"
    assert docs.url.iloc[0] == "https://news.example.org/storm"
    assert docs.outlet.iloc[0] == "example.org"  # the site, not its news. section
    assert docs.text.iloc[0] == text


# --- saved news feeds (RSS / Atom) ---------------------------------------------------------

LONG = " ".join(
    f"The council approved part {i} of the budget after a debate on {w}."
    for i, w in enumerate(
        ["housing", "roads", "schools", "parks", "water", "buses", "police", "libraries"]
    )
)
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>City news</title><link>https://city.example.net</link>
<item><title>Budget &amp; housing</title>
<link>https://city.example.net/2024/budget</link><guid isPermaLink="false">c-1</guid>
<pubDate>Fri, 20 Feb 2026 17:52:47 GMT</pubDate><dc:creator>Ann Author</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>{LONG}</p><p>Second <b>paragraph</b> &amp; more.</p>
<script>track()</script>]]></content:encoded></item>
<item><title>Bridge reopens</title><link>https://city.example.net/2024/bridge</link>
<guid>c-2</guid><pubDate>yesterday</pubDate>
<description>&lt;p&gt;{LONG}&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://city.example.net/2024/h</link><guid>c-3</guid></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Port strike ends</title><id>tag:wire.example.com,2024:1</id>
<link rel="self" href="https://wire.example.com/api/1"/>
<link rel="alternate" href="https://wire.example.com/2024/port"/>
<published>2024-03-05T08:00:00Z</published><author><name>Bo Writer</name></author>
<content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry>
</feed>
"""


def test_a_saved_rss_feed_loads_one_document_per_item(tmp_path):
    path = tmp_path / "city.xml"
    path.write_text(RSS, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(path)
    docs = corpus.docs
    assert list(docs.doc_id) == ["c-1", "c-2"]
    assert list(docs.title) == ["Budget & housing", "Bridge reopens"]
    assert list(docs.url) == [
        "https://city.example.net/2024/budget",
        "https://city.example.net/2024/bridge",
    ]
    assert list(docs.outlet) == ["example.net", "example.net"]
    assert str(docs.published.iloc[0]) == "2026-02-20 17:52:47"
    assert pd.isna(docs.published.iloc[1])
    assert docs.author.iloc[0] == "Ann Author"
    # content:encoded wins over the summary; markup turned into paragraphs, scripts dropped
    assert docs.text.iloc[0] == LONG + "\n\nSecond paragraph & more."
    assert docs.text.iloc[1] == LONG  # an escaped-HTML description
    assert dict(zip(corpus.skipped.path, corpus.skipped.reason, strict=True)) == {
        "city.xml#item=3": "feed item 3: missing text; the row has 'title': pass "
        "text_column='title' to analyse headlines"
    }
    messages = [str(w.message) for w in caught]
    assert any("item 2, 'yesterday'" in m and "published date is left empty" in m for m in messages)
    assert not any("summaries, not articles" in m for m in messages)


def test_an_atom_feed_and_a_feed_of_summaries(tmp_path):
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    corpus = ct.load_corpus(tmp_path / "wire.atom")
    row = corpus.docs.iloc[0]
    assert (row.doc_id, row.title, row.url, row.author) == (
        "tag:wire.example.com,2024:1",
        "Port strike ends",
        "https://wire.example.com/2024/port",
        "Bo Writer",
    )
    assert str(row.published) == "2024-03-05 08:00:00"
    assert row.text == LONG
    short = RSS.replace("<content:encoded>", "<x>").replace("</content:encoded>", "</x>")
    short = short.replace(f"&lt;p&gt;{LONG}&lt;/p&gt;", "A bridge reopened.")
    (tmp_path / "short.rss").write_text(short, encoding="utf-8")
    with pytest.warns(
        ct.CorpusToolsWarning,
        match=r"short.rss: the feed's 3 items hold summaries, not articles \(median 2 words\)",
    ):
        corpus = ct.load_corpus(tmp_path / "short.rss")
    assert list(corpus.docs.text) == ["Short summary.", "A bridge reopened."]


def test_xml_files_that_are_not_feeds_or_not_well_formed_say_what_they_are(tmp_path):
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://x.example.org/a</loc></url></urlset>"
    )
    (tmp_path / "broken.rss").write_text(
        "<rss><channel><item><title>A and B</titl></item></channel></rss>"
    )
    (tmp_path / "empty.xml").write_text("<rss><channel><title>Nothing yet</title></channel></rss>")
    (tmp_path / "ok.txt").write_text("A short note about the feeds kept here.\n")
    corpus = ct.load_corpus(tmp_path)
    reasons = dict(zip(corpus.skipped.path, corpus.skipped.reason, strict=True))
    assert reasons["sitemap.xml"].startswith("XML file whose root element is <urlset>: a sitemap")
    # (a bare '&' no longer stops a feed: tests/test_io_qa33.py)
    assert reasons["broken.rss"].startswith("not well-formed XML (line 1, column 42: Opening and ")
    assert reasons["broken.rss"].endswith("save it again from its address, or fix that line")
    assert reasons["empty.xml"] == "RSS feed with no items"


def test_a_feed_never_reads_files_or_the_network_through_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<rss><channel><item><title>T</title><guid>1</guid><description>{LONG} &x;"
        "</description></item></channel></rss>"
    )
    (tmp_path / "feed.xml").write_text(xxe)
    corpus = ct.load_corpus(tmp_path / "feed.xml")
    assert "TOP-SECRET" not in "".join(corpus.docs.text) + "".join(corpus.docs.raw_text)
    assert corpus.docs.text.iloc[0].startswith(LONG[:40])


# --- JSON wrappers deeper than 4 levels ----------------------------------------------------


def _wrapped(depth: int, status: bool = True) -> dict:
    obj: dict = {
        "articles": [{"title": "A", "text": "First text."}, {"title": "B", "text": "Second."}]
    }
    for i in range(depth - 1):
        obj = {f"level{depth - 1 - i}": obj, **({"status": "ok"} if status else {})}
    return obj


@pytest.mark.parametrize("depth", [5, 12, 16])
def test_a_list_of_articles_deep_in_wrappers_is_found(tmp_path, depth):
    import json

    path = tmp_path / "api.json"
    path.write_text(json.dumps(_wrapped(depth)), encoding="utf-8")
    docs = ct.load_corpus(path).docs
    assert list(docs.text) == ["First text.", "Second."]
    assert list(docs.title) == ["A", "B"]


def test_a_list_deeper_than_the_limit_is_named_with_the_limit(tmp_path):
    import json

    path = tmp_path / "api.json"
    path.write_text(json.dumps(_wrapped(17, status=False)), encoding="utf-8")
    with pytest.raises(
        ct.CorpusLoadError, match=r"holds no list of objects \(16 levels deep at most\)"
    ):
        ct.load_corpus(path)


# --- outlets from URLs: one site, many sections ---------------------------------------------


def test_sections_of_one_site_are_one_outlet_and_blog_hosts_stay_apart(tmp_path):
    rows = [
        ("https://nasional.kompas.com/read/2019/11/27/1", "Presiden lantik pejabat baru hari ini"),
        ("https://money.kompas.com/read/2019/11/27/2", "Harga beras naik di pasar induk"),
        ("https://news.bbc.co.uk/2/hi/uk_news/3.stm", "Floods hit the north of England"),
        ("https://jane.substack.com/p/why", "Why I write about the city council"),
        ("https://abcnews.go.com/US/story?id=5", "Storm hits the coast overnight"),
        ("https://x.blogspot.com/2020/01/post.html", "A post about the local election"),
        ("https://www.nytimes.com/2020/01/01/us/a.html", "A story about the new year"),
    ]
    path = tmp_path / "links.csv"
    path.write_text("link,judul\n" + "".join(f"{u},{t}\n" for u, t in rows), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = ct.load_corpus(path).docs
    assert docs["outlet"].tolist() == [
        "kompas.com",
        "kompas.com",
        "bbc.co.uk",
        "jane.substack.com",
        "abcnews.go.com",
        "x.blogspot.com",
        "nytimes.com",
    ]
    assert docs["url"].tolist() == [u for u, _ in rows]  # the whole address is kept
    note = next(str(w.message) for w in caught if "no outlet column" in str(w.message))
    assert "6 outlet(s) over 7 row(s): kompas.com (2)" in note
    assert (
        "3 host(s) named a section of a site, which is the outlet (nasional.kompas.com -> "
        "kompas.com, news.bbc.co.uk -> bbc.co.uk; docs['url'] keeps the whole address)"
    ) in note


# --- a short Polish ISO-8859-2 file read as cp1252 is named ----------------------------------


def test_a_one_line_polish_latin2_file_read_as_cp1252_is_named(tmp_path):
    path = tmp_path / "pl.txt"
    path.write_bytes("Wiadomości z Łodzi: Łódź ma nowy plan.".encode("iso8859_2"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = ct.load_corpus(path).docs
    assert docs.encoding.iloc[0] == "cp1252"
    assert docs.encoding_note.iloc[0] == "check: 3 words such as 'Wiadomo¶ci'"
    assert any("pl.txt" in str(w.message) and "encoding=" in str(w.message) for w in caught)


def test_western_text_with_one_odd_word_is_not_named(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Le café a coûté 3 £ et l'été fut long.".encode("cp1252"))
    docs = ct.load_corpus(path).docs
    assert docs.encoding.iloc[0] == "cp1252"
    assert "encoding_note" not in docs.columns


# --- Factiva text exports --------------------------------------------------------------------

FACTIVA = (
    "Flood defences to get more money\n\n"
    "412 words\n29 May 2008\n00:59\nAgence France Presse\nAFPR\nEnglish\n"
    "Copyright 2008 Agence France Presse. All rights reserved.\n\n"
    "The government promised more money for flood defences on Thursday.\n\n"
    "Ministers said the work would start next year.\n\n"
    "Document AFPR000020080529e45t0006k\n\n\n"
    "Port strike ends after talks\n\n"
    "230 words\n30 May 2008\nThe Guardian\nGRDN\nEnglish\n"
    "(c) 2008 Guardian Newspapers Limited\n\n"
    "Dock workers went back to work on Friday.\n\n"
    "Document GRDN000020080530e45u0001a\n"
)


def test_a_factiva_text_export_splits_at_its_document_lines(tmp_path):
    assert records_in_text(FACTIVA) == (
        "2 Factiva articles ('Document AFPR000020080529e45t0006k' lines)"
    )
    corpus, _ = _load(tmp_path, "factiva.txt", FACTIVA, split="records")
    docs = corpus.docs
    assert list(docs.title) == ["Flood defences to get more money", "Port strike ends after talks"]
    assert list(docs.outlet) == ["Agence France Presse", "The Guardian"]
    assert [str(d.date()) for d in docs.published] == ["2008-05-29", "2008-05-30"]
    assert list(docs.text) == [
        "The government promised more money for flood defences on Thursday.\n\n"
        "Ministers said the work would start next year.",
        "Dock workers went back to work on Friday.",
    ]
    assert docs.record_footer.iloc[0].strip() == "Document AFPR000020080529e45t0006k"
    rebuilt = "".join(
        h + b + f
        for h, b, f in zip(docs.record_header, docs.raw_text, docs.record_footer, strict=True)
    )
    assert rebuilt == FACTIVA


# --- JSON Lines with nested records: options name a path into the objects --------------------


def test_column_options_take_a_path_into_nested_objects(tmp_path):
    import json

    rows = [
        {
            "id": f"n{i}",
            "article": {"headline": f"Head {i}", "body": f"Body number {i} about the council."},
            "meta": {"source": {"name": "Daily X"}, "published": f"2024-01-0{i + 1}"},
        }
        for i in range(2)
    ]
    rows.append({"id": "n2", "article": "not an object", "meta": {}})
    path = tmp_path / "nested.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    corpus = ct.load_corpus(
        path,
        text_column="article.body",
        title_column="article.headline",
        outlet_column="meta.source.name",
        date_column="meta.published",
    )
    docs = corpus.docs
    assert list(docs.doc_id) == ["n0", "n1"]
    assert list(docs.text) == [
        "Body number 0 about the council.",
        "Body number 1 about the council.",
    ]
    assert list(docs.title) == ["Head 0", "Head 1"]
    assert list(docs.outlet) == ["Daily X", "Daily X"]
    assert [str(d.date()) for d in docs.published] == ["2024-01-01", "2024-01-02"]
    assert corpus.skipped.reason.tolist() == ["JSONL line 3: missing text"]
    # without the option, the skip names the path to pass
    plain = ct.load_corpus(path, title_column="article.headline")
    assert plain.skipped.reason.iloc[0] == (
        "JSONL line 1: column 'article' holds an object with keys headline, body, not text; "
        "pass text_column='article.body' (a path into the object)"
    )


def test_a_damaged_gzip_warc_keeps_what_was_read_and_a_lying_length_is_named(tmp_path):
    import gzip

    data = b"".join(gzip.compress(r) for r in [_warc()])  # one member: damage it in the middle
    good = gzip.compress(_warc())
    (tmp_path / "cut.warc.gz").write_bytes(good + data[: len(data) // 2])
    (tmp_path / "lie.warc").write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nshort"
    )
    corpus = ct.load_corpus(tmp_path)
    assert list(corpus.docs.doc_id) == ["cut#3"]  # the page of the whole first copy
    reasons = dict(zip(corpus.skipped.path, corpus.skipped.reason, strict=True))
    cut = [r for p, r in reasons.items() if p.startswith("cut.warc.gz#record=") and "read on" in r]
    assert len(cut) == 1 and cut[0].startswith("the file cannot be read on (")
    assert reasons["lie.warc"] == (
        "not a readable WARC web archive: record 1 says it holds 99,999,999,999 bytes "
        "(Content-Length), but the file ends 99,999,999,994 bytes before that"
    )


def test_an_xml_file_too_large_for_a_feed_is_skipped_with_the_limit(tmp_path, monkeypatch):
    from corpus_tools.io import limits

    monkeypatch.setattr(limits, "MAX_JSON_BYTES", 1024 * 1024)
    item = f"<item><title>T</title><description>{LONG}</description></item>"
    (tmp_path / "big.xml").write_text("<rss><channel>" + item * 2000 + "</channel></rss>")
    (tmp_path / "a.txt").write_text("A short note to keep the load going.\n")
    corpus = ct.load_corpus(tmp_path)
    reason = corpus.skipped.set_index("path").reason["big.xml"]
    assert reason.startswith("XML file of 1.") and "over the 1 MB read as a feed" in reason


def test_a_word_file_says_to_save_it_as_text(tmp_path):
    (tmp_path / "nexis.DOCX").write_bytes(b"PK\x03\x04 not really a docx")
    (tmp_path / "a.txt").write_text("A short note to keep the load going.\n")
    reason = ct.load_corpus(tmp_path).skipped.set_index("path").reason["nexis.DOCX"]
    assert reason == (
        "unsupported extension .docx; save it as plain text (.txt, UTF-8) from a word "
        "processor; a LexisNexis or Factiva export saved so loads one document per article with "
        "split='records'"
    )
