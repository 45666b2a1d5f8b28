"""Session 26: words that tell an ambiguous alias's referent (Georgia), a given name before
a surname in Title Case (Jordan Peterson), and capitals that begin another name (the London
Stock Exchange) typed as places."""

import pytest

from corpus_tools.actors import load_gazetteer, mentions_in_text
from corpus_tools.errors import DataFileError


def _rows(text: str, **kw) -> list[list[str]]:
    r = mentions_in_text(text, **kw)
    return r[["actor", "alias", "type", "resolution"]].values.tolist()


def test_georgia_beside_a_us_state_word_is_the_state_even_near_another_country():
    text = "Georgia DA Fani Willis met officials; Ukraine and Russia were also discussed."
    assert [r[0] for r in _rows(text)] == ["Ukraine", "Russia"]
    assert _rows("Protesters gathered in Atlanta, Georgia, as Ukraine voted.") == [
        ["Ukraine", "Ukraine", "country", "name"]
    ]


def test_georgia_alone_with_a_word_of_the_country_counts():
    assert _rows("Georgia's parliament passes foreign agents law") == [
        ["Georgia", "Georgia", "country", "name"]
    ]
    # no word of either: still left out (a US state as often as not)
    assert _rows("Georgia plans hidden asset pardon") == []


def test_a_given_name_before_a_surname_in_title_case_is_a_person():
    assert _rows("Jordan Peterson Suspended From Twitter") == []
    assert _rows("Jordan Peterson: The Interview") == []
    # a common word (also inflected), a title, or two names in a row keep the country
    assert [r[0] for r in _rows("Jordan Bans Smoking In Cafes")] == ["Jordan"]
    assert [r[0] for r in _rows("Jordan King Meets Biden")] == ["Jordan", "Joe Biden"]
    assert [r[0] for r in _rows("Chad Idriss Deby Killed In Clashes")] == ["Chad"]


def test_a_capital_that_begins_another_name_is_a_place():
    text = "Shares fell on the London Stock Exchange after the Paris Agreement talks."
    assert _rows(text, locations=True) == [
        ["United Kingdom", "London", "location", "location"],
        ["France", "Paris", "location", "location"],
    ]
    assert _rows(text) == []
    # a possessive, a verb after it, or a Title Case line: the state, as before
    text = "Moscow's Foreign Ministry said Moscow backs Beijing on Taiwan."
    assert [r[2] for r in _rows(text)] == ["country"] * 4
    assert _rows("Moscow Engages in Talks with Hamas") == [
        ["Russia", "Moscow", "country", "metonym"],
        ["Hamas", "Hamas", "armed_group", "name"],
    ]


def test_cue_words_need_ambiguous_with(tmp_path):
    path = tmp_path / "g.yml"
    path.write_text(
        "actors:\n- id: X\n  name: Xland\n  type: country\n  aliases: [Xland]\n"
        "  own_cues: [parliament]\n  source: me\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="own_cues"):
        load_gazetteer(str(path))
