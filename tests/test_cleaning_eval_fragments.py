"""Pages printed one text node a line (issue 15): a scraper that writes
``BeautifulSoup(html).get_text("\\n")`` breaks every paragraph at its links and bold
words. The cleaner judges such fragments as the paragraph they were, and a page printed
one block a line is left as it was. Also the third evaluation set of
``benchmarks/bench_cleaning.py`` (Mozilla Readability's test pages) and its second
renderer."""

from __future__ import annotations

import csv
import re

import pytest
from conftest import bench_module

from corpus_tools.clean import clean_text, reconstruct_text
from corpus_tools.prose import fragment_groups

MENU = ["Home", "World", "Business", "Sport", "Sign in"]
#: one paragraph of an article, as get_text("\n") prints it: broken at three links
PARA1 = [
    "The foreign ministers of the two countries met in the capital on Thursday with",
    "Joe Biden",
    ", the US envoy, and agreed that their governments would resume the talks that",
    "had been suspended in the spring",
    ".",
]
PARA2 = [
    "Officials said that the next round would start in Geneva in the first week of the",
    "new year",
    ", and that both sides had named their negotiators and the experts who would",
    "advise them on the",
    "border question",
    ".",
]
TAIL = ["Share this:", "Twitter", "Facebook", "Related", "Contact Us", "Privacy Policy"]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_fragments_of_a_paragraph_are_one_group():
    doc = MENU + ["Talks to resume"] + PARA1 + PARA2 + TAIL
    n = len(MENU) + 1
    assert fragment_groups(doc) == [(n, n + 4), (n + 5, n + 10)]
    # a page printed one block a line breaks no sentence: nothing is joined, even a
    # heading followed by a line in lower case
    blocks = MENU + ["Talks to resume", " ".join(PARA1), "read more", " ".join(PARA2)]
    assert fragment_groups(blocks) == []
    # a bullet glyph or a URL is not the rest of a sentence
    assert fragment_groups(["AP news", "? Michigan votes today", "? Obama in Harlem"]) == []


def test_link_text_inside_a_paragraph_stays_with_it():
    doc = MENU + ["Talks to resume"] + PARA1 + PARA2 + TAIL
    raw = "\n".join(doc) + "\n"
    text, rows = clean_text(raw)
    assert reconstruct_text(text, rows) == raw
    # every fragment is kept (the rejoining step puts some of them back on one line)
    assert _words(text) == _words(" ".join(["Talks to resume", *PARA1, *PARA2]))
    # the same page printed one block a line gives the same article
    blocks = MENU + ["Talks to resume", "".join(_spaced(PARA1)), "".join(_spaced(PARA2))] + TAIL
    text_b, _ = clean_text("\n".join(blocks) + "\n")
    assert _words(text_b) == _words(text)


def _spaced(parts: list[str]) -> list[str]:
    return [p if k == 0 or p[0] in ",." else " " + p for k, p in enumerate(parts)]


def test_a_removed_fragment_group_is_logged_as_one_paragraph():
    chrome = [
        "Police in the north of the country said on Friday that",
        "three men",
        "had been arrested after a raid on a farm near the",
        "border",
        ".",
    ]
    doc = MENU + ["Talks to resume"] + PARA1 + PARA2 + TAIL + chrome
    raw = "\n".join(doc)
    text, rows = clean_text(raw)
    assert reconstruct_text(text, rows) == raw
    first = len(doc) - len(chrome)
    by_line = {raw.count("\n", 0, r["start"]): r for r in rows if r["replacement"] == ""}
    for k in range(first, len(doc)):
        assert by_line[k]["rule"] == "block:after_body"
        assert f"one paragraph printed over lines {first + 1}-{len(doc)}" in by_line[k]["detail"]


# ------------------------------------------------------ the benchmark's new pieces
@pytest.fixture(scope="module")
def bench():  # noqa: ANN201
    with bench_module("bench_cleaning") as mod:
        yield mod


