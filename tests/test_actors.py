"""Tests for corpus_tools.actors: gazetteer loading, mention matching, hand counts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_tools as ct
from corpus_tools.errors import DataFileError

EXPECTED = Path(__file__).resolve().parent / "expected" / "actor_counts.yml"

WORKED = (
    "Moscow and Beijing held talks in Doha. Russia’s envoy Mikhail Bogdanov met Mr Zhai, "
    "and Bogdanov later briefed the UN Security Council."
)


def test_worked_example_methods_s8():
    m = ct.mentions_in_text(WORKED, locations=True)
    got = [(r.actor, r.start, r.end, r.type, r.resolution, r.possessive) for r in m.itertuples()]
    assert got == [
        ("Russia", 0, 6, "country", "metonym", False),
        ("China", 11, 18, "country", "metonym", False),
        ("Qatar", 33, 37, "location", "location", False),
        ("Russia", 39, 45, "country", "name", True),
        ("Mikhail Bogdanov", 54, 70, "person", "name", False),
        ("Zhai Jun", 75, 82, "person", "title", False),
        ("Mikhail Bogdanov", 88, 96, "person", "surname", False),
        ("UN Security Council", 115, 134, "organisation", "name", False),
    ]
    assert m.loc[m["actor"] == "Russia", "cameo"].tolist() == ["RUS", "RUS"]
    # locations are dropped by default
    assert "Qatar" not in ct.mentions_in_text(WORKED)["actor"].tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US said it would help us.", [("United States", "US")]),
        ("The U.S. envoy met the UN chief.", [("United States", "U.S."), ("United Nations", "UN")]),
        ("Fine china and a woman from Oman.", [("Oman", "Oman")]),
        (
            "Kata'ib Hezbollah and Hezbollah.",
            [("Kata'ib Hezbollah", "Kata'ib Hezbollah"), ("Hezbollah", "Hezbollah")],
        ),
        ("Kata’ib Hezbollah fired.", [("Kata'ib Hezbollah", "Kata’ib Hezbollah")]),
        ("the Israel-Hamas war", [("Israel", "Israel"), ("Hamas", "Hamas")]),
        ("Russia-China ties", [("Russia", "Russia"), ("China", "China")]),
        ("Sino-Russian ties", [("China", "Sino"), ("Russia", "Russian")]),
        ("A Sino scholar.", []),
        ("Iran’s strikes", [("Iran", "Iran")]),
        (
            "The Russian Foreign Ministry said.",
            [("Russian Foreign Ministry", "Russian Foreign Ministry")],
        ),
        ("Tehran-supplied drones", [("Iran", "Tehran")]),
        ("Latin America and South China Sea.", []),
        ("Wang said so.", []),
        ("Wang Yi met. Later Wang said so.", [("Wang Yi", "Wang Yi"), ("Wang Yi", "Wang")]),
        ("Foreign Minister Lavrov spoke.", [("Sergei Lavrov", "Foreign Minister Lavrov")]),
        ("RUSSIA WARNS US", [("Russia", "RUSSIA"), ("United States", "US")]),
    ],
)
def test_matching_rules(text, expected):
    m = ct.mentions_in_text(text)
    assert list(zip(m["actor"], m["alias"], strict=False)) == expected


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("Talks were held in Moscow.", "location"),
        ("He flew to Beijing.", "location"),
        ("Protests near the Kremlin.", "location"),
        ("MOSCOW - Russia said", "dateline"),
        ("MOSCOW, October 19. Russia said", "dateline"),
        ("It was 5 pm Moscow time.", None),
        ("Moscow rejected it.", "metonym"),
        ("The developments in Moscow's approach.", "metonym"),
    ],
)
def test_metonyms_and_locations(text, resolution):
    m = ct.mentions_in_text(text, locations=True)
    moscow = m[m["alias"].str.casefold().isin(["moscow", "beijing", "kremlin", "the kremlin"])]
    if resolution is None:
        assert moscow.empty
    else:
        assert moscow["resolution"].tolist()[0] == resolution
        assert (moscow["type"].tolist()[0] == "location") == (
            resolution in ("location", "dateline")
        )


def test_demonym_switch(corpus_from_texts):
    c = corpus_from_texts({"a": "Russian diplomats met Russia's envoy."})
    with_d = ct.actor_mentions(c)
    assert with_d[["actor", "type"]].values.tolist() == [
        ["Russia", "demonym"],
        ["Russia", "country"],
    ]
    assert ct.actor_mentions(c, demonyms=False)["alias"].tolist() == ["Russia"]


def test_columns_dtypes_offsets_and_order(corpus_from_texts):
    texts = {"b": "Iran and Iraq. Then\n\nthe US.", "a": "Hamas and Israel’s army."}
    c = corpus_from_texts(texts)
    m = ct.actor_mentions(c)
    assert m.columns.tolist() == ct.MENTION_COLUMNS
    assert m["doc_id"].tolist() == ["b", "b", "b", "a", "a"]  # corpus order, then start
    for r in m.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.alias
    assert m["sent_id"].tolist() == [
        0,
        0,
        2,
        0,
        0,
    ]  # "Then" without final punctuation is its own unit
    assert m["para_id"].tolist() == [0, 0, 1, 0, 0]
    assert str(m["start"].dtype) == "int64" and m["possessive"].dtype == bool
    empty = ct.actor_mentions(corpus_from_texts({"x": "Nothing here."}))
    assert empty.columns.tolist() == ct.MENTION_COLUMNS and empty.empty


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Geng Shuang", "Geng Shuang"),
        ("the Kremlin", "Kremlin"),
        ("Russia's foreign ministry", "Russian Foreign Ministry"),
        ("Russia’s Foreign Ministry", "Russian Foreign Ministry"),
        ("Chinese Foreign Ministry spokesman Geng Shuang", "Geng Shuang"),
        ("Russian diplomats", "Russia"),
        ("Zhai", "Zhai Jun"),
        ("Mr Bogdanov", "Mikhail Bogdanov"),
        ("Moscow", "Russia"),
        ("a ministry official", None),
        ("", None),
    ],
)
def test_canonical_actor(name, expected):
    assert ct.canonical_actor(name) == expected


def test_shipped_gazetteer_size_and_validity():
    g = ct.load_gazetteer()
    t = g.table()
    counts = t["type"].value_counts().to_dict()
    assert counts["country"] >= 195
    assert counts["person"] >= 30
    assert counts["organisation"] + counts["armed_group"] >= 40
    assert t["actor_id"].is_unique and t["actor"].is_unique
    assert t["source"].notna().all()
    assert g.lookup("IGOUNO_UNSC")["cameo"] == "IGOUNO"
    assert g.lookup("PSEREBHMS")["cameo"] == "PSEREBHMS"


def _write(tmp_path, data) -> Path:
    p = tmp_path / "my_actors.yml"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    return p


GOOD = {"id": "x1", "name": "Xland", "type": "country", "aliases": ["Xland"], "source": "test"}


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ({**GOOD, "type": "planet"}, "entry 'x1': key 'type'"),
        ({k: v for k, v in GOOD.items() if k != "source"}, "entry 'x1': key 'source'"),
        ({**GOOD, "aliases": "Xland"}, "entry 'x1': key 'aliases'"),
        ({**GOOD, "colour": "red"}, "entry 'x1': unknown key(s) ['colour']"),
        ({**GOOD, "aliases": []}, "entry 'x1': key 'aliases' is empty"),
        ({k: v for k, v in GOOD.items() if k != "id"}, "entry #0: key 'id'"),
    ],
)
def test_load_gazetteer_errors_name_file_entry_key(tmp_path, entry, fragment):
    p = _write(tmp_path, {"actors": [entry]})
    with pytest.raises(DataFileError) as err:
        ct.load_gazetteer(p)
    assert str(err.value).startswith("my_actors.yml: ")
    assert fragment in str(err.value)


def test_duplicate_ids_rejected(tmp_path):
    p = _write(tmp_path, {"actors": [GOOD, {**GOOD, "name": "Other"}]})
    with pytest.raises(DataFileError, match="entry 'x1': key 'id' is used twice"):
        ct.load_gazetteer(p)


def test_user_gazetteer_replace_and_extend(tmp_path, corpus_from_texts):
    p = _write(tmp_path, [GOOD])
    c = corpus_from_texts({"a": "Xland and Russia met."})
    assert ct.actor_mentions(c, ct.load_gazetteer(p))["actor"].tolist() == ["Xland"]
    assert ct.actor_mentions(c, p)["actor"].tolist() == ["Xland"]
    ext = ct.load_gazetteer(extend=p)
    assert ct.actor_mentions(c, ext)["actor"].tolist() == ["Xland", "Russia"]
    # an extension entry with an existing id replaces it
    ext2 = ct.load_gazetteer(
        extend=[{**GOOD, "id": "RUS", "name": "Russia", "aliases": ["Rossiya"]}]
    )
    assert ct.actor_mentions(c, ext2)["actor"].tolist() == []


def test_shipped_gazetteer_is_cached():
    # load time is measured in benchmarks/bench_actors.py, never asserted here
    from corpus_tools import actors

    actors._shipped.cache_clear()
    g = ct.load_gazetteer()
    assert g.matcher is g.matcher
    assert ct.load_gazetteer() is g


def test_candidate_actors(corpus_from_texts):
    c = corpus_from_texts(
        {"a": "Envoy Ali Bagheri met Russia on Monday. Aides said Bagheri left. Bagheri smiled."}
    )
    cand = ct.candidate_actors(c)
    assert cand.columns.tolist() == ct.CANDIDATE_COLUMNS
    assert cand[["candidate", "n"]].values.tolist() == [["Bagheri", 1], ["Envoy Ali Bagheri", 1]]
    row = cand.iloc[1]
    assert c.text("a")[row["start"] : row["end"]] == "Envoy Ali Bagheri"
    assert ct.candidate_actors(c, min_count=2).empty


_TEXT_CHARS = st.sampled_from(list("ab AB.'’-s S\n\t0é_,U"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT_CHARS, max_size=60).map("".join), st.data())
def test_sentence_tokens_equal_truncated_rescan(text, data):
    """Tokens of one sentence from the document's spans == re-tokenising the text up to its end."""
    from corpus_tools import actors

    view = ct.fold(text)
    spans = [m.span() for m in actors._WORD_RE.finditer(view)]
    starts = [s for s, _ in spans]
    se = data.draw(st.integers(0, len(view)))
    ss = data.draw(st.integers(0, se))
    got = actors._sentence_tokens(view, spans, starts, ss, se)
    assert got == [t for t in actors._word_tokens(view[:se]) if t.start >= ss]


