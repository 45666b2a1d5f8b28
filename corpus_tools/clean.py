"""Lossless, auditable cleaning of scraped news text.

:func:`clean_text` turns one raw document into ``(clean, log_rows)``. Every
character of the raw text that is removed or changed is accounted for by
exactly one log row (raw offsets, the raw ``text`` and the ``replacement``
that stands for it in the clean text), so :func:`reconstruct_text` rebuilds
the raw text exactly: ``reconstruct_text(*clean_text(x)) == x`` for any
string ``x``.

What it does, in order (docs/methods.md, section "Cleaning"):

1. **Unicode** (category ``unicode``/``mojibake``), per line: removes
   zero-width characters (U+200B, U+2060, U+FEFF, U+00AD; ZWJ/ZWNJ are
   kept), applies NFC, repairs mojibake with ftfy on lines whose badness
   is > 0 (curly quotes and character widths are kept). Line terminators
   CRLF/CR become LF. NBSP and curly quotes are *not* edited: they are
   folded in the matching view (:func:`corpus_tools.tokenize.fold`).
2. **Line rules** from ``data/boilerplate.yml`` (sign-up prompts, credits
   and captions, share/follow buttons, related links, counters, page
   chrome, comment forms, cookie banners, scraper metadata). A rule
   matches the *whole* trimmed, folded, space-collapsed line, with length
   guards; ``prefix``/``suffix`` rules cut only the start or end of the
   first/last line.
3. **Repeated lines** (category ``duplicate``): a later copy of a short or
   unpunctuated line is removed (``duplicate_line``), unless the article
   itself repeats it (both copies kept lines between kept lines, seven or
   more lines apart, not in a block printed twice); a teaser printed
   twice in a row loses both copies (``repeated_teaser``); a self-doubled
   line ``X X`` (``X`` of at most 300 characters and not one word repeated)
   loses its second copy (``self_doubled_line``), or the
   whole line when it starts with a video duration such as ``02:27``
   (``doubled_video_teaser``).
4. **Rejoining** (category ``layout``): a sentence cut at a hyperlink is
   rejoined to the next kept line (``rejoin_broken_line``).

A removed line takes its terminator and one adjoining blank line with it,
so paragraphs stay separated by one blank line; chrome at the end of a
document takes the blank lines before it, so the clean text ends with the
last kept character.

References
----------
Kohlschütter, C., Fankhauser, P. & Nejdl, W. (2010). Boilerplate detection
using shallow text features. WSDM.
Barbaresi, A. (2021). Trafilatura: A web scraping library and command-line
tool for text discovery and extraction. ACL-IJCNLP System Demonstrations.
Speer, R. ftfy (software), docs page "Heuristics for detecting mojibake".
"""

from __future__ import annotations

import bisect
import hashlib
import html.entities
import re
import re._parser as re_parser  # the lengths a pattern can match (Rules._widths)
import unicodedata
import warnings
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ._data import file_key, read_yaml
from ._patterns import (
    BoundedPattern,
    first_chars,
    has_group_refs,
    pattern_risk,
    probe_pattern,
)
from .blocks import (
    MENU_ITEM_WORDS,
    MENU_SEPS,
    BlockSettings,
    line_shape,
    load_block_settings,
    menu_items,
    same_shape,
    wrap_width,
    wraps,
)
from .errors import CorpusValueError, DataFileError, invalid_option
from .prose import classify_page_lines  # blocks.classify_lines + comment threads
from .templates import cleaning_decisions, edge_paragraphs, learned_boilerplate, table_to_sets
from .templates import collapse_spaces as _collapsed
from .tokenize import fold

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .corpus import Corpus

__all__ = [
    "Rule",
    "Rules",
    "clean_text",
    "load_rules",
    "reconstruct",
    "reconstruct_text",
    "map_offsets",
    "frequent_short_lines",
    "learned_boilerplate",
    "cleaning_decisions",
    "BUILTIN_CATEGORIES",
    "LOG_ROW_KEYS",
]

#: Categories of the built-in steps (not in the YAML file); each can be
#: turned off with ``load_rules(disable_categories=[...])``.
BUILTIN_CATEGORIES = ("unicode", "mojibake", "duplicate", "layout", "block", "template")

#: Keys of every log row returned by :func:`clean_text` (``io`` adds ``doc_id``).
LOG_ROW_KEYS = ("line_no", "start", "end", "rule", "text", "replacement", "category", "detail")

_RULE_KEYS_REQUIRED = ("id", "category", "pattern", "description", "example")
_RULE_KEYS_OPTIONAL = (
    "match",
    "max_words",
    "max_chars",
    "first_lines",
    "last_lines",
    "requires_no_final_punct",
    "case_sensitive",
    "collapse_space",
    "contains",
    "source",
)
_MATCH_KINDS = ("line", "prefix", "suffix")
_EDGE_WINDOW = 300  # prefix/suffix rules look at this many characters

