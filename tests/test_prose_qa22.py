"""Session 22: the lede right above the body (prose.sentence_ledes).

On the development halves of five real page sets the line right above the first kept
line that reads as a sentence in sentence case held more article than chrome in every
set (the standfirst or first sentence printed apart); the classifier cut it with the
menus and teasers above. It now stays; headline-like teasers there still go.
"""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools.blocks import load_block_settings
from corpus_tools.clean import reconstruct_text
from corpus_tools.errors import DataFileError
from corpus_tools.prose import _lede_like, load_prose_settings, sentence_ledes

BODY = [
    "The regional council voted on Tuesday to close two of the three bridges over the river "
    "for repairs that are expected to last until the end of next summer.",
    "Engineers told the council that the older of the two bridges had corroded faster than "
    "expected, and that a full closure was the only safe option for the work.",
    "Local businesses on the east bank said they feared losing customers for months, and "
    "asked the council to pay for a free ferry while the bridges are closed.",
    "The council said it would consider the request at its next meeting in March, when the "
    "final schedule for the repairs is due to be published.",
]
MENU = [
    "Home",
    "News",
    "Sport",
    "Weather",
    "Business",
    "Council Approves New Budget For Schools",
    "Storm Damage Closes Coastal Road Again",
    "About Us",
    "Contact Us",
]
TAIL = ["Share this article", "Related stories", "Fire Destroys Old Mill On River Road"]
HEADLINE = "Bridges To Close For A Year"
BYLINE = "By Jane Smith | 4/7/17 7:38 PM"


def _page(above: str) -> str:
    return "\n".join([*MENU, above, HEADLINE, BYLINE, *BODY, *TAIL])


def test_lede_above_the_headline_stays_and_the_log_rebuilds_the_page() -> None:
    lede = "Two of the three bridges will close, and the repairs could take a year."
    page = _page(lede)
    clean, rows = ct.clean_text(page)
    assert clean.startswith(lede + "\n" + HEADLINE + "\n")
    assert "Storm Damage" not in clean and "Contact Us" not in clean
    assert reconstruct_text(clean, rows) == page


def test_headline_like_teaser_above_the_body_still_goes() -> None:
    teaser = "Storm Damage Closes Coastal Road Again For The Third Time This Week."
    clean, _ = ct.clean_text(_page(teaser))
    assert teaser not in clean
    assert clean.startswith(HEADLINE + "\n")


def _rows(views: list[str]) -> list[tuple[int, str | None, str | None]]:
    return [(i, v, None) for i, v in enumerate(views)]


STOP = load_block_settings().stopwords
LEDE = "The bridges will close for a year, and the work could start in May."
BEFORE = ("block:before_body", "before the body")


def test_only_lines_right_above_the_first_kept_line() -> None:
    views = ["Menu", LEDE, "Home", LEDE, LEDE, "First kept paragraph of the article."]
    decided = {i: BEFORE for i in range(5)}
    # the two lines above the kept one, nearest first; the search stops at "Home"
    assert sentence_ledes(_rows(views), decided, STOP) == [4, 3]
    s = load_prose_settings()
    assert s.max_lede_lines == 2
    views = ["Menu", LEDE, LEDE, LEDE, "First kept paragraph of the article."]
    assert sentence_ledes(_rows(views), {i: BEFORE for i in range(4)}, STOP) == [3, 2]


def test_only_before_body_decisions_and_not_rule_hits() -> None:
    views = ["Menu", LEDE, "First kept paragraph of the article."]
    after = {0: BEFORE, 1: ("block:comments", "a thread")}
    assert sentence_ledes(_rows(views), after, STOP) == []
    rule_hit = [(0, "Menu", None), (1, LEDE, "share_button"), (2, views[2], None)]
    assert sentence_ledes(rule_hit, {0: BEFORE}, STOP) == []
    # nothing kept: no body to stand above
    assert sentence_ledes(_rows(views), {0: BEFORE, 1: BEFORE, 2: BEFORE}, STOP) == []


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (LEDE, True),
        ("Why I just dumped the old tablet (hint: the small one!)", True),
        ("The bridges will close for a year.", False),  # 7 words
        ("The bridges will close for a year and the work starts", False),  # no ending
        ("Bridges Close For A Year As The Council Votes To Repair Them.", False),  # title case
        ("Tuesday: councillors, engineers, businesses, ferries, bridges, repairs, money.", False),
        (None, False),
    ],
)
def test_lede_like(view: str | None, expected: bool) -> None:
    assert _lede_like(view, STOP, load_prose_settings()) is expected


