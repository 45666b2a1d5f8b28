"""Numeric claims: numbers in the text with qualifier, what is counted and who says so.

:func:`numeric_claims` finds the numbers of each sentence by rules (no parser)
and :func:`compare_numbers` lines up the same quantity across groups.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from ._tables import cast_columns, frame_from_rows, one_space, sort_rows
from .corpus import doc_groups, group_label, require_corpus
from .errors import CorpusToolsWarning, CorpusValueError, check_table
from .languages import analysis_language, own_language_rows
from .lexicon import load_lexicon
from .stories import Stories, stories
from .tokenize import fold, load_stopwords

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["numeric_claims", "compare_numbers"]


# Word lists for numbers in English news (general English, not corpus-specific),
# shipped as data: ``data/numbers.yml`` (number words, scales, qualifiers) and
# ``data/number_context.yml`` (event, currency, month and attribution words).
_NUMBERS = load_lexicon("numbers").data
_CONTEXT = load_lexicon("number_context").data
NUMBER_UNITS: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["units"].items()}
NUMBER_TENS: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["tens"].items()}
_SCALES: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["scales"].items()}
_SUFFIX_SCALES: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["suffix_scales"].items()}
_VAGUE: dict[str, str] = {str(k): str(v) for k, v in _NUMBERS["vague"].items()}
_PERCENT: tuple[str, ...] = tuple(
    str(w) for w in _NUMBERS.get("percent") or ("percent", "per cent")
)
#: Scale and percent words of other languages (``data/numbers.yml``, ``languages``).
_LANGUAGE_WORDS: dict[str, dict] = {
    str(k): dict(v or {}) for k, v in (_NUMBERS.get("languages") or {}).items()
}
#: Letter signs written right before a figure (``Ksh500``, ``Rs 20``), ISO 4217 codes before
#: or after one (``USD 5 million``, ``5 million EUR``) and signs after one (``500 zł``), all
#: as written (capitals: ``ALL``/``TOP`` of ``iso4217_not_read`` never); ``data/numbers.yml``.
_CURRENCY_SIGNS: tuple[str, ...] = tuple(str(w) for w in _NUMBERS.get("currency_signs") or ())
_CURRENCY_AFTER = frozenset(str(w) for w in _NUMBERS.get("currency_after") or ())
ISO_CURRENCIES = frozenset(str(c) for c in _NUMBERS.get("iso4217") or ()) - frozenset(
    str(c) for c in _NUMBERS.get("iso4217_not_read") or ()
)
#: Every Unicode currency symbol (general category Sc: ``$ € £ ¥ ₹ ₦ ₱ ₩ ₺ ₽`` ...).
_SC_SIGNS = "".join(ch for ch in map(chr, range(0x20, 0x10000)) if unicodedata.category(ch) == "Sc")
#: Hedging qualifiers written before a number (lower-case, longest first when matched).
NUMBER_QUALIFIERS: tuple[str, ...] = tuple(str(q) for q in _NUMBERS["qualifiers"])
#: Words that say what happened to the counted people or things -> normalised event.
NUMBER_EVENTS: dict[str, str] = {str(k): str(v) for k, v in _CONTEXT["events"].items()}


def _words(key: str) -> list[str]:
    return [str(w) for w in _CONTEXT[key]]


def _alternatives(key: str) -> str:
    return "|".join(re.escape(w) for w in _words(key))


_CURRENCY_WORDS = frozenset(_words("currency"))
_ONE_PRONOUN_NEXT = frozenset([*_words("one_pronoun_next"), ""])
_ONE_PRONOUN_BEFORE = frozenset(_words("one_pronoun_before"))
_NOT_SOURCES = frozenset(_words("not_sources"))
_MONTHS = _alternatives("months")
# kinds with no qualifier and no attribution ("duration": a figure joined by a hyphen to a
# unit of time, a compound adjective such as "a 40-year high" or "a 15-year-old boy")
_NOT_QUANTITIES = ("date", "year", "time", "duration")
KINDS = ("count", "percent", "money", "year", "date", "time", "ordinal", "duration")


def check_kinds(kinds: Sequence[str]) -> list[str]:
    """Return ``kinds`` as a list; a single string or an unknown kind is an error naming ``kinds=``."""
    if isinstance(kinds, str):
        raise CorpusValueError(
            f"kinds={kinds!r}: pass a list of kinds, not a single string; e.g. kinds=[{kinds!r}]."
        )
    if not len(kinds):
        raise CorpusValueError(
            f"kinds={kinds!r} selects no kind; choose from {list(KINDS)!r} (numeric_claims: "
            "None keeps every kind)."
        )
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise CorpusValueError(
            f"kinds={list(kinds)!r}: unknown kind(s) {unknown!r}; choose from {list(KINDS)!r}."
        )
    return list(kinds)


_WORDNUM = (
    r"(?:" + "|".join(sorted([*NUMBER_UNITS, *NUMBER_TENS], key=len, reverse=True)) + r")"
    r"(?:[- ](?:" + "|".join(sorted(NUMBER_UNITS, key=len, reverse=True)) + r"))?"
    r"(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?"
    r"(?:" + "|".join(sorted([*NUMBER_UNITS, *NUMBER_TENS], key=len, reverse=True)) + r"))?)*"
)
#: Languages whose news writes a decimal comma and groups thousands with a dot or a space
#: (``1.234,5``, ``1 234,5``); in the others a comma groups thousands (``1,234.5``). Shipped
#: as data: ``data/numbers.yml``, key ``decimal_comma``.
DECIMAL_COMMA_LANGUAGES = frozenset(str(c) for c in _NUMBERS.get("decimal_comma") or ())
# A figure written in digits, with the separators of the text's number format. Both formats
# read the forms only one format writes (``1.234,5`` and ``8.932.664`` in English text,
# ``1,234.5`` in German text) and thousands grouped by an apostrophe (``1'234'567``). The
# forms both formats write are read by the language: ``1,234`` is 1234 in English and 1.234
# in German; ``2.500`` is 2.5 in English and 2500 in German. A space groups thousands only
# in the decimal-comma languages (``12 000`` in French; in English text it is two numbers).
# Scraped English text also writes a thousands comma followed by a space (``1, 000 computers``,
# ``30, 000 won``): read as one figure when every group after ``, `` is three digits, the
# figure before has 1-3 digits and it is not an item of a list (no ``5, `` before it, no
# ``, 6`` after it: ``1, 2, 3`` stays three figures) nor a day after a month (``March 5,
# 200 people``: :func:`numbers_in_sentence`). A list of three-digit items after a short one
# (``10, 200, 300``) cannot be told from ``10, 200, 300 users`` and is read as one figure.
_SPACED_GROUPS = r"(?<!\d, )\d{1,3}(?:, \d{3})+(?!\d|,\s*\d)(?:\.\d+)?"
_DIGITS = {
    False: (
        r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
        r"|\d{1,3}(?:\.\d{3})+,\d+"
        r"|\d{1,3}(?:\.\d{3}){2,}"
        r"|\d{1,3}(?:'\d{3})+(?:\.\d+)?"
        r"|\d+(?:\.\d+)?"
    ),
    True: (
        r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
        r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"
        r"|\d{1,3}(?:,\d{3})+\.\d+"
        r"|\d{1,3}(?:[ ']\d{3})+(?:[.,]\d+)?"
        r"|\d+(?:[.,]\d+)?"
    ),
}


@functools.lru_cache(maxsize=64)
def _scales(language: str = "en") -> dict[str, int]:
    """The scale words read after a figure in ``language``: the English ones and the
    language's own (``data/numbers.yml``), the language's value for a word in both."""
    out = dict(_SCALES)
    for code in reversed(_read_with(language)):  # the language's own value wins
        own = _LANGUAGE_WORDS.get(code, {}).get("scales") or {}
        out.update({str(k).lower(): int(v) for k, v in own.items()})
    return out


def _read_with(language: str) -> list[str]:
    """``language`` and the close languages whose words it reads too (``read_with`` in
    ``data/numbers.yml``: a Malay article the guess names Indonesian still writes ``RM5
    bilion``)."""
    return [language, *(str(c) for c in _LANGUAGE_WORDS.get(language, {}).get("read_with") or [])]


def _language_words(language: str, key: str) -> list[str]:
    """The ``key`` words (percent, currency_prefixes) of ``language`` and its ``read_with``."""
    return [str(w) for c in _read_with(language) for w in _LANGUAGE_WORDS.get(c, {}).get(key) or []]


def _words_re(words: Sequence[str]) -> str:
    """Words (longest first) as one alternation; a space in a word matches any spacing."""
    ordered = sorted(dict.fromkeys(w.lower() for w in words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in ordered)


def _prefix_tree(words: Iterable[str]) -> str:
    """``words`` as one alternation nested by common prefix (longest first): a pattern tried at
    every word start fails on its first character instead of on each of 160 codes.

    >>> _prefix_tree(["KSh", "KShs", "Ksh", "KES"])
    '(?:K(?:ES|Sh(?:s)?|sh))'
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return "(?:" + emit(tree) + ")"


