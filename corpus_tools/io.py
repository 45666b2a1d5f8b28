"""Loading corpora: folders, files, tables and DataFrames, with every input accounted for.

:func:`load_corpus` turns a folder, a file, a list of paths or a
:class:`pandas.DataFrame` into a :class:`~corpus_tools.corpus.Corpus`. Every
file found ends up either as one or more rows of ``Corpus.docs`` or as a row
of ``Corpus.skipped`` (``path, reason``), so nothing disappears silently.

Supported inputs
----------------
* text: ``.txt .text .md`` (one document per file),
* HTML: ``.html .htm`` (article text extracted with trafilatura; outlet, date,
  title, author and canonical URL from the page's metadata, each with its
  source in ``outlet_source`` / ``published_source`` / ``title_source``),
* tables: ``.csv .tsv`` (text column found by common names or given),
  ``.jsonl .ndjson`` (one JSON object per line), ``.json`` (a list of objects),
  ``.parquet``,
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
* CSV/TSV are parsed with the :mod:`csv` module: a row with more or fewer
  fields than the header is skipped as ``file.csv#row=N`` with its line and
  the fix, never shifted. A table with a header and no rows is skipped.
* One bad file or row never stops the load: any failure while reading a file
  or building a document becomes a ``skipped`` row (``could not be loaded
  (...)``). Errors in what you asked for (a bad date, a bad metadata row, a
  bad rules file) still stop it with a message.
* For HTML, ``raw_text`` is the *extracted* article text (``format="html"``):
  the lossless cleaning guarantee (raw = clean + log) is relative to
  ``raw_text``, not to the HTML bytes.
"""

from __future__ import annotations

import codecs
import csv
import errno
import gzip
import io as _stdio
import json
import os
import re
import stat
import sys
import warnings
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from ._output import MARKER
from .clean import clean_text
from .corpus import DOC_COLUMNS, LOG_COLUMNS, SKIPPED_COLUMNS, Corpus
from .dedup import flag_duplicates
from .errors import (
    CorpusLoadError,
    CorpusToolsError,
    CorpusToolsWarning,
    CorpusValueError,
    MetadataError,
)
from .templates import apply_templates

__all__ = [
    "load_corpus",
    "iter_documents",
    "read_text_file",
    "decode_bytes",
    "to_csv_safe",
    "SUPPORTED_EXTENSIONS",
]

TEXT_EXTENSIONS = (".txt", ".text", ".md")
HTML_EXTENSIONS = (".html", ".htm")
TABLE_EXTENSIONS = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + TABLE_EXTENSIONS
SIDECAR_NAMES = ("metadata.csv", "metadata.json")

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
#: A folder holding a file of this name was written by corpus-tools (a report, cleaned
#: texts) and is never read as input (the marker the output writer puts there).
OUTPUT_MARKER = MARKER
_SNIFF_BYTES = 8192

TEXT_COLUMNS = (
    "text",
    "body",
    "content",
    "article",
    "article_text",
    "full_text",
    "maintext",
    "story",
    "fulltext",
)
ID_COLUMNS = ("doc_id", "id", "article_id", "uuid", "guid")
TITLE_COLUMNS = ("title", "headline")
OUTLET_COLUMNS = ("outlet", "publisher", "newspaper", "media", "source_name", "site", "source")
DATE_COLUMNS = ("published", "date", "publish_date", "published_at", "pub_date", "datetime")
PRECISIONS = ("year", "month", "week", "day", "time")

#: docs columns the loader fills itself; a table or sidecar column with one of
#: these names (other than outlet/published/title/date_precision) is renamed ``user_<name>``.
EXTRA_COLUMNS = [
    "format",
    "date_precision",
    "duplicate_of",
    "duplicate_kind",
    "empty_after_cleaning",
    "n_cleaning_edits",
]
#: docs columns for page metadata and where each value came from: ``*_source`` is
#: ``sidecar``, ``table`` (a column of a CSV/JSONL/Parquet/DataFrame source), a part of
#: an HTML page (``page:og:site_name``, ``page:json-ld``, ``page:meta``, ``page:title``,
#: ``page:time``, ``page:html``), ``url`` (the host or path of the page's URL) or
#: ``first_line`` (a text file's headline), and empty when there is no value.
META_COLUMNS = ["author", "url", "outlet_source", "published_source", "title_source"]
_SOURCED = ("outlet", "published", "title")
_RESERVED = set(DOC_COLUMNS) | set(EXTRA_COLUMNS) | {f"{k}_source" for k in _SOURCED}
_META_SETTABLE = ("outlet", "published", "title", "date_precision", "author", "url")


# ---------------------------------------------------------------- decoding
def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode the bytes of one text file; return ``(text, encoding_name)``.

    Order: forced ``encoding``; a byte-order mark (UTF-32, UTF-8, UTF-16 LE/BE;
    the BOM is removed and named in the encoding); UTF-16 without a BOM (NUL
    bytes in one byte of most code units); strict UTF-8; charset-normalizer, preferring cp1252 when it is as plausible as the best
    guess; cp1252; latin-1.

    Parameters
    ----------
    data : bytes
        The file content.
    encoding : str, optional
        Force this codec (strict); a :class:`UnicodeDecodeError` propagates.

    Returns
    -------
    tuple of (str, str)

    Notes
    -----
    Short single-byte texts are ambiguous: the same bytes are valid cp1252,
    cp1250 and cp1257. The loader targets (mostly) English news, so cp1252 wins
    ties; a Polish or Baltic file in a legacy code page may then be mis-decoded
    (pass ``encoding=`` to fix it).

    Examples
    --------
    >>> decode_bytes("Café".encode("utf-8"))
    ('Café', 'utf-8')
    >>> decode_bytes(codecs.BOM_UTF16_LE + "Hi".encode("utf-16-le"))
    ('Hi', 'utf-16-le')
    >>> decode_bytes("naïve – “x”".encode("cp1252"))
    ('naïve – “x”', 'cp1252')
    """
    if encoding:
        return data.decode(encoding), encoding
    for bom, name, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec), name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _charset_guess(data)
    if guess is not None:
        return data.decode(guess), guess
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


_EBCDIC = ("cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140")


def _charset_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    # UTF-16/32 text without a BOM contains NUL bytes (rejected before); such guesses
    # on NUL-free bytes are spurious (4 bytes "Caf\\xe9" come back as utf_16_be).
    matches = [
        m
        for m in from_bytes(data[: 1 << 20])
        if not m.encoding.startswith("utf_") and m.encoding not in _EBCDIC
    ]
    if not matches:
        return None
    best = matches[0]
    western = ("cp1252", "latin_1", "iso8859_15")
    for m in matches:
        names = [m.encoding, *(m.could_be_from_charset or [])]
        if any(w in names for w in western) and m.chaos <= best.chaos + 0.1:
            return _try_codec(data, "cp1252") or "latin-1"
    return best.encoding if _try_codec(data, best.encoding) else None


def _try_codec(data: bytes, codec: str) -> str | None:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return codec


def _binary_reason(data: bytes) -> str | None:
    """Return why ``data`` (not starting with a BOM) is not text, or None."""
    nul = data.find(b"\x00")
    if nul == -1:
        return None
    if nul < _SNIFF_BYTES:
        return "binary content (NUL bytes in the first 8 KB); not a text file"
    return (
        f"NUL byte at byte {nul}; not a plain text file (remove the NUL bytes or "
        "re-save it as UTF-8 text)"
    )


_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc minus \t \n \v \f \r


def _control_ratio(text: str) -> float:
    sample = text[:_SNIFF_BYTES]
    return len(_CONTROL_RE.findall(sample)) / len(sample) if sample else 0.0


# ----------------------------------------------------------------- reading
class _Skip(Exception):
    """Internal: this input is skipped with ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
#: open files relative to an open folder (``openat``) so no symlink is followed on the way
_DIR_FD = (
    os.open in os.supports_dir_fd
    and os.scandir in os.supports_fd
    and bool(_O_NOFOLLOW)
    and bool(_O_DIRECTORY)
)
_FILE_FLAGS = os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY
_DIR_FLAGS = os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC
_KINDS = {
    stat.S_IFIFO: "named pipe",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
    stat.S_IFSOCK: "socket",
    stat.S_IFDIR: "folder",
    stat.S_IFLNK: "symlink",
}


def _kind_name(mode: int) -> str:
    """``"named pipe"``, ``"character device"``... for a ``st_mode`` that is not a regular file."""
    return _KINDS.get(stat.S_IFMT(mode), "special file")


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    return f"not a regular file ({_kind_name(mode)}); not read"


