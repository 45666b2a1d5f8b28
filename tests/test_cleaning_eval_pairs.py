"""A sentence printed twice in a row is a caption or carousel item printed twice."""

from __future__ import annotations

from corpus_tools.clean import clean_text, reconstruct_text

CAPTION = (
    "Former Massachusetts Gov. Deval Patrick, left, speaks with a business owner during a "
    "campaign stop in Columbia, S.C., on Friday."
)
BODY = [
    "Deval Patrick took his nascent presidential campaign to South Carolina on Friday, "
    "meeting voters in a state whose primary could decide the fate of his late entry.",
    "He told a small crowd at a diner that he had come to listen, and that his record as "
    "governor showed he could bring people together after years of division.",
]
HEADLINE = "Deval Patrick takes nascent 2020 campaign to South Carolina"


def test_caption_printed_twice_in_a_row_goes_both_copies() -> None:
    raw = "\n".join([HEADLINE, CAPTION, CAPTION, *BODY])
    clean, log = clean_text(raw)
    assert CAPTION not in clean
    assert all(b in clean for b in BODY)
    rows = {r["rule"]: r["detail"] for r in log}
    assert rows["repeated_teaser"] == "repeated_at=3"
    assert rows["duplicate_line"] == "duplicate_of=2"
    assert reconstruct_text(clean, log) == raw


def test_headline_printed_twice_keeps_one_copy() -> None:
    # not a sentence: a headline printed twice (breadcrumb and title) is left to the older
    # rule, which keeps the first copy of a line that ends in a quote
    head = "US warship smashes missile out of the sky with \u2018force of a 10-ton truck\u2019"
    raw = "\n".join(["World", head, head, *BODY])
    _clean, log = clean_text(raw)
    dup = [(r["rule"], r["line_no"]) for r in log if r["category"] == "duplicate"]
    assert dup == [("duplicate_line", 3)]


def test_sentence_repeated_apart_is_not_a_pair() -> None:
    # a pull quote repeats a long sentence of the article further down: not in a row, so
    # both copies stay (as before this rule)
    raw = "\n".join([HEADLINE, BODY[0], BODY[1], "Share", BODY[0]])
    clean, log = clean_text(raw)
    assert clean.count(BODY[0]) == 2
    assert not [r for r in log if r["category"] == "duplicate"]
