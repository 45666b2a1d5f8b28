"""Session 34: the document's word spans are made once and shared by the speaker look-ups."""

from __future__ import annotations

from corpus_tools.quotes.phrases import word_spans
from corpus_tools.quotes.speakers import Resolver, spans_within

TEXTS = [
    "Mr. Tony Blair said U.S. officials left.According to J. K. Rowling, x.com is 'fine'.",
    "\u201cWe\u2019re ready,\u201d Geng said.\u00a0He added\ttalks (with the U.N.) go on\u2014Dr Li Wei",
    "Bank keeping a 'beady eye' - Tillerson.According to aides, it's  over.\n\nA. B. C.",
]


def test_spans_within_equals_tokenizing_the_slice():
    for t in TEXTS:
        toks = word_spans(t, 0, len(t))
        starts = [s for s, _, _ in toks]
        for a in range(len(t) + 1):
            for b in range(a, len(t) + 1):
                assert spans_within(t, toks, starts, a, b) == word_spans(t, a, b), (t, a, b)


def test_resolver_subjects_from_shared_spans():
    t = "Mrs Cherie Blair spoke. Blair said no. Dr Li Wei left the room early."
    sents = [(0, 23, 0, 0), (24, 38, 1, 0), (39, len(t), 2, 0)]
    res = Resolver(t, sents)
    assert res.names == [(4, "Cherie Blair", "mrs"), (42, "Li Wei", "dr")]
    assert [name for _, _, name in res.subjects()] == ["Cherie Blair", "Cherie Blair", "Li Wei"]
