"""What follows the article's last paragraph (issue 15): a closing paragraph that ends in a
link or a credit is still the article's; the teaser list after it is not."""

from __future__ import annotations

from _prose import P1, P2

from corpus_tools.clean import clean_text, reconstruct_text

NAV = ["Home", "World", "Business", "Sport"]
TEASERS = [
    "USCIS begins accepting H-1B petitions",
    "South Asian Summit discusses issues since 9/11",
    "EEOC joins fight for Signal workers",
    "Premium Themes Download",
]
FOOT = ["Contact Us", "Privacy Policy", "Terms of Use"]
CLOSING = (
    "On October 18, more than 300 people, including one woman, were sent back by the "
    "authorities for entering the country without papers. Full list: www.example.org/list"
)


def _page(last: str) -> str:
    return "\n".join(
        [*NAV, "Deportees return home after a long journey", P1, P2, last, *TEASERS, *FOOT]
    )


def test_a_closing_paragraph_ending_in_a_credit_is_kept():
    raw = _page(CLOSING)
    text, rows = clean_text(raw)
    kept = [ln for ln in text.split("\n") if ln.strip()]
    assert kept == ["Deportees return home after a long journey", P1, P2, CLOSING]
    assert reconstruct_text(text, rows) == raw
    # the teasers after it go, each with the reason
    after = [r for r in rows if r["rule"] == "block:after_body"]
    assert [r["text"].strip() for r in after] == [*TEASERS, *FOOT]


def test_a_teaser_blurb_without_a_whole_sentence_is_not_carried():
    blurb = "Newly elected president accepts an invitation to visit the capital next month as talks go on"
    kept = [ln for ln in clean_text(_page(blurb))[0].split("\n") if ln.strip()]
    assert kept == ["Deportees return home after a long journey", P1, P2]
