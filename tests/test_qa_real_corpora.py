"""Problems found by running the package as a new user on real corpora.

Each test is the smallest reproduction of a problem seen on real data
(BBC News texts, real headlines from hundreds of outlets, real HTML pages);
the corpora and the runs are described in tests/data/qa/README.md.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import io  # noqa: E402
import warnings  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools import plots  # noqa: E402
from corpus_tools.plots._base import PLACEHOLDER, plot_label  # noqa: E402

# Outlet names of a real multilingual headline table: DejaVu Sans (the
# notebooks' font) draws none of the CJK ones.
CJK_OUTLETS = ["人民日报", "环球时报", "日本経済新聞", "朝日新聞社説"]


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _render(fig) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")


# ------------------------------------------------------------------ labels
def test_undrawable_names_keep_apart():
    """Two outlets of four CJK characters were both drawn as four white squares."""
    labels = [plot_label(o) for o in CJK_OUTLETS]
    assert len(set(labels)) == len(CJK_OUTLETS)
    assert labels[0] == PLACEHOLDER * 4 + " #" + plots.label_tag("人民日报")
    assert labels[0] != labels[1]  # same length, both unreadable: the tag tells them apart
    # the tag finds the row in the table behind the figure
    table = pd.DataFrame({"outlet": CJK_OUTLETS, "n": [1, 2, 3, 4]})
    tag = labels[2].rsplit("#", 1)[1]
    assert table[table["outlet"].map(plots.label_tag) == tag]["outlet"].tolist() == ["日本経済新聞"]


def test_readable_labels_get_no_tag():
    assert plot_label("新华社 Xinhua") == PLACEHOLDER * 3 + " Xinhua"
    assert plot_label("Газета.Ru") == "Газета.Ru"  # DejaVu draws Cyrillic
    assert plot_label("Outlet 082") == "Outlet 082"


def test_doc_lengths_rows_distinct_for_cjk_outlets():
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(8)],
            "outlet": [o for o in CJK_OUTLETS for _ in range(2)],
            "n_words": [5, 7, 6, 9, 8, 4, 10, 11],
        }
    )
    fig = plots.plot_doc_lengths(docs)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(ticks) == 4 and len(set(ticks)) == 4
    _render(fig)


# ------------------------------------------------------------------ colours
def _tone_summary(n_groups: int) -> pd.DataFrame:
    rows = []
    for i in range(n_groups):
        n = 20 - i // 17 if i % 17 == 0 else 1  # the largest groups are 17 apart in name order
        rows.append((f"Outlet {i:03d}", "United States", 0.1, None, None, n, 1))
    return pd.DataFrame(
        rows,
        columns=["group", "target", "mean_compound", "ci_low", "ci_high", "n_sentences", "n_docs"],
    )


def test_target_sentiment_legend_colours_distinct_with_many_outlets():
    """312 outlets, 8 drawn: two of the eight shared one blue in the legend."""
    fig = plots.plot_target_sentiment(_tone_summary(312), top_n=8)
    handles, labels = fig.axes[0].get_legend_handles_labels()
    assert len(labels) == 8
    corpus_wide = plots.outlet_colors(f"Outlet {i:03d}" for i in range(312))
    assert len({corpus_wide[g] for g in labels}) == 1  # what the figure used to draw
    colours = [to_hex(h.get_color()) for h in handles]
    assert len(set(colours)) == 8
    _render(fig)


def test_target_sentiment_few_outlets_keep_fixed_colours():
    fig = plots.plot_target_sentiment(_tone_summary(5), top_n=8)
    handles, labels = fig.axes[0].get_legend_handles_labels()
    fixed = plots.outlet_colors(labels)
    assert [to_hex(h.get_color()) for h in handles] == [fixed[g].lower() for g in labels]


def test_cleaning_legend_colours_distinct_with_many_outlets():
    summary = pd.DataFrame(
        {
            "doc_id": [f"doc{i:03d}" for i in range(300)],
            "outlet": [f"Outlet {i:03d}" for i in range(300)],
            "chrome_share": [0.9 - i / 1000 if i % 17 == 0 else 0.01 for i in range(300)],
        }
    )
    fig = plots.plot_cleaning(summary, top=12)
    legend = fig.axes[0].get_legend()
    colours = [to_hex(p.get_facecolor()) for p in legend.get_patches()]
    assert len(colours) == 12 and len(set(colours)) == 12
    _render(fig)


def test_bidi_override_in_a_name_is_not_drawn_reversed():
    """An outlet named '\\u202eevil\\u202c Times' was drawn as 'live Times' in the keyness panels."""
    assert plot_label("\u202eevil\u202c Times") == "?evil? Times"
    assert plot_label("a\u2067b\u2069c\u200fd") == "a?b?c?d"
    assert plot_label("الجزيرة") == "الجزيرة"  # right-to-left letters themselves stay


def test_keyness_panel_colours_distinct_with_many_outlets():
    """12 of 312 outlets drawn: panels shared colours (Okabe-Ito repeats after 17)."""
    rows = []
    for i in range(312):
        n_docs = 40 - i // 17 if i % 17 == 0 else 2
        for k in range(3):
            rows.append((f"Outlet {i:03d}", f"term{k}", 3 - k, 3.0 - k, n_docs))
    table = pd.DataFrame(rows, columns=["group", "term", "count", "z", "n_docs_group"])
    fig = plots.plot_keyness(table, top_n=3, top_groups=12)
    colours = {
        to_hex(ax.patches[0].get_facecolor()) for ax in fig.axes if ax.patches and ax.get_title()
    }
    assert len(colours) == 12
    _render(fig)


# ------------------------------------------------------------------ misuse and empty results
@pytest.fixture(scope="module")
def no_quotes():
    """Three short documents without a quotation, an actor or a date (one in Chinese)."""
    return ct.load_corpus(
        pd.DataFrame(
            {
                "text": [
                    "Cats and dogs\n\nThe cat sat on the mat. It was warm in the sun.",
                    "Weather today\n\nRain fell on the hills. The rivers rose slowly.",
                    "中国外交部发言人表示\n\n中方愿与各方保持沟通。",
                ],
                "outlet": ["A", "B", "C"],
            }
        )
    )


def test_cue_rates_of_a_corpus_without_quotes(no_quotes):
    """cue_rates raised "'group' is both an index level and a column label" on zero quotes."""
    q = ct.quotes(no_quotes)
    assert q.empty
    rates = ct.cue_rates(q, no_quotes)
    assert rates.columns.tolist() == ["group", "cue_class", "count", "n_quotes", "share"]
    assert rates.empty and str(rates["count"].dtype) == "int64"
    with pytest.raises(ct.CorpusValueError, match="nope"):
        ct.cue_rates(q, no_quotes, by="nope")


@pytest.mark.filterwarnings("ignore::corpus_tools.CorpusToolsWarning")  # two documents: rough
def test_target_sentiment_bad_n_boot_and_one_target_as_string(no_quotes):
    with pytest.raises(ct.CorpusValueError, match="n_boot=0"):
        ct.target_sentiment(no_quotes, ["Russia"], n_boot=0)
    with pytest.raises(ct.CorpusValueError, match="n_boot"):
        ct.cluster_bootstrap([[0.1], [0.2]], n_boot=-1)
    c = ct.load_corpus(
        pd.DataFrame({"text": ["Russia blamed the West.", "Russia praised talks."], "outlet": "X"})
    )
    as_str = ct.target_sentiment(c, "Russia")
    assert as_str.summary["target"].tolist() == ["Russia"]  # was: no row (six one-letter targets)
    assert as_str.sentences.equals(ct.target_sentiment(c, ["Russia"]).sentences)


def test_frame_coding_sample_rejects_a_misspelt_frame(no_quotes):
    hits = ct.frames(no_quotes)
    with pytest.raises(ct.CorpusValueError, match="conflcit.*conflict"):
        ct.frame_coding_sample(hits, no_quotes, "conflcit")
    assert len(ct.frame_coding_sample(hits, no_quotes, "conflict", n=3)) == 3


def test_evidence_view_missing_column_is_a_plain_error():
    with pytest.raises(ct.CorpusValueError, match="pass text="):
        ct.evidence_view(pd.DataFrame())


def test_html_views_do_not_let_a_bidi_override_reorder_the_page():
    """An unclosed right-to-left override in an article displayed the rest of a cell reversed."""
    text = "Headline\n\nThe minister \u202esaid the talks failed on Monday. Another one said more."
    c = ct.load_corpus(pd.DataFrame({"text": [text], "outlet": ["\u2067X\u2069"]}))
    views = [
        ct.kwic_view(ct.kwic(c, "said")),
        ct.cleaning_view(c, c.doc_ids[0]),
        ct.evidence_view(c.sentences(), text="text", columns=["doc_id"]),
    ]
    for v in views:
        page = v._repr_html_()
        assert "said" in page
        assert not any(
            ch in page for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        )
    assert "?said the talks" in ct.cleaning_view(c, c.doc_ids[0])._repr_html_()


def test_share_bars_legend_lists_only_drawn_categories():
    """95 groups, 15 drawn: the legend listed 'official (Chad)' and four more never drawn."""
    rows = [("Big A", "other", 5), ("Big A", "unattributed", 3), ("Big B", "citizen", 6)]
    rows += [(f"Small {i}", f"official (Country {i})", 1) for i in range(6)]
    counts = pd.DataFrame(rows, columns=["group", "voice", "n"])
    fig = plots.plot_share_bars(counts, category="voice", count="n", top_n=2)
    _, labels = fig.axes[0].get_legend_handles_labels()
    assert sorted(labels) == ["citizen", "other", "unattributed"]
    _render(fig)


def test_small_multiples_draw_no_empty_panels():
    """312 outlets, none with a tie of its own: nine empty framed panels were drawn."""
    import networkx as nx

    lonely = {}
    for i in range(12):
        g = nx.Graph()
        g.add_node(f"Actor {i}", mentions=3, n_docs=1, type="country")
        lonely[f"Outlet {i:03d}"] = g
    layout = pd.DataFrame([("Actor 0", 0.0, 0.0)], columns=["actor", "x", "y"])
    fig = plots.plot_network_small_multiples(lonely, layout)
    texts = " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    assert "No group has a tie" in texts and "(12 groups)" in texts
    assert len(fig.axes) == 1
    _render(fig)
    tied = nx.Graph()
    tied.add_edge("Actor 0", "Actor 1", count=2, score=0.5)
    for n in tied.nodes:
        tied.nodes[n].update(mentions=2, n_docs=1, type="country")
    layout2 = pd.DataFrame(
        [("Actor 0", 0.0, 0.0), ("Actor 1", 1.0, 0.0)], columns=["actor", "x", "y"]
    )
    fig = plots.plot_network_small_multiples({**lonely, "Tied": tied}, layout2)
    titled = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titled == ["Tied: 2 actors, 1 tie"]
    texts = " ".join(t.get_text().replace("\n", " ") for t in fig.findobj(matplotlib.text.Text))
    assert "12 group(s) without a tie have no panel" in texts
    _render(fig)


def test_reuse_share_draws_no_zero_bars():
    """3,000 headlines, 16 with a shared passage: 14 of the 30 rows drawn were '0/9'."""
    summary = pd.DataFrame(
        {
            "doc_id": [f"d{i:04d}" for i in range(3000)],
            "group": [f"Outlet {i % 312:03d}" for i in range(3000)],
            "n_words": 9,
            "reused_words": [8 if i < 16 else 0 for i in range(3000)],
            "reused_share": [8 / 9 if i < 16 else 0.0 for i in range(3000)],
        }
    )
    fig = plots.plot_reuse_share(summary)
    ax = fig.axes[0]
    assert len(ax.patches) == 16
    assert "(n = 3,000 documents; 16 documents with a shared passage)" in ax.get_title()
    texts = " ".join(t.get_text() for t in fig.texts)
    assert "2,984 documents share no passage" in texts
    _render(fig)
    none = plots.plot_reuse_share(summary.assign(reused_words=0, reused_share=0.0))
    assert "No passage is shared" in " ".join(t.get_text() for t in none.axes[0].texts)


# ------------------------------------------------------------------ linear quote extraction
def _scanned_chars(monkeypatch, text: str) -> tuple[int, list[dict]]:
    """Characters tokenised by word_spans while extracting the quotes of ``text``."""
    from corpus_tools.quotes import cues, extract, headlines, phrases, speakers
    from corpus_tools.tokenize import split_sentences

    seen = [0]
    real = phrases.word_spans

    def counting(t: str, start: int, end: int):
        seen[0] += max(0, end - start)
        return real(t, start, end)

    for mod in (phrases, cues, extract, headlines, speakers):
        monkeypatch.setattr(mod, "word_spans", counting)
    sents = [(i, p, s, e) for i, (p, s, e) in enumerate(split_sentences(text))]
    rows = extract.doc_quotes(text, sents)
    return seen[0], rows


@pytest.mark.parametrize("unit", ['He said "yes and ', "«“‘„‹ "])
def test_quotes_scan_is_linear_in_a_sentence_without_full_stops(monkeypatch, unit):
    """A page without full stops is one 'sentence'; each of its thousands of quote marks
    rescanned the whole of it (4,000 repeats: over 100 s, was 15 s for 1,000)."""
    small, rows_small = _scanned_chars(monkeypatch, "Title\n\n" + unit * 500)
    big, rows_big = _scanned_chars(monkeypatch, "Title\n\n" + unit * 2000)
    assert len(rows_big) == 4 * len(rows_small) > 0  # the same quotes, four times over
    assert big <= 5 * small  # linear (it was 16x: quadratic)


def test_long_sentences_are_read_in_bounded_pieces():
    from corpus_tools.quotes.extract import MAX_SENTENCE_CHARS, _bounded

    text = "word " * 2000  # 10,000 characters, one sentence
    pieces = _bounded(text, [(0, len(text), 7, 0)])
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(e - s <= MAX_SENTENCE_CHARS and (i, p) == (7, 0) for s, e, i, p in pieces)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))  # no gap
    assert all(text[s - 1] == " " for s, _, _, _ in pieces[1:])  # cut after a space
    short = [(0, 120, 0, 0), (121, 300, 1, 0)]
    assert _bounded(text, short) == short  # real sentences are untouched


# ------------------------------------------------------------------ linear stance triples
def _triples_work(monkeypatch, text: str) -> tuple[int, pd.DataFrame]:
    """Characters tokenised by word_spans plus evidence characters scored, for ``text``."""
    from corpus_tools.quotes import cues, phrases

    seen = [0]
    real = phrases.word_spans

    def counting(t: str, start: int, end: int):
        seen[0] += max(0, end - start)
        return real(t, start, end)

    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    q = ct.quotes(c)
    for mod in (phrases, cues):
        monkeypatch.setattr(mod, "word_spans", counting)
    rows = ct.stance_triples(c, quotes_table=q)
    return seen[0] + int(rows["evidence"].str.len().sum()), rows


@pytest.mark.parametrize("unit", ['He said "yes and ', "Moscow blamed Washington for it, "])
def test_stance_triples_work_is_linear_in_a_sentence_without_full_stops(monkeypatch, unit):
    """Each speech-act cue of a page without full stops looked back to the start of the
    page for its speaker and took the rest of the page as its content (4x the text: 13x
    the CPU); sentences are now read in the same bounded pieces as quotes()."""
    small, rows_small = _triples_work(monkeypatch, "Title\n\n" + unit * 500)
    big, rows_big = _triples_work(monkeypatch, "Title\n\n" + unit * 2000)
    assert len(rows_big) <= 5 * len(rows_small)
    assert big <= 5 * small  # linear (it was 13x: quadratic)
    if "Moscow" in unit:  # the clauses still give their claims (but where a piece is cut)
        assert 490 <= len(rows_small) <= 500 and set(rows_small["target"]) == {"United States"}
        assert rows_small["evidence"].str.len().max() < 2000  # not the rest of the page
