"""API QA of session 26 (helper-178): 1987 wire articles, headlines of 1,590 sites, Spanish
articles and English/Arabic posts."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def _corpus(texts: list[str], outlets: list[str] | None = None) -> ct.Corpus:
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    if outlets is not None:
        docs["outlet"] = outlets
    return ct.load_corpus(docs, clean=False)


def _labels(corpus: ct.Corpus) -> list[tuple[str, str, str]]:
    table = ct.naming(corpus, {"Japan": ["Japan"], "United States": ["U.S."]})
    return sorted(zip(table["actor"], table["label_type"], table["label"], strict=True))


def test_naming_labels_stop_at_verbs_modals_links_and_paragraph_breaks():
    # shapes seen in Reuters-21578 articles, fwd headlines and tweets: every one was a label
    corpus = _corpus(
        [
            "Criticism grew abroad, including from those of the U.S.\n"
            "    Analysts said Japan has done little.",
            "The news conference also said Japan would act.",
            "It is not allowed in the U.S.\n    Many U.S. banks objected.",
            "Japan https://t.co/abc is trending.",
            "Japan could act and the trade minister Japan named.",
            "The radical island nation Japan and Japan officials met.",
        ]
    )
    assert _labels(corpus) == [
        ("Japan", "compound", "officials"),
        ("Japan", "premodifier", "radical island nation"),
        ("Japan", "premodifier", "trade minister"),
        ("United States", "compound", "banks"),
    ]
