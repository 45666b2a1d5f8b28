"""Quotes and attribution, reporting verbs, hedges, tone and stance toward actors.

Who is given a voice, in whose words, and how the outlet introduces them
(Bergler 1992; Krestel, Bergler & Witte 2008). Everything here is
transparent rules over the cleaned text, with a measured recall
(``tests/data/quotes/``), not a statistical attribution model.

Per-document work is a pure function of the text and its sentences
(:func:`doc_quotes`, :func:`doc_hedges`), so a large corpus can be split
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

import bisect
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
from .tokenize import fold

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "QUOTE_COLUMNS",
    "HEDGE_COLUMNS",
    "TRIPLE_COLUMNS",
    "load_reporting_verbs",
    "load_hedges",
    "doc_quotes",
    "quotes",
    "cue_rates",
    "doc_hedges",
    "hedges",
    "hedge_rates",
    "cluster_bootstrap",
    "vader_scores",
    "target_sentiment",
    "TargetSentiment",
    "stance_triples",
    "quote_voices",
]

_log = logging.getLogger(__name__)
_log.addHandler(logging.NullHandler())

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


def _inflect(lemma: str) -> list[str]:
    """Regular inflections of a (possibly two-word) reporting verb lemma."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [f + tail for f in forms]


@dataclass(frozen=True)
class _CueBook:
    name: str
    regex: re.Pattern
    form_lemma: dict[str, str]
    lemma_class: dict[str, str]
    no_clause: frozenset[str]
    noun_forms: frozenset[str]
    bare_clause: frozenset[str]
    phrase_class: dict[str, str]


def load_reporting_verbs(path: str | Path | None = None) -> pd.DataFrame:
    """Return the reporting-verb lexicon as a table: ``form, lemma, cue_class, clause``.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file with the schema of ``corpus_tools/data/reporting_verbs.yml``;
        default: the shipped file.

    Returns
    -------
    pandas.DataFrame
        One row per word form (or phrase): ``form`` (str), ``lemma`` (str),
        ``cue_class`` (str), ``clause`` (bool: can introduce indirect speech).
        Sorted by ``cue_class``, then ``form``.

    Examples
    --------
    >>> rv = load_reporting_verbs()
    >>> rv.loc[rv["form"] == "alleged", ["lemma", "cue_class"]].values.tolist()
    [['allege', 'distancing']]
    """
    book = _cue_book(*file_key(path))
    rows = [
        (
            form,
            lemma,
            book.lemma_class.get(lemma, book.phrase_class.get(lemma, "")),
            lemma not in book.no_clause,
        )
        for form, lemma in book.form_lemma.items()
    ]
    df = pd.DataFrame(rows, columns=["form", "lemma", "cue_class", "clause"])
    return df.sort_values(["cue_class", "form"], kind="mergesort").reset_index(drop=True)


_RV_KEYS = {"meta", "classes", "no_clause", "bare_clause", "noun_forms", "phrases"}


