"""Session 31: who speaks in fresh headlines and article sentences of the ISOT fake-news
dataset (Reuters wire stories and US partisan sites, 2016-17: tests/data/quotes/isot_items.yml),
annotated by hand and split before quotes() ran on them; the rules written on its dev half and
the open items of session 30 (newspaper pages of codelucas/newspaper's test data).

The dev half was tuned on; the held-out half was scored at the baseline and once at the end
(the numbers asserted below are those measured values; tests/data/quotes/README.md)."""

from __future__ import annotations

import pytest
import yaml
from _quote_sets import held_out, quote_rows, score_items, show
from test_quotes import QDATA

from corpus_tools.lexicon import load_lexicon
from corpus_tools.quotes.phrases import skip_adverbials
from corpus_tools.quotes.speakers import longer_name, org_shaped, party_description
from corpus_tools.quotes.structure import _PERSON_TITLES, _unknown_name

ITEMS = yaml.safe_load((QDATA / "isot_items.yml").read_text(encoding="utf-8"))["items"]
WORDS = load_lexicon("quote_words").data


def _held(item: dict) -> bool:
    """Held out when the first byte of sha256("s31-h5-split:" + doc) mod 5 is 0 or 1."""
    return held_out("s31-h5-split:", item["doc"])


def _part(kind: str, held: bool) -> list[dict]:
    return [i for i in ITEMS if _held(i) == held and i["id"].endswith(":" + kind)]


def test_s31_sizes_and_split():
    assert len(ITEMS) == 120 and len({i["id"] for i in ITEMS}) == 120
    sizes = {(k, h): len(_part(k, h)) for k in ("title", "s") for h in (False, True)}
    assert sizes == {("title", False): 40, ("title", True): 20, ("s", False): 26, ("s", True): 34}


def test_s31_isot_titles_dev():
    """Tuned on. Baseline (bef2305): 37/40 (with a speaker 21/24, without 16/16)."""
    r = score_items(_part("title", False))
    show("isot titles dev", r, wrong=True)
    assert (r["n"], r["n_named"], r["n_none"]) == (40, 24, 16)
    assert r["ok_named"] >= 22 and r["ok_none"] >= 16


def test_s31_isot_sentences_dev():
    """Tuned on. Baseline (bef2305): 21/26 (with a speaker 13/18, without 8/8)."""
    r = score_items(_part("s", False))
    show("isot sentences dev", r, wrong=True)
    assert (r["n"], r["n_named"], r["n_none"]) == (26, 18, 8)
    assert r["ok_named"] >= 16 and r["ok_none"] >= 8


def test_s31_isot_titles_held_out():
    """Held out, never tuned on; scored at the baseline (counts) and once at the end of
    session 31. Baseline (bef2305): 19/20 (with a speaker 8/9, without 11/11). End: 19/20
    (8/9, 11/11). Left wrong: ``Jeff Sessions: Oh, You Mean THAT Russian Contact. I Remember
    Now!`` (a person's colon head before a first-person claim with a full stop)."""
    r = score_items(_part("title", True))
    show("isot titles held out", r)
    assert (r["n"], r["n_named"], r["n_none"]) == (20, 9, 11)
    assert r["ok_named"] >= 8 and r["ok_none"] >= 11


def test_s31_isot_sentences_held_out():
    """Held out; baseline (bef2305): 29/34 (with a speaker 24/29, without 5/5). End: 30/34
    (25/29, 5/5). The one gained item (``Senator Joni Ernst from Iowa said in ...``, was
    ``Iowa``) had been run once by mistake in a probe before the ``from`` of
    ``phrases._located_head`` was written: not a clean held-out gain (29/33 -> 29/33 without
    it). Left wrong: a tweet run into the text (``Ethan Ralph (@TheRalphRetort) July 20,
    2017The fact ...``), ``Flynt goes on to say:``, ``According to White House officials``
    (``White House``), ``Mikhail Fishman says this about ...:``."""
    r = score_items(_part("s", True))
    show("isot sentences held out", r)
    assert (r["n"], r["n_named"], r["n_none"]) == (34, 29, 5)
    assert r["ok_named"] >= 25 and r["ok_none"] >= 5


# --- data moved out of code -------------------------------------------------------------


def test_person_titles_are_data():
    """``_PERSON_TITLES`` was a constant of quotes/structure.py; it is data now."""
    assert _PERSON_TITLES == frozenset(WORDS["person_titles"])
    assert {"prof", "hon", "alhaji", "dame"} <= _PERSON_TITLES
    assert _unknown_name(["Hon", ".", "Ablakwa"]) and _unknown_name(["Alhaji", "Mahama"])


def test_speech_occasions_are_data():
    assert {"statement", "briefing", "filing", "town hall", "press briefing"} <= set(
        WORDS["speech_occasions"]
    )
    for t, rest in [
        ("said in Thursday’s filing that x", "that x"),
        ("said in a statement of his own: During", ": During"),
        ("said in an April town hall speech that Trump", "that Trump"),
        ("said in a press briefing that", "that"),
        ("said at the kitchen table that", "at the kitchen table that"),
    ]:
        assert t[skip_adverbials(t, 4, len(t)) :].strip() == rest


