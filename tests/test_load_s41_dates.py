"""A headline export whose date column holds 'LIVE' and '4 hours ago' (a Google News scrape):
the error names the way to load it undated, and that way loads every row."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import MetadataError

ROWS = (
    "title,outlet,date\n"
    "Israeli forces storm main hospital in southern Gaza,POLITICO.eu,3 hours ago\n"
    "Israel-Hamas war live updates: special forces enter Gaza,NBC News,LIVE\n"
    "Israel raids main Gaza hospital as Rafah concerns grow,Reuters,2024-02-15\n"
)


def test_a_wordy_date_names_the_undated_way(tmp_path: Path) -> None:
    (tmp_path / "heads.csv").write_text(ROWS, encoding="utf-8")
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(tmp_path / "heads.csv", text_column="title")
    msg = str(err.value)
    assert msg.startswith("heads.csv row 2, column 'date': cannot parse the date 'LIVE'")
    assert msg.endswith(
        "or pass date_format=['undated'] (--date-format undated) to load the rows whose date "
        "no rule reads undated (published empty, named in one warning)."
    )


def test_the_undated_way_loads_every_row(tmp_path: Path) -> None:
    (tmp_path / "heads.csv").write_text(ROWS, encoding="utf-8")
    with pytest.warns(ct.CorpusToolsWarning, match="2 of 3 rows have a date"):
        docs = ct.load_corpus(
            tmp_path / "heads.csv", text_column="title", date_format=["undated"]
        ).docs
    assert len(docs) == 3
    assert docs["published"].isna().tolist() == [True, True, False]
    assert docs["published"].iloc[2] == pd.Timestamp("2024-02-15")
