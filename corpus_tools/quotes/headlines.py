"""Headline speakers whose verb is not a reporting verb, found by position and word form.

A headline is one line with no full stop. Its grammar is compressed: present tense for
past events, no auxiliaries, passives without "is" (``Man jailed over 'vile' post``).
When no reporting verb and no headline punctuation attributes a quote, the
subject of the headline's verb is its speaker if

- the line starts with a subject phrase marked as an entity: capitalised words (a name,
  an acronym, a gazetteer entry; not a first word with a verb, adverb or adjective
  ending such as ``Ignored``, ``Clinical``), optionally followed by one lower-case head
  noun that can speak (a role, title, organisation or document noun, or an agent ending:
  ``Norway gunman``, ``Rumsfeld memo``);
- the next word is a lower-case verb told by its form and position: a third-person
  ``-s`` form after a singular subject (``Kilroy-Silk quits 'shameful' UKIP``), a
  content word after a plural subject (``Tories attack burglar 'U-turns'``), or an
  ``-ed`` form directly followed by its object (``MEP attacked German 'empire'``; an
  ``-ed`` form before a preposition is a headline passive, whose subject is spoken
  about: ``Man jailed over 'vile' post``). Words with a noun ending (``-tion``,
  ``-cy``, ...) and the nouns of the speaker word lists are not verbs;
- the quote is said of the verb's object, in the same clause (no comma, colon, dash or
  semicolon between, at most eight words): after an object word (``calls Afghanistan a
  'big success'``, ``defends actions as 'gruesome'``, ``attacks Blair-Brown 'feud'``),
  not after a name's or noun's modifier (``threatens the Arizona 'minutemen'``,
  ``sale of 'small' kiwi``), not in an infinitive (``votes to 'pause'``), not opening
  with an auxiliary or ``to`` (``arms ban 'to be lifted'``: the quote is the headline's
  own predicate), and not itself a name or title (decided by the caller).

A quote right after the verb is its object (``wins '2004 top TV moment'``) unless it opens
with an adjective's ending or a negation (``quits 'shameful' UKIP``, ``pleads 'not guilty'``);
known failure: an adjective-shaped product label (``Apple unveils 'magic' keyboard``) is then
given to the subject.

Title Case headlines, where every word is capitalised, have rules of their own: the verb
is told by the lexicon or its ``-s`` form (:func:`title_case_verb_cue`), titles by the
prepositions around them (:func:`title_in_title_case`). The row's
``cue`` is the verb, ``cue_class`` ``unlisted`` and ``speaker_method`` ``headline_verb``
(``description`` when the subject is a role phrase).
"""

from __future__ import annotations

import re
from collections.abc import Container

from ..lexicon import load_lexicon
from .cues import Cue
from .phrases import (
    CAP_STOP,
    DETERMINERS,
    DOC_NOUNS,
    MODIFIERS,
    ORG_HEADS,
    PRONOUNS,
    ROLE_NOUNS,
    SKIP,
    TITLES,
    is_adverb,
    third_person_form,
    word_spans,
)
from .speakers import canonical_or_none

#: Word lists and endings of the headline rule, shipped in ``data/quote_words.yml``.
_WORDS = load_lexicon("quote_words").data
#: Closed-class words ending in -s that are never a verb (Quirk et al. 1985, ch. 5, 6, 9).
#: Prepositions, conjunctions and auxiliaries that cannot be a headline verb.
_FUNCTION = frozenset(_WORDS["function_words"])
#: Verbs of issuing a thing that are not reporting verbs (``releases``, ``signs``): a quote
#: after them names the thing issued (a song, a law), it is not the subject's words.
_ISSUE_ONLY = frozenset(_WORDS["issue_verbs"]) - frozenset("write writes pen pens".split())
#: Nouns of the speaker word lists: an -s form among them is a plural noun, not a verb.
_NOUNS = ROLE_NOUNS | TITLES | ORG_HEADS
#: Endings of a verb, adverb or adjective form: such a first word is not a name.
_NOT_NAME_ENDINGS = tuple(_WORDS["not_name_endings"])
#: Adjective endings (derivational morphology: Quirk et al. 1985, appendix I) and participles.
_ADJECTIVE_ENDINGS = tuple(_WORDS["adjective_endings"])
#: Noun endings (derivational morphology): such a word is not a verb.
_NOUN_ENDINGS = tuple(_WORDS["noun_endings"])
#: Auxiliaries, modals and infinitival "to" opening a quote: the quote is a predicate.
_AUXILIARIES = frozenset(_WORDS["quote_predicate"])
#: Agent-noun endings (-man, -er, -ist, -or, -ian and their plurals).
_AGENT_ENDINGS = tuple(_WORDS["agent_endings"])
#: Words before a quote that link it to the verb's object as what is said of it:
#: ``calls X a 'Y'``, ``defends X as 'Y'``, ``opposes X over 'Y'``, ``need for 'Y'``.
_PREDICATE_LINKS = frozenset(_WORDS["predicate_links"])
_CLAUSE_BREAK = re.compile(r"[,;:\u2013\u2014]|\s-{1,2}\s")
_MAX_GAP_WORDS = 8


