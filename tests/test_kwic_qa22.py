"""kwic letter case (QA S22-H8-7): an acronym query matches as written by default."""

from __future__ import annotations

import pytest
from conftest import make_corpus

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning, CorpusValueError
from corpus_tools.kwic import is_acronym

TEXT = "They do us harm, the US said. The U.S. Embassy and Us Weekly. LET US PRAY."


def _matches(out):
    return list(zip(out["start"], out["match"], strict=True))


def test_acronym_query_is_case_sensitive_by_default():
    c = make_corpus({"a": TEXT})
    # the pronoun 'us' (8) and the magazine 'Us' (51) are left out; the capitals line keeps 'US'
    assert _matches(ct.kwic(c, "US")) == [(21, "US"), (66, "US")]
    assert _matches(ct.kwic(c, "U.S.")) == [(34, "U.S.")]


def test_case_parameter():
    c = make_corpus({"a": TEXT})
    every = [(8, "us"), (21, "US"), (51, "Us"), (66, "US")]
    assert _matches(ct.kwic(c, "US", case=False)) == every
    assert _matches(ct.kwic(c, "us")) == every  # not an acronym: any case, as before
    assert _matches(ct.kwic(c, "us", case=True)) == [(8, "us")]
    assert _matches(ct.kwic(c, "the embassy", case=True)) == []
    assert _matches(ct.kwic(c, "U.S. Embassy", case=True)) == [(34, "U.S. Embassy")]
    with pytest.raises(CorpusValueError, match="case must be"):
        ct.kwic(c, "US", case="yes")


def test_other_case_only_warns_with_the_count():
    c = make_corpus({"a": "we and us, us again", "b": "Hamas said."})
    with pytest.warns(CorpusToolsWarning, match=r"'US' matches only as written.*2 time\(s\)"):
        assert ct.kwic(c, "US").empty
    with pytest.warns(CorpusToolsWarning, match="'HAMAS' matches only as written"):
        assert ct.kwic(c, "HAMAS").empty
    assert _matches(ct.kwic(c, "HAMAS", case=False)) == [(0, "Hamas")]


def test_mixed_queries_keep_their_own_rule():
    c = make_corpus({"a": "The WHO said who is who. The US and us."})
    out = ct.kwic(c, ["WHO", "us"])
    assert list(zip(out["match"], out["term"], strict=True)) == [
        ("WHO", "WHO"),
        ("US", "us"),
        ("us", "us"),
    ]


def test_is_acronym():
    assert [is_acronym(t) for t in ["EU", "IT", "UN", "NATO", "U.S.", "Us", "X", "US envoy"]] == [
        True,
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]
