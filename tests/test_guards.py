"""Guards on user-supplied data files and patterns: no hang, no crash, a plain error.

* YAML data files (rules, gazetteer, codebook, verbs, hedges): alias bombs,
  deep nesting, recursive aliases, huge integers and oversized files are a
  ``DataFileError`` naming the file.
* User boilerplate rules: catastrophic patterns are rejected when the rules
  load, every user pattern is matched with a time bound, and a rule with a
  backreference keeps its own group numbers.
"""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools import _data
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
    "extra rules": lambda p: ct.load_rules(extra=p),
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
    rules = ct.load_rules(extra=_write(tmp_path, text, "mine.yml"))
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
