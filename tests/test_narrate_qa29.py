"""Session 29: a group's strongest term that is its own name is said to be so
(Google News headlines end in ' - Yahoo Finance', ' - Reuters', ...)."""

from __future__ import annotations

import pandas as pd

from corpus_tools.narrate import describe_keyness, own_name_terms


def _key() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["Yahoo Finance", "Yahoo Finance", "Reuters", "Reuters", "The Motley Fool"],
            "term": ["yahoo", "growth", "reuters", "record", "buy"],
            "count": [62, 21, 22, 9, 16],
            "count_rest": [0, 5, 0, 4, 3],
            "z": [6.82, 2.1, 4.9, 1.2, 3.3],
        }
    )


def test_own_name_terms() -> None:
    t = pd.DataFrame(
        {
            "group": ["www.cnn.com", "MarketWatch", "Barron's", "The Motley Fool", "Fox News"],
            "term": ["cnn", "marketwatch", "barron", "the", "trump"],
        }
    )
    assert own_name_terms(t).tolist() == [True, True, True, False, False]


def test_describe_keyness_says_when_the_top_term_is_the_group_name() -> None:
    assert describe_keyness(_key()) == (
        "The strongest term is 'yahoo' for Yahoo Finance (z = 6.82: 62 times in the group, 0 in "
        "the rest). In 2 of 3 groups the strongest term is the group's own name (Yahoo Finance: "
        "'yahoo'; Reuters: 'reuters'): the texts carry their outlet's name (a source suffix such "
        "as ' - Reuters', a byline or a signature), which tells the groups apart without saying "
        "anything about what they report; read those groups' other terms. 3 terms in 3 groups "
        "reach z = 3 or more; read each with its evidence sentences before calling it distinctive."
    )


def test_describe_keyness_without_own_names_and_one_strong_term() -> None:
    # '1 term in 1 group reach z = 3' (grammar)
    k = _key()
    k = k[~own_name_terms(k)]
    assert describe_keyness(k) == (
        "The strongest term is 'buy' for The Motley Fool (z = 3.30: 16 times in the group, 3 in "
        "the rest). 1 term in 1 group reaches z = 3 or more; read each with its evidence sentences "
        "before calling it distinctive."
    )
