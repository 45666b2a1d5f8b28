"""QA session 27: the corpus sentence says dates at the precision they have."""

import pandas as pd

from corpus_tools.narrate import describe_corpus


def _paragraphs(precision: list[str | None], dates: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"p{i}" for i in range(len(dates))],
            "outlet": [None] * len(dates),
            "published": pd.to_datetime(dates),
            "date_precision": precision,
        }
    )


def test_year_dates_are_said_as_years() -> None:
    # State of the Union paragraphs, 1946-2000, dated by year: the sentence read
    # 'Published from 1946-01-01 to 2000-01-01 (53 distinct dates)'
    docs = _paragraphs(["year"] * 4, ["1946-01-01", "1946-01-01", "1973-01-01", "2000-01-01"])
    assert describe_corpus(docs) == (
        "4 documents in 1 group by 'outlet': there is no other group to compare with. "
        "Published from 1946 to 2000 (3 distinct years; dates known to the year only)."
    )


def test_month_dates_and_a_single_month() -> None:
    docs = _paragraphs(["month", "month"], ["2020-05-01", "2020-05-01"])
    assert describe_corpus(docs).endswith("Published on 2020-05 (dates known to the month only).")


def test_some_dates_known_only_to_the_year_are_counted() -> None:
    docs = _paragraphs(
        ["day", "year", "month", None], ["2020-05-03", "2020-01-01", "2020-05-01", None]
    )
    assert describe_corpus(docs).endswith(
        "Published from 2020-01-01 to 2020-05-03 (3 distinct dates; 2 of them known only to "
        "the month or year, given as its first day); 1 document undated."
    )


def test_week_estimates_stay_days_as_on_the_seeds() -> None:
    docs = _paragraphs(["day", "week"], ["2023-10-19", "2023-10-14"])
    assert describe_corpus(docs).endswith(
        "Published from 2023-10-14 to 2023-10-19 (2 distinct dates)."
    )
