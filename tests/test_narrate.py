"""Tests for corpus_tools/narrate.py: interpretation sentences written from the tables."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct


@pytest.fixture(scope="module")
def seeds():
    return ct.load_corpus("seeds")


def test_corpus_sentence_on_the_seeds(seeds):
    text = ct.describe_corpus(ct.overview(seeds))
    assert text == (
        "5 documents in 5 groups by 'outlet'. Every group is a single document, so a comparison "
        "of groups is a comparison of single documents. Published from 2020-01-09 to 2023-10-20 "
        "(4 distinct dates)."
    )


@pytest.mark.parametrize(
    ("outlets", "expected"),
    [
        (
            ["A", "A"],
            "2 documents in 1 group by 'outlet': there is no other group to compare with.",
        ),
        ([None, "B", "B"], "3 documents in 2 groups by 'outlet' (1 to 2 documents per group)."),
    ],
)
def test_corpus_sentence_groups(outlets, expected):
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(outlets))], "outlet": outlets})
    assert ct.describe_corpus(docs) == expected


def test_corpus_sentence_without_dates_or_documents():
    docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "published": [pd.NaT]})
    assert ct.describe_corpus(docs).endswith("No document has a publication date.")
    assert ct.describe_corpus(docs.iloc[:0]) == "The corpus has no documents."


def test_similarity_sentence_on_the_seeds(seeds):
    text = ct.describe_similarity(ct.similarity(seeds, by="outlet"))
    assert text.startswith(
        "The most similar pair is Straits Times and TASS (cosine 0.347), sharing above all "
        "east, middle and gaza; the least similar is News site and SCMP (0.152)."
    )


def test_similarity_sentence_is_tie_stable():
    sim = pd.DataFrame(
        {"a": ["b", "a"], "b": ["c", "c"], "cosine": [0.5, 0.5], "top_terms": ["", ""]}
    )
    assert ct.describe_similarity(sim).startswith(
        "The most similar pair is a and c (cosine 0.500);"
    )
    assert "only pair" in ct.describe_similarity(sim.iloc[:1])
    assert "no pair" in ct.describe_similarity(sim.iloc[:0])


def test_reuse_sentence_on_the_seeds(seeds):
    reuse = ct.text_reuse(seeds, min_words=8, series="outlet")
    assert ct.describe_reuse(reuse).endswith(
        "All 3 are inside quotation marks in both documents: a quoted common source, not copying "
        "between outlets."
    )


def test_duplicates_sentence():
    dups = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "kind": ["exact"], "jaccard": [1.0]})
    assert ct.describe_duplicates(dups, 0.8) == (
        "1 pair reaches a resemblance of 0.8: 1 exact copy and 0 near-duplicates, among 2 documents."
    )


def test_keyness_numbers_voices_frames_tone_mentions_on_the_seeds(seeds):
    key = ct.keyness(seeds, by="outlet", min_docs=2, top_n=8)
    assert ct.describe_keyness(key).startswith(
        "The strongest term is 'u.s.' for News site (z = 2.41"
    )
    claims = ct.numeric_claims(seeds, kinds=["count", "percent", "money"])
    assert ct.describe_numbers(ct.compare_numbers(claims, seeds, by="outlet")).startswith(
        "3 quantities are reported by two or more groups; the figures differ for 2: "
        "killed palestinians (Straits Times: more than 3,500; TASS: More than 3,400)"
    )
    q = ct.quotes(seeds)
    voices = ct.quote_voices(q[q["kind"] != "scare"])
    assert ct.describe_voices(voices) == (
        "35 quotes: 35 from officials (Russia 20, China 11, Qatar 1, no country 3). No quote comes "
        "from armed groups, international bodies, experts, citizens or other voices."
    )
    summary = ct.frame_summary(ct.frames(seeds), seeds, by="outlet")
    assert ct.describe_frames(summary).startswith(
        "The largest share is political in Straits Times (0.667: 6 of 9 sentences)."
    )
    tone = ct.target_sentiment(seeds, ["Hamas"], by="outlet", n_boot=50, seed=1)
    assert ct.describe_tone(tone.summary).endswith(
        "has a bootstrap interval: each comes from a single document."
    )
    counts = ct.actor_counts(ct.actor_mentions(seeds))
    assert ct.describe_mentions(counts, top=2) == (
        "32 actors found. The most mentioned are Russia (44 mentions in 5 documents) and "
        "China (26 in 4)."
    )


def test_empty_tables_give_a_sentence_not_an_error():
    empty = pd.DataFrame()
    assert "no distinctive term" in ct.describe_keyness(empty)
    assert "No quotes" in ct.describe_voices(empty)
    assert "No frame cue" in ct.describe_frames(empty)
    assert "No sentence" in ct.describe_tone(empty)
    assert "No actor" in ct.describe_mentions(empty)
    assert "No passage" in ct.describe_reuse(empty)
    numbers = pd.DataFrame({"key": [], "group": [], "values": [], "n_groups": [], "disagree": []})
    assert "No quantity" in ct.describe_numbers(numbers)


def test_inputs_are_not_changed(seeds):
    sim = ct.similarity(seeds, by="outlet")
    before = sim.copy()
    ct.describe_similarity(sim)
    pd.testing.assert_frame_equal(sim, before)
