"""Outlet names: one spelling per outlet (names that differ only in case, spacing or "&"/"and"
are merged), and outlets taken from the folders a corpus is sorted into."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

_log = logging.getLogger(__name__)

#: values of load_corpus(outlet_from=...): None (the default: metadata, table, page, URL) or
#: "folder" (the first folder below the corpus folder)
OUTLET_FROM = ("folder",)
#: folder_note speaks up for this many first-level folders (fewer: nothing to compare; more:
#: the folders are more likely dates or ids than groups)
FOLDER_GROUPS = (2, 50)

_AMP_RE = re.compile(r"\s*&\s*|\s+and\s+", re.IGNORECASE)
#: a leading "The " or "www.", a trailing ".com", ".net", ".org" or ".co.uk": left out when
#: two spellings are compared ("The Times of India" / "Times of India", "Salon.com" / "Salon")
_AFFIX_RE = re.compile(r"^(?:the\s+|www\.)|\.(?:com|net|org|co\.uk)$")


def outlet_key(name: str) -> str:
    """The form two spellings of one outlet share: case folded, "&" read as "and", spaces
    collapsed, a leading "The " or "www." and a trailing ".com", ".net", ".org" or ".co.uk"
    left out (what is left must still hold a letter or digit: "The" stays).

    >>> outlet_key("Better Homes & Gardens") == outlet_key("better homes  AND gardens")
    True
    >>> [outlet_key(n) for n in ("The Times of India", "Salon.com", "www.npr.org", "The Times")]
    ['times of india', 'salon', 'npr', 'times']
    >>> outlet_key("Times of India.in"), outlet_key("The"), outlet_key("the.com")
    ('times of india.in', 'the', 'the')
    """
    key = " ".join(_AMP_RE.sub(" and ", name).casefold().split())
    for _ in range(2):  # "The Salon.com": both ends
        short = _AFFIX_RE.sub("", key, count=1).strip()
        if not any(c.isalnum() for c in short) or short == key:
            break
        key = short
    return key


def merge_spellings(names: list[Any]) -> dict[str, str]:
    """Each spelling to replace (value: the spelling it becomes) when an outlet is written in
    more than one way: the most frequent spelling wins, on a tie the first in corpus order.

    >>> merge_spellings(["Backstage.com", "backstage.com", "Backstage.com", "BBC", None])
    {'backstage.com': 'Backstage.com'}
    >>> merge_spellings(["Better Homes and Gardens", "Better Homes & Gardens"])
    {'Better Homes & Gardens': 'Better Homes and Gardens'}
    """
    counts = Counter(n for n in names if isinstance(n, str))
    groups: dict[str, list[str]] = {}
    for name in counts:  # first-seen order
        groups.setdefault(outlet_key(name), []).append(name)
    merged: dict[str, str] = {}
    for spellings in groups.values():
        if len(spellings) > 1:
            order = {s: i for i, s in enumerate(spellings)}
            best = max(spellings, key=lambda s: (counts[s], -order[s]))
            merged.update((s, best) for s in spellings if s != best)
    return merged


def merge_note(merged: dict[str, str], counts: dict[str, int]) -> str:
    """The warning naming the merged spellings (the first three) and where the originals are.

    >>> merge_note({"backstage.com": "Backstage.com"}, {"backstage.com": 2})
    "outlet names that differ only in case, '&'/'and', a leading 'The ' or 'www.' or a trailing '.com' (.net, .org, .co.uk) were merged into their most frequent spelling: 'backstage.com' (2 document(s)) -> 'Backstage.com'; the name as written is in docs['outlet_as_written'], and corpus_tools.io.outlet_merges(corpus) lists every merge."
    """
    shown = "; ".join(
        f"{old!r} ({counts.get(old, 0):,} document(s)) -> {new!r}"
        for old, new in list(merged.items())[:3]
    )
    more = f" and {len(merged) - 3:,} more" if len(merged) > 3 else ""
    return (
        "outlet names that differ only in case, '&'/'and', a leading 'The ' or 'www.' or a "
        "trailing '.com' (.net, .org, .co.uk) were merged into their most frequent spelling: "
        f"{shown}{more}; the name as written is in docs['outlet_as_written'], and "
        "corpus_tools.io.outlet_merges(corpus) lists every merge."
    )


def outlet_merges(corpus: Any) -> Any:
    """The outlet names the loader merged: one row per name as written, with the outlet it
    became and its number of documents (``as_written, outlet, documents``; empty when nothing
    was merged). Undo a merge with
    ``docs["outlet"] = docs["outlet_as_written"].fillna(docs["outlet"])``.

    >>> import pandas as pd, corpus_tools as ct, warnings
    >>> frame = pd.DataFrame({"text": ["A text."] * 3,
    ...                       "outlet": ["Times of India", "The Times of India", "Times of India"]})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     corpus = ct.load_corpus(frame)
    >>> outlet_merges(corpus)
               as_written          outlet  documents
    0  The Times of India  Times of India          1
    """
    import pandas as pd

    docs = corpus.docs if hasattr(corpus, "docs") else corpus
    columns = ["as_written", "outlet", "documents"]
    if "outlet_as_written" not in docs.columns:
        return pd.DataFrame(columns=columns)
    pairs = docs.loc[docs["outlet_as_written"].notna(), ["outlet_as_written", "outlet"]]
    table = pairs.value_counts(sort=False).rename("documents").reset_index()
    table.columns = columns
    table = table.sort_values(["outlet", "documents", "as_written"], ascending=[True, False, True])
    return table.reset_index(drop=True)


def _shown(counts: Counter[str], k: int = 5) -> str:
    """``bbc (120), cnn (80)`` for the first ``k`` folders by name, ``and N more`` after."""
    names = sorted(counts)
    shown = ", ".join(f"{name} ({counts[name]:,})" for name in names[:k])
    return shown + (f" and {len(names) - k:,} more" if len(names) > k else "")


def first_folder(path: Any) -> str | None:
    """The first folder of a relative path (``/`` or ``\\`` separated), or None at the top level.

    >>> first_folder("bbc/2023/a.txt"), first_folder("a.txt"), first_folder(None)
    ('bbc', None, None)
    """
    if not isinstance(path, str):
        return None
    head, sep, _ = path.replace("\\", "/").partition("/")
    return head if sep and head else None


class FolderOutlets:
    """``load_corpus(outlet_from="folder")``: each document's outlet is its first folder.

    :meth:`apply` sets ``outlet`` and ``outlet_source="folder"`` on a document row that
    sits in a folder below the corpus folder (over what a page or table says; the
    metadata file is joined after it and wins); a document at the top level keeps the
    outlet it has. A record of a crawler dump (``split="records"``) whose own header names
    its outlet (a ``Source:`` line) keeps it: that line was written for this one article,
    while the folder holds the whole dump, so the record's own field is the more specific
    (a page's ``og:site_name`` is not: it names the site, often a platform, and the folder
    wins over it). :meth:`finished` logs the folders used (logger ``corpus_tools.io``)
    and returns the warnings about documents that got no folder, or None.
    """

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.top: list[str] = []  # documents at the top level (the first few)
        self.n_top = 0
        self.own: list[str] = []  # records that keep their own Source: line (the first few)
        self.n_own = 0

    def apply(self, base: dict[str, Any]) -> None:
        folder = first_folder(base.get("path"))
        if folder is None:
            self.n_top += 1
            if len(self.top) < 3:
                self.top.append(str(base.get("path") or base.get("source")))
            return
        if base.get("outlet_source") == "record_header" and base.get("outlet"):
            self.n_own += 1
            if len(self.own) < 3:
                self.own.append(f"{base.get('source')} ({base['outlet']!r}, folder {folder!r})")
            return
        self.counts[folder] += 1
        base["outlet"] = folder
        base["outlet_source"] = "folder"

    def finished(self) -> str | None:
        notes = [self._own_note(), self._top_note()]
        return " ".join(n for n in notes if n) or None

    def _own_note(self) -> str | None:
        if not self.n_own:
            return None
        shown = ", ".join(self.own) + (" ..." if self.n_own > len(self.own) else "")
        return (
            f"outlet_from='folder': {self.n_own:,} record(s) of crawler dumps keep the outlet "
            f"of their own 'Source:' line, not their folder ({shown}); to group them by "
            "folder anyway, name the dump's outlet in a metadata.csv (columns file,outlet: "
            "one row for the dump file sets all its records)."
        )

    def _top_note(self) -> str | None:
        n = sum(self.counts.values())
        if n:
            _log.info(
                "outlet_from='folder': %s document(s) take their outlet from %s folder(s): %s",
                f"{n:,}",
                len(self.counts),
                _shown(self.counts),
            )
        if not self.n_top:
            return None
        shown = ", ".join(self.top) + (" ..." if self.n_top > len(self.top) else "")
        if not n:
            return (
                "outlet_from='folder' had no effect: no document sits in a folder below the "
                f"corpus folder ({shown}); point load_corpus at the folder that holds the "
                "outlets' folders, or drop the option."
            )
        return (
            f"outlet_from='folder': {self.n_top:,} document(s) sit at the top level of the "
            f"corpus folder, not in a folder, and keep the outlet they had ({shown}); move "
            "them into their outlet's folder, or name their outlet in a metadata.csv "
            "(columns file,outlet)."
        )


class FolderGroups:
    """The documents of a load seen one at a time, for :func:`folder_note` at the end
    without keeping their paths: ``iter_documents`` streams, ``load_corpus`` has the table.

    >>> g = FolderGroups()
    >>> for path in ("bbc/a.txt", "cnn/b.txt"):
    ...     g.add(path, None)
    >>> g.note().startswith("no document has an outlet, so every comparison by outlet")
    True
    """

    def __init__(self) -> None:
        self.counts: Counter[str] | None = Counter()  # None once no note can be due

    def add(self, path: Any, outlet: Any) -> None:
        if self.counts is None:
            return
        folder = first_folder(path)
        if folder is None or (isinstance(outlet, str) and outlet.strip()):
            self.counts = None
            return
        self.counts[folder] += 1
        if len(self.counts) > FOLDER_GROUPS[1]:
            self.counts = None

    def note(self) -> str | None:
        lo, hi = FOLDER_GROUPS
        if self.counts is None or not lo <= len(self.counts) <= hi:
            return None
        return (
            "no document has an outlet, so every comparison by outlet sees one group, but the "
            f"documents sit in {len(self.counts)} folders: {_shown(self.counts)}. If the "
            "folders are the outlets (or the groups you want to compare), pass "
            "outlet_from='folder' (command line: --outlet-from folder), or add a metadata.csv "
            "with the columns file,outlet to the corpus folder."
        )


def folder_note(paths: Iterable[Any], outlets: Iterable[Any]) -> str | None:
    """The warning for a corpus with no outlet whose documents are sorted into 2-50 folders
    (the folders are the grouping the user already made), or None.

    >>> print(folder_note(["bbc/a.txt", "cnn/b.txt"], [None, None]))
    no document has an outlet, so every comparison by outlet sees one group, but the documents sit in 2 folders: bbc (1), cnn (1). If the folders are the outlets (or the groups you want to compare), pass outlet_from='folder' (command line: --outlet-from folder), or add a metadata.csv with the columns file,outlet to the corpus folder.
    """
    groups = FolderGroups()
    for path, outlet in zip(paths, outlets, strict=True):
        groups.add(path, outlet)
    return groups.note()
