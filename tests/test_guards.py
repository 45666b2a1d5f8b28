"""Guards on user-supplied data files and patterns: no hang, no crash, a plain error.

* YAML data files (rules, gazetteer, codebook, verbs, hedges): alias bombs,
  deep nesting, recursive aliases, huge integers and oversized files are a
  ``DataFileError`` naming the file.
* User boilerplate rules: catastrophic patterns are rejected when the rules
  load, every user pattern is matched with a time bound, and a rule with a
  backreference keeps its own group numbers.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import _data
from corpus_tools._patterns import BoundedPattern, pattern_risk
from corpus_tools.errors import DataFileError

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
rules: *i
"""

LOADERS = {
    "rules": lambda p: ct.load_rules(p),
    "extra rules": lambda p: ct.load_rules(extend=p),
    "gazetteer": lambda p: ct.load_gazetteer(p),
    "codebook": lambda p: ct.load_codebook(p),
    "reporting verbs": lambda p: ct.load_reporting_verbs(p),
    "hedges": lambda p: ct.load_hedges(p),
}


def _write(tmp_path, text, name="bad.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_billion_laughs_is_refused_by_every_loader(tmp_path, loader):
    path = _write(tmp_path, BILLION_LAUGHS)
    with pytest.raises(DataFileError, match=r"bad\.yml: line \d+: aliases \(\*name\) stand for"):
        LOADERS[loader](path)


@pytest.mark.parametrize("loader", sorted(LOADERS))
@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path, loader, style):
    depth = 20_000
    if style == "flow":
        text = "rules: " + "[" * depth + "]" * depth + "\n"
    else:  # a list of lists, one level per line, as far as the file size allows
        text = "rules:\n" + "".join(" " * k + "-\n" for k in range(1, 400))
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError, match=r"bad\.yml: line \d+: nested more than 100 levels"):
        LOADERS[loader](path)


def test_recursive_alias_is_refused(tmp_path):
    path = _write(tmp_path, "rules: &r [1, *r]\n")
    with pytest.raises(DataFileError, match=r"bad\.yml: line 1: an alias refers to .* recursive"):
        ct.load_rules(path)


def test_a_few_aliases_still_work(tmp_path):
    text = """\
defaults: &d {max_words: 12}
rules:
  - &r1
    id: podcast_prompt
    category: signup
    pattern: 'listen to our podcast.*'
    description: podcast prompt
    example: Listen to our podcast on Spotify
  - <<: *r1
    id: podcast_prompt_2
"""
    rules = ct.load_rules(extend=_write(tmp_path, text, "mine.yml"))
    assert [r.id for r in rules.rules[-2:]] == ["podcast_prompt", "podcast_prompt_2"]


def test_huge_integer_is_a_data_file_error(tmp_path):
    path = _write(tmp_path, "defaults: {max_words: " + "9" * 5000 + "}\nrules: []\n")
    with pytest.raises(DataFileError, match=r"bad\.yml: cannot read a value"):
        ct.load_rules(path)


def test_oversized_file_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(_data, "MAX_YAML_BYTES", 1024)
    path = _write(tmp_path, "rules: []\n# " + "x" * 2000 + "\n")
    with pytest.raises(DataFileError, match=r"bad\.yml: the rules file is larger than"):
        ct.load_rules(path)


def test_not_a_regular_file_is_refused(tmp_path):
    with pytest.raises(DataFileError, match="does not exist or is not a file"):
        ct.load_rules(tmp_path)


def test_shipped_files_load_under_the_guards():
    assert len(ct.load_rules()) > 0
    assert len(ct.load_gazetteer()) > 0
    assert len(ct.load_codebook().frames) > 0


# --------------------------------------------------------------------------
# user patterns
# --------------------------------------------------------------------------
def _rule(pattern, example, **kw):
    return {
        "id": kw.pop("id", "mine"),
        "category": "signup",
        "pattern": pattern,
        "description": "a user rule",
        "example": example,
        **kw,
    }


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a+)+$",
        r"(\w+\s?)+$",
        r"(.*,)*x",
        r"(?:[A-Z][a-z]+ ?)+$",
        r"(\d+\.?)+",
        r"(?:\w+|\s)+$",
        r"(?=(a+)+$)a+",
    ],
)
def test_nested_repeats_are_refused_with_the_reason(pattern):
    with pytest.raises(DataFileError) as info:
        ct.load_rules(extend=[_rule(pattern, "aaa")])
    msg = str(info.value)
    assert msg.startswith("extra rules, rule 'mine': key 'pattern'")
    assert "catastrophic backtracking" in msg


def test_alternatives_that_backtrack_are_refused_by_the_probe():
    # not a nested repeat, so the static check passes; the probe lines time out
    with pytest.raises(DataFileError, match=r"rule 'mine'.*took more than .* test line"):
        ct.load_rules(extend=[_rule(r"(a|aa)+$", "aaa")])


