"""Speaker noun phrases: closed word classes and the left/right noun-phrase finders."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..lexicon import load_lexicon
from ..tokenize import load_stopwords

#: Word lists of quote attribution, shipped in ``data/quote_words.yml``.
_WORDS = load_lexicon("quote_words").data
TITLES = frozenset(_WORDS["titles"])


ORG_HEADS = frozenset(_WORDS["org_heads"])
_S_FUNCTION = frozenset(_WORDS["s_function"])


def third_person_form(word: str) -> bool:
    """A lower-case word shaped like a third-person singular present verb (``quits``): four
    letters or more ending in -s, not -ss/-us/-is, no possessive, no function word (``this``).

    >>> third_person_form("quits"), third_person_form("boss"), third_person_form("this")
    (True, False, False)
    """
    return (
        len(word) >= 4
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "\u2019s"))
        and word not in _S_FUNCTION
    )


ROLE_NOUNS = frozenset(_WORDS["role_nouns"])


MODIFIERS = frozenset(_WORDS["modifiers"])


DOC_NOUNS = frozenset(_WORDS["doc_nouns"])


#: Documents a quote can come from, and the adjectives before them that name no issuer.
DOCUMENTS = DOC_NOUNS | frozenset(_WORDS["source_docs"])
DOC_MODIFIERS = frozenset(_WORDS["doc_modifiers"])
_MODIFIER_NAMES = frozenset(_WORDS["modifier_names"])
_COMPANY_SUFFIXES = frozenset(_WORDS["company_suffixes"])
#: Nouns of a party's member: before a name a modifier (``Republican Darrell Issa``).
_PARTY_MEMBERS = frozenset(_WORDS["party_members"])
_INSTITUTION_NOUNS = frozenset(_WORDS["institution_nouns"])
#: Abbreviations that end a name before a full stop (``Pfizer Inc.``, ``Antonio Sabato Jr.``).
_NAME_ENDS = _COMPANY_SUFFIXES | frozenset(_WORDS["name_suffixes"])


PERSON_ROLES = frozenset(_WORDS["person_roles"])


DETERMINERS = frozenset(_WORDS["determiners"])


PRONOUNS = frozenset(_WORDS["pronouns"])

#: A first-person subject, also contracted (``I``, ``I've``, ``I’m``, ``We're``): the writer.
_FIRST_PERSON = re.compile(r"(?:i|we)(?:['’](?:ve|m|d|ll|re))?", re.IGNORECASE)


#: Indefinite pronouns: ``Someone once said this``, a speaker the text does not name.
_INDEFINITE = frozenset("someone somebody anyone anybody everyone everybody nobody no-one".split())


def is_unnamed_person(word: str) -> bool:
    """The writer (:func:`is_first_person`) or an indefinite pronoun (``Someone``): a
    speaker who is never named, never resolved and never recalled by a later pronoun.

    >>> is_unnamed_person("Someone"), is_unnamed_person("I'm"), is_unnamed_person("Simone")
    (True, True, False)
    """
    return word.lower() in _INDEFINITE or is_first_person(word)


def is_first_person(word: str) -> bool:
    """Whether ``word`` is the writer or narrator speaking (``I``, ``I’ve``, ``we're``).

    >>> is_first_person("I’ve"), is_first_person("We're"), is_first_person("Ive")
    (True, True, False)
    """
    return _FIRST_PERSON.fullmatch(word) is not None


SKIP = frozenset(_WORDS["skip"])


PARTICLES = frozenset(_WORDS["particles"])


CAP_STOP = frozenset(_WORDS["cap_stop"])


#: Role nouns of official voices (a demonym before them names the country's voice).
OFFICIAL_ROLES = frozenset(_WORDS["official"])


#: Occasions and documents of speech in an adverbial after a cue (``said in a statement``,
#: ``said in Thursday's filing``, ``said in an April town hall speech``).
_OCCASIONS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+")
    for w in sorted(_WORDS["speech_occasions"], key=len, reverse=True)
)
_ADVERBIAL = re.compile(
    r"""(?:\s*,?\s*(?:
        (?:on|last|this|earlier|late|early|next)?\s*(?:monday|tuesday|wednesday|thursday|friday|
          saturday|sunday|week|weekend|month|year|morning|afternoon|evening|night|day)
        | yesterday | today | earlier | later | again | also | previously | repeatedly
        | (?:in|at|during|after)\s+(?:a|an|the|his|her|its|their|[A-Z]\w+['\u2019]s)\s+(?:\w+\s+){0,3}
          (?:OCCASIONS)
        | of\s+(?:his|her|its|their)\s+own
        | on\s+(?:\w+\s+){0,2}?(?:television|tv|radio|social\s+media|x|twitter|telegram)
        | in\s+(?:doha|moscow|beijing|[A-Z]\w+)
    ))+\s*,?""".replace("OCCASIONS", _OCCASIONS),
    re.IGNORECASE | re.VERBOSE,
)


def skip_adverbials(view: str, pos: int, end: int) -> int:
    """Position after any time/place adverbials starting at ``pos``."""
    m = _ADVERBIAL.match(view, pos, end)
    return m.end() if m else pos


#: A web address named as a source (``mappingpoliceviolence.org``, ``TradersChoice.net``).
_DOMAIN = r"[^\W\d_][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|co\.uk|org\.uk)\b"
DOMAIN_RE = re.compile(_DOMAIN, re.IGNORECASE)
#: An initialism written with full stops (``U.S.``, ``U.N.``): one word, so a name keeps it
#: whole (``the U.S. Embassy``, not ``U S Embassy`` nor ``Embassy``).
_INITIALISM = r"(?:[^\W\d_]\.){2,}(?![^\W\d_])"
#: A capital's initial with its full stop before a capitalised word (``H. G. Wells``,
#: ``John F. Kennedy``): one word, so the name is not cut at its full stop (not the end of
#: an initialism without its last full stop: ``Ex-D.C. Guard``).
_INITIAL = r"(?-i:(?<!\.)\b[A-Z]\.(?=[ \t]+[A-Z]))"
WORD_RE = re.compile(
    _DOMAIN + "|" + _INITIALISM + "|" + _INITIAL + r"|\w+(?:[-'’‘]\w+)*|['’]s\b|[^\w\s]",
    re.IGNORECASE,
)


def is_cap(tok: str) -> bool:
    """Whether a token starts with a capital letter.

    >>> is_cap("Gaza"), is_cap("gaza")
    (True, False)
    """
    return tok[:1].isupper()


#: Adverb endings (``unanimously``, ``previously``, ``baselessly``): no name ends so in
#: seven letters or more, so a capitalised one (Title Case, all caps) is no name either.
_ADVERB_RE = re.compile(
    r"\w{2,}(?:ally|ously|ively|edly|ently|antly|fully|lessly|ately|ibly|ably|ingly|ctly|ngly|etly)"
)
#: Amount words: ``40 PERCENT SAY`` names no speaker.
_AMOUNT_WORDS = frozenset(_WORDS["amount_words"])


def is_adverb(tok: str) -> bool:
    """An ``-ly`` adverb by its ending (seven letters or more; ``Kelly``, ``Italy`` are not).

    >>> is_adverb("UNANIMOUSLY"), is_adverb("Previously"), is_adverb("Kelly"), is_adverb("Italy")
    (True, True, False, False)
    """
    return len(tok) >= 7 and _ADVERB_RE.fullmatch(tok.lower()) is not None


def is_all_caps(text: str) -> bool:
    """Text with capital letters and no small ones (an all-caps headline).

    >>> is_all_caps("40 PERCENT SAY"), is_all_caps("WHO says"), is_all_caps("WHO ")
    (True, False, False)
    """
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) >= 2 and not any(ch.islower() for ch in text)


def is_adjective(tok: str) -> bool:
    """An adjective by its ending, seven letters or more (``DUBIOUS``, ``POLITICAL``).

    >>> is_adjective("DUBIOUS"), is_adjective("Douglas")
    (True, False)
    """
    return len(tok) >= 7 and tok.lower().endswith(("ous", "ical", "ful", "less", "able"))


def _caps_word_ok(tok: str) -> bool:
    """An all-caps word (``AT``, ``PERCENT``, ``PREVIOUSLY``): its case is no evidence of a
    name, so it is one only when its lower-case form is no function, skip or amount word."""
    low = tok.lower()
    return not (
        tok.title() in CAP_STOP or low in _FUNCTION_WORDS or low in SKIP or low in _AMOUNT_WORDS
    )


def np_token_ok(tok: str, caps: bool = False) -> bool:
    """Whether a token can be part of a speaker noun phrase (name, title, role, particle);
    ``caps``: the text around it is all capitals, so its case is no evidence of a name.

    >>> np_token_ok("spokesman"), np_token_ok("Zhai"), np_token_ok("said"), np_token_ok("WHO")
    (True, True, False, True)
    >>> np_token_ok("AT", caps=True), np_token_ok("PERCENT", caps=True)
    (False, False)
    """
    low = tok.lower()
    if low in PARTICLES or low in ROLE_NOUNS or low in MODIFIERS or low in TITLES:
        return True
    if low.startswith(("al-", "el-")):
        return True
    if "." in tok and DOMAIN_RE.fullmatch(tok):
        return True  # "according to mappingpoliceviolence.org"
    if "-" in low and any(part in TITLES for part in low.split("-")):
        return True  # president-elect, ex-president
    if is_adverb(tok) or low.endswith(("n't", "n\u2019t")) or caps and not _caps_word_ok(tok):
        return False  # "UNANIMOUSLY", "WON'T"; all caps: "AT", "PERCENT"
    return is_cap(tok) and tok not in CAP_STOP and tok[:1].isalpha()


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for the word and punctuation tokens of ``text[start:end]``.

    >>> word_spans("Mr Zhai's aide said", 0, 19)[:3]
    [(0, 2, 'Mr'), (3, 9, "Zhai's"), (10, 14, 'aide')]
    """
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, end)]


_NOT_MODIFIER = frozenset(
    "and or but nor of in on at to for by with from as that which who whom whose than".split()
)


def _compound_start(toks: list[tuple[int, int, str]], j: int, start: int, end: int) -> int:
    """Extend a role-headed phrase over one or two lower-case modifiers to the name before
    them: ``UN nuclear chief``, ``Obama administration officials``; else ``start``."""
    if j < 0 or toks[end][2].lower() not in ROLE_NOUNS | TITLES | ORG_HEADS:
        return start
    k = j
    while k >= 0 and j - k < 2:
        w = toks[k][2]
        if not (w.isalpha() and w.islower()) or w in _NOT_MODIFIER or w in DETERMINERS:
            break
        if w in SKIP or w in PRONOUNS:
            break
        k -= 1
    if k < j and k >= 0 and toks[k][2].lower() in ("the", "a", "an"):
        return k + 1  # "the courts minister": lower-case modifiers after a determiner
    if k == j or k < 0 or not is_cap(toks[k][2]) or toks[k][2] in CAP_STOP:
        return start
    return _name_start(toks, k)


def _name_start(toks: list[tuple[int, int, str]], k: int, lo: int = 0) -> int:
    """The first token of the capitalised name ending at ``toks[k]`` (from ``lo`` on), across
    a body's ``of``/``for`` (``The Canadian Centre for Cyber Security's latest report``: not
    ``Cyber Security``).

    >>> t = word_spans("The Canadian Centre for Cyber Security's report", 0, 47)
    >>> t[_name_start(t, 5)][2]
    'Canadian'
    """
    while k > max(lo, 0):
        prev = toks[k - 1][2]
        if (
            prev in ("of", "for")
            and k > 1
            and is_cap(toks[k - 2][2])
            and toks[k - 2][2] not in CAP_STOP
            and _of_head(toks[k - 2][2], prev, toks[k][2])
        ):
            k -= 2
            continue
        if not is_cap(prev) or prev in CAP_STOP:
            break
        k -= 1
    return k


def _body_first(toks: list[tuple[int, int, str]], i: int, lo: int) -> bool:
    """``toks[i]`` opens a name alone and joins the name after its ``of``/``for`` into a
    body's (``Democracy for America said``; :func:`_body_joined`)."""
    before = toks[i - 1][2] if i - 1 >= max(lo, 0) else ""
    alone = not is_cap(before) or before in CAP_STOP
    return alone and _body_joined(toks[i][2], toks[i + 2][2], toks[i + 1][2])


_RELATIVE_RE = re.compile(
    r"\s(?:(?:who|which)\s+[a-z]|Who\s+[A-Z])(?:[^,;:\"\u201c\u201d]|(?<=\d),(?=\d)){0,60}$"
)


_DATE_WORDS = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
    re.IGNORECASE,
)
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_DATE_PREPS = frozenset("in on since last this next early late until by".split())


