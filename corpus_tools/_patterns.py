"""User regular expressions with a bound: a static check and a time limit.

Boilerplate rules are regular expressions that a user may write (an extra
rules file, or a file replacing the shipped one). Python's backtracking
engine can take exponential time on a pattern such as ``(a+)+$`` and a line
of ``a`` characters that almost matches, which would hang the loader. Two
guards, both general:

1. :func:`pattern_risk` parses the pattern (Python's own ``re`` parser) and
   finds *nested repeats that can match the same text*: a repeated group
   ``(B)*`` whose body contains a repeat ``R`` that can also consume what
   follows ``R`` in ``B`` and the start of the next ``B`` (``(a+)+``,
   ``(\\w+\\s?)+``, ``(.*,)*``). Such a pattern can split one line into
   repetitions in exponentially many ways; it is rejected with the reason.
   Repeats over disjoint characters (``(\\s+\\w+)*``, ``(?:[^,]+,)*``) pass.
2. :class:`BoundedPattern` runs a user pattern on the ``regex`` engine
   (the same syntax, already a dependency of NLTK) with a time limit per
   match, so whatever the static check misses (``(a|aa)+$``) ends in a plain
   error naming the rule instead of a hang. :func:`probe_pattern` tries a
   few adversarial lines when the rules load, so most such patterns are
   refused before any document is read.

:func:`has_group_refs` tells whether a pattern refers to its own groups
(``\\1``, ``(?P=name)``, ``(?(1)...)``): such a pattern cannot be merged
into a combined alternation, where its groups would be renumbered.
"""

from __future__ import annotations

import re
import re._parser as sre_parse
from collections.abc import Iterator
from re import _constants as sre_c  # type: ignore[attr-defined]
from typing import Any

import regex

from .errors import DataFileError

__all__ = [
    "BoundedPattern",
    "PatternTimeout",
    "MATCH_TIMEOUT",
    "first_chars",
    "has_group_refs",
    "pattern_risk",
    "probe_pattern",
    "HAN_KANA",
    "HANGUL",
    "NO_SPACE_SCRIPTS",
    "NO_SPACE_SCRIPT_RE",
    "DENSE_SCRIPT_RE",
    "SENTENCE_TERMINALS",
    "HAN_KANA_RE",
    "HANGUL_RE",
]

# ------------------------------------------------------------------ scripts
# The two sets of scripts below answer different questions and differ on purpose:
# Korean is written with spaces between words (so it is no "no-space" script) but a
# Hangul syllable says more than a Latin letter (so it is "dense"); Thai, Lao, Burmese
# and Khmer are written without spaces but their characters are letters, about as
# dense as Latin ones. Both are defined here so that they change in one place.

#: character-class ranges of Han (CJK Unified Ideographs, Extension A, Compatibility
#: Ideographs) and kana: Chinese and Japanese
HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: character-class range of the Hangul syllables (Korean)
HANGUL = "\uac00-\ud7af"
#: ranges of the scripts written without spaces between words (a token of them is a
#: phrase or a sentence): Thai, Lao, Burmese, Khmer, Han and kana with half-width
#: katakana and Han Extensions B-F
NO_SPACE_SCRIPTS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff" + HAN_KANA + "\uff66-\uff9f\U00020000-\U0002fa1f"
)
#: one character of a script written without spaces (``kwic``: a query in one is
#: looked for inside tokens)
NO_SPACE_SCRIPT_RE = re.compile(f"[{NO_SPACE_SCRIPTS}]")
#: one character of a script that says more per character than Latin (Han, kana,
#: Hangul; ``blocks``: a line's length counts them as more than one)
DENSE_SCRIPT_RE = re.compile(f"[{HAN_KANA}{HANGUL}]")
#: Sentence-final marks of scripts other than Latin (beside ``.?!``): the ideographic full
#: stop (Chinese, Japanese) and its half-width form, full-width ``！？``, the Arabic question
#: mark and Urdu full stop, the Devanagari danda and double danda (Hindi, Marathi, Nepali,
#: Bengali), the Ethiopic full stop (Amharic) and the Myanmar section mark (Burmese). The
#: sentence splitter cuts at them and the line classifier counts them as sentence ends.
SENTENCE_TERMINALS = "\u3002\uff61\uff01\uff1f\u061f\u06d4\u0964\u0965\u1362\u104b"
#: one Han or kana character (three Latin characters' worth in ``blocks``)
HAN_KANA_RE = re.compile(f"[{HAN_KANA}]")
#: one Hangul syllable (two Latin characters' worth in ``blocks``)
HANGUL_RE = re.compile(f"[{HANGUL}]")

