"""Reporting-verb rates, hedges, tone and stance toward actors (quotes: :mod:`corpus_tools.quotes`).

Who is given a voice, in whose words, and how the outlet introduces them
(Bergler 1992; Krestel, Bergler & Witte 2008). Everything here is
transparent rules over the cleaned text, with a measured recall
(``tests/data/quotes/``), not a statistical attribution model.

Per-document work is a pure function of the text and its sentences
(:func:`corpus_tools.quotes.doc_quotes`, :func:`doc_hedges`), so a large corpus can be split
into partitions (Dask) and run with the same code.

References
----------
Bergler, S. (1992). *The Evidential Analysis of Reported Speech*. PhD thesis,
Brandeis University.
Krestel, R., Bergler, S., & Witte, R. (2008). Minding the source: Automatic
tagging of reported speech in newspaper articles. *LREC 2008*.
Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic
models for analyzing and detecting biased language. *ACL*, 1650-1659.
Hyland, K. (1998). *Hedging in Scientific Research Articles*. John Benjamins.
Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model
for sentiment analysis of social media text. *ICWSM-14*.
Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
Chapman & Hall.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from ._data import file_key, read_yaml
from .errors import CorpusToolsWarning, CorpusValueError, DataFileError
from .quotes.cues import cue_book, find_cues
from .quotes.extract import quotes, sent_index, sentences_by_doc
from .quotes.phrases import name_of
from .quotes.speakers import canonical
from .tokenize import fold

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "HEDGE_COLUMNS",
    "TRIPLE_COLUMNS",
    "load_hedges",
    "cue_rates",
    "doc_hedges",
    "hedges",
    "hedge_rates",
    "cluster_bootstrap",
    "vader_scores",
    "target_sentiment",
    "TargetSentiment",
    "stance_triples",
]

_log = logging.getLogger(__name__)
_log.addHandler(logging.NullHandler())

HEDGE_COLUMNS = ["doc_id", "sent_id", "term", "hedge_class", "inside_quote", "start", "end"]
TRIPLE_COLUMNS = [
    "doc_id",
    "holder",
    "target",
    "polarity",
    "basis",
    "compound",
    "cue",
    "cue_class",
    "start",
    "end",
    "evidence",
]

# ---------------------------------------------------------------------------
# data files
# ---------------------------------------------------------------------------


def _read_yaml(path: str | Path | None, default: str) -> tuple[dict, str]:
    data, name = read_yaml(path, default=default, what="data file")
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: expected a mapping with keys 'meta' and 'classes'.")
    return data, name


@dataclass(frozen=True)
class _HedgeBook:
    regex: re.Pattern
    term_class: dict[str, str]
    exclude: tuple[re.Pattern, ...]


def _term_regex(term: str) -> str:
    parts = []
    for w in term.split():
        star = w.endswith("*")
        w = w.rstrip("*")
        parts.append(re.escape(w) + (r"\w*" if star else ""))
    return r"[\s-]+".join(parts)


@lru_cache(maxsize=8)
def _hedge_book(path: str | None, mtime_ns: int = 0, size: int = 0) -> _HedgeBook:
    """The hedge lexicon at ``path``, once per version of the file (``file_key``)."""
    data, name = _read_yaml(path, "hedges.yml")
    unknown = sorted(set(data) - {"meta", "classes", "exclude"})
    if unknown:
        raise DataFileError(f"{name}: unknown top-level key(s) {unknown}.")
    term_class: dict[str, str] = {}
    for cls, spec in (data.get("classes") or {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("terms"), list):
            raise DataFileError(f"{name}: class {cls!r} needs a 'terms' list.")
        bad = sorted(set(spec) - {"description", "terms", "source"})
        if bad:
            raise DataFileError(f"{name}: class {cls!r} has unknown key(s) {bad}.")
        for t in spec["terms"]:
            term_class[str(t).lower()] = str(cls)
    if not term_class:
        raise DataFileError(f"{name}: no terms under 'classes'.")
    alts = sorted(term_class, key=lambda t: (-len(t), t))
    groups = "|".join(f"(?P<t{i}>{_term_regex(t)})" for i, t in enumerate(alts))
    regex = re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])", re.IGNORECASE)
    try:
        exclude = tuple(re.compile(p) for p in (data.get("exclude") or []))
    except re.error as exc:
        raise DataFileError(f"{name}: bad 'exclude' pattern ({exc}).") from exc
    # map group index back to term
    ordered = {f"t{i}": t for i, t in enumerate(alts)}
    return _HedgeBook(regex, {g: term_class[t] + "\x00" + t for g, t in ordered.items()}, exclude)


def load_hedges(path: str | Path | None = None) -> pd.DataFrame:
    """Return the hedge lexicon as a table ``term, hedge_class`` (sorted by class, term).

    Examples
    --------
    >>> h = load_hedges()
    >>> sorted(h["hedge_class"].unique().tolist())
    ['booster', 'evidential', 'hedge']
    """
    book = _hedge_book(*file_key(path))
    rows = [tuple(v.split("\x00")[::-1]) for v in book.term_class.values()]
    df = pd.DataFrame(rows, columns=["term", "hedge_class"])
    return df.sort_values(["hedge_class", "term"], kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------------------
# word lists for the speaker noun phrase (closed classes, not data-dependent)
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# direct quotes: mark pairing
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# cues and speaker noun phrases
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# speaker resolution
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# one document
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# corpus level
# ---------------------------------------------------------------------------


def _group_values(corpus: Corpus, doc_ids: pd.Series, by: str) -> pd.Series:
    """The :func:`corpus_tools.group_labels` label of each doc_id (``str``)."""
    from .corpus import MISSING, group_labels

    return doc_ids.map(group_labels(corpus, by)).astype(object).where(lambda s: s.notna(), MISSING)


def cue_rates(
    quotes_table: pd.DataFrame, corpus: Corpus | None = None, *, by: str = "outlet"
) -> pd.DataFrame:
    """Share of each reporting-verb class per group (outlet, speaker...).

    Parameters
    ----------
    quotes_table : DataFrame
        The output of :func:`quotes`.
    corpus : Corpus, optional
        Needed when ``by`` is a docs column (``outlet``); not needed for
        ``by="speaker_canonical"``, ``"doc_id"`` or another quotes column.
    by : str
        Grouping column.

    Returns
    -------
    pandas.DataFrame
        ``group, cue_class, count, n_quotes, share`` (share = count /
        n_quotes in the group; quotes without a cue count as ``(no cue)``).
        Sorted by group, then count descending, then cue_class.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a"], "cue_class": ["neutral", "distancing"],
    ...                   "speaker_canonical": ["X", "X"]})
    >>> cue_rates(q, by="speaker_canonical")[["group", "cue_class", "share"]].values.tolist()
    [['X', 'distancing', 0.5], ['X', 'neutral', 0.5]]
    """
    q = quotes_table.copy()
    if by in q.columns:
        from .corpus import group_label

        q["group"] = [group_label(v) for v in q[by].tolist()]
    elif corpus is not None:
        q["group"] = _group_values(corpus, q["doc_id"], by)
    else:
        raise CorpusValueError(
            f"by={by!r} is not a quotes column; pass the corpus to group by a docs column."
        )
    q["cue_class"] = q["cue_class"].astype(object).where(q["cue_class"].notna(), "(no cue)")
    counts = q.groupby(["group", "cue_class"], sort=True).size().rename("count").reset_index()
    totals = q.groupby("group").size().rename("n_quotes")
    counts = counts.merge(totals, left_on="group", right_index=True)
    counts["share"] = (counts["count"] / counts["n_quotes"]).round(3)
    counts["count"] = counts["count"].astype("int64")
    counts["n_quotes"] = counts["n_quotes"].astype("int64")
    counts = counts.sort_values(
        ["group", "count", "cue_class"], ascending=[True, False, True], kind="mergesort"
    )
    return counts[["group", "cue_class", "count", "n_quotes", "share"]].reset_index(drop=True)


# ---------------------------------------------------------------------------
# hedges
# ---------------------------------------------------------------------------


def doc_hedges(
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    quote_spans: Iterable[tuple[int, int]] = (),
    *,
    doc_id: str = "",
    lexicon: str | Path | None = None,
) -> list[dict[str, Any]]:
    """Hedge, booster and evidential hits in one document (pure function).

    Examples
    --------
    >>> t = "Talks may resume in May 2024, officials reportedly said."
    >>> [(r["term"], r["hedge_class"]) for r in doc_hedges(t, [(0, 0, 0, len(t))])]
    [('may', 'hedge'), ('reportedly', 'evidential')]
    """
    book = _hedge_book(*file_key(lexicon))
    view = fold(text)
    vetoes = [m.span() for rx in book.exclude for m in rx.finditer(view)]
    sents = sorted((int(s), int(e), int(i)) for i, _, s, e in sentences)
    starts = [s for s, _, _ in sents]
    qs = sorted(quote_spans)
    rows = []
    for m in book.regex.finditer(view):
        s, e = m.span()
        if any(vs < e and s < ve for vs, ve in vetoes):
            continue
        cls, term = book.term_class[str(m.lastgroup)].split("\x00")
        k = sent_index(starts, s) if sents else 0
        inside = any(a <= s and e <= b for a, b in qs)
        rows.append(
            {
                "doc_id": doc_id,
                "sent_id": sents[k][2] if sents else 0,
                "term": term,
                "hedge_class": cls,
                "inside_quote": inside,
                "start": s,
                "end": e,
            }
        )
    return rows


def hedges(
    corpus: Corpus, *, lexicon: str | Path | None = None, quotes_table: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return hedges, boosters and evidential markers with offsets.

    Parameters
    ----------
    corpus : Corpus
    lexicon : str or Path, optional
        Your own YAML with the schema of ``data/hedges.yml``.
    quotes_table : DataFrame, optional
        Output of :func:`quotes` (computed when not given); a hit inside a
        direct quote is the source's voice (``inside_quote=True``), outside
        it is the outlet's voice.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, term, hedge_class, inside_quote, start, end``;
        ordered by document then ``start``.

    Notes
    -----
    ``May`` the month is vetoed by the file's ``exclude`` patterns only in
    date contexts (``in May``, ``May 5``); ``could``/``may`` in questions
    or quoted conditions still count.

    References
    ----------
    Hyland (1998).

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ['He said "it may fail". It clearly will.']}))
    >>> hedges(c)[["term", "inside_quote"]].values.tolist()
    [['may', True], ['clearly', False]]
    """
    q = quotes(corpus) if quotes_table is None else quotes_table
    direct = q[q["direct"]] if len(q) else q
    spans: dict[str, list[tuple[int, int]]] = {}
    for d, s, e in zip(
        direct["doc_id"].tolist(), direct["start"].tolist(), direct["end"].tolist(), strict=False
    ):
        spans.setdefault(d, []).append((int(s), int(e)))
    by_doc = sentences_by_doc(corpus)
    rows: list[dict[str, Any]] = []
    for doc_id, text in corpus:
        rows.extend(
            doc_hedges(text, by_doc[doc_id], spans.get(doc_id, []), doc_id=doc_id, lexicon=lexicon)
        )
    df = pd.DataFrame(rows, columns=HEDGE_COLUMNS)
    for c in ("sent_id", "start", "end"):
        df[c] = df[c].astype("int64")
    df["inside_quote"] = df["inside_quote"].astype(bool)
    for c in ("doc_id", "term", "hedge_class"):
        df[c] = df[c].astype(object)
    return df