def _open_reason(exc: OSError, last: bool = True, directory: bool = False) -> str:
    """The skip reason for a failed open of a path component (``last``: the file itself)."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        if directory and last:
            return "unreadable folder (permission denied); check its permissions"
        return "unreadable (permission denied); check the file permissions"
    if code in (errno.ELOOP, errno.EMLINK) or (code == errno.ENOTDIR and not last):
        if last and not directory:
            return "changed into a symlink since it was found; not followed"
        return "a folder on its path changed into a symlink since it was found; not followed"
    if code == errno.ENOENT:
        return "disappeared since it was found (moved or deleted while loading)"
    if code == errno.ENXIO:
        return "not a regular file (socket); not read"
    if code == errno.EISDIR:
        return "is a folder, not a file"
    return f"unreadable ({exc.strerror or exc}); check the file"


def _open_under(root: str, parts: Sequence[str], *, directory: bool = False) -> int:
    """Open ``root/parts...`` without following a symlink anywhere below ``root``.

    Each component is opened relative to the folder before it (``openat`` with
    ``O_NOFOLLOW``), so a file or folder replaced by a symlink after discovery
    is refused. A file is opened with ``O_NONBLOCK`` (a named pipe never
    blocks). Raises ``_Skip`` with the reason.
    """
    final = _DIR_FLAGS if directory else _FILE_FLAGS
    if not _DIR_FD:  # pragma: no cover - platforms without openat (Windows)
        try:
            return os.open(os.path.join(root, *parts), final)
        except OSError as exc:
            raise _Skip(_open_reason(exc, True, directory)) from None
    try:
        fd = os.open(root, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
    except OSError as exc:
        raise _Skip(_open_reason(exc, not parts, True)) from None
    try:
        for i, name in enumerate(parts):
            last = i == len(parts) - 1
            try:
                nxt = os.open(name, final if last else _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                raise _Skip(_open_reason(exc, last, directory)) from None
            os.close(fd)
            fd = nxt
    except BaseException:
        os.close(fd)
        raise
    return fd


def _read_fd(fd: int, gz: bool, ident: tuple[int, int] | None = None) -> bytes:
    """Read an open file (the fd is closed): regular files only, bounded in size."""
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise _Skip(_not_regular(st.st_mode))
        if ident is not None and (st.st_dev, st.st_ino) != ident:
            raise _Skip("replaced by another file since it was found; not read (load again)")
        try:
            if not gz:
                if st.st_size > MAX_FILE_BYTES:
                    raise _Skip(_too_large_file())
                data = fh.read(MAX_FILE_BYTES + 1)  # the file may grow while it is read
                if len(data) > MAX_FILE_BYTES:
                    raise _Skip(_too_large_file())
                return data
            chunks: list[bytes] = []
            total = 0
            with gzip.GzipFile(fileobj=fh, mode="rb") as gzf:
                while True:
                    chunk = gzf.read(1 << 20)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > MAX_DECOMPRESSED_BYTES:
                        raise _Skip(
                            f"gzip too large when decompressed (> {_mb(MAX_DECOMPRESSED_BYTES)} "
                            "limit); decompress and split it first"
                        )
                    chunks.append(chunk)
            return b"".join(chunks)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise _Skip(f"not a valid gzip file ({exc}); re-compress it or remove .gz") from None
        except OSError as exc:
            raise _Skip(_open_reason(exc)) from None


def _too_large_file() -> str:
    return f"file too large (> {_mb(MAX_FILE_BYTES)} limit); split it into smaller files"


def _read_bytes(path: Path, gz: bool) -> bytes:
    """Read a file named by the user (symlinks followed): regular files only, bounded."""
    try:
        fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY)
    except OSError as exc:
        raise _Skip(_open_reason(exc)) from None
    return _read_fd(fd, gz)


def _read_entry(entry: _Entry) -> bytes:
    """Read a discovered file relative to its root, refusing anything changed since discovery."""
    if entry.root is None:
        assert entry.real is not None
        return _read_bytes(entry.real, entry.gz)
    fd = _open_under(entry.root, entry.parts)
    return _read_fd(fd, entry.gz, entry.ident)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``data`` reads as BOM-less UTF-16, else None.

    Latin-script text in UTF-16 has a NUL in one byte of most code units and
    none in the other (ASCII ``a`` is ``61 00`` in LE); the whole file must
    then decode strictly.
    """
    sample = data[:_SNIFF_BYTES]
    if len(data) % 2 or len(sample) < 4:
        return None
    n = len(sample) // 2
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, zeros, other in (
        ("utf-16-le", zeros_odd, zeros_even),
        ("utf-16-be", zeros_even, zeros_odd),
    ):
        if zeros >= 0.3 * n and other <= 0.01 * n and _try_codec(data, codec):
            return codec
    return None


