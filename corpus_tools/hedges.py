"""Hedges, boosters and evidential markers: the outlet's voice and the source's.

Hyland (1998) treats hedges (``may``, ``possibly``) and boosters
(``clearly``) as markers of epistemic commitment; evidentials
(``reportedly``) say where a claim comes from (Recasens et al. 2013). The
lexicon is ``data/hedges.yml`` (a :class:`~corpus_tools.lexicon.Lexicon`,
matched by the one :class:`~corpus_tools.lexicon.Matcher`). A hit inside a
direct quote is the source's voice, outside it the outlet's.

Per-document work (:func:`doc_hedges`) is a pure function of the text and
its sentences, so a corpus can be split into partitions and run with the
same code.

References
----------
Hyland, K. (1998). *Hedging in Scientific Research Articles*. John Benjamins.
Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic
models for analyzing and detecting biased language. *ACL*, 1650-1659.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from .corpus import doc_groups, require_corpus
from .errors import CorpusToolsWarning, check_table
from .lexicon import Lexicon, Matcher, compiled, load_lexicon, warn_english_lexicon, word_counts
from .quotes import quotes
from .quotes.extract import doc_sentences, inside_any, span_reach
from .tokenize import fold

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["HEDGE_COLUMNS", "load_hedges", "doc_hedges", "hedges", "hedge_rates"]

HEDGE_COLUMNS = ["doc_id", "sent_id", "term", "hedge_class", "inside_quote", "start", "end"]

#: A hedge lexicon file: a path, or None for the shipped ``data/hedges.yml``.
LexiconPath = str | Path | None


class HedgeBook(NamedTuple):
    """A compiled hedge lexicon: its matcher and the class of each term (lower-cased)."""

    name: str
    matcher: Matcher
    term_class: dict[str, str]


def _build(lex: Lexicon) -> HedgeBook:
    term_class: dict[str, str] = {}
    for cls, spec in lex.data["classes"].items():
        for t in spec["terms"]:
            term_class[str(t).lower()] = str(cls)
    matcher = Matcher.build(term_class, exclude_patterns=lex.data.get("exclude") or ())
    return HedgeBook(lex.name, matcher, term_class)


def hedge_book(
    path: LexiconPath = None, *, extend: str | Path | Mapping[str, Any] | None = None
) -> HedgeBook:
    """The compiled hedge lexicon (cached per version of its files).

    >>> hedge_book().term_class["reportedly"]
    'evidential'
    """
    return compiled(load_lexicon("hedges", path, extend=extend), _build)


def load_hedges(
    path: LexiconPath = None, *, extend: str | Path | Mapping[str, Any] | None = None
) -> pd.DataFrame:
    """Return the hedge lexicon as a table ``term, hedge_class`` (sorted by class, term).

    Parameters
    ----------
    path : str or Path, optional
        Your own YAML with the schema of ``data/hedges.yml`` (replaces it).
    extend : str, Path or mapping, optional
        Terms added to it (same schema), e.g.
        ``{"classes": {"hedge": {"terms": ["arguably"]}}}``.

    Examples
    --------
    >>> h = load_hedges()
    >>> sorted(h["hedge_class"].unique().tolist())
    ['booster', 'evidential', 'hedge']
    >>> load_hedges(extend={"classes": {"hedge": {"terms": ["arguably"]}}}).query("term == 'arguably'").values.tolist()
    [['arguably', 'hedge']]
    """
    book = hedge_book(path, extend=extend)
    df = pd.DataFrame(list(book.term_class.items()), columns=["term", "hedge_class"])
    return df.sort_values(["hedge_class", "term"], kind="mergesort").reset_index(drop=True)


def doc_hedges(
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    quote_spans: Iterable[tuple[int, int]] = (),
    *,
    doc_id: str = "",
    lexicon: LexiconPath | HedgeBook = None,
) -> list[dict[str, Any]]:
    """Hedge, booster and evidential hits in one document (pure function).

    ``sentences`` are ``(sent_id, para_id, start, end)``; ``quote_spans`` the
    ``(start, end)`` of direct quotes; ``lexicon`` a path or a
    :func:`hedge_book`.

    Examples
    --------
    >>> t = "Talks may resume in May 2024, officials reportedly said."
    >>> [(r["term"], r["hedge_class"]) for r in doc_hedges(t, [(0, 0, 0, len(t))])]
    [('may', 'hedge'), ('reportedly', 'evidential')]
    """
    book = lexicon if isinstance(lexicon, HedgeBook) else hedge_book(lexicon)
    sents = sorted((int(s), int(e), int(i)) for i, _, s, e in sentences)
    qs = span_reach(sorted(quote_spans))  # a bisect per hit, not a scan of every quote
    rows = []
    for hit in book.matcher.find(fold(text), [(s, e) for s, e, _ in sents]):
        s, e = hit.start, hit.end
        rows.append(
            {
                "doc_id": doc_id,
                "sent_id": sents[hit.sent][2] if sents else 0,
                "term": hit.term,
                "hedge_class": book.term_class[hit.term],
                "inside_quote": inside_any(qs, s, e),
                "start": s,
                "end": e,
            }
        )
    return rows


def hedges(
    corpus: Corpus,
    *,
    lexicon: LexiconPath = None,
    quotes_table: pd.DataFrame | None = None,
    extend: str | Path | Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Return hedges, boosters and evidential markers with offsets.

    Parameters
    ----------
    corpus : Corpus
    lexicon : str or Path, optional
        Your own YAML with the schema of ``data/hedges.yml``.
    quotes_table : DataFrame, optional
        Output of :func:`~corpus_tools.quotes` (computed when not given); a
        hit inside a direct quote is the source's voice
        (``inside_quote=True``), outside it is the outlet's voice.
    extend : str, Path or mapping, optional
        Terms added to the lexicon (see :func:`load_hedges`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id, sent_id, term, hedge_class, inside_quote, start, end``;
        ordered by document then ``start``.

    Notes
    -----
    ``May`` the month or the name is vetoed by the file's ``exclude``
    patterns in date contexts (``in May``, ``May 5``) and where it reads as a
    name (``May's``; ``Theresa May said``: capitalised after a word in lower
    case, before punctuation or a word in lower case, which a Title Case
    headline's ``Talks May Resume`` is not); ``could``/``may`` in questions
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
    require_corpus(corpus, "hedges")
    book = hedge_book(lexicon, extend=extend)
    if lexicon is None:
        warn_english_lexicon(
            corpus,
            "hedges",
            "hedge list",
            "Pass lexicon= a hedge file in the corpus's language, or analyse its English part.",
        )
    q = quotes(corpus) if quotes_table is None else quotes_table
    q = check_table(q, ["doc_id", "direct", "start", "end"], "hedges", "quotes(corpus)")
    direct = q[q["direct"]] if len(q) else q
    spans: dict[str, list[tuple[int, int]]] = {}
    for d, s, e in zip(
        direct["doc_id"].tolist(), direct["start"].tolist(), direct["end"].tolist(), strict=False
    ):
        spans.setdefault(d, []).append((int(s), int(e)))
    rows: list[dict[str, Any]] = []
    for doc_id, text, sents in doc_sentences(corpus):  # a batch of documents' sentences at a time
        rows.extend(doc_hedges(text, sents, spans.get(doc_id, []), doc_id=doc_id, lexicon=book))
    df = pd.DataFrame(rows, columns=HEDGE_COLUMNS)
    for c in ("sent_id", "start", "end"):
        df[c] = df[c].astype("int64")
    df["inside_quote"] = df["inside_quote"].astype(bool)
    for c in ("doc_id", "term", "hedge_class"):
        df[c] = df[c].astype(object)
    return df


def _warn_if_no_hits(hits: pd.DataFrame, per_group: pd.DataFrame) -> None:
    """Warn when every rate is 0 because the hits table is empty (a table of zero rates per
    outlet reads as "these outlets never hedge"; 1,543 Spanish articles: 1,950 zero rows)."""
    n_words = int(per_group["n_words"].sum())
    if len(hits) or not n_words:
        return
    warnings.warn(
        f"hedge_rates: the hits table has no hedge, so every rate of the {len(per_group):,} "
        f"group(s) is 0 ({int(per_group['n_docs'].sum()):,} documents, {n_words:,} words). "
        "If the corpus is not in English, the English hedge list finds nothing in it: pass "
        "hedges(corpus, lexicon=...) a hedge file in its language; otherwise check that hits "
        "come from hedges() on this corpus.",
        CorpusToolsWarning,
        stacklevel=3,
    )


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
    hits = check_table(
        hits, ["doc_id", "hedge_class", "inside_quote"], "hedge_rates", "hedges(corpus)"
    )
    require_corpus(corpus, "hedge_rates")
    words = word_counts(corpus)
    docs = pd.DataFrame({"doc_id": list(words), "n_words": list(words.values())})
    docs["group"] = doc_groups(corpus, docs["doc_id"], by)
    gw = docs.groupby("group").agg(n_words=("n_words", "sum"), n_docs=("doc_id", "size"))
    classes = sorted(set(hedge_book().term_class.values()) | set(hits["hedge_class"].tolist()))
    h = hits.copy()
    h["group"] = doc_groups(corpus, h["doc_id"], by)
    h["voice"] = np.where(h["inside_quote"].astype(bool), "source", "outlet")
    cnt = h.groupby(["group", "hedge_class", "voice"]).size()
    idx = pd.MultiIndex.from_product(
        [sorted(gw.index.tolist()), classes, ["outlet", "source"]],
        names=["group", "hedge_class", "voice"],
    )
    out = cnt.reindex(idx, fill_value=0).rename("count").reset_index()
    out = out.merge(gw, left_on="group", right_index=True)
    _warn_if_no_hits(hits, gw)
    out["rate_per_1000"] = (1000 * out["count"] / out["n_words"].where(out["n_words"] > 0)).round(3)
    for c in ("count", "n_words", "n_docs"):
        out[c] = out[c].astype("int64")
    return out[
        ["group", "hedge_class", "voice", "count", "n_words", "n_docs", "rate_per_1000"]
    ].reset_index(drop=True)
