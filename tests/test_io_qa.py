"""Table-loading messages from the QA pass on real corpora (findings 6 and 9)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError

HEADLINES = pd.DataFrame(
    {"id": [1, 2], "headline": ["Talks end in Doha", "Rates held"], "publisher": ["A", "B"]}
)
NO_TEXT = (
    "{name}: no text column; the headlines in column 'headline' are the texts analysed (as "
    "with text_column='headline'; command line: --text-column headline). Pass text_column= "
    "to analyse another column."
)


@pytest.mark.parametrize("name", ["headlines.csv", "headlines.parquet"])
def test_a_table_of_headlines_is_analysed_by_its_headlines_named_once(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        HEADLINES.to_csv(path, index=False)
    else:
        HEADLINES.to_parquet(path, index=False)
    with pytest.warns(ct.CorpusToolsWarning) as got:
        corpus = ct.load_corpus(path)
    assert [str(w.message) for w in got] == [NO_TEXT.format(name=name)]
    assert corpus.docs["text"].tolist() == ["Talks end in Doha", "Rates held"]
    assert corpus.docs["outlet"].tolist() == ["A", "B"]
    # the same as naming the column
    named = ct.load_corpus(path, text_column="headline")
    assert named.docs["text"].tolist() == corpus.docs["text"].tolist()


def test_a_table_without_text_or_headlines_names_the_column_to_pass(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    HEADLINES.rename(columns={"headline": "remark"}).to_csv(path, index=False)
    with pytest.raises(CorpusLoadError) as info:
        ct.load_corpus(path)
    assert str(info.value).startswith(
        "notes.csv: no text column; columns found: ['id', 'remark', 'publisher']; pass text_column="
    )


def test_unbalanced_quote_keeps_the_rows_before_it(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(
        'text,outlet\nFirst story.,A\nSecond story.,B\n"Third story, unclosed,C\nFourth story.,D\n',
        encoding="utf-8",
    )
    corpus = ct.load_corpus(path)
    assert corpus.docs["text"].tolist() == ["First story.", "Second story."]
    assert corpus.skipped.values.tolist() == [
        [
            "quotes.csv#row=3",
            "CSV row 3 and every row after it not loaded: lines 4-5 could not be parsed "
            "(unexpected end of data); check for an unbalanced quote on line 4 (a field that "
            'opens with " must close with "; write a quote inside a quoted field as ""; or pass '
            "quotechar='' if quotes in this file are text, never quoting, or pass quotechar=\"'\" "
            "if the file quotes with ')",
        ]
    ]


def test_unbalanced_quote_in_the_first_row_skips_the_file_naming_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text('text,outlet\n"Unclosed story,A\nSecond story.,B\n', encoding="utf-8")
    with pytest.raises(CorpusLoadError) as info:
        ct.load_corpus(path)
    assert str(info.value) == (
        "quotes.csv: CSV could not be parsed (lines 2-3: unexpected end of data); check for "
        'an unbalanced quote on line 2 (a field that opens with " must close with "; write a '
        "quote inside a quoted field as \"\"; or pass quotechar='' if quotes in this file are "
        "text, never quoting, or pass quotechar=\"'\" if the file quotes with '), or a wrong "
        "number of fields"
    )


def test_broken_sidecar_csv_names_the_lines_of_the_record(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The talks ended on Friday.\n", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text('file,outlet\na.txt,"Gazette\n', encoding="utf-8")
    with pytest.raises(ct.MetadataError, match=r"meta\.csv: cannot parse the CSV \(line 2: "):
        ct.load_corpus(tmp_path / "a.txt", metadata=meta)
