"""Paragraphs an outlet prints on many of its pages (issue 15): an author's bio under
every post, a disclaimer, the one-sentence ledes of a "most read" box. They are learned
across the outlet's documents like template lines, but as *paragraphs*: a sentence
several documents share may be a story they share, so a learned paragraph is removed
only outside the article (templates.edge_paragraphs), never between its paragraphs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from _prose import P1, P2

import corpus_tools as ct
from corpus_tools.templates import (
    edge_paragraphs,
    has_template_line,
    is_paragraph_key,
    learn_templates,
    line_key,
    paragraph_key,
    table_to_sets,
    template_keys,
)

BIO = (
    "Prior to founding the newsletter, the author held equity analyst positions with "
    "three brokerage firms and published research on the retail sector."
)
LEDE = "The inmates have sued, calling the rapid pace of executions reckless."
STORIES = [
    "Rain is expected across the north of the country on Friday, the weather service said.",
    "The city council voted to keep the library open on Sundays for another year.",
    "A new bridge over the river will open to traffic in the spring, officials said.",
]


def _kept(words_of: list[str]) -> list[tuple[int, str, int]]:
    return [(i, v, len(v.split())) for i, v in enumerate(words_of)]


def test_a_paragraph_key_is_short_readable_and_stable() -> None:
    k = paragraph_key(line_key(BIO))
    assert k.startswith("prior to founding the newsletter, the author held equity analyst")
    assert len(k) <= 80 + 20 and is_paragraph_key(k)
    assert line_key(k) == k  # an edited table read back gives the same key
    assert paragraph_key(line_key(BIO)) == k
    assert paragraph_key(line_key(BIO + " More.")) != k
    assert not is_paragraph_key("contact us") and not is_paragraph_key("see [#1]")


def test_long_lines_and_long_sentences_are_counted_as_paragraphs() -> None:
    _, keys = template_keys(
        f"Contact Us\n{BIO}\nShort one.\nIt was a long day.\nIt was a long day in the old city of Leeds."
    )
    assert "contact us" in keys and "short one." in keys
    assert "it was a long day." in keys  # 5 words: a template line
    assert not any(k.startswith("it was a long day in") for k in keys if not is_paragraph_key(k))
    # a sentence of 7-9 words is neither a template line nor a paragraph
    assert template_keys("The council met again on the budget today.")[1] == frozenset()
    para = sorted(k for k in keys if is_paragraph_key(k))
    assert para == sorted(
        [paragraph_key(line_key(BIO)), paragraph_key("it was a long day in the old city of leeds.")]
    )


def test_an_outlet_learns_its_bio_and_the_table_shows_it() -> None:
    docs = [("Daily", f"{s}\n{P1}\n{BIO}\nContact Us") for s in STORIES]
    docs.append(("Other", f"{STORIES[0]}\n{BIO}"))
    table = learn_templates(docs)
    rows = table[table.outlet == "Daily"].line.tolist()
    assert sorted(rows) == sorted(
        ["contact us", paragraph_key(line_key(BIO)), paragraph_key(line_key(P1))]
    )
    sets = table_to_sets(table)
    assert paragraph_key(line_key(BIO)) in sets["Daily"]
    assert "Other" not in sets  # one document: nothing learned
    assert has_template_line(f"x\n{BIO}\n", sets["Daily"])
    assert not has_template_line(f"x\n{STORIES[1]}\n", sets["Daily"])


def test_a_learned_paragraph_goes_only_outside_the_article() -> None:
    tpl = frozenset({paragraph_key(line_key(BIO)), paragraph_key(line_key(LEDE))})
    after = edge_paragraphs(_kept([P1, P2, BIO, LEDE]), tpl)
    assert sorted(after) == [2, 3]
    assert after[2] == (
        "paragraph learned as outlet template, after the last paragraph of the article (line 2)"
    )
    before = edge_paragraphs(_kept([LEDE, P1, P2]), tpl)
    assert before == {
        0: "paragraph learned as outlet template, before the first paragraph of the article "
        "(line 2)"
    }
    # between two of the article's paragraphs: background a story shares, it stays
    assert edge_paragraphs(_kept([P1, BIO, P2]), tpl) == {}


def test_a_story_printed_on_several_pages_loses_nothing() -> None:
    # every kept line is a learned paragraph: no line of the article's own to stand on
    tpl = frozenset({paragraph_key(line_key(P1)), paragraph_key(line_key(P2))})
    assert edge_paragraphs(_kept([P1, P2]), tpl) == {}
    # a short line of its own is no anchor either (fewer than 10 words)
    assert edge_paragraphs(_kept(["Talks resume", P1, P2]), tpl) == {}


def test_short_lines_and_very_long_lines() -> None:
    tpl = frozenset({paragraph_key(line_key(BIO))})
    # a very long line (no view) is the article's
    assert edge_paragraphs([(0, None, 300), (1, BIO, 23)], tpl) == {
        1: "paragraph learned as outlet template, after the last paragraph of the article (line 1)"
    }
    assert edge_paragraphs(_kept([P1, "Contact Us"]), tpl) == {}


def test_learned_boilerplate_lists_the_paragraphs() -> None:
    # learned paragraphs are listed by learned_boilerplate; the seeds learn none
    df = pd.DataFrame(
        {"outlet": ["Daily"] * 3, "text": [f"{s}\n{P1}\n{P2}\n{BIO}" for s in STORIES]}
    )
    c = ct.load_corpus(df)
    lines = ct.learned_boilerplate(c).line.tolist()
    assert paragraph_key(line_key(BIO)) in lines
    assert sum(map(is_paragraph_key, lines)) == len(lines)
    assert (
        len(ct.learned_boilerplate(ct.load_corpus(Path(__file__).resolve().parents[1] / "seeds")))
        == 0
    )


# ------------------------------------------- in clean_text (step 1d, template:paragraph)
def test_load_corpus_removes_a_bio_after_the_article_and_logs_it() -> None:
    texts = [f"{s}\n\n{P1 if k % 2 else P2}\n\n{s} {P2}\n\n{BIO}" for k, s in enumerate(STORIES)]
    c = ct.load_corpus(pd.DataFrame({"outlet": ["Daily"] * 3, "text": texts}))
    log = c.cleaning_log
    rows = log[log["rule"] == "template:paragraph"]
    assert sorted(rows["doc_id"]) == ["row#1", "row#2", "row#3"]
    assert set(rows["category"]) == {"template"}
    assert (
        rows["detail"]
        .iloc[0]
        .startswith("paragraph learned as outlet template, after the last paragraph of the article")
    )
    for d, text in zip(c.doc_ids, c.docs["text"], strict=True):
        assert BIO not in text and text.startswith(STORIES[int(d[-1]) - 1])
        assert ct.reconstruct(c, d) == c.raw(d)
    decisions = ct.cleaning_decisions(c)
    assert set(decisions[decisions["rule"] == "template:paragraph"]["kind"]) == {"template"}


def test_a_shared_story_and_a_paragraph_between_stay() -> None:
    # three pages print the same story (every kept line learned): nothing goes; a
    # learned paragraph between two of a page's own paragraphs stays
    same = [f"{P1}\n\n{P2}\n\n{BIO}"] * 2 + [f"{P1}\n\n{P2}\n\n{BIO}\n\nContact Us"]
    c = ct.load_corpus(pd.DataFrame({"outlet": ["Daily"] * 3, "text": same}))
    assert all(BIO in t for t in c.docs["text"])
    mid = [f"{s}\n\n{BIO}\n\n{s} {P2}" for s in STORIES]
    c = ct.load_corpus(pd.DataFrame({"outlet": ["Daily"] * 3, "text": mid}))
    assert all(BIO in t for t in c.docs["text"])
