"""Tone toward actors: VADER scores of the sentences that mention them, with a cluster bootstrap.

The tone of the coverage in which an actor appears, not the outlet's stance
toward it: a sentence about an attack is negative whoever is blamed, and
its tone is shared out to every actor in it. Intervals resample documents,
not sentences (sentences of one article are not independent).

References
----------
Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model
for sentiment analysis of social media text. *ICWSM-14*.
Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*.
Chapman & Hall.
Mohammad, S. M., Kiritchenko, S., Sobhani, P., Zhu, X., & Cherry, C. (2016).
SemEval-2016 Task 6: Detecting stance in tweets. *SemEval-2016*.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from .actors import actor_mentions, canonical_actor
from .corpus import doc_groups, require_corpus
from .errors import CorpusToolsWarning, CorpusValueError, check_whole
from .languages import CORPUS_CHARS, few_english_words, text_heads, text_votes
from .lexicon import sentence_index, warn_english_lexicon
from .quotes.extract import MAX_SENTENCE_CHARS
from .quotes.speakers import canonical

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "vader_scores",
    "cluster_bootstrap",
    "target_sentiment",
    "TargetSentiment",
    "most_negative",
]


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_scores(sentence: str) -> tuple[float, str]:
    """Return VADER's compound score and the lexicon words that drove it.

    The drivers are the raw lexicon valences of the sentence's words (before
    VADER's negation/booster/"but" adjustments), e.g. ``surprise +1.1``.
    A sentence over 2,000 characters (a page without full stops) is scored in
    pieces cut at spaces, and its compound is the mean of theirs weighted by
    words: VADER's own time grows with the square of a sentence's length.

    Examples
    --------
    >>> vader_scores("Hamas staged a surprise attack that killed 1,400 people.")
    (-0.7579, 'surprise +1.1, attack -2.1, killed -3.5')
    """
    if not isinstance(sentence, str):
        raise CorpusValueError(
            f"sentence={_short_repr(sentence)} is a {type(sentence).__name__}, not a str: "
            'pass one sentence as text, e.g. vader_scores("Talks collapsed."); for a table '
            "of sentences use df['text'].map(vader_scores) after dropping missing values."
        )
    an = _analyzer()
    if len(sentence) <= MAX_SENTENCE_CHARS:
        compound = float(an.polarity_scores(sentence)["compound"])
    else:
        compound = _long_compound(an, sentence)
    drivers = []
    for w in re.findall(r"[\w']+", sentence.lower()):
        v = an.lexicon.get(w)
        if v is not None:
            drivers.append(f"{w} {v:+.1f}")
    return compound, ", ".join(drivers)


def _pieces(text: str) -> list[str]:
    """``text`` cut at spaces into pieces of at most :data:`MAX_SENTENCE_CHARS` (as quotes() does)."""
    out, s = [], 0
    while len(text) - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
        cut = s + MAX_SENTENCE_CHARS if cut < 0 else cut + 1
        out.append(text[s:cut])
        s = cut
    out.append(text[s:])
    return out


def _long_compound(an: Any, sentence: str) -> float:
    """The compound of a very long sentence: the word-weighted mean of its pieces' compounds.

    VADER's negation and idiom checks copy the whole sentence for every
    lexicon word, so its time grows with the square of the length (a page
    without full stops: 50 CPU s for 40,000 words); in pieces it is linear.
    """
    total = weight = 0.0
    for piece in _pieces(sentence):
        n = len(piece.split())
        if n:
            total += n * float(an.polarity_scores(piece)["compound"])
            weight += n
    return round(total / weight, 4) if weight else 0.0


def _checked_targets(targets: Any) -> list[str] | None:
    """``targets`` as a list of names (None stays None); anything else is an error naming it."""
    if targets is None:
        return None
    names = list(targets) if isinstance(targets, Sequence | set | frozenset | pd.Series) else None
    if names is None or not all(isinstance(t, str) for t in names):
        raise CorpusValueError(
            f"targets={_short_repr(targets)}: pass a list of actor names, e.g. "
            "['Russia', 'China'], or None for every actor mentioned often enough."
        )
    return names


def _short_repr(value: Any) -> str:
    """``repr(value)`` cut to 60 characters, for an error message."""
    r = repr(value)
    return r if len(r) <= 60 else r[:57] + "..."


def tone_label(compound: float) -> str:
    """VADER's label of a compound score: ``pos`` (>= 0.05), ``neg`` (<= -0.05), else ``neu``.

    >>> tone_label(0.2), tone_label(-0.05), tone_label(0.0)
    ('pos', 'neg', 'neu')
    """
    return "pos" if compound >= 0.05 else ("neg" if compound <= -0.05 else "neu")


#: Most bootstrap resamples accepted: past 10,000 an interval's third decimal no longer moves,
#: and 10**9 would run for hours.
MAX_BOOT = 1_000_000
#: Resample indices drawn at once (16 MB): a group of 50,000 documents with n_boot=10,000
#: needed 4 GB for one index array of shape (n_boot, n).
_BOOT_CELLS = 2_000_000


def check_bootstrap(n_boot: Any, level: Any = 0.95) -> None:
    """Raise a plain error unless ``n_boot`` is a whole number >= 1 and ``0 < level < 1``."""
    if (
        isinstance(n_boot, bool)
        or not isinstance(n_boot, int | np.integer)
        or not 1 <= n_boot <= MAX_BOOT
    ):
        raise CorpusValueError(
            f"n_boot={n_boot!r}: the number of bootstrap resamples must be a whole number from "
            f"1 to {MAX_BOOT:,} (2000 is the default; 10000 for a final result)."
        )
    if not isinstance(level, int | float) or not 0 < level < 1:
        raise CorpusValueError(
            f"level={level!r}: the interval coverage must be between 0 and 1, e.g. 0.95."
        )


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
    check_bootstrap(n_boot, level)
    arrays = [np.asarray(g, dtype=float) for g in groups if len(g)]
    if not arrays:
        return float("nan"), None, None
    pooled = np.concatenate(arrays)
    if np.isnan(pooled).any():  # the mean and every resample would be NaN, silently
        bad = next(i for i, a in enumerate(arrays) if np.isnan(a).any())
        raise CorpusValueError(
            f"groups: non-empty group {bad} holds a missing value (NaN); drop missing scores "
            "before the bootstrap, e.g. [g[~np.isnan(g)] for g in groups]."
        )
    mean = float(pooled.mean())
    n = len(arrays)
    if n < 2:
        return mean, None, None
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    sums = np.array([a.sum() for a in arrays])
    sizes = np.array([len(a) for a in arrays], dtype=float)
    means = np.empty(n_boot)
    step = max(1, _BOOT_CELLS // n)  # one block (the same draws as before) unless it is large
    for b0 in range(0, n_boot, step):
        idx = rng.integers(0, n, size=(min(step, n_boot - b0), n))
        means[b0 : b0 + len(idx)] = sums[idx].sum(axis=1) / sizes[idx].sum(axis=1)
    alpha = (1 - level) / 2
    lo, hi = np.percentile(means, [100 * alpha, 100 * (1 - alpha)])
    return mean, float(lo), float(hi)


class TargetSentiment(NamedTuple):
    """Result of :func:`target_sentiment`: ``sentences`` and ``summary`` tables."""

    sentences: pd.DataFrame
    summary: pd.DataFrame


SENTENCE_COLUMNS = [
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
SUMMARY_COLUMNS = [
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


@dataclass
class MentionSentence:
    """One (document, sentence, target): its first mention and how many mentions."""

    doc_id: str
    sent: int  # position of the sentence in the document's sentence table
    target: str
    mention_start: int
    mention_end: int
    n: int = 0


#: ``summary.attrs`` key: how many documents were left out as not English, and their languages
NOT_ENGLISH = "not_english"


def _other_language_docs(corpus: Corpus) -> tuple[set[str], str]:
    """Documents whose language vote is not English, named in one warning; they are not scored.

    Also returns the phrase the warning names them with (``"912 of 913 documents (pt 912)"``;
    ``""`` when every document is English or unclear).

    VADER's word list is English: in Portuguese 'no' (= in the) is read as a negation and
    drives the tone of every sentence holding it. An unclear vote (None: a language without
    a list, Hausa, Swahili, Turkish) is left out too when the text has few English words
    (:func:`~corpus_tools.languages.few_english_words`: 20+ words, under 15 % on the English
    list), named ``unclear`` in the warning; a short unclear headline stays in.
    """
    ids = [str(d) for d in corpus.doc_ids]
    texts = _vote_texts(corpus)
    votes = text_votes(texts)
    other = {
        d: v if v is not None else UNCLEAR
        for d, v, t in zip(ids, votes, texts, strict=True)
        if v != "en" and (v is not None or few_english_words(t))
    }
    phrase = ""
    if other:
        langs = Counter(other.values()).most_common(5)
        names = ", ".join(f"{lang} {k:,}" for lang, k in langs)
        phrase = f"{len(other):,} of {len(ids):,} documents ({names})"
        warnings.warn(
            f"target_sentiment: {len(other):,} of {len(ids):,} documents are left out of the "
            f"tone table as not English ({names}; see ct.languages(corpus)): the tone lexicon "
            "(VADER) reads their words as English ones (Portuguese 'no' as a negation). To "
            "score them, use a tone model for their language."
            + (
                f" '{UNCLEAR}': a language the package cannot name, 20+ words and few English ones."
                if UNCLEAR in other.values()
                else ""
            ),
            CorpusToolsWarning,
            stacklevel=4,
        )
    return set(other), phrase


#: how the warning and ``attrs["not_english"]`` name documents with no language vote and few
#: English words (:func:`~corpus_tools.languages.few_english_words`)
UNCLEAR = "unclear"


#: texts read as Python strings at a time for the language vote
_VOTE_CHUNK = 2048


def _vote_texts(corpus: Corpus) -> list[str]:
    """Each text's first :data:`~corpus_tools.languages.CORPUS_CHARS` characters, all that
    :func:`text_votes` reads (the same votes), taken ``_VOTE_CHUNK`` texts at a time: not a
    Python string of every whole text at once."""
    heads = text_heads(corpus.docs["text"], CORPUS_CHARS, _VOTE_CHUNK)
    return [text for chunk in heads for text in chunk]


def _mentions(corpus: Corpus, targets: Sequence[str] | None) -> tuple[pd.DataFrame, str, set[str]]:
    """Target mentions from the gazetteer in English documents: ``doc_id, target, start, end``,
    the phrase naming the documents left out as not English (``""``: none), and their ids.

    One language note: the documents left out by their vote, or (none left out) the lexicon's
    note on documents that may not be English but stay in."""
    other, left_out = _other_language_docs(corpus)
    if not other:
        warn_english_lexicon(
            corpus,
            "target_sentiment",
            "tone lexicon (VADER) and actor list",
            "Their sentences are scored as English; score the English documents only "
            "(corpus.subset(...)) or use a tone model for their language.",
        )
    m = actor_mentions(corpus)
    if other:
        m = m[~m["doc_id"].astype(str).isin(other)]
    m = m.rename(columns={"actor": "target"})[["doc_id", "target", "start", "end"]]
    if targets is not None:
        keep = {canonical(t) or t for t in targets} | set(targets)
        m = m[m["target"].isin(keep)]
    return m.reset_index(drop=True), left_out, other


def _mention_sentences(m: pd.DataFrame, starts: dict[str, list[int]]) -> list[MentionSentence]:
    """Group mentions by (document, sentence, target), in text order."""
    m = m.sort_values(["doc_id", "start", "target"], kind="mergesort")
    keyed: dict[tuple[str, int, str], MentionSentence] = {}
    for d, t, s, e in zip(m["doc_id"], m["target"], m["start"], m["end"], strict=False):
        if d not in starts:
            continue
        key = (d, sentence_index(starts[d], int(s)), t)
        if key not in keyed:
            keyed[key] = MentionSentence(d, key[1], t, int(s), int(e))
        keyed[key].n += 1
    return list(keyed.values())


def _scored_rows(found: list[MentionSentence], sents: pd.DataFrame) -> list[dict[str, Any]]:
    """One row per mention sentence, each sentence scored by VADER once."""
    by_doc = {d: g for d, g in sents.groupby("doc_id", sort=False)}
    scored: dict[tuple[str, int], tuple[float, str]] = {}
    rows = []
    for ms in found:
        srow = by_doc[ms.doc_id].iloc[ms.sent]
        skey = (ms.doc_id, ms.sent)
        if skey not in scored:
            scored[skey] = vader_scores(str(srow["text"]))
        comp, drivers = scored[skey]
        rows.append(
            {
                "doc_id": ms.doc_id,
                "sent_id": int(srow["sent_id"]),
                "target": ms.target,
                "compound": comp,
                "label": tone_label(comp),
                "n": ms.n,
                "start": int(srow["start"]),
                "end": int(srow["end"]),
                "mention_start": ms.mention_start,
                "mention_end": ms.mention_end,
                "drivers": drivers,
                "evidence": str(srow["text"]),
            }
        )
    return rows


def _sentence_table(
    rows: list[dict[str, Any]], corpus: Corpus, keep_min: int | None
) -> pd.DataFrame:
    """The typed ``sentences`` table in corpus order; targets under ``keep_min`` sentences dropped."""
    sent_df = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
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
    if keep_min is not None and len(sent_df):
        counts = sent_df.groupby("target").size()
        keep = sorted(counts[counts >= keep_min].index.tolist())
        sent_df = sent_df[sent_df["target"].isin(keep)].reset_index(drop=True)
    for c in ("doc_id", "target", "label", "drivers", "evidence"):
        sent_df[c] = sent_df[c].astype(object)
    return sent_df


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
        Actor names (canonical names of the gazetteer, or names it resolves).
        Default: every gazetteer actor with at least ``min_sentences``
        mentioning sentences.
    by : str
        Grouping column of ``corpus.docs`` (``outlet``) or ``doc_id``.
    n_boot, seed : int
        Cluster-bootstrap resamples and seed (both copied into the summary).
    min_sentences : int
        Only used when ``targets`` is None; a whole number >= 1 (1 keeps every
        actor mentioned at all).

    Returns
    -------
    TargetSentiment
        ``.sentences``: one row per (sentence, target): ``doc_id, sent_id,
        target, compound, label`` (pos >= 0.05, neg <= -0.05, else neu),
        ``n`` (mentions of the target in the sentence), ``start, end``
        (sentence offsets), ``mention_start, mention_end`` (first mention),
        ``drivers`` (lexicon words and valences), ``evidence`` (the
        sentence). Ordered by doc, sent_id, target.

        ``.summary``: one row per (group, target): ``n_sentences, n_docs, mean_compound,
        ci_low, ci_high`` (95 % cluster bootstrap over documents; None with one document),
        ``share_pos, share_neu, share_neg, n_boot, seed`` and ``interval`` ("one article: no
        interval" or "bootstrap over n documents"). Ordered by target, group.

    Notes
    -----
    This is the *tone of coverage in which the target appears*, not the outlet's stance: a
    sentence about an attack is negative whoever is blamed, and tone is shared out to every actor
    in the sentence. Warns when rows rest on 2-9 documents (the fix: a coarser ``by=``). Documents
    voted another language than English are left out (warned; ``summary.attrs["not_english"]``).

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
    require_corpus(corpus, "target_sentiment")
    check_bootstrap(n_boot)
    check_whole("min_sentences", min_sentences, 1)
    if isinstance(targets, str):  # one actor: "Russia" is a target, not six letters
        targets = [targets]
    targets = _checked_targets(targets)
    check_whole("seed", seed, 0)
    m, left_out, other = _mentions(corpus, targets)
    sents = corpus.sentences()
    rows: list[dict[str, Any]] = []
    if len(m):
        starts = {d: g["start"].tolist() for d, g in sents.groupby("doc_id", sort=False)}
        rows = _scored_rows(_mention_sentences(m, starts), sents)
    sent_df = _sentence_table(rows, corpus, min_sentences if targets is None else None)
    summary = _sentiment_summary(sent_df, corpus, by=by, n_boot=n_boot, seed=seed)
    summary.attrs.update(_left_out_attrs(corpus, left_out, other, by) | _unknown_targets(targets))
    return TargetSentiment(sent_df, summary)


#: ``summary.attrs`` key: the targets asked for that name no actor of the gazetteer
#: (:func:`~corpus_tools.actors.canonical_actor` returns None): no sentence is scored for them
UNKNOWN_TARGETS = "unknown_targets"


def _unknown_targets(targets: list[str] | None) -> dict[str, list[str]]:
    """``{UNKNOWN_TARGETS: [...]}`` for the ``targets`` the gazetteer does not know, with a
    warning naming them (an empty table for ``"Google"`` would otherwise say nothing)."""
    unknown = [t for t in targets or [] if canonical_actor(t) is None]
    if not unknown:
        return {}
    warnings.warn(
        f"target_sentiment: {len(unknown)} of {len(targets or [])} targets name no actor of "
        f"the gazetteer, or a surname several share ({', '.join(map(repr, unknown[:5]))}"
        f"{', ...' if len(unknown) > 5 else ''}), so no sentence is scored for them; "
        "ct.canonical_actor(name) tells which names it knows, "
        "ct.candidate_actors(corpus) lists names it misses.",
        CorpusToolsWarning,
        stacklevel=3,
    )
    return {UNKNOWN_TARGETS: unknown}


def _left_out_attrs(corpus: Corpus, left_out: str, other: set[str], by: str) -> dict[str, Any]:
    """The summary's ``attrs`` on documents left out as not English: their phrase
    (:data:`NOT_ENGLISH`) and the groups with no document left (:data:`NOT_SCORED_GROUPS`)."""
    gone = _not_scored_groups(corpus, other, by)
    return {
        **({NOT_ENGLISH: left_out} if left_out else {}),
        **({NOT_SCORED_GROUPS: gone} if gone else {}),
    }


#: ``summary.attrs`` key: the groups (``by=``) whose every document was left out as not
#: English, so they have no row (none scored; a reader would otherwise not see them at all)
NOT_SCORED_GROUPS = "not_scored_groups"


def _not_scored_groups(corpus: Corpus, other: set[str], by: str) -> list[str]:
    """The ``by`` groups all of whose documents are in ``other`` (left out), sorted."""
    if not other:
        return []
    ids = [str(d) for d in corpus.doc_ids]
    groups = doc_groups(corpus, pd.Series(ids), by)
    left = pd.Series([d in other for d in ids], index=groups.index)
    every = left.groupby(groups.to_numpy(), sort=True).all()
    return [str(g) for g in every.index[every.to_numpy()]]


def _summary_row(g: pd.DataFrame, n_boot: int, seed: int) -> dict[str, Any]:
    """The summary of one (target, group): mean, bootstrap interval, label shares."""
    per_doc = [gg["compound"].to_numpy() for _, gg in g.groupby("doc_id", sort=True)]
    mean, lo, hi = cluster_bootstrap(per_doc, n_boot=n_boot, seed=seed)
    n_docs = len(per_doc)
    lab = g["label"]
    return {
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


#: Documents below which a summary row's bootstrap interval is rough (few distinct resamples)
FEW_DOCUMENTS = 10


def _warn_few_documents(rows: list[dict[str, Any]], by: str) -> None:
    """Warn when summary rows rest on 2 to ``FEW_DOCUMENTS - 1`` documents: how many rows of
    how many, the largest few of them, and what to do (a headline corpus of 1,590 outlets
    has most outlets below 10 headlines)."""
    few = [r for r in rows if 1 < r["n_docs"] < FEW_DOCUMENTS]
    if not few:
        return
    few.sort(key=lambda r: (-r["n_docs"], str(r["group"]), str(r["target"])))
    several = len({r["target"] for r in rows}) > 1
    n_groups = len({r["group"] for r in rows})
    what = (
        f"(group, target) rows, in {len({r['group'] for r in few}):,} of {n_groups:,} groups,"
        if several
        else "groups"
    )

    def name(r: dict[str, Any]) -> str:
        group = str(r["group"])
        group = group if len(group) <= 40 else group[:39] + "…"
        label = f"{group} / {r['target']}" if several else group
        return f"'{label}' ({r['n_docs']})"

    shown = ", ".join(name(r) for r in few[:5])
    more = f" and {len(few) - 5:,} more" if len(few) > 5 else ""
    warnings.warn(
        f"target_sentiment: {len(few):,} of {len(rows):,} {what} rest on fewer than "
        f"{FEW_DOCUMENTS} documents in a group (2-{FEW_DOCUMENTS - 1}), so their bootstrap "
        f"intervals are rough (few distinct resamples); largest first, documents in "
        f"brackets: {shown}{more}. Group more coarsely (by= a column with fewer, larger "
        f"groups than {by!r}) or keep the rows with enough documents (summary columns "
        "n_docs and interval).",
        CorpusToolsWarning,
        stacklevel=4,
    )


def _sentiment_summary(
    sent_df: pd.DataFrame, corpus: Corpus, *, by: str, n_boot: int, seed: int
) -> pd.DataFrame:
    out = []
    if len(sent_df):
        df = sent_df.assign(group=doc_groups(corpus, sent_df["doc_id"], by))
        for (target, group), g in df.groupby(["target", "group"], sort=True):
            out.append({"group": group, "target": target, **_summary_row(g, n_boot, seed)})
        _warn_few_documents(out, by)
    res = pd.DataFrame(out, columns=SUMMARY_COLUMNS)
    for c in ("n_sentences", "n_docs", "n_boot", "seed"):
        res[c] = res[c].astype("int64")
    for c in ("ci_low", "ci_high", "mean_compound"):
        res[c] = res[c].astype(float)
    for c in ("group", "target", "interval"):
        res[c] = res[c].astype(object)
    return res.reset_index(drop=True)


#: ``most_negative(...).attrs`` keys: negative rows in the table given, and all its rows
N_NEGATIVE, N_ROWS = "n_negative", "n_rows"


def most_negative(sentences: pd.DataFrame, k: int = 5) -> pd.DataFrame:
    """The ``k`` most negative rows of ``target_sentiment(...).sentences``, negative ones only.

    Only rows labelled negative (compound -0.05 or lower, VADER's own cut) are kept, so a
    corpus where few sentences are negative shows those few, not neutral 0.000 rows under a
    "most negative" heading (Moroccan and Kurdish news: three negative rows, then 0.000s).
    Ordered by compound, then ``doc_id``, ``sent_id``, ``target``; the table's
    ``attrs["n_negative"]`` and ``attrs["n_rows"]`` count the negative rows and all rows,
    for :func:`corpus_tools.describe_most_negative`.

    Parameters
    ----------
    sentences : pandas.DataFrame
        ``target_sentiment(corpus, ...).sentences`` (``compound``, ``label``, ``doc_id``,
        ``sent_id``, ``target``; other columns, such as a group, are kept).
    k : int, default 5
        Rows returned at most.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0],
    ...                   "target": ["X", "X", "Y"], "compound": [0.0, -0.6, 0.3],
    ...                   "label": ["neu", "neg", "pos"]})
    >>> neg = most_negative(s, k=5)
    >>> neg[["doc_id", "compound"]].values.tolist(), neg.attrs["n_negative"], neg.attrs["n_rows"]
    ([['a', -0.6]], 1, 3)
    """
    from .errors import check_table

    cols = ["doc_id", "sent_id", "target", "compound", "label"]
    check_table(sentences, cols, "most_negative", "target_sentiment(corpus).sentences")
    check_whole("k", k, 1)
    neg = sentences[sentences["label"] == "neg"]
    out = neg.sort_values(["compound", "doc_id", "sent_id", "target"], kind="mergesort").head(k)
    out.attrs.update({N_NEGATIVE: len(neg), N_ROWS: len(sentences)})
    return out
