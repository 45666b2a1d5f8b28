"""Session 26: the decimal-comma languages are data, and each document is read in its own
language (scale words, percent words, number format)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools import numbers
from corpus_tools.errors import DataFileError
from corpus_tools.lexicon import load_lexicon


def test_decimal_comma_languages_are_read_from_the_data_file() -> None:
    data = load_lexicon("numbers").data
    assert numbers.DECIMAL_COMMA_LANGUAGES == frozenset(data["decimal_comma"])
    # the 28 of session 25's list, Norwegian's bare `no` quoted (else YAML reads False)
    assert len(numbers.DECIMAL_COMMA_LANGUAGES) == 28
    assert {"de", "fr", "no", "ru", "hu", "id"} <= numbers.DECIMAL_COMMA_LANGUAGES
    assert not {"en", "ms", "ar"} & numbers.DECIMAL_COMMA_LANGUAGES


def test_an_unquoted_no_in_decimal_comma_names_the_key(tmp_path: Path) -> None:
    text = (Path(numbers.__file__).parent / "data" / "numbers.yml").read_text(encoding="utf-8")
    bad = tmp_path / "numbers.yml"
    bad.write_text(text.replace('"no", pt', "no, pt"), encoding="utf-8")
    with pytest.raises(DataFileError, match="decimal_comma.*quote"):
        load_lexicon("numbers", bad)
