"""Corpus overview tables: what is in a corpus and what cleaning removed.

These are the tables behind notebook 01 and the summary at the top of
``corpus-tools report``: one row per document (outlet, date and its
precision, title, words, sentences), the corpus in a few numbers, the
cleaning log summarised per rule and per document (the share of each page
that was chrome), a before/after view of one document, and exact and
near-duplicate documents (Broder 1997).

References
----------
Broder, A. Z. (1997). On the resemblance and containment of documents. In
*Proceedings of Compression and Complexity of SEQUENCES 1997*, IEEE, 21-29.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from . import html as _html
from .corpus import require_corpus
from .errors import check_whole, invalid_option
from .tokenize import doc_tokens, fold, is_word, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "overview",
    "corpus_summary",
    "cleaning_summary",
    "cleaning_view",
    "decision_summary",
    "rows_across",
    "template_reasons",
    "duplicates",
    "OVERVIEW_COLUMNS",
    "DUPLICATE_COLUMNS",
]

OVERVIEW_COLUMNS = [
    "doc_id",
    "outlet",
    "published",
    "date_precision",
    "title",
    "n_words",
    "n_sentences",
    "n_chars",
]
DUPLICATE_COLUMNS = [
    "doc_a",
    "doc_b",
    "outlet_a",
    "outlet_b",
    "kind",
    "jaccard",
    "shared",
    "n_shingles_a",
    "n_shingles_b",
]
_TITLE_MAX = 80


def _short(text: str, limit: int = _TITLE_MAX) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_line(text: str) -> str:
    for line in str(text).splitlines():
        if line.strip():
            return _short(line)
    return ""


def _doc_counts(text: str) -> tuple[int, int]:
    """Return (n_words, n_sentences) of one cleaned text."""
    n_sent = len(split_sentences(text))
    n_words = sum(1 for _, s, e in doc_tokens(text) if any(ch.isalnum() for ch in text[s:e]))
    return n_words, n_sent


COUNTS_KEY = "overview.doc_counts"


def doc_counts(corpus: Corpus) -> list[tuple[int, int]]:
    """Return ``(n_words, n_sentences)`` of every document in corpus order, computed once per corpus.

    Cached on the corpus under :data:`COUNTS_KEY`, so :func:`overview` and
    :func:`corpus_summary` (and a report's notebooks, which receive the
    corpus with this cache) tokenise each text once.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Talks end. Envoys left."]}))
    >>> doc_counts(c), c.is_cached(COUNTS_KEY)
    ([(4, 2)], True)
    """
    return corpus.cached(COUNTS_KEY, lambda: [_doc_counts(t) for t in corpus.docs["text"].tolist()])


_DIGITS = re.compile(r"(\d+)")


def natural_key(doc_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key reading each run of digits as a number: ``row#2`` before ``row#10``.

    Examples
    --------
    >>> sorted(["t#10", "t#2", "a", "t#1"], key=natural_key)
    ['a', 't#1', 't#2', 't#10']
    """
    return tuple(
        (1, int(part)) if part.isdigit() else (0, part) for part in _DIGITS.split(str(doc_id))
    )


