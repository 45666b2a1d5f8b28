"""The eighth cleaning set (session 28): CleanEval's final test set, a set never tuned on,
loaded like CleanPortalEval (CleanEval format) and split by site in a committed file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import bench_module

ARTICLE = (
    "The council approved the new budget on Tuesday after a long debate about the cost of "
    "repairing the old bridge and the money left for the libraries of the city this year. "
    "Members of the opposition said the plan would raise rents in the centre, while the mayor "
    "argued that the repairs could not wait for another winter of floods and closed roads."
)


@pytest.fixture(scope="module")
def bench():  # noqa: ANN201
    with bench_module("bench_cleaning") as mod:
        yield mod


def test_the_committed_split_follows_the_site_rule(bench) -> None:  # noqa: ANN001
    split = bench.read_split(bench.CEV_SPLIT_FILE)
    assert len(split) == 667
    assert sorted(set(split.values())) == ["dev", "heldout"]
    rows = [
        line.split(",")
        for line in bench.CEV_SPLIT_FILE.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ][1:]
    pages = [{"key": k, "host": site} for k, site, _ in rows]
    assert bench.site_split_of(pages, bench.CEV_SALT) == split
    # every page of one site is in one part
    parts: dict[str, set[str]] = {}
    for _, site, part in rows:
        parts.setdefault(site, set()).add(part)
    assert all(len(p) == 1 for p in parts.values())


def test_cleaneval_pages_load_in_cleaneval_format(bench, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "input").mkdir()
    (tmp_path / "GoldStandard").mkdir()
    page = (
        '<text id="http://www.example.org/news/1.html" title="x">'
        f"<html><body><p>Home</p><p>{ARTICLE}</p></body></html></text>"
    )
    (tmp_path / "input" / "7.html").write_text(page, encoding="utf-8")
    gold = f"URL: http://www.example.org/news/1.html\n\n<p> {ARTICLE}\n"
    (tmp_path / "GoldStandard" / "7.txt").write_text(gold, encoding="utf-8")
    (pages_,) = [bench.load_cleanportal(tmp_path)]
    assert [(p["key"], p["host"]) for p in pages_] == [("7", "example.org")]
    assert pages_[0]["gold"].split() == ARTICLE.split()


def test_the_set_needs_its_folder(bench) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit):
        bench._args(["--set", "cleaneval"])
    a = bench._args(["--set", "cleaneval", "--cleaneval", "somewhere"])
    assert a.cleaneval == Path("somewhere")
