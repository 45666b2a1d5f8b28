"""Acronyms that are also common words (WHO, CAR) in all-capitals text (QA S19-H8-4)."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.actors import load_gazetteer


def _actors(texts: list[str]) -> list[list[tuple[str, str]]]:
    """(actor, alias) per text, through actor_mentions (the batch matcher)."""
    c = ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))
    m = ct.actor_mentions(c)
    return [
        list(zip(g.actor, g.alias, strict=True))
        for g in (m[m.doc_id == f"d{i}"] for i in range(len(texts)))
    ]


def test_pronoun_who_in_capitals_is_not_the_who():
    # the QA repro: a relative pronoun in an all-capitals headline
    assert _actors(["FLORIDA WOMAN WHO SUED FOR IVERMECTIN DIES"]) == [[]]
    assert _actors(["WHO IS LOGAIN? | THE WHEEL OF TIME"]) == [[]]  # a question
    assert _actors(["WHO'S AFRAID OF SAULE OMAROVA?"]) == [[]]


@pytest.mark.parametrize(
    "text",
    [
        "THE WHO WARNS OF A NEW VARIANT",  # THE before it
        "BIDEN MEETS WHO CHIEF IN GENEVA",  # a role after it
        "THE WORLD HEALTH ORGANIZATION (WHO) WILL MEET",  # in parentheses (after the full name)
        "NUMBER OF SMOKERS IN DECLINE, SAYS WHO",  # the end of a line
        "COVID: WHO SAYS IT IS WORRIED",  # the start of a clause after a colon
        "WHO URGES VACCINATED PEOPLE TO WEAR MASKS",  # the start of a line asking nothing
    ],
)
def test_who_in_capitals_with_a_cue(text):
    assert ("World Health Organization", "WHO") in _actors([text])[0]


def test_mixed_case_reads_as_written():
    got = _actors(
        [
            "The WHO said on Monday that cases rose.",
            "Tedros, the WHO chief, spoke in Geneva.",
            "Fighting in CAR displaced thousands.",
            "The woman who sued has died.",
        ]
    )
    assert got == [
        [("World Health Organization", "WHO")],
        [("World Health Organization", "WHO")],
        [("Central African Republic", "CAR")],
        [],
    ]


def test_noun_car_in_capitals_needs_a_cue():
    got = _actors(
        [
            "MIAMI POLICE ARRESTED MAN FOR STEALING HIS OWN CAR",
            "CAR BOMB KILLS FIVE, RUSSIA SAYS",
            "UN SENDS TROOPS TO THE CAR",
        ]
    )
    assert got == [
        [],
        [("Russia", "RUSSIA")],
        [("United Nations", "UN"), ("Central African Republic", "CAR")],
    ]


def test_us_stays_the_country_in_capitals():
    # "US" is written in capitals more often than "us" in news text: no cue needed
    got = _actors(["US TO RELEASE 50 MILLION BARRELS OF OIL"])
    assert got == [[("United States", "US")]]


def test_each_line_decides_for_itself():
    text = "WOMAN WHO SUED DIES\nThe WHO said cases rose. THE WHO WARNS."
    got = ct.mentions_in_text(text)
    assert list(got.start) == [text.index("WHO said"), text.rindex("WHO")]
    # a long all-capitals text: only the part around the word is read
    caps = "POLICE SAY THE MAN " * 40 + "WHO FLED WAS ARRESTED " + "IN THE CITY " * 40
    assert len(ct.mentions_in_text(caps)) == 0
    assert len(ct.mentions_in_text("The WHO said. " + caps)) == 1


def test_batch_split_and_single_text_agree():
    texts = [
        "FLORIDA WOMAN WHO SUED DIES",
        "The WHO said so",
        "ÉLAN: WOMAN WHO SUED DIES",  # not ASCII: the split path, not the batch pass
        "ÉLAN: THE WHO WARNS",
        "FLORIDA WOMAN WHO SUED DIES",  # again: the cached match must not leak across lines
    ]
    batch = _actors(texts)
    single = [list(zip(m.actor, m.alias, strict=True)) for m in map(ct.mentions_in_text, texts)]
    assert batch == single
    assert [len(x) for x in batch] == [0, 1, 0, 1, 0]


def test_which_aliases_need_a_cue():
    m = load_gazetteer().matcher
    assert sorted(k for k, node in m.root.children.items() if node.cue) == ["car", "who"]


# words keep their combining marks (QA S19-H9-1): 'भारतीय' (Indian) is one word, not 'भारत' + 'य'
HINDI = [
    {"id": "x-hi", "name": "Bharat", "type": "country", "aliases": ["भारत", "रूस"], "source": "t"}
]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("भारत में चुनाव हुए", [(0, 4)]),  # the alias whole, its vowel sign included
        ("भारतीय सेना", []),  # a longer word: was matched on its first letters
        ("रूस ने कहा", [(0, 3)]),
        ("रूसी सेना", []),
        ("सेना रूस", [(5, 8)]),
    ],
)
def test_hindi_alias_is_found_whole(text, spans):
    g = ct.load_gazetteer(extend=HINDI)
    m = ct.mentions_in_text(text, g)
    assert list(zip(m.start, m.end, strict=True)) == spans
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    assert len(ct.actor_mentions(c, g)) == len(spans)


def test_word_split_keeps_marks_and_matches_plain_words():
    from corpus_tools.actors import _word_tokens

    assert [t.text for t in _word_tokens("भारत में चुनाव हुए")] == ["भारत", "में", "चुनाव", "हुए"]
    assert [t.text for t in _word_tokens("السَّلَامُ عَلَيْكُمْ")] == ["السَّلَامُ", "عَلَيْكُمْ"]
    # a mark after a space is no part of a word; English words as before
    assert [t.text for t in _word_tokens("a \u0301b U.S. Russia's foo_bar")] == [
        "a",
        "b",
        "U.S.",
        "Russia",
        "foo",
        "bar",
    ]
