"""frames.yml v4: word cues that took other words (BASIL political news, session 27).

"invest*" read every "investigation" as economic consequences (248 of BASIL's 6,070 frame
hits), "famil*" took "familiar", "court*" "courteous", "crime*" "Crimea", "bomb*"
"bombshell", "moral*" "morale", "hospital*" "hospitality".
"""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def _hits(text: str) -> list[list[object]]:
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    return ct.frames(c)[["frame", "cue", "start", "end"]].values.tolist()


def test_look_alike_words_are_no_cues() -> None:
    text = (
        "Investigators said the investigation was a bombshell. Officials familiar with "
        "it were courteous. Morale in Crimea rose. The hospitality industry waited."
    )
    # only 'investigat*' (legality) is left: the look-alikes of other cues give no hit
    assert _hits(text) == [
        ["legality", "investigat*", 0, 13],
        ["legality", "investigat*", 23, 36],
    ]


def test_the_cue_words_still_count() -> None:
    text = (
        "Investors fled the court. Families mourned the bombing. "
        "The crimes were a moral failure, and the hospital was full."
    )
    got = {(f, cue, text[s:e]) for f, cue, s, e in _hits(text)}
    assert {
        ("economic_consequences", "investor*", "Investors"),
        ("legality", "court", "court"),
        ("human_interest", "families", "Families"),
        ("security_defense", "bombing*", "bombing"),
        ("legality", "crimes", "crimes"),
        ("morality", "moral", "moral"),
        ("health_safety", "hospital", "hospital"),
    } <= got