def test_soup_rendering_prints_every_text_node_on_its_own_line(bench):  # noqa: ANN001
    page = (
        "<html><head><title>T</title><script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<p>The minister met <a href='/b'>Joe Biden</a>, the US envoy, on <b>Monday</b>.</p>"
        "<div style='display: none'>hidden</div></body></html>"
    )
    assert bench.render_soup(page) == (
        "Home\nWorld\nThe minister met\nJoe Biden\n, the US envoy, on\nMonday\n.\n"
    )
    assert bench.render_text(page) == (
        "Home World\nThe minister met Joe Biden, the US envoy, on Monday.\n"
    )


def test_readability_split_file_is_the_site_rule(bench):  # noqa: ANN001
    head = bench.RDB_SPLIT_FILE.read_text(encoding="utf-8").splitlines()[:5]
    assert any("Apache-2.0" in h for h in head)
    assert any("not hand-made" in h for h in head)
    with bench.RDB_SPLIT_FILE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(ln for ln in f if not ln.startswith("#")))
    assert len(rows) == 94
    recorded = {r["key"]: r["part"] for r in rows}
    pages = [{"key": r["key"], "host": r["site"]} for r in rows]
    assert bench.site_split_of(pages, bench.RDB_SALT) == recorded
    assert sum(p == "dev" for p in recorded.values()) == 41
    sides: dict[str, set[str]] = {}
    for r in rows:
        sides.setdefault(r["site"], set()).add(r["part"])
    assert all(len(v) == 1 for v in sides.values())
    # the unit-test pages of one feature are not in the set
    assert not {"ol", "invalid-attributes", "005-unescape-html-entities"} & set(recorded)


def test_readability_site_of_a_page(bench):  # noqa: ANN001
    src = '<link rel="canonical" href="https://blog.nightly.mozilla.org/2018/x">'
    assert bench.rdb_site("firefox-nightly-blog", src) == "mozilla"
    assert bench.rdb_site("webmd-2", "<html></html>") == "webmd"


# ------------------------------------------------- tables the article introduces
BODY = [
    "The office suite has made two releases in the past year, and the main feature added "
    "during that time would appear to be much better support for screen readers.",
    "Its larger sibling has moved faster, and its developers say that the pace of their "
    "releases is what keeps the users they have won over the last four years.",
]
LEAD = "The release history of the larger project tells a slightly different story:"
TABLE = ["Release", "Date", "4.2.3", "April 2014", "4.1.6", "April 2014", "4.2.4", "May 2014",
         "4.2.5", "June 2014", "4.3", "July 2014", "4.2.6", "August 2014"]  # fmt: skip
AFTER = [
    "It seems clear that the larger project has kept a more frenetic release cadence, "
    "putting out at least one release a month for most of the year.",
    "Development statistics",
    "In the one-year period since late March, there have been 381 changes committed to the "
    "repository of the smaller project, most of them by a handful of developers.",
]


def test_a_table_the_article_introduces_stays_with_it():
    from corpus_tools.prose import introduced_runs

    doc = [*MENU, "Office suites compared", *BODY, LEAD, *TABLE, *AFTER, *TAIL]
    lead = doc.index(LEAD)
    assert introduced_runs(doc) == [(lead + 1, lead + len(TABLE))]
    raw = "\n".join(doc)
    text, rows = clean_text(raw)
    assert reconstruct_text(text, rows) == raw
    assert _words(text) == _words(" ".join(["Office suites compared", *BODY, LEAD, *TABLE, *AFTER]))
    # a heading is no introduction
    plain = [*MENU, "Office suites compared", *BODY, "Release history", *TABLE, *AFTER, *TAIL]
    assert introduced_runs(plain) == []


def test_a_related_list_after_the_article_is_no_introduced_table():
    from corpus_tools.prose import introduced_runs

    teasers = ["Ministers meet again in Geneva", "Border village waits for news",
               "Five things to know about the talks", "Opinion: why the talks matter"]  # fmt: skip
    blurb = "The village at the border has waited for a road for thirty years, its mayor says."
    doc = [*MENU, "Talks to resume", *BODY, "You may also like these stories from our site:",
           *teasers, blurb, *TAIL]  # fmt: skip
    # one teaser blurb after the list is not the article resuming
    assert introduced_runs(doc) == []
    text, _ = clean_text("\n".join(doc))
    assert "Ministers meet again in Geneva" not in text