#: seconds one match of a user pattern may take (the ``regex`` engine checks
#: the clock periodically, so the wall time can be a few times longer)
MATCH_TIMEOUT = 0.25
#: seconds a probe line may take when the rules load
PROBE_TIMEOUT = 0.1
#: length of a probe line (a run of one character, then a character that stops the match)
PROBE_LENGTH = 48

_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT)
_MAXREPEAT = sre_c.MAXREPEAT
# probe alphabet: Latin-1, Latin Extended-A/B, and one or two characters of
# other classes (typographic quotes and spaces, Greek, Cyrillic, CJK, Arabic
# digits, a combining mark, an emoji); literals of the pattern are added
_BASE_ALPHABET = frozenset(
    [chr(c) for c in range(0x250)]
    + list("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2003\u2009\u200b\u0301")
    + list("\u03b1\u0391\u0436\u0416\u4e2d\u0663\u05d0\u0e01\U0001f600")
)


class PatternTimeout(DataFileError):
    """A user pattern took longer than its time limit on one string (names the rule)."""


def _flags_for_regex(flags: int) -> int:
    out = 0
    for r_flag, x_flag in (
        (re.IGNORECASE, regex.IGNORECASE),
        (re.MULTILINE, regex.MULTILINE),
        (re.DOTALL, regex.DOTALL),
        (re.VERBOSE, regex.VERBOSE),
        (re.ASCII, regex.ASCII),
    ):
        if flags & r_flag:
            out |= x_flag
    return out


class BoundedPattern:
    """A compiled pattern whose ``fullmatch``/``match``/``search`` have a time limit.

    Same syntax and results as :func:`re.compile` for the patterns ``re``
    accepts; a call that takes longer than ``timeout`` seconds raises
    :class:`PatternTimeout`, or, when ``lenient`` is true, returns ``True``
    ("may match": for a prefilter, whose callers then try the exact rule).
    ``what`` names the pattern in messages (file and rule id).

    Examples
    --------
    >>> p = BoundedPattern(r"(\\w+) \\1", re.IGNORECASE)
    >>> p.fullmatch("Hello hello") is not None, p.fullmatch("Hello world")
    (True, None)
    """

    def __init__(
        self,
        pattern: str,
        flags: int = 0,
        *,
        what: str = "pattern",
        timeout: float = MATCH_TIMEOUT,
        lenient: bool = False,
    ) -> None:
        self.pattern = pattern
        self.flags = flags
        self.what = what
        self.timeout = timeout
        self.lenient = lenient
        try:
            self._rx = regex.compile(pattern, _flags_for_regex(flags))
        except regex.error as exc:
            raise re.error(str(exc)) from None

    def _run(self, method: str, text: str) -> Any:
        try:
            return getattr(self._rx, method)(text, timeout=self.timeout)
        except TimeoutError:
            if self.lenient:
                return True
            raise PatternTimeout(
                f"{self.what}: the pattern took more than {self.timeout} s on a {len(text)}-character "
                f"line ({text[:60]!r}{'...' if len(text) > 60 else ''}): it backtracks "
                "too much; simplify it (no repeat inside a repeat over the same characters, "
                "no alternatives that match the same text)"
            ) from None

    def fullmatch(self, text: str) -> Any:
        """``re.Pattern.fullmatch`` with the time limit."""
        return self._run("fullmatch", text)

    def match(self, text: str) -> Any:
        """``re.Pattern.match`` with the time limit."""
        return self._run("match", text)

    def search(self, text: str) -> Any:
        """``re.Pattern.search`` with the time limit."""
        return self._run("search", text)

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r}, timeout={self.timeout})"


# --------------------------------------------------------------------------
# static analysis on the parse tree of Python's re module
# --------------------------------------------------------------------------
def _category(code: Any, ch: str, ascii_only: bool) -> bool:
    positive = code in (sre_c.CATEGORY_DIGIT, sre_c.CATEGORY_SPACE, sre_c.CATEGORY_WORD)
    if ascii_only and not ch.isascii():
        return not positive
    if code in (sre_c.CATEGORY_DIGIT, sre_c.CATEGORY_NOT_DIGIT):
        hit = ch.isdecimal()
        return hit if code == sre_c.CATEGORY_DIGIT else not hit
    if code in (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_NOT_SPACE):
        hit = ch.isspace()
        return hit if code == sre_c.CATEGORY_SPACE else not hit
    if code in (sre_c.CATEGORY_WORD, sre_c.CATEGORY_NOT_WORD):
        hit = ch.isalnum() or ch == "_"
        return hit if code == sre_c.CATEGORY_WORD else not hit
    return True  # unknown category: assume it matches (conservative)


