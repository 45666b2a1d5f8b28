"""plot_similarity of groups (outlets): the groups with the most documents are drawn, each
label gives its n, and the note counts documents, not groups (a table of 1,254 outlets of
2,842 real headlines said "n = 1,254 documents" and drew 20 one-headline outlets)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from corpus_tools import plots  # noqa: E402


def _table() -> pd.DataFrame:
    # 24 outlets: outlet k has k + 1 documents; the one-document outlets pair most strongly
    rows = []
    for k in range(23):
        rows.append((f"o{k:02d}", f"o{k + 1:02d}", 0.9 if k < 4 else 0.2, k + 1, k + 2))
    t = pd.DataFrame(rows, columns=["a", "b", "cosine", "n_docs_a", "n_docs_b"])
    t["top_terms"] = ""
    return t


def test_groups_are_chosen_by_size_and_labelled_with_n() -> None:
    fig = plots.plot_similarity(_table(), top_n=4)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["o20 (n=21)", "o21 (n=22)", "o22 (n=23)", "o23 (n=24)"]
    note = fig.texts[0].get_text()
    assert note.startswith("Source: corpus, n = 300 documents in 24 groups.")


def test_documents_compared_one_by_one_keep_their_labels() -> None:
    t = _table()
    t["n_docs_a"], t["n_docs_b"] = 1, 1
    fig = plots.plot_similarity(t, top_n=4)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["o00", "o01", "o02", "o03"]
    assert fig.texts[0].get_text().startswith("Source: corpus, n = 24 documents.")
