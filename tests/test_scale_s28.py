"""Dask on Parquet partitions of raw text learns the outlets' templates as load_corpus does
(by the ``outlet`` column, else the ``url`` host, else one group): the same term counts as
the loader and the stream (before: Parquet rows were cleaned without learned templates)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import scale
from corpus_tools.stream import stream_counts

BBC = Path(__file__).resolve().parent / "data" / "real" / "bbc"
FOOTER = {
    "business": "Reuter\n",
    "sport": "Sport coverage is produced by the BBC Sport team in Salford and London\n",
}


def _raw_frame() -> pd.DataFrame:
    rows = []
    for path in sorted(BBC.glob("*/*.txt")):
        section = path.parent.name
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + FOOTER.get(section, "")
        rows.append({"doc_id": f"{section}-{path.stem}", "outlet": section, "text": text})
    return pd.DataFrame(rows)


def _loaded_terms(path: Path, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ct.term_frequencies(ct.load_corpus(path, **kw))


@pytest.mark.parametrize("parts", [1, 3])
def test_parquet_partitions_learn_the_outlets_templates(tmp_path, parts):
    pytest.importorskip("dask.dataframe")
    frame = _raw_frame()
    folder = tmp_path / "pq"
    folder.mkdir()
    for k in range(parts):
        frame.iloc[k::parts].to_parquet(folder / f"part-{k}.parquet", index=False)
    files = sorted(str(p) for p in folder.glob("*.parquet"))
    got = scale.dask_counts(files, mentions=False, batch_size=4).term_table()
    want = _loaded_terms(folder)
    streamed = stream_counts(files, mentions=False).term_table()
    # the loader's order of documents (file by file) is the stream's; the table is sorted
    pd.testing.assert_frame_equal(got, want, rtol=1e-12)
    pd.testing.assert_frame_equal(streamed, want, rtol=1e-12)
    sport = got[got["group"] == "sport"]
    assert "salford" not in set(sport["term"])  # the learned footer line is cut
    off = ct.load_rules(disable_categories=["template"])
    kept = scale.dask_counts(files, mentions=False, rules=off).term_table()
    assert kept.loc[kept["term"] == "salford", "count"].tolist() == [4]


def test_parquet_without_outlet_groups_by_the_url_host(tmp_path):
    """No outlet column: the template group is each row's URL host
    (:func:`corpus_tools.templates.group_key`); the sections' footers are learned."""
    pytest.importorskip("dask.dataframe")
    frame = _raw_frame()
    frame["url"] = [f"https://www.{o}.example.org/{i}" for i, o in enumerate(frame["outlet"])]
    frame = frame.drop(columns="outlet")
    path = tmp_path / "raw.parquet"
    frame.to_parquet(path, index=False)
    got = scale.dask_counts(str(path), by="url", mentions=False).term_table()
    assert "salford" not in set(got["term"]) and "reuter" not in set(got["term"])
    off = ct.load_rules(disable_categories=["template"])
    kept = scale.dask_counts(str(path), by="url", mentions=False, rules=off).term_table()
    assert kept.loc[kept["term"] == "salford", "count"].sum() == 4