def overview(corpus: Corpus) -> pd.DataFrame:
    """Return one row per document: outlet, date and its precision, title, size.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (str), ``outlet`` (str or missing),
        ``published`` (datetime64, NaT when unknown), ``date_precision``
        (str: ``day``/``week``/``month``/... from the metadata, missing when
        not given), ``title`` (str: the ``title`` column, or else the first
        non-blank line of the cleaned text, at most 80 characters),
        ``n_words`` (int: tokens containing a letter or digit),
        ``n_sentences`` (int) and ``n_chars`` (int, cleaned text). Rows are
        in ``doc_id`` order, numbers read as numbers (``headlines#2`` before
        ``headlines#10``, see :func:`natural_key`).

    Notes
    -----
    The title fallback can pick up a dateline or a leftover chrome line when
    the scrape has no headline; check it against the text.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> text = "Talks end\\n\\nEnvoys left Doha. Both sides spoke."
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [text]}))
    >>> overview(c)[["doc_id", "title", "n_words", "n_sentences"]]
      doc_id      title  n_words  n_sentences
    0      a  Talks end        8            3
    """
    require_corpus(corpus, "overview")
    docs = corpus.docs
    counts = doc_counts(corpus)
    titles = docs["title"].tolist() if "title" in docs.columns else [None] * len(docs)
    texts = docs["text"]  # read one by one where a title is missing: no copy of every text
    title = [
        _short(t) if isinstance(t, str) and t.strip() else _first_line(str(texts.iat[i]))
        for i, t in enumerate(titles)
    ]
    precision = (
        docs["date_precision"]
        if "date_precision" in docs.columns
        else pd.Series([None] * len(docs), index=docs.index)
    )
    out = pd.DataFrame(
        {
            "doc_id": docs["doc_id"].astype(str).tolist(),
            "outlet": docs["outlet"].tolist(),
            "published": pd.to_datetime(docs["published"], errors="coerce").tolist(),
            "date_precision": precision.tolist(),
            "title": title,
            "n_words": [c[0] for c in counts],
            "n_sentences": [c[1] for c in counts],
            "n_chars": docs["n_chars"].astype("int64").tolist(),
        },
        columns=OVERVIEW_COLUMNS,
    )
    out["published"] = pd.to_datetime(out["published"])
    for col in ("n_words", "n_sentences", "n_chars"):
        out[col] = out[col].astype("int64")
    order = sorted(range(len(out)), key=lambda i: natural_key(out["doc_id"].iat[i]))
    return out.iloc[order].reset_index(drop=True)


def corpus_summary(corpus: Corpus) -> pd.DataFrame:
    """Return the corpus in a few numbers, as a two-column table ``measure, value``.

    Measures (in this order): ``documents``, ``outlets`` (distinct, non-missing),
    ``documents without outlet``, ``first date``, ``last date`` (ISO dates,
    ``unknown`` when no document has one), ``documents without date``,
    ``words``, ``sentences``, ``cleaning edits``, ``characters removed by
    cleaning``, ``inputs skipped``. Values are strings, so the table prints
    the same everywhere.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["One sentence here."]}))
    >>> corpus_summary(c).set_index("measure").loc["words", "value"]
    '3'
    """
    require_corpus(corpus, "corpus_summary")
    table = overview(corpus)
    dates = table["published"].dropna()
    log = _log_with_lengths(corpus)
    removed = int(log["removed_chars"].sum()) if len(log) else 0
    rows = [
        ("documents", len(table)),
        ("outlets", int(table["outlet"].dropna().nunique())),
        ("documents without outlet", int(table["outlet"].isna().sum())),
        ("first date", dates.min().date().isoformat() if len(dates) else "unknown"),
        ("last date", dates.max().date().isoformat() if len(dates) else "unknown"),
        ("documents without date", int(table["published"].isna().sum())),
        ("words", int(table["n_words"].sum())),
        ("sentences", int(table["n_sentences"].sum())),
        ("cleaning edits", len(log)),
        ("characters removed by cleaning", removed),
        ("inputs skipped", len(corpus.skipped)),
    ]
    return pd.DataFrame({"measure": [r[0] for r in rows], "value": [str(r[1]) for r in rows]})


def _log_with_lengths(corpus: Corpus) -> pd.DataFrame:
    log = corpus.cleaning_log.copy()
    if "replacement" not in log.columns:
        log["replacement"] = ""
    log["text"] = log["text"].fillna("").astype(str)
    log["replacement"] = log["replacement"].fillna("").astype(str)
    log["removal"] = log["replacement"].str.len() == 0
    log["removed_chars"] = (log["text"].str.len() - log["replacement"].str.len()).astype("int64")
    log["chrome_chars"] = log["text"].str.len().where(log["removal"], 0).astype("int64")
    return log


