"""drop_raw and the notebook kernel's output cache: what lets a report kernel give memory back."""

from __future__ import annotations

import builtins
import gc
import weakref

import pytest

import corpus_tools as ct
from corpus_tools.notebook import keep_no_outputs


def test_drop_raw_keeps_the_cleaned_corpus_and_its_tables(tmp_path, seeds_path):
    corpus = ct.load_corpus(seeds_path)
    assert len(corpus.cleaning_log) > 0
    assert (corpus.docs["raw_text"] != corpus.docs["text"]).any()
    ct.overview(corpus)  # fills the per-document counts, which are kept
    lean = ct.drop_raw(corpus)
    assert list(lean.docs.columns) == list(corpus.docs.columns)
    assert lean.docs.drop(columns="raw_text").equals(corpus.docs.drop(columns="raw_text"))
    assert lean.docs["raw_text"].tolist() == lean.docs["text"].tolist()
    assert lean.docs["raw_text"].dtype == lean.docs["text"].dtype  # shared, not an object copy
    assert lean.cleaning_log.empty and list(lean.cleaning_log.columns) == list(
        corpus.cleaning_log.columns
    )
    assert lean.skipped.equals(corpus.skipped) and lean.root == corpus.root
    assert lean.is_cached("overview.doc_counts")
    assert lean.raw(lean.doc_ids[0]) == lean.text(lean.doc_ids[0])
    # the original is not changed
    assert len(corpus.cleaning_log) > 0
    assert (corpus.docs["raw_text"] != corpus.docs["text"]).any()
    # every analysis of the cleaned text is the same
    assert ct.overview(lean).equals(ct.overview(corpus))
    assert ct.term_frequencies(lean, by="outlet").equals(ct.term_frequencies(corpus, by="outlet"))
    hits = ct.kwic(lean, "Hamas", window=5, by="outlet")
    assert len(hits) > 0 and hits.equals(ct.kwic(corpus, "Hamas", window=5, by="outlet"))
    # the same corpus as a snapshot read without the raw pages
    snap = ct.load_snapshot(ct.save_snapshot(corpus, tmp_path / "c.pkl"), raw=False)
    assert snap.docs.equals(lean.docs) and snap.cleaning_log.empty


def test_drop_raw_holds_no_reference_to_the_original(seeds_path):
    corpus = ct.load_corpus(seeds_path)
    ct.overview(corpus)
    gone = weakref.ref(corpus)
    raw_gone = weakref.ref(corpus.cleaning_log)
    lean = ct.drop_raw(corpus)
    del corpus
    gc.collect()
    assert gone() is None and raw_gone() is None  # its raw pages and log can be freed
    assert len(lean) == 5


def test_drop_raw_of_a_corpus_without_cleaning_is_the_same_corpus():
    import pandas as pd

    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", None], "text": ["A.", "B."]}))
    lean = ct.drop_raw(c)
    assert lean.docs.drop(columns="raw_text").equals(c.docs.drop(columns="raw_text"))
    assert lean.docs["raw_text"].tolist() == c.docs["raw_text"].tolist() == ["A.", "B."]
    assert lean.cleaning_log.equals(c.cleaning_log)


@pytest.fixture
def shell(monkeypatch):
    from IPython.core.interactiveshell import InteractiveShell

    # Python's own display hook (used by doctests run earlier in the session) leaves a
    # '_' in builtins, and IPython then never sets '_' in the shell, as it does for gettext
    monkeypatch.delattr(builtins, "_", raising=False)

    # a fresh shell: another test (or a notebook test) may have left one whose display
    # cache was already switched off
    InteractiveShell.clear_instance()
    sh = InteractiveShell.instance()
    yield sh
    InteractiveShell.clear_instance()


def test_an_ipython_shell_keeps_displayed_results_unless_told_not_to(shell):
    shell.run_cell("big = [0] * 10")
    shell.run_cell("big")
    assert shell.user_ns["Out"] and shell.user_ns["_"] is shell.user_ns["big"]
    assert keep_no_outputs() is True
    shell.run_cell("other = [1] * 10")
    shell.run_cell("other")
    kept = list(shell.user_ns["Out"].values())
    assert not any(v is shell.user_ns["other"] for v in kept)
    assert shell.user_ns["_"] is not shell.user_ns["other"]


def test_keep_no_outputs_outside_ipython_does_nothing():
    assert keep_no_outputs() is False
