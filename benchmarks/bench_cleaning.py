"""How much page chrome the cleaner removes on real pages, and how much article it keeps.

Usage::

    python benchmarks/bench_cleaning.py [PATH/TO/article-extraction-benchmark]
        [--l3s PATH/TO/L3S-GN1] [--readability READABILITY/test/test-pages]
        [--dragnet PATH/TO/dragnet_data] [--utomo PATH/TO/ir-research-data/Extraction]
        [--cleanportal PATH/TO/CleanPortalEval] [--modern PATH/TO/web-content-extraction-benchmark]
        [--cleaneval PATH/TO/cleaneval-final]
        [--set zyte|l3s|readability|dragnet|utomo|cleanportal|modern|cleaneval|all]
        [--render lxml|soup]
        [--html]
        [--part dev|heldout|both] [--snippets TRAFILATURA/tests] [--body-only DIR]
        [--losses N]

``--losses N`` ranks the decisions that remove the most article from the development
pages, with the article and chrome tokens each removes in each set (dev only).

Results: the raw output in ``benchmarks/RESULTS_cleaning.md``, the discussion,
with the number of looks at each held-out part, in ``docs/cleaning.md``.

Only the development part of each set is scored unless ``--part heldout`` (or
``both``) is given: a held-out part is scored once per version, as a whole.
Only the pages of the parts asked for are cleaned.

Eight sets of real pages with article text (``--set``, default ``zyte``; ``all`` scores
every set given, each on its own):

- ``cleaneval``: the CleanEval final test set (Baroni, Chantree, Kilgarriff & Sharoff
  2008; 2007 pages of every kind, mostly English, some Chinese; copy used:
  github.com/j-szulc/html-cleaning-dataset-merged, folder ``cleaneval-final``; research
  distribution, no licence file), CleanEval-format gold = all the running text of the
  page (every post of a blog's front page, a forum thread), not one article: recall is low
  by design. Loaded like ``cleanportal``; split by site
  (``benchmarks/cleaning_split_cleaneval.csv``); scored by ``all`` only when
  ``--cleaneval`` is given. Added in session 28 as a set never tuned on;
- ``zyte``: described below;
- ``modern``: Foley's Web Content Extraction Benchmark
  (github.com/Murrough-Foley/web-content-extraction-benchmark, Apache-2.0), 1,000 pages
  saved in 2025-2026 with article text written by a language model and checked by a
  person; kept: article and blog pages whose gold has 50+ words and is the page's own
  text (446 pages of 418 sites); split by site (``benchmarks/cleaning_split_modern.csv``,
  227 development pages, 219 held out); scored by ``all`` only when ``--modern`` is given
  (:func:`load_modern`);
- ``cleanportal``: CleanPortalEval (github.com/ppke-nlpg/CleanPortalEval; Endrédy &
  Novák 2013), 70 pages of four news sites and blogs, several pages a site, CleanEval-format
  gold; split by site (``benchmarks/cleaning_split_cleanportal.csv``); scored by ``all``
  only when ``--cleanportal`` is given (:func:`load_cleanportal`);
- ``readability``: the real pages among Mozilla Readability's test pages
  (https://github.com/mozilla/readability, ``test/test-pages/<name>/``, code
  Apache-2.0; each ``source.html`` a saved copy of a public web page, not stored
  here). Kept, by a rule fixed before any scoring: ``source.html`` of 10,000
  bytes or more (the hand-written unit-test pages are all under 4 KB) and an
  expected text of 50 words or more: 94 pages. The gold is the text of
  ``expected.html``, Readability's own output, **not** hand-made (a second
  extractor, checked by its maintainers). Split by site (the name before the
  public suffix of the page's canonical URL, else the page name without its
  number), recorded in ``benchmarks/cleaning_split_readability.csv``: 41
  development pages (36 sites), 53 held out (35 sites);
- ``dragnet``: the Dragnet data (Peters & Lecocq 2013; https://github.com/seomoz/dragnet_data,
  collected 2012, data licence AGPLv3; the copy in
  https://github.com/j-szulc/html-cleaning-dataset-merged, folder ``dragnet_data``,
  has ``input/<key>.html`` and ``GoldStandard/<key>.txt``; not stored here): saved
  news and blog pages with hand-corrected content; the article (before the comments
  marker line) is gold. Kept: articles of 50+ words (1,326 pages). Split by site
  (canonical URL's domain, else the link majority as for L3S), recorded in
  ``benchmarks/cleaning_split_dragnet.csv`` before any scoring: 713 development
  pages (220 sites), 613 held out (219 sites);
- ``utomo``: the 2017 pages of Utomo & Leu's web content extraction set
  (https://github.com/MSVCode/ir-research-data, folder ``Extraction``; terms:
  research use only, cite Utomo & Leu 2019, Multimedia Systems): ``chaos-all``
  (Google results for 36 queries, news and blog pages of about 240 sites) and
  ``big5-17`` (10 pages each of nine large news sites), each ``html/<name>.htm``
  with ``gold/<name>.txt``, the article text a person copied from the page
  (headline and standfirst included, unlike the Zyte and L3S gold). Kept: gold of
  50+ words (450 pages). Split by site (as for Dragnet; a page saved from the
  Wayback Machine counts for its own site), recorded in
  ``benchmarks/cleaning_split_utomo.csv`` before any scoring: 215 development
  pages, 235 held out; not stored here;
- ``l3s``: L3S-GN1 (Kohlschuetter, Fankhauser & Nejdl, WSDM 2010), 621 Google
  News article pages of 2008 from about 400 English-language sites, labelled
  block by block by human assessors (licence: research use only, granted by the
  L3S Research Center; http://www.L3S.de/~kohlschuetter/boilerplate/, a copy in
  https://github.com/geodrome/page-signal, folder
  ``L3S-GN1-20100130203947-00001``; not stored here). The gold is the text
  labelled *full text* (``x-nc-sel2``): headline, captions, related links and
  comments are not article body, as in the Zyte set. The page rendered is the
  assessors' DOM (the ``annotated/`` copy without the elements they marked
  invisible), since several ``original/`` files are bytes only a browser
  repairs. The pages carry no URL, so a page's site is the domain most of its
  links point to (leaving out domains linked from 25+ pages: share buttons, ad
  servers); pages are split **by site** (salted sha256 of the site, first half
  of the sites = development part, 274 pages; the rest held out, 347 pages),
  recorded in ``benchmarks/cleaning_split_l3s.csv`` before anything was scored.

The pages are the 181 news pages of the Zyte (Scrapinghub) article extraction
benchmark (https://github.com/scrapinghub/article-extraction-benchmark, MIT
licence): ``html/<key>.html.gz`` plus ``ground-truth.json`` with the hand-made
article body of every page. Nothing is downloaded: clone the repository
yourself and give its folder. None of its pages are stored in this
repository; ``benchmarks/cleaning_split.csv`` records which page is in which
part.

Each page is rendered to *crawler-style text* with lxml (scripts, styles and
other invisible elements dropped, every visible block on its own line), which
is what a scraped ``.txt`` export looks like; ``--render soup`` prints every
text node on its own line instead (BeautifulSoup ``get_text("\\n")``, what
scraping tutorials write: a paragraph with links comes out in pieces). Then:

- ``no cleaning``: the rendered text as it is;
- ``line rules``: ``load_corpus`` with the classifier and the learned
  templates turned off (``disable_categories=["block", "template"]``);
- ``full cleaner``: ``load_corpus`` with every default on (line rules, the
  text-block classifier, templates learned across the corpus by outlet = the
  page's host). The classifier's learned line model (``data/line_model.yml``)
  was fitted on the development parts of ``zyte`` and ``readability`` only
  (``tools/train_line_model.py``): their held-out parts, and both parts of the
  other three sets, are pages it never saw;
- with ``--html``, also the HTML page itself through ``load_corpus`` (trafilatura
  + the cleaning that is safe on extracted text) and trafilatura alone
  (``trafilatura.extract(html, include_comments=False)``, its defaults).

Scoring is the benchmark's own (its ``evaluate.py``): word 4-gram shingles of
``\\w+`` tokens, true/false positives and false negatives counted per page and
normalised per page, precision and recall averaged over pages, F1 the harmonic
mean of the two averages. The split was fixed before any tuning: pages sorted
by ``sha256("corpus_tools-cleaning-split-v1:" + key)``, the first half is the
development part (used while building the cleaner), the second half the
held-out part (only ever scored). The five seeds, with their hand-written
expected texts, are in-sample and printed separately.

``--snippets DIR`` adds a second, independent set: the ``tests`` folder of a
clone of trafilatura (https://github.com/adbar/trafilatura, Apache-2.0):
``evaldata.json`` lists, for about 990 web pages in ``cache/`` and ``eval/``
(many German, blogs and shops as well as news), text snippets that belong to
the main text (``with``) and snippets that do not (``without``). Each page is
rendered the same way and cleaned; a snippet counts as kept when it occurs in
the clean text (whitespace collapsed), as trafilatura's own evaluation does.
Only snippets present in the rendered text are scored.

``--body-only DIR`` adds a check that needs no gold: a folder of texts that
are all article (e.g. the 2,095 BBC News texts of
https://github.com/ZitRos/news-articles-dataset, MIT), where every character
the cleaner removes is a loss.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import html as html_lib
import json
import re
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPLIT_FILE = HERE / "cleaning_split.csv"
SALT = "corpus_tools-cleaning-split-v1:"

# ----------------------------------------------------------------- rendering
_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "head",
    "object",
    "embed",
    "canvas",
    "select",
}
_BLOCK = set(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend "
    "li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption "
    "option button label input textarea".split()
)
_WS = re.compile(r"\s+")


def _hidden(el) -> bool:  # noqa: ANN001
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def render_text(html: bytes | str) -> str:
    """Crawler-style text of an HTML page: one visible block per line."""
    import lxml.html

    if isinstance(html, bytes):
        try:
            html = html.decode("utf-8")
        except UnicodeDecodeError:
            html = html.decode("cp1252", errors="replace")
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    root = lxml.html.document_fromstring(html)
    lines: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        s = _WS.sub(" ", "".join(cur)).strip()
        if s:
            lines.append(s)
        cur.clear()

    def walk(el) -> None:  # noqa: ANN001
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag.lower() in _DROP or _hidden(el):
            if el.tail:
                cur.append(el.tail)
            return
        tag = tag.lower()
        block = tag in _BLOCK
        if block or tag == "br":
            flush()
        if el.text:
            cur.append(el.text)
        for ch in el:
            walk(ch)
        if block:
            flush()
        elif tag in ("td", "th"):
            cur.append(" ")
        if el.tail:
            cur.append(el.tail)

    walk(root)
    flush()
    return "\n".join(lines) + "\n"


def render_soup(html: bytes | str) -> str:
    """The other common crawler export: every text node on its own line.

    ``BeautifulSoup(html, "lxml")`` without scripts, styles and the other
    invisible elements, then ``get_text("\\n", strip=True)``: what scraping
    tutorials write. Unlike :func:`render_text`, inline elements break the line
    too, so a sentence with a link in it comes out as three lines ("The minister
    met" / "Joe Biden" / "on Monday."), and a bold lead-in stands alone.
    """
    from bs4 import BeautifulSoup

    if isinstance(html, bytes):
        try:
            html = html.decode("utf-8")
        except UnicodeDecodeError:
            html = html.decode("cp1252", errors="replace")
    soup = BeautifulSoup(re.sub(r"^\s*<\?xml[^>]*>", "", html), "lxml")
    for el in soup(sorted(_DROP)):
        el.decompose()
    for el in soup.find_all(_hidden):
        el.decompose()
    text = soup.get_text("\n", strip=True)
    return "\n".join(_WS.sub(" ", ln).strip() for ln in text.splitlines() if ln.strip()) + "\n"


RENDERERS = {"lxml": render_text, "soup": render_soup}


# ------------------------------------------------------------------- scoring
_TOKEN_RE = re.compile(r"\w+")


def _shingles(text: str, n: int = 4) -> Counter:
    toks = _TOKEN_RE.findall(text or "")
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """The benchmark's per-page shingle counts, normalised to sum to 1."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        a, b = t.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _prec(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _rec(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """F1, precision, recall (macro over pages, as the benchmark computes them)."""
    counts = [tp_fp_fn(t, p) for t, p in pairs]
    ps = [_prec(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_rec(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


# ---------------------------------------------------------------------- data
def load_pages(root: Path) -> list[dict[str, str]]:
    gt = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gt):
        path = root / "html" / f"{key}.html.gz"
        if not path.exists():
            raise SystemExit(f"{path}: missing; give the folder of a full clone of the benchmark.")
        url = gt[key].get("url", "")
        host = urlsplit(url).hostname or ""
        host = host[4:] if host.startswith("www.") else host
        pages.append(
            {
                "key": key,
                "host": host,
                "html": gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace"),
                "gold": gt[key].get("articleBody", ""),
            }
        )
    return pages


def split_of(keys: list[str]) -> dict[str, str]:
    """``key -> "dev" | "heldout"``: sorted by salted sha256, first half dev."""
    order = sorted(keys, key=lambda k: hashlib.sha256((SALT + k).encode()).hexdigest())
    half = (len(order) + 1) // 2
    return {k: ("dev" if i < half else "heldout") for i, k in enumerate(order)}


def check_split(split: dict[str, str]) -> None:
    """The committed split file must agree with the rule (it is the record of the split)."""
    if not SPLIT_FILE.exists():
        return
    with SPLIT_FILE.open(encoding="utf-8") as f:
        rec = {r["key"]: r["part"] for r in csv.DictReader(f)}
    if rec != split:
        raise SystemExit(f"{SPLIT_FILE}: differs from the split rule; do not re-split.")


def write_split(pages: list[dict[str, str]], split: dict[str, str]) -> None:
    with SPLIT_FILE.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "host", "part"])
        for p in sorted(pages, key=lambda p: (split[p["key"]], p["key"])):
            w.writerow([p["key"], p["host"], split[p["key"]]])


# ------------------------------------------------------- the L3S-GN1 news set
L3S_SPLIT_FILE = HERE / "cleaning_split_l3s.csv"
L3S_SALT = "corpus_tools-cleaning-split-l3s-v1:"
_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)
_SLD = {"co", "com", "org", "net", "ac", "gov", "edu", "nic"}
#: a link host on this many pages or more is a third party (share buttons, ad servers)
L3S_SHARED_HOST_PAGES = 25


