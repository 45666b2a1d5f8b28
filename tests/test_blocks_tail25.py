"""A list after the article with a heading and one sentence under it (session 25, issue 15)."""

from __future__ import annotations

import corpus_tools.blocks as B
from corpus_tools.clean import clean_text

BODY = [
    "The fortune of the world's richest man grew by another ten billion dollars this week, as "
    "the shares of his company rose for the fifth day in a row after strong quarterly results.",
    "Analysts said the rise of technology shares had lifted the fortunes of most of the people "
    "at the top of the ranking, while those who own banks and oil companies lost ground.",
]
HEADING = "See the list of the ten richest"
NOTE = "Figures at the close of trading on Friday."
ITEMS = [
    "Jeff Bezos: $185 billion - Amazon (Technology)",
    "Bill Gates: $129 billion - Microsoft (Technology)",
    "Elon Musk: $110 billion - Tesla (Automotive)",
    "Mark Zuckerberg: $104 billion - Facebook (Technology)",
    "Warren Buffett: $88 billion - Berkshire Hathaway (Various)",
]


def test_heading_sentence_and_list_after_the_body_stay():
    doc = ["Richest man grows richer", *BODY, HEADING, NOTE, *ITEMS]
    text, log = clean_text("\n\n".join(doc))
    assert [r["line_no"] for r in log] == []
    assert all(item in text for item in ITEMS)


def test_tail_reasons():
    doc = ["Richest man grows richer", *BODY, HEADING, NOTE, *ITEMS, "Contact Us"]
    lines = [(i, v, None) for i, v in enumerate(doc)]
    page = B._page(lines, B._default_settings())
    assert page is not None
    end, why = B._extend_tail(page.lines, page.feats, 2, page.after_removed, page.s)
    assert end == len(doc) - 2  # up to the last item, not "Contact Us"
    assert why[3] == why[4] == "heading of a list after the body"
    assert why[5] == "list after the body"


def test_no_list_under_the_sentence_no_tail():
    # a heading and a sentence with no list under them is not carried along
    doc = ["Richest man grows richer", *BODY, "More from our site", NOTE, "Contact Us", "Privacy"]
    lines = [(i, v, None) for i, v in enumerate(doc)]
    page = B._page(lines, B._default_settings())
    assert page is not None
    assert B._extend_tail(page.lines, page.feats, 2, page.after_removed, page.s)[0] == 2
