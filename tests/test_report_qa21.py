"""Session 21 QA of the report on real corpora: the corpus language is stated.

A report on 1,028 German news articles (10kGNAD) read like one on English news: the quote,
hedge, frame and actor sections found little, with nothing saying why, and keyness did not
say which stopword list it had left out.
"""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools import report

GERMAN = (
    "Die Regierung hat am Montag gesagt, dass sie die Steuern nicht erhöhen wird, "
    "und der Minister ist auch nicht mehr da."
)
FRENCH = "Le gouvernement a dit lundi qu'il ne va pas augmenter les impôts pour les familles."
ENGLISH = "The government said on Monday that it would not raise taxes, and the minister left."


def _corpus(texts: list[str]) -> ct.Corpus:
    return ct.load_corpus(pd.DataFrame({"text": texts}))


def test_language_note_names_a_german_corpus_and_what_the_english_lists_miss() -> None:
    note = report.language_note(_corpus([GERMAN] * 4))
    assert note.startswith("German (de): the quote cues, reporting verbs, hedges")
    assert note.endswith("keyness and similarity leave out the German stopword list")


def test_language_note_is_empty_for_english_and_says_mixed_for_no_majority() -> None:
    assert report.language_note(_corpus([ENGLISH] * 3)) == ""
    assert report.language_note(ct.load_corpus("seeds")) == ""
    mixed = report.language_note(_corpus([GERMAN, FRENCH, ENGLISH, GERMAN, FRENCH, ENGLISH]))
    assert mixed.startswith("mixed or not recognised")
    assert "little outside English documents" in mixed


def test_header_shows_the_language_row_escaped_and_only_when_there_is_a_note() -> None:
    info = {
        "corpus": "de (file)",
        "documents": "1028",
        "outlets": "1",
        "first": "unknown",
        "skipped": "0",
        "language_note": "German (de): <b>lists</b>",
    }
    page = report._header_html(info, hidden=None, seeds=False)
    assert "<th" in page and ">language</th><td" in page.replace(' style="padding:.1rem 0"', "")
    assert "German (de): &lt;b&gt;lists&lt;/b&gt;" in page
    assert ">language<" not in report._header_html(
        info | {"language_note": ""}, hidden=None, seeds=False
    )


def test_describe_keyness_names_a_stopword_list_that_is_not_english() -> None:
    key = pd.DataFrame(
        {"group": ["A"], "term": ["regierung"], "count": [8], "count_rest": [1], "z": [2.4]}
    )
    key.attrs["stopword_language"] = "de"
    assert ct.describe_keyness(key).startswith(
        "Stopwords left out: the German list. The strongest term is 'regierung' for A"
    )
    for lang in ("en", None):
        key.attrs["stopword_language"] = lang
        assert ct.describe_keyness(key).startswith("The strongest term is 'regierung'")


def test_summary_context_carries_the_language_note_into_the_header(tmp_path) -> None:
    corpus = _corpus([GERMAN] * 3)
    context = report._summary_context(tmp_path, corpus)
    assert context["header"]["language_note"].startswith("German (de)")
