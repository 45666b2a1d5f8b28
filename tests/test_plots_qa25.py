"""Figures on unseen real corpora (session 25 QA): the keyness figure counts every document."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

# outlet "lone" uses only words no other document has: with min_docs=2 none passes, so with
# top_n it gets no row at all (UCI headlines: 5 one-headline outlets, the title said 494 of 499)
_DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e"],
        "outlet": ["big", "big", "big", "small", "lone"],
        "text": [
            "Troops fired rockets. Ministers met envoys. Talks resumed.",
            "Envoys met ministers. Troops left. Talks stalled.",
            "Talks resumed. Troops fired. Ministers left.",
            "Rockets fired. Rockets fired. Troops left.",
            "Zebras graze quietly.",
        ],
    }
)


def test_keyness_figure_counts_the_documents_of_groups_without_a_row() -> None:
    c = ct.Corpus(_DOCS.copy())
    key = ct.keyness(c, min_count=1, min_docs=2, top_n=3)
    assert sorted(key["group"].unique()) == ["big", "small"]
    assert key.attrs["n_docs"] == 5 and key.attrs["n_groups"] == 3
    fig = plots.plot_keyness(key, top_n=3)
    assert fig._suptitle.get_text() == (
        "Distinctive terms per group, each vs the rest (n = 5 documents)"
    )
    assert fig.texts[-1].get_text() == (
        "Source: corpus, n = 5 documents. Bar label = count of the term in the group.\n"
        "No row in the table: 1 group, 1 document (none of their terms passes the filters "
        "min_count / min_docs)."
    )
    # a table without those attrs (built by hand) keeps the old count, from its own rows
    bare = pd.DataFrame(key.to_dict("list"))
    fig2 = plots.plot_keyness(bare, top_n=3)
    assert "(n = 4 documents)" in fig2._suptitle.get_text()
    assert "No row" not in fig2.texts[-1].get_text()
