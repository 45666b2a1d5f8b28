"""Session 38: the public functions of actors.py and cooccur.py given the wrong kind of
argument (a Corpus where a table is expected, tables swapped, a dict of graphs) raise a
CorpusValueError naming the argument and the call to write instead, not a TypeError deep
inside."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError

TEXTS = ["Russia and China met. Russia and China agreed. Iran waited.", "China and Iran met."]


@pytest.fixture(scope="module")
def small():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": TEXTS})
    c = ct.Corpus(docs)
    return c, ct.actor_mentions(c), ct.cooccurrence(c, min_count=1)


def test_actor_counts_of_a_corpus_names_the_fix(small):
    c, m, _ = small
    with pytest.raises(CorpusValueError) as e:
        ct.actor_counts(c)
    assert str(e.value) == (
        "actor_counts() expects the table of ct.actor_mentions(corpus) as mentions=, got a "
        "Corpus; call ct.actor_counts(ct.actor_mentions(corpus))."
    )
    with pytest.raises(CorpusValueError, match=r"the mentions= table lacks column\(s\) \['doc_id'"):
        ct.actor_counts(ct.cooccurrence(c))  # another table
    with pytest.raises(CorpusValueError, match=r"actor_counts\(\) needs a Corpus as corpus="):
        ct.actor_counts(m, c.docs, by="outlet")  # the docs table, not the corpus
    # the right call is unchanged
    assert ct.actor_counts(m).values.tolist() == [
        ["China", "country", 3, 2],
        ["Iran", "country", 2, 2],
        ["Russia", "country", 2, 1],
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c, m, co: ct.network(m, co),  # swapped
            r"network\(\): the cooc= table lacks column\(s\) \['actor_a', .*call "
            r"ct\.network\(ct\.cooccurrence\(corpus\), ct\.actor_mentions\(corpus\)\)\.",
        ),
        (
            lambda c, m, co: ct.network(co, c),
            r"network\(\) expects the table of ct\.actor_mentions\(corpus\) as mentions=, got a Corpus",
        ),
        (
            lambda c, m, co: ct.edge_evidence(c, co, "China", "Russia"),
            r"edge_evidence\(\) expects the table of ct\.cooccurrence\(corpus\) as cooc=, got a Corpus",
        ),
        (
            lambda c, m, co: ct.edge_evidence(co, m, "China", "Russia"),
            r"edge_evidence\(\) needs a Corpus as corpus=, got a pandas DataFrame",
        ),
        (
            lambda c, m, co: ct.cooccurrence(c, mentions=c),
            r"cooccurrence\(\) expects the table of ct\.actor_mentions\(corpus\) as mentions=, got a "
            r"Corpus; call ct\.cooccurrence\(corpus, mentions=ct\.actor_mentions\(corpus\)\)\.",
        ),
        (
            lambda c, m, co: ct.cooccurrence(c, mentions=m.drop(columns="sent_id")),
            r"the mentions= table lacks column\(s\) \['sent_id'\]",
        ),
        (
            lambda c, m, co: ct.group_networks(c, mentions=co),
            r"group_networks\(\): the mentions= table lacks column\(s\)",
        ),
        (
            lambda c, m, co: ct.compare_networks(c, mentions=c),
            r"compare_networks\(\) expects the table of ct\.actor_mentions\(corpus\) as mentions=",
        ),
        (
            lambda c, m, co: ct.network_layout(ct.group_networks(c, min_count=1)),
            r"network_layout\(\) expects a networkx graph .* as graphs=, got a dict; call "
            r"ct\.network_layout\(ct\.group_networks\(corpus\)\.values\(\)\)\.",
        ),
        (
            lambda c, m, co: ct.network_layout([co]),
            r"network_layout\(\) expects a networkx graph .* got a DataFrame",
        ),
        (
            lambda c, m, co: ct.write_network(co, "x.graphml"),
            r"write_network\(\) expects a networkx graph .* as g=, got a DataFrame",
        ),
        (
            lambda c, m, co: ct.network_overlap(co),
            r"network_overlap\(\): the comparison= table lacks column\(s\) \['group', 'present'\]",
        ),
        (
            lambda c, m, co: ct.mentions_in_text(c),
            r"mentions_in_text\(\) takes one text \(a str\) as text=, got a Corpus; for a corpus "
            r"call ct\.actor_mentions\(corpus\)\.",
        ),
        (
            lambda c, m, co: ct.canonical_actor(c.docs["text"]),
            r"canonical_actor\(\) takes one name \(a str\) as name=, got a Series; for a column "
            r"call column\.map\(ct\.canonical_actor\)",
        ),
        (
            lambda c, m, co: ct.actor_mentions(c.docs),
            r"actor_mentions\(\) needs a Corpus as corpus=, got a pandas DataFrame",
        ),
    ],
)
def test_wrong_argument_names_the_argument_and_the_fix(small, call, message, tmp_path):
    c, m, co = small
    with pytest.raises(CorpusValueError, match=message):
        call(c, m, co)
    assert not (tmp_path / "x.graphml").exists()


def test_right_calls_still_work(small):
    c, m, co = small
    g = ct.network(co, m, min_count=1)
    assert sorted(g.edges) == [("China", "Russia")]  # China-Iran: npmi < 0, no edge
    graphs = ct.group_networks(c, min_count=1)
    assert ct.network_layout(graphs.values())["actor"].tolist() == ["China", "Iran", "Russia"]
    assert ct.network_layout(g)["actor"].tolist() == ["China", "Iran", "Russia"]
    assert ct.canonical_actor(float("nan")) is None  # a missing speaker stays None
    assert ct.edge_evidence(co, c, "China", "Russia")["text"].tolist() == [
        "Russia and China met.",
        "Russia and China agreed.",
    ]
