"""Who speaks in 164 fresh headlines and lead sentences (stop 19: tests/data/quotes/ag_news.yml,
AG's News, 2004: Reuters, AP, AFP and other outlets), annotated by hand and split by row before
quotes() was run on them.

The dev half was tuned on; the held-out half was scored at the baseline and once at the end
(the numbers asserted below are those measured values; tests/data/quotes/README.md)."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from _quote_sets import held_out, predicted_speaker, score_half, show
from conftest import quote_row
from test_quotes import QDATA

import corpus_tools as ct
from corpus_tools.lexicon import load_lexicon
from corpus_tools.quotes.phrases import (  # noqa: PLC2701
    _AMOUNT_WORDS,
    _ISSUE_VERBS,
    generic_document,
    name_of,
    np_token_ok,
)
from corpus_tools.quotes.structure import KICKERS, colon_claim, label_head

ITEMS = yaml.safe_load((QDATA / "ag_news.yml").read_text(encoding="utf-8"))["items"]


def _held_out(item_id: str) -> bool:
    """Held out when the first byte of sha256("ag-h7-split:" + row) mod 5 is 0 or 1 (a title
    and its own description fall on the same side)."""
    return held_out("ag-h7-split:", item_id.rsplit(":", 1)[1])


def _half(held: bool) -> dict:
    return score_half(ITEMS, lambda i: _held_out(i["id"]), held)


def test_ag_sizes_and_split():
    held = [i for i in ITEMS if _held_out(i["id"])]
    assert (len(ITEMS), len(held)) == (164, 66)
    assert len({i["id"] for i in ITEMS}) == 164
    rows = {i["id"].rsplit(":", 1)[1] for i in held}
    assert not rows & {i["id"].rsplit(":", 1)[1] for i in ITEMS if not _held_out(i["id"])}


def test_ag_dev_tuned():
    """Tuned on. Baseline (the rules at the start of stop 19): 74/98 (with a speaker 26/48,
    without 48/50). After: 88/98 (39/48, 49/50)."""
    r = _half(False)
    show("ag dev", r, wrong=True)
    assert (r["n"], r["n_named"], r["n_none"]) == (98, 48, 50)
    assert r["ok_named"] >= 39 and r["ok_none"] >= 49


def test_ag_held_out():
    """Held out, never tuned on; scored at the baseline (counts) and once at the end of stop
    19. Baseline: 45/66 (with a speaker 14/35, without 31/31). End: 53/66 (22/35, 31/31):
    no new false speaker on the 31 items without one. Left wrong at the end (read after the
    score, not fixed): a dash speaker without quote marks (``Poll cost us victory - Cech``),
    ``vows no repeat``, Title Case ``U.S. Says`` and ``Sun Reports ... and Calls``, colon
    heads outside the word lists (``Ya'alon:``, ``Gates:``), ``the widow of X said``, ``a
    joint statement`` (``joint``), ``the Los Angeles Police Department`` (``Department``)."""
    r = _half(True)
    show("ag held-out", r)
    assert (r["n"], r["n_named"], r["n_none"]) == (66, 35, 31)
    assert r["ok_named"] >= 22 and r["ok_none"] >= 31


def _rows(text: str) -> pd.DataFrame:
    return ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["d"], "text": [text]})))


def _first_speaker(text: str) -> str | None:
    return predicted_speaker(_rows(text), text, None)


@pytest.mark.parametrize(
    ("text", "speaker", "source"),
    [
        # QA S18-9: a generic document is its noun, never its adjective
        ("HIV drug resistance is on the rise, according to a new report.", "report", "report"),
        (
            "Tesla makes 4 of the 10 most American-made cars, according to a new study.",
            "study",
            "study",
        ),
        (
            "Growth will slow next year, an annual industry report said.",
            "industry report",
            "industry report",
        ),
        ("Trump's White House Was 'Chaotic', New Book Says", "book", "book"),
    ],
)
def test_generic_document_sources(text, speaker, source):
    row = _rows(text).iloc[0]
    assert (row["speaker_canonical"], row["source"]) == (speaker, source)
    assert not row["speaker_resolved"]  # generic: no person or body resolved


def test_generic_document_words():
    assert generic_document(["latest", "survey"]) == "survey"
    assert generic_document(["new", "Pentagon", "report"]) is None  # the issuer speaks
    assert generic_document(["ministry", "statement"]) is None  # older rule: the ministry
    assert name_of("the ministry statement")[0] == "ministry"
    row = _rows("Troops will stay, according to a new Pentagon report.").iloc[0]
    assert (row["speaker_canonical"], row["source"]) == ("Pentagon", "Pentagon")  # the issuer


def test_kickers_and_topics_are_data():
    words = load_lexicon("quote_words").data
    assert KICKERS == frozenset(words["kickers"]) and {"recap", "watch", "photos"} <= KICKERS
    assert label_head(["Raiders", "notes"]) and label_head(["Update", "2"])
    assert label_head(["Scottish", "Independence"]) and not label_head(["Sean", "Hannity"])
    assert not label_head(["Securities", "and", "Exchange", "Commission"])


def test_amount_and_issue_words_are_data():
    """The amount words and the verbs that put out a document are read from
    data/quote_words.yml (stop 20), with the same words as the former constants; session 31
    added the past forms of the verbs (issued, released, ...: 18 -> 27)."""
    words = load_lexicon("quote_words").data
    assert _AMOUNT_WORDS == frozenset(words["amount_words"]) and len(_AMOUNT_WORDS) == 17
    assert _ISSUE_VERBS == frozenset(words["issue_verbs"]) and len(_ISSUE_VERBS) == 27
    assert {"percent", "majority", "quarter"} <= _AMOUNT_WORDS
    assert {"issue", "releases", "pens", "released", "issued"} <= _ISSUE_VERBS
    assert not np_token_ok("PERCENT", caps=True) and np_token_ok("Percent")
    t = "House Dems Issue Memo Claiming Republicans Are 'Lying'"
    assert quote_row(t, "Lying")["speaker"] == "House Dems"


@pytest.mark.parametrize(
    ("text", "match", "speaker"),
    [
        # kickers and topic heads before a colon are no speakers
        ("Photos: Crowds cheer 'historic' win in Madrid", "historic", None),
        ("Football Notebook: Coach says team is 'in a good place'", "in a good", "Coach"),
        ("Scottish Independence: Bank 'could move to London'", "could move", None),
        # a question about quoted words after a colon: the head is the topic
        ('Qualcomm: A "Wireless Intel"?', "Wireless Intel", None),
        ('Obama: Iran deal a "good deal"', "good deal", "Barack Obama"),
        # place names opening with a modifier; a demonym and one unknown word is a company
        ("New York AG says Trump lied to 'everyone'", "everyone", "New York AG"),
        ("British Gas warns of 'difficult' winter", "difficult", "British Gas"),
        ("Russian Lavrov says talks were 'useful'", "useful", "Sergei Lavrov"),
        ("Iranian President says sanctions 'illegal'", "illegal", "Iranian President"),
        # words quoted as words are mentioned, not said by the colon's head
        ("Teachers: Ban 'lazy,' the other L-word", "lazy", None),
        ("CEO: Stop using the word 'bossy' now", "bossy", None),
        ("Obama says the word 'bossy' is unfair", "bossy", "Barack Obama"),  # a cue still speaks
        # a verbless predicate of attitude: the subject holds the quoted view
        ("Iran ready for 'serious' talks", "serious", "Iran"),
        ("Wenger happy with 'fantastic' Arsenal display", "fantastic", "Wenger"),
        ("Shop open on 'Black Friday'", "Black Friday", None),
        ("Stocks open higher after 'bad data'", "bad data", None),
    ],
)
def test_headline_mechanisms(text, match, speaker):
    assert quote_row(text, match)["speaker_canonical"] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the whole phrase between the last comma and a sentence-final cue
        (
            "A bomb exploded near a patrol, injuring six soldiers, the U.S. command said.",
            "U.S. command",
        ),
        ("Talks could fail, the UN's envoy to the country said on Friday.", "United Nations"),
        ("The Bears agreed to trade Booker, a source close to the negotiations said.", "source"),
        (
            "Oil should continue to flow, multinational energy companies said.",
            "multinational energy companies",
        ),
        ("People were confirmed dead, NHK television said on its Web site.", "NHK television"),
        ("Talks went well, he said.", None),  # a pronoun with no antecedent stays unresolved
        # a company's legal form keeps its full stop and leaves the name
        ("Pfizer Inc. said Friday that it will provide more information.", "Pfizer"),
        (
            "Phishing rose in October, according to the Anti-Phishing Working Group (APWG).",
            "Anti-Phishing Working Group",
        ),
        # a headline verb with a noun-phrase object: the subject speaks it
        ("Israel Urges Sanctions on Iran for Nuke Program (AP)", "Israel"),
        # two gazetteer Bushes (session 28: George H. W. Bush) and no full name: the surname as written
        ("Bush Blames Poorly Made Shirt for Bulge (AP)", "Bush"),
        ("Turkey Revealed as Major Cocaine Trafficking Hub", None),
        ("Red Sox say goodbye to Pedro Martinez", None),
        # headline colons without quote marks
        ("Court: File-swapping software not liable for copyright violations", "Court"),
        ("India must recognize international realities: PM", "PM"),
        ("Peru Gov't: Police Killed in Self-Defense", "Peru"),
        ("Davis Cup: Australia takes 2-0 lead in World Group playoff", None),
        ("Brazil: Amazon sees worst deforestation levels in 15 years", None),
        ("Refugees: Fate of Hundreds Unknown", None),
        ("Update 2: Tokyo Stocks Finish 2.6 Percent Higher", None),
        ("Biden and businesses agree on one thing: U.S. needs immigrant workers", None),
        ("Alternative Energy: Ready or not?", None),
    ],
)
def test_article_and_colon_speakers(text, speaker):
    assert _first_speaker(text) == speaker


def test_colon_claim_spans():
    t = "Report: Dhanraj no longer needed: Coach"
    (a, b), (c, d), side = colon_claim(t, t, 0, len(t))
    assert (t[a:b], t[c:d], side) == ("Coach", "Dhanraj no longer needed", "right")
