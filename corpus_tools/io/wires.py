"""Outlets named by a wire credit in the dateline: a table of Reuters stories exported with
their text alone (``WASHINGTON (Reuters) - ...`` in every row, no outlet column, no URL) gets
the outlet ``Reuters``.

A source (a table file; the text and HTML files of one folder) whose documents name no outlet
(no outlet column or cell, sidecar, folder option, page metadata or URL) gives the documents
that credit a news agency in their dateline (``corpus_tools/data/wire_services.yml``) that
agency as their outlet (``outlet_source`` ``text:dateline``) when at least ``CREDITED_SHARE``
of those documents credit an agency in their dateline and at least ``WIRE_SHARE`` of these
credit the same one (a Reuters export's documents without a dateline, such as its round-ups of
posts, are no sign of another outlet; another agency's credit is). A corpus of many outlets that carry some wire copy
(AP, Reuters and AFP credits on a minority of items each) is left alone: a minority's credit
says nothing about the rest, and an outlet that reprints a wire story is not the wire.
Documents without the credit keep no outlet (the warning counts them).
"""

from __future__ import annotations

import functools
import logging
import posixpath
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import pandas as pd

_log = logging.getLogger(__name__)

#: the share of a source's documents without an outlet that must credit an agency in their
#: dateline, and the share of those that must credit the same one
CREDITED_SHARE = 0.75
WIRE_SHARE = 0.9
#: the dateline is looked for in a text's first this many characters (a correction note and a
#: byline may come before it: "(This version corrects ...) By Ian Simpson WASHINGTON (Reuters) -")
HEAD_CHARS = 300
#: the outlet_source of an outlet named by a dateline's credit
SOURCE_LABEL = "text:dateline"

#: the shapes of a credit in a dateline: "CITY (Reuters) -", "Madrid (EFE).-", "(AFP) --",
#: "/ТАСС/."; anywhere in the head
_CREDIT_RES = (
    re.compile(r"\(\s*([^()\n]{1,40}?)\s*\)\s*\.?\s*(?:--?|[–—:])"),
    re.compile(r"/\s*([^/\n]{1,30}?)\s*/\s*\."),
)
#: ... and opening the text: "Reuters - ", "AP -- ", "МОСКВА, 12 мар — РИА Новости. "
_LEAD_RES = (
    re.compile(r"\s*([^\W\d][^\n()]{0,30}?)\s+(?:--?|[–—])\s"),
    re.compile(r"[^\n]{0,80}?\s[–—]\s*([^\W\d][^\n.()]{0,30}?)\.\s"),
)


@functools.lru_cache(maxsize=1)
def wire_credits() -> dict[str, str]:
    """Credit as written in a dateline (and in capitals) -> the agency's name, from
    ``data/wire_services.yml``.

    >>> wire_credits()["Reuters"], wire_credits()["REUTERS"], wire_credits()["AP"]
    ('Reuters', 'Reuters', 'Associated Press')
    """
    from importlib import resources

    import yaml

    path = resources.files("corpus_tools").joinpath("data", "wire_services.yml")
    out: dict[str, str] = {}
    for entry in yaml.safe_load(path.read_text("utf-8"))["wires"]:
        for credit in entry["credits"]:
            out.setdefault(str(credit), str(entry["name"]))
            out.setdefault(str(credit).upper(), str(entry["name"]))
    return out


def dateline_credit(text: Any) -> tuple[str, str] | None:
    """``(agency, dateline as written)`` of the first news agency a text's head credits in a
    dateline, or None.

    >>> dateline_credit("WASHINGTON (Reuters) - The head of a conservative faction said")
    ('Reuters', 'WASHINGTON (Reuters) -')
    >>> dateline_credit("AP - A storm hit the coast on Friday.")
    ('Associated Press', 'AP -')
    >>> dateline_credit("МОСКВА, 3 марта. /ТАСС/. Глава МИД заявил")[0]
    'TASS'
    >>> dateline_credit("The minister (pictured) - who spoke first - said no.") is None
    True
    """
    if not isinstance(text, str):
        return None
    head = text[:HEAD_CHARS]
    credits = wire_credits()
    found = [m for r in _LEAD_RES if (m := r.match(head)) is not None]
    for r in _CREDIT_RES:
        found.extend(r.finditer(head))
    for m in sorted(found, key=lambda m: m.start(1)):
        name = credits.get(m.group(1))
        if name is not None:
            start = max(head.rfind("\n", 0, m.start(1)) + 1, m.start(1) - 40)
            return name, " ".join(head[start : m.end()].split()[-6:])
    return None


