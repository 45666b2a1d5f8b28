"""Which language each document is written in: a small guess from its script and stopwords.

A document's letters are counted by script (Latin, Cyrillic, Arabic, Han, ...;
a Han, kana or Hangul character counts as three letters, about a word's
worth). A script used by one language here names it (Greek, Hebrew, Thai,
Hangul, Devanagari as Hindi; Han with kana is Japanese, without Chinese);
Arabic script is Urdu or Persian when their own letters appear (Persian ``ی``, ``ک``
with more Arabic function words than Persian ones is Arabic), else Arabic; Cyrillic is Ukrainian, Belarusian or Serbian by their own letters,
Russian with ``ы``/``э``, Bulgarian with ``ъ`` before a consonant or ``а``, ``о``, ``у``
and neither (a Russian headline writes ``ъ`` only before ``е``, ``ё``, ``ю``, ``я``:
``въезд``, ``объяснил``). Latin text is told
apart by the share of its words on each shipped stopword list
(:func:`corpus_tools.tokenize.load_stopwords`): the language whose function
words make up the most of the text wins, when they are at least
:data:`MIN_SHARE` of its words and :data:`MIN_LEAD` times the next
language's share. Anything else is ``None`` (unclear: a language without a
shipped list, such as Polish or Turkish, or too little text), never a forced guess.

Malay (``"ms"``) has a list but shares most of its function words with Indonesian: a
text the Indonesian list reads is Malay when its Malay spellings (``bahawa``, ``kerana``,
``sahaja``; ``data/stopwords_unlisted.yml``) reach a tenth of its Indonesian hits or are
two or more, and outnumber the Indonesian-only ``bahwa``, ``karena``, ``bisa`` (a
Malaysian news page); with as many Indonesian-only words it is unclear. Malay headlines too
short to tell take a corpus' Malay pool (:func:`text_votes`).
Two close languages with a list (Portuguese and Spanish; Danish, Norwegian and Swedish)
that read a text about alike are told by their own words (``data/function_words_close.yml``:
Portuguese ``não``, ``em``, ``uma`` against Spanish ``no``, ``en``, ``una``; Danish ``af``,
``blev``, ``nogle`` against Norwegian ``av``, ``ble``, ``noen``); Galician (``non``, ``unha``,
``tamén``) is unclear rather than Portuguese.
Languages without a list: a text the Dutch list reads with Afrikaans words (``nie``,
``vir``, ``hulle``), or
any list with the function words of Irish (``agus``), Catalan (``amb``, ``els``), Swahili
(``kwa``, ``katika``), Esperanto (``kaj``), Basque (``eta``), Latin (``quae``), Welsh
(``yn``, ``mae``), Tswana (``gore``), and sixteen more (Polish ``się``, Croatian ``koji``,
Tagalog ``mga``, Romanian ``pentru``, ...) is unclear rather than named as the neighbour
(``data/stopwords_unlisted.yml``, words chosen on development sentences; see its header);
so is Cyrillic text that its ``ј``/``џ`` would make Serbian but that has at least as many
Macedonian words (``во``, ``дека``) as Serbian ones (``је``, ``у``), and Arabic-script text
its letters would make Persian (``ی``, ``ک``), Urdu or Arabic that has at least as many Sorani
Kurdish words (``لە``, ``بۆ``, ``کە``) as their own (``در``, ``است``; ``کے``; ``في``). Cyrillic with ``і``
and ``ы`` or ``э`` (and no ``и``) is Belarusian even without ``ў``. Malay written as
Indonesian (no Malay-only word) is, and stays, ``"id"``. Norwegian (``"no"``) is both written standards:
its list holds the Bokmål and the Nynorsk forms (``ikke``/``ikkje``, ``jeg``/``eg``).
A Title Case text (``Prince Philip An 'Extraordinary Man' In Tribute``) is named a
language other than English only when some of its function words are in lower case.

Only the first ``max_chars`` characters are read (a paragraph tells the
language), so the cost per document is bounded.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from .corpus import require_corpus
from .errors import CorpusValueError, check_whole
from .tokenize import STOPWORD_LANGUAGES, TOKEN_RE, fold, load_stopwords, stopword_language

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus
    from .counts import DocTermCounts, StopParts

__all__ = [
    "guess_language",
    "languages",
    "main_language",
    "analysis_language",
    "group_languages",
    "stopword_parts",
    "own_list_masks",
    "mixed_language",
    "sample_texts",
    "text_votes",
    "MIN_SHARE",
    "LANGUAGE_COLUMNS",
]

LANGUAGE_COLUMNS = ["doc_id", "language", "script", "stopword_share", "n_words"]

#: The least share of a text's words on a language's stopword list for a guess
#: from stopwords (function words are 30-50 % of running news text, less in headlines).
MIN_SHARE = 0.1
#: How many times the next language's share the winner's must be.
MIN_LEAD = 1.5
#: The fewest words a stopword guess is made from.
MIN_WORDS = 8
#: The fewest function words of the winning list a guess is made from (one "is" or "die"
#: in a headline is no evidence).
MIN_HITS = 3
#: The characters of a text read to guess its language: by :func:`guess_language` (its
#: default), the corpus vote (:func:`main_language`, :func:`text_votes`) and a document's own
#: language in a mixed corpus, so a text gets the same language from each (Malaysian
#: articles whose Malay words come after the first 1,000 characters: 1,973 -> 2,480 of
#: 2,776 named Malay by the vote when it read 1,000).
CORPUS_CHARS = 2000

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
# letters one language of a script uses and the others here do not, in the order tried;
# None: a language without a stopword list or a script rule here (Kazakh, Mongolian,
# Macedonian, Kyrgyz): better unclear than named as its neighbour
_ARABIC_LETTERS = (
    ("ur", frozenset("\u0679\u0688\u0691\u06ba\u06d2\u06c1\u06be")),  # ٹ ڈ ڑ ں ے ہ ھ
    ("fa", frozenset("\u067e\u0686\u0698\u06af\u06cc\u06a9")),  # پ چ ژ گ and Persian ی ک
)
#: letters Sorani Kurdish writes and Persian, Urdu and Arabic do not (ە ێ ۆ ڕ ڵ ڤ)
_SORANI_LETTERS = "\u06d5\u06ce\u06c6\u0695\u06b5\u06a4"
#: the least share of an Arabic-script text's letters that are Sorani-only letters for it to be
#: unclear rather than Persian (``ە`` alone is about a tenth of Sorani letters; a Kurdish name
#: in a Persian or Arabic text is far less)
SORANI_SHARE = 0.03
_CYRILLIC_LETTERS = (
    (None, frozenset("әғқңөұүһӊӈ")),
    (None, frozenset("ѓќѕ")),
    ("be", frozenset("ў")),
    ("uk", frozenset("іїєґ")),
    ("sr", frozenset("ђћџј")),
    ("ru", frozenset("ыэё")),
    ("bg", frozenset("ъ")),
)
#: a hard sign before a letter other than е, ё, ю, я: Bulgarian spelling (Russian writes ъ only
#: there, or at a word's end in the old spelling of names such as 'Коммерсантъ')
_BULGARIAN_HARD_SIGN = re.compile(r"ъ[^\W\d_еёюя]")
#: Cyrillic letters Belarusian writes and Ukrainian does not, and the reverse
_NOT_UKRAINIAN = frozenset("ыэ")
_NOT_BELARUSIAN = frozenset("їєґи")
#: frequent Hindi function words: Devanagari text without any is Marathi, Nepali, ... (unclear)
_HINDI_WORDS = frozenset("है हैं था थे के की का में और से को ने पर भी कि यह".split())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: the words of a text where no stopword list's tokenisation is needed (a Cyrillic text's
#: words, the quick check of :func:`_plainly_in`)
_WORDS_RE = re.compile(r"\w+")


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
        if not ch.isalpha():
            continue
        script = _SCRIPT_RANGES[k][2] if k >= 0 and cp <= _SCRIPT_RANGES[k][1] else _other(ch)
        counts[script] += _CJK_WEIGHT.get(script, 1)
    return counts


@lru_cache(maxsize=4096)
def _other(ch: str) -> str:
    """The script of a letter outside :data:`_SCRIPT_RANGES`, from its Unicode name
    (``MYANMAR LETTER KA`` -> ``Myanmar``): a script with no rule here names no language,
    and its letters are counted so that a few English words in a page's chrome do not make
    a Burmese, Georgian or Tamil page a Latin-script one."""
    first = unicodedata.name(ch, "OTHER").split(" ")[0]
    return {"LATIN": "Latin", "CJK": "Han", "HIRAGANA": "Kana", "KATAKANA": "Kana"}.get(
        first, first.title()
    )


#: Close languages without a shipped list: a list of function words each uses and its
#: neighbour's list does not (``data/stopwords_unlisted.yml``).
_UNLISTED_FILE = "stopwords_unlisted.yml"
#: The least share of the winning list's hits that the words of an unlisted neighbour must
#: reach (and at least one) for a text to be unclear rather than named as the neighbour.
UNLISTED_SHARE = 0.1


@lru_cache(maxsize=1)
def _latin_codes() -> tuple[str, ...]:
    """The Latin-script languages with a stopword list whose shares are compared, in
    :func:`_stop_masks` order (not those told from a neighbour: :func:`_told_codes`)."""
    told = _told_codes()
    return tuple(c for c in STOPWORD_LANGUAGES if c not in ("ar", "ru") and c not in told)


@lru_cache(maxsize=1)
def _told_codes() -> tuple[str, ...]:
    """Languages with a stopword list that are also in ``data/stopwords_unlisted.yml`` (Malay
    beside Indonesian): their list shares most words with their neighbour's, so it is not
    compared by share; a text its neighbour's list wins is theirs when their own words
    outnumber the neighbour's own words (:func:`_told_from`)."""
    spec = _unlisted_spec()
    return tuple(c for c in STOPWORD_LANGUAGES if c in spec and spec[c]["read_as"] != "latin")


