"""Streaming counts equal the in-memory tables (and do not depend on n_jobs or batch size)."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError
from corpus_tools.stream import StreamCounts, count_documents, keyness_from_counts, stream_counts


@pytest.fixture(scope="module")
def small_corpus_dir(tmp_path_factory, bench_generator):
    out = tmp_path_factory.mktemp("gen")
    bench_generator.write_corpus(60, out, formats=("txt", "jsonl", "parquet"), part_size=25)
    return out


@pytest.fixture(scope="module")
def loaded(small_corpus_dir):
    return ct.load_corpus(small_corpus_dir / "docs.jsonl")


def test_terms_keyness_equal_in_memory(loaded, small_corpus_dir):
    s = stream_counts(small_corpus_dir / "docs.jsonl", batch_size=17)
    assert s.n_docs == len(loaded) == 60
    pd.testing.assert_frame_equal(s.term_table(), ct.term_frequencies(loaded), rtol=1e-12)
    pd.testing.assert_frame_equal(
        keyness_from_counts(s), ct.keyness(loaded).drop(columns="evidence"), rtol=1e-12
    )
    pd.testing.assert_frame_equal(
        keyness_from_counts(s, "g2", min_count=2, min_docs=1, top_n=5),
        ct.keyness(loaded, method="g2", min_count=2, min_docs=1, top_n=5).drop(columns="evidence"),
        rtol=1e-12,
    )


def test_mentions_and_cooccurrence_equal_in_memory(loaded, small_corpus_dir):
    s = stream_counts(small_corpus_dir / "docs.jsonl", batch_size=13)
    co = ct.cooccurrence(loaded, window="sentence", measure="npmi", min_count=2)
    sc = s.cooccurrence_table(measure="npmi", min_count=2)
    assert len(sc) > 0
    pd.testing.assert_frame_equal(
        sc.drop(columns="evidence_docs"), co.drop(columns="evidence_docs")
    )
    assert [e for e in sc["evidence_docs"]] == [e[:3] for e in co["evidence_docs"]]
    m = ct.actor_mentions(loaded)
    groups = dict(zip(loaded.docs["doc_id"], loaded.docs["outlet"], strict=False))
    m["group"] = m["doc_id"].map(groups)
    exp = (
        m.groupby(["group", "actor", "type"])
        .agg(count=("doc_id", "size"), n_docs=("doc_id", "nunique"))
        .reset_index()
    )
    got = s.mention_table()
    merged = got.merge(exp, on=["group", "actor", "type"], how="outer", suffixes=("", "_exp"))
    assert len(merged) == len(got) == len(exp)
    assert (merged["count"] == merged["count_exp"]).all()
    assert (merged["n_docs"] == merged["n_docs_exp"]).all()


def test_parallel_and_batch_size_identical(small_corpus_dir):
    a = stream_counts(small_corpus_dir / "docs.jsonl", batch_size=60)
    b = stream_counts(small_corpus_dir / "docs.jsonl", batch_size=7, n_jobs=2)
    pd.testing.assert_frame_equal(a.term_table(), b.term_table(), rtol=1e-12)
    pd.testing.assert_frame_equal(a.cooccurrence_table(), b.cooccurrence_table())
    pd.testing.assert_frame_equal(a.mention_table(), b.mention_table())


def test_folder_of_text_files_same_counts_as_jsonl(small_corpus_dir):
    a = stream_counts(small_corpus_dir / "docs.jsonl", mentions=False)
    b = stream_counts(small_corpus_dir / "txt", mentions=False)
    assert sorted(a.group_docs.items()) == sorted(b.group_docs.items())
    pd.testing.assert_frame_equal(a.term_table(), b.term_table(), rtol=1e-12)


def test_count_documents_small_example():
    c = count_documents(
        [
            {"doc_id": "a", "outlet": "X", "text": "Russia and China met. Russia left."},
            {"doc_id": "b", "outlet": None, "text": "China’s envoy left."},
        ]
    )
    t = c.term_table()
    assert t[t.group == "X"][["term", "count"]].values.tolist() == [
        ["russia", 2],
        ["and", 1],
        ["china", 1],
        ["left", 1],
        ["met", 1],
    ]
    assert t[t.group == "(missing)"]["term"].tolist() == ["'s", "china", "envoy", "left"]
    assert c.group_tokens == {"X": 6, "(missing)": 4}
    assert c.n_windows == 3
    assert c.c_pair == {("China", "Russia"): 1}
    assert c.evidence == {("China", "Russia"): ["a:0:0-21"]}


def test_errors():
    with pytest.raises(CorpusValueError, match="n_jobs"):
        stream_counts(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), clean=False, n_jobs=0)
    with pytest.raises(CorpusValueError, match="batch_size"):
        stream_counts(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), clean=False, batch_size=0)


def test_batches_send_only_new_terms_and_merge_to_one_vocabulary():
    import corpus_tools.stream as stream_mod

    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["X", "Y", "X"],
            "text": ["Envoys met in Doha.", "Envoys left Doha.", "Talks in Doha ended."],
        }
    )
    # one vocabulary across the batches of a stream: each batch sends the terms it saw first
    vocab = stream_mod._Vocab("t")
    parts = [
        stream_mod._count_batch([d], vocab, "outlet", False, None, False, None, 3)
        for d in docs.to_dict("records")
    ]
    assert [list(p.term_index) for p in parts] == [
        ["envoys", "met", "in", "doha"],
        ["left"],
        ["talks", "ended"],
    ]
    total = stream_mod.StreamCounts()
    for p in parts:
        total.merge(p)
    fresh = count_documents(docs.to_dict("records"), mentions=False)
    pd.testing.assert_frame_equal(total.term_table(), fresh.term_table())
    got = total.term_table()
    assert got[got["group"] == "X"][["term", "count"]].values.tolist() == [
        ["doha", 2],
        ["in", 2],
        ["ended", 1],
        ["envoys", 1],
        ["met", 1],
        ["talks", 1],
    ]
    # a second stream in the same process starts from a fresh vocabulary and leaves none behind
    one = stream_counts(docs, clean=False, mentions=False, batch_size=1)
    two = stream_counts(docs, clean=False, mentions=False, batch_size=2)
    pd.testing.assert_frame_equal(one.term_table(), two.term_table())
    pd.testing.assert_frame_equal(one.term_table(), fresh.term_table())
    assert stream_mod._STREAM_VOCAB == []


def test_batch_cells_summed_per_group_in_the_batch():
    """A batch arrives as one cell per (group, term): counts, documents and rate sums added up."""
    c = count_documents(
        [
            {"doc_id": "a", "outlet": "X", "text": "Troops left. Troops fired."},
            {"doc_id": "b", "outlet": "Y", "text": "Troops left."},
            {"doc_id": "c", "outlet": "X", "text": "Troops stayed."},
        ],
        mentions=False,
    )
    keys = c._keys[0]
    assert len(keys) == len(set(keys.tolist())) == c.n_cells == 6
    t = c.term_table().set_index(["group", "term"])
    assert t.loc[("X", "troops"), ["count", "n_docs"]].tolist() == [3, 2]
    # rates per document: 2 of 4 words, 1 of 2 words -> (5000 + 5000) / 2 documents
    assert t.loc[("X", "troops"), "mean_doc_rate_per_10k"] == 5000.0
    assert t.loc[("Y", "left"), ["count", "n_docs"]].tolist() == [1, 1]


def test_sentences_of_a_batch_place_mentions_and_evidence():
    c = count_documents(
        [
            {"doc_id": "a", "outlet": "X", "text": "No actors here. None at all."},
            {"doc_id": "b", "outlet": "X", "text": ""},
            {"doc_id": "c", "outlet": "X", "text": "Calm day. Russia and China met. Iran left."},
        ]
    )
    assert c.n_windows == 2 + 0 + 3
    assert c.c_pair == {("China", "Russia"): 1}
    assert c.evidence == {("China", "Russia"): ["c:1:10-31"]}
    assert c.c_single == {"China": 1, "Russia": 1, "Iran": 1}


def test_cpu_seconds_recorded_per_stage_and_summed_over_batches():
    """Where a stream's time goes: CPU seconds per stage, added up over batches, not compared."""
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["X", "Y", "X"],
            "text": ["Russia and China met.", "Troops left.", "Iran left."],
        }
    )
    s = stream_counts(docs, clean=False, batch_size=1)
    assert set(s.cpu) == {"clean", "terms", "sentences", "matcher", "mention counts", "merge"}
    assert all(v >= 0.0 for v in s.cpu.values())
    t = stream_counts(docs, clean=False, batch_size=2, mentions=False)
    assert set(t.cpu) == {"clean", "terms", "merge"}
    # the timings are not in the repr (which shows the counts)
    assert "cpu" not in repr(t)
    assert t.term_table().equals(stream_counts(docs, clean=False, mentions=False).term_table())


