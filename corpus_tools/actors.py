"""Actors: a gazetteer of who matters in international news, and where they are named.

The gazetteer (``data/actors.yml``) lists countries (names, demonyms,
capitals used as metonyms), international organisations, armed groups,
government seats and ministries, and persons with titles and surnames, each
with a CAMEO-style code where one exists (Schrodt 2012) and the source of the
list. :func:`actor_mentions` finds them in text:

* token-level matching on the :func:`~corpus_tools.tokenize.fold` view, so
  ``Oman`` never matches inside ``woman``; one token trie (a dictionary
  automaton keyed on case-folded tokens) for all aliases, so the cost per
  token does not grow with the size of the gazetteer;
* acronyms (``US``, ``UN``) are case-sensitive (``us`` is a pronoun);
  capitalised words must be capitalised in the text (``china`` the
  porcelain is not China); lower-case words in an alias match any case;
* leftmost-longest, non-overlapping matches: ``UN Security Council`` beats
  ``UN``, ``Kata'ib Hezbollah`` is not also ``Hezbollah``;
* possessives (``Russia's`` -> Russia, ``possessive=True``), hyphenated pairs
  (``Israel-Hamas`` -> two mentions), prefixes (``Sino-Russian`` -> China and
  Russia);
* surnames and ``Mr``/title + surname count when the surname is unique in the
  gazetteer or after the full name in the same document;
* capitals and seats after a locative preposition (``talks in Doha``) or in a
  dateline (``MOSCOW -``) are places, not actors (a possessive,
  ``in Moscow's approach``, stays an actor) (``type="location"``,
  dropped unless ``locations=True``; Markert & Nissim 2007);
* demonyms (``Russian diplomats``) count toward the country with
  ``type="demonym"`` (``demonyms=False`` drops them);
* a text written without capitals (``"putin meets the united states envoy"``)
  is read case-insensitively for the names it cannot misread: multi-word
  forms and one-word forms that are neither acronyms (``us``) nor common
  English words (``data/common_words.txt``); such mentions say
  ``found_by="uncased"``.

References
----------
Schrodt, P. A. (2012). *CAMEO: Conflict and Mediation Event Observations
Event and Actor Codebook* (v1.1b3). Pennsylvania State University.

Markert, K., & Nissim, M. (2007). SemEval-2007 Task 08: Metonymy resolution
at SemEval-2007. In *Proceedings of SemEval-2007*, 36-41.
"""

from __future__ import annotations

import bisect
import itertools
import re
import string
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from ._data import read_yaml
from .corpus import Corpus, require_corpus
from .errors import CorpusValueError, DataFileError, check_whole
from .tokenize import WORD_CONT, fold, load_stopwords, sentence_spans, split_sentences

__all__ = [
    "Gazetteer",
    "load_gazetteer",
    "actor_mentions",
    "mentions_in_text",
    "canonical_actor",
    "candidate_actors",
    "MENTION_COLUMNS",
    "CANDIDATE_COLUMNS",
    "ACTOR_TYPES",
]

MENTION_COLUMNS = [
    "doc_id",
    "actor",
    "type",
    "alias",
    "start",
    "end",
    "sent_id",
    "para_id",
    "actor_id",
    "cameo",
    "resolution",
    "possessive",
    "found_by",
]
CANDIDATE_COLUMNS = ["candidate", "n", "n_docs", "doc_id", "start", "end", "example"]
ACTOR_TYPES = (
    "country",
    "organisation",
    "armed_group",
    "government",
    "person",
    "location",
    "other",
)
_ENTRY_KEYS = {
    "id",
    "name",
    "type",
    "cameo",
    "aliases",
    "demonyms",
    "metonyms",
    "prefixes",
    "surname",
    "titles",
    "surname_needs_full_name",
    "gender",
    "ambiguous_with",
    "ambiguous_metonyms",
    "own_cues",
    "other_cues",
    "shared_aliases",
    "source",
    "note",
}
# words near an ambiguous alias that tell its referent (with ``ambiguous_with``)
_CUE_KEYS = ("own_cues", "other_cues")
_LIST_KEYS = ("aliases", "demonyms", "metonyms", "prefixes", "titles")
_SETTING_KEYS = {
    "honorifics",
    "locative_prepositions",
    "place_followers",
    "not_actors",
    "given_names",
    "name_verbs",
    "female_honorifics",
    "male_honorifics",
    "role_modifiers",
    "name_heads",
    "metonym_heads",
    "currency_words",
    "company_suffixes",
    "language_followers",
    "language_leaders",
}
_GENDERS = ("female", "male")
_DEFAULT_SETTINGS: dict[str, list[str]] = {
    "honorifics": ["Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr."],
    "locative_prepositions": ["in", "at", "to", "from", "near"],
    "place_followers": [],
    "not_actors": [],
    "given_names": [],
    "name_verbs": [],
    "female_honorifics": [],
    "male_honorifics": [],
    "role_modifiers": [],
    "name_heads": [],
    "metonym_heads": [],
    "currency_words": [],
    "company_suffixes": [],
    "language_followers": [],
    "language_leaders": [],
}

# kinds of surface form, in priority order for ties of equal length
_KIND_PRIORITY = {
    "not_actor": 0,
    "alias": 1,
    "title": 2,
    "surname": 3,
    "metonym": 4,
    "demonym": 5,
    "prefix": 6,
}

# --------------------------------------------------------------------------
# tokens of the matching view
# --------------------------------------------------------------------------
_PLAIN_WORD_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:'[^\W_]+)*")


def _mark_classes() -> tuple[str, str]:
    """``WORD_CONT`` as two classes, code points below U+10000 and above (as ranges)."""
    raw = WORD_CONT.encode("ascii").decode("unicode_escape")
    lo: list[str] = []
    hi: list[str] = []
    i = 0
    while i < len(raw):
        a = b = raw[i]
        if raw[i + 1 : i + 2] == "-" and i + 2 < len(raw):
            b, i = raw[i + 2], i + 3
        else:
            i += 1
        part = re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}"
        (lo if ord(a) < 0x10000 else hi).append(part)
    return "".join(lo), "".join(hi)


_BMP_MARKS, _ASTRAL_MARKS = _mark_classes()
_BMP_MARK_RE = re.compile(f"[{_BMP_MARKS}]")
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_MARK_RE = re.compile(f"[{_ASTRAL_MARKS}]") if _ASTRAL_MARKS else None
# a class of thousands of ranges is a slow list scan in ``re`` except below U+10000 (a
# bitmap): the astral part is tried only on an astral character
_MARKS = rf"(?:[{_BMP_MARKS}]" + (
    rf"|(?=[\U00010000-\U0010ffff])[{_ASTRAL_MARKS}])" if _ASTRAL_MARKS else ")"
)
_RUN = rf"[^\W_]+(?:{_MARKS}+[^\W_]*)*"
# a word with the combining marks and joiners after its letters (WORD_CONT, as
# tokenize.TOKEN_RE: 'हुए' is one word, not 'ह' and 'ए'); the same as _PLAIN_WORD_RE on a
# text without marks, which is matched with that (faster) one (:func:`_word_re`)
_WORD_RE = re.compile(rf"(?:[A-Za-z]\.){{2,}}|{_RUN}(?:'{_RUN})*")
_PLAIN_SPLIT_RE = re.compile("(" + _PLAIN_WORD_RE.pattern + ")")
_WORD_SPLIT_RE = re.compile("(" + _WORD_RE.pattern + ")")  # words and the text between them


def _has_marks(view: str) -> bool:
    """True if ``view`` holds a combining mark or joiner (``WORD_CONT``)."""
    if view.isascii():
        return False
    if _BMP_MARK_RE.search(view) is not None:
        return True
    if _ASTRAL_MARK_RE is None or _ASTRAL_RE.search(view) is None:  # one range: a fast scan
        return False
    return _ASTRAL_MARK_RE.search(view) is not None


def _word_re(view: str) -> re.Pattern[str]:
    """The word pattern for ``view``: with marks only if it holds any (same words, faster)."""
    return _WORD_RE if _has_marks(view) else _PLAIN_WORD_RE


_GAP_SPACE_RE = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:-[ \t]*)?|[ \t]*-[ \t]*\n?[ \t]*")
_GAP_DOT_RE = re.compile(r"\.[ \t]*\n?[ \t]*")


class _Tok(NamedTuple):
    """One word token of the matching view (a tuple: built once per token, so it must be cheap)."""

    start: int  # offset of the word (without possessive 's)
    end: int
    cf: str  # case-folded view
    text: str  # folded text as written
    poss: bool  # followed by a possessive 's or '
    next_start: int  # offset just after the possessive, if any


def _gap_kind(gap: str) -> str | None:
    """Classify the text between two tokens: ' ' (space/hyphen), '.' or None."""
    if _GAP_SPACE_RE.fullmatch(gap):
        return " "
    if _GAP_DOT_RE.fullmatch(gap):
        return "."
    return None


def _make_tok(view: str, s: int, e: int, n: int) -> _Tok:
    """One word token from a regex span, ``n`` being where the text ends for this call."""
    w = view[s:e]
    poss = False
    nxt = e
    if len(w) > 2 and w[-2] == "'" and w[-1] in "sS" and w[0].isalnum():
        e -= 2
        w = w[:-2]
        poss = True
    elif (
        e < n
        and view[e] == "'"
        and w[-1:] in ("s", "S")
        and (e + 1 >= n or not view[e + 1].isalnum())
    ):
        poss = True
        nxt = e + 1
    return _Tok(s, e, w.casefold(), w, poss, nxt)


def _word_tokens(view: str) -> list[_Tok]:
    """Every word token of ``view``; a token without an apostrophe in or after it is built inline."""
    n = len(view)
    out: list[_Tok] = []
    add = out.append
    for m in _word_re(view).finditer(view):
        s, e = m.span()
        w = m.group()
        if "'" in w or view[e : e + 1] == "'":
            add(_make_tok(view, s, e, n))
        else:
            add(_Tok(s, e, w.casefold(), w, False, e))
    return out


def _sentence_tokens(
    view: str, spans: list[tuple[int, int]], starts: list[int], ss: int, se: int
) -> list[_Tok]:
    """The tokens of ``view[ss:se]``, equal to ``[t for t in _word_tokens(view[:se]) if t.start >= ss]``.

    ``spans`` are the regex spans of the whole ``view`` (``starts`` their
    starts), found once per document, so each sentence costs its own length,
    not the length of the text before it. A span that crosses ``se`` is
    matched again inside ``view[:se]``, as the truncated text would match it.
    """
    i = bisect.bisect_left(starts, ss)
    if i > 0 and spans[i - 1][1] > se:  # one span covers the whole sentence and more
        i -= 1
    out: list[_Tok] = []
    while i < len(spans):
        s, e = spans[i]
        if s >= se:
            break
        if e > se:  # crosses the sentence end: re-match on the truncated text from here
            sub = view[:se]
            for m in _WORD_RE.finditer(sub, s):
                if m.start() >= ss:
                    out.append(_make_tok(sub, *m.span(), se))
            break
        out.append(_make_tok(view, s, e, se))
        i += 1
    return out


def _case_pattern(word: str) -> str:
    """'X' exact (acronym-like), 'C' must be capitalised, 'l' any case."""
    if any(ch.isupper() for ch in word) and not any(ch.islower() for ch in word):
        return "X"
    if word[:1].isupper():
        return "C"
    return "l"


@dataclass(frozen=True)
class _Form:
    entry: int  # index into Gazetteer.entries (-1 for not_actors)
    kind: str
    ntok: int
    pattern: tuple[str, ...]
    words: tuple[str, ...]
    order: int
    # a one-word acronym that is also a common word (WHO, US): in all-capitals text it
    # needs a cue (:func:`_acronym_reads`)
    cue: bool = False


@dataclass
class _Node:
    children: dict[Any, _Node] = field(default_factory=dict)
    forms: list[_Form] = field(default_factory=list)
    # children grouped by the case-folded word alone (gap and possessive ignored): a cheap
    # superset of where the walk can go, filled once the trie is built (_index_by_word)
    by_word: dict[str, list[_Node]] = field(default_factory=dict)
    # a metonym or prefix form at or below: matching it looks at the token before or after
    context: bool = False
    # entries of surname/title forms at or below whose match depends on the person having
    # been named in full earlier in the text (filled on the root's children)
    gated: tuple[int, ...] = ()
    # a form here needs a cue in all-capitals text (_Form.cue; on the root's children)
    cue: bool = False


_CONTEXT_KINDS = frozenset({"metonym", "prefix"})


def _index_by_word(root: _Node) -> None:
    """Fill ``by_word`` and ``context`` on every node below ``root`` (children before parents)."""
    order: list[_Node] = []
    stack = list(root.children.values())
    while stack:  # iteratively: no recursion limit
        node = stack.pop()
        order.append(node)
        node.by_word = {}
        for key, child in node.children.items():
            node.by_word.setdefault(key[2], []).append(child)
            stack.append(child)
    for node in reversed(order):
        node.context = any(f.kind in _CONTEXT_KINDS for f in node.forms) or any(
            c.context for c in node.children.values()
        )


def _entry_forms(
    e: dict[str, Any], honorifics: list[str], hon_gender: dict[str, str]
) -> list[tuple[str, str]]:
    """The ``(kind, text)`` surface forms of entry ``e``; no title form joins an honorific of
    the other gender to a person's surname or name (``Mrs. Trump``)."""
    forms: list[tuple[str, str]] = [("alias", a) for a in e["aliases"]]
    forms += [("metonym", a) for a in e["metonyms"]]
    forms += [("demonym", a) for a in e["demonyms"]]
    forms += [("prefix", a) for a in e["prefixes"]]
    sur = e.get("surname")
    if sur:
        forms.append(("surname", sur))
        g = e.get("gender")
        hons = [h for h in honorifics if hon_gender.get(fold(h).casefold(), g) == g]
        for t in hons + list(e["titles"]):
            forms.append(("title", f"{t} {sur}"))
        for t in hons + list(e["titles"]):
            for a in e["aliases"]:
                forms.append(("title", f"{t} {a}"))
    return forms


