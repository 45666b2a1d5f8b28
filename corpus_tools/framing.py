"""Frame cues from a transparent codebook, and reliability against hand coding.

A *dictionary* frame detector finds vocabulary associated with a frame in a
sentence. It approximates framing; it does not measure it. Human coders
judge frames holistically per story, with questions such as "does one party
reproach another?" (Semetko & Valkenburg 2000). The codebook
(``data/frames.yml``) holds the five generic news frames and the policy
frames of Boydstun et al. (2014) that matter for diplomacy and war news,
each with its definition, the coder's questions and cue terms. Validate
against hand coding with :func:`krippendorff_alpha` before trusting it.

References
----------
Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm.
*Journal of Communication*, 43(4), 51-58.
Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A
content analysis of press and television news. *Journal of Communication*,
50(2), 93-109.
Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014).
Tracking the development of media frames within and across policy issues.
Policy Frames Codebook, Carnegie Mellon University.
Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard
reliability measure for coding data. *Communication Methods and Measures*,
1(1), 77-89.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from .corpus import doc_groups, group_labels, require_corpus
from .errors import CorpusValueError, check_table, check_whole, invalid_option
from .lexicon import (
    Lexicon,
    Matcher,
    compiled,
    load_lexicon,
    lower_view,
    warn_english_lexicon,
    word_counts,
)
from .quotes.extract import doc_sentences
from .tokenize import fold

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "FRAME_COLUMNS",
    "Codebook",
    "load_codebook",
    "codebook_table",
    "doc_frames",
    "frames",
    "frame_summary",
    "frame_evidence",
    "frame_coding_sample",
    "krippendorff_alpha",
]

FRAME_COLUMNS = ["doc_id", "sent_id", "frame", "cue", "start", "end"]
_HIT_COLUMNS = ["doc_id", "sent_id", "frame", "start"]  # what the summaries read of frames()


class FrameMatcher(NamedTuple):
    """One frame's cues, exclusions and required co-terms, compiled."""

    name: str
    matcher: Matcher


@dataclass(frozen=True)
class Codebook:
    """A validated frame codebook (see :func:`load_codebook`).

    Attributes
    ----------
    name : str
        Where it came from (file path or the shipped file).
    meta : dict
        The file's ``meta`` block (name, version, licence, sources).
    frames : dict
        Frame name -> its entry as written in the file.
    matchers : tuple of FrameMatcher
        One compiled matcher per frame, in file order.
    name_heads : frozenset of str
        Last words of organisation names (``name_heads`` of the file, default the
        shipped list): a one-word cue inside such a name is not a cue.
    extends_shipped : bool
        Built by ``load_codebook(extend=...)`` on the shipped codebook: its English
        cues are still in it (:func:`frames` warns on other-language text).
    """

    name: str
    meta: dict
    frames: dict
    matchers: tuple[FrameMatcher, ...] = field(default=(), repr=False, compare=False)
    name_heads: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    in_names: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    name_possessors: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    extends_shipped: bool = field(default=False, compare=False)


#: A codebook argument: a loaded :class:`Codebook`, a path to a YAML file, or None (shipped).
CodebookLike = Codebook | str | Path | None


def _build(lex: Lexicon) -> Codebook:
    matchers = []
    for fname, spec in lex.data["frames"].items():
        terms = [*(spec.get("cues") or []), *(spec.get("phrases") or [])]
        matcher = Matcher.build(
            terms, exclude=spec.get("exclude") or (), requires=spec.get("requires_any") or {}
        )
        matchers.append(FrameMatcher(str(fname), matcher))

    def words(key: str) -> frozenset[str]:
        value = lex.data.get(key)
        if value is None:  # a codebook of your own without the key: the shipped list
            value = load_lexicon("frames").data.get(key) or ()
        return frozenset(str(h).lower() for h in value)

    in_names = {
        str(f): frozenset(str(c).lower() for c in spec["in_names"])
        for f, spec in lex.data["frames"].items()
        if spec.get("in_names")
    }
    return Codebook(
        lex.name,
        lex.meta,
        dict(lex.data["frames"]),
        tuple(matchers),
        words("name_heads"),
        in_names,
        words("name_possessors"),
    )


