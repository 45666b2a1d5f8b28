"""Figures on unseen real corpora (session 25 QA): the keyness figure counts every document."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

# outlet "lone" uses only words no other document has: with min_docs=2 none passes, so with
# top_n it gets no row at all (UCI headlines: 5 one-headline outlets, the title said 494 of 499)
_DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d", "e"],
        "outlet": ["big", "big", "big", "small", "lone"],
        "text": [
            "Troops fired rockets. Ministers met envoys. Talks resumed.",
            "Envoys met ministers. Troops left. Talks stalled.",
            "Talks resumed. Troops fired. Ministers left.",
            "Rockets fired. Rockets fired. Troops left.",
            "Zebras graze quietly.",
        ],
    }
)


def test_keyness_figure_counts_the_documents_of_groups_without_a_row() -> None:
    c = ct.Corpus(_DOCS.copy())
    key = ct.keyness(c, min_count=1, min_docs=2, top_n=3)
    assert sorted(key["group"].unique()) == ["big", "small"]
    assert key.attrs["n_docs"] == 5 and key.attrs["n_groups"] == 3
    fig = plots.plot_keyness(key, top_n=3)
    assert fig._suptitle.get_text() == (
        "Distinctive terms per group, each vs the rest (n = 5 documents)"
    )
    assert fig.texts[-1].get_text() == (
        "Source: corpus, n = 5 documents. Bar label = count of the term in the group.\n"
        "No row in the table: 1 group, 1 document (none of their terms passes the filters "
        "min_count / min_docs)."
    )
    # a table without those attrs (built by hand) keeps the old count, from its own rows
    bare = pd.DataFrame(key.to_dict("list"))
    fig2 = plots.plot_keyness(bare, top_n=3)
    assert "(n = 4 documents)" in fig2._suptitle.get_text()
    assert "No row" not in fig2.texts[-1].get_text()


def test_share_bars_follow_the_tables_order_when_given_the_group_sizes() -> None:
    # notebook 03: the bars were ordered by number of quotes, the table beside them by
    # documents per group (ct.largest_groups_first): one order with sizes=
    t = pd.DataFrame(
        {
            "group": ["wire", "wire", "daily", "blog", "blog", "blog"],
            "voice": ["official", "expert", "official", "official", "expert", "citizen"],
            "count": [2, 1, 9, 20, 5, 5],
        }
    )
    sizes = pd.Series({"wire": 40, "daily": 40, "blog": 3})  # documents per group
    by_quotes = plots.plot_share_bars(t, category="voice")
    labels = [x.get_text() for x in by_quotes.axes[0].get_yticklabels()]
    assert labels == ["blog (n = 30)", "daily (n = 9)", "wire (n = 3)"]
    by_docs = plots.plot_share_bars(t, category="voice", sizes=sizes, top_n=2)
    labels = [x.get_text() for x in by_docs.axes[0].get_yticklabels()]
    assert labels == ["daily (n = 9)", "wire (n = 3)"]  # 40 documents each: ties by name
    # the notebook's table: groupby rows (by name), largest groups first, ties kept by name
    table = t.groupby(["group", "voice"])["count"].sum().reset_index()
    table_order = ct.largest_groups_first(table, sizes)["group"].drop_duplicates().tolist()
    assert table_order == ["daily", "wire", "blog"]
    assert by_docs.axes[0].get_title() == "Share by group (n = 42; top 2 of 3 groups)"
    assert by_docs.texts[-1].get_text() == "Left out: 1 smaller group with n = 30."


def test_similarity_labels_leave_out_the_folder_every_id_is_in() -> None:
    # the BBC folder (684 files in plain.html/test/): every label read 'plain.html/test/a…'
    ids = [
        "plain.html/test/aR1cO9y5mVLaVrkykLwE6v2iIL-472.txt.plain",
        "plain.html/test/auI23M3Lz9Aoh0t8ny3ybdYaOshu-606.txt.plain",
        "plain.html/test/a0vKvcY8nmLv3D4gVq3gee8FmeS4-650.txt.plain",
    ]
    sim = pd.DataFrame({"a": [ids[0], ids[0], ids[1]], "b": [ids[1], ids[2], ids[2]]})
    sim["cosine"] = [0.99, 0.2, 0.1]
    fig = plots.plot_similarity(sim)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    # was 'plain.html/test/a…XXX-472.txt.plain': 17 characters of the 36 were the folder
    assert ticks == [
        "a0vKvcY8nmLv3D4gV…meS4-650.txt.plain",
        "aR1cO9y5mVLaVrkyk…2iIL-472.txt.plain",
        "auI23M3Lz9Aoh0t8n…Oshu-606.txt.plain",
    ]
    assert fig.texts[-1].get_text() == (
        "Source: corpus, n = 3 documents. Stopwords excluded. Grey: an item with itself. Labels "
        "leave out the folder every one is in: plain.html/test/"
    )


def test_lengths_note_does_not_call_a_one_word_document_unspaced() -> None:
    # HuffPost short descriptions '#ParksForParkland' (17 characters, 1 word) and
    # '"Chimichangaaaaaas!"' (20): "2 documents have over 15 characters per word, most likely
    # text written without spaces (Chinese, Japanese, Thai)" on an English corpus
    import matplotlib.pyplot as plt

    table = pd.DataFrame(
        {
            "doc_id": ["h1", "h2", "h3", "ja"],
            "outlet": ["huffingtonpost.com"] * 4,
            "n_words": [1, 1, 14, 63],
            "n_chars": [17, 20, 87, 1790],
        }
    )
    fig = plots.plot_doc_lengths(table)
    note = "\n".join(t.get_text() for t in fig.texts)
    assert "\n1 document has over 15 characters per word, most likely text written" in note
    fig2 = plots.plot_doc_lengths(table.iloc[:3])
    assert "characters per word" not in "\n".join(t.get_text() for t in fig2.texts)
    plt.close(fig)
    plt.close(fig2)


def test_tone_figure_of_one_group_has_no_legend() -> None:
    # 3 university news items in a folder (no outlet): a legend of one entry, '(missing)',
    # drawn in the middle of the axes
    import matplotlib.pyplot as plt

    s = pd.DataFrame(
        {
            "group": ["(missing)"] * 3,
            "target": ["European Union", "Iraq", "Malaysia"],
            "n_sentences": [1, 1, 1],
            "n_docs": [1, 1, 1],
            "mean_compound": [0.0, 0.0, -0.44],
            "ci_low": [None, None, None],
            "ci_high": [None, None, None],
        }
    )
    fig = plots.plot_target_sentiment(s)
    assert fig.axes[0].get_legend() is None
    two = pd.concat([s, s.assign(group="Koya University")], ignore_index=True)
    fig2 = plots.plot_target_sentiment(two)
    legend = fig2.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["(missing)", "Koya University"]
    plt.close(fig)
    plt.close(fig2)
