"""Session 35 (H1): a numbered list after the body (references, notes, steps) is carried
by its numbers, whatever the items' shapes; a numbered list of headlines is not."""

from corpus_tools import clean_text, reconstruct_text

_BODY = [
    "Officials said on Thursday that the talks in the capital would resume next week, after "
    "a pause of more than a month in which both sides had traded blame for the failure of "
    "the last round.",
    "The envoys met again on Friday morning and agreed on a short list of the points that "
    "are still open, which they expect to settle before the end of the month, a spokesman "
    "for the ministry said.",
]
_REFERENCES = [  # cleaneval's page 467, shapes that change from item to item
    '1) Ekdotiki Athenon, "Istoria tou Ellinikou Ethnous," Tomos B.',
    '2) "Istoria tou Ellinikou Ethnous," Tomos Gamma 1.',
    '3) "Istoria tou Ellinikou Ethnous," Tomos Gamma 2.',
    '4) Will Durant, "Pankosmios Istoria tou politismou," Tomos B.',
    '5) Encyklopedia Helios, Tomos "Hellas."',
]
_HEADLINES = [
    "1. Don't put Vista in schools, says education agency",
    "2. Details of Vista SP1 revealed",
    "3. Vista not grabbing businesses... yet",
    "4. Microsoft still bullish about Windows Vista",
]
_FOOT = ["Contact Us", "Privacy Policy", "Terms of Use"]


def test_numbered_references_after_the_body_stay() -> None:
    raw = "\n\n".join([*_BODY, "Bibliography", *_REFERENCES, *_FOOT])
    clean, rows = clean_text(raw)
    for item in _REFERENCES:
        assert item in clean
    assert "Bibliography" in clean
    assert clean.endswith(_REFERENCES[-1])
    assert [r["rule"] for r in rows] == ["block:after_body"] * 3
    assert reconstruct_text(clean, rows) == raw


def test_a_numbered_list_of_headlines_after_the_body_still_goes() -> None:
    raw = "\n\n".join([*_BODY, "Most read", *_HEADLINES, *_FOOT])
    clean, rows = clean_text(raw)
    assert clean == "\n\n".join(_BODY)
    assert reconstruct_text(clean, rows) == raw
