"""A comment signature printed over two lines (issue 15): the name line "Jeff MacLeod
says:" and, below it, "November 12, 2012 at 11:23 AM" (WordPress's default comment
template, one visible block a line). Found on the development pages of the Dragnet set,
where such a thread under a short post was taken for the article and the post dropped."""

from __future__ import annotations

from _prose import P1, P2
from test_cleaning_eval_prose import NAMES, TEXTS, TITLE

from corpus_tools.clean import clean_text, reconstruct_text
from corpus_tools.prose import comment_threads

SIGNED = [
    (f"{name} says:", f"November {k + 12}, 2012 at {k + 1}:{10 + 7 * k} AM", TEXTS[k % 3])
    for k, name in enumerate(NAMES[:5])
]
THREAD = [line for sig in SIGNED for line in sig]
TOP = ["Home", "Archives", "Contact"]
FORM = ["Leave a comment:", "Name (required)", "Website"]


def _kept(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def test_two_line_signatures_make_a_thread():
    doc = [TITLE, P1, P2, "5 comments", *THREAD]
    out = comment_threads([(i, v, None) for i, v in enumerate(doc)], {})
    assert sorted(out) == list(range(4, len(doc)))
    assert out[4] == (
        "block:comments",
        "comment thread: 5 comments signed like 'Lucky Lakeshore says:' (lines 5-19)",
    )


def test_a_thread_below_a_short_post_goes_whole():
    # one paragraph of post, a box of chrome, then five comments of two paragraphs each
    # signed over two lines: the classifier alone keeps most of the thread as a second
    # part of the article (its prose outweighs the stamps); the thread is found by its
    # two-line signatures among the kept lines, and the page is judged again without it
    signed = [
        (name, date, f"{comment} {TEXTS[(k + 1) % 3]}")
        for k, (name, date, comment) in enumerate(SIGNED)
    ]
    thread = [line for sig in signed for line in sig]
    box = [
        "Posted in: history, photos, vancouver",
        "Tags: archives, archives photo, photography",
        "Current contests on this site",
        "Enter here to win a wildlife adoption kit (until November 13)",
        "Enter here to win tickets to a basketball game (until November 14)",
        "View a complete list of contests",
    ]
    raw = "\n".join([*TOP, TITLE, P1, *box, "5 comments", *thread, *FORM])
    text, rows = clean_text(raw)
    assert _kept(text) == [TITLE, P1]
    by_line = {r["line_no"]: r for r in rows}
    lines = raw.split("\n")
    first = lines.index(thread[0])
    for k in range(first, first + len(thread)):
        assert by_line[k + 1]["rule"] == "block:comments", lines[k]
    assert by_line[first + 1]["detail"] == (
        "comment thread: 5 comments signed like 'Lucky Lakeshore says:' (lines 13-27)"
    )
    assert reconstruct_text(text, rows) == raw


def test_a_short_line_ending_in_says_before_a_plain_line_is_no_signature():
    # "... says:" lines followed by prose, not a date: a list of quotes stays
    quotes = [line for k, name in enumerate(NAMES[:4]) for line in (f"{name} says:", TEXTS[k % 3])]
    doc = [TITLE, P1, P2, *quotes]
    assert comment_threads([(i, v, None) for i, v in enumerate(doc)], {}) == {}
