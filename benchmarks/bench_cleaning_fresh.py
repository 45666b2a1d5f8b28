"""Issue 15's done-line on a fresh set of real pages: newspaper's full-text test pages.

Usage::

    python benchmarks/bench_cleaning_fresh.py PATH/TO/newspaper/tests/data
        [--part dev|heldout|both] [--html] [--render lxml|soup] [--losses N] [--kept N]
        [--worst N] [--robust FOLDER_OF_HTML] [--write-split]

The set (new in session 39; never scored before its split was committed): the full-text
test pages of newspaper (Lucas Ou-Yang, https://github.com/codelucas/newspaper, folder
``tests/data``, MIT licence; the pages are not stored here): ``fulltext_url_list.txt``
lists 145 news and magazine pages saved in December 2014 from 79 sites; page ``n`` of a
site is ``html/<site><n>.html`` and its expected article body is ``text/<site><n>.txt``.
The expected text is **newspaper's own output, accepted by its maintainer**, not a
hand-made gold: where the output was wrong he replaced it with a note in capitals ("EXTRACTED
NOTHING", "ONLY EXTRACTS ARTICLE UP UNTIL THE FIRST IMAGE"), which the test prints as the
reason of the failure. Like the Readability set of ``bench_cleaning.py``, a second
extractor checked by people; it leaves out the headline, as the Zyte gold does.

Kept, by a rule fixed before any scoring (``load_pages``): the page and its text exist; the
text is not such a note (2+ words, every letter a capital); it has 50+
``\\w+`` words; and 80 % or more of its 4-gram shingles occur in the page rendered as
crawler-style text (the expected text is the page's own). Skipped pages are printed with
the reason. The site is newspaper's own (the last two labels of the host, three for
``co.uk`` / ``com.au``): pages are split **by site**, sites in salted-sha256 order, the
first half development (``benchmarks/cleaning_split_newspaper.csv``, committed before
anything was scored; the script refuses to run if the rule and the file disagree).

Systems, as in ``bench_cleaning.py`` (whose renderer, ``load_corpus`` wrapper and scorer
are imported, not copied):

- ``text: no cleaning``: the page rendered as crawler-style text (lxml, one visible block a
  line);
- ``text: load_corpus``: those texts as ``.txt`` files, ``load_corpus`` with every default
  on (line rules, classifier, templates learned by outlet = the site);
- with ``--html``: ``html: trafilatura alone`` (the options of
  ``bench_cleaning_html.py``: ``include_comments=False, include_tables=True,
  include_images=False``), ``html: load_corpus, no cleaning`` (``clean=False``: the
  package's extraction alone) and ``html: load_corpus`` (extraction + cleaning), the pages
  saved as ``.html`` files.

Score: the Zyte benchmark's (word 4-gram shingles of ``\\w+`` tokens, per-page counts,
precision and recall averaged over pages, F1 of the two averages). Also printed: the
documents each corpus emptied or skipped, and the pages whose ``<h1>`` headline line the
text cleaner removed. ``--losses N``: the decisions removing the most article from the dev
pages (bench_cleaning's table); ``--kept N``: the lines the text cleaner keeps that are not
article, by the number of dev pages they stay on (which chrome stays); ``--worst N``: the
dev pages with the lowest precision or recall. ``--robust FOLDER``: a check that needs no
gold, on any folder of ``.html`` pages (this set's held-out pages left out): documents
skipped or emptied on either path, and pages whose cleaned scraped text keeps under half of
the HTML extraction's character 8-grams (an article the text cleaner lost; works for
scripts without spaces).

Results and the number of looks at the held-out part: ``benchmarks/RESULTS_cleaning_fresh.md``.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import resource
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SPLIT_FILE = HERE / "cleaning_split_newspaper.csv"
SALT = "corpus_tools-cleaning-split-newspaper-s39:"
MIN_GOLD_WORDS = 50
MIN_GOLD_IN_PAGE = 0.8
_TWO_LEVEL = ("co.uk", "com.au", "au.com")  # newspaper's own edge cases
_WORD = re.compile(r"\w+")
_HEADER = [
    "# newspaper's full-text test pages (codelucas/newspaper, tests/data: fulltext_url_list.txt,",
    "# html/<site><n>.html, text/<site><n>.txt; MIT licence; saved December 2014; the pages are",
    "# not stored here). Expected text = newspaper's output accepted by its maintainer. Kept:",
    "# not a failure note, 50+ words, 80%+ of its 4-grams in the rendered page. Split by site",
    "# (salted sha256 of newspaper's base domain), fixed in session 39 before any scoring.",
]


def _module(name: str) -> ModuleType:
    """``benchmarks/<name>.py`` as a module (registered while loading, for dataclasses)."""
    spec = importlib.util.spec_from_file_location(f"_fresh_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


_BC = _module("bench_cleaning")
TRAFILATURA_OPTS: dict[str, bool] = dict(_module("bench_cleaning_html").TRAFILATURA_OPTS)


# ---------------------------------------------------------------------- pages
def base_domain(url: str) -> str:
    """newspaper's site of a URL: the host's last two labels (three for co.uk, com.au)."""
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in _TWO_LEVEL else 2
    return ".".join(labels[-keep:])


def page_names(urls: list[str]) -> list[tuple[str, str, str]]:
    """``(name, site, url)`` of each URL, named as newspaper's test names its files: the
    site and the URL's rank among the site's URLs (``reuters.com1``, ``reuters.com2``)."""
    seen: Counter[str] = Counter()
    out = []
    for url in urls:
        site = base_domain(url)
        seen[site] += 1
        out.append((f"{site}{seen[site]}", site, url))
    return out


def is_note(text: str) -> bool:
    """A maintainer's failure note instead of an article: 2+ words ("EXTRACTED NOTHING")
    and every letter a capital. An article that opens with a heading in capitals ("PICTURE
    BOOKS") has lower-case letters further on; a script without case (Arabic, Chinese)
    has letters that are not capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(_WORD.findall(text)) >= 2 and bool(letters) and all(c.isupper() for c in letters)


def gold_in_page(gold: str, page_text: str) -> float:
    """Share of the gold's 4-gram shingles (the scorer's unit) that the page text has."""
    g, p = _BC._shingles(gold), _BC._shingles(page_text)
    total = sum(g.values())
    return sum(min(n, p.get(k, 0)) for k, n in g.items()) / total if total else 0.0


def _skip_reason(html: Path, gold_path: Path) -> str:
    if not html.exists() or not gold_path.exists():
        return "page or expected text missing"
    gold = gold_path.read_text(encoding="utf-8")
    if is_note(gold):
        return "failure note: " + gold.strip().splitlines()[0][:60]
    if len(_WORD.findall(gold)) < MIN_GOLD_WORDS:
        return f"expected text under {MIN_GOLD_WORDS} words"
    share = gold_in_page(gold, _BC.render_text(html.read_bytes()))
    if share < MIN_GOLD_IN_PAGE:
        return f"only {share:.0%} of the expected text in the page"
    return ""


def load_pages(root: Path) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The kept pages (key, host = site, url, html bytes, gold) and ``(name, reason)`` of
    every page left out, from newspaper's ``tests/data`` folder."""
    url_file = root / "fulltext_url_list.txt"
    if not url_file.exists():
        raise SystemExit(f"{url_file}: missing; give the tests/data folder of a newspaper clone.")
    urls = [u.strip() for u in url_file.read_text(encoding="utf-8").splitlines() if u.strip()]
    pages, skipped = [], []
    for name, site, url in page_names(urls):
        html, gold = root / "html" / f"{name}.html", root / "text" / f"{name}.txt"
        reason = _skip_reason(html, gold)
        if reason:
            skipped.append((name, reason))
            continue
        pages.append(
            {
                "key": name,
                "host": site,
                "url": url,
                "html": html.read_bytes(),
                "gold": gold.read_text(encoding="utf-8"),
            }
        )
    return pages, skipped


def split_of(pages: list[dict[str, Any]]) -> dict[str, str]:
    """``key -> dev | heldout`` by site (bench_cleaning's by-site rule, this set's salt)."""
    return dict(_BC.site_split_of(pages, SALT))


def check_split(split: dict[str, str], path: Path = SPLIT_FILE) -> None:
    """The committed file is the record of the split: the rule must still give it."""
    if not path.exists():
        raise SystemExit(f"{path}: missing; it is written once with --write-split.")
    if _BC.read_split(path) != split:
        raise SystemExit(f"{path}: differs from the split rule; do not re-split.")


# -------------------------------------------------------------------- systems
def _texts(corpus: Any, pages: list[dict[str, Any]]) -> dict[str, str]:
    out = dict(zip(corpus.docs["doc_id"], corpus.docs["text"], strict=True))
    return {p["key"]: str(out.get(p["key"], "")) for p in pages}


def run_text(
    pages: list[dict[str, Any]], render: str = "lxml"
) -> tuple[dict[str, dict[str, str]], Any]:
    """Scraped-text systems' outputs by page key, and the cleaned corpus. ``render``:
    bench_cleaning's renderers (lxml = one visible block a line; soup = one text node)."""
    rendered = {p["key"]: _BC.RENDERERS[render](p["html"]) for p in pages}
    corpus = _BC._load_corpus(pages, rendered, ".txt")
    out = {"text: no cleaning": rendered, "text: load_corpus": _texts(corpus, pages)}
    return out, corpus


def run_html(pages: list[dict[str, Any]]) -> tuple[dict[str, dict[str, str]], list[Any]]:
    """HTML systems' outputs by page key, and the two corpora ``load_corpus`` made."""
    import trafilatura

    import corpus_tools as ct

    out = {
        "html: trafilatura alone": {
            p["key"]: trafilatura.extract(p["html"], **TRAFILATURA_OPTS) or "" for p in pages
        }
    }
    corpora = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for p in pages:
            (d / f"{p['key']}.html").write_bytes(p["html"])
        for name, clean in (("html: load_corpus, no cleaning", False), ("html: load_corpus", True)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                c = ct.load_corpus(d, clean=clean)
            out[name] = _texts(c, pages)
            corpora.append((name, c))
    return out, corpora


# -------------------------------------------------------------------- reports
def _norm_line(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def headline(html: bytes | str) -> str:
    """The page's headline: the first ``<h1>`` whose words are in the page's ``<title>`` or
    ``og:title`` / ``twitter:title`` (a site-name ``<h1>`` is not), whitespace collapsed."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    titles = [_norm_line(t.text_content()) for t in root.iter("title")]
    titles += [
        _norm_line(m.get("content") or "")
        for m in root.iter("meta")
        if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")
    ]
    for h1 in root.iter("h1"):
        text = " ".join(h1.text_content().split())
        key = _norm_line(text)
        if key and any(key in t for t in titles if t):
            return text
    return ""


def lost_headlines(pages: list[dict[str, Any]], corpus: Any) -> list[str]:
    """Pages whose headline line (:func:`headline`) is in the scraped text but not in the
    cleaned text, with the rule that removed it."""
    d = corpus.docs
    raw = dict(zip(d["doc_id"], d["raw_text"], strict=True))
    text = dict(zip(d["doc_id"], d["text"], strict=True))
    log = corpus.cleaning_log
    rows = []
    for p in pages:
        h, key = headline(p["html"]), p["key"]
        if not h or h not in str(raw.get(key, "")).splitlines():
            continue
        if h in str(text.get(key, "")).splitlines():
            continue
        mine = log[log["doc_id"] == key]
        rules = {
            r.rule for r in mine.itertuples() if h in str(raw[key])[int(r.start) : int(r.end) + 1]
        }
        rows.append(f"  headline removed: {key}: {h[:60]!r} by {','.join(sorted(rules)) or '?'}")
    return rows


def kept_chrome(pages: list[dict[str, Any]], cleaned: dict[str, str], n: int) -> list[str]:
    """The kept lines with no 4-gram of the gold (and not inside a gold line), by the
    number of pages they stay on: which chrome the cleaner leaves."""
    pages_of: Counter[str] = Counter()
    tokens_of: Counter[str] = Counter()
    for p in pages:
        gold_grams = _BC._shingles(p["gold"])
        gold_norm = _norm_line(p["gold"])
        seen = set()
        for line in cleaned[p["key"]].splitlines():
            key = _norm_line(line)
            if not key or key in seen:
                continue
            if any(g in gold_grams for g in _BC._shingles(line)) or key in gold_norm:
                continue
            seen.add(key)
            pages_of[key] += 1
            tokens_of[key] += len(key.split())
    rows = ["| kept line (not article) | dev pages | tokens |", "|---|---:|---:|"]
    for key, k in pages_of.most_common(n):
        rows.append(f"| {key[:60]} | {k} | {tokens_of[key]} |")
    return rows


def char_cover(ref: str, out: str, n: int = 8) -> float:
    """Share of ``ref``'s character ``n``-grams (spaces removed, every 4th) found in ``out``:
    a coverage that needs no word boundaries (Chinese, Burmese, Thai)."""
    r, o = "".join(ref.split()), "".join(out.split())
    grams = [r[i : i + n] for i in range(0, len(r) - n + 1, 4)]
    return sum(g in o for g in grams) / len(grams) if grams else 1.0


def robust_rows(folder: Path, exclude: set[str], min_cover: float = 0.5) -> list[str]:
    """Every ``*.html`` of ``folder`` but the names in ``exclude`` (this set's held-out
    pages), no gold needed, loaded as crawler-style text and as HTML: documents skipped or
    emptied, and the pages whose cleaned text keeps under ``min_cover`` of the HTML
    extraction (:func:`char_cover`): an article the text cleaner lost."""
    import corpus_tools as ct

    files = sorted(f for f in folder.glob("*.html") if f.stem not in exclude)
    with tempfile.TemporaryDirectory() as tmp:
        d, dh = Path(tmp) / "text", Path(tmp) / "html"
        d.mkdir()
        dh.mkdir()
        for f in files:
            raw = f.read_bytes()
            (d / f"{f.stem}.txt").write_text(_BC.render_text(raw), encoding="utf-8")
            (dh / f.name).write_bytes(raw)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text_c = ct.load_corpus(d)
            html_c = ct.load_corpus(dh)
    html_mod = _module("bench_cleaning_html")
    rows = [f"robustness: {len(files)} pages of {folder} (held-out pages left out)"]
    for name, c in (("text: load_corpus", text_c), ("html: load_corpus", html_c)):
        rows += html_mod.emptied_rows(name, c)
    text = dict(zip(text_c.docs["doc_id"], text_c.docs["text"], strict=True))
    for doc, ref in zip(html_c.docs["doc_id"], html_c.docs["text"], strict=True):
        cover = char_cover(str(ref), str(text.get(doc, "")))
        if cover < min_cover:
            rows.append(f"  text cleaner keeps {cover:.0%} of the HTML extraction: {doc}")
    return rows


def worst_pages(pages: list[dict[str, Any]], cleaned: dict[str, str], n: int) -> list[str]:
    """The ``n`` pages with the lowest of precision and recall (per-page shingle counts)."""
    rows = []
    for p in pages:
        c = _BC.tp_fp_fn(p["gold"], cleaned[p["key"]])
        rows.append((min(_BC._prec(*c), _BC._rec(*c)), _BC._prec(*c), _BC._rec(*c), p["key"]))
    return [f"  {pr:.2f} {rc:.2f} {key}" for _, pr, rc, key in sorted(rows)[:n]]


def cpu() -> float:
    """CPU seconds of this process and its finished children (load_corpus's workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="the tests/data folder of a newspaper clone")
    ap.add_argument("--part", choices=["dev", "heldout", "both"], default="dev")
    ap.add_argument("--html", action="store_true", help="also score the HTML path")
    ap.add_argument("--losses", type=int, default=0, help="rank N decisions (dev only)")
    ap.add_argument("--kept", type=int, default=0, help="N kept chrome lines (dev only)")
    ap.add_argument("--render", choices=["lxml", "soup"], default="lxml")
    ap.add_argument("--worst", type=int, default=0, help="N worst dev pages (text cleaner)")
    ap.add_argument(
        "--robust",
        type=Path,
        default=None,
        help="folder of .html pages to check without gold (held-out pages of this set skipped)",
    )
    ap.add_argument("--write-split", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if (a.losses or a.kept or a.worst) and a.part != "dev":
        ap.error("--losses, --kept and --worst read the development part only")
    return a


def _score_rows(part: str, sel: list[dict[str, Any]], out: dict[str, dict[str, str]]) -> list[str]:
    rows = []
    for name, texts in out.items():
        m = _BC.score([(p["gold"], texts[p["key"]]) for p in sel])
        rows.append(
            f"| {part} | {name} | {len(sel)} | {m['f1']:.3f} | {m['precision']:.3f} | "
            f"{m['recall']:.3f} |"
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    a = _args(argv)
    pages, skipped = load_pages(a.data)
    split = split_of(pages)
    sites = Counter(split[p["key"]] for p in {p["host"]: p for p in pages}.values())
    print(
        f"newspaper: {len(pages)} pages of {len({p['host'] for p in pages})} sites kept "
        f"(dev sites {sites['dev']}, held-out sites {sites['heldout']}); {len(skipped)} left out"
    )
    for name, why in skipped:
        print(f"  left out: {name}: {why}")
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
        for row in _BC.losses_table([("newspaper", pages, split)], a.losses):
            print(row)
    t0 = cpu()
    out, corpus = run_text(run, a.render)
    corpora = [("text: load_corpus", corpus)]
    if a.html:
        html_out, html_corpora = run_html(run)
        out.update(html_out)
        corpora += html_corpora
    print(
        f"\nCPU {cpu() - t0:.1f} s, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print("\n| part | system | pages | F1 | precision | recall |\n|---|---|---|---|---|---|")
    for part in parts:
        for row in _score_rows(part, [p for p in run if split[p["key"]] == part], out):
            print(row)
    html_mod = _module("bench_cleaning_html")
    print("\n| corpus | documents | emptied | skipped | skip reasons |\n|---|---|---|---|---|")
    for name, c in corpora:
        for row in html_mod.emptied_rows(name, c):
            print(row)
    heads = sum(1 for p in run if headline(p["html"]))
    lost = lost_headlines(run, corpus)
    print(f"\nheadlines (<h1> matching the page title): {heads} pages; removed from {len(lost)}")
    for row in lost:
        print(row)
    if a.kept:
        print()
        for row in kept_chrome(run, out["text: load_corpus"], a.kept):
            print(row)
    if a.robust is not None:
        print()
        held = {k for k, v in split.items() if v == "heldout"}
        for row in robust_rows(a.robust, held):
            print(row)
    if a.worst:
        print("\nworst dev pages, text: load_corpus (precision, recall, page):")
        for row in worst_pages(run, out["text: load_corpus"], a.worst):
            print(row)


if __name__ == "__main__":
    main()
