"""Session 38: the share of control characters counted in UTF-8 bytes (io.decode._control_ratio)."""

from __future__ import annotations

import random

import pytest

from corpus_tools.io import decode


def _by_regex(text: str) -> float:
    """The count the function gave before: ``_CONTROL_RE`` over the first characters."""
    sample = text[: decode._SNIFF_BYTES]
    return len(decode._CONTROL_RE.findall(sample)) / len(sample) if sample else 0.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0.0),
        ("abc\x01", 0.25),  # ASCII: one C0 control of four
        ("caf\u00e9\x85", 0.2),  # C1 NEL (UTF-8 c2 85) beside a Latin-1 letter (c3 a9)
        ("\u00a0\u00b0\u00a3x", 0.0),  # c2 a0 / c2 b0 / c2 a3: no control
        ("\u2019\x7f\x9f", 2 / 3),  # DEL and the last C1 control
        ("\udc85\ud800\t\n\r", 0.0),  # lone surrogates (surrogateescape) and allowed whitespace
    ],
)
def test_control_ratio_cases(text: str, expected: float) -> None:
    assert decode._control_ratio(text) == pytest.approx(expected)
    assert decode._control_ratio(text) == _by_regex(text)


def test_control_ratio_equals_the_regex_count_on_random_text() -> None:
    rng = random.Random(38)
    pool = [chr(c) for c in range(0x250)] + ["\ud800", "\udc80", "\ufeff", "\u2019", "\U0001f600"]
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 30)))
        assert decode._control_ratio(text) == _by_regex(text), repr(text)
    long_text = "\u00e9" * 9000 + "\x85"  # the control past the sniffed part is not counted
    assert decode._control_ratio(long_text) == 0.0


def test_binary_text_still_refused() -> None:
    data = ("\u00e9" + "\x86" * 10 + "text " * 5).encode("utf-8")
    with pytest.raises(decode.InputSkipped, match="control characters"):
        decode.bytes_to_text(data, None)