def _speaking_noun(word: str) -> bool:
    """A lower-case head noun that can speak: a role, title, organisation or document
    noun, or an agent noun by its ending (``gunman``, ``bloggers``, ``campaigner``)."""
    low = word.lower()
    return low in _NOUNS or low in DOC_NOUNS or low.endswith(_AGENT_ENDINGS)


def _plural(word: str) -> bool:
    """A subject word in the plural: ``Tories``, ``Dems``, ``MPs``, ``workers``."""
    return (
        len(word) >= 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "\u2019s"))
    )


def _content(word: str) -> bool:
    low = word.lower()
    return (
        word.isalpha()
        and low not in _FUNCTION
        and low not in DETERMINERS
        and low not in PRONOUNS
        and low not in SKIP
        and not low.endswith(("ly", "ing"))
        and not _participle(low)
    )


def _participle(word: str) -> bool:
    """An -ed form (``fined``, ``ignored``; not ``need``, ``speed``)."""
    return len(word) >= 5 and word.endswith("ed") and not word.endswith("eed")


def title_case(view: str, lo: int, hi: int) -> bool:
    """Most content words of the line capitalised: a Title Case headline."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", view[lo:hi]) if w.lower() not in _FUNCTION]
    caps = sum(w[:1].isupper() for w in words)
    return len(words) >= 3 and caps >= 0.75 * len(words)


def _subject_end(toks: list[tuple[int, int, str]]) -> int:
    """Index of the first token after the capitalised subject words (0: no subject)."""
    j = 0
    while j < len(toks):
        w = toks[j][2]
        if w in ("'s", "\u2019s") and j > 0:
            j += 1
            continue
        if not (w[:1].isupper() or (w[:1].isdigit() and j > 0)) or w in CAP_STOP:
            break
        j += 1
    return j


def _lower_adverb(word: str) -> bool:
    """A lower-case ``-ly`` adverb between a headline's subject and its verb (``officially``)."""
    return word.islower() and is_adverb(word)


def _subject_and_verb(toks: list[tuple[int, int, str]]) -> int | None:
    """Index of the headline's verb after its subject phrase, or None."""
    j = _subject_end(toks)
    if j == 0 or j >= len(toks):
        return None
    head = toks[j - 1][2]
    a = j + 2 if j + 2 < len(toks) and _lower_adverb(toks[j + 1][2]) else j + 1
    if (
        not _plural(head)  # "Bloggers cite ...": a plural name is the whole subject
        and a < len(toks)
        and all(t[2].isalpha() and t[2].islower() and _content(t[2]) for t in (toks[j], toks[a]))
    ):
        noun, nxt = toks[j][2], toks[a][2]
        if _speaking_noun(noun) and (
            third_person_form(nxt) and not third_person_form(noun) or _plural(noun)
        ):
            j, head = j + 1, noun  # one lower-case head noun: "Norway gunman defends"
    if j + 1 < len(toks) and _lower_adverb(toks[j][2]):
        j += 1  # "French lawmakers officially recognise ...": an adverb before the verb
    verb = toks[j][2]
    if _past_with_object(toks, j):
        return j  # "UKIP MEP attacked German 'empire'": a past tense with its object
    if not (verb.isalpha() and verb.islower() and _content(verb)) or verb in _NOUNS:
        return None
    if verb.endswith(_NOUN_ENDINGS):
        return None  # "Yukos bankruptcy ...": a noun, not a verb after a plural-looking name
    if not (third_person_form(verb) or _plural(head)):
        return None
    if toks[0][2].lower().endswith(_NOT_NAME_ENDINGS) and j == 1:
        return None  # "Ignored warnings ...": capitalised only as the headline's first word
    return j


