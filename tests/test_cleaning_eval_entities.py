"""HTML character references in text that is not HTML (news API fields, table cells)."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools.clean import clean_text, reconstruct_text

# real NewsAPI-style fields (Babel Briefings / NewsAPI descriptions are HTML-escaped)
RAW = (
    "Trump&#39;s &quot;deal&quot; with Xi: what&rsquo;s in it\n"
    "\n"
    "The Q&amp;A ran for an hour &mdash; longer than planned, AT&T said on Friday.\n"
    "R&D spending rose, and Q & A sessions and M&S stores stayed open.\n"
)


def test_entities_unescaped_and_logged() -> None:
    clean, log = clean_text(RAW)
    assert clean == (
        'Trump\'s "deal" with Xi: what\u2019s in it\n'
        "\n"
        "The Q&A ran for an hour \u2014 longer than planned, AT&T said on Friday.\n"
        "R&D spending rose, and Q & A sessions and M&S stores stayed open.\n"
    )
    ent = [r for r in log if r["rule"] == "html_entity"]
    # one row per run of references (S20-H8-4), at the reference's own raw offsets
    assert [(r["text"], r["replacement"], r["line_no"]) for r in ent] == [
        ("&#39;", "'", 1),
        ("&quot;", '"', 1),
        ("&quot;", '"', 1),
        ("&rsquo;", "\u2019", 1),
        ("&amp;", "&", 3),
        ("&mdash;", "\u2014", 3),
    ]
    assert {r["category"] for r in ent} == {"unicode"}
    assert all(RAW[r["start"] : r["end"]] == r["text"] for r in ent)
    assert reconstruct_text(clean, log) == RAW


def test_literal_ampersands_and_unknown_names_stay() -> None:
    raw = "AT&T, R&D; Q & A; &bogus; &#10; &NewLine; stay as they are in this sentence.\n"
    clean, log = clean_text(raw)
    assert clean == raw
    assert not [r for r in log if r["rule"] == "html_entity"]


def test_double_escaped_reference_is_one_edit() -> None:
    clean, log = clean_text("Biden&amp;#39;s plan passed the Senate on a vote of fifty to fifty.")
    assert clean == "Biden's plan passed the Senate on a vote of fifty to fifty."
    assert [r["text"] for r in log] == ["&amp;#39;"]


def test_extracted_html_is_not_unescaped_again() -> None:
    # an extractor has unescaped the page already: "&amp;" left in its output is the page's text
    clean, log = clean_text("The page printed the code &amp; literally.", extracted=True)
    assert clean == "The page printed the code &amp; literally."
    assert log == []


def test_table_corpus_log_and_reconstruct() -> None:
    df = pd.DataFrame({"text": [RAW, "No reference here at all, just prose."], "title": ["a", "b"]})
    corpus = ct.load_corpus(df)
    doc = corpus.doc_ids[0]
    assert corpus.docs.set_index("doc_id").loc[doc, "text"].startswith('Trump\'s "deal"')
    rows = corpus.cleaning_log[corpus.cleaning_log["doc_id"] == doc]
    assert set(rows["rule"]) == {"html_entity"}
    assert ct.reconstruct(corpus, doc) == corpus.raw(doc)
    assert ct.reconstruct(corpus, corpus.doc_ids[1]) == corpus.raw(corpus.doc_ids[1])
