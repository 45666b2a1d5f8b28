"""Lexicons: word lists kept in data files, one validated type and one matcher.

Hedges (``data/hedges.yml``), the frame codebook (``data/frames.yml``),
reporting verbs (``data/reporting_verbs.yml``), number words
(``data/numbers.yml``) and the word lists of quote attribution and voices
(``data/quote_words.yml``) are all read the same way:

1. :func:`load_lexicon` reads the YAML (bounded reader, ``_data.read_yaml``),
   checks it against a small declarative schema (:data:`SCHEMAS`, one
   :class:`Field` tree per kind of file, checked by :func:`validate`) and
   returns a :class:`Lexicon`. ``extend=`` adds a second file or mapping of
   the same schema (mappings merge key by key, lists are concatenated).
2. The loaded lexicon is cached on the file's ``(path, mtime, size)``
   (:func:`corpus_tools._data.file_key`), so a file edited and re-run in the
   same process (a notebook kernel) is read again.
3. :class:`Matcher` compiles terms (``*`` = any word suffix, words joined by
   spaces or hyphens), exclusions (terms or regular expressions that veto an
   overlapping hit) and required co-terms (a term counts only if one of its
   co-terms occurs in the same sentence) into one regular expression, and
   finds them in a document in one pass.

Every error of a data file is a :class:`~corpus_tools.errors.DataFileError`
that names the file, the entry and the fix.
"""

from __future__ import annotations

import bisect
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ._data import file_key, read_yaml
from .errors import DataFileError
from .tokenize import WORD_CONT

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

T = TypeVar("T")

__all__ = [
    "other_script_docs",
    "warn_english_lexicon",
    "Field",
    "SCHEMAS",
    "validate",
    "Lexicon",
    "load_lexicon",
    "Hit",
    "Matcher",
    "term_pattern",
    "sentence_index",
    "lower_view",
    "compiled",
    "WORD_RE",
    "word_counts",
]

# ---------------------------------------------------------------------------
# schema
# ---------------------------------------------------------------------------

_KIND_NAMES = {
    "text": "a text (a word or phrase; quote it if it looks like a number or yes/no)",
    "int": "a whole number",
    "regex": "a regular expression",
    "list": "a list (one '- item' per line)",
    "map": "a mapping ('name: value' lines)",
    "record": "a mapping ('key: value' lines)",
    "any": "a value",
}


@dataclass(frozen=True)
class Field:
    """One node of a data-file schema: what a value must be.

    Attributes
    ----------
    kind : str
        ``text``, ``int``, ``regex``, ``list``, ``map`` (any keys, each value
        checked with ``items``), ``record`` (only the keys in ``keys``) or
        ``any``.
    required, nonempty : bool
        The key must be present / the list or mapping must not be empty.
    items : Field, optional
        Schema of list items and map values.
    keys : mapping, optional
        Allowed keys of a record and their schemas.
    one_of : tuple of Field
        Alternatives (the value must match one of them).
    needs_any : tuple of str
        A record must have at least one of these keys.
    refers_to : str
        A text value (or a map key, for a map) must be a key of the
        top-level mapping with this name (``classes``), or, written
        ``@a+b``, an item of the enclosing record's lists ``a`` or ``b``.
    single : bool
        A map with exactly one key.
    label : str
        How an entry of a map is named in messages (``class``, ``frame``).
    fix : str
        What to write instead, appended to the error message.

    Examples
    --------
    >>> validate({"terms": ["may", 3]}, Field("record", keys={"terms": Field("list", items=Field("text"))}), "x.yml")
    Traceback (most recent call last):
    corpus_tools.errors.DataFileError: x.yml, key 'terms', item 2: must be a text (a word or phrase; quote it if it looks like a number or yes/no), not int 3.
    """

    kind: str = "any"
    required: bool = False
    nonempty: bool = False
    items: Field | None = None
    keys: Mapping[str, Field] | None = None
    one_of: tuple[Field, ...] = ()
    needs_any: tuple[str, ...] = ()
    refers_to: str = ""
    single: bool = False
    label: str = ""
    fix: str = ""


def _fail(name: str, where: Sequence[str], problem: str, fix: str = "") -> DataFileError:
    place = ", ".join([name, *where])
    return DataFileError(f"{place}: {problem}{'; ' + fix if fix else ''}.")


def _type_ok(value: Any, kind: str) -> bool:
    if kind in ("text", "regex"):
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list)
    if kind in ("map", "record"):
        return isinstance(value, dict)
    return True


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Check(NamedTuple):
    name: str  # the file, for messages
    root: Any  # the whole file (for refers_to)
    partial: bool  # an extension: required keys and non-empty lists are not demanded