def test_candidate_actors_scans_each_character_a_bounded_number_of_times(
    corpus_from_texts, monkeypatch
):
    """Linear in document length: the word regex reads each character O(1) times, not once per
    later sentence (it used to re-tokenise ``view[:sentence_end]`` for every sentence)."""
    from corpus_tools import actors

    scanned = []

    class Counting:
        def __init__(self, rx):
            self.rx = rx

        def finditer(self, string, pos=0, endpos=None):
            end = len(string) if endpos is None else endpos
            scanned.append(end - pos)
            return self.rx.finditer(string, pos, end)

    monkeypatch.setattr(actors, "_WORD_RE", Counting(actors._WORD_RE))
    sentence = "Envoy Ali Bagheri met Russia and Lord Grey of Fallodon in Doha. "
    results = {}
    for n in (50, 500):
        scanned.clear()
        c = corpus_from_texts({"a": sentence * n})
        results[n] = ct.candidate_actors(c)
        assert sum(scanned) <= 3 * len(sentence * n)  # whole text once + matcher, not n^2/2
    assert results[500].set_index("candidate")["n"].to_dict() == {
        k: 10 * v for k, v in results[50].set_index("candidate")["n"].to_dict().items()
    }


# ---------------------------------------------------------------- hand counts
def _expected_counts(corpus: ct.Corpus) -> dict[str, Counter]:
    spec = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    out: dict[str, Counter] = {}
    for doc_id, lines in spec["docs"].items():
        raw_lines = corpus.raw(doc_id).splitlines()
        clean = corpus.text(doc_id)
        total: Counter = Counter()
        for item in lines:
            full = {
                ln.strip()
                for ln in raw_lines
                if ln.startswith(item["line"]) or ln.strip().startswith(item["line"].strip())
            }
            assert len(full) == 1, (
                f"{doc_id}: line prefix {item['line']!r} matches {len(full)} raw lines"
            )
            line = full.pop()
            needle = item.get("match", line)
            assert needle in line, f"{doc_id}: match {needle!r} is not part of its line"
            times = clean.count(needle)
            for actor, n in item["counts"].items():
                total[actor] += n * times
        out[doc_id] = total
    return out


