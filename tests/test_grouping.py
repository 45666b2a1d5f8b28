"""One grouping path: the same ``by`` gives the same ``str`` labels in every table.

Every function that takes ``by=`` labels its groups with
:func:`corpus_tools.group_labels`, so tables from different functions join on
``group``. Checked on the seeds with ``by="published"`` (dates at day and week
precision), ``by="outlet"`` and a user column with missing values.
"""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.corpus import MISSING, group_label

SEED_DATES = {"2023-10-19", "2023-10-20", "2023-10-14", "2020-01-09"}
SEED_OUTLETS = {"Straits Times", "SCMP", "TASS", "Blog", "News site"}
# a user metadata column with two gaps (None and NaN), numbers stored as floats
DESK = [3.0, None, 3.0, float("nan"), 12.0]
DESK_LABELS = {"3", "12", MISSING}


@pytest.fixture(scope="module")
def corpus(seed_corpus: ct.Corpus) -> ct.Corpus:
    docs = seed_corpus.docs.assign(desk=DESK)
    return ct.Corpus(docs, seed_corpus.cleaning_log, seed_corpus.skipped)


def _tables(c: ct.Corpus, by: str) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """(tables with a group for every document, tables with rows only where evidence is)."""
    f = ct.frames(c)
    m = ct.actor_mentions(c)
    every = {
        "keyness": ct.keyness(c, by=by),
        "term_frequencies": ct.term_frequencies(c, by=by),
        "cooccurrence": ct.cooccurrence(c, by=by),
        "compare_networks": ct.compare_networks(c, by=by),
        "actor_counts": ct.actor_counts(m, c, by=by),
        "frame_summary": ct.frame_summary(f, c, by=by),
        "hedge_rates": ct.hedge_rates(ct.hedges(c), c, by=by),
        "reuse_summary": ct.reuse_summary(ct.text_reuse(c), c, by=by),
        "stream_counts": ct.stream_counts(c, by=by, clean=False).term_table(),
    }
    ts = ct.target_sentiment(c, by=by)
    some = {
        "cue_rates": ct.cue_rates(ct.quotes(c), c, by=by),
        "target_sentiment": ts.summary,
        "frame_evidence": ct.frame_evidence(f, c, by=by),
        "naming": ct.naming(c, by=by),
        "compare_numbers": ct.compare_numbers(ct.numeric_claims(c), c, by=by),
        "kwic": ct.kwic(c, "Russia", by=by),
    }
    return every, some


@pytest.mark.parametrize(
    ("by", "expected"),
    [("published", SEED_DATES), ("outlet", SEED_OUTLETS), ("desk", DESK_LABELS)],
)
def test_same_by_same_labels_in_every_table(corpus: ct.Corpus, by: str, expected: set[str]):
    labels = ct.group_labels(corpus, by)
    assert set(labels) == expected
    assert labels.index.tolist() == corpus.doc_ids
    every, some = _tables(corpus, by)
    for name, table in every.items():
        got = table["group"].tolist()
        assert all(isinstance(g, str) for g in got), name
        assert set(got) == expected, name
    for name, table in some.items():
        got = table["group"].tolist()
        assert got, name  # the seeds have rows for every one of these tables
        assert all(isinstance(g, str) for g in got), name
        assert set(got) <= expected, name
        if "doc_id" in table.columns:  # each row carries its own document's label
            assert got == table["doc_id"].map(labels).tolist(), name
    assert set(ct.group_networks(corpus, by=by)) == expected


def test_published_labels_follow_date_precision():
    docs = pd.DataFrame(
        {
            "doc_id": ["d", "m", "y", "w", "t", "n", "x"],
            "text": ["Talks ended."] * 7,
            "published": pd.to_datetime(
                [
                    "2023-10-19",
                    "2023-10-01",
                    "2023-01-01",
                    "2023-10-14",
                    "2023-10-19 08:30",
                    None,
                    "2023-10-19 08:30",
                ],
                format="ISO8601",
            ),
            "date_precision": ["day", "month", "year", "week", "time", None, None],
        }
    )
    got = ct.group_labels(ct.Corpus(docs), "published").tolist()
    assert got == [
        "2023-10-19",
        "2023-10",
        "2023",
        "2023-10-14",
        "2023-10-19T08:30:00",
        MISSING,
        "2023-10-19T08:30:00",  # no precision: the value shows a time
    ]
    # frequencies and co-occurrence agree (they used to give '2023-10-19' vs '2023-10-19 00:00:00')
    c = ct.Corpus(docs.iloc[:2].assign(text=["Russia and China met.", "Iran and Iraq met."]))
    assert set(ct.term_frequencies(c, by="published")["group"]) == {"2023-10-19", "2023-10"}
    assert set(ct.cooccurrence(c, by="published", min_count=1)["group"]) == {
        "2023-10-19",
        "2023-10",
    }


def test_label_convention_values():
    assert group_label(None) == group_label(float("nan")) == group_label(pd.NaT) == "(missing)"
    assert group_label("Daily Planet") == "Daily Planet"
    assert (group_label(7), group_label(2.5), group_label(2023.0)) == ("7", "2.5", "2023")
    assert group_label(pd.Timestamp("2023-10-19")) == "2023-10-19"


def test_group_labels_errors_and_doc_id():
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"]}))
    assert c.group_labels("doc_id").tolist() == ["a", "b"]
    assert c.group_labels("outlet").tolist() == [MISSING, MISSING]
    for bad in ("desk", "text"):
        with pytest.raises(ct.CorpusValueError, match=f"by='{bad}' is not a column"):
            ct.group_labels(c, bad)
