"""Actor pairs of a streamed batch counted as arrays (session 23) equal the loop over windows."""

from __future__ import annotations

from bisect import bisect_right
from itertools import combinations

import numpy as np
import pytest

from corpus_tools.actors import mention_entries_batch, resolve_gazetteer
from corpus_tools.stream import StreamCounts, _count_mentions, _ranks
from corpus_tools.tokenize import sentence_batch

# windows of one to seven actors, repeats inside a window, a pair in many windows
CROWDED = [
    "Russia, China, Iran, Israel, Qatar, Egypt and Turkey met. Russia and China left.",
    "Putin met Xi Jinping and Erdogan; Putin, Putin and Russia spoke. Iran.",
    "China and Russia. China and Russia. China and Russia. China and Russia. Iran and Iraq.",
    "",
    "Nothing here at all.",
]


def _pairs_reference(texts: list[str], n_evidence: int) -> StreamCounts:
    gaz = resolve_gazetteer(None)
    names = [e["name"] for e in gaz.entries]
    out = StreamCounts(n_evidence=n_evidence)
    for k, text in enumerate(texts):
        rows, _ = sentence_batch([text])
        starts, ends = rows[:, 1].tolist(), rows[:, 2].tolist()
        windows: dict[int, set[str]] = {}
        for found in mention_entries_batch([text], gaz, demonyms=True, locations=False):
            for start, entry, typ in found:
                if typ != "location":
                    sid = max(bisect_right(starts, start) - 1, 0)
                    windows.setdefault(sid, set()).add(names[entry])
        for sid in sorted(windows):
            st, en = (starts[sid], ends[sid]) if sid < len(starts) else (0, 0)
            for a, b in combinations(sorted(windows[sid]), 2):
                out.c_pair[(a, b)] = out.c_pair.get((a, b), 0) + 1
                ev = out.evidence.setdefault((a, b), [])
                if len(ev) < n_evidence:
                    ev.append(f"d{k}:{sid}:{st}-{en}")
    return out


@pytest.mark.parametrize("n_evidence", [0, 1, 3, 50])
@pytest.mark.parametrize("batch_size", [1, 4, 100])
def test_batch_pairs_equal_the_loop(bench_generator, n_evidence, batch_size):
    texts = CROWDED * 2 + [d["text"] for d in bench_generator.iter_documents(40)]
    docs = [{"doc_id": f"d{k}"} for k in range(len(texts))]
    ref = _pairs_reference(texts, n_evidence)
    got = StreamCounts(n_evidence=n_evidence)
    for k in range(0, len(texts), batch_size):
        part = StreamCounts(n_evidence=n_evidence)
        part_texts = texts[k : k + batch_size]
        _count_mentions(part, docs[k : k + batch_size], part_texts, ["X"] * len(part_texts), None)
        got.merge(part)
    assert list(got.c_pair.items()) == list(ref.c_pair.items())
    assert list(got.evidence.items()) == list(ref.evidence.items())
    # seven actors in one window: 21 pairs; China-Russia in five windows of the first texts
    assert ref.c_pair[("China", "Russia")] >= 10
    assert len(ref.c_pair) > 100
    if n_evidence == 1:
        assert ref.evidence[("China", "Russia")] == ["d0:0:0-57"]  # the first sentence


def test_ranks():
    assert _ranks(np.array([3, 0, 1, 2])).tolist() == [0, 1, 2, 0, 0, 1]
    assert _ranks(np.array([], dtype=np.int64)).tolist() == []
