"""Session 42 (H1): a wire brief opens with its dateline (issue 15, recall above the body).

Reuters-21578's earnings briefs print a headline, a dateline line that starts the figures
("SINGAPORE, March 28 - Shr 8.43 cts vs 9.61 cts"), a figure a line, then a one-sentence
note: the classifier took the figures for a teaser list above a short body and removed
them with the dateline. The dateline right under the headline opens the article.
"""

from __future__ import annotations

from corpus_tools.blocks import classify_lines
from corpus_tools.clean import clean_text, reconstruct_text
from corpus_tools.prose import dateline_briefs

HEAD = "SINGAPORE LAND LTD <LNDH.SI> FIRST HALF FEB 28"
FIGURES = [
    "SINGAPORE, March 28 - Shr 8.43 cts vs 9.61 cts",
    "Int div nil vs nil",
    "Group net 7.8 mln dlrs vs 8.9 mln",
    "Turnover 30.6 mln dlrs vs 33.5 mln",
]
NOTE = (
    "Note - The company said group net profits for the year ending this Aug 31 should "
    "amount to 13.5 mln dlrs."
)


def test_the_figures_under_a_dateline_stay() -> None:
    raw = "\n\n".join([HEAD, *FIGURES, NOTE, "REUTER"])
    text, rows = clean_text(raw)
    assert text.split("\n\n")[:6] == [HEAD, *FIGURES, NOTE]
    assert reconstruct_text(text, rows) == raw


def test_a_state_and_an_agency_date_the_brief_too() -> None:
    for line in (
        "BELLEVUE, Wash., March 18 - Shr 14 cts vs 22 cts",
        "BROOKLYN, N.Y., March 16 - Shr 2.27 dlrs vs 74 cts",
        "NEW YORK (Reuters) - Shr 2.27 dlrs vs 74 cts",
    ):
        doc = [HEAD, line, *FIGURES[1:], NOTE]
        lines = [(i, v, None) for i, v in enumerate(doc)]
        assert dateline_briefs(lines, classify_lines(lines)) == [1, 2, 3, 4], line


def test_a_dateline_among_teasers_or_in_mixed_case_stays_removed() -> None:
    cut = ("block:before_body", "in a teaser list")
    teasers = ["Markets Rally On Rate Hopes", "Banks Lead The Gains"]
    doc = [HEAD, *teasers, *FIGURES, NOTE]
    lines = [(i, v, None) for i, v in enumerate(doc)]
    assert dateline_briefs(lines, dict.fromkeys(range(1, 7), cut)) == []
    # a place not in capitals, or no date nor agency, is no dateline
    for line in ("Today's Birthdays, March 29 - Elle Macpherson", "SINGAPORE - Shr 8 cts"):
        doc = [HEAD, line, *FIGURES[1:], NOTE]
        lines = [(i, v, None) for i, v in enumerate(doc)]
        assert dateline_briefs(lines, dict.fromkeys(range(1, 5), cut)) == [], line
