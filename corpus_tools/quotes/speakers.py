"""Speaker and source resolution: names across sentences, the gazetteer, document context, sources."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .cues import Cue

from ..lexicon import load_lexicon
from .phrases import (
    CAP_STOP,
    DETERMINERS,
    DOC_MODIFIERS,
    DOC_NOUNS,
    MODIFIERS,
    OFFICIAL_ROLES,
    ORG_HEADS,
    PARTICLES,
    PERSON_ROLES,
    ROLE_NOUNS,
    SOURCE_HEAD,
    TITLES,
    WORD_RE,
    generic_document,
    is_cap,
    is_unnamed_person,
    left_np,
    name_of,
    right_np,
    topic_words,
    word_spans,
)


def _full_names(
    text: str, toks: list[tuple[int, int, str]] | None = None
) -> list[tuple[int, str, str]]:
    """``(position, full_name, title_words)`` for title-introduced names in a document
    (``toks``: its :func:`word_spans`, when already made)."""
    out = []
    if toks is None:
        toks = word_spans(text, 0, len(text))
    n = len(toks)
    i = 0
    while i < n:
        low = toks[i][2].lower()
        if low in TITLES or low in ("mr", "mrs", "ms", "dr"):
            j = i + 1
            run = []
            while j < n and (
                (is_cap(toks[j][2]) and toks[j][2].lower() not in TITLES)
                or toks[j][2].lower() in PARTICLES
                or toks[j][2].lower().startswith("al-")
            ):
                run.append(toks[j][2])
                j += 1
            if len(run) >= 2 and not any(t in CAP_STOP for t in run):
                k = i
                while k > 0 and (
                    toks[k - 1][2].lower() in TITLES
                    or toks[k - 1][2].lower() in MODIFIERS
                    or toks[k - 1][2].lower() in ROLE_NOUNS
                ):
                    k -= 1
                title = " ".join(t[2].lower() for t in toks[k : i + 1])
                out.append((toks[i + 1][0], " ".join(run), title))
                i = j
                continue
        i += 1
    return out


def spans_within(
    text: str, toks: list[tuple[int, int, str]], starts: list[int], lo: int, hi: int
) -> list[tuple[int, int, str]]:
    """``word_spans(text, lo, hi)`` from the document's tokens ``toks`` (``starts``: their
    starts), tokenizing again only the end that the cut at ``hi`` can change.

    The tokens before the last one that follows white space and starts below ``hi`` read
    no character at or after ``hi`` (no pattern of WORD_RE crosses white space, lookaheads
    read one character past it), so they are the document's; a token cut at ``lo`` is read
    again whole.

    >>> t = "Mr Zhai's aide said U.S. officials left. Then"
    >>> toks = word_spans(t, 0, len(t))
    >>> starts = [s for s, _, _ in toks]
    >>> all(spans_within(t, toks, starts, a, b) == word_spans(t, a, b)
    ...     for a in range(len(t) + 1) for b in range(a, len(t) + 1))
    True
    """
    i = bisect.bisect_left(starts, lo)
    if i > 0 and toks[i - 1][1] > lo:
        return word_spans(text, lo, hi)  # ``lo`` inside a token
    k = bisect.bisect_left(starts, hi) - 1
    while k > i and not text[starts[k] - 1].isspace():
        k -= 1
    if k <= i:
        return word_spans(text, lo, hi)
    return toks[i:k] + word_spans(text, starts[k], hi)


@lru_cache(maxsize=1)
def gazetteer_lookup() -> Any:
    """The gazetteer's ``canonical_actor`` function (None when it cannot be loaded)."""
    from .. import actors

    return getattr(actors, "canonical_actor", None)


_COMPASS = {"N": "North", "S": "South", "E": "East", "W": "West"}
_COMPASS_RE = re.compile(r"([NSEW])\.\s*([A-Z][\w'-]*)$")


def canonical_or_none(name: str) -> str | None:
    """Gazetteer name of ``name``, or None (never raises); a compass initial is read in
    full (``N. Korea``: North Korea).

    >>> canonical_or_none("the Kremlin"), canonical_or_none("the bakery")
    ('Kremlin', None)
    >>> canonical_or_none("N. Korea")
    'North Korea'
    """
    fn = gazetteer_lookup()
    try:
        hit = None if fn is None else fn(name)
        m = _COMPASS_RE.fullmatch(name.strip()) if fn is not None and hit is None else None
        return fn(f"{_COMPASS[m.group(1)]} {m.group(2)}") if m is not None else hit
    except Exception:  # noqa: BLE001 - the gazetteer must never break quotes()
        return None


def canonical(name: str | None) -> str | None:
    """Gazetteer name of ``name``, else ``name`` itself (None stays None).

    >>> canonical("the bakery")
    'the bakery'
    """
    if not name:
        return None
    hit = canonical_or_none(name)
    return str(hit) if hit else name


#: Word lists of quote attribution, shipped in ``data/quote_words.yml``.
_WORDS = load_lexicon("quote_words").data
_MEDIA_WORDS = frozenset(_WORDS["media_words"])