def cleaning_summary(corpus: Corpus, *, by: Literal["rule", "doc_id"] = "rule") -> pd.DataFrame:
    """Summarise the cleaning log per rule or per document.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus (``corpus.cleaning_log`` may be empty).
    by : {"rule", "doc_id"}, default "rule"
        ``"rule"``: one row per rule that fired. ``"doc_id"``: one row per
        document, including documents cleaning did not touch.

    Returns
    -------
    pandas.DataFrame
        ``by="rule"``: ``rule``, ``n_edits`` (log rows), ``n_removed`` (rows
        that delete text: removed lines), ``n_changed`` (rows that replace
        text), ``n_docs``, ``removed_chars`` (raw minus clean characters),
        ``example_doc_id``, ``example`` (the first edit's raw text, one line,
        at most 80 characters); sorted by ``removed_chars`` descending, then
        ``rule``.

        ``by="doc_id"``: ``doc_id``, ``outlet``, ``n_edits``, ``n_removed``,
        ``raw_chars``, ``clean_chars``, ``removed_chars``, ``chrome_share``
        (characters of deleted lines / raw characters, rounded to 3
        decimals); sorted by ``chrome_share`` descending, then ``doc_id``.

    Notes
    -----
    ``chrome_share`` counts only deletions (chrome lines and the blank line
    removed with each), not changes such as rejoined lines. A rule that
    wrongly deletes a body sentence inflates it: read the examples.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Body."], "raw_text": ["Body.\\nShare\\n"]})
    >>> log = pd.DataFrame({"doc_id": ["a"], "line_no": [2], "start": [5], "end": [12],
    ...                     "rule": ["share_button"], "text": ["\\nShare\\n"], "replacement": [""]})
    >>> by_doc = cleaning_summary(ct.Corpus(docs, log), by="doc_id")
    >>> by_doc[["doc_id", "removed_chars", "chrome_share"]]
      doc_id  removed_chars  chrome_share
    0      a              7         0.583
    """
    require_corpus(corpus, "cleaning_summary")
    if by not in ("rule", "doc_id"):
        raise invalid_option("by", by, ["rule", "doc_id"])
    log = _log_with_lengths(corpus)
    if by == "rule":
        return summary_by_rule(log)
    return summary_by_doc(corpus, log)


RULE_SUMMARY_COLUMNS = [
    "rule",
    "n_edits",
    "n_removed",
    "n_changed",
    "n_docs",
    "removed_chars",
    "example_doc_id",
    "example",
]
DOC_SUMMARY_COLUMNS = [
    "doc_id",
    "outlet",
    "n_edits",
    "n_removed",
    "raw_chars",
    "clean_chars",
    "removed_chars",
    "chrome_share",
]
_RULE_COUNTS = ("n_edits", "n_removed", "n_changed", "n_docs", "removed_chars")


def summary_by_rule(log: pd.DataFrame) -> pd.DataFrame:
    """Return ``cleaning_summary(by="rule")`` of a log with lengths (one row per rule).

    ``log`` is the cleaning log with the ``removal`` and ``removed_chars``
    columns of :func:`cleaning_summary`'s first step.

    Examples
    --------
    >>> log = pd.DataFrame({"doc_id": ["a", "b"], "start": [0, 0], "rule": ["x", "x"],
    ...                     "text": ["Share", "Share"], "removal": [True, True],
    ...                     "removed_chars": [5, 5]})
    >>> summary_by_rule(log)[["rule", "n_edits", "n_docs", "removed_chars", "example"]]
      rule  n_edits  n_docs  removed_chars example
    0    x        2       2             10   Share
    """
    if log.empty:
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in _RULE_COUNTS else object)
                for c in RULE_SUMMARY_COLUMNS
            }
        )
    log = log.sort_values(["doc_id", "start"], kind="mergesort")
    g = log.groupby("rule", sort=True)
    first = g.head(1).set_index("rule")
    out = pd.DataFrame(
        {
            "n_edits": g.size(),
            "n_removed": g["removal"].sum(),
            "n_changed": g.size() - g["removal"].sum(),
            "n_docs": g["doc_id"].nunique(),
            "removed_chars": g["removed_chars"].sum(),
        }
    )
    out["example_doc_id"] = first["doc_id"]
    out["example"] = [
        _short(t.replace("\n", " ⏎ ").strip(" ⏎")) or repr(t) for t in first.loc[out.index, "text"]
    ]
    out = out.reset_index()[RULE_SUMMARY_COLUMNS]
    for c in _RULE_COUNTS:
        out[c] = out[c].astype("int64")
    out = out.sort_values("rule", kind="mergesort").sort_values(
        "removed_chars", ascending=False, kind="mergesort"
    )
    return out.reset_index(drop=True)


_KIND_ORDER = {"classifier": 0, "template": 1, "rule": 2, "edit": 3}
DECISION_SUMMARY_COLUMNS = [
    "kind",
    "rule",
    "n_lines",
    "n_docs",
    "example_doc_id",
    "example_reason",
    "example_text",
]


