"""The cleaner's fast paths decide exactly as the plain computations they replace."""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path
from re import _constants as rc  # type: ignore[attr-defined]
from re import _parser as rp  # type: ignore[attr-defined]

from ftfy.badness import BADNESS_RE, is_bad

from corpus_tools import clean_text, load_rules
from corpus_tools.blocks import _WORD_RE, _folded_words
from corpus_tools.clean import _BADNESS_WINDOWS, _badness_window, _is_bad

ROOT = Path(__file__).resolve().parents[1]


def _non_ascii_only(op: object, av: object) -> bool:
    if op is rc.LITERAL:
        return bool(av > 127)  # type: ignore[operator]
    if op is not rc.IN:
        return False
    return all(
        (o is rc.LITERAL and a > 127) or (o is rc.RANGE and a[0] > 127)
        for o, a in av  # type: ignore[attr-defined]
    )


def test_badness_window_is_derived_from_the_installed_pattern() -> None:
    # every alternative of ftfy's regex needs a non-ASCII character and is at
    # most 7 characters wide: the recorded half-width of this pattern
    ((op, (_, branches)),) = rp.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    assert op is rc.BRANCH
    assert all(any(_non_ascii_only(o, a) for o, a in br) for br in branches)
    width = max(br.getwidth()[1] for br in branches)
    key = hashlib.sha256(BADNESS_RE.pattern.encode("utf-8")).hexdigest()[:16]
    assert _BADNESS_WINDOWS.get(key, width) == width == 7
    assert _badness_window()[1] == 7


