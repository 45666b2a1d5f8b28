"""A benchmark corpus of real, distinct news documents: ``benchmarks/_corpora/realnews<N>``.

The ``long<N>`` corpora (:func:`bench_frontend.ensure_long`) reuse each real paragraph
about thirty times, which flatters near-duplicate search, text reuse, caches and memory.
``realnews<N>`` holds N different articles as their outlets published them, read from public
git mirrors (``fetch github:<owner>/<name>``; bare git dirs under ``/work/.mirror``):

=================  ==========================================================  ==========
source             what                                                        outlet
=================  ==========================================================  ==========
reuters_fin        Reuters financial news 2006-10 .. 2013-11, one file each     Reuters
                   (Ding et al. 2014; duynht/financial-news-dataset)
reuters21578       Reuters-21578 (1987), SGML (loki86/ksr_zadanie1V2)           Reuters
bbc                BBC News 2004-05 articles (ZitRos/news-articles-dataset)     BBC
gnad               10kGNAD test split, German (tblock/10kGNAD)                  Der Standard
isot_true          ISOT fake-news set, true part (Reuters 2016-17), first rows  Reuters
isot_fake          ISOT fake-news set, fake part (US sites 2015-17), first rows  (ISOT fake sites)
cnbc               CNBC headlines + descriptions 2017-20                        CNBC
reuters_heads      Reuters headlines + descriptions 2018-20                     Reuters
=================  ==========================================================  ==========

Every document has a body beyond its title (headline-only rows are skipped and
counted); exact duplicates (same normalised body) keep the first copy in source order.
The kept documents are ordered by a hash of ``source/local_id`` and ``realnews<N>`` is the
first N of that order, so ``realnews20000`` is the start of ``realnews100000``. Each corpus gets
``txt/NNNN/<doc_id>.txt`` (title, blank line, paragraphs separated by blank lines),
``txt/metadata.csv`` (file, outlet, date, collection = the source below), ``sources.csv`` (repository, commit,
licence and counts per source) and ``report.json`` (lengths, duplicates, skips).
The data are never committed (``benchmarks/_corpora/`` is git-ignored).

Run: ``python benchmarks/real_corpus.py --sizes 20000,100000``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

MIRROR = Path("/work/.mirror")
CORPORA = Path(__file__).resolve().parent / "_corpora"


@dataclass(frozen=True)
class Doc:
    """One news document as read from its source (``date`` ISO ``YYYY-MM-DD`` or "")."""

    source: str
    local_id: str
    outlet: str
    date: str
    title: str
    body: str

    def text(self) -> str:
        """The file text: title, a blank line, the body (the body alone without a title)."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body


@dataclass(frozen=True)
class Source:
    """Where a document group comes from and under which terms."""

    name: str
    repo: str  # owner+name under MIRROR
    paths: tuple[str, ...]  # files, or one folder ending in "/"
    outlet: str
    licence: str
    parse: Callable[[str, str], list[Doc]]  # (path, text) -> documents


_WS = re.compile(r"\s+")
_PARA_BREAK = re.compile(r"\n[ \t]*\n")


def squash(text: str) -> str:
    """Collapse every whitespace run (line wraps included) to one space; strip the ends."""
    return _WS.sub(" ", text).strip()


def paragraphs(block: str, indent_breaks: bool = False) -> str:
    """Hard-wrapped text as paragraphs joined by blank lines.

    Paragraphs end at blank lines, and also before an indented line when
    ``indent_breaks`` (Reuters-21578 indents each new paragraph); the lines of one
    paragraph are joined with single spaces.
    """
    parts = _PARA_BREAK.split(block)
    if indent_breaks:
        parts = [q for p in parts for q in re.split(r"\n(?=[ \t])", p)]
    return "\n\n".join(s for s in (squash(p) for p in parts) if s)


def iso_date(value: str, formats: Iterable[str]) -> str:
    """``value`` parsed with the first matching ``strptime`` format, as ``YYYY-MM-DD`` ("" if none)."""
    value = squash(value)
    for fmt in formats:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


# --- parsers: (path inside the repository, file text) -> documents -------------------


def parse_reuters_fin(path: str, text: str) -> list[Doc]:
    """One file of the Reuters financial set: four ``-- `` header lines, then the body.

    Header: title, byline (may be empty), ``Fri Oct 20, 2006 4:25pm EDT``, URL. A non-empty
    byline becomes the body's first paragraph, as a news page shows it.
    """
    lines = text.split("\n")
    head = [ln[3:].strip() if ln.startswith("--") else None for ln in lines[:4]]
    if len(head) < 4 or any(h is None for h in head):
        return []
    title, byline, stamp = str(head[0]), str(head[1]), str(head[2])
    body = paragraphs("\n".join(lines[4:]))
    if byline:
        body = f"{squash(byline)}\n\n{body}" if body else ""
    date = iso_date(" ".join(stamp.split()[:4]), ["%a %b %d, %Y"])
    if not date and re.fullmatch(r".*/(\d{8})/[^/]+", path):
        date = iso_date(path.split("/")[-2], ["%Y%m%d"])
    return [Doc("reuters_fin", path.split("/")[-1], "Reuters", date, squash(title), body)]