def _domain(host: str) -> str:
    """Registrable part of a host: ``news.bbc.co.uk`` -> ``bbc.co.uk``."""
    parts = host.lower().split(":")[0].strip(".").split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SLD:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def l3s_sites(htmls: dict[str, str]) -> dict[str, str]:
    """``page id -> site``: the domain most of a page's absolute links point to.

    L3S-GN1 pages carry no URL, so the site is read from the page: its most
    frequent link domain, leaving out domains linked from 25 or more of the
    621 pages (social bookmarking buttons, ad servers, portals). A page with no
    such link is a site of its own. Pages of one site (or one newspaper group,
    whose pages link to the same domain) share their template, so they go to
    the same part of the split.
    """
    links: dict[str, Counter] = {}
    df: Counter = Counter()
    for key, html in htmls.items():
        c = Counter(_domain(urlsplit(u).hostname or "") for u in _HREF.findall(html))
        c.pop("", None)
        links[key] = c
        df.update(c.keys())
    out = {}
    for key, c in links.items():
        own = [(n, d) for d, n in c.items() if df[d] < L3S_SHARED_HOST_PAGES]
        out[key] = max(own, key=lambda t: (t[0], t[1]))[1] if own else f"page:{key}"
    return out


def l3s_gold(annotated: str) -> str:
    """The hand-labelled full text of an L3S-GN1 page (``x-nc-sel2`` spans), one block a line.

    Headline (``sel1``), supplemental text such as captions (``sel3``),
    related links (``sel4``) and comments (``sel5``) are not article body,
    as in the Zyte benchmark's ``articleBody``.
    """
    import lxml.html

    root = lxml.html.document_fromstring(annotated)
    blocks = []
    for el in root.iter():
        if not isinstance(el.tag, str) or "x-nc-sel2" not in (el.get("class") or ""):
            continue
        if any("x-nc-sel2" in (a.get("class") or "") for a in el.iterancestors()):
            continue
        text = _WS.sub(" ", el.text_content()).strip()
        if text:
            blocks.append(text)
    return "\n".join(blocks)