def _word_counts(corpus: Corpus) -> dict[str, int]:
    rx = re.compile(r"\w+(?:[-'’.,]\w+)*")
    return {d: len(rx.findall(t)) for d, t in corpus}


def hedge_rates(hits: pd.DataFrame, corpus: Corpus, *, by: str = "outlet") -> pd.DataFrame:
    """Hedge rates per 1,000 words per group, inside vs outside quotes.

    Returns
    -------
    pandas.DataFrame
        ``group, hedge_class, voice`` (``outlet`` = outside quotes,
        ``source`` = inside), ``count``, ``n_words`` (all words of the
        group's documents), ``n_docs``, ``rate_per_1000``. Every
        group x class x voice combination is listed (count 0 included);
        sorted by group, hedge_class, voice.

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["It may rain."], "outlet": ["X"]}))
    >>> hedge_rates(hedges(c), c).query("count > 0")[["group", "hedge_class", "voice", "rate_per_1000"]].values.tolist()
    [['X', 'hedge', 'outlet', 333.333]]
    """
    words = _word_counts(corpus)
    docs = pd.DataFrame({"doc_id": list(words), "n_words": list(words.values())})
    docs["group"] = _group_values(corpus, docs["doc_id"], by)
    gw = docs.groupby("group").agg(n_words=("n_words", "sum"), n_docs=("doc_id", "size"))
    classes = sorted(set(load_hedges()["hedge_class"]) | set(hits["hedge_class"].tolist()))
    h = hits.copy()
    h["group"] = _group_values(corpus, h["doc_id"], by)
    h["voice"] = np.where(h["inside_quote"].astype(bool), "source", "outlet")
    cnt = h.groupby(["group", "hedge_class", "voice"]).size()
    idx = pd.MultiIndex.from_product(
        [sorted(gw.index.tolist()), classes, ["outlet", "source"]],
        names=["group", "hedge_class", "voice"],
    )
    out = cnt.reindex(idx, fill_value=0).rename("count").reset_index()
    out = out.merge(gw, left_on="group", right_index=True)
    out["rate_per_1000"] = (1000 * out["count"] / out["n_words"].where(out["n_words"] > 0)).round(3)
    for c in ("count", "n_words", "n_docs"):
        out[c] = out[c].astype("int64")
    return out[
        ["group", "hedge_class", "voice", "count", "n_words", "n_docs", "rate_per_1000"]
    ].reset_index(drop=True)


