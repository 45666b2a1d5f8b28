"""Cue words inside organisation and outlet names are not frame cues (session 25 QA:
'Qaiwan International University' led the frames sentence of a university-news corpus)."""

import pandas as pd

import corpus_tools as ct
from corpus_tools.framing import doc_frames


def _cues(text: str, **kw) -> list[tuple[str, str]]:
    return [(r[2], text[r[4] : r[5]]) for r in doc_frames(text, [(0, 0, 0, len(text))], **kw)]


def test_a_cue_inside_an_organisation_name_is_not_a_cue():
    text = "Qaiwan International University hosted an international conference."
    assert _cues(text) == [("external_regulation_reputation", "international")]
    text = "The Justice Department and the Department of Justice opened a probe."
    assert [f for f, _ in _cues(text)] == []
    text = "President of Sulaimani Polytechnic University met the president of Iraq."
    assert _cues(text) == [("political", "president")]


def test_the_head_word_and_multi_word_cues_inside_a_name_still_count():
    text = "Doctors at the Children's Hospital treated the patients."
    assert _cues(text) == [("health_safety", "Hospital")]
    text = "The Human Rights Foundation published its report on the case today."
    assert _cues(text) == [("legality", "Human Rights"), ("morality", "Human Rights")]


def test_title_case_sentences_keep_their_cues():
    # every word capitalised: capitals mark no name, the cue counts
    assert _cues("American Airlines Cuts Ties With JetBlue") == [("political", "Ties")]
    assert _cues("Stock Market News For March") == [("economic_consequences", "Market")]


def test_the_documents_own_outlet_name_is_not_a_cue():
    text = "Global Voice reported on a global trend in the talks."
    assert _cues(text, names=["Global Voice"]) == [
        ("external_regulation_reputation", "global"),
        ("political", "talks"),
    ]
    assert _cues(text)[0] == ("external_regulation_reputation", "Global")
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "outlet": ["Global Voice", "Other Daily"],
            "text": [text, "Global Voice said the talks failed."],
        }
    )
    hits = ct.frames(ct.Corpus(docs))
    got = [
        (d, text[s:e])
        for d, s, e in zip(hits.doc_id, hits.start, hits.end, strict=True)
        if d == "a"
    ]
    assert got == [("a", "global"), ("a", "talks")]
    # another outlet's name is read like any words: no head word, so its cue counts
    assert hits[hits.doc_id == "b"]["cue"].tolist() == ["global", "talks"]


def test_a_codebook_of_your_own_sets_or_inherits_the_name_heads(tmp_path):
    book = tmp_path / "book.yml"
    frame = "frames:\n  world:\n    label: World\n    cues: [international*]\n"
    book.write_text(frame, encoding="utf-8")
    text = "Qaiwan International University grew."
    assert _cues(text, codebook=str(book)) == []  # the shipped name heads
    own = tmp_path / "own.yml"
    own.write_text(frame + "name_heads: []\n", encoding="utf-8")
    assert _cues(text, codebook=str(own)) == [("world", "International")]
