"""Prose the line features cannot judge: comment threads after the article, wire ledes.

The text-block classifier (:mod:`corpus_tools.blocks`) finds the article as the
run of lines with the most prose. Reader comments are prose too, so on a page
that prints its comment thread right after the article the run goes on over
the thread. What gives a thread away in text is its **signatures**: every
comment is signed with a name and a date or time in the same frame
("Posted by: Sean | Jan 10, 2008 4:49:12 PM", "TonyZ (6 days ago)",
"Jane says: May 3, 2019 at 6:34 am"). A line is a signature when it is short,
carries a date or time (a number with a month, weekday, am/pm or "ago", or a
clock time or numeric date; a year alone, "October 2024", dates no moment) and one to six other words (the name); signatures
are of one frame when they are the same once names are left out and numbers,
months and weekdays are generalised. Three or more signatures of one frame,
with comments between them, after the first paragraph the classifier kept,
with a comment cue in the frame ("posted", "says", "ago") or a heading before
the first one ("Comments", "12 responses"), are a thread: its kept lines go as
``block:comments``, from the first comment to the last. Which side of its text
a signature stands on is read from the page: when prose follows the last
signature, signatures head their comments and that last comment goes too;
otherwise they close them, and the first comment (the prose right before the
first signature, back to a line that is not prose, at most as long as the
longest comment between two signatures) goes; with no such line, nothing
before the first signature goes (it may be the article's last paragraph).

A list of dated items without names (a timeline, tour dates, results) has no
signatures; a quoted tweet or a byline repeated by teasers has no cue and no
heading; a thread with fewer than three signed comments is left alone. Posts
signed "by" one and the same name ("posted by Nate Johnson @ 12:30 AM 23 comments"
under each post of a blog's front page or an author's archive) are the page's own
text, not a thread of readers' comments: they stay (an "Anonymous" signer, words of
``anonymous_names``, is no one author).

:func:`dateline_ledes` works the other way: a wire lede ("EUGENE, Ore. (AP) -
...") that the classifier removed right above the body is kept, and so is a wire
brief's dateline right under its headline with the figures below it
(:func:`dateline_briefs`: "SINGAPORE, March 28 - Shr 8.43 cts vs 9.61 cts").
Settings and words: ``data/cleaning_prose.yml``.

Every removal is a ``(rule, detail)`` pair as the classifier returns them, so
``clean_text`` logs it like any classifier decision and ``reconstruct`` stays
exact (lines are removed whole).
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from ._data import read_yaml, settings_sections, string_list
from .blocks import (
    BlockSettings,
    classify_lines,
    document_settings,
    line_features,
    load_block_settings,
    wrap_width,
    wraps,
)
from .errors import DataFileError

__all__ = [
    "ProseSettings",
    "load_prose_settings",
    "comment_threads",
    "classify_page_lines",
    "sentence_ledes",
]


@dataclass(frozen=True)
class ProseSettings:
    """Thresholds of :func:`comment_threads` (``data/cleaning_prose.yml``)."""

    min_signatures: int = 3
    max_signature_tokens: int = 16
    max_name_words: int = 6
    min_prose_words: int = 5
    months: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    meridiem: frozenset[str] = frozenset()
    relative: frozenset[str] = frozenset()
    frame_words: frozenset[str] = frozenset()
    signature_cues: frozenset[str] = frozenset()
    thread_headings: frozenset[str] = frozenset()
    max_heading_words: int = 6
    joining_words: frozenset[str] = frozenset()
    max_link_words: int = 6
    min_fragment_pairs: int = 3
    min_lead_words: int = 6
    max_list_lines: int = 200
    max_signature_gap: int = 50
    min_lede_words: int = 8
    max_lede_lines: int = 2
    min_lede_stopword_pct: int = 25
    max_lede_capital_pct: int = 60
    anonymous_names: frozenset[str] = frozenset()


_INT_KEYS = (
    "min_signatures",
    "max_signature_tokens",
    "max_name_words",
    "min_prose_words",
    "max_heading_words",
    "max_link_words",
    "min_fragment_pairs",
    "min_lead_words",
    "max_list_lines",
    "max_signature_gap",
    "min_lede_words",
    "max_lede_lines",
    "min_lede_stopword_pct",
    "max_lede_capital_pct",
)
_LIST_KEYS = (
    "months",
    "weekdays",
    "meridiem",
    "relative",
    "frame_words",
    "signature_cues",
    "thread_headings",
    "joining_words",
    "anonymous_names",
)


def _parse(data: Any, fname: str) -> ProseSettings:
    th = settings_sections(data, fname, _LIST_KEYS)
    kw: dict[str, Any] = {}
    for k, v in th.items():
        if k not in _INT_KEYS:
            raise DataFileError(f"{fname}: unknown threshold {k!r}; allowed: {list(_INT_KEYS)}.")
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise DataFileError(f"{fname}: threshold {k!r} must be a whole number >= 1, got {v!r}.")
        kw[k] = v
    for key in _LIST_KEYS:
        kw[key] = frozenset(x.casefold() for x in string_list(data, fname, key))
    return ProseSettings(**kw)


@lru_cache(maxsize=1)
def _default_settings() -> ProseSettings:
    data, fname = read_yaml(None, default="cleaning_prose.yml", what="prose chrome file")
    return _parse(data, fname)


def load_prose_settings(path: str | None = None) -> ProseSettings:
    """Read the settings of :func:`comment_threads` (default: the shipped file).

    Examples
    --------
    >>> s = load_prose_settings()
    >>> s.min_signatures, "jan" in s.months, "ago" in s.relative
    (3, True, True)
    """
    if path is None:
        return _default_settings()
    data, fname = read_yaml(path, default="cleaning_prose.yml", what="prose chrome file")
    return _parse(data, fname)


_SENTENCE_END = (".", "!", "?", '"', "\u201d", "'", "\u2019")
_TOKEN_RE = re.compile(
    r"\d+(?:[:/.-]\d+)*(?:am|pm|st|nd|rd|th)?|[^\W\d_]+(?:\.[^\W\d_]\b\.?)?|[|:()@]"
)
_ASCII_DIGIT_RE = re.compile(r"[0-9]")
#: a year, as a signature's date gives it ("2012"): a number, not a day or a time
_YEAR_RE = re.compile(r"\d{4}")
_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})\b|\d{4}-\d{2}-\d{2}")


#: a whitespace-separated chunk holding a letter or digit (after chunks without one); each
#: such chunk holds at least one _TOKEN_RE token and tokens never span whitespace, and
#: casefold keeps every character's whitespace-ness and letter/digit-ness (checked over
#: all code points), so N such chunks mean N or more tokens in ``view.casefold()``
_ALNUM_CHUNK = r"(?:(?:[^\w\s]|_)++\s++)*+(?:[^\w\s]|_)*+[^\W_]\S*+"


@lru_cache(maxsize=8)
def _many_chunks(n: int) -> re.Pattern[str]:
    """Matches a text that starts with ``n`` chunks holding a letter or digit (linear:
    every quantifier is possessive)."""
    return re.compile(r"\s*+(?:" + _ALNUM_CHUNK + r"\s++){" + str(n - 1) + "}" + _ALNUM_CHUNK)


#: frames of the views seen with the default settings (comment_threads and
#: _signed_lines_kept read the same lines; a page repeats its menus); bounded
_FRAMES: dict[str, tuple[str, ...] | None] = {}
_FRAMES_MAX = 20_000


_UNSEEN = object()
#: views (default settings) that _frame found dated but naming no one: the date lines of
#: :func:`_name_above_frame`; filled and cleared with _FRAMES
_NAMELESS: set[str] = set()


def signature_frame(view: str, s: ProseSettings | None = None) -> tuple[str, ...] | None:
    """The frame of a signature line, or None when the line is not one.

    Examples
    --------
    >>> signature_frame("Posted by: Sean | Jan 10, 2008 4:49:12 PM")
    ('posted', 'by', ':', '|', 'M', '0', '0', 'T', 'P')
    >>> signature_frame("TonyZ (6 days ago)")
    ('(', '0', 'days', 'ago', ')')
    >>> signature_frame("January 10, 2008") is None  # a date without a name
    True
    >>> signature_frame("The talks resumed on Jan 10 after a pause of a month.") is None
    True
    """
    default = _default_settings()
    if s is not None and s is not default:
        return _frame(view, s)
    # remembered (no closure or helper call per line: every line of a page comes here)
    got = _FRAMES.get(view, _UNSEEN)
    if got is _UNSEEN:
        if len(_FRAMES) >= _FRAMES_MAX:
            _FRAMES.clear()
            _NAMELESS.clear()
        got = _FRAMES[view] = _frame(view, default, _NAMELESS)
    return got  # type: ignore[return-value]


def _frame(view: str, s: ProseSettings, nameless: set[str] | None = None) -> tuple[str, ...] | None:
    # a signature holds a number (a time, or a date with a day or year); an ASCII
    # line without a digit cannot, so it is not tokenized at all
    if view.isascii() and _ASCII_DIGIT_RE.search(view) is None:
        return None
    # more chunks with a letter or digit than a signature has tokens: a paragraph
    # (same decision as tokenizing it, see _ALNUM_CHUNK)
    if _many_chunks(s.max_signature_tokens + 1).match(view) is not None:
        return None
    # at most one token past the limit is read: a paragraph is rejected without
    # tokenizing all of it (same decision as a full tokenization)
    cap = s.max_signature_tokens + 1
    toks = [m.group() for m in islice(_TOKEN_RE.finditer(view.casefold()), cap)]
    if not toks or len(toks) > s.max_signature_tokens:
        return None
    frame: list[str] = []
    names = 0
    dated = timed = False
    has_num = False
    for t in toks:
        if t[0].isdigit():
            # a year alone does not date a moment ("October 2024" in a photo caption,
            # an issue, a season): a signature's number is a day, a time or a count
            has_num = has_num or not _YEAR_RE.fullmatch(t)
            if _CLOCK_RE.match(t):
                timed = True
                frame.append("T")
            else:
                frame.append("0")
        elif t in s.months or t in s.weekdays:
            dated = True
            frame.append("M" if t in s.months else "W")
        elif t in s.meridiem:
            dated = True
            frame.append("P")
        elif t in s.relative:
            dated = True
            frame.append(t)
        elif t in s.frame_words or not t[0].isalpha():
            frame.append(t)
        else:
            names += 1
    if names == 0 and nameless is not None and (timed or (dated and has_num)):
        nameless.add(view)  # a date line that names no one (see _name_above_frame)
    if not (1 <= names <= s.max_name_words) or not (timed or (dated and has_num)):
        return None
    return tuple(frame)


#: a whitespace-separated chunk whose first letter/digit is an ASCII letter: the token
#: starting at that letter starts with a letter (before it, the chunk holds only non-word
#: characters and '_', which casefold keeps non-word except U+0345, left out here), and
#: tokens never span whitespace, so N such chunks mean N or more words in _name_line
_ASCII_WORD_CHUNK = r"(?:(?:[^\w\s\u0345]|_)++\s++)*+(?:[^\w\s\u0345]|_)*+[A-Za-z]\S*+"


@lru_cache(maxsize=8)
def _many_words(n: int) -> re.Pattern[str]:
    """Matches a text that starts with ``n`` chunks led by an ASCII letter (linear:
    every quantifier is possessive)."""
    return re.compile(
        r"\s*+(?:" + _ASCII_WORD_CHUNK + r"\s++){" + str(n - 1) + "}" + _ASCII_WORD_CHUNK
    )


#: name-line tests of the views seen with the default settings (comment_threads and
#: _signed_lines_kept test the same lines); bounded
_NAME_LINES: dict[str, bool] = {}


def _name_line(v: str, s: ProseSettings) -> bool:
    """A few words without a digit, the first one "posted" or the last one a comment
    cue (not "ago"); with the default settings remembered per view, digits aside
    (comment_threads and _signed_lines_kept test the same lines, paragraphs included)."""
    default = s is _default_settings()
    if default and (got := _NAME_LINES.get(v)) is not None:
        return got
    # more words than a name line has: a paragraph (same decision as tokenizing it,
    # see _ASCII_WORD_CHUNK), told from its first words, before a search of it all
    if _many_words(s.max_name_words + 3).match(v) is not None:
        got = False
    elif _ASCII_DIGIT_RE.search(v) is not None:
        return False  # not remembered
    else:
        got = _words_name_line(v, s)
    if default:
        if len(_NAME_LINES) >= _FRAMES_MAX:
            _NAME_LINES.clear()
        _NAME_LINES[v] = got
    return got


def _words_name_line(v: str, s: ProseSettings) -> bool:
    words = [t for t in _TOKEN_RE.findall(v.casefold()) if t[0].isalpha()]
    if not words or len(words) > s.max_name_words + 2:
        return False
    return words[0] == "posted" or (words[-1] != "ago" and words[-1] in s.signature_cues)


def _split_frame(
    seq: Sequence[tuple[int, str | None] | tuple[int, str | None, str | None]],
    k: int,
    s: ProseSettings,
) -> tuple[str, ...] | None:
    """The frame of a signature printed over two lines, the name line first ("Jeff
    MacLeod says:" / "November 12, 2012 at 11:23 AM"), at position ``k``; None when line
    ``k`` is not such a name line: a few words without a digit, the first one "posted"
    or the last one a comment cue ("says", "wrote"), followed by a line that is no
    signature of its own."""
    v = seq[k][1]
    if v is None or k + 1 >= len(seq):
        return None
    nxt = seq[k + 1][1]
    if nxt is None or not _name_line(v, s):
        return None
    if signature_frame(nxt, s) is not None:
        return None
    return signature_frame(f"{v} {nxt}", s)


#: a name line printed above its date ("mtcountrygrl" / "Posted on August 9, 2012 at
#: 12:14pm"): a few words, no digit, not ended like a sentence or a heading
_NAME_ABOVE_END = frozenset(".!?:;,")
#: longest name line read above a date line (a quick bound: a name has at most
#: max_name_words words)
_NAME_ABOVE_CHARS = 100
#: marks around a signature's words ("by:", "|", "@", "(5)")
_SIGNER_MARKS = "|:@()[]{}<>-\u2013\u2014/\\#*,;.!?\"'\u201c\u201d\u2018\u2019"
#: the number a thread gives each comment, before its signer's name ("2 Robert", "#5 Ann")
_COMMENT_NUMBER_RE = re.compile(r"^#?[0-9]{1,4}[.)]?\s+(?=\D)")


def _name_above_frame(
    seq: Sequence[tuple[int, str | None] | tuple[int, str | None, str | None]],
    k: int,
    s: ProseSettings,
) -> tuple[str, ...] | None:
    """The frame of a signature printed over two lines, the date line last, at the
    date line's position ``k``: line ``k`` dates a comment but names no one ("Posted
    on August 9, 2012 at 11:40am"), and the line above it is the name (a few words
    without a digit, not a sentence, no name line of :func:`_split_frame`); None
    otherwise."""
    if k == 0:
        return None
    v, prev = seq[k][1], seq[k - 1][1]
    if v is None or prev is None or not prev or len(prev) > _NAME_ABOVE_CHARS:
        return None
    # line k dates something and names no one (remembered with its frame)
    if s is _default_settings():
        if signature_frame(v, s) is not None or v not in _NAMELESS:
            return None
    else:
        nameless: set[str] = set()
        if _frame(v, s, nameless) is not None or not nameless:
            return None
    if prev[-1] in _NAME_ABOVE_END:
        return None
    # a comment's number may lead the name ("2 Robert"); no other digit
    name = _COMMENT_NUMBER_RE.sub("", prev, count=1)
    if _ASCII_DIGIT_RE.search(name) is not None or len(name.split()) > s.max_name_words:
        return None
    if signature_frame(prev, s) is not None:
        return None
    if _name_line(prev, s):
        return None  # the name-first layout (_split_frame) reads this pair
    return _frame(f"{prev} {v}", s)  # not remembered: one join a signature


def _is_prose(view: str | None, s: ProseSettings) -> bool:
    return view is None or len(view.split(None, s.min_prose_words)) >= s.min_prose_words


def _headed(seq: Sequence[tuple[int, str | None]], lo: int, hi: int, s: ProseSettings) -> int:
    """Position of the last short line between positions ``lo`` and ``hi`` that names a
    comment thread ("Comments", "12 responses"); -1: none."""
    for k in range(hi - 1, lo, -1):
        v = seq[k][1]
        if v is None:
            continue
        words = _TOKEN_RE.findall(v.casefold())
        if len(words) <= s.max_heading_words and s.thread_headings.intersection(words):
            return k
        # a count of them, in a longer line: "{ 69 comments... read them below or add one }"
        if len(words) <= 2 * s.max_heading_words and any(
            a.isdigit() and b in s.thread_headings for a, b in zip(words, words[1:], strict=False)
        ):
            return k
    return -1


def _thread_span(
    kept: Sequence[tuple[int, str | None]], sig_pos: Sequence[int], s: ProseSettings
) -> tuple[int, int] | None:
    """Positions (in ``kept``, all the lines) of the first and last line of the thread."""
    gaps = [b - a - 1 for a, b in zip(sig_pos, sig_pos[1:], strict=False)]
    # a thread has comments between its signatures (a list of dated names has not)
    if (
        sum(
            1
            for a, b in zip(sig_pos, sig_pos[1:], strict=False)
            if any(_is_prose(kept[k][1], s) for k in range(a + 1, b))
        )
        < len(gaps) // 2 + 1
    ):
        return None
    longest = max(gaps)
    first, last = sig_pos[0], sig_pos[-1]
    after = last + 1
    if after < len(kept) and _is_prose(kept[after][1], s):
        # signatures head their comments: the last comment follows the last signature
        end = last
        while end + 1 < len(kept) and end - last < longest and _is_prose(kept[end + 1][1], s):
            end += 1
        return first, end
    # signatures close their comments: the first comment is the prose right before
    # the first signature, back to a line that is not prose (a "Comments" heading, a
    # byline); with no such line within a comment's length the article may run on
    # into it, so nothing before the first signature goes
    start = first
    while start - 1 >= 0 and first - start < longest and _is_prose(kept[start - 1][1], s):
        start -= 1
    if start == 0 or _is_prose(kept[start - 1][1], s):
        start = first
    return start, last


def _n_words(view: str | None) -> int:
    return len(view.split()) if view is not None else 300


def _after_article_stamp(words_from: Sequence[int], begin: int, pos: list[int]) -> list[int]:
    """``pos`` without a first signature that is the article's own stamp.

    A page that dates its article and its teasers alike ("14h ago in Mobile" under
    the byline, "2h ago in Gear" under each teaser) prints the article between the
    first such line and the second: a "comment" holding more than half of the words
    kept from ``begin`` on is the article, not a comment. ``words_from[k]`` is the
    number of kept words from position ``k`` to the page's end (one running total
    per page, so every frame is checked in constant time).
    """
    if len(pos) < 2:
        return pos
    between = words_from[pos[0] + 1] - words_from[pos[1]]
    if 2 * between > words_from[begin]:
        return pos[1:]
    return pos


def _kept_words_from(seq: Sequence[tuple[int, str | None]], keep: Container[int]) -> list[int]:
    """``out[k]``: words of the kept lines from position ``k`` on (``out[len(seq)] == 0``);
    a line too long for a view counts as prose of many words."""
    out = [0] * (len(seq) + 1)
    total = 0
    for k in range(len(seq) - 1, -1, -1):
        if seq[k][0] in keep:
            total += _n_words(seq[k][1])
        out[k] = total
    return out


def comment_threads(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: Mapping[int, tuple[str, str]],
    settings: ProseSettings | None = None,
) -> dict[int, tuple[str, str]]:
    """``line -> (rule, detail)`` for the kept lines of a signed comment thread.

    ``lines`` are the classifier's input (line, view, removed_by), ``decided``
    its removals. Signatures are looked for after the first line of prose both
    keep (the article comes first); the thread's extent is read from all the
    lines (the classifier may have cut its run inside the thread), and only
    lines both keep are removed.

    Examples
    --------
    >>> body = "The council approved the plan on Monday after a debate of four hours."
    >>> doc = [body, body, "3 Comments", "I agree with the plan.",
    ...        "Posted by: Ann | Jan 10, 2008 4:49 PM", "It will cost far too much money.",
    ...        "Posted by: Bo | Jan 10, 2008 5:02 PM", "Why now, and not last year?",
    ...        "Posted by: Cy | Jan 11, 2008 9:15 AM"]
    >>> out = comment_threads([(i, v, None) for i, v in enumerate(doc)], {})
    >>> sorted(out), out[3]
    ([3, 4, 5, 6, 7, 8], ('block:comments', "comment thread: 3 comments signed like 'Posted by: Ann | Jan 10, 2008 4:49 PM' (lines 4-9)"))
    """
    s = settings or _default_settings()
    seq = [(i, v) for i, v, _ in lines]
    keep = {i for i, _, rm in lines if rm is None and i not in decided}
    begin = next(
        (
            k
            for k, (i, v) in enumerate(seq)
            if i in keep and (v is None or len(v.split(None, 10)) >= 10)
        ),
        None,
    )
    if begin is None:
        return {}
    by_frame = _signature_positions(seq, begin, s)
    out: dict[int, tuple[str, str]] = {}
    words_from: list[int] | None = None
    skip: dict[int, int] = {}
    for frame, all_pos in by_frame.items():
        if len(all_pos) >= 2:
            if words_from is None:
                words_from = _kept_words_from(seq, keep)
            all_pos = _after_article_stamp(words_from, begin, all_pos)
        cued = bool(s.signature_cues.intersection(frame))
        threaded, thread_end = False, begin  # a run of this frame was found to be a thread
        prev_end = begin
        for pos in _close_runs(all_pos, s.max_signature_gap):
            if len(pos) < s.min_signatures:
                prev_end = pos[-1]
                continue
            # a comment is signed as one ("Posted by", "says", "6 days ago"), or the
            # thread has a heading ("Comments", "12 responses") close before its first
            # signature: a byline with a date that a list of teasers repeats, or a
            # quoted tweet, is neither. A run that goes on a thread of its frame found
            # above (one long comment put more than max_signature_gap lines between two
            # signatures) is that thread's: its heading is the thread's
            lo = max(prev_end, begin, pos[0] - s.max_signature_gap - 1)
            prev_end = pos[-1]
            head = _headed(seq, lo, pos[0], s)
            if not cued and head < 0 and not threaded:
                continue
            span = _thread_span(seq, pos, s)
            if span is None:
                continue
            if threaded and not cued and head < 0:
                # the long comment between the two runs is the thread's too
                span = (min(span[0], thread_end + 1), span[1])
            if _one_signer(seq, pos, s):
                continue  # one author's posts: the page itself, no readers' thread
            _paint(seq, keep, pos, span, max(begin + 1, head), skip, out)
            threaded, thread_end = True, span[1]
    return out


def _signer(view: str | None, s: ProseSettings) -> tuple[str, ...]:
    """The name a signature gives after "by" ("posted by Nate Johnson @ 12:30 AM",
    "Posted by: Sean | Jan 10"): the words from the first word after "by" (marks
    before it passed over) up to the next mark, number or word of the frame, each as
    written between spaces ("user12" is one name); () when the line has no "by" or no
    name after it.

    Examples
    --------
    >>> s = load_prose_settings()
    >>> _signer("Posted by hugh macleod at 1:40 PM | Comments (5)", s)
    ('hugh', 'macleod')
    >>> _signer("Jane says: May 3, 2019 at 6:34 am", s)
    ()
    """
    if view is None:
        return ()
    words = [w.strip(_SIGNER_MARKS) for w in view.casefold().split()]
    if "by" not in words:
        return ()
    stop = (s.frame_words, s.months, s.weekdays, s.meridiem, s.relative)
    name: list[str] = []
    for w in words[words.index("by") + 1 :]:
        if not w:
            if name:
                break
            continue  # a mark before the name ("by: Sean", "by - Ann")
        if w[0].isdigit() or any(w in words_ for words_ in stop):
            break
        name.append(w)
    return tuple(name)


def _one_signer(
    seq: Sequence[tuple[int, str | None]], pos: Sequence[int], s: ProseSettings
) -> bool:
    """All signatures at ``pos`` name one and the same signer after "by", who is not an
    anonymous one (``anonymous_names``): one author's posts, not readers' comments."""
    first = _signer(seq[pos[0]][1], s)
    if not first or s.anonymous_names.intersection(first):
        return False
    return all(_signer(seq[k][1], s) == first for k in pos[1:])


def _signature_positions(
    seq: list[tuple[int, str | None]], begin: int, s: ProseSettings
) -> dict[tuple[str, ...], list[int]]:
    """``frame -> positions`` of the signatures after ``begin`` (one line, split over two,
    or a name above a date line).

    A line of more chunks with a letter or digit than a signature has tokens is none of
    the three (each frame is read by :func:`_frame`, which rejects such a text, and a
    line is the start of the text of a signature split over two lines): a paragraph not
    seen before is passed over after one search of its first chunks."""
    by_frame: dict[tuple[str, ...], list[int]] = {}
    quick = s is _default_settings()  # nameless date lines are remembered (_NAMELESS)
    cap = s.max_signature_tokens + 1
    many = _many_chunks(cap).match
    for k in range(begin + 1, len(seq)):
        v = seq[k][1]
        if v is not None and (len(v) < 2 * cap - 1 or v in _FRAMES or many(v) is None):
            fr = (
                signature_frame(v, s)
                or _split_frame(seq, k, s)
                or (_name_above_frame(seq, k, s) if not quick or v in _NAMELESS else None)
            )
            if fr is not None:
                by_frame.setdefault(fr, []).append(k)
    return by_frame


def _close_runs(pos: list[int], max_gap: int) -> list[list[int]]:
    """``pos`` split where two signatures stand more than ``max_gap`` lines apart: the
    signatures of one thread are close together (a comment is a few lines), and a long
    page (a news digest, a crawler dump) that dates a line every few thousand lines has
    no thread spanning them."""
    runs: list[list[int]] = [[pos[0]]] if pos else []
    for a, b in zip(pos, pos[1:], strict=False):
        if b - a - 1 > max_gap:
            runs.append([b])
        else:
            runs[-1].append(b)
    return runs


def _paint(
    seq: Sequence[tuple[int, str | None]],
    keep: Container[int],
    pos: Sequence[int],
    span: tuple[int, int],
    floor: int,
    skip: dict[int, int],
    out: dict[int, tuple[str, str]],
) -> None:
    """Mark the kept lines of one thread (from its heading or first comment, not before
    ``floor``, to its last comment)."""
    # the thread starts at its heading, when it has one
    a, b = max(span[0], floor), span[1]
    detail = (
        f"comment thread: {len(pos)} comments signed like {(seq[pos[0]][1] or '')[:60]!r} "
        f"(lines {seq[a][0] + 1}-{seq[b][0] + 1})"
    )
    # the first thread to reach a line names it; each line is visited once over
    # all threads (their spans may overlap), so a long page stays linear
    k = _unvisited(skip, a)
    while k <= b:
        if seq[k][0] in keep:
            out[seq[k][0]] = ("block:comments", detail)
        skip[k] = k + 1
        k = _unvisited(skip, k + 1)


def _unvisited(skip: dict[int, int], k: int) -> int:
    """The first position from ``k`` on that no thread has visited (``skip`` points
    past visited runs; paths are shortened as they are read)."""
    root = k
    while root in skip:
        root = skip[root]
    while k != root:  # path compression
        skip[k], k = root, skip[k]
    return root


#: a wire-story lede: "EUGENE, Ore. (AP) - ...", "Dec 27 (Reuters Life!) - ...", "LONDON (AFP): ..."
_DATELINE_RE = re.compile(
    r"^(?=[A-Z0-9])[^()\n]{2,60}?\([A-Z][^()]{1,30}\)\s*(?:[-\u2013\u2014]{1,2}|:)\s+\S"
)


def dateline_ledes(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: Mapping[int, tuple[str, str]],
    max_between: int = 3,
) -> list[int]:
    """Lines removed as ``block:before_body`` that open the article: a dateline lede.

    A paragraph that starts with a wire dateline ("EUGENE, Ore. (AP) - Oregon
    running back ...") and ends like a sentence is the article's first paragraph.
    When it stands right before the body the classifier kept (at most
    ``max_between`` removed lines of prose between them), the classifier took it
    for part of the teaser list above; it and the prose lines between are kept.

    Examples
    --------
    >>> lede = ("EUGENE, Ore. (AP) - Oregon running back Jonathan Stewart will pass up "
    ...         "his senior season and enter the draft.")
    >>> lines = [(0, "Headline", None), (1, lede, None), (2, "The school confirmed it.", None)]
    >>> dateline_ledes(lines, {1: ("block:before_body", "in a teaser list")})
    [1]
    """
    out: list[int] = []
    seq = [(i, v) for i, v, rm in lines]
    for k, (i, v) in enumerate(seq):
        rule = decided.get(i, ("", ""))[0]
        if rule != "block:before_body" or v is None or len(v.split(None, 12)) < 12:
            continue
        if not _DATELINE_RE.match(v) or not v.rstrip().endswith(_SENTENCE_END):
            continue
        between: list[int] = []
        for j in range(k + 1, min(len(seq), k + 2 + max_between)):
            jj, vj = seq[j]
            if jj not in decided and lines[j][2] is None:
                out.extend([i, *between])
                break
            if decided.get(jj, ("", ""))[0] != "block:before_body" or not _is_prose(
                vj, _default_settings()
            ):
                break
            between.append(jj)
    return out


#: a wire brief's dateline: a place in capitals (", state"), then a month and day or an
#: agency in brackets, then a dash: "SINGAPORE, March 28 - Shr 8.43 cts vs 9.61 cts",
#: "BELLEVUE, Wash., March 18 - ...", "NEW YORK (Reuters) - ..."
_BRIEF_RE = re.compile(
    r"[A-Z][A-Z.'\u2019&-]+(?: [A-Z][A-Z.'\u2019&-]+){0,3}"
    r"(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"
    r"(?:,? (?P<month>[A-Z][a-z]{2,8})\.? \d{1,2}(?:, \d{4})?)?"
    r"(?P<agency> \([A-Z][^()\n]{1,30}\))?"
    r" ?[-\u2013\u2014]{1,2} +\S"
)


def _brief_dateline(view: str | None, s: ProseSettings) -> bool:
    """``view`` opens with a wire brief's dateline (:data:`_BRIEF_RE`): a place in
    capitals dated by a month (one of ``months``) and day, or credited to an agency."""
    m = _BRIEF_RE.match(view) if view is not None else None
    if m is None:
        return False
    return m["agency"] is not None or (m["month"] or "").casefold() in s.months


def dateline_briefs(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: Mapping[int, tuple[str, str]],
    max_lines: int = 20,
) -> list[int]:
    """Lines removed as ``block:before_body`` that open a wire brief: its dateline line
    and what follows it down to the body.

    A brief opens under its headline with a dateline (:func:`_brief_dateline`:
    "SINGAPORE, March 28 - Shr 8.43 cts vs 9.61 cts"), its figures follow one to a line
    ("Group net 7.8 mln dlrs vs 8.9 mln"), then a sentence or two: the classifier takes
    the figures for a teaser list above a short body. A dateline line right below a line
    the classifier kept (the headline) or at the top of the page, with at most
    ``max_lines`` lines removed as ``block:before_body`` between it and the body, none of
    them chrome words or another dateline, opens the article: it and those lines stay.
    A dateline among teasers (a removed line above it) stays removed.

    Examples
    --------
    >>> doc = ["SINGAPORE LAND LTD <LNDH.SI> FIRST HALF FEB 28",
    ...        "SINGAPORE, March 28 - Shr 8.43 cts vs 9.61 cts", "Int div nil vs nil",
    ...        "Note - The company said group net profits should amount to 13.5 mln dlrs."]
    >>> lines = [(i, v, None) for i, v in enumerate(doc)]
    >>> cut = ("block:before_body", "in a teaser list")
    >>> dateline_briefs(lines, {1: cut, 2: cut})
    [1, 2]
    >>> dateline_briefs(lines, {0: cut, 1: cut, 2: cut})
    []
    """
    s = _default_settings()
    out: list[int] = []
    for k, (i, v, _rm) in enumerate(lines):
        if decided.get(i, ("", ""))[0] != "block:before_body" or not _brief_dateline(v, s):
            continue
        if k > 0 and (lines[k - 1][0] in decided or lines[k - 1][2] is not None):
            continue  # among teasers
        between: list[int] = []
        for j in range(k + 1, min(len(lines), k + 2 + max_lines)):
            jj, vj, rmj = lines[j]
            if jj not in decided and rmj is None:
                out.extend([i, *between])
                break
            rule, detail = decided.get(jj, ("", ""))
            if rule != "block:before_body" or "chrome" in detail or _brief_dateline(vj, s):
                break
            between.append(jj)
        break  # the first dateline opens the brief
    return out


#: a word of a lede: letters first (numbers and symbols are neither prose nor title case)
_LEDE_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
#: how a lede ends: a sentence, or a bracket or colon after one ("(Hint: iPad mini!)")
_LEDE_END = frozenset(".!?\u2026)]:")


def _lede_like(view: str | None, stopwords: Container[str], s: ProseSettings) -> bool:
    """A sentence in sentence case: ``min_lede_words``+ words, at least
    ``min_lede_stopword_pct`` % of them stopwords, at most ``max_lede_capital_pct`` % of
    the other words capitalised (a headline or teaser capitalises most), ended like a
    sentence."""
    if view is None:
        return False
    words = _LEDE_WORD_RE.findall(view)
    if len(words) < s.min_lede_words:
        return False
    stop = sum(1 for w in words if w.casefold() in stopwords)
    if 100 * stop < s.min_lede_stopword_pct * len(words):
        return False
    content = len(words) - stop
    caps = sum(1 for w in words if w[0].isupper() and w.casefold() not in stopwords)
    if content and 100 * caps > s.max_lede_capital_pct * content:
        return False
    return view.rstrip().rstrip("\"'\u201d\u2019\u00bb")[-1:] in _LEDE_END


def sentence_ledes(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: Mapping[int, tuple[str, str]],
    stopwords: Container[str],
    settings: ProseSettings | None = None,
) -> list[int]:
    """Lines removed as ``block:before_body`` right above the body that are its lede.

    The line (or ``max_lede_lines`` lines) directly above the first line the
    classifier kept is often the article's standfirst or first sentence, printed
    apart ("Apple's cloud-based messaging application, iMessage, experienced a few
    hours of service issues, the company confirmed on ..."); the classifier cut it
    with the menus and teasers above. A line there that reads as a sentence in
    sentence case (:func:`_lede_like`) is kept, and so is the one above it when it
    reads the same; the first one that does not stops the search.

    Measured on the development halves of five page sets (session 22): the line above
    the body that reads so holds more article than chrome in each of the five sets,
    where no other kind of removed line near the body does (see
    ``benchmarks/RESULTS_cleaning.md``).

    Examples
    --------
    >>> lede = "Apple's messaging service was down for a few hours, the company confirmed."
    >>> rows = [(0, "Tech", None), (1, lede, None), (2, "More of the article follows.", None)]
    >>> sentence_ledes(rows, {0: ("block:before_body", ""), 1: ("block:before_body", "")},
    ...                {"a", "for", "the", "was", "of"})
    [1]
    """
    s = settings or _default_settings()
    first = next(
        (k for k, (i, v, rm) in enumerate(lines) if rm is None and v and i not in decided), None
    )
    out: list[int] = []
    if first is None:
        return out
    for k in range(first - 1, max(-1, first - 1 - s.max_lede_lines), -1):
        i, v, rm = lines[k]
        if rm is not None or decided.get(i, ("", ""))[0] != "block:before_body":
            break
        if not _lede_like(v, stopwords, s):
            break
        out.append(i)
    return out


#: a numbered item: "1. The Godfather (1972)", "2) Automate your savings", "#3 Cook at home"
_NUMBERED_RE = re.compile(r"^(?:#|No\.\s?)?(\d{1,3})[.):]?\s+\S")
#: words of an item's own text: its heading, or a paragraph (the items of a listicle
#: carry one; a "most read" list of headlines does not)
_ITEM_PROSE_WORDS = 8


def _item_number(view: str | None) -> int:
    """The number a line starts with as a list item ("4. ...", "4) ...", "#4 ..."); -1:
    none (a year, a count or a time is no item number)."""
    if view is None:
        return -1
    m = _NUMBERED_RE.match(view)
    if m is None or (view[m.end(1) : m.end(1) + 1] not in ".):" and view[0] != "#"):
        return -1
    return int(m.group(1))


def _list_items(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: Mapping[int, tuple[str, str]],
    s: ProseSettings,
) -> list[int]:
    """Positions of the numbered items that go on from the last kept line (at most two
    lines after it), numbered one by one, each at most ``max_signature_gap`` lines after
    the one before."""
    last = -1  # position of the last line kept by the classifier and the rules
    expect = 1
    for k, (i, v, rm) in enumerate(lines):
        if rm is None and i not in decided:
            last = k
            n = _item_number(v)
            if n >= 1:
                expect = n + 1
    first = next(
        (
            k
            for k in range(last + 1, min(len(lines), last + 4))
            if _item_number(lines[k][1]) == expect
        ),
        None,
    )
    if last < 0 or first is None:
        return []
    items = [first]
    k = first + 1
    while k < len(lines) and k - items[-1] <= s.max_signature_gap:
        if _item_number(lines[k][1]) == expect + len(items):
            items.append(k)
        k += 1
    return items


def numbered_lists(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: Mapping[int, tuple[str, str]],
    settings: ProseSettings | None = None,
) -> list[int]:
    """Lines removed as ``block:after_body`` that are the article's own numbered list.

    A listicle ("The 8 best films of all time", "10 ways to save money") prints its
    items after an introduction: "1. The Shawshank Redemption (1994)", a short text,
    "2. The Godfather (1972)", ... When the item texts are short the classifier ends the
    body at the introduction and cuts every item as after-body chrome. A list directly
    after the last kept line (at most two removed lines between), numbered one by one
    from 1 (or on from the body's own last item), with ``min_signatures`` or more items
    of which most carry a text of their own (a line of 8+ words between two items, or
    after the last one) is the article's: its items and the prose lines between them
    stay. A "most read" list of numbered headlines has no texts between its items; short
    lines between items ("Watch now", "Advertisement") still go.

    Examples
    --------
    >>> intro = "We asked our critics for the films they would take to an island, and argued for a week."
    >>> rows = [(0, "Best films", None), (1, intro, None)]
    >>> for n, t in enumerate(["The Godfather", "Heat", "Alien"], 1):
    ...     rows += [(len(rows), f"{n}. {t}", None),
    ...              (len(rows) + 1, "A film that changed how a whole genre is made and watched...", None),
    ...              (len(rows) + 2, "Watch now", None)]
    >>> decided = {i: ("block:after_body", "") for i in range(2, len(rows))}
    >>> numbered_lists(rows, decided)
    [2, 3, 5, 6, 8, 9]
    """
    s = settings or _default_settings()
    items = _list_items(lines, decided, s)
    if len(items) < s.min_signatures:
        return []

    def after_body(k: int) -> bool:
        i, _, rm = lines[k]
        return rm is None and decided.get(i, ("", ""))[0] == "block:after_body"

    def prose(k: int) -> bool:
        v = lines[k][1]
        return v is None or len(v.split(None, _ITEM_PROSE_WORDS)) >= _ITEM_PROSE_WORDS

    # the last item's text: the prose lines right after it
    end = items[-1] + 1
    while end < len(lines) and end - items[-1] <= s.max_signature_gap and prose(end):
        if _item_number(lines[end][1]) >= 0:
            break
        end += 1
    bounds = [*items, end]
    with_text = sum(
        1
        for a, b in zip(bounds, bounds[1:], strict=False)
        if any(prose(j) for j in range(a + 1, b))
    )
    if 2 * with_text <= len(items):
        return []
    out: list[int] = []
    item_set = set(items)
    for k in range(items[0], end):
        if after_body(k) and (k in item_set or prose(k)):
            out.append(lines[k][0])
    return out


#: a line that ends like this has ended its sentence (or is a label: "Share:", "A | B")
_LINE_END = frozenset('.!?\u2026:|"\u201d\u00bb\u3002\uff01\uff1f')
#: a line that starts like this goes on the sentence before it ("Joe Biden" / ", who ...")
_GOES_ON = frozenset(",.;:)]\u2019\u201d%")
_LAST_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")


@lru_cache(maxsize=16)
def _longest(words: frozenset[str]) -> int:
    """Length of the longest word of ``words`` (0 when empty)."""
    return max(map(len, words), default=0)


def _strong(a: str, b: str, s: ProseSettings) -> bool:
    """``b`` starts with punctuation that goes on a sentence, or ``a`` (3+ words) ends
    with a word a sentence cannot end with: a sentence broken in two, whatever the page."""
    if b[0] in _GOES_ON and (len(b) == 1 or not b[1].isalpha()):
        return True
    if a[-1] in ",;" and b[0].isalnum():
        return True
    # Only the tail can hold a joining word: a final letter run longer than the longest
    # one cannot be one (casefold never shortens), and neither can its tail-cut suffix.
    tail = max(0, len(a.rstrip()) - _longest(s.joining_words) - 1)
    m = _LAST_WORD_RE.search(a, tail)
    return (
        m is not None
        and a[m.end(1) :].strip() == ""
        and m.group(1).casefold() in s.joining_words
        and len(a.split(None, 3)) >= 3
    )


def _goes_on(a: str, b: str, s: ProseSettings) -> bool:
    """Line ``b`` continues the sentence of line ``a`` (they were one paragraph)."""
    if not a or not b or a[-1] in _LINE_END:
        return False
    if b[0].islower() and "://" not in b[:12] and not b.startswith("www."):
        return True
    if a[-1] in "(\u201c\u2018-\u2013\u2014":
        return b[0].isalpha() or b[0] in "\"'\u201c\u2018"
    return _strong(a, b, s)


def _n_words_le(text: str, n: int) -> bool:
    """``len(text.split()) <= n`` without splitting past word ``n + 1`` (a split with
    ``maxsplit=n`` gives ``min(words, n + 1)`` pieces)."""
    return len(text.split(None, max(n, 0))) <= n


def _n_words_lt(text: str, n: int) -> bool:
    """``len(text.split()) < n``, bounded like :func:`_n_words_le`."""
    return len(text.split(None, max(n, 0))) < n


def fragment_groups(
    views: Sequence[str | None], settings: ProseSettings | None = None
) -> list[tuple[int, int]]:
    """``(first, last)`` positions of paragraphs printed over several lines.

    Scrapers that print every text node on its own line (BeautifulSoup's
    ``get_text("\\n")``) break a paragraph wherever it has a link, a bold word
    or an inline quote: "The minister met" / "Joe Biden" / "on Monday, and said".
    A line goes on the one before it when that one has not ended its sentence
    (no final punctuation, colon, bar or closing quote) and the line starts in
    lower case or with punctuation that continues a sentence, or the line
    before ends with a comma, an opening bracket or quote, a dash or a word a
    sentence cannot end with (``joining_words``: "the", "of", "and"); a short
    line (at most ``max_link_words`` words: link text) between two lines that
    go on each other goes with them. ``None`` marks a line that is not judged
    (already removed by a rule): no paragraph goes across it. Only groups of
    two or more lines are returned, and only on a page printed in fragments:
    one with at least ``min_fragment_pairs`` sentences broken where no block
    ends (a line that starts with a comma or full stop, or follows a line
    ending in one of ``joining_words``); a page of one block a line has none.

    Examples
    --------
    >>> fragment_groups(["Home", "News", "The minister met", "Joe Biden",
    ...                  ", the US envoy, and said the talks with the", "Iranian side",
    ...                  "were", "constructive", ".", "Share this:", "Twitter"])
    [(2, 8)]
    """
    s = settings or _default_settings()
    n = len(views)
    # a text wrapped at a fixed width (wire copy, e-mail): a full line goes on whatever
    # the next line starts with ("... since early" / "January and ...")
    width = wrap_width(views)
    # only a page printed in fragments is joined: one that breaks sentences in two at
    # least min_fragment_pairs times (a page of one block a line has no such pairs)
    pairs = 0
    for a, b in zip(views, views[1:], strict=False):
        if width or (a and b and a[-1] not in _LINE_END and _strong(a, b, s)):
            pairs += 1
            if pairs >= s.min_fragment_pairs:
                break
    else:
        return []
    link = [False] * n  # line k is link text between two halves of a sentence
    for k in range(1, n - 1):
        a, b, c = views[k - 1], views[k], views[k + 1]
        if a and b and c and b[0].isalpha() and _n_words_le(b, s.max_link_words):
            link[k] = _goes_on(b, c, s) and a[-1] not in _LINE_END and len(a.split(None, 3)) >= 3
    out: list[tuple[int, int]] = []
    k = 0
    while k < n:
        j = k
        while j + 1 < n and views[j] is not None and views[j + 1] is not None:
            a, b = views[j] or "", views[j + 1] or ""
            if not (
                link[j + 1]
                or _goes_on(a, b, s)
                or (width and a and b and a[-1] not in _LINE_END and wraps(a, b, width))
            ):
                break
            j += 1
        if j > k:
            out.append((k, j))
        k = j + 1
    return out


def _joined(views: Sequence[str], a: int, b: int) -> str:
    out = views[a]
    for v in views[a + 1 : b + 1]:
        out += v if v[0] in _GOES_ON else " " + v
    return out


def _classify_joined(
    lines: Sequence[tuple[int, str | None, str | None]], settings: BlockSettings | None
) -> dict[int, tuple[str, str]]:
    """:func:`classify_lines` with every paragraph printed in fragments judged as one line."""
    views = [None if rm is not None else v for _, v, rm in lines]
    groups = fragment_groups(views)
    if not groups:
        return classify_lines(lines, settings)
    # a group is joined only when it is a paragraph (a good line): a chrome sentence
    # printed in pieces ("You must be" / "logged in" / "to post a comment.") keeps
    # the weight of its pieces
    bs = settings or load_block_settings()
    ds, language = document_settings([v for v in views if v is not None], bs)
    texts = [v or "" for v in views]
    groups = [
        (a, b)
        for a, b in groups
        if line_features(_joined(texts, a, b), ds, use_stopwords=language != "").cls == "good"
    ]
    merged: list[tuple[int, str | None, str | None]] = []
    members: dict[int, tuple[int, int]] = {}
    k = 0
    for a, b in groups:
        merged.extend(lines[k:a])
        merged.append((lines[a][0], _joined(texts, a, b), None))
        members[lines[a][0]] = (a, b)
        k = b + 1
    merged.extend(lines[k:])
    decided = classify_lines(merged, settings)
    for first, (a, b) in members.items():
        if first in decided:
            rule, detail = decided[first]
            detail = f"{detail}; one paragraph printed over lines {first + 1}-{lines[b][0] + 1}"
            for m in range(a, b + 1):
                decided[lines[m][0]] = (rule, detail)
    return decided


def _paragraph(view: str | None, s: ProseSettings, also: str = "") -> bool:
    """A line of article prose: a sentence of ``min_lead_words`` words or more (ended
    by ``.!?…`` or one of ``also``)."""
    if view is None:
        return True
    t = view.rstrip().rstrip("\"'\u201d\u2019)")
    return not _n_words_lt(view, s.min_lead_words) and t[-1:] in (".", "!", "?", "\u2026", *also)


def introduced_runs(
    views: Sequence[str | None], settings: ProseSettings | None = None
) -> list[tuple[int, int]]:
    """``(first, last)`` positions of tables and lists the article introduces.

    A sentence of ``min_lead_words`` words or more that ends with a colon
    ("The release history tells a different story:", "Obama also said:")
    introduces what follows it: a table printed a cell a line, a list of
    points. The run is the lines after it up to the next paragraph of prose (a
    sentence of ``min_lead_words`` words or more), at most ``max_list_lines``
    lines, and the article must resume there: another paragraph within the two
    lines after that one. With no such paragraphs after it (the page ends,
    chrome follows, or one teaser blurb after a list of related headlines)
    there is no run. ``None`` marks a line not judged (removed by a rule): it ends
    the search.

    Examples
    --------
    >>> lead = "The release history of the program tells a slightly different story:"
    >>> after = "It seems clear that the project has kept up a faster pace of releases."
    >>> introduced_runs(["Release", lead, "Release", "Date", "4.2.3", "April 2014", after, after])
    [(2, 5)]
    >>> introduced_runs([lead, "Release", "Date"]) == []  # nothing resumes after it
    True
    """
    s = settings or _default_settings()
    out: list[tuple[int, int]] = []
    n, k = len(views), 0
    while k < n - 2:
        v = views[k]
        if v is None or not v.rstrip().endswith(":") or _n_words_lt(v, s.min_lead_words):
            k += 1
            continue
        j = k + 1
        while j < n and j - k <= s.max_list_lines and views[j] is not None:
            if _paragraph(views[j], s):
                break
            j += 1
        # the article resumes after the run: a paragraph, and another within two lines
        # (one teaser blurb after a list of related headlines is not an article)
        if (
            j < n
            and j > k + 1
            and views[j] is not None
            and _paragraph(views[j], s)
            and any(
                views[m] is not None and _paragraph(views[m], s, ":")
                for m in (j + 1, j + 2)
                if m < n
            )
        ):
            out.append((k + 1, j - 1))
        k = j
    return out


def _classify_introduced(
    lines: Sequence[tuple[int, str | None, str | None]], settings: BlockSettings | None
) -> dict[int, tuple[str, str]]:
    """:func:`_classify_joined` with each introduced run (:func:`introduced_runs`) left
    out: its introduction and the prose after it are judged as neighbours, and the run
    goes with them (kept when both are, else removed with the reason). Only a run the
    classifier cut is judged again, when its continuation or its introduction is kept,
    or the introduction follows a kept line (the article's last paragraph), maybe with a
    short note between them (:func:`_kept_above_note`)."""
    decided = _classify_joined(lines, settings)
    if not decided:
        return decided  # (only a run the classifier cut is judged again)
    found = introduced_runs([v if rm is None else None for _, v, rm in lines])
    runs: list[tuple[int, int]] = []
    inside: set[int] = set()
    # a run whose introduction or continuation is article already, and which the
    # classifier cut (a comment form or a teaser list after the article has neither);
    # a run let in may bring the next one's introduction in (three rounds at most)
    for _round in range(3):
        new = [
            (a, b)
            for a, b in found
            if (a, b) not in runs
            and any(lines[m][0] in decided for m in range(a, b + 1))
            and (
                lines[b + 1][0] not in decided
                or lines[a - 1][0] not in decided
                or (a >= 2 and lines[a - 2][2] is None and lines[a - 2][0] not in decided)
                or _kept_above_note(lines, decided, a - 1)
            )
        ]
        if not new:
            break
        runs += new
        for a, b in new:
            inside.update(range(a, b + 1))
        decided = _classify_joined([ln for k, ln in enumerate(lines) if k not in inside], settings)
    if not runs:
        return decided
    for a, b in runs:
        lead, nxt = lines[a - 1][0], lines[b + 1][0]
        gone = decided.get(nxt) or decided.get(lead)
        if gone is None:
            continue
        detail = (
            f"{gone[1]}; a table or list introduced by line {lead + 1} "
            f"(lines {lines[a][0] + 1}-{lines[b][0] + 1}), judged with the text around it"
        )
        for m in range(a, b + 1):
            if lines[m][2] is None:
                decided[lines[m][0]] = (gone[0], detail)
    return decided


def _kept_above_note(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: Container[int],
    k: int,
) -> bool:
    """The line above position ``k`` (an introduction) is a short note of four words at
    most ("View larger map.", "Photo") under a line the classifier kept: the introduction
    follows the article's last kept paragraph all the same."""
    if k < 2:
        return False
    note, above = lines[k - 1], lines[k - 2]
    return (
        above[2] is None
        and above[0] not in decided
        and note[1] is not None
        and len(note[1].split()) <= 4
    )


def classify_page_lines(
    lines: Sequence[tuple[int, str | None, str | None]],
    settings: BlockSettings | None = None,
) -> dict[int, tuple[str, str]]:
    """:func:`corpus_tools.blocks.classify_lines` (paragraphs printed in fragments joined,
    :func:`fragment_groups`; tables and lists the article introduces judged with the
    text around them, :func:`introduced_runs`), then :func:`comment_threads` on what it
    keeps.

    A page of fewer than ``min_lines`` lines gets nothing: :func:`classify_lines` judges
    no page that short, and joining fragments or leaving a run out only shortens it.
    """
    if len(lines) < (settings or load_block_settings()).min_lines:
        return {}
    decided = _classify_introduced(lines, settings)
    if decided:
        _take_back_ledes(lines, decided, settings)
    thread = comment_threads(lines, decided)
    # (nothing cut and no thread: the thread found from the first prose line is none)
    if thread or (decided and _signed_lines_kept(lines, decided)):
        whole = comment_threads(lines, {})  # found from the page's first prose line
        if _thread_was_body(lines, decided, whole):
            decided, thread = _judge_without_thread(lines, whole, settings)
    decided.update(thread)
    return decided


def _take_back_ledes(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: dict[int, tuple[str, str]],
    settings: BlockSettings | None,
) -> None:
    """Take back (in place) the lines the classifier cut that are a dateline lede, a
    wire brief's dateline and figures, a numbered list or a sentence lede, in that order."""
    for i in dateline_ledes(lines, decided):
        del decided[i]
    for i in dateline_briefs(lines, decided):
        del decided[i]
    for i in numbered_lists(lines, decided):
        del decided[i]
    for i in sentence_ledes(lines, decided, _stopwords(settings)):
        del decided[i]


def _stopwords(settings: BlockSettings | None) -> frozenset[str]:
    """The classifier's English stopwords (a page in another language reads none)."""
    return (settings or load_block_settings()).stopwords


def _signed_lines_kept(
    lines: Sequence[tuple[int, str | None, str | None]], decided: Mapping[int, tuple[str, str]]
) -> bool:
    """The classifier kept ``min_signatures`` or more signature lines of one frame."""
    s = _default_settings()
    seen: dict[tuple[str, ...], int] = {}
    for k, (i, v, rm) in enumerate(lines):
        if rm is None and v is not None and i not in decided:
            fr = (
                signature_frame(v, s)
                or _split_frame(lines, k, s)
                or (_name_above_frame(lines, k, s) if v in _NAMELESS else None)
            )
            if fr is not None:
                seen[fr] = seen.get(fr, 0) + 1
                if seen[fr] >= s.min_signatures:
                    return True
    return False


def _kept_words(lines: Sequence[tuple[int, str | None, str | None]], gone: Container[int]) -> int:
    return sum(
        len(v.split()) if v is not None else 1000
        for i, v, rm in lines
        if rm is None and i not in gone
    )


def _thread_was_body(
    lines: Sequence[tuple[int, str | None, str | None]],
    decided: Mapping[int, tuple[str, str]],
    thread: Mapping[int, tuple[str, str]],
) -> bool:
    """The classifier took a comment thread for the article: the thread holds more
    than half of the words it kept (a short post under a long thread)."""
    kept = _kept_words(lines, decided)
    return kept > 0 and 2 * (kept - _kept_words(lines, {**decided, **thread})) > kept


def _judge_without_thread(
    lines: Sequence[tuple[int, str | None, str | None]],
    thread: Mapping[int, tuple[str, str]],
    settings: BlockSettings | None,
) -> tuple[dict[int, tuple[str, str]], dict[int, tuple[str, str]]]:
    """Classify the page again with its comment thread (found on all the page's lines,
    after its first line of prose) taken out beforehand, so that the article is looked
    for in the rest."""
    marked = [(i, v, "block:comments" if i in thread and rm is None else rm) for i, v, rm in lines]
    decided = _classify_introduced(marked, settings)
    _take_back_ledes(marked, decided, settings)
    return decided, {i: d for i, d in thread.items() if i not in decided}