def _currency_re(language: str) -> str:
    """The currency signs written right before a figure: any currency symbol (``$``, ``€``,
    ``₹``; ``US$``, ``A$5``, ``HK$5`` too), the letter signs of ``data/numbers.yml`` and ISO 4217
    codes as written (``Ksh500``, ``Rs 20``, ``USD 5``), and the language's own, as whole words
    (``RM5 juta`` in Malay, ``Rp 5 miliar`` in Indonesian; ``currency_prefixes``)."""
    own = _language_words(language, "currency_prefixes")
    signs = sorted((re.escape(str(w)) for w in own), key=lambda w: (-len(w), w))
    words = [r"(?<![\w.,])(?:" + "|".join(signs) + ")"] if signs else []
    cased = {*_CURRENCY_SIGNS, *ISO_CURRENCIES}
    if cased:  # as written: "Sh" and "USD", never "sh" or "usd"
        words.append(r"(?<![\w.,])(?-i:" + _prefix_tree(cased) + r")(?![^\W\d_])")
    return "|".join([*words, r"US\$", r"R\$", "[" + re.escape(_SC_SIGNS) + "]"])


def _figure_start(language: str) -> str:
    """What may stand right before a figure: no letter, digit, ``.``, ``,`` or ``&#``; or one of the
    language's ``figure_prefixes`` written joined to it (Arabic ``و3``: "and 3"), itself
    after no letter."""
    plain = r"(?<![\w.,])(?<!&#)"  # "&#8217;": a character reference left in scraped text
    prefixes = sorted(set(_language_words(language, "figure_prefixes")), key=len)
    if not prefixes:
        return plain
    by_len: dict[int, list[str]] = {}
    for w in prefixes:
        by_len.setdefault(len(w), []).append(re.escape(w))
    joined = [rf"(?<=(?<![\w.,])(?:{'|'.join(ws)}))" for _, ws in sorted(by_len.items())]
    return "(?:" + "|".join([plain, *joined]) + ")"


# suffix scales written joined to a figure ("5bn", "3m", "₹150cr"); "b" and "l" (lakh) need a
# currency sign ("Long March 3B", "a 1L bottle")
_SIGN_ONLY_SCALES = ("b", "l")
_GLUED_SCALES = _words_re([w for w in _SUFFIX_SCALES if w not in _SIGN_ONLY_SCALES])


@functools.lru_cache(maxsize=64)
def _number_re(decimal_comma: bool, language: str = "en", spaced: bool = True) -> re.Pattern[str]:
    """The figures of a sentence; ``spaced``: read ``1, 000`` as one figure in text that
    groups thousands with a comma (``_SPACED_GROUPS``)."""
    scales = _words_re(list(_scales(language)))
    percent = _words_re([*_PERCENT, *_language_words(language, "percent")])
    digits = _DIGITS[decimal_comma]
    if spaced and not decimal_comma:
        digits = _SPACED_GROUPS + "|" + digits
    # after a currency sign a figure may follow a letter ("RM5"); else not ("F16", "B52");
    # a figure never starts with "0d" right after "5, ": that is the tail of a thousands
    # group ("Ksh500, 000"), not the figure 0
    marks = _language_words(language, "hour_marks")
    # an hour the language writes with a letter ("às 18h", "7h30", "23h30min"): a clock time
    hours = (
        r"|\b(?:[01]?\d|2[0-4])(?-i:" + "|".join(map(re.escape, marks)) + r")(?:[0-5]\d)?"
        r"(?:min\b|m\b)?(?![^\W\d_])"
        if marks
        else ""
    )
    return re.compile(
        r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
        r"|(?P<time>\b\d{1,2}:\d{2}\b(?:\s*[ap]\.?m\.?)?"
        # an hour with a.m./p.m. ("10 a.m.", "8pm", "9 AM"): a clock time, not a count
        r"|\b(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\b\.?|[ap]m\b)" + hours + r")"
        r"|(?P<ord>(?<![\w.,])\d+(?:st|nd|rd|th)\b)"
        r"|(?P<cur>(?:" + _currency_re(language) + r")[ \u00a0]?)?"
        r"(?P<num>(?(cur)|" + _figure_start(language) + r")(?!(?<=\d, )0\d)(?:" + digits + r")"
        r"(?!\d)(?:e[+-]?\d+\b)?)"
        # "$50B" is 50 billion; "3B" alone is a name (Long March 3B), so a bare B needs a currency
        r"(?P<scale>(?:\s+|-)(?:" + scales + r")\b|(?:" + _GLUED_SCALES + r")\b"
        r"|(?(cur)(?:" + "|".join(_SIGN_ONLY_SCALES) + r")\b|(?!)))?"
        r"(?P<pct>\s*(?:[%\u066a\uff05]|(?:" + percent + r")\b))?"
        r"|(?P<vague>\b(?:" + "|".join(_VAGUE) + r")\b)"
        r"|(?P<dozen>\b(?:a\s+)?dozen\b)"
        r"|(?P<word>\b" + _WORDNUM + r"\b)",
        re.IGNORECASE,
    )


