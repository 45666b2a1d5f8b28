"""Shared fixtures: the shipped seed corpus and small hand-made corpora."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

import corpus_tools as ct

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_path() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_corpus() -> ct.Corpus:
    """The five seed articles, loaded and cleaned with the defaults."""
    return ct.load_corpus(SEEDS)


def make_corpus(texts: dict[str, str], **meta: dict[str, str]) -> ct.Corpus:
    """Build a Corpus from ``{doc_id: text}`` (already clean) plus metadata columns."""
    docs = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    for col, values in meta.items():
        docs[col] = [values[d] for d in texts]
    return ct.Corpus(docs)


@pytest.fixture()
def corpus_from_texts():
    """Factory fixture: ``corpus_from_texts({"a": "text"}, outlet={"a": "X"})``."""
    return make_corpus


#: one paragraph of plain prose (64 words) for the cleaning benchmarks' page fixtures
BENCH_ARTICLE = (
    "The council approved the new budget on Tuesday after a long debate about the cost of "
    "repairing the old bridge and the money left for the libraries of the city this year. "
    "Members of the opposition said the plan would raise rents in the centre, while the mayor "
    "argued that the repairs could not wait for another winter of floods and closed roads."
)  # 64 words


@contextmanager
def bench_module(name: str) -> Iterator[ModuleType]:
    """``benchmarks/<name>.py`` as a module, registered in ``sys.modules`` while in use
    (dataclasses of a benchmark look their module up there)."""
    spec = importlib.util.spec_from_file_location(
        f"benchmarks_{name}", ROOT / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    try:
        spec.loader.exec_module(mod)
        yield mod
    finally:
        del sys.modules[spec.name]


@pytest.fixture(scope="session")
def bench_generator() -> Iterator[ModuleType]:
    """``benchmarks/generate.py`` as a module: the deterministic synthetic news generator."""
    with bench_module("generate") as mod:
        yield mod


def template_corpus(generator: ModuleType, n: int) -> pd.DataFrame:
    """``n`` generated articles of three outlets, most pages carrying their outlet's edition
    line (learned as template), plus exact copies: chrome, templates and duplicates at work.

    ``generator`` is the ``bench_generator`` fixture."""
    docs = pd.DataFrame(list(generator.iter_documents(n)))
    outlets = ["Daily Planet", "Coastal Post", "Evening Star"]
    docs["outlet"] = [outlets[i % 3] for i in range(n)]
    docs["text"] = [
        t.replace("\n\n", f"\n\n{o} weekend edition, page seven\n\n", 1) if i % 4 else t
        for i, (t, o) in enumerate(zip(docs["text"], docs["outlet"], strict=True))
    ]
    copies = docs.iloc[: n // 20].assign(doc_id=lambda d: d["doc_id"] + "-copy")
    return pd.concat([docs, copies], ignore_index=True)


def quote_row(text: str, match: str) -> pd.Series:
    """The shortest direct quotation ``ct.quotes`` finds in ``text`` that covers ``match``."""
    q = ct.quotes(ct.Corpus(pd.DataFrame({"doc_id": ["d"], "text": [text]})))
    a = text.index(match)
    hit = q[q["direct"] & (q["start"] <= a) & (q["end"] >= a + len(match))]
    return hit.assign(_len=hit["end"] - hit["start"]).sort_values("_len").iloc[0]


# ------------------------------------------------------------ real corpora
# Small real samples live in tests/data/real/ (source, commit and licence in its
# README); the fixtures below generate larger corpora of the shapes analysts bring.
REAL = DATA / "real"
_PAPERS = (
    "Herald Post Times Gazette Tribune Observer Chronicle Courier Mirror Standard "
    "Journal Examiner Record Star Sentinel"
).split()


def _bbc_articles() -> list[tuple[str, str, str, str]]:
    """(category, slug, headline, body) for the 20 BBC sample articles, in path order."""
    out = []
    for path in sorted((REAL / "bbc").glob("*/*.txt")):
        headline, _, body = path.read_text(encoding="utf-8").partition("\n")
        out.append((path.parent.name, path.stem, headline.strip(), body.strip()))
    return out


@pytest.fixture(scope="session")
def bbc_articles() -> list[tuple[str, str, str, str]]:
    return _bbc_articles()


@pytest.fixture(scope="session")
def real_html_dir() -> Path:
    """Nine real English news/blog pages (gzip-compressed HTML) with og/JSON-LD metadata."""
    return REAL / "html"


@pytest.fixture(scope="session")
def heldout_html_dir() -> Path:
    """Three real pages never looked at while writing the page-metadata code."""
    return REAL / "html_heldout"


@pytest.fixture(scope="session")
def headline_table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CSV of 3,000 short headline-only documents from 300 outlets (BBC sentences).

    Outlet names are made from headline words and newspaper nouns; dates are ISO
    days spread over 2004-2005. Some outlets have one document, some many.
    """
    sentences: list[str] = []
    words: list[str] = []
    for _, _, headline, body in _bbc_articles():
        words += [w.strip(",.'\"").title() for w in headline.split() if len(w) > 4]
        sentences += [s.strip() + "." for s in body.replace("\n", " ").split(". ") if s.strip()]
    words = sorted(set(words))
    n_papers = len(_PAPERS)
    outlets = [f"The {words[i // n_papers]} {_PAPERS[i % n_papers]}" for i in range(300)]
    rows = []
    for i in range(3000):
        k = i if i < 300 else (i * i) % 300  # every outlet once, then uneven group sizes
        day = pd.Timestamp("2004-01-01") + pd.Timedelta(days=(i * 37) % 700)
        rows.append(
            {
                "id": f"h{i:04d}",
                "headline": sentences[i % len(sentences)][:140],
                "text": sentences[(i * 7) % len(sentences)],
                "outlet": outlets[k],
                "date": day.strftime("%Y-%m-%d"),
            }
        )
    path = tmp_path_factory.mktemp("headlines") / "headlines.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.fixture(scope="session")
def long_articles_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five long articles (the 20 BBC articles joined, each rotated), with a sidecar."""
    arts = _bbc_articles()
    root = tmp_path_factory.mktemp("long")
    meta = ["file,outlet,published"]
    for k in range(5):
        order = arts[k:] + arts[:k]
        text = "\n\n".join(f"{h}\n\n{b}" for _, _, h, b in order)
        (root / f"long_{k}.txt").write_text(text + "\n", encoding="utf-8")
        meta.append(f"long_{k}.txt,Weekly {_PAPERS[k]},2005-0{k + 1}-15")
    (root / "metadata.csv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def single_doc_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding one BBC article and nothing else."""
    _, slug, headline, body = _bbc_articles()[0]
    root = tmp_path_factory.mktemp("single")
    (root / f"{slug}.txt").write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    return root


def warc_record(wtype: str, uri: str, ctype: str, payload: bytes) -> bytes:
    """One WARC/1.0 record (header, payload, the two closing line ends)."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2024-05-01T10:00:00Z\r\nContent-Type: {ctype}\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"
