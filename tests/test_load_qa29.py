"""Session 29 loading QA: a date cell that names no day loads its row undated (one warning, not a
stop); yes/no and column options of the loaders are checked by type."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError, MetadataError
from corpus_tools.io.dates import NoDayProblem, _parse_date_str

LONG = "Officials said the talks would resume next week after a long pause in the capital."


def _load(path: Path, **kw: object) -> tuple[ct.Corpus, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(path, n_jobs=1, **kw)
    return corpus, [str(w.message) for w in caught]


def test_a_year_one_placeholder_among_many_rows_is_an_undated_row(tmp_path: Path) -> None:
    # AllSides' article JSON: two Brookings pieces carry '0001-11-30' among 37,554 dated rows
    rows = [{"ID": f"a{i}", "date": f"2019-05-{i + 1:02d}", "content": LONG} for i in range(5)]
    rows[3]["date"] = "0001-11-30"
    (tmp_path / "abp.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    corpus, messages = _load(tmp_path / "abp.jsonl")
    d = corpus.docs.set_index("doc_id")
    assert len(d) == 5 and corpus.skipped.empty
    assert pd.isna(d.loc["a3", "published"]) and d.loc["a3", "date_precision"] is None
    assert d.loc["a4", "published"] == pd.Timestamp("2019-05-05")
    warned = [m for m in messages if "names no day" in m]
    assert warned == [
        "abp.jsonl: 1 of 5 lines has a date that names no day (line 4, column 'date': "
        "'0001-11-30'); it is loaded undated (published empty; docs['source'] names each line). "
        "The first: the date '0001-11-30' is outside the range pandas can store (1677-09-22 to "
        "2262-04-11); a placeholder such as year 1 or 9999? Fix the cell or leave it empty."
    ]


def test_forum_dates_relative_to_the_crawl_are_undated_rows(tmp_path: Path) -> None:
    # a travel forum: '14 September 2009, 18:30' on most posts, 'yesterday, 4:25' on three
    lines = ["Title,userID,Date,text"]
    dates = ["14 September 2009, 18:30", "yesterday, 4:25", "yesterday, 4:52", "Today 10:02"]
    dates += ["3 hours ago", "15 September 2009, 09:00"]
    lines += [f"Trip {i},u{i},{d!r},{LONG}".replace("'", '"') for i, d in enumerate(dates)]
    (tmp_path / "posts.csv").write_text("\n".join(lines) + "\n")
    corpus, messages = _load(tmp_path / "posts.csv")
    published = corpus.docs["published"].tolist()
    assert published[0] == pd.Timestamp("2009-09-14 18:30")
    assert published[5] == pd.Timestamp("2009-09-15 09:00")
    assert [pd.isna(p) for p in published[1:5]] == [True] * 4
    warned = [m for m in messages if "names no day" in m]
    assert len(warned) == 1
    assert warned[0].startswith(
        "posts.csv: 4 of 6 rows have a date that names no day (rows 2, 3, 4, ..., column "
        "'Date': 'yesterday, 4:25', 'yesterday, 4:52', 'Today 10:02', ...); they are loaded undated"
    )
    assert "is relative to the day the page was saved" in warned[0]


def test_a_relative_date_with_a_date_format_is_undated_too(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text(f"date,text\n19.10.2023,{LONG}\ngestern,{LONG}\n")
    corpus, messages = _load(tmp_path / "t.csv", date_format="%d.%m.%Y")
    assert corpus.docs["published"].tolist()[0] == pd.Timestamp("2023-10-19")
    assert pd.isna(corpus.docs["published"].tolist()[1])
    assert any("1 of 2 rows has a date that names no day" in m for m in messages)


def test_other_unreadable_dates_still_stop_with_the_fix(tmp_path: Path) -> None:
    # a format problem is the whole column's: the first bad cell names the fix
    (tmp_path / "t.csv").write_text(f"date,text\n2023-10-19,{LONG}\n02/11/2023,{LONG}\n")
    with pytest.raises(
        MetadataError, match=r"t.csv row 2, column 'date': the date '02/11/2023' is"
    ):
        ct.load_corpus(tmp_path / "t.csv")


@pytest.mark.parametrize(
    ("value", "relative"),
    [
        ("yesterday, 4:25", True),
        ("Today at 10:00 am", True),
        ("5 mins ago", True),
        ("vor 2 Tagen", True),
        ("Gestern, 18:30 Uhr", True),
        ("hier à 10h", True),
        ("dün 14:05", True),
        ("today's paper", False),
        ("nowhere", False),
        ("Yesterday at 2009", False),
        ("October 19", False),
    ],
)
def test_relative_dates_are_told_from_other_refusals(value: str, relative: bool) -> None:
    assert isinstance(_parse_date_str(value), NoDayProblem) is relative


def test_a_sidecar_placeholder_loads_undated_and_no_url_date_fills_it(tmp_path: Path) -> None:
    # session 32: metadata.csv's placeholder (year 1) is undated with one warning, as a table's
    # cell is; the URL's path date does not fill a date the user wrote but no day can be read
    # from (the warning says the document is loaded without it)
    (tmp_path / "a.txt").write_text(LONG)
    (tmp_path / "metadata.csv").write_text(
        "file,url,published\na.txt,https://example.com/2022/07/18/talks,0001-01-01\n"
    )
    with pytest.warns(ct.CorpusToolsWarning, match="metadata.csv: 1 of 1 rows gives a date"):
        d = ct.load_corpus(tmp_path).docs
    assert d["published"].isna().tolist() == [True]
    assert d["published_source"].tolist() == [None]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"clean": "yes"},
            "clean='yes' is not True or False; pass clean=True (the default) or clean=False "
            "(a string, even 'no', would count as True)",
        ),
        (
            {"keep_raw": None},
            "keep_raw=None is not True or False; pass keep_raw=True (the default) or "
            "keep_raw=False",
        ),
        (
            {"text_column": ["body"]},
            "text_column=['body'] is not one column's name; pass the name as a string, e.g. "
            "text_column='body'",
        ),
        ({"date_column": 1.5}, "date_column=1.5 is not one column's name"),
    ],
)
def test_loader_arguments_of_the_wrong_type_are_named(kwargs: dict, message: str) -> None:
    df = pd.DataFrame({"body": [LONG]})
    with pytest.raises(CorpusValueError) as err:
        ct.load_corpus(df, **kwargs)
    assert str(err.value).startswith(message)
    with pytest.raises(CorpusValueError):
        next(ct.iter_documents(df, **kwargs))


def test_number_column_names_and_zero_one_flags_still_load() -> None:
    df = pd.DataFrame({0: ["x1"], 1: [LONG]})
    corpus = ct.load_corpus(df, text_column=1, id_column=0, clean=1, keep_raw=0)
    assert corpus.docs["doc_id"].tolist() == ["x1"]
    assert corpus.docs["raw_text"].tolist() == [None]


MERGED = (
    "source,date,headline\n"
    "Reuters,Aug 20 2019,Fed has lost control says Gundlach\n"
    "WSJ,4/1/02,Speculators bet on euro adoption\n"
    "The Guardian,18-Jul-20,Markets rally as talks resume\n"
    "The Guardian,18-Jul,Markets slip as talks stall\n"
)


def test_a_merged_table_reads_each_outlets_date_format_in_turn(tmp_path: Path) -> None:
    # Reuters 'Aug 20 2019', WSJ '4/1/02', Guardian '18-Jul-20' in one date column
    (tmp_path / "heads.csv").write_text(MERGED)
    formats = ["%b %d %Y", "%d-%b-%y", "%m/%d/%y"]
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(tmp_path / "heads.csv", date_format=formats)
    assert str(err.value) == (
        "heads.csv row 4, column 'date': the date '18-Jul' matches none of date_format=['%b %d "
        "%Y', '%d-%b-%y', '%m/%d/%y'] and is not an ISO date; add its format to the list, or fix "
        "the cell, or add 'undated' to the list to load rows whose date no format reads undated."
    )
    corpus, messages = _load(tmp_path / "heads.csv", date_format=[*formats, "undated"])
    assert corpus.docs["published"].tolist()[:3] == [
        pd.Timestamp("2019-08-20"),
        pd.Timestamp("2002-04-01"),
        pd.Timestamp("2020-07-18"),
    ]
    assert pd.isna(corpus.docs["published"].tolist()[3])
    warned = [m for m in messages if "loaded undated" in m]
    assert len(warned) == 1 and warned[0].startswith(
        "heads.csv: 1 of 4 rows has a date that no format or rule reads (date_format has "
        "'undated') (row 4, column 'date': '18-Jul'); it is loaded undated"
    )


def test_undated_alone_keeps_the_rules_and_loads_the_rest_undated(tmp_path: Path) -> None:
    (tmp_path / "heads.csv").write_text(MERGED)
    corpus, messages = _load(tmp_path / "heads.csv", date_format="undated")
    published = corpus.docs["published"].tolist()
    assert published[0] == pd.Timestamp("2019-08-20")
    assert all(pd.isna(p) for p in published[1:])  # '4/1/02': a two-digit year is a guess
    assert any("3 of 4 rows have a date that no format or rule reads" in m for m in messages)
    assert not any("had no effect" in m for m in messages)


def test_the_command_line_takes_several_date_formats(tmp_path: Path, capsys) -> None:
    from corpus_tools import cli

    (tmp_path / "heads.csv").write_text(MERGED)
    args = ["info", str(tmp_path / "heads.csv"), "--date-format", "%b %d %Y"]
    args += ["--date-format", "%d-%b-%y", "--date-format", "%m/%d/%y", "--date-format", "undated"]
    assert cli.main(args) == 0
    out = capsys.readouterr()
    assert "Dates: 2002-04-01 to 2020-07-18" in out.out
    assert "1 of 4 rows has a date that no format or rule reads" in out.err
