"""Issue 15's other done-lines, on real data not tuned on: the HTML path against the extractor
alone, headline-only corpora, and documents emptied by cleaning.

Usage::

    python benchmarks/bench_cleaning_html.py --snippets TRAFILATURA/tests [--part dev|heldout|both]
        [--headlines FILE.csv[:COLUMN] ...] [--losses N]

Three tables:

1. **HTML path vs trafilatura alone** (``--snippets``): trafilatura's own evaluation pages
   (https://github.com/adbar/trafilatura, ``tests/evaldata.json`` with the pages of
   ``tests/cache`` and ``tests/eval``, Apache-2.0; not stored here): about 990 web pages
   (news, blogs, shops, many German), each with up to six snippets of main text that must
   be extracted (``with``) and up to six that must not (``without``). ``bench_cleaning.py
   --snippets`` scores the *scraped-text* cleaner on these pages; the HTML path had never
   been scored on them. Systems, each given the page's bytes:

   - ``trafilatura alone``: ``trafilatura.extract(page, include_comments=False,
     include_tables=True, include_images=False)``, the options ``io/html.py`` passes, same
     installed version;
   - ``load_corpus, no cleaning``: the pages saved as ``.html`` files, ``load_corpus(folder,
     clean=False)`` (the package's extraction alone);
   - ``load_corpus``: ``load_corpus(folder)``, extraction + the cleaning that is safe on
     extracted text.

   A page ``load_corpus`` skips counts as an empty output (every ``with`` snippet missed).
   Scores are trafilatura's (``tests/eval_common.py``): a snippet counts as extracted when
   it occurs in the output, whitespace collapsed; precision = with-snippets extracted /
   all snippets extracted, recall = with-snippets extracted / with-snippets, pooled over
   pages. The *token* columns weigh each snippet by its ``\\w+`` tokens (a long paragraph
   counts more than a date). The pages are split by site (salted sha256 of the host,
   fixed before any scoring, ``benchmarks/cleaning_split_snippets_html.csv``): only the
   development part is scored unless ``--part heldout`` or ``both``.

   Then every page where ``load_corpus`` loses against trafilatura alone (a ``with``
   snippet trafilatura keeps and we miss, or a ``without`` snippet we keep and it drops),
   with why: the page was skipped (reason), the package's extraction differs (the snippet
   is already missing, or present, before cleaning), or a text rule removed it (the rule
   from the cleaning log).

2. **Headline-only corpora** (``--headlines``): each table is loaded twice, as the table
   itself (``text_column=COLUMN``, default ``Headlines``) and as a folder of one-headline
   ``.txt`` files (every default on: classifier, templates, repetition). Every headline
   whose cleaned text differs from its raw text (beyond surrounding whitespace) is printed
   with the log rows that changed it; a headline emptied, or with a word removed, is lost.

3. **Documents emptied**: for every corpus loaded above, the documents whose cleaned text
   is empty while the raw text had a line with a letter, and the skipped inputs by reason.

CPU seconds are this process's (``time.process_time``) plus its finished children's.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html as html_lib
import io
import json
import re
import resource
import sys
import tempfile
import unicodedata
import warnings
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
SPLIT_FILE = HERE / "cleaning_split_snippets_html.csv"
SALT = "corpus_tools-snippets-html-split-s38:"
#: the options corpus_tools/io/html.py passes to trafilatura
TRAFILATURA_OPTS = {"include_comments": False, "include_tables": True, "include_images": False}
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")


def norm(text: str) -> str:
    """Whitespace collapsed, as trafilatura's evaluation compares snippets."""
    return _WS.sub(" ", text).strip()


def cpu() -> float:
    """CPU seconds of this process and its finished children (user + system)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime


def peak_mb() -> float:
    """Peak resident memory of this process, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ----------------------------------------------------------------- snippet pages
def site_of(url: str) -> str:
    """The page's host without ``www.`` (the unit of the split)."""
    host = (urlsplit(url).hostname or url).lower()
    return host[4:] if host.startswith("www.") else host


def load_snippet_pages(tests: Path) -> list[dict[str, Any]]:
    """Every page of ``evaldata.json`` whose file is in ``cache/`` or ``eval/``."""
    data = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for i, url in enumerate(sorted(data)):
        item = data[url]
        path = next(
            (
                tests / d / item["file"]
                for d in ("cache", "eval")
                if (tests / d / item["file"]).is_file()
            ),
            None,
        )
        if path is None:
            continue
        pages.append(
            {
                "key": f"p{i:04d}",
                "url": url,
                "site": site_of(url),
                "file": item["file"],
                "html": path.read_bytes(),
                "with": [norm(s) for s in item["with"]],
                "without": [norm(s) for s in item["without"]],
            }
        )
    return pages


