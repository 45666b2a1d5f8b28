"""The seventh cleaning set (session 26): Foley's 2025-26 pages, loaded by a selection rule
fixed before scoring, split by site in a committed file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import BENCH_ARTICLE as ARTICLE
from conftest import bench_module


@pytest.fixture(scope="module")
def bench():  # noqa: ANN201
    with bench_module("bench_cleaning") as mod:
        yield mod


def _page(root: Path, key: str, url: str, kind: str, gold: str, body: str) -> None:
    gdir, hdir = root / "benchmark" / "ground-truth", root / "release" / "html"
    gdir.mkdir(parents=True, exist_ok=True)
    hdir.mkdir(parents=True, exist_ok=True)
    record = {
        "url": url,
        "file_id": key,
        "_internal": {"page_type": {"primary": kind}},
        "ground_truth": {"title": "A title", "main_content": gold},
    }
    (gdir / f"{key}.json").write_text(json.dumps(record), encoding="utf-8")
    html = f"<html><body><nav><a href='/'>Home</a></nav><p>{body}</p></body></html>"
    (hdir / f"{key}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))


def test_selection_rule_and_sites(bench, tmp_path: Path) -> None:  # noqa: ANN001
    _page(tmp_path, "0001", "https://www.news.example.co.uk/a", "article", ARTICLE, ARTICLE)
    _page(tmp_path, "0002", "https://shop.example.com/p", "product", ARTICLE, ARTICLE)
    _page(tmp_path, "0003", "https://blog.example.org/b", "blog", "Too short to be kept.", "x")
    # gold that is not the page's text (written, or built by scripts): left out
    other = " ".join(reversed(ARTICLE.split()))
    _page(tmp_path, "0004", "https://example.net/c", "article", ARTICLE, other)
    pages = bench.load_modern(tmp_path)
    assert [(p["key"], p["host"], p["outlet"]) for p in pages] == [
        ("0001", "example.co.uk", "example.co.uk")
    ]
    assert pages[0]["gold"] == ARTICLE


def test_missing_folders_say_what_to_give(bench, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit, match="web-content-extraction-benchmark"):
        bench.load_modern(tmp_path)


def test_split_file_is_by_site_and_frozen(bench) -> None:  # noqa: ANN001
    split = bench.read_split(bench.MOD_SPLIT_FILE)
    assert len(split) == 446
    assert sum(p == "dev" for p in split.values()) == 227
    rows = bench.MOD_SPLIT_FILE.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("# Foley, Web Content Extraction Benchmark (2026)")
    sites: dict[str, set[str]] = {}
    for line in rows:
        if line and not line.startswith(("#", "key,")):
            key, site, part = line.split(",")
            sites.setdefault(site, set()).add(part)
    assert all(len(parts) == 1 for parts in sites.values())  # a site is in one part only
    # the rule that made the file: salted sha256 of the site, first half of the sites dev
    pages = [{"key": k, "host": s} for s, parts in sites.items() for k in [s]]
    by_site = bench.site_split_of(pages, bench.MOD_SALT)
    assert all(by_site[s] == next(iter(parts)) for s, parts in sites.items())
