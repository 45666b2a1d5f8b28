"""Session 26: headline speakers of a fresh corpus (Microsoft News, MIND 2019) and the open
items of session 25: the head before ``of`` speaks (``The mother of an incarcerated man
says``), a reduced relative clause after the speaker (``A study released on Thursday
suggests``), a relative clause ending the quoted words of an unpunctuated inversion, passive
agents (``defended as a 'man of honor' by three veterans``), a name with its role before a
colon (``Colts coach Frank Reich: ...``), and a news medium after a headline's last dash,
told apart by the document's outlet (``- FT`` on reuters.com, ``- CNN`` on cnn.com)."""

from __future__ import annotations

import pandas as pd
import pytest
from _quote_sets import named_speakers

import corpus_tools as ct
from corpus_tools.quotes import doc_quotes
from corpus_tools.quotes.structure import own_outlet, title_suffix
from corpus_tools.tokenize import split_sentences


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the head before "of" speaks, not its complement
        (
            "The mother of an incarcerated man says her life is forever changed",
            ["The mother of an incarcerated man"],
        ),
        ("Parents of missing girl reveal new details", ["Parents of missing girl"]),
        (
            "Hundreds of Tesla owners say their cars stop for no reason",
            ["Hundreds of Tesla owners"],
        ),
        ("Friends of the victim said she was kind.", ["Friends of the victim"]),
        ("A lawyer for Trump said the plan would fail.", ["A lawyer for Trump"]),
        # ... a body with its place is named by the place, as before
        ("The state of Texas said it would appeal.", ["Texas"]),
        # a reduced relative clause after the speaker
        ("A study released on Thursday suggests that sleep matters.", ["A study"]),
        ('"Sleep matters," a study released on Thursday suggests.', ["a study"]),
        ("The report published by the ministry says growth slowed.", ["The report"]),
        ("The officers involved said they acted properly.", ["The officers"]),
        # a relative clause ending the quoted words of an unpunctuated inversion: not the subject
        ("people who are not farming will hijack the subsidy said joshua osagie.", []),
        ("The man who attacked the guard said he was sorry.", ["The man"]),
        # passive agents of a label
        (
            "Bill Taylor defended as a 'man of honor' and 'public servant' by three veterans "
            "who served with him",
            ["three veterans", "three veterans"],
        ),
        ("Plan rejected by Australian court as 'divorced from reality'", ["Australian court"]),
        ("Microsoft Edge's latest feature called a 'shameless cash grab' by critics", ["critics"]),
        # ... not a full passive inside the reported clause
        (
            "Chuck Schumer announces Biden's Supreme Court nominee will be confirmed by the "
            "Senate with 'all deliberate speed'",
            ["Chuck Schumer", "Chuck Schumer"],
        ),
        # article paragraphs (MIND abstracts): a possessive pronoun and a person; "according
        # to" a document with a reduced relative; an apposition between dashes; "say a X ...ed"
        (
            "He died Oct. 8, 2019, but his dad said, 'I lost my son 26 years ago.'",
            ["his dad"],
        ),
        ("His house said nothing.", []),
        (
            "The number of uninsured children rose, according to a new report released Wednesday.",
            ["a new report"],
        ),
        (
            "But the Open Technology Fund (OTF) -- a US government-funded group that campaigns "
            "for internet freedom -- says users also provide data.",
            ["the Open Technology Fund"],
        ),
        (
            "Officials say a JetBlue Airways flight bound for Orlando safely landed at John F. "
            "Kennedy International Airport.",
            ["Officials"],
        ),
        ("Officials said a lot.", []),
        ("RELATED: 'I'm fired up about him': Does emergence of Blair bump Thompson", []),
        # a title's abbreviation after an inverted cue stays in the name (was "Dr", "Mr")
        ('"We are ready," said Dr. Smith.', ["Dr. Smith"]),
        ('"We are ready," says Mr. Mukhopadhyay. He left.', ["Mr. Mukhopadhyay"]),
        ('"We are ready," said the doctor. Smith left.', ["the doctor"]),
        # a capitalised possessor, modifiers and a person head
        (
            "Meghan Markle's estranged brother says she is only in Buckingham Palace",
            ["Meghan Markle's estranged brother"],
        ),
        ("Trump's former lawyer said he would testify.", ["Trump's former lawyer"]),
        # a title keeps small words in lower case; "in his own words"; "NAME on TOPIC"
        ("Donald Trump Jr. joins 'Justice with Judge Jeanine'", []),
        ("D'Andre Davis in his own words: Why I chose Louisville basketball", ["D'Andre Davis"]),
        (
            "Warriors Off Court: Stephen Curry on leadership style, new-look roster",
            ["Stephen Curry"],
        ),
        ("Analysis: Stephen Curry on the bench hurts the Warriors", []),
        # a name with its role before a colon speaks; a bare name heading a person's story not
        ("Colts coach Frank Reich: Adam Vinatieri is our kicker", ["Colts coach Frank Reich"]),
        ("David Fuller: Hospital worker admits murders", []),
        # documents and acts
        (
            "Cleveland Clinic research says vaping THC causes lung damage",
            ["Cleveland Clinic research"],
        ),
        ("James Harden slams ball on the court, hits himself in the face", []),
        ("Trump slams Biden over 'weak' policy", ["Trump", "Trump"]),
    ],
)
def test_session26_speakers(text: str, speakers: list[str]) -> None:
    assert named_speakers(text) == speakers


