"""A list after the last paragraph that names what the body names (nominees,
winners, a cast) is the article's; a teaser list after it is not (issue 15)."""

from __future__ import annotations

from _prose import P1, P2

from corpus_tools.clean import clean_text, reconstruct_text

TITLE = "Little Britain wins three comedy awards"
NAMES = (
    "The show beat The Office in the best comedy category, and Matt Lucas and David "
    "Walliams won the award for best actor. Caroline Quentin took home best actress for "
    "Life Begins, while Nighty Night was named the best new comedy over Doc Martin, and "
    "The Simpsons won the international prize that was presented at the ceremony."
)
WINNERS = [
    "Matt Lucas & David Walliams (Little Britain, BBC Three)",
    "Caroline Quentin (Life Begins, ITV1)",
    "Nighty Night (Baby Cow Productions, BBC Three)",
    "Doc Martin (Buffalo Productions, ITV1)",
    "The Simpsons (Twentieth Century Fox, BBC Two)",
]
TEASERS = [
    "Comedy star sets up a charity for young writers (VIDEO)",
    "Police close the bridge after a crash (PHOTOS)",
    "New drama series to start in the autumn (BBC One)",
    "Council votes to raise parking fees",
]


def _kept(raw: str) -> list[str]:
    return [ln for ln in clean_text(raw)[0].split("\n") if ln.strip()]


def test_list_of_winners_the_body_names_stays_with_the_article():
    raw = "\n\n".join([TITLE, P1, NAMES, P2, *WINNERS])
    text, rows = clean_text(raw)
    assert (text, rows) == (raw, [])


def test_one_line_list_of_names_with_qualifiers_stays():
    nominees = (
        "Matt Lucas (UK) David Walliams (UK) Caroline Quentin (UK) "
        "Stephen Hawking (UK) Julian Barratt (UK)"
    )
    raw = "\n\n".join([TITLE, P1, NAMES, P2, nominees])
    assert clean_text(raw) == (raw, [])


def test_teasers_with_bracketed_labels_after_the_body_still_go():
    raw = "\n".join([TITLE, P1, NAMES, P2, *TEASERS])
    text, rows = clean_text(raw)
    assert _kept(raw) == [TITLE, P1, NAMES, P2]
    assert [r["text"].strip() for r in rows if r["rule"] == "block:after_body"] == TEASERS
    assert reconstruct_text(text, rows) == raw
    # and after the winners: the winners stay, the teasers go
    raw = "\n".join([TITLE, P1, NAMES, P2, *WINNERS, *TEASERS])
    assert _kept(raw) == [TITLE, P1, NAMES, P2, *WINNERS]