def decision_summary(decisions: pd.DataFrame) -> pd.DataFrame:
    """One row per kind and rule of :func:`cleaning_decisions`' table.

    A corpus of real pages gives tens of thousands of decisions, and the first
    rows of the table are one document's menu; this says, per kind of decision
    (``classifier``, ``template``, ``rule``, ``edit``) and per rule or feature,
    how many lines it removed in how many documents, with the first decision
    as the example (its document, the reason given and the line).

    Returns
    -------
    pandas.DataFrame
        ``kind, rule, n_lines, n_docs, example_doc_id, example_reason,
        example_text``; kinds in the order classifier, template, rule, edit,
        most lines first within a kind (ties by rule).

    Examples
    --------
    >>> d = pd.DataFrame({"kind": ["classifier", "classifier", "rule"],
    ...                   "doc_id": ["a", "b", "a"], "line_no": [1, 1, 5],
    ...                   "rule": ["block:before_body"] * 2 + ["share_button"],
    ...                   "reason": ["before the headline; short: 1 word", "x", "share"],
    ...                   "text": ["Home", "Menu", "Share"]})
    >>> decision_summary(d)[["kind", "rule", "n_lines", "n_docs", "example_text"]]
             kind               rule  n_lines  n_docs example_text
    0  classifier  block:before_body        2       2         Home
    1        rule       share_button        1       1        Share
    """
    if decisions is None or not len(decisions):
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in ("n_lines", "n_docs") else object)
                for c in DECISION_SUMMARY_COLUMNS
            }
        )
    g = decisions.groupby(["kind", "rule"], sort=True)
    first = g.head(1).set_index(["kind", "rule"])
    out = pd.DataFrame({"n_lines": g.size(), "n_docs": g["doc_id"].nunique()})
    out["example_doc_id"] = first.loc[out.index, "doc_id"].to_numpy()
    out["example_reason"] = first.loc[out.index, "reason"].to_numpy()
    out["example_text"] = first.loc[out.index, "text"].to_numpy()
    out = out.reset_index()
    out["_o"] = out["kind"].map(_KIND_ORDER).fillna(len(_KIND_ORDER))
    out = out.sort_values(
        ["_o", "n_lines", "rule"], ascending=[True, False, True], kind="mergesort"
    )
    out = out.drop(columns="_o")[DECISION_SUMMARY_COLUMNS]
    for c in ("n_lines", "n_docs"):
        out[c] = out[c].astype("int64")
    return out.reset_index(drop=True)


def template_reasons(
    decisions: pd.DataFrame, learned: pd.DataFrame, corpus: Corpus
) -> pd.DataFrame:
    """``decisions`` with each template row's reason saying how often its outlet prints the line.

    The cleaning log's reason of a learned template line is only "line learned
    as outlet template"; a row of a table shown alone should say why. Each
    ``template`` row is matched to its line of ``learned`` (the
    :func:`learned_boilerplate` table, by the document's outlet, else its URL
    host, and the line's matching key; a line shortened with "…" by its
    prefix), and its reason becomes e.g. ``line learned as outlet template: in
    6 of 6 documents of x.com (100 %)``. Rows that match no learned line
    (a template passed in by hand) and other kinds are left as they are.

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["x"], "outlet": ["Daily"]}))
    >>> d = pd.DataFrame({"kind": ["template"], "doc_id": ["a"], "line_no": [2],
    ...                   "rule": ["template:learned"], "text": ["Contact  Us"],
    ...                   "reason": ["line learned as outlet template"]})
    >>> learned = pd.DataFrame({"outlet": ["Daily"], "line": ["contact us"],
    ...                         "n_docs": [3], "n_group_docs": [4], "share": [0.75]})
    >>> template_reasons(d, learned, c)["reason"].tolist()
    ['line learned as outlet template: in 3 of 4 documents of Daily (75 %)']
    """
    from .templates import group_key

    rows = decisions.index[decisions["kind"] == "template"] if len(decisions) else []
    if not len(rows) or learned is None or learned.empty:
        return decisions
    counts: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for g, line, n, m in zip(
        learned["outlet"], learned["line"], learned["n_docs"], learned["n_group_docs"], strict=True
    ):
        counts[str(g)][str(line)] = (int(n), int(m))
    docs = corpus.docs.set_index(corpus.docs["doc_id"].astype(str))
    outlets = docs["outlet"] if "outlet" in docs.columns else pd.Series(None, index=docs.index)
    urls = docs["url"] if "url" in docs.columns else pd.Series(None, index=docs.index)
    out = decisions.copy()
    for i in rows:
        doc = str(out.at[i, "doc_id"])
        group = group_key(outlets.get(doc), urls.get(doc))
        found = _learned_count(counts.get(group, {}), str(out.at[i, "text"]))
        if found is not None:
            n, m = found
            where = f"documents of {group}" if group else "documents without an outlet"
            out.at[i, "reason"] = (
                f"{out.at[i, 'reason']}: in {n:,} of {m:,} {where} ({100 * n / max(m, 1):.0f} %)"
            )
    return out


