"""Site templates learned across documents: lines an outlet prints on many of its pages.

Menus, footers, "related" headings and sign-up boxes recur on every page of a
site, even when no rule knows them. :func:`learn_templates` counts the
normalised lines of every document by *group* (the outlet; for documents
without one, the ``url`` host; otherwise the whole corpus) and calls a line
template when it occurs in at least ``max(min_docs, ceil(min_share * n))`` of
the group's ``n`` distinct documents: the threshold grows with the number of
documents, so three documents of an outlet are enough to learn its footer and
a line in 2 of 1,000 pages is not template. :func:`load_corpus` removes the
learned lines (rule ``template:learned``, category ``template``) and
:func:`learned_boilerplate` shows them, with their counts, so a user can check
and override them (``load_rules(templates=my_table)``, or
``load_rules(disable_categories=["template"])`` to turn learning off).

Guards: only lines of at most ``max_words`` words and ``max_chars`` characters
are candidates, and no line of more than ``max_sentence_words`` words that ends
like a sentence (a recurring sentence is a quotation or a story several
documents share, not a template); exact duplicate documents are counted once; the first line
of a document is not removed as template when it looks like a headline, and a
document is never emptied by it (see :func:`corpus_tools.clean_text`).

One pass over the lines to count, one more to re-clean the documents that
contain a learned line: linear in the size of the corpus.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .errors import CorpusValueError, DataFileError
from .tokenize import fold

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .corpus import Corpus

__all__ = [
    "TemplateSettings",
    "learn_templates",
    "learned_boilerplate",
    "cleaning_decisions",
    "line_key",
    "group_key",
    "paragraph_key",
    "edge_paragraphs",
]

_TERM_RE = re.compile(r"\r\n|\r|\n")
_SENT_END = frozenset(".?!\"'\u2026")
TEMPLATE_COLUMNS = ["outlet", "line", "n_docs", "n_group_docs", "share"]


@dataclass(frozen=True)
class TemplateSettings:
    """Thresholds of template learning."""

    min_docs: int = 3
    min_share: float = 0.2
    max_words: int = 30
    max_chars: int = 300
    #: lines longer than this that end like a sentence are never template
    max_sentence_words: int = 6
    #: a longer line (a paragraph: an author's bio, a disclaimer, a teaser's lede) of at
    #: most this many characters is counted as a *paragraph*: removed only outside the
    #: article (:func:`edge_paragraphs`), never between its paragraphs
    max_paragraph_chars: int = 2000
    #: a kept line of this many words that is no learned paragraph is the article's
    min_anchor_words: int = 10


def line_key(line: str) -> str:
    """The matching key of a line: folded, trimmed, spaces collapsed, casefolded.

    Examples
    --------
    >>> line_key("  Contact\\u00a0Us ")
    'contact us'
    """
    return collapse_spaces(fold(line)).casefold()


def collapse_spaces(text: str) -> str:
    """``" ".join(text.split())``, without splitting a text that has single spaces only.

    A printable text holds no whitespace but U+0020, so when it has no double space
    only its ends can change (a paragraph of 600 characters: a third of the time of
    splitting it into words and joining them).

    >>> collapse_spaces(" a b "), collapse_spaces("a  b\u00a0c"), collapse_spaces("a b")
    ('a b', 'a b c', 'a b')
    """
    if "  " in text or not text.isprintable():
        return " ".join(text.split())
    return text.strip(" ")


def group_key(outlet: Any, url: Any = None) -> str:
    """The group a document's template is learned in: outlet, else URL host, else ``""``.

    Examples
    --------
    >>> group_key(None, "https://www.example.com/a/b"), group_key("BBC", None)
    ('example.com', 'BBC')
    """
    if isinstance(outlet, str) and outlet.strip():
        return outlet.strip()
    if isinstance(url, str) and url.strip():
        host = urlsplit(url.strip()).hostname or ""
        return host[4:] if host.startswith("www.") else host
    return ""


#: a letter or digit (``str.isalnum``: ``\w`` without the underscore; checked on every code point)
_ALNUM_RE = re.compile(r"[^\W_]")


def _lines(text: str) -> list[str]:
    """``_TERM_RE.split(text)``; a text without ``\r`` is split by ``str.split`` (the same lines)."""
    return text.split("\n") if "\r" not in text else _TERM_RE.split(text)


#: the readable start of a paragraph key (:func:`paragraph_key`)
_PARA_PREFIX = 80
_PARA_KEY_RE = re.compile(r" \[#[0-9a-f]{16}\]")  # a key's last 20 characters (fullmatch)
_PARA_TAIL = 20


def paragraph_key(key: str) -> str:
    """The template key of a paragraph line, from its :func:`line_key`: its first
    80 characters and a digest of all of it (a table of learned paragraphs stays
    readable and small). :func:`line_key` leaves it as it is.

    Examples
    --------
    >>> k = paragraph_key("prior to founding the blog, i held equity analyst positions.")
    >>> k
    'prior to founding the blog, i held equity analyst positions. [#e226afdbe572132c]'
    >>> line_key(k) == k, is_paragraph_key(k), is_paragraph_key("contact us")
    (True, True, False)
    """
    h = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return f"{key[:_PARA_PREFIX].rstrip()} [#{h}]"


def is_paragraph_key(key: str) -> bool:
    """True for a key made by :func:`paragraph_key`."""
    # the tail matched where it must stand (a search with ``$`` tried every position)
    return key.endswith("]") and _PARA_KEY_RE.fullmatch(key, len(key) - _PARA_TAIL) is not None


def _is_paragraph(k: str, nw: int, s: TemplateSettings) -> bool:
    """A line key counted as a paragraph: more than ``max_words`` words, or a sentence
    of ``min_anchor_words`` words or more (a shorter sentence is neither a template
    line nor a paragraph)."""
    return nw > s.max_words or (nw >= s.min_anchor_words and k[-1] in _SENT_END)


def _doc_keys(text: str, s: TemplateSettings) -> set[str]:
    keys = set()
    for line in _lines(text):
        if len(line) > s.max_paragraph_chars or not line or line.isspace():  # blank: not strip()
            continue
        k = line_key(line)
        if not k:
            continue
        # k is its words joined by single spaces (casefold adds no whitespace: checked on
        # every code point), so this is len(k.split())
        nw = k.count(" ") + 1
        if _ALNUM_RE.search(k) is None:
            continue
        if len(line) > s.max_chars or _is_paragraph(k, nw, s):
            # a sentence shared by many documents may be a story they share: a
            # paragraph, removed only outside the article
            keys.add(paragraph_key(k))
        elif nw <= s.max_sentence_words or k[-1] not in _SENT_END:
            # a sentence of more than max_sentence_words words (and too short for a
            # paragraph) is neither: several documents share it as they share a story
            keys.add(k)
    return keys


def edge_paragraphs(
    kept: Sequence[tuple[int, str | None, int]],
    template: Collection[str],
    settings: TemplateSettings | None = None,
) -> dict[int, str]:
    """``line -> detail`` for the learned paragraphs (:func:`paragraph_key`) that stand
    outside the article: before the first or after the last kept line of at least
    ``min_anchor_words`` words that is no learned paragraph (an author's bio under
    every post, a disclaimer, the ledes of a "most read" box). A paragraph between two
    of the article's own paragraphs stays (background a story shares with others), and
    a document whose kept lines are all learned paragraphs (a story printed on several
    pages) loses none.

    ``kept``: the lines cleaning keeps, in order, as ``(line, view, words)`` (view: the
    folded, trimmed, space-collapsed line; None for a very long one).

    Examples
    --------
    >>> bio = "Ann Lee writes about science for the paper. She lives in Leeds with two cats."
    >>> body = "The council approved the plan on Monday after a debate of four hours."
    >>> tpl = frozenset({paragraph_key(bio.casefold())})
    >>> kept = [(0, body, 13), (1, body, 13), (2, bio, 16)]
    >>> edge_paragraphs(kept, tpl)
    {2: 'paragraph learned as outlet template, after the last paragraph of the article (line 2)'}
    >>> edge_paragraphs([(0, body, 13), (1, bio, 16), (2, body, 13)], tpl)
    {}
    """
    s = settings or TemplateSettings()
    learned = [
        v is not None and n > s.max_sentence_words and _learned_paragraph(v, n, template, s)
        for _, v, n in kept
    ]
    if not any(learned):
        return {}
    anchors = [
        k
        for k, (_, v, n) in enumerate(kept)
        if not learned[k] and (v is None or n >= s.min_anchor_words)
    ]
    if not anchors:
        return {}
    first, last = anchors[0], anchors[-1]
    out = {}
    for k, (i, _, _) in enumerate(kept):
        if learned[k] and k < first:
            out[i] = (
                "paragraph learned as outlet template, before the first paragraph of the "
                f"article (line {kept[first][0] + 1})"
            )
        elif learned[k] and k > last:
            out[i] = (
                "paragraph learned as outlet template, after the last paragraph of the "
                f"article (line {kept[last][0] + 1})"
            )
    return out


def _learned_paragraph(view: str, n: int, template: Collection[str], s: TemplateSettings) -> bool:
    k = view.casefold()
    return (len(k) > s.max_chars or _is_paragraph(k, n, s)) and paragraph_key(k) in template


class TemplateLearner:
    """Counts of candidate template lines by group, fed one document at a time.

    :func:`learn_templates` is ``TemplateLearner`` fed every pair, then
    :meth:`table`; :func:`~corpus_tools.load_corpus` feeds it while it reads,
    so no raw text is kept for a second pass. Exact copies within a group
    count once (a 16-byte digest per distinct document is kept).

    Most paragraphs (:func:`paragraph_key`) occur once in a corpus, so a paragraph's
    first sighting in a group is kept as its 64-bit digest only (``once``); its key
    is counted from the second sighting on (with the first one included), which
    gives the same table with a fraction of the memory (``min_docs`` of 2 or more).

    Examples
    --------
    >>> tl = TemplateLearner()
    >>> bio = paragraph_key("ann lee writes about science for the paper and lives in leeds.")
    >>> for i in range(3):
    ...     tl.add_keys("Daily", bytes([i]), {bio} if i else {bio, "contact us"})
    >>> tl.counts["Daily"][bio], len(tl.once["Daily"])
    (3, 0)
    >>> tl.add_keys("Daily", b"x", {paragraph_key("a paragraph printed once, on one page only.")})
    >>> len(tl.counts["Daily"]), len(tl.once["Daily"])
    (2, 1)
    """

    def __init__(self, settings: TemplateSettings | None = None) -> None:
        self.settings = settings or TemplateSettings()
        self.counts: dict[str, dict[str, int]] = {}
        #: group -> digests of the paragraphs seen once (see the class docstring)
        self.once: dict[str, set[int]] = {}
        self.n_group: dict[str, int] = {}
        self.seen: set[tuple[str, bytes]] = set()

    def add(self, group: str, text: str) -> None:
        """Count the candidate lines of one document of ``group``."""
        self.add_keys(group, *template_keys(text, self.settings))

    def add_keys(self, group: str, digest: bytes, keys: Iterable[str]) -> None:
        """:meth:`add` with the document's :func:`template_keys` computed already."""
        if (group, digest) in self.seen:  # an exact copy is one page, not two
            return
        self.seen.add((group, digest))
        self.n_group[group] = self.n_group.get(group, 0) + 1
        c = self.counts.setdefault(group, {})
        once = self.once.setdefault(group, set())
        for k in keys:
            n = c.get(k)
            if n is not None:
                c[k] = n + 1
            elif k[-1] != "]" or self.settings.min_docs < 2 or not is_paragraph_key(k):
                c[k] = 1  # (min_docs 1: a paragraph seen once may be template)
            else:
                d = int(k[-17:-1], 16)  # the key's own 64-bit digest
                if d in once:
                    once.discard(d)
                    c[k] = 2
                else:
                    once.add(d)

    def table(self) -> pd.DataFrame:
        """The learned lines: the table :func:`learn_templates` returns."""
        import pandas as pd

        s = self.settings
        rows = []
        for group in sorted(self.counts):
            n = self.n_group[group]
            need = max(s.min_docs, math.ceil(s.min_share * n))
            for k, v in self.counts[group].items():
                if v >= need:
                    rows.append(
                        {"outlet": group, "line": k, "n_docs": v, "n_group_docs": n, "share": v / n}
                    )
        df = pd.DataFrame(rows, columns=TEMPLATE_COLUMNS)
        if len(df):
            df = df.sort_values(
                ["outlet", "n_docs", "line"], ascending=[True, False, True], kind="mergesort"
            ).reset_index(drop=True)
        return df.astype({"n_docs": "int64", "n_group_docs": "int64", "share": "float64"})


