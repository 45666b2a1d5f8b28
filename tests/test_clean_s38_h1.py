"""Session 38 (H1): a line the article itself repeats, far apart and between kept lines,
keeps both copies (a call to vote after each candidate, a meal plan's days); a copy
within a few lines, or inside a block the page prints twice, still goes."""

from __future__ import annotations

from _prose import P1, P2

from corpus_tools.clean import clean_text, reconstruct_text

CALL = "You can vote for her on the last page!"
P3 = (
    "The second contestant trained as a pastry chef in Lyon before she opened a small "
    "bakery near the harbour, where she still works six days a week."
)
P4 = (
    "Her neighbours say the queue outside the shop starts before dawn, and the "
    "regulars have names for most of the loaves she bakes every morning."
)


def _removed(rows: list[dict]) -> set[tuple[str, str]]:
    return {(r["rule"], r["text"].strip()) for r in rows}


def test_a_line_the_article_repeats_far_apart_keeps_both_copies():
    raw = "\n\n".join(
        [
            "Ten finalists for the bakery prize",
            P1,
            P2,
            CALL,
            P3,
            P4,
            P1[:90] + ".",
            P2[:80] + ".",
            P3[:70] + ".",
            P4[:85] + ".",
            CALL,
            P2,
        ]
    )
    clean, rows = clean_text(raw)
    assert clean.count(CALL) == 2
    assert ("duplicate_line", CALL) not in _removed(rows)
    assert reconstruct_text(clean, rows) == raw


def test_a_copy_a_few_lines_later_still_goes():
    # a pull quote printed again two lines below: no repetition the article owns
    raw = "\n\n".join(["Ten finalists for the bakery prize", P1, CALL, P2, CALL, P3, P4])
    clean, rows = clean_text(raw)
    assert clean.count(CALL) == 1
    assert ("duplicate_line", CALL) in _removed(rows)
    assert reconstruct_text(clean, rows) == raw


def test_a_block_printed_twice_still_loses_its_copy():
    # three lines printed again in the same order (a carousel): the middle line's first
    # copy stands between two lines printed twice, so the later copy goes
    block = ["Loved every page of it.", CALL, "Best prize of the year, honestly."]
    raw = "\n\n".join(
        [
            "Ten finalists for the bakery prize",
            P1,
            *block,
            P2,
            P3,
            P4,
            P1[:90] + ".",
            P2[:80] + ".",
            P3[:70] + ".",
            *block,
            P4,
        ]
    )
    clean, rows = clean_text(raw)
    assert clean.count(CALL) == 1
    assert ("duplicate_line", CALL) in _removed(rows)
    assert reconstruct_text(clean, rows) == raw
