"""Session 31: quote_words accepts the word lists quotes' code moves into the data file."""

from __future__ import annotations

import pytest

from corpus_tools.errors import DataFileError
from corpus_tools.lexicon import load_lexicon


def test_quote_words_takes_the_moved_lists() -> None:
    extra = {
        "person_titles": ["Capt."],
        "speech_occasions": ["briefing"],
        "party_members": ["lawmaker"],
    }
    data = load_lexicon("quote_words", extend=extra).data
    assert "Capt." in data["person_titles"]
    assert "briefing" in data["speech_occasions"]
    assert "lawmaker" in data["party_members"]


def test_a_moved_list_must_hold_words() -> None:
    with pytest.raises(DataFileError, match="person_titles"):
        load_lexicon("quote_words", extend={"person_titles": "Capt."})