def test_a_surname_before_a_colon_speaks_when_the_document_names_the_person() -> None:
    body = "\n\nChancellor Angela Merkel told reporters in Berlin that the union faced a test."
    assert named_speakers("Merkel: Europe must act now" + body) == [
        "Merkel",
        "Chancellor Angela Merkel",
    ]
    # Merkel is a gazetteer person (session 27), so she speaks without her full name too
    assert named_speakers("Merkel: Europe must act now") == ["Merkel"]
    assert named_speakers(
        "Brexit: UK will leave in March\n\nTheresa May said the date was fixed."
    ) == ["Theresa May"]


def test_a_quoted_title_is_no_head_and_complement() -> None:
    found = named_speakers(
        "Critical Role's 'Legend of Vox Machina' Adds Stephanie Beatriz as Guest Star"
    )
    assert not any("Machina" in s for s in found)


def _speakers(texts: list[str], outlets: list[str | None]) -> list[list[str]]:
    docs = pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts, "outlet": outlets}
    )
    q = ct.quotes(ct.Corpus(docs))
    return [
        [s for s in q.loc[q["doc_id"] == f"d{i}", "speaker"] if s is not None]
        for i in range(len(texts))
    ]


def test_trailing_medium_is_a_source_on_another_outlet_and_no_one_on_its_own() -> None:
    texts = [
        "UK regulator set to block Meta's Giphy deal - FT",
        "Jan. 6 investigators find gaps in White House call logs -NYT",
        "US approves $100 million missile defense sale to Taiwan - CNN",
        "U.S. officials to boycott Beijing Olympics - CNN",
        "Floods are 'worst in memory' - CNN",
        "Floods are 'worst in memory' - CNN",
        "Floods are 'worst in memory' - The Washington Post",
        "Floods are 'worst in memory' - The Washington Post",
        "Russia's Car Manufacturing Collapses by 97% in May - The Moscow Times",
        "Readies for 'Naval Blockade' of Ukraine - Reports - The Moscow Times",
        "Lawmakers OK law to phase out single-use plastics - Los Angeles Times",
        "Israel surveils Palestinians in West Bank in facial recognition program - Israel News",
        "In 'Sort Of,' Love Means Not Having All the Answers: TV Review",
    ]
    outlets = [
        "reuters.com",
        "reuters.com",
        "cnn.com",
        "reuters.com",
        "cnn.com",
        "Reuters",
        "reuters.com",
        None,
        "themoscowtimes.com",
        "themoscowtimes.com",
        "latimes.com",
        "haaretz.com",
        "vulture.com",
    ]
    assert _speakers(texts, outlets) == [
        ["FT"],
        ["NYT"],
        [],
        ["CNN"],
        [],
        ["CNN"],
        ["The Washington Post"],
        [],
        [],
        [],
        [],
        [],
        [],
    ]


def test_unknown_outlet_keeps_the_old_reading() -> None:
    # without an outlet a one-word medium after a quote speaks, after a bare claim no one
    assert _speakers(
        ["Floods are 'worst in memory' - CNN", "U.S. officials to boycott Beijing Olympics - CNN"],
        [None, None],
    ) == [["CNN"], []]


def test_doc_quotes_takes_the_outlet_as_an_optional_keyword() -> None:
    t = "UK regulator set to block Meta's Giphy deal - FT"
    sents = [(i, p, s, e) for i, (p, s, e) in enumerate(split_sentences(t))]
    assert [r["speaker"] for r in doc_quotes(t, sents, outlet="reuters.com")] == ["FT"]
    assert [r["speaker"] for r in doc_quotes(t, sents, outlet="Financial Times")] == []
    assert doc_quotes(t, sents) == []


@pytest.mark.parametrize(
    ("words", "outlet", "own"),
    [
        (["CNN"], "edition.cnn.com", True),
        (["BBC", "News"], "bbc.co.uk", True),
        (["NYT"], "nytimes.com", True),
        (["The", "New", "York", "Times"], "nytimes.com", True),
        (["FT"], "Financial Times", True),
        (["FT"], "reuters.com", False),
        (["WSJ"], "Reuters", False),
        (["CNN"], None, None),
        (["CNN"], "", None),
    ],
)
def test_own_outlet(words: list[str], outlet: str | None, own: bool | None) -> None:
    assert own_outlet(words, outlet) is own


def test_title_suffix_sections_are_no_sources() -> None:
    assert title_suffix(["TV", "Review"], "vulture.com")
    assert title_suffix(["USA", "TODAY"], "apple.news")
    assert not title_suffix(["The", "Hill"], "cnn.com")
    assert not title_suffix(["Reuters"], "cnn.com")