_SOURCE_DOCS = frozenset(_WORDS["source_docs"])
_BODY_DOCUMENTS = frozenset(_WORDS["body_documents"])


def _media_np(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """A news medium right after ``told``/``telling``: ``Reuters``, ``BBC Radio 4's Today programme``."""
    toks = word_spans(text, pos, min(hi, pos + 120))
    j = 1 if toks and toks[0][2].lower() == "the" else 0
    first = j
    last = None
    while j < len(toks):
        t = toks[j][2]
        low = t.lower()
        if is_cap(t) or t[:1].isdigit() or low in ("'s", "\u2019s") or low in _MEDIA_WORDS:
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


def find_source_span(
    text: str, view: str, s: int, e: int, cue: Cue, cues: Sequence[Cue]
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
    if cue.np is not None and _document_np(text, view, s, e, cue.np):
        return cue.np
    for c in cues:  # "Mr Peston's book claimed that Mr Brown told Mr Blair: ..."
        if c is not cue and c.np is not None and c.start < cue.start:
            if _document_np(text, view, s, e, c.np):
                return c.np
    if cue.lemma == "tell":
        media = _media_np(text, cue.end, e)
        if media is not None:
            return media
    m = re.search(r"\bquoted\s+[^,.;:]{1,60}?\s+as\s+saying\b", view[s:e])
    if m:
        np_ = left_np(text, s, s + m.start())
        if np_ is not None:
            return np_
    return None


def _document_np(text: str, view: str, s: int, e: int, np_: tuple[int, int]) -> bool:
    """A speaker phrase that is a document (``Pfizer's latest safety report``), not a body
    whose name ends in a document noun (``US Geological Survey``: ``body_documents``, written
    with a capital after a capitalised word, outside a Title Case line)."""
    toks = WORD_RE.findall(text[np_[0] : np_[1]])
    if len(toks) < 2 or toks[-1].lower() not in _SOURCE_DOCS:
        return False
    if toks[-1].lower() in _BODY_DOCUMENTS and is_cap(toks[-1]) and is_cap(toks[-2]):
        from .headlines import title_case  # imported here: headlines imports this module

        if not re.search(r"['\u2019]s$", toks[-2]) and not title_case(view, s, e):
            return toks[-2].lower() in DOC_MODIFIERS  # "the New Survey" is a document
    return True


#: Prepositions that open a sentence with a phrase before its subject (``Like New Labour,
#: he ...``, ``In London, ...``): the capitalised words after them are not the subject.
_OPENING_PREPOSITIONS = frozenset(
    "after at before despite during for from in like on since unlike with without".split()
)


def _known(words: Sequence[str]) -> bool:
    """``words`` start a name of the actor table (``New York Times``: ``New`` is no modifier)."""
    return canonical_or_none(" ".join(words)) is not None


def _no_issuer(
    toks: Sequence[str], context: Sequence[str], home: str | None, res: Resolver
) -> bool:
    """The words before a document noun are its topic (:func:`topic_words`), and no actor
    the document names either (``the Greek statement`` after Greece)."""
    return topic_words(toks) and canonical_in_context(" ".join(toks), context, home, res) is None


def source_name(
    span_text: str,
    context: Sequence[str],
    home: str | None,
    res: Resolver,
    sources: Sequence[str] = (),
    pos: int | None = None,
) -> str | None:
    """Readable name of a source span (at ``pos`` in the text, when given): the issuer of a
    document, a medium, an actor."""
    toks = [t for t in WORD_RE.findall(span_text) if t[:1].isalnum() or t[:1] in "'\u2019&"]
    while toks and toks[0].lower() in DETERMINERS:
        toks.pop(0)
    doc = generic_document(toks)
    if doc is not None:
        return doc  # "a new report": a generic document, not its adjective
    if len(toks) > 1 and toks[-1].lower() in _SOURCE_DOCS:
        noun = toks.pop()
        while len(toks) > 1 and toks[0].lower() in DOC_MODIFIERS and not _known(toks[:2]):
            toks.pop(0)  # "a new Pentagon report": the Pentagon, not "new Pentagon"
        if _no_issuer(toks, context, home, res):
            return " ".join([*toks, noun]).lower()  # "a joint statement", "autopsy report"
        poss = [i for i, t in enumerate(toks) if re.search(r"['\u2019]s$", t)]
        rest = toks[poss[-1] + 1 :] if poss else []
        if rest and not any(w.lower() in ROLE_NOUNS | ORG_HEADS | TITLES for w in rest):
            if canonical_or_none(" ".join(rest)) is None:
                del toks[poss[-1] + 1 :]  # "Microsoft's Digital Defense Report": the possessor
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
    paper = res.paper_before(pos) if pos is not None and name.lower() in _PAPER_HEADS else None
    if paper is not None:  # "according to the paper" after "the Wall Street Journal said"
        return canonical_in_context(paper, context, home, res) or paper
    if name.lower() in ("paper", "newspaper", "agency", "broadcaster") and sources:
        return sources[-1]  # "the paper quoted ..." after "according to the Financial Times"
    canon = canonical_in_context(name, context, home, res)
    return canon or name


@lru_cache(maxsize=1)
def country_tables() -> tuple[dict[str, str], dict[str, str]]:
    """``(place or demonym -> country, country -> demonym)`` from the shipped gazetteer."""
    try:
        from ..actors import resolve_gazetteer

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


_CAPS = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_PLACE = rf"[{_CAPS}][{_CAPS}'\u2019.-]*(?:[ \t]+[{_CAPS}][{_CAPS}'\u2019.-]*){{0,3}}"
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}"
    r"(?:,?[ \t]+\d{4})?"
)
_DASH = r"[ \t]*(?:\u2014|\u2013|--|-)[ \t]*"
#: A wire dateline opening a paragraph: ``NEW YORK (AP) —``, ``LONDON (Reuters) -``,
#: ``BATON ROUGE, La. (AP) —``, ``PARIS, March 3 (Reuters) -``, ``MOSCOW, October 19. /TASS/.``
#: (an agency in brackets or slashes, or a date, after an upper-case place).
_AGENCY = (
    r"(?:\([A-Za-z][\w.&'\u2019-]*(?:[ \t]+[\w.&'\u2019-]+){0,2}\)"
    + _DASH
    + r"|/[A-Z][\w-]+/(?:"
    + _DASH
    + r"|\.?[ \t]+))"
)
_EXTRA = (
    rf",[ \t]*(?:{_MONTH}|[A-Z][a-z]{{0,5}}\.(?:[ \t]*[A-Z][a-z]{{0,3}}\.)?"
    r"|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
)
#: A listed news agency in brackets and a colon: ``NEW DELHI (PTI):``, ``LAHORE, Pakistan
#: (AP):`` (a colon after other brackets is a transcript label: ``SANDERS (I-VT): ...``).
_AGENCY_COLON = (
    r"\((?i:"
    + "|".join(re.escape(a) for a in sorted(_WORDS["news_agencies"], key=len, reverse=True))
    + r")\)[ \t]*:[ \t]*"
)
_WIRE_DATELINE = re.compile(
    rf"{_PLACE}(?:{_EXTRA})?[ \t]*\.?[ \t]*(?:{_AGENCY}|{_AGENCY_COLON})"
    rf"|{_PLACE},[ \t]*{_MONTH}(?:\.[ \t]+|{_DASH})"
)
#: An upper-case place and a dash (``WASHINGTON —``), read as a dateline only after a
#: document's first sentence: in a headline it is the speaker (``TRUMP — 'We will win'``).
_BARE_DATELINE = re.compile(
    rf"(?=[{_CAPS}]{{2}}){_PLACE}[ \t]*(?:\u2014|\u2013|--| - )[ \t]*(?=[A-Z\u201c\"'\u2018][a-z\u201c\"'\u2018 ])"
)