def left_np(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """Speaker noun phrase ending just before ``cue_start`` (not before ``lo``); inside a
    relative clause the phrase it modifies (``The student who posted the photo called``:
    the student, not the photo; Title Case ``Woman Who Sent 65,000 Texts To First Date Says``).

    >>> t = "The student who posted the photo called it"
    >>> a, b = left_np(t, 0, t.index(" called"))
    >>> t[a:b]
    'The student'
    """
    reduced = _reduced_relative(text, lo, cue_start)
    if reduced is not None:
        return reduced
    dash = _DASH_BEFORE.search(text, max(lo, cue_start - 6), cue_start)
    if dash is not None:  # "the Open Technology Fund (OTF) -- a US group ... -- says"
        opened = text.rfind(dash.group(1), lo, dash.start())
        if opened > lo and dash.start() - opened < 200:
            np_ = _left_np(text, lo, opened)
            gap = re.sub(r"\([^()]{1,15}\)", "", text[np_[1] : opened]) if np_ else "x"
            if np_ is not None and not gap.strip():  # an acronym in brackets may follow
                return np_
    np_ = _left_np(text, lo, cue_start)
    if np_ is None:
        last = re.search(r"([a-z][\w'\u2019-]*)\s*$", text[max(lo, cue_start - 40) : cue_start])
        if last is not None and last.group(1) not in _FUNCTION_WORDS:
            # "Researchers tracking sharks say": the object is no speaker
            a = cue_start - len(last.group(0))
            head = _participle_head(text, lo, (a, a + len(last.group(1))))
            if head is not None:
                return head
        m = _OF_TAIL.search(text, max(lo, cue_start - 80), cue_start)
        return None if m is None else _of_owner(text, lo, (m.start(1), m.end(1)), bare=True)
    if np_[0] - lo > 200:
        return np_
    m = _RELATIVE_RE.search(text, lo, np_[0])
    if m is not None:
        np_ = _left_np(text, lo, m.start()) or np_
    known = _known_source_head(text, lo, np_)  # "People familiar with the matter said"
    known = known or _participle_head(text, lo, np_)  # "Officials investigating the crash say"
    return known or _of_owner(text, lo, np_) or _located_head(text, lo, np_) or np_


#: An unnamed source's head: people, sources or officials (``two senior officials``).
SOURCE_HEAD = (
    r"(?:(?:the|two|three|four|several|many|some|other|senior|u\.s\.|government|\w+-level)\s+)"
    r"{0,3}(?:people|persons?|sources?|officials?|insiders?|executives?|diplomats?|aides?)"
)
#: What gives an unnamed source its knowledge, after its head (``familiar with the matter``,
#: ``close to the talks``, ``briefed on the plan``).
SOURCE_KNOWLEDGE = (
    r"(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?knowledge\s+of"
    r"|knowledgeable\s+about|involved\s+in|who\s+(?:spoke|asked|requested|declined))\b"
)
_SOURCE_BEFORE = re.compile(rf"(?<![\w-])(?P<head>{SOURCE_HEAD})\s+{SOURCE_KNOWLEDGE}\s+$", re.I)


def _known_source_head(text: str, lo: int, np_: tuple[int, int]) -> tuple[int, int] | None:
    """The head of ``People familiar with the matter said``, ``Sources close to the talks
    said``: the unnamed source speaks, not the matter it knows.

    >>> t = "Sources close to the talks said"
    >>> a, b = _known_source_head(t, 0, (17, 26))
    >>> t[a:b]
    'Sources'
    """
    m = _SOURCE_BEFORE.search(text, max(lo, np_[0] - 80), np_[0])
    return None if m is None else m.span("head")


#: A present participle and up to six words of its object, no punctuation, right before a
#: speaker phrase (``investigating the``, ``tracking migratory patterns of great white``).
_PARTICIPLE_BEFORE = re.compile(r"(?<![\w-])([a-z]{3,}ing)\s+(?:[\w'\u2019-]+\s+){0,6}$")
#: Words that end a participle's object: a clause or a coordination begins.
_OBJECT_BREAK = frozenset("and but or who whom which that said says say told".split())
#: Prepositions before a participle's head: the head is an adverbial's, not the subject.
_HEAD_PREPOSITIONS = frozenset(
    "in at on with from by of for to after before during under over".split()
)


def _participle_head(text: str, lo: int, np_: tuple[int, int]) -> tuple[int, int] | None:
    """The head a participle clause modifies when ``np_`` is the participle's object:
    ``Officials investigating the crash say`` (officials, not the crash), ``Researchers
    tracking migratory patterns of great white sharks say``. The head is a noun that can
    speak (:func:`speaking_head`) ending the phrase right before the participle; None
    otherwise (``Votes counting the ballots``: no speaking head).

    >>> t = "Officials investigating the crash say"
    >>> a, b = _participle_head(t, 0, (t.index("the crash"), t.index(" say")))
    >>> t[a:b]
    'Officials'
    >>> _participle_head("A building housing the museum says", 0, (19, 29)) is None
    True
    """
    m = _PARTICIPLE_BEFORE.search(text, max(lo, np_[0] - 80), np_[0])
    if m is None or m.start() <= lo:
        return None
    between = text[m.end(1) : np_[0]].lower().split()
    if any(w in _OBJECT_BREAK for w in between) or m.group(1) in _FUNCTION_WORDS:
        return None
    head = _left_np(text, lo, m.start())
    if head is None or text[head[1] : m.start()].strip():
        return None
    last = text[head[0] : head[1]].split()[-1]
    if last.lower() in _FUNCTION_WORDS or not speaking_head(last) or is_nationality(last):
        return None  # "Australian mining firm ...": an adjective, not a head
    if not (last.islower() or last.endswith("s")):
        return None  # "the Trump Tower meeting": a name's compound, no participle
    before = re.search(r"([A-Za-z]+)\W*$", text[max(lo, head[0] - 20) : head[0]])
    if before is not None and before.group(1).lower() in _HEAD_PREPOSITIONS:
        return None  # "In a statement announcing ... the company said": no subject
    return head


#: ``in``/``at``/``from``/``with`` and an optional article right before a speaker phrase
#: found by :func:`_left_np` (``Officials in Kabul``, ``Trump In Puerto Rico``, ``Patrol
#: Chief James Hall with the New York Police Department``).
_PLACE_PREP_BEFORE = re.compile(
    r"(?<!\S)([Ii][Nn]|[Aa][Tt]|[Oo][Nn]|[Ff]rom|FROM|[Ww]ith)\s+(?:(?:[Aa]n?|[Tt]he)\s+)?$"
)


def _located_head(text: str, lo: int, np_: tuple[int, int]) -> tuple[int, int] | None:
    """The head before ``in``/``at``/``from``/``with`` when ``np_`` only says where it is or
    whom it works for: ``Officials in Kabul said`` (officials, not Kabul), ``A spokesman in
    Washington said``, ``Merkel in Berlin says``, ``an analyst with Barclays said``. The head is a noun of people that can speak or a capitalised name that is
    no common word and no country or place; None otherwise (``The attack in Paris``).

    >>> t = "Officials in Kabul said"
    >>> a, b = _located_head(t, 0, (13, 18))
    >>> t[a:b]
    'Officials'
    >>> _located_head("The attack in Paris said", 0, (14, 19)) is None
    True
    """
    from .speakers import country_tables  # imported here: speakers imports this module

    m = _PLACE_PREP_BEFORE.search(text, max(lo, np_[0] - 12), np_[0])
    if m is None or m.start() <= lo:
        return None
    head = _left_np(text, lo, m.start())
    if head is None or text[head[1] : m.start()].strip():
        return None
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", text[head[0] : head[1]])
    if not words:
        return None
    last = words[-1]
    if _person_head(last):
        return head
    low = last.lower()
    name = is_cap(last) and low not in common_words() and low not in country_tables()[0]
    return head if name and not is_adverb(last) else None


#: A past participle and an optional short adverbial ending the text before a cue: a reduced
#: relative clause after the speaker (``A study released on Thursday suggests``); not a
#: naming participle (``a man named X``).
_REDUCED_TAIL = re.compile(
    r"\s+(?!(?:named|called|dubbed|titled|entitled|nicknamed|based)\b)"
    r"(?:[a-z]{3,}ed|written|drawn|shown|given|taken|seen|held|led|made|known|sent|done)"
    r"(?:\s+(?:on|in|at|by|this|last|earlier|from|for|with|to|across|over|since)"
    r"(?:\s+[^\s,;:\"\u201c\u201d]+){1,4})?\s*$"
)
#: A dash closing an apposition right before the cue (``X -- a group that ... -- says``).
_DASH_BEFORE = re.compile(r"\s(--|\u2014|\u2013)\s*$")
#: Possessive pronouns before a lower-case head that speaks (``his dad``, ``her lawyer``).
_POSSESSIVE_PRONOUNS = frozenset("his her their its our my your".split())
#: A short determiner phrase, then a past participle (``a new report released Wednesday``).
_BEFORE_PARTICIPLE = re.compile(
    r"\s*((?:[Tt]he|[Aa]n?)(?:\s+[\w'\u2019-]+){1,4}?)\s+"
    r"(?:[a-z]{3,}ed|written|drawn|shown|given|taken|seen|held|led|made|known|sent|done)\b"
)


def participle_np(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """A determiner phrase whose head can speak at ``pos``, cut before the past participle
    of a reduced relative clause (``according to a new report released Wednesday``: the
    report), or None.

    >>> t = "a new report released Wednesday."
    >>> a, b = participle_np(t, 0, len(t))
    >>> t[a:b]
    'a new report'
    """
    m = _BEFORE_PARTICIPLE.match(text, pos, hi)
    if m is None:
        return None
    words = m.group(1).split()
    if any(w.lower() in _FUNCTION_WORDS for w in words[1:]) or not speaking_head(words[-1]):
        return None
    return m.start(1), m.end(1)


#: A determiner, up to three words and a head noun ending the text (``a new study``).
_DET_PHRASE = re.compile(
    r"(?:^|(?<=\s))(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hese)(?:\s+[\w'\u2019-]+){1,4}$"
)


def _reduced_relative(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The speaker before a reduced relative clause ending at the cue: a determiner phrase
    whose head can speak, then a past participle and a short adverbial (``A study released
    on Thursday suggests``, ``The report published by the ministry says``: the study, the
    report). None when the text before the cue has no such shape.

    >>> t = "A study released on Thursday suggests"
    >>> a, b = _reduced_relative(t, 0, t.index(" suggests"))
    >>> t[a:b]
    'A study'
    """
    m = _REDUCED_TAIL.search(text, max(lo, cue_start - 80), cue_start)
    if m is None or m.end() != cue_start:
        return None
    d = _DET_PHRASE.search(text, max(lo, m.start() - 60), m.start())
    if d is None:
        return None
    words = d.group(0).split()
    if not speaking_head(words[-1]) or any(w.lower() in _FUNCTION_WORDS for w in words[1:]):
        return None
    return d.start(), d.end()


#: ``of``/``for`` and a determiner ending the text before a speaker phrase (``The mother of an``).
_OF_BEFORE = re.compile(r"\b([Oo][Ff]|[Ff][Oo][Rr])\s+(?:(?:[Aa]n?|[Tt]he)\s+)?$")
#: A short lower-case phrase after ``of`` just before a cue (``Parents of missing girl``).
_OF_TAIL = re.compile(
    r"\b[Oo]f\s+((?:[Aa]n?\s+|[Tt]he\s+)?(?:[\w'\u2019.-]+\s+){0,2}[\w'\u2019.-]+)\s*$"
)


def _of_owner(
    text: str, lo: int, np_: tuple[int, int], *, bare: bool = False
) -> tuple[int, int] | None:
    """``np_`` with the head it complements after ``of`` when that head can speak or counts
    people, or after ``for`` when it can speak: ``The mother of an incarcerated man says``
    (the mother, not the man), ``Parents of missing girl reveal``, ``Hundreds of Tesla
    owners say``, ``A lawyer for Trump said``. None when there is no such head. With
    ``bare``, ``np_`` is a short phrase no other rule read as a speaker (``missing girl``),
    taken only with such a head and without a function word or verb of its own.

    >>> t = "The mother of an incarcerated man says"
    >>> a, b = _of_owner(t, 0, (t.index("an "), t.index(" says")))
    >>> t[a:b]
    'The mother of an incarcerated man'
    """
    m = _OF_BEFORE.search(text, max(lo, np_[0] - 9), np_[0])
    if m is None or m.start() <= lo or ":" in text[m.start() : np_[0]]:
        return None  # "Cost of living: Retail giants": a topic's colon ends the phrase
    if bare and re.search("[\"'\u2018\u2019\u201c\u201d]", text[m.start() : np_[1]]):
        return None  # "'Legend of Vox Machina' Adds": a title, not a head and its complement
    if bare:
        words = re.findall(r"[^\W\d_][\w'\u2019-]*", text[m.end() : np_[1]])
        if any(w.lower() in _FUNCTION_WORDS or w.lower() in SKIP for w in words):
            return None
    head = _left_np(text, lo, m.start() - 1 if text[m.start() - 1] == " " else m.start())
    if head is None or text[head[1] : m.start()].strip():
        return None
    last = re.findall(r"[^\W\d_]+", text[head[0] : head[1]])
    amount = m.group(1).lower() == "of" and bool(last) and last[-1].lower() in _AMOUNT_WORDS
    if last and (_person_head(last[-1]) or amount):
        return head[0], np_[1]
    return None


_AGENT_STOP = frozenset("who which that whose as after over for in on at".split())


def agent_phrase(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The agent after a passive's ``by`` at ``pos``: up to five words before a comma, a
    function word or a relative pronoun, all capitalised (a name: ``Dr. Fauci``) or ending
    in a noun that can speak (``three veterans``, ``Australian court``); else None.

    >>> t = "three veterans who served with him"
    >>> a, b = agent_phrase(t, 0, len(t))
    >>> t[a:b], agent_phrase("the end of the year", 0, 19)
    ('three veterans', None)
    """
    toks: list[tuple[int, int, str]] = []
    for t in word_spans(text, pos, hi)[:6]:
        low = t[2].lower()
        if t[2] in ",;:" or low in _AGENT_STOP or low in _FUNCTION_WORDS and low not in DETERMINERS:
            break
        toks.append(t)
    while toks and toks[-1][2] == ".":
        toks.pop()
    words = [t[2] for t in toks if t[2].lower() not in DETERMINERS]
    if not words or len(toks) > 5:
        return None
    named = all(is_cap(w) or w == "." for w in words)
    if not (named or speaking_head(words[-1])):
        return None
    return toks[0][0], toks[-1][1]


def person_noun(word: str) -> bool:
    """A listed noun of a person or of people, or its plural (``crews``, ``inmates``,
    ``parents``; ``person_nouns``, ``role_nouns``, ``titles``), not an agent noun by its
    ending only (``doors``).

    >>> person_noun("crews"), person_noun("doors"), person_noun("Parents")
    (True, False, True)
    """
    low = word.lower()
    forms = {low, low[:-1]} if low.endswith("s") and not low.endswith("ss") else {low}
    return bool(forms & (_PERSON_NOUNS | ROLE_NOUNS | TITLES))


def _person_head(word: str) -> bool:
    """A head noun of a person or group of people that can speak (:func:`speaking_head`), not
    a body, document or medium, which is named with its place (``The state of Texas``: Texas)."""
    low = word.lower()
    forms = {low, low[:-1]} if low.endswith("s") and not low.endswith("ss") else {low}
    if forms & (ORG_HEADS | DOCUMENTS | _MEDIA | _INSTITUTION_NOUNS | MODIFIERS):
        return False
    return speaking_head(word)


def _after_list_head(toks: list[tuple[int, int, str]], start: int, end: int) -> int:
    """The first token of a speaker phrase past a list's head noun that a relative clause
    follows (``17 Most Offensive Things People Say``: people speak; ``Things Sunny Leone Has
    Said``): only when a number comes before the head or the head opens the line; before
    a compass initial that names a place with the phrase (``N. Korea``).

    >>> toks = word_spans("17 Most Offensive Things People", 0, 31)
    >>> toks[_after_list_head(toks, 1, 4)][2]
    'People'
    """
    for k in range(start, end):
        if toks[k][2].lower() in _LIST_HEADS and (
            k == 0 or any(t[2][:1].isdigit() for t in toks[:k]) or _list_clause(toks, start, k)
        ):
            return k + 1
    if start >= 2 and _compass_initial(toks, start):
        return start - 2  # "N. Korea warns": North Korea, not Korea
    return start


def _list_clause(toks: list[tuple[int, int, str]], start: int, k: int) -> bool:
    """A list head with at most two describing words before it and a noun that can speak
    after it (``The Appalling Things People Have Said``, ``Weird Ways Guys Say``); not
    ``Times`` (``Financial Times Editor``).

    >>> toks = word_spans("Weird Ways Guys", 0, 15)
    >>> _list_clause(toks, 0, 1), _list_clause(word_spans("Financial Times Editor", 0, 22), 0, 1)
    (True, False)
    """
    if toks[k][2].lower() == "times" or k - start > 3:
        return False
    before = [t[2] for t in toks[start:k] if t[2].lower() not in DETERMINERS]
    nxt = toks[k + 1][2]
    return len(before) <= 2 and (speaking_head(nxt) or nxt.lower() in _GIVEN_NAMES)


def _compass_initial(toks: list[tuple[int, int, str]], k: int) -> bool:
    """A compass initial and its full stop before token ``k`` name a known place with it
    (``N.Korea``, ``S.Africa``; ``N. Korea`` with a space is one phrase already, its
    initial one word).

    >>> toks = word_spans("N.Korea warns", 0, 13)
    >>> _compass_initial(toks, 2), [t[2] for t in word_spans("N. Korea warns", 0, 14)]
    (True, ['N.', 'Korea', 'warns'])
    """
    from .speakers import canonical_or_none  # imported here: speakers imports this module

    init, dot = toks[k - 2], toks[k - 1]
    if init[2] not in ("N", "S", "E", "W") or dot[2] != "." or init[1] != dot[0]:
        return False
    return canonical_or_none(f"{init[2]}. {toks[k][2]}") is not None


def _bare_verb(text: str, pos: int) -> bool:
    """The verb at ``pos`` has its bare form (``Announce``, not ``Announces``/``Announced``).

    >>> _bare_verb("Yahoo May Announce Layoffs", 10), _bare_verb("Theresa May Announces", 12)
    (True, False)
    >>> _bare_verb("Theresa May said", 12)
    False
    """
    m = re.match(r"\s*([^\W\d_]+)", text[pos : pos + 40])
    return m is not None and m.group(1).lower() in _LEMMAS


def _trim_right(
    toks: list[tuple[int, int, str]], text: str, cue_start: int
) -> list[tuple[int, int, str]]:
    """The tokens before a cue without what ends no speaker phrase: adverbs and auxiliaries,
    a date, a weekday, a modal ``May``; a name's ``Inc.`` and bracketed acronym are cut too."""
    while toks and (toks[-1][2].lower() in SKIP or is_adverb(toks[-1][2])):
        toks = toks[:-1]  # "the panel unanimously endorsed", "INTERCEPT PREVIOUSLY REVEALED"
    if len(toks) >= 2 and toks[-1][2].lower() == "may" and _bare_verb(text, cue_start):
        toks = toks[:-1]  # "Yahoo May Announce Layoffs": a modal ("Theresa May Announces")
    while len(toks) >= 3 and _DATE_WORDS.fullmatch(toks[-1][2]) and toks[-2][2] in _DATE_PREPS:
        toks = toks[:-2]  # "A paper in Nature in October argued": a date, not the speaker
    while len(toks) >= 2 and toks[-1][2] in _WEEKDAYS:
        toks = toks[:-1]  # "PeopleSoft Friday said", "officials Tuesday said": the day is no name
    toks = _cut_ticker(toks, text)  # "Fleetwood Enterprises Inc. FLE.N said": not "N"
    if len(toks) >= 3 and toks[-1][2] == "." and toks[-2][2].lower() in _NAME_ENDS:
        toks = toks[:-1]  # "Pfizer Inc. said", "Antonio Sabato Jr. says": part of the name
    if len(toks) >= 3 and toks[-1][2] == ")" and toks[-3][2] == "(":
        toks = toks[:-3]  # "The Pensions Policy Institute (PPI) said", "... (BCC) has said"
    return toks


#: a stock ticker after a company's name: Reuters' ``<6758.T>`` in angle brackets, or bare
#: ``FLE.N`` / ``ABBN.VX`` with an exchange suffix (New York, Nasdaq, London, Tokyo, Toronto,
#: Paris, Frankfurt/Xetra, Hong Kong, Shanghai, Shenzhen, Seoul, Sydney, Milan, Amsterdam,
#: Zurich, Stockholm, Copenhagen, Helsinki, Oslo, Singapore, Bombay, Madrid)
_TICKER_RE = re.compile(
    r"<[A-Z0-9]{1,8}\.[A-Z]{1,3}>"
    r"|[A-Z0-9]{2,8}\.(?:N|O|OQ|A|L|T|TO|PA|DE|F|HK|SS|SZ|KS|AX|MI|AS|VX|S|ST|CO|HE|OL|SI|BO|MC)"
)


def _cut_ticker(toks: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """``toks`` without the stock tickers among them (:data:`_TICKER_RE`), each standing
    apart right after a capitalised word (the company's name, ``Inc.`` with its full stop):
    at their end or inside a coordination (``Fannie Mae FNM.N and Freddie Mac FRE.N``).

    >>> t = "Fleetwood Enterprises Inc FLE.N"
    >>> [w for *_, w in _cut_ticker(word_spans(t, 0, len(t)), t)]
    ['Fleetwood', 'Enterprises', 'Inc']
    >>> t = "Fannie Mae FNM.N and Freddie Mac FRE.N"
    >>> [w for *_, w in _cut_ticker(word_spans(t, 0, len(t)), t)]
    ['Fannie', 'Mae', 'and', 'Freddie', 'Mac']
    """
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        n = _ticker_at(toks, i, out, text)
        if n:
            i += n
            continue
        out.append(toks[i])
        i += 1
    return out


def _ticker_at(
    toks: list[tuple[int, int, str]], i: int, kept: list[tuple[int, int, str]], text: str
) -> int:
    """The number of tokens of a ticker starting at ``toks[i]`` after the ``kept`` tokens
    (5: ``<``, code, ``.``, suffix, ``>``; 3: code, ``.``, suffix), else 0."""
    if not kept or toks[i][0] == kept[-1][1]:
        return 0  # the ticker must stand apart from the word before it
    before = kept[-2][2] if kept[-1][2] == "." and len(kept) > 1 else ""
    if not (is_cap(kept[-1][2]) or is_cap(before)):  # "Inc FLE.N", "Inc. FLE.N"
        return 0
    for n in (5, 3):
        end = i + n
        if end > len(toks) or not _TICKER_RE.fullmatch(text[toks[i][0] : toks[end - 1][1]]):
            continue
        if end == len(toks) or toks[end][0] > toks[end - 1][1] or not toks[end][2][0].isalnum():
            return n
    return 0


#: a ticker inside a speaker phrase, with the space before it (:func:`name_of` drops it)
_TICKER_INSIDE_RE = re.compile(r"(?<=[\w.])[ \t]+(?:" + _TICKER_RE.pattern + r")(?![\w.])")


def _joins_left(toks: list[tuple[int, int, str]], j: int, lo: int) -> bool:
    """The preposition ``toks[j]`` is inside a body's name read leftwards: after a body's
    head (:func:`_of_head`: ``Georgia Bureau of Investigation``) or a lower-case ``of``/``for``
    after a one-word head (:func:`_body_first`: ``Democracy for America said``)."""
    if j <= 0:
        return False
    nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
    if _of_head(toks[j - 1][2], toks[j][2].lower(), nxt):
        return True
    return toks[j][2] in ("of", "for") and bool(nxt) and _body_first(toks, j - 1, lo)


def _left_np(text: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    toks = _trim_right(word_spans(text, lo, cue_start), text, cue_start)
    j = len(toks) - 1
    if j < 0:
        return None
    caps = is_all_caps(text[lo:cue_start])
    end_tok = j
    if toks[j][2].lower() in PRONOUNS:
        return toks[j][0], toks[j][1]
    start_tok = None
    while j >= 0:
        tok = toks[j][2]
        low = tok.lower()
        if low in ("'s", "\u2019s") and j > 0 and is_cap(toks[j - 1][2]):
            j -= 1
            continue
        if low in DETERMINERS:
            start_tok = j
            break
        if low in ("and", "&") and start_tok is not None and j > 0 and np_token_ok(toks[j - 1][2]):
            j -= 1
            continue
        if low in ("of", "in", "on", "for") and start_tok is not None and _joins_left(toks, j, lo):
            j -= 1
            continue
        if low == "the" or not np_token_ok(tok, caps):
            break
        if j > 0 and _DATE_WORDS.fullmatch(tok) and toks[j - 1][2].lower() in _DATE_PREPS:
            break  # "In March Smith said": a date before the name
        start_tok = j
        j -= 1
    if start_tok is None and caps and _actor_opens(toks, end_tok):
        return toks[end_tok][0], toks[end_tok][1]  # "COVID: WHO SAYS": the WHO, not "who"
    if start_tok is None:
        w = toks[end_tok][2]
        if (
            end_tok > 0
            and w.isalpha()
            and w.islower()
            and toks[end_tok - 1][2].lower() in ("a", "an", "the")
        ):
            return toks[end_tok - 1][0], toks[end_tok][1]  # "..., a clergyman has said"
        if (
            end_tok > 0
            and w.isalpha()
            and w.islower()
            and toks[end_tok - 1][2].lower() in _POSSESSIVE_PRONOUNS
            and _person_head(w)
        ):
            return toks[end_tok - 1][0], toks[end_tok][1]  # "but his dad said, '...'"
        if end_tok > 1 and w.isalpha() and w.islower() and _possessor(toks, end_tok - 1):
            return toks[end_tok - 2][0], toks[end_tok][1]  # "The girl's parents said"
        owned = _possessed_head(toks, end_tok)
        if owned is not None:
            return owned  # "Meghan Markle's estranged brother says"
        return (
            _named_head_left(toks, end_tok, text, lo)
            or _bare_plural_left(toks, end_tok, text, lo)
            or description_np(toks, end_tok)
        )
    start_tok = _compound_start(toks, j, start_tok, end_tok)
    start_tok = _comma_list(toks, start_tok, end_tok)  # "Sony, IBM, and Toshiba Reveal"
    # strip a dangling "and"/preposition at the left edge
    while start_tok <= end_tok and toks[start_tok][2].lower() in ("and", "of", "in", "on", "for"):
        start_tok += 1
    if start_tok > end_tok:
        return None
    start_tok = _after_list_head(toks, start_tok, end_tok)  # and "N. Korea": not "Korea"
    if end_tok - start_tok >= 2 and _issues_document(toks[end_tok - 1][2], toks[end_tok][2]):
        end_tok -= 2  # "House Dems Issue Memo Claiming": the issuer of the memo speaks
    body = [t[2] for t in toks[start_tok : end_tok + 1]]
    if not any(is_cap(t) or t.lower() in ROLE_NOUNS for t in body if t.lower() not in DETERMINERS):
        if not (len(body) > 1 and body[-1].islower() and body[-1] in TITLES):
            return None  # a title heads a description too: "the mayor vowed"
    return toks[start_tok][0], toks[end_tok][1]


#: Words whose ``'s`` is a contraction (``Here's``, ``What's``), never a possessor's.
_NOT_POSSESSOR = frozenset("here there it that what who where when how let he she".split())


def _named_head_left(
    toks: list[tuple[int, int, str]], end: int, text: str, lo: int
) -> tuple[int, int] | None:
    """A lower-case head noun that can speak after one to three capitalised words (a place,
    a body or a person's possessive) opening the sentence or following a comma: ``Uvalde
    mother says``, ``Congo auditor says``, ``Donald Trump's niece said``.

    >>> t = "Donald Trump's niece"
    >>> a, b = _named_head_left(word_spans(t, 0, 20), 2, t, 0)
    >>> t[a:b], _named_head_left(word_spans("Covid cases", 0, 11), 1, "Covid cases", 0)
    ("Donald Trump's niece", None)
    """
    w = toks[end][2]
    if not (_plain_word(w) and speaking_head(w)) or w in _FUNCTION_WORDS:
        return None
    k = end
    while k > 0 and end - k < 4:
        prev = toks[k - 1][2]
        stem = prev.lower().rstrip("s").rstrip("'\u2019")
        if prev in ("'s", "\u2019s") and k > 1 and is_cap(toks[k - 2][2]):
            k -= 1
        elif stem in _NOT_POSSESSOR or stem in _FUNCTION_WORDS:
            break  # "Here's Google's letter": a contraction, not a possessor
        elif is_cap(prev) and np_token_ok(prev) and prev not in CAP_STOP:
            k -= 1
        else:
            break
    if k == end or toks[k][2] in ("'s", "\u2019s") or toks[k][2].lower() in DETERMINERS:
        return None
    opens = k == 0 and not text[lo : toks[0][0]].strip()
    if not (opens or k > 0 and toks[k - 1][2] == ","):
        return None
    return toks[k][0], toks[end][1]


_NUMBER_WORD_RE = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds"
    r"|thousands|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven"
    r"|eigh|nine)ty)",
    re.IGNORECASE,
)


def _bare_plural_left(
    toks: list[tuple[int, int, str]], end: int, text: str, lo: int
) -> tuple[int, int] | None:
    """A lower-case plural head with up to two lower-case modifiers after a comma (``...,
    lenders have said``, ``"...," flood victims say``) or opening the sentence, or the words
    after a headline's topic colon, with its first word capitalised (``Flood victims say``,
    ``Cost of living: Retail giants call for``); a head of more
    than one word must be able to speak (``Consumer prices rose`` names no one).

    >>> t = "Flood victims say"
    >>> a, b = _bare_plural_left(word_spans(t, 0, 13), 1, t, 0)
    >>> t[a:b], _bare_plural_left(word_spans("Consumer prices", 0, 15), 1, t, 0)
    ('Flood victims', None)
    """
    w = toks[end][2]
    if not (_plain_word(w) and len(w) > 3 and w.endswith("s") and not w.endswith("ss")):
        return None
    k = end
    while k > 0 and end - k < 2 and _plain_word(toks[k - 1][2]):
        k -= 1
    if k > 0 and (
        toks[k - 1][2] == ","
        or k > 1
        and toks[k - 1][2] in _CLOSE_MARKS
        and toks[k - 2][2] == ","  # '"...," X say'
    ):
        return (toks[k][0], toks[end][1]) if k == end or speaking_head(w) else None
    first = toks[k - 1][2] if k > 0 else ""
    opens = k == 1 and not text[lo : toks[0][0]].strip() or k > 1 and toks[k - 2][2] == ":"
    if not opens or not speaking_head(w):  # at the start or after a headline's topic colon
        return None
    if not (first[:1].isupper() and first[1:].islower() and _plain_word(first.lower())):
        return None
    if first in CAP_STOP:
        return None  # "Yet polls suggest": a conjunction, not a modifier
    if _NUMBER_WORD_RE.fullmatch(first):
        return None  # "Four jackpot winners confirmed in ...": a count opens a passive as often
    return toks[k - 1][0], toks[end][1]


def _of_head(word: str, prep: str, nxt: str) -> bool:
    """A body's head before ``of``/``in``/``on``/``for`` in a speaker's name, or a document's
    (before ``in`` only with a known place or actor after it): ``Georgia Bureau of
    Investigation``, ``Oil Companies In Nigeria``, ``2012 Report on X``, ``Coral Study in
    Mexico`` (``A paper in Nature``: the journal speaks).

    >>> _of_head("Bureau", "of", "X"), _of_head("Companies", "in", "X"), _of_head("Report", "on", "X")
    (True, True, True)
    >>> _of_head("paper", "in", "Nature"), _of_head("Study", "in", "Mexico"), _of_head("Pledges", "of", "X")
    (False, True, False)
    """
    from .speakers import canonical_or_none  # imported here: speakers imports this module

    low = word.lower()
    forms = {low, low[:-3] + "y"} if low.endswith("ies") else {low, low.removesuffix("s")}
    known = prep != "in" or canonical_or_none(nxt) is not None
    docs = DOCUMENTS if known else frozenset()
    return any(f in ORG_HEADS or f in _INSTITUTION_NOUNS or f in docs for f in forms)


def _comma_list(toks: list[tuple[int, int, str]], start: int, end: int) -> int:
    """The first token of a list of capitalised names joined by commas and ``and`` that opens
    the sentence and ends in the phrase at ``start`` (``Sony, IBM, and Toshiba Reveal``,
    ``Sony, IBM and Toshiba say``); else ``start``.

    >>> toks = word_spans("Sony, IBM, and Toshiba", 0, 22)
    >>> _comma_list(toks, 5, 5), _comma_list(word_spans("In Paris, IBM and Sony", 0, 22), 3, 5)
    (0, 3)
    """
    k = start - 1
    if k >= 1 and toks[k][2].lower() in ("and", "&") and toks[k - 1][2] == ",":
        k -= 1  # the serial comma: "IBM, and Toshiba"
    elif (
        k < 0
        or toks[k][2] != ","
        or not any(t[2].lower() in ("and", "&") for t in toks[start : end + 1])
    ):
        return start
    while True:
        g, n = k - 1, 0
        while g >= 0 and n < 3 and is_cap(toks[g][2]) and toks[g][2] not in CAP_STOP:
            g, n = g - 1, n + 1
        if n == 0 or g >= 0 and toks[g][2] != ",":
            return start
        if g < 0:
            return 0
        k = g


def _possessed_head(toks: list[tuple[int, int, str]], end: int) -> tuple[int, int] | None:
    """A capitalised possessor, up to two lower-case modifiers and a lower-case head that is a
    person or a body (``Meghan Markle's estranged brother``, ``Trump's former lawyer``,
    ``Australia's central bank``, ``China's commerce ministry``), or None."""
    w = toks[end][2]
    if not (w.isalpha() and w.islower() and (_person_head(w) or w in ORG_HEADS)):
        return None
    k = end - 1
    while k > 0 and end - k <= 2 and toks[k][2].isalpha() and toks[k][2].islower():
        if toks[k][2] in _FUNCTION_WORDS:
            return None
        k -= 1
    if k < 0 or k == end:
        return None
    tok = toks[k][2]
    if tok in ("'s", "\u2019s") and k > 0 and is_cap(toks[k - 1][2]):
        k -= 1
    elif not (tok.endswith(("'s", "\u2019s")) and is_cap(tok)):
        return None
    return toks[_name_start(toks, k, end - 8)][0], toks[end][1]


def _possessor(toks: list[tuple[int, int, str]], j: int) -> bool:
    """``toks[j]`` is a lower-case possessive noun after an article (``the girl's``)."""
    w = toks[j][2]
    stem = w[:-2] if w.lower().endswith(("'s", "\u2019s")) else ""
    return stem.isalpha() and stem.islower() and toks[j - 1][2].lower() in ("a", "an", "the")


#: Verbs that put out a document (``Issue Memo``, ``Releases Report``, ``Sends Letter``).
_ISSUE_VERBS = frozenset(_WORDS["issue_verbs"])


def _issues_document(verb: str, noun: str) -> bool:
    """A capitalised verb of putting out a document before a document noun (Title Case or
    all caps, where the verb looks like a name's word).

    >>> _issues_document("Issue", "Memo"), _issues_document("Press", "Release")
    (True, False)
    """
    return is_cap(verb) and verb.lower() in _ISSUE_VERBS and noun.lower() in DOCUMENTS


def _actor_opens(toks: list[tuple[int, int, str]], j: int) -> bool:
    """``toks[j]`` is a known actor (``WHO``) right after punctuation or at the start."""
    from .speakers import canonical_or_none  # imported here: speakers imports this module

    before = toks[j - 1][2] if j > 0 else ","
    return not before[:1].isalnum() and canonical_or_none(toks[j][2]) is not None


_OPEN_MARKS = frozenset("\"\u201c\u2018'")
_CLOSE_MARKS = frozenset("\"\u201d\u2019'")
#: Most words of a description before its head noun (modifiers, or a quoted title's words).
_MAX_DESCRIPTION = 6


_FUNCTION_WORDS = frozenset(_WORDS["function_words"])
#: Lemmas (bare forms) of the reporting verbs in ``data/reporting_verbs.yml``.
_LEMMAS = frozenset(
    (v if isinstance(v, str) else next(iter(v))).split()[0].lower()
    for spec in load_lexicon("reporting_verbs").data["classes"].values()
    for v in spec.get("verbs") or []
)
#: Plural heads of list headlines, object of the clause after them (``Things People Say``).
_LIST_HEADS = frozenset(_WORDS["list_heads"])


def _plain_word(w: str) -> bool:
    """A lower-case content word (a description's modifier or head)."""
    low = w.lower()
    return (
        w.isalpha()
        and w.islower()
        and low not in SKIP
        and low not in PRONOUNS
        and low not in DETERMINERS
        and low not in _FUNCTION_WORDS
    )


def description_np(toks: list[tuple[int, int, str]], end: int) -> tuple[int, int] | None:
    """A description ending at ``toks[end]``, opening right after a closing quote mark or
    at the sentence start: a determiner, lower-case modifiers or one quoted title, and a lower-case head
    noun (``," the country singer told``, ``” the former sports reporter said``, ``the
    "Seinfeld" star revealed``, ``said the “Full Frontal” host.``).

    >>> t = 'Women hated me," the "Seinfeld" star revealed'
    >>> a, b = description_np(word_spans(t, 0, 39), 9)
    >>> t[a:b]
    'the "Seinfeld" star'
    """
    if not _plain_word(toks[end][2]):
        return None
    k, n = end - 1, 0
    while k >= 0 and n < _MAX_DESCRIPTION:
        w = toks[k][2]
        if w.lower() in ("the", "a", "an"):
            opens = k > 0 and toks[k - 1][2] in _CLOSE_MARKS  # "..., ” the singer told"

            return (toks[k][0], toks[end][1]) if opens else None
        if w in _CLOSE_MARKS and k > 0 and is_cap(toks[k - 1][2]):
            m = k - 1
            while m > 0 and toks[m][2] not in _OPEN_MARKS and k - m <= _MAX_DESCRIPTION:
                m -= 1
            if toks[m][2] not in _OPEN_MARKS:
                return None
            k, n = m - 1, n + 1
            continue
        if not _plain_word(w):
            return None
        k, n = k - 1, n + 1
    return None


def _description_right(toks: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """A description after its cue that ends the sentence: ``said the “Full Frontal” host.``
    (a determiner, then lower-case words or one quoted title, then a full stop or the end;
    not ``indicating a slowing housing market, lenders have said``)."""
    if toks and toks[0][2].lower() not in ("the", "a", "an"):
        return _bare_plural_right(toks)
    if not toks:
        return None
    j, last = 1, None
    while j < len(toks) and j <= _MAX_DESCRIPTION + 2:
        w = toks[j][2]
        if w in _OPEN_MARKS and last is None:
            k = j + 1
            while k < len(toks) and toks[k][2] not in _CLOSE_MARKS and is_cap(toks[k][2]):
                k += 1
            if k == j + 1 or k >= len(toks) or toks[k][2] not in _CLOSE_MARKS:
                return None
            j = k + 1
            continue
        if _plain_word(w):
            last, j = j, j + 1
            continue
        break
    ends = j >= len(toks) or toks[j][2] in (".", "!", "?")
    return (toks[0][0], toks[last][1]) if last is not None and ends else None


#: Plural agent-noun endings (``economists``, ``investors``, ``traders``, ``historians``).
_AGENT_PLURALS = ("ers", "ists", "ors", "ians")
_PLACE_PREPS = frozenset(("at", "in", "from", "with", "for", "of"))


def _bare_plural_right(toks: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """A bare plural that can speak after an inverted cue, ending the sentence or before
    a preposition: ``"...," say economists.``, ``say local officials in Kabul``.

    >>> t = "say economists at the bank."
    >>> a, b = _bare_plural_right(word_spans(t, 4, len(t)))
    >>> t[a:b]
    'economists'
    """
    j = 0
    while j < min(len(toks), 3) and _plain_word(toks[j][2]):
        j += 1
    if j == 0:
        return None
    head = toks[j - 1][2]
    if not (head in ROLE_NOUNS or len(head) > 5 and head.endswith(_AGENT_PLURALS)):
        return None
    if not head.endswith("s") or head.endswith("ss"):
        return None
    if j < len(toks) and toks[j][2] not in (".", "!", "?") and toks[j][2] not in _PLACE_PREPS:
        return None
    return toks[0][0], toks[j - 1][1]


_APPOSITIVE = frozenset(_WORDS["appositive_nouns"])
_AGENT_ENDINGS = tuple(_WORDS["agent_endings"])


def _describes_name(word: str) -> bool:
    """A lower-case noun that can stand before a name it describes (``maker``, ``giant``,
    ``spokesman``): a role, title or body, an agent noun by its ending, or a listed noun."""
    low = word.lower()
    if not (word.isalpha() and word.islower()) or low in SKIP or low in _FUNCTION_WORDS:
        return False
    return (
        low in ROLE_NOUNS
        or low in TITLES
        or low in ORG_HEADS
        or low in _APPOSITIVE
        or (len(low) > 4 and low.endswith(_AGENT_ENDINGS))
    )


_PERSON_NOUNS = frozenset(_WORDS["person_nouns"])
_MEDIA = frozenset(_WORDS["media_words"])
_GIVEN_NAMES = frozenset(_WORDS["given_names"])


def speaking_head(word: str) -> bool:
    """A head noun that can speak: a role, title, body, document, person or describing noun,
    or an agent noun by its ending (``Dad``, ``Model``, ``Physicist``, ``Maker``); a plural
    through its singular (``Kids``, ``Parents``)."""
    low = word.lower()
    forms = {low, low[:-1]} if low.endswith("s") and not low.endswith("ss") else {low}
    if low.endswith("ies"):
        forms.add(low[:-3] + "y")  # "Agencies", "Companies"
    known = ROLE_NOUNS | TITLES | ORG_HEADS | DOCUMENTS | _PERSON_NOUNS | _APPOSITIVE | _MEDIA
    return any(f in known for f in forms) or (len(low) > 4 and low.endswith(_AGENT_ENDINGS))


def thing_plural(text: str, np_: tuple[int, int]) -> bool:
    """A Title Case phrase of two or three common words whose plural head cannot speak
    (``Decaying Pig Corpses Reveal``, ``Thai Protests Reveal``; not ``Tech Leaders Say``,
    ``Couples Reveal`` or a name: ``Sunny Leone``).

    >>> thing_plural("Decaying Pig Corpses", (0, 20)), thing_plural("Tech Leaders", (0, 12))
    (True, False)
    """
    toks = [w for _, _, w in word_spans(text, np_[0], np_[1])]
    if not 2 <= len(toks) <= 3 or is_all_caps(text[np_[0] : np_[1]]):
        return False
    if not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in toks):
        return False
    head = toks[-1].lower()
    if not head.endswith("s") or head.endswith("ss") or speaking_head(head):
        return False
    return not any(w.lower() in _GIVEN_NAMES or w.lower() in DETERMINERS for w in toks)


def thing_description(text: str, np_: tuple[int, int], *, opened: bool = False) -> bool:
    """A Title Case speaker phrase that opens with a determiner and whose head cannot speak:
    ``This Quiz Will Tell You``, ``These Portraits Reveal``, ``The Zodiac Signs`` (not ``This
    Dad Wrote``, ``A Former Model Told``, ``One Direction's Louis Tomlinson Called``).

    >>> t = "This Color Quiz Will Tell You"
    >>> thing_description(t, (0, 15)), thing_description("This Dad Wrote", (0, 8))
    (True, False)

    ``opened``: a determiner stands right before the phrase (``Your Zodiac Sign``).
    """
    toks = [w for _, _, w in word_spans(text, np_[0], np_[1])]
    if is_all_caps(text[np_[0] : np_[1]]):
        return False  # "THE INTERCEPT PREVIOUSLY REVEALED": case tells nothing
    if opened:
        toks = ["the", *toks]
    if len(toks) < 2 or toks[0].lower() not in DETERMINERS or toks[0][:1].islower() and not opened:
        return False
    if any(w in ("'s", "\u2019s") or w.lower() in _GIVEN_NAMES for w in toks):
        return False  # a possessor or a person's name: "One Direction's Louis Tomlinson"
    return toks[-1][:1].isupper() and not speaking_head(toks[-1])


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words (``data/common_words.txt``) and stopwords, lower case."""
    raw = (Path(__file__).parents[1] / "data" / "common_words.txt").read_text(encoding="utf-8")
    words = {w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words | load_stopwords())


def subject_np(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject opening a sentence, by its head rather than its first capital: a
    capitalised word that only opens the sentence modifies the noun after it
    (``Consumer prices rose ..., suggesting``: prices, no speaker; ``Consumer groups
    said``), and a describing noun before a name makes the name the head (``Chocolate maker
    Hershey Foods Corp. posted ... and said``).

    >>> t = "Consumer prices barely budged, suggesting that"
    >>> subject_np(t, 0, len(t)) is None
    True
    >>> t = "Chocolate maker Hershey Foods Corp. on Thursday posted a profit"
    >>> a, b = subject_np(t, 0, len(t))
    >>> t[a:b]
    'Chocolate maker Hershey Foods Corp'
    """
    np_ = right_np(text, lo, hi)
    if np_ is None:
        return None
    toks = word_spans(text, np_[1], min(hi, np_[1] + 120))
    if not toks or not _plain_word(toks[0][2]) or is_adverb(toks[0][2]):
        return np_
    j = 0
    while j < min(len(toks), 2) and _describes_name(toks[j][2]):
        j += 1
    if 0 < j < len(toks) and is_cap(toks[j][2]) and toks[j][2] not in CAP_STOP:
        name = right_np(text, toks[j][0], hi)
        if name is not None:
            return np_[0], name[1]  # "Chocolate maker Hershey": the name is the head
    first = word_spans(text, np_[0], np_[1])
    word = first[0][2].lower() if len(first) == 1 else ""
    speaks = word in ROLE_NOUNS or word in TITLES or word in ORG_HEADS
    if not word or word not in common_words() or speaks or word.endswith(_AGENT_PLURALS):
        return np_  # "Obama wants", "Experts raise": a name or a speaking noun
    head = toks[0][2]
    if head in ROLE_NOUNS or len(head) > 5 and head.endswith(_AGENT_PLURALS):
        return np_[0], toks[0][1]  # "Consumer groups said"
    low = head.lower()
    if low in DOCUMENTS or low.endswith("s") and low[:-1] in DOCUMENTS:
        return np_[0], toks[0][1]  # "Court documents say", "Police reports say": a document
    return None  # "Consumer prices rose": the word modifies a head that cannot speak


#: Prepositions that end a speaker phrase read rightwards, in any case (a Title Case ``Of``
#: after a head that is no body's: ``Warns Customers Of Data Breach``).
_NP_PREPOSITIONS = frozenset(
    "of about over against to into onto by amid among via upon under toward towards".split()
)


def _body_joined(word: str, nxt: str, prep: str = "of") -> bool:
    """A one-word name's head that, with ``of``/``for`` and a capitalised word after it, is an
    organisation's name (``Democracy for America``, ``Friends of the Earth``, ``Physicians
    for Human Rights``): a common or abstract noun or a plural agent noun, no person's name,
    title or known actor (``said Smith of Reuters``: Smith speaks); before ``for`` also a
    people's plural name (``Americans for Prosperity``; not ``Americans of ...``).

    >>> _body_joined("Democracy", "America"), _body_joined("Friends", "Earth")
    (True, True)
    >>> _body_joined("Smith", "Reuters"), _body_joined("Obama", "America")
    (False, False)
    >>> _body_joined("Americans", "Prosperity", "for"), _body_joined("Americans", "Japan")
    (True, False)
    """
    from .speakers import canonical_or_none  # imported here: speakers imports this module

    low = word.lower()
    if not (is_cap(word) and np_token_ok(nxt)) or nxt in CAP_STOP or word.isupper():
        return False
    if prep == "for" and low.endswith("s") and is_nationality(word):
        return True  # "Americans for Prosperity", "Britons for Europe"
    if low in _GIVEN_NAMES or low in TITLES or canonical_or_none(word) is not None:
        return False
    return low in common_words() or _abstract_noun(word) or low.endswith(_AGENT_PLURALS)


def _body_joined_at(
    toks: list[tuple[int, int, str]], j: int, first: int | None, last: int | None
) -> int | None:
    """The token after a lower-case ``of``/``for`` at ``j`` (and ``the``) that continues the
    one-word name ``toks[first]`` into a body's name (:func:`_body_joined`), else None."""
    if toks[j][2] not in ("of", "for") or last is None or last != first or j + 1 >= len(toks):
        return None
    k = j + 2 if toks[j + 1][2].lower() == "the" else j + 1
    return k if k < len(toks) and _body_joined(toks[last][2], toks[k][2], toks[j][2]) else None


def right_np(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """Speaker noun phrase starting at ``pos`` (inversion: ``said the spokesman``)."""
    toks = word_spans(text, pos, hi)
    if not toks:
        return None
    j = 0
    first = None
    last = None
    if toks[0][2].lower() in DETERMINERS:
        first = 0
        j = 1
    elif toks[0][2].lower() in PRONOUNS and toks[0][2].lower() != "it":
        return toks[0][0], toks[0][1]
    elif re.split(r"['\u2019]", toks[0][2].lower())[0] in PRONOUNS and len(toks[0][2]) > 3:
        return None  # "Says She's At Her 'Best'": a pronoun and a verb open the reported clause
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
            and toks[last][2].lower() in ORG_HEADS
            and j + 1 < len(toks)
        ):
            k = j + 1
            if toks[k][2].lower() == "the":
                k += 1
            if k < len(toks) and is_cap(toks[k][2]):
                j = k
                continue
        if (joined := _body_joined_at(toks, j, first, last)) is not None:
            j = joined  # "said Democracy for America"; Title Case "Of" ends: "Customers Of X"
            continue
        if low in _NP_PREPOSITIONS:
            break  # Title Case "Warns Customers Of Data Breach": the addressee and its topic
        if (
            low in ("and", "&")
            and last is not None
            and j + 1 < len(toks)
            and is_cap(toks[j + 1][2])
        ):
            j += 1
            continue
        if (
            tok == "."
            and last == j - 1
            and toks[last][2].lower() in TITLES
            and toks[last][1] == toks[j][0]
            and j + 1 < len(toks)
            and is_cap(toks[j + 1][2])
        ):
            j += 1  # "says Dr. Mukhopadhyay": a title's abbreviation, not the sentence's end
            continue
        if not np_token_ok(tok) or (tok in CAP_STOP and low not in DETERMINERS):
            break
        if first is None:
            first = j
        last = j
        j += 1
    if last is None or first is None:
        return _description_right(toks)
    if (
        re.search(r"['\u2019]s$", toks[last][2])
        and last + 1 < len(toks)
        and toks[last + 1][2][:1].islower()
    ):
        return None  # "says Turkey's invasion of Syria 'not our problem'": the clause's subject
    body = [t[2] for t in toks[first : last + 1]]
    if not any(
        is_cap(t) or t.lower() in ROLE_NOUNS or DOMAIN_RE.fullmatch(t)
        for t in body
        if t.lower() not in DETERMINERS
    ):
        return _description_right(toks)
    return toks[first][0], toks[last][1]


_CAPS_WORDS = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
#: A person's age and home town between the name and a description: ``, 40, of Opelika,
#: Alabama,`` (the place is no speaker).
_HOME_RE = re.compile(
    rf",\s*(?:\d{{1,3}}\s*,\s*)?(?:of|from)\s+{_CAPS_WORDS}(?:\s*,\s*{_CAPS_WORDS})?\s*,$"
)


def _body_phrase(np_text: str) -> bool:
    """A body's whole name ``Head of/for (the) Name ...`` (:func:`_body_joined`):
    ``Democracy for America``, ``Friends of the Earth``.

    >>> _body_phrase("Democracy for America"), _body_phrase("the spokesman for the group")
    (True, False)
    """
    toks = [t for t in WORD_RE.findall(np_text) if t.lower() not in ("the", "a", "an")]
    if len(toks) < 3 or toks[1] not in ("of", "for") or not all(is_cap(t) for t in toks[2:]):
        return False
    return _body_joined(toks[0], toks[2], toks[1])


def _proper_head(name: str) -> bool:
    """A description whose words are all capitalised, at least two: a body's or a company's
    own name with its head noun (``Ambac Financial Group``, ``Bank of England``), not
    ``the group`` or ``Group``.

    >>> _proper_head("Ambac Financial Group"), _proper_head("Group"), _proper_head("bond insurer")
    (True, False, False)
    """
    words = [w for w in WORD_RE.findall(name) if w.lower() not in DETERMINERS]
    if any(w.lower() in ("and", "&") for w in words):
        return False  # "Germany and Greece": two names
    caps = [w for w in words if w.lower() not in ("of", "for")]
    return len(caps) >= 2 and all(is_cap(w) for w in caps) and is_cap(words[0])


def _describes(between: str) -> bool:
    """The words between two commas open a description of the name before them: a
    lower-case word first (``a bond insurer``, ``which makes ...``), not a name or a clause
    of its own (``Merkel said``).

    >>> _describes(" a bond insurer"), _describes(" Merkel said"), _describes(" ")
    (True, False, False)
    """
    first = WORD_RE.search(between)
    return first is not None and first.group()[:1].islower()


def apposition(text: str, view: str, lo: int, comma: int) -> tuple[int, int] | None:
    """Speaker in ``NAME, description, said`` or ``description, NAME, said``."""
    inner = left_np(text, lo, comma)
    if inner is not None and view[lo : inner[0]].rstrip().endswith(","):
        comma2 = view.rindex(",", lo, inner[0])
    else:
        # "John Ison, from the group Fathers 4 Justice, said": any short description
        comma2 = view.rfind(",", lo, comma)
        if comma2 < 0 or comma - comma2 > 80 or "\n" in view[comma2:comma]:
            return None
        inner = None
    home = _HOME_RE.search(view, lo, comma2 + 1)
    if home is not None:
        comma2 = home.start()  # "Eddie Foreman, 40, of Opelika, Alabama, who ..., said"
    outer = left_np(text, lo, comma2)
    if outer is not None and inner is None:
        name, kind, _ = name_of(text[outer[0] : outer[1]])
        named = kind == "name" or _body_phrase(text[outer[0] : outer[1]])
        if not named and _proper_head(name):  # "Ambac Financial Group, a bond insurer, said"
            named = _describes(view[comma2 + 1 : comma])
        return outer if named else None
    for cand in (inner, outer):
        if cand is not None:
            name, kind, _ = name_of(text[cand[0] : cand[1]])
            if kind == "name" and len(name.split()) >= 2:
                return cand
    return outer or inner


def name_of(np_text: str) -> tuple[str, str, bool]:
    """Return ``(name, kind, has_title)`` for a speaker noun phrase.

    kind is "pronoun", "name" or "description".
    """
    np_text = _TICKER_INSIDE_RE.sub("", np_text)  # "Fannie Mae FNM.N": the company's name
    toks = [t for t in WORD_RE.findall(np_text) if t not in ("'s", "\u2019s")]
    toks = [t for t in toks if t != "," and t not in _OPEN_MARKS | _CLOSE_MARKS]
    if len(toks) == 1 and (toks[0].lower() in PRONOUNS or is_unnamed_person(toks[0])):
        return toks[0], "pronoun", False
    doc = generic_document([t for t in toks if t.lower() not in DETERMINERS])
    if doc is not None:
        return doc, "description", True
    # trailing run of name tokens after the last title/modifier word
    run: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        low = t.lower()
        if low in MODIFIERS and run and is_cap(t) and i > 0 and toks[i - 1].lower() in DETERMINERS:
            run.insert(0, t)  # "the White House": a capitalised modifier inside a name
            continue
        if low in MODIFIERS and run and is_cap(t) and i == 0 and _known(t, run):
            run.insert(0, t)  # "White House": a name of the actor table
            continue
        if low in MODIFIERS and run and is_cap(t) and _place(t, run):
            run.insert(0, t)  # "New York AG", "GOP New Hampshire Guv": a place's name
            continue
        if i == 0 and len(toks) == 2 and len(run) == 1 and is_cap(t) and is_nationality(t):
            if _company(run[0]):
                run.insert(0, t)  # "American Eagle", "British Gas": a company's name
                continue
        if low in MODIFIERS and is_nationality(t) and _plural_name(run):
            run.insert(0, t)  # "American Airlines Pilot": the demonym starts a company's name
            continue
        if low in TITLES or low in MODIFIERS or low in ROLE_NOUNS or low in DETERMINERS:
            break
        if low in _PARTY_MEMBERS and len(run) >= 2 and _bare_name(run):
            break  # "Republican Darrell Issa": the party (not "Conservative Website Column")
        if t == "&" and run and i > 0 and is_cap(toks[i - 1]):
            run.insert(0, t)  # "Ernst & Young", "AT & T": one firm
            continue
        if low in ("of", "in", "on", "for", "and"):
            run = []
            break
        if run and re.search(r"['\u2019]s$", t):
            if is_cap(t) and _firm_noun(run):
                run.insert(0, t)  # "Moody’s Analytics": a possessive opens a company's name
                continue
            if is_cap(t) and _abstract_noun(run[-1]):
                run = [t[:-2]]  # "Nikola Tesla’s Time Travel Experience": the possessor
                continue
            break  # "One Direction's Louis Tomlinson": the possessor is not the name
        if is_cap(t) or low in PARTICLES or low.startswith(("al-", "el-")):
            if is_cap(t) and is_nationality(t) and len(run) == 1:
                break
            run.insert(0, t)
        else:
            break
    while run and run[0].lower() in PARTICLES and not is_cap(run[0]):  # keep "Al Qaeda"
        run.pop(0)
    if len(run) > 1 and run[-1].lower().rstrip(".") in _COMPANY_SUFFIXES:
        run.pop()  # "Pfizer Inc": the company, without its legal form
    run = _whole_actor(run, [t for t in toks if t.lower() not in DETERMINERS])
    has_title = len(run) < len([t for t in toks if t.lower() not in DETERMINERS])
    if run and not (len(run) == 1 and is_nationality(run[0]) and has_title):
        name = _join_words(run)
        return (
            re.sub(r"(?<=\w) & (?=\w)", "&", name) if "&" in np_text.replace(" & ", "") else name,
            "name",
            has_title,
        )
    return _description_of([t for t in toks if t.lower() not in DETERMINERS]), "description", True


def _description_of(desc: list[str]) -> str:
    """:func:`name_of`'s name for a phrase that names nobody (determiners left out)."""
    if len(desc) > 1 and desc[-1].lower() in DOC_NOUNS:
        if topic_words(desc[:-1]):
            return " ".join(desc).lower()  # "arrest report", "Threat Report"
        poss = [i for i, w in enumerate(desc[:-1]) if re.search(r"['\u2019]s$", w)]
        rest = desc[poss[-1] + 1 : -1] if poss else []
        if rest and all(w.islower() and w not in ROLE_NOUNS | ORG_HEADS | TITLES for w in rest):
            return _join_words(
                [*desc[: poss[-1]], desc[poss[-1]][:-2]]
            )  # "Pfizer's latest safety report"
        desc = desc[:-1]
    return _join_words(desc)


def _bare_name(words: Sequence[str]) -> bool:
    """Words that can only be a name: none is a common English word or a word of the speaker
    lists (``Darrell Issa``; not ``Website Column``, ``Party``)."""
    lists = ROLE_NOUNS | ORG_HEADS | DOC_NOUNS | _MEDIA | TITLES
    return all(w.lower() not in common_words() and w.lower() not in lists for w in words)


def topic_words(words: Sequence[str]) -> bool:
    """``words`` before a document noun say what it is about, not who issued it: each is
    written in lower case or is a common English word (``joint``, ``autopsy``, ``Threat``
    in ``Threat Report``); none is a body, a role or a possessor (``ministry statement``,
    ``Embassy report``, ``the council's study``) and together they are no known actor
    (``UN report``).

    >>> topic_words(["autopsy"]), topic_words(["Threat"]), topic_words(["Pentagon"])
    (True, True, False)
    >>> topic_words(["ministry"]), topic_words(["UN"]), topic_words(["council's"])
    (False, False, False)
    """
    from .speakers import canonical_or_none  # imported here: speakers imports this module

    if not words or any(w.lower() in ROLE_NOUNS | ORG_HEADS | TITLES for w in words):
        return False
    for w in words:
        low = w.lower()
        if re.search(r"['\u2019]s?$", w) or not (
            w == low or (w[1:] == low[1:] and low in common_words())
        ):
            return False
    return canonical_or_none(" ".join(words)) is None


def generic_document(words: list[str]) -> str | None:
    """A document that names no issuer (``a new report``, ``the latest study``, ``New Book``,
    ``an annual industry report``): the document noun with its topic words, without the
    adjectives of ``doc_modifiers`` and never one of them alone; None when ``words`` are no
    such document (no such adjective, or a capitalised or speaking issuer: ``a new Pentagon
    report``, ``the ministry statement``).

    >>> generic_document(["new", "report"]), generic_document(["New", "Book"])
    ('report', 'book')
    >>> generic_document(["annual", "industry", "report"]), generic_document(["ministry", "statement"])
    ('industry report', None)
    """
    if not words or words[-1].lower() not in DOCUMENTS:
        return None
    rest = [w for w in words[:-1] if w.lower() not in DOC_MODIFIERS]
    if len(rest) == len(words) - 1:
        return None  # no such adjective: the older rules read it ("the ministry statement")
    if any(w[:1].isupper() or w.lower() in ROLE_NOUNS | ORG_HEADS | TITLES for w in rest):
        return None  # "a new Pentagon report", "a new ministry statement": the issuer speaks
    return " ".join([*rest, words[-1]]).lower()


def _whole_actor(run: list[str], words: list[str]) -> list[str]:
    """``words`` when they are all capitalised and one name of the actor table that the
    shorter ``run`` is not (``The World Health Organization``, not ``Organization``)."""
    if not run or len(words) <= len(run) or not all(is_cap(w) for w in words):
        return run
    from .speakers import canonical_or_none  # imported here: speakers imports this module

    whole = " ".join(words)
    if canonical_or_none(" ".join(run)) is None and canonical_or_none(whole) == whole:
        return words  # the phrase is the actor's own name, not one its words point to
    return run


def _known(word: str, run: list[str]) -> bool:
    """``word`` and the run after it are a name of the actor table that the run alone is
    not (``White House``; not ``Russian Vladimir Putin``)."""
    from .speakers import canonical_or_none  # imported here: speakers imports this module

    whole = canonical_or_none(" ".join([word, *run]))
    return whole is not None and whole != canonical_or_none(" ".join(run))


def _place(word: str, run: list[str]) -> bool:
    """``word`` opens a place's name with the run after it (``New York``, ``New South Wales``)."""
    return any(" ".join([word, *run[:k]]).lower() in _MODIFIER_NAMES for k in (1, 2, 3))


def _company(word: str) -> bool:
    """A capitalised word after a demonym that is no known actor, pronoun-free and not a
    title: with the demonym, one name (``American Eagle``, not ``Russian Lavrov``)."""
    from .speakers import canonical_or_none  # imported here: speakers imports this module

    low = word.lower()
    if low in TITLES or low in ROLE_NOUNS or low in ORG_HEADS or word.isupper():
        return False
    return canonical_or_none(word) is None


_FIRM_NOUN = re.compile(r"[A-Z][a-z]*(?:ics|oldings|ries|gies|ties|ems|ions|ners|tors|abs|ices)")


_NOUN_ENDINGS = tuple(_WORDS["noun_endings"])


def _abstract_noun(word: str) -> bool:
    """A thing, not a speaker, by its ending (``Experience``, ``Policy``, ``Statement``),
    longer than five letters and no organisation or role (``Administration``, ``Agency``).

    >>> _abstract_noun("Experience"), _abstract_noun("Administration"), _abstract_noun("Smit")
    (True, False, False)
    """
    low = word.lower()
    return (
        len(low) > 5
        and low.endswith(_NOUN_ENDINGS)
        and low not in ORG_HEADS | ROLE_NOUNS | TITLES
        and low not in _INSTITUTION_NOUNS
    )


def _firm_noun(run: list[str]) -> bool:
    """The run after a possessive is one capitalised plural of a business (``Analytics``,
    ``Holdings``, ``Industries``), or a legal form: with the possessor, a company's name
    (``Moody’s Analytics``, ``McDonald's Corp``; not ``One Direction's Louis Tomlinson``).
    """
    if run[-1].lower().rstrip(".") in _COMPANY_SUFFIXES:
        return len(run) == 1 or len(run) == 2 and _FIRM_NOUN.fullmatch(run[0]) is not None
    return len(run) == 1 and _FIRM_NOUN.fullmatch(run[0]) is not None


def _plural_name(run: list[str]) -> bool:
    """The run of a name starts with a capitalised plural-looking word and goes on
    (``Airlines Pilot``, ``Airways Captain``): with a demonym before it, one name."""
    return (
        len(run) >= 2
        and run[0][:1].isupper()
        and run[0].endswith("s")
        and not run[0].endswith(("ss", "'s", "\u2019s"))
    )


def _join_words(words: list[str]) -> str:
    """Words joined by spaces, initials kept together (``U.S. Senator``, not ``U . S . Senator``).

    >>> _join_words(["U", ".", "S", ".", "Senator"]), _join_words(["Which", "?"])
    ('U.S. Senator', 'Which?')
    """
    out = ""
    for w in words:
        glue = w == "." and re.search(r"(?:^|[ .])[A-Za-z]$", out) is not None
        glue = glue or w == "." and out.rsplit(" ", 1)[-1].lower() in _NAME_ENDS  # "Jr."
        glue = glue or len(w) == 1 and w.isalpha() and bool(re.search(r"(?:^| )[A-Za-z]\.$", out))
        glue = glue or w in ("?", "!")  # a name spelt with its mark: "Which?", "Yahoo!"
        out += w if glue or not out else " " + w
    return out


_NAT_RE = re.compile(r"(?:ian|ese|ish)$")


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality words: the shipped gazetteer's one-word demonyms and ``regional_demonyms``.

    >>> {"israeli", "czech", "arab"} <= demonyms()
    True
    """
    from ..actors import load_gazetteer

    words = {d.lower() for e in load_gazetteer().entries for d in (e.get("demonyms") or [])}
    return frozenset(w for w in words if " " not in w) | frozenset(_WORDS["regional_demonyms"])


def is_nationality(tok: str) -> bool:
    """Whether a token is a nationality word (a demonym or nationality modifier).

    >>> is_nationality("Russian"), is_nationality("Moscow")
    (True, False)
    """
    low = tok.lower()
    return low in MODIFIERS or low in demonyms() or bool(_NAT_RE.search(low))
