"""DocTermCounts: counts straight from text equal counts from the token table, on every path."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.counts import count_texts, doc_term_counts
from corpus_tools.keyness import keyness_table
from corpus_tools.stream import keyness_from_counts, stream_counts

counts_mod = importlib.import_module("corpus_tools.counts")

# punctuation soup: possessives (also doubled and curly), the modifier-letter apostrophe
# (a letter that folds to "'"), abbreviations, numbers, dashes, quotes, acronyms
SOUP = [
    "Iran’s envoy met the U.S. team. a's's end.'s \"Yes.\"Then (no.)x U.S.A. 3.5% 1,400.",
    "Iranʼs ʼ ʼs US us The THE the’s — don't rock-n-roll _x_'s O'Neill's.",
    "e.g.Next. Mr. Zhai met envoys on Jan. 9 in Doha.\n\nHeadline without stop\nNext line.",
    "",
    "!!! ... ?? 'quoted' “curly” «angle» ‘single’ 5 p.m. 12.% no\u00a0break thin\u2009space\x1cend",
]


@pytest.fixture(scope="module")
def generated(bench_generator) -> ct.Corpus:
    docs = pd.DataFrame(list(bench_generator.iter_documents(60)))
    return ct.Corpus(docs[["doc_id", "outlet", "published", "text"]])


def _soup_corpus() -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [f"s{i}" for i in range(len(SOUP))],
                "outlet": ["A", "B", "A", "B", "A"],
                "text": SOUP,
            }
        )
    )


def _reference(corpus: ct.Corpus, ngram: int, stopwords: bool) -> dict[tuple[str, str], int]:
    """(doc_id, term) -> count, from the token table (the definition of a term)."""
    tok = ct.tokens(corpus)
    ok = tok["is_word"] & (True if stopwords else ~tok["is_stop"])
    if ngram == 1:
        sel = tok[ok]
        return sel.groupby(["doc_id", "lower"]).size().to_dict()
    nxt = tok.shift(-1)
    pair = ok & ok.shift(-1, fill_value=False)
    pair &= (tok["doc_id"] == nxt["doc_id"]) & (tok["sent_id"] == nxt["sent_id"])
    terms = tok["lower"][pair] + " " + nxt["lower"][pair]
    return pd.DataFrame({"d": tok["doc_id"][pair], "t": terms}).groupby(["d", "t"]).size().to_dict()


def _as_dict(counts) -> dict[tuple[str, str], int]:
    coo = counts.matrix.tocoo()
    return {
        (counts.doc_ids[r], counts.terms[c]): int(v)
        for r, c, v in zip(coo.row, coo.col, coo.data, strict=True)
    }


@pytest.mark.parametrize(("ngram", "stopwords"), [(1, True), (1, False), (2, True), (2, False)])
@pytest.mark.parametrize("which", ["seeds", "soup", "generated"])
def test_counts_from_text_equal_token_table(which, ngram, stopwords, seed_corpus, generated):
    corpus = {"seeds": seed_corpus, "soup": _soup_corpus(), "generated": generated}[which]
    counts = doc_term_counts(corpus, "outlet", ngram=ngram, stopwords=stopwords)
    assert _as_dict(counts) == _reference(corpus, ngram, stopwords)
    tok = ct.tokens(corpus)
    words = tok[tok["is_word"]].groupby("doc_id").size()
    assert counts.n_words.tolist() == [int(words.get(d, 0)) for d in corpus.doc_ids]
    assert counts.terms.tolist() == sorted(counts.terms.tolist())
    assert counts.matrix.dtype == np.int32


def test_modifier_apostrophe_is_a_word_token():
    # "ʼ" (U+02BC) is a letter: the token table marks it as a word although it folds to "'"
    c = count_texts(["Iranʼs ʼ ok", "ʼ"])
    assert _as_dict(c) == {
        ("0", "iran"): 1,
        ("0", "'s"): 1,
        ("0", "'"): 1,
        ("0", "ok"): 1,
        ("1", "'"): 1,
    }


def test_keyness_accepts_counts_and_equals_corpus(generated):
    counts = doc_term_counts(generated, "outlet")
    pd.testing.assert_frame_equal(ct.keyness(counts), ct.keyness(generated))
    pd.testing.assert_frame_equal(ct.term_frequencies(counts), ct.term_frequencies(generated))
    by_doc = counts.with_groups(list(counts.doc_ids), "doc_id")
    pd.testing.assert_frame_equal(
        ct.keyness(by_doc, top_n=3), ct.keyness(generated, by="doc_id", top_n=3)
    )
    pd.testing.assert_frame_equal(
        ct.similarity(doc_term_counts(generated, "doc_id", stopwords=False)),
        ct.similarity(generated),
    )


@pytest.mark.parametrize("ngram", [1, 2])
def test_evidence_on_demand_equals_first_occurrences(generated, ngram):
    """Evidence = the first n occurrences per (group, term) in doc_id order, from tokens()."""
    k = ct.keyness(generated, ngram=ngram, top_n=15, n_evidence=4)
    tok = ct.tokens(generated)
    groups = ct.group_labels(generated, "outlet")
    nxt = tok.shift(-1)
    if ngram == 1:
        occ = pd.DataFrame(
            {"doc_id": tok["doc_id"], "term": tok["lower"], "s": tok["start"], "e": tok["end"]}
        )[tok["is_word"]]
    else:
        pair = tok["is_word"] & nxt["is_word"].fillna(False).astype(bool)
        pair &= (tok["doc_id"] == nxt["doc_id"]) & (tok["sent_id"] == nxt["sent_id"])
        occ = pd.DataFrame(
            {
                "doc_id": tok["doc_id"][pair],
                "term": tok["lower"][pair] + " " + nxt["lower"][pair],
                "s": tok["start"][pair],
                "e": nxt["end"][pair].astype(int),
            }
        )
    occ["group"] = occ["doc_id"].map(groups)
    occ = occ.sort_values(["doc_id", "s"], kind="mergesort")
    for row in k.itertuples():
        hits = occ[(occ["group"] == row.group) & (occ["term"] == row.term)].head(4)
        assert row.evidence == "; ".join(
            f"{d}:{s}-{e}" for d, s, e in hits[["doc_id", "s", "e"]].values
        )


def test_occurrences_offsets_point_at_the_term(generated):
    counts = doc_term_counts(generated, "outlet")
    occ = counts.occurrences(["gaza", "said"])
    assert set(occ["term"]) == {"gaza", "said"}
    texts = dict(zip(generated.doc_ids, generated.docs["text"], strict=True))
    for r in occ.itertuples():
        assert ct.fold(texts[r.doc_id][r.start : r.end]).casefold() == r.term
    col = list(counts.terms).index("said")
    assert len(occ[occ["term"] == "said"]) == int(counts.matrix[:, col].sum())
    sents = ct.sentences(generated).set_index(["doc_id", "sent_id"])
    for r in occ.head(20).itertuples():
        s = sents.loc[(r.doc_id, r.sent_id)]
        assert s["start"] <= r.start and r.end <= s["end"]


def test_paths_agree_in_memory_streaming_dask(generated, tmp_path):
    """In-memory counts, streaming and Dask give the same term and keyness tables."""
    from corpus_tools.scale import keyness_dask, term_counts_dask

    mem_tf = ct.term_frequencies(generated)
    mem_k = ct.keyness(generated).drop(columns=["evidence"])
    s = stream_counts(generated.docs, clean=False, mentions=False, batch_size=7)
    pd.testing.assert_frame_equal(s.term_table(), mem_tf, check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(keyness_from_counts(s), mem_k)
    generated.docs.to_parquet(tmp_path / "p.parquet")
    src = str(tmp_path / "p.parquet")
    pd.testing.assert_frame_equal(
        term_counts_dask(src, clean=False), mem_tf, check_exact=False, rtol=1e-12
    )
    pd.testing.assert_frame_equal(keyness_dask(src, clean=False), mem_k)
    # the keyness core on streamed group counts equals the core on in-memory group counts
    pd.testing.assert_frame_equal(
        keyness_table(s.group_counts(), min_count=5),
        keyness_table(doc_term_counts(generated).group_counts(), min_count=5),
    )


def test_n_jobs_and_batches_do_not_change_counts(generated, monkeypatch):
    texts = generated.docs["text"].tolist()
    one = count_texts(texts, generated.doc_ids)
    monkeypatch.setattr(counts_mod, "_BATCH_CHARS", 3000)
    monkeypatch.setattr(counts_mod, "_MAX_CHUNKS", 50)  # caches emptied again and again
    two = count_texts(texts, generated.doc_ids, n_jobs=2)
    assert (one.matrix != two.matrix).nnz == 0
    assert one.terms.tolist() == two.terms.tolist()
    assert one.first_seen.tolist() == two.first_seen.tolist()


def test_chunked_arrow_text_is_counted_in_place_and_equal(generated, monkeypatch):
    """The loader builds ``text`` as chunked Arrow; counting keeps it chunked (no copy)."""
    import pyarrow as pa

    texts = generated.docs["text"].tolist()
    plain = count_texts(texts, generated.doc_ids)
    chunks = [pa.array(texts[i : i + 7], pa.string()) for i in range(0, len(texts), 7)]
    series = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks)))
    column = counts_mod.TextColumn(series)
    assert isinstance(column.arrow, pa.ChunkedArray) and column.arrow.num_chunks == len(chunks)
    assert column.take([8, 0]) == [texts[8], texts[0]]
    assert column.batch(5, 16).to_pylist() == texts[5:16]  # across three chunks, one array
    monkeypatch.setattr(counts_mod, "_BATCH_CHARS", 3000)  # batches cross chunk borders
    for n_jobs in (1, 2):
        got = count_texts(series, generated.doc_ids, n_jobs=n_jobs)
        assert (plain.matrix != got.matrix).nnz == 0
        assert plain.terms.tolist() == got.terms.tolist()


def test_counts_are_kept_on_the_corpus(seed_corpus):
    a = doc_term_counts(seed_corpus, "outlet")
    b = doc_term_counts(seed_corpus, "doc_id")
    assert a.matrix is b.matrix  # one count, two groupings
    assert seed_corpus.is_cached("counts.doc_term:ngram=1")
    assert "DocTermCounts(5 documents" in repr(a)
    # without stopwords is derived from the same counts: no second count is kept
    c = doc_term_counts(seed_corpus, "outlet", stopwords=False)
    assert not c.stopwords and c.texts is a.texts
    assert [k for k in ("stopwords=True", "stopwords=False") if seed_corpus.is_cached(k)] == []


@pytest.mark.parametrize("ngram", [1, 2])
def test_without_stopwords_equals_counting_without_them(ngram):
    # "IT"/"WHO" are acronyms (not stopwords) of the stopwords "it"/"who"
    texts = ["IT said it would. WHO knows who?", "The IT desk. it IT it.", "who WHO", ""]
    both = count_texts(texts, ["a", "b", "c", "d"], ngram=ngram)
    without = count_texts(texts, ["a", "b", "c", "d"], ngram=ngram, stopwords=False)
    assert both.without_stopwords().terms.tolist() == without.terms.tolist()
    if ngram == 1:
        assert both.terms.tolist() == ["desk", "it", "knows", "said", "the", "who", "would"]
        assert both.matrix.toarray().tolist() == [
            [0, 2, 1, 1, 0, 2, 1],
            [1, 4, 0, 0, 1, 0, 0],
            [0, 0, 0, 0, 0, 2, 0],
            [0, 0, 0, 0, 0, 0, 0],
        ]
        assert without.terms.tolist() == ["desk", "it", "knows", "said", "who", "would"]
        assert without.matrix.toarray().tolist() == [
            [0, 1, 1, 1, 1, 1],
            [1, 2, 0, 0, 0, 0],
            [0, 0, 0, 0, 1, 0],
            [0, 0, 0, 0, 0, 0],
        ]
        # first appearance: it (as IT), said, would, who (as WHO), knows, (the,) desk
        assert without.first_seen.tolist() == [5, 0, 4, 1, 3, 2]
        assert both.first_seen.tolist() == [6, 0, 4, 1, 5, 3, 2]
    else:
        assert without.terms.tolist() == ["it desk", "it said", "who knows"]
        assert without.matrix.toarray().tolist() == [[0, 1, 1], [1, 0, 0], [0, 0, 0], [0, 0, 0]]
    assert without.n_words.tolist() == both.n_words.tolist() == [7, 6, 2, 0]


def test_bad_options():
    with pytest.raises(ct.CorpusValueError, match="ngram"):
        count_texts(["a"], ngram=3)
    with pytest.raises(ct.CorpusValueError, match="n_jobs"):
        count_texts(["a"], n_jobs=0)
    assert count_texts([]).matrix.shape == (0, 0)
    empty = ct.keyness(count_texts(["", ""], groups=["X", "Y"]), min_count=1, min_docs=1)
    assert empty.empty and list(empty.columns)[-1] == "evidence"


def test_arrow_splits_only_at_python_whitespace_for_every_code_point():
    """The Arrow chunk splitter never splits inside a token (else: Python's str.split)."""
    import sys

    import pyarrow as pa
    import pyarrow.compute as pc

    cps = [c for c in range(1, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    probes = pa.array(["a" + chr(c) + "a" for c in cps])
    splits = pc.list_value_length(pc.ascii_split_whitespace(probes)).to_numpy() == 2
    assert [
        hex(c) for c, sp_ in zip(cps, splits, strict=True) if sp_ and not chr(c).isspace()
    ] == []
    assert counts_mod.arrow_splits_at_whitespace()


def test_arrow_and_python_chunks_cover_the_same_text(generated):
    texts = [*SOUP, *generated.docs["text"].tolist()[:10], " lead\u00a0and trail\t", "\ud800 x"]
    for split, use in ((counts_mod._split_arrow, texts[:-1]), (counts_mod._split_python, texts)):
        doc, codes, uniq = split(use)
        uniq = uniq if isinstance(uniq, list) else uniq.to_pylist()  # Arrow: the dictionary
        for d, t in enumerate(use):
            chunks = [
                uniq[c] for c, dd in zip(codes.tolist(), doc.tolist(), strict=True) if dd == d
            ]
            assert "".join("".join(chunks).split()) == "".join(t.split())
            assert not any(ch in " \t\n\r\f\v" for ch in "".join(chunks))
    doc, codes, uniq = counts_mod.split_chunks(texts)  # a lone surrogate: Python splits
    assert "\ud800" in uniq


def test_bench_counts_prints_one_table_with_peers(tmp_path):
    """benchmarks/bench_counts.py runs ours and the peers in child processes, one table."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_counts.py"
    args = ["--sizes", "30", "--corpora", "generated", "--work", "counts", "--root", str(tmp_path)]
    skip = "ours_keyness_all,ours_keyness_2jobs,ours_stream,ours_tf_both,floor_counter"
    res = subprocess.run(
        [sys.executable, str(script), *args, "--skip", skip], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert "load average" in res.stdout
    rows = [line for line in res.stdout.splitlines() if line.startswith("| generated | 30 |")]
    assert len(rows) == 2 and rows[1].rstrip(" |").endswith("x")  # ours/peer ratios (wall, CPU)
    assert rows[1].count("x |") == 2
