"""The site's footer below its copyright line is never taken as the article's body.

A short article whose paragraphs the classifier rates only near-good had its body anchored
on the one good line of the page, a community-rules sentence under the copyright line, and
lost every line above it (a real news page kept 280 of 6,679 characters)."""

from corpus_tools.blocks import classify_lines

MENU = ["Home", "News", "Sports", "Business", "Opinion", "Weather", "Jobs", "Autos"]
RULES = (
    "Community Rules apply to all content you upload or otherwise submit to this site, and "
    "the moderators of the site may remove any content that does not follow them."
)
NEAR = [
    "HUNTSVILLE - Hockey players, roller skaters and robot builders arrive in January.",
    "Here is a calendar of the big events coming to the county next month.",
]
EVENTS = [
    f"Jan. {d}-{d + 2}: Charger Hockey, Chargers vs. Alaska, Spragins Hall" for d in range(3, 24, 4)
]
BODY = (
    "Officials said on Thursday that the talks in the capital would resume next week, after "
    "a pause of more than a month in which both sides had traded blame for the failure."
)


def _lines(rows: list[str], copyright_at: int) -> list[tuple[int, str, str | None]]:
    return [(i, v, "copyright_line" if i == copyright_at else None) for i, v in enumerate(rows)]


def test_footer_sentence_is_no_body_anchor() -> None:
    rows = MENU * 3 + NEAR + EVENTS + MENU + ["(c) 2015 Media Group All rights reserved.", RULES]
    out = classify_lines(_lines(rows, len(rows) - 2))
    kept = {i for i in range(len(rows)) if i not in out}
    # nothing of the article is removed as 'before the body'
    first = len(MENU) * 3
    assert set(range(first, first + len(NEAR) + len(EVENTS))) <= kept


def test_footer_after_a_real_body_still_goes() -> None:
    rows = MENU + ["Talks to resume next week", BODY, BODY.replace("Thursday", "Friday")]
    rows += MENU + ["(c) 2015 Media Group All rights reserved.", RULES]
    out = classify_lines(_lines(rows, len(rows) - 2))
    assert out[len(rows) - 1][0] == "block:after_body"
    assert {len(MENU) + 1, len(MENU) + 2} & set(out) == set()
