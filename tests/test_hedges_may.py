"""``May`` the name or the month is no hedge; the modal ``may`` is, in Title Case too."""

from __future__ import annotations

import pytest

from corpus_tools.hedges import doc_hedges


def _terms(text: str) -> list[tuple[str, int]]:
    return [(r["term"], r["start"]) for r in doc_hedges(text, [(0, 0, 0, len(text))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theresa May said the talks may resume.", [("may", 27)]),
        ("Mrs May's government may fall.", [("may", 21)]),
        ("Prime Minister Theresa May, who may resign, spoke.", [("may", 32)]),
        ("Prices rose in April and May, officials said.", []),
        ("Perhaps May will resign.", [("perhaps", 0)]),
        # the modal stays: Title Case and capitals, a sentence start
        ("Talks May Resume After Brexit Vote", [("may", 6)]),
        ("TALKS MAY RESUME", [("may", 6)]),
        ("May I ask? Prices may rise in May.", [("may", 0), ("may", 18)]),
    ],
)
def test_may_the_name_is_no_hedge(text: str, expected: list[tuple[str, int]]) -> None:
    assert _terms(text) == expected
