"""Text-only block classifier: page chrome found by what a line looks like and where it sits.

Scraped text has no DOM: a crawler's export prints every visible block of a
page on its own line, so the menu, the headline, the byline, the article, the
related-story teasers and the footer come one after the other. This module
decides, line by line, which of them are the article, with the evidence for
every decision.

How (jusText, Pomikálek 2011, adapted to text without markup):

1. **Classify** each non-blank line from its own features (word lists in
   ``data/blocks.yml``): only chrome words ("Home", "Contact Us",
   "Facebook"...), a site notice (``notice_words``, one of them from
   ``notice_strong``: copyright, cookies, privacy...) or a date/time stamp
   (``stamp_words``: "11/20/2019 01:14 PM", "By Jane Doe 2 days ago") is
   ``bad``; a line shorter than ``length_low`` characters is ``short``; a
   longer line with a stopword share below ``stopwords_low`` that does not end
   like a sentence is ``bad`` (keyword lists, tag rows); a line of at least
   ``length_high`` characters with a stopword share of at least
   ``stopwords_high`` and sentence punctuation, or a sentence of at least
   ``sentence_min_words`` words with that stopword share, is ``good``, and so is
   a sentence of ``long_sentence_words`` words or more with a stopword share of
   at least ``stopwords_low`` (technical and name-heavy prose has fewer
   stopwords; chrome is rarely a sentence that long); the rest is
   ``near-good``. Chinese and Japanese characters count three towards the
   lengths, Korean syllables two. A document in another language is judged
   with jusText's stop list of that language and jusText's thresholds
   (:func:`document_settings`); an English line in it is judged as English.
   Lines that continue one sentence (a paragraph wrapped at a fixed width)
   are judged joined, as one block (``wrap_min_lines``).
2. **Context**: a short or near-good line takes its class from its nearest
   good/bad neighbours (jusText's rules: between two good lines it is good,
   between two bad lines it is bad; a near-good line next to a good one is
   good). A run of ``teaser_run`` or more lines between paragraphs, half of
   them headline-like, is a teaser list and counts as chrome. A near-good line
   is then decided by the **learned line model** (``data/line_model.yml``, a
   logistic regression over :data:`MODEL_FEATURES` fitted by
   ``tools/train_line_model.py``): good when it scores ``model_good`` or more,
   bad under ``model_bad``; the detail of a line removed after such a decision
   names the model and its score (``bad by line-model (p=0.21)``).
3. **Body region**: the article is the contiguous run of lines with the largest
   score (good lines count their length, short lines cost ``short_cost``, bad
   lines count against, recurring stamps ``stamp_penalty``, rule-removed lines
   between two lines ``removed_penalty``), found in one pass (Kadane's
   maximum-sum segment); a run before or after it scoring ``second_run`` of it
   joins it; a run before it scoring ``part_run`` of it is a part of the article
   of its own (the lines between go as ``block:between_parts``); sentences and
   a list of one shape that directly follow a part are carried along, and a
   list of one shape that ends right before a part is carried back. Everything before the region is removed as
   ``block:before_body`` except the **headline** (kept) and a standfirst;
   everything after it as ``block:after_body``. Inside the region, only lines
   that are chrome by their words are removed (``block:chrome_words``); short
   lines that sit between body paragraphs (subheadings, list items, a sentence
   cut at a link) stay.

The classifier abstains (removes nothing) on documents with fewer than
``min_lines`` non-blank lines or fewer than ``min_good_lines`` good lines: a
headline, a short note, a table row is never cut by it.

Every decision is one row of ``cleaning_log`` (category ``block``) whose
``detail`` states the features that decided it, e.g.
``after the last body paragraph (line 41); short: 5 words``.

References
----------
Pomikálek, J. (2011). Removing boilerplate and duplicate content from web
corpora. PhD thesis, Masaryk University.
Kohlschütter, C., Fankhauser, P. & Nejdl, W. (2010). Boilerplate detection
using shallow text features. WSDM.
Kadane's algorithm: Bentley, J. (1984). Programming pearls: algorithm design
techniques. Communications of the ACM 27(9).
"""

from __future__ import annotations

import pkgutil
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from math import exp, inf, log1p
from operator import countOf, mul
from pathlib import Path
from typing import Any, NamedTuple

from ._data import read_yaml, settings_sections, string_list
from ._patterns import DENSE_SCRIPT_RE, HAN_KANA_RE, HANGUL_RE, SENTENCE_TERMINALS
from .errors import DataFileError

__all__ = [
    "BlockSettings",
    "BlockLine",
    "load_block_settings",
    "classify_lines",
    "line_features",
    "CLASSES",
]

#: classes a line can get, before and after context
CLASSES = ("good", "near-good", "short", "bad")

_THRESHOLD_KEYS = {
    "length_low": int,
    "length_high": int,
    "stopwords_low": float,
    "stopwords_high": float,
    "min_good_lines": int,
    "min_lines": int,
    "headline_window": int,
    "headline_min_words": int,
    "headline_max_words": int,
    "sentence_min_words": int,
    "long_sentence_words": int,
    "removed_penalty": float,
    "teaser_run": int,
    "stamp_penalty": float,
    "short_cost": float,
    "second_run": float,
    "part_run": float,
    "after_part_run": float,
    "after_part_share": float,
    "intro_share": float,
    "wrap_min_lines": int,
    "stoplist_low": float,
    "stoplist_high": float,
    "model_good": float,
    "model_bad": float,
}
_WORD_LISTS = (
    "chrome_words",
    "chrome_phrases",
    "stamp_words",
    "stamp_fillers",
    "notice_words",
    "notice_strong",
    "form_rules",
)
_NOTICE_TOKEN_RE = re.compile(r"[\u00a9\u00ae\u2122]|[^\W\d_]+(?:-[^\W\d_]+)*")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# _WORD_RE on casefolded ASCII text (where a letter is a-z): the same words, faster
_ASCII_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)*", re.ASCII)
# byte table keeping a-z and ' and turning every other byte into a space
_ASCII_WORD_BYTES = bytes(c if 97 <= c <= 122 or c == 39 else 32 for c in range(256))
# the same, keeping line feeds (the lines of one document translated at once)
_ASCII_LINES_BYTES = bytes(c if 97 <= c <= 122 or c in (10, 39) else 32 for c in range(256))
_SEP_RE = re.compile(r"[\s|/·•,>»«:;()\[\]+&*-]+")
# a maximal run of non-separator characters: the non-empty parts of _SEP_RE.split
_PART_RE = re.compile(r"[^\s|/·•,>»«:;()\[\]+&*-]+")
_APOSTROPHE_RE = re.compile(r"['\u2019]")
_MAX_PARTS = 32  # parts of one article the body search keeps at most (a listicle has many)
_INTRO_MIN_WORDS = 10  # content words an introduction above the body has at least
_LANG_MAX = 2000  # characters: longer lines do not vote on the document's language
# a line's last character when it ends a sentence (or a quote or bracket closing one)
_SENT_END = frozenset(".?!\"'\u2026)" + SENTENCE_TERMINALS)
# a sentence end of another script anywhere in a line
_TERMINAL_RE = re.compile(f"[{SENTENCE_TERMINALS}]")


@dataclass(frozen=True)
class BlockSettings:
    """Thresholds and chrome vocabulary of the classifier (``data/blocks.yml``)."""

    length_low: int = 70
    length_high: int = 200
    stopwords_low: float = 0.22
    stopwords_high: float = 0.28
    min_good_lines: int = 1
    min_lines: int = 4
    headline_window: int = 8
    headline_min_words: int = 4
    headline_max_words: int = 30
    sentence_min_words: int = 10
    long_sentence_words: int = 30
    removed_penalty: float = 4.0
    teaser_run: int = 3
    stamp_penalty: float = 40.0
    short_cost: float = 2.0
    second_run: float = 0.8
    part_run: float = 0.8
    after_part_run: float = 0.0
    after_part_share: float = 0.0
    intro_share: float = 0.0
    wrap_min_lines: int = 2
    stoplist_low: float = 0.30
    stoplist_high: float = 0.32
    model_good: float = 0.0
    model_bad: float = 0.0
    chrome_words: frozenset[str] = frozenset()
    chrome_phrases: frozenset[str] = frozenset()
    stamp_words: frozenset[str] = frozenset()
    stamp_fillers: frozenset[str] = frozenset()
    notice_words: frozenset[str] = frozenset()
    notice_strong: frozenset[str] = frozenset()
    #: ids of the line rules that remove a comment form: the article's run never
    #: grows over one, nor joins a run beyond one
    form_rules: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    file: str = ""

    @cached_property
    def _lines(self) -> dict[str, tuple[int, int, _Feat]]:
        """Short line view -> :func:`_known_line` (filled as documents are classified)."""
        return {}

    def __getstate__(self) -> dict[str, Any]:
        # the remembered lines stay in this process
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @cached_property
    def _model_memo(self) -> dict[tuple[str, _Feat, str], float]:
        """(short line view, its features, model file) -> the line's text features' part
        of the learned model's score (features: a line is judged with or without
        stopwords as its document's language allows)."""
        return {}

    @cached_property
    def longest_phrase(self) -> int:
        """Characters of the longest chrome phrase."""
        return max(map(len, self.chrome_phrases), default=0)

    @cached_property
    def chrome_letters(self) -> bool:
        """Every chrome word that can be a line's part (holds no separator: "e-mail"
        cannot) is letters only (``_WORD_RE`` without an apostrophe): then a line whose
        parts are all chrome words has those parts as its words."""
        return all(_LETTERS_RE.fullmatch(w) for w in self.chrome_words if _PART_RE.fullmatch(w))

    @property
    def notice_parts(self) -> frozenset[str]:
        """Letter runs of the notice words ("all-rights" -> all, rights): a line none
        of whose words is one of them holds no notice word (a fast exact test)."""
        return _notice_parts(self.notice_words)

    @property
    def notice_strong_parts(self) -> frozenset[str]:
        """Letter runs of the strong notice words (a notice needs one of them)."""
        return _notice_parts(self.notice_strong)


@lru_cache(maxsize=8)
def _notice_parts(words: frozenset[str]) -> frozenset[str]:
    return frozenset(p for w in words for p in w.split("-") if p)


def _parse(data: Any, fname: str, base: BlockSettings | None) -> BlockSettings:
    from .tokenize import load_stopwords

    th = settings_sections(data, fname, _WORD_LISTS)
    kw: dict[str, Any] = {}
    for k, v in th.items():
        typ = _THRESHOLD_KEYS.get(str(k))
        if typ is None:
            raise DataFileError(
                f"{fname}: unknown threshold {k!r}; allowed: {sorted(_THRESHOLD_KEYS)}."
            )
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise DataFileError(f"{fname}: threshold {k!r} must be a number >= 0, got {v!r}.")
        if typ is int and not isinstance(v, int):
            raise DataFileError(f"{fname}: threshold {k!r} must be an integer, got {v!r}.")
        kw[str(k)] = typ(v)
    for key in _WORD_LISTS:
        if key in data:
            vals = string_list(data, fname, key)
            kw[key] = frozenset(" ".join(x.casefold().split()) for x in vals)
    start = base if base is not None else BlockSettings(stopwords=frozenset(load_stopwords()))
    vals_now = {f: getattr(start, f) for f in start.__dataclass_fields__}
    vals_now.update(kw)
    vals_now["file"] = fname
    return BlockSettings(**vals_now)


@lru_cache(maxsize=1)
def _default_settings() -> BlockSettings:
    data, fname = read_yaml(None, default="blocks.yml", what="block classifier file")
    return _parse(data, fname, None)


def load_block_settings(path: str | Path | None = None) -> BlockSettings:
    """Read classifier settings; keys missing from ``path`` keep the shipped values.

    Examples
    --------
    >>> s = load_block_settings()
    >>> s.length_low, "privacy" in s.chrome_words
    (70, True)
    """
    if path is None:
        return _default_settings()
    data, fname = read_yaml(path, default="blocks.yml", what="block classifier file")
    return _parse(data, fname, _default_settings())


# ----------------------------------------------------------------- features
class _Feat(NamedTuple):
    cls: str
    n_words: int
    n_chars: int
    stop: float
    reason: str


def _n_words(n: int) -> str:
    """``"1 word"``, ``"3 words"``: a count of words as a reason reads it."""
    return "1 word" if n == 1 else f"{n} words"


