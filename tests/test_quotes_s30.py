"""Session 30: who speaks in fresh headlines of two countries never used before, CBC News
(Canada, 2022-24: tests/data/quotes/cbc_headlines.yml) and Citi Newsroom (Ghana, 2025-26:
tests/data/quotes/citi_headlines.yml), annotated by hand and split before quotes() ran on
them; and the rules written on their dev halves and on the rest of the two pools.

The dev halves were tuned on; the held-out halves were scored at the baseline and once at the
end (the numbers asserted below are those measured values; tests/data/quotes/README.md)."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from _quote_sets import held_out, predicted_speaker, score_half, show
from test_quotes import QDATA

import corpus_tools as ct
from corpus_tools.quotes.phrases import word_spans
from corpus_tools.quotes.structure import _dash_speaker_part, _unknown_name, dash_claim

SETS = {
    name: yaml.safe_load((QDATA / f"{name}_headlines.yml").read_text(encoding="utf-8"))["items"]
    for name in ("cbc", "citi")
}


def _held(item: dict) -> bool:
    """Held out when the first byte of sha256("s30-h5-split:" + id) mod 5 is 0 or 1."""
    return held_out("s30-h5-split:", item["id"])


def test_s30_sizes_and_split():
    sizes = {k: (len(v), sum(map(_held, v))) for k, v in SETS.items()}
    assert sizes == {"cbc": (112, 44), "citi": (80, 30)}
    ids = [i["id"] for v in SETS.values() for i in v]
    assert len(set(ids)) == len(ids) == 192


def test_s30_cbc_dev():
    """Tuned on. Baseline (739304e): 61/68 (with a speaker 25/31, without 36/37); end
    (6fabd43): the same."""
    r = score_half(SETS["cbc"], _held, False)
    show("cbc dev", r, wrong=True)
    assert (r["n"], r["n_named"], r["n_none"]) == (68, 31, 37)
    assert r["ok_named"] >= 25 and r["ok_none"] >= 36


def test_s30_citi_dev():
    """Tuned on. Baseline (739304e): 32/50 (with a speaker 12/30, without 20/20); end
    (6fabd43): 47/50 (27/30, 20/20)."""
    r = score_half(SETS["citi"], _held, False)
    show("citi dev", r, wrong=True)
    assert (r["n"], r["n_named"], r["n_none"]) == (50, 30, 20)
    assert r["ok_named"] >= 27 and r["ok_none"] >= 20


def test_s30_cbc_held_out():
    """Held out, never tuned on; scored at the baseline (counts) and once at the end of
    session 30. Baseline (739304e): 42/44 (with a speaker 12/14, without 30/30). End
    (6fabd43): 42/44 (12/14, 30/30). Left wrong (read after the score, not fixed): a lead
    quote before an ``-ing`` clause (``'I want that glory': Whitehorse boxer fighting``),
    ``..., NATO chief says`` gives ``NATO``."""
    r = score_half(SETS["cbc"], _held, True)
    show("cbc held-out", r)
    assert (r["n"], r["n_named"], r["n_none"]) == (44, 14, 30)
    assert r["ok_named"] >= 12 and r["ok_none"] >= 30


def test_s30_citi_held_out():
    """Held out, never tuned on; scored at the baseline and once at the end. Baseline
    (739304e): 20/30 (with a speaker 11/21, without 9/9). End (6fabd43): 26/30 (17/21, 9/9).
    Left wrong: colon heads the word lists do not know (``Kwakye Ofosu:``, ``Asantehene:``),
    ``Ghana mineworkers' Union of TUC urges``, ``'It's going to get worse': US car buyers
    brace for``."""
    r = score_half(SETS["citi"], _held, True)
    show("citi held-out", r)
    assert (r["n"], r["n_named"], r["n_none"]) == (30, 21, 9)
    assert r["ok_named"] >= 17 and r["ok_none"] >= 9


def _speaker(text: str) -> str | None:
    rows = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["d"], "text": [text]})))
    return predicted_speaker(rows, text, None)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name the word lists do not know, after a headline's one dash (pool, not sampled)
        ("Restrict rice imports to protect local farmers – Amos Azinu", "Amos Azinu"),
        ("Apparel now earns more FX than Cocoa – Prof. Bokpin", "Bokpin"),
        ("Politicians involved in galamsey will face the law – EPA", "EPA"),
        (
            "Post-retirement extensions breed political loyalty, stagnation — Amadu Sorogho",
            "Amadu Sorogho",
        ),
        # a verb of saying or an addressee after the name
        ("Dumsor will continue until the end of the year – IES warns", "IES"),
        ("Make long term decisions – Sam Jonah tells businesses", "Sam Jonah"),
        ("Galamsey: Declare state of emergency now – Miracles to govt", "Miracles"),
        ("Support highlife artistes – Bessa Simons to govt", "Bessa Simons"),
        # not a speaker: a region, a station's call letters, a Title Case tail with "to"
        ("Access Bank champions digital innovation at Africa Bank 4.0 Summit – West Africa", None),
        ("Man charged after crash on the freeway overnight - KTLA", None),
        ("Trump Now Arming Ukrainian Neo-Nazi Regime – Expect Russia to Retaliate", None),
        ("Floods hit the north – BBC News", None),
    ],
)
def test_dash_speakers(text, speaker):
    assert _speaker(text) == speaker


def test_dash_speaker_part_and_unknown_names():
    t = "– Prof. Baah-Boateng warns BoG"
    toks, told = _dash_speaker_part(word_spans(t, 2, len(t)))
    assert [w for _, _, w in toks] == ["Prof", ".", "Baah-Boateng"] and told
    t = "– Yaw Baah to tripartite committee"
    assert [w for _, _, w in _dash_speaker_part(word_spans(t, 2, len(t)))[0]] == ["Yaw", "Baah"]
    t = "– Gideon Boako"
    assert _dash_speaker_part(word_spans(t, 2, len(t)))[1] is False
    assert _unknown_name(["Elikem", "Kotoko"]) and _unknown_name(["AIGS"])
    assert not _unknown_name(["Earth", "Changes"]) and not _unknown_name(["Ghana"])
    assert not _unknown_name(["AFP"]) and not _unknown_name(["KTLA"]) and _unknown_name(["WAEC"])
    t = "Mahama under no pressure to appoint new Defence Minister – Elikem Kotoko"
    (a, b), _, side = dash_claim(t, t, 0, len(t))
    assert (t[a:b], side) == ("Elikem Kotoko", "right")
    # two dashes: a lone unknown pair after the last one may be a tag, not a speaker
    t = "2014 – Earth Changes – Kpone Katamanso"
    assert dash_claim(t, t, 0, len(t)) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the lead's open items: a possessive before a quote and a speech noun
        ("Kiren Rijiju's 'no bill' remark sparks row", "Kiren Rijiju"),
        ("Trump's 'law and order' message more complicated this time", "Donald Trump"),
        ("The city's 'new' plan draws fire", None),
        # an abbreviated title before a headline's speaker (Citi pool)
        ("Prof. Asuming calls for transparency in GoldBod accounts", "Asuming"),
        ("Rev. Wengam urges Christians to emulate biblical faith for nation building", "Wengam"),
        # a page title's site after its dash: a question or a how-to before it
        ("What Is a Bond? Definition and Types - Investopedia", None),
        ("How to Calculate Compound Interest - Investopedia", None),
        ("Poll cost us victory - Cech", "Cech"),
        # a name spelt with its question mark stays one word; "Book:" is a kicker
        ("People reliant on cash risk being cut adrift, Which? says", "Which?"),
        ("Book: Trump 'raged' at aides over Ukraine", None),
        ("Trump raged at aides over Ukraine, new book claims", "book"),
        # an addressee after "to" needs a line that is not all capitalised
        ("Sack Kumasi Mayor now – Akosua Manu to Mahama", "Akosua Manu"),
    ],
)
def test_s30_open_items(text, speaker):
    assert _speaker(text) == speaker
