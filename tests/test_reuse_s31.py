"""text_reuse: page furniture shared by the pages of two outlets is not reuse (session 31).

Texts: Reuters pages of codelucas/newspaper's test data (tests/data/html, MIT), trimmed: two
ReutersIndia pages and two Reuters UK pages, each with the share bar 'Tweet this - Link this -
Share this - Digg this - Reprints' on lines of their own; the AirAsia reports of both editions
share a paragraph.
"""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools import reuse

BAR = "- Tweet this\n\n- Link this\n\n- Share this\n\n- Digg this\n\n- Reprints"
AIRASIA = (
    "Indonesia AirAsia is 49 percent owned by Malaysia-based budget carrier AirAsia.\n\n"
    "The AirAsia group, including affiliates in Thailand, the Philippines and India, had not "
    "suffered a crash since its Malaysian budget operations began in 2002."
)
SENSEX = (
    "MUMBAI (Reuters) - The BSE Sensex and Nifty ended flat on Tuesday as weaker regional "
    "shares offset optimism over additional reforms a day after the government passed an "
    "executive order to ease land-acquisition rules.\n\n(Reporting by Indulal PM; Editing by "
    "Sunil Nair)"
)
SEARCH = (
    "JAKARTA (Reuters) - Countries around Asia on Tuesday stepped up the search for an AirAsia "
    "plane carrying 162 people that is presumed to have crashed in shallow waters off the "
    "Indonesian coast, with Washington also sending a warship to help find the missing jet."
)
BODIES = (
    "SURABAYA, Indonesia/JAKARTA (Reuters) - Indonesian rescuers searching for an AirAsia plane "
    "carrying 162 people pulled bodies and wreckage from the sea off the coast of Borneo on "
    "Tuesday, prompting relatives of those on board watching TV footage to break down in tears."
)
EBOLA = (
    "LONDON (Reuters) - A healthcare worker has been diagnosed with Ebola a day after flying "
    "home to Glasgow from Sierra Leone, the Scottish government said on Monday."
)


def _corpus(texts: dict[str, tuple[str, str]]) -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": list(texts),
                "outlet": [o for o, _ in texts.values()],
                "text": [t for _, t in texts.values()],
            }
        )
    )


PAGES = {
    "in1": ("ReutersIndia", f"{SENSEX}\n\n{BAR}\n\nTrending On Reuters"),
    "in2": ("ReutersIndia", f"{SEARCH}\n\n{AIRASIA}\n\n{BAR}\n\nTrending On Reuters"),
    "uk1": ("Reuters_Co_Uk", f"{BODIES}\n\n{AIRASIA}\n\n{BAR}"),
    "uk2": ("Reuters_Co_Uk", f"{EBOLA}\n\n{BAR}"),
}


def test_a_share_bar_on_different_pages_of_both_outlets_is_not_reuse() -> None:
    r = ct.text_reuse(_corpus(PAGES))
    # before: also 3 rows of the share bar alone (in1-uk1, in1-uk2, in2-uk2); the bar after the
    # shared paragraph stays part of that passage (35 + 9 words)
    assert r[["doc_a", "doc_b", "n_words"]].values.tolist() == [["in2", "uk1", 44]]
    assert r["text_a"].iloc[0] == f"{AIRASIA}\n\n{BAR}"


def test_the_bar_stays_without_the_short_line_rule(monkeypatch) -> None:
    monkeypatch.setattr(reuse, "_SHORT_LINE", 0)  # no line is that short: nothing is furniture
    r = ct.text_reuse(_corpus(PAGES))
    assert r[["doc_a", "doc_b", "n_words"]].values.tolist() == [
        ["in2", "uk1", 44],
        ["in1", "uk1", 9],
        ["in1", "uk2", 9],
        ["in2", "uk2", 9],
    ]
    assert (r["text_a"] == BAR[2:]).sum() == 3


def test_versions_of_one_story_carried_by_both_outlets_stay_reuse() -> None:
    # both editions carry two versions of the AirAsia report: the shared paragraph is in two
    # documents of each outlet, yet it is prose, not a menu line, so every copy is reported
    pages = {
        "in1": ("ReutersIndia", f"{SEARCH}\n\n{AIRASIA}"),
        "in2": ("ReutersIndia", f"{BODIES}\n\n{AIRASIA}"),
        "uk1": ("Reuters_Co_Uk", f"{SEARCH}\n\n{AIRASIA}"),
        "uk2": ("Reuters_Co_Uk", f"{BODIES}\n\n{AIRASIA}"),
    }
    r = ct.text_reuse(_corpus(pages))
    assert r[["doc_a", "doc_b", "n_words"]].values.tolist() == [
        ["in1", "uk1", 78],
        ["in2", "uk2", 77],
        ["in1", "uk2", 35],
        ["in2", "uk1", 35],
    ]


def test_line_words_count_whole_lines() -> None:
    text = "Tweet this\n\n- Share this\n\nA long line of prose with many words in it."
    offsets = reuse._word_offsets(text)
    assert reuse._line_words(text, offsets.starts).tolist() == [2, 2, 2, 2] + [10] * 10