def test_is_bad_equals_ftfy_on_mojibake_and_prose() -> None:
    cases = [
        "The cafÃ© opened",  # UTF-8 read as cp1252
        "It costs Â£5m",
        "Ã ",
        "x\nÃ ",
        "Ã  la carte",
        "word â€œquotedâ€\x9d here",
        "ГўВЂВњHello",
        "Prices rose to £5m and the café’s owner said “no” – again…",
        "Plain ASCII only",
        "",
        "naïve résumé " * 50 + "Ã©",
        "×²",
        "œ.",
    ]
    for s in cases:
        assert _is_bad(s) == is_bad(s), s
    alphabet = "abcXY .,\n\t£€œéÃÂ ×²àØÙГўВЂ’“" + "".join(map(chr, range(0x80, 0xA0)))
    rnd = random.Random(18)
    for _ in range(20_000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert _is_bad(s) == is_bad(s), repr(s)


def test_ascii_word_path_equals_the_unicode_regex() -> None:
    rnd = random.Random(7)
    alphabet = "abcXYZ019_'’ -.,éß"
    for _ in range(20_000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        assert _folded_words(s) == _WORD_RE.findall(s.casefold()), repr(s)
    assert _folded_words("Don't PANIC: 42 ways") == ["don't", "panic", "ways"]


def test_cleaning_a_document_twice_with_cached_plans_gives_the_same_rows() -> None:
    raw = "Talks in Doha\n\nShare this article\n\nAn ally that\n\nPutin visited.\n"
    rules = load_rules(disable_categories=["block"])
    first = clean_text(raw, rules=rules)
    assert clean_text(raw, rules=rules) == first
    assert [r["rule"] for r in first[1]] == ["share_button", "rejoin_broken_line"]
    assert re.fullmatch(r"Talks in Doha\n\nAn ally that Putin visited\.\n", first[0])


def test_stop_counts_given_by_the_caller_change_nothing() -> None:
    from corpus_tools.blocks import document_settings, line_features, load_block_settings

    s = load_block_settings()
    de = (
        "Die Polizei hat am Montag die Ermittlungen aufgenommen, weil der Hund "
        "des Hausbewohners in der Nacht plötzlich angeschlagen hatte."
    )
    en = "The minister said on Monday that the talks would resume in Doha next week."
    for views in ([de, "Impressum"], [en, "Share this"], [de, en, de]):
        words = [_folded_words(v) for v in views]
        stops = [sum(map(s.stopwords.__contains__, w)) for w in words]
        plain = document_settings(views, s)
        assert document_settings(views, s, line_words=words, line_stops=stops) == plain
        for v, w, k in zip(views, words, stops, strict=True):
            assert line_features(v, s, words=w, n_stop=k) == line_features(v, s)
    assert document_settings([de, "Impressum"], s)[1] == "German"


def test_ascii_words_with_lone_apostrophes_equal_the_regex() -> None:
    # the byte-table path turns every apostrophe not between two letters into a space
    rnd = random.Random(18)
    alphabet = "ab'' 1.-Z"
    for _ in range(20_000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert _folded_words(s) == _WORD_RE.findall(s.casefold()), repr(s)
    assert _folded_words("'Rock'n'roll' isn''t dead'") == ["rock'n'roll", "isn", "t", "dead"]
    assert _folded_words("the 1990s' 'best' o'") == ["the", "s", "best", "o"]


def test_matching_view_fast_path_equals_split_and_join() -> None:
    from corpus_tools.clean import _Line, _line_view

    cases = [
        "Talks resume in Doha",
        " Talks resume",
        "Talks resume ",
        "Talks  resume",
        "Talks\tresume",
        "Talks\x1cresume\x1f",
        "Talks\x0bresume",
        "Talks\x01resume",  # a control character that is not whitespace
        "Talks\u00a0resume in\u2003Doha",
        "£5m",
        "x",
    ]
    for text in cases:
        ln = _Line(0, len(text), len(text), text, [], not text.strip())
        _line_view(ln, 2000, text)
        words = text.split()
        assert (ln.view, ln.nwords) == (" ".join(words), len(words)), repr(text)
    ln = _Line(0, 6, 6, "ab  cd", [], False)
    _line_view(ln, 2000, "ab  cd")
    assert ln.view == "ab cd" and ln.folded == "ab  cd" and ln.nwords == 2


def test_one_line_document_rules_matter_only_for_a_self_doubled_line() -> None:
    from corpus_tools.clean import _prepare, _rules_matter, _self_doubled

    rules = load_rules()
    assert _self_doubled("Share this article Share this article") == (False, 18, 37)
    assert _self_doubled("Share this article") is None
    cases = {
        "Share this article": False,  # kept whatever matches
        "Follow us on Twitter Follow us on Twitter": True,  # a match stops the cut
        "02:27 Troops to see Gaza soon Troops to see Gaza soon": False,
        "Talks in Doha\n\nShare this article": True,  # two lines
    }
    for raw, expected in cases.items():
        doc = _prepare(raw, rules, False)
        assert doc is not None
        assert _rules_matter(doc) is expected, raw
    # follow_prompt matches the doubled line: no cut (as before the shortcut)
    line = "Follow us on Twitter Follow us on Twitter"
    assert clean_text(line) == (line, [])
    cut = clean_text("Share this article Share this article")
    assert cut[0] == "Share this article"
    assert [r["rule"] for r in cut[1]] == ["self_doubled_line"]
    doc = _prepare("Follow us on Twitter Follow us on Twitter", rules, True)
    assert doc is not None and _rules_matter(doc) is False  # extracted: no duplicate step


def test_line_plan_leaves_out_rules_a_line_is_too_long_for() -> None:
    rules = load_rules()
    n_tiers = len(rules._line_prefilters)
    failed = (True,) * n_tiers
    for n_words in (1, 26, 60, 95):
        plan = rules._line_plan(failed, n_words)
        assert all(n_words <= r.max_words for r, _c in plan)
        assert all((c is None) == (not r.contains) for r, c in plan)
        assert all(c is None or [s for _f, s in c.items] == list(r.contains) for r, c in plan)
        expected = [
            r.id
            for r in rules.active("line")
            if n_words <= r.max_words
            and not any(r.id in ids for _w, _rx, ids in rules._line_prefilters)
        ]
        assert [r.id for r, _c in plan] == expected
    assert rules._line_plan(failed, 60) is rules._line_plan(failed, 60)  # cached


def test_stamp_and_headline_digit_shortcuts_only_on_ascii() -> None:
    from corpus_tools.blocks import _headline_like, _is_stamp, load_block_settings

    s = load_block_settings()
    # a superscript two is a "letter" token that starts with a digit: still a number
    assert _is_stamp("may \u00b2", s) is True
    assert _is_stamp("updated may 3, 2019 01:14 pm", s) is True
    assert _is_stamp("by jane doe", s) is False
    assert _is_stamp("updated may", s) is False
    assert _headline_like("Ministers agree to resume talks in Doha", s) is True
    assert _headline_like("1 2 3 talks resume", s) is False  # a third of the words or more
    assert _headline_like("\u00b2 \u00b3 \u00b9 talks resume", s) is False
