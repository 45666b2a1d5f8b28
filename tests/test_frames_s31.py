"""frames: 'war' in a market metaphor (price war, console war, war of words) is no security
frame (session 31: UCI News Aggregator headlines, March 2014, CC BY 4.0, development half)."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct

HEADLINES = [
    "Softbank boss promises 'massive price war' if he can buy T-Mobile US",
    "Softbank CEO promises “massive pricing war” with T-Mobile merger",
    "Xbox One makes hot debut as console war revs up",
    "War of Words? Miley Cyrus and Katy Perry's Twitter Feud",
    "Libyan rebels warn of war if government attacks oil ports",
]


def test_market_wars_are_no_security_frame() -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": [f"h{k}" for k in range(5)], "text": HEADLINES}))
    f = ct.frames(c)
    sec = f[f["frame"] == "security_defense"]
    # before: all five had a security_defense row from 'war'
    assert sorted(sec["doc_id"]) == ["h4", "h4"]  # 'war' and 'attacks'
    assert f[f["doc_id"] == "h3"]["frame"].tolist() == ["conflict", "conflict"]  # words, feud