# ---------------------------------------------------------------------------
# tone toward actors
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_scores(sentence: str) -> tuple[float, str]:
    """Return VADER's compound score and the lexicon words that drove it.

    The drivers are the raw lexicon valences of the sentence's words (before
    VADER's negation/booster/"but" adjustments), e.g. ``surprise +1.1``.

    Examples
    --------
    >>> vader_scores("Hamas staged a surprise attack that killed 1,400 people.")
    (-0.7579, 'surprise +1.1, attack -2.1, killed -3.5')
    """
    an = _analyzer()
    compound = float(an.polarity_scores(sentence)["compound"])
    drivers = []
    for w in re.findall(r"[\w']+", sentence.lower()):
        v = an.lexicon.get(w)
        if v is not None:
            drivers.append(f"{w} {v:+.1f}")
    return compound, ", ".join(drivers)


def cluster_bootstrap(
    groups: Sequence[Sequence[float]],
    *,
    n_boot: int = 2000,
    seed: int | np.random.Generator = 12345,
    level: float = 0.95,
) -> tuple[float, float | None, float | None]:
    """Mean of pooled values with a cluster (document) bootstrap percentile interval.

    Draw ``len(groups)`` groups with replacement, pool their values,
    recompute the mean; repeat ``n_boot`` times. With one group there is no
    interval (``None, None``).

    Parameters
    ----------
    groups : sequence of sequences of float
        One sequence of sentence scores per document.
    n_boot : int
        Number of resamples B.
    seed : int or numpy Generator
        Seed for ``numpy.random.default_rng`` (or a generator).
    level : float
        Interval coverage.

    Returns
    -------
    (mean, ci_low, ci_high)

    References
    ----------
    Efron & Tibshirani (1993).

    Examples
    --------
    >>> m, lo, hi = cluster_bootstrap([[-0.59], [-0.76], [0.81], [0.0], [-0.67]],
    ...                               n_boot=10_000, seed=42)
    >>> round(m, 3), round(lo, 2), round(hi, 2)
    (-0.242, -0.69, 0.33)
    """
    arrays = [np.asarray(g, dtype=float) for g in groups if len(g)]
    if not arrays:
        return float("nan"), None, None
    pooled = np.concatenate(arrays)
    mean = float(pooled.mean())
    n = len(arrays)
    if n < 2:
        return mean, None, None
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    sums = np.array([a.sum() for a in arrays])
    sizes = np.array([len(a) for a in arrays], dtype=float)
    idx = rng.integers(0, n, size=(n_boot, n))
    means = sums[idx].sum(axis=1) / sizes[idx].sum(axis=1)
    alpha = (1 - level) / 2
    lo, hi = np.percentile(means, [100 * alpha, 100 * (1 - alpha)])
    return mean, float(lo), float(hi)


