"""Quotes of one document (:func:`doc_quotes`) and of a corpus (:func:`quotes`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._data import file_key
from ..tokenize import fold

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

from .cues import Cue, CueBook, cue_book, find_cues
from .marks import Span, pair_marks
from .phrases import right_np, skip_adverbials, word_spans
from .speakers import (
    Resolver,
    canonical_in_context,
    dateline_country,
    find_source_span,
    is_named,
    source_name,
)

QUOTE_COLUMNS = [
    "doc_id",
    "sent_id",
    "quote",
    "speaker",
    "speaker_canonical",
    "speaker_method",
    "speaker_resolved",
    "source",
    "cue",
    "cue_class",
    "direct",
    "kind",
    "unbalanced",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "source_start",
    "source_end",
]


_CITING_RE = re.compile(r"\s*,\s*(?:citing|according\s+to)\b", re.IGNORECASE)


@dataclass
class _Row:
    start: int
    end: int
    direct: bool
    kind: str
    unbalanced: bool
    cue: Cue | None
    speaker_span: tuple[int, int] | None = None
    method: str = "none"
    resolved: str | None = None
    source_span: tuple[int, int] | None = None


def sent_index(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


_CLAUSE_STARTS = frozenset(
    "it he she they we i there the this these those its his her their all no".split()
)


_NOT_CLAUSE = frozenset("a an nothing so little much something anything goodbye yes no".split())


_TRAIL = " \t\n.!?;:,"


def _strip_clause(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n,:":
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    return s, e


def doc_quotes(
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    *,
    doc_id: str = "",
    verbs: str | Path | None = None,
) -> list[dict[str, Any]]:
    """Return the quote rows of one document (pure function: text in, rows out).

    Parameters
    ----------
    text : str
        The cleaned text of one document.
    sentences : sequence of (sent_id, para_id, start, end)
        Its sentences, as in :func:`corpus_tools.sentences`.
    doc_id : str
        Copied into the rows (and into log messages).
    verbs : str or Path, optional
        A reporting-verb YAML file; default the shipped one.

    Returns
    -------
    list of dict
        Rows with the keys of ``QUOTE_COLUMNS``, in text order.

    Examples
    --------
    >>> from corpus_tools.tokenize import split_sentences
    >>> t = '"We are ready," Geng said. He added that talks would go on.'
    >>> sents = [(i, p, s, e) for i, (p, s, e) in enumerate(split_sentences(t))]
    >>> [(r["quote"], r["speaker"], r["cue"]) for r in doc_quotes(t, sents)]
    [('"We are ready,"', 'Geng', 'said'), ('talks would go on', 'He', 'added')]
    """
    book = cue_book(*file_key(verbs))
    view = fold(text)
    sents = sorted((int(s), int(e), int(i), int(p)) for i, p, s, e in sentences)
    starts = [s for s, _, _, _ in sents]
    spans = pair_marks(text, doc_id)
    spans.sort(key=lambda sp: (sp.start, sp.end))
    rows: list[_Row] = []
    used_cues: set[int] = set()
    # cues per sentence (computed once)
    cues_by_sent: dict[int, list[Cue]] = {}

    def cues_in(k: int) -> list[Cue]:
        if k not in cues_by_sent:
            s, e = sents[k][0], sents[k][1]
            found = find_cues(text, view, s, e, book)
            cues_by_sent[k] = [
                c for c in found if not any(sp.start < c.start < sp.end for sp in spans)
            ]
        return cues_by_sent[k]

    prev_direct: dict[int, _Row] = {}
    for sp in spans:
        if not sents:
            break
        k_open = sent_index(starts, sp.start)
        k_close = sent_index(starts, max(sp.start, sp.end - 1))
        s_lo, s_hi = sents[k_open][0], sents[k_close][1]
        para = sents[k_open][3]
        inner = view[sp.start + 1 : sp.end - 1]
        n_words = len(re.findall(r"\w+", inner))
        chosen: Cue | None = None
        attached = False
        attached_before = False
        # 1. after the closing mark: ,” Geng said / ,” said the spokesman / ,” according to X
        after = [c for c in cues_in(k_close) if c.start >= sp.end and c.np is not None]
        if after:
            c = after[0]
            gap_start = min(c.start, c.np[0] if c.np else c.start)
            if len(word_spans(text, sp.end, gap_start)) <= 1:
                chosen, attached = c, True
        # 2. before the opening mark: He stated, “… / According to X, “…
        if chosen is None:
            before = [c for c in cues_in(k_open) if c.end <= sp.start and c.np is not None]
            if before:
                c = before[-1]
                tail_from = c.np[1] if c.np is not None and c.np_side == "right" else c.end
                gap = view[skip_adverbials(view, tail_from, sp.start) : sp.start]
                if re.fullmatch(r"\s*(?:that)?\s*[,:]?\s*", gap, re.IGNORECASE):
                    chosen, attached, attached_before = c, True, True
        # 3. any cue in the sentence(s): partial quotes inside indirect speech
        if chosen is None:
            cands: list[Cue] = []
            for k in range(k_open, k_close + 1):
                cands.extend(c for c in cues_in(k) if c.np is not None or c.np_side == "and")
            pre = [c for c in cands if c.end <= sp.start]
            post = [c for c in cands if c.start >= sp.end]
            if pre:
                chosen = pre[-1]
            elif post:
                chosen = post[0]
        if chosen is None:
            chosen = _headline_speaker(text, view, s_lo, s_hi, sp)
            attached_before = chosen is not None and view[s_lo : sp.start].rstrip().endswith(":")
        embedded = bool(re.search(r"\w", view[s_lo : sp.start])) and not attached_before
        around = embedded or bool(re.search(r"\w", view[sp.end : s_hi]))
        if chosen is None and n_words <= 4 and not sp.unbalanced and around:
            kind = "scare"
        elif embedded:
            kind = "fragment"
        else:
            kind = "quote"
        row = _Row(sp.start, sp.end, True, kind, sp.unbalanced, chosen)
        if chosen is None and kind != "scare":
            row.method = "carryover"
            row.resolved = "__carry__"
        if chosen is not None and attached:
            used_cues.add(chosen.start)
        rows.append(row)
        if kind != "scare":
            prev_direct[sents[k_close][3]] = row
    # indirect speech
    for k in range(len(sents)):
        s, e = sents[k][0], sents[k][1]
        for c in cues_in(k):
            if c.start in used_cues or c.lemma in book.no_clause:
                continue
            if c.np is None and c.np_side != "and":
                continue
            content = _indirect_content(text, view, c, s, e, book)
            if content is None:
                continue
            cs, ce = content
            if any(sp.start <= cs and ce <= sp.end for sp in spans):
                continue
            if len(re.findall(r"\w+", view[cs:ce])) < 2:
                continue
            rows.append(_Row(cs, ce, False, "indirect", False, c))
    rows = _drop_shadowed(rows)
    rows.sort(key=lambda r: (r.start, r.end, not r.direct))
    # resolve speakers in text order
    res = Resolver(text, sents)
    para_first: dict[int, int] = {}  # paragraph -> index of its first sentence
    for i, (_, _, _, pid) in enumerate(sents):
        para_first.setdefault(pid, i)
    out_rows: list[dict[str, Any]] = []
    last_row_by_sent: dict[int, _Row] = {}
    for r in rows:
        k = sent_index(starts, r.start)
        rc = r.cue
        if rc is not None and rc.np is None and rc.np_side == "and":
            # coordinated verb ("Zhai commended X and said ..."): subject of the sentence
            subj = [o for o in cues_in(k) if o.np is not None and o.start < rc.start]
            if subj:
                rc.np = subj[-1].np
            else:
                rc.np = res.subject_in(sents[k][0], rc.start)
        if r.resolved == "__carry__":
            para = sents[k][3] if sents else 0
            paras = {para}
            f = para_first.get(para, 0)
            if f > 0 and not view[sents[f][0] : r.start].strip():
                paras.add(sents[f - 1][3])  # a quote opening its paragraph continues the last one
            prior_rows = [
                o
                for o in out_rows
                if o["_para"] in paras and o["start"] < r.start and o["speaker_canonical_raw"]
            ]
            if prior_rows:
                p = prior_rows[-1]
                r.source_span = (
                    (p["source_start"], p["source_end"]) if p["source_start"] is not None else None
                )
                r.resolved = p["speaker_canonical_raw"]
                r.speaker_span = (
                    (p["speaker_start"], p["speaker_end"])
                    if p["speaker_start"] is not None
                    else None
                )
            else:
                r.resolved, r.method = None, "none"
        elif rc is not None and rc.np is not None:
            r.speaker_span = rc.np
            r.resolved, r.method = res.resolve(rc.np)
            if r.method == "cue_adjacent" and rc.np_side == "and":
                r.method = "coordination"
        if rc is not None and r.source_span is None and rc.end > rc.start:
            kc = sent_index(starts, rc.start)
            r.source_span = find_source_span(
                text, view, sents[kc][0], sents[kc][1], rc, cues_in(kc)
            )
        if r.resolved and r.method != "none":
            res.last = (r.resolved, r.speaker_span or (r.start, r.start))
            if " and " not in r.resolved and (
                len(r.resolved.split()) >= 2
                and r.method != "description"
                or r.method in ("surname",)
            ):
                res.last_person = r.resolved
            elif r.method == "description" or len(r.resolved.split()) == 1:
                res.last_org = r.resolved
        last_row_by_sent[k] = r
        ss, se = r.speaker_span if r.speaker_span else (None, None)
        rs, re_ = r.source_span if r.source_span else (None, None)
        out_rows.append(
            {
                "doc_id": doc_id,
                "_para": sents[k][3] if sents else 0,
                "sent_id": sents[k][2] if sents else 0,
                "quote": text[r.start : r.end],
                "speaker": text[ss:se] if ss is not None else None,
                "speaker_canonical_raw": r.resolved,
                "speaker_method": r.method if r.resolved else "none",
                "cue": (view[rc.start : rc.end] or None) if rc is not None else None,
                "cue_class": rc.cls if rc is not None else None,
                "direct": r.direct,
                "kind": r.kind,
                "unbalanced": r.unbalanced,
                "start": r.start,
                "end": r.end,
                "speaker_start": ss,
                "speaker_end": se,
                "cue_start": rc.start if rc is not None and rc.end > rc.start else None,
                "cue_end": rc.end if rc is not None and rc.end > rc.start else None,
                "source_start": rs,
                "source_end": re_,
            }
        )
    context: list[
        str
    ] = []  # canonical speakers so far: "the ministry" after "Russian Foreign Ministry"
    sources: list[str] = []
    home = dateline_country(text)
    for out_row in out_rows:
        raw = out_row.pop("speaker_canonical_raw")
        hit = False
        if raw and " and " in raw:
            parts = [canonical_in_context(p, context, home, res) for p in raw.split(" and ")]
            out_row["speaker_canonical"] = " and ".join(
                c or p for c, p in zip(parts, raw.split(" and "), strict=True)
            )
            hit = all(c is not None for c in parts)
        else:
            canon = canonical_in_context(raw, context, home, res)
            hit = canon is not None
            out_row["speaker_canonical"] = canon or raw
        if out_row["speaker_canonical"] is None:
            out_row["speaker_method"] = "none"
        out_row["speaker_resolved"] = bool(out_row["speaker_canonical"]) and (
            hit or is_named(out_row["speaker_canonical"])
        )
        if out_row["speaker_resolved"]:
            context.append(out_row["speaker_canonical"])
        src = out_row["source_start"]
        out_row["source"] = (
            source_name(text[src : out_row["source_end"]], context, home, res, sources)
            if src is not None
            else None
        )
        if out_row["source"]:
            sources.append(out_row["source"])
    return [{col: o[col] for col in QUOTE_COLUMNS} for o in out_rows]


_HEAD_NP = r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|and|the|de|al-\w+)){0,4}"


_HEAD_LEFT = re.compile(rf"\s*({_HEAD_NP})(?:\s+(?:to|on|over|about)\s+{_HEAD_NP})?\s*:\s")


_HEAD_RIGHT = re.compile(
    r"\s*(?::|\u2013|\u2014|-{1,2})\s+([^\n:\u2013\u2014]{1,60}?)\s*[.!?]?\s*$"
)


def _headline_speaker(text: str, view: str, s_lo: int, s_hi: int, sp: Span) -> Cue | None:
    """Speaker by headline punctuation, when no reporting verb attributes the quote.

    ``X: 'quote'`` and ``Country A to Country B: 'quote'`` (the speaker before
    the colon, which ends right before the quote); ``'quote': X`` and
    ``'quote' – X`` (a colon or dash after the quote, then a short speaker
    phrase ending the sentence). Only within one line.
    """
    before = view[s_lo : sp.start]
    if "\n" not in before:
        mh = _HEAD_LEFT.match(before)
        if mh:
            span = (s_lo + mh.start(1), s_lo + mh.end(1))
            return Cue(span[1], span[1], ":", ":", None, span, "left")
    after_end = view.find("\n", sp.end, s_hi)
    after_end = s_hi if after_end < 0 else after_end
    mr = _HEAD_RIGHT.match(view, sp.end, after_end)
    if mr:
        np_ = right_np(text, mr.start(1), mr.end(1))
        if np_ is not None and np_[1] == mr.end(1):
            return Cue(mr.start(1), mr.start(1), ":", ":", None, np_, "right")
    return None


def _drop_shadowed(rows: list[_Row]) -> list[_Row]:
    """Drop indirect rows that repeat a direct quote or wrap another report."""
    direct = [r for r in rows if r.direct and r.kind == "quote"]
    indirect = [r for r in rows if not r.direct]
    keep = []
    for r in rows:
        if not r.direct:
            overlap = sum(max(0, min(r.end, d.end) - max(r.start, d.start)) for d in direct)
            if overlap * 2 > r.end - r.start:
                continue
            if (
                r.cue is not None
                and r.cue.lemma == "according to"
                and any(
                    o is not r and o.cue is not None and r.start <= o.cue.start < r.end
                    for o in indirect
                )
            ):
                continue
        keep.append(r)
    return keep


def _indirect_content(
    text: str, view: str, c: Cue, s: int, e: int, book: CueBook
) -> tuple[int, int] | None:
    """Offsets of the reported clause for an indirect-speech cue, or None."""
    tail_src = _CITING_RE.search(view, c.end, e)
    if tail_src is not None and c.lemma != "according to":
        e = tail_src.start()  # "..., citing the central bank." names the source, not content
    if c.lemma == "according to":
        np_end = c.np[1] if c.np else c.end
        rest = view[np_end:e]
        if rest.lstrip().startswith(","):
            before = view[s : c.start].strip()
            if before and not before.endswith(","):
                return None
            if before.endswith(","):  # CLAUSE, according to X, CLAUSE -> take the first
                return _strip_clause(text, s, c.start)
            return _strip_clause(text, np_end + rest.index(",") + 1, e)
        if re.fullmatch(r"[\s.!?]*", rest) and view[s : c.start].rstrip().endswith(","):
            return _strip_clause(text, s, c.start)
        return None
    # pattern B: CLAUSE, X said (adverbials).
    np_start = c.np[0] if c.np else c.start
    lead = min(np_start, c.start)
    tail_from = max(c.end, c.np[1] if c.np else c.end)
    tail = view[skip_adverbials(view, tail_from, e) : e]
    if c.np_side == "right":
        tail = re.sub(r"^\s*,\s*(?:the|a|an|his|her|its)\b[^,]*$", "", tail)
    prep_tail = re.match(
        r"\s*(?:after|before|between|during|following|at|in|on|from|with|to|via)\b", tail
    )
    if view[s:lead].rstrip().endswith(",") and (re.fullmatch(r"[\s.!?]*", tail) or prep_tail):
        cs, ce = _strip_clause(text, s, view.rindex(",", s, lead))
        if view[cs:ce].rstrip().endswith(('"', "'")):
            return None  # attribution of a direct quote
        return (cs, ce) if ce > cs else None
    if c.np_side == "right":
        return None
    # pattern A: X said (adverbials) (that) CLAUSE
    pos = skip_adverbials(view, c.end, e)
    rest = view[pos:e]
    if c.lemma in ("tell", "told reporters") or c.lemma.startswith("told"):
        mt = re.match(r"\s*(?:[\w'-]+\s+){0,4}?that\b", rest)
        if mt:
            pos += mt.end()
        else:
            mo = re.match(r"\s*(?:reporters|journalists|the press|media)\b", rest)
            if mo:
                pos += mo.end()
        has_that = mt is not None
    else:
        mt = re.match(r"\s*,?\s*that\b", rest)
        has_that = mt is not None
        if mt:
            pos += mt.end()
    pos = skip_adverbials(view, pos, e)
    first = view[pos:e].lstrip()
    if not first or first[0] in ",.;:!?" or first[0] in "\"'":
        return None
    if not has_that:
        if c.lemma not in book.bare_clause:
            return None
        m0 = re.match(r"[\w'-]+", first)
        w0 = m0.group() if m0 else ""
        relative = re.search(r"\b(?:that|which)\s*$", view[s:np_start])
        if c.lemma == "say":
            if w0.lower() in _NOT_CLAUSE:
                return None
        elif not (w0[:1].isupper() or w0.lower() in _CLAUSE_STARTS or relative):
            return None
    cs, ce = _strip_clause(text, pos, e)
    return (cs, ce) if ce > cs else None


def sentences_by_doc(corpus: Corpus) -> dict[str, list[tuple[int, int, int, int]]]:
    st = corpus.sentences()
    out: dict[str, list[tuple[int, int, int, int]]] = {d: [] for d in corpus.doc_ids}
    for d, i, p, s, e in zip(
        st["doc_id"].tolist(),
        st["sent_id"].tolist(),
        st["para_id"].tolist(),
        st["start"].tolist(),
        st["end"].tolist(),
        strict=False,
    ):
        out[d].append((i, p, s, e))
    return out


_INT_NULL = ("speaker_start", "speaker_end", "cue_start", "cue_end", "source_start", "source_end")


def _quote_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    for c in ("sent_id", "start", "end"):
        df[c] = df[c].astype("int64")
    for c in _INT_NULL:
        df[c] = df[c].astype("Int64")
    for c in ("direct", "unbalanced", "speaker_resolved"):
        df[c] = df[c].astype(bool)
    for c in (
        "doc_id",
        "quote",
        "speaker",
        "speaker_canonical",
        "speaker_method",
        "source",
        "cue",
        "cue_class",
        "kind",
    ):
        df[c] = df[c].astype(object)
        df[c] = df[c].where(df[c].notna(), None)
    return df


def quotes(corpus: Corpus, *, verbs: str | Path | None = None) -> pd.DataFrame:
    """Return direct quotes and indirect (reported) speech with their speakers.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    verbs : str or Path, optional
        Your own reporting-verb YAML (schema of ``data/reporting_verbs.yml``).

    Returns
    -------
    pandas.DataFrame
        One row per quote, ordered by document (corpus order), then ``start``,
        ``end``, direct before indirect. Columns:

        - ``doc_id`` (str), ``sent_id`` (int): the sentence where the quote starts;
        - ``quote`` (str): ``text[start:end]``; direct quotes include their marks;
        - ``speaker`` (str or None): the speaker mention as written
          (``text[speaker_start:speaker_end]``; for carryover the antecedent);
        - ``speaker_canonical`` (str or None): the resolved speaker (titles
          stripped, surname/pronoun/description resolved, then the actor
          gazetteer's canonical name where it knows one);
          A bare institution takes its country from the document: ``the
          Foreign Ministry`` after ``the Russian Foreign Ministry``, or in a
          story datelined ``MOSCOW, ...``, is ``Russian Foreign Ministry``;
        - ``speaker_method``: ``cue_adjacent``, ``surname``, ``pronoun``,
          ``description``, ``coordination``, ``carryover`` or ``none``;
        - ``speaker_resolved`` (bool): the speaker is a named actor (a
          gazetteer entry or a proper name); False for generic or unresolved
          speakers (``the parties``, ``officials``, ``a spokesman``), which
          are kept but never used as actors (:func:`stance_triples` skips them);
        - ``source`` (str or None): where the words came from when the text
          says so, which may differ from who spoke them: ``according to X``,
          ``citing X``, ``X's statement/readout/book said``, ``told Reuters``
          / ``telling the BBC``, ``the paper quoted X as saying``; a document
          is named by its issuer (``Russia's foreign ministry statement`` ->
          ``Russian Foreign Ministry``); carried over with the speaker;
        - ``cue`` (str or None), ``cue_class`` (class in reporting_verbs.yml);
        - ``direct`` (bool); ``kind``: ``quote``, ``fragment`` (a partial
          quote inside a sentence), ``scare`` (<= 4 words, no cue) or
          ``indirect``; ``unbalanced`` (bool: a quote mark without partner,
          closed at the paragraph end);
        - ``start``, ``end`` (int), ``speaker_start``, ``speaker_end``,
          ``cue_start``, ``cue_end``, ``source_start``, ``source_end``
          (nullable Int64): offsets into the cleaned text.

    Notes
    -----
    Rules, not a parser. Headline conventions are read as attribution:
    ``X: 'quote'``, ``X to Y: 'quote'``, ``'quote': X``, ``'quote' - X``,
    ``X says/warns/urges 'quote'``, ``X calls for 'Y'``, ``X accuses Y of
    'Z'``, ``'Quote', say workers``, ``'Quote' by A ... says agency chief``.
    A quote with no cue takes the speaker of the previous attributed row
    of its paragraph (or of the paragraph before, when it opens its
    paragraph). Known failure modes: quotes in captions (no cue: ``scare``
    or no speaker); nested quotes of a third
    party get the outer speaker; a pronoun after two named people goes to
    the last *speaker*; attributions on a separate line are missed;
    ``claims`` and ``note`` as nouns are filtered only next to determiners.
    Unbalanced quote marks never raise: the open quote is closed at the end
    of its paragraph and flagged ``unbalanced`` (logged at INFO level).

    References
    ----------
    Bergler (1992); Krestel, Bergler & Witte (2008); O'Keefe et al. (2012).

    See Also
    --------
    cue_rates : share of each reporting-verb class per outlet or speaker.
    stance_triples : holder -> target claims built from these rows.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "“We will act,” the minister said. Russia said talks had failed."]}))
    >>> quotes(c)[["quote", "speaker", "cue", "direct"]].values.tolist()
    [['“We will act,”', 'the minister', 'said', True], ['talks had failed', 'Russia', 'said', False]]
    """
    by_doc = sentences_by_doc(corpus)
    rows: list[dict[str, Any]] = []
    for doc_id, text in corpus:
        rows.extend(doc_quotes(text, by_doc[doc_id], doc_id=doc_id, verbs=verbs))
    return _quote_frame(rows)
