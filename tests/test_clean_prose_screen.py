"""prose.signature_frame's screen and memo decide exactly as the plain tokenization."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import corpus_tools.prose as P
from corpus_tools.prose import load_prose_settings, signature_frame

ROOT = Path(__file__).resolve().parents[1]
NEVER = re.compile(r"(?!)")

PIECES = [
    "Posted", "by", ":", "|", "Ann", "Jan", "10,", "2008", "4:49", "PM", "days", "ago",
    "(6", ")", "—", "-", "--", "...", "_", "__init__", "«", "»", "“quoted”", "Straße", "İstanbul",
    "x²", "²", "٣", "½", "١٢:٣٠", "e\u0301t\u00e9", "\u200b", "🙂", "@user", "#tag", "a.b", "U.S.",
    "3.6.0", "12/01/2020", "9am", "21st", "ﬁnal", "ǅ", "\u00a0", "\t",
]  # fmt: skip


def _plain(view: str) -> tuple[str, ...] | None:
    """The frame without the chunk screen (the tokens are read)."""
    s = load_prose_settings()
    keep = P._many_chunks
    P._many_chunks = lambda n: NEVER  # type: ignore[assignment]
    try:
        return P._frame(view, s)
    finally:
        P._many_chunks = keep  # type: ignore[assignment]


def _lines() -> list[str]:
    rnd = random.Random(19)
    out = []
    for _ in range(4000):
        k = rnd.choice([1, 3, 8, 15, 16, 17, 18, 19, 30])
        seps = [rnd.choice([" ", " ", "  ", "\t", "\u00a0", "\u2003", ""]) for _ in range(k)]
        out.append("".join(rnd.choice(PIECES) + sep for sep in seps))
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out += p.read_text(encoding="utf-8").splitlines()
    out += [
        "Posted by: Sean | Jan 10, 2008 4:49:12 PM",
        "TonyZ (6 days ago)",
        "— — — — — — — — — — — — — — — — — — Jan 10 2008 Ann",
        " ".join(["w1"] * 16),
        " ".join(["w1"] * 17),
        " ".join(["-"] * 40) + " Ann Jan 10, 2008 4:49 PM",
        "_ " * 20 + "Ann 4:49",
        "ß " * 17 + "4:49",
    ]
    return out


def test_screen_returns_the_plain_frame() -> None:
    lines = _lines()
    s = load_prose_settings()
    screened = sum(P._many_chunks(s.max_signature_tokens + 1).match(v) is not None for v in lines)
    assert screened > 300  # the screen is exercised
    for v in lines:
        assert P._frame(v, s) == _plain(v), v
    assert any(_plain(v) is not None for v in lines)  # and so are real frames


def test_memo_returns_the_plain_frame_and_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(P, "_FRAMES", {})
    monkeypatch.setattr(P, "_FRAMES_MAX", 50)
    lines = _lines()[:300]
    for _ in range(2):  # second pass: remembered frames
        for v in lines:
            assert signature_frame(v) == _plain(v)
            assert len(P._FRAMES) <= 50
    # other settings are never answered from the memo of the default ones
    other = load_prose_settings()
    other = type(other)(**{**other.__dict__, "max_signature_tokens": 4})
    v = "Posted by: Sean | Jan 10, 2008 4:49:12 PM"
    assert signature_frame(v) is not None
    assert signature_frame(v, other) is None


def test_screen_is_linear_on_hostile_lines() -> None:
    s = load_prose_settings()
    pat = P._many_chunks(s.max_signature_tokens + 1)
    # every quantifier is possessive: no backtracking over chunk splits
    assert pat.match("abcde " * 16 + "-----" + " " * 1000) is None
    assert pat.match("-" * 200_000) is None
    assert pat.match("ab " * 16 + "a" * 200_000) is not None
