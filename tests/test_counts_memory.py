"""The low-memory paths of counts, frequencies, keyness and similarity give the same numbers.

Each path here replaced a simpler one that held more memory (a CSC copy and one
group-by over every (document, term) pair, a sum of two matrices, a ones-matrix
of the corpus' size, three float copies for TF-IDF); the tests compute the
simpler one and ask for the same result to the last bit.
"""

from __future__ import annotations

import importlib
import mmap
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import corpus_tools as ct
from corpus_tools.counts import FREQ_COLUMNS, count_texts, doc_term_counts
from corpus_tools.similarity import tfidf

counts_mod = importlib.import_module("corpus_tools.counts")

# stopwords, their all-caps acronyms (kept as terms without stopwords) and plain words
MIXED = [
    "IT said it would. The US and us.",
    "WHO knew who was there? Gaza talks resumed.",
    "Talks in Doha, and IT staff left.",
    "",
]


@pytest.fixture(scope="module")
def generated(bench_generator) -> ct.Corpus:
    docs = pd.DataFrame(list(bench_generator.iter_documents(80)))
    return ct.Corpus(docs[["doc_id", "outlet", "text"]])


def _reference_table(counts: counts_mod.DocTermCounts, min_count: int = 1) -> pd.DataFrame:
    """The frequency table the simple way: one group-by over every (document, term) pair."""
    codes, names = counts.group_codes()
    csc = counts.matrix.tocsc()
    csc.sort_indices()
    doc = csc.indices
    term = np.repeat(np.arange(csc.shape[1]), np.diff(csc.indptr))
    c = csc.data.astype(np.int64)
    words = np.clip(counts.n_words, 1, None)
    per = pd.DataFrame(
        {"group": codes[doc], "term": term, "c": c, "doc_rate": 10000.0 * c / words[doc]}
    )
    agg = per.groupby(["group", "term"], sort=False).agg(
        count=("c", "sum"), n_docs=("c", "size"), rate_sum=("doc_rate", "sum")
    )
    agg = agg[agg["count"] >= min_count].reset_index()
    g = agg["group"].to_numpy()
    g_docs = np.bincount(codes, minlength=len(names)).astype(np.int64)
    g_tokens = np.bincount(codes, weights=counts.n_words, minlength=len(names)).astype(np.int64)
    out = pd.DataFrame(
        {
            "group": pd.Series(np.array(names, dtype=object)[g], dtype=object),
            "term": pd.Series(counts.terms[agg["term"].to_numpy()], dtype=object),
            "count": agg["count"].to_numpy(dtype=np.int64),
            "n_docs": agg["n_docs"].to_numpy(dtype=np.int64),
            "n_docs_group": g_docs[g],
            "n_tokens_group": g_tokens[g],
        }
    )
    out["rate_per_10k"] = 10000.0 * out["count"] / out["n_tokens_group"].clip(lower=1)
    out["mean_doc_rate_per_10k"] = agg["rate_sum"].to_numpy(dtype=float) / out["n_docs_group"]
    out = out[FREQ_COLUMNS].sort_values(
        ["group", "count", "term"], ascending=[True, False, True], kind="mergesort"
    )
    return out.reset_index(drop=True)


@pytest.mark.parametrize("by", ["outlet", "doc_id"])
@pytest.mark.parametrize("chunk", [1 << 21, 3000])
def test_term_table_by_term_ranges_equals_one_group_by(generated, monkeypatch, by, chunk):
    monkeypatch.setattr(counts_mod, "_CELL_CHUNK", chunk)  # 3000: dozens of term ranges
    counts = doc_term_counts(generated, by)
    for c in (counts, counts.without_stopwords()):
        for min_count in (1, 3):
            got = c.term_table(min_count)
            pd.testing.assert_frame_equal(got, _reference_table(c, min_count), check_exact=True)
    assert len(counts.term_table()) == len(_reference_table(counts)) > 1000


def test_without_stopwords_merges_acronyms_across_row_blocks(monkeypatch):
    monkeypatch.setattr(counts_mod, "_CELL_CHUNK", 5_000)  # blocks of about 1,700 rows
    texts = [MIXED[i % len(MIXED)] + f" w{i % 97}" for i in range(9000)]
    c = count_texts(texts)
    assert len(counts_mod._row_blocks(c.matrix.indptr, 2 * counts_mod._CELL_CHUNK)) > 3
    p = c.stop_parts
    assert p is not None and p.extra.nnz > 8192 // 4
    got = c.without_stopwords().matrix
    # the simple way: the pure columns renumbered, plus the acronym counts
    new_col = np.cumsum(p.keep) - 1
    pure = np.flatnonzero(p.pure)
    place = sp.csr_matrix(
        (np.ones(len(pure), dtype=np.int32), (np.arange(len(pure)), new_col[pure])),
        shape=(len(pure), int(p.keep.sum())),
    )
    ref = sp.csr_matrix(c.matrix[:, pure] @ place + p.extra, dtype=np.int32)
    assert got.shape == ref.shape and (got != ref).nnz == 0
    assert got.has_sorted_indices and got.dtype == np.int32
    # "IT" and "US" stay as terms, "the" and "and" do not
    terms = set(c.without_stopwords().terms.tolist())
    assert {"it", "us", "who", "gaza"} <= terms and not {"the", "and", "was"} & terms


