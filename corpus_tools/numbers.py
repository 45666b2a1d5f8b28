"""Numeric claims: numbers in the text with qualifier, what is counted and who says so.

:func:`numeric_claims` finds the numbers of each sentence by rules (no parser)
and :func:`compare_numbers` lines up the same quantity across groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ._data import read_yaml
from ._tables import one_space, sort_rows
from .corpus import group_label, group_labels
from .errors import CorpusValueError
from .tokenize import fold, load_stopwords

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["numeric_claims", "compare_numbers"]


# Word lists for numbers in English news (general English, not corpus-specific),
# shipped as data in ``data/numbers.yml``.
def _number_words() -> dict[str, Any]:
    data, name = read_yaml(None, default="numbers.yml", what="number word list")
    keys = ("units", "tens", "scales", "suffix_scales", "vague", "qualifiers")
    missing = [k for k in keys if k not in (data or {})]
    if missing:  # pragma: no cover - the shipped file is tested
        raise CorpusValueError(f"{name}: missing key(s) {missing}.")
    return dict(data)


_NUMBERS = _number_words()
NUMBER_UNITS: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["units"].items()}
NUMBER_TENS: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["tens"].items()}
_SCALES: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["scales"].items()}
_SUFFIX_SCALES: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["suffix_scales"].items()}
_VAGUE: dict[str, str] = {str(k): str(v) for k, v in _NUMBERS["vague"].items()}
#: Hedging qualifiers written before a number (lower-case, longest first when matched).
NUMBER_QUALIFIERS: tuple[str, ...] = tuple(str(q) for q in _NUMBERS["qualifiers"])
#: Words that say what happened to the counted people or things -> normalised event.
NUMBER_EVENTS = {
    "killed": "killed",
    "kill": "killed",
    "dead": "killed",
    "died": "killed",
    "deaths": "killed",
    "death": "killed",
    "lives": "killed",
    "fatalities": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "wounds": "wounded",
    "injuries": "wounded",
    "hurt": "wounded",
    "displaced": "displaced",
    "evacuated": "evacuated",
    "arrested": "arrested",
    "detained": "arrested",
    "missing": "missing",
    "kidnapped": "abducted",
    "abducted": "abducted",
    "hostage": "abducted",
    "hostages": "abducted",
    "captured": "abducted",
}
_CURRENCY_WORDS = {
    "dollars",
    "dollar",
    "usd",
    "euros",
    "euro",
    "pounds",
    "yuan",
    "renminbi",
    "rubles",
    "roubles",
    "yen",
    "shekels",
    "rupees",
    "riyals",
}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WORDNUM = (
    r"(?:" + "|".join(sorted([*NUMBER_UNITS, *NUMBER_TENS], key=len, reverse=True)) + r")"
    r"(?:[- ](?:" + "|".join(sorted(NUMBER_UNITS, key=len, reverse=True)) + r"))?"
    r"(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?"
    r"(?:" + "|".join(sorted([*NUMBER_UNITS, *NUMBER_TENS], key=len, reverse=True)) + r"))?)*"
)
_NUM_RE = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<time>\b\d{1,2}:\d{2}\b(?:\s*[ap]\.?m\.?)?)"
    r"|(?P<ord>(?<![\w.,])\d+(?:st|nd|rd|th)\b)"
    r"|(?P<cur>(?:US\$|[$€£¥]))?(?P<num>(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|mn|mln|bn)\b)?"
    r"(?P<pct>\s*(?:%|percent\b|per\s+cent\b))?"
    r"|(?P<vague>\b(?:dozens|hundreds|thousands|millions|scores)\b)"
    r"|(?P<dozen>\b(?:a\s+)?dozen\b)"
    r"|(?P<word>\b" + _WORDNUM + r"\b)",
    re.IGNORECASE,
)
_QUAL_RE = re.compile(
    r"\b("
    + "|".join(re.escape(q) for q in sorted(NUMBER_QUALIFIERS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^\s+(?:" + _MONTHS + r")\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][\w'.-]*")
_ATTR_PATTERNS = (
    re.compile(
        r"\b(?:according to|citing|cited by|figures from|data from)\s+"
        r"(?P<src>[^,.;:()\"]{3,80})",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<src>(?:\b[Tt]he\s+)?(?:\b[A-Z][\w'-]*\s+){0,5}"
        r"(?:[A-Z][\w'-]*|authorities|officials|ministry|sources|police|army|military|"
        r"spokesman|spokeswoman|spokesperson|agency))"
        r"\s+(?:say|says|said|reported|reports|estimated|estimates|confirmed|claimed|"
        r"told|announced|stated)\b"
    ),
    re.compile(
        r"\b(?:said|says|reported|announced|told)\s+"
        r"(?P<src>(?:the\s+)?(?:[A-Z][\w'-]*\s*){1,6})"
    ),
)
NUMERIC_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "text",
    "quantity",
    "qualifier",
    "kind",
    "object",
    "event",
    "attribution",
    "sentence",
]


def _words_to_number(text: str) -> float:
    total, current = 0, 0
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("", "and"):
            continue
        if w in NUMBER_UNITS:
            current += NUMBER_UNITS[w]
        elif w in NUMBER_TENS:
            current += NUMBER_TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
    return float(total + current)


def _attribution(sentence: str) -> str:
    for pat in _ATTR_PATTERNS:
        m = pat.search(sentence)
        if m:
            src = one_space(m.group("src")).strip()
            src = re.sub(r"^(?:[Tt]he)\s+", "the ", src)
            if src and src.lower() not in ("it", "he", "she", "they", "the"):
                return src
    return ""


def _numbers_in_sentence(sentence: str, view: str) -> list[dict]:
    """Numeric expressions of one sentence: offsets relative to the sentence."""
    stop = load_stopwords()
    out = []
    attribution = None
    for m in _NUM_RE.finditer(view):
        start, end = m.start(), m.end()
        before, after = view[:start], view[end:]
        qualifier = ""
        kind = "count"
        quantity = float("nan")
        if m.group("iso"):
            kind = "date"
        elif m.group("time"):
            kind = "time"
        elif m.group("ord"):
            kind = "ordinal"
            quantity = float(re.sub(r"\D", "", m.group("ord")))
        elif m.group("num"):
            raw = m.group("num")
            quantity = float(raw.replace(",", ""))
            scale = (m.group("scale") or "").strip().lower()
            if scale:
                quantity *= _SCALES.get(scale, _SUFFIX_SCALES.get(scale, 1))
            next_word = (_WORD_RE.match(after.lstrip()) or [""])[0].lower()
            if m.group("pct"):
                kind = "percent"
            elif m.group("cur") or next_word in _CURRENCY_WORDS:
                kind = "money"
            elif _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
                kind = "date" if not (len(raw) == 4 and "," not in raw) else "year"
            elif len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2099 and not scale:
                kind = "year"
        elif m.group("vague"):
            quantity = float("nan")
            qualifier = m.group("vague").lower()
        elif m.group("dozen"):
            quantity = 12.0
        else:
            word = m.group("word")
            prev_word = (re.findall(r"[A-Za-z]+", before[-20:]) or [""])[-1].lower()
            nxt = (_WORD_RE.match(after.lstrip()) or [""])[0].lower()
            if word.lower() == "one" and (
                nxt in ("of", "another", "or", "and", "")
                or prev_word in ("no", "any", "every", "each", "the", "this", "that", "which")
            ):
                continue
            quantity = _words_to_number(word)
        q = _QUAL_RE.search(before)
        if q and kind not in ("date", "year", "time"):
            qualifier = q.group(1).lower()
            start = q.start(1)
        # object: following content words; event: nearby event word
        obj: list[str] = []
        event = ""
        tail = re.sub(r"(?i)\blost\s+(?:their|his|her)\s+lives?\b", "died", after)
        if m.group("vague"):
            tail = re.sub(r"^\s+of\b", "", tail)
        follow = [w.lower().rstrip(".") for w in _WORD_RE.findall(tail.split(".")[0][:80])][:7]
        follow_raw = _WORD_RE.findall(re.split(r"[,;:()\"]", tail)[0][:80]) if tail else []
        for w in follow_raw[:3]:
            lw = w.lower().rstrip(".")
            if lw in NUMBER_EVENTS:
                event = NUMBER_EVENTS[lw]
                break
            if lw in stop or lw in _CURRENCY_WORDS or (obj and lw.endswith("ing")):
                break
            obj.append(w.rstrip(".") if not w.endswith("U.S.") else w)
        if not event:
            for w in follow[len(obj) : len(obj) + 4]:
                if w in NUMBER_EVENTS:
                    event = NUMBER_EVENTS[w]
                    break
        if not event:
            prev = [w.lower() for w in _WORD_RE.findall(view[: q.start(1) if q else start])][-3:]
            for w in reversed(prev):
                if w in NUMBER_EVENTS:
                    event = NUMBER_EVENTS[w]
                    break
        if kind in ("date", "year", "time", "ordinal"):
            obj, event = [], ""
        if attribution is None:
            attribution = _attribution(view)
        out.append(
            {
                "start": start,
                "end": end,
                "quantity": quantity,
                "qualifier": qualifier,
                "kind": kind,
                "object": " ".join(obj),
                "event": event,
                "attribution": attribution if kind not in ("date", "year", "time") else "",
            }
        )
    return out


def numeric_claims(corpus: Corpus, *, kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Numbers in the text with qualifier, what is counted, and who says so.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    kinds : sequence of str, optional
        Keep only these kinds (``"count"``, ``"percent"``, ``"money"``,
        ``"year"``, ``"date"``, ``"time"``, ``"ordinal"``); default all.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``sent_id`` (int), ``start``/``end`` (int, offsets of
        the expression, qualifier included), ``text`` (str, as written),
        ``quantity`` (float; NaN for vague amounts such as ``hundreds``),
        ``qualifier`` (str: ``more than``, ``some``, ``at least``, ... or
        ``""``), ``kind`` (str), ``object`` (str: up to three content words
        after the number, e.g. ``Palestinians``), ``event`` (str: normalised
        event word nearby, e.g. ``killed``, ``wounded``, or ``""``),
        ``attribution`` (str: the source named in the sentence, e.g.
        ``Gaza authorities``, or ``""``), ``sentence`` (str). Sorted by
        ``doc_id``, then ``start``.

    Notes
    -----
    Rules, not parsing: ``object`` is the words right after the number (so
    ``killed 1,400 people`` gives object ``people``, event ``killed``), and
    ``attribution`` is the first source pattern in the sentence (``according
    to X``, ``X said``, ``said X``), which can belong to another clause.
    Four-digit numbers from 1800 to 2099 are typed ``year``; a number next
    to a month name is a ``date``. Written numbers ``one`` to ``ninety-nine``
    and scales are read; ``one`` as a pronoun (``one of``) is skipped.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "Gaza authorities say more than 3,500 Palestinians have been killed since 2023."]}))
    >>> n = numeric_claims(c)
    >>> n[["text", "quantity", "qualifier", "kind"]]
                  text  quantity  qualifier   kind
    0  more than 3,500    3500.0  more than  count
    1             2023    2023.0              year
    >>> n.loc[0, ["object", "event", "attribution"]].tolist()
    ['Palestinians', 'killed', 'Gaza authorities']
    """
    sents = corpus.sentences()
    rows: dict[str, list] = {c: [] for c in NUMERIC_COLUMNS}
    texts = dict(iter(corpus))
    views: dict[str, str] = {}
    for r in sents.itertuples(index=False):
        view = views.get(r.doc_id)
        if view is None:
            view = views.setdefault(r.doc_id, fold(texts[r.doc_id]))
        sview = view[r.start : r.end]
        if not any(ch.isdigit() for ch in sview) and not re.search(
            r"(?i)\b(?:"
            + "|".join([*NUMBER_UNITS, *NUMBER_TENS])
            + r"|dozens?|hundreds|thousands|millions)\b",
            sview,
        ):
            continue
        text = texts[r.doc_id]
        for hit in _numbers_in_sentence(r.text, sview):
            s, e = r.start + hit["start"], r.start + hit["end"]
            rows["doc_id"].append(r.doc_id)
            rows["sent_id"].append(r.sent_id)
            rows["start"].append(s)
            rows["end"].append(e)
            rows["text"].append(text[s:e])
            rows["sentence"].append(one_space(r.text))
            for k in ("quantity", "qualifier", "kind", "object", "event", "attribution"):
                rows[k].append(hit[k])
    out = pd.DataFrame(rows, columns=NUMERIC_COLUMNS)
    for c in ("sent_id", "start", "end"):
        out[c] = out[c].astype("int64")
    out["quantity"] = out["quantity"].astype(float)
    for c in ("doc_id", "text", "qualifier", "kind", "object", "event", "attribution", "sentence"):
        out[c] = out[c].astype(object)
    if kinds is not None:
        out = out[out["kind"].isin(list(kinds))]
    return sort_rows(out, ["doc_id", "start"], [True, True])