@lru_cache(maxsize=8)
def _cue_book(path: str | None, mtime_ns: int = 0, size: int = 0) -> _CueBook:
    """The reporting-verb book at ``path``, once per version of the file (``file_key``)."""
    data, name = _read_yaml(path, "reporting_verbs.yml")
    unknown = sorted(set(data) - _RV_KEYS)
    if unknown:
        raise DataFileError(
            f"{name}: unknown top-level key(s) {unknown}; allowed: {sorted(_RV_KEYS)}."
        )
    classes = data.get("classes")
    if not isinstance(classes, dict) or not classes:
        raise DataFileError(f"{name}: 'classes' must map class names to {{description, verbs}}.")
    form_lemma: dict[str, str] = {}
    lemma_class: dict[str, str] = {}
    for cls, spec in classes.items():
        if not isinstance(spec, dict):
            raise DataFileError(f"{name}: class {cls!r} must be a mapping.")
        bad = sorted(set(spec) - {"description", "verbs", "source"})
        if bad:
            raise DataFileError(f"{name}: class {cls!r} has unknown key(s) {bad}.")
        verbs = spec.get("verbs") or []
        if not isinstance(verbs, list):
            raise DataFileError(f"{name}: class {cls!r}: 'verbs' must be a list.")
        for item in verbs:
            if isinstance(item, str):
                lemma, forms = item, _inflect(item)
            elif isinstance(item, dict) and len(item) == 1:
                lemma, forms = next(iter(item.items()))
                if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                    raise DataFileError(
                        f"{name}: class {cls!r}, verb {lemma!r}: forms must be a list."
                    )
            else:
                raise DataFileError(f"{name}: class {cls!r}: bad verb entry {item!r}.")
            lemma_class[lemma] = str(cls)
            for f in forms:
                form_lemma[f.lower()] = lemma
    phrase_class: dict[str, str] = {}
    for phrase, cls in (data.get("phrases") or {}).items():
        if cls not in classes:
            raise DataFileError(f"{name}: phrase {phrase!r} names unknown class {cls!r}.")
        phrase_class[phrase.lower()] = str(cls)
        form_lemma[phrase.lower()] = phrase.lower()
    no_clause = frozenset(str(x) for x in (data.get("no_clause") or []))
    noun_forms = frozenset(str(x).lower() for x in (data.get("noun_forms") or []))
    alts = sorted(form_lemma, key=lambda f: (-len(f), f))
    pattern = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in alts)
    regex = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
    bare = frozenset(str(x) for x in (data.get("bare_clause") or []))
    return _CueBook(name, regex, form_lemma, lemma_class, no_clause, noun_forms, bare, phrase_class)


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
_TITLES = frozenset(
    """
    president vice prime minister ministers deputy foreign affairs interior defence defense
    ministry secretary secretary-general general gen gen. envoy special ambassador spokesman
    spokeswoman spokesperson spokespeople mr mrs ms dr sheikh state chancellor premier king
    queen prince senator governor mayor chief commander head leader leaders official officials
    diplomat diplomats representative representatives counterpart adviser advisor aide
    negotiator negotiators mediator professor director chairman chairwoman chair spokesmen
    lieutenant colonel major captain admiral minister's sir lord executive economist analyst
    coach manager boss founder editor officer pm mp mps
    """.split()
)
_ORG_HEADS = frozenset(
    """
    ministry embassy office council government envoy minister secretary court mission
    committee department agency affairs commission parliament assembly service union
    organisation organization bank fund forces army ministry's
    """.split()
)
_ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson spokespeople spokesmen minister ministers ministry
    envoy envoys ambassador official officials diplomat diplomats authorities authority
    sources source statement readout government president secretary leader leaders commander
    military army police office embassy analysts analyst expert experts residents resident
    witnesses witness lawmakers representative representatives parties side sides
    counterpart agency council committee militants forces commentators media officer
    negotiator negotiators adviser advisor aide mediator mediators professor researcher
    researchers citizen citizens people woman man survivor survivors doctors doctor
    spokesperson's group report communique release kremlin book boss ex-aide executive economist
    coach manager officer workers worker staff campaigners activists police tories pm mps
    paper newspaper
    """.split()
)
_MODIFIERS = frozenset(
    """
    foreign deputy special senior state defence defense chief top former prime general
    security health press interior vice separate joint written new latest brief
    russian chinese american israeli palestinian iranian qatari national local regional
    military government white
    """.split()
)
_DOC_NOUNS = frozenset("statement readout report communique release".split())
_PERSON_ROLES = frozenset(
    """
    spokesman spokeswoman spokesperson minister envoy ambassador diplomat official president
    leader premier chancellor secretary commander negotiator mediator adviser advisor aide
    executive economist analyst coach manager boss officer pm
    """.split()
)
_DETERMINERS = frozenset(
    "the a an both two three several many some its his her their our all other this these".split()
)
_PRONOUNS = frozenset("he she they it we i".split())
_SKIP = frozenset(
    """
    also has have had was were is are will would again later then previously repeatedly
    publicly separately reportedly swiftly quickly recently further once already still just
    did does do not never himself herself themselves itself only officially formally
    """.split()
)
_PARTICLES = frozenset("bin bint ibn abu al el de van von der da di du la le ben".split())
_CAP_STOP = frozenset(
    """
    In On At During After Before Meanwhile However But And Yesterday Today Last When While If
    As Also Then Later Earlier Since For With Without From The A An This That These Those It
    He She They We I Both Speaking Asked Separately Instead Still Yet Nevertheless Moreover
    Furthermore Concerning Regarding
    """.split()
)
_ADVERBIAL = re.compile(
    r"""(?:\s*,?\s*(?:
        (?:on|last|this|earlier|late|early|next)?\s*(?:monday|tuesday|wednesday|thursday|friday|
          saturday|sunday|week|weekend|month|year|morning|afternoon|evening|night|day)
        | yesterday | today | earlier | later | again | also | previously | repeatedly
        | (?:in|at|during|after)\s+(?:a|an|the|his|her|its|their)\s+(?:\w+\s+){0,2}?(?:statement|briefing|
          interview|conference|speech|meeting|post|call|address|session|readout|press\s+briefing)
        | on\s+(?:\w+\s+){0,2}?(?:television|tv|radio|social\s+media|x|twitter|telegram)
        | in\s+(?:doha|moscow|beijing|[A-Z]\w+)
    ))+\s*,?""",
    re.IGNORECASE | re.VERBOSE,
)


def _skip_adv(view: str, pos: int, end: int) -> int:
    """Position after any time/place adverbials starting at ``pos``."""
    m = _ADVERBIAL.match(view, pos, end)
    return m.end() if m else pos


_WORD_RE = re.compile(r"\w+(?:[-'’‘]\w+)*|['’]s\b|[^\w\s]")
_DQ_OPEN = "\u201c\u201e\u00ab"
_DQ_CLOSE = "\u201d\u00bb"
_SQ_OPEN = "\u2018\u201a\u2039"
_SQ_CLOSE = "\u2019\u203a"
_MARK_RE = re.compile("``|''|[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a']")


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _np_token_ok(tok: str) -> bool:
    low = tok.lower()
    if low in _PARTICLES or low in _ROLE_NOUNS or low in _MODIFIERS or low in _TITLES:
        return True
    if low.startswith(("al-", "el-")):
        return True
    return _is_cap(tok) and tok not in _CAP_STOP and tok[:1].isalpha()


# ---------------------------------------------------------------------------
# direct quotes: mark pairing
# ---------------------------------------------------------------------------


@dataclass
class _Span:
    start: int
    end: int
    unbalanced: bool
    single: bool


def _lines_of(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _pair_marks(text: str, doc_id: str = "") -> list[_Span]:
    """Pair quote marks line by line; recover from unbalanced marks (never raise)."""
    spans: list[_Span] = []
    lines = _lines_of(text)
    d_open: int | None = None  # offset of an open double quote (may come from an earlier line)
    continuing = False
    for li, (ls, le) in enumerate(lines):
        s_open: int | None = None
        for m in _MARK_RE.finditer(text, ls, le):
            i, ch = m.start(), m.group()
            prev = text[i - 1] if i > ls else " "
            nxt = text[m.end()] if m.end() < le else " "
            if continuing:
                continuing = False
                if text[ls:i].strip() == "" and (ch in _DQ_OPEN or ch == '"' or ch == "``"):
                    continue  # the continuation mark of a multi-paragraph quote
            if ch in ("'", "\u2019", "\u2018", "\u201a", "\u2039", "\u203a"):
                if d_open is not None:
                    continue  # nested single quotes live inside the double quote
                if prev.isalnum() and nxt.isalnum():
                    continue  # apostrophe: Russia's, don't
                opener = ch in _SQ_OPEN or (ch == "'" and not prev.isalnum() and nxt.isalnum())
                if s_open is None:
                    if opener and not prev.isalnum():
                        s_open = i
                elif ch in _SQ_CLOSE or ch == "'":
                    if not prev.isspace() and not nxt.isalnum():
                        spans.append(_Span(s_open, i + 1, False, True))
                        s_open = None
                continue
            # double-quote level
            if ch == "``":
                role = "open"
            elif ch == "''":
                role = "close" if not prev.isspace() else "ambiguous"
            elif ch in _DQ_OPEN:
                role = "open"
            elif ch in _DQ_CLOSE:
                role = "close"
            else:
                opener_ctx = (prev.isspace() or prev in "([{-—–/:") and not nxt.isspace()
                role = "open" if opener_ctx else "close"
            if d_open is None:
                if role == "open" or role == "ambiguous":
                    d_open = i
                    s_open = None
                else:
                    _log.info("%s: stray closing quote mark at %d ignored", doc_id, i)
            else:
                if role == "open" and (prev.isspace() or i == ls):
                    # a new opener while a quote is open: the earlier one lacked its closer
                    end = i
                    while end > d_open and text[end - 1].isspace():
                        end -= 1
                    spans.append(_Span(d_open, end, True, False))
                    _log.info(
                        "%s: quote opened at %d has no closer; closed at %d", doc_id, d_open, end
                    )
                    d_open = i
                else:
                    spans.append(_Span(d_open, m.end(), False, False))
                    d_open = None
        if d_open is not None:
            # continue only if the next non-empty line starts with an opening mark
            nxt_line = next(((s, e) for s, e in lines[li + 1 :] if text[s:e].strip()), None)
            cont = False
            if nxt_line is not None:
                body = text[nxt_line[0] : nxt_line[1]].lstrip()
                cont = (
                    body[:1] in _DQ_OPEN
                    or body.startswith("``")
                    or (body[:1] == '"' and len(body) > 1 and not body[1].isspace())
                )
            if cont:
                continuing = True
            else:
                end = le
                while end > d_open and text[end - 1].isspace():
                    end -= 1
                spans.append(_Span(d_open, end, True, False))
                _log.info(
                    "%s: quote opened at %d unclosed at paragraph end %d", doc_id, d_open, end
                )
                d_open = None
    return spans


# ---------------------------------------------------------------------------
# cues and speaker noun phrases
# ---------------------------------------------------------------------------


@dataclass
class _Cue:
    start: int
    end: int
    form: str
    lemma: str
    cls: str | None
    np: tuple[int, int] | None = None  # speaker span
    np_side: str = ""  # "left" | "right"
    obj: tuple[int, int] | None = None  # addressee of "told" (a medium: the quote's source)


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, start, end)]


def _left_np(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """Speaker noun phrase ending just before ``cue_start`` (not before ``lo``)."""
    toks = _words(text, lo, cue_start)
    if len(toks) >= 3 and toks[-1][2] == ")" and toks[-3][2] == "(":
        toks = toks[:-3]  # "The Pensions Policy Institute (PPI) said"
    j = len(toks) - 1
    while j >= 0 and toks[j][2].lower() in _SKIP:
        j -= 1
    if j < 0:
        return None
    end_tok = j
    if toks[j][2].lower() in _PRONOUNS:
        return toks[j][0], toks[j][1]
    start_tok = None
    while j >= 0:
        tok = toks[j][2]
        low = tok.lower()
        if low in ("'s", "\u2019s") and j > 0 and _is_cap(toks[j - 1][2]):
            j -= 1
            continue
        if low in _DETERMINERS:
            start_tok = j
            break
        if low == "and" and start_tok is not None and j > 0 and _np_token_ok(toks[j - 1][2]):
            j -= 1
            continue
        if (
            low in ("of", "in", "on", "for")
            and start_tok is not None
            and j > 0
            and toks[j - 1][2].lower() in _ORG_HEADS
        ):
            j -= 1
            continue
        if low == "the" or not _np_token_ok(tok):
            break
        start_tok = j
        j -= 1
    if start_tok is None:
        return None
    # strip a dangling "and"/preposition at the left edge
    while start_tok <= end_tok and toks[start_tok][2].lower() in ("and", "of", "in", "on", "for"):
        start_tok += 1
    if start_tok > end_tok:
        return None
    body = [t[2] for t in toks[start_tok : end_tok + 1]]
    if not any(
        _is_cap(t) or t.lower() in _ROLE_NOUNS for t in body if t.lower() not in _DETERMINERS
    ):
        return None
    return toks[start_tok][0], toks[end_tok][1]


def _right_np(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """Speaker noun phrase starting at ``pos`` (inversion: ``said the spokesman``)."""
    toks = _words(text, pos, hi)
    if not toks:
        return None
    j = 0
    first = None
    last = None
    if toks[0][2].lower() in _DETERMINERS:
        first = 0
        j = 1
    elif toks[0][2].lower() in _PRONOUNS and toks[0][2].lower() != "it":
        return toks[0][0], toks[0][1]
    while j < len(toks):
        tok = toks[j][2]
        low = tok.lower()
        if low in ("'s", "\u2019s") and last is not None:
            last = j
            j += 1
            continue
        if (
            low in ("of", "in", "on", "for")
            and last is not None
            and toks[last][2].lower() in _ORG_HEADS
            and j + 1 < len(toks)
        ):
            k = j + 1
            if toks[k][2].lower() == "the":
                k += 1
            if k < len(toks) and _is_cap(toks[k][2]):
                j = k
                continue
        if low == "and" and last is not None and j + 1 < len(toks) and _is_cap(toks[j + 1][2]):
            j += 1
            continue
        if not _np_token_ok(tok) or (tok in _CAP_STOP and low not in _DETERMINERS):
            break
        if first is None:
            first = j
        last = j
        j += 1
    if last is None or first is None:
        return None
    body = [t[2] for t in toks[first : last + 1]]
    if not any(
        _is_cap(t) or t.lower() in _ROLE_NOUNS for t in body if t.lower() not in _DETERMINERS
    ):
        return None
    return toks[first][0], toks[last][1]


def _apposition(text: str, view: str, lo: int, comma: int) -> tuple[int, int] | None:
    """Speaker in ``NAME, description, said`` or ``description, NAME, said``."""
    inner = _left_np(text, lo, comma)
    if inner is not None and view[lo : inner[0]].rstrip().endswith(","):
        comma2 = view.rindex(",", lo, inner[0])
    else:
        # "John Ison, from the group Fathers 4 Justice, said": any short description
        comma2 = view.rfind(",", lo, comma)
        if comma2 < 0 or comma - comma2 > 80 or "\n" in view[comma2:comma]:
            return None
        inner = None
    outer = _left_np(text, lo, comma2)
    if outer is not None and inner is None:
        name, kind, _ = _name_of(text[outer[0] : outer[1]])
        return outer if kind == "name" else None
    for cand in (inner, outer):
        if cand is not None:
            name, kind, _ = _name_of(text[cand[0] : cand[1]])
            if kind == "name" and len(name.split()) >= 2:
                return cand
    return outer or inner


_PASSIVE = frozenset("is are was were be been being".split())
_CITING_RE = re.compile(r"\s*,\s*(?:citing|according\s+to)\b", re.IGNORECASE)
_QUOTE_CLOSE_RE = re.compile("[\"\u201d\u2019']")
_QUOTED_AS_RE = re.compile(r"\bquoted\s+([^,.;:\n]{1,60}?)\s+as\s+saying\b", re.IGNORECASE)


def _find_cues(text: str, view: str, lo: int, hi: int, book: _CueBook) -> list[_Cue]:
    """Reporting cues in ``text[lo:hi]`` with their speaker noun phrase (if any)."""
    out: list[_Cue] = []
    for m in book.regex.finditer(view, lo, hi):
        form = re.sub(r"\s+", " ", m.group().lower())
        lemma = book.form_lemma.get(form, form)
        cls = book.lemma_class.get(lemma) or book.phrase_class.get(lemma, "neutral")
        cue = _Cue(m.start(), m.end(), form, lemma, cls)
        if lemma == "according to":
            cue.np = _right_np(text, m.end(), hi)
            cue.np_side = "right"
            if cue.np is not None:
                out.append(cue)
            continue
        prev_words = _words(text, max(lo, m.start() - 40), m.start())
        prev = prev_words[-1][2].lower() if prev_words else ""
        if form in book.noun_forms:
            after = view[m.end() : m.end() + 6].lower()
            quote_next = bool(re.match(r"\s*(?:[:,]\s*)?['\"\u2018\u201c]", after)) and (
                prev in _ROLE_NOUNS
                or _canonical_or_none(prev) is not None
                or m.group()[:1].isupper()  # Title Case headline: "Sanders Calls for 'X'"
            )
            if prev not in _PRONOUNS and not after.startswith(" that") and not quote_next:
                continue
        if prev in _DETERMINERS or prev in ("to", "of"):
            continue  # a noun ("the claims", "a report") or an infinitive ("to say")
        if prev in _PASSIVE and " " not in form:
            continue  # "is said to be": hearsay about the subject, not its speech
        if lemma == "tell":
            cue.obj = _right_np(text, m.end(), hi)
        np_ = _left_np(text, lo, m.start())
        if np_ is not None and lemma != "tell" and _QUOTE_CLOSE_RE.search(view, lo, np_[0]):
            right = _right_np(text, m.end(), hi)
            if right is not None and re.fullmatch(r"[\s.!?]*", view[right[1] : hi]):
                # "'Quote' by Country A ... says agency chief" (headline order)
                cue.np, cue.np_side = right, "right"
                out.append(cue)
                continue
        if np_ is None and view[lo : m.start()].rstrip().endswith(","):
            np_ = _apposition(text, view, lo, view.rindex(",", lo, m.start()))
        if np_ is not None:
            cue.np, cue.np_side = np_, "left"
        else:
            right = _right_np(text, m.end(), hi) if lemma != "tell" else None
            before = view[lo : m.start()].rstrip()
            if right is not None and (before.endswith((",", '"', "'")) or not before):
                cue.np, cue.np_side = right, "right"
            elif prev == "and" or (
                form.endswith("ing")
                and view[lo : m.start()].rstrip().endswith(",")
                and (view[m.end() : m.end() + 6].lower().startswith(" that") or lemma == "tell")
            ):
                cue.np_side = "and"  # coordinated verb / participle: subject resolved later
        out.append(cue)
    for m in _QUOTED_AS_RE.finditer(view, lo, hi):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        np_ = _right_np(text, m.start(1), m.end(1))
        if np_ is not None:
            out.append(
                _Cue(
                    m.start(),
                    m.end(),
                    "quoted as saying",
                    "quoted as saying",
                    "neutral",
                    np_,
                    "right",
                )
            )
    out.sort(key=lambda c: c.start)
    return out


# ---------------------------------------------------------------------------
# speaker resolution
# ---------------------------------------------------------------------------


def _name_of(np_text: str) -> tuple[str, str, bool]:
    """Return ``(name, kind, has_title)`` for a speaker noun phrase.

    kind is "pronoun", "name" or "description".
    """
    toks = [t for t in _WORD_RE.findall(np_text) if t not in ("'s", "\u2019s")]
    toks = [t for t in toks if t not in (",",)]
    if len(toks) == 1 and toks[0].lower() in _PRONOUNS:
        return toks[0], "pronoun", False
    # trailing run of name tokens after the last title/modifier word
    run: list[str] = []
    for t in reversed(toks):
        low = t.lower()
        if low in _TITLES or low in _MODIFIERS or low in _ROLE_NOUNS or low in _DETERMINERS:
            break
        if low in ("of", "in", "on", "for", "and"):
            run = []
            break
        if _is_cap(t) or low in _PARTICLES or low.startswith(("al-", "el-")):
            if _is_cap(t) and _is_nationality(t) and run:
                break
            run.insert(0, t)
        else:
            break
    while run and run[0].lower() in _PARTICLES:
        run.pop(0)
    has_title = len(run) < len([t for t in toks if t.lower() not in _DETERMINERS])
    if run and not (len(run) == 1 and _is_nationality(run[0]) and has_title):
        return " ".join(run), "name", has_title
    desc = [t for t in toks if t.lower() not in _DETERMINERS]
    if len(desc) > 1 and desc[-1].lower() in _DOC_NOUNS:
        desc = desc[:-1]
    return " ".join(desc), "description", True


_NAT_RE = re.compile(r"(?:ian|ese|ish)$")
_DEMONYMS = frozenset(
    """
    israeli qatari iraqi pakistani saudi kuwaiti emirati yemeni omani bahraini somali afghan
    bangladeshi azerbaijani nepali thai american african korean mexican european cuban
    venezuelan chilean moroccan german dutch french greek swiss arab
    """.split()
)


def _is_nationality(tok: str) -> bool:
    low = tok.lower()
    return low in _MODIFIERS or low in _DEMONYMS or bool(_NAT_RE.search(low))


def _full_names(text: str) -> list[tuple[int, str, str]]:
    """``(position, full_name, title_words)`` for title-introduced names in a document."""
    out = []
    toks = _words(text, 0, len(text))
    n = len(toks)
    i = 0
    while i < n:
        low = toks[i][2].lower()
        if low in _TITLES or low in ("mr", "mrs", "ms", "dr"):
            j = i + 1
            run = []
            while j < n and (
                (_is_cap(toks[j][2]) and toks[j][2].lower() not in _TITLES)
                or toks[j][2].lower() in _PARTICLES
                or toks[j][2].lower().startswith("al-")
            ):
                run.append(toks[j][2])
                j += 1
            if len(run) >= 2 and not any(t in _CAP_STOP for t in run):
                k = i
                while k > 0 and (
                    toks[k - 1][2].lower() in _TITLES
                    or toks[k - 1][2].lower() in _MODIFIERS
                    or toks[k - 1][2].lower() in _ROLE_NOUNS
                ):
                    k -= 1
                title = " ".join(t[2].lower() for t in toks[k : i + 1])
                out.append((toks[i + 1][0], " ".join(run), title))
                i = j
                continue
        i += 1
    return out


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from . import actors

    return getattr(actors, "canonical_actor", None)


def _canonical_or_none(name: str) -> str | None:
    fn = _gazetteer()
    try:
        return None if fn is None else fn(name)
    except Exception:  # noqa: BLE001 - the gazetteer must never break quotes()
        return None


def _canonical(name: str | None) -> str | None:
    if not name:
        return None
    fn = _gazetteer()
    if fn is not None:
        try:
            hit = fn(name)
        except Exception:  # noqa: BLE001 - the gazetteer must never break quotes()
            hit = None
        if hit:
            return str(hit)
    return name


_MEDIA_WORDS = frozenset(
    """
    reuters afp ap bbc cnn sky tass xinhua ria interfax bloomberg jazeera itv channel times post
    journal guardian telegraph independent herald news ft radio television tv newspaper paper
    programme program website agency magazine daily today press network broadcaster sport
    """.split()
)
_SOURCE_DOCS = frozenset("statement readout report communique release book letter paper".split())


def _media_np(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """A news medium right after ``told``/``telling``: ``Reuters``, ``BBC Radio 4's Today programme``."""
    toks = _words(text, pos, min(hi, pos + 120))
    j = 1 if toks and toks[0][2].lower() == "the" else 0
    first = j
    last = None
    while j < len(toks):
        t = toks[j][2]
        low = t.lower()
        if _is_cap(t) or t[:1].isdigit() or low in ("'s", "\u2019s") or low in _MEDIA_WORDS:
            last = j
            j += 1
            continue
        break
    if last is None:
        return None
    words = {w[2].lower().replace("\u2019s", "").replace("'s", "") for w in toks[first : last + 1]}
    if not words & _MEDIA_WORDS:
        return None
    return toks[first][0], toks[last][1]


