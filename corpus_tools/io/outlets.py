"""One spelling per outlet: names that differ only in case, spacing or "&"/"and" are merged."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

_AMP_RE = re.compile(r"\s*&\s*|\s+and\s+", re.IGNORECASE)


def outlet_key(name: str) -> str:
    """The form two spellings of one outlet share: case folded, "&" read as "and", spaces collapsed.

    >>> outlet_key("Better Homes & Gardens") == outlet_key("better homes  AND gardens")
    True
    """
    return " ".join(_AMP_RE.sub(" and ", name).casefold().split())


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
    "outlet names that differ only in case or '&'/'and' were merged into their most frequent spelling: 'backstage.com' (2 document(s)) -> 'Backstage.com'; the name as written is in docs['outlet_as_written']."
    """
    shown = "; ".join(
        f"{old!r} ({counts.get(old, 0):,} document(s)) -> {new!r}"
        for old, new in list(merged.items())[:3]
    )
    more = f" and {len(merged) - 3:,} more" if len(merged) > 3 else ""
    return (
        "outlet names that differ only in case or '&'/'and' were merged into their most "
        f"frequent spelling: {shown}{more}; the name as written is in docs['outlet_as_written']."
    )
