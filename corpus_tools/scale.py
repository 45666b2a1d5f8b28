"""Run the counting pipeline on Dask: many files or Parquet partitions, one cluster.

``load -> clean -> tokens -> term counts, keyness, actor mentions,
co-occurrence`` runs partition by partition with the *same* pure
per-document functions as the in-memory path (:func:`corpus_tools.clean_text`,
:func:`corpus_tools.tokenize.token_batch`, the actor matcher, via
:func:`corpus_tools.stream.count_documents`). Each partition returns a
:class:`~corpus_tools.stream.StreamCounts`; the partial counts are merged in
partition order on the client, so the tables are identical to the pandas
path whatever the number of workers.

Needs the optional ``[scale]`` extra: ``pip install "corpus-tools[scale]"``
(Dask with ``dask.dataframe`` and ``dask.distributed``). Dask is imported
only when a function here runs.

Examples
--------
Local machine, all cores::

    from corpus_tools import scale
    counts = scale.dask_counts("corpus/parquet/*.parquet", by="outlet")
    counts.term_table()

An existing cluster, Parquet on object storage::

    counts = scale.dask_counts("s3://bucket/news/*.parquet", by="outlet",
                               client="tcp://scheduler:8786",
                               storage_options={"anon": False})
    scale.keyness_from_counts(counts)
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import CorpusValueError
from .io.discover import SIDECAR_NAMES
from .stream import StreamCounts, count_documents, iter_batches, keyness_from_counts

__all__ = [
    "dask_counts",
    "term_counts_dask",
    "keyness_dask",
    "mentions_dask",
    "cooccurrence_dask",
    "keyness_from_counts",
    "partition_paths",
]

_PARQUET = (".parquet", ".parq")


def _require_dask() -> Any:
    try:
        import dask
        import dask.bag  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "corpus_tools.scale needs Dask. Install the optional extra: "
            'pip install "corpus-tools[scale]" (dask[dataframe,distributed]).'
        ) from exc
    return dask


def _is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def partition_paths(source: str | os.PathLike[str] | list[Any]) -> list[str]:
    """Return the partitions of ``source``: one path per file (sorted), or the list given.

    A folder becomes its Parquet files if it has any, else its JSONL/CSV
    files (its ``metadata.csv`` sidecar is not one), else the folder itself
    (one partition: a folder of ``.txt`` files with its ``metadata.csv``). A glob pattern is expanded and
    sorted. Remote URLs (``s3://``, ``gs://``...) are left for Dask to expand.

    Examples
    --------
    >>> partition_paths(["b.jsonl", "a.jsonl"])
    ['b.jsonl', 'a.jsonl']
    """
    if isinstance(source, (list, tuple)):
        return [str(p) for p in source]
    s = str(source)
    if _is_remote(s):
        return [s]
    p = Path(s)
    if p.is_dir():
        for exts in (_PARQUET, (".jsonl", ".ndjson"), (".csv",)):
            files = sorted(
                str(f)
                for f in p.iterdir()
                if f.suffix.lower() in exts and f.name.lower() not in SIDECAR_NAMES
            )
            if files:
                return files
        return [s]
    if any(ch in s for ch in "*?["):
        files = sorted(glob.glob(s))
        if not files:
            raise CorpusValueError(f"the pattern {s!r} matches no file; check the path.")
        return files
    return [s]


def _count_path(
    path: str, kw: dict[str, Any], batch_size: int, load_options: dict[str, Any]
) -> StreamCounts:
    """One partition (a file or a folder) -> counts, read with iter_documents."""
    from .io import iter_documents
    from .stream import slim_batch

    total = StreamCounts(n_evidence=kw["n_evidence"])
    docs = iter_documents(path, clean=False, **load_options)
    for batch in iter_batches(docs, batch_size):
        total.merge(count_documents(slim_batch(batch, kw["by"], kw["clean"]), **kw))
    return total


def _file_tasks(
    paths: list[str], kw: dict[str, Any], batch_size: int, load_options: dict[str, Any]
) -> list[Any]:
    """One delayed count per file or folder; with cleaning, the outlets' templates are
    learned first (one pass by the client), as load_corpus and stream_counts do."""
    from dask import delayed

    if kw["clean"]:
        from .stream import template_sets

        kw["templates"] = template_sets(paths, kw["rules"], load_options, batch_size, 1)
    return [delayed(_count_path)(p, kw, batch_size, load_options) for p in paths]


def _frame_docs(
    frame: pd.DataFrame, kw: dict[str, Any], id_column: str, text_column: str
) -> list[dict[str, Any]]:
    """A Parquet partition's rows as the documents a batch counts (with ``outlet`` and
    ``url`` when the partition has them: what tells each document's template group)."""
    by = kw["by"]
    key = "raw_text" if kw["clean"] else "text"
    ids = frame[id_column].astype(str).tolist()
    texts = frame[text_column].fillna("").astype(str).tolist()
    groups = frame[by].tolist() if by in frame.columns else [None] * len(ids)
    docs = [{"doc_id": i, key: t, by: g} for i, t, g in zip(ids, texts, groups, strict=False)]
    for col in _TEMPLATE_COLUMNS:
        if kw["clean"] and col != by and col in frame.columns:
            for d, v in zip(docs, frame[col].tolist(), strict=True):
                d[col] = v
    return docs


#: Parquet columns that tell a document's template group (:func:`corpus_tools.templates.group_key`)
_TEMPLATE_COLUMNS = ("outlet", "url")


def _count_frame(
    frame: pd.DataFrame, kw: dict[str, Any], batch_size: int, id_column: str, text_column: str
) -> StreamCounts:
    """One Parquet partition (a pandas DataFrame) -> counts."""
    docs = _frame_docs(frame, kw, id_column, text_column)
    total = StreamCounts(n_evidence=kw["n_evidence"])
    for batch in iter_batches(docs, batch_size):
        total.merge(count_documents(batch, **kw))
    return total


def _frame_first_pass(frame: pd.DataFrame, kw: dict[str, Any], columns: tuple[str, str]) -> Any:
    from .stream import template_first_pass

    return template_first_pass(_frame_docs(frame, kw, *columns))


def _frame_second_pass(
    frame: pd.DataFrame, kw: dict[str, Any], columns: tuple[str, str], cand: dict[str, Any]
) -> Any:
    from .stream import template_second_pass

    return template_second_pass(_frame_docs(frame, kw, *columns), cand)


def _parquet_templates(
    parts: list[Any], kw: dict[str, Any], columns: tuple[str, str], client: Any
) -> dict[str, frozenset[str]]:
    """The outlets' templates learned from the Parquet partitions as ``load_corpus`` learns
    them (by ``outlet``, else the ``url`` host, else one group), in two Dask passes over
    the partitions (the second only when a line can be template): see
    :func:`corpus_tools.stream.template_sets`."""
    from dask import delayed

    from .stream import given_templates, learned_templates, template_candidates

    dask = _require_dask()
    given = given_templates(kw["rules"])
    if given is not None:
        return given
    first = [delayed(_frame_first_pass)(p, kw, columns) for p in parts]
    cand, need = template_candidates(_compute(dask, first, client))
    if not cand:
        return {}
    second = [delayed(_frame_second_pass)(p, kw, columns, cand) for p in parts]
    return learned_templates(_compute(dask, second, client), need)


def _parquet_tasks(
    parquet: list[str],
    kw: dict[str, Any],
    batch_size: int,
    columns: tuple[str, str],
    storage_options: dict[str, Any] | None,
    source: Any,
    client: Any = None,
) -> list[Any]:
    """One delayed count per Parquet partition (``columns``: id and text columns); with
    cleaning, the outlets' templates are learned from the partitions first."""
    import dask.dataframe as dd
    from dask import delayed

    id_column, text_column = columns
    by = kw["by"]
    cols = [id_column, text_column] + ([by] if by not in (id_column, text_column) else [])
    path = parquet if len(parquet) > 1 else parquet[0]
    try:
        if kw["clean"]:  # the columns that tell the template groups, when the files have them
            have = set(dd.read_parquet(path, storage_options=storage_options).columns)
            cols += [c for c in _TEMPLATE_COLUMNS if c in have and c not in cols]
        ddf = dd.read_parquet(path, columns=cols, storage_options=storage_options)
    except (KeyError, ValueError) as exc:
        raise CorpusValueError(
            f"could not read columns {cols} from {source!r}: {exc}. Set id_column, "
            "text_column and by to columns of the Parquet files."
        ) from exc
    parts = ddf.to_delayed()
    if kw["clean"]:
        kw["templates"] = _parquet_templates(parts, kw, columns, client)
    return [delayed(_count_frame)(part, kw, batch_size, id_column, text_column) for part in parts]


def _compute(dask: Any, tasks: list[Any], client: Any) -> Any:
    """Run the tasks on ``client`` (a Client, an address, or None: Dask's current scheduler)."""
    own_client = None
    if isinstance(client, str):
        from dask.distributed import Client

        own_client = client = Client(client)
    try:
        if client is not None:
            return client.gather(client.compute(tasks))
        return dask.compute(*tasks)
    finally:
        if own_client is not None:
            own_client.close()


def dask_counts(
    source: str | os.PathLike[str] | list[Any],
    *,
    by: str = "outlet",
    clean: bool = True,
    rules: Any = None,
    mentions: bool = True,
    gazetteer: Any = None,
    client: Any = None,
    batch_size: int = 1000,
    n_evidence: int = 3,
    id_column: str = "doc_id",
    text_column: str = "text",
    storage_options: dict[str, Any] | None = None,
    **load_options: Any,
) -> StreamCounts:
    """Count terms, actor mentions and co-occurrences with Dask, one task per partition.

    Parameters
    ----------
    source : path, glob, URL or list
        Parquet files (local or any fsspec URL Dask reads, e.g.
        ``s3://bucket/news/*.parquet``) are read with
        ``dask.dataframe.read_parquet``; other files or folders are read with
        :func:`corpus_tools.iter_documents`, one file (or folder) per task.
    by : str, default "outlet"
        Grouping column.
    clean : bool, default True
        Clean each document with :func:`corpus_tools.clean_text` (Parquet:
        the ``text_column`` holds the raw text). Files and folders are first
        read once by the client to learn each outlet's template lines, as
        :func:`corpus_tools.load_corpus` does, so the counts equal the
        loader's; rules with ``template`` off (or a fixed template table)
        skip that pass. Parquet partitions are read so by the workers, grouped by
        ``outlet``, else the ``url`` host (:func:`~corpus_tools.templates.group_key`).
    rules, mentions, gazetteer, batch_size, n_evidence
        As in :func:`corpus_tools.stream.stream_counts`.
    client : dask.distributed.Client or str, optional
        A client, or a scheduler address (``"tcp://host:8786"``) to connect
        to (the connection is closed afterwards). ``None`` uses Dask's
        current scheduler (a running ``Client`` if there is one, else the
        local threaded scheduler).
    id_column, text_column : str
        Parquet columns holding the document id and the (raw) text.
    storage_options : dict, optional
        Passed to ``dask.dataframe.read_parquet`` (credentials, endpoints).
    **load_options
        Passed to :func:`corpus_tools.iter_documents` for non-Parquet files.

    Returns
    -------
    StreamCounts
        ``.term_table()``, :func:`keyness_from_counts`, ``.mention_table()``,
        ``.cooccurrence_table()``.

    Partial counts travel back to the client (one partition's vocabulary
    each): aim for 10,000-100,000 documents per partition.
    """
    dask = _require_dask()
    kw = dict(by=by, clean=clean, rules=rules, mentions=mentions, gazetteer=gazetteer)
    kw["n_evidence"] = n_evidence
    paths = partition_paths(source)
    parquet = [
        p for p in paths if p.lower().endswith(_PARQUET) or (_is_remote(p) and "parquet" in p)
    ]
    if parquet and len(parquet) != len(paths):
        raise CorpusValueError(
            "mix of Parquet and other files; run them separately and merge the counts."
        )
    if parquet:
        columns = (id_column, text_column)
        tasks = _parquet_tasks(parquet, kw, batch_size, columns, storage_options, source, client)
    else:
        tasks = _file_tasks(paths, kw, batch_size, load_options)
    parts = _compute(dask, tasks, client)
    total = StreamCounts(n_evidence=n_evidence)
    for part in parts:  # partition order: deterministic merge
        total.merge(part)
    return total


def term_counts_dask(
    source: Any, *, by: str = "outlet", min_count: int = 1, **kwargs: Any
) -> pd.DataFrame:
    """:func:`corpus_tools.term_frequencies` table computed with Dask (see :func:`dask_counts`)."""
    return dask_counts(source, by=by, mentions=False, **kwargs).term_table(min_count=min_count)


def keyness_dask(
    source: Any,
    *,
    by: str = "outlet",
    method: str = "log_odds_dirichlet",
    min_count: int | None = None,
    min_docs: int = 2,
    prior_scale: float = 1.0,
    top_n: int | None = None,
    **kwargs: Any,
) -> pd.DataFrame:
    """:func:`corpus_tools.keyness` (without ``evidence``) computed with Dask."""
    counts = dask_counts(source, by=by, mentions=False, **kwargs)
    return keyness_from_counts(
        counts, method, min_count=min_count, min_docs=min_docs, prior_scale=prior_scale, top_n=top_n
    )


def mentions_dask(source: Any, *, by: str = "outlet", **kwargs: Any) -> pd.DataFrame:
    """Actor mention counts per group (``group, actor, type, count, n_docs``) with Dask."""
    return dask_counts(source, by=by, mentions=True, **kwargs).mention_table()


def cooccurrence_dask(
    source: Any, *, measure: str = "npmi", min_count: int = 2, **kwargs: Any
) -> pd.DataFrame:
    """:func:`corpus_tools.cooccurrence` (sentence windows, first windows as evidence) with Dask."""
    counts = dask_counts(source, mentions=True, **kwargs)
    return counts.cooccurrence_table(measure=measure, min_count=min_count)
