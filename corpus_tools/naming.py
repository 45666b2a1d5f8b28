"""Naming: the words each group (outlet) attaches to the same actor's mentions.

For every actor mention (from :func:`corpus_tools.actor_mentions`, or from
literal aliases) :func:`naming` collects

* ``premodifier``: the content words between a determiner and the name
  (``the radical Palestinian movement Hamas`` -> ``radical Palestinian
  movement``),
* ``appositive``: a noun phrase after a comma and a determiner
  (``Hamas, the militant group that ...`` -> ``militant group that``),
* ``compound``: a lower-case content word right after the name
  (``Hamas militants`` -> ``militants``; not after demonyms, not after a
  possessive (``Trump's campaign``: what the actor has), and not when it
  looks like a verb: ``-ed``/``-ing``, or followed by a determiner or
  preposition),
* ``title``: the title part of a person's alias (``Deputy Foreign Minister
  Mikhail Bogdanov`` -> ``Deputy Foreign Minister``): the words before the
  gazetteer name form (alias or surname) the alias ends with.

The function words these rules stop at are shipped as data in
``data/naming_words.yml``.

Surface rules without a parser: a compound can be a verb (``Hamas runs``),
an appositive can run into a relative clause, and labels given in another
sentence (``The group said...``) are missed. Count labels per outlet only
with the evidence sentences at hand.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from ._tables import frame_from_rows, one_space, sort_rows
from .corpus import group_labels, require_corpus
from .errors import CorpusToolsWarning, CorpusValueError
from .kwic import kwic, term_key
from .lexicon import load_lexicon, warn_english_lexicon
from .numbers import NUMBER_TENS, NUMBER_UNITS
from .quotes.phrases import PRONOUNS
from .tokenize import cached_tokens, fold

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["naming"]

NAMING_COLUMNS = [
    "doc_id",
    "group",
    "actor",
    "alias",
    "label",
    "label_type",
    "start",
    "end",
    "mention_start",
    "mention_end",
    "sent_id",
    "evidence",
]
_WORDS = load_lexicon("naming_words").data
_DETERMINERS = frozenset(str(w) for w in _WORDS["determiners"])
_VERB_NEXT = frozenset(str(w) for w in _WORDS["verb_next"])
_NOT_LABELS = frozenset(str(w) for w in _WORDS["not_labels"])
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})


class _DocTokens(NamedTuple):
    """One document's tokens as parallel lists (from the :func:`corpus_tools.tokens` table).

    ``start_pos``/``end_pos`` are the token offsets as arrays, for binary search.
    """

    doc_id: str
    text: str
    lowers: list[str]
    starts: list[int]
    ends: list[int]
    words: list[bool]
    stops: list[bool]
    sents: list[int]
    start_pos: np.ndarray
    end_pos: np.ndarray


class _Label(NamedTuple):
    """A label of a mention: its type and character offsets."""

    label_type: str
    start: int
    end: int


def _literal_mentions(corpus: Corpus, actors: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Every match of every actor's aliases, actor by actor, from ONE kwic search.

    A kwic search per actor read the whole corpus once per actor: 2,000
    actors over 9,666 headlines took 134 CPU s.
    """
    cols = ["doc_id", "actor", "alias", "start", "end", "sent_id", "resolution"]
    # one alias written as a string is that alias, not its letters
    lists = {a: [al] if isinstance(al, str) else list(al) for a, al in actors.items()}
    terms = list(dict.fromkeys(t for al in lists.values() for t in al))
    if not terms:
        return pd.DataFrame(columns=cols)
    # whole tokens only: 'Hamas' inside 'Israel-Hamas' names the war, not the group
    hits = kwic(corpus, terms, window=0, joined=False).reset_index(drop=True)
    key_of = {t: tuple(term_key(t)) for t in terms}  # each distinct term tokenized once
    rows_of: dict[tuple[str, ...], list[int]] = {}
    for i, term in enumerate(hits["term"].tolist()):
        rows_of.setdefault(key_of[term], []).append(i)
    parts = []
    for actor, aliases in lists.items():
        keys = dict.fromkeys(key_of[t] for t in aliases)
        rows = sorted(i for k in keys for i in rows_of.get(k, []))
        if not rows:
            continue
        h = hits.iloc[rows]
        parts.append(
            pd.DataFrame(
                {
                    "doc_id": h["doc_id"].to_numpy(),
                    "actor": str(actor),
                    "alias": h["match"].to_numpy(),
                    "start": h["start"].to_numpy(),
                    "end": h["end"].to_numpy(),
                    "sent_id": h["sent_id"].to_numpy(),
                    "resolution": "name",
                }
            )
        )
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)


