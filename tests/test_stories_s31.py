"""stories(): two shared terms that are one phrase of both headlines ('sneak peek') are one
piece of evidence, not two (session 31). Headlines: UCI News Aggregator, 10-12 March 2014
(Gasparetti 2017, CC BY 4.0), the development half of a split by story."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct

HEADLINES = [
    # the finale of The Bachelor (one story)
    ("ABC News", "'The Bachelor' Finale Sneak Peek: Who Will Juan Pablo Choose?"),
    ("NBC Bay Area", "Bachelor Finale: Juan Pablo Makes His Decision"),
    ("Stevenspointjournal", "'Bachelor' Juan Pablo makes his final decision"),
    ("Just Jared", "Who Won 'The Bachelor' 2014? Did Juan Pablo Choose Clare or Nikki?!"),
    # Divergent's promotion (another story)
    ("Moviefone", "'Divergent' Unscripted Sneak Peek: A New Faction for Shailene (VIDEO)"),
    ("MTV.com", "'Divergent' Costume Designer Reveals Faction Wardrobe Sketches"),
    ("Latino Post", "'Divergent' Actors Shailene Woodley and Theo James to Show Exclusive Film"),
    # Miley Cyrus on stage (a third): a copied phrase of four terms is evidence
    ("Yahoo!7 News", "Miley Cyrus performs in her underwear"),
    ("Zimbio", "Miley Cyrus Performs in Her Underwear, No One Notices"),
    ("Us Magazine", "Miley Cyrus Performs in Her Underwear After Missing Costume Change"),
]


def _stories() -> dict[str, str]:
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [f"h{k}" for k in range(len(HEADLINES))],
                "outlet": [o for o, _ in HEADLINES],
                "published": "2014-03-11",
                "text": [t for _, t in HEADLINES],
            }
        )
    )
    st = ct.stories(c)
    return dict(zip(st.table["doc_id"], st.table["story_id"], strict=True))


def test_a_shared_two_word_phrase_alone_links_no_two_events() -> None:
    s = _stories()
    # before: 'sneak peek' (two terms) linked the Bachelor finale to Divergent's clip
    assert s["h0"] != s["h4"]
    assert s["h0"] == s["h1"] == s["h2"] == s["h3"]
    assert s["h4"] not in {s["h5"], s["h6"], s["h0"]}  # (the other two share one term with it)


def test_copied_headlines_sharing_a_longer_phrase_stay_one_story() -> None:
    s = _stories()
    assert s["h7"] == s["h8"] == s["h9"]
    assert len({s["h0"], s["h4"], s["h7"]}) == 3


def test_the_phrase_check_follows_word_order_and_stopwords() -> None:
    from corpus_tools.stories import _content_sequence

    vocab = {"things": 0, "learned": 1, "cosmos": 2}
    stop = frozenset({"we", "from", "the"})
    # 'we' is skipped, the number and the unknown word are breaks
    assert _content_sequence("Seven things we learned from 'Cosmos'", vocab, stop) == [
        -1,
        0,
        1,
        2,
    ]
    assert _content_sequence("7 things, 4 learned", vocab, stop) == [-1, 0, -1, 1]
