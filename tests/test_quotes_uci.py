"""Quotes on 274 headlines of many publishers (stop 18: tests/data/quotes/uci_headlines.yml,
UCI News Aggregator, March 2014: US Title Case and UK/Indian/Australian sentence case),
annotated by hand and split by story cluster before quotes() was run on them.

The dev half was tuned on; the held-out half was scored at the baseline and once at the end
(the numbers asserted below are those measured values; tests/data/quotes/README.md)."""

from __future__ import annotations

import pytest
import yaml
from _quote_sets import held_out
from conftest import quote_row
from test_quotes import QDATA, _headline_set, _print_all

from corpus_tools.quotes.speakers import Resolver, canonical_in_context
from corpus_tools.quotes.structure import colon_head, headline_line, label_quote, trailing_dash

SET = "uci_headlines.yml"
HEADS = yaml.safe_load((QDATA / SET).read_text(encoding="utf-8"))["headlines"]
STORY = {h["id"]: h["story"] for h in HEADS}


def _held_out_story(key: str) -> bool:
    """Held out when the first byte of sha256("uci-story:" + story) mod 5 is 0 or 1: a
    story cluster (the same news in several outlets) is never on both sides."""
    return held_out("uci-story:", STORY[key])


def _half(held: bool) -> dict:
    return _headline_set(SET, lambda i: _held_out_story(i) == held)


def test_uci_sizes_and_split():
    ids = set(STORY)
    assert (len(HEADS), len(ids), sum(map(_held_out_story, ids))) == (282, 270, 111)
    assert len({h["publisher"] for h in HEADS}) > 100  # many outlets, not one house style
    held = {STORY[i] for i in ids if _held_out_story(i)}
    assert not held & {STORY[i] for i in ids if not _held_out_story(i)}
    sizes = {
        half: (r["n"], r["n_scare"], r["n_speaker"])
        for half, r in (("dev", _half(False)), ("held", _half(True)))
    }
    assert sizes == {"dev": (58, 110, 58), "held": (47, 67, 47)}  # speech, scare, evaluated


def test_uci_dev_tuned():
    """Tuned on. Baseline (the rules at the start of stop 18): speaker 32/58, scare quotes
    given a speaker 10/110, recall 58/58. After: 40/58 and 5/110; after stop 19 (tuned on
    other data): 41/58 and 4/110."""
    r = _half(False)
    _print_all("uci dev", {"uci_headlines": r})
    assert r["found"] == r["n"] == 58
    assert r["speaker_ok"] >= 41 and r["n_speaker"] == 58
    assert r["scare_with_speaker"] <= 4 and r["n_scare"] == 110


def test_uci_held_out():
    """Held out, never tuned on; scored at the baseline and once at the end of stop 18.
    Baseline: speaker 38/47, scare quotes given a speaker 11/67, recall 47/47. At the end:
    38/47 and 12/67; 39/47 after one later fix (``White House``, counts only): the dev gain
    (+8 speakers, -5 false ones) did not carry over. Most
    held-out errors are a colon head given to a word quoted as a word (``Girl Scout CEO:
    Let's Ban "Bossy"``) and kickers taken for speakers (``'True Detective' ... Recap:``)."""
    r = _half(True)
    _print_all("uci held-out", {"uci_headlines": r})
    assert r["found"] == r["n"] == 47
    assert r["speaker_ok"] >= 40 and r["n_speaker"] == 47  # stop 19: 40/47, scare 7/67
    assert r["scare_with_speaker"] <= 7 and r["n_scare"] == 67


