"""The fresh cleaning set of session 39 (benchmarks/bench_cleaning_fresh.py): newspaper's
full-text test pages, kept by a rule fixed before scoring, split by site in a committed file."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from conftest import BENCH_ARTICLE as ARTICLE
from conftest import ROOT, bench_module


@pytest.fixture(scope="module")
def fresh():  # noqa: ANN201
    with bench_module("bench_cleaning_fresh") as mod:
        yield mod


def test_base_domain_is_newspapers_site(fresh) -> None:  # noqa: ANN001
    assert fresh.base_domain("http://uk.reuters.com/article/2014/x") == "reuters.com"
    assert fresh.base_domain("http://www.dailystar.co.uk/news/latest-news/1") == "dailystar.co.uk"
    assert fresh.base_domain("http://www.cricket.com.au/news/flintoff") == "cricket.com.au"
    assert fresh.base_domain("https://WWW.Slate.com:443/a?b=1") == "slate.com"


def test_page_names_count_per_site(fresh) -> None:  # noqa: ANN001
    urls = [
        "http://www.reuters.com/a",
        "http://www.slate.com/b",
        "http://uk.reuters.com/c",
        "http://www.reuters.com/d",
    ]
    assert fresh.page_names(urls) == [
        ("reuters.com1", "reuters.com", urls[0]),
        ("slate.com1", "slate.com", urls[1]),
        ("reuters.com2", "reuters.com", urls[2]),
        ("reuters.com3", "reuters.com", urls[3]),
    ]


def test_is_note(fresh) -> None:  # noqa: ANN001
    assert fresh.is_note("EXTRACTED NOTHING\n")
    assert fresh.is_note("MISSES SECOND HALF OF ARTICLE\n")
    assert fresh.is_note("ONLY EXTRACTED DIRECTION BULLETPOINT #3, REST FAILED\n")
    # an article opening with a heading in capitals is not a note
    assert not fresh.is_note("PICTURE BOOKS\n\nThe Pilot and the Little Prince\n")
    assert not fresh.is_note("GRANTS/DONATIONS\n\nBEAVERTON -- The Comcast Foundation has")
    # scripts without case are not notes; one word is not a note
    assert not fresh.is_note("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة")
    assert not fresh.is_note("香港行政长官梁振英在各方压力下")
    assert not fresh.is_note("NASA\n")
    assert not fresh.is_note("")


def test_gold_in_page(fresh) -> None:  # noqa: ANN001
    assert fresh.gold_in_page("a b c d e", "x a b c d e y") == 1.0
    # gold 4-grams: (a b c d) (b c d e); the page has the first only
    assert fresh.gold_in_page("a b c d e", "a b c d q") == 0.5
    assert fresh.gold_in_page("", "a b c d") == 0.0


def _write_set(fresh, root: Path, pages: dict[str, tuple[str, str | None]]) -> None:  # noqa: ANN001
    """``url -> (page body html, expected text or None)``; names as newspaper gives them."""
    (root / "html").mkdir(parents=True)
    (root / "text").mkdir()
    (root / "fulltext_url_list.txt").write_text("\n".join(pages) + "\n\n", encoding="utf-8")
    for (name, site, _), (body, gold) in zip(
        fresh.page_names(list(pages)), pages.values(), strict=True
    ):
        html = (
            f"<html><head><title>Budget approved | {site}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<h1>Budget approved</h1>{body}<footer>Contact Us</footer></body></html>"
        )
        (root / "html" / f"{name}.html").write_text(html, encoding="utf-8")
        if gold is not None:
            (root / "text" / f"{name}.txt").write_text(gold, encoding="utf-8")


def test_load_pages_keeps_by_the_fixed_rule(fresh, tmp_path: Path) -> None:  # noqa: ANN001
    _write_set(
        fresh,
        tmp_path,
        {
            "http://www.a.com/1": (f"<p>{ARTICLE}</p>", ARTICLE),
            "http://news.a.com/2": (f"<p>{ARTICLE}</p>", "EXTRACTED NOTHING\n"),
            "http://www.b.co.uk/1": (f"<p>{ARTICLE}</p>", "Too short to be an article."),
            "http://www.c.org/1": ("<p>Another story entirely, on cats.</p>", ARTICLE),
            "http://www.d.net/1": (f"<p>{ARTICLE}</p>", None),
        },
    )
    pages, skipped = fresh.load_pages(tmp_path)
    assert [(p["key"], p["host"], p["url"]) for p in pages] == [
        ("a.com1", "a.com", "http://www.a.com/1")
    ]
    assert pages[0]["gold"] == ARTICLE
    assert pages[0]["html"].startswith(b"<html>")
    assert skipped == [
        ("a.com2", "failure note: EXTRACTED NOTHING"),
        ("b.co.uk1", "expected text under 50 words"),
        ("c.org1", "only 0% of the expected text in the page"),
        ("d.net1", "page or expected text missing"),
    ]


def test_load_pages_names_the_missing_list(fresh, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit, match="fulltext_url_list.txt: missing"):
        fresh.load_pages(tmp_path)


def _committed() -> list[dict[str, str]]:
    path = ROOT / "benchmarks" / "cleaning_split_newspaper.csv"
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def test_committed_split_is_by_site_and_follows_the_rule(fresh) -> None:  # noqa: ANN001
    rows = _committed()
    assert len(rows) == 115
    assert Counter(r["part"] for r in rows) == {"dev": 58, "heldout": 57}
    parts_of_site: dict[str, set[str]] = {}
    for r in rows:
        parts_of_site.setdefault(r["site"], set()).add(r["part"])
    assert all(len(v) == 1 for v in parts_of_site.values())  # no site in both parts
    assert Counter(next(iter(v)) for v in parts_of_site.values()) == {"dev": 34, "heldout": 33}
    pages = [{"key": r["key"], "host": r["site"]} for r in rows]
    assert fresh.split_of(pages) == {r["key"]: r["part"] for r in rows}
    assert {r["key"]: r["part"] for r in rows}["reuters.com1"] == "heldout"
    assert {r["key"]: r["part"] for r in rows}["telegraph.co.uk1"] == "dev"


def test_check_split_refuses_a_changed_split(fresh, tmp_path: Path) -> None:  # noqa: ANN001
    rows = _committed()
    split = {r["key"]: r["part"] for r in rows}
    fresh.check_split(split)  # the committed file agrees with itself
    moved = dict(split, **{"reuters.com1": "dev"})
    with pytest.raises(SystemExit, match="differs from the split rule"):
        fresh.check_split(moved)
    with pytest.raises(SystemExit, match="missing"):
        fresh.check_split(split, tmp_path / "none.csv")


def test_headline_is_the_h1_of_the_title(fresh) -> None:  # noqa: ANN001
    page = (
        "<html><head><title>Budget approved after long debate - City News</title></head>"
        "<body><h1>City News</h1><h1>Budget approved after  long debate</h1></body></html>"
    )
    # the site-name h1 is in the title too: the first h1 matching wins
    assert fresh.headline(page) == "City News"
    og = (
        "<html><head><meta property='og:title' content='Budget approved'></head>"
        "<body><h1>Menu</h1><h1>Budget approved</h1></body></html>"
    )
    assert fresh.headline(og) == "Budget approved"
    assert fresh.headline("<html><body><h1>Menu</h1></body></html>") == ""


def test_run_text_and_reports_on_a_small_set(fresh, tmp_path: Path) -> None:  # noqa: ANN001
    _write_set(
        fresh,
        tmp_path,
        {
            "http://www.a.com/1": (f"<p>{ARTICLE}</p>", ARTICLE),
            "http://www.a.com/2": (f"<p>{ARTICLE.replace('budget', 'plan')}</p>", ARTICLE),
        },
    )
    pages, _ = fresh.load_pages(tmp_path)
    out, corpus = fresh.run_text(pages)
    raw = out["text: no cleaning"]["a.com1"]
    assert raw.splitlines()[:3] == ["Home News", "Budget approved", ARTICLE]
    cleaned = out["text: load_corpus"]
    assert ARTICLE in cleaned["a.com1"]
    assert len(corpus.docs) == 2
    assert cleaned["a.com1"].splitlines()[0] == "Budget approved"  # the headline stays
    assert fresh.lost_headlines(pages, corpus) == []
    # a corpus that lost the headline of a.com2: the page is listed with the rule
    docs = corpus.docs.copy()
    docs.loc[docs["doc_id"] == "a.com2", "text"] = ARTICLE
    log = pd.DataFrame(
        {"doc_id": ["a.com2"], "rule": ["block:before_body"], "start": [10], "end": [25]}
    )
    lost = fresh.lost_headlines(pages, SimpleNamespace(docs=docs, cleaning_log=log))
    assert lost == ["  headline removed: a.com2: 'Budget approved' by block:before_body"]
    rows = fresh.kept_chrome(pages[:1], {"a.com1": f"Contact Us\n{ARTICLE}\n"}, 5)
    assert rows[2:] == ["| contact us | 1 | 2 |"]


def test_char_cover_needs_no_word_boundaries(fresh) -> None:  # noqa: ANN001
    ref = "香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询"
    assert fresh.char_cover(ref, "菜单\n" + ref) == 1.0
    assert fresh.char_cover(ref, "菜单 首页") == 0.0
    # half of the reference's 8-grams (taken every 4th character) are in the output
    assert fresh.char_cover("abcdefghijklmnop", "abcdefghijkl") == 2 / 3
    assert fresh.char_cover("short", "") == 1.0  # nothing to cover


def test_robust_rows_flags_a_lost_article(fresh, tmp_path: Path) -> None:  # noqa: ANN001
    body = "".join(f"<p>{ARTICLE}</p>" for _ in range(2))
    page = f"<html><body><nav><a href='/'>Home</a></nav><h1>Budget</h1>{body}</body></html>"
    (tmp_path / "good.html").write_text(page, encoding="utf-8")
    (tmp_path / "held.html").write_text(page, encoding="utf-8")
    rows = fresh.robust_rows(tmp_path, {"held"})
    assert rows[0] == f"robustness: 1 pages of {tmp_path} (held-out pages left out)"
    assert rows[1] == "| text: load_corpus | 1 | 0 | 0 | - |"
    assert rows[2] == "| html: load_corpus | 1 | 0 | 0 | - |"
    assert rows[3:] == []  # the text cleaner keeps the article
    assert fresh.robust_rows(tmp_path, {"held"}, min_cover=1.01)[3:] == [
        "  text cleaner keeps 100% of the HTML extraction: good"
    ]