@lru_cache(maxsize=1)
def _unlisted_spec() -> dict[str, dict[str, Any]]:
    from importlib import resources

    import yaml

    text = resources.files("corpus_tools").joinpath("data", _UNLISTED_FILE).read_text("utf-8")
    return dict(sorted(yaml.safe_load(text).items()))


def _word_set(words: list[str]) -> frozenset[str]:
    return frozenset(fold(str(w)).casefold() for w in words)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Every word of the shipped stopword lists and of ``data/stopwords_unlisted.yml``
    (function words of languages without a list), folded and lower case: the words that
    say a text is language at all, whichever language (used to tell a file's legacy
    code page, :func:`corpus_tools.io.decode.decode_bytes`).

    >>> {"że", "the", "değil", "und"} <= function_words()
    True
    """
    words: set[str] = set()
    for code in STOPWORD_LANGUAGES:
        words |= load_stopwords(code)
    for entry in _unlisted_spec().values():
        words |= _word_set(entry["words"])
    return frozenset(words)


@lru_cache(maxsize=1)
def _unlisted() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """``(code, read_as, words)`` of each Latin-script language without a shipped list:
    ``read_as`` the listed languages its words tell it from (``latin`` in the file: all)."""
    out = []
    for code, entry in _unlisted_spec().items():
        if entry.get("script", "Latin") != "Latin":
            continue
        read_as = entry["read_as"]
        codes = _latin_codes() if read_as == "latin" else tuple(str(c) for c in read_as)
        out.append((str(code), frozenset(codes), _word_set(entry["words"])))
    return tuple(out)


@lru_cache(maxsize=1)
def _neighbour_own() -> tuple[frozenset[str] | None, ...]:
    """For each entry of :func:`_unlisted`, the words of its listed neighbour that it does
    not write (``neighbour_words`` in the file: Indonesian ``bahwa``, ``karena``, ``bisa``
    beside Malay ``bahawa``, ``kerana``, ``boleh``), or None."""
    spec = _unlisted_spec()
    return tuple(
        _word_set(spec[code]["neighbour_words"]) if "neighbour_words" in spec[code] else None
        for code, _, _ in _unlisted()
    )


@lru_cache(maxsize=1)
def _unlisted_by_letters() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """A language told by its letters (``"sr"``) -> ``(words of an unlisted neighbour, its
    own words)``: a text with at least as many of the first (one at least) is unclear."""
    out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for entry in _unlisted_spec().values():
        if entry.get("script", "Latin") == "Latin":
            continue
        for named in entry["read_as"]:
            out[str(named)] = (_word_set(entry["words"]), _word_set(entry["neighbour_words"]))
    return out


@lru_cache(maxsize=1)
def _stop_masks() -> tuple[tuple[str, ...], dict[str, int]]:
    """The Latin-script stopword languages, and each of their words' bit mask of languages;
    the bits after theirs mark the words of the unlisted neighbours (:func:`_unlisted`)."""
    codes = _latin_codes()
    masks: dict[str, int] = {}
    for bit, code in enumerate(codes):
        for w in load_stopwords(code):
            masks[w] = masks.get(w, 0) | (1 << bit)
    for k, (_, _, words) in enumerate(_unlisted()):
        for w in words:
            masks[w] = masks.get(w, 0) | (1 << (len(codes) + k))
    for k, own in enumerate(_neighbour_own()):
        for w in own or ():
            masks[w] = masks.get(w, 0) | (1 << (len(codes) + len(_unlisted()) + k))
    for k, code in enumerate(_told_codes()):
        for w in load_stopwords(code):
            masks[w] = masks.get(w, 0) | (1 << (len(codes) + 2 * len(_unlisted()) + k))
    return codes, masks


def _hits(words: list[str]) -> list[int]:
    """Words of ``words`` on each Latin-script stopword list (in :func:`_stop_masks` order),
    then on each unlisted neighbour's words, then on each of their listed neighbours' own
    words (:func:`_neighbour_own`), then on each list of :func:`_told_codes`."""
    codes, masks = _stop_masks()
    n_bits = len(codes) + 2 * len(_unlisted()) + len(_told_codes())
    hits = [0] * n_bits
    for mask, n in Counter([masks.get(w, 0) for w in words]).items():
        while mask:
            low = mask & -mask
            hits[low.bit_length() - 1] += n
            mask ^= low
    return hits


def _decide(
    hits: list[int],
    n_words: int,
    lower_hits: list[int] | None = None,
    *,
    unlisted: bool = True,
    words: list[str] | None = None,
    letters: list[str] | None = None,
) -> tuple[str | None, float]:
    """The language whose list holds the largest share of ``n_words`` words, if clear enough.

    When another list holds more than a :data:`MIN_LEAD`-th of the winner's hits, the text's
    ``words`` may still name one of two close languages (:func:`_close_winner`).
    Unclear too: a text whose words of an unlisted neighbour of the winner reach
    :data:`UNLISTED_SHARE` of the winner's hits (Afrikaans read by the Dutch list), and a
    Title Case text (``lower_hits``: the hits of its words written in lower case) whose
    function words of a winner other than English all have a capital: capitalising them is
    an English headline style (``An 'Extraordinary Man' In Tribute`` is no German), while
    German, French or Spanish write them in lower case among capitalised nouns and names.
    And unclear: a text whose ``letters`` (its words, names left out) hold letters the
    winner does not write (:func:`_foreign`: Turkish ``hem ... hem de`` with ı, ş, ğ is no
    Dutch)."""
    best, share = _decide_lists(hits, n_words, lower_hits, unlisted=unlisted, words=words)
    if best is not None and letters is not None and _foreign(letters, best):
        return None, share
    return best, share


def _decide_lists(
    hits: list[int],
    n_words: int,
    lower_hits: list[int] | None,
    *,
    unlisted: bool,
    words: list[str] | None,
) -> tuple[str | None, float]:
    """:func:`_decide` on the lists' hits alone (not the letters)."""
    if n_words < MIN_WORDS:
        return None, 0.0
    codes, _ = _stop_masks()
    shares = sorted(((h / n_words, c) for h, c in zip(hits, codes, strict=False)), reverse=True)
    share, best = shares[0]
    second = shares[1][0] if len(shares) > 1 else 0.0
    enough = share * n_words >= MIN_HITS
    if not (enough and share >= MIN_SHARE):
        return None, share
    if share < MIN_LEAD * second:
        close = None if words is None else _close_winner(hits, words)
        if close is None:
            return None, share
        best, share = close, hits[codes.index(close)] / n_words
    if lower_hits is not None and best != "en" and lower_hits[codes.index(best)] == 0:
        return None, share
    if unlisted and _unlisted_words(hits, best, share * n_words):
        told = _told_from(hits, best, share * n_words)
        if told is None:
            return None, share
        return told, hits[len(codes) + 2 * len(_unlisted()) + _told_codes().index(told)] / n_words
    return best, share


