"""The ``corpus-tools`` command: ``info``, ``clean`` and ``report``.

``corpus-tools info PATH`` prints what is in a corpus (documents, outlets,
dates, words, duplicates, skipped inputs with reasons, cleaning edits by
rule). ``corpus-tools clean PATH --out DIR`` writes the cleaned texts plus
``documents.csv``, ``cleaning_log.csv`` and ``skipped.csv``.
``corpus-tools report PATH --out DIR`` runs the notebooks on the corpus
(see :func:`corpus_tools.report.run_report`).

User mistakes (missing path, empty folder, bad metadata) print one plain line
on stderr and exit with status 2, without a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import __version__
from .corpus import Corpus
from .errors import CorpusToolsError
from .io import load_corpus, to_csv_safe

__all__ = ["main", "summary", "safe_filename"]

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_UNSAFE = re.compile(r"[^\w.\- ]+")


def _count_words(texts: Sequence[str]) -> int:
    return sum(len(_WORD_RE.findall(t)) for t in texts)


def summary(corpus: Corpus, *, max_rows: int = 10) -> str:
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
        lines.append(f"  {name}: {n}")
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
    lines.append(f"Words: {_count_words(docs['text'].tolist())} (after cleaning)")
    if "duplicate_kind" in docs:
        exact = int((docs["duplicate_kind"] == "exact").sum())
        near = int((docs["duplicate_kind"] == "near").sum())
        lines.append(f"Duplicates: {exact} exact, {near} near (kept, flagged in duplicate_of)")
    if "empty_after_cleaning" in docs and docs["empty_after_cleaning"].any():
        lines.append(f"Empty after cleaning: {int(docs['empty_after_cleaning'].sum())}")
    skipped = corpus.skipped
    lines.append(f"Skipped: {len(skipped)}")
    if len(skipped):
        by_reason = skipped.groupby("reason", sort=True)["path"].agg(["count", "first"])
        by_reason = by_reason.sort_values("count", ascending=False, kind="mergesort")
        for reason, row in list(by_reason.iterrows())[:max_rows]:
            lines.append(f"  {row['count']} x {reason} (e.g. {row['first']})")
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
                f"  {rule}: {row['edits']} edits in {row['docs']} documents, "
                f"{row['chars']} raw characters"
            )
    return "\n".join(lines)


def safe_filename(doc_id: str) -> str:
    """Return a relative file path (no extension) that is safe to write for ``doc_id``.

    Each ``/``-separated part keeps letters, digits, ``. - _`` and spaces;
    other characters become ``_``; ``.``/``..`` parts and leading dots are
    removed, so an id can never escape the output folder.

    Examples
    --------
    >>> safe_filename("sub/000_abc")
    'sub/000_abc'
    >>> safe_filename("../../etc/passwd")
    'etc/passwd'
    >>> safe_filename("articles#12")
    'articles_12'
    """
    parts = []
    for part in str(doc_id).replace("\\", "/").split("/"):
        part = _UNSAFE.sub("_", part).strip().lstrip(".")
        if part:
            parts.append(part)
    return "/".join(parts) or "_"


def _cmd_info(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.path, progress=True, clean=not args.no_clean)
    print(f"Corpus: {corpus.root}")
    print(summary(corpus))
    return 0


def _cmd_clean(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.path, progress=True)
    out = Path(args.out)
    texts = out / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    files = []
    for doc_id, text in corpus:
        name = safe_filename(doc_id)
        cand, k = name, 2
        while cand.lower() in used:
            cand, k = f"{name}~{k}", k + 1
        used.add(cand.lower())
        target = texts / f"{cand}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
        files.append(f"texts/{cand}.txt")
    docs = corpus.docs.drop(columns=["text", "raw_text"]).assign(file=files)
    to_csv_safe(docs, out / "documents.csv")
    to_csv_safe(corpus.cleaning_log, out / "cleaning_log.csv")
    to_csv_safe(corpus.skipped, out / "skipped.csv")
    print(
        f"Wrote {len(files)} cleaned texts, documents.csv, cleaning_log.csv "
        f"({len(corpus.cleaning_log)} edits) and skipped.csv ({len(corpus.skipped)} skipped) "
        f"to {out}"
    )
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    try:
        from .report import run_report
    except ImportError as exc:
        raise CorpusToolsError(f"the report module is not available ({exc}).") from None
    return int(
        run_report(
            args.path, args.out, notebooks=args.notebooks, timeout=args.timeout, progress=True
        )
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``corpus-tools``."""
    parser = argparse.ArgumentParser(
        prog="corpus-tools",
        description="Load, clean and report on a news corpus (folder, file, CSV, JSONL, Parquet).",
    )
    parser.add_argument("--version", action="version", version=f"corpus-tools {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    p = sub.add_parser("info", help="print a summary of a corpus")
    p.add_argument("path", help="corpus folder or file")
    p.add_argument("--no-clean", action="store_true", help="summarise the raw texts")
    p.set_defaults(func=_cmd_info)
    p = sub.add_parser("clean", help="write cleaned texts and the cleaning log")
    p.add_argument("path", help="corpus folder or file")
    p.add_argument("--out", required=True, help="output folder (created if missing)")
    p.set_defaults(func=_cmd_clean)
    p = sub.add_parser("report", help="run the notebooks on a corpus into an HTML report")
    p.add_argument("path", help="corpus folder or file")
    p.add_argument("--out", required=True, help="output folder (created if missing)")
    p.add_argument(
        "--notebooks",
        nargs="+",
        metavar="NAME",
        default=None,
        help="only these notebooks (default: all)",
    )
    p.add_argument(
        "--timeout", type=int, default=None, metavar="SECONDS", help="time limit per notebook cell"
    )
    p.set_defaults(func=_cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``corpus-tools``; return the exit status (0 ok, 2 user error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (CorpusToolsError, FileNotFoundError, NotADirectoryError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"corpus-tools: error: {msg}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("corpus-tools: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
