"""write_network writes a graph file whole or not at all (session 28)."""

from __future__ import annotations

import networkx as nx
import pytest

import corpus_tools.cooccur as cooccur


def _graph() -> nx.Graph:
    g = nx.Graph()
    g.add_edge("Russia", "China", weight=3, evidence=["d1:0:0-10", "d2:0:5-20"])
    return g


def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(tmp_path, monkeypatch):
    out = tmp_path / "net.graphml"
    out.write_text("old graph")

    def broken(h, fh):
        fh.write(b"<graphml half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(nx, "write_graphml", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        cooccur.write_network(_graph(), out, overwrite=True)
    assert out.read_text() == "old graph"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["net.graphml"]


def test_a_symlink_is_replaced_not_written_through(tmp_path):
    target = tmp_path / "keep.txt"
    target.write_text("user file")
    link = tmp_path / "net.gexf"
    link.symlink_to(target)
    cooccur.write_network(_graph(), link, overwrite=True)
    assert target.read_text() == "user file"
    assert not link.is_symlink()
    back = nx.read_gexf(link)
    assert sorted(back.nodes) == ["China", "Russia"]
    assert back.edges["Russia", "China"]["evidence"] == "d1:0:0-10; d2:0:5-20"


def test_graphml_round_trip(tmp_path):
    out = cooccur.write_network(_graph(), tmp_path / "n.graphml")
    back = nx.read_graphml(out)
    assert back.edges["Russia", "China"]["weight"] == 3
