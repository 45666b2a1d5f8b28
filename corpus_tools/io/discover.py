"""Finding the inputs: the folder walk, path lists and single files, each as an :class:`Entry`.

The walk is iterative and fd-based (see :mod:`corpus_tools.io.files`),
hidden folders, output folders and folders deeper than ``limits.MAX_DEPTH``
are reported rather than searched, and every file found becomes an entry:
to be read, or skipped with a reason.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import shlex
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote

from .._output import MARKER
from ..errors import (
    CorpusLoadError,
    CorpusValueError,
    MetadataError,
)
from . import limits
from .files import (
    Folders,
    InputSkipped,
    list_dir,
    not_regular,
    open_fd,
    open_named,
    open_reason,
    open_under,
    read_bytes,
    read_fd,
)

#: .sgm/.sgml: SGML dumps of tagged records (Reuters-21578's reut2-*.sgm), read as text:
#: their records are found as in a .txt (io.dumps; ``split='records'`` makes them documents)
TEXT_EXTENSIONS = (".txt", ".text", ".md", ".sgm", ".sgml")
HTML_EXTENSIONS = (".html", ".htm")
#: files of many documents, read in the loading process: tables, web archives (.warc, one
#: document per page: io.warc) and saved news feeds (.xml .rss .atom, one per item: io.feeds)
TABLE_FILE_EXTENSIONS = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
TABLE_EXTENSIONS = TABLE_FILE_EXTENSIONS + (".warc", ".xml", ".rss", ".atom")
#: the kinds whose columns the ``*_column`` options name: tables and feeds (not web archives)
COLUMN_EXTENSIONS = TABLE_FILE_EXTENSIONS + (".xml", ".rss", ".atom")
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + TABLE_EXTENSIONS
SIDECAR_NAMES = ("metadata.csv", "metadata.json")
#: A folder holding a file of this name was written by corpus-tools (a report, cleaned
#: texts) and is never read as input (the marker the output writer puts there).
OUTPUT_MARKER = MARKER


def read_entry(entry: Entry, folders: Folders | None = None) -> bytes:
    """Read a discovered file relative to its root, refusing anything changed since discovery
    (``folders``: the folders opened for the files read before it, kept open)."""
    if entry.root is None:
        assert entry.real is not None
        return read_bytes(entry.real, entry.gz)
    if folders is not None:
        fd = folders.open_file(entry.root, entry.parts)
    else:
        fd = open_under(entry.root, entry.parts)
    return read_fd(fd, entry.gz, entry.ident)


def open_entry(entry: Entry) -> BinaryIO:
    """A discovered file (not gzip) open for reading in parts, refused as :func:`read_entry`
    refuses it; the caller closes it (a Parquet file is read a batch of rows at a time)."""
    if entry.root is None:
        assert entry.real is not None
        return open_fd(open_named(entry.real))
    return open_fd(open_under(entry.root, entry.parts), entry.ident)


@dataclass(frozen=True)
class Entry:
    """One input found: to be read (``skip`` is None) or skipped with the reason."""

    rel: str  # relative posix path (display + key; non-UTF-8 bytes of a name shown as \xNN)
    real: Path | None  # file to read when it is not opened relative to a root
    ext: str  # inner extension, lower case (".txt", ".csv"...)
    gz: bool
    skip: str | None = None  # reason when skipped at discovery time
    root: str | None = None  # real folder the file is opened relative to
    parts: tuple[str, ...] = ()  # path components below ``root`` (OS names)
    ident: tuple[int, int] | None = None  # (st_dev, st_ino) seen at discovery
    size: int = 0  # bytes seen at discovery (batches of files to read are bounded by it)


def split_ext(name: str) -> tuple[str, bool]:
    """The inner extension in lower case and whether the name ends in ``.gz``.

    >>> split_ext("Story.CSV.gz"), split_ext("notes")
    (('.csv', True), ('', False))
    """
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
    size: int = 0,
) -> Entry:
    name = rel.rsplit("/", 1)[-1]
    ext, gz = split_ext(name)
    if name.startswith("."):
        return Entry(rel, real, ext, gz, "hidden file; not loaded")
    if ext == ".jl":  # Scrapy's JSON lines (scrapy crawl x -o items.jl)
        ext = ".jsonl"
    if ext == ".wet":  # Common Crawl's page texts (x.warc.wet.gz, or saved as x.wet) are WARC
        ext = ".warc"
    stem = name.split(".", 1)[0].lower()
    if root is not None and stem in PROJECT_FILES:  # found in a folder, not named by the user
        reason = (
            f"named like a dataset's {PROJECT_FILES[stem]} ({name}), not an article; not loaded "
            "(pass the file itself, or rename it, to load it)"
        )
        return Entry(rel, real, ext, gz, reason)
    if ext not in SUPPORTED_EXTENSIONS:
        shown = (ext or "(none)") + (".gz" if gz else "")
        hint = _compressed_hint(name, ext) or _unpack_hint(name) or _convert_hint(ext, gz)
        return Entry(rel, real, ext, gz, f"unsupported extension {shown}; {hint}")
    return Entry(rel, real, ext, gz, None, root, parts, ident, size)


#: file names (before the first dot, any case) that a dataset's folder holds beside its
#: articles: skipped in a folder walk (LICENSE, README.md, CHANGES.txt...), loaded when named
PROJECT_FILES = {
    "license": "licence",
    "licence": "licence",
    "copying": "licence",
    "readme": "read-me file",
    "changes": "change log",
    "changelog": "change log",
}


#: spreadsheet formats: one article per row, so the fix is a CSV, not a .txt
_SHEETS = (".xlsx", ".xls", ".xlsm", ".ods", ".numbers")
#: archives (inner extension as split_ext gives it: "x.tar.gz" -> ".tar"): unpacking is the fix
_ARCHIVES = (
    ".zip",
    ".tar",
    ".tgz",
    ".tbz2",
    ".txz",
    ".7z",
    ".rar",
    ".gz",
    ".bz2",
    ".xz",
    ".zst",
    ".lz",
)


#: one-file compressors other than gzip, and the command that decompresses a file (kept)
_UNPACKERS = {".bz2": "bunzip2 -k", ".xz": "unxz -k", ".zst": "zstd -d", ".lz": "lzip -dk"}


def _compressed_hint(name: str, ext: str) -> str | None:
    """The fix for a file of a loadable kind compressed with another tool than gzip, or None.

    >>> print(_compressed_hint("a b.txt.bz2", ".bz2"))
    a .txt file compressed with .bz2, which is not read: decompress it (bunzip2 -k 'a b.txt.bz2') or compress it with gzip instead (a b.txt.gz is read as it is)
    >>> _compressed_hint("a.tar.bz2", ".bz2") is None, _compressed_hint("a.bz2", ".bz2") is None
    (True, True)
    """
    if ext not in _UNPACKERS:
        return None
    inner = os.path.splitext(name[: -len(ext)])
    if inner[1].lower() not in SUPPORTED_EXTENSIONS:
        return None
    return (
        f"a {inner[1].lower()} file compressed with {ext}, which is not read: decompress it "
        f"({_UNPACKERS[ext]} {shlex.quote(name)}) or compress it with gzip instead "
        f"({inner[0]}{inner[1]}.gz is read as it is)"
    )


#: archive name endings -> the command that unpacks NAME into the folder DIR
_UNPACK = (
    ((".zip",), "unzip {name} -d {dir}"),
    (
        (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz"),
        "mkdir {dir} && tar -xf {name} -C {dir}",
    ),
    ((".7z",), "7z x {name} -o{dir}"),
    ((".rar",), "unrar x {name} {dir}/"),
)


def _unpack_hint(name: str) -> str | None:
    """The command that unpacks an archive into a folder of its name, or None.

    >>> print(_unpack_hint("news 2024.zip"))
    unpack it (unzip 'news 2024.zip' -d 'news 2024') and point at the folder 'news 2024'
    >>> print(_unpack_hint("b.tar.gz"))
    unpack it (mkdir b && tar -xf b.tar.gz -C b) and point at the folder b
    >>> _unpack_hint("a.txt.gz") is None
    True
    """
    low = name.lower()
    for endings, command in _UNPACK:
        end = next((e for e in endings if low.endswith(e) and len(low) > len(e)), None)
        if end is not None:
            folder = shlex.quote(name[: -len(end)])
            cmd = command.format(name=shlex.quote(name), dir=folder)
            return f"unpack it ({cmd}) and point at the folder {folder}"
    return None


def _convert_hint(ext: str, gz: bool = False) -> str:
    """How to make a file of an unsupported extension loadable (``gz``: the name ends in .gz).

    >>> _convert_hint(".xlsx"), _convert_hint(".pdf")
    ('save it as CSV (UTF-8), one article per row, and load that', 'convert it to .txt first')
    >>> _convert_hint(".jpg")
    'an image, not text: corpus-tools reads text; for a scanned article, run OCR and save its text as .txt'
    >>> _convert_hint(".docx")
    "save it as plain text (.txt, UTF-8) from a word processor; a LexisNexis or Factiva export saved so loads one document per article with split='records'"
    >>> _convert_hint(".zip"), _convert_hint(".tar", gz=True)
    ('unpack it and point at the folder', 'unpack it and point at the folder')
    >>> _convert_hint("", gz=True)
    'a gzip file of one file whose name does not say what it holds: if it is text, rename it to end in .txt.gz (or .csv.gz, .jsonl.gz, .html.gz); if it is a tar archive, unpack it and point at the folder'
    """
    if ext in _SHEETS:
        return "save it as CSV (UTF-8), one article per row, and load that"
    if gz and not ext:  # plain.gz: one compressed file, its kind not in the name
        return (
            "a gzip file of one file whose name does not say what it holds: if it is text, "
            "rename it to end in .txt.gz (or .csv.gz, .jsonl.gz, .html.gz); if it is a tar "
            "archive, unpack it and point at the folder"
        )
    if ext in _ARCHIVES:
        return "unpack it and point at the folder"
    if ext in (".docx", ".doc", ".rtf", ".odt"):
        return (
            "save it as plain text (.txt, UTF-8) from a word processor; a LexisNexis or Factiva "
            "export saved so loads one document per article with split='records'"
        )
    if ext == ".wat":
        return (
            "a WAT file holds the metadata of a crawl, not its pages' text: load the crawl's "
            "WARC (.warc.gz) or WET (.warc.wet.gz) file"
        )
    if ext == ".arc":
        return (
            "an ARC web archive (the format before WARC), which is not read: convert it to WARC "
            "(.warc or .warc.gz, read one document per page), or save its pages as .html files"
        )
    if not ext:
        return "if it is text or a web page, rename it with .txt (or .html)"
    if ext in _IMAGES:
        return (
            "an image, not text: corpus-tools reads text; for a scanned article, run OCR and "
            "save its text as .txt"
        )
    return "convert it to .txt first"


#: image files (a folder of scans or a page's saved pictures): no text to convert
_IMAGES = frozenset(".png .jpg .jpeg .gif .bmp .tif .tiff .webp .heic .svg .ico .avif".split())


def display_name(name: str) -> str:
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


def _link_entry(rel: str, name: str, link: Path, root_real: str) -> Entry:
    """Entry for a symlink found while walking: followed only to a regular file inside the root."""
    is_dir = os.path.isdir(link)
    shown = rel + "/" if is_dir else rel
    target, why = _resolve_link(link, Path(root_real))
    if why is None:
        assert target is not None
        try:
            st = os.stat(target)
        except OSError as exc:
            why = open_reason(exc)
        else:
            if stat.S_ISDIR(st.st_mode):
                if _inside(Path(root_real), target):
                    why = "symlink loop (points to a folder that contains it); not followed"
                else:
                    tgt = display_name(target.relative_to(root_real).as_posix())
                    why = (
                        f"symlink to a folder inside the corpus; not followed "
                        f"(its files are loaded from {tgt}/)"
                    )
            elif not stat.S_ISREG(st.st_mode):
                why = not_regular(st.st_mode)
            else:
                parts = target.relative_to(root_real).parts
                ident = (st.st_dev, st.st_ino)
                return _classify(rel, target, root_real, parts, ident, st.st_size)
    if is_dir:
        return Entry(shown, None, "", False, why)
    return Entry(shown, None, *split_ext(name), why)


def _walk_folder(root: Path, prefix: str = "") -> tuple[list[Entry], list[Entry]]:
    """Return (entries, sidecars found) for a folder; ``prefix`` is prepended to rel paths.

    The walk is iterative (no recursion limit), opens every folder relative to
    the one above it without following symlinks, stops ``limits.MAX_DEPTH`` levels
    down (reported), and skips folders that hold ``OUTPUT_MARKER``.
    """
    root_real = os.path.realpath(root)
    entries: list[Entry] = []
    sidecars: list[Entry] = []
    stack: list[tuple[str, ...]] = [()]
    while stack:
        parts = stack.pop()
        rel_dir = "".join(display_name(p) + "/" for p in parts)
        try:
            listing = list_dir(root_real, parts)
        except (InputSkipped, OSError) as exc:
            if isinstance(exc, InputSkipped):
                reason = exc.reason
            elif isinstance(exc, PermissionError):
                reason = "unreadable folder (permission denied); check its permissions"
            else:
                reason = f"unreadable folder ({exc.strerror or exc}); check it"
            if not parts:
                raise CorpusLoadError(f"{root}: {reason}") from None
            entries.append(Entry(prefix + rel_dir, None, "", False, reason))
            continue
        if any(name == OUTPUT_MARKER for name, _ in listing):
            if not parts:
                raise CorpusLoadError(
                    f"{root}: this is an output folder written by corpus-tools (it holds "
                    f"{OUTPUT_MARKER}), not a corpus; give the corpus folder instead."
                )
            entries.append(
                Entry(
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
            rel = prefix + rel_dir + display_name(name)
            if isinstance(st, OSError):
                entries.append(Entry(rel, None, *split_ext(name), open_reason(st)))
                continue
            is_sidecar = not prefix and not parts and name.lower() in SIDECAR_NAMES
            if stat.S_ISDIR(st.st_mode):
                if name.startswith(".") or name == "__pycache__":
                    entries.append(Entry(rel + "/", None, "", False, "hidden folder; not searched"))
                elif len(here) > limits.MAX_DEPTH:
                    entries.append(
                        Entry(
                            rel + "/",
                            None,
                            "",
                            False,
                            f"folder nested more than {limits.MAX_DEPTH} levels deep; not searched "
                            "(move its files up)",
                        )
                    )
                else:
                    stack.append(here)
                continue
            if stat.S_ISLNK(st.st_mode):
                entry = _link_entry(rel, name, Path(root_real, *here), root_real)
            elif stat.S_ISREG(st.st_mode):
                entry = _classify(rel, None, root_real, here, (st.st_dev, st.st_ino), st.st_size)
            else:
                entry = Entry(rel, None, *split_ext(name), not_regular(st.st_mode))
            if is_sidecar and not entry.rel.endswith("/"):
                sidecars.append(entry)
            else:
                entries.append(entry)
    return entries, sidecars


@dataclass
class Plan:
    """What to load: the entries in corpus order, the root folder name, the sidecar found."""

    entries: list[Entry]
    root_name: str | None
    sidecar: Entry | None
    single_file: bool
    #: files a list of paths named more than once (directly or inside a listed folder)
    repeated: tuple[str, ...] = ()


#: a path the user named that is a symlink loop (a -> b -> a, or a link to itself)
_NAMED_LOOP = "symlink loop (the link leads back to itself); not followed: point at the real file"


def _named_file(rel: str, path: Path) -> Entry:
    """Entry for a file the user named (a symlink is followed: the user chose it)."""
    real = Path(os.path.realpath(path))
    if os.path.islink(path):
        try:
            path.resolve(strict=True)
        except (RuntimeError, OSError) as exc:
            if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
                return Entry(rel, None, "", False, _NAMED_LOOP)
            if isinstance(exc, FileNotFoundError):
                return Entry(rel, None, "", False, broken_link(path))
    entry = _classify(rel, real)
    try:
        st = os.stat(real)
    except OSError as exc:
        return replace(entry, skip=entry.skip or open_reason(exc))
    if entry.skip is None and not stat.S_ISREG(st.st_mode):
        return replace(entry, skip=not_regular(st.st_mode))
    ident = (st.st_dev, st.st_ino)
    return replace(entry, root=str(real.parent), parts=(real.name,), ident=ident, size=st.st_size)


def broken_link(link: Path) -> str:
    """The reason for a symlink the user named whose target does not exist.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> (d / "a.txt").symlink_to(d / "gone" / "a.txt")
    >>> broken_link(d / "a.txt").replace(str(d), "D")
    "broken symlink: it points to 'D/gone/a.txt', which does not exist; point at the real file, or make the link again"
    """
    try:
        to = os.readlink(link)
    except OSError:  # pragma: no cover - it stopped being a link
        to = "?"
    return (
        f"broken symlink: it points to {to!r}, which does not exist; point at the real file, "
        "or make the link again"
    )


def plan_inputs(source: Any) -> Plan:
    """The :class:`Plan` for a folder, a file or a list of paths (errors name the path and the fix)."""
    if isinstance(source, (str, os.PathLike)):
        p = _existing(
            source, "the path is empty; give a folder or a file (use '.' for the current folder)."
        )
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
            return Plan(sorted(entries, key=lambda e: e.rel), p.resolve().name, sidecar, False)
        entry = _named_file(display_name(p.name), p)
        try:
            root_name = p.resolve().parent.name
        except (RuntimeError, OSError):  # a symlink loop: the entry says so
            root_name = Path(os.path.abspath(p)).parent.name
        return Plan([entry], root_name, None, True)
    if isinstance(source, (list, tuple)):
        return _plan_list(source)
    raise CorpusValueError(
        f"source of type {type(source).__name__} is not supported; pass a folder, a file, a list "
        f"of paths or a pandas DataFrame{_source_hint(source)}."
    )


def _source_hint(source: Any) -> str:
    """How to pass a source of a type that is not read as it is (the nearest type that is).

    >>> _source_hint({"text": ["a"]}), _source_hint(b"x")
    (' (for a dict of columns: pandas.DataFrame(your_dict))', ' (bytes: decode them into a DataFrame column, or give the path of the file they came from)')
    >>> _source_hint(iter(["a.txt"]))
    ' (for a generator or other iterable of paths: list(...) of it)'
    """
    name = type(source).__name__
    if name == "Series":
        return " (for a Series of texts: series.to_frame('text'))"
    if isinstance(source, dict):
        return " (for a dict of columns: pandas.DataFrame(your_dict))"
    if isinstance(source, (bytes, bytearray)):
        return " (bytes: decode them into a DataFrame column, or give the path of the file they came from)"
    if hasattr(source, "read") and hasattr(source, "__iter__"):  # an open file
        named = getattr(source, "name", None)
        path = f" ({named!r})" if isinstance(named, str) else ""
        return f" (an open file: pass its path{path}, not the file object)"
    if not isinstance(source, str) and hasattr(source, "__iter__"):
        return " (for a generator or other iterable of paths: list(...) of it)"
    return ""


def _existing(path: str | os.PathLike[str], empty: str) -> Path:
    """``path`` as a Path; CorpusLoadError with ``empty`` if it is blank, or if nothing is there."""
    if not str(path).strip():
        raise CorpusLoadError(empty)
    if not os.path.lexists(path):
        home = os.path.expanduser(path)  # "~/corpus" from Python (a shell expands it itself)
        if home != str(path) and os.path.lexists(home):
            return Path(home)
        raise CorpusLoadError(missing_message(path))
    return Path(path)


_WEB_RE = re.compile(r"^(?:https?|ftp)://|^www\.", re.IGNORECASE)


def missing_message(path: Any) -> str:
    """The message for a corpus path where nothing is (a web address says how to get its pages).

    >>> missing_message("corpus/")
    'corpus/: no such file or folder; check the path.'
    >>> missing_message("The minister said on Tuesday that talks would go on.")[:100]
    'The minister said on Tuesday that talks would go on.: no such file or folder, and it reads like text'
    >>> missing_message("https://g1.globo.com/politica")[:100]
    'https://g1.globo.com/politica: a web address, not a file or folder: corpus-tools reads files on this'
    """
    if _WEB_RE.match(str(path)):
        return (
            f"{path}: a web address, not a file or folder: corpus-tools reads files on this "
            "computer and never downloads. Save the pages (or a CSV/JSONL export of the "
            "articles) into a folder and point at that folder."
        )
    text = str(path)
    near = _near_miss(text)
    if near:
        return near
    if len(text.split()) >= 5 and "/" not in text and "\\" not in text:
        return (
            f"{text[:60]}{'...' if len(text) > 60 else ''}: no such file or folder, and it reads "
            "like text, not a path. To analyse texts you have in Python, pass a DataFrame: "
            "load_corpus(pandas.DataFrame({'text': [text1, text2]}))."
        )
    return f"{path}: no such file or folder; check the path."


def _near_miss(text: str) -> str | None:
    """Why a missing path is probably a path written the wrong way, with the fix, or None.

    A file:// address, blanks or a line break around a path that exists without them, and a
    pattern (``*.csv``) that matches files: load_corpus does not expand patterns.

    >>> print(_near_miss("file:///no/such/news.csv"))
    'file:///no/such/news.csv': a file:// address, not a path; pass the path itself: '/no/such/news.csv'
    >>> _near_miss("/no/such/*.csv") is None  # a pattern that matches nothing: 'no such file'
    True
    """
    shown = repr(text)
    if text.lower().startswith("file://"):
        local = unquote(text[7:])
        if local.lower().startswith("localhost/"):
            local = local[9:]
        return f"{shown}: a file:// address, not a path; pass the path itself: {local!r}"
    stripped = text.strip()
    if stripped != text and stripped and os.path.lexists(os.path.expanduser(stripped)):
        return (
            f"{shown}: no such file or folder, but {stripped!r} is one: the path has a blank "
            "or a line break at its start or end; remove it"
        )
    if glob.has_magic(text):
        matches = glob.glob(os.path.expanduser(text))
        if matches:
            return (
                f"{shown}: a pattern (* ? [ ]), which load_corpus does not expand; it matches "
                f"{len(matches):,} path(s): pass the folder that holds them "
                f"({os.path.dirname(text) or '.'!r}), or the list of them: "
                f"load_corpus(sorted(glob.glob({text!r})))"
            )
    return None


def _plan_list(paths: Sequence[Any]) -> Plan:
    if not paths:
        raise CorpusLoadError("the list of paths is empty; give at least one file or folder.")
    absolute: list[Path] = []
    for item in paths:
        if not isinstance(item, (str, os.PathLike)):
            raise CorpusValueError(f"list item {item!r} is not a path; give file or folder paths.")
        p = _existing(item, "an item of the list is an empty path; give file or folder paths.")
        absolute.append(Path(os.path.abspath(p)))
    parents = [a if a.is_dir() else a.parent for a in absolute]
    common = Path(os.path.commonpath([str(x) for x in parents]))
    entries: list[Entry] = []
    seen: set[str] = set()
    repeated: dict[str, None] = {}
    for a in sorted(absolute, key=lambda x: x.as_posix()):
        rel = display_name(a.relative_to(common).as_posix())
        if a.is_dir():
            sub, _ = _walk_folder(a, prefix="" if rel == "." else rel + "/")
            for e in sub:
                if e.rel not in seen:
                    seen.add(e.rel)
                    entries.append(e)
                else:
                    repeated[e.rel] = None
        elif rel not in seen:
            seen.add(rel)
            entries.append(_named_file(rel, a))
        else:
            repeated[rel] = None
    plan = Plan(sorted(entries, key=lambda e: e.rel), common.name, None, False)
    plan.repeated = tuple(repeated)
    return plan
