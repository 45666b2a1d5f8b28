"""Who speaks in 164 fresh headlines and lead sentences (stop 19: tests/data/quotes/ag_news.yml,
AG's News, 2004: Reuters, AP, AFP and other outlets), annotated by hand and split by row before
quotes() was run on them.

The dev half was tuned on; the held-out half was scored at the baseline and once at the end
(the numbers asserted below are those measured values; tests/data/quotes/README.md)."""

from __future__ import annotations

import hashlib

import pandas as pd
import yaml
from test_quotes import QDATA, _accepts

import corpus_tools as ct

ITEMS = yaml.safe_load((QDATA / "ag_news.yml").read_text(encoding="utf-8"))["items"]


def _held_out(item_id: str) -> bool:
    """Held out when the first byte of sha256("ag-h7-split:" + row) mod 5 is 0 or 1 (a title
    and its own description fall on the same side)."""
    row = item_id.rsplit(":", 1)[1]
    return hashlib.sha256(("ag-h7-split:" + row).encode()).digest()[0] % 5 < 2


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


def score(items: list[dict]) -> dict:
    """Speaker right / items, split into items with a speaker and items without one."""
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": [i["id"] for i in items], "text": [i["text"] for i in items]})
    )
    pred = ct.quotes(corpus)
    by_doc = dict(tuple(pred.groupby("doc_id")))
    empty = pred.iloc[:0]
    out = {"n": 0, "ok": 0, "n_named": 0, "ok_named": 0, "n_none": 0, "ok_none": 0, "wrong": []}
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


def _half(held: bool) -> dict:
    return score([i for i in ITEMS if _held_out(i["id"]) == held])


def _show(name: str, r: dict) -> None:
    print(
        f"\n{name}: {r['ok']}/{r['n']}; with a speaker {r['ok_named']}/{r['n_named']}; "
        f"without {r['ok_none']}/{r['n_none']}"
    )


def test_ag_sizes_and_split():
    held = [i for i in ITEMS if _held_out(i["id"])]
    assert (len(ITEMS), len(held)) == (164, 66)
    assert len({i["id"] for i in ITEMS}) == 164
    rows = {i["id"].rsplit(":", 1)[1] for i in held}
    assert not rows & {i["id"].rsplit(":", 1)[1] for i in ITEMS if not _held_out(i["id"])}


def test_ag_dev_tuned():
    r = _half(False)
    _show("ag dev", r)
    for w in r["wrong"]:
        print("  ", w)
