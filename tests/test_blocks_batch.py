"""The lines of one document judged at once give what each line gives alone."""

from __future__ import annotations

from corpus_tools.blocks import (
    _LONG_KNOWN,
    _known_line,
    _known_lines,
    _may_hold_notice,
    _notice_needles,
    _words_of,
    line_features,
    load_block_settings,
)

BODY = (
    "Officials said on Thursday that the talks in the capital would resume next week, "
    "after a pause of more than a month in which both sides had traded blame."
)
LINES = [
    "Home",
    "Contact Us",
    None,  # a very long line
    BODY,
    "'Quoted at the start of a line and at its end'",
    "rock 'n' roll and the workers' rights were reserved for later talks, said the union's head",
    "All rights reserved. Read our privacy policy and our cookie policy before you go on.",
    "\u00a9 2024 The Daily Planet and its partners, all rights reserved worldwide now",
    "Stra\u00dfe und Gr\u00fc\u00dfe: die Polizei hat am Montag die Ermittlungen aufgenommen.",
    "ISTANBUL \u0130stanbul \u1e9e\u00df \u03a3\u03c3\u03c2 and the \ufb01rst of many words in one line",
    "11/20/2019 01:14 PM",
    "By Jane Doe 2 days ago",
    "Privacy",
    "Share this:",
    "the disclaimer's text and the affiliate links of the trademark owner are all here",
]


def _one_by_one(views, s):
    return [_LONG_KNOWN if v is None else _known_line(v, s) for v in views]


def test_known_lines_equal_known_line_on_mixed_lines() -> None:
    s = load_block_settings()
    for views in (LINES, [v for v in LINES if v is None or v.isascii()], LINES[3:5], LINES[:1]):
        s.__dict__.pop("_lines", None)
        expected = _one_by_one(views, s)
        s.__dict__.pop("_lines", None)
        assert _known_lines(views, s) == expected
        assert _known_lines(views, s) == expected  # remembered now


def test_views_with_line_feeds_are_judged_line_by_line() -> None:
    s = load_block_settings()
    views = ["Home\nContact Us", BODY, "A second\nline"]
    s.__dict__.pop("_lines", None)
    assert _known_lines(views, s) == _one_by_one(views, s)


def test_notice_needles_hold_every_line_that_may_hold_a_notice() -> None:
    s = load_block_settings()
    needles = _notice_needles(s.notice_strong_parts)
    assert {"\u00a9", "\u00ae", "\u2122", "privacy", "cookie"} <= set(needles)
    for v in LINES:
        if v is None:
            continue
        low = v.casefold()
        if _may_hold_notice(low, _words_of(low), s):
            assert any(p in low for p in needles), v
    low = LINES[6].casefold()
    f = line_features(LINES[6], s, words=_words_of(low), low=low, may_notice=True)
    assert f.reason.startswith("site notice")
    # told that no needle is there, the line is judged without the notice test
    assert not line_features(LINES[6], s, low=low, may_notice=False).reason.startswith("site")


def _pages():
    """Pages whose lines sit just inside and just outside the batch path's shortcuts."""
    footer = ["Privacy Policy", "Cookie settings", "\u00a9 2024 Planet", "Terms of Use"]
    notice = "We use cookies and similar tools; read our privacy policy and cookie policy for more."
    near = "Our privacy correspondent said the cookie-cutter plan had no disclaimer at all, sadly."
    quotes = (
        "'Tis the season,' she said, 'and the workers' union won't stop' now or later, they said'"
    )
    german = (
        "Die Polizei hat am Montag die Ermittlungen aufgenommen, weil der Hund angeschlagen hat."
    )
    body = [BODY, BODY.replace("Thursday", "Friday"), quotes, near]
    yield "\n\n".join(["Talks to resume", *body, *footer])
    yield "\n\n".join(["Home", "Talks to resume", *body, notice, *footer])
    yield "\n\n".join(["Talks to resume", german, *body, "Stra\u00dfe \u00a9 2024"])
    yield "\n".join(["Talks", "resume", *body, "and the", "workers'", "'rights'"])
    yield "\n\n".join([german] * 3 + ["Impressum", "Datenschutz", BODY])


def test_clean_text_same_with_and_without_the_batch_path(monkeypatch) -> None:
    from corpus_tools import blocks, clean_text

    s = load_block_settings()
    pages = list(_pages())
    s.__dict__.pop("_lines", None)
    fast = [clean_text(p) for p in pages]
    monkeypatch.setattr(blocks, "_known_lines", _one_by_one)
    s.__dict__.pop("_lines", None)
    slow = [clean_text(p) for p in pages]
    assert fast == slow
    assert any(r["rule"].startswith("block:") for _c, rows in fast for r in rows)


def test_batch_path_with_other_notice_words() -> None:
    from dataclasses import replace

    base = load_block_settings()
    s = replace(
        base,
        notice_words=frozenset({"\u00a9", "imprint", "data-protection", "rights"}),
        notice_strong=frozenset({"data-protection", "imprint"}),
    )
    needles = _notice_needles(s.notice_strong_parts)
    assert needles == ("data", "imprint", "protection", "\u00a9", "\u00ae", "\u2122")
    views = [
        "\u00a9 2024 the publisher and its data protection team hold the rights to it all",
        "Read the imprint and the data-protection notice of this site before you go on now",
        "The protection of the data of the workers was the subject of the talks on Monday",
        BODY,
    ]
    expected = _one_by_one(views, s)
    assert expected[1][2].reason.startswith("site notice")  # the test is not vacuous
    s2 = replace(s)  # nothing remembered
    assert _known_lines(views, s2) == expected