#: Close languages with a list: their own function words (``data/function_words_close.yml``).
_CLOSE_FILE = "function_words_close.yml"
#: The fewest own words (:data:`_CLOSE_FILE`) of one of two close languages that name a text
#: both their lists read, when they are at least :data:`CLOSE_LEAD` times the other's.
CLOSE_MIN = 2
CLOSE_LEAD = 3


@lru_cache(maxsize=1)
def _close_words() -> dict[tuple[str, str], frozenset[str]]:
    """``(language, neighbour)`` -> the language's own function words beside that neighbour
    (``data/function_words_close.yml``: Danish ``af``, ``blev`` beside Norwegian ``av``, ``ble``)."""
    from importlib import resources

    import yaml

    text = resources.files("corpus_tools").joinpath("data", _CLOSE_FILE).read_text("utf-8")
    out: dict[tuple[str, str], frozenset[str]] = {}
    for pair in yaml.safe_load(text).values():
        (a, own_a), (b, own_b) = pair.items()
        out[(str(a), str(b))] = _word_set(own_a)
        out[(str(b), str(a))] = _word_set(own_b)
    return out


@lru_cache(maxsize=1)
def _close_masks() -> tuple[tuple[tuple[str, str], ...], dict[str, int]]:
    """The ``(language, neighbour)`` keys of :func:`_close_words` and each of their words'
    bit mask of the keys it is an own word of (counted in one pass over a text)."""
    keys = tuple(_close_words())
    masks: dict[str, int] = {}
    for bit, key in enumerate(keys):
        for w in _close_words()[key]:
            masks[w] = masks.get(w, 0) | (1 << bit)
    return keys, masks


def _close_winner(hits: list[int], words: list[str]) -> str | None:
    """The language of a text that two or more close lists read about alike (none leads the
    others :data:`MIN_LEAD` times): the one whose own words (:func:`_close_words`) are at least
    :data:`CLOSE_MIN` and :data:`CLOSE_LEAD` times each other's beside it (Danish ``af``,
    ``nogle``, ``blev`` against Norwegian ``av``, ``noen``, ``ble``; Portuguese ``não``,
    ``em``, ``uma`` against Spanish ``no``, ``en``, ``una``), with :data:`MIN_HITS` on its list
    and :data:`MIN_LEAD` times the hits of every list outside the close ones; else None."""
    codes = _stop_masks()[0]
    top = max(hits[: len(codes)])
    near = [c for k, c in enumerate(codes) if MIN_LEAD * hits[k] > top]
    pairs = _close_words()
    if len(near) < 2 or any((a, b) not in pairs for a in near for b in near if a != b):
        return None
    keys, masks = _close_masks()
    own = dict.fromkeys(keys, 0)
    for mask, n in Counter([masks[w] for w in words if w in masks]).items():
        while mask:
            low = mask & -mask
            own[keys[low.bit_length() - 1]] += n
            mask ^= low
    for a in near:
        h = hits[codes.index(a)]
        if (
            h >= MIN_HITS
            and all(
                own[(a, b)] >= CLOSE_MIN and own[(a, b)] >= CLOSE_LEAD * own[(b, a)]
                for b in near
                if b != a
            )
            and all(h >= MIN_LEAD * hits[k] for k, c in enumerate(codes) if c not in near)
        ):
            return a
    return None


def _told_from(hits: list[int], lang: str, won: float) -> str | None:
    """The language with a list told from ``lang`` (:func:`_told_codes`) whose own words
    (``data/stopwords_unlisted.yml``) make a text unclear as ``lang`` (:data:`UNLISTED_SHARE`
    of ``won``, ``lang``'s hits, or :data:`CONTRAST_MIN`) and outnumber ``lang``'s own words
    (Malay ``bahawa``, ``kerana``, ``sahaja`` against Indonesian ``bahwa``, ``karena``,
    ``bisa``), or None (unclear)."""
    told = _told_codes()
    base = len(_latin_codes())
    need = max(1.0, UNLISTED_SHARE * won)
    for k, (code, read_as, _) in enumerate(_unlisted()):
        theirs, own = hits[base + k], hits[base + len(_unlisted()) + k]
        if (
            code in told
            and lang in read_as
            and _neighbour_own()[k] is not None
            and (theirs >= need or theirs >= CONTRAST_MIN)
            and theirs > own
        ):
            return code
    return None


def _told_from_any(hits: list[int], lang: str) -> bool:
    """Whether ``hits`` hold any own word of ``lang``'s told neighbour or of ``lang`` itself
    beside it (Malay ``bahawa`` or Indonesian ``bahwa``): a line with neither may take Malay."""
    base = len(_latin_codes())
    n = len(_unlisted())
    return any(
        hits[base + k] or hits[base + n + k]
        for k, (code, read_as, _) in enumerate(_unlisted())
        if code in _told_codes() and lang in read_as
    )


def _unlisted_words(hits: list[int], lang: str, won: float, *, names: bool = True) -> bool:
    """Whether the words of an unlisted language told from ``lang`` reach
    :data:`UNLISTED_SHARE` of ``won`` (``lang``'s hits), one at least; in a text whose case
    does not tell ``names`` (all lower case, all caps or Title Case) :data:`UNLISTED_MIN_ANY`
    of a language told from every list (in lower-case headlines ``els``, ``pre`` or ``temu``
    are a name or an English word), one of a close neighbour (Afrikaans for Dutch). A close
    neighbour with ``neighbour_words`` (Malay beside Indonesian) also when its words are
    :data:`CONTRAST_MIN` or more and outnumber those (Indonesian ``bahwa``, ``karena``,
    ``bisa``): a page of Malaysian news has hundreds of words Indonesian writes too."""
    base = len(_latin_codes())
    if not any(hits[base : base + len(_unlisted())]):
        return False
    close, every = _unlisted_bits().get(lang, ((), ()))
    need = max(1.0, UNLISTED_SHARE * won)
    need_every = need if names else max(need, UNLISTED_MIN_ANY)
    return any(
        hits[b] >= need or (o >= 0 and hits[b] >= CONTRAST_MIN and hits[b] > hits[o])
        for b, o in close
    ) or any(hits[b] >= need_every for b in every)


#: The fewest words of a language told from every list (``read_as: latin``) that make a
#: text whose letter case tells no names unclear.
UNLISTED_MIN_ANY = 2
#: The fewest words of a close unlisted neighbour that, outnumbering its listed neighbour's
#: own words (``neighbour_words``), make a text unclear whatever their share.
CONTRAST_MIN = 2


