"""Line rules: length bands of the patterns and remembered first hits (same decisions)."""

from __future__ import annotations

import pickle

from corpus_tools.clean import (
    _HUGE,
    _first_hit,
    _match_width,
    _prepare,
    clean_text,
    load_rules,
)

BODY = (
    "Officials said on Thursday that the talks in the capital would resume next week, "
    "after a pause of more than a month in which both sides had traded blame."
)


def _rule(rules, rule_id):
    return next(r for r in rules.rules if r.id == rule_id)


def test_match_width_of_shipped_patterns() -> None:
    rules = load_rules()
    assert _match_width(_rule(rules, "menu_word")) == (4, 17)
    assert _match_width(_rule(rules, "copyright_line")) == (1, 139)
    assert _match_width(_rule(rules, "gallery_counter")) == (10, 20)
    # unbounded pattern; a rule matched on the uncollapsed line is not filtered
    assert _match_width(_rule(rules, "signup_newsletter")) == (9, _HUGE)
    assert _match_width(_rule(rules, "caption_agency_credit")) == (0, _HUGE)


def test_match_width_unknown_for_user_patterns(tmp_path) -> None:
    f = tmp_path / "rules.yml"
    f.write_text(
        "rules:\n"
        "  - id: my_menu\n    category: navigation\n    pattern: 'menu|home'\n"
        "    description: a menu word\n    example: Menu\n",
        encoding="utf-8",
    )
    rules = load_rules(extend=f)
    assert _match_width(_rule(rules, "my_menu")) == (0, _HUGE)
    assert rules._memo_ok is False  # a time-bounded pattern: nothing remembered


def test_plan_leaves_out_rules_that_cannot_match_the_view_length() -> None:
    rules = load_rules()
    failed = (True,) * len(rules._line_prefilters)
    short = [r.id for r, _c in rules._line_plan(failed, 1, 10)]
    longer = [r.id for r, _c in rules._line_plan(failed, 1, 50)]
    assert "menu_word" in short and "menu_word" not in longer  # at most 17 characters
    assert "copyright_line" in short and "copyright_line" in longer
    assert "gallery_counter" in short and "gallery_counter" not in longer
    # every rule kept allows the length; file order is kept
    ids = [r.id for r in rules.active("line")]
    assert longer == sorted(longer, key=ids.index)
    assert rules._line_plan(failed, 1, 55) is rules._line_plan(failed, 1, 60)  # one band


def test_first_hit_from_a_position() -> None:
    rules = load_rules()
    doc = _prepare("Share this article", rules, False)
    assert doc is not None
    ln = doc.lines[0]
    assert ln.view is not None
    plan = rules._line_plan((), ln.nwords, len(ln.view))
    k = _first_hit(plan, 0, ln, [])
    assert plan[k][0].id == "share_button"
    later = _first_hit(plan, k + 1, ln, [])
    assert later == -1 or plan[later][0].id != "share_button"


def test_remembered_hits_keep_the_guards_per_document() -> None:
    rules = load_rules()
    raw = f"Talks resume\n\nREAD MORE: Biden to visit Israel as crisis deepens\n\n{BODY}\n"
    clean, rows = clean_text(raw, rules=rules)
    assert [r["rule"] for r in rows] == ["related_label"]
    assert "READ MORE: Biden to visit Israel as crisis deepens" in rules._hits
    # the same line, remembered, on extracted text: the related rules do not run there
    clean_x, rows_x = clean_text(raw, rules=rules, extracted=True)
    assert rows_x == [] and clean_x == raw
    # ... and as the title of a document (a label before a headline is kept)
    title = "READ MORE: Biden to visit Israel as crisis deepens"
    assert clean_text(f"{title}\n\n{BODY}\n", rules=rules)[1] == []
    # the same outcomes with rules that remember nothing yet
    fresh = load_rules()
    assert clean_text(raw, rules=fresh, extracted=True) == (clean_x, rows_x)
    assert clean_text(raw, rules=load_rules()) == (clean, rows)


def test_caches_are_not_pickled() -> None:
    rules = load_rules()
    clean_text(f"Home\n\nShare this article\n\n{BODY}\n", rules=rules)
    assert rules._hits
    back = pickle.loads(pickle.dumps(rules))
    assert "_hits" not in back.__dict__ and "_line_plans" not in back.__dict__
    assert back == rules
    assert clean_text("Share this article\n\n" + BODY, rules=back) == clean_text(
        "Share this article\n\n" + BODY, rules=rules
    )


def test_block_features_remembered_for_short_lines_only() -> None:
    from corpus_tools.blocks import _known_line, line_features, load_block_settings

    s = load_block_settings()
    got = _known_line("Contact Us", s)
    assert got == (2, 0, line_features("Contact Us", s))
    assert s._lines["Contact Us"] is got
    assert _known_line("Contact Us", s) is got  # the remembered tuple
    long_line = BODY * 3  # over 300 characters: not remembered
    n_words, n_stop, f = _known_line(long_line, s)
    assert long_line not in s._lines
    assert (n_words, n_stop, f.cls, f.n_chars) == (87, 45, "good", 459)
    back = pickle.loads(pickle.dumps(s))
    assert "_lines" not in back.__dict__ and back == s


def test_a_printable_line_with_single_spaces_is_its_own_view() -> None:
    # every whitespace character but the space is unprintable, so the shortcut of
    # _line_view (no split/join) holds outside ASCII too
    assert not [
        c for c in map(chr, range(0x110000)) if c.isspace() and c.isprintable() and c != " "
    ]
    for raw in ("Iran’s “strikes” on Tuesday", "Été à Paris — 3 jours", "a\u2003b  c", "x\u00a0y"):
        doc = _prepare(raw, load_rules(), False)
        assert doc is not None
        ln = doc.lines[0]
        folded = ln.folded
        assert folded is not None
        assert (ln.view, ln.nwords) == (" ".join(folded.split()), len(folded.split()))


def test_line_features_with_the_casefolded_line_given() -> None:
    from corpus_tools.blocks import line_features, load_block_settings

    s = load_block_settings()
    assert s.longest_phrase == max(len(p) for p in s.chrome_phrases)
    phrase = max(s.chrome_phrases, key=len)
    for view in ("Contact Us", BODY, phrase, "  " + phrase + " ", phrase.upper()):
        assert line_features(view, s, low=view.casefold()) == line_features(view, s)
    assert line_features("  " + phrase + " ", s).reason == "chrome phrase"
    assert line_features(phrase + " x" * 30, s).reason != "chrome phrase"
