"""``prose._strong`` reads only the tail of a line; it decides as a search of the whole line."""

from __future__ import annotations

import random

from corpus_tools import prose

SETTINGS = prose.load_prose_settings()


def whole_line(a: str, b: str) -> bool:
    """The rule as first written: the last letter run of ``a``, searched over the whole line."""
    if b[0] in prose._GOES_ON and (len(b) == 1 or not b[1].isalpha()):
        return True
    if a[-1] in ",;" and b[0].isalnum():
        return True
    m = prose._LAST_WORD_RE.search(a)
    return (
        m is not None
        and a[m.end(1) :].strip() == ""
        and m.group(1).casefold() in SETTINGS.joining_words
        and len(a.split()) >= 3
    )


def test_joining_word_at_the_end_and_inside_a_longer_word() -> None:
    assert prose._longest(SETTINGS.joining_words) == max(map(len, SETTINGS.joining_words))
    assert prose._strong("the talks were held in", "Doha on Monday", SETTINGS)
    assert prose._strong("the talks were held IN  \t", "Doha", SETTINGS)
    # a longer word that ends in a joining word is not one
    assert not prose._strong("the talks were held " + "x" * 30 + "in", "Doha", SETTINGS)
    assert not prose._strong("held in Doha", "on Monday", SETTINGS)


def test_tail_search_equals_whole_line_search() -> None:
    rnd = random.Random(7)
    words = sorted(SETTINGS.joining_words)
    alphabet = list("abXY ßİσςﬁé_09,.;:!?-–()\t\u00a0") + words
    lines = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 25))) for _ in range(20000)]
    for w in words:
        for head in ("a b ", "one two three ", "x y z1", "q"):
            for end in ("", " ", " \t ", "!", " ,", "ß", "1"):
                lines += [head + w + end, head + w.upper() + end, head + "zz" + w + end]
    pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if a and b]
    assert len(pairs) > 20000
    assert [prose._strong(a, b, SETTINGS) for a, b in pairs] == [whole_line(a, b) for a, b in pairs]
