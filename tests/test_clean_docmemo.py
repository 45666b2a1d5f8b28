"""Documents cleaned again are remembered: same text and rows, new row dicts, bounded memory."""

from __future__ import annotations

import pickle

from corpus_tools.clean import _clean_new, _DocMemo, clean_text, load_rules

BODY = (
    "Officials said on Thursday that the talks in the capital would resume next week, "
    "after a pause of more than a month in which both sides had traded blame."
)
PAGE = "\n\n".join(["Home", "Talks to resume", "Share this article", BODY, BODY + " Bo.", "Print"])


def test_a_document_cleaned_twice_gives_the_same_result_from_the_memo() -> None:
    rules = load_rules()
    first = clean_text(PAGE, rules=rules)
    assert len(rules._docs.items) == 1
    again = clean_text(PAGE, rules=rules)
    assert again == first == _clean_new(PAGE, rules, None, False)
    assert rules._docs.hits == 1
    assert [r["rule"] for r in again[1]] == ["menu_word", "share_button", "share_button"]
    assert again[0].startswith("Talks to resume\n\nOfficials said")


def test_rows_from_the_memo_are_new_dicts_the_caller_may_change() -> None:
    rules = load_rules()
    _clean, rows = clean_text(PAGE, rules=rules)
    expected = [dict(r) for r in rows]
    rows[0]["doc_id"] = "changed"  # what a loader does with its rows
    rows[0]["rule"] = "x"
    _clean2, rows2 = clean_text(PAGE, rules=rules)
    assert rows2 == expected and rows2[0] is not rows[0]
    assert list(rows2[0]) == list(expected[0])  # same key order (LOG_ROW_KEYS)


def test_template_and_extracted_are_part_of_the_key() -> None:
    rules = load_rules()
    tpl = frozenset({"talks to resume"})
    plain = clean_text(PAGE, rules=rules)
    with_tpl = clean_text(PAGE, rules=rules, template=tpl)
    extracted = clean_text(PAGE, rules=rules, extracted=True)
    assert with_tpl == _clean_new(PAGE, rules, tpl, False)
    assert extracted == _clean_new(PAGE, rules, None, True)
    assert len({repr(plain), repr(with_tpl), repr(extracted)}) == 3
    # a template that is not a frozenset (a set, a list) is never remembered
    n = len(rules._docs.items)
    assert clean_text(PAGE, rules=rules, template={"talks to resume"}) == with_tpl
    assert len(rules._docs.items) == n


def test_user_patterns_and_long_documents_are_not_remembered() -> None:
    mine = [
        {
            "id": "podcast_prompt",
            "category": "signup",
            "pattern": "listen to our podcast.*",
            "description": "podcast prompt",
            "example": "Listen to our podcast on Spotify",
        }
    ]
    rules = load_rules(extend=mine)  # a time-bounded pattern
    clean_text(PAGE, rules=rules)
    assert "_docs" not in rules.__dict__
    rules = load_rules()
    long_doc = PAGE + "\n\n" + "word " * 5000
    assert clean_text(long_doc, rules=rules) == _clean_new(long_doc, rules, None, False)
    assert len(rules._docs.items) == 0


def test_the_memo_is_dropped_at_its_budget_and_shrinks_when_nothing_comes_back() -> None:
    memo = _DocMemo(budget=1_000)
    row = {"line_no": 1, "start": 0, "end": 4, "rule": "r", "text": "abcd"}
    row |= {"replacement": "", "category": "c", "detail": ""}
    keys = [(f"doc {k:02d} " + "x" * 90, False, None) for k in range(12)]  # 170 characters each
    for k in keys[:5]:
        memo.put(k, "clean", [row])
    assert len(memo.items) == 5 and memo.held == 850 and memo.limit == 1_000
    memo.put(keys[5], "clean", [row])  # over the budget: dropped, and none came back
    assert list(memo.items) == [keys[5]] and memo.limit == 1_000 // 16
    got = memo.get(keys[5])
    assert got == ("clean", [row]) and got[1][0] is not row
    assert memo.get(keys[0]) is None
    memo.put(keys[6], "clean", [row])  # one of one came back: the whole budget again
    assert list(memo.items) == [keys[6]] and memo.limit == 1_000


def test_the_memo_is_not_pickled_with_the_rules() -> None:
    rules = load_rules()
    clean_text(PAGE, rules=rules)
    back = pickle.loads(pickle.dumps(rules))
    assert "_docs" not in back.__dict__
    assert clean_text(PAGE, rules=back) == clean_text(PAGE, rules=rules)


def test_a_changed_outlet_template_is_cleaned_anew() -> None:
    rules = load_rules()
    old = frozenset({"talks to resume"})
    new = frozenset({"talks to resume", BODY.casefold()})
    first = clean_text(PAGE, rules=rules, template=old)
    assert clean_text(PAGE, rules=rules, template=old) == first  # from the memo
    changed = clean_text(PAGE, rules=rules, template=new)
    assert changed == _clean_new(PAGE, rules, new, False) != first
    assert clean_text(PAGE, rules=rules, template=old) == _clean_new(PAGE, rules, old, False)


def test_the_memo_gives_the_plain_result_on_a_stream_with_duplicates() -> None:
    rules = load_rules()
    pages = [PAGE, PAGE.replace("Home", "Menu"), PAGE + "\n\nPosted by Ann", BODY, ""]
    stream = [pages[k % len(pages)] for k in (0, 1, 0, 2, 3, 0, 4, 1, 4, 3, 2)]
    got = [clean_text(p, rules=rules) for p in stream]
    assert got == [_clean_new(p, rules, None, False) or (p, []) for p in stream]
    assert rules._docs.hits >= 5
