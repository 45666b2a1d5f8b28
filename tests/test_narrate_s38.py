"""describe_stories: the stories line of notebook 02, moved into the library."""

import pandas as pd

import corpus_tools as ct


def test_describe_stories_on_a_stories_result():
    texts = [
        "Israel and Hamas agreed a four-day truce in Gaza on Wednesday, Qatar said.",
        "Qatar said Israel and Hamas agreed a four-day truce in Gaza on Wednesday.",
        "The central bank raised interest rates by half a point to fight inflation.",
    ]
    c = ct.load_corpus(
        pd.DataFrame({"text": texts, "outlet": ["A", "B", "C"], "date": ["2023-11-22"] * 3})
    )
    st = ct.stories(c, window_days=3)
    assert ct.describe_stories(st) == ct.describe_stories(st.table)
    assert ct.describe_stories(st) == (
        "3 documents form 2 stories; 1 has two or more documents, the largest has 2."
    )
    assert ct.describe_stories(st, n_docs=3).startswith("3 documents form 2 stories")


def test_describe_stories_empty_table():
    empty = pd.DataFrame({"story_id": pd.Series(dtype=object), "n_docs": pd.Series(dtype="int64")})
    assert ct.describe_stories(empty) == "0 documents: no story was formed."
