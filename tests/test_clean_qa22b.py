"""Session 22 (W3): a menu line is chrome wherever it stands; a subheading a table of
contents printed first stays in the body (issue 15)."""

from __future__ import annotations

import pytest

from corpus_tools.blocks import menu_items
from corpus_tools.clean import clean_text

_PARAS = [
    "The committee met on Tuesday and agreed that the budget would be cut by a tenth over "
    "the next two years, officials said.",
    "Members of the opposition said the decision was rushed and that nobody had been "
    "consulted about the effects on schools.",
    "Teachers' unions have called a meeting for next week to discuss what the cut will mean "
    "for the number of staff in each school.",
    "The finance minister is expected to present the details of the plan to parliament "
    "before the summer recess begins in July.",
]


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("Home | Video | World | U.S. | Politics", 5),
        ("World | Europe | Brussels | Talks", 4),
        ("Home > News > World", 3),
        ("News \u203a World", 0),  # one separator: no menu
        ("Arsenal | 12 | 8 | 3 | 27", 0),  # a table row of figures
        ("Goals: Smith 12, Jones 45 | Attendance: 40,000", 0),
        ("Oakland/Fremont/Hayward, Calif.", 0),  # separators without spaces
        ("http://www.example.com/news/world", 0),
        ("Talks stall again in Brussels | Politics | The Times", 0),  # a headline's item
    ],
)
def test_menu_items(line: str, items: int) -> None:
    assert menu_items(line) == items


def test_a_menu_line_inside_the_body_goes_with_its_reason() -> None:
    text = "\n\n".join(
        [
            "Budget cut agreed",
            _PARAS[0],
            _PARAS[1],
            "World | Europe | Brussels | Talks",
            *_PARAS[2:],
        ]
    )
    out, log = clean_text(text)
    assert "World | Europe" not in out
    assert all(p in out for p in _PARAS)
    (hit,) = [e for e in log if "World | Europe" in e["text"]]
    assert hit["rule"] == "block:chrome_words"
    assert hit["detail"].startswith("inside the body; menu: 4 items; short: 4 words")


def test_a_table_row_inside_the_body_stays() -> None:
    row = "Arsenal | 12 | 8 | 3 | 27"
    text = "\n\n".join([_PARAS[0], _PARAS[1], row, *_PARAS[2:]])
    out, _ = clean_text(text)
    assert row in out


def test_subheadings_printed_first_by_a_table_of_contents_stay_in_the_body() -> None:
    heads = ["Why budgets matter", "Where the money goes", "What to cut first"]
    lines = ["How to plan a budget", "Contents", *heads, "", _PARAS[0]]
    for h, p in zip(heads, _PARAS[1:], strict=True):
        lines += ["", h, "", p]
    out, log = clean_text("\n".join(lines))
    body = out.split(_PARAS[0], 1)[1]
    assert all(f"\n{h}\n" in body for h in heads)
    assert not [e for e in log if e["rule"] == "duplicate_line"]
    # the table of contents above the body goes
    assert out.count("Why budgets matter") == 1


def test_one_repeated_subheading_alone_is_still_a_duplicate() -> None:
    # a single line printed above and again between paragraphs: no table of contents
    lines = ["How to plan a budget", "Why budgets matter", "Sign in", "", _PARAS[0]]
    lines += ["", "Why budgets matter", "", _PARAS[1], "", _PARAS[2]]
    _, log = clean_text("\n".join(lines))
    assert [e["line_no"] for e in log if e["rule"] == "duplicate_line"] == [7]
