"""Never remove what the document is: one-line documents, repeated-word lines."""

from __future__ import annotations

import pandas as pd
import pytest
from _prose import P1

import corpus_tools as ct
from corpus_tools.clean import clean_text, reconstruct_text


# real one-line headlines of the clickbait dataset (BuzzFeed) that the sign-up rule
# emptied, and one-line chrome that is still a document's whole text
@pytest.mark.parametrize(
    "line",
    [
        "Sign Up For BuzzFeed Quinta's Newsletter",
        "Sign Up For BuzzFeed's Crossword Newsletter Reminders",
        "You Should Definitely Sign Up For Our Daily Dog Newsletter",
        "Share this article",
        "02:27 Troops to see Gaza soon Troops to see Gaza soon",
    ],
)
def test_one_line_document_is_never_emptied(line):
    clean, _rows = clean_text(line)
    assert clean.strip() != ""
    assert clean_text(line + "\n")[0].startswith(line.split(" Troops to")[0])
    c = ct.load_corpus(pd.DataFrame({"text": [line, "Second headline about talks"]}))
    assert not c.docs["empty_after_cleaning"].any()


def test_one_line_headline_is_kept_whole():
    raw = "Sign Up For BuzzFeed Quinta's Newsletter"
    assert clean_text(raw) == (raw, [])
    assert clean_text(raw + "\n") == (raw + "\n", [])


def test_sign_up_line_inside_an_article_still_goes():
    raw = f"{P1}\n\nSign up for our daily newsletter\n\n{P1}"
    clean, rows = clean_text(raw)
    assert clean == f"{P1}\n\n{P1}"
    assert [r["rule"] for r in rows] == ["signup_newsletter"]


def test_all_chrome_page_of_several_lines_is_still_emptied():
    raw = "Share this article\n\nLeave a Reply\n\nbottom of page\n"
    clean, rows = clean_text(raw)
    assert clean.strip() == ""
    assert reconstruct_text(clean, rows) == raw


def test_line_of_one_repeated_word_is_not_a_doubled_line():
    raw = " ".join(["word"] * 200_001)  # an odd count: the two halves are equal
    assert clean_text(raw) == (raw, [])
    raw = f"{P1}\n\n{' '.join(['ha'] * 41)}\n\n{P1}"
    assert clean_text(raw) == (raw, [])


def test_long_doubled_line_is_kept_short_one_loses_its_copy():
    half = " ".join(f"w{i}" for i in range(120))  # 469 characters: not a chrome line
    raw = f"{P1}\n\n{half} {half}\n\n{P1}"
    assert clean_text(raw) == (raw, [])
    half = "Israel says troops will enter Gaza"
    raw = f"{P1}\n\n{half} {half}\n\n{P1}"
    clean, rows = clean_text(raw)
    assert clean == f"{P1}\n\n{half}\n\n{P1}"
    assert [r["rule"] for r in rows] == ["self_doubled_line"]