def _variants(ch: str, ignorecase: bool) -> set[str]:
    if not ignorecase:
        return {ch}
    out = {ch, ch.lower(), ch.upper(), ch.casefold()}
    return {c for c in out if len(c) == 1}


def _char_matches(op: Any, av: Any, ch: str, flags: int) -> bool:
    ic = bool(flags & re.IGNORECASE)
    asc = bool(flags & re.ASCII)
    if op == sre_c.LITERAL:
        return bool(_variants(ch, ic) & _variants(chr(av), ic))
    if op == sre_c.NOT_LITERAL:
        return not (_variants(ch, ic) & _variants(chr(av), ic))
    if op == sre_c.ANY:
        return ch != "\n" or bool(flags & re.DOTALL)
    if op == sre_c.IN:
        negate = False
        hit = False
        for sop, sav in av:
            if sop == sre_c.NEGATE:
                negate = True
            elif sop == sre_c.LITERAL:
                hit = hit or bool(_variants(ch, ic) & _variants(chr(sav), ic))
            elif sop == sre_c.RANGE:
                lo, hi = sav
                hit = hit or any(lo <= ord(v) <= hi for v in _variants(ch, ic))
            elif sop == sre_c.CATEGORY:
                hit = hit or _category(sav, ch, asc)
            else:  # an opcode this check does not know: assume a match
                hit = True
        return hit != negate
    return True


_SINGLE = (sre_c.LITERAL, sre_c.NOT_LITERAL, sre_c.ANY, sre_c.IN)


class _Analyzer:
    """Character sets, first sets and "fits" over a parsed pattern (probe alphabet)."""

    def __init__(self, alphabet: frozenset[str]) -> None:
        self.alphabet = alphabet
        self._memo: dict[tuple[Any, Any, int], frozenset[str]] = {}

    def chars(self, op: Any, av: Any, flags: int) -> frozenset[str]:
        k = (op, id(av) if op == sre_c.IN else av, flags)
        got = self._memo.get(k)
        if got is None:
            got = frozenset(ch for ch in self.alphabet if _char_matches(op, av, ch, flags))
            self._memo[k] = got
        return got

    def _chars_of(self, seq: Any, flags: int, first_only: bool) -> frozenset[str]:
        """Characters ``seq`` may consume (all of them, or only those that can start a match)."""
        out: set[str] = set()
        for op, av in seq:
            if op in _SINGLE:
                out |= self.chars(op, av, flags)
            elif op in _REPEATS or op == sre_c.POSSESSIVE_REPEAT:
                out |= self._chars_of(av[2], flags, first_only)
            elif op == sre_c.SUBPATTERN:
                out |= self._chars_of(av[3], _scoped(flags, av), first_only)
            elif op == sre_c.ATOMIC_GROUP:
                out |= self._chars_of(av, flags, first_only)
            elif op == sre_c.BRANCH:
                for b in av[1]:
                    out |= self._chars_of(b, flags, first_only)
            elif op == sre_c.GROUPREF_EXISTS:
                out |= self._chars_of(av[1], flags, first_only)
                if av[2] is not None:
                    out |= self._chars_of(av[2], flags, first_only)
            elif op == sre_c.GROUPREF:
                out |= self.alphabet
            if first_only and not self._nullable_item(op, av, flags):
                break
        return frozenset(out)

    def alphabet_of(self, seq: Any, flags: int) -> frozenset[str]:
        """Every character the sequence may consume."""
        return self._chars_of(seq, flags, first_only=False)

    def nullable(self, seq: Any, flags: int) -> bool:
        return all(self._nullable_item(op, av, flags) for op, av in seq)

    def _nullable_item(self, op: Any, av: Any, flags: int) -> bool:
        if op in _SINGLE:
            return False
        if op in _REPEATS or op == sre_c.POSSESSIVE_REPEAT:
            return av[0] == 0 or self.nullable(av[2], flags)
        if op == sre_c.SUBPATTERN:
            return self.nullable(av[3], _scoped(flags, av))
        if op == sre_c.ATOMIC_GROUP:
            return self.nullable(av, flags)
        if op == sre_c.BRANCH:
            return any(self.nullable(b, flags) for b in av[1])
        if op == sre_c.GROUPREF_EXISTS:
            return self.nullable(av[1], flags) or av[2] is None or self.nullable(av[2], flags)
        return True  # AT, ASSERT, ASSERT_NOT, GROUPREF (may be empty)

    def first(self, seq: Any, flags: int) -> frozenset[str]:
        """Characters that can start a non-empty match of ``seq``."""
        return self._chars_of(seq, flags, first_only=True)

    def fits(self, seq: Any, allowed: frozenset[str], flags: int) -> bool:
        """True when ``seq`` can match some string (maybe empty) of characters in ``allowed``."""
        for op, av in seq:
            if op in _SINGLE:
                if not (self.chars(op, av, flags) & allowed):
                    return False
            elif op in _REPEATS or op == sre_c.POSSESSIVE_REPEAT:
                if av[0] > 0 and not self.fits(av[2], allowed, flags):
                    return False
            elif op == sre_c.SUBPATTERN:
                if not self.fits(av[3], allowed, _scoped(flags, av)):
                    return False
            elif op == sre_c.ATOMIC_GROUP:
                if not self.fits(av, allowed, flags):
                    return False
            elif op == sre_c.BRANCH:
                if not any(self.fits(b, allowed, flags) for b in av[1]):
                    return False
            elif op == sre_c.GROUPREF_EXISTS:
                if not (
                    self.fits(av[1], allowed, flags)
                    or av[2] is None
                    or self.fits(av[2], allowed, flags)
                ):
                    return False
        return True


