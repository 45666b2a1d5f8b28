"""QA findings of stop 20 on the loader (S20-H6-1, -2, -3, -11, S20-H8-1): Scrapy and
news-please output shapes, extensionless crawler files and exporters' date column names."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct

BODY = "Ministers met in Berlin on Monday. They talked about the budget for two hours."
SCRAPY_ITEM = {
    "url": "https://www.example.org/politics/budget-talks",
    "article": {"title": "Budget talks", "body": BODY, "authors": ["A. Writer"]},
}


def test_nested_text_object_is_skipped_never_stringified(tmp_path: Path) -> None:
    # S20-H6-1: Scrapy items nest the article; its repr must never become the text
    lines = [json.dumps(SCRAPY_ITEM), json.dumps({"url": "https://e.org/b", "article": BODY})]
    (tmp_path / "items.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = ct.load_corpus(tmp_path / "items.jsonl")
    assert corpus.docs.text.tolist() == [BODY]
    assert corpus.skipped.reason.tolist() == [
        "JSONL line 1: column 'article' holds an object with keys title, body, authors, not "
        "text; pass text_column='article.body' (a path into the object)"
    ]


def test_flattened_scrapy_items_load_with_the_named_column() -> None:
    # the fix the reason names works
    frame = pd.json_normalize([SCRAPY_ITEM])
    corpus = ct.load_corpus(frame, text_column="article.body")
    assert corpus.docs.text.tolist() == [BODY]


def test_list_in_text_column_is_skipped(tmp_path: Path) -> None:
    frame = pd.DataFrame({"text": [["Ministers met.", "They talked."], BODY]})
    corpus = ct.load_corpus(frame)
    assert corpus.docs.text.tolist() == [BODY]
    assert "column 'text' holds a list (2 items), not text" in corpus.skipped.reason[0]


def test_nested_text_in_parquet_is_skipped(tmp_path: Path) -> None:
    articles = [{"title": "T", "body": BODY}, {"title": "U", "body": "Second."}]
    frame = pd.DataFrame({"url": ["u1", "u2"], "article": articles})
    frame.to_parquet(tmp_path / "items.parquet")
    with pytest.warns(ct.CorpusToolsWarning, match="no document could be loaded"):
        corpus = ct.load_corpus(tmp_path / "items.parquet")
    assert len(corpus.docs) == 0
    assert all("text_column='article.body'" in r for r in corpus.skipped.reason)


def test_jl_is_read_as_json_lines(tmp_path: Path) -> None:
    # S20-H6-2: scrapy crawl x -o items.jl
    row = {"url": "https://e.org/a", "title": "Budget talks", "body": BODY}
    (tmp_path / "items.jl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    corpus = ct.load_corpus(tmp_path / "items.jl")
    assert corpus.docs.text.tolist() == [BODY]
    assert corpus.docs.title.tolist() == ["Budget talks"]


def test_one_object_json_file_is_one_document(tmp_path: Path) -> None:
    # S20-H8-1: news-please writes one article per .json file
    article = {
        "title": "Budget talks",
        "maintext": BODY,
        "authors": ["A. Writer"],
        "date_publish": "2019-10-22 00:00:00",
        "source_domain": "www.example.org",
    }
    (tmp_path / "a.json").write_text(json.dumps(article), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({**article, "maintext": "Talks ended."}))
    corpus = ct.load_corpus(tmp_path)
    assert corpus.docs.text.tolist() == [BODY, "Talks ended."]
    assert corpus.docs.published.tolist() == [pd.Timestamp("2019-10-22")] * 2
    assert corpus.skipped.empty


def test_wrapper_object_still_reads_its_list(tmp_path: Path) -> None:
    wrapped = {"status": "ok", "articles": [{"text": BODY}, {"text": "Talks ended."}]}
    (tmp_path / "a.json").write_text(json.dumps(wrapped), encoding="utf-8")
    assert ct.load_corpus(tmp_path / "a.json").docs.text.tolist() == [BODY, "Talks ended."]


def test_json_number_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    corpus = ct.load_corpus(tmp_path)
    assert "not an object or a list of objects" in corpus.skipped.reason[0]


@pytest.mark.parametrize("name", ["date_publish", "datePublished", "pubdate", "Datum"])
def test_exporters_date_columns(name: str) -> None:
    # S20-H6-3: news-please, schema.org and German exports
    frame = pd.DataFrame({"text": [BODY], name: ["2019-10-22 00:00:00"]})
    assert ct.load_corpus(frame).docs.published.tolist() == [pd.Timestamp("2019-10-22")]


def test_file_without_extension_gets_the_rename_hint(tmp_path: Path) -> None:
    # S20-H6-11: crawler dumps often have no extension
    (tmp_path / "page0001").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    corpus = ct.load_corpus(tmp_path)
    assert corpus.skipped.reason.tolist() == [
        "unsupported extension (none); if it is text or a web page, rename it with .txt (or .html)"
    ]


@pytest.mark.parametrize(("value", "unit"), [(1739180940.0, "'s'"), (1739180940123, "'ms'")])
def test_unix_timestamp_dates_name_the_conversion(value: float, unit: str) -> None:
    # S20-H8-2: news_time 1739180940.0, Reddit created_utc
    frame = pd.DataFrame({"text": [BODY], "news_time": [value]})
    with pytest.raises(ct.MetadataError, match=f"Unix timestamp.*unit={unit}"):
        ct.load_corpus(frame, date_column="news_time")