def test_lede_settings_are_read_and_checked(tmp_path) -> None:  # noqa: ANN001
    f = tmp_path / "p.yml"
    f.write_text(
        "thresholds:\n  min_lede_words: 15\n  max_lede_capital_pct: 40\n", encoding="utf-8"
    )
    s = load_prose_settings(str(f))
    assert (s.min_lede_words, s.max_lede_lines, s.max_lede_capital_pct) == (15, 2, 40)
    assert not _lede_like(LEDE, STOP, s)  # 14 words
    f.write_text("thresholds:\n  max_lede_lines: 0\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="max_lede_lines"):
        load_prose_settings(str(f))


# --------------------------------------------------------------- the losses table
PARAS = BODY + [
    "Councillors from both parties agreed that the bridges could not wait another winter, "
    "and the vote passed by a wide margin after a short debate.",
]
CLOSING = "Reporting by Jane Smith; editing by John Doe"


def _html(lines: list[str]) -> str:
    return "<html><body>" + "".join(f"<div>{x}</div>" for x in lines) + "</body></html>"


def test_losses_table_counts_article_and_chrome_per_decision() -> None:
    from conftest import bench_module

    with bench_module("bench_cleaning") as bench:
        pages = [
            {
                "key": f"p{n}",
                "host": f"site{n}.example",
                "html": _html([*MENU, HEADLINE, *PARAS, CLOSING, *TAIL]),
                "gold": "\n".join([*PARAS, CLOSING]),
            }
            for n in range(2)
        ]
        rows = bench.losses_table([("toy", pages, {"p0": "dev", "p1": "dev"})], 20)
    assert rows[0].startswith("| decision | recall points lost, mean | toy article/chrome |")
    cells = {r.split(" | ")[0][2:]: r.split(" | ")[1:] for r in rows[2:]}
    # the closing credit line is article the classifier cuts after the body: all of it
    # is lost (its 4-grams are gold), on both pages
    after = [d for d in cells if d.startswith("block:after_body")]
    assert after, rows
    lost = sum(int(cells[d][1].split("/")[0]) for d in after)
    assert lost >= 2 * 8  # the 8 words of the credit line, on each of the two pages
    # menu words are chrome only
    assert any(
        c[1].split("/")[0] == "0" and int(c[1].split("/")[1]) > 0 and c[2] == "0 of 1 |"
        for c in cells.values()
    ), rows


def test_losses_refuse_the_held_out_part() -> None:
    from conftest import bench_module

    with bench_module("bench_cleaning") as bench, pytest.raises(SystemExit):
        bench._args(["AEB", "--losses", "5", "--part", "heldout"])


# ------------------------------------------------ a thread broken by one long comment
def _thread_page(long_lines: int) -> tuple[list[str], list[str]]:
    article = [
        "The city council approved the new budget on Monday after a debate of four hours.",
        "Councillors said the plan would pay for two new schools and a library in the north.",
        "The mayor said the vote showed the council could still agree on the big questions.",
    ]
    names = ["Jane Doe", "Bob Stone", "Ann Lee", "Tom Hart", "Kim Park", "Lu Chen"]
    comments = ["3 Comments"]
    for n, name in enumerate(names):
        comments.append(f"{name} March {n + 2}, 2012 at 10:1{n} pm")
        comments.append(
            f"I think the council got this one right, and the {n + 2} schools in the north "
            "are long overdue, but I would like to know who is going to pay for all of them."
        )
        if n == 2:  # one long comment: more lines than max_signature_gap
            comments += [
                f"And a point {k} of my long reply: the budget has been too small for years, "
                "and the people who live in the north have waited for it far too long."
                for k in range(long_lines)
            ]
    return article, comments


def test_a_thread_goes_on_after_one_long_comment() -> None:
    from corpus_tools.prose import comment_threads

    article, comments = _thread_page(long_lines=60)
    views = article + comments
    out = comment_threads([(i, v, None) for i, v in enumerate(views)], {})
    gone = {views[i] for i in out}
    # the signatures after the long comment (more than max_signature_gap lines) go on the
    # thread headed "3 Comments" above: they are its, not a list of dated lines
    assert {c for c in comments if "2012 at" in c} <= gone
    # and so does the long comment between the two runs
    assert {c for c in comments if "long reply" in c} <= gone
    assert not gone & set(article)
    # a run of signatures with no thread of their frame above it still needs a cue or heading
    lone = comment_threads([(i, v, None) for i, v in enumerate(article + comments[1:])], {})
    assert lone == {}