def _past_with_object(toks: list[tuple[int, int, str]], j: int) -> bool:
    """An -ed verb directly followed by a capitalised object or a determiner (active
    past tense); followed by a preposition it is a headline passive (``jailed over``)."""
    verb = toks[j][2]
    if not (verb.islower() and _participle(verb)) or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1][2]
    return nxt[:1].isupper() and nxt not in CAP_STOP or nxt.lower() in ("a", "an", "the")


def _adjective(word: str) -> bool:
    """A word with an adjective's ending or a negation: ``shameful``, ``excellent``,
    ``dumbed-down``, ``not``; the quote is then the subject's judgement of its object."""
    low = word.lower()
    if low in _FUNCTION:
        return low == "not"
    return low.split("-")[0].endswith(_ADJECTIVE_ENDINGS)


def _quote_fits(view: str, toks: list[tuple[int, int, str]], j: int, quote_start: int) -> bool:
    """Whether the quote is said of the verb's object (see the module docstring)."""
    verb, gap = toks[j][2], toks[j + 1 :]
    quoted = re.findall(r"\w[\w-]*", view[quote_start : quote_start + 60])
    first = quoted[0].lower() if quoted else ""
    if first in _AUXILIARIES:
        return False  # "arms ban 'to be lifted'": the quote is the headline's own predicate
    if _CLAUSE_BREAK.search(view, toks[j][1], quote_start) or len(gap) > _MAX_GAP_WORDS:
        return False
    if not gap:  # the quote is the verb's object: "wins 'X'", but "quits 'shameful' UKIP"
        return _adjective(first) and not first.endswith("ing")  # not "X 'targeting web'"
    if gap and _participle(gap[0][2]) and third_person_form(verb):
        return False  # "Geology students fined ...": a plural noun before a headline passive
    if not any(_content(t[2]) or t[2][:1].isupper() for t in gap):
        return _adjective(first)  # "signs a 'X'", "stands by 'X'"
    if len(gap) == 1 and gap[0][2].islower() and third_person_form(verb):
        return False  # "CSI shows give 'X'": the -s word may be a plural noun before a verb
    words = [t[2].lower() for t in gap]
    if "to" in words and words[-1] != "as":
        return False  # an infinitive ("votes to 'pause'", "acts to stop 'X'"): its own clause
    last = gap[-1][2]
    if first in ("a", "an") or _adjective(first) and not last[:1].isupper():
        return True
    if all(t[2][:1].isupper() and t[2] not in CAP_STOP for t in gap):
        return True  # "attacks Blair-Brown 'feud'", "sue US 'copycat'": the object's name
    # "threatens the Arizona 'minutemen'", "sale of 'small' kiwi": a name's or a noun's
    # modifier, not what the subject says of its object
    return not (last[:1].isupper() or last.lower() in _FUNCTION - _PREDICATE_LINKS)


#: Longest line read as a headline (characters): headlines are short; the longest of the
#: annotated headline sets in tests/data/quotes is well under it.
HEADLINE_CHARS = 300