def dateline_end(text: str, s: int, e: int, *, first: bool = False) -> int:
    """Where a sentence ``text[s:e]`` starts after a wire dateline opening it (``s`` when none).

    A dateline names where and from whom the story came, never who speaks, so quotes read
    the sentence after it (``NEW YORK (AP) — Says Penny: ...`` is Penny's).
    ``first`` is the document's first sentence: there only an agency or a date marks one.

    >>> t = "NEW YORK (AP) \u2014 A jury acquitted him."
    >>> t[dateline_end(t, 0, len(t)):]
    'A jury acquitted him.'
    >>> t = "PARIS, March 3 (Reuters) - Macron said so."
    >>> t[dateline_end(t, 0, len(t)):]
    'Macron said so.'
    >>> t = "NEW DELHI (PTI): The court said so."
    >>> t[dateline_end(t, 0, len(t), first=True):]
    'The court said so.'
    >>> t = "SANDERS (I-VT): We need it."
    >>> dateline_end(t, 0, len(t), first=True), dateline_end(t, 0, len(t))
    (0, 0)
    >>> t = "TRUMP \u2014 We will win"
    >>> dateline_end(t, 0, len(t), first=True), dateline_end(t, 0, len(t))
    (0, 8)
    """
    m = _WIRE_DATELINE.match(text, s, e)
    if m is None and not first:
        m = _BARE_DATELINE.match(text, s, e)
    if m is None or m.end() >= e or not any(c.isalpha() for c in text[m.end() : e]):
        return s
    return m.end()


def dateline_country(text: str) -> str | None:
    """Country of an upper-case dateline in the first lines: ``MOSCOW, October 19. /TASS/``."""
    where, _ = country_tables()
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


