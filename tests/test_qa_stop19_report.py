"""QA of the report on real corpora it had not seen (session 19, H6).

Corpora behind these findings (kept outside the repository): the NewsAPI sample of the
Babel Briefings headlines (120 headlines, 30 languages, 110 outlets), newspaper3k's 157
test pages (Arabic, Chinese, Japanese, Thai, Spanish, German and English news sites), and
the FakeNewsCorpus crawler sample (250 rows, 29 domains). The tests rebuild each problem
in a few lines.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from notebook_cells import code, md, new_notebook, parameters_cell, setup_cell, write

from corpus_tools import report

HEADLINES = [
    {
        "id": "a1",
        "source": "Outlet A",
        "text": "Ministers met in Doha on Monday to discuss the ceasefire.",
    },
    {
        "id": "b1",
        "source": "Outlet B",
        "text": "Talks on the ceasefire resumed in Doha, officials said.",
    },
    {"id": "b2", "source": "Outlet B", "text": "A second round of talks is planned for next week."},
]


def _report_notebook(path: Path) -> Path:
    """A small curated-style notebook: the shared load, a seeds-only note, one count."""
    return write(
        new_notebook(
            [
                setup_cell(),
                parameters_cell(
                    CORPUS='"../seeds"  # corpus',
                    SNAPSHOT="None  # set by the report",
                    DETAIL_DOCS="5000  # detail analyses",
                ),
                md("# Saved copy"),
                code(
                    "corpus = ct.load_corpus(CORPUS) if SNAPSHOT is None else ct.load_snapshot(SNAPSHOT)\n"
                    "print(len(corpus), sorted(corpus.docs['outlet']))"
                ),
                md("On the seeds the five articles are about Doha.", tags=["seeds-only"]),
            ]
        ),
        path,
    )


def test_saved_notebook_runs_again_without_the_temporary_snapshot_and_without_seed_notes(
    tmp_path: Path,
) -> None:
    """The index says: open the executed notebooks and re-run. Their SNAPSHOT pointed to the
    report's temporary pickle, deleted when the run ended, so the first cell that loads the
    corpus failed; and the copy kept the prose about the seed articles that the page hides."""
    from nbclient import NotebookClient

    data = tmp_path / "data" / "headlines.jsonl"
    data.parent.mkdir()
    data.write_text("".join(json.dumps(r) + "\n" for r in HEADLINES), encoding="utf-8")
    nb = _report_notebook(tmp_path / "nbs" / "01_saved.ipynb")
    out = tmp_path / "out"
    assert report.run_report(str(data), str(out), notebooks=[str(nb)], progress=False) == 0

    saved_path = out / "notebooks" / "01_saved.ipynb"
    saved = nbformat.read(str(saved_path), 4)
    assert saved.cells[-1].outputs[0]["text"] == "3 ['Outlet A', 'Outlet B', 'Outlet B']\n"
    assert not any("On the seeds" in c.source for c in saved.cells)
    injected = next(c for c in saved.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert "corpus-tools-report-" not in injected.source
    assert saved.metadata["papermill"]["parameters"]["SNAPSHOT"] is None

    # run again as a user would, in its own folder, after the report has finished
    rerun = nbformat.read(str(saved_path), 4)
    NotebookClient(
        rerun, timeout=300, resources={"metadata": {"path": str(saved_path.parent)}}
    ).execute()
    assert rerun.cells[-1].outputs[0]["text"] == "3 ['Outlet A', 'Outlet B', 'Outlet B']\n"

    index = (out / "index.html").read_text(encoding="utf-8")
    assert "loads the corpus" in index and "snapshot was temporary" in index


def test_saved_notebook_names_the_load_options_the_report_used() -> None:
    params = code('CORPUS = "/data/h.csv"\nDETAIL_DOCS = 5000\nSNAPSHOT = "/tmp/r/corpus.pickle"')
    params.metadata["tags"] = ["injected-parameters"]
    nb = new_notebook([params, md("On the seeds ...", tags=["seeds-only"])])
    options = {"text_column": "title", "date_format": "%d/%m/%Y"}
    saved = report.saved_notebook(nb, seeds=False, load_options=options)
    assert saved.cells[0].source.splitlines() == [
        'CORPUS = "/data/h.csv"',
        "DETAIL_DOCS = 5000",
        "SNAPSHOT = None  # the report's snapshot was temporary: running this notebook loads CORPUS",
        "# corpus-tools report loaded CORPUS with date_format='%d/%m/%Y', text_column='title'; "
        "pass the same to ct.load_corpus",
    ]
    assert len(saved.cells) == 1
    # on the seeds the seed notes stay, and the input notebook is not changed
    assert len(report.saved_notebook(nb, seeds=True).cells) == 2
    assert nb.cells[0].source.endswith('SNAPSHOT = "/tmp/r/corpus.pickle"')


def _index_page(context: dict) -> str:
    extra = {"corpus_name": "news", "version": "0", "notebooks": [], "run_info": ""}
    return report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})


def test_index_has_no_colour_key_once_outlets_outnumber_the_palette(tmp_path: Path) -> None:
    """Babel Briefings (101 outlets) and newspaper3k's pages (92): the index gave every outlet
    a swatch from the 17-colour palette, so 247wallst.com, CityLab, MLive.com and Slate Magazine
    were all the same blue, and no figure (which colours only the outlets it draws) matched."""
    from corpus_tools.plots._base import PALETTE_SIZE, outlet_colors

    folder = tmp_path / "news"
    folder.mkdir()
    rows = ["text,outlet"] + [f"Story {i} about the talks.,Outlet {i:02d}" for i in range(18)]
    (folder / "many.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    context = report.prepare_corpus(folder, None)
    assert PALETTE_SIZE == 17 and context["n_outlets"] == 18
    assert [r["color"] for r in context["outlets"]] == [""] * 18
    page = _index_page(context)
    assert 'class="swatch"' not in page
    assert "With more than 17 outlets each figure colours only the outlets it draws" in page

    few = tmp_path / "few"
    few.mkdir()
    rows = ["text,outlet", "One.,Post", "Two.,Times", "Three.,Times", "Four.,"]
    (few / "few.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    context = report.prepare_corpus(few, None)
    colours = {r["outlet"]: r["color"] for r in context["outlets"]}
    assert colours == outlet_colors(["Post", "Times"]) | {"(missing)": "#000000"}
    page = _index_page(context)
    assert page.count('class="swatch"') == 3 and "colour key" not in page


def test_describe_cleaning_counts_untouched_pages_instead_of_naming_one_as_the_least() -> None:
    """newspaper3k's pages (trafilatura already drops the chrome): 153 of 159 documents lost
    nothing, and the sentence named one of them, 247wallst.com1, as where chrome was least."""
    import pandas as pd

    import corpus_tools as ct

    shares = {"architecturaldigest.com2": 0.110, "cnn_main_site": 0.103, "ap_meta_refresh": 0.009}
    ids = [*shares, *(f"page{i:03d}" for i in range(153))]
    table = pd.DataFrame(
        {
            "doc_id": ids,
            "outlet": ["Architectural Digest", "CNN.com International", None, *["X"] * 153],
            "chrome_share": [*shares.values(), *[0.0] * 153],
        }
    )
    assert ct.describe_cleaning(table) == (
        "Cleaning removed nothing from 153 of 156 documents. In the other 3, chrome was 0.9% to "
        "11.0% of a page: least in ap_meta_refresh, most in architecturaldigest.com2 "
        "(Architectural Digest)."
    )
    assert ct.describe_cleaning(table.iloc[1:2]) == (
        "Chrome was 10.3% of the only document, cnn_main_site (CNN.com International)."
    )
    assert ct.describe_cleaning(table.iloc[[1, 3]]) == (
        "Cleaning removed nothing from 1 of 2 documents; in cnn_main_site "
        "(CNN.com International), chrome was 10.3% of the page."
    )


def test_doc_lengths_keeps_the_dots_of_small_outlets_large_and_opaque_beside_a_dense_one() -> None:
    """FakeNewsCorpus sample: beforeitsnews.com has 155 of 250 documents, so the figure
    switched every row to 35 %-opaque 14-point dots; awm.com's two dots and the pale yellow
    and sky-blue outlets could not be seen at all."""
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    from corpus_tools import plots

    outlets = ["beforeitsnews.com"] * 155 + ["canadafreepress.com"] * 24 + ["awm.com"] * 2
    table = pd.DataFrame(
        {
            "doc_id": [f"d{i:03d}" for i in range(len(outlets))],
            "outlet": outlets,
            "n_words": np.arange(len(outlets)) % 97 + 10,
        }
    )
    fig = plots.plot_doc_lengths(table)
    ax = fig.axes[0]
    dots = {len(c.get_offsets()): c for c in ax.collections}
    assert sorted(dots) == [2, 24, 155]
    assert dots[155].get_sizes().tolist() == [14.0] and dots[155].get_alpha() == 0.35
    for n in (24, 2):
        assert dots[n].get_sizes().tolist() == [60.0] and dots[n].get_alpha() == 0.85
        assert dots[n].get_zorder() == 5  # above the median tick (zorder 4)
    plt.close(fig)
    traces = {len(t.x): t.marker.size for t in plots.plot_doc_lengths(table, interactive=True).data}
    assert traces == {155: 4, 24: 9, 2: 9}


def test_reuse_share_title_says_no_top_0_when_nothing_is_shared() -> None:
    """Babel Briefings (107 headlines in 30 languages) share no passage: the title read
    "(n = 107 documents; top 0 of 107 documents)" above the "nothing to draw" message."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from corpus_tools import plots

    summary = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(107)],
            "group": ["A"] * 107,
            "n_words": [30] * 107,
            "reused_words": [0] * 107,
            "reused_share": [0.0] * 107,
        }
    )
    fig = plots.plot_reuse_share(summary)
    texts = [t.get_text() for t in fig.texts] + [fig._suptitle.get_text() if fig._suptitle else ""]
    texts += [t.get_text() for ax in fig.axes for t in [ax.title, *ax.texts]]
    title = next(t for t in texts if t.startswith("Share of each document"))
    assert title == "Share of each document shared with another document (n = 107 documents)"
    plt.close(fig)