# --- article sentences --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (
            "Downing said in Thursday’s filing that his client edited the piece.",
            "Downing",
            "his client edited the piece",
        ),
        (
            "Bellamy said: So 45, we are looking for your leadership.",
            "Bellamy",
            "So 45, we are looking for your leadership",
        ),
        (
            "Tim Kaine said in a statement of his own: During the protests our country lost three"
            " brave Virginians.",
            "Tim Kaine",
            "During the protests our country lost three brave Virginians",
        ),
    ],
)
def test_colon_and_occasion_after_a_verb_of_saying(text, speaker, quote):
    q = quote_rows(text)
    assert list(q["speaker_canonical"]) == [speaker] and list(q["quote"]) == [quote]
    assert not q["direct"].any()


def test_colon_needs_a_clause_and_no_quote_mark():
    assert quote_rows("The minister said: yes.").empty
    q = quote_rows('He said: "We will win."')
    assert list(q["direct"]) == [True]


def test_said_it_too_is_an_object_not_a_clause():
    """adoption.com1: "I’ve said it too, and I’m a birth mom" gave an indirect row."""
    assert quote_rows("I’ve said it too, and I’m a birth mom AND an adoptee!").empty
    assert quote_rows("He said it again, and again.").empty
    assert list(quote_rows("The company said it would appeal.")["quote"]) == ["it would appeal"]
    # an irregular past after "it" is a verb (the first version of the rule lost this row)
    q = quote_rows("In a filing with the SEC, Harris said it sold its unit.")
    assert list(q["quote"]) == ["it sold its unit"]
    assert list(quote_rows("The firm said this means higher prices.")["quote"]) == [
        "this means higher prices"
    ]


def test_an_opener_before_according_to_is_no_clause():
    """businessweek.com1: "For example, according to the Washington Post, USAID spent ..."
    gave the Post the quote "For example"; "CLAUSE, according to X, ..." keeps the clause."""
    q = quote_rows("For example, according to the Washington Post, USAID spent $30 million.")
    assert list(q["quote"]) == ["USAID spent $30 million"]
    q = quote_rows("Prices rose, according to the ministry, after the storm.")
    assert list(q["quote"]) == ["Prices rose"]
    assert quote_rows("For example, Neil Patel at QuickSprout suggested in a post to test.").empty


def test_he_is_no_medium():
    """A pronoun ``he`` after a medium's attribution is not the medium (businessweek.com1)."""
    q = quote_rows(
        "For example, according to the Washington Post, USAID spent $30 million. "
        "“I went ahead on a motorcycle,” he said."
    )
    assert list(q["speaker_canonical"]) == ["Washington Post", None]
    assert org_shaped("the Washington Post") and not org_shaped("Rick Fleming")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Officials in Kabul said the attack killed ten people.", "Officials"),
        ("A spokesman in Washington said the talks would resume.", "A spokesman"),
        ("Merkel in Berlin says Europe must act.", "Merkel"),
        ("Trump In Puerto Rico Disgustingly Tells Puerto Ricans It’s Costing Too Much", "Trump"),
        ('"The rally will fade," an analyst with Barclays said.', "an analyst"),
    ],
)
def test_a_place_after_the_speaker_is_not_the_speaker(text, speaker):
    assert list(quote_rows(text)["speaker"]) == [speaker]


def test_a_document_put_out_by_the_subject():
    """nypost.com1: "Amazon released a separate statement saying, “...”" gave the speaker
    "statement"; the issuer speaks. A statement no one is said to issue stays the source."""
    q = quote_rows("Amazon released a separate statement saying, “It allows us to grow.”")
    assert list(q["speaker_canonical"]) == ["Amazon"]
    q = quote_rows("The ministry issued a statement saying the talks had failed.")
    assert list(q["speaker"]) == ["The ministry"]


# --- names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ('"We will act," Investor Advocate Rick Fleming said.', "Rick Fleming"),
        ('"We will act," Commissioner Rick Fleming said.', "Rick Fleming"),
        ('"We will act," said Public Advocate Letitia James.', "Letitia James"),
        ('"We will act," Republican Darrell Issa said.', "Darrell Issa"),
    ],
)
def test_an_office_or_party_before_a_name_is_not_the_name(text, canonical):
    assert list(quote_rows(text)["speaker_canonical"]) == [canonical]


@pytest.mark.parametrize(
    "text",
    [
        '"We will act," the California Republican said.',
        '"We will act," said the Texas Democrat.',
        '"We will act," the Republican said.',
    ],
)
def test_a_party_member_described_is_not_named(text):
    """ap_meta_refresh: "the California Republican said in a statement" was a resolved
    speaker; it describes one (speaker_resolved False), as "the architect" does."""
    assert list(quote_rows(text)["speaker_resolved"]) == [False]
    assert party_description("the California Republican")
    assert not party_description("Republican Darrell Issa")


def test_a_short_form_of_an_earlier_firm_is_that_firm():
    """bloomberg.com1: "Moody’s Analytics" then "the Moody’s report" gave two canonical names."""
    q = quote_rows(
        "The economy grew, according to Moody’s Analytics. Jobs rose, according to the Moody’s"
        " report."
    )
    assert list(q["speaker_canonical"]) == ["Moody’s Analytics", "Moody’s Analytics"]
    assert longer_name("Blair", ["Tony Blair"]) is None


def test_a_body_is_no_surname():
    """cnn_article: "the New York Police Department" read "Department" as a surname and gave
    "Pennsylvania Department" (an earlier name ending in it)."""
    q = quote_rows(
        "The Pennsylvania Department of Health said roads were open. "
        '"We will decide," Patrol Chief James Hall with the New York Police Department said.'
        ' "It looks good," he said.'
    )
    assert "Pennsylvania Department" not in set(q["speaker_canonical"].dropna())
    assert list(q["speaker"])[-2:] == ["Patrol Chief James Hall", "he"]