@lru_cache(maxsize=1)
def _unlisted_bits() -> dict[str, tuple[tuple[tuple[int, int], ...], tuple[int, ...]]]:
    """A listed language -> the positions in :func:`_hits` of the unlisted languages told
    from it: its close neighbours' (each with the position of the listed language's own
    words, :func:`_neighbour_own`, or -1), and those told from every list (``read_as:
    latin``)."""
    base = len(_latin_codes())
    n_unlisted = len(_unlisted())
    spec = _unlisted_spec()
    close: dict[str, list[tuple[int, int]]] = {}
    every: dict[str, list[int]] = {}
    for k, (code, read_as, _) in enumerate(_unlisted()):
        own = -1 if _neighbour_own()[k] is None else base + n_unlisted + k
        for listed in read_as:
            if spec[code]["read_as"] == "latin":
                every.setdefault(listed, []).append(base + k)
            else:
                close.setdefault(listed, []).append((base + k, own))
    return {
        code: (tuple(close.get(code, ())), tuple(every.get(code, ())))
        for code in sorted(set(close) | set(every))
    }


def _by_stopwords(words: list[str], lower: list[str] | None = None) -> tuple[str | None, float]:
    """The Latin-script language whose stopwords are the largest share of ``words``
    (``lower``: a Title Case text's words written in lower case, see :func:`_decide`)."""
    if len(words) < MIN_WORDS:
        return None, 0.0
    lower_hits = None if lower is None else _hits(lower)
    return _decide(_hits(words), len(words), lower_hits, words=words, letters=lower or words)


#: frequent function words of Arabic and of Persian that the other does not write (Leipzig
#: news sentences of both, the Persian UD treebank): Arabic typed with Persian ی, ک has its
#: letters but not Persian's words
_ARABIC_OWN = frozenset("في على إلى الى أن التي الذي هذا هذه عن مع كان ان".split())
_PERSIAN_OWN = frozenset("در از است این با های شده آن شد برای یک شود بود نیز خود دارد".split())


def _arabic_not_persian(words: list[str]) -> bool:
    """Whether ``words``, of a text Persian letters name Persian, hold more Arabic function
    words than Persian ones (one at least): Arabic written with ی, ک (``کلیة``, ``المثنی``)."""
    n_ar = n_fa = 0
    for word in words:
        n_ar += word in _ARABIC_OWN
        n_fa += word in _PERSIAN_OWN
    return n_ar > n_fa


def _by_letters(sample: str, script: str, n_letters: int = 0) -> str | None:
    """The language of Arabic- or Cyrillic-script ``sample`` (``n_letters`` letters of that
    script) from its own letters (and, for Serbian, Persian, Urdu and Arabic, its words against
    an unlisted neighbour's: :func:`_unlisted_by_letters`)."""
    letters = set(sample.casefold())
    pairs = _ARABIC_LETTERS if script == "Arabic" else _CYRILLIC_LETTERS
    hit = next((c for c, own in pairs if not own.isdisjoint(letters)), "")
    if (
        hit == "uk"
        and not _NOT_UKRAINIAN.isdisjoint(letters)
        and _NOT_BELARUSIAN.isdisjoint(letters)
    ):
        hit = "be"  # і with ы or э: Belarusian (Ukrainian writes neither, Russian no і)
    if hit == "bg" and not _BULGARIAN_HARD_SIGN.search(sample.casefold()):
        hit = ""  # every ъ before е, ё, ю, я or ending a word: Russian spelling ('въезд',
        # 'объяснил', 'Коммерсантъ'), not Bulgarian ('във', 'България', 'път')
    words: list[str] | None = None
    if script == "Arabic":
        hit = hit or "ar"
        kurdish = sum(map(sample.count, _SORANI_LETTERS))
        if kurdish and kurdish >= SORANI_SHARE * n_letters:
            return None  # Sorani Kurdish (no language of its own here), not Persian
        words = _WORDS_RE.findall(sample.casefold())
        if hit == "fa" and _arabic_not_persian(words):
            hit = "ar"  # Arabic typed with Persian ی, ک (a Kurdish or Persian keyboard)
    if hit in _unlisted_by_letters():
        theirs, own_words = _unlisted_by_letters()[hit]
        if words is None:
            words = _WORDS_RE.findall(sample.casefold())
        n_theirs = sum(w in theirs for w in words)
        if n_theirs and n_theirs >= sum(w in own_words for w in words):
            return None  # Macedonian with ј, џ; Sorani Kurdish with Persian ی, ک
    return hit or None


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
    if script == "Devanagari":
        hindi = not _HINDI_WORDS.isdisjoint(_WORDS_RE.findall(sample))
        return ("hi" if hindi else None), script, 0.0, 0
    if script in _ONE_LANGUAGE:
        return _ONE_LANGUAGE[script], script, 0.0, 0
    if script in ("Arabic", "Cyrillic"):
        return _by_letters(sample, script, counts[script]), script, 0.0, 0
    if script != "Latin":
        return None, script, 0.0, 0
    words, lower = _latin_words(fold(sample))
    lang, share = _by_stopwords(words, lower)
    return lang, script, share, len(words)


_OPENERS = frozenset('.!?:;"\u201c\u201d\u00ab\u00bb(\n\u2014\u2013-|')


def _latin_words(text: str) -> tuple[list[str], list[str] | None]:
    """The words of ``text``, lower case, and for a Title Case text (under 30 % of its words
    begin in lower case, not all caps) the words written in lower case (else None). In
    sentence-case text a capitalised word inside a sentence is a name (``Ben Cardin``,
    ``Van Gogh``, ``Die Hard``, ``Le Pen``) and is read as no function word (kept as ``""``:
    it still counts as a word)."""
    alpha = [(m.start(), w) for m in TOKEN_RE.finditer(text) if (w := m.group())[0].isalpha()]
    lower = sum(1 for _, w in alpha if w[0].islower())
    if lower < 0.3 * len(alpha):  # Title Case or all caps: case tells nothing
        caps = sum(1 for _, w in alpha if len(w) > 1 and w.isupper())
        lower_words = [w.casefold() for _, w in alpha if w[0].islower()]
        title = bool(alpha) and caps < 0.5 * len(alpha)
        words = [w.casefold() for _, w in alpha]
        if "'n" in text:
            words = _article_n(text, alpha, words)
            lower_words = [words[k] for k, (_, w) in enumerate(alpha) if w[0].islower()]
        return words, (lower_words if title else None)
    out = []
    for p, w in alpha:
        if not w[0].isupper():
            out.append(w.casefold())
            continue
        j = p  # the end of the text before the word, without its trailing white space
        while j and text[j - 1].isspace():
            j -= 1
        initial = not j or text[j - 1] in _OPENERS or "\n" in text[j:p]
        out.append(w.casefold() if initial else "")
    if "'n" in text:
        out = _article_n(text, alpha, out)
    return out, None


def _article_n(text: str, alpha: list[tuple[int, str]], words: list[str]) -> list[str]:
    """``words`` (one per ``alpha`` token) with each ``n`` written right after an apostrophe
    read as ``'n``: the Afrikaans article (``'n``, ``ʼn``: folded alike), which the tokens
    split (``rock 'n' roll`` has it too; no list nor English word is ``'n``)."""
    return [
        "'n" if w == "n" and p and text[p - 1] == "'" else words[k]
        for k, (p, w) in enumerate(alpha)
    ]


def _check_max_chars(max_chars: int) -> None:
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise CorpusValueError(
            f"max_chars={max_chars!r}: pass a positive whole number of characters, e.g. 2000."
        )


def guess_language(text: str, *, max_chars: int = CORPUS_CHARS) -> str | None:
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


def languages(corpus: Corpus, *, max_chars: int = CORPUS_CHARS) -> pd.DataFrame:
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
    # each text's first max_chars characters, a chunk at a time (all a guess reads): not every
    # whole text as Python strings at once (+920 MB kept at 100,000 long documents)
    heads = text_heads(docs["text"], max_chars, _ROWS_CHUNK)
    rows = [_guess(t, max_chars) for chunk in heads for t in chunk]
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


#: The letters beyond a-z of each Latin-script language with a list (its alphabet's, and
#: the accents its words commonly carry): ``data/language_letters.yml``.
_LETTERS_FILE = "language_letters.yml"


