"""text_reuse reads the corpus's token table when it is already built (session 37)."""

from __future__ import annotations

import pandas as pd
from pandas.testing import assert_frame_equal

import corpus_tools as ct
from corpus_tools.tokenize import cached_tokens

SHARED = (
    "The minister said on Tuesday that the new budget would cut spending on roads by a "
    "third, and that the schools would get the money instead.The opposition said "
    "nothing. U.S. officials (1,400 of them) left; Iran’s envoy stayed."
)


def _corpus() -> ct.Corpus:
    texts = [
        "Morning report. " + SHARED + " More later.",
        "Evening edition:\n\n" + SHARED + "\n\nWeather: rain.",
        "Nothing in common here, only a few words about football and a match.",
        "",
    ]
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["b", "a", "c", "d"],
                "outlet": ["X", "Y", "Y", "X"],
                "text": texts,
            }
        )
    )


def test_same_table_with_and_without_the_token_table() -> None:
    plain = _corpus()
    r1 = ct.text_reuse(plain, min_words=8, series="outlet")
    assert not plain.is_cached("corpus.tokens")  # text_reuse does not build it
    tok = _corpus()
    cached_tokens(tok)
    r2 = ct.text_reuse(tok, min_words=8, series="outlet")
    assert len(r1) == 1
    assert_frame_equal(r1, r2)
    assert_frame_equal(ct.reuse_summary(r1, plain), ct.reuse_summary(r2, tok))