def _check_actors(actors: Any) -> None:
    """Refuse ``actors`` that can select nothing: a string, an empty list or mapping, no alias."""
    if isinstance(actors, str):
        raise CorpusValueError(
            f"actors={actors!r}: pass a list of actor names or a mapping "
            "{actor: [aliases]}, not a single string; e.g. actors=['Hamas']."
        )
    if actors is not None and not isinstance(actors, Mapping | Sequence | set | frozenset):
        raise CorpusValueError(
            f"actors={actors!r}: pass None (every actor found), a list of actor names, e.g. "
            "['Hamas'], or a mapping {actor: [aliases]}."
        )
    if actors is not None and not len(actors):
        raise CorpusValueError(
            f"actors={actors!r} names no actor, so the table would be empty; pass None for "
            "every actor found, a list of names, e.g. ['Hamas'], or a mapping, e.g. "
            "{'Hamas': ['Hamas', 'the militant group']}."
        )
    if isinstance(actors, Mapping):
        bad = [str(a) for a, al in actors.items() if not isinstance(al, str | Sequence | set)]
        if bad:
            raise CorpusValueError(
                f"actors: the aliases of {bad!r} are not a list of words; give each actor "
                f"a list, e.g. {{{bad[0]!r}: [{bad[0]!r}]}}."
            )
        empty = [str(a) for a, al in actors.items() if not isinstance(al, str) and not len(al)]
        if empty:
            raise CorpusValueError(
                f"actors: {empty!r} have no alias; give each actor the words it is written "
                f"as, e.g. {{{empty[0]!r}: [{empty[0]!r}]}}."
            )


def _mentions(corpus: Corpus, actors: Any, gazetteer: Any) -> pd.DataFrame:
    """The mentions to label: from the gazetteer (``None`` or a list of names) or literal aliases."""
    _check_actors(actors)
    if isinstance(actors, Mapping):
        return _warn_if_none(_literal_mentions(corpus, actors), corpus, actors)
    from .actors import actor_mentions  # later pipeline stage, imported lazily

    ment = actor_mentions(corpus, gazetteer) if gazetteer is not None else actor_mentions(corpus)
    ment = ment[ment["type"] != "location"]
    if actors is None:
        return ment
    wanted = [str(a) for a in actors]
    known = set(ment["actor"].tolist())
    missing = [a for a in wanted if a not in known]
    ment = ment[ment["actor"].isin(wanted)]
    if missing:
        extra = _literal_mentions(corpus, {a: [a] for a in missing})
        ment = pd.concat([ment, extra], ignore_index=True)
    return _warn_if_none(ment, corpus, wanted)


def _warn_if_none(ment: pd.DataFrame, corpus: Corpus, actors: Any) -> pd.DataFrame:
    """Warn that the actors asked for are mentioned nowhere (the table will be empty)."""
    if ment.empty and len(corpus):
        warnings.warn(
            f"naming: none of the actors {sorted(map(str, actors))!r} is mentioned in the "
            "corpus (names and aliases match whole words, any case); the table is empty.",
            CorpusToolsWarning,
            stacklevel=4,
        )
    return ment


