"""The ``corpus-tools`` command: ``info``, ``clean`` and ``report``.

``corpus-tools info PATH`` prints what is in a corpus (documents, outlets,
dates, words, duplicates, skipped inputs with reasons, cleaning edits by
rule). ``corpus-tools clean PATH --out DIR`` writes the cleaned texts plus
``documents.csv``, ``cleaning_log.csv`` and ``skipped.csv``.
``corpus-tools report PATH --out DIR`` runs the notebooks on the corpus
(see :func:`corpus_tools.report.run_report`).

Output folders are written safely (see :mod:`corpus_tools._output`): never
the corpus folder, inside or above it; never a folder holding files the
package did not write; a package-created folder only with ``--overwrite``;
the new output replaces the old one only once it is complete; one run per
folder at a time.

No command shows a traceback: a user mistake (missing path, empty folder, bad
metadata, unsafe output folder) prints one plain line
``corpus-tools: error: ...`` on stderr and exits with status 2; an internal
error prints one line too, exits with status 1 and says to rerun with
``--debug``, which shows the traceback. Names from the corpus (outlets, file
names, reasons) are printed through :func:`printable`, so they cannot send
escape sequences to the terminal.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import io
import math
import os
import re
import shlex
import sys
import traceback
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from ._output import check_output, output_folder
from .corpus import Corpus
from .errors import CorpusLoadError, CorpusToolsError, CorpusToolsWarning, CorpusValueError
from .io import load_corpus, to_csv_safe
from .io.discover import COLUMN_EXTENSIONS, TABLE_FILE_EXTENSIONS, missing_message
from .io.readers import TABLE_OPTIONS  # options that only name a column of a table
from .sampling import DETAIL_DOCS
from .tokenize import WORD_CONT

__all__ = [
    "main",
    "summary",
    "safe_filename",
    "printable",
    "output_names",
    "command_line_hint",
]

_WORD_RE = re.compile(rf"\w[\w{WORD_CONT}]*(?:['’]\w[\w{WORD_CONT}]*)*")  # marks stay in words
_UNSAFE = re.compile(rf"[^\w{WORD_CONT}.\- ]+")  # combining marks stay (Hindi, Thai, NFD)
_MAX_PART_BYTES = 120
# terminal escape sequences: OSC/DCS/SOS/PM/APC strings, CSI, other ESC sequences, 8-bit CSI/OSC
_ESCAPE_SEQ = re.compile(
    r"\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x90\x98\x9d-\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
)
# control characters, bidirectional overrides and line/paragraph separators
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def printable(text: object) -> str:
    r"""Return ``text`` safe to print on a terminal, on one line.

    Terminal escape sequences (colours, cursor moves, window titles,
    hyperlinks) are removed; any other control character, bidirectional
    override or line separator becomes ``?``.

    Examples
    --------
    >>> printable("\x1b[31mRed\x1b[0m Post")
    'Red Post'
    >>> printable("\x1b]0;pwned\x07Title")
    'Title'
    >>> printable("a\nb\tc\u202ed")
    'a?b?c?d'
    """
    return _CONTROL.sub("?", _ESCAPE_SEQ.sub("", str(text)))


def _count_words(texts: Sequence[str]) -> int:
    # finditer, not findall: a 500 MB one-line file would be a list of 80 million strings
    return sum(sum(1 for _ in _WORD_RE.finditer(t)) for t in texts)


def _count(n: int, word: str) -> str:
    """``1 edit`` / ``3 edits``."""
    return f"{n} {word}{'' if int(n) == 1 else 's'}"


def summary(corpus: Corpus, *, max_rows: int = 10, cleaned: bool = True) -> str:
    """Return the plain-text summary printed by ``corpus-tools info``.

    Examples
    --------
    >>> import pandas as pd
    >>> from corpus_tools import load_corpus
    >>> c = load_corpus(pd.DataFrame({"text": ["Talks ended.", "Talks ended."],
    ...                               "outlet": ["A", "B"]}))
    >>> print(summary(c).splitlines()[0])
    Documents: 2
    """
    docs = corpus.docs
    lines = [f"Documents: {len(docs)}"]
    outlets = docs["outlet"].fillna("(unknown)").value_counts(sort=False)
    outlets = outlets.sort_index(kind="mergesort").sort_values(ascending=False, kind="mergesort")
    lines.append(f"Outlets: {docs['outlet'].dropna().nunique()}")
    for name, n in list(outlets.items())[:max_rows]:
        lines.append(f"  {printable(name)}: {n}")
    if len(outlets) > max_rows:
        lines.append(f"  ... and {len(outlets) - max_rows} more")
    pub = docs["published"].dropna() if "published" in docs else pd.Series(dtype="datetime64[ns]")
    if len(pub):
        lines.append(
            f"Dates: {pub.min():%Y-%m-%d} to {pub.max():%Y-%m-%d} "
            f"({len(pub)} dated, {len(docs) - len(pub)} undated)"
        )
    else:
        lines.append("Dates: none known")
    state = "after cleaning" if cleaned else "raw texts, not cleaned"
    lines.append(f"Words: {_count_words(docs['text'].tolist())} ({state})")
    if "duplicate_kind" in docs:
        exact = int((docs["duplicate_kind"] == "exact").sum())
        near = int((docs["duplicate_kind"] == "near").sum())
        lines.append(f"Duplicates: {exact} exact, {near} near (kept, flagged in duplicate_of)")
    if "empty_after_cleaning" in docs and docs["empty_after_cleaning"].any():
        lines.append(f"Empty after cleaning: {int(docs['empty_after_cleaning'].sum())}")
    skipped = corpus.skipped
    lines.append(f"Skipped: {len(skipped)}")
    if len(skipped):
        kinds = skipped.assign(reason=_skipped_kinds(skipped))
        by_reason = kinds.groupby("reason", sort=True)["path"].agg(["count", "first"])
        by_reason = by_reason.sort_values("count", ascending=False, kind="mergesort")
        if len(by_reason) > max_rows:
            rest = int(by_reason["count"].iloc[max_rows:].sum())
            more = f"  ... and {_count(rest, 'more input')} for other reasons (corpus.skipped)"
        else:
            more = ""
        for reason, row in list(by_reason.iterrows())[:max_rows]:
            hint = command_line_hint(str(reason))
            lines.append(
                f"  {row['count']} x {printable(reason)}{printable(hint)} "
                f"(e.g. {printable(row['first'])})"
            )
        if more:
            lines.append(more)
    log = corpus.cleaning_log
    lines.append(f"Cleaning edits: {len(log)}")
    if len(log):
        chars = log["end"].astype("int64") - log["start"].astype("int64")
        per_rule = (
            log.assign(chars=chars)
            .groupby("rule", sort=True)
            .agg(edits=("doc_id", "size"), docs=("doc_id", "nunique"), chars=("chars", "sum"))
            .sort_values("edits", ascending=False, kind="mergesort")
        )
        for rule, row in per_rule.iterrows():
            lines.append(
                f"  {printable(rule)}: {_count(row['edits'], 'edit')} in "
                f"{_count(row['docs'], 'document')}, "
                f"{row['chars']} raw characters"
            )
    return "\n".join(lines)


_ROW_NUMBER = re.compile(r"\b(line|row|record|item) [0-9][0-9,]*\b")
_CHAR_SPAN = re.compile(r"\bcharacters [0-9][0-9,]*-[0-9][0-9,]*")


def _skipped_kinds(skipped: pd.DataFrame) -> list[str]:
    """Each skip reason with its row or line number as ``N``, so rows of one kind count together.

    ``info`` counts skipped inputs by these, so 330 rows of one JSONL file
    missing their text are one line (``330 x JSONL line N: missing text; ...``),
    not 330 lines of ``1 x``.

    Examples
    --------
    >>> _skipped_kinds(pd.DataFrame({"reason": ["JSONL line 102: missing text",
    ...                                         "CSV row 1,204: 3 fields, expected 2", "unsupported"]}))
    ['JSONL line N: missing text', 'CSV row N: 3 fields, expected 2', 'unsupported']

    Records of a crawler dump (``split="records"``) and feed items count together too:

    >>> _skipped_kinds(pd.DataFrame({"reason": [
    ...     "record 100 of feb.txt has no text but an empty value, [], after its header "
    ...     "(characters 78,545-78,557 of the file)", "feed item 3: missing text"]}))
    ['record N of feb.txt has no text but an empty value, [], after its header (characters N-M of the file)', 'feed item N: missing text']
    """
    return [
        _CHAR_SPAN.sub("characters N-M", _ROW_NUMBER.sub(r"\1 N", reason))
        for reason in skipped["reason"].astype(str)
    ]


#: names Windows keeps for devices, whatever the extension (CON, con.txt, LPT1.draft)
_WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{d}{i}" for d in ("COM", "LPT") for i in range(1, 10)]
)


def safe_filename(doc_id: str) -> str:
    """Return a relative file path (no extension) that is safe to write for ``doc_id``.

    Each ``/``-separated part keeps letters, digits, ``. - _`` and spaces;
    other characters become ``_``; ``.``/``..`` parts and leading dots are
    removed, so an id can never escape the output folder. A part longer than
    120 bytes (file systems allow 255) is cut and ends with ``~`` and a hash
    of the whole part, so long ids stay distinct.

    Examples
    --------
    >>> safe_filename("sub/000_abc")
    'sub/000_abc'
    >>> safe_filename("../../etc/passwd")
    'etc/passwd'
    >>> safe_filename("articles#12")
    'articles_12'
    >>> safe_filename("news/\u092d\u093e\u0930\u0924")  # a Hindi word keeps its vowel sign
    'news/भारत'
    >>> len(safe_filename("x" * 300))
    111
    >>> safe_filename("news/CON"), safe_filename("lpt1.draft"), safe_filename("notes.")
    ('news/_CON', '_lpt1.draft', 'notes')

    An id that holds a web address (a feed item's ``guid``, a crawler's URL) is one
    name, not folders named after its scheme, host and path:

    >>> safe_filename("http://blog.example.org/2005/10/post.html?p=80")
    'http_blog.example.org_2005_10_post.html_p_80'
    """
    text = unicodedata.normalize("NFC", str(doc_id))
    if "://" in text:
        text = text.replace("://", "_").replace("/", "_")
    parts = []
    for part in text.replace("\\", "/").split("/"):
        part = _UNSAFE.sub("_", part).strip().strip(".").strip()  # Windows drops a final dot
        if part.split(".", 1)[0].upper() in _WINDOWS_DEVICES:  # con.txt cannot be made there
            part = "_" + part
        if len(part.encode("utf-8", "surrogatepass")) > _MAX_PART_BYTES:
            digest = hashlib.sha1(part.encode("utf-8", "surrogatepass")).hexdigest()[:10]
            cut = part.encode("utf-8", "surrogatepass")[:100].decode("utf-8", "ignore")
            part = f"{cut}~{digest}"
        if part:
            parts.append(part)
    return "/".join(parts) or "_"


def output_names(doc_ids: Iterable[str], ext: str = ".txt") -> list[str]:
    """Return one relative file name per id: safe, distinct, never colliding with a folder.

    Names are compared case-insensitively and after Unicode NFC (macOS and
    Windows folders are case-insensitive, macOS stores names decomposed).
    A name taken by an earlier document, or needed as a folder by any
    document (``foo.md`` gives ``foo.txt`` while ``foo.txt/bar.txt`` needs
    a folder ``foo.txt``), gets ``~2``, ``~3``, ... in input order, so the
    result depends only on the ids.

    Examples
    --------
    >>> output_names(["foo", "foo.txt/bar", "Foo", "a#1"])
    ['foo~2.txt', 'foo.txt/bar.txt', 'Foo~3.txt', 'a_1.txt']
    >>> output_names(["caf\u00e9", "cafe\u0301"])  # the same name on macOS
    ['café.txt', 'café~2.txt']
    """
    names = [safe_filename(d) for d in doc_ids]
    folders: set[str] = set()
    for name in names:
        parts = name.split("/")
        for i in range(1, len(parts)):
            folders.add(_name_key("/".join(parts[:i])))
    used: set[str] = set()
    next_k: dict[str, int] = {}
    result = []
    for name in names:
        key = _name_key(name)
        k = next_k.get(key, 1)
        cand = name if k == 1 else f"{name}~{k}"
        while _name_key(cand + ext) in used or _name_key(cand + ext) in folders:
            k += 1
            cand = f"{name}~{k}"
        next_k[key] = k + 1
        used.add(_name_key(cand + ext))
        result.append(cand + ext)
    return result


def _name_key(name: str) -> str:
    """How a case-insensitive, normalising file system (macOS) sees a name: NFC, lower case.

    'café' typed (NFC) and 'café' from a macOS file name (NFD) are one file there.
    """
    return unicodedata.normalize("NFC", name).lower()


def _corpus_arg(paths: str | Sequence[str]) -> str:
    """The one corpus path given; several paths (a pattern the shell expanded) are an error.

    >>> _corpus_arg(["seeds/a.txt", "seeds/b.txt"])
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: 2 corpus paths given (seeds/a.txt seeds/b.txt); corpus-tools reads one folder or file: give the folder that holds them, e.g. seeds (a pattern such as *.txt is expanded by the shell into every file it matches).
    """
    if not isinstance(paths, str):
        if len(paths) > 1:
            shown = " ".join(paths[:3]) + (" ..." if len(paths) > 3 else "")
            folders = sorted({os.path.dirname(p) or "." for p in paths})
            raise CorpusValueError(
                f"{len(paths)} corpus paths given ({shown}); corpus-tools reads one folder or "
                f"file: give the folder that holds them, e.g. {folders[0]} (a pattern such as "
                "*.txt is expanded by the shell into every file it matches)."
            )
        paths = paths[0]
    path = paths
    if not str(path).strip():
        raise CorpusValueError(
            "the corpus path is empty; give a folder or file, e.g. corpus-tools info seeds "
            "(use . for the current folder)."
        )
    if not os.path.lexists(path) and glob.has_magic(path) and glob.glob(path):
        raise CorpusValueError(
            f"{path}: corpus-tools does not expand patterns (* ? [ ]); give the folder that "
            f"holds the files, e.g. {os.path.dirname(path) or '.'}."
        )
    return path


# load_corpus keywords the CLI offers, as (option, metavar); error messages name the keywords
_LOAD_FLAGS = {
    "text_column": ("--text-column", "NAME"),
    "id_column": ("--id-column", "NAME"),
    "title_column": ("--title-column", "NAME"),
    "outlet_column": ("--outlet-column", "NAME"),
    "date_column": ("--date-column", "NAME"),
    "url_column": ("--url-column", "NAME"),
    "outlet_from": ("--outlet-from", "folder"),
    "split": ("--split", "records"),
    "date_format": ("--date-format", "FMT"),
    "encoding": ("--encoding", "NAME"),
    "quotechar": ("--quotechar", "CHAR"),
    "metadata": ("--metadata", "PATH"),
}
_LOAD_HELP = {
    "text_column": "the table column holding the article text (default: found by common names)",
    "id_column": "the table column holding document ids (default: found by common names)",
    "title_column": "the table column holding titles (default: found by common names)",
    "outlet_column": "the table column holding outlet names (default: found by common names)",
    "date_column": "the table column holding publication dates (default: found by common names)",
    "url_column": "the table column holding each article's own link; its host is the outlet "
    "when there is no outlet column (default: found by common names or by its values); a path "
    "into nested JSON such as properties.link works for every column option",
    "outlet_from": "'folder': each document's outlet is its first folder below the corpus "
    "folder (corpus/bbc/*.txt -> bbc); a metadata file still wins (default: metadata, table, "
    "page or URL)",
    "split": "'records': a .txt/.md file holding many articles (repeated URL:/Title:/Date: "
    "blocks, 20+ separator lines, a LexisNexis or Factiva export) becomes one document per "
    "article (default: one per file)",
    "date_format": "strptime format every date must match, e.g. %%d/%%m/%%Y, or 'epoch' for "
    "Unix timestamps in seconds or milliseconds (default: ISO and unambiguous dates); repeat it "
    "for a table that mixes formats (tried in order), and add '--date-format undated' to load "
    "rows whose date none reads undated (named in one warning)",
    "encoding": "one encoding for every text file (default: detected per file)",
    "quotechar": "the character that wraps fields of CSV/TSV files, e.g. \"'\"; '' for none, "
    "quotes are text (default: \" or ' as the file shows)",
    "metadata": "metadata file to join (default: metadata.csv/.json in the corpus folder)",
}
_KEYWORD_RE = re.compile(
    r"\b(" + "|".join(_LOAD_FLAGS) + r")=(?:\"([^\"\n]*)\"|'([^'\n]*)'|([A-Z]+)\b)?"
)


def _add_load_options(p: argparse.ArgumentParser) -> None:
    for name, (flag, metavar) in _LOAD_FLAGS.items():
        action = "append" if name == "date_format" else "store"  # several formats, in order
        p.add_argument(
            flag, dest=name, default=None, metavar=metavar, action=action, help=_LOAD_HELP[name]
        )


def _load_options(args: argparse.Namespace) -> dict[str, Any]:
    """The load_corpus keywords given on the command line (one ``--date-format`` is a string,
    several a list).

    >>> _load_options(argparse.Namespace(date_format=["%m/%d/%y", "undated"], encoding=None))
    {'date_format': ['%m/%d/%y', 'undated']}
    """
    given = {k: getattr(args, k) for k in _LOAD_FLAGS if getattr(args, k, None) is not None}
    if isinstance(given.get("date_format"), list) and len(given["date_format"]) == 1:
        given["date_format"] = given["date_format"][0]
    return given


def _read_a_table(corpus: Corpus) -> bool:
    """True when a document (or a skipped row/file) of ``corpus`` came from a table file:
    by its format, or by its file (a table's cell holding a whole HTML page is read as a
    page, format ``html``, from ``crawl.jsonl#line=1``).

    >>> import pandas as pd
    >>> from corpus_tools import Corpus
    >>> page = pd.DataFrame({"doc_id": ["a"], "text": ["T."], "format": ["html"]})
    >>> _read_a_table(Corpus(page.assign(path="crawl.jsonl"))), _read_a_table(Corpus(page))
    (True, False)
    """
    if (~corpus.docs["format"].isin(["text", "html"])).any():
        return True
    paths = [corpus.skipped["path"]]
    if "path" in corpus.docs:
        paths.append(corpus.docs["path"].dropna())
    for column in paths:
        names = column.astype(str).str.split("#", n=1).str[0].str.lower().str.removesuffix(".gz")
        if names.str.endswith(COLUMN_EXTENSIONS).any():
            return True
    return False


def unused_load_options(corpus: Corpus, options: dict[str, Any]) -> list[str]:
    """One sentence per given load option that had no effect on ``corpus`` (empty: all used).

    ``text_column`` and ``id_column`` name columns of a table (.csv .tsv .jsonl
    .json .parquet) or a feed's items; on a corpus read only from text, HTML or web
    archive files they do nothing, which a user who passed them should be told.

    Examples
    --------
    >>> import pandas as pd
    >>> from corpus_tools import Corpus
    >>> c = Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["One text."], "format": ["text"]}))
    >>> unused_load_options(c, {"text_column": "body", "encoding": "utf-8"})
    ["text_column='body' (--text-column) has no effect: it names a column of a table (.csv .tsv .jsonl .ndjson .json .parquet), and every document here came from a text or HTML file; drop it, or point at the table."]
    """
    if corpus.docs.empty or "format" not in corpus.docs:
        return []
    notes = [_unused_quotechar(options["quotechar"])] if _quotechar_unused(corpus, options) else []
    given = [k for k in TABLE_OPTIONS if options.get(k) is not None]
    if not given or _read_a_table(corpus):
        return notes
    kinds = " ".join(TABLE_FILE_EXTENSIONS)
    return [
        f"{k}={options[k]!r} ({_LOAD_FLAGS[k][0]}) has no effect: it names a column of a table "
        f"({kinds}), and every document here came from a text or HTML file; drop it, or "
        "point at the table."
        for k in given
    ] + notes


def _quotechar_unused(corpus: Corpus, options: dict[str, Any]) -> bool:
    """True when ``quotechar`` was given and no document or skipped row came from a CSV/TSV."""
    if options.get("quotechar") is None:
        return False
    if corpus.docs["format"].isin(["csv", "tsv"]).any():
        return False
    names = corpus.skipped["path"].astype(str).str.split("#").str[0].str.lower()
    return not names.str.removesuffix(".gz").str.endswith((".csv", ".tsv")).any()


def _unused_quotechar(quote: str) -> str:
    """The note on a ``quotechar`` that no CSV/TSV file used.

    >>> print(_unused_quotechar("'"))
    quotechar="'" (--quotechar) has no effect: it is the quote character of .csv and .tsv files, and no document here came from one; drop it, or point at the file.
    """
    return (
        f"quotechar={quote!r} (--quotechar) has no effect: it is the quote character of .csv "
        "and .tsv files, and no document here came from one; drop it, or point at the file."
    )


# the loader's own note on the same unused options; the command line gives its own, with the flag
LOADER_UNUSED_NOTE = r"(?:text|id|title|outlet|date|url)_column=.* had no effect: "


def warn_unused_load_options(corpus: Corpus, options: dict[str, Any]) -> None:
    """Warn (CorpusToolsWarning) once per load option that had no effect on ``corpus``."""
    for note in unused_load_options(corpus, options):
        warnings.warn(note, CorpusToolsWarning, stacklevel=2)


def command_line_hint(message: str) -> str:
    """Return how to give on the command line the load_corpus keywords a message asks for.

    Only keywords after the message's first ``pass`` count (a message may
    quote an option the user already gave); ``""`` when there are none.

    Examples
    --------
    >>> command_line_hint("no text column; pass text_column= (looked for text)")
    ' (on the command line: --text-column NAME)'
    >>> command_line_hint('pass date_format="%d/%m/%Y" (day first) or date_format="%m/%d/%Y"')
    ' (on the command line: --date-format %d/%m/%Y or --date-format %m/%d/%Y)'
    >>> command_line_hint("the date '5' does not match date_format='%Y'")
    ''
    """
    found = _FIX_WORD_RE.search(message)
    if found is None:
        return ""
    parts: list[str] = []
    for m in _KEYWORD_RE.finditer(message, found.start()):
        flag, metavar = _LOAD_FLAGS[m.group(1)]
        value = m.group(2) if m.group(2) is not None else m.group(3)
        part = f"{flag} {_shell_word(value) if value is not None else metavar}"
        if part not in parts and f"{flag} {value or ''}".strip() not in message:
            parts.append(part)  # (not when the message names the option itself)
    return f" (on the command line: {' or '.join(parts)})" if parts else ""


def _shell_word(value: str) -> str:
    """``value`` quoted for a shell, a lone ``'`` as ``"'"`` (shlex would write ``''"'"''``).

    >>> print(_shell_word("'"), _shell_word(""), _shell_word("%d/%m/%Y"), _shell_word("a b"))
    "'" '' %d/%m/%Y 'a b'
    """
    if "'" in value and not re.search(r'["$`\\!]', value):
        return f'"{value}"'
    return shlex.quote(value)


#: the words before the fix in a message: the load_corpus keywords after them are the fix
_FIX_WORD_RE = re.compile(r"\b(?:[Pp]ass|[Gg]ive) ")
#: a message that opens with the keyword the user gave (``split='lines' is not known``)
_OPENING_KEYWORD_RE = re.compile(
    r"\A(" + "|".join(_LOAD_FLAGS) + r")=(?:'([^'\n]*)'|\"([^\"\n]*)\")(?=:|;| is )"
)


def command_line_message(message: str, whole: str | None = None) -> str:
    """``message`` as the command line says it: an opening ``keyword='value'`` as the option
    given, and the hint of :func:`command_line_hint` (read from ``whole``, the message before
    it was shortened, when given) added.

    >>> print(command_line_message("split='lines' is not known; give split='records' or leave it out."))
    --split lines is not known; give split='records' or leave it out. (on the command line: --split records)
    """
    hint = command_line_hint(message if whole is None else whole)

    def as_flag(m: re.Match[str]) -> str:
        value = m.group(2) if m.group(2) is not None else m.group(3)
        return f"{_LOAD_FLAGS[m.group(1)][0]} {_shell_word(value)}"

    return _OPENING_KEYWORD_RE.sub(as_flag, message, count=1) + hint


def _cmd_info(args: argparse.Namespace) -> int:
    options = _load_options(args)
    corpus = load_corpus(_corpus_arg(args.path), progress=True, clean=not args.no_clean, **options)
    warn_unused_load_options(corpus, options)
    print(f"Corpus: {printable(corpus.root)}")
    print(summary(corpus, cleaned=not args.no_clean))
    return 0


_OUT_HELP = "output folder (required): new or empty, outside the corpus folder"


def _out_arg(args: argparse.Namespace, path: str) -> str:
    """``--out``, or an error naming the command with a free folder beside the corpus.

    A newcomer types ``corpus-tools report my_corpus/`` (argparse's "required" error printed
    the whole usage); the one line says what --out is and gives a command that runs.
    """
    if args.out is not None:
        return str(args.out)
    if not os.path.lexists(path):  # the path's own error first: its fix comes before --out's
        raise CorpusValueError(missing_message(path))
    kind = args.command
    base = os.path.normpath(path)
    stem = os.path.splitext(base)[0] if os.path.isfile(base) else base
    suggest = f"{stem}-{kind}"
    raise CorpusValueError(
        f"--out is missing: name a new folder for the {kind} output, outside the corpus, "
        f"e.g. corpus-tools {kind} {_shell_word(path)} --out {_shell_word(suggest)}"
    )


def _cmd_clean(args: argparse.Namespace) -> int:
    path = _corpus_arg(args.path)
    args.out = _out_arg(args, path)
    if not os.path.lexists(path):  # before --out is checked against where the corpus would be
        raise CorpusValueError(missing_message(path))
    # refuse an unsafe --out before the (possibly long) load; checked again under the lock
    target = check_output(args.out, kind="clean", corpus=path, overwrite=args.overwrite)
    options = _load_options(args)
    with warnings.catch_warnings():  # the error below says it, with the reasons
        warnings.filterwarnings("ignore", "no document could be loaded", CorpusToolsWarning)
        corpus = load_corpus(path, progress=True, **options)
    warn_unused_load_options(corpus, options)
    if not len(corpus):
        from .report import no_documents_message  # the report's message, with "clean"

        raise CorpusLoadError(no_documents_message(Path(path), corpus, doing="clean"))
    docs = corpus.docs.drop(columns=["text", "raw_text"])
    files = ["texts/" + n for n in output_names(corpus.doc_ids)]
    with output_folder(args.out, kind="clean", corpus=path, overwrite=args.overwrite) as tmp:
        made: set[Path] = set()
        for (_doc_id, text), rel in zip(corpus, files, strict=True):
            dest = tmp / rel
            if dest.parent not in made:
                dest.parent.mkdir(parents=True, exist_ok=True)
                made.add(dest.parent)
            with open(dest, "x", encoding="utf-8", newline="") as fh:
                fh.write(text)
        to_csv_safe(docs.assign(file=files), tmp / "documents.csv")
        to_csv_safe(corpus.cleaning_log, tmp / "cleaning_log.csv")
        to_csv_safe(corpus.skipped, tmp / "skipped.csv")
    print(
        f"Wrote {len(files)} cleaned texts, documents.csv, cleaning_log.csv "
        f"({len(corpus.cleaning_log)} edits) and skipped.csv ({len(corpus.skipped)} skipped) "
        f"to {printable(target)}"
    )
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    try:
        from .report import run_report
    except ImportError as exc:
        raise CorpusToolsError(f"the report module is not available ({exc}).") from None
    path = _corpus_arg(args.path)
    return int(
        run_report(
            path,
            _out_arg(args, path),
            notebooks=args.notebooks,
            timeout=args.timeout,
            overwrite=args.overwrite,
            progress=True,
            detail_docs=args.detail_docs or None,
            jobs=args.jobs,
            load_options=_load_options(args),
        )
    )


_OVERWRITE_HELP = (
    "replace an earlier output of this command in --out (a folder corpus-tools created); "
    "a folder holding other files is never replaced"
)


def _whole_number(text: str) -> int:
    """argparse type: a whole number of at least 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give a whole number, 0 or more (0 = every document)"
        )
    return value