def digits_value(raw: str, decimal_comma: bool = False) -> float:
    """The value of a figure matched in digits (``raw``), read in the text's number format.

    The last of two different separators is the decimal mark; a separator written twice
    groups thousands; one comma is the decimal mark in a decimal-comma text, one dot in
    the other texts, except a dot before exactly three digits in a decimal-comma text
    (``2.500``). Spaces and apostrophes group thousands.

    >>> digits_value("1,234.5"), digits_value("1.234,5"), digits_value("8.932.664")
    (1234.5, 1234.5, 8932664.0)
    >>> digits_value("1,234"), digits_value("1,234", True), digits_value("2.500", True)
    (1234.0, 1.234, 2500.0)
    >>> digits_value("12 000", True), digits_value("1'234'567"), digits_value("5,3", True)
    (12000.0, 1234567.0, 5.3)
    """
    s = raw.replace(" ", "").replace("'", "")
    mantissa, exp = re.match(r"([\d.,]*)(.*)", s).groups()  # type: ignore[union-attr]
    commas, dots = mantissa.count(","), mantissa.count(".")
    if commas and dots:
        decimal = "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
    elif commas:
        decimal = "," if commas == 1 and decimal_comma else ""
    elif dots:
        frac = mantissa.partition(".")[2]
        grouped = dots > 1 or (decimal_comma and len(frac) == 3)
        decimal = "" if grouped else "."
    else:
        decimal = ""
    group = {",": ".", ".": ",", "": ",."}[decimal]
    for sep in group:
        mantissa = mantissa.replace(sep, "")
    return float(mantissa.replace(",", ".") + exp)