class TargetSentiment(NamedTuple):
    """Result of :func:`target_sentiment`: ``sentences`` and ``summary`` tables."""

    sentences: pd.DataFrame
    summary: pd.DataFrame


def _mentions(corpus: Corpus, targets: Sequence[str] | None) -> pd.DataFrame:
    """Target mentions: doc_id, target, start, end (gazetteer when available)."""
    from . import actors

    fn = getattr(actors, "actor_mentions", None)
    if fn is not None:
        m = fn(corpus)
        m = m.rename(columns={"actor": "target"})[["doc_id", "target", "start", "end"]]
        if targets is not None:
            wanted = set(targets)
            canon = {t: (canonical(t) or t) for t in targets}
            keep = set(canon.values()) | wanted
            m = m[m["target"].isin(keep)]
        return m.reset_index(drop=True)
    if targets is None:
        raise CorpusValueError(
            "targets=None needs the actor gazetteer (corpus_tools.actor_mentions); pass targets=[...]."
        )
    rows = []
    for doc_id, text in corpus:
        for t in targets:
            for mm in re.finditer(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text):
                rows.append((doc_id, t, mm.start(), mm.end()))
    return pd.DataFrame(rows, columns=["doc_id", "target", "start", "end"])


_SENT_COLS = [
    "doc_id",
    "sent_id",
    "target",
    "compound",
    "label",
    "n",
    "start",
    "end",
    "mention_start",
    "mention_end",
    "drivers",
    "evidence",
]
_SUMMARY_COLS = [
    "group",
    "target",
    "n_sentences",
    "n_docs",
    "mean_compound",
    "ci_low",
    "ci_high",
    "share_pos",
    "share_neu",
    "share_neg",
    "n_boot",
    "seed",
    "interval",
]


