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