def _source_span(
    text: str, view: str, s: int, e: int, cue: _Cue, cues: Sequence[_Cue]
) -> tuple[int, int] | None:
    """Where the words came from, when the sentence says it (not who spoke them).

    ``according to X`` and ``citing X`` (X's document or X itself), ``X's
    statement/readout/book said`` (the speaker phrase is a document), ``told
    Reuters`` / ``telling the BBC`` (a medium), ``the paper quoted X as saying``.
    """
    if cue.lemma == "according to" and cue.np is not None:
        return cue.np
    for c in cues:
        if c is not cue and c.lemma == "according to" and c.np is not None:
            return c.np
    m = re.search(r"\bciting\s+((?:[\w'\u2019&-]+\s*){1,8}?)(?=[,.;:!?]|$)", view[s:e])
    if m:
        return s + m.start(1), s + m.start(1) + len(m.group(1).rstrip())
    if cue.np is not None:
        toks = _WORD_RE.findall(text[cue.np[0] : cue.np[1]])
        if len(toks) > 1 and toks[-1].lower() in _SOURCE_DOCS:
            return cue.np
    for c in cues:  # "Mr Peston's book claimed that Mr Brown told Mr Blair: ..."
        if c is not cue and c.np is not None and c.start < cue.start:
            toks = _WORD_RE.findall(text[c.np[0] : c.np[1]])
            if len(toks) > 1 and toks[-1].lower() in _SOURCE_DOCS:
                return c.np
    if cue.lemma == "tell":
        media = _media_np(text, cue.end, e)
        if media is not None:
            return media
    m = re.search(r"\bquoted\s+[^,.;:]{1,60}?\s+as\s+saying\b", view[s:e])
    if m:
        np_ = _left_np(text, s, s + m.start())
        if np_ is not None:
            return np_
    return None


