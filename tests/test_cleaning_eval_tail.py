"""A sentence right after the article's last paragraph is the article's, whatever its
stopword share (issue 15). Found on the development part of the L3S set: sentences full of
names and numbers ("Seven of seven untreated control macaques got sick.") have few
stopwords and were cut with the teaser list that follows them."""

from __future__ import annotations

from _prose import P1, P2

from corpus_tools.blocks import line_features
from corpus_tools.clean import clean_text, reconstruct_text

TITLE = "Ministers agree to resume border talks"
LAST = "Seven of seven untreated control macaques got sick."
NAMES = "Earlier, British Foreign Secretary David Miliband voiced shock at Bhutto's assassination."
TEASERS = [
    "More News Headlines",
    "Popular News Stories",
    "SRI helps develop screening program for AIDS drugs [Birmingham]",
    "Contact the Editor",
]


def _kept(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def test_the_sentences_have_few_stopwords():
    for line in (LAST, NAMES):
        f = line_features(line)
        assert f.stop < 0.22 and f.cls != "bad"


def test_sentences_after_the_body_stay_teasers_go():
    raw = "\n".join(["Home", "World", TITLE, P1, P2, NAMES, LAST, *TEASERS])
    text, rows = clean_text(raw)
    assert _kept(text) == [TITLE, P1, P2, NAMES, LAST]
    assert {r["text"].strip(): r["rule"] for r in rows if r["rule"].startswith("block:")} == {
        "World": "block:before_body",
        **{t: "block:after_body" for t in TEASERS},
    }
    assert reconstruct_text(text, rows) == raw


def test_a_headline_after_the_body_is_not_a_sentence():
    # no full stop: a teaser headline, however long, is not carried over
    teaser = "Seven of seven untreated control macaques got sick in a new trial"
    raw = "\n".join([TITLE, P1, P2, teaser, *TEASERS])
    text, _rows = clean_text(raw)
    assert _kept(text) == [TITLE, P1, P2]