def test_pool_starts_before_the_first_document_is_read(monkeypatch):
    """n_jobs=2: the workers are forked before any document is read (not from a process
    holding the first file's rows), and the empty start-up batch changes no count."""
    import multiprocessing as mp

    import corpus_tools.stream as st

    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["X", "Y", "X"],
            "text": ["Russia and China met.", "China left.", "Iran spoke to Russia."],
        }
    )
    seen: list[int] = []

    def documents(source, clean, load_options):
        for row in source.to_dict("records"):
            seen.append(len(mp.active_children()))
            yield row

    monkeypatch.setattr(st, "_documents", documents)
    two = stream_counts(frame, clean=False, n_jobs=2, batch_size=2)
    assert seen[0] == 2  # both workers already running at the first document
    one = stream_counts(frame, clean=False, n_jobs=1, batch_size=2)
    assert two.n_docs == 3
    pd.testing.assert_frame_equal(two.term_table(), one.term_table())
    assert two.c_pair == one.c_pair == {("China", "Russia"): 1, ("Iran", "Russia"): 1}


def test_known_cells_added_in_place_new_cells_held_until_a_compaction(monkeypatch):
    """Merging: a cell already compacted is added where it is, only new cells are held;
    the totals equal those of one compaction at the end, to the last bit (rates too)."""
    import numpy as np

    import corpus_tools.stream as st

    texts = [
        "Troops left the city.",
        "Troops fired at the city. Rebels left.",
        "Rebels fired. Envoys met in the city.",
        "Troops and rebels met. Envoys left.",
        "Envoys fired? No: troops left the port.",
    ]
    frame = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(20)],
            "outlet": ["X", "Y", "Z"] * 6 + ["X", "Y"],
            "text": [texts[(3 * i) % 5] + " " + texts[i % 5] for i in range(20)],
        }
    )
    ref = stream_counts(frame, clean=False, mentions=False, batch_size=20)  # one batch
    total = StreamCounts()
    held = []
    for i in range(0, 20, 3):
        total.merge(count_documents(frame.iloc[i : i + 3].to_dict("records"), mentions=False))
        held.append(sum(len(k) for k in total._keys[1:]))
    assert total._sorted and np.all(np.diff(total._keys[0]) > 0)
    assert held[0] == 0 and max(held) > 0  # later batches held only their new cells
    pd.testing.assert_frame_equal(total.term_table(), ref.term_table(), check_exact=True)
    # compacting after every batch (held cells >= 1) gives the same totals
    monkeypatch.setattr(st, "_COMPACT_MIN", 1)
    often = stream_counts(frame, clean=False, mentions=False, batch_size=3)
    pd.testing.assert_frame_equal(often.term_table(), ref.term_table(), check_exact=True)
    assert often.n_cells == ref.n_cells == total.n_cells


