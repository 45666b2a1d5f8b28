"""Shared fixtures: the shipped seed corpus and small hand-made corpora."""

from __future__ import annotations

import importlib.util
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


@pytest.fixture(scope="session")
def bench_generator() -> ModuleType:
    """``benchmarks/generate.py`` as a module: the deterministic synthetic news generator."""
    spec = importlib.util.spec_from_file_location(
        "bench_generate", ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
