"""Size and depth limits of the loader (one place to read or lower them).

Every reader looks these up at call time (``limits.MAX_FILE_BYTES``), so a
session may lower one (``corpus_tools.io.limits.MAX_FILE_BYTES = 10_000_000``)
and the next load honours it. An input over a limit is skipped with the limit
in its reason.
"""

from __future__ import annotations

#: Largest decompressed size accepted for one ``.gz`` file (gzip-bomb guard) and for
#: the decoded columns of one Parquet file (a few KB can expand to gigabytes).
MAX_DECOMPRESSED_BYTES = 200 * 1024 * 1024
#: Largest file read into memory (any format; a device or a huge dump is refused).
MAX_FILE_BYTES = 1024 * 1024 * 1024
#: Largest JSON / JSONL text parsed into Python objects (they take ~10x the text).
MAX_JSON_BYTES = 256 * 1024 * 1024
#: Most rows read from one Parquet file.
MAX_TABLE_ROWS = 10_000_000
#: Deepest folder searched below the corpus folder (deeper ones are reported in ``skipped``).
MAX_DEPTH = 100


def megabytes(n: int) -> str:
    """A byte count as shown in a reason.

    >>> megabytes(MAX_DECOMPRESSED_BYTES)
    '200 MB'
    """
    return f"{n / (1024 * 1024):g} MB"
