"""Session 41: two word-before reads of the matcher done without a regex rescan.

- ``_person_hit`` read the word before a title or surname with
  ``_WORD_BEFORE_RE.search`` over 24 characters (a try at each start);
  ``_gap_word_before`` reads it backwards and must give the same word.
- A metonym or prefix candidate (``Moscow``, ``the Kremlin``) reads only one fact
  about the word before it: whether it is a locative right before it. The batch
  path now looks that fact up in the memo first (``_locative_before``) and
  rescans the split for the word before (``_word_before``) only on a miss or
  when an apostrophe or full stop stands in the way. The matches must be those
  of the token-by-token scan, whatever the memo holds.
"""

from __future__ import annotations

import numpy as np
import pytest

from corpus_tools import actors
from corpus_tools.actors import resolve_gazetteer


def test_gap_word_before_is_the_regex_search():
    rng = np.random.default_rng(41)
    alphabet = list("aZé.  \t-_1²½x\nⅣ٣'")
    n_found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet, size=int(rng.integers(0, 40))))
        s = int(rng.integers(0, len(text) + 1))
        m = actors._WORD_BEFORE_RE.search(text, max(0, s - 24), s)
        want = m.group(1) if m else None
        assert actors._gap_word_before(text, s) == want, (text, s)
        n_found += want is not None
    assert n_found > 2_000  # the search finds a word often enough to compare


def test_person_hit_reads_the_word_before():
    gaz = resolve_gazetteer(None)
    names = [
        (t[a:b], res)
        for t in ["Vice President Biden met Mrs. Trump."]
        for a, b, _, _, res, _ in actors._match_text(t, gaz)
    ]
    assert names == [("Biden", "surname")]


WORDS = [
    "in", "at", "to", "from", "said", "the", "In", "AT", "Moscow", "Kremlin", "Washington",
    "White", "House", "Beijing", "Kyiv", "U.S.", "O'Neill", "states'", "Putin's", "Putin",
    "Russia", "Sino", "Russian", "near", "e.g.", "x",
]  # fmt: skip
SEPS = [" ", " ", " ", ", ", "\n", "  ", "'", ".", "-", '"', " '", ". ", "\t", "£", "' "]


def _texts(n: int) -> list[str]:
    rng = np.random.default_rng(4141)
    out = [
        "in Moscow, at Moscow; in, Moscow and in\n Moscow",
        "states' Moscow, U.S. Moscow, O'Neill Moscow in the Kremlin",
        "Moscow said; in the White House and at the White House",
    ]
    for _ in range(n):
        parts = [
            WORDS[int(rng.integers(len(WORDS)))] + SEPS[int(rng.integers(len(SEPS)))]
            for _ in range(int(rng.integers(2, 30)))
        ]
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("order", ["cold", "scan_first", "reversed"])
def test_context_candidates_match_as_the_token_scan(order):
    gaz = resolve_gazetteer(None)
    texts = _texts(1500)
    assert all(actors._ascii_words(actors.fold(t)) for t in texts)
    want = [actors._match_scan(actors.fold(t), gaz, False) for t in texts]
    gaz.matcher.memo.clear()
    if order == "scan_first":  # the memo filled by the Python split of the same texts
        for t in texts:
            actors._match_split(actors.fold(t), gaz, False)
    got = []
    seq = texts[::-1] if order == "reversed" else texts
    for k in range(0, len(seq), 100):
        got += actors._match_batch(seq[k : k + 100], gaz)
    if order == "reversed":
        got = got[::-1]
    assert got == want
    assert sum(map(len, want)) > 6_000
    first = [(texts[0][a:b], typ) for a, b, _, typ, *_ in want[0]]
    assert first == [("Moscow", "location")] * 2 + [("Moscow", "country")] + [
        ("Moscow", "location")
    ]


def test_locative_before_reads_the_split_or_defers():
    loc = frozenset({"in", "at"})

    def flag(text: str, word: str):
        s = text.index(word)
        return actors._locative_before(text, text.lower(), s, loc)

    assert flag("Moscow", "Moscow") is None
    assert flag("  , Moscow", "Moscow") is None  # no word before at all
    assert flag("in Moscow", "Moscow") is True
    assert flag("IN Moscow", "Moscow") is True
    assert flag("in  \n Moscow", "Moscow") is True
    assert flag("in, Moscow", "Moscow") is False
    assert flag("said Moscow", "Moscow") is False
    for text in ["U.S. Moscow", "states' Moscow", "O'Neill Moscow", "x.in Moscow", "in' Moscow"]:
        assert flag(text, "Moscow") is actors._UNREAD, text


def test_metonyms_mostly_skip_the_rescan(monkeypatch):
    """A repeated metonym is answered from the memo without rescanning for the word before."""
    gaz = resolve_gazetteer(None)
    calls = []
    orig = actors._word_before

    def counted(low, s):
        calls.append(s)
        return orig(low, s)

    monkeypatch.setattr(actors, "_word_before", counted)
    gaz.matcher.memo.clear()
    text = " ".join(["officials in Moscow said the Kremlin would act."] * 20)
    (found,) = actors._match_batch([text], gaz)
    assert [text[a:b] for a, b, *_ in found[:2]] == ["Moscow", "the Kremlin"]
    assert len(found) == 40
    assert len(calls) == 2  # the first "in Moscow" and the first "the Kremlin"
