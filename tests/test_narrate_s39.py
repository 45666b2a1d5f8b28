"""describe_keyness names a pooled '(missing)' group and numbers as strongest terms (session 39)."""

import pandas as pd

import corpus_tools as ct


def _key(groups, terms, z):
    n = len(groups)
    return pd.DataFrame(
        {"group": groups, "term": terms, "count": [5] * n, "count_rest": [1] * n, "z": z}
    )


def test_missing_group_and_number_terms_are_named():
    k = _key(["A", "(missing)", "B", "B"], ["1", "iran", "3,400", "gaza"], [2.4, 1.8, 3.2, 1.0])
    text = ct.describe_keyness(k)
    assert "'(missing)' is not a source: it pools the documents without a value" in text
    assert "In 2 groups the strongest term is a number ('3,400', '1')" in text


def test_words_and_named_groups_get_no_note():
    k = _key(["A", "B", "B"], ["iran", "gaza", "7"], [2.4, 3.2, 1.0])  # '7' is not B's first
    text = ct.describe_keyness(k)
    assert "is not a source" not in text and "is a number" not in text
    one = ct.describe_keyness(_key(["A"], ["2020"], [1.0]))
    assert "In 1 group the strongest term is a number ('2020'): a figure the group's" in one
