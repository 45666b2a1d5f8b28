"""``clean_text_only``: the text of ``clean_text`` without its log rows (the streamed counts),
sharing the memo of documents cleaned before; and the repair screens of ``_split_lines``."""

from __future__ import annotations

import random

from corpus_tools import clean as C
from corpus_tools.blocks import wrap_width

PAGE = (
    "Talks resume\n\nShare this article\n\nAn ally that\n\nPutin visited on Monday.\n\n"
    "Advertisement\n\n\u00a9 2024 All rights reserved\n"
)


def test_clean_only_is_the_text_of_clean_text() -> None:
    texts = [
        PAGE,
        PAGE.replace("\n", "\r\n"),
        "",
        " \n",
        "Home\u200b\n\nShare\u00ad this\n\n" + PAGE,
        "\u00c3\u00a9t\u00c3\u00a9 \u00c3\u00a0 Paris\n\n" + PAGE,
        "Q&amp;A: Trump&#39;s deal\n\n" + PAGE,
    ]
    for kw in ({}, {"extracted": True}, {"template": frozenset({"share this article"})}):
        for t in texts:
            want = C.clean_text(t, rules=C.load_rules(), **kw)[0]
            assert C.clean_text_only(t, rules=C.load_rules(), **kw) == want


def test_clean_only_and_clean_text_share_the_memo_without_losing_rows() -> None:
    rules = C.load_rules()
    full = C.clean_text(PAGE, rules=C.load_rules())
    assert C.clean_text_only(PAGE, rules=rules) == full[0]
    # remembered as text only: clean_text cleans it again, with its rows
    assert C.clean_text(PAGE, rules=rules) == full
    # and now the memo answers both
    assert C.clean_text_only(PAGE, rules=rules) == full[0]
    assert C.clean_text(PAGE, rules=rules) == full
    assert rules._docs.hits == 2


def test_repair_screens_read_the_non_ascii_characters_alone() -> None:
    rng = random.Random(7)
    chars = (
        "ab \u2018\u2019\u201c\u201d\u2013\u2014\u00a0\u2026\u00e9\u00c3\u200b\u00ad\U0001f600\n"
    )
    for _ in range(3000):
        t = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        rest = C._non_ascii(t)
        assert rest == "".join(c for c in t if not c.isascii())
        assert bool(rest.translate(C._MOJI_SAFE_DROP)) == (C._MAYBE_MOJIBAKE.search(t) is not None)
        assert C._has_zero_width(rest) == (C._ZW_RE.search(t) is not None)


def test_wrap_width_decides_before_sorting_as_after() -> None:
    assert wrap_width(["a" * 64, "b" * 61, "c" * 58] * 3 + ["Title"]) == 64
    assert wrap_width(["a" * 64] * 8 + ["x" * 400] * 2) == 0
    assert wrap_width(["a" * 64] * 20 + ["x" * 400]) == 64
    assert wrap_width(["a" * 64] * 20 + [None]) == 64
    assert wrap_width(["a" * 64] * 7) == 0
