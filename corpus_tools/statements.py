"""Statements: the same claim in different documents, verbatim or paraphrased."""

from __future__ import annotations

__all__: list[str] = []