def _docs_with_mentions(
    corpus: Corpus, ment: pd.DataFrame
) -> Iterator[tuple[_DocTokens, list[Any]]]:
    """Each document with mentions (doc_id order), its tokens taken from one table pass.

    The mentions are rows of one ``itertuples`` pass over the whole table (a pass per
    document built a namedtuple class each time: a third of the time on 4,000 articles).
    """
    tok = cached_tokens(corpus)  # read only: no ~200 MB copy per call
    texts = dict(iter(corpus))
    where = tok.groupby("doc_id", sort=False).indices
    cols = {
        c: tok[c].to_numpy(dtype=object) if c == "lower" else tok[c].to_numpy()
        for c in ("lower", "start", "end", "is_word", "is_stop", "sent_id")
    }
    rows = list(ment.itertuples(index=False))
    by_doc = ment.groupby("doc_id", sort=True).indices
    for doc_id in sorted(by_doc):
        ms = [rows[i] for i in by_doc[doc_id]]
        pos = where.get(doc_id)
        if pos is None:
            continue
        s_arr, e_arr = cols["start"][pos], cols["end"][pos]
        lists = {c: cols[c][pos].tolist() for c in ("lower", "is_word", "is_stop", "sent_id")}
        yield (
            _DocTokens(
                *(doc_id, texts[doc_id], lists["lower"], s_arr.tolist(), e_arr.tolist()),
                *(lists["is_word"], lists["is_stop"], lists["sent_id"], s_arr, e_arr),
            ),
            ms,
        )


def _token_span(doc: _DocTokens, start: int, end: int) -> tuple[int, int, bool] | None:
    """Tokens ``[i0, i1)`` of a mention, a possessive ``'s`` included, and whether there was
    one; ``None`` inside a token."""
    n = len(doc.lowers)
    i0 = int(np.searchsorted(doc.start_pos, start, side="left"))
    i1 = int(np.searchsorted(doc.end_pos, end, side="left")) + 1
    i1 = min(max(i1, i0 + 1), n)
    if i0 >= n or doc.starts[i0] != start or doc.ends[i1 - 1] != end:
        return None  # part of a hyphenated token ("Israel-Hamas conflict"): no label
    if i1 < n and doc.lowers[i1] in ("'s", "'"):
        return i0, i1 + 1, True  # the possessive 's after a name is not a label
    return i0, i1, False


def _line_break_ends_run(doc: _DocTokens, j: int) -> bool:
    """Whether the gap after token ``j`` ends a label: a paragraph break (a blank or
    indented next line), or a line break after a full stop ("the U.S.\nMany banks").

    Sentence splitting keeps "U.S." at a line's end with the next line (an
    abbreviation), so without this "those of the U.S.\n    Analysts said Japan"
    gave Japan the label "U.S. Analysts said".
    """
    gap = doc.text[doc.ends[j] : doc.starts[j + 1]]
    if "\n" not in gap:
        return False
    after = gap[gap.index("\n") + 1 :]
    return bool(after) or doc.text[doc.ends[j] - 1 : doc.ends[j]] == "."


def _premodifier(doc: _DocTokens, i0: int, verbs: frozenset[str] = frozenset()) -> _Label | None:
    """The run closed by a determiner before the name: "the radical Palestinian movement Hamas".

    The run stops at a verb-like word (``-ing``/``-ed``, a word of ``not_labels``
    such as "said": "the news conference also said Japan" gives no label, or one of
    the corpus's ``verbs``: "did the administration undermine U.S. law"), a number,
    and a paragraph break or a line break after a full stop.
    """
    lowers, sents = doc.lowers, doc.sents
    sent = sents[i0]
    j = i0 - 1
    while j >= 0 and i0 - j <= 4 and sents[j] == sent and doc.words[j] and not doc.stops[j]:
        if (
            (lowers[j].endswith(("ing", "ed")) and "-" not in lowers[j])
            or lowers[j][:1].isdigit()
            or lowers[j] in NUMBER_UNITS
            or lowers[j] in NUMBER_TENS
            or lowers[j] in _NOT_LABELS
            or lowers[j] in verbs
            or _line_break_ends_run(doc, j)
        ):
            break
        j -= 1
    if j < i0 - 1 and j >= 0 and sents[j] == sent and lowers[j] in _DETERMINERS:
        return _Label("premodifier", doc.starts[j + 1], doc.ends[i0 - 1])
    return None