def _check(value: Any, spec: Field, where: list[str], ctx: _Check, parent: Any = None) -> None:
    if spec.one_of:
        for alt in spec.one_of:
            try:
                _check(value, alt, where, ctx, parent)
                return
            except DataFileError:
                continue
        raise _fail(ctx.name, where, f"{_show(value)} is not a valid entry", spec.fix)
    if not _type_ok(value, spec.kind):
        raise _fail(
            ctx.name,
            where,
            f"must be {_KIND_NAMES[spec.kind]}, not {type(value).__name__} {_show(value)}",
            spec.fix,
        )
    if spec.kind == "regex":
        try:
            re.compile(value)
        except re.error as exc:
            raise _fail(ctx.name, where, f"bad regular expression {value!r} ({exc})") from None
    if spec.refers_to and spec.kind == "text":
        _check_ref(value, spec, where, ctx, parent)
    if spec.kind in ("list", "map", "record"):
        if spec.nonempty and not value and not ctx.partial:
            raise _fail(ctx.name, where, "is empty", spec.fix or "add at least one entry")
        if spec.single and len(value) != 1:
            raise _fail(ctx.name, where, f"{_show(value)} must have exactly one key", spec.fix)
    # an item without its own fix is told the fix of its list or mapping
    items = spec.items
    if items is not None and not items.fix:
        items = replace(items, fix=spec.fix)
    if spec.kind == "list" and items is not None:
        for i, item in enumerate(value, 1):
            _check(item, items, [*where, f"item {i}"], ctx, parent)
    elif spec.kind == "map":
        # entries of a labelled map are named by their label alone ("frame 'conflict'")
        base = where[:-1] if spec.label and where else where
        for key, item in value.items():
            entry = [*base, f"{spec.label} {key!r}" if spec.label else f"key {key!r}"]
            if spec.refers_to:
                _check_ref(key, spec, entry, ctx, parent)
            if items is not None:
                _check(item, items, entry, ctx, value)
    elif spec.kind == "record":
        _check_record(value, spec, where, ctx)


def _check_record(value: dict, spec: Field, where: list[str], ctx: _Check) -> None:
    keys = spec.keys or {}
    unknown = sorted(str(k) for k in set(value) - set(keys))
    if unknown:
        raise _fail(
            ctx.name,
            where,
            f"unknown key(s) {unknown}",
            f"allowed: {sorted(keys)} (check the spelling)",
        )
    for key, sub in keys.items():
        if key in value:
            _check(value[key], sub, [*where, f"key {key!r}"], ctx, value)
        elif sub.required and not ctx.partial:
            raise _fail(ctx.name, where, f"the key {key!r} is missing", sub.fix or f"add {key!r}")
    if spec.needs_any and not ctx.partial and not any(value.get(k) for k in spec.needs_any):
        have = " or ".join(repr(k) for k in spec.needs_any)
        raise _fail(ctx.name, where, f"has no {have}", spec.fix or f"add {have}")


def _check_ref(value: Any, spec: Field, where: list[str], ctx: _Check, parent: Any) -> None:
    if spec.refers_to.startswith("@"):
        lists = spec.refers_to[1:].split("+")
        pool = {t for k in lists for t in ((parent or {}).get(k) or [])}
        what = f"one of its {' or '.join(lists)}"
    else:
        pool = (
            set((ctx.root or {}).get(spec.refers_to) or {}) if isinstance(ctx.root, dict) else set()
        )
        what = f"one of the {spec.refers_to} ({', '.join(sorted(map(str, pool)))})"
    if value not in pool and not ctx.partial:
        raise _fail(ctx.name, where, f"{value!r} is not {what}", spec.fix or "check the spelling")


def validate(data: Any, schema: Field, name: str, *, partial: bool = False) -> None:
    """Check ``data`` (a parsed YAML file) against ``schema``; raise on the first problem.

    Parameters
    ----------
    data : Any
        The parsed file.
    schema : Field
        The schema tree (see :data:`SCHEMAS`).
    name : str
        The file name, for messages.
    partial : bool
        An ``extend=`` file: required keys, non-empty lists and references to
        the base file are checked after merging, not here.

    Raises
    ------
    DataFileError
        Naming the file, the entry (``class 'hedge', key 'terms', item 3``)
        and the fix.

    Examples
    --------
    >>> validate({"classes": {}}, SCHEMAS["hedges"], "mine.yml")
    Traceback (most recent call last):
    corpus_tools.errors.DataFileError: mine.yml, key 'classes': is empty; map each class name to {description, terms}.
    """
    _check(data, schema, [], _Check(name, data, partial))


_TEXT = Field("text")
_TEXTS = Field("list", items=_TEXT, fix="write one word or phrase per '- ' line")
_META = Field("map", fix="'meta' maps names (name, version, licence, sources) to values")
_WORDS = Field(
    "list", required=True, nonempty=True, items=_TEXT, fix="write one word or phrase per '- ' line"
)
_INTS = Field(
    "map", required=True, nonempty=True, items=Field("int"), fix="map each word to its value"
)


