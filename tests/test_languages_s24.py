"""Session 24: language guesses on real corpora (lower-case headline sets, Malay news,
Afrikaans, mixed chunks). Every case below was answered wrong before (the comment says
how); the texts are written for these tests."""

from __future__ import annotations

from corpus_tools import languages

LOWER_HEADLINES = [
    "council approves new budget for roads",
    "police search for missing teenager in the north",
    "farmers call for more help after the floods",
    "man dies in qld mining accident",
    "school holidays start with a heatwave",
    "government to review the water plan",
    "fire crews battle a blaze near the town",
    "the price of petrol rises again",
]


def test_short_lower_case_english_does_not_lose_to_stray_stopwords() -> None:
    # "man", "dies", "in" are German stopwords ("in" English too): the headline voted None
    votes = languages.text_votes(LOWER_HEADLINES)
    assert votes[3] == "en"
    assert votes == ["en"] * len(LOWER_HEADLINES)


def test_a_short_lower_case_line_of_another_listed_language_stays_out() -> None:
    # three Danish words that English does not write: still not English
    votes = languages.text_votes([*LOWER_HEADLINES, "regeringen vil ikke sige noget om det"])
    assert votes[-1] is None
