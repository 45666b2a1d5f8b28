"""Tests for corpus_tools.corpus.Corpus and the public API surface."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.corpus import DOC_COLUMNS


def _corpus() -> ct.Corpus:
    docs = pd.DataFrame(
        {
            "doc_id": ["b", "a", "c"],
            "text": ["Talks ended. Envoys left.", "Moscow and Beijing met.", "Hamas said no."],
            "outlet": ["TASS", "SCMP", None],
        }
    )
    return ct.Corpus(docs)


def test_docs_have_contract_columns_in_order():
    c = _corpus()
    assert list(c.docs.columns[: len(DOC_COLUMNS)]) == DOC_COLUMNS
    assert c.docs["n_chars"].tolist() == [25, 23, 14]
    # raw text defaults to the text when no cleaning happened
    assert c.raw("b") == "Talks ended. Envoys left."


def test_len_iter_repr():
    c = _corpus()
    assert len(c) == 3
    assert list(c)[0] == ("b", "Talks ended. Envoys left.")
    assert repr(c) == "<Corpus: 3 documents, 2 outlets, 0 cleaning edits, 0 skipped>"


def test_iteration_reads_in_batches_and_keeps_every_pair(monkeypatch):
    import corpus_tools.corpus as corpus_mod

    docs = pd.DataFrame({"doc_id": [f"d{k}" for k in range(5)], "text": list("abcde")})
    c = ct.Corpus(docs.astype({"text": "string[pyarrow]"}))
    monkeypatch.setattr(corpus_mod, "_ITER_BATCH", 2)  # three batches, the last one short
    assert list(c) == [("d0", "a"), ("d1", "b"), ("d2", "c"), ("d3", "d"), ("d4", "e")]


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        (pd.DataFrame({"text": ["x"]}), "lacks column(s) ['doc_id']"),
        (
            pd.DataFrame({"doc_id": ["a", "a"], "text": ["x", "y"]}),
            "doc_id 'a' occurs more than once",
        ),
    ],
)
def test_bad_docs_table_is_a_clear_error(docs, message):
    with pytest.raises(ct.CorpusValueError, match=re.escape(message)):
        ct.Corpus(docs)


def test_unknown_doc_id_names_the_fix():
    with pytest.raises(ValueError, match=r"unknown doc_id 'zz'; see corpus.doc_ids"):
        _corpus().text("zz")


def test_by_groups_sorted_with_missing_last():
    groups = [(key, sub.doc_ids) for key, sub in _corpus().by("outlet")]
    assert groups == [("SCMP", ["a"]), ("TASS", ["b"]), (None, ["c"])]


def test_by_unknown_column():
    with pytest.raises(ct.CorpusValueError, match="no column 'region'"):
        list(_corpus().by("region"))


def test_cached_tables_are_copies():
    c = _corpus()
    s1 = c.sentences()
    s1.loc[0, "text"] = "changed"
    assert c.sentences().loc[0, "text"] == "Talks ended."
    assert c.sentences()["doc_id"].tolist() == ["b", "b", "a", "c"]


def test_cache_api_builds_once_and_clears():
    c = _corpus()
    calls: list[int] = []

    def build() -> list[str]:
        calls.append(1)
        return c.doc_ids

    first = c.cached("test.ids", build)
    assert c.cached("test.ids", build) is first and len(calls) == 1
    assert c.is_cached("test.ids") and not c.is_cached("test.other")
    c.clear_cache("test.ids")
    assert not c.is_cached("test.ids")
    assert c.cached("test.ids", build) == ["b", "a", "c"] and len(calls) == 2
    with pytest.raises(ZeroDivisionError):
        c.cached("test.bad", lambda: 1 / 0)
    assert not c.is_cached("test.bad")  # a failed build caches nothing
    c.clear_cache()
    assert not c.is_cached("test.ids")
    assert not c.subset(["a"]).is_cached("corpus.sentences")


def test_clear_cache_after_in_place_edit_recomputes():
    c = _corpus()
    assert c.tokens()["token"].iloc[0] == "Talks"
    c.docs.loc[0, "text"] = "Peace came."
    assert c.tokens()["token"].iloc[0] == "Talks"  # immutable by contract: cached
    c.clear_cache()
    assert c.tokens()["token"].iloc[0] == "Peace"
    assert ct.tokens(c)["token"].iloc[0] == "Peace"  # the spans cache was cleared too


def test_subset_keeps_order_and_log():
    c = _corpus().subset(["c", "b"])
    assert c.doc_ids == ["b", "c"]


def test_public_api_names_resolve():
    for name in ct.__all__:
        assert hasattr(ct, name), name
    for name in ["Corpus", "load_corpus", "reconstruct", "sentences", "tokens", "fold"]:
        assert name in ct.__all__
    for name in [
        "describe_cleaning",
        "describe_corpus",
        "describe_duplicates",
        "describe_frames",
        "describe_keyness",
        "describe_mentions",
        "describe_numbers",
        "describe_reuse",
        "describe_similarity",
        "describe_tone",
        "describe_voices",
    ]:
        assert name in ct.__all__, name
    # supervised coding (corpus_tools/coding.py)
    for name in [
        "Coder",
        "CoderEvaluation",
        "train_coder",
        "load_codes",
        "describe_coder",
        "describe_agreement",
        "evidence_view",
        "kwic_view",
    ]:
        assert name in ct.__all__, name
    # stories and statements (corpus_tools/stories.py, statements.py)
    for name in [
        "stories",
        "with_stories",
        "Stories",
        "STORY_COLUMNS",
        "STORY_LINK_COLUMNS",
        "statements",
        "STATEMENT_COLUMNS",
    ]:
        assert name in ct.__all__, name


def test_log_rows_of_chunked_arrow_columns_cost_the_rows_asked_for(capfd):
    # the loader may build the cleaning log as chunked Arrow columns; Arrow's own take on a
    # chunked array concatenates every chunk (a copy of the whole column per lookup)
    import pyarrow as pa

    n_docs = 300
    ids = [f"d{k:03d}" for k in range(n_docs)]
    removed = [f"Ad {k} " + "x" * 2000 for k in range(n_docs)]  # ~1.2 MB a log text column

    def chunked(values, typ):
        return pd.arrays.ArrowExtensionArray(
            pa.chunked_array([pa.array(values[i : i + 100], typ) for i in range(0, n_docs, 100)])
        )

    log = pd.DataFrame(
        {
            "doc_id": chunked(ids, pa.large_string()),
            "line_no": chunked(list(range(1, n_docs + 1)), pa.int64()),
            "start": chunked([0] * n_docs, pa.int64()),
            "end": chunked([len(r) for r in removed], pa.int64()),
            "rule": chunked(["ad"] * n_docs, pa.large_string()),
            "text": chunked(removed, pa.large_string()),
            "replacement": chunked([""] * n_docs, pa.large_string()),
        }
    )
    docs = pd.DataFrame({"doc_id": ids, "text": [f"Body {k}." for k in range(n_docs)]})
    c = ct.Corpus(docs, log, keep_raw=False)
    assert c.cleaning_log["text"].array.__arrow_array__().num_chunks == 3
    capfd.readouterr()
    pa.log_memory_allocations(True)
    try:
        rec = c.log_records("d150", ["line_no", "rule", "text"])
        raw = c.raw("d299")
    finally:
        pa.log_memory_allocations(False)
    logged = capfd.readouterr()
    sizes = [int(s) for s in re.findall(r"Allocate: size = (\d+)", logged.out + logged.err)]
    assert rec == [{"line_no": 151, "rule": "ad", "text": removed[150]}]
    assert raw == removed[299] + "Body 299."
    raw150 = removed[150] + "Body 150."
    assert list(c.iter_raw())[::150] == [("d000", removed[0] + "Body 0."), ("d150", raw150)]
    assert (
        max(sizes, default=0) < 100_000
    )  # a row's text is 2 KB, a chunk 200 KB, the column 600 KB
