"""Session 26b: the few-documents warning of target_sentiment says how many rows and groups
it concerns, names the largest few and the fix."""

from __future__ import annotations

import warnings

import pandas as pd

import corpus_tools as ct


def _corpus() -> ct.Corpus:
    # outlet A: 12 documents about Russia; B: 4; C: 2; D: 1 (one document: no interval)
    sizes = {"A": 12, "B": 4, "C": 2, "D": 1}
    rows = [
        {"doc_id": f"{o}{i}", "outlet": o, "text": f"Moscow blamed Washington for crisis {i}."}
        for o, k in sizes.items()
        for i in range(k)
    ]
    return ct.load_corpus(pd.DataFrame(rows))


def _messages(corpus: ct.Corpus, **kw: object) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ct.target_sentiment(corpus, ["Russia"], n_boot=20, **kw)  # type: ignore[arg-type]
    return [str(w.message) for w in caught if issubclass(w.category, ct.CorpusToolsWarning)]


def test_the_warning_counts_names_and_gives_the_fix() -> None:
    (msg,) = [m for m in _messages(_corpus()) if "rough" in m]
    # rows of 2-9 documents: B (4) and C (2) of the 4 outlets; A has 12, D one (no interval)
    assert msg.startswith("target_sentiment: 2 of 4 groups rest on fewer than 10 documents")
    assert "largest first, documents in brackets: 'B' (4), 'C' (2). " in msg
    assert "by= a column with fewer, larger groups than 'outlet'" in msg
    assert "n_docs and interval" in msg


def test_with_several_targets_rows_and_groups_are_counted() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ct.target_sentiment(_corpus(), ["Russia", "United States"], n_boot=20)
    (msg,) = [str(w.message) for w in caught if "rough" in str(w.message)]
    assert msg.startswith(
        "target_sentiment: 4 of 8 (group, target) rows, in 2 of 4 groups, rest on fewer than 10"
    )
    assert (
        "'B / Russia' (4), 'B / United States' (4), 'C / Russia' (2), 'C / United States' (2). "
        in msg
    )


def test_more_than_five_rows_are_cut_with_a_count() -> None:
    rows = [
        {"doc_id": f"{o}{i}", "outlet": o, "text": "Moscow blamed the crisis on others."}
        for o, k in zip("ABCDEFG", [9, 8, 7, 6, 5, 4, 3], strict=True)
        for i in range(k)
    ]
    (msg,) = [m for m in _messages(ct.load_corpus(pd.DataFrame(rows))) if "rough" in m]
    assert "7 of 7 groups" in msg
    assert "'A' (9), 'B' (8), 'C' (7), 'D' (6), 'E' (5) and 2 more." in msg


def test_no_warning_when_every_group_has_ten_documents_or_one() -> None:
    rows = [
        {"doc_id": f"{o}{i}", "outlet": o, "text": "Moscow blamed the crisis on others."}
        for o, k in (("A", 10), ("B", 1))
        for i in range(k)
    ]
    assert not [m for m in _messages(ct.load_corpus(pd.DataFrame(rows))) if "rough" in m]
