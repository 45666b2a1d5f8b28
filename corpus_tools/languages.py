"""Which language each document is written in: a small guess from its script and stopwords.

A document's letters are counted by script (Latin, Cyrillic, Arabic, Han, ...;
a Han, kana or Hangul character counts as three letters, about a word's
worth). A script used by one language here names it (Greek, Hebrew, Thai,
Hangul, Devanagari as Hindi; Han with kana is Japanese, without Chinese);
Arabic script is Urdu or Persian when their own letters appear, else
Arabic; Cyrillic is Ukrainian, Belarusian or Serbian by their own letters,
Russian with ``ы``/``э``, Bulgarian with ``ъ`` and neither. Latin text is told
apart by the share of its words on each shipped stopword list
(:func:`corpus_tools.tokenize.load_stopwords`): the language whose function
words make up the most of the text wins, when they are at least
:data:`MIN_SHARE` of its words and :data:`MIN_LEAD` times the next
language's share. Anything else is ``None`` (unclear: a language without a
shipped list, such as Polish or Turkish, or too little text), never a forced guess.

Only the first ``max_chars`` characters are read (a paragraph tells the
language), so the cost per document is bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from .corpus import require_corpus
from .errors import CorpusValueError
from .tokenize import STOPWORD_LANGUAGES, TOKEN_RE, fold, load_stopwords

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["guess_language", "languages", "main_language", "MIN_SHARE", "LANGUAGE_COLUMNS"]

LANGUAGE_COLUMNS = ["doc_id", "language", "script", "stopword_share", "n_words"]

#: The least share of a text's words on a language's stopword list for a guess
#: from stopwords (function words are 30-50 % of running news text, less in headlines).
MIN_SHARE = 0.1
#: How many times the next language's share the winner's must be.
MIN_LEAD = 1.5
#: The fewest words a stopword guess is made from.
MIN_WORDS = 8

# inclusive code point ranges of the letters of each script (marks and
# punctuation of a block are few and do not change which script leads)
_SCRIPT_RANGES = [
    (0x41, 0x5A, "Latin"),
    (0x61, 0x7A, "Latin"),
    (0xC0, 0x24F, "Latin"),
    (0x370, 0x3FF, "Greek"),
    (0x400, 0x52F, "Cyrillic"),
    (0x590, 0x5FF, "Hebrew"),
    (0x600, 0x6FF, "Arabic"),
    (0x750, 0x77F, "Arabic"),
    (0x900, 0x97F, "Devanagari"),
    (0x980, 0x9FF, "Bengali"),
    (0xE00, 0xE7F, "Thai"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x3040, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hangul"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
]
_STARTS = [a for a, _, _ in _SCRIPT_RANGES]
#: a script written by one language here
_ONE_LANGUAGE = {
    "Greek": "el",
    "Hebrew": "he",
    "Thai": "th",
    "Hangul": "ko",
    "Bengali": "bn",
    "Devanagari": "hi",
}
_CJK_WEIGHT = {"Han": 3, "Kana": 3, "Hangul": 3}
# letters one language of a script uses and the others here do not, in the order tried
_ARABIC_LETTERS = (("ur", frozenset("ٹڈڑںے")), ("fa", frozenset("پچژگ")))
_CYRILLIC_LETTERS = (
    ("uk", frozenset("іїєґ")),
    ("be", frozenset("ў")),
    ("sr", frozenset("ђћџј")),
    ("ru", frozenset("ыэё")),
    ("bg", frozenset("ъ")),
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def _script_counts(text: str) -> Counter[str]:
    """Letters per script in ``text`` (a Han, kana or Hangul character counts three)."""
    counts: Counter[str] = Counter()
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    if ascii_letters:
        counts["Latin"] = ascii_letters
    if ascii_letters == len(text):
        return counts
    for ch in _NON_ASCII.findall(text):
        cp = ord(ch)
        k = bisect_right(_STARTS, cp) - 1
        if k >= 0 and cp <= _SCRIPT_RANGES[k][1] and ch.isalpha():
            script = _SCRIPT_RANGES[k][2]
            counts[script] += _CJK_WEIGHT.get(script, 1)
    return counts


@lru_cache(maxsize=1)
def _stop_masks() -> tuple[tuple[str, ...], dict[str, int]]:
    """The Latin-script stopword languages, and each of their words' bit mask of languages."""
    codes = tuple(c for c in STOPWORD_LANGUAGES if c not in ("ar", "ru"))
    masks: dict[str, int] = {}
    for bit, code in enumerate(codes):
        for w in load_stopwords(code):
            masks[w] = masks.get(w, 0) | (1 << bit)
    return codes, masks