def test_describe_similarity_sets_duplicates_aside_and_names_the_closest_different_texts() -> None:
    """FakeNewsCorpus sample: 39 exact copies of one beforeitsnews.com post, so 'the most
    similar pair' was two copies of the same text (cosine 1.000), which says nothing about
    which different documents are close."""
    import pandas as pd

    import corpus_tools as ct

    prayer = "Lord Christ, guide us this day and every day in the light of Christ our Lord."
    texts = {
        "p1": prayer,
        "p2": prayer,
        "p3": prayer,
        "oil": "Saudi oil output rose while shale producers cut drilling and oil prices fell.",
        "shale": "Shale producers cut drilling again as oil prices fell for a third week.",
        "court": "The court asked judges to review the ruling on the immigration programme.",
    }
    corpus = ct.load_corpus(pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())}))
    sim = ct.similarity(corpus, by="doc_id")
    assert int((sim["cosine"] >= 0.9995).sum()) == 3
    sentence = ct.describe_similarity(sim)
    assert sentence.startswith(
        "3 pairs have the same word profile (cosine 1.000: usually the same text, a duplicate); "
        "of the other pairs, the most similar pair is oil and shale (cosine "
    )
    assert "p1 and p2" not in sentence


def test_network_drawings_have_no_axis_lines_and_small_multiples_a_whole_frame() -> None:
    """newspaper3k pages, notebook 04: the ego network of 'United States' was drawn with a left
    and a bottom axis line (no ticks), as if positions had a scale; each small-multiple panel
    had only its left and bottom edge in the group's colour (top/right were off by style)."""
    import matplotlib.pyplot as plt
    import networkx as nx

    import corpus_tools as ct
    from corpus_tools import plots

    g = nx.Graph()
    for a, b, n in [("United States", "Afghanistan", 13), ("United States", "Taliban", 6)]:
        g.add_edge(a, b, count=n, weight=n)
    for node in g.nodes:
        g.nodes[node].update(mentions=10, type="country")
    with plt.rc_context({"axes.spines.top": False, "axes.spines.right": False}):
        fig = plots.plot_ego_network(g, "United States")
        assert [s.get_visible() for s in fig.axes[0].spines.values()] == [False] * 4
        net = plots.plot_network(g)
        assert not any(s.get_visible() for s in net.axes[0].spines.values())
        layout = ct.network_layout([g], seed=1)
        multiples = plots.plot_network_small_multiples({"A": g, "B": g}, layout)
        framed = [ax for ax in multiples.axes if ax.get_title()]
        assert framed and all(all(s.get_visible() for s in ax.spines.values()) for ax in framed)


