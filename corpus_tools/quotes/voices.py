"""The kind of voice behind each quote (official, expert, citizen...)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import check_table
from ..lexicon import load_lexicon
from .speakers import canonical

#: Word lists of quote attribution, shipped in ``data/quote_words.yml``.
_WORDS = load_lexicon("quote_words").data
_EXPERT = frozenset(_WORDS["expert"])


_CITIZEN = frozenset(_WORDS["citizen"])


_OFFICIAL = frozenset(_WORDS["official"])


def quote_voices(quotes_table: pd.DataFrame, gazetteer: Any = None) -> pd.DataFrame:
    """Add the kind of voice behind each quote: ``voice_type`` and ``voice_country``.

    ``voice_type`` is ``official`` (governments, ministries, state
    officials; CAMEO role GOV/MIL/... or gazetteer type government/country),
    ``armed_group``, ``international`` (IGOs such as the UN), ``expert``,
    ``citizen``, ``unattributed`` (no speaker) or ``other``.
    ``voice_country`` is the country of the actor's CAMEO code (``RUSGOV``
    -> Russia) or a country named in the speaker, else None. Speakers the
    gazetteer does not know are typed from their role nouns
    (``analyst`` -> expert, ``residents`` -> citizen).

    Examples
    --------
    >>> q = pd.DataFrame({"speaker_canonical": ["Geng Shuang", "Gaza residents", None],
    ...                   "speaker": ["Geng", "residents", None]})
    >>> quote_voices(q)[["voice_type", "voice_country"]].values.tolist()
    [['official', 'China'], ['citizen', None], ['unattributed', None]]
    """
    from .. import actors

    check_table(quotes_table, ["speaker", "speaker_canonical"], "quote_voices", "quotes(corpus)")
    load = getattr(actors, "load_gazetteer", None)
    entries: list[dict] = []
    if load is not None:
        gaz = (
            load()
            if gazetteer is None
            else (gazetteer if hasattr(gazetteer, "entries") else load(gazetteer))
        )
        entries = list(gaz.entries)
    by_name = {e["name"]: e for e in entries}
    countries = {e["id"]: e["name"] for e in entries if e.get("type") == "country"}
    types: list[str] = []
    ctry: list[str | None] = []
    for name, surface in zip(
        quotes_table["speaker_canonical"].tolist(), quotes_table["speaker"].tolist(), strict=False
    ):
        if name is None or name != name:
            types.append("unattributed")
            ctry.append(None)
            continue
        parts = str(name).split(" and ")
        e = by_name.get(parts[0])
        words = {w.lower().strip(".,'’") for w in f"{name} {surface or ''}".split()}
        country = None
        if e is not None:
            cameo = str(e.get("cameo") or "")
            country = countries.get(cameo[:3]) if cameo else None
            if e.get("type") == "country":
                country = e["name"]
            et = e.get("type")
            if et == "armed_group":
                vt = "armed_group"
            elif cameo.startswith("IGO") or et == "igo":
                vt = "international"
            elif et in ("government", "country") or (len(cameo) > 3 and country is not None):
                vt = "official"
            else:
                vt = "other"
        elif words & _EXPERT:
            vt = "expert"
        elif words & _CITIZEN:
            vt = "citizen"
        elif words & _OFFICIAL:
            vt = "official"
        else:
            vt = "other"
        if country is None and e is None:
            for w in str(surface or name).replace("’", "'").split():
                hit = canonical(w.replace("'s", ""))
                if hit in countries.values():
                    country = hit
                    break
        types.append(vt)
        ctry.append(country)
    out = quotes_table.copy()
    out["voice_type"] = pd.Series(types, index=out.index, dtype=object)
    out["voice_country"] = pd.Series(ctry, index=out.index, dtype=object)
    return out
