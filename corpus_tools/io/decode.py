"""Turning file bytes into text: encoding detection, binary and empty files refused."""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import (
    CorpusLoadError,
    CorpusValueError,
)
from .files import InputSkipped, read_bytes

_SNIFF_BYTES = 8192


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode the bytes of one text file; return ``(text, encoding_name)``.

    Order: forced ``encoding``; a byte-order mark (UTF-32, UTF-8, UTF-16 LE/BE;
    the BOM is removed and named in the encoding); UTF-16 or UTF-32 without a BOM
    (NUL bytes in one byte of most code units); ISO-2022-JP/KR (7-bit escapes);
    strict UTF-8; UTF-8 with a few
    invalid lines (see Notes); charset-normalizer, preferring cp1252 when it is
    as plausible as the best guess; cp1252; latin-1.

    Parameters
    ----------
    data : bytes
        The file content.
    encoding : str, optional
        Force this codec (strict); a :class:`UnicodeDecodeError` propagates.

    Returns
    -------
    tuple of (str, str)

    Notes
    -----
    Short single-byte texts are ambiguous: the same bytes are valid cp1252,
    cp1250, cp1254 and cp1257. cp1252 wins ties; a Central European (cp1250,
    ISO 8859-2), Turkish (cp1254) or Baltic (cp1257) code page is chosen when
    it reads more function words of a language (``że``, ``może``, ``değil``;
    two at least) with no more symbols inside words
    (:func:`_central_european`). A short file with few such words may still be
    read as cp1252: pass ``encoding=`` to fix it.

    Bytes that are UTF-8 except on some lines (a crawler dump that appended
    one cp1252 line to a UTF-8 article) are not handed to the single-byte
    guess, which would turn every UTF-8 character into mojibake: when at least
    as many lines hold valid non-ASCII UTF-8 as hold invalid bytes, the file is
    read as UTF-8 and each invalid byte as its cp1252 character (U+FFFD for
    the five bytes cp1252 leaves undefined). The encoding then names the lines,
    e.g. ``'utf-8 (+cp1252 on line 3)'``.

    Examples
    --------
    >>> decode_bytes("Café".encode("utf-8"))
    ('Café', 'utf-8')
    >>> decode_bytes(codecs.BOM_UTF16_LE + "Hi".encode("utf-16-le"))
    ('Hi', 'utf-16-le')
    >>> decode_bytes("naïve – “x”".encode("cp1252"))
    ('naïve – “x”', 'cp1252')
    >>> decode_bytes("£5 in Zürich\\n".encode() + "5 €, déjà vu".encode("cp1252"))
    ('£5 in Zürich\\n5 €, déjà vu', 'utf-8 (+cp1252 on line 2)')
    >>> decode_bytes(codecs.BOM_UTF8 + "Café noir, déjà vu".encode("cp1252"))  # a wrong mark
    ('Café noir, déjà vu', 'cp1252')
    """
    if not isinstance(data, (bytes, bytearray)):
        raise CorpusValueError(
            f"data= must be bytes (e.g. Path(file).read_bytes()), got {type(data).__name__}; "
            "text that is already a str needs no decoding."
        )
    return _decode(data, encoding)


_UNTESTED = "untested"


def _decode(data: bytes, encoding: str | None, utf16: str | None = _UNTESTED) -> tuple[str, str]:
    """:func:`decode_bytes`; ``utf16``: what :func:`_utf16_without_bom` gives for ``data``
    when the caller computed it already (used only when no byte-order mark matches)."""
    if encoding:
        return data.decode(encoding), encoding
    for bom, name, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError:
                if codec != "utf-8":
                    raise
                # a UTF-8 mark on bytes that are not all UTF-8 (an editor added it, or cp1252
                # lines were appended): read what follows it as a file without a mark
                return _decode(data[len(bom) :], None)
    if utf16 == _UNTESTED:
        utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16), utf16
    if b"\x1b" in data:
        iso = _iso2022(data)
        if iso is not None:
            return iso
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_cp1252_lines(data)
    if mixed is not None:
        return mixed
    vietnamese = _vietnamese(data)
    if vietnamese is not None:
        return vietnamese, "cp1258"
    guess = _charset_guess(data)
    if guess == "cp1258":  # tones as separate marks: composed, as Vietnamese text is typed
        return unicodedata.normalize("NFC", data.decode(guess)), guess
    if guess is not None and guess not in ("cp1252", "latin-1"):
        text = data.decode(guess)
        if guess not in _LATIN_GUESSES and _western_words_win(data, text):
            guess = None  # cp775 / cp852 / mac_latin2 for Portuguese cp1252: read as Western
    if guess is not None and guess not in ("cp1252", "latin-1"):
        if guess.startswith("mac_") and guess != "mac_roman":  # mac_latin2 for Mac Roman
            roman = _mac_roman_instead(data, text)
            if roman is not None:
                return roman, "mac_roman"
        if guess in _LATIN_GUESSES:  # iso8859_14 for Polish ISO-8859-2: ask the words
            other = _central_european(data, text)
            if other is not None and other[1] != guess:
                return other
        return text, guess
    western = _try_codec(data, "cp1252") or "latin-1"
    text = data.decode(western)
    other = _central_european(data, text)
    if other is not None:
        return other
    # letters of another code page (a suspect mark, or words whose letters are no one
    # language's: Hungarian cp1250 'mûködésérõl'): the one whose words are a language's
    other = _coherent_code_page(data, text)
    if other is not None:
        return other
    return text, western + _suspect_mark(text)


#: cp1258's combining tone marks: grave, acute, tilde, hook above, dot below
_VI_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
#: the vowels a tone mark follows in cp1258 text (precomposed vowels carry their tone)
_VI_VOWELS = frozenset("aeiouyâêôăơưAEIOUYÂÊÔĂƠƯ")
#: letters of Vietnamese that no Western code page has
_VI_ONLY = frozenset("ăơưđĂƠƯĐ")
#: every letter of a Vietnamese syllable once composed (Latin Extended Additional: ạ ... ỹ)
_VI_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
)
#: the bytes of cp1258's tone marks and of ă ơ ư đ (either case)
_VI_BYTES = bytes([0xCC, 0xD2, 0xDE, 0xEC, 0xF2, 0xC3, 0xE3, 0xD5, 0xF5, 0xDD, 0xFD, 0xD0, 0xF0])
_VI_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
#: the longest Vietnamese syllable has 7 letters (nghiêng)
_VI_MAX_LETTERS = 7


def _vietnamese(data: bytes) -> str | None:
    """The text of ``data`` read as Vietnamese cp1258 (composed, NFC), or None.

    cp1258 writes most tones as a combining mark after the vowel (``của`` is ``cu``, 0xD2,
    ``a``), which cp1252 reads as another letter (``cuÒa``), and a short text often reads
    as some other code page too. The cp1258 reading is chosen when its words with a
    letter outside ASCII are Vietnamese syllables (at most one tone mark, right after a
    vowel; at most 7 letters; only letters Vietnamese uses), at least 4 in 5 of them, and
    such syllables with a tone mark or ``ă ơ ư đ`` make one word in ten, two at least with
    a tone mark (Icelandic ``ð``, ``ý`` and Estonian ``õ`` read so are ``đ``, ``ư``, ``ơ``).
    Italian ``può`` read so is ``pụ``, but Italian ``così``, ``però`` are no syllables and
    such words are few; Cyrillic or Greek bytes give long words of other accented letters.

    >>> _vietnamese("Thủ tướng nói rằng".encode("cp1258", errors="replace")) is None
    True
    >>> _vietnamese(b"Th\\xf4ng tin cu\\xd2a ng\\xfd\\xf5\\xcci d\\xe2n")
    'Thông tin của người dân'
    >>> _vietnamese("Perché il governo può farlo così".encode("cp1252")) is None
    True
    """
    sample = data[: 1 << 20]
    if len(sample) - len(sample.translate(None, _VI_BYTES)) < 2:
        return None
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    words = toned = marked = bad = 0
    for m in _VI_WORD_RE.finditer(text[: 1 << 20]):
        words += 1
        w = m.group()
        if w.isascii():
            continue
        if _vi_syllable(w):
            tone = any(c in _VI_TONES for c in w)
            toned += tone
            marked += tone or any(c in _VI_ONLY for c in w)
        else:
            bad += 1
    if toned >= 2 and marked >= 4 * bad and marked * 10 >= words:
        return unicodedata.normalize("NFC", text)
    return None


def _vi_syllable(word: str) -> bool:
    """True when ``word`` (cp1258-decoded, not composed) reads as one Vietnamese syllable."""
    tones = [i for i, c in enumerate(word) if c in _VI_TONES]
    if len(tones) > 1 or (tones and (tones[0] == 0 or word[tones[0] - 1] not in _VI_VOWELS)):
        return False
    composed = unicodedata.normalize("NFC", word)
    return len(composed) <= _VI_MAX_LETTERS and all(c in _VI_LETTERS for c in composed)


#: how the encoding of a file read as cp1252 says that its words look like another code page
SUSPECT_MARK = " (check: "
#: characters of cp1252 that a Western word rarely holds, but another code page's letters
#: read as cp1252 often do (Turkish ş ğ as þ ð, Polish ł ą ż as ³ ¹ ¿, DOS cp850 ç õ as ‡ ä;
#: not ý: Czech uses it)
_RARE_CP1252 = frozenset("ðÐþÞ¹²³¿¾¼½ªº¤¦¨¯´¸±¬¥¢£µ×÷Ÿƒˆ‚†‡‰•˜¶")
#: of them, those that also end a Western word (km², nº, 1ª): counted between letters only
_RARE_AT_END = frozenset("¹²³ªº")
#: a file is suspect with this many words holding such a character (one fewer when they are
#: all its words with a letter outside ASCII: a line of Polish ISO-8859-2 read as cp1252,
#: 'Wiadomo¶ci z £odzi: £ód¼ ...'), 1 in 5 of those words at least, and none a function word
_SUSPECT_MIN_WORDS = 3


def _suspect_mark(text: str) -> str:
    """``" (check: N words such as 'Dýþiþleri')"`` when ``text``, read as cp1252, looks like
    another code page; else ``""``.

    A word counts when it holds a character of :data:`_RARE_CP1252` next to a letter (one
    of :data:`_RARE_AT_END` between two letters). When one such word is a function word
    (Icelandic ``það``, ``að``, ``við``), the letters are the language's own and nothing is
    said: another code page read as cp1252 gives no word of any language.

    >>> _suspect_mark("Dýþiþleri Bakaný Çavuþoðlu, görüþmelerin sürdüðünü söyledi, Ýstanbul.")
    " (check: 4 words such as 'Dýþiþleri')"
    >>> _suspect_mark("Le ministre a déclaré à Genève que l'accord était prêt.")
    ''
    >>> _suspect_mark("Þeir sögðu að það væri ekki hægt, við ráðherra.")
    ''
    >>> _suspect_mark("£ód¼ ma nowy plan, Wiadomo¶ci.")  # every non-ASCII word: 2 are enough
    " (check: 2 words such as '£ód¼')"
    >>> _suspect_mark("Wiadomoœci z £odzi: £ódŸ ma nowy plan.")  # Polish cp1250: œ for ś
    " (check: 3 words such as 'Wiadomoœci')"
    """
    known = _non_ascii_function_words()
    n_non_ascii = 0
    rare: list[str] = []
    for m in _TOKEN_RE.finditer(text[: 1 << 20]):
        w = m.group().strip(_EDGE_PUNCT)
        if w.isascii():
            continue
        n_non_ascii += 1
        if any(_rare_at(w, i) for i, c in enumerate(w) if c in _RARE_CP1252) or _oe_not_french(w):
            if w.casefold() in known:
                return ""
            rare.append(w)
    n = len(rare)
    if n < _SUSPECT_MIN_WORDS - (n == n_non_ascii) or n * 5 < n_non_ascii:
        return ""
    return f"{SUSPECT_MARK}{n:,} words such as {rare[0]!r})"


#: what follows ``œ`` in French (cœur, œil, œsophage, fœtus, œdème): a Polish ``ś`` in cp1250
#: read as cp1252 is ``œ`` too, but before other letters or at the end of a word (``Wiadomoœci``,
#: ``jesteœmy``, ``w³aœnie``, ``coœ``)
_FRENCH_AFTER_OE = frozenset("uisdtec")
_OE_RE = re.compile("[œŒ]")


def _oe_not_french(word: str) -> bool:
    """True when ``word`` holds ``œ`` where no French word does: after a letter and at the end,
    or before a letter French never puts after it (``œc`` only at a word's start, œcuménique).

    >>> [_oe_not_french(w) for w in ("Wiadomoœci", "coœ", "jesteœmy", "Œwiat", "cœur", "œcuménique")]
    [True, True, True, True, False, False]
    """
    for m in _OE_RE.finditer(word):
        i = m.start()
        nxt = word[i + 1 : i + 2].lower()
        if not nxt:
            if i > 0 and word[i - 1].isalpha():
                return True
            continue
        if nxt in _FRENCH_AFTER_OE and not (nxt == "c" and i > 0):
            continue
        if nxt.isalpha() or nxt in "³¹¿":
            return True
    return False


def _rare_at(word: str, i: int) -> bool:
    """True when ``word[i]`` stands next to a letter (between two, for :data:`_RARE_AT_END`)."""
    before = i > 0 and word[i - 1].isalpha()
    after = i + 1 < len(word) and word[i + 1].isalpha()
    return (before and after) if word[i] in _RARE_AT_END else (before or after)


#: legacy single-byte code pages of Latin-script languages that cp1252 reads as other letters
#: (Mac Roman: Western letters at other bytes, ü as ¸ and é as È in cp1252)
_LEGACY_LATIN = ("cp1250", "iso8859_2", "cp1254", "cp1257", "mac_roman")
#: charset-normalizer's guesses of Latin-script single-byte code pages that the function
#: words of :data:`_LEGACY_LATIN` are asked about (a Polish ISO-8859-2 page is often guessed
#: iso8859_14 or iso8859_15, which read ``Łódź`` as ``£ódỳ``)
_LATIN_GUESSES = frozenset(
    ("cp1250", "iso8859_2", "cp1254", "cp1257", "iso8859_3", "iso8859_4", "iso8859_9")
    + ("iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16")
)
_TOKEN_RE = re.compile(r"\S+")
_EDGE_PUNCT = ".,;:!?\"'()[]«»„“”‚‘’"
#: a decoding must find at least this many such function words, and more than cp1252
_LEGACY_MIN_WORDS = 2
#: Mac Roman is also chosen when, after an ASCII letter (inside or at the end of a word),
#: bytes 0x80-0x9F that cp1252 reads as punctuation (Mac Roman's common accented letters:
#: ``fran\x8dais`` is ``français``, in cp1252 ``fran�ais``; ``citt\x88`` is ``città``, in
#: cp1252 ``cittˆ``) are of this many byte values at least (one repeated byte is more
#: likely cp1252's dash or quote: ``Ingrosso–Something``), and with the bytes that cp1252 reads as
#: letters (Š Œ Ž š œ ž Ÿ: Mac ä å é ö ú û ü) outnumber bytes 0xA0-0xFF (cp1252's accented
#: letters; Mac symbols) more than twice. Left out: 0x92 (cp1252's ’ in ``don’t``); at a
#: word's end also 0x85, 0x94, 0x99 (cp1252's … ” ™) and 0xC9, 0xD3, 0xD5 (Mac's … ” ’).
_MAC_MIN_BYTES = 2
_AFTER_LETTER_RE = re.compile(rb"(?<=[A-Za-z])[\x80-\xff](?![\x80-\xff])([A-Za-z])?")
_CP1252_LETTER_BYTES = frozenset({0x8A, 0x8C, 0x8E, 0x9A, 0x9C, 0x9E, 0x9F})
_MAC_SKIP_INSIDE = frozenset({0x92})
_MAC_SKIP_END = frozenset({0x85, 0x92, 0x94, 0x99, 0xC9, 0xD3, 0xD5})


def _mac_bytes(data: bytes) -> bool:
    """True when the bytes after ASCII letters of ``data`` look like Mac Roman letters.

    >>> _mac_bytes("Le français est là, à côté de la fenêtre.".encode("mac_roman"))
    True
    >>> _mac_bytes("Le français est là, à côté de la fenêtre.".encode("cp1252"))
    False
    >>> _mac_bytes("“Don’t” – he said… in the café.".encode("cp1252"))
    False
    >>> _mac_bytes("Što je župan rekao o šumi i žetvi?".encode("cp1252"))
    False
    """
    strong: dict[int, int] = {}
    weak = high = 0
    for m in _AFTER_LETTER_RE.finditer(data[: 1 << 20]):
        b = data[m.start()]
        if b in (_MAC_SKIP_INSIDE if m.group(1) else _MAC_SKIP_END):
            continue
        if b >= 0xA0:
            high += 1
        elif b in _CP1252_LETTER_BYTES:
            weak += 1
        else:
            strong[b] = strong.get(b, 0) + 1
    n = sum(strong.values())
    return len(strong) >= _MAC_MIN_BYTES and n + weak > 2 * high


def _mac_roman_instead(data: bytes, text: str) -> str | None:
    """``data`` read as Mac Roman when charset-normalizer's guess of another Mac code page
    (``text``: mac_latin2, mac_iceland, ... for a French or German file) reads no more
    function words and has no fewer symbols inside words; else None.

    >>> fr = "Le ministre a déclaré à Genève que la réforme était très avancée."
    >>> _mac_roman_instead(fr.encode("mac_roman"), fr.encode("mac_roman").decode("mac_latin2"))
    'Le ministre a déclaré à Genève que la réforme était très avancée.'
    """
    if _try_codec(data, "mac_roman") is None:
        return None
    roman = data.decode("mac_roman")
    (hits, odd), (their_hits, their_odd) = _legacy_score(roman), _legacy_score(text)
    return roman if hits >= their_hits and odd <= their_odd else None


def _central_european(data: bytes, western: str) -> tuple[str, str] | None:
    """``(text, codec)`` when a Central European, Turkish or Baltic code page reads ``data``
    as words of a language better than cp1252 (``western``) does; else None.

    A decoding scores its function words that hold a letter outside ASCII (the shipped
    stopword lists and ``data/stopwords_unlisted.yml``: Polish ``że``, ``się``; Czech
    ``může``; Turkish ``değil``) and its words with a symbol between two letters (cp1252
    reads Polish ``powiedział`` in cp1250 as ``powiedzia³``). A code page is chosen when it
    finds two or more such words, more than cp1252 does, and no more symbols inside words;
    otherwise cp1252 stays (the other code pages read a Western letter such as ``è``,
    ``à``, ``ñ``, ``å`` as another letter, so Western text finds fewer words in them).

    >>> pl = "Już teraz obie strony są zgodne, że trzeba być ostrożnym, powiedział."
    >>> _central_european(pl.encode("cp1250"), pl.encode("cp1250").decode("cp1252"))
    ('Już teraz obie strony są zgodne, że trzeba być ostrożnym, powiedział.', 'cp1250')
    >>> fr = "Le ministre a déclaré mardi que Pékin coordonnera très bientôt, à Genève."
    >>> _central_european(fr.encode("cp1252"), fr) is None
    True
    """
    best = _legacy_score(western)
    chosen: tuple[str, str] | None = None
    for codec in _LEGACY_LATIN:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        hits, odd = _legacy_score(text)
        if hits >= _LEGACY_MIN_WORDS and hits > best[0] and odd <= best[1]:
            best, chosen = (hits, odd), (text, codec)
        elif chosen is not None and hits == best[0] and odd < best[1]:  # cp1250 / ISO-8859-2
            best, chosen = (hits, odd), (text, codec)
        elif codec == "mac_roman" and hits >= best[0] and odd <= best[1] and _mac_bytes(data):
            best, chosen = (hits, odd), (text, codec)
    return chosen


def _western_words_win(data: bytes, text: str) -> bool:
    """True when cp1252 reads ``data`` as a language's words better than charset-normalizer's
    guess (``text``) does: at least :data:`_LEGACY_MIN_WORDS` function words with a letter
    outside ASCII and more than the guess, no more symbols inside words, and more words
    spelled with one language's letters. A guess is a statistic over byte pairs: Portuguese
    cp1252 (``não``, ``às``, ``Polícia``) often comes back as a DOS or Mac code page (cp775:
    ``nŃo``, ``Ó╩s``), and German cp1252 once as johab.

    >>> pt = "A Polícia Federal não confirmou às 10h que a operação já começou."
    >>> _western_words_win(pt.encode("cp1252"), pt.encode("cp1252").decode("cp775"))
    True
    >>> _western_words_win(pt.encode("cp850"), pt.encode("cp850").decode("cp850"))
    False
    """
    western = _try_codec(data, "cp1252")
    if western is None:
        return False
    text_w = data.decode(western)
    (hits, odd), (their_hits, their_odd) = _legacy_score(text_w), _legacy_score(text)
    if hits < _LEGACY_MIN_WORDS or hits <= their_hits or odd > their_odd:
        return False
    return _coherent_words(text_w)[0] > _coherent_words(text)[0]


#: a code page is chosen over a suspect cp1252 reading when this many more of its words, and
#: one in ten of the words with a letter outside ASCII, are spelled with one language's letters
_COHERENT_MIN_GAIN = 3
_COHERENT_MIN_SHARE = 0.1


def _coherent_code_page(data: bytes, western: str) -> tuple[str, str] | None:
    """``(text, codec)`` of the code page whose words hold letters of one language more often
    than cp1252's reading ``western`` (which :func:`_suspect_mark` found suspect) does; a tie
    between code pages on function words is so decided (Turkish without ``değil`` or
    ``olduğu``: cp1254's ``Dışişleri`` is Turkish letters, cp1252's ``Dýþiþleri`` no
    language's). Else None. Only code pages that read as many function words and no more
    symbols inside words are asked.

    >>> tr = "Dışişleri Bakanı Çavuşoğlu, görüşmelerin sürdüğünü söyledi; ağır şartlar."
    >>> _coherent_code_page(tr.encode("cp1254"), tr.encode("cp1254").decode("cp1252"))[1]
    'cp1254'
    """
    base_hits, base_odd = _legacy_score(western)
    base, n_words = _coherent_words(western)
    best: tuple[int, str, str] | None = None
    for codec in ("cp1254", "cp1250", "iso8859_2", "cp1257"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        hits, odd = _legacy_score(text)
        if hits < base_hits or odd > base_odd:
            continue
        n = _coherent_words(text)[0]
        if best is None or n > best[0]:
            best = (n, text, codec)
    if best is None:
        return None
    gain = best[0] - base
    # one in ten words, or every word then spelled with one language's letters (Hungarian
    # cp1250: only its words with ő, ű change, the many with á, é, ö, ü read alike)
    if gain < _COHERENT_MIN_GAIN or (gain < _COHERENT_MIN_SHARE * n_words and best[0] < n_words):
        return None
    return best[1], best[2]


def _coherent_words(text: str) -> tuple[int, int]:
    """(words whose letters outside ASCII are all letters of one language's function words,
    words with a letter outside ASCII)."""
    alphabets = _alphabets()
    n = total = 0
    for m in _TOKEN_RE.finditer(text[: 1 << 20]):
        w = m.group().strip(_EDGE_PUNCT)
        if w.isascii():
            continue
        letters = {c for c in w.casefold() if c.isalpha() and not c.isascii()}
        if letters:
            total += 1
            n += not _mid_capital(w) and any(letters <= a for a in alphabets)
    return n, total


def _mid_capital(word: str) -> bool:
    """True when a capital letter outside ASCII follows a small letter: no language's spelling
    (cp1258 Portuguese ``não`` is ``naÞo`` in cp1252 and ``naŞo`` in cp1254: its tilde read
    as a letter).

    >>> [_mid_capital(w) for w in ("naŞo", "Dışişleri", "İstanbul", "DIŞIŞLERI", "McÉwan")]
    [True, False, False, False, True]
    """
    return any(
        c.isupper() and not c.isascii() and word[i].islower() for i, c in enumerate(word[1:])
    )


#: letters of a language that no word of its shipped function-word list holds (Hungarian
#: ``ű`` of ``működik``, ``fűz``: without it a cp1250 reading of Hungarian has no language)
_UNLISTED_LETTERS = {"hu": "ű"}


@lru_cache(maxsize=1)
def _alphabets() -> tuple[frozenset[str], ...]:
    """The letters outside ASCII of each language's function words (shipped stopword lists
    and ``data/stopwords_unlisted.yml``)."""
    from importlib import resources

    import yaml

    from ..tokenize import STOPWORD_LANGUAGES, load_stopwords

    lists: list[Any] = [
        [*load_stopwords(code), *_UNLISTED_LETTERS.get(code, "")] for code in STOPWORD_LANGUAGES
    ]
    text = resources.files("corpus_tools").joinpath("data", "stopwords_unlisted.yml")
    for entry in yaml.safe_load(text.read_text("utf-8")).values():
        if isinstance(entry, dict) and isinstance(entry.get("words"), list):
            lists.append([str(w) for w in entry["words"]])
    out = []
    for words in lists:
        letters = frozenset(
            c for w in words for c in w.casefold() if c.isalpha() and not c.isascii()
        )
        if letters:
            out.append(letters)
    return tuple(out)


def _legacy_score(text: str) -> tuple[int, int]:
    """(function words with a letter outside ASCII, words with a symbol between letters)."""
    known = _non_ascii_function_words()
    hits = odd = 0
    for m in _TOKEN_RE.finditer(text[: 1 << 20]):
        w = m.group().strip(_EDGE_PUNCT)
        if w.isascii():
            continue
        hits += w.casefold() in known
        odd += any(
            not c.isalpha() and c not in "'’-" and w[i].isalpha() and w[i + 2].isalpha()
            for i, c in enumerate(w[1:-1])
        )
    return hits, odd


@lru_cache(maxsize=1)
def _non_ascii_function_words() -> frozenset[str]:
    """The function words (:func:`corpus_tools.languages.function_words`) that hold a
    letter outside ASCII."""
    from ..languages import function_words

    return frozenset(w for w in function_words() if not w.isascii() and w.isalpha())


_ESCAPED_RE = re.compile("[\udc80-\udcff]")  # invalid UTF-8 bytes under surrogateescape
_ESCAPED_AS_CP1252 = {
    0xDC00 + b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0x100)
}
MIXED_MARK = " (+cp1252 on line"


def _utf8_with_cp1252_lines(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with its invalid bytes read as cp1252, when UTF-8 is the file's encoding.

    It is when at least one line holds valid non-ASCII UTF-8, no fewer lines do
    so than hold an invalid byte, and the non-ASCII bytes in valid characters
    are no fewer than the invalid bytes; otherwise None (a single-byte or a
    double-byte file such as GBK, where a short run may be valid UTF-8 by chance).
    """
    text = data.decode("utf-8", errors="surrogateescape")
    lines = text.split("\n")
    bad = [i for i, line in enumerate(lines, 1) if _ESCAPED_RE.search(line)]
    good = sum(not line.isascii() for line in lines) - len(bad)
    if good < max(1, len(bad)):
        return None
    n_invalid = len(_ESCAPED_RE.findall(text))
    if len(data) - len(text.encode("ascii", errors="ignore")) - n_invalid < n_invalid:
        return None  # fewer bytes in valid UTF-8 characters than invalid bytes
    shown = ", ".join(str(i) for i in bad[:5])
    more = f" and {len(bad) - 5:,} more" if len(bad) > 5 else ""
    plural = "s" if len(bad) > 1 else ""
    return text.translate(_ESCAPED_AS_CP1252), f"utf-8{MIXED_MARK}{plural} {shown}{more})"


_EBCDIC = ("cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140")


def _charset_guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    # UTF-16/32 text without a BOM contains NUL bytes (rejected before); such guesses
    # on NUL-free bytes are spurious (4 bytes "Caf\\xe9" come back as utf_16_be).
    matches = [
        m
        for m in from_bytes(data[: 1 << 20])
        if not m.encoding.startswith("utf_") and m.encoding not in _EBCDIC
    ]
    if not matches:
        return None
    best = matches[0]
    western = ("cp1252", "latin_1", "iso8859_15")
    for m in matches:
        names = [m.encoding, *(m.could_be_from_charset or [])]
        if any(w in names for w in western) and m.chaos <= best.chaos + 0.1:
            return _try_codec(data, "cp1252") or "latin-1"
    return best.encoding if _try_codec(data, best.encoding) else None


def _try_codec(data: bytes, codec: str) -> str | None:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return codec


#: a file with NUL bytes is read as text, without them, when at most one byte in this
#: many is NUL (stray NULs of a crawler dump); more NULs make it binary
_MAX_NUL_SHARE = 100
#: how the encoding of a file read without its stray NUL bytes says so
NUL_MARK = " (NUL bytes removed: "


#: a short text file with at most this many NUL bytes is text when the rest is clean UTF-8
#: (a 92-byte headline with 2 stray NULs is over 1 % NUL, and no binary file)
_MAX_STRAY_NULS = 8


def _stray_nuls(data: bytes, n_nul: int) -> bool:
    r"""Whether the ``n_nul`` NUL bytes of ``data`` are a few strays in a text: at most
    :data:`_MAX_STRAY_NULS`, and the other bytes strict UTF-8 without a control byte.

    >>> _stray_nuls("Gaza \x00\x00— hopes Canada will let him start over".encode(), 2)
    True
    >>> _stray_nuls(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3), _stray_nuls(b"ab" + b"\x00" * 9, 9)
    (False, False)
    """
    if n_nul > _MAX_STRAY_NULS:
        return False
    rest = data.replace(b"\x00", b"")  # then no control byte but whitespace (_ASCII_CONTROL)
    if len(rest) != len(rest.translate(None, _ASCII_CONTROL)):
        return False
    return _try_codec(rest, "utf-8") is not None


def _binary_reason(data: bytes) -> str | None:
    """Return why ``data`` (not starting with a BOM) is not text, or None."""
    nul = data.find(b"\x00")
    if nul == -1:
        return None
    if nul < _SNIFF_BYTES:
        return (
            "binary content (NUL bytes in the first 8 KB, more than 1 % of the file); not a "
            "text file (if it is text, strip the NUL bytes: tr -d '\\000' < file > new_file)"
        )
    return (
        f"NUL byte at byte {nul} and more than 1 % of the file; not a plain text file (strip "
        "the NUL bytes: tr -d '\\000' < file > new_file, or re-save it as UTF-8 text)"
    )


_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc minus \t \n \v \f \r


#: the ASCII characters of ``_CONTROL_RE``
_ASCII_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
#: the UTF-8 bytes of the C1 characters of ``_CONTROL_RE`` (U+0080-U+009F)
_C1_UTF8_RE = re.compile(rb"\xc2[\x80-\x9f]")


def _control_ratio(text: str) -> float:
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    if sample.isascii():  # most texts: the control bytes counted without the regex
        raw = sample.encode("ascii")
        return (len(raw) - len(raw.translate(None, _ASCII_CONTROL))) / len(sample)
    # in UTF-8 an ASCII control is its own byte (no other character has an ASCII byte) and a
    # C1 control (U+0080-U+009F) is \xc2 then \x80-\x9f: counted in the bytes, the same
    # count as _CONTROL_RE's over the characters at a fifth of its cost (lone surrogates,
    # which a decoded text may hold, encode to \xed... bytes: neither)
    raw = sample.encode("utf-8", "surrogatepass")
    n = len(raw) - len(raw.translate(None, _ASCII_CONTROL))
    if b"\xc2" in raw:
        n += len(_C1_UTF8_RE.findall(raw))
    return n / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``data`` reads as BOM-less UTF-16, else None
    (``"utf-32-le"``/``"utf-32-be"`` for BOM-less UTF-32).

    Latin-script text in UTF-16 has a NUL in one byte of most code units and
    none in the other (ASCII ``a`` is ``61 00`` in LE); the whole file must
    then decode strictly.
    """
    sample = data[:_SNIFF_BYTES]
    if len(data) % 2 or len(sample) < 4:
        return None
    if len(data) % 4 == 0:
        wide = _utf32_without_bom(data, sample)
        if wide is not None:
            return wide
    n = len(sample) // 2
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    for codec, zeros, other in (
        ("utf-16-le", zeros_odd, zeros_even),
        ("utf-16-be", zeros_even, zeros_odd),
    ):
        if zeros >= 0.3 * n and other <= 0.01 * n and _try_codec(data, codec):
            return codec
    return None


def _utf32_without_bom(data: bytes, sample: bytes) -> str | None:
    """``"utf-32-le"``/``"utf-32-be"`` when ``data`` reads as BOM-less UTF-32, else None.

    A code point is at most U+10FFFF: the top byte of every 4-byte unit is NUL,
    and the next one too below U+10000 (every letter of a living script).

    >>> _utf32_without_bom("Grüße, 東京".encode("utf-32-be"), b"")
    'utf-32-be'
    >>> _utf32_without_bom("ab".encode("utf-16-le"), b"") is None
    True
    """
    sample = sample or data[:_SNIFF_BYTES]
    n = len(sample) // 4
    for codec, top, high in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
        if (
            n
            and sample[top::4].count(0) == n
            and sample[high::4].count(0) >= 0.9 * n
            and _try_codec(data, codec)
        ):
            return codec
    return None


#: escape sequences that open the two-byte sets of ISO-2022-JP (JIS X 0208, 0212) and -KR
_ISO2022 = ((b"\x1b$B", "iso2022_jp_2"), (b"\x1b$@", "iso2022_jp_2"), (b"\x1b$(D", "iso2022_jp_2"))
_ISO2022_KR = b"\x1b$)C"


def _iso2022(data: bytes) -> tuple[str, str] | None:
    """Text in a 7-bit ISO-2022 encoding (Japanese mail and news, old Korean mail), or None.

    Such bytes are ASCII, so they pass as UTF-8 with the escapes as text
    (``\x1b$B%3%s`` for ``コン``) unless the escapes are looked for.

    >>> _iso2022("ニュース: 東京".encode("iso2022_jp"))
    ('ニュース: 東京', 'iso2022_jp_2')
    >>> _iso2022("서울 뉴스".encode("iso2022_kr"))
    ('서울 뉴스', 'iso2022_kr')
    >>> _iso2022(b"plain \x1b[1m bold") is None
    True
    """
    if not data.isascii():
        return None
    codecs_ = [c for esc, c in _ISO2022 if esc in data][:1]
    if data.startswith(_ISO2022_KR) or (b"\n" + _ISO2022_KR) in data:
        codecs_.append("iso2022_kr")
    for codec in codecs_:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return None


def forced_garbles_utf8(data: bytes, encoding: str | None) -> bool:
    """True when a forced single-byte ``encoding`` garbles ``data``: UTF-8 with non-ASCII text.

    Bytes that decode as UTF-8 and hold multibyte sequences are almost never
    meant as Latin-1 or cp1252 text (``"中国"`` read as Latin-1 is ``"ä¸\\xadå\\x9b½"``).

    >>> forced_garbles_utf8("中国".encode(), "latin-1"), forced_garbles_utf8(b"caf\\xe9", "latin-1")
    (True, False)
    >>> forced_garbles_utf8("中国".encode(), "utf-8"), forced_garbles_utf8(b"plain", "cp1252")
    (False, False)
    """
    if not encoding or data.isascii():
        return False
    try:
        if codecs.lookup(encoding).name.startswith("utf"):
            return False
        data.decode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def garbled_message(name: str, encoding: str, n_files: int = 1) -> str:
    """The warning for files read with a forced encoding that garbles their UTF-8 text."""
    return (
        f"{name}: the file is valid UTF-8, but encoding={encoding!r} reads each byte as one "
        f"character, so its non-ASCII text comes out garbled ({n_files:,} such file(s) in all). "
        "Drop encoding= to detect each file's encoding, or pass encoding='utf-8'."
    )


#: why a file of 0 bytes, or of only spaces and line breaks, is skipped, with the fix (often
#: a save or download that failed: the article's text never reached the file)
EMPTY_REASON = (
    "empty file (0 bytes); nothing to load: save or download the article's text into it "
    "again, or delete it"
)
BLANK_REASON = (
    "whitespace only (no text, only spaces or line breaks); nothing to load: save or download "
    "the article's text into it again, or delete it"
)


def _nul_only_reason(n_nul: int, size: int) -> str:
    """Why a file of NUL bytes (with at most a UTF-8 mark and whitespace) is skipped: a file
    made to its size whose text was never written (a download or save that failed).

    >>> _nul_only_reason(35, 38)
    "no text: 35 of the file's 38 bytes are NUL bytes and the rest a byte-order mark or whitespace (a download or save that never wrote the article's text); save or download it again, or delete it"
    """
    return (
        f"no text: {n_nul:,} of the file's {size:,} bytes are NUL bytes and the rest a "
        "byte-order mark or whitespace (a download or save that never wrote the article's "
        "text); save or download it again, or delete it"
    )


def bytes_to_text(data: bytes, encoding: str | None) -> tuple[str, str]:
    """Decode file bytes or raise ``InputSkipped`` with a reason (empty, binary, undecodable)."""
    if len(data) == 0:
        raise InputSkipped(EMPTY_REASON)
    has_bom = data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
    )
    n_nul = 0
    utf16: str | None = _UNTESTED
    if not encoding and not has_bom:
        utf16 = _utf16_without_bom(data)  # passed on: decode_bytes would test it again
    # a UTF-8 BOM says UTF-8 (never UTF-16), so its stray NULs are removed and counted as
    # without a BOM; they stayed in the text, unnamed
    if utf16 is None or (not encoding and data.startswith(codecs.BOM_UTF8)):
        reason = _binary_reason(data)
        if reason:
            n_nul = data.count(0)
            if not data.removeprefix(codecs.BOM_UTF8).translate(None, b"\x00").strip():
                raise InputSkipped(_nul_only_reason(n_nul, len(data)))
            if n_nul * _MAX_NUL_SHARE > len(data) and not _stray_nuls(data, n_nul):
                raise InputSkipped(reason)  # a binary file: many NULs
            data = data.replace(b"\x00", b"")  # a few stray NULs in text: removed, named
            # (bytes without a NUL are never BOM-less UTF-16: utf16 stays None)
    try:
        text, enc = _decode(data, encoding, utf16)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputSkipped(
            f"cannot decode as {encoding or 'text'} ({exc}); pass the right encoding="
        ) from None
    if not encoding and _control_ratio(text) > 0.05:
        raise InputSkipped(
            "binary content (more than 5 % control characters); not a text file (if it is "
            "text, pass its encoding=, e.g. encoding='utf-16' or 'cp1252'; else convert it to "
            "UTF-8 text or move it out of the corpus folder)"
        )
    if not text or text.isspace():  # = not text.strip(), without the copy
        raise InputSkipped(BLANK_REASON)
    return text, (f"{enc}{NUL_MARK}{n_nul:,})" if n_nul else enc)


def split_encoding(encoding: Any) -> tuple[Any, str | None]:
    """``(codec name, note)`` of an encoding as the readers give it: the notes in brackets
    after the name (a suspect code page, lines in cp1252, NUL bytes removed) joined by
    ``"; "``, or None when there is none. Anything else comes back as it is.

    >>> split_encoding("cp1252 (check: 4 words such as 'Dýþiþleri') (NUL bytes removed: 3)")
    ('cp1252', "check: 4 words such as 'Dýþiþleri'; NUL bytes removed: 3")
    >>> split_encoding("utf-8"), split_encoding(None)
    (('utf-8', None), (None, None))
    """
    if not isinstance(encoding, str) or " (" not in encoding:
        return encoding, None
    codec, rest = encoding.split(" (", 1)
    notes = rest.removesuffix(")").split(") (")
    return codec, "; ".join(notes)


def read_text_file(path: str | os.PathLike[str], *, encoding: str | None = None) -> tuple[str, str]:
    """Read and decode one text file (gzip allowed); return ``(text, encoding)``.

    Raises
    ------
    CorpusLoadError
        If the file is empty, binary, whitespace-only, undecodable, unreadable,
        too large or not a regular file (the message says which).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("Café".encode("cp1252"))
    >>> read_text_file(p)
    ('Café', 'cp1252')
    """
    p = Path(path)
    try:
        return bytes_to_text(read_bytes(p, p.name.lower().endswith(".gz")), encoding)
    except InputSkipped as exc:
        raise CorpusLoadError(f"{p.name}: {exc.reason}") from None