# A run of capitalised words, "of/for/and/the" allowed between two of them
# ("University of Sulaimani", "Department of Homeland Security").
_NAME_WORD = r"[A-Z][\w'’&.-]*"
_NAME_RUN = re.compile(
    rf"(?<![\w-]){_NAME_WORD}(?:(?:[ \t]+(?:of|for|and|the))?[ \t]+{_NAME_WORD})+"
)
_HEAD_END = re.compile(r"(?:['’]s|\.)$")
# a lower-case word of four letters or more: a sentence without one is written in title
# case ("American Airlines Cuts Ties With JetBlue"), where capitals mark no name
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]{3,}")


_POSSESSIVE = re.compile(r"['’]s$")


def _name_parts(
    run: re.Match, heads: frozenset[str], possessors: frozenset[str]
) -> list[list[tuple[int, str]]]:
    """The words of a run of capitalised words, ``(start, word)``, cut after a possessive
    ``'s`` when the words after it are a name of their own (a head after at least one other
    word) and its owner is not one of ``possessors``: in "President Trump's Justice
    Department" the name is "Justice Department"; "Children's Hospital", "the University's
    International Relations Office", "Medical Science's Department" and "Talabani's Foundation
    and Dr. Amanj" stay whole."""
    words = [(w.start() + run.start(), w.group()) for w in re.finditer(r"\S+", run.group())]
    is_head = [_HEAD_END.sub("", w).lower() in heads for _, w in words]
    parts: list[list[tuple[int, str]]] = [[]]
    for k, (at, word) in enumerate(words):
        parts[-1].append((at, word))
        if (
            _POSSESSIVE.search(word)
            and word[:-2].lower() not in possessors
            and any(is_head[k + 2 :])
            and not is_head[k + 1]
        ):
            parts.append([])
    return [p for p in parts if p]


