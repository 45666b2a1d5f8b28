"""Tests for numeric_claims and compare_numbers (numbers.py): rules with known answers."""

from __future__ import annotations

import pytest
from conftest import make_corpus

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError


# ------------------------------------------------------ numeric claims
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gaza authorities say more than 3,500 Palestinians have been killed.",
            [
                (
                    "more than 3,500",
                    3500.0,
                    "more than",
                    "count",
                    "Palestinians",
                    "killed",
                    "Gaza authorities",
                )
            ],
        ),
        (
            "Some 200 people were wounded, according to the Health Ministry.",
            [("Some 200", 200.0, "some", "count", "people", "wounded", "the Health Ministry")],
        ),
        (
            "Roughly 1,500 people lost their lives in 2023.",
            [
                ("Roughly 1,500", 1500.0, "roughly", "count", "people", "killed", ""),
                ("2023", 2023.0, "", "year", "", "", ""),
            ],
        ),
        (
            "Prices rose 12% and the firm made $3.5 million.",
            [
                ("12%", 12.0, "", "percent", "", "", ""),
                ("$3.5 million", 3_500_000.0, "", "money", "", "", ""),
            ],
        ),
        (
            "At least two Russian citizens were killed on October 7.",
            [
                ("At least two", 2.0, "at least", "count", "Russian citizens", "killed", ""),
                ("7", 7.0, "", "date", "", "", ""),
            ],
        ),
        ("One of the envoys left; no one stayed.", []),
        (
            "An attack killed twenty-five soldiers.",
            [("twenty-five", 25.0, "", "count", "soldiers", "killed", "")],
        ),
    ],
)
def test_numeric_claims_table(text, expected):
    c = make_corpus({"a": text})
    n = ct.numeric_claims(c)
    cols = ["text", "quantity", "qualifier", "kind", "object", "event", "attribution"]
    assert list(n[cols].itertuples(index=False, name=None)) == expected
    for r in n.itertuples():
        assert text[r.start : r.end] == r.text


def test_numeric_claims_columns():
    n = ct.numeric_claims(make_corpus({"a": "Over 4,200 have been wounded."}))
    assert list(n.columns) == [
        "doc_id",
        "sent_id",
        "start",
        "end",
        "text",
        "quantity",
        "qualifier",
        "kind",
        "object",
        "event",
        "attribution",
        "sentence",
    ]
    assert n["sentence"].tolist() == ["Over 4,200 have been wounded."]
    assert ct.numeric_claims(make_corpus({"a": "In 2020 and 2023."}), kinds=["count"]).empty


def test_compare_numbers_flags_disagreement():
    c = make_corpus(
        {
            "a": "More than 3,500 Palestinians have been killed. Over 12,000 were wounded.",
            "b": "Some 3,400 Palestinians were killed. Over 12,000 were wounded.",
            "c": "Over 12,000 were wounded and 4,200 were wounded in Israel.",
        },
        outlet={"a": "X", "b": "Y", "c": "Z"},
    )
    cmp = ct.compare_numbers(ct.numeric_claims(c), c, within=None)  # one event by construction
    got = {
        (k, g): (v, d)
        for k, g, v, d in zip(
            cmp["key"], cmp["group"], cmp["values"], cmp["disagree"], strict=False
        )
    }
    assert got == {
        ("wounded", "X"): ("Over 12,000", False),
        ("wounded", "Y"): ("Over 12,000", False),
        ("wounded", "Z"): ("Over 12,000; 4,200", False),
        ("killed palestinians", "X"): ("More than 3,500", True),
        ("killed palestinians", "Y"): ("Some 3,400", True),
    }
    assert cmp["key"].tolist()[:3] == ["wounded"] * 3  # most groups first
    with pytest.raises(CorpusValueError, match="pass the corpus"):
        ct.compare_numbers(ct.numeric_claims(c))