def _source_name(
    span_text: str,
    context: Sequence[str],
    home: str | None,
    res: _Resolver,
    sources: Sequence[str] = (),
) -> str | None:
    """Readable name of a source span: the issuer of a document, a medium, an actor."""
    toks = [t for t in _WORD_RE.findall(span_text) if t[:1].isalnum() or t[:1] in "'\u2019&"]
    while toks and toks[0].lower() in _DETERMINERS:
        toks.pop(0)
    if len(toks) > 1 and toks[-1].lower() in _SOURCE_DOCS:
        toks.pop()
    if toks and toks[-1].lower() in ("'s", "\u2019s"):
        toks.pop()
    if toks and re.search(r"['\u2019]s$", toks[-1]):
        toks[-1] = toks[-1][:-2]
    if not toks:
        return None
    name = " ".join(toks)
    name = re.sub(r" (['\u2019]s)\b", r"\1", name)
    if name.split()[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr") and len(name.split()) == 2:
        name = res._lookup_surname(name.split()[1], len(res.text)) or name.split()[1]
    if name.lower() in ("paper", "newspaper", "agency", "broadcaster") and sources:
        return sources[-1]  # "the paper quoted ..." after "according to the Financial Times"
    canon = _canonical_in_context(name, context, home, res)
    return canon or name


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """``(place or demonym -> country, country -> demonym)`` from the shipped gazetteer."""
    try:
        from .actors import resolve_gazetteer

        gaz = resolve_gazetteer(None)
    except Exception:  # noqa: BLE001 - context is optional; never break quotes()
        return {}, {}
    where: dict[str, str] = {}
    demonym: dict[str, str] = {}
    for ent in gaz.entries:
        if ent.get("type") != "country":
            continue
        name = str(ent["name"])
        dem = [str(d) for d in ent.get("demonyms") or []]
        if dem:
            demonym[name] = dem[0]
        for alias in [name, *(ent.get("aliases") or []), *(ent.get("metonyms") or []), *dem]:
            where.setdefault(str(alias).lower(), name)
    return where, demonym


_DATELINE_RE = re.compile(
    r"(?:^|\s)([A-Z][A-Z'.-]+(?:[ -][A-Z][A-Z'.-]+)?)\s*(?:,|\(|/|\u2014|--| - )"
)


def _dateline_country(text: str) -> str | None:
    """Country of an upper-case dateline in the first lines: ``MOSCOW, October 19. /TASS/``."""
    where, _ = _countries()
    for m in _DATELINE_RE.finditer(text[:300]):
        word = m.group(1)
        if len(word) >= 4 and word.isupper():
            hit = where.get(word.lower())
            if hit:
                return hit
    return None


_GENERIC_ORG = re.compile(
    r"(?:(?:foreign|defence|defense|interior|health|finance|economy|justice|trade|education)\s+)?"
    r"(?:ministry|ministry\s+of\s+\w+(?:\s+affairs)?|embassy|government|cabinet|parliament|"
    r"presidency|foreign\s+office|army|military|police)",
    re.IGNORECASE,
)


def _canonical_in_context(
    raw: str | None, context: Sequence[str], home: str | None, res: _Resolver
) -> str | None:
    """Gazetteer name of a speaker, using the document for bare institutions.

    ``Foreign Ministry`` after ``the Russian Foreign Ministry`` in the same
    document is that ministry; with no earlier mention, the country of an
    upper-case dateline (``MOSCOW, ...``) or of the last country speaker
    decides (``Russian`` + ``Foreign Ministry``). Returns ``None`` when
    nothing in the gazetteer matches.
    """
    if not raw:
        return None
    hit = _canonical(raw)
    if hit is not None and hit != raw:
        return hit
    fn = _gazetteer()
    if fn is not None and hit is not None:
        try:
            if fn(raw):
                return hit
        except Exception:  # noqa: BLE001
            pass
    bare = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=re.IGNORECASE)
    if not _GENERIC_ORG.fullmatch(bare):
        return None
    low = bare.lower()
    for prev in reversed(context):
        if prev.lower().endswith(low) and prev.lower() != low:
            return prev
    where, demonym = _countries()
    countries = [home] if home else []
    for prev in reversed(context):
        first = prev.split()[0].lower() if prev else ""
        c = where.get(prev.lower()) or where.get(first)
        if c:
            countries.append(c)
            break
    for c in countries:
        dem = demonym.get(c) if c else None
        if dem:
            canon = _canonical_or_none(f"{dem} {bare}")
            if canon is not None and canon != c:
                return str(canon)
    return None


