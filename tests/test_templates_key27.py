"""templates.line_key's fast path gives the key of its definition (fold, split, join, casefold)."""

from __future__ import annotations

import random

from corpus_tools.templates import line_key
from corpus_tools.tokenize import fold


def test_line_key_equals_the_split_and_join_definition():
    pieces = ["a", "B", " ", "  ", "\u00a0", "\t", "\x1f", "\u0130", "\u03a3", "x.", "\u2009", "é"]
    rng = random.Random(27)
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert line_key(line) == " ".join(fold(line).split()).casefold(), repr(line)
    assert line_key(" Contact Us ") == "contact us"
    assert line_key("Contact \u00a0Us") == "contact us"
