"""Texts of no word (``***``, ``--``) are never duplicates; identical texts with words still are."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import corpus_tools as ct
from corpus_tools.dedup import DuplicateFinder, flag_duplicates, signatures

STORY = " ".join(f"word{i}" for i in range(40))


def test_wordless_texts_are_not_exact_copies() -> None:
    texts = ["***", "***", "-- --", "-- --", "{}", '{"id": 1}', '{"id": 1}']
    ids = list("abcdefg")
    dup_of, kind = flag_duplicates(texts, ids)
    # '{"id": 1}' has words (id, 1): its copy is still an exact duplicate
    assert dup_of == [None, None, None, None, None, None, "f"]
    assert kind == [None, None, None, None, None, None, "exact"]
    signed = signatures(texts)
    assert signed[0][:5] == [None] * 5
    assert signed[0][5] == signed[0][6] and signed[0][5] is not None
    assert signed[2].tolist() == [0, 0, 0, 0, 0, 0, 0]
    assert (signed[1][:5] == np.iinfo(np.uint64).max).all()
    assert flag_duplicates(texts, ids, signed=signed) == (dup_of, kind)


def test_duplicate_finder_skips_wordless_texts() -> None:
    texts = ["* * *", STORY, "* * *", STORY]
    finder = DuplicateFinder(texts)
    for t in texts:
        finder.add(*signatures([t]))
    assert finder.flags(["a", "b", "c", "d"]) == (
        [None, None, None, "b"],
        [None, None, None, "exact"],
    )


def test_load_keeps_wordless_documents_unflagged(tmp_path: Path) -> None:
    for name, text in [("a", "***\n"), ("b", "***\n"), ("c", STORY + "\n"), ("d", STORY + "\n")]:
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    corpus = ct.load_corpus(tmp_path)
    docs = corpus.docs.set_index("doc_id")
    # kept as documents with their text (nothing dropped, nothing skipped), never paired
    assert docs.loc[["a", "b"], "text"].tolist() == ["***\n", "***\n"]
    assert docs.loc[["a", "b"], "empty_after_cleaning"].tolist() == [False, False]
    assert len(corpus.skipped) == 0
    assert docs["duplicate_of"].tolist() == [None, None, None, "c"]
    assert docs["duplicate_kind"].tolist() == [None, None, None, "exact"]
