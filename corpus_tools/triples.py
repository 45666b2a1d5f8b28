"""Stance triples: holder -> target -> polarity, who says what about whom.

Holders are quote speakers and the subjects of speech-act verbs
(``Moscow blamed Washington``); targets are the gazetteer actors mentioned
in what they say. Polarity comes from the cue class when it has one
(conflictual, distancing, supportive), else from the tone of the content,
and the ``basis`` column says which.

References
----------
van Atteveldt, W., Sheafer, T., Shenhav, S. R., & Fogel-Dror, Y. (2017).
Clause analysis: Using syntactic information to automatically extract
source, subject, and predicate from texts. *Political Analysis*, 25(2), 207-222.
Mohammad, S. M., Kiritchenko, S., Sobhani, P., Zhu, X., & Cherry, C. (2016).
SemEval-2016 Task 6: Detecting stance in tweets. *SemEval-2016*.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from .actors import actor_mentions, load_gazetteer
from .corpus import require_corpus
from .errors import check_table
from .lexicon import load_lexicon, warn_english_lexicon
from .quotes import quotes
from .quotes.cues import CueBook, cue_book, find_cues
from .quotes.extract import MAX_SENTENCE_CHARS, doc_sentences
from .quotes.phrases import PRONOUNS, is_unnamed_person, name_of
from .quotes.speakers import canonical, canonical_or_none
from .sentiment import vader_scores
from .tokenize import fold, load_stopwords

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["TRIPLE_COLUMNS", "stance_triples"]

TRIPLE_COLUMNS = [
    "doc_id",
    "holder",
    "target",
    "polarity",
    "basis",
    "compound",
    "cue",
    "cue_class",
    "start",
    "end",
    "evidence",
]
AGAINST = frozenset({"conflictual", "distancing"})
FAVOUR = frozenset({"supportive"})


class Claim(NamedTuple):
    """Something a holder said: the cue and the span of what was said."""

    doc_id: str
    holder: str | None
    cue: str | None
    cue_class: str | None
    start: int
    end: int


class Mentions(NamedTuple):
    """The actor mentions of one document, sorted by start (plain arrays, for bisect)."""

    start: np.ndarray
    end: np.ndarray
    actor: np.ndarray

    def inside(self, s: int, e: int) -> list[str]:
        """Distinct actors mentioned wholly inside ``[s, e)``, sorted."""
        lo, hi = np.searchsorted(self.start, s, "left"), np.searchsorted(self.start, e, "right")
        return sorted(set(self.actor[lo:hi][self.end[lo:hi] <= e].tolist()))


@lru_cache(maxsize=1)
def actor_countries() -> dict[str, str]:
    """Canonical actor name -> its country code (CAMEO prefix, or the country's own id).

    >>> actor_countries()["Russia"]
    'RUS'
    """
    out = {}
    for e in load_gazetteer().entries:
        cameo = str(e.get("cameo") or "")
        if e.get("type") == "country":
            out[e["name"]] = e["id"]
        elif (
            len(cameo) >= 3
            and cameo[:3].isalpha()
            and cameo[:3].isupper()
            and not cameo.startswith("IGO")
        ):
            out[e["name"]] = cameo[:3]
    return out


def polarity(cue_class: str | None, compound: float) -> tuple[str, str]:
    """``(polarity, basis)``: from the cue class when it has a side, else from the tone.

    >>> polarity("conflictual", 0.9), polarity("neutral", 0.3), polarity(None, 0.0)
    (('against', 'cue'), ('favour', 'tone'), ('neutral', 'tone'))
    """
    if cue_class in AGAINST:
        return "against", "cue"
    if cue_class in FAVOUR:
        return "favour", "cue"
    pol = "favour" if compound >= 0.05 else ("against" if compound <= -0.05 else "neutral")
    return pol, "tone"


#: First words of a holder that say no one holds the position ("No group has claimed ...").
NO_ONE = frozenset("no none nobody noone no-one neither nor not".split())
#: After a participle cue with no object between: a headline passive ("China blamed for
#: attack", "Breach Blamed on China", "Minister slammed over ..."): the subject is the target.
_PASSIVE_NEXT_RE = re.compile(r"\s+(?:for|on|over|as|of|after|amid|in)\b", re.IGNORECASE)
#: Lemmas used without an object before these words ("protested over the ruling").
_INTRANSITIVE = frozenset({"protest"})
#: Between a speech act's verb and the start of the quote quotes() made of the same clause.
_SAME_CLAUSE_RE = re.compile(r"[\W_]*(?:(?:to|that)\s+)?[\W_]*", re.IGNORECASE)
#: After such a quote's end, to its sentence's end: punctuation only.
_TAIL_RE = re.compile(r"[\W_]*")


def verb_s_forms(book: CueBook) -> frozenset[str]:
    """The cue verbs' third-person forms (``says``, ``denies``): never the first word of a
    name, while a lemma may be (``State Department``, ``Support group``).

    >>> sorted(verb_s_forms(cue_book()) & {"says", "denies", "state", "said"})
    ['denies', 'says']
    """
    return frozenset(
        f for f, lemma in book.form_lemma.items() if f != lemma and f.endswith("s") and " " not in f
    )


def no_holder(
    holder: str | None,
    cue_forms: frozenset[str] = frozenset(),
    names: Callable[[str], bool] | None = None,
) -> bool:
    """The holder phrase names no one: it opens with a negation (``No group``) or, in a
    Title Case headline, with a reporting verb (``Russia Makes Space Junk, Denies Danger
    to ...`` read as the inversion ``CLAUSE, Says Official``), or it is a bare pronoun
    (``He accused Obama of ...``: unresolved, as quotes without a resolved speaker are
    left out; BASIL news 18 of 752 rows, 2016 debates 8 of 44: ``we``, ``I``, ``he``).

    >>> no_holder("No group"), no_holder("Denies Danger", frozenset({"denies"}))
    (True, True)
    >>> no_holder("He"), no_holder("we"), no_holder("Someone")
    (True, True, True)
    >>> no_holder("Germany"), no_holder("Nordic ministers"), no_holder(None)
    (False, False, True)
    """
    if not holder:
        return True
    words = str(holder).split()
    first = words[0].lower()
    if len(words) == 1 and (first in PRONOUNS or first == "you" or is_unnamed_person(words[0])):
        return True
    return first in NO_ONE or first in cue_forms or not_a_noun_phrase(words, cue_forms, names)


#: Words inside a holder that make it a clause, not a name ("Migrant Crisis Has Europe ...").
_CLAUSE_WORDS = frozenset("has have had is are was were".split())
#: Keys of ``data/quote_words.yml`` whose words name people, groups, bodies or their
#: documents: a holder whose head is one of them names someone ("officials", "police").
_PEOPLE_KEYS = (
    "titles org_heads role_nouns person_roles person_nouns expert citizen official "
    "institution_nouns source_docs doc_nouns appositive_nouns"
).split()
#: A text as a holder ("The text condemned violence ...": a resolution's wording).
_DOC_HEADS = frozenset("text resolution declaration document draft motion ruling verdict".split())
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words that name no one: ``data/common_words.txt`` and the English
    stopwords, less the words of people and bodies (:data:`_PEOPLE_KEYS`) and their plurals.

    >>> sorted({"today", "most", "fact", "officials", "police", "matter"} & common_words())
    ['fact', 'matter', 'most', 'today']
    """
    path = Path(__file__).parent / "data" / "common_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    words = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    data = load_lexicon("quote_words").data
    people = {str(w).lower() for key in _PEOPLE_KEYS for w in data.get(key) or ()}
    people |= {w + "s" for w in people}
    return frozenset((words | load_stopwords("en")) - people)


#: A capitalised word inside a sentence: after a lower-case letter or a comma and a space.
_INSIDE_CAPITAL_RE = re.compile(r"(?<=[a-z,;] )([A-Z]\w*)")
_LOWER_WORD_RE = re.compile(r"\b[a-z]+\b")


class CorpusNames:
    """Whether the corpus itself writes a word as a name: capitalised as written (``House``)
    after a lower-case word or comma, i.e. inside a sentence, at least as often as in lower
    case; an all-capitals word (``TIME``) twice so inside sentences.

    Counted for every common word at once, on the first question, in two passes over the
    texts (the capitalised words inside sentences, then the lower-case words, kept when
    one of those): linear in the corpus whatever the number of holders asked about.

    >>> names = CorpusNames(["Members of the House voted.", "Today we vote.", "I vote today."])
    >>> names("House"), names("Today"), names("vote")
    (True, False, False)
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = texts
        self.counts: tuple[Counter[str], Counter[str]] | None = None
        self.verdicts: dict[str | None, bool] = {}

    def _count(self) -> tuple[Counter[str], Counter[str]]:
        common = common_words()
        inside: Counter[str] = Counter()
        for text in self.texts:
            inside.update(w for w in _INSIDE_CAPITAL_RE.findall(text) if w.lower() in common)
        asked = {w.lower() for w in inside}
        lower: Counter[str] = Counter()
        if asked:
            for text in self.texts:
                lower.update(w for w in _LOWER_WORD_RE.findall(text) if w in asked)
        return inside, lower

    def no_holder(self, holder: str | None, cue_forms: frozenset[str]) -> bool:
        """:func:`no_holder` with this corpus's names, once per distinct holder."""
        verdict = self.verdicts.get(holder)
        if verdict is None:
            verdict = self.verdicts[holder] = no_holder(holder, cue_forms, self)
        return verdict

    def __call__(self, word: str) -> bool:
        if not word[:1].isupper():
            return False
        if self.counts is None:
            self.counts = self._count()
        inside, lower = self.counts
        n_in, n_low = inside.get(word, 0), lower.get(word.lower(), 0)
        # an all-capitals word inside sentences is a name (TIME) unless it is rare
        return n_in >= 2 if word.isupper() else 0 < n_in >= n_low


def not_a_noun_phrase(
    words: list[str],
    cue_forms: frozenset[str] = frozenset(),
    names: Callable[[str], bool] | None = None,
) -> bool:
    """The holder's words are no noun phrase naming someone: one common word (``Today``,
    ``FACT``, ``Most``, ``the matter``: a sentence's first word read as a speaker) that is
    not an actor nor a name ``names`` says the corpus writes (``House``, ``TIME``), or a
    clause (``Germany Slams Nato``, ``Migrant Crisis Has Europe Shaking``: a finite verb
    after the first word), or a bare possessive (``Romney's``, ``He's``: the phrase was cut
    before its noun, ``Romney's remarks``, and says nothing sure of who holds the view).

    >>> [not_a_noun_phrase(h.split()) for h in ("Today", "FACT", "matter", "Romney's")]
    [True, True, True, True]
    >>> not_a_noun_phrase("Germany Slams Nato".split(), frozenset({"slams"}))
    True
    >>> [not_a_noun_phrase(h.split()) for h in ("Congress", "officials", "Harry", "TD’s latest")]
    [False, False, False, False]
    >>> not_a_noun_phrase(["United", "States"], frozenset({"states"}))
    False
    """
    name = " ".join(words)
    if canonical_or_none(name) == name or name.lower() in _DOC_HEADS:
        return False
    if words[-1][:1].isupper() and _POSSESSIVE_RE.search(words[-1]):
        return True
    if any(w.lower() in cue_forms or w.lower() in _CLAUSE_WORDS for w in words[1:]):
        return True
    if len(words) == 1 and name.lower() in common_words() and canonical_or_none(name) is None:
        return names is None or not names(name)
    return False


def _quote_claims(
    q: pd.DataFrame,
    cue_forms: frozenset[str] = frozenset(),
    names: CorpusNames | None = None,
) -> list[Claim]:
    """Quotes with a resolved speaker (scare quotes, "the parties" and holders naming no one
    left out)."""
    out = []
    for r in q.itertuples():
        if (
            r.speaker_canonical is not None
            and r.kind != "scare"
            and getattr(r, "speaker_resolved", True) is not False
        ):
            holder = r.speaker_canonical
            named_no_one = (
                no_holder(holder, cue_forms)
                if names is None
                else names.no_holder(holder, cue_forms)
            )
            if not named_no_one:
                out.append(Claim(r.doc_id, holder, r.cue, r.cue_class, int(r.start), int(r.end)))
    return out


def sentence_pieces(text: str, sents: list[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, those over ``MAX_SENTENCE_CHARS`` cut at a space
    into the pieces :func:`~corpus_tools.quotes` reads them in.

    Finding a cue's speaker looks back to the start of its sentence and its content runs
    to the end, so one 100,000-character "sentence" (a page without full stops) with
    thousands of cues cost quadratic time; in pieces it is linear. Real sentences are far
    shorter and are left whole.

    >>> sentence_pieces("a b. " + "word " * 500, [(0, 0, 0, 4), (1, 0, 5, 2505)])
    [(0, 4), (5, 2005), (2005, 2505)]
    """
    out = []
    for _, _, s, e in sents:
        while e - s > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
            cut = s + MAX_SENTENCE_CHARS if cut < 0 else cut + 1
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def headline_passive(view: str, end: int, form: str, lemma: str) -> bool:
    """A participle cue followed straight by a preposition, no object between: the phrase
    before it is who was blamed or praised, not who did it.

    >>> t = "China blamed for UK government cyber attack"
    >>> headline_passive(t, 12, "blamed", "blame"), headline_passive(t, 12, "blames", "blame")
    (True, False)
    >>> headline_passive("Unions protested over pay", 16, "protested", "protest")
    False
    """
    return (
        form.endswith("ed")
        and lemma not in _INTRANSITIVE
        and _PASSIVE_NEXT_RE.match(view, end) is not None
    )


def _speech_act_claims(
    corpus: Corpus,
    book: CueBook,
    quoted: dict[tuple[str, str | None], list[tuple[int, int]]] | None = None,
    names: CorpusNames | None = None,
) -> list[Claim]:
    """Speech acts with noun-phrase objects: "Beijing denounced the US rejection".

    ``quoted`` maps ``(doc_id, holder)`` to the ``(start, end)`` of that holder's quote
    claims: a speech act whose clause quotes() already read to its end (``Germany accuses
    Russia of ...``) is left to the quote claim, so the pair is counted once; a quote of a
    few words (``condemns 'violence' following ...``) leaves the clause its own claim. Headline passives
    (:func:`headline_passive`) and holders naming no one (:func:`no_holder`) give none.
    """
    out = []
    quoted = quoted or {}
    forms = verb_s_forms(book)
    for doc_id, text, sents in doc_sentences(corpus):  # a batch of documents' sentences at a time
        view = fold(text)
        for s, e in sentence_pieces(text, sents):
            for c in find_cues(text, view, s, e, book):
                if (
                    c.lemma in book.no_clause
                    and c.np is not None
                    and c.np_side == "left"
                    and c.cls in AGAINST | FAVOUR
                ):
                    form = view[c.start : c.end]
                    if headline_passive(view, c.end, form.lower(), c.lemma):
                        continue
                    holder = canonical(name_of(text[c.np[0] : c.np[1]])[0])
                    none = (
                        no_holder(holder, forms)
                        if names is None
                        else names.no_holder(holder, forms)
                    )
                    if none or any(
                        c.end <= qs
                        and _SAME_CLAUSE_RE.fullmatch(text, c.end, qs)
                        and _TAIL_RE.fullmatch(text, min(qe, e), e)
                        for qs, qe in quoted.get((doc_id, holder), ())
                    ):
                        continue
                    out.append(Claim(doc_id, holder, form, c.cls, c.end, e))
    return out


def _targets(claim: Claim, actors: list[str], home: dict[str, str]) -> list[str]:
    """The actors a claim is about: not the holder, not the holder's own country's actors."""
    holder = claim.holder
    holder_home = {home.get(h) for h in str(holder).split(" and ")} - {None}
    out = []
    for target in actors:
        if target == holder or (holder and canonical(holder) == target):
            continue
        if home.get(target) is not None and home.get(target) in holder_home:
            continue  # own side: "Russia said Bogdanov held talks" is not a claim about Bogdanov
        out.append(target)
    return out


def _triple_rows(
    claims: list[Claim], mentions: dict[str, Mentions], texts: dict[str, str]
) -> list[dict[str, Any]]:
    home = actor_countries()
    seen = set()
    rows = []
    for claim in claims:
        men = mentions.get(claim.doc_id)
        if men is None:
            continue
        s, e = claim.start, claim.end
        targets = _targets(claim, men.inside(s, e), home)
        if not targets:  # no triple: spare VADER (the costly part) the claim's content
            continue
        content = texts[claim.doc_id][s:e]
        comp, _ = vader_scores(content)
        pol, basis = polarity(claim.cue_class, comp)
        for target in targets:
            key = (claim.doc_id, claim.holder, target, s, e)
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                {
                    "doc_id": claim.doc_id,
                    "holder": claim.holder,
                    "target": target,
                    "polarity": pol,
                    "basis": basis,
                    "compound": comp,
                    "cue": claim.cue,
                    "cue_class": claim.cue_class,
                    "start": s,
                    "end": e,
                    "evidence": content,
                }
            )
    return rows


def _triple_table(rows: list[dict[str, Any]], corpus: Corpus) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=TRIPLE_COLUMNS)
    for col in ("start", "end"):
        df[col] = df[col].astype("int64")
    df["compound"] = df["compound"].astype(float)
    for col in ("doc_id", "holder", "target", "polarity", "basis", "cue", "cue_class", "evidence"):
        df[col] = df[col].astype(object)
        df[col] = df[col].where(df[col].notna(), None)
    doc_order = {d: i for i, d in enumerate(corpus.doc_ids)}
    df = df.assign(_o=df["doc_id"].map(doc_order)).sort_values(
        ["_o", "start", "target", "holder"], kind="mergesort"
    )
    return df.drop(columns="_o").reset_index(drop=True)


def stance_triples(corpus: Corpus, *, quotes_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Holder -> target -> polarity claims: who says what about whom.

    Holders are quote speakers (``speaker_canonical``) and the subjects of
    speech-act verbs (``Moscow blamed Washington``); targets are actors
    mentioned in the quote (or after the speech-act verb) other than the
    holder and actors of the holder's own country (``Russia said Bogdanov
    held talks`` is not a claim about Bogdanov). Polarity comes from the cue class first (conflictual ->
    ``against``, supportive -> ``favour``), else from the VADER compound of
    the content (>= 0.05 ``favour``-toned, <= -0.05 ``against``-toned,
    else ``neutral``); the ``basis`` column says which (``cue`` or
    ``tone``), so a reader can tell the two sources apart.

    Returns
    -------
    pandas.DataFrame
        ``doc_id, holder, target, polarity, basis, compound, cue, cue_class,
        start, end, evidence`` (start/end: the quote or clause), ordered by
        document, start, target.

    Notes
    -----
    Targets are the gazetteer's actors (``actor_mentions``). A
    compound-based polarity is tone, not stance. A "sentence" over 2,000
    characters (a page without full stops) is read in pieces cut at a space,
    as :func:`~corpus_tools.quotes` reads it, so a clause's content ends at
    its piece and a clause cut in two may give no claim.

    References
    ----------
    van Atteveldt et al. (2017); Mohammad et al. (2016).

    Examples
    --------
    >>> import corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Moscow blamed Washington for the crisis."]}))
    >>> stance_triples(c)[["holder", "target", "polarity", "basis"]].values.tolist()
    [['Russia', 'United States', 'against', 'cue']]
    """
    require_corpus(corpus, "stance_triples")
    warn_english_lexicon(
        corpus,
        "stance_triples",
        "reporting-verb list, actor list and tone lexicon",
        "Analyse only the English documents (corpus.subset(...)).",
    )
    q = quotes(corpus) if quotes_table is None else quotes_table
    cols = ["doc_id", "speaker_canonical", "cue", "cue_class", "kind", "start", "end"]
    q = check_table(q, cols, "stance_triples", "quotes(corpus)")
    mentions = {}
    for d, g in actor_mentions(corpus).groupby("doc_id", sort=False):
        g = g.sort_values("start", kind="mergesort")
        mentions[d] = Mentions(
            g["start"].to_numpy(), g["end"].to_numpy(), g["actor"].to_numpy(dtype=object)
        )
    book = cue_book()
    names = CorpusNames(corpus.docs["text"].tolist())
    from_quotes = _quote_claims(q, verb_s_forms(book), names)
    quoted: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
    for cl in from_quotes:
        quoted.setdefault((cl.doc_id, cl.holder), []).append((cl.start, cl.end))
    claims = from_quotes + _speech_act_claims(corpus, book, quoted, names)
    return _triple_table(_triple_rows(claims, mentions, dict(iter(corpus))), corpus)
