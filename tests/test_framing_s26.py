"""Session 26: a security body's name keeps its security cue (frames.yml `in_names`), and a
possessive ends an organisation name ("President Trump's Justice Department" keeps
"President"; `name_possessors`)."""

import pytest

from corpus_tools.errors import DataFileError
from corpus_tools.framing import doc_frames


def _cues(text: str, **kw) -> list[tuple[str, str]]:
    return [(r[2], text[r[4] : r[5]]) for r in doc_frames(text, [(0, 0, 0, len(text))], **kw)]


def test_a_security_bodys_name_keeps_its_security_cue():
    # real_en (AG + HuffPost): 20 such hits were dropped by the name rule of session 25
    text = (
        "The Defense Department said the Ministry of Defence and the Department of "
        "Homeland Security would meet."
    )
    assert _cues(text) == [
        ("security_defense", "Defense"),
        ("security_defense", "Defence"),
        ("security_defense", "Security"),
    ]
    # other cues inside names still do not count
    assert _cues("The Justice Department and Qaiwan International University opened a probe.") == []


def test_a_possessive_ends_the_name_before_it():
    text = "President Trump's Justice Department opened a probe into the aides."
    assert _cues(text) == [("political", "President")]
    # the words after the possessive are no name of their own: the run stays one name
    for text in (
        "She heads the Fundamental Dental and Medical Science's Department in the city.",
        "It was launched by the University's International Relations Office to help them.",
        "He chairs the President Mam Jalal Talabani's Foundation and Dr. Amanj Abdul works there.",
    ):
        assert _cues(text) == [], text


def test_plural_owners_listed_in_name_possessors_stay_inside_the_name(tmp_path):
    text = "The Children's Medical Foundation opened a hospital in the region."
    assert _cues(text) == [("health_safety", "hospital")]
    book = tmp_path / "book.yml"
    book.write_text(
        "frames:\n  care:\n    label: Care\n    cues: [child*, medical, hospital*]\n"
        "name_possessors: []\n",
        encoding="utf-8",
    )
    # no listed owner: the possessive ends the name, "Medical Foundation" is the name
    assert _cues(text, codebook=str(book)) == [("care", "Children"), ("care", "hospital")]


def test_a_codebook_of_your_own_sets_its_in_names(tmp_path):
    frame = "frames:\n  world:\n    label: World\n    cues: [international*]\n"
    text = "Qaiwan International University grew."
    book = tmp_path / "book.yml"
    book.write_text(frame + "    in_names: [international*]\n", encoding="utf-8")
    assert _cues(text, codebook=str(book)) == [("world", "International")]
    bad = tmp_path / "bad.yml"
    bad.write_text(frame + "    in_name: [international*]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="in_name"):
        _cues(text, codebook=str(bad))