def _classes(members: str, members_field: Field) -> Field:
    """A ``classes`` block: class name -> {description, source, <members>}."""
    return Field(
        "map",
        required=True,
        nonempty=True,
        label="class",
        fix=f"map each class name to {{description, {members}}}",
        items=Field(
            "record",
            keys={"description": _TEXT, "source": Field("any"), members: members_field},
            fix=f"a class is a mapping with 'description' and a '{members}' list",
        ),
    )


#: The schema of each kind of lexicon file (a :class:`Field` tree per kind).
SCHEMAS: dict[str, Field] = {
    "hedges": Field(
        "record",
        keys={
            "meta": _META,
            "classes": _classes("terms", Field("list", required=True, nonempty=True, items=_TEXT)),
            "exclude": Field(
                "list",
                items=Field("regex"),
                fix="each exclusion is a regular expression on the matching view",
            ),
        },
        fix="expected a mapping with keys 'meta' and 'classes'",
    ),
    "frames": Field(
        "record",
        keys={
            "meta": _META,
            "frames": Field(
                "map",
                required=True,
                nonempty=True,
                label="frame",
                fix="map each frame name to {label, definition, questions, cues}",
                items=Field(
                    "record",
                    keys={
                        "label": _TEXT,
                        "family": _TEXT,
                        "definition": _TEXT,
                        "questions": _TEXTS,
                        "cues": _TEXTS,
                        "phrases": _TEXTS,
                        "exclude": _TEXTS,
                        "requires_any": Field(
                            "map",
                            refers_to="@cues+phrases",
                            items=Field("list", nonempty=True, items=_TEXT),
                            fix="map one of the frame's cues to a list of terms",
                        ),
                        "in_names": _TEXTS,
                    },
                    needs_any=("cues", "phrases"),
                    fix="a frame is a mapping of label, family, definition, questions, cues, "
                    "phrases, exclude, requires_any, in_names",
                ),
            ),
            "name_heads": _TEXTS,
            "name_possessors": _TEXTS,
        },
        fix="expected a mapping with a non-empty 'frames' block",
    ),
    "reporting_verbs": Field(
        "record",
        keys={
            "meta": _META,
            "classes": _classes(
                "verbs",
                Field(
                    "list",
                    items=Field(
                        one_of=(_TEXT, Field("map", single=True, items=_TEXTS)),
                        fix="a verb is a lemma ('say') or {lemma: [all its forms]}",
                    ),
                ),
            ),
            "no_clause": _TEXTS,
            "bare_clause": _TEXTS,
            "noun_forms": _TEXTS,
            "phrases": Field(
                "map",
                items=Field("text", refers_to="classes"),
                fix="map each phrase to one of the classes",
            ),
        },
    ),
    "numbers": Field(
        "record",
        keys={
            "meta": _META,
            "units": _INTS,
            "tens": _INTS,
            "scales": _INTS,
            "suffix_scales": _INTS,
            "vague": Field("map", required=True, items=_TEXT),
            "qualifiers": Field("list", required=True, items=_TEXT),
            "percent": _TEXTS,
            "currency_signs": _TEXTS,
            "currency_after": _TEXTS,
            "iso4217": _TEXTS,
            "iso4217_not_read": _TEXTS,
            "languages": Field(
                "map",
                items=Field(
                    "record",
                    keys={
                        "scales": Field("map", items=Field("int")),
                        "percent": _TEXTS,
                        "currency_prefixes": _TEXTS,
                        "currency": _TEXTS,
                        "figure_prefixes": _TEXTS,
                        "read_with": _TEXTS,
                        "not_objects": _TEXTS,
                        "verb_endings": _TEXTS,
                        "participle_endings": _TEXTS,
                        "unit_adjectives": _TEXTS,
                        "hour_marks": _TEXTS,
                    },
                    fix="a language maps 'scales' (word -> value), 'percent', "
                    "'currency_prefixes', 'currency', 'figure_prefixes', 'read_with', "
                    "'not_objects', 'verb_endings', 'participle_endings', "
                    "'unit_adjectives' and 'hour_marks' (words)",
                ),
                fix="map a language code (de, pt, ...) to its scales and percent words",
            ),
            "decimal_comma": Field(
                "list",
                items=_TEXT,
                fix='list the language codes that write a decimal comma; quote "no" (Norwegian)',
            ),
        },
    ),
    "quote_words": Field(
        "record",
        keys={
            "meta": _META,
            **{
                k: _WORDS
                for k in (
                    "titles",
                    "org_heads",
                    "role_nouns",
                    "modifiers",
                    "doc_nouns",
                    "person_roles",
                    "determiners",
                    "pronouns",
                    "skip",
                    "particles",
                    "cap_stop",
                    "regional_demonyms",
                    "media_words",
                    "news_agencies",
                    "appositive_nouns",
                    "person_nouns",
                    "thing_object_verbs",
                    "source_docs",
                    "body_documents",
                    "expert",
                    "citizen",
                    "official",
                    "clause_starts",
                    "not_clause",
                    "passive",
                    "s_function",
                    "function_words",
                    "not_name_endings",
                    "adjective_endings",
                    "noun_endings",
                    "quote_predicate",
                    "agent_endings",
                    "predicate_links",
                    "title_prepositions",
                    "title_case_predicate",
                    "title_case_head_cut",
                    "subordinators",
                    "judgement_endings",
                    "judgement_openers",
                    "naming",
                    "doc_modifiers",
                    "kickers",
                    "institution_nouns",
                    "modifier_names",
                    "company_suffixes",
                    "stance_predicates",
                    "mention_nouns",
                    "amount_words",
                    "issue_verbs",
                    "compound_heads",
                    "speech_nouns",
                    "lead_quote_not_speaking",
                    "lead_quote_prepositions",
                    "list_heads",
                    "act_verbs",
                    "act_objects",
                    "sport_heads",
                    "event_nouns",
                    "complement_forms",
                    "name_suffixes",
                    "given_names",
                )
            },
            # optional while quotes' code moves its word lists here (session 31)
            **{
                k: Field(
                    "list", nonempty=True, items=_TEXT, fix="write one word or phrase per '- ' line"
                )
                for k in (
                    "person_titles",
                    "speech_occasions",
                    "party_members",
                    "topic_initialisms",
                )
            },
        },
    ),
    "number_context": Field(
        "record",
        keys={
            "meta": _META,
            "events": Field(
                "map",
                required=True,
                nonempty=True,
                items=_TEXT,
                fix="map each event word to its normalised event",
            ),
            **{
                k: _WORDS
                for k in (
                    "currency",
                    "months",
                    "one_pronoun_next",
                    "one_pronoun_before",
                    "attribution_cues",
                    "source_nouns",
                    "attribution_verbs",
                    "said_verbs",
                    "not_sources",
                )
            },
        },
    ),
    "naming_words": Field(
        "record",
        keys={"meta": _META, **{k: _WORDS for k in ("determiners", "verb_next", "not_labels")}},
    ),
}