def _names_more_than(raw: str, country: str) -> bool:
    """Whether ``raw`` names someone other than the actor ``country`` it was matched to.

    A possessor is not the speaker (``Putin's critic``; ``Russia's foreign
    ministry`` is, an official role). Non-official roles are not their
    country (``Ivorian rebels``).

    ``Australian Labor Party leader`` and ``UK National Audit Office`` are not
    Australia and the United Kingdom: a capitalised word that is neither the
    country (or another place) nor a title, role or modifier word
    is the name of something else.

    A one-person office with a demonym or country and no name (``Iranian President``,
    ``Samoan Prime Minister``, ``Canadian general``, ``Libyan officials``) is that office,
    not the country: the country is its speaker only through an entry of the actor table
    (``Russian Foreign Ministry``) or a body as head (``Chinese government``).
    """
    words = WORD_RE.findall(raw)
    possessive = any(re.search(r"['\u2019]s$", w) or w in ("'s", "\u2019s") for w in words[:-1])
    if possessive and words[-1].lower() not in OFFICIAL_ROLES:
        return True  # "Putin's critic" is not Putin
    where, _ = country_tables()
    if where.get(country.lower()) != country:
        return False  # not a country: the gazetteer matched the phrase itself
    head = words[-1].lower() if words else ""
    if head in ROLE_NOUNS and head not in OFFICIAL_ROLES | PERSON_ROLES | TITLES:
        return True  # "Ivorian rebels" are not Ivory Coast
    if head in TITLES and head not in OFFICIAL_ROLES | PERSON_ROLES:
        return True  # "U.S. Senator", "Iowa governor": one person's office, not the country's voice
    if head in _ONE_PERSON and not _collective(words):
        return True  # "Iranian President": the office, linked to a country only by the actor table
    voice = OFFICIAL_ROLES | PERSON_ROLES | TITLES | ROLE_NOUNS | ORG_HEADS | MODIFIERS | DOC_NOUNS
    if head.isalpha() and head == words[-1] and head not in voice:
        return True  # a lower-case head no list knows: "Norway gunman" is not Norway
    low = f" {raw.lower()} "
    for alias in where:  # any place ("the Russian Embassy in Israel" is Russia's)
        if f" {alias} " in low:
            low = low.replace(f" {alias} ", " ")
    known = TITLES | ROLE_NOUNS | ORG_HEADS | MODIFIERS | PARTICLES | DETERMINERS
    rest = set(low.split())
    return any(
        w[:1].isupper() and w.lower() in rest and w.lower() not in known
        for w in WORD_RE.findall(raw)
        if w.lower() not in ("'s", "\u2019s")
    )


#: Heads naming office-holders (a role or title that is not a body).
_ONE_PERSON = (PERSON_ROLES | TITLES) - ORG_HEADS | {"minister", "secretary", "envoy"}


def _collective(words: list[str]) -> bool:
    """A body among the words (``Foreign Ministry``, ``government``): not one person."""
    return any(w.lower() in ORG_HEADS - {"minister", "secretary", "envoy"} for w in words)


class SpeakerContext(list):
    """The canonical speakers of a document so far (a list, appended in text order) with
    the two look-ups of :func:`canonical_in_context` kept up to date as it grows, so a
    look-up reads only the names added since the last one (not the whole list again).

    >>> ctx = SpeakerContext(["Russian Foreign Ministry", "Tony Blair"])
    >>> ctx.last_ending("foreign ministry"), ctx.last_country({"russian": "Russia"})
    ('Russian Foreign Ministry', 'Russia')
    >>> ctx.append("Foreign Ministry"); ctx.last_ending("foreign ministry")
    'Russian Foreign Ministry'
    """

    def __init__(self, names: Sequence[str] = ()) -> None:
        super().__init__(names)
        self._ending: dict[str, tuple[int, str | None]] = {}
        self._country: tuple[int, str | None] = (0, None)

    def last_ending(self, low: str) -> str | None:
        """The last name whose lower case ends with ``low`` and is not ``low`` itself."""
        done, hit = self._ending.get(low, (0, None))
        if done > len(self):
            done, hit = 0, None  # shortened since: read it all again
        for prev in self[done:]:
            pl = prev.lower()
            if pl.endswith(low) and pl != low:
                hit = prev
        self._ending[low] = (len(self), hit)
        return hit

    def last_country(self, where: dict[str, str]) -> str | None:
        """Country (by ``where``) of the last name that is a country or starts with one."""
        done, hit = self._country
        if done > len(self):
            done, hit = 0, None
        for prev in self[done:]:
            first = prev.split()[0].lower() if prev else ""
            hit = where.get(prev.lower()) or where.get(first) or hit
        self._country = (len(self), hit)
        return hit


def canonical_in_context(
    raw: str | None, context: Sequence[str], home: str | None, res: Resolver
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
    hit = canonical(raw)
    if hit is not None and hit != raw:
        return None if _names_more_than(raw, hit) else hit
    fn = gazetteer_lookup()
    if fn is not None and hit is not None:
        try:
            if fn(raw):
                return hit
        except Exception:  # noqa: BLE001
            pass
    bare = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=re.IGNORECASE)
    if not _GENERIC_ORG.fullmatch(bare):
        return None
    ctx = context if isinstance(context, SpeakerContext) else SpeakerContext(context)
    prev = ctx.last_ending(bare.lower())
    if prev is not None:
        return prev
    where, demonym = country_tables()
    countries = [home] if home else []
    last = ctx.last_country(where)
    if last:
        countries.append(last)
    for c in countries:
        dem = demonym.get(c) if c else None
        if dem:
            canon = canonical_or_none(f"{dem} {bare}")
            if canon is not None and canon != c:
                return str(canon)
    return None