# Zero-width characters removed from stored text (ZWJ/ZWNJ are kept: they
# carry meaning in Persian, Arabic, Indic scripts and emoji).
_ZW_RE = re.compile("[\u200b\u2060\ufeff\u00ad]+")
_TERM_RE = re.compile(r"\r\n|\r|\n")
_TIMESTAMP_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?[ \t]+")
# final punctuation for rejoin condition (a), on the folded view
_FINAL_PUNCT = frozenset(".?!:;\u2026\"')")
# final punctuation for the "has no final punctuation" guards
_SENT_PUNCT = frozenset(".?!;\u2026\"')")
_NON_FINAL_WORDS = frozenset(
    "the a an of on in with between against that which who and or but to from by as "
    "is was were has have had".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# a line printed more than this many times in one document is the article's own
# structure (list labels, a repeated interview question), not a repeated teaser
_MAX_CHROME_COPIES = 2
# a self-doubled line "X X" is a teaser printed twice only when X is line-sized
_MAX_DOUBLED_CHARS = 300
# rule categories that may cut a sentence the extractor kept as article text
_UNSAFE_ON_EXTRACTED = frozenset({"credit", "related", "metadata"})
# label rules that never remove the title line when a headline follows the label
_TITLE_SAFE = frozenset({"credit", "related"})
# steps that remove a line for where it stands, not for what it says
_CONTEXT_CATEGORIES = frozenset({"block", "template", "duplicate"})


# --------------------------------------------------------------------------
# rules
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    """One boilerplate rule (see the header of ``data/boilerplate.yml``)."""

    id: str
    category: str
    pattern: str
    description: str
    example: str
    match: str = "line"
    max_words: int = 25
    max_chars: int = 2000
    first_lines: int | None = None
    last_lines: int | None = None
    requires_no_final_punct: bool = False
    case_sensitive: bool = False
    collapse_space: bool = True
    source: str = ""
    contains: tuple[str, ...] = ()
    #: ``re`` for the shipped rules; a time-bounded :class:`BoundedPattern` for user rules
    regex: re.Pattern[str] | BoundedPattern = field(
        default=re.compile(""), compare=False, repr=False
    )


#: ASCII characters that no other character's casefold holds and that casefold to
#: themselves (every ASCII character but the letters; tests/test_clean_qa22.py checks
#: every code point): a substring of them is in a line's casefold iff it is in the line
_CASE_STABLE = frozenset(chr(c) for c in range(128) if not chr(c).isalpha())


class _Screen(NamedTuple):
    """How a line rule's ``contains`` substrings are looked for: in the casefolded line
    (``lower``) or the folded one, each ``(first, substring)`` after a one-character
    search for ``first`` (a punctuation mark the substring starts with; "" for none),
    which is far cheaper than a search for the substring and rarely found in prose."""

    lower: bool
    items: tuple[tuple[str, str], ...]


def _contains_screen(rule: Rule) -> _Screen | None:
    """The :class:`_Screen` of a rule's ``contains`` (None when it has none)."""
    if not rule.contains:
        return None
    stable = all(ch in _CASE_STABLE for sub in rule.contains for ch in sub)
    items = tuple(
        (sub[0] if len(sub) > 1 and sub[0] in _CASE_STABLE and not sub[0].isspace() else "", sub)
        for sub in rule.contains
    )
    return _Screen(not rule.case_sensitive and not stable, items)


#: line rules to try, each with the screen of its ``contains`` substrings (see
#: ``Rules._line_plan``)
_LinePlan = tuple[tuple[Rule, _Screen | None], ...]
#: the characters whose first-character screen is kept (any other: every rule is tried)
_FIRST_ALPHABET = "".join(map(chr, range(256)))


class _PlanMasks(NamedTuple):
    """Bit masks over the active line rules (see ``Rules._plan_masks``)."""

    every: int
    words: list[int]
    bands: list[int]
    first: dict[str, int]
    tiers: list[int]
    spaced: int


def _first_chars(rule: Rule) -> frozenset[str] | None:
    """The characters of :data:`_FIRST_ALPHABET` a plain ``re`` line rule's match can
    start with (its view's first character: the collapsed view and the stripped line
    start alike); None for any (a time-bounded user pattern, or one not read)."""
    rx = rule.regex
    if not isinstance(rx, re.Pattern):
        return None
    try:
        return first_chars(rx.pattern, rx.flags, _FIRST_ALPHABET)
    except Exception:  # noqa: BLE001 - an internal parser that changed: no screen
        return None


@dataclass(frozen=True)
class Rules:
    """A validated, compiled rule set plus the categories turned off.

    Build it with :func:`load_rules`. ``categories`` lists the YAML rule
    categories; :data:`BUILTIN_CATEGORIES` are always available.
    """

    rules: tuple[Rule, ...]
    disabled: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()
    #: settings of the text-block classifier (None: the shipped ``data/blocks.yml``)
    blocks: BlockSettings | None = None
    #: a fixed template table (outlet -> line keys) used instead of learning one
    templates: Mapping[str, frozenset[str]] | None = field(default=None, compare=False)

    @property
    def categories(self) -> tuple[str, ...]:
        """Rule categories in file order (first appearance)."""
        return tuple(dict.fromkeys(r.category for r in self.rules))

    def enabled(self, category: str) -> bool:
        """True when ``category`` is not turned off."""
        return category not in self.disabled

    def active(self, kind: str) -> tuple[Rule, ...]:
        """Enabled rules of one match kind (``line``, ``prefix``, ``suffix``)."""
        got = self._active.get(kind)
        if got is None:
            got = tuple(
                r for r in self.rules if r.match == kind and r.category not in self.disabled
            )
            self._active[kind] = got
        return got

    def __len__(self) -> int:
        return len(self.rules)

    @cached_property
    def _active(self) -> dict[str, tuple[Rule, ...]]:
        """:meth:`active` per match kind (filled lazily)."""
        return {}

    @cached_property
    def _line_limits(self) -> tuple[int, int]:
        """The largest ``max_chars`` and ``max_words`` of the active line rules
        (at least 2000 and 25): longer lines get no matching view."""
        line_rules = self.active("line")
        return (
            max([r.max_chars for r in line_rules] + [2000]),
            max([r.max_words for r in line_rules] + [25]),
        )

    @cached_property
    def _line_plans(self) -> dict[int, _LinePlan]:
        """Line rules left to try per set of rules a line may match (a bit mask over
        the active line rules; filled lazily by :meth:`_line_plan`)."""
        return {}

    @cached_property
    def _tier_words(self) -> int:
        """The most words a line may have for a prefilter tier to be tried (-1: no tier)."""
        return max((w for w, _rx, _ids in self._line_prefilters), default=-1)

    @cached_property
    def _plan_masks(self) -> _PlanMasks:
        """Bit masks over the active line rules: the rules a line of ``n`` words may match
        (``words[n]``), a view of a length in band ``b`` of :attr:`_width_breaks`
        (``bands[b]``), a view that starts with character ``c`` (``first[c]``, Latin-1
        characters; any other character: every rule), and the rules of each prefilter
        tier (``tiers``)."""
        line = self.active("line")
        every = (1 << len(line)) - 1
        top = max([r.max_words for r in line] + [0])
        words = [
            sum(1 << k for k, r in enumerate(line) if n <= r.max_words) for n in range(top + 1)
        ]
        breaks = self._width_breaks
        reps = [0] + breaks  # a view length in each band
        bands = [
            sum(1 << k for k, (lo, hi) in enumerate(self._widths) if lo <= w <= hi) for w in reps
        ]
        starts = [_first_chars(r) for r in line]
        first = {
            c: sum(1 << k for k, s in enumerate(starts) if s is None or c in s)
            for c in _FIRST_ALPHABET
        }
        ids = [r.id for r in line]
        tiers = [
            sum(1 << k for k, rid in enumerate(ids) if rid in tier_ids)
            for _w, _rx, tier_ids in self._line_prefilters
        ]
        # rules that need a run of two spaces in the folded line (every ``contains``
        # substring of a case-sensitive rule holds one): a line whose view is its
        # folded self has none (see :func:`_line_view`)
        spaced = sum(
            1 << k
            for k, r in enumerate(line)
            if r.contains and r.case_sensitive and all("  " in c for c in r.contains)
        )
        return _PlanMasks(every, words, bands, first, tiers, spaced)

    def _line_plan(
        self,
        failed: tuple[bool, ...],
        n_words: int,
        n_view: int = -1,
        first: str = "",
        single_spaced: bool = False,
    ) -> _LinePlan:
        """Active line rules not excluded by the failed prefilter tiers that allow a line
        of ``n_words`` words and a view of ``n_view`` characters (-1: any) starting with
        the character ``first`` ("": any), in file order.

        ``failed[k]`` is True when tier ``k`` of :attr:`_line_prefilters` cannot
        match the line; each rule comes with the :class:`_Screen` of its ``contains``
        substrings (None when it has none). A rule whose
        pattern cannot match a string of ``n_view`` characters (:attr:`_widths`), or a
        string starting with ``first`` (:func:`corpus_tools._patterns.first_chars`), is
        left out: it could not match the view. ``single_spaced``: the folded line holds
        no run of two spaces, so a case-sensitive rule that needs one is left out too.
        """
        band = bisect.bisect_right(self._width_breaks, n_view) if n_view >= 0 else -1
        key = (failed, n_words, band, first, single_spaced)
        plan = self._plan_keys.get(key)
        if plan is not None:
            return plan
        pm = self._plan_masks
        mask = pm.words[n_words] if n_words < len(pm.words) else 0
        if band >= 0:
            mask &= pm.bands[band]
        if first:
            mask &= pm.first.get(first, pm.every)
        if single_spaced:
            mask &= ~pm.spaced
        for bad, tier in zip(failed, pm.tiers, strict=True):
            if bad:
                mask &= ~tier
        plan = self._line_plans.get(mask)
        if plan is None:
            screens = self._screens
            plan = self._line_plans[mask] = tuple(
                (r, screens[k]) for k, r in enumerate(self.active("line")) if mask >> k & 1
            )
        if len(self._plan_keys) >= 100_000:
            self._plan_keys.clear()
        self._plan_keys[key] = plan
        return plan

    @cached_property
    def _plan_keys(self) -> dict[tuple[tuple[bool, ...], int, int, str, bool], _LinePlan]:
        """:meth:`_line_plan` by its arguments (the view's length by its band of
        :attr:`_width_breaks`; filled lazily)."""
        return {}

    @cached_property
    def _screens(self) -> tuple[_Screen | None, ...]:
        """:func:`_contains_screen` of each active line rule."""
        return tuple(_contains_screen(r) for r in self.active("line"))

    @cached_property
    def _widths(self) -> tuple[tuple[int, int], ...]:
        """Per active line rule, the shortest and longest view its pattern can fullmatch
        (:func:`_match_width`)."""
        return tuple(_match_width(r) for r in self.active("line"))

    @cached_property
    def _width_breaks(self) -> list[int]:
        """The view lengths where the set of rules :attr:`_widths` allows changes."""
        return sorted({w for lo, hi in self._widths for w in (lo, hi + 1)})

    @cached_property
    def _hits(self) -> dict[str, int]:
        """Short line content -> position in its plan of the first rule whose length
        limit, ``contains`` and pattern take it (-1: none); filled by
        :func:`_apply_line_rules` when every line rule is a plain ``re`` pattern."""
        return {}

    @cached_property
    def _docs(self) -> _DocMemo:
        """Documents cleaned already -> their result (see :func:`clean_text`)."""
        return _DocMemo()

    @cached_property
    def _edge_literals(self) -> dict[str, tuple[str, ...]]:
        """Per active prefix/suffix rule id, :func:`_required_literals` of its pattern."""
        return {r.id: _required_literals(r) for r in self.active("prefix") + self.active("suffix")}

    @cached_property
    def _memo_ok(self) -> bool:
        """Line-rule outcomes may be remembered: no time-bounded (user) pattern."""
        return all(isinstance(r.regex, re.Pattern) for r in self.active("line"))

    def __getstate__(self) -> dict[str, Any]:
        # the lazily filled caches (plans, remembered lines) stay in this process
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @cached_property
    def _line_prefilters(
        self,
    ) -> list[tuple[int, re.Pattern[str] | BoundedPattern, frozenset[str]]]:
        """Alternations of the time-bounded (user) line rules, one per length tier
        (max_words <= 25, > 25).

        Each entry is ``(max_words, regex, rule ids)``: a line with at most
        ``max_words`` words that the regex does not fullmatch cannot match
        any of those rules, so they are skipped (a speed-up, same result); a
        timeout means "may match" and the rule itself is tried. A rule that
        refers to its own groups (``\\1``) is left out (merged, its groups would be
        renumbered). Plain ``re`` patterns (the shipped rules) are tried one by one,
        each only on views of a length it can match (:attr:`_widths`): cheaper
        than one alternation that tries every pattern on every short line.
        """
        plain = [
            r
            for r in self.active("line")
            if isinstance(r.regex, BoundedPattern)
            and r.collapse_space
            and not r.case_sensitive
            and not r.contains
            and not has_group_refs(r.pattern, re.IGNORECASE)
        ]
        out: list[tuple[int, re.Pattern[str] | BoundedPattern, frozenset[str]]] = []
        for tier in (
            [r for r in plain if r.max_words <= 25],
            [r for r in plain if r.max_words > 25],
        ):
            if not tier:
                continue
            joined = "|".join(f"(?:{r.pattern})" for r in tier)
            try:
                rx = BoundedPattern(joined, re.IGNORECASE, lenient=True)
            except re.error:  # e.g. the same group name in two user patterns
                continue
            out.append((max(r.max_words for r in tier), rx, frozenset(r.id for r in tier)))
        return out


def _rule_fields(raw: Any, fname: str, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The checked fields of one rule mapping (all but the compiled pattern)."""
    rid = raw.get("id", "?") if isinstance(raw, Mapping) else "?"
    where = f"{fname}, rule {rid!r}"
    if not isinstance(raw, Mapping):
        raise DataFileError(f"{fname}: every item of 'rules' must be a mapping, got {raw!r}.")
    missing = [k for k in _RULE_KEYS_REQUIRED if k not in raw or raw[k] in (None, "")]
    if missing:
        raise DataFileError(f"{where}: missing required key(s) {missing}.")
    unknown = [k for k in raw if k not in _RULE_KEYS_REQUIRED + _RULE_KEYS_OPTIONAL]
    if unknown:
        raise DataFileError(
            f"{where}: unknown key(s) {unknown}; allowed keys are "
            f"{list(_RULE_KEYS_REQUIRED + _RULE_KEYS_OPTIONAL)}."
        )
    if not re.fullmatch(r"[a-z0-9_]+", str(raw["id"])):
        raise DataFileError(f"{where}: key 'id' must use only a-z, 0-9 and '_'.")
    kw: dict[str, Any] = {k: str(raw[k]) for k in _RULE_KEYS_REQUIRED}
    kw["match"] = str(raw.get("match", "line"))
    if kw["match"] not in _MATCH_KINDS:
        raise DataFileError(f"{where}: key 'match' is {kw['match']!r}; use one of {_MATCH_KINDS}.")
    for key in ("max_words", "max_chars", "first_lines", "last_lines"):
        val = raw.get(key, defaults.get(key))
        if val is None:
            continue
        if isinstance(val, bool) or not isinstance(val, int) or val < 1:
            raise DataFileError(f"{where}: key {key!r} must be a positive integer, got {val!r}.")
        kw[key] = val
    for key in ("requires_no_final_punct", "case_sensitive", "collapse_space"):
        if key in raw:
            if not isinstance(raw[key], bool):
                raise DataFileError(
                    f"{where}: key {key!r} must be true or false, got {raw[key]!r}."
                )
            kw[key] = raw[key]
    kw["source"] = str(raw.get("source", ""))
    if "contains" in raw:
        cont = raw["contains"]
        if isinstance(cont, str):
            cont = [cont]
        if (
            not isinstance(cont, list)
            or not cont
            or not all(isinstance(c, str) and c for c in cont)
        ):
            raise DataFileError(
                f"{where}: key 'contains' must be a non-empty string or list of strings."
            )
        kw["contains"] = tuple(c if kw.get("case_sensitive", False) else c.casefold() for c in cont)
    return kw


def _match_width(rule: Rule) -> tuple[int, int]:
    """The shortest and longest string a plain ``re`` line rule can fullmatch on its
    view; ``(0, huge)`` when unknown (a time-bounded user pattern, a rule matched on
    the uncollapsed line). ``re`` matches one character per character even when it
    ignores case, so a view outside these lengths cannot match.

    Examples
    --------
    >>> r = load_rules()
    >>> _match_width(next(x for x in r.rules if x.id == "menu_word"))[1] < 30
    True
    """
    rx = rule.regex
    if not isinstance(rx, re.Pattern) or not rule.collapse_space:
        return 0, _HUGE
    try:
        lo, hi = re_parser.parse(rx.pattern, rx.flags).getwidth()
    except Exception:  # noqa: BLE001 - an internal parser that changed: no filter
        return 0, _HUGE
    return int(lo), min(int(hi), _HUGE)


_HUGE = 1 << 40


def _rule_regex(
    kw: Mapping[str, Any], where: str, trusted: bool
) -> re.Pattern[str] | BoundedPattern:
    """Compile a rule's pattern; a user pattern that can backtrack exponentially is refused
    and the rest run with a time limit per match."""
    flags = 0 if kw.get("case_sensitive", False) else re.IGNORECASE
    pattern = kw["pattern"]
    try:
        if kw["match"] == "suffix":
            regex = re.compile(f"(?:{pattern})\\Z", flags)
        else:
            regex = re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(
            f"{where}: key 'pattern' is not a valid regular expression ({exc})."
        ) from None
    if trusted:
        return regex
    risk = pattern_risk(pattern, flags)
    try:
        compiled = BoundedPattern(regex.pattern, flags, what=where)
    except re.error as exc:
        raise DataFileError(
            f"{where}: key 'pattern' cannot be run with a time limit ({exc}); simplify it."
        ) from None
    if risk is None:
        method = {"line": "fullmatch", "prefix": "match", "suffix": "search"}[kw["match"]]
        risk = probe_pattern(compiled, fold(kw["example"]), method)
    if risk is not None:
        raise DataFileError(f"{where}: key 'pattern' {pattern!r} is refused: {risk}.")
    return compiled


def _compile_rule(
    raw: Mapping[str, Any], fname: str, defaults: Mapping[str, Any], *, trusted: bool = False
) -> Rule:
    """Validate and compile one rule; ``trusted`` only for the shipped file.

    A user rule's pattern is refused when it can backtrack exponentially
    (:func:`corpus_tools._patterns.pattern_risk`, then a few test lines with
    a time limit) and is matched with a time limit per line; the shipped
    rules are checked by a test and run on ``re``.
    """
    kw = _rule_fields(raw, fname, defaults)
    where = f"{fname}, rule {raw['id']!r}"
    rule = Rule(regex=_rule_regex(kw, where, trusted), **kw)
    if not _rule_hits_example(rule):
        raise DataFileError(
            f"{where}: key 'example' ({rule.example!r}) is not matched by key 'pattern'; "
            "fix the pattern or the example."
        )
    return rule


def _rule_hits_example(rule: Rule) -> bool:
    ex = fold(rule.example)
    if rule.contains:
        hay = ex if rule.case_sensitive else ex.casefold()
        if not any(c in hay for c in rule.contains):
            return False
    if rule.match == "line":
        view = " ".join(ex.split()) if rule.collapse_space else ex.strip()
        return rule.regex.fullmatch(view) is not None
    if rule.match == "prefix":
        m = rule.regex.match(ex)
        return m is not None and m.end() > 0
    m = rule.regex.search(ex)
    return m is not None and m.start() < len(ex)


def _parse_rules_file(data: Any, fname: str, *, trusted: bool = False) -> list[Rule]:
    if not isinstance(data, Mapping) or "rules" not in data:
        raise DataFileError(f"{fname}: expected a mapping with a 'rules' list at the top level.")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, Mapping):
        raise DataFileError(f"{fname}: key 'defaults' must be a mapping.")
    bad = [k for k in defaults if k not in ("max_words", "max_chars")]
    if bad:
        raise DataFileError(
            f"{fname}: unknown key(s) {bad} in 'defaults'; allowed: max_words, max_chars."
        )
    items = data["rules"]
    if not isinstance(items, list):
        raise DataFileError(f"{fname}: key 'rules' must be a list.")
    return [_compile_rule(item, fname, defaults, trusted=trusted) for item in items]


def _read_yaml(path: str | Path | None) -> tuple[Any, str]:
    return read_yaml(path, default="boilerplate.yml", what="rules file")


def _rules_and_files(
    path: str | Path | None, extend: str | Path | Sequence[Mapping[str, Any]] | None
) -> tuple[list[Rule], list[str]]:
    """The rules of ``path`` and then of ``extend``, with the names of their files; ids unique."""
    data, fname = _read_yaml(path)
    rules = _parse_rules_file(data, fname, trusted=path is None)
    files = [fname]
    if extend is not None:
        if isinstance(extend, (str, Path)):
            edata, efile = _read_yaml(extend)
            rules += _parse_rules_file(edata, efile)
            files.append(efile)
        else:
            rules += _parse_rules_file({"rules": list(extend)}, "extra rules")
            files.append("extra rules")
    seen: dict[str, int] = {}
    for r in rules:
        if r.id in seen:
            raise DataFileError(
                f"{' + '.join(files)}, rule {r.id!r}: key 'id' is used twice; ids must be unique."
            )
        seen[r.id] = 1
    return rules, files


def load_rules(
    path: str | Path | None = None,
    *,
    extend: str | Path | Sequence[Mapping[str, Any]] | None = None,
    disable_categories: Iterable[str] = (),
    blocks: str | Path | None = None,
    templates: Any = None,
    extra: str | Path | Sequence[Mapping[str, Any]] | None = None,
) -> Rules:
    """Load, validate and compile boilerplate rules.

    Parameters
    ----------
    path : str or Path, optional
        A YAML rules file that *replaces* the shipped ``data/boilerplate.yml``
        (same schema, see the header of that file).
    extend : str, Path or list of dict, optional
        More rules *added* after the base rules: a YAML file or a list of
        rule mappings (``id, category, pattern, description, example``...).
        (``extra=`` is the old, deprecated name of this argument.)
    disable_categories : iterable of str
        Categories to turn off: YAML categories (``signup``, ``credit``...)
        and/or built-in steps (``unicode``, ``mojibake``, ``duplicate``,
        ``layout``, ``block`` = the text-block classifier, ``template`` =
        lines learned across documents by :func:`load_corpus`).
    blocks : str or Path, optional
        A YAML file with the text-block classifier's thresholds and chrome
        words (schema of the shipped ``data/blocks.yml``; keys left out keep
        the shipped values).
    templates : DataFrame or CSV path, optional
        A template table (columns ``outlet`` and ``line``, e.g. an edited
        :func:`learned_boilerplate` table) used by :func:`load_corpus`
        *instead of* the lines it would learn.

    Returns
    -------
    Rules

    Raises
    ------
    DataFileError
        Naming the file, the rule id and the bad key (missing key, invalid
        regular expression, an ``example`` its own pattern does not match,
        a duplicated id).

    Examples
    --------
    >>> rules = load_rules(disable_categories=["cookies"])
    >>> "signup" in rules.categories, rules.enabled("cookies")
    (True, False)
    >>> mine = [{"id": "podcast_prompt", "category": "signup", "pattern": "listen to our podcast.*",
    ...          "description": "podcast prompt", "example": "Listen to our podcast on Spotify"}]
    >>> len(load_rules(extend=mine)) == len(load_rules()) + 1
    True
    """
    if extra is not None:
        warnings.warn(
            "load_rules(extra=...) is deprecated; use extend=... (the same argument name as "
            "every other loader).",
            DeprecationWarning,
            stacklevel=2,
        )
        extend = extra if extend is None else extend
    rules, files = _rules_and_files(path, extend)
    disabled = frozenset(str(c) for c in disable_categories)
    valid = tuple(dict.fromkeys(r.category for r in rules)) + BUILTIN_CATEGORIES
    for c in sorted(disabled):
        if c not in valid:
            raise invalid_option("disable_categories", c, valid)
    settings = load_block_settings(blocks) if blocks is not None else None
    tpl = table_to_sets(templates) if templates is not None else None
    return Rules(tuple(rules), disabled, tuple(files), settings, tpl)


@lru_cache(maxsize=1)
def _default_rules() -> Rules:
    return load_rules()


@lru_cache(maxsize=8)
def _rules_from_file(path: str | None, mtime_ns: int, size: int) -> Rules:
    """``load_rules(path)``, once per version of the file (see ``file_key``)."""
    return load_rules(path)


def as_rules(rules: Rules | str | Path | None) -> Rules:
    """The :class:`Rules` meant by a ``rules=`` argument: None (the shipped rules),
    a :class:`Rules` object, or a YAML path (read once per version of the file).

    Examples
    --------
    >>> as_rules(None) is as_rules(None), as_rules(load_rules()).enabled("block")
    (True, True)
    """
    if rules is None:
        return _default_rules()
    if isinstance(rules, Rules):
        return rules
    if isinstance(rules, (str, Path)):
        # a path given to load_corpus() is used for every document: read, check
        # and compile it once per version of the file, not once per document
        key = file_key(rules)
        if key[1] < 0:
            return load_rules(rules)  # raises the plain "does not exist" error
        return _rules_from_file(*key)
    raise CorpusValueError(
        f"rules={rules!r} is not valid; pass None, a Rules object from load_rules(), "
        "or a YAML path."
    )


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix (binary search on slices: fast on long lines)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, min(len(a), len(b), limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _ends_with_punct(view: str, punct: frozenset[str]) -> bool:
    return bool(view) and view[-1] in punct


def _title_after_label(view: str) -> bool:
    """True for ``Label: <four or more words>`` (a headline behind a label such as "Photos:")."""
    k = view.find(":")
    return k >= 0 and len(_WORD_RE.findall(view[k + 1 :])) >= 4


def _is_headline_like(view: str) -> bool:
    """<= 12 words with >= 60 % title-case word tokens (one of the conditions for rejoining a broken line)."""
    return _is_title_case(view, 12)


def _is_title_case(view: str, max_words: int) -> bool:
    """<= ``max_words`` words with >= 60 % title-case word tokens (of those with a letter)."""
    words = view.split()
    if not words or len(words) > max_words:
        return False
    alpha = [w for w in words if any(ch.isalpha() for ch in w)]
    if not alpha:
        return False
    titled = sum(1 for w in alpha if next(ch for ch in w if ch.isalpha()).isupper())
    return titled / len(alpha) >= 0.6


_FTFY_CONFIG: Any = None


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


# sha256 (first 16 hex digits) of the ftfy mojibake regexes checked to allow
# windows, with the half-width: every alternative holds a character class of
# non-ASCII characters only and matches at most 7 characters, so any match lies
# within 6 characters of a non-ASCII character (tests/test_clean_mojibake.py
# re-derives this from the pattern). Another ftfy's regex is searched whole.
_BADNESS_WINDOWS = {"9dcc0f2ac90d9ae3": 7}


@lru_cache(maxsize=1)
def _badness_window() -> tuple[re.Pattern[str], int]:
    """ftfy's mojibake regex and the half-width of the windows :func:`_is_bad`
    searches (0: search the whole line)."""
    from ftfy.badness import BADNESS_RE

    key = hashlib.sha256(BADNESS_RE.pattern.encode("utf-8")).hexdigest()[:16]
    flags_ok = not BADNESS_RE.flags & (re.IGNORECASE | re.MULTILINE)
    return BADNESS_RE, (_BADNESS_WINDOWS.get(key, 0) if flags_ok else 0)


def _is_bad(s: str) -> bool:
    """Same as ``ftfy.badness.is_bad(s)``: the regex searched only near non-ASCII
    characters (a line of prose with a few "£" or "é" is not scanned whole)."""
    rx, w = _badness_window()
    if w == 0:
        return rx.search(s) is not None
    end = -1  # end of the window being grown
    start = 0
    for m in _NON_ASCII_RUN.finditer(s):
        a, b = max(0, m.start() - w + 1), m.end() + w - 1
        if a > end:
            if end >= 0 and rx.search(s, start, end):
                return True
            start = a
        end = b
    return end >= 0 and rx.search(s, start, end) is not None


@lru_cache(maxsize=1)
def _badness_needs() -> tuple[dict[str, int], tuple[int, ...]] | None:
    """ftfy's mojibake regex as characters each alternative needs: every alternative is
    a sequence, and each of its one-character items (a literal or a set of literals
    and ranges, matched once) whose characters are all non-ASCII gets a bit. Returns
    (non-ASCII character -> bits of the items it matches, bits of each alternative's
    items); None when the pattern is not read this way (then nothing is skipped)."""
    rx, _w = _badness_window()
    try:
        from re import _constants as rc  # type: ignore[attr-defined]
        from re import _parser as rp

        ((op, (_, branches)),) = rp.parse(rx.pattern, rx.flags)
    except Exception:  # pragma: no cover - another Python's parser
        return None
    if op is not rc.BRANCH or rx.flags & re.IGNORECASE:
        return None
    by_char: dict[str, int] = {}
    needs: list[int] = []
    bit = 0
    for branch in branches:
        mask = 0
        for o, a in branch:
            chars = _item_chars(o, a, rc)
            if not chars or min(chars) < "\x80":
                continue
            for c in chars:
                by_char[c] = by_char.get(c, 0) | 1 << bit
            mask |= 1 << bit
            bit += 1
        if not mask:
            return None  # an alternative that needs no non-ASCII character
        needs.append(mask)
    return by_char, tuple(needs)


def _item_chars(op: Any, av: Any, rc: Any) -> str | None:
    """The characters a one-character item of a parsed pattern matches (a literal, or a
    set of literals and ranges); None for any other item."""
    if op is rc.LITERAL:
        return chr(av)
    if op is not rc.IN:
        return None
    out = []
    for o, a in av:
        if o is rc.LITERAL:
            out.append(chr(a))
        elif o is rc.RANGE:
            out.append("".join(map(chr, range(a[0], a[1] + 1))))
        else:
            return None  # a negated set or a category
    return "".join(out)


def _no_mojibake_chars(rest: str) -> bool:
    """True when ftfy's mojibake regex cannot match in a text whose non-ASCII
    characters are ``rest``: every alternative needs a character of each of its
    non-ASCII items (:func:`_badness_needs`), and for each some item has none in
    ``rest``. Then no line, nor any piece of one, is bad.

    >>> _no_mojibake_chars("\u00e9\u2019"), _no_mojibake_chars("\u00e9\u00a3")
    (True, False)
    """
    needs = _badness_needs()
    if needs is None:
        return False
    by_char, alternatives = needs
    have = 0
    for c in set(rest):
        have |= by_char.get(c, 0)
    return not any(m & have == m for m in alternatives)


def _fix_mojibake(s: str) -> tuple[str, str]:
    """Return (fixed, steps) for one line; ``steps`` is "" when nothing changed."""
    global _FTFY_CONFIG
    if not _is_bad(s):
        return s, ""
    from ftfy import TextFixerConfig, fix_and_explain

    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = TextFixerConfig(
            uncurl_quotes=False,
            fix_character_width=False,
            fix_line_breaks=False,
            normalization="NFC",
            explain=True,
        )
    fixed, expl = fix_and_explain(s, config=_FTFY_CONFIG)
    if fixed == s or _TERM_RE.search(fixed):
        return s, ""
    steps = " → ".join(f"{a} {b}" for a, b in (expl or []))
    return fixed, steps or "fix_text"


_MOJI_CHUNK = 10_000
# ftfy is only asked about lines with a character outside ASCII and the common
# typographic characters (curly quotes, dashes, NBSP, ellipsis): every
# mojibake sequence contains one (UTF-8 lead bytes read as cp1252/Latin-1
# are in U+00C2..U+00F4, other codecs give other letters or C1 controls).
_MAYBE_MOJIBAKE = re.compile("[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u00a0\u2026]")


def _fix_mojibake_long(s: str) -> tuple[str, str]:
    """ftfy on a line; long lines in ~10k pieces cut after a space, only bad pieces fixed."""
    if len(s) <= 2 * _MOJI_CHUNK:
        return _fix_mojibake(s)
    pieces: list[str] = []
    steps = ""
    pos = 0
    while pos < len(s):
        cut = s.find(" ", pos + _MOJI_CHUNK)
        cut = len(s) if cut < 0 else cut + 1
        piece = s[pos:cut]
        fixed, st = _fix_mojibake(piece)
        if st and not steps:
            steps = st
        pieces.append(fixed)
        pos = cut
    return ("".join(pieces), steps) if steps else (s, "")


#: a right single quote U+2019 (UTF-8 E2 80 99) read as cp1252 with its two
#: continuation bytes lost ("Japanâs", "donât", "Iâm"): "â" between a letter and an
#: English contraction ending ('s, 't, 're, 'll, 've, 'd; 'm only after "I")
_LOST_APOSTROPHE_RE = re.compile(
    r"(?<=[^\W\d_])\u00e2(?=(?:s|t|re|ll|ve|d)(?![^\W_]))|(?<=\bI)\u00e2(?=m(?![^\W_]))"
)
#: English function words no other language of the stop lists writes: "â" before
#: "t"/"s"/"m" ends words in Romanian ("cât", "râs"), French ("dégât") and Vietnamese
#: ("tâm"), so the repair needs an English line
_ENGLISH_ONLY = frozenset(
    "the and of to is was that with for are were has have this from they their would "
    "will been which what who after over says said not it its he his she by".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def _lost_apostrophe(s: str) -> str | None:
    """``s`` with "â" standing for a lost right single quote replaced by U+2019, when
    ``s`` reads as English (English function words are 2+ and a tenth of its words, or
    1 in a line of up to 8 words: a headline); None when nothing is repaired.

    Examples
    --------
    >>> _lost_apostrophe("Japanâs economy: we donât know the cause and Iâm sure theyâre right")
    'Japan’s economy: we don’t know the cause and I’m sure they’re right'
    >>> _lost_apostrophe("Cât costă pâinea? Ce dégât à la trung tâm") is None
    True
    >>> _lost_apostrophe("Bir teşkilât olarak " + "her gün " * 10 + "with the") is None
    True
    """
    if _LOST_APOSTROPHE_RE.search(s) is None:
        return None
    words = _WORD_RE.findall(s.casefold())
    n_en = sum(w in _ENGLISH_ONLY for w in words)
    if not (n_en >= 2 and 10 * n_en >= len(words) or n_en == 1 and len(words) <= 8):
        return None
    return _LOST_APOSTROPHE_RE.sub("\u2019", s)


# --------------------------------------------------------------------------
# the cleaner
# --------------------------------------------------------------------------
@dataclass(slots=True)
class _Line:
    cs: int  # raw content start
    ce: int  # raw content end
    te: int  # raw terminator end
    fixed: str  # content after Unicode repair
    urules: list[str]  # Unicode rules applied (zero_width, nfc, mojibake:...)
    blank: bool
    view: str | None = None  # folded, trimmed, collapsed (None for very long lines)
    nwords: int = 0
    folded: str | None = None  # fold(fixed), set by _line_view (None for very long lines)
    # runs of HTML character references unescaped (start, end, replacement) in the content
    ent_runs: list[tuple[int, int, str]] | None = None


def _line_ends(raw: str) -> list[tuple[int, int]]:
    """``(content end, terminator end)`` of every ``\\r\\n``, ``\\r`` or ``\\n`` in ``raw``."""
    if "\r" in raw:
        return [(m.start(), m.end()) for m in _TERM_RE.finditer(raw)]
    ends = []
    find = raw.find
    i = find("\n")
    while i >= 0:
        ends.append((i, i + 1))
        i = find("\n", i + 1)
    return ends


_ZW_CHARS = "\u200b\u2060\ufeff\u00ad"  # the characters of _ZW_RE
_MOJI_SAFE = "\u2018\u2019\u201c\u201d\u2013\u2014\u00a0\u2026"  # non-ASCII not in _MAYBE_MOJIBAKE
#: (``text.translate`` of this leaves a non-ASCII text that ``_MAYBE_MOJIBAKE`` searches)
_MOJI_SAFE_DROP = dict.fromkeys(map(ord, _MOJI_SAFE))
_ASCII_BYTES = bytes(range(128))


def _has_zero_width(text: str) -> bool:
    """Same as ``_ZW_RE.search(text) is not None`` (substring search: faster on long text)."""
    return any(c in text for c in _ZW_CHARS)


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text`` in order (UTF-8 writes them with bytes
    0x80-0xff only, so deleting the ASCII bytes leaves whole characters)."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return rest.decode("utf-8", "surrogatepass")


#: an HTML character reference with its semicolon (``&#39;``, ``&#x27;``, ``&amp;``,
#: ``&rsquo;``), maybe escaped again up to three more times (``&amp;#39;``,
#: ``&amp;amp;copy;``); a named one counts only when HTML5 knows the name (checked in
#: :func:`_unescape_entities`)
_ENTITY_RE = re.compile(
    r"&(?:amp;){0,3}(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"(?!amp;)"  # a deeper chain is left whole, not read in part
)

#: one more level of escaping of an ampersand: ``&amp;amp;`` is ``&amp;`` escaped again
_AMP_AGAIN = "amp;"


def _reference(ref: str) -> str:
    """The character(s) a reference matched by :data:`_ENTITY_RE` stands for ('' when it
    stands for none that may be unescaped). Escaped again ("&amp;#39;", "&amp;amp;copy;")
    it is read through every level: no text writes "&amp;amp;copy;" but one escaped twice
    (the inner reference must still be complete and known: "&amp;amp;" alone is a doubled
    "&amp;", an ampersand, but "&amp;amp;bogus;" stays whole, and so does a chain deeper
    than :data:`_ENTITY_RE` reads)."""
    body = ref[1:-1]
    while body.startswith(_AMP_AGAIN) and len(body) > len(_AMP_AGAIN):
        body = body[len(_AMP_AGAIN) :]
    if body[0] == "#":
        hexa = body[1] in "xX"
        code = int(body[2:] if hexa else body[1:], 16 if hexa else 10)
        out = chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
    else:
        out = html.entities.html5.get(body + ";", "")
    # a printable character or a space (no-break, thin): never a line break or a control
    if not out or not all(c.isprintable() or unicodedata.category(c) == "Zs" for c in out):
        return ""
    return out


def _unescape_entities(text: str) -> tuple[str, list[tuple[int, int, str]]] | None:
    """``text`` with its HTML character references replaced, and the runs replaced
    (``(start, end, replacement)`` in ``text``, references that touch one another in one
    run); None when it has none.

    Text from a news API or a table is often HTML-escaped ("Trump&#39;s", "Q&amp;A"),
    sometimes twice ("&amp;#39;", "&amp;amp;copy;"). Only a complete reference counts:
    a named one that HTML5 defines, or a number naming a printable character; a literal
    "&" ("AT&T", "R&D", "Q & A") never does.

    Examples
    --------
    >>> _unescape_entities("Q&amp;A: Trump&#39;s &quot;&quot; deal &amp;amp;copy; AT&T")
    ('Q&A: Trump\\'s "" deal © AT&T', [(1, 6, '&'), (14, 19, "'"), (21, 33, '""'), (39, 53, '©')])
    >>> _unescape_entities("AT&T and R&D; &bogus; &amp;amp;bogus; &amp;amp;amp;amp;amp;#39;") is None
    True
    """
    if "&" not in text or ";" not in text:
        return None
    runs: list[tuple[int, int, str]] = []
    for m in _ENTITY_RE.finditer(text):
        out = _reference(m.group())
        if not out:
            continue
        a, b = m.span()
        if runs and runs[-1][1] == a:
            runs[-1] = (runs[-1][0], b, runs[-1][2] + out)
        else:
            runs.append((a, b, out))
    if not runs:
        return None
    pieces: list[str] = []
    pos = 0
    for a, b, out in runs:
        pieces += [text[pos:a], out]
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces), runs


def _split_lines(raw: str, rules: Rules, entities: bool = False) -> list[_Line]:
    """``raw`` as repaired lines; ``entities``: HTML character references are unescaped
    too (text that is not HTML: an extractor has unescaped HTML already)."""
    lines: list[_Line] = []
    pos = 0
    n = len(raw)
    if n == 0:
        return lines
    do_unicode = rules.enabled("unicode")
    do_moji = rules.enabled("mojibake")
    do_ent = entities and do_unicode and "&" in raw and _ENTITY_RE.search(raw) is not None
    # which repairs some line may need: NFC and the searches are per line, and line
    # terminators are starters that never compose, so a test the whole text passes
    # every line passes (unless an unescaped reference or a removed zero-width
    # character made the line new: then each line is tested)
    check_zw, check_nfc, check_moji = do_unicode, do_unicode, do_moji
    if not do_ent:
        if raw.isascii():
            return _plain_lines(raw)
        # (both looked for among the non-ASCII characters alone: a short text)
        rest = _non_ascii(raw)
        check_zw = do_unicode and _has_zero_width(rest)
        check_nfc = do_unicode and not unicodedata.is_normalized("NFC", raw)
        check_moji = do_moji and bool(rest.translate(_MOJI_SAFE_DROP))
        if check_moji and not (check_zw or check_nfc) and "\u00e2" not in rest:
            # every line is its raw text: none is repaired when ftfy's regex cannot match
            # these characters (nor _lost_apostrophe, which needs a "\u00e2")
            check_moji = not _no_mojibake_chars(rest)
        if not (check_zw or check_nfc or check_moji):
            return _plain_lines(raw)  # nothing to repair anywhere
    ends = _line_ends(raw)
    if not ends or ends[-1][1] != n:
        ends.append((n, n))
    for ce, te in ends:
        content = raw[pos:ce]
        fixed = content
        urules: list[str] = []
        ent_runs = None
        if do_ent and (unesc := _unescape_entities(fixed)) is not None:
            fixed, ent_runs = unesc
            urules.append("html_entity")
        if fixed and not fixed.isascii():
            if check_zw and _ZW_RE.search(fixed):
                fixed = _ZW_RE.sub("", fixed)
                urules.append("zero_width")
            if (check_nfc or urules) and not unicodedata.is_normalized("NFC", fixed):
                fixed = unicodedata.normalize("NFC", fixed)
                urules.append("nfc")
            if check_moji and _MAYBE_MOJIBAKE.search(fixed):
                fixed2, steps = _fix_mojibake_long(fixed)
                if steps:
                    fixed = fixed2
                    urules.append(f"mojibake:{steps}")
                if "\u00e2" in fixed and (fixed3 := _lost_apostrophe(fixed)) is not None:
                    fixed = fixed3
                    urules.append("mojibake:lost_apostrophe_bytes")
        lines.append(_Line(pos, ce, te, fixed, urules, not fixed.strip(), ent_runs=ent_runs))
        pos = te
    return lines


def _plain_lines(raw: str) -> list[_Line]:
    """The lines of a non-empty ``raw`` that needs no repair (its content as it is)."""
    lines: list[_Line] = []
    append = lines.append
    if "\r" in raw:
        pos = 0
        ends = _line_ends(raw)
        if not ends or ends[-1][1] != len(raw):
            ends.append((len(raw), len(raw)))
        for ce, te in ends:
            content = raw[pos:ce]
            append(_Line(pos, ce, te, content, [], not content or content.isspace()))
            pos = te
        return lines
    parts = raw.split("\n")
    if not parts[-1]:
        parts.pop()  # raw ends with a terminator: no line after it
    pos = 0
    for content in parts:
        ce = pos + len(content)
        append(_Line(pos, ce, ce + 1, content, [], not content or content.isspace()))
        pos = ce + 1
    last = lines[-1]
    if last.te > len(raw):
        last.te = len(raw)  # the last line has no terminator
    return lines


def _line_view(ln: _Line, max_chars: int, folded_raw: str) -> None:
    """Set ``view``, ``nwords`` and ``folded``; ``folded_raw`` is ``fold(raw)``."""
    if ln.blank or len(ln.fixed) > max_chars:
        return
    # an unrepaired line is raw[cs:ce], and folding is per character
    f = ln.folded = fold(ln.fixed) if ln.urules else folded_raw[ln.cs : ln.ce]
    # every whitespace character but the space is unprintable (a control character or a
    # separator: tab, \x1c, no-break and em spaces, U+2028...), so a printable line
    # without leading, trailing or double spaces is split by single spaces only
    if f[0] != " " and f[-1] != " " and "  " not in f and f.isprintable():
        # single spaces only: the collapsed view is the line itself
        ln.view = f
        ln.nwords = f.count(" ") + 1
        return
    words = f.split()
    ln.view = " ".join(words)
    ln.nwords = len(words)


class Removal(NamedTuple):
    """Why a whole line goes: the rule id, its category and the reason (``detail``)."""

    rule: str
    category: str
    detail: str = ""


class Cut(NamedTuple):
    """A piece ``[start, end)`` of a kept line's repaired content that a rule cuts."""

    start: int
    end: int
    rule: str
    category: str


class Edit(NamedTuple):
    """One change of the raw text: raw ``[start, end)`` stands as ``replacement``.

    Every log row of :func:`clean_text` is one edit (see :data:`LOG_ROW_KEYS`).
    """

    start: int
    end: int
    replacement: str
    rule: str
    category: str
    line_no: int
    detail: str = ""


@dataclass
class _Doc:
    """One document while it is cleaned: its lines and the decisions taken so far."""

    raw: str
    rs: Rules
    extracted: bool
    lines: list[_Line]
    nb: list[int]  # indices of the non-blank lines
    max_words: int  # the largest max_words of the active line rules
    removed: dict[int, Removal] = field(default_factory=dict)
    doubled: dict[int, tuple[int, int]] = field(default_factory=dict)  # line -> cut in fixed
    repaired: list[int] = field(default_factory=list)  # lines with Unicode repairs (urules)
    headline_list: bool = False  # every line a headline (see _is_headline_list)
    # words of the non-blank lines before each (extracted text; see _inside_extracted_body)
    words_before: list[int] | None = None
    # rank of the first non-blank line of 8+ words (extracted text; see _notice_above_body)
    first_body: int | None = None

    @property
    def title(self) -> int:
        """The first non-blank line: the document's title (-1 when there is none)."""
        return self.nb[0] if self.nb else -1


@dataclass
class _Cover:
    """Lines whose content / terminator an edit already covers (no second edit there)."""

    line: list[bool]
    term: list[bool]


def _prepare(raw: str, rs: Rules, extracted: bool) -> _Doc | None:
    """Split ``raw`` into repaired lines with their matching views (None: nothing to clean)."""
    lines = _split_lines(raw, rs, entities=not extracted)
    if not lines:
        return None
    max_chars_all, max_words_all = rs._line_limits
    folded_raw = fold(raw)
    nb = []
    repaired = []
    for i, ln in enumerate(lines):
        if ln.urules:
            repaired.append(i)
        if not ln.blank:
            nb.append(i)
            if len(ln.fixed) <= max_chars_all:
                _line_view(ln, max_chars_all, folded_raw)
    return _Doc(raw, rs, extracted, lines, nb, max_words_all, repaired=repaired)


def _rule_applies(doc: _Doc, i: int, rule: Rule, rank: int) -> bool:
    """The guards of ``rule`` on line ``i`` after its length limits and ``contains``
    substrings (rank: among non-blank lines)."""
    ln = doc.lines[i]
    assert ln.view is not None
    if rule.first_lines is not None and rank >= rule.first_lines:
        return False
    if rule.last_lines is not None and len(doc.nb) - 1 - rank >= rule.last_lines:
        return False
    if rule.requires_no_final_punct and _ends_with_punct(ln.view, _SENT_PUNCT):
        return False
    if doc.extracted and (
        rule.category in _UNSAFE_ON_EXTRACTED
        or (rule.category in _FOOTER_CATEGORIES and _notice_above_body(doc, rank))
    ):
        return False
    if doc.headline_list:
        # in a list of headlines every line is a title, and a title-case line of four
        # or more words is one of the headlines, whatever it says ("Sign Up For
        # BuzzFeed's Crossword Newsletter Reminders" is a BuzzFeed headline): data
        if ln.nwords >= 4 and _is_title_case(ln.view, _HEADLINE_MAX_WORDS):
            return False
    elif i != doc.title:
        return True
    # the first line is the document's title: a label rule ("Photos: ...",
    # "Watch: ...") does not remove it when a headline follows the label
    return not (rule.category in _TITLE_SAFE and _title_after_label(ln.view))


#: rule categories of a site's furniture, whose copyright notice is a footer
_FOOTER_CATEGORIES = frozenset({"page_chrome"})
#: a line that opens with a copyright notice ("© 2002, 2003", "(c) 2014 ...", "Copyright 2008 ...")
_NOTICE_RE = re.compile(r"(?:©|\(c\)|copyright\b)", re.IGNORECASE)


def _notice_above_body(doc: _Doc, rank: int) -> bool:
    """On extracted text, the ``rank``-th non-blank line is a copyright notice above the
    article's first sentence (no line of 8+ words before it, one after it).

    Extracted text starts where the extractor found the article, so a site's copyright
    footer cannot stand above its body: a notice there is the work's own, printed
    under its title with the byline (an essay's "© 2002, 2003"), and a footer rule
    does not undo the extractor's choice of where the article starts.
    """
    view = doc.lines[doc.nb[rank]].view
    if view is None or not _NOTICE_RE.match(view):
        return False
    if doc.first_body is None:
        doc.first_body = next(
            (r for r, j in enumerate(doc.nb) if _n_words(doc.lines[j]) >= _BODY_LINE_WORDS),
            len(doc.nb),
        )
    return rank < doc.first_body < len(doc.nb)


def _first_hit(plan: _LinePlan, start: int, ln: _Line, lower: list[str]) -> int:
    """Position in ``plan`` (from ``start``) of the first rule whose length limit,
    ``contains`` substrings and pattern take line ``ln``, before its guards (-1: none).
    ``lower`` holds the casefolded line once it is made."""
    view, folded = ln.view, ln.folded
    assert view is not None and folded is not None
    n_chars = len(ln.fixed)
    for k in range(start, len(plan)):
        rule, screen = plan[k]
        if n_chars > rule.max_chars:
            continue
        if screen is not None:
            if screen.lower:
                if not lower:
                    lower.append(folded.casefold())
                hay = lower[0]
            else:
                hay = folded
            for first, sub in screen.items:
                if (not first or first in hay) and sub in hay:
                    break
            else:
                continue  # none of rule.contains occurs
        target = view if rule.collapse_space else folded.strip()
        if rule.regex.fullmatch(target):
            return k
    return -1


#: lines of at most this many characters have their first rule hit remembered
_MEMO_CHARS = 300
_MEMO_SIZE = 100_000


def _apply_line_rules(doc: _Doc) -> None:
    """Step 1: whole-line rules (the first rule, in file order, that matches a line wins).

    The first rule whose length limit, substrings and pattern take a line depends on
    the line alone: for a short line it is remembered (``Rules._hits``; lines of a
    site's menu and footer recur on every page), and only the rule's guards
    (position, title, final punctuation) are checked per document.
    """
    rs = doc.rs
    prefilters = rs._line_prefilters
    tier_words = rs._tier_words
    all_failed = (True,) * len(prefilters)
    hits = rs._hits if rs._memo_ok else None
    for rank, i in enumerate(doc.nb):
        ln = doc.lines[i]
        nw, view = ln.nwords, ln.view
        if view is None or ln.folded is None or nw > doc.max_words:
            continue
        if doc.extracted and i == doc.title:
            continue
        memo = hits if hits is not None and len(ln.fixed) <= _MEMO_CHARS else None
        k = memo.get(ln.fixed) if memo is not None else None
        if k == -1:
            continue  # remembered: no rule takes the line (its plan is not needed)
        if nw > tier_words:
            failed = all_failed
        else:
            failed = tuple(nw > max_w or rx.fullmatch(view) is None for max_w, rx, _ in prefilters)
        plan = rs._line_plan(failed, nw, len(view), view[0], view is ln.folded)
        lower: list[str] = []
        if k is None:
            k = _first_hit(plan, 0, ln, lower)
            if memo is not None:
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[ln.fixed] = k
        if k >= 0 and doc.extracted and _inside_extracted_body(doc, rank):
            continue
        while k >= 0:
            rule = plan[k][0]
            if _rule_applies(doc, i, rule, rank):
                doc.removed[i] = Removal(rule.id, rule.category)
                break
            k = _first_hit(plan, k + 1, ln, lower)


#: on extracted text, a line of this many words or more ...
_BODY_LINE_WORDS = 8
#: ... with this many words of the extractor's text before it and after it is the article's
_BODY_WORDS_BEFORE = 50
_BODY_WORDS_AFTER = 100


def _inside_extracted_body(doc: _Doc, rank: int) -> bool:
    """Whether the ``rank``-th non-blank line of extracted text is a sentence the extractor
    placed inside the article: 8+ words (or the rest of a sentence such a line began, in
    hard-wrapped text), with 50+ words of text before it and 100+ after, and no table row
    (``| a | b |``: a layout table brings the page's footer along).

    An extractor lets page chrome through at the edges of the article (a footer after the
    last paragraph: "© Reuters 2008 All rights reserved"), where the line rules still
    remove it; a sentence it kept between paragraphs is the article's even when it reads
    like chrome ("You can also subscribe to this newsletter here ...", an RFC's copyright
    notice), and a text rule does not undo that decision. Short lines (a "Tweet" or
    "Comments" button) are not protected.
    """
    if not _placed_inside(doc, rank):
        return False
    ln = doc.lines[doc.nb[rank]]
    if _n_words(ln) >= _BODY_LINE_WORDS:
        return True
    if rank == 0 or not _placed_inside(doc, rank - 1):
        return False
    prev = doc.lines[doc.nb[rank - 1]]
    return _n_words(prev) >= _BODY_LINE_WORDS and _joins_next(
        fold(prev.fixed).rstrip(), fold(ln.fixed)
    )


def _n_words(ln: _Line) -> int:
    """Words of a line between whitespace: ``nwords`` when it has a view (folding maps a
    space to a space, and nothing else to or from one), else counted."""
    return ln.nwords if ln.view is not None else len(ln.fixed.split())


def _placed_inside(doc: _Doc, rank: int) -> bool:
    """The ``rank``-th non-blank line has 50+ words of the text before it and 100+ after,
    and is no table row."""
    if doc.lines[doc.nb[rank]].fixed.lstrip().startswith("|"):
        return False
    if doc.words_before is None:
        acc, out = 0, []
        for j in doc.nb:
            out.append(acc)
            acc += _n_words(doc.lines[j])
        out.append(acc)
        doc.words_before = out
    before = doc.words_before[rank]
    after = doc.words_before[-1] - doc.words_before[rank + 1]
    return before >= _BODY_WORDS_BEFORE and after >= _BODY_WORDS_AFTER


def _apply_templates(doc: _Doc, template: Collection[str] | None) -> None:
    """Step 1b: lines learned as the outlet's template (``template:learned``)."""
    if not template or doc.extracted or not doc.rs.enabled("template") or len(doc.nb) <= 1:
        return
    for i in doc.nb:
        ln = doc.lines[i]
        if i in doc.removed or ln.view is None:
            continue
        if i == doc.title and _is_headline_like(ln.view) and ln.nwords >= 4:
            continue  # a headline an outlet reuses is still this document's title
        if ln.view.casefold() in template:
            doc.removed[i] = Removal(
                "template:learned", "template", "line learned as outlet template"
            )


#: a sentence's last word that is an abbreviation, not a sentence end: "U.S.", "G.D.P.",
#: "Ave.", "Co." (headlines end in them: "Saab Moves to Separate Itself From G.M.")
_ABBREV_END_RE = re.compile(r"(?:^|[\s-])(?:(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,2}\.)$")
#: sentence ends of paragraphs (Latin, CJK, Devanagari danda); '?' and '!' end headlines too
_PARA_END = frozenset(".\u3002\uff0e\u0964")
#: a headline is at most this long (the longest of 32,000 real headlines: 135 characters)
_HEADLINE_MAX_CHARS = 160
_HEADLINE_MAX_WORDS = 30
#: the share of a list of headlines that may end a sentence (one in ten)
_LIST_SENTENCES = 0.1
#: ... when at least this share of its lines are headline-length (four or more words)
_LIST_LONG_SHARE = 0.8


def _is_headline_list(doc: _Doc) -> bool:
    """True when the document is headlines only (a headline export, a list of story titles
    saved as one file): two or more lines, none paragraph-sized, and none ending a sentence
    with a full stop (an abbreviation as in "... From G.M." does not end one, and a
    title-case line of four or more words is a headline however it ends), or, in a list of
    ten or more lines, at most one line in :data:`_LIST_SENTENCES` ("The Japanese
    government has come down hard on bitcoin." among 19 headlines: a lede saved as a
    title) when most lines (:data:`_LIST_LONG_SHARE`) are headline-length (four or
    more words; a page's menu is one- to three-word lines). Such a document has no
    article body to look for: the classifier and rejoining leave it alone, so no headline
    goes as a teaser of another. Line rules still apply, but every line counts as a
    title (a label rule keeps "Photos: <headline>") and a title-case line of four or
    more words is a headline, whatever it says."""
    n = len(doc.nb)
    if n < 2:
        return False
    lines = [doc.lines[i] for i in doc.nb]
    for ln in lines:  # sizes first: a paragraph ends the test before any line is read
        if ln.view is None or ln.nwords > _HEADLINE_MAX_WORDS or len(ln.view) > _HEADLINE_MAX_CHARS:
            return False
    sentences = long_lines = 0
    for ln in lines:
        v = ln.view
        assert v is not None
        long_lines += ln.nwords >= 4
        end = v.rstrip("\"'\u201d\u2019)]\u00bb")
        if end and end[-1] in _PARA_END and not end.endswith("..."):
            # a title-case line of 4+ words is a headline however it ends ("Smoking Ban
            # Hits Home. Truly.", "Rising River Prompts Calls to Leave City in Minn.")
            if end[-1] != "." or not (
                _ABBREV_END_RE.search(end)
                or (ln.nwords >= 4 and _is_title_case(v, _HEADLINE_MAX_WORDS))
            ):
                sentences += 1
                if sentences > n * _LIST_SENTENCES:
                    return False
    return sentences == 0 or long_lines >= n * _LIST_LONG_SHARE


def _apply_paragraph_templates(doc: _Doc, template: Collection[str] | None) -> None:
    """Step 1d: paragraphs learned as the outlet's template
    (:func:`corpus_tools.templates.edge_paragraphs`), outside the article only
    (``template:paragraph``); never on extracted text or a list of headlines."""
    if not template or doc.extracted or not doc.rs.enabled("template") or doc.headline_list:
        return
    kept = [(i, doc.lines[i].view, doc.lines[i].nwords) for i in doc.nb if i not in doc.removed]
    for i, detail in edge_paragraphs(kept, template).items():
        doc.removed[i] = Removal("template:paragraph", "template", detail)


def _apply_classifier(doc: _Doc) -> None:
    """Step 1c: the text-block classifier (:func:`corpus_tools.blocks.classify_lines`);
    on text an HTML extractor chose, its menu test alone (:func:`_apply_menu_lines`)."""
    if not doc.rs.enabled("block") or len(doc.nb) <= 1:
        return
    if doc.extracted:
        _apply_menu_lines(doc)
        return
    if doc.headline_list:
        return
    if len(doc.nb) < (doc.rs.blocks or load_block_settings()).min_lines:
        return  # (classify_page_lines judges no page that short)
    # a very long line (no matching view) is judged by its text: a tag cloud is not a paragraph
    decided = classify_page_lines(
        [
            (
                i,
                doc.lines[i].view
                if doc.lines[i].view is not None
                else _collapsed(doc.lines[i].fixed),
                doc.removed[i].rule if i in doc.removed else None,
            )
            for i in doc.nb
        ],
        doc.rs.blocks,
    )
    for i, (rid, det) in decided.items():
        doc.removed[i] = Removal(rid, "block", det)


def _apply_menu_lines(doc: _Doc) -> None:
    """Step 1c on extracted text: a site menu the extractor kept ("Home | Video | World |
    U.S. | ...": two or more separators between spaces, items of three words at most, no
    digit, no comma, no sentence; :func:`corpus_tools.blocks.menu_items`) goes, logged as
    the classifier logs it on scraped text. The extractor's other decisions stand: a
    table row (``| a | b |``, how the extractor writes a table it keeps) is the article's,
    unless it is a row of one cell holding a menu (``| Home \\| News \\| Contact |``:
    a layout table's navigation; a data table's header row has a cell per column), and
    nothing else of the classifier runs."""
    for i in doc.nb:
        ln = doc.lines[i]
        if i in doc.removed or ln.view is None:
            continue
        if ln.view.startswith("|"):
            cell = _one_cell(ln.view)
            items = menu_items(cell) if cell else 0
            where = "a table row of one cell"
        else:
            items = menu_items(ln.view)
            where = "a line"
        if items:
            doc.removed[i] = Removal(
                "block:chrome_words",
                "block",
                f"menu: {items} items ({where} of short items between separators, kept by "
                "the HTML extractor)",
            )
    _apply_menu_columns(doc)


def _menu_piece(ln: _Line) -> str | None:
    """``sep`` for a line of menu separators alone (``|``, ``·``), ``item`` for a line of
    a menu item's words at most (``blocks.MENU_ITEM_WORDS``, as
    :func:`corpus_tools.blocks.menu_items` counts them) with no digit, no comma and no
    final punctuation, else None."""
    view = ln.view
    if not view:
        return None
    if all(c in MENU_SEPS or c == " " for c in view):
        return "sep"
    if ln.nwords > MENU_ITEM_WORDS or any(c.isdigit() or c == "," for c in view):
        return None
    return None if view[-1] in ".?!;:\"'" else "item"


def _apply_menu_columns(doc: _Doc) -> None:
    """A menu written one item a line with a separator line between items ("Site map",
    "|", "Help center", "|", "Corrections", ...): a run of such lines, alternating, with
    two separator lines and three items at least, goes (a list the article owns has no
    separator lines between its items)."""
    kinds = [None if i in doc.removed else _menu_piece(doc.lines[i]) for i in doc.nb]
    r = 0
    while r < len(kinds):
        e = r
        while e + 1 < len(kinds) and kinds[e] and kinds[e + 1] and kinds[e] != kinds[e + 1]:
            e += 1
        run = kinds[r : e + 1]
        items = run.count("item")
        if run.count("sep") >= 2 and items >= 3:
            for i in doc.nb[r : e + 1]:
                doc.removed[i] = Removal(
                    "block:chrome_words",
                    "block",
                    f"menu: {items} items (one item a line, separator lines between, kept "
                    "by the HTML extractor)",
                )
        r = e + 1


_CELL_BAR_RE = re.compile(r"(?<!\\)\|")


def _one_cell(view: str) -> str | None:
    r"""The text of a table row of one cell (``| a \| b |``, bars inside the cell escaped
    by the extractor) with its bars unescaped; None for any other line.

    >>> _one_cell(r"| Home \| News \| Contact |"), _one_cell("| Team | Won |")
    ('Home | News | Contact', None)
    """
    if len(view) < 3 or not view.endswith("|") or view.endswith("\\|"):
        return None
    if _CELL_BAR_RE.search(view, 1, len(view) - 1):
        return None
    return view[1:-1].replace("\\|", "|").strip() or None


def _self_doubled(fixed: str) -> tuple[bool, int, int] | None:
    """A line ``X X`` (maybe after a video duration): (after a duration?, start and end
    of the second copy); None when the line is not one.

    Examples
    --------
    >>> _self_doubled("Troops to see Gaza soon Troops to see Gaza soon")
    (False, 23, 47)
    >>> _self_doubled("02:27 Troops to see Gaza soon Troops to see Gaza soon")
    (True, 29, 53)
    >>> _self_doubled("ha ha ha ha ha") is None, _self_doubled("Talks resume today") is None
    (True, True)
    """
    s = fixed.rstrip()
    n_s = len(s)
    lead = n_s - len(s.lstrip()) if n_s and s[0].isspace() else 0
    # a duration starts with a digit (str.isdigit holds every \d and more)
    m = _TIMESTAMP_RE.match(s, lead) if lead < n_s and s[lead].isdigit() else None
    body = m.end() if m else lead
    n = n_s - body
    if n < 5 or n % 2 == 0:
        return None
    k = (n - 1) // 2
    if (
        k > _MAX_DOUBLED_CHARS
        or not s[body + k].isspace()
        or s[body] != s[body + k + 1]  # (cheap first: most lines differ at once)
        or s[body : body + k] != s[body + k + 1 :]
    ):
        return None
    words = s[body : body + k].split()
    # a teaser or headline printed twice, not one word repeated (a line of
    # "ha ha ha ..." or a tag repeated by a broken scraper is not chrome)
    if len(words) >= 3 and len(set(words)) > 1:
        return m is not None, body + k, len(s)
    return None


def _find_self_doubled(doc: _Doc) -> None:
    """Step 2a: a line ``X X`` loses its second copy; after a video duration, the whole line."""
    for i in doc.nb:
        if i in doc.removed:
            continue
        got = _self_doubled(doc.lines[i].fixed)
        if got is None:
            continue
        if got[0]:
            doc.removed[i] = Removal("doubled_video_teaser", "duplicate")
        else:
            doc.doubled[i] = got[1:]


def _rules_matter(doc: _Doc) -> bool:
    """False for a one-line document whose line rules cannot change the result: it keeps
    its line whatever rule matches (:func:`_keep_one_line`), and a match only stops the
    line's second copy being cut when it is a self-doubled line (``X X``)."""
    if len(doc.nb) != 1:
        return True
    if not doc.rs.enabled("duplicate") or doc.extracted:
        return False
    got = _self_doubled(doc.lines[doc.nb[0]].fixed)
    return got is not None and not got[0]


#: a sentence of this many words printed twice in a row loses both copies
_PAIR_MIN_WORDS = 8
_PAIR_END = frozenset(".?!\u2026")


#: a paragraph has this many words at least (for a subheading between two of them)
_TOC_PARA_WORDS = 15
#: an entry of a table of contents has at most this many words, and so has a neighbour
_TOC_ENTRY_WORDS = 12


def _toc_headings(doc: _Doc, keys: list[str | None], n_copies: dict[str, int]) -> set[int]:
    """Lines printed twice whose second copy stands between two paragraphs (a subheading
    of the article) and whose first copy stands among short lines above it (the page's
    table of contents): the subheadings to keep. Two such lines at least make a table
    of contents; one alone is left to the repeated-line rule."""

    def para(pos: int) -> bool:
        if not 0 <= pos < len(doc.nb):
            return False
        ln = doc.lines[doc.nb[pos]]
        return ln.view is None or ln.nwords >= _TOC_PARA_WORDS

    def short(pos: int) -> bool:
        if not 0 <= pos < len(doc.nb):
            return False
        ln = doc.lines[doc.nb[pos]]
        return ln.view is not None and ln.nwords <= _TOC_ENTRY_WORDS

    first_pos: dict[str, int] = {}
    out: set[int] = set()
    for pos, key in enumerate(keys):
        if key is None:
            continue
        fp = first_pos.setdefault(key, pos)
        if (
            fp != pos
            and n_copies[key] == 2
            and doc.lines[doc.nb[pos]].nwords <= _TOC_ENTRY_WORDS
            and para(pos - 1)
            and para(pos + 1)
            and (short(fp - 1) or short(fp + 1))
        ):
            out.add(doc.nb[pos])
    return out if len(out) >= 2 else set()


def _list_entry(doc: _Doc, pos: int) -> bool:
    """The line at ``pos`` (of ``doc.nb``) is an item of a list the page keeps: it stands
    in a run of three or more kept lines that look like list items (:func:`_item_like`),
    each of the shape of the one before it (:func:`blocks.line_shape`: "Lula (PT): 37%" among
    "Jair Bolsonaro (PSC): 18%", "Ciro Gomes (PDT): 7%"). Lists repeat entries (a poll's
    scenarios, a meal plan's days); a teaser printed twice is no item of such a run."""

    def item(q: int) -> tuple[tuple[str, ...], str] | None:
        if not 0 <= q < len(doc.nb) or (q != pos and doc.nb[q] in doc.removed):
            return None
        ln = doc.lines[doc.nb[q]]
        v = ln.view
        return line_shape(v) if v is not None and _item_like(v, ln.nwords) else None

    here = item(pos)
    if here is None:
        return False
    n, sh, q = 1, here, pos - 1
    while n < 3 and (prev := item(q)) is not None and same_shape(prev, sh):
        n, sh, q = n + 1, prev, q - 1
    sh, q = here, pos + 1
    while n < 3 and (nxt := item(q)) is not None and same_shape(nxt, sh):
        n, sh, q = n + 1, nxt, q + 1
    return n >= 3


def _item_like(view: str, nwords: int) -> bool:
    """A list item by its look: 15 words at most, with a number or list punctuation."""
    return nwords <= 15 and (any(c.isdigit() for c in view) or any(c in view for c in ",:("))


#: two copies of a line the article repeats stand at least this many lines apart (a
#: pull quote, a tweet's signature or a caption is printed again within a few lines)
_BODY_REPEAT_GAP = 7


def _kept_between(doc: _Doc, pos: int) -> bool:
    """The non-blank line at ``pos`` (of ``doc.nb``) has a kept line on either side."""
    nb = doc.nb
    return (
        0 < pos < len(nb) - 1 and nb[pos - 1] not in doc.removed and nb[pos + 1] not in doc.removed
    )


def _repeated_in_body(
    doc: _Doc, keys: list[str | None], n_copies: dict[str, int], first_pos: int, pos: int
) -> bool:
    """The line at ``pos`` repeats the one at ``first_pos`` inside the article: the first
    copy is kept, both copies stand between kept lines, at least ``_BODY_REPEAT_GAP``
    lines apart, and the first copy is not inside a block the page prints twice (both
    its neighbours printed twice too: a carousel of testimonials, a table of contents
    printed above the text). A page repeats such lines on purpose: the same items on
    several days of a meal plan, a call to vote after each candidate, a quote the story
    comes back to."""

    def twice(q: int) -> bool:
        k = keys[q]
        return k is not None and n_copies[k] == 2

    return (
        pos - first_pos >= _BODY_REPEAT_GAP
        and doc.nb[first_pos] not in doc.removed
        and _kept_between(doc, pos)
        and _kept_between(doc, first_pos)
        and not (twice(first_pos - 1) and twice(first_pos + 1))
    )


def _remove_repeated(doc: _Doc) -> None:
    """Step 2b: a later copy of a short or unpunctuated line goes; a teaser printed
    twice in a row loses both copies; a line printed more than twice is kept."""
    if len(doc.nb) < 2:
        return  # nothing to repeat
    n_copies: dict[str, int] = {}
    keys: list[str | None] = []
    n_keys = 0
    for i in doc.nb:
        v = doc.lines[i].view
        key = None if v is None else v.casefold()
        keys.append(key)
        if key is not None:
            n_keys += 1
            n_copies[key] = n_copies.get(key, 0) + 1
    if len(n_copies) == n_keys:
        return  # no line is printed twice: nothing below applies
    # pairs go only on a page with three more lines of a pair's length: a text that is one
    # paragraph printed twice keeps both copies
    pairs_ok = (
        sum(
            1 for i in doc.nb if doc.lines[i].view is None or doc.lines[i].nwords >= _PAIR_MIN_WORDS
        )
        >= 5
    )
    toc = _toc_headings(doc, keys, n_copies)
    seen: dict[str, int] = {}
    seen_pos: dict[str, int] = {}
    for pos, i in enumerate(doc.nb):
        ln = doc.lines[i]
        key = keys[pos]
        if ln.view is None or key is None:
            continue
        first = seen.setdefault(key, i)
        first_pos = seen_pos.setdefault(key, pos)
        if first == i or i in doc.removed or ln.nwords < 3 or not any(c.isalpha() for c in key):
            continue
        if i in toc:
            continue  # a subheading the page's table of contents printed first
        if (
            pairs_ok
            and ln.nwords >= _PAIR_MIN_WORDS
            and keys[pos - 1] == key
            and first != doc.nb[0]
            and (ln.nwords > 25 or _ends_with_punct(key.rstrip("\"')\u2019\u201d"), _PAIR_END))
        ):
            # a sentence printed twice in a row (a caption printed by a lightbox and
            # inline, a carousel item): an article does not print its sentences twice in
            # a row (a headline printed twice keeps its first copy, as before)
            doc.removed[i] = Removal("duplicate_line", "duplicate", f"duplicate_of={first + 1}")
            doc.doubled.pop(i, None)
            if first not in doc.removed:
                doc.removed[first] = Removal("repeated_teaser", "duplicate", f"repeated_at={i + 1}")
                doc.doubled.pop(first, None)
            continue
        if n_copies[key] > _MAX_CHROME_COPIES:
            # a line the article repeats (a list label, the same question asked of
            # many people) is structure, not a teaser printed twice
            continue
        unpunct = not _ends_with_punct(ln.view, _SENT_PUNCT)
        if ln.nwords > 25 and not unpunct:
            continue
        if _list_entry(doc, pos):
            continue  # an entry of a list the page keeps (a poll's scenarios, a meal plan)
        if _repeated_in_body(doc, keys, n_copies, first_pos, pos):
            continue  # the article says it twice (a meal plan's days, a refrain)
        doc.removed[i] = Removal("duplicate_line", "duplicate", f"duplicate_of={first + 1}")
        doc.doubled.pop(i, None)
        if (
            pos > 0
            and doc.nb[pos - 1] == first
            and first not in doc.removed
            and first != doc.nb[0]
            and unpunct
            and ln.nwords <= 25
        ):
            doc.removed[first] = Removal("repeated_teaser", "duplicate", f"repeated_at={i + 1}")
            doc.doubled.pop(first, None)


def _keep_one_line(doc: _Doc) -> None:
    """Never empty a document that has a content line: a one-line document is its own
    headline and keeps its line whatever rule matched it ('Sign Up For BuzzFeed
    Quinta's Newsletter' is a real headline); when every line of a longer document
    would go, the first line removed only by its context (classifier, template,
    repetition) with three or more words stays; failing that, the longest line a
    ``metadata`` rule removed, of four or more words: it describes this document (a
    feed item of a time stamp and the feed's footer, "The post <title> appeared first
    on <site>.", keeps the footer, which names it)."""
    if not doc.nb or len(doc.removed) != len(doc.nb):
        return
    if len(doc.nb) == 1:
        del doc.removed[doc.nb[0]]
        return
    for i in doc.nb:
        ln = doc.lines[i]
        if doc.removed[i].category in _CONTEXT_CATEGORIES and (ln.view is None or ln.nwords >= 3):
            del doc.removed[i]
            doc.doubled.pop(i, None)
            return
    described = [
        (doc.lines[i].nwords, -i)
        for i in doc.nb
        if doc.removed[i].category == "metadata" and doc.lines[i].nwords >= 4
    ]
    if described:
        i = -max(described)[1]
        del doc.removed[i]
        doc.doubled.pop(i, None)


def _literal_run(items: Any, caseless: bool = False) -> str:
    """The literal characters a parsed sequence starts with ('' when it starts otherwise);
    ``caseless``: only up to its first character that is not ASCII without case (a
    pattern that ignores case matches a letter in either case, a "[" or a digit as is)."""
    out = []
    for op, av in items:
        if op is not re_parser.LITERAL or (caseless and not _no_case(chr(av))):
            break
        out.append(chr(av))
    return "".join(out)


def _no_case(ch: str) -> bool:
    """An ASCII character that is no letter: ``re.IGNORECASE`` matches it only as itself."""
    return ch.isascii() and not ch.isalpha()


def _required_literals(rule: Rule) -> tuple[str, ...]:
    """Strings one of which every match of ``rule``'s pattern holds, read from the
    pattern: its first literal, group of literals or alternation of literals at the
    top level (each must match for the pattern to match); ``()`` when there is none (and
    for user patterns). When the pattern ignores case only ASCII characters without
    case count ("[" in NewsAPI's "[+123 chars]"). A screen for prefix/suffix rules: a
    line without any of them cannot match."""
    rx = rule.regex
    if not isinstance(rx, re.Pattern):
        return ()
    caseless = bool(rx.flags & re.IGNORECASE)
    for op, av in re_parser.parse(rule.pattern, rx.flags).data:
        if op is re_parser.SUBPATTERN:  # a group: one item is read as that item
            if av[1] & re.IGNORECASE:
                continue
            sub = av[3].data
            if len(sub) != 1:
                if run := _literal_run(sub, caseless):
                    return (run,)
                continue
            op, av = sub[0]
        if op is re_parser.LITERAL and (not caseless or _no_case(chr(av))):
            return (chr(av),)
        if op is re_parser.BRANCH:
            alts = tuple(_literal_run(alt.data, caseless) for alt in av[1])
        elif op is re_parser.IN and all(
            o is re_parser.LITERAL and (not caseless or _no_case(chr(a))) for o, a in av
        ):
            alts = tuple(chr(a) for _o, a in av)  # one of a few characters
        else:
            continue
        if all(alts):
            # one holding another is found by the shorter one
            return tuple(sorted({a for a in alts if not any(b != a and b in a for b in alts)}))
    return ()


def _edge_may_match(rule: Rule, ln: _Line, literals: tuple[str, ...], window: str) -> bool:
    """The line holds one of ``rule.contains`` (if any), and ``window`` (the folded
    piece of the line the rule's pattern is run on) one of its pattern's required
    ``literals`` (if any): else the rule cannot apply to it."""
    if literals and not any(c in window for c in literals):
        return False
    return _holds_contains(rule, ln)


def _holds_contains(rule: Rule, ln: _Line) -> bool:
    """One of ``rule.contains`` occurs in the line (True when it has none), tested as
    for a line rule: in the folded line, casefolded unless the rule is case-sensitive."""
    if not rule.contains:
        return True
    hay = ln.folded if ln.folded is not None else fold(ln.fixed)
    if not rule.case_sensitive:
        hay = hay.casefold()
    return any(c in hay for c in rule.contains)


def _edge_cuts(doc: _Doc, kept: list[int]) -> dict[int, list[Cut]]:
    """Step 3: prefix/suffix rules on the first/last kept lines (those holding one of
    the rule's ``contains`` substrings, if it has any), and self-doubled lines."""
    cuts: dict[int, list[Cut]] = {}
    literals = doc.rs._edge_literals
    for rule in doc.rs.active("prefix"):
        for i in kept[: rule.first_lines or 1]:
            if i in doc.doubled:
                continue
            ln = doc.lines[i]
            fx = ln.fixed
            # folding is per character: a piece of the folded line is the folded piece
            window = fold(fx[:_EDGE_WINDOW]) if ln.folded is None else ln.folded[:_EDGE_WINDOW]
            if not _edge_may_match(rule, ln, literals[rule.id], window):
                continue
            m = rule.regex.match(window)
            if m and 0 < m.end() < len(fx.rstrip()) and not cuts.get(i):
                cuts.setdefault(i, []).append(Cut(0, m.end(), rule.id, rule.category))
    suffix_done: set[int] = set()
    for rule in doc.rs.active("suffix"):
        for i in kept[-(rule.last_lines or 1) :] if kept else []:
            if i in doc.doubled:
                continue
            ln = doc.lines[i]
            fx = ln.fixed
            base = max(0, len(fx) - _EDGE_WINDOW)
            window = fold(fx[base:]) if ln.folded is None else ln.folded[base:]
            if not _edge_may_match(rule, ln, literals[rule.id], window):
                continue
            m = rule.regex.search(window)
            if not m or m.start() == m.end():
                continue
            a = base + m.start()
            prev = cuts.get(i, [])
            if i not in suffix_done and a > (prev[-1].end if prev else 0) and fx[:a].strip():
                suffix_done.add(i)
                cuts.setdefault(i, []).append(Cut(a, len(fx), rule.id, rule.category))
    for i, (a, b) in doc.doubled.items():
        cuts.setdefault(i, []).append(Cut(a, b, "self_doubled_line", "duplicate"))
    return cuts


def _final_content(doc: _Doc, kept: list[int], cuts: Mapping[int, list[Cut]]) -> dict[int, str]:
    """Content of each kept line after its cuts."""
    lines = doc.lines
    final = {i: lines[i].fixed for i in kept}
    for i, line_cuts in cuts.items():
        fx = final.get(i)
        if fx is None:
            continue  # (cuts are on kept lines)
        for c in sorted(line_cuts, reverse=True):
            fx = fx[: c.start] + fx[c.end :]
        final[i] = fx
    return final


def _removal_groups(doc: _Doc) -> list[list[int]]:
    """Runs of consecutive removed non-blank lines (blank lines between them allowed)."""
    groups: list[list[int]] = []
    prev_is_removed = False
    for i in doc.nb:
        if i in doc.removed:
            if prev_is_removed:
                groups[-1].append(i)
            else:
                groups.append([i])
        prev_is_removed = i in doc.removed
    return groups


def _removal_edits(doc: _Doc, cover: _Cover) -> list[Edit]:
    """Step 4: one edit per removed line. A removed line takes its terminator and one
    adjoining blank line; chrome at the end takes the blank lines before it too."""
    lines, edits, nb = doc.lines, [], doc.nb
    for g in _removal_groups(doc):
        a, b = g[0], g[-1]
        # the non-blank lines next to the group (nb: every non-blank line, in order)
        ka = bisect.bisect_left(nb, a)
        kb = bisect.bisect_left(nb, b, ka)
        prev_kept = nb[ka - 1] if ka > 0 else None
        nxt = nb[kb + 1] if kb + 1 < len(nb) else None
        if nxt is None:  # tail: take the blank lines before and everything after
            first = lines[prev_kept].ce if prev_kept is not None else 0
            starts = [first] + [lines[x].cs for x in g[1:]]
            ends = [lines[x].cs for x in g[1:]] + [len(doc.raw)]
            for x in range(prev_kept + 1 if prev_kept is not None else 0, len(lines)):
                cover.line[x] = cover.term[x] = True
            if prev_kept is not None:
                cover.term[prev_kept] = True
        else:
            k_blank = nxt - b - 1
            if prev_kept is None:
                p = k_blank
            else:
                p = 1 if (a - (prev_kept + 1) >= 1 and k_blank >= 1) else 0
            starts = [lines[x].cs for x in g]
            ends = [lines[x].cs for x in g[1:]] + [lines[b + p].te]
            for x in range(a, b + p + 1):
                cover.line[x] = cover.term[x] = True
        for x, sp, ep in zip(g, starts, ends, strict=True):
            rid, cat, det = doc.removed[x]
            edits.append(Edit(sp, ep, "", rid, cat, x + 1, det))
    return edits


def _content_edits(
    doc: _Doc, final: Mapping[int, str], cuts: Mapping[int, list[Cut]]
) -> dict[int, list[Edit]]:
    """The edit(s) inside each line whose content changed (Unicode repair, cuts)."""
    out: dict[int, list[Edit]] = {}
    lines = doc.lines
    # an unrepaired, uncut line is its raw content: only the others are looked at
    todo = doc.repaired
    if cuts:
        todo = sorted(set(todo).union(i for i in cuts if i in final))
    for idx in todo:
        ln = lines[idx]
        fx = final.get(idx, ln.fixed)
        if fx is ln.fixed and not ln.urules:
            continue
        raw_c = doc.raw[ln.cs : ln.ce]
        if fx == raw_c:
            continue
        mine = sorted(cuts.get(idx, []))
        names = list(ln.urules) + [c.rule for c in mine]
        if names == ["zero_width"]:
            out[idx] = [
                Edit(ln.cs + m.start(), ln.cs + m.end(), "", "zero_width", "unicode", idx + 1)
                for m in _ZW_RE.finditer(raw_c)
            ]
            continue
        if names == ["html_entity"] and ln.ent_runs:
            # one row per run of references (the runs are in the raw content: this
            # step ran first and alone)
            out[idx] = [
                Edit(ln.cs + a, ln.cs + b, rep, "html_entity", "unicode", idx + 1)
                for a, b, rep in ln.ent_runs
            ]
            continue
        p = _common_prefix(raw_c, fx)
        q = _common_suffix(raw_c, fx, min(len(raw_c), len(fx)) - p)
        if mine:
            cat = mine[0].category
        else:
            cat = "mojibake" if any(n.startswith("mojibake:") for n in names) else "unicode"
        repl = fx[p : len(fx) - q]
        out[idx] = [Edit(ln.cs + p, ln.ce - q, repl, "+".join(names), cat, idx + 1)]
    return out


def _folded_final(doc: _Doc, i: int, final_i: str) -> str:
    """The folded final content of kept line ``i``, right-trimmed."""
    folded = doc.lines[i].folded
    return (
        folded if folded is not None and final_i is doc.lines[i].fixed else fold(final_i)
    ).rstrip()


#: a line that opens a numbered list item: "2. Heatwave warning ...", "3) Cook at home"
_LIST_ITEM_RE = re.compile(r"\d{1,3}[.)]\s+\S")


#: a menu separator standing alone between spaces ("« Older post | Main", "Home · News"):
#: a piece of a page's navigation, not of a sentence ("/", ">", "»" and "›" have other
#: uses in prose: "and / or", a French closing quote)
_NAV_SEP_RE = re.compile(r"(?:^|\s)[|\u00b7\u2022](?:\s|$)")


def _joins_next(fi: str, fj: str, width: int = 0) -> bool:
    """True when a line (folded ``fi``) is a sentence cut at a hyperlink, continued by ``fj``
    (neither of them a piece of a menu: a separator between spaces); in a text wrapped at
    ``width`` characters (:func:`corpus_tools.blocks.wrap_width`), also when ``fi`` is a
    full line, whatever ``fj`` starts with ("... since early" / "January and ...")."""
    fj = fj.lstrip()
    if not fi or not fj or _ends_with_punct(fi, _FINAL_PUNCT):
        return False
    if fj[0].isdigit() and _LIST_ITEM_RE.match(fj):
        return False  # "2. ...", "3) ...": the next item of a numbered list
    last_word = fi[fi.rfind(" ") + 1 :].casefold() if " " in fi else fi.casefold()
    if not (
        fj[0].islower()
        or fj[0].isdigit()
        or last_word in _NON_FINAL_WORDS
        or (width > 0 and wraps(fi, fj, width))
    ):
        return False
    return _NAV_SEP_RE.search(fi) is None and _NAV_SEP_RE.search(fj) is None


def _rejoin_edit(
    doc: _Doc,
    i: int,
    j: int,
    content: Mapping[int, list[Edit]],
    removal_spans: list[tuple[int, int]],
) -> list[Edit]:
    """Edits joining kept lines ``i`` and ``j`` with one space, around removals between them."""
    li, lj, raw = doc.lines[i], doc.lines[j], doc.raw
    s0 = li.ce - (len(raw[li.cs : li.ce]) - len(raw[li.cs : li.ce].rstrip(" \t")))
    if content.get(i):
        s0 = max(s0, content[i][-1].end)
    e0 = lj.cs + (len(raw[lj.cs : lj.ce]) - len(raw[lj.cs : lj.ce].lstrip(" \t")))
    if content.get(j):
        e0 = min(e0, content[j][0].start)
    pieces = []  # pieces of [s0, e0) not already removed
    cur = s0
    for rs_, re_ in removal_spans[bisect.bisect_left(removal_spans, (s0, -1)) :]:
        if rs_ >= e0:
            break
        if rs_ > cur:
            pieces.append((cur, rs_))
        cur = max(cur, re_)
    if cur < e0:
        pieces.append((cur, e0))
    return [
        Edit(a, b, "" if n else " ", "rejoin_broken_line", "layout", i + 1)
        for n, (a, b) in enumerate(pieces)
    ]


def _rejoin_edits(
    doc: _Doc,
    kept: list[int],
    final: Mapping[int, str],
    content: Mapping[int, list[Edit]],
    removals: list[Edit],
    cover: _Cover,
) -> list[Edit]:
    """Step 5: rejoin sentences cut at a hyperlink (not after a headline or the title;
    not in a list of headlines)."""
    if not doc.rs.enabled("layout") or len(kept) <= 1 or doc.headline_list:
        return []
    removal_spans = sorted((e.start, e.end) for e in removals)
    edits: list[Edit] = []
    para_first = kept[0]
    width = wrap_width([doc.lines[i].view for i in doc.nb])  # 0: not a wrapped text
    for pos in range(len(kept) - 1):
        i, j = kept[pos], kept[pos + 1]
        fi = _folded_final(doc, i, final[i])
        # the cheap test first; the headline test splits only the first 13 words
        if not _joins_next(fi, final[j], width if j == i + 1 else 0) or (
            para_first == i
            and (i == kept[0] or _is_headline_like(" ".join(fi.split(maxsplit=13)[:13])))
        ):
            para_first = j
            continue
        cover.term[i] = True
        for x in range(i + 1, j):
            cover.line[x] = cover.term[x] = True
        edits += _rejoin_edit(doc, i, j, content, removal_spans)
    return edits


def _terminator_edits(doc: _Doc, cover: _Cover) -> list[Edit]:
    """Step 6: CRLF and CR line terminators become LF (where no other edit covers them)."""
    raw = doc.raw
    if not doc.rs.enabled("unicode") or "\r" not in raw:
        return []
    return [
        Edit(ln.ce, ln.te, "\n", "crlf_to_lf", "unicode", idx + 1)
        for idx, ln in enumerate(doc.lines)
        if not cover.term[idx] and ln.te - ln.ce > 0 and raw[ln.ce : ln.te] != "\n"
    ]


def _overlap_error(e: Edit) -> RuntimeError:
    """The error for an edit that overlaps the one before it (an internal invariant of
    :func:`_apply_edits` and :func:`_apply_edits_text`; a bug if it ever fires)."""
    return RuntimeError(
        f"clean_text: overlapping edits at raw offset {e.start} (rule {e.rule!r}); please report."
    )


def _apply_edits(raw: str, edits: list[Edit]) -> tuple[str, list[dict[str, Any]]]:
    """Step 7: the clean text and one log row per edit, in raw order."""
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[str] = []
    rows: list[dict[str, Any]] = []
    pos = 0
    for e in edits:
        if e.start < pos or e.end < e.start:
            raise _overlap_error(e)
        if e.start == e.end and e.replacement == "":
            continue
        out.append(raw[pos : e.start])
        out.append(e.replacement)
        pos = e.end
        # the keys of LOG_ROW_KEYS, in its order
        rows.append(
            {
                "line_no": e.line_no,
                "start": e.start,
                "end": e.end,
                "rule": e.rule,
                "text": raw[e.start : e.end],
                "replacement": e.replacement,
                "category": e.category,
                "detail": e.detail,
            }
        )
    out.append(raw[pos:])
    return "".join(out), rows


def _apply_edits_text(raw: str, edits: list[Edit]) -> str:
    """The clean text of :func:`_apply_edits` alone (no log rows)."""
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos or e.end < e.start:
            raise _overlap_error(e)
        out.append(raw[pos : e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(raw[pos:])
    return "".join(out)


def _edits(doc: _Doc) -> list[Edit]:
    """Steps 3-6: every edit of a document whose removed lines are decided."""
    kept = [i for i in doc.nb if i not in doc.removed]
    cuts = _edge_cuts(doc, kept)
    final = _final_content(doc, kept, cuts)
    cover = _Cover([False] * len(doc.lines), [False] * len(doc.lines))
    removals = _removal_edits(doc, cover)
    content = _content_edits(doc, final, cuts)
    edits = removals + _rejoin_edits(doc, kept, final, content, removals, cover)
    for idx, lst in content.items():
        if not cover.line[idx]:
            edits += lst
    return edits + _terminator_edits(doc, cover)


#: a log row's values in the order of LOG_ROW_KEYS
_ROW_VALUES = itemgetter(*LOG_ROW_KEYS)


class _DocMemo:
    """The results of documents cleaned already, by ``(raw, extracted, template)``.

    :func:`clean_text` is a pure function of the raw text, the rules, the template
    and ``extracted``: a document printed again (a syndicated wire story, a page
    crawled twice, a headline many outlets share) is cleaned once. Only documents
    of at most ``max_chars`` characters are kept, and everything is dropped once the
    texts held reach ``budget`` characters, so the memory it holds stays bounded; a
    stream where fewer than 1 in 20 documents came back before that (unique
    documents) is remembered with a budget 16 times smaller until they do again.
    """

    __slots__ = ("budget", "held", "hits", "items", "limit", "max_chars")

    def __init__(self, max_chars: int = 20_000, budget: int = 16_000_000) -> None:
        self.max_chars, self.budget, self.limit = max_chars, budget, budget
        self.held = self.hits = 0
        self.items: dict[
            tuple[str, bool, frozenset[str] | None], tuple[str, list[tuple[Any, ...]] | None]
        ]
        self.items = {}

    def get(self, key: tuple[str, bool, frozenset[str] | None]) -> Any:
        """``(clean, rows)`` with new row dicts (the caller may change them), or None."""
        got = self.items.get(key)
        if got is None or got[1] is None:
            return None  # (None rows: remembered by :func:`clean_text_only`, text only)
        self.hits += 1
        return got[0], [dict(zip(LOG_ROW_KEYS, r, strict=True)) for r in got[1]]

    def get_text(self, key: tuple[str, bool, frozenset[str] | None]) -> str | None:
        """The clean text remembered for ``key``, or None."""
        got = self.items.get(key)
        if got is None:
            return None
        self.hits += 1
        return got[0]

    def put(
        self, key: tuple[str, bool, frozenset[str] | None], clean: str, rows: list[dict[str, Any]]
    ) -> None:
        """Remember one result (dropping everything first when the budget is reached)."""
        size = len(key[0]) + len(clean) + sum(len(r["text"]) + 64 for r in rows)
        self._hold(size)
        self.items[key] = (clean, list(map(_ROW_VALUES, rows)))
        self.held += size

    def put_text(self, key: tuple[str, bool, frozenset[str] | None], clean: str) -> None:
        """Remember the clean text alone (:func:`clean_text_only`; :meth:`get` misses it)."""
        size = len(key[0]) + len(clean)
        self._hold(size)
        self.items[key] = (clean, None)
        self.held += size

    def _hold(self, size: int) -> None:
        """Make room for ``size`` more characters."""
        if self.held + size > self.limit:
            # few documents came back: remember fewer (the memory is not worth it)
            few = self.hits * 20 < len(self.items)
            self.limit = self.budget // 16 if few else self.budget
            self.items.clear()
            self.held = self.hits = 0


def clean_text(
    raw: str,
    *,
    rules: Rules | str | Path | None = None,
    template: Collection[str] | None = None,
    extracted: bool = False,
) -> tuple[str, list[dict[str, Any]]]:
    """Clean one raw document and log every removed or changed span.

    Parameters
    ----------
    raw : str
        The raw text as decoded.
    rules : Rules, str or Path, optional
        A :class:`Rules` object from :func:`load_rules`, or a YAML rules
        file replacing the shipped one. Default: the shipped rules, all on.
    template : collection of str, optional
        Lines learned as this outlet's page template, as matching keys
        (:func:`corpus_tools.templates.line_key`); a line whose key is in it is
        removed as ``template:learned``. :func:`load_corpus` fills it.
    extracted : bool, default False
        The text was extracted from HTML by an extractor that already chose
        the article's blocks: only the Unicode, layout and clearly-chrome
        rule categories run (no classifier, templates, duplicate removal or
        caption rules), so text rules do not undo its decisions.

    Returns
    -------
    clean : str
        The cleaned text.
    log_rows : list of dict
        One dict per removed or changed raw span (an :class:`Edit`), sorted by
        ``start``, non-overlapping, with keys :data:`LOG_ROW_KEYS`: ``line_no``
        (1-based raw line), ``start``, ``end`` (raw offsets), ``rule``, ``text``
        (``raw[start:end]``), ``replacement`` (``""`` for a removal),
        ``category``, ``detail`` (the reason, e.g. ``duplicate_of=3``).

    Notes
    -----
    Fails when a body sentence looks like chrome (a quote that begins
    "Follow..."), when a site's template is not covered (see
    :func:`frequent_short_lines`), and on non-English chrome. Chrome rules
    only see lines of at most ``max_chars`` characters: every step is linear.
    A document cleaned before with the same ``rules`` object (a syndicated story,
    a page crawled twice) is remembered, within a bounded memory: same result.

    Examples
    --------
    >>> raw = "Talks in Doha\\n\\nShare this article\\n\\nAn ally that\\n\\nPutin visited.\\n"
    >>> clean, rows = clean_text(raw)
    >>> clean
    'Talks in Doha\\n\\nAn ally that Putin visited.\\n'
    >>> [(r["rule"], r["text"]) for r in rows]
    [('share_button', 'Share this article\\n\\n'), ('rejoin_broken_line', '\\n\\n')]
    >>> reconstruct_text(clean, rows) == raw
    True
    """
    rs, slot = _memo_slot(raw, rules, template, extracted)
    got = None if slot is None else slot[0].get(slot[1])
    if got is not None:
        return got
    clean, rows = _clean_new(raw, rs, template, extracted)
    if slot is not None:
        slot[0].put(slot[1], clean, rows)
    return clean, rows


def _memo_slot(
    raw: Any, rules: Rules | str | Path | None, template: Collection[str] | None, extracted: bool
) -> tuple[Rules, tuple[_DocMemo, tuple[str, bool, frozenset[str] | None]] | None]:
    """The rules, and their document memo with ``raw``'s key in it (None: not remembered)."""
    if not isinstance(raw, str):
        raise CorpusValueError(f"clean_text() needs a str, got {type(raw).__name__}.")
    rs = as_rules(rules)
    if rs._memo_ok and (template is None or isinstance(template, frozenset)):
        memo = rs._docs
        if len(raw) <= memo.max_chars:
            return rs, (memo, (raw, bool(extracted), template))
    return rs, None


def clean_text_only(
    raw: str,
    *,
    rules: Rules | str | Path | None = None,
    template: Collection[str] | None = None,
    extracted: bool = False,
) -> str:
    """The clean text of :func:`clean_text` (``clean_text(raw, ...)[0]``), no log rows built.

    For callers that drop the log (the streamed counts of
    :func:`corpus_tools.stream_counts`): the same text, less work. The
    parameters are those of :func:`clean_text`, whose memo of documents
    cleaned before it shares (a text remembered here is not a log
    :func:`clean_text` answers from, so its rows are never lost).

    Examples
    --------
    >>> raw = "Talks in Doha\\n\\nShare this article\\n\\nAn ally that\\n\\nPutin visited.\\n"
    >>> clean_text_only(raw) == clean_text(raw)[0]
    True
    """
    rs, slot = _memo_slot(raw, rules, template, extracted)
    got = None if slot is None else slot[0].get_text(slot[1])
    if got is not None:
        return got
    doc = _decided(raw, rs, template, extracted)
    clean = raw if doc is None else _apply_edits_text(raw, _edits(doc))
    if slot is not None:
        slot[0].put_text(slot[1], clean)
    return clean


def _clean_new(
    raw: str, rs: Rules, template: Collection[str] | None, extracted: bool
) -> tuple[str, list[dict[str, Any]]]:
    """:func:`clean_text` of a document not remembered."""
    doc = _decided(raw, rs, template, extracted)
    if doc is None:
        return raw, []
    return _apply_edits(raw, _edits(doc))


def _decided(raw: str, rs: Rules, template: Collection[str] | None, extracted: bool) -> _Doc | None:
    """The document with every line's fate decided (None: nothing to clean)."""
    doc = _prepare(raw, rs, extracted)
    if doc is None:
        return None
    doc.headline_list = not extracted and _is_headline_list(doc)
    if _rules_matter(doc):
        _apply_line_rules(doc)
    _apply_templates(doc, template)
    _apply_classifier(doc)
    _apply_paragraph_templates(doc, template)
    if doc.rs.enabled("duplicate") and not extracted:
        _find_self_doubled(doc)
        _remove_repeated(doc)
    _keep_one_line(doc)
    return doc


# --------------------------------------------------------------------------
# reconstruction and offset mapping
# --------------------------------------------------------------------------
def reconstruct_text(clean: str, log_rows: Sequence[Mapping[str, Any]]) -> str:
    """Rebuild the raw text from the clean text and the document's log rows.

    Each log row says that raw ``[start, end)`` (whose text was ``text``)
    stands as ``replacement`` in the clean text. Rows must not overlap.

    Examples
    --------
    >>> rows = [{"start": 4, "end": 6, "text": "\\n\\n", "replacement": " "}]
    >>> reconstruct_text("that Putin", rows)
    'that\\n\\nPutin'
    """
    out: list[str] = []
    pos_clean = 0
    prev_end = 0
    for row in sorted(log_rows, key=lambda r: (int(r["start"]), int(r["end"]))):
        start, end = int(row["start"]), int(row["end"])
        keep = start - prev_end
        out.append(clean[pos_clean : pos_clean + keep])
        out.append(str(row["text"]))
        pos_clean += keep + len(str(row["replacement"] or ""))
        prev_end = end
    out.append(clean[pos_clean:])
    return "".join(out)


def reconstruct(corpus: Corpus, doc_id: str) -> str:
    """Return the raw text of ``doc_id`` rebuilt from its clean text and the cleaning log.

    The log is indexed by ``doc_id`` once per corpus, so each call costs
    O(edits of that document), whatever the size of the corpus.

    Examples
    --------
    >>> import pandas as pd
    >>> from corpus_tools.corpus import Corpus
    >>> raw = "Talks.\\n\\nShare this article\\n"
    >>> clean, rows = clean_text(raw)
    >>> log = pd.DataFrame([dict(r, doc_id="a") for r in rows])
    >>> c = Corpus(pd.DataFrame({"doc_id": ["a"], "text": [clean], "raw_text": [raw]}), log)
    >>> reconstruct(c, "a") == raw
    True
    """
    rows = corpus.log_records(doc_id, ("start", "end", "text", "replacement"))
    return reconstruct_text(corpus.text(doc_id), rows)


def map_offsets(
    offsets: Iterable[int], log_rows: Sequence[Mapping[str, Any]], *, side: str = "start"
) -> list[int]:
    """Map offsets in the clean text to offsets in the raw text.

    Parameters
    ----------
    offsets : iterable of int
        0-based offsets into the clean text.
    log_rows : sequence of dict
        The document's log rows (``start``, ``end``, ``text``, ``replacement``).
    side : {"start", "end"}
        Where an offset that falls exactly on a removal goes: ``"start"``
        (the default, for span starts) maps it after the removed raw text,
        ``"end"`` (for span ends) before it. An offset inside a replacement
        maps into the replaced raw span.

    Returns
    -------
    list of int
        Raw offsets, same order. ``raw[map(start): map(end, side="end")]``
        shows a clean span in raw context.

    Examples
    --------
    >>> raw = "Share this\\n\\nTalks ended."
    >>> clean, rows = clean_text(raw)
    >>> clean
    'Talks ended.'
    >>> s, = map_offsets([0], rows); e, = map_offsets([5], rows, side="end")
    >>> raw[s:e]
    'Talks'
    """
    if side not in ("start", "end"):
        raise invalid_option("side", side, ["start", "end"])
    spans = sorted(
        (int(r["start"]), int(r["end"]), len(str(r["replacement"] or ""))) for r in log_rows
    )
    clean_starts: list[int] = []
    delta = 0  # raw - clean before the row
    deltas: list[int] = []
    for s, e, lr in spans:
        clean_starts.append(s - delta)
        deltas.append(delta)
        delta += (e - s) - lr
    out = []
    for c in offsets:
        c = int(c)
        if side == "start":
            k = bisect.bisect_right(clean_starts, c) - 1
        else:
            k = bisect.bisect_left(clean_starts, c) - 1
        if k < 0:
            out.append(c)
            continue
        s, e, lr = spans[k]
        cs = clean_starts[k]
        if c - cs < lr:  # inside the replacement
            out.append(min(s + (c - cs), e))
        else:
            out.append(e + (c - cs - lr))
    return out


# --------------------------------------------------------------------------
# candidate boilerplate across documents
# --------------------------------------------------------------------------
def frequent_short_lines(
    texts: Iterable[tuple[str, str]] | Mapping[str, str],
    *,
    min_docs: int = 2,
    max_words: int = 12,
    rules: Rules | str | Path | None = None,
    top: int | None = 50,
) -> pd.DataFrame:
    """List short lines that recur across documents: candidate boilerplate.

    Run it on *raw* texts to find chrome that no rule covers yet (a new site
    template), e.g. for ``corpus-tools info``.

    Parameters
    ----------
    texts : mapping or iterable of (doc_id, text)
        A ``Corpus`` works (it iterates ``(doc_id, clean text)``), or
        ``dict(zip(corpus.docs.doc_id, corpus.docs.raw_text))`` for raw text.
    min_docs : int
        Keep lines found in at least this many documents.
    max_words : int
        Only lines with at most this many words.
    rules : optional
        Used to fill ``rule`` (the id of the line rule that already matches).
    top : int or None
        Keep only the first ``top`` rows.

    Returns
    -------
    pandas.DataFrame
        Columns ``line`` (matching view: folded, collapsed, casefolded),
        ``n_docs``, ``n_lines``, ``doc_id`` and ``line_no`` (first
        occurrence, 1-based), ``rule`` (``""`` when no rule matches).
        Sorted by ``n_docs`` descending, then ``line``.

    Examples
    --------
    >>> t = {"a": "Body one.\\nFollow us on Mastodon", "b": "Other.\\nFollow us on Mastodon"}
    >>> frequent_short_lines(t)[["line", "n_docs", "rule"]].to_dict("records")
    [{'line': 'follow us on mastodon', 'n_docs': 2, 'rule': 'follow_prompt'}]
    """
    import pandas as pd

    if isinstance(min_docs, bool) or not isinstance(min_docs, int) or min_docs < 1:
        raise CorpusValueError(f"min_docs={min_docs!r} is not valid; use an integer >= 1.")
    line_rules = as_rules(rules).active("line")
    items = texts.items() if isinstance(texts, Mapping) else texts
    stats = _short_line_stats(items, max_words)
    rows = [
        {
            "line": key,
            "n_docs": st.n_docs,
            "n_lines": st.n_lines,
            "doc_id": st.doc_id,
            "line_no": st.line_no,
            "rule": next(
                (r.id for r in line_rules if r.collapse_space and r.regex.fullmatch(key)), ""
            ),
        }
        for key, st in sorted(stats.items())
        if st.n_docs >= min_docs
    ]
    df = pd.DataFrame(rows, columns=["line", "n_docs", "n_lines", "doc_id", "line_no", "rule"])
    df = df.sort_values("n_docs", ascending=False, kind="mergesort").reset_index(drop=True)
    if top is not None:
        df = df.head(top)
    return df.astype({"n_docs": "int64", "n_lines": "int64", "line_no": "int64"})


@dataclass(slots=True)
class _LineStat:
    """How often one short line occurs: documents, lines, and where it is first seen."""

    n_docs: int
    n_lines: int
    doc_id: str
    line_no: int


def _short_line_stats(items: Iterable[tuple[Any, Any]], max_words: int) -> dict[str, _LineStat]:
    """Matching view of every line of at most ``max_words`` words -> its counts."""
    stats: dict[str, _LineStat] = {}
    for doc_id, text in items:
        seen_here: set[str] = set()
        for no, line in enumerate(_TERM_RE.split(str(text)), start=1):
            if len(line) > 2000:
                continue
            words = fold(line).split()
            if not words or len(words) > max_words:
                continue
            key = " ".join(words).casefold()
            st = stats.get(key)
            if st is None:
                st = stats[key] = _LineStat(0, 0, str(doc_id), no)
            st.n_lines += 1
            if key not in seen_here:
                st.n_docs += 1
                seen_here.add(key)
    return stats
