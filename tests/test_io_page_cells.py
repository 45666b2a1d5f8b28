"""A table whose text column holds whole HTML pages (a crawler's ``{"url", "html"}`` dump):
each page is read by the page extractor as an ``.html`` file is, not as a feed snippet."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import corpus_tools as ct
from corpus_tools.io.feeds import markup_text
from corpus_tools.io.readers import is_page_cell

BODY = " ".join(
    f"Paragraph {i} of the report says the ministers met again on Tuesday and agreed to "
    "keep the talks going for another week, officials said."
    for i in range(6)
)


def _page(title: str, site: str = "Example News", date: str = "2024-03-05") -> str:
    paras = "".join(f"<p>{s}.</p>" for s in BODY.split(". ") if s)
    return (
        '<text id="x">\n<!DOCTYPE html>\n<html><head>'
        f"<title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{date}T10:00:00Z">'
        '<script>var re = new RegExp("(\\\\d\\\\d\\\\d)\\\\w+"); if (a) {b()}</script>'
        "</head><body><!-- THIS FILE CONFIGURES ASSETS --><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article></body></html>"
    )


def _write(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    folder = tmp_path / "dump"
    folder.mkdir()
    with open(folder / "crawl.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    return folder


def test_page_cells_go_through_the_extractor(tmp_path: Path) -> None:
    rows = [
        {"id": f"p{i}", "url": f"https://news.example.org/a/{i}", "html": _page(f"Talks go on {i}")}
        for i in range(4)
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(_write(tmp_path, rows), text_column="html")
    messages = [str(w.message) for w in caught]
    docs = corpus.docs.set_index("doc_id")
    assert list(docs.index) == ["p0", "p1", "p2", "p3"]
    assert set(docs["format"]) == {"html"}
    assert set(docs["text_source"]) == {"html_page:html"}
    assert docs.loc["p2", "title"] == "Talks go on 2"
    assert docs.loc["p2", "outlet"] == "example.org"  # the URL's host, as for an .html file
    assert str(docs.loc["p2", "published"].date()) == "2024-03-05"
    text = docs.loc["p1", "text"]
    assert "ministers met again" in text
    for markup in ("RegExp", "CONFIGURES", "<", "Home"):
        assert markup not in text
    assert any(
        "4 line(s)' text (column 'html', first: line 1) held a whole HTML page" in m
        for m in messages
    )
    # the pages' scripts are not a table that writes line breaks as backslashes
    assert not any("backslashes" in m for m in messages)
    assert corpus.skipped.empty


def test_table_columns_win_and_a_page_without_text_is_a_recorded_skip(tmp_path: Path) -> None:
    empty = "<!DOCTYPE html><html><head><title>Menu</title></head><body><script>go()</script></body></html>"
    rows = [
        {"id": "a", "title": "Title from the table", "html": _page("Page title")},
        {"id": "b", "title": "Empty page", "html": empty},
        {"id": "c", "title": "A snippet", "html": "<p>Talks <b>ended</b> on Friday.</p>"},
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ct.load_corpus(_write(tmp_path, rows), text_column="html")
    docs = corpus.docs.set_index("doc_id")
    assert docs.loc["a", "title"] == "Title from the table"
    assert docs.loc["a", "title_source"] == "table"
    assert str(docs.loc["a", "published"].date()) == "2024-03-05"  # the table gives no date
    assert docs.loc["a", "published_source"] == "page:meta"
    assert docs.loc["a", "date_precision"] == "day"
    assert docs.loc["c", "text"] == "Talks ended on Friday."
    assert docs.loc["c", "text_source"] == "html:html"
    assert list(corpus.skipped["path"]) == ["crawl.jsonl#line=2"]
    assert (
        "JSONL line 2: HTML page with no extractable article text"
        in corpus.skipped["reason"].iloc[0]
    )


def test_what_counts_as_a_page_cell() -> None:
    assert is_page_cell("<html lang='en'><body><p>x</p></body></html>")
    assert is_page_cell('<?xml version="1.0"?>\n<!-- saved -->\n<!DOCTYPE html><html><head>')
    assert not is_page_cell("Readers asked what <html> and <body> mean in a page's source.")
    assert not is_page_cell("<div><p>A feed's snippet.</p></div>")
    assert markup_text("<p>One.</p><!-- unclosed comment <p>gone</p>") == "One."
