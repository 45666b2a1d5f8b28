"""Sentence and word tokenization with character offsets, fully offline.

Sentences are found with NLTK's Punkt algorithm (Kiss & Strunk 2006) built
from *shipped* parameters only (``data/abbreviations.txt``), never from a
pickled model in the user's ``nltk_data`` folder and never trained on the
corpus being analysed: the same text gives the same boundaries on every
machine, whatever else is in the corpus.

Before Punkt runs, the text is cut into paragraphs at blank lines, and a
line without final punctuation followed by a line break (a headline, a
caption, a list item) is a unit of its own; closing quotes and brackets at
a line's end count as final only after final punctuation (``said "no."``,
not ``Know "Pretty Little Liars"``). The sentence marks of scripts Punkt
does not know (``。！？``, Arabic ``؟``, Devanagari ``।``: :data:`TERMINALS`)
end a unit wherever they stand. Punkt runs inside those units, and needs
no ``nltk`` import: its patterns are written out here. After Punkt, a full
stop (or ``?``/``!``) glued between a word and the capitalised word of the
next sentence (``..., a spokesman said.According to ...``: text scraped or
pasted without the space) ends a sentence too (:func:`glued_ends`).

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
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from itertools import chain
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import regex

from ._parallel import check_n_jobs, ordered_map, small_pages
from ._patterns import SENTENCE_TERMINALS
from .corpus import require_corpus
from .errors import CorpusValueError

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "fold",
    "split_sentences",
    "sentence_batch",
    "glued_ends",
    "type_columns",
    "sentence_spans",
    "resolve_jobs",
    "AUTO_MIN_CHARS",
    "SENTENCE_CHARS_FACTOR",
    "doc_tokens",
    "token_batch",
    "last_at_or_before",
    "tokenize_text",
    "sentences",
    "tokens",
    "load_abbreviations",
    "load_stopwords",
    "stopword_language",
    "STOPWORD_LANGUAGES",
    "TERMINALS",
    "SENTENCE_COLUMNS",
    "TOKEN_COLUMNS",
    "FOLD_CHARS",
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


_FOLD_CHARS = {chr(k): v for k, v in _FOLD_MAP.items()}
#: What :func:`fold` replaces: each character with its one-character ASCII
#: stand-in (read-only; cleaning and matching share this one table).
FOLD_CHARS: Mapping[str, str] = MappingProxyType(_FOLD_CHARS)


_FOLD_PAIRS = tuple(_FOLD_CHARS.items())


_FOLD_RE = re.compile("[" + "".join(chr(c) for c in sorted(_FOLD_MAP)) + "]")


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
    try:  # not a str: no isinstance check on the hot path, a clear error instead
        if text.isascii():
            return text
        # one C-level str.replace per folded character present (every stand-in is
        # ASCII and no folded character is, so the order does not matter): about
        # 6x faster than a regex substitution with a Python callback per match
        for c, r in _FOLD_PAIRS:
            if c in text:
                text = text.replace(c, r)
    except (AttributeError, TypeError):
        raise CorpusValueError(
            f"text={text!r:.60} is a {type(text).__name__}, not a str: pass one text, e.g. "
            "fold(corpus.docs.text[0]); drop missing values from a column first."
        ) from None
    return text


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


#: The languages with a shipped stopword list: ISO 639-1 code -> English name
#: (``data/stopwords.txt`` for English, ``data/stopwords_<code>.txt`` for the others).
STOPWORD_LANGUAGES: Mapping[str, str] = MappingProxyType(
    {
        "en": "English",
        "ar": "Arabic",
        "da": "Danish",
        "de": "German",
        "es": "Spanish",
        "fi": "Finnish",
        "fr": "French",
        "hu": "Hungarian",
        "id": "Indonesian",
        "it": "Italian",
        "ms": "Malay",
        "nl": "Dutch",
        "no": "Norwegian",
        "pt": "Portuguese",
        "ru": "Russian",
        "sv": "Swedish",
    }
)


def stopword_language(language: str) -> str:
    """The ISO 639-1 code of ``language`` (a code or an English name, any case) with a shipped list.

    >>> stopword_language("German"), stopword_language("ES")
    ('de', 'es')
    """
    if isinstance(language, str):
        key = language.strip().lower()
        for code, name in STOPWORD_LANGUAGES.items():
            if key in (code, name.lower()):
                return code
    known = ", ".join(f"{c} ({n})" for c, n in STOPWORD_LANGUAGES.items())
    raise CorpusValueError(
        f"language={language!r}: no stopword list is shipped for it; pass one of {known}, "
        "or pass your own word set where a function takes stopwords."
    )


@lru_cache(maxsize=64)
def load_stopwords(language: str = "en") -> frozenset[str]:
    """Return the shipped stopword list of ``language`` (default English, ``data/stopwords.txt``).

    ``language`` is an ISO 639-1 code or English name from
    :data:`STOPWORD_LANGUAGES` (``"de"``, ``"German"``). Each list is a data file
    with its source and licence in its header: the Snowball lists (BSD-3-Clause)
    and reviewed Arabic and Malay subsets of stopwords-iso (MIT). Words are stored as
    the ``lower`` column writes them (:func:`fold`, then ``str.casefold``).

    >>> sorted(load_stopwords("de"))[:3], "the" in load_stopwords()
    (['aber', 'alle', 'allem'], True)
    """
    code = stopword_language(language)
    name = "stopwords.txt" if code == "en" else f"stopwords_{code}.txt"
    return frozenset(fold(w).casefold() for w in _read_list(name))


# --------------------------------------------------------------------------
# sentences
# --------------------------------------------------------------------------
_PARA_RE = re.compile(r"\n[ \t\f\v\r]*\n\s*")
#: Sentence-final marks of scripts Punkt does not know (it splits at ``.?!`` only):
#: the ideographic full stop (Chinese, Japanese) and its half-width form, full-width
#: ``！？``, the Arabic question mark and Urdu full stop, the Devanagari danda and
#: double danda, the Ethiopic full stop and the Myanmar section mark. Each ends a
#: sentence wherever it stands (CJK puts no space after it), with the closing
#: quotes and brackets right after it (:data:`_TERMINAL_RE`), except before the
#: Japanese quotative particle (``。」と述べた``: "..., he said").
TERMINALS = SENTENCE_TERMINALS  # one list: the line classifier (blocks) counts them too
_TERMINAL_RE = re.compile(
    f"[{TERMINALS}]+"
    "(?:[\u201d\u2019\u300d\u300f\uff09)\\]\u3011\u3015\u3009\u300b\u00bb]|[\"'](?=\\s|$))*"
)
_QUOTATIVE = "\u3068\u3063"  # と, っ (って)


def _terminal_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets in ``text[start:end]`` after each :data:`_TERMINAL_RE` match that ends a sentence.

    A match ending in a closing mark right before ``と``/``っ`` does not (a
    Japanese quote and its verb). One scan, so linear in the span.

    >>> list(_terminal_cuts("好。」と言った。他", 0, 9)), list(_terminal_cuts("好。他", 0, 3))
    ([8], [2])
    """
    for m in _TERMINAL_RE.finditer(text, start, end):
        e = m.end()
        if e < end and text[e] in _QUOTATIVE and text[e - 1] not in TERMINALS:
            continue
        yield e


#: A line ending in one of these ends a sentence (is not joined with the next line).
_FINAL_PUNCT = frozenset(".?!:;…" + TERMINALS)
#: Closing quotes and brackets: a line ending in them ends a sentence when the
#: character before them does (``said "no."``), or when there is none or a space;
#: ``How Well Do You Know "Pretty Little Liars"`` is a headline of its own.
_CLOSERS = frozenset("\"'”’)]")


def _line_final(text: str, bound: int, i: int) -> bool:
    """True if a line whose last non-space character is ``text[i]`` ends a sentence.

    ``bound`` is the paragraph's start: closing marks are skipped back to it.

    >>> _line_final('Know "Pretty Little Liars"', 0, 25), _line_final('said "no."', 0, 9)
    (False, True)
    """
    ch = text[i]
    if ch not in _CLOSERS:
        return ch in _FINAL_PUNCT
    while i > bound and text[i - 1] in _CLOSERS:
        i -= 1
    return i == bound or text[i - 1].isspace() or text[i - 1] in _FINAL_PUNCT