def template_keys(
    text: str, settings: TemplateSettings | None = None
) -> tuple[bytes, frozenset[str]]:
    """A document's digest and candidate template lines (matching keys), as
    :class:`TemplateLearner` counts them; a pure function of the text.

    Examples
    --------
    >>> sorted(template_keys("Story one happened today.\\nContact Us\\n")[1])
    ['contact us', 'story one happened today.']
    """
    h = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return h, frozenset(_doc_keys(text, settings or TemplateSettings()))


def learn_templates(
    docs: Iterable[tuple[str, str]],
    *,
    settings: TemplateSettings | None = None,
) -> pd.DataFrame:
    """Learn template lines from ``(group, raw text)`` pairs.

    Returns
    -------
    pandas.DataFrame
        ``outlet`` (the group), ``line`` (matching key), ``n_docs`` (distinct
        documents of the group with the line), ``n_group_docs``, ``share``;
        sorted by outlet, then ``n_docs`` descending, then line.

    Examples
    --------
    >>> docs = [("Daily", f"Story {i} happened.\\nContact Us\\nPrivacy Policy") for i in range(4)]
    >>> learn_templates(docs + [("Other", "Contact Us")])[["outlet", "line", "n_docs"]].values.tolist()
    [['Daily', 'contact us', 4], ['Daily', 'privacy policy', 4]]
    """
    learner = TemplateLearner(settings)
    for group, text in docs:
        learner.add(group, str(text))
    return learner.table()