def _learned_count(lines: dict[str, tuple[int, int]], text: str) -> tuple[int, int] | None:
    """The (n_docs, n_group_docs) of a shown line in one group's learned lines, or None."""
    from .templates import line_key, paragraph_key

    if not lines:
        return None
    if not text.endswith("…"):
        k = line_key(text)
        return lines.get(k) or lines.get(paragraph_key(k))
    prefix = line_key(text[:-1])
    return next((v for line, v in lines.items() if line.startswith(prefix)), None)


def rows_across(table: pd.DataFrame, n: int, *, by: str = "doc_id") -> pd.DataFrame:
    """At most ``n`` rows of ``table`` taken in turn from each group of ``by``.

    The first row of every document, then the second of every document, and so
    on, until ``n`` rows are taken; they are returned in the table's own order
    (index kept). A table of ``n`` rows or fewer is returned whole, so a view
    cut this way shows many documents instead of the first document's rows.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "c"], "line_no": [1, 2, 3, 1, 1]})
    >>> rows_across(t, 4)["line_no"].tolist(), rows_across(t, 4)["doc_id"].tolist()
    ([1, 2, 1, 1], ['a', 'a', 'b', 'c'])
    """
    check_whole("n", n, 0)
    if len(table) <= n:
        return table
    turn = table.groupby(by, sort=False).cumcount().to_numpy()
    keep = np.sort(np.argsort(turn, kind="stable")[:n])
    return table.iloc[keep]


def summary_by_doc(corpus: Corpus, log: pd.DataFrame) -> pd.DataFrame:
    """Return ``cleaning_summary(by="doc_id")``: one row per document, untouched ones included.

    ``log`` is the cleaning log with the ``removal`` and ``chrome_chars``
    columns of :func:`cleaning_summary`'s first step.

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Body."]}))
    >>> log = pd.DataFrame({"doc_id": [], "rule": [], "removal": [], "chrome_chars": []})
    >>> summary_by_doc(c, log)[["doc_id", "n_edits", "chrome_share"]]
      doc_id  n_edits  chrome_share
    0      a        0           0.0
    """
    docs = corpus.docs
    per = log.groupby("doc_id").agg(
        n_edits=("rule", "size"),
        n_removed=("removal", "sum"),
        chrome_chars=("chrome_chars", "sum"),
    )
    out = pd.DataFrame({"doc_id": docs["doc_id"].astype(str), "outlet": docs["outlet"]})
    out = out.join(per, on="doc_id")
    out[["n_edits", "n_removed", "chrome_chars"]] = (
        out[["n_edits", "n_removed", "chrome_chars"]].fillna(0).astype("int64")
    )
    out["raw_chars"] = corpus.raw_lengths().to_numpy()  # also when raw texts are not kept
    out["clean_chars"] = docs["text"].astype(str).str.len().astype("int64")
    out["removed_chars"] = (out["raw_chars"] - out["clean_chars"]).astype("int64")
    share = (out["chrome_chars"] / out["raw_chars"].where(out["raw_chars"] > 0)).fillna(0.0)
    out["chrome_share"] = share.round(3).astype("float64") + 0.0
    out = out[DOC_SUMMARY_COLUMNS]
    out = out.sort_values("doc_id", kind="mergesort").sort_values(
        "chrome_share", ascending=False, kind="mergesort"
    )
    return out.reset_index(drop=True)


