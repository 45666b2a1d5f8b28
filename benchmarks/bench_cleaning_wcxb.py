"""Issue 15's done-line on a second fresh set: the new article pages of WCXB v1.0.

Usage::

    python benchmarks/bench_cleaning_wcxb.py PATH/TO/web-content-extraction-benchmark
        [--part dev|heldout|both] [--html] [--losses N] [--kept N] [--worst N]
        [--write-split]

The set (new in session 40; its split was committed before any page was scored): WCXB,
the Web Content eXtraction Benchmark v1.0 (Murrough Foley, 2026,
https://github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0; the pages
are not stored here): 2,008 pages saved in 2025-2026, ``dev|test/html/<id>.html.gz``, each
with ``dev|test/ground-truth/<id>.json`` giving the URL, the page type and the main
content (``ground_truth.main_content``, title apart, headings on their own lines). Most
gold texts were drafted by an extractor (rs-trafilatura, a Rust port of trafilatura:
``_internal.source``) and then reviewed by a person; the HTML rows therefore favour
trafilatura, and the scraped-text rows are the ones this set is for.

An earlier copy of the same benchmark (1,000 pages) is the ``modern`` set of
``bench_cleaning.py``, on which the cleaner was tuned (its development part). This set is
what that copy did not have, by a rule fixed before any scoring (:func:`load_pages`): page
type ``article`` (news, blog posts, guides, reviews; not shops, forums, docs or listings);
a site that is not a site of the ``modern`` set (``benchmarks/cleaning_split_modern.csv``);
gold of 50+ ``\\w+`` words; 80 % or more of the gold's 4-gram shingles in the page rendered
as crawler-style text (the gold is the page's own text). A page saved twice (the same URL
in ``dev/`` and ``test/``: 137 pages) is kept once, its ``dev/`` copy. WCXB's own dev/test
folders are ignored: pages are split **by site** (the registrable domain of the URL), sites
in salted-sha256 order, the first half development (``benchmarks/cleaning_split_wcxb.csv``;
the script refuses to run if the rule and the file disagree).

Systems, report options and score are those of ``bench_cleaning_fresh.py`` (imported, not
copied): scraped text (lxml render, one visible block a line) with no cleaning and with
``load_corpus`` (every default; the outlet is the site, as ``bench_cleaning.py`` loads it);
with ``--html`` trafilatura alone, ``load_corpus(clean=False)`` and ``load_corpus``.
Score: word 4-gram shingles, precision and recall averaged over pages, F1 of the averages.

Results and the number of looks at the held-out part: ``benchmarks/RESULTS_cleaning_fresh.md``.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import resource
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SPLIT_FILE = HERE / "cleaning_split_wcxb.csv"
MODERN_SPLIT_FILE = HERE / "cleaning_split_modern.csv"
SALT = "corpus_tools-cleaning-split-wcxb-s40:"
PAGE_TYPES = ("article",)
MIN_GOLD_WORDS = 50
MIN_GOLD_IN_PAGE = 0.8
FOLDERS = ("dev", "test")  # WCXB's folders, read in this order (a page in both: dev's copy)
_WORD = re.compile(r"\w+")
_HEADER = [
    "# WCXB v1.0 (Foley 2026): github.com/Murrough-Foley/web-content-extraction-benchmark,",
    "# CC-BY-4.0; pages saved 2025-2026, not stored here; gold main_content drafted by an",
    "# extractor and reviewed by a person. Kept: page type article, site not in the modern set",
    "# (cleaning_split_modern.csv), gold >= 50 words, >= 0.8 of its 4-grams in the rendered",
    "# page; one copy of a URL. Split by site (salted sha256), fixed in session 40 before scoring.",
]


def _module(name: str) -> ModuleType:
    """``benchmarks/<name>.py`` as a module (registered while loading, for dataclasses)."""
    spec = importlib.util.spec_from_file_location(f"_wcxb_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


_FRESH = _module("bench_cleaning_fresh")
_BC = _FRESH._BC


# ---------------------------------------------------------------------- pages
def site_of(url: str) -> str:
    """The registrable domain of a URL's host (bench_cleaning's rule): the split unit."""
    return str(_BC._domain(urlsplit(url).hostname or ""))


def modern_sites(path: Path = MODERN_SPLIT_FILE) -> set[str]:
    """The sites of the ``modern`` set (the earlier copy of this benchmark)."""
    import csv

    with path.open(encoding="utf-8") as f:
        return {r["site"] for r in csv.DictReader(x for x in f if not x.startswith("#"))}


def read_record(gt: Path) -> dict[str, str]:
    """URL, page type and gold text of one ground-truth file (missing fields: empty)."""
    d = json.loads(gt.read_text(encoding="utf-8"))
    kind = ((d.get("_internal") or {}).get("page_type") or {}).get("primary") or ""
    gold = (d.get("ground_truth") or {}).get("main_content") or ""
    return {"url": d.get("url") or "", "kind": kind, "gold": gold}


def skip_reason(rec: dict[str, str], html: str | None, old_sites: set[str]) -> str:
    """Why a page is left out ("" when it is kept): the selection rule, in its order."""
    if rec["kind"] not in PAGE_TYPES:
        return f"page type {rec['kind'] or '?'}"
    if not rec["url"]:
        return "no URL"
    if site_of(rec["url"]) in old_sites:
        return "site of the modern set"
    if html is None:
        return "page missing"
    if len(_WORD.findall(rec["gold"])) < MIN_GOLD_WORDS:
        return f"gold under {MIN_GOLD_WORDS} words"
    share = _FRESH.gold_in_page(rec["gold"], _BC.render_text(html))
    if share < MIN_GOLD_IN_PAGE:
        return f"only {share:.0%} of the gold in the page"
    return ""


def load_pages(
    root: Path, old_sites: set[str] | None = None
) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The kept pages (key ``<folder>-<id>``, host = site, outlet, url, html bytes, gold)
    and the count of pages left out by reason, from a WCXB clone's folder. The rule reads
    the page decoded as UTF-8 (every kept page is valid UTF-8)."""
    if not all((root / f / "ground-truth").is_dir() for f in FOLDERS):
        raise SystemExit(
            f"{root}: no dev/ground-truth/ and test/ground-truth/; give the folder of a clone "
            "of github.com/Murrough-Foley/web-content-extraction-benchmark."
        )
    old = modern_sites() if old_sites is None else old_sites
    pages: list[dict[str, Any]] = []
    skipped: Counter[str] = Counter()
    seen: set[str] = set()
    for folder in FOLDERS:
        for gt in sorted((root / folder / "ground-truth").glob("*.json")):
            rec = read_record(gt)
            if rec["url"] and rec["url"] in seen:
                skipped["the same URL kept from an earlier folder"] += 1
                continue
            seen.add(rec["url"])
            path = root / folder / "html" / f"{gt.stem}.html.gz"
            raw, html = b"", None
            if rec["kind"] in PAGE_TYPES and path.is_file():
                raw = gzip.decompress(path.read_bytes())
                html = raw.decode("utf-8", errors="replace")
            reason = skip_reason(rec, html, old)
            if reason:
                skipped[re.sub(r"\d+%", "N%", reason)] += 1
                continue
            assert html is not None
            site = site_of(rec["url"])
            pages.append(
                {
                    "key": f"{folder}-{gt.stem}",
                    "host": site,
                    "outlet": _BC.page_outlet(html, site),
                    "url": rec["url"],
                    "html": raw,  # the saved bytes, as the systems read a page file
                    "gold": rec["gold"],
                }
            )
    return pages, skipped