def line_features(
    view: str,
    settings: BlockSettings | None = None,
    *,
    use_stopwords: bool = True,
    words: Sequence[str] | None = None,
    n_stop: int | None = None,
    low: str | None = None,
    may_notice: bool = True,
    n_chars: int | None = None,
) -> _Feat:
    """Context-free class of one line (its matching view) and the reason.

    ``words`` are the line's casefolded words (``_WORD_RE`` over
    ``view.casefold()``) when the caller has them already; ``n_stop``: how many of
    them are in the stop list of ``settings``; ``low``: ``view.casefold()``;
    ``may_notice=False``: none of :func:`_notice_needles` is in ``low`` (no notice);
    ``n_chars``: ``len(view)`` plus :func:`_dense_extra` of it.

    Examples
    --------
    >>> line_features("Contact Us").cls, line_features("Contact Us").reason
    ('bad', 'chrome words only')
    >>> line_features("By Jane Doe").cls
    'short'
    """
    s = settings or _default_settings()
    if low is None:
        low = view.casefold()
    if words is None:
        words = _WORD_RE.findall(low)
    nw = len(words)
    nc = len(view) + _dense_extra(view) if n_chars is None else n_chars
    if n_stop is None:
        n_stop = countOf(map(s.stopwords.__contains__, words), True)
    stop = n_stop / nw if nw else 0.0
    # (a line longer than every chrome phrase is none, unless spaces around it are cut)
    if (
        len(low) <= s.longest_phrase or low[:1].isspace() or low[-1:].isspace()
    ) and low.strip() in s.chrome_phrases:
        return _Feat("bad", nw, nc, stop, "chrome phrase")
    if _chrome_words_only(view, low, words, s):
        return _Feat("bad", nw, nc, stop, "chrome words only")
    if nw >= 8 and s.notice_words and may_notice and _may_hold_notice(low, words, s):
        notice = _notice_reason(low, nw, s)
        if notice:
            return _Feat("bad", nw, nc, stop, notice)
    # (a stamp has at most _STAMP_MAX_TOKENS tokens, and a line has one for each word)
    if nc < 2 * s.length_low and nw <= _STAMP_MAX_TOKENS and _is_stamp(low, s):
        return _Feat("bad", nw, nc, stop, "date/time stamp")
    if nc < s.length_low:
        return _Feat("short", nw, nc, stop, f"short: {_n_words(nw)}")
    if use_stopwords and stop < s.stopwords_low and not _ends_sentence(view):
        return _Feat("bad", nw, nc, stop, f"few stopwords: {stop:.2f} of {_n_words(nw)}")
    if (
        nc >= s.length_high
        and (stop >= s.stopwords_high or not use_stopwords)
        and _has_sentence_punct(view)
    ):
        return _Feat("good", nw, nc, stop, f"paragraph: {nw} words, stopwords {stop:.2f}")
    if (
        # (a script without spaces between words is judged by its length)
        (nw >= s.sentence_min_words or (not use_stopwords and nc >= s.length_low))
        and (stop >= s.stopwords_high or not use_stopwords)
        and _ends_sentence(view)
    ):
        # news paragraphs are often one sentence long (< length_high characters):
        # a whole sentence with the stopwords of prose is a paragraph too
        return _Feat("good", nw, nc, stop, f"sentence: {nw} words, stopwords {stop:.2f}")
    if (
        use_stopwords
        and s.long_sentence_words > 0
        and nw >= s.long_sentence_words
        and stop >= s.stopwords_low
        and _ends_sentence(view)
    ):
        # a long sentence is prose even with the fewer stopwords of technical or
        # name-heavy writing; chrome is rarely a sentence that long
        return _Feat("good", nw, nc, stop, f"long sentence: {nw} words, stopwords {stop:.2f}")
    return _Feat("near-good", nw, nc, stop, f"near-good: {_n_words(nw)}, stopwords {stop:.2f}")


def _chrome_words_only(view: str, low: str, words: Sequence[str], s: BlockSettings) -> bool:
    """Every part of the line between separators is a chrome word, and it is no sentence.

    The parts are read until the first that is not a chrome word. When every chrome word
    is letters only, such a line's words are its parts, so a line with a word that is not a
    chrome word is none (a fast exact test first).
    """
    chrome = s.chrome_words
    first = (
        _PART_RE.search(low)
        if not s.chrome_letters
        or (words and words[0] in chrome and all(map(chrome.__contains__, words)))
        else None
    )
    return (
        first is not None
        and first.group() in chrome
        and all(m.group() in chrome for m in _PART_RE.finditer(low))
        and not _is_sentence(view)
    )


def _notice_reason(low: str, nw: int, s: BlockSettings) -> str:
    """The reason a line of ``nw`` words (casefolded: ``low``) is a site notice, or ''."""
    toks = _NOTICE_TOKEN_RE.findall(low)
    hits = sorted({t for t in toks if t in s.notice_words})
    # a notice needs one word only notices use (copyright, cookies, ©...):
    # "the Commission's policy" is news
    # ... and more of them the longer the line: a long news paragraph may say
    # "privacy" and "rights" (one more notice word per 50 words)
    if len(hits) >= 2 + nw // 50 and any(h in s.notice_strong for h in hits):
        if nw >= _PROSE_NOTICE_WORDS and _LEGAL_MARKS.isdisjoint(hits):
            # a paragraph of prose is a notice only when it speaks to the reader ("we
            # use cookies", "your privacy"): news about privacy or websites does not
            if _READER_WORDS.isdisjoint(toks) and low.rstrip()[-1:] in '.!?"\u201d':
                return ""
        return "site notice: " + ", ".join(hits[:4])
    return ""


#: a line of this many words or more that ends like a sentence is prose: a site notice
#: there speaks to the reader or carries a legal mark
_PROSE_NOTICE_WORDS = 30
_READER_WORDS = frozenset({"you", "your", "yours", "we", "our", "ours"})
_LEGAL_MARKS = frozenset(
    {"\u00a9", "\u00ae", "\u2122", "copyright", "trademark", "trademarks", "reserved"}
)


@lru_cache(maxsize=8)
def _shortest_parts(parts: frozenset[str]) -> tuple[str, ...]:
    """The parts that contain no other part: one of ``parts`` is a substring of a text
    exactly when one of these is.

    Examples
    --------
    >>> _shortest_parts(frozenset({"cookie", "cookies", "privacy"}))
    ('cookie', 'privacy')
    """
    return tuple(sorted(p for p in parts if not any(q != p and q in p for q in parts)))


@lru_cache(maxsize=8)
def _notice_needles(parts: frozenset[str]) -> tuple[str, ...]:
    """Substrings one of which every line :func:`_may_hold_notice` lets through holds:
    the shortest strong notice parts, and ©, ® and ™ (tested whatever the word lists)."""
    return tuple(sorted(set(_shortest_parts(parts)) | {"\u00a9", "\u00ae", "\u2122"}))


def _may_hold_notice(low: str, words: Sequence[str], s: BlockSettings) -> bool:
    """False when the line cannot be a site notice: a notice needs a strong notice
    word (``notice_strong``), so the line has ©/®/™ or a word whose letter runs
    include a letter run of a strong notice word (both regexes find the same
    maximal letter runs, so this is exact).

    Examples
    --------
    >>> s = load_block_settings()
    >>> low = "all rights reserved. read our privacy policy"
    >>> _may_hold_notice(low, _folded_words(low), s)
    True
    >>> low = "all the rights of the workers were reserved for later talks"
    >>> _may_hold_notice(low, _folded_words(low), s)
    False
    """
    if not low.isascii() and ("\u00a9" in low or "\u00ae" in low or "\u2122" in low):
        return True
    parts = s.notice_strong_parts
    if not parts.isdisjoint(words):
        return True
    if "'" not in low and "\u2019" not in low:
        return False
    # words without an apostrophe were tested whole above; a letter run of a word
    # with one is a substring of the line (a cheap test first)
    return any(p in low for p in _shortest_parts(parts)) and any(
        p in parts for w in words if "'" in w or "\u2019" in w for p in _APOSTROPHE_RE.split(w)
    )


_NUMBERED_RE = re.compile(r"\s*(?:\d{1,3}[.)]|[\u2022\u25aa\u25cf*-]|[^\W\d_]{1,3}:)\s")
_SHAPE_RE = re.compile(r"\d+|[^\W\d_]+|[^\w\s.]")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-"})


def _shape(view: str) -> tuple[tuple[str, ...], str]:
    """Shape of a line: its first three tokens (``0`` number, ``A`` capitalised
    word, ``a`` other word, else the mark: "June 9 -- Arena" -> A 0 -) and its
    punctuation marks in order of first use ("Spain (Group F): 11th" -> "():")."""
    head: list[str] = []
    marks: list[str] = []
    for t in _SHAPE_RE.findall(view.translate(_DASHES)):
        c = "0" if t[0].isdigit() else "A" if t[0].isupper() else "a" if t[0].isalpha() else t
        if len(head) < 3:
            head.append(c)
        if len(c) == 1 and not c.isalnum() and c not in marks:
            marks.append(c)
    return tuple(head), "".join(marks)


def _same_shape(a: tuple[tuple[str, ...], str], b: tuple[tuple[str, ...], str]) -> bool:
    return a[0] == b[0] or (bool(a[1]) and a[1] == b[1])


def line_shape(view: str) -> tuple[tuple[str, ...], str]:
    """The shape of a line as the list rules compare it (:func:`_shape`)."""
    return _shape(view)


def same_shape(a: tuple[tuple[str, ...], str], b: tuple[tuple[str, ...], str]) -> bool:
    """Two lines' shapes (:func:`line_shape`) make them items of one list."""
    return _same_shape(a, b)


def _list_item(view: str, f: _Feat, s: BlockSettings) -> bool:
    """A line that can be an item of a list the article owns: short, few
    stopwords, with a number or list punctuation (dates, places, results)."""
    if f.cls == "bad" and not f.reason.startswith(("few stopwords", "date/time")):
        return False
    if " " not in view.strip():
        return any(ch.isdigit() for ch in view)  # a code, a price, a link
    numbered = _NUMBERED_RE.match(view) is not None
    if not (1 <= f.n_words <= 15) or (f.stop > 0.2 and not numbered):
        return False
    return numbered or any(ch.isdigit() for ch in view) or any(ch in view for ch in ",:(@")


#: a counted list item: "3) Will Durant, ...", "12. G. Reinak, ..."
_COUNTED_RE = re.compile(r"\s*(\d{1,3})[.)]\s")


def _counted_item(item: str, f: _Feat) -> bool:
    """A line that can be a numbered list's next item (``item``: the line after its
    number): not chrome, at most 40 words, not a headline (a numbered "most read"
    list names stories: "2. Details of Vista SP1 revealed")."""
    if f.cls == "bad" and not f.reason.startswith(("few stopwords", "date/time")):
        return False
    return 1 <= f.n_words <= 40 and not _teaser_like(item, f)


def _list_run(
    lines: Sequence[tuple[int, str | None, str | None]],
    feats: Sequence[_Feat],
    start: int,
    after_removed: set[int],
    s: BlockSettings,
    end: int | None = None,
) -> int:
    """End (exclusive) of the run of list items starting at ``start``, each of
    the shape of the one or the two before it (items of one or two lines)."""
    j = start
    stop = len(lines) if end is None else end
    shapes: list[tuple[tuple[str, ...], str]] = []
    number = -2  # the number of the last item ("3) ..."), -2: none
    while j < stop and (j == start or lines[j][0] not in after_removed):
        vj = lines[j][1]
        if vj is None:
            break
        m = _COUNTED_RE.match(vj)
        if (
            m is not None
            and int(m.group(1)) == number + 1
            and _counted_item(vj[m.end() :], feats[j])
        ):
            # the next number of a numbered list: its item, whatever its shape or length
            shapes.append(_shape(vj))
            number += 1
            j += 1
            continue
        if not _list_item(vj, feats[j], s):
            break
        number = int(m.group(1)) if m is not None else -2
        sh = _shape(vj)
        if len(shapes) >= 2 and not (_same_shape(shapes[-1], sh) or _same_shape(shapes[-2], sh)):
            break
        if (
            len(shapes) == 1
            and not _same_shape(shapes[-1], sh)
            and not (
                j + 1 < len(lines)
                and lines[j + 1][1] is not None
                and _same_shape(shapes[-1], _shape(lines[j + 1][1] or ""))
            )
        ):
            break
        shapes.append(sh)
        j += 1
    return j


_PAREN_NAME_RE = re.compile(r"\([^\W\d_]")


def _name_pairs(view: str) -> set[tuple[str, str]]:
    """Pairs of adjacent capitalised words ('Margaret Atwood'), casefolded."""
    toks = _WORD_RE.findall(view)
    return {
        (a.casefold(), b.casefold())
        for a, b in zip(toks, toks[1:], strict=False)
        if a[:1].isupper() and b[:1].isupper()
    }


def _body_pairs(
    lines: Sequence[tuple[int, str | None, str | None]],
    feats: Sequence[_Feat],
    start: int,
    end: int,
) -> set[tuple[str, str]]:
    """Adjacent word pairs of the body's prose lines ``start..end``, casefolded."""
    out: set[tuple[str, str]] = set()
    for k in range(start, end + 1):
        view = lines[k][1]
        if view is not None and feats[k].cls in ("good", "near-good"):
            toks = [t.casefold() for t in _WORD_RE.findall(view)]
            out.update(zip(toks, toks[1:], strict=False))
    return out


