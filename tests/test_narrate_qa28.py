"""QA session 28: the tone sentence gives intervals and n whenever rows have intervals."""

import pandas as pd

import corpus_tools as ct


def _tone(n_rows: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["A", "A", "B", "B", "C"][:n_rows],
            "target": ["X", "Y", "X", "Y", "X"][:n_rows],
            "n_sentences": [4, 6, 3, 9, 5][:n_rows],
            "n_docs": [2, 3, 2, 4, 3][:n_rows],
            "mean_compound": [-0.5, 0.3, 0.1, -0.2, 0.05][:n_rows],
            "ci_low": [-0.8, 0.1, -0.2, -0.4, -0.1][:n_rows],
            "ci_high": [-0.2, 0.5, 0.4, 0.0, 0.2][:n_rows],
        }
    )


def test_few_rows_with_intervals_are_named_with_their_intervals() -> None:
    # Politico (one outlet, 6 targets, every row with an interval): 'Least positive: White
    # House (mean 0.049 over 474 sentences); ... Every row has a bootstrap interval: read it
    # before the mean.' named no interval
    assert ct.describe_tone(_tone(5)) == (
        "Every one of the 5 rows has a bootstrap interval; among them, most negative: X in A "
        "(mean -0.500, interval -0.800 to -0.200, over 4 sentences in 2 documents); most "
        "positive: Y in A (0.300, interval 0.100 to 0.500, over 6 in 3 documents)."
    )


def test_one_row_and_one_row_with_an_interval() -> None:
    assert ct.describe_tone(_tone(1)) == (
        "One row: X (mean -0.500, interval -0.800 to -0.200, over 4 sentences in 2 documents)."
    )
    some = _tone(5)
    some.loc[1:, ["ci_low", "ci_high"]] = None
    assert ct.describe_tone(some) == (
        "Only X in A has a bootstrap interval (mean -0.500, interval -0.800 to -0.200, over 4 "
        "sentences in 2 documents). The other 4 rows come from a single document (means from "
        "-0.200 to 0.300): one article's wording."
    )


def test_rows_without_intervals_still_say_so_with_n() -> None:
    none = _tone(3).assign(ci_low=None, ci_high=None)
    assert ct.describe_tone(none) == (
        "Most negative: X in A (mean -0.500 over 4 sentences); most positive: Y in A (0.300 "
        "over 6). None of the 3 rows has a bootstrap interval: each comes from a single document."
    )


def test_dates_far_from_the_rest_are_named() -> None:
    # 3,000 AllSides articles 2012-2020 read 'Published from 2001-10-23 to 2050-09-30' with no
    # remark ('9/30/50' read with a two-digit year)
    days = pd.date_range("2012-06-02", "2020-07-21", periods=300)
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(303)],
            "outlet": "A",
            "published": list(days)
            + pd.to_datetime(["2001-10-23", "2010-10-19", "2050-09-30"]).tolist(),
        }
    )
    said = ct.describe_corpus(docs, by="outlet")
    assert said.endswith(
        "Published from 2001-10-23 to 2050-09-30 (303 distinct dates). 3 documents lie far "
        "outside the rest, which run from 2012-06-02 to 2020-07-21: 2001-10-23, 2010-10-19, "
        "2050-09-30; check them."
    ), said
    # dates spread evenly: nothing is far
    assert "far outside" not in ct.describe_corpus(docs.iloc[:300], by="outlet")
