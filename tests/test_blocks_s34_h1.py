"""Session 34 (H1): a headline-sized line right above the body stays when a line higher
up (a tag line) was taken as the headline."""

from corpus_tools import clean_text, reconstruct_text

_BODY1 = (
    "Officials said on Thursday that the talks in the capital would resume next week, after a "
    "pause of more than a month in which both sides had traded blame for the failure of the "
    "last round."
)
_BODY2 = (
    "The envoys met again on Friday morning and agreed on a short list of the points that are "
    "still open, which they expect to settle before the end of the month, a spokesman for the "
    "ministry said."
)


def _page(title: str) -> str:
    top = ["storm photos instagram filters Hurricane Sandy", "Oct 28, 2012 11:32 PM", title]
    return "\n\n".join([*top, _BODY1, _BODY2, "Contact Us", "Privacy Policy"])


def test_the_title_right_above_the_body_stays_under_a_tag_line() -> None:
    raw = _page("Photo Filters Bring Us Tinged Pictures of the Storm")
    clean, rows = clean_text(raw)
    assert "Photo Filters Bring Us Tinged Pictures of the Storm\n\nOfficials said" in clean
    assert [r["rule"] for r in rows] == [
        "block:before_body",
        "block:after_body",
        "block:after_body",
    ]
    assert rows[0]["text"].startswith("Oct 28, 2012")
    assert reconstruct_text(clean, rows) == raw


def test_a_byline_with_a_handle_right_above_the_body_still_goes() -> None:
    raw = _page("Catherine Shu @catherineshu / 2 days")
    clean, rows = clean_text(raw)
    assert "@catherineshu" not in clean
    assert clean.count("Officials said") == 1