def headline_verb_cue(
    text: str,
    view: str,
    s_lo: int,
    s_hi: int,
    quote_start: int,
    forms: Container[str] = frozenset(),
) -> Cue | None:
    """The verb cue of a headline ``Subject verb ... 'quote'`` (see the module docstring).

    >>> t = "Kilroy-Silk quits 'shameful' UKIP"
    >>> c = headline_verb_cue(t, t, 0, len(t), t.index("'"))
    >>> t[c.start : c.end], t[c.np[0] : c.np[1]]
    ('quits', 'Kilroy-Silk')
    >>> headline_verb_cue("Man jailed over 'vile' post", "Man jailed over 'vile' post", 0, 27, 16)
    """
    if quote_start - s_lo > HEADLINE_CHARS:
        return None  # no headline has this much before its quote (and the scan would be quadratic)
    # the line around s_lo, searched only as far as a headline reaches (a search to the text's
    # ends was quadratic on one-line documents); a line found longer is rejected below anyway
    line_lo = view.rfind("\n", max(0, s_lo - HEADLINE_CHARS - 1), s_lo) + 1
    if line_lo == 0 and s_lo > HEADLINE_CHARS + 1:
        return None  # no line break within reach: the line starts too far back
    line_hi = view.find("\n", s_lo, line_lo + HEADLINE_CHARS + 1)
    line_hi = len(view) if line_hi < 0 else line_hi
    if line_hi - line_lo > HEADLINE_CHARS or s_lo - line_lo > HEADLINE_CHARS:
        return None  # a line this long is running text, not a headline
    if view[line_lo:s_lo].strip() or view[line_lo:line_hi].rstrip().endswith("."):
        return None  # not a headline: a sentence of running text
    if "\n" in view[s_lo:quote_start]:
        return None
    if title_case(view, line_lo, line_hi):
        return title_case_verb_cue(view, s_lo, line_hi, quote_start, forms)
    toks = word_spans(text, s_lo, quote_start)
    j = _subject_and_verb(toks)
    if j is None or not _quote_fits(view, toks, j, quote_start + 1):
        return None
    verb = toks[j][2]
    if verb.lower() in _ISSUE_ONLY or verb.lower() in _LINKING:
        return None  # "Obama signs landmark law overturning 'don't ask, don't tell'": a name
    k = j - 2 if j >= 2 and _lower_adverb(toks[j - 1][2]) else j - 1  # the subject's end
    return Cue(toks[j][0], toks[j][1], verb, verb, "unlisted", (toks[0][0], toks[k][1]), "left")


_TITLE_PREPOSITIONS = frozenset(_WORDS["title_prepositions"])
#: Words right before a quote that make it a predicate (``Was A 'Mistake'``), not a title.
_PREDICATE_BEFORE = frozenset(_WORDS["title_case_predicate"])
_SUBORDINATORS = frozenset(_WORDS["subordinators"])
_JUDGEMENT_ENDINGS = tuple(_WORDS["judgement_endings"])
#: First words of a judgement (``'Most Patriotic'``, ``'Not Funny'``): not a title.
_JUDGEMENT_OPENERS = frozenset(_WORDS["judgement_openers"])
_WORD_RE = re.compile(r"[^\W\d_][\w'-]*")


def title_in_title_case(
    view: str, s_lo: int, s_hi: int, cue_end: int, quote_start: int, *, listed: bool = False
) -> bool:
    """In a Title Case line, a quote after a preposition between it and its cue is a title,
    not speech (``Kelly Bishop Said About Filming "Gilmore Girls"``): every word is
    capitalised there, so a name cannot be told by its capitals, but a title sits in a
    prepositional phrase while speech follows its verb (``Called A Reporter A "X"``).

    The quote is speech after all when its shape says so (:func:`_said_in_title_case`).
    ``listed``: the cue is a reporting verb of the lexicon (not headline punctuation)."""
    if cue_end > quote_start or not title_case(view, s_lo, s_hi):
        return False
    between = _WORD_RE.findall(view[cue_end:quote_start].replace("\u2019", "'"))
    if not any(w.lower() in _TITLE_PREPOSITIONS for w in between):
        return False
    lows = {w.lower() for w in between}
    if not (_governs(between) or _labels_next(view, quote_start, s_hi) or lows & _SUBORDINATORS):
        return False  # "Blames ... On Hamas 'Propaganda'": the preposition has its own object
    return not _said_in_title_case(view, s_hi, cue_end, quote_start, between, listed)


