"""naming counts whole-token mentions only (kwic's hyphen-joined parts left out)."""

from __future__ import annotations

from conftest import make_corpus

import corpus_tools as ct


def test_naming_leaves_hyphen_joined_parts_out():
    text = (
        "Palestinian militant Hamas-led forces attacked. The Palestinian group Hamas "
        "said no to the Iran-backed Israel-Hamas truce. Islamist movement pro-Hamas "
        "protesters marched."
    )
    c = make_corpus({"a": text}, outlet={"a": "X"})
    n = ct.naming(c, {"Hamas": ["Hamas"]})
    got = list(n[["label", "label_type", "mention_start"]].itertuples(index=False, name=None))
    assert got == [("Palestinian group", "premodifier", 70)]
    assert text[70:75] == "Hamas"
    # kwic itself finds the three joined parts too
    k = ct.kwic(c, "Hamas", window=0)
    assert k["joined"].tolist() == [True, False, True, True]
