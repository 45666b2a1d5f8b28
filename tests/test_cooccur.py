"""Tests for corpus_tools.cooccur: association measures, windows, evidence, networks."""

from __future__ import annotations

import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError


@pytest.mark.parametrize(
    ("measure", "expected", "places"),
    [
        ("count", 20, 3),
        ("jaccard", 0.4, 3),
        ("pmi", 0.737, 3),
        ("ppmi", 0.737, 3),
        ("npmi", 0.317, 3),
        ("g2", 12.65, 2),
    ],
)
def test_association_worked_example(measure, expected, places):
    # docs/methods.md, section "Actors and co-occurrence": N = 100 sentences, Russia in 40, China in 30, both in 20
    assert round(float(ct.association(20, 40, 30, 100, measure)), places) == expected


def test_association_rare_pair_and_absent_pair():
    assert round(float(ct.association(1, 1, 1, 100, "pmi")), 2) == 6.64
    assert float(ct.association(1, 1, 1, 100, "npmi")) == 1.0
    assert float(ct.association(0, 10, 10, 100, "npmi")) == -1.0
    assert float(ct.association(2, 50, 50, 100, "g2")) < 0  # fewer than expected: signed negative


TEXT = {
    "a": "Russia and China met. Russia and China agreed. Iran waited.\n\nIran and Russia spoke.",
    "b": "China and Iran talked. China and Iran agreed.",
}


def test_cooccurrence_windows(corpus_from_texts):
    c = corpus_from_texts(TEXT)
    s = ct.cooccurrence(c, measure="count", min_count=1)
    assert s.columns.tolist() == ct.COOCCURRENCE_COLUMNS
    assert s[["actor_a", "actor_b", "count", "c_a", "c_b", "n_windows"]].values.tolist() == [
        ["China", "Iran", 2, 4, 4, 6],
        ["China", "Russia", 2, 4, 3, 6],
        ["Iran", "Russia", 1, 4, 3, 6],
    ]
    assert s.loc[0, "evidence_docs"] == ["b:0:0-22", "b:1:23-45"]
    d = ct.cooccurrence(c, window="document", measure="count", min_count=1)
    assert d[["actor_a", "actor_b", "count", "n_windows"]].values.tolist() == [
        ["China", "Iran", 2, 2],
        ["China", "Russia", 1, 2],
        ["Iran", "Russia", 1, 2],
    ]
    p = ct.cooccurrence(c, window="paragraph", measure="count", min_count=1)
    assert p["n_windows"].iloc[0] == 3
    assert ct.cooccurrence(c, measure="count")[["actor_a", "actor_b"]].values.tolist() == [
        ["China", "Iran"],
        ["China", "Russia"],
    ]  # min_count=2 drops Iran-Russia


def test_evidence_slices_back_to_sentences_with_both(corpus_from_texts):
    c = corpus_from_texts(TEXT)
    co = ct.cooccurrence(c, min_count=1)
    for r in co.itertuples():
        for ev in r.evidence_docs:
            doc_id, _, span = ev.rsplit(":", 2)
            s, e = map(int, span.split("-"))
            sent = c.text(doc_id)[s:e]
            assert r.actor_a in sent and r.actor_b in sent
    ev = ct.edge_evidence(co, c, "Russia", "China")
    assert ev["text"].tolist() == ["Russia and China met.", "Russia and China agreed."]


def test_by_group_and_compare(corpus_from_texts):
    c = corpus_from_texts(TEXT, outlet={"a": "X", "b": "Y"})
    g = ct.cooccurrence(c, by="outlet", measure="count", min_count=2)
    assert g[["group", "actor_a", "actor_b", "count", "n_windows"]].values.tolist() == [
        ["X", "China", "Russia", 2, 4],
        ["Y", "China", "Iran", 2, 2],
    ]
    cmp = ct.compare_networks(c, by="outlet", measure="count")
    only = cmp[cmp["only_in"] != ""][["actor_a", "actor_b", "only_in"]].values.tolist()
    assert only == [["China", "Iran", "Y"], ["China", "Russia", "X"]]
    ov = ct.network_overlap(cmp)
    assert ov[["group_a", "group_b", "n_shared", "jaccard"]].values.tolist() == [["X", "Y", 0, 0.0]]
    assert math.isnan(ov["spearman"].iloc[0])