def _name_spans(
    view: str,
    heads: frozenset[str],
    names: Sequence[str],
    title_case: list[tuple[int, int]],
    possessors: frozenset[str] = frozenset(),
) -> tuple[list[tuple[int, int]], set[int]]:
    """Spans of organisation names in ``view`` (runs of capitalised words holding a word of
    ``heads``, outside the ``title_case`` sentences, a possessive ending the name before it,
    and each of ``names`` as written) and the starts of their head words."""
    spans: list[tuple[int, int]] = []
    head_starts: set[int] = set()
    for m in _NAME_RUN.finditer(view):
        if any(s <= m.start() < e for s, e in title_case):
            continue
        for part in _name_parts(m, heads, possessors):
            found = [at for at, w in part if _HEAD_END.sub("", w).lower() in heads]
            if found:
                spans.append((part[0][0], part[-1][0] + len(part[-1][1])))
                head_starts.update(found)
    for name in names:
        spans += [x.span() for x in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", view)]
    return spans, head_starts


def _outside_names(
    view: str,
    hits: list[tuple],
    cb: Codebook,
    names: Sequence[str],
    sentences: Sequence[tuple[int, int]] = (),
) -> list[tuple]:
    """``hits`` (rows of :func:`doc_frames`) less the one-word cues inside a name; a name's
    head word, multi-word cues and a frame's ``in_names`` cues stay (a security body's name
    says its remit: "Defense Department"). Names are looked for only when a one-word cue
    starts with a capital letter (a name's words do)."""
    keep = cb.in_names

    def one_word(r: tuple) -> bool:
        return (
            not re.search(r"[\s-]", r[3])
            and view[r[4] : r[4] + 1].isupper()
            and r[3] not in keep.get(r[2], ())
        )

    if not any(one_word(r) for r in hits):
        return hits
    title_case = [
        (s, e) for s, e in (sentences or [(0, len(view))]) if not _LOWER_WORD.search(view, s, e)
    ]
    spans, head_starts = _name_spans(view, cb.name_heads, names, title_case, cb.name_possessors)
    return [
        r
        for r in hits
        if not (
            one_word(r)
            and r[4] not in head_starts
            and any(s <= r[4] and r[5] <= e for s, e in spans)
        )
    ]


def load_codebook(
    path: str | Path | None = None, *, extend: str | Path | Mapping[str, Any] | None = None
) -> Codebook:
    """Load and validate a frame codebook (YAML).

    Parameters
    ----------
    path : str or Path, optional
        Your own codebook with the schema of ``corpus_tools/data/frames.yml``
        (``meta`` + ``frames``: per frame ``label, family, definition,
        questions, cues, phrases, exclude, requires_any``). Default: the
        shipped codebook.
    extend : str, Path or mapping, optional
        Frames or cues added to it (same schema): a frame named in both
        gets the cues of both, e.g. ``{"frames": {"conflict": {"cues": ["spat*"]}}}``.
        The shipped cues stay English: for a corpus in another language pass
        ``path=`` a codebook of your own instead (German news with German frames
        added to the shipped ones got 1,092 ``security_defense`` hits from
        German "war", 'was'); :func:`frames` warns about such a codebook as about
        the shipped one, and not about a codebook of your own (``path=``).

    Returns
    -------
    Codebook
        Cached per version of the files: an edited codebook is read again.

    Raises
    ------
    DataFileError
        Naming the file, the frame and the key, and the fix: unknown keys,
        empty cue lists, bad types, unreadable YAML.

    Examples
    --------
    >>> cb = load_codebook()
    >>> list(cb.frames)[:5]
    ['conflict', 'human_interest', 'responsibility', 'morality', 'economic_consequences']
    >>> load_codebook(extend={"frames": {"conflict": {"cues": ["spat*"]}}}).frames["conflict"]["cues"][-1]
    'spat*'
    """
    cb = compiled(load_lexicon("frames", path, extend=extend), _build)
    if path is None and extend is not None:  # the shipped English cues are still in it
        cb = replace(cb, extends_shipped=True)
    return cb


def _as_codebook(codebook: CodebookLike) -> Codebook:
    if isinstance(codebook, Codebook):
        return codebook
    if codebook is not None and not isinstance(codebook, str | os.PathLike):
        raise CorpusValueError(
            f"codebook= is a {type(codebook).__name__}; pass a YAML file path or the Codebook of "
            "load_codebook(); to add frames given as a mapping, pass "
            "codebook=load_codebook(extend=your_mapping)."
        )
    return load_codebook(codebook)


def codebook_table(codebook: CodebookLike = None) -> pd.DataFrame:
    """The codebook as a table: ``frame, label, family, definition, questions, cues``.

    ``questions`` and ``cues`` are joined with `` | `` and ``, ``; rows in file order.

    Examples
    --------
    >>> codebook_table().loc[0, ["frame", "family"]].tolist()
    ['conflict', 'generic']
    """
    cb = _as_codebook(codebook)
    rows = []
    for name, spec in cb.frames.items():
        cues = [*(spec.get("cues") or []), *(spec.get("phrases") or [])]
        rows.append(
            {
                "frame": name,
                "label": spec.get("label", name),
                "family": spec.get("family", ""),
                "definition": spec.get("definition", ""),
                "questions": " | ".join(spec.get("questions") or []),
                "cues": ", ".join(cues),
            }
        )
    return pd.DataFrame(
        rows, columns=["frame", "label", "family", "definition", "questions", "cues"]
    )


def doc_frames(
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    codebook: CodebookLike = None,
    *,
    doc_id: str = "",
    names: Sequence[str] = (),
) -> list[tuple[str, int, str, str, int, int]]:
    """Frame cue hits in one document (pure function): ``(doc_id, sent_id, frame, cue, start, end)``.

    A one-word cue inside an organisation name (capitalised words holding a word of
    the codebook's ``name_heads``) or inside one of ``names`` (e.g. the document's own
    outlet) is not a cue.

    Examples
    --------
    >>> t = "Tensions rose. Both sides clashed over the veto."
    >>> [(r[2], r[3]) for r in doc_frames(t, [(0, 0, 0, 14), (1, 0, 15, 48)]) if r[2] == "conflict"]
    [('conflict', 'tension*'), ('conflict', 'both sides'), ('conflict', 'clash*'), ('conflict', 'veto*')]
    >>> t = "Qaiwan International University signed an international treaty."
    >>> [r[3] for r in doc_frames(t, [(0, 0, 0, len(t))])]
    ['international*', 'treaty']
    """
    cb = _as_codebook(codebook)
    view = fold(text)
    low = lower_view(view)
    sents = sorted((int(s), int(e), int(i)) for i, _, s, e in sentences)
    spans = [(s, e) for s, e, _ in sents]
    out = [
        (doc_id, sents[h.sent][2] if sents else 0, fm.name, h.term, h.start, h.end)
        for fm in cb.matchers
        for h in fm.matcher.find(view, spans, low=low)
    ]
    out.sort(key=lambda r: (r[4], r[5], r[2]))
    names = [n for n in names if n and n.strip()]
    return _outside_names(view, out, cb, names, spans)


def frames(corpus: Corpus, codebook: CodebookLike = None) -> pd.DataFrame:
    """Return one row per frame cue hit: ``doc_id, sent_id, frame, cue, start, end``.

    Parameters
    ----------
    corpus : Corpus
    codebook : Codebook, str or Path, optional
        A codebook from :func:`load_codebook` or a path to your YAML file;
        default the shipped ``data/frames.yml``.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``sent_id`` (int), ``frame`` (str), ``cue`` (str,
        the codebook term that matched, e.g. ``tension*``), ``start``/``end``
        (int, offsets of the matched words in the cleaned text). Ordered by
        document (corpus order), ``start``, ``end``, ``frame``.

    Notes
    -----
    Dictionary cues approximate framing, they do not measure it: cues are
    polysemous (``attack`` in sport), negation (``no conflict``) is not
    handled, topic is confounded with frame (every war story hits Security
    cues), and a frame at story level is not the sum of sentence hits. A
    one-word cue inside an organisation name (``Qaiwan International
    University``, ``Justice Department``) or the document's own outlet name is
    not counted (the codebook's ``name_heads``).

    References
    ----------
    Semetko & Valkenburg (2000); Boydstun et al. (2014); Grimmer & Stewart (2013).

    See Also
    --------
    frame_summary, frame_evidence, krippendorff_alpha

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Tensions flared over the human cost."]}))
    >>> frames(c)[["frame", "cue", "start", "end"]].values.tolist()
    [['conflict', 'tension*', 0, 8], ['human_interest', 'human cost', 25, 35]]
    """
    require_corpus(corpus, "frames")
    cb = _as_codebook(codebook)
    if codebook is None or cb.extends_shipped:
        warn_english_lexicon(
            corpus,
            "frames",
            "frame codebook" + (" (extended: its English cues stay)" if codebook else ""),
            "Pass codebook= a codebook in the corpus's language"
            + (" (load_codebook(path=your file), not extend=)" if codebook else "")
            + ", or analyse its English part.",
        )
    docs = corpus.docs
    own = dict(zip(docs["doc_id"], docs["outlet"], strict=True)) if "outlet" in docs else {}
    cols: list[list[np.ndarray]] = [[] for _ in FRAME_COLUMNS]
    rows: list[tuple] = []
    for doc_id, text, sents in doc_sentences(corpus):
        outlet = own.get(doc_id)
        names = [outlet] if isinstance(outlet, str) else []
        rows.extend(doc_frames(text, sents, cb, doc_id=doc_id, names=names))
        if len(rows) >= _ROWS_BATCH:
            _add_columns(cols, rows)
            rows = []
    _add_columns(cols, rows)
    # each column built in its dtype (a table inferred from row tuples made Arrow string
    # columns and copied them back to objects: +1 GB at 1.5 M rows)
    return pd.DataFrame(
        {
            c: pd.Series(np.concatenate(parts), dtype=np.int64 if c in _INT_COLUMNS else object)
            for c, parts in zip(FRAME_COLUMNS, cols, strict=True)
        },
        columns=FRAME_COLUMNS,
        copy=False,
    )


_ROWS_BATCH = 100_000  # frames() rows kept as tuples before they become columns
_INT_COLUMNS = ("sent_id", "start", "end")


def _add_columns(cols: list[list[np.ndarray]], rows: list[tuple]) -> None:
    """Append ``rows`` (tuples in ``FRAME_COLUMNS`` order) to ``cols``, one array per column."""
    columns = list(zip(*rows, strict=True)) or [()] * len(FRAME_COLUMNS)
    for k, (c, values) in enumerate(zip(FRAME_COLUMNS, columns, strict=True)):
        if c in _INT_COLUMNS:
            cols[k].append(np.array(values, dtype=np.int64))
        else:
            cols[k].append(np.fromiter(values, dtype=object, count=len(rows)))


def frame_summary(
    hits: pd.DataFrame,
    corpus: Corpus,
    *,
    by: str = "doc_id",
    min_sentences: int = 2,
    codebook: CodebookLike = None,
) -> pd.DataFrame:
    """Frame hits per document or group, as rates and sentence shares.

    Parameters
    ----------
    hits : DataFrame
        Output of :func:`frames`.
    corpus : Corpus
        The corpus the hits came from (for word and sentence counts).
    by : str
        ``"doc_id"`` or a docs column such as ``"outlet"``.
    min_sentences : int
        A frame is *present* in a document with at least this many cue
        sentences (printed in the ``min_sentences`` column).
    codebook : optional
        Lists every frame of the codebook, zero rows included.

    Returns
    -------
    pandas.DataFrame
        ``group, frame, hits, sentences_with_frame, n_sentences, n_words,
        n_docs, docs_present, rate_per_1000`` (1000 * hits / words),
        ``sentence_share`` (sentences_with_frame / n_sentences), ``present``
        (for ``by="doc_id"``: sentences_with_frame >= min_sentences; for a
        group: at least one document has it present) and ``min_sentences``.
        Sorted by group, then frame in codebook order. With the shipped
        (English) codebook, or one extending it, ``attrs["other_language_docs"]`` and
        ``attrs["n_docs"]`` count the documents guessed to be in another
        language (:func:`describe_frames` says when they are most).

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Tensions rose. Clashes followed."]}))
    >>> s = frame_summary(frames(c), c)
    >>> s.loc[s["frame"] == "conflict", ["hits", "sentences_with_frame", "rate_per_1000", "present"]].values.tolist()
    [[2, 2, 500.0, True]]
    """
    hits = check_table(hits, _HIT_COLUMNS, "frame_summary", "frames(corpus)")
    require_corpus(corpus, "frame_summary")
    check_whole("min_sentences", min_sentences, 1)
    cb = _as_codebook(codebook)
    frame_names = list(cb.frames)
    frame_names += sorted(set(hits["frame"].tolist()) - set(frame_names))
    per_doc = _frames_per_doc(hits, corpus, frame_names, min_sentences)
    per_doc["group"] = doc_groups(corpus, per_doc["doc_id"], by)
    agg = _frames_per_group(per_doc, min_sentences)
    order = {f: i for i, f in enumerate(frame_names)}
    agg = (
        agg.assign(_g=agg["group"].astype(str), _f=agg["frame"].map(order))
        .sort_values(["_g", "_f"], kind="mergesort")
        .drop(columns=["_g", "_f"])
    )
    out = agg[SUMMARY_COLUMNS].reset_index(drop=True)
    if codebook is None or cb.extends_shipped:  # English cues: say how much of the corpus is not
        from .languages import other_language_rows

        out.attrs["other_language_docs"] = sum(map(len, other_language_rows(corpus, "en").values()))
        out.attrs["n_docs"] = len(corpus)
    return out


SUMMARY_COLUMNS = [
    "group",
    "frame",
    "hits",
    "sentences_with_frame",
    "n_sentences",
    "n_words",
    "n_docs",
    "docs_present",
    "rate_per_1000",
    "sentence_share",
    "present",
    "min_sentences",
]
_COUNT_COLUMNS = tuple(SUMMARY_COLUMNS[2:8])  # hits ... docs_present


def _frames_per_doc(
    hits: pd.DataFrame, corpus: Corpus, frame_names: list[str], min_sentences: int
) -> pd.DataFrame:
    """One row per (document, frame), zeros included: hits, cue sentences, sentences, words."""
    n_sent = corpus.sentences().groupby("doc_id").size()
    words = word_counts(corpus)
    h = hits.groupby(["doc_id", "frame"]).agg(
        hits=("start", "size"), sentences_with_frame=("sent_id", "nunique")
    )
    idx = pd.MultiIndex.from_product([corpus.doc_ids, frame_names], names=["doc_id", "frame"])
    per_doc = h.reindex(idx, fill_value=0).reset_index()
    per_doc["n_sentences"] = per_doc["doc_id"].map(n_sent).fillna(0).astype("int64")
    per_doc["n_words"] = per_doc["doc_id"].map(words).astype("int64")
    per_doc["present_doc"] = per_doc["sentences_with_frame"] >= min_sentences
    return per_doc


def _frames_per_group(per_doc: pd.DataFrame, min_sentences: int) -> pd.DataFrame:
    """Sum the per-document rows by (group, frame); rates, shares and presence."""
    agg = (
        per_doc.groupby(["group", "frame"], sort=False)
        .agg(
            hits=("hits", "sum"),
            sentences_with_frame=("sentences_with_frame", "sum"),
            n_sentences=("n_sentences", "sum"),
            n_words=("n_words", "sum"),
            n_docs=("doc_id", "size"),
            docs_present=("present_doc", "sum"),
        )
        .reset_index()
    )
    agg["rate_per_1000"] = (1000 * agg["hits"] / agg["n_words"].where(agg["n_words"] > 0)).round(3)
    agg["sentence_share"] = (
        agg["sentences_with_frame"] / agg["n_sentences"].where(agg["n_sentences"] > 0)
    ).round(3)
    agg["present"] = (agg["docs_present"] > 0).astype(bool)
    agg["min_sentences"] = int(min_sentences)
    for c in _COUNT_COLUMNS:
        agg[c] = agg[c].astype("int64")
    return agg


def frame_evidence(
    hits: pd.DataFrame, corpus: Corpus, *, by: str = "outlet", top: int = 3
) -> pd.DataFrame:
    """The top evidence sentences per group and frame (most cue hits first).

    Returns
    -------
    pandas.DataFrame
        ``group, frame, doc_id, sent_id, n_cues, cues`` (matched words, in
        text order), ``start, end`` (sentence offsets), ``sentence``. At
        most ``top`` rows per (group, frame); sorted by group, frame,
        n_cues descending, then document order and sent_id.

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"],
    ...                             "text": ["Calm day. Tensions and clashes grew."]}))
    >>> frame_evidence(frames(c), c).query("frame == 'conflict'")[["sent_id", "cues"]].values.tolist()
    [[1, 'Tensions, clashes']]
    """
    cols = ["group", "frame", "doc_id", "sent_id", "n_cues", "cues", "start", "end", "sentence"]
    check_whole("top", top, 1)
    hits = check_table(hits, [*_HIT_COLUMNS, "end"], "frame_evidence", "frames(corpus)")
    require_corpus(corpus, "frame_evidence")
    if hits.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    groups = group_labels(corpus, by)
    texts = dict(iter(corpus))
    doc_order = {d: i for i, d in enumerate(corpus.doc_ids)}
    h = hits.sort_values(["doc_id", "start"], kind="mergesort")
    words = [
        texts[d][s:e]
        for d, s, e in zip(
            h["doc_id"].tolist(), h["start"].tolist(), h["end"].tolist(), strict=True
        )
    ]
    # one aggregation over all hits (was a Python loop with a sentence lookup per group)
    per = (
        h.assign(_w=words)
        .groupby(["doc_id", "sent_id", "frame"], sort=False)["_w"]
        .agg(["size", ", ".join])
        .reset_index()
        .rename(columns={"size": "n_cues", "join": "cues"})
    )
    sents = corpus.sentences()[["doc_id", "sent_id", "start", "end", "text"]]
    df = per.merge(sents, on=["doc_id", "sent_id"], how="left", sort=False)
    df["group"] = df["doc_id"].map(groups)
    df["_o"] = df["doc_id"].map(doc_order)
    df["sentence"] = df["text"].astype(str)
    df = df.sort_values(
        ["group", "frame", "n_cues", "_o", "sent_id"],
        ascending=[True, True, False, True, True],
        kind="mergesort",
    )
    df = df.groupby(["group", "frame"], sort=False).head(top)
    # columns typed as a table built from Python rows (pandas infers the string dtype)
    df = pd.DataFrame({c: df[c].tolist() for c in cols})
    for c in ("sent_id", "n_cues", "start", "end"):
        df[c] = df[c].astype("int64")
    return df


def frame_coding_sample(
    hits: pd.DataFrame,
    corpus: Corpus,
    frame: str,
    *,
    n: int = 20,
    seed: int = 12345,
    codebook: CodebookLike = None,
) -> pd.DataFrame:
    """A seeded sample of sentences for hand coding one frame against the dictionary.

    Half the sample (rounded up) comes from sentences with a cue for
    ``frame``, the rest from sentences without, so a rare frame still gets
    positive examples. Returns ``doc_id, sent_id, start, end, sentence,
    dictionary`` (1 = the dictionary found a cue), in document order.
    ``frame`` must be a frame of ``codebook`` (the shipped one by default) or
    of ``hits``: a misspelt name is an error, not a sample without cues.

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Tensions rose. Rain fell. Clashes grew."]}))
    >>> frame_coding_sample(frames(c), c, "conflict", n=2)[["sent_id", "dictionary"]].values.tolist()
    [[1, 0], [2, 1]]
    """
    check_whole("n", n, 0)
    hits = check_table(hits, _HIT_COLUMNS, "frame_coding_sample", "frames(corpus)")
    require_corpus(corpus, "frame_coding_sample")
    known = set(_as_codebook(codebook).frames) | {str(f) for f in hits.get("frame", [])}
    if frame not in known:
        raise CorpusValueError(
            f"frame={frame!r} is not a frame of the codebook; choose one of {sorted(known)} "
            "(pass codebook= when the hits come from your own codebook)."
        )
    st = corpus.sentences()
    if st.empty:
        return pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "sentence", "dictionary"])
    keyed = hits[hits["frame"] == frame][["doc_id", "sent_id"]].drop_duplicates()
    st = st.merge(keyed.assign(dictionary=1), on=["doc_id", "sent_id"], how="left")
    st["dictionary"] = st["dictionary"].fillna(0).astype("int64")
    rng = np.random.default_rng(seed)
    pos = st.index[st["dictionary"] == 1].to_numpy()
    neg = st.index[st["dictionary"] == 0].to_numpy()
    k_pos = min(len(pos), (n + 1) // 2)
    k_neg = min(len(neg), n - k_pos)
    k_pos = min(len(pos), n - k_neg)
    pick = np.concatenate(
        [
            rng.choice(pos, k_pos, replace=False) if k_pos else pos[:0],
            rng.choice(neg, k_neg, replace=False) if k_neg else neg[:0],
        ]
    )
    out = st.loc[np.sort(pick)].rename(columns={"text": "sentence"})
    return out[["doc_id", "sent_id", "start", "end", "sentence", "dictionary"]].reset_index(
        drop=True
    )


def _coder_matrix(data: Any) -> pd.DataFrame:
    """``data`` as a coders x units frame; an error naming the expected shape otherwise."""
    raw = np.asarray(data, dtype=object)
    if raw.ndim != 2 or raw.shape[0] < 2:
        raise CorpusValueError(
            "data must be coders x units with at least two coders (rows), e.g. "
            f"[[1, 0, 1], [1, 1, 1]]; got {type(data).__name__} of shape {raw.shape}."
        )
    return pd.DataFrame(raw)


def krippendorff_alpha(
    data: Any, level: Literal["nominal", "interval", "ratio"] = "nominal"
) -> float:
    """Krippendorff's alpha for any number of coders, with missing values.

    Parameters
    ----------
    data : 2-D array-like, coders x units
        One row per coder, one column per unit; ``None``/``NaN`` = missing.
        Units with fewer than two values are not pairable and are dropped.
    level : {"nominal", "interval", "ratio"}
        Level of measurement (the difference function). Use ``"nominal"``
        for frame present/absent and for unordered categories.

    Returns
    -------
    float
        ``1 - D_o / D_e`` from the coincidence matrix; ``nan`` when there is
        no variation at all (D_e = 0).

    Notes
    -----
    alpha >= .800: rely on the data; .667 <= alpha < .800: tentative
    conclusions only. With 20 units the estimate is very uncertain. Percent
    agreement hides chance agreement: a rare category with 80 % agreement
    can give alpha below zero.

    References
    ----------
    Hayes & Krippendorff (2007); Krippendorff (2018), *Content Analysis*, 4th ed.

    Examples
    --------
    >>> c1 = [1, 1, 0, 0, 0, 0, 0, 0, 0, 1]
    >>> c2 = [1, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    >>> round(krippendorff_alpha([c1, c2]), 3)
    0.548
    >>> round(krippendorff_alpha([[0] * 9 + [1], [0] * 8 + [1, 0]]), 3)
    -0.056
    """
    if level not in ("nominal", "interval", "ratio"):
        raise invalid_option("level", level, ["nominal", "interval", "ratio"])
    units, any_value = _pairable_units(_coder_matrix(data))
    if not any_value:
        raise CorpusValueError("data holds no values; code at least one unit twice.")
    if not units:
        return float("nan")
    if level == "nominal":
        d_o, d_e = _nominal_disagreement(units)
    else:
        d_o, d_e = _numeric_disagreement(units, level)
    if d_e == 0:
        return float("nan")
    return float(1.0 - d_o / d_e)


def _missing(value: Any) -> bool:
    """None, NaN, NaT and pd.NA are missing codes (``pd.NA == pd.NA`` cannot be asked)."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list-like code
        return False


def _pairable_units(arr: pd.DataFrame) -> tuple[list[list[Any]], bool]:
    """The values of each unit coded at least twice, and whether any value was coded at all."""
    units: list[list[Any]] = []
    any_value = False
    for col in arr.columns:
        vals = [v for v in arr[col].tolist() if not _missing(v)]
        any_value = any_value or bool(vals)
        if len(vals) >= 2:
            units.append(vals)
    return units, any_value


def _nominal_disagreement(units: list[list[Any]]) -> tuple[float, float]:
    """Observed and expected disagreement, nominal: counts only, no value x value matrix."""
    totals: Counter[Any] = Counter()
    within = 0.0
    for vals in units:
        counts = Counter(vals)
        totals.update(counts)
        m = len(vals)
        within += (m * m - sum(c * c for c in counts.values())) / (m - 1)
    n = sum(totals.values())
    return within / n, (n * n - sum(c * c for c in totals.values())) / (n * (n - 1))


def _numeric_disagreement(units: list[list[Any]], level: str) -> tuple[float, float]:
    """Observed and expected disagreement, interval or ratio, in memory linear in the values.

    The coincidence matrix of the textbook formula has one row and column
    per distinct value: two coders scoring 20,000 sentences on a continuous
    scale asked for 40,000 x 40,000 floats (12.8 GB; the process was killed).
    """
    try:
        x = np.array([float(v) for vals in units for v in vals])
    except (TypeError, ValueError):
        bad = next(v for vals in units for v in vals if not _is_number(v))
        raise CorpusValueError(
            f"level={level!r} needs numbers, got {bad!r}; use level='nominal' for categories."
        ) from None
    unit = np.repeat(np.arange(len(units)), [len(vals) for vals in units])
    m = np.bincount(unit).astype(float)
    n = x.size
    if level == "interval":  # sum over pairs of (a - b)^2 = 2 m sum(x^2) - 2 sum(x)^2
        xc = x - x.mean()
        s1, s2 = np.bincount(unit, weights=xc), np.bincount(unit, weights=xc * xc)
        d_o = float(((2 * m * s2 - 2 * s1 * s1) / (m - 1)).sum()) / n
        d_e = float(2 * n * (xc * xc).sum() - 2 * xc.sum() ** 2) / (n * (n - 1))
        return d_o, max(d_e, 0.0)
    if (x < 0).any():
        raise CorpusValueError(
            f"level='ratio' needs values >= 0 (a ratio scale has a true zero), got {x.min():g}; "
            "use level='interval' for scores that can be negative."
        )
    starts = np.concatenate([[0], np.cumsum(m.astype(int))[:-1]])
    within = sum(
        _ratio_pairs(x[a : a + int(k)], x[a : a + int(k)]).sum() / (k - 1)
        for a, k in zip(starts.tolist(), m.tolist(), strict=True)
    )
    values, counts = np.unique(x, return_counts=True)
    expected = 0.0
    for a in range(0, values.size, 256):  # blocks of rows: memory 256 x distinct values
        block = _ratio_pairs(values[a : a + 256], values)
        expected += float(counts[a : a + 256] @ block @ counts)
    return float(within) / n, expected / (n * (n - 1))


def _ratio_pairs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """((a - b) / (a + b))^2 for every pair, 0 where a + b = 0."""
    num = (a[:, None] - b[None, :]) ** 2
    den = (a[:, None] + b[None, :]) ** 2
    return np.divide(num, den, out=np.zeros_like(num), where=den > 0)


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True