def _bytes_to_text(data: bytes, encoding: str | None) -> tuple[str, str]:
    """Decode file bytes or raise ``_Skip`` with a reason (empty, binary, undecodable)."""
    if len(data) == 0:
        raise _Skip("empty file")
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not encoding and not has_bom and _utf16_without_bom(data) is None:
        reason = _binary_reason(data)
        if reason:
            raise _Skip(reason)
    try:
        text, enc = decode_bytes(data, encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise _Skip(
            f"cannot decode as {encoding or 'text'} ({exc}); pass the right encoding="
        ) from None
    if not encoding and _control_ratio(text) > 0.05:
        raise _Skip("binary content (control characters); not a text file")
    if not text.strip():
        raise _Skip("whitespace only")
    return text, enc


def read_text_file(path: str | os.PathLike[str], *, encoding: str | None = None) -> tuple[str, str]:
    """Read and decode one text file (gzip allowed); return ``(text, encoding)``.

    Raises
    ------
    CorpusLoadError
        If the file is empty, binary, whitespace-only, undecodable, unreadable,
        too large or not a regular file (the message says which).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("Café".encode("cp1252"))
    >>> read_text_file(p)
    ('Café', 'cp1252')
    """
    p = Path(path)
    try:
        return _bytes_to_text(_read_bytes(p, p.name.lower().endswith(".gz")), encoding)
    except _Skip as exc:
        raise CorpusLoadError(f"{p.name}: {exc.reason}") from None


# --------------------------------------------------------------- discovery
@dataclass(frozen=True)
class _Entry:
    rel: str  # relative posix path (display + key; non-UTF-8 bytes of a name shown as \xNN)
    real: Path | None  # file to read when it is not opened relative to a root
    ext: str  # inner extension, lower case (".txt", ".csv"...)
    gz: bool
    skip: str | None = None  # reason when skipped at discovery time
    root: str | None = None  # real folder the file is opened relative to
    parts: tuple[str, ...] = ()  # path components below ``root`` (OS names)
    ident: tuple[int, int] | None = None  # (st_dev, st_ino) seen at discovery


def _split_ext(name: str) -> tuple[str, bool]:
    low = name.lower()
    gz = low.endswith(".gz")
    if gz:
        low = low[:-3]
    return os.path.splitext(low)[1], gz


def _classify(
    rel: str,
    real: Path | None,
    root: str | None = None,
    parts: tuple[str, ...] = (),
    ident: tuple[int, int] | None = None,
) -> _Entry:
    name = rel.rsplit("/", 1)[-1]
    ext, gz = _split_ext(name)
    if name.startswith("."):
        return _Entry(rel, real, ext, gz, "hidden file; not loaded")
    if ext not in SUPPORTED_EXTENSIONS:
        shown = (ext or "(none)") + (".gz" if gz else "")
        return _Entry(
            rel, real, ext, gz, f"unsupported extension {shown}; convert it to .txt first"
        )
    return _Entry(rel, real, ext, gz, None, root, parts, ident)


def _display(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 are shown as ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _resolve_link(link: Path, root_real: Path) -> tuple[Path | None, str | None]:
    try:
        target = link.resolve(strict=True)
    except (RuntimeError, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            return None, "broken symlink (its target does not exist)"
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            return None, "symlink loop; not followed"
        return None, f"symlink could not be resolved ({exc.strerror or exc}); not followed"
    if not _inside(target, root_real):
        return None, "symlink points outside the corpus folder; not followed"
    return target, None


def _list_dir(root: str, parts: tuple[str, ...]) -> list[tuple[str, os.stat_result | OSError]]:
    """Names in the folder ``root/parts`` with their ``lstat`` (or the error for that name)."""
    out: list[tuple[str, os.stat_result | OSError]] = []
    if _DIR_FD:
        fd = _open_under(root, parts, directory=True)
        try:
            with os.scandir(fd) as it:
                for e in it:
                    try:
                        out.append((e.name, e.stat(follow_symlinks=False)))
                    except OSError as exc:
                        out.append((e.name, exc))
        finally:
            os.close(fd)
        return out
    folder = os.path.join(root, *parts)  # platforms without openat (Windows)
    with os.scandir(folder) as it:
        for e in it:
            try:
                out.append((e.name, os.lstat(os.path.join(folder, e.name))))
            except OSError as exc:
                out.append((e.name, exc))
    return out


def _link_entry(rel: str, name: str, link: Path, root_real: str) -> _Entry:
    """Entry for a symlink found while walking: followed only to a regular file inside the root."""
    is_dir = os.path.isdir(link)
    shown = rel + "/" if is_dir else rel
    target, why = _resolve_link(link, Path(root_real))
    if why is None:
        assert target is not None
        try:
            st = os.stat(target)
        except OSError as exc:
            why = _open_reason(exc)
        else:
            if stat.S_ISDIR(st.st_mode):
                if _inside(Path(root_real), target):
                    why = "symlink loop (points to a folder that contains it); not followed"
                else:
                    tgt = _display(target.relative_to(root_real).as_posix())
                    why = (
                        f"symlink to a folder inside the corpus; not followed "
                        f"(its files are loaded from {tgt}/)"
                    )
            elif not stat.S_ISREG(st.st_mode):
                why = _not_regular(st.st_mode)
            else:
                parts = target.relative_to(root_real).parts
                return _classify(rel, target, root_real, parts, (st.st_dev, st.st_ino))
    if is_dir:
        return _Entry(shown, None, "", False, why)
    return _Entry(shown, None, *_split_ext(name), why)


def _walk_folder(root: Path, prefix: str = "") -> tuple[list[_Entry], list[_Entry]]:
    """Return (entries, sidecars found) for a folder; ``prefix`` is prepended to rel paths.

    The walk is iterative (no recursion limit), opens every folder relative to
    the one above it without following symlinks, stops ``MAX_DEPTH`` levels
    down (reported), and skips folders that hold ``OUTPUT_MARKER``.
    """
    root_real = os.path.realpath(root)
    entries: list[_Entry] = []
    sidecars: list[_Entry] = []
    stack: list[tuple[str, ...]] = [()]
    while stack:
        parts = stack.pop()
        rel_dir = "".join(_display(p) + "/" for p in parts)
        try:
            listing = _list_dir(root_real, parts)
        except (_Skip, OSError) as exc:
            if isinstance(exc, _Skip):
                reason = exc.reason
            elif isinstance(exc, PermissionError):
                reason = "unreadable folder (permission denied); check its permissions"
            else:
                reason = f"unreadable folder ({exc.strerror or exc}); check it"
            if not parts:
                raise CorpusLoadError(f"{root}: {reason}") from None
            entries.append(_Entry(prefix + rel_dir, None, "", False, reason))
            continue
        if any(name == OUTPUT_MARKER for name, _ in listing):
            if not parts:
                raise CorpusLoadError(
                    f"{root}: this is an output folder written by corpus-tools (it holds "
                    f"{OUTPUT_MARKER}), not a corpus; give the corpus folder instead."
                )
            entries.append(
                _Entry(
                    prefix + rel_dir,
                    None,
                    "",
                    False,
                    "output folder written by corpus-tools; not read as input",
                )
            )
            continue
        for name, st in listing:
            here = (*parts, name)
            rel = prefix + rel_dir + _display(name)
            if isinstance(st, OSError):
                entries.append(_Entry(rel, None, *_split_ext(name), _open_reason(st)))
                continue
            is_sidecar = not prefix and not parts and name.lower() in SIDECAR_NAMES
            if stat.S_ISDIR(st.st_mode):
                if name.startswith(".") or name == "__pycache__":
                    entries.append(
                        _Entry(rel + "/", None, "", False, "hidden folder; not searched")
                    )
                elif len(here) > MAX_DEPTH:
                    entries.append(
                        _Entry(
                            rel + "/",
                            None,
                            "",
                            False,
                            f"folder nested more than {MAX_DEPTH} levels deep; not searched "
                            "(move its files up)",
                        )
                    )
                else:
                    stack.append(here)
                continue
            if stat.S_ISLNK(st.st_mode):
                entry = _link_entry(rel, name, Path(root_real, *here), root_real)
            elif stat.S_ISREG(st.st_mode):
                entry = _classify(rel, None, root_real, here, (st.st_dev, st.st_ino))
            else:
                entry = _Entry(rel, None, *_split_ext(name), _not_regular(st.st_mode))
            if is_sidecar and not entry.rel.endswith("/"):
                sidecars.append(entry)
            else:
                entries.append(entry)
    return entries, sidecars


@dataclass
class _Plan:
    entries: list[_Entry]
    root_name: str | None
    sidecar: _Entry | None
    single_file: bool


def _named_file(rel: str, path: Path) -> _Entry:
    """Entry for a file the user named (a symlink is followed: the user chose it)."""
    real = Path(os.path.realpath(path))
    entry = _classify(rel, real)
    try:
        st = os.stat(real)
    except OSError as exc:
        return replace(entry, skip=entry.skip or _open_reason(exc))
    if entry.skip is None and not stat.S_ISREG(st.st_mode):
        return replace(entry, skip=_not_regular(st.st_mode))
    return replace(entry, root=str(real.parent), parts=(real.name,), ident=(st.st_dev, st.st_ino))


def _plan(source: Any) -> _Plan:
    if isinstance(source, (str, os.PathLike)):
        p = Path(source)
        if not str(source).strip():
            raise CorpusLoadError(
                "the path is empty; give a folder or a file (use '.' for the current folder)."
            )
        if not os.path.lexists(p):
            raise CorpusLoadError(f"{source}: no such file or folder; check the path.")
        if p.is_dir():
            entries, sidecars = _walk_folder(p)
            if len(sidecars) > 1:
                raise MetadataError(
                    f"{source}: both metadata.csv and metadata.json found; keep only one sidecar."
                )
            if not entries:
                raise CorpusLoadError(
                    f"{source}: the folder contains no files; put .txt, .html, .csv, .jsonl or "
                    ".parquet files in it."
                )
            sidecar = sidecars[0] if sidecars else None
            return _Plan(sorted(entries, key=lambda e: e.rel), p.resolve().name, sidecar, False)
        entry = _named_file(_display(p.name), p)
        return _Plan([entry], p.resolve().parent.name, None, True)
    if isinstance(source, (list, tuple)):
        return _plan_list(source)
    raise CorpusValueError(
        f"source of type {type(source).__name__} is not supported; pass a folder, a file, a list "
        "of paths or a pandas DataFrame."
    )


def _plan_list(paths: Sequence[Any]) -> _Plan:
    if not paths:
        raise CorpusLoadError("the list of paths is empty; give at least one file or folder.")
    absolute: list[Path] = []
    for item in paths:
        if not isinstance(item, (str, os.PathLike)):
            raise CorpusValueError(f"list item {item!r} is not a path; give file or folder paths.")
        p = Path(item)
        if not str(item).strip():
            raise CorpusLoadError(
                "an item of the list is an empty path; give file or folder paths."
            )
        if not os.path.lexists(p):
            raise CorpusLoadError(f"{item}: no such file or folder; check the path.")
        absolute.append(Path(os.path.abspath(p)))
    parents = [a if a.is_dir() else a.parent for a in absolute]
    common = Path(os.path.commonpath([str(x) for x in parents]))
    entries: list[_Entry] = []
    seen: set[str] = set()
    for a in sorted(set(absolute), key=lambda x: x.as_posix()):
        rel = _display(a.relative_to(common).as_posix())
        if a.is_dir():
            sub, _ = _walk_folder(a, prefix="" if rel == "." else rel + "/")
            for e in sub:
                if e.rel not in seen:
                    seen.add(e.rel)
                    entries.append(e)
        elif rel not in seen:
            seen.add(rel)
            entries.append(_named_file(rel, a))
    return _Plan(sorted(entries, key=lambda e: e.rel), common.name, None, False)


# ------------------------------------------------------------------ tables
def _pick(
    columns: Sequence[Any], candidates: Sequence[str], given: str | None, what: str, where: str
) -> Any:
    if given is not None:
        if given not in columns:
            raise _Skip(
                f"{where}: no column {given!r} for the {what}; columns found: {list(columns)}"
            )
        return given
    lower = {str(c).strip().lower(): c for c in columns}
    for cand in candidates:
        if cand in lower:
            return lower[cand]
    return None


def _sniff_delimiter(text: str) -> str:
    header = text[: text.find("\n")] if "\n" in text else text
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class _CsvError(Exception):
    """Internal: quoting that cannot be parsed, at physical ``line``."""

    def __init__(self, line: int, msg: str) -> None:
        super().__init__(msg)
        self.line, self.msg = line, msg


_CSV_FIELD_LIMIT = 2**31 - 1  # a field may be a whole article (the csv default is 128 KB)


def _csv_rows(text: str, sep: str) -> tuple[list[str], list[tuple[int, int, list[str]]]]:
    """Header and ``(data row number, first physical line, fields)`` of each CSV record.

    Parsed with the :mod:`csv` module (RFC 4180 quoting, strict), so a row's
    fields are exactly what the file says: nothing becomes an index, nothing
    shifts. Blank lines are skipped and not counted as rows. Header names are
    made unique as pandas does (``x``, ``x.1``; an empty name is
    ``Unnamed: <i>``). Raises ``_CsvError`` for quoting that cannot be parsed.
    """
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(_stdio.StringIO(text, newline=""), delimiter=sep, strict=True)
    header: list[str] | None = None
    out: list[tuple[int, int, list[str]]] = []
    start = 1
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            if header is None:
                header = _unique_names(fields)
            else:
                out.append((len(out) + 1, line, fields))
    except csv.Error as exc:
        raise _CsvError(reader.line_num, str(exc)) from None
    return header or [], out


def _unique_names(fields: list[str]) -> list[str]:
    names: list[str] = []
    used: set[str] = set()
    count: dict[str, int] = {}
    for i, field in enumerate(fields):
        name = field if field else f"Unnamed: {i}"
        if name in used:
            k = count.get(name, 0) + 1
            while f"{name}.{k}" in used:
                k += 1
            count[name] = k
            name = f"{name}.{k}"
        used.add(name)
        names.append(name)
    return names


def _field_count_reason(what: str, row: int, line: int, n: int, header: list[str], sep: str) -> str:
    shown = ", ".join(header[:8]) + (", ..." if len(header) > 8 else "")
    name = "a tab" if sep == "\t" else repr(sep)
    example = "" if sep == "\t" else f' ("like{sep} this")'
    return (
        f"{what} row {row} (line {line}): {n} fields but the header has {len(header)} "
        f"({shown}); quote fields that contain {name} or a line break{example}, or fix the row"
    )


def _checked_csv(
    text: str, sep: str, what: str
) -> tuple[list[str], list[dict[str, str]], list[int], list[tuple[int, str]]]:
    """(header, records, row numbers, [(row, reason)] for rows with a wrong field count)."""
    header, recs = _csv_rows(text, sep)
    width = len(header)
    records: list[dict[str, str]] = []
    rows: list[int] = []
    bad: list[tuple[int, str]] = []
    for n, line, fields in recs:
        if len(fields) > width and not any(f.strip() for f in fields[width:]):
            fields = fields[:width]  # empty trailing fields (a delimiter at the end of the row)
        if len(fields) != width:
            bad.append((n, _field_count_reason(what, n, line, len(fields), header, sep)))
            continue
        records.append(dict(zip(header, fields, strict=True)))
        rows.append(n)
    return header, records, rows, bad


def _json_value_error(exc: ValueError) -> str:
    msg = str(exc)
    if "integer string conversion" in msg or "Exceeds the limit" in msg:
        return (
            f"a number with more than {sys.get_int_max_str_digits()} digits; write it as a "
            "string (in quotes)"
        )
    return msg


def _json_load(text: str, where: str) -> Any:
    """``json.loads`` with every failure as ``_Skip`` naming ``where`` (``""`` or ``" on line 3"``)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if where:
            raise _Skip(f"bad JSON{where}: {exc.msg}") from None
        raise _Skip(f"bad JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise _Skip(f"JSON nested too deeply{where}; flatten it") from None
    except ValueError as exc:
        raise _Skip(f"bad JSON{where}: {_json_value_error(exc)}") from None


def _too_large_json() -> str:
    return (
        f"JSON too large to parse at once (> {_mb(MAX_JSON_BYTES)} limit); split it into "
        "smaller files"
    )


def _columns_of(records: list[dict[str, Any]]) -> list[Any]:
    """Keys of ``records`` in first-seen order."""
    seen: dict[Any, None] = {}
    for rec in records:
        for k in rec:
            if k not in seen:
                seen[k] = None
    return list(seen)


def _read_parquet(data: bytes) -> pd.DataFrame:
    """Read Parquet bytes with the decoded size bounded by ``MAX_DECOMPRESSED_BYTES``.

    The size the file declares (uncompressed column chunks) is checked before
    reading; then row batches are decoded one at a time and their in-memory
    size summed, so a small file that expands (dictionary and run-length
    encoding) stops at the limit instead of filling memory.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    limit = MAX_DECOMPRESSED_BYTES
    too_big = f"Parquet too large when decoded (> {_mb(limit)} limit); split it into smaller files"
    try:
        pf = pq.ParquetFile(_stdio.BytesIO(data))
        md = pf.metadata
        if md.num_rows > MAX_TABLE_ROWS:
            raise _Skip(
                f"Parquet file with {md.num_rows:,} rows (> {MAX_TABLE_ROWS:,} limit); split it "
                "into smaller files"
            )
        if sum(md.row_group(i).total_byte_size for i in range(md.num_row_groups)) > limit:
            raise _Skip(too_big)
        batches = []
        total = 0
        for batch in pf.iter_batches(batch_size=8192):
            total += batch.nbytes
            if total > limit:
                raise _Skip(too_big)
            batches.append(batch)
        return pa.Table.from_batches(batches, schema=pf.schema_arrow).to_pandas()
    except _Skip:
        raise
    except Exception as exc:  # pyarrow raises several unrelated types
        raise _Skip(f"not a readable Parquet file ({exc})") from None


def _read_table(
    entry_rel: str, ext: str, data: bytes | None, frame: pd.DataFrame | None, encoding: str | None
) -> tuple[list[Any], list[dict[Any, Any]], list[int], str, list[tuple[str, str]]]:
    """Return (columns, records, row numbers, encoding, row-level skips) for one table.

    Row numbers are 1-based: CSV data row, JSON list item, Parquet or
    DataFrame row, or the physical line (JSONL). They are kept beside the
    records, never in a column, so a user column of any name is data.
    """
    bad: list[tuple[str, str]] = []
    enc = "n/a"
    if frame is not None:
        cols = list(frame.columns)
        records = frame.to_dict("records")
        return cols, records, list(range(1, len(records) + 1)), enc, bad
    assert data is not None
    if ext == ".parquet":
        df = _read_parquet(data)
        records = df.to_dict("records")
        return list(df.columns), records, list(range(1, len(records) + 1)), "parquet", bad
    text, enc = _bytes_to_text(data, encoding)
    if ext in (".csv", ".tsv"):
        sep = "\t" if ext == ".tsv" else _sniff_delimiter(text)
        try:
            cols, records, rows, wrong = _checked_csv(text, sep, ext.lstrip(".").upper())
        except _CsvError as exc:
            raise _Skip(
                f"CSV could not be parsed (line {exc.line}: {exc.msg}); check for unbalanced "
                "quotes or a wrong number of fields"
            ) from None
        bad = [(f"{entry_rel}#row={n}", reason) for n, reason in wrong]
        return cols, records, rows, enc, bad
    if len(text) > MAX_JSON_BYTES:
        raise _Skip(_too_large_json())
    records, rows = [], []
    if ext in (".jsonl", ".ndjson"):
        for i, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                obj = _json_load(line, f" on line {i}")
            except _Skip as exc:
                bad.append((f"{entry_rel}#line={i}", exc.reason))
                continue
            if not isinstance(obj, dict):
                bad.append(
                    (
                        f"{entry_rel}#line={i}",
                        f"line {i} is a JSON {type(obj).__name__}, not an object",
                    )
                )
                continue
            records.append(obj)
            rows.append(i)
        return _columns_of(records), records, rows, enc, bad
    obj = _json_load(text, "")
    if isinstance(obj, dict):
        lists = [v for v in obj.values() if isinstance(v, list)]
        obj = lists[0] if len(lists) == 1 else None
    if not isinstance(obj, list) or not all(isinstance(o, dict) for o in obj):
        raise _Skip("JSON file is not a list of objects (one object per document)")
    return _columns_of(obj), obj, list(range(1, len(obj) + 1)), enc, bad


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _surrogate_in(value: Any) -> str | None:
    """The first lone surrogate in a string (or in the strings of nested lists/dicts), or None."""
    todo = [value]
    while todo:
        v = todo.pop()
        if isinstance(v, str):
            m = _SURROGATE_RE.search(v)
            if m:
                return m.group()
        elif isinstance(v, dict):
            todo.extend(v.values())
            todo.extend(k for k in v if isinstance(k, str))
        elif isinstance(v, (list, tuple)):
            todo.extend(v)
    return None


def _is_missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and np.isnan(v):
        return True
    if v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, str) and not v.strip()


def _table_docs(
    rel: str, ext: str, data: bytes | None, frame: pd.DataFrame | None, opts: _Options
) -> Iterator[tuple[str, Any, Any]]:
    """Yield ("doc", base_row, None) / ("skip", path, reason) for one table source."""
    cols, records, rows, enc, bad = _read_table(rel, ext, data, frame, opts.encoding)
    kind = "dataframe" if frame is not None else ext.lstrip(".")
    where = rel if frame is None else "DataFrame"
    if not records and not bad and frame is None:
        raise _Skip("no rows (only a header or an empty list); nothing to load")
    tcol = _pick(cols, TEXT_COLUMNS, opts.text_column, "text", where)
    if tcol is None:
        raise _Skip(
            f"{where}: no text column; columns found: {[str(c) for c in cols]}; pass "
            f"text_column= (looked for {', '.join(TEXT_COLUMNS)})"
        )
    idcol = _pick(cols, ID_COLUMNS, opts.id_column, "id", where)
    title_col = _pick(cols, TITLE_COLUMNS, None, "title", where)
    outlet_col = _pick(cols, OUTLET_COLUMNS, None, "outlet", where)
    date_col = _pick(cols, DATE_COLUMNS, None, "date", where)
    prec_col = _pick(cols, ("date_precision",), None, "date precision", where)
    mapped = {tcol, idcol, title_col, outlet_col, date_col, prec_col} - {None}
    extra = [c for c in cols if c not in mapped]
    stem = rel.rsplit(".", 2 if rel.lower().endswith(".gz") else 1)[0] if frame is None else "row"
    # JSON escapes and DataFrames can hold lone surrogates (\udc00), which no encoder accepts
    check_unicode = kind in ("json", "jsonl", "ndjson", "dataframe")
    skips = dict(bad)
    items: list[tuple[int, Any]] = list(zip(rows, records, strict=True))
    items += [(int(p.rsplit("=", 1)[1]), ("skip", p)) for p in skips]
    items.sort(key=lambda t: t[0])
    unit = "line" if ext in (".jsonl", ".ndjson") else "row"
    for row_no, rec in items:
        if isinstance(rec, tuple):
            yield "skip", rec[1], skips[rec[1]]
            continue
        src = f"{rel}#{unit}={row_no}"
        if check_unicode:
            broken = next(((c, s) for c in cols if (s := _surrogate_in(rec.get(c)))), None)
            if broken is not None:
                esc = broken[1].encode("unicode_escape").decode("ascii")
                yield (
                    "skip",
                    src,
                    f"{kind.upper()} {unit} {row_no}, column {str(broken[0])!r}: a lone "
                    f"surrogate ({esc}) is not valid Unicode; fix the text (a broken \\u escape "
                    "or a bad decode)",
                )
                continue
        text = rec.get(tcol)
        if _is_missing(text):
            yield "skip", src, f"{kind.upper()} {unit} {row_no}: missing text"
            continue
        text = str(text)
        id_value = rec.get(idcol) if idcol is not None else None
        title = rec.get(title_col) if title_col is not None else None
        outlet = rec.get(outlet_col) if outlet_col is not None else None
        base: dict[str, Any] = {
            "doc_id": str(id_value).strip() if not _is_missing(id_value) else f"{stem}#{row_no}",
            "source": src,
            "path": rel if frame is None else None,
            "encoding": enc if frame is None else "n/a",
            "format": kind,
            "raw_text": text,
            "title": None if _is_missing(title) else str(title).strip(),
            "outlet": None if _is_missing(outlet) else str(outlet).strip(),
        }
        if date_col is not None:
            ts, prec = _parse_date(
                rec.get(date_col),
                where=where,
                row=row_no,
                column=str(date_col),
                unit=unit,
                date_format=opts.date_format,
            )
            base["published"], base["date_precision"] = ts, prec
        if prec_col is not None and not _is_missing(rec.get(prec_col)):
            base["date_precision"] = _check_precision(rec[prec_col], where, row_no, unit)
        for c in extra:
            if c in rec:
                name = str(c)
                key = f"user_{name}" if name in _RESERVED or name.startswith("__") else name
                base[key] = rec[c]
        yield "doc", base, None


# ------------------------------------------------------------------- dates
_YEAR_RE = re.compile(r"^\s*\d{4}\s*$")
_MONTH_RE = re.compile(r"^\s*(\d{4}[-/.]\d{1,2}|[A-Za-z]{3,9}\.?,?\s+\d{4}|\d{1,2}[-/.]\d{4})\s*$")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}")
# day and month as two numbers before the year: 02/11/2023, 2.11.23, 11-02-2023 10:00
_NUMERIC_DATE_RE = re.compile(r"(\d{1,2})([/.\- ])(\d{1,2})\2(\d{2,4})(?=$|[\sT,])")
_FOUR_DIGITS_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
#: the dates a ``datetime64[ns]`` column can hold (pandas' limits, rounded inwards)
_DATE_MIN = pd.Timestamp("1677-09-22")
_DATE_MAX = pd.Timestamp("2262-04-11")
_DATE_HELP = (
    "write dates as YYYY-MM-DD (or YYYY-MM, YYYY, 'October 19, 2023'), or pass "
    'date_format= to load_corpus (e.g. date_format="%d.%m.%Y")'
)


class _DateProblem(str):
    """Why a date string was refused: the tail of the MetadataError message."""


def _parse_date(
    value: Any,
    *,
    where: str,
    row: int,
    column: str,
    unit: str = "row",
    date_format: str | None = None,
) -> tuple[pd.Timestamp, str | None]:
    """Parse one date cell; return (naive UTC Timestamp or NaT, precision).

    Raises MetadataError naming ``where``, the row, the column, the value and
    the fix: for an unparseable date, a day/month order that cannot be told
    (``02/11/2023`` without ``date_format``), or a date outside what pandas
    can store (year 1, year 9999).
    """
    if _is_missing(value):
        return pd.NaT, None
    if isinstance(value, (pd.Timestamp, np.datetime64)) or hasattr(value, "year"):
        try:
            ts = pd.Timestamp(value)
        except (ValueError, OverflowError) as exc:
            raise MetadataError(
                f"{where} {unit} {row}, column {column!r}: cannot use the date {value!r} ({exc})."
            ) from None
        if ts is pd.NaT:
            return pd.NaT, None
        ts = ts.tz_convert("UTC").tz_localize(None) if ts.tzinfo is not None else ts
        problem = _out_of_range(ts, str(value))
        if problem is not None:
            raise MetadataError(f"{where} {unit} {row}, column {column!r}: {problem}")
        return ts, "day" if ts == ts.normalize() else "time"
    s = str(value).strip()
    key = (s, date_format)
    parsed = _DATE_CACHE.get(key)
    if parsed is None:
        parsed = _parse_date_str(s, date_format)
        if len(_DATE_CACHE) < _DATE_CACHE_MAX:  # bounded: unique timestamps must not grow it
            _DATE_CACHE[key] = parsed
    if isinstance(parsed, _DateProblem):
        raise MetadataError(f"{where} {unit} {row}, column {column!r}: {parsed}")
    return parsed


_ISO_DAY_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATE_CACHE: dict[tuple[str, str | None], Any] = {}
_DATE_CACHE_MAX = 100_000


def _out_of_range(ts: pd.Timestamp, shown: str) -> _DateProblem | None:
    return None if _DATE_MIN <= ts <= _DATE_MAX else _range_problem(shown)


def _range_problem(shown: str) -> _DateProblem:
    return _DateProblem(
        f"the date {shown!r} is outside the range pandas can store "
        f"({_DATE_MIN:%Y-%m-%d} to {_DATE_MAX:%Y-%m-%d}); a placeholder such as year 1 or "
        "9999? Fix the cell or leave it empty."
    )


def _format_precision(fmt: str) -> str:
    """Precision implied by a strftime format: the finest field it names."""
    codes = set(re.findall(r"%-?([a-zA-Z])", fmt))
    if codes & set("HIMSfpXTcsz"):
        return "time"
    if codes & set("djaAuwxD"):
        return "day"
    if codes & set("UWV"):
        return "week"
    if codes & set("mbBh"):
        return "month"
    return "year"


def _swap_problem(s: str, m: re.Match[str]) -> _DateProblem | str:
    """Refuse a numeric date whose day/month order is unknown, else rewrite it as ISO."""
    a, sep, b, y = int(m[1]), m[2], int(m[3]), m[4]
    sep_shown = " " if sep == " " else sep
    year_code = "%Y" if len(y) == 4 else "%y"
    day_first = f"%d{sep_shown}%m{sep_shown}{year_code}"
    month_first = f"%m{sep_shown}%d{sep_shown}{year_code}"
    fix = (
        f'pass date_format="{day_first}" (day first) or date_format="{month_first}" '
        "(month first) to load_corpus, or write ISO dates (YYYY-MM-DD)"
    )
    if len(y) != 4:
        return _DateProblem(
            f"the date {s!r} has a two-digit year, so which number is the year, the month and "
            f"the day is a guess; {fix}."
        )
    if a <= 12 and b <= 12 and a != b:
        return _DateProblem(
            f"the date {s!r} is ambiguous: it could be {a} {_MONTH_NAMES[b - 1]} {y} or "
            f"{b} {_MONTH_NAMES[a - 1]} {y}; {fix}."
        )
    day, month = (a, b) if a > 12 or a == b else (b, a)
    return f"{y}-{month:02d}-{day:02d}{s[m.end() :]}"


def _parse_date_str(s: str, date_format: str | None = None) -> Any:
    """Parse one stripped date string: (naive UTC Timestamp or NaT, precision) or a _DateProblem.

    Pure function of ``(s, date_format)`` (so results are cached per distinct
    string). With ``date_format`` the string must match it (or be an ISO
    ``YYYY-MM-DD...`` date). Without,
    ``YYYY-MM-DD`` takes a fast path; a date with day and month as numbers
    before the year is read only when one order is possible (``13/11/2023``,
    ``11/13/2023``, ``05/05/2023``) and refused when both are (``02/11/2023``)
    or the year has two digits; other forms go to pandas, and a form without a
    four-digit year is refused (dateutil would fill in the current year).
    """
    if date_format is not None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ts = pd.Timestamp(pd.to_datetime(s, format=date_format))
        except pd.errors.OutOfBoundsDatetime:
            return _range_problem(s)
        except (ValueError, OverflowError, TypeError):
            if _ISO_DAY_RE.match(s):  # an ISO date is unambiguous whatever the format
                return _parse_date_str(s)
            return _DateProblem(
                f"the date {s!r} does not match date_format={date_format!r} and is not an ISO "
                "date; fix the cell or the format (codes as in datetime.strptime)."
            )
        return _finish_ts(ts, _format_precision(date_format), s)
    m = _ISO_DAY_RE.fullmatch(s)
    if m is not None:
        try:
            return _finish_ts(pd.Timestamp(int(m[1]), int(m[2]), int(m[3])), "day", s)
        except ValueError:
            pass
    num = _NUMERIC_DATE_RE.match(s)
    if num is not None:
        rewritten = _swap_problem(s, num)
        if isinstance(rewritten, _DateProblem):
            return rewritten
        parsed = _parse_date_str(rewritten)
        if isinstance(parsed, _DateProblem):  # e.g. 31/02/2023: name the value as written
            return _DateProblem(parsed.replace(repr(rewritten), repr(s)))
        return parsed
    if not _FOUR_DIGITS_RE.search(s):
        return _DateProblem(f"cannot parse the date {s!r} (no four-digit year); {_DATE_HELP}.")
    if _YEAR_RE.match(s):
        prec = "year"
    elif _MONTH_RE.match(s):
        prec = "month"
    else:
        prec = "time" if _TIME_RE.search(s) else "day"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if prec == "year":
                ts = pd.Timestamp(year=int(s), month=1, day=1)
            else:
                ts = pd.Timestamp(pd.to_datetime(s))
    except pd.errors.OutOfBoundsDatetime:
        return _range_problem(s)
    except (ValueError, OverflowError, TypeError):
        return _DateProblem(f"cannot parse the date {s!r}; {_DATE_HELP}.")
    return _finish_ts(ts, prec, s)


def _finish_ts(ts: Any, prec: str, shown: str) -> Any:
    if ts is pd.NaT:
        return pd.NaT, None
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    problem = _out_of_range(ts, shown)
    return problem if problem is not None else (ts, prec)


def _check_precision(value: Any, where: str, row: int, unit: str = "row") -> str:
    v = str(value).strip().lower()
    if v not in PRECISIONS:
        raise MetadataError(
            f"{where} {unit} {row}, column 'date_precision': {value!r} is not one of "
            f"{', '.join(PRECISIONS)}; fix the cell or leave it empty."
        )
    return v


# ---------------------------------------------------------------- sidecar
@dataclass
class _Sidecar:
    name: str
    rows: list[dict[str, Any]]  # parsed values per sidecar row (keys: outlet, published...)
    keys: list[str]  # the key (file / doc_id / path) per row
    line_of: list[int]  # 1-based data row number per row


def _load_sidecar(
    metadata: Any, default: _Entry | None, date_format: str | None = None
) -> _Sidecar | None:
    if metadata is False:
        return None
    if metadata is None:
        if default is None:
            return None
        if default.skip is not None:
            raise MetadataError(
                f"{default.rel}: {default.skip} (put the metadata file itself in the corpus "
                "folder, or pass metadata=PATH)"
            )
        name = default.rel
        try:
            data = _read_entry(default)
        except _Skip as exc:
            raise MetadataError(f"{name}: {exc.reason}") from None
    elif not isinstance(metadata, pd.DataFrame):
        p = Path(metadata)
        name = p.name
        if not os.path.exists(p):
            raise MetadataError(f"{metadata}: metadata file not found; check the path.")
        try:
            data = _read_bytes(p, False)
        except _Skip as exc:
            raise MetadataError(f"{name}: {exc.reason}") from None
    if isinstance(metadata, pd.DataFrame):
        name = "metadata DataFrame"
        cols: list[Any] = list(metadata.columns)
        records: list[dict[Any, Any]] = metadata.to_dict("records")
    else:
        try:
            text, _ = _bytes_to_text(data, None)
        except _Skip as exc:
            raise MetadataError(f"{name}: {exc.reason}") from None
        if name.lower().endswith(".json"):
            try:
                obj = _json_load(text, "")
            except _Skip as exc:
                raise MetadataError(f"{name}: {exc.reason}.") from None
            if isinstance(obj, dict):
                obj = [{"file": k, **(v if isinstance(v, dict) else {})} for k, v in obj.items()]
            if not isinstance(obj, list) or not all(isinstance(o, dict) for o in obj):
                raise MetadataError(f"{name}: expected a list of objects or {{file: {{...}}}}.")
            bad = next(((i, s) for i, o in enumerate(obj, 1) if (s := _surrogate_in(o))), None)
            if bad is not None:
                esc = bad[1].encode("unicode_escape").decode("ascii")
                raise MetadataError(
                    f"{name} row {bad[0]}: a lone surrogate ({esc}) is not valid Unicode; fix "
                    "the broken \\u escape."
                )
            cols, records = _columns_of(obj), obj
        else:
            try:
                cols, records, _rows, wrong = _checked_csv(text, _sniff_delimiter(text), name)
            except _CsvError as exc:
                raise MetadataError(
                    f"{name}: cannot parse the CSV (line {exc.line}: {exc.msg}); check for "
                    "unbalanced quotes."
                ) from None
            if wrong:
                raise MetadataError(f"{wrong[0][1]}.")
    key = next((c for c in ("file", "doc_id", "path") if c in cols), None)
    if key is None:
        raise MetadataError(
            f"{name}: no key column; add a column 'file' (relative path of each "
            f"document) — columns found: {[str(c) for c in cols]}."
        )
    for c in cols:
        if c != key and str(c) in _RESERVED and str(c) not in _META_SETTABLE:
            raise MetadataError(f"{name}: column {c!r} is reserved for the loader; rename it.")
    rows, keys, lines = [], [], []
    for i, rec in enumerate(records, start=1):
        rec = dict(rec)
        k = rec.pop(key, None)
        if _is_missing(k):
            raise MetadataError(f"{name} row {i}, column {key!r}: empty key; name the file.")
        vals: dict[str, Any] = {}
        for c, v in rec.items():
            if _is_missing(v):
                continue
            if c == "published":
                vals["published"], prec = _parse_date(
                    v, where=name, row=i, column="published", date_format=date_format
                )
                vals.setdefault("date_precision", prec)
            elif c == "date_precision":
                vals["date_precision"] = _check_precision(v, name, i)
            elif c in ("outlet", "title"):
                vals[c] = str(v).strip()
            else:
                vals[str(c)] = v
        rows.append(vals)
        key_text = str(k).strip().replace("\\", "/")
        keys.append(key_text[2:] if key_text.startswith("./") else key_text)
        lines.append(i)
    return _Sidecar(name, rows, keys, lines)


# ---------------------------------------------------------------- per file
def _looks_like_headline(line: str) -> bool:
    s = line.strip()
    return (
        0 < len(s) <= 200
        and len(s.split()) <= 25
        and s[-1] not in ".!?:;,"
        and any(ch.isalpha() for ch in s)
    )


def _first_line_title(text: str) -> str | None:
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        end = n if end == -1 else end
        line = text[start:end]
        if line.strip():
            rest = text[end : end + 2000]
            return line.strip() if _looks_like_headline(line) and rest.strip() else None
        start = end + 1
    return None


# ----------------------------------------------------------- page metadata
_HOST_PREFIX_RE = re.compile(r"^(?:www\d*|m)\.")


def _url_host(url: Any) -> str | None:
    """``https://www.example.co.uk/a`` -> ``example.co.uk``; None for anything else."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or "." not in host:
        return None
    return _HOST_PREFIX_RE.sub("", host)


def _same(a: Any, b: Any) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return a.strip().lstrip("@").casefold() == b.strip().lstrip("@").casefold()


def _date_source(tree: Any, date: str, url: str | None) -> str:
    """Which of htmldate's steps gave ``date``, checked in htmldate's own order."""
    try:
        from htmldate.core import examine_elements, examine_header, examine_time_elements
        from htmldate.extractors import extract_url_date, json_search
        from htmldate.utils import Extractor
        from htmldate.validators import get_max_date, get_min_date
    except ImportError:  # pragma: no cover - another htmldate layout
        return "page"
    opts = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("url", lambda: extract_url_date(url, opts)),
        ("page:meta", lambda: examine_header(tree, opts)),
        ("page:json-ld", lambda: json_search(tree, opts)),
        ("page:time", lambda: examine_time_elements(tree, opts)),
        ("page:title", lambda: examine_elements(tree.xpath(".//title|.//h1"), opts)),
    ]
    for label, step in steps:
        try:
            if step() == date:
                return label
        except Exception:  # noqa: BLE001 - a provenance label is not worth a failed load
            continue
    return "page:html"


def _page_metadata(tree: Any) -> dict[str, Any]:
    """Outlet, date, title, author and canonical URL of a parsed page, each with its source.

    Values come from trafilatura's ``extract_metadata`` (Open Graph, JSON-LD,
    ``<meta>`` tags, ``<title>``; the date from htmldate: URL, ``<meta>``,
    JSON-LD, ``<time>``), with htmldate's fast mode so that no date is taken
    from free text such as a copyright line. The ``*_source`` labels say which
    of those parts holds the value: ``page:json-ld``, ``page:og:<property>``,
    ``page:meta``, ``page:title`` (``<title>`` or ``<h1>``), ``page:time``,
    ``page:html`` (another element or the text) or ``url``.
    """
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_metadata,
        extract_opengraph,
        extract_sitename,
    )
    from trafilatura.settings import Document

    meta = extract_metadata(tree, date_config={"original_date": True, "extensive_search": False})
    og = extract_opengraph(tree)
    try:
        ld = extract_meta_json(tree, Document())
    except Exception:  # noqa: BLE001 - trafilatura guards the same call the same way
        ld = Document()
    head = examine_meta(tree)
    out: dict[str, Any] = {"author": meta.author or None, "url": meta.url or None}

    def source(value: Any, field: str, og_key: str, og_name: str) -> str | None:
        if _same(value, getattr(ld, field, None)):
            return "page:json-ld"
        if _same(value, og.get(og_key)):
            return f"page:og:{og_name}"
        if _same(value, getattr(head, field, None)):
            return "page:meta"
        return None

    site = meta.sitename
    if isinstance(site, str) and site.strip() and "/" not in site:  # not a Facebook page URL
        out["outlet"] = site.strip()
        out["outlet_source"] = source(site, "sitename", "sitename", "site_name") or (
            "page:title"
            if _same(site, extract_sitename(tree))
            else "url"
            if _same(site, _url_host(meta.url))
            else "page"
        )
    if meta.title:
        out["title"] = meta.title
        out["title_source"] = source(meta.title, "title", "title", "title") or "page:title"
    if meta.date:
        try:
            ts = pd.Timestamp(meta.date)
        except (ValueError, OverflowError):
            ts = pd.NaT
        if ts is not pd.NaT and _out_of_range(ts, meta.date) is None:
            out["published"], out["date_precision"] = ts.normalize(), "day"
            out["published_source"] = _date_source(tree, meta.date, meta.url)
    return out


def _extract_html(text: str) -> tuple[str, dict[str, Any]]:
    """Return (article text with blank lines between blocks, page metadata) from an HTML page.

    The metadata dict has ``title`` and, when the page gives them, ``outlet,
    published, date_precision, author, url`` and the ``*_source`` labels (see
    :func:`_page_metadata`).
    """
    import trafilatura
    from trafilatura.utils import load_html

    opts: dict[str, Any] = {
        "include_comments": False,
        "include_tables": True,  # tables the article owns stay, as text
        "include_images": False,
    }
    doc: Any = trafilatura.bare_extraction(text, **opts)
    if doc is not None and len((doc.text or "").split()) < 50:
        # trafilatura's fallback returns menu text for pages without an article
        # (app shells, index pages); the precision mode returns nothing there.
        check: Any = trafilatura.bare_extraction(text, favor_precision=True, **opts)
        if check is None or not (check.text or "").strip():
            doc = None
    if doc is None or not (doc.text or "").strip():
        raise _Skip("HTML page with no extractable article text")
    blocks = [b.strip() for b in doc.text.split("\n") if b.strip()]
    tree = load_html(text)
    page = _page_metadata(tree) if tree is not None else {}
    page.setdefault("title", None)
    return "\n\n".join(blocks) + "\n", page


def _file_docs(entry: _Entry, opts: _Options) -> Iterator[tuple[str, Any, Any]]:
    data = _read_entry(entry)
    if entry.ext in TABLE_EXTENSIONS:
        yield from _table_docs(entry.rel, entry.ext, data, None, opts)
        return
    text, enc = _bytes_to_text(data, opts.encoding)
    stem = entry.rel.rsplit(".", 2 if entry.gz else 1)[0]
    page: dict[str, Any] = {}
    if entry.ext in HTML_EXTENSIONS:
        raw, page = _extract_html(text)
        title, fmt = page.pop("title", None), "html"
    else:
        raw, title, fmt = text, None, "text"  # title: first line of the CLEAN text (_finish)
    yield (
        "doc",
        {
            "doc_id": stem,
            "source": entry.rel,
            "path": entry.rel,
            "encoding": enc,
            "format": fmt,
            "raw_text": raw,
            "title": title,
            **page,
        },
        None,
    )


# ------------------------------------------------------------------ engine
@dataclass
class _Options:
    clean: bool = True
    rules: Any = None
    text_column: str | None = None
    id_column: str | None = None
    encoding: str | None = None
    date_format: str | None = None


def _progress(items: list[Any], enabled: bool, desc: str) -> Iterable[Any]:
    disable = (
        not enabled
        or os.environ.get("TQDM_DISABLE", "").lower() in ("1", "true", "yes")
        or not sys.stderr.isatty()
    )
    if disable:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="file", file=sys.stderr, leave=False)


class _Ids:
    """The doc_ids given so far; a clash gets the file extension, then ``~2``, ``~3``...

    The next free suffix is remembered per base id, so n rows with one id
    cost O(n), and one warning sums up every rename (:meth:`warning`).
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.next: dict[str, int] = {}
        self.renamed = 0
        self.example: tuple[str, str, str] | None = None

    def claim(self, doc_id: str, base: dict[str, Any]) -> str:
        if doc_id not in self.seen:
            self.seen.add(doc_id)
            return doc_id
        source = base["source"]
        alt = source if base.get("path") and "#" not in source else doc_id
        if alt not in self.seen:
            cand = alt
        else:
            k = self.next.get(alt, 2)
            while f"{alt}~{k}" in self.seen:
                k += 1
            cand = f"{alt}~{k}"
            self.next[alt] = k + 1
        self.seen.add(cand)
        self.renamed += 1
        if self.example is None:
            self.example = (doc_id, source, cand)
        return cand

    def warning(self) -> str | None:
        if self.example is None:
            return None
        doc_id, source, cand = self.example
        return (
            f"doc_id {doc_id!r} occurs more than once; {source} gets {cand!r} "
            f"({self.renamed:,} doc_id(s) renamed in all: a repeated id gets the file "
            "extension, then ~2, ~3...). Give every document its own id to keep yours."
        )


