"""The network figures' note on actors without a tie names the rule that kept no tie.

A pair can share windows (the heatmap shows its count) and still have no tie in
:func:`corpus_tools.network`, which keeps ties with a positive association score only.
"""

import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

# Russia and China share 2 of 6 sentences but each is in 4: NPMI < 0, so no tie
TEXT = (
    "Russia and China met. Russia and China agreed. Russia spoke. Russia waited. "
    "China spoke. China waited."
)
NOTE = (
    "No tie with a positive association score and min_count shared windows to a drawn "
    "actor (not drawn): China, Russia."
)


def _graph():
    corpus = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [TEXT]}))
    mentions = ct.actor_mentions(corpus)
    cooc = ct.cooccurrence(corpus, mentions=mentions)
    return cooc, ct.network(cooc, mentions)


def test_pair_with_shared_windows_but_negative_score_has_no_tie():
    cooc, g = _graph()
    row = cooc.iloc[0]
    assert (row["actor_a"], row["actor_b"], int(row["count"])) == ("China", "Russia", 2)
    assert round(float(row["score"]), 4) == -0.2619
    assert sorted(g.nodes) == ["China", "Russia"] and g.number_of_edges() == 0


def test_static_note_says_ties_need_a_positive_score():
    _, g = _graph()
    label = plots.plot_network(g).axes[0].get_xlabel().replace("\n", " ")
    assert label.endswith(NOTE)
    assert "No tie to a drawn actor" not in label


def test_interactive_note_says_ties_need_a_positive_score():
    _, g = _graph()
    texts = [a.text for a in plots.plot_network_interactive(g).layout.annotations]
    assert NOTE in texts


def test_interactive_note_tells_ties_cut_by_max_edges_apart():
    import networkx as nx

    g = nx.Graph()
    for name, n in [("A", 9), ("B", 8), ("C", 7), ("D", 6), ("E", 2)]:
        g.add_node(name, mentions=n, n_docs=1, type="country")
    for a, b, n in [("A", "B", 5), ("C", "D", 4)]:
        g.add_edge(a, b, count=n, score=0.5, measure="npmi", evidence=[])
    texts = [a.text for a in plots.plot_network_interactive(g, max_edges=1).layout.annotations]
    # the note is wrapped at 130 characters (d1e1611): "<br>" where a line breaks
    assert [t.replace("<br>", " ") for t in texts] == [
        "No tie with a positive association score and min_count shared windows to a drawn "
        "actor (not drawn): E. Ties only beyond the 1 drawn, which have the highest counts "
        "(not drawn): C, D."
    ]  # C and D have a tie: it is not among the max_edges drawn
    assert texts[0].count("<br>") == 1
    texts = [a.text for a in plots.plot_network_interactive(g).layout.annotations]
    assert texts[-1].endswith("(not drawn): E.") and "beyond" not in texts[-1]