def split_of(pages: list[dict[str, Any]]) -> dict[str, str]:
    """site -> dev/heldout: sites sorted by salted sha256, the first half development."""
    sites = sorted(
        {p["site"] for p in pages}, key=lambda s: hashlib.sha256((SALT + s).encode()).hexdigest()
    )
    half = len(sites) // 2
    return {s: ("dev" if i < half else "heldout") for i, s in enumerate(sites)}


def check_split(pages: list[dict[str, Any]], split: dict[str, str]) -> None:
    """Write the split file the first time; afterwards it must not change."""
    rows = sorted((p["url"], p["site"], split[p["site"]]) for p in pages)
    if not SPLIT_FILE.exists():
        with SPLIT_FILE.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["url", "site", "part"])
            w.writerows(rows)
        return
    with SPLIT_FILE.open(encoding="utf-8", newline="") as f:
        stored = [tuple(r) for r in csv.reader(f)][1:]
    if stored != rows:
        sys.exit(f"{SPLIT_FILE.name} differs from the split computed from the pages given")


def run_html(
    pages: list[dict[str, Any]],
) -> tuple[dict[str, dict[str, str]], dict[str, Any], dict[str, float]]:
    """Outputs of the three systems by page key, the cleaned corpus, CPU s of each system."""
    import trafilatura

    import corpus_tools as ct

    out: dict[str, dict[str, str]] = {}
    secs: dict[str, float] = {}
    t = cpu()
    out["trafilatura alone"] = {
        p["key"]: trafilatura.extract(p["html"], **TRAFILATURA_OPTS) or "" for p in pages
    }
    secs["trafilatura alone"] = cpu() - t
    corpora = {}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for p in pages:
            (d / f"{p['key']}.html").write_bytes(p["html"])
        for name, clean in (("load_corpus, no cleaning", False), ("load_corpus", True)):
            t = cpu()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                c = ct.load_corpus(d, clean=clean, n_jobs=1)
            secs[name] = cpu() - t
            texts = dict(zip(c.docs["doc_id"], c.docs["text"], strict=True))
            out[name] = {p["key"]: texts.get(p["key"], "") for p in pages}
            corpora[name] = c
    return out, corpora, secs


def counts(pages: list[dict[str, Any]], texts: dict[str, str]) -> tuple[list[int], list[int]]:
    """(tp, fp, fn, tn) over snippets, and the same weighted by each snippet's tokens."""
    snip, tok = [0, 0, 0, 0], [0, 0, 0, 0]
    for p in pages:
        got = norm(texts[p["key"]])
        for key, pos in (("with", True), ("without", False)):
            for s in p[key]:
                hit = s in got
                i = (0 if hit else 2) if pos else (1 if hit else 3)
                snip[i] += 1
                tok[i] += len(_WORD.findall(s))
    return snip, tok


def prf(c: list[int]) -> tuple[float, float, float]:
    tp, fp, fn, _ = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def html_table(
    part: str, pages: list[dict[str, Any]], out: dict[str, dict[str, str]], secs: dict[str, float]
) -> list[str]:
    rows = []
    for name, texts in out.items():
        snip, tok = counts(pages, texts)
        f, p, r = prf(snip)
        tf, tp_, tr = prf(tok)
        rows.append(
            f"| {part} | {name} | {len(pages)} | {f:.3f} | {p:.3f} | {r:.3f} | "
            f"{tf:.3f} | {tp_:.3f} | {tr:.3f} | {secs[name]:.1f} |"
        )
    return rows


def _log_rules(corpus: Any, doc_id: str, snippet: str) -> str:
    """The log rows of ``doc_id`` whose removed text overlaps ``snippet`` (rule: text)."""
    log = corpus.cleaning_log
    rows = log[log["doc_id"] == doc_id]
    hits = []
    for rule, text in zip(rows["rule"], rows["text"], strict=True):
        t = norm(str(text))
        if t and (
            t in snippet or snippet in t or any(w in snippet for w in t.split(" ") if len(w) > 6)
        ):
            hits.append(f"{rule}: {t[:60]!r}")
    return "; ".join(hits[:3]) or "no log row overlaps (whitespace or rejoining)"