def org_shaped(name: str) -> bool:
    """A name that ends like a body, a medium, a document or a company, never a person's
    (``Washington Post``, ``Foreign Ministry``, ``Moody's Analytics``; not ``Rick Fleming``).

    >>> org_shaped("the Washington Post"), org_shaped("Pfizer Inc"), org_shaped("Rick Fleming")
    (True, True, False)
    """
    words = WORD_RE.findall(name)
    if not words:
        return False
    last = words[-1].lower().rstrip(".")
    return last in _MEDIA_WORDS | ORG_HEADS | DOC_NOUNS | _FIRM_WORDS or last in _COMPANY_SUFFIXES


_FIRM_WORDS = frozenset("analytics group holdings partners associates capital research".split())
_COMPANY_SUFFIXES = frozenset(w.rstrip(".") for w in _WORDS["company_suffixes"])
_PARTY_MEMBERS = frozenset(_WORDS["party_members"])


def party_description(speaker: str | None) -> bool:
    """A party member described, not named: a determiner, up to two more words and a noun
    of ``party_members`` (``the California Republican``, ``a Texas Democrat``, ``the
    Tory``): no named speaker, whatever its capitals.

    >>> party_description("the California Republican"), party_description("Republican Darrell Issa")
    (True, False)
    """
    words = WORD_RE.findall(speaker or "")
    return (
        2 <= len(words) <= 4
        and words[0].lower() in ("the", "a", "an", "another")
        and words[-1].lower() in _PARTY_MEMBERS
    )


def longer_name(name: str, context: Sequence[str]) -> str | None:
    """The last earlier speaker of the document whose name opens with ``name``'s words
    (``Moody's`` after ``Moody's Analytics``), when ``name`` is one or two capitalised words
    that the gazetteer does not know on its own; None otherwise.

    >>> longer_name("Moody’s", ["Moody’s Analytics", "Tony Blair"])
    'Moody’s Analytics'
    >>> longer_name("Tony", ["Tony Blair"]), longer_name("Blair", ["Tony Blair"])
    ('Tony Blair', None)
    """
    words = name.split()
    if not 1 <= len(words) <= 2 or not all(is_cap(w) for w in words):
        return None
    if canonical_or_none(name) is not None:
        return None
    for prev in reversed(context):
        if prev.startswith(name + " ") and len(prev.split()) > len(words):
            return prev
    return None


def is_named(name: str) -> bool:
    """A specific named speaker (``Zhai Jun``, ``Hamas``), not a description (``the parties``)."""
    toks = [t for t in WORD_RE.findall(name) if t.lower() not in DETERMINERS]
    if not toks:
        return False
    if all(t.lower() in ROLE_NOUNS or t.lower() in MODIFIERS or not is_cap(t) for t in toks):
        return False
    return any(is_cap(t) and t.lower() not in ROLE_NOUNS for t in toks)


_CAPNAME_RE = re.compile(
    r"\b([A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})\b"
)


#: Heads of a description that stands for a newspaper or magazine named before it (``the
#: Wall Street Journal reported ... the paper said``); a news agency or a broadcaster is
#: never such a paper (``told Reuters``, ``Fox Business Network``).
_PAPER_HEADS = frozenset({"paper", "newspaper", "daily", "weekly", "tabloid", "magazine"})
_NOT_PAPERS = frozenset(w.lower() for w in _WORDS["news_agencies"]) | frozenset(
    "agency bbc broadcaster channel cnbc cnn itv network npr programme program radio sky "
    "television tv website".split()
)
#: where a run of capitalised words may start: not inside a word or after its full stop
#: ("U.S.A.": one start, not one per letter, so the scans stay linear)
_RUN_START = r"(?<![\w.'\u2019&-])"
_DAY_NAMES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_PAPER_WORD = r"[A-Z][\w'\u2019&-]*(?:\.[A-Z][\w'\u2019&-]*)*"  # "U.S", never a full stop
_PAPER_NAME_RE = re.compile(
    _RUN_START
    + r"(?:(?P<the>[Tt]he)[ \t]+)?(?P<name>"
    + _PAPER_WORD
    + r"(?:[ \t]+(?:(?:of|du|de|der|des|di|la|le|el)[ \t]+)?"
    + _PAPER_WORD
    + r"){0,4})(?:[ \t]+(?P<head>"
    + "|".join(sorted(_PAPER_HEADS))
    + r")\b)?"
)


