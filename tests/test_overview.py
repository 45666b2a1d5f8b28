"""Tests for corpus_tools.overview: document table, summary, cleaning summaries, duplicates."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct

# docs/methods.md, section "Cleaning" worked example (raw 208 chars -> clean 128 chars, NBSP folded silently).
RAW = (
    "Envoys meet in Doha\n\nSign up now: Get our newsletters delivered to your inbox\n\n"
    "Russia said it was coordinating policy with China, an ally that\n\n"
    "President\u00a0Vladimir Putin visited this week.\n\nShare this article\n"
)
CLEAN = (
    "Envoys meet in Doha\n\nRussia said it was coordinating policy with China, an ally that "
    "President\u00a0Vladimir Putin visited this week."
)
LOG = pd.DataFrame(
    {
        "doc_id": ["w", "w", "w"],
        "line_no": [2, 4, 8],
        "start": [21, 142, 187],
        "end": [79, 144, 208],
        "rule": ["signup_newsletter", "rejoin_broken_line", "share_button"],
        "text": [RAW[21:79], RAW[142:144], RAW[187:208]],
        "replacement": ["", " ", ""],
    }
)


@pytest.fixture()
def worked():
    docs = pd.DataFrame(
        {
            "doc_id": ["w", "z"],
            "outlet": ["Wire", None],
            "text": [CLEAN, "Nothing removed."],
            "raw_text": [RAW, "Nothing removed."],
            "published": pd.to_datetime(["2023-10-19", None]),
        }
    )
    return ct.Corpus(docs, LOG)


def test_worked_example_is_consistent():
    assert len(RAW) == 208 and len(CLEAN) == 128
    assert ct.reconstruct_text(CLEAN, LOG.to_dict("records")) == RAW


def test_cleaning_summary_by_rule(worked):
    got = ct.cleaning_summary(worked, by="rule")
    assert got.columns.tolist() == [
        "rule",
        "n_edits",
        "n_removed",
        "n_changed",
        "n_docs",
        "removed_chars",
        "example_doc_id",
        "example",
    ]
    assert got["rule"].tolist() == ["signup_newsletter", "share_button", "rejoin_broken_line"]
    assert got["removed_chars"].tolist() == [58, 21, 1]
    assert got["n_removed"].tolist() == [1, 1, 0]
    assert got["n_changed"].tolist() == [0, 0, 1]
    assert got["example"].iloc[0] == "Sign up now: Get our newsletters delivered to your inbox"
    assert got["example"].iloc[1] == "Share this article"
    assert got["removed_chars"].sum() == len(RAW) - len(CLEAN)


def test_cleaning_summary_by_doc(worked):
    got = ct.cleaning_summary(worked, by="doc_id")
    assert got.columns.tolist() == [
        "doc_id",
        "outlet",
        "n_edits",
        "n_removed",
        "raw_chars",
        "clean_chars",
        "removed_chars",
        "chrome_share",
    ]
    w = got.set_index("doc_id").loc["w"]
    assert (w["n_edits"], w["n_removed"], w["raw_chars"], w["clean_chars"], w["removed_chars"]) == (
        3,
        2,
        208,
        128,
        80,
    )
    assert w["chrome_share"] == round(79 / 208, 3) == 0.38
    z = got.set_index("doc_id").loc["z"]
    assert (z["n_edits"], z["removed_chars"], z["chrome_share"]) == (0, 0, 0.0)
    assert got["doc_id"].tolist() == ["w", "z"]  # sorted by chrome_share desc


def test_cleaning_summary_empty_log(corpus_from_texts):
    c = corpus_from_texts({"a": "One.", "b": "Two."})
    assert ct.cleaning_summary(c, by="rule").empty
    assert ct.cleaning_summary(c, by="doc_id")["chrome_share"].tolist() == [0.0, 0.0]


def test_cleaning_summary_bad_option(worked):
    with pytest.raises(ct.CorpusValueError, match="by='outlet' is not valid"):
        ct.cleaning_summary(worked, by="outlet")


def test_cleaning_view_escapes_and_counts(worked):
    view = ct.cleaning_view(worked, "w")
    assert repr(view) == (
        "<cleaning view of w: 3 edits (2 removals, 1 change), 208 raw characters>"
    )
    assert "[signup_newsletter]" in view.html and "Sign up now" in view.html
    hostile = ct.Corpus(pd.DataFrame({"doc_id": ["h"], "text": ["<script>alert(1)</script>"]}))
    assert "<script>" not in ct.cleaning_view(hostile, "h").html
    with pytest.raises(ct.CorpusValueError, match="unknown doc_id"):
        ct.cleaning_view(worked, "nope")


def test_overview_columns_and_counts(corpus_from_texts):
    c = corpus_from_texts(
        {"b": "Second doc here.", "a": "Talks end\n\nEnvoys left Doha. Both sides spoke."},
        outlet={"a": "X", "b": "Y"},
    )
    got = ct.overview(c)
    assert got.columns.tolist() == ct.OVERVIEW_COLUMNS
    assert got["doc_id"].tolist() == ["a", "b"]
    assert got["title"].tolist() == ["Talks end", "Second doc here."]
    assert got["n_words"].tolist() == [8, 3]
    assert got["n_sentences"].tolist() == [3, 1]
    assert got["n_words"].dtype == "int64" and got["published"].isna().all()
    assert got["date_precision"].isna().all()


def test_overview_title_column_wins_and_is_shortened():
    long = "A" * 200
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b"],
                "title": ["Given title", long],
                "text": ["First line\n\nBody.", "x"],
            }
        )
    )
    titles = ct.overview(c)["title"].tolist()
    assert titles[0] == "Given title"
    assert len(titles[1]) == 80 and titles[1].endswith("…")


def test_overview_on_seeds(seed_corpus):
    got = ct.overview(seed_corpus)
    assert len(got) == 5
    assert got["doc_id"].is_monotonic_increasing
    assert set(got["date_precision"]) == {"day", "week"}
    assert (got["n_words"] > 200).all() and (got["n_sentences"] > 5).all()


def test_corpus_summary(worked):
    got = ct.corpus_summary(worked).set_index("measure")["value"]
    assert got["documents"] == "2"
    assert got["outlets"] == "1"
    assert got["documents without outlet"] == "1"
    assert got["first date"] == got["last date"] == "2023-10-19"
    assert got["documents without date"] == "1"
    assert got["cleaning edits"] == "3"
    assert got["characters removed by cleaning"] == "80"
    assert got["inputs skipped"] == "0"


def test_corpus_summary_no_dates(corpus_from_texts):
    got = ct.corpus_summary(corpus_from_texts({"a": "x y."})).set_index("measure")["value"]
    assert got["first date"] == "unknown" and got["words"] == "2"


BASE = "Envoys met in Doha on Thursday to discuss the ceasefire and the release of hostages."


@pytest.mark.parametrize(
    "texts, threshold, expected",
    [
        # exact duplicate after whitespace/case folding
        ({"a": BASE, "b": "  " + BASE.upper() + " "}, 0.8, [("a", "b", "exact", 1.0)]),
        # a: 15 words -> 11 shingles; b adds 2 words -> 13 shingles; shared 11: 11/13
        ({"a": BASE, "b": BASE + " More later."}, 0.8, [("a", "b", "near", 0.846)]),
        ({"a": BASE, "b": BASE + " More later."}, 0.9, []),
        ({"a": BASE, "b": "Completely different words appear in this other text today."}, 0.01, []),
    ],
)
def test_duplicates(corpus_from_texts, texts, threshold, expected):
    got = ct.duplicates(corpus_from_texts(texts), threshold=threshold)
    assert got.columns.tolist() == ct.DUPLICATE_COLUMNS
    rows = zip(got["doc_a"], got["doc_b"], got["kind"], got["jaccard"], strict=True)
    assert list(rows) == expected


def test_duplicates_order_independent(corpus_from_texts):
    texts = {"c": BASE, "a": BASE + " More.", "b": BASE}
    rev = dict(reversed(list(texts.items())))
    a = ct.duplicates(corpus_from_texts(texts), threshold=0.5)
    b = ct.duplicates(corpus_from_texts(rev), threshold=0.5)
    pd.testing.assert_frame_equal(a, b)
    assert a["kind"].tolist()[0] == "exact" and (a["doc_a"] < a["doc_b"]).all()


def test_duplicates_bad_threshold(corpus_from_texts):
    with pytest.raises(ct.CorpusValueError, match="threshold"):
        ct.duplicates(corpus_from_texts({"a": "x"}), threshold=0)


def test_duplicates_count_frequent_shingles_in_the_resemblance(corpus_from_texts):
    """Shingles in more than max_df documents do not find pairs but count in their resemblance."""
    common = "Subscribe now to read every story from our newsroom today for free"  # 8 shingles
    texts = {
        "a": common + " " + BASE,
        "b": common + " " + BASE + " More later.",
        "c": common + " The weather stayed dry across the region all week long.",
    }
    found = ct.duplicates(corpus_from_texts(texts), threshold=0.5, max_df=2)
    # a: 27 words -> 23 shingles, b: 29 -> 25, shared 23 (8 of them in all three documents)
    assert found[["doc_a", "doc_b", "shared", "n_shingles_a", "n_shingles_b"]].values.tolist() == [
        ["a", "b", 23, 23, 25]
    ]
    assert found["jaccard"].tolist() == [round(23 / 25, 3)]
    only_common = {"a": common + " One two three.", "b": common + " Four five six."}
    assert ct.duplicates(corpus_from_texts(only_common), threshold=0.3, max_df=1).empty
    assert len(ct.duplicates(corpus_from_texts(only_common), threshold=0.3, max_df=2)) == 1
