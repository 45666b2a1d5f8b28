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
    """Tuned on."""
    r = score_half(ITEMS, _held_out, False)
    show("fnc dev", r, wrong=True)
    assert (r["n"], r["n_named"], r["n_none"]) == (119, 38, 81)


def test_fnc_held_out():
    """Held out, never tuned on."""
    r = score_half(ITEMS, _held_out, True)
    show("fnc held-out", r)
    assert (r["n"], r["n_named"], r["n_none"]) == (67, 24, 43)


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
