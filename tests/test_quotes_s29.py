"""Quotes, session 29: headline shapes of the Indian English press (Times of India, The Hindu
2021-26 titles, some cut; dev part of helper-214's sample and its pool) and the open items
of session 28 (a question before the headline's clause, a headline's passive, PTB marks)."""

from __future__ import annotations

import pytest
from _quote_sets import named_speakers

from corpus_tools.quotes.cues import headline_passive
from corpus_tools.quotes.elided import clause_subject, elided_subject, third_person_verb
from corpus_tools.quotes.extract import without_marks
from corpus_tools.quotes.marks import Span
from corpus_tools.quotes.phrases import word_spans
from corpus_tools.quotes.structure import headline_line, lead_quote_subject, speech_like


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # "'quote': X verb ...": the subject of the clause after the colon speaks
        (
            "'Not punishment': Pakistan coach breaks silence on Babar Azam exclusion",
            ["Pakistan coach"],
        ),
        ("'You need to apologise': Stokes breaks silence on nightclub controversy", ["Stokes"]),
        ("'No compromise': BJP passes resolution against Congress on Vande Mataram", ["BJP"]),
        # ... or the name before a preposition, or the possessor of a speech noun
        (
            "'Would not be a great idea': Manjrekar on sending Sooryavanshi overseas too soon",
            ["Manjrekar"],
        ),
        (
            "'If he pauses...': Ashwin's fascinating advice to India before Usman Tariq test",
            ["Ashwin"],
        ),
        (
            "'I felt helpless': Rohit Sharma's honest admission on India vs Pakistan thriller",
            ["Rohit Sharma"],
        ),
        # a title, a question word, a verb of what befell X, a possessor who does not speak
        ("'God of War': Dave Bautista officially cast as Kratos, replacing Ryan Hurst", []),
        ("'He could captain India': Why Sooryavanshi was named East Zone vice-captain", []),
        ("'Vozinha! Vozinha!': World Cup star gets hero's welcome in Chile after three delays", []),
        ("'We want to make a request': Neymar's dad pens emotional message", []),
        # a plural noun before the verb, a preposition that is no topic, a common noun
        ("'No hire, no fire': US employers unexpectedly cut 23,000 jobs", []),
        ("'Where's the passion?': Sanju Samson under fire as fans question 'intent, hunger'", []),
        ("'News, Spice Rani, He Ram': Names on police merit list triggers row in Chhattisgarh", []),
    ],
)
def test_lead_quote_speaker(headline: str, speakers: list[str]) -> None:
    assert named_speakers(headline) == speakers


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # a second verb after a comma or semicolon shares the first one's subject
        ("Kerala CM defends government pleader postings, says AG was consulted", ["Kerala CM"]),
        (
            "'Clean water not available even today': Rahul Gandhi meets Indore victims; slams MP government",
            ["Rahul Gandhi"],
        ),
        (
            "Kejriwal seeks written assurance from automakers on E20 fuel; slams Centre's 'misadventure'",
            ["Kejriwal"],
        ),
        # no subject and verb before the comma: the phrase after the cue speaks, as before
        ("No place for Panneerselvam in AIADMK, says Palaniswami", ["Palaniswami"]),
        ("Sensex falls 500 points, says analyst", ["analyst"]),
    ],
)
def test_elided_subject_speaks(headline: str, speakers: list[str]) -> None:
    assert named_speakers(headline) == speakers


def test_elided_subject_parts() -> None:
    t = "Kerala CM defends government pleader postings, says AG was consulted"
    a, b = elided_subject(t, t, 0, t.index("says"))
    assert t[a:b] == "Kerala CM"
    t = "T.N. Assembly: Governor Arlekar hails rendering, calls it dawn of a new era"
    a, b = elided_subject(t, t, 0, t.index("calls"))
    assert t[a:b] == "Governor Arlekar"
    t = "Prices rose, jobs fell, says analyst"
    assert elided_subject(t, t, 0, t.index("says")) is None  # two clauses before the cue
    t = "Consumer prices barely budged in August"
    assert clause_subject(word_spans(t, 0, len(t))) == 0
    assert (
        third_person_verb("meets"),
        third_person_verb("officials"),
        third_person_verb("this"),
    ) == (
        True,
        False,
        False,
    )