def _scoped(flags: int, av: Any) -> int:
    """Flags inside a ``SUBPATTERN`` node ``(group, add_flags, del_flags, p)``."""
    _group, add, delete, _p = av
    return (flags | add) & ~delete


def _inner_repeats(seq: Any, follow: list[Any], flags: int) -> Any:
    """Yield ``(repeat_body, flags, continuation)`` for every backtracking repeat in ``seq``.

    ``continuation`` is the list of sequences that follow the repeat up to
    the end of ``seq``'s enclosing body (``follow``). Possessive repeats and
    atomic groups do not backtrack and are skipped; lookarounds consume
    nothing and are left to their own check.
    """
    for i, (op, av) in enumerate(seq):
        after = [seq[i + 1 :], *follow]
        if op in _REPEATS:
            lo, hi, body = av
            if hi == _MAXREPEAT or (hi >= 2 and hi > lo):
                yield body, flags, after
            yield from _inner_repeats(body, after, flags)
        elif op == sre_c.SUBPATTERN:
            yield from _inner_repeats(av[3], after, _scoped(flags, av))
        elif op == sre_c.BRANCH:
            for b in av[1]:
                yield from _inner_repeats(b, after, flags)
        elif op == sre_c.GROUPREF_EXISTS:
            yield from _inner_repeats(av[1], after, flags)
            if av[2] is not None:
                yield from _inner_repeats(av[2], after, flags)


def _outer_repeats(seq: Any, flags: int) -> Any:
    """Yield ``(body, flags)`` of every repeat that can iterate many times (anywhere)."""
    for op, av in seq:
        if op in _REPEATS:
            lo, hi, body = av
            if hi == _MAXREPEAT or hi >= 10:
                yield body, flags
            yield from _outer_repeats(body, flags)
        elif op == sre_c.POSSESSIVE_REPEAT:
            yield from _outer_repeats(av[2], flags)
        elif op == sre_c.SUBPATTERN:
            yield from _outer_repeats(av[3], _scoped(flags, av))
        elif op == sre_c.ATOMIC_GROUP:
            yield from _outer_repeats(av, flags)
        elif op == sre_c.BRANCH:
            for b in av[1]:
                yield from _outer_repeats(b, flags)
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            yield from _outer_repeats(av[1], flags)
        elif op == sre_c.GROUPREF_EXISTS:
            yield from _outer_repeats(av[1], flags)
            if av[2] is not None:
                yield from _outer_repeats(av[2], flags)