def paper_names(text: str) -> list[tuple[int, str]]:
    """``(start, name)`` of each newspaper or magazine the text names, in text order: a run
    of capitalised words ending in a media word (``Wall Street Journal``, ``the Times``: one
    word only after ``the``) or followed by a paper's head (``Journal du Dimanche
    newspaper``); not a news agency, a broadcaster or an upper-case run (a dateline).

    >>> paper_names("NEW YORK (Reuters) - The Wall Street Journal said. Le Monde newspaper said")
    [(25, 'Wall Street Journal'), (51, 'Le Monde')]
    >>> paper_names("Times are hard, the Times said, citing Fox Business Network.")
    [(20, 'Times')]
    """
    out = []
    for m in _PAPER_NAME_RE.finditer(text):
        words = re.sub(r"['\u2019]s?$", "", m.group("name")).split()
        if words and words[0] in ("The", "A", "An"):
            words = words[1:]  # "The paper": no name
        name = " ".join(words)
        if not words or name.isupper() and len(name) > 3:
            continue
        if m.group("head") is None:
            if words[-1].lower() not in _MEDIA_WORDS or len(words) == 1 and not m.group("the"):
                continue
        elif len(words) == 1 and (canonical_or_none(name) is not None or name in _DAY_NAMES):
            continue  # "the Swiss newspaper", "the ECB": a place or a body, not the paper's name
        if not any(w.lower() in _NOT_PAPERS for w in words):
            out.append((m.start("name"), name))
    return out


_NAME_RUN = (
    _PAPER_WORD + r"(?:[ \t]+(?:(?:of|for|de|du|and|&)[ \t]+)?" + _PAPER_WORD + r"){0,5}"
)  # capitalised words, "of"/"and" inside: "Bank of America", "White & Case"
#: ``activist group Wake-Up Wal-Mart``, ``German insurer Allianz SE``: a lower-case noun
#: right before a name classifies it
_CLASSIFIED_RE = re.compile(r"\b(?P<head>[a-z]{3,})[ \t]+(?P<name>" + _NAME_RUN + ")")
_OWN_HEAD_RE = re.compile(_RUN_START + r"(?:[Tt]he[ \t]+)?(?P<name>" + _NAME_RUN + ")")
#: ``Ambac Financial Group, a bond insurer,``: the head of a description after a name
_APPOSED_RE = re.compile(
    _RUN_START
    + r"(?P<name>"
    + _NAME_RUN
    + r")(?:[ \t]+\(?<?[A-Z0-9]{1,8}\.[A-Z]{1,3}>?\)?)?,[ \t]+(?:a|an|the)[ \t]+"
    r"(?:[\w'\u2019-]+[ \t]+){0,3}?(?P<head>[a-z]{3,})"
    r"(?=[,;]|[ \t]+(?:that|which|whose|with|in|of|for|based)\b)"
)


_TRAILING_TICKER_RE = re.compile(r"(?:[ \t]+[A-Z0-9]{1,8}\.[A-Z]{1,3}|['\u2019]s)$")


def described_names(text: str) -> list[tuple[int, str, str]]:
    """``(start, head, name)`` of each name the text gives a common noun to, in text order:
    the noun before it (``activist group Wake-Up Wal-Mart``), the head of a description after
    it (``Ambac Financial Group, a bond insurer,``) or its own last word (``Deutsche Bank``:
    ``bank``), so that ``the group``, ``the insurer``, ``the bank`` later stand for it.

    >>> t = "Ambac Financial Group ABK.N, a bond insurer, said. Activist group Wake-Up Wal-Mart said"
    >>> [h for _, h, _ in described_names(t)], sorted({n for _, _, n in described_names(t)})
    (['group', 'insurer', 'group'], ['Ambac Financial Group', 'Wake-Up Wal-Mart'])
    """
    out = []
    for m in _OWN_HEAD_RE.finditer(text):  # a name's own head: "Ambac Financial Group"
        name = _TRAILING_TICKER_RE.sub("", m.group("name"))
        words = name.split()
        if len(words) >= 2 and words[-1].isalpha() and not name.isupper():
            out.append((m.start("name"), words[-1].lower(), name))
    for rx in (_CLASSIFIED_RE, _APPOSED_RE):
        for m in rx.finditer(text):
            name = _TRAILING_TICKER_RE.sub("", m.group("name"))
            if name and name.split()[0] not in CAP_STOP and (not name.isupper() or len(name) <= 5):
                out.append((m.start("name"), m.group("head"), name))
    out.sort()
    return out


def _names_one_body(head: str) -> bool:
    """A head noun that may stand for one named body (``the insurer``, ``the group``): not a
    plural, a person's role or title, or an unnamed source's head (``the source``).

    >>> [_names_one_body(w) for w in ("insurer", "ministers", "source", "spokesman")]
    [True, False, False, False]
    """
    if head.endswith("s") and not head.endswith("ss") or head in PERSON_ROLES | TITLES:
        return False
    return re.fullmatch(SOURCE_HEAD, head) is None


