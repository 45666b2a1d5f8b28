"""blocks' word split of non-ASCII text whose letters are a-z (curly quotes, dashes)
gives the regex's words, line by line and a document at once."""

from __future__ import annotations

import random
from pathlib import Path

from corpus_tools.blocks import (
    _PUNCT_WORD_BYTES,
    _WORD_RE,
    _known_line,
    _known_lines,
    _word_text,
    _words_of,
    load_block_settings,
)

ROOT = Path(__file__).resolve().parents[1]
PIECES = [
    "don", "t", "a", "rock", "n", "roll", "ISTANBUL", "K", "x", "’", "'", "‘", "“", "”", "—", "–",
    "…", "\u00a0", "«", "»", "•", "·", "\x00", "é", "ß", "İ", "²", "٣", "_", "1", "\u0301", "🙂",
    " ", " ", "  ", "\n", "-", ".", ",", "’s", "o’", "’’", "'’", "\u2028", "\x1c", "\ud800",
]  # fmt: skip


def _texts() -> list[str]:
    rnd = random.Random(19)
    out = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 40))) for _ in range(6000)]
    # mostly English: letters a-z with curly quotes and dashes only
    plain = [p for p in PIECES if p.isascii() or p in "’‘“”—–…\u00a0«»•·"]
    out += ["".join(rnd.choice(plain) for _ in range(rnd.randint(0, 40))) for _ in range(6000)]
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out += p.read_text(encoding="utf-8").splitlines()
    return [t.casefold() for t in out]


def test_words_of_is_the_regex_on_every_text() -> None:
    texts = _texts()
    fast = [t for t in texts if not t.isascii() and _word_text(t, _PUNCT_WORD_BYTES) is not None]
    assert len(fast) > 3000  # the new path is exercised
    assert any("’" in w for t in fast for w in _words_of(t))  # with U+2019 inside words
    for t in texts:
        assert _words_of(t) == _WORD_RE.findall(t), repr(t)


def test_a_document_at_once_gives_each_line_alone() -> None:
    s = load_block_settings()
    texts = [" ".join(t.split()) for t in _texts()]
    rnd = random.Random(7)
    for _ in range(300):
        doc = [rnd.choice(texts) or "x" for _ in range(rnd.randint(2, 12))]
        s.__dict__.pop("_lines", None)
        together = _known_lines(doc, s)
        s.__dict__.pop("_lines", None)
        assert together == [_known_line(v, s) for v in doc]