def _appositive(doc: _DocTokens, i0: int, i1: int) -> _Label | None:
    """A noun phrase after a comma and a determiner: "Hamas, the radical Palestinian movement,"."""
    lowers, sents, n = doc.lowers, doc.sents, len(doc.lowers)
    sent = sents[i0]
    if i1 + 2 < n and lowers[i1] == "," and lowers[i1 + 1] in _DETERMINERS and sents[i1] == sent:
        k = i1 + 2
        while k < n and k - (i1 + 2) < 6 and doc.words[k] and sents[k] == sent:
            k += 1
        # "surrounding Russia, the ongoing Ukraine civil war, the Syrian civil war": a list
        in_list = k + 1 < n and lowers[k] == "," and lowers[k + 1] in _DETERMINERS
        if k > i1 + 2 and (k == n or not doc.words[k]) and not in_list:
            return _Label("appositive", doc.starts[i1 + 2], doc.ends[k - 1])
    return None


def _compound(
    doc: _DocTokens,
    i0: int,
    i1: int,
    verbs: frozenset[str] = frozenset(),
    next_word: bool = True,
) -> _Label | None:
    """A lower-case content word right after the name that does not look like a verb
    (``verbs``: see :func:`_corpus_verbs`; ``next_word``: nor is followed by a word of
    ``verb_next``, as "Hamas runs the ...")."""
    lowers, n = doc.lowers, len(doc.lowers)
    if i1 < n and doc.words[i1] and not doc.stops[i1] and doc.sents[i1] == doc.sents[i0]:
        w = doc.text[doc.starts[i1] : doc.ends[i1]]
        verb_like = (
            w.endswith(("ed", "ing"))
            or lowers[i1] in _NOT_LABELS
            or lowers[i1] in verbs
            or (i1 + 1 < n and next_word and lowers[i1 + 1] in _VERB_NEXT)
            or (i1 + 1 < n and _amount_or_time(lowers[i1 + 1]))
        )
        # "Ukraine https://t.co/..." in a post: the start of a link, not a label
        if doc.text.startswith("://", doc.ends[i1]):
            return None
        if w[:1].islower() and not verb_like:
            return _Label("compound", doc.starts[i1], doc.ends[i1])
    return None


#: Words after a compound that make it a verb or a time adverb, not a label: an amount
#: ("Russia sent millions", "the UK rose 2.3%") or a time ("China last week").
_TIME_WORDS = frozenset(
    "week weekend month year night morning afternoon evening monday tuesday wednesday "
    "thursday friday saturday sunday".split()
)


def _amount_or_time(word: str) -> bool:
    """``word`` is a figure, a number word or a time noun (:data:`_TIME_WORDS`)."""
    return (
        word[:1].isdigit()
        or word in NUMBER_UNITS
        or word in NUMBER_TENS
        or word.rstrip("s") in _SCALE_WORDS
        or word in _TIME_WORDS
    )


class _NameForms:
    """``forms(mention)``: the words of its actor's name forms (aliases, surname, name;
    folded, lower case, longest first) from the gazetteer entry of the mention's
    ``actor_id``; ``honorifics``: the gazetteer's honorifics ("mr.", "mrs"), no title."""

    def __init__(self, forms: Callable[[Any], list[list[str]]], honorifics: frozenset[str]):
        self.forms = forms
        self.honorifics = honorifics


def _name_forms(gazetteer: Any) -> _NameForms:
    """The :class:`_NameForms` of a ``gazetteer=`` argument (``None``: the shipped one)."""
    from .actors import resolve_gazetteer  # later pipeline stage, imported lazily

    gaz = resolve_gazetteer(gazetteer)
    entries = {e["id"]: e for e in gaz.entries}
    honorifics = frozenset(fold(str(h)).lower() for h in gaz.settings.get("honorifics", ()))
    cache: dict[str, list[list[str]]] = {}

    def forms(m: Any) -> list[list[str]]:
        actor_id = getattr(m, "actor_id", None)
        if not isinstance(actor_id, str) or actor_id not in entries:
            return [fold(str(m.actor)).lower().split()]
        if actor_id not in cache:
            e = entries[actor_id]
            names = [*e["aliases"], e.get("surname") or "", e["name"]]
            words = {tuple(fold(str(a)).lower().split()) for a in names} - {()}
            cache[actor_id] = sorted(map(list, words), key=lambda w: (-len(w), w))
        return cache[actor_id]

    return _NameForms(forms, honorifics)