def _by_stopwords(words: list[str]) -> tuple[str | None, float]:
    """The Latin-script language whose stopwords are the largest share of ``words``."""
    if len(words) < MIN_WORDS:
        return None, 0.0
    codes, masks = _stop_masks()
    hits = [0] * len(codes)
    for mask, n in Counter([masks.get(w, 0) for w in words]).items():
        for bit in range(len(codes)) if mask else ():
            if mask >> bit & 1:
                hits[bit] += n
    shares = sorted(((h / len(words), c) for h, c in zip(hits, codes, strict=True)), reverse=True)
    share, best = shares[0]
    second = shares[1][0] if len(shares) > 1 else 0.0
    return (best if share >= MIN_SHARE and share >= MIN_LEAD * second else None), share


def _guess(text: str, max_chars: int) -> tuple[str | None, str | None, float, int]:
    """``(language, script, stopword share, words)`` of the first ``max_chars`` characters."""
    sample = text[:max_chars]
    counts = _script_counts(sample)
    if not counts:
        return None, None, 0.0, 0
    script = counts.most_common(1)[0][0]
    if script in ("Han", "Kana"):
        cjk = counts["Han"] + counts["Kana"]
        return ("ja" if counts["Kana"] >= 0.05 * cjk else "zh"), script, 0.0, 0
    if script in _ONE_LANGUAGE:
        return _ONE_LANGUAGE[script], script, 0.0, 0
    if script in ("Arabic", "Cyrillic"):
        letters = set(sample.casefold())
        pairs = _ARABIC_LETTERS if script == "Arabic" else _CYRILLIC_LETTERS
        lang = next((c for c, own in pairs if not own.isdisjoint(letters)), None)
        return (lang or ("ar" if script == "Arabic" else None)), script, 0.0, 0
    if script != "Latin":
        return None, script, 0.0, 0
    words = [w for w in TOKEN_RE.findall(fold(sample).casefold()) if w[0].isalpha()]
    lang, share = _by_stopwords(words)
    return lang, script, share, len(words)


def _check_max_chars(max_chars: int) -> None:
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise CorpusValueError(
            f"max_chars={max_chars!r}: pass a positive whole number of characters, e.g. 2000."
        )


def guess_language(text: str, *, max_chars: int = 2000) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None if unclear.

    Read from the first ``max_chars`` characters: the script of most letters,
    then, for Latin and Russian text, the shipped stopword list with the
    largest share of its words (at least :data:`MIN_SHARE` of at least
    ``MIN_WORDS`` words).

    >>> guess_language("Der Minister sagte, dass die Gespräche am Montag in Berlin fortgesetzt werden.")
    'de'
    >>> guess_language("外交部发言人表示，中国将继续保持沟通。"), guess_language("Doha talks")
    ('zh', None)
    """
    _check_max_chars(max_chars)
    if not isinstance(text, str):
        raise CorpusValueError(
            f"text={text!r:.60} is a {type(text).__name__}, not a str: pass one text."
        )
    return _guess(text, max_chars)[0]


def languages(corpus: Corpus, *, max_chars: int = 2000) -> pd.DataFrame:
    """One row per document: its guessed language (:func:`guess_language`) and why.

    Columns ``doc_id``, ``language`` (ISO 639-1 code, None when unclear),
    ``script`` (the script of most letters, None without letters),
    ``stopword_share`` (share of the words read on the chosen stopword list,
    or the best share when none reached :data:`MIN_SHARE`; 0 for a guess from
    the script) and ``n_words`` (words read).
    """
    require_corpus(corpus, "languages")
    _check_max_chars(max_chars)
    docs = corpus.docs
    rows = [_guess(t, max_chars) for t in docs["text"].tolist()]
    out = pd.DataFrame(
        {
            "doc_id": docs["doc_id"].tolist(),
            # object columns: an unclear guess stays None, not NaN
            "language": pd.Series([r[0] for r in rows], dtype=object),
            "script": pd.Series([r[1] for r in rows], dtype=object),
            "stopword_share": [round(r[2], 4) for r in rows],
            "n_words": [r[3] for r in rows],
        },
        columns=LANGUAGE_COLUMNS,
    )
    return out


def main_language(corpus: Corpus, *, min_share: float = 0.5) -> str | None:
    """The language of most documents (:func:`languages`), if at least ``min_share`` of them.

    None when no language holds that share (a mixed corpus) or none is known.
    """
    table = languages(corpus)
    known = table["language"].dropna()
    if not len(known):
        return None
    top = known.value_counts()
    lang, n = str(top.index[0]), int(top.iloc[0])
    return lang if n >= min_share * len(table) else None