def target_sentiment(
    corpus: Corpus,
    targets: Sequence[str] | None = None,
    *,
    by: str = "outlet",
    n_boot: int = 2000,
    seed: int = 12345,
    min_sentences: int = 3,
) -> TargetSentiment:
    """Tone (VADER) of the sentences that mention each target actor, per group.

    Parameters
    ----------
    corpus : Corpus
    targets : list of str, optional
        Actor names (canonical names of the gazetteer, or plain strings when
        the gazetteer is not installed). Default: every gazetteer actor with
        at least ``min_sentences`` mentioning sentences.
    by : str
        Grouping column of ``corpus.docs`` (``outlet``) or ``doc_id``.
    n_boot, seed : int
        Cluster-bootstrap resamples and seed (both copied into the summary).
    min_sentences : int
        Only used when ``targets`` is None.

    Returns
    -------
    TargetSentiment
        ``.sentences``: one row per (sentence, target): ``doc_id, sent_id,
        target, compound, label`` (pos >= 0.05, neg <= -0.05, else neu),
        ``n`` (mentions of the target in the sentence), ``start, end``
        (sentence offsets), ``mention_start, mention_end`` (first mention),
        ``drivers`` (lexicon words and valences), ``evidence`` (the
        sentence). Ordered by doc, sent_id, target.

        ``.summary``: one row per (group, target): ``n_sentences, n_docs,
        mean_compound, ci_low, ci_high`` (95 % cluster bootstrap over
        documents; None with one document), ``share_pos, share_neu,
        share_neg, n_boot, seed`` and ``interval`` ("one article: no
        interval" or "bootstrap over n documents"). Ordered by target, group.

    Notes
    -----
    This is the *tone of coverage in which the target appears*, not the
    outlet's stance: a sentence about an attack is negative whoever is
    blamed, and tone is shared out to every actor in the sentence. Warns
    (CorpusToolsWarning) when a group has fewer than 10 documents.

    References
    ----------
    Hutto & Gilbert (2014); Mohammad et al. (2016); Efron & Tibshirani (1993).

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...     "text": ["Moscow blamed Washington for the crisis."]}))
    >>> res = target_sentiment(c, ["Russia", "United States"])
    >>> res.sentences[["target", "compound", "n"]].values.tolist()
    [['Russia', -0.802, 1], ['United States', -0.802, 1]]
    >>> res.summary[["group", "target", "n_docs", "interval"]].values.tolist()[0]
    ['X', 'Russia', 1, 'one article: no interval']
    """
    m = _mentions(corpus, targets)
    sents = corpus.sentences()
    rows: list[dict[str, Any]] = []
    if len(m):
        by_doc: dict[str, tuple[list[int], pd.DataFrame]] = {}
        for doc_id, g in sents.groupby("doc_id", sort=False):
            by_doc[doc_id] = (g["start"].tolist(), g)
        m = m.sort_values(["doc_id", "start", "target"], kind="mergesort")
        keyed: dict[tuple[str, int, str], list[int]] = {}
        order: list[tuple[str, int, str]] = []
        for d, t, s, e in zip(m["doc_id"], m["target"], m["start"], m["end"], strict=False):
            if d not in by_doc:
                continue
            st, g = by_doc[d]
            k = sent_index(st, int(s))
            key = (d, k, t)
            if key not in keyed:
                keyed[key] = [int(s), int(e), 0]
                order.append(key)
            keyed[key][2] += 1
        scored: dict[tuple[str, int], tuple[float, str]] = {}
        for key in order:
            d, k, t = key
            g = by_doc[d][1]
            srow = g.iloc[k]
            skey = (d, k)
            if skey not in scored:
                scored[skey] = vader_scores(str(srow["text"]))
            comp, drivers = scored[skey]
            ms, me, n = keyed[key]
            rows.append(
                {
                    "doc_id": d,
                    "sent_id": int(srow["sent_id"]),
                    "target": t,
                    "compound": comp,
                    "label": "pos" if comp >= 0.05 else ("neg" if comp <= -0.05 else "neu"),
                    "n": n,
                    "start": int(srow["start"]),
                    "end": int(srow["end"]),
                    "mention_start": ms,
                    "mention_end": me,
                    "drivers": drivers,
                    "evidence": str(srow["text"]),
                }
            )
    sent_df = pd.DataFrame(rows, columns=_SENT_COLS)
    for c in ("sent_id", "n", "start", "end", "mention_start", "mention_end"):
        sent_df[c] = sent_df[c].astype("int64")
    sent_df["compound"] = sent_df["compound"].astype(float)
    doc_order = {d: i for i, d in enumerate(corpus.doc_ids)}
    sent_df = (
        sent_df.assign(_o=sent_df["doc_id"].map(doc_order))
        .sort_values(["_o", "sent_id", "target"], kind="mergesort")
        .drop(columns="_o")
        .reset_index(drop=True)
    )
    if targets is None and len(sent_df):
        counts = sent_df.groupby("target").size()
        keep = sorted(counts[counts >= min_sentences].index.tolist())
        sent_df = sent_df[sent_df["target"].isin(keep)].reset_index(drop=True)
    for c in ("doc_id", "target", "label", "drivers", "evidence"):
        sent_df[c] = sent_df[c].astype(object)
    summary = _sentiment_summary(sent_df, corpus, by=by, n_boot=n_boot, seed=seed)
    return TargetSentiment(sent_df, summary)


