"""Session 26 QA of the figures on corpora the package had never seen."""

from __future__ import annotations

import networkx as nx

from corpus_tools import plots


def _headline_graph() -> nx.Graph:
    """35 actors in ties and 32 without one, as on 3,000 cybersecurity headlines.

    The isolated actors are mentioned more often than the least mentioned tied ones, so a
    cap by mentions alone gave them places in the drawing they are never drawn in.
    """
    g = nx.Graph()
    for i in range(35):
        g.add_node(f"T{i:02d}", mentions=100 - 2 * i, n_docs=1, type="country")
    for i in range(32):
        g.add_node(f"I{i:02d}", mentions=60 - i, n_docs=1, type="country")
    for i in range(34):
        g.add_edge(f"T{i:02d}", f"T{i + 1:02d}", count=2, score=0.5, measure="npmi", evidence=[])
    return g


def test_network_cap_gives_its_places_to_actors_with_a_tie() -> None:
    g = _headline_graph()
    # before: 'top 60 of 67 actors, 32 of 34 ties' over a drawing of 33 actors (the top 60
    # by mentions held 27 actors without a tie and left out 2 tied ones, and their ties)
    fig = plots.plot_network_interactive(g, top_n=60)
    edges = [tr for tr in fig.data if tr.mode == "lines"]
    assert len(edges) == 34
    assert fig.layout.title.text == (
        "Actor network: 35 of 67 actors drawn, all 34 ties (hover for evidence)"
    )
    static = plots.plot_network(g, top_n=40)
    title = static.axes[0].get_title()
    assert title.startswith("Actor network: 35 of 67 actors drawn, all 34 ties")
    n_nodes = sum(len(c.get_offsets()) for c in static.axes[0].collections)
    assert n_nodes == 35


def test_uncapped_network_title_unchanged() -> None:
    # the seeds: 20 actors, one without a tie (named under the figure), no cap
    g = _headline_graph().subgraph([f"T{i:02d}" for i in range(10)] + ["I00"]).copy()
    fig = plots.plot_network_interactive(g)
    assert fig.layout.title.text == "Actor network: 11 actors, 9 ties (hover for evidence)"


def test_frame_heatmap_note_has_no_second_bracket() -> None:
    # 3,000 cybersecurity headlines: 'Left out: 443 groups with fewer sentences and 100 groups
    # with no cue sentence (1 to 9 sentences each) (all are in the table).'
    import matplotlib.pyplot as plt
    import pandas as pd

    rows = []
    for i in range(4):
        rows += [(f"Big{i}", "economic", 3, 20), (f"Big{i}", "conflict", 1, 20)]
    for i in range(6):
        rows += [(f"None{i}", "economic", 0, 1 + i % 2), (f"None{i}", "conflict", 0, 1 + i % 2)]
    t = pd.DataFrame(rows, columns=["group", "frame", "sentences_with_frame", "n_sentences"])
    t["sentence_share"] = t["sentences_with_frame"] / t["n_sentences"]
    fig = plots.plot_frame_heatmap(t, top_n=3)
    note = "\n".join(x.get_text() for x in fig.texts).replace("\n", " ")
    assert note.endswith(
        "6 groups with no cue sentence (1 to 2 sentences each). All are in the whole table, "
        "corpus_tools.frame_summary(); a page prints only its first rows."
    )
    plt.close(fig)