_R21578 = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)


def _tag(block: str, name: str) -> str:
    m = re.search(rf"<{name}>(.*?)</{name}>", block, re.S)
    return html.unescape(m.group(1)) if m else ""


def parse_reuters21578(path: str, text: str) -> list[Doc]:
    """The ``<REUTERS>`` records of one Reuters-21578 SGML file (dateline kept in the body)."""
    docs = []
    for m in _R21578.finditer(text):
        block = m.group(2)
        body = _tag(block, "BODY").replace("\x03", "")
        dateline = squash(_tag(block, "DATELINE"))
        body = paragraphs(body, indent_breaks=True)
        if dateline and body:
            body = f"{dateline} {body}"
        date = iso_date(squash(_tag(block, "DATE")).split(" ")[0], ["%d-%b-%Y"])
        docs.append(
            Doc("reuters21578", m.group(1), "Reuters", date, squash(_tag(block, "TITLE")), body)
        )
    return docs


def parse_bbc(path: str, text: str) -> list[Doc]:
    """One BBC article file: the title line, then paragraphs."""
    title, _, rest = text.strip().partition("\n")
    slug = "/".join(path.split("/")[-2:]).removesuffix(".txt")
    return [Doc("bbc", slug, "BBC", "", squash(title), paragraphs(rest))]


def _csv_rows(text: str, **fmt: str) -> list[list[str]]:
    csv.field_size_limit(1 << 30)
    return list(csv.reader(io.StringIO(text), **fmt))  # type: ignore[arg-type]


def parse_gnad(path: str, text: str) -> list[Doc]:
    """10kGNAD: ``label;'article text'`` rows (``;`` separated, ``'`` quoted), no titles."""
    rows = _csv_rows(text, delimiter=";", quotechar="'")
    return [
        Doc("gnad", f"{k:05d}", "Der Standard", "", "", paragraphs(row[1]))
        for k, row in enumerate(rows)
        if len(row) == 2
    ]


def _isot(name: str, outlet: str) -> Callable[[str, str], list[Doc]]:
    def parse(path: str, text: str) -> list[Doc]:
        """ISOT rows ``title,text,subject,date`` (date ``December 31, 2017``)."""
        rows = _csv_rows(text)
        return [
            Doc(
                name,
                f"{k:05d}",
                outlet,
                iso_date(r[3], ["%B %d, %Y", "%b %d, %Y", "%d-%b-%y"]),
                squash(r[0]),
                paragraphs(r[1]),
            )
            for k, r in enumerate(rows[1:], 1)
            if len(r) == 4
        ]

    return parse


def _headlines(name: str, outlet: str, formats: list[str]) -> Callable[[str, str], list[Doc]]:
    def parse(path: str, text: str) -> list[Doc]:
        """``Headlines,Time,Description`` rows: the headline is the title, the description the body."""
        rows = _csv_rows(text)
        docs = []
        for k, r in enumerate(rows[1:], 1):
            if len(r) != 3:
                continue
            stamp = (
                r[1].split(",", 1)[-1] if "," in r[1] else r[1]
            )  # CNBC: "7:51 PM ET Fri, 17 July 2020"
            date = iso_date(stamp.replace("Sept", "Sep"), formats)
            docs.append(Doc(name, f"{k:05d}", outlet, date, squash(r[0]), paragraphs(r[2])))
        return docs

    return parse


# reut2-003.sgm of this copy is cut short; reut2-003-full.sgm is the whole file
R21578_FILES = tuple(f"reut2-{k:03d}{'-full' if k == 3 else ''}.sgm" for k in range(22))

