"""Session 32: tables of a corpus without metadata leave out their blank columns; the tone
sentence names groups that were not scored (every document in another language) and reads a
one-row summary as one row."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct


def _no_outlet_corpus() -> ct.Corpus:
    text = "Envoys met in Doha on Thursday to discuss the ceasefire and the hostages held."
    return ct.Corpus(
        pd.DataFrame(
            {"doc_id": ["a", "b", "c"], "text": [text, text, "Unrelated words stand here."]}
        )
    )


def test_duplicates_of_a_corpus_without_outlets_have_blank_outlet_columns_left_out() -> None:
    dups = ct.duplicates(_no_outlet_corpus())
    assert list(dups[["outlet_a", "outlet_b"]].iloc[0]) == [None, None]
    assert ct.empty_columns(dups) == ["outlet_a", "outlet_b"]
    assert ct.describe_empty_columns(dups) == (
        "Not shown, as no row has a value: outlet_a, outlet_b."
    )


def test_a_column_with_one_value_and_an_empty_table_keep_their_columns() -> None:
    t = pd.DataFrame({"doc": ["a", "b"], "outlet": [None, "x"], "published": [pd.NaT, pd.NaT]})
    assert ct.empty_columns(t) == ["published"]
    assert ct.empty_columns(t.iloc[:0]) == []
    assert ct.describe_empty_columns(t.iloc[:0]) == ""
    assert ct.describe_empty_columns(t[["doc", "outlet"]]) == ""
    with pytest.raises(ct.CorpusValueError, match="expected a pandas DataFrame"):
        ct.empty_columns([1, 2])  # type: ignore[arg-type]


def _summary(groups: list[str], means: list[float], ci: list[float | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": groups,
            "target": ["X"] * len(groups),
            "n_sentences": [4] * len(groups),
            "mean_compound": means,
            "ci_low": ci,
        }
    )


def test_tone_sentence_names_groups_whose_documents_were_all_in_another_language() -> None:
    s = _summary(["A", "B"], [-0.5, 0.25], [-0.7, 0.1])
    s.attrs["not_scored_groups"] = ["lemonde.fr"]
    assert ct.describe_tone(s).endswith(
        " Not scored, every document in a language other than English: lemonde.fr "
        "(it has no row, which is not a neutral tone)."
    )
    s.attrs["not_scored_groups"] = [f"g{k}" for k in range(10)]
    assert ct.describe_tone(s).endswith(
        "English: g0, g1, g2, g3, g4, g5, g6, g7 and 2 more (they have no row, which is not a "
        "neutral tone)."
    )
    s.attrs.pop("not_scored_groups")
    assert "Not scored" not in ct.describe_tone(s)


def test_tone_sentence_of_one_row_without_interval_is_not_both_extremes() -> None:
    text = ct.describe_tone(_summary(["A"], [-0.5], [None]))
    assert text == (
        "One row: X (mean -0.500 over 4 sentences), from a single document, so no bootstrap "
        "interval: one article's wording."
    )
