"""The stream's batch mention counting equals a loop over documents, one mention at a time."""

from __future__ import annotations

from bisect import bisect_right
from itertools import combinations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.actors import mention_entries_batch, resolve_gazetteer
from corpus_tools.stream import StreamCounts, _count_mentions
from corpus_tools.tokenize import sentence_batch


def _reference(docs: list[dict], texts: list[str], groups: list[str]) -> StreamCounts:
    """Per document: each mention counted, placed in the last sentence starting at or before it."""
    gaz = resolve_gazetteer(None)
    names = [e["name"] for e in gaz.entries]
    out = StreamCounts()
    for d, text, g in zip(docs, texts, groups, strict=True):
        rows, _ = sentence_batch([text])
        starts, ends = rows[:, 1].tolist(), rows[:, 2].tolist()
        out.n_windows += len(starts)
        per_doc: dict = {}
        windows: dict[int, set[str]] = {}
        for found in mention_entries_batch([text], gaz, demonyms=True, locations=False):
            for start, entry, typ in found:
                k = (g, names[entry], typ)
                per_doc[k] = per_doc.get(k, 0) + 1
                if typ != "location":
                    sid = max(bisect_right(starts, start) - 1, 0)
                    windows.setdefault(sid, set()).add(names[entry])
        for k, c in per_doc.items():
            cur = out.mentions.setdefault(k, [0, 0])
            cur[0] += c
            cur[1] += 1
        for sid in sorted(windows):
            actors = sorted(windows[sid])
            for a in actors:
                out.c_single[a] = out.c_single.get(a, 0) + 1
            st, en = (starts[sid], ends[sid]) if sid < len(starts) else (0, 0)
            for a, b in combinations(actors, 2):
                out.c_pair[(a, b)] = out.c_pair.get((a, b), 0) + 1
                ev = out.evidence.setdefault((a, b), [])
                if len(ev) < out.n_evidence:
                    ev.append(f"{d['doc_id']}:{sid}:{st}-{en}")
    return out


HAND = [
    "Russia and China met. Iran left. Russia, China and Iran signed; Putin spoke.",
    "",
    "   ",
    "No actors here.",
    "Russian envoys met Chinese envoys. The White House and the Kremlin replied.",
    "Putin. Putin. Putin and Xi Jinping. China China Russia",
    "Headline about Iran\n\nBody: Iran and Israel. Israel's army and Hamas met in Doha.",
]


@pytest.mark.parametrize("source", ["hand", "generated"])
def test_batch_mention_counts_equal_a_loop_over_documents(source, bench_generator):
    if source == "hand":
        texts = HAND * 3
    else:
        texts = [d["text"] for d in bench_generator.iter_documents(120)]
    docs = [{"doc_id": f"d{k}"} for k in range(len(texts))]
    groups = [("X", "Y", "(missing)")[k % 3] for k in range(len(texts))]
    got = StreamCounts()
    _count_mentions(got, docs, texts, groups, None)
    ref = _reference(docs, texts, groups)
    assert got.n_windows == ref.n_windows
    assert got.mentions == ref.mentions
    # same keys in the same order (a loop over documents, windows, actors by name)
    assert list(got.c_single.items()) == list(ref.c_single.items())
    assert list(got.c_pair.items()) == list(ref.c_pair.items())
    assert list(got.evidence.items()) == list(ref.evidence.items())
    assert sum(got.c_pair.values()) > (20 if source == "hand" else 500)


def test_batch_mention_counts_of_the_seeds_match_actor_mentions(seed_corpus):
    corpus = seed_corpus
    got = StreamCounts()
    texts = corpus.docs["text"].tolist()
    docs = [{"doc_id": d} for d in corpus.docs["doc_id"]]
    _count_mentions(got, docs, texts, ["all"] * len(texts), None)
    m = ct.actor_mentions(corpus)
    assert sum(c for c, _ in got.mentions.values()) == len(m)
    windows = m[["doc_id", "sent_id", "actor"]].drop_duplicates()
    assert got.c_single == windows["actor"].value_counts().to_dict()


def test_batch_mention_counts_of_lower_cased_seeds_match_actor_mentions(seed_corpus):
    """A corpus written without capitals: actor_mentions recases the gazetteer's unambiguous
    names (found_by='uncased'); the stream's batch matcher read none of them before."""
    lower = [t.lower() for t in seed_corpus.docs["text"]]
    corpus = ct.load_corpus(
        pd.DataFrame({"doc_id": seed_corpus.docs["doc_id"], "text": lower}),
        clean=False,
    )
    got = StreamCounts()
    docs = [{"doc_id": d} for d in corpus.docs["doc_id"]]
    _count_mentions(got, docs, corpus.docs["text"].tolist(), ["all"] * len(lower), None)
    m = ct.actor_mentions(corpus)
    assert (m["found_by"] == "uncased").sum() > 50
    assert sum(c for c, _ in got.mentions.values()) == len(m)
    windows = m[["doc_id", "sent_id", "actor"]].drop_duplicates()
    assert got.c_single == windows["actor"].value_counts().to_dict()