def test_keyness_bars_have_the_same_height_in_every_panel_strongest_on_top() -> None:
    """Babel Briefings titles: 15min.lt had one distinctive term and Google News two, so the
    one bar filled its whole panel while other panels had thin bars; bar height no longer
    depends on how many terms a group has."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from corpus_tools import plots

    key = pd.DataFrame(
        {
            "group": ["Google News", "Google News", "Google News", "15min.lt"],
            "term": ["de", "la", "el", "v"],
            "count": [4, 2, 2, 1],
            "n_docs_group": [5, 5, 5, 2],
            "z": [0.99, 0.87, 0.5, 0.4],
        }
    )
    fig = plots.plot_keyness(key, top_n=8)
    panels = {ax.get_title(): ax for ax in fig.axes if ax.get_title()}
    google, lt = panels["Google News (5 docs)"], panels["15min.lt (2 docs)"]
    assert [t.get_text() for t in google.get_yticklabels()] == ["el", "la", "de"]  # bottom up
    assert list(google.get_yticks()) == [0, 1, 2] and list(lt.get_yticks()) == [2]
    assert google.get_ylim() == lt.get_ylim() == (-0.5, 2.5)
    heights = {round(b.get_height(), 2) for ax in (google, lt) for b in ax.patches}
    assert heights == {0.8}
    plt.close(fig)


def test_describe_frames_says_when_every_share_rests_on_one_sentence() -> None:
    """Babel Briefings titles (120 one-line headlines, 110 outlets): 'The largest share is
    security_defense in Borsonline.hu (1.000: 1 of 1 sentences)' was given as a finding; no
    cell had a second cue sentence, and the sentence did not say so."""
    import pandas as pd

    import corpus_tools as ct

    rows = [("Borsonline.hu", "security_defense", 1, 1), ("Google News", "political", 1, 5)]
    rows += [("Google News", "conflict", 0, 5), ("Borsonline.hu", "conflict", 0, 1)]
    summary = pd.DataFrame(rows, columns=["group", "frame", "sentences_with_frame", "n_sentences"])
    summary["sentence_share"] = summary["sentences_with_frame"] / summary["n_sentences"]
    assert ct.describe_frames(summary) == (
        "The largest share is security_defense in Borsonline.hu (1.000: 1 of 1 sentences); no "
        "cell has more than one cue sentence, so every share rests on one sentence. 2 of 4 "
        "group-frame cells have no cue sentence at all."
    )


def test_kwic_view_mirrors_right_to_left_rows_so_the_sentence_reads_on() -> None:
    """CNN Arabic page (newspaper3k): in the concordance the words before the keyword were
    put to its left, so read right to left a line ran 'after-context, keyword, before-context'.
    An Arabic or Hebrew row now holds the words before the keyword in its right cell; a
    left-to-right row is unchanged."""
    import re

    import pandas as pd

    import corpus_tools as ct

    hits = pd.DataFrame(
        {
            "doc_id": ["arabic_article", "arabic_article", "cnn_article"],
            "left": ["لنظام الرئيس بشار", "دمشق، سوريا (", "according to"],
            "match": ["الأسد", "CNN", "CNN"],
            "right": ['وعلى صلة بـ"الجيش الحر"', ") -- أكدت جهات", "affiliate WFTV"],
        }
    )
    page = ct.kwic_view(hits)._repr_html_()
    rows = re.findall(r"<tr>(.*?)</tr>", page)[1:]
    cells = [re.findall(r"<td([^>]*)>(.*?)</td>", r) for r in rows]
    # doc_id, then the three context cells as drawn from left to right
    arabic = [(attrs.startswith(' dir="rtl"'), text) for attrs, text in cells[0][1:]]
    assert arabic == [
        (True, "وعلى صلة بـ&quot;الجيش الحر&quot;"),
        (True, "الأسد"),
        (True, "لنظام الرئيس بشار"),
    ]
    assert [t for _, t in cells[1][1:]] == [") -- أكدت جهات", "CNN", "دمشق، سوريا ("]
    english = [(a.startswith(' dir="rtl"'), t) for a, t in cells[2][1:]]
    assert english == [(False, "according to"), (False, "CNN"), (False, "affiliate WFTV")]
    assert ct.html.is_rtl("2021 - המניה") and not ct.html.is_rtl("CNN: سوريا")


def test_evidence_view_sets_arabic_sentences_right_to_left() -> None:
    """CNN Arabic page: an evidence sentence was laid out left to right in its cell, so its
    full stop and its quoted parts stood on the wrong side."""
    import re

    import pandas as pd

    import corpus_tools as ct

    rows = pd.DataFrame(
        {
            "doc_id": ["arabic_article", "cnn_article"],
            "text": ["أكدت جهات سورية معارضة أن فصائل مسلحة تمكنت من السيطرة.", "CNN said so."],
        }
    )
    page = ct.evidence_view(rows, text="text", columns=["doc_id"])._repr_html_()
    sentence_cells = re.findall(r"<td([^>]*min-width:30em\")>(.*?)</td>", page)
    assert [(a.startswith(' dir="rtl"'), "text-align:right" in a) for a, _ in sentence_cells] == [
        (True, True),
        (False, False),
    ]
    assert sentence_cells[1][1] == "CNN said so."


def test_doc_lengths_note_warns_that_unspaced_text_is_not_counted_in_words() -> None:
    """newspaper3k pages: the Japanese AFP page (1,800 characters) counted 63 'words' and was
    drawn as the shortest article of the corpus, with no word on why."""
    import matplotlib.pyplot as plt
    import pandas as pd

    from corpus_tools import plots

    table = pd.DataFrame(
        {
            "doc_id": ["japanese_article2", "chinese_article", "cnn_article", "empty"],
            "outlet": ["Afpbbcom", "BBC", "CNN", "CNN"],
            "n_words": [63, 12, 860, 0],
            "n_chars": [1790, 726, 5100, 0],
        }
    )
    fig = plots.plot_doc_lengths(table)
    note = "\n".join(t.get_text() for t in fig.texts)
    assert (
        "2 documents have over 15 characters per word, most likely text written without spaces (Chinese, "
        "Japanese, Thai) is not split into words, so its length in words is too low."
    ) in note
    plt.close(fig)
    fig = plots.plot_doc_lengths(table.iloc[2:])
    assert "characters per word" not in "\n".join(t.get_text() for t in fig.texts)
    plt.close(fig)


def test_setup_notebook_adds_installed_cjk_fonts_after_dejavu(monkeypatch) -> None:
    """newspaper3k's Japanese, Chinese and Thai pages: setup_notebook fixed font.family to
    'DejaVu Sans' alone, so a machine with a CJK font still drew every such label as white
    squares. Installed fallback families are now added, and only those."""
    import matplotlib
    from matplotlib import font_manager

    from corpus_tools import notebook
    from corpus_tools.plots._base import plot_label

    installed = font_manager.FontEntry(fname="/fonts/NotoSansCJK.ttc", name="Noto Sans CJK JP")
    monkeypatch.setattr(
        font_manager.fontManager, "ttflist", [*font_manager.fontManager.ttflist, installed]
    )
    with matplotlib.rc_context():
        notebook.setup_notebook()
        assert matplotlib.rcParams["font.family"] == ["DejaVu Sans", "Noto Sans CJK JP"]
    monkeypatch.undo()
    with matplotlib.rc_context():
        notebook.setup_notebook()
        assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]
        assert (
            plot_label("日本経済新聞") == "□□□□□□ #7e63"
        )  # no CJK font here: a tag tells names apart


def test_a_file_that_is_not_a_notebook_is_refused_before_the_run(tmp_path: Path) -> None:
    # QA (session 19, misuse): `--notebooks /etc/passwd` started the run and then stopped
    # with "internal error (NotJSONError ...) This is a bug"; now refused up front
    import pytest

    from corpus_tools.errors import CorpusLoadError

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Ministers met in Doha on Monday.\n", encoding="utf-8")
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    no_cells = tmp_path / "data.ipynb"
    no_cells.write_text(json.dumps({"rows": [1, 2]}), encoding="utf-8")
    for bad, why in [(passwd, "does not start with '{'"), (no_cells, "without a 'cells' list")]:
        out = tmp_path / f"out_{bad.stem}"
        with pytest.raises(CorpusLoadError) as err:
            report.run_report(str(corpus), str(out), notebooks=[str(bad)])
        assert "not a Jupyter notebook" in str(err.value) and why in str(err.value)
        assert not out.exists()