def test_group_counts_in_row_blocks_equal_one_product(generated, monkeypatch):
    counts = doc_term_counts(generated, "outlet")
    codes, names = counts.group_codes()
    ind = sp.csr_matrix(
        (np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(names), len(codes))
    )
    present = counts.matrix.copy()
    present.data[:] = 1
    monkeypatch.setattr(counts_mod, "_CELL_CHUNK", 64)  # blocks of a few rows
    gc = counts.group_counts()
    assert (gc.docs != sp.csr_matrix(ind @ present)).nnz == 0
    assert (gc.counts != sp.csr_matrix(ind @ counts.matrix)).nnz == 0
    assert gc.docs.dtype == gc.counts.dtype == np.int64 and gc.groups == names


def _tfidf_simple(counts: counts_mod.DocTermCounts, sublinear_tf: bool) -> np.ndarray:
    """TF-IDF the simple way: a float copy in first-seen order through scikit-learn."""
    from sklearn.feature_extraction.text import TfidfTransformer

    x = counts.matrix.astype(np.float64)
    seen = sp.csr_matrix((x.data, counts.first_seen[x.indices], x.indptr), shape=x.shape)
    seen.sort_indices()
    column = np.empty(len(counts.first_seen), dtype=np.int64)
    column[counts.first_seen] = np.arange(len(counts.first_seen))
    x = sp.csr_matrix((seen.data, column[seen.indices], seen.indptr), shape=x.shape)
    out = TfidfTransformer(sublinear_tf=sublinear_tf, norm="l2").fit_transform(x)
    return np.asarray(out.toarray())


@pytest.mark.parametrize("sublinear_tf", [False, True])
def test_tfidf_in_place_equals_scikit_learn_and_leaves_counts_alone(generated, sublinear_tf):
    base = doc_term_counts(generated, "outlet")
    for counts in (base, base.without_stopwords()):
        before = counts.matrix.copy()
        got = tfidf(counts, sublinear_tf)
        assert np.array_equal(got.toarray(), _tfidf_simple(counts, sublinear_tf))
        assert (counts.matrix != before).nnz == 0 and counts.matrix.dtype == np.int32
        assert np.array_equal(counts.matrix.indices, before.indices)  # not reordered


def _in_a_map(values: np.ndarray) -> bool:
    return isinstance(values.base, memoryview) and isinstance(values.base.obj, mmap.mmap)


def test_batches_are_kept_in_their_own_pages():
    values = np.arange(1 << 19, dtype=np.int32)  # 2 MB: large enough for its own map
    paged = counts_mod._own_pages(values)
    assert _in_a_map(paged) and np.array_equal(paged, values)
    small = np.arange(10, dtype=np.int32)
    assert counts_mod._own_pages(small) is small
    m = sp.csr_matrix((np.ones(600_000, np.int32), np.zeros(600_000, np.int32), np.arange(600_001)))
    kept = counts_mod._paged(m.copy())
    assert _in_a_map(kept.data) and (kept != m).nnz == 0


def test_bench_counts_memory_table(tmp_path):
    """``bench_counts.py --work memory``: each call's CPU seconds and peak above the corpus."""
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_counts.py"
    args = ["--sizes", "40", "--corpora", "generated", "--work", "memory", "--root", str(tmp_path)]
    res = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    rows = [line for line in res.stdout.splitlines() if line.startswith("| generated | 40 |")]
    assert [r.split(" | ")[3] for r in rows] == [
        "term_frequencies (stopwords)",
        "term_frequencies (no stopwords)",
        "keyness (top 20, evidence)",
        "similarity by outlet",
    ]
    assert all(float(r.split(" | ")[5].replace(",", "")) >= 0 for r in rows)


def test_bench_counts_lean_table(tmp_path):
    """``bench_counts.py --work lean``: the lean load, then each call, in one process."""
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_counts.py"
    args = ["--sizes", "40", "--corpora", "generated", "--work", "lean", "--root", str(tmp_path)]
    res = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr[-2000:]
    rows = [line.split(" | ") for line in res.stdout.splitlines() if "| generated | 40 |" in line]
    assert [r[2] for r in rows] == [
        "load_corpus(keep_raw=False)",
        "term_frequencies by outlet (counts the text; counts kept)",
        "term_frequencies, no stopwords",
        "keyness (top 20, evidence)",
        "cooccurrence by sentence (actor mentions included)",
    ]
    peaks = [float(r[5].replace(",", "")) for r in rows]
    after = [float(r[6].replace(",", "")) for r in rows]
    assert all(p >= a - 5 and a > 0 for p, a in zip(peaks, after, strict=True))  # MB, rounded