def cleaning_view(corpus: Corpus, doc_id: str, *, show_labels: bool = True) -> _html.HTML:
    """Return one document's raw text with every cleaning edit marked (escaped HTML).

    Removed spans are struck through on a vermillion tint, changed spans show
    the old text struck through and the new text in blue, and each edit is
    followed by its rule name in brackets. All text is escaped, so markup in
    a scraped page is shown, never run. The plain-text representation is a
    one-line count of the edits.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    doc_id : str
        The document to show (raises ``CorpusValueError`` if unknown).
    show_labels : bool, default True
        Print the rule name after each edit.

    Returns
    -------
    corpus_tools.html.HTML
        Displays as HTML in Jupyter; ``.html`` holds the markup.
    """
    raw = corpus.raw(doc_id)
    log = corpus.log_for(doc_id)
    repl = log["replacement"] if "replacement" in log.columns else pd.Series([""] * len(log))
    edits = list(
        zip(
            log["start"].tolist(),
            log["end"].tolist(),
            log["rule"].tolist(),
            repl.fillna("").tolist(),
            strict=False,
        )
    )
    n_removed = sum(1 for e in edits if not e[3])
    text = (
        f"<cleaning view of {doc_id}: {len(edits)} edit{'' if len(edits) == 1 else 's'} "
        f"({n_removed} removal{'' if n_removed == 1 else 's'}, "
        f"{len(edits) - n_removed} change{'' if len(edits) - n_removed == 1 else 's'}), "
        f"{len(raw)} raw characters>"
    )
    return _html.HTML(_html.before_after(raw, edits, show_labels=show_labels), text)


# ------------------------------------------------------------------ duplicates
def _shingles(text: str, k: int) -> np.ndarray:
    """The sorted distinct hashes of a text's word ``k``-grams (int64, 8 bytes each, not a set).

    Python's string hash (per process, 64 bits): the hashes only say which
    documents share a shingle within one call, never reach a table, and a
    collision among a corpus's shingles is about as likely as one in 10**7.
    """
    words = [w.casefold() for w in fold(text).split() if is_word(w)]
    if len(words) < k:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]
    return np.unique(np.fromiter(map(hash, grams), dtype=np.int64, count=len(grams)))


class Fingerprints(NamedTuple):
    """What :func:`duplicates` compares: per document (in doc_id order) its shingles and text hash.

    ``shingles[i]`` is a sorted array of distinct shingle hashes (int64).
    """

    ids: list[str]
    outlets: dict[str, Any]
    shingles: list[np.ndarray]
    norm: list[str]


def fingerprints(corpus: Corpus, shingle_size: int) -> Fingerprints:
    """Return the documents' ids (sorted), outlets, shingle hashes and normalised-text hashes.

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["b", "a"], "text": ["One two.", "ONE  two."]}))
    >>> fp = fingerprints(c, 5)
    >>> fp.ids, fp.norm[0] == fp.norm[1], [len(s) for s in fp.shingles]
    (['a', 'b'], True, [1, 1])
    """
    docs = corpus.docs.sort_values("doc_id", kind="mergesort")
    ids = docs["doc_id"].astype(str).tolist()
    texts = docs["text"].astype(str).tolist()
    return Fingerprints(
        ids=ids,
        outlets=dict(zip(ids, docs["outlet"].tolist(), strict=False)),
        shingles=[_shingles(t, shingle_size) for t in texts],
        norm=[
            hashlib.blake2b(
                " ".join(fold(t).casefold().split()).encode(), digest_size=16
            ).hexdigest()
            for t in texts
        ],
    )


class CandidatePairs(NamedTuple):
    """Shingles shared per pair of documents (rare shingles only), and each document's frequent ones.

    ``pairs`` holds each pair (x < y) of document positions as ``x * n_docs + y``
    (int64, ascending, distinct); ``shared[k]`` is how many rare shingles pair
    ``pairs[k]`` shares.
    """

    pairs: np.ndarray
    shared: np.ndarray
    n_frequent: np.ndarray