_DEFAULT_FILES = {
    "hedges": ("hedges.yml", "hedge list"),
    "frames": ("frames.yml", "codebook"),
    "reporting_verbs": ("reporting_verbs.yml", "reporting-verb list"),
    "numbers": ("numbers.yml", "number word list"),
    "quote_words": ("quote_words.yml", "quote word list"),
    "number_context": ("number_context.yml", "number context word list"),
    "naming_words": ("naming_words.yml", "naming word list"),
}

# ---------------------------------------------------------------------------
# the Lexicon type and its loader
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """A validated lexicon file (after ``extend``), as read by :func:`load_lexicon`.

    Attributes
    ----------
    kind : str
        The schema it was checked against (a key of :data:`SCHEMAS`).
    name : str
        Where it came from, for messages (``hedges.yml``, ``mine.yml + more.yml``).
    data : dict
        The file's content; ``meta`` is its ``meta`` block (or empty).
    key : tuple
        The cache key of the versions read (see :func:`corpus_tools._data.file_key`);
        ``None`` when an ``extend=`` mapping was given (not cached).
    """

    kind: str
    name: str
    data: Mapping[str, Any] = field(repr=False)
    key: tuple | None = field(default=None, repr=False)

    @property
    def meta(self) -> dict[str, Any]:
        """The ``meta`` block (name, version, licence, sources)."""
        return dict(self.data.get("meta") or {})


def _merge(base: Any, more: Any) -> Any:
    """``more`` added to ``base``: mappings key by key, lists concatenated (first kept), else replaced."""
    if isinstance(base, dict) and isinstance(more, dict):
        out = dict(base)
        for k, v in more.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(more, list):
        seen = {repr(x) for x in base}
        return [*base, *(x for x in more if repr(x) not in seen)]
    return more


@lru_cache(maxsize=32)
def _read(kind: str, path: str | None, mtime_ns: int = 0, size: int = 0) -> Lexicon:
    """One version of one lexicon file, validated (cached on :func:`file_key`)."""
    default, what = _DEFAULT_FILES[kind]
    data, name = read_yaml(path, default=default, what=what)
    validate(data, SCHEMAS[kind], name)
    return Lexicon(kind, name, data, (path, mtime_ns, size))


def _check_path_arg(kind: str, path: object) -> None:
    """A lexicon path must be a path (or None): an int, list or dict gave a TypeError from os.

    >>> _check_path_arg("hedges", 5)
    Traceback (most recent call last):
    ...
    corpus_tools.errors.DataFileError: hedge list: path=5 (int) is not a file path; give the path of a YAML file (str or Path), or None for the shipped hedges.yml; to add entries given as a mapping, pass extend= instead.
    """
    if path is None or isinstance(path, (str, os.PathLike)):
        return
    default, what = _DEFAULT_FILES[kind]
    shown = repr(path) if len(repr(path)) <= 60 else repr(path)[:57] + "..."
    raise DataFileError(
        f"{what}: path={shown} ({type(path).__name__}) is not a file path; give the path of a "
        f"YAML file (str or Path), or None for the shipped {default}; to add entries given as "
        "a mapping, pass extend= instead."
    )


