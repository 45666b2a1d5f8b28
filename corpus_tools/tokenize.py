"""Sentence and word tokenization with character offsets, fully offline.

Sentences are found with NLTK's Punkt algorithm (Kiss & Strunk 2006) built
from *shipped* parameters only (``data/abbreviations.txt``), never from a
pickled model in the user's ``nltk_data`` folder and never trained on the
corpus being analysed: the same text gives the same boundaries on every
machine, whatever else is in the corpus.

Before Punkt runs, the text is cut into paragraphs at blank lines, and a
line without final punctuation followed by a line break (a headline, a
caption, a list item) is a unit of its own. Punkt runs inside those units.

Words are found with one compiled regular expression over the *matching
view* of the text (:func:`fold`): a length-preserving fold of curly quotes,
dashes and no-break spaces, so offsets into the view are offsets into the
clean text. A final possessive ``'s`` is split off as its own token, so
``Iran’s`` counts as ``Iran``.

References
----------
Kiss, T., & Strunk, J. (2006). Unsupervised multilingual sentence boundary
detection. *Computational Linguistics*, 32(4), 485-525.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "fold",
    "split_sentences",
    "tokenize_text",
    "sentences",
    "tokens",
    "load_abbreviations",
    "load_stopwords",
    "SENTENCE_COLUMNS",
    "TOKEN_COLUMNS",
]

SENTENCE_COLUMNS = ["doc_id", "sent_id", "para_id", "start", "end", "text"]
TOKEN_COLUMNS = [
    "doc_id",
    "sent_id",
    "token_id",
    "token",
    "lower",
    "start",
    "end",
    "is_word",
    "is_stop",
]

# --------------------------------------------------------------------------
# matching view
# --------------------------------------------------------------------------
_FOLD_MAP = {
    0x00A0: " ",  # no-break space
    0x202F: " ",  # narrow no-break space
    0x2007: " ",  # figure space
    0x2009: " ",  # thin space
    0x2018: "'",
    0x2019: "'",
    0x201A: "'",
    0x201B: "'",
    0x2032: "'",
    0x02BC: "'",  # modifier letter apostrophe
    0x201C: '"',
    0x201D: '"',
    0x201E: '"',
    0x201F: '"',
    0x2033: '"',
    0x00AB: '"',
    0x00BB: '"',
    0x2010: "-",
    0x2011: "-",
    0x2012: "-",
    0x2013: "-",
    0x2014: "-",
    0x2015: "-",
    0x2212: "-",
}


def fold(text: str) -> str:
    """Return the matching view of ``text``: same length, quotes/dashes/spaces folded.

    Curly and angle quotes become ``'`` or ``"``, dashes and the minus sign
    become ``-``, no-break spaces become a space. Every replacement is one
    character for one character, so an offset into the result is an offset
    into ``text``. The stored text is never changed.

    Examples
    --------
    >>> fold("Iran’s “strikes” — 1,400")
    'Iran\\'s "strikes" - 1,400'
    >>> len(fold("a\u00a0b")) == len("a\u00a0b")
    True
    """
    return text.translate(_FOLD_MAP)


# --------------------------------------------------------------------------
# shipped data
# --------------------------------------------------------------------------
def _read_list(name: str) -> list[str]:
    raw = resources.files("corpus_tools").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=1)
def load_abbreviations() -> frozenset[str]:
    """Return the shipped abbreviation types (lower case, no final period)."""
    return frozenset(_read_list("abbreviations.txt"))


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """Return the shipped English stopword list (see ``data/stopwords.txt``)."""
    return frozenset(_read_list("stopwords.txt"))


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(load_abbreviations())
    return PunktSentenceTokenizer(params)


# --------------------------------------------------------------------------
# sentences
# --------------------------------------------------------------------------
_PARA_RE = re.compile(r"\n[ \t\f\v\r]*\n\s*")
_FINAL_PUNCT = frozenset(".?!:;…\"'”’)]")


def _units(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield ``(para_id, start, end)`` for paragraphs and headline-like lines."""
    para_id = 0
    pos = 0
    n = len(text)
    for m in _PARA_RE.finditer(text):
        yield from _lines(text, pos, m.start(), para_id)
        para_id += 1
        pos = m.end()
    if pos < n:
        yield from _lines(text, pos, n, para_id)


def _lines(text: str, start: int, end: int, para_id: int) -> Iterator[tuple[int, int, int]]:
    """Split one paragraph at single line breaks that follow an unpunctuated line."""
    seg_start = start
    i = text.find("\n", start, end)
    while i != -1:
        line = text[seg_start:i].rstrip()
        if line and line[-1] not in _FINAL_PUNCT:
            yield para_id, seg_start, i
            seg_start = i + 1
        i = text.find("\n", i + 1, end)
    yield para_id, seg_start, end


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """Return ``(para_id, start, end)`` for every sentence of ``text``.

    Offsets are half-open character offsets into ``text``; surrounding
    whitespace is excluded, so ``text[start:end]`` is the sentence.

    Examples
    --------
    >>> t = "Mr. Zhai met envoys on Jan. 9 in Doha. The U.S. envoy was absent."
    >>> [t[s:e] for _, s, e in split_sentences(t)]
    ['Mr. Zhai met envoys on Jan. 9 in Doha.', 'The U.S. envoy was absent.']
    """
    punkt = _punkt()
    out: list[tuple[int, int, int]] = []
    for para_id, us, ue in _units(text):
        unit = text[us:ue]
        if not unit.strip():
            continue
        for s, e in punkt.span_tokenize(unit):
            seg = unit[s:e]
            # trim whitespace that Punkt may leave at the edges
            ls = len(seg) - len(seg.lstrip())
            rs = len(seg.rstrip())
            if rs > ls:
                out.append((para_id, us + s + ls, us + s + rs))
    return out


