"""Session 29 report QA on unseen corpora: the language row names a language without a
stopword list, and says what 'word' means in a language written without spaces."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools.narrate import why_no_mentions
from corpus_tools.report import language_name, language_note

# three short Japanese news sentences (written for this test)
JA = [
    "東京で新しい図書館が開館した。市長は式典で、多くの市民に利用してほしいと語った。",
    "大阪の会社が新製品を発表した。価格は一万円で、来月から店頭で販売される予定だという。",
    "京都の寺では秋の特別公開が始まり、週末には多くの観光客が訪れた。",
]


def _ja() -> ct.Corpus:
    return ct.load_corpus(pd.DataFrame({"text": JA, "outlet": ["A", "B", "A"]}))


def test_language_names() -> None:
    # 384 livedoor articles: the header read 'ja (ja): ...', the actors 'the language is ja (ja)'
    assert [language_name(c) for c in ("ja", "zh", "ko", "de", "tr", "xx")] == [
        "Japanese",
        "Chinese",
        "Korean",
        "German",
        "Turkish",
        "xx",
    ]


def test_japanese_language_row_names_it_and_says_words_are_phrases() -> None:
    # 428,095 characters of Japanese counted 35,042 'words' (tokens are clauses) unexplained
    assert language_note(_ja()) == (
        "Japanese (ja): the quote cues, reporting verbs, hedges, frame cues, tone lexicon and "
        "actor names are English, so those sections find little or nothing here; no stopword "
        "list for this language: counts without stopwords keep every word; Japanese is written "
        "without spaces between words, and the package does not split it into words: a 'word' "
        "or term here is a run of characters between spaces and punctuation (often a phrase or "
        "a clause), so word counts, terms and term-based similarity read phrases, not words"
    )


def test_why_no_actor_names_the_language() -> None:
    c = _ja()
    assert why_no_mentions(c, ct.actor_mentions(c)) == (
        "Why no actor is found: the language is Japanese (ja), and the actor names are English."
    )


def test_spaced_language_gets_no_spaces_note() -> None:
    de = ct.load_corpus(
        pd.DataFrame(
            {
                "text": [
                    "Die Regierung hat am Montag einen neuen Plan für die Schulen vorgestellt, "
                    "und die Opposition kritisierte ihn sofort als zu teuer und zu spät."
                ]
                * 3
            }
        )
    )
    note = language_note(de)
    assert note.startswith("German (de): ")
    assert "without spaces" not in note


def test_exported_page_wraps_long_table_cells() -> None:
    # 1,008 wayback pages: a similarity table of three 90-character columns ('outlet · path'
    # labels, terms) ran past the page's right edge, its last column cut
    import nbformat

    from corpus_tools.report import export_html

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("table")
    cell.outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={
                "text/html": '<table class="dataframe"><tr><td>' + "x" * 90 + "</td></tr></table>",
                "text/plain": "table",
            },
            execution_count=1,
        )
    ]
    nb.cells.append(cell)
    page = export_html(nb, title="t")
    head = page[: page.index("</head>")]
    assert (
        ".jp-RenderedHTMLCommon table.dataframe td { max-width: 24em; overflow-wrap: break-word; }"
        in head
    )
    assert "x" * 90 in page


def test_report_takes_url_column_and_several_date_formats() -> None:
    # the command line gained --url-column and a repeatable --date-format (a list): the report
    # refused both ('unknown option', 'give a non-empty text') before loading anything
    from corpus_tools.report import _checked_load_options

    assert _checked_load_options(
        {"url_column": "link", "date_format": ["%m/%d/%y", "undated"]}
    ) == {"url_column": "link", "date_format": ["%m/%d/%y", "undated"]}
    import pytest

    with pytest.raises(ct.CorpusValueError, match="give non-empty texts"):
        _checked_load_options({"date_format": ["%Y", ""]})