def _sentiment_summary(
    sent_df: pd.DataFrame, corpus: Corpus, *, by: str, n_boot: int, seed: int
) -> pd.DataFrame:
    out = []
    if len(sent_df):
        df = sent_df.assign(group=_group_values(corpus, sent_df["doc_id"], by))
        small = False
        for (target, group), g in df.groupby(["target", "group"], sort=True):
            per_doc = [gg["compound"].to_numpy() for _, gg in g.groupby("doc_id", sort=True)]
            mean, lo, hi = cluster_bootstrap(per_doc, n_boot=n_boot, seed=seed)
            n_docs = len(per_doc)
            small = small or 1 < n_docs < 10
            lab = g["label"]
            out.append(
                {
                    "group": group,
                    "target": target,
                    "n_sentences": len(g),
                    "n_docs": n_docs,
                    "mean_compound": round(mean, 3),
                    "ci_low": None if lo is None else round(lo, 3),
                    "ci_high": None if hi is None else round(hi, 3),
                    "share_pos": round(float((lab == "pos").mean()), 3),
                    "share_neu": round(float((lab == "neu").mean()), 3),
                    "share_neg": round(float((lab == "neg").mean()), 3),
                    "n_boot": n_boot,
                    "seed": seed,
                    "interval": "one article: no interval"
                    if n_docs == 1
                    else f"bootstrap over {n_docs} documents",
                }
            )
        if small:
            warnings.warn(
                "fewer than 10 documents in a group: bootstrap intervals are rough "
                "(few distinct resamples).",
                CorpusToolsWarning,
                stacklevel=3,
            )
    res = pd.DataFrame(out, columns=_SUMMARY_COLS)
    for c in ("n_sentences", "n_docs", "n_boot", "seed"):
        res[c] = res[c].astype("int64")
    for c in ("ci_low", "ci_high", "mean_compound"):
        res[c] = res[c].astype(float)
    for c in ("group", "target", "interval"):
        res[c] = res[c].astype(object)
    return res.reset_index(drop=True)


