"""Session 38: kwic tokenizes only the documents that can hold the term (their folded text
holds every word of a query), unless the corpus's token table is built already; the rows
are the same either way (20,000 long articles: 'Merkel' 13.9 -> 0.9 CPU s, peak 3.0 GB ->
0.4 GB)."""

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.tokenize import TOKENS_CACHE_KEY

TEXTS = [
    "Hamas attacked. Israel said Hamas would pay.",
    "The Israel-Hamas war went on; the U.S. said so.",
    "Nothing about it here. The US and us.",
    "Gazans fled. The Foreign Ministry of Qatar spoke.",
    "中国外交部发言人表示。外交部还说。",
]


def _corpus() -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": list("abcde"), "text": TEXTS}))


@pytest.mark.parametrize(
    "term", ["hamas", "U.S.", "US", "Foreign Ministry", "外交部", "gaza", ["us", "Hamas"]]
)
def test_same_rows_with_and_without_the_token_table(term):
    fresh = _corpus()
    with warnings.catch_warnings(record=True) as w1:
        warnings.simplefilter("always")
        a = ct.kwic(fresh, term)
    assert not fresh.is_cached(TOKENS_CACHE_KEY)  # only the candidates were tokenized
    built = _corpus()
    built.tokens()
    with warnings.catch_warnings(record=True) as w2:
        warnings.simplefilter("always")
        b = ct.kwic(built, term)
    pd.testing.assert_frame_equal(a, b)
    assert [str(x.message) for x in w1] == [str(x.message) for x in w2]


def test_rows_of_a_candidate_document_keep_their_sentence_and_token_ids():
    k = ct.kwic(_corpus(), "Foreign Ministry", window=1)
    assert k[["doc_id", "sent_id", "token_id", "start", "end"]].values.tolist() == [
        ["d", 1, 4, 17, 33]
    ]
    assert TEXTS[3][17:33] == "Foreign Ministry"


def test_a_term_inside_longer_tokens_still_warns():
    with pytest.warns(ct.CorpusToolsWarning, match="inside longer"):
        assert ct.kwic(_corpus(), "gaza").empty
