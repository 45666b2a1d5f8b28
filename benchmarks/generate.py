"""Deterministic generator of realistic synthetic news corpora for benchmarks.

Every document is built from its own random stream
(``numpy.random.default_rng([seed, index])``), so document *i* is the same
whatever ``n`` is and whichever process writes it. The text imitates a
scraped news page:

* a headline line (no final punctuation) and sometimes a dateline,
* page chrome lines (newsletter prompts, share buttons, read times, photo
  credits, related-story teasers, sometimes duplicated),
* paragraphs of 1-5 sentences separated by blank lines, some cut in two
  at a "hyperlink" (a blank line inside a sentence; the next line starts
  in lower case),
* direct quotes with curly quotes and a reporting verb, named actors
  (people with titles such as ``Mr.``/``Sen.``, countries, organisations),
  abbreviations (``U.S.``, ``Jan. 9``, ``5 p.m.``), numbers (``1,400``,
  ``3.5%``), possessives (``Iran’s``),
* body words drawn from a Zipf-Mandelbrot distribution over 200,000+
  word types (English function words and news words at the top, generated
  pseudo-words in the long tail), 300-900 words per document.

Usage::

    python benchmarks/generate.py --docs 10000 --out benchmarks/_corpora/n10k
    python benchmarks/generate.py --docs 100000 --formats txt,parquet --out ...

Output (``--formats``, any of ``txt,jsonl,parquet``):

* ``txt/`` one ``.txt`` per document in sub-folders of 1,000, plus
  ``txt/metadata.csv`` (``file, outlet, published``; the loader's sidecar),
* ``docs.jsonl`` one JSON object per line (``doc_id, outlet, published,
  title, text``),
* ``parquet/part-00000.parquet`` ... (10,000 documents per part).

``--range START:STOP --jobs N`` writes only Parquet parts, named by their
first document (``part-00200000.parquet``), over N processes; the 1M
corpus: ``--range 0:1000000 --jobs 2`` (about 1.1 CPU ms per document,
generation and Parquet writing: ~19 CPU minutes).

Generated corpora are never committed (``benchmarks/_corpora/`` is ignored).
"""

from __future__ import annotations

import argparse
import csv
import json
import string
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np

N_TYPES = 200_000
SEED = 20240611

FUNCTION_WORDS = (
    "the of to and a in that is for on was with he it as at by said from his "
    "be has have an are not but were this they had which who their been also "
    "more after will its would or one about than two new up into over there "
    "we out all when can could other last government people officials year "
    "told state some three while since under during against between because "
    "military talks country security president minister war forces city "
    "police week report first former where them before what our most may "
    "foreign attack ceasefire group killed according months border support "
    "international leaders statement told percent region aid hostages troops "
    "spokesman election economy prices sanctions agreement negotiations"
).split()

