"""Loading corpora (placeholder: folders of UTF-8 .txt files until the full loader lands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .clean import clean_text
from .corpus import LOG_COLUMNS, Corpus
from .errors import CorpusLoadError

__all__ = ["load_corpus"]


def load_corpus(source: Any, *, metadata: Any = None, clean: bool = True, rules: Any = None) -> Corpus:
    """Load a folder of .txt files."""
    root = Path(source)
    if not root.exists():
        raise CorpusLoadError(f"{source}: no such file or folder.")
    files = sorted(p for p in root.rglob("*.txt"))
    rows, logs = [], []
    for p in files:
        rel = p.relative_to(root).as_posix()
        raw = p.read_text(encoding="utf-8")
        doc_id = rel.rsplit(".", 1)[0]
        text, log = clean_text(raw, rules=rules) if clean else (raw, [])
        for r in log:
            logs.append({"doc_id": doc_id, **r})
        rows.append({"doc_id": doc_id, "source": rel, "path": rel, "text": text, "raw_text": raw,
                     "encoding": "utf-8"})
    meta = root / "metadata.csv"
    docs = pd.DataFrame(rows)
    if meta.exists():
        m = pd.read_csv(meta, dtype=str)
        docs = docs.merge(m.rename(columns={"file": "source"}), on="source", how="left")
        docs["published"] = pd.to_datetime(docs["published"])
    return Corpus(docs, pd.DataFrame(logs, columns=LOG_COLUMNS), root=root.name)
