"""Loading corpora: folders, files, tables and DataFrames, with every input accounted for.

:func:`load_corpus` turns a folder, a file, a list of paths or a
:class:`pandas.DataFrame` into a :class:`~corpus_tools.corpus.Corpus`. Every
file found ends up either as one or more rows of ``Corpus.docs`` or as a row
of ``Corpus.skipped`` (``path, reason``), so nothing disappears silently.

Supported inputs
----------------
* text: ``.txt .text .md`` (one document per file), and ``.sgm .sgml`` (SGML dumps such as
  Reuters-21578's, read as text: ``split='records'`` makes each record a document),
* HTML: ``.html .htm`` (article text extracted with trafilatura; outlet, date,
  title, author and canonical URL from the page's metadata, each with its
  source in ``outlet_source`` / ``published_source`` / ``title_source``),
* tables: ``.csv .tsv`` (text column found by common names or given),
  ``.jsonl .ndjson .jl`` (one JSON object per line), ``.json`` (a list of objects, or one
  object: one document),
  ``.parquet``,
* saved news feeds: ``.xml .rss .atom`` (RSS or Atom, one document per item,
  :mod:`~corpus_tools.io.feeds`),
* web archives: ``.warc`` and ``.warc.gz`` (one document per HTML page of the crawl,
  :mod:`~corpus_tools.io.warc`; WET page texts ``.warc.wet.gz`` too),
* any of those compressed with gzip (``.txt.gz``, ``.csv.gz``...), with a
  bounded decompressed size (``MAX_DECOMPRESSED_BYTES``).

Encodings are detected per file (BOM, strict UTF-8, charset-normalizer with a
Western-European prior, then cp1252 / latin-1) and recorded in ``encoding``.

Rules worth knowing
-------------------
* Order: files by relative path (posix, code-point order), then row number;
  the result does not depend on the order of a path list or on where the
  folder lives.
* ``doc_id`` = relative path without extension (``sub/000_abc``); table rows
  use an id column (``id, doc_id, article_id, uuid, guid``) when present, else
  ``<relative path without extension>#<row>``. Clashes get the extension, then
  ``~2``, ``~3``... appended (a :class:`CorpusToolsWarning` says so).
* The metadata sidecar (``metadata.csv`` or ``metadata.json`` in the corpus
  folder) is read, joined and *not* counted as a file found: for a folder,
  ``len(docs file paths) + len(skipped) == files found - sidecar``.
* Hidden folders (``.git``) are not searched; each gets one ``skipped`` row.
* Symlinks are never followed out of the corpus folder; loops and broken
  links are skipped with a reason. Every file (the sidecar too) is opened
  relative to the corpus folder without following symlinks (``openat`` with
  ``O_NOFOLLOW``) and must be the file seen when the folder was listed (same
  device and inode), so a file swapped for a symlink meanwhile is refused.
* Only regular files are read: named pipes, sockets and devices are skipped
  (opened with ``O_NONBLOCK``, so a pipe never blocks). Folders deeper than
  ``MAX_DEPTH`` and folders holding ``OUTPUT_MARKER`` (written by
  ``corpus-tools report`` / ``clean``) are skipped with a reason.
* Sizes are bounded: ``MAX_FILE_BYTES`` per file, ``MAX_DECOMPRESSED_BYTES``
  for gzip and for a Parquet file's decoded columns, ``MAX_JSON_BYTES`` for
  JSON/JSONL text, ``MAX_TABLE_ROWS`` Parquet rows; the limit is in the reason.
* Table columns are found by name (``TEXT_COLUMNS``, ``TITLE_COLUMNS``,
  ``OUTLET_COLUMNS``, ``DATE_COLUMNS``, ``URL_COLUMNS``; then the German, French,
  Spanish, Portuguese, Italian, Dutch and Russian names of
  ``corpus_tools/data/column_names.yml``, with or without accents), matched as
  :func:`~corpus_tools.io.columns.column_key` reads them: case, spaces,
  hyphens, camelCase and a trailing ``(UTC)`` aside (``Source Name``,
  ``publishedAt``, ``Pub Date (UTC)``); ``text_column``, ``id_column``,
  ``title_column``, ``outlet_column`` and ``date_column`` name them otherwise.
  A JSON object with a ``name`` in the outlet column (NewsAPI's ``source``)
  gives that name (``outlet_source="table:source.name"``); any other object
  or list there, or in the title, date or url column, is left empty with one
  warning per column naming the file and the fix. A table with no text
  column is analysed by its headline column when nothing else reads like sentences
  (``text_source="headline:<column>"``; ``headline_text_columns(corpus)`` lists them), else
  skipped with the column to pass when one stands out (a headline column, or the one whose
  values read like sentences). ``text_source`` is ``table:<column>`` for a text column.
* CSV/TSV are parsed with the :mod:`csv` module: a row with more or fewer
  fields than the header is skipped as ``file.csv#row=N`` with its line and
  the fix, never shifted. A table with a header and no rows is skipped.
* One bad file or row never stops the load: any failure while reading a file
  or building a document becomes a ``skipped`` row (``could not be loaded
  (...)``). Errors in what you asked for (a bad date, a bad metadata row, a
  bad rules file) still stop it with a message.
* Reading, decoding and cleaning run in batches of 256 documents
  (``io.batches``); with the default ``n_jobs=None`` a corpus of more than
  2,000 documents has the rest read (text and HTML files), cleaned and
  signed for duplicate flags by a process pool (one worker per core, at most
  4; it starts after the first batch when the folder already holds 2,000
  files), ``n_jobs=1`` keeps one process. The loading process joins ids and
  metadata in corpus order, so the tables never depend on ``n_jobs`` (tested). While
  loading, ``text`` and ``raw_text`` are kept as Arrow strings in chunks and
  the cleaning log as columns (``io.collect``), so memory stays close to the
  size of the finished tables.
* ``outlet_from="folder"``: each document's outlet is its first folder below the
  corpus folder (``corpus/bbc/2023/a.txt`` -> ``bbc``; for a list of paths, below the
  folder they share), ``outlet_source="folder"``; it wins over a page or table, the
  metadata file wins over it; top-level documents keep theirs (one warning); the folders
  used are logged (logger ``corpus_tools.io``, INFO). Not the default (folders are often
  topics or years): with no outlet anywhere and every document in one of 2-50 folders,
  ``load_corpus`` warns, naming the option and the ``metadata.csv`` fix.
* A wire credit in the datelines names an outlet (:mod:`~corpus_tools.io.wires`): when
  75 % or more of a source's documents that have no outlet (a table file; the text and HTML
  files of one folder) credit a news agency in their dateline (``WASHINGTON (Reuters) -``)
  and 90 % of those the same one (``corpus_tools/data/wire_services.yml``), they get it as
  their outlet (``outlet_source="text:dateline"``), with one warning; a minority's credit, or
  several agencies', names none. Every URL a redirector's (``news.google.com``) with no
  outlet column: one warning naming the fixes.
* ``split="records"``: a text file that holds many articles (a ``URL:``/``Title:``/
  ``Date:``/``Source:``/``Author:`` block recurring 3+ times, or 20+ separator lines; the
  files otherwise named in a warning) loads as one document per record (``io.dumps``):
  doc_id ``<file>#<n>``, ``raw_text`` the body, title/url/published/outlet/author from the
  header, ``record_header`` as written and ``record_start``/``record_end`` (the headers
  and bodies in order are the file). LexisNexis exports ("1 of 10 DOCUMENTS" lines, or
  Nexis Uni's "End of Document") split at their articles, the load date, language and
  copyright lines in ``record_footer``. Text files are then read in the loading process.
* For HTML, ``raw_text`` is the *extracted* article text (``format="html"``):
  the lossless cleaning guarantee (raw = clean + log) is relative to
  ``raw_text``, not to the HTML bytes.
* Dates are never guessed: ``2023-10-19``, ``2023-10``, ``2023``,
  ``October 19, 2023`` and ISO timestamps parse, and so do month names of the
  languages with a stopword list (``12. März 2024``, ``3 janvier 2024``, ``12 марта
  2024 г.``: ``corpus_tools/data/month_names.yml``); a date with day and month
  as numbers (``02/11/2023``, ``2.11.2023``) parses only when a single order
  is possible (``13/11/2023`` is 13 November, ``11/13/2023`` too) and is an
  error otherwise, as is a two-digit year or a form without a four-digit
  year, unless ``date_format`` is given. Unix timestamps (seconds or milliseconds,
  told by their digits) read with ``date_format="epoch"``. A table with no date column
  by name whose other column holds only dates warns, naming ``date_column=`` to pass.
* For HTML pages the outlet, date, title, author and canonical URL are read
  from the page's metadata (trafilatura and htmldate: ``og:*``, JSON-LD,
  ``<meta>``, ``<time>``); the ``*_source`` columns say where each value came
  from, and the sidecar wins. ``<meta name="copyright">`` names a rights
  holder, so it gives the outlet only when nothing else does
  (``page:meta:copyright``, "Copyright" and years dropped). A Markdown or text
  file's title is its first line without heading marks (``# Title``).

Modules
-------
:mod:`~corpus_tools.io.discover` finds the inputs (folder walk, path lists);
:mod:`~corpus_tools.io.files` opens and reads one file safely;
:mod:`~corpus_tools.io.decode` turns bytes into text;
:mod:`~corpus_tools.io.tables`, :mod:`~corpus_tools.io.html` and
:mod:`~corpus_tools.io.readers` turn an input into document rows;
:mod:`~corpus_tools.io.dates` reads dates; :mod:`~corpus_tools.io.sidecar`
reads the metadata file; :mod:`~corpus_tools.io.load` runs the whole load;
:mod:`~corpus_tools.io.limits` holds the size limits (set them there or
on this package: ``corpus_tools.io.MAX_FILE_BYTES = ...`` sets the same value); :mod:`~corpus_tools.io.export` writes safe CSV. This package
re-exports the public names only.

References
----------
Broder, A. Z. (1997). On the resemblance and containment of documents.
*Compression and Complexity of Sequences*. Barbaresi, A. (2021).
Trafilatura: A web scraping library and command-line tool for text
discovery and extraction. *ACL-IJCNLP System Demonstrations*.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from . import limits as _limits_module

# The public names of the loader; the constants are importable from here as before
# (``from corpus_tools.io import MAX_DEPTH``) but not star-exported.
from .columns import (  # noqa: F401 - re-exported
    DATE_COLUMNS,
    EXTRA_COLUMNS,
    ID_COLUMNS,
    META_COLUMNS,
    OUTLET_COLUMNS,
    TEXT_COLUMNS,
    TITLE_COLUMNS,
    URL_COLUMNS,
    headline_text_columns,
)
from .dates import PRECISIONS  # noqa: F401 - re-exported
from .decode import decode_bytes, read_text_file
from .discover import (  # noqa: F401 - re-exported
    HTML_EXTENSIONS,
    OUTPUT_MARKER,
    SIDECAR_NAMES,
    SUPPORTED_EXTENSIONS,
    TABLE_EXTENSIONS,
    TEXT_EXTENSIONS,
)
from .export import to_csv_safe
from .load import iter_documents, load_corpus
from .outlets import outlet_merges  # noqa: F401 - re-exported

_LIMITS = frozenset(
    {"MAX_DECOMPRESSED_BYTES", "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_JSON_BYTES", "MAX_TABLE_ROWS"}
)


class _IoModule(types.ModuleType):
    """The size limits on this package are :mod:`.limits`' limits, read and set.

    ``corpus_tools.io.MAX_FILE_BYTES = 10**9`` sets the value the readers look
    up at call time (a limit stored only on the package would be ignored
    without a word), and reading it here gives the value in force.
    """

    def __getattribute__(self, name: str) -> Any:
        if name in _LIMITS:
            return getattr(_limits_module, name)
        return super().__getattribute__(name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _LIMITS:
            setattr(_limits_module, name, value)
        super().__setattr__(name, value)  # kept here too, so tools that restore it find it


for _name in _LIMITS:
    globals()[_name] = getattr(_limits_module, _name)

sys.modules[__name__].__class__ = _IoModule

__all__ = [
    "load_corpus",
    "iter_documents",
    "read_text_file",
    "decode_bytes",
    "to_csv_safe",
    "SUPPORTED_EXTENSIONS",
]
