"""The batch matcher's inlined paths (session 23): the same matches as the token-by-token scan.

``_match_cands`` looks a candidate without metonym or prefix forms up in the
match cache itself (the key of ``_hit_here``), and ``_reach_scan`` steps a
single trie node without building a list. Both read the gate (persons named
in full earlier in the text) and the acronym cue as before: texts built to
exercise them are matched cold (empty cache) and warm, one text per batch and
many, and compared with ``_match_scan`` (the reference).
"""

from __future__ import annotations

import numpy as np
import pytest

from corpus_tools import actors
from corpus_tools.actors import resolve_gazetteer

# a surname form gated on the full name (Mr Abbas before and after Mahmoud Abbas), common-word
# acronyms in capitals with and without a cue, possessives after a first and a second word
GATED = [
    "Mr Abbas spoke. Later Mahmoud Abbas said Mr Abbas and President Abbas's aides agreed.",
    "Dr Austin met Lloyd Austin; then Dr Austin's team, Mr. Austin and Austin left.",
    "MR ABBAS SPOKE. MAHMOUD ABBAS AND MR ABBAS' AIDES",
]
CUES = [
    "WOMAN WHO SUED THE WHO CHIEF",
    "COVID: WHO SAYS\nWHO IS HE?\nIN DECLINE, SAYS WHO",
    "the WHO said; US-LED TALKS; (WHO) and the CAR crisis, CAR BOMB",
    "Vladimir Putin's envoy met Vladimir. Putin and President Vladimir Putin's aide",
]


def _texts(n: int) -> list[str]:
    """Hand-made texts and random ones of first words, surnames and titles in every case."""
    gaz = resolve_gazetteer(None)
    words = sorted(w for w in gaz.matcher.root.children if isinstance(w, str))
    words += ["Abbas", "Austin", "Mahmoud Abbas", "Lloyd Austin", "WHO", "CAR", "said", "chief"]
    seps = [" ", ". ", "'s ", "' ", ", ", "\n", " - ", ": ", "-", "("]
    rng = np.random.default_rng(23)
    out = GATED + CUES
    for _ in range(n):
        parts = []
        for _ in range(int(rng.integers(2, 30))):
            w = words[int(rng.integers(len(words)))]
            case = int(rng.integers(3))
            w = w.upper() if case == 0 else w.title() if case == 1 else w
            parts.append(w + seps[int(rng.integers(len(seps)))])
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("batch_size", [1, 250])
def test_inlined_cache_lookup_equals_the_token_scan(batch_size):
    gaz = resolve_gazetteer(None)
    texts = _texts(300)
    want = [actors._match_scan(actors.fold(t), gaz, False) for t in texts]
    for _ in range(2):  # cold, then warm: a cached result is used only where its key fits
        gaz.matcher.memo.clear()
        got = []
        for k in range(0, len(texts), batch_size):
            got += actors._match_batch(texts[k : k + batch_size], gaz)
        assert got == want
    assert sum(map(len, want)) > 1500
    names = [[gaz.entries[i]["name"] for _, _, i, *_ in f] for f in want[:3]]
    # Mr Abbas before the full name is no mention; after it, it is
    assert names[0] == ["Mahmoud Abbas", "Mahmoud Abbas", "Mahmoud Abbas"]
    assert [res for *_, res, _ in want[0]] == ["name", "title", "title"]
    # WHO: no cue after "WOMAN", a cue in "THE WHO CHIEF"
    assert [(CUES[0][a:b], gaz.entries[i]["name"]) for a, b, i, *_ in want[3]] == [
        ("WHO", "World Health Organization")
    ]
    assert want[3][0][0] == 19


def test_single_node_step_equals_the_list_step():
    """``_reach_scan``'s one-node step gives ``_reach`` over the same words (possessives too)."""
    gaz = resolve_gazetteer(None)
    root = gaz.matcher.root.children
    texts = [
        "president vladimir putin's aides said",
        "the white house's view",
        "the white house",
        "mr putin's",
        "the united states of america said",
        "the united nations security council's vote",
    ]
    for t in texts:
        words = t.split()
        low = t
        first = words[0]
        node = root[first]
        m = actors._PLAIN_WORD_RE.search(low, len(first))
        assert m is not None
        scanned, ends = [first, m.group()], [0, len(first), *m.span()]
        reach, more = actors._reach_scan(node, low, scanned, ends)
        assert reach == actors._reach(node, words, 0), t
        assert more == (reach + 1 < len(words)), t