COMPARE_NUMBERS_COLUMNS = [
    "key",
    "group",
    "values",
    "quantity_min",
    "quantity_max",
    "n_claims",
    "n_groups",
    "disagree",
    "attribution",
    "evidence",
]


def _object_key(obj: str) -> str:
    words = [w.lower() for w in obj.split()]
    return words[-1] if words else ""


def compare_numbers(
    claims: pd.DataFrame,
    corpus: Corpus | None = None,
    *,
    by: str = "outlet",
    kinds: Sequence[str] = ("count", "percent", "money"),
) -> pd.DataFrame:
    """Line up the same quantity across groups (outlets) and flag disagreements.

    Claims are matched on a ``key`` made of the normalised ``event`` and the
    head (last word) of the ``object``, e.g. ``killed palestinians`` or
    ``wounded``.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`numeric_claims`.
    corpus : Corpus, optional
        Needed when ``claims`` has no ``by`` column: the group of each
        ``doc_id`` is read from ``corpus.docs[by]``.
    by : str, default "outlet"
        The grouping column.
    kinds : sequence of str
        Claim kinds compared (dates and years are not quantities).

    Returns
    -------
    pandas.DataFrame
        One row per (key, group): ``key`` (str), ``group`` (str),
        ``values`` (str, the group's figures as written, ``"; "``-joined),
        ``quantity_min``, ``quantity_max`` (float), ``n_claims`` (int),
        ``n_groups`` (int, groups reporting this key), ``disagree`` (bool:
        at least two groups report the key and no figure is shared by all of
        them), ``attribution`` (str, sources named), ``evidence`` (str,
        ``doc_id:start-end``). Only keys with an event or an object are kept.
        Sorted by ``n_groups`` descending, ``key``, ``group``.

    Notes
    -----
    The key is crude: ``people killed`` in Israel and ``people killed`` in
    Gaza share it, and different reporting dates give different figures
    for the same toll. Read the evidence sentences before calling a
    difference a disagreement.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": [
    ...     "More than 3,500 Palestinians have been killed.",
    ...     "Some 3,400 Palestinians were killed, officials said."]}))
    >>> compare_numbers(numeric_claims(c), c)[["key", "group", "values", "disagree"]]
                       key group           values  disagree
    0  killed palestinians     X  More than 3,500      True
    1  killed palestinians     Y       Some 3,400      True
    """
    cl = claims[claims["kind"].isin(list(kinds))].copy()
    if by not in cl.columns:
        if corpus is None:
            raise CorpusValueError(
                f"claims have no column {by!r}; pass the corpus (compare_numbers(claims, corpus)) "
                "so the group of each doc_id can be looked up."
            )
        cl[by] = cl["doc_id"].map(group_labels(corpus, by))
    cl["group"] = [group_label(v) for v in cl[by].tolist()]
    cl["key"] = [
        " ".join(x for x in (ev, _object_key(ob)) if x)
        for ev, ob in zip(cl["event"].tolist(), cl["object"].tolist(), strict=False)
    ]
    cl = cl[cl["key"] != ""]
    cl = cl.sort_values(["key", "group", "doc_id", "start"], kind="mergesort")
    # one aggregation per (key, group) over the whole table (was a sub-DataFrame per pair)
    cl = cl.assign(
        _text=[one_space(t) for t in cl["text"].tolist()],
        _ev=[
            f"{d}:{a}-{b}"
            for d, a, b in zip(
                cl["doc_id"].tolist(), cl["start"].tolist(), cl["end"].tolist(), strict=True
            )
        ],
    )
    grouped = cl.groupby(["key", "group"], sort=True)
    per = grouped.agg(
        values=("_text", "; ".join),
        quantity_min=("quantity", "min"),
        quantity_max=("quantity", "max"),
        n_claims=("_text", "size"),
        attribution=("attribution", lambda a: "; ".join(x for x in dict.fromkeys(a) if x)),
        evidence=("_ev", "; ".join),
    ).reset_index()
    n_groups = per.groupby("key", sort=False)["group"].transform("size")
    # a figure is shared when every group of the key reports it
    dq = cl[["key", "group", "quantity"]].dropna().drop_duplicates()
    per_value = dq.groupby(["key", "quantity"], sort=False)["group"].size()
    groups_of_key = per.groupby("key", sort=False)["group"].size()
    shared = per_value.reset_index(level="quantity", drop=True)
    has_common = (shared == groups_of_key.reindex(shared.index)).groupby(level=0).any()
    common = per["key"].map(has_common).fillna(False).astype(bool)
    per["n_groups"] = n_groups
    per["disagree"] = (n_groups >= 2) & ~common
    rows = {c: per[c].tolist() for c in COMPARE_NUMBERS_COLUMNS}
    out = pd.DataFrame(rows, columns=COMPARE_NUMBERS_COLUMNS)
    for c in ("n_claims", "n_groups"):
        out[c] = out[c].astype("int64")
    for c in ("quantity_min", "quantity_max"):
        out[c] = out[c].astype(float)
    out["disagree"] = out["disagree"].astype(bool)
    for c in ("key", "group", "values", "attribution", "evidence"):
        out[c] = out[c].astype(object)
    return sort_rows(out, ["n_groups", "key", "group"], [False, True, True])
