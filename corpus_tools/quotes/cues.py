"""Reporting cues: the reporting-verb lexicon and the cues (with their speaker phrase) in a sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..lexicon import Lexicon, Matcher, by_first_letter, compiled, load_lexicon
from .elided import elided_subject
from .phrases import (
    CAP_STOP,
    DETERMINERS,
    DOCUMENTS,
    PRONOUNS,
    ROLE_NOUNS,
    SKIP,
    SOURCE_HEAD,
    SOURCE_KNOWLEDGE,
    TITLES,
    agent_phrase,
    apposition,
    is_adjective,
    is_adverb,
    is_all_caps,
    is_nationality,
    left_np,
    np_token_ok,
    participle_np,
    person_noun,
    right_np,
    skip_adverbials,
    speaking_head,
    word_spans,
)
from .speakers import canonical_or_none


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
class CueBook:
    """The compiled reporting-verb lexicon (see :func:`cue_book`)."""

    name: str
    regex: re.Pattern
    form_lemma: dict[str, str]
    lemma_class: dict[str, str]
    no_clause: frozenset[str]
    noun_forms: frozenset[str]
    bare_clause: frozenset[str]
    phrase_class: dict[str, str]


#: What ``extend=`` adds to a reporting-verb file: a path or a mapping of the same schema.
Extension = str | Path | Mapping[str, Any] | None


def load_reporting_verbs(
    path: str | Path | None = None, *, extend: Extension = None
) -> pd.DataFrame:
    """Return the reporting-verb lexicon as a table: ``form, lemma, cue_class, clause``.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file with the schema of ``corpus_tools/data/reporting_verbs.yml``;
        default: the shipped file.
    extend : str, Path or mapping, optional
        Verbs and phrases added to it (same schema), e.g.
        ``{"classes": {"neutral": {"verbs": ["murmur"]}}}``.

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
    >>> rv = load_reporting_verbs(extend={"classes": {"neutral": {"verbs": ["murmur"]}}})
    >>> rv.loc[rv["lemma"] == "murmur", "form"].tolist()
    ['murmur', 'murmured', 'murmuring', 'murmurs']
    """
    book = cue_book(path, extend=extend)
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


_ALT_RE = re.compile(r"(\(\?<!\[\\w-\]\)\(\?:)(.*)(\)\(\?!\[\\w-\]\))", re.S)


def _first_letter_regex(rx: re.Pattern) -> re.Pattern:
    r"""``rx`` (a :class:`Matcher` alternation of escaped terms) with its alternatives grouped
    by their first letter, in the same order within a group: ``re`` then tries one group at
    a word's start, not every term (7x faster on long texts). Alternatives with different
    ASCII first letters never match at the same place, so the same alternative wins and
    every match is the same; any other first character keeps the flat alternation.

    >>> _first_letter_regex(re.compile(r"(?<![\w-])(?:says|said|add)(?![\w-])", re.I)).pattern
    '(?<![\\w-])(?:s(?:ays|aid)|add)(?![\\w-])'
    """
    m = _ALT_RE.fullmatch(rx.pattern)
    if m is None or "\\|" in m.group(2):
        return rx
    body = by_first_letter(m.group(2).split("|"))
    return re.compile(f"{m.group(1)}{body}{m.group(3)}", rx.flags)


def _build(lex: Lexicon) -> CueBook:
    data = lex.data
    form_lemma: dict[str, str] = {}
    lemma_class: dict[str, str] = {}
    for cls, spec in data["classes"].items():
        for item in spec.get("verbs") or []:
            lemma, forms = (
                (item, _inflect(item)) if isinstance(item, str) else next(iter(item.items()))
            )
            lemma_class[lemma] = str(cls)
            for f in forms:
                form_lemma[f.lower()] = lemma
    phrase_class: dict[str, str] = {}
    for phrase, cls in (data.get("phrases") or {}).items():
        phrase_class[phrase.lower()] = str(cls)
        form_lemma[phrase.lower()] = phrase.lower()
    no_clause = frozenset(data.get("no_clause") or [])
    noun_forms = frozenset(x.lower() for x in (data.get("noun_forms") or []))
    bare = frozenset(data.get("bare_clause") or [])
    regex = _first_letter_regex(Matcher.build(form_lemma, joiner=r"\s+").regex)
    return CueBook(
        lex.name, regex, form_lemma, lemma_class, no_clause, noun_forms, bare, phrase_class
    )


def cue_book(path: str | Path | CueBook | None = None, *, extend: Extension = None) -> CueBook:
    """The compiled reporting-verb lexicon at ``path`` (cached per version of its files).

    >>> cue_book().form_lemma["alleged"]
    'allege'
    """
    if isinstance(path, CueBook):
        return path
    return compiled(load_lexicon("reporting_verbs", path, extend=extend), _build)


@dataclass
class Cue:
    """A reporting cue found in a sentence: the verb (or phrase), its lemma and class, and
    the speaker noun phrase beside it (``np``, on the ``np_side``), if any."""

    start: int
    end: int
    form: str
    lemma: str
    cls: str | None
    np: tuple[int, int] | None = None  # speaker span
    np_side: str = ""  # "left" | "right"
    obj: tuple[int, int] | None = None  # addressee of "told" (a medium: the quote's source)


#: Word lists of quote attribution, shipped in ``data/quote_words.yml``.
_WORDS = load_lexicon("quote_words").data
_PASSIVE = frozenset(_WORDS["passive"])
_FUNCTION = frozenset(_WORDS["function_words"])
_EVENT_NOUNS = frozenset(_WORDS["event_nouns"])
_NOT_PREPOSITIONS = frozenset("and or but nor that which who whom whose not no".split())
#: Nouns a noun form modifies as the first part of a compound (``appeals court``).
_COMPOUND_HEADS = frozenset(_WORDS["compound_heads"])
#: A noun form followed by a past participle and a function word (``EU states warned on``):
#: the participle is the predicate, the form a noun (not an -ing form: ``China Protests
#: Moving of Detainees``, ``group claims kidnapping of``).
_PARTICIPLE_NEXT_RE = re.compile(r"\s+([^\W\d_]+ed)\s+([^\W\d_]+)\b")
#: A quote mark opening a quotation right after a word (not the clitic of ``Ohio State 's``).
_QUOTE_NEXT_RE = re.compile("\\s*(?:[:,]\\s*)?(?:['\u2018](?!s\\b)|[\"\u201c])")
#: Noun forms read as a verb only before ``that``, a quote or a colon (``states``).
_COMPLEMENT_FORMS = frozenset(_WORDS["complement_forms"])


def _finite_cue(word: str, book: CueBook) -> bool:
    """A present-tense reporting verb that is no noun form (``says``, ``condemn``, ``Reveal``):
    after a noun form it is the predicate (``-ing``, ``-ed`` and the noun forms are not)."""
    low = word.lower()
    if low in book.noun_forms or low.endswith(("ing", "ed")) or low not in book.form_lemma:
        return False
    return low == book.form_lemma[low] or low == book.form_lemma[low] + "s" or low.endswith("es")


#: Adverbs of the skip list, between an auxiliary and its verb (``is also explained``).
_ADVERBS = frozenset(w for w in SKIP if w.isalpha() and w not in _PASSIVE) - frozenset(
    "are did do does had has have herself himself itself themselves will would"
    " can could might must shall should".split()
)


_QUOTE_CLOSE_RE = re.compile("[\"\u201d\u2019']")


_QUOTED_AS_RE = re.compile(r"\bquoted\s+([^,.;:\n]{1,60}?)\s+as\s+saying\b", re.IGNORECASE)


# verbs whose object is the addressee or target: "X told to ..." is passive, "X vowed to" is not
_ADDRESSEE_VERBS = frozenset(
    "tell urge ask warn accuse blame criticise criticize condemn call".split()
)
#: A clause after an inverted speaker (``..., says GMB union as bidders circle``) or a left
#: one (``..., inmates say, but officials disagree``): the speaker phrase ends before it.
TRAILING_CLAUSE_RE = re.compile(
    r"\s(?:as|amid|while|though|although|because|citing|saying|adding|noting)\s"
    r"|,\s*(?:but|while|though|although|yet)\s|;\s"
)
#: After a verb that takes an addressee (warn, urge, accuse), the phrase of its topic.
_ADDRESSEE_TOPIC_RE = re.compile(r"\s(?:of|about|against|over)\s", re.IGNORECASE)
_PASSIVE_HEAD_RE = re.compile(r"\s+(?:not\s+)?(?:to|of|over)\b", re.IGNORECASE)
_PREP_BEFORE_RE = re.compile(r"\b(?:by|in|from|at|on|of|for|against|over)\s*$", re.IGNORECASE)
#: A reported clause opening with a subject pronoun and its verb, no ``that`` (``...,
#: saying he would pay attention``): the participle shares the clause's subject.
_PRONOUN_CLAUSE_RE = re.compile(r"\s+(?:he|she|they|we|I|it)\s+[a-z]")
_QUOTE_OPEN_RE = re.compile("[\"\u201c\u2018]|(?<![\\w])'(?=\\w)")


def _speaker_word(view: str, m: re.Match, prev_raw: str) -> bool:
    """The word before a cue ends a speaker: a role or title (``leader``,
    ``president-elect``), a known actor, or a name of two capitalised words
    (``Barack Obama calls``; one capitalised word at a headline's start may
    be a noun: ``Disaster claims``)."""
    prev = prev_raw.lower()
    if prev in _FUNCTION:
        return False  # a preposition ends no speaker: "Gaza Despite Pledges", "Over Reports"
    roles = ROLE_NOUNS | TITLES
    if prev in roles or prev.split("-")[0] in roles or canonical_or_none(prev_raw) is not None:
        return True
    caps = is_all_caps(view[max(0, m.start() - 60) : m.end()])
    if caps and (is_adjective(prev_raw) or not np_token_ok(prev_raw, True)):
        return False  # all caps: "MAKES DUBIOUS CLAIMS" is no "Barack Obama calls"
    if prev.endswith(_PLURAL_AGENTS) and len(prev) > 5:
        return True  # a plural agent noun: "Hackers claim", "bloggers claim"
    if prev.endswith("s") and prev not in _FUNCTION and person_noun(prev):
        return True  # a plural person noun: "..., commercial flight crews report"
    if prev.endswith("s") and prev[:-1] in _BODY_NOUNS:
        return True  # a plural body: "Retail giants call for", "Energy firms call for"
    two = re.search(
        r"([A-Z][\w.'-]*)\s+[A-Z][\w.'-]*\s*$", view[max(0, m.start() - 60) : m.start()]
    )
    if two is None and m.group().lower() == "calls" and not caps:
        return _lone_name(prev_raw)  # "Gogoi calls CM Himanta 'Assam's Jinnah'"
    return two is not None and two.group(1) not in CAP_STOP


def _lone_name(word: str) -> bool:
    """One capitalised word that is no common English word: a surname or a party
    (``Gogoi``, ``Sudesh``, ``AAP``; not ``Disaster``, ``Police``)."""
    from .phrases import common_words

    return word[:1].isupper() and word.isalpha() and word.lower() not in common_words()


#: A one-word name spelt with a question or exclamation mark (``Which?``, ``Yahoo!``) after a
#: comma, right before an inverted claim's cue.
_BANG_NAME = re.compile(r",\s+([A-Z][\w'\u2019-]*[?!])\s+$")
#: Bodies and describing nouns whose plural speaks (``giants``, ``firms``, ``unions``).
_BODY_NOUNS = frozenset(_WORDS["org_heads"]) | frozenset(_WORDS["appositive_nouns"])
#: Plural agent-noun endings (``hackers``, ``scientists``, ``investors``, ``historians``).
_PLURAL_AGENTS = ("ers", "ists", "ors", "ians")


_AFTER_QUOTE_RE = re.compile(",\\s*[\"\u201d\u2019']{1,2}\\s*$")


def _possessed(view: str, m: re.Match, prev: str) -> bool:
    """A noun form after a possessive is the possessed noun (``Trump's Remarks Rattle His
    Staff``), unless a pronoun opens the clause it reports (``Trump's Claim He 'Fell
    Asleep'``: the possessor's words)."""
    if not prev.endswith(("'s", "\u2019s")):
        return False
    nxt = re.match(r"\s+([\w']+)", view[m.end() : m.end() + 12])
    return nxt is None or nxt.group(1).lower() not in PRONOUNS


def _noun_form_is_verb(view: str, m: re.Match, prev_raw: str, book: CueBook) -> bool:
    """Whether a word that is also a noun (``claims``, ``calls``) is the reporting verb here.

    After a pronoun, before ``that``, before a quote after a speaker word, or
    (headlines) a present-tense form right after a speaker word and before a
    word: ``Sunni leader claims Iraq vote was a 'farce'``, ``Iranian president calls ...``.
    A form of ``complement_forms`` (``states``) only before ``that``, a quote or a colon.
    """
    prev = prev_raw.lower()
    if _noun_next(view, m.end(), book) or prev in _FUNCTION - _NOT_PREPOSITIONS:
        return False  # "Outcry Erupts Over Reports That ...": a noun after a preposition
    after = view[m.end() : m.end() + 6].lower()
    speaker_word = _speaker_word(view, m, prev_raw)
    quote_next = bool(_QUOTE_NEXT_RE.match(after)) and (
        speaker_word or m.group()[:1].isupper()  # Title Case headline: "Sanders Calls for 'X'"
    )
    verb_word = m.group().split()[0].lower()  # "calls for": the verb is its first word
    headline_verb = (
        (verb_word.endswith("s") or prev.endswith("s") or _coordinated_names(view, m.start()))
        and (re.match(r" [\w'\u2018\u201c\"]", after) is not None or not after.strip(" .!?"))
        and speaker_word
        and m.group().lower() not in _COMPLEMENT_FORMS  # "Four Australian states ablaze"
        and not _possessed(view, m, prev)  # "Trump's Remarks Rattle ...": a possessed noun
    )
    # inversion after a quote: '"...," report Omid Scobie and Carolyn Durand'
    inverted = _AFTER_QUOTE_RE.search(view, max(0, m.start() - 4), m.start()) is not None
    return prev in PRONOUNS or after.startswith(" that") or quote_next or headline_verb or inverted


#: Two capitalised names joined by ``and`` right before a verb: a plural subject.
_COORDINATED_RE = re.compile(
    r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*\s+(?:and|&)(?:\s+[A-Z][\w.'\u2019-]*)+\s+$"
)


def _coordinated_names(view: str, at: int) -> bool:
    """Two capitalised names joined by ``and`` end the text before ``at``: the verb's subject
    is plural (``Mila Kunis and Ashton Kutcher vow to ...``).

    >>> _coordinated_names("Mila Kunis and Ashton Kutcher vow", 30), _coordinated_names("Kutcher vow", 8)
    (True, False)
    """
    return _COORDINATED_RE.search(view, max(0, at - 60), at) is not None


def _noun_next(view: str, end: int, book: CueBook) -> bool:
    """What follows a noun form shows it is a noun: a compound's head (``US appeals court
    rejects``), a participle before a function word (``EU states warned on CIA prisons``)
    or a reporting verb that is no noun form (``UN reports condemn``, ``US report says``,
    ``Thai Protests Reveal``: the form is the subject's head).

    >>> b = cue_book()
    >>> _noun_next("US appeals court rejects bid", 10, b), _noun_next("EU states warned on X", 9, b)
    (True, True)
    >>> _noun_next("UN reports condemn Israel", 10, b), _noun_next("China claims report false", 12, b)
    (True, False)
    >>> t = "Police reports rising crime"
    >>> _noun_next(t, 14, b), _noun_next("China Protests Moving of", 14, b)
    (False, False)
    """
    nxt = re.match(r"\s+([^\W\d_]+)\b(?!['\u2019-])", view[end : end + 40])
    if nxt is not None and nxt.group(1).lower() in _COMPOUND_HEADS:
        return True
    if nxt is not None and _finite_cue(nxt.group(1), book):
        return True
    m = _PARTICIPLE_NEXT_RE.match(view[end : end + 60])
    return m is not None and m.group(2).lower() in _FUNCTION and m.group(2).lower() != "that"


#: Prepositions after which an -ed form is an adjective (``after reported crash``).
_PREP_ADJ = frozenset(load_lexicon("quote_words").data["title_case_head_cut"]) - {"to"}
#: Participles of naming (``a band called 'X'``), from ``data/quote_words.yml``.
_NAMING = frozenset(load_lexicon("quote_words").data["naming"])


def _naming_participle(view: str, end: int, hi: int) -> bool:
    """A participle of naming right before a quote: the name is given to the phrase before
    it (``a band called 'X'``, headline passives ``Women's Prison Dubbed 'Rape Club'``),
    not said by it; an active use has its object before the quote (``calls Y 'X'``)."""
    return view[end : end + 1] == " " and _QUOTE_OPEN_RE.match(view, end + 1, hi) is not None


_BY_AGENT_RE = re.compile(r"\bby\s+", re.IGNORECASE)
#: Auxiliaries of a full passive (``will be confirmed by the Senate``), read by :func:`_passive`.
_BE_FORMS = frozenset("be been being is are was were get gets got has have had".split())
#: ``by`` right after a participle, or after ``as`` and a quoted label: its agent speaks.
_LABEL_BY_RE = re.compile(
    r"(?:\s+as\s+(?:(?:a|an|the)\s+)?[\"'\u201c\u2018][^\"'\u201d\u2019]{1,60}[\"'\u201d\u2019])?"
    r"\s+[Bb]y\s+"
)
#: What may follow a passive's agent at the end of a sentence: a place (``by MPs in
#: Brussels``) or a capitalised time phrase (``By Officials After Death``).
_AGENT_TAIL_RE = re.compile(
    r"(?:\s+(?:in|from|at)\s+(?:the\s+)?[A-Z][\w.-]*"
    r"|\s+(?:After|Amid|During|Following)(?:\s+[A-Z][\w.-]*){1,3})?"
    r"[\s.!?\"'\u201d\u2019]*"
)


def _by_agent(text: str, view: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The agent of a passive reporting verb when it ends the sentence: ``branded a
    'disgraceful waste' by MPs.`` (not ``by the end of the year``: a speaker phrase)."""
    starts = [b.end() for b in _BY_AGENT_RE.finditer(view, pos, hi)]
    if not starts:
        return None
    np_ = right_np(text, starts[-1], hi) or _role_phrase(text, starts[-1], hi)
    if np_ is None:
        return None
    rest = view[np_[1] : hi]
    if not _AGENT_TAIL_RE.fullmatch(rest):
        return None
    return np_


def _role_phrase(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """Up to three lower-case modifiers and a role noun: ``television indecency campaigners``."""
    words = [
        w for w in re.finditer(r"[\w-]+", text[pos:hi]) if w.group().lower() not in DETERMINERS
    ][:4]
    for w in words:
        if not w.group().islower():
            return None
        if w.group() in ROLE_NOUNS:
            return pos + words[0].start(), pos + w.end()
    return None


def _quoted_as(text: str, view: str, lo: int, hi: int, found: list[Cue]) -> list[Cue]:
    """``the paper quoted X as saying``: X is the speaker (not inside another cue)."""
    out: list[Cue] = []
    for m in _QUOTED_AS_RE.finditer(view, lo, hi):
        if any(c.start <= m.start() < c.end for c in found):
            continue
        np_ = right_np(text, m.start(1), m.end(1))
        if np_ is not None:
            out.append(
                Cue(
                    m.start(),
                    m.end(),
                    "quoted as saying",
                    "quoted as saying",
                    "neutral",
                    np_,
                    "right",
                )
            )
    return out


#: ``say`` as a noun after a determiner and a degree adjective (``the final say``).
_SAY_NOUN_RE = re.compile(
    r"\b(?:the|a|an|no|any|more|some|an?\s+equal)\s+(?:final|last|big|bigger|biggest|greater"
    r"|greatest|real|direct|strong|stronger|decisive|meaningful|full|little|larger)\s+$",
    re.IGNORECASE,
)


def _used_as_noun(
    view: str, m: re.Match[str], prev_raw: str, book: CueBook, found: list[Cue]
) -> bool:
    """A cue form used as a noun: a noun form not read as a verb (``the claims``), or a cue
    word inside the noun phrase of the last ``according to`` (``according to a Moody's
    Analytics report``: the phrase's document, not a verb whose subject is ``according``)."""
    form = re.sub(r"\s+", " ", m.group().lower())
    if form in book.noun_forms and not _noun_form_is_verb(view, m, prev_raw, book):
        return True
    if form == "thanks" and re.match(r"\s+to\b", view[m.end() : m.end() + 4], re.IGNORECASE):
        return True  # "Strung Out Thanks To Lockdown": "thanks to", a preposition
    if form == "say" and _SAY_NOUN_RE.search(view, max(0, m.start() - 40), m.start()):
        return True  # "will have the final say on his future", "a greater say": a noun
    last = found[-1] if found else None
    if last is None or last.lemma != "according to" or last.np is None:
        return False
    return last.np[0] < m.start() < last.np[1]


def _name_part(
    view: str, m: re.Match[str], prev_words: list, book: CueBook, lo: int, hi: int
) -> bool:
    """A capitalised noun form right after a capitalised word in a sentence-case line ends a
    name, it is no verb: ``the policy of the United States that ...``, ``Consumer Reports
    found``, ``American Express``. A Title Case headline (``Obama Calls ...``, ``After
    McCarthy States 'X' | a sentence-case description``) keeps its cue: the words within 60
    characters before and 40 after, not across a ``|`` or a line break, are read.

    >>> t = "It is the policy of the United States that people choose."
    >>> m = re.search("States", t)
    >>> _name_part(t, m, word_spans(t, 0, m.start()), cue_book(), 0, len(t))
    True
    >>> t = "Obama Calls for Calm After Riots"
    >>> m = re.search("Calls", t)
    >>> _name_part(t, m, word_spans(t, 0, m.start()), cue_book(), 0, len(t))
    False
    """
    form = m.group()
    if form.lower() not in book.noun_forms or not form[:1].isupper() or form.isupper():
        return False
    if not prev_words or view[prev_words[-1][1] : m.start()].strip():
        return False  # a comma or a quote between: "..., Reports say"
    prev = prev_words[-1][2]
    if not prev[:1].isupper() or prev in CAP_STOP or prev.isupper() and len(prev) > 1:
        return False  # "US Reports ...": an all-caps subject opens a headline
    left = re.split(r"[|\n]", view[max(lo, m.start() - 60) : m.start()])[-1]
    right = re.split(r"[|\n]", view[m.end() : min(hi, m.end() + 40)])[0]
    words = [w for w in _WORD_RE.findall(left + " " + right) if w.lower() not in _FUNCTION]
    lower = sum(w[:1].islower() and len(w) > 2 for w in words)
    return lower >= 2 and lower > 0.25 * len(words)


_WORD_RE = re.compile(r"[^\W\d_][\w'-]*")


def _passive(view: str, m: re.Match, form: str, prev_words: list, hi: int) -> bool:
    """A passive reporting verb (``has been branded``, ``is also explained``) or a naming
    participle (``Deemed 'X' By Y``, ``a band called 'X'``, ``Women's Prison Dubbed 'Rape
    Club'``): only an agent after ``by`` speaks, if any (``is said to be``: none)."""
    if _aux_before(prev_words) in _PASSIVE and " " not in form:
        return True
    return form in _NAMING and _naming_participle(view, m.end(), hi)


def _according_np(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The source after ``according to``: a speaker phrase, or a determiner phrase before a
    reduced relative clause (``according to a new report released Wednesday``)."""
    return right_np(text, pos, hi) or participle_np(text, pos, hi)


def _passive_speaker(
    text: str, view: str, m: re.Match, form: str, prev_words: list, hi: int
) -> tuple[bool, tuple[int, int] | None]:
    """``(passive, agent)`` of a cue read as a passive: a participle without an auxiliary
    before ``by`` or ``as 'label' by`` (a headline's reduced passive: ``Plan rejected by
    Australian court as 'X'``, ``hailed as 'Y' by critics``), whose agent speaks wherever the
    sentence goes on; or a full passive (:func:`_passive`), whose agent speaks when it ends
    the sentence (:func:`_by_agent`). ``(False, None)`` for an active cue."""
    prev = prev_words[-1][2].lower() if prev_words else ""
    if form.endswith("ed") and prev not in _BE_FORMS:
        by = _LABEL_BY_RE.match(view, m.end(), hi)
        agent = agent_phrase(text, by.end(), hi) if by is not None else None
        if agent is not None:
            return True, agent
    if _passive(view, m, form, prev_words, hi):
        return True, _by_agent(text, view, m.end(), hi)
    return False, None


def _right_speaker(text: str, m: re.Match, hi: int, lemma: str) -> tuple[int, int] | None:
    """The phrase after a cue that may be its speaker (``..., Says Yale Historian``): none
    after ``tell`` (its addressee) or a participle (``Sues X, Alleging Harassment``: the
    object)."""
    if lemma == "tell" or m.group().lower().endswith("ing"):
        return None
    return right_np(text, m.end(), hi)


def _addressee_topic(view: str, np_: tuple[int, int]) -> bool:
    """The phrase after a verb that takes an addressee is that addressee and its topic
    (``Customers Of Data Breach``), not a speaker (``a group of research scientists``)."""
    if _ADDRESSEE_TOPIC_RE.search(view, *np_) is None:
        return False
    last = re.findall(r"[^\W\d_][\w'\u2019-]*", view[np_[0] : np_[1]])
    return not (last and speaking_head(last[-1]))


def _after_comma(
    text: str, view: str, lo: int, m: re.Match, hi: int, lemma: str
) -> tuple[tuple[int, int] | None, str]:
    """The speaker of a cue right after a comma: the phrase after it when that ends the
    sentence (``..., Says Yale Historian``), else an apposition before it (``Smith, an
    aide, said``); with its side."""
    clause = TRAILING_CLAUSE_RE.search(view, m.end(), hi)
    hi = clause.start() if clause is not None else hi  # "..., says GMB union as bidders circle"
    right = _right_speaker(text, m, hi, lemma)
    adverbial = skip_adverbials(view, m.end(), hi) > m.end()  # "..., said Thursday."
    ends = right is not None and re.fullmatch(r"[\s.!?]*", view[right[1] : hi]) is not None
    if not ends and lemma != "tell" and not m.group().lower().endswith("ing"):
        lone = lemma in _LONE_SPEAKER_LEMMAS  # "..., says pub"; not "..., slams church"
        right = final_description(text, m.end(), hi, lone=lone) or right  # "..., says daughter"
    if right is not None and lemma in _ADDRESSEE_VERBS and _addressee_topic(view, right):
        right = None  # "..., Warns Customers Of Data Breach": the addressee and the topic
    if right is not None and not adverbial and re.fullmatch(r"[\s.!?]*", view[right[1] : hi]):
        anon = _ANON_SOURCE_RE.match(text, *right)
        return (right if anon is None else anon.span("head")), "right"  # people (familiar ...)
    return apposition(text, view, lo, view.rindex(",", lo, m.start())), ""


#: Words that may open a description after an inverted cue (``says his former chief of staff``).
_DESCRIPTION_OPENERS = frozenset("the a an his her its their one".split())
_MAX_FINAL_WORDS = 7


#: Verbs of saying whose inverted subject may be any one lower-case noun (``..., says pub``);
#: a verb with an object (``..., slams church``) has its object there.
_LONE_SPEAKER_LEMMAS = frozenset(
    "say add warn claim insist argue admit write report predict".split()
)


def final_description(
    text: str, pos: int, hi: int, *, lone: bool = False
) -> tuple[int, int] | None:
    """A description ending the sentence after ``CLAUSE, says``: up to seven words, lower-case
    modifiers and names, one of them a noun that can speak, the last a speaking noun or a
    name (``..., says daughter``, ``says global study``, ``says Nobel winner Maria Ressa``,
    ``says ex-chief of staff Mark Meadows``); no function word but ``of`` between nouns.
    With ``lone`` (a verb of saying), also any one lower-case noun (``..., says pub``).

    >>> t = "Prices will rise, says Nobel winner Maria Ressa."
    >>> a, b = final_description(t, 22, len(t))
    >>> t[a:b], final_description("X, says rights are on his agenda", 8, 32)
    ('Nobel winner Maria Ressa', None)
    """
    toks = [t for t in word_spans(text, pos, hi)]
    while toks and toks[-1][2] in (".", "!", "?"):
        toks.pop()
    if toks and _ANON_SOURCE_RE.match(text, toks[0][0], toks[-1][1]) is not None:
        return toks[0][0], toks[-1][1]  # "..., say people familiar with the process"
    if not toks or len(toks) > _MAX_FINAL_WORDS + 2:
        return None
    words = [t[2] for t in toks]
    k = 1 if words[0].lower() in _DESCRIPTION_OPENERS else 0
    if lone and len(words) == k + 1 and _lone_noun(words[k]) and not speaking_head(words[k]):
        return toks[0][0], toks[-1][1]  # "..., says pub", "..., says the bakery"
    speaks = False
    for j in range(k, len(words)):
        w, low = words[j], words[j].lower()
        if w == "." and j > k and words[j - 1][:1].isupper():
            continue  # an initialism: "U.K."
        if low == "of" and k < j < len(words) - 1 and speaking_head(words[j - 1]):
            continue  # "chief of staff"
        if not re.fullmatch(r"[^\W\d_][\w'\u2019-]*", w) or low in _FUNCTION or low in PRONOUNS:
            return None
        if w.islower() and is_adverb(w):
            return None
        speaks = speaks or speaking_head(w.split("-")[-1])
    last = words[-1]
    if not speaks or not (speaking_head(last.split("-")[-1]) or last[:1].isupper()):
        return None
    return toks[0][0], toks[-1][1]


#: An unnamed source closing ``CLAUSE, say ...``: people, sources or officials and what
#: gives them their knowledge (``people familiar with the process``, ``two officials briefed
#: on the plan``), whatever the words after it; the speaker is the head (``people``), as
#: ``Officials in Kabul`` gives ``Officials``.
_ANON_SOURCE_RE = re.compile(
    rf"(?P<head>{SOURCE_HEAD})\s+{SOURCE_KNOWLEDGE}",
    re.IGNORECASE,
)


def _lone_noun(word: str) -> bool:
    """One lower-case noun closing ``CLAUSE, says ...`` is its speaker whatever it names
    (``..., says pub``, ``..., says landlord``): a word of three letters or more, no function
    word, pronoun, adverb, skip word or verb form.

    >>> _lone_noun("pub"), _lone_noun("landlord"), _lone_noun("today"), _lone_noun("earlier")
    (True, True, False, False)
    """
    low = word.lower()
    if not (word.isalpha() and word.islower() and len(word) >= 3):
        return False
    if low in _FUNCTION or low in PRONOUNS or low in SKIP or is_adverb(word):
        return False
    return not low.endswith(("ed", "ing")) and low not in _TIME_WORDS


#: Time words closing a clause after a cue (``..., said today``), never its speaker.
_TIME_WORDS = frozenset(
    "today yesterday tonight tomorrow now then earlier later again recently monday tuesday"
    " wednesday thursday friday saturday sunday week weekend month year".split()
)


def _document_title(view: str, m: re.Match, prev_raw: str, hi: int) -> bool:
    """A capitalised document noun (``Report``, ``Statement``) ending the sentence right after
    another capitalised word: the last noun of a title, not a verb."""
    word = m.group()
    return (
        word[:1].isupper()
        and word.lower() in DOCUMENTS
        and prev_raw[:1].isupper()
        and re.fullmatch(r"[\s.!?)]*", view[m.end() : hi]) is not None
    )


def _ly(word: str) -> bool:
    """A lower-case ``-ly`` word (``simply``, ``widely``): an adverb in its clause (a name's
    capital is missing: not ``Kelly``, ``Italy``)."""
    return len(word) >= 4 and word.endswith("ly") and word.isalpha() and word.islower()


def _aux_before(words: list[tuple[int, int, str]]) -> str:
    """The word before a verb, past adverbs (``is also explained``, ``was previously
    reported``, ``can be simply stated``), lower case: an auxiliary there makes the verb a
    passive."""
    k = len(words) - 1
    while k > 0 and (words[k][2].lower() in _ADVERBS or is_adverb(words[k][2]) or _ly(words[k][2])):
        k -= 1
    return words[k][2].lower() if k >= 0 else ""


#: Forms that, before ``to`` and a verb, are a passive without its auxiliary (headlines).
_RAISING = frozenset(("said", "reported"))
_TO_WORD_RE = re.compile(r"\s+to\s+([^\W\d_][\w'\u2019-]*)", re.IGNORECASE)
_OBJECT_PRONOUNS = frozenset("him her them me us you it".split())
#: A participle or state right after ``said``/``reported``: a passive without its auxiliary
#: (``2 Troops Said Killed by Turkey Land Mine``, ``Rebel Leader Reported Dead``).
_STATE_NEXT_RE = re.compile(
    r"\s+(?:killed|dead|hurt|injured|wounded|missing|slain|held|detained|arrested|kidnapped"
    r"|abducted|captured|freed|released|safe|alive|ill|sick|ready|near|close|set|poised)\b",
    re.IGNORECASE,
)


def _raised(view: str, end: int, hi: int, lo: int = 0, form: str = "said") -> bool:
    """``said to`` + a verb (``Sri Lanka Attack Said to Kill Dozens``, ``Morgan Stanley Said to
    Dismiss X``): a passive that names no speaker; not ``said to reporters``, ``said to him``,
    ``said to the crowd``, ``said to Obama``. In a sentence ending in a full stop only
    ``said to be``/``have`` (``Microsoft said to expect it in 2005.``: active).

    >>> t = "Group Said to Hold 2 Frenchmen"
    >>> _raised(t, 10, len(t)), _raised("he said to reporters", 7, 20)
    (True, False)
    >>> _raised("2 Troops Said Killed by Mine", 13, 28), _raised("he said killed men fled", 7, 23)
    (True, False)
    >>> t = "Microsoft said to expect it."
    >>> _raised(t, 14, len(t)), _raised("Dogs said to smell cancer", 9, 25)
    (False, True)
    """
    if form in _RAISING and _STATE_NEXT_RE.match(view, end, hi):
        words = re.findall(r"[^\W\d_][\w'-]*", view[end:hi])
        return len(words) < 2 or words[1].lower() in _FUNCTION  # not "said killed soldiers"
    m = _TO_WORD_RE.match(view, end, hi) if form in _RAISING else None
    if m is None:
        return False
    w = m.group(1)
    low = w.lower()
    if low in DETERMINERS or low in _OBJECT_PRONOUNS or speaking_head(w):
        return False
    if low in ("be", "have", "been", "having"):
        return True
    if view[lo:hi].rstrip().endswith((".", "!", "?", '"', "\u201d")):
        return False  # running text: "X said to expect ...", an instruction
    if w[:1].isupper():  # a name in running text; in a Title Case line the verb is capitalised
        words = re.findall(r"[^\W\d_][\w'-]*", view[max(0, end - 80) : end])
        return len(words) >= 2 and all(x[:1].isupper() for x in words[-3:])
    return True


#: An inverted auxiliary opening a question (``Can We Tell``, ``What Does X Say``).
_QUESTION_RE = re.compile(
    r"\s*(?:(?:what|how|why|when|where|which|who)\s+)?"
    r"(?:do|does|did|can|could|will|would|should|shall|must|might)\s+\S",
    re.IGNORECASE,
)


#: A question word, up to four words and a modal right before a bare verb: a question or a
#: hypothetical (``Which Person Should Write You``, ``Will Reveal What Your Family Will Argue``).
_WH_MODAL_RE = re.compile(
    r"\b(?:what|how|why|which|whether|if)\s+(?:[\w'\u2019-]+\s+){0,4}"
    r"(?:can|could|will|would|should|shall|must|might)\s+$",
    re.IGNORECASE,
)
_IF_NEXT_RE = re.compile(r"\s+(?:if|whether)\b", re.IGNORECASE)
_IF_OPEN_RE = re.compile(r"\s*(?:if|unless)\s", re.IGNORECASE)


def _event_np(text: str, np_: tuple[int, int]) -> bool:
    """A speaker phrase naming a natural event (``data/quote_words.yml`` ``event_nouns``),
    which speaks no words: the event alone (``Rain``), a lower-case head (``the storm``) or
    a named event (``Hurricane Earl``, ``Tropical Storm Ida``); not ``Flood victims``,
    ``Storm Chasers`` or a surname (``John Snow``).

    >>> _event_np("Hurricane Earl", (0, 14)), _event_np("Flood victims", (0, 13))
    (True, False)
    >>> _event_np("Storm Chasers", (0, 13)), _event_np("Secretary John Snow", (0, 19))
    (False, False)
    """
    words = re.findall(r"[^\W\d_][\w'-]*", text[np_[0] : np_[1]])
    words = [w for w in words if w.lower() not in DETERMINERS]
    if not words:
        return False
    if len(words) == 1 or words[-1].islower():
        return words[-1].lower() in _EVENT_NOUNS
    if speaking_head(words[-1]):
        return False  # "Storm Chasers Say": people
    for k, w in enumerate(words[:2]):
        if w.lower() in _EVENT_NOUNS and all(x[:1].isupper() for x in words[: k + 2]):
            return True
    return False


def mute_np(text: str, view: str, cue: Cue, hi: int) -> bool:
    """A left speaker phrase that speaks no words: a natural event (:func:`_event_np`), the
    addressee of a ``told`` ending the sentence (``..., UN Security Council told``), or a
    lower-case plural head that cannot speak before an ``-ed`` form ending its clause, a
    passive without ``were`` (``Europe hit by storms, 45 deaths reported``).

    >>> t = "Europe hit by storms, 45 deaths reported"
    >>> mute_np(t, t, Cue(32, 40, "reported", "report", "neutral", (21, 31), "left"), len(t))
    True
    >>> t = "Prices will rise, economists reported"
    >>> mute_np(t, t, Cue(29, 37, "reported", "report", "neutral", (18, 28), "left"), len(t))
    False
    """
    assert cue.np is not None
    if _event_np(text, cue.np):
        return True
    if cue.form == "told" and re.fullmatch(r"[\s.!?]*", view[cue.end : hi]):
        return True  # "Africa faces food crisis, UN Security Council told": the addressee
    if not cue.form.endswith("ed") or not re.match(r"[\s.!?]*(?:[,;:]|$)", view[cue.end : hi]):
        return False
    head = text[cue.np[0] : cue.np[1]].split()[-1]
    plural = head.endswith("s") and not head.endswith("ss")
    return head.isalpha() and head.islower() and plural and not speaking_head(head)


#: Words before a noun phrase that make it an object, not the subject of the next verb.
_OBJECT_PREPS = frozenset(
    "about against at for from in into on over to towards".split()
)  # not "with": "with the embassy indicating that ...", the embassy indicates
_HONORIFICS = frozenset("mr mrs ms dr prof professor sir lord dame".split())
_CLAUSE_VERBS = frozenset(
    "is are was were has have had will would could can may might must".split()
)


def _object_np(text: str, lo: int, np_: tuple[int, int]) -> bool:
    """The left phrase is an object: right after a lower-case preposition or an ``-ed``
    verb, with no comma between (``reacted against the plans saying``, ``sued the state
    alleging``); so it is not the subject of a participle cue after it.

    >>> t = "the firm sued the state alleging fraud"
    >>> _object_np(t, 0, (14, 23)), _object_np(t, 0, (0, 8))
    (True, False)
    """
    prev = word_spans(text, max(lo, np_[0] - 30), np_[0])
    if not prev:
        return False
    w = prev[-1][2]
    if not (w.isalpha() and w.islower()):
        return False
    verb = len(w) > 3 and w.endswith("ed") and not w.endswith("eed") and w not in _FUNCTION
    return w in _OBJECT_PREPS or verb


def not_speaker_np(text: str, np_: tuple[int, int]) -> bool:
    """A phrase that names no one: a determiner and a past participle (``The published``,
    ``the accused`` is a speaking noun), or a quantity (``a bit``, ``a lot``, ``a little``);
    not an ``-ing`` noun (``the ruling said``).

    >>> not_speaker_np("The published books", (0, 13)), not_speaker_np("a bit", (0, 5))
    (True, True)
    >>> not_speaker_np("the company", (0, 11)), not_speaker_np("the accused", (0, 11))
    (False, False)
    """
    words = text[np_[0] : np_[1]].split()
    if len(words) != 2 or words[0].lower() not in ("the", "a", "an"):
        return False
    head = words[1]
    if not head.replace("-", "").isalpha() or not head.islower():
        return False
    if head in _QUANTITY_NOUNS:
        return True
    if speaking_head(head):
        return False  # "the accused", "the injured": person nouns (data person_nouns)
    return len(head) > 4 and head.endswith("ed")


#: Quantities after ``a``, which name no one (``concern us a bit said``); a closed class.
_QUANTITY_NOUNS = frozenset("bit deal fraction little lot touch while".split())


def _inverted_left(text: str, view: str, cue: Cue, hi: int) -> bool:
    """Unpunctuated inversion: a lower-case ``the/a`` phrase whose head cannot speak ends
    the quoted words before a bare ``said``/``says``, whose speaker follows it
    (``finish the year said nadal afterwards.``, ``the age said mr leslie``).

    >>> t = "it does concern us a bit said academy executive director bruce davis."
    >>> c = Cue(25, 29, "said", "say", "neutral", (19, 24), "left")
    >>> _inverted_left(t, t, c, len(t))
    True
    """
    assert cue.np is not None
    words = text[cue.np[0] : cue.np[1]].split()
    if text[cue.np[1] : cue.start].strip():  # "people who ... will hijack the subsidy said X":
        near = text[cue.np[0] : cue.start].split()[-4:]  # the relative clause ends the quote
        k = max((i for i, w in enumerate(near) if w in ("the", "a", "an")), default=None)
        words = near[k:] if k is not None else []
    if cue.form not in ("said", "says") or not 2 <= len(words) <= 4:
        return False
    if words[0] not in ("the", "a", "an") or not all(w.isalpha() and w.islower() for w in words):
        return False
    if speaking_head(words[-1]):
        return False
    after = word_spans(text, cue.end, hi)
    end = next((k for k, t in enumerate(after) if re.fullmatch(r"[.!?]", t[2])), len(after))
    if end < len(after) and after[end][1] < hi and text[after[end][1]].isdigit():
        end = len(after)  # "0.1%": a decimal point, not the sentence's end
    words = [t[2].lower() for t in after[:end] if t[2][:1].isalpha()]
    if any(w in _CLAUSE_VERBS or len(w) > 3 and w.endswith("ed") for w in words):
        return after[0][2].lower() in _HONORIFICS  # "said output dropped": a clause
    n = len(words)
    if after and after[0][2].lower() in ("the", "a", "an") and right_np(text, cue.end, hi) is None:
        return False  # "the caribbean said the region grew by 5.5%": a clause, not a speaker
    if not after or after[0][2].lower() in _FUNCTION or after[0][2].lower() in PRONOUNS:
        return False  # "said that ...", "said on Friday", "said it ..."
    if skip_adverbials(view, cue.end, hi) > cue.end:
        return False  # "the UN's envoy to the country said on Friday": its subject is left
    return after[0][2].lower() in _HONORIFICS or 1 <= n <= 6


def _question(view: str, lo: int, m: re.Match, lemma: str) -> bool:
    """A verb in its bare form in a question whose auxiliary opens the sentence: no speech
    is reported (``Can We Tell If You're A Morning Person``, ``What Does X Say About You``).

    >>> t = "What Does Your Choice In Colors Say About You"
    >>> _question(t, 0, re.search("Say", t), "say"), _question(t, 0, re.search("Does", t), "do")
    (True, False)
    >>> t, u = "Which Person Should Write You A Song", "We Can Tell If You Are Shy"
    >>> _question(t, 0, re.search("Write", t), "write"), _question(u, 0, re.search("Tell", u), "tell")
    (True, True)
    """
    form = m.group().lower()
    if lemma == "tell" and _IF_NEXT_RE.match(view, m.end()):
        return True  # "We Can Tell Whether You're ...": telling apart, no words reported
    if _IF_OPEN_RE.match(view, lo, m.start()) and "," not in view[lo : m.start()]:
        return True  # "If Cosmo Wrote About Men ...": a condition, nothing was said
    if form != lemma or form.endswith(("s", "ed")) or " " in form:
        return False
    q = _QUESTION_RE.match(view, lo, m.start())
    if q is not None and q.end() <= m.start():
        return True
    return _WH_MODAL_RE.search(view, max(lo, m.start() - 80), m.start()) is not None


def _misread_left(text: str, view: str, lo: int, cue: Cue, m: re.Match, hi: int) -> None:
    """Correct a left speaker phrase that is not the cue's subject, in place (no change to
    a cue without one): a phrase naming no one loses it (:func:`not_speaker_np`); an
    unpunctuated inversion takes the phrase after the cue, if any (:func:`_inverted_left`);
    an object before a participle cue (:func:`_object_np`) that is no document leaves the
    speaker to the sentence's subject."""
    if cue.np is None or cue.np_side != "left":
        return
    if not_speaker_np(text, cue.np):
        cue.np = None
    elif _run_in_tail(view, lo, cue, hi) is not None:
        cue.np = _run_in_tail(view, lo, cue, hi)
    elif _inverted_left(text, view, cue, hi):
        cue.np, cue.np_side = right_np(text, m.end(), hi), "right"
    elif cue.form.endswith("ing") and _object_np(text, lo, cue.np):
        if text[cue.np[0] : cue.np[1]].split()[-1].lower() not in DOCUMENTS:
            cue.np, cue.np_side = None, "and"  # "sued the state alleging": the subject
        elif _issued_document(text, lo, cue.np):
            cue.np, cue.np_side = None, "and"  # "Amazon released a statement saying": Amazon


_ISSUE_VERBS = frozenset(_WORDS["issue_verbs"])


def _issued_document(text: str, lo: int, np_: tuple[int, int]) -> bool:
    """The left phrase is a document its subject puts out, right after a lower-case verb of
    ``issue_verbs`` (``Amazon released a separate statement saying``, ``the ministry issued a
    statement saying``): the subject speaks, the document is where the words are.

    >>> t = "Amazon released a separate statement saying"
    >>> _issued_document(t, 0, (16, 36)), _issued_document("The statement saying", 0, (0, 13))
    (True, False)
    """
    words = text[np_[0] : np_[1]].split()
    if not words or words[-1].lower() not in DOCUMENTS:
        return False
    prev = word_spans(text, max(lo, np_[0] - 30), np_[0])
    return bool(prev) and prev[-1][2].islower() and prev[-1][2] in _ISSUE_VERBS


#: A plural speaking noun closing an unpunctuated headline's claim before its last word, a
#: cue (``... Led Crime Ring Prosecutors Say``), with one optional modifier before it.
_RUN_IN_TAIL = re.compile(r"(?:(?:[A-Z][\w.'\u2019-]*|[A-Z]\.(?:[A-Z]\.)+)\s+)?[A-Z][a-z]+s\s*$")


def _run_in_tail(view: str, lo: int, cue: Cue, hi: int) -> tuple[int, int] | None:
    """In a Title Case headline whose punctuation is gone, the speaker of a cue that ends it
    is the plural speaking noun right before the cue, with one capitalised modifier (``Former
    Peruvian President Led Crime Ring Prosecutors Say``: Prosecutors; ``... U.S. Officials
    Say``), when five words or more come before the cue; None otherwise.

    >>> t = "Former Peruvian President Led Crime Ring Prosecutors Say"
    >>> c = Cue(t.index("Say"), len(t), "say", "say", "neutral", (0, t.index(" Say")), "left")
    >>> a, b = _run_in_tail(t, 0, c, len(t))
    >>> t[a:b]
    'Prosecutors'
    """
    if cue.np is None or view[cue.end : hi].strip(" .!?"):
        return None
    b = cue.np[1]
    before = view[lo:b].split()
    long = [w for w in before if len(w) > 3]
    if len(before) < 5 or "," in view[lo:b] or sum(w[:1].isupper() for w in long) < 0.8 * len(long):
        return None
    m = _RUN_IN_TAIL.search(view, max(lo, b - 40), b)
    if m is None or not speaking_head(view[m.start() : b].split()[-1]):
        return None
    words = view[m.start() : b].split()
    if len(words) == 2 and not (is_nationality(words[0]) or words[0].isupper()):
        return b - len(words[1]), b
    return m.start(), b


#: A quoted name of one to four capitalised words opening a line (``'Crypto King'``).
_QUOTED_NAME_RE = re.compile(
    "[\"'\u2018\u201c]([A-Z][\\w.\u2019-]*(?:\\s+[A-Z][\\w.\u2019-]*){0,3})[\"'\u2019\u201d]\\s*$"
)


def _quoted_subject(
    text: str, view: str, lo: int, before: str, right: tuple[int, int], hi: int
) -> tuple[int, int] | None:
    """A quoted nickname right before a cue is its subject when the phrase after the cue is
    followed by its own verb (``'Crypto King' admits people got hurt``: the nickname
    speaks, ``people`` is the reported clause's subject); its span without the marks, when
    it holds the only words before the cue (after a colon's head), else None."""
    nxt = re.match(r"\s+([a-z][\w'-]*)", view[right[1] : hi])
    if nxt is None or nxt.group(1) in _FUNCTION or nxt.group(1) in PRONOUNS:
        return None
    m = _QUOTED_NAME_RE.search(before)
    if m is None or before[: m.start()].strip() and not before[: m.start()].rstrip().endswith(":"):
        return None
    return lo + m.start(1), lo + m.end(1)


def _no_left_speaker(
    text: str, view: str, lo: int, hi: int, m: re.Match, cue: Cue, prev: str, out: list[Cue]
) -> None:
    """Set ``cue``'s speaker when no phrase before it is one: the phrase after it (``...,
    Says Yale Historian``), or ``and`` for a coordinated verb or participle whose subject is
    resolved later (``Trump says X, says Turkey's ...``: the same speaker)."""
    form, lemma = cue.form, cue.lemma
    right = _right_speaker(text, m, hi, lemma)
    before = view[lo : m.start()].rstrip()
    ends = right is not None and re.fullmatch(r"[\s.!?]*", view[right[1] : hi]) is not None
    nick = _quoted_subject(text, view, lo, before, right, hi) if right and not ends else None
    if nick is not None:
        cue.np, cue.np_side = nick, "left"  # "'Crypto King' admits people got hurt"
    elif right is not None and (before.endswith((",", '"', "'")) or not before or ends):
        cue.np, cue.np_side = right, "right"
    elif out and out[-1].lemma == lemma and before.endswith((",", '"', "'")):
        cue.np_side = "and"
    elif prev in ("and", "but") or (
        form.endswith("ing")
        and before.endswith(",")
        and (
            view[m.end() : m.end() + 6].lower().startswith(" that")
            or lemma == "tell"
            or _QUOTE_OPEN_RE.search(view, m.end(), hi) is not None
            or _PRONOUN_CLAUSE_RE.match(view, m.end(), hi) is not None
        )
    ):
        cue.np_side = "and"


def _break_speaker(
    text: str, view: str, lo: int, m: re.Match, hi: int, lemma: str
) -> tuple[tuple[int, int] | None, str]:
    """The speaker of a cue with no subject right before it, after a comma or semicolon: the
    subject the cue shares with the clause before (``X meets Y; slams Z``, ``X defends Y,
    says AG ...``; :func:`.elided.elided_subject`) or an inverted speaker after a comma
    (``..., says Palaniswami``; :func:`_after_comma`), tried first for a verb of saying."""
    ing = m.group().lower().endswith("ing")
    comma = view[lo : m.start()].rstrip().endswith(",")
    if not ing and (not comma or lemma not in _LONE_SPEAKER_LEMMAS):
        np_ = elided_subject(text, view, lo, m.start())  # "X meets Y; slams Z"
        if np_ is not None or not comma:
            return np_, ""
    if not comma:
        return None, ""
    np_, side = _after_comma(text, view, lo, m, hi, lemma)
    if np_ is None and not ing:  # "Kerala CM defends postings, says AG was consulted"
        return elided_subject(text, view, lo, m.start()), ""
    return np_, side


def headline_passive(view: str, np_: tuple[int, int], m: re.Match, hi: int, lemma: str) -> bool:
    """``CLAUSE, NP warned`` ending a headline line (no full stop): a headline's passive of a
    verb with an addressee (``PM warned``, ``MPs told``, ``Ministers urged``); in running text
    ``..., the PM warned.`` ends with a full stop and is active.

    >>> import re
    >>> t = "Abandon agenda at your peril, PM warned"
    >>> headline_passive(t, (30, 32), re.search("warned", t), len(t), "warn")
    True
    >>> t = "Abandon agenda at your peril, PM warned."
    >>> headline_passive(t, (30, 32), re.search("warned", t), len(t) - 1, "warn")
    False
    """
    if lemma not in _ADDRESSEE_VERBS or not re.fullmatch(r"told|\w+ed", m.group().lower()):
        return False
    if view[m.end() : hi].strip() or view[hi : hi + 1] not in ("", "\n"):
        return False
    return view[: np_[0]].rstrip().endswith(",")


def find_cues(text: str, view: str, lo: int, hi: int, book: CueBook) -> list[Cue]:
    """Reporting cues in ``text[lo:hi]`` with their speaker noun phrase (if any).

    >>> t = "Russia said talks failed."
    >>> [(c.form, t[c.np[0] : c.np[1]]) for c in find_cues(t, t, 0, len(t), cue_book())]
    [('said', 'Russia')]"""
    out: list[Cue] = []
    for m in book.regex.finditer(view, lo, hi):
        form = re.sub(r"\s+", " ", m.group().lower())
        lemma = book.form_lemma.get(form, form)
        cls = book.lemma_class.get(lemma) or book.phrase_class.get(lemma, "neutral")
        cue = Cue(m.start(), m.end(), form, lemma, cls)
        if lemma == "according to":
            cue.np, cue.np_side = _according_np(text, m.end(), hi), "right"
            out.extend([cue] if cue.np is not None else [])
            continue
        prev_words = word_spans(text, max(lo, m.start() - 40), m.start())
        prev_raw = prev_words[-1][2] if prev_words else ""
        prev = prev_raw.lower()
        if _used_as_noun(view, m, prev_raw, book, out) or _question(view, lo, m, lemma):
            continue
        if _name_part(view, m, prev_words, book, lo, hi):
            continue  # "the United States that ...": the name's last word  # a noun; a question ("Can We Tell If ...", "What Does X Say About You")
        if prev in DETERMINERS or prev in ("to", "of") or _document_title(view, m, prev_raw, hi):
            continue  # a noun ("the claims", "a report", "... Analysis Report"), "to say"
        if prev in _PREP_ADJ and form.endswith("ed") or _raised(view, m.end(), hi, lo, form):
            continue  # an adjective ("over alleged abuse"); "Group Said to Hold X": no speaker
        passive, agent = _passive_speaker(text, view, m, form, prev_words, hi)
        if passive:  # the agent speaks: "branded a 'waste' by MPs", "hailed as 'Y' by critics"
            cue.np, cue.np_side = agent, "right"
            out.extend([cue] if agent is not None else [])  # else no one
            continue
        if (
            lemma in _ADDRESSEE_VERBS
            and re.fullmatch(r"told|\w+ed", form)
            and _PASSIVE_HEAD_RE.match(view, m.end(), hi)
        ):
            continue  # headline passive: "Treasurer told to ...", "Officers accused of ..."
        if lemma == "tell":
            cue.obj = right_np(text, m.end(), hi)
        np_ = left_np(text, lo, m.start())
        if np_ is not None and headline_passive(view, np_, m, hi, lemma):
            continue  # "Abandon agenda at your peril, PM warned": the PM was warned
        if (
            np_ is not None
            and lemma != "tell"
            and _QUOTE_CLOSE_RE.search(view, lo, np_[0])
            and _PREP_BEFORE_RE.search(view, lo, np_[0])
        ):
            right = right_np(text, m.end(), hi)
            if right is not None and re.fullmatch(r"[\s.!?]*", view[right[1] : hi]):
                # "'Quote' by Country A ... says agency chief" (headline order)
                cue.np, cue.np_side = right, "right"
                out.append(cue)
                continue
        comma = view[lo : m.start()].rstrip().endswith(",")
        if np_ is None:
            np_, cue.np_side = _break_speaker(text, view, lo, m, hi, lemma)
        if np_ is None and not comma and (bang := _BANG_NAME.search(view, lo, m.start())):
            np_ = bang.span(1)  # "..., Which? says": a name spelt with its own ? or !
        if np_ is not None and cue.np_side == "right":
            cue.np = np_  # "CLAUSE, Says Yale Historian"
        elif np_ is not None:
            cue.np, cue.np_side = np_, "left"
        else:
            _no_left_speaker(text, view, lo, hi, m, cue, prev, out)
        _misread_left(text, view, lo, cue, m, hi)
        if cue.np is not None and cue.np_side == "left" and mute_np(text, view, cue, hi):
            continue  # "Hurricane Earl threatens eastern US", "Rain threatens final": no speaker
        out.append(cue)
    out.extend(_quoted_as(text, view, lo, hi, out))
    out.sort(key=lambda c: c.start)
    return out