def has_template_line(raw: str, template: Collection[str]) -> bool:
    """True when a non-blank line of ``raw`` has its :func:`line_key` in ``template``.

    Examples
    --------
    >>> has_template_line("Story.\\n  Contact  us\\n", {"contact us"})
    True
    """
    s = TemplateSettings()
    for x in _lines(raw):
        if x and not x.isspace() and len(x) <= s.max_paragraph_chars:
            k = line_key(x)
            if k in template:
                return True
            if k and (len(k) > s.max_chars or _is_paragraph(k, k.count(" ") + 1, s)):
                if paragraph_key(k) in template:
                    return True
    return False


def table_to_sets(table: Any) -> dict[str, frozenset[str]]:
    """``group -> line keys`` from a template table (DataFrame or CSV path with outlet, line)."""
    import pandas as pd

    if isinstance(table, (str, Path)):
        try:
            table = pd.read_csv(table, dtype=str, keep_default_na=False)
        except (OSError, ValueError) as exc:
            raise DataFileError(f"{table}: cannot read the template table ({exc}).") from None
    if not isinstance(table, pd.DataFrame):
        raise CorpusValueError(
            f"templates={type(table).__name__} is not valid; pass a DataFrame or CSV path with "
            "columns 'outlet' and 'line' (e.g. an edited learned_boilerplate(corpus) table)."
        )
    missing = [c for c in ("outlet", "line") if c not in table.columns]
    if missing:
        raise CorpusValueError(
            f"the template table has no column(s) {missing}; it needs 'outlet' and 'line' "
            "('outlet' empty for documents without an outlet)."
        )
    out: dict[str, set[str]] = {}
    for g, line in zip(table["outlet"].fillna(""), table["line"].fillna(""), strict=True):
        k = line_key(str(line))
        if k:
            out.setdefault(str(g).strip(), set()).add(k)
    return {g: frozenset(v) for g, v in out.items()}