def l3s_page(annotated: str) -> str:
    """The page as the assessors' browser built it: the annotated copy without the
    elements they marked invisible (``x-nc-invisible``).

    The annotated copy is the browser's DOM (scripts emptied, the labels as
    ``<span>`` wrappers that do not change the line structure), so it renders
    the text the assessors saw. Several ``original/`` files are raw bytes a
    browser repairs but lxml does not (a truncated ``<html`` tag swallowing the
    body, the article inside an unclosed ``<title>``): rendered from them, six
    of the 274 development pages came out without any article text.
    """
    import lxml.html

    root = lxml.html.document_fromstring(annotated)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and "x-nc-invisible" in (el.get("class") or ""):
            if el.getparent() is not None:
                el.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def load_l3s(root: Path) -> list[dict[str, str]]:
    """The L3S-GN1 pages with article text: ``original/<id>.html`` + ``annotated/<id>.html``."""
    orig, ann = root / "original", root / "annotated"
    if not orig.is_dir() or not ann.is_dir():
        raise SystemExit(
            f"{root}: no original/ and annotated/ folders; give the L3S-GN1 folder "
            "(e.g. L3S-GN1-20100130203947-00001 of github.com/geodrome/page-signal)."
        )
    htmls, golds, pages = {}, {}, {}
    for path in sorted(orig.glob("*.html")):
        key = path.stem
        a = ann / path.name
        if not a.is_file():
            raise SystemExit(f"{a}: missing; every original page needs its annotated copy.")
        raw = path.read_bytes()
        try:
            htmls[key] = raw.decode("utf-8")
        except UnicodeDecodeError:
            htmls[key] = raw.decode("cp1252", errors="replace")
        annotated = a.read_bytes().decode("utf-8", errors="replace")
        golds[key] = l3s_gold(annotated)
        pages[key] = l3s_page(annotated)
    sites = l3s_sites(htmls)  # links are read from the crawled bytes
    return [
        {"key": k, "host": sites[k], "html": pages[k], "gold": golds[k]}
        for k in sorted(htmls)
        if len(_TOKEN_RE.findall(golds[k])) >= 4  # a page without article text has no gold
    ]


def site_split_of(pages: list[dict[str, str]], salt: str = L3S_SALT) -> dict[str, str]:
    """``key -> "dev" | "heldout"`` by site: sites in salted-sha256 order, the first half
    of the sites (and all their pages) is the development part."""
    sites = sorted(
        {p["host"] for p in pages}, key=lambda h: hashlib.sha256((salt + h).encode()).hexdigest()
    )
    half = (len(sites) + 1) // 2
    part = {h: ("dev" if i < half else "heldout") for i, h in enumerate(sites)}
    return {p["key"]: part[p["host"]] for p in pages}


_L3S_HEADER = [
    "# L3S-GN1 (Kohlschuetter, Fankhauser & Nejdl, WSDM 2010): 621 hand-labelled Google News",
    "# article pages from 408 sites, 2008. Source: http://www.L3S.de/~kohlschuetter/boilerplate/",
    "# (mirrored in github.com/geodrome/page-signal, folder L3S-GN1-20100130203947-00001).",
    "# Licence: L3S grants a non-exclusive, royalty-free licence for research use only; the pages",
    "# are not stored here. Split by site (salted sha256 of the site), fixed before any scoring.",
]


def read_split(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {r["key"]: r["part"] for r in rows}


def write_site_split(
    path: Path, header: list[str], pages: list[dict[str, str]], split: dict[str, str]
) -> None:
    """Write a by-site split file: ``header`` comment lines, then key, site, part rows."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\n".join(header) + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "site", "part"])
        for p in sorted(pages, key=lambda p: (split[p["key"]], p["host"], p["key"])):
            w.writerow([p["key"], p["host"], split[p["key"]]])


def check_l3s_split(split: dict[str, str]) -> None:
    if L3S_SPLIT_FILE.exists() and read_split(L3S_SPLIT_FILE) != split:
        raise SystemExit(f"{L3S_SPLIT_FILE}: differs from the split rule; do not re-split.")


# ------------------------------------------------ Mozilla Readability's test pages
RDB_SPLIT_FILE = HERE / "cleaning_split_readability.csv"
RDB_SALT = "corpus_tools-cleaning-split-readability-v1:"
#: the selection rule, fixed before any page was scored: a real page is a saved copy of a
#: whole web page (hand-written unit-test pages are all under 4 KB; the smallest saved
#: page, a blog post, is 10 KB) whose article has some length
RDB_MIN_SOURCE_BYTES = 10_000
RDB_MIN_GOLD_WORDS = 50
_CANONICAL = (
    re.compile(r"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)""", re.I),
    re.compile(r"""<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical""", re.I),
    re.compile(r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)""", re.I),
    re.compile(r"""<meta[^>]+content=["']([^"']+)["'][^>]*property=["']og:url""", re.I),
)


