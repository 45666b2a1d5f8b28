"""Session 25 loading misuse: quote characters, nested JSON, code pages, empty records."""

from __future__ import annotations

from corpus_tools.io.columns import RESERVED_COLUMNS
from corpus_tools.io.decode import split_encoding


def test_split_encoding_keeps_the_codec_name_and_joins_the_notes() -> None:
    assert split_encoding("cp1252 (check: 4 words such as 'Dýþiþleri')") == (
        "cp1252",
        "check: 4 words such as 'Dýþiþleri'",
    )
    assert split_encoding("utf-8 (+cp1252 on lines 3, 5)") == ("utf-8", "+cp1252 on lines 3, 5")
    assert split_encoding("cp1252 (NUL bytes removed: 12)") == ("cp1252", "NUL bytes removed: 12")
    assert split_encoding("utf-16-le") == ("utf-16-le", None)
    assert split_encoding("n/a") == ("n/a", None)


def test_encoding_note_is_a_loader_column() -> None:
    assert "encoding_note" in RESERVED_COLUMNS