def test_stream_counts_compare_by_content():
    """``==`` compares the counts (term cells by group and term strings), never raises."""
    docs = [
        {"doc_id": "a", "outlet": "X", "text": "Russia and China met. Russia left."},
        {"doc_id": "b", "outlet": "Y", "text": "China left."},
    ]
    one = count_documents(docs)
    # the same documents in two batches: terms get ids in another order, counts are equal
    two = count_documents(docs[1:]).merge(count_documents(docs[:1]))
    assert two.term_index != one.term_index
    assert one == two and not one != two
    assert (one == 3, one != "counts", StreamCounts() == StreamCounts()) == (False, True, True)
    other = count_documents([docs[0], {**docs[1], "text": "China stayed."}])
    assert one != other and one.mentions == other.mentions
    fewer = count_documents(docs[:1])
    assert one != fewer
    with pytest.raises(TypeError):
        hash(one)


def test_batch_texts_go_to_arrow_directly_and_a_surrogate_falls_back(monkeypatch):
    """A streamed batch's texts are handed to Arrow as they are (non-ASCII too); a text
    with a lone surrogate (not UTF-8) keeps the list path: same counts either way."""
    import corpus_tools.counts as counts_mod
    import corpus_tools.stream as stream_mod

    docs = [
        {"doc_id": "a", "outlet": "X", "text": "Café talks in Gaza. “Gaza” talks"},
        {"doc_id": "b", "outlet": "Y", "text": "Straße ΟΔΟΣ talks\u00a0here"},
        {"doc_id": "c", "outlet": "X", "text": "broken \ud800 text talks"},
    ]
    assert counts_mod.transient_arrow([d["text"] for d in docs]) == [d["text"] for d in docs]
    assert counts_mod.transient_arrow([d["text"] for d in docs[:2]]).to_pylist() == [
        d["text"] for d in docs[:2]
    ]
    direct = [count_documents(docs[:2]), count_documents(docs)]
    monkeypatch.setattr(stream_mod, "transient_arrow", lambda texts: texts)  # the list path
    listed = [count_documents(docs[:2]), count_documents(docs)]
    assert direct == listed
    table = direct[1].term_table()
    got = dict(zip(table["group"] + ":" + table["term"], table["count"], strict=True))
    assert got["X:talks"] == 3 and got["Y:talks"] == 1 and got["X:gaza"] == 2
    assert got["Y:strasse"] == 1 and got["Y:οδοσ"] == 1 and got["X:café"] == 1


def test_merge_maps_terms_in_order_known_and_new():
    """Terms new to the total get the next ids in the order of the merged part."""
    total = StreamCounts(term_index={"gaza": 0, "talks": 1})
    part = StreamCounts(term_index={"new": 0, "talks": 1, "x": 2, "gaza": 3})
    assert total._term_map(part).tolist() == [2, 1, 3, 0]
    assert total.term_index == {"gaza": 0, "talks": 1, "new": 2, "x": 3}
    assert total._term_map(StreamCounts()).tolist() == []
