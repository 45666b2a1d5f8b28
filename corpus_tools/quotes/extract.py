"""Quotes of one document (:func:`doc_quotes`) and of a corpus (:func:`quotes`).

Rules, not a parser. Headline conventions are read as attribution:
``X: 'quote'``, ``X to Y: 'quote'``, ``'quote': X``, ``'quote' - X``,
``X says/warns/urges 'quote'``, ``X calls for 'Y'``, ``X accuses Y of
'Z'``, ``'Quote', say workers``, ``'Quote' by A ... says agency chief``,
and ``Subject verb object 'quote'`` with a verb outside the lexicon
(``quotes/headlines.py``).
A quote with no cue takes the speaker of the previous attributed row
of its paragraph (or of the paragraph before, when it opens its
paragraph). Known failure modes: quotes in captions (no cue: ``scare``
or no speaker); nested quotes of a third
party get the outer speaker; a pronoun after two named people goes to
the last *speaker*; attributions on a separate line are missed;
``claims`` and ``note`` as nouns are filtered only next to determiners.
Unbalanced quote marks never raise: the open quote is closed at the end
of its paragraph and flagged ``unbalanced`` (logged at INFO level).
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd

from ..corpus import require_corpus
from ..errors import CorpusToolsWarning
from ..languages import enough_other_language, other_language_rows
from ..lexicon import sentence_index
from ..tokenize import fold, sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

from .cues import Cue, CueBook, cue_book, find_cues, mute_np, not_speaker_np
from .headlines import (
    headline_verb_cue,
    title_case,
    title_case_head,
    title_case_subject,
    title_in_title_case,
)
from .indirect import comma_speaker, headline_object, indirect_content, thing_object
from .marks import Span, pair_marks
from .phrases import (
    ORG_HEADS,
    ROLE_NOUNS,
    TITLES,
    right_np,
    skip_adverbials,
    subject_np,
    thing_description,
    thing_plural,
    word_spans,
)
from .speakers import (
    Resolver,
    SpeakerContext,
    canonical_in_context,
    canonical_or_none,
    dateline_country,
    dateline_end,
    find_source_span,
    is_named,
    longer_name,
    org_shaped,
    party_description,
    source_name,
)
from .structure import (
    colon_claim,
    feature_colon,
    headline_line,
    label_head,
    label_quote,
    lead_quote_subject,
    line_suffix,
    mentioned,
    own_outlet,
    passive_agent,
    person_name,
    recurring_names,
    speaker_label,
    structure_cue,
    suffix_name,
    title_suffix,
    topic_head,
)

QUOTE_COLUMNS = [
    "doc_id",
    "sent_id",
    "quote",
    "speaker",
    "speaker_canonical",
    "speaker_method",
    "speaker_resolved",
    "source",
    "source_text",
    "cue",
    "cue_class",
    "direct",
    "kind",
    "unbalanced",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "source_start",
    "source_end",
]


@dataclass
class _Row:
    start: int
    end: int
    direct: bool
    kind: str
    unbalanced: bool
    cue: Cue | None
    speaker_span: tuple[int, int] | None = None
    method: str = "none"
    resolved: str | None = None
    source_span: tuple[int, int] | None = None


_CARRY = "__carry__"  # speaker to be carried over from an earlier row


@dataclass
class _Doc:
    """One document being read: text, folded view, sentences, quote spans, cue cache."""

    doc_id: str
    text: str
    view: str
    sents: list[tuple[int, int, int, int]]  # (start, end, sent_id, para_id), in text order
    starts: list[int]
    spans: list[Span]
    book: CueBook
    cache: dict[int, list[Cue]] = field(default_factory=dict)
    quoted: tuple[list[int], list[int]] | None = None  # merged quote spans: starts, ends
    reach: tuple[list[int], list[int]] | None = None  # span starts; furthest end of spans[: i + 1]
    outlet: str | None = None  # the document's outlet (a trailing "- CNN" on cnn.com is no speaker)

    def cues_in(self, k: int) -> list[Cue]:
        """Cues of sentence ``k`` outside quote marks (found once; rows may fill ``np``)."""
        if k not in self.cache:
            s, e = self.sents[k][0], self.sents[k][1]
            found = find_cues(self.text, self.view, s, e, self.book)
            if found and title_case(self.view, s, e):  # "This Quiz Will Tell You": a thing
                found = [c for c in found if not _thing_speaker(self.text, c)]
            self.cache[k] = [c for c in found if not self.in_quotes(c.start)]
        return self.cache[k]

    def in_quotes(self, pos: int) -> bool:
        """``sp.start < pos < sp.end`` for some quote span (a binary search, not a scan)."""
        if self.quoted is None:
            starts: list[int] = []
            ends: list[int] = []
            for sp in sorted(self.spans, key=lambda x: (x.start, x.end)):
                if starts and sp.start < ends[-1]:  # overlaps (nested quote): one interval
                    ends[-1] = max(ends[-1], sp.end)
                else:
                    starts.append(sp.start)
                    ends.append(sp.end)
            self.quoted = (starts, ends)
        starts, ends = self.quoted
        i = bisect.bisect_left(starts, pos) - 1  # the last interval opening before pos
        return i >= 0 and pos < ends[i]

    def inside_span(self, lo: int, hi: int) -> bool:
        """``sp.start <= lo and hi <= sp.end`` for some quote span (a bisect, not a scan)."""
        if self.reach is None:
            self.reach = span_reach((sp.start, sp.end) for sp in self.spans)
        return inside_any(self.reach, lo, hi)

    def sent_of(self, pos: int) -> int:
        return sentence_index(self.starts, pos)


def span_reach(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """``(starts, reach)`` of ``(start, end)`` spans sorted by start, for :func:`inside_any`:
    ``reach[i]`` is the furthest end of the first ``i + 1`` spans.

    >>> span_reach([(0, 4), (2, 20), (30, 35), (31, 33)])
    ([0, 2, 30, 31], [4, 20, 35, 35])
    """
    pairs = list(spans)
    return [a for a, _ in pairs], list(accumulate((b for _, b in pairs), max))


def inside_any(sr: tuple[list[int], list[int]], lo: int, hi: int) -> bool:
    """``any(a <= lo and hi <= b for a, b in spans)`` by a binary search (``sr`` from
    :func:`span_reach`), not a scan.

    >>> sr = span_reach([(0, 4), (2, 20), (30, 35)])
    >>> inside_any(sr, 3, 19), inside_any(sr, 3, 21), inside_any(sr, 25, 26)
    (True, False, False)
    """
    starts, reach = sr
    i = bisect.bisect_right(starts, lo) - 1
    return i >= 0 and hi <= reach[i]


class _Attribution(NamedTuple):
    """The cue a direct quote is attributed to, and how it sits beside the quote."""

    cue: Cue | None
    attached: bool  # right next to the quote: the cue is used up (no indirect row)
    attached_before: bool  # the attribution ends right before the opening mark


def _read_doc(
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    doc_id: str,
    verbs: Any,
    outlet: str | None = None,
) -> _Doc:
    sents = _bounded(text, sorted((int(s), int(e), int(i), int(p)) for i, p, s, e in sentences))
    sents = _rejoined(text, sents)
    # a wire dateline (NEW YORK (AP) —) is where the story came from, never a speaker
    sents = [
        (dateline_end(text, s, e, first=k == 0), e, i, p) for k, (s, e, i, p) in enumerate(sents)
    ]
    spans = sorted(pair_marks(text, doc_id), key=lambda sp: (sp.start, sp.end))
    book = cue_book(verbs)
    starts = [s for s, _, _, _ in sents]
    return _Doc(doc_id, text, fold(text), sents, starts, spans, book, outlet=outlet)


#: A sentence the splitter opened with a lower-case reporting verb (``Which?`` / ``says``).
_CUE_OPENING = re.compile(
    r"\s*(?:says|said|say|asks|asked|adds|added|warns|warned|writes|wrote|tells|told|claims"
    r"|claimed|insists|insisted|argues|argued)\b"
)
#: What the splitter ends before such a verb: a name spelt with ``?`` or ``!`` (``Which?``)
#: or a quoted question or exclamation (``"Why not?"`` / ``said Smith.``).
_ASKED_END = re.compile("(?:\\b[A-Z][\\w'\u2019-]*[?!]|[?!][\"'\u201d\u2019])$")
#: A cue and a person's abbreviated title or initials ending a sentence (``wrote Sen.`` /
#: ``Bernie Sanders``, ``said H.G.`` / ``Wells.``): the name goes on in the next one.
_CUE_TITLE_END = re.compile(
    r"\b(?:said|says|asked|asks|wrote|writes|added|adds|told|according\s+to)\s+(?:the\s+)?"
    r"(?:(?:Sen|Rep|Reps|Sens|Gov|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Hon|Pres|Supt)\."
    r"|(?:[A-Z]\.){2,3})$"
)


def _rejoined(text: str, sents: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Sentences the splitter cut inside a claim's attribution joined again: a lower-case
    reporting verb opening the next one after a name spelt with ``?`` (``..., Which? says``)
    or a quoted question (``"Why not?" said Smith.``), or a name after initials (``said
    H.G.`` / ``Wells.``) or after a cue and an abbreviated title (``wrote Sen.`` / ``Bernie
    Sanders ...``). Same paragraph only.

    >>> t = "Cash risk, Which? says"
    >>> _rejoined(t, [(0, 17, 0, 0), (18, 22, 1, 0)])
    [(0, 22, 0, 0)]
    """
    out: list[tuple[int, int, int, int]] = []
    for s, e, i, p in sents:
        if out and out[-1][3] == p and not text[out[-1][1] : s].strip():
            ps, pe, pi, _ = out[-1]
            prev = text[ps:pe].rstrip()
            cue_next = _CUE_OPENING.match(text, s, e) is not None and _ASKED_END.search(prev)
            name_next = _CUE_TITLE_END.search(prev) is not None  # "said H.G." / "Wells."
            if cue_next or name_next:
                out[-1] = (ps, e, pi, p)
                continue
        out.append((s, e, i, p))
    return out