def _crash_reason(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    msg = msg[:200] + ("..." if len(msg) > 200 else "")
    return f"could not be loaded ({type(exc).__name__}: {msg}); the rest was loaded"


def _finish(
    base: dict[str, Any],
    opts: _Options,
    seen_ids: _Ids,
    sidecar_index: dict[str, list[int]] | None,
    sidecar: _Sidecar | None,
    used: set[int],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    doc_id = seen_ids.claim(base["doc_id"], base)
    base["doc_id"] = doc_id
    if sidecar is not None and sidecar_index is not None:
        hits: set[int] = set()
        for key in (base.get("path"), base["source"], doc_id):
            if key:
                hits.update(sidecar_index.get(key, ()))
        for i in sorted(hits):
            used.add(i)
            base.update(sidecar.rows[i])
            for field in _SOURCED:  # the sidecar wins over the page and says so
                if field in sidecar.rows[i]:
                    base[f"{field}_source"] = "sidecar"
    raw = base["raw_text"]
    if opts.clean:
        text, rows = clean_text(raw, rules=opts.rules, extracted=base.get("format") == "html")
    else:
        text, rows = raw, []
    base["text"] = text
    if base.get("format") == "text" and not base.get("title"):
        base["title"] = _first_line_title(text)
        if base["title"]:
            base["title_source"] = "first_line"
    _fill_sources(base)
    base["n_chars"] = len(text)
    base["n_cleaning_edits"] = len(rows)
    base["empty_after_cleaning"] = not text.strip()
    base.setdefault("published", pd.NaT)
    base.setdefault("date_precision", None)
    base.setdefault("outlet", None)
    log = [{"doc_id": doc_id, **r} for r in rows]
    return base, log


def _fill_sources(base: dict[str, Any]) -> None:
    """Label table-given values ``table``; outlet from the URL's host when nothing says."""
    if base.get("format") not in ("text", "html"):
        for k in _SOURCED:
            v = base.get(k)
            if v is not None and v is not pd.NaT and f"{k}_source" not in base:
                base[f"{k}_source"] = "table"
    if _is_missing(base.get("outlet")):
        host = _url_host(base.get("url"))
        if host is not None:
            base["outlet"], base["outlet_source"] = host, "url"
    for col in META_COLUMNS:
        base.setdefault(col, None)


def _events(
    source: Any, *, metadata: Any, opts: _Options, progress: bool
) -> Iterator[tuple[str, Any, Any]]:
    """Yield ("doc", row, log_rows) and ("skip", path, reason) in corpus order; root name last."""
    if isinstance(source, pd.DataFrame):
        plan = _Plan([], None, None, True)
    else:
        plan = _plan(source)
    sidecar = _load_sidecar(metadata, plan.sidecar, opts.date_format)
    index: dict[str, list[int]] | None = None
    if sidecar is not None:
        index = {}
        for i, k in enumerate(sidecar.keys):
            index.setdefault(k, []).append(i)
    used: set[int] = set()
    seen = _Ids()
    skipped_paths: set[str] = set()

    def run(gen: Iterator[tuple[str, Any, Any]]) -> Iterator[tuple[str, Any, Any]]:
        for kind, a, b in gen:
            if kind != "doc":
                yield kind, a, b
                continue
            try:
                done = _finish(a, opts, seen, index, sidecar, used)
            except CorpusToolsError:
                raise  # a deliberate error (bad date, bad rules file): stops the load
            except Exception as exc:  # one document's failure never stops the others
                yield "skip", a.get("source"), _crash_reason(exc)
                continue
            yield "doc", *done

    if isinstance(source, pd.DataFrame):
        try:
            yield from run(_table_docs("dataframe", ".dataframe", None, source, opts))
        except _Skip as exc:
            raise CorpusValueError(exc.reason) from None
    else:
        for entry in _progress(plan.entries, progress, "loading"):
            if entry.skip is not None:
                if plan.single_file:
                    raise CorpusLoadError(f"{entry.rel}: {entry.skip}")
                skipped_paths.add(entry.rel)
                yield "skip", entry.rel, entry.skip
                continue
            try:
                for event in run(_file_docs(entry, opts)):
                    if event[0] == "skip":
                        skipped_paths.add(event[1])
                    yield event
            except _Skip as exc:
                if plan.single_file:
                    raise CorpusLoadError(f"{entry.rel}: {exc.reason}") from None
                skipped_paths.add(entry.rel)
                yield "skip", entry.rel, exc.reason
            except CorpusToolsError:
                raise
            except Exception as exc:  # isolation: one file's failure never stops the load
                if plan.single_file:
                    raise CorpusLoadError(f"{entry.rel}: {_crash_reason(exc)}") from exc
                skipped_paths.add(entry.rel)
                yield "skip", entry.rel, _crash_reason(exc)
    message = seen.warning()
    if message is not None:
        warnings.warn(message, CorpusToolsWarning, stacklevel=3)
    if sidecar is not None:
        # a row naming a skipped file is fine: the file is listed in ``skipped``
        unknown = [
            i
            for i in range(len(sidecar.keys))
            if i not in used and sidecar.keys[i] not in skipped_paths
        ]
        if unknown:
            i = unknown[0]
            raise MetadataError(
                f"{sidecar.name} row {sidecar.line_of[i]}, column 'file': {sidecar.keys[i]!r} "
                f"names no loaded document ({len(unknown)} such row(s)); fix the name (a path "
                "relative to the corpus folder, or a doc_id) or delete the row."
            )
    yield "root", plan.root_name, None


def iter_documents(
    source: Any,
    *,
    metadata: Any = None,
    clean: bool = True,
    rules: Any = None,
    text_column: str | None = None,
    id_column: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    progress: bool = False,
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Stream documents one by one (same fields as ``load_corpus().docs`` rows).

    Use it for corpora too large for one DataFrame. Duplicate flags are not
    computed (they need the whole corpus); the cleaning-log rows of each
    document are in the ``"cleaning_log"`` key (a list of dicts).

    Parameters
    ----------
    source, metadata, clean, rules, text_column, id_column, encoding, date_format, progress
        As in :func:`load_corpus`.
    on_skip : callable, optional
        Called as ``on_skip(path, reason)`` for every input not loaded.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = iter_documents(pd.DataFrame({"text": ["One.", "Two."]}))
    >>> [d["doc_id"] for d in docs]
    ['row#1', 'row#2']
    """
    opts = _Options(clean, rules, text_column, id_column, encoding, date_format)
    for kind, a, b in _events(source, metadata=metadata, opts=opts, progress=progress):
        if kind == "doc":
            a["cleaning_log"] = b
            yield a
        elif kind == "skip" and on_skip is not None:
            on_skip(_display(a), _display(b))


# ------------------------------------------------------------------ public
def load_corpus(
    source: Any,
    *,
    metadata: Any = None,
    clean: bool = True,
    rules: Any = None,
    text_column: str | None = None,
    id_column: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    progress: bool = False,
) -> Corpus:
    """Load a corpus from a folder, a file, a list of paths or a DataFrame.

    Parameters
    ----------
    source : str, os.PathLike, list of paths, or pandas.DataFrame
        A folder (searched recursively), one file (``.txt .text .md .html .htm
        .csv .tsv .jsonl .ndjson .json .parquet``, each optionally ``.gz``), a
        list of files/folders, or a DataFrame with a text column.
    metadata : path, DataFrame or False, optional
        Metadata to join (key column ``file``, ``doc_id`` or ``path``; columns
        ``outlet, published, date_precision, title`` and any others). Default:
        ``metadata.csv`` / ``metadata.json`` in the corpus folder if present;
        ``False`` turns the sidecar off.
    clean : bool, default True
        Run :func:`corpus_tools.clean_text` on every document.
    rules : optional
        Passed to :func:`corpus_tools.clean_text`.
    text_column, id_column : str, optional
        Column names for table sources (found by common names when omitted).
    encoding : str, optional
        Force one encoding for every text file (default: detect per file).
    date_format : str, optional
        A ``strptime`` format (``"%d/%m/%Y"``, ``"%m/%d/%Y %H:%M"``...) that every
        date in the sidecar and in table date columns must match; the precision
        follows from the format (``%d`` day, ``%m`` month, ``%H`` time). Without
        it, dates are read as described in the Notes.
    progress : bool, default False
        Show a tqdm progress bar on stderr (never when stderr is not a terminal
        or ``TQDM_DISABLE=1``).

    Returns
    -------
    Corpus
        ``docs`` columns: ``doc_id, source, outlet, published (datetime64[ns],
        naive UTC), title, text, raw_text, path, encoding, n_chars, format,
        date_precision, duplicate_of, duplicate_kind, empty_after_cleaning,
        n_cleaning_edits`` + user metadata columns; rows in relative-path then
        row order. ``skipped``: ``path, reason`` in the same order.
        ``cleaning_log``: ``LOG_COLUMNS`` (+ ``category`` when the cleaner gives it).

    Raises
    ------
    CorpusLoadError
        Missing path, empty folder or list, or a single-file source that cannot
        be loaded (the reason is in the message).
    MetadataError
        A metadata row names an unknown file, or a date cannot be parsed, is
        ambiguous (``02/11/2023``: day and month could be swapped) or lies
        outside what pandas can store (year 1, year 9999); the message names
        the file, row, column and value, and the fix.
    CorpusValueError
        A DataFrame source without a text column.

    Notes
    -----
    Near-duplicates are found with word 5-gram shingles (Broder 1997): two
    lightly edited copies of a wire story are flagged, two stories that share
    only a long quotation are not.

    Dates are never guessed: ``2023-10-19``, ``2023-10``, ``2023``,
    ``October 19, 2023`` and ISO timestamps parse; a date with day and month
    as numbers (``02/11/2023``, ``2.11.2023``) parses only when a single order
    is possible (``13/11/2023`` is 13 November, ``11/13/2023`` too) and is an
    error otherwise, as is a two-digit year or a form without a four-digit
    year, unless ``date_format`` is given. For HTML pages the outlet, date,
    title, author and canonical URL are read from the page's metadata
    (trafilatura and htmldate: ``og:*``, JSON-LD, ``<meta>``, ``<time>``); the
    ``*_source`` columns say where each value came from, and the sidecar wins.

    References
    ----------
    Broder, A. Z. (1997). On the resemblance and containment of documents.
    *Compression and Complexity of Sequences*. Barbaresi, A. (2021).
    Trafilatura: A web scraping library and command-line tool for text
    discovery and extraction. *ACL-IJCNLP System Demonstrations*.

    Examples
    --------
    >>> import pandas as pd
    >>> c = load_corpus(pd.DataFrame({"id": ["a", "b"], "text": ["Talks ended.", "Talks ended."]}))
    >>> c.docs[["doc_id", "duplicate_of", "duplicate_kind"]].values.tolist()
    [['a', None, None], ['b', 'a', 'exact']]
    """
    opts = _Options(clean, rules, text_column, id_column, encoding, date_format)
    rows: list[dict[str, Any]] = []
    logs: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    root: str | None = None
    for kind, a, b in _events(source, metadata=metadata, opts=opts, progress=progress):
        if kind == "doc":
            rows.append(a)
            logs.extend(b)
        elif kind == "skip":
            skipped.append((_display(a), _display(b)))
        else:
            root = a
    if opts.clean:  # lines that recur on many pages of one outlet: its template
        rows, logs = apply_templates(rows, logs, opts.rules)
    if not rows:
        warnings.warn(
            f"no document could be loaded ({len(skipped)} input(s) skipped); see "
            "corpus.skipped for the reasons.",
            CorpusToolsWarning,
            stacklevel=2,
        )
    docs = pd.DataFrame(rows)
    for col in DOC_COLUMNS + EXTRA_COLUMNS + META_COLUMNS:
        if col not in docs.columns:
            docs[col] = pd.Series([None] * len(docs), dtype=object)
    docs["published"] = pd.to_datetime(docs["published"]).astype("datetime64[ns]")
    docs["doc_id"] = docs["doc_id"].astype(object)
    docs["empty_after_cleaning"] = docs["empty_after_cleaning"].astype(bool)
    docs["n_cleaning_edits"] = docs["n_cleaning_edits"].fillna(0).astype("int64")
    dup_of, dup_kind = flag_duplicates(docs["text"].tolist(), docs["doc_id"].tolist())
    docs["duplicate_of"] = pd.Series(dup_of, dtype=object)
    docs["duplicate_kind"] = pd.Series(dup_kind, dtype=object)
    for col in ("outlet", "title", "date_precision", "path", "source", "encoding", "format"):
        docs[col] = docs[col].astype(object).where(docs[col].notna(), None)
    for col in META_COLUMNS:
        docs[col] = docs[col].astype(object).where(docs[col].notna(), None)
    first = DOC_COLUMNS + EXTRA_COLUMNS + META_COLUMNS
    docs = docs[first + [c for c in docs.columns if c not in first]]
    log_cols = LOG_COLUMNS + (["category"] if any("category" in r for r in logs) else [])
    log = pd.DataFrame(logs)
    for col in log_cols:
        if col not in log.columns:
            log[col] = pd.Series(dtype=object)
    log = log[log_cols + [c for c in log.columns if c not in log_cols]]
    skipped_df = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS).astype(object)
    return Corpus(docs, log, skipped_df, root=root)


# ------------------------------------------------------------------ export
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv_safe(df: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``df`` to CSV (UTF-8, no index) with spreadsheet formulas neutralised.

    Text cells and column names starting with ``= + - @``, a tab or a carriage
    return get a leading apostrophe, so a spreadsheet shows them as text instead of running
    them (CSV/formula injection, OWASP). Numbers are left alone.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> to_csv_safe(pd.DataFrame({"a": ["=1+1", "ok"], "n": [-1, 2]}), p)
    >>> p.read_text().splitlines()
    ['a,n', "'=1+1,-1", 'ok,2']
    """
    out = df.copy()
    if not isinstance(out.columns, pd.MultiIndex):
        out.columns = [_neutralise(c) for c in out.columns]  # a header cell is a cell too
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutralise)
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\r\n")  # RFC 4180