def _governs(between: list[str]) -> bool:
    """The last title preposition before the quote governs it: only determiners,
    possessives or adjective-shaped words come between (``Of 'Teen Vogue'``, ``For Her 'SNL'
    Gig``, ``On Renewed 'Lethal Weapon'``), or a gerund right before it (``Hosting 'SNL'``), not the preposition's own object (``On Hamas 'X'``,
    ``Against Comcast 'Right Now'``, ``For On-Air 'Hissy Fit'``)."""
    last = max(i for i, w in enumerate(between) if w.lower() in _TITLE_PREPOSITIONS)
    if between[-1].lower().endswith("ing"):
        return True  # a gerund's object: "Hosting 'Saturday Night Live'"
    return all(
        w.lower() in DETERMINERS
        or w.endswith(("'s", "s'"))
        or w.lower().endswith(_ADJECTIVE_ENDINGS)
        or w.lower() in _TITLE_PREPOSITIONS
        for w in between[last + 1 :]
    )


def _said_in_title_case(
    view: str, s_hi: int, cue_end: int, quote_start: int, between: list[str], listed: bool
) -> bool:
    """A quote in a Title Case line that is speech although a preposition precedes it:

    - it opens right after a colon (``... Threatens To Shoot Protesters: 'I'd Drop ...'``);
    - it is a predicate: after ``A``, ``An``, ``As`` or a copula (``Was A 'Mistake'``);
    - its first word has the ending of a judgement (``'Wholeheartedly'``, ``'Shameful'``)
      or is a compound ending in an adjective (``Toll Of 'Fat-Phobic' Haters``): a
      judgement, not a title; the predicate rule does not hold inside a dependent
      question (``How To Tell If X Is 'OFFICAL'``);
    - a reporting verb's complement: the verb, then only ``To``/``About``/``Of``/``Over``
      and its object, then the quote, not followed by a capitalised word it would name
      (``Warns About 'Parallels' Between``, ``Tells Wealthy To 'Lighten Up' About``; but
      ``Talks About 'Friends' Reunion`` is a title).
    """
    if view[cue_end:quote_start].rstrip().endswith(":"):
        return True
    lows = [w.lower() for w in between]
    if lows and lows[-1] in _PREDICATE_BEFORE and not _SUBORDINATORS.intersection(lows):
        return True
    if lows and lows[-1] in _JUDGEMENT_OPENERS:
        return True  # "By Someone More 'Mature'": a judgement
    if _judgement(view, quote_start):
        return True
    if not listed or len(lows) > 3 or lows[-1] not in ("to", "about", "of", "over"):
        return False
    close = re.search(r"['\u2019\"\u201d](?!\w)", view[quote_start + 1 : s_hi])
    after = view[quote_start + 1 + close.end() : s_hi] if close else ""
    nxt = _WORD_RE.findall(after)
    return not nxt or nxt[0].lower() in _FUNCTION


#: Prepositions that end a Title Case speaker phrase before a colon (``Lindsey Graham In
#: New Ad:``); ``of``, ``for`` and ``and`` stay inside names (``Secretary Of State``).
_HEAD_CUT = frozenset(_WORDS["title_case_head_cut"])
#: The words before a headline colon: no quote mark, but an apostrophe inside a word
#: (``Han Solo Actor's Interview:``, ``Lupita Nyong'o Shares ...:``).
_COLON_HEAD = re.compile(
    r"\s*([A-Z](?:[^:\n'\"\u2018\u2019\u201c\u201d]|(?<=\w)['\u2019](?=\w)){0,160}?)\s*:\s"
)
_MAX_HEAD_WORDS = 16
_MAX_SPEAKER_WORDS = 6


def title_case_head(
    view: str, s_lo: int, quote_start: int, forms: Container[str]
) -> tuple[int, int] | None:
    """The speaker before the colon of a Title Case headline ``X Verb ...: 'quote'``.

    Every word is capitalised, so the speaker is told from the rest by the first verb or
    preposition after it: a reporting verb of the lexicon (``forms``), a third-person
    ``-s`` form that is not a speaking noun's modifier (``Trump Throws Rudy Giuliani Under
    The Bus:``, but ``Fox News Editor:``), or a preposition of :data:`_HEAD_CUT`
    (``Julia Louis-Dreyfus On Seeing A Female President ...:``). Without one, the whole
    phrase (at most six words) is the speaker (``Sweden's King Carl XVI Gustaf:``).

    >>> t = "Trump Throws Rudy Giuliani Under The Bus: 'He'll Get His Facts Straight'"
    >>> a, b = title_case_head(t, 0, t.index(": '") + 2, frozenset())
    >>> t[a:b]
    'Trump'
    """
    m = _COLON_HEAD.match(view, s_lo, quote_start)
    if m is None:
        return None
    return title_case_subject(view, m.start(1), m.end(1), forms)