# --------------------------------------------------------------------------
# words
# --------------------------------------------------------------------------
_TOKEN_RE = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}              # U.S.  U.N.  p.m.
    | \d+(?:[.,]\d+)*%?             # 1,400  3.5  12%
    | \w+(?:[-']\w+)*               # Hamas  Israel-Hamas  don't
    | [^\w\s]                       # any other single symbol
    """,
    re.VERBOSE,
)


def tokenize_text(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of word and symbol tokens in ``text[start:end]``.

    Matching runs on :func:`fold` of the text, so ``Iran’s`` splits like
    ``Iran's``; a final possessive ``'s`` is its own token.

    Examples
    --------
    >>> t = "citing Iran’s strikes on U.S. bases — 1,400 killed"
    >>> [t[s:e] for s, e in tokenize_text(t)]
    ['citing', 'Iran', '’s', 'strikes', 'on', 'U.S.', 'bases', '—', '1,400', 'killed']
    """
    view = fold(text)
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(view, start, end):
        s, e = m.span()
        if e - s > 2 and view[e - 2] == "'" and view[e - 1] in "sS" and view[s].isalnum():
            spans.append((s, e - 2))
            spans.append((e - 2, e))
        else:
            spans.append((s, e))
    return spans


def _is_word(tok: str) -> bool:
    return any(ch.isalnum() for ch in tok)


def _doc_iter(corpus: Corpus) -> Iterable[tuple[str, str]]:
    docs = corpus.docs
    return zip(docs["doc_id"].tolist(), docs["text"].tolist())


def sentences(corpus: Corpus) -> pd.DataFrame:
    """Return one row per sentence of every document.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (str), ``sent_id`` (int, 0-based within the
        document), ``para_id`` (int, 0-based within the document), ``start``
        and ``end`` (int, half-open offsets into the cleaned text) and
        ``text`` (str, ``docs.text[start:end]``). Rows are ordered by
        document (corpus order), then by position.

    See Also
    --------
    tokens : word tokens with the same ``sent_id``.
    """
    cols: dict[str, list] = {c: [] for c in SENTENCE_COLUMNS}
    for doc_id, text in _doc_iter(corpus):
        for sent_id, (para_id, s, e) in enumerate(split_sentences(text)):
            cols["doc_id"].append(doc_id)
            cols["sent_id"].append(sent_id)
            cols["para_id"].append(para_id)
            cols["start"].append(s)
            cols["end"].append(e)
            cols["text"].append(text[s:e])
    return _frame(cols, SENTENCE_COLUMNS, ints=("sent_id", "para_id", "start", "end"))


def doc_tokens(text: str) -> list[tuple[int, int, int]]:
    """Return ``(sent_id, start, end)`` for every token of one document."""
    out: list[tuple[int, int, int]] = []
    for sent_id, (_, s, e) in enumerate(split_sentences(text)):
        out.extend((sent_id, ts, te) for ts, te in tokenize_text(text, s, e))
    return out


def tokens(corpus: Corpus) -> pd.DataFrame:
    """Return one row per token of every document.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (str), ``sent_id`` (int), ``token_id`` (int,
        0-based within the document), ``token`` (str, the text as written),
        ``lower`` (str, case-folded matching view: ``’s`` -> ``'s``),
        ``start``/``end`` (int, offsets into the cleaned text), ``is_word``
        (bool: contains a letter or digit) and ``is_stop`` (bool: in the
        shipped stopword list; all-caps acronyms such as ``US`` are never
        stopwords). Rows are ordered by document, then position.

    Notes
    -----
    Hyphenated compounds (``Israel-Hamas``) stay one token here; the actor
    matcher splits them.
    """
    stop = load_stopwords()
    cols: dict[str, list] = {c: [] for c in TOKEN_COLUMNS}
    for doc_id, text in _doc_iter(corpus):
        view = fold(text)
        for token_id, (sent_id, s, e) in enumerate(doc_tokens(text)):
            tok = text[s:e]
            low = view[s:e].casefold()
            cols["doc_id"].append(doc_id)
            cols["sent_id"].append(sent_id)
            cols["token_id"].append(token_id)
            cols["token"].append(tok)
            cols["lower"].append(low)
            cols["start"].append(s)
            cols["end"].append(e)
            cols["is_word"].append(_is_word(tok))
            cols["is_stop"].append(low in stop and not (tok.isupper() and len(tok) > 1))
    return _frame(cols, TOKEN_COLUMNS, ints=("sent_id", "token_id", "start", "end"))


def _frame(cols: dict[str, list], order: list[str], ints: tuple[str, ...]) -> pd.DataFrame:
    df = pd.DataFrame(cols, columns=order)
    for c in ints:
        df[c] = df[c].astype("int64")
    for c in ("is_word", "is_stop"):
        if c in df:
            df[c] = df[c].astype(bool)
    for c in ("doc_id", "text", "token", "lower"):
        if c in df:
            df[c] = df[c].astype(object)
    return df