#: Shared-hosting domains: every subdomain is a site of its own (one blog each), so its
#: pages are given that subdomain as their outlet (templates are learned per blog, not
#: over all the blogs of the host). The first group is a subset of the private section of
#: the Public Suffix List (https://publicsuffix.org, github.com/publicsuffix/list at
#: e8c9a2b, MPL-2.0); the second are blog hosts that serve one blog a subdomain and are
#: not on that list. The split is not affected: it stays by site (the registrable domain).
SHARED_HOSTS = frozenset(
    {
        # Public Suffix List, private section
        "blogspot.com", "github.io", "gitlab.io", "hatenablog.com", "hatenablog.jp",
        "hatenadiary.jp", "wixsite.com", "webflow.io", "netlify.app", "vercel.app",
        "pages.dev", "herokuapp.com", "appspot.com", "myshopify.com", "readthedocs.io",
        # not on it: one blog a subdomain
        "wordpress.com", "tumblr.com", "typepad.com", "livejournal.com", "weebly.com",
        "substack.com",
    }
)  # fmt: skip


def page_outlet(html: str, site: str) -> str:
    """The outlet a page is loaded with: its site, or on a shared-hosting domain
    (:data:`SHARED_HOSTS`) the subdomain of its canonical URL (``<link rel=canonical>``
    or ``og:url``): ``https://ann.blogspot.com/2012/x.html`` -> ``ann.blogspot.com``.

    >>> page_outlet('<link rel="canonical" href="http://www.ann.blogspot.com/x">', "blogspot.com")
    'ann.blogspot.com'
    >>> page_outlet('<link rel="canonical" href="http://www.bbc.co.uk/x">', "bbc.co.uk")
    'bbc.co.uk'
    """
    if site not in SHARED_HOSTS:
        return site
    for rx in _CANONICAL:
        m = rx.search(html)
        host = (urlsplit(m.group(1)).hostname or "").lower() if m else ""
        if host.endswith("." + site):
            labels = host[: -len(site) - 1].split(".")
            return f"{labels[-1]}.{site}" if labels[-1] not in ("www", "m") else site
    return site


def rdb_site(name: str, source: str) -> str:
    """The site of a Readability test page: the organisation of its canonical URL.

    The name before the public suffix of the page's ``<link rel=canonical>`` or
    ``og:url`` (``www.nytimes.com`` -> ``nytimes``, ``blog.nightly.mozilla.org``
    -> ``mozilla``); a page without one is named after its site already, with a
    number when there are several (``webmd-2`` -> ``webmd``).
    """
    for rx in _CANONICAL:
        m = rx.search(source)
        host = urlsplit(m.group(1)).hostname if m else None
        if host:
            return _domain(host).split(".")[0]
    return re.sub(r"-\d+$", "", name)


def load_readability(root: Path) -> list[dict[str, str]]:
    """Real pages of Mozilla Readability's tests (``test/test-pages/<name>/``).

    ``source.html`` is a saved copy of a public web page, ``expected.html`` what
    Readability extracts from it (its article text: **not** hand-made gold, but a
    second extractor's output that its maintainers check by eye). Kept: pages of
    at least ``RDB_MIN_SOURCE_BYTES`` whose expected text has at least
    ``RDB_MIN_GOLD_WORDS`` words; the small pages are hand-written unit tests of
    one feature ("ol", "invalid-attributes", "005-unescape-html-entities").
    """
    if not root.is_dir() or not any(root.glob("*/source.html")):
        raise SystemExit(
            f"{root}: no <name>/source.html; give the test/test-pages folder of a clone "
            "of github.com/mozilla/readability."
        )
    pages = []
    for d in sorted(p for p in root.iterdir() if (p / "source.html").is_file()):
        exp = d / "expected.html"
        if not exp.is_file() or (d / "source.html").stat().st_size < RDB_MIN_SOURCE_BYTES:
            continue
        source = (d / "source.html").read_bytes().decode("utf-8", errors="replace")
        gold = render_text(exp.read_bytes())
        if len(_TOKEN_RE.findall(gold)) < RDB_MIN_GOLD_WORDS:
            continue
        pages.append(
            {"key": d.name, "host": rdb_site(d.name, source), "html": source, "gold": gold}
        )
    return pages


_RDB_HEADER = [
    "# Mozilla Readability test pages (github.com/mozilla/readability, test/test-pages/<key>/,",
    "# code Apache-2.0; each source.html is a saved copy of a public web page, not stored here).",
    "# Gold = the text of expected.html, Readability's own output (not hand-made).",
    "# Kept: source.html >= 10,000 bytes and expected text >= 50 words (rule fixed before scoring).",
    "# Split by site (salted sha256 of the site), fixed before any scoring.",
]


# ------------------------------------------------------------ the Dragnet set
DRG_SPLIT_FILE = HERE / "cleaning_split_dragnet.csv"
DRG_SALT = "corpus_tools-cleaning-split-dragnet-v1:"
#: the line between article and comments in a gold file, typed by hand: mostly
#: "!@#$%^&*()  COMMENTS", also "@#$%^&*() COMMENTS", "!@ $%^&*()  COMMENTS", ...
DRG_COMMENTS = re.compile(r"^[^\w\n]*[%^&*]{2,}[^\w\n]*COMMENTS[ \t\r]*$", re.M)
#: selection rule, fixed before any page was scored: the article has some length
DRG_MIN_GOLD_WORDS = 50


def _decode(raw: bytes) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # five Dragnet gold files are UTF-16
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def dragnet_sites(htmls: dict[str, str]) -> dict[str, str]:
    """``page id -> site``: the registrable domain of the page's canonical URL
    (``<link rel=canonical>`` or ``og:url``), else the domain most of its links
    point to (as for L3S-GN1). Pages of one site share a template, so they go to
    the same part of the split."""
    by_links = l3s_sites(htmls)
    out = {}
    for key, html in htmls.items():
        host = None
        for rx in _CANONICAL:
            m = rx.search(html)
            host = urlsplit(m.group(1)).hostname if m else None
            if host:
                break
        out[key] = _domain(host) if host else by_links[key]
    return out


def _page_records(
    htmls: dict[str, str], golds: dict[str, str], sites: dict[str, str]
) -> list[dict[str, str]]:
    """One record a page: its key, site, outlet (as the bench loads it), HTML and gold."""
    return [
        {
            "key": k,
            "host": sites[k],
            "outlet": page_outlet(htmls[k], sites[k]),
            "html": htmls[k],
            "gold": golds[k],
        }
        for k in htmls
    ]


def load_dragnet(root: Path) -> list[dict[str, str]]:
    """The Dragnet pages (Peters & Lecocq, WWW 2013 companion; data collected 2012).

    ``input/<key>.html`` is the saved page, ``GoldStandard/<key>.txt`` the
    hand-corrected content, the article first and reader comments after a
    line like ``!@#$%^&*()  COMMENTS`` (:data:`DRG_COMMENTS`); only the article is gold (comments are not
    article body, as in the other sets). Kept: pages whose article has at least
    ``DRG_MIN_GOLD_WORDS`` words.
    """
    inp, gold_dir = root / "input", root / "GoldStandard"
    if not inp.is_dir() or not gold_dir.is_dir():
        raise SystemExit(
            f"{root}: no input/ and GoldStandard/ folders; give the dragnet_data folder "
            "(of github.com/j-szulc/html-cleaning-dataset-merged, or seomoz/dragnet_data's "
            "HTML/ and Corrected/ renamed)."
        )
    htmls, golds = {}, {}
    for path in sorted(inp.glob("*.html")):
        g = gold_dir / f"{path.stem}.txt"
        if not g.is_file():
            raise SystemExit(f"{g}: missing; every page needs its gold text.")
        gold = DRG_COMMENTS.split(_decode(g.read_bytes()), maxsplit=1)[0]
        if len(_TOKEN_RE.findall(gold)) < DRG_MIN_GOLD_WORDS:
            continue
        htmls[path.stem], golds[path.stem] = _decode(path.read_bytes()), gold
    sites = dragnet_sites(htmls)
    return _page_records(htmls, golds, sites)


