"""prose._split_frame's word screen and name-line memo decide exactly as the plain
tokenization of the name line (issue 18: the CPU of comment_threads/_signed_lines_kept)."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import corpus_tools.prose as P
from corpus_tools.prose import load_prose_settings, signature_frame

ROOT = Path(__file__).resolve().parents[1]

PIECES = [
    "Posted", "posted", "by", "By", ":", "|", "Jeff", "MacLeod", "Ann", "O'Neil", "van", "der",
    "says", "says:", "said", "wrote:", "writes", "replied", "commented", "ago", "days", "(6",
    ")", "Jan", "November", "12,", "2012", "at", "11:23", "AM", "—", "-", "...", "_", "__x",
    "_Ann", "«", "»", "“Ann”", "\"says\"", "Straße", "İstanbul", "Łukasz", "Zoë", "Søren",
    "José", "Đorđe", "Юлия", "田中", "x²", "²", "½", "٣", "١٢:٣٠", "e\u0301t\u00e9",
    "\u0345a", "\u0345", "-\u0345says", "\u200b", "🙂", "@user", "#tag", "a.b", "U.S.",
    "ﬁnal", "ǅ", "9am", "21st", "\u00a0", "\t",
]  # fmt: skip
SEPS = [" ", " ", " ", "  ", "\t", "\u00a0", "\u2003", "\u001f", ""]
NEXT = [
    "November 12, 2012 at 11:23 AM",
    "Jan 10, 2008 4:49 PM",
    "3 days ago",
    "Posted by: Sean | Jan 10, 2008 4:49:12 PM",
    "Reply",
    "The council approved the plan on Monday after a debate of four hours.",
    None,
]


def _plain(seq, k, s):  # type: ignore[no-untyped-def]
    """_split_frame as it was before the screen and the memo (every line tokenized)."""
    v = seq[k][1]
    if v is None or k + 1 >= len(seq) or P._ASCII_DIGIT_RE.search(v) is not None:
        return None
    nxt = seq[k + 1][1]
    if nxt is None:
        return None
    words = [t for t in P._TOKEN_RE.findall(v.casefold()) if t[0].isalpha()]
    if not words or len(words) > s.max_name_words + 2:
        return None
    if words[0] != "posted" and (words[-1] == "ago" or words[-1] not in s.signature_cues):
        return None
    if signature_frame(nxt, s) is not None:
        return None
    return signature_frame(f"{v} {nxt}", s)


def _crafted(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        k = rnd.choice([1, 2, 3, 5, 7, 8, 9, 10, 12, 20, 40])
        out.append("".join(rnd.choice(PIECES) + rnd.choice(SEPS) for _ in range(k)))
    return out


def _real() -> list[str]:
    out = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out += p.read_text(encoding="utf-8").splitlines()
    # committed real text only (benchmarks/_corpora is not in the repository)
    for p in sorted((ROOT / "tests" / "data").rglob("*.txt")):
        out += p.read_text(encoding="utf-8").splitlines()
    return out


def _lines() -> list[str]:
    names = ["Jeff MacLeod", "Ann", "Łukasz Nowak", "Юлия", "Mary-Jo O'Neil", "a b c d e f g h"]
    cues = ["says:", "wrote:", "said", "ago", "Posted by", "replied", "commented"]
    made = [f"{n} {c}" for n in names for c in cues] + [f"{c} {n}" for n in names for c in cues]
    made += [" ".join(["Ann"] * j) + " says:" for j in range(1, 12)]
    made += ["\u0345" * 3 + " " + " ".join(["a"] * j) + " says" for j in range(6, 11)]
    made += ["Ann 2 says", "Ann 2x says", "Ann says 2", "posted by ٢ Ann", "a b c d e f g h 9"]
    made += ["-- " * 5 + " ".join(["Bo"] * j) + " wrote" for j in range(6, 11)]
    return made + _crafted(5000, 18) + _real()


def test_name_line_screen_and_memo_decide_as_the_tokens() -> None:
    lines = _lines()
    default = load_prose_settings()
    narrow = replace(default, max_name_words=1, signature_cues=frozenset({"says", "ago"}))
    wide = replace(default, max_name_words=9)
    passed = screened = 0
    for s in (default, narrow, wide):
        many = P._many_words(s.max_name_words + 3)
        for v in lines:
            want = P._ASCII_DIGIT_RE.search(v) is None and P._words_name_line(v, s)
            assert P._name_line(v, s) is want, (v, s.max_name_words)
            assert P._name_line(v, s) is want, (v, s.max_name_words)  # memo answer
            passed += want
            screened += many.match(v) is not None
    assert passed > 100 and screened > 1000  # both branches are exercised


def test_split_frame_is_the_plain_one() -> None:
    lines = _lines()
    rnd = random.Random(19)
    s = load_prose_settings()
    found = 0
    for start in range(0, len(lines), 50):
        seq: list[tuple[int, str | None]] = []
        for v in lines[start : start + 50]:
            seq.append((len(seq), v))
            if rnd.random() < 0.5:
                seq.append((len(seq), rnd.choice(NEXT)))
        for k in range(len(seq)):
            want = _plain(seq, k, s)
            assert P._split_frame(seq, k, s) == want, seq[k : k + 2]
            found += want is not None
    assert found > 50


def test_memo_is_bounded() -> None:
    s = load_prose_settings()
    letters = "abcdefghijklmnopqrstuvwxyz"
    for j in range(P._FRAMES_MAX + 10):
        name = "".join(letters[(j // 26**e) % 26] for e in range(4))
        P._name_line(f"Reader {name} says:", s)
    assert 0 < len(P._NAME_LINES) <= P._FRAMES_MAX
    assert P._name_line("Reader baaa says:", s) is True
    assert P._name_line("Reader baaa said it was fine", s) is False
    assert P._name_line("Reader 1 says:", s) is False  # a digit: never remembered
    assert "Reader 1 says:" not in P._NAME_LINES
