"""Tests for naming (naming.py): labels of actor mentions with known offsets."""

from __future__ import annotations

import pytest
from conftest import make_corpus

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError


# --------------------------------------------------------------- naming
def test_naming_literal_aliases():
    text = (
        "Militants from the radical Palestinian movement Hamas attacked. "
        "Hamas, the Islamist group, said Hamas fighters would return. Hamas said no."
    )
    c = make_corpus({"a": text}, outlet={"a": "X"})
    n = ct.naming(c, {"Hamas": ["Hamas"]})
    got = list(n[["label", "label_type"]].itertuples(index=False, name=None))
    assert got == [
        ("radical Palestinian movement", "premodifier"),
        ("Islamist group", "appositive"),
        ("fighters", "compound"),
    ]
    for r in n.itertuples():
        assert text[r.start : r.end] == r.label
        assert text[r.mention_start : r.mention_end] == "Hamas"
    assert set(n["group"]) == {"X"}


def test_naming_uses_actor_mentions_and_titles():
    text = "Deputy Foreign Minister Mikhail Bogdanov met the Palestinian group Hamas."
    c = make_corpus({"a": text}, outlet={"a": "X"})
    n = ct.naming(c, ["Mikhail Bogdanov", "Hamas"])
    got = {(a, lab, t) for a, lab, t in zip(n["actor"], n["label"], n["label_type"], strict=False)}
    assert ("Mikhail Bogdanov", "Deputy Foreign Minister", "title") in got
    assert ("Hamas", "Palestinian group", "premodifier") in got
    with pytest.raises(CorpusValueError):
        ct.naming(c, "Hamas")