_DRG_HEADER = [
    "# Dragnet data (Peters & Lecocq 2013; github.com/seomoz/dragnet_data, collected 2012, data",
    "# licence AGPLv3; used via the copy in github.com/j-szulc/html-cleaning-dataset-merged,",
    "# folder dragnet_data). Pages are not stored here. Gold = the hand-corrected content before",
    "# the comments marker. Kept: article >= 50 words (rule fixed before scoring).",
    "# Split by site (salted sha256 of the site), fixed before any scoring.",
]


# --------------------------------------- the Utomo & Leu extraction set (2017)
UTM_SPLIT_FILE = HERE / "cleaning_split_utomo.csv"
UTM_SALT = "corpus_tools-cleaning-split-utomo-v1:"
#: the folders used: the 2017 pages only (Google results for 36 queries, about 240
#: sites; and 10 pages each of nine large news sites), fixed before any scoring
UTM_FOLDERS = ("chaos-all", "big5-17")
UTM_MIN_GOLD_WORDS = 50


def load_utomo(root: Path) -> list[dict[str, str]]:
    """The 2017 pages of Utomo & Leu's web content extraction set (``--utomo``).

    ``root`` is the ``Extraction`` folder of github.com/MSVCode/ir-research-data
    ("only for research purpose"): ``<folder>/html/<name>.htm(l)`` is a saved page,
    ``<folder>/gold/<name>.txt`` the article text a person copied from it (headline
    and standfirst included). Kept: the folders of :data:`UTM_FOLDERS` and pages whose
    gold has at least ``UTM_MIN_GOLD_WORDS`` words. The site is read as for Dragnet.
    """
    htmls, golds = {}, {}
    for folder in UTM_FOLDERS:
        hdir, gdir = root / folder / "html", root / folder / "gold"
        if not hdir.is_dir() or not gdir.is_dir():
            raise SystemExit(
                f"{root}: no {folder}/html and {folder}/gold; give the Extraction folder "
                "of github.com/MSVCode/ir-research-data."
            )
        for path in sorted(hdir.iterdir()):
            if path.suffix not in (".htm", ".html"):
                continue
            g = gdir / f"{path.stem}.txt"
            if not g.is_file():
                continue
            gold = _decode(g.read_bytes())
            if len(_TOKEN_RE.findall(gold)) < UTM_MIN_GOLD_WORDS:
                continue
            key = f"{folder}/{path.stem}"
            htmls[key], golds[key] = _decode(path.read_bytes()), gold
    sites = dragnet_sites(htmls)
    for key, html in htmls.items():  # a copy saved from the Wayback Machine: the page's own site
        m = _WAYBACK.search(html)
        if sites[key] == "archive.org" and m:
            sites[key] = _domain(urlsplit(m.group(1)).hostname or "")
    return _page_records(htmls, golds, sites)


_WAYBACK = re.compile(r"""archive\.org/web/\d+/(https?://[^"'\s>]+)""")
_UTM_HEADER = [
    "# Utomo & Leu web content extraction set (github.com/MSVCode/ir-research-data, folder",
    "# Extraction; terms: research use only, cite Utomo & Leu 2019, Multimedia Systems,",
    "# doi:10.1007/s00530-019-00638-4). Pages of 2017: chaos-all (Google results for 36 queries)",
    "# and big5-17 (10 pages each of nine news sites). Pages are not stored here. Gold = the",
    "# article text a person copied from the page. Kept: gold >= 50 words (rule fixed before",
    "# scoring). Split by site (salted sha256 of the site), fixed before any scoring.",
]


# ------------------------------------------- CleanPortalEval (Endrédy & Novák 2013)
CPE_SPLIT_FILE = HERE / "cleaning_split_cleanportal.csv"
CPE_SALT = "corpus_tools-cleaning-split-cleanportal-v1:"
CPE_MIN_GOLD_WORDS = 50
_CPE_URL = re.compile(r"^\s*URL:.*$", re.M)
_CPE_TAG = re.compile(r"<[phl]>", re.I)
_CPE_ID = re.compile(r"""<text id=["']([^"']+)""")


def load_cleanportal(root: Path) -> list[dict[str, str]]:
    """The pages of CleanPortalEval (``--cleanportal``): github.com/ppke-nlpg/CleanPortalEval.

    ``input/<name>.html`` is a saved page (wrapped in ``<text id="URL">``),
    ``GoldStandard/<name>.txt`` its clean text in CleanEval's format (``URL:`` line, then
    segments marked ``<p>``, ``<h>``, ``<l>``; the marks are dropped, character references
    unescaped). 70 pages of four sites, several pages a site (made for template-learning
    methods). The site is the registrable domain of the page's URL. Kept: gold of at least
    ``CPE_MIN_GOLD_WORDS`` words (rule fixed before scoring).
    """
    inp, gold_dir = root / "input", root / "GoldStandard"
    if not inp.is_dir() or not gold_dir.is_dir():
        raise SystemExit(f"{root}: no input/ and GoldStandard/ folders (CleanPortalEval clone).")
    pages = []
    for path in sorted(inp.glob("*.html")):
        g = gold_dir / f"{path.stem}.txt"
        if not g.is_file():
            continue
        raw = _decode(g.read_bytes())
        gold = html_lib.unescape(_CPE_TAG.sub("\n", _CPE_URL.sub("", raw)))
        if len(_TOKEN_RE.findall(gold)) < CPE_MIN_GOLD_WORDS:
            continue
        page = _decode(path.read_bytes())
        m = _CPE_ID.search(page[:2000])
        host = (urlsplit(m.group(1)).hostname or "") if m else ""
        site = _domain(host) if host else path.stem.rsplit("_", 2)[0]
        pages.append({"key": path.stem, "host": site, "html": page, "gold": gold})
    return pages


_CPE_HEADER = [
    "# CleanPortalEval (github.com/ppke-nlpg/CleanPortalEval at 517726d; Endrédy & Novák 2013,",
    "# Polibits 48; no licence file: cite the paper). 70 pages of four sites. Pages are not",
    "# stored here. Gold = the CleanEval-format clean text, marks dropped. Kept: gold >= 50 words",
    "# (rule fixed before scoring). Split by site (salted sha256 of the site), fixed before any",
    "# scoring.",
]


