"""Who speaks in 186 fresh headlines and article sentences (stop 20:
tests/data/quotes/fakenews_corpus.yml, the FakeNewsCorpus crawler sample: partisan, conspiracy
and market-report sites, 2017-2018), annotated by hand and committed before quotes() was run on
them, split by document.

The dev half was tuned on; the held-out half was scored at the baseline and once at the end
(the numbers asserted below are those measured values; tests/data/quotes/README.md)."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from _quote_sets import held_out, predicted_speaker, score_half, show
from test_quotes import QDATA

import corpus_tools as ct

ITEMS = yaml.safe_load((QDATA / "fakenews_corpus.yml").read_text(encoding="utf-8"))["items"]


def _held_out(item: dict) -> bool:
    """Held out when the first byte of sha256("fnc-h7-split:" + document id) mod 5 is 0 or 1."""
    return held_out("fnc-h7-split:", item["id"].split(":")[1])


def test_fnc_sizes_and_split():
    held = [i for i in ITEMS if _held_out(i)]
    assert (len(ITEMS), len(held)) == (186, 67)
    assert len({i["id"] for i in ITEMS}) == 186
    docs = {i["id"].split(":")[1] for i in held}
    assert not docs & {i["id"].split(":")[1] for i in ITEMS if not _held_out(i)}
    for i in ITEMS:  # every quoted span is in its text
        assert i.get("match") is None or i["match"] in i["text"]


def test_fnc_dev_tuned():
    """Tuned on. Baseline (the rules at the start of stop 20): 98/119 (with a speaker 22/38,
    without 76/81). After: 110/119 (32/38, 78/81)."""
    r = score_half(ITEMS, _held_out, False)
    show("fnc dev", r, wrong=True)
    assert (r["n"], r["n_named"], r["n_none"]) == (119, 38, 81)
    assert r["ok_named"] >= 32 and r["ok_none"] >= 78


def test_fnc_held_out():
    """Held out, never tuned on; scored at the baseline (counts) and once at the end of stop
    20 (counts and errors). Baseline: 49/67 (with a speaker 14/24, without 35/43). End: 52/67
    (16/24, 36/43). Left wrong at the end (read after the score, not fixed): Title Case
    ``..., Says Preserve Our Culture`` (the inverted-cue rule took the imperative for the
    speaker), document nouns inside Title Case titles (``... Market Analysis Report 2020 –``),
    ``Schumer: Trump Will Be Blamed`` (a surname alone), ``..., The Hill reported`` after
    ``Schumer ... said`` (gives ``Hill``), ``the official stated`` inside a sentence."""
    r = score_half(ITEMS, _held_out, True)
    show("fnc held-out", r)
    assert (r["n"], r["n_named"], r["n_none"]) == (67, 24, 43)
    assert r["ok_named"] >= 16 and r["ok_none"] >= 36


def _first_speaker(text: str) -> str | None:
    rows = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["d"], "text": [text]})))
    return predicted_speaker(rows, text, None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a passive reporting verb after an adverb has no speaker but its by-agent
        ("With the help of supply data, the gap between these two is also explained.", None),
        ("The plan was also criticised by the unions.", None),  # no claim: no row
        # a person's name ending in an abbreviation keeps it ("Jr.", as "Inc.")
        ("Antonio Sabato Jr. says Hollywood wants Oprah to run.", "Antonio Sabato Jr"),
        # "&" inside a firm's name
        (
            "According to Ernst & Young, more than $7.6 trillion will be held in ETFs.",
            "Ernst & Young",
        ),
        ("Procter & Gamble said sales rose.", "Procter & Gamble"),
        # a web address named as the source, and an apposition after it
        (
            "Police killed 1,147 people according to mappingpoliceviolence.org – a group "
            "which obtained its data from three databases.",
            "mappingpoliceviolence.org",
        ),
        ("Sales rose 5% according to the company.", "company"),
        # a description with a possessive at the sentence start
        ("The girl’s parents said that there were often ants in her ear.", "girl’s parents"),
    ],
)
def test_sentence_mechanisms(text, speaker):
    assert _first_speaker(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person's name (a common given name and a surname) heading or closing a claim
        ("Greg Hunter: Big Banks in Big Trouble, Tax Cuts Update – Video", "Greg Hunter"),
        ("Antonio Sabato Jr.: It's Oprah or Bust for Hollywood Dems", "Antonio Sabato Jr."),
        ("Debt-Driven Consumer Economy Breaking Down: Greg Weldon", "Greg Weldon"),
        # ... unless the claim describes a person: then the name is the story's topic
        ("David Fuller: Hospital worker admits murdering two women", None),
        ("Mike Tyson: Malawi asks former boxer to be cannabis ambassador", None),
        ("Stephen Sondheim: master craftsman who reinvented the musical dies aged 91", None),
        ("KYLE RITTENHOUSE TRIAL: JURORS COMPLETE SECOND DAY OF DELIBERATIONS", None),
        ("Johnny Depp: The acting outlaw", None),
        ("Credit: ESA/Hubble & NASA, Acknowledgement: Judy Schmidt", None),
        ("Jun 29, 2008 — Jim Bray", None),  # a dateline and a byline
        # the speaker after a dash ending the line, without quote marks
        (
            "Clinton–Obama Emails: Key to Why Hillary Wasn’t Indicted – Andrew McCarthy",
            "Andrew McCarthy",
        ),
        ("Germany won't admit refugees from the border — interior minister", "interior minister"),
        ("Prince Andrew’s loan paid off by firms linked to Tory donor – report", "report"),
        ("Floods hit the north – BBC News", None),  # a site's or medium's name
        ("waking up in the morgue – Awareness Act", None),
        ("Never Hike Alone - A Friday the 13th Fan Film (Full Movie)", None),
        ("The Beatles: Get Back Review – Peter Jackson Docuseries Soars", None),
        # the speaker after an inverted cue at the end of a Title Case line
        (
            "If We Don't Act Now, Fascism Will Be on Our Doorstep, Says Yale Historian",
            "Yale Historian",
        ),
        # a document noun ending a title is no verb
        (
            "Chloride Industry 2017: Market Trend, Growth and Key Manufacturers Analysis Report",
            None,
        ),
        # a possessor before an abstract noun heads the colon: the possessed is no speaker
        ("Nikola Tesla’s Time Travel Experience: ‘I Could See The Past’", "Nikola Tesla"),
        ("Trump's Press Secretary: 'We won'", "Trump's Press Secretary"),
        # a speaker's label before first-person speech (a transcript)
        ("Mary: I want you also to understand James, what is very important.", "Mary"),
        ("Update: We are still waiting for the results of the vote.", None),
        ("FULL DISCLOSURE: We have no way of knowing if any of these are true.", None),
        # "said Thursday" after an apposition: the name before it speaks, not the weekday
        (
            "“We are on the precipice,” Maryland Sen. Ben Cardin, the ranking member on the "
            "Committee, said Thursday.",
            "Ben Cardin",
        ),
        ("Stuart Rose, head of M&S, said prices were too high.", "Stuart Rose"),
        ("B&B said the buy-to-let market would grow.", "B&B"),
    ],
)
def test_headline_mechanisms(text, speaker):
    assert _first_speaker(text) == speaker
