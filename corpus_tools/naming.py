"""Naming: the words each group (outlet) attaches to the same actor's mentions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ._tables import one_space, sort_rows
from .corpus import group_labels
from .errors import CorpusValueError
from .kwic import kwic
from .numbers import NUMBER_TENS, NUMBER_UNITS

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["naming"]

NAMING_COLUMNS = [
    "doc_id",
    "group",
    "actor",
    "alias",
    "label",
    "label_type",
    "start",
    "end",
    "mention_start",
    "mention_end",
    "sent_id",
    "evidence",
]
_DETERMINERS = {"the", "a", "an"}
_VERB_NEXT = {
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "to",
    "it",
    "on",
    "in",
    "with",
    "for",
    "by",
    "as",
    "at",
    "from",
}
_NOT_LABELS = {
    "said",
    "says",
    "told",
    "say",
    "has",
    "had",
    "was",
    "is",
    "are",
    "were",
    "also",
    "later",
    "then",
    "now",
    "still",
    "again",
    "recently",
    "however",
}


def _literal_mentions(corpus: Corpus, actors: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    parts = []
    for actor, aliases in actors.items():
        hits = kwic(corpus, list(aliases), window=0)
        if hits.empty:
            continue
        parts.append(
            pd.DataFrame(
                {
                    "doc_id": hits["doc_id"],
                    "actor": str(actor),
                    "alias": hits["match"],
                    "start": hits["start"],
                    "end": hits["end"],
                    "sent_id": hits["sent_id"],
                    "resolution": "name",
                }
            )
        )
    if not parts:
        return pd.DataFrame(
            columns=["doc_id", "actor", "alias", "start", "end", "sent_id", "resolution"]
        )
    return pd.concat(parts, ignore_index=True)


def _labels_for_mention(
    text: str,
    lowers: list[str],
    starts: list[int],
    ends: list[int],
    words: list[bool],
    stops: list[bool],
    sents: list[int],
    i0: int,
    i1: int,
) -> list[tuple[str, int, int]]:
    """Labels around the mention occupying tokens [i0, i1): (label_type, start, end)."""
    out: list[tuple[str, int, int]] = []
    sent = sents[i0]
    # pre-modifier run closed by a determiner: "the radical Palestinian movement Hamas"
    j = i0 - 1
    while j >= 0 and i0 - j <= 4 and sents[j] == sent and words[j] and not stops[j]:
        if (
            (lowers[j].endswith(("ing", "ed")) and "-" not in lowers[j])
            or lowers[j][:1].isdigit()
            or lowers[j] in NUMBER_UNITS
            or lowers[j] in NUMBER_TENS
        ):
            break
        j -= 1
    if j < i0 - 1 and j >= 0 and sents[j] == sent and lowers[j] in _DETERMINERS:
        out.append(("premodifier", starts[j + 1], ends[i0 - 1]))
    # appositive: "Hamas, the radical Palestinian movement,"
    n = len(lowers)
    if i1 + 2 < n and lowers[i1] == "," and lowers[i1 + 1] in _DETERMINERS and sents[i1] == sent:
        k = i1 + 2
        while k < n and k - (i1 + 2) < 6 and words[k] and sents[k] == sent:
            k += 1
        if k > i1 + 2 and (k == n or not words[k]):
            out.append(("appositive", starts[i1 + 2], ends[k - 1]))
    # compound head: "Hamas militants", "Hamas leader"
    if i1 < n and words[i1] and not stops[i1] and sents[i1] == sent:
        w = text[starts[i1] : ends[i1]]
        verb_like = (
            w.endswith(("ed", "ing"))
            or lowers[i1] in _NOT_LABELS
            or (i1 + 1 < n and lowers[i1 + 1] in _VERB_NEXT)
        )
        if w[:1].islower() and not verb_like:
            out.append(("compound", starts[i1], ends[i1]))
    return out


def naming(
    corpus: Corpus,
    actors: Sequence[str] | Mapping[str, Sequence[str]] | None = None,
    *,
    by: str = "outlet",
    gazetteer: Any = None,
) -> pd.DataFrame:
    """How each group (outlet) labels the same actor: the words attached to its mentions.

    For every actor mention (from :func:`corpus_tools.actor_mentions`, or
    from literal aliases you pass) the function collects

    * ``premodifier``: the content words between a determiner and the name
      (``the radical Palestinian movement Hamas`` -> ``radical Palestinian
      movement``),
    * ``appositive``: a noun phrase after a comma and a determiner
      (``Hamas, the militant group that ...`` -> ``militant group that``),
    * ``compound``: a lower-case content word right after the name
      (``Hamas militants`` -> ``militants``; not after demonyms, and not
      when it looks like a verb: ``-ed``/``-ing``, or followed by a
      determiner or preposition),
    * ``title``: the title part of a person's alias (``Deputy Foreign
      Minister Mikhail Bogdanov`` -> ``Deputy Foreign Minister``).

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    actors : sequence of str or mapping, optional
        ``None``: every actor found by :func:`corpus_tools.actor_mentions`.
        A list of canonical actor names keeps those actors (names the
        gazetteer does not know are matched literally). A mapping
        ``{actor: [alias, ...]}`` matches the aliases literally (case
        insensitive) instead of using the gazetteer.
    by : str, default "outlet"
        A ``corpus.docs`` column reported as ``group``.
    gazetteer : optional
        Passed to :func:`corpus_tools.actor_mentions`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``group``, ``actor``, ``alias`` (str, the mention as
        written), ``label`` (str, the label as written), ``label_type``
        (str, see above), ``start``/``end`` (int, offsets of the label),
        ``mention_start``/``mention_end`` (int, offsets of the mention),
        ``sent_id`` (int), ``evidence`` (str, the sentence). Sorted by
        ``actor``, ``group``, ``doc_id``, ``start``.

    Notes
    -----
    Surface rules without a parser: a compound can be a verb (``Hamas
    runs``), an appositive can run into a relative clause, and labels given
    in another sentence (``The group said...``) are missed. Count labels per
    outlet only with the evidence sentences at hand.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [
    ...     "Militants from the radical Palestinian movement Hamas attacked. "
    ...     "Hamas, the Islamist group, said Hamas fighters would return."]}))
    >>> naming(c, {"Hamas": ["Hamas"]})[["label", "label_type", "start", "end"]]
                              label   label_type  start  end
    0  radical Palestinian movement  premodifier     19   47
    1                Islamist group   appositive     75   89
    2                      fighters     compound    102  110
    """
    if actors is None or (not isinstance(actors, Mapping) and not isinstance(actors, str)):
        from .actors import actor_mentions  # later pipeline stage, imported lazily

        ment = (
            actor_mentions(corpus, gazetteer) if gazetteer is not None else actor_mentions(corpus)
        )
        ment = ment[ment["type"] != "location"]
        if actors is not None:
            wanted = [str(a) for a in actors]
            known = set(ment["actor"].tolist())
            missing = [a for a in wanted if a not in known]
            ment = ment[ment["actor"].isin(wanted)]
            if missing:
                extra = _literal_mentions(corpus, {a: [a] for a in missing})
                ment = pd.concat([ment, extra], ignore_index=True)
    elif isinstance(actors, Mapping):
        ment = _literal_mentions(corpus, actors)
    else:
        raise CorpusValueError(
            f"actors={actors!r}: pass a list of actor names or a mapping "
            "{actor: [aliases]}, not a single string; e.g. actors=['Hamas']."
        )
    groups = group_labels(corpus, by)
    tok = corpus.tokens()
    sents = corpus.sentences().set_index(["doc_id", "sent_id"])["text"]
    texts = dict(iter(corpus))
    rows: dict[str, list] = {c: [] for c in NAMING_COLUMNS}
    # token positions per document once (no sub-DataFrame per document)
    where = tok.groupby("doc_id", sort=False).indices
    col_lower = tok["lower"].to_numpy(dtype=object)
    col_start = tok["start"].to_numpy()
    col_end = tok["end"].to_numpy()
    col_word = tok["is_word"].to_numpy()
    col_stop = tok["is_stop"].to_numpy()
    col_sent = tok["sent_id"].to_numpy()
    for doc_id, ms in ment.groupby("doc_id", sort=True):
        pos = where.get(doc_id)
        if pos is None:
            continue
        text = texts[doc_id]
        lowers = col_lower[pos].tolist()
        s_arr = col_start[pos]
        e_arr = col_end[pos]
        starts = s_arr.tolist()
        ends = e_arr.tolist()
        words = col_word[pos].tolist()
        stops = col_stop[pos].tolist()
        sids = col_sent[pos].tolist()
        for m in ms.itertuples(index=False):
            i0 = int(np.searchsorted(s_arr, m.start, side="left"))
            i1 = int(np.searchsorted(e_arr, m.end, side="left")) + 1
            i1 = min(max(i1, i0 + 1), len(lowers))
            if i0 >= len(lowers) or starts[i0] != m.start or ends[i1 - 1] != m.end:
                # part of a hyphenated token ("Israel-Hamas conflict"): no label
                continue
            # the possessive 's after a name is not a label
            if i1 < len(lowers) and lowers[i1] in ("'s", "'"):
                i1 += 1
            found = _labels_for_mention(text, lowers, starts, ends, words, stops, sids, i0, i1)
            if getattr(m, "type", "") == "demonym":
                # "Russian citizens": the noun is who is described, not a label of Russia
                found = [f for f in found if f[0] != "compound"]
            alias = str(m.alias)
            if getattr(m, "resolution", "") == "title" and alias.lower().endswith(
                str(m.actor).split()[-1].lower()
            ):
                name_words = len(str(m.actor).split())
                parts = alias.split()
                if len(parts) > name_words:
                    title = " ".join(parts[: len(parts) - name_words])
                    found.insert(0, ("title", int(m.start), int(m.start) + len(title)))
            for label_type, ls, le in found:
                rows["doc_id"].append(doc_id)
                rows["group"].append(groups[doc_id])
                rows["actor"].append(str(m.actor))
                rows["alias"].append(alias)
                rows["label"].append(one_space(text[ls:le]))
                rows["label_type"].append(label_type)
                rows["start"].append(ls)
                rows["end"].append(le)
                rows["mention_start"].append(int(m.start))
                rows["mention_end"].append(int(m.end))
                sid = sids[i0]
                rows["sent_id"].append(sid)
                rows["evidence"].append(one_space(str(sents.get((doc_id, sid), ""))))
    out = pd.DataFrame(rows, columns=NAMING_COLUMNS)
    for c in ("start", "end", "mention_start", "mention_end", "sent_id"):
        out[c] = out[c].astype("int64")
    for c in ("doc_id", "group", "actor", "alias", "label", "label_type", "evidence"):
        out[c] = out[c].astype(object)
    out = out.drop_duplicates(["doc_id", "actor", "start", "end", "label_type"])
    return sort_rows(out, ["actor", "group", "doc_id", "start"], [True, True, True, True])
