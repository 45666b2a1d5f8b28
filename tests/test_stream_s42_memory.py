"""The first pass's template state in the main process, leaner (session 42): document
digests in a sorted array (:class:`_DigestSet`) and smaller compactions; the same sets,
the same learned templates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpus_tools import stream as stream_mod
from corpus_tools.templates import learn_templates, table_to_sets


def test_digest_set_answers_as_a_python_set_across_its_merges(monkeypatch):
    monkeypatch.setattr(stream_mod, "_SEEN_RECENT", 16)
    rng = np.random.default_rng(42)
    seen = stream_mod._DigestSet()
    ref: set[int] = set()
    for _ in range(60):  # 60 batches of 20 digests from 300 values (high bits set too)
        x = rng.integers(0, 300, 20).astype(np.uint64) * np.uint64(2**55) + np.uint64(7)
        want = []
        for h in x.tolist():
            want.append(h not in ref)
            ref.add(h)
        assert seen.first_seen(x).tolist() == want
    assert len(seen) == len(ref) == 293  # of the 300 values, the ones drawn
    assert len(seen.recent) < 16 < len(seen.base)  # merged into the sorted array again and again
    assert np.all(np.diff(seen.base.astype(np.float64)) > 0)  # sorted, distinct


def test_digest_set_of_an_empty_batch():
    seen = stream_mod._DigestSet()
    assert seen.first_seen(np.zeros(0, np.uint64)).tolist() == []
    assert seen.first_seen(np.array([3, 3], np.uint64)).tolist() == [True, False]


@pytest.mark.parametrize(("recent", "compact"), [(1, 2), (2, 5), (65_536, 500_000)])
def test_learned_templates_do_not_depend_on_the_set_merges(monkeypatch, recent, compact):
    """Exact copies still count once (a copy seen before a merge into the sorted array and
    after it), so the learned lines are TemplateLearner's."""
    monkeypatch.setattr(stream_mod, "_SEEN_RECENT", recent)
    monkeypatch.setattr(stream_mod, "_TPL_COMPACT", compact)
    texts = [f"Story {i} happened on day {i}.\nContact Us\nPrivacy Policy" for i in range(9)]
    texts += ["Story 0 happened on day 0.\nContact Us\nPrivacy Policy"] * 6  # copies
    texts += [f"Other {i} ran.\nAbout the Other\nContact Us" for i in range(4)]
    texts += ["Other 1 ran.\nAbout the Other\nContact Us"] * 3  # copies, in another batch
    outlets = ["Daily"] * 15 + ["Other"] * 7
    frame = pd.DataFrame({"text": texts, "outlet": outlets, "url": [None] * len(texts)})
    got = stream_mod.template_sets(frame, None, {}, 3, 1)
    want = table_to_sets(learn_templates(zip(outlets, texts, strict=True)))
    assert (
        got
        == want
        == {
            "Daily": frozenset({"contact us", "privacy policy"}),
            "Other": frozenset({"about the other", "contact us"}),
        }
    )


def test_sentences_split_in_pieces_give_the_same_counts(monkeypatch):
    """A batch's texts split into sentences a few at a time (a worker's peak memory is a
    piece's): the same term cells, windows, pairs and evidence."""
    texts = [
        "Russia and China met in Beijing. The talks ended.",
        "China said trade grew. Russia's minister agreed!",
        "",
        "Germany and France signed. Russia and Germany spoke on Monday.",
        "Trade trade trade. China and France met.",
    ] * 3
    docs = [{"doc_id": f"d{k}", "outlet": "AB"[k % 2], "text": t} for k, t in enumerate(texts)]
    whole = stream_mod.count_documents(docs)
    monkeypatch.setattr(stream_mod, "_SENTENCE_UNIT", 2)
    pieces = stream_mod.count_documents(docs)
    assert pieces == whole  # term cells by their strings, mentions, windows, pairs, evidence
    assert pieces.term_index == whole.term_index  # the same ids in the same order
    assert whole.n_windows == 24 and whole.c_pair[("China", "Russia")] == 3