# ---------------------------------------------------------------------------
# stance triples
# ---------------------------------------------------------------------------
_AGAINST = frozenset({"conflictual", "distancing"})
_FAVOUR = frozenset({"supportive"})


@lru_cache(maxsize=1)
def _actor_countries() -> dict[str, str]:
    """Canonical actor name -> its country code (CAMEO prefix, or the country's own id)."""
    from . import actors

    load = getattr(actors, "load_gazetteer", None)
    if load is None:
        return {}
    out = {}
    for e in load().entries:
        cameo = str(e.get("cameo") or "")
        if e.get("type") == "country":
            out[e["name"]] = e["id"]
        elif (
            len(cameo) >= 3
            and cameo[:3].isalpha()
            and cameo[:3].isupper()
            and not cameo.startswith("IGO")
        ):
            out[e["name"]] = cameo[:3]
    return out


def stance_triples(corpus: Corpus, *, quotes_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Holder -> target -> polarity claims: who says what about whom.

    Holders are quote speakers (``speaker_canonical``) and the subjects of
    speech-act verbs (``Moscow blamed Washington``); targets are actors
    mentioned in the quote (or after the speech-act verb) other than the
    holder and actors of the holder's own country (``Russia said Bogdanov
    held talks`` is not a claim about Bogdanov). Polarity comes from the cue class first (conflictual ->
    ``against``, supportive -> ``favour``), else from the VADER compound of
    the content (>= 0.05 ``favour``-toned, <= -0.05 ``against``-toned,
    else ``neutral``); the ``basis`` column says which (``cue`` or
    ``tone``), so a reader can tell the two sources apart.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, holder, target, polarity, basis, compound, cue, cue_class,
        start, end, evidence`` (start/end: the quote or clause), ordered by
        document, start, target.

    Notes
    -----
    Needs the actor gazetteer (``actor_mentions``) for targets; without it
    the table is empty. A compound-based polarity is tone, not stance.

    References
    ----------
    van Atteveldt et al. (2017); Mohammad et al. (2016).

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Moscow blamed Washington for the crisis."]}))
    >>> list(stance_triples(c).columns)[:4]
    ['doc_id', 'holder', 'target', 'polarity']
    """
    from . import actors

    rows: list[dict[str, Any]] = []
    fn = getattr(actors, "actor_mentions", None)
    if fn is not None:
        q = quotes(corpus) if quotes_table is None else quotes_table
        men = fn(corpus)
        # per document: mention starts (sorted), ends and actors as plain arrays, so the mentions
        # inside a cue's span are found by bisect, not by a boolean filter of a DataFrame
        men_by_doc = {}
        for d, g in men.groupby("doc_id", sort=False):
            g = g.sort_values("start", kind="mergesort")
            men_by_doc[d] = (
                g["start"].to_numpy(),
                g["end"].to_numpy(),
                g["actor"].to_numpy(dtype=object),
            )
        texts = dict(iter(corpus))
        book = cue_book(None)
        cand = [
            (
                r.doc_id,
                r.speaker_canonical,
                r.cue,
                r.cue_class,
                int(r.start),
                int(r.end),
                int(r.speaker_end) if pd.notna(r.speaker_end) else None,
            )
            for r in q.itertuples()
            if r.speaker_canonical is not None
            and r.kind != "scare"
            and getattr(r, "speaker_resolved", True) is not False  # "the parties" is no actor
        ]
        # speech acts with noun-phrase objects: "Beijing denounced the US rejection"
        by_doc = sentences_by_doc(corpus)
        for doc_id, text in corpus:
            view = fold(text)
            for _, _, s, e in by_doc[doc_id]:
                for c in find_cues(text, view, s, e, book):
                    if (
                        c.lemma in book.no_clause
                        and c.np is not None
                        and c.np_side == "left"
                        and c.cls in _AGAINST | _FAVOUR
                    ):
                        holder = canonical(name_of(text[c.np[0] : c.np[1]])[0])
                        cand.append((doc_id, holder, view[c.start : c.end], c.cls, c.end, e, None))
        home = _actor_countries()
        seen = set()
        for doc_id, holder, cue, cls, s, e, _ in cand:
            g = men_by_doc.get(doc_id)
            if g is None:
                continue
            m_start, m_end, m_actor = g
            lo, hi = np.searchsorted(m_start, s, "left"), np.searchsorted(m_start, e, "right")
            inside_actors = m_actor[lo:hi][m_end[lo:hi] <= e]
            content = texts[doc_id][s:e]
            comp, _ = vader_scores(content)
            holder_home = {home.get(h) for h in str(holder).split(" and ")} - {None}
            for target in sorted(set(inside_actors.tolist())):
                if target == holder or (holder and canonical(holder) == target):
                    continue
                if home.get(target) is not None and home.get(target) in holder_home:
                    continue  # own side: "Russia said Bogdanov held talks" is not a claim about Bogdanov
                if cls in _AGAINST:
                    pol, basis = "against", "cue"
                elif cls in _FAVOUR:
                    pol, basis = "favour", "cue"
                else:
                    basis = "tone"
                    pol = "favour" if comp >= 0.05 else ("against" if comp <= -0.05 else "neutral")
                key = (doc_id, holder, target, s, e)
                if key in seen:
                    continue
                seen.add(key)
                rows.append(
                    {
                        "doc_id": doc_id,
                        "holder": holder,
                        "target": target,
                        "polarity": pol,
                        "basis": basis,
                        "compound": comp,
                        "cue": cue,
                        "cue_class": cls,
                        "start": s,
                        "end": e,
                        "evidence": content,
                    }
                )
    df = pd.DataFrame(rows, columns=TRIPLE_COLUMNS)
    for col in ("start", "end"):
        df[col] = df[col].astype("int64")
    df["compound"] = df["compound"].astype(float)
    for col in ("doc_id", "holder", "target", "polarity", "basis", "cue", "cue_class", "evidence"):
        df[col] = df[col].astype(object)
        df[col] = df[col].where(df[col].notna(), None)
    doc_order = {d: i for i, d in enumerate(corpus.doc_ids)}
    df = df.assign(_o=df["doc_id"].map(doc_order)).sort_values(
        ["_o", "start", "target", "holder"], kind="mergesort"
    )
    return df.drop(columns="_o").reset_index(drop=True)


# ---------------------------------------------------------------------------
# voices: what kind of actor is quoted
# ---------------------------------------------------------------------------
