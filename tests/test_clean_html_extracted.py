"""Session 23 (H2, issue 15): text an HTML extractor chose (``extracted=True``) loses a
site menu the extractor kept, keeps the tables it kept, and a text rule does not remove a
sentence the extractor placed between the article's paragraphs."""

from __future__ import annotations

from corpus_tools.clean import clean_text, load_rules, reconstruct_text

_PARA = (
    "The committee met on Tuesday and agreed that the budget would be cut by a tenth over "
    "the next two years, officials said, and members of the opposition called it rushed."
)  # 30 words
_MENU = "Home | Video | World | U.S. | Africa | Asia | Europe | Business | Tech | Travel"
_SIGNUP = (
    "You can also subscribe to this newsletter here \u2014 just tick "
    '"10 Things in Tech You Need to Know."...'
)
_COPYRIGHT = "Copyright (c) 2014 IETF Trust and the persons identified as the document authors."


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def _removed(log: list[dict]) -> list[tuple[str, str]]:
    return [(r["rule"], r["text"].strip()) for r in log if not r["replacement"]]


def test_a_menu_the_extractor_kept_goes_with_its_reason() -> None:
    raw = _page(_PARA, _PARA, _MENU, "Tools & Widgets | RSS | Podcasts | Blogs | Site map")
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == [
        ("block:chrome_words", _MENU),
        ("block:chrome_words", "Tools & Widgets | RSS | Podcasts | Blogs | Site map"),
    ]
    assert log[0]["category"] == "block"
    assert log[0]["detail"] == (
        "menu: 10 items (a line of short items between separators, kept by the HTML extractor)"
    )
    assert clean == _PARA + "\n\n" + _PARA
    assert reconstruct_text(clean, log) == raw


def test_a_table_the_extractor_kept_stays() -> None:
    # how trafilatura writes a table it keeps: one row a line between bars
    rows = [
        "| Team | Played | Won | Lost |",
        "| Arsenal | 12 | 8 | 3 |",
        "| Chelsea | 12 | 7 | 2 |",
    ]
    raw = _page(_PARA, *rows, _PARA)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == []
    assert clean == raw


def test_the_menu_step_is_the_block_category() -> None:
    raw = _page(_PARA, _MENU)
    clean, log = clean_text(raw, rules=load_rules(disable_categories=["block"]), extracted=True)
    assert clean == raw and log == []


def test_a_menu_that_is_the_whole_text_stays() -> None:
    raw = _MENU + "\n"
    clean, log = clean_text(raw, extracted=True)
    assert clean == raw and _removed(log) == []


def test_a_sentence_kept_between_paragraphs_is_the_articles() -> None:
    # 60 words before, 120 after: the extractor placed these lines inside the article
    raw = _page(_PARA, _PARA, _SIGNUP, _PARA, _PARA, _COPYRIGHT, _PARA, _PARA, _PARA, _PARA)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == []
    assert clean == raw


def test_the_same_lines_at_the_articles_edges_go() -> None:
    # after the last paragraph (a footer the extractor let through) and before 50 words
    raw = _page(_PARA, _SIGNUP, _PARA, _PARA, _PARA, _PARA, _COPYRIGHT)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == [("signup_newsletter", _SIGNUP), ("copyright_line", _COPYRIGHT)]
    assert reconstruct_text(clean, log) == raw


def test_a_short_chrome_line_inside_the_article_still_goes() -> None:
    raw = _page(_PARA, _PARA, "Advertisement", _PARA, _PARA, _PARA, _PARA)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == [("advertisement", "Advertisement")]


def test_scraped_text_is_not_protected_by_position() -> None:
    # without an extractor nothing chose these lines: the line rule decides
    raw = _page(_PARA, _PARA, _SIGNUP, _PARA, _PARA, _PARA, _PARA)
    clean, log = clean_text(raw)
    assert ("signup_newsletter", _SIGNUP) in _removed(log)


def test_the_rest_of_a_kept_sentence_in_hard_wrapped_text_stays() -> None:
    # an RFC's <pre> text: the notice is cut after "the"; its second line alone would be
    # a copyright footer ("All rights reserved.")
    first = "Copyright (c) 2014 IETF Trust and the persons identified as the"
    rest = "document authors. All rights reserved."
    raw = _page(_PARA, _PARA, first, rest, _PARA, _PARA, _PARA, _PARA)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == []
    assert [r["rule"] for r in log] == ["rejoin_broken_line"]
    assert f"{first} {rest}" in clean
    assert reconstruct_text(clean, log) == raw


def test_a_short_line_after_a_finished_sentence_is_not_protected() -> None:
    raw = _page(_PARA, _PARA, _SIGNUP, "All rights reserved.", _PARA, _PARA, _PARA, _PARA)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == [("copyright_line", "All rights reserved.")]


def test_a_layout_tables_menu_row_goes() -> None:
    # a row of one cell, its bars escaped by the extractor: a layout table's navigation
    row = r"| Home \| About Us \| Contact Us \| Archives \| Feedback |"
    raw = _page(_PARA, _PARA, row)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == [("block:chrome_words", row)]
    assert log[0]["detail"] == (
        "menu: 5 items (a table row of one cell of short items between separators, kept by "
        "the HTML extractor)"
    )
    assert reconstruct_text(clean, log) == raw


def test_a_one_cell_row_that_reads_as_text_stays() -> None:
    rows = [
        "| Arsenal beat Chelsea 2-1 at the Emirates on Sunday. |",
        r"| Yes \| No |",  # one separator: no menu
        "| Home | Away | Draw |",  # three cells: a header row
    ]
    raw = _page(_PARA, *rows, _PARA)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == []


def test_a_menu_written_one_item_a_line_goes() -> None:
    menu = ["Site map", "|", "Help center", "|", "Corrections", "|", "Newsletters"]
    raw = _page(_PARA, _PARA, *menu)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == [("block:chrome_words", m) for m in menu]
    assert log[0]["detail"] == (
        "menu: 4 items (one item a line, separator lines between, kept by the HTML extractor)"
    )
    assert clean == _PARA + "\n\n" + _PARA
    assert reconstruct_text(clean, log) == raw


def test_a_short_list_without_separator_lines_stays() -> None:
    items = ["Eggs", "Flour", "Sugar", "Butter", "Milk"]
    raw = _page(_PARA, *items, "|", _PARA)
    clean, log = clean_text(raw, extracted=True)
    assert _removed(log) == []