ACTORS = [
    ("Mr.", "Vladimir Putin"),
    ("", "Xi Jinping"),
    ("President", "Joe Biden"),
    ("", "Benjamin Netanyahu"),
    ("Mr.", "Antony Blinken"),
    ("Sen.", "Lindsey Graham"),
    ("Dr.", "Tedros Adhanom Ghebreyesus"),
    ("", "Volodymyr Zelensky"),
    ("Mr.", "Zhai Jun"),
    ("", "Emmanuel Macron"),
    ("Gen.", "Qassem Soleimani"),
    ("", "Recep Tayyip Erdogan"),
    ("Mrs.", "Ursula von der Leyen"),
    ("", "Ali Khamenei"),
    ("Mr.", "Sergei Lavrov"),
    ("Gov.", "Kathy Hochul"),
    ("", "Mohammed bin Salman"),
    ("", "Narendra Modi"),
]
ORGS = [
    "Hamas",
    "Hezbollah",
    "the United Nations",
    "NATO",
    "the European Union",
    "the Kremlin",
    "the White House",
    "the Pentagon",
    "the U.N. Security Council",
    "the World Health Organization",
    "Reuters",
    "the State Department",
    "the IMF",
    "the World Bank",
    "Gazprom",
]
PLACES = [
    "Russia",
    "China",
    "Israel",
    "Iran",
    "Gaza",
    "Ukraine",
    "Qatar",
    "Doha",
    "Moscow",
    "Beijing",
    "Washington",
    "the U.S.",
    "the U.K.",
    "Egypt",
    "Lebanon",
    "Syria",
    "Turkey",
    "Kyiv",
    "Tehran",
    "Jerusalem",
    "Brussels",
    "Saudi Arabia",
]
OUTLETS = ["Reuters", "AP", "TASS", "Al Jazeera", "BBC", "Xinhua", "CNN", "DW"]
VERBS = [
    "said",
    "told reporters",
    "said in a statement",
    "added",
    "warned",
    "claimed",
    "insisted",
    "noted",
    "wrote on X",
    "told Reuters",
]
MONTHS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
CHROME = [
    "Sign up for our newsletter to get the latest headlines in your inbox",
    "Share this article",
    "Share",
    "Tweet",
    "Print",
    "Email this story",
    "{m} min read",
    "{v} views{c} comments",
    "Photo: {agency}",
    "Read more: {headline}",
    "Related: {headline}",
    "Skip to main content",
    "Follow us on Facebook",
    "Leave a comment",
    "Your email address will not be published. Required fields are marked *",
    "Advertisement",
    "Top of page",
]
AGENCIES = ["Reuters", "AFP", "AP Photo", "EPA", "Getty Images"]

_SYL_ON = [
    "b",
    "br",
    "c",
    "ch",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "sh",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
    "",
]
_SYL_NU = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y"]
_SYL_CO = ["", "n", "r", "s", "l", "m", "t", "nd", "st", "rk", "x", "ng"]


@lru_cache(maxsize=1)
def vocabulary() -> tuple[list[str], np.ndarray]:
    """Return (types, cumulative probabilities) of the Zipfian word vocabulary."""
    rng = np.random.default_rng(SEED)
    seen = set(FUNCTION_WORDS)
    words = list(dict.fromkeys(FUNCTION_WORDS))
    syl = [o + n + c for o in _SYL_ON for n in _SYL_NU for c in _SYL_CO]
    while len(words) < N_TYPES:
        k = (1, 2, 2, 2, 3)[int(rng.integers(0, 5))]
        idx = rng.integers(0, len(syl), size=k)
        w = "".join(syl[i] for i in idx)
        if len(w) > 1 and w not in seen:
            seen.add(w)
            words.append(w)
    ranks = np.arange(1, len(words) + 1, dtype=np.float64)
    p = 1.0 / (ranks + 2.7) ** 1.07  # Zipf-Mandelbrot
    cdf = np.cumsum(p / p.sum())
    cdf[-1] = 1.0
    return words, cdf


def _pick(rng: np.random.Generator, seq):
    return seq[int(rng.integers(0, len(seq)))]


def _number(rng: np.random.Generator) -> str:
    r = rng.random()
    if r < 0.3:
        return f"{int(rng.integers(1000, 99999)):,}"
    if r < 0.5:
        return f"{rng.random() * 20:.1f}%"
    if r < 0.7:
        return str(int(rng.integers(2, 999)))
    if r < 0.85:
        return f"${int(rng.integers(1, 900))} billion"
    return f"{_pick(rng, MONTHS)} {int(rng.integers(1, 29))}"


def _actor(rng: np.random.Generator) -> str:
    r = rng.random()
    if r < 0.45:
        title, name = _pick(rng, ACTORS)
        return f"{title} {name}".strip() if rng.random() < 0.5 else name
    if r < 0.75:
        return _pick(rng, PLACES)
    return _pick(rng, ORGS)