def _comparison(rates_x, rates_y):
    """A compare_networks-shaped table: pairs A-B, A-C, ... present in both groups x and y."""
    pairs = [("A", b) for b in "BCDEFG"][: len(rates_x)]
    rows = [
        (a, b, g, 2, r, True)
        for g, rates in (("x", rates_x), ("y", rates_y))
        for (a, b), r in zip(pairs, rates, strict=False)
    ]
    return pd.DataFrame(
        rows, columns=["actor_a", "actor_b", "group", "count", "rate_per_100", "present"]
    )


@pytest.mark.parametrize(
    ("rates_x", "rates_y", "expected"),
    [
        ([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 1.0),  # same ranking
        ([1.0, 2.0, 3.0], [3.0, 2.0, 1.0], -1.0),  # reversed ranking
        ([1.0, 2.0, 3.0, 4.0], [2.0, 1.0, 4.0, 3.0], 0.6),  # 1 - 6*4/(4*15)
        ([5.0, 5.0, 5.0], [1.0, 2.0, 3.0], None),  # constant input in x: no ranking
        ([1.0, 2.0, 3.0], [5.0, 5.0, 5.0], None),  # constant input in y
        ([1.0, 2.0], [1.0, 2.0], None),  # fewer than 3 shared edges
    ],
)
def test_network_overlap_spearman(rates_x, rates_y, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # constant input must not warn (notebooks have no stderr)
        ov = ct.network_overlap(_comparison(rates_x, rates_y))
    n = len(rates_x)
    assert ov[
        ["group_a", "group_b", "n_edges_a", "n_edges_b", "n_shared", "jaccard"]
    ].values.tolist() == [["x", "y", n, n, n, 1.0]]
    rho = ov["spearman"].iloc[0]
    if expected is None:
        assert math.isnan(rho)
    else:
        assert round(float(rho), 3) == expected


def test_bad_options(corpus_from_texts):
    c = corpus_from_texts(TEXT)
    with pytest.raises(CorpusValueError, match="window='clause'"):
        ct.cooccurrence(c, window="clause")
    with pytest.raises(CorpusValueError, match="measure='lift'"):
        ct.cooccurrence(c, measure="lift")
    with pytest.raises(CorpusValueError, match="by='desk'"):
        ct.cooccurrence(c, by="desk")


def test_network_export_and_layout(corpus_from_texts, tmp_path):
    c = corpus_from_texts(TEXT)
    m = ct.actor_mentions(c)
    g = ct.network(ct.cooccurrence(c, measure="count", min_count=1), m, min_mentions=2, min_count=1)
    assert sorted(g.nodes) == ["China", "Iran", "Russia"]
    assert g.nodes["China"]["mentions"] == 4 and g.nodes["China"]["cameo"] == "CHN"
    for suffix, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = ct.write_network(g, tmp_path / f"net.{suffix}")
        back = reader(path)
        assert back.number_of_edges() == g.number_of_edges()
        assert isinstance(
            g.edges["China", "Iran"]["evidence"], list
        )  # the input graph is unchanged
    l1 = ct.network_layout(g, seed=42)
    l2 = ct.network_layout(g, seed=42)
    assert l1.equals(l2) and l1["actor"].tolist() == ["China", "Iran", "Russia"]


def test_actor_counts_by_group(corpus_from_texts):
    c = corpus_from_texts(TEXT, outlet={"a": "X", "b": "Y"})
    out = ct.actor_counts(ct.actor_mentions(c), c, by="outlet")
    assert out.values.tolist()[:2] == [
        ["X", "Russia", "country", 3, 1],
        ["X", "China", "country", 2, 1],
    ]


def test_seed_cooccurrence_is_deterministic(seed_corpus):
    a = ct.cooccurrence(seed_corpus)
    b = ct.cooccurrence(seed_corpus)
    assert a.equals(b) and (a["count"] >= 2).all()
    assert (a["actor_a"] < a["actor_b"]).all()


def test_group_networks_one_graph_per_group(corpus_from_texts):
    c = corpus_from_texts(TEXT, outlet={"a": "X", "b": "Y"})
    gs = ct.group_networks(c, by="outlet", measure="count", min_count=2)
    assert list(gs) == ["X", "Y"]
    assert sorted(gs["X"].edges) == [("China", "Russia")]
    assert sorted(gs["Y"].edges) == [("China", "Iran")]
    assert sorted(gs["Y"].nodes) == ["China", "Iran"]  # only actors named in Y's documents
    assert gs["X"].edges["China", "Russia"]["count"] == 2


def _many_outlets(corpus_from_texts, n_groups=40):
    texts, outlet = {}, {}
    pairs = ["Russia and China", "Iran and Israel", "China and Iran", "Russia and Israel"]
    for k in range(n_groups):
        for j in range(2):
            d = f"d{k:02d}_{j}"
            texts[d] = f"{pairs[k % 4]} met. {pairs[(k + j) % 4]} talked. Hamas and Israel fought."
            outlet[d] = None if k == n_groups - 1 else f"O{k:02d}"
    return corpus_from_texts(texts, outlet=outlet)


def test_per_group_tables_equal_the_subset_corpus(corpus_from_texts):
    """One pass over windows for all groups gives each group's own table (chunked == whole)."""
    c = _many_outlets(corpus_from_texts, 12)
    table = ct.cooccurrence(c, by="outlet", measure="count", min_count=1)
    assert sorted(table["group"].unique()) == ["(missing)"] + [f"O{k:02d}" for k in range(11)]
    for value, sub in c.by("outlet"):
        name = "(missing)" if value is None else value
        own = ct.cooccurrence(sub, measure="count", min_count=1)
        got = table[table["group"] == name].drop(columns="group").reset_index(drop=True)
        pd.testing.assert_frame_equal(got, own)


def test_compare_networks_and_overlap_bounded_on_many_groups(corpus_from_texts):
    c = _many_outlets(corpus_from_texts, 40)
    comp = ct.compare_networks(c, measure="count", min_count=1)
    n_pairs = comp[["actor_a", "actor_b"]].drop_duplicates().shape[0]
    assert len(comp) == n_pairs * 40  # one row per pair and group
    assert comp["group"].tolist()[:40][-1] == "(missing)"  # missing last, as corpus.by
    # a pair seen in one outlet only is flagged there
    only = comp[comp["only_in"] != ""]
    for r in only.itertuples():
        same = comp[(comp["actor_a"] == r.actor_a) & (comp["actor_b"] == r.actor_b)]
        assert (same["count"] > 0).sum() == 1 and r.only_in == r.group
    over = ct.network_overlap(comp)
    assert len(over) == 30 * 29 // 2  # capped at the 30 groups with most edges
    assert len(ct.network_overlap(comp, max_groups=None)) == 40 * 39 // 2
    with pytest.raises(CorpusValueError, match="max_groups"):
        ct.network_overlap(comp, max_groups=1)


def test_cooccurrence_from_cached_matches_equals_the_mentions_table_path():
    # without mentions=, pairs come from the cached match arrays (no mentions table built);
    # they must equal the table path, evidence labels included, for every window and by group
    docs = pd.DataFrame(
        {
            "doc_id": ["10", "9", "b", "a"],  # string order differs from corpus order
            "outlet": ["X", "Y", "X", None],
            "text": [
                "Russia and China met. Russia and China agreed in Doha.\n\nIran and Russia spoke.",
                "China and Iran talked. Chinese and Iranian envoys agreed. Iran waited.",
                "Putin met Xi. Russia and China agreed.\n\nIran waited. Russia and Iran spoke.",
                "No actor here.",
            ],
        }
    )
    c = ct.Corpus(docs)
    m = ct.actor_mentions(c)
    for window in ("sentence", "paragraph", "document"):
        for by in (None, "outlet"):
            lean = ct.cooccurrence(c, window=window, by=by, min_count=1)
            table = ct.cooccurrence(c, window=window, by=by, min_count=1, mentions=m)
            pd.testing.assert_frame_equal(lean, table)
    s = ct.cooccurrence(c, min_count=1)
    got = s[["actor_a", "actor_b", "count", "evidence_docs"]].values.tolist()
    assert got == [  # evidence in doc_id string order ("10" < "9" < "b"), as before
        ["Vladimir Putin", "Xi Jinping", 1, ["b:0:0-13"]],
        ["China", "Russia", 3, ["10:0:0-21", "10:1:22-54", "b:1:14-38"]],
        ["China", "Iran", 2, ["9:0:0-22", "9:1:23-57"]],
        ["Iran", "Russia", 2, ["10:2:56-78", "b:3:53-75"]],
    ]
    arrays = ct.actors.mention_arrays(c)
    assert [arrays.doc.dtype, arrays.start.dtype, arrays.typ.dtype] == ["int32", "int32", "int8"]


def test_edge_evidence_takes_only_the_documents_shown_from_a_chunked_text_column(capfd):
    # the loader keeps text as chunked Arrow; .iloc[rows] on it would copy the whole column
    import re

    import pyarrow as pa

    filler = " Filler words." * 2000  # ~28 KB a document, ~1.7 MB the column
    pair = "Russia and China met."
    texts = [f"Doc {k}. {pair if k % 10 == 1 else 'Iran waited.'}{filler}" for k in range(60)]
    chunks = [pa.array(texts[i : i + 20], type=pa.large_string()) for i in range(0, 60, 20)]
    col = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks)))
    docs = pd.DataFrame({"doc_id": [f"d{k:02d}" for k in range(60)], "text": col})
    c = ct.Corpus(docs)
    assert isinstance(c.docs["text"].array._pa_array, pa.ChunkedArray)
    cooc = ct.cooccurrence(c)
    capfd.readouterr()
    pa.log_memory_allocations(True)
    try:
        ev = ct.edge_evidence(cooc, c, "China", "Russia")
    finally:
        pa.log_memory_allocations(False)
    logged = capfd.readouterr()
    sizes = [int(s) for s in re.findall(r"Allocate: size = (\d+)", logged.out + logged.err)]
    assert ev["doc_id"].tolist() == ["d01", "d11", "d21", "d31", "d41", "d51"]
    assert set(ev["text"]) == {pair}
    assert ev[["doc_id", "sent_id", "start", "end"]].iloc[1].tolist() == ["d11", 1, 8, 29]
    assert max(sizes, default=0) < 200_000  # 2 documents of a chunk: 56 KB; the column 1.7 MB