def _title(m: Any, names: _NameForms) -> _Label | None:
    """The title part of a person's alias resolved by title: the words before the name form
    the alias ends with ("Deputy Foreign Minister Mikhail Bogdanov" -> "Deputy Foreign
    Minister", "Prime Minister Netanyahu" -> "Prime Minister", "President Joseph R. Biden"
    -> "President"); an honorific alone ("Mr. Trump") is no title."""
    alias = str(m.alias)
    if getattr(m, "resolution", "") != "title":
        return None
    spans = [w.span() for w in re.finditer(r"\S+", alias)]
    words = fold(alias).lower().split()
    for name in names.forms(m):
        if len(words) > len(name) and words[-len(name) :] == name:
            if set(words[: -len(name)]) <= names.honorifics:
                return None
            return _Label("title", int(m.start), int(m.start) + spans[-len(name) - 1][1])
    return None


def _mention_labels(
    doc: _DocTokens,
    m: Any,
    span: tuple[int, int, bool],
    names: _NameForms,
    verbs: frozenset[str] = frozenset(),
) -> list[_Label]:
    """The labels of one mention (tokens ``[i0, i1)`` of ``span``), title first.

    ``m`` is a row of a mentions table (``actor``, ``alias``, ``start``, and
    optionally ``type``, ``resolution`` and ``actor_id``). After a demonym ("Russian
    citizens") the noun is who is described, not a label, so no compound; after a
    possessive neither ("Trump's campaign", "Netanyahu's speech": what the actor has,
    not what it is called).
    """
    i0, i1, possessive = span
    compound = None if possessive else _compound(doc, i0, i1, verbs)
    # "the entire Obama administration", "a new Russian attack", "the former U.S.
    # Ambassador": the words before the name describe the noun after it, not the actor
    # after a determiner-led run the name is inside a noun phrase: its next lower-case word is
    # the phrase's noun even before "as", "in" ... ("the recent Hamas attack as a failure")
    head = None if possessive else _compound(doc, i0, i1, verbs, next_word=False)
    modifies_next = (head is not None and not _is_the_actor(doc, head, i1)) or _name_follows(
        doc, i1
    )
    found = [None if modifies_next else _premodifier(doc, i0, verbs), _appositive(doc, i0, i1)]
    if getattr(m, "type", "") != "demonym":
        found.append(compound)
    return [lab for lab in (_title(m, names), *found) if lab is not None]


#: Nouns that name the actor itself after its name ("the Palestinian Hamas group", "the
#: entire Obama administration"): bodies of ``data/quote_words.yml`` (institution_nouns,
#: org_heads) less person roles, and group/regime. A premodifier before "<name> <noun>"
#: describes the actor when the noun is one of these and ends the phrase.
_QUOTE_WORDS = load_lexicon("quote_words").data
_ACTOR_NOUNS = frozenset(
    {str(w) for k in ("institution_nouns", "org_heads") for w in _QUOTE_WORDS[k]}
    - {str(w) for w in _QUOTE_WORDS["person_roles"]}
) | {"group", "regime"}


def _is_the_actor(doc: _DocTokens, compound: _Label, i1: int) -> bool:
    """The compound after the name (token ``i1``) is a body noun that ends the phrase: the
    name and the noun are the actor ("Hamas group that runs ..."), not a modifier of the
    noun ("a senior Obama administration official")."""
    lowers, n = doc.lowers, len(doc.lowers)
    after = i1 + 1 < n and doc.words[i1 + 1] and not doc.stops[i1 + 1]
    return lowers[i1] in _ACTOR_NOUNS and not (after and lowers[i1 + 1][:1].isalpha())


def _name_follows(doc: _DocTokens, i1: int) -> bool:
    """A capitalised word right after the mention, in its sentence: the mention is part of a
    longer name or describes it ("the Albany Georgia USA Camp", "the former U.S. Ambassador")."""
    if i1 >= len(doc.lowers) or not doc.words[i1] or doc.sents[i1] != doc.sents[i1 - 1]:
        return False
    return doc.text[doc.starts[i1] : doc.starts[i1] + 1].isupper()