SOURCES: tuple[Source, ...] = (
    Source("reuters_fin", "duynht+financial-news-dataset", ("ReutersNews106521/",), "Reuters",
           "no licence stated; Reuters articles collected for research (Ding et al., EMNLP 2014)",
           parse_reuters_fin),
    Source("reuters21578", "loki86+ksr_zadanie1V2", R21578_FILES,
           "Reuters",
           "Reuters-21578 Distribution 1.0: free for research use, copyright Reuters Ltd",
           parse_reuters21578),
    Source("bbc", "ZitRos+news-articles-dataset", ("news/",), "BBC",
           "repository MIT; BBC text from Greene & Cunningham 2006, for research use",
           parse_bbc),
    Source("gnad", "tblock+10kGNAD", ("test.csv",), "Der Standard",
           "CC BY-NC-SA 4.0 (10kGNAD / One Million Posts corpus)", parse_gnad),
    Source("isot_true", "Vatshayan+Fake-News-Prediction", ("True.csv",), "Reuters",
           "ISOT Fake News dataset (Univ. of Victoria), research use; no repository licence",
           _isot("isot_true", "Reuters")),
    Source("isot_fake", "Vatshayan+Fake-News-Prediction", ("Fake.csv",), "ISOT fake-news sites",
           "ISOT Fake News dataset (Univ. of Victoria), research use; no repository licence",
           _isot("isot_fake", "ISOT fake-news sites")),
    Source("cnbc", "deepakjoshi2k+Financial_News_Sentiment_Analysis", ("cnbc_headlines.csv",), "CNBC",
           "Kaggle 'Financial News Headlines' (CNBC pages), no licence stated",
           _headlines("cnbc", "CNBC", ["%d %B %Y", "%d %b %Y"])),
    Source("reuters_heads", "sarthaktonto+Financial-News-Headline-Sentiment-Analysis-using-BERT",
           ("reuters_headlines.csv",), "Reuters",
           "Kaggle 'Financial News Headlines' (Reuters pages), no licence stated",
           _headlines("reuters_heads", "Reuters", ["%b %d %Y"])),
)  # fmt: skip


# --- reading the mirrors ------------------------------------------------------------


def git_dir(repo: str, mirror: Path = MIRROR) -> Path:
    """The bare git directory of a mirrored repository (``repo`` is ``owner+name``)."""
    for cand in (mirror / repo / "repo", mirror / repo / "repo" / ".git", mirror / repo):
        if (cand / "HEAD").exists() and (cand / "objects").exists():
            return cand
    raise FileNotFoundError(
        f"no git mirror of {repo.replace('+', '/')} under {mirror}: fetch github:{repo.replace('+', '/')}"
    )


def _git(gdir: Path, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={gdir}", *args], input=data, capture_output=True, check=True
    ).stdout


def read_blobs(gdir: Path, paths: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """``(path, text)`` of the named files (or every file under a ``dir/``) at HEAD, path order.

    A file whose blob the mirror lacks (over the size limit) raises with its name.
    """
    listing = _git(gdir, "ls-tree", "-r", "HEAD").decode("utf-8", "replace").splitlines()
    blobs = {}
    for line in listing:
        meta, _, path = line.partition("\t")
        blobs[path] = meta.split()[2]
    want = sorted(
        p for p in blobs if any(p == q or (q.endswith("/") and p.startswith(q)) for q in paths)
    )
    missing = [q for q in paths if not q.endswith("/") and q not in blobs]
    if missing or not want:
        raise FileNotFoundError(f"{gdir}: no file {missing or paths} at HEAD")
    out = _git(gdir, "cat-file", "--batch", data="\n".join(blobs[p] for p in want).encode() + b"\n")
    at = 0
    for path in want:
        head_end = out.index(b"\n", at)
        head = out[at:head_end].split()
        if head[1] == b"missing":
            raise FileNotFoundError(
                f"{gdir}: {path} is not in the mirror (a file over its size limit)"
            )
        size = int(head[2])
        yield path, out[head_end + 1 : head_end + 1 + size].decode("utf-8", "replace")
        at = head_end + 1 + size + 1


def head_commit(gdir: Path) -> str:
    return _git(gdir, "rev-parse", "HEAD").decode().strip()


def read_source(src: Source, mirror: Path = MIRROR) -> list[Doc]:
    """Every document of one source, in path then record order."""
    gdir = git_dir(src.repo, mirror)
    return [d for path, text in read_blobs(gdir, src.paths) for d in src.parse(path, text)]


# --- selection ----------------------------------------------------------------------


def body_key(doc: Doc) -> str:
    """Duplicate key: the body lower-cased with everything but letters and digits removed."""
    return hashlib.sha1(re.sub(r"[\W_]+", "", doc.body.lower()).encode()).hexdigest()


def select(docs: Iterable[Doc]) -> tuple[list[Doc], Counter[str]]:
    """Documents with a body, first copy of each body kept; counts of what was left out."""
    kept, seen, dropped = [], set(), Counter[str]()
    for d in docs:
        if not d.body.strip():
            dropped[f"{d.source}: no body"] += 1
            continue
        key = body_key(d)
        if key in seen:
            dropped[f"{d.source}: duplicate body"] += 1
            continue
        seen.add(key)
        kept.append(d)
    return kept, dropped


def order_key(doc: Doc) -> str:
    return hashlib.sha1(f"{doc.source}/{doc.local_id}".encode()).hexdigest()


def take(docs: list[Doc], n: int) -> list[Doc]:
    """The first ``n`` documents in hash order (``take(d, m)`` starts ``take(d, n)`` for m < n)."""
    if n > len(docs):
        raise ValueError(f"realnews{n}: only {len(docs)} distinct documents in the sources")
    return sorted(docs, key=order_key)[:n]


def doc_id(doc: Doc, k: int) -> str:
    return f"r{k:07d}"


def write_corpus(docs: list[Doc], out: Path) -> Path:
    """``out/txt/NNNN/<doc_id>.txt`` + ``out/txt/metadata.csv``; an existing corpus is kept."""
    if (out / ".complete").exists():
        raise FileExistsError(f"{out} exists; delete it to rebuild")
    txt = out / "txt"
    txt.mkdir(parents=True, exist_ok=True)
    with open(txt / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "outlet", "date", "collection"])  # "source" is the loader's
        for k, d in enumerate(docs):
            sub = f"{k // 1000:04d}"
            (txt / sub).mkdir(exist_ok=True)
            name = f"{sub}/{doc_id(d, k)}.txt"
            (txt / name).write_text(d.text(), encoding="utf-8")
            w.writerow([name, d.outlet, d.date, d.source])
    return out