@lru_cache(maxsize=1)
def _alphabets() -> dict[str, frozenset[str]]:
    from importlib import resources

    import yaml

    text = resources.files("corpus_tools").joinpath("data", _LETTERS_FILE).read_text("utf-8")
    return {c: frozenset(str(a)) for c, a in yaml.safe_load(text)["alphabets"].items()}


def _foreign(words: list[str], lang: str) -> bool:
    """Whether at least :data:`FOREIGN_SHARE` of ``words`` (two at least) hold a letter
    beyond a-z that ``lang`` does not write (``data/language_letters.yml``; a language not
    there: never). ``""`` (a name in sentence case) counts as a word without letters."""
    alphabet = _alphabets().get(lang)
    if alphabet is None:
        return False
    n = sum(
        1
        for w in words
        if not w.isascii() and any(ch not in alphabet for ch in w if not ch.isascii())
    )
    return n >= max(2.0, FOREIGN_SHARE * len(words))


#: The least share of a text's words with a letter foreign to the pooled language (and at
#: least two such words) that keeps an unclear text from taking the pooled language.
FOREIGN_SHARE = 0.2
#: An unclear text of at least this many words, under half :data:`MIN_SHARE` of them on the
#: pooled language's list, is written in another language (a headline is shorter).
UNKNOWN_WORDS = 15


def _takes_pooled(
    words: list[str], hits: list[int], n_words: int, names: bool, pooled: str | None
) -> bool:
    """Whether an unclear Latin-script text (its ``words`` as :func:`_latin_words` reads
    them, ``hits`` on each list, ``n_words`` words; ``names``: sentence case, its names
    known) takes the pooled language ``pooled``.

    Not when it has :data:`UNKNOWN_WORDS` words or more, under half :data:`MIN_SHARE` of
    them on that language's list (Welsh, Latin or Polish sentences among English
    headlines); nor when another list holds more than :data:`MIN_LEAD` times its hits on
    the pooled list, :data:`MIN_HITS` at least (a Danish line too short to tell from Norwegian is no English); nor when words of
    an unlisted language (``data/stopwords_unlisted.yml``: Welsh ``yn``, ``mae``; Basque
    ``eta``) reach :data:`UNLISTED_SHARE` of them; nor when at least :data:`FOREIGN_SHARE`
    of its words (two at least) hold a letter that language does not write (``Norvēģijas
    glābšanas komanda``: Latvian, a language without a list, stays unclear rather than
    English on a few English words). A capitalised word inside a sentence is a name and
    its letters are not counted (``Müller and Gündoğan help ...`` is English)."""
    if pooled is None:
        return False
    codes = _stop_masks()[0]
    listed = _listed(pooled)
    if listed != pooled:  # Malay: its own list, and not when Indonesian-only words lead
        on_list = hits[len(codes) + 2 * len(_unlisted()) + _told_codes().index(pooled)]
        if _told_from(hits, listed, on_list) != pooled and _told_from_any(hits, listed):
            return False
    else:
        on_list = hits[codes.index(pooled)]
    if n_words >= UNKNOWN_WORDS and on_list < MIN_SHARE / 2 * n_words:
        return False
    lead = max(h for c, h in zip(codes, hits, strict=False) if c != listed or listed == pooled)
    if (
        lead >= MIN_HITS
        and lead > MIN_LEAD * on_list
        and (names or _own_lead(words, listed) >= MIN_HITS)
    ):
        return False
    if listed == pooled and _unlisted_words(hits, pooled, on_list, names=names):
        return False
    return not _foreign(words, pooled)


def _own_lead(words: list[str], pooled: str) -> int:
    """The most words of ``words`` on one other list and not on ``pooled``'s: the words that
    lead another language in a short text without being the pooled language's too (``man dies
    in qld mining accident``: ``man``, ``dies``, ``in`` are German stopwords, ``in`` English
    too, so two)."""
    codes, masks = _stop_masks()
    bit = 1 << codes.index(pooled)
    hits = _hits([w for w in words if not masks.get(w, 0) & bit])
    return max(hits[: len(codes)])


#: The most words of one text the corpus vote pools (about a headline's worth): the pool
#: is the language of most texts, not of the longest one (a long Dutch sentence among short
#: English headlines does not make them Dutch).
POOL_WORDS = 12


def _vote(texts: list[str], max_chars: int) -> tuple[list[str | None], str | None, list[bool]]:
    """Each text's language, a Latin-script text too short or unclear on its own taking the
    language of the function words of all Latin-script texts pooled unless its words say
    otherwise (:func:`_takes_pooled`); that pooled guess; and whether each text has letters.
    A text that names a language on its own words keeps it whatever the other texts: they
    only fill in texts unclear on their own (and a text alone is no pool: two texts at
    least must lean to the pooled list, :func:`_pooled`)."""
    own: list[str | None] = []
    letters: list[bool] = []
    sizes: list[tuple[list[str], list[int], int, bool] | None] = []
    pool: list[str] = []
    codes = _latin_codes()
    leads = [0] * len(codes)  # texts whose words one list leads alone, by list
    for text in texts:
        sample = text[:max_chars]
        counts = _script_counts(sample)
        letters.append(bool(counts))
        if counts and counts.most_common(1)[0][0] == "Latin":
            words, lower = _latin_words(fold(sample))
            hits = _hits(words)
            pool += words[:POOL_WORDS]
            top = max(hits[: len(codes)])
            if top and hits[: len(codes)].count(top) == 1:
                leads[hits.index(top)] += 1
            own.append(
                _decide(
                    hits,
                    len(words),
                    None if lower is None else _hits(lower),
                    words=words,
                    letters=lower or words,
                )[0]
            )
            cased = lower is None and sample.lower() != sample != sample.upper()
            sizes.append((words, hits, len(words), cased))
        else:
            own.append(_guess(sample, max_chars)[0] if counts else None)
            sizes.append(None)
    # the pool: the language of most texts, though some are in a language without a list;
    # none unless more than half the texts that lean to a list lean to it (one long Dutch
    # line among English headlines)
    pooled = _pooled(pool, leads)
    return (
        [
            o
            if o is not None or size is None
            else (pooled if _takes_pooled(*size, pooled) else None)
            for o, size in zip(own, sizes, strict=True)
        ],
        pooled,
        letters,
    )


def _pooled(pool: list[str], leads: list[int]) -> str | None:
    """The language of ``pool``, the words of the Latin-script texts pooled (two close
    languages told by their own words, :func:`_close_winner`), unless it is not the list
    that two or more and more than half of the texts leaning to one list lean to
    (``leads``: texts whose words one list leads alone, by list): two Portuguese lines among
    three in as many other languages give short lines no language, and a text alone is
    named only on its own words."""
    hits = _hits(pool)
    pooled = _decide(hits, len(pool), unlisted=False, words=pool)[0]
    pooled = _told_pool(hits, len(pool), pooled)
    if pooled is not None:
        k = _latin_codes().index(_listed(pooled))
        if leads[k] < 2 or 2 * leads[k] <= sum(leads):
            return None
    return pooled


def _listed(code: str) -> str:
    """The language whose list is compared by share for ``code``: its neighbour for a
    language told from one (Malay: Indonesian, :func:`_told_codes`), else ``code``."""
    if code in _told_codes():
        return str(_unlisted_spec()[code]["read_as"][0])
    return code


def _told_pool(hits: list[int], n_words: int, pooled: str | None) -> str | None:
    """``pooled``, or the language told from a neighbour (:func:`_told_codes`) that pooled
    words name: their neighbour's list wins them and their own words outnumber the
    neighbour's (:func:`_told_from`), or, in headlines with few words of the neighbour's list
    (Malay titles), their own list holds :data:`MIN_SHARE` of the words and
    :data:`MIN_LEAD` times any other list's hits."""
    codes = _latin_codes()
    base = len(codes) + 2 * len(_unlisted())
    for k, told in enumerate(_told_codes()):
        nb = _listed(told)
        won = hits[codes.index(nb)]
        if pooled not in (None, nb) or _told_from(hits, nb, won) != told:
            continue
        if pooled == nb:
            return told
        own = hits[base + k]
        rest = max(h for c, h in zip(codes, hits, strict=False) if c != nb)
        if own >= MIN_HITS and own >= MIN_SHARE * n_words and own >= MIN_LEAD * rest:
            return told
    return pooled


