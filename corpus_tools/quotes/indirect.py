"""Indirect (reported) speech: the clause a reporting cue introduces."""

from __future__ import annotations

import re

from ..lexicon import load_lexicon
from .cues import TRAILING_CLAUSE_RE, Cue, CueBook
from .phrases import SKIP, SOURCE_KNOWLEDGE, is_adverb, skip_adverbials, speaking_head
from .structure import headline_line, own_speaker, person_name

#: An unnamed source's knowledge after its head ends the sentence: no content of its own.
_KNOWLEDGE_TAIL_RE = re.compile(r"^\s+" + SOURCE_KNOWLEDGE + r"[^,;:]*$", re.IGNORECASE)
_CITING_RE = re.compile(r"\s*,\s*(?:citing|according\s+to)\b", re.IGNORECASE)

#: Word lists of quote attribution, shipped in ``data/quote_words.yml``.
_WORDS = load_lexicon("quote_words").data
_CLAUSE_STARTS = frozenset(_WORDS["clause_starts"])


_NOT_CLAUSE = frozenset(_WORDS["not_clause"])
#: Verbs that are an act, not speech, with an object of ``act_objects`` (``data/quote_words.yml``).
_ACT_VERBS = frozenset(_WORDS["act_verbs"])
_ACT_OBJECTS = frozenset(_WORDS["act_objects"])
_FUNCTION = frozenset(_WORDS["function_words"])
_MODALS = frozenset(
    "May Might Will Would Can Could Should Must may might will would can could".split()
)
#: Verbs whose bare object in a headline is a thing (``data/quote_words.yml``).
_THING_OBJECT = frozenset(_WORDS["thing_object_verbs"])
_SPEECH_NEXT = re.compile(
    r"\s*(?:[,:]|\s(?:that|on|out|upon)\b|\s*[\"'\u201c\u2018])", re.IGNORECASE
)
#: First words of a clause, not of a speaker phrase, after a comma.
_NOT_SPEAKER_START = frozenset(
    "and but or as while although though because since if when where who which that so "
    "he she it they we i you this these those".split()
)


_TRAIL = " \t\n.!?;:,"

#: Words that end a speaker phrase after its head (``the UN's envoy to the country``,
#: ``a source close to the talks``, ``the head of a group that runs the island``).
_PHRASE_CUT = re.compile(
    r"\s(?:that|who|which|whose|to|in|at|on|from|with|near|close|familiar|inside|within|"
    r"for|after|before|during)\b",
    re.IGNORECASE,
)
#: Most words of a speaker phrase between the last comma and a sentence-final cue.
_MAX_PHRASE_WORDS = 12