def _sentence(rng: np.random.Generator, words: list[str], cdf: np.ndarray, n: int) -> str:
    ids = np.searchsorted(cdf, rng.random(n), side="right")
    toks = [words[i] for i in ids]
    # sprinkle actors, numbers, possessives, times
    for _ in range(int(rng.integers(0, 3))):
        pos = int(rng.integers(0, len(toks)))
        a = _actor(rng)
        if rng.random() < 0.2 and not a.startswith("the "):
            a += "’s"
        toks[pos] = a
    if rng.random() < 0.35:
        toks[int(rng.integers(0, len(toks)))] = _number(rng)
    if rng.random() < 0.05:
        toks.append(f"at {int(rng.integers(1, 12))} {_pick(rng, ['a.m.', 'p.m.'])} on")
        toks.append(_pick(rng, PLACES).replace("the ", ""))
    if rng.random() < 0.15:
        toks.insert(int(rng.integers(1, len(toks))), ",")
    s = " ".join(toks).replace(" ,", ",")
    s = s[0].upper() + s[1:]
    end = "." if rng.random() < 0.93 else _pick(rng, ["?", "!", "..."])
    return s + end


def _quote(rng: np.random.Generator, words, cdf) -> str:
    body = _sentence(rng, words, cdf, int(rng.integers(6, 20)))
    speaker = _actor(rng)
    verb = _pick(rng, VERBS)
    if rng.random() < 0.5:
        return f"“{body[:-1]},” {speaker} {verb}."
    return f"{speaker} {verb}: “{body}”"


def _chrome(rng: np.random.Generator, headline: str) -> str:
    c = _pick(rng, CHROME)
    return c.format(
        m=int(rng.integers(2, 12)),
        v=int(rng.integers(10, 9000)),
        c=int(rng.integers(0, 90)),
        agency=_pick(rng, AGENCIES),
        headline=headline,
    )