def learned_boilerplate(
    corpus: Corpus | Mapping[str, Any], *, settings: TemplateSettings | None = None
) -> pd.DataFrame:
    """The template lines learned on ``corpus``: what ``load_corpus`` removes as ``template:learned``.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus (its ``raw_text``, ``outlet`` and, if present, ``url``
        columns are used; HTML documents are left out, their extractor chose
        their text).
    settings : TemplateSettings, optional
        Thresholds (default ``min_docs=3, min_share=0.2, max_words=30``).

    Returns
    -------
    pandas.DataFrame
        ``outlet, line, n_docs, n_group_docs, share``. Edit it and pass it
        back as ``load_corpus(..., rules=load_rules(templates=table))`` to
        override what is learned.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> df = pd.DataFrame({"outlet": ["Daily"] * 3,
    ...                    "text": [f"Story {i} ran.\\nContact Us" for i in range(3)]})
    >>> learned_boilerplate(ct.load_corpus(df))[["outlet", "line", "n_docs"]].values.tolist()
    [['Daily', 'contact us', 3]]
    """
    docs = corpus.docs if hasattr(corpus, "docs") else corpus
    cols = list(docs.columns) if hasattr(docs, "columns") else []
    n = len(docs)
    outlets = docs["outlet"].tolist() if "outlet" in cols else [None] * n
    urls = docs["url"].tolist() if "url" in cols else [None] * n
    fmts = docs["format"].tolist() if "format" in cols else [None] * n
    # a Corpus gives its raw texts (rebuilt from the log when it does not keep them)
    raws = (t for _, t in corpus.iter_raw()) if hasattr(corpus, "iter_raw") else docs["raw_text"]
    return learn_templates(
        (
            (group_key(o, u), str(t))
            for o, u, f, t in zip(outlets, urls, fmts, raws, strict=True)
            if f != "html" and isinstance(t, str)
        ),
        settings=settings,
    )