def test_group_networks_equal_network_of_each_group_from_one_grouped_pass(corpus_from_texts):
    # one grouped pass over the mentions; each graph equals network() of that group's tables,
    # node attributes included (a type seen only as a demonym in a group stays "demonym" there)
    texts = {
        "a": "Russia and China met. Russia and China agreed. Putin spoke.",
        "b": "Russian and Chinese envoys met. Russian and Chinese envoys agreed.",
        "c": "Iran waited.",
        "d": "Russia and Iran talked. Russia and Iran agreed. Hamas and Israel fought.",
    }
    c = corpus_from_texts(texts, outlet={"a": "X", "b": "Y", "c": "Y", "d": None})
    m = ct.actor_mentions(c)
    label = ct.group_labels(c, "outlet")
    for kw in ({"min_count": 2}, {"min_count": 1, "min_mentions": 2, "measure": "count"}):
        gs = ct.group_networks(c, by="outlet", mentions=m, **kw)
        table = ct.cooccurrence(
            c, by="outlet", mentions=m, min_count=kw["min_count"], measure=kw.get("measure", "npmi")
        )
        for name in ["(missing)", "X", "Y"]:
            own = m[m["doc_id"].map(label.to_dict()) == name]
            expected = ct.network(
                table[table["group"] == name].drop(columns="group"),
                own,
                min_mentions=kw.get("min_mentions", 1),
                min_count=kw["min_count"],
            )
            assert list(gs[name].nodes(data=True)) == list(expected.nodes(data=True))
            assert list(gs[name].edges(data=True)) == list(expected.edges(data=True))
    gs = ct.group_networks(c, by="outlet", mentions=m, min_count=2)
    assert list(gs) == ["(missing)", "X", "Y"]
    assert dict(gs["Y"].nodes(data="type")) == {
        "China": "demonym",
        "Iran": "country",
        "Russia": "demonym",
    }
    assert dict(gs["X"].nodes(data="mentions")) == {"China": 2, "Russia": 2, "Vladimir Putin": 1}
    assert sorted(gs["Y"].edges) == [("China", "Russia")]


