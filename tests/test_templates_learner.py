"""The template learner's two-stage paragraph count gives the table a plain count gives."""

from __future__ import annotations

import math
import random
from collections import Counter

import pandas as pd

from corpus_tools.templates import (
    TemplateLearner,
    TemplateSettings,
    learn_templates,
    template_keys,
)


def _plain_table(docs: list[tuple[str, str]], s: TemplateSettings) -> pd.DataFrame:
    """Every key counted from its first sighting (the learner before the two stages)."""
    counts: dict[str, Counter[str]] = {}
    seen = set()
    for g, text in docs:
        digest, keys = template_keys(text, s)
        if (g, digest) in seen:
            continue
        seen.add((g, digest))
        counts.setdefault(g, Counter())["\x00n"] += 1
        counts[g].update(keys)
    rows = []
    for g in sorted(counts):
        n = counts[g].pop("\x00n")
        need = max(s.min_docs, math.ceil(s.min_share * n))
        rows += [
            {"outlet": g, "line": k, "n_docs": v, "n_group_docs": n, "share": v / n}
            for k, v in counts[g].items()
            if v >= need
        ]
    df = pd.DataFrame(rows, columns=["outlet", "line", "n_docs", "n_group_docs", "share"])
    return df.sort_values(
        ["outlet", "n_docs", "line"], ascending=[True, False, True], kind="mergesort"
    ).reset_index(drop=True)


def _corpus(seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    paras = [
        f"Paragraph {i} says that the council of the town met again on the budget for {i} hours."
        for i in range(12)
    ]
    lines = ["Contact Us", "Home | World | Sport", "Share this", "Most read"]
    docs = []
    for d in range(60):
        body = [f"Story {d} opened with a sentence that is printed on this page only, {d} times."]
        body += rng.sample(paras, rng.randint(0, 4)) + rng.sample(lines, rng.randint(0, 3))
        docs.append((rng.choice(["A", "B", "C"]), "\n".join(body)))
    return docs + docs[:5]  # exact copies count once


def test_two_stage_count_gives_the_plain_table():
    for seed in range(3):
        docs = _corpus(seed)
        for s in (TemplateSettings(), TemplateSettings(min_docs=2, min_share=0.05)):
            got = learn_templates(docs, settings=s)
            want = _plain_table(docs, s).astype(got.dtypes.to_dict())
            pd.testing.assert_frame_equal(got, want)
            assert got["line"].str.startswith("paragraph").any()


def test_min_docs_one_counts_a_paragraph_seen_once():
    s = TemplateSettings(min_docs=1, min_share=0.0)
    docs = [("A", "The council met again on the budget for four hours on Monday night.")]
    got = learn_templates(docs, settings=s)
    assert got["n_docs"].tolist() == [1]
    assert got["line"].str.startswith("the council met again").all()


def test_paragraphs_seen_once_keep_no_text():
    tl = TemplateLearner()
    text = "\n".join(
        f"Line {i}: the council met again on the budget for {i} hours on Monday night."
        for i in range(50)
    )
    tl.add("A", text)
    assert tl.counts["A"] == {}
    assert len(tl.once["A"]) == 50
    tl.add("A", text + "\nContact Us")  # the second sighting counts both
    assert sorted(set(tl.counts["A"].values())) == [1, 2]
    assert len(tl.counts["A"]) == 51 and tl.once["A"] == set()
