"""Session 21 QA: narration on real corpora says what the tables beside it show."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def test_describe_cleaning_counts_in_place_edits_when_nothing_was_removed() -> None:
    # 2,095 BBC headlines: the rule table showed 5 html_entity edits in 4 documents while
    # the sentence under it said only "Cleaning removed nothing from any document."
    by_doc = pd.DataFrame(
        {"doc_id": list("abcde"), "n_edits": [2, 1, 1, 1, 0], "chrome_share": [0.0] * 5}
    )
    assert ct.describe_cleaning(by_doc) == (
        "Cleaning removed nothing from any document. 5 edits in 4 documents changed "
        "characters in place (entities, Unicode repairs): the rule table names them."
    )
    by_doc["n_edits"] = 0
    assert ct.describe_cleaning(by_doc) == "Cleaning removed nothing from any document."
    assert ct.describe_cleaning(by_doc.drop(columns="n_edits")) == (
        "Cleaning removed nothing from any document."
    )


def test_describe_cleaning_on_a_corpus_with_one_entity_repair() -> None:
    corpus = ct.load_corpus(
        pd.DataFrame({"text": ["Shell is to pay &#163;522,000 to its former chief.", "No edit."]})
    )
    text = ct.describe_cleaning(ct.cleaning_summary(corpus, by="doc_id"))
    assert text == (
        "Cleaning removed nothing from any document. 1 edit in 1 document changed "
        "characters in place (entities, Unicode repairs): the rule table names them."
    )