def _sentence_texts(corpus: Corpus) -> Callable[[str, int], str]:
    """``(doc_id, sent_id) -> sentence text`` ("" when unknown), read through one groupby.

    A lookup in a (doc_id, sent_id) MultiIndex per mention took most of naming()'s time.
    """
    sents = corpus.sentences()
    where = sents.groupby("doc_id", sort=False).indices
    ids, texts = sents["sent_id"].to_numpy(), sents["text"].to_numpy(dtype=object)
    cache: dict[str, dict[int, str]] = {}

    def text(doc_id: str, sid: int) -> str:
        known = cache.get(doc_id)
        if known is None:
            pos = where.get(doc_id, [])
            cache.clear()  # documents come one at a time: keep only the current one
            known = cache[doc_id] = dict(zip(ids[pos].tolist(), texts[pos].tolist(), strict=True))
        return str(known.get(sid, ""))

    return text


#: modals: the word after one is a verb's base form ("will deliver"), see :func:`_corpus_verbs`
#: ("to" is left out: "to supporters", "the U.S. arm" after "to arm" were nouns)
_INFINITIVE_MARKERS = frozenset("will would can could should must shall".split())


def _third_person(base: str) -> str:
    """The ``-s`` form of a verb's base form.

    >>> [_third_person(w) for w in ["discuss", "try", "pay", "go", "lay"]]
    ['discusses', 'tries', 'pays', 'goes', 'lays']
    """
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base[-1:] == "y" and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _corpus_verbs(corpus: Corpus) -> frozenset[str]:
    """Words the corpus writes right after a subject pronoun, or (with their third-person
    ``-s`` forms) in lower case right after a modal, and never right after a determiner:
    verbs and adverbs. "Trump took several of his questions" gives Trump no
    label "took" (BASIL: 53 of 386 compounds, all verbs or adverbs; "plan", "review", "win"
    also follow "the"/"a" and stay labels); "President Obama discusses ...", "watch President
    Obama deliver remarks" give none in tweets that never write "he discusses" but write "will
    discuss" (an ``-s`` form stays a label when its base follows a determiner: "the force",
    so "U.S. forces").

    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "He took it. They plan more. The plan failed. She quickly left. We will discuss it. "
    ...     "They can try. The force will force it. Write as Lee would."]}))
    >>> sorted(_corpus_verbs(c))
    ['can', 'discuss', 'discusses', 'quickly', 'took', 'tries', 'try', 'will']
    """
    tok = cached_tokens(corpus)  # read only: no ~200 MB copy per call
    low = tok["lower"].to_numpy(dtype=object)
    if len(low) < 2:
        return frozenset()
    docs = tok["doc_id"].to_numpy(dtype=object)
    same = (docs[1:] == docs[:-1]) & tok["is_word"].to_numpy(dtype=bool)[1:]
    prev = pd.Series(low[:-1])
    nxt = low[1:]
    after_pronoun = nxt[same & prev.isin(list(PRONOUNS)).to_numpy()]
    after_determiner = frozenset(nxt[same & prev.isin(list(_DETERMINERS)).to_numpy()].tolist())
    marked = np.flatnonzero(same & prev.isin(list(_INFINITIVE_MARKERS)).to_numpy()) + 1
    written = tok["token"].to_numpy(dtype=object)[marked]
    bases = (
        {  # "would President" gives no base; "the force" is a noun: "forces" stays a label
            w
            for w, t in zip(low[marked].tolist(), written.tolist(), strict=True)
            if t[:1].islower()
        }
        - after_determiner
    )
    third = {_third_person(b) for b in bases}
    adverbs = _ly_adverbs(frozenset(pd.unique(low).tolist()))
    return frozenset(set(after_pronoun.tolist()) | bases | third | adverbs) - after_determiner


def _ly_adverbs(vocabulary: frozenset[str]) -> set[str]:
    """Words of ``vocabulary`` in ``-ly`` whose stem of four letters or more is also one of
    its words: adverbs ("legally" of "legal", "happily" of "happy", "simply" of "simple"),
    not nouns ("ally", "family", "assembly").

    >>> sorted(_ly_adverbs(frozenset("legal legally happy happily ally al family simple simply".split())))
    ['happily', 'legally', 'simply']
    """
    out = set()
    for w in vocabulary:
        if w.endswith("ly") and len(w) >= 6:
            stems = (w[:-2], w[:-3] + "y", w[:-1] + "e")
            if any(len(t) >= 4 and t in vocabulary for t in stems):
                out.add(w)
    return out


