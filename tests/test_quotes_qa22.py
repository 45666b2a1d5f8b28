"""Speakers of session 22's QA items and of the wrong-speaker shapes of a real headline sample.

QA S21-H5: a colon after a listed agency is a dateline (``NEW DELHI (PTI):``), other brackets
and a colon are a transcript label; a title heads a description after a quote (``the mayor
vowed``); a bare plural speaks after an inverted cue (``say economists``)."""

from __future__ import annotations

import pandas as pd
import pytest
from _quote_sets import quote_rows

from corpus_tools.quotes.speakers import dateline_end


def _speakers(text: str) -> list[str | None]:
    q = quote_rows(text)
    return [None if pd.isna(s) else s for s in q["speaker"]]


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("NEW DELHI (PTI): The court said so.", "The court said so."),
        ("MUMBAI (IANS) : Says Singh: we will grow.", "Says Singh: we will grow."),
        ("LAHORE, Pakistan (AP): Police said so.", "Police said so."),
        ("SANDERS (I-VT): We need to act.", None),  # a transcript label
        ("WARREN (D-MA): I agree.", None),
        ("NASA (the agency): It said so.", None),
    ],
)
def test_agency_colon_dateline(line: str, rest: str | None) -> None:
    for first in (True, False):
        end = dateline_end(line, 0, len(line), first=first)
        assert line[end:] == (rest if rest is not None else line)


def test_agency_colon_dateline_is_no_speaker() -> None:
    q = quote_rows(
        'MUMBAI (IANS): Says Singh: "We will grow."',
        'Budget cut. NEW DELHI (PTI): "We will cut taxes," he said.',
    )
    assert q.loc[q.doc_id == "d0", "speaker"].tolist() == ["Singh"]
    assert q.loc[q.doc_id == "d1", "speaker_canonical"].isna().all()  # not India (the dateline)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Officials met. "We will rebuild this city," the mayor vowed.', "the mayor"),
        ('Officials met. "We will rebuild," the mayor said.', "the mayor"),
        ('"It is a scandal," the governor told reporters.', "the governor"),
        ('Prices rose. "Inflation is coming back," say economists.', "economists"),
        ('Prices rose. "Rates will rise," say economists at the bank.', "economists"),
        ('Prices rose. "Rates will rise," economists say.', "economists"),
        ('"Fine," said local officials in Kabul.', "local officials"),
        ('"Fine," said investors.', "investors"),
    ],
)
def test_description_and_bare_plural_speakers(text: str, speaker: str) -> None:
    assert _speakers(text)[-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        '"Rates will rise," say prices.',  # no speaking noun
        '"Rates will rise," said business.',
    ],
)
def test_no_bare_speaker_without_a_speaking_noun(text: str) -> None:
    assert _speakers(text) == [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # QA S21-H5 item 1: the head of the subject, not its first capital
        (
            "Prices up.\n\nAP - Consumer prices barely budged in August, suggesting that inflation is low.",
            None,
        ),
        (
            "Gymnasts.\n\nATHENS -- Four years ago in Sydney, after the US gymnasts had gone medal-free, "
            "federation president Bob Colarossi was sitting at a table, explaining that the turnaround had begun.",
            None,  # not "Four" (Bob Colarossi would be right: that subject is not found)
        ),
        (
            "Hershey up.\n\nCHICAGO (Reuters) - Chocolate maker Hershey Foods Corp. on Thursday posted a profit "
            "and said it will sell cookies.",
            "Chocolate maker Hershey Foods Corp",
        ),
        (
            "Profit.\n\nSoftware giant Microsoft posted a profit and said sales would rise.",
            "Software giant Microsoft",
        ),
        ("Plan.\n\nConsumer groups met on Monday and said the plan will fail.", "Consumer groups"),
        ("Plan.\n\nExperts raise questions and warn that the plan will fail.", "Experts"),
        ("Talks.\n\nObama met Putin and said talks went well.", "Obama"),
    ],
)
def test_subject_head_of_a_coordinated_cue(text: str, speaker: str | None) -> None:
    assert _speakers(text) == [speaker]


# Wrong-speaker shapes of a random sample of 100 real headline attributions (session 22):
# modals, things as Title Case subjects, "Said to" passives, thing objects of recall/add.
@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        ("23 Things You Should Never Say To Short Women", []),
        ("The 17 Worst Things You Could Say To Someone From Chicago", []),
        ("This One Question Will Tell You If You Are A Good Driver Or Not", []),
        ("These Questions Will Tell Us When You Lost Your Virginity", []),
        ("This Quiz Will Tell You How You Communicate", []),
        ("These Portraits Reveal The Brutal Beauty Of Dance", []),
        ("What Does Your Zodiac Sign Say About Your Love Life", []),
        ("What Your Favourite MAC Lipstick Says About You", []),
        # a question reports no speech (session 23: "Can We Tell If ..." gave "We")
        ("What Does Your Mom Say About Your Plans", []),
        ("A Former Model Told Us How She Stays Healthy", ["A Former Model"]),
        ("This Dad Wrote A Check To His Kid's School Using Common Core Math", ["This Dad"]),
        (
            "These Black LGBT People Reveal What Happened When They Came Out",
            ["These Black LGBT People"],
        ),
        ("Here's How To Do Therapy On Yourself, According To A Therapist", ["A Therapist"]),
        ("Sri Lanka Attack Said to Kill Dozens", []),
        ("Somali Group Said to Hold 2 Frenchmen", []),
        ("Yahoo and Microsoft Said to Be Weighing Ad Pact", []),
        ("Dogs said to smell cancer signs", []),
        ("Lexmark recalls 40,000 printers", []),
        ("Turkey recalls ambassador to Sweden over genocide vote", []),
        ("IBM adds midrange server to eServer lineup", []),
        ("Adobe Adds Yahoo Search Bar to Acrobat", []),
        ("With Sanchez, Jets Add Some Charisma", []),
        ('Gwen Stefani Adds Fire To Those Dating Rumors: "He\'s Hot"', ["Gwen Stefani"]),
        ("Drought Adds to Hardships in California", []),
        ("Cuomo Says Merrill Deceived Congress on Bonuses", ["Cuomo"]),
        ("Obama Will Say Troops Are Coming Home", ["Obama"]),
        ("Theresa May said the deal was done", ["Theresa May"]),
        # calling a meeting is an act, not speech (session 23, data act_verbs/act_objects)
        ("WHO CALLS SPECIAL MEETING TO DISCUSS NEW COVID VARIANT", []),
        ("WHO WARNS OF SPECIAL RISK FROM NEW COVID VARIANT", ["WHO"]),
        (
            "FEDERAL AUTHORITIES CAN EXTRACT DATA, THE INTERCEPT PREVIOUSLY REVEALED.",
            ["THE INTERCEPT"],
        ),
    ],
)
def test_headline_speaker_shapes(headline: str, speakers: list[str]) -> None:
    assert {s for s in _speakers(headline) if s is not None} == set(speakers)


def test_said_to_in_running_text_stays_active() -> None:
    text = "SQL Server is late. Since early this year Microsoft said to expect the product in 2005."
    assert _speakers(text) == ["Microsoft"]


def test_call_with_a_predicate_stays_speech() -> None:
    q = quote_rows("Hackers call Mt. Gox CEO a liar, say he still controls 'stolen' bitcoin")
    assert "Hackers" in q["speaker"].tolist()