def _sample(texts: list[str], n: int) -> list[str]:
    """At most ``n`` of ``texts``, evenly spaced (deterministic, bounded cost)."""
    if len(texts) <= n:
        return texts
    return [texts[k] for k in _sample_positions(len(texts), n)]


def _sample_positions(n_texts: int, n: int) -> list[int]:
    """The positions :func:`_sample` takes of ``n_texts`` texts."""
    if n_texts <= n:
        return list(range(n_texts))
    step = n_texts / n
    return [int(k * step) for k in range(n)]


#: Documents read to guess a corpus' language (evenly spaced).
CORPUS_SAMPLE = 500


def sample_texts(texts: Sequence[str], n: int = CORPUS_SAMPLE) -> list[str]:
    """At most ``n`` of ``texts``, evenly spaced: the documents :func:`main_language` reads.

    >>> sample_texts(["a", "b", "c", "d"], 2)
    ['a', 'c']
    """
    check_whole("n", n, 1)
    return _sample([str(t) for t in texts], n)


def text_heads(column: pd.Series, chars: int, chunk: int = 2048) -> Iterator[list[str]]:
    """Each text of ``column`` cut to its first ``chars`` characters, ``chunk`` texts at a
    time: never every whole text of a large corpus as Python strings at once (freed heap the
    process keeps).

    >>> list(text_heads(pd.Series(["abc", "de", "f"]), 2, chunk=2))
    [['ab', 'de'], ['f']]
    """
    for lo in range(0, len(column), chunk):
        yield [str(t)[:chars] for t in column.iloc[lo : lo + chunk].tolist()]


def sampled_column_texts(column: pd.Series, n: int = CORPUS_SAMPLE) -> list[str]:
    """The texts :func:`sample_texts` takes of ``column`` (at most ``n``, evenly spaced),
    read one at a time: ``iloc[positions]`` of an Arrow-backed text column joins all its
    chunks into one copy of every text first.

    >>> sampled_column_texts(pd.Series(["a", "b", "c", "d"]), 2)
    ['a', 'c']
    """
    return [column.iat[k] for k in _sample_positions(len(column), n)]


def text_votes(texts: Sequence[str]) -> list[str | None]:
    """Each text's language as :func:`main_language` counts it: from its first
    :data:`CORPUS_CHARS` characters, a Latin-script text too short or unclear on its own
    taking the language of all the texts' function words pooled (two texts at least lean to
    its list). A text's vote does not depend on the others when it names a language alone
    (``text_votes([text])``, as :func:`guess_language` of its first :data:`CORPUS_CHARS`
    characters); only texts unclear alone (a short headline) take the pooled language.

    >>> text_votes(["Man dies after being hit by a car", "Pope Francis Dies At 88 In Vatican",
    ...             "Is it time to sell your stocks? Here is what the experts say"])
    ['en', 'en', 'en']
    """
    return _vote([str(t) for t in texts], CORPUS_CHARS)[0]


#: an unclear text (no language vote) of this many words at least ...
UNCLEAR_MIN_WORDS = 20
#: ... under this share of them on the English list is not English: English prose has
#: 40-50 % (:func:`_plainly_in` takes 25 %), Hausa, Swahili or Yoruba news a few %
UNCLEAR_MAX_ENGLISH = 0.15


def few_english_words(text: str) -> bool:
    """Whether ``text`` (its first :data:`CORPUS_CHARS` characters) has
    :data:`UNCLEAR_MIN_WORDS` words or more and under :data:`UNCLEAR_MAX_ENGLISH` of them
    on the English function-word list: a text with no language vote (Hausa, Swahili,
    Turkish: languages without a list) that is not English either, though too long to be
    a headline whose few words say nothing. A real English headline has fewer words.

    >>> few_english_words("Shugaban kasar ya ce gwamnati za ta ci gaba da aiki tare da "
    ...                   "jihohi domin samar da ruwa da wutar lantarki a yankunan karkara")
    True
    >>> few_english_words("Icahn Targets Ebay Chief Donahoe After Company Rejects Board Slate")
    False
    """
    words, _ = _latin_words(fold(str(text)[:CORPUS_CHARS]))
    if len(words) < UNCLEAR_MIN_WORDS:
        return False
    codes, _ = _stop_masks()
    return _hits(words)[codes.index("en")] < UNCLEAR_MAX_ENGLISH * len(words)


def corpus_votes(corpus: Corpus) -> tuple[list[str | None], str]:
    """The language votes (:func:`text_votes`) of the documents :func:`main_language` reads
    (at most :data:`CORPUS_SAMPLE`, evenly spaced, their first :data:`CORPUS_CHARS`
    characters), and what they are called: ``"documents"`` when all were read, else
    ``"sampled documents"``. Kept on the corpus like its main language. ``None`` votes are
    texts in none of the languages the package can tell (Turkish, Hungarian, ...) or too
    short and unclear even pooled.

    >>> import pandas as pd, corpus_tools as ct
    >>> texts = ["Talks resumed in Geneva on Monday after the ministers met.",
    ...          "Bakanlar toplantıdan sonra açıklama yaptı ve görüşmeler sürdü."]
    >>> c = ct.load_corpus(pd.DataFrame({"text": texts}))
    >>> corpus_votes(c)
    (['en', None], 'documents')
    """
    require_corpus(corpus, "corpus_votes")

    def vote() -> tuple[list[str | None], str]:
        texts = sampled_column_texts(corpus.docs["text"])
        votes = text_votes([str(t)[:CORPUS_CHARS] for t in texts])
        return votes, "documents" if len(votes) == len(corpus.docs) else "sampled documents"

    return corpus.cached("languages.corpus_votes", vote)


def main_language(
    corpus: Corpus | Sequence[str], *, min_share: float = 0.5, sample: int = CORPUS_SAMPLE
) -> str | None:
    """The language of most documents, if at least ``min_share`` of those with letters.

    A vote over the corpus, not a count of per-document guesses: a headline too short to
    tell its language on its own (``Pope Francis Dies At 88 In Vatican``) takes the language
    of the function words of all Latin-script documents pooled, so a corpus of short
    headlines still has a language. At most ``sample`` documents (evenly spaced) and their
    first :data:`CORPUS_CHARS` characters are read. ``corpus`` may also be a list of texts
    (one outlet's, say). None when no language holds ``min_share`` (a mixed corpus) or none
    is known. A corpus' answer is kept on it (:meth:`~corpus_tools.Corpus.cached`, like its
    counts), so the analyses and the report header that ask for it read it once.

    >>> main_language(["Pope Francis Dies At 88 In Vatican", "Man dies after being hit by a car",
    ...                "Is it time to sell your stocks? Here is what the experts say"])
    'en'
    """
    if isinstance(corpus, (list, tuple)):
        check_whole("sample", sample, 1)
        return _main_language([str(t) for t in corpus], min_share, sample)
    require_corpus(corpus, "main_language")
    check_whole("sample", sample, 1)
    c: Corpus = corpus  # type: ignore[assignment]

    def vote() -> str | None:
        # only the sampled texts become Python strings (~450 MB of heap kept at 100,000
        # generated documents when the whole column was copied to take them)
        return _main_language(sampled_column_texts(c.docs["text"], sample), min_share, sample)

    return c.cached(f"languages.main_language:min_share={min_share!r},sample={sample}", vote)


