"""Stance triples on headlines (QA session 26, S26-H4-6): each pair once, no passive or
negated holder, no reporting verb read as a holder's name."""

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.triples import headline_passive, no_holder


def _pairs(*texts: str) -> list[list[str]]:
    c = ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)
        t = ct.stance_triples(c)
    return t[["doc_id", "holder", "target", "polarity"]].values.tolist()


def test_title_case_accusation_is_one_pair():
    # was two rows: the quote claim and the speech act of the same clause (start 15 and 16)
    got = _pairs(
        "Germany Accuses Russia Of Cyber-Attack On Air Traffic Control And Election Interference",
        "Germany accuses Russia of cyber-attack on air safety, disinformation",
    )
    assert got == [["d0", "Germany", "Russia", "against"], ["d1", "Germany", "Russia", "against"]]


def test_short_quote_leaves_the_clause_its_claim():
    got = _pairs("Taiwan condemns 'violence' following shooting of Japan's Shinzo Abe")
    # Shinzo Abe is in the gazetteer since session 27 (heads of government since 2000)
    assert got == [["d0", "Taiwan", "Japan", "against"], ["d0", "Taiwan", "Shinzo Abe", "against"]]


@pytest.mark.parametrize(
    "text",
    [
        "China blamed for UK government cyber attack",  # was China -> United Kingdom
        "Lazarus Blamed For $37 Million Heist On South Korea's Upbit",  # was Lazarus -> South Korea
        "Potentially 'Catastrophic' Cyber Firm Breach Blamed on China",  # was Cyber Firm Breach -> China
    ],
)
def test_headline_passive_has_no_holder(text):
    assert _pairs(text) == []


def test_active_blame_is_kept():
    assert _pairs("China blames U.S. for cyber breach at Time Research Institute") == [
        ["d0", "China", "United States", "against"]
    ]


def test_negated_holder_names_no_one():
    # was 'No group' -> Romania (NewsDataHub description)
    text = "No group has claimed the attack yet, and thankfully, water is still flowing in Romania."
    assert _pairs(text) == []


def test_title_case_verb_is_no_holder():
    # was 'Denies Danger' -> Russia: "..., Denies X" read as "CLAUSE, Says Official"
    got = _pairs("Russia Makes Space Junk, Denies Danger to its Own Astronauts")
    assert [r for r in got if r[1] == "Denies Danger"] == []


def test_helpers():
    assert no_holder("Nobody in Kyiv") and not no_holder("Norway")
    assert headline_passive("Minister slammed over leak", 16, "slammed", "slam")
    assert not headline_passive("Minister slammed Russia over leak", 16, "slammed", "slam")