def title_case_subject(
    view: str, lo: int, hi: int, forms: Container[str]
) -> tuple[int, int] | None:
    """The subject of the Title Case clause ``view[lo:hi]``: its words up to the first verb
    or preposition (see :func:`title_case_head`); a plural agent noun is the whole subject
    (``Koala Rescuers Share Moving Recovery Stories``: ``Koala Rescuers``)."""
    toks = word_spans(view, lo, hi)
    words = [w for _, _, w in toks]
    if not words or len(words) > _MAX_HEAD_WORDS or not words[0][:1].isupper():
        return None
    end, _ = _title_case_cut(words, forms)
    if end > _MAX_SPEAKER_WORDS:
        return None
    return toks[0][0], toks[end - 1][1]


def _title_case_cut(words: list[str], forms: Container[str]) -> tuple[int, bool]:
    """Where a Title Case subject ends (see :func:`title_case_head`), and whether a verb
    ends it (not a preposition, a plural agent noun or the end of the words)."""
    for j in range(1, len(words)):
        low, nxt = words[j].lower(), (words[j + 1] if j + 1 < len(words) else "")
        prev = words[j - 1].lower()
        verb = (
            low in forms
            or (
                third_person_form(low)
                and low not in _NOUNS
                and not low.endswith(_AGENT_ENDINGS)
                and j + 1 < len(words)
                and (not _speaking_noun(nxt) or nxt.lower() in MODIFIERS)  # Blasts Former ...
                and nxt.lower() not in ("'s", "\u2019s")
                and not (
                    nxt[:1].isupper()
                    and third_person_form(nxt.lower())
                    and nxt.lower() not in _NOUNS
                )
            )
        )
        after_plural = _plural(prev) and prev.endswith(_AGENT_ENDINGS) and j + 1 < len(words)
        if verb or low in _HEAD_CUT or after_plural:
            return j, verb and not after_plural
    return len(words), False


#: Possessive determiners after which a quote is the object's predicate (``As His 'X'``).
_POSSESSIVE_DETERMINERS = frozenset(("his", "her", "their", "its", "my", "our", "your"))


