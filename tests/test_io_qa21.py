"""Session 21 io QA: one rule for text column names, a warning for a date column the loader
did not pick, and Unix timestamps read with date_format="epoch"."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning, MetadataError
from corpus_tools.io.columns import TEXT_COLUMNS, is_text_name, name_forms
from corpus_tools.io.readers import _nested_text_reason, date_like_columns
from corpus_tools.io.tables import pick_column

BODY = "Talks ended on Tuesday after two days of meetings in Doha. The envoys left for home."


def _quiet(source: object, **kw: object) -> ct.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusToolsWarning)
        return ct.load_corpus(source, n_jobs=1, **kw)


# (a) one rule for the names of text columns and keys


@pytest.mark.parametrize(
    "name", [*TEXT_COLUMNS, "Body", " TEXT ", "mainText", "fullText", "Article Text", "full-text"]
)
def test_text_names_are_the_names_pick_column_takes(name: str) -> None:
    assert is_text_name(name)
    assert pick_column([name, "other"], TEXT_COLUMNS, None, "text", "t.csv") == name


@pytest.mark.parametrize("name", ["title", "headline", "summary", "text_id", "textual"])
def test_other_names_are_not_text(name: str) -> None:
    assert not is_text_name(name)
    assert pick_column([name], TEXT_COLUMNS, None, "text", "t.csv") is None


def test_name_forms_keep_the_written_form_first() -> None:
    assert name_forms(" mainText ") == ("maintext", "main_text")
    assert name_forms("Pub Date (UTC)") == ("pub date (utc)", "pub_date")


def test_nested_text_hint_names_a_key_spelled_like_a_column() -> None:
    # 'Article Text' is a text column to pick_column, so the hint names it (it named <key>)
    reason = _nested_text_reason({"Title": "T", "Article Text": "Talks ended."}, "item")
    assert reason.endswith("pass text_column='item.Article Text' (a path into the object)")
    reason = _nested_text_reason({"title": "T", "mainText": "Talks ended."}, "item")
    assert reason.endswith("pass text_column='item.mainText' (a path into the object)")
    reason = _nested_text_reason({"title": "T", "n": 2}, "item")
    assert reason.endswith("pass text_column='item.<key>' (a path into the object)")


def test_json_object_with_a_spelled_text_key_is_one_document(tmp_path: Path) -> None:
    # one article per file (news-please): the object is the document, not a wrapper
    obj = {"Article Text": BODY, "tags": [{"name": "a"}, {"name": "b"}]}
    (tmp_path / "one.json").write_text(json.dumps(obj), encoding="utf-8")
    docs = _quiet(tmp_path / "one.json").docs
    assert docs["text"].tolist() == [BODY]
    wrapper = {"articles": [{"text": BODY}, {"text": BODY + " Again."}], "status": "ok"}
    (tmp_path / "wrap.json").write_text(json.dumps(wrapper), encoding="utf-8")
    assert len(_quiet(tmp_path / "wrap.json").docs) == 2


# (b) a column that clearly holds dates but was not picked


def test_unnamed_date_column_is_warned_about_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        f"text,,n\n{BODY},2023-10-19,1\n{BODY} Two.,2023-10-20,2\n{BODY} Three.,,3\n",
        encoding="utf-8",
    )
    with pytest.warns(CorpusToolsWarning) as rec:
        docs = ct.load_corpus(path, n_jobs=1).docs
    msgs = [str(w.message) for w in rec if "holds dates" in str(w.message)]
    assert msgs == [
        "export.csv: no date column found by name (published, date, publish_date, "
        "published_at, ...), but column 'Unnamed: 1' holds dates (e.g. '2023-10-19'); the "
        "documents are loaded without a publication date. If those are the publication dates, "
        "pass date_column='Unnamed: 1' to load_corpus (command line: --date-column "
        "'Unnamed: 1') or rename the column to 'published'."
    ]
    assert docs["published"].isna().all()
    fixed = _quiet(path, date_column="Unnamed: 1").docs
    assert fixed["published"].tolist()[:2] == [
        pd.Timestamp("2023-10-19"),
        pd.Timestamp("2023-10-20"),
    ]


def test_datetime_values_of_a_dataframe_are_dates() -> None:
    frame = pd.DataFrame(
        {"text": [BODY, BODY + " B."], "when": pd.to_datetime(["2023-10-19", None])}
    )
    with pytest.warns(CorpusToolsWarning, match="column 'when' holds dates"):
        ct.load_corpus(frame, n_jobs=1)


@pytest.mark.parametrize(
    "values",
    [
        ["2023", "2021", "2022"],  # years
        ["1739180940", "1739180941", "1739180942"],  # Unix timestamps: maybe ids
        ["17", "4", "2"],  # counts
        ["2023-10-19", "soon", "2023-10-20"],  # not every value a date
        ["October 2023", "May 2021", "June 2022"],  # months, not days
        ["BBC", "CNN", "Reuters"],
    ],
)
def test_columns_that_are_not_clearly_dates_stay_quiet(values: list[str]) -> None:
    frame = pd.DataFrame({"text": [BODY] * 3, "x": values})
    _quiet(frame)


def test_a_named_date_column_means_no_warning() -> None:
    frame = pd.DataFrame(
        {"text": [BODY] * 2, "date": ["2023-10-19"] * 2, "seen": ["2024-01-02"] * 2}
    )
    assert _quiet(frame).docs["published"].tolist() == [pd.Timestamp("2023-10-19")] * 2


def test_date_like_columns_lists_each_column_with_an_example() -> None:
    rows = [{"a": "19 Oct 2023", "b": "x", "c": "2023-10-19T08:00:00Z"}, {"a": None, "b": "y"}]
    assert date_like_columns(["a", "b", "c"], rows) == [
        ("a", "19 Oct 2023"),
        ("c", "2023-10-19T08:00:00Z"),
    ]


# (c) Unix timestamps


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1739180940, "2025-02-10 09:49:00"),
        (1739180940.5, "2025-02-10 09:49:00.5"),
        (1739180940123, "2025-02-10 09:49:00.123"),
        ("1739180940", "2025-02-10 09:49:00"),
    ],
)
def test_epoch_dates_read_seconds_and_milliseconds(value: object, expected: str) -> None:
    frame = pd.DataFrame({"text": [BODY], "created_utc": [value]})
    docs = _quiet(frame, date_column="created_utc", date_format="epoch").docs
    assert docs["published"].tolist() == [pd.Timestamp(expected)]
    assert docs["date_precision"].tolist() == ["time"]


def test_an_iso_date_still_reads_but_epoch_unused_is_said() -> None:
    frame = pd.DataFrame({"text": [BODY], "t": ["2025-02-10"]})
    with pytest.warns(CorpusToolsWarning, match="date_format='epoch' had no effect"):
        docs = ct.load_corpus(frame, date_column="t", date_format="epoch", n_jobs=1).docs
    assert docs["published"].tolist() == [pd.Timestamp("2025-02-10")]


def test_epoch_in_a_float_column_with_a_gap(tmp_path: Path) -> None:
    # a CSV/JSON column with an empty cell is float in pandas: 1739180940123.0
    frame = pd.DataFrame({"text": [BODY, BODY + " B."], "news_time": [1739180940123, None]})
    assert frame["news_time"].dtype == float
    docs = _quiet(frame, date_column="news_time", date_format="epoch").docs
    assert docs["published"].tolist()[0] == pd.Timestamp("2025-02-10 09:49:00.123")
    assert pd.isna(docs["published"].tolist()[1])


def test_epoch_from_a_jsonl_file_and_the_command_line_flag(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    rows = [
        {"body": BODY, "created_utc": 1739180940},
        {"body": BODY + " B.", "created_utc": 1600000000},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = _quiet(path, date_column="created_utc", date_format="epoch").docs
    assert docs["published"].tolist() == [
        pd.Timestamp("2025-02-10 09:49:00"),
        pd.Timestamp("2020-09-13 12:26:40"),
    ]


def test_a_value_that_is_not_a_timestamp_names_the_row_and_the_fix() -> None:
    frame = pd.DataFrame({"text": [BODY, BODY], "t": ["1739180940", "19/10/2023"]})
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(frame, date_column="t", date_format="epoch", n_jobs=1)
    assert "row 2, column 't'" in str(err.value)
    assert "'19/10/2023' is not a Unix timestamp" in str(err.value)


def test_without_epoch_the_error_names_date_format_epoch() -> None:
    frame = pd.DataFrame({"text": [BODY], "t": [1739180940]})
    with pytest.raises(MetadataError, match='pass date_format="epoch" to load_corpus'):
        ct.load_corpus(frame, date_column="t", n_jobs=1)


# a column named like the text that holds identifiers (UCI News Aggregator's STORY)

UCI_HEAD = "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n"
UCI_ROWS = [
    '1,"Fed official says weak data caused by weather, should not slow taper",'
    "http://www.latimes.com/x,Los Angeles Times,b,ddUyU0VZz0BRneMioxUPQVP6sIxvM,"
    "www.latimes.com,1394470370698\n",
    "2,Fed's Charles Plosser sees high bar for change in pace of tapering,"
    "http://www.livemint.com/y,Livemint,b,ddUyU0VZz0BRneMioxUPQVP6sIxvM,www.livemint.com,"
    "1394470371207\n",
    "3,US open: Stocks fall after Fed official hints at accelerated tapering,"
    "http://www.ifamagazine.com/z,IFA Magazine,b,dPhGU51DcrolUIMxbRm0InaHGA2XM,"
    "www.ifamagazine.com,1394470371550\n",
]


def test_story_ids_are_not_loaded_as_text(tmp_path: Path) -> None:
    path = tmp_path / "uci.csv"
    path.write_text(UCI_HEAD + "".join(UCI_ROWS), encoding="utf-8")
    with pytest.warns(CorpusToolsWarning) as got:
        headlines = ct.load_corpus(path, n_jobs=1).docs
    said = [str(w.message) for w in got if "STORY" in str(w.message)]
    assert said == [
        "uci.csv: column 'STORY' is named like the text but holds identifiers (e.g. "
        "'ddUyU0VZz0BRneMioxUPQVP6sIxvM'), not text; the headlines in column 'TITLE' are the "
        "texts analysed (as with text_column='TITLE'; command line: --text-column TITLE). "
        "Pass text_column= to analyse another column."
    ]
    assert headlines["text"].tolist() == headlines["title"].tolist()
    assert headlines["text"].str.startswith(("Fed", "US open")).all()
    headless = tmp_path / "uci_no_title.csv"
    pd.read_csv(path).drop(columns=["TITLE"]).to_csv(headless, index=False)
    with pytest.raises(ct.CorpusLoadError) as err:
        ct.load_corpus(headless, n_jobs=1)
    assert str(err.value).startswith(
        "uci_no_title.csv: column 'STORY' is named like the text but holds identifiers (e.g. "
        "'ddUyU0VZz0BRneMioxUPQVP6sIxvM'), not text; columns found: ['ID', 'URL', 'PUBLISHER', "
        "'CATEGORY', 'STORY', 'HOSTNAME', 'TIMESTAMP']; pass text_column="
    )
    with pytest.warns(CorpusToolsWarning) as rec:
        docs = ct.load_corpus(path, text_column="TITLE", n_jobs=1).docs
    assert docs["text"].str.startswith(("Fed", "US open")).all()
    assert docs["outlet"].tolist() == ["Los Angeles Times", "Livemint", "IFA Magazine"]
    hint = [str(w.message) for w in rec if "Unix timestamps" in str(w.message)]
    assert hint and "pass date_column='TIMESTAMP', date_format=\"epoch\"" in hint[0]
    dated = _quiet(path, text_column="TITLE", date_column="TIMESTAMP", date_format="epoch")
    assert dated.docs["published"].tolist()[0] == pd.Timestamp("2014-03-10 16:52:50.698")
    # the user may still ask for the id column on purpose
    with pytest.warns(CorpusToolsWarning, match="'TIMESTAMP' holds Unix timestamps"):
        assert len(ct.load_corpus(path, text_column="STORY", n_jobs=1).docs) == 3


def test_an_id_column_gives_way_to_another_text_column() -> None:
    frame = pd.DataFrame(
        {"story": ["a1b2c3d4", "e5f6g7h8", "i9j0k1l2"], "body": [BODY, BODY + " B.", BODY + " C."]}
    )
    # 'story' comes after 'body' in TEXT_COLUMNS anyway; put an id in 'text' to test the fallback
    frame = frame.rename(columns={"story": "text"})
    assert _quiet(frame).docs["text"].tolist()[0] == BODY


@pytest.mark.parametrize(
    "values",
    [
        ["hello", "world", "again"],  # one word, no digit: short texts
        ["Talks end", "Envoys 2 leave", "x1y2z3w4"],  # mostly prose
        ["abc123def", "Talks ended."],  # fewer than 3 ids
    ],
)
def test_short_texts_are_still_text(values: list[str]) -> None:
    frame = pd.DataFrame({"text": values})
    assert _quiet(frame).docs["raw_text"].tolist() == values


def test_epoch_hint_needs_a_time_name_and_plausible_values() -> None:
    quiet = pd.DataFrame({"text": [BODY] * 2, "id": [1739180940, 1739180941]})
    _quiet(quiet)  # an id column of 10 digits is not a date
    old = pd.DataFrame({"text": [BODY] * 2, "created": [123456789, 123456790]})
    _quiet(old)  # 1973: not a news timestamp
    with pytest.warns(CorpusToolsWarning, match="column 'created_utc' holds Unix timestamps"):
        ct.load_corpus(pd.DataFrame({"text": [BODY], "created_utc": [1739180940]}), n_jobs=1)


def test_a_column_named_exactly_wins_over_one_in_another_case(tmp_path: Path) -> None:
    # a header with 'text' and 'Text' took the last ('Text'); the exact name is meant
    path = tmp_path / "dupe.csv"
    path.write_text(f"text,Text\n{BODY.replace(',', '')},other\n", encoding="utf-8")
    docs = _quiet(path).docs
    assert docs["raw_text"].tolist() == [BODY.replace(",", "")]
    assert docs["Text"].tolist() == ["other"]
    assert pick_column(["Text", "text"], TEXT_COLUMNS, None, "text", "t.csv") == "text"
    assert pick_column(["TEXT", "Text"], TEXT_COLUMNS, None, "text", "t.csv") == "Text"  # as before


def test_parquet_checks_read_the_first_batch_once(tmp_path: Path) -> None:
    ids = [f"ddUyU0VZz{i}BRneM" for i in range(6)]
    frame = pd.DataFrame(
        {
            "story": ids,
            "title": [f"Talks end in round {i}" for i in range(6)],
            "when": ["2023-10-19"] * 6,
        }
    )
    frame.to_parquet(tmp_path / "t.parquet")
    with pytest.warns(CorpusToolsWarning) as got:
        docs = ct.load_corpus(tmp_path / "t.parquet", n_jobs=1).docs
    said = " ".join(str(w.message) for w in got)
    assert "column 'story' is named like the text but holds" in said
    assert "the headlines in column 'title' are the texts analysed" in said
    assert "column 'when' holds dates" in said
    assert docs["text"].tolist() == [f"Talks end in round {i}" for i in range(6)]
    with pytest.warns(CorpusToolsWarning, match="column 'when' holds dates"):
        docs = ct.load_corpus(tmp_path / "t.parquet", text_column="title", n_jobs=1).docs
    assert docs["text"].tolist() == [f"Talks end in round {i}" for i in range(6)]
