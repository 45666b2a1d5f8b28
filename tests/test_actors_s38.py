"""Session 38: texts whose non-ASCII characters stand outside words take the batch pass.

A text holding ``£``, ``…``, ``©`` or an emoji but no non-ASCII letter, digit or
mark has the words and offsets of an ASCII text; ``_match_batch`` finds its
candidates in the RE2 pass (on a stand-in with ``?`` for each such character)
instead of splitting it in Python. The matches must be those of the
token-by-token scan, with the separators right beside names and inside pairs.
"""

from __future__ import annotations

import numpy as np
import pytest

from corpus_tools import actors
from corpus_tools.actors import resolve_gazetteer

SEPARATORS = ["£", "…", "©", "€", "°", "•", "×", "\u2028", "\U0001f642", "\ud800"]


def _texts(n: int) -> list[str]:
    gaz = resolve_gazetteer(None)
    words = sorted(w for w in gaz.matcher.root.children if isinstance(w, str) and w.isascii())
    words += ["Vladimir Putin", "Joe Biden", "United States", "Mr", "said", "WHO", "U.S."]
    rng = np.random.default_rng(38)
    out = [
        "£Putin met Joe…Biden in the U.S.©Moscow",
        "Vladimir\u00a0Putin£'s aides; the…United States; Mr£Putin",
        "Putin\U0001f642Russia, Biden\ud800Kyiv",
    ]
    for _ in range(n):
        parts = []
        for _ in range(int(rng.integers(2, 25))):
            w = words[int(rng.integers(len(words)))]
            w = w.title() if rng.integers(2) else w
            sep = " " if rng.integers(3) else SEPARATORS[int(rng.integers(len(SEPARATORS)))]
            parts.append(w + sep)
        out.append("".join(parts))
    return out


def test_ascii_words_accepts_separators_only():
    assert actors._ascii_words("Putin paid £400 … ©")
    assert actors._ascii_words("plain")
    assert not actors._ascii_words("Moscow and Bogotá")  # a non-ASCII letter
    assert not actors._ascii_words("x²")  # a non-ASCII digit is part of a word
    assert not actors._ascii_words("Putin\u0301")  # a combining mark joins a word
    assert actors._ascii_stand_in("£Putin…") == "?Putin?"
    assert actors._ascii_stand_in("a\U0001f642b") == "a?b"


@pytest.mark.parametrize("batch_size", [1, 200])
def test_separator_texts_match_as_the_token_scan(batch_size):
    gaz = resolve_gazetteer(None)
    texts = _texts(400)
    assert all(actors._ascii_words(actors.fold(t)) for t in texts)
    assert sum(not t.isascii() for t in texts) > 350
    want = [actors._match_scan(actors.fold(t), gaz, False) for t in texts]
    got: list[list[tuple[int, int, int, str, str, bool]]] = []
    for k in range(0, len(texts), batch_size):
        got += actors._match_batch(texts[k : k + batch_size], gaz)
    assert got == want
    assert sum(map(len, want)) > 1500
    names = [(texts[0][a:b], gaz.entries[i]["name"]) for a, b, i, *_ in want[0]]
    assert names == [
        ("Putin", "Vladimir Putin"),
        ("Biden", "Joe Biden"),  # "…" is no gap inside a name
        ("U.S.", "United States"),
        ("Moscow", "Russia"),
    ]


def test_separator_texts_take_the_batch_pass(monkeypatch):
    """The batch pass, not the Python split, reads such a text."""
    gaz = resolve_gazetteer(None)

    def no_split(*args, **kwargs):
        raise AssertionError("split in Python")

    monkeypatch.setattr(actors, "_match_split", no_split)
    out = actors._match_batch(["Putin paid £400 to Biden…", "plain Putin"], gaz)
    assert [[gaz.entries[i]["name"] for _, _, i, *_ in m] for m in out] == [
        ["Vladimir Putin", "Joe Biden"],
        ["Vladimir Putin"],
    ]
