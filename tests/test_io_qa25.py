"""Session 25 loading misuse: quote characters, nested JSON, code pages, empty records."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.corpus import Corpus
from corpus_tools.errors import CorpusLoadError
from corpus_tools.io.columns import RESERVED_COLUMNS
from corpus_tools.io.decode import split_encoding


def test_split_encoding_keeps_the_codec_name_and_joins_the_notes() -> None:
    assert split_encoding("cp1252 (check: 4 words such as 'Dýþiþleri')") == (
        "cp1252",
        "check: 4 words such as 'Dýþiþleri'",
    )
    assert split_encoding("utf-8 (+cp1252 on lines 3, 5)") == ("utf-8", "+cp1252 on lines 3, 5")
    assert split_encoding("cp1252 (NUL bytes removed: 12)") == ("cp1252", "NUL bytes removed: 12")
    assert split_encoding("utf-16-le") == ("utf-16-le", None)
    assert split_encoding("n/a") == ("n/a", None)


def test_encoding_note_is_a_loader_column() -> None:
    assert "encoding_note" in RESERVED_COLUMNS


# --- item 1: CSVs quoted with ' (10kGNAD: label;'text', no header) -----------------------

GNAD_ROWS = (
    "Wirtschaft;'Die Gewerkschaft lanciert den \"Rechner\"; er zeigt, ob das Gehalt reicht.'\n"
    "Sport;'Der Trainer sagte: \"Wir spielen auf Sieg\"; das Team nickte.'\n"
    "Web;'Die App kann jetzt mehr; sie ist auch schneller.'\n"
    "Kultur;'Sie nannte es ''großartig''; die Kritik war milder.'\n"
)


def _load(path: Path, **kw: object) -> Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ct.load_corpus(path, progress=False, **kw)


def test_single_quoted_semicolon_csv_loads_every_row(tmp_path: Path) -> None:
    p = tmp_path / "gnad.csv"
    p.write_text("label;text\n" + GNAD_ROWS, encoding="utf-8")
    c = _load(p)
    assert len(c.docs) == 4 and len(c.skipped) == 0
    assert c.docs["label"].tolist() == ["Wirtschaft", "Sport", "Web", "Kultur"]
    assert c.docs["text"].iloc[1] == ('Der Trainer sagte: "Wir spielen auf Sieg"; das Team nickte.')
    assert c.docs["text"].iloc[3] == "Sie nannte es 'großartig'; die Kritik war milder."


def test_single_quoted_csv_without_header_names_its_delimiter(tmp_path: Path) -> None:
    p = tmp_path / "gnad.csv"
    p.write_text(GNAD_ROWS, encoding="utf-8")
    with pytest.raises(CorpusLoadError) as info:
        _load(p)
    msg = str(info.value)
    assert "no header line" in msg
    assert "(one name for each of its 2 columns, separated as the rows are)" in msg
    # read as one field per line (a comma delimiter): the ; right after the label is named
    two = (
        "Wirtschaft;'Die Regierung hat am Montag nach langen Gesprächen mit den Ländern, "
        "Gemeinden und Verbänden einen neuen Plan vorgestellt.'\nSport;'Sieg, endlich.'\n"
    )
    p.write_text(two, encoding="utf-8")
    with pytest.raises(CorpusLoadError) as info:
        _load(p)
    assert "(e.g. label;text: separated by ; as the rows are)" in str(info.value)


def test_double_quoted_csv_keeps_single_quotes_as_text(tmp_path: Path) -> None:
    p = tmp_path / "news.csv"
    p.write_text(
        "date,title\n2020-01-02,'No comment' says minister\n2020-01-03,'Tis the season\n"
        "2020-01-04,\"Rates rise, again\"\n2020-01-05,'Fake'\n",
        encoding="utf-8",
    )
    c = _load(p, text_column="title")
    assert c.docs["text"].tolist() == [
        "'No comment' says minister",
        "'Tis the season",
        "Rates rise, again",
        "'Fake'",
    ]


def test_csv_with_every_field_in_single_quotes(tmp_path: Path) -> None:
    p = tmp_path / "all.csv"
    p.write_text(
        "'id';'title';'text'\n'a1';'Talks end';'The talks ended on Monday.'\n"
        "'a2';'Rain; floods';'Heavy rain brought floods; roads closed.'\n",
        encoding="utf-8",
    )
    c = _load(p)
    assert c.docs["doc_id"].tolist() == ["a1", "a2"]
    assert c.docs["title"].tolist() == ["Talks end", "Rain; floods"]


def test_single_quoted_csv_row_skip_names_the_quote(tmp_path: Path) -> None:
    p = tmp_path / "gnad.csv"
    p.write_text("label;text\n" + GNAD_ROWS + "Inland;'offen; ohne Ende\n", encoding="utf-8")
    c = _load(p)
    assert len(c.docs) == 4
    assert c.skipped["path"].tolist() == ["gnad.csv#row=5"]
    reason = c.skipped["reason"].iloc[0]
    assert "(read with ' as the quote character)" in reason
    assert "a field that opens with ' must close with '" in reason