def _named_list(
    lines: Sequence[tuple[int, str | None, str | None]],
    feats: Sequence[_Feat],
    start: int,
    after_removed: set[int],
    stop: int,
    body: set[tuple[str, str]],
) -> int:
    """End (exclusive) of a list of names the article itself names, starting at
    ``start`` (``start``: none): items that are not sentences nor chrome, each
    naming a name the body uses (two capitalised words: 'Doris Lessing (UK)',
    'Little Britain (BBC Three)'), with three or more qualifiers in brackets in
    all (nominees, winners, a cast: not teasers, which name stories the body
    does not tell)."""
    j, n_paren = start, 0
    while j < stop and (j == start or lines[j][0] not in after_removed):
        view, f = lines[j][1], feats[j]
        if view is None or f.reason.startswith("chrome") or _ends_sentence(view):
            break
        parens = len(_PAREN_NAME_RE.findall(view))
        if f.n_words > 20 * max(parens, 1) or _name_pairs(view).isdisjoint(body):
            break
        n_paren += parens
        j += 1
    return j if n_paren >= 3 else start


def _extend_tail(
    lines: Sequence[tuple[int, str | None, str | None]],
    feats: Sequence[_Feat],
    end: int,
    after_removed: set[int],
    s: BlockSettings,
    stop: int | None = None,
    body_start: int | None = None,
) -> tuple[int, dict[int, str]]:
    """Carry the article run over what directly follows its last paragraph
    and still belongs to it: sentences, a list (each item of the same shape,
    e.g. tour dates or results), maybe with a heading of its own and one sentence
    under the heading (:func:`_note_of_list`), and a list of
    names the body names (:func:`_named_list`; ``body_start``: the body's first
    line, default: the last paragraph alone).

    Returns the new last line and, for each added line, why it was added.
    """
    n = len(lines) if stop is None else stop
    why: dict[int, str] = {}
    body: set[tuple[str, str]] | None = None
    k = end + 1
    while k < n and lines[k][0] not in after_removed:
        view, f = lines[k][1], feats[k]
        if view is None:
            break
        # a whole sentence, whatever its stopword share (names: "Seven of seven untreated
        # control macaques got sick.")
        if f.cls != "bad" and f.n_words >= 6 and _ends_sentence(view):
            why[k] = "sentence after the body"
            k += 1
            continue
        if k == end + 1 and _closing_paragraph(view, f, s):
            why[k] = "paragraph after the body"
            k += 1
            continue
        if view is not None and "(" in view:
            if body is None:
                body = _body_pairs(lines, feats, end if body_start is None else body_start, end)
            j = _named_list(lines, feats, k, after_removed, n, body)
            if j > k:
                why.update((m, "list of names the body names") for m in range(k, j))
                k = j
                continue
        # a list: three or more items of one shape, maybe after a heading line, maybe
        # with one sentence between them ("See the list of the ten richest" / "Closing
        # prices of the day." / "Jeff Bezos: US$ 185 billion - Amazon")
        start, j = k, _list_run(lines, feats, k, after_removed, s, n)
        if j - start < 3 and f.cls == "short" and f.n_words <= 8:
            start, j = k + 1, _list_run(lines, feats, k + 1, after_removed, s, n)
            if j - start < 3 and _note_of_list(lines, feats, k + 1, after_removed, n):
                start, j = k + 2, _list_run(lines, feats, k + 2, after_removed, s, n)
        if j - start < 3:
            break
        for m in range(k, j):
            why[m] = "list after the body" if m >= start else "heading of a list after the body"
        k = j
    return k - 1, why


def _note_of_list(
    lines: Sequence[tuple[int, str | None, str | None]],
    feats: Sequence[_Feat],
    k: int,
    after_removed: set[int],
    n: int,
) -> bool:
    """Line ``k`` is a sentence between a list's heading and its items (not chrome)."""
    view = lines[k][1] if k + 1 < n else None
    return (
        view is not None
        and lines[k][0] not in after_removed
        and feats[k].cls != "bad"
        and _ends_sentence(view)
    )


# a first sentence of 6+ words, ended by . ? or ! (maybe in quotes) and followed by
# another sentence: "... to sneak into the US. PTI", "... 18-24 November. Ticket details:"
_OPENS_WITH_SENTENCE_RE = re.compile(
    r"(?:\S+\s+){5,}?\S*[A-Za-z0-9)\"\u201d\u2019][.?!][\"\u201d\u2019]?\s+[A-Z\"\u201c]"
)


def _closing_paragraph(view: str, f: _Feat, s: BlockSettings) -> bool:
    """The line right after the last paragraph is one more: prose of 12+ words that
    opens with a whole sentence but does not end like one (a credit, a link or a
    teaser list is printed after it: "... to sneak into the US. PTI")."""
    return (
        f.cls in ("good", "near-good")
        and f.n_words >= 12
        and f.stop >= s.stopwords_low
        and _OPENS_WITH_SENTENCE_RE.match(view) is not None
    )


def _extend_head(page: _Page, start: int, lo_bound: int) -> int:
    """Carry the article's start back over a list of three or more items of one
    shape that ends right before its first paragraph (ingredients, key facts),
    with a short heading line of its own."""
    lines, feats, s = page.lines, page.feats, page.s
    if lines[start].line in page.after_removed:
        return start
    lo = start
    while lo - 1 >= lo_bound and start - lo < 60:
        v = lines[lo - 1].view
        if v is None or not _list_item(v, feats[lo - 1], s) or lines[lo].line in page.after_removed:
            break
        lo -= 1
    a = lo
    while a <= start - 3:
        j = _list_run(lines, feats, a, page.after_removed, s, start)
        if j == start:
            h = a - 1
            if (
                h >= lo_bound
                and feats[h].cls == "short"
                and feats[h].n_words <= 8
                and lines[a].line not in page.after_removed
            ):
                return h
            return a
        a = max(j, a + 1)
    return start


_ASCII_DIGIT_RE = re.compile("[0-9]")
#: most tokens of a date/time stamp (a word's first letter is in a token of its own:
#: a line has at least as many tokens as words)
_STAMP_MAX_TOKENS = 12
_STAMP_TOKEN_RE = re.compile(r"\d{1,4}(?:[/.:-]\d{1,4})*(?:st|nd|rd|th|am|pm|h)?|[^\W\d_]+")


# a time (01:14, 6:34pm) or a whole numeric date (11/20/2019, 2019-11-20), not "8.1" or "4-2"
_NUM_DATE_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:am|pm|h)?|\d{1,4}([/.-])\d{1,2}\1\d{1,4}")


def _is_stamp(low: str, s: BlockSettings) -> bool:
    """A date/time line ("11/20/2019 01:14 PM", "By Jane Doe 2 days ago", "May 3, 2019").

    Teaser lists and comment threads print one per item; an article prints
    one near its headline. The line has a number or a date word
    (``stamp_words``: months, weekdays, "ago"), and at most three words that
    are neither (a name), not counting ``stamp_fillers`` ("by", "at", "updated").
    """
    if low.isascii() and _ASCII_DIGIT_RE.search(low) is None:
        # a stamp needs a number: a token that starts with a digit (outside ASCII a
        # "letter" token may, e.g. a superscript two)
        return False
    toks = _STAMP_TOKEN_RE.findall(low)
    if not toks or len(toks) > _STAMP_MAX_TOKENS:
        return False
    n_date = n_num = n_other = 0
    for t in toks:
        if t[0].isdigit():
            n_num += 1
        elif t in s.stamp_words:
            n_date += 1
        elif t not in s.stamp_fillers:
            n_other += 1
    if n_num == 0 or n_other > 3:
        return False
    # a number alone is not a date: it needs a date word, a time or a numeric date
    return n_date > 0 or any(_NUM_DATE_RE.fullmatch(t) is not None for t in toks)


def _teaser_like(view: str, f: _Feat) -> bool:
    """A headline or kicker of a teaser: not a sentence, a few words, capitalised."""
    t = view.strip()
    if not t or f.n_words < 1 or f.n_words > 20 or t[-1] in ".,;:":
        return False
    if _all_caps(t):
        return True  # an all-caps kicker ("MOST READ", "RANDY ANDY")
    return (
        f.n_words >= 3
        and f.stop < 0.5
        and (t[0].isupper() or t[0].isdigit() or t[0] in "'\"\u2018\u201c")
    )


def _all_caps(t: str) -> bool:
    """``t`` has a letter and every letter is upper-case (stops at the first that is not).

    Examples
    --------
    >>> _all_caps("MOST READ: 10"), _all_caps("Most read"), _all_caps("2019"), _all_caps("\u4e2dA")
    (True, False, False, False)
    """
    if t.isascii():
        return t.isupper()  # (an ASCII character is cased exactly when it is a letter)
    seen = False
    for c in t:
        if c.isalpha():
            if not c.isupper():
                return False
            seen = True
    return seen


# (the script classes are defined once, in _patterns, with kwic's scripts without spaces)
_HAN_KANA_RE = HAN_KANA_RE
_HANGUL_RE = HANGUL_RE
_DENSE_RE = DENSE_SCRIPT_RE


def _dense_extra(view: str) -> int:
    """Extra length for scripts that say more per character: a Chinese or
    Japanese character counts as three Latin ones, a Korean syllable as two, so
    the length thresholds mean about the same amount of text in every script."""
    if view.isascii() or _DENSE_RE.search(view) is None:
        return 0
    return 2 * len(_HAN_KANA_RE.findall(view)) + len(_HANGUL_RE.findall(view))


def _is_sentence(view: str) -> bool:
    return bool(view) and view.rstrip()[-1:] in ".?!" and len(view.split(None, 4)) >= 4


# and other scripts' sentence ends (CJK 。！？, Hindi ।)
_SENT_CLOSE = frozenset(".?!\u2026" + SENTENCE_TERMINALS)
_QUOTE_CLOSE = frozenset("\"'\u201d\u2019)\u300d\u300f")


def _ends_sentence(view: str) -> bool:
    """The line ends like a sentence: ``.``, ``?``, ``!``, ``…`` or another script's
    sentence end (:data:`~corpus_tools._patterns.SENTENCE_TERMINALS`), maybe inside quotes.

    >>> _ends_sentence("He said so."), _ends_sentence("ရုံးချိန်းကို လာရောက်တာမရှိခဲ့ဘူး။"), _ends_sentence("Home")
    (True, True, False)
    """
    t = view.rstrip()
    while t and t[-1] in _QUOTE_CLOSE:
        t = t[:-1]
    return bool(t) and t[-1] in _SENT_CLOSE


def _has_sentence_punct(view: str) -> bool:
    return (
        "." in view
        or "?" in view
        or "!" in view
        or (not view.isascii() and _TERMINAL_RE.search(view) is not None)
        or view.rstrip()[-1:] in _SENT_END
    )


def _long_line_words(
    views: Sequence[str | None],
    s: BlockSettings,
    line_words: Sequence[Sequence[str] | None] | None = None,
) -> tuple[list[str], list[int]]:
    """Casefolded words of the document's longer lines (where its prose is), and
    those lines; ``line_words[k]`` are line k's words when the caller has them."""
    words: list[str] = []
    longs = _long_lines(views, s)
    for k in longs:
        known = line_words[k] if line_words is not None else None
        words += known if known is not None else _folded_words(views[k] or "")
    return words, longs


def _long_lines(views: Sequence[str | None], s: BlockSettings) -> list[int]:
    """Positions of the lines :func:`_long_line_words` takes the words of: a line over
    2,000 characters (a tag cloud, a list of names) would outweigh the rest and does
    not vote."""
    return [
        k
        for k, v in enumerate(views)
        if v is not None and s.length_low <= len(v) + _dense_extra(v) and len(v) <= _LANG_MAX
    ]


def _folded_words(view: str) -> list[str]:
    """The words of ``view`` casefolded, as the classifier counts them.

    Examples
    --------
    >>> _folded_words("Don't PANIC: 42 ways")
    ["don't", 'panic', 'ways']
    """
    return _words_of(view.casefold())


def _words_of(c: str) -> list[str]:
    """:func:`_folded_words` of a text casefolded already."""
    if not c.isascii():
        t = _word_text(c, _PUNCT_WORD_BYTES)
        return _WORD_RE.findall(c) if t is None else _split_words(t)
    # ASCII: every character but a-z and ' becomes a space (one C-level byte table),
    # then every apostrophe not between two letters: the parts are the regex's words
    t = c.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii")
    if "'" in t:
        t = _unglue(t)
    return t.split()


