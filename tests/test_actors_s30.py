"""Session 30: government bodies and persons the gazetteer lacked, firms and regions named
after a country, and naming labels that are verbs or adverbs (real shapes from Indian
headlines of 2025 and Reuters articles of 2017)."""

from __future__ import annotations

import pandas as pd
import pytest
from _actor_pairs import actor_pairs as _pairs

import corpus_tools as ct


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RBI asks banks to clear cheques within hours", [("RBI", "Reserve Bank of India")]),
        (
            "The Reserve Bank of India cut rates.",
            [("Reserve Bank of India", "Reserve Bank of India")],
        ),
        (
            "Sebi warns investors against fraud",
            [("Sebi", "Securities and Exchange Board of India")],
        ),
        (
            "UKB Electronics files DRHP with SEBI",
            [("SEBI", "Securities and Exchange Board of India")],
        ),
        (
            "ISRO seeks proposals to study lander data",
            [("ISRO", "Indian Space Research Organisation")],
        ),
        ("NASA unveils secrets inside Mars", [("NASA", "NASA")]),
        ("Oil slips ahead of Opec+ meet", [("Opec", "OPEC")]),
        (
            "The Chinese CDC said on Monday.",
            [("Chinese CDC", "Chinese Center for Disease Control and Prevention")],
        ),
        ("Piyush Goyal defends GST reforms", [("Piyush Goyal", "Piyush Goyal")]),
        ("RFK Jr. explodes at senators", [("RFK Jr", "Robert F. Kennedy Jr.")]),
        # Shah Rukh Khan is an actor, not the Home Minister (bare Shah needs the full name)
        ("Shah Rukh Khan and Amit Shah", [("Amit Shah", "Amit Shah")]),
    ],
)
def test_bodies_and_persons(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs([text])[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "British Gas raised prices on Monday.",
        "SBI, Bank of Baroda and Indian Overseas Bank reduce MCLR",
        "Theatres across South India turned into a carnival",
        "the entry of China Telecom",
        "the Spanish flu killed millions",
    ],
)
def test_firms_and_regions_named_after_a_country(text: str) -> None:
    assert _pairs([text])[0] == []


def test_a_not_actor_starts_no_new_word() -> None:
    # a not_actors phrase whose first word starts no form ("Times of India") would make that
    # word a form's start and undo the rule that keeps "the Washington Times" a newspaper
    g = ct.load_gazetteer()
    firsts = {
        f.split()[0].casefold()
        for e in g.entries
        for k in ("aliases", "metonyms", "demonyms")
        for f in e[k]
    }
    new = ["British Gas", "Indian Overseas Bank", "Indian Express", "South India", "Spanish flu"]
    assert all(t.split()[0].casefold() in firsts for t in new)
    assert _pairs(["Mulvaney told the Washington Times on Thursday."])[0] == []
    assert _pairs(["the People's Bank of China, the central bank"])[0] == [("China", "China")]


def test_bank_rule_keeps_the_central_bank() -> None:
    # "Bank of India" is a firm; the longer "Reserve Bank of India" is the central bank
    assert _pairs(["the Reserve Bank of India and the Bank of India"])[0] == [
        ("Reserve Bank of India", "Reserve Bank of India")
    ]


def _labels(texts: list[str]) -> list[tuple[str, str]]:
    docs = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts})
    nm = ct.naming(ct.Corpus(docs))
    return sorted(zip(nm.actor, nm.label, strict=True))


def test_naming_verbs_and_adverbs_are_no_labels() -> None:
    texts = [
        "Trump wrote that the deal was off.",
        "Trump earlier this month tweeted about Flake.",
        "The Chinese Foreign Ministry said that China fully implements the resolutions.",
        "Yanukovich has been living in exile in Russia since he was ousted.",
        "RBI asks banks to clear cheques within hours",
        "Sebi warns investors against fraud",
        "Trump urges Congress to pass a spending bill",
    ]
    assert _labels(texts) == []


def test_naming_nouns_stay_labels() -> None:
    # a noun before "that" is a label: adding "that" to verb_next would lose these
    # (15 of 15 compound labels before "that" in 492 Reuters articles were nouns)
    texts = [
        "U.S. officials that future elections may be targeted.",
        "Hamas militants attacked the town.",
        "the Yellen Fed without Yellen",
    ]
    assert _labels(texts) == [
        ("Federal Reserve", "Yellen"),
        ("Hamas", "militants"),
        ("United States", "officials"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common Portuguese and Spanish surname (and a city in Ohio): Peru only when
        # the text names Peru by another form
        ("o ex-ministro Geddel Vieira Lima foi preso", []),
        ("Peru's president said Lima would act.", [("Peru", "Peru"), ("Lima", "Peru")]),
        # "downtown"/"central" before a capital: the city, not the government
        ("a property he redeveloped in downtown Washington", []),
        ("A blast hit central Kabul on Monday.", []),
        (
            "Washington and Pyongyang traded threats.",
            [("Washington", "United States"), ("Pyongyang", "North Korea")],
        ),
    ],
)
def test_lima_and_downtown(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs([text])[0] == expected
