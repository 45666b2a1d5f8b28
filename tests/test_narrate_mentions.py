"""why_no_mentions: the short reason a corpus has no actor mention, from the report header's rows."""

from pathlib import Path

import pandas as pd

import corpus_tools as ct
from corpus_tools.report import case_note, language_note

LOWER = "bush and kohl hold first meeting since the war"  # names the gazetteer lacks (chirac is one now)
GERMAN = (
    "Die Regierung hat am Montag in Berlin über die neuen Regeln für die Schulen beraten "
    "und entschieden."
)


def _corpus(text: str, n: int = 3) -> ct.Corpus:
    return ct.load_corpus(pd.DataFrame({"text": [text] * n}))


def test_lower_case_corpus_says_the_letter_case():
    c = _corpus(LOWER)
    mentions = ct.actor_mentions(c)
    assert len(mentions) == 0
    why = ct.why_no_mentions(c, mentions)
    assert why == (
        "Why no actor is found: the text is in lower case (3 of 3 documents have no capital "
        "letter), and names are found by their capitals."
    )
    assert len(why) < len(case_note(c)) / 2  # the finding, not the header row again (290)
    assert language_note(c) == ""  # English: no language sentence


def test_german_corpus_says_the_language():
    c = _corpus(GERMAN)
    mentions = ct.actor_mentions(c)
    assert len(mentions) == 0 and case_note(c) == ""
    assert ct.why_no_mentions(c, mentions) == (
        "Why no actor is found: the language is German (de), and the actor names are English."
    )


def test_lower_case_german_gives_both_reasons_in_one_line():
    c = _corpus(GERMAN.lower())
    mentions = ct.actor_mentions(c)
    assert len(mentions) == 0
    assert ct.why_no_mentions(c, mentions) == (
        "Why no actor is found: the text is in lower case (3 of 3 documents have no capital "
        "letter), and names are found by their capitals; the language is German (de), and the "
        "actor names are English."
    )


def test_empty_when_there_are_mentions_or_no_reason():
    c = _corpus(LOWER.capitalize() + " in Iraq.")
    mentions = ct.actor_mentions(c)
    assert len(mentions) == 3  # Iraq in each document
    assert ct.why_no_mentions(c, mentions) == ""
    plain = _corpus("Grain prices rose on Monday in the market town.")
    assert ct.why_no_mentions(plain, ct.actor_mentions(plain)) == ""  # English, cased


def test_seeds_have_mentions_and_no_reason():
    c = ct.load_corpus(Path(__file__).resolve().parents[1] / "seeds")
    mentions = ct.actor_mentions(c)
    assert len(mentions) > 100
    assert ct.why_no_mentions(c, mentions) == ""


def test_few_mentions_in_another_language_say_why_with_the_count():
    # 686 Arabic articles gave 4 mentions (Latin-script names) and no word on why
    arabic = "قال الرئيس إن الحكومة ستعمل مع جميع الأطراف لإنهاء العنف في البلاد"
    texts = [arabic + " France." if i == 0 else arabic for i in range(20)]
    c = ct.load_corpus(pd.DataFrame({"text": texts}))
    mentions = ct.actor_mentions(c)
    assert len(mentions) == 1
    assert ct.why_no_mentions(c, mentions) == (
        "Why so few actors are found (1 mention in 20 documents): the language is Arabic (ar), "
        "and the actor names are English."
    )
    assert ct.why_no_mentions(c.subset(c.doc_ids[:5]), mentions) == ""  # 1 in 5: not few
