"""Scoring of the labelled item sets of tests/data/quotes/ (AG's News, UCI headlines, Babel
Briefings): one split rule and one scoring loop, shared by their test modules.

An *item* is a headline or a sentence with its accepted speakers (``speaker``: a list of names,
``null`` for none) and, when it has a quoted span, the ``match`` text inside it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

import pandas as pd
from test_quotes import _accepts

import corpus_tools as ct


def held_out(salt: str, key: str) -> bool:
    """Held out when the first byte of sha256(salt + key) mod 5 is 0 or 1 (about 40 %)."""
    return hashlib.sha256((salt + key).encode()).digest()[0] % 5 < 2


def predicted_speaker(rows: pd.DataFrame, text: str, match: str | None) -> str | None:
    """The item's speaker as scored: with a quoted span, the narrowest direct row covering it;
    otherwise the first row (by start) that has a speaker."""
    if match is not None:
        a = text.index(match)
        hit = rows[rows["direct"] & (rows["start"] <= a) & (rows["end"] >= a + len(match))]
        if hit.empty:
            return None
        return (
            hit.assign(_len=hit["end"] - hit["start"])
            .sort_values("_len")
            .iloc[0]["speaker_canonical"]
        )
    named = rows[rows["speaker_canonical"].notna()].sort_values("start", kind="mergesort")
    return None if named.empty else named.iloc[0]["speaker_canonical"]


def score_items(items: list[dict]) -> dict:
    """Speaker right / items, split into items with a speaker and items without one; the
    wrong ones as ``(id, text[:70], predicted)``."""
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": [i["id"] for i in items], "text": [i["text"] for i in items]})
    )
    pred = ct.quotes(corpus)
    by_doc = dict(tuple(pred.groupby("doc_id")))
    empty = pred.iloc[:0]
    out: dict = {"n": 0, "ok": 0, "n_named": 0, "ok_named": 0, "n_none": 0, "ok_none": 0}
    out["wrong"] = []
    for it in items:
        got = predicted_speaker(by_doc.get(it["id"], empty), it["text"], it.get("match"))
        ok = bool(_accepts(got, it["speaker"]))
        named = it["speaker"] is not None and any(s is not None for s in it["speaker"])
        kind = "named" if named else "none"
        out["n"] += 1
        out["ok"] += ok
        out[f"n_{kind}"] += 1
        out[f"ok_{kind}"] += ok
        if not ok:
            out["wrong"].append((it["id"], it["text"][:70], got))
    return out


def score_half(items: Iterable[dict], is_held: Callable[[dict], bool], held: bool) -> dict:
    """:func:`score_items` on one half of a split set."""
    return score_items([i for i in items if is_held(i) == held])


def show(name: str, r: dict, wrong: bool = False) -> None:
    """Print the counts (``pytest -s``); the wrong items too when ``wrong`` (dev halves only)."""
    print(
        f"\n{name}: {r['ok']}/{r['n']}; with a speaker {r['ok_named']}/{r['n_named']}; "
        f"without {r['ok_none']}/{r['n_none']}"
    )
    for w in r["wrong"] if wrong else ():
        print("  ", w)


def quote_rows(*texts: str) -> pd.DataFrame:
    """``ct.quotes`` of a corpus of ``texts``, one document each (``d0``, ``d1``, ...)."""
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    )
    return ct.quotes(corpus)


def named_speakers(text: str) -> list[str]:
    """The speakers ``ct.quotes`` names in ``text`` (rows without one left out)."""
    return [s for s in quote_rows(text)["speaker"] if not pd.isna(s)]