def _seconds(text: str) -> float:
    """argparse type: a finite number of seconds, 0 or more (``nan``/``inf`` failed every notebook).

    >>> _seconds("0"), _seconds("1.5")
    (0.0, 1.5)
    """
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(
            f"{text!r}: give a number of seconds, 0 or more (0 = no limit)"
        )
    return value


def _at_least_one(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number, at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``corpus-tools``."""
    parser = argparse.ArgumentParser(
        prog="corpus-tools",
        description="Load, clean and report on a news corpus (a folder or file: text, HTML, CSV, "
        "JSONL, Parquet, RSS/Atom feeds, WARC web archives; LexisNexis and Factiva exports with "
        "--split records).",
    )
    parser.add_argument("--version", action="version", version=f"corpus-tools {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something fails"
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    p = sub.add_parser("info", help="print a summary of a corpus", parents=[common])
    p.add_argument("path", nargs="+", help="the corpus: one folder or file")
    p.add_argument("--no-clean", action="store_true", help="summarise the raw texts")
    _add_load_options(p)
    p.set_defaults(func=_cmd_info)
    p = sub.add_parser("clean", help="write cleaned texts and the cleaning log", parents=[common])
    p.add_argument("path", nargs="+", help="the corpus: one folder or file")
    p.add_argument("--out", help=_OUT_HELP)
    p.add_argument("--overwrite", action="store_true", help=_OVERWRITE_HELP)
    _add_load_options(p)
    p.set_defaults(func=_cmd_clean)
    p = sub.add_parser(
        "report", help="run the notebooks on a corpus into an HTML report", parents=[common]
    )
    p.add_argument("path", nargs="+", help="the corpus: one folder or file")
    p.add_argument("--out", help=_OUT_HELP)
    p.add_argument("--overwrite", action="store_true", help=_OVERWRITE_HELP)
    p.add_argument(
        "--notebooks",
        nargs="+",
        metavar="NAME",
        default=None,
        help="only these notebooks: files, or names/prefixes of the curated ones, e.g. 01 03 "
        "(default: all)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=600,
        metavar="SECONDS",
        help="time budget per notebook cell (default 600; 0 = no limit)",
    )
    p.add_argument(
        "--detail-docs",
        type=_whole_number,
        default=DETAIL_DOCS,
        metavar="N",
        help=f"run the per-sentence detail analyses (quotes, triples, frames, evidence views) "
        f"on a stable sample of at most N documents, stratified by outlet; counts use every "
        f"document (default {DETAIL_DOCS}; 0 = every document)",
    )
    p.add_argument(
        "--jobs",
        type=_at_least_one,
        default=1,
        metavar="N",
        help="run N notebooks at once, each in its own process (default 1; 2 on a two-core "
        "machine takes about half the time and the memory of two notebooks)",
    )
    _add_load_options(p)
    p.set_defaults(func=_cmd_report)
    return parser


#: an error message is printed whole up to this many characters; a longer one is cut
ERROR_CHARS = 500
#: a parenthesised aside of this many characters or more goes first when a message is too long
_LONG_ASIDE_RE = re.compile(r" ?\([^()]{60,}\)")
#: where a message may be cut: after a sentence or a clause
_CLAUSE_END_RE = re.compile(r"[.;!?](?=\s)|\)(?=[;,.]?\s)")
#: a Python list of quoted names in a message (``columns found: ['id', 'title', ...]``)
_NAME_LIST_RE = re.compile(r"\[(?:'[^'\n]*'|\"[^\"\n]*\")(?:, (?:'[^'\n]*'|\"[^\"\n]*\"))*\]")
#: a list of more names than this shows its first ones and how many more
_LIST_SHOWN = 8


def _short_lists(text: str) -> str:
    """``text`` with each list of more than :data:`_LIST_SHOWN` quoted names cut to its first
    names and a count (``['a', 'b', ... (+40 more)]``).

    >>> _short_lists("columns found: " + str([f"c{i}" for i in range(12)]) + "; pass x")
    "columns found: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', ... (+4 more)]; pass x"
    """

    def cut(m: re.Match[str]) -> str:
        items = re.findall(r"'[^'\n]*'|\"[^\"\n]*\"", m.group())
        if len(items) <= _LIST_SHOWN:
            return m.group()
        return f"[{', '.join(items[:_LIST_SHOWN])}, ... (+{len(items) - _LIST_SHOWN:,} more)]"

    return _NAME_LIST_RE.sub(cut, text)


def _one_line(exc: BaseException, whole: bool = False) -> str:
    """The message of ``exc`` on one line; over :data:`ERROR_CHARS` characters (unless
    ``whole``), long parenthesised asides ("(looked for text, body, ...)") go first, then the
    message is cut after its last sentence or clause that fits, and says how to see the rest.

    >>> msg = "a.csv: no text column; columns found: " + str([f"column_{i}" for i in range(60)])
    >>> msg += "; pass text_column='description' (looked for " + "name, " * 20 + "name)"
    >>> print(_one_line(ValueError(msg)))
    a.csv: no text column; columns found: ['column_0', 'column_1', 'column_2', 'column_3', 'column_4', 'column_5', 'column_6', 'column_7', ... (+52 more)]; pass text_column='description' (looked for name, name, name, name, name, name, name, name, name, name, name, name, name, name, name, name, name, name, name, name, name) [shortened by 658 characters; rerun with --debug to see the whole message]
    >>> out = _one_line(ValueError("A sentence ends here. " * 30))
    >>> out[-100:], len(out)
    ('re. A sentence ends here. [shortened by 176 characters; rerun with --debug to see the whole message]', 558)
    """
    if isinstance(exc, OSError) and not isinstance(exc, CorpusToolsError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        text = f"{where}{exc.strerror}"
    else:
        text = str(exc)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    text = printable(" ".join(lines) if lines else type(exc).__name__)
    if whole or len(text) <= ERROR_CHARS:
        return text
    full = len(text)
    text = _short_lists(text)
    if len(text) > ERROR_CHARS:
        text = _LONG_ASIDE_RE.sub("", text)
    if len(text) > ERROR_CHARS:
        ends = [m.end() for m in _CLAUSE_END_RE.finditer(text, 0, ERROR_CHARS)]
        cut = ends[-1] if ends and ends[-1] >= ERROR_CHARS // 3 else text.rfind(" ", 0, ERROR_CHARS)
        text = text[: cut if cut > 0 else ERROR_CHARS].rstrip()
    if len(text) >= full:
        return text
    return (
        f"{text} [shortened by {full - len(text):,} characters; rerun with --debug to see the "
        "whole message]"
    )


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    """Print a warning as one plain line (no source file, no code line); from the fourth
    warning of one kind on (the same words about other files), count instead."""
    text = printable(" ".join(str(message).split()))
    if issubclass(category, CorpusToolsWarning):
        text = command_line_message(text)
    key = warning_kind(text)
    _SHOWN[key] = _SHOWN.get(key, 0) + 1
    if _SHOWN[key] <= _SHOW_PER_KIND:
        print(f"corpus-tools: warning: {text}", file=sys.stderr)


#: warnings printed per kind; the rest are counted in one line at the end
_SHOW_PER_KIND = 3
#: warnings seen per kind in this run (reset by :func:`main`)
_SHOWN: dict[str, int] = {}
_FILE_PREFIX = re.compile(r"^[^\s:]+(?:#[^\s:]+)?: ")


def warning_kind(text: str) -> str:
    """A warning's words without the file it names and its numbers: one kind per message.

    >>> warning_kind("a.xml: the feed's 33 items hold summaries (median 9 words)")
    "the feed's N items hold summaries (median N words)"
    >>> warning_kind("b.xml: the feed's 2 items hold summaries (median 41.5 words)")
    "the feed's N items hold summaries (median N words)"
    """
    return re.sub(r"\d[\d,.]*", "N", _FILE_PREFIX.sub("", text, count=1))[:72]


def _more_warnings() -> None:
    """One line per kind of warning that was printed only three times."""
    for key, n in _SHOWN.items():
        if n > _SHOW_PER_KIND:
            print(
                f"corpus-tools: warning: ... and {n - _SHOW_PER_KIND:,} more warning(s) like "
                f"the above ({key[:60]}...); rerun with --debug to see every one.",
                file=sys.stderr,
            )
    _SHOWN.clear()


class _Terminated(KeyboardInterrupt):
    """SIGTERM (``kill PID``), raised like Ctrl-C so that partial output is removed on the way out."""


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While the command runs, turn SIGTERM into :class:`_Terminated` (main thread only).

    Without it ``kill PID`` ended a report at once and left its half-written
    copy (``.NAME.tmp-PID``) and lock file beside the output folder.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_term(signum: int, frame: Any) -> None:
        raise _Terminated()

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _quiet_unfinished_tasks() -> None:
    """After an interrupt, no "Task exception was never retrieved" traceback at exit.

    A report interrupted while a notebook runs leaves nbclient's cell task failed with
    ``DeadKernelError`` (the kernel got the Ctrl-C too); asyncio logged it with a
    traceback when the task was collected, after the one ``interrupted`` line.
    """
    import logging

    logging.getLogger("asyncio").disabled = True


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``corpus-tools``; return the exit status.

    0 ok; 1 a report notebook failed, or an internal error; 2 a user error
    (bad path, option or output folder); 130 interrupted (Ctrl-C); 143 terminated
    (SIGTERM). Either way a partly written output folder is removed.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - detached stream
                pass
    try:
        args = build_parser().parse_args(argv)
    except KeyboardInterrupt:
        print("corpus-tools: interrupted", file=sys.stderr)
        return 130
    debug = bool(getattr(args, "debug", False))
    try:
        with warnings.catch_warnings(), _sigterm_as_interrupt():
            if not debug:
                warnings.showwarning = _show_warning
            warnings.filterwarnings("ignore", LOADER_UNUSED_NOTE, CorpusToolsWarning)
            _SHOWN.clear()
            try:
                return int(args.func(args))
            finally:
                _more_warnings()
    except BrokenPipeError:  # e.g. `corpus-tools info C | head -1`: stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return 1
    except KeyboardInterrupt as exc:
        if debug:
            traceback.print_exc()
        else:
            _quiet_unfinished_tasks()
        terminated = isinstance(exc, _Terminated)
        print(f"corpus-tools: {'terminated' if terminated else 'interrupted'}", file=sys.stderr)
        return 143 if terminated else 130
    except Exception as exc:
        if debug:
            traceback.print_exc()
        if isinstance(exc, CorpusToolsError | OSError):
            message = _one_line(exc, whole=debug)
            if isinstance(exc, CorpusToolsError):  # the hint read from the whole message
                message = printable(command_line_message(message, str(exc)))
            print(f"corpus-tools: error: {message}", file=sys.stderr)
            return 2
        hint = "" if debug else "; rerun with --debug to see the traceback"
        print(
            f"corpus-tools: error: internal error ({type(exc).__name__}: {_one_line(exc)}){hint}. "
            "This is a bug in corpus-tools; please report it.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
