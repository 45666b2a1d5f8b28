"""Session 28 QA: a codebook extending the shipped one keeps its English cues on other-language text."""

import warnings

import pandas as pd
import pytest

import corpus_tools as ct

GERMAN = [
    "Der Streit um das Budget war lang. Die Regierung und die Opposition haben sich nicht geeinigt.",
    "Es war ein Konflikt, der schon seit Jahren dauert. Die Minister sind nicht zufrieden mit dem Ergebnis.",
    "Die Wahl war knapp, und die Partei hat viele Stimmen verloren. Der Kanzler will nun reden.",
]
DE_FRAMES = {"frames": {"conflict": {"cues": ["streit*", "konflikt*"]}}}


def _german() -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": GERMAN}))


def _messages(corpus: ct.Corpus, codebook) -> tuple[list[str], pd.DataFrame, pd.DataFrame]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        hits = ct.frames(corpus, codebook=codebook)
        summary = ct.frame_summary(hits, corpus, codebook=codebook)
    return [str(w.message) for w in caught], hits, summary


def test_extended_shipped_codebook_warns_on_german_text_and_counts_it():
    cb = ct.load_codebook(extend=DE_FRAMES)
    assert cb.extends_shipped and not ct.load_codebook().extends_shipped
    msgs, hits, summary = _messages(_german(), cb)
    # German 'war' ('was') is an English security cue: chance hits beside the German ones
    assert hits.groupby("frame")["cue"].apply(sorted).to_dict() == {
        "conflict": ["konflikt*", "streit*"],
        "economic_consequences": ["budget*"],
        "political": ["minister*"],
        "security_defense": ["war", "war", "war"],
    }
    assert len(msgs) == 1
    assert "3 of 3 documents are in another language than English (de 3" in msgs[0]
    assert "(extended: its English cues stay)" in msgs[0]
    assert "load_codebook(path=your file), not extend=" in msgs[0]
    assert summary.attrs == {"other_language_docs": 3, "n_docs": 3}


def test_own_or_explicit_shipped_codebook_stays_silent(tmp_path):
    msgs, _, summary = _messages(_german(), ct.load_codebook())
    assert msgs == [] and summary.attrs == {}
    own = tmp_path / "de.yml"
    own.write_text(
        "meta: {name: de, version: 1}\n"
        "frames:\n  konflikt:\n    label: Konflikt\n    family: generic\n"
        "    definition: Streit.\n    questions: ['Streit?']\n    cues: [streit*, konflikt*]\n",
        encoding="utf-8",
    )
    msgs, hits, _ = _messages(_german(), ct.load_codebook(own))
    assert msgs == [] and hits["cue"].tolist() == ["streit*", "konflikt*"]


@pytest.mark.parametrize("codebook", [None, "extended"])
def test_describe_frames_says_the_shares_are_chance_matches(codebook):
    cb = ct.load_codebook(extend=DE_FRAMES) if codebook else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = ct.frame_summary(ct.frames(_german(), codebook=cb), _german(), codebook=cb)
    assert "3 of 3 documents are not in English" in ct.describe_frames(summary)
