"""NewsAPI's truncation marker is not article text (QA finding S18-8).

NewsAPI cuts the ``content`` field of an article at about 200 characters and ends it with
"… [+2345 chars]" (the number of characters left out). Left in, the marker's words
("chars", "2345") are counted as the article's words. The rule ``newsapi_truncation``
removes the marker, and the ellipsis before it, from the end of the last line only, and
logs it.
"""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools.clean import clean_text, reconstruct_text

CONTENT = (
    "Ukraine's foreign minister said on Tuesday the talks would resume next week, "
    "after a day of meetings in Geneva\u2026 [+2345 chars]"
)


@pytest.mark.parametrize(
    ("tail", "marker"),
    [
        ("\u2026 [+2345 chars]", "\u2026 [+2345 chars]"),
        ("... [+87 chars]", "... [+87 chars]"),
        (" [+87 chars]", " [+87 chars]"),
        ("\u2026[+1 chars] ", "\u2026[+1 chars] "),
    ],
)
def test_the_marker_is_removed_and_logged(tail: str, marker: str) -> None:
    raw = "Talks in Geneva\nThe minister said the talks would resume next week" + tail
    text, rows = clean_text(raw)
    assert text == "Talks in Geneva\nThe minister said the talks would resume next week"
    assert [(r["rule"], r["category"], r["text"]) for r in rows] == [
        ("newsapi_truncation", "metadata", marker)
    ]
    assert reconstruct_text(text, rows) == raw


def test_only_at_the_end_of_the_last_line() -> None:
    # inside a line, or on a line that is not the last, it is the article's own text
    raw = "A reader wrote [+12 chars] in the form.\nThe form ends here [+5 chars]\nLast line."
    text, rows = clean_text(raw)
    assert text == raw and rows == []


def test_a_content_field_that_is_only_the_marker_is_not_emptied() -> None:
    text, rows = clean_text("[+2345 chars]")
    assert text == "[+2345 chars]" and rows == []


def test_marker_words_are_not_counted(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "a.txt").write_text(CONTENT, encoding="utf-8")
    c = ct.load_corpus(tmp_path)
    text = c.docs["text"].iloc[0]
    assert text.endswith("after a day of meetings in Geneva")
    assert "chars" not in text and "2345" not in text
    log = c.cleaning_log
    assert list(log["rule"]) == ["newsapi_truncation"]
