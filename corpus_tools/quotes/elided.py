"""The subject a headline's second verb shares with its first.

A headline joins two predicates of one subject with a comma or a semicolon and leaves the
second subject out: ``Kerala CM defends government pleader postings, says AG was
consulted``, ``Rahul Gandhi meets Indore victims; slams MP government``. A reporting verb
after the break then has no subject of its own; the phrase after it is its object or its
message (``MP government``, ``AG``), not an inverted speaker. :func:`elided_subject` finds
the first clause's subject: capitalised words (and up to three lower-case words ending in a
noun that can speak: ``Kerala CM``, ``Pakistan hockey coach``) right before a third-person
verb that opens the clause.

The clause is read from the line's start, after a quote and its colon (``'Clean water not
available': Rahul Gandhi meets ...``) or a topic and its colon (``T.N. Assembly: Governor
Arlekar hails ...``).
"""

from __future__ import annotations

import re

from ..lexicon import load_lexicon
from .phrases import (
    CAP_STOP,
    DETERMINERS,
    person_noun,
    speaking_head,
    third_person_form,
    word_spans,
)

_WORDS = load_lexicon("quote_words").data
_FUNCTION = frozenset(_WORDS["function_words"]) | frozenset(_WORDS["s_function"])
_QUESTION = frozenset(_WORDS["subordinators"])
_PREPOSITIONS = frozenset(_WORDS["title_case_head_cut"])
_MAX_CAPS = 6
_CLAUSE_START = re.compile(r"[^\n]*:\s+")


def third_person_verb(word: str) -> bool:
    """A lower-case word that can be a third-person singular verb and is no listed noun of
    people (``defends``, ``meets``; not ``officials``, ``news``, ``its``).

    >>> third_person_verb("defends"), third_person_verb("officials"), third_person_verb("its")
    (True, False, False)
    """
    if not (word.isalpha() and word.islower()) or word in _FUNCTION:
        return False
    return third_person_form(word) and not person_noun(word)


def _cap(word: str) -> bool:
    return word[:1].isupper() and word not in CAP_STOP


def clause_subject(toks: list[tuple[int, int, str]]) -> int:
    """Number of tokens of the subject opening ``toks`` when a third-person verb follows it,
    else 0: capitalised words, then up to three lower-case words ending in a speaking noun.

    >>> t = "Kerala CM defends postings"
    >>> clause_subject(word_spans(t, 0, len(t)))
    2
    >>> t = "Stock market today ends flat"
    >>> clause_subject(word_spans(t, 0, len(t)))
    0
    """
    words = [t[2] for t in toks]
    j = 0
    while j < len(words) and j < _MAX_CAPS and (_cap(words[j]) or j and words[j] in ".&"):
        j += 1
    if not j or words[0].lower() in _QUESTION | _PREPOSITIONS:
        return 0
    if any(w.endswith(("'s", "\u2019s")) for w in words[:j]):
        return 0  # "Trump's remarks rattle ...": the possessed is the subject
    if j == 1 and words[0].lower() in _common() and not speaking_head(words[0]):
        return 0  # "Stock market today ends ...", "Names ...": a common noun opens the line
    ends = [j]
    for m in range(j, min(j + 3, len(words))):
        w = words[m]
        if not (w.isalpha() and w.islower()) or w in _FUNCTION:
            break
        if speaking_head(w):
            ends.append(m + 1)
        elif third_person_verb(w):
            break
    for n in reversed(ends):
        if n < len(words) and third_person_verb(words[n]) and not _noun_then_verb(words, n):
            return n
        if n < len(words) and _auxiliary_verb(words, n):
            return n  # "Lisa Su doesn't believe ...": an auxiliary and its verb
    return 0


#: Negated third-person auxiliaries and modals that open a predicate (not ``is``/``has``: ``X is
#: thought of as ..., said Y`` names its speaker after the cue).
_AUX_FORMS = frozenset(
    "doesn't isn't hasn't wasn't didn't won't can't cannot will would could should must".split()
)


def _auxiliary_verb(words: list[str], n: int) -> bool:
    """``words[n]`` is an auxiliary or modal (``doesn't``, ``will``) and a lower-case verb
    follows it (``not`` between allowed): the subject before it has its predicate.

    >>> _auxiliary_verb(["Su", "doesn't", "believe"], 1), _auxiliary_verb(["Su", "will", "the"], 1)
    (True, False)
    """
    if words[n].replace("\u2019", "'") not in _AUX_FORMS:
        return False
    k = n + 2 if n + 1 < len(words) and words[n + 1] == "not" else n + 1
    w = words[k] if k < len(words) else ""
    return w.isalpha() and w.islower() and w not in _FUNCTION and w not in DETERMINERS


_AUXILIARIES = frozenset(_WORDS["quote_predicate"])


def _noun_then_verb(words: list[str], n: int) -> bool:
    """The ``-s`` word at ``n`` is a plural noun before the verb: an ``-ly`` adverb, an ``-ed``
    form or an auxiliary follows it (``Consumer prices barely budged``, ``US employers
    unexpectedly cut``, ``Oil prices rose``)."""
    nxt = words[n + 1] if n + 1 < len(words) else ""
    low = nxt.lower()
    return nxt.islower() and (
        low.endswith("ly") or low.endswith("ed") and len(low) > 4 or low in _AUXILIARIES
    )


def _common() -> frozenset[str]:
    from .phrases import common_words

    return common_words()


def elided_subject(text: str, view: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The subject of the clause before the comma or semicolon right before a cue at
    ``cue_start`` in the headline line starting at ``lo`` (see the module docstring).

    >>> t = "Kerala CM defends government pleader postings, says AG was consulted"
    >>> a, b = elided_subject(t, t, 0, t.index("says"))
    >>> t[a:b]
    'Kerala CM'
    >>> t = "No place for Panneerselvam in AIADMK, says Palaniswami"
    >>> elided_subject(t, t, 0, t.index("says"))
    """
    before = view[lo:cue_start].rstrip()
    if not before.endswith((",", ";")):
        return None
    brk = lo + len(before) - 1
    colon = _CLAUSE_START.match(view, lo, brk)
    start = lo if colon is None else colon.end()
    if re.search(r"[,;]", view[start:brk]):
        return None  # one clause only: "A, B, says C" is a list or an apposition
    toks = word_spans(text, start, brk)
    n = clause_subject(toks)
    if not n:
        return None
    return toks[0][0], toks[n - 1][1]
