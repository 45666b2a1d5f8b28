"""Speakers of the wrong-speaker shapes of session 23's real headline sample (Stop Clickbait and
AG's News titles, dev half): noun forms after a preposition or before a compound's head, a
modal ``May``, questions, list heads before an object relative, acts that are not speech
(``calls off``, ``calls emergency meeting``, ``signs law 'X'``), sports sections before a
colon and compass initials (``N. Korea``)."""

from __future__ import annotations

import pytest
from _quote_sets import named_speakers, quote_rows


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # a noun form after a preposition, before a participle or a compound's head
        ("Misery Hangs Over Gaza Despite Pledges of Help", []),
        ("Outcry Erupts Over Reports That Israel Used Phosphorus Arms on Gazans", []),
        ("EU states warned on CIA prisons", []),
        ("National Express awarded contract to operate services on major UK rail route", []),
        ("China Protests Moving of Detainees", ["China"]),
        ("Chinese Officials Protest Sinking of Cargo Ship by Russians", ["Chinese Officials"]),
        ("Police reports rising crime in Leeds", ["Police"]),
        # a modal May before a bare verb; May the name before an inflected one
        ("Yahoo May Announce Layoffs on Tuesday", ["Yahoo"]),
        ("Theresa May said the deal was done", ["Theresa May"]),
        # questions report no speech
        ("What Does Your Choice In Colors Say About You", []),
        ("Can We Tell If You're An Axe Murderer By This One Question", []),
        ("Will Smith said he would return.", ["Will Smith"]),
        # a list's head noun is the object of the clause after it
        ("The 17 Most Offensive Things People Say To Someone With Small Boobs", ["People"]),
        ("12 Things Sunny Leone Has Said About Her Past", ["Sunny Leone"]),
        ("New York Times Says Its Profit Fell", ["New York Times"]),
        # acts, not speech
        ("UN calls emergency meeting on Syria", []),
        ("Australian PM calls election on Oct. 9", []),
        ("Michael Schumacher calls off Formula 1 comeback due to injury", []),
        ("Court Confirms Death Sentence for Egyptian Tycoon", []),
        ("France calls on Libyan leader to step down", ["France"]),
        ("Nestle Confirms Targets After Rivals Warn", ["Nestle"]),
        ("Obama signs landmark law overturning 'don't ask, don't tell'", []),
        ('Kanye Releases "Real Friends" And A Snippet Of A New Song', []),
        ("United States confirms first military death sentence since 1957", []),
        ("US Senate confirms Robert Gates as new Secretary of Defense", []),
        # natural events speak no words
        ("Hurricane Earl threatens eastern US", []),
        ("Rain threatens triangular final (AFP)", []),
        ("Storm Chasers Say Tornado Season Is Late", ["Storm Chasers"]),
        # "according to" in brackets ending the line
        ("No, The DMV Is Not The Most Hated Government Service (According To Yelp)", ["Yelp"]),
        # a sports section before a colon
        ("Australian Football League: Clubs threaten to take home games interstate", []),
        ("Rugby union: Noosa thrash the visitors", []),
        ("Court: File-swapping software not liable", ["Court"]),
        # a question word heading a colon is no speaker; the WHO is
        ('Who Said It: The "RuPaul\'s Drag Race" Edition', []),
        ('WHO: "Vaccines work"', ["WHO"]),
    ],
)
def test_headline_shapes_of_session_23(headline: str, speakers: list[str]) -> None:
    assert named_speakers(headline) == speakers


def test_compass_initial_is_part_of_the_place() -> None:
    q = quote_rows("N. Korea warns U.S. against sanctions")
    assert q["speaker"].tolist() == ["N. Korea"]
    assert q["speaker_canonical"].tolist() == ["North Korea"]


def test_interrupted_quote_gives_both_parts_the_speaker() -> None:
    text = (
        "Court hears case\n\nThe hearing went on.\n\n"
        "\u201cI can\u2019t give you another example of a source,\u201d Prelogar said, "
        "\u201cbut I would dispute the premise.\u201d\n\nMore text here."
    )
    q = quote_rows(text)
    assert q["speaker"].tolist() == ["Prelogar", "Prelogar"]
    assert q["cue"].tolist() == ["said", "said"]


def test_manner_of_reply_verbs_and_an_opening_phrase_before_a_colon() -> None:
    text = (
        "Court hears case\n\nPrelogar spoke first.\n\n"
        "Not satisfied, Alito continued: \u201cWhat\u2019s your best example of an agency?\u201d\n\n"
        "\u201cBut \u2026 there is some risk,\u201d Alito interjected.\n\n"
        "\u201cThen why were you talking about it,\u201d Alito rejoined.\n\n"
        "Smith rejoined the club in May."
    )
    q = quote_rows(text)
    assert q["speaker"].tolist() == ["Alito", "Alito", "Alito"]
    assert q["cue"].tolist()[1:] == ["interjected", "rejoined"]