def candidate_pairs(fp: Fingerprints, max_df: int) -> CandidatePairs:
    """Count the shingles each pair of documents shares, over shingles in at most ``max_df`` docs.

    One sort of all (shingle, document) pairs: the documents of each shingle
    are a run of the sorted array, and every pair within a run of 2 to
    ``max_df`` documents is one shared shingle of that pair. ``n_frequent``
    counts each document's shingles in more than ``max_df`` documents (the
    most a pair can share beyond its count).

    Examples
    --------
    >>> sh = [np.array([1, 2]), np.array([1, 2, 3]), np.array([3])]
    >>> found = candidate_pairs(Fingerprints(["a", "b", "c"], {}, sh, ["x", "y", "z"]), max_df=200)
    >>> found.pairs.tolist(), found.shared.tolist(), found.n_frequent.tolist()
    ([1, 5], [2, 1], [0, 0, 0])
    """
    n_docs = len(fp.shingles)
    sizes = np.fromiter((len(s) for s in fp.shingles), dtype=np.int64, count=n_docs)
    none = np.zeros(0, dtype=np.int64)
    if sizes.sum() == 0:
        return CandidatePairs(none, none, np.zeros(n_docs, dtype=np.int64))
    hashes = np.concatenate(fp.shingles)
    owner = np.repeat(np.arange(n_docs, dtype=np.int64), sizes)
    order = np.argsort(hashes, kind="stable")  # stable: documents ascending within a run
    hashes, owner = hashes[order], owner[order]
    del order
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    lengths = np.diff(np.r_[starts, len(hashes)])
    frequent = np.repeat(lengths > max_df, lengths)
    n_frequent = np.bincount(owner[frequent], minlength=n_docs).astype(np.int64)
    keep = (lengths > 1) & (lengths <= max_df)
    # runs of one length at a time (at most max_df lengths, not a call per shared shingle)
    by_length = np.argsort(lengths[keep], kind="stable")
    starts, lengths = starts[keep][by_length], lengths[keep][by_length]
    cuts = np.flatnonzero(np.r_[True, lengths[1:] != lengths[:-1], True]).tolist()
    codes = [
        _pair_codes(owner, starts[a:b], int(lengths[a]), n_docs)
        for a, b in zip(cuts[:-1], cuts[1:], strict=True)
        if len(lengths)  # no shared shingle: cuts [0, 1] over nothing
    ]
    if not codes:
        return CandidatePairs(none, none, n_frequent)
    pairs, counts = np.unique(np.concatenate(codes), return_counts=True)
    return CandidatePairs(pairs, counts.astype(np.int64), n_frequent)


def _pair_codes(owner: np.ndarray, starts: np.ndarray, length: int, n_docs: int) -> np.ndarray:
    """Every pair (x < y) of the documents of each run ``owner[s:s+length]`` (``s`` in
    ``starts``, all runs of one ``length``) as ``x * n_docs + y``, run after run.

    >>> _pair_codes(np.array([0, 1, 2, 5, 0, 3, 4]), np.array([1, 4]), 3, 10).tolist()
    [12, 15, 25, 3, 4, 34]
    """
    members = owner[starts[:, None] + np.arange(length)]  # one row per run
    x, y = np.triu_indices(length, k=1)
    return (members[:, x] * n_docs + members[:, y]).ravel()