class _Matcher:
    """A token trie over all surface forms of a gazetteer."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.root = _Node()
        self._first: frozenset[str] | None = None
        self._actor_first: set[str] = set()  # first words of actors' forms (not not_actors)
        self._starts: frozenset[str] | None = None
        self.max_len = 0
        self.surname_owners: dict[str, list[int]] = {}
        self.locatives = frozenset(w.casefold() for w in gaz.settings["locative_prepositions"])
        self.followers = frozenset(w.casefold() for w in gaz.settings["place_followers"])
        order = 0
        honorifics = gaz.settings["honorifics"]
        given_first: set[str] = set()  # first words of persons' full names ("George", "Mark")
        self.honorific_gender = {
            fold(h).casefold(): g for g in _GENDERS for h in gaz.settings[f"{g}_honorifics"]
        }
        other_first: set[str] = set()
        for i, e in enumerate(gaz.entries):
            if e.get("surname"):
                self.surname_owners.setdefault(fold(e["surname"]).casefold(), []).append(i)
            for kind, text in _entry_forms(e, honorifics, self.honorific_gender):
                self._add(text, _Form(i, kind, 0, (), (), order), gaz)
                order += 1
                own = kind == "alias" and e["type"] == "person"
                (given_first if own else other_first).add(fold(text).split()[0].casefold())
        for text in gaz.settings["not_actors"]:
            self._add(text, _Form(-1, "not_actor", 0, (), (), order), gaz)
            order += 1
        _index_by_word(self.root)
        # persons' given names that start no other form: still given names before a surname
        self._given_only = frozenset(given_first - other_first)
        self._name_first: frozenset[str] | None = None
        for node in self.root.children.values():
            node.gated = self._gated(node, gaz)
            node.cue = any(f.cue for f in node.forms)
        # the first word of every title ("President", "Secretary-General") and a few role
        # nouns: a cue after an acronym ("US PRESIDENT", "WHO CHIEF")
        self.title_words = _ROLE_CUES | frozenset(
            fold(t).split()[0].casefold() for e in gaz.entries for t in e["titles"] if t.split()
        )
        self._persons(gaz)
        ids = {e["id"]: i for i, e in enumerate(gaz.entries)}
        self.ambiguous = {
            i: ids.get(e["ambiguous_with"], -1)
            for i, e in enumerate(gaz.entries)
            if e.get("ambiguous_with")
        }
        # capitals that also name a place elsewhere (San Jose, Kingston): casefolded, per entry
        self.amb_places = {
            i: frozenset(fold(a).casefold() for a in e["ambiguous_metonyms"])
            for i, e in enumerate(gaz.entries)
            if e.get("ambiguous_metonyms")
        }
        self.amb_cues = {
            i: tuple(_cue_re(gaz.entries[i].get(k) or ()) for k in _CUE_KEYS)
            for i in {*self.ambiguous, *self.amb_places}
        }
        self.name_verbs = frozenset(w.casefold() for w in gaz.settings["name_verbs"])
        self._other_names(gaz, honorifics)
        self.countries = frozenset(i for i, e in enumerate(gaz.entries) if e["type"] == "country")
        self._homes(gaz)
        self.capitals = frozenset(
            i for i, e in enumerate(gaz.entries) if e["type"] == "country" and e["metonyms"]
        )
        # entries with a one-word form that is also a given name ("Jordan", "Paris")
        self.given_entries = frozenset(
            i
            for i, e in enumerate(gaz.entries)
            if any(f.casefold() in self.given for f in e["aliases"] + e["metonyms"])
        )
        # the text a match reads and the state it depends on -> the match (_match_split)
        self.memo: dict[tuple, tuple] = {}
        self.cand_pattern: str | None = None  # RE2 pattern of first words (_candidate_pattern)

    def _other_names(self, gaz: Gazetteer, honorifics: list[str]) -> None:
        """What makes a form part of another name (:func:`_names_something_else`)."""
        settings = gaz.settings
        # a capitalised word after a form that makes it the name of something else ("Trump
        # Tower", "Australian Open"), and currency names ("Swiss francs")
        self.name_heads = frozenset(fold(w).casefold() for w in settings["name_heads"])
        # after a capital only ("the Paris Agreement", "Minsk Accords": named after the city)
        self.metonym_heads = frozenset(fold(w).casefold() for w in settings["metonym_heads"])
        self.currency_words = frozenset(fold(w).casefold() for w in settings["currency_words"])
        # the last word of a company's name ("Taiwan Glass Industries Corp", "American Airlines")
        self.company_suffixes = frozenset(
            fold(w).rstrip(".").casefold() for w in settings["company_suffixes"]
        )
        # a demonym naming a language: before one of these ("German-language", "Russian
        # speakers") or after one of those with no noun after it ("in French, the", "speaks Spanish")
        self.language_followers = frozenset(
            fold(w).casefold() for w in settings["language_followers"]
        )
        self.language_leaders = frozenset(fold(w).casefold() for w in settings["language_leaders"])
        # persons whose surname another person has too ("Clinton": Hillary and Bill)
        self.shared_surnames = frozenset(
            i for owners in self.surname_owners.values() if len(owners) > 1 for i in owners
        )
        # the forms as written: a short ALL-CAPS word in mixed-case text matches only these
        self.exact_forms = frozenset(
            t for e in gaz.entries for _, t in _entry_forms(e, honorifics, self.honorific_gender)
        )

    def _homes(self, gaz: Gazetteer) -> None:
        """Each entry's country (the country entry whose CAMEO code starts its code: USAGOV ->
        USA) and the ``shared_aliases`` of entries that have one (casefolded)."""
        codes = {e["cameo"]: i for i, e in enumerate(gaz.entries) if e["type"] == "country"}
        self.home = {
            i: codes[e["cameo"][:3]]
            for i, e in enumerate(gaz.entries)
            if e["cameo"] and e["cameo"][:3] in codes
        }
        self.shared = {
            i: frozenset(fold(a).casefold() for a in e.get("shared_aliases") or ())
            for i, e in enumerate(gaz.entries)
            if e.get("shared_aliases") and i in self.home
        }

    def _persons(self, gaz: Gazetteer) -> None:
        """What tells persons apart: given names, genders, role modifiers."""
        self.given = _given_names(tuple(gaz.settings["given_names"]))
        # a person's own given names (the first word of the name and of each alias): another
        # given name before the surname names another person ("Eric Trump")
        self.own_given = {
            i: frozenset(a.split()[0] for a in [e["name"], *e["aliases"]] if a.split())
            for i, e in enumerate(gaz.entries)
            if e["type"] == "person"
        }
        # persons' genders and the honorifics that tell one ("Mrs. Trump" is not Donald Trump)
        self.gender = {i: e["gender"] for i, e in enumerate(gaz.entries) if e.get("gender")}
        # words that make a title after them another role ("Vice President Biden")
        self.role_modifiers = frozenset(fold(w).casefold() for w in gaz.settings["role_modifiers"])

    def _gated(self, node: _Node, gaz: Gazetteer) -> tuple[int, ...]:
        """Entries of the surname/title forms at or below ``node`` that :func:`_gate` may refuse."""
        found: set[int] = set()
        stack = [node]
        while stack:
            nd = stack.pop()
            stack.extend(nd.children.values())
            for f in nd.forms:
                if f.kind in ("surname", "title"):
                    e = gaz.entries[f.entry]
                    owners = self.surname_owners.get(fold(e["surname"]).casefold(), [])
                    if len(owners) != 1 or e["surname_needs_full_name"]:
                        found.add(f.entry)
        return tuple(sorted(found))

    def _add(self, text: str, proto: _Form, gaz: Gazetteer) -> None:
        view = fold(text)
        toks = _word_tokens(view)
        if not toks:
            raise DataFileError(
                f"{gaz.path}: entry {gaz._entry_label(proto.entry)}: form {text!r} has no word "
                "characters; remove it or write it out."
            )
        node = self.root.children.setdefault(toks[0].cf, _Node())
        if proto.kind != "not_actor":
            self._actor_first.add(toks[0].cf)
        for k in range(1, len(toks)):
            gap = view[
                toks[k - 1].next_start if toks[k - 1].poss else toks[k - 1].end : toks[k].start
            ]
            key = (_gap_kind(gap), toks[k - 1].poss, toks[k].cf)
            node = node.children.setdefault(key, _Node())
        pattern = tuple(_case_pattern(t.text) for t in toks)
        cue = pattern == ("X",) and toks[0].cf.isalpha() and toks[0].cf in _common_words()
        form = _Form(
            proto.entry,
            proto.kind,
            len(toks),
            pattern,
            tuple(t.text for t in toks),
            proto.order,
            cue,
        )
        node.forms.append(form)
        node.forms.sort(key=lambda f: (_KIND_PRIORITY[f.kind], f.order))
        self.max_len = max(self.max_len, len(toks))

    @property
    def first_words(self) -> frozenset[str]:
        """Case-folded first words of all forms, also with a possessive ``'s`` (a superset test)."""
        if self._first is None:
            keys = [k for k in self.root.children if isinstance(k, str)]
            self._first = frozenset(keys + [k + "'s" for k in keys])
        return self._first

    @property
    def actor_first_words(self) -> frozenset[str]:
        """:attr:`first_words` of actors' forms only (also with ``'s``): a word that only starts
        a ``settings.not_actors`` phrase (``Times`` of ``Times of India``) starts no name."""
        if self._starts is None:
            keys = self._actor_first
            self._starts = frozenset([*keys, *(k + "'s" for k in keys)])
        return self._starts

    @property
    def own_given_names(self) -> frozenset[str]:
        """Persons' given names (first words of their full names) that start no other form."""
        return self._given_only

    @property
    def name_first_words(self) -> frozenset[str]:
        """:attr:`first_words` less persons' given names that start no other form: ``George``
        (of ``George W. Bush``) is still a given name in ``George Washington University``."""
        if self._name_first is None:
            given = self._given_only | {w + "'s" for w in self._given_only}
            self._name_first = self.first_words - given
        return self._name_first


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Common English words (``data/common_words.txt`` and the stopword list), lower case.

    A one-word acronym alias that is also one of these (``WHO``, ``US``,
    ``CAR``) is read as the acronym in all-capitals text only with a cue.
    """
    raw = (Path(__file__).parent / "data" / "common_words.txt").read_text(encoding="utf-8")
    words = {w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words | load_stopwords())


_ROLE_CUES = frozenset(
    "chief head officials official envoy spokesman spokeswoman troops forces army navy "
    "military embassy ambassador secretary president leader experts expert".split()
)
_CAPS_SPAN = 160  # characters looked at on each side of an acronym, within its line


def _acronym_reads(view: str, s: int, title_words: frozenset[str]) -> bool:
    """True if the acronym at ``s`` (a common word too: ``WHO``) reads as the acronym.

    It does where its line (at most ``_CAPS_SPAN`` characters either side)
    holds a lower-case letter, or no letter at all: only in all-capitals text
    (a headline in capitals) is ``WHO`` more likely the word. There it needs
    a cue: ``THE`` before it, a hyphen joining it to the next word
    (``US-LED``), a title or role after it (``WHO CHIEF``), parentheses
    (``(WHO)``), or, for a stopword, the end of a line that asks no question
    (``..., SAYS WHO``) or its start (also after a colon) when the line asks
    none (``WHO URGES ...``; not ``WHO IS LOGAIN?``). The cost is bounded by
    the span, so a text costs linear time.

    >>> t = frozenset({"chief"})
    >>> _acronym_reads("WOMAN WHO SUED", 6, t), _acronym_reads("the WHO said", 4, t)
    (False, True)
    >>> _acronym_reads("MEETS WHO CHIEF", 6, t), _acronym_reads("COVID: WHO SAYS", 7, t)
    (True, True)
    >>> _acronym_reads("WHO IS HE?", 0, t), _acronym_reads("IN DECLINE, SAYS WHO", 17, t)
    (False, True)
    """
    n = len(view)
    e = s
    while e < n and view[e].isalnum():
        e += 1
    lo = max(0, s - _CAPS_SPAN)
    lo = view.rfind("\n", lo, s) + 1 or lo
    hi = min(n, e + _CAPS_SPAN)
    nl = view.find("\n", e, hi)
    before, after = view[lo:s].rstrip(), view[e : hi if nl < 0 else nl].rstrip()
    around = before + " " + after
    if around.upper() != around or around.lower() == around:
        return True  # a lower-case letter (mixed case), or no letter at all: as written
    if (after[:1] == "-" and after[1:2].isalnum()) or (before[-1:] == "(" and after[:1] == ")"):
        return True
    if (
        "?" not in after
        and view[s:e].lower() in load_stopwords()  # a noun (CAR) may start or end a line
        and (not any(c.isalnum() for c in after) or before == "" or before[-1:] == ":")
    ):
        return True  # the end or the start of a line that asks no question
    prev = _WORD_RE.findall(before[-12:])
    if prev and prev[-1] == "THE":
        return True
    nxt = _WORD_RE.match(after.lstrip(" \t"))
    return nxt is not None and nxt.group().casefold() in title_words


def _case_ok(form: _Form, toks: Sequence[_Tok], j: int) -> tuple[bool, bool]:
    """Return (matches, all_caps_match) for ``form`` starting at token ``j``."""
    allcaps = False
    for k, pat in enumerate(form.pattern):
        t = toks[j + k].text
        if pat == "X":
            if t != form.words[k]:
                return False, False
        elif pat == "C":
            if not t[:1].isupper():
                return False, False
            if len(t) > 1 and t.isupper():
                allcaps = True
    return True, allcaps


# --------------------------------------------------------------------------
# gazetteer
# --------------------------------------------------------------------------
class Gazetteer:
    """A validated actor gazetteer with a compiled matcher.

    Build one with :func:`load_gazetteer`. ``entries`` is a list of dicts
    (keys as in ``data/actors.yml``, list keys always present), ``settings``
    holds the honorifics, locative prepositions, place followers and
    not-actor phrases, ``path`` names the file(s) it came from. The matcher
    is compiled once per object on first use.

    Examples
    --------
    >>> g = load_gazetteer()
    >>> g.lookup("RUS")["name"], g.lookup("RUS")["cameo"]
    ('Russia', 'RUS')
    """

    def __init__(
        self,
        entries: list[dict[str, Any]],
        settings: Mapping[str, list[str]] | None = None,
        meta: Mapping[str, Any] | None = None,
        path: str = "<gazetteer>",
    ) -> None:
        self.entries = entries
        self.settings = {**_DEFAULT_SETTINGS, **(settings or {})}
        self.meta = dict(meta or {})
        self.path = path
        self._by_id = {e["id"]: e for e in entries}
        self._matcher: _Matcher | None = None
        self._unambiguous: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] | None = (
            None
        )

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self.entries)} actors from {self.path}>"

    def _entry_label(self, i: int) -> str:
        return repr(self.entries[i]["id"]) if i >= 0 else "settings.not_actors"

    @property
    def matcher(self) -> _Matcher:
        if self._matcher is None:
            self._matcher = _Matcher(self)
        return self._matcher

    def lookup(self, actor_id: str) -> dict[str, Any]:
        """Return the entry with id ``actor_id`` (raises ``CorpusValueError`` if unknown)."""
        if actor_id not in self._by_id:
            raise CorpusValueError(f"no actor with id {actor_id!r} in {self.path}.")
        return self._by_id[actor_id]

    def table(self) -> pd.DataFrame:
        """Return one row per actor: ``actor_id, actor, type, cameo, n_forms, source``, in file order."""
        rows = []
        for e in self.entries:
            n_forms = sum(len(e[k]) for k in _LIST_KEYS if k != "titles") + (
                1 if e.get("surname") else 0
            )
            rows.append((e["id"], e["name"], e["type"], e.get("cameo"), n_forms, e.get("source")))
        df = pd.DataFrame(rows, columns=["actor_id", "actor", "type", "cameo", "n_forms", "source"])
        df["n_forms"] = df["n_forms"].astype("int64")
        return df


def _fail(path: str, where: str, msg: str) -> DataFileError:
    return DataFileError(f"{path}: {where}: {msg}")


def _validate(
    raw: Any, path: str
) -> tuple[list[dict[str, Any]], dict[str, list[str]], dict[str, Any]]:
    """Check a parsed gazetteer file; return ``(entries, settings, meta)``.

    Every error names the file, the entry and the key (see ``_fail``).

    Examples
    --------
    >>> entries, settings, meta = _validate([{"id": "x", "name": "X", "type": "country",
    ...                                       "aliases": ["X"], "source": "notes"}], "f.yml")
    >>> entries[0]["demonyms"], settings, meta
    ([], {}, {})
    """
    if isinstance(raw, list):
        raw = {"actors": raw}
    if not isinstance(raw, dict) or "actors" not in raw:
        raise DataFileError(
            f"{path}: expected a mapping with an 'actors' list (or a bare list of entries); "
            "see corpus_tools/data/actors.yml for the format."
        )
    unknown_top = sorted(set(raw) - {"meta", "settings", "actors"})
    if unknown_top:
        raise _fail(
            path, "top level", f"unknown key(s) {unknown_top}; allowed: meta, settings, actors."
        )
    settings = _validate_settings(raw.get("settings") or {}, path)
    actors = raw["actors"]
    if not isinstance(actors, list):
        raise _fail(path, "key 'actors'", "must be a list of entries.")
    entries: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    seen_names: set[str] = set()
    for n, item in enumerate(actors):
        e, where = _validate_entry(item, n, path)
        if e["id"] in seen_ids:
            raise _fail(path, where, "key 'id' is used twice; ids must be unique.")
        if e["name"] in seen_names:
            raise _fail(
                path,
                where,
                f"key 'name' {e['name']!r} is used twice; canonical names must be unique.",
            )
        seen_ids.add(e["id"])
        seen_names.add(e["name"])
        entries.append(e)
    meta = raw.get("meta") or {}
    if not isinstance(meta, dict):
        raise _fail(path, "meta", "must be a mapping.")
    return entries, settings, meta


def _is_str_list(val: Any) -> bool:
    """True for a list of non-empty strings."""
    return isinstance(val, list) and all(isinstance(v, str) and v.strip() for v in val)


def _validate_settings(settings_raw: Any, path: str) -> dict[str, list[str]]:
    """Check the ``settings`` mapping of a gazetteer file (known keys, lists of strings)."""
    if not isinstance(settings_raw, dict):
        raise _fail(path, "settings", "must be a mapping.")
    settings: dict[str, list[str]] = {}
    for key, val in settings_raw.items():
        if key not in _SETTING_KEYS:
            raise _fail(
                path, f"settings key {key!r}", f"unknown; allowed: {sorted(_SETTING_KEYS)}."
            )
        if not _is_str_list(val):
            raise _fail(path, f"settings key {key!r}", "must be a list of non-empty strings.")
        settings[key] = list(val)
    return settings


def _validate_entry(item: Any, n: int, path: str) -> tuple[dict[str, Any], str]:
    """Check entry number ``n``; return it normalised (every list key present) and its label."""
    where = f"entry #{n}"
    if not isinstance(item, dict):
        raise _fail(path, where, "must be a mapping with keys id, name, type, aliases, source.")
    if isinstance(item.get("id"), str) and item["id"].strip():
        where = f"entry {item['id']!r}"
    for key in ("id", "name", "type", "source"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise _fail(path, where, f"key {key!r} is missing or not a non-empty string.")
    bad = sorted(set(item) - _ENTRY_KEYS)
    if bad:
        raise _fail(path, where, f"unknown key(s) {bad}; allowed: {sorted(_ENTRY_KEYS)}.")
    if item["type"] not in ACTOR_TYPES or item["type"] == "location":
        valid = [t for t in ACTOR_TYPES if t != "location"]
        raise _fail(path, where, f"key 'type' is {item['type']!r}; choose one of {valid}.")
    cameo = item.get("cameo")
    if cameo is not None and not (isinstance(cameo, str) and cameo.strip()):
        raise _fail(path, where, "key 'cameo' must be a code string or null.")
    e: dict[str, Any] = {k: item[k] for k in ("id", "name", "type", "source")}
    e["cameo"] = cameo
    for key in _LIST_KEYS:
        val = item.get(key) or []
        if not _is_str_list(val):
            raise _fail(path, where, f"key {key!r} must be a list of non-empty strings.")
        e[key] = list(val)
    sur = item.get("surname")
    if sur is not None and not (isinstance(sur, str) and sur.strip()):
        raise _fail(path, where, "key 'surname' must be a non-empty string or absent.")
    e["surname"] = sur
    flag = item.get("surname_needs_full_name", False)
    if not isinstance(flag, bool):
        raise _fail(path, where, "key 'surname_needs_full_name' must be true or false.")
    e["surname_needs_full_name"] = flag
    gender = item.get("gender")
    if gender is not None and (gender not in _GENDERS or item["type"] != "person"):
        raise _fail(path, where, f"key 'gender' is for persons: one of {list(_GENDERS)} or absent.")
    e["gender"] = gender
    amb = item.get("ambiguous_with")
    if amb is not None and not (isinstance(amb, str) and amb.strip()):
        raise _fail(path, where, "key 'ambiguous_with' must be an entry id or absent.")
    e["ambiguous_with"] = amb
    places = item.get("ambiguous_metonyms") or []
    if not _is_str_list(places) or not set(places) <= set(e["metonyms"]):
        raise _fail(path, where, "key 'ambiguous_metonyms' must list some of its metonyms.")
    e["ambiguous_metonyms"] = list(places)
    for key in _CUE_KEYS:
        val = item.get(key) or []
        if not _is_str_list(val) or (val and not (amb or places)):
            raise _fail(
                path,
                where,
                f"key {key!r} must be a list of non-empty strings, with ambiguous_with "
                "or ambiguous_metonyms.",
            )
        e[key] = list(val)
    shared = item.get("shared_aliases") or []
    if not _is_str_list(shared) or not set(shared) <= set(e["aliases"]) or shared and not cameo:
        raise _fail(
            path, where, "key 'shared_aliases' must list some of its aliases (with a cameo)."
        )
    e["shared_aliases"] = list(shared)
    if not (e["aliases"] or e["metonyms"] or e["demonyms"]):
        raise _fail(
            path,
            where,
            "key 'aliases' is empty and there are no metonyms or demonyms; "
            "give at least one form to match.",
        )
    return e, where


def _read_yaml(path: str | Path) -> tuple[Any, str]:
    return read_yaml(path, default="actors.yml", what="gazetteer file")


@lru_cache(maxsize=1)
def _shipped() -> Gazetteer:
    data, name = read_yaml(None, default="actors.yml", what="gazetteer file")
    entries, settings, meta = _validate(data, name)
    return Gazetteer(entries, settings, meta, "actors.yml")


def load_gazetteer(
    path: str | Path | None = None,
    *,
    extend: str | Path | Sequence[Mapping[str, Any]] | None = None,
) -> Gazetteer:
    """Load and validate an actor gazetteer.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file in the format of ``corpus_tools/data/actors.yml`` (a
        mapping with ``actors`` and optional ``meta``/``settings``, or a bare
        list of entries). ``None`` loads the shipped gazetteer.
    extend : str, Path or list of dict, optional
        Extra entries (a file or a list of entry dicts). An entry whose
        ``id`` exists replaces it; new ids are appended. Its ``settings``
        replace the base settings key by key.

    Returns
    -------
    Gazetteer

    Raises
    ------
    DataFileError
        When the file is unreadable or an entry is invalid; the message names
        the file, the entry id and the key.

    Notes
    -----
    Ambiguous names are the main source of error: ``Georgia`` (the US
    state), ``Jordan`` (a person), ``Chad``, ``Washington`` (a person or the
    state). Add phrases to ``settings.not_actors`` to block them.

    Examples
    --------
    >>> g = load_gazetteer(extend=[{"id": "xyz", "name": "Xyz Party", "type": "organisation",
    ...                              "aliases": ["Xyz Party"], "source": "my notes"}])
    >>> g.lookup("xyz")["name"], len(g) > 250
    ('Xyz Party', True)
    """
    if path is None:
        base = _shipped()
        entries, settings, meta, name = (
            list(base.entries),
            dict(base.settings),
            base.meta,
            base.path,
        )
    else:
        raw, name = _read_yaml(path)
        entries, settings, meta = _validate(raw, name)
    if extend is None:
        if path is None:
            return _shipped()
        return Gazetteer(entries, settings, meta, name)
    if isinstance(extend, (str, Path)):
        raw_ext, ext_name = _read_yaml(extend)
    else:
        raw_ext, ext_name = {"actors": [dict(e) for e in extend]}, "<extend>"
    ext_entries, ext_settings, _ = _validate(raw_ext, ext_name)
    index = {e["id"]: i for i, e in enumerate(entries)}
    for e in ext_entries:
        if e["id"] in index:
            entries[index[e["id"]]] = e
        else:
            index[e["id"]] = len(entries)
            entries.append(e)
    names = Counter(e["name"] for e in entries)
    dup = sorted(n for n, c in names.items() if c > 1)
    if dup:
        raise _fail(
            ext_name, "extend", f"canonical name(s) {dup} already used by another id; rename them."
        )
    settings.update(ext_settings)
    return Gazetteer(entries, settings, meta, f"{name} + {ext_name}")


def resolve_gazetteer(gazetteer: Gazetteer | str | Path | None) -> Gazetteer:
    """Return the :class:`Gazetteer` that a ``gazetteer=`` argument names.

    ``None`` is the shipped gazetteer (loaded once), a ``Gazetteer`` is used
    as is, a path is loaded with :func:`load_gazetteer`.

    Examples
    --------
    >>> resolve_gazetteer(None) is resolve_gazetteer(None)
    True
    """
    if gazetteer is None:
        return _shipped()
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    if isinstance(gazetteer, (str, Path)):
        return load_gazetteer(gazetteer)
    raise CorpusValueError(
        f"gazetteer must be None, a Gazetteer or a path to a YAML file, not {type(gazetteer).__name__}."
    )


# --------------------------------------------------------------------------
# matching
# --------------------------------------------------------------------------
@dataclass
class _Scan:
    """One text being matched: its folded view, its tokens, and the persons named in full so far."""

    view: str
    toks: list[_Tok]
    gaz: Gazetteer
    all_surnames: bool
    seen_full: set[int] = field(default_factory=set)


# --------------------------------------------------------------------------
# texts written without capitals (QA S22-H8-3)
# --------------------------------------------------------------------------
_WORD_ONLY_RE = re.compile(r"[^\W_]+")


def _unambiguous_forms(
    gaz: Gazetteer,
) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]]:
    """Surface forms read safely in a text without capitals, by their first lower-case word.

    Multi-word forms (``united states``, ``president bush``) and one-word
    forms that are neither all capitals (``US``, ``UN``: the pronoun ``us``)
    nor a common English word (``data/common_words.txt`` and the stopwords:
    ``may``, ``house``). Each is ``(words, gaps, form)``: its lower-case words,
    the whitespace-collapsed text between them, and the form as the gazetteer
    writes it, longest first.
    """
    common = _common_words()
    texts: list[str] = list(gaz.settings["not_actors"])
    for e in gaz.entries:
        texts += e["aliases"] + e["metonyms"] + e["demonyms"] + e["prefixes"]
        sur = e.get("surname")
        if sur:
            texts.append(sur)
            for t in list(gaz.settings["honorifics"]) + list(e["titles"]):
                texts += [f"{t} {sur}"] + [f"{t} {a}" for a in e["aliases"]]
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
    for text in dict.fromkeys(fold(t) for t in texts):
        spans = [m.span() for m in _WORD_ONLY_RE.finditer(text)]
        if not spans or text.lower() != text.casefold() or len(text.lower()) != len(text):
            continue
        words = tuple(text[a:b].lower() for a, b in spans)
        if len(words) == 1 and (text[spans[0][0] :].isupper() or words[0] in common):
            continue
        gaps = tuple(" ".join(text[b:a].split()) for (_, b), (a, _) in itertools.pairwise(spans))
        out.setdefault(words[0], []).append((words, gaps, text))
    for forms in out.values():
        forms.sort(key=lambda f: -len(f[0]))
    return out


def _recased(text: str, gaz: Gazetteer) -> str | None:
    """``text`` with the unambiguous names of the gazetteer written as the gazetteer writes them,
    when the text has letters but no capital (``"bush chirac hold first meeting since iraq"``);
    otherwise ``None``. Offsets are kept (only letter case changes), so the usual case-aware
    matching then finds those names, and nothing that relies on capitals alone.

    >>> _recased("putin meets the united states envoy; do us harm", load_gazetteer())
    'Putin meets the United States envoy; do us harm'
    """
    if not text.islower():  # a capital (or no letter): the usual text, found at its first capital
        return None
    if text.lower() != text or text.upper() == text or len(fold(text)) != len(text):
        return None
    if gaz._unambiguous is None:
        gaz._unambiguous = _unambiguous_forms(gaz)
    forms = gaz._unambiguous
    view = fold(text)
    words = list(_WORD_ONLY_RE.finditer(view))
    chars = list(text)
    changed = False
    i = 0
    while i < len(words):
        n = 1
        for f_words, gaps, form in forms.get(words[i].group(), ()):
            k = len(f_words)
            if i + k > len(words) or any(
                words[i + j].group() != f_words[j]
                or " ".join(view[words[i + j - 1].end() : words[i + j].start()].split())
                != gaps[j - 1]
                for j in range(1, k)
            ):
                continue
            s, e = words[i].start(), words[i + k - 1].end()
            if e - s == len(form):
                for p, ch in enumerate(form):
                    if ch.isupper() and len(text[s + p].upper()) == 1:
                        chars[s + p] = text[s + p].upper()
                changed = True
                n = k
                break
        i += n
    return "".join(chars) if changed else None


def _found_by(recased: str | None, text: str, start: int, end: int) -> str:
    """``"uncased"`` for a match the recasing made (:func:`_recased`), else ``"cased"``."""
    return "uncased" if recased is not None and recased[start:end] != text[start:end] else "cased"


def _match_text(
    text: str, gaz: Gazetteer, *, all_surnames: bool = False
) -> list[tuple[int, int, int, str, str, bool]]:
    """Return ``(start, end, entry, type, resolution, possessive)`` for one text.

    Includes locations (type ``location``) and demonyms; not_actor spans are
    consumed and dropped. Leftmost-longest: at each token the trie is walked
    as far as the text allows and the longest acceptable form wins.

    Examples
    --------
    >>> g = load_gazetteer()
    >>> [(s, e, g.entries[i]["name"], t) for s, e, i, t, _, _ in _match_text("Talks in Moscow.", g)]
    [(9, 15, 'Russia', 'location')]
    """
    return _match_split(fold(text), gaz, all_surnames)


def _match_split(
    view: str, gaz: Gazetteer, all_surnames: bool
) -> list[tuple[int, int, int, str, str, bool]]:
    """:func:`_match_scan` building tokens only around the words that can start a form.

    One regex split gives every word and its offsets; a word is looked at
    when its case-folded text (or that text less a possessive ``'s``) is a
    first word of some form. Before any token is built, the following
    case-folded words are walked down the trie by word alone (:func:`_reach`,
    a superset of the real walk, which also checks gaps, possessives and
    case): a first word with no form of its own that no listed second word
    follows (``the``, ``Mr``, ``new`` in running text) is skipped, and tokens
    are built only for the words the walk can reach (and the words before and
    after them when a metonym or prefix form lies on the way). Same result as the token-by-token scan (which the tests keep as the
    reference).
    """
    m = gaz.matcher
    first = m.first_words
    if view.isascii():  # casefold is lower and keeps every offset: split the lowered text
        parts = _PLAIN_SPLIT_RE.split(view.lower())
        words = parts[1::2]
    else:
        parts = (_WORD_SPLIT_RE if _has_marks(view) else _PLAIN_SPLIT_RE).split(view)
        words = list(map(str.casefold, parts[1::2]))
    hits = list(itertools.compress(itertools.count(), map(first.__contains__, words)))
    if not hits:
        return []
    ends = list(itertools.accumulate(map(len, parts)))  # word i is ends[2i]:ends[2i+1]
    n, n_tok = len(view), len(words)
    seen_full: set[int] = set()
    out: list[tuple[int, int, int, str, str, bool]] = []
    nxt = 0
    root = m.root.children
    if len(m.memo) > _MEMO_MAX:  # a cache only: memory stays bounded
        m.memo.clear()
    for i in hits:
        if i < nxt:
            continue  # inside the last match
        cf = words[i]
        if "'" in cf:  # less a possessive 's, as _make_tok cuts it
            cf = _make_tok(view, ends[2 * i], ends[2 * i + 1], n).cf
        node = root.get(cf)
        if node is None:
            continue
        if not node.by_word or i + 1 >= n_tok:
            reach = 0
        else:  # most first words are not followed by a listed second word: look at that first
            w = words[i + 1]
            by = node.by_word
            go = w in by or (w.endswith("'s") and w[:-2] in by)
            reach = _reach(node, words, i) if go else 0
        if reach == 0 and not node.forms:
            continue
        s0, hit = _hit_here(view, words, ends, i, reach, n_tok, node, gaz, seen_full, all_surnames)
        if hit[6]:  # a form matched (hit[2] is -1 for a not_actor span: consumed, not kept)
            if hit[2] >= 0:
                out.append((s0 + hit[0], s0 + hit[1], hit[2], hit[3], hit[4], hit[5]))
                if hit[7]:
                    seen_full.add(hit[2])
            nxt = i + hit[6]
    return _other_referents(view, out, gaz)


def _hit_here(
    view: str,
    words: list[str],
    ends: list[int],
    i: int,
    reach: int,
    n_tok: int,
    node: _Node,
    gaz: Gazetteer,
    seen_full: set[int],
    all_surnames: bool,
) -> tuple[int, tuple]:
    """``(start, result)`` of matching at word ``i`` (:func:`_hit_result`), cached by what it reads."""
    gate = tuple(e for e in node.gated if e in seen_full) if node.gated else ()
    # a common-word acronym also depends on the line around it (_acronym_reads), read only
    # when the word starts with no lower-case letter (a cue form is ALL CAPS: "WHO", not "who")
    s = ends[2 * i]
    cue = (
        _acronym_reads(view, s, gaz.matcher.title_words)
        if node.cue and not view[s].islower()
        else None
    )
    if node.context:
        # the word before is read only as "a locative right before" (_metonym_place): the key
        # holds that flag, not the word, and offsets are kept relative to word i (see
        # _context_key), so "in Moscow" and "to Moscow" share one result
        s0, key = _context_key(view, words, ends, i, reach, n_tok, gaz.matcher)
        key = key + ((gate, all_surnames, cue),)
    else:  # _hit_key without context, inlined (a call per candidate)
        s0, e0 = ends[2 * i], ends[2 * (i + reach) + 1]
        tail = view[e0 : e0 + 3] if view.startswith(_TAIL_READ, e0) else ""
        key = (view[s0:e0], -1, tail, reach, (gate, all_surnames, cue))
    memo = gaz.matcher.memo
    hit = memo.get(key)
    if hit is None:
        # the word before and after are read only by metonym and prefix forms
        lo, hi = (max(i - 1, 0), min(i + reach + 2, n_tok)) if node.context else (i, i + reach + 1)
        toks = _window_tokens(view, words, ends, lo, hi)
        sc = _Scan(view, toks, gaz, all_surnames, set(gate))
        hit = _hit_result(sc, node, i - lo)
        if lo < i:  # offsets relative to word i, as the key is
            d = ends[2 * i] - ends[2 * lo]
            hit = (hit[0] - d, hit[1] - d, *hit[2:])
        memo[key] = hit
    return s0, hit


def _context_key(
    view: str,
    words: list[str],
    ends: list[int],
    i: int,
    reach: int,
    n_tok: int,
    m: _Matcher,
    prev: bool | None = None,
) -> tuple[int, tuple]:
    """``(start, key)`` of a match at word ``i`` of a node with metonym or prefix forms.

    What such a match reads (:func:`_hit_result`): words ``i..i+reach``
    (their case, their possessives: up to two characters past the last one),
    three characters after a form's last word (a dateline's comma), and of
    the neighbouring words only this: whether the word before is a locative
    preposition directly before word ``i`` (:func:`_metonym_place`'s
    ``prev_ok``: its ``cf`` a locative, no possessive, only whitespace
    between), and, of the word after, whether there is one, where it starts
    (the text between: a prefix's hyphen, a follower's gap) and whether its
    ``cf`` is a place follower. The trie walk never takes the word after
    (``reach`` is where the walk by word alone stops), and the three
    characters after word ``i+reach`` are only compared with ``'``, ``,``,
    ``-``, ``(`` and space or tested with ``isalnum``. So the key holds the
    text of words ``i..i+reach``, those three characters with every letter
    and digit written ``a``, and those facts, not the neighbouring words
    themselves; the result's offsets are relative to word ``i`` (``start``):
    "in Moscow said" and "at Moscow told" share one result. With ``i`` 0 the
    flag is ``prev`` (None: no word before; :func:`_locative_before` reads it
    without the word in ``words``).
    """
    s0, e_last = ends[2 * i], ends[2 * (i + reach) + 1]
    if i > 0:  # the word's token as _window_tokens builds it, without the list and the tuple
        s, e = ends[2 * i - 2], ends[2 * i - 1]
        if view[e : e + 1] == "'" or "'" in view[s:e]:
            tok = _make_tok(view, s, e, len(view))
            prev = tok.cf in m.locatives and not tok.poss and not view[tok.end : s0].strip()
        else:  # no possessive: cf is the split's word, the token ends where the word does
            prev = words[i - 1] in m.locatives and not view[e:s0].strip()
    after: tuple[bool, str] | None = None  # None: no word after
    j = i + reach + 1
    if j < n_tok:  # a token starts where its word does
        s, e = ends[2 * j], ends[2 * j + 1]
        if view[e : e + 1] == "'" or "'" in view[s:e]:
            cf = _make_tok(view, s, e, len(view)).cf
        else:
            cf = words[j]
        after = (cf in m.followers, view[e_last:s])
    # the three characters after word i+reach are read as: an apostrophe (a possessive),
    # whether a letter or digit follows it, a space, a comma, hyphen or bracket
    tail = view[e_last : e_last + 3]
    if tail.isascii():  # the common case: one translate, no per-character call
        tail = tail.translate(_ALNUM_AS_A)
    else:
        tail = "".join(["a" if c.isalnum() else c for c in tail])
    return s0, (view[s0:e_last], tail, prev, reach, after)


# ASCII letters and digits written "a" (_context_key's three characters after a match)
_ALNUM_AS_A = str.maketrans(dict.fromkeys(map(ord, string.ascii_letters + string.digits), "a"))


_MEMO_MAX = 100_000  # cached match results per gazetteer (a few hundred bytes each)


# --------------------------------------------------------------------------
# a batch of texts: candidate first words found by one compiled (RE2) pass
# --------------------------------------------------------------------------
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'.")  # what an ASCII word holds
# _PLAIN_WORD_RE on the lower-cased text of the batch path (its words are ASCII,
# :func:`_ascii_words`): the same words, ASCII classes instead of Unicode ones (~15 % faster)
_LOW_WORD_RE = re.compile(r"(?:[a-z]\.){2,}|[a-z0-9]+(?:'[a-z0-9]+)*")
_NOT_LEAD_RE = re.compile(r"[^a-z0-9].*", re.S)  # all but a word's leading letters/digits
_DOTTED_RE = re.compile(r"(?:[a-z]\.){2,}")  # an initialism, one word of the split
_NO_PATTERN = "(unavailable)"
_MAX_PATTERN = 16_000  # characters of the candidate pattern (shipped gazetteer: ~9,000)
_MARK = "\x01"  # marks a candidate in the batch pass; a text holding it is matched alone


def _match_batch(
    texts: Sequence[str], gaz: Gazetteer
) -> list[list[tuple[int, int, int, str, str, bool]]]:
    """:func:`_match_text` of each text, equal results; ASCII texts share one compiled pass.

    The words of an ASCII text that can start a form are found for the whole
    batch at once by Arrow's RE2 engine (:func:`_candidate_starts`); each
    candidate is then checked and matched from the words around it
    (:func:`_match_cands`), so no text is split word by word in Python. A text
    whose non-ASCII characters are all outside words (``£``, ``…``, ``©``: no
    letter, digit or mark) has the same words and offsets as an ASCII text and
    goes the same way (:func:`_ascii_words`). Other texts (and every text if
    that pass is not available) go through :func:`_match_split`.
    """
    views = [fold(t) for t in texts]
    fast = [k for k, v in enumerate(views) if _MARK not in v and _ascii_words(v)]
    cands = (
        _candidate_starts([_ascii_stand_in(views[k]) for k in fast], gaz.matcher) if fast else None
    )
    out: list[list[tuple[int, int, int, str, str, bool]]] = []
    at = dict(zip(fast, cands, strict=True)) if cands is not None else {}
    for k, v in enumerate(views):
        starts = at.get(k)
        out.append(
            _match_split(v, gaz, False) if starts is None else _match_cands(v, starts, gaz, False)
        )
    return out


_NON_ASCII_WORD_CHAR_RE = re.compile(r"[^\x00-\x7f\W_]")  # a non-ASCII letter or digit


def _ascii_words(view: str) -> bool:
    """True if every word of ``view``'s split is ASCII and so is every character that joins one.

    Such a text is split as an ASCII one: its non-ASCII characters (``£``,
    ``…``, an emoji) hold no letter, digit or combining mark, so each is a
    separator like a space, and lower-casing keeps every offset.

    >>> _ascii_words("Putin paid \u00a3400"), _ascii_words("Mosc\u00f3w"), _ascii_words("x")
    (True, False, True)
    """
    if view.isascii():
        return True
    return _NON_ASCII_WORD_CHAR_RE.search(view) is None and not _has_marks(view)


def _ascii_stand_in(view: str) -> str:
    """``view`` with each non-ASCII character written as ``?`` (one for one: same offsets).

    For the RE2 candidate pass of a text :func:`_ascii_words` accepts: the
    pass reads offsets in UTF-8 bytes, which are the characters' offsets only
    in ASCII, and a ``?`` is a separator as the character it stands for is.
    """
    if view.isascii():
        return view
    return view.encode("ascii", "replace").decode("ascii")


def _more_words(low: str, words: list[str], ends: list[int], upto: int) -> bool:
    """Continue the split of ``low`` after the last word until ``words`` holds ``upto``; False at the end."""
    while len(words) < upto:
        wm = _LOW_WORD_RE.search(low, ends[-1])  # the split's scan goes on from the last word's end
        if wm is None:
            return False
        words.append(wm.group())
        ends += wm.span()
    return True


def _candidate_pattern(m: _Matcher) -> str:
    r"""An RE2 pattern for the places in an ASCII text where a form can start.

    A first word that has a form of its own or holds ``.`` or ``'`` matches as
    its leading letter/digit run (``putin``, ``u`` of ``u.s.``). A first word
    without a form (``the``, ``mr``, ``president``) is looked at only when a
    listed second word follows, so those match with an optional ``'s``, what
    lies before the next word, and the leading run of a listed second word
    (any first word's: one pattern for them all). Runs are bounded by ``\b``
    (the text's ``_`` read as a space, so ``\b`` is the edge of a run of ASCII
    letters and digits). Every word of the split that :func:`_match_split`
    would look at starts where a match starts or where the last run of a
    pair's match starts after a character no word holds
    (:func:`_candidate_starts`).
    """
    single: set[str] = set()
    dotted: set[str] = set()
    pairs: dict[str, set[str]] = {}
    for k, node in m.root.children.items():
        if not isinstance(k, str) or not k.isascii():
            continue
        if _DOTTED_RE.fullmatch(k):  # the split's word is the whole "u.s.": match all of it
            dotted.add(re.escape(k))
        elif node.forms or not k.isalnum():
            single.add(_NOT_LEAD_RE.sub("", k))
        else:
            pairs[k] = {_NOT_LEAD_RE.sub("", w) for w in node.by_word if w.isascii()}
    single.discard("")
    firsts = set(pairs) - single
    seconds = set().union(*(pairs[k] for k in firsts)) - {""} if firsts else set()
    alts = []
    if dotted:  # before the runs: "u.s." is one candidate, not "u" and "s" (every "'s")
        alts.append(rf"\b(?:{'|'.join(sorted(dotted, key=lambda x: (-len(x), x)))})")
    if single:  # longest first: leftmost-first then takes the whole run
        alts.append(rf"\b(?:{'|'.join(sorted(single, key=lambda x: (-len(x), x)))})\b")
    if firsts and seconds:
        one = "|".join(sorted(firsts, key=lambda x: (-len(x), x)))
        two = "|".join(sorted(seconds, key=lambda x: (-len(x), x)))
        alts.append(rf"\b(?:{one})\b(?:'s)?[^a-z0-9]*(?:{two})\b")
    pattern = "|".join(alts)
    # past ~20,000 characters RE2's automaton outgrows its memory and the pass gets 10-20x
    # slower than splitting (measured on synthetic gazetteers): split such texts instead
    return pattern if len(pattern) <= _MAX_PATTERN else _NO_PATTERN


def _candidate_starts(views: list[str], m: _Matcher) -> list[list[int]] | None:
    """Offsets where a first word may start, per ASCII text (one RE2 pass); None if unavailable.

    Each match is a candidate, and so is the start of the last run of a
    match (a pair's second word) after a character that is no letter or digit.
    """
    if m.cand_pattern is None:
        m.cand_pattern = _candidate_pattern(m)
    if m.cand_pattern == _NO_PATTERN:
        return None
    if not m.cand_pattern:  # no ASCII first word: no form starts in an ASCII text
        return [[] for _ in views]
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        return None
    try:
        low = pc.replace_substring(
            pc.ascii_lower(pa.array(views, type=pa.large_string())), "_", " "
        )
        marked = pc.replace_substring_regex(
            low, pattern=m.cand_pattern, replacement=_MARK + "\\0" + _MARK
        )
        parts = pc.split_pattern(marked, pattern=_MARK)
    except pa.ArrowException:  # pragma: no cover - a gazetteer past RE2's limits
        m.cand_pattern = _NO_PATTERN  # matched word by word from now on
        return None
    flat = parts.flatten()
    lens = pc.binary_length(flat).to_numpy(zero_copy_only=False).astype(np.int64)
    offs = parts.offsets.to_numpy().astype(np.int64)
    # a text's pieces: the text before its first match, then each match and the text after it
    ends = np.cumsum(lens)
    starts = ends - lens - np.repeat(ends[offs[:-1]] - lens[offs[:-1]], np.diff(offs))
    local = np.arange(len(lens)) - np.repeat(offs[:-1], np.diff(offs))
    at = np.flatnonzero(local % 2 == 1)
    inner = pc.find_substring_regex(flat.take(pa.array(at)), pattern="[^a-z0-9][a-z0-9]+$")
    cands = np.full((len(at), 2), -1, dtype=np.int64)
    cands[:, 0] = starts[at]
    inner_at = inner.to_numpy(zero_copy_only=False).astype(np.int64)
    two = inner_at >= 0
    cands[two, 1] = starts[at][two] + inner_at[two] + 1
    doc = np.repeat(np.arange(len(views)), (np.diff(offs) - 1) // 2)
    kept = cands.ravel()
    ok = kept >= 0
    n_per = np.bincount(np.repeat(doc, 2)[ok], minlength=len(views))
    bounds = np.concatenate([[0], np.cumsum(n_per)]).tolist()
    flat_kept = kept[ok].tolist()
    return [flat_kept[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _word_at(low: str, s: int) -> re.Match[str] | None:
    """The word of the split of ``low`` that starts at ``s``, or None (not a word start).

    The split is rescanned from the last character before ``s`` that no word
    holds (nothing spans such a character, so the scan from there is the
    scan of the whole text).
    """
    p = s - 1
    while p >= 0 and low[p] in _WORD_CHARS:
        p -= 1
    for wm in _LOW_WORD_RE.finditer(low, p + 1):
        if wm.start() >= s:
            return wm if wm.start() == s else None
    return None  # pragma: no cover - s holds a letter or digit


def _word_before(low: str, s: int) -> re.Match[str] | None:
    """The word of the split of ``low`` before the one starting at ``s`` (None at the first)."""
    q = s - 1
    while q >= 0 and not low[q].isalnum():
        q -= 1
    if q < 0:
        return None
    p = q
    while p >= 0 and low[p] in _WORD_CHARS:
        p -= 1
    prev = None
    for wm in _LOW_WORD_RE.finditer(low, p + 1):
        if wm.start() >= s:
            break
        prev = wm
    return prev


def _match_cands(
    view: str, cands: list[int], gaz: Gazetteer, all_surnames: bool
) -> list[tuple[int, int, int, str, str, bool]]:
    """:func:`_match_split` of ``view`` from its candidate offsets (same result); ``view`` is
    ASCII or holds no non-ASCII character inside a word (:func:`_ascii_words`).

    Each candidate that starts a word of the split (checked by rescanning
    from the last character no word holds) is a hit as in
    :func:`_match_split`; the words around it are found by continuing the
    scan from the word's end (and, for metonym and prefix forms, the word
    before), laid out as the split's ``words`` and ``ends`` for that hit.
    """
    m = gaz.matcher
    first, root, memo = m.first_words, m.root.children, m.memo
    if len(memo) > _MEMO_MAX:
        memo.clear()
    low, n, match, search = view.lower(), len(view), _LOW_WORD_RE.match, _LOW_WORD_RE.search
    seen_full: set[int] = set()
    out: list[tuple[int, int, int, str, str, bool]] = []
    state = (seen_full, all_surnames)
    nxt = 0  # the end of the last match: candidates before it are inside it
    for s in cands:
        if s < nxt:
            continue
        wm = match(low, s) if s == 0 or low[s - 1] not in "'." else _word_at(low, s)
        if wm is None:
            continue
        w0 = wm.group()
        e = wm.end()
        if "'" in w0:  # less a possessive 's, as _make_tok cuts it
            if w0 not in first:
                continue
            node = root.get(_make_tok(view, s, e, n).cf)
        else:  # a word without "'" is in ``first`` exactly when it is a root key
            node = root.get(w0)
        if node is None:
            continue
        words, ends, by = [w0], [s, e], node.by_word
        more, reach = True, 0  # more: the text may hold words after those in ``words``
        if by:  # the next word first: most first words are not followed by a listed one
            wm = search(low, e)  # the split's scan goes on from a word's end
            if wm is None:
                more = False
            else:
                w = wm.group()
                words.append(w)
                ends += wm.span()
                if w in by or (w.endswith("'s") and w[:-2] in by):
                    # a plain word leading to one node no word goes on from: the walk takes it
                    # and stops there, whatever follows (``more`` stays True: the word after
                    # is not fetched; _context_hit fetches it, the other paths never read it)
                    nodes = by.get(w)
                    if nodes and len(nodes) == 1 and not nodes[0].by_word and w[-2:] != "'s":
                        reach = 1
                    else:
                        reach, more = _reach_scan(node, low, words, ends)
        if reach == 0 and not node.forms:
            continue
        if node.context:  # metonym and prefix forms read the word before and the word after
            i, s0, hit = _context_hit(view, low, words, ends, reach, more, node, gaz, state)
        else:  # _hit_here without context, inlined (most candidates: a call less each)
            gate = tuple([x for x in node.gated if x in seen_full]) if node.gated else ()
            cue = None  # as _hit_here reads it
            if node.cue and not view[s].islower():
                cue = _acronym_reads(view, s, m.title_words)
            i, s0, e0 = 0, s, ends[2 * reach + 1]
            tail = view[e0 : e0 + 3] if view.startswith(_TAIL_READ, e0) else ""
            cached = memo.get((view[s:e0], -1, tail, reach, (gate, all_surnames, cue)))
            if cached is None:
                n_tok = len(words) + more
                cached = _hit_here(view, words, ends, 0, reach, n_tok, node, gaz, *state)[1]
            hit = cached
        if hit[6]:
            if hit[2] >= 0:
                out.append((s0 + hit[0], s0 + hit[1], hit[2], hit[3], hit[4], hit[5]))
                if hit[7]:
                    seen_full.add(hit[2])
            nxt = ends[2 * (i + hit[6] - 1) + 1]
    return _other_referents(view, out, gaz)


def _context_hit(
    view: str,
    low: str,
    words: list[str],
    ends: list[int],
    reach: int,
    more: bool,
    node: _Node,
    gaz: Gazetteer,
    state: tuple[set[int], bool],
) -> tuple[int, int, tuple]:
    """``(i, start, result)`` of a candidate with metonym or prefix forms (:func:`_match_cands`).

    Such a match reads the word before and the word after: the split is
    continued to the word after the walk's reach and the word before is put
    in front (``i`` = 1 then).
    """
    i = 0
    if more:
        more = _more_words(low, words, ends, reach + 2)
    prev = _locative_before(view, low, ends[0], gaz.matcher.locatives)
    if not isinstance(prev, _Unread):  # the key as _hit_here builds it, without the word before
        seen_full, all_surnames = state
        gate = tuple([x for x in node.gated if x in seen_full]) if node.gated and seen_full else ()
        s = ends[0]
        cue = None
        if node.cue and not view[s].islower():
            cue = _acronym_reads(view, s, gaz.matcher.title_words)
        n_tok = len(words) + 1 if more else len(words)
        _, key = _context_key(view, words, ends, 0, reach, n_tok, gaz.matcher, prev)
        hit = gaz.matcher.memo.get(key + ((gate, all_surnames, cue),))
        if hit is not None:
            return 0, s, hit
    pm = _word_before(low, ends[0])
    if pm is not None:
        words.insert(0, pm.group())
        ends[:0] = pm.span()
        i = 1
    n_tok = len(words) + 1 if more else len(words)
    s0, hit = _hit_here(view, words, ends, i, reach, n_tok, node, gaz, *state)
    return i, s0, hit


class _Unread:
    """:func:`_locative_before`'s answer when the text before needs the split's rescan."""


_UNREAD = _Unread()


def _locative_before(
    view: str, low: str, s: int, locatives: frozenset[str]
) -> bool | None | _Unread:
    r""":func:`_context_key`'s flag for the word before the one at ``s`` (an ASCII-words text):
    None when no word precedes it, else whether that word is a locative with only whitespace
    between; :data:`_UNREAD` when a ``'`` or ``.`` stands in the way (the split's rescan,
    :func:`_word_before`, decides those: possessives, initialisms).

    Between the last letter or digit before ``s`` and ``s`` stand only separators no word
    holds, and the letters and digits before that one follow such a separator (or the
    text's start), so they are the whole previous word of the split, without a possessive.

    >>> loc = frozenset({"in"})
    >>> [_locative_before(t, t.lower(), t.index("M"), loc) for t in
    ...  ["Moscow", "in Moscow", "in, Moscow", "said Moscow", "in\n Moscow"]]
    [None, True, False, False, True]
    >>> _locative_before("U.S. Moscow", "u.s. moscow", 5, loc) is _UNREAD
    True
    """
    q = s - 1
    while q >= 0 and not low[q].isalnum():
        if low[q] in "'.":
            return _UNREAD
        q -= 1
    if q < 0:
        return None
    p = q - 1
    while p >= 0 and low[p].isalnum():
        p -= 1
    if p >= 0 and low[p] in "'.":
        return _UNREAD
    return low[p + 1 : q + 1] in locatives and not view[q + 1 : s].strip()


def _hit_key(
    view: str, ends: list[int], i: int, reach: int, n_tok: int, context: bool, state: tuple
) -> tuple[int, tuple]:
    """``(start, key)``: the text a match at word ``i`` reads, and the state it depends on.

    Matching at word ``i`` reads words ``i..i+reach`` and the text between
    them, a possessive after the last one, and, for metonym and prefix forms,
    the word before, the word after and three characters more. Equal keys give
    equal results (offsets relative to ``start``); ``state`` holds the persons
    named in full that a surname form there depends on.
    """
    if context:
        s0 = ends[2 * max(i - 1, 0)]
        j = i + reach + 1
        e0 = min(len(view), ends[2 * j + 1] + 3) if j < n_tok else len(view)
        return s0, (view[s0:e0], min(i, 1), e0 == len(view), reach, state)
    s0, e0 = ends[2 * i], ends[2 * (i + reach) + 1]
    tail = view[e0 : e0 + 3] if view.startswith(_TAIL_READ, e0) else ""
    return s0, (view[s0:e0], -1, tail, reach, state)


def _window_tokens(view: str, words: list[str], ends: list[int], lo: int, hi: int) -> list[_Tok]:
    """The tokens of words ``lo..hi-1`` of a split view (as :func:`_word_tokens` builds them).

    ``words`` are the case-folded words, ``ends`` the running ends of the split's parts.
    """
    toks = []
    n = len(view)
    for k in range(lo, hi):
        s, e = ends[2 * k], ends[2 * k + 1]
        w = view[s:e]
        if "'" in w or view[e : e + 1] == "'":
            toks.append(_make_tok(view, s, e, n))
        else:  # as _make_tok builds it, without the call
            toks.append(_Tok(s, e, words[k], w, False, e))
    return toks


def _hit_result(sc: _Scan, node: _Node, j: int) -> tuple[int, int, int, str, str, bool, int, bool]:
    """What matching at token ``j`` of a window gives, offsets relative to the window's start.

    ``(start, end, entry, type, resolution, possessive, n_tokens, names_person)``:
    ``n_tokens`` is 0 when no form fits, ``entry`` -1 for a not_actor span
    (consumed, not reported); ``names_person`` when the match names a person
    in full (later surname forms of that person may then match).
    """
    best = _longest_form(sc, node, j)
    if best is None:
        return (0, 0, -1, "", "", False, 0, False)
    form, caps = best
    if form.kind == "not_actor":
        return (0, 0, -1, "", "", False, form.ntok, False)
    base = sc.toks[0].start
    start, end, entry, typ, res, poss = _mention_at(sc, form, caps, j)
    person = form.kind == "alias" and sc.gaz.entries[entry]["type"] == "person"
    return (start - base, end - base, entry, typ, res, poss, form.ntok, person)


def _reach(node: _Node, words: list[str], i: int) -> int:
    """How many words after word ``i`` the trie walk from ``node`` can possibly take.

    Walks the case-folded ``words`` through ``by_word`` (a word ending in
    ``'s`` also as the word without it), following every child whatever its
    gap and possessive keys: never shorter than the real walk.

    >>> m = load_gazetteer().matcher
    >>> words = "the white house said the talks".split()
    >>> _reach(m.root.children["the"], words, 0), _reach(m.root.children["the"], words, 4)
    (2, 0)
    """
    frontier = [node]
    k = 0
    while i + k + 1 < len(words):
        w = words[i + k + 1]
        step = _step(frontier, w)
        if not step:
            break
        frontier = step
        k += 1
    return k


def _step(frontier: list[_Node], w: str) -> list[_Node]:
    """The trie nodes one word ``w`` (or its bare form before "'s") leads to from ``frontier``."""
    bare = w[:-2] if w.endswith("'s") else None
    step: list[_Node] = []
    for nd in frontier:
        step += nd.by_word.get(w, ())
        if bare is not None:
            step += nd.by_word.get(bare, ())
    return step


def _reach_scan(node: _Node, low: str, words: list[str], ends: list[int]) -> tuple[int, bool]:
    """:func:`_reach` from word 0, continuing the split of ``low`` only as far as the walk goes.

    ``words``/``ends`` hold the split's words from the first word on (at least
    two); a word is added when the walk needs it. Returns ``(reach, more)``,
    ``more`` False when the text ended first (then ``words`` is complete). The
    walk never needs more words than the longest form, so the result is
    :func:`_reach` over the words fetched up to that length.
    """
    search = _LOW_WORD_RE.search
    frontier = [node]
    k = 0
    while True:
        if k + 1 >= len(words):
            wm = search(low, ends[-1])  # the split's scan goes on from the last word's end
            if wm is None:
                return k, False
            words.append(wm.group())
            ends += wm.span()
        w = words[k + 1]
        if len(frontier) == 1 and not w.endswith("'s"):  # _step of one node, without the call
            step = frontier[0].by_word.get(w)  # read only: a later step builds a new list
        else:
            step = _step(frontier, w)
        if not step:
            return k, True
        frontier = step
        k += 1


def _match_scan(
    view: str, gaz: Gazetteer, all_surnames: bool
) -> list[tuple[int, int, int, str, str, bool]]:
    """:func:`_match_text` on the folded ``view``: each token is looked up in the trie's root."""
    sc = _Scan(view, _word_tokens(view), gaz, all_surnames)
    n = len(sc.toks)
    out: list[tuple[int, int, int, str, str, bool]] = []
    j = 0
    root = gaz.matcher.root.children
    while j < n:
        node = root.get(sc.toks[j].cf)
        best = None if node is None else _longest_form(sc, node, j)
        if best is None:
            j += 1
            continue
        form, caps = best
        if form.kind != "not_actor":
            out.append(_mention_at(sc, form, caps, j))
        j += form.ntok
    return _other_referents(view, out, gaz)


def _longest_form(sc: _Scan, node: _Node, j: int) -> tuple[_Form, bool] | None:
    """Walk the trie from token ``j``; return the longest acceptable ``(form, all_caps)``."""
    toks, n = sc.toks, len(sc.toks)
    best: tuple[_Form, bool] | None = None
    k = j
    while True:
        found = _form_here(sc, node, j, k)
        if found is not None:
            best = found
        if k + 1 >= n:
            break
        a, b = toks[k], toks[k + 1]
        gap = sc.view[a.next_start if a.poss else a.end : b.start]
        nxt = node.children.get((_gap_kind(gap), a.poss, b.cf))
        if nxt is None:
            break
        node = nxt
        k += 1
    return best


def _form_here(sc: _Scan, node: _Node, j: int, k: int) -> tuple[_Form, bool] | None:
    """The first form ending at trie ``node`` (tokens ``j..k``) whose case, gate and shape fit."""
    toks, view = sc.toks, sc.view
    m = sc.gaz.matcher
    for form in node.forms:
        ok, caps = _case_ok(form, toks, j)
        if not ok or not _gate(form, sc.gaz, m, sc.seen_full, sc.all_surnames):
            continue
        if form.cue and not _acronym_reads(view, toks[j].start, m.title_words):
            continue
        if _currency_after(view, toks[k].end):  # "US$ 130 milhões": a currency, no actor
            continue
        if form.kind == "prefix":  # "Sino-Russian": a prefix must be followed by a hyphen
            e_end = toks[k].end
            if (
                toks[k].poss
                or e_end >= len(view)
                or view[e_end] != "-"
                or k + 1 >= len(toks)
                or toks[k + 1].start != e_end + 1
            ):
                continue
        return form, caps
    return None


# what the text right after a form's last word can change (and a cache key must hold):
# a possessive ("'s") and a currency sign (_currency_after); three characters of it
_TAIL_READ = ("'", "$", " $")


def _currency_after(view: str, end: int) -> bool:
    """Whether a currency sign follows the form ending at ``end``: the form names a currency.

    ``US$ 130 milhões``, ``U.S.$5``, ``US $5bn`` (a space, ``$``, then a letter
    or digit): the dollar of the country, not the country as an actor. Reads
    at most three characters after ``end`` (the cache keys hold them).

    >>> _currency_after("US$ 130", 2), _currency_after("US $5bn", 2), _currency_after("US $ and", 2)
    (True, True, False)
    """
    c = view[end : end + 1]
    if c == "$":
        return True
    return c == " " and view[end + 1 : end + 2] == "$" and view[end + 2 : end + 3].isalnum()


# given names that are also modals or verbs opening a question or clause ("Will Biden veto")
_NOT_GIVEN = frozenset("will may can did does should would could must shall sue rob".split())
# how far (characters) a country named with an ambiguous entry may be to vouch for it
_VOUCH_SPAN = 250


@lru_cache(maxsize=8)
def _given_names(extra: tuple[str, ...]) -> frozenset[str]:
    """Given names, lower case: the quote lexicon's ``given_names`` and the gazetteer's own."""
    from .lexicon import load_lexicon  # the quote word lists, loaded once

    names = set(load_lexicon("quote_words").data["given_names"])
    return frozenset(names | {w.casefold() for w in extra}) - _NOT_GIVEN


_NAME_JOINERS = frozenset("'\u2019.-_0123456789")  # a word these join is no given name
# a surname after a one-word alias that is also a given name ("Jordan Peterson's account"),
# in running text: the word after it is not capitalised (a Title Case line tells nothing)
_SURNAME_AFTER_RE = re.compile(r" ([A-Z][a-z]+)(?!\w)(?:['\u2019]s)?(?=[ ,;:.!?)]*(?:[a-z]|\Z))")


def _given_before(view: str, start: int, m: _Matcher) -> str | None:
    """The capitalised given name right before ``start`` (one space between), else None; a
    word that starts a form of the gazetteer itself is none (``Jordan`` in ``Jordan Israel``)."""
    if start < 3 or view[start - 1] != " " or not view[start - 2].islower():
        return None
    if view[max(0, start - 23) : start - 1].islower():  # no capital where the name would be
        return None
    p = start - 2
    while p >= 0 and view[p].isalpha() and start - p < 24:
        p -= 1
    name = view[p + 1 : start - 1]
    if not (name[:1].isupper() and name[1:].islower()) or p >= 0 and view[p] in _NAME_JOINERS:
        return None  # "O'Jordan", "x.Jordan", "Sino-": not a given name of its own
    low = name.casefold()
    return name if low in m.given and low not in m.name_first_words else None


def _surname_after(view: str, start: int, end: int, m: _Matcher) -> bool:
    """A one-word alias that is also a given name, then a capitalised word that is no common
    word and starts no form, then running text: a person's name (``Jordan Peterson says``)."""
    if view[start:end].casefold() not in m.given or view[end : end + 1] != " ":
        return False
    found = _SURNAME_AFTER_RE.match(view, end)
    if found is None:
        return False
    low = found.group(1).casefold()
    return low not in _common_words() and low not in m.actor_first_words


def _cue_re(words: Sequence[str]) -> re.Pattern[str] | None:
    """One pattern for cue words as written (case-sensitive, whole words), or None."""
    if not words:
        return None
    alts = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{alts})(?![\w-])")


_CUE_SPAN = 40  # characters on each side of an ambiguous alias read for its other_cues
# a lower-case word: a line whose only lower-case words are stopwords ("with", "in") is in
# Title Case
_LOWER_WORD_RE = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*(?![\w'\u2019-])")
_SENTENCE_MARKS = ".!?\n"


def _sentence_around(view: str, s: int, e: int) -> tuple[int, int]:
    """The bounds of the sentence or line holding ``view[s:e]`` (cut at ``. ! ?`` and newlines)."""
    lo = max(view.rfind(c, 0, s) for c in _SENTENCE_MARKS) + 1
    ends = [k for k in (view.find(c, e) for c in _SENTENCE_MARKS) if k >= 0]
    return lo, min(ends) if ends else len(view)


def _title_case_at(view: str, s: int, e: int) -> bool:
    """True when every lower-case word of the sentence or line around ``view[s:e]`` is a
    stopword (``Moscow Engages in Talks with Hamas``)."""
    lo, hi = _sentence_around(view, s, e)
    stop = load_stopwords()
    return all(w.group() in stop for w in _LOWER_WORD_RE.finditer(view, lo, hi))


# a capitalised word right after a match (one space), its possessive 's allowed
_NEXT_CAP_RE = re.compile(r" ([A-Z][a-z][\w'\u2019-]*)")


def _next_name_word(view: str, end: int, m: _Matcher) -> str | None:
    """The capitalised word right after ``end`` when it starts no form of the gazetteer."""
    found = _NEXT_CAP_RE.match(view, end)
    if found is None:
        return None
    low = re.sub(r"['\u2019]s$", "", found.group(1)).casefold()
    return None if low in m.actor_first_words else low


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Titles and role nouns of the quote lexicon, lower case (``King``, ``Coach``): no surname."""
    from .lexicon import load_lexicon

    data = load_lexicon("quote_words").data
    words = [w for k in ("titles", "role_nouns", "person_roles") for w in data.get(k) or ()]
    return frozenset(str(w).casefold() for w in words if " " not in str(w))


_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""))


def _is_common(low: str) -> bool:
    """A common word (:func:`_common_words`), also inflected: ``bans``, ``slammed``."""
    common = _common_words()
    return low in common or any(
        low.endswith(end) and low[: -len(end)] + base in common for end, base in _INFLECTIONS
    )


def _surname_in_title_case(view: str, start: int, end: int, m: _Matcher) -> bool:
    """A one-word alias that is a given name, then a capitalised word that is no common word,
    starts no form and is no given name or title, then a common word, a verb (``name_verbs``, the
    reporting verbs) or the end of the line, in a Title Case line: ``Jordan Peterson Suspended``,
    ``Paris Hilton Sues``. ``Jordan Bans Smoking`` (a common word)
    and ``Chad Idriss Deby Killed`` (two names: a leader's?) keep the country."""
    if view[start:end].casefold() not in m.given:
        return False
    low = _next_name_word(view, end, m)
    if low is None or _is_common(low) or low in m.given or low in m.title_words:
        return False
    if low in _role_words():
        return False
    if not _title_case_at(view, start, end):
        return False
    after = re.compile(r" \S+ ([A-Za-z]+)").match(view, end)
    if after is None:
        return True
    word = after.group(1).casefold()
    return _is_common(word) or word in m.name_verbs or word in _verb_forms()


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """The reporting verbs' forms, lower case (``data/reporting_verbs.yml``: ``says``, ``slams``,
    ``warned``): a word a headline writes right after a person's name."""
    from .lexicon import load_lexicon

    forms: set[str] = set()
    for cls in (load_lexicon("reporting_verbs").data.get("classes") or {}).values():
        for verb in cls.get("verbs") or ():
            if isinstance(verb, dict):
                forms.update(str(f) for fs in verb.values() for f in fs)
                continue
            head, _, rest = str(verb).partition(" ")
            if rest:
                continue  # "point out": its first word alone is no cue
            stem = head[:-1] if head.endswith("e") else head
            forms.update({head, head + "s", head + "es", stem + "ed", head + "d"})
    return frozenset(f.casefold() for f in forms)


_PREV_NAME_RE = re.compile(r"(?<![\w'\u2019.-])([A-Z][a-z]+) $")


def _prev_name(view: str, pos: int) -> re.Match[str] | None:
    """``_PREV_NAME_RE`` searched in the 24 characters before ``pos``; the search is skipped
    when no space stands right before ``pos`` (or before a newline there, as ``$`` allows)."""
    if view[pos - 1 : pos] != " " and view[pos - 2 : pos] != " \n":
        return None
    return _PREV_NAME_RE.search(view, max(0, pos - 24), pos)


_AFTER_WORD_RE = re.compile(r" ([A-Za-z]+)")


@lru_cache(maxsize=1)
def _not_name_endings() -> tuple[str, ...]:
    """Endings of words that are no names (``-ous``, ``-ed``: ``Indigenous``, ``Unemployed``)."""
    from .lexicon import load_lexicon

    return tuple(str(w) for w in load_lexicon("quote_words").data.get("not_name_endings") or ())


def _demonym_in_a_name(view: str, hit: tuple, m: _Matcher) -> bool:
    """A one-word singular demonym that is a person's surname: after a given name, or after a
    capitalised word (no stopword, title, role, form nor ``-ous``/``-ed`` word) when a possessive
    or a verb (``name_verbs``, the reporting verbs) follows, the capitalised word being no
    common word or the line not in Title Case: ``Mark Cuban says``, ``Mark Cuban's team``,
    ``owner Mark Cuban buys``, ``Mark Cuban Slams Trump`` (``Mark``: a gazetteer person's given
    name). ``The Cuban government``, ``Young Americans Say`` (a plural), ``Young Cuban Wins``,
    ``First Indigenous American confirmed`` stay."""
    s, e = hit[0], hit[1]
    if s < 3 or view[s - 1] != " " or " " in view[s:e] or view[e - 1 : e] in "sS":
        return False
    prev = _prev_name(view, s)
    if prev is None:
        return False
    low = prev.group(1).casefold()
    if low in m.given:
        return True
    if low in m.name_first_words or low in load_stopwords() or low in m.title_words:
        return False
    if low in _role_words() or low.endswith(_not_name_endings()):
        return False
    after = _AFTER_WORD_RE.match(view, e)
    word = after.group(1).casefold() if after else ""
    if not (hit[5] or word in m.name_verbs or word in _verb_forms()):
        return False
    # a singular demonym with no article before a verb is a name, but a Title Case headline
    # drops articles ("Young Cuban Wins"): there the word before must be no common word, or
    # the given name of a gazetteer person ("Mark Cuban Slams Trump": Mark of Mark Carney)
    if hit[5] or not _is_common(low) or low in m.own_given_names:
        return True
    return not _title_case_at(view, s, e)


def _unvouched_place(view: str, hit: tuple, hits: list[tuple], m: _Matcher) -> bool:
    """A capital of its entry's ``ambiguous_metonyms`` (``San Jose``, ``Kingston``) that the
    text does not vouch for: no other form of the entry (``Costa Rica``, ``Jamaican``) and no
    ``own_cues`` word within :data:`_VOUCH_SPAN` characters, or an ``other_cues`` word within
    :data:`_CUE_SPAN`."""
    i, s, e = hit[2], hit[0], hit[1]
    places = m.amb_places.get(i)
    if places is None or view[s:e].casefold() not in places:
        return False
    own_re, other_re = m.amb_cues.get(i, (None, None))
    if other_re is not None and other_re.search(view, max(0, s - _CUE_SPAN), e + _CUE_SPAN):
        return True
    if own_re is not None and own_re.search(view, max(0, s - _VOUCH_SPAN), e + _VOUCH_SPAN):
        return False
    return not any(h[2] == i and view[h[0] : h[1]].casefold() not in places for h in hits)


def _capital_in_a_name(view: str, hit: tuple, m: _Matcher) -> bool:
    """A country's capital right before a capitalised word in running text begins the name of
    something in that city, not the state (``the London Stock Exchange``, ``the Paris
    Agreement``, ``San Jose Sharks``); a possessive (``Moscow's Foreign Ministry``) stays.
    Before a ``settings.metonym_heads`` word (``Paris Agreement``, ``Minsk Accords``: named
    after the city) also in a Title Case line. So does a capital that ends a name after ``of``
    or ``for`` and a capitalised word in running text (``Transport for London``, ``the Mayor
    of London``). A possessive before a ``settings.place_followers`` word is the city's
    (``Washington's mayor``, ``Moscow's metro``)."""
    s, e, i, typ, res, poss = hit
    if res != "metonym" or typ == "location" or i not in m.capitals:
        return False
    if poss:
        after = _POSS_WORD_RE.match(view, e)
        return after is not None and after.group(1).casefold() in m.followers
    low = _next_name_word(view, e, m)
    if low is not None and low in m.metonym_heads:
        return True
    if low is None and _OF_A_NAME_RE.search(view, max(0, s - 30), s) is None:
        return False
    return not _title_case_at(view, s, e)


# the word after a possessive 's
_POSS_WORD_RE = re.compile(r"['\u2019]s ([A-Za-z]+)")
# a capitalised word (not the first of its sentence), then "of" or "for", right before a match
_OF_A_NAME_RE = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+ (?:of|for) \Z")


# the word right after a match: one space, letters, an optional full stop ("Jr.")
_HEAD_AFTER_RE = re.compile(r" ([^\W\d_]+)\.?(?: ([A-Za-z]+))?")
_HEAD_WORD_RE = re.compile(r" ([^\W\d_]+)")  # its first group alone (the word after is rarely read)
_ADJ = ("to", "for")  # "Iran Open To Talks": the head word is an adjective
_SHORT_CAPS = 3  # an ALL-CAPS word this short in mixed-case text is an acronym or a numeral


# a capitalised word (or an ampersand) after one space: a word of a company's name
_NAME_RUN_RE = re.compile(r" (&|[A-Z][\w&'\u2019.-]*)")
# a company suffix may be written in lower case ("Homes inc", "Barclays plc")
_SUFFIX_RE = re.compile(r" ([A-Za-z]+)\.?(?![\w-])")
_RUN_MAX = 4  # capitalised words looked at after a form


def _in_a_company_name(view: str, start: int, end: int, m: _Matcher) -> bool:
    """Whether at most :data:`_RUN_MAX` capitalised words after ``end`` end in a company
    suffix (``Corp``, ``Ltd``, ``Airlines``; ``settings.company_suffixes``). A suffix right
    after the form needs a capitalised word right before it (``Cargill U.K. Ltd``): ``the UK
    plc economy``, ``Japan Inc`` name the country's economy."""
    pos = end
    for n in range(_RUN_MAX + 1):
        suffix = _SUFFIX_RE.match(view, pos)
        if suffix is not None and suffix.group(1).casefold() in m.company_suffixes:
            if n > 0:
                return True
            before = _prev_name(view, start)
            return before is not None and before.group(1).casefold() not in load_stopwords()
        word = _NAME_RUN_RE.match(view, pos)
        if word is None:
            return False
        pos = word.end()
    return False


def _lower_heads(m: _Matcher) -> frozenset[str]:
    """The first two letters of the currency words and company suffixes (lower case): a
    lower-case ASCII word after a match that starts with none of them names nothing else
    (:func:`_names_something_else`; built once)."""
    heads = m.__dict__.get("_lower_heads")
    if heads is None:
        heads = m.__dict__["_lower_heads"] = frozenset(
            w[:2] for w in m.currency_words | m.company_suffixes
        )
    return heads


def _names_something_else(view: str, hit: tuple, m: _Matcher) -> bool:
    """A match that is part of another name or a currency's name, not the actor.

    - a ``settings.currency_words`` word follows (``Swiss francs``, ``SWISS FRANC``,
      ``Australian dollars``): the currency;
    - a capitalised ``settings.name_heads`` word follows (``Trump Tower``, ``Australian
      Open``, ``Donald Trump Jr.``): a building, event or another person; not before
      ``to``/``for`` (``Iran Open To Talks``);
    - a run of capitalised words after it ends in a ``settings.company_suffixes`` word (``Taiwan
      Glass Industries Corp``, ``American Airlines``, ``Cargill U.K. Ltd``): a company;
    - an ALL-CAPS word of at most three letters in a line with lower-case letters that is
      no form as written (``playing XI``: the cricket team, not ``Xi``).

    >>> m = load_gazetteer().matcher
    >>> [_names_something_else(t, (s, e, 0, "", r, False), m) for t, s, e, r in [
    ...  ("the Trump Tower", 4, 9, "surname"), ("in Swiss francs", 3, 8, "demonym"),
    ...  ("Iran Open To Talks", 0, 4, "name"), ("the playing XI", 12, 14, "surname"),
    ...  ("the Iran Agreement", 4, 8, "name")]]
    [True, True, False, True, False]
    """
    s, e = hit[0], hit[1]
    # a possessive ("Trump's Tower", "India's Reliance Industries") is the actor's; every
    # word read after the match follows one space (a cheap test first: most hits end a name)
    nxt = None if hit[5] or view[e : e + 1] != " " else _HEAD_WORD_RE.match(view, e)
    if nxt is not None:
        word = nxt.group(1)
        low = word.casefold()
        if low in m.currency_words:
            return True
        upper = word[0].isupper()
        if upper and low in m.name_heads:
            after = _HEAD_AFTER_RE.match(view, e).group(2) or ""  # type: ignore[union-attr]
            if after.casefold() not in _ADJ:
                return True
        if (upper or low in m.company_suffixes) and _in_a_company_name(view, s, e, m):
            return True
    if e - s > _SHORT_CAPS:
        return False
    word = view[s:e]
    if not word.isupper() or word in m.exact_forms:
        return False
    lo, hi = view.rfind("\n", 0, s) + 1, view.find("\n", e)
    line = view[lo : len(view) if hi < 0 else hi]
    return line.upper() != line


_CAPS_MIN = 4  # an ALL-CAPS country this long in mixed-case running text may be another name
# the word before a position (on its line, quotes and punctuation between) and the word after
_PREV_WORD_RE = re.compile(r"([^\W_][\w'\u2019.-]*)[^\w\n]*\Z")
_NEXT_WORD_RE = re.compile(r"[^\w\n]*([^\W_][\w'\u2019.-]*)")
_PREV_CAPS_RE = re.compile(r"(?<![\w'\u2019.-])([A-Z]+) \Z")
_TWO_NAMES_RE = re.compile(r"(?<![\w'\u2019.-])([A-Z][a-z]+) ([A-Z][a-z]+) \Z")
_JOINED_WORD_RE = re.compile(r"[ -]([A-Za-z]+)")
_LANG_BEFORE_RE = re.compile(r"(?<![\w'\u2019.-])([A-Za-z]+) \Z")
_LANG_END = frozenset(',.;:!?)\n"\u201d')  # punctuation after a language's name


def _demonym_a_language(view: str, hit: tuple, m: _Matcher) -> bool:
    """A demonym that names a language, not the country: before a ``settings.language_followers``
    word joined by a hyphen or a space (``RT's German-language channel``, ``mainly
    Russian-speaking east``), or, singular, after a ``settings.language_leaders`` word with
    punctuation, a stopword or the end after it (``in French, the``, ``speaks Spanish and``);
    ``in French custody``, ``in Chinese and Russian firms`` and ``Russian-held`` stay.

    >>> m = load_gazetteer().matcher
    >>> [_demonym_a_language(t, (s, s + 6, 0, "demonym", "demonym", False), m) for t, s in [
    ...  ("a German-language channel", 2), ("it said in German, the", 11),
    ...  ("in German custody", 3), ("German-held town", 0)]]
    [True, True, False, False]
    """
    s, e = hit[0], hit[1]
    if hit[5]:
        return False  # "German's": a person
    if view[e : e + 1] in (" ", "-"):
        nxt = _JOINED_WORD_RE.match(view, e)
        if nxt is not None and nxt.group(1).casefold() in m.language_followers:
            return True
    if s < 3 or view[s - 1] != " " or view[e - 1 : e] in ("s", "S") or not m.language_leaders:
        return False
    prev = _LANG_BEFORE_RE.search(view, max(0, s - 16), s)
    low = prev.group(1).casefold() if prev is not None else ""
    if low not in m.language_leaders:
        return False
    after = view[e : e + 1]
    if after == "" or after in _LANG_END:
        return True
    # after a verb, a stopword may follow ("speaks Spanish and"); after a preposition it may
    # not ("invest in Chinese and Russian firms")
    stop = load_stopwords()
    word = _AFTER_WORD_RE.match(view, e) if after == " " and low not in stop else None
    return word is not None and word.group(1) in stop


def _caps_other_name(view: str, hit: tuple, m: _Matcher) -> bool:
    """A country alias the gazetteer writes in Title Case, matched in ALL CAPS (at least
    ``_CAPS_MIN`` letters) after a word on its line and before a word that is no stopword,
    neither of them in ALL CAPS: a name set in capitals that heads a noun (``Tejashwi to INDIA
    unity``: the bloc; ``V12's 'TONGA' music video``: a song). A dateline (``SINGAPORE
    (Reuters)``), a headline in capitals and a country stressed in a sentence (``AMERICA is in
    the game``) stay.

    >>> m = load_gazetteer().matcher
    >>> [_caps_other_name(t, (s, s + 5, 0, "country", "name", False), m) for t, s in [
    ...  ("Tejashwi to INDIA unity", 12), ("NEW TALKS IN INDIA TODAY", 13),
    ...  ("INDIA (Reuters) - ", 0), ("we say INDIA is back", 7)]]
    [True, False, False, False]
    """
    s, e = hit[0], hit[1]
    word = view[s:e]
    if not word.isupper() or word in m.exact_forms:
        return False
    prev = _PREV_WORD_RE.search(view, max(view.rfind("\n", 0, s) + 1, s - 40), s)
    if prev is None or prev.group(1).isupper():
        return False
    nxt = _NEXT_WORD_RE.match(view, e)
    if nxt is None or nxt.group(1).isupper():
        return False
    return nxt.group(1).casefold() not in load_stopwords()


def _caps_name_before(view: str, hit: tuple, own: frozenset[str], m: _Matcher) -> bool:
    """In an ALL-CAPS run, a given name right before a country or a person's surname (compared
    case-insensitively) that is not the person's own: ``LIZ CHENEY``, ``JIM JORDAN``;
    ``DICK CHENEY`` and ``VISIT JORDAN`` stay."""
    s, e = hit[0], hit[1]
    if s < 3 or view[s - 1] != " " or not view[s - 2].isupper() or not view[s:e].isupper():
        return False
    cap = _PREV_CAPS_RE.search(view, max(0, s - 24), s)
    if cap is None or cap.group(1).title() in own:
        return False
    low = cap.group(1).casefold()
    if hit[4] == "surname":
        return low in m.given or low in m.own_given_names
    return low in m.given and low not in m.name_first_words


_NAME_END_RE = re.compile(r"(?:['\u2019]s\b|[ \t]*(?:[,;:.!?)\]\n]|\Z)| ([a-z]+)\b)")


def _name_pair_before(view: str, start: int, end: int, m: _Matcher) -> bool:
    """Two capitalised words right before ``start``, the first a given name and the second
    no :func:`_not_a_name_word`, and after ``end`` punctuation, a possessive, the end or a
    verb (``name_verbs``, the reporting verbs): a country there is a surname (``– Nii Kpakpo
    Samoa``, ``Nii Kpakpo Samoa says``); ``Kofi Annan Ghana visit`` stays."""
    p = view.rfind(" ", max(0, start - 26), start - 1)
    if p < 0 or not view[p + 1 : p + 2].isupper():
        return False
    found = _TWO_NAMES_RE.search(view, max(0, start - 48), start)
    if found is None:
        return False
    first, second = found.group(1).casefold(), found.group(2).casefold()
    if first not in m.given or first in m.name_first_words or _not_a_name_word(second, m):
        return False
    after = _NAME_END_RE.match(view, end)
    if after is None:
        return False
    verb = after.group(1)
    return verb is None or verb in m.name_verbs or verb in _verb_forms()


def _name_words_before(view: str, hit: tuple, where: tuple, m: _Matcher) -> bool:
    """Whether the words before a country or surname match (``where``: its current start, end,
    entry and resolution) make it part of a person's or another name: a given name (``Jim
    Jordan``), a given name and a name word (``Nii Kpakpo Samoa``), an ALL-CAPS given name
    (``LIZ CHENEY``) or, for a country, an ALL-CAPS form in mixed case (``to INDIA unity``)."""
    s, e, i, res = where
    own = m.own_given.get(i, frozenset())
    if s > 2 and view[s - 1] == " " and view[s - 2].islower():  # _given_before's test
        name = _given_before(view, s, m)
        if name is not None and (res != "surname" or name not in own):
            return True
        if name is None and res != "surname" and _name_pair_before(view, s, e, m):
            return True
    if view[s + 1 : s + 2].isupper():  # "INDIA", "LIZ CHENEY" after a word
        if _caps_name_before(view, hit, own, m):
            return True
        if res == "name" and e - s >= _CAPS_MIN and i in m.countries:
            return _caps_other_name(view, hit, m)
    return False


def _shared_elsewhere(view: str, hits: list[tuple], m: _Matcher) -> list[tuple]:
    """``hits`` less the matches by an entry's ``shared_aliases`` (names other countries'
    bodies have too: ``FDA``, ``SEC``, ``BoG``) in a text that names another country and not
    the entry's own, by any actor of that country (its name, demonym or capital, a person or
    a body of it; other shared aliases are no evidence): ``KIC partners with FDA ... in Ghana``
    names Ghana's FDA, not the US one."""
    shared = [h[2] in m.shared and view[h[0] : h[1]].casefold() in m.shared[h[2]] for h in hits]
    # the countries the other matches name (a shared alias is no evidence: "BoG, SEC and FIC")
    named = {m.home.get(h[2], -1) for h, sh in zip(hits, shared, strict=True) if not sh} - {-1}
    if not named:
        return hits
    return [h for h, sh in zip(hits, shared, strict=True) if not sh or m.home[h[2]] in named]


def _other_referents(
    view: str, out: list[tuple[int, int, int, str, str, bool]], gaz: Gazetteer
) -> list[tuple[int, int, int, str, str, bool]]:
    """The matches of one text less those that name something else, the same on every path.

    - a country or capital right after a given name is part of a person's name (``Jim
      Jordan``, ``George Washington``); so is a person's surname after a given name that is
      not the person's own (``Eric Trump``, ``Jill Biden``) and a one-word alias that is a
      given name before a surname in running text (``Jordan Peterson says``);
    - an alias of an entry with ``ambiguous_with`` (``Georgia``: also a US state) counts only
      when the text names another country (neither this entry nor the one it is ambiguous
      with) within 250 characters, or names this entry by another form (``Tbilisi``);
    - a capital of ``ambiguous_metonyms`` (``San Jose``: also a US city), as an actor or a
      place, counts only when the text names its entry by another form (``Costa Rica``) or
      has an ``own_cues`` word within 250 characters;
    - a demonym that is a person's surname: after a given name, or after a capitalised word
      (no stopword, title or form) when a possessive or a verb follows (``Mark Cuban says``);
    - a person's title or surname after an honorific of the other gender names someone
      else, and a title after a role modifier is the name alone (:func:`_person_hit`).

    >>> g = load_gazetteer()
    >>> [g.entries[i]["name"] for _, _, i, *_ in _match_text("Jim Jordan met Eric Trump in Jordan.", g)]
    ['Jordan']
    """
    m = gaz.matcher
    own, countries, given_entries = m.own_given, m.countries, m.given_entries
    lower_heads = _lower_heads(m)  # two-letter starts of currency words and company suffixes
    kept = []
    for hit in _nearest_owner(out, gaz):
        s, i, res = hit[0], hit[2], hit[4]
        e = hit[1]
        # _names_something_else reads a word after one space (a lower-case ASCII one only when
        # a currency word or company suffix starts so) or a short ALL-CAPS match
        pre = view[e + 1 : e + 3]
        if (
            e - s <= _SHORT_CAPS
            or view[e : e + 1] == " "
            and not hit[5]
            and not (pre.isalpha() and pre.islower() and pre.isascii() and pre not in lower_heads)
        ) and _names_something_else(view, hit, m):
            continue
        if res == "title" or res == "surname" and i in m.gender:
            hit = _person_hit(view, hit, gaz)  # type: ignore[assignment]
            if hit is None:
                continue
            s, res = hit[0], hit[4]
        if res == "demonym" and (
            _demonym_in_a_name(view, hit, m) or _demonym_a_language(view, hit, m)
        ):
            continue
        if res == "demonym" or res == "prefix" or not (i in countries or res == "surname"):
            kept.append(hit)
            continue
        if (
            s > 1
            # _name_words_before reads a lower-case letter and a space, or a capital after s
            and (view[s - 1] == " " and view[s - 2].islower() or view[s + 1 : s + 2].isupper())
            and _name_words_before(view, hit, (s, e, i, res), m)
        ):
            continue
        if res == "surname" and i in own and _another_person(view, hit, own[i], m):
            continue
        if (
            i in given_entries
            and res != "surname"
            and (_surname_after(view, s, hit[1], m) or _surname_in_title_case(view, s, hit[1], m))
        ):
            continue
        if res == "metonym" and _capital_in_a_name(view, hit, m):
            hit = (s, hit[1], i, "location", "location", hit[5])
        kept.append(hit)
    if m.shared and not m.shared.keys().isdisjoint([h[2] for h in kept]):
        kept = _shared_elsewhere(view, kept, m)
    if m.amb_places and not m.amb_places.keys().isdisjoint([h[2] for h in kept]):
        kept = [h for h in kept if not _unvouched_place(view, h, kept, m)]
    if not m.ambiguous or m.ambiguous.keys().isdisjoint([h[2] for h in kept]):
        return kept
    return [
        h for h in kept if h[2] not in m.ambiguous or h[4] != "name" or _vouched(view, h, kept, m)
    ]


# capitalised words before a surname that are no given names: parties, ranks, times
_NOT_GIVEN_BEFORE = frozenset(
    "republican republicans democrat democrats democratic tory tories labour conservative "
    "liberal gop congressman congresswoman congressmen nominee attorney ex yesterday tonight "
    "tomorrow dear".split()
)


def _not_a_name_word(low: str, m: _Matcher) -> bool:
    """A word that names no person before or after a surname: a common word, a stopword, a
    form's first word, a title, role, honorific or verb, a party or a day."""
    return (
        low in m.name_first_words
        or _is_common(low)
        or low in m.title_words
        or low in m.honorific_gender
        or low in m.role_modifiers
        or low in _role_words()
        or low in _NOT_GIVEN_BEFORE
        or low in _CALENDAR
        or low in m.name_verbs
        or low in _verb_forms()
        or low.endswith(_not_name_endings())
    )


# a lower-case word (an optional comma) right before a position: running text ("actors Selma")
_LOWER_BEFORE_RE = re.compile(r"(?:(?<![\w'\u2019.-])([a-z]+)|,) \Z")
# words after which a capitalised word is a verb in a headline ("Tried to Kill Biden")
_VERB_OPENERS = frozenset("to will would can could should must may might did does do not".split())
# running text right after a name: a lower-case word or punctuation
_RUNNING_AFTER_RE = re.compile(r"(?:['\u2019]s)?(?: [a-z]|[,;:.!?)]|\Z)")


# a text of a few capitalised words only (a speaker's name): its words are one name or a list
_NAME_ONLY_RE = re.compile(r"[A-Z][\w'\u2019.&-]*(?:,? [A-Z][\w'\u2019.&-]*){1,5}")


def _in_running_text(view: str, pos: int, caps_ok: frozenset[str] = frozenset()) -> bool:
    """Whether a lower-case word (no verb opener: ``to Kill``), a comma or a capitalised word
    of ``caps_ok`` (lower case) stands right before ``pos``."""
    found = _LOWER_BEFORE_RE.search(view, max(0, pos - 24), pos)
    if found is not None:
        return (found.group(1) or "") not in _VERB_OPENERS
    cap = _prev_name(view, pos) if caps_ok else None
    return cap is not None and cap.group(1).casefold() in caps_ok


def _name_heads_before(m: _Matcher) -> frozenset[str]:
    """Titles, honorifics and role words (lower case): words a name may follow, built once."""
    heads = m.__dict__.get("_heads_before")
    if heads is None:
        heads = m.__dict__["_heads_before"] = frozenset(
            m.title_words | m.honorific_gender.keys() | _role_words()
        )
    return heads


def _another_person(view: str, hit: tuple, own: frozenset[str], m: _Matcher) -> bool:
    """A bare surname that the words around it make another person's or another name.

    - right after a capitalised given name that is not the person's own (``Liz Cheney``: Liz of
      Liz Truss, or the quote lexicon's ``given_names``), or in running text after a capitalised
      word that is no :func:`_not_a_name_word`, a lower-case word or a form (``Russian``) before
      it and running text after (``actors Selma Blair and``, ``Russian Dmitriy Bogdanov won``);
      ``Mr Cheney``, ``Vice President Cheney``, ``Dick Cheney``, ``Fulton County Trump``,
      ``Fake Trump`` at a line's start stay;
    - before a capitalised word that is no :func:`_not_a_name_word` nor a given name, then
      running text, outside a Title Case line, after a lower-case word, a title or honorific
      or at a line's start (``Harris Upham and Co``, ``Cameron Diaz reveals``, ``Sir Cameron
      Mackintosh has``); ``Trump Tuesday``, ``Reports Trump Tore Up``, ``The Cameron Legacy``
      stay.

    >>> m = load_gazetteer().matcher
    >>> own = frozenset({"Dick", "Richard"})
    >>> [_another_person(t, (s, s + 6, 0, "", "surname", False), own, m) for t, s in [
    ...  ("Liz Cheney said", 4), ("Mr Cheney said", 3), ("Vice President Cheney said", 15),
    ...  ("Dick Cheney said", 5), ("Cheney Upham and Co said", 0), ("Cheney Tuesday said", 0)]]
    [True, False, False, False, True, False]
    """
    s, e = hit[0], hit[1]
    prev = _prev_name(view, s) if s > 2 else None
    if prev is not None and prev.group(1) not in own:
        low = prev.group(1).casefold()
        if low in m.given or low in m.own_given_names:
            return True
        if (
            not _not_a_name_word(low, m)
            and _in_running_text(view, prev.start(), m.name_first_words)
            and _RUNNING_AFTER_RE.match(view, e)
            and not _title_case_at(view, s, e)
        ):
            return True
    nxt = None if hit[5] else _NEXT_CAP_RE.match(view, e)
    if nxt is None:
        return False
    heads = _name_heads_before(m)  # "Sir Cameron Mackintosh"
    if not (s == 0 or view[s - 1] == "\n" or _in_running_text(view, s, heads)):
        return False
    low = re.sub(r"['\u2019]s?$", "", nxt.group(1)).casefold()
    if low in m.given or "-" in low or _not_a_name_word(low, m):
        return False  # "Macron Renault-Nissan's future": a compound
    return _RUNNING_AFTER_RE.match(view, nxt.end()) is not None and not _title_case_at(view, s, e)


def _name_of_another(name: str, hit: tuple, gaz: Gazetteer) -> bool:
    """Whether ``name``, a few capitalised words only (a speaker's name), has a word right
    beside the bare surname ``hit`` (one space) that is not the person's own and no
    :func:`_not_a_name_word`, the word after it no verb in ``-s``: ``Liz Cheney``, ``Cameron
    Diaz``, ``Smith Barney Harris Upham`` name someone else; ``Vice President Cheney``,
    ``Exxon CEO Tillerson``, ``U.S.'s Pompeo``, ``Obama Renews`` do not."""
    if hit[4] != "surname" or _NAME_ONLY_RE.fullmatch(name.strip()) is None:
        return False
    m = gaz.matcher
    own = {w.casefold() for w in m.own_given.get(hit[2], ())}
    before = _PREV_NAME_RE.search(name, 0, hit[0])
    after = _NEXT_CAP_RE.match(name, hit[1])
    words = [before.group(1) if before else ""]
    if after is not None and not after.group(1).endswith(("s", "'", "\u2019")):
        words.append(after.group(1))
    for word in words:
        low = word.casefold()
        if low and low not in own and "-" not in low and not _not_a_name_word(low, m):
            return True
    return False


def _nearest_owner(out: list[tuple], gaz: Gazetteer) -> list[tuple]:
    """The hits with a bare surname that several persons share given to the one whose full name
    came last before it (``Hillary Clinton met Bill Clinton. Clinton said``: Bill Clinton).

    >>> g = load_gazetteer()
    >>> t = "Hillary Clinton met Bill Clinton. Clinton said no."
    >>> [g.entries[h[2]]["name"] for h in _match_text(t, g)][-1]
    'Bill Clinton'
    """
    m = gaz.matcher
    if m.shared_surnames.isdisjoint([h[2] for h in out]):
        return out
    last: dict[str, int] = {}  # a shared surname -> the entry whose full name was seen last
    fixed = []
    for hit in out:
        e = gaz.entries[hit[2]] if hit[2] >= 0 else None
        sur = e.get("surname") if e is not None and e["type"] == "person" else None
        key = fold(sur).casefold() if sur else ""
        if sur and len(m.surname_owners.get(key, ())) > 1:
            if hit[4] == "name":
                last[key] = hit[2]
            elif hit[4] == "surname" and last.get(key, hit[2]) != hit[2]:
                hit = (hit[0], hit[1], last[key], *hit[3:])
        fixed.append(hit)
    return fixed


# the word right before a match (letters, an optional full stop), then spaces or a hyphen
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+\.?)[ \t-]+\Z")
_GAPS_BEFORE = frozenset(" \t-")  # the last character _WORD_BEFORE_RE can match
_WORD_BEFORE_SPAN = 24  # characters before a match _WORD_BEFORE_RE is searched in


def _gap_word_before(view: str, s: int) -> str | None:
    r"""``_WORD_BEFORE_RE.search(view, max(0, s - 24), s).group(1)`` (None without a match),
    read backwards from ``s`` instead of tried at each of the 24 starts.

    The spaces, tabs and hyphens right before ``s`` are the pattern's gap (what comes before
    them must be a letter or ``.``, neither a gap character), then an optional ``.``, then the
    letters before it: the leftmost start is where those letters begin (or the window's
    start). A letter is what ``[^\W\d_]`` matches: alphanumeric and no decimal digit.

    >>> _gap_word_before("said Vice President", 10), _gap_word_before("said Mr. X", 9)
    ('Vice', 'Mr.')
    >>> _gap_word_before("1990 - X", 7), _gap_word_before("X", 0)
    (None, None)
    """
    lo = max(0, s - _WORD_BEFORE_SPAN)
    q = s
    while q > lo and view[q - 1] in _GAPS_BEFORE:
        q -= 1
    if q == s:
        return None
    r = q - 1 if q > lo and view[q - 1] == "." else q
    p = r
    while p > lo and view[p - 1].isalnum() and not view[p - 1].isdecimal():
        p -= 1
    return view[p:q] if p < r else None


def _person_hit(view: str, hit: tuple, gaz: Gazetteer) -> tuple | None:
    """A person's title or surname match as the text reads it, or None when it names someone else.

    - an honorific of the other gender (``settings.female_honorifics``,
      ``male_honorifics``, the entry's ``gender``) that opens the title form or
      stands right before the surname: ``Mrs. Trump`` is not Donald Trump;
    - a ``settings.role_modifiers`` word right before the title (``Vice
      President Biden``, ``Deputy Prime Minister``): another role, so the
      mention is the name alone, resolved by ``surname`` or ``name``.

    >>> g = load_gazetteer()
    >>> [(h[0], h[4]) for h in _match_text("Vice President Biden met Mrs. Trump.", g)]
    [(15, 'surname')]
    """
    m = gaz.matcher
    s, e, i = hit[0], hit[1], hit[2]
    before = _gap_word_before(view, s)
    gender = m.gender.get(i)
    if gender is not None:
        head = view[s:e].split(None, 1)[0] if hit[4] == "title" else before
        said = m.honorific_gender.get(fold(head).casefold()) if head else None
        if said is not None and said != gender:
            return None
    if hit[4] != "title" or before is None or fold(before).casefold() not in m.role_modifiers:
        return hit
    entry = gaz.entries[i]
    words = list(re.finditer(r"\S+", view[s:e]))
    low = [fold(w.group()).casefold() for w in words]
    for name in sorted((*entry["aliases"], entry["surname"]), key=lambda a: -len(a.split())):
        tail = fold(name).casefold().split()
        if len(tail) < len(low) and low[-len(tail) :] == tail:
            res = "name" if name in entry["aliases"] else "surname"
            return (s + words[-len(tail)].start(), e, i, hit[3], res, hit[5])
    return hit


def _vouched(view: str, hit: tuple, hits: list[tuple], m: _Matcher) -> bool:
    """An ambiguous alias's match counts when no ``other_cues`` word of its entry stands within
    :data:`_CUE_SPAN` characters on its line (``Georgia DA``, ``Atlanta, Georgia``: the US
    state) and the text has an ``own_cues`` word within :data:`_VOUCH_SPAN` (``parliament``),
    another form of its entry, or a country other than its entry and the entry it is ambiguous
    with within :data:`_VOUCH_SPAN`."""
    i, s, e = hit[2], hit[0], hit[1]
    own_re, other_re = m.amb_cues.get(i, (None, None))
    if other_re is not None:
        lo = max(view.rfind("\n", 0, s) + 1, s - _CUE_SPAN)
        hi = view.find("\n", e)
        if other_re.search(view, lo, min(e + _CUE_SPAN, len(view) if hi < 0 else hi)):
            return False
    if own_re is not None and own_re.search(
        view, max(0, s - _VOUCH_SPAN), min(len(view), e + _VOUCH_SPAN)
    ):
        return True
    other = m.ambiguous[i]
    for h in hits:
        if h[2] == i:
            if h[4] != "name":
                return True
        elif h[2] != other and h[2] in m.countries and abs(h[0] - s) <= _VOUCH_SPAN:
            return True
    return False


def _mention_at(sc: _Scan, form: _Form, caps: bool, j: int) -> tuple[int, int, int, str, str, bool]:
    """The mention tuple of ``form`` matched at token ``j`` (type and resolution decided)."""
    toks = sc.toks
    last = j + form.ntok - 1
    start, end = toks[j].start, toks[last].end
    entry = sc.gaz.entries[form.entry]
    if form.kind == "alias" and entry["type"] == "person":
        sc.seen_full.add(form.entry)
    typ, res = entry["type"], ("name" if form.kind == "alias" else form.kind)
    if form.kind == "demonym":
        typ = "demonym"
    elif form.kind == "metonym":
        place = _metonym_place(sc, j, last, caps)
        if place is not None:
            typ, res = "location", place
    return (start, end, form.entry, typ, res, toks[last].poss)


def _metonym_place(sc: _Scan, j: int, last: int, caps: bool) -> str | None:
    """``"dateline"`` or ``"location"`` when the capital at tokens ``j..last`` is a place, else None.

    A possessive (``in Moscow's approach``) is always an actor.
    """
    toks, view, m = sc.toks, sc.view, sc.gaz.matcher
    start, end = toks[j].start, toks[last].end
    if toks[last].poss:
        return None
    after = view[end : end + 3].lstrip(" ")
    if caps and after[:1] in (",", "-", "("):
        return "dateline"
    prev_ok = (
        j > 0
        and toks[j - 1].cf in m.locatives
        and not toks[j - 1].poss
        and (view[toks[j - 1].end : start].strip() == "")
    )
    next_place = (
        last + 1 < len(toks)
        and toks[last + 1].cf in m.followers
        and (view[end : toks[last + 1].start].strip() in ("", "-"))
    )
    return "location" if prev_ok or next_place else None


def _gate(
    form: _Form, gaz: Gazetteer, m: _Matcher, seen_full: set[int], all_surnames: bool
) -> bool:
    if form.kind not in ("surname", "title"):
        return True
    if all_surnames or form.entry in seen_full:
        return True
    e = gaz.entries[form.entry]
    owners = m.surname_owners.get(fold(e["surname"]).casefold(), [])
    return len(owners) == 1 and not e["surname_needs_full_name"]


def mentions_in_text(
    text: str,
    gazetteer: Gazetteer | str | Path | None = None,
    *,
    doc_id: str = "",
    demonyms: bool = True,
    locations: bool = False,
) -> pd.DataFrame:
    """Return actor mentions in one text (the per-document step of :func:`actor_mentions`).

    Examples
    --------
    >>> t = "Moscow and Beijing held talks in Doha. Russia's envoy met the UN Security Council."
    >>> mentions_in_text(t)[["actor", "alias", "start", "end", "resolution"]].values.tolist()
    [['Russia', 'Moscow', 0, 6, 'metonym'], ['China', 'Beijing', 11, 18, 'metonym'], \
['Russia', 'Russia', 39, 45, 'name'], ['UN Security Council', 'UN Security Council', 62, 81, 'name']]
    """
    if not isinstance(text, str):
        fix = (
            "for a corpus call ct.actor_mentions(corpus)"
            if isinstance(text, (Corpus, pd.DataFrame, pd.Series, list, tuple))
            else "pass the text itself"
        )
        raise CorpusValueError(
            f"mentions_in_text() takes one text (a str) as text=, got a {type(text).__name__}; {fix}."
        )
    gaz = resolve_gazetteer(gazetteer)
    rows = mention_rows(doc_id, text, gaz, demonyms=demonyms, locations=locations)
    return _mention_frame(rows)


def mention_rows(
    doc_id: str, text: str, gaz: Gazetteer, *, demonyms: bool, locations: bool
) -> list[tuple]:
    """Return the mentions of one text as tuples in the order of ``MENTION_COLUMNS``.

    The row-building step of :func:`mentions_in_text` and :func:`actor_mentions`,
    for callers that aggregate rows themselves (the streaming path).

    Examples
    --------
    >>> row = mention_rows("a", "Russia spoke.", resolve_gazetteer(None), demonyms=True,
    ...                    locations=False)[0]
    >>> row[:6]
    ('a', 'Russia', 'country', 'Russia', 0, 6)
    """
    recased = _recased(text, gaz)
    found = _match_text(text if recased is None else recased, gaz)
    if not found:
        return []
    sents = split_sentences(text)
    starts = [s for _, s, _ in sents]
    rows = []
    for start, end, i, typ, res, poss in found:
        if typ == "location" and not locations:
            continue
        if typ == "demonym" and not demonyms:
            continue
        e = gaz.entries[i]
        k = max(bisect.bisect_right(starts, start) - 1, 0)
        sent_id, para_id = (k, sents[k][0]) if sents else (0, 0)
        rows.append(
            (
                doc_id,
                e["name"],
                typ,
                text[start:end],
                start,
                end,
                sent_id,
                para_id,
                e["id"],
                e["cameo"],
                res,
                poss,
                _found_by(recased, text, start, end),
            )
        )
    return rows


def mention_entries(
    text: str, gaz: Gazetteer, *, demonyms: bool, locations: bool
) -> list[tuple[int, int, str]]:
    """Return ``(start, entry, type)`` for each mention of one text, in text order.

    The rows of :func:`mention_rows` reduced to what counting needs (``entry``
    indexes ``gaz.entries``), without slicing aliases or finding sentences:
    the streaming counts place each mention in the sentences they split once.

    Examples
    --------
    >>> g = resolve_gazetteer(None)
    >>> [(s, g.entries[i]["name"], t) for s, i, t in mention_entries(
    ...     "Russian envoys met in Moscow.", g, demonyms=True, locations=False)]
    [(0, 'Russia', 'demonym')]
    """
    view = _recased(text, gaz) or text  # a text without capitals is read as actor_mentions reads it
    return [
        (start, i, typ)
        for start, _, i, typ, _, _ in _match_text(view, gaz)
        if not (typ == "location" and not locations) and not (typ == "demonym" and not demonyms)
    ]


def mention_entries_batch(
    texts: Sequence[str], gaz: Gazetteer, *, demonyms: bool, locations: bool
) -> list[list[tuple[int, int, str]]]:
    """:func:`mention_entries` of each text of a batch (the same lists, found faster).

    The ASCII texts of the batch are searched for words that can start a form
    in one compiled pass, instead of being split word by word.

    Examples
    --------
    >>> g = resolve_gazetteer(None)
    >>> [[(s, g.entries[i]["name"], t) for s, i, t in f] for f in mention_entries_batch(
    ...     ["Russian envoys met.", "Talks in Doha.", "China's view"], g, demonyms=True,
    ...     locations=False)]
    [[(0, 'Russia', 'demonym')], [], [(0, 'China', 'country')]]

    A text written without capitals is read as :func:`actor_mentions` reads it
    (``found_by="uncased"``), so streamed counts match the in-memory ones:

    >>> [[g.entries[i]["name"] for _, i, _ in f] for f in mention_entries_batch(
    ...     ["he said china would act against the american people"], g, demonyms=True,
    ...     locations=False)]
    [['China', 'United States']]
    """
    drop = {t for t, keep in (("location", locations), ("demonym", demonyms)) if not keep}
    return [
        [(start, i, typ) for start, _, i, typ, _, _ in found if typ not in drop]
        for _, _, found in _match_recased(list(texts), gaz)  # texts without capitals too
    ]


def _mention_frame(rows: list[tuple]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    for c in ("start", "end", "sent_id", "para_id"):
        df[c] = df[c].astype("int64")
    df["possessive"] = df["possessive"].astype(bool)
    for c in ("doc_id", "actor", "type", "alias", "actor_id", "cameo", "resolution", "found_by"):
        df[c] = df[c].astype(object)
    return df


# kinds of mention type and resolution, as small integer codes in :class:`MentionArrays`
_TYPE_CODES = (*ACTOR_TYPES, "demonym")
_RES_CODES = ("name", "title", "surname", "metonym", "demonym", "prefix", "location", "dateline")
_TYPE_INDEX = {t: i for i, t in enumerate(_TYPE_CODES)}
_RES_INDEX = {r: i for i, r in enumerate(_RES_CODES)}
_MATCHES_KEY = "actors.mention_arrays"


class MentionArrays(NamedTuple):
    """Every gazetteer match of a corpus as parallel arrays, one entry per match (no tables).

    ``doc`` is the document's position in ``corpus.docs``; ``entry`` indexes
    ``gazetteer.entries``; ``typ``/``res`` index ``_TYPE_CODES``/``_RES_CODES``;
    ``sent_id``/``para_id`` are those of :func:`corpus_tools.sentences`.
    Locations and demonyms are included; 31 bytes per match, and each
    distinct alias once.
    """

    gazetteer: Gazetteer
    doc: np.ndarray  # int32
    start: np.ndarray  # int32
    end: np.ndarray  # int32
    entry: np.ndarray  # int32
    typ: np.ndarray  # int8
    res: np.ndarray  # int8
    poss: np.ndarray  # bool
    sent_id: np.ndarray  # int32
    para_id: np.ndarray  # int32
    alias: np.ndarray  # int32, index into alias_text
    alias_text: list[str]  # each distinct alias once
    uncased: np.ndarray  # bool: found in a text without capitals (_recased)


def mention_arrays(
    corpus: Corpus, gazetteer: Gazetteer | str | Path | None = None
) -> MentionArrays:
    """Return the gazetteer matches of every document as :class:`MentionArrays`, cached on the corpus.

    One trie scan per document, stored in compact columns; the sentence of
    each match comes from :func:`corpus_tools.tokenize.sentence_spans` (also
    cached on the corpus, and shared with ``sentences()``, ``tokens()`` and
    the counts). :func:`actor_mentions` builds its table from these arrays, so
    asking again with other options (``locations=True``) does not scan again.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Hi.", "Talks in Doha. Russia spoke."]}))
    >>> m = mention_arrays(c)
    >>> m.doc.tolist(), m.start.tolist(), m.sent_id.tolist(), [_TYPE_CODES[t] for t in m.typ]
    ([1, 1], [9, 15], [0, 1], ['location', 'country'])
    """
    gaz = resolve_gazetteer(gazetteer)
    if corpus.is_cached(_MATCHES_KEY):
        held: MentionArrays = corpus.cached(_MATCHES_KEY, lambda: _scan_corpus(corpus, gaz))
        if held.gazetteer is gaz:
            return held
        corpus.clear_cache(_MATCHES_KEY)  # one gazetteer's matches are kept at a time
    return corpus.cached(_MATCHES_KEY, lambda: _scan_corpus(corpus, gaz))


# texts matched together (:func:`_match_batch`): each call compiles and warms the RE2
# pattern of the candidate pass again (~15-20 ms), so fewer, larger calls cost less
_SCAN_BATCH = 4000


def _scan_corpus(corpus: Corpus, gaz: Gazetteer) -> MentionArrays:
    """Match every document once; columns grow as compact ``array`` buffers, not row tuples.

    Texts come from iterating the corpus (read a batch at a time, so the
    whole column is never held twice) and are matched 4,000 at a time
    (:func:`_match_batch`); each alias string is kept once with a code per match.
    """
    cols = {k: array("i") for k in ("doc", "start", "end", "entry", "alias")}
    cols.update({k: array("b") for k in ("typ", "res", "poss", "uncased")})  # 4 and 1 bytes
    aliases: dict[str, int] = {}
    texts = (str(text) for _, text in corpus)
    batches = iter(lambda: list(itertools.islice(texts, _SCAN_BATCH)), [])
    pairs = ((t, r, f) for b in batches for t, r, f in _match_recased(b, gaz))
    for pos, (text, recased, found) in enumerate(pairs):
        if not found:
            continue
        starts, ends, entries, typs, ress, posss = zip(*found, strict=True)
        cols["uncased"].extend(
            [_found_by(recased, text, s, e) == "uncased" for s, e in zip(starts, ends, strict=True)]
        )
        cols["doc"].extend([pos] * len(found))
        cols["start"].extend(starts)
        cols["end"].extend(ends)
        cols["entry"].extend(entries)
        cols["typ"].extend([_TYPE_INDEX[t] for t in typs])
        cols["res"].extend([_RES_INDEX[r] for r in ress])
        cols["poss"].extend(posss)
        cols["alias"].extend(
            [aliases.setdefault(text[s:e], len(aliases)) for s, e in zip(starts, ends, strict=True)]
        )
    # numpy views of the buffers (no copy); array("i") is 4 bytes on the platforms numpy supports
    a = {
        k: np.frombuffer(v, dtype=np.int8 if v.typecode == "b" else np.int32)
        for k, v in cols.items()
    }
    sent_id, para_id = _sentence_of(corpus, a["doc"], a["start"])
    return MentionArrays(
        gaz,
        a["doc"],
        a["start"],
        a["end"],
        a["entry"],
        a["typ"],
        a["res"],
        a["poss"].astype(bool),
        sent_id,
        para_id,
        a["alias"],
        list(aliases),
        a["uncased"].astype(bool),
    )


def _match_recased(
    texts: list[str], gaz: Gazetteer
) -> list[tuple[str, str | None, list[tuple[int, int, int, str, str, bool]]]]:
    """``(text, recased text or None, matches)`` of each text (:func:`_recased`, :func:`_match_batch`)."""
    recased = [_recased(t, gaz) for t in texts]
    views = [t if r is None else r for t, r in zip(texts, recased, strict=True)]
    return list(zip(texts, recased, _match_batch(views, gaz), strict=True))


def _sentence_of(
    corpus: Corpus, doc: np.ndarray, start: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``(sent_id, para_id)`` of the sentence holding each ``start`` (the last one starting at or before it).

    An offset before the document's first sentence gets sentence 0; a
    document without sentences gets ``(0, 0)``.
    """
    if len(doc) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    rows, first = sentence_spans(corpus)
    width = int(max(corpus.docs["n_chars"].max(), start.max())) + 2
    base = np.arange(len(first) - 1, dtype=np.int64) * width  # keys: doc * width + start
    keys = np.repeat(base, np.diff(first))
    keys += rows[:, 1]
    at = base[doc]
    at += start
    k = np.searchsorted(keys, at, side="right")  # in place from here: one array per match
    del keys, at
    k -= 1
    row0 = first[doc]
    k -= row0
    none = np.diff(first)[doc] == 0
    np.maximum(k, 0, out=k)
    k[none] = 0
    row0 += k
    np.minimum(row0, max(len(rows) - 1, 0), out=row0)
    para = rows[row0, 0].astype(np.int32)
    para[none] = 0
    return k.astype(np.int32), para


def mention_selection(m: MentionArrays, *, demonyms: bool, locations: bool) -> np.ndarray:
    """Positions in ``m`` of the matches :func:`actor_mentions` keeps with these options.

    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Talks in Doha. Russian envoys spoke."]}))
    >>> mention_selection(mention_arrays(c), demonyms=True, locations=False).tolist()
    [1]
    """
    keep = np.ones(len(m.doc), dtype=bool)
    if not locations:
        keep &= m.typ != _TYPE_INDEX["location"]
    if not demonyms:
        keep &= m.typ != _TYPE_INDEX["demonym"]
    return np.flatnonzero(keep)


def _mentions_table(
    corpus: Corpus, m: MentionArrays, *, demonyms: bool, locations: bool
) -> pd.DataFrame:
    """The ``MENTION_COLUMNS`` table of the matches kept by the options (object strings shared, not copied)."""
    idx = mention_selection(m, demonyms=demonyms, locations=locations)
    doc, start, end, entry = m.doc[idx], m.start[idx], m.end[idx], m.entry[idx]
    ents = m.gazetteer.entries
    ids = np.array([str(d) for d in corpus.docs["doc_id"].tolist()] + [""], dtype=object)[:-1]

    def obj(values: list[Any], codes: np.ndarray) -> np.ndarray:
        return np.array([*values, None], dtype=object)[:-1][codes]

    cols = {
        "doc_id": ids[doc],
        "actor": obj([e["name"] for e in ents], entry),
        "type": obj(list(_TYPE_CODES), m.typ[idx]),
        "alias": obj(m.alias_text, m.alias[idx]),
        "start": start.astype(np.int64),
        "end": end.astype(np.int64),
        "sent_id": m.sent_id[idx].astype(np.int64),
        "para_id": m.para_id[idx].astype(np.int64),
        "actor_id": obj([e["id"] for e in ents], entry),
        "cameo": obj([e["cameo"] for e in ents], entry),
        "resolution": obj(list(_RES_CODES), m.res[idx]),
        "possessive": m.poss[idx],
        "found_by": np.where(m.uncased[idx], "uncased", "cased").astype(object),
    }
    # object columns given as such: pandas would copy str arrays into a string dtype
    return pd.DataFrame(
        {k: pd.Series(v, dtype=object) if v.dtype == object else v for k, v in cols.items()},
        columns=MENTION_COLUMNS,
    )


def actor_mentions(
    corpus: Corpus,
    gazetteer: Gazetteer | str | Path | None = None,
    *,
    demonyms: bool = True,
    locations: bool = False,
) -> pd.DataFrame:
    """Return one row per actor mention in every document.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus (matching runs on the cleaned text).
    gazetteer : Gazetteer, str or Path, optional
        ``None`` uses the shipped ``data/actors.yml``; a path loads a YAML
        file; see :func:`load_gazetteer` to extend the shipped list.
    demonyms : bool, default True
        Keep demonym mentions (``Russian diplomats`` -> Russia, ``type="demonym"``).
    locations : bool, default False
        Keep capitals and seats used as places (after ``in/at/to/from/near``,
        before ``time``/``airport``..., or in a dateline), ``type="location"``.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``actor`` (str, canonical name), ``type`` (str: the
        entry's type, or ``demonym``/``location``), ``alias`` (str, the text as
        written, ``text[start:end]``), ``start``/``end`` (int, offsets into the
        cleaned text, possessive ``'s`` excluded), ``sent_id``/``para_id``
        (int, as in :func:`corpus_tools.sentences`), ``actor_id`` (str),
        ``cameo`` (str or None), ``resolution`` (str: ``name``, ``title``,
        ``surname``, ``metonym``, ``demonym``, ``prefix``, ``location``,
        ``dateline``), ``possessive`` (bool), ``found_by`` (str: ``cased``, or
        ``uncased`` for a name found in a document written without capitals,
        see Notes). Rows are in corpus order, then by ``start``.

    Notes
    -----
    A dictionary cannot resolve coreference (``the ministry``, ``he``) or
    ambiguous names (``Georgia`` the US state, ``Jordan`` the person); names
    missing from the gazetteer are silently absent: check
    :func:`candidate_actors`. A listed institution swallows its demonym
    (``Russian Foreign Ministry`` is the ministry, not Russia).

    Names are found by their capitals. A document with letters but no
    capital (headlines stored in lower case) is read case-insensitively for
    the names it cannot misread: multi-word forms (``united states``,
    ``president putin``) and one-word forms that are neither acronyms
    (``us`` is the pronoun) nor common English words; those rows say
    ``found_by="uncased"``. On the 2,095 BBC articles lower-cased, this pass
    finds 73% of the mentions of the cased text (the acronyms US, UK, EU are
    the rest) with 99.6% precision.

    References
    ----------
    Schrodt, P. A. (2012). CAMEO Event and Actor Codebook, v1.1b3.
    Markert, K., & Nissim, M. (2007). SemEval-2007 Task 08: Metonymy resolution.

    See Also
    --------
    candidate_actors : capitalised names the gazetteer misses.
    corpus_tools.cooccurrence : which actors appear together.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Mr Zhai met Bogdanov. Sino-Russian ties grew."]}))
    >>> ct.actor_mentions(c)[["actor", "alias", "resolution"]].values.tolist()
    [['Zhai Jun', 'Mr Zhai', 'title'], ['Mikhail Bogdanov', 'Bogdanov', 'surname'], \
['China', 'Sino', 'prefix'], ['Russia', 'Russian', 'demonym']]
    """
    require_corpus(corpus, "actor_mentions")
    arrays = mention_arrays(corpus, gazetteer)
    return _mentions_table(corpus, arrays, demonyms=demonyms, locations=locations)


def canonical_actor(name: str, gazetteer: Gazetteer | str | Path | None = None) -> str | None:
    """Map a free-text name (a quote's speaker, a target) to a canonical actor, or ``None``.

    A person named inside ``name`` wins (``"Foreign Ministry spokesman Geng
    Shuang"`` is Geng Shuang), otherwise the longest gazetteer match
    (surnames always allowed, demonyms and metonyms included), so ``"Russia's foreign
    ministry"`` is the Russian Foreign Ministry and ``"Russian diplomats"``
    is Russia.

    A surname or title that several persons share names none of them (``"Clinton"``:
    Hillary or Bill Clinton), nor does a bare surname whose entry has
    ``surname_needs_full_name`` (``"Harris"``, ``"Cheney"``: many people have it; ``"Vice
    President Harris"`` resolves); the document's own mentions can tell (:func:`actor_mentions`).

    Examples
    --------
    >>> [canonical_actor(s) for s in ["Geng Shuang", "the Kremlin", "Russia's foreign ministry",
    ...                               "Zhai", "a ministry official", "Clinton", "Mrs. Clinton"]]
    ['Geng Shuang', 'Kremlin', 'Russian Foreign Ministry', 'Zhai Jun', None, None, 'Hillary Clinton']
    >>> [canonical_actor(s) for s in ["Harris", "Vice President Harris", "Liz Cheney", "Putin"]]
    [None, 'Kamala Harris', None, 'Vladimir Putin']
    """
    if isinstance(name, (Corpus, pd.DataFrame, pd.Series)):  # not one name: None would hide it
        raise CorpusValueError(
            f"canonical_actor() takes one name (a str) as name=, got a {type(name).__name__}; "
            "for a column call column.map(ct.canonical_actor), for a corpus ct.actor_mentions(corpus)."
        )
    if not isinstance(name, str) or not name.strip():
        return None
    gaz = resolve_gazetteer(gazetteer)
    found = _match_text(name, gaz, all_surnames=True)
    if not found:
        return None
    best = max(found, key=lambda r: (gaz.entries[r[2]]["type"] == "person", r[1] - r[0], -r[0]))
    if best[4] in ("surname", "title") and _shared_form(name[best[0] : best[1]], best[2], gaz):
        return None  # "Clinton", "President Bush" alone: which one the text does not say
    if best[4] == "surname" and gaz.entries[best[2]]["surname_needs_full_name"]:
        return None  # "Harris", "Cheney" alone: a common surname; the document's full name tells
    if _name_of_another(name, best, gaz):
        return None  # "Cameron Diaz", "Selma Blair": another person with the surname
    return str(gaz.entries[best[2]]["name"])


def _shared_form(text: str, i: int, gaz: Gazetteer) -> bool:
    """Whether another person with entry ``i``'s surname has the surname or title form ``text``
    (``Clinton``: Hillary and Bill Clinton; ``Mrs. Clinton`` is hers alone)."""
    m = gaz.matcher
    sur = gaz.entries[i].get("surname")
    owners = m.surname_owners.get(fold(sur).casefold(), []) if sur else []
    if len(owners) < 2:
        return False
    want = " ".join(fold(text).casefold().split())
    hons = gaz.settings["honorifics"]
    return any(
        " ".join(fold(t).casefold().split()) == want
        for j in owners
        if j != i
        for _, t in _entry_forms(gaz.entries[j], hons, m.honorific_gender)
    )


# --------------------------------------------------------------------------
# what the gazetteer misses
# --------------------------------------------------------------------------
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
_CONNECTORS = frozenset({"of", "the", "al", "bin", "ibn", "de", "van", "von", "for", "and", "el"})


def candidate_actors(
    corpus: Corpus,
    gazetteer: Gazetteer | str | Path | None = None,
    *,
    min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """Return capitalised names in the text that the gazetteer does not cover.

    Runs of capitalised words (joined by ``of``/``the``/``al``/``bin``...)
    outside any gazetteer match are collected; a leading stopword
    (``The``, ``In``) is dropped; single stopwords, month and weekday names
    and single sentence-initial words are ignored.

    Parameters
    ----------
    corpus : Corpus
    gazetteer : Gazetteer, str or Path, optional
    min_count : int, default 1
        Keep candidates seen at least this often.
    top : int, optional
        Keep only the ``top`` most frequent.

    Returns
    -------
    pandas.DataFrame
        ``candidate`` (str), ``n`` (int, occurrences), ``n_docs`` (int),
        ``doc_id``/``start``/``end`` (first occurrence), ``example`` (str,
        its sentence, at most 160 characters). Sorted by ``n`` descending,
        then ``candidate``.

    Notes
    -----
    Sentence-initial ordinary words (``Meanwhile``) and headline capitals
    show up too; read the list, do not add it wholesale.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Envoy Ali Bagheri met Russia. Aides said Bagheri left."]}))
    >>> ct.candidate_actors(c)[["candidate", "n"]].values.tolist()
    [['Bagheri', 1], ['Envoy Ali Bagheri', 1]]
    """
    require_corpus(corpus, "candidate_actors")
    if not isinstance(min_count, int) or min_count < 1:
        raise CorpusValueError(f"min_count={min_count!r} must be a positive integer.")
    check_whole("top", top, 1, none_ok=True)
    gaz = resolve_gazetteer(gazetteer)
    tally = _Candidates(load_stopwords())
    for doc_id, text in corpus:
        _doc_candidates(tally, doc_id, str(text), gaz)
    return tally.table(min_count, top)


class _DocView(NamedTuple):
    """One document as candidate search sees it: text, folded view, gazetteer coverage."""

    doc_id: str
    text: str
    view: str
    cov_starts: list[int]  # starts of the gazetteer matches, sorted
    cov_reach: list[int]  # running max of their ends


@dataclass
class _Candidates:
    """Tally of candidate names: occurrences, documents, and the first occurrence of each."""

    stop: Iterable[str]
    counts: Counter[str] = field(default_factory=Counter)
    docs_of: dict[str, set[str]] = field(default_factory=dict)
    first: dict[str, tuple[str, int, int, str]] = field(default_factory=dict)

    def add(self, run: list[_Tok], doc: _DocView, ss: int, se: int) -> None:
        """Count a run of capitalised tokens of sentence ``ss:se`` as a name, if it is one."""
        while run and (run[0].cf in self.stop or run[0].cf in _CONNECTORS):
            run = run[1:]
        while run and run[-1].cf in _CONNECTORS:
            run = run[:-1]
        if not run:
            return
        one = run[0]
        if len(run) == 1 and (len(one.text) < 2 or one.text.isdigit() or one.cf in _CALENDAR):
            return
        if len(run) == 1 and (one.start == ss or _clause_initial(doc.text, one.start)):
            return  # a capitalised sentence- or clause-initial word is not evidence of a name
        start, end = one.start, run[-1].end
        name = " ".join(doc.text[start:end].split())
        self.counts[name] += 1
        self.docs_of.setdefault(name, set()).add(doc.doc_id)
        if name not in self.first:
            sent = " ".join(doc.text[ss:se].split())
            example = sent if len(sent) <= 160 else sent[:157] + "..."
            self.first[name] = (doc.doc_id, start, end, example)

    def table(self, min_count: int, top: int | None) -> pd.DataFrame:
        """The ``CANDIDATE_COLUMNS`` table: seen ``min_count`` times or more, most frequent first.

        Case variants of one name (``Covid``, ``COVID``) are one row: their
        counts summed, documents merged, shown in the most frequent spelling
        (the first seen on ties), with the first occurrence of any of them.
        """
        variants: dict[str, list[str]] = {}
        for c in self.counts:  # in the order first seen
            variants.setdefault(c.casefold(), []).append(c)
        rows = []
        for names in variants.values():
            n = sum(self.counts[c] for c in names)
            if n < min_count:
                continue
            shown = max(names, key=lambda c: self.counts[c])  # first of the most frequent
            n_docs = len(set().union(*(self.docs_of[c] for c in names)))
            rows.append((shown, n, n_docs, *self.first[names[0]]))
        df = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
        df = df.sort_values(
            ["n", "candidate"], ascending=[False, True], kind="mergesort"
        ).reset_index(drop=True)
        if top is not None:
            df = df.head(top).reset_index(drop=True)
        for c in ("n", "n_docs", "start", "end"):
            df[c] = df[c].astype("int64")
        return df


def _clause_initial(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a clause: after a bracket or an opening quote,
    or after a semicolon (spaces between allowed).

    Wire credits put ordinary words there in capitals ("(Reporting by ...; Editing by
    ...)", "(Additional reporting by ...)"), as do quotations ('"Today we ...').
    """
    if start and text[start - 1] in _OPENERS:
        return True
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == ";"


_OPENERS = frozenset("([{\"\u201c\u2018'")


def _doc_candidates(tally: _Candidates, doc_id: str, text: str, gaz: Gazetteer) -> None:
    """Add the candidate names of one document (outside every gazetteer match) to ``tally``."""
    covered = sorted((s, e) for s, e, *_ in _match_text(text, gaz, all_surnames=True))
    view = fold(text)
    doc = _DocView(
        doc_id,
        text,
        view,
        [s for s, _ in covered],
        list(itertools.accumulate((e for _, e in covered), max)),
    )
    spans = [m.span() for m in _word_re(view).finditer(view)]
    span_starts = [s for s, _ in spans]
    for _, ss, se in split_sentences(text):
        _sentence_candidates(tally, doc, _sentence_tokens(view, spans, span_starts, ss, se), ss, se)


def _sentence_candidates(
    tally: _Candidates, doc: _DocView, toks: list[_Tok], ss: int, se: int
) -> None:
    """Collect the runs of capitalised words (and connectors inside them) of one sentence."""
    run: list[_Tok] = []
    seq: list[_Tok | None] = [*toks, None]  # None flushes the last run
    for t in seq:
        inside = t is not None and _inside(t.start, doc.cov_starts, doc.cov_reach)
        cap = (
            t is not None
            and not inside
            and t.text[:1].isupper()
            and not _contraction(t.cf, tally.stop)
        )
        conn = t is not None and not inside and t.cf in _CONNECTORS and bool(run)
        joined = (
            t is not None
            and run
            and _gap_kind(doc.view[run[-1].end : t.start]) == " "
            and not run[-1].poss
        )
        if t is not None and (cap or conn) and (not run or joined):
            run.append(t)
            if t.poss:
                tally.add(run, doc, ss, se)
                run = []
            continue
        tally.add(run, doc, ss, se)
        run = [t] if cap and t is not None else []


_CLITICS = frozenset({"m", "re", "ve", "ll", "d", "s", "t"})  # I'm, we're, I've, I'll, I'd, don't


def _contraction(cf: str, stop: Iterable[str]) -> bool:
    """True for a stopword with a clitic (``i'm``, ``they're``, ``don't``): never part of a name.

    >>> stop = load_stopwords()
    >>> [_contraction(w, stop) for w in ("i'm", "we've", "don't", "o'brien", "kata'ib", "i")]
    [True, True, True, False, False, False]
    """
    head, sep, tail = cf.partition("'")
    return bool(sep) and tail in _CLITICS and head in stop


def _inside(pos: int, starts: list[int], reach: list[int]) -> bool:
    """True when ``pos`` lies in one of the sorted spans (``reach`` = running max of their ends)."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and reach[k] > pos
