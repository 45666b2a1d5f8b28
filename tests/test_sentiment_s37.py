"""target_sentiment names the targets the gazetteer does not know (session 37).

On real UCI headlines (CC BY 4.0) targets=["Google"] gave an empty table and no word why:
Google is no actor of the shipped gazetteer."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning
from corpus_tools.sentiment import UNKNOWN_TARGETS

HEADLINES = [
    "Google unveils new glasses as Obama praises the tech industry",
    "Obama says Google must answer questions on privacy",
    "Google shares fall after Obama speech on taxes",
]


def _corpus() -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "X"], "text": HEADLINES})
    )


def test_a_target_the_gazetteer_does_not_know_is_named() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusToolsWarning)  # the small-groups note
        warnings.filterwarnings("error", message=".*name no actor", category=CorpusToolsWarning)
        with pytest.raises(CorpusToolsWarning, match=r"1 of 2 targets name no actor.*'Google'"):
            ct.target_sentiment(_corpus(), ["Google", "Obama"], n_boot=20)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusToolsWarning)
        r = ct.target_sentiment(_corpus(), ["Google", "Obama"], n_boot=20)
    assert r.summary.attrs[UNKNOWN_TARGETS] == ["Google"]
    assert set(r.summary["target"]) == {"Barack Obama"}


def test_known_targets_stay_silent() -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        r = ct.target_sentiment(_corpus(), ["Obama"], n_boot=20)
    assert not [w for w in seen if "name no actor" in str(w.message)]
    assert UNKNOWN_TARGETS not in r.summary.attrs and len(r.summary) == 2
