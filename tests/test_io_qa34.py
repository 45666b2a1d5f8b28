"""Session 34 (H4): loading HTML pages (speed with the same output), site names, dumps."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from corpus_tools import CorpusToolsWarning, load_corpus
from corpus_tools.io import html
from corpus_tools.io.discover import Entry
from corpus_tools.io.load import HTML_PAGE_DOCS, expected_work

REAL = Path(__file__).parent / "data" / "real"
#: saved news pages (sources and licences: tests/data/real/README.md)
PAGES = sorted((REAL / "html").glob("*.html.gz")) + sorted((REAL / "html_heldout").glob("*.gz"))


def _tree(path: Path):
    return load_html(html.close_title(gzip.open(path).read().decode("utf-8", "replace")))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_fields_are_trafilaturas_own(path):
    # html._metadata runs trafilatura's metadata steps without categories, tags and licence:
    # the fields a row keeps are the same as extract_metadata's
    ours, _ = html._metadata(_tree(path))
    theirs = extract_metadata(
        _tree(path), date_config={"original_date": True, "extensive_search": False}
    )
    for field in ("title", "author", "url", "date", "sitename"):
        assert getattr(ours, field) == getattr(theirs, field), field


def test_a_page_is_worth_a_pool_sooner_than_a_text_file():
    entries = [
        Entry("a.html", None, ".html", False),
        Entry("b.htm", None, ".htm", False),
        Entry("c.txt", None, ".txt", False),
        Entry("d.txt", None, ".txt", False, skip="empty file"),
    ]
    assert expected_work(entries) == 2 * HTML_PAGE_DOCS + 1


# Heads of real pages (title, JSON-LD publisher / og:site_name, og:url as the pages give
# them) from the Web Content Extraction Benchmark, github.com/Murrough-Foley/
# web-content-extraction-benchmark dev/html (CC BY 4.0): 0069, 0421, 0654, 2878; the body
# is a stand-in. A CMS that fills the publisher with the post's title made the title the
# outlet ("39 Best Electrician Tools ..." as an outlet in session 33's report).
def _page(title: str, site: str, url: str | None, how: str = "ld") -> str:
    if how == "ld":
        tag = (
            '<script type="application/ld+json">{"@context":"https://schema.org",'
            f'"@type":"Article","headline":"{title}",'
            f'"publisher":{{"@type":"Organization","name":"{site}"}}}}</script>'
        )
    else:
        tag = f'<meta property="og:site_name" content="{site}">'
    link = f'<meta property="og:url" content="{url}">' if url else ""
    body = "<p>" + "Words of the article body go here. " * 20 + "</p>"
    return f"<html><head><title>{title}</title>{tag}{link}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("title", "site", "url", "how", "outlet", "source"),
    [
        (  # the publisher is the post's title: the host
            "39 Best Electrician Tools For Your Tool Belt &amp; Your Business (2025)",
            "39 Best Electrician Tools For Your Tool Belt & Your Business (2025)",
            "https://www.servicetitan.com/blog/best-electrician-tools",
            "ld",
            "servicetitan.com",
            "url",
        ),
        (  # the title, then the site's name: that name
            "Do you need 14 USB ports on your Raspberry Pi 5?",
            "Do you need 14 USB ports on your Raspberry Pi 5? - CNX Software",
            None,
            "ld",
            "CNX Software",
            "page:json-ld",
        ),
        (  # the title's last part spells the host
            "Video Games : Target",
            "Video Games : Target",
            "https://www.target.com/c/video-games/-/N-5xtg5",
            "ld",
            "Target",
            "page:json-ld",
        ),
        (
            "Create and manage resources overview | Terraform | HashiCorp Developer",
            "Create and manage resources overview | Terraform | HashiCorp Developer",
            "https://developer.hashicorp.com/terraform/language/resources",
            "og",
            "HashiCorp Developer",
            "page:og:site_name",
        ),
        (  # a home page titled with its site's name: the name stays
            "Ars Technica",
            "Ars Technica",
            "https://arstechnica.com/",
            "ld",
            "Ars Technica",
            "page:json-ld",
        ),
        (  # a site name that is a part of the title: stays
            "For Hire Livery Insurance - American Business Insurance Services, Inc.",
            "American Business Insurance Services, Inc.",
            "https://abiweb.com/for-hire-livery-insurance/",
            "og",
            "American Business Insurance Services, Inc.",
            "page:og:site_name",
        ),
    ],
)
def test_a_site_name_that_is_the_title_is_not_the_outlet(title, site, url, how, outlet, source):
    page = html.page_metadata(load_html(_page(title, site, url, how)))
    assert (page.get("outlet"), page.get("outlet_source")) == (outlet, source)


REUTERS = Path(__file__).parent / "data" / "io" / "reuters21578" / "briefs.sgm"


def test_a_sgm_dump_loads_as_text_with_its_records_named():
    with pytest.warns(CorpusToolsWarning, match=r"3 <doc> records.*split='records'"):
        corpus = load_corpus(REUTERS)
    assert len(corpus.docs) == 1


def test_reuters_briefs_keep_their_title_out_of_the_text():
    # a brief's <TITLE> is inside its <TEXT>: it is the title, not text; the &#2; (start of
    # text) before an unprocessed record's text is left out too
    docs = load_corpus(REUTERS, split="records").docs
    assert docs["title"].tolist()[:2] == [
        "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK",
        "U.S. TAX WRITERS SEEK ESTATE TAX CURBS, RAISING 6.7 BILLION DLRS THRU 1991",
    ]
    assert docs["text"].tolist()[:2] == ["Blah blah blah.\n", "Blah blah blah.\n"]
    assert docs["text"].iloc[2].startswith("U.S. SHAREHOLDER MEETINGS - MARCH 3")
    assert not docs["text"].str.contains("<TITLE>|&#").any()
    assert docs["published"].notna().all()