def _label_rows(
    corpus: Corpus, ment: pd.DataFrame, groups: pd.Series, names: _NameForms
) -> list[tuple[Any, ...]]:
    """The rows of :func:`naming`: every label of every mention, with its evidence sentence."""
    sent_text = _sentence_texts(corpus)
    verbs = _corpus_verbs(corpus)
    rows = []
    for doc, ms in _docs_with_mentions(corpus, ment):
        group = groups[doc.doc_id]
        # one evidence per sentence (a sentence may hold thousands of mentions)
        evidences: dict[int, str] = {}
        for m in ms:
            span = _token_span(doc, int(m.start), int(m.end))
            if span is None:
                continue
            sid = doc.sents[span[0]]
            evidence = evidences.get(sid)
            if evidence is None:
                evidence = evidences[sid] = one_space(sent_text(doc.doc_id, sid))
            for lab in _mention_labels(doc, m, span, names, verbs):
                label = one_space(doc.text[lab.start : lab.end])
                rows.append(
                    (doc.doc_id, group, str(m.actor), str(m.alias), label)
                    + (lab.label_type, lab.start, lab.end, int(m.start), int(m.end), sid, evidence)
                )
    return rows


def naming(
    corpus: Corpus,
    actors: Sequence[str] | Mapping[str, Sequence[str]] | None = None,
    *,
    by: str = "outlet",
    gazetteer: Any = None,
) -> pd.DataFrame:
    """How each group (outlet) labels the same actor: the words attached to its mentions.

    For every actor mention (from :func:`corpus_tools.actor_mentions`, or
    from literal aliases you pass) the labels around it: ``premodifier``,
    ``appositive``, ``compound`` and ``title`` (the rules and their limits
    are in the module docstring, :mod:`corpus_tools.naming`).

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    actors : sequence of str or mapping, optional
        ``None``: every actor found by :func:`corpus_tools.actor_mentions`.
        A list of canonical actor names keeps those actors (names the
        gazetteer does not know are matched literally). A mapping
        ``{actor: [alias, ...]}`` matches the aliases literally (case
        insensitive) instead of using the gazetteer.
    by : str, default "outlet"
        A ``corpus.docs`` column reported as ``group``.
    gazetteer : optional
        Passed to :func:`corpus_tools.actor_mentions`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``group``, ``actor``, ``alias`` (str, the mention as
        written), ``label`` (str, the label as written), ``label_type``
        (str, see the module docstring), ``start``/``end`` (int, offsets of the label),
        ``mention_start``/``mention_end`` (int, offsets of the mention),
        ``sent_id`` (int), ``evidence`` (str, the sentence). Sorted by
        ``actor``, ``group``, ``doc_id``, ``start``.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [
    ...     "Militants from the radical Palestinian movement Hamas attacked. "
    ...     "Hamas, the Islamist group, said Hamas fighters would return."]}))
    >>> naming(c, {"Hamas": ["Hamas"]})[["label", "label_type", "start", "end"]]
                              label   label_type  start  end
    0  radical Palestinian movement  premodifier     19   47
    1                Islamist group   appositive     75   89
    2                      fighters     compound    102  110
    """
    require_corpus(corpus, "naming")
    warn_english_lexicon(
        corpus,
        "naming",
        "label word list (data/naming_words.yml)",
        "Most of their labels are verbs or function words: read the English documents only "
        "(corpus.subset(...)).",
    )
    ment = _mentions(corpus, actors, gazetteer)
    rows = _label_rows(corpus, ment, group_labels(corpus, by), _name_forms(gazetteer))
    ints = ("start", "end", "mention_start", "mention_end", "sent_id")
    types = {c: "int64" if c in ints else object for c in NAMING_COLUMNS}
    out = frame_from_rows(rows, NAMING_COLUMNS, types)
    out = out.drop_duplicates(["doc_id", "actor", "start", "end", "label_type"])
    return sort_rows(out, ["actor", "group", "doc_id", "start"], [True, True, True, True])