def title_case_verb_cue(
    view: str, s_lo: int, s_hi: int, quote_start: int, forms: Container[str]
) -> Cue | None:
    """The verb cue of a Title Case headline ``Subject Verb ... 'quote'`` whose verb is not
    a reporting verb (``Chris Hayes Nails 'Cowardly' Fox News``, ``Trump Blasts John Brennan
    As 'Loudmouth'``): the subject and verb as :func:`title_case_subject` finds them (at most
    six words, no punctuation, not a question word first), the quote in the verb's clause (no comma, colon,
    dash or semicolon between, at most eight words) and, as every word is capitalised, only
    in two shapes that are not a title:

    - right after the verb, a judgement (:func:`_judgement`) or not followed by a
      capitalised word it would name (``Talks 'Life Of A Pregnant Woman' During``; but
      ``Performs 'Without You' Remix``); known failure: a surname in -s before a quote
      (``Jerry Jones 'Home And Fine'``) is taken for the verb;
    - after the object, a predicate (``As 'X'``, ``As His 'X'``, ``Is 'X'``) or a judgement.

    A preposition between verb and quote is left to :func:`title_in_title_case`.

    >>> t = "Chris Hayes Nails 'Cowardly' Fox News For Its Hypocrisy"
    >>> c = title_case_verb_cue(t, 0, len(t), t.index("'"), frozenset())
    >>> t[c.start : c.end], t[c.np[0] : c.np[1]]
    ('Nails', 'Chris Hayes')
    """
    toks = word_spans(view, s_lo, s_hi)
    words = [w for _, _, w in toks]
    first = words[0].lower() if words else ""
    if len(words) < 3 or not words[0][:1].isupper() or first in _SUBORDINATORS | _FUNCTION:
        return None  # no subject: "How ...", "Do You ..."
    j, verb = _title_case_cut(words, forms)
    if not verb or j > _MAX_SPEAKER_WORDS or toks[j][1] > quote_start:
        return None
    if _CLAUSE_BREAK.search(view, toks[0][0], toks[j][0]):
        return None  # "Dear Santa, Please Add 'X'": no subject phrase
    if _participle(words[j].lower()):
        return None  # "Ride Deemed 'X' By Officials": a headline passive
    words = [w for a, _, w in toks if a < quote_start]
    if len(words) - j - 1 > _MAX_GAP_WORDS:
        return None
    subject_end = toks[j - 1][1]
    k = _second_verb(view, toks, j, quote_start, forms)
    if k is None:
        return None
    j = k
    gap = [w.lower() for w in words[j + 1 :]]
    inner = _WORD_RE.findall(view[quote_start + 1 : quote_start + 60])
    if not inner or not inner[0][:1].isupper():
        return None  # a lower-case quote: the line is not Title Case throughout
    if not gap and inner[0].lower().endswith("ing"):
        return None  # "Wins 'Dancing With The Stars'": a title
    if not _speech_shape(view, gap, quote_start, s_hi):
        return None
    w = words[j]
    if w.lower() in _ISSUE_ONLY or w.lower() in _LINKING:
        return None  # "Kanye Releases 'Real Friends'": the quote names what is issued
    return Cue(
        toks[j][0], toks[j][1], w.lower(), w.lower(), "unlisted", (toks[0][0], subject_end), "left"
    )


#: Linking verbs (closed class): their subject judges nothing (``Cara Delevingne Looks
#: Unrecognizable As 'X'``).
_LINKING = frozenset(
    "look looks looked seem seems seemed appear appears appeared sound sounds sounded "
    "feel feels felt become becomes became remain remains remained".split()
)


#: Prepositions missing from the function words (closed class: Quirk et al. 1985, 9.7).
_MORE_PREPOSITIONS = frozenset(
    "besides beside behind beyond like unlike versus vs including inside outside across "
    "around through throughout below above beneath along alongside".split()
)


def _speech_shape(view: str, gap: list[str], quote_start: int, s_hi: int) -> bool:
    """A Title Case quote in the verb's clause that is not a title (see
    :func:`title_case_verb_cue`; ``gap``: the lower-cased words between verb and quote)."""
    if _judgement(view, quote_start):
        return True
    if not gap:  # "Mocks 'Snowflake' Marjorie Taylor Greene", not "Performs 'X' Remix"
        return not _labels_next(view, quote_start, s_hi)
    if _SUBORDINATORS.intersection(gap) or any(w.endswith("ing") for w in gap):
        return False  # a dependent question or a participle's own clause ("Chorus Lamenting 'X'")
    if gap[-1] in _PREDICATE_BEFORE | _JUDGEMENT_OPENERS or (
        gap[-1] in _POSSESSIVE_DETERMINERS and len(gap) > 1 and gap[-2] in _PREDICATE_BEFORE
    ):
        return True
    # after the object, ending the line: "Blames Gaza Violence On Hamas 'Propaganda'",
    # "Scolds Meghan McCain For On-Air 'Hissy Fit'" (a title preposition right before the
    # quote is left to title_in_title_case)
    if gap[-1] in _FUNCTION or gap[-1] in _MORE_PREPOSITIONS:
        return False  # "Right Now Besides 'Big Mouth'": a preposition's object
    if gap[-1].endswith(("'s", "s'", "\u2019s", "s\u2019")):
        return False  # "Jay-Z's 'American Gangster'": the quote names the possessed thing
    close = re.search(r"['\u2019\"\u201d](?!\w)", view[quote_start + 1 : s_hi])
    return close is not None and not re.search(r"\w", view[quote_start + 1 + close.end() : s_hi])


_ONE_WORD_QUOTE = re.compile(r"[^\W\d_][\w-]*['\u2019\"\u201d](?!\w)")


