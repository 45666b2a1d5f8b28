"""Session 25 QA of the actor matcher: false mentions found on real corpora.

Every case is checked on the three matcher paths (the split, the candidate
pass of a batch, the token-by-token reference scan), with a cold and a warm
cache, and on the public and streaming entry points.
"""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import actors

GAZ = actors.load_gazetteer()


def _paths(text: str) -> list[tuple[str, str, str]]:
    """``(span, actor, type)`` of a text, after checking every path gives the same matches."""
    view = actors.fold(text)
    want = actors._match_scan(view, GAZ, False)
    assert actors._match_split(view, GAZ, False) == want
    assert actors._match_batch([text], GAZ) == [want]
    assert actors._match_batch(["The US said.", text, "Moscow said"], GAZ)[1] == want
    return [(text[s:e], GAZ.entries[i]["name"], t) for s, e, i, t, _, _ in want]


@pytest.mark.parametrize(
    "text",
    [
        "O lucro foi de US$ 130 milhões no trimestre.",
        "It raised US$130m, U.S.$5bn and USA$3.",
        "The deal is worth US $5bn.",
    ],
)
def test_an_alias_before_a_currency_sign_is_no_actor(text):
    assert _paths(text) == []


def test_the_currency_rule_reads_only_the_sign_right_after():
    """The country itself still counts: a space and no amount, a sign later in the sentence."""
    got = _paths("The US $ sign; US officials paid $5; the US, $3; U.S. said")
    assert got == [
        ("US", "United States", "country"),
        ("US", "United States", "country"),
        ("US", "United States", "country"),
        ("U.S.", "United States", "country"),
    ]


def test_currency_and_actor_windows_do_not_share_a_cached_result():
    """'US' before '$' and before ' said' are cached apart, in either order."""
    for order in ([0, 1], [1, 0]):
        GAZ.matcher.memo.clear()
        texts = ["US$ 130 milhões", "US said it"]
        got = [actors._match_text(texts[k], GAZ) for k in order]
        want = [[], [(0, 2, GAZ.entries.index(GAZ.lookup("USA")), "country", "name", False)]]
        assert got == [want[k] for k in order]


def test_currency_is_no_mention_in_the_table_and_the_stream():
    docs = ["A empresa captou US$ 130 milhões; o US disse que sim.", "US$5bn for the US."]
    corpus = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": docs}))
    m = ct.actor_mentions(corpus)
    assert list(zip(m["start"], m["alias"], strict=True)) == [(36, "US"), (15, "US")]
    batch = actors.mention_entries_batch(docs, GAZ, demonyms=True, locations=False)
    assert [[s for s, _, _ in row] for row in batch] == [[36], [15]]
