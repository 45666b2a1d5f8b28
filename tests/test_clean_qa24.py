"""Session 24: clean.py's edit steps look only at lines that changed (same output), the
rejoin refuses pieces of a menu, and the menu / body tests count a line's words once."""

from __future__ import annotations

from corpus_tools import clean_text, load_rules
from corpus_tools.clean import (
    _content_edits,
    _edge_cuts,
    _final_content,
    _joins_next,
    _menu_piece,
    _n_words,
    _prepare,
    _self_doubled,
    reconstruct_text,
)

BODY = (
    "The council approved the budget on Monday after a long debate about the cost of "
    "the new bridge and the schools that the city wants to build next year."
)


def _rows(raw: str, **kw: bool) -> list[tuple[str, int, int, str]]:
    clean, rows = clean_text(raw, **kw)
    assert reconstruct_text(clean, rows) == raw
    return [(r["rule"], r["start"], r["end"], r["replacement"]) for r in rows]


def test_repairs_cuts_and_rejoins_are_logged_as_before() -> None:
    # expected values: the output of clean.py before the session-24 change
    raw = (
        "Talks in Doha\u200b resume\n\nTroops to see Gaza soon Troops to see Gaza soon\n\n"
        "The ministers met on Monday and agreed to\n\nmeet again next week in Doha.\n\n"
        "Caf\u00e9 owners say the plan costs too much money for them.\n"
    )
    assert clean_text(raw)[0] == (
        "Talks in Doha resume\n\nTroops to see Gaza soon\n\nThe ministers met on Monday and "
        "agreed to meet again next week in Doha.\n\nCaf\u00e9 owners say the plan costs too "
        "much money for them.\n"
    )
    assert _rows(raw) == [
        ("zero_width", 13, 14, ""),
        ("self_doubled_line", 46, 70, ""),
        ("rejoin_broken_line", 113, 115, " "),
    ]
    raw2 = (
        "Share this article\n\nCafe\u0301 opens in Paris\n\nThe mayor said the caf\u00e9 would "
        "open\n\nin June after a long delay of two years.\n"
    )
    assert _rows(raw2) == [
        ("share_button", 0, 20, ""),
        ("nfc", 23, 25, "\u00e9"),
        ("rejoin_broken_line", 76, 78, " "),
    ]


def test_content_edits_only_for_repaired_or_cut_lines() -> None:
    rules = load_rules()
    doc = _prepare("Caf\u00e9 \u200bopens\n\nplain line\n\nA plain line again\n", rules, False)
    assert doc is not None
    assert doc.repaired == [0]  # the zero-width space; the other lines are their raw text
    kept = list(doc.nb)
    cuts = _edge_cuts(doc, kept)
    final = _final_content(doc, kept, cuts)
    assert final == {0: "Caf\u00e9 opens", 2: "plain line", 4: "A plain line again"}
    edits = _content_edits(doc, final, cuts)
    assert list(edits) == [0]
    assert [(e.start, e.end, e.rule) for e in edits[0]] == [(5, 6, "zero_width")]


def test_self_doubled_quick_rejects_keep_the_answers() -> None:
    assert _self_doubled("Troops to see Gaza soon Troops to see Gaza soon") == (False, 23, 47)
    assert _self_doubled("  Troops to see Gaza soon Troops to see Gaza soon  ") == (False, 25, 49)
    assert _self_doubled("02:27 Troops to see Gaza soon Troops to see Gaza soon") == (True, 29, 53)
    # same length halves with a space between, different first character
    assert _self_doubled("Troops to see Gaza soon troops to see Gaza soon") is None
    assert _self_doubled("") is None and _self_doubled("   ") is None


def test_rejoin_refuses_a_navigation_piece() -> None:
    # a blog's "previous post | Main" link above the post's title is not a sentence
    nav = "\u00ab the management philosophy embedded in powerpoint | Main"
    assert not _joins_next(nav, "good couple of days")
    assert not _joins_next("Posted on Nov 06 2012 | 1:23 pm", "thejuiceman236 says:")
    assert not _joins_next("By Anna Giaritelli", "\u2022")
    assert not _joins_next("Rob Portman \u00b7 Senate", "soundoff")
    # a sentence cut at a hyperlink still joins, "/" and "|" inside words too
    assert _joins_next("The ministers met on Monday and agreed to", "meet again")
    assert _joins_next("the plan and / or the", "budget")
    assert _joins_next("the a|b test of the", "site")
    raw = f"{nav}\ngood couple of days\n{BODY}\n"
    assert "rejoin_broken_line" not in [r[0] for r in _rows(raw)]
    raw = f"Title of the story\n\n{BODY} The mayor said that the\nbridge will open in May.\n"
    assert [r[0] for r in _rows(raw)] == ["rejoin_broken_line"]


def test_menu_piece_counts_words_like_menu_items() -> None:
    rules = load_rules()
    doc = _prepare("Site map\n|\nHelp center for you\n|\nOur  news desk\n", rules, True)
    assert doc is not None
    kinds = [_menu_piece(doc.lines[i]) for i in doc.nb]
    # 'Our  news desk': three words (the view collapses the double space)
    assert kinds == ["item", "sep", None, "sep", "item"]


def test_word_counts_from_the_view_or_the_text() -> None:
    rules = load_rules()
    long_line = "word " * 500  # longer than the line rules' max_chars: no view
    raw = f"a\u00a0b c\u2009d\n{long_line}\n\u201cquoted\u201d \u2014 text\n"
    doc = _prepare(raw, rules, True)
    assert doc is not None
    assert doc.lines[1].view is None
    assert [_n_words(doc.lines[i]) for i in doc.nb] == [
        len(doc.lines[i].fixed.split()) for i in doc.nb
    ]
    assert [_n_words(doc.lines[i]) for i in doc.nb] == [4, 500, 3]
