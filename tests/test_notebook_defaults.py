"""Defaults the notebooks choose from the corpus when a seed example does not apply."""

import networkx as nx
import pandas as pd

import corpus_tools as ct
from corpus_tools.notebook import choose_kwic_term, most_connected, top_actors


def _corpus() -> ct.Corpus:
    texts = [
        "Britain and France met in Paris. The UK said talks went well.",
        "The UK and Japan signed a deal. Britain welcomed it; Japan agreed.",
        "Grain prices rose in India.",
    ]
    return ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": texts}))


def test_defaults_on_a_small_corpus():
    c = _corpus()
    mentions = ct.actor_mentions(c)
    counts = ct.actor_counts(mentions)
    top = top_actors(counts, 2)
    assert top[0] == "United Kingdom"  # Britain x2 + UK x2
    term, why = choose_kwic_term(mentions)
    assert term in {"Britain", "UK"} and "United Kingdom" in why
    hits = ct.kwic(c, term)
    assert len(hits) == 2  # the chosen form is found by the concordance
    g = nx.Graph([("United Kingdom", "France"), ("United Kingdom", "Japan")])
    assert most_connected(g, counts) == "United Kingdom"


def test_kwic_term_falls_back_to_content_words():
    no_actor = pd.DataFrame({"actor": pd.Series(dtype=object), "alias": pd.Series(dtype=object)})
    tf = pd.DataFrame({"term": ["grain", "prices", "grain"], "count": [2, 3, 2]})
    assert choose_kwic_term(no_actor, tf)[0] == "grain"  # 4 over two groups
    assert choose_kwic_term(no_actor, tf.iloc[:0])[0] is None


def test_ties_broken_by_mentions_then_name():
    counts = pd.DataFrame({"actor": ["B", "A", "C"], "n_mentions": [3, 3, 5]})
    assert top_actors(counts, 3) == ["C", "A", "B"]
    g = nx.Graph([("A", "B"), ("C", "D")])
    assert most_connected(g, counts) == "C"  # all degree 1: C has the most mentions
    assert most_connected(nx.Graph([("A", "B")]), counts) == "A"  # same degree and mentions


def test_narration_reads_zero_as_nothing_to_compare():
    sim = pd.DataFrame(
        {"a": ["x", "x"], "b": ["y", "z"], "cosine": [0.0, 0.0], "top_terms": ["", ""]}
    )
    text = ct.describe_similarity(sim)
    assert "most similar" not in text and "no similar pair" in text
    frames = pd.DataFrame(
        {
            "group": ["(missing)"] * 2,
            "frame": ["conflict", "economic"],
            "sentences_with_frame": [0, 0],
            "n_sentences": [8, 8],
            "sentence_share": [0.0, 0.0],
        }
    )
    assert ct.describe_frames(frames).startswith("No frame cue in any group")


def test_similarity_narration_names_the_cap():
    docs = [f"story {i} about grain talks item{i} and rail{i % 7}" for i in range(12)]
    c = ct.Corpus(pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(12)], "text": docs}))
    sim = ct.similarity(c, by="doc_id", top_k=2, all_pairs_up_to=5)
    text = ct.describe_similarity(sim)
    assert "the least similar is" not in text
    assert "of 66 pairs" in text and "Only nearest neighbours were kept" in text
    full = ct.describe_similarity(ct.similarity(c, by="doc_id"))
    assert "Across 66 pairs" in full and "the least similar is" in full