def test_refused_rule_in_a_file_names_the_file(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text(
        "rules:\n  - id: bad_one\n    category: signup\n    pattern: '(a+)+$'\n"
        "    description: x\n    example: aaa\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"mine\.yml, rule 'bad_one': key 'pattern'"):
        ct.load_corpus(pd.DataFrame({"text": ["Body."]}), rules=path)


@pytest.mark.parametrize(
    ("pattern", "example"),
    [
        (r"\w+(\s+\w+)*", "follow us now"),
        (r"(?:[^,]+,)*x?", "a,b,"),
        (r"(?:\w+ )*\w+", "aaa bbb"),
        (r"(?:\d+ )+comments?", "12 comments"),
        (r"(?>a+)+", "aaa"),
        (r"a++b?", "aaab"),
    ],
)
def test_safe_repeats_are_accepted(pattern, example):
    rules = ct.load_rules(extend=[_rule(pattern, example)])
    assert rules.rules[-1].id == "mine"
    assert isinstance(rules.rules[-1].regex, BoundedPattern)


def test_shipped_rules_pass_the_static_check():
    for rule in ct.load_rules().rules:
        flags = 0 if rule.case_sensitive else re.IGNORECASE
        assert pattern_risk(rule.pattern, flags) is None, rule.id


def test_a_slow_user_rule_is_stopped_not_a_hang():
    """Past the load-time checks, every match of a user rule has a time limit."""
    rules = ct.load_rules(extend=[_rule(r"a+", "aaa")])
    slow = r"(a|aa)+$"  # what a pattern the load-time checks missed would do
    user = dataclasses.replace(
        rules.rules[-1],
        pattern=slow,
        regex=BoundedPattern(slow, re.IGNORECASE, what="extra rules, rule 'mine'", timeout=0.05),
    )
    rules = dataclasses.replace(rules, rules=(*rules.rules[:-1], user))
    line = "a" * 60 + "!"
    with pytest.raises(DataFileError, match=r"extra rules, rule 'mine': the pattern took more"):
        ct.clean_text(f"Body text.\n\n{line}\n\nMore body.\n", rules=rules)


def test_backreference_rule_keeps_its_group_numbers():
    """A user rule with \\1 fires (merged into one alternation its group would be renumbered)."""
    rules = ct.load_rules(extend=[_rule(r"(\w+(?: \w+)*) \1", "Watch live Watch live")])
    raw = "Talks ended.\n\nWatch live Watch live\n\nEnvoys left.\n"
    clean, rows = ct.clean_text(raw, rules=rules)
    assert clean == "Talks ended.\n\nEnvoys left.\n"
    assert [(r["rule"], r["text"]) for r in rows] == [("mine", "Watch live Watch live\n\n")]
    # and it does not fire on a line whose halves differ
    clean, rows = ct.clean_text("Talks ended.\n\nWatch live Watch later\n", rules=rules)
    assert rows == []


def test_named_backreference_and_two_user_rules_with_groups():
    rules = ct.load_rules(
        extend=[
            _rule(r"(?P<w>\w+)-(?P=w)", "bye-bye", id="named"),
            _rule(r"(\w+) and \1", "more and more", id="numbered"),
        ]
    )
    raw = "Talks ended.\n\nbye-bye\n\nmore and more\n\nEnvoys left.\n"
    clean, rows = ct.clean_text(raw, rules=rules)
    assert [r["rule"] for r in rows] == ["named", "numbered"]
    assert clean == "Talks ended.\n\nEnvoys left.\n"


def test_user_rules_match_like_python_re():
    """The bounded engine gives the same answers as ``re`` on ordinary rules."""
    rules = ct.load_rules(
        extend=[
            _rule(r"listen to (our|the) podcast\W*", "Listen to our podcast!", id="pod"),
            _rule(r"caf\u00e9 corner", "Caf\u00e9 Corner", id="cafe"),
        ]
    )
    raw = "Talks ended.\n\nLISTEN TO THE PODCAST!!\n\nCaf\u00e9 corner\n\nEnvoys left.\n"
    clean, rows = ct.clean_text(raw, rules=rules)
    assert [r["rule"] for r in rows] == ["pod", "cafe"]
    assert ct.reconstruct_text(clean, rows) == raw


def test_rules_with_bounded_patterns_pickle():
    import pickle

    rules = ct.load_rules(extend=[_rule(r"(\w+) \1", "go go")])
    again = pickle.loads(pickle.dumps(rules))
    assert again.rules[-1].regex.fullmatch("go go") is not None


def test_shipped_rules_on_the_bounded_engine_clean_exactly_like_re(seeds_path):
    """The shipped file passed as a user file runs on the bounded engine: same output."""
    from importlib import resources

    path = str(resources.files("corpus_tools").joinpath("data", "boilerplate.yml"))
    as_user = ct.load_rules(path)
    assert all(isinstance(r.regex, BoundedPattern) for r in as_user.rules)
    shipped = ct.load_rules()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_path.glob("*.txt"))]
    texts.append("Share this article\n\nTalks ended.\n\nPhoto: Reuters\n\nRead more: Envoys\n")
    for text in texts:
        assert ct.clean_text(text, rules=as_user) == ct.clean_text(text, rules=shipped)


CODEBOOK_TWICE = """\
frames:
  economy:
    label: Economy
    cues: [trade, tariff]
  conflict:
    label: Conflict
    cues: [war]
  economy:
    label: Economy again
    cues: [budget]
"""


@pytest.mark.parametrize("loader", sorted(LOADERS))
def test_a_key_written_twice_is_refused_not_kept_last(tmp_path, loader):
    # YAML keeps the last of two equal keys silently: this codebook would lose the first
    # economy's cues (trade, tariff) without a word.
    path = _write(tmp_path, CODEBOOK_TWICE)
    with pytest.raises(
        DataFileError,
        match=r"bad\.yml: line 8: the key 'economy' appears twice in one mapping "
        r"\(first on line 2\)",
    ):
        LOADERS[loader](path)


def test_the_same_key_in_two_mappings_is_fine():
    data = _data._load_bounded("a: {x: 1}\nb: {x: 2}\n", "ok.yml")
    assert data == {"a": {"x": 1}, "b": {"x": 2}}


def test_a_syntax_error_names_the_file_where_yaml_points():
    with pytest.raises(DataFileError) as info:
        _data._load_bounded("rules:\n  - [1,\n", "my_rules.yml")
    message = str(info.value)
    assert message.startswith("my_rules.yml: not valid YAML")
    assert 'in "my_rules.yml", line' in message
    assert "<unicode string>" not in message
