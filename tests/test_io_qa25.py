"""Session 25 loading misuse: quote characters, nested JSON, code pages, empty records."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
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


# --- item 2: JSON shapes other than a list of objects -------------------------------------

ARTICLES = [
    {"id": "a1", "title": "Talks end", "text": "The talks ended on Monday after two days."},
    {"id": "a2", "title": "Rain", "text": "Heavy rain brought floods to the city."},
    {"id": "a3", "title": "Vote", "text": "Voters went to the polls in large numbers."},
]


@pytest.mark.parametrize("orient", ["records", "split", "index", "columns", "table"])
def test_pandas_json_orients_load_the_same_documents(tmp_path: Path, orient: str) -> None:
    p = tmp_path / f"{orient}.json"
    pd.DataFrame(ARTICLES).to_json(p, orient=orient)
    c = _load(p)
    assert c.docs["doc_id"].tolist() == ["a1", "a2", "a3"]
    assert c.docs["title"].tolist() == ["Talks end", "Rain", "Vote"]
    assert c.docs["text"].tolist()[1] == "Heavy rain brought floods to the city."


def test_json_rows_without_names_say_which_orient(tmp_path: Path) -> None:
    p = tmp_path / "values.json"
    pd.DataFrame(ARTICLES).to_json(p, orient="values")
    with pytest.raises(CorpusLoadError, match=r"orient='values'.*orient=\"records\""):
        _load(p)


def test_nested_and_keyed_json_load(tmp_path: Path) -> None:
    deep = {"status": "ok", "data": {"total": 3, "items": ARTICLES}}
    (tmp_path / "deep.json").write_text(json.dumps(deep), encoding="utf-8")
    assert _load(tmp_path / "deep.json").docs["doc_id"].tolist() == ["a1", "a2", "a3"]
    keyed = {a["id"]: {"title": a["title"], "body": a["text"]} for a in ARTICLES}
    (tmp_path / "keyed.json").write_text(json.dumps(keyed), encoding="utf-8")
    c = _load(tmp_path / "keyed.json")
    assert c.docs["doc_id"].tolist() == ["a1", "a2", "a3"]  # the keys, as no object has an id
    assert c.docs["title"].tolist() == ["Talks end", "Rain", "Vote"]
    cols = {"title": [a["title"] for a in ARTICLES], "texto": [a["text"] for a in ARTICLES]}
    (tmp_path / "cols.json").write_text(json.dumps(cols), encoding="utf-8")
    c = _load(tmp_path / "cols.json")
    assert c.docs["title"].tolist() == ["Talks end", "Rain", "Vote"]
    assert len(c.skipped) == 0


def test_json_with_several_record_lists_names_each_path(tmp_path: Path) -> None:
    two = {"data": {"items": ARTICLES}, "meta": {"sources": [{"title": "x", "text": "y"}]}}
    p = tmp_path / "two.json"
    p.write_text(json.dumps(two), encoding="utf-8")
    with pytest.raises(CorpusLoadError) as info:
        _load(p)
    assert str(info.value) == (
        "two.json: JSON object holds several lists of objects: data.items (3 objects), "
        "meta.sources (1 object); which are the documents is not clear. Load one as a "
        "DataFrame: ct.load_corpus(pandas.DataFrame(json.load(open(path))['data']['items'])), "
        "or write it to its own .json/.jsonl file"
    )
    # only one of them has objects with a text key: that one is read
    two["meta"] = {"sources": [{"name": "x"}]}
    p.write_text(json.dumps(two), encoding="utf-8")
    assert len(_load(p).docs) == 3


def test_one_article_object_with_a_list_of_comments_stays_one_document(tmp_path: Path) -> None:
    art = {"title": "Talks end", "text": "The talks ended.", "comments": [{"user": "x"}] * 2}
    p = tmp_path / "one.json"
    p.write_text(json.dumps(art), encoding="utf-8")
    assert _load(p).docs["text"].tolist() == ["The talks ended."]


# --- item 4: empty 'content: []' records of a crawler dump --------------------------------


def test_empty_content_records_are_skipped_with_the_reason(tmp_path: Path) -> None:
    lines = [f"content: ['Article {i} says the council met on day {i}.']" for i in range(24)]
    lines[3] = "content: []"
    lines[9] = "content: ['']"
    p = tmp_path / "feb.txt"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    c = _load(p, split="records")
    assert len(c.docs) == 22
    assert "[]" not in c.docs["text"].tolist()
    assert c.skipped["path"].tolist() == ["feb.txt#record=4", "feb.txt#record=10"]
    assert c.skipped["reason"].tolist()[0] == (
        "record 4 of feb.txt has no text but an empty value, [], after its header "
        "(characters 162-174 of the file)"
    )


# --- item 6: docs.encoding is the codec name, its note in encoding_note -------------------


def test_a_user_column_named_encoding_note_is_kept_apart(tmp_path: Path) -> None:
    p = tmp_path / "t.csv"
    p.write_text("text,encoding_note\nThe talks ended on Monday.,mine\n", encoding="utf-8")
    c = _load(p)
    assert c.docs["user_encoding_note"].tolist() == ["mine"]
    assert "encoding_note" not in c.docs.columns  # no file had a note
    assert c.docs["encoding"].tolist() == ["utf-8"]


# --- item 3: Mac Roman ----------------------------------------------------------------------

FRENCH = (
    "Le ministre a déclaré mardi que la réforme serait présentée à l'Assemblée en début "
    "d'année. Selon lui, les négociations avec les syndicats ont été très difficiles, mais "
    "un accord reste possible. Le président, qui était à Genève, n'a pas commenté ces "
    "déclarations. À Lyon, des milliers de manifestants se sont réunis près de la gare."
)


def test_mac_roman_french_is_read_as_mac_roman(tmp_path: Path) -> None:
    (tmp_path / "mac.txt").write_bytes(FRENCH.encode("mac_roman"))
    c = _load(tmp_path / "mac.txt")
    assert c.docs["encoding"].tolist() == ["mac_roman"]
    assert c.docs["text"].tolist() == [FRENCH]


@pytest.mark.parametrize("codec", ["cp1252", "latin-1", "cp1250"])
def test_other_code_pages_are_not_taken_for_mac_roman(tmp_path: Path, codec: str) -> None:
    text = FRENCH if codec != "cp1250" else "Što je župan rekao o šumi, žetvi i mostu?"
    (tmp_path / "t.txt").write_bytes(text.encode(codec))
    assert _load(tmp_path / "t.txt").docs["encoding"].tolist() != ["mac_roman"]


def test_json_response_parts_are_not_taken_for_articles(tmp_path: Path) -> None:
    p = tmp_path / "meta.json"
    p.write_text(json.dumps({"meta": {"page": 1}, "links": {"next": "x"}}), encoding="utf-8")
    with pytest.raises(CorpusLoadError, match="holds no list of objects"):
        _load(p)
