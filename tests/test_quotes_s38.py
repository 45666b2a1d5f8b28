"""Session 38: a site's name closing a headline (``... - Ars Technica``) is the page title's
suffix, neither a speaker nor part of the claim: known from the outlet column, or, without
one, from a name that closes three or more of the corpus's headlines (how NewsAPI, Google
News and feed readers title a story with its source)."""

import pandas as pd

import corpus_tools as ct
from corpus_tools.quotes.structure import line_suffix, recurring_suffixes

HEADLINES = [
    "Trump says tariffs will stay - CNN",
    "Chip sales surge in third quarter - Ars Technica",
    "Apple unveils new phone - Ars Technica",
    "Fed holds rates - CNN",
    "Oil rises - CNN",
    "Storm hits coast - Ars Technica",
    "Peace is near - Putin",
    "War will end - Putin",
    "Rates will rise - Putin",
]


def _rows(texts, outlets=None):
    docs = pd.DataFrame({"doc_id": [f"h{i}" for i in range(len(texts))], "text": texts})
    if outlets is not None:
        docs["outlet"] = outlets
    q = ct.quotes(ct.Corpus(docs))
    return {(r.doc_id, r.quote, r.speaker) for r in q.itertuples()}


def test_recurring_site_name_is_no_speaker_and_a_repeated_speaker_stays():
    rows = _rows(HEADLINES)
    assert rows == {
        ("h0", "tariffs will stay", "Trump"),  # "- CNN" closes 3 headlines: cut off the claim
        ("h6", "Peace is near", "Putin"),  # Putin closes 3 headlines: a speaker the gazetteer knows
        ("h7", "War will end", "Putin"),
        ("h8", "Rates will rise", "Putin"),
    }


def test_a_site_name_on_two_headlines_only_is_still_read_as_before():
    rows = _rows(HEADLINES[:3])
    assert ("h1", "Chip sales surge in third quarter", "Ars Technica") in rows


def test_the_outlet_column_cuts_its_own_name_off_the_claim():
    rows = _rows(
        ["Trump says tariffs will stay - CNN", "Chip sales surge in third quarter - Ars Technica"],
        ["cnn.com", "arstechnica.com"],
    )
    assert rows == {("h0", "tariffs will stay", "Trump")}


def test_offsets_of_the_cut_claim_point_at_the_claim():
    docs = pd.DataFrame({"doc_id": ["a"], "text": [HEADLINES[0]], "outlet": ["CNN"]})
    q = ct.quotes(ct.Corpus(docs))
    assert (q.loc[0, "start"], q.loc[0, "end"]) == (11, 28)
    assert HEADLINES[0][11:28] == "tariffs will stay"


def test_line_suffix_shapes():
    t = "Markets slide | The Hindu"
    d, a, b = line_suffix(t, 0, len(t))
    assert (t[:d], t[a:b]) == ("Markets slide", "The Hindu")
    assert line_suffix("Rates rise - and fall", 0, 21) is None
    assert line_suffix("No dash at all", 0, 14) is None
    assert recurring_suffixes(["A - minister", "B - minister", "C - minister"]) == set()
    assert recurring_suffixes(["A - BBC News", "B - BBC News", "C - BBC News"]) == {"BBC News"}


def test_a_document_heading_a_plural_subject_speaks():
    # "documents" after a capitalised modifier is the head noun, not a verb ("Court documents
    # say"); a plain noun head that cannot speak still gives no row ("Consumer prices rose")
    texts = [
        "Court documents say the suspect planned the attack for months.",
        "The document says the firm hid losses.",
        "Consumer prices rose, suggesting that inflation is back.",
    ]
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": texts})
    q = ct.quotes(ct.Corpus(docs)).set_index("doc_id")
    assert q.loc["a", "speaker"] == "Court documents"
    assert q.loc["a", "quote"] == "the suspect planned the attack for months"
    assert q.loc["b", "source"] == "document"
    assert q.loc["c", "speaker"] is None