def _main_language(texts: list[str], min_share: float, sample: int) -> str | None:
    """:func:`main_language` of a list of texts."""
    texts = _sample(texts, sample)
    votes, _, letters = _vote(texts, CORPUS_CHARS)
    with_letters = [v for v, has in zip(votes, letters, strict=True) if has]
    known = Counter(v for v in with_letters if v is not None)
    if not known:
        return None
    lang, n = known.most_common(1)[0]
    return lang if n >= min_share * len(with_letters) else None


def group_languages(corpus: Corpus, by: str = "outlet", *, min_share: float = 0.5) -> pd.DataFrame:
    """The language of each group of documents (an outlet's headlines, say), by the vote of
    :func:`main_language` over the group's documents: one row per group, columns ``group``,
    ``language`` (None when unclear or mixed) and ``n_docs``, sorted by group.

    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"],
    ...     "text": ["Pope Francis Dies At 88 In Vatican", "Man dies after being hit by a car",
    ...              "Le gouvernement a annoncé une hausse des prix du gaz",
    ...              "La grève continue dans les transports de la région"]}))
    >>> group_languages(c)
      group language  n_docs
    0     X       en       2
    1     Y       fr       2
    """
    require_corpus(corpus, "group_languages")
    labels = [str(label) for label in corpus.group_labels(by)]
    rows = [
        (g, main_language(ts, min_share=min_share), n)
        for g, (ts, n) in sorted(_group_samples(corpus.docs["text"], labels).items())
    ]
    return pd.DataFrame(
        {
            "group": pd.Series([r[0] for r in rows], dtype=object),
            # an object column: an unclear group stays None, not NaN
            "language": pd.Series([r[1] for r in rows], dtype=object),
            "n_docs": pd.Series([r[2] for r in rows], dtype="int64"),
        }
    )


def _group_samples(column: pd.Series, labels: list[str]) -> dict[str, tuple[list[str], int]]:
    """Each group's texts :func:`main_language` reads (the ones :func:`sample_texts` takes, cut
    to :data:`CORPUS_CHARS` characters) and its number of documents: only those texts become
    Python strings, read one at a time (not every whole text of the corpus at once)."""
    rows: dict[str, list[int]] = {}
    for k, label in enumerate(labels):
        rows.setdefault(label, []).append(k)
    return {
        g: (
            [
                str(column.iat[ks[p]])[:CORPUS_CHARS]
                for p in _sample_positions(len(ks), CORPUS_SAMPLE)
            ],
            len(ks),
        )
        for g, ks in rows.items()
    }


def analysis_language(corpus: Corpus | None, language: str | None) -> str:
    """The stopword language of an analysis: ``language`` when given (a code or English name
    of :data:`corpus_tools.tokenize.STOPWORD_LANGUAGES`), else the corpus' language
    (:func:`main_language`) when it has a shipped list, else English.

    >>> analysis_language(None, "German"), analysis_language(None, None)
    ('de', 'en')
    """
    if language is not None:
        return stopword_language(language)
    if corpus is None:
        return "en"
    guess = main_language(corpus)
    return guess if guess is not None and guess in STOPWORD_LANGUAGES else "en"


def stopword_parts(counts: DocTermCounts, language: str | None) -> StopParts | None:
    """What leaves ``language``'s stopwords out of ``counts``: the one rule of every analysis
    without stopwords (``term_frequencies``, ``keyness``, ``similarity``).

    ``counts`` are counts with stopwords, such as the ones kept on a corpus
    (:func:`corpus_tools.counts.doc_term_counts`); hand the parts to
    :meth:`~corpus_tools.counts.DocTermCounts.without_stopwords`, or read a table
    from them without building the counts. None: nothing to leave out (``language``
    None, or English on counts built without stopwords). English: the built-in
    path, decided per occurrence when counting (``IT`` is kept beside ``it``).
    Another language: every term on its shipped list (a bigram when either word is),
    whole. ``n_words`` stays, so rates keep their denominator.

    >>> from corpus_tools.counts import count_texts
    >>> c = count_texts(["le chat et le chien", "la maison du chat"], ["a", "b"])
    >>> c.without_stopwords(stopword_parts(c, "fr")).terms.tolist()
    ['chat', 'chien', 'maison']
    """
    import numpy as np
    import scipy.sparse as sp

    from .counts import StopParts
    from .errors import invalid_option

    if language is None:
        return None
    if language == "en":
        if not counts.stopwords:
            return None
        if counts.stop_parts is None:
            raise invalid_option("stop_parts", None, ["counts built by count_texts"])
        return counts.stop_parts
    stop = load_stopwords(language)
    terms = [str(t) for t in counts.terms.tolist()]
    keep = np.array([not any(w in stop for w in t.split(" ")) for t in terms], dtype=bool)
    first = counts.first_seen
    if first is not None:
        first = np.argsort(np.argsort(first[keep], kind="stable"), kind="stable").astype(
            first.dtype
        )
    n_kept = int(np.count_nonzero(keep))
    extra = sp.csr_matrix((counts.matrix.shape[0], n_kept), dtype=np.int32)
    return StopParts(pure=keep, keep=keep, extra=extra, first_seen=first)


def counts_without_stopwords(counts: DocTermCounts, language: str) -> DocTermCounts:
    """``counts`` without ``language``'s stopwords (:func:`stopword_parts`).

    >>> from corpus_tools.counts import count_texts
    >>> c = count_texts(["le chat et le chien", "la maison du chat"], ["a", "b"])
    >>> counts_without_stopwords(c, "fr").terms.tolist()
    ['chat', 'chien', 'maison']
    """
    parts = stopword_parts(counts, language)
    return counts if parts is None else counts.without_stopwords(parts)


def counts_for(
    corpus: Corpus | DocTermCounts,
    by: str,
    *,
    stopwords: bool,
    language: str | None,
    ngram: int = 1,
    n_jobs: int = 1,
) -> tuple[DocTermCounts, str | None]:
    """Counts of an analysis and the stopword language it used (None: stopwords kept).

    Read from the counts kept on the corpus (with stopwords), without the stopwords of
    ``language`` (given, or the corpus' own by :func:`analysis_language`) as
    :func:`stopword_parts` decides. Counts given instead of a corpus are taken as built
    for English (their ``stopwords=`` chose; the language is None when they keep them).

    A mixed corpus: when ``language`` is not given, a document that :func:`guess_language`
    names (from its first :data:`CORPUS_CHARS` characters) in another language with a
    shipped list also loses that list's words in its own row (the Spanish page of an English
    corpus: ``de``, ``la``, ``que``), and the language returned names them all (``"en+es"``);
    the other documents keep those words (``war`` and ``die`` are English content words).
    A corpus of one language is left as before."""
    from .counts import DocTermCounts as _Counts
    from .counts import as_counts

    source = None if isinstance(corpus, _Counts) else corpus
    given = source is None
    counts = as_counts(corpus, by, ngram=ngram, stopwords=True, n_jobs=n_jobs)
    lang = None if stopwords else analysis_language(source, language)
    if given and lang == "en":  # as built: say so when they keep the stopwords
        return counts, (None if counts.stopwords else lang)
    parts = stopword_parts(counts, lang)
    out = counts if parts is None else counts.without_stopwords(parts)
    named = mixed_language(source, lang, language)
    if named == lang or source is None or lang is None:
        return out, lang
    return _drop_own_lists(out, own_language_rows(source, lang)), named


def mixed_language(corpus: Corpus | None, lang: str | None, language: str | None) -> str | None:
    """The stopword languages :func:`counts_for` leaves out of ``corpus`` (``"en+es"``: the
    English list everywhere, the Spanish one in the Spanish documents): ``lang`` alone when
    no document is in another language with a list, ``language`` was given, or ``lang`` is
    None (stopwords kept)."""
    if lang is None or corpus is None or language is not None:
        return lang
    own = own_language_rows(corpus, lang)
    return "+".join([lang, *sorted(own)]) if own else lang


#: texts read as Python strings at a time when each document's language is guessed
_ROWS_CHUNK = 2048