def _subsequences(op: Any, av: Any) -> list[Any]:
    """The parsed sub-patterns directly inside one item of a parsed pattern."""
    if op in _REPEATS or op == sre_c.POSSESSIVE_REPEAT:
        return [av[2]]
    if op == sre_c.SUBPATTERN:
        return [av[3]]
    if op == sre_c.ATOMIC_GROUP:
        return [av]
    if op == sre_c.BRANCH:
        return list(av[1])
    if op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
        return [av[1]]
    if op == sre_c.GROUPREF_EXISTS:
        return [av[1]] if av[2] is None else [av[1], av[2]]
    return []


def _items(seq: Any) -> Iterator[tuple[Any, Any]]:
    """Every ``(op, av)`` item of a parsed pattern, at any depth (order not meaningful)."""
    stack = [seq]
    while stack:
        for op, av in stack.pop():
            yield op, av
            stack.extend(_subsequences(op, av))


def _literals(seq: Any) -> set[str]:
    out: set[str] = set()
    for op, av in _items(seq):
        if op in (sre_c.LITERAL, sre_c.NOT_LITERAL):
            out.add(chr(av))
        elif op == sre_c.IN:
            out.update(chr(sav) for sop, sav in av if sop == sre_c.LITERAL)
            for sop, sav in av:
                if sop == sre_c.RANGE:
                    out.update((chr(sav[0]), chr(sav[1])))
    return out


def _parse(pattern: str, flags: int) -> Any:
    return sre_parse.parse(pattern, flags)


def pattern_risk(pattern: str, flags: int = 0) -> str | None:
    """Return why ``pattern`` can backtrack exponentially, or None when the check finds nothing.

    A repeated body ``B`` (``(B)*``, ``(B)+``, ``(B){10,}``) is refused when it
    contains a backtracking repeat ``R`` such that what follows ``R`` inside
    ``B`` can be matched with ``R``'s own characters and ``B`` itself can be:
    then ``R`` can swallow the rest of one repetition and the next one, and a
    line that almost matches is tried in exponentially many splits.

    Examples
    --------
    >>> pattern_risk(r"(a+)+$") is not None
    True
    >>> pattern_risk(r"(\\w+\\s?)+$") is not None
    True
    >>> pattern_risk(r"(\\s+\\w+)*$") is None, pattern_risk(r"(?:[^,]+,)*x") is None
    (True, True)
    """
    tree = _parse(pattern, flags)
    gflags = int(tree.state.flags)
    alphabet = _BASE_ALPHABET | frozenset(_literals(tree))
    an = _Analyzer(alphabet)
    for body, fl in _outer_repeats(tree, gflags):
        for r_body, rfl, after in _inner_repeats(body, [], fl):
            own = an.alphabet_of(r_body, rfl)
            if not own:
                continue
            if not all(an.fits(seq, own, rfl) for seq in after):
                continue
            if an.fits(body, own, fl) and an.first(body, fl) & own:
                return (
                    "a repeated group contains a repeat ('+', '*' or '{m,n}') that can also "
                    "match the rest of the group and the start of its next repetition, so a "
                    "line that almost matches is tried in exponentially many ways "
                    "(catastrophic backtracking); let the inner and outer repeats match "
                    "different characters, e.g. write '(a+)+' as 'a+' and '(\\w+\\s?)+' as "
                    "'\\w+(\\s\\w+)*'"
                )
    return None


def has_group_refs(pattern: str, flags: int = 0) -> bool:
    """True when ``pattern`` refers to its own groups (``\\1``, ``(?P=name)``, ``(?(1)...)``).

    Examples
    --------
    >>> has_group_refs(r"(\\w+) \\1"), has_group_refs(r"(\\w+) (\\w+)")
    (True, False)
    """
    refs = (sre_c.GROUPREF, sre_c.GROUPREF_EXISTS)
    return any(op in refs for op, _ in _items(_parse(pattern, flags)))


def probe_pattern(compiled: BoundedPattern, example: str, method: str) -> str | None:
    """Run ``compiled`` on a few lines built to make it backtrack; return the reason if one is slow.

    The lines are a run of one character of the pattern's literals or its
    ``example`` followed by a character that stops the match, and the
    example repeated; a pattern that backtracks exponentially takes far
    longer than :data:`PROBE_TIMEOUT` on them, a linear one microseconds.
    """
    chars = sorted(set(example) | _literals(_parse(compiled.pattern, compiled.flags)))[:40]
    lines = [c * PROBE_LENGTH + "\x00" for c in chars]
    if example:
        lines.append((example + " ") * 6 + "\x00")
    probe = BoundedPattern(compiled.pattern, compiled.flags, timeout=PROBE_TIMEOUT, lenient=True)
    for line in lines:
        if probe._run(method, line) is True:  # timed out
            return (
                f"it took more than {PROBE_TIMEOUT} s on the {len(line)}-character test line "
                f"{line[:20]!r}... (catastrophic backtracking); simplify it (no repeat inside a "
                "repeat over the same characters, no alternatives that match the same text)"
            )
    return None