def test_range_lengths_and_entries_find_each_range_without_a_column_slice():
    mat = sp.csr_matrix(np.array([[1, 0, 2, 0], [0, 3, 0, 4], [0, 0, 0, 0], [5, 6, 7, 8]]))
    ranges = [(0, 1), (1, 3), (3, 4)]
    lengths = counts_mod._range_lengths(mat, ranges)
    assert lengths.tolist() == [[1, 0, 0, 1], [1, 1, 0, 2], [0, 1, 0, 1]]
    starts = mat.indptr[:-1].astype(np.int64)
    got = []
    for k in range(len(ranges)):
        rows, pos = counts_mod._range_entries(starts, lengths[k])
        starts += lengths[k]
        got.append((rows.tolist(), mat.data[pos].tolist()))
    assert got == [([0, 3], [1, 5]), ([0, 1, 3, 3], [2, 3, 6, 7]), ([1, 3], [4, 8])]


def test_term_table_of_no_documents_and_release_memory():
    empty = count_texts([])
    assert empty.term_table().columns.tolist() == FREQ_COLUMNS and len(empty.term_table()) == 0
    assert counts_mod.release_memory() is None  # glibc malloc_trim + Arrow pool (from _parallel)
    table = count_texts(["IT and it.", "Gaza."], groups=["X", "X"]).term_table(min_count=2)
    assert table[["group", "term", "count", "n_docs"]].values.tolist() == [["X", "it", 2, 1]]


@pytest.mark.parametrize("chunk", [1 << 19, 50])
def test_table_without_stopwords_is_read_from_the_counts_with_them(generated, monkeypatch, chunk):
    """term_frequencies(stopwords=False) never builds the derived matrix, same table."""
    monkeypatch.setattr(counts_mod, "_CELL_CHUNK", chunk)  # 50: many ranges, pure and mixed
    mixed = ct.Corpus(pd.DataFrame({"doc_id": list("abcd"), "outlet": list("XYXY"), "text": MIXED}))
    for corpus, by in ((generated, "outlet"), (mixed, "outlet")):
        derived = doc_term_counts(corpus, by).without_stopwords()
        for min_count in (1, 2):
            got = ct.term_frequencies(corpus, by, stopwords=False, min_count=min_count)
            pd.testing.assert_frame_equal(got, derived.term_table(min_count), check_exact=True)
    got = ct.term_frequencies(mixed, stopwords=False)
    assert got[got["term"] == "it"][["group", "count"]].values.tolist() == [["X", 2]]  # "IT" twice
    assert not {"the", "and", "was"} & set(got["term"])


def test_texts_of_a_chunked_column_are_taken_chunk_by_chunk(capfd):
    """Evidence re-reads a few documents of the loader's chunked text column: only those
    are copied (Arrow's own take on a chunked string array concatenates every chunk first)."""
    import pyarrow as pa

    chunks = [pa.array([f"{k}:" + "x" * 10_000] * 100, type=pa.large_string()) for k in range(3)]
    col = counts_mod.TextColumn(pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks))))
    rows = [250, 3, 250, 199, 0]
    capfd.readouterr()
    pa.log_memory_allocations(True)
    try:
        got = col.take(rows)
    finally:
        pa.log_memory_allocations(False)
    logged = capfd.readouterr()  # Arrow's logging pool writes one line per allocation
    sizes = [int(s) for s in re.findall(r"Allocate: size = (\d+)", logged.out + logged.err)]
    assert [t[:2] for t in got] == ["2:", "0:", "2:", "1:", "0:"]
    assert got == [col[r] for r in rows] and len(got[0]) == 10_002
    assert sizes and max(sizes) < 100_000  # a chunk holds 1 MB, the column 3 MB
    assert col.take([]) == [] and counts_mod.arrow_take(chunks[1], np.array([1])) == [
        chunks[1][1].as_py()
    ]


def test_term_ranges_count_columns_a_slice_at_a_time_with_the_same_ranges():
    # the per-term entry counts are summed over slices of the indices (bincount casts
    # them to int64: the whole matrix at once was an int64 copy of every entry)
    import scipy.sparse as sp

    from corpus_tools.counts import _term_ranges

    rng = np.random.default_rng(19)
    for n_rows, n_terms, nnz, size in [(200, 5000, 20000, 512), (50, 10, 300, 7), (3, 5, 0, 4)]:
        r, c = rng.integers(0, n_rows, nnz), rng.integers(0, n_terms, nnz)
        m = sp.csr_matrix((np.ones(nnz, np.int32), (r, c)), shape=(n_rows, n_terms))
        m.sum_duplicates()
        before = np.concatenate([[0], np.cumsum(np.bincount(m.indices, minlength=n_terms))])
        cuts = np.unique(
            np.append(np.searchsorted(before, np.arange(0, m.nnz, size)), n_terms)
        ).tolist()
        assert _term_ranges(m, size) == list(zip(cuts[:-1], cuts[1:], strict=True))