def losses(
    pages: list[dict[str, Any]], out: dict[str, dict[str, str]], corpora: dict[str, Any]
) -> list[str]:
    """Every page where load_corpus loses a snippet decision trafilatura alone gets right."""
    clean = corpora["load_corpus"]
    skipped = {
        Path(str(p)).stem: r
        for p, r in zip(clean.skipped["path"], clean.skipped["reason"], strict=True)
    }
    lines = []
    why_count: Counter[str] = Counter()
    for p in pages:
        k = p["key"]
        traf, raw, ours = (
            norm(out[n][k])
            for n in ("trafilatura alone", "load_corpus, no cleaning", "load_corpus")
        )
        for key in ("with", "without"):
            for s in p[key]:
                if key == "with" and s in traf and s not in ours:
                    kind = "missed"
                elif key == "without" and s not in traf and s in ours:
                    kind = "kept chrome"
                else:
                    continue
                if k in skipped:
                    why = f"skipped: {skipped[k][:90]}"
                    why_count["page skipped"] += 1
                elif (s in raw) == (s in ours):
                    why = "extraction differs from trafilatura alone"
                    why_count["extraction"] += 1
                else:
                    why = "text rule: " + _log_rules(clean, k, s)
                    why_count["text rule"] += 1
                lines.append(f"- {p['site']} ({p['file']}) {kind} {s[:70]!r}: {why}")
    head = [f"losses by cause: {dict(why_count)}"] if lines else ["no page where load_corpus loses"]
    return head + lines


def skipped_pages(
    pages: list[dict[str, Any]], out: dict[str, dict[str, str]], corpora: dict[str, Any]
) -> list[str]:
    """Every page load_corpus skips: its reason, and what trafilatura alone made of it."""
    c = corpora["load_corpus"]
    by_key = {p["key"]: p for p in pages}
    lines = []
    for path, reason in zip(c.skipped["path"], c.skipped["reason"], strict=True):
        p = by_key.get(Path(str(path)).stem)
        if p is None:
            continue
        traf = norm(out["trafilatura alone"][p["key"]])
        n_with = sum(1 for s in p["with"] if s in traf)
        n_without = sum(1 for s in p["without"] if s in traf)
        lines.append(
            f"- skipped {p['site']} ({p['file']}): {reason[:100]}; trafilatura alone: "
            f"{len(traf.split())} words, {n_with}/{len(p['with'])} main-text and "
            f"{n_without}/{len(p['without'])} chrome snippets"
        )
    return lines


def table_snippets(pages: list[dict[str, Any]], out: dict[str, dict[str, str]]) -> list[str]:
    """Main-text snippets that stand in a table cell of the page (``td``/``th``): how many each
    system keeps (the article's own tables, issue 15)."""
    from lxml import html as lxml_html

    kept: Counter[str] = Counter()
    n = n_pages = 0
    for p in pages:
        try:
            tree = lxml_html.fromstring(p["html"])
        except (ValueError, SyntaxError):  # lxml's ParserError is a SyntaxError
            continue
        cells = [norm(c.text_content()) for c in tree.iter("td", "th")]
        cells = [c for c in cells if c]
        mine = [s for s in p["with"] if any(s in c for c in cells)]
        if not mine:
            continue
        n_pages += 1
        n += len(mine)
        for name, texts in out.items():
            got = norm(texts[p["key"]])
            kept[name] += sum(1 for s in mine if s in got)
    return [
        f"main-text snippets inside a table cell: {n} on {n_pages} pages; kept: "
        + ", ".join(f"{name} {kept[name]}" for name in out)
    ]


def gains(pages: list[dict[str, Any]], out: dict[str, dict[str, str]]) -> Counter[str]:
    """Snippet decisions load_corpus gets right and trafilatura alone gets wrong."""
    c: Counter[str] = Counter()
    for p in pages:
        traf, ours = norm(out["trafilatura alone"][p["key"]]), norm(out["load_corpus"][p["key"]])
        c["with kept"] += sum(1 for s in p["with"] if s in ours and s not in traf)
        c["chrome dropped"] += sum(1 for s in p["without"] if s in traf and s not in ours)
    return c


