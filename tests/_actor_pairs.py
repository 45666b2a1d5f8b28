"""Shared by the actor tests: (alias, actor) pairs that ``actor_mentions`` finds per text."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def actor_pairs(texts: list[str]) -> list[list[tuple[str, str]]]:
    """For each text, its ``(alias, actor)`` mentions in text order."""
    docs = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts})
    m = ct.actor_mentions(ct.Corpus(docs))
    return [
        list(zip(m.alias[m.doc_id == str(i)], m.actor[m.doc_id == str(i)], strict=True))
        for i in range(len(texts))
    ]