def _n_common(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of distinct values share."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 0:
        return 0
    at = np.searchsorted(b, a)
    return int(np.count_nonzero(b[np.minimum(at, len(b) - 1)] == a))


def _pair_row(fp: Fingerprints, i: int, j: int, exact: bool, n_shared: int) -> tuple:
    """The result row of documents ``i`` and ``j`` sharing ``n_shared`` shingles."""
    na, nb = len(fp.shingles[i]), len(fp.shingles[j])
    union = na + nb - n_shared
    jac = 1.0 if exact else (n_shared / union if union else 0.0)
    a, b = fp.ids[i], fp.ids[j]
    kind = "exact" if exact else "near"
    return (a, b, fp.outlets[a], fp.outlets[b], kind, round(jac, 3), n_shared, na, nb)


def _duplicate_rows(fp: Fingerprints, found: CandidatePairs, threshold: float) -> list[tuple]:
    """The result rows of the candidate and exact pairs that reach ``threshold``.

    Worked on arrays of all pairs at once (their number grows with the square of
    the documents). A near pair whose resemblance cannot reach ``threshold`` even
    if every frequent shingle were shared is ruled out without comparing the
    shingles; when one of the two documents has no frequent shingle, the rare
    shingles counted are all the pair shares, so its shingles are not compared.
    """
    n_docs = len(fp.ids)
    exact_codes = np.fromiter((x * n_docs + y for x, y in _exact_pairs(fp.norm)), dtype=np.int64)
    codes = np.union1d(found.pairs, exact_codes)
    pos = np.searchsorted(found.pairs, codes)
    hit = pos < len(found.pairs)
    hit[hit] = found.pairs[pos[hit]] == codes[hit]
    rare = np.zeros(len(codes), dtype=np.int64)  # the rare shingles each pair shares
    rare[hit] = found.shared[pos[hit]]
    i, j = codes // n_docs, codes % n_docs
    exact = np.isin(codes, exact_codes)
    sizes = np.fromiter((len(s) for s in fp.shingles), dtype=np.int64, count=n_docs)
    na, nb = sizes[i], sizes[j]
    n_freq = np.minimum(found.n_frequent[i], found.n_frequent[j])
    most = np.minimum(np.minimum(rare + n_freq, na), nb)
    with np.errstate(divide="ignore", invalid="ignore"):
        can = (most > 0) & (most / (na + nb - most) >= threshold)
    rows = []
    for k in np.flatnonzero(exact | can).tolist():
        x, y = int(i[k]), int(j[k])
        if n_freq[k] == 0:
            n_shared = int(rare[k])
        else:
            n_shared = _n_common(fp.shingles[x], fp.shingles[y])
        union = int(na[k] + nb[k]) - n_shared
        if exact[k] or (union and n_shared / union >= threshold):
            rows.append(_pair_row(fp, x, y, bool(exact[k]), n_shared))
    return rows


def _exact_pairs(norm: list[str]) -> Iterator[tuple[int, int]]:
    """Every pair of positions with the same normalised-text hash (each pair is a result row)."""
    by_norm: dict[str, list[int]] = defaultdict(list)
    for i, h in enumerate(norm):
        by_norm[h].append(i)
    for members in by_norm.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                yield members[x], members[y]


def duplicates(
    corpus: Corpus, *, threshold: float = 0.8, shingle_size: int = 5, max_df: int = 200
) -> pd.DataFrame:
    """Return pairs of exact and near-duplicate documents.

    Two documents are *exact* duplicates when their cleaned texts are equal
    after folding and whitespace collapsing, and *near* duplicates when the
    Jaccard resemblance of their word ``shingle_size``-gram sets (Broder
    1997) is at least ``threshold``.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    threshold : float, default 0.8
        Minimum Jaccard resemblance for a near-duplicate pair.
    shingle_size : int, default 5
        Words per shingle (case-folded, punctuation-only tokens dropped).
    max_df : int, default 200
        Shingles found in more than this many documents (shared boilerplate)
        are not used to *find* candidate pairs, which keeps large corpora
        fast; they still count in the resemblance of a found pair.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_a``, ``doc_b`` (str, ``doc_a < doc_b``), ``outlet_a``,
        ``outlet_b``, ``kind`` (``exact`` or ``near``), ``jaccard`` (float,
        rounded to 3), ``shared`` (int, shared shingles), ``n_shingles_a``,
        ``n_shingles_b`` (int). Sorted by ``jaccard`` descending, then
        ``doc_a``, ``doc_b``. Empty (with these columns) when none.

    Notes
    -----
    Wire copy republished by several outlets (a Reuters story on two
    sites) is a near-duplicate by design: that is text reuse, not an error
    in the corpus. A pair whose only shared shingles are all frequent
    (above ``max_df``) is missed.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> t = "Envoys met in Doha on Thursday to discuss the ceasefire and hostages."
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"],
    ...                             "text": [t, t + " More later.", "Unrelated text here."]}))
    >>> duplicates(c)[["doc_a", "doc_b", "kind", "jaccard"]]
      doc_a doc_b  kind  jaccard
    0     a     b  near      0.8
    """
    require_corpus(corpus, "duplicates")
    if not 0.0 < threshold <= 1.0:
        raise invalid_option("threshold", threshold, ["a number in (0, 1]"])
    check_whole("shingle_size", shingle_size, 1)
    check_whole("max_df", max_df, 1)
    # kept on the corpus: a second call with another threshold reuses the shingles and counts
    fp = corpus.cached(
        f"overview.fingerprints:k={shingle_size}", lambda: fingerprints(corpus, shingle_size)
    )
    found = corpus.cached(
        f"overview.candidate_pairs:k={shingle_size}:max_df={max_df}",
        lambda: candidate_pairs(fp, max_df),
    )
    out = pd.DataFrame(_duplicate_rows(fp, found, threshold), columns=DUPLICATE_COLUMNS)
    for c in ("shared", "n_shingles_a", "n_shingles_b"):
        out[c] = out[c].astype("int64")
    out["jaccard"] = out["jaccard"].astype("float64")
    out = out.sort_values(["doc_a", "doc_b"], kind="mergesort").sort_values(
        "jaccard", ascending=False, kind="mergesort"
    )
    return out.reset_index(drop=True)