# ----------------------------------------------------------------- emptied documents
def _bench_cleaning() -> Any:
    """benchmarks/bench_cleaning.py as a module (its crawler-style renderer)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_cleaning", HERE / "bench_cleaning.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_scraped(pages: list[dict[str, Any]]) -> Any:
    """The pages rendered as crawler-style text (bench_cleaning's lxml renderer), one
    ``.txt`` each, loaded with every default on (the full text cleaner)."""
    import corpus_tools as ct

    render = _bench_cleaning().render_text
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for p in pages:
            name = str(p["key"]).replace("/", "__")
            (d / f"{name}.txt").write_text(render(p["html"]), encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ct.load_corpus(d)


def emptied(corpus: Any) -> list[tuple[str, str, str]]:
    """(doc_id, raw head, why) of documents with an empty cleaned text but a raw line with a
    letter; ``why`` names the log rules that removed its lines."""
    d = corpus.docs
    out = []
    for doc_id, raw, text in zip(d["doc_id"], d["raw_text"], d["text"], strict=True):
        if str(text).strip() or not any(_LETTER.search(line) for line in str(raw).splitlines()):
            continue
        log = corpus.cleaning_log
        rules = sorted(set(log[log["doc_id"] == doc_id]["rule"]))
        out.append((str(doc_id), str(raw)[:80], ",".join(rules)))
    return out


def emptied_rows(name: str, corpus: Any) -> list[str]:
    e = emptied(corpus)
    reasons = Counter(re.sub(r"\d[\d,]*", "N", str(r))[:80] for r in corpus.skipped["reason"])
    rows = [
        f"| {name} | {len(corpus.docs):,} | {len(e)} | {len(corpus.skipped):,} | "
        + ("; ".join(f"{n} x {r}" for r, n in reasons.most_common(4)) or "-")
        + " |"
    ]
    rows += [f"|  emptied: {i} | {raw!r} | rules {why} | | |" for i, raw, why in e]
    return rows


# ----------------------------------------------------------------- headlines
def read_headlines(spec: str) -> tuple[str, Path, str, list[str]]:
    """(name, path, column, headlines) of ``FILE.csv[:COLUMN]``."""
    path_s, _, column = spec.partition(":")
    path = Path(path_s)
    column = column or "Headlines"
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    heads = [r[column] for r in csv.DictReader(io.StringIO(text)) if (r.get(column) or "").strip()]
    return path.stem, path, column, heads


def _words(text: str) -> Counter[str]:
    """The ``\\w+`` words of ``text`` with HTML character references read ("&amp;" is "&")
    and format characters (zero-width space, soft hyphen) dropped first: taking one out of
    "over\u200badventurous", or reading "Fox &amp; Friends", loses no word."""
    text = html_lib.unescape(text)
    return Counter(_WORD.findall("".join(ch for ch in text if unicodedata.category(ch) != "Cf")))


def changed_headlines(corpus: Any) -> list[tuple[str, str, str, str, bool]]:
    """(doc_id, raw, clean, log rules, lost) of every document whose text changed."""
    d, log = corpus.docs, corpus.cleaning_log
    out = []
    for doc_id, raw, text in zip(d["doc_id"], d["raw_text"], d["text"], strict=True):
        if str(raw).strip() == str(text).strip():
            continue
        rows = log[log["doc_id"] == doc_id]
        rules = "; ".join(f"{r}: {t!r}" for r, t in zip(rows["rule"], rows["text"], strict=True))
        lost = not str(text).strip() or _words(str(raw)) != _words(str(text))
        out.append((str(doc_id), str(raw), str(text), rules, lost))
    return out


def headline_tables(specs: list[str]) -> tuple[list[str], list[str], list[tuple[str, Any]]]:
    import corpus_tools as ct

    table = [
        "| set | loaded as | headlines | docs | not loaded | changed | lost | emptied | CPU s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    detail: list[str] = []
    corpora = []
    for spec in specs:
        name, path, column, heads = read_headlines(spec)
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            for i, h in enumerate(heads):
                (d / f"{i:05d}.txt").write_text(h + "\n", encoding="utf-8")
            for how, load in (
                ("table", lambda p=path, c=column: ct.load_corpus(p, text_column=c)),
                ("folder of .txt", lambda d=d: ct.load_corpus(d)),
            ):
                t = cpu()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    c = load()
                secs = cpu() - t
                ch = changed_headlines(c)
                n_lost = sum(1 for x in ch if x[4])
                n_empty = sum(1 for x in ch if not x[2].strip())
                skipped = list(zip(c.skipped["path"], c.skipped["reason"], strict=True))
                if how == "table":  # rows without a headline are no headline
                    skipped = [x for x in skipped if "missing text" not in str(x[1])]
                table.append(
                    f"| {name} | {how} | {len(heads):,} | {len(c.docs):,} | {len(skipped)} | "
                    f"{len(ch)} | {n_lost} | {n_empty} | {secs:.1f} |"
                )
                for path_s, reason in skipped:
                    detail.append(f"- {name} ({how}) {path_s} [NOT LOADED]: {reason}")
                for doc_id, raw, text, rules, lost in ch:
                    mark = "LOST" if lost else "same words"
                    detail.append(
                        f"- {name} ({how}) {doc_id} [{mark}] {raw!r} -> {text!r}: {rules}"
                    )
                corpora.append((f"{name} ({how})", c))
    return table, detail, corpora


# ----------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--snippets", type=Path, help="trafilatura's tests/ folder (evaldata.json, cache/, eval/)"
    )
    ap.add_argument("--part", choices=["dev", "heldout", "both"], default="dev")
    ap.add_argument("--headlines", nargs="*", default=[], metavar="FILE.csv[:COLUMN]")
    ap.add_argument(
        "--corpus",
        nargs="*",
        default=[],
        type=Path,
        help="more corpora to check for emptied documents",
    )
    ap.add_argument(
        "--bench-set",
        nargs="*",
        default=[],
        metavar="NAME=PATH",
        help="a set of bench_cleaning.py (l3s, readability, dragnet, utomo, cleanportal, modern, "
        "cleaneval) read by its loader: its pages as scraped text, checked for emptied documents",
    )
    ap.add_argument(
        "--aeb", type=Path, help="article-extraction-benchmark clone: its pages as scraped text"
    )
    ap.add_argument("--losses", type=int, default=200, help="print at most N loss lines per part")
    a = ap.parse_args(argv)
    import trafilatura

    import corpus_tools as ct

    print(f"corpus_tools {ct.__version__}, trafilatura {trafilatura.__version__}\n")
    to_check: list[tuple[str, Any]] = []
    if a.snippets:
        pages = load_snippet_pages(a.snippets)
        split = split_of(pages)
        check_split(pages, split)
        parts = ["dev", "heldout"] if a.part == "both" else [a.part]
        print("## HTML pages: trafilatura's evaluation snippets (evaldata.json)\n")
        head = [
            "| part | system | pages | F1 | precision | recall | token F1 | token P | token R | CPU s |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        body, notes = [], []
        for part in parts:
            mine = [p for p in pages if split[p["site"]] == part]
            out, corpora, secs = run_html(mine)
            body += html_table(part, mine, out, secs)
            g = gains(mine, out)
            ls = losses(mine, out, corpora)
            notes.append(
                f"\n### {part}: {len(mine)} pages of {len({p['site'] for p in mine})} sites"
            )
            notes.append(f"load_corpus gains over trafilatura alone: {dict(g)}")
            log = corpora["load_corpus"].cleaning_log
            rules = log[log["replacement"].fillna("") == ""]["rule"].value_counts()
            notes.append(
                f"text rules on the extracted text: {len(log):,} log rows; removals by rule: "
                + (", ".join(f"{r} {n}" for r, n in rules.items()) or "none")
            )
            notes += table_snippets(mine, out)
            notes += skipped_pages(mine, out, corpora)
            notes += ls[: a.losses + 1]
            to_check += [(f"snippets {part}, HTML ({n})", c) for n, c in corpora.items()]
            to_check.append((f"snippets {part}, as scraped text (load_corpus)", load_scraped(mine)))
        print("\n".join(head + body + notes))
    if a.headlines:
        table, detail, corpora = headline_tables(a.headlines)
        print("\n## Headline-only corpora\n")
        print("\n".join(table))
        print("\nEvery changed headline, with the log rows that changed it:")
        print("\n".join(detail) or "(none)")
        to_check += corpora
    for spec in a.bench_set:
        name, _, root = spec.partition("=")
        bench = _bench_cleaning()
        loaded = (
            bench.load_pages(Path(root))
            if name == "zyte"
            else getattr(bench, f"load_{name}")(Path(root))
        )
        to_check.append(
            (f"{name}, {len(loaded)} pages as scraped text (load_corpus)", load_scraped(loaded))
        )
    if a.aeb:
        aeb = _bench_cleaning().load_pages(a.aeb)
        to_check.append(
            (f"zyte AEB, {len(aeb)} pages as scraped text (load_corpus)", load_scraped(aeb))
        )
    for path in a.corpus:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            to_check.append((path.name, ct.load_corpus(path)))
    if to_check:
        print("\n## Documents emptied by cleaning (empty text, raw text with a letter)\n")
        print("| corpus | docs | emptied | skipped | skipped by reason |")
        print("|---|---|---|---|---|")
        for name, c in to_check:
            print("\n".join(emptied_rows(name, c)))
    print(f"\nCPU {cpu():.1f} s, peak {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