def _strip_clause(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n,:":
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    return s, e


def comma_speaker(view: str, s: int, e: int, c: Cue) -> tuple[int, int] | None:
    """The speaker phrase of ``CLAUSE, NP said (adverbials).``: everything between the last
    comma and a sentence-final cue, up to the first word that starts its modifier (a
    preposition, a relative pronoun); None when the cue is not sentence-final or the phrase
    is no noun phrase (a conjunction or pronoun first, more than twelve words).

    >>> t = "Talks could fail, the UN's envoy to the country said on Friday."
    >>> c = Cue(t.index("said"), t.index("said") + 4, "said", "say", "neutral")
    >>> a, b = comma_speaker(t, 0, len(t), c)
    >>> t[a:b]
    "the UN's envoy"
    >>> t = "More than the 8, 000 first reported."
    >>> comma_speaker(t, 0, len(t), Cue(27, 35, "reported", "report", "neutral")) is None
    True
    """
    tail = view[skip_adverbials(view, c.end, e) : e]
    if not re.fullmatch(r"[\s.!?]*|\s*(?:on|in|at)\s+(?:its|his|her|their|the)\b[^,]*", tail):
        return None
    comma = view.rfind(",", s, c.start)
    if comma < 0:
        return None
    a = comma + 1
    while a < c.start and view[a].isspace():
        a += 1
    phrase = view[a : c.start].rstrip()
    words = phrase.split()
    if not words or len(words) > _MAX_PHRASE_WORDS or '"' in phrase:
        return None
    first = words[0].lower()
    if (
        first in _NOT_SPEAKER_START
        or comma > s
        and view[comma - 1].isdigit()
        and first[:1].isdigit()
    ):
        return None  # "the 8, 000 first reported": a number's thousands comma, not a clause's
    m = _PHRASE_CUT.search(phrase)
    b = a + (m.start() if m else len(phrase))
    last = re.search(r"\s(\w+)$", view[a:b])
    if last is not None and (last.group(1).lower() in SKIP or is_adverb(last.group(1))):
        b = a + last.start()  # "The Intercept previously revealed": not part of the name
    return (a, b) if b > a else None


def thing_object(view: str, c: Cue, hi: int) -> bool:
    """In a headline, a verb of ``thing_object_verbs`` not followed by ``that``, a quote or
    a speech particle: its object is a thing (``Adobe Adds Yahoo Search Bar to Acrobat``).

    >>> t = "Adobe Adds Yahoo Search Bar"
    >>> thing_object(t, Cue(6, 10, "Adds", "add", "neutral", (0, 5), "left"), len(t))
    True
    """
    if c.lemma in _ACT_VERBS and _act_object(view, c.end, hi):
        return True
    return c.lemma in _THING_OBJECT and not _SPEECH_NEXT.match(view, c.end, hi)


def _act_object(view: str, end: int, hi: int) -> bool:
    """The object after a verb of ``act_verbs`` makes it an act, not speech: ``off`` (``calls
    off comeback``), a name and ``as`` (``confirms Robert Gates as ...``: an appointment) or,
    within four words before a function word, a noun of ``act_objects`` (``UN calls
    emergency meeting``, ``confirms first military death sentence``).

    >>> _act_object("UN calls emergency meeting on Syria", 8, 35)
    True
    >>> _act_object("UN calls for emergency meeting", 8, 30)
    False
    """
    words = re.findall(r"[^\W\d_][\w'-]*|\S", view[end:hi])[:4]
    if words and words[0].lower() == "off":
        return True
    if re.match(r"\s+(?:[A-Z][\w.'-]*\s+){1,3}as\s", view[end:hi]):
        return True  # "Senate confirms Robert Gates as ...": an appointment
    for w in words:
        low = w.lower()
        if low in _ACT_OBJECTS:
            return True
        if low in _FUNCTION or not w[:1].isalpha():
            return False
    return False


#: A headline's topic or kicker and its colon before the speaker (``Energy bills: ``).
_KICKER_BEFORE = re.compile(r"[^:\"'\u2018\u201c]{1,40}:\s+")


#: A preposition right after a headline's verb that leaves it without a message (``South
#: Africa declare at 510``); ``speak out about``, ``protests after``, ``warn in a statement``,
#: ``calls on`` still report.
_PLACE_PREPOSITIONS = frozenset(["at"])


def _topic_before(view: str, lo: int, at: int) -> bool:
    """``view[lo:at]`` is a headline's topic and its colon, no speaker and no person (``Energy
    bills: ``; not ``Police: ``, whose claim follows, nor ``David Fuller: ``, the story's
    subject, whose act follows)."""
    if not _KICKER_BEFORE.fullmatch(view, lo, at):
        return False
    head = re.findall(r"[^\W\d_][\w'\u2019.-]*", view[lo:at])
    return bool(head) and not speaking_head(head[-1]) and not person_name(head)


#: Abbreviated titles before a name that the speaker phrase leaves out (``Prof.``, ``Dr.``).
_TITLE_BEFORE = re.compile(r"(?:(?:Prof|Dr|Mr|Mrs|Ms|Rev|Hon|Gen|Sen|Rep|Gov|Col|Capt|Lt)\.\s+)+")


def headline_object(view: str, c: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """What a headline's subject says when its reporting verb takes a noun phrase, not a
    clause (``Israel Urges Sanctions on Iran``, ``Bush Blames Poorly Made Shirt for Bulge
    (AP)``): the rest of the line after the verb, without a closing credit in brackets.
    Only when the speaker phrase opens the line ``view[lo:hi]`` and the verb follows it.

    >>> t = "Israel Urges Sanctions on Iran for Nuke Program (AP)"
    >>> c = Cue(7, 12, "Urges", "urge", "neutral", (0, 6), "left")
    >>> a, b = headline_object(t, c, 0, len(t))
    >>> t[a:b]
    'Sanctions on Iran for Nuke Program'
    """
    if c.np is not None and c.np[0] != lo and _topic_before(view, lo, c.np[0]):
        lo = c.np[0]  # "Energy bills: Charities warn people against ...": after the topic
    elif (
        c.np is not None
        and c.np[0] != lo
        and _KICKER_BEFORE.fullmatch(view, lo, c.np[0])
        and not person_name(re.findall(r"[^\W\d_][\w'\u2019.-]*", view[lo : c.np[0]]))
        and own_speaker(view[c.np[0] : hi])
    ):
        lo = c.np[0]  # "Assembly: Governor Ravi hails ...": the words after a body's colon speak
    if c.np is not None and c.np[0] > lo and _TITLE_BEFORE.fullmatch(view, lo, c.np[0]):
        lo = c.np[0]  # "Prof. Opoku-Agyemang calls for ...": a title left out of the name
    if c.np is None or c.np_side != "left" or c.np[0] != lo or c.form.lower().endswith("ed"):
        return None  # a headline's -ed form is a passive ("Turkey Revealed as Major Hub")
    if thing_object(view, c, hi):
        return None  # "Toyota recalls 1.8 million cars", "IBM adds midrange server": no message
    between = view[c.np[1] : c.start].split()
    if len(between) > 1 or between and not (is_adverb(between[0]) or between[0] in _MODALS):
        return None  # only an adverb between: "Mike Lindell Finally Reveals ..."
    rest = view[c.end : hi]
    m = re.match(r"\s*(?:to\s+)?", rest)
    a = c.end + (m.end() if m else 0)
    tail = re.search(r"\s*(?:\([^()]{1,30}\))?\s*$", view[a:hi])
    b = a + (tail.start() if tail else len(view[a:hi]))
    words = view[a:b].split()
    if len(words) < 2 or words[0].lower() in _NOT_CLAUSE | _PLACE_PREPOSITIONS:
        return None  # "South Africa declare at 510 for 9": no object, no message
    if words[0].lower() in ("it", "this") and not _verb_follows(view[a:b]):
        return None  # "I’ve said it too, and ...": a pronoun object, no message
    return a, b


#: What may follow ``according to X`` ending a clause: nothing, or an apposition describing X
#: after a comma or dash (``according to X – a group which ...``).
_APPOSITION_RE = re.compile(r"\s*(?:[.!?]*\s*$|[,\u2013\u2014-]\s*(?:a|an|the)\s)")


#: A reduced relative clause closing the sentence after ``according to X``: a past
#: participle and up to five words (``released Wednesday.``, ``published by the agency.``).
_PARTICIPLE_TAIL = re.compile(
    r"\s+(?:[a-z]{3,}ed|written|shown|given|made|seen|held|done)(?:\s+[\w'\u2019-]+){0,5}[\s.!?]*"
)


def _bracketed(before: str, rest: str) -> bool:
    """``according to X`` in brackets closing a clause of three words or more."""
    return (
        before.endswith("(")
        and re.fullmatch(r"\s*\)[\s.!?]*", rest) is not None
        and len(before.split()) >= 3
    )


#: An addressee closing ``CLAUSE, X tells Z``: one to four words, none of them a function
#: word but a determiner or possessive (``governments``, ``the UN``, ``his party's MPs``).
_ADDRESSEE_RE = re.compile(r"\s+(?P<np>(?:[^\W\d_][\w'\u2019.-]*\s*){1,4}?)[\s.!?]*")
_ADDRESSEE_OPEN = frozenset("the a an his her its their our my your".split())


def _addressee_cut(tail: str) -> str:
    """``tail`` without an addressee that is all it holds (``governments``, ``the UN``);
    a clause after it (``tells MPs to back the deal``, ``tells him that``) keeps it.

    >>> _addressee_cut(" governments."), _addressee_cut(" MPs to back the deal")
    ('', ' MPs to back the deal')
    """
    m = _ADDRESSEE_RE.fullmatch(tail)
    if m is None:
        return tail
    words = m.group("np").split()
    if any(w.lower() in _FUNCTION and w.lower() not in _ADDRESSEE_OPEN for w in words):
        return tail
    return ""


_FINITE_AUX = frozenset(
    "could would will may might can should must is are was were has have had".split()
)


def _subject_then_verb(rest: str) -> bool:
    """``rest`` opens with ``a``/``an``, a noun phrase of one to four words and an
    auxiliary or modal, or a past tense (a lower-case ``-ed`` word after the noun): a clause
    (``warns a nuclear war could break out``, ``say a JetBlue Airways flight landed``), not an
    object (``said a lot``, ``warns a friend``).

    >>> _subject_then_verb("a nuclear war could break out"), _subject_then_verb("a lot")
    (True, False)
    >>> _subject_then_verb("a JetBlue flight bound for Orlando safely landed at JFK")
    True
    """
    words = re.findall(r"[\w'-]+|[^\w\s]", rest[:80])
    if not words or words[0].lower() not in ("a", "an"):
        return False
    for k, w in enumerate(words[2:10], start=2):
        if w.lower() in _FINITE_AUX and k < 6:
            return True
        if k >= 3 and w.islower() and len(w) > 4 and w.endswith("ed"):
            return True
        if not w[:1].isalpha():
            return False
    return False


def _verb_follows(first: str) -> bool:
    """``first`` goes on as a clause after its first word (``it``/``this``): not when that word
    is followed by the sentence's end, a comma, a preposition or conjunction, or an adverb
    (``it too``, ``this again``, ``it to me``, ``it publicly``): then it is the verb's object.

    >>> _verb_follows("it would appeal"), _verb_follows("it too, and"), _verb_follows("it sold its unit")
    (True, False, True)
    """
    m = re.match(r"[\w]+(['\u2019]\w+)?\s*(\S*)", first)
    if m is None:
        return False
    if m.group(1):
        return True  # "it's", "it'll"
    w = m.group(2).lower()
    if not w or not w[:1].isalpha() or w != w.strip(",.;:!?"):
        return False
    if w in _FINITE_AUX or w in ("does", "did", "do"):
        return True  # "it would appeal", "it does not"
    return w not in _OBJECT_NEXT and w not in _FUNCTION and not is_adverb(w)


#: Words after a pronoun object of ``say`` (``said it too``, ``said this again``).
_OBJECT_NEXT = frozenset(
    "too again before first best well all yet often once twice many more so loud aloud out "
    "myself yourself himself herself ourselves themselves".split()
)


def _bare_clause(c: Cue, book: CueBook, first: str, before: str) -> bool:
    """Whether ``first`` (the text after the cue) opens a reported clause without ``that``:
    ``say`` takes any but an object (``said nothing``); other bare-clause verbs a capital, a
    clause-opening word, a noun phrase and an auxiliary, or a relative before the speaker."""
    if c.lemma not in book.bare_clause:
        return False
    m0 = re.match(r"[\w'-]+", first)
    w0 = m0.group() if m0 else ""
    if c.lemma == "say":
        if w0.lower() in ("it", "this") and not _verb_follows(first):
            return False  # "I've said it too", "he said this again": the object, no clause
        return w0.lower() not in _NOT_CLAUSE or _subject_then_verb(first)
    relative = re.search(r"\b(?:that|which)\s*$", before) is not None
    return w0[:1].isupper() or w0.lower() in _CLAUSE_STARTS or relative or _subject_then_verb(first)


#: Sentence adverbs and connectives that open a sentence before a comma (no clause).
_OPENERS = frozenset(
    "however meanwhile moreover furthermore nonetheless nevertheless instead indeed still yet "
    "also and but so then now overall thus hence besides likewise similarly consequently "
    "separately additionally earlier later previously recently currently".split()
)
#: Prepositions and time words opening a short introductory phrase (``For example``,
#: ``In 2014``, ``Last year``, ``By contrast``).
_OPENER_STARTS = frozenset("for in at on by after before since during last this of as".split())


def _opener(before: str) -> bool:
    """``before`` is an introductory phrase, no clause: a sentence adverb (``However``,
    ``Separately``, an ``-ly`` adverb) or a preposition or time word and at most three more
    words (``For example``, ``In 2014``, ``Last year``).

    >>> _opener("For example"), _opener("However"), _opener("Prices rose sharply")
    (True, True, False)
    """
    words = before.split()
    if not words or len(words) > 4:
        return False
    first = words[0].lower().strip(",")
    if len(words) == 1:
        return first in _OPENERS or is_adverb(words[0])
    return first in _OPENER_STARTS


def _according_content(text: str, view: str, c: Cue, s: int, e: int) -> tuple[int, int] | None:
    """The clause an ``according to X`` cue reports: the clause before it (``CLAUSE,
    according to X``) or after it (``According to X, CLAUSE``)."""
    np_end = c.np[1] if c.np else c.end
    rest = view[np_end:e]
    if rest.lstrip().startswith(","):
        before = view[s : c.start].strip()
        if before and not before.endswith(","):
            return None
        if before.endswith(",") and not _opener(before[:-1]):
            return _strip_clause(text, s, c.start)  # CLAUSE, according to X, CLAUSE: the first
        if before.endswith(","):  # "For example, according to X, CLAUSE": the clause after
            return _strip_clause(text, np_end + rest.index(",") + 1, e)
        return _strip_clause(text, np_end + rest.index(",") + 1, e)
    rest = view[skip_adverbials(view, np_end, e) : e]  # "... report in April."
    before = view[s : c.start].rstrip()
    closes = re.fullmatch(r"\s*(?:\([^()]{1,40}\))?[\s.!?]*", rest) or _PARTICIPLE_TAIL.fullmatch(
        rest
    )  # "..., according to a new report released Wednesday."
    if closes and before.endswith(","):
        # "..., according to the Anti-Phishing ... (APWG)."
        return _strip_clause(text, s, c.start)
    if _bracketed(before, rest):  # "CLAUSE (according to Yelp)": the clause before
        return _strip_clause(text, s, view.rindex("(", s, c.start))
    if _APPOSITION_RE.match(rest) and len(before.split()) >= 3:
        # "... killed 1,147 according to X – a group ..."
        return _strip_clause(text, s, c.start)
    return None


#: A short quoted word or phrase opening a clause that goes on for two words or more
#: (``says 'likely' will have to cut rates``): the clause is reported, the quote is a scare.
_QUOTED_OPENING = re.compile(
    "[\"'\u2018\u201c]([^\"'\u2018\u2019\u201c\u201d]{1,25})[\"'\u2019\u201d]"
    r"\s+[^\W\d_]+\s+[^\W\d_]+"
)


def _quoted_word_opens(first: str) -> bool:
    """``first`` opens with one or two quoted words and goes on as a clause.

    >>> _quoted_word_opens("'likely' will have to cut rates"), _quoted_word_opens("'We will win'")
    (True, False)
    """
    m = _QUOTED_OPENING.match(first)
    return m is not None and len(m.group(1).split()) <= 2


def _plural_speaker(view: str, c: Cue) -> bool:
    """The cue's speaker phrase ends in a plural speaking noun (``Prosecutors``, ``analysts``;
    not ``everything Trump says``)."""
    words = view[c.np[0] : c.np[1]].split() if c.np else []
    return bool(words) and words[-1].lower().endswith("s") and speaking_head(words[-1])


def _run_in_claim(before: str, c: Cue, book: CueBook) -> bool:
    """The words before a sentence-final cue's speaker in a headline, with no comma or quote
    mark, are a claim of three words or more (a headline without its punctuation), and the
    cue is a present-tense verb of a reported clause, no noun form (``... Prosecutors Say``;
    not ``... Release Date Announced``, ``... Voter Fraud Claims``)."""
    words = before.split()
    form = c.form.lower()
    if c.lemma not in book.bare_clause or form.endswith("ed") or form in book.noun_forms:
        return False  # "Nestle Confirms Targets After Rivals Warn": a preposition's object
    if len(words) < 3 or re.search('[,;"\u201c\u201d]', before):
        return False  # "'...,' a union spokesman said": a quote's attribution
    return words[-1][-1:].isalnum() and words[-1].lower() not in _FUNCTION


#: A comma, colon or semicolon, or a quote mark not inside a word (``it's`` is no quote).
_MARK_OR_BREAK = re.compile(r"[,:;\"\u201c\u201d]|(?<!\w)['\u2018]|['\u2019](?!\w)")


def _bare_inversion(view: str, c: Cue, s: int, e: int) -> bool:
    """A headline that ends in an inverted cue and its speaker with no comma before the cue
    (``Blackouts less likely this winter says National Grid``): the words before the cue,
    three or more with no comma, colon or quote mark and no function word last, are the
    claim; not after an ``-ing`` or ``tell`` cue (``..., telling X``: its object).

    >>> t = "Blackouts less likely this winter says National Grid"
    >>> c = Cue(34, 38, "says", "say", "neutral", (39, 52), "right")
    >>> _bare_inversion(t, c, 0, len(t))
    True
    >>> t = "Blackouts less likely for says National Grid"
    >>> _bare_inversion(t, Cue(26, 30, "says", "say", "neutral", (31, 44), "right"), 0, len(t))
    False
    """
    if c.np is None or c.np[0] < c.end or c.lemma == "tell" or c.form.endswith("ing"):
        return False
    if view[c.np[1] : e].strip(" .!?") or headline_line(view, s, e) is None:
        return False
    words = view[s : c.start].split()
    if len(words) < 3 or _MARK_OR_BREAK.search(view, s, c.start):
        return False
    return words[-1][-1:].isalnum() and words[-1].lower() not in _FUNCTION


def indirect_content(
    text: str, view: str, c: Cue, s: int, e: int, book: CueBook
) -> tuple[int, int] | None:
    """Offsets of the reported clause for an indirect-speech cue, or None."""
    tail_src = _CITING_RE.search(view, c.end, e)
    if tail_src is not None and c.lemma != "according to":
        e = tail_src.start()  # "..., citing the central bank." names the source, not content
    if c.lemma == "according to":
        return _according_content(text, view, c, s, e)
    # pattern B: CLAUSE, X said (adverbials).
    np_start = c.np[0] if c.np else c.start
    lead = min(np_start, c.start)
    tail_from = max(c.end, c.np[1] if c.np else c.end)
    tail = view[skip_adverbials(view, tail_from, e) : e]
    if c.np_side == "right":
        tail = re.sub(r"^\s*,\s*(?:the|a|an|his|her|its)\b[^,]*$", "", tail)
        tail = _KNOWLEDGE_TAIL_RE.sub("", tail)  # "..., say people familiar with the process"
    elif c.lemma == "tell" and view[s:lead].rstrip().endswith(","):
        tail = _addressee_cut(tail)  # "..., Pope tells governments": whom he told
    prep_tail = re.match(
        r"\s*(?:after|before|between|during|following|at|in|on|from|with|to|via)\b", tail
    )
    clause_tail = TRAILING_CLAUSE_RE.match(tail)  # "..., inmates say, but officials disagree"
    if clause_tail and c.np_side != "right" and clause_tail.group()[:1] not in ",;":
        clause_tail = None  # "..., First Boston Corp said as a manager": no clause
    if (
        view[s:lead].rstrip().endswith(",")
        and not _opener(view[s:lead].rstrip()[:-1])  # "For example, X at Y suggested in ..."
        and (re.fullmatch(r"[\s.!?]*", tail) or prep_tail or clause_tail)
    ):
        cs, ce = _strip_clause(text, s, view.rindex(",", s, lead))
        if view[cs:ce].rstrip().endswith(('"', "'")):
            return None  # attribution of a direct quote
        return (cs, ce) if ce > cs else None
    run_in = c.np_side == "left" and not tail.strip(" .!?") and headline_line(view, s, e)
    if run_in and _run_in_claim(view[s:lead], c, book) and _plural_speaker(view, c):
        return _strip_clause(text, s, lead)  # "... Led Crime Ring Prosecutors Say"
    if c.np_side == "right" and _bare_inversion(view, c, s, e):
        return _strip_clause(text, s, c.start)  # "... this winter says National Grid"
    if c.np_side == "right":
        return None
    # pattern A: X said (adverbials) (that) CLAUSE
    pos = skip_adverbials(view, c.end, e)
    rest = view[pos:e]
    if c.lemma in ("tell", "told reporters") or c.lemma.startswith("told"):
        mt = re.match(r"\s*(?:[\w'-]+\s+){0,4}?that\b", rest)
        if mt:
            pos += mt.end()
        else:
            mo = re.match(r"\s*(?:reporters|journalists|the press|media)\b", rest)
            if mo:
                pos += mo.end()
        has_that = mt is not None
    else:
        mt = re.match(r"\s*,?\s*that\b", rest)
        has_that = mt is not None
        if mt:
            pos += mt.end()
    pos = skip_adverbials(view, pos, e)
    first = view[pos:e].lstrip()
    if first[:1] == ":" and not has_that:
        return _colon_content(text, view, c, pos, e, book)
    if not first or first[0] in ",.;:!?":
        return None
    if first[0] in "\"'" and not (c.np is not None and _quoted_word_opens(first)):
        return None  # a direct quote's attribution, unless a scare word opens the clause
    if not has_that and not _bare_clause(c, book, first, view[s:np_start]):
        return None
    cs, ce = _strip_clause(text, pos, e)
    return (cs, ce) if ce > cs else None


def _colon_content(
    text: str, view: str, c: Cue, pos: int, e: int, book: CueBook
) -> tuple[int, int] | None:
    """``X said: CLAUSE`` with no quote mark after the colon (a transcript, a text whose quote
    marks were stripped): the words after the colon are what X said, when the speaker stands
    before a verb of saying that takes a clause and three words or more follow, opening with
    no quote mark (that quote is direct speech, attributed elsewhere).

    >>> from corpus_tools.quotes.cues import cue_book
    >>> t = "Bellamy said: So 45, we are looking for your leadership."
    >>> c = Cue(8, 12, "said", "say", "neutral", (0, 7), "left")
    >>> a, b = _colon_content(t, t, c, 12, len(t), cue_book())
    >>> t[a:b]
    'So 45, we are looking for your leadership'
    """
    head = book.form_lemma.get(c.lemma.split()[0], c.lemma)  # "said in a statement": say
    if c.np is None or c.np_side != "left" or head not in book.bare_clause:
        return None
    colon = view.index(":", pos, e)
    rest = view[colon + 1 : e].strip()
    if len(rest.split()) < 3 or rest[:1] in "\"'\u201c\u2018" or not rest[:1].isalnum():
        return None
    cs, ce = _strip_clause(text, colon + 1, e)
    return (cs, ce) if ce > cs else None