# --------------------------------------------------------------------------
# first characters of a match (a screen for line rules)
# --------------------------------------------------------------------------
_CATEGORY_CLASS = {
    sre_c.CATEGORY_DIGIT: r"\d",
    sre_c.CATEGORY_NOT_DIGIT: r"\D",
    sre_c.CATEGORY_SPACE: r"\s",
    sre_c.CATEGORY_NOT_SPACE: r"\S",
    sre_c.CATEGORY_WORD: r"\w",
    sre_c.CATEGORY_NOT_WORD: r"\W",
}
_LEAF_FLAGS = re.IGNORECASE | re.ASCII | re.DOTALL


def _leaf_regex(op: Any, av: Any) -> str | None:
    """The pattern of one single-character item (``None``: not one this screen rebuilds)."""
    if op == sre_c.LITERAL:
        return re.escape(chr(av))
    if op == sre_c.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op == sre_c.ANY:
        return "."
    if op != sre_c.IN:
        return None
    parts: list[str] = []
    for sop, sav in av:
        if sop == sre_c.NEGATE:
            parts.insert(0, "^")
        elif sop == sre_c.LITERAL:
            parts.append(re.escape(chr(sav)))
        elif sop == sre_c.RANGE:
            parts.append(f"{re.escape(chr(sav[0]))}-{re.escape(chr(sav[1]))}")
        elif sop == sre_c.CATEGORY and sav in _CATEGORY_CLASS:
            parts.append(_CATEGORY_CLASS[sav])
        else:
            return None
    return f"[{''.join(parts)}]"


def _first_of(seq: Any, flags: int, alphabet: str) -> tuple[frozenset[str] | None, bool]:
    """(characters of ``alphabet`` that can start a match of ``seq`` (None: any
    character), whether ``seq`` can match the empty string)."""
    out: set[str] = set()
    for op, av in seq:
        if op in _SINGLE:
            leaf = _leaf_regex(op, av)
            if leaf is None:
                return None, False
            rx = re.compile(leaf, flags & _LEAF_FLAGS)
            out.update(c for c in alphabet if rx.fullmatch(c))
            return frozenset(out), False
        if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue  # consumes nothing: the first character comes after it
        if op in _REPEATS or op == sre_c.POSSESSIVE_REPEAT:
            got, empty = _first_of(av[2], flags, alphabet)
            empty = empty or av[0] == 0
        elif op == sre_c.SUBPATTERN:
            got, empty = _first_of(av[3], _scoped(flags, av), alphabet)
        elif op == sre_c.ATOMIC_GROUP:
            got, empty = _first_of(av, flags, alphabet)
        elif op == sre_c.BRANCH:
            got, empty = frozenset(), False
            for b in av[1]:
                g, e = _first_of(b, flags, alphabet)
                if g is None:
                    return None, False
                got, empty = got | g, empty or e
        else:  # a group reference, a conditional: anything may come first
            return None, False
        if got is None:
            return None, False
        out |= got
        if not empty:
            return frozenset(out), False
    return frozenset(out), True


def first_chars(pattern: str, flags: int = 0, alphabet: str = "") -> frozenset[str] | None:
    r"""The characters of ``alphabet`` that can be the first character of a non-empty
    match of ``pattern`` (a superset: lookarounds and anchors are read as matching);
    None when the pattern may start with any character or cannot be read (a group
    reference). A string whose first character is in ``alphabet`` but not in the set
    cannot match. Each single-character item is tested with ``re`` itself, so case
    folding is ``re``'s own.

    Examples
    --------
    >>> sorted(first_chars(r"(read|see) more|\d+ views", re.IGNORECASE, "abrsRS019"))
    ['0', '1', '9', 'R', 'S', 'r', 's']
    >>> first_chars(r".{0,40}sign up", 0, "ab") is None
    True
    """
    tree = _parse(pattern, flags)
    got, _empty = _first_of(tree, int(tree.state.flags), alphabet)
    if got is not None and set(alphabet) <= got:
        return None
    return got
