"""The lean full-corpus actor path: one cached scan, column-built tables, numpy pair counts.

Each new path is checked against a reference written the straightforward way
(row tuples from ``mention_rows`` for the mentions; dictionaries of window sets
over ``corpus.sentences()`` for co-occurrence, as the package computed them
before), on generated news articles and on hand-made corpora with real values.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import actors
from corpus_tools.actors import mention_arrays, mention_rows, resolve_gazetteer


@pytest.fixture(scope="module")
def generated(bench_generator) -> ct.Corpus:
    docs = pd.DataFrame(list(bench_generator.iter_documents(80)))
    docs["outlet"] = [f"Outlet {i % 3}" for i in range(len(docs))]
    docs.loc[5, "outlet"] = None  # a document without an outlet: the "(missing)" group
    return ct.Corpus(docs[["doc_id", "text", "outlet"]])


def _reference_mentions(corpus: ct.Corpus, **opts: bool) -> pd.DataFrame:
    """Row tuples per document (the per-text path ``mentions_in_text`` uses)."""
    gaz = resolve_gazetteer(None)
    rows = []
    for doc_id, text in corpus:
        rows.extend(mention_rows(str(doc_id), str(text), gaz, **opts))
    df = pd.DataFrame(rows, columns=ct.MENTION_COLUMNS)
    for c in ("start", "end", "sent_id", "para_id"):
        df[c] = df[c].astype("int64")
    df["possessive"] = df["possessive"].astype(bool)
    for c in ("doc_id", "actor", "type", "alias", "actor_id", "cameo", "resolution", "found_by"):
        df[c] = df[c].astype(object)
    return df


@pytest.mark.parametrize(
    "opts",
    [
        {"demonyms": True, "locations": False},
        {"demonyms": True, "locations": True},
        {"demonyms": False, "locations": False},
    ],
)
def test_actor_mentions_equal_the_per_text_rows(generated, opts):
    got = ct.actor_mentions(generated, **opts)
    pd.testing.assert_frame_equal(got, _reference_mentions(generated, **opts), check_exact=True)
    assert len(got) > 500  # the generated news articles name many actors


def test_seed_mentions_equal_the_per_text_rows(seed_corpus):
    got = ct.actor_mentions(seed_corpus)
    ref = _reference_mentions(seed_corpus, demonyms=True, locations=False)
    pd.testing.assert_frame_equal(got, ref, check_exact=True)


def test_second_call_reuses_the_scan_and_a_new_gazetteer_scans_again():
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Talks in Doha. Qatar and Iran met."]}))
    first = ct.actor_mentions(c)
    held = mention_arrays(c)
    assert c.is_cached("actors.mention_arrays")
    places = ct.actor_mentions(c, locations=True)
    assert mention_arrays(c) is held  # no second scan
    assert first["actor"].tolist() == ["Qatar", "Iran"]
    assert places[["actor", "type", "start"]].values.tolist() == [
        ["Qatar", "location", 9],
        ["Qatar", "country", 15],
        ["Iran", "country", 25],
    ]
    mine = ct.load_gazetteer(
        extend=[
            {
                "id": "talks",
                "name": "The Talks",
                "type": "other",
                "aliases": ["Talks"],
                "source": "test",
            }
        ]
    )
    other = ct.actor_mentions(c, mine)
    assert other["actor"].tolist() == ["The Talks", "Qatar", "Iran"]
    assert mention_arrays(c, mine) is not held


def test_mention_arrays_hold_sentence_and_paragraph():
    text = "Russia spoke.\n\nLater, China and Iran met. Iran left."
    c = ct.Corpus(pd.DataFrame({"doc_id": ["x", "y"], "text": ["", text]}))
    m = mention_arrays(c)
    assert m.doc.tolist() == [1, 1, 1, 1]
    assert [text[s:e] for s, e in zip(m.start.tolist(), m.end.tolist(), strict=True)] == [
        "Russia",
        "China",
        "Iran",
        "Iran",
    ]
    assert m.sent_id.tolist() == [0, 1, 1, 2]
    assert m.para_id.tolist() == [0, 1, 1, 1]
    assert m.start.dtype == np.int32 and m.typ.dtype == np.int8


# ---------------------------------------------------------------- co-occurrence
def _reference_pairs(corpus: ct.Corpus, mentions: pd.DataFrame, window: str, min_count: int):
    """Window sets in dictionaries over the sentence table (the previous implementation)."""
    s = corpus.sentences()
    if window == "sentence":
        spans = {
            (d, i): (i, a, b) for d, i, a, b in s[["doc_id", "sent_id", "start", "end"]].values
        }
        key = "sent_id"
    elif window == "paragraph":
        g = s.groupby(["doc_id", "para_id"]).agg(
            sent_id=("sent_id", "min"), start=("start", "min"), end=("end", "max")
        )
        spans = {k: tuple(v) for k, v in zip(g.index, g.values.tolist(), strict=True)}
        key = "para_id"
    else:
        spans = {(d, 0): (0, 0, n) for d, n in corpus.docs[["doc_id", "n_chars"]].values}
        key = None
    m = mentions[mentions["type"] != "location"]
    sets: dict = {}
    for d, w, a in zip(m["doc_id"], m[key] if key else [0] * len(m), m["actor"], strict=True):
        sets.setdefault((d, int(w)), set()).add(a)
    single: dict = {}
    pairs: dict = {}
    for d, w in sorted(sets):
        for a in sets[(d, w)]:
            single[a] = single.get(a, 0) + 1
        sid, st, e = spans[(d, w)]
        for a, b in combinations(sorted(sets[(d, w)]), 2):
            pairs.setdefault((a, b), []).append(f"{d}:{sid}:{st}-{e}")
    return {
        (a, b): (len(ev), single[a], single[b], ev)
        for (a, b), ev in pairs.items()
        if len(ev) >= min_count
    }, len(spans)


@pytest.mark.parametrize("window", ["sentence", "paragraph", "document"])
def test_cooccurrence_equals_window_sets(generated, window):
    m = ct.actor_mentions(generated, locations=True)
    got = ct.cooccurrence(generated, window=window, min_count=2, mentions=m, measure="count")
    ref, n = _reference_pairs(generated, m, window, 2)
    assert len(got) == len(ref) > 20
    assert set(got["n_windows"]) == {n}
    for r in got.itertuples(index=False):
        assert (r.count, r.c_a, r.c_b, r.evidence_docs) == ref[(r.actor_a, r.actor_b)]


def test_cooccurrence_by_group_equals_each_group_alone(generated):
    m = ct.actor_mentions(generated)
    got = ct.cooccurrence(generated, by="outlet", min_count=1, mentions=m)
    assert sorted(got["group"].unique()) == ["(missing)", "Outlet 0", "Outlet 1", "Outlet 2"]
    for name in ("Outlet 1", "(missing)"):
        outlet = generated.docs["outlet"].fillna("(missing)")
        ids = generated.docs.loc[outlet == name, "doc_id"].tolist()
        sub = generated.subset(ids)
        alone = ct.cooccurrence(sub, min_count=1, mentions=m[m["doc_id"].isin(ids)])
        part = got[got["group"] == name].drop(columns="group").reset_index(drop=True)
        pd.testing.assert_frame_equal(part, alone)


def test_pairs_counted_once_per_window_with_evidence_in_order():
    texts = {
        "b": "Russia, Russia and China met. Iran waited.",
        "a": "China and Russia spoke. Russia and Iran and China agreed.",
    }
    c = ct.Corpus(pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())}))
    got = ct.cooccurrence(c, measure="count", min_count=1)
    rows = got[["actor_a", "actor_b", "count", "c_a", "c_b", "n_windows"]].values.tolist()
    assert rows == [
        ["China", "Russia", 3, 3, 3, 4],
        ["China", "Iran", 1, 3, 2, 4],
        ["Iran", "Russia", 1, 2, 3, 4],
    ]
    # evidence windows in corpus order, then sentence: b (loaded first) before a's two sentences
    assert got["evidence_docs"].iloc[0] == ["b:0:0-29", "a:0:0-23", "a:1:24-57"]


def test_compare_networks_window_counts_per_group(generated):
    m = ct.actor_mentions(generated)
    cmp = ct.compare_networks(generated, by="outlet", min_count=2, mentions=m)
    n_sent = generated.sentences().merge(generated.docs[["doc_id", "outlet"]], on="doc_id")
    expected = n_sent["outlet"].fillna("(missing)").value_counts().to_dict()
    assert cmp.groupby("group")["n_windows"].first().to_dict() == expected


def test_scan_helpers_on_empty_corpus():
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["nothing to see"]}))
    assert ct.actor_mentions(c).empty
    assert list(ct.actor_mentions(c).columns) == ct.MENTION_COLUMNS
    assert ct.cooccurrence(c).empty
    assert actors._sentence_of(c, np.zeros(0, np.int64), np.zeros(0, np.int64))[0].size == 0


HARD_TEXTS = [
    "Russia's envoy met the U.S. and U.N. teams; the U.S.-led talks in Moscow's centre.",
    "MOSCOW - Sino-Russian ties: Mr Zhai met Bogdanov, then Zhai left. Israel-Hamas talks.",
    "Straße Iran’s and IRAN's, Kata'ib Hezbollah and Hezbollah; Russias' view, Iran'",
    "the us army, US forces and us; china plates and China. Jordan, Georgia, Chad",
    "President Vladimir Putin and Putin's aide; Foreign Minister Wang Yi in Doha airport",
    "Russia",
    "",
    "'s Russia's's ''Iran'' U.S.A. E.U.Russia in\nBeijing, \u0130ran KIran",
]


@pytest.mark.parametrize("all_surnames", [False, True])
def test_split_matcher_equals_token_scan(generated, all_surnames):
    gaz = resolve_gazetteer(None)
    texts = HARD_TEXTS + [t for _, t in generated][:40]
    for t in texts:
        view = actors.fold(t)
        assert actors._match_split(view, gaz, all_surnames) == actors._match_scan(
            view, gaz, all_surnames
        ), t
    assert len(actors._match_text(HARD_TEXTS[0], gaz)) == 5


PRUNE_TEXTS = [
    "The White House's view; the White-\nHouse; the white house; THE WHITE HOUSE said",
    "in The Hague. at the Hague, The Hague-based court; the",
    "Mr. Mr Putin Mr\nPutin President Vladimir Putin's and President Putin. Mr",
    "Sino-Russian, Sino- Russian, Sino Russian and Sino-\nRussian; Sino",
    "Talks in Moscow's; in Moscow time; Moscow airport; MOSCOW (Reuters); Moscow",
]


def _random_text(rng: np.random.Generator, words: list[str]) -> str:
    """Words of gazetteer forms in random case, joined by gaps that end or continue a form."""
    gaps = [" ", " ", "-", "\n", ". ", "'s ", "' ", ", ", " - ", "’s ", " in ", " the "]
    out = []
    for _ in range(int(rng.integers(1, 40))):
        w = words[int(rng.integers(len(words)))]
        case = int(rng.integers(4))
        w = w.upper() if case == 0 else w.lower() if case == 1 else w.title() if case == 2 else w
        out.append(w + gaps[int(rng.integers(len(gaps)))])
    return "".join(out)


@pytest.mark.parametrize("all_surnames", [False, True])
def test_split_matcher_skips_only_what_cannot_match(all_surnames):
    """The word-only pre-walk (``_reach``) and the shorter token windows change no match.

    Random texts built from the words of every form (in every case, with
    possessives, hyphens, line breaks and full stops between them) match the
    same through the split matcher and the token-by-token reference.
    """
    gaz = resolve_gazetteer(None)
    words = sorted(
        {w for k in gaz.matcher.root.children for w in (k if isinstance(k, str) else k[2],)}
        | {w for e in gaz.entries for a in e["aliases"] + e["metonyms"] for w in a.split()}
        | {"in", "at", "Mr", "said", "time", "airport"}
    )
    rng = np.random.default_rng(18)
    texts = PRUNE_TEXTS + [_random_text(rng, words) for _ in range(400)]
    n_found = 0
    for t in texts:
        view = actors.fold(t)
        got = actors._match_split(view, gaz, all_surnames)
        assert got == actors._match_scan(view, gaz, all_surnames), t
        n_found += len(got)
    assert n_found > 2000


def test_mention_entries_are_the_mention_rows_reduced(generated):
    gaz = resolve_gazetteer(None)
    names = [e["name"] for e in gaz.entries]
    for opts in ({"demonyms": True, "locations": False}, {"demonyms": False, "locations": True}):
        for doc_id, text in list(generated)[:30]:
            rows = mention_rows(str(doc_id), str(text), gaz, **opts)
            got = actors.mention_entries(str(text), gaz, **opts)
            assert [(s, names[i], t) for s, i, t in got] == [(r[4], r[1], r[2]) for r in rows]
    assert actors.mention_entries("Talks in Doha.", gaz, demonyms=True, locations=True) == [
        (9, gaz.entries.index(gaz.lookup("QAT")), "location")
    ]


def test_cached_matches_follow_the_text_not_the_cache(monkeypatch):
    """A window matched once is reused, but a surname still needs the full name first.

    'Wang' is Wang Yi's surname and needs the full name (two Wangs in the
    gazetteer): the first 'Wang spoke' is no mention, the same window after
    'Wang Yi' is. 'Moscow' is a place after 'in' and an actor otherwise,
    whatever was cached for the other window.
    """
    gaz = actors.load_gazetteer()
    gaz.matcher.memo.clear()  # the shipped gazetteer is shared: start from an empty cache
    text = "Wang spoke. Wang Yi spoke. Wang spoke in Moscow. Moscow said; in Moscow, Wang left."
    want = [
        (12, 19, "Wang Yi", "person", "name"),
        (27, 31, "Wang Yi", "person", "surname"),
        (41, 47, "Russia", "location", "location"),
        (49, 55, "Russia", "country", "metonym"),
        (65, 71, "Russia", "location", "location"),
        (73, 77, "Wang Yi", "person", "surname"),
    ]
    for _ in range(2):  # cold, then every window from the cache
        got = actors._match_text(text, gaz)
        assert [(s, e, gaz.entries[i]["name"], t, r) for s, e, i, t, r, _ in got] == want
    assert len(gaz.matcher.memo) == 6
    # the same windows in another order and text: the cache gives what a fresh scan gives
    other = "In Moscow, Wang spoke. Moscow: Wang Yi. " * 3
    view = actors.fold(other)
    assert actors._match_split(view, gaz, False) == actors._match_scan(view, gaz, False)
    monkeypatch.setattr(actors, "_MEMO_MAX", 3)  # bounded: cleared when full, results the same
    assert actors._match_text(text, gaz) == got
    assert len(gaz.matcher.memo) <= 6


# texts where the word split is easy to get wrong: words joined by ' . _ and digits, a word
# right after an acronym, the marker of the batch pass, non-ASCII letters, forms at the edges
EDGE_TEXTS = [
    "U.S.Russia o'Russia 'Russia' x.Russia Russia_China 2Russia Russia2 _Iran_ I.R.A.N.",
    "Moscow",
    "in Moscow",
    "the White\x01House in Moscow, Russia",
    "in Moscow, the Kremlin and the White House; Israel-Hamas; Sino-Russian; Sino-",
    "Straße in Moscow; Türkiye's envoy; Bogotá and Moscow's",
    "Putin's Putin'S Putins' Putin' PUTIN'S the's White House's U.S.'s",
    "...the...White...House...in...Moscow...",
    "the\nWhite\nHouse -- President\n-Vladimir Putin. Mr. Putin, Mr Putin",
    "Kata'ib Hezbollah n'djamena N'Djamena Sana'a sana'a's",
]


def _edge_texts(n: int) -> list[str]:
    """Random strings of first words and forms glued by the separators above."""
    gaz = resolve_gazetteer(None)
    firsts = sorted(w for w in gaz.matcher.root.children if isinstance(w, str))
    forms = sorted({a for e in gaz.entries for a in e["aliases"] + e["metonyms"] + e["prefixes"]})
    seps = [" ", ".", "_", "'", "-", "\n", ",", "'s", "s'", "", ". ", "x", "1", "\x01", "é"]
    rng = np.random.default_rng(11)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(int(rng.integers(1, 25))):
            r = rng.random()
            w = (firsts if r < 0.4 else forms)[int(rng.integers(len(firsts if r < 0.4 else forms)))]
            w = "in the" if r > 0.9 else w
            case = int(rng.integers(3))
            w = w.upper() if case == 0 else w.title() if case == 1 else w
            parts.append(w + seps[int(rng.integers(len(seps)))])
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("batch_size", [1, 7, 500])
def test_batch_matcher_equals_the_split_matcher(generated, batch_size):
    """One compiled pass for a batch's candidates, then the words around each: same matches.

    ASCII texts go through the candidate pass, the others (``é``, ``ß``, the
    pass's marker) through the split; both give ``_match_text``'s tuples.
    """
    gaz = resolve_gazetteer(None)
    texts = EDGE_TEXTS + HARD_TEXTS + PRUNE_TEXTS + _edge_texts(700)
    texts += [str(t) for _, t in generated][:60]
    want = [actors._match_text(t, gaz) for t in texts]
    got = []
    for k in range(0, len(texts), batch_size):
        got += actors._match_batch(texts[k : k + batch_size], gaz)
    assert got == want
    assert sum(map(len, want)) > 2500
    assert sum(t.isascii() for t in texts) > 300 and sum(not t.isascii() for t in texts) > 100
    # o'Russia, 2Russia and Russia2 are one word each; _ and . end a word
    t = texts[0]
    assert [(t[s:e], gaz.entries[i]["name"]) for s, e, i, *_ in got[0]] == [
        ("U.S.", "United States"),
        ("Russia", "Russia"),
        ("Russia", "Russia"),
        ("Russia", "Russia"),
        ("Russia", "Russia"),
        ("China", "China"),
        ("Iran", "Iran"),
    ]
    assert [s for s, *_ in got[0]][1:4] == [4, 21, 31]


def test_batch_matcher_without_the_compiled_pass(generated, monkeypatch):
    """If the pass cannot run (a gazetteer past RE2's limits), every text is split: same results."""
    gaz = actors.load_gazetteer()
    texts = EDGE_TEXTS + [str(t) for _, t in generated][:20]
    want = [actors._match_text(t, gaz) for t in texts]
    monkeypatch.setattr(gaz.matcher, "cand_pattern", actors._NO_PATTERN)  # may be shared
    monkeypatch.setattr(actors, "_match_cands", None)  # would fail if called
    assert actors._match_batch(texts, gaz) == want


def test_mention_entries_batch_equals_each_text(generated):
    gaz = resolve_gazetteer(None)
    texts = [str(t) for _, t in generated][:50] + EDGE_TEXTS
    for opts in ({"demonyms": True, "locations": False}, {"demonyms": False, "locations": True}):
        want = [actors.mention_entries(t, gaz, **opts) for t in texts]
        assert actors.mention_entries_batch(texts, gaz, **opts) == want
    assert actors.mention_entries_batch([], gaz, demonyms=True, locations=False) == []


def test_candidates_skip_first_words_without_a_listed_next_word():
    """'the' and 'Mr' (no form of their own) are candidates only before a listed word.

    A pair's second word is a candidate too (it may start a form when the
    pair does not match); 'said', 'the man' and 'x' give none.
    """
    gaz = resolve_gazetteer(None)
    texts = ["The White House said the man met Putin.", "Mr. Putin and mr putin; the Kremlin", "x"]
    got = actors._candidate_starts([actors.fold(t) for t in texts], gaz.matcher)
    assert got == [[0, 4, 33], [0, 4, 14, 17, 24, 28], []]
    t = texts[1]  # lower-case 'mr putin' is no mention: the forms want capitals
    assert [
        (t[s:e], gaz.entries[i]["name"], r)
        for s, e, i, _, r, _ in actors._match_batch(texts, gaz)[1]
    ] == [("Mr. Putin", "Vladimir Putin", "title"), ("the Kremlin", "Kremlin", "metonym")]


def test_large_gazetteer_is_matched_by_splitting():
    """A gazetteer whose candidate pattern would outgrow RE2's automaton is split, same matches."""
    base = resolve_gazetteer(None)
    entries = [
        {
            **base.entries[0],
            "id": f"X{i}",
            "name": f"Zorblat{i} Quux",
            "cameo": None,
            "aliases": [f"Zorblat{i} Quux"],
            "demonyms": [],
            "metonyms": [],
            "prefixes": [],
            "titles": [],
            "surname": None,
            "source": "test",
        }
        for i in range(2000)
    ]
    gaz = ct.Gazetteer(entries, base.settings, base.meta, "synthetic-2000")
    assert len(actors._candidate_pattern(base.matcher)) <= actors._MAX_PATTERN
    assert actors._candidate_pattern(gaz.matcher) == actors._NO_PATTERN
    texts = ["Zorblat7 Quux met Zorblat1999 Quux; zorblat7 quux", "none here", "Zorblat12 Quux"]
    got = actors._match_batch(texts, gaz)
    assert got == [actors._match_text(t, gaz) for t in texts]
    assert [[gaz.entries[i]["name"] for _, _, i, *_ in f] for f in got] == [
        ["Zorblat7 Quux", "Zorblat1999 Quux"],
        [],
        ["Zorblat12 Quux"],
    ]


def _form_end_texts() -> list[str]:
    """Every form of two words or more, whole and cut after each word, at a text's end.

    Also after a word before it and with a possessive: the batch matcher reads the
    words after a first word only as far as the trie walk goes (session 20), and
    the end of the text is where that may differ from reading the longest form's
    length of words.
    """
    gaz = resolve_gazetteer(None)
    forms = sorted(
        {a for e in gaz.entries for a in e["aliases"] + e["metonyms"] + e["prefixes"]}
        | {f"{p} {a}" for e in gaz.entries for p in e["prefixes"] for a in e["aliases"][:1]}
    )
    out = []
    for f in forms:
        words = f.split()
        if len(words) < 2:
            continue
        for k in range(1, len(words) + 1):
            head = " ".join(words[:k])
            out += [head, f"said {head}", f"{head}'s", f"in {head}.", f"{head} talks", head.upper()]
    return out


def test_batch_matcher_at_the_end_of_a_text():
    gaz = resolve_gazetteer(None)
    texts = _form_end_texts()
    assert len(texts) > 1000
    want = [actors._match_text(t, gaz) for t in texts]
    got = []
    for k in range(0, len(texts), 250):
        got += actors._match_batch(texts[k : k + 250], gaz)
    assert got == want
    assert sum(map(len, want)) > 1000
    # a metonym at the end of a text, and cut short of it
    w = actors._match_batch(["They met at the White House", "They met at the White"], gaz)
    assert [[gaz.entries[i]["name"] for _, _, i, *_ in r] for r in w] == [["White House"], []]


def _context_texts(n: int) -> list[str]:
    """Metonym and prefix forms between every kind of word before and after (random order)."""
    before = ["in", "In", "IN", "to", "at's", "from'", "near\n", "the", "said", "x", "", "in-"]
    forms = ["Moscow", "MOSCOW", "moscow", "the Kremlin", "Sino", "Washington", "Moscow's"]
    forms += ["Moscow'", "Beijing", "the White House", "Kyiv", "Russo"]
    gaps = [" ", "-", ", ", " (", "\n", "'s ", "' ", "--", " - ", ".", ""]
    after = ["time", "Airport", "region", "said", "based", "-based", "Russian", "Time's", ""]
    rng = np.random.default_rng(5)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(int(rng.integers(1, 12))):
            pick = [x[int(rng.integers(len(x)))] for x in (before, forms, gaps, after)]
            parts.append(f"{pick[0]} {pick[1]}{pick[2]}{pick[3]}")
        out.append(" ".join(parts) + ("" if rng.random() < 0.3 else "."))
    return out


def test_context_forms_share_cached_matches_across_neighbours():
    """A metonym's or prefix's match is cached by what it reads of its neighbours, not by them.

    'in Moscow said' and 'at Moscow told' (a locative before, no place
    follower after) are one cached window; every text still matches as the
    token scan, which keeps no cache, matches it: 1,000 texts of capitals and
    prefixes between locatives, possessives, hyphens, datelines and place
    followers, matched with a warm cache in batches and one by one.
    """
    gaz = actors.load_gazetteer()
    gaz.matcher.memo.clear()
    first = actors._match_text("Talks in Moscow said it.", gaz)
    n_keys = len(gaz.matcher.memo)
    again = actors._match_text("Talks at Moscow told it.", gaz)
    assert len(gaz.matcher.memo) == n_keys  # the second window came from the cache
    assert [(s, e, t, r) for s, e, _, t, r, _ in first] == [(9, 15, "location", "location")]
    assert [(s, e, t, r) for s, e, _, t, r, _ in again] == [(9, 15, "location", "location")]
    # not a locative before it: another key, an actor
    got = actors._match_text("Talks as Moscow told it.", gaz)
    assert [(s, e, t, r) for s, e, _, t, r, _ in got] == [(9, 15, "country", "metonym")]
    texts = _context_texts(1000)
    want = [actors._match_scan(actors.fold(t), gaz, False) for t in texts]
    assert sum(map(len, want)) > 3_000
    for size in (1, 250):
        got_b = []
        for k in range(0, len(texts), size):
            got_b += actors._match_batch(texts[k : k + size], gaz)
        assert got_b == want
    assert [actors._match_text(t, gaz) for t in texts] == want
    assert len(gaz.matcher.memo) < sum(map(len, want)) / 2  # windows shared
