"""naming() reads the corpus's cached token table in place (session 35: no copies)."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.corpus import Corpus


def _corpus() -> Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a"],
                "outlet": ["X"],
                "text": [
                    "Militants from the radical Palestinian movement Hamas attacked. "
                    "Hamas, the Islamist group, said Hamas fighters would return."
                ],
            }
        )
    )


def test_naming_reads_the_cached_token_table_without_a_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    c = _corpus()

    def copied(self: Corpus) -> pd.DataFrame:
        raise AssertionError("naming asked for a copy of the token table")

    monkeypatch.setattr(Corpus, "tokens", copied)
    out = ct.naming(c)  # the gazetteer's mentions (the report's call): no kwic copy either
    assert out[["actor", "label", "label_type", "start", "end"]].values.tolist() == [
        ["Hamas", "radical Palestinian movement", "premodifier", 19, 47],
        ["Hamas", "Islamist group", "appositive", 75, 89],
        ["Hamas", "fighters", "compound", 102, 110],
    ]
    assert c.is_cached("corpus.tokens")  # built once, in the corpus's own cache


def test_naming_leaves_the_cached_token_table_as_it_was() -> None:
    c = _corpus()
    before = c.tokens()
    ct.naming(c, {"Hamas": ["Hamas"]})
    ct.naming(c)
    pd.testing.assert_frame_equal(c.tokens(), before)
