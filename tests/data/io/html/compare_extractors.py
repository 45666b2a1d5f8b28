"""Compare trafilatura with a BeautifulSoup baseline on the hand-labelled pages here.

Run: /work/.venv/bin/python tests/data/io/html/compare_extractors.py
Prints one row per (extractor, page): paragraph recall, block precision,
forbidden strings leaked, title found, and the mean time per page. Numbers go
into docs/html_extraction.md. Not part of the test suite (timings vary).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import trafilatura
from bs4 import BeautifulSoup

HERE = Path(__file__).resolve().parent
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))


def norm(s: str) -> str:
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return re.sub(r"\s+", " ", s).strip()


def bs4_baseline(html: str) -> tuple[str, str | None]:
    """Drop script/style/nav/header/footer/aside/form; take <article> (else body) <p> text."""
    soup = BeautifulSoup(html, "lxml")
    og = soup.find("meta", property="og:title")
    title = og["content"] if og else (soup.title.get_text(strip=True) if soup.title else None)
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    scope = soup.find("article") or soup.body or soup
    paras = [p.get_text(" ", strip=True) for p in scope.find_all("p")]
    return "\n".join(p for p in paras if p), title


def trafilatura_default(html: str) -> tuple[str, str | None]:
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    return (doc.text or "", doc.title) if doc else ("", None)


def trafilatura_precision(html: str) -> tuple[str, str | None]:
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    return (doc.text or "", doc.title) if doc else ("", None)


def score(text: str, title: str | None, exp: dict) -> dict:
    blocks = [norm(b) for b in text.split("\n") if b.strip()]
    body = [norm(p) for p in exp["body"]]
    neutral = [norm(p) for p in exp["neutral"]]
    joined = norm(" ".join(blocks))
    found = sum(1 for p in body if p in joined)
    good = bad = 0
    for b in blocks:
        if any(b in p or p in b for p in body):
            good += 1
        elif any(b in n or n in b for n in neutral) or b.startswith("|"):
            continue  # headline, byline, caption, table row: neither right nor wrong
        else:
            bad += 1
    leaks = [f for f in exp["forbidden"] if f in text]
    return {
        "recall": found / len(body),
        "precision": good / max(good + bad, 1),
        "boilerplate_blocks": bad,
        "leaks": len(leaks),
        "title_ok": norm(title or "") == norm(exp["title"]),
    }


def main() -> None:
    extractors = {
        "bs4_baseline": bs4_baseline,
        "trafilatura": trafilatura_default,
        "trafilatura_precision": trafilatura_precision,
    }
    pages = sorted(k for k in EXPECTED if not k.startswith("_"))
    print("extractor,page,recall,precision,boilerplate_blocks,leaks,title_ok,ms_per_page")
    for name, fn in extractors.items():
        for page in pages:
            html = (HERE / page).read_text(encoding="utf-8")
            fn(html)  # warm-up
            t0 = time.perf_counter()
            for _ in range(20):
                text, title = fn(html)
            ms = (time.perf_counter() - t0) / 20 * 1000
            s = score(text, title, EXPECTED[page])
            print(
                f"{name},{page},{s['recall']:.2f},{s['precision']:.2f},"
                f"{s['boilerplate_blocks']},{s['leaks']},{s['title_ok']},{ms:.1f}"
            )


if __name__ == "__main__":
    main()
