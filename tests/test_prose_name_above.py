"""A comment signature printed over two lines with the name first and a date line below
that names no one ("mtcountrygrl" / "Posted on August 9, 2012 at 12:14pm"; issue 15).
Found on the development pages of the Dragnet set, where such threads were kept after
the article (one page: precision 0.07)."""

from __future__ import annotations

from _prose import P1, P2
from test_cleaning_eval_prose import NAMES, TEXTS, TITLE

from corpus_tools.clean import clean_text, reconstruct_text
from corpus_tools.prose import _default_settings, _name_above_frame, comment_threads

SIGNED = [
    (name, f"Posted on August 9, 2012 at {k + 1}:{10 + 7 * k}pm", TEXTS[k % 3], "Report Post")
    for k, name in enumerate(NAMES[:5])
]
THREAD = [line for sig in SIGNED for line in sig]


def _kept(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def test_the_date_line_with_the_name_above_is_a_signature() -> None:
    s = _default_settings()
    seq = [(0, "mtcountrygrl"), (1, "Posted on August 9, 2012 at 12:14pm")]
    assert _name_above_frame(seq, 1, s) == ("posted", "on", "M", "0", "0", "at", "T")
    # the comment's number may lead the name
    numbered = [(0, "2 Robert"), (1, "Dec 8th, 2009 at 8:03 pm")]
    assert _name_above_frame(numbered, 1, s) == ("0", "M", "0", "0", "at", "T", "P")
    # a sentence, a heading or a line with another digit above it is no name
    for above in ("It was cold.", "Comments (186)", "Read more:", "Page 2 of 5"):
        assert _name_above_frame([(0, above), seq[1]], 1, s) is None, above
    # a date line that names someone is a signature of its own (not read twice)
    own = [(0, "Ann"), (1, "Posted on August 9, 2012 at 12:14pm by Ann Lee")]
    assert _name_above_frame(own, 1, s) is None
    # the name-first layout ("Ann says:" / date) is _split_frame's, not this one's
    assert _name_above_frame([(0, "Ann says:"), seq[1]], 1, s) is None


def test_a_thread_signed_name_above_date_is_found() -> None:
    doc = [TITLE, P1, P2, "Comments (5)", *THREAD]
    out = comment_threads([(i, v, None) for i, v in enumerate(doc)], {})
    # from the first date line to the last comment: the first name and the last
    # "Report Post" stay (no prose follows them)
    assert sorted(out) == list(range(5, len(doc) - 1))
    assert out[5] == (
        "block:comments",
        "comment thread: 5 comments signed like 'Posted on August 9, 2012 at 1:10pm' (lines 6-23)",
    )


def test_a_page_keeps_its_article_and_loses_the_thread() -> None:
    raw = "\n".join(["Home", "News", TITLE, P1, P2, "Comments (5)", *THREAD, "Contact us"])
    text, rows = clean_text(raw)
    assert _kept(text) == [TITLE, P1, P2]
    assert any(r["rule"] == "block:comments" for r in rows)
    assert reconstruct_text(text, rows) == raw


def test_dated_teasers_without_a_thread_cue_stay_with_the_classifier() -> None:
    # headline / bare date / excerpt: no "Posted", no comment heading -> no thread
    teasers = [
        line
        for k, name in enumerate(NAMES[:4])
        for line in (f"{name} wins the prize", f"August {k + 9}, 2012 at 1:0{k}pm", TEXTS[k % 3])
    ]
    doc = [TITLE, P1, P2, *teasers]
    assert comment_threads([(i, v, None) for i, v in enumerate(doc)], {}) == {}