@pytest.mark.parametrize(
    ("text", "match", "speaker"),
    [
        # sentence-case colon heads, whatever the verb or preposition
        ("Zac Efron on HSM reunion: 'We're all thinking about it'", "thinking", "Zac Efron"),
        (
            "Edward Snowden discusses NSA leaks at SXSW: 'I would do it again'",
            "would do",
            "Edward Snowden",
        ),
        (
            "Snowden to tech leaders at SXSW: 'We need you to help us fix this.'",
            "We need",
            "Snowden",
        ),
        (
            "J.C. Penney stock booster: 'American Comeback Story: It Fits & We Feel It'",
            "Comeback",
            "J.C. Penney stock booster",
        ),
        ('Olympic condoms auctioned: "faster, higher, stronger"', "faster", None),
        ("US open: Stocks fall after 'bad data'", "bad data", None),
        # wire style: the name after a dash ending the line
        ("'Favorable terms' for US muni issuers who report inaccuracies -SEC", "Favorable", "SEC"),
        # a quote opening the headline labels the word after it
        ("'Bachelor' star Juan Pablo endorses the R-word on Twitter", "Bachelor", None),
        (
            "'The Bachelor' Finale Full Recap: Juan Pablo Chooses Between Nikki",
            "The Bachelor",
            None,
        ),
        # plural agent nouns before a noun-form cue; one name with a demonym
        ("Hackers claim MtGox still has access to 'missing' Bitcoin", "missing", "Hackers"),
        (
            "American Airlines Pilot Says 'It Was Scary' Over New Mexico",
            "It Was",
            "American Airlines Pilot",
        ),
        # Title Case: a preposition marks a title only when it governs the quote
        (
            "White House Blames Deadly Gaza Violence On Hamas 'Propaganda'",
            "Propaganda",
            "White House",
        ),
        (
            "Jimmy Kimmel Mocks 'Snowflake' Marjorie Taylor Greene For Calling Cops On Him",
            "Snowflake",
            "Jimmy Kimmel",
        ),
        ("Shailene Woodley Graces The Cover Of 'Teen Vogue'", "Teen Vogue", None),
        ("Seann William Scott Replaces Clayne Crawford On Renewed 'Lethal Weapon'", "Lethal", None),
        ("DOJ Rescinds 'Zero Tolerance' Immigration Rule Used For Family Separation", "Zero", None),
        ('Taylor Swift Dominates "Billboard" 2014 "Money Makers" List', "Billboard", None),
        (
            "Tina Fey's Sarah Palin Leads 'SNL' Chorus Lamenting 'What I Did For Trump'",
            "What I",
            None,
        ),
        ("The Most Popular Shows On Netflix Right Now Besides 'Big Mouth'", "Big Mouth", None),
        ("Lena Dunham Gets Nude for Her 'Saturday Night Live' Hosting Gig", "Saturday", None),
        # sentence-case conventions of the older sets are kept
        ("Tarantino 'to make Friday sequel'", "to make", None),
        ("Last Star Wars 'not for children'", "not for", None),
    ],
)
def test_structure_mechanisms(text, match, speaker):
    assert quote_row(text, match)["speaker_canonical"] == speaker


def test_role_with_demonym_stays_the_role():
    """A one-person office with a demonym and no name is that office; a country is the
    speaker only through the actor table or a body as head."""
    res = Resolver("")
    got = {
        n: canonical_in_context(n, [], None, res)
        for n in ("Iranian President", "Samoan Prime Minister", "Libyan officials")
    }
    assert got == dict.fromkeys(got)  # no country: the row keeps the phrase as written
    assert canonical_in_context("Chinese government", [], None, res) == "China"
    assert canonical_in_context("Russian Foreign Ministry", [], None, res) == (
        "Russian Foreign Ministry"
    )
    row = quote_row("Iranian President Says Iran 'Will Not Wage War'", "Will Not")
    assert row["speaker_canonical"] == "Iranian President"


def test_structure_helpers():
    t = "Zac Efron on HSM reunion: 'We're all thinking about it'"
    a, b = colon_head(t, t, 0, t.index("'"))
    assert t[a:b] == "Zac Efron"
    assert colon_head("Video-game interview: 'X'", "Video-game interview: 'X'", 0, 23) is None
    t = "Rates to stay low for longer - Carney"
    a, b = trailing_dash(t, t, 0, len(t))
    assert t[a:b] == "Carney"
    assert trailing_dash("Prices up - video", "Prices up - video", 0, 17) is None  # a kicker
    t = "'Bachelor' star Juan Pablo slammed"
    assert label_quote(t, 0, 10, len(t))
    t = "'Cowardly' Fox News host"
    assert not label_quote(t, 0, 10, len(t))  # a judgement
    assert headline_line("Body text. 'X' he said.", 11, 23) is None
    assert headline_line("J.C. Penney booster: 'X'", 5, 24) == (0, 24)  # split at "J.C."