@functools.lru_cache(maxsize=1)
def _prefilter() -> str:
    """One pattern (RE2 and Python) a head must match for :func:`dateline_credit` to find a
    credit in it: the credits in their dateline shapes, searched at once in Arrow."""
    names = "|".join(re.escape(c) for c in sorted(wire_credits(), key=len, reverse=True))
    return (
        rf"\(\s*(?:{names})\s*\)|^\s*(?:{names})\s+(?:-|–|—)|/\s*(?:{names})\s*/"
        rf"|(?:–|—)\s*(?:{names})\."
    )


def _credits_of(texts: pd.Series) -> list[tuple[str, str] | None]:
    """:func:`dateline_credit` of each text; only the heads that Arrow's regex search (RE2, a
    fraction of a second per 100,000 texts) finds a credit in are read in Python."""
    import pyarrow as pa
    import pyarrow.compute as pc

    heads = pc.utf8_slice_codeunits(pa.array(texts), 0, HEAD_CHARS)
    hit = pc.fill_null(pc.match_substring_regex(heads, _prefilter()), False).to_pylist()
    found: list[tuple[str, str] | None] = [None] * len(hit)
    for i, head in zip(
        (i for i, h in enumerate(hit) if h), pc.filter(heads, hit).to_pylist(), strict=True
    ):
        found[i] = dateline_credit(head)
    return found


def source_key(path: Any, fmt: Any) -> str:
    """The source a document belongs to, as the warning names it: its table file, or the
    folder of its text or HTML file (``load_corpus`` and the stream part sources alike).

    >>> source_key("news/a.txt", "text"), source_key("t.csv", "csv"), source_key(None, None)
    ("folder 'news'", 't.csv', 'the corpus')
    """
    if not isinstance(path, str):
        return "the corpus"
    if fmt not in ("text", "html"):
        return path
    folder = posixpath.dirname(path)
    return f"folder {folder!r}" if folder else "the corpus folder"


def agency_of(credits: Mapping[str, int], n_docs: int) -> str | None:
    """The agency a source's dateline credits name as the outlet of its ``n_docs``
    documents without one, or None: ``credits`` maps each credited agency to its number of
    documents, in the order first seen (a tie goes to the first). At least
    ``CREDITED_SHARE`` of the documents must credit an agency and at least ``WIRE_SHARE``
    of those the same one: a minority's credit, or several agencies', names nothing.

    >>> agency_of({"Reuters": 9}, 10), agency_of({"Reuters": 5}, 10), agency_of({}, 3)
    ('Reuters', None, None)
    >>> agency_of({"Reuters": 8, "AP": 2}, 10)
    """
    if not credits:
        return None
    name, k = max(credits.items(), key=lambda kv: kv[1])  # the first of a tie
    credited = sum(credits.values())
    if credited < CREDITED_SHARE * n_docs or k < WIRE_SHARE * credited:
        return None
    return name


def name_wire_outlets(docs: pd.DataFrame) -> str | None:
    """Name the outlet of the documents of ``docs`` (in place) whose source names no outlet
    and almost always credits one agency in its datelines; the warning to give, or None."""
    missing = docs["outlet"].isna().to_numpy()
    if not missing.any():
        return None
    rows = docs.index[missing]
    keys = [
        source_key(p, f)
        for p, f in zip(docs.loc[rows, "path"], docs.loc[rows, "format"], strict=True)
    ]
    found = _credits_of(docs.loc[rows, "text"])
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    notes = []
    for key, members in groups.items():
        counts = Counter(found[i][0] for i in members if found[i] is not None)  # type: ignore[index]
        if not counts:
            continue
        name = agency_of(counts, len(members))
        if name is None:
            # a minority's credit, or several agencies' credits, name no outlet
            _log.info(
                "%s: datelines credit %s of %d documents: no outlet named from them",
                key,
                dict(counts.most_common(5)),
                len(members),
            )
            continue
        k = counts[name]
        hits = [i for i in members if (f := found[i]) is not None and f[0] == name]
        docs.loc[rows[hits], ["outlet", "outlet_source"]] = [name, SOURCE_LABEL]
        example = found[hits[0]][1]  # type: ignore[index]
        rest = f"; the {len(members) - k:,} other(s) keep none" if k < len(members) else ""
        notes.append(
            f"{key}: {k:,} of {len(members):,} documents credit {name} in their dateline "
            f"({example!r}), so {name!r} is their outlet (outlet_source {SOURCE_LABEL!r}){rest}"
        )
    if not notes:
        return None
    more = f"; and {len(notes) - 3:,} more source(s)" if len(notes) > 3 else ""
    return (
        "no outlet column, metadata file or URL names the outlet, but the datelines do: "
        f"{'; '.join(notes[:3])}{more}. If these are not that agency's own stories, pass "
        "outlet_column= (command line: --outlet-column NAME) or add a metadata.csv with the "
        "columns file,outlet."
    )
