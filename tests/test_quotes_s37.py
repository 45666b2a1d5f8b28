"""Session 37: who speaks in fresh headlines and article sentences (tests/data/quotes/
fresh37_items.yml): Philippine headlines of 2025, NewsAPI titles and description sentences
(South African, Indian, US, UK and world outlets) and sentences of Nigerian articles of 2023,
annotated by hand and split before quotes() ran on them.

The dev half was tuned on; the held-out half was scored once at the end (the numbers asserted
below are those measured values; tests/data/quotes/README.md)."""

from __future__ import annotations

import pytest
import yaml
from _quote_sets import held_out, quote_rows, score_items, show
from test_quotes import QDATA

ITEMS = yaml.safe_load((QDATA / "fresh37_items.yml").read_text(encoding="utf-8"))["items"]


def _part(src: str, kind: str, held: bool) -> list[dict]:
    """Held out when the first byte of sha256("s37-h5-split:" + doc) mod 5 is 0 or 1."""
    return [
        i
        for i in ITEMS
        if i["id"].startswith(src + ":")
        and i["id"].endswith(":title") == (kind == "title")
        and held_out("s37-h5-split:", i["doc"]) == held
    ]


def test_s37_sizes_and_split():
    assert len(ITEMS) == 139 and len({i["id"] for i in ITEMS}) == 139
    sizes = {
        (s, k, h): len(_part(s, k, h))
        for s, k in (("ph", "title"), ("wz", "title"), ("wz", "s"), ("ng", "s"))
        for h in (False, True)
    }
    assert sizes == SIZES


def _check(name: str, part: list[dict], sizes: tuple, floors: tuple, wrong: bool) -> None:
    r = score_items(part)
    show(name, r, wrong=wrong)
    assert (r["n"], r["n_named"], r["n_none"]) == sizes
    assert r["ok_named"] >= floors[0] and r["ok_none"] >= floors[1]


SIZES = {
    ("ph", "title", False): 33,
    ("ph", "title", True): 15,
    ("wz", "title", False): 21,
    ("wz", "title", True): 17,
    ("wz", "s", False): 16,
    ("wz", "s", True): 10,
    ("ng", "s", False): 13,
    ("ng", "s", True): 14,
}


def test_s37_philippine_titles_dev():
    """Tuned on. Baseline (ffd8614): 26/33 (with a speaker 19/26, without 7/7); now 31/33
    (24/26, 7/7)."""
    _check("philippine titles dev", _part("ph", "title", False), (33, 26, 7), (24, 7), True)


def test_s37_newsapi_titles_dev():
    """Tuned on. Baseline (ffd8614): 19/21 (with a speaker 3/3, without 16/18). Left wrong:
    NewsAPI's ``... - Ars Technica`` source suffix read as a dash speaker."""
    _check("newsapi titles dev", _part("wz", "title", False), (21, 3, 18), (3, 16), True)


def test_s37_newsapi_sentences_dev():
    """Tuned on. Baseline (ffd8614): 13/16 (with a speaker 4/7, without 9/9); now 14/16
    (5/7, 9/9)."""
    _check("newsapi sentences dev", _part("wz", "s", False), (16, 7, 9), (5, 9), True)


def test_s37_nigerian_sentences_dev():
    """Tuned on. Baseline (ffd8614): 11/13 (with a speaker 4/6, without 7/7)."""
    _check("nigerian sentences dev", _part("ng", "s", False), (13, 6, 7), (4, 7), True)


def test_s37_philippine_titles_held_out():
    """Held out, never tuned on; scored once at the end of session 37. Baseline (ffd8614):
    12/15 (with a speaker 3/6, without 9/9); end: 14/15 (5/6, 9/9). Left wrong: ``Go to
    Filipinos: Unite, ...`` (a one-word surname that is a common verb)."""
    _check("philippine titles held out", _part("ph", "title", True), (15, 6, 9), (5, 9), False)


def test_s37_newsapi_titles_held_out():
    """Held out. Baseline (ffd8614): 15/17 (with a speaker 1/3, without 14/14); end: the same.
    Left wrong: ``Yellen 'not anticipating' economic downturn`` (no speaker), ``'Inappropriate':
    PM Modi objects to ...; Delhi CM expresses regret`` (the second clause's subject)."""
    _check("newsapi titles held out", _part("wz", "title", True), (17, 3, 14), (1, 14), False)


def test_s37_newsapi_sentences_held_out():
    """Held out. Baseline (ffd8614): 9/10 (with a speaker 5/6, without 4/4); end: the same.
    Left wrong: ``... Lucas Green is shutting down Meghan Markle's previous claim ...``."""
    _check("newsapi sentences held out", _part("wz", "s", True), (10, 6, 4), (5, 4), False)


def test_s37_nigerian_sentences_held_out():
    """Held out. Baseline (ffd8614): 14/14 (with a speaker 10/10, without 4/4); end: the
    same."""
    _check("nigerian sentences held out", _part("ng", "s", True), (14, 10, 4), (10, 4), False)


# --- mechanisms written on the dev half ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a lone initialism the gazetteer does not know, before a sentence-case claim
        ("PCG: China reinstalls floating barriers in Panatag", "PCG"),
        ("DFA: Married women can use maiden name in passport", "DFA"),
        ("PAGASA: Expect hot weather this week", "PAGASA"),
        # a topic's initialism, a kicker, a Title Case claim or a question: no speaker
        ("NBA: Lakers beat the visiting side in overtime", None),
        ("COVID: Schools to reopen in March after the break", None),
        ("WATCH: Police chase ends in crash on the highway", None),
        ("WTF: Pentagon Sold Over $1 Million Worth Of Weapons", None),
        ("GOLDBOD: Loss or no loss for the gold trade?", None),
        # a participle clause after the head: the head speaks, not the participle's object
        ("Officials investigating the crash say the pilot was tired.", "Officials"),
        ("Researchers tracking sharks say the numbers are increasing.", "Researchers"),
        # ", saying he would ...": the participle shares the clause's subject
        ("The president promised reforms, saying he would pay attention.", "president"),
        # a typed dash glued to the closing speaker
        ("Duterte counsel Medialdea 'amateurish' in first ICC hearing--Ortega", "Ortega"),
        # a plural noun of people and its bare verb before a headline's colon and quote
        ("Fans react to the final episode: 'Best ending ever'", "Fans"),
        ("Netizens gush over the bodyguard: 'You are so handsome'", "Netizens"),
        # a quote, then a name's possessive and a speech noun
        ("'Keep your head down', the coach's advice to young players", "coach"),
        ("'We must stay united', Maria Lopez's message to her team", "Maria Lopez"),
        ("'Stay calm', the city's plan for the storm season", None),
        # a negated auxiliary or modal after the subject of a clause before ", says"
        ("Lisa Su doesn't believe AI will cut jobs, says we are still hiring", "Lisa Su"),
    ],
)
def test_s37_speaker_mechanisms(text, speaker):
    rows = quote_rows(text)
    assert rows["speaker_canonical"].dropna().tolist()[:1] == ([speaker] if speaker else [])