def test_seed_mentions_match_hand_counts(seed_corpus):
    expected = _expected_counts(seed_corpus)
    m = ct.actor_mentions(seed_corpus)
    for doc_id, exp in expected.items():
        got = Counter(m.loc[m["doc_id"] == doc_id, "actor"].tolist())
        assert dict(sorted(got.items())) == dict(sorted((k, v) for k, v in exp.items() if v)), (
            doc_id
        )


def test_seed_offsets_slice_back(seed_corpus):
    m = ct.actor_mentions(seed_corpus, locations=True)
    texts = dict(zip(seed_corpus.docs["doc_id"], seed_corpus.docs["text"], strict=False))
    assert all(texts[r.doc_id][r.start : r.end] == r.alias for r in m.itertuples())
    assert not m.empty and isinstance(m, pd.DataFrame)


def test_candidate_actors_skip_pronoun_contractions():
    """'I'm' (with ' or ’), 'We've', 'They'll', 'Don't' are no names; O'Brien and Kata'ib stay."""
    text = (
        "She said I'm tired and I’m done, and We've seen it. Then They'll go, as Don't Look Up "
        "says; Sean O'Brien met Ali Bagheri. Then Sean O'Brien left with Kata'ib Sayyid."
    )
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    got = ct.candidate_actors(c)[["candidate", "n"]].values.tolist()
    assert got == [
        ["Sean O'Brien", 2],
        ["Ali Bagheri", 1],
        ["Kata'ib Sayyid", 1],
        ["Look Up", 1],
    ]


def test_candidate_actors_merge_case_variants_of_one_name():
    # QA S18-7: "Covid" (23) and "COVID" (17) were two candidates
    texts = [
        "Officials said COVID spread. Experts saw Covid rise and Covid fall.",
        "Doctors fear Covid here. Nurses fear COVID there. Nurses met Ali Bagheri.",
    ]
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": texts}))
    got = ct.candidate_actors(c).values.tolist()
    assert got == [
        ["Covid", 5, 2, "a", 15, 20, "Officials said COVID spread."],  # 3 Covid + 2 COVID
        ["Ali Bagheri", 1, 1, "b", 61, 72, "Nurses met Ali Bagheri."],
    ]
    assert ct.candidate_actors(c, min_count=2)["candidate"].tolist() == ["Covid"]