# ------------------------------- CleanEval's final test set (2008), a set never tuned on
CEV_SPLIT_FILE = HERE / "cleaning_split_cleaneval.csv"
CEV_SALT = "corpus_tools-cleaning-split-cleaneval-v1:"
_CEV_HEADER = [
    "# CleanEval final test set (Baroni, Chantree, Kilgarriff & Sharoff 2008, LREC; copy:",
    "# github.com/j-szulc/html-cleaning-dataset-merged at 46e01a0, folder cleaneval-final,",
    "# mirrored from cleaneval.sigwac.org.uk; research distribution, no licence file: cite the",
    "# paper). Pages are not stored here. Gold = the CleanEval-format clean text (all running",
    "# text of the page), marks dropped; loaded by load_cleanportal (gold >= 50 words). Split by",
    "# site (salted sha256 of the site), written in session 28 after the whole set had been",
    "# scored three times as a whole (no page looked at, nothing tuned on it).",
]


# ------------------------------- Foley's modern web content extraction set (2026)
MOD_SPLIT_FILE = HERE / "cleaning_split_modern.csv"
MOD_SALT = "corpus_tools-cleaning-split-modern-v1:"
#: the selection rule, fixed before any page was scored: article pages (news, blog posts,
#: guides; not shops, forums, docs or listings), an article of some length, and gold whose
#: text is in the page (at least 0.8 of its 4-grams in the rendered page: the gold was
#: written by a language model and checked by a person; on 6 of 452 article pages it is
#: not the page's own text, or the text is built by scripts)
MOD_PAGE_TYPES = ("article", "blog")
MOD_MIN_GOLD_WORDS = 50
MOD_MIN_GOLD_IN_PAGE = 0.8


def load_modern(root: Path) -> list[dict[str, str]]:
    """The article pages of Foley's web content extraction benchmark (``--modern``).

    github.com/Murrough-Foley/web-content-extraction-benchmark (copy used:
    github.com/tiptopjaw/web-content-extraction-benchmark at 977613a; Apache-2.0): 1,000
    pages saved in 2025-2026, ``release/html/<id>.html.gz``, and
    ``benchmark/ground-truth/<id>.json`` with the page's URL, its type, and the article
    text (``ground_truth.main_content``, title apart, as in the Zyte set: written by a
    language model, checked by a person). ``root`` is the clone's folder. Kept: pages
    of a type in :data:`MOD_PAGE_TYPES` whose gold has at least ``MOD_MIN_GOLD_WORDS``
    words and is the page's own text (:data:`MOD_MIN_GOLD_IN_PAGE`). The site is the
    registrable domain of the URL (a blog on a shared host is loaded with its own
    outlet, as for Dragnet).
    """
    gdir, hdir = root / "benchmark" / "ground-truth", root / "release" / "html"
    if not gdir.is_dir() or not hdir.is_dir():
        raise SystemExit(
            f"{root}: no benchmark/ground-truth/ and release/html/; give the folder of a "
            "clone of github.com/Murrough-Foley/web-content-extraction-benchmark."
        )
    htmls, golds, sites = {}, {}, {}
    for g in sorted(gdir.glob("*.json")):
        d = json.loads(g.read_text(encoding="utf-8"))
        kind = ((d.get("_internal") or {}).get("page_type") or {}).get("primary")
        gold = (d.get("ground_truth") or {}).get("main_content") or ""
        if kind not in MOD_PAGE_TYPES or len(_TOKEN_RE.findall(gold)) < MOD_MIN_GOLD_WORDS:
            continue
        path = hdir / f"{g.stem}.html.gz"
        if not path.is_file():
            raise SystemExit(f"{path}: missing; every page needs its HTML.")
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        if _rec(*tp_fp_fn(gold, render_text(html))) < MOD_MIN_GOLD_IN_PAGE:
            continue
        htmls[g.stem], golds[g.stem] = html, gold
        sites[g.stem] = _domain(urlsplit(d.get("url") or "").hostname or g.stem)
    return _page_records(htmls, golds, sites)


_MOD_HEADER = [
    "# Foley, Web Content Extraction Benchmark (2026): github.com/Murrough-Foley/",
    "# web-content-extraction-benchmark, copy used github.com/tiptopjaw/web-content-extraction-",
    "# benchmark at 977613a; licence Apache-2.0. 1,000 pages saved 2025-2026; gold article text",
    "# written by a language model and checked by a person. Pages are not stored here. Kept:",
    "# page type article/blog, gold >= 50 words, >= 0.8 of the gold's 4-grams in the rendered",
    "# page (rule fixed before scoring). Split by site (salted sha256 of the site), fixed",
    "# before any scoring.",
]


# ----------------------------------------------------------------- systems
def _load_folder(
    pages: list[dict[str, str]], texts: dict[str, str], ext: str, **kw: object
) -> dict[str, str]:
    c = _load_corpus(pages, texts, ext, **kw)
    out = dict(zip(c.docs["doc_id"], c.docs["text"], strict=True))
    return {p["key"]: out.get(p["key"].replace("/", "__"), "") for p in pages}


def _load_corpus(pages: list[dict[str, str]], texts: dict[str, str], ext: str, **kw: object):  # noqa: ANN202
    """``load_corpus`` of the pages saved as files (doc_id: the key, ``/`` as ``__``),
    with the page's site as its outlet (templates are learned per site)."""
    import corpus_tools as ct

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        with (d / "metadata.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["file", "outlet"])
            for p in pages:
                name = p["key"].replace("/", "__")  # a key may name a subfolder
                (d / f"{name}{ext}").write_text(texts[p["key"]], encoding="utf-8")
                w.writerow([f"{name}{ext}", p.get("outlet", p["host"])])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ct.load_corpus(d, **kw)  # type: ignore[arg-type]


def run_systems(
    pages: list[dict[str, str]], html: bool, render: str = "lxml"
) -> dict[str, dict[str, str]]:
    import corpus_tools as ct

    rendered = {p["key"]: RENDERERS[render](p["html"]) for p in pages}
    systems = {"text: no cleaning": rendered}
    systems["text: line rules"] = _load_folder(
        pages, rendered, ".txt", rules=ct.load_rules(disable_categories=["block", "template"])
    )
    systems["text: full cleaner"] = _load_folder(pages, rendered, ".txt")
    if html:
        import trafilatura

        systems["html: trafilatura alone"] = {
            p["key"]: trafilatura.extract(p["html"], include_comments=False) or "" for p in pages
        }
        systems["html: load_corpus"] = _load_folder(
            pages, {p["key"]: p["html"] for p in pages}, ".html"
        )
    return systems


def _gold_tokens(raw: str, gold: str) -> tuple[list[int], list[bool]]:
    """Start offsets of the raw text's tokens, and whether each is article: covered by a
    4-gram of tokens that the gold text also has (the unit of the score)."""
    toks = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(raw)]
    g = _TOKEN_RE.findall(gold or "")
    grams = {tuple(g[i : i + 4]) for i in range(max(1, len(g) - 3))}
    words = [t for _, t in toks]
    mark = [False] * len(words)
    for j in range(max(1, len(words) - 3)):
        if tuple(words[j : j + 4]) in grams:
            mark[j : j + 4] = [True] * len(mark[j : j + 4])
    return [o for o, _ in toks], mark