class LastBefore:
    """The latest value stored under a key at a position before a given one (a bisect, not a scan).

    Values under one key are kept in position order; one stored at a position already
    present goes after the earlier ones, so the latest stored wins a tie, as in a scan
    of a list kept sorted by ``bisect.insort_right``.

    >>> ix = LastBefore()
    >>> for pos, key, val in [(5, "blair", "Tony Blair"), (9, "blair", "Cherie Blair"), (9, "x", "X Y")]:
    ...     ix.add(key, pos, val)
    >>> ix.get("blair", 5), ix.get("blair", 6), ix.get("blair", 10), ix.get("brown", 10)
    (None, 'Tony Blair', 'Cherie Blair', None)
    """

    def __init__(self) -> None:
        self._pos: dict[str, list[int]] = {}
        self._val: dict[str, list[str]] = {}

    def add(self, key: str, pos: int, value: str) -> None:
        ps = self._pos.setdefault(key, [])
        i = bisect.bisect_right(ps, pos)
        ps.insert(i, pos)
        self._val.setdefault(key, []).insert(i, value)

    def get(self, key: str, pos: int) -> str | None:
        """The value of the last entry of ``key`` whose position is below ``pos``, or None."""
        ps = self._pos.get(key)
        if not ps:
            return None
        i = bisect.bisect_left(ps, pos) - 1
        return self._val[key][i] if i >= 0 else None


_ANY = ""  # LastBefore key of every full name
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