def _units(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield ``(para_id, start, end)`` for paragraphs and headline-like lines.

    A unit holding a :data:`TERMINALS` mark is cut after it (and the closing
    marks :data:`_TERMINAL_RE` takes with it).
    """
    if text.isascii():
        yield from _line_units(text)
        return
    for para_id, us, ue in _line_units(text):
        for cut in _terminal_cuts(text, us, ue):
            if cut < ue:
                yield para_id, us, cut
                us = cut
        yield para_id, us, ue


def _line_units(text: str) -> Iterator[tuple[int, int, int]]:
    """:func:`_units` before the cuts after :data:`TERMINALS`."""
    para_id = 0
    pos = 0
    n = len(text)
    for m in _PARA_RE.finditer(text):
        yield from _lines(text, pos, m.start(), para_id)
        para_id += 1
        pos = m.end()
    if pos < n:
        yield from _lines(text, pos, n, para_id)


def _next_lower(text: str, i: int, end: int) -> bool:
    r"""True when the first non-space character of ``text[i:end]`` is lower-case (a line
    that goes on a sentence: a hard-wrapped line is not cut there).

    >>> _next_lower("a\n  island b", 2, 12), _next_lower("a\nJapan", 2, 7), _next_lower("a\n ", 2, 3)
    (True, False, False)
    """
    while i < end and text[i].isspace():
        i += 1
    return i < end and text[i].islower()


def _lines(text: str, start: int, end: int, para_id: int) -> Iterator[tuple[int, int, int]]:
    """Split one paragraph at single line breaks that follow an unpunctuated line, unless
    the next line starts lower-case (it goes on the sentence) and the line is not all
    capitals (a headline)."""
    seg_start = start
    # ``last`` ends the last non-space character of text[seg_start:i] (seg_start if
    # none); each line is scanned once from its end, so a paragraph of many
    # punctuated lines (where seg_start does not move) stays linear
    last = line_start = start
    i = text.find("\n", start, end)
    while i != -1:
        j = i
        while j > line_start and text[j - 1].isspace():
            j -= 1
        # a line of spaces leaves ``last`` on a line already found to end a sentence
        if j > line_start:
            last = j
            if (
                last > seg_start
                and not _line_final(text, start, last - 1)
                and (text[line_start:j].isupper() or not _next_lower(text, i + 1, end))
            ):
                yield para_id, seg_start, i
                seg_start = last = i + 1
        line_start = i + 1
        i = text.find("\n", i + 1, end)
    yield para_id, seg_start, end


# A fast, exact re-implementation of PunktSentenceTokenizer.span_tokenize for
# Punkt parameters holding the shipped abbreviation types only (no collocations,
# no sentence starters, no orthographic statistics). It uses NLTK's own
# regular expressions and applies the same first- and second-pass rules to
# the same candidate contexts, without building PunktToken objects. Tests
# check it against NLTK's implementation on the seeds, on generated news
# text and on random punctuation soup (tests/test_tokenize.py).
#
# NLTK's patterns are written out below, not read from ``nltk`` at import
# (importing nltk.tokenize imports all of nltk: about 1.5 s), so splitting
# sentences needs no nltk import at all. They are NLTK 3.10's
# ``PunktLanguageVars`` and ``PunktToken`` patterns (Apache License 2.0),
# compiled with the same ``regex`` flags; tests/test_tokenize.py checks they
# equal the installed NLTK's, pattern text and flags.
_NON_WORD = r"""(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"""
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"""[^\(\"\`{\[:;&\#\*@\)}\]\-,]"""
_PERIOD_CONTEXT_FMT = r"""
        %(SentEndChars)s             # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s              # either other punctuation
            |
            \s+(?P<next_tok>\S+)     # or whitespace and some other token
        ))"""
_WORD_TOKENIZE_FMT = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )"""
_PERIOD_CONTEXT_RE = regex.compile(
    _PERIOD_CONTEXT_FMT % {"NonWord": _NON_WORD, "SentEndChars": r"[\.\?!]"},
    regex.UNICODE | regex.VERBOSE,
)
_PUNKT_WORD_RE = regex.compile(
    _WORD_TOKENIZE_FMT % {"NonWord": _NON_WORD, "MultiChar": _MULTI_CHAR, "WordStart": _WORD_START},
    regex.UNICODE | regex.VERBOSE,
)
_REALIGN_RE = regex.compile(
    r"""["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)""", regex.MULTILINE
)
_SENT_END_CHARS = (".", "?", "!")
_RE_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$", regex.UNICODE)
_RE_INITIAL = regex.compile(r"[^\W\d]\.$", regex.UNICODE)
_RE_ELLIPSIS = regex.compile(r"\.\.+$")
_PUNCTUATION = tuple(";:,.!?")
_OTHER_WHITESPACE = tuple(c for c in string.whitespace if c != " ")


def _token_breaks(tok: str, nxt: str, abbrev: frozenset[str]) -> bool:
    """Punkt's decision for ``tok`` followed by ``nxt`` (empty parameters but abbrevs)."""
    if len(tok) > 2 and tok[-1] == "." and tok[:-1].isalpha():
        # common case: a plain word with a final period (not a number, an
        # initial or an ellipsis): a break unless it is a known abbreviation
        return tok[:-1].lower() not in abbrev
    sentbreak = False
    if tok in _SENT_END_CHARS:
        sentbreak = True
    elif _RE_ELLIPSIS.match(tok):
        pass
    elif tok.endswith(".") and not tok.endswith(".."):
        low = tok[:-1].lower()
        if not (low in abbrev or low.split("-")[-1] in abbrev):
            sentbreak = True
    if not tok.endswith("."):
        return sentbreak
    typ = _RE_NUMERIC.sub("##number##", tok.lower())
    if len(typ) > 1 and typ[-1] == ".":
        typ = typ[:-1]
    initial = _RE_INITIAL.match(tok) is not None
    if initial or typ == "##number##":
        # orthographic heuristic with no statistics: punctuation and
        # lower-case words are never sentence starters, the rest "unknown"
        if nxt in _PUNCTUATION or nxt[0].islower():
            return False
        if initial and nxt[0].isupper():
            return False
    return sentbreak


def _contains_sentbreak(context: str, abbrev: frozenset[str]) -> bool:
    toks: list[str] = []
    for line in context.split("\n"):
        if line.strip():
            toks.extend(_PUNKT_WORD_RE.findall(line))
    for i in range(len(toks) - 1):
        if _token_breaks(toks[i], toks[i + 1], abbrev):
            return True
    return False


def _candidate_breaks(
    word: str, end: str, after: str, nxt: str | None, abbrev: frozenset[str]
) -> bool:
    """Punkt's decision for one candidate: ``word`` + ``end`` (``.?!``) + ``after``.

    ``after`` is the lookahead of the period-context pattern (one punctuation
    character, or whitespace and the next token ``nxt``).
    """
    if nxt is not None and word.isalpha() and nxt.isalpha() and end == ".":
        # "word. Next": Punkt's word tokens are exactly [word + ".", next]
        return _token_breaks(word + ".", nxt, abbrev)
    return _contains_sentbreak(word + end + after, abbrev)


@lru_cache(maxsize=1 << 16)
def _decide(word: str, end: str, after: str, nxt: str | None, abbrev: frozenset[str]) -> bool:
    """:func:`_candidate_breaks`, remembered: the same few contexts recur ("2004. The").

    >>> _decide("2004", ".", " The", "The", load_abbreviations())
    True
    """
    return _candidate_breaks(word, end, after, nxt, abbrev)


def _punkt_slices(text: str, abbrev: frozenset[str]) -> list[tuple[int, int]]:
    # PunktSentenceTokenizer._match_potential_end_contexts + _slices_from_text
    slices: list[tuple[int, int]] = []
    last_break = 0
    prev_start = prev_stop = 0
    prev_match = None
    candidates = []
    other_ws = [c for c in _OTHER_WHITESPACE if c in text]
    rfind = text.rfind
    for match in _PERIOD_CONTEXT_RE.finditer(text):
        # PunktSentenceTokenizer._get_last_whitespace_index(text[prev_stop:ms]), no slice
        ms = match.start()
        i = rfind(" ", prev_stop, ms)
        for c in other_ws:
            j = rfind(c, i + 1 if i >= 0 else prev_stop, ms)
            if j > i:
                i = j
        if i > prev_stop:
            idx = i + 1
        else:
            idx = prev_start
        if prev_match is not None and prev_stop <= idx:
            candidates.append((prev_match, prev_start, prev_stop))
        prev_match = match
        prev_start, prev_stop = idx, match.start()
    if prev_match is not None:
        candidates.append((prev_match, prev_start, prev_stop))
    for match, ws, we in candidates:
        if _candidate_breaks(
            text[ws:we], match.group(), match.group("after_tok"), match.group("next_tok"), abbrev
        ):
            slices.append((last_break, match.end()))
            if match.group("next_tok"):
                last_break = match.start("next_tok")
            else:
                last_break = match.end()
    slices.append((last_break, len(text.rstrip())))
    # PunktSentenceTokenizer._realign_boundaries
    out: list[tuple[int, int]] = []
    realign = 0
    n = len(slices)
    for i in range(n):
        s1 = slices[i][0] + realign
        e1 = slices[i][1]
        if i == n - 1:
            if text[s1:e1]:
                out.append((s1, e1))
            continue
        s2, e2 = slices[i + 1]
        m = _REALIGN_RE.match(text[s2:e2])
        if m:
            out.append((s1, s2 + len(m.group(0).rstrip())))
            realign = m.end()
        else:
            realign = 0
            if text[s1:e1]:
                out.append((s1, e1))
    return out


# the last text split and its sentences: a caller that splits a text and then hands it to
# another function that splits it again (the streaming path, then the actor matcher) pays once
_LAST_SPLIT: tuple[str, tuple[tuple[int, int, int], ...]] | None = None


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """Return ``(para_id, start, end)`` for every sentence of ``text``.

    Offsets are half-open character offsets into ``text``; surrounding
    whitespace is excluded, so ``text[start:end]`` is the sentence.

    Examples
    --------
    >>> t = "Mr. Zhai met envoys on Jan. 9 in Doha. The U.S. envoy was absent."
    >>> [t[s:e] for _, s, e in split_sentences(t)]
    ['Mr. Zhai met envoys on Jan. 9 in Doha.', 'The U.S. envoy was absent.']

    Notes
    -----
    The result is exactly that of NLTK's ``PunktSentenceTokenizer`` built
    from the shipped abbreviation list (``span_tokenize`` inside each
    paragraph or headline unit), computed by a faster re-implementation of
    the same rules; the test suite checks the two agree. One addition to
    Punkt: a full stop, ``?`` or ``!`` glued to the next sentence with no
    space (``said.According``) also ends a sentence (:func:`glued_ends`).
    """
    global _LAST_SPLIT
    last = _LAST_SPLIT
    if last is not None and last[0] is text:  # the same str object: the same sentences
        return list(last[1])
    out = _split_sentences(text)
    _LAST_SPLIT = (text, tuple(out))
    return out


def _split_sentences(text: str) -> list[tuple[int, int, int]]:
    abbrev = load_abbreviations()
    out: list[tuple[int, int, int]] = []
    for para_id, us, ue in _units(text):
        unit = text[us:ue]
        if not unit.strip():
            continue
        if "." not in unit and "?" not in unit and "!" not in unit:
            # no sentence-end character, no Punkt candidate: the unit is one sentence
            ls = len(unit) - len(unit.lstrip())
            out.append((para_id, us + ls, us + len(unit.rstrip())))
            continue
        out.extend((para_id, us + s, us + e) for s, e in _unit_sentences(unit, abbrev))
    cuts = glued_ends(text)
    if cuts and out:
        return [(a, b, c) for a, b, c in _cut_rows(np.array(out, dtype=np.int64), cuts).tolist()]
    return out


def _unit_sentences(unit: str, abbrev: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence spans of one unit that holds ``.?!``, whitespace trimmed from the edges."""
    out = []
    for s, e in _punkt_slices(unit, abbrev):
        seg = unit[s:e]
        # trim whitespace that Punkt may leave at the edges
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


# --------------------------------------------------------------------------
# glued sentence ends: "said.According to" (a scrape or a paste lost the space)
# --------------------------------------------------------------------------
#: ``.?!`` right before two letters; :func:`glued_ends` checks the rest on these few hits
_GLUED_RE = re.compile(r"[.?!](?<=\w\w[.?!])(?=\w\w)")
#: Top-level domains and file extensions: ``Healthcare.Gov``, ``Node.Js``, ``Index.Html``
#: are one name, not two sentences (``.com`` in lower case is never a candidate).
_NAME_ENDS = frozenset(
    "com org net gov edu mil int biz info io ai ly fm tv uk eu js ts py htm html php asp aspx "
    "jsp cgi pdf doc docx xls xlsx ppt csv txt xml json jpg jpeg png gif svg mp3 mp4 exe zip".split()
)

#: the word after a glued mark and the rest of its run of non-space characters
_GLUED_AFTER = re.compile(r"([^\W\d_]+)([^\s\x00]{0,100})")
#: a character right after the word after the mark that makes the run a name or code
_CODE_AFTER = frozenset("(@_/=<[{);")
#: code in the run of non-space characters before the mark (also ``://`` and ``www.``, a
#: web address; not ``@``: a handle ends a sentence)
_CODE_BEFORE = re.compile(r"[(=_<\[{]")
#: a full stop and the letters after it (a domain's top level, a file's extension)
_DOT_WORD = re.compile(r"\.([^\W\d_]+)")
#: an assignment after the word: ``options.IgnoreRequestContent = true``
_ASSIGN = re.compile(r" *:?=")
#: program code within 80 characters (also ``{``, ``}``, ``()``): ``checkpoint.Tree`` is a
#: field, not two sentences
_CODE_EQ = re.compile(r"[:=!]=")
#: the letters of the word before a glued full stop, read backwards, and a digit before them
_WORD_BACK = re.compile(r"([^\W\d_]+)(\d?)")
#: characters of the word before a glued full stop looked at: the longest abbreviation + 2
_ABBREV_SPAN = 12


def _glued_end(text: str, p: int, abbrev: frozenset[str]) -> bool:
    """True if the ``.?!`` at ``text[p]`` ends a sentence glued to the next one.

    A handful of C-level string operations per candidate (no loop over characters).
    """
    n = len(text)
    if p < 2 or p + 2 >= n or not (text[p - 2 : p] + text[p + 1 : p + 3]).isalpha():
        return False
    if not (text[p - 1].islower() and text[p + 1].isupper() and text[p + 2].islower()):
        return False
    seg = text[max(0, p - 200) : p + 1]
    # (a batch joins its texts with NUL: no window looks across it)
    run = seg[max(seg.rfind(" "), seg.rfind("\n"), seg.rfind("\t"), seg.rfind("\x00")) + 1 :]
    word = run[:-1]
    if not word.isalpha():  # (most runs are one word)
        if _CODE_BEFORE.search(run) or "://" in run or "www." in run.lower():
            return False  # a web address or code: www.Site.Com, f(index.Index)
        w = _WORD_BACK.match(run[-2 : -2 - _ABBREV_SPAN : -1])  # the word before, reversed
        word = w.group(1)[::-1] if w and not w.group(2) else ""
    if text[p] == "." and word.lower() in abbrev:
        return False  # Mr.Benn, Col.Tony, St.Louis; not "June 1st.The"
    m = _GLUED_AFTER.match(text, p + 1)
    if m is None or m.group(1).lower() in _NAME_ENDS:
        return False  # a domain or a file name: Healthcare.Gov, Node.Js
    rest = m.group(2)
    if rest:
        if rest[0] in _CODE_AFTER or rest[0] == "." and rest[1:2].isalnum():
            return False  # a name or code goes on: Blog.PrintRunner.com, fmt.Errorf(
        if any(d.lower() in _NAME_ENDS for d in _DOT_WORD.findall(rest)):
            return False  # a domain goes on: uk.Best-Price.com
    elif _ASSIGN.match(text, m.end(1)):
        return False
    near = text[max(0, p - 80) : p + 80]  # program code nearby: checkpoint.Tree is a field
    if "\x00" in near:
        i = min(p, 80)
        near = near[near.rfind("\x00", 0, i) + 1 :]
        i = near.find("\x00")
        near = near if i < 0 else near[:i]
    return not ("{" in near or "}" in near or "()" in near or "=" in near and _CODE_EQ.search(near))


def glued_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets just after each sentence end glued to the next sentence in ``text[start:end]``.

    A full stop, ``?`` or ``!`` between a word of two or more letters ending
    in a lower-case letter and a capitalised word (an upper-case letter, then
    a lower-case one) with no space between (``said.According``, ``Go!His``)
    ends a sentence, unless the word before is a shipped abbreviation
    (``Mr.Benn``), the word after is a top-level domain or a file extension
    (``Healthcare.Gov``, ``Node.Js``), or it sits in a web address
    (``www.Site.Com``). Numbers (``3.5``), initials (``J.K.Rowling``), all
    capitals (``ASP.NET``) and lower case after (``example.com``) never match.

    >>> t = "Sanders's campaign announced.This will be Mr.Benn's day at Healthcare.Gov."
    >>> [t[:i][-10:] for i in glued_ends(t)]
    ['announced.']
    """
    abbrev = load_abbreviations()
    return [
        m.start() + 1
        for m in _GLUED_RE.finditer(text, start, len(text) if end is None else end)
        if _glued_end(text, m.start(), abbrev)
    ]


def _batch_glued_ends(j: _Joined) -> list[int]:
    """:func:`glued_ends` of a batch's joined text: the few candidates found by array
    operations (a sentence-end mark between two letters and two letters, not an
    ASCII capital before it or an ASCII small letter after it), then checked one by one."""
    e = j.ends
    e = e[(e >= 2) & (e + 2 < j.n)]
    f = j.flags
    e = e[(f[e - 2] & f[e - 1] & f[e + 1] & f[e + 2] & _F_ALPHA) != 0]
    c = j.cps
    e = e[~(((c[e - 1] >= 65) & (c[e - 1] <= 90)) | ((c[e + 1] >= 97) & (c[e + 1] <= 122)))]
    if not len(e):
        return []
    big, abbrev = j.big, load_abbreviations()
    return [p + 1 for p in e.tolist() if _glued_end(big, p, abbrev)]


def _cut_rows(rows: np.ndarray, cuts: list[int]) -> np.ndarray:
    """``(para_id, start, end)`` rows, ordered by start, cut at each offset in ``cuts`` that
    lies strictly inside a row (a glued sentence end: nothing to trim at the cut)."""
    if not cuts or not len(rows):
        return rows
    c = np.asarray(cuts, dtype=rows.dtype)
    k = np.searchsorted(rows[:, 1], c, side="right") - 1
    ok = k >= 0
    c, k = c[ok], k[ok]
    c = c[(c > rows[k, 1]) & (c < rows[k, 2])]
    if not len(c):
        return rows
    starts = np.concatenate([rows[:, 1], c])
    starts.sort(kind="stable")
    row = np.searchsorted(rows[:, 1], starts, side="right") - 1
    ends = rows[row, 2].copy()
    same = row[:-1] == row[1:]
    ends[:-1][same] = starts[1:][same]
    return np.column_stack([rows[row, 0], starts, ends])


# --------------------------------------------------------------------------
# sentences of a batch of documents: the same splits, found by array operations
# --------------------------------------------------------------------------
# One pass of array operations over a batch of documents (joined by "\x00",
# which no pattern above crosses) finds the units and every Punkt candidate
# with the context Punkt looks at. The clear candidates, "word." with an
# alphabetic word of two or more letters, are decided for the whole batch at
# once (a break unless the word is a shipped abbreviation, no break before an
# alphabetic token when it is); only the rest (initials, numbers, "?", "!",
# abbreviations before punctuation) go through :func:`_candidate_breaks`, the
# code split_sentences runs. Whitespace beyond ASCII (a no-break space) is
# whitespace to Punkt's patterns and to str.isspace alike, so a unit holding it
# is split here too, with its words still cut at ASCII whitespace only (as
# Punkt finds a word's start); only a unit holding U+001C..U+001F, whitespace to
# str.isspace but not to the patterns' \s, is split by split_sentences' own
# per-unit path. Tests check the two agree.
_F_WS, _F_ODD, _F_ALPHA, _F_END, _F_AFTER, _F_QUOTE, _F_FINAL, _F_CLOSE = (
    1,
    2,
    4,
    8,
    16,
    32,
    64,
    128,
)
_ASCII_SPACE = " \t\n\r\x0b\x0c"
#: whitespace to ``str.isspace`` or to the ``regex`` module's ``\s``, but not ASCII whitespace
_ODD_SPACE = (
    "\x1c\x1d\x1e\x1f\x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
#: Punkt's one-character lookahead after a candidate (``PunktLanguageVars._re_non_word_chars``)
_AFTER_CHARS = "!\"'()*:;?@[]{}«»‘’“”"
#: the characters Punkt's boundary realignment moves back to the previous sentence
_QUOTE_CHARS = "\"')]}«»‘’“”"


_FLAG_CHARS = (
    (_F_WS, _ASCII_SPACE),
    (_F_ODD, _ODD_SPACE),
    (_F_END, ".?!"),
    (_F_AFTER, _AFTER_CHARS),
    (_F_QUOTE, _QUOTE_CHARS),
    (_F_FINAL, "".join(sorted(_FINAL_PUNCT))),
    (_F_CLOSE, "".join(sorted(_CLOSERS))),
)


def _sent_flag(ch: str) -> int:
    """The character's bit flags for the batch splitter."""
    flag = _F_ALPHA if ch.isalpha() else 0
    for bit, chars in _FLAG_CHARS:
        if ch in chars:
            flag |= bit
    return flag


@lru_cache(maxsize=1)
def _bmp_sent_flags() -> np.ndarray:
    """Flags of every code point below U+10000 (64 KB, built once)."""
    flags = np.array([c.isalpha() for c in map(chr, range(0x10000))], dtype=np.uint8) * _F_ALPHA
    for bit, chars in _FLAG_CHARS:
        flags[[ord(c) for c in chars]] |= bit
    return flags


@lru_cache(maxsize=1)
def _latin1_sent_flags() -> bytes:
    """:func:`_bmp_sent_flags` of U+0000..U+00FF as a ``bytes.translate`` table."""
    return _bmp_sent_flags()[:256].tobytes()


class _Joined:
    """A batch's joined text as arrays; every position is an offset into ``big``.

    Positions of the few character kinds the splitter asks about are kept
    sorted, and questions ("the first non-space at or after i") are answered
    by binary search at the positions asked, not by a pass over every character.
    """

    def __init__(self, big: str) -> None:
        self.big = big
        table = _bmp_sent_flags()
        # characters below U+0100 (nearly all of a news text) by one bytes.translate,
        # the few others by the table: a NumPy lookup would widen every index to 64 bits
        low = _latin1_sent_flags()
        if big.isascii():  # one byte per character: a quarter of the memory traffic
            raw = big.encode("ascii")
            self.cps = cps = np.frombuffer(raw, dtype=np.uint8)
            flags = _lookup_bytes(raw, low)
        else:
            self.cps = cps = np.frombuffer(big.encode("utf-32-le", "surrogatepass"), np.uint32)
            flags = _lookup_bytes(cps.astype(np.uint8).tobytes(), low)  # right below U+0100
            wide = np.flatnonzero(cps > 0xFF)
            wcp = cps[wide]
            bmp = wcp < 0x10000
            flags[wide[bmp]] = table.take(wcp[bmp])
            astral = np.flatnonzero(~bmp)
            flags[wide[astral]] = [_sent_flag(chr(c)) for c in wcp[astral].tolist()]
        self.n = len(cps)
        self.flags = flags
        # one pass picks out the whitespace and sentence-end characters (a few in ten)
        mask = _F_WS | _F_ODD | _F_END
        sel = np.flatnonzero((flags & (mask if cps.dtype == np.uint8 else mask | _F_FINAL)) != 0)
        f = flags[sel]
        # TERMINALS (none in ASCII text): the non-ASCII final marks but the ellipsis
        t = sel[(f & _F_FINAL) != 0]
        self.term = t[(cps[t] > 0x7F) & (cps[t] != 0x2026)] if cps.dtype != np.uint8 else t[:0]
        self.ws = sel[(f & _F_WS) != 0]
        self.odd = sel[(f & _F_ODD) != 0]
        self.ends = sel[(f & _F_END) != 0]
        self.space = space = sel[(f & (_F_WS | _F_ODD)) != 0]
        # the whitespace of str.isspace that the regex module's \s is not (U+001C..U+001F)
        self.sep = self.odd[cps[self.odd] <= 0x1F]
        cut = np.flatnonzero(np.diff(space) != 1)
        # whitespace runs [run_s, run_e)
        self.run_s = space[np.concatenate([[0], cut + 1])] if len(space) else space
        self.run_e = space[np.append(cut, len(space) - 1)] + 1 if len(space) else space

    def _run(self, i: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Index of the whitespace run holding each ``i``, and whether one does."""
        k = np.searchsorted(self.run_s, i, side="right") - 1
        inside = (k >= 0) & (i < self.run_e[np.maximum(k, 0)]) if len(self.run_s) else k >= 0
        return k, inside

    def next_ns(self, i: np.ndarray) -> np.ndarray:
        """First non-space position ``>= i`` (``n`` if none)."""
        k, inside = self._run(i)
        return np.where(inside, self.run_e[np.maximum(k, 0)] if len(self.run_e) else i, i)

    def last_ns(self, i: np.ndarray) -> np.ndarray:
        """Last non-space position ``<= i`` (-1 if none)."""
        k, inside = self._run(i)
        return np.where(inside, self.run_s[np.maximum(k, 0)] - 1 if len(self.run_s) else i, i)

    def last_ws(self, i: np.ndarray) -> np.ndarray:
        """Last ASCII whitespace position ``< i`` (-1 if none)."""
        k = np.searchsorted(self.ws, i, side="left") - 1
        return np.where(k >= 0, self.ws[np.maximum(k, 0)] if len(self.ws) else -1, -1)

    def next_ws(self, i: np.ndarray) -> np.ndarray:
        """First ASCII whitespace position ``>= i`` (``n`` if none)."""
        return np.append(self.ws, self.n)[np.searchsorted(self.ws, i, side="left")]

    def next_space(self, i: np.ndarray) -> np.ndarray:
        """First whitespace position ``>= i``, ASCII or not (``n`` if none)."""
        return np.append(self.space, self.n)[np.searchsorted(self.space, i, side="left")]

    @staticmethod
    def count(pos: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """How many of the sorted positions ``pos`` lie in ``[a, b)``."""
        return np.searchsorted(pos, b, side="left") - np.searchsorted(pos, a, side="left")


def _pairs(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted starts and sorted ends: spans that cut disjoint, ordered ranges pair up."""
    return np.sort(starts, kind="stable"), np.sort(ends, kind="stable")


def _paragraph_breaks(j: _Joined) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the matches of ``_PARA_RE`` in ``j.big``, by array operations.

    The pattern is a line break, spaces or tabs, a second line break, then
    every whitespace character after it: a match ends where its whitespace
    run ends, so a run holds at most one match, starting at the run's first
    line break whose next line break follows with only ``[ \\t\\f\\v\\r]`` between.

    >>> s, e = _paragraph_breaks(_Joined("a\\n\\nb\\n \\n\\u00a0 c\\n d\\n\\u00a0\\n\\ne"))
    >>> s.tolist(), e.tolist()
    ([1, 4, 15], [3, 9, 17])
    """
    is_nl = j.cps[j.ws] == 10
    nl = j.ws[is_nl]
    at = np.flatnonzero(is_nl)  # index of each line break among the ASCII whitespace
    # between two line breaks only ASCII whitespace (no other "\n"): as many ws as characters
    ok = np.diff(at) == np.diff(nl)
    cand = nl[:-1][ok]
    run = np.searchsorted(j.run_s, cand, side="right") - 1
    first = np.ones(len(cand), dtype=bool)
    first[1:] = run[1:] != run[:-1]
    return cand[first].astype(np.int64), j.run_e[run[first]].astype(np.int64)


def _batch_units(j: _Joined, doc_start: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(para_id, start, end)`` of every unit with text: :func:`_units` of each document."""
    n_docs = len(doc_start) - 1
    br_s, br_e = _paragraph_breaks(j)
    ps, pe = _pairs(
        np.concatenate([doc_start[:-1], br_e]), np.concatenate([br_s, doc_start[1:] - 1])
    )
    pdoc = np.searchsorted(doc_start, ps, side="right") - 1
    para_id = np.arange(len(ps)) - np.searchsorted(pdoc, np.arange(n_docs), side="left")[pdoc]
    # line breaks inside a paragraph after a line that ends without final punctuation
    nl = j.ws[j.cps[j.ws] == 10]
    k = np.searchsorted(ps, nl, side="right") - 1
    inside = (k >= 0) & (nl < pe[np.maximum(k, 0)])
    nl, k = nl[inside], k[inside]
    line_start = np.maximum(np.concatenate([[0], nl[:-1] + 1]), ps[k])
    last = j.last_ns(nl - 1)
    lf = j.flags[np.maximum(last, 0)]
    cut = (last >= line_start) & ((lf & (_F_FINAL | _F_CLOSE)) == 0)
    # a line ending in closing marks: decided by the character before them (few lines)
    closed = np.flatnonzero((last >= line_start) & ((lf & _F_CLOSE) != 0))
    cut[closed] = [
        not _line_final(j.big, b, i)
        for b, i in zip(ps[k[closed]].tolist(), last[closed].tolist(), strict=True)
    ]
    # a line that the next one, starting lower-case, goes on is not cut (hard-wrapped
    # text), unless it is all capitals (a headline)
    at = np.flatnonzero(cut)
    nxt = j.next_ns(nl[at] + 1)
    at, nxt = at[nxt < pe[k[at]]], nxt[nxt < pe[k[at]]]
    ch = j.cps[nxt]
    low = (ch >= 97) & (ch <= 122)
    wide = np.flatnonzero(ch > 127)
    low[wide] = [j.big[x].islower() for x in nxt[wide].tolist()]
    at = at[low]
    big = j.big
    caps = [
        big[a:b].isupper()
        for a, b in zip(line_start[at].tolist(), (last[at] + 1).tolist(), strict=True)
    ]
    cut[at[~np.array(caps, dtype=bool)]] = False
    us, ue = _pairs(np.concatenate([ps, nl[cut] + 1]), np.concatenate([pe, nl[cut]]))
    upara = para_id[np.searchsorted(ps, us, side="right") - 1]
    if len(j.term):
        upara, us, ue = _batch_terminal_cuts(j, upara, us, ue)
    keep = j.next_ns(us) < ue
    return upara[keep], us[keep], ue[keep]


def _batch_terminal_cuts(
    j: _Joined, upara: np.ndarray, us: np.ndarray, ue: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The units ``us:ue`` cut after their :data:`TERMINALS` marks, as :func:`_units` cuts them."""
    cuts: list[int] = []
    for a, b in zip(*(x[j.count(j.term, us, ue) > 0].tolist() for x in (us, ue)), strict=True):
        cuts.extend(c for c in _terminal_cuts(j.big, a, b) if c < b)
    if not cuts:
        return upara, us, ue
    c = np.array(cuts, dtype=np.int64)
    us2, ue2 = _pairs(np.concatenate([us, c]), np.concatenate([ue, c]))
    return upara[np.searchsorted(us, us2, side="right") - 1], us2, ue2


class _Candidates(NamedTuple):
    """The candidates Punkt keeps, with the spans of its context (offsets into ``big``)."""

    p: np.ndarray  # the ".?!" character
    u: np.ndarray  # index of its unit
    word: np.ndarray  # start of the word before it (the word is big[word:p])
    nt_s: np.ndarray  # start of the next token (p + 1 when the lookahead is punctuation)
    nt_e: np.ndarray  # end of the lookahead
    punct: np.ndarray  # the lookahead is one punctuation character (no next token)


def _candidates(j: _Joined, us: np.ndarray, ue: np.ndarray) -> _Candidates:
    """:func:`_punkt_slices`' candidates in every unit ``us:ue`` at once."""
    p = j.ends
    u = np.searchsorted(us, p, side="right") - 1
    ok = u >= 0
    ok[ok] = p[ok] < ue[u[ok]]
    p, u = p[ok], u[ok]
    end = ue[u]
    nx = np.minimum(p + 1, j.n - 1)
    within = p + 1 < end
    punct = within & ((j.flags[nx] & _F_AFTER) != 0)
    # whitespace to Punkt's \s: ASCII or not (a unit holding U+001C..U+001F, which str.isspace
    # calls whitespace and \s does not, is not split here)
    ws = within & ~punct & ((j.flags[nx] & (_F_WS | _F_ODD)) != 0) & (j.next_ns(p + 1) < end)
    keep = punct | ws
    p, u, punct, end = p[keep], u[keep], punct[keep], end[keep]
    nt_s = np.where(punct, p + 1, j.next_ns(p + 1))
    # the next token runs to the next whitespace or the unit end
    nt_e = np.where(punct, p + 2, np.minimum(j.next_space(nt_s), end))
    # the word: from the last whitespace after the previous candidate, else the previous word's
    first = np.ones(len(p), dtype=bool)
    first[1:] = u[1:] != u[:-1]
    prev = np.where(first, us[u], np.concatenate([[0], p[:-1]]))
    lw = j.last_ws(p)
    val = np.where(lw > prev, lw + 1, np.where(first, us[u], -1))
    fill = np.maximum.accumulate(np.where(val >= 0, np.arange(len(p)), 0)) if len(p) else val
    word = val[fill]
    # a candidate whose word the next candidate shares is dropped
    last = np.ones(len(p), dtype=bool)
    last[:-1] = u[1:] != u[:-1]
    kept = last | (p <= np.append(word[1:], 0))
    return _Candidates(p[kept], u[kept], word[kept], nt_s[kept], nt_e[kept], punct[kept])


@lru_cache(maxsize=8)
def _longest(words: frozenset[str]) -> int:
    """Length of the longest string in ``words`` (0 if none)."""
    return max(map(len, words), default=0)


def _all_letters(j: _Joined, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``j.big[a:b].isalpha()`` for every span (each at least one character), from the flags.

    >>> j = _Joined("Mr. No1 \u00e9t\u00e9 \U0001d400b")
    >>> _all_letters(j, np.array([0, 4, 8, 12]), np.array([2, 7, 11, 14])).tolist()
    [True, False, True, True]
    """
    n = (b - a).astype(np.int64)
    if not len(n):
        return np.zeros(0, dtype=bool)
    first = np.cumsum(n) - n
    at = np.repeat(a - first, n) + np.arange(int(n.sum()), dtype=np.int64)
    other = ((j.flags[at] & _F_ALPHA) == 0).astype(np.int64)
    return np.add.reduceat(other, first) == 0


_PACK = 8  # letters of a word packed into one uint64 key (a byte each)


@lru_cache(maxsize=4)
def _packed_abbrevs(abbrev: frozenset[str]) -> np.ndarray:
    """Sorted uint64 keys of the abbreviations of at most ``_PACK`` ASCII letters: the
    letters' bytes, the first in the lowest byte (:func:`_known_abbrev`)."""
    keys = [
        int.from_bytes(w.encode("ascii"), "little")
        for w in abbrev
        if w.isascii() and w.isalpha() and len(w) <= _PACK
    ]
    return np.unique(np.array(keys, dtype=np.uint64))


def _known_abbrev(j: _Joined, a: np.ndarray, b: np.ndarray, abbrev: frozenset[str]) -> np.ndarray:
    """``j.big[a:b].lower() in abbrev`` for every span of letters only (one or more), by arrays.

    A word of at most ``_PACK`` ASCII letters is lower-cased by setting bit 5 of each
    letter and packed into one uint64, then looked up among :func:`_packed_abbrevs`
    (an ASCII word lower-cases to ASCII, so only those abbreviations can be it); a
    longer or non-ASCII word ("K" with the Kelvin sign lower-cases to "k") is looked up
    as a string.

    >>> j = _Joined("Gen. Calif. Kelvin \u212a. \u00e9t\u00e9.")
    >>> _known_abbrev(j, np.array([0, 5, 12, 19, 22]), np.array([3, 10, 18, 20, 25]),
    ...               frozenset({"gen", "calif", "k"})).tolist()
    [True, True, False, True, False]
    """
    out = np.zeros(len(a), dtype=bool)
    if not len(a):
        return out
    n = b - a
    k = np.arange(min(_PACK, int(n.max())))
    inside = k[None, :] < n[:, None]
    ch = j.cps[np.where(inside, a[:, None] + k[None, :], 0)].astype(np.uint64)
    ch[~inside] = 0
    fits = (n <= _PACK) & (ch < 128).all(axis=1)
    low = np.where(inside, ch | np.uint64(0x20), np.uint64(0)) << (
        np.uint64(8) * k.astype(np.uint64)
    )
    out[fits] = _in_sorted(np.bitwise_or.reduce(low[fits], axis=1), _packed_abbrevs(abbrev))
    rest = np.flatnonzero(~fits)
    big = j.big
    out[rest] = [
        big[x:y].lower() in abbrev for x, y in zip(a[rest].tolist(), b[rest].tolist(), strict=True)
    ]
    return out


def _breaks(j: _Joined, c: _Candidates, abbrev: frozenset[str]) -> np.ndarray:
    """Punkt's decision for every candidate: clear ones by arrays, the rest one by one."""
    big = j.big
    dot = np.flatnonzero((c.p - c.word >= 2) & (j.cps[c.p] == 46))
    # 0: not a plain word, 1: a plain word, 2: a plain word that is a known abbreviation
    kind = np.zeros(len(c.p), dtype=np.int8)
    plain = dot[_all_letters(j, c.word[dot], c.p[dot])]
    kind[plain] = 1
    # lower() never shortens a string: a word longer than every abbreviation is none
    short = plain[c.p[plain] - c.word[plain] <= _longest(abbrev)]
    kind[short] = 1 + _known_abbrev(j, c.word[short], c.p[short], abbrev)
    brk = kind == 1
    rest = np.flatnonzero(kind != 1)
    for i, p, a, s, e, punct, k in zip(
        rest.tolist(),
        c.p[rest].tolist(),
        c.word[rest].tolist(),
        c.nt_s[rest].tolist(),
        c.nt_e[rest].tolist(),
        c.punct[rest].tolist(),
        kind[rest].tolist(),
        strict=True,
    ):
        nxt = None if punct else big[s:e]
        if k == 2 and nxt is not None and nxt.isalpha():
            continue  # "Mr. Smith": Punkt's fast path, no break
        brk[i] = _decide(big[a:p], big[p], big[p + 1 : e], nxt, abbrev)
    return brk


def _in_sorted(values: np.ndarray, sorted_: np.ndarray) -> np.ndarray:
    """``np.isin(values, sorted_)`` for a sorted ``sorted_``, by binary search (no hashing).

    >>> _in_sorted(np.array([3, 1, 9, 4]), np.array([1, 3, 3, 8])).tolist()
    [True, True, False, False]
    """
    if not len(sorted_):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_, values), len(sorted_) - 1)
    return sorted_[at] == values


def _punkt_batch(j: _Joined, us: np.ndarray, ue: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Stripped sentence spans ``(unit, start, end)`` of the units ``us:ue`` (:func:`_punkt_slices`)."""
    c = _candidates(j, us, ue)
    brk = _breaks(j, c, load_abbreviations())
    bp, bnext = c.p[brk], c.nt_s[brk]
    starts, ends = _pairs(
        np.concatenate([us, bnext]), np.concatenate([bp + 1, j.last_ns(ue - 1) + 1])
    )
    # boundary realignment: closing quotes and brackets after a break join the sentence before
    q = np.flatnonzero((j.flags[np.minimum(starts, j.n - 1)] & _F_QUOTE) != 0)
    q = q[(q > 0) & (starts[q] < ends[q])]
    q = q[_in_sorted(starts[q], bnext)]  # not a unit's first slice
    big = j.big
    for i in q.tolist():
        m = _REALIGN_RE.match(big, int(starts[i]), int(ends[i]))
        if m:
            ends[i - 1] = starts[i] + len(m.group(0).rstrip())
            starts[i] = m.end()
    unit = np.searchsorted(us, starts, side="right") - 1
    a = j.next_ns(starts)
    b = j.last_ns(ends - 1) + 1
    keep = a < ends
    return unit[keep], np.stack([a[keep], b[keep]], axis=1)


def sentence_batch(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, counts)``: :func:`split_sentences` of every text, computed for the batch at once.

    ``rows`` holds the ``(para_id, start, end)`` rows of all texts in order
    (int64, shape ``(n, 3)``), ``counts`` the number of sentences per text.

    >>> rows, counts = sentence_batch(["Mr. Li left. He came back.", "", "Headline\\nBody."])
    >>> rows.tolist(), counts.tolist()
    ([[0, 0, 12], [0, 13, 26], [0, 0, 8], [0, 9, 14]], [2, 0, 2])
    """
    n_docs = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n_docs)
    doc_start = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(lengths + 1, out=doc_start[1:])
    j = _Joined("\x00".join(texts))
    para, us, ue = _batch_units(j, doc_start)
    has_end = j.count(j.ends, us, ue) > 0
    is_odd = has_end & (j.count(j.sep, us, ue) > 0)  # U+001C..U+001F: split one by one
    plain = ~has_end
    parts = [np.stack([para[plain], j.next_ns(us[plain]), j.last_ns(ue[plain] - 1) + 1], axis=1)]
    pk = has_end & ~is_odd
    unit, spans = _punkt_batch(j, us[pk], ue[pk])
    parts.append(np.column_stack([para[pk][unit], spans]))
    abbrev = load_abbreviations()
    for pid, a, b in zip(
        para[is_odd].tolist(), us[is_odd].tolist(), ue[is_odd].tolist(), strict=True
    ):
        sents = _unit_sentences(j.big[a:b], abbrev)
        parts.append(
            np.array([(pid, a + s, a + e) for s, e in sents], dtype=np.int64).reshape(-1, 3)
        )
    out = np.concatenate(parts).astype(np.int64, copy=False)
    out = _cut_rows(out[np.argsort(out[:, 1], kind="stable")], _batch_glued_ends(j))
    doc = np.searchsorted(doc_start, out[:, 1], side="right") - 1
    out[:, 1] -= doc_start[doc]
    out[:, 2] -= doc_start[doc]
    return out, np.bincount(doc, minlength=n_docs).astype(np.int64)


# --------------------------------------------------------------------------
# words
# --------------------------------------------------------------------------
# Characters that continue a word but are not \w in Python's re: the combining
# marks (Unicode categories Mn, Mc, Me: Devanagari and Bengali vowel signs, Thai
# vowels and tone marks, Arabic harakat) and the zero-width joiners ZWNJ/ZWJ
# (Persian and Indic spelling; the cleaner keeps them). No such character is
# alphanumeric or whitespace. Marks lie in planes 0, 1 and 14 only (the others
# hold ideographs, private use or nothing), so only those are scanned.
_JOINERS = (0x200C, 0x200D)


def _continuer_ranges() -> list[tuple[int, int]]:
    """Inclusive code point ranges of the word-continuing characters (built once, at import)."""
    cps = sorted(
        {i for i in chain(range(0x20000), range(0xE0000, 0xE1000)) if _is_mark(chr(i))}
        | set(_JOINERS)
    )
    ranges: list[tuple[int, int]] = []
    for cp in cps:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return ranges


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _class_escape(cp: int) -> str:
    return f"\\U{cp:08x}" if cp > 0xFFFF else f"\\u{cp:04x}"


#: The characters that continue a word (combining marks and joiners,
#: :func:`_continuer_ranges`) as ``[...]`` contents: another word pattern that must
#: keep marks as :data:`TOKEN_RE` does can use ``rf"\w[\w{WORD_CONT}]*"``.
WORD_CONT = "".join(
    _class_escape(a) if a == b else f"{_class_escape(a)}-{_class_escape(b)}"
    for a, b in _continuer_ranges()
)

#: The one definition of a token, matched on the :func:`fold` view of a text
#: (possessive ``'s`` then split off by :func:`is_possessive`); every path that
#: tokenizes or counts (``tokens()``, ``corpus_tools.counts``, streaming) uses it.
#: A word (or number) is a word character followed by word characters and
#: combining marks or joiners (``WORD_CONT``): ``हुए``, ``में``, ``السَّلَامُ`` are
#: one token each. A mark that does not follow a word character (after a space,
#: a symbol or at the start) is a symbol token of its own, like any ``[^\w\s]``.
TOKEN_RE = re.compile(
    rf"""
    (?:[A-Za-z]\.){{2,}}                                  # U.S.  U.N.  p.m.
    | \d[\d{WORD_CONT}]*(?:[.,]\d[\d{WORD_CONT}]*)*%?     # 1,400  3.5  12%
    | \w[\w{WORD_CONT}]*(?:[-']\w[\w{WORD_CONT}]*)*       # Hamas  Israel-Hamas  don't  हुए
    | [^\w\s]                                            # any other single symbol
    """,
    re.VERBOSE,
)
_APOS = ord("'")
_S_LOWER = ord("s")
_S_UPPER = ord("S")
_UNDERSCORE = ord("_")


def is_possessive(tok: str) -> bool:
    """True if a :data:`TOKEN_RE` match (on the folded view) ends in a possessive ``'s``.

    Such a match is two tokens: ``tok[:-2]`` and ``tok[-2:]``.

    >>> is_possessive("Iran's"), is_possessive("'s"), is_possessive("don't")
    (True, False, False)
    """
    return len(tok) > 2 and tok[-2] == "'" and tok[-1] in "sS" and tok[0].isalnum()


def _view_spans(view: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans of an already folded ``view`` (possessive ``'s`` split off)."""
    end = len(view) if end is None else end
    spans: list[tuple[int, int]] = []
    for m in TOKEN_RE.finditer(view, start, end):
        s, e = m.span()
        if is_possessive(m.group()):
            spans.append((s, e - 2))
            spans.append((e - 2, e))
        else:
            spans.append((s, e))
    return spans


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
    return _view_spans(fold(text), start, end)


# a word character that is not "_": in Python's re, \w is str.isalnum() plus "_"
_ALNUM_RE = re.compile(r"[^\W_]")


def is_word(tok: str) -> bool:
    """True if the token contains a letter or digit (``str.isalnum``; the ``is_word`` column).

    >>> is_word("U.S."), is_word("—"), is_word("_")
    (True, False, False)
    """
    return _ALNUM_RE.search(tok) is not None


def is_stopword(tok: str, lower: str, stop: frozenset[str]) -> bool:
    """The ``is_stop`` column: ``lower`` is in ``stop``, unless ``tok`` is an all-caps acronym.

    >>> stop = frozenset({"us", "the"})
    >>> is_stopword("us", "us", stop), is_stopword("US", "us", stop)
    (True, False)
    """
    return lower in stop and not (tok.isupper() and len(tok) > 1)


_SPLIT_RE = re.compile("(" + TOKEN_RE.pattern + ")", re.VERBOSE)


def split_tokens(view: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """``starts, ends`` (int64) and strings (from ``view``) of all tokens, possessives split.

    One ``re.split`` with the token pattern captured gives the gaps and the
    tokens in order, so offsets are a cumulative sum of piece lengths (no
    match object per token).
    """
    parts = _SPLIT_RE.split(view)
    lens = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    offsets = np.cumsum(lens) - lens  # start of every piece
    starts = offsets[1::2].copy()
    ends = starts + lens[1::2]
    toks = parts[1::2]
    if "'" not in view or len(starts) == 0:
        return starts, ends, toks
    cps = np.frombuffer(view.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if len(cps) != len(view):  # pragma: no cover - defensive
        raise RuntimeError("unexpected code point count")
    long = (ends - starts) > 2
    cand = np.flatnonzero(long)
    e = ends[cand]
    poss = (
        (cps[e - 2] == _APOS)
        & ((cps[e - 1] == _S_LOWER) | (cps[e - 1] == _S_UPPER))
        & (cps[starts[cand]] != _UNDERSCORE)  # first char is \w: alnum unless "_"
    )
    split = cand[poss]
    if len(split) == 0:
        return starts, ends, toks
    counts = np.ones(len(starts), dtype=np.int64)
    counts[split] = 2
    new_starts = np.repeat(starts, counts)
    new_ends = np.repeat(ends, counts)
    last = np.cumsum(counts) - 1  # position of the (last) copy of each token
    second = last[split]
    first = second - 1
    new_ends[first] = ends[split] - 2
    new_starts[second] = ends[split] - 2
    new_toks: list[str] = []
    prev = 0
    for i in split.tolist():
        new_toks.extend(toks[prev:i])
        t = toks[i]
        new_toks.append(t[:-2])
        new_toks.append(t[-2:])
        prev = i + 1
    new_toks.extend(toks[prev:])
    return new_starts, new_ends, new_toks


# --------------------------------------------------------------------------
# vectorised token spans: TOKEN_RE without a Python step per token
# --------------------------------------------------------------------------
# Character classes as TOKEN_RE's (str-pattern, Unicode) re sees them:
# \s is str.isspace, \d is str.isdecimal, \w is str.isalnum or "_", and WORD_CONT
# (a combining mark or joiner: part of the word before it, else a symbol).
_SPACE, _SYMBOL, _WORDCH, _DIGIT, _CONTCH = 0, 1, 2, 3, 4
_PERCENT = ord("%")
_CONT_RE = re.compile(f"[{WORD_CONT}]")


def _char_class(ch: str) -> int:
    if ch.isspace():
        return _SPACE
    if ch.isdecimal():
        return _DIGIT
    if ch.isalnum() or ch == "_":
        return _WORDCH
    if _CONT_RE.match(ch):
        return _CONTCH
    return _SYMBOL


@lru_cache(maxsize=1)
def _bmp_classes() -> np.ndarray:
    """Class of every code point below U+10000 (64 KB, built once)."""
    return np.array([_char_class(chr(i)) for i in range(0x10000)], dtype=np.uint8)


def _classes(cps: np.ndarray) -> np.ndarray:
    table = _bmp_classes()
    astral = cps >= 0x10000
    if not astral.any():
        return table[cps]
    out = table[np.where(astral, 0, cps)]
    where = np.flatnonzero(astral)
    out[where] = [_char_class(chr(c)) for c in cps[where].tolist()]
    return out


def _after(mask: np.ndarray) -> np.ndarray:
    """``mask`` shifted one place right (``out[i] = mask[i - 1]``, False first)."""
    out = np.zeros_like(mask)
    out[1:] = mask[:-1]
    return out


def _before(mask: np.ndarray) -> np.ndarray:
    """``mask`` shifted one place left (``out[i] = mask[i + 1]``, False last)."""
    out = np.zeros_like(mask)
    out[:-1] = mask[1:]
    return out


def token_spans(view: str) -> tuple[np.ndarray, np.ndarray]:
    """``starts, ends`` (int64) of all :data:`TOKEN_RE` tokens of ``view``, possessives split.

    Equal to the spans of :func:`split_tokens`, computed with array operations.
    No alternative of the pattern matches whitespace or looks behind, and
    every other character is matched by a word run or ``[^\\w\\s]``, so the
    tokens of a text are the tokens of its whitespace-separated chunks. A
    combining mark or joiner belongs to the word run before it, or is a
    symbol when none is (:func:`_resolve_continuers`). A
    chunk of symbols around at most one run of word characters (``said.",``,
    ``(Reuters)``, ``हुए।``) is tokenized by the rule "the word run is one token, each
    symbol is one token" (unless the run starts with a digit and is not all
    digits, or sits before ``%``); the few other chunks (``U.S.``, ``1,400``,
    ``don't``, ``Iran's``, ``20th``) go through the regular expression,
    joined into one string.

    >>> v = fold('He said: "U.S. troops (1,400) left." Iran’s 20th.')
    >>> s, e = token_spans(v)
    >>> [v[a:b] for a, b in zip(s.tolist(), e.tolist())][4:]
    ['U.S.', 'troops', '(', '1,400', ')', 'left', '.', '"', 'Iran', "'s", '20', 'th', '.']
    """
    if not view:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    cps = np.frombuffer(view.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls = _classes(cps)
    if not view.isascii():  # (str.isascii is a flag lookup)
        _resolve_continuers(cls)
    word = cls >= _WORDCH
    symbol = cls == _SYMBOL
    run_start = word & ~_after(word)
    start_m = symbol | run_start
    end_m = symbol | (word & ~_before(word))
    nonspace = cls != _SPACE
    cs = np.flatnonzero(nonspace & ~_after(nonspace))  # chunk starts
    if len(cs) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    ce = np.flatnonzero(nonspace & ~_before(nonspace)) + 1  # chunk ends
    hard = _regex_chunks(cls, cps, run_start, cs)
    if len(hard):
        s_k, e_k = cs[hard], ce[hard]
        edge = np.zeros(len(view) + 1, np.int8)
        edge[s_k] = 1
        edge[e_k] -= 1
        inside = np.cumsum(edge[:-1], dtype=np.int8).view(bool)
        start_m &= ~inside
        end_m &= ~inside
        js, je = _chunk_regex_spans(view, s_k, e_k)
        start_m[js] = True
        end_m[je - 1] = True
    # tokens never overlap: the i-th start and the i-th end belong together
    return np.flatnonzero(start_m).astype(np.int64), np.flatnonzero(end_m).astype(np.int64) + 1


def _resolve_continuers(cls: np.ndarray) -> None:
    """Reclass every :data:`_CONTCH` in place: a word character if it continues a word, else a symbol.

    A combining mark or joiner continues a word when the last character
    before it that is not one is a word character (``\\w``): it joins that
    run (so ``\\d`` runs with marks count as mixed and go to the regex, as
    ``20th`` does). Any other one is a single symbol, as ``[^\\w\\s]``
    matches it.
    """
    where = np.flatnonzero(cls == _CONTCH)
    if len(where) == 0:
        return
    base = np.flatnonzero(cls != _CONTCH)
    k = np.searchsorted(base, where) - 1  # the last other character before each
    owner = cls[base[np.maximum(k, 0)]] if len(base) else np.zeros(len(where), cls.dtype)
    cls[where] = np.where((k >= 0) & (owner >= _WORDCH), _WORDCH, _SYMBOL)


def _regex_chunks(
    cls: np.ndarray, cps: np.ndarray, run_start: np.ndarray, cs: np.ndarray
) -> np.ndarray:
    """Indices of the chunks (starting at ``cs``) the simple rule does not cover."""
    runs = np.add.reduceat(run_start, cs, dtype=np.int32)
    hard = runs > 1
    digit_run = np.add.reduceat(run_start & (cls == _DIGIT), cs, dtype=np.int32) > 0
    if digit_run.any():
        # \d+ first: "20th" is two tokens, "12%" one
        other = (cls == _WORDCH) | (cps == _PERCENT)
        hard |= digit_run & (np.add.reduceat(other, cs, dtype=np.int32) > 0)
    return np.flatnonzero(hard)


def _chunk_regex_spans(
    view: str, s_k: np.ndarray, e_k: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`split_tokens` spans of the chunks ``view[s_k:e_k]``, as offsets into ``view``."""
    joined = " ".join([view[a:b] for a, b in zip(s_k.tolist(), e_k.tolist(), strict=True)])
    js, je, _ = split_tokens(joined)
    width = e_k - s_k + 1
    jstart = np.cumsum(width) - width
    k = np.searchsorted(jstart, js, side="right") - 1
    shift = s_k[k] - jstart[k]
    return js + shift, je + shift


@lru_cache(maxsize=1)
def _byte_space() -> bytes:
    """``str.isspace`` of every ASCII byte as a ``bytes.translate`` table (1 or 0 per byte value).

    Bytes of wider characters map to 0. A translation runs in C at about a byte
    a nanosecond, three times a NumPy table lookup (which first widens every
    byte to a 64-bit index).
    """
    return bytes(int(i < 0x80 and chr(i).isspace()) for i in range(256))


def _lookup_bytes(data: bytes, table: bytes) -> np.ndarray:
    """``table[b]`` for every byte ``b`` of ``data``, as a writable uint8 array.

    >>> _lookup_bytes(b"ab\\xff", bytes((i + 1) % 256 for i in range(256))).tolist()
    [98, 99, 0]
    """
    return np.frombuffer(bytearray(data.translate(table)), dtype=np.uint8)


def _mark_wide_space(b: np.ndarray, space: np.ndarray) -> None:
    """Set ``space`` at every byte of the non-ASCII characters ``str.isspace`` calls whitespace.

    ``b`` is UTF-8; each such character is two or three bytes (none lies
    beyond U+FFFF), so its code point is read from its first bytes and
    looked up in the BMP class table.
    """
    lead = np.flatnonzero((b >= 0xC2) & (b < 0xF0))  # first byte of a 2- or 3-byte character
    lead = lead[lead + 1 < len(b)]
    b0 = b[lead].astype(np.int64)
    b1 = b[lead + 1].astype(np.int64) & 0x3F
    three = b0 >= 0xE0
    b2 = np.zeros(len(lead), np.int64)
    b2[three] = b[np.minimum(lead[three] + 2, len(b) - 1)] & 0x3F
    cp = np.where(three, ((b0 & 0x0F) << 12) | (b1 << 6) | b2, ((b0 & 0x1F) << 6) | b1)
    hit = _bmp_classes()[cp] == _SPACE
    for width in (2, 3):
        at = lead[hit & (three == (width == 3))]
        for k in range(width):
            space[at + k] = True


def _piece_cuts(text: str) -> tuple[bytes, np.ndarray, np.ndarray]:
    """UTF-8 bytes of ``text``, and where its whitespace-separated chunks start, in bytes and in characters.

    Whitespace is ``str.isspace`` (that of :func:`fold`'s view too: fold maps
    spaces to spaces and nothing else to a space). Found on the UTF-8 bytes,
    a quarter of the memory of the code points: ASCII whitespace by a byte
    table, the few wider whitespace characters by one bytes pattern.

    >>> raw, at_byte, at_char = _piece_cuts("é b\u00a0c ")
    >>> at_byte.tolist(), at_char.tolist()
    ([0, 3, 6], [0, 2, 4])
    """
    raw = text.encode("utf-8", "surrogatepass")
    b = np.frombuffer(raw, dtype=np.uint8)
    space = _lookup_bytes(raw, _byte_space()).view(bool)
    wide = len(raw) != len(text)
    if wide:
        _mark_wide_space(b, space)
    nonspace = ~space
    at_byte = np.flatnonzero(nonspace & ~_after(nonspace)).astype(np.int64)
    if not wide:
        return raw, at_byte, at_byte
    # a character's offset: its byte offset less the continuation bytes before it
    cont = np.flatnonzero((b & 0xC0) == 0x80)
    return raw, at_byte, at_byte - np.searchsorted(cont, at_byte, side="left")


def _distinct_pieces(raw: bytes, offs: np.ndarray) -> tuple[np.ndarray, str, np.ndarray]:
    """``(codes, joined, widths)`` of the byte spans ``raw[offs[k]:offs[k + 1]]``.

    The spans are one Arrow array over ``raw`` (no copy), hashed by Arrow;
    the distinct pieces (first-use order) come back as one string, read from
    the dictionary's bytes at once, and each one's width in characters (no
    Python string per piece).

    >>> raw = "ab é ab ".encode()
    >>> codes, joined, widths = _distinct_pieces(raw, np.array([0, 3, 6, 9]))
    >>> codes.tolist(), joined, widths.tolist()
    ([0, 1, 0], 'ab é ', [3, 2])
    """
    arr = pa.LargeStringArray.from_buffers(len(offs) - 1, pa.py_buffer(offs), pa.py_buffer(raw))
    enc = pc.dictionary_encode(arr)
    codes = enc.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    d = enc.dictionary
    bounds = np.frombuffer(d.buffers()[1], dtype=np.int64, count=len(d) + 1, offset=8 * d.offset)
    data = d.buffers()[2]
    joined = str(memoryview(data)[int(bounds[0]) : int(bounds[-1])], "utf-8") if data else ""
    widths = np.asarray(pc.utf8_length(d).to_numpy(zero_copy_only=False), dtype=np.int64)
    return codes, joined, widths


def chunk_tokens(text: str, view: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """:func:`token_spans` of ``view`` and :func:`token_codes` of them in ``text``, at once.

    ``view`` is :func:`fold` of ``text``. Tokens never cross whitespace, so
    the text is cut into pieces (a whitespace-separated chunk and the
    whitespace after it), each distinct piece is tokenized once and its
    tokens are repeated wherever it occurs: the pattern runs over the
    distinct pieces (a fifth of a news text), not over every character.
    Types come in order of first use, as from :func:`token_codes`.

    >>> t = "a b. a b."
    >>> s, e, codes, types = chunk_tokens(t, fold(t))
    >>> [types[c] for c in codes.tolist()], s.tolist()
    (['a', 'b', '.', 'a', 'b', '.'], [0, 2, 3, 5, 7, 8])
    """
    starts, ends, codes, types = _chunk_tokens(text)
    return starts, ends, codes, types.to_pylist()


def _chunk_tokens(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, pa.Array]:
    """:func:`chunk_tokens` with the types as an Arrow array (the distinct pieces are folded here)."""
    raw, cut_bytes, cs = _piece_cuts(text)
    if len(cs) == 0:
        empty = np.empty(0, np.int64)
        return empty, empty, empty, pa.array([], pa.large_string())
    # each distinct piece ends in whitespace but the text's last one
    piece_code, joined, widths = _distinct_pieces(raw, np.append(cut_bytes, len(raw)))
    dstart = np.cumsum(widths) - widths
    ts, te = token_spans(fold(joined + " "))
    tpiece = np.searchsorted(dstart, ts, side="right") - 1
    tcodes, types = _codes(joined, ts, te)
    ntok = np.bincount(tpiece, minlength=len(widths))
    tfirst = np.cumsum(ntok) - ntok
    # every occurrence of a piece gets its distinct piece's tokens, shifted by where the
    # occurrence starts less where the distinct piece starts (one value per occurrence)
    cnt = ntok[piece_code]
    idx = np.arange(int(cnt.sum()), dtype=np.int64) + np.repeat(
        tfirst[piece_code] - (np.cumsum(cnt) - cnt), cnt
    )
    shift = np.repeat(cs - dstart[piece_code], cnt)
    return ts[idx] + shift, te[idx] + shift, tcodes[idx], types


def token_codes(text: str, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """``(codes, types)``: ``text[starts[i]:ends[i]] == types[codes[i]]``, types in order of first use.

    The strings are cut from the UTF-8 bytes of ``text`` and hashed by Arrow
    (``dictionary_encode``): no Python string per token, one per distinct token.

    >>> codes, types = token_codes("a b a", np.array([0, 2, 4]), np.array([1, 3, 5]))
    >>> codes.tolist(), types
    ([0, 1, 0], ['a', 'b'])
    """
    codes, types = _codes(text, starts, ends)
    return codes, types.to_pylist()


def _byte_offsets(raw: bytes, chars: np.ndarray) -> np.ndarray:
    """UTF-8 byte offsets in ``raw`` of the character offsets ``chars``.

    A character's byte offset is its character offset plus the continuation
    bytes of the characters before it; each continuation byte is found once
    (its character is its byte offset less the continuation bytes up to it),
    so the work is a pass over the bytes and a binary search per offset, not
    an array per character.

    >>> raw = "é a€b".encode()
    >>> _byte_offsets(raw, np.array([0, 1, 2, 3, 4, 5])).tolist()
    [0, 2, 3, 4, 7, 8]
    """
    cont = np.flatnonzero((np.frombuffer(raw, dtype=np.uint8) & 0xC0) == 0x80)
    owner = cont - np.arange(1, len(cont) + 1)  # the character each continuation byte is part of
    return chars + np.searchsorted(owner, chars, side="left")


def _codes(text: str, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, pa.Array]:
    """:func:`token_codes` with the types as an Arrow array (no Python string made)."""
    raw = text.encode("utf-8", "surrogatepass")
    bs, be = starts, ends
    if len(raw) != len(text):  # byte offsets differ from character offsets
        bs, be = _byte_offsets(raw, starts), _byte_offsets(raw, ends)
    n = len(bs)
    offs = np.empty(2 * n, np.int64)
    offs[0::2], offs[1::2] = bs, be
    if n and bool((offs[1:] >= offs[:-1]).all()):  # ordered, non-overlapping spans
        # tokens and the gaps between them, as one Arrow array over the text's own
        # bytes (no copy): element 2k is token k, element 2k + 1 the gap after it
        arr = pa.LargeStringArray.from_buffers(2 * n - 1, pa.py_buffer(offs), pa.py_buffer(raw))
        enc = pc.dictionary_encode(arr)
        ind = enc.indices.to_numpy(zero_copy_only=False)
        tok = ind[0::2]
        used = np.zeros(len(enc.dictionary), dtype=bool)
        used[tok] = True
        gap = np.zeros(len(enc.dictionary), dtype=bool)
        gap[ind[1::2]] = True
        if not (used & gap).any():  # no gap reads like a token: keep only the tokens' strings
            new_code = np.cumsum(used) - 1
            return new_code[tok].astype(np.int64), enc.dictionary.filter(pa.array(used))
    lens = be - bs
    offs = np.zeros(len(lens) + 1, np.int64)
    np.cumsum(lens, out=offs[1:])
    idx = np.arange(offs[-1], dtype=np.int64) + np.repeat(bs - offs[:-1], lens)
    data = np.frombuffer(raw, dtype=np.uint8)[idx]
    arr = pa.LargeStringArray.from_buffers(len(lens), pa.py_buffer(offs), pa.py_buffer(data))
    enc = pc.dictionary_encode(arr)
    codes = enc.indices.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    return codes, enc.dictionary


def _doc_token_arrays(
    text: str, sents: list[tuple[int, int, int]] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``sent_id, start, end`` arrays for every token of one document.

    Tokens are matched once over the whole folded document and assigned to
    sentences by offset; where a token would cross a sentence boundary (or
    lie outside every sentence) the document falls back to matching inside
    each sentence, which is the definition.
    """
    if sents is None:
        sents = split_sentences(text)
    view = fold(text)
    starts, ends = token_spans(view)
    if sents:
        sarr = np.array(sents, dtype=np.int64).reshape(-1, 3)
        s_starts, s_ends = sarr[:, 1], sarr[:, 2]
    else:
        s_starts = s_ends = np.empty(0, dtype=np.int64)
    k = np.searchsorted(s_starts, starts, side="right") - 1
    ok = len(s_starts) > 0 or len(starts) == 0
    if ok and len(starts):
        kk = np.clip(k, 0, None)
        ok = bool(((k >= 0) & (ends <= s_ends[kk])).all())
    if ok:
        return k.astype(np.int64), starts, ends
    out = [
        (sid, ts, te)
        for sid, (_, ss, se) in enumerate(sents)
        for ts, te in _view_spans(view, ss, se)
    ]
    arr = np.array(out, dtype=np.int64).reshape(-1, 3)
    return arr[:, 0], arr[:, 1], arr[:, 2]


def doc_tokens(text: str) -> list[tuple[int, int, int]]:
    """Return ``(sent_id, start, end)`` for every token of one document.

    Examples
    --------
    >>> t = "Talks ended. Iran’s envoy left."
    >>> [(sid, t[s:e]) for sid, s, e in doc_tokens(t)][:4]
    [(0, 'Talks'), (0, 'ended'), (0, '.'), (1, 'Iran')]
    """
    sid, st, en = _doc_token_arrays(text)
    return list(zip(sid.tolist(), st.tolist(), en.tolist(), strict=False))


def _doc_iter(corpus: Corpus) -> Iterable[tuple[str, str]]:
    docs = corpus.docs
    return zip(docs["doc_id"].tolist(), docs["text"].tolist(), strict=False)


def sentences(corpus: Corpus, *, n_jobs: int | None = None) -> pd.DataFrame:
    """Return one row per sentence of every document.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    n_jobs : int or None, default None
        Processes splitting batches of documents; the table does not depend
        on it. ``None``: every usable core (at most 4) for a corpus of at
        least :data:`SENTENCE_CHARS_FACTOR` x :data:`AUTO_MIN_CHARS`
        characters, one process below that; ``1``: never a pool.

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
    require_corpus(corpus, "sentences")
    col = corpus.docs["text"]
    arrow = _arrow_text(col)
    pieces: list[Any] = []
    add = _add_arrow_slices if arrow else _add_slices
    if corpus.is_cached(_SPANS_KEY):
        rows, first = sentence_spans(corpus, n_jobs=n_jobs)
        for i, j in _batch_bounds(len(col), 1):
            add(pieces, col, i, rows[first[i] : first[j]], np.diff(first[i : j + 1]))
    else:  # each batch's sentence texts sliced while the next batches are split
        if n_jobs is not None:
            check_n_jobs(n_jobs)
        jobs = resolve_jobs(n_jobs, col, sentences_only=True, chars=_total_chars(corpus))
        rows, first = corpus.cached(
            _SPANS_KEY, lambda: _corpus_spans(col, jobs, lambda *part: add(pieces, *part))
        )
    counts = np.diff(first)
    ids = np.array(corpus.docs["doc_id"].tolist() + [""], dtype=object)[:-1]
    doc = np.repeat(np.arange(len(col)), counts)
    sent_id = np.arange(len(rows), dtype=np.int64) - first[:-1][doc] if len(rows) else doc
    starts, ends = rows[:, 1], rows[:, 2]
    cols: dict[str, Any] = {
        "doc_id": pd.Series(ids[doc], dtype=object, copy=False),
        "sent_id": sent_id.astype(np.int64),
        "para_id": rows[:, 0].astype(np.int64),
        "start": starts.astype(np.int64),
        "end": ends.astype(np.int64),
        "text": _text_series(pieces, col.dtype if arrow else None),
    }
    # object columns handed over as object Series: no inferred (Arrow) string column
    # built and converted back; the arrays are new, so no copy either
    return pd.DataFrame(cols, columns=SENTENCE_COLUMNS, copy=False)


def _arrow_text(col: pd.Series) -> bool:
    """True when the text column is pandas' Arrow-backed ``str`` (its values never null):
    the sentences' texts are then cut from its UTF-8 bytes, as one more such column."""
    dtype = col.dtype
    return (
        isinstance(dtype, pd.StringDtype)
        and dtype.storage == "pyarrow"
        and not (len(col) and bool(col.isna().any()))
    )


def _text_series(pieces: list[Any], dtype: Any) -> pd.Series:
    """The sentences' ``text`` column: Arrow chunks (``dtype``, the documents' text dtype),
    or Python strings as an object column when ``dtype`` is None."""
    if dtype is not None:
        chunked = pa.chunked_array(pieces, type=pa.large_string())
        return pd.Series(pd.array(chunked, dtype=dtype), copy=False)
    # (fromiter: no search of every string for nested sequences, as np.array makes)
    text = np.fromiter(pieces, dtype=object, count=len(pieces))
    return pd.Series(text, dtype=object, copy=False)


def _add_arrow_slices(
    out: list[Any], col: pd.Series, i: int, rows: np.ndarray, counts: np.ndarray
) -> None:
    """:func:`_add_slices` cutting the sentences from the UTF-8 bytes of the Arrow text
    column: one Arrow array of the batch's sentences is appended (no Python string).

    >>> col = pd.Series(["Iran’s envoy. He left.", "Hi."], dtype=pd.StringDtype("pyarrow"))
    >>> out = []; _add_arrow_slices(out, col, 0, np.array([[0, 0, 13], [0, 14, 22], [0, 0, 3]]),
    ...                             np.array([2, 1]))
    >>> out[0].to_pylist()
    ['Iran’s envoy.', 'He left.', 'Hi.']
    """
    arr = pa.array(col.iloc[i : i + len(counts)], type=pa.large_string())
    if isinstance(arr, pa.ChunkedArray):  # the batch spans chunks of the column: one copy
        arr = arr.combine_chunks()
    n = len(rows)
    if n == 0:
        out.append(pa.array([], pa.large_string()))
        return
    offs = np.frombuffer(arr.buffers()[1], np.int64, count=len(arr) + 1, offset=8 * arr.offset)
    base = int(offs[0])
    data = np.frombuffer(arr.buffers()[2], np.uint8)[base : int(offs[-1])]
    doc_byte = offs[:-1] - base  # each document's first byte in ``data``
    doc = np.repeat(np.arange(len(counts)), counts)
    bounds = np.empty(2 * n, np.int64)  # (start, end) of every sentence, interleaved
    bounds[0::2], bounds[1::2] = rows[:, 1], rows[:, 2]
    cont = np.flatnonzero((data & 0xC0) == 0x80)
    if len(cont):  # characters beyond ASCII: character offsets to byte offsets
        # each document's first character, counted over ``data``; a character's byte is
        # its character index plus the continuation bytes of the characters before it
        doc_char = doc_byte - np.searchsorted(cont, doc_byte, side="left")
        owner = cont - np.arange(1, len(cont) + 1)
        chars = bounds + np.repeat(doc_char[doc], 2)
        bounds = chars + np.searchsorted(owner, chars, side="left")
    else:
        bounds += np.repeat(doc_byte[doc], 2)
    # sentences and the gaps between them, one Arrow array over the batch's bytes (no
    # copy): element 2k is sentence k, taken out into an array of their own
    both = pa.LargeStringArray.from_buffers(2 * n - 1, pa.py_buffer(bounds), pa.py_buffer(data))
    out.append(both.take(pa.array(np.arange(0, 2 * n - 1, 2))))


def _add_slices(
    out: list[str], col: pd.Series, i: int, rows: np.ndarray, counts: np.ndarray
) -> None:
    """Append the sentence texts of documents ``i, i + 1, ...`` of ``col`` to ``out``:
    ``rows`` (``para_id, start, end``) hold ``counts[k]`` sentences of document ``i + k``."""
    texts = col.iloc[i : i + len(counts)].tolist()
    st, en = rows[:, 1].tolist(), rows[:, 2].tolist()
    a = 0
    for t, n in zip(texts, counts.tolist(), strict=True):
        out.extend([t[s:e] for s, e in zip(st[a : a + n], en[a : a + n], strict=True)])
        a += n


_SPANS_KEY = "tokenize.sentence_spans"


def _spans_chunk(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, counts)``: ``(para_id, start, end)`` rows of ``texts`` and sentences per text."""
    rows, counts = sentence_batch(texts)
    return compact_rows(rows), counts


def compact_rows(rows: np.ndarray) -> np.ndarray:
    """Sentence rows as int32 when every value fits (offsets are within one document).

    The rows kept on a corpus take 12 bytes a sentence instead of 24; a
    document of 2**31 characters or more keeps int64.

    >>> compact_rows(np.array([[0, 0, 5]])).dtype, compact_rows(np.array([[0, 0, 2**31]])).dtype
    (dtype('int32'), dtype('int64'))
    """
    return rows.astype(np.int32) if int(rows.max(initial=0)) < 2**31 else rows


def _join_spans(
    parts: list[tuple[np.ndarray, np.ndarray]], n_texts: int
) -> tuple[np.ndarray, np.ndarray]:
    first = np.zeros(n_texts + 1, dtype=np.int64)
    if parts:
        np.cumsum(np.concatenate([c for _, c in parts]), out=first[1:])
    rows = np.concatenate([r for r, _ in parts]) if parts else np.empty((0, 3), dtype=np.int32)
    return rows, first


def _spans_of(texts: list[str], n_jobs: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, first)``: ``(para_id, start, end)`` rows of all texts, and each text's first row."""
    size = _batch_size(len(texts), n_jobs)
    chunks = (texts[i : i + size] for i in range(0, len(texts), size))
    n_jobs = n_jobs if len(texts) > size else 1
    return _join_spans(list(ordered_map(_spans_chunk, chunks, n_jobs, keep=True)), len(texts))


#: with ``n_jobs=None``, a corpus of fewer characters is tokenized in one process: below
#: it, starting a pool and sending results back cost more than a second core saves
#: (real text tokenizes at ~0.06 CPU s per million characters; a pool adds ~20 %)
AUTO_MIN_CHARS = 16_000_000
#: splitting sentences alone is a third of tokenizing's work per character: a pool
#: for it alone needs this many times :data:`AUTO_MIN_CHARS` characters
SENTENCE_CHARS_FACTOR = 3

# the text column of the corpus being split, shared with forked workers (copy on write)
_SHARED: dict[str, Any] = {}


def _share_texts(col: Any) -> None:
    """The text column the batch jobs read (in a forked worker: inherited, no copy).

    Also the pool initializer; ``ordered_map`` has already frozen the heap a
    worker inherits, so its collections do not walk (and copy) the parent's pages.
    """
    _SHARED["texts"] = col


def _texts(i: int, j: int) -> list[str]:
    """Texts ``i:j`` of the shared column, as Python strings (one batch at a time)."""
    return list(_SHARED["texts"].iloc[i:j].tolist())


def resolve_jobs(
    n_jobs: int | None, texts: pd.Series, *, sentences_only: bool = False, chars: int | None = None
) -> int:
    """Processes for splitting and tokenizing ``texts``: ``n_jobs``, or chosen when None.

    ``None`` uses every usable core (at most 4) for a corpus of at least
    :data:`AUTO_MIN_CHARS` characters (:data:`SENTENCE_CHARS_FACTOR` times
    that when only sentences are split), one process below that or inside a
    worker process. ``chars``: the characters of ``texts`` when known (else counted).
    """
    if n_jobs is not None:
        return check_n_jobs(n_jobs)
    import multiprocessing as mp

    from .io.batches import auto_jobs

    if mp.parent_process() is not None or len(texts) < 2:
        return 1
    if chars is None:
        chars = int(texts.str.len().sum()) if len(texts) else 0
    least = AUTO_MIN_CHARS * (SENTENCE_CHARS_FACTOR if sentences_only else 1)
    return auto_jobs() if chars >= least else 1


def _batch_bounds(n_docs: int, n_jobs: int) -> list[tuple[int, int]]:
    size = _batch_size(n_docs, n_jobs)
    return [(i, min(i + size, n_docs)) for i in range(0, n_docs, size)]


def _spans_job(bounds: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Worker: :func:`sentence_batch` of the shared texts ``i:j`` (rows as :func:`compact_rows`)."""
    return _spans_chunk(_texts(*bounds))


def _corpus_spans(
    col: pd.Series, n_jobs: int, each: Callable[..., object] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, first)`` of the texts ``col``; ``each(col, i, rows, counts)`` is called for
    every batch (documents from ``i``) as it comes back, while the pool splits the next ones."""
    bounds = _batch_bounds(len(col), n_jobs)
    n_jobs = n_jobs if len(bounds) > 1 else 1
    _share_texts(col)
    parts = []
    try:
        for (i, _), part in zip(
            bounds,
            ordered_map(
                _spans_job, bounds, n_jobs, initializer=_share_texts, initargs=(col,), keep=True
            ),
            strict=True,
        ):
            parts.append(part)
            if each is not None:
                each(col, i, *part)
    finally:
        _SHARED.clear()
    return _join_spans(parts, len(col))


def sentence_spans(corpus: Corpus, n_jobs: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Sentence spans of every document, computed once per ``Corpus`` and kept on it.

    ``sentences()`` and ``tokens()`` both need them; a ``Corpus`` is immutable,
    so the spans are cached on the object: ``rows`` (``para_id, start, end``;
    int32, 12 bytes a sentence, when they fit: :func:`compact_rows`) and
    ``first`` (int64, each document's first row, one more than documents). The text
    column is read a batch at a time; ``n_jobs`` as in :func:`resolve_jobs`.
    """
    if n_jobs is not None:
        check_n_jobs(n_jobs)
    col = corpus.docs["text"]

    def spans() -> tuple[np.ndarray, np.ndarray]:
        chars = _total_chars(corpus)
        return _corpus_spans(col, resolve_jobs(n_jobs, col, sentences_only=True, chars=chars))

    return corpus.cached(_SPANS_KEY, spans)


def _doc_chars(corpus: Corpus) -> np.ndarray:
    """Each document's length (int64): the ``n_chars`` column a :class:`Corpus` sets from
    its texts (an Arrow text column's lengths are counted anew by every ``str.len``: 0.1 CPU s
    per 100,000 long documents, in the loading process while no worker runs)."""
    docs = corpus.docs
    if "n_chars" in docs.columns and docs["n_chars"].dtype == np.int64:
        return docs["n_chars"].to_numpy()
    return docs["text"].str.len().fillna(0).to_numpy(dtype=np.int64)  # pragma: no cover


def _total_chars(corpus: Corpus) -> int:
    """The characters of every document's text (:func:`_doc_chars` summed)."""
    return int(_doc_chars(corpus).sum())


def token_batch(
    texts: list[str], spans: tuple[np.ndarray, np.ndarray] | None = None
) -> dict[str, Any]:
    """Tokenize a batch of documents at once (the fast path behind :func:`tokens`).

    ``spans`` is ``(rows, first)`` as computed for ``texts`` by the sentence
    splitter (``(para_id, start, end)`` rows and each text's first row); it is
    computed when not given.

    Returns a dict of arrays, one entry per token in document order:
    ``doc`` (int64, index into ``texts``), ``sent_id``, ``token_id``,
    ``start``, ``end`` (int64, offsets into that document), ``token``
    (list of str, the text as written), and ``n_sents`` (int64, sentences
    per document, one entry per text). Equal, row for row, to
    :func:`doc_tokens` applied to each text.

    Examples
    --------
    >>> b = token_batch(["One two.", "Iran’s envoy."])
    >>> b["token"], b["doc"].tolist(), b["start"].tolist()
    (['One', 'two', '.', 'Iran', '’s', 'envoy', '.'], [0, 0, 0, 1, 1, 1, 1], [0, 4, 7, 0, 4, 7, 12])
    """
    b = coded_batch(texts, spans)
    b["token"] = _objects(b.pop("types"))[b.pop("codes")].tolist()
    return b


def last_at_or_before(bounds: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """For each of the sorted positions ``pos``, the index of the last of the sorted ``bounds`` <= it (-1 if none).

    Equal to ``np.searchsorted(bounds, pos, side="right") - 1``, found by
    placing the few bounds among the many positions and counting: one
    binary search per bound, not per position.

    >>> last_at_or_before(np.array([0, 10, 20]), np.array([0, 3, 10, 15, 25])).tolist()
    [0, 0, 1, 1, 2]
    >>> last_at_or_before(np.array([5]), np.array([1, 5])).tolist()
    [-1, 0]
    """
    at = np.searchsorted(pos, bounds, side="left")
    return np.cumsum(np.bincount(at, minlength=len(pos) + 1)[: len(pos)]) - 1


class _BatchSentences(NamedTuple):
    """A batch's sentences with offsets into the joined text."""

    starts: np.ndarray
    ends: np.ndarray
    first: np.ndarray  # each document's first sentence row (n_docs + 1)


def _sentence_of(
    starts: np.ndarray, ends: np.ndarray, doc: np.ndarray, sents: _BatchSentences
) -> tuple[np.ndarray, np.ndarray]:
    """Each token's global sentence row, and which tokens do not lie inside it."""
    k = last_at_or_before(sents.starts, starts)
    if not len(sents.starts):
        return k, np.ones(len(starts), dtype=bool)
    kk = np.clip(k, 0, None)
    first = sents.first
    bad = (k < 0) | (ends > sents.ends[kk]) | (k < first[doc]) | (k >= first[doc + 1])
    return k, bad


def _per_sentence(view: str, docs: np.ndarray, sents: _BatchSentences) -> np.ndarray:
    """``(start, end, doc, sentence)`` rows of documents ``docs``, matched sentence by sentence.

    The definition, for documents where a token matched over the whole text
    would cross a sentence edge.
    """
    extra = []
    for d in docs.tolist():
        for j in range(int(sents.first[d]), int(sents.first[d + 1])):
            for ts, te in _view_spans(view, int(sents.starts[j]), int(sents.ends[j])):
                extra.append((ts, te, d, j))
    return np.array(extra, dtype=np.int64).reshape(-1, 4)


def coded_batch(
    texts: list[str], spans: tuple[np.ndarray, np.ndarray] | None = None
) -> dict[str, Any]:
    """:func:`token_batch` with token strings coded: ``codes`` (int64) into ``types`` (Arrow strings).

    Sending codes and the batch's distinct strings (not one string per token)
    keeps the result small, in memory and across a process boundary.

    >>> b = coded_batch(["A b a."])
    >>> b["codes"].tolist(), b["types"].to_pylist(), b["sent_id"].tolist()
    ([0, 1, 2, 3], ['A', 'b', 'a', '.'], [0, 0, 0, 0])
    """
    n_docs = len(texts)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n_docs)
    doc_start = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(lengths + 1, out=doc_start[1:])
    big_text = "\n".join(texts)
    sarr, first_sent = spans if spans is not None else _spans_of(texts)
    shift = np.repeat(doc_start[:-1], np.diff(first_sent))
    sents = _BatchSentences(sarr[:, 1] + shift, sarr[:, 2] + shift, first_sent)
    # the folded view is read only where a token crosses a sentence edge (rare):
    # folding a batch of long texts costs a fifth of the tokenizing, so not up front
    starts, ends, codes, types = _chunk_tokens(big_text)
    doc = last_at_or_before(doc_start, starts)
    k, bad = _sentence_of(starts, ends, doc, sents)
    if bad.any():
        # documents where a token crosses a sentence edge: match per sentence
        bad_docs = np.unique(doc[bad])
        keep = ~np.isin(doc, bad_docs)
        ex = _per_sentence(fold(big_text), bad_docs, sents)
        starts = np.concatenate([starts[keep], ex[:, 0]])
        ends = np.concatenate([ends[keep], ex[:, 1]])
        doc = np.concatenate([doc[keep], ex[:, 2]])
        k = np.concatenate([k[keep], ex[:, 3]])
        order = np.argsort(starts, kind="mergesort")
        starts, ends, doc, k = starts[order], ends[order], doc[order], k[order]
        codes, types = _codes(big_text, starts, ends)
    first_tok = np.searchsorted(doc, np.arange(n_docs), side="left")
    token_id = np.arange(len(starts), dtype=np.int64) - first_tok[doc]
    return {
        "doc": doc.astype(np.int64),
        "sent_id": (k - first_sent[doc]).astype(np.int64),
        "token_id": token_id,
        "start": starts - doc_start[doc],
        "end": ends - doc_start[doc],
        "codes": codes,
        "types": types,
        "n_sents": np.diff(first_sent),
    }


def _tokens_job(
    args: tuple[int, int, tuple[np.ndarray, np.ndarray] | None],
) -> tuple[tuple[np.ndarray, np.ndarray], dict[str, Any]]:
    """Worker: sentence spans (unless given) and coded tokens of the shared texts ``i:j``."""
    i, j, spans = args
    texts = _texts(i, j)
    if spans is None:
        rows, counts = _spans_chunk(texts)
        spans = _join_spans([(rows, counts)], len(texts))
    else:
        counts = np.diff(spans[1])
    b = coded_batch(texts, spans)
    # tokens per document instead of a document and a token number per token, and
    # int32 where the builder stores int32 anyway: fewer bytes through the pipe
    b["n_tok"] = np.bincount(b.pop("doc"), minlength=len(texts)).astype(np.int32)
    del b["token_id"]
    b["codes"] = b["codes"].astype(np.int32)
    b["sent_id"] = _narrow(b["sent_id"])
    if len(b["end"]) and int(b["end"].max()) < 2**31:
        b["start"] = b["start"].astype(np.int32)
        width = b["end"] - b["start"]
        if int(width.max()) < 2**16:  # lengths instead of ends (nearly always)
            b["width"] = width.astype(np.uint16)
            del b["end"]
        else:
            b["end"] = b["end"].astype(np.int32)
    return (spans[0], counts), b


def _narrow(a: np.ndarray) -> np.ndarray:
    """``a`` (values >= 0) as uint16 when every value fits, else int32.

    >>> _narrow(np.array([0, 65535])).dtype, _narrow(np.array([65536])).dtype
    (dtype('uint16'), dtype('int32'))
    """
    return a.astype(np.uint16 if int(a.max(initial=0)) < 2**16 else np.int32)


def type_columns(types: list[str]) -> tuple[np.ndarray, list[str], np.ndarray, np.ndarray]:
    """Per token type: ``lower`` code (int32) into the distinct lowers (first-use order), ``is_word``, ``is_stop``.

    The columns of :func:`tokens` for each distinct token string, equal to
    ``fold(t).casefold()``, :func:`is_word` and :func:`is_stopword`; ASCII
    strings (nearly all) are done by Arrow string kernels, the rest one by one.

    >>> codes, lowers, word, stop = type_columns(["The", "the", "US", "—", "Iran’s"])
    >>> codes.tolist(), lowers, word.tolist(), stop.tolist()
    ([0, 0, 1, 2, 3], ['the', 'us', '-', "iran's"], [True, True, True, False, True], [True, True, False, False, False])
    """
    codes, lowers, is_word_t, is_stop_t = _type_columns(pa.array(types, pa.large_string()))
    return codes, lowers.to_pylist(), is_word_t, is_stop_t


def _type_columns(
    arr: pa.Array, stop: frozenset[str] | None = None
) -> tuple[np.ndarray, pa.Array, np.ndarray, np.ndarray]:
    """:func:`type_columns` of the distinct strings ``arr`` (``stop``: English), the lowers as Arrow."""
    stop = load_stopwords() if stop is None else stop
    ascii_ = np.asarray(pc.string_is_ascii(arr).to_numpy(zero_copy_only=False), dtype=bool)
    lowers = pc.ascii_lower(arr)
    is_word_t = np.asarray(
        pc.match_substring_regex(arr, "[A-Za-z0-9]").to_numpy(zero_copy_only=False), dtype=bool
    )
    odd = np.flatnonzero(~ascii_)
    if len(odd):  # the few strings beyond ASCII, one by one
        odd_types = arr.take(pa.array(odd)).to_pylist()
        is_word_t[odd] = [is_word(t) for t in odd_types]
        lowers = pc.replace_with_mask(
            lowers,
            pa.array(~ascii_),
            pa.array([fold(t).casefold() for t in odd_types], lowers.type),
        )
    enc = lowers.dictionary_encode()
    codes = enc.indices.to_numpy(zero_copy_only=False).astype(np.int32)
    stop_arr = pa.array(sorted(stop), pa.large_string())
    in_stop = np.asarray(
        pc.is_in(enc.dictionary, value_set=stop_arr).to_numpy(zero_copy_only=False), dtype=bool
    )
    is_stop_t = np.zeros(len(arr), dtype=bool)
    cand = np.flatnonzero(in_stop[codes])
    if len(cand):
        take = pa.array(cand)
        pairs = zip(arr.take(take).to_pylist(), lowers.take(take).to_pylist(), strict=True)
        is_stop_t[cand] = [is_stopword(t, low, stop) for t, low in pairs]
    return codes, enc.dictionary, is_word_t, is_stop_t


class _TokenTableBuilder:
    """Accumulate token rows batch by batch into the table's columns, as the batches arrive.

    A batch's rows go straight into columns allocated once for the whole table
    (sized from the characters still to come, grown if short, cut to size at the
    end), so in a pool the copying runs while the workers tokenize the next
    batches, not after the last one. Token codes stay each batch's own until the
    end, when the batches' distinct strings are merged into one vocabulary
    (first-appearance order) by one Arrow hash and the codes are mapped in place
    (a hash per batch, or a Python dict of every string, costs the loading
    process more than the merge saves). Per-type attributes (``lower``,
    ``is_word``, ``is_stop``) are computed once per type, not once per token.
    """

    def __init__(self, chars: int | None = None) -> None:
        self.doc_ids: list[str] = []
        #: each batch's distinct token strings, and the rows ``(from, to)`` its codes index
        self.types: list[pa.Array] = []
        self.rows: list[tuple[int, int]] = []
        #: ``sent_id, code, start, end, doc, token_id``, the first ``n`` rows filled
        self.cols: list[np.ndarray] = []
        self.n = 0
        #: characters of the documents not added yet (None: unknown), to size the columns
        self.chars = chars
        #: threads for the per-row look-ups of :meth:`frame` (the pool's cores, idle by then)
        self.threads = 1

    def add_batch(
        self,
        doc_ids: list[str],
        texts: list[str],
        spans: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> None:
        self.add_coded(doc_ids, coded_batch(texts, spans))

    def add_coded(self, doc_ids: list[str], b: dict[str, Any], chars: int | None = None) -> None:
        """Add one :func:`coded_batch` result (its documents are ``doc_ids``, ``chars`` long).

        Documents and token numbers are rebuilt from the tokens per document
        (``n_tok``, or counted from ``doc``), so they are not kept per token.
        """
        first_doc = len(self.doc_ids)
        self.doc_ids.extend(doc_ids)
        n_tok = b["n_tok"] if "n_tok" in b else np.bincount(b["doc"], minlength=len(doc_ids))
        m = len(b["codes"])
        if self.chars is not None and chars is not None:
            self.chars = max(0, self.chars - chars)
        if m == 0:
            return
        st, width = b["start"], b.get("width")
        self._reserve(m, width is None and int(b["end"].max()) >= 2**31, chars)
        sid, code, pos_st, pos_en, doc, tid = self.cols
        at, to = self.n, self.n + m
        sid[at:to] = b["sent_id"]
        code[at:to] = b["codes"]  # the batch's own codes until the vocabulary is merged
        pos_st[at:to] = st
        if width is not None:  # from a pool worker: each token's width (uint16), not its end
            np.add(st, width, out=pos_en[at:to])
        else:
            pos_en[at:to] = b["end"]
        n_tok = n_tok.astype(np.int64, copy=False)
        doc[at:to] = np.repeat(np.arange(first_doc, len(self.doc_ids), dtype=np.int32), n_tok)
        tid[at:to] = _token_ids(n_tok, m)
        self.types.append(b["types"])
        self.rows.append((at, to))
        self.n = to

    def _reserve(self, m: int, wide: bool, chars: int | None) -> None:
        """Room for ``m`` more rows (int64 offsets from now on when ``wide``).

        The columns are allocated for the rows expected from the characters still
        to come (at this batch's tokens per character, plus a tenth), so a pool's
        table is normally allocated once; pages are only touched when written.
        """
        need = self.n + m
        cap = len(self.cols[0]) if self.cols else 0
        if need > cap:
            rest = 0
            if self.chars is not None and chars:
                rest = int(m / chars * self.chars * 1.1)
            new_cap = max(need + rest, cap + cap // 4)
            if not self.cols:
                self.cols = [np.empty(new_cap, dtype=np.int32) for _ in range(6)]
            else:
                for col in self.cols:
                    col.resize(new_cap, refcheck=False)  # realloc: no copy of large columns
        if wide and self.cols[2].dtype != np.int64:  # a document past 2**31 characters
            self.cols[2] = self.cols[2].astype(np.int64)
            self.cols[3] = self.cols[3].astype(np.int64)

    def _columns(self) -> tuple[pa.Array, list[np.ndarray]]:
        """The vocabulary and the columns ``doc, sent_id, token_id, code, start, end``, cut to size."""
        flat = pa.concat_arrays(self.types) if self.types else pa.array([], pa.large_string())
        enc = flat.dictionary_encode()
        ind = enc.indices.to_numpy(zero_copy_only=False).astype(np.int32)
        if not self.cols:
            empty = np.empty(0, dtype=np.int32)
            return enc.dictionary, [empty] * 6
        for col in self.cols:
            col.resize(self.n, refcheck=False)  # realloc to a smaller size: no copy
        sid, code, st, en, doc, tid = self.cols
        k = 0
        for batch, (at, to) in zip(self.types, self.rows, strict=True):
            gmap = ind[k : k + len(batch)]  # batch codes -> vocabulary codes, in place
            np.take(gmap, code[at:to], out=code[at:to], mode="clip")  # ("raise" would buffer)
            k += len(batch)
        self.types, self.rows, self.cols = [], [], []
        return enc.dictionary, [doc, sid, tid, code, st, en]

    def frame(self, compact: bool, stop: frozenset[str] | None = None) -> pd.DataFrame:
        vocab, (doc, sid, tid, code, st, en) = self._columns()
        lower_of_type, lowers, is_word_t, is_stop_t = _type_columns(vocab, stop)
        types = _objects(vocab)
        lower_code, is_word, is_stop = _gather_rows(
            (lower_of_type, is_word_t, is_stop_t), code, self.threads
        )
        if compact:
            cols = {
                "doc_id": _categorical(doc, pd.Index(self.doc_ids, dtype=object)),
                "sent_id": sid.astype(np.int32, copy=False),
                "token_id": tid.astype(np.int32, copy=False),
                "token": _categorical(code, pd.Index(types, dtype=object)),
                "lower": _categorical(lower_code, pd.Index(_objects(lowers), dtype=object)),
                "start": st,
                "end": en,
            }
        else:
            doc_arr = np.array(self.doc_ids + [""], dtype=object)[:-1]
            lower_arr = _objects(lowers)
            cols = {
                "doc_id": pd.Series(doc_arr[doc] if len(doc) else [], dtype=object),
                "sent_id": sid.astype(np.int64),
                "token_id": tid.astype(np.int64),
                "token": pd.Series(types[code] if len(code) else [], dtype=object),
                "lower": pd.Series(lower_arr[lower_code] if len(code) else [], dtype=object),
                "start": st.astype(np.int64),
                "end": en.astype(np.int64),
            }
        cols["is_word"] = is_word
        cols["is_stop"] = is_stop
        # the arrays are new and owned by nobody else: no defensive copy, no consolidation
        return pd.DataFrame(cols, columns=TOKEN_COLUMNS, copy=False)


#: rows of a token table below which :func:`_gather_rows` stays in one thread
_THREAD_ROWS = 4_000_000
#: rows whose codes :func:`_gather_rows` widens to intp at a time
_GATHER_BLOCK = 1 << 16


def _gather_rows(
    tables: tuple[np.ndarray, ...], code: np.ndarray, threads: int = 1
) -> list[np.ndarray]:
    """``table[code]`` for every table (each type's value at every token), in ``threads``
    threads on large tables (NumPy's ``take`` runs without the GIL).

    The look-ups run in the loading process after the pool's workers are done: tens of
    millions of rows per table while the other cores are idle, so row blocks are split
    between threads. The values are those of ``table[code]`` (the codes are valid).

    >>> _gather_rows((np.array([5, 6]), np.array([True, False])), np.array([1, 0, 1]), 2)
    [array([6, 5, 6]), array([False,  True, False])]
    """
    out = [np.empty(len(code), dtype=t.dtype) for t in tables]
    n = len(code)
    threads = max(1, min(threads, n // (_THREAD_ROWS // 2)))
    cuts = [n * k // threads for k in range(threads + 1)]

    def part(k: int) -> None:
        # ``take`` widens int32 indices to intp on every call: widened once per block of
        # rows (small, so it stays in cache) for all the tables, a third less CPU
        for a in range(cuts[k], cuts[k + 1], _GATHER_BLOCK):
            b = min(a + _GATHER_BLOCK, cuts[k + 1])
            idx = code[a:b].astype(np.intp)
            for t, o in zip(tables, out, strict=True):
                np.take(t, idx, out=o[a:b], mode="clip")  # ("raise" would buffer)

    if threads == 1:
        part(0)
        return out
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=threads) as ex:
        list(ex.map(part, range(threads)))
    return out


def _categorical(codes: np.ndarray, categories: pd.Index) -> pd.Categorical:
    """``pd.Categorical.from_codes(codes, categories)`` without its range check of the codes
    (a minimum and a maximum over every token, three columns of tens of millions of rows, in
    the loading process after the workers are done): the builder's codes index their
    categories by construction. pandas before 2.1 has no switch: checked there.

    >>> _categorical(np.array([1, 0, 1], np.int32), pd.Index(["a", "b"], dtype=object)).tolist()
    ['b', 'a', 'b']
    """
    if _FROM_CODES_VALIDATE:
        return pd.Categorical.from_codes(codes, categories=categories, validate=False)
    return pd.Categorical.from_codes(codes, categories=categories)  # pragma: no cover


def _from_codes_validates() -> bool:
    import inspect

    return "validate" in inspect.signature(pd.Categorical.from_codes).parameters


_FROM_CODES_VALIDATE = _from_codes_validates()


def _token_ids(n_tok: np.ndarray, n: int) -> np.ndarray:
    """``0, 1, ...`` within each document of ``n_tok`` tokens (int32), built in one array.

    >>> _token_ids(np.array([3, 0, 2, 1]), 6).tolist()
    [0, 1, 2, 0, 1, 0]
    """
    tid = np.ones(n, dtype=np.int32)
    if n == 0:
        return tid
    lens = n_tok[n_tok > 0]
    first = np.cumsum(lens[:-1])  # each later document's first token
    tid[0] = 0
    tid[first] = 1 - lens[:-1]  # back to 0 after the previous document's last token
    return np.cumsum(tid, out=tid)


def _objects(arr: pa.Array) -> np.ndarray:
    """An Arrow string array as a NumPy object array of Python ``str`` (made by Arrow, in C).

    >>> _objects(pa.array(["a", "b"])).tolist(), _objects(pa.array([], pa.string())).dtype
    (['a', 'b'], dtype('O'))
    """
    out = arr.to_numpy(zero_copy_only=False)
    return out if out.dtype == object else out.astype(object)


def tokens(
    corpus: Corpus,
    *,
    compact: bool = False,
    n_jobs: int | None = None,
    stopword_language: str | None = None,
) -> pd.DataFrame:
    """Return one row per token of every document.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    n_jobs : int or None, default None
        Processes tokenizing batches of documents (sentence splitting
        included when the corpus has not split them yet); the table does not
        depend on it. ``None``: every usable core (at most 4) for a corpus of
        at least :data:`AUTO_MIN_CHARS` characters (a process pool started by
        fork where the platform has it), one process below that; ``1``: never
        a pool.
    compact : bool, default False
        Return a memory-compact table for large corpora: ``doc_id``,
        ``token`` and ``lower`` as ``category`` (categories in order of first
        appearance; ``doc_id`` categories in corpus order), ``sent_id``,
        ``token_id``, ``start`` and ``end`` as ``int32`` (``int64`` only for
        documents longer than 2**31 characters). Values are identical to the
        default table; about 30 bytes per token instead of several hundred.
    stopword_language : str, optional
        The shipped stopword list ``is_stop`` reads (:func:`load_stopwords`:
        ``"de"``, ``"Spanish"``, ...); default the corpus' own language when it
        has a shipped list, else English, as the analyses choose
        (:func:`corpus_tools.languages.analysis_language`). Stated in the
        table's ``attrs["stopword_language"]``.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id`` (str), ``sent_id`` (int, 0-based within the
        document), ``token_id`` (int, 0-based within the document), ``token``
        (str, the text as written), ``lower`` (str, case-folded matching
        view: ``’s`` -> ``'s``), ``start``/``end`` (int, offsets into the
        cleaned text), ``is_word`` (bool: contains a letter or digit) and
        ``is_stop`` (bool: on the stopword list; an all-caps acronym such
        as ``US`` never is). Rows are in document, then position, order.

    Notes
    -----
    Hyphenated compounds (``Israel-Hamas``) stay one token here; the actor
    matcher splits them. With ``compact=True``, sorting by ``doc_id`` sorts
    in corpus order (category order), not alphabetically; use
    ``.astype(str)`` first when alphabetical order matters.

    Examples
    --------
    >>> import pandas as pd
    >>> from corpus_tools import Corpus
    >>> c = Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["The US left."]}))
    >>> tokens(c)[["token", "lower", "is_stop"]].values.tolist()
    [['The', 'the', True], ['US', 'us', False], ['left', 'left', False], ['.', '.', False]]
    """
    require_corpus(corpus, "tokens")
    from .languages import analysis_language

    # the language is checked first; the corpus' vote (which reads 500 texts) is taken
    # while the first batches are tokenized, in a pool when there is one
    given = stopword_language is not None
    langs = [analysis_language(corpus, stopword_language)] if given else []

    def vote() -> None:
        if not langs:
            langs.append(analysis_language(corpus, None))

    with small_pages():  # tens of millions of rows: see small_pages
        builder = _coded_tokens(corpus, n_jobs, vote)
        out = builder.frame(compact, load_stopwords(langs[0]))
    out.attrs["stopword_language"] = langs[0]
    return out


#: the key under which :func:`cached_tokens` keeps the corpus's token table (``Corpus.cached``)
TOKENS_CACHE_KEY = "corpus.tokens"


def cached_tokens(corpus: Corpus) -> pd.DataFrame:
    """The corpus's own cached :func:`tokens` table (built once), not a copy.

    :meth:`Corpus.tokens` hands out a copy of it; code that only reads the columns takes
    this one (a copy is ~200 MB at 5,000 long documents). Do not change the table.
    """
    return corpus.cached(TOKENS_CACHE_KEY, lambda: tokens(corpus))


def _coded_tokens(
    corpus: Corpus, n_jobs: int | None, meanwhile: Callable[[], object] | None = None
) -> _TokenTableBuilder:
    """The coded tokens of every document (:func:`tokens` before the table is built).

    ``meanwhile()`` runs once, after the first batch is back (with a pool, while the
    workers tokenize the next ones), or at the end when there are no documents.
    """
    col = corpus.docs["text"]
    ids = corpus.docs["doc_id"].tolist()
    ends = np.cumsum(_doc_chars(corpus))  # to size the table
    builder = _TokenTableBuilder(int(ends[-1]) if len(ends) else 0)
    cached = corpus.is_cached(_SPANS_KEY)
    jobs = resolve_jobs(n_jobs, col, chars=int(ends[-1]) if len(ends) else 0)
    builder.threads = jobs  # the table's look-ups use the cores the pool used
    bounds = _batch_bounds(len(ids), jobs)
    if cached or jobs == 1 or len(bounds) < 2:
        rows, first = sentence_spans(corpus, n_jobs=jobs)
        spans: Any = [(rows[first[i] : first[j]], first[i : j + 1] - first[i]) for i, j in bounds]
    else:  # each worker splits its batch too, and the spans are kept on the corpus
        spans = [None] * len(bounds)
    jobs = jobs if len(bounds) > 1 else 1
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    items = ((i, j, sp) for (i, j), sp in zip(bounds, spans, strict=True))
    _share_texts(col)
    try:
        for (i, j), (part, coded) in zip(
            bounds,
            ordered_map(
                _tokens_job, items, jobs, initializer=_share_texts, initargs=(col,), keep=True
            ),
            strict=True,
        ):
            parts.append(part)
            builder.add_coded(ids[i:j], coded, int(ends[j - 1] - (ends[i - 1] if i else 0)))
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
    finally:
        _SHARED.clear()
    if meanwhile is not None:
        meanwhile()
    if not cached:
        corpus.cached(_SPANS_KEY, lambda: _join_spans(parts, len(ids)))
    return builder


_BATCH = 2000  # documents per tokenizer batch: fewer vocabulary merges; ~150 MB of pieces


def _batch_size(n_docs: int, n_jobs: int) -> int:
    """Documents per batch: ``_BATCH``, or smaller so a pool gets >= 4 batches per process."""
    if n_jobs == 1:
        return _BATCH
    return max(250, min(_BATCH, -(-n_docs // (4 * n_jobs))))
