"""False speakers of session 25's real article corpora (BBC articles lower-cased and stripped
of their punctuation, university news): a determiner and a past participle (``The published
books include:``), a quantity (``a bit``), the end of the quoted words before an unpunctuated
inverted ``said`` (``finish the year said nadal afterwards``), and the object of a verb or
preposition before a participle cue (``sued the state alleging``). Each is no speaker; the
real speaker is named when the sentence shows it."""

from __future__ import annotations

import pytest
from _quote_sets import named_speakers

from corpus_tools.quotes.cues import not_speaker_np


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a determiner and a past participle before a colon: no one
        (
            "Koya University has published several books during the year 2024. The published "
            'books include: "Hegbai Zarawa Rasanakan, Part Two," authored by Hamid Rashash; '
            '"Hangawnan Baraw awdiwe diwarakani Zindan," authored by Imad Ghafoori; and '
            '"The Presidential Speeches of Mr. Jalal Talabani," authored by Dr. Bakhtiyar Ola.',
            [],
        ),
        # unpunctuated inversion: the left phrase ends the quoted words
        (
            "i think it s fair to say it does concern us a bit   said academy executive "
            "director bruce davis. about 51 million people watched",
            [],
        ),
        ("what a great way to finish the year   said nadal afterwards. us coach was there", []),
        ("we want to lower the age   said mr leslie  who was elected in 1997.", []),
        # ... but not a speaking head, nor a clause after the cue
        ("the ons said manufacturing output dropped 0.1% in november.", ["the ons"]),
        ("the company said mr smith would step down.", ["the company"]),
        ("the deal said analysts.", []),
        # a clause after the cue opening with a determiner keeps its row and speaker
        (
            "the economic commission for latin america and the caribbean said the region "
            "grew by 5.5% this year.",
            ["the caribbean"],
        ),
        # the object before a participle cue: the sentence's subject speaks, or no one
        (
            "Aguas Argentinas sued the state alleging that the freeze broke the contract.",
            ["Aguas Argentinas"],
        ),
        (
            "Executive ministers raised an appeal arguing that the standard of proof was wrong.",
            ["Executive ministers"],
        ),
        ("airlines have attacked the legislation saying prices would rise.", []),
        # a document its subject issued: the subject speaks (session 31; was "a statement",
        # the lead's S30 item "statement" as a canonical speaker); "with X indicating": X
        (
            "Clarence House has issued a statement saying the prince has apologised.",
            ["Clarence House"],
        ),
        (
            "Two Russians were killed, with the Russian Embassy in Israel indicating that the "
            "number of casualties continues to rise.",
            ["the Russian Embassy in Israel"],
        ),
    ],
)
def test_false_speakers_of_real_articles(text: str, speakers: list[str]) -> None:
    assert named_speakers(text) == speakers


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The published", True),
        ("the following", False),  # an -ing word is a noun as often as not (the ruling)
        ("a bit", True),
        ("a lot", True),
        ("the accused", False),
        ("the injured", False),
        ("a couple", False),
        ("the company", False),
        ("The Published", False),
    ],
)
def test_not_speaker_np(phrase: str, expected: bool) -> None:
    assert not_speaker_np(phrase, (0, len(phrase))) is expected


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # a site's name after the last dash is no speaker (fwd/news titles)
        (
            "Russia Readies for \u2018Naval Blockade\u2019 of Ukraine Ahead of Missile Drills "
            "\u2013 Reports - The Moscow Times",
            [],
        ),
        (
            "'It's Time to Raise Hell': Activists Today Are Shouting About Abortion Pills - "
            "Rewire News Group",
            [],
        ),
        # a one-word source or a role still speaks
        ("Omicron subvariant BA.2 likely to have same severity as 'original' -WHO", ["WHO"]),
        ("Deal 'close' - Reuters", ["Reuters"]),
        ("'We will win' - Prime Minister", ["Prime Minister"]),
    ],
)
def test_site_name_after_a_dash_is_no_speaker(headline: str, speakers: list[str]) -> None:
    assert named_speakers(headline) == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # "say" as a noun after a determiner and a degree adjective reports nothing
        ("gerrard will have the final say on his future.", []),
        ("As ever the player will have the final say and parry acknowledges that.", []),
        ("Residents want a greater say in planning.", []),
        ("The unions say the deal is bad.", ["The unions"]),
        ("Critics say the final plan is weak.", ["Critics"]),
    ],
)
def test_say_as_a_noun(text: str, speakers: list[str]) -> None:
    assert named_speakers(text) == speakers