def load_lexicon(
    kind: str,
    path: str | Path | None = None,
    *,
    extend: str | Path | Mapping[str, Any] | None = None,
) -> Lexicon:
    """Read and validate a lexicon file; the shipped one when ``path`` is None.

    Parameters
    ----------
    kind : str
        ``hedges``, ``frames``, ``reporting_verbs``, ``numbers``,
        ``quote_words``, ``number_context`` or ``naming_words`` (the
        schema, :data:`SCHEMAS`).
    path : str or Path, optional
        A YAML file with the schema of the shipped file; it *replaces* it.
    extend : str, Path or mapping, optional
        Entries *added* to it: a YAML file or a mapping of the same schema.
        Mappings merge key by key (a class or frame named in both gets the
        terms of both); lists are concatenated.

    Returns
    -------
    Lexicon
        Cached on the files' path, modification time and size: an edited
        file is read again.

    Examples
    --------
    >>> lex = load_lexicon("hedges", extend={"classes": {"hedge": {"terms": ["arguably"]}}})
    >>> lex.name, "arguably" in lex.data["classes"]["hedge"]["terms"]
    ('hedges.yml + extend', True)
    """
    if kind not in SCHEMAS:
        raise DataFileError(f"unknown lexicon kind {kind!r}; use one of {sorted(SCHEMAS)}.")
    _check_path_arg(kind, path)
    base = _read(kind, *file_key(path))
    if extend is None:
        return base
    if isinstance(extend, (str, Path)):
        default, what = _DEFAULT_FILES[kind]
        more, more_name = read_yaml(extend, default=default, what=what)
        key: tuple | None = (base.key, file_key(extend))
    else:
        more, more_name, key = extend, "extend", None
    validate(more, SCHEMAS[kind], more_name, partial=True)
    name = f"{base.name} + {more_name}"
    merged = _merge(dict(base.data), dict(more))
    validate(merged, SCHEMAS[kind], name)
    return Lexicon(kind, name, merged, key)


# ---------------------------------------------------------------------------
# the matcher
# ---------------------------------------------------------------------------


def term_pattern(term: str, *, joiner: str = r"[\s-]+") -> str:
    """Regular expression of one lexicon term: ``*`` = any word suffix, words joined by ``joiner``.

    Examples
    --------
    >>> term_pattern("clash*"), term_pattern("human cost")
    ('clash\\\\w*', 'human[\\\\s-]+cost')
    """
    parts = []
    for w in str(term).lower().split():
        star = w.endswith("*")
        parts.append(re.escape(w.rstrip("*")) + (r"\w*" if star else ""))
    return joiner.join(parts)


_LEFT, _RIGHT = r"(?<![\w-])", r"(?![\w-])"


def by_first_letter(pats: Sequence[str]) -> str:
    r"""The alternation of ``pats`` (:func:`term_pattern` s) grouped by first character, in
    the same order within a group: ``re`` then tries one group at a word's start, not every
    term. Alternatives whose first characters are different ASCII letters or digits never
    match at the same place (case-insensitive too), so the same alternative wins and every
    match is the same; if any pattern starts otherwise, the flat alternation.

    >>> by_first_letter(["says", "said", "add"])
    's(?:ays|aid)|add'
    """
    if not all(p[:1].isascii() and p[:1].isalnum() and (p[1:2] or "x") not in "*+?{" for p in pats):
        return "|".join(pats)
    groups: dict[str, list[str]] = {}
    for p in pats:
        groups.setdefault(p[0], []).append(p[1:])
    return "|".join(k + (f"(?:{'|'.join(r)})" if len(r) > 1 else r[0]) for k, r in groups.items())


def sentence_index(starts: Sequence[int], pos: int) -> int:
    """Index of the sentence holding offset ``pos`` (the last one starting at or before it).

    >>> sentence_index([0, 10, 20], 15), sentence_index([0, 10, 20], 0)
    (1, 0)
    """
    return max(0, bisect.bisect_right(starts, pos) - 1)


class Hit(NamedTuple):
    """One match of a :class:`Matcher`: offsets, the term as written, its sentence index."""

    start: int
    end: int
    term: str
    sent: int


def lower_view(view: str) -> str:
    """``view`` lower-cased character by character, so every offset stays the same.

    ``str.lower`` turns ``'İ'`` into two characters (``'i'`` and a combining
    dot), which would shift every offset after it; it becomes ``'i'`` alone.

    >>> lower_view("İNDEED, TENSIONS") == "indeed, tensions"
    True
    """
    low = view.lower()
    if len(low) == len(view):
        return low
    return "".join(c.lower()[:1] for c in view)