def _decision(rule: str, detail: str) -> str:
    """A log row's decision: the rule, and for the classifier the kind of line it judged
    (its reason without numbers: "short", "in a teaser list", "date/time stamp")."""
    if not rule.startswith("block:") or rule == "block:comments":
        return rule
    reason = detail.split(";")[-1].strip()
    if "teaser list" in detail:
        reason = "in a teaser list"
    # one word or many: one decision ("short: 1 word", "short: 3 words")
    reason = re.sub(r"\b1 word\b", "1 words", reason)
    return f"{rule} ({re.sub(r'[0-9.]+', 'N', reason)[:30]})"


def losses_table(sets: list[tuple[str, list[dict[str, str]], dict[str, str]]], n: int) -> list[str]:
    """What each decision of the full cleaner removes from the development pages: the
    article tokens (lost recall, also as macro-recall points: the mean over pages of
    the share of the page's article it removed) and the chrome tokens, per set; ranked
    by the mean of the sets' recall points. ``sets article > chrome`` counts the sets in
    which the decision removes more article than chrome: a change that helps one set
    only helps only where the rules were tuned."""
    import bisect
    from collections import defaultdict

    names = [s for s, _, _ in sets]
    art: dict[tuple[str, str], int] = defaultdict(int)
    chrome: dict[tuple[str, str], int] = defaultdict(int)
    points: dict[tuple[str, str], float] = defaultdict(float)
    npages: dict[str, int] = {}
    for set_name, all_pages, split in sets:
        pages = [p for p in all_pages if split[p["key"]] == "dev"]
        npages[set_name] = len(pages)
        texts = {p["key"]: RENDERERS["lxml"](p["html"]) for p in pages}
        c = _load_corpus(pages, texts, ".txt")
        raw = dict(zip(c.docs["doc_id"], c.docs["raw_text"], strict=True))
        rows = defaultdict(list)
        for r in c.cleaning_log.itertuples():
            if not r.replacement:
                rows[r.doc_id].append(r)
        for p in pages:
            doc = p["key"].replace("/", "__")
            starts, mark = _gold_tokens(raw.get(doc, ""), p["gold"])
            total = max(1, sum(mark))
            for r in rows.get(doc, ()):
                a, b = bisect.bisect_left(starts, r.start), bisect.bisect_left(starts, r.end)
                key = (_decision(r.rule, r.detail or ""), set_name)
                gold = sum(mark[a:b])
                art[key] += gold
                chrome[key] += b - a - gold
                points[key] += 100 * gold / total / len(pages)
    decisions = {d for d, _ in art}
    mean = {d: sum(points[d, s] for s in names) / len(names) for d in decisions}
    head = " | ".join(f"{s} article/chrome" for s in names)
    out = [
        f"| decision | recall points lost, mean | {head} | sets article > chrome |",
        "|---|---:|" + "---:|" * len(names) + "---:|",
    ]
    for d in sorted(decisions, key=lambda d: -mean[d])[:n]:
        cells = " | ".join(f"{art[d, s]}/{chrome[d, s]}" for s in names)
        wins = sum(art[d, s] > chrome[d, s] for s in names if art[d, s] + chrome[d, s])
        seen = sum(1 for s in names if art[d, s] + chrome[d, s])
        out.append(f"| {d} | {mean[d]:.2f} | {cells} | {wins} of {seen} |")
    return out


def seeds_table() -> list[str]:
    import corpus_tools as ct

    c = ct.load_corpus(ROOT / "seeds")
    pairs = []
    for doc_id, text in zip(c.docs["doc_id"], c.docs["text"], strict=True):
        exp = (ROOT / "tests" / "expected" / f"{doc_id}.txt").read_text(encoding="utf-8")
        pairs.append((exp, text))
    raw = [(e, r) for (e, _), r in zip(pairs, c.docs["raw_text"], strict=True)]
    out = []
    for name, ps in (("seeds: no cleaning", raw), ("seeds: full cleaner", pairs)):
        m = score(ps)
        exact = sum(e.strip() == t.strip() for e, t in ps)
        out.append(
            f"| {name} | in-sample | {len(ps)} | {m['f1']:.3f} | {m['precision']:.3f} | "
            f"{m['recall']:.3f} | {exact}/{len(ps)} |"
        )
    return out


def body_only_table(folder: Path) -> list[str]:
    """Share of characters removed from texts that are all article (no chrome at all).

    Every line of such a corpus is body, so whatever the classifier or the
    rules remove is a recall loss: a check of the cleaner on real articles
    that needs no gold. Files are read as they are (``*.txt``, recursively).
    """
    from corpus_tools.clean import clean_text

    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise SystemExit(f"{folder}: no .txt files; give a folder of article texts.")
    total = by_block = by_rule = 0
    docs_hit = 0
    for f in files:
        raw = f.read_text(encoding="utf-8", errors="replace")
        _clean, rows = clean_text(raw)
        total += len(raw)
        dels = [r for r in rows if r["replacement"] == "" and r["text"].strip()]
        blk = sum(len(r["text"]) for r in dels if r["category"] == "block")
        by_block += blk
        by_rule += sum(len(r["text"]) for r in dels if r["category"] != "block")
        docs_hit += blk > 0
    return [
        f"| body-only texts ({folder.name}) | {len(files)} | characters removed by the "
        f"classifier {by_block / total:.4f} (in {docs_hit} documents), by other steps "
        f"{by_rule / total:.4f} |"
    ]


