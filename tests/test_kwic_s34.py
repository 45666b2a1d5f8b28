"""Session 34: kwic matches a term inside hyphen-joined words ('Hamas' in 'Israel-Hamas')."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct

_TEXTS = {
    "a": "TIMELINE-Men's Wearhouse bid. Men's Wearhouse-Jos. A. Bank deal. Men's Wearhouse rose.",
    "b": "Israel-Hamas war; Israel–Hamas; U.S.-Hamas talks; anti-Hamas; Hamas-led; Hamas said.",
    "c": "A US-led coalition met us. The e-mail said the x-ray was post-war.",
}


def _corpus() -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": list(_TEXTS), "text": list(_TEXTS.values())}))


def test_one_word_matches_every_joined_part_and_says_so() -> None:
    out = ct.kwic(_corpus(), "Hamas", window=1)
    text = _TEXTS["b"]
    got = [(text[s:e], j) for s, e, j in zip(out["start"], out["end"], out["joined"], strict=True)]
    # 'U.S.-Hamas' is three tokens (u.s. - hamas): a whole-token match
    flags = [True, True, False, True, True, False]
    assert got == [("Hamas", f) for f in flags]
    assert out["left"].tolist()[:2] == ["Israel-", "; Israel–"]
    assert out["right"].tolist()[4] == "-led;"


def test_phrase_begins_or_ends_in_a_joined_word() -> None:
    out = ct.kwic(_corpus(), "Men's Wearhouse", window=1)
    assert out["match"].tolist() == ["Men's Wearhouse"] * 3
    assert out["start"].tolist() == [9, 30, 65]
    assert out["joined"].tolist() == [True, True, False]
    assert out["left"].tolist()[0] == "TIMELINE-"
    assert out["right"].tolist()[1] == "-Jos."


def test_acronym_matches_a_joined_part_only_as_written_and_joined_false_turns_it_off() -> None:
    c = _corpus()
    out = ct.kwic(c, "US", window=0)
    assert out[["match", "joined"]].values.tolist() == [["US", True]]
    assert ct.kwic(c, "US", window=0, joined=False).empty
    assert ct.kwic(c, "war", window=0)["joined"].tolist() == [False, True]
    assert ct.kwic(c, "Hamas", joined=False)["joined"].tolist() == [False, False]


def test_a_phrase_never_has_a_joined_part_inside() -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": ["x"], "text": ["the foreign-ministry spokesman"]}))
    assert ct.kwic(c, "foreign ministry spokesman").empty
    assert ct.kwic(c, "ministry spokesman")["joined"].tolist() == [True]