# the bytes of ASCII characters (deleted by :func:`_non_ascii`)
_ASCII_BYTES = bytes(range(128))
# a non-ASCII character _WORD_RE may take for a letter
_NON_ASCII_WORD_RE = re.compile(r"[^\W\x00-\x7f]")
# byte tables of _ASCII_WORD_BYTES / _ASCII_LINES_BYTES that also keep \x00 (U+2019 below)
_PUNCT_WORD_BYTES = bytes(c if 97 <= c <= 122 or c in (0, 39) else 32 for c in range(256))
_PUNCT_LINES_BYTES = bytes(c if 97 <= c <= 122 or c in (0, 10, 39) else 32 for c in range(256))
# an apostrophe (' or \x00 for U+2019) without a letter a-z right before or right after it
_LONE_APOSTROPHES_RE = re.compile(r"['\x00](?:(?<![a-z]['\x00])|(?![a-z]))")
_A_TO_Z = frozenset("abcdefghijklmnopqrstuvwxyz")


def _unglue(t: str) -> str:
    r"""``_LONE_APOSTROPHES_RE.sub(" ", t)``: each apostrophe (' or \x00) without a letter
    a-z right before it or right after it becomes a space.

    The apostrophes are found with ``str.find`` (a few per paragraph), which is several
    times faster than the regex's scan of every character; a replaced apostrophe is no
    letter, as the space that replaces it, so each is decided on the text as given.

    >>> _unglue("don't 'quote' rock'n'roll '' it\x00s")
    "don't  quote  rock'n'roll    it\x00s"
    """
    az = _A_TO_Z
    last = len(t) - 1
    cuts: list[int] = []
    for mark in "'\x00":
        i = t.find(mark)
        while i >= 0:
            if i == 0 or i == last or t[i - 1] not in az or t[i + 1] not in az:
                cuts.append(i)
            i = t.find(mark, i + 1)
    if not cuts:
        return t
    cuts.sort()
    parts = []
    pos = 0
    for i in cuts:
        parts.append(t[pos:i])
        pos = i + 1
    parts.append(t[pos:])
    return " ".join(parts)


def fold_case(text: str) -> str:
    """``text.casefold()``, faster on text whose non-ASCII characters all casefold to
    themselves (curly quotes, dashes, accented lower-case letters: most pages).

    Casefolding maps each character on its own; such a text changes only in its ASCII
    letters, A-Z to a-z, which is what ``bytes.lower`` does to its UTF-8 bytes (no byte
    of a multi-byte character is below 0x80). ``str.casefold`` takes a slow path for
    every character of a text holding one non-ASCII character. (A string of
    characters casefolds to itself only when each does: no character's folding
    starts with the character itself and is longer; checked on every code point in
    tests/test_blocks.py.)

    >>> fold_case("\u201cWhat\u2019s NEW\u201d"), fold_case("STRASSE Stra\u00dfe")
    ('\u201cwhat\u2019s new\u201d', 'strasse strasse')
    """
    if text.isascii():
        return text.casefold()
    rest = _non_ascii(text)
    if rest.casefold() != rest:
        return text.casefold()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _word_text(c: str, table: bytes) -> str | None:
    """Casefolded non-ASCII text ``c`` whose only letters are a-z, as a text whose
    whitespace-separated parts are ``_WORD_RE``'s words (U+2019, an apostrophe
    inside a word, written as \x00); None when ``c`` holds another letter or digit
    (or a \x00). Every other character is neither a letter nor an apostrophe: a
    separator, as a space is (``encode`` writes one ``?`` for each)."""
    if "\x00" in c:
        return None
    d = c.replace("\u2019", "\x00")
    if not d.isascii() and _NON_ASCII_WORD_RE.search(_non_ascii(d)) is not None:
        return None
    t = d.encode("ascii", "replace").translate(table).decode("ascii")
    if "'" in t or "\x00" in t:
        t = _unglue(t)
    return t


