"""Session 34 (H4): loading HTML pages (speed with the same output), site names, dumps."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

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
