"""Session 28: a comment form ends the article. The run of the article never grows over
a comment form's lines (rules ``email_not_published``, ``comment_form_fields``,
``akismet_notice``: blocks.yml ``form_rules``), nor joins a run beyond one: the consent
text of the form and the comments under it are prose, but not the article's."""

from __future__ import annotations

from dataclasses import replace

from corpus_tools import clean_text, load_rules, reconstruct_text
from corpus_tools.blocks import _max_run, load_block_settings

P = (
    "Officials said on Thursday that the talks in the capital would resume next week, after "
    "a pause of more than a month in which both sides had traded blame for the failure of "
    "the last round and for the fighting that followed it in the north of the country."
)
#: three paragraphs of the article (a line printed twice would go as a duplicate)
BODY = [P, P.replace("Thursday", "Friday"), P.replace("Thursday", "Monday")]
FORM = [
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Name *",
    "Email *",
    "Save my name, email, and website in this browser for the next time I comment.",
]
CONSENT = (
    "By submitting this form you agree to the publisher using your data for the purposes of "
    "publishing your comment, and your personal data will only be disclosed to third parties "
    "for the purposes of spam filtering or if this is necessary for technical maintenance."
)
COMMENT = (
    "I have been following these talks for a long time and I think that both of the sides "
    "are to blame for the fact that nothing has been agreed in all of the months since then."
)


def _text(after: list[str]) -> str:
    return "\n".join(["Talks to resume next week", *BODY, *FORM, *after])


def _kept(text: str, **kw: object) -> str:
    clean, rows = clean_text(text, **kw)  # type: ignore[arg-type]
    assert reconstruct_text(clean, rows) == text
    return clean


def test_consent_text_under_a_comment_form_goes() -> None:
    text = _text([CONSENT, CONSENT.replace("publisher", "newspaper")])
    clean = _kept(text)
    assert clean.split("\n") == ["Talks to resume next week", *BODY]
    _, rows = clean_text(text)
    after = [r for r in rows if r["rule"] == "block:after_body"]
    assert [r["text"].strip() for r in after] == [
        CONSENT,
        CONSENT.replace("publisher", "newspaper"),
    ]


def test_without_form_rules_the_run_grows_over_the_form() -> None:
    # the same page judged as before session 28: the consent text joined the article
    s = load_block_settings()
    rules = load_rules()
    off = replace(rules, blocks=replace(s, form_rules=frozenset()))
    clean = _kept(_text([CONSENT]), rules=off)
    assert clean.split("\n")[-1] == CONSENT


def test_comments_scoring_like_the_article_do_not_join_it() -> None:
    # three comments of a paragraph each after the form score as much as the article
    # (second_run): they are no part of it
    comments = [COMMENT, COMMENT.replace("long", "short"), COMMENT.replace("both", "all")]
    clean = _kept(_text(comments))
    assert clean.split("\n") == ["Talks to resume next week", *BODY]


def test_a_form_is_a_boundary_a_rule_removed_line_a_cost() -> None:
    # an ordinary rule-removed line costs its gap and the run goes on over it (as before
    # session 28: a run starting again after it lost a results table on a held-out page)
    assert _max_run([5.0, 10.0, 3.0], 0, 3, [0.0, 8.0, 0.0]) == (10.0, 0, 2)
    assert _max_run([9.0, 10.0, 3.0], 0, 3, [0.0, 8.0, 0.0]) == (14.0, 0, 2)
    # a comment form (an infinite gap): the run starts again after it, with that line
    assert _max_run([5.0, 10.0, 3.0], 0, 3, [0.0, float("inf"), 0.0]) == (13.0, 1, 2)
    assert _max_run([50.0, 10.0], 0, 2, [0.0, float("inf")]) == (50.0, 0, 0)
