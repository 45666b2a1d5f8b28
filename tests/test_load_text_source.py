"""Which column's text was analysed is data on the corpus (``docs.text_source``), not only
the wording of a warning: a table with no text column analysed by its headlines says so in
every row, through load_corpus, iter_documents, Parquet, the snapshot and the accessor
``corpus_tools.io.headline_text_columns``."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError, CorpusToolsWarning
from corpus_tools.io import headline_text_columns, readers
from corpus_tools.snapshot import load_snapshot, save_snapshot

HEADLINES = pd.DataFrame(
    {
        "headline_text": [
            "Talks end in Doha after two days of meetings",
            "Markets fall on rate fears across the region",
        ],
        "publish_date": ["2020-01-01", "2020-01-02"],
    }
)


def _quiet(fn, *args, **kw):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusToolsWarning)
        return fn(*args, **kw)


def test_headline_table_records_the_column_it_analysed(tmp_path: Path) -> None:
    path = tmp_path / "heads.csv"
    HEADLINES.to_csv(path, index=False)
    with pytest.warns(CorpusToolsWarning, match="the headlines in column 'headline_text'"):
        corpus = ct.load_corpus(path, n_jobs=1)
    assert corpus.docs["text_source"].tolist() == ["headline:headline_text"] * 2
    assert headline_text_columns(corpus) == ["headline_text"]
    assert headline_text_columns(corpus.docs) == ["headline_text"]
    # the snapshot the report hands to its notebooks keeps the column
    back = load_snapshot(save_snapshot(corpus, tmp_path / "c.pkl"))
    assert headline_text_columns(back) == ["headline_text"]
    # and so does the stream
    docs = list(_quiet(ct.iter_documents, path))
    assert [d["text_source"] for d in docs] == ["headline:headline_text"] * 2
    assert headline_text_columns(docs) == ["headline_text"]


def test_a_text_column_is_named_too_and_files_have_none(tmp_path: Path) -> None:
    frame = pd.DataFrame({"Body": ["Talks ended today."], "headline": ["Talks end"]})
    corpus = ct.load_corpus(frame)
    assert corpus.docs["text_source"].tolist() == ["table:Body"]
    assert headline_text_columns(corpus) == []
    # a headline column given by the user is a choice, not the fallback
    given = ct.load_corpus(frame, text_column="headline")
    assert given.docs["text_source"].tolist() == ["table:headline"]
    assert headline_text_columns(given) == []
    (tmp_path / "a.txt").write_text("Talks end\n\nThe envoys left.\n", encoding="utf-8")
    files = ct.load_corpus(tmp_path)
    assert files.docs["text_source"].tolist() == [None]
    assert "text_source" in list(files.docs.columns)


def test_a_users_own_text_source_column_is_kept_apart() -> None:
    frame = pd.DataFrame({"text": ["Talks ended today."], "text_source": ["wire"]})
    docs = ct.load_corpus(frame).docs
    assert docs[["text_source", "user_text_source"]].values.tolist() == [["table:text", "wire"]]


def test_id_column_named_like_text_falls_back_to_headlines(tmp_path: Path) -> None:
    path = tmp_path / "uci.csv"
    path.write_text(
        "ID,TITLE,STORY\n"
        "1,Fed official says weak data caused by weather,ddUyU0VZz0BRneMioxUPQVP6sIxvM\n"
        "2,Fed's Plosser sees high bar for change in pace,ddUyU0VZz0BRneMioxUPQVP6sIxvM\n"
        "3,Stocks fall after Fed official hints at tapering,dPhGU51DcrolUIMxbRm0InaHGA2XM\n",
        encoding="utf-8",
    )
    docs = _quiet(ct.load_corpus, path, n_jobs=1).docs
    assert docs["text_source"].tolist() == ["headline:TITLE"] * 3


def test_parquet_headlines_are_recorded(tmp_path: Path) -> None:
    HEADLINES.to_parquet(tmp_path / "h.parquet")
    corpus = _quiet(ct.load_corpus, tmp_path / "h.parquet", n_jobs=1)
    assert headline_text_columns(corpus) == ["headline_text"]


def test_no_text_column_reuses_the_ranking_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error path ranks the sentence columns once (it was ranked a second time by
    _no_text_column), and the message is unchanged."""
    calls: list[int] = []
    real = readers.sentence_columns

    def counted(cols, records):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(cols, records)

    monkeypatch.setattr(readers, "sentence_columns", counted)
    path = tmp_path / "rss.csv"
    pd.DataFrame(
        {
            "title": ["Talks end in Doha", "Markets fall on rate fears"],
            "description": [
                "The envoys left the city after two long days of talks.",
                "Shares fell for a third day as investors weighed new rates.",
            ],
        }
    ).to_csv(path, index=False)
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(path, n_jobs=1)
    assert calls == [1]
    assert str(err.value) == (
        "rss.csv: no text column; columns found: ['title', 'description']; pass "
        "text_column='description' (its values read like sentences) or text_column='title' to "
        "analyse its headlines (looked for text, body, content, article, article_text, "
        "full_text, maintext, story, fulltext, and the names in other languages of "
        "corpus_tools/data/column_names.yml); 'description' is not taken as the text unasked: "
        "a column named like a summary often holds only the article's lead"
    )
