"""Lossless, auditable cleaning (placeholder: identity cleaning until the rule engine lands)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["clean_text", "reconstruct", "reconstruct_text"]


def clean_text(raw: str, *, rules: Any = None) -> tuple[str, list[dict[str, Any]]]:
    """Return ``(clean_text, log_rows)`` for one raw document."""
    return raw, []


def reconstruct_text(clean: str, log_rows: Sequence[dict[str, Any]]) -> str:
    """Rebuild the raw text from the clean text and the document's log rows.

    Each log row says that raw ``[start, end)`` (whose text was ``text``)
    stands as ``replacement`` in the clean text. Rows must not overlap.

    Examples
    --------
    >>> rows = [{"start": 5, "end": 7, "text": "\\n\\n", "replacement": " "}]
    >>> reconstruct_text("that Putin", rows)
    'that\\n\\nPutin'
    """
    out: list[str] = []
    pos_clean = 0
    prev_end = 0
    for row in sorted(log_rows, key=lambda r: (int(r["start"]), int(r["end"]))):
        start, end = int(row["start"]), int(row["end"])
        keep = start - prev_end
        out.append(clean[pos_clean : pos_clean + keep])
        out.append(str(row["text"]))
        pos_clean += keep + len(str(row["replacement"] or ""))
        prev_end = end
    out.append(clean[pos_clean:])
    return "".join(out)


def reconstruct(corpus: Corpus, doc_id: str) -> str:
    """Return the raw text of ``doc_id`` rebuilt from its clean text and the cleaning log."""
    rows = corpus.log_for(doc_id).to_dict("records")
    return reconstruct_text(corpus.text(doc_id), rows)
