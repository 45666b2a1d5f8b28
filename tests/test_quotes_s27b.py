"""Quotes, session 27 (second wave): speaker names this session's QA found cut.

- ``..., said Democracy for America``: an organisation's name with ``for``/``of`` after an
  inverted cue is kept whole (BASIL, qa_findings helper-198).
- State of the Union paragraphs (MALLET's sotu, public domain; qa_findings helper-194):
  ``the policy of the United States that ...`` gave the speaker ``the United`` with the cue
  ``States``; ``"Civilization," said H. G. Wells`` gave the speaker ``H``.

Texts are real sentences of those corpora, cut to the sentence that matters, and a few
made-up controls.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.quotes.phrases import WORD_RE, left_np, right_np


def _rows(texts: list[str]) -> pd.DataFrame:
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)
        return ct.quotes(ct.Corpus(docs))


def _speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    q = _rows([text])
    return list(zip(q["kind"], q["speaker"], q["cue"], strict=True))


BASIL = (
    "\u201cToday\u2019s cave by most Senate Democrats was \u2026 a stunning display of moral and "
    'political cowardice," said Democracy for America, just one of several such groups bashing '
    "Schumer for the stand-down on Monday."
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (BASIL, "Democracy for America"),
        (
            '"We will fight this," said Friends of the Earth, a campaign group.',
            "Friends of the Earth",
        ),
        ('"We will fight this," said Physicians for Human Rights.', "Physicians for Human Rights"),
        # a surname or a known actor before "of" is the speaker, the body is no part of the name
        ('"We will fight this," said Smith of Reuters.', "Smith"),
        ('"We will fight this," said Obama of America.', "Obama"),
        # unchanged: a body's head before "of", "and" between capitalised words
        ('"We will fight this," said the Bank of England.', "the Bank of England"),
    ],
)
def test_inverted_organisation_with_for_or_of_is_whole(text: str, speaker: str) -> None:
    rows = _speakers(text)
    assert rows[0][1:] == (speaker, "said")


def test_right_np_span_of_an_organisation_name() -> None:
    t = "said Democracy for America, just one of several groups"
    s, e = right_np(t, 4, len(t)) or (0, 0)
    assert t[s:e] == "Democracy for America"


SOTU_1946 = (
    "This formula was based on the  policy of the United States that people be permitted to "
    "choose their own  form of government by their own freely expressed choice without  "
    "interference from any foreign source."
)
SOTU_1948 = (
    "Unfortunately, not all governments share the hope of the people of the  United States that "
    "economic reconstruction in many areas of the world can  be achieved through cooperative "
    "effort among nations."
)


@pytest.mark.parametrize("text", [SOTU_1946, SOTU_1948])
def test_united_states_is_no_speaker_and_cue(text: str) -> None:
    assert _rows([text]).empty  # was: indirect, speaker "the United", cue "States"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A study by Consumer Reports found the cars were unsafe.", []),
        # Title Case headlines keep their noun-form cues
        (
            "'I Did!': Ocasio-Cortez Interjects After McCarthy States 'Nobody Elected Joe Biden "
            "to Be FDR'",
            [("quote", "Ocasio-Cortez", "Interjects"), ("quote", "McCarthy", "States")],
        ),
        ("Member States said the deal was fair.", [("indirect", "Member States", "said")]),
        ("The United States says the talks failed.", [("indirect", "The United States", "says")]),
    ],
)
def test_capitalised_noun_form_after_a_name(text: str, expected: list) -> None:
    assert _speakers(text) == expected


def test_spaced_initials_are_one_name() -> None:
    sotu = (
        '"Civilization," said H. G. Wells, "is a race between education and  catastrophe." '
        "It is up to you in this Congress to determine the winner of  that race."
    )
    assert _speakers(sotu) == [("quote", "H. G. Wells", "said"), ("quote", "H. G. Wells", "said")]
    q = _rows(['"It works," said John F. Kennedy in 1961.', "Michael J. Fox says he is fine."])
    assert q["speaker"].tolist() == ["John F. Kennedy", "Michael J. Fox"]


def test_initial_token_only_before_a_capitalised_word() -> None:
    toks = WORD_RE.findall("said H. G. Wells of Plan B. and the U.S. A. Smith, not b. c")
    assert toks == [
        "said", "H.", "G.", "Wells", "of", "Plan", "B", ".", "and", "the", "U.S.", "A.",
        "Smith", ",", "not", "b", ".", "c",
    ]  # fmt: skip
    assert WORD_RE.findall("Ex-D.C. Guard official")[:3] == ["Ex-D", ".", "C"]
    t = "Delhi stockbroker B. D. Aggarwal said"
    s, e = left_np(t, 0, t.index(" said")) or (0, 0)
    assert t[s:e] == "B. D. Aggarwal"  # was "Aggarwal" (Reuters-21578)


def test_title_case_of_still_ends_an_addressee() -> None:
    text = "British Retailer Harrods Hit By Cyberattack, Warns Customers Of Data Breach"
    assert _rows([text])["speaker"].dropna().tolist() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SOTU 1953: a passive with a lower-case -ly adverb after its auxiliary has no speaker
        (
            "The threat to our safety, and to the hope of a peaceful world, can be  simply "
            "stated. It is communist imperialism.",
            [],
        ),
        ("The family said he was fine.", [("indirect", "The family", "said")]),
        # SOTU 1955: a lone ordinal before a colon numbers a list's item
        (
            "Third: We must continue to strengthen our mutual security efforts. Most  people "
            "now realize that our programs are an integral part of our own defense effort.",
            [],
        ),
        (
            "First Minister: We will hold a vote on independence next year.",
            [("indirect", "First Minister", None)],
        ),
    ],
)
def test_sotu_passive_adverb_and_list_ordinal(text: str, expected: list) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Democracy for America said the cave was a display of cowardice.",
            "Democracy for America",
        ),
        (
            "The head of Democracy for America said it was cowardice.",
            "The head of Democracy for America",
        ),
        ("Friends of the Earth said the plan was weak.", "Friends of the Earth"),
        # an apposition after a body's name (was the wrong "America", then none)
        (
            "Democracy for America, the political action committee, said it was cowardice.",
            "Democracy for America",
        ),
        # a surname before "of" is no body's head: the name after it is read (as before)
        ("John Smith of Reuters said the deal was done.", "Reuters"),
    ],
)
def test_organisation_with_for_before_its_cue(text: str, speaker: str) -> None:
    assert _speakers(text) == [("indirect", speaker, "said")]
