"""Headline speakers read from the headline's structure, whatever its verb.

A headline compresses a sentence into a few fixed shapes. Where no reporting verb of the
lexicon attributes a quote, the speaker is the noun phrase at the head of the shape:

- ``X: ... 'quote'`` and ``X on Y: 'quote'``, ``X discusses Y at Z: 'quote'`` (sentence
  case): the noun phrase before the first verb or preposition of the colon's head
  (:func:`colon_head`);
- ``... 'quote' ... -X`` (wire style): a name after a dash that ends the line
  (:func:`trailing_dash`).

A quote opening a headline and followed directly by a word it modifies is a name or label,
not speech, in any case (``'Bachelor' star Juan Pablo slammed``, ``'The Bachelor' Finale
Recap: Juan Pablo Chooses``), unless it is a judgement or a verb phrase: :func:`label_quote`.
Inside a headline a quote before a noun is as often a judgement (``slams 'liar' Johnson``,
``in 'dire' need``) as a label, and is left to the other rules.

The words are told apart by capitalisation runs, the position of the quote and the colon,
word endings and the closed word lists of ``data/quote_words.yml`` (function words,
auxiliaries, speaking nouns); the gazetteer is not needed to find the phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load_lexicon
from .cues import Cue
from .headlines import title_case
from .marks import Span
from .phrases import (
    CAP_STOP,
    DETERMINERS,
    DOCUMENTS,
    MODIFIERS,
    ORG_HEADS,
    ROLE_NOUNS,
    TITLES,
    agent_phrase,
    is_adverb,
    is_nationality,
    word_spans,
)

_WORDS = load_lexicon("quote_words").data
_FUNCTION = frozenset(_WORDS["function_words"])
_AUXILIARIES = frozenset(_WORDS["quote_predicate"])
_AGENT_ENDINGS = tuple(_WORDS["agent_endings"])
_ADJECTIVE_ENDINGS = tuple(_WORDS["adjective_endings"])
_JUDGEMENT_OPENERS = frozenset(_WORDS["judgement_openers"])
_SPEAKING = ROLE_NOUNS | TITLES | ORG_HEADS
#: Prepositions that end a speaker phrase inside a colon's head (``Zac Efron on X:``);
#: ``of`` and ``for`` stay inside names and noun phrases (``Proposal for X:``).
_HEAD_PREPOSITIONS = frozenset(_WORDS["title_case_head_cut"])
#: Headline kickers: section and genre labels before a colon, never a speaker
#: (``Recap:``, ``PHOTO:``, ``Video-game interview:``).
KICKERS = frozenset(_WORDS["kickers"])
#: Words that, alone before a colon, number a list's item (``Third: We must ...``), never a
#: speaker; with more words they may be one (``First Minister:``).
_ENUMERATORS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth firstly secondly thirdly"
    " finally lastly next".split()
)
_SPORT_HEADS = frozenset(_WORDS["sport_heads"])
#: Initialisms that head a headline's topic, never a body that speaks (competitions, events,
#: exams, diseases, taxes, products, a region): a lone one before a colon is no speaker
#: (``NBA: Lakers beat ...``, ``COVID: Schools to reopen``, ``WASSCE: Invigilator's phone
#: seized``); ``topic_initialisms`` of data/quote_words.yml.
_TOPIC_INITIALISMS = frozenset(_WORDS.get("topic_initialisms", ()))
_QUESTION_WORDS = frozenset(_WORDS["subordinators"]) - {"if", "whether"}
_NOUN_ENDINGS = tuple(_WORDS["noun_endings"])
_INSTITUTIONS = frozenset(_WORDS["institution_nouns"])
_STANCE = frozenset(_WORDS["stance_predicates"])
_GIVEN_NAMES = frozenset(_WORDS["given_names"])
#: A person by an agent-noun ending (``boxer``, ``craftsman``, ``worker``; five letters or more).
_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:man|men|woman|women|er|ers|ist|ists|or|ors|ian|ians)")
_MEDIA = frozenset(_WORDS["media_words"])
_NAME_SUFFIXES = frozenset(_WORDS["name_suffixes"])
#: A dash between a headline's claim and its speaker (``... victory - Cech``).
#: or glued to a capitalised last word (``... call logs -NYT``), or a typed or em dash glued
#: on both sides before one to three capitalised words ending the line (``... hearing--Ortega``).
_TAIL_DASH = re.compile(
    r"\s[-\u2013\u2014]{1,2}(?:\s|(?=[A-Z][^\s-]*[ \t]*$))"
    r"|(?<=[a-z])(?:--|\u2014)(?=[A-Z][^\s-]*(?:[ \t]+[A-Z][^\s-]*){0,2}[ \t]*$)",
    re.MULTILINE,
)
#: A first-person subject opening what a speaker label introduces (``Mary: I want you ...``).
_FIRST_PERSON_OPENING = re.compile(r"(?:I|We)(?:['\u2019](?:m|ve|d|ll|re))?\s|(?:My|Our)\s")
_MENTION = frozenset(_WORDS["mention_nouns"])
_WORD = re.compile(r"[^\W\d_][\w'\u2019.&-]*")
_CLOSE = re.compile("['\u2019\"\u201d](?!\\w)")
#: An abbreviation ending the text before a sentence start (``J.C.``, ``Mt.``, ``U.S.``).
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,2}\.|(?:\b[A-Z]\.)+)$")
#: Longest line read as a headline, as in :mod:`.headlines`.
_HEADLINE_CHARS = 300


#: A short question or exclamation opening a headline line before its clause (``End of the
#: A380 superjumbo?``, ``Rare!``): no full stop, at most ten words.
_KICKER_SENTENCE = re.compile(r"[^.?!\n]{1,80}[?!]")


def headline_line(view: str, s_lo: int, s_hi: int) -> tuple[int, int] | None:
    """The bounds of the line holding ``view[s_lo:s_hi]`` when it is a headline: one short
    line, the sentence starting it (or after an abbreviation the sentence splitter took
    for a full stop), no full stop at its end."""
    lo = view.rfind("\n", max(0, s_lo - _HEADLINE_CHARS - 1), s_lo) + 1
    if lo == 0 and s_lo > _HEADLINE_CHARS:
        return None
    hi = view.find("\n", s_lo, lo + _HEADLINE_CHARS + 1)
    hi = len(view) if hi < 0 else hi
    before = view[lo:s_lo].rstrip()
    if before and _KICKER_SENTENCE.fullmatch(before):
        lo = s_lo  # "End of the A380 superjumbo? Airbus warns ...": the headline's clause
    elif before and not _ABBREVIATION.search(before):
        return None  # running text (a headline split at "J.C." or "Mt." is still one line)
    if hi - lo > _HEADLINE_CHARS or s_hi < hi - 1 and view[s_hi:hi].strip():
        return None
    return None if view[lo:hi].rstrip().endswith(".") else (lo, hi)


def _verb_shaped(word: str) -> bool:
    """A lower-case word with a verb's form: an auxiliary or modal, ``to``, an ``-s``,
    ``-ing`` or ``-ed`` form (``would``, ``feels``, ``thinking``, ``faced``)."""
    low = word.lower()
    if low in _AUXILIARIES:
        return True
    if not word.isalpha() or not word.islower() or low in _FUNCTION or low in DETERMINERS:
        return False
    third = len(low) >= 4 and low.endswith("s") and not low.endswith(("ss", "us", "is"))
    return third or low.endswith("ing") and len(low) > 5 or low.endswith("ed") and len(low) > 4


def _speaking_noun(word: str) -> bool:
    low = word.lower()
    return low in _SPEAKING or low.endswith(_AGENT_ENDINGS) and len(low) > 4


def _cap(word: str) -> bool:
    return word[:1].isupper() and word not in CAP_STOP


def _noun_phrase(toks: list[tuple[int, int, str]]) -> int:
    """Number of leading tokens forming a speaker noun phrase: capitalised words (names,
    acronyms, initials, possessives inside: ``Comcast's Smit``), then lower-case speaking
    nouns (``Libyan officials``, ``J.C. Penney stock booster``); 0 when there is none."""
    j = 0
    while j < len(toks) and (
        _cap(toks[j][2]) and toks[j][2].lower() not in KICKERS or j and toks[j][2] in ".&"
    ):
        j += 1  # initials and "&" stay inside the name: "J.C. Penney", "AT&T"
    if j == 0:
        return 0
    k = j
    while k < len(toks) and toks[k][2].islower() and toks[k][2] not in _FUNCTION:
        k += 1  # "stock booster", "creator": the run counts only if it ends in a speaking noun
    if k > j and _speaking_noun(toks[k - 1][2]) and k - j <= 3:
        m = k
        while m < len(toks) and _titlecase(toks[m][2]) and toks[m][2].lower() not in KICKERS:
            m += 1  # "Colts coach Frank Reich": the name the speaking noun describes
        return m if m - k >= 2 else k
    return j


def _speaker_like(toks: list[tuple[int, int, str]], n: int) -> bool:
    """The first ``n`` tokens can name a speaker: at most seven words, not ending in a
    modifier (``Former``) or a possessive (``Copper's 'fall'``: the quote is the possessed)."""
    if n == 0 or n > 7:
        return False
    last = toks[n - 1][2]
    return last.lower() not in MODIFIERS and not last.endswith(("'s", "\u2019s"))


def label_head(words: list[str]) -> bool:
    """The words before a headline colon label the story, not a speaker: a kicker first or
    last (``Photos:``, ``WATCH:``, ``'X' Season Finale Recap:``, ``Raiders notes:``,
    ``Update 2:``), or a topic, whose last word is an abstract noun by its ending and no
    institution (``Scottish Independence:``, ``Drug Resistance:``; not ``Securities and
    Exchange Commission:``).

    >>> label_head(["Scottish", "Independence"]), label_head(["Season", "Finale", "Recap"])
    (True, True)
    >>> label_head(["Girl", "Scout", "CEO"]), label_head(["European", "Commission"])
    (False, False)
    >>> label_head(["Hannity"]), label_head(["Sean", "Hannity"])
    (False, False)
    >>> label_head(["Third"]), label_head(["First", "Minister"])
    (True, False)
    """
    low = [w.lower().strip(".'\u2019") for w in words if re.search(r"[^\W\d_]", w)]
    if not low:
        return False
    if low[0] in _QUESTION_WORDS and not words[0].isupper():  # not the WHO
        return True  # a question heads the story: "Who Said It: The ... Edition"
    if len(low) == 1 and low[0] in _ENUMERATORS:
        return True  # a list's item: "Third: We must continue to strengthen ..."
    if low[0] in KICKERS or low[-1] in KICKERS or not _SPORT_HEADS.isdisjoint(low):
        return True  # a kicker, or a sports section ("Rugby union:", "Australian Football League:")
    last = low[-1]
    if len(last) <= 5 or not last.endswith(_NOUN_ENDINGS) or last in _INSTITUTIONS:
        return False
    if _speaking_noun(last):
        return False
    # a name may end like an abstract noun (Hannity, Florence): a topic needs a lower-case
    # head or an adjective before it (Scottish Independence, rising violence)
    before = words[-2] if len(words) > 1 else ""
    return (
        words[-1].islower()
        or bool(before)
        and (
            before.islower()
            or is_nationality(before)
            or before.lower().endswith(_ADJECTIVE_ENDINGS)
        )
    )


#: A preposition opening the words after a headline colon: a feature's place or topic
#: (``Forest City: Inside Malaysia's Chinese-built 'ghost city'``), not a claim of its head.
_FEATURE_RE = re.compile(
    r":\s+(?:inside|behind|beyond|among|across|through|under|within|in|at|on)\s", re.IGNORECASE
)


def feature_colon(view: str, colon: int) -> bool:
    """The colon at ``colon`` opens a feature's place or topic, not its head's words.

    >>> t = "Forest City: Inside Malaysia's Chinese-built 'ghost city'"
    >>> feature_colon(t, t.index(":")), feature_colon("Gazprom: 'our rules'", 7)
    (True, False)
    """
    return _FEATURE_RE.match(view, colon) is not None


def colon_head(text: str, view: str, lo: int, quote_start: int) -> tuple[int, int] | None:
    """The speaker before a sentence-case headline colon, after which the quote comes:
    the noun phrase heading ``X:``, ``X on/to/at Y:``, ``X verb Y:`` (``Edward Snowden
    discusses NSA leaks at SXSW: 'I would do it again'``).

    >>> t = "Zac Efron on HSM reunion: 'We're all thinking about it'"
    >>> a, b = colon_head(t, t, 0, t.index("'"))
    >>> t[a:b]
    'Zac Efron'
    """
    colon = view.find(": ", lo, quote_start)
    if colon < 0 or re.search("[\"\u201c\u201d\u2018']", view[lo:colon]):
        return None
    if feature_colon(view, colon):
        return None
    comma = view.rfind(", ", lo, colon)
    if comma > lo and re.search(r"\b[a-z]", view[lo:comma]):
        lo = comma + 2  # "Not satisfied, Alito continued:": an opening phrase, then the speaker
    named = word_spans(text, colon + 2, quote_start)
    names = [t[2] for t in named]
    if person_name(names) and not names[-1].endswith(("'s", "\u2019s")):  # "Wilko: Lisa W. 'x'"
        return named[0][0], named[-1][1]
    toks = word_spans(text, lo, colon)
    n = _noun_phrase(toks)
    if not _speaker_like(toks, n) or label_head([t[2] for t in toks]) or topic_head(toks):
        return None
    if n < len(toks):
        nxt = toks[n][2]
        after = toks[n + 1][2] if n + 1 < len(toks) else ""
        verb = _verb_shaped(nxt) and nxt not in _AUXILIARIES
        if verb and nxt.endswith("s") and (not after or _verb_shaped(after)):
            verb = False  # "Olympic condoms auctioned:": a plural noun, then its verb
        verb = verb or _plural_subject_verb(toks[n - 1][2], nxt, after)
        if not (nxt.lower() in _HEAD_PREPOSITIONS or verb):
            return None  # "US open:", "Video-game interview:": not a speaker and its words
    return toks[0][0], toks[n - 1][1]


def _plural_subject_verb(head: str, nxt: str, after: str) -> bool:
    """A plural noun of people and the bare verb it takes, then a preposition or determiner
    (``Netizens gush over ...:``, ``Fans react to ...:``, ``Residents slam the council:``):
    the people speak the quote after the colon.

    >>> _plural_subject_verb("Netizens", "gush", "over"), _plural_subject_verb("Fans", "react", "to")
    (True, True)
    >>> _plural_subject_verb("Tigers", "win", "big"), _plural_subject_verb("Fans", "club", "")
    (False, False)
    """
    from .phrases import speaking_head

    low = head.lower()
    if not (low.endswith("s") and speaking_head(head) and low not in _FUNCTION):
        return False
    if not (nxt.isalpha() and nxt.islower()) or nxt in _FUNCTION or nxt in DETERMINERS:
        return False
    return after.lower() in _FUNCTION or after.lower() in DETERMINERS


#: Possessive determiners opening a feature's title (``My Job:``, ``Your Money:``).
_OWNER_WORDS = frozenset("my our your their his her".split())


def topic_head(toks: list[tuple[int, int, str]]) -> bool:
    """A colon's head of one or two words that names a topic, not a speaker, before a quote:
    a possessive opening (``My Job:``), or one abstract noun by its ending or common ``-ing``
    word that no speaker noun, given name or known actor is (``Retirement:``, ``Housing:``;
    not ``Police:``, ``Study:``, ``Wilko:``, ``Manning:``).

    >>> topic_head(word_spans("My Job", 0, 6)), topic_head(word_spans("Housing", 0, 7))
    (True, True)
    >>> topic_head(word_spans("Judge", 0, 5)), topic_head(word_spans("Wilko", 0, 5))
    (False, False)
    """
    from .phrases import common_words, speaking_head
    from .speakers import canonical_or_none  # speakers imports this module

    words = [t[2] for t in toks]
    if len(words) == 2 and words[0].lower() in _OWNER_WORDS:
        return True
    if len(words) != 1 or not _titlecase(words[0]) or canonical_or_none(words[0]) is not None:
        return False
    low = words[0].lower()
    if len(low) <= 5 or speaking_head(low) or low in _GIVEN_NAMES or low in _INSTITUTIONS:
        return False
    return low.endswith(_NOUN_ENDINGS) or low.endswith("ing") and low in common_words()


def _describes_person(claim: str) -> bool:
    """The claim after a name's colon describes a person (``David Fuller: Hospital worker
    admits ...``, ``Mike Tyson: Malawi asks former boxer to ...``, ``Johnny Depp: The acting
    outlaw``): a role or agent noun in it, or a short noun phrase, so the name heads the
    story's topic, not its speaker."""
    words = re.findall(r"[^\W\d_]+", claim)
    if words and words[0].lower() in ("the", "a", "an") and len(words) <= 4:
        return True  # "Johnny Depp: The acting outlaw": an epithet
    for w in words:
        low = w.lower()
        if low in _SPEAKING or _AGENT_NOUN.fullmatch(low) and low not in _FUNCTION:
            return True
    return False


def person_name(words: list[str]) -> bool:
    """A person's name by its shape: a common given name (``given_names``), then one to three
    capitalised words, an initial or a suffix (``Greg Weldon``, ``Antonio Sabato Jr.``).

    >>> person_name(["Greg", "Weldon"]), person_name(["Antonio", "Sabato", "Jr", "."])
    (True, True)
    >>> person_name(["Greg"]), person_name(["Awareness", "Act"]), person_name(["Tim", "Cook", "says"])
    (False, False, False)
    """
    if not 2 <= len(words) <= 6 or words[0].lower() not in _GIVEN_NAMES:
        return False
    rest = [w for w in words[1:] if w != "." and w.lower() not in _NAME_SUFFIXES]
    return 1 <= len(rest) <= 2 and all(
        _titlecase(w) and w.lower() not in _SPEAKING | KICKERS for w in words[:1] + rest
    )


def _titlecase(word: str) -> bool:
    """A capital and then small letters (``Weldon``, ``McCarthy``; not ``WELDON``): in an
    all-caps line capitalisation is no evidence of a name."""
    return _cap(word) and any(ch.islower() for ch in word) and word[1:2].islower()


def _claim_speaker(text: str, a: int, b: int, claim: str = "") -> bool:
    """``text[a:b]`` heads or closes a headline claim as its speaker: a noun phrase (no
    kicker, no topic) ending in a speaking noun of the word lists (``Court``, ``British
    Media``, ``PM``) or an actor of the gazetteer that is no country (``U.N.``; ``Brazil:``
    and ``AUSTRALIA:`` head the place of the news)."""
    from .speakers import canonical_or_none, country_tables  # speakers imports this module

    toks = word_spans(text, a, b)
    words = [t[2] for t in toks]
    if not words or label_head(words) or _noun_phrase(toks) != len(toks):
        return False
    if not _speaker_like(toks, len(toks)) or any(map(_verb_shaped, words)):
        return False  # "... one thing: U.S. needs immigrant workers" is the claim
    poss = [k for k, w in enumerate(words) if w.endswith(("'s", "\u2019s"))]
    if poss:  # "Putin's Ukraine Body Count:": the possessed speaks, or no one
        k = poss[-1] + 1
        return k < len(toks) and _claim_speaker(text, toks[k][0], b, claim)
    if words[-1].lower() in _SPEAKING | DOCUMENTS:
        return True
    described = [k for k, w in enumerate(words) if w.islower() and _speaking_noun(w)]
    if described and len(words) - described[-1] - 1 >= 2:
        return True  # "Colts coach Frank Reich: ...": a name with its role speaks
    if person_name(words):  # a name heading a claim about a person is its topic
        return not _describes_person(claim)
    canon = canonical_or_none(text[a:b])  # a place ("Dublin Port") gives its country
    if canon is None and len(words) == 1 and _named_elsewhere(text, a, words[0]):
        return not _describes_person(claim)  # "Merkel: ..." over "Angela Merkel said ..."
    if canon is None and initialism_speaks(words, claim):
        return True  # "PCG: China reinstalls floating barriers": an agency's initials
    if canon is not None and len(words) >= 2 and all(map(_titlecase, words)):
        # a known person heading a claim about a person ("Rishi Sunak: Former chancellor
        # leading the pack") is its topic
        return canon not in country_tables()[1] and not _role_opening(claim)
    return canon is not None and canon not in country_tables()[1]


def initialism_speaks(words: list[str], claim: str) -> bool:
    """A lone initialism the gazetteer does not know heads a sentence-case claim: an agency or
    body says it (``PCG: China reinstalls floating barriers in Panatag``, ``DFA: Married women
    can use maiden name``, ``DCYF: ...``). Not a common word or kicker in capitals (``WATCH:``,
    ``LIVE:``), a topic's initialism (``NBA:``, ``COVID:``), a Title Case
    claim (``WTF: Pentagon Sold ...``: capitals are no evidence there) or a question.

    >>> initialism_speaks(["PCG"], "China reinstalls floating barriers in Panatag")
    True
    >>> initialism_speaks(["WATCH"], "Police chase ends in crash"), initialism_speaks(["NBA"], "Lakers beat the visiting side")
    (False, False)
    >>> initialism_speaks(["WTF"], "Pentagon Sold Over $1 Million Worth Of Weapons")
    False
    """
    from .phrases import common_words

    if len(words) != 1 or not re.fullmatch(r"[A-Z][A-Z&]{1,6}", words[0]):
        return False
    low = words[0].lower()
    if low in common_words() or low in KICKERS or low in _TOPIC_INITIALISMS:
        return False
    if claim.rstrip().endswith("?"):
        return False
    lower = [w for w in re.findall(r"[^\W\d_]+", claim) if w.islower() and w not in _FUNCTION]
    return len(lower) >= 2


def _role_opening(claim: str) -> bool:
    """The claim opens with the person's role (``Former chancellor leading the pack``, ``The
    new PM ...``): it describes the person before the colon.

    >>> _role_opening("Former chancellor leading the pack"), _role_opening("UK will leave the EU")
    (True, False)
    """
    words = re.findall(r"[^\W\d_][\w-]*", claim.lower())
    while words and (
        words[0] in ("the", "a", "an", "new", "former", "ex") or words[0] in MODIFIERS
    ):
        words = words[1:]
    return bool(words) and (words[0] in _SPEAKING or words[0].split("-")[-1] in _SPEAKING)


def _agent_last(text: str, a: int, b: int) -> bool:
    """``text[a:b]``, after a claim's last colon, is one to three words ending in an agent
    noun (``...: Local Forecaster``): the claim's speaker.

    >>> t = "Brace For More Snowfall This Winter: Local Forecaster"
    >>> _agent_last(t, t.index("Local"), len(t)), _agent_last("Key points", 0, 10)
    (True, False)
    """
    toks = word_spans(text, a, b)
    words = [t[2] for t in toks]
    if not 1 <= len(words) <= 3 or _noun_phrase(toks) != len(toks):
        return False
    if label_head(words) or any(map(_verb_shaped, words[:-1])):
        return False
    return _speaking_noun(words[-1])


#: A claim opening like a list or a question (``Five things to know: Tesla``, ``How to
#: watch: ESPN``): the words after its colon are a topic or a channel, not a speaker.
_LIST_OPENING = re.compile(
    r"\s*(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|what|how|why|where|when|who|which)\b)",
    re.IGNORECASE,
)


def _closing_name(text: str, a: int, b: int, claim: str, outlet: str | None = None) -> bool:
    """``text[a:b]``, after the last colon of a sentence-case claim, is a wire headline's
    source: one to three capitalised words or initialisms (``...: Airbus``, ``...:
    Malmstrom``, ``...: Vodafone and BT``), or a capitalised name and a speaking noun or
    document (``...: Reuters poll``); a medium only as media are credited and when it is not
    the document's own outlet (``...: NYT``, ``...: FT``). Not a kicker, a common word, a
    country or a place, and not after a list's or a question's claim.

    >>> t = "EU to open WTO case against U.S. tariffs: Malmstrom"
    >>> _closing_name(t, t.index("Malm"), len(t), t[: t.index(":")])
    True
    >>> t = "Five things to know before markets open: Tesla"
    >>> _closing_name(t, t.index("Tesla"), len(t), t[: t.index(":")])
    False
    """
    from .phrases import common_words
    from .speakers import canonical_or_none  # speakers imports this module

    toks = word_spans(text, a, b)
    words = [t[2] for t in toks if t[2] != "."]
    lower = [w for w in re.findall(r"[^\W\d_]+", claim) if w.islower() and len(w) > 2]
    if not 1 <= len(words) <= 3 or len([w for w in lower if w not in _FUNCTION]) < 2:
        return False  # a Title Case claim ("The Best Films Of 2019: Parasite") names no source
    last = words[-1].lower()
    names = words[:-1] if len(words) > 1 and (last in DOCUMENTS or _speaking_noun(last)) else words
    if _LIST_OPENING.match(claim) or label_head(names) or words[0] in ("and", "&"):
        return False
    if not all(_cap(w) or w in ("and", "&") for w in names):
        return False
    if any(w.lower() in _MEDIA for w in names):
        return _medium_name(names) and not own_outlet(names, outlet)
    common = common_words()
    if any(w.lower() in common or w.lower() in KICKERS for w in names if w not in ("and", "&")):
        return canonical_or_none(" ".join(words)) is not None and not _country(words)
    return not _country(words) and not any(_country([w]) for w in names)


def _country(words: list[str]) -> bool:
    """The words name a country or a place of the gazetteer (``U.S.``, ``Brazil``)."""
    from .speakers import canonical_or_none, country_tables  # speakers imports this module

    canon = canonical_or_none(" ".join(words))
    return canon is not None and canon in country_tables()[1]


def _named_elsewhere(text: str, at: int, word: str) -> bool:
    """A capitalised word that the document names elsewhere as a person's surname: after a
    given name (``given_names``) or a title (``Chancellor Merkel``, ``Mr Schumer``).

    >>> t = "Merkel: Europe must act. Chancellor Angela Merkel said on Monday ..."
    >>> _named_elsewhere(t, 0, "Merkel"), _named_elsewhere("Brexit: UK leaves", 0, "Brexit")
    (True, False)
    """
    if not _titlecase(word) or word.lower() in KICKERS:
        return False
    return any(pos != at for pos in _surnames(text).get(word, ()))


@lru_cache(maxsize=8)
def _surnames(text: str) -> dict[str, tuple[int, ...]]:
    """Where each capitalised word follows a given name or a title in ``text`` (read once per
    document: a page of many headline lines does not rescan it for each)."""
    out: dict[str, list[int]] = {}
    for m in re.finditer(r"\b([A-Z][\w'\u2019.-]*)\s+(?=([A-Z][\w'\u2019-]*)\b)", text):
        before = m.group(1).lower().rstrip(".")
        if before in _GIVEN_NAMES or before in TITLES:
            out.setdefault(m.group(2), []).append(m.start())
    return {k: tuple(v) for k, v in out.items()}


def _lower_source(text: str, a: int, b: int) -> bool:
    """A lower-case source closing a headline after its colon: one to three words ending in a
    speaking noun or a document (``...: police``, ``...: poll``, ``...: senior officials``).

    >>> t = "Teen arrested over threat to Pride event: police"
    >>> _lower_source(t, t.index("police"), len(t)), _lower_source("x: live", 3, 7)
    (True, False)
    """
    words = re.findall(r"\S+", text[a:b])
    if not 1 <= len(words) <= 3 or not all(w.isalpha() and w.islower() for w in words):
        return False
    if any(w in _FUNCTION for w in words):
        return False
    return words[-1] in _SPEAKING | DOCUMENTS or _speaking_noun(words[-1])


def colon_claim(
    text: str, view: str, lo: int, hi: int, *, outlet: str | None = None
) -> tuple[tuple[int, int], tuple[int, int], str] | None:
    """A headline without quote marks whose colon attributes its claim: ``Court: File-swapping
    software not liable`` (speaker first) or ``India must recognize realities: PM`` (speaker
    last). Returns ``(speaker span, claim span, side)``; None when neither side of a colon is
    a speaker (:func:`_claim_speaker`), or the claim is a question or under three words.

    >>> t = "Court: File-swapping software not liable for copyright violations"
    >>> (a, b), (c, d), side = colon_claim(t, t, 0, len(t))
    >>> t[a:b], t[c:c + 13], side
    ('Court', 'File-swapping', 'left')
    >>> colon_claim("Davis Cup: Australia takes 2-0 lead", "Davis Cup: Australia takes 2-0 lead", 0, 35)
    """
    line = view[lo:hi].rstrip()
    pipe = line.rfind(" | ")
    if pipe > 0 and len(line[pipe + 3 :].split()) <= 4:
        line = line[:pipe].rstrip()  # "...: Local Forecaster | Patch PM": a page title's site
        hi = lo + len(line)
    if line.endswith("?") or re.search('["\u201c\u201d]', line):
        return None
    last = view.rfind(": ", lo, hi)
    if last > lo:
        a, b = last + 2, lo + len(line)
        claim_lo = view.rfind(": ", lo, last) + 2 if view.rfind(": ", lo, last) >= 0 else lo
        claim = view[claim_lo:last]
        speaks = _claim_speaker(text, a, b) or _lower_source(text, a, b) or _agent_last(text, a, b)
        speaks = speaks or _closing_name(text, a, b, claim, outlet)
        if b - a <= 40 and speaks and len(claim.split()) >= 3:
            if re.findall(r"[^\W\d_]+", claim)[-1].lower() in KICKERS:
                return None  # "Credit: ESA/Hubble & NASA, Acknowledgement: Judy Schmidt"
            return (a, b), (claim_lo, last), "right"
    dash = dash_claim(text, view, lo, lo + len(line), outlet=outlet)
    if dash is not None:
        return dash
    first = view.find(": ", lo, hi)
    head_end = lo + len(view[lo:first].rstrip()) if first > lo else lo
    own = _OWN_WORDS.search(view, lo, head_end) if head_end > lo else None
    if own is not None and own.end() == head_end and _name_shape(text, lo, own.start()):
        # "D'Andre Davis in his own words: Why I chose ...": the person speaks
        return (lo, own.start()), (first + 2, lo + len(line)), "left"
    on_topic = _ON_TOPIC.match(view, first + 2, lo + len(line)) if first > lo else None
    if (
        on_topic is not None
        and person_name(view[on_topic.start(1) : on_topic.end(1)].split())
        and not any(map(_verb_shaped, view[on_topic.end() : lo + len(line)].split()))
        and not re.search(r"\bto\s", view[on_topic.end() : lo + len(line)])
    ):  # "Warriors Off Court: Stephen Curry on leadership style": the named person speaks
        span = (on_topic.start(1), on_topic.end(1))
        return span, (on_topic.end(1) + 1, lo + len(line)), "left"
    if head_end > lo and explainer(view[first + 2 : lo + len(line)]):
        return None  # "Autumn Statement: Key points at-a-glance": a topic and its explainer
    if head_end > lo and len(view[first + 2 : lo + len(line)].split()) >= 3:
        if own_speaker(view[first + 2 : lo + len(line)]):
            return None  # "Assembly: Governor Ravi hails growth": the claim names its speaker
        claim = view[first + 2 : lo + len(line)]
        about = _ABOUT_RE.match(view, lo, head_end)  # "Sunak on strikes: Best way to ..."
        b = about.end(1) if about is not None else head_end
        if _claim_speaker(text, lo, b, claim) and (about is None or not _explained(claim)):
            end = view.find(": ", first + 2, hi)
            return (lo, b), (first + 2, end if end > 0 else lo + len(line)), "left"
    return None


#: ``X on Y`` before a headline's colon: X speaks on the topic Y (``Sunak on strikes:``).
_ABOUT_RE = re.compile(r"([^\W\d_][^:]*?)\s+on\s+\S[^:]*$")


def _explained(claim: str) -> bool:
    """The claim after ``X on Y:`` is no statement: a question or a ``What/How/Why`` head."""
    return claim.rstrip().endswith("?") or bool(re.match(r"(?i)(?:what|how|why|who|when)\b", claim))


def own_speaker(claim: str) -> bool:
    """The words after a headline's colon open with their own speaker: one to five
    capitalised words (a name, a title) and a lower-case third-person form of the reporting
    verbs (``Governor R.N. Ravi hails ...``, ``PM says ...``), so the head before the colon is
    a topic or a place, not the speaker.

    >>> own_speaker("Governor Ravi hails State's growth"), own_speaker("File-swapping not liable")
    (True, False)
    """
    from .cues import cue_book

    forms = cue_book().form_lemma
    toks = [w for _, _, w in word_spans(claim, 0, len(claim))]
    for k in range(1, min(len(toks), 7)):
        if not all(_cap(x) or x == "." for x in toks[:k]):
            return False
        w = toks[k]
        if w.islower() and w.endswith("s") and w in forms:
            return True
    return False


#: Plural heads of list headlines (``Key points``, ``Five things``).
_LIST_HEADS = frozenset(_WORDS["list_heads"])
#: Subjects of an explainer's question (``What we know``, ``How you can help``).
_READER_WE = frozenset("we you".split())


def explainer(claim: str) -> bool:
    """The words after a headline colon list or explain the topic before it, so its head is
    no speaker: a kicker opens them (``Explained``, ``Live updates``), a list's plural head
    is among their first three words (``Key points at-a-glance``, ``Five things to know``),
    or a question word and ``we`` or ``you`` open them (``What we know``; not ``Why I quit``,
    ``Why Trump shouldn't ...``: a column's author speaks).

    >>> explainer("Key points at-a-glance"), explainer("What we know so far")
    (True, True)
    >>> explainer("Why I quit the party"), explainer("Woman told ex to go on live so she could watch")
    (False, False)
    """
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'\u2019-]*", claim)]
    if not words:
        return False
    if words[0] in KICKERS or not _LIST_HEADS.isdisjoint(words[:3]):
        return True
    return len(words) > 1 and words[0] in _QUESTION_WORDS and words[1] in _READER_WE


#: ``in his/her/their own words`` closing a colon's head: the words are the person's.
_OWN_WORDS = re.compile(r"\s+in\s+(?:his|her|their|my|our)\s+own\s+words\s*$", re.IGNORECASE)
#: A verbless claim ``NAME on TOPIC`` after a colon (``Stephen Curry on leadership style``).
_ON_TOPIC = re.compile(r"([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){1,3})\s+on\s+(?=[a-z])")


def _name_shape(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` is two to four capitalised words (a person's or body's name)."""
    words = text[a:b].split()
    return 2 <= len(words) <= 4 and all(
        _cap(w) and any(ch.islower() for ch in w) for w in words
    )  # "D'Andre Davis", not "WATCH LIVE"


def dash_claim(
    text: str, view: str, lo: int, hi: int, *, outlet: str | None = None
) -> tuple[tuple[int, int], tuple[int, int], str] | None:
    """A headline claim and its speaker after the last dash, without quote marks (``Poll cost
    us victory - Cech``, ``... Wasn't Indicted – Andrew McCarthy``): a person's name
    (:func:`person_name`) or one to three words ending in a speaking noun (``- minister``,
    ``– Foreign Ministry``), never a site's name; a news medium (``– BBC News``) only when the
    document's ``outlet`` is known and is another (:func:`own_outlet`: ``- FT`` on reuters.com
    is the FT's report, ``- CNN`` on cnn.com the page title's suffix).

    >>> t = "Rates to stay low for a long time - central bank governor"
    >>> (a, b), _, side = dash_claim(t, t, 0, len(t))
    >>> t[a:b], side
    ('central bank governor', 'right')
    >>> dash_claim("Floods hit the north – BBC News", "Floods hit the north – BBC News", 0, 31)
    >>> t = "UK regulator set to block Meta's Giphy deal - FT"
    >>> (a, b), _, side = dash_claim(t, t, 0, len(t), outlet="reuters.com")
    >>> t[a:b], dash_claim(t, t, 0, len(t), outlet="ft.com")
    ('FT', None)
    """
    dashes = list(_TAIL_DASH.finditer(view, lo, hi))
    if not dashes:
        return None
    a = dashes[-1].end()
    line_text = view[lo:hi]
    # "... Regime – Expect Russia to Retaliate": in a line with every word capitalised "to"
    # opens no addressee ("Sack Kumasi Mayor now – Akosua Manu to Mahama" has "now")
    address = any(
        w[:1].islower() and w not in _FUNCTION for w in re.findall(r"[^\W\d_][\w'-]*", line_text)
    )
    toks, told = _dash_speaker_part(word_spans(text, a, hi), address=address)
    words = [t[2] for t in toks]
    if not 1 <= len([w for w in words if w != "."]) <= 4 or label_head(words):
        return None
    if own_outlet(words, outlet):
        return None  # "... - Ars Technica" on arstechnica.com: the page title's suffix
    if _medium_source(toks, outlet):
        named = True
    elif any(w.lower() in _MEDIA for w in words) or any(map(_verb_like, words)):
        return None
    elif told:  # "– Ablakwa reveals", "– Miracles to Lands Minister": the verb or address
        named = all(_cap(w) or w == "." for w in words)
    else:
        # a lone surname only after the line's one dash ("2014 – Earth Changes – Fukushima": tags)
        named = (
            person_name(words)
            or len(dashes) == 1
            and (
                _lone_surname(words)
                and not _page_title(view[view.rfind("\n", 0, lo) + 1 : dashes[-1].start()])
                or _unknown_name(words)
            )
        )
    role = words[-1].lower() in _SPEAKING | DOCUMENTS and (
        _noun_phrase(toks) == len(toks) or all(w.islower() for w in words)
    )
    claim_lo = view.rfind(": ", lo, dashes[-1].start())
    claim_lo = claim_lo + 2 if claim_lo >= 0 else lo
    claim_words = re.findall(r"[^\W\d_]+", view[claim_lo : dashes[-1].start()])
    if not (named or role) or len(claim_words) < 3:
        return None  # "Jun 29, 2008 — Jim Bray": a dateline and a byline
    return (a, toks[-1][1]), (claim_lo, dashes[-1].start()), "right"


def _page_title(claim: str) -> bool:
    """Words before a headline's dash that title a page rather than state a claim: a question
    (``What Is a Bond? Definition and Types - Investopedia``) or a question word opening them
    (``How to Calculate Compound Interest - Investopedia``): one word after the dash is then
    the site's name, not a speaker.

    >>> _page_title("How to Calculate Compound Interest"), _page_title("Poll cost us victory")
    (True, False)
    """
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", claim)
    return "?" in claim or bool(words) and words[0].lower() in _QUESTION_WORDS


def _dash_speaker_part(
    toks: list[tuple[int, int, str]], *, address: bool = True
) -> tuple[list[tuple[int, int, str]], bool]:
    """The speaker's words after a headline's last dash, less a verb of saying or the
    addressee after them (``– Ablakwa reveals``, ``— Prof. Baah-Boateng warns BoG``, ``–
    Yaw Baah to tripartite committee``), and whether such a verb or address was cut: one
    to four capitalised words before a third-person verb of the reporting verbs with at
    most three words after it, or (``address``: the line has a lower-case content word)
    before ``to`` and one to three words.

    >>> t = "– Prof. Baah-Boateng warns BoG"
    >>> toks, told = _dash_speaker_part(word_spans(t, 2, len(t)))
    >>> [w for _, _, w in toks], told
    (['Prof', '.', 'Baah-Boateng'], True)
    >>> t = "– Miracles to Lands Minister"
    >>> [w for _, _, w in _dash_speaker_part(word_spans(t, 2, len(t)))[0]]
    ['Miracles']
    """
    from .cues import cue_book

    words = [w for _, _, w in toks]
    forms = cue_book().form_lemma
    for k in range(1, min(len(words), 6)):
        w = words[k]
        if not all(_cap(x) or x == "." for x in words[:k]):
            break
        if address and w == "to" and 1 <= len(words) - k - 1 <= 3:
            return toks[:k], True  # the speaker, then whom the words are addressed to
        low = w.lower()
        if low.endswith("s") and low in forms and " " not in low and len(words) - k - 1 <= 3:
            return toks[:k], True  # "– MCE confirms", "– Ablakwa reveals"
    return toks, False


def _unknown_name(words: list[str]) -> bool:
    """A name the word lists do not know, by its shape: an optional title (``Prof.``,
    ``Ambassador``), then two or three capitalised words that are no common English words
    and name no country or place (``Gideon Boako``, ``Prof. Hadrat Yusif``), or an acronym
    of two to six capitals that is no country (``AIGS``); after a title one word will do
    (``Prof. Aning``).

    >>> _unknown_name(["Elikem", "Kotoko"]), _unknown_name(["Prof", ".", "Hadrat", "Yusif"])
    (True, True)
    >>> _unknown_name(["Earth", "Changes"]), _unknown_name(["AIGS"]), _unknown_name(["Ghana"])
    (False, True, False)
    """
    from .phrases import common_words
    from .speakers import canonical_or_none, country_tables  # speakers imports this module

    rest = [w for w in words if w != "."]
    titled = len(rest) > 1 and rest[0].lower() in TITLES | _PERSON_TITLES
    rest = rest[1:] if titled else rest
    common = common_words()
    canon = canonical_or_none(" ".join(rest))
    if len(rest) == 1 and re.fullmatch(r"[A-Z]{2,6}", rest[0]):
        low = rest[0].lower()
        shapes = not any(low in ws for ws in (common, KICKERS, _MEDIA, _AGENCIES))
        if canon is None and re.fullmatch(r"K[A-Z]{3}", rest[0]):
            shapes = False  # "- KTLA", "- KSDK": a US station's call letters, the page's site
    else:
        shapes = (2 - titled) <= len(rest) <= 3 and all(
            _titlecase(w)
            and w.replace("-", "").isalpha()
            and not any(w.lower() in ws for ws in (common, KICKERS, _COMPASS))
            for w in rest
        )
    if not shapes:
        return False
    places = country_tables()[1]
    return (canon is None or canon not in places) and all(
        canonical_or_none(w) not in places for w in rest
    )


#: Points of the compass naming a region (``– West Africa``), never a person.
_COMPASS = frozenset(
    "north south east west central northern southern eastern western northeast northwest"
    " southeast southwest".split()
)
_AGENCIES = frozenset(w.lower() for w in _WORDS["news_agencies"])
#: Academic and honorific titles before a name after a headline's dash (``– Prof. Aning``):
#: ``person_titles`` of ``data/quote_words.yml``.
_PERSON_TITLES = frozenset(_WORDS["person_titles"])


def _verb_like(word: str) -> bool:
    """A verb's form that is no speaking noun or document (``sources``, ``officials`` and
    ``reports`` close a claim after a dash as its speaker; ``rises`` does not)."""
    low = word.lower()
    return (
        _verb_shaped(word) and low not in _SPEAKING | DOCUMENTS and low.rstrip("s") not in DOCUMENTS
    )


def _lone_surname(words: list[str]) -> bool:
    """One capitalised word that is no common English word, names no place and has no capital
    inside (``Shapps``, ``Cech``, ``McCarthy``; not ``Analysis``, ``Ukraine``, ``TechCrunch``):
    a person's surname closing a claim after a dash. A one-word site name without an inner
    capital (``- Forbes``) is read as a speaker too.

    >>> _lone_surname(["Shapps"]), _lone_surname(["Analysis"]), _lone_surname(["Ukraine"])
    (True, False, False)
    """
    from .phrases import common_words
    from .speakers import canonical_or_none, country_tables  # speakers imports this module

    if len(words) != 1 or not words[0].isalpha() or not _titlecase(words[0]):
        return False
    w = words[0]
    if len(w) < 3 or w.lower() in common_words() or w.lower() in KICKERS:
        return False
    if not w[1:].islower() and not re.match(r"(?:Mc|Mac|O')[A-Z][a-z]+$", w):
        return False  # "- TechCrunch", "- NavalNews": a site's name
    canon = canonical_or_none(w)
    return canon is None or canon not in country_tables()[1]


def speaker_label(text: str, view: str, s: int, e: int) -> tuple[tuple[int, int], int] | None:
    """A speaker's label opening a sentence of first-person speech, as in a transcript
    (``Mary: I want you also to understand ...``, ``Q: We ...``): one to three capitalised
    words, no kicker or topic; returns the label's span and where the speech starts.

    >>> t = "Mary: I want you to understand this."
    >>> (a, b), start = speaker_label(t, t, 0, len(t))
    >>> t[a:b], t[start:start + 6]
    ('Mary', 'I want')
    >>> speaker_label("Update: We are live.", "Update: We are live.", 0, 20)
    """
    colon = view.find(": ", s, min(e, s + 40))
    if colon <= s or not _FIRST_PERSON_OPENING.match(view, colon + 2):
        return None
    toks = word_spans(text, s, colon)
    words = [t[2] for t in toks]
    if not 1 <= len(words) <= 3 or _noun_phrase(toks) != len(toks) or label_head(words):
        return None
    if any(w.lower() in _MEDIA for w in words):
        return None
    return (toks[0][0], toks[-1][1]), colon + 2


#: Host labels that name a server or a country's registry, not the site (``www.``, ``co.uk``).
_HOST_LABELS = frozenset(("www", "m", "amp", "mobile", "co", "com", "org", "net", "gov", "ac"))


def _name_keys(name: str) -> set[str]:
    """Compact spellings of an outlet or medium's name, to compare a headline's trailing
    medium with the document's outlet: the letters and digits of its words (with and without a
    leading ``The``), their initials, and the initials of all but the last word followed by
    the last (``Los Angeles Times`` -> ``losangelestimes``, ``lat``, ``latimes``); for a host
    (``edition.cnn.com``) each label that names the site (``edition``, ``cnn``).

    >>> sorted(_name_keys("The New York Times")), sorted(_name_keys("news.sky.com"))
    (['newyorktimes', 'nyt', 'nytimes', 'thenewyorktimes'], ['news', 'sky'])
    """
    low = name.strip().lower()
    if " " not in low and "." in low:  # a host: its labels, the last (the TLD) left out
        labels = low.split(".")[:-1]
        return {x for x in (re.sub(r"[\W_]", "", lab) for lab in labels) if x} - _HOST_LABELS
    words = [w for w in re.findall(r"[^\W_]+", low)]
    keys = {"".join(words)} if words else set()  # "themoscowtimes", as hosts spell it
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if not words:
        return set()
    keys.add("".join(words))
    if len(words) > 1:
        keys |= {"".join(w[0] for w in words), "".join(w[0] for w in words[:-1]) + words[-1]}
    return keys


def own_outlet(words: list[str], outlet: str | None) -> bool | None:
    """Whether a medium named after a headline's last dash (``- CNN``, ``- The Moscow
    Times``) is the document's own outlet, whose name a page title carries as a suffix, or
    another medium, the source of the claim (``- FT`` on reuters.com); None when the
    document's outlet is not known. Two names match when one's compact spelling
    (:func:`_name_keys`) begins the other's (``NYT`` / nytimes.com, ``BBC News`` / bbc.co.uk).

    >>> own_outlet(["CNN"], "cnn.com"), own_outlet(["FT"], "reuters.com"), own_outlet(["FT"], None)
    (True, False, None)
    >>> own_outlet(["Los", "Angeles", "Times"], "latimes.com"), own_outlet(["FT"], "Financial Times")
    (True, True)
    """
    if not outlet or not isinstance(outlet, str):
        return None
    mine = {k for k in _name_keys(outlet) if len(k) > 1}
    if not mine:
        return None
    theirs = {k for k in _name_keys(" ".join(w for w in words if w != ".")) if len(k) > 1}
    return any(a.startswith(b) or b.startswith(a) for a in mine for b in theirs)


def _medium_source(toks: list[tuple[int, int, str]], outlet: str | None) -> bool:
    """One to four capitalised words naming a news medium (a word of ``media_words``) that
    is not the document's outlet: a claim's source (``... plant - WSJ`` on reuters.com)."""
    words = [t[2] for t in toks]
    if not any(w.lower() in _MEDIA for w in words) or not all(_cap(w) or w == "." for w in words):
        return False
    return _medium_name(words) and own_outlet(words, outlet) is False


def _medium_name(words: list[str]) -> bool:
    """One word (``FT``, ``WSJ``, ``Reuters``) or a name opening with ``The`` (``The
    Washington Post``): how a headline credits another medium; a section's label is neither
    (``- Israel News``, ``: TV Review``, ``| Opinion — USA TODAY``)."""
    return len(words) == 1 or words[0] == "The"


def title_suffix(words: list[str], outlet: str | None = None) -> bool:
    """Words after a headline's last dash that name the site the page is on, not a speaker:
    the document's own outlet (:func:`own_outlet`), or, when it is not known, a site's name
    of two or more words (:func:`site_name`). Another medium than the outlet, named as media
    are credited (:func:`_medium_name`), is a source.

    >>> title_suffix(["CNN"], "cnn.com"), title_suffix(["CNN"]), title_suffix(["The", "Hill"], "cnn.com")
    (True, False, False)
    """
    if not any(w.lower() in _MEDIA for w in words):
        return False
    own = own_outlet(words, outlet)
    if own or own is False and _medium_name(words):
        return bool(own)
    return site_name(words)


def site_name(words: list[str]) -> bool:
    """Two or more words with a news medium's word ending a headline after a dash: the
    site's name (``The Moscow Times``, ``Rewire News Group``), not a speaker.

    >>> site_name(["The", "Moscow", "Times"]), site_name(["WHO"]), site_name(["FT"])
    (True, False, False)
    """
    return len(words) > 1 and any(w.lower() in _MEDIA for w in words)


def trailing_dash(
    text: str, view: str, quote_end: int, hi: int, *, outlet: str | None = None
) -> tuple[int, int] | None:
    """A wire headline's speaker after a dash ending the line (``... inaccuracies -SEC``,
    ``... growth - sources``): one to four words, a name or a speaking noun; not a site's
    name of two or more words with a news medium's word (``- The Moscow Times``), unless the
    document's ``outlet`` is known and is another; never the document's own outlet
    (:func:`own_outlet`: ``- CNN`` on cnn.com).

    >>> t = "'Favorable terms' for US muni issuers -SEC"
    >>> a, b = trailing_dash(t, t, t.index(" for"), len(t))
    >>> t[a:b]
    'SEC'
    """
    m = re.search(r"\s[-\u2013\u2014]{1,2}\s*([^\W\d_][\w.' -]{0,40}?)\s*$", view[quote_end:hi])
    if m is None:
        return None
    a, b = quote_end + m.start(1), quote_end + m.end(1)
    toks = word_spans(text, a, b)
    if not 1 <= len(toks) <= 4 or toks[0][2].lower() in KICKERS:
        return None
    if title_suffix([t[2] for t in toks], outlet):
        return None  # "... - The Moscow Times", "- Rewire News Group": the site's name
    if not (all(t[2][:1].isupper() for t in toks) or _speaking_noun(toks[-1][2])):
        return None
    return a, b


def label_quote(view: str, start: int, end: int, hi: int) -> bool:
    """A short quote followed directly by a word it modifies names or labels that word
    (``'Bachelor' star Juan Pablo``, ``'Ban Bossy' campaign``): not speech. Not when the
    quote is a judgement or a verb phrase (its first word an adverb, an ``-ing`` form, an
    auxiliary, an intensifier; a one-word participle or adjective: ``'stolen' Bitcoin``,
    ``'Cowardly' Fox News``), ends in a preposition, or ends its own sentence inside the
    marks; nor when the next word is a function word or a verb form."""
    inner = _WORD.findall(view[start + 1 : end - 1])
    if not inner or len(inner) > 5 or view[end - 2 : end - 1] in ",.?!":
        return False
    m = re.match(r" ([^\W\d_][\w'-]*)", view[end:hi])
    if m is None:
        return False
    nxt = m.group(1)
    if nxt.lower() in _FUNCTION or nxt.lower() in DETERMINERS or _verb_shaped(nxt):
        return False
    if nxt.islower() and len(nxt) > 3 and nxt.endswith("s") and not nxt.endswith("ss"):
        return False  # "'Death stars' destroy ...", "... claims": may be a verb
    first, last = inner[0].lower(), inner[-1].lower()
    if first in _AUXILIARIES or first in _JUDGEMENT_OPENERS or first.endswith(("ly", "ing")):
        return False
    if last in _FUNCTION:
        return False
    if len(inner) == 1 and first.endswith(_ADJECTIVE_ENDINGS + ("en",)):
        return False
    return True


def mentioned(view: str, start: int, end: int, hi: int) -> bool:
    """Quoted words named as words (``the word 'bossy'``, ``Ban 'Bossy,' the Other
    B-word``): a short quote (at most three words) right after ``the word``/``term``/...
    or followed within four words by such a noun or an ``X-word``.

    >>> t = "Sandberg: Ban 'Bossy,' the Other B-word"
    >>> mentioned(t, t.index("'"), t.index(",") + 2, len(t))
    True
    >>> t = "Obama: Iran deal a 'good deal' for America"
    >>> mentioned(t, t.index("'"), t.rindex("'") + 1, len(t))
    False
    """
    if len(_WORD.findall(view[start:end])) > 3:
        return False
    before = _WORD.findall(view[max(0, start - 30) : start])
    if before and before[-1].lower() in _MENTION:
        return True
    after = _WORD.findall(view[end:hi])[:4]
    return any(w.lower() in _MENTION or w.lower().endswith("-word") for w in after)


def stance_cue(text: str, view: str, lo: int, quote_start: int) -> Cue | None:
    """A verbless headline whose predicate is an attitude (``Russia open to 'equal'
    dialogue``, ``Fed's Pianalto upbeat on 'solid' growth``): the subject noun phrase holds
    the quoted view. The adjective comes right after the subject, at most four words (no
    verb form) lie between it and the quote; :func:`structure_cue` asks for words after the
    quote (a line-final quote names the object of the attitude: ``wary of Farrell 'gamble'``).

    >>> t = "Russia open to 'equal' dialogue with West"
    >>> c = stance_cue(t, t, 0, t.index("'"))
    >>> t[c.start : c.end], t[c.np[0] : c.np[1]]
    ('open', 'Russia')
    """
    toks = word_spans(text, lo, quote_start)
    n = _noun_phrase(toks)
    if not _speaker_like(toks, n) or n >= len(toks) or toks[n][2] not in _STANCE:
        return None
    between = [t[2] for t in toks[n + 1 :]]
    if len(between) > 4 or any(
        _verb_shaped(w) and w.lower() not in _FUNCTION or not w[:1].isalpha() for w in between
    ):
        return None
    a, b = toks[n][0], toks[n][1]
    return Cue(a, b, toks[n][2], toks[n][2], None, (toks[0][0], toks[n - 1][1]), "left")


#: Prepositions after a quoted feeling that name its cause (``'horrified' at``, ``'angry' with``).
_FEELING_CAUSE = frozenset("over at with by about".split())
#: Words that may join or grade feeling words inside the quote (``'shocked and disgusted'``).
_FEELING_LINKS = frozenset("and or but so very really deeply truly".split())


def feeling_cue(text: str, view: str, lo: int, sp: Span) -> Cue | None:
    """A headline subject, then a scare-quoted feeling and its cause (``Couple 'horrified'
    at check-in fee``, ``Boy Scouts 'shocked and disgusted' over ...``, ``Obama 'angry'
    with general``): the quoted words are the subject's own, the subject speaks (headline
    convention). The quote holds only attitude words (``stance_predicates``), joined or
    graded by ``and``, ``very`` or an ``-ly`` adverb, and is followed by ``over``, ``at``,
    ``with``, ``by`` or ``about``; the line opens with the subject phrase, nothing else
    before the quote. The cue is the first feeling word.

    >>> t = "Couple 'horrified' at £110 Ryanair check-in fee"
    >>> c = feeling_cue(t, t, 0, Span(7, 18, "'", "'"))
    >>> t[c.start : c.end], t[c.np[0] : c.np[1]]
    ('horrified', 'Couple')
    >>> t = "Man 'vile' over post"
    >>> feeling_cue(t, t, 0, Span(4, 10, "'", "'")) is None
    True
    """
    toks = word_spans(text, lo, sp.start)
    n = _noun_phrase(toks)
    if n != len(toks) or not _speaker_like(toks, n):
        return None
    inside = word_spans(text, sp.start + 1, sp.end - 1)
    feel = [t for t in inside if t[2].lower() in _STANCE]
    if not feel or len(inside) > 5:
        return None
    if any(t[2].lower() not in _STANCE | _FEELING_LINKS and not is_adverb(t[2]) for t in inside):
        return None
    nxt = _WORD.match(view, sp.end + 1) if view[sp.end : sp.end + 1] == " " else None
    if nxt is None or nxt.group().lower() not in _FEELING_CAUSE:
        return None
    a, b, w = feel[0]
    return Cue(a, b, w.lower(), w.lower(), None, (toks[0][0], toks[n - 1][1]), "left")


#: A past participle (and ``as a``) right before a quote: a label given in the passive
#: (``defended as a 'man of honor'``, ``Dubbed a 'Moron'``, ``rejected ... as 'divorced'``).
_LABELLED = re.compile(r"\b[A-Za-z]{3,}ed\s+(?:as\s+)?(?:(?:a|an|the)\s+)?$")
#: Further quoted labels, then ``by`` (``'man of honor' and 'public servant' by``).
_THEN_BY = re.compile(
    r"(?:\s*(?:,|and|or)?\s*(?:(?:a|an|the)\s+)?[\"'\u201c\u2018][^\"'\u201d\u2019]{1,60}"
    r"[\"'\u201d\u2019])*\s+[Bb]y\s+"
)


def passive_agent(text: str, view: str, s_lo: int, s_hi: int, sp: Span) -> Cue | None:
    """The agent of a passive that gives the quote as a label: ``Bill Taylor defended as a
    'man of honor' by three veterans``, ``Dubbed a 'Moron' by Dr. Fauci``: a cue with no
    verb whose speaker is the phrase after ``by`` (up to five words: a name, or words ending
    in a noun that can speak), else None.

    >>> t = "Bill Taylor defended as a 'man of honor' by three veterans who served with him"
    >>> c = passive_agent(t, t, 0, len(t), Span(26, 40, "'", "'"))
    >>> t[c.np[0] : c.np[1]]
    'three veterans'
    """
    if not _LABELLED.search(view, max(s_lo, sp.start - 40), sp.start):
        return None
    m = _THEN_BY.match(view, sp.end, s_hi)
    if m is None:
        return None
    np_ = agent_phrase(text, m.end(), s_hi)
    if np_ is None:
        return None
    return Cue(m.end(), m.end(), "by", "by", None, np_, "right")


#: Nouns of something said (``Ashwin's blunt advice``, ``a 'no bridge needed' response``).
_SPEECH_NOUNS = frozenset(_WORDS["speech_nouns"])
#: Verbs after ``'quote': X`` that say something happened to X, not that X spoke.
_LEAD_NOT_SPEAKING = frozenset(_WORDS["lead_quote_not_speaking"])
#: Prepositions after ``'quote': X`` that make X the speaker (``Manjrekar on ...``).
_LEAD_PREPOSITIONS = frozenset(_WORDS["lead_quote_prepositions"])
_LEAD_COLON = re.compile(r"[ \t]*:[ \t]+(?=\S)")
_SPEECH_END = re.compile("[!?\u2026]|\\.\\.")


def speech_like(quote: str) -> bool:
    """The words of a quote read as speech, not a title: a lower-case word in them or a
    ``!``, ``?`` or ellipsis (``'Not punishment'``, ``'Vozinha! Vozinha!'``; not ``'God of
    War'``, ``'Jana Nayagan'``, ``'Misunderstood'``).

    >>> speech_like("'Not punishment'"), speech_like("'God of War'"), speech_like("'Misunderstood'")
    (True, False, False)
    """
    words = _WORD.findall(quote)
    if _SPEECH_END.search(quote):
        return True
    return any(w.islower() and w not in _TITLE_SMALL for w in words[1:])


_TITLE_SMALL = frozenset("a an and the of in on at to for from with by or vs".split())


def _speaking_after(words: list[str], n: int) -> bool:
    """The words after a subject phrase of ``n`` words make it the speaker: a lower-case
    third-person verb (``breaks``, ``attacks``; an ``-ly`` adverb may come first) that is
    not in ``lead_quote_not_speaking``, or a preposition (``Manjrekar on ...``)."""
    k = n + 1 if n + 1 < len(words) and words[n].endswith("ly") and words[n].islower() else n
    w = words[k]
    if not (w.isalpha() and w.islower()):
        return False
    if k == n and w in _LEAD_PREPOSITIONS:
        return True
    if k + 1 < len(words) and (_verb_shaped(words[k + 1]) or words[k + 1].endswith("ly")):
        return False  # "US employers unexpectedly cut", "Oil prices rose": a noun, then the verb
    return _verb_s(w) and w not in _LEAD_NOT_SPEAKING


def _verb_s(word: str) -> bool:
    """A lower-case word that can be a third-person verb and is no listed noun of people
    (``breaks``, ``discovers``; not ``lawmakers``, ``critics``, ``officials``)."""
    from .phrases import person_noun

    third = len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return third and word not in _FUNCTION and not person_noun(word) and word not in _SPEAKING


def lead_quote_subject(text: str, view: str, lo: int, hi: int, sp: Span) -> tuple[int, int] | None:
    """The speaker of a sentence-case headline that opens with a quote and a colon, then a
    clause about its speaker: the clause's subject before a verb or a preposition, or a
    possessor of a speech noun (``'Not punishment': Pakistan coach breaks silence``,
    ``'Would not be a great idea': Manjrekar on ...``, ``'If he pauses...': Ashwin's
    fascinating advice``). None when the quote reads as a title (:func:`speech_like`), the
    clause opens with a question word or has no such subject.

    >>> t = "'You need to apologise': Stokes breaks silence on nightclub row"
    >>> a, b = lead_quote_subject(t, t, 0, len(t), Span(0, 23, False, True))
    >>> t[a:b]
    'Stokes'
    >>> t = "'God of War': Dave Bautista officially cast as Kratos"
    >>> lead_quote_subject(t, t, 0, len(t), Span(0, 13, False, True))
    """
    m = _LEAD_COLON.match(view, sp.end, hi)
    if m is None or view[lo : sp.start].strip() or not speech_like(view[sp.start : sp.end]):
        return None
    toks = word_spans(text, m.end(), hi)
    words = [t[2] for t in toks]
    j = 0
    while j < len(words) and j < 7 and _cap(words[j]) and words[j].lower() not in KICKERS:
        j += 1
    if not j or words[0].lower() in _QUESTION_WORDS | _HEAD_PREPOSITIONS or label_head(words[:j]):
        return None
    poss = next((k for k in range(j) if words[k].endswith(("'s", "\u2019s"))), None)
    if poss is not None:  # "Ashwin's fascinating advice", "Suryakumar Yadav's big statement"
        return (toks[0][0], toks[poss][1] - 2) if _speech_noun_next(words[poss + 1 :]) else None
    for n in _subject_ends(words, j)[::-1]:
        if n < len(words) and _speaking_after(words, n):
            if n == 1 and not _name_word(words[0]):
                return None  # "Names on police merit list triggers row": a common noun
            return toks[0][0], toks[n - 1][1]
    return None


def _speech_noun_next(words: list[str]) -> bool:
    """A speech noun within the next four lower-case words, before any verb (``blunt fitness
    admission``; not ``dad pens emotional message``: the dad speaks)."""
    for w in words[:4]:
        if w.lower() in _SPEECH_NOUNS:
            return True
        if not (w.isalpha() and w.islower()) or _verb_s(w):
            return False
    return False


def _subject_ends(words: list[str], j: int) -> list[int]:
    """Where a subject of ``j`` capitalised words may end: after them, or after up to three
    lower-case words ending in a speaking noun and the names after it (``Pakistan coach``,
    ``Petrol minister Hardeep Puri``)."""
    ends = [j]
    for m in range(j, min(j + 3, len(words))):
        w = words[m]
        if not (w.isalpha() and w.islower()) or w in _FUNCTION:
            break
        if _verb_s(w) and not w.endswith(("ers", "ors")):
            break  # "SC directs govt to ...": the verb ends the subject
        if _speaking_noun(w):
            e = m + 1
            while e < len(words) and e - m <= 3 and _titlecase(words[e]):
                e += 1
            ends.append(e)
    return ends


def _name_word(word: str) -> bool:
    """A capitalised word that is no common English word (``Manjrekar``, ``Surya``)."""
    from .phrases import common_words, speaking_head

    return speaking_head(word.lower()) or word.lower() not in common_words()


def structure_cue(
    text: str, view: str, s_lo: int, s_hi: int, sp: Span, *, outlet: str | None = None
) -> Cue | None:
    """The speaker of a headline quote by structure alone (see the module docstring), as a
    cue with no verb: a colon's head or a trailing dash's name. None outside headlines and in Title Case (every word is capitalised there)."""
    line = headline_line(view, s_lo, s_hi)
    if line is None or title_case(view, *line) and title_case(view, line[0], sp.start):
        return None  # a Title Case line: headlines.py reads it
    lo, hi = line
    np_ = colon_head(text, view, lo, sp.start)
    if np_ is not None:
        return Cue(np_[1], np_[1], ":", ":", None, np_, "left")
    np_ = trailing_dash(text, view, sp.end, hi, outlet=outlet)
    if np_ is not None:
        return Cue(np_[0], np_[0], "-", "-", None, np_, "right")
    if not _WORD.search(view, sp.end, hi):
        return None  # "Tigers wary of Farrell 'gamble'": a line-final quote names the object
    return (
        possessor_cue(text, view, lo, sp)
        or possessor_after(text, view, sp, hi)
        or feeling_cue(text, view, lo, sp)
        or stance_cue(text, view, lo, sp.start)
    )


#: A name's possessive right before a quote: up to four capitalised words, then ``'s``.
_POSSESSOR = re.compile(r"((?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w.-]*)['\u2019]s\s+$")


#: After a quote: a comma, colon or dash, then a name's possessive and a word (``', Khalid
#: Jamil's advice``, ``' - the coach's message``).
_POSSESSOR_AFTER = re.compile(
    r"\s*[,:\u2013\u2014-]\s+((?:[Tt]he\s+)?(?:[\w.\u2019'-]+\s+){0,3}[\w.-]+)['\u2019]s\s+([a-z]+)\b"
)


def possessor_after(text: str, view: str, sp: Span, hi: int) -> Cue | None:
    """A quote, then a name's possessive and a speech noun (``speech_nouns``): the quoted
    words are the possessor's (``'We need to stay calm', Khalid Jamil's advice to his
    players``, ``'Best ending ever': the coach's verdict``). The cue is the speech noun.

    >>> t = "'We need to stay calm', Khalid Jamil's advice to his players"
    >>> c = possessor_after(t, t, Span(0, 22, "'", "'"), len(t))
    >>> t[c.start : c.end], t[c.np[0] : c.np[1]]
    ('advice', 'Khalid Jamil')
    >>> possessor_after("'Calm', the city's plan", "'Calm', the city's plan", Span(0, 6, "'", "'"), 23)
    """
    m = _POSSESSOR_AFTER.match(view, sp.end, hi)
    if m is None or m.group(2) not in _SPEECH_NOUNS:
        return None
    toks = word_spans(text, m.start(1), m.end(1))
    while toks and toks[0][2].lower() in DETERMINERS:
        toks = toks[1:]  # "the coach's verdict": the coach
    words = [t[2] for t in toks]
    if not words or not _speaker_like(toks, len(toks)):
        return None
    if not (all(map(_cap, words)) or _speaking_noun(words[-1])):
        return None  # "the city's plan": no name and no speaking noun
    a, b = m.span(2)
    return Cue(a, b, m.group(2), m.group(2), None, (toks[0][0], toks[-1][1]), "left")


def possessor_cue(text: str, view: str, lo: int, sp: Span) -> Cue | None:
    """A name's possessive, a quote, then a speech noun (``speech_nouns``): the quoted words
    are the possessor's (``Kiren Rijiju's 'no bill' remark sparks row``, ``Trump's 'very
    fine people' comments``). The cue is the speech noun.

    >>> t = "Kiren Rijiju's 'no bill' remark sparks row"
    >>> c = possessor_cue(t, t, 0, Span(15, 24, "'", "'"))
    >>> t[c.start : c.end], t[c.np[0] : c.np[1]]
    ('remark', 'Kiren Rijiju')
    >>> possessor_cue("The city's 'new' plan", "The city's 'new' plan", 0, Span(11, 16, "'", "'"))
    """
    m = _POSSESSOR.search(view, max(lo, sp.start - 80), sp.start)
    nxt = _WORD.match(view, sp.end + 1) if view[sp.end : sp.end + 1] == " " else None
    if m is None or nxt is None or nxt.group().lower() not in _SPEECH_NOUNS:
        return None
    toks = word_spans(text, m.start(1), m.end(1))
    while toks and (toks[0][2] in CAP_STOP or toks[0][2].lower() in DETERMINERS):
        toks = toks[1:]  # "The ...": a sentence's first word, not a name
    if not toks or not _speaker_like(toks, len(toks)):
        return None
    a, b, w = nxt.start(), nxt.end(), nxt.group().lower()
    return Cue(a, b, w, w, None, (toks[0][0], toks[-1][1]), "left")


#: A page title's suffix closing a line: a dash or a bar, then one to five words of a
#: site's name (``... - Ars Technica``, ``... | Reuters``, ``... – The Hindu``).
_LINE_SUFFIX = re.compile(
    r"[ \t](?:[-\u2013\u2014]{1,2}|\|)[ \t]+([^\W\d_][\w.&'\u2019 -]{0,48}?)[ \t]*$"
)
_SUFFIX_GLUE = frozenset({"&", "of", "the", "and", "de", "du", "la", "le", "on"})


def line_suffix(view: str, lo: int, hi: int) -> tuple[int, int, int] | None:
    """``(dash, a, b)`` of a site-name suffix closing ``view[lo:hi]``'s last line: the dash's
    offset and the name's span; one to five capitalised words (``of``, ``&``, ``the`` may join
    them); None when the line ends otherwise.

    >>> t = "Chip sales surge in third quarter - Ars Technica"
    >>> d, a, b = line_suffix(t, 0, len(t))
    >>> t[a:b], t[:d]
    ('Ars Technica', 'Chip sales surge in third quarter')
    >>> line_suffix("Rates rise - and fall", 0, 21) is None
    True
    """
    line_lo = view.rfind("\n", lo, hi) + 1 or lo
    m = _LINE_SUFFIX.search(view, max(line_lo, lo), hi)
    if m is None:
        return None
    words = m.group(1).split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
        return None
    if not all(w[:1].isupper() or w.lower() in _SUFFIX_GLUE for w in words):
        return None
    return m.start(), m.start(1), m.end(1)


def recurring_suffixes(lines: list[str], *, min_docs: int = 3) -> set[str]:
    """Site names that close the first line of ``min_docs`` or more documents after a dash
    or bar (``... - Ars Technica`` on three headlines): how aggregators (NewsAPI, Google
    News, feed readers) title a story with its source. Such a name is the page's suffix, not a
    speaker, when the corpus has no ``outlet`` column. Not a person's name, a lone role
    (``- minister``, ``- sources``) nor an actor the gazetteer knows (``- Putin`` on three
    headlines is a speaker), unless it carries a news medium's word (``- BBC News``).

    >>> sorted(recurring_suffixes(["A rises - Ars Technica", "B falls - Ars Technica",
    ...     "C waits - Ars Technica", "D speaks - Putin", "E - Putin", "F - Putin"]))
    ['Ars Technica']
    """
    return recurring_names([suffix_name(line) for line in lines], min_docs=min_docs)


def suffix_name(line: str) -> str | None:
    """The site name closing ``line`` (:func:`line_suffix`), or None."""
    found = line_suffix(line, 0, len(line))
    return None if found is None else line[found[1] : found[2]]


def recurring_names(names: list[str | None], *, min_docs: int = 3) -> set[str]:
    """The names of :func:`recurring_suffixes`, from each line's :func:`suffix_name`."""
    from .speakers import canonical_or_none  # imported here: speakers imports phrases

    seen: dict[str, int] = {}
    for name in names:
        if name is not None:
            seen[name] = seen.get(name, 0) + 1
    out = set()
    for name, n in seen.items():
        words = name.split()
        if n < min_docs:
            continue
        media = any(w.lower() in _MEDIA for w in words)
        if not media and (
            person_name(words) or _speaking_noun(words[-1]) or canonical_or_none(name) is not None
        ):
            continue
        out.add(name)
    return out