def _kind(rule: str, category: str) -> str:
    if category == "template" or rule.startswith("template:"):
        return "template"
    if category == "block" or rule.startswith("block:"):
        return "classifier"
    if category in ("unicode", "mojibake", "layout"):
        return "edit"
    return "rule"


#: reasons of the built-in steps that have no entry in boilerplate.yml
_BUILTIN_REASONS = {
    "duplicate_line": "a copy of line {n} (a teaser printed twice)",
    "repeated_teaser": "printed again at line {n} right after it (a teaser printed twice)",
    "doubled_video_teaser": "a video title printed twice on one line",
    "self_doubled_line": "the second copy of a line printed twice",
    "rejoin_broken_line": "a sentence cut at a hyperlink, rejoined",
    "zero_width": "zero-width characters removed",
    "nfc": "Unicode composed (NFC)",
    "crlf": "Windows line ends made \\n",
    "html_entity": "HTML character references unescaped (the text was HTML-escaped)",
}


def _rule_descriptions() -> dict[str, str]:
    """Rule id -> first sentence of its description, for the shipped line rules."""
    from .clean import load_rules

    try:
        rules = load_rules().rules
    except Exception:  # noqa: BLE001 - a reason column never breaks the table
        return {}
    out = {}
    for r in rules:
        first = re.split(r"(?<=[.;])\s", r.description.strip(), maxsplit=1)[0].rstrip(".;")
        out[r.id] = first if len(first) <= 90 else first[:89] + "\u2026"
    return out


def _reason(detail: str, rule: str, described: Mapping[str, str]) -> str:
    if rule in _BUILTIN_REASONS:
        n = detail.split("=", 1)[1] if "=" in detail else "?"
        return _BUILTIN_REASONS[rule].format(n=n)
    if detail:
        return detail
    desc = described.get(rule)
    return f"{rule}: {desc}" if desc else rule


def cleaning_decisions(corpus: Corpus | pd.DataFrame, *, width: int = 80) -> pd.DataFrame:
    """The cleaning log grouped by kind of decision, with the reason for each row.

    ``kind`` is ``rule`` (a line rule of ``boilerplate.yml`` or a repeated
    line), ``classifier`` (the text-block classifier, ``block:*``),
    ``template`` (a line learned across the outlet's documents) or ``edit``
    (Unicode repair, line rejoining). ``reason`` is the log's ``detail`` (the
    features that decided a classifier removal, e.g. ``after the last body
    paragraph (line 17); date/time stamp``) or, for a rule, its id and
    description from ``boilerplate.yml``.

    Returns
    -------
    pandas.DataFrame
        ``kind, doc_id, line_no, rule, reason, text`` (text shortened to
        ``width`` characters), sorted by kind, doc_id, line_no.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.load_corpus(pd.DataFrame({"text": ["Talks ended.\\n\\nShare this article"]}))
    >>> cleaning_decisions(c)[["kind", "rule", "reason"]].values.tolist()
    [['rule', 'share_button', 'share_button: Share, print, save or e-mail button text']]
    """
    import pandas as pd

    log: Any = corpus.cleaning_log if hasattr(corpus, "cleaning_log") else corpus
    cols = ["kind", "doc_id", "line_no", "rule", "reason", "text"]
    if log is None or not len(log):
        return pd.DataFrame(columns=cols)
    rules = log["rule"].astype(str).tolist()
    cats = log["category"].astype(str).tolist() if "category" in log.columns else [""] * len(log)
    dets = (
        log["detail"].fillna("").astype(str).tolist()
        if "detail" in log.columns
        else [""] * len(log)
    )
    texts = [" ".join(str(t).split()) for t in log["text"].tolist()]
    described = _rule_descriptions()
    out = pd.DataFrame(
        {
            "kind": [_kind(r, c) for r, c in zip(rules, cats, strict=True)],
            "doc_id": log["doc_id"].tolist(),
            "line_no": log["line_no"].tolist(),
            "rule": rules,
            "reason": [_reason(d, r, described) for d, r in zip(dets, rules, strict=True)],
            "text": [t if len(t) <= width else t[: width - 1] + "…" for t in texts],
        }
    )
    order = {"classifier": 0, "template": 1, "rule": 2, "edit": 3}
    out["_o"] = out["kind"].map(order)
    out = out.sort_values(["_o", "doc_id", "line_no"], kind="mergesort").drop(columns="_o")
    return out.reset_index(drop=True)
