"""A loaded corpus saved once and read back fast: how a report shares one load among notebooks.

``corpus-tools report`` runs four notebooks, each in its own kernel. Loading
and cleaning a corpus of 100,000 articles takes minutes, so the report loads
it once, writes it with :func:`save_snapshot` into a private temporary
folder, and passes the file to every notebook as the ``SNAPSHOT`` parameter;
a notebook then reads it with :func:`load_snapshot` instead of calling
:func:`corpus_tools.load_corpus` again. The snapshot holds the documents,
the cleaning log, the skipped inputs, the warnings the load gave (shown
again when the snapshot is read, so a page reports them as a direct load
would) and the per-document word and sentence counts when they were
already computed.

A snapshot is a pickle: read only files this package wrote in this run.
"""

from __future__ import annotations

import os
import pickle
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CorpusLoadError, CorpusToolsWarning

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["save_snapshot", "load_snapshot"]

FORMAT = "corpus_tools.snapshot/1"
SHARED_CACHES = ("overview.doc_counts",)
"""Corpus caches kept in a snapshot: small per-document values, costly to compute."""


def save_snapshot(
    corpus: Corpus, path: str | os.PathLike[str], *, notes: Sequence[str] = ()
) -> Path:
    """Write ``corpus`` (and the load's warning ``notes``) to ``path``; return the path.

    Examples
    --------
    >>> import tempfile, pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["Talks."]}))
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     back = load_snapshot(save_snapshot(c, Path(tmp) / "c.pkl"))
    >>> back.docs.equals(c.docs), back.root == c.root
    (True, True)
    """
    caches = {k: corpus.cached(k, lambda: None) for k in SHARED_CACHES if corpus.is_cached(k)}
    state: dict[str, Any] = {
        "format": FORMAT,
        "docs": corpus.docs,
        "cleaning_log": corpus.cleaning_log,
        "skipped": corpus.skipped,
        "root": corpus.root,
        "notes": [str(n) for n in notes],
        "caches": caches,
    }
    out = Path(path)
    with open(out, "wb") as fh:
        pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def load_snapshot(path: str | os.PathLike[str]) -> Corpus:
    """Read a corpus written by :func:`save_snapshot`; the load's notes are warned again.

    Raises
    ------
    CorpusLoadError
        When the file is missing or is not a snapshot of this package.
    """
    from .corpus import Corpus

    try:
        with open(path, "rb") as fh:
            state = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError) as exc:
        raise CorpusLoadError(
            f"{path}: cannot read the corpus snapshot ({exc}); load the corpus with "
            "load_corpus(CORPUS) instead (set SNAPSHOT = None)."
        ) from None
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise CorpusLoadError(
            f"{path}: not a corpus snapshot of this version of corpus_tools; load the corpus "
            "with load_corpus(CORPUS) instead (set SNAPSHOT = None)."
        )
    corpus = Corpus(state["docs"], state["cleaning_log"], state["skipped"], root=state["root"])
    for key, value in state["caches"].items():
        corpus.cached(key, _returning(value))
    for note in state["notes"]:
        warnings.warn(note, CorpusToolsWarning, stacklevel=2)
    return corpus


def _returning(value: Any) -> Callable[[], Any]:
    return lambda: value
