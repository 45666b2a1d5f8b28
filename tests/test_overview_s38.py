"""Notebook 01's cleaning view on a corpus of real pages: decisions summarised, rows spread."""

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError


def _decisions() -> pd.DataFrame:
    # the shape of ct.cleaning_decisions: a long page first, then two short ones
    rows = [
        ("classifier", "a", i, "block:before_body", f"before the headline; short: {i}")
        for i in range(1, 31)
    ]
    rows += [("classifier", "b", 2, "block:after_body", "after the last body paragraph")]
    rows += [("template", "c", 4, "template", "recurs in 3 of 3 documents of x.com")]
    rows += [("classifier", "c", 9, "block:before_body", "before the headline; short: 2 words")]
    t = pd.DataFrame(rows, columns=["kind", "doc_id", "line_no", "rule", "reason"])
    t["text"] = [f"line {d}{n}" for d, n in zip(t["doc_id"], t["line_no"], strict=True)]
    order = {"classifier": 0, "template": 1}
    t["_o"] = t["kind"].map(order)
    return (
        t.sort_values(["_o", "doc_id", "line_no"], kind="mergesort")
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def test_decision_summary_one_row_per_kind_and_rule():
    s = ct.decision_summary(_decisions())
    assert s.columns.tolist() == [
        "kind",
        "rule",
        "n_lines",
        "n_docs",
        "example_doc_id",
        "example_reason",
        "example_text",
    ]
    assert s[["kind", "rule", "n_lines", "n_docs"]].values.tolist() == [
        ["classifier", "block:before_body", 31, 2],
        ["classifier", "block:after_body", 1, 1],
        ["template", "template", 1, 1],
    ]
    assert s.loc[0, "example_doc_id"] == "a"
    assert s.loc[0, "example_reason"] == "before the headline; short: 1"
    assert s.loc[2, "example_text"] == "line c4"


def test_decision_summary_empty_has_columns():
    s = ct.decision_summary(ct.cleaning_decisions(pd.DataFrame(columns=["doc_id"])))
    assert s.empty and "n_lines" in s.columns and str(s["n_lines"].dtype) == "int64"


def test_rows_across_takes_every_document_before_a_second_row():
    d = _decisions()
    head = d.head(20)
    assert head["doc_id"].unique().tolist() == ["a"]  # what the notebook showed before
    shown = ct.rows_across(d, 20)
    assert len(shown) == 20
    assert shown["doc_id"].value_counts().to_dict() == {"a": 17, "c": 2, "b": 1}
    assert shown.index.is_monotonic_increasing  # the table's own order kept
    assert shown[shown["doc_id"] == "a"]["line_no"].tolist() == list(range(1, 18))


def test_rows_across_small_table_whole_and_bad_n():
    d = _decisions()
    assert ct.rows_across(d, len(d)) is d
    assert ct.rows_across(d, 0).empty
    with pytest.raises(CorpusValueError, match="n=-1"):
        ct.rows_across(d, -1)


def test_scraped_pages_of_one_site_show_template_and_rules_apart():
    menu = "Home\nWorld\nSport\nBusiness\nContact Us\n"
    body = (
        "{w} officials said on Monday that the talks on the new budget would resume next week, "
        "after both sides failed to agree on spending for schools and hospitals.\n"
        "Catch up with our morning briefing\n"  # no rule knows it: learned as template
        "The {w} minister told reporters that the government was ready to compromise on the "
        "timing of the cuts but not on their size.\n"
    )
    places = ["City", "State", "County", "Federal", "Regional", "Local"]
    tail = "Follow us on Twitter\nSubscribe to our newsletter\n"
    texts = [menu + body.format(w=w) + tail for w in places]
    c = ct.load_corpus(pd.DataFrame({"text": texts, "outlet": ["x.com"] * 6}))
    s = ct.decision_summary(ct.cleaning_decisions(c))
    got = s[["kind", "rule", "n_lines", "n_docs", "example_text"]].values.tolist()
    assert got == [
        ["template", "template:learned", 30, 6, "World"],  # 4 menu lines + the briefing, x 6
        ["rule", "follow_prompt", 6, 6, "Follow us on Twitter"],
        ["rule", "menu_word", 6, 6, "Home"],
        ["rule", "signup_newsletter", 6, 6, "Subscribe to our newsletter"],
    ]
    assert s["example_reason"].tolist()[:1] == ["line learned as outlet template"]
    learned = ct.learned_boilerplate(c)
    assert "catch up with our morning briefing" in set(learned["line"])  # normalised
    assert set(learned["n_docs"]) == {6}


def test_template_reasons_say_how_often_the_outlet_prints_the_line():
    menu = "Home\nWorld\nSport\nBusiness\nContact Us\n"
    body = (
        "{w} officials said on Monday that the talks on the new budget would resume next week, "
        "after both sides failed to agree on spending for schools and hospitals.\n"
        "Catch up with our morning briefing\n"
        "The {w} minister told reporters that the government was ready to compromise on the "
        "timing of the cuts but not on their size.\n"
    )
    places = ["City", "State", "County", "Federal", "Regional", "Local"]
    texts = [menu + body.format(w=w) for w in places] + ["Home\nA short note on the budget."]
    c = ct.load_corpus(pd.DataFrame({"text": texts, "outlet": ["x.com"] * 7}))
    d = ct.cleaning_decisions(c)
    out = ct.template_reasons(d, ct.learned_boilerplate(c), c)
    tpl = out[out["kind"] == "template"]
    assert len(tpl) == 30
    assert set(tpl["reason"]) == {
        "line learned as outlet template: in 6 of 7 documents of x.com (86 %)"
    }
    rest = out["kind"] != "template"
    assert out.loc[rest, "reason"].tolist() == d.loc[rest, "reason"].tolist()
    assert d["reason"].eq("line learned as outlet template").sum() == 30  # input not changed
    # a shortened line is found by its prefix; an unknown outlet or line is left alone
    learned = pd.DataFrame(
        {
            "outlet": ["x.com"],
            "line": ["catch up with our morning briefing"],
            "n_docs": [5],
            "n_group_docs": [9],
            "share": [0.56],
        }
    )
    one = d[d["kind"] == "template"].head(2).copy()
    one["text"] = ["Catch up with our morn\u2026", "Never learned"]
    got = ct.template_reasons(one, learned, c)["reason"].tolist()
    assert got == [
        "line learned as outlet template: in 5 of 9 documents of x.com (56 %)",
        "line learned as outlet template",
    ]
    assert ct.template_reasons(d, learned.iloc[:0], c) is d