def _is_named(name: str) -> bool:
    """A specific named speaker (``Zhai Jun``, ``Hamas``), not a description (``the parties``)."""
    toks = [t for t in _WORD_RE.findall(name) if t.lower() not in _DETERMINERS]
    if not toks:
        return False
    if all(t.lower() in _ROLE_NOUNS or t.lower() in _MODIFIERS or not _is_cap(t) for t in toks):
        return False
    return any(_is_cap(t) and t.lower() not in _ROLE_NOUNS for t in toks)


@dataclass
class _Row:
    start: int
    end: int
    direct: bool
    kind: str
    unbalanced: bool
    cue: _Cue | None
    speaker_span: tuple[int, int] | None = None
    method: str = "none"
    resolved: str | None = None
    source_span: tuple[int, int] | None = None


_CAPNAME_RE = re.compile(
    r"\b([A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})\b"
)


class _Resolver:
    def __init__(self, text: str, sents: Sequence[tuple[int, int, int, int]] = ()) -> None:
        self.text = text
        self.names = _full_names(text)  # (pos, name, title)
        self.last: tuple[str, tuple[int, int]] | None = None  # resolved name, span
        self.last_person: str | None = None
        self.last_org: str | None = None
        self.sents = sents
        self._capnames: list[tuple[int, str]] | None = None
        self._subjects: list[tuple[int, int, str]] | None = None

    def _cap_names(self) -> list[tuple[int, str]]:
        """Capitalised two/three-word names anywhere (``Tony Blair's``), for surname look-up."""
        if self._capnames is None:
            out = []
            for m in _CAPNAME_RE.finditer(self.text):
                words = m.group(1).split()
                while words and (words[0] in _CAP_STOP or words[0].lower() in _TITLES):
                    words.pop(0)
                if len(words) >= 2 and not any(w.lower() in _TITLES for w in words):
                    out.append((m.start(1), " ".join(words)))
            self._capnames = out
        return self._capnames

    def _lookup_surname(self, token: str, pos: int) -> str | None:
        best = None
        low = token.lower()
        for p, name, _ in self.names:
            if p >= pos:
                break
            if low in [w.lower() for w in name.split()]:
                best = name
        if best is None:
            for p, name in self._cap_names():
                if p >= pos:
                    break
                if name.split()[-1].lower() == low:
                    best = name
        return best

    def subjects(self) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of each sentence whose subject is a named person."""
        if self._subjects is None:
            out = []
            for s, e, _, _ in self.sents:
                toks = _words(self.text, s, min(e, s + 200))
                j = 0
                while j < len(toks) and (toks[j][2] in _CAP_STOP or toks[j][2] == ","):
                    j += 1
                if j >= len(toks) or not _is_cap(toks[j][2]):
                    continue
                span = _right_np(self.text, toks[j][0], e)
                if span is None or re.search(r"['\u2019]s?$", self.text[span[0] : span[1]]):
                    continue  # "Tony Blair's big speech": a possessive is not the subject
                name, kind, has_title = _name_of(self.text[span[0] : span[1]])
                if kind == "description":
                    role = name.split()[-1].lower() if name.split() else ""
                    person = self._lookup_role(role, span[0]) if role in _PERSON_ROLES else None
                    if person is not None:
                        out.append((span[0], span[1], person))
                    continue
                if kind != "name":
                    continue
                if len(name.split()) == 1:
                    full = self._lookup_surname(name, span[0])
                    if full is None and not has_title:
                        continue
                    name = full or name
                out.append((span[0], span[1], name))
            self._subjects = out
        return self._subjects

    def subject_in(self, lo: int, hi: int) -> tuple[int, int] | None:
        for s, e, _ in self.subjects():
            if lo <= s < hi:
                return s, e
        return None

    def _recent_subject(self, pos: int) -> tuple[int, str] | None:
        best = None
        for s, _, name in self.subjects():
            if s >= pos:
                break
            best = (s, name)
        return best

    def _lookup_role(self, role: str, pos: int) -> str | None:
        best = None
        for p, name, title in self.names:
            if p >= pos:
                break
            if role in title.split():
                best = name
        return best

    def register(self, pos: int, name: str, title: str) -> None:
        if len(name.split()) >= 2 and not any(n == name for _, n, _ in self.names):
            idx = bisect.bisect([p for p, _, _ in self.names], pos)
            self.names.insert(idx, (pos, name, title))

    def resolve(self, span: tuple[int, int]) -> tuple[str | None, str]:
        np_text = self.text[span[0] : span[1]]
        name, kind, has_title = _name_of(np_text)
        if kind == "pronoun":
            if name.lower() == "it":
                return (self.last_org, "pronoun") if self.last_org else (None, "pronoun")
            subj = self._recent_subject(span[0]) if name.lower() in ("he", "she") else None
            if subj is not None and (self.last is None or subj[0] > self.last[1][0]):
                return subj[1], "pronoun"
            if self.last is not None:
                return self.last[0], "pronoun"
            prior = [n for p, n, _ in self.names if p < span[0]]
            return (prior[-1], "pronoun") if prior else (None, "pronoun")
        if kind == "description" and " and " in f" {np_text} ":
            people = []
            for part in re.split(r"\s+and\s+", np_text):
                sub = self.resolve_part(part, span[0])
                if sub:
                    people.append(sub)
            if len(people) >= 2:
                return " and ".join(people), "coordination"
        if kind == "name":
            parts = name.split()
            if len(parts) == 1 or np_text.split()[0].lower().rstrip(".") in (
                "mr",
                "mrs",
                "ms",
                "dr",
            ):
                full = self._lookup_surname(parts[-1] if len(parts) == 1 else parts[0], span[0])
                if full is not None and full != name:
                    return full, "surname"
            if len(parts) >= 2:
                title = " ".join(w.lower() for w in np_text.split()[: -len(parts)])
                self.register(span[0], name, title)
            return name, "cue_adjacent"
        # description
        words = name.split()
        role = words[-1].lower() if words else ""
        if role in _PERSON_ROLES:
            person = self._lookup_role(role, span[0])
            if person is None and self.last_person is not None:
                person = self.last_person  # "the Russian official": the last named speaker
            if person is not None:
                return person, "description"
        if (
            role in _ORG_HEADS
            and len(words) == 1
            and self.last_org
            and role in self.last_org.lower()
        ):
            return self.last_org, "description"
        return name, "description"

    def resolve_part(self, part: str, pos: int) -> str | None:
        name, kind, _ = _name_of(part)
        if kind != "name":
            return None
        if len(name.split()) == 1:
            return self._lookup_surname(name, pos) or _canonical(name) or name
        return name


# ---------------------------------------------------------------------------
# one document
# ---------------------------------------------------------------------------


def _sent_index(starts: list[int], pos: int) -> int:
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
    book = _cue_book(*file_key(verbs))
    view = fold(text)
    sents = sorted((int(s), int(e), int(i), int(p)) for i, p, s, e in sentences)
    starts = [s for s, _, _, _ in sents]
    spans = _pair_marks(text, doc_id)
    spans.sort(key=lambda sp: (sp.start, sp.end))
    rows: list[_Row] = []
    used_cues: set[int] = set()
    # cues per sentence (computed once)
    cues_by_sent: dict[int, list[_Cue]] = {}

    def cues_in(k: int) -> list[_Cue]:
        if k not in cues_by_sent:
            s, e = sents[k][0], sents[k][1]
            found = _find_cues(text, view, s, e, book)
            cues_by_sent[k] = [
                c for c in found if not any(sp.start < c.start < sp.end for sp in spans)
            ]
        return cues_by_sent[k]

    prev_direct: dict[int, _Row] = {}
    for sp in spans:
        if not sents:
            break
        k_open = _sent_index(starts, sp.start)
        k_close = _sent_index(starts, max(sp.start, sp.end - 1))
        s_lo, s_hi = sents[k_open][0], sents[k_close][1]
        para = sents[k_open][3]
        inner = view[sp.start + 1 : sp.end - 1]
        n_words = len(re.findall(r"\w+", inner))
        chosen: _Cue | None = None
        attached = False
        attached_before = False
        # 1. after the closing mark: ,” Geng said / ,” said the spokesman / ,” according to X
        after = [c for c in cues_in(k_close) if c.start >= sp.end and c.np is not None]
        if after:
            c = after[0]
            gap_start = min(c.start, c.np[0] if c.np else c.start)
            if len(_words(text, sp.end, gap_start)) <= 1:
                chosen, attached = c, True
        # 2. before the opening mark: He stated, “… / According to X, “…
        if chosen is None:
            before = [c for c in cues_in(k_open) if c.end <= sp.start and c.np is not None]
            if before:
                c = before[-1]
                tail_from = c.np[1] if c.np is not None and c.np_side == "right" else c.end
                gap = view[_skip_adv(view, tail_from, sp.start) : sp.start]
                if re.fullmatch(r"\s*(?:that)?\s*[,:]?\s*", gap, re.IGNORECASE):
                    chosen, attached, attached_before = c, True, True
        # 3. any cue in the sentence(s): partial quotes inside indirect speech
        if chosen is None:
            cands: list[_Cue] = []
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
    res = _Resolver(text, sents)
    para_first: dict[int, int] = {}  # paragraph -> index of its first sentence
    for i, (_, _, _, pid) in enumerate(sents):
        para_first.setdefault(pid, i)
    out_rows: list[dict[str, Any]] = []
    last_row_by_sent: dict[int, _Row] = {}
    for r in rows:
        k = _sent_index(starts, r.start)
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
            kc = _sent_index(starts, rc.start)
            r.source_span = _source_span(text, view, sents[kc][0], sents[kc][1], rc, cues_in(kc))
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
    home = _dateline_country(text)
    for out_row in out_rows:
        raw = out_row.pop("speaker_canonical_raw")
        hit = False
        if raw and " and " in raw:
            parts = [_canonical_in_context(p, context, home, res) for p in raw.split(" and ")]
            out_row["speaker_canonical"] = " and ".join(
                c or p for c, p in zip(parts, raw.split(" and "), strict=True)
            )
            hit = all(c is not None for c in parts)
        else:
            canon = _canonical_in_context(raw, context, home, res)
            hit = canon is not None
            out_row["speaker_canonical"] = canon or raw
        if out_row["speaker_canonical"] is None:
            out_row["speaker_method"] = "none"
        out_row["speaker_resolved"] = bool(out_row["speaker_canonical"]) and (
            hit or _is_named(out_row["speaker_canonical"])
        )
        if out_row["speaker_resolved"]:
            context.append(out_row["speaker_canonical"])
        src = out_row["source_start"]
        out_row["source"] = (
            _source_name(text[src : out_row["source_end"]], context, home, res, sources)
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


def _headline_speaker(text: str, view: str, s_lo: int, s_hi: int, sp: _Span) -> _Cue | None:
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
            return _Cue(span[1], span[1], ":", ":", None, span, "left")
    after_end = view.find("\n", sp.end, s_hi)
    after_end = s_hi if after_end < 0 else after_end
    mr = _HEAD_RIGHT.match(view, sp.end, after_end)
    if mr:
        np_ = _right_np(text, mr.start(1), mr.end(1))
        if np_ is not None and np_[1] == mr.end(1):
            return _Cue(mr.start(1), mr.start(1), ":", ":", None, np_, "right")
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
    text: str, view: str, c: _Cue, s: int, e: int, book: _CueBook
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
    tail = view[_skip_adv(view, tail_from, e) : e]
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
    pos = _skip_adv(view, c.end, e)
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
    pos = _skip_adv(view, pos, e)
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


# ---------------------------------------------------------------------------
# corpus level
# ---------------------------------------------------------------------------


def _sentences_by_doc(corpus: Corpus) -> dict[str, list[tuple[int, int, int, int]]]:
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
    by_doc = _sentences_by_doc(corpus)
    rows: list[dict[str, Any]] = []
    for doc_id, text in corpus:
        rows.extend(doc_quotes(text, by_doc[doc_id], doc_id=doc_id, verbs=verbs))
    return _quote_frame(rows)


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
        k = _sent_index(starts, s) if sents else 0
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
    by_doc = _sentences_by_doc(corpus)
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
            canon = {t: (_canonical(t) or t) for t in targets}
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
            k = _sent_index(st, int(s))
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
        book = _cue_book(None)
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
        by_doc = _sentences_by_doc(corpus)
        for doc_id, text in corpus:
            view = fold(text)
            for _, _, s, e in by_doc[doc_id]:
                for c in _find_cues(text, view, s, e, book):
                    if (
                        c.lemma in book.no_clause
                        and c.np is not None
                        and c.np_side == "left"
                        and c.cls in _AGAINST | _FAVOUR
                    ):
                        holder = _canonical(_name_of(text[c.np[0] : c.np[1]])[0])
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
                if target == holder or (holder and _canonical(holder) == target):
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
_EXPERT = frozenset(
    "expert experts analyst analysts professor researcher researchers scholar academic economist".split()
)
_CITIZEN = frozenset(
    "resident residents witness witnesses citizen citizens survivor survivors mother father woman man "
    "people doctor doctors nurse family relatives student protesters".split()
)
_OFFICIAL = frozenset(
    "official officials minister ministers ministry spokesman spokeswoman spokesperson authorities "
    "diplomat diplomats envoy ambassador embassy government president kremlin readout statement "
    "office council army military police commander leader leaders parties".split()
)


def quote_voices(quotes_table: pd.DataFrame, gazetteer: Any = None) -> pd.DataFrame:
    """Add the kind of voice behind each quote: ``voice_type`` and ``voice_country``.

    ``voice_type`` is ``official`` (governments, ministries, state
    officials; CAMEO role GOV/MIL/... or gazetteer type government/country),
    ``armed_group``, ``international`` (IGOs such as the UN), ``expert``,
    ``citizen``, ``unattributed`` (no speaker) or ``other``.
    ``voice_country`` is the country of the actor's CAMEO code (``RUSGOV``
    -> Russia) or a country named in the speaker, else None. Speakers the
    gazetteer does not know are typed from their role nouns
    (``analyst`` -> expert, ``residents`` -> citizen).

    Examples
    --------
    >>> q = pd.DataFrame({"speaker_canonical": ["Geng Shuang", "Gaza residents", None],
    ...                   "speaker": ["Geng", "residents", None]})
    >>> quote_voices(q)[["voice_type", "voice_country"]].values.tolist()
    [['official', 'China'], ['citizen', None], ['unattributed', None]]
    """
    from . import actors

    load = getattr(actors, "load_gazetteer", None)
    entries: list[dict] = []
    if load is not None:
        gaz = (
            load()
            if gazetteer is None
            else (gazetteer if hasattr(gazetteer, "entries") else load(gazetteer))
        )
        entries = list(gaz.entries)
    by_name = {e["name"]: e for e in entries}
    countries = {e["id"]: e["name"] for e in entries if e.get("type") == "country"}
    types: list[str] = []
    ctry: list[str | None] = []
    for name, surface in zip(
        quotes_table["speaker_canonical"].tolist(), quotes_table["speaker"].tolist(), strict=False
    ):
        if name is None or name != name:
            types.append("unattributed")
            ctry.append(None)
            continue
        parts = str(name).split(" and ")
        e = by_name.get(parts[0])
        words = {w.lower().strip(".,'’") for w in f"{name} {surface or ''}".split()}
        country = None
        if e is not None:
            cameo = str(e.get("cameo") or "")
            country = countries.get(cameo[:3]) if cameo else None
            if e.get("type") == "country":
                country = e["name"]
            et = e.get("type")
            if et == "armed_group":
                vt = "armed_group"
            elif cameo.startswith("IGO") or et == "igo":
                vt = "international"
            elif et in ("government", "country") or (len(cameo) > 3 and country is not None):
                vt = "official"
            else:
                vt = "other"
        elif words & _EXPERT:
            vt = "expert"
        elif words & _CITIZEN:
            vt = "citizen"
        elif words & _OFFICIAL:
            vt = "official"
        else:
            vt = "other"
        if country is None and e is None:
            for w in str(surface or name).replace("’", "'").split():
                hit = _canonical(w.replace("'s", ""))
                if hit in countries.values():
                    country = hit
                    break
        types.append(vt)
        ctry.append(country)
    out = quotes_table.copy()
    out["voice_type"] = pd.Series(types, index=out.index, dtype=object)
    out["voice_country"] = pd.Series(ctry, index=out.index, dtype=object)
    return out