def split_of(pages: list[dict[str, Any]]) -> dict[str, str]:
    """``key -> dev | heldout`` by site (bench_cleaning's by-site rule, this set's salt)."""
    return dict(_BC.site_split_of(pages, SALT))


def check_split(split: dict[str, str], path: Path = SPLIT_FILE) -> None:
    """The committed file is the record of the split: the rule must still give it (the
    first fresh set's check, on this set's file)."""
    _FRESH.check_split(split, path)


# ----------------------------------------------------------------------- main
def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="the folder of a WCXB clone (with dev/ and test/)")
    ap.add_argument("--part", choices=["dev", "heldout", "both"], default="dev")
    ap.add_argument("--html", action="store_true", help="also score the HTML path")
    ap.add_argument("--losses", type=int, default=0, help="rank N decisions (dev only)")
    ap.add_argument("--kept", type=int, default=0, help="N kept chrome lines (dev only)")
    ap.add_argument("--worst", type=int, default=0, help="N worst dev pages (text cleaner)")
    ap.add_argument("--write-split", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if (a.losses or a.kept or a.worst) and a.part != "dev":
        ap.error("--losses, --kept and --worst read the development part only")
    return a


def _describe(pages: list[dict[str, Any]], split: dict[str, str], skipped: Counter[str]) -> None:
    sites = Counter(split[p["key"]] for p in {p["host"]: p for p in pages}.values())
    parts = Counter(split.values())
    print(
        f"wcxb: {len(pages)} pages of {len({p['host'] for p in pages})} sites kept (dev "
        f"{parts['dev']} pages / {sites['dev']} sites, held out {parts['heldout']} / "
        f"{sites['heldout']}); {sum(skipped.values())} left out"
    )
    for why, n in skipped.most_common():
        print(f"  left out: {n}: {why}")


def _report(a: argparse.Namespace, run: list[dict[str, Any]], split: dict[str, str]) -> None:
    t0 = _FRESH.cpu()
    out, corpus = _FRESH.run_text(run)
    corpora = [("text: load_corpus", corpus)]
    if a.html:
        html_out, html_corpora = _FRESH.run_html(run)
        out.update(html_out)
        corpora += html_corpora
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nCPU {_FRESH.cpu() - t0:.1f} s, peak {peak:.0f} MB")
    print("\n| part | system | pages | F1 | precision | recall |\n|---|---|---|---|---|---|")
    for part in ("dev", "heldout"):
        sel = [p for p in run if split[p["key"]] == part]
        if sel:
            for row in _FRESH._score_rows(part, sel, out):
                print(row)
    html_mod = _FRESH._module("bench_cleaning_html")
    print("\n| corpus | documents | emptied | skipped | skip reasons |\n|---|---|---|---|---|")
    for name, c in corpora:
        for row in html_mod.emptied_rows(name, c):
            print(row)
    heads = sum(1 for p in run if _FRESH.headline(p["html"]))
    lost = _FRESH.lost_headlines(run, corpus)
    print(f"\nheadlines (<h1> matching the page title): {heads} pages; removed from {len(lost)}")
    if a.part == "dev":
        for row in lost:
            print(row)
    if a.kept:
        print()
        for row in _FRESH.kept_chrome(run, out["text: load_corpus"], a.kept):
            print(row)
    if a.worst:
        print("\nworst dev pages, text: load_corpus (precision, recall, page):")
        for row in _FRESH.worst_pages(run, out["text: load_corpus"], a.worst):
            print(row)


def main(argv: list[str] | None = None) -> None:
    a = _args(argv)
    pages, skipped = load_pages(a.data)
    split = split_of(pages)
    _describe(pages, split, skipped)
    if a.write_split:  # once, before any scoring: nothing is cleaned or scored in this run
        if SPLIT_FILE.exists():
            raise SystemExit(f"{SPLIT_FILE}: exists; the split is written once.")
        _BC.write_site_split(SPLIT_FILE, _HEADER, pages, split)
        print(f"wrote {SPLIT_FILE}")
        return
    check_split(split)
    parts = ["dev", "heldout"] if a.part == "both" else [a.part]
    run = [p for p in pages if split[p["key"]] in parts]
    if a.losses:
        for row in _BC.losses_table([("wcxb", pages, split)], a.losses):
            print(row)
    _report(a, run, split)


if __name__ == "__main__":
    main()