def own_language_rows(corpus: Corpus, lang: str) -> dict[str, list[int]]:
    """The documents (row positions) written, by their own :func:`guess_language` of their
    first :data:`CORPUS_CHARS` characters, in a language with a shipped list other than
    ``lang``, by language (kept on the corpus). A document plainly in ``lang`` is not guessed.

    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": [
    ...     "The minister said on Monday that the talks would go on in Berlin.",
    ...     "Der Minister sagte am Montag, dass die Gespräche in Berlin weitergehen."]}))
    >>> own_language_rows(c, "en")
    {'de': [1]}
    """
    found = other_language_rows(corpus, lang)
    return {code: r for code, r in found.items() if code in STOPWORD_LANGUAGES}


def other_language_rows(corpus: Corpus, lang: str) -> dict[str, list[int]]:
    """The documents (row positions) :func:`guess_language` reads, from their first
    :data:`CORPUS_CHARS` characters, as written in another language than ``lang``, by
    language, with a shipped stopword list or without one (Hebrew, Thai, Korean, Persian).
    Guessed once per corpus and ``lang`` and kept on the corpus: :func:`own_language_rows`
    (numbers, stopword removal) and :func:`corpus_tools.quotes` share it. A document plainly
    in ``lang`` (8+ words, a quarter of them on its list) is not guessed; an unclear one is
    left out.

    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
    ...     "The minister said on Monday that the talks would go on in Berlin.",
    ...     "השר אמר ביום שני שהשיחות יימשכו בברלין.",
    ...     "Der Minister sagte am Montag, dass die Gespräche in Berlin weitergehen."]}))
    >>> other_language_rows(c, "en")
    {'he': [1], 'de': [2]}
    """

    stop = load_stopwords(lang)
    latin = sum(1 for w in stop if w.isascii()) > len(stop) / 2

    def rows() -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        # a chunk of texts at a time as Python strings, not the whole column at once (100,000
        # generated articles: +1.1 GB for term_frequencies(stopwords=False), freed heap kept)
        k = 0
        for chunk in text_heads(corpus.docs["text"], CORPUS_CHARS, _ROWS_CHUNK):
            for sample in chunk:
                if not _plainly_in(sample, stop, latin):
                    guess = _guess(sample, CORPUS_CHARS)[0]
                    if guess is not None:
                        out.setdefault(guess, []).append(k)
                k += 1
        return out

    found = corpus.cached(f"languages.other_language_rows:{lang}", rows)
    return {code: r for code, r in found.items() if code != lang}


#: Text in another language is enough to say so (a warning: an English word list or English
#: rules read it) from this share of the items counted, documents or quote rows ...
OTHER_LANGUAGE_MIN_SHARE = 0.01
#: ... or from this many of them, whichever is fewer (2 Arabic headlines among 10,037 English
#: ones move no rate; 20 documents can be a whole outlet's) ...
OTHER_LANGUAGE_MIN_COUNT = 20
#: ... and at least this many when the language was guessed from words, not from a script (a
#: short English headline is now and then read as another language).
OTHER_LANGUAGE_MIN_GUESSED = 2


def enough_other_language(n: int, total: int, *, by_script: bool = False) -> bool:
    """Whether ``n`` items (documents or quote rows) in another language among ``total`` are
    enough to warn about: :data:`OTHER_LANGUAGE_MIN_SHARE` (1 %) of ``total`` or
    :data:`OTHER_LANGUAGE_MIN_COUNT` (20), whichever is fewer, and at least
    :data:`OTHER_LANGUAGE_MIN_GUESSED` (2) unless the items were told by their script
    (``by_script``: mostly Arabic, Cyrillic, Han, ... letters; one such document of a small
    corpus is enough). The one rule behind every "not English" warning of the package
    (:func:`corpus_tools.lexicon.warn_english_lexicon`, :func:`corpus_tools.quotes`).

    >>> enough_other_language(2, 10_037, by_script=True), enough_other_language(20, 3_000)
    (False, True)
    >>> enough_other_language(1, 2, by_script=True), enough_other_language(1, 2)
    (True, False)
    >>> enough_other_language(1, 151), enough_other_language(70, 1_386)
    (False, True)
    """
    if n <= 0 or n < (1 if by_script else OTHER_LANGUAGE_MIN_GUESSED):
        return False
    return n >= min(OTHER_LANGUAGE_MIN_COUNT, OTHER_LANGUAGE_MIN_SHARE * total)


#: a document of this many words, this share of them on the corpus language's list, is
#: written in that language without a full guess (a tenth of its cost)
_PLAIN_MIN_WORDS = 8
_PLAIN_SHARE = 0.25


def _plainly_in(sample: str, stop: frozenset[str], latin: bool) -> bool:
    """Whether ``sample`` reads as the language of ``stop`` at a glance: 8+ words, a quarter
    of them on its stopword list (English prose has 40-50 %, a Spanish text a few %), and for
    a Latin-script list (``latin``) under a fifth of its characters outside ASCII (an English
    title over Russian text is left to the full guess)."""
    if latin and len(sample.encode("utf-8")) - len(sample) > 0.2 * len(sample):
        return False
    words = _WORDS_RE.findall(sample.casefold())
    if len(words) < _PLAIN_MIN_WORDS:
        return False
    return sum(1 for w in words if w in stop) >= _PLAIN_SHARE * len(words)


def own_list_masks(terms: Sequence[str], own: dict[str, list[int]], n_docs: int) -> tuple[Any, Any]:
    """``(language of each document, stopword columns of each language)``: what
    :func:`counts_for` leaves out of a mixed corpus' documents, as arrays for a pass over
    the counts' entries. ``lang[d]`` is 0 for a document that keeps every term, else
    ``k`` for the ``k``-th language of ``sorted(own)``; ``cols[k, j]`` says whether term
    ``j`` (a bigram when either word is) is on that language's list (row 0: none is).

    >>> own_list_masks(["der", "haus", "the"], {"de": [1]}, 3)[1].astype(int).tolist()
    [[0, 0, 0], [1, 0, 0]]
    """
    import numpy as np

    words = [str(t).split(" ") for t in terms]
    lang = np.zeros(n_docs, dtype=np.int16)
    cols = np.zeros((len(own) + 1, len(words)), dtype=bool)
    for k, (code, rows) in enumerate(sorted(own.items()), start=1):
        stop = load_stopwords(code)
        cols[k] = np.fromiter((any(w in stop for w in t) for t in words), bool, len(words))
        lang[rows] = k
    return lang, cols


def _drop_own_lists(counts: DocTermCounts, own: dict[str, list[int]]) -> DocTermCounts:
    """``counts`` without each listed document's own language's stopwords (a bigram when
    either word is one) in that document's row; columns and ``n_words`` stay. The kept
    entries are chosen a block of rows at a time (no coordinate copy of the matrix)."""
    from dataclasses import replace

    import numpy as np
    import scipy.sparse as sp

    mat = counts.matrix.tocsr()
    n_rows = mat.shape[0]
    lang, cols = own_list_masks(counts.terms.tolist(), own, n_rows)
    keep = np.ones(mat.nnz, dtype=bool)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    for r0 in range(0, n_rows, _DROP_ROWS):
        r1 = min(r0 + _DROP_ROWS, n_rows)
        a, b = int(mat.indptr[r0]), int(mat.indptr[r1])
        local = np.repeat(np.arange(r1 - r0), np.diff(mat.indptr[r0 : r1 + 1]))
        kept = ~cols[lang[r0:r1][local], mat.indices[a:b]]
        keep[a:b] = kept
        indptr[r0 + 1 : r1 + 1] = np.bincount(local[kept], minlength=r1 - r0)
    np.cumsum(indptr, out=indptr)
    matrix = sp.csr_matrix(
        (mat.data[keep], mat.indices[keep], indptr), shape=mat.shape, dtype=mat.dtype
    )
    return replace(counts, matrix=matrix)


#: rows of the counts read at a time by :func:`_drop_own_lists`
_DROP_ROWS = 4096
