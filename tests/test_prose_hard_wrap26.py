"""Text wrapped at a fixed width (wire copy, e-mail): a full line goes on whatever the next
line starts with (session 26).

Wire copy is printed in lines of about 65 characters; a sentence breaks wherever the width
ends, also before a capitalised name or a number ("... since early" / "January and ...").
Joined only when the next line starts in lower case, such paragraphs were judged line by
line (short lines, a "teaser list") and removed.
"""

from __future__ import annotations

from corpus_tools.blocks import wrap_width, wraps
from corpus_tools.clean import clean_text, reconstruct_text
from corpus_tools.prose import fragment_groups

WIRE = """\
HARBOUR GRAIN REVIEW
PORTVILLE, March 3 - Rain fell over most of the northern wheat
belt during the week, easing the dry spell that began in late
December and lifting hopes for the spring planting, although
soil moisture is still below normal, the Grain Board said in a
weekly report.
    Deliveries in the week to February 28 reached 212,400 tonnes
against 198,100 tonnes a week earlier, bringing the season's
total to 4.21 mln tonnes, compared with 3.96 mln at the same
time last year, the board said.
    Exporters said most of the grain left in the country is held
by farm cooperatives and a few large traders, who expect prices
to rise once the Easter holidays are over and shipping resumes.
    Board officials said spot prices rose to 180 to 185 dlrs per
tonne for March loading, while April and May shipments traded
at 178 dlrs, with little interest from buyers in the region.
    Final figures for February will be published after the board
meets on March 10, the report said.
 Reuter
"""


def test_wrap_width_of_wire_copy_and_of_web_text() -> None:
    views = [" ".join(line.split()) for line in WIRE.splitlines()]
    assert wrap_width(views) == 63
    web = ["Home", "News"] + ["A paragraph printed on one line. " * 8] * 10
    assert wrap_width(web) == 0


def test_full_line_goes_on_before_a_capital_or_a_digit() -> None:
    a = "belt during the week, easing the dry spell that began in late"
    assert wraps(a, "December and lifting hopes", 63)
    assert wraps("Deliveries in the week to February 28 reached 212,400 tonnes", "against", 63)
    assert not wraps(a, "December and lifting hopes", 0)  # not a wrapped text
    assert not wraps("meets on March 10, the report said.", "Reuter", 63)  # a sentence ends
    assert not wraps("HARBOUR GRAIN REVIEW", "PORTVILLE, March 3 - Rain", 63)  # a short line


def test_paragraphs_are_fragment_groups() -> None:
    views = [" ".join(line.split()) for line in WIRE.splitlines()]
    assert fragment_groups(views)[:3] == [(1, 5), (6, 9), (10, 12)]


def test_clean_text_keeps_the_whole_wire_story() -> None:
    clean, rows = clean_text(WIRE)
    removed = [r["text"].strip() for r in rows if r["replacement"] == ""]
    assert removed == ["Reuter"]  # the sign-off only
    for kept in ("HARBOUR GRAIN REVIEW", "December and lifting hopes", "at 178 dlrs, with"):
        assert kept in clean
    assert reconstruct_text(clean, rows) == WIRE


def test_clean_text_rejoins_the_wrapped_lines() -> None:
    """clean.py's rejoin_broken_line joins a full line to the next one in a wrapped text,
    also before a capital or a number; a paragraph's last line and the title stay apart."""
    clean, rows = clean_text(WIRE)
    assert "the dry spell that began in late December and lifting hopes" in clean
    assert "reached 212,400 tonnes against 198,100 tonnes" in clean
    assert clean.startswith("HARBOUR GRAIN REVIEW\nPORTVILLE, March 3 - Rain fell")
    assert "weekly report.\n    Deliveries" in clean
    assert (
        sum(r["rule"] == "rejoin_broken_line" for r in rows) == 12
    )  # 4 + 3 + 2 + 2 + 1 in five paragraphs
    assert reconstruct_text(clean, rows) == WIRE
