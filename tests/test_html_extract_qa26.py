"""Session 26: pages nested deeper than the HTML parser's 255 levels."""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools.io.files import InputSkipped
from corpus_tools.io.html import extract_html

PARAS = "".join(
    f"<p>Paragraph {i} of the report says the council approved the new budget for "
    f"{w} on Monday after a long debate.</p>"
    for i, w in enumerate(["roads", "schools", "parks", "water", "buses", "police", "libraries"])
)


def _page(depth: int, article: str = "") -> str:
    article = article or f"<article><h1>Budget passes</h1>{PARAS}</article>"
    return (
        "<html><head><title>City site</title></head><body>"
        + "<div>" * depth
        + article
        + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [100, 260, 1000])
def test_an_article_nested_deep_in_wrappers_is_read(depth):
    raw, page = extract_html(_page(depth))
    assert raw.startswith("Budget passes\n\nParagraph 0 of the report says the council approved")
    assert raw.count("Paragraph") == 7
    assert page["title"] == "Budget passes"  # the page's headline, read past 255 levels too


def test_a_deep_page_without_an_article_says_how_deep_it_is():
    with pytest.raises(InputSkipped) as exc:
        extract_html(_page(300, "<nav>Home</nav>"))
    assert exc.value.reason == (
        "HTML page nested 303 elements deep, and no article text was found in it (pages are "
        "read 2,000 levels deep at most); save the article's text as .txt"
    )
    with pytest.raises(InputSkipped) as exc:
        extract_html(_page(2500))
    assert exc.value.reason.startswith("HTML page nested over 2,000 elements deep")
    with pytest.raises(InputSkipped) as exc:  # a shallow page keeps the usual reason
        extract_html(_page(3, "<nav>Home</nav>"))
    assert exc.value.reason == "HTML page with no extractable article text"


def test_a_deep_page_in_a_folder_loads(tmp_path):
    (tmp_path / "deep.html").write_text(_page(400), encoding="utf-8")
    corpus = ct.load_corpus(tmp_path)
    assert corpus.docs.title.tolist() == ["Budget passes"]
    assert corpus.skipped.empty