def _split_words(t: str) -> list[str]:
    """The words of a text made by :func:`_word_text` (U+2019 written back; neither it
    nor \x00 is whitespace, so the text splits at the same places)."""
    if "\x00" in t:
        t = t.replace("\x00", "\u2019")
    return t.split()


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order (a short text to run a character
    class over instead of the whole: UTF-8 writes a non-ASCII character with bytes
    0x80-0xff only, so deleting the ASCII bytes leaves whole characters).

    Examples
    --------
    >>> _non_ascii("caf\u00e9 \u00a3 5 \u4e2d") == "\u00e9\u00a3\u4e2d"
    True
    """
    return (
        text.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII_BYTES)
        .decode("utf-8", "surrogatepass")
    )


@lru_cache(maxsize=1)
def _stoplists() -> tuple[tuple[str, ...], tuple[Counter[str], ...]]:
    """jusText's stop lists (about 100 languages; BSD-2-Clause; jusText is installed
    with trafilatura): the language names and, for each list, its words casefolded with
    how many of its words fold to each (two words that fold alike count twice). Each
    list is casefolded in one pass (casefolding is per character and keeps line feeds)
    and counted by ``Counter``: no index of every word (0.3 CPU s in each process that
    met a document in another language; 40 of realnews20000's documents get here)."""
    try:
        import justext
    except ImportError:  # pragma: no cover - trafilatura requires it
        return (), ()
    names = tuple(sorted(justext.get_stoplists()))
    folded = tuple(
        Counter("\n".join(_stoplist_words(name)).casefold().split("\n")) for name in names
    )
    return names, folded


@lru_cache(maxsize=1 << 16)
def _stoplist_hits(word: str) -> tuple[tuple[int, int], ...]:
    """``(list, times)`` of each jusText stop list that holds the casefolded ``word``."""
    return tuple((k, n) for k, words in enumerate(_stoplists()[1]) if (n := words.get(word, 0)))


#: line breaks of str.splitlines that bytes.splitlines does not split at
_STR_ONLY_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _stoplist_words(name: str) -> frozenset[str]:
    """``justext.get_stoplist(name)`` (its lines decoded and lowercased one by one), with
    the file decoded and lowercased whole: the same words, as lowercasing is per
    character but for a final sigma, whose context ends at a line feed either way."""
    import justext

    try:
        data = pkgutil.get_data("justext", f"stoplists/{name}.txt")
        text = data.decode("utf-8") if data is not None else None
    except (OSError, UnicodeDecodeError):
        text = None
    if text is None or any(c in text for c in _STR_ONLY_BREAKS):
        return frozenset(justext.get_stoplist(name))
    return frozenset(text.lower().splitlines())


@lru_cache(maxsize=16)
def _language_settings(s: BlockSettings, language: str) -> BlockSettings:
    """``s`` with jusText's stop list of ``language`` and jusText's own thresholds for it."""
    import justext

    words = frozenset(w.casefold() for w in justext.get_stoplist(language))
    return replace(s, stopwords=words, stopwords_low=s.stoplist_low, stopwords_high=s.stoplist_high)


def document_settings(
    views: Sequence[str | None],
    s: BlockSettings,
    *,
    line_words: Sequence[Sequence[str] | None] | None = None,
    line_stops: Sequence[int | None] | None = None,
) -> tuple[BlockSettings, str]:
    """The settings to judge one document's lines by, and the stop list's language.

    The stopword share of English prose is about 0.4 with the shipped list. A
    document whose longer lines have a share below 0.15 is in another language:
    its lines are judged with the jusText stop list that covers most of their
    words (with jusText's thresholds ``stoplist_low``/``stoplist_high``) when
    that list covers 15 % or more, else by length and punctuation only
    (language ``""``: Chinese, Japanese, or not prose). ``line_words``: each
    line's casefolded words, when the caller has them, and ``line_stops``: how many
    of each line's words are in ``s.stopwords`` (same result, less work).

    Examples
    --------
    >>> de = ["Die Polizei hat am Montag die Ermittlungen aufgenommen, weil der Hund "
    ...       "des Hausbewohners in der Nacht plötzlich angeschlagen hatte."]
    >>> document_settings(de, load_block_settings())[1]
    'German'
    """
    if line_words is not None and line_stops is not None:
        # the common case first: enough stopwords, counted without a list of all words
        longs = _long_lines(views, s)
        if all(line_words[k] is not None for k in longs):
            n_words = sum(len(line_words[k] or ()) for k in longs)
            if n_words == 0 or sum(line_stops[k] or 0 for k in longs) >= 0.15 * n_words:
                return s, "English"
    words, longs = _long_line_words(views, s, line_words)
    if not words:
        return s, "English"
    if line_stops is not None and line_words is not None:
        n_stop = sum(line_stops[k] or 0 for k in longs)
    else:
        n_stop = sum(map(s.stopwords.__contains__, words))
    if n_stop >= 0.15 * len(words):
        return s, "English"
    names = _stoplists()[0]
    if not names or s.stoplist_high <= 0:
        return s, ""
    counts = [0] * len(names)
    for w, c in Counter(words).items():
        for k, n in _stoplist_hits(w):
            counts[k] += c * n
    best = max(range(len(names)), key=lambda k: (counts[k], -k))
    if counts[best] < 0.15 * len(words):
        return s, ""
    return _language_settings(s, names[best]), names[best]


#: characters that separate the items of a menu or a breadcrumb trail
MENU_SEPS = "|\u00b7\u2022/\u00bb\u203a>"
_MENU_SEP_RE = re.compile(f"[{MENU_SEPS}]")
#: words of an item of a menu at most (an item is a section's name)
MENU_ITEM_WORDS = 3


def _menu_like(view: str) -> bool:
    """A menu or breadcrumb trail: two or more separators (``|``, ``·``, ``•``, ``/``,
    ``»``, ``›``, ``>``) between items of at most three words each ("Home | Money |
    Savings", "News > World > Europe", "Jane Doe · March 3, 2021 · 5 min read"). A
    headline with its site's name ("Talks stall again in Brussels | Politics | The
    Times") has a longer item.

    Examples
    --------
    >>> _menu_like("Home | Money | Savings | Newsletter"), _menu_like("News \u203a World")
    (True, False)
    >>> _menu_like("Talks stall again in Brussels | Politics | The Times")
    False
    """
    parts = _MENU_SEP_RE.split(view)
    if len(parts) < 3:
        return False
    items = [len(p.split()) for p in parts]
    return max(items) <= MENU_ITEM_WORDS and len(items) - countOf(items, 0) >= 2


def menu_items(view: str) -> int:
    """How many items a menu line has (:func:`_menu_like`, two separators or more between
    spaces), or 0: a line with no digit (a table row of scores or figures is the
    article's) nor comma that is no sentence.

    Examples
    --------
    >>> menu_items("Home | Video | World | U.S. | Politics"), menu_items("Home > News")
    (5, 0)
    >>> menu_items("Arsenal | 12 | 8 | 3"), menu_items("Yes / No / Maybe.")
    (0, 0)
    """
    if _MENU_SEP_RE.search(view) is None or not _menu_like(view):
        return 0
    if sum(len(t) == 1 and t in MENU_SEPS for t in view.split()) < 2:
        return 0  # separators between spaces only ('Oakland/Fremont', a web address)
    if any(c.isdigit() or c == "," for c in view) or _is_sentence(view):
        return 0
    return sum(1 for p in _MENU_SEP_RE.split(view) if p.strip())


def _headline_like(view: str, s: BlockSettings) -> bool:
    """A headline by its size (``headline_min_words`` to ``headline_max_words`` words, few
    with a digit) that is no menu or breadcrumb trail (:func:`_menu_like`)."""
    if not _headline_sized(view, s):
        return False
    return _MENU_SEP_RE.search(view) is None or not _menu_like(view)


def _headline_sized(view: str, s: BlockSettings) -> bool:
    """``headline_min_words`` to ``headline_max_words`` words (tokens between spaces, and
    words of letters), at most a third of them with a digit."""
    words = view.split()
    if not (s.headline_min_words <= len(words) <= s.headline_max_words):
        return False
    alpha = _WORD_RE.findall(view)
    if len(alpha) < s.headline_min_words:
        return False
    if view.isascii() and _ASCII_DIGIT_RE.search(view) is None:
        return True  # no word with a digit
    digits = sum(1 for w in words if any(ch.isdigit() for ch in w))
    return digits * 3 <= len(words)


# -------------------------------------------------------------------- core
class BlockLine(NamedTuple):
    """One non-blank line given to :func:`classify_lines`."""

    line: int  #: the line's index in the document
    view: str | None  #: folded, trimmed, space-collapsed line (None: a very long line)
    removed_by: str | None  #: the rule that already removes it, if any


@dataclass
class _Page:
    """A document's lines that no rule removed, with their classes (built by :func:`_page`)."""

    lines: list[BlockLine]
    feats: list[_Feat]
    cls: list[str]  # context-free class of each line
    after_removed: set[int]  # lines (document index) right after a rule-removed line
    gap_before: dict[int, int]  # line (document index) -> rule-removed lines right before it
    s: BlockSettings
    final: list[str] = field(default_factory=list)  # class after context
    teaser: set[int] = field(default_factory=set)  # positions in a teaser list
    use_stop: bool = True  # judged with a stop list (False: Chinese, Japanese, no prose)
    #: positions right after lines learned as the site's template (template:learned)
    after_template: set[int] = field(default_factory=set)
    #: positions right after a comment form (lines of ``form_rules``)
    after_form: set[int] = field(default_factory=set)
    #: positions below the page's copyright line in its last third (the footer)
    footer: set[int] = field(default_factory=set)


class _Region(NamedTuple):
    """The article: its parts (positions of the first and last line of each, the
    tail carried along included), the last body paragraph and the headline (-1: none);
    ``top``: with no headline, a menu line at the top of the page whose prose below it
    is the article's, as below a headline (-1: none)."""

    parts: tuple[tuple[int, int], ...]
    body_end: int
    head: int
    top: int = -1

    @property
    def start(self) -> int:
        """Position of the article's first line (after the headline and standfirst)."""
        return self.parts[0][0]

    @property
    def end(self) -> int:
        """Position of the article's last line."""
        return self.parts[-1][1]


_LONG_FEAT = _Feat("good", 2000, 10000, 0.5, "very long line")
_LONG_KNOWN = (0, 0, _LONG_FEAT)
#: views of at most this many characters have their counts and features remembered
_MEMO_CHARS = 300
_MEMO_SIZE = 50_000


def _known_line(view: str, s: BlockSettings) -> tuple[int, int, _Feat]:
    """``(words, stopwords, features)`` of one line by the stop list of ``s``
    (remembered for a short line: a site's menu and footer lines recur on every page).

    Examples
    --------
    >>> n_words, n_stop, f = _known_line("Contact Us", load_block_settings())
    >>> n_words, n_stop, f.reason
    (2, 0, 'chrome words only')
    """
    memo = s._lines if len(view) <= _MEMO_CHARS else None
    if memo is not None:
        got = memo.get(view)
        if got is not None:
            return got
    low = view.casefold()
    words = _words_of(low)
    n_stop = countOf(map(s.stopwords.__contains__, words), True)
    got = (len(words), n_stop, line_features(view, s, words=words, n_stop=n_stop, low=low))
    if memo is not None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[view] = got
    return got


def _known_lines(views: Sequence[str | None], s: BlockSettings) -> list[tuple[int, int, _Feat]]:
    """:func:`_known_line` of every line of one document (None: a very long line).

    Lines not remembered are casefolded, and split into words when all are ASCII,
    in one pass over their text joined by line feeds (casefolding and the ASCII
    word table work character by character, and a line feed is kept as a line
    feed and is neither a letter nor an apostrophe, so each line gets the words
    it gets alone); a line holds a notice word only when it holds one of
    :func:`_notice_needles`, which are looked for in the joined text first.
    """
    memo = s._lines
    out: list[tuple[int, int, _Feat] | None] = []
    todo: list[int] = []
    for k, v in enumerate(views):
        if v is None:
            out.append(_LONG_KNOWN)
            continue
        got = memo.get(v) if len(v) <= _MEMO_CHARS else None
        out.append(got)
        if got is None:
            todo.append(k)
    texts = [views[k] or "" for k in todo]
    joined = "\n".join(texts)
    if len(todo) < 2 or joined.count("\n") != len(todo) - 1:
        # one line, or views holding line feeds (a caller's own): line by line
        for k in todo:
            out[k] = _known_line(views[k] or "", s)
        return out  # type: ignore[return-value]
    low_all = fold_case(joined)
    lows = low_all.split("\n")
    # no Han, kana or Hangul on the page (most pages): a line's length is its length
    plain = joined.isascii() or _DENSE_RE.search(_non_ascii(joined)) is None
    if low_all.isascii():
        t = low_all.encode("ascii").translate(_ASCII_LINES_BYTES).decode("ascii")
        if "'" in t:
            t = _unglue(t)
        line_words = [x.split() for x in t.split("\n")]
    else:
        # (the same in one pass when every letter is a-z: a line feed stays one)
        t2 = _word_text(low_all, _PUNCT_LINES_BYTES)
        if t2 is None:
            line_words = [_words_of(low) for low in lows]
        else:
            if "\x00" in t2:
                t2 = t2.replace("\x00", "\u2019")  # (see _split_words)
            line_words = [x.split() for x in t2.split("\n")]
    needles = [
        p
        for p in _notice_needles(s.notice_strong_parts)
        if (p.isascii() or not low_all.isascii()) and p in low_all
    ]
    stop = s.stopwords.__contains__
    for j, k in enumerate(todo):
        v, low, words = texts[j], lows[j], line_words[j]
        n_stop = countOf(map(stop, words), True)
        may = bool(needles) and any(p in low for p in needles)
        nc = len(v) if plain else None
        got = (
            len(words),
            n_stop,
            line_features(v, s, words=words, n_stop=n_stop, low=low, may_notice=may, n_chars=nc),
        )
        if len(v) <= _MEMO_CHARS:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[v] = got
        out[k] = got
    return out  # type: ignore[return-value]


def _english_by_counts(
    views: Sequence[str | None], s: BlockSettings, known: Sequence[tuple[int, int, _Feat]]
) -> bool:
    """The common case of :func:`document_settings` (its first test): the longer lines
    have enough stopwords of ``s`` (``known``: :func:`_known_line` of each line)."""
    # (the lines of _long_lines: a line's n_chars is its length with _dense_extra)
    low = s.length_low
    longs = [
        k
        for k, v in enumerate(views)
        if v is not None and low <= known[k][2].n_chars and len(v) <= _LANG_MAX
    ]
    n_words = sum(known[k][0] for k in longs)
    return n_words == 0 or sum(known[k][1] for k in longs) >= 0.15 * n_words


def _page(lines: Sequence[tuple[int, str | None, str | None]], s: BlockSettings) -> _Page | None:
    """Leave out the lines a rule already removes and classify the rest (None: abstain).

    A line a rule removes is chrome the rules know: it needs no second vote,
    and an in-body teaser ("READ: ...") must not split the body. The line after
    it is not adjacent to what precedes it: the tail extension stops there.
    """
    after_removed: set[int] = set()
    gap_before: dict[int, int] = {}
    after_template: set[int] = set()
    after_form: set[int] = set()
    n_removed = 0
    template = form = False
    for ln in lines:
        if ln[2] is not None:
            n_removed += 1
            template = template or ln[2].startswith("template:")
            form = form or ln[2] in s.form_rules
        elif n_removed:
            after_removed.add(ln[0])
            gap_before[ln[0]] = n_removed
            if template:
                after_template.add(ln[0])
            if form:
                after_form.add(ln[0])
            n_removed = 0
            template = form = False
    # (tuple.__new__: a BlockLine without the keyword parsing of its __new__)
    new = tuple.__new__
    kept = [new(BlockLine, ln) if len(ln) == 3 else BlockLine(*ln) for ln in lines if ln[2] is None]
    views = [ln.view for ln in kept]
    # each line's word and stopword counts and its English features (remembered for
    # short lines); the words themselves only when another language is tried
    known = _known_lines(views, s)
    s0, use_stop = s, True
    if _english_by_counts(views, s, known):
        feats = [k[2] for k in known]
    else:
        line_words = [None if v is None else _folded_words(v) for v in views]
        line_stops: list[int | None] = [
            None if v is None else k[1] for v, k in zip(views, known, strict=True)
        ]
        s, language = document_settings(views, s, line_words=line_words, line_stops=line_stops)
        use_stop = language != ""
        if s is not s0:  # another language's stop list: counted again
            line_stops = [None] * len(views)
        feats = [
            k[2]
            if v is None or (s is s0 and use_stop)
            else line_features(v, s, use_stopwords=use_stop, words=w, n_stop=n)
            for v, w, n, k in zip(views, line_words, line_stops, known, strict=True)
        ]
        if s is not s0:
            _english_lines(views, line_words, feats, s0)
    if s.wrap_min_lines > 0:
        _wrapped_paragraphs(kept, feats, after_removed, s, use_stop)
    if sum(f.cls == "good" for f in feats) < s.min_good_lines:
        return None
    page = _Page(kept, feats, [f.cls for f in feats], after_removed, gap_before, s)
    page.use_stop = use_stop
    if after_template:
        page.after_template = {k for k, ln in enumerate(kept) if ln.line in after_template}
    if after_form:
        page.after_form = {k for k, ln in enumerate(kept) if ln.line in after_form}
    page.footer = _footer(lines, kept)
    return page


def _footer(
    lines: Sequence[tuple[int, str | None, str | None]], kept: Sequence[BlockLine]
) -> set[int]:
    """Positions of the kept lines below the page's first copyright line in its last third
    (empty: none). The site's footer follows its copyright line ("Community rules apply to all
    content you upload..."); the article does not.

    >>> rows = [(i, "x", None) for i in range(6)] + [(6, "(c) 2015", "copyright_line"), (7, "y", None)]
    >>> sorted(_footer(rows, [BlockLine(*r) for r in rows if r[2] is None]))
    [6]
    """
    n = len(lines)
    first = next(
        (ln[0] for k, ln in enumerate(lines) if ln[2] == "copyright_line" and 3 * k >= 2 * n), None
    )
    if first is None:
        return set()
    return {k for k, ln in enumerate(kept) if ln.line > first}


def _english_lines(
    views: Sequence[str | None],
    line_words: Sequence[Sequence[str] | None],
    feats: list[_Feat],
    en: BlockSettings,
) -> None:
    """In a document judged by another language's stop list, a line that is English
    prose by the shipped list (an English article or quote on a German site) is good."""
    for k, (v, w) in enumerate(zip(views, line_words, strict=True)):
        if (
            v is None
            or not w
            or len(w) < 6
            or feats[k].cls not in ("bad", "near-good")
            or feats[k].reason.startswith(("chrome", "site notice", "date/time"))
        ):
            continue
        if sum(map(en.stopwords.__contains__, w)) >= en.stopwords_high * len(w):
            f = line_features(v, en, words=w)
            if f.cls == "good":
                feats[k] = _Feat(f.cls, f.n_words, f.n_chars, f.stop, f.reason + " (English)")


def wraps(a: str, b: str, width: int = 0) -> bool:
    """Line ``b`` goes on the sentence of line ``a`` (a paragraph wrapped at a fixed width):
    ``b`` starts in lower case, or, in a text wrapped at ``width`` characters
    (:func:`wrap_width`), ``a`` is full: its first word would not have fitted on it
    ("... alleviating the drought since early" / "January and improving ...")."""
    end = a[-1]
    if end in _SENT_CLOSE or end in ":;|" or not b[0].isalnum():
        return False
    if b[0].islower():
        return True
    return width > 0 and len(a) + 1 + len(b.split(None, 1)[0]) > width - _WRAP_SLACK


#: a text is wrapped at a fixed width when it has this many lines of 30+ characters, none
#: of them (but a few) longer than the width, and half of them within 20 characters of it
_WRAP_MIN_LINES = 8
#: a line is full when its next line's first word would not have fitted within this many
#: characters of the width (wrapping programs leave a margin; the longest line may be one
#: that overran it)
_WRAP_SLACK = 8
_WRAP_MAX_WIDTH = 100


def wrap_width(views: Sequence[str | None]) -> int:
    """The width a text is hard-wrapped at (e-mail, wire copy, ``<pre>``), 0 when it is not:
    the longest line of 30+ characters, when such lines are many, at most
    ``_WRAP_MAX_WIDTH`` long (but one in twenty) and half of them within 20 characters
    of it. Scraped web text prints a paragraph on one long line: 0.

    >>> wrap_width(["a" * 64, "b" * 61, "c" * 58] * 3 + ["Title"])
    64
    >>> wrap_width(["a" * 64] * 8 + ["x" * 400] * 2)
    0
    """
    # (a line without a view is a very long one: over the width)
    lens = [n for n in [10**6 if v is None else len(v) for v in views] if n >= 30]
    if len(lens) < _WRAP_MIN_LINES:
        return 0
    over = len([n for n in lens if n > _WRAP_MAX_WIDTH])
    if 20 * over > len(lens):
        return 0  # (most scraped pages: decided before sorting)
    lens.sort()
    width = lens[len(lens) - over - 1]
    return width if 2 * sum(n >= width - 20 for n in lens[: len(lens) - over]) >= len(lens) else 0


def _wrapped_paragraphs(
    kept: Sequence[BlockLine],
    feats: list[_Feat],
    after_removed: set[int],
    s: BlockSettings,
    use_stop: bool,
) -> None:
    """Judge a paragraph wrapped over several lines (text from e-mail, PDF or <pre>) as one
    block: when the joined lines are a good paragraph, each of them is good."""
    n, k = len(kept), 0
    width = wrap_width([ln.view for ln in kept])
    while k < n:
        j = k
        while (
            j + 1 < n
            and kept[j].view
            and kept[j + 1].view
            and kept[j + 1].line == kept[j].line + 1
            and kept[j + 1].line not in after_removed
            and wraps(kept[j].view or "", kept[j + 1].view or "", width)
        ):
            j += 1
        if j - k + 1 >= max(2, s.wrap_min_lines):
            joined = " ".join(kept[m].view or "" for m in range(k, j + 1))
            f = line_features(joined, s, use_stopwords=use_stop)
            if f.cls == "good":
                why = f"wrapped paragraph (lines {kept[k].line + 1}-{kept[j].line + 1}); {f.reason}"
                for m in range(k, j + 1):
                    g = feats[m]
                    if g.cls != "bad" or g.reason.startswith("few stopwords"):
                        feats[m] = _Feat("good", g.n_words, g.n_chars, f.stop, why)
        k = j + 1


def _neighbours(cls: Sequence[str], skip_near: bool) -> tuple[list[str], list[str]]:
    """Class of the nearest good/bad (or near-good) line before and after each line."""
    n = len(cls)
    prev, nxt = ["bad"] * n, ["bad"] * n
    decisive = ("good", "bad") if skip_near else ("good", "bad", "near-good")
    last = "bad"
    for k in range(n):
        prev[k] = last
        if cls[k] in decisive:
            last = cls[k]
    last = "bad"
    for k in range(n - 1, -1, -1):
        nxt[k] = last
        if cls[k] in decisive:
            last = cls[k]
    return prev, nxt


def _context_classes(cls: Sequence[str], bad_before: Collection[int] = ()) -> list[str]:
    """jusText's context rules: short and near-good lines take their neighbours' class.

    ``bad_before``: positions right after lines the site's learned template removed.
    Such lines are chrome found by their recurrence on the site's other pages, so they
    stay a *bad* neighbour (between the lines on either side of them) though they are
    no longer on the page the classifier reads: a sentence under the template's menu
    is judged as if the menu were still above it.

    >>> cls = ["near-good", "near-good", "good"]
    >>> _context_classes(cls), _context_classes(cls, {2})
    (['good', 'good', 'good'], ['bad', 'bad', 'good'])
    """
    if bad_before:
        aug: list[str] = []
        pos = []
        for k, c in enumerate(cls):
            if k in bad_before:
                aug.append("bad")
            pos.append(len(aug))
            aug.append(c)
        final = _context_classes(aug)
        return [final[j] for j in pos]
    p1, n1 = _neighbours(cls, True)
    p2, n2 = _neighbours(cls, False)
    final = list(cls)
    for k, c in enumerate(cls):
        if c == "short":
            a, b = p1[k], n1[k]
            if a == b:
                final[k] = a
            elif (a == "bad" and p2[k] == "near-good") or (b == "bad" and n2[k] == "near-good"):
                final[k] = "good"
            else:
                final[k] = "bad"
        elif c == "near-good":
            final[k] = "bad" if p1[k] == "bad" and n1[k] == "bad" else "good"
    return final


def _teaser_lists(page: _Page) -> set[int]:
    """Runs of ``teaser_run`` or more lines between paragraphs, half of them headline-like.

    A related-stories block prints kicker, headline, byline and date per item;
    an article prints a subheading alone before its paragraph, and a list the
    article owns has items of one shape.
    """
    lines, feats, cls, s = page.lines, page.feats, page.cls, page.s
    teaser: set[int] = set()
    n, k = len(lines), 0
    while k < n:
        if cls[k] == "good":
            k += 1
            continue
        j, n_head = k, 0
        while j < n and cls[j] != "good":
            v = lines[j].view
            if v is not None and _teaser_like(v, feats[j]):
                n_head += 1
            j += 1
        if (
            j - k >= s.teaser_run
            and n_head >= 2
            and 2 * n_head >= j - k
            and _list_run(lines, feats, k, set(), s, j) - k < 3
        ):
            teaser.update(range(k, j))
        k = j
    return teaser


def _content_words(views: Iterable[str | None], stop: Collection[str]) -> set[str]:
    """The distinct casefolded words of three letters or more of ``views`` that are not
    in ``stop``."""
    return {
        w for v in views if v is not None for w in _folded_words(v) if len(w) >= 3 and w not in stop
    }


def _inner_teasers(page: _Page, inside: Sequence[bool]) -> set[int]:
    """Teaser lists standing inside the body (a "Related" box between two paragraphs):
    runs of :func:`_teaser_lists` wholly inside the article, two thirds of their lines
    headline-like (:func:`_teaser_like`), not introduced by a line ending with a colon
    (the article's own list: "The tour dates:"), with no list of three or more items
    of one shape in them (tour dates, results, a spec sheet), fewer than half of their
    content words (:func:`_content_words`) in the body's other lines (a teaser names
    other stories; an article's own box or list names its subject). A sentence in the run
    stays, and so does the rest of the run after a line ending with a colon."""
    lines, feats, s = page.lines, page.feats, page.s
    out: set[int] = set()
    body: set[str] | None = None
    runs: list[list[int]] = []
    for k in sorted(page.teaser):
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        a, z = run[0], run[-1] + 1
        if not all(inside[a:z]) or a == 0 or z >= len(lines) or not inside[z]:
            continue
        prev = lines[a - 1].view
        if prev is not None and prev.rstrip().endswith(":"):
            continue
        views = [lines[k].view for k in run]
        n_head = sum(1 for k, v in zip(run, views, strict=True) if v and _teaser_like(v, feats[k]))
        if 3 * n_head < 2 * len(run):
            continue
        if any(_list_run(lines, feats, k, set(), s, z) - k >= 3 for k in run):
            continue
        if body is None:
            body = _content_words(
                (
                    ln.view
                    for k, ln in enumerate(lines)
                    if inside[k] and feats[k].cls != "bad" and k not in page.teaser
                ),
                s.stopwords,
            )
        words = _content_words(views, s.stopwords)
        if 2 * len(words & body) >= len(words):
            continue  # the run shares the article's words: its own box or list
        for k in run:
            v = views[k - a]
            if v is None or v.rstrip().endswith(":"):
                break  # what a colon introduces is the article's
            if not _ends_sentence(v):
                out.add(k)
    return out


def _kept_between(page: _Page, inside: Sequence[bool], end: int) -> set[int]:
    """Lines between two parts of the article (``end``: its last line) that stay: prose
    (a line good or near-good on its own, not in a teaser list nor the site's footer: a
    paragraph the body search left in a gap of chrome), and the article's own list: a
    run of :func:`_teaser_lists` in the gap a third or more of whose content words
    (:func:`_content_words`) the body's other lines use (a listicle's items, a spec
    sheet or an event list name the article's subject; a related-stories box names
    other stories: the test :func:`_inner_teasers` makes inside a part). The run's lines
    that are bad on their own (chrome words, a stamp) still go."""
    lines, feats, cls, s = page.lines, page.feats, page.cls, page.s
    first = inside.index(True) if True in inside else len(inside)
    out = {
        k
        for k in range(first + 1, end)
        if not inside[k]
        and cls[k] in ("good", "near-good")
        and k not in page.teaser
        and k not in page.footer
    }
    runs: list[list[int]] = []
    for k in sorted(page.teaser):
        if inside[k] or not first < k < end:
            continue
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    if not runs:
        return out
    body = _content_words(
        (
            ln.view
            for k, ln in enumerate(lines)
            if inside[k] and feats[k].cls != "bad" and k not in page.teaser
        ),
        s.stopwords,
    )
    for run in runs:
        words = _content_words((lines[k].view for k in run), s.stopwords)
        if words and 3 * len(words & body) >= len(words):
            out.update(k for k in run if cls[k] != "bad")
    return out


#: the credit line of a post embedded in an article: "— Elon Musk (@elonmusk) October 18, 2017"
_TWEET_CREDIT_RE = re.compile(r"[\u2014\u2013-] ?[^()]{1,80} \(@\w{1,30}\) [^()]{4,30}")


def _tweet_credit(view: str | None) -> bool:
    """An embedded post's credit: a date, but no item of a listing (an article quotes
    posts between its paragraphs; a stamp there must not cut the article)."""
    return view is not None and _TWEET_CREDIT_RE.fullmatch(view) is not None


def _weights(page: _Page) -> list[float]:
    """Score of each line for the body run: evidence of article (> 0) or chrome (< 0)."""
    n, s = len(page.lines), page.s
    # stamps weigh heavily only where they recur (a listing prints one per item;
    # an article prints its own date once or twice)
    stamps = [
        f.reason == "date/time stamp" and not _tweet_credit(page.lines[k].view)
        for k, f in enumerate(page.feats)
    ]
    n_stamps = sum(stamps)
    weights: list[float] = []
    for k, f in enumerate(page.feats):
        size = f.n_chars / 6.0  # about one word per six characters, in any script
        cls = page.cls[k]
        if page.final[k] == "good" and k in page.footer:
            w = -s.short_cost  # prose below the site's copyright line is its footer
        elif page.final[k] == "good":
            if cls == "good":
                # the last lines of a long page are its footer (disclaimers, legal
                # notes): prose there counts half
                w = size if n < 20 or k < n - max(3, n // 20) else 0.5 * size
            elif cls == "near-good":
                w = 0.5 * min(size, 20.0)
            else:  # a short line between paragraphs: kept, but no evidence of body
                w = -s.short_cost
        elif stamps[k] and n_stamps >= 3:
            w = -s.stamp_penalty  # one per item of a teaser list or comment thread
        else:
            w = -(3.0 + min(size, 12.0))
        weights.append(w)
    return weights


def _max_run(
    weights: Sequence[float], lo: int, hi: int, gaps: Sequence[float] = ()
) -> tuple[float, int, int]:
    """Kadane's maximum-sum run of ``weights[lo:hi]``: (score, first, last); first is -1
    when no run scores above 0. ``gaps[k]`` is subtracted when the run grows over line k;
    an infinite gap is a boundary: the run starts again at k.

    >>> _max_run([5.0, 10.0, 3.0], 0, 3, [0.0, 8.0, 0.0])
    (10.0, 0, 2)
    >>> _max_run([5.0, 10.0, 3.0], 0, 3, [0.0, inf, 0.0])
    (13.0, 1, 2)
    """
    best, best_s, best_e = 0.0, -1, -1
    run, run_s = 0.0, lo
    for k in range(lo, hi):
        gap = gaps[k] if gaps else 0.0
        if run <= 0 or gap == inf:
            run, run_s = weights[k], k
        else:
            run += weights[k] - gap
        if run > best:
            best, best_s, best_e = run, run_s, k
    return best, best_s, best_e


def _body_runs(page: _Page, weights: Sequence[float]) -> list[tuple[int, int]]:
    """First and last position of each part of the article, in order (empty: no run
    scores above 0).

    The best run is the maximum-sum run of line weights (Kadane). Chrome a rule
    removed ("Related articles", "Share") between two lines counts against
    joining them (``removed_penalty`` per line). A comment form (lines of
    ``form_rules``: "Your email address will not be published", "Name *")
    ends a run: no run grows over it. A run before or after it
    scoring at least ``second_run`` of the best one joins it with everything
    between (an article cut in two by a widget or a long list), unless a comment
    form stands between them (what follows a comment form is comments, a sidebar
    and the footer). The article
    comes first on a page (comments, teasers, footers and consent dialogs
    follow it), so a run *before* it scoring at least ``part_run`` of it is
    kept too, as a part of its own without the lines between (the first
    paragraphs, cut off by a photo gallery, a box or a sidebar): when in doubt,
    keep. So is such a run between a part and the best run (a listicle's items
    between its introduction and its last section). The search goes on in the
    gaps left, at most ``_MAX_PARTS`` parts (a bound on the passes; a listicle has
    many); the lines a join covers are not
    searched again (runs never overlap). A run *after* the article scoring
    ``after_part_run`` of the best one is a part too when it speaks of what the
    article speaks of (:func:`_goes_on`): a guide goes on after its comparison table.
    """
    s, n = page.s, len(weights)
    gaps = [s.removed_penalty * page.gap_before.get(ln.line, 0) for ln in page.lines]
    for k in page.after_form:
        gaps[k] = inf
    best, best_s, best_e = _max_run(weights, 0, n, gaps)
    if best_s < 0:
        return []
    runs = [(best_s, best_e)]
    todo = [(0, best_s, True), (best_e + 1, n, False)]
    while todo and len(runs) < _MAX_PARTS:
        lo, hi, before = todo.pop()
        score, s2, e2 = _max_run(weights, lo, hi, gaps)
        if s2 < 0:
            continue
        # the run right after a gap before the best one (the best one or a part), or the
        # last run for a gap after it
        near = min(r for r in runs if r[0] >= hi) if before else max(runs)
        between = range(e2 + 1, near[0] + 1) if before else range(near[1] + 1, s2 + 1)
        form = bool(page.after_form) and any(k in page.after_form for k in between)
        if s.second_run > 0 and score >= s.second_run * best and not form:
            # joins it with everything between; only the side away from it is searched on
            runs.remove(near)
            runs.append((s2, near[1]) if before else (near[0], e2))
            todo.append((lo, s2, True) if before else (e2 + 1, hi, False))
        elif before and s.part_run > 0 and score >= s.part_run * best:
            # a part of its own: the gaps on both sides of it are before the best run
            runs.append((s2, e2))
            todo += [(lo, s2, True), (e2 + 1, hi, True)]
        elif not before and not form and _goes_on(page, runs, s2, e2, score >= _after(s) * best):
            # the article goes on after a table or a list: a part of its own
            runs.append((s2, e2))
            todo.append((e2 + 1, hi, False))
    return sorted(runs)


def _after(s: BlockSettings) -> float:
    """The share of the best run a run after the article must score to be a part
    (``after_part_run``; 0: off, never reached)."""
    return s.after_part_run if s.after_part_run > 0 else inf


def _goes_on(page: _Page, runs: Sequence[tuple[int, int]], a: int, z: int, scores: bool) -> bool:
    """The run ``a..z`` after the article (``runs``: its parts so far) goes on with it:
    it scores ``after_part_run`` of the best run (``scores``) and ``after_part_share`` or
    more of the content words (:func:`_content_words`) of its good lines are words of the
    article's good lines (the rest of a guide after its comparison table speaks of what
    the guide does; a teaser with a summary, a bio or a newsletter box after the article
    mostly does not: session 40's a1, the score alone, cost four dev parts)."""
    if not scores:
        return False
    lines, final, stop = page.lines, page.final, page.s.stopwords
    body = _content_words(
        (lines[k].view for k in range(min(runs)[0], max(runs)[1] + 1) if final[k] == "good"),
        stop,
    )
    words = _content_words((lines[k].view for k in range(a, z + 1) if final[k] == "good"), stop)
    return bool(words) and len(words & body) >= page.s.after_part_share * len(words)


def _intro_runs(
    page: _Page, weights: Sequence[float], parts: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Runs of prose before the article's first part that are its introduction: two
    paragraphs or more (class good by their own look, outside teaser lists) of at least
    ``_INTRO_MIN_WORDS`` content words (:func:`_content_words`), ``intro_share`` of them
    in the article's lines. A long article's introduction can score under ``part_run``
    of its body when a table of contents, a photo or a box stands between them; prose
    that shares the article's words is its own (a teaser or a site's blurb names other
    subjects). The runs are kept as they are; the headline search, and so what stays
    between the headline and the body, is that of the body (:func:`_headline`).

    >>> body = ("The mayor said on Thursday that the new bridge over the river would open "
    ...         "next spring, after three years of delays, court cases and rising costs.")
    >>> intro = ("The bridge over the river has been delayed for three years by court cases "
    ...          "and costs, and the mayor now says it will open next spring at last.")
    >>> page = _page([(i, v, None) for i, v in enumerate([intro, intro, "Contents",
    ...               "Delays", "Costs", "Opening", *[body] * 12])], load_block_settings())
    >>> page.final = _context_classes(page.cls, page.after_template)
    >>> _intro_runs(page, _weights(page), [(6, 17)])
    [(0, 1)]
    """
    s = page.s
    if s.intro_share <= 0 or not parts or parts[0][0] == 0:
        return []
    gaps = [s.removed_penalty * page.gap_before.get(ln.line, 0) for ln in page.lines]
    for k in page.after_form:
        gaps[k] = inf
    body: set[str] | None = None
    out: list[tuple[int, int]] = []
    todo = [(0, parts[0][0])]
    while todo and len(out) < _MAX_PARTS:
        lo, hi = todo.pop()
        _score, a, z = _max_run(weights, lo, hi, gaps)
        if a < 0:
            continue
        prose = [
            page.lines[k].view
            for k in range(a, z + 1)
            if page.final[k] == "good" and page.cls[k] == "good" and k not in page.teaser
        ]
        if len(prose) < 2:
            continue
        words = _content_words(prose, s.stopwords)
        if len(words) < _INTRO_MIN_WORDS:
            continue
        if body is None:
            body = _content_words(
                (
                    page.lines[k].view
                    for p, q in parts
                    for k in range(p, q + 1)
                    if page.cls[k] != "bad" and k not in page.teaser
                ),
                s.stopwords,
            )
        if len(words & body) >= s.intro_share * len(words):
            out.append((a, z))
            todo += [(lo, a), (z + 1, hi)]
    return sorted(out)


def _headline(page: _Page, best_s: int) -> tuple[int, int]:
    """Position of the headline above the body run (-1: none), and of a menu line that
    marks the top of the article when there is no headline (-1: none).

    Paragraphs just above the run with no chrome between them and it (first
    sentences cut off by a photo and its caption) are the article's too: the
    nearest headline-like line is looked for above them, within
    ``headline_window`` lines; else a short title line right before the body.
    The document's first line, when it is a headline close to the body, wins;
    when no line above the body is headline-like, a first line of a headline's
    size that is cut only for its few stopwords is the title (headlines have few:
    "Prêmio Multishow acontece nesta quarta com apresentação de Paulo Gustavo").
    The first line the site's learned template left (lines ``template:learned``
    stood above it) is no "first line" when it is a statement ended by a full
    stop ("Visit our directory for more information about Google blogs."): the
    title of a page is rarely that, a sentence under a removed menu often is.
    A menu or breadcrumb trail of a headline's size (:func:`_menu_like`: "Home |
    Money | Savings") is no headline: the search goes on above it; when it finds
    none, the menu is the top (the prose between it and the body stays, as a
    standfirst below a headline does; the menu goes).
    """
    lines, feats, cls, s = page.lines, page.feats, page.cls, page.s
    first = 0 not in page.after_template or not _statement(lines[0].view)
    if not first:
        cls = [*cls]
        cls[0] = "bad"  # judged as the chrome above it
    head, top, menu = -1, best_s, -1
    for k in range(best_s - 1, max(-1, best_s - 1 - s.headline_window), -1):
        if cls[k] == "bad" and not feats[k].reason.startswith("few stopwords"):
            break  # chrome words, a stamp, a site notice: the article starts below
        if cls[k] == "good":
            top = k
    for k in range(top - 1, max(-1, top - 1 - s.headline_window), -1):
        view = lines[k].view
        if view is not None and cls[k] != "bad" and _headline_sized(view, s):
            if not _menu_like(view):
                head = k
                break
            if menu < 0:
                menu = k
    if head < 0 and menu < 0 and best_s > 0 and cls[best_s - 1] == "short":
        # no headline-like line: a short title line ("Ministers agree") that is not a label
        view = lines[best_s - 1].view
        if view is not None and len(view.split(None, 2)) >= 2 and not _ends_sentence(view):
            head = best_s - 1
    if 0 < best_s <= s.headline_window and cls[0] != "bad":
        v0 = lines[0].view
        if v0 is not None and _headline_sized(v0, s):
            if not _menu_like(v0):
                head = 0
            elif head < 0:
                menu = 0
    if head < 0 and menu < 0 and first and 0 < best_s <= s.headline_window:
        v0 = lines[0].view
        if (
            v0 is not None
            and cls[0] == "bad"
            and feats[0].reason.startswith("few stopwords")
            and _headline_sized(v0, s)
            and not _menu_like(v0)
        ):
            head = 0
    return head, (menu if head < 0 else -1)


def _statement(view: str | None) -> bool:
    """A line ended by a full stop (maybe inside quotes), with no ``?`` or ``!``: a
    sentence, rarely a title ("Who paid for the 'Trump dossier'?" can be one).

    >>> _statement("Visit our directory for more information."), _statement("Why now?")
    (True, False)
    """
    return (
        view is not None
        and view.rstrip().rstrip("\"'\u201d\u2019").endswith(".")
        and "?" not in view
        and "!" not in view
    )


def _decisions(
    page: _Page,
    region: _Region,
    model: dict[int, float] | None = None,
    intro: Sequence[tuple[int, int]] = (),
) -> dict[int, tuple[str, str]]:
    """``line index -> (rule, detail)`` for every line outside the region (except the
    headline, a standfirst, and a headline-sized line right above the body when the
    headline is higher up: a tag line or a site's slogan can be found as the headline,
    the article's own title then stands between them and the body) and every
    chrome-words line inside it. ``model``:
    positions whose class the learned model decided, with its score (named in the detail).
    ``intro``: runs before the body that are the article's introduction
    (:func:`_intro_runs`): their lines stay, except menus and chrome-words lines."""
    lines, cls, head = page.lines, page.cls, region.head
    first_line = lines[region.start].line + 1
    last_line = lines[region.end].line + 1
    what = "body paragraph" if region.end == region.body_end else "line of the article"
    inside = [False] * len(lines)
    for a, z in region.parts:
        inside[a : z + 1] = [True] * (z + 1 - a)
    out: dict[int, tuple[str, str]] = {}
    lead = head if head >= 0 else region.top  # what a standfirst follows
    inner = _inner_teasers(page, inside)
    kept = _kept_between(page, inside, region.end)
    for k, ln in enumerate(lines):
        f = page.feats[k]
        reason = (
            f"in a teaser list; {f.reason}" if k in page.teaser and cls[k] != "bad" else f.reason
        )
        if model and k in model:
            reason += f"; {page.final[k]} by {_model_name()} (p={model[k]:.2f})"
        menu = 0 if ln.view is None or cls[k] == "good" else menu_items(ln.view)
        if k < region.start:
            if k == head or _stays_above(page, region, k, lead, menu, intro):
                continue
            where = "before the headline" if head >= 0 and k < head else "before the body"
            out[ln.line] = (
                "block:before_body",
                f"{where} (body starts at line {first_line}); {reason}",
            )
        elif k > region.end:
            out[ln.line] = (
                "block:after_body",
                f"after the last {what} (line {last_line}); {reason}",
            )
        elif not inside[k]:
            if k in kept:
                continue  # prose or the article's own list between two of its parts
            prev_end = max(p[1] for p in region.parts if p[1] < k)
            next_start = min(p[0] for p in region.parts if p[0] > k)
            out[ln.line] = (
                "block:between_parts",
                f"between two parts of the body (lines {lines[prev_end].line + 1} and "
                f"{lines[next_start].line + 1}); {reason}",
            )
        elif cls[k] == "bad" and f.reason.startswith("chrome"):
            out[ln.line] = ("block:chrome_words", f"inside the body; {reason}")
        elif k in inner:
            out[ln.line] = ("block:chrome_words", f"inside the body; {reason}")
        elif menu:
            # a menu goes wherever it stands, but does not cut the body in two
            out[ln.line] = ("block:chrome_words", f"inside the body; menu: {menu} items; {reason}")
    return out


def _stays_above(
    page: _Page, region: _Region, k: int, lead: int, menu: int, intro: Sequence[tuple[int, int]]
) -> bool:
    """Line ``k`` above the body stays (:func:`_decisions`): a standfirst between the
    headline (or the menu at the top, ``lead``) and the body, a headline-sized line right
    above the body when the headline is higher up, or a line of the introduction
    (``intro``) that is no menu and has no chrome words. ``menu``: its menu items."""
    ln, cls, f = page.lines[k], page.cls[k], page.feats[k]
    if menu:
        return False
    if any(a <= k <= z for a, z in intro) and not (cls == "bad" and f.reason.startswith("chrome")):
        return True
    if (
        lead >= 0
        and k > lead
        and (cls in ("good", "near-good") or (ln.view is not None and _is_sentence(ln.view)))
    ):
        return True  # a standfirst between the headline and the body
    return (
        0 <= region.head < k == region.start - 1
        and cls != "bad"
        and k not in page.teaser
        and ln.view is not None
        and _headline_sized(ln.view, page.s)
        and "@" not in ln.view  # a byline's handle
        and not ln.view.startswith(("(", "["))  # a note in brackets
    )  # a headline-sized line right above the body: the page's own title


def _whole_article(page: _Page) -> bool:
    """The page is all article: :func:`classify_lines` decides nothing on it (a fast
    exact test of the common page, a title and its paragraphs, before the context rules).

    Every line after the first that is not good is near-good after a good line and before
    a good one or none, or short between two good lines, and no line follows a template's
    lines (``after_template``). Then the context rules make every line after the first
    good, and the first one good when it is good or near-good (a good line follows it),
    else bad; there is no teaser list (it needs two lines in a row other than good) and
    no change by the learned model (off, or a page judged without stopwords, or no
    near-good line). The body run is then the page from its first line (good or
    near-good) or its second: so when every weight is above 0 and no rule-removed line
    stands between two lines (else :func:`_body_runs` is asked). No tail or head extends
    that run; no line inside it is bad, and none is a menu (:func:`menu_items`; a good
    line is none); a first line left out must be the headline (:func:`_headline`).

    >>> body = ("Officials said on Thursday that the talks in the capital would resume "
    ...         "next week, after a pause of more than a month of fighting and blame.")
    >>> page = _page([(i, v, None) for i, v in enumerate(["Talks to resume", body, body,
    ...               body])], load_block_settings())
    >>> page.cls[0], _whole_article(page), classify_lines(page.lines)
    ('short', True, {})
    """
    cls, lines, s = page.cls, page.lines, page.s
    n = len(cls)
    if n < 2 or page.after_template:
        return False
    first = cls[0] in ("good", "near-good")
    ask = bool(page.gap_before)  # the body run is computed
    for k, c in enumerate(cls):
        if c == "good":
            continue
        if k > 0:
            if c == "bad" or cls[k - 1] != "good" or (k + 1 < n and cls[k + 1] != "good"):
                return False
            if c == "short":  # (a last short line is bad: no good line after it)
                if k + 1 >= n:
                    return False
                ask = True
        if c == "near-good" and (s.model_good > 0 or s.model_bad > 0) and page.use_stop:
            return False
        v = lines[k].view
        if (k > 0 or first) and v is not None and menu_items(v):
            return False
    if ask or any(f.n_chars <= 0 for f in page.feats):
        page.final = ["good"] * n
        if not first:
            page.final[0] = "bad"
        if _body_runs(page, _weights(page)) != [(0 if first else 1, n - 1)]:
            return False
    return first or _headline(page, 1)[0] == 0


def classify_lines(
    lines: Sequence[tuple[int, str | None, str | None]],
    settings: BlockSettings | None = None,
) -> dict[int, tuple[str, str]]:
    """Decide which lines of one document are chrome.

    Parameters
    ----------
    lines : sequence of :class:`BlockLine` or (line, view, removed_by) tuples
        The document's non-blank lines in order. ``view`` is the folded,
        trimmed, space-collapsed line (None for a very long line, which counts
        as a good paragraph); ``removed_by`` is the rule that already removes
        the line (it counts as chrome evidence and is not decided again).
    settings : BlockSettings, optional
        Default: the shipped ``data/blocks.yml``.

    Returns
    -------
    dict
        ``line index -> (rule, detail)`` for every line the classifier removes;
        rule is ``block:before_body``, ``block:after_body`` or
        ``block:chrome_words``.

    Examples
    --------
    >>> body = ("Officials said on Thursday that the talks in the capital would resume next "
    ...         "week, after a pause of more than a month in which both sides had traded blame "
    ...         "for the failure of the last round and for the fighting that followed it.")
    >>> doc = ["Home", "World", "Talks to resume next week", body, body, "Contact Us", "Privacy"]
    >>> out = classify_lines([(i, v, None) for i, v in enumerate(doc)])
    >>> sorted((i, r) for i, (r, _) in out.items())
    [(0, 'block:before_body'), (1, 'block:before_body'), (5, 'block:after_body'), (6, 'block:after_body')]
    """
    s = settings or _default_settings()
    if len(lines) < s.min_lines:
        return {}
    page = _page(lines, s)
    if page is None or _whole_article(page):
        return {}
    page.final = _context_classes(page.cls, page.after_template)
    page.teaser = _teaser_lists(page)
    for k in page.teaser:
        if page.final[k] == "good":
            page.final[k] = "bad"
    changed = _model_classes(page)
    weights = _weights(page)
    runs = _body_runs(page, weights)
    if not runs:
        return {}
    parts: list[tuple[int, int]] = []
    for k, (start, body_end) in enumerate(runs):
        stop = runs[k + 1][0] if k + 1 < len(runs) else len(page.lines)
        end, _why = _extend_tail(
            page.lines, page.feats, body_end, page.after_removed, s, stop, start
        )
        start = _extend_head(page, start, parts[-1][1] + 1 if parts else 0)
        parts.append((start, end))
    parts = _join_quiet_gaps(page, parts)
    region = _Region(tuple(parts), runs[-1][1], *_headline(page, parts[0][0]))
    return _decisions(page, region, changed, _intro_runs(page, weights, parts))


def _join_quiet_gaps(page: _Page, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join two parts of the article when no line between them shows chrome: every
    line there is short, near-good or good by its own look (no chrome words, stamp, site
    notice or line of few stopwords), none is a menu or in a teaser list, and no rule
    removed a line there. Such a gap is the article's own (the steps of a guide, short
    lines of a list between its paragraphs), not a widget that cut it in two.

    >>> body = ("Officials said on Thursday that the talks in the capital would resume "
    ...         "next week, after a pause of more than a month of fighting and blame.")
    >>> page = _page([(i, v, None) for i, v in enumerate([body, "Step one", "Step two",
    ...               body])], load_block_settings())
    >>> _join_quiet_gaps(page, [(0, 0), (3, 3)])
    [(0, 3)]
    >>> page.teaser = {1, 2}
    >>> _join_quiet_gaps(page, [(0, 0), (3, 3)])
    [(0, 0), (3, 3)]
    """
    out = parts[:1]
    for a, z in parts[1:]:
        lo = out[-1][1] + 1
        quiet = all(
            page.cls[k] != "bad"
            and k not in page.teaser
            and not page.gap_before.get(page.lines[k].line, 0)
            and not menu_items(page.lines[k].view or "")
            for k in range(lo, a)
        ) and not page.gap_before.get(page.lines[a].line, 0)
        if quiet:
            out[-1] = (out[-1][0], z)
        else:
            out.append((a, z))
    return out


# ------------------------------------------------------------ learned line model
#: the features the learned line model weighs (``data/line_model.yml``), in its order
MODEL_FEATURES = (
    "log_words",  # log(1 + words)
    "log_chars",  # log(1 + characters)
    "stop_share",  # share of stopwords
    "near_good",  # context-free class near-good (else short)
    "context_good",  # jusText's context rule (and the teaser lists) made it good
    "teaser",  # in a teaser list
    "ends_sentence",  # ends like a sentence
    "ends_colon",  # ends with a colon (introduces what follows)
    "starts_lower",  # starts with a lower-case letter (goes on a sentence)
    "headline_like",  # headline-sized: 4-30 words (headline_min/max_words), no digit
    "title_case",  # share of words starting with a capital (Latin, Greek, Cyrillic)
    "digits",  # holds a digit
    "position",  # line position in the page, 0..1
    "short_near",  # share of short or bad lines among the 3 lines before and after
    "good_near",  # share of good lines among the 2 lines before and after
    "after_removed",  # right after a line a rule removed
)


class LineModel(NamedTuple):
    """A logistic regression over :data:`MODEL_FEATURES` (weights of unscaled features)."""

    name: str
    bias: float
    weights: tuple[float, ...]
    file: str


@lru_cache(maxsize=4)
def load_line_model(path: str | None = None) -> LineModel:
    """The learned line model (default: the shipped ``data/line_model.yml``).

    Examples
    --------
    >>> m = load_line_model()
    >>> m.name, len(m.weights) == len(MODEL_FEATURES)
    ('line-model', True)
    """
    data, fname = read_yaml(path, default="line_model.yml", what="line model file")
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise DataFileError(f"{fname}: needs a 'weights' mapping of feature -> number.")
    w = data["weights"]
    unknown = sorted(set(map(str, w)) - set(MODEL_FEATURES))
    if unknown:
        raise DataFileError(f"{fname}: unknown features {unknown}; allowed: {MODEL_FEATURES}.")
    vals = []
    for k in MODEL_FEATURES:
        v = w.get(k, 0.0)
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise DataFileError(f"{fname}: weight {k!r} must be a number, got {v!r}.")
        vals.append(float(v))
    bias = data.get("bias", 0.0)
    if isinstance(bias, bool) or not isinstance(bias, (int, float)):
        raise DataFileError(f"{fname}: 'bias' must be a number, got {bias!r}.")
    name = str((data.get("meta") or {}).get("name", "line-model"))
    return LineModel(name, float(bias), tuple(vals), fname)


def _model_name() -> str:
    return load_line_model().name


_DIGIT_RE = re.compile(r"\d")
_CAPS_RE = re.compile("(?<![^ ])[A-Z\u00c0-\u00d6\u00d8-\u00de\u0391-\u03a9\u0410-\u042f]")


def _text_features(view: str, f: _Feat, s: BlockSettings) -> tuple[float, ...]:
    """The features of :data:`MODEL_FEATURES` that depend on the line alone (its text and
    context-free class), in their order: ``log_words`` to ``digits``, without the three
    of the context (``context_good``, ``teaser``) in between, which the caller inserts."""
    n_ws = view.count(" ") + 1 if view else 0
    digit = _DIGIT_RE.search(view) is not None
    first = view[:1]
    return (
        log1p(f.n_words),
        log1p(f.n_chars),
        f.stop,
        float(f.cls == "near-good"),
        float(bool(view) and _ends_sentence(view)),
        float(view.endswith(":")),
        float(first.isalpha() and first.islower()),
        float(not digit and s.headline_min_words <= n_ws <= s.headline_max_words),
        min(1.0, len(_CAPS_RE.findall(view)) / n_ws) if n_ws else 0.0,
        float(digit),
    )


def _context_features(page: _Page, k: int, last: int) -> tuple[float, ...]:
    """The features of :data:`MODEL_FEATURES` read from the line's place in the page:
    ``context_good``, ``teaser`` and ``position`` to ``after_removed``."""
    cls, n = page.cls, len(page.cls)
    lo, hi = max(0, k - 3), min(n, k + 4)
    around = cls[lo:k] + cls[k + 1 : hi]
    lo2, hi2 = max(0, k - 2), min(n, k + 3)
    around2 = cls[lo2:k] + cls[k + 1 : hi2]
    return (
        float(page.final[k] == "good"),
        float(k in page.teaser),
        k / last,
        (around.count("short") + around.count("bad")) / len(around) if around else 0.0,
        around2.count("good") / len(around2) if around2 else 0.0,
        float(page.lines[k].line in page.after_removed),
    )


def model_vectors(page: _Page, positions: Sequence[int]) -> list[tuple[float, ...]]:
    """Feature vectors (:data:`MODEL_FEATURES`) of the lines at ``positions`` (after
    the context rule and the teaser lists: ``page.final`` and ``page.teaser`` set).
    Only the lines asked for and their neighbours are read (no pass over the page)."""
    last = max(1, len(page.lines) - 1)
    out = []
    for k in positions:
        t = _text_features(page.lines[k].view or "", page.feats[k], page.s)
        c = _context_features(page, k, last)
        out.append((*t[:4], *c[:2], *t[4:], *c[2:]))
    return out


def model_score(model: LineModel, x: Sequence[float]) -> float:
    """Probability that a line is article text, by the learned model."""
    z = model.bias + sum(map(mul, model.weights, x))
    return 1.0 / (1.0 + exp(-z)) if z > -500 else 0.0


#: the context-free classes whose final class the learned model decides: near-good lines
#: (sentences with few stopwords, long lines without sentence punctuation); short lines
#: keep jusText's context rule (the model cut subheadings and list items of articles)
_MODEL_CLASSES = ("near-good",)


def _in_list(page: _Page, k: int) -> bool:
    """Line ``k`` and the line before or after it (not a good line) are items of one
    list: both start with a list mark ("- ", "1.", "•") or both have the first three
    tokens and the punctuation of one shape ("Cyprus v Switzerland; ...")."""
    lines, cls = page.lines, page.cls
    v = lines[k].view
    if v is None:
        return False
    marked = _NUMBERED_RE.match(v) is not None
    me = _shape(v)
    for j in (k - 1, k + 1):
        if 0 <= j < len(lines) and cls[j] != "good":
            w = lines[j].view
            if w is None:
                continue
            if marked and _NUMBERED_RE.match(w) is not None:
                return True
            other = _shape(w)
            if me[1] and me == other:
                return True
    return False


def _model_classes(page: _Page) -> dict[int, float]:
    """The near-good lines, which jusText's rule leaves to their neighbours, get their
    class from the learned model when it is sure: good when it scores ``model_good`` or
    more, bad when it scores under ``model_bad``; in between the neighbours decide.
    Returns ``position -> score`` of the lines whose class the model changed."""
    s = page.s
    hi, lo = s.model_good, s.model_bad
    if (hi <= 0 and lo <= 0) or not page.use_stop:
        return {}  # (a page judged without stopwords: the model's features do not apply)
    pos = [k for k, c in enumerate(page.cls) if c in _MODEL_CLASSES]
    if not pos:
        return {}
    model = load_line_model()
    w, bias = model.weights, model.bias
    w_text, w_ctx = (*w[:4], *w[6:12]), (*w[4:6], *w[12:])
    memo = s._model_memo
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    last = max(1, len(page.lines) - 1)
    changed: dict[int, float] = {}
    final = page.final
    for k in pos:
        view = page.lines[k].view or ""
        # the line's own part of the score, remembered for short lines (menus and
        # footers recur on every page of a site)
        f = page.feats[k]
        key = (view, f, model.file) if len(view) <= _MEMO_CHARS else None
        zt = memo.get(key) if key is not None else None
        if zt is None:
            zt = sum(map(mul, w_text, _text_features(view, f, s)))
            if key is not None:
                memo[key] = zt
        z = bias + zt + sum(map(mul, w_ctx, _context_features(page, k, last)))
        p = 1.0 / (1.0 + exp(-z)) if z > -500 else 0.0
        c = "good" if 0 < hi <= p else "bad" if p < lo else final[k]
        if c == "bad" and final[k] == "good" and _in_list(page, k):
            continue  # an item of a list the page prints: the neighbours decide
        if c != final[k]:
            final[k] = c
            changed[k] = p
    return changed
