"""The second fresh cleaning set of session 40 (benchmarks/bench_cleaning_wcxb.py): WCXB
v1.0's article pages from sites the ``modern`` set does not have, kept by a rule fixed
before scoring, split by site in a committed file."""

from __future__ import annotations

import csv
import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import BENCH_ARTICLE as ARTICLE
from conftest import ROOT, bench_module


@pytest.fixture(scope="module")
def wcxb():  # noqa: ANN201
    with bench_module("bench_cleaning_wcxb") as mod:
        yield mod


def test_site_of_is_the_registrable_domain(wcxb) -> None:  # noqa: ANN001
    assert wcxb.site_of("https://www.nytimes.com/wirecutter/reviews/x/") == "nytimes.com"
    assert wcxb.site_of("https://news.bbc.co.uk/1/hi/world") == "bbc.co.uk"
    assert wcxb.site_of("https://Blog.Example.ORG:8080/a?b=1") == "example.org"
    assert wcxb.site_of("") == ""


def _page(root: Path, folder: str, fid: str, url: str, kind: str, gold: str, body: str) -> None:
    """One WCXB page: ``<folder>/ground-truth/<fid>.json`` and ``<folder>/html/<fid>.html.gz``
    (no HTML file when ``body`` is empty)."""
    (root / folder / "ground-truth").mkdir(parents=True, exist_ok=True)
    (root / folder / "html").mkdir(parents=True, exist_ok=True)
    record = {
        "url": url,
        "file_id": fid,
        "_internal": {"page_type": {"primary": kind}},
        "ground_truth": {"title": "Budget approved", "main_content": gold},
    }
    gt = root / folder / "ground-truth" / f"{fid}.json"
    gt.write_text(json.dumps(record), encoding="utf-8")
    if body:
        html = (
            "<html><head><title>Budget approved</title></head><body><nav><a href='/'>Home"
            f"</a></nav><h1>Budget approved</h1>{body}<footer>Contact Us</footer></body></html>"
        )
        (root / folder / "html" / f"{fid}.html.gz").write_bytes(gzip.compress(html.encode()))


def test_load_pages_keeps_by_the_fixed_rule(wcxb, tmp_path: Path) -> None:  # noqa: ANN001
    p = f"<p>{ARTICLE}</p>"
    _page(tmp_path, "dev", "0001", "https://www.a.com/budget", "article", ARTICLE, p)
    _page(tmp_path, "dev", "0002", "https://shop.a.com/x", "product", ARTICLE, p)
    _page(tmp_path, "dev", "0003", "https://old.net/y", "article", ARTICLE, p)
    _page(tmp_path, "dev", "0004", "https://c.org/z", "article", "Too short.", p)
    _page(tmp_path, "dev", "0005", "https://d.org/z", "article", ARTICLE, "<p>On cats.</p>")
    _page(tmp_path, "dev", "0006", "https://e.org/z", "article", ARTICLE, "")
    _page(tmp_path, "dev", "0007", "", "article", ARTICLE, p)
    # the same page saved in both folders (and the same id): kept once, from dev/
    _page(tmp_path, "test", "0001", "https://www.a.com/budget", "article", ARTICLE, p)
    _page(tmp_path, "test", "0009", "https://news.f.co.uk/9", "article", ARTICLE, p)
    pages, skipped = wcxb.load_pages(tmp_path, old_sites={"old.net"})
    assert [(q["key"], q["host"], q["outlet"], q["url"]) for q in pages] == [
        ("dev-0001", "a.com", "a.com", "https://www.a.com/budget"),
        ("test-0009", "f.co.uk", "f.co.uk", "https://news.f.co.uk/9"),
    ]
    assert pages[0]["gold"] == ARTICLE
    assert pages[0]["html"].startswith(b"<html>")  # the saved bytes
    assert skipped == Counter(
        {
            "page type product": 1,
            "site of the modern set": 1,
            "gold under 50 words": 1,
            "only N% of the gold in the page": 1,
            "page missing": 1,
            "no URL": 1,
            "the same URL kept from an earlier folder": 1,
        }
    )


def test_load_pages_names_the_missing_folders(wcxb, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "dev" / "ground-truth").mkdir(parents=True)
    with pytest.raises(SystemExit, match="no dev/ground-truth/ and test/ground-truth/"):
        wcxb.load_pages(tmp_path, old_sites=set())


def test_modern_sites_are_the_committed_modern_split(wcxb) -> None:  # noqa: ANN001
    sites = wcxb.modern_sites()
    assert len(sites) == 418  # the modern set: 446 pages of 418 sites
    assert "360westmagazine.com" in sites
    assert "key" not in sites and "site" not in sites


def _committed() -> list[dict[str, str]]:
    path = ROOT / "benchmarks" / "cleaning_split_wcxb.csv"
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def test_committed_split_is_by_site_and_follows_the_rule(wcxb) -> None:  # noqa: ANN001
    rows = _committed()
    assert len(rows) == 484
    assert Counter(r["part"] for r in rows) == {"dev": 240, "heldout": 244}
    parts_of_site: dict[str, set[str]] = {}
    for r in rows:
        parts_of_site.setdefault(r["site"], set()).add(r["part"])
    assert all(len(v) == 1 for v in parts_of_site.values())  # no site in both parts
    assert Counter(next(iter(v)) for v in parts_of_site.values()) == {"dev": 232, "heldout": 231}
    assert not set(parts_of_site) & wcxb.modern_sites()  # no site of the modern set
    pages = [{"key": r["key"], "host": r["site"]} for r in rows]
    assert wcxb.split_of(pages) == {r["key"]: r["part"] for r in rows}
    split = {r["key"]: r["part"] for r in rows}
    assert split["test-5005"] == "dev"  # 10pearls.com
    assert split["dev-4039"] == "dev"  # aboutcoffee.org


def test_check_split_refuses_a_changed_split(wcxb, tmp_path: Path) -> None:  # noqa: ANN001
    split = {r["key"]: r["part"] for r in _committed()}
    wcxb.check_split(split)  # the committed file agrees with itself
    with pytest.raises(SystemExit, match="differs from the split rule"):
        wcxb.check_split(dict(split, **{"test-5005": "heldout"}))
    with pytest.raises(SystemExit, match="missing"):
        wcxb.check_split(split, tmp_path / "none.csv")


def test_held_out_reports_need_dev(wcxb) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit):
        wcxb._args(["somewhere", "--part", "heldout", "--losses", "5"])
    assert wcxb._args(["somewhere", "--part", "both", "--html"]).html
