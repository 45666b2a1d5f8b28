"""Session 26 QA of the report on corpora it had never seen.

Cybersecurity headlines (3,000 rows, 563 outlets, dates), Moroccan Arabic news (664
articles, 3 outlets, no dates), a febrayer.com text dump read as one 1.5 MB document and
three BBC articles with no metadata.
"""

from __future__ import annotations

import nbformat
import pandas as pd
from conftest import make_corpus

import corpus_tools as ct
from corpus_tools.report import export_html


def test_kwic_term_is_a_frequent_word_when_the_gazetteer_barely_matches() -> None:
    # Moroccan Arabic news: notebook 01's concordance was 'Canada' (1 mention in 664
    # articles, the only English actor name in the text)
    text = "استقبل الرئيس وفد المغرب. وشكر الرئيس وفد المغرب. "
    texts = {f"d{i}": text * 2 for i in range(3)}
    texts["d3"] = "نشرت مؤسسة Dawanet Canada تقريرا. استقبل الرئيس وفد المغرب."
    c = make_corpus(texts)
    mentions = ct.actor_mentions(c)
    assert mentions["actor"].tolist() == ["Canada"]
    words = ct.term_frequencies(c, by="outlet", stopwords=True)
    term, why = ct.choose_kwic_term(mentions, words)
    assert (term, why) == (
        "الرئيس",
        "'الرئيس': the most frequent content word (13 times); the most mentioned actor, "
        "Canada, has only 1 mention.",
    )
    assert len(ct.kwic(c, term)) == 13
    # an actor mentioned 5 times or more stays the term, as on English corpora
    many = mentions.loc[mentions.index.repeat(5)]
    assert ct.choose_kwic_term(many, words)[0] == "Canada"


def test_dates_in_wide_tables_do_not_break_at_their_hyphen() -> None:
    # HuffPost (session 25): '2018-05-' over '26' in the overview table beside long titles
    table = pd.DataFrame(
        {
            "published": pd.to_datetime(["2018-05-26", "2025-08-12 15:03:00"], format="ISO8601"),
            "day": pd.to_datetime(["2018-05-26", "2025-08-12"]),
            "title": ["A long headline " * 8, "Another long headline " * 8],
        }
    )
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("table")
    cell.outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={"text/html": table.to_html(), "text/plain": repr(table)},
            execution_count=1,
        )
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# T"), cell]
    page = export_html(nb, title="t")
    assert '<td style="white-space:nowrap">2018-05-26</td>' in page
    assert '<td style="white-space:nowrap">2018-05-26 00:00:00</td>' in page
    assert '<td style="white-space:nowrap">2025-08-12 15:03:00</td>' in page
    assert "<td>A long headline" in page  # other cells still wrap