class Resolver:
    """Speaker resolution within one document: full names met so far, the last speaker,
    person and organisation, and sentence subjects, for surnames, pronouns and roles."""

    def __init__(self, text: str, sents: Sequence[tuple[int, int, int, int]] = ()) -> None:
        self.text = text
        self._toks = word_spans(text, 0, len(text))  # shared by names and subjects
        self.names = _full_names(text, self._toks)  # (pos, name, title)
        self._known = {n for _, n, _ in self.names}
        self._by_word = LastBefore()  # lower-case word of a full name -> that name
        self._by_role = LastBefore()  # word of its title -> that name
        for p, name, title in self.names:
            self._index(p, name, title)
        self.last: tuple[str, tuple[int, int]] | None = None  # resolved name, span
        self.last_person: str | None = None
        self.last_org: str | None = None
        self.sents = sents
        self._capnames: LastBefore | None = None
        self._papers: list[tuple[int, str]] | None = None
        self._described: LastBefore | None = None
        self._subjects: list[tuple[int, int, str]] | None = None
        self._subject_pos: list[int] | None = None
        self._genders: dict[str, str] = {}  # person -> "f"/"m": the pronoun or title seen
        for _, name, title in self.names:
            words = title.split()
            if words and words[0].rstrip(".") in _TITLE_GENDER:
                self._genders.setdefault(name, _TITLE_GENDER[words[0].rstrip(".")])

    def _index(self, pos: int, name: str, title: str) -> None:
        for w in dict.fromkeys(w.lower() for w in name.split()):
            self._by_word.add(w, pos, name)
        for w in dict.fromkeys(title.split()):
            self._by_role.add(w, pos, name)
        self._by_word.add(_ANY, pos, name)

    def _cap_names(self) -> LastBefore:
        """Capitalised two/three-word names anywhere (``Tony Blair's``) by lower-case surname."""
        if self._capnames is None:
            out = LastBefore()
            for m in _CAPNAME_RE.finditer(self.text):
                words = m.group(1).split()
                while words and (words[0] in CAP_STOP or words[0].lower() in TITLES):
                    words.pop(0)
                if len(words) >= 2 and not any(w.lower() in TITLES for w in words):
                    out.add(words[-1].lower(), m.start(1), " ".join(words))
            self._capnames = out
        return self._capnames

    def paper_before(self, pos: int) -> str | None:
        """The last newspaper or magazine the text names before ``pos`` (:func:`paper_names`)."""
        if self._papers is None:
            self._papers = paper_names(self.text)
        i = bisect.bisect_left(self._papers, (pos, "")) - 1
        return self._papers[i][1] if i >= 0 else None

    def described_before(self, head: str, pos: int) -> str | None:
        """The last name before ``pos`` the text gives the noun ``head`` (:func:`described_names`)."""
        if self._described is None:
            self._described = LastBefore()
            for p, h, name in described_names(self.text):
                self._described.add(h, p, name)
        return self._described.get(head, pos)

    def _lookup_surname(self, token: str, pos: int) -> str | None:
        """The last full name before ``pos`` with the word ``token``, else the last
        capitalised name before ``pos`` ending in it (None when neither)."""
        low = token.lower()
        best = self._by_word.get(low, pos) if low else None
        return best if best is not None else self._cap_names().get(low, pos)

    def subjects(self) -> list[tuple[int, int, str]]:
        """``(start, end, name)`` of each sentence whose subject is a named person."""
        if self._subjects is None:
            out = []
            starts = [t[0] for t in self._toks]
            for s, e, _, _ in self.sents:
                toks = spans_within(self.text, self._toks, starts, s, min(e, s + 200))
                j = 0
                while j < len(toks) and (toks[j][2] in CAP_STOP or toks[j][2] == ","):
                    j += 1
                if j >= len(toks) or not is_cap(toks[j][2]):
                    continue
                if any(t[2].lower() in _OPENING_PREPOSITIONS for t in toks[: j + 1]):
                    continue  # "Like New Labour, he believed": a fronted phrase, not the subject
                span = right_np(self.text, toks[j][0], e)
                if span is None or re.search(r"['\u2019]s?$", self.text[span[0] : span[1]]):
                    continue  # "Tony Blair's big speech": a possessive is not the subject
                name, kind, has_title = name_of(self.text[span[0] : span[1]])
                if kind == "description":
                    role = name.split()[-1].lower() if name.split() else ""
                    person = self._lookup_role(role, span[0]) if role in PERSON_ROLES else None
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

    def _subject_starts(self) -> list[int]:
        """Starts of :meth:`subjects` (in text order: one per sentence, sentences sorted)."""
        if self._subject_pos is None:
            self._subject_pos = [s for s, _, _ in self.subjects()]
        return self._subject_pos

    def subject_in(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The first named subject starting in ``[lo, hi)``."""
        i = bisect.bisect_left(self._subject_starts(), lo)
        subj = self.subjects()
        return (subj[i][0], subj[i][1]) if i < len(subj) and subj[i][0] < hi else None

    def _recent_subject(self, pos: int) -> tuple[int, str] | None:
        i = bisect.bisect_left(self._subject_starts(), pos) - 1
        return (self.subjects()[i][0], self.subjects()[i][2]) if i >= 0 else None

    def _lookup_role(self, role: str, pos: int) -> str | None:
        return self._by_role.get(role, pos) if role else None

    def register(self, pos: int, name: str, title: str) -> None:
        if len(name.split()) >= 2 and name not in self._known:
            self._known.add(name)
            bisect.insort_right(self.names, (pos, name, title), key=lambda x: x[0])
            self._index(pos, name, title)

    def resolve(self, span: tuple[int, int]) -> tuple[str | None, str]:
        np_text = self.text[span[0] : span[1]]
        if _COMPASS_RE.fullmatch(np_text.strip()):
            place = canonical_or_none(np_text)  # "N. Korea": North Korea, not Korea
            if place is not None:
                return str(place), "cue_adjacent"
        name, kind, has_title = name_of(np_text)
        if kind == "pronoun":
            if is_unnamed_person(name):
                return None, "none"  # the writer, "Someone": no named speaker, never recalled
            if name.lower() == "it":
                return (self.last_org, "pronoun") if self.last_org else (None, "pronoun")
            return self._gendered(name.lower(), self._pronoun_referent(name, span)), "pronoun"
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
            if len(parts) == 1 and parts[0].lower() in ORG_HEADS:
                return name, "cue_adjacent"  # "Department": a body's head, no surname
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
        if role in PERSON_ROLES:
            person = self._lookup_role(role, span[0])
            if person is None and self.last_person is not None:
                person = self.last_person  # "the Russian official": the last named speaker
            if person is not None:
                return person, "description"
        definite = np_text.split()[0].lower() == "the" if np_text.split() else False
        if definite and words == [role] and role in _PAPER_HEADS:
            paper = self.paper_before(span[0])  # "the paper said": the one named before
            if paper is not None:
                return paper, "description"
        if definite and words == [role] and _names_one_body(role):
            named = self.described_before(role, span[0])  # "the insurer": Ambac, named so
            if named is not None:
                return named, "description"
        if (
            role in ORG_HEADS
            and len(words) == 1
            and self.last_org
            and role in self.last_org.lower()
        ):
            return self.last_org, "description"
        return name, "description"

    def _pronoun_referent(self, name: str, span: tuple[int, int]) -> str | None:
        """The person a pronoun speaker stands for: the recent named subject, else the last
        speaker, else the last full name before it; ``he``/``she`` never stand for a body or
        a medium (``according to the Washington Post, ...`` then ``he said``): the last
        person then, if any."""
        person = name.lower() in ("he", "she")
        subj = self._recent_subject(span[0]) if person else None
        if subj is not None and (self.last is None or subj[0] > self.last[1][0]):
            return subj[1]
        if self.last is not None and person and org_shaped(self.last[0]):
            return self.last_person
        if self.last is not None:
            return self.last[0]
        return self._by_word.get(_ANY, span[0])

    def _gendered(self, pronoun: str, person: str | None) -> str | None:
        """``person`` for ``he``/``she`` unless the document gave that person the other
        pronoun before (or a gendered title: Mr, Mrs, Ms): then no speaker rather than the
        wrong one (``she`` told X; later ``he rejoined`` is someone else)."""
        if person is None or pronoun not in _PRONOUN_GENDER:
            return person
        gender = _PRONOUN_GENDER[pronoun]
        if self._genders.setdefault(person, gender) != gender:
            return None
        return person

    def resolve_part(self, part: str, pos: int) -> str | None:
        name, kind, _ = name_of(part)
        if kind != "name":
            return None
        if len(name.split()) == 1:
            return self._lookup_surname(name, pos) or canonical(name) or name
        return name
