"""Session 26 QA of the concordance view on corpora the package had never seen."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def test_kwic_view_of_no_hits_is_a_sentence_not_an_empty_table() -> None:
    # three BBC articles without outlets: keyness has no rows, so notebook 02's evidence
    # cell showed a bare header 'group doc_id start end left match right' under
    # 'No keyness rows, so no evidence to show.'
    empty = pd.DataFrame(columns=["group", "doc_id", "start", "end", "left", "match", "right"])
    view = ct.kwic_view(empty)
    assert view._repr_html_() == '<p style="font-family:sans-serif">(no occurrences)</p>'
    assert repr(view) == "(no occurrences)"
    one = pd.DataFrame({"doc_id": ["a"], "left": ["x"], "match": ["y"], "right": ["z"]})
    assert "<table" in ct.kwic_view(one)._repr_html_()


def test_kwic_view_cuts_context_to_fit_long_ids() -> None:
    # cybersecurity headlines: a 19-character outlet and a 36-character UUID doc_id with 60
    # characters of context each side made 193-character lines; the right context ran off
    uuid = "0a7eb143-8ba0-471f-981d-c643f16bfd53"
    hits = pd.DataFrame(
        {
            "group": ["BitcoinEthereumNews"],
            "doc_id": [uuid],
            "start": [1293],
            "end": [1301],
            "left": ["x" * 50 + " data all leaked, here's what we"],
            "match": ["Benzinga"],
            "right": ["confirmed a customer data exposure tied to a vendor " + "y" * 40],
        }
    )
    text = repr(ct.kwic_view(hits))
    # fixed: 3 context/keyword paddings (6) + 8 + (2+19) + (2+36) + (2+4) + (2+4) = 85;
    # (170 - 85) // 2 = 42 characters of context each side, the cut marked with '…'
    left, right = text.split("  Benzinga  ")
    assert right == "confirmed a customer data exposure tied t…"
    assert left.endswith("…xxxxxxxxx data all leaked, here's what we")
    assert len(left.split("end=1301")[1].strip()) == 42
    # short ids keep the full 60 characters
    short = repr(ct.kwic_view(hits.assign(doc_id="a", group="B")))
    assert short.split("  Benzinga  ")[1] == (
        "confirmed a customer data exposure tied to a vendor yyyyyyy…"
    )
    # the caller's own width wins
    wide = repr(ct.kwic_view(hits, width=300))
    assert wide.split("  Benzinga  ")[1].startswith(
        "confirmed a customer data exposure tied to a vendor"
    )
