"""A paragraph that cites its source is article text, not a photo caption (issue 15):
found on the development pages of the Dragnet set, where "(Source: Wall Street Journal,
July 31, 2012.)" closing a paragraph was removed as a caption's credit."""

from __future__ import annotations

from corpus_tools.clean import clean_text, load_rules, reconstruct_text

RULES_ONLY = load_rules(disable_categories=["block", "template"])
CITED = (
    "In July, this proof of little job creation remained near 30-year lows: 63.7%. "
    "(Source: Bureau of Labor Statistics.)"
)
QUOTED = (
    "\u201cThis is not a Starbucks issue. This is a macro problem of weak consumer "
    "confidence.\u201d (Source: Wall Street Journal, July 31, 2012.)"
)
CAPTION = (
    "Prototype of the new Juno rover, a 300 kg rover for a mission to Mars or the Moon. Credit: CSA"
)


def test_a_cited_source_is_not_a_credit():
    raw = "\n".join(["Jobs report", CITED, QUOTED, CAPTION, "The end of the story."])
    text, rows = clean_text(raw, rules=RULES_ONLY)
    assert CITED in text and QUOTED in text
    assert [(r["rule"], r["text"].strip()) for r in rows if r["replacement"] == ""] == [
        ("caption_trailing_credit", CAPTION)
    ]
    assert reconstruct_text(text, rows) == raw


def test_photo_credit_labels_still_end_a_caption():
    for label in ("Photo: AFP", "Photograph: Marco Secchi/Getty Images", "(Foto: Volkswagen)"):
        line = f"Cruise liners passing through Venice are causing heated arguments. {label}"
        _text, rows = clean_text(f"Title\n{line}\nThe end of the story.", rules=RULES_ONLY)
        assert [r["rule"] for r in rows if r["replacement"] == ""] == ["caption_trailing_credit"]