def make_document(index: int, seed: int = SEED) -> dict[str, str]:
    """Return one synthetic document (``doc_id, outlet, published, title, text``)."""
    rng = np.random.default_rng([seed, index])
    words, cdf = vocabulary()
    target = int(rng.integers(300, 901))
    headline = _sentence(rng, words, cdf, int(rng.integers(5, 12)))[:-1]
    headline = string.capwords(headline) if rng.random() < 0.5 else headline
    outlet = OUTLETS[index % len(OUTLETS)]
    year = 2019 + int(rng.integers(0, 6))
    published = f"{year}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
    lines: list[str] = [headline]
    if rng.random() < 0.5:
        lines.append(_chrome(rng, headline))
    if rng.random() < 0.3:
        city = _pick(rng, PLACES).replace("the ", "").upper()
        lines.append(f"{city}, {_pick(rng, MONTHS)} {int(rng.integers(1, 29))} ({outlet}) -")
    n_words = 0
    while n_words < target:
        sents = []
        for _ in range(int(rng.integers(1, 6))):
            if rng.random() < 0.18:
                s = _quote(rng, words, cdf)
            else:
                s = _sentence(rng, words, cdf, int(rng.integers(6, 32)))
            n_words += s.count(" ") + 1
            sents.append(s)
        para = " ".join(sents)
        if rng.random() < 0.08:  # broken at a hyperlink
            cut = para.find(" ", len(para) // 2)
            if cut > 0 and para[cut + 1 : cut + 2].islower():
                para = para[:cut] + "\n\n" + para[cut + 1 :]
        lines.append(para)
        if rng.random() < 0.06:
            lines.append(_chrome(rng, headline))
    for _ in range(int(rng.integers(0, 4))):
        lines.append(_chrome(rng, headline))
    return {
        "doc_id": f"d{index:07d}",
        "outlet": outlet,
        "published": published,
        "title": headline,
        "text": "\n\n".join(lines) + "\n",
    }


def iter_documents(n: int, seed: int = SEED, start: int = 0) -> Iterator[dict[str, str]]:
    """Yield documents ``start .. start+n-1``."""
    for i in range(start, start + n):
        yield make_document(i, seed)


def write_corpus(
    n: int,
    out: str | Path,
    formats: tuple[str, ...] = ("txt",),
    seed: int = SEED,
    part_size: int = 10_000,
) -> Path:
    """Write ``n`` documents to ``out`` in the requested formats; return ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    meta_rows: list[tuple[str, str, str]] = []
    jsonl = open(out / "docs.jsonl", "w", encoding="utf-8") if "jsonl" in formats else None
    part: list[dict[str, str]] = []
    part_no = 0

    def flush_part() -> None:
        nonlocal part, part_no
        if "parquet" in formats and part:
            import pyarrow as pa
            import pyarrow.parquet as pq

            (out / "parquet").mkdir(exist_ok=True)
            table = pa.Table.from_pylist(part)
            pq.write_table(table, out / "parquet" / f"part-{part_no:05d}.parquet")
            part_no += 1
        part = []

    try:
        for i, doc in enumerate(iter_documents(n, seed)):
            if "txt" in formats:
                sub = out / "txt" / f"{i // 1000:04d}"
                if i % 1000 == 0:
                    sub.mkdir(parents=True, exist_ok=True)
                (sub / f"{doc['doc_id']}.txt").write_text(doc["text"], encoding="utf-8")
                meta_rows.append(
                    (f"{i // 1000:04d}/{doc['doc_id']}.txt", doc["outlet"], doc["published"])
                )
            if jsonl is not None:
                jsonl.write(json.dumps(doc, ensure_ascii=False) + "\n")
            part.append(doc)
            if len(part) >= part_size:
                flush_part()
        flush_part()
    finally:
        if jsonl is not None:
            jsonl.close()
    if "txt" in formats:
        with open(out / "txt" / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "outlet", "published"])
            w.writerows(meta_rows)
    return out


def write_parquet_range(
    out: str | Path, start: int, stop: int, seed: int = SEED, part_size: int = 10_000
) -> None:
    """Write documents ``start .. stop-1`` as Parquet parts named by their first document.

    Several processes can fill one corpus folder at once (the 1M-document
    corpus is written by two processes, one per core), and the parts sort in
    document order.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(out) / "parquet"
    folder.mkdir(parents=True, exist_ok=True)
    for a in range(start, stop, part_size):
        b = min(a + part_size, stop)
        target = folder / f"part-{a:08d}.parquet"
        if target.exists():
            continue
        table = pa.Table.from_pylist(list(iter_documents(b - a, seed, start=a)))
        pq.write_table(table, folder / f".tmp-{a:08d}.parquet")
        (folder / f".tmp-{a:08d}.parquet").rename(target)


def write_parquet_parallel(
    out: str | Path, start: int, stop: int, jobs: int, seed: int = SEED, part_size: int = 10_000
) -> None:
    """``write_parquet_range`` over ``jobs`` processes, each writing whole parts in turn.

    Every document comes from its own random stream, so the parts are the same
    bytes whichever process writes them; part ``k`` goes to process ``k % jobs``
    (the processes finish together). Parts already written are skipped, so an
    interrupted build is resumed by running the same command again.
    """
    from concurrent.futures import ProcessPoolExecutor

    firsts = list(range(start, stop, part_size))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        runs = [
            pool.submit(_write_parts, out, firsts[k::jobs], stop, seed, part_size)
            for k in range(min(jobs, len(firsts)))
        ]
        for run in runs:
            run.result()


def _write_parts(out: str | Path, firsts: list[int], stop: int, seed: int, part_size: int) -> None:
    for a in firsts:
        write_parquet_range(out, a, min(a + part_size, stop), seed, part_size)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--out", default="benchmarks/_corpora/n10k")
    ap.add_argument("--formats", default="txt,jsonl,parquet")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument(
        "--range",
        default=None,
        help="START:STOP: write only Parquet parts for these documents (run one per core)",
    )
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="with --range: processes writing parts at once (the same parts as one process)",
    )
    a = ap.parse_args(argv)
    if a.range:
        lo, hi = (int(x) for x in a.range.split(":"))
        if a.jobs > 1:
            write_parquet_parallel(a.out, lo, hi, a.jobs, a.seed)
        else:
            write_parquet_range(a.out, lo, hi, a.seed)
        return
    write_corpus(a.docs, a.out, tuple(a.formats.split(",")), a.seed)


if __name__ == "__main__":
    main()
