"""Speakers that are no named actor (QA stop 19): the writer's first person, generic
documents, possessive company names, and capitalisation that is no evidence of a name.

Texts are excerpts of real pages (codelucas/newspaper tests/data/html, MIT: adoption.com,
bloomberg.com) and real headlines; each assertion is the behaviour the QA finding expected."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.quotes.phrases import is_first_person, name_of

ADOPTION = (
    "First, the biggest mistake I often hear in adoption talk is \u201cgiving a baby up for "
    "adoption.\u201d I know this a common mistake. I\u2019ve said it too, and I\u2019m a birth "
    "mom AND an adoptee! In the adoption world, we use the term \u201cplace.\u201d\n\n"
    "\u201cBirth moms are just lazy.\u201d\n\nI know someone who used to have this notion about "
    "birth moms. He said he thought birth mother simply did not want the responsibility of "
    "taking care of a child.\n\n\u201cWhat if your son will be mad at you for choosing "
    "adoption?\u201d\n\nHe might be mad. I trust that they will tell him how much I loved him."
)

BLOOMBERG = (
    "The spotty regional recovery meshes with the Federal Open Market Committee\u2019s view "
    "there is \u201csignificant underutilization of labor resources,\u201d according to the "
    "statement after its September meeting.\n\n"
    "While the auto industry remains dominant in Michigan, \u201ceducation, tourism, green "
    "technologies\u201d and information technology \u201cwill become increasingly "
    "important,\u201d according to a Moody\u2019s Analytics\u2019 forecast in June.\n\n"
    "New Mexico\u2019s economy was slowed as reverberations from last year\u2019s federal "
    "government shutdown rippled through the state, according to a Moody\u2019s Analytics "
    "report in April."
)


def _quotes(text: str) -> pd.DataFrame:
    corpus = ct.load_corpus(pd.DataFrame({"doc_id": ["d"], "text": [text]}), progress=False)
    return ct.quotes(corpus)


@pytest.mark.parametrize("word", ["I", "I\u2019ve", "I'm", "I\u2019d", "We\u2019re", "we", "I'll"])
def test_first_person_words_are_the_writer(word: str) -> None:
    assert is_first_person(word)
    assert name_of(word)[1] == "pronoun"


@pytest.mark.parametrize("word", ["Ive", "Iran", "West", "Wes", "It's"])
def test_other_words_are_not_first_person(word: str) -> None:
    assert not is_first_person(word)


def test_first_person_speaker_is_unresolved_and_never_recalled() -> None:
    q = _quotes(ADOPTION)
    mine = q[q.speaker == "I\u2019ve"]
    # "I've said it too, and I'm a birth mom": "it" is the object, no reported clause, so no
    # row (session 31; the row was the writer's, unresolved, with the words "it too, and ...")
    assert mine.empty
    assert not q["quote"].str.startswith("it too").any()
    canon = set(q.speaker_canonical.dropna())
    assert not any(is_first_person(c) for c in canon)
    # "He said ...", "they will tell": pronouns never resolve to the writer
    assert set(q[q.speaker.isin(["He", "he", "they"])].speaker_canonical.dropna()) == set()


def test_document_noun_is_a_generic_source() -> None:
    q = _quotes(BLOOMBERG)
    row = q[q.quote.str.contains("underutilization")].iloc[0]
    assert (row.speaker, row.speaker_canonical, row.source) == (
        "the statement",
        "statement",
        "statement",
    )
    assert not row.speaker_resolved


def test_possessive_company_name_is_kept_whole() -> None:
    q = _quotes(BLOOMBERG)
    fc = q[q.quote.str.contains("increasingly important")].iloc[0]
    assert (fc.speaker_canonical, fc.source, fc.cue) == (
        "Moody\u2019s Analytics",
        "Moody\u2019s Analytics",
        "according to",
    )
    # "according to a Moody's Analytics report in April": "report" is the phrase's noun,
    # not a verb whose subject is "according"
    nm = q[q.quote.str.startswith("New Mexico")]
    assert nm[["speaker", "speaker_canonical", "cue"]].values.tolist() == [
        ["a Moody\u2019s Analytics report", "Moody\u2019s Analytics", "according to"]
    ]
    assert "according" not in set(q.speaker_canonical.dropna())


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("a Moody\u2019s Analytics", "Moody\u2019s Analytics"),
        ("McDonald's Corp", "McDonald's"),
        ("One Direction's Louis Tomlinson", "Louis Tomlinson"),
    ],
)
def test_possessive_opens_a_company_name_only(phrase: str, name: str) -> None:
    assert name_of(phrase)[0] == name


# QA S19-H8-5: in an all-caps (or Title Case) headline capitalisation is no evidence of a name
# (real headlines of the fwd/news QA corpus, 2021).
INTERCEPT = (
    "Bipartisan Bill Seeks to Stop Warrantless Car Spying by Police: Federal authorities can "
    "extract photos, texts, and other sensitive data from automotive computers, The Intercept "
    "previously revealed."
)


def _speakers(text: str) -> list[str | None]:
    return _quotes(text).speaker.tolist()


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        (
            "HIGH SCHOOL STUDENTS CLAP BACK AT SCHOOL BOARD PROTESTORS CLAIMING BOOK "
            "\u201cTEACHES KIDS HOW TO BE GAY\u201d",
            ["SCHOOL BOARD PROTESTORS"],
        ),
        ("POLL: 46 PERCENT SAY BIDEN HAS DONE LESS THAN EXPECTED SINCE ENTERING OFFICE", []),
        (INTERCEPT.upper(), ["THE INTERCEPT"]),
        (INTERCEPT, ["The Intercept"]),
        (
            "CDC PANEL UNANIMOUSLY ENDORSES PFIZER AND MODERNA BOOSTERS FOR ALL U.S. ADULTS",
            ["CDC PANEL"],
        ),
        (
            "IN MARATHON SPEECH, KEVIN MCCARTHY MAKES DUBIOUS CLAIMS ABOUT BUILD BACK BETTER BILL",
            [],
        ),
        # no speaker from "WON'T ADMIT"; the role after the dash speaks (stop 20: dash claims)
        (
            "GERMANY WON'T ADMIT REFUGEES FROM BELARUS-POLISH BORDER \u2014 INTERIOR MINISTER",
            ["INTERIOR MINISTER"],
        ),
        (
            "House Dems Issue Memo Claiming Republicans Are 'Too Dangerous for American Families'",
            ["House Dems"],
        ),
        (
            "Mike Lindell Finally Reveals His Supreme Court Complaint, And Critics Have Notes",
            ["Mike Lindell"],
        ),
    ],
)
def test_caps_and_title_case_speakers_stop_at_non_names(headline: str, speakers: list[str]) -> None:
    assert {s for s in _speakers(headline) if s is not None} == set(speakers)


@pytest.mark.parametrize(
    "headline",
    [
        "WHO says fully vaccinated should wear masks and physically distance as Covid infections surge",
        "COVID: WHO SAYS IT IS VERY WORRIED ABOUT EUROPE SURGE",
        "WHO WARNS NEW COVID VARIANT FOUND IN SOUTH AFRICA IS A VARIANT OF CONCERN",
    ],
)
def test_an_acronym_that_is_also_a_function_word_still_speaks(headline: str) -> None:
    assert "WHO" in _speakers(headline)


def test_indefinite_pronoun_is_no_named_speaker() -> None:
    text = (
        "\u201cYou know your birth mom didn\u2019t love you.\u201d\n\nSomeone once said this too "
        "me. It was someone who did not know me but knew I was adopted."
    )
    q = _quotes(text)
    assert q.speaker_canonical.isna().all() and not q.speaker_resolved.any()
    # "said this too me" has no reported clause (session 31: "this" an object); with one:
    q = _quotes("Someone once said that I was never loved. It was someone who did not know me.")
    assert "Someone" in q.speaker.tolist()
    assert q.speaker_canonical.isna().all() and not q.speaker_resolved.any()


def test_home_town_between_name_and_description_is_no_speaker() -> None:
    text = (
        "Eddie Foreman, 40, of Opelika, Alabama, who has a part-time job at a fast-food "
        "restaurant, said better-paying and permanent industrial positions aren\u2019t coming back."
    )
    q = _quotes(text)
    assert q[["speaker", "speaker_canonical"]].values.tolist() == [
        ["Eddie Foreman", "Eddie Foreman"]
    ]


def test_month_after_a_preposition_is_no_speaker() -> None:
    text = (
        "A paper in Nature in October argued that we should instead measure various "
        "\u201cvital signs,\u201d like looking at the ocean."
    )
    assert set(_quotes(text).speaker_canonical) == {"Nature"}
    assert _speakers("Theresa May said on Monday the deal was done.") == ["Theresa May"]


def test_date_before_the_cue_leaves_the_whole_actor_name() -> None:
    text = (
        "The World Health Organization on Monday said the number of people infected by Ebola "
        "has passed 20,000."
    )
    assert set(_quotes(text).speaker_canonical) == {"World Health Organization"}
    assert name_of("The World Health Organization")[0] == "World Health Organization"