def snippet_table(folder: Path) -> list[str]:
    """Snippet recall and precision on trafilatura's evaluation pages (``--snippets``)."""
    from corpus_tools.clean import clean_text

    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    counts = {"no cleaning": [0, 0, 0, 0], "full cleaner": [0, 0, 0, 0]}  # tp fp fn tn
    n_pages = 0
    for item in data.values():
        path = next(
            (
                folder / d / item["file"]
                for d in ("cache", "eval")
                if (folder / d / item["file"]).is_file()
            ),
            None,
        )
        if path is None:
            continue
        rendered = render_text(path.read_bytes())
        n_pages += 1
        for name, text in (("no cleaning", rendered), ("full cleaner", clean_text(rendered)[0])):
            got, have = _WS.sub(" ", text), _WS.sub(" ", rendered)
            c = counts[name]
            for key, pos in (("with", True), ("without", False)):
                for snip in item[key]:
                    sn = _WS.sub(" ", snip).strip()
                    if sn not in have:
                        continue
                    hit = sn in got
                    c[(0 if hit else 2) if pos else (1 if hit else 3)] += 1
    rows = []
    for name, (tp, fp, fn, tn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.append(
            f"| snippets: {name} | {n_pages} pages | {f:.3f} | {p:.3f} | {r:.3f} | "
            f"chrome snippets removed {tn / (tn + fp) if tn + fp else 0.0:.3f} |"
        )
    return rows


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "benchmark", type=Path, nargs="?", help="folder of the article-extraction-benchmark"
    )
    ap.add_argument("--l3s", type=Path, default=None, help="folder of the L3S-GN1 pages")
    ap.add_argument(
        "--set",
        choices=[
            "zyte",
            "l3s",
            "readability",
            "dragnet",
            "utomo",
            "cleanportal",
            "modern",
            "cleaneval",
            "all",
        ],
        default="zyte",
        help="which page set to score (default zyte; all = every set, each apart)",
    )
    ap.add_argument(
        "--readability", type=Path, default=None, help="Readability's test/test-pages folder"
    )
    ap.add_argument("--dragnet", type=Path, default=None, help="folder of the Dragnet pages")
    ap.add_argument(
        "--utomo", type=Path, default=None, help="Extraction folder of MSVCode/ir-research-data"
    )
    ap.add_argument(
        "--cleanportal",
        type=Path,
        default=None,
        help="folder of CleanPortalEval (input/, GoldStandard/); with --set all, scored when given",
    )
    ap.add_argument(
        "--modern",
        type=Path,
        default=None,
        help="folder of Foley's web-content-extraction-benchmark clone; with --set all, "
        "scored when given",
    )
    ap.add_argument(
        "--cleaneval",
        type=Path,
        default=None,
        help="CleanEval's final test set (input/, GoldStandard/); with --set all, scored when given",
    )
    ap.add_argument(
        "--render",
        choices=sorted(RENDERERS),
        default="lxml",
        help="how pages become scraped text: lxml = one visible block a line (default), "
        "soup = one text node a line (BeautifulSoup get_text)",
    )
    ap.add_argument("--html", action="store_true", help="also score the HTML path")
    ap.add_argument(
        "--part",
        choices=["dev", "heldout", "both"],
        default="dev",
        help="which part of each set to score (default dev; a held-out part only when a "
        "version is final, and only as a whole)",
    )
    ap.add_argument("--write-split", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--worst", type=int, default=0, help="list the N worst dev pages")
    ap.add_argument(
        "--losses",
        type=int,
        default=0,
        help="rank the N decisions of the full cleaner that remove the most article from "
        "the development pages (article and chrome tokens per set); dev only",
    )
    ap.add_argument(
        "--body-only",
        type=Path,
        default=None,
        help="also report what cleaning removes from a folder of texts that are all article",
    )
    ap.add_argument(
        "--snippets",
        type=Path,
        default=None,
        help="also score trafilatura's tests/ folder (evaldata.json with/without snippets)",
    )
    a = ap.parse_args(argv)
    if a.losses and a.part != "dev":
        ap.error("--losses reads the development parts only (a held-out part is scored whole)")
    if a.set in ("zyte", "all") and a.benchmark is None:
        ap.error("give the folder of the article-extraction-benchmark (or --set l3s)")
    if a.set in ("l3s", "all") and a.l3s is None:
        ap.error("give the L3S-GN1 folder with --l3s PATH (or --set zyte)")
    if a.set in ("readability", "all") and a.readability is None:
        ap.error("give Readability's test/test-pages folder with --readability PATH")
    if a.set in ("dragnet", "all") and a.dragnet is None:
        ap.error("give the Dragnet folder (input/, GoldStandard/) with --dragnet PATH")
    if a.set == "cleanportal" and a.cleanportal is None:
        ap.error("give the CleanPortalEval folder with --cleanportal PATH")
    if a.set == "modern" and a.modern is None:
        ap.error("give the web-content-extraction-benchmark folder with --modern PATH")
    if a.set == "cleaneval" and a.cleaneval is None:
        ap.error("give CleanEval's final test set folder with --cleaneval PATH")
    if a.set in ("utomo", "all") and a.utomo is None:
        ap.error("give the Extraction folder of MSVCode/ir-research-data with --utomo PATH")
    return a


def _sets(a: argparse.Namespace) -> list[tuple[str, list[dict[str, str]], dict[str, str]]]:
    """``(name, pages, split)`` of every set asked for; each split checked against its file."""
    out = []
    if a.set in ("zyte", "all"):
        pages = load_pages(a.benchmark)
        split = split_of([p["key"] for p in pages])
        if a.write_split:
            write_split(pages, split)
        check_split(split)
        out.append(("zyte", pages, split))
    if a.set in ("l3s", "all"):
        pages = load_l3s(a.l3s)
        split = site_split_of(pages)
        if a.write_split and not L3S_SPLIT_FILE.exists():
            write_site_split(L3S_SPLIT_FILE, _L3S_HEADER, pages, split)
        check_l3s_split(split)
        out.append(("l3s", pages, split))
    frozen = (
        ("readability", load_readability, a.readability, RDB_SALT, RDB_SPLIT_FILE, _RDB_HEADER),
        ("dragnet", load_dragnet, a.dragnet, DRG_SALT, DRG_SPLIT_FILE, _DRG_HEADER),
        ("utomo", load_utomo, a.utomo, UTM_SALT, UTM_SPLIT_FILE, _UTM_HEADER),
        ("cleanportal", load_cleanportal, a.cleanportal, CPE_SALT, CPE_SPLIT_FILE, _CPE_HEADER),
        ("modern", load_modern, a.modern, MOD_SALT, MOD_SPLIT_FILE, _MOD_HEADER),
        ("cleaneval", load_cleanportal, a.cleaneval, CEV_SALT, CEV_SPLIT_FILE, _CEV_HEADER),
    )
    for name, load, folder, salt, split_file, header in frozen:
        if name in ("cleanportal", "modern", "cleaneval") and a.set == "all" and folder is None:
            continue  # the sixth to eighth sets are optional in --set all
        if a.set in (name, "all"):
            pages = load(folder)
            split = site_split_of(pages, salt)
            if a.write_split and not split_file.exists():
                write_site_split(split_file, header, pages, split)
            if split_file.exists() and read_split(split_file) != split:
                raise SystemExit(f"{split_file}: differs from the split rule; do not re-split.")
            out.append((name, pages, split))
    return out


def main(argv: list[str] | None = None) -> None:
    a = _args(argv)
    if a.losses:
        for row in losses_table(_sets(a), a.losses):
            print(row)
        return
    parts = ["dev", "heldout"] if a.part == "both" else [a.part]
    print("| set | system | part | pages | F1 | precision | recall | exact |")
    print("|---|---|---|---|---|---|---|---|")
    worst = []
    for set_name, all_pages, split in _sets(a):
        # only the parts asked for are cleaned (a held-out page is not even run otherwise)
        pages = [p for p in all_pages if split[p["key"]] in parts]
        systems = run_systems(pages, a.html, a.render)
        for name, out in systems.items():
            for part in parts:
                sel = [p for p in pages if split[p["key"]] == part]
                m = score([(p["gold"], out[p["key"]]) for p in sel])
                print(
                    f"| {set_name} ({a.render}) | {name} | {part} | {len(sel)} | {m['f1']:.3f} | "
                    f"{m['precision']:.3f} | {m['recall']:.3f} | |"
                )
        full = systems["text: full cleaner"]
        for p in pages:
            if split[p["key"]] == "dev":
                c = tp_fp_fn(p["gold"], full[p["key"]])
                worst.append((_prec(*c), _rec(*c), set_name, p["key"], p["host"]))
    for row in seeds_table():
        print("| seeds | " + row[2:])
    if a.snippets is not None:
        print()
        print("| system | pages | F1 | precision | recall | |")
        print("|---|---|---|---|---|---|")
        for row in snippet_table(a.snippets):
            print(row)
    if a.body_only is not None:
        print()
        for row in body_only_table(a.body_only):
            print(row)
    if a.worst:
        print("\nworst dev pages (precision, recall, set, key, site):")
        for pr, rc, sn, k, h in sorted(worst, key=lambda r: min(r[0], r[1]))[: a.worst]:
            print(f"  {pr:.2f} {rc:.2f} {sn} {k[:12]} {h}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
