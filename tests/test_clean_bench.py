"""The cleaning benchmark keeps its held-out half out of reach (issue 15): the split file
agrees with the salted-hash rule that made it, and only the development half is scored
unless the held-out half is asked for by name."""

from __future__ import annotations

import argparse
import csv

import pytest
from conftest import bench_module


@pytest.fixture(scope="module")
def bench():  # noqa: ANN201
    with bench_module("bench_cleaning") as mod:
        yield mod


def test_split_file_is_the_salted_hash_rule(bench):  # noqa: ANN001
    with bench.SPLIT_FILE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 181
    recorded = {r["key"]: r["part"] for r in rows}
    assert bench.split_of(list(recorded)) == recorded
    assert sum(p == "dev" for p in recorded.values()) == 91
    bench.check_split(recorded)  # raises SystemExit if the file and the rule disagree


def test_only_the_development_half_is_scored_by_default(bench, tmp_path, monkeypatch):  # noqa: ANN001
    parsed: dict[str, str] = {}
    real = argparse.ArgumentParser.parse_args

    def spy(self, args=None, namespace=None):  # noqa: ANN001, ANN202
        ns = real(self, args, namespace)
        parsed["part"] = ns.part
        raise SystemExit(0)  # stop before any page is read

    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", spy)
    with pytest.raises(SystemExit):
        bench.main([str(tmp_path)])
    assert parsed["part"] == "dev"
    with pytest.raises(SystemExit):
        bench.main([str(tmp_path), "--part", "heldout"])
    assert parsed["part"] == "heldout"