def test_lead_quote_parts() -> None:
    assert (
        speech_like("'Not punishment'"),
        speech_like("'Jana Nayagan'"),
        speech_like("'Thank you'"),
    ) == (
        True,
        False,
        True,
    )
    t = "'Going to go back to bed now': Padikkal after career-best 167 in Galle Test"
    a, b = lead_quote_subject(t, t, 0, len(t), Span(0, t.index(":"), False, True))
    assert t[a:b] == "Padikkal"
    t = "Ajit Pawar's death: 'Not to politicise': Sharad Pawar rules out conspiracy"
    assert (
        lead_quote_subject(t, t, 0, len(t), Span(20, 38, False, True)) is None
    )  # not the line's start


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # a short question or exclamation before the headline's clause (S28 open item)
        ("End of the A380 superjumbo? Airbus warns future of plane at risk", ["Airbus"]),
        (
            "How much oil does India have? PM Modi explains nation's preparedness amid fuel crisis",
            ["PM Modi"],
        ),
        ("Dead prez's name on Rs 1.96 cr invoice! Odisha Association faces allegation", []),
        # a cue ending the text raised IndexError in quotes() (session 29, real title)
        ("Will India-US trade deal be sealed this year? What the document says", []),
        # a headline's passive: the addressee was warned or told (S28 open item)
        ("Abandon 'levelling up' agenda at your peril, PM warned", []),
        ("Brexit deal is dead, MPs told", []),
        ("Abandon levelling up agenda at your peril, PM warned.", ["PM"]),
    ],
)
def test_headline_open_items(headline: str, speakers: list[str]) -> None:
    assert named_speakers(headline) == speakers


def test_headline_line_after_a_question() -> None:
    t = "End of the A380? Airbus warns future of plane at risk"
    assert headline_line(t, t.index("Airbus"), len(t)) == (t.index("Airbus"), len(t))
    t = "He left. Airbus warns future of plane at risk"
    assert headline_line(t, t.index("Airbus"), len(t)) is None


def test_headline_passive_needs_the_line_end() -> None:
    import re

    t = "Abandon agenda at your peril, PM warned"
    assert headline_passive(t, (30, 32), re.search("warned", t), len(t), "warn")
    assert not headline_passive(t, (30, 32), re.search("warned", t), len(t), "say")


def test_ptb_marks_leave_the_speaker() -> None:
    text = (
        "An FBI-led task force `` will continue to work to arrest whosoever is responsible , '' "
        "the agency 's director Christopher Wray said in a statement ."
    )
    assert named_speakers(text)[0] == "the agency 's director Christopher Wray"
    t = "'' one analyst"
    a, b = without_marks(t, (0, len(t)))
    assert t[a:b] == "one analyst"
    t = "the workers'"
    assert without_marks(t, (0, len(t))) == (0, len(t))  # a plural possessive keeps its mark


def test_indian_state_abbreviations_do_not_end_a_sentence() -> None:
    from corpus_tools.tokenize import split_sentences

    t = "T.N. Assembly: Governor hails rendering of anthem"
    assert [t[a:b] for _, a, b in split_sentences(t)] == [t]
    assert named_speakers("T.N. Governor hails rendering of anthem") == ["T.N. Governor"]
    assert named_speakers("U.P. CM Yogi says 'no riots' in state") == ["U.P. CM Yogi"]


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # "calls" after one capitalised word that is no common word: a name labelling someone
        ("Sudesh calls Modi Lord Vishnu's avatar, wants to wash feet and drink", ["Sudesh"]),
        ("Kangana calls Karisma the 'Original Fashionista'", ["Kangana"]),
        (
            "Serena's Wimbledon Return: Djokovic calls it 'epic'; Sabalenka also awe-struck",
            ["Djokovic"],
        ),
        # a common noun before "calls" is no name: no speaker, as before
        ("Disaster calls for help", []),
    ],
)
def test_a_lone_name_calls(headline: str, speakers: list[str]) -> None:
    assert named_speakers(headline) == speakers


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # a closing mark after a space, then a colon, closes the opening quote
        (
            "'HC went beyond ... ': Vijay-led Tamil Nadu government moves SC against order",
            ["Vijay-led Tamil Nadu government"],
        ),
        (
            "'It will be harsh to say ... ': Ex-India batter on Shreyas Iyer's future as captain",
            ["Ex-India batter"],
        ),
    ],
)
def test_spaced_closer(headline: str, speakers: list[str]) -> None:
    assert named_speakers(headline) == speakers


def test_spaced_closer_pairs_only_before_a_colon() -> None:
    from corpus_tools.quotes.marks import pair_marks

    t = "'If someone dies .... ': Delhi Police probes chats"
    assert [t[s.start : s.end] for s in pair_marks(t)] == ["'If someone dies .... '"]
    t = "He said 'yes ' and left 'now'"
    assert [t[s.start : s.end] for s in pair_marks(t)] == [
        "'yes ' and left 'now'"
    ]  # no colon: no closer
