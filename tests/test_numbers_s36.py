"""compare_numbers lines figures up within one story, never by a noun across unrelated events.

Real headlines (github fwd/news headlines.json, 2021-22; two pairs report one event, two
headlines share only the noun "books") and real product-page sentences (temperatures in
degrees C from saved WCXB benchmark pages).
"""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError

HEADLINES = [
    (
        "h1",
        "apnews.com",
        "US to release 50 million barrels of oil to ease energy costs",
        "2021-11-23",
    ),
    (
        "h2",
        "globalnews.ca",
        "Biden to release 50 million barrels of oil in effort to ease gas prices",
        "2021-11-26",
    ),
    (
        "h3",
        "cphpost.dk",
        "Danish Navy kills four pirates in firefight in Gulf of Guinea",
        "2021-11-25",
    ),
    (
        "h4",
        "news.usni.org",
        "Danish Navy Frigate Kills 4 Pirates in Gulf of Guinea Anti-Piracy Mission",
        "2021-11-26",
    ),
    (
        "h5",
        "cnn.com",
        "The New York Public Library is giving away 500,000 books this summer",
        "2022-06-20",
    ),
    (
        "h6",
        "theledger.com",
        "Conservative group trying to ban 16 books from Polk Schools, calling them pornographic",
        "2022-02-05",
    ),
]


def _headlines() -> ct.Corpus:
    df = pd.DataFrame(HEADLINES, columns=["doc_id", "outlet", "text", "published"])
    return ct.Corpus(df.assign(published=pd.to_datetime(df["published"])))


def test_figures_of_unrelated_headlines_are_not_lined_up() -> None:
    c = _headlines()
    lined = ct.compare_numbers(ct.numeric_claims(c), c)
    shared = lined[lined["n_groups"] >= 2]
    assert shared[["key", "group", "values", "story"]].values.tolist() == [
        ["barrels", "apnews.com", "50 million", "S1"],
        ["barrels", "globalnews.ca", "50 million", "S1"],
        ["pirates", "cphpost.dk", "four", "S2"],
        ["pirates", "news.usni.org", "4", "S2"],
    ]
    books = lined[lined["key"] == "books"]
    assert books["n_groups"].tolist() == [1, 1] and not books["disagree"].any()
    assert lined.attrs["n_stories"] == 4
    # was "the figures differ for 1: books (cnn.com: 500,000; theledger.com: 16)"
    assert ct.describe_numbers(lined) == (
        "2 quantities are reported by two or more groups within one story; the groups give "
        "the same figures for all of them."
    )


def test_within_none_is_the_whole_table_as_before() -> None:
    c = _headlines()
    lined = ct.compare_numbers(ct.numeric_claims(c), c, within=None)
    assert set(lined["story"]) == {""}
    assert ct.describe_numbers(lined) == (
        "3 quantities are reported by two or more groups; the figures differ for 1: books "
        "(cnn.com: 500,000; theledger.com: 16). Read the sentences before calling a difference "
        "a disagreement: figures change over time."
    )


def test_within_takes_a_stories_result_or_a_docs_column() -> None:
    c = _headlines()
    claims = ct.numeric_claims(c)
    st = ct.stories(c)
    by_result = ct.compare_numbers(claims, c, within=st)
    assert by_result.equals(ct.compare_numbers(claims, c))
    labelled = ct.Corpus(c.docs.assign(event=["oil", "oil", "navy", "navy", "books", "books"]))
    lined = ct.compare_numbers(ct.numeric_claims(labelled), labelled, within="event")
    differ = lined[lined["disagree"]]
    assert differ[["key", "group", "story"]].values.tolist() == [
        ["books", "cnn.com", "books"],
        ["books", "theledger.com", "books"],
    ]
    with pytest.raises(CorpusValueError, match=r"within='topic': neither the claims nor"):
        ct.compare_numbers(claims, c, within="topic")
    with pytest.raises(CorpusValueError, match=r"within=3: pass 'story'"):
        ct.compare_numbers(claims, c, within=3)  # type: ignore[arg-type]


def test_no_story_with_two_groups_is_said_plainly() -> None:
    c = _headlines().subset(["h1", "h3", "h5", "h6"])
    lined = ct.compare_numbers(ct.numeric_claims(c), c)
    assert (lined["n_groups"] == 1).all() and len(lined) == 4
    assert ct.describe_numbers(lined) == (
        "No story has the same quantity from two or more groups, so there is nothing to line "
        "up (figures of different stories are not compared)."
    )


def test_a_one_letter_unit_is_no_key() -> None:
    # "c" (degrees C) was a key shared by a bird feeder, a GPU guide and a shop's washing label
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b", "c"],
                "outlet": ["Bird Buddy", "Zalando Shop", "newegg.com"],
                "text": [
                    "The camera module withstands temperatures ranging from -5°F to 120°F "
                    "(-20°C to 50°C).",
                    "Machine wash at 30 °C, machine wash on gentle cycle.",
                    "Ramp them up more gradually as the GPU approaches 70–80°C.",
                ],
            }
        )
    )
    claims = ct.numeric_claims(c)
    assert "c" in set(claims["object"].str.lower())
    lined = ct.compare_numbers(claims, c, within=None)
    assert "c" not in set(lined["key"])


def test_the_seeds_one_story_keeps_its_line_up(seed_corpus: ct.Corpus) -> None:
    claims = ct.numeric_claims(seed_corpus, kinds=["count", "percent", "money"])
    lined = ct.compare_numbers(claims, seed_corpus, by="outlet")
    shared = lined[lined["n_groups"] >= 2]
    assert shared[["key", "group", "values"]].values.tolist() == [
        ["killed palestinians", "Straits Times", "more than 3,500"],
        ["killed palestinians", "TASS", "More than 3,400"],
        ["killed people", "Straits Times", "1,400"],
        ["killed people", "TASS", "roughly 1,500"],
        ["wounded", "Straits Times", "more than 12,000"],
        ["wounded", "TASS", "over 12,000; over 4,200"],
    ]
    assert shared["story"].nunique() == 1
    assert ct.describe_numbers(lined) == (
        "3 quantities are reported by two or more groups; the figures differ for 2: killed "
        "palestinians (Straits Times: more than 3,500; TASS: More than 3,400), killed people "
        "(Straits Times: 1,400; TASS: roughly 1,500). Read the sentences before calling a "
        "difference a disagreement: figures change over time."
    )


def test_one_group_only_says_there_is_no_second_group() -> None:
    # a folder of .txt with no outlet: every document is '(missing)', so no second group at all
    c = ct.Corpus(_headlines().docs.drop(columns="outlet"))
    lined = ct.compare_numbers(ct.numeric_claims(c), c)
    assert lined.attrs["n_stories"] == 6 and set(lined["group"]) == {"(missing)"}
    assert ct.describe_numbers(lined) == (
        "No quantity is reported by two or more groups, so there is nothing to line up."
    )
