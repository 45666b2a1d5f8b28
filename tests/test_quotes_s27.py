"""Quotes, session 27: each document's language from the corpus' one shared guess
(languages.other_language_rows), documents in another language read without English cues,
and the open speaker errors of session 26 (note26, qa_findings).

Texts are real headlines and sentences: FakeDeS (Spanish, CC BY 4.0), the NewsDataHub
cybersecurity descriptions, MIND 2019 and BBC News business headlines 2022-24, cut to the
sentence that matters.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import languages


def _rows(texts: dict[str, str]) -> pd.DataFrame:
    docs = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)
        return ct.quotes(ct.Corpus(docs))


# An interview of the FakeDeS corpus: 'Respuesta:' read as a speaker by the English rules.
SPANISH = (
    "El líder del PP en Galicia afirma que una gran coalición como en Alemania tampoco sería "
    'mala. ¿Qué responde?\n\nRespuesta: "Que casualmente el PP habla de una gran coalición '
    'solo cuando la primera fuerza es el partido socialista".\n\nPregunta: ¿Alguna vez ha '
    'pensado en una gran coalición con el PP?\n\nRespuesta: "No. ¿Sabe por qué Pasok, el '
    "partido socialista griego, casi ha desaparecido? Porque formó la gran coalición con la "
    'derecha".'
)
HEBREW = 'השר אמר ביום שני: "אנחנו נמשיך בשיחות בברלין בשבוע הבא", ואחר כך עזב את הישיבה.'


def test_rows_of_a_language_without_a_stopword_list_are_kept_and_counted() -> None:
    q = _rows({"he": HEBREW, "en": '"We will act," the minister said.'})
    assert q.attrs["other_language_rows"] == {"he": 1}
    he = q[q["doc_id"] == "he"]
    assert he["quote"].tolist() == ['"אנחנו נמשיך בשיחות בברלין בשבוע הבא"']
    assert he["speaker"].isna().all() and he["cue"].isna().all()
    assert q.loc[q["doc_id"] == "en", "speaker"].tolist() == ["the minister"]


def test_documents_in_another_language_get_no_speaker_from_english_rules() -> None:
    q = _rows({"es": SPANISH})
    assert q.attrs["other_language_rows"] == {"es": 2}
    # was speaker 'Respuesta' (cue_adjacent, colon) on both rows
    assert q["speaker"].isna().all() and q["source"].isna().all()
    assert (q["speaker_method"] == "none").all() and not q["direct"].eq(False).any()
    assert q["kind"].tolist() == ["quote", "quote"]


def test_quotes_use_the_corpus_language_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": ["es", "he"], "text": [SPANISH, HEBREW]}))
    assert languages.own_language_rows(c, "en") == {"es": [0]}  # as numbers() asks

    def no_second_guess(*_: object) -> None:
        raise AssertionError("guessed again")

    monkeypatch.setattr(languages, "_guess", no_second_guess)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)
        q = ct.quotes(c)
    assert q.attrs["other_language_rows"] == {"es": 2, "he": 1}


def test_a_scare_quote_in_another_language_is_scare() -> None:
    q = ct.doc_quotes(
        "Der Minister nannte die Lage „sehr ernst“ und sagte, die Gespräche gehen weiter.",
        [(0, 0, 0, 82)],
        attribute=False,
    )
    assert [(r["quote"], r["kind"], r["speaker"]) for r in q] == [("„sehr ernst“", "scare", None)]


def _first(text: str) -> pd.Series:
    q = _rows({"a": text})
    assert len(q) >= 1, text
    return q.iloc[0]


def test_a_body_named_x_for_y_keeps_its_whole_name() -> None:
    # NewsDataHub cybersecurity descriptions: was 'Cyber Security' (cut at 'for' / 'of')
    r = _first(
        "The Canadian Centre for Cyber Security's latest outlook report says the ransomware "
        "threat in Canada continues to increase."
    )
    assert (r["speaker_canonical"], r["source"]) == (
        "Canadian Centre for Cyber Security",
        "Canadian Centre for Cyber Security",
    )
    r = _first(
        "The National Directorate of Cyber Security (DNSC) confirmed that the incident "
        "compromised equipment ranging from individual workstations to central servers."
    )
    assert r["speaker"] == "The National Directorate of Cyber Security"


def test_an_initialism_with_full_stops_is_one_word() -> None:
    # Reuters-21578: the source was 'U S Embassy' (tokens joined without their dots)
    r = _first(
        "Indonesia's wheat imports are expected to fall to 1.5 mln tonnes in calendar 1987 "
        "from 1.69 mln in 1986, the U.S. Embassy's annual agriculture report said."
    )
    assert r["speaker"] == "the U.S. Embassy's annual agriculture report"
    assert (r["speaker_canonical"], r["source"]) == ("United States", "United States")
    assert r["source_text"] == r["speaker"]


def test_a_body_whose_name_ends_in_survey_is_no_document() -> None:
    # fwd headlines: the source was 'US Geological' ('Survey' read as a document)
    r = _first("Yellowstone River flooding is a 1 in 500-year event, US Geological Survey says")
    assert (r["speaker"], r["source"]) == ("US Geological Survey", None)
    # a survey that is a document still is one
    r = _first("Prices will rise next year, a new survey says")
    assert r["source"] == "survey"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an addressee and its topic after an inverted cue are no speaker (NewsDataHub; was
        # 'Customers Of Data Breach')
        ("British Retailer Harrods Hit By Cyberattack, Warns Customers Of Data Breach", None),
        # BBC News business headlines 2022-24 (dev half): was none
        ("Teachers and nurses dragged into higher taxes, warns think tank", "think tank"),
        ("Wilko staff have grounds for hope, says GMB union as bidders circle", "GMB union"),
        # a left speaker after a comma with a clause after it (MIND 2019): was none
        (
            "It's too cold inside Dauphin County Prison, inmates say, but officials disagree",
            "inmates",
        ),
        # a plural person noun before a sentence-final cue (MIND 2019): was none
        (
            "Green lasers aimed at flights landing at Boston Logan Airport, commercial flight "
            "crews report",
            "commercial flight crews",
        ),
        # a page title's site after a pipe; an agent noun after the claim's colon (MIND 2019)
        ("Brace For More Snowfall This Winter: Local Forecaster | Patch PM", "Local Forecaster"),
        # a headline passive with 'not': the addressee (BBC dev): was 'Passengers'
        ("Passengers told not to travel by train during rail strikes", None),
        # a feature's place after the colon (BBC dev): was 'Forest City'
        ("Forest City: Inside Malaysia's Chinese-built 'ghost city'", None),
    ],
)
def test_headline_speakers_of_session_26s_open_errors(text: str, speaker: str | None) -> None:
    q = _rows({"a": text})
    got = [s for s in q["speaker"] if isinstance(s, str)]
    assert got == ([] if speaker is None else [speaker] * len(got)) and (speaker is None or got)


def test_a_second_inverted_says_keeps_the_first_speaker() -> None:
    # MIND 2019: the second 'says' was given "Turkey's" (the subject of its clause)
    q = _rows(
        {
            "a": "Trump says longtime allies the Kurds are 'not angels,' says Turkey's "
            "invasion of Syria 'not our problem'"
        }
    )
    assert set(q["speaker_canonical"]) == {"Donald Trump"}
    assert "Turkey's" not in set(q["speaker"])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # fwd/news headlines: a lone surname after the last dash closes the claim (was none)
        (
            "NATO to massively increase high-readiness forces to 300,000 - Stoltenberg",
            "Stoltenberg",
        ),
        ("Russia will use nuclear weapons if its sovereignty is threatened - Putin", "Putin"),
        # a site's name with a capital inside, a common word, a place: no speaker
        ("Google will reimburse developers $90M over Play Store earnings - TechCrunch", None),
        ("Floods hit the north of the country - Analysis", None),
        ("Prices of wheat and maize keep rising fast - Ukraine", None),
    ],
)
def test_a_lone_surname_after_a_dash_speaks(text: str, speaker: str | None) -> None:
    q = _rows({"a": text})
    assert [s for s in q["speaker"] if isinstance(s, str)] == ([speaker] if speaker else [])