#: Longest stretch read as one sentence (characters). Every quote is attributed by
#: scanning its sentence, so one "sentence" of 100,000 characters with thousands of quote
#: marks (a page without full stops) took quadratic time; longer sentences are read in
#: pieces of at most this length, cut at a space. Real sentences are far shorter.
MAX_SENTENCE_CHARS = 2000


def _bounded(text: str, sents: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """``sents`` with every sentence over :data:`MAX_SENTENCE_CHARS` cut into pieces (same ids)."""
    out: list[tuple[int, int, int, int]] = []
    for s, e, i, p in sents:
        while e - s > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
            cut = s + MAX_SENTENCE_CHARS if cut < 0 else cut + 1
            out.append((s, cut, i, p))
            s = cut
        out.append((s, e, i, p))
    return out


def _attribute(doc: _Doc, sp: Span, k_open: int, k_close: int) -> _Attribution:
    """The cue of a direct quote, nearest first.

    1. after the closing mark: ``,” Geng said`` / ``,” said the spokesman``;
    2. before the opening mark: ``He stated, “…`` / ``According to X, “…``;
    3. any cue in the quote's sentence(s): partial quotes inside indirect speech;
    4. headline punctuation: ``X: 'quote'``, ``'quote' – X``.
    """
    text, view = doc.text, doc.view
    s_lo, s_hi = doc.sents[k_open][0], doc.sents[k_close][1]
    tc = title_case(view, s_lo, s_hi)
    after = [
        c
        for c in doc.cues_in(k_close)
        if c.start >= sp.end
        and _speaks(c, sp)
        and (_interrupted(view, sp, s_lo) or not _QUOTE_NEXT.match(view, c.end))
        and not (tc and _modifies(view, sp, c))
    ]
    if after:
        c = after[0]
        gap_start = min(c.start, c.np[0] if c.np else c.start)
        if len(word_spans(text, sp.end, gap_start)) <= 1:
            return _Attribution(c, True, False)
    before = [c for c in doc.cues_in(k_open) if c.end <= sp.start and _speaks(c, sp)]
    if before:
        c = before[-1]
        tail_from = c.np[1] if c.np is not None and c.np_side == "right" else c.end
        gap = view[skip_adverbials(view, tail_from, sp.start) : sp.start]
        if re.fullmatch(r"\s*(?:that)?\s*[,:]?\s*", gap, re.IGNORECASE):
            return _Attribution(c, True, True)
    cands: list[Cue] = []
    for k in range(k_open, k_close + 1):
        cands.extend(c for c in doc.cues_in(k) if _speaks(c, sp) or c.np_side == "and")
    pre = [c for c in cands if c.end <= sp.start]
    if pre:
        return _Attribution(pre[-1], False, False)
    # a later cue whose complement is another quote is not this one's ("'Girls' Deemed 'X'")
    post = [
        c
        for c in cands
        if c.start >= sp.end
        and not _QUOTE_NEXT.match(view, c.end)
        and not (tc and _modifies(view, sp, c))
    ]
    if post:
        return _Attribution(post[0], False, False)
    first = sp
    while (prev := _coordinated(doc, first, s_lo)) is not None:
        first = prev  # "Uses Terms 'Kung Flu' And 'Chinese Virus'": the first one's cue
    if first is not sp:
        return _attribute(doc, first, k_open, k_close)
    if _asked(view, s_lo, s_hi, sp) or mentioned(view, sp.start, sp.end, s_hi):
        return _Attribution(None, False, False)  # a question or a word named as a word
    agent = passive_agent(text, view, s_lo, s_hi, sp)
    if agent is not None:  # "defended as a 'man of honor' by three veterans"
        return _Attribution(agent, False, False)
    head = _headline_speaker(text, view, s_lo, s_hi, sp, doc.book.form_lemma, doc.outlet)
    if head is None:
        verb = headline_verb_cue(text, view, s_lo, s_hi, sp.start, doc.book.form_lemma)
        if verb is not None:
            return _Attribution(verb, False, False)
        head = structure_cue(text, view, s_lo, s_hi, sp, outlet=doc.outlet)
    return _Attribution(
        head, False, head is not None and view[s_lo : sp.start].rstrip().endswith(":")
    )


#: Verbs whose subject is often a thing that shows something, not a speaker.
_FINDING_VERBS = frozenset(("reveal", "show", "suggest", "indicate"))


def _thing_speaker(text: str, c: Cue) -> bool:
    """A Title Case speaker phrase naming a thing, not a speaker (not a gazetteer actor),
    also after the reader's ``Your`` (``What Does Your Zodiac Sign Say About You``), or a
    plural thing that reveals or shows (``Decaying Pig Corpses Reveal Forensic Secrets``)."""
    if c.np is None:
        return False
    before = text[max(0, c.np[0] - 6) : c.np[0]]
    yours = re.search(r"\b[Yy]our\s+$", before) is not None
    return (
        (
            thing_description(text, c.np, opened=yours)
            or c.lemma in _FINDING_VERBS
            and thing_plural(text, c.np)  # "Pig Corpses Reveal"
        )
        and canonical_or_none(text[c.np[0] : c.np[1]]) is None
    )


def _interrupted(view: str, sp: Span, s_lo: int) -> bool:
    """The quote opens its sentence and ends in a comma (inside or right after its closing
    mark): the first part of a quotation its cue interrupts (``“A,” Prelogar said, “but
    B.”``), so the cue before the next quote is this one's too (not a fragment inside a
    sentence: ``Baros insisted it is "not in my mind", he admitted "X"``)."""
    if view[s_lo : sp.start].strip():
        return False
    return view[sp.end - 2 : sp.end - 1] == "," or view[sp.end : sp.end + 1] == ","


_QUOTE_NEXT = re.compile("\\s*[,:]?\\s*[\"\u201c\u2018']")


_AND_BEFORE = re.compile(r"\s+(?:and|or|&)\s+$", re.IGNORECASE)


def _coordinated(doc: _Doc, sp: Span, s_lo: int) -> Span | None:
    """The quote before ``'X' And 'Y'`` in the same sentence, when ``sp`` is ``'Y'``."""
    m = _AND_BEFORE.search(doc.view, max(s_lo, sp.start - 8), sp.start)
    if m is None:
        return None
    i = bisect.bisect_left(doc.spans, sp.start, key=lambda o: o.start)
    prev = doc.spans[i - 1] if i > 0 else None
    return prev if prev is not None and prev.end == m.start() and prev.start >= s_lo else None


def _modifies(view: str, sp: Span, c: Cue) -> bool:
    """In a Title Case line, the quote is a modifier of the cue's speaker phrase, which
    follows it with nothing between (``'Empire' Showrunner Says``, ``Of 'Plane Bae' Saga
    Decries``): a title or label, not that speaker's words; nor is a past tense right
    after it an inversion (``'The Simpsons' Predicted Coronavirus``: the quote is its
    subject). Speech ending in ``,`` ``.`` ``?`` or ``!`` inside the marks before its
    speaker (``"Why?" he asked``) is not a modifier."""
    if c.np is None or sp.end - sp.start < 3 or view[sp.end - 2] in ",.?!":
        return False
    if c.np_side == "right" and c.form.lower().endswith("ed"):
        return not view[sp.end : c.start].strip()  # "'The Simpsons' Predicted X": its subject
    return c.np_side == "left" and c.np[0] >= sp.end and not view[sp.end : c.np[0]].strip()


def _speaks(c: Cue, sp: Span) -> bool:
    """A cue with a speaker phrase that does not contain the quote (a title inside the
    speaker's description is not that speaker's words: ``the "Seinfeld" star revealed``)."""
    return c.np is not None and not (c.np[0] <= sp.start and sp.end <= c.np[1])


def _direct_row(doc: _Doc, sp: Span, used_cues: set[int]) -> _Row:
    """The row of one pair of quote marks: its cue and kind (quote, fragment, scare)."""
    view = doc.view
    k_open, k_close = doc.sent_of(sp.start), doc.sent_of(max(sp.start, sp.end - 1))
    s_lo, s_hi = doc.sents[k_open][0], doc.sents[k_close][1]
    att = _attribute(doc, sp, k_open, k_close)
    named = not att.attached and (
        _name_like(view, sp, s_lo, s_hi)
        and not _governed(view, att, sp)
        or att.cue is not None
        and title_in_title_case(
            view, s_lo, s_hi, att.cue.end, sp.start, listed=att.cue.cls not in (None, "unlisted")
        )
    )
    line = headline_line(view, s_lo, s_hi)
    if (
        line is not None
        and not named
        and not view[line[0] : sp.start].strip()
        and label_quote(view, sp.start, sp.end, line[1])
    ):
        named = True  # "'Bachelor' star Juan Pablo slammed": the quote labels the next word
    if named:  # a title or name ("Winfrey announces end of 'Oprah'"), not speech
        att = _Attribution(None, False, False)
    n_words = len(re.findall(r"\w+", view[sp.start + 1 : sp.end - 1]))
    embedded = bool(re.search(r"\w", view[s_lo : sp.start])) and not att.attached_before
    around = embedded or bool(re.search(r"\w", view[sp.end : s_hi]))
    if named or (att.cue is None and n_words <= 4 and not sp.unbalanced and around):
        kind = "scare"
    elif embedded:
        kind = "fragment"
    else:
        kind = "quote"
    row = _Row(sp.start, sp.end, True, kind, sp.unbalanced, att.cue)
    if att.cue is None and kind != "scare":
        row.method, row.resolved = "carryover", _CARRY
    if att.cue is not None and att.attached:
        used_cues.add(att.cue.start)
    return row


def _mark_row(doc: _Doc, sp: Span) -> _Row:
    """The row of one pair of quote marks read without cues (a document in another language):
    ``scare`` when it has at most 4 words inside a sentence, ``fragment`` when words come
    before it in its sentence but not a colon (``Respuesta: "..."``), else ``quote``; no
    speaker."""
    view = doc.view
    k_open, k_close = doc.sent_of(sp.start), doc.sent_of(max(sp.start, sp.end - 1))
    s_lo, s_hi = doc.sents[k_open][0], doc.sents[k_close][1]
    n_words = len(re.findall(r"\w+", view[sp.start + 1 : sp.end - 1]))
    before = view[s_lo : sp.start].rstrip()
    embedded = bool(re.search(r"\w", before)) and not before.endswith(":")
    around = embedded or bool(re.search(r"\w", view[sp.end : s_hi]))
    if n_words <= 4 and not sp.unbalanced and around:
        kind = "scare"
    else:
        kind = "fragment" if embedded else "quote"
    return _Row(sp.start, sp.end, True, kind, sp.unbalanced, None)


def _indirect_rows(doc: _Doc, used_cues: set[int]) -> list[_Row]:
    """Reported speech: the clause of every cue not used up by a direct quote."""
    rows = []
    for k, (s, e, _, _) in enumerate(doc.sents):
        for c in doc.cues_in(k):
            if c.start in used_cues:
                continue
            c = _widened(doc, c, s, e)
            if c.np is None and c.np_side != "and":
                continue
            content = None
            line = headline_line(doc.view, s, e)
            if c.lemma not in doc.book.no_clause and not (line and thing_object(doc.view, c, e)):
                content = indirect_content(doc.text, doc.view, c, s, e, doc.book)
            if content is None:  # "Israel Urges Sanctions on Iran": a headline's object
                content = line and headline_object(doc.view, c, *line)
            if content is None:
                continue
            cs, ce = content
            if doc.inside_span(cs, ce):
                continue
            cs, ce = _without_suffix(doc, cs, ce)
            if len(re.findall(r"\w+", doc.view[cs:ce])) < 2:
                continue
            rows.append(_Row(cs, ce, False, "indirect", False, c))
    return rows


def _without_suffix(doc: _Doc, cs: int, ce: int) -> tuple[int, int]:
    """A claim's span without the document's own site name closing its line (``tariffs
    will stay - CNN`` on cnn.com, or a name that closes many of the corpus's headlines):
    the page title's suffix is no part of what was said."""
    if not doc.outlet:
        return cs, ce
    found = line_suffix(doc.view, cs, ce)
    if found is None or doc.view[found[2] : ce].strip(" \t.") != "":
        return cs, ce
    if not own_outlet(doc.view[found[1] : found[2]].split(), doc.outlet):
        return cs, ce
    return cs, len(doc.view[cs : found[0]].rstrip()) + cs


def _colon_rows(doc: _Doc, rows: list[_Row]) -> list[_Row]:
    """Headlines without quote marks or cues whose colon or last dash names the claim's
    speaker (``Court: File-swapping software not liable``, ``... victory - Cech``;
    :func:`.structure.colon_claim`), and sentences of first-person speech after a speaker's
    label (``Mary: I want ...``; :func:`.structure.speaker_label`)."""
    out: list[_Row] = []
    # a scare quote inside the claim leaves it to the colon or dash ("HS2: 'Crazy' not to
    # review project over soaring costs - Shapps"); a row with a cue or speech keeps the line
    taken = sorted(r.start for r in rows if not (r.kind == "scare" and r.cue is None))
    for s, e, _, _ in doc.sents:
        i = bisect.bisect_left(taken, s)
        label = speaker_label(doc.text, doc.view, s, e)
        if label is not None and not (i < len(taken) and taken[i] < e):
            (a, b), start = label
            cue = Cue(b, b, ":", ":", None, (a, b), "left")
            out.append(_Row(start, e, False, "indirect", False, cue))
            continue
        line = headline_line(doc.view, s, e)
        if line is None or line[0] != s:
            continue
        lo, hi = line
        i = bisect.bisect_left(taken, lo)
        if i < len(taken) and taken[i] < hi:
            continue
        found = colon_claim(doc.text, doc.view, lo, hi, outlet=doc.outlet)
        if found is not None:
            np_, (cs, ce), side = found
            cs, ce = _without_suffix(doc, cs, ce)
            at = np_[1] if side == "left" else np_[0]
            cue = Cue(at, at, ":", ":", None, np_, side)
            out.append(_Row(cs, ce, False, "indirect", False, cue))
    return out


def _widened(doc: _Doc, c: Cue, s: int, e: int) -> Cue:
    """The cue with the whole speaker phrase of ``CLAUSE, NP said.`` when the noun-phrase
    finder found none or only its end (``the country`` of ``the UN's envoy to the
    country``, ``industry report`` of ``an annual industry report``)."""
    if c.lemma == "according to" or c.np_side == "right" or c.np_side == "and":
        return c
    wide = comma_speaker(doc.view, s, e, c)
    if wide is None or c.np == wide:
        return c
    if c.np is not None and not wide[0] <= c.np[0] <= c.start:
        return c
    out = replace(c, np=wide, np_side="left")
    return c if mute_np(doc.text, doc.view, out, e) else out  # "storms, 45 deaths reported"


def _carry_over(doc: _Doc, r: _Row, k: int, para_first: dict[int, int], done: list[dict]) -> None:
    """A quote with no cue takes the speaker (and source) of the last attributed row
    of its paragraph, or of the paragraph before when it opens its paragraph."""
    para = doc.sents[k][3]
    paras = {para}
    f = para_first.get(para, 0)
    if f > 0 and not doc.view[doc.sents[f][0] : r.start].strip():
        paras.add(doc.sents[f - 1][3])
    p = None
    first_para = min(paras)
    for o in reversed(done):  # text order: the last attributed row of these paragraphs
        if o["_para"] < first_para:
            break  # earlier paragraphs only from here on (was a scan of every row: quadratic)
        if o["_para"] in paras and o["start"] < r.start and o["speaker_canonical_raw"]:
            p = o
            break
    if p is None:
        r.resolved, r.method = None, "none"
        return
    r.source_span = (p["source_start"], p["source_end"]) if p["source_start"] is not None else None
    r.resolved = p["speaker_canonical_raw"]
    r.speaker_span = (
        (p["speaker_start"], p["speaker_end"]) if p["speaker_start"] is not None else None
    )


def _remember(res: Resolver, r: _Row) -> None:
    """Keep the last speaker, person and organisation for pronouns and descriptions."""
    if not r.resolved or r.method == "none":
        return
    res.last = (r.resolved, r.speaker_span or (r.start, r.start))
    if (
        " and " not in r.resolved
        and not org_shaped(r.resolved)
        and (len(r.resolved.split()) >= 2 and r.method != "description" or r.method in ("surname",))
    ):
        res.last_person = r.resolved
    elif r.method == "description" or len(r.resolved.split()) == 1:
        res.last_org = r.resolved


_MARKS = " \t'`\"\u2018\u2019\u201c\u201d"


def without_marks(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` less the quote marks and spaces at its ends: a PTB-tokenised text's `` and ''
    stand apart from the words (``, '' the agency 's director Christopher Wray said``).

    >>> t = "'' the agency 's director"
    >>> a, b = without_marks(t, (0, len(t)))
    >>> t[a:b]
    "the agency 's director"
    """
    a, b = span
    while a < b and text[a] in _MARKS:
        a += 1
    while b > a and text[b - 1] in _MARKS and not text[a:b].endswith(("s'", "s\u2019")):
        b -= 1
    return (a, b) if a < b else span


def _row_dict(doc: _Doc, r: _Row, k: int) -> dict[str, Any]:
    rc = r.cue
    ss, se = r.speaker_span if r.speaker_span else (None, None)
    rs, re_ = r.source_span if r.source_span else (None, None)
    has_cue = rc is not None and rc.end > rc.start
    return {
        "doc_id": doc.doc_id,
        "_para": doc.sents[k][3],
        "sent_id": doc.sents[k][2],
        "quote": doc.text[r.start : r.end],
        "speaker": doc.text[ss:se] if ss is not None else None,
        "speaker_canonical_raw": r.resolved,
        "speaker_method": r.method if r.resolved else "none",
        "cue": (doc.view[rc.start : rc.end] or None) if rc is not None else None,
        "cue_class": rc.cls if rc is not None else None,
        "direct": r.direct,
        "kind": r.kind,
        "unbalanced": r.unbalanced,
        "start": r.start,
        "end": r.end,
        "speaker_start": ss,
        "speaker_end": se,
        "cue_start": rc.start if has_cue and rc is not None else None,
        "cue_end": rc.end if has_cue and rc is not None else None,
        "source_start": rs,
        "source_end": re_,
        "source_text": doc.text[rs:re_] if rs is not None else None,
    }


def _resolve_speakers(doc: _Doc, rows: list[_Row], res: Resolver) -> list[dict[str, Any]]:
    """Speaker and source span of every row, in text order (pronouns look back)."""
    para_first: dict[int, int] = {}  # paragraph -> index of its first sentence
    for i, (_, _, _, pid) in enumerate(doc.sents):
        para_first.setdefault(pid, i)
    done: list[dict[str, Any]] = []
    attributed: list[dict[str, Any]] = []  # the rows of done with a speaker, for carry-over
    for r in rows:
        k = doc.sent_of(r.start)
        rc = r.cue
        if rc is not None and rc.np is None and rc.np_side == "and":
            # coordinated verb ("Zhai commended X and said ..."): subject of the sentence
            subj = [o for o in doc.cues_in(k) if o.np is not None and o.start < rc.start]
            rc.np = subj[-1].np if subj else res.subject_in(doc.sents[k][0], rc.start)
            if rc.np is None:  # "Experts raise questions and warn ...": the sentence's subject
                rc.np = subject_np(doc.text, doc.sents[k][0], rc.start)
        if r.resolved == _CARRY:
            _carry_over(doc, r, k, para_first, attributed)
        elif rc is not None and rc.np is not None:
            rc.np = r.speaker_span = without_marks(doc.text, rc.np)
            r.resolved, r.method = res.resolve(rc.np)
            if r.method == "cue_adjacent" and rc.np_side == "and":
                r.method = "coordination"
            elif r.method == "cue_adjacent" and rc.cls == "unlisted":
                r.method = "headline_verb"
        if rc is not None and r.source_span is None and rc.end > rc.start:
            kc = doc.sent_of(rc.start)
            s, e = doc.sents[kc][0], doc.sents[kc][1]
            r.source_span = find_source_span(doc.text, doc.view, s, e, rc, doc.cues_in(kc))
        _remember(res, r)
        done.append(_row_dict(doc, r, k))
        if done[-1]["speaker_canonical_raw"]:
            attributed.append(done[-1])
    return done


def _canonical_names(doc: _Doc, rows: list[dict[str, Any]], res: Resolver) -> None:
    """Canonical speaker and source names with the document's context, in place."""
    context = SpeakerContext()  # canonical speakers so far: "the ministry" after "Russian ..."
    sources: list[str] = []
    home = dateline_country(doc.text)
    for row in rows:
        raw = row.pop("speaker_canonical_raw")
        if raw and " and " in raw:
            parts = [canonical_in_context(p, context, home, res) for p in raw.split(" and ")]
            row["speaker_canonical"] = " and ".join(
                c or p for c, p in zip(parts, raw.split(" and "), strict=True)
            )
            hit = all(c is not None for c in parts)
        else:
            canon = canonical_in_context(raw, context, home, res)
            hit = canon is not None
            row["speaker_canonical"] = canon or (raw and longer_name(raw, context)) or raw
        if row["speaker_canonical"] is None:
            row["speaker_method"] = "none"
        row["speaker_resolved"] = bool(row["speaker_canonical"]) and (
            hit or is_named(row["speaker_canonical"])
        )
        if row["speaker_resolved"] and not hit and party_description(row["speaker"]):
            row["speaker_resolved"] = False  # "the California Republican": described, not named
        if row["speaker_resolved"]:
            context.append(row["speaker_canonical"])
        src = row["source_start"]
        row["source"] = (
            source_name(doc.text[src : row["source_end"]], context, home, res, sources, src)
            if src is not None
            else None
        )
        if row["source"]:
            sources.append(row["source"])


def doc_quotes(
    text: str,
    sentences: Sequence[tuple[int, int, int, int]],
    *,
    doc_id: str = "",
    verbs: str | Path | None = None,
    outlet: str | None = None,
    attribute: bool = True,
) -> list[dict[str, Any]]:
    """Return the quote rows of one document (pure function: text in, rows out).

    Phases: pair the quote marks, attribute each pair to a cue (direct rows),
    read the clauses of the other cues (indirect rows), resolve speakers and
    sources in text order, then give them canonical names in context.

    Parameters
    ----------
    text : str
        The cleaned text of one document.
    sentences : sequence of (sent_id, para_id, start, end)
        Its sentences, as in :func:`corpus_tools.sentences`.
    doc_id : str
        Copied into the rows (and into log messages).
    verbs : str or Path, optional
        A reporting-verb YAML file; default the shipped one.
    outlet : str, optional
        The document's outlet (a name or a host: ``Reuters``, ``cnn.com``). A news medium
        after a headline's last dash is then told apart: the document's own outlet is a page
        title's suffix, never a speaker (``... - CNN`` on cnn.com); another medium is the
        claim's source (``... - FT`` on reuters.com). Unknown (None): a one-word medium after
        a quote is read as its speaker, a medium after an unquoted claim as none.
    attribute : bool
        False: pair the quote marks only, with no cue, speaker, source nor indirect speech
        (the rules read English; :func:`quotes` passes False for a document in another
        language). A pair of up to 4 words inside a sentence is then ``scare``.

    Returns
    -------
    list of dict
        Rows with the keys of ``QUOTE_COLUMNS``, in text order.

    Examples
    --------
    >>> from corpus_tools.tokenize import split_sentences
    >>> t = '"We are ready," Geng said. He added that talks would go on.'
    >>> sents = [(i, p, s, e) for i, (p, s, e) in enumerate(split_sentences(t))]
    >>> [(r["quote"], r["speaker"], r["cue"]) for r in doc_quotes(t, sents)]
    [('"We are ready,"', 'Geng', 'said'), ('talks would go on', 'He', 'added')]
    """
    fold(text)  # a CorpusValueError naming text= when it is not a str (a missing value)
    doc = _read_doc(text, sentences, doc_id, verbs, outlet)
    if not doc.sents:
        return []
    used_cues: set[int] = set()
    if not attribute:
        rows = [_mark_row(doc, sp) for sp in doc.spans]
    else:
        rows = [_direct_row(doc, sp, used_cues) for sp in doc.spans]
        rows = _drop_shadowed(rows + _indirect_rows(doc, used_cues))
        rows += _colon_rows(doc, rows)
    rows.sort(key=lambda r: (r.start, r.end, not r.direct))
    res = Resolver(text, doc.sents)
    out = _resolve_speakers(doc, rows, res)
    _canonical_names(doc, out, res)
    return [{col: o[col] for col in QUOTE_COLUMNS} for o in out]


_FUNCTION_WORDS = frozenset("a an and at de for in of on the to".split())
#: Small words a title keeps in lower case inside its capitalised words (``'Justice with
#: Judge Jeanine'``); only the quote's own words are read with them.
_TITLE_SMALL = _FUNCTION_WORDS | frozenset("as but by from nor or vs with".split())
#: First and second person pronouns: a long capitalised quote holding one is speech.
_PERSONAL = frozenset("i we you me us my our your i'm we're i'd we'll".split())


def _name_like(view: str, sp: Span, s_lo: int, s_hi: int) -> bool:
    """Quoted words that are a name or title in a sentence-case line.

    Every word of the quote is capitalised (or a number, or a function word),
    while the words around it are not: ``'Oprah'``, ``"Brian Mulroney:
    Memoirs 1939-1993"``, ``'Happy Holidays'``. In a Title Case headline
    nothing can be told apart, so nothing is.
    """
    inner = [w for w in re.findall(r"[^\W_][\w'-]*", view[sp.start + 1 : sp.end - 1])]
    if not view[s_lo : sp.start].strip():
        inner = inner[1:]  # the first word of a line is capitalised anyway
    content = [w for w in inner if w.lower() not in _TITLE_SMALL]
    if not content or not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return False
    if len(inner) > 4 and any(w.lower() in _PERSONAL for w in inner):
        return False  # "'American Comeback Story: It Fits & We Feel It'": a speaker's clause
    around = re.findall(r"[^\W\d_][\w'-]*", view[s_lo : sp.start] + " " + view[sp.end : s_hi])
    return any(w[:1].islower() and w.lower() not in _FUNCTION_WORDS for w in around)


def _governed(view: str, att: _Attribution, sp: Span) -> bool:
    """The quote is the cue's complement: ``warn of 'Chavenization'``, ``denies 'X'``
    (a reporting verb's, not a verb found only by its form: ``launches 'Unlimited'``)."""
    c = att.cue
    if c is None or c.end > sp.start or c.cls == "unlisted":
        return False
    gap = view[c.end : sp.start]
    return re.fullmatch(r"\s*(?:of|for|about|against|on|as)?\s*", gap, re.IGNORECASE) is not None


def _own_name(toks: list[tuple[int, int, str]]) -> bool:
    """The words are a person's name (:func:`.structure.person_name`), not a possessor
    (``Lauren Boebert's 'Jihad Squad'``: the quote is the possessed thing's)."""
    words = [t[2] for t in toks]
    return person_name(words) and not words[-1].endswith(("'s", "\u2019s"))


@lru_cache(maxsize=1)
def _head_left() -> re.Pattern:
    """``X: 'quote'`` at the start of a line; X is capitalised words, and lower-case
    role nouns after them ("Bristol campaigners:", "Rights groups:")."""
    roles = sorted(ROLE_NOUNS | TITLES | ORG_HEADS, key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w) for w in roles)
    head = rf"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|and|the|de|al-\w+|(?:{alt})\b)){{0,6}}"
    return re.compile(rf"\s*({head})(?:\s+(?:to|on|over|about)\s+{head})?\s*:\s")


#: after a label's colon: a name of two or three words, a comma, the person's job (and
#: employer, place) and the colon right before the quote
_NAME_JOB_COLON = re.compile(
    r"\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,2}),\s*([^,:\n]{2,80})[^:\n]{0,200}:\s*$"
)


def _labelled_name(text: str, before: str, s_lo: int, mh: re.Match[str]) -> tuple[int, int] | None:
    """The speaker after a label (:func:`.structure.label_head`) in ``LABEL: NAME, JOB,
    EMPLOYER, PLACE: 'quote'`` (a wire's reaction round-up: ``COMMENTS: OMER ESINER, CHIEF
    MARKET ANALYST, COMMONWEALTH FOREIGN EXCHANGE, WASHINGTON: "..."``): the name, when
    none of its words is a job and the part after its comma names one."""
    if not label_head(mh.group(1).split()):
        return None
    m = _NAME_JOB_COLON.match(before, mh.end())
    if m is None:
        return None
    jobs = ROLE_NOUNS | TITLES | ORG_HEADS
    if any(w.lower() in jobs for w in m.group(1).split()):
        return None
    if not any(w.lower().strip(".") in jobs for w in m.group(2).split()):
        return None
    return s_lo + m.start(1), s_lo + m.end(1)


_HEAD_SEP_RE = re.compile(r"\s*(?::|\u2013|\u2014|\s-{1,2})\s")
_HEAD_RIGHT = re.compile(
    r"\s*(?::|\u2013|\u2014|-{1,2})\s+([^\n:\u2013\u2014?]{1,60}?)\s*[.!]?\s*$"
)


def _asked(view: str, s_lo: int, s_hi: int, sp: Span) -> bool:
    """A headline asking a question about quoted words after a colon (``Qualcomm: A
    "Wireless Intel"?``): the colon's head is the topic, not the quote's speaker."""
    line = headline_line(view, s_lo, s_hi)
    if line is None or not view[line[0] : line[1]].rstrip().endswith("?"):
        return False
    before = view[line[0] : sp.start]
    colon = before.rfind(": ")
    return colon >= 0 and bool(before[colon + 2 :].strip())


def _headline_speaker(
    text: str,
    view: str,
    s_lo: int,
    s_hi: int,
    sp: Span,
    forms: Mapping[str, str],
    outlet: str | None = None,
) -> Cue | None:
    """Speaker by headline punctuation, when no reporting verb attributes the quote.

    ``X: 'quote'`` and ``Country A to Country B: 'quote'`` (the speaker before
    the colon, which ends right before the quote); ``'quote': X`` and
    ``'quote' – X`` (a colon or dash after the quote, then a short speaker
    phrase ending the sentence). Only within one line; a headline the sentence splitter cut
    at an abbreviation (``J.C. Penney stock booster: 'X'``) is read from the line's start.
    """
    line = headline_line(view, s_lo, s_hi)
    s_lo = line[0] if line is not None else s_lo
    before = view[s_lo : sp.start]
    if "\n" not in before:
        if title_case(view, s_lo, s_hi):
            head = title_case_head(view, s_lo, sp.start, forms)
            if (
                head is not None
                and not label_head(view[head[0] : head[1]].split())
                and not not_speaker_np(text, head)  # "The published books include:"
            ):
                return Cue(head[1], head[1], ":", ":", None, head, "left")
        mh = _head_left().match(before)
        named_after = _labelled_name(text, before, s_lo, mh) if mh else None
        if named_after is not None:  # "COMMENTS: OMER ESINER, CHIEF ANALYST, ...: 'quote'"
            return Cue(named_after[1], named_after[1], ":", ":", None, named_after, "left")
        if (
            mh
            and not label_head(mh.group(1).split())
            and not feature_colon(before, before.index(":", mh.end(1)))
        ):
            span = (s_lo + mh.start(1), s_lo + mh.end(1))
            named = word_spans(text, s_lo + mh.end(), sp.start)
            if _own_name(named):  # "Wilko: Lisa Wilkinson 'devastated'"
                span = (named[0][0], named[-1][1])
            elif topic_head(word_spans(text, *span)):
                return None  # "Renting: 'We were kicked out ...'": a topic, then a vox pop
            return Cue(span[1], span[1], ":", ":", None, span, "left")
    after_end = view.find("\n", sp.end, s_hi)
    after_end = s_hi if after_end < 0 else after_end
    mr = _HEAD_RIGHT.match(view, sp.end, after_end)
    if mr is None:  # "Tighten 'noose' so Osama can't operate: Obama": the last separator
        seps = list(_HEAD_SEP_RE.finditer(view, sp.end, after_end))
        mr = _HEAD_RIGHT.match(view, seps[-1].start(), after_end) if seps else None
    if mr:
        np_ = right_np(text, mr.start(1), mr.end(1))
        if np_ is not None and np_[1] == mr.end(1) and title_case(view, s_lo, s_hi):
            np_ = title_case_subject(view, np_[0], np_[1], forms)  # "'X': Koala Rescuers Share"
        elif np_ is not None and np_[1] != mr.end(1):
            np_ = None
        if np_ is not None and title_suffix(text[np_[0] : np_[1]].split(), outlet):
            np_ = None  # "'X' ... - The Moscow Times": the site's name
        if np_ is not None:
            return Cue(mr.start(1), mr.start(1), ":", ":", None, np_, "right")
    if line is not None and "\n" not in before:
        np_ = lead_quote_subject(text, view, s_lo, line[1], sp)
        if np_ is not None:  # "'Not punishment': Pakistan coach breaks silence on ..."
            return Cue(np_[0], np_[0], ":", ":", None, np_, "right")
    return None


def coverage(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int], list[int]]:
    """The running count of spans covering each position, for :func:`covered_length`:
    ``(positions, covered length before each, spans covering from each on)``.

    >>> coverage([(2, 6), (4, 8)])
    ([2, 4, 6, 8], [0, 2, 6, 8], [1, 2, 1, 0])
    """
    delta: dict[int, int] = {}
    for s, e in spans:
        if e > s:
            delta[s] = delta.get(s, 0) + 1
            delta[e] = delta.get(e, 0) - 1
    xs = sorted(delta)
    before: list[int] = []
    depth: list[int] = []
    total = count = 0
    for i, x in enumerate(xs):
        total += count * (x - xs[i - 1]) if i else 0
        count += delta[x]
        before.append(total)
        depth.append(count)
    return xs, before, depth


def covered_length(cov: tuple[list[int], list[int], list[int]], lo: int, hi: int) -> int:
    """``sum(max(0, min(hi, e) - max(lo, s)) for s, e in spans)`` from :func:`coverage`.

    >>> cov = coverage([(2, 6), (4, 8)])
    >>> covered_length(cov, 0, 10), covered_length(cov, 5, 7), covered_length(cov, 8, 9)
    (8, 3, 0)
    """

    def upto(x: int) -> int:  # covered length (with multiplicity) of [.., x)
        xs, before, depth = cov
        i = bisect.bisect_right(xs, x) - 1
        return 0 if i < 0 else before[i] + depth[i] * (x - xs[i])

    return max(0, upto(hi) - upto(lo)) if hi > lo else 0


def _drop_shadowed(rows: list[_Row]) -> list[_Row]:
    """Drop indirect rows that repeat a direct quote or wrap another report."""
    cov = coverage((r.start, r.end) for r in rows if r.direct and r.kind == "quote")
    cue_starts = sorted(r.cue.start for r in rows if not r.direct and r.cue is not None)
    keep = []
    for r in rows:
        if not r.direct:
            if covered_length(cov, r.start, r.end) * 2 > r.end - r.start:
                continue
            if r.cue is not None and r.cue.lemma == "according to":
                n = bisect.bisect_left(cue_starts, r.end) - bisect.bisect_left(cue_starts, r.start)
                if n - (r.start <= r.cue.start < r.end) > 0:  # another report's cue inside
                    continue
        keep.append(r)
    return keep


def sentences_by_doc(corpus: Corpus) -> dict[str, list[tuple[int, int, int, int]]]:
    """``doc_id -> [(sent_id, para_id, start, end), ...]`` for every document (empty lists kept).

    >>> import pandas as pd, corpus_tools as ct
    >>> sentences_by_doc(ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["One. Two."]})))
    {'a': [(0, 0, 0, 4), (1, 0, 5, 9)]}
    """
    return {d: sents for d, _, sents in doc_sentences(corpus)}


_SENT_BATCH = 2000  # documents whose sentence tuples exist at once in doc_sentences


def doc_sentences(corpus: Corpus) -> Iterator[tuple[str, str, list[tuple[int, int, int, int]]]]:
    """``(doc_id, text, [(sent_id, para_id, start, end), ...])`` of each document in corpus
    order, read from the cached sentence spans (no sentence texts made) a batch of documents
    at a time: the tuples of one batch exist at once, not the corpus's.

    >>> import pandas as pd, corpus_tools as ct
    >>> list(doc_sentences(ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["One. Two."]}))))
    [('a', 'One. Two.', [(0, 0, 0, 4), (1, 0, 5, 9)])]
    """
    rows, first = sentence_spans(corpus)
    ids, col = corpus.docs["doc_id"], corpus.docs["text"]
    for i in range(0, len(col), _SENT_BATCH):
        texts = col.iloc[i : i + _SENT_BATCH].tolist()
        names = ids.iloc[i : i + _SENT_BATCH].tolist()
        lo, hi = int(first[i]), int(first[i + len(texts)])
        para, start, end = (rows[lo:hi, k].tolist() for k in range(3))
        bounds = (first[i : i + len(texts) + 1] - lo).tolist()
        for k, (doc_id, text) in enumerate(zip(names, texts, strict=True)):
            a, b = bounds[k], bounds[k + 1]
            yield (
                doc_id,
                text,
                list(zip(range(b - a), para[a:b], start[a:b], end[a:b], strict=True)),
            )


_INT_NULL = ("speaker_start", "speaker_end", "cue_start", "cue_end", "source_start", "source_end")


def _quote_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    for c in ("sent_id", "start", "end"):
        df[c] = df[c].astype("int64")
    for c in _INT_NULL:
        df[c] = df[c].astype("Int64")
    for c in ("direct", "unbalanced", "speaker_resolved"):
        df[c] = df[c].astype(bool)
    for c in (
        "doc_id",
        "quote",
        "speaker",
        "speaker_canonical",
        "speaker_method",
        "source",
        "source_text",
        "cue",
        "cue_class",
        "kind",
    ):
        df[c] = df[c].astype(object)
        df[c] = df[c].where(df[c].notna(), None)
    return df


def _outlets(corpus: Corpus) -> dict[str, str]:
    """The outlet of each document that has one (a str that is not blank)."""
    docs = corpus.docs
    if "outlet" not in docs.columns:
        return {}
    return {
        str(d): o.strip()
        for d, o in zip(docs["doc_id"], docs["outlet"], strict=True)
        if isinstance(o, str) and o.strip()
    }


def _suffix_outlets(corpus: Corpus, outlets: Mapping[str, str]) -> dict[str, str]:
    """For documents without an outlet: the site name closing their first line when many
    headlines of the corpus close with it (:func:`.structure.recurring_suffixes`), read as the
    document's outlet, so that ``... - Ars Technica`` is neither a speaker nor part of a claim."""
    found: dict[str, str | None] = {}  # each document's first line's site name, found once
    for doc_id, text in corpus:
        if doc_id not in outlets and isinstance(text, str):
            found[doc_id] = suffix_name(text.partition("\n")[0])
    names = recurring_names(list(found.values()))
    return {doc_id: name for doc_id, name in found.items() if name is not None and name in names}


def quotes(corpus: Corpus, *, verbs: str | Path | None = None) -> pd.DataFrame:
    """Return direct quotes and indirect (reported) speech with their speakers.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    verbs : str or Path, optional
        Your own reporting-verb YAML (schema of ``data/reporting_verbs.yml``).

    Returns
    -------
    pandas.DataFrame
        One row per quote, ordered by document (corpus order), then ``start``, ``end``, direct
        before indirect. Columns:

        - ``doc_id`` (str), ``sent_id`` (int): the sentence where the quote starts;
        - ``quote`` (str): ``text[start:end]``; direct quotes include their marks;
        - ``speaker`` (str or None): the speaker mention as written
          (``text[speaker_start:speaker_end]``; for carryover the antecedent);
        - ``speaker_canonical`` (str or None): the resolved speaker (titles stripped,
          surname/pronoun/description resolved, then the actor gazetteer's canonical name where
          it knows one); a bare institution takes its country from the document: ``the Foreign
          Ministry`` after ``the Russian Foreign Ministry``, or in a story datelined ``MOSCOW,
          ...``, is ``Russian Foreign Ministry``;
        - ``speaker_method``: ``cue_adjacent``, ``surname``, ``pronoun``, ``description``,
          ``coordination``, ``carryover`` or ``none``;
        - ``speaker_resolved`` (bool): the speaker is a named actor (a gazetteer entry or a
          proper name); False for generic or unresolved speakers (``the parties``,
          ``officials``, ``a spokesman``), which are kept but never used as actors
          (:func:`stance_triples` skips them);
        - ``source`` (str or None): where the words came from when the text says so, apart
          from who spoke them (``according to X``, ``citing X``, ``X's statement said``, ``told
          Reuters``, ``the paper quoted X as saying``), carried over with the speaker; a name,
          as ``speaker_canonical`` is: the canonical actor, a document's issuer (``Russia's
          foreign ministry statement`` -> ``Russian Foreign Ministry``, ``A major UN report``
          -> ``United Nations``) or its own words (``a joint statement`` -> ``joint statement``);
        - ``source_text`` (str or None): the source as written, always
          ``text[source_start:source_end]`` (the evidence behind ``source``);
        - ``cue`` (str or None), ``cue_class`` (class in reporting_verbs.yml);
        - ``direct`` (bool); ``kind``: ``quote``, ``fragment`` (a partial quote inside a
          sentence), ``scare`` (<= 4 words, no cue) or ``indirect``; ``unbalanced`` (bool: a
          quote mark without partner, closed at the paragraph end);
        - ``start``, ``end`` (int), ``speaker_start``, ``speaker_end``, ``cue_start``,
          ``cue_end``, ``source_start``, ``source_end`` (nullable Int64): offsets into the
          cleaned text.

    Notes
    -----
    Rules, not a parser: conventions and failure modes are listed in
    :mod:`corpus_tools.quotes.extract`. Quote marks are paired in any language, but cues,
    speakers, sources and indirect speech are read in English only: a document in another
    language (:func:`corpus_tools.languages.other_language_rows`) keeps its quote rows with no
    cue, speaker or source, and no indirect rows, counted in ``attrs["other_language_rows"]``
    (``{"ar": 2307}``; a warning: :func:`corpus_tools.languages.enough_other_language`).

    References
    ----------
    Bergler (1992); Krestel, Bergler & Witte (2008); O'Keefe et al. (2012).

    See Also
    --------
    cue_rates : share of each reporting-verb class per outlet or speaker.
    stance_triples : holder -> target claims built from these rows.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "“We will act,” the minister said. Russia said talks had failed."]}))
    >>> quotes(c)[["quote", "speaker", "cue", "direct"]].values.tolist()
    [['“We will act,”', 'the minister', 'said', True], ['talks had failed', 'Russia', 'said', False]]
    """
    require_corpus(corpus, "quotes")
    parts, other, docs = _quote_rows(corpus, verbs)
    df = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    df.attrs["other_language_rows"] = dict(other)
    if enough_other_language(sum(other.values()), len(df)):
        _warn_english_only(other, docs, len(df))
    return df


def _quote_rows(
    corpus: Corpus, verbs: str | Path | None
) -> tuple[list[pd.DataFrame], Counter[str], Counter[str]]:
    """Every document's quote rows as tables of :data:`_ROWS_BATCH` rows or more (a dict per
    row for the corpus: ~1 KB a quote), and for documents guessed to be in another language
    than English (read without cues): their rows and documents by language."""
    outlets = _outlets(corpus)
    outlets.update(_suffix_outlets(corpus, outlets))
    lang_of = {k: lang for lang, ks in other_language_rows(corpus, "en").items() for k in ks}
    rows: list[dict[str, Any]] = []
    parts: list[pd.DataFrame] = []
    other: Counter[str] = Counter()  # language -> rows of documents in another language
    docs: Counter[str] = Counter()
    for k, (doc_id, text, sents) in enumerate(doc_sentences(corpus)):  # a batch of docs at a time
        lang = lang_of.get(k)
        found = doc_quotes(
            text,
            sents,
            doc_id=doc_id,
            verbs=verbs,
            outlet=outlets.get(doc_id),
            attribute=lang is None,
        )
        if found and lang is not None:
            other[lang] += len(found)
            docs[lang] += 1
        rows.extend(found)
        if len(rows) >= _ROWS_BATCH:
            parts.append(_quote_frame(rows))
            rows = []
    if rows or not parts:
        parts.append(_quote_frame(rows))
    return parts, other, docs


_ROWS_BATCH = 50_000  # quote rows kept as dicts before they become a table


def _warn_english_only(other: Counter[str], docs: Counter[str], n_rows: int) -> None:
    """Say that rows of documents in other languages were read without English cues."""
    n = sum(other.values())
    langs = ", ".join(f"{lang} {k:,} in {docs[lang]:,}" for lang, k in other.most_common(5))
    warnings.warn(
        f"quotes: {n:,} of {n_rows:,} rows are in {sum(docs.values()):,} documents in another "
        f"language than English ({langs}; guessed from their words, see ct.languages(corpus)). "
        "Quote marks are paired in any language, but reporting verbs, speakers, sources and "
        "indirect speech are read in English only (data/reporting_verbs.yml): those rows are "
        "quotation marks with no cue, speaker or source, not attributed quotes. Rows per "
        "language: attrs['other_language_rows'].",
        CorpusToolsWarning,
        stacklevel=2,
    )
