"""Session 27 front-end CPU paths (issue 18): each fast path gives what the slow one gives."""

from __future__ import annotations

import re
import sys

import numpy as np
import pytest

from corpus_tools import clean, dedup
from corpus_tools.tokenize import WORD_CONT

_LINES = [
    "A paragraph with single spaces only.",
    " leading and trailing ",
    "double  spaces  inside",
    "no-break\u00a0space and\ttab",
    "\u2003em space",
    "x",
    "   ",
    "ends with a separator\u2028",
    "ogham\u1680mark",
    "unit\x1fseparator",
]


@pytest.mark.parametrize("line", _LINES)
def test_collapsed_is_split_and_join(line: str) -> None:
    assert clean._collapsed(line) == " ".join(line.split())


def test_collapsed_values() -> None:
    assert clean._collapsed(" a  b\u00a0c ") == "a b c"
    assert clean._collapsed("Talks in Doha.") == "Talks in Doha."


def test_printable_whitespace_is_only_the_space() -> None:
    # the reason _collapsed may skip the split: no other whitespace character is printable
    found = [c for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c).isprintable()]
    assert found == [0x20]


def test_class_table_matches_the_regexes() -> None:
    word, cont = re.compile(r"\w"), re.compile(f"[{WORD_CONT}]")
    cps = np.array(
        list(range(0x400)) + [0x0903, 0x093F, 0x200C, 0x200D, 0x3042, 0xFF21, 0x1F600, 0x1D400],
        dtype=np.uint32,
    )
    want = [
        (1 if word.match(chr(c)) else 0) | (2 if cont.match(chr(c)) else 0) for c in cps.tolist()
    ]
    assert dedup._classes(cps).tolist() == want
    ascii_cps = np.arange(128, dtype=np.uint8)
    assert dedup._classes(ascii_cps).tolist() == want[:128]


def test_hash_pieces_same_words_ascii_and_wide() -> None:
    # an ASCII batch (read as bytes) hashes each word as the same word in a wide batch
    words_a, counts_a = dedup._hash_pieces(["it's the plan", "l'été"])
    words_b, counts_b = dedup._hash_pieces(["it's the plan"])
    words_c, _ = dedup._hash_pieces(["l'été"])
    assert counts_a.tolist() == [3, 1] and counts_b.tolist() == [3]
    assert words_a[:3].tolist() == words_b.tolist()
    assert words_a[3:].tolist() == words_c.tolist()
    # a mark after a word character joins the word; one after a space does not
    _, counts = dedup._hash_pieces(["a\u0301b c\u0301 \u0301x", "\u0301\u0301"])
    assert counts.tolist() == [3, 0]


def test_known_abbrev_is_lower_in_set() -> None:
    from corpus_tools import tokenize as tk

    text = "Gen. CALIF. calif. Messrs. Kelvin \u212a. \u00e9t\u00e9. No. Mr. x. Approx. Thurs. Thursday."
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+(?=\.)", text)]
    a = np.array([w[0] for w in words])
    b = np.array([w[1] for w in words])
    abbrev = tk.load_abbreviations() | {"k"}
    got = tk._known_abbrev(tk._Joined(text), a, b, abbrev).tolist()
    assert got == [text[x:y].lower() in abbrev for x, y in words]
    assert (
        got[:4] == [True, True, True, True] and got[-1] is False
    )  # gen, calif x2, messrs; thursday
    assert got[4] is True  # the Kelvin sign lower-cases to "k" (looked up as a string)
