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

The raw pages and the cleaning log come last in the file, so a notebook
that analyses only the cleaned text reads the snapshot without them
(``load_snapshot(path, raw=False)``): on a corpus of 100,000 articles that
leaves out about half of what a kernel would hold. :func:`drop_raw` does the
same to a corpus already in memory, once a notebook is done with the raw pages.

A snapshot is a sequence of pickles: read only files this package wrote in this run.
"""

from __future__ import annotations

import os
import pickle
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._output import whole_file
from .errors import CorpusLoadError, CorpusToolsWarning

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["save_snapshot", "load_snapshot", "drop_raw"]

FORMAT = "corpus_tools.snapshot/2"
SHARED_CACHES = ("overview.doc_counts",)
"""Corpus caches kept in a snapshot: small per-document values, costly to compute."""


def save_snapshot(
    corpus: Corpus,
    path: str | os.PathLike[str],
    *,
    notes: Sequence[str] = (),
    overwrite: bool = False,
) -> Path:
    """Write ``corpus`` (and the load's warning ``notes``) to ``path``; return the path.

    An existing file is replaced only with ``overwrite=True``; a folder never.

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
    head: dict[str, Any] = {
        "format": FORMAT,
        "root": corpus.root,
        "notes": [str(n) for n in notes],
        "caches": caches,
        "raw_at": list(corpus.docs.columns).index("raw_text"),
        "keep_raw": corpus.keep_raw,
    }
    docs = corpus.docs
    out = Path(path)
    with whole_file(out, overwrite=overwrite, what="snapshot") as fh:  # whole or not at all
        # the cleaned corpus first, the raw pages and the cleaning log last: raw=False stops early
        for part in (head, docs.drop(columns="raw_text"), corpus.skipped):
            pickle.dump(part, fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(docs["raw_text"], fh, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(corpus.cleaning_log, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def load_snapshot(path: str | os.PathLike[str], *, raw: bool = True, notes: bool = True) -> Corpus:
    """Read a corpus written by :func:`save_snapshot`; the load's notes are warned again.

    Parameters
    ----------
    path : str or Path
        The snapshot file.
    raw : bool, default True
        Read the raw pages and the cleaning log too. ``False`` reads only
        the cleaned corpus (documents, metadata, skipped inputs): a notebook
        that never looks at the raw pages or at what cleaning removed holds
        about half the memory. The corpus is then as if built from the
        cleaned texts: ``raw_text`` is the cleaned text and the cleaning log
        is empty (``docs.n_cleaning_edits`` still counts the edits made).
        A corpus loaded with ``keep_raw=False`` is read back the same way
        (its raw texts rebuilt from the log on demand) when ``raw`` is True.
    notes : bool, default True
        Warn the load's notes again (``CorpusToolsWarning``). ``False``: the report's
        notebooks 02-04, whose notebook 01 already printed them.

    Raises
    ------
    CorpusLoadError
        When the file is missing or is not a snapshot of this package.

    Examples
    --------
    >>> import tempfile, pandas as pd, corpus_tools as ct
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Talks."], "raw_text": ["Talks.\\nShare"]})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = save_snapshot(ct.Corpus(docs), Path(tmp) / "c.pkl")
    ...     full, lean = load_snapshot(path), load_snapshot(path, raw=False)
    >>> full.raw("a"), lean.raw("a"), len(lean.cleaning_log)
    ('Talks.\\nShare', 'Talks.', 0)
    """
    from .corpus import Corpus

    try:
        with open(path, "rb") as fh:
            head = pickle.load(fh)
            if not isinstance(head, dict) or head.get("format") != FORMAT:
                raise CorpusLoadError(
                    f"{path}: not a corpus snapshot of this version of corpus_tools; load the "
                    "corpus with load_corpus(CORPUS) instead (set SNAPSHOT = None)."
                )
            docs, skipped = pickle.load(fh), pickle.load(fh)
            log = None
            # without the raw pages, raw_text is the text column itself (shared, not a copy)
            docs.insert(head["raw_at"], "raw_text", pickle.load(fh) if raw else docs["text"])
            if raw:
                log = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError) as exc:
        raise CorpusLoadError(
            f"{path}: cannot read the corpus snapshot ({exc}); load the corpus with "
            "load_corpus(CORPUS) instead (set SNAPSHOT = None)."
        ) from None
    lean = raw and not head.get("keep_raw", True)  # raw texts rebuilt from the log
    corpus = Corpus(docs, log, skipped, root=head["root"], keep_raw=not lean)
    for key, value in head["caches"].items():
        corpus.cached(key, _returning(value))
    for note in head["notes"] if notes else ():
        warnings.warn(note, CorpusToolsWarning, stacklevel=2)
    return corpus


def drop_raw(corpus: Corpus) -> Corpus:
    """Return ``corpus`` without its raw pages and cleaning log, as ``load_snapshot(raw=False)`` reads it.

    The documents, their metadata, the skipped inputs and the per-document
    counts already computed (``SHARED_CACHES``) are kept; ``raw_text`` becomes
    the ``text`` column itself (shared, not a copy) and the cleaning log is
    empty, with its columns (``docs.n_cleaning_edits`` still counts the edits made), also for
    a corpus loaded with ``keep_raw=False`` (its raw texts can no longer be rebuilt). Every
    analysis of the cleaned text gives the same tables on both. The memory
    is returned once nothing else refers to the original corpus: on 100,000
    articles the raw pages and the log are about 0.5 GB.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Talks."], "raw_text": ["Talks.\\nShare"]})
    >>> log = pd.DataFrame({"doc_id": ["a"], "line_no": [2], "start": [6], "end": [12],
    ...                     "rule": ["share_button"], "text": ["\\nShare"], "replacement": [""]})
    >>> lean = drop_raw(ct.Corpus(docs, log))
    >>> lean.raw("a"), len(lean.cleaning_log), list(lean.docs.columns) == list(ct.Corpus(docs).docs.columns)
    ('Talks.', 0, True)
    """
    from .corpus import Corpus

    docs = corpus.docs
    at = list(docs.columns).index("raw_text")
    docs = docs.drop(columns="raw_text")
    docs.insert(at, "raw_text", docs["text"])  # the text column itself, not an object copy
    empty_log = corpus.cleaning_log.iloc[:0].copy()  # its columns; a copy, not a view of the log
    lean = Corpus(docs, empty_log, corpus.skipped, root=corpus.root)
    for key in SHARED_CACHES:
        if corpus.is_cached(key):
            lean.cached(key, _returning(corpus.cached(key, lambda: None)))
    return lean


def _returning(value: Any) -> Callable[[], Any]:
    return lambda: value
