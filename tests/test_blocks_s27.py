"""Session 27: a quiet gap between two parts of the article joins them; the "Key
Takeaways" label run into a description's first line goes, the sentence stays."""

from __future__ import annotations

from corpus_tools import clean_text, reconstruct_text
from corpus_tools.blocks import classify_lines

P = (
    "Officials said on Thursday that the talks in the capital would resume next week, after "
    "a pause of more than a month in which both sides had traded blame for the failure."
)
WORDS = (
    "view walk map tour boat photo bench lamp wall gate dock pier crane shed quay buoy mast "
    "rope net flag bell sign road path park pond hill cove reef fort mill barn yard shop well "
    "tree rock sand dune kelp"
).split()
#: 40 short lines in lower case between paragraphs: the article's own list, no chrome in it
ITEMS = [f"a {w} of the harbour" for w in WORDS]


def _doc(gap: list[str]) -> list[tuple[int, str, None]]:
    doc = ["Harbour talks to resume next week", P, P, *gap, P, P, P, P, P]
    return [(i, v, None) for i, v in enumerate(doc)]


def test_a_gap_of_short_lines_with_no_chrome_stays() -> None:
    assert len(ITEMS) == 40
    assert classify_lines(_doc(ITEMS)) == {}  # before: 40 lines block:between_parts


def test_a_gap_with_chrome_still_cuts_the_article() -> None:
    gap = [*ITEMS[:20], "Share on Facebook | Twitter | Email", *ITEMS[20:]]
    out = classify_lines(_doc(gap))
    # the 41 lines between the two parts go, the share row and the list around it
    assert sorted(out) == list(range(3, 44))
    assert {r for r, _ in out.values()} == {"block:between_parts"}
    assert out[3][1].startswith("between two parts of the body (lines 3 and 45)")


def test_takeaways_label_goes_the_sentence_stays() -> None:
    text = "Key Takeaways Two banks have confirmed the attack in August."
    clean, rows = clean_text(text)
    assert clean == "Two banks have confirmed the attack in August."
    assert [(r["rule"], r["text"]) for r in rows] == [("takeaways_label", "Key Takeaways ")]
    assert reconstruct_text(clean, rows) == text
    for kept in ("Key Takeaways", "Key Takeaways:", "The key takeaways from the meeting were few."):
        assert clean_text(kept)[0] == kept