# --- report ---------------------------------------------------------------------------


def quantiles(
    values: list[int], qs: Iterable[float] = (0.05, 0.25, 0.5, 0.75, 0.95, 0.99)
) -> dict[str, int]:
    """Nearest-rank quantiles of ``values`` plus ``min``/``max``/``mean``."""
    v = sorted(values)
    if not v:
        return {}
    out = {f"p{round(q * 100)}": v[min(len(v) - 1, int(q * len(v)))] for q in qs}
    out.update(min=v[0], max=v[-1], mean=round(sum(v) / len(v)))
    return out


def near_duplicate_rate(docs: list[Doc], width: int = 300) -> float:
    """Share of documents whose first ``width`` normalised body characters another one shares."""
    heads = Counter(re.sub(r"[\W_]+", "", d.body.lower())[:width] for d in docs)
    return round(sum(c for c in heads.values() if c > 1) / max(1, len(docs)), 4)


def report(docs: list[Doc]) -> dict[str, object]:
    words = [len(d.text().split()) for d in docs]
    return {
        "documents": len(docs),
        "words": sum(words),
        "words_per_doc": quantiles(words),
        "chars_per_doc": quantiles([len(d.text()) for d in docs]),
        "by_source": dict(sorted(Counter(d.source for d in docs).items())),
        "by_outlet": dict(sorted(Counter(d.outlet for d in docs).items())),
        "with_date": sum(bool(d.date) for d in docs),
        "years": dict(sorted(Counter(d.date[:4] for d in docs if d.date).items())),
        "near_duplicate_rate_300": near_duplicate_rate(docs),
        "same_title_rate": round(
            sum(c for c in Counter(d.title.lower() for d in docs if d.title).values() if c > 1)
            / max(1, len(docs)), 4),
    }  # fmt: skip


def build(sizes: list[int], root: Path = CORPORA, mirror: Path = MIRROR) -> dict[str, object]:
    """Read every source, select, write ``realnews<N>`` for each size; the report as a dict."""
    pool: list[Doc] = []
    rows = []
    for src in SOURCES:
        docs = read_source(src, mirror)
        pool.extend(docs)
        gdir = git_dir(src.repo, mirror)
        rows.append([src.name, src.outlet, src.repo.replace("+", "/"), head_commit(gdir),
                     " ".join(src.paths), src.licence, len(docs)])  # fmt: skip
        print(f"{src.name}: {len(docs)} documents read", file=sys.stderr)
    kept, dropped = select(pool)
    summary: dict[str, object] = {
        "read": len(pool), "kept": len(kept), "dropped": dict(sorted(dropped.items())),
        "exact_duplicate_rate": round(
            sum(v for k, v in dropped.items() if k.endswith("duplicate body")) / max(1, len(pool)), 4),
        "pool": report(kept),
    }  # fmt: skip
    for n in sizes:
        docs = take(kept, n)
        out = write_corpus(docs, root / f"realnews{n}")
        in_sample = Counter(d.source for d in docs)
        with open(out / "sources.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(
                [
                    "source",
                    "outlet",
                    "repository",
                    "commit",
                    "paths",
                    "licence",
                    "read",
                    "in_corpus",
                ]
            )
            w.writerows(r + [in_sample.get(str(r[0]), 0)] for r in rows)
        rep = {"size": n, **report(docs)}
        (out / "report.json").write_text(json.dumps({**summary, "corpus": rep}, indent=1))
        (out / ".complete").write_text("ok")
        summary[f"realnews{n}"] = rep
    return summary


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="20000,100000", help="comma-separated corpus sizes")
    ap.add_argument("--root", type=Path, default=CORPORA)
    ap.add_argument("--mirror", type=Path, default=MIRROR)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(json.dumps(build(sizes, args.root, args.mirror), indent=1))


if __name__ == "__main__":
    main()