def _second_verb(
    view: str, toks: list[tuple[int, int, str]], j: int, quote_start: int, forms: Container[str]
) -> int | None:
    """The verb whose clause holds the quote: ``j`` when no comma, colon, dash or semicolon
    comes between it and the quote, else the first word after the last comma when it is a
    verb sharing the subject (``CNN Host Counters Trump, Says She's At Her 'Most Patriotic'``,
    ``Eric Clapton Contracts COVID, Cancels Shows Because He's 'Anxious'``); else None."""
    breaks = list(_CLAUSE_BREAK.finditer(view, toks[j][1], quote_start))
    if not breaks:
        return j
    if breaks[-1].group() != ",":
        return None
    k = next((i for i in range(j + 1, len(toks)) if toks[i][0] >= breaks[-1].end()), None)
    if k is None or toks[k][0] >= quote_start:
        return None
    low = toks[k][2].lower()
    if low in forms or third_person_form(low) and low not in _NOUNS:
        return k
    return None


def _judgement(view: str, quote_start: int) -> bool:
    """The quote opens with a judgement: a judgement ending, an intensifier or negation,
    or a compound ending in an adjective (``'Cowardly'``, ``'Most Patriotic'``, ``'Fat-Phobic'``)."""
    inner = _WORD_RE.findall(view[quote_start + 1 : quote_start + 60])
    first = inner[0].lower().rstrip("'\u2019") if inner else ""
    parts = first.split("-")
    one_word = _ONE_WORD_QUOTE.match(view, quote_start + 1) is not None
    ending = first.endswith(_JUDGEMENT_ENDINGS) and (one_word or first.endswith("ly"))
    # an adjective before a noun names something ('Homeless Quilt'); an adverb does not
    return (
        bool(first)
        and (ending or first in _JUDGEMENT_OPENERS)
        or (len(parts) > 1 and _adjective(parts[-1]))
    )


def _labels_next(view: str, quote_start: int, s_hi: int) -> bool:
    """The quote modifies the word after it (``'Without You' Remix``, ``'Jaws'-Like``,
    ``'Billboard' 2014 List``, ``'Zero Tolerance' Immigration Rule``, ``'SNL' Chorus``), not
    a person it judges: a known actor (``'Biggest Snowflake' Trump``) or, after a one-word
    quote that is not an acronym, a name of two capitalised words (``'Snowflake' Marjorie
    Taylor Greene``, ``'Liar' Boris Johnson``)."""
    close = re.search(r"['\u2019\"\u201d](?!\w)", view[quote_start + 1 : s_hi])
    if close is None:
        return False
    after = view[quote_start + 1 + close.end() : s_hi]
    if re.match(r"-\w| \d", after):
        return True  # a compound or a number: "'Jaws'-Like", "'Billboard' 2014"
    nxt = re.findall(r"[^\W\d_][\w'-]*", after[:60])
    if not re.match(r" [^\W\d_]", after) or not nxt[0][:1].isupper() or nxt[0].lower() in _FUNCTION:
        return False
    caps = []
    for w in nxt[:3]:
        if not w[:1].isupper() or w.lower() in _FUNCTION:
            break
        caps.append(w)
    if any(canonical_or_none(" ".join(caps[:k])) for k in range(len(caps), 0, -1)):
        return False
    inner = _WORD_RE.findall(view[quote_start + 1 : quote_start + 1 + close.start()])
    name = len(caps) >= 2 and not caps[1].lower().endswith(("ing", "ed"))
    return not (name and len(inner) == 1 and not inner[0].isupper())


def _names_next(view: str, quote_start: int, s_hi: int) -> bool:
    """A capitalised word other than a function word follows the quote's closing mark:
    the quote names it (``'Without You' Remix``, ``'Snowflake' Marjorie Taylor Greene``)."""
    close = re.search(r"['\u2019\"\u201d](?!\w)", view[quote_start + 1 : s_hi])
    if close is None:
        return False
    nxt = _WORD_RE.findall(view[quote_start + 1 + close.end() : s_hi])
    return bool(nxt) and nxt[0][:1].isupper() and nxt[0].lower() not in _FUNCTION
