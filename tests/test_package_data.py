"""Every shipped data file says where it comes from and under which licence."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "corpus_tools" / "data"


@pytest.mark.parametrize("path", sorted(DATA.iterdir()), ids=lambda p: p.name)
def test_data_file_header_names_source_and_licence(path: Path) -> None:
    head = path.read_text(encoding="utf-8")[:3000].lower()
    assert "source" in head, f"{path.name}: no source in the header"
    assert "licen" in head, f"{path.name}: no licence in the header"


def test_number_words_are_shipped_as_data() -> None:
    from corpus_tools import numbers as cmp

    assert cmp.NUMBER_UNITS["nineteen"] == 19 and cmp.NUMBER_TENS["ninety"] == 90
    assert cmp._SCALES["billion"] == 10**9 and cmp._SUFFIX_SCALES["bn"] == 10**9
    assert "more than" in cmp.NUMBER_QUALIFIERS and "dozens" in cmp._VAGUE


def test_number_context_and_naming_words_are_shipped_as_data() -> None:
    """The event, currency, month, attribution and naming word lists live in data files."""
    import importlib

    from corpus_tools import numbers
    from corpus_tools.lexicon import load_lexicon

    naming = importlib.import_module("corpus_tools.naming")  # ct.naming is the function
    ctx = load_lexicon("number_context").data
    assert (
        numbers.NUMBER_EVENTS == ctx["events"] and numbers.NUMBER_EVENTS["hostages"] == "abducted"
    )
    assert "no" in ctx["one_pronoun_before"] and "according to" in ctx["attribution_cues"]
    words = load_lexicon("naming_words").data
    assert "on" in words["verb_next"] and naming._DETERMINERS == {"the", "a", "an"}


def test_a_broken_word_list_names_file_and_key(tmp_path: Path) -> None:
    from corpus_tools.errors import DataFileError
    from corpus_tools.lexicon import load_lexicon

    bad = tmp_path / "naming_words.yml"
    bad.write_text("determiners: [the]\nverb_next: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="naming_words.yml.*verb_next"):
        load_lexicon("naming_words", bad)