_QUAL_RE = re.compile(
    r"\b("
    + "|".join(re.escape(q) for q in sorted(NUMBER_QUALIFIERS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^\s+(?:" + _MONTHS + r")\b", re.IGNORECASE)
# "a 40-year high", "52-week low", "a 15-year-old boy", "24-hour strike": a figure joined by a
# hyphen to a unit of time is part of a compound adjective (a duration or an age), not a count
# of what follows
_DURATION_AFTER = re.compile(
    r"^[-\u2010\u2011](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?"
    r"|century|centuries|night|nights)\b",
    re.IGNORECASE,
)
# a minus sign written right before a figure ("-20.5°C", "\u221220.5 \u00b0C", "-$2.3 million",
# "minus 5 degrees"): at the start of the text or after a space or an opening bracket (after a
# digit or a letter a hyphen joins: "10-20", "COVID-19", "mid-2020"); "minus" as a word only
# after a word that is no figure ("3 minus 2" is a sum)
_MINUS_BEFORE = re.compile(
    r"(?:(?:^|(?<=[\s(\[]))[-\u2212\u2013]|(?<![\w.,])(?<!\d )minus\s+)\Z", re.IGNORECASE
)
# a word in capitals right before a spaced hyphen ("COVID -19"): the number of a name
_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}\s+\Z")
# "10 years ago", "two days ago": a point in time, not a quantity outlets could disagree on
_AGO_AFTER = re.compile(
    r"^\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\s+ago\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[A-Za-z][\w'.-]*")
# a sentence with neither a digit nor one of these words has no number to read
_MAYBE_NUMBER = re.compile(
    r"(?i)\b(?:"
    + "|".join([*NUMBER_UNITS, *NUMBER_TENS])
    + r"|dozens?|hundreds|thousands|millions)\b"
)
_ATTR_PATTERNS = (
    re.compile(
        r"\b(?:" + _alternatives("attribution_cues") + r")\s+"
        r"(?P<src>[^,.;:()\"]{3,80})",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<src>(?:\b[Tt]he\s+)?(?:\b[A-Z][\w'-]*\s+){0,5}"
        r"(?:[A-Z][\w'-]*|" + _alternatives("source_nouns") + r"))"
        r"\s+(?:" + _alternatives("attribution_verbs") + r")\b"
    ),
    re.compile(
        r"\b(?:" + _alternatives("said_verbs") + r")\s+"
        r"(?P<src>(?:the\s+)?(?:[A-Z][\w'-]*\s*){1,6})"
    ),
)
NUMERIC_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "text",
    "quantity",
    "qualifier",
    "kind",
    "object",
    "event",
    "attribution",
    "sentence",
]


class NumberHit(NamedTuple):
    """One numeric expression of a sentence; ``start``/``end`` are relative to the sentence."""

    start: int
    end: int
    quantity: float
    qualifier: str
    kind: str
    object: str
    event: str
    attribution: str


class _Reading(NamedTuple):
    """What a number says by itself: its kind, value and (vague amounts) qualifier."""

    kind: str
    quantity: float
    qualifier: str = ""


def _words_to_number(text: str) -> float:
    total, current = 0, 0
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("", "and"):
            continue
        if w in NUMBER_UNITS:
            current += NUMBER_UNITS[w]
        elif w in NUMBER_TENS:
            current += NUMBER_TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
    return float(total + current)


def _attribution(sentence: str) -> str:
    for pat in _ATTR_PATTERNS:
        m = pat.search(sentence)
        if m:
            src = one_space(m.group("src")).strip()
            src = re.sub(r"^(?:[Tt]he)\s+", "the ", src)
            if src and src.lower() not in _NOT_SOURCES:
                return src
    return ""


def _next_word(after: str) -> str:
    return (_WORD_RE.match(after.lstrip()) or [""])[0].lower().rstrip(".")


_UNIT_RE = re.compile(r"[^\W\d_][\w'.-]*|[^\w\s]")


def _unit_after(after: str) -> str:
    """The word (any script) or the sign right after a figure, as written, less a final dot."""
    found = _UNIT_RE.match(after.lstrip())
    return found.group().rstrip(".") if found else ""


@functools.lru_cache(maxsize=64)
def _currency_words(language: str) -> frozenset[str]:
    """Currency words after a figure, lower case: the English ones (``number_context.yml``)
    and the language's own (``data/numbers.yml``, ``languages.<code>.currency``)."""
    own = _language_words(language, "currency")
    return _CURRENCY_WORDS | frozenset(w.lower() for w in own)


def _names_currency(unit: str, language: str) -> bool:
    """The word or sign after a figure names a currency: a currency word of the language
    (``5 dollars``, ``302 млн рублей``), an ISO 4217 code or a sign as written (``500 EUR``,
    ``500 zł``)."""
    return (
        unit.lower() in _currency_words(language)
        or unit in ISO_CURRENCIES
        or unit in _CURRENCY_AFTER
        or (len(unit) == 1 and unit in _SC_SIGNS)
    )


def _read_digits(
    m: re.Match[str], before: str, after: str, decimal_comma: bool = False, language: str = "en"
) -> _Reading:
    """A number written in digits: scale, then percent, money, date or year by its context."""
    raw = m.group("num")
    quantity = digits_value(raw, decimal_comma)
    scale = (m.group("scale") or "").strip(" \t\n\r\f\v\u00a0-").lower()  # "31,000-crore"
    if scale:
        scale = " ".join(scale.split())
        quantity *= _scales(language).get(scale, _SUFFIX_SCALES.get(scale, 1))
    kind = "count"
    # "5 Mio. Euro", "a 750-billion-euro fund"
    unit = _unit_after(after[1:] if scale and after[:1] in (".", "-") else after)
    if m.group("pct"):
        kind = "percent"
    elif m.group("cur") or _names_currency(unit, language):
        kind = "money"
    elif _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        kind = "date" if not (len(raw) == 4 and "," not in raw) else "year"
    elif len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2099 and not scale:
        kind = "year"
    return _Reading(kind, quantity)


# a name ending in a number: "COVID-19", "Covid-19", "F-16", "MiG-29", "Su-57" (not "mid-2020",
# "Post-2008": English prefixes that take a year or a number)
_NAME_HYPHEN = re.compile(r"\b(?P<word>[A-Za-z]+)-$")
_NUMBER_PREFIXES = frozenset(
    "mid pre post late early over under top non anti ex sub semi multi ultra".split()
)


def _in_a_name(before: str) -> bool:
    """True when the digits right after ``before`` end a name such as ``COVID-19`` or ``F-16``."""
    m = _NAME_HYPHEN.search(before)
    if not m:
        return False
    word = m.group("word")
    return word != word.lower() and word.lower() not in _NUMBER_PREFIXES


# a year and a dash or slash right before two digits: "2018-19", "FY2018-19", "2019/20"
_YEAR_DASH = re.compile(r"(?<!\d)(\d{4})[-\u2013/]\Z")


def _year_range_end(raw: str, before: str) -> bool:
    """True for the two digits that end a year range (``2018-19``: the fiscal or season year
    2018 to 2019, not the count 19): the year before them plus one, modulo 100.

    >>> _year_range_end("19", "in 2018-"), _year_range_end("20", "FY2019/"), _year_range_end("19", "in 2008-")
    (True, True, False)
    """
    if len(raw) != 2 or not raw.isdigit():
        return False
    y = _YEAR_DASH.search(before[-6:])
    return (
        y is not None
        and 1800 <= int(y.group(1)) <= 2099
        and (int(y.group(1)) + 1) % 100 == int(raw)
    )


def _read_figure(
    m: re.Match[str], before: str, after: str, decimal_comma: bool = False, language: str = "en"
) -> _Reading | None:
    """Read one match of ``_number_re``; ``None`` for ``one`` used as a pronoun (``one of``),
    for the number of a name (``COVID-19``) and for a figure too large for a float (``1e999``)."""
    nan = float("nan")
    if m.group("iso"):
        return _Reading("date", nan)
    if m.group("time"):
        return _Reading("time", nan)
    if m.group("ord"):
        return _Reading("ordinal", float(re.sub(r"\D", "", m.group("ord"))))
    if (m.group("num") or m.group("word")) and _AGO_AFTER.match(after):
        return _Reading("date", nan)
    if m.group("num"):
        if _in_a_name(before) or _year_range_end(m.group("num"), before):
            return None
        if not m.group("scale") and not m.group("pct") and _DURATION_AFTER.match(after):
            return _Reading("duration", digits_value(m.group("num"), decimal_comma))
        reading = _read_digits(m, before, after, decimal_comma, language)
        return reading if math.isfinite(reading.quantity) else None
    if m.group("vague"):
        vague = m.group("vague").lower()
        return _Reading("count", nan, _VAGUE.get(vague, vague))
    if m.group("dozen"):
        return _Reading("count", 12.0)
    word = m.group("word")
    prev_word = (re.findall(r"[A-Za-z]+", before[-20:]) or [""])[-1].lower()
    if word.lower() == "one" and (
        _next_word(after) in _ONE_PRONOUN_NEXT or prev_word in _ONE_PRONOUN_BEFORE
    ):
        return None
    return _Reading("count", _words_to_number(word))


#: Modal verbs: after the counted noun they start its verb phrase ("1,100 employees might need").
_MODALS = frozenset("will would might could should may must can shall".split())


def verb_after_object(
    word: str, after: str | None = None, stop: frozenset[str] = frozenset(), before: str = ""
) -> bool:
    """A word after the counted noun that starts its verb, not more of the noun: a gerund,
    a modal, or a lower-case (or all-capitals) -ed form longer than four letters, not
    hyphenated, not -eed, not after an adverb (``before``: "previously uninsured"), with no
    lower-case content word after it (``after``: the next word of the clause, None at its
    end; ``stop``: stopwords): "300 people attended the rally", "jobs created", "CONTRACTS
    ISSUED", but "young undocumented immigrants".

    >>> [verb_after_object(w) for w in ("attended", "ISSUED", "reaching", "might")]
    [True, True, True, True]
    >>> [verb_after_object(w) for w in ("speed", "bed", "cat-sized", "Mohammed")]
    [False, False, False, False]
    >>> verb_after_object("gathered", "outside", frozenset({"outside"}))
    True
    >>> verb_after_object("undocumented", "immigrants"), verb_after_object("named", "Mac")
    (False, True)
    >>> verb_after_object("uninsured", "Americans", before="previously")
    False
    """
    lw = word.lower().rstrip(".")
    if lw.endswith("ing") or lw in _MODALS:
        return True
    return (
        lw.endswith("ed")
        and not lw.endswith("eed")
        and len(lw) > 4
        and "-" not in lw
        and (word.islower() or word.isupper())
        and not before.lower().endswith("ly")
        and (after is None or not after.islower() or after.lower() in stop)
    )


def _counted_part(tail: str) -> str:
    """The text after a figure that may say what it counts: up to punctuation, and up to
    the next figure written after a word ("bailout 10 years ago"; not "737-800 freighters").

    >>> _counted_part(" bailout 10 years ago"), _counted_part(" 737-800 freighters, of")
    (' bailout ', ' 737-800 freighters')
    """
    part = re.split(r"[,;:()\"]", tail)[0]
    cut = re.search(r"(?<=\s)\d", part)
    if cut is not None and re.search(r"[^\W\d_]", part[: cut.start()]):
        return part[: cut.start()]
    return part


@functools.lru_cache(maxsize=64)
def _endings(language: str, key: str) -> tuple[str, ...]:
    """Endings of ``language``'s verb forms (``data/numbers.yml``, ``languages.<code>.<key>``):
    a lower-case word with a ``verb_endings`` ending is no part of what a figure counts ("500
    ficaram feridas", "59 pessoas morreram"), nor one with a ``participle_endings`` ending
    after the counted noun's first word ("R$ 51 milhões desviados"; "500 feridos" counts),
    unless it is one of the ``unit_adjectives`` ("100 metros quadrados")."""
    return tuple(w.lower() for w in _language_words(language, key))


def _object_and_event(
    m: re.Match[str],
    view: str,
    q: re.Match[str] | None,
    stop: frozenset[str] | None = None,
    language: str = "en",
) -> tuple[str, str]:
    """What is counted (content words after the number, up to a stopword of ``stop``,
    default English, or a verb form of ``language`` after the first) and the event word
    nearby."""
    stop = load_stopwords() | not_objects() if stop is None else stop
    verbs, participles = (
        _endings(language, "verb_endings"),
        _endings(language, "participle_endings"),
    )
    units = _endings(language, "unit_adjectives")
    obj: list[str] = []
    event = ""
    tail = re.sub(r"(?i)\blost\s+(?:their|his|her)\s+lives?\b", "died", view[m.end() :])
    if m.group("vague"):
        tail = re.sub(r"^\s+of\b", "", tail)
    follow = [w.lower().rstrip(".") for w in _WORD_RE.findall(tail.split(".")[0][:80])][:7]
    follow_raw = _WORD_RE.findall(_counted_part(tail)[:80]) if tail else []
    for i, w in enumerate(follow_raw[:3]):
        lw = w.lower().rstrip(".")
        if lw in NUMBER_EVENTS:
            event = NUMBER_EVENTS[lw]
            break
        after_w = follow_raw[i + 1] if i + 1 < len(follow_raw) else None
        if (
            lw in stop
            or lw in _CURRENCY_WORDS
            or (obj and verb_after_object(w, after_w, stop, obj[-1]))
            or (verbs and w.islower() and lw.endswith(verbs))
            or (
                obj and participles and w.islower() and lw.endswith(participles) and lw not in units
            )
        ):
            break
        obj.append(w.rstrip(".") if not w.endswith("U.S.") else w)
    before = view[: q.start(1) if q else m.start()]
    nearby = [
        *follow[len(obj) : len(obj) + 4],
        *reversed([w.lower() for w in _WORD_RE.findall(before)][-3:]),
    ]
    if not event:
        event = next((NUMBER_EVENTS[w] for w in nearby if w in NUMBER_EVENTS), "")
    return " ".join(obj), event


def _claim_at(
    m: re.Match[str],
    view: str,
    stop: frozenset[str] | None = None,
    decimal_comma: bool = False,
    language: str = "en",
) -> NumberHit | None:
    """The claim of one number match in a sentence (attribution left empty)."""
    start, end = m.start(), m.end()
    before = view[:start]
    reading = _read_figure(m, before, view[end:], decimal_comma, language)
    if reading is None:
        return None
    if reading.kind in ("count", "percent", "money") and (m.group("num") or m.group("word")):
        minus = _MINUS_BEFORE.search(before)
        if minus is not None and not _CAPS_BEFORE.search(before, 0, minus.start()):
            reading = reading._replace(quantity=-reading.quantity)
            start = minus.start()
            before = view[:start]
    qualifier = reading.qualifier
    q = _QUAL_RE.search(before)
    if q and reading.kind not in _NOT_QUANTITIES:
        qualifier = q.group(1).lower()
        start = q.start(1)
    obj, event = "", ""
    if reading.kind not in (*_NOT_QUANTITIES, "ordinal"):
        obj, event = _object_and_event(m, view, q, stop, language)
    return NumberHit(start, end, reading.quantity, qualifier, reading.kind, obj, event, "")


# a spaced-group figure followed by "and 400" / "or 4" is the start of a list of figures
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or|&)\s+\d")
# a thousands comma written without a space: the document's commas then separate items
_COMMA_GROUPED = re.compile(r"(?<![\d,])\d{1,3},\d{3}(?![\d,])")


def _a_list(m: re.Match[str], view: str, spaced: bool) -> bool:
    """Whether the figure ``m`` read with spaced groups (``10, 200, 300``) is a list: ``and 400``
    follows, or the document writes its thousands ``1,000`` (``spaced`` False). A figure after
    a currency sign (``£507, 596``) or whose groups are all ``000`` (``$30, 000``) is none."""
    if m.group("cur") or set(m.group("num").split(", ")[1:]) == {"000"}:
        return False
    return not spaced or _LIST_GOES_ON.match(view, m.end()) is not None


def numbers_in_sentence(
    view: str,
    stop: frozenset[str] | None = None,
    decimal_comma: bool = False,
    language: str = "en",
    spaced: bool = True,
) -> list[NumberHit]:
    """The numeric expressions of one sentence (its folded view), offsets relative to it
    (``stop``: the stopwords that end what is counted, default English; ``decimal_comma``:
    the text writes ``1.234,5``, see :data:`DECIMAL_COMMA_LANGUAGES`; ``language``: its
    scale and percent words are read too, ``data/numbers.yml``; ``spaced``: ``1, 000`` may
    be one figure, False when the document writes its thousands ``1,000``: then ``10, 200,
    300`` is a list, as it is before ``and 400``).

    >>> [(h.quantity, h.qualifier, h.kind, h.object, h.event)
    ...  for h in numbers_in_sentence("Nearly 40 people were wounded in 2021.")]
    [(40.0, 'nearly', 'count', 'people', 'wounded'), (2021.0, '', 'year', '', '')]
    >>> [(h.quantity, h.kind) for h in numbers_in_sentence("3,5 Milliarden Euro, 5 Prozent.", None, True, "de")]
    [(3500000000.0, 'money'), (5.0, 'percent')]
    """
    out = []
    attribution = None
    pattern = _number_re(decimal_comma, language)
    pos = 0
    while (m := pattern.search(view, pos)) is not None:
        num = m.group("num") or ""
        if ", " in num and (
            _MONTH_BEFORE.search(view[: m.start("num")]) or _a_list(m, view, spaced)
        ):
            # "March 5, 200 people": a day, then a figure; "10, 200, 300 and 400": a list
            m = _number_re(decimal_comma, language, False).match(view, m.start()) or m
        pos = m.end()
        hit = _claim_at(m, view, stop, decimal_comma, language)
        if hit is None:
            continue
        if attribution is None:
            attribution = _attribution(view)
        if hit.kind not in _NOT_QUANTITIES:
            hit = hit._replace(attribution=attribution)
        out.append(hit)
    return out


def numeric_claims(
    corpus: Corpus, *, kinds: Sequence[str] | None = None, language: str | None = None
) -> pd.DataFrame:
    """Numbers in the text with qualifier, what is counted, and who says so.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    kinds : sequence of str, optional
        Keep only these kinds (``"count"``, ``"percent"``, ``"money"``, ``"year"``, ``"date"``,
        ``"time"``, ``"ordinal"``, ``"duration"``: "a 40-year high"); default all.
    language : str, optional
        Language of the stopwords that end ``object`` (a code or name of
        :data:`corpus_tools.tokenize.STOPWORD_LANGUAGES`); default the corpus'
        language (:func:`corpus_tools.languages.main_language`), English when
        unclear. Stated in ``attrs["stopword_language"]`` of the table. It
        also sets how figures are read: in a language of
        :data:`DECIMAL_COMMA_LANGUAGES` (German, French, Portuguese, ...)
        ``1,5`` is 1.5, ``2.500`` is 2500 and a space groups thousands
        (``12 000``); in the others ``1,234`` is 1234 and ``2.500`` is 2.5.
        Forms only one format writes (``1.234,5``, ``8.932.664``,
        ``1,234.5``, ``1'234'567``) are read the same in both. Stated in
        ``attrs["number_format"]`` (``"1,234.5"`` or ``"1.234,5"``). The
        language's scale and percent words are read too (``3,5 Milliarden``,
        ``12 por cento``; ``data/numbers.yml``, key ``languages``). Not
        given, a document that :func:`corpus_tools.languages.guess_language`
        names in another language with a stopword list (its first 2,000
        characters) is read in that language (its stopwords, number format,
        scale and percent words): the German article of an English corpus
        reads ``3,5 Milliarden``; ``attrs["stopword_language"]`` then names
        them all (``"en+de"``) and ``number_format`` is the corpus language's.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``sent_id`` (int), ``start``/``end`` (int, offsets of
        the expression, qualifier included), ``text`` (str, as written),
        ``quantity`` (float; NaN for vague amounts: ``hundreds``; < 0 after a minus: ``-20.5``),
        ``qualifier`` (str: ``more than``, ``some``, ``at least``, ... or
        ``""``), ``kind`` (str), ``object`` (str: up to three content words
        after the number, e.g. ``Palestinians``), ``event`` (str: normalised
        event word nearby, e.g. ``killed``, ``wounded``, or ``""``),
        ``attribution`` (str: the source named in the sentence, e.g.
        ``Gaza authorities``, or ``""``), ``sentence`` (str). Sorted by
        ``doc_id``, then ``start``.

    Notes
    -----
    Rules, not parsing: ``object`` is the words right after the number (so
    ``killed 1,400 people`` gives object ``people``, event ``killed``), and
    ``attribution`` is the first source pattern in the sentence (``according
    to X``, ``X said``, ``said X``), which can belong to another clause.
    Four-digit numbers from 1800 to 2099 are typed ``year``; a number next
    to a month name is a ``date``. A figure is ``money`` after a currency
    symbol (``$``, ``₹``, any Unicode one), a letter sign or an ISO 4217
    code as written (``Ksh500``, ``Rs 20``, ``USD 5``), or before a
    currency word of its language or a code (``5 dollars``, ``302 млн
    рублей``, ``300 EUR``; ``data/numbers.yml``, ``number_context.yml``);
    ``lakh`` and ``crore`` are scales. Written numbers ``one`` to ``ninety-nine``
    and scales are read; ``one`` as a pronoun (``one of``) is skipped.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "Gaza authorities say more than 3,500 Palestinians have been killed since 2023."]}))
    >>> n = numeric_claims(c)
    >>> n[["text", "quantity", "qualifier", "kind"]]
                  text  quantity  qualifier   kind
    0  more than 3,500    3500.0  more than  count
    1             2023    2023.0              year
    >>> n.loc[0, ["object", "event", "attribution"]].tolist()
    ['Palestinians', 'killed', 'Gaza authorities']
    """
    require_corpus(corpus, "numeric_claims")
    wanted = None if kinds is None else check_kinds(kinds)
    lang = analysis_language(corpus, language)
    own = {} if language is not None else _own_languages(corpus, lang)
    return _claims_table(_claim_rows(corpus, lang, own), wanted, lang, own)


def _claims_table(
    rows: list[tuple], wanted: list[str] | None, lang: str, own: dict[str, str]
) -> pd.DataFrame:
    """The :func:`numeric_claims` table of ``rows``: the ``wanted`` kinds, sorted, and in
    ``attrs`` the languages read (``lang`` and the documents' ``own``) and the number format."""
    out = _claims_frame(rows)
    if wanted is not None:
        out = out[out["kind"].isin(wanted)]
    out = sort_rows(out, ["doc_id", "start"], [True, True])
    out.attrs["stopword_language"] = "+".join([lang, *sorted(set(own.values()))])
    out.attrs["number_format"] = "1.234,5" if lang in DECIMAL_COMMA_LANGUAGES else "1,234.5"
    return out


class _DocFormat(NamedTuple):
    """How a document's figures are read: the stopwords that end what is counted (None:
    English), the decimal comma, and the language of its scale and percent words."""

    stop: frozenset[str] | None
    decimal_comma: bool
    language: str


def _doc_format(lang: str) -> _DocFormat:
    stop = load_stopwords(lang) | not_objects(lang)
    return _DocFormat(stop, lang in DECIMAL_COMMA_LANGUAGES, lang)


@functools.lru_cache(maxsize=32)
def not_objects(language: str = "en") -> frozenset[str]:
    """Words never read as what a figure counts in ``language`` besides its stopwords:
    prepositions and adverbs its stopword list lacks (``data/numbers.yml``,
    ``languages.<code>.not_objects``; Portuguese "3% abaixo do nível", English "9 percent
    vs year ago").

    >>> sorted({"abaixo", "acima", "metros"} & not_objects("pt")), "vs" in not_objects()
    (['abaixo', 'acima'], True)
    """
    return frozenset(w.lower() for w in _language_words(language, "not_objects"))


def _own_languages(corpus: Corpus, lang: str) -> dict[str, str]:
    """The documents its own guess names in another language with a stopword list than
    ``lang`` (:func:`corpus_tools.languages.own_language_rows`, kept on the corpus):
    ``doc_id`` -> that language."""
    ids = corpus.docs["doc_id"]
    rows = own_language_rows(corpus, lang)
    return {str(ids.iat[k]): code for code, ks in sorted(rows.items()) for k in ks}


class _Sentence(NamedTuple):
    """A sentence that may hold a number: its text and the folded view of it."""

    doc_id: str
    sent_id: int
    start: int
    text: str
    view: str


def _sentences_with_numbers(corpus: Corpus, texts: dict[str, str]) -> Iterator[_Sentence]:
    """The sentences with a digit or a number word, in table order (one folded view per text)."""
    views: dict[str, str] = {}
    for r in corpus.sentences().itertuples(index=False):
        view = views.get(r.doc_id)
        if view is None:
            view = views.setdefault(r.doc_id, fold(texts[r.doc_id]))
        sview = view[r.start : r.end]
        if any(ch.isdigit() for ch in sview) or _MAYBE_NUMBER.search(sview):
            yield _Sentence(r.doc_id, r.sent_id, r.start, r.text, sview)


def _claim_rows(corpus: Corpus, lang: str, own: dict[str, str]) -> list[tuple]:
    """One row (``NUMERIC_COLUMNS`` order) per number in the corpus, offsets in its document;
    a document read in ``lang``, or in its own language (``own``: ``doc_id`` -> language)."""
    texts = dict(iter(corpus))
    formats = {code: _doc_format(code) for code in {lang, *own.values()}}
    rows = []
    spaced: dict[str, bool] = {}
    for sent in _sentences_with_numbers(corpus, texts):
        text = texts[sent.doc_id]
        form = formats[own.get(sent.doc_id, lang)]
        if sent.doc_id not in spaced:  # "1,000" elsewhere: "10, 200, 300" is a list
            spaced[sent.doc_id] = _COMMA_GROUPED.search(text) is None
        args = (form.stop, form.decimal_comma, form.language, spaced[sent.doc_id])
        for hit in numbers_in_sentence(sent.view, *args):
            s, e = sent.start + hit.start, sent.start + hit.end
            rows.append(
                (sent.doc_id, sent.sent_id, s, e, text[s:e], hit.quantity, hit.qualifier)
                + (hit.kind, hit.object, hit.event, hit.attribution, one_space(sent.text))
            )
    return rows


def _claims_frame(rows: list[tuple]) -> pd.DataFrame:
    """The rows (``NUMERIC_COLUMNS`` order) as a table with the documented column types."""
    types = {c: "int64" for c in ("sent_id", "start", "end")} | {"quantity": float}
    return frame_from_rows(
        rows, NUMERIC_COLUMNS, {c: types.get(c, object) for c in NUMERIC_COLUMNS}
    )


COMPARE_NUMBERS_COLUMNS = [
    "key",
    "group",
    "values",
    "quantity_min",
    "quantity_max",
    "n_claims",
    "n_groups",
    "disagree",
    "attribution",
    "evidence",
    "story",
]


def _object_key(obj: str, stop: frozenset[str]) -> str:
    """The head (last word) of what a figure counts, lower-cased; "" when it is no noun to
    line figures up by: fewer than two letters ("20.5 C") or a stopword."""
    words = [w.lower() for w in obj.split()]
    head = words[-1] if words else ""
    if sum(ch.isalpha() for ch in head) < 2 or head in stop:
        return ""
    return head


def compare_numbers(
    claims: pd.DataFrame,
    corpus: Corpus | None = None,
    *,
    by: str = "outlet",
    kinds: Sequence[str] = ("count", "percent", "money"),
    within: str | Stories | None = "story",
) -> pd.DataFrame:
    """Line up the same quantity across groups (outlets) within one story and flag disagreements.

    Claims are matched on a ``key`` (the ``event`` and the last word of the ``object``:
    ``killed palestinians``, ``wounded``) within one story: "500,000 books" in one report
    and "16 books" in a report of another event are not one quantity.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`numeric_claims`.
    corpus : Corpus, optional
        Needed when ``claims`` has no ``by`` column: the group of each
        ``doc_id`` is read from ``corpus.docs[by]``; and for the stories.
    by : str, default "outlet"
        The grouping column.
    kinds : sequence of str
        Claim kinds compared (dates and years are not quantities).
    within : str, Stories or None, default "story"
        What one comparison covers. ``"story"``: the ``story`` column of ``corpus.docs``
        (:func:`corpus_tools.with_stories`) or ``claims``, else :func:`corpus_tools.stories`
        of the documents whose key another group also reports. A ``stories()`` result (the
        stories you read); another docs column (your event label); ``None``: the whole table
        (also without a corpus and a ``story`` column).

    Returns
    -------
    pandas.DataFrame
        One row per (key, story, group): ``key`` (str), ``group`` (str),
        ``values`` (str, the group's figures as written, ``"; "``-joined),
        ``quantity_min``, ``quantity_max`` (float), ``n_claims`` (int),
        ``n_groups`` (int, groups reporting this key in this story),
        ``disagree`` (bool: at least two groups report the key in the story and
        no figure is shared by all of them), ``attribution`` (str, sources
        named), ``evidence`` (str, ``doc_id:start-end``), ``story`` (str, the
        story's id; "" for the whole table). Keys need an event or an object head of
        two letters or more that is no stopword. Sorted by ``n_groups`` descending, ``key``,
        ``story``, ``group``. ``attrs["n_stories"]``: stories with a keyed figure.

    Notes
    -----
    The key is crude: ``people killed`` in Israel and in Gaza share it, and later reports
    give other figures for the same toll. Read the evidence before calling it a disagreement.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": [
    ...     "More than 3,500 Palestinians have been killed.",
    ...     "Some 3,400 Palestinians were killed, officials said."]}))
    >>> compare_numbers(numeric_claims(c), c, within=None)[["key", "group", "values", "disagree"]]
                       key group           values  disagree
    0  killed palestinians     X  More than 3,500      True
    1  killed palestinians     Y       Some 3,400      True
    """
    cols = ["doc_id", "kind", "event", "object", "quantity", "start", "end", "text", "attribution"]
    claims = check_table(claims, cols, "compare_numbers", "numeric_claims(corpus)")
    if corpus is not None:
        require_corpus(corpus, "compare_numbers")
    cl = _keyed_claims(claims, corpus, by, kinds)
    cl["story"] = _doc_stories(cl, corpus, within)
    cl["_unit"] = [f"{s}\x1f{k}" for s, k in zip(cl["story"], cl["key"], strict=True)]
    per = _per_key_and_group(cl)
    per["n_groups"] = per.groupby("_unit", sort=False)["group"].transform("size")
    per["disagree"] = (per["n_groups"] >= 2) & ~_has_common_figure(per, cl)
    rows = {c: per[c].tolist() for c in COMPARE_NUMBERS_COLUMNS}
    out = pd.DataFrame(rows, columns=COMPARE_NUMBERS_COLUMNS)
    types = {"n_claims": "int64", "n_groups": "int64", "disagree": bool}
    types |= {"quantity_min": float, "quantity_max": float}
    cast_columns(out, {c: types.get(c, object) for c in COMPARE_NUMBERS_COLUMNS})
    out = sort_rows(out, ["n_groups", "key", "story", "group"], [False, True, True, True])
    out.attrs["n_stories"] = int(cl["story"].nunique())
    return out


def _keyed_claims(
    claims: pd.DataFrame, corpus: Corpus | None, by: str, kinds: Sequence[str]
) -> pd.DataFrame:
    """Claims of the compared kinds with ``group`` and ``key`` (event + object head), keyed only."""
    cl = claims[claims["kind"].isin(check_kinds(kinds))].copy()
    if by not in cl.columns:
        if corpus is None:
            raise CorpusValueError(
                f"claims have no column {by!r}; pass the corpus (compare_numbers(claims, corpus)) "
                "so the group of each doc_id can be looked up."
            )
        cl[by] = doc_groups(corpus, cl["doc_id"], by)
    cl["group"] = [group_label(v) for v in cl[by].tolist()]
    lang = analysis_language(corpus, None) if corpus is not None else "en"
    stop = load_stopwords(lang) | not_objects(lang)
    cl["key"] = [
        " ".join(x for x in (ev, _object_key(ob, stop)) if x)
        for ev, ob in zip(cl["event"].tolist(), cl["object"].tolist(), strict=False)
    ]
    cl = cl[cl["key"] != ""]
    return cl.sort_values(["key", "group", "doc_id", "start"], kind="mergesort")


def _doc_stories(cl: pd.DataFrame, corpus: Corpus | None, within: object) -> list[str]:
    """The story of each keyed claim's document (``within`` of :func:`compare_numbers`)."""
    ids = cl["doc_id"].astype(str)
    if within is None or cl.empty:
        return [""] * len(cl)
    if isinstance(within, Stories):
        lookup = within.table.set_index(within.table["doc_id"].astype(str))["story_id"]
        return [group_label(v) for v in ids.map(lookup).tolist()]
    if not isinstance(within, str):
        raise CorpusValueError(
            f"within={within!r}: pass 'story', a docs column, ct.stories(corpus) or None."
        )
    if corpus is not None and within in corpus.docs.columns:
        return [group_label(v) for v in doc_groups(corpus, cl["doc_id"], within).tolist()]
    if within in cl.columns and within not in NUMERIC_COLUMNS:  # not the claims' own "event"
        return [group_label(v) for v in cl[within].tolist()]
    if within != "story":
        raise CorpusValueError(
            f"within={within!r}: neither the claims nor the corpus has that column; pass "
            "'story', a docs column, ct.stories(corpus) or None."
        )
    if corpus is None:
        return [""] * len(cl)
    shared = cl.groupby("key")["group"].transform("nunique") >= 2
    some = set(ids[shared.to_numpy()])
    if not some:
        return [f"D:{d}" for d in ids]  # no key in two groups: each document on its own
    sub = corpus.subset([d for d in corpus.docs["doc_id"].astype(str) if d in some])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusToolsWarning)  # undated documents: one window
        table = stories(sub).table
    lookup = table.set_index(table["doc_id"].astype(str))["story_id"]
    return [str(lookup.get(d, f"D:{d}")) for d in ids]


def _per_key_and_group(cl: pd.DataFrame) -> pd.DataFrame:
    """One aggregation per (key, group) over the whole table: figures, range, sources, evidence."""
    cl = cl.assign(
        _text=[one_space(t) for t in cl["text"].tolist()],
        _ev=[
            f"{d}:{a}-{b}"
            for d, a, b in zip(
                cl["doc_id"].tolist(), cl["start"].tolist(), cl["end"].tolist(), strict=True
            )
        ],
    )
    return (
        cl.groupby(["_unit", "key", "story", "group"], sort=True)
        .agg(
            values=("_text", "; ".join),
            quantity_min=("quantity", "min"),
            quantity_max=("quantity", "max"),
            n_claims=("_text", "size"),
            attribution=("attribution", lambda a: "; ".join(x for x in dict.fromkeys(a) if x)),
            evidence=("_ev", "; ".join),
        )
        .reset_index()
    )


def _has_common_figure(per: pd.DataFrame, cl: pd.DataFrame) -> pd.Series:
    """Per row of ``per``: some figure of its key is reported by every group of the key in its
    story (``_unit``)."""
    dq = cl[["_unit", "group", "quantity"]].dropna().drop_duplicates()
    per_value = dq.groupby(["_unit", "quantity"], sort=False)["group"].size()
    groups_of_key = per.groupby("_unit", sort=False)["group"].size()
    shared = per_value.reset_index(level="quantity", drop=True)
    has_common = (shared == groups_of_key.reindex(shared.index)).groupby(level=0).any()
    return per["_unit"].map(has_common).fillna(False).astype(bool)