def test_network_overlap_leaves_out_groups_without_edges_and_sorts_by_shared_ties():
    # QA S18-11: with many outlets, groups with no tie filled the rows, sorted by name
    edges = {
        "a": [("A", "B"), ("A", "C")],
        "b": [("A", "B"), ("A", "C"), ("B", "C")],
        "c": [("A", "B"), ("C", "D")],
        "d": [("E", "F")],
        "e0": [],
        "e1": [],
    }
    pairs = sorted({p for es in edges.values() for p in es})
    rows = [
        (a, b, g, int((a, b) in es), float((a, b) in es), (a, b) in es)
        for g, es in edges.items()
        for a, b in pairs
    ]
    comp = pd.DataFrame(
        rows, columns=["actor_a", "actor_b", "group", "count", "rate_per_100", "present"]
    )
    ov = ct.network_overlap(comp)
    got = ov[["group_a", "group_b", "n_shared", "jaccard"]].values.tolist()
    assert got == [
        ["a", "b", 2, 2 / 3],
        ["a", "c", 1, 1 / 3],
        ["b", "c", 1, 1 / 4],
        ["a", "d", 0, 0.0],
        ["b", "d", 0, 0.0],
        ["c", "d", 0, 0.0],
    ]
    assert ov.attrs["n_groups_without_edges"] == 2
    capped = ct.network_overlap(comp, max_groups=2)  # the two groups with most edges: b, then a
    assert capped[["group_a", "group_b", "n_shared"]].values.tolist() == [["a", "b", 2]]
    assert capped.attrs["n_groups_without_edges"] == 2


def test_pair_helpers_equal_numpy_unique_on_random_keys():
    # the in-place helpers behind cooccurrence give what np.unique / factorize give
    from corpus_tools._tables import sorted_unique
    from corpus_tools.cooccur import _dense, _pairs_in_runs

    rng = np.random.default_rng(19)
    for n in (0, 1, 7, 500):
        keys = rng.integers(0, max(n // 3, 1), n)
        assert sorted_unique(keys.copy(), in_place=True).tolist() == np.unique(keys).tolist()
        codes = rng.integers(0, 40, n)
        dense, used = _dense(codes, 40)
        f_codes, f_uni = pd.factorize(codes, sort=True)
        assert dense.tolist() == f_codes.tolist() and used.tolist() == f_uni.tolist()
        run = np.sort(keys)
        left, right = _pairs_in_runs(run)
        want = [(i, j) for i in range(n) for j in range(i + 1, n) if run[i] == run[j]]
        assert list(zip(left.tolist(), right.tolist(), strict=True)) == want