@dataclass(frozen=True)
class Matcher:
    """Terms, exclusions and required co-terms compiled into one regular expression.

    Build with :meth:`Matcher.build`; :meth:`find` lists the hits in a text.
    Matching is case-insensitive (on :func:`lower_view` of the text, with the
    terms lower-cased), on whole words (no word character or hyphen on either
    side); alternatives are tried longest term first. ``regex`` is the same
    expression compiled case-insensitively, for callers that scan a text
    themselves.

    The scanners carry no capturing groups (Python's ``re`` scans an
    alternation of hundreds of named groups ten times slower); ``named``, the
    same alternation with one group per term, is matched only where the scan
    found a hit, to name its term: same alternatives in the same order, so the
    same alternative wins and the span is the same.
    """

    regex: re.Pattern  # case-insensitive, on any view, no groups
    groups: Mapping[str, str]  # ``named`` group name -> term as written
    exclude: tuple[re.Pattern, ...] = ()  # exclusion patterns, on the view as given
    requires: Mapping[str, re.Pattern] = field(default_factory=dict)  # on the lower view
    lowered: re.Pattern | None = None  # ``regex`` for the lower view (faster)
    exclude_terms: re.Pattern | None = None  # exclusion terms, on the lower view
    named: re.Pattern | None = None  # one group per term, matched at a hit's start

    @classmethod
    def build(
        cls,
        terms: Iterable[str],
        *,
        exclude: Iterable[str] = (),
        exclude_patterns: Iterable[str] = (),
        requires: Mapping[str, Iterable[str]] | None = None,
        joiner: str = r"[\s-]+",
    ) -> Matcher:
        """Compile ``terms``; ``exclude`` are terms and ``exclude_patterns`` regular
        expressions (case-sensitive) that veto an overlapping hit; ``requires``
        maps a term to co-terms of which one must occur in the hit's sentence.

        Examples
        --------
        >>> m = Matcher.build(["rain*", "heavy snow"], exclude=["rain check"])
        >>> [h.term for h in m.find("Rains and heavy-snow; a rain check.")]
        ['rain*', 'heavy snow']
        """
        ordered = sorted(dict.fromkeys(str(t) for t in terms), key=lambda t: (-len(t), t))
        groups = {f"g{i}": t for i, t in enumerate(ordered)}
        pats = [term_pattern(t, joiner=joiner) for t in ordered]
        body = f"{_LEFT}(?:{'|'.join(pats)}){_RIGHT}"
        grouped = f"{_LEFT}(?:{by_first_letter(pats)}){_RIGHT}"  # same matches, faster scan
        named = "|".join(f"(?P<{g}>{p})" for g, p in zip(groups, pats, strict=True))
        ex = sorted(dict.fromkeys(str(t) for t in exclude), key=lambda t: (-len(t), t))
        ex_body = by_first_letter([term_pattern(t, joiner=joiner) for t in ex])
        need = {}
        for term, co in (requires or {}).items():
            pats = [
                f"{_LEFT}{term_pattern(t)}{_RIGHT}" if str(t)[:1].isalnum() else term_pattern(t)
                for t in co
            ]
            need[str(term)] = re.compile("|".join(pats))
        return cls(
            re.compile(body, re.IGNORECASE),
            groups,
            tuple(re.compile(p) for p in exclude_patterns),  # as written: case is the pattern's
            need,
            re.compile(grouped),
            re.compile(f"{_LEFT}(?:{ex_body}){_RIGHT}") if ex else None,
            re.compile(f"(?:{named}){_RIGHT}"),
        )

    def vetoes(self, view: str, low: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Spans of the exclusions, merged and sorted (with their ends, for bisect)."""
        found = [m.span() for rx in self.exclude for m in rx.finditer(view)]
        if self.exclude_terms is not None:
            found += [m.span() for m in self.exclude_terms.finditer(low)]
        merged: list[tuple[int, int]] = []
        for s, e in sorted(found):
            if merged and s < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        return [e for _, e in merged], merged

    def term_at(self, low: str, start: int) -> str:
        """The term (as written) of the hit the scan found at ``start`` in ``low``."""
        named = self.named.match(low, start) if self.named is not None else None
        if named is None:  # unreachable for a hit of ``lowered``; kept total
            raise ValueError(f"no term of this lexicon starts at offset {start}")
        return self.groups[str(named.lastgroup)]

    def find(
        self, view: str, sentences: Sequence[tuple[int, int]] = (), *, low: str | None = None
    ) -> list[Hit]:
        """Hits in ``view`` (the folded text, same offsets; ``low``: its :func:`lower_view`).

        ``sentences`` are ``(start, end)`` spans sorted by start; each hit gets
        the index of its sentence (``-1`` without sentences), and a term with
        co-terms counts only when one occurs in that sentence (the whole text
        without sentences). Hits overlapping an exclusion are dropped.

        Examples
        --------
        >>> m = Matcher.build(["strike*"], requires={"strike*": ["army", "missile*"]})
        >>> [(h.start, h.sent) for h in m.find("Workers strike. Missile strikes hit.", [(0, 15), (16, 36)])]
        [(24, 1)]
        """
        low = lower_view(view) if low is None else low
        has_vetoes = bool(self.exclude) or self.exclude_terms is not None
        ends, vetoes = self.vetoes(view, low) if has_vetoes else ([], [])
        starts = [s for s, _ in sentences]
        out = []
        for m in (self.lowered or self.regex).finditer(low):
            s, e = m.span()
            if vetoes:
                k = bisect.bisect_right(ends, s)
                if k < len(vetoes) and vetoes[k][0] < e:
                    continue
            term = self.term_at(low, s)
            k = sentence_index(starts, s) if sentences else -1
            if term in self.requires:
                lo, hi = sentences[k] if sentences else (0, len(view))
                if not self.requires[term].search(low, lo, hi):
                    continue
            out.append(Hit(s, e, term, k))
        return out


# ---------------------------------------------------------------------------
# compiled lexicons and the counts rates are taken over
# ---------------------------------------------------------------------------

_COMPILED: dict[tuple, Any] = {}
_MAX_COMPILED = 64


def compiled(lexicon: Lexicon, build: Callable[[Lexicon], T]) -> T:
    """``build(lexicon)``, cached on the lexicon's file versions (rebuilt after an edit).

    Every compiled form of a lexicon (the hedge book, the frame matchers, the
    reporting-verb book) goes through this one cache; a lexicon extended by
    a mapping (``key`` None) is built each time.

    >>> lex = load_lexicon("hedges")
    >>> compiled(lex, lambda x: x.name) == compiled(lex, lambda x: x.name)
    True
    """
    if lexicon.key is None:
        return build(lexicon)
    k = (build.__module__, build.__qualname__, lexicon.kind, lexicon.key)
    if k not in _COMPILED:
        if len(_COMPILED) >= _MAX_COMPILED:
            _COMPILED.pop(next(iter(_COMPILED)))
        _COMPILED[k] = build(lexicon)
    return _COMPILED[k]


#: A word of running text, as counted for rates per 1,000 words.
#: a word keeps its combining marks and joiners (Hindi, Thai, vowelled Arabic), as tokens do
WORD_RE = re.compile(rf"\w[\w{WORD_CONT}]*(?:[-'’.,]\w[\w{WORD_CONT}]*)*")


def word_counts(corpus: Corpus) -> dict[str, int]:
    """Words per document (:data:`WORD_RE`), the denominator of rates per 1,000 words.

    >>> import pandas as pd, corpus_tools as ct
    >>> word_counts(ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["It's 1,400 people."]})))
    {'a': 3}
    """
    return {d: len(WORD_RE.findall(t)) for d, t in corpus}


# a letter of any script, and a Latin letter (basic, Latin-1 and Latin Extended-A/B)
_LETTER_RE = re.compile(r"[^\W\d_]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SCRIPT_SAMPLE = 600  # characters read from the start of each document


def other_script_docs(texts: Iterable[str]) -> int:
    """How many texts are mostly written in a script other than Latin (Arabic, Chinese, ...).

    Only the first 600 characters of each text are read; a text with fewer
    than 10 letters there counts as Latin.

    >>> other_script_docs(["Talks resumed in Geneva.", "قال المتحدث باسم وزارة الخارجية", "中国外交部发言人表示，中方愿与俄罗斯加强协调"])
    2
    """
    n = 0
    for text in texts:
        head = text[:_SCRIPT_SAMPLE]
        if head.isascii():
            continue
        letters = len(_LETTER_RE.findall(head))
        if letters >= 10 and 2 * len(_LATIN_RE.findall(head)) < letters:
            n += 1
    return n


_LANGUAGE_SAMPLE = 1000  # documents whose language is guessed (evenly spaced, in order)


def non_english_docs(texts: Sequence[str]) -> tuple[int, int, Counter[str]]:
    """Guess which of ``texts`` are not English: ``(other script, checked, languages)``.

    The first count is every text mostly in a non-Latin script
    (:func:`other_script_docs`). Latin-script texts are told apart by their
    stopwords (:func:`corpus_tools.languages.guess_language`, first 600
    characters) on an evenly spaced sample of at most 1,000 texts:
    ``checked`` is the sample's size and ``languages`` counts the other
    languages guessed in it (``None``, unclear, is left out).

    >>> non_english_docs(["Talks resumed in Geneva on Monday after the ministers met.",
    ...                   "Die Gespräche wurden am Montag in Genf wieder aufgenommen, sagte er."])
    (0, 2, Counter({'de': 1}))
    """
    step = max(1, -(-len(texts) // _LANGUAGE_SAMPLE))
    sample = texts[::step]
    return other_script_docs(texts), len(sample), _sample_languages(sample)


def _sample_languages(sample: Iterable[str]) -> Counter[str]:
    """The languages other than English guessed for the Latin-script texts of ``sample``
    (first :data:`_SCRIPT_SAMPLE` characters; ``None``, unclear, left out)."""
    from .languages import guess_language  # reads the stopword lists on first use

    found: Counter[str] = Counter()
    for text in sample:
        if other_script_docs([text]):
            continue
        lang = guess_language(text, max_chars=_SCRIPT_SAMPLE)
        if lang is not None and lang != "en":
            found[lang] += 1
    return found


#: texts read as Python strings at a time by :func:`_corpus_languages`
_TEXT_CHUNK = 2048


def _corpus_languages(corpus: Corpus) -> tuple[int, int, Counter[str]]:
    """:func:`non_english_docs` of the corpus' texts (the same counts), reading only each
    text's first :data:`_SCRIPT_SAMPLE` characters (all it reads), :data:`_TEXT_CHUNK` texts at
    a time, and the sampled texts once more, one at a time: not a Python list of every whole
    text, and not ``iloc[::step]``, which joins every chunk of an Arrow-backed text column
    into one copy first (+377 MB of resident memory kept at 100,000 long documents)."""
    from .languages import text_heads  # (imported on use, like guess_language above)

    column = corpus.docs["text"]
    n_script = 0
    for heads in text_heads(column, _SCRIPT_SAMPLE, _TEXT_CHUNK):
        n_script += other_script_docs(heads)
    step = max(1, -(-len(column) // _LANGUAGE_SAMPLE))
    sample = [str(column.iat[k])[:_SCRIPT_SAMPLE] for k in range(0, len(column), step)]
    return n_script, len(sample), _sample_languages(sample)


#: a text of this many words whose language vote is unclear is in a language the package
#: cannot tell; a shorter one may only be too short to tell
_TELLING_WORDS = 8


def _unrecognised_warning(corpus: Corpus, what: str, lexicon: str, fix: str) -> bool:
    """Warn when most documents are in no language the package can tell (Turkish, Hungarian,
    ...: no language holds half of the corpus and most votes are unclear), and say whether it
    did. 1,664 Turkish news items were called '3 % ... in another language (pt 24)', as if
    the rest were English, and their tone was scored with the English lexicon."""
    import warnings

    from .errors import CorpusToolsWarning
    from .languages import CORPUS_CHARS, corpus_votes, main_language, sampled_column_texts

    if len(corpus) == 0 or main_language(corpus) is not None:
        return False
    votes, read = corpus_votes(corpus)
    texts = sampled_column_texts(corpus.docs["text"])  # the texts behind the votes
    # a short text may be unclear for want of words ('Officials said it may rain.')
    unclear = sum(
        v is None and len(str(t)[:CORPUS_CHARS].split()) >= _TELLING_WORDS
        for v, t in zip(votes, texts, strict=True)
    )
    if not votes or unclear * 2 <= len(votes):
        return False
    warnings.warn(
        f"{what}: {unclear:,} of {len(votes):,} {read} are in none of the languages the package "
        f"can tell (their function words are not English); the English {lexicon} finds little "
        f"or only chance matches in them. {fix}",
        CorpusToolsWarning,
        stacklevel=4,
    )
    return True


def warn_english_lexicon(corpus: Corpus, what: str, lexicon: str, fix: str) -> None:
    """Warn (CorpusToolsWarning) when documents are not in English.

    The shipped word lists are English: in Arabic, Chinese or Russian text
    they find nothing, and in Swedish, German or Spanish text little or
    only chance matches, so those documents count as having no hedge, frame
    or tone without a word. Both notes follow the package's one rule,
    :func:`corpus_tools.languages.enough_other_language`: 1 % of the documents
    or 20 of them, whichever is fewer. Documents mostly in a non-Latin script
    are counted in the whole corpus (one in a corpus of up to 100 documents
    warns, 2 in 10,037 do not); other languages are guessed from stopwords on
    a sample (see :func:`non_english_docs`) and need 2 documents at least, as a
    short English headline is now and then taken for another language.
    ``what`` names the function, ``lexicon`` its word list, ``fix`` how to
    use a list in the corpus's language.
    """
    import warnings

    from .errors import CorpusToolsWarning
    from .languages import enough_other_language

    n, checked, found = _corpus_languages(corpus)
    script = enough_other_language(n, len(corpus), by_script=True)
    if not script and _unrecognised_warning(corpus, what, lexicon, fix):
        return
    if script:
        warnings.warn(
            f"{what}: {n:,} of {len(corpus):,} documents are mostly written in a non-Latin "
            f"script (Arabic, Chinese, Cyrillic, ...); nothing in the English {lexicon} "
            f"matches them, so they count as having none. {fix}",
            CorpusToolsWarning,
            stacklevel=3,
        )
    other = sum(found.values())
    if enough_other_language(other, checked):
        names = ", ".join(f"{lang} {k:,}" for lang, k in found.most_common(5))
        share = f"{other:,} of {checked:,} documents"
        if checked < len(corpus):
            share = (
                f"about {other / checked:.0%} of the {len(corpus):,} documents ({share} checked)"
            )
        warnings.warn(
            f"{what}: {share} are in another language than English ({names}; guessed "
            "from their stopwords, see ct.languages(corpus)); the English "
            f"{lexicon} finds little or only chance matches in them. {fix}",
            CorpusToolsWarning,
            stacklevel=3,
        )
