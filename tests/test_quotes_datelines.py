"""Wire datelines and sentence-opening adverbs are never part of a speaker (QA S20-H6-6).

Texts written as AP, Reuters and TASS print them: a dateline (``NEW YORK (AP) —``) says
where the story came from, and a sentence adverb or time word (``Afterwards``, ``On
Monday``) opens the sentence before the name."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.quotes.speakers import dateline_end


def _rows(*texts: str) -> pd.DataFrame:
    corpus = ct.load_corpus(pd.DataFrame({"text": list(texts)}))
    return ct.quotes(corpus)


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("NEW YORK (AP) \u2014 A jury acquitted Daniel Penny.", "A jury acquitted Daniel Penny."),
        ("LONDON (Reuters) - Prices will rise.", "Prices will rise."),
        ("BATON ROUGE, La. (AP) \u2014 The governor spoke.", "The governor spoke."),
        ("PARIS, March 3 (Reuters) - Macron said so.", "Macron said so."),
        ("BEIJING, Oct 3 (Reuters) - China said so.", "China said so."),
        ("BERLIN, Jan. 5, 2024 (dpa) - Die Regierung", "Die Regierung"),
        ("KYIV, Ukraine (AP) \u2014 Russian drones hit.", "Russian drones hit."),
        ("MOSCOW, October 19. /TASS/. The ministry said.", "The ministry said."),
        ("S\u00c3O PAULO (AP) \u2014 O presidente", "O presidente"),
        # not datelines: a bracketed expansion, a party label, a name and a colon
        ("NATO (North Atlantic Treaty Organization) said", None),
        ("UN (AP) said it would help.", None),
        ("SANDERS (I-VT): We must act.", None),
        ("Angela Merkel said so.", None),
        ("MIAMI (AP) \u2014", None),  # nothing after it: left alone
    ],
)
def test_dateline_end(line: str, rest: str | None) -> None:
    assert line[dateline_end(line, 0, len(line)) :] == (rest if rest is not None else line)


def test_bare_place_and_dash_is_a_dateline_only_after_the_first_sentence() -> None:
    line = "WASHINGTON \u2014 The president said so."
    assert line[dateline_end(line, 0, len(line)) :] == "The president said so."
    assert dateline_end(line, 0, len(line), first=True) == 0  # a headline: "TRUMP — ..."


def test_dateline_is_not_the_speaker_of_an_inverted_cue() -> None:
    q = _rows("Biden rallies voters\n\nWASHINGTON (AP) \u2014 Says Biden: \u201cWe will win.\u201d")
    row = q[q["quote"] == "\u201cWe will win.\u201d"].iloc[0]
    assert row["speaker_canonical"] == "Joe Biden"
    assert "WASHINGTON" not in str(row["speaker"])


def test_pronoun_is_not_resolved_to_the_dateline_place() -> None:
    q = _rows(
        "Penny acquitted\n\nNEW YORK (AP) \u2014 A jury on Monday acquitted Daniel Penny. "
        "\u201cI am relieved,\u201d he told reporters."
    )
    row = q[q["quote"] == "\u201cI am relieved,\u201d"].iloc[0]
    assert row["speaker"] == "he"
    assert row["speaker_canonical"] != "NEW YORK"


def test_indirect_content_starts_after_the_dateline() -> None:
    q = _rows("Arrest\n\nNEW YORK (AP) \u2014 A man was arrested, police said Tuesday.")
    assert q["quote"].tolist() == ["A man was arrested"]
    assert q["speaker"].tolist() == ["police"]


def test_dateline_keeps_the_named_speaker_and_offsets() -> None:
    text = "Rates\n\nLONDON (Reuters) - \u201cWe will do what is needed,\u201d Bailey said."
    q = _rows(text)
    assert q["speaker"].tolist() == ["Bailey"]
    a, b = int(q["speaker_start"].iloc[0]), int(q["speaker_end"].iloc[0])
    assert text[a:b] == "Bailey"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Afterwards Penny said: "It was the best day of my life."', "Penny"),
        ("Afterwards Penny said it was the best day of her life.", "Penny"),
        ('"It was great," Afterwards Penny said.', "Penny"),
        ('On Monday Angela Merkel said: "We can do this."', "Angela Merkel"),
        ('In March Angela Merkel said: "We can do this."', "Angela Merkel"),
        ('Now Boris Johnson says the plan "will work".', "Boris Johnson"),
        ('Finally Smith said "no".', "Smith"),
        ('Tonight President Macron will say "non".', "President Macron"),
        ('Because Jones said "no", the deal died.', "Jones"),
        # a month that is a name stays one
        ('In May Theresa May said "no".', "Theresa May"),
    ],
)
def test_sentence_opening_adverb_is_not_part_of_the_name(sentence: str, speaker: str) -> None:
    q = _rows(f"Title\n\nHe left. {sentence}")
    assert q["speaker"].iloc[0] == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Business software maker PeopleSoft Friday said it was raising pay.", "PeopleSoft"),
        (
            "State and local officials Tuesday said nine people have died.",
            "State and local officials",
        ),
        ("Nine people have died, the players' union said Monday.", "the players' union"),
    ],
)
def test_weekday_after_the_speaker_is_not_the_speaker(sentence: str, speaker: str) -> None:
    q = _rows(f"Title\n\n{sentence}")
    assert q["speaker"].tolist() == [speaker]
