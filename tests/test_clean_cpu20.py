"""Session 20 cleaning-CPU changes: each shortcut decides as the computation it replaces."""

from __future__ import annotations

import importlib
import itertools
import random
import re

from corpus_tools import clean_text, load_rules, reconstruct_text
from corpus_tools.blocks import BlockLine, classify_lines
from corpus_tools.clean import Rule, _required_literals

prose = importlib.import_module("corpus_tools.prose")

_SUFFIX = {
    "id": "tail_marker",
    "category": "metadata",
    "match": "suffix",
    "pattern": r"\s*\[end\]\s*",
    "description": "a marker at the end of the last line",
    "example": "The talks resume on Monday. [end]",
    "contains": ["[end]"],
}
_BODY = (
    "Officials said on Thursday that the talks in the capital would resume next week, "
    "after a pause of more than a month."
)


def test_shipped_edge_rules_imply_their_contains() -> None:
    # a prefix/suffix rule is tried only on a line holding one of its `contains`
    # substrings (as the rules file says): for the shipped rules that skips no match,
    # since each one's pattern needs one of them
    rules = load_rules()
    for rule in rules.active("prefix") + rules.active("suffix"):
        for c in rule.contains:
            assert re.search(re.escape(c), rule.example, 0 if rule.case_sensitive else re.I)
    raw = f"Talks resume\n\n{_BODY}\n\n{_BODY} The ministry said\u2026 [+2345 chars]\n"
    clean, rows = clean_text(raw)
    assert [r["rule"] for r in rows] == ["newsapi_truncation"]
    assert rows[0]["text"] == "\u2026 [+2345 chars]"
    assert reconstruct_text(clean, rows) == raw


def test_user_edge_rule_runs_only_on_lines_holding_its_contains() -> None:
    rules = load_rules(extend=[_SUFFIX])
    raw = f"Talks resume\n\n{_BODY}\n\n{_BODY} [end]\n"
    _clean, rows = clean_text(raw, rules=rules)
    assert [r["rule"] for r in rows] == ["tail_marker"]
    # the pattern would match "[END]" (case-insensitive) and so does `contains`
    _clean, rows = clean_text(raw.replace("[end]", "[END]"), rules=rules)
    assert [r["rule"] for r in rows] == ["tail_marker"]
    # a rule whose `contains` the line lacks is not tried, even where its pattern matches
    other = dict(_SUFFIX, contains=["marker:"], example="A marker: The end. [end]")
    _clean, rows = clean_text(raw, rules=load_rules(extend=[other]))
    assert rows == []


def test_bounded_word_counts_equal_full_splits() -> None:
    texts = ["", " ", "a", " a ", "a b", "a  b\tc", "one two three four five", "x " * 12]
    texts += ["\u00a0a\u2003b\u2028c ", "w " * 40 + "end"]
    for t, n in itertools.product(texts, range(-1, 14)):
        full = len(t.split())
        assert prose._n_words_le(t, n) == (full <= n), (t, n)
        assert prose._n_words_lt(t, n) == (full < n), (t, n)


def test_block_lines_built_without_keyword_parsing_are_block_lines() -> None:
    body = _BODY + " " + _BODY
    doc = ["Home", "World", "Talks to resume next week", body, body, "Contact Us", "Privacy"]
    plain = [(i, v, None) for i, v in enumerate(doc)]
    named = [BlockLine(i, v, None) for i, v in enumerate(doc)]
    assert classify_lines(plain) == classify_lines(named)
    assert sorted(classify_lines(plain)) == [0, 1, 5, 6]


def _rule(pattern: str, case_sensitive: bool = True) -> Rule:
    return Rule(
        id="r",
        category="metadata",
        pattern=pattern,
        description="",
        example="",
        match="suffix",
        case_sensitive=case_sensitive,
        regex=re.compile(pattern, 0 if case_sensitive else re.IGNORECASE),
    )


def test_required_literals_of_a_pattern() -> None:
    assert _required_literals(_rule(r"\s+(?:foo|barfoo|baz)!")) == ("baz", "foo")
    assert _required_literals(_rule(r"x?y\d")) == ("y",)
    assert _required_literals(_rule(r"(?i:ab)c")) == ("c",)
    assert _required_literals(_rule(r"(a|)b")) == ("b",)
    assert _required_literals(_rule(r"\d+ chars")) == (" ",)
    assert _required_literals(_rule(r"\s*\d+")) == ()
    assert _required_literals(_rule(r"abc", case_sensitive=False)) == ()  # case ignored
    shipped = {r.id: _required_literals(r) for r in load_rules().active("suffix")}
    assert "REUTERS" in shipped["trailing_agency_credit"]
    assert "AAP" not in shipped["trailing_agency_credit"]  # found by "AP"


def test_required_literals_are_in_every_match() -> None:
    rng = random.Random(7)
    alphabet = "ab!x y1(AP)REUTERS. \u2014"
    for pattern in (r"(?<=[.!?])\s+(AP|REUTERS)\)?\s*\Z", r"[xy]+(ab|ba)\d?", r"\s?(?:R|AP)[.!]"):
        rule = _rule(pattern)
        lits = _required_literals(rule)
        assert lits
        for _ in range(3000):
            s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            if rule.regex.search(s):
                assert any(c in s for c in lits), (pattern, s)
