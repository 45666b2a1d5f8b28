"""Tests for corpus_tools.lexicon: one Lexicon type, one schema check, one matcher, extend=.

Every lexicon file is checked by the declarative schema (``SCHEMAS``); a
malformed file gives an error naming the file, the entry and the fix. Every
loader picks up an edit of its file (or of its ``extend=`` file) in the
same process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

import corpus_tools as ct
from corpus_tools.lexicon import SCHEMAS, Matcher, load_lexicon, validate

DATA = Path(ct.__file__).parent / "data"
SHIPPED = {
    "hedges": "hedges.yml",
    "frames": "frames.yml",
    "reporting_verbs": "reporting_verbs.yml",
    "numbers": "numbers.yml",
    "number_context": "number_context.yml",
    "naming_words": "naming_words.yml",
    "quote_words": "quote_words.yml",
}


def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_every_schema_has_a_shipped_file_that_passes():
    assert set(SHIPPED) == set(SCHEMAS)
    for kind, name in SHIPPED.items():
        lex = load_lexicon(kind)
        assert lex.name == name and lex.kind == kind
        head = (DATA / name).read_text(encoding="utf-8").split("\n", 30)
        assert any("Licence:" in line for line in head) and any("Sources:" in line for line in head)


# one malformed entry per kind: (kind, edit of the shipped data, message naming entry and fix)
MALFORMED = [
    (
        "hedges",
        lambda d: d["classes"]["hedge"]["terms"].append(["may", "might"]),
        r"bad\.yml, class 'hedge', key 'terms', item \d+: must be a text .* not list",
    ),
    (
        "hedges",
        lambda d: d["classes"]["booster"].update(words=["x"]),
        r"bad\.yml, class 'booster': unknown key\(s\) \['words'\]; allowed: \[.*'terms'\]",
    ),
    (
        "hedges",
        lambda d: d.update(exclude=["(May"]),
        r"bad\.yml, key 'exclude', item 1: bad regular expression '\(May'",
    ),
    (
        "frames",
        lambda d: d["frames"]["conflict"].update(requires_any={"nope": ["x"]}),
        r"bad\.yml, frame 'conflict', key 'requires_any', key 'nope': 'nope' is not one of its "
        r"cues or phrases; map one of the frame's cues",
    ),
    (
        "reporting_verbs",
        lambda d: d["phrases"].update({"went on record": "chatty"}),
        r"bad\.yml, key 'phrases', key 'went on record': 'chatty' is not one of the classes "
        r"\(.*neutral.*\); map each phrase to one of the classes",
    ),
    (
        "reporting_verbs",
        lambda d: d["classes"]["neutral"]["verbs"].append({"say": "says"}),
        r"bad\.yml, class 'neutral', key 'verbs', item \d+: .* is not a valid entry; a verb is a "
        r"lemma \('say'\) or \{lemma: \[all its forms\]\}",
    ),
    (
        "numbers",
        lambda d: d["units"].update(eleventy="110"),
        r"bad\.yml, key 'units', key 'eleventy': must be a whole number, not str '110'; "
        r"map each word to its value",
    ),
    ("numbers", lambda d: d.pop("tens"), r"bad\.yml: the key 'tens' is missing"),
    (
        "quote_words",
        lambda d: d.update(titles="president"),
        r"bad\.yml, key 'titles': must be a list .*, not str 'president'",
    ),
]


@pytest.mark.parametrize(("kind", "edit", "message"), MALFORMED)
def test_malformed_file_names_file_entry_and_fix(tmp_path, kind, edit, message):
    data = _load(SHIPPED[kind])
    edit(data)
    path = _write(tmp_path / "bad.yml", data)
    with pytest.raises(ct.DataFileError, match=message):
        load_lexicon(kind, path)


@pytest.mark.parametrize(
    ("loader", "kind"),
    [
        (ct.load_hedges, "hedges"),
        (ct.load_codebook, "frames"),
        (ct.load_reporting_verbs, "reporting_verbs"),
    ],
)
def test_public_loaders_report_schema_errors(tmp_path, loader, kind):
    data = _load(SHIPPED[kind])
    data["bogus"] = 1
    path = _write(tmp_path / "mine.yml", data)
    with pytest.raises(ct.DataFileError, match=r"mine\.yml: unknown key\(s\) \['bogus'\]; allowed"):
        loader(path)
    with pytest.raises(ct.DataFileError, match=r"mine\.yml: unknown key\(s\) \['bogus'\]"):
        loader(extend=path)  # the extension is checked on its own, naming its file


def test_validate_is_declarative():
    schema = SCHEMAS["hedges"]
    validate({"classes": {"h": {"terms": ["x"]}}}, schema, "ok.yml")
    with pytest.raises(ct.DataFileError, match=r"x\.yml: the key 'classes' is missing"):
        validate({"meta": {}}, schema, "x.yml")
    validate({"classes": {"h": {"terms": ["y"]}}}, schema, "more.yml", partial=True)


@pytest.mark.parametrize(
    ("ext", "edit", "seen"),
    [
        (
            {"classes": {"hedge": {"terms": ["arguably"]}}},
            lambda d: d["classes"]["hedge"]["terms"].append("zorbly"),
            lambda p: "zorbly" in set(ct.load_hedges(extend=p)["term"]),
        ),
        (
            {"frames": {"conflict": {"cues": ["spat*"]}}},
            lambda d: d["frames"]["conflict"]["cues"].append("glarp*"),
            lambda p: "glarp*" in ct.load_codebook(extend=p).frames["conflict"]["cues"],
        ),
        (
            {"classes": {"neutral": {"verbs": ["opine"]}}},
            lambda d: d["classes"]["neutral"]["verbs"].append("murmur"),
            lambda p: "murmured" in set(ct.load_reporting_verbs(extend=p)["form"]),
        ),
        (
            [
                {
                    "id": "x1",
                    "category": "signup",
                    "pattern": "zorbly.*",
                    "description": "t",
                    "example": "zorbly x",
                }
            ],
            lambda d: d.append(
                {
                    "id": "x2",
                    "category": "signup",
                    "pattern": "glarp.*",
                    "description": "t",
                    "example": "glarp x",
                }
            ),
            lambda p: "x2" in [r.id for r in ct.load_rules(extend=p).rules],
        ),
    ],
    ids=["hedges", "codebook", "reporting_verbs", "rules"],
)
def test_extend_file_edit_is_picked_up(tmp_path, ext, edit, seen):
    """A loader given extend=<file> reads the extension again after it is edited."""
    wrap = (lambda d: {"rules": d}) if isinstance(ext, list) else (lambda d: d)
    path = _write(tmp_path / "ext.yml", wrap(ext))
    assert not seen(path)
    edit(ext)
    _write(path, wrap(ext))
    assert seen(path)


@pytest.mark.parametrize("kind", sorted(SHIPPED))
def test_every_lexicon_kind_rereads_an_edited_file(tmp_path, kind):
    data = _load(SHIPPED[kind])
    path = _write(tmp_path / SHIPPED[kind], data)
    first = load_lexicon(kind, path)
    assert load_lexicon(kind, path) is first  # cached while unchanged
    data.setdefault("meta", {})["version"] = 99
    _write(path, data)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert load_lexicon(kind, path).meta["version"] == 99


def test_hedges_extend_changes_matches(corpus_from_texts):
    c = corpus_from_texts({"a": "It is arguably over."})
    assert ct.hedges(c).empty
    got = ct.hedges(c, extend={"classes": {"hedge": {"terms": ["arguably"]}}})
    assert got[["term", "hedge_class", "start", "end"]].values.tolist() == [
        ["arguably", "hedge", 6, 14]
    ]


def test_load_rules_extra_is_a_deprecated_alias_of_extend():
    mine = [
        {
            "id": "podcast_prompt",
            "category": "signup",
            "pattern": "listen to our podcast.*",
            "description": "podcast prompt",
            "example": "Listen to our podcast on Spotify",
        }
    ]
    new = ct.load_rules(extend=mine)
    with pytest.warns(DeprecationWarning, match=r"extra=\.\.\.\) is deprecated; use extend="):
        old = ct.load_rules(extra=mine)
    assert [r.id for r in old.rules] == [r.id for r in new.rules]
    assert new.rules[-1].id == "podcast_prompt"


def test_matcher_terms_wildcards_exclusions_and_co_terms():
    m = Matcher.build(
        ["strike*", "air strike", "truce"],
        exclude=["strike a deal"],
        requires={"strike*": ["army", "missile*"]},
    )
    text = "Workers strike. Army strikes hit. They strike a deal; an air-strike; truce."
    spans = [(0, 15), (16, 33), (34, len(text))]
    hits = [(text[h.start : h.end], h.term, h.sent) for h in m.find(text, spans)]
    assert hits == [
        ("strikes", "strike*", 1),
        ("air-strike", "air strike", 2),
        ("truce", "truce", 2),
    ]


def test_matcher_is_case_insensitive_and_keeps_offsets():
    text = "İstanbul: TENSIONS rose"
    m = Matcher.build(["tension*"])
    assert [(h.start, h.end) for h in m.find(text)] == [(10, 18)]
    assert text[10:18] == "TENSIONS"


def test_hedge_exclusion_patterns_veto_overlapping_hits():
    t = "It may rain on 5 May 2024 and in May 5 it may not."
    got = pd.DataFrame(ct.doc_hedges(t, [(0, 0, 0, len(t))]))
    assert got["start"].tolist() == [3, 42]
