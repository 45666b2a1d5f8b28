"""Tests for corpus_tools.report: offline HTML, escaped corpus text, failing notebooks."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from notebook_cells import code, md, new_notebook, parameters_cell, setup_cell, write

import corpus_tools as ct
from corpus_tools import report

ROOT = Path(__file__).resolve().parents[1]
NB01 = ROOT / "notebooks" / "01_corpus_overview.ipynb"

HOSTILE_DOC = (
    "<script>alert(1)</script> Envoys meet in Doha\n\n"
    "Russia said on Thursday it was coordinating its policy in the Middle East with China, "
    "an ally. <img src=x onerror=alert(1)> The talks were held in Doha.\n\n"
    'Read the <a href="javascript:alert(1)">full statement</a> here. Hamas was mentioned '
    "by officials in Moscow and Beijing.\n"
)
HTML_PAGE_DOC = (
    '<!DOCTYPE html>\n<html><head><meta http-equiv="refresh" content="0;url=http://evil.example">\n'
    "<style>body{display:none}</style>\n"
    '<link rel="stylesheet" href="http://evil.example/x.css"></head>\n'
    '<body><iframe src="http://evil.example"></iframe>\n'
    "<p>China is ready to strengthen cooperation with Russia on the Middle East, "
    "Hamas and Gaza, a spokesman said.</p></body></html>\n"
)
PLAIN_DOC = (
    "Talks in Doha\n\nMoscow and Beijing intend to coordinate efforts on the Middle East, "
    "the ministry said after talks in Doha. Hamas was discussed.\n"
)

# live markup that must never come from the corpus
FORBIDDEN = [
    re.compile(r"<script>\s*alert", re.I),
    re.compile(r"<img\s+src=x", re.I),
    re.compile(r"<[a-z]+[^<>]*\sonerror\s*=", re.I),
    re.compile(r"<[a-z]+\b[^<>]*href\s*=\s*[\"']?\s*javascript:", re.I),
    re.compile(r"<iframe", re.I),
    re.compile(r"<style>\s*body\{display:none\}", re.I),
    re.compile(r"<meta[^>]+refresh", re.I),
    re.compile(r"evil\.example[\"'][^<>]*>", re.I),
    re.compile(r"<b onmouseover", re.I),
]
REMOTE = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I
)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile_corpus")
    (corpus / "a_hostile.txt").write_text(HOSTILE_DOC, encoding="utf-8")
    (corpus / "b_page.txt").write_text(HTML_PAGE_DOC, encoding="utf-8")
    (corpus / "c_plain.txt").write_text(PLAIN_DOC, encoding="utf-8")
    (corpus / "metadata.csv").write_text(
        "file,outlet,published,date_precision\n"
        'a_hostile.txt,"<b onmouseover=alert(1)>Evil</b> Times",2023-10-19,day\n'
        "b_page.txt,Page Post,2023-10-20,week\n"
        "c_plain.txt,Plain News,2023-10-18,day\n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("hostile_out")
    code_ = report.run_report(str(corpus), str(out), notebooks=[str(NB01)], progress=False)
    return code_, out


def test_hostile_report_runs(hostile_report):
    code_, out = hostile_report
    assert code_ == 0
    assert (out / "index.html").is_file()
    assert (out / "01_corpus_overview.html").is_file()
    assert (out / "notebooks" / "01_corpus_overview.ipynb").is_file()


@pytest.mark.parametrize("page", ["index.html", "01_corpus_overview.html"])
def test_no_unescaped_corpus_markup(hostile_report, page):
    html = (hostile_report[1] / page).read_text(encoding="utf-8")
    for pattern in FORBIDDEN:
        assert not pattern.search(html), f"{page}: live corpus markup matches {pattern.pattern}"
    # plotly JSON writes < as \u003c; plotly.js renders a subset of HTML in labels, so
    # corpus text inside figure data must be escaped too
    decoded = html.replace("\\u003c", "<").replace("\\u003e", ">")
    for pattern in FORBIDDEN:
        assert not pattern.search(decoded), f"{page}: figure data matches {pattern.pattern}"


def test_corpus_text_is_shown_escaped(hostile_report):
    html = (hostile_report[1] / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    index = (hostile_report[1] / "index.html").read_text(encoding="utf-8")
    assert "&lt;b onmouseover=alert(1)&gt;Evil&lt;/b&gt; Times" in index


@pytest.mark.parametrize("page", ["index.html", "01_corpus_overview.html"])
def test_pages_are_offline(hostile_report, page):
    html = (hostile_report[1] / page).read_text(encoding="utf-8")
    assert not REMOTE.search(html), REMOTE.search(html)
    # outside the embedded plotly.js bundle (whose source mentions its CDN for geo maps)
    start = html.find("/* plotly.js, embedded for offline use */")
    if start >= 0:
        html = html[:start] + html[html.find("</script>", start) :]
    assert "cdnjs" not in html and "cdn.plot.ly" not in html
    assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", html)  # no web fonts / remote CSS
    assert "@import" not in html


def test_notebook_page_contains_figure_data(hostile_report):
    html = (hostile_report[1] / "01_corpus_overview.html").read_text(encoding="utf-8")
    # plotly.js once per report, beside the pages (4.8 MB, not one copy per page)
    assert "/* plotly.js, embedded for offline use */" not in html
    assert html.count('<script type="text/javascript" src="plotly.min.js"></script>') == 1
    assert "plotly.min.js from the report folder" in html  # said on a page opened alone
    from plotly.offline import get_plotlyjs

    assert (hostile_report[1] / "plotly.min.js").read_text(encoding="utf-8") == get_plotlyjs()
    assert 'id="nb01-timeline"' in html and "Plotly.newPlot(" in html
    assert "Publication dates by outlet (n = 3 documents)" in html
    assert html.count("data:image/png;base64,") >= 2  # lengths and chrome-share figures
    assert "Page Post" in html and "Plain News" in html


def test_index_lists_summary_and_status(hostile_report):
    index = (hostile_report[1] / "index.html").read_text(encoding="utf-8")
    assert '<td>documents</td><td class="num">3</td>' in index
    assert 'href="01_corpus_overview.html"' in index
    assert '<span class="ok">ok</span>' in index and "failed" not in index.split("<h2>Notebooks")[1]


def _tiny(path: Path, cells: list) -> Path:
    return write(
        new_notebook([setup_cell(), parameters_cell(CORPUS='"../seeds"  # corpus'), *cells]), path
    )


def test_failing_notebook_is_reported_and_others_written(tmp_path, seeds_path):
    nb_dir = tmp_path / "nbs"
    good = _tiny(
        nb_dir / "01_good.ipynb",
        [md("# Good one"), code("corpus = ct.load_corpus(CORPUS)\nlen(corpus)")],
    )
    bad = _tiny(
        nb_dir / "02_bad.ipynb",
        [
            md("# Bad one"),
            code("x = 1"),
            code('raise ValueError("<b>no outlet</b> column in this corpus")'),
        ],
    )
    before = bad.read_bytes()
    out = tmp_path / "out"
    rc = report.run_report(
        str(seeds_path), str(out), notebooks=[str(good), str(bad)], progress=False
    )
    assert rc == 1
    assert (out / "01_good.html").is_file() and (out / "02_bad.html").is_file()
    assert bad.read_bytes() == before  # the curated notebook is never overwritten
    executed = nbformat.read(str(out / "notebooks" / "01_good.ipynb"), 4)
    assert executed.cells[-1].outputs[0]["data"]["text/plain"] == "5"
    index = (out / "index.html").read_text(encoding="utf-8")
    rows = index.split("<h2>Notebooks")[1]
    assert rows.count('<span class="ok">ok</span>') == 1
    assert rows.count('<span class="failed">failed</span>') == 1
    assert "Failed in code cell 4" in rows
    assert "ValueError: &lt;b&gt;no outlet&lt;/b&gt; column in this corpus" in rows
    assert "<b>no outlet</b>" not in index


def test_missing_corpus_and_missing_notebooks(tmp_path):
    with pytest.raises(ct.CorpusLoadError, match="no such file or folder"):
        report.run_report(str(tmp_path / "nope"), str(tmp_path / "out"), progress=False)
    with pytest.raises(ct.CorpusLoadError, match="pip install -e"):
        report.find_notebooks(tmp_path)


def test_find_notebooks_default_lists_curated():
    names = [p.name for p in report.find_notebooks()]
    assert "01_corpus_overview.ipynb" in names
    assert names == sorted(names) and all(n.startswith("0") for n in names)


def test_export_html_strips_remote_scripts():
    nb = nbformat.read(str(NB01), 4)
    html = report.export_html(nb, title="t")
    assert not REMOTE.search(html)
    assert html.count("/* plotly.js, embedded for offline use */") == 1
    assert '<a href="index.html">&larr; report index</a>' in html


def test_coalesce_streams_merges_split_prints_so_pages_do_not_depend_on_flush_timing():
    """A print split by a kernel flush gives the same page as the print in one piece."""
    out = nbformat.v4.new_output
    split = new_notebook(
        [code("print(table)")],
    )
    split.cells[0].outputs = [
        out("stream", name="stdout", text="row 1\nrow "),
        out("stream", name="stdout", text="2\r\n"),
        out("stream", name="stderr", text="warn\n"),
        out("stream", name="stdout", text="after\n"),
        out("execute_result", data={"text/plain": "1"}, execution_count=1),
        out("stream", name="stdout", text="x"),
        out("stream", name="stdout", text="y"),
    ]
    whole = new_notebook([code("print(table)")])
    whole.cells[0].outputs = [
        out("stream", name="stdout", text="row 1\nrow 2\r\n"),
        out("stream", name="stderr", text="warn\n"),
        out("stream", name="stdout", text="after\n"),
        out("execute_result", data={"text/plain": "1"}, execution_count=1),
        out("stream", name="stdout", text="xy"),
    ]
    assert report.coalesce_streams(split) is split
    assert split.cells[0].outputs == whole.cells[0].outputs
    split.cells[0].id = whole.cells[0].id = "c1"
    assert report.export_html(split, title="t") == report.export_html(whole, title="t")


def test_corpus_is_loaded_once_and_shared_with_the_notebooks(tmp_path, seeds_path):
    """A notebook declaring SNAPSHOT reads the report's snapshot; DETAIL_DOCS is passed and stated."""
    nb_dir = tmp_path / "nbs"
    shared = write(
        new_notebook(
            [
                setup_cell(),
                parameters_cell(
                    CORPUS='"../seeds"  # corpus',
                    SNAPSHOT="None  # set by the report",
                    DETAIL_DOCS="5000  # detail analyses",
                ),
                md("# Shared load"),
                code(
                    "corpus = ct.load_corpus(CORPUS) if SNAPSHOT is None else ct.load_snapshot(SNAPSHOT)\n"
                    "detail = ct.detail_sample(corpus, DETAIL_DOCS)\n"
                    "print(SNAPSHOT is not None, DETAIL_DOCS, len(corpus), ct.sample_note(detail, corpus))"
                ),
            ]
        ),
        nb_dir / "01_shared.ipynb",
    )
    plain = _tiny(
        nb_dir / "02_plain.ipynb", [md("# Plain"), code("print(CORPUS.endswith('seeds'))")]
    )
    out = tmp_path / "out"
    rc = report.run_report(
        str(seeds_path),
        str(out),
        notebooks=[str(shared), str(plain)],
        progress=False,
        detail_docs=3,
    )
    assert rc == 0
    executed = nbformat.read(str(out / "notebooks" / "01_shared.ipynb"), 4)
    printed = executed.cells[-1].outputs[0]["text"]
    assert printed == "True 3 5 a sample of 3 of 5 documents, stratified by outlet\n"
    page = (out / "01_shared.html").read_text(encoding="utf-8")
    assert (
        "detail analyses" in page and "a sample of 3 of 5 documents, stratified by outlet" in page
    )
    assert "corpus-tools-report-" not in page  # the snapshot's temporary path is not shown
    assert "the corpus as loaded once by the report" in page
    # a notebook without these parameters gets only CORPUS, and its page makes no sample claim
    executed = nbformat.read(str(out / "notebooks" / "02_plain.ipynb"), 4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert "SNAPSHOT" not in injected[0].source and "DETAIL_DOCS" not in injected[0].source
    assert "detail analyses" not in (out / "02_plain.html").read_text(encoding="utf-8")
    with pytest.raises(ct.CorpusValueError, match="detail_docs=0"):
        report.run_report(str(seeds_path), str(tmp_path / "o2"), progress=False, detail_docs=0)


def test_declared_parameters_reads_the_parameters_cell():
    nb = nbformat.read(str(NB01), 4)
    assert "CORPUS" in report.declared_parameters(nb)


def test_one_load_in_a_child_process_and_its_failure_in_plain_words(tmp_path, seeds_path):
    snap = tmp_path / "corpus.pickle"
    context = report._prepare_in_child(Path(seeds_path).resolve(), snap)
    assert context["snapshot"] == str(snap) and context["header"]["n_docs"] == 5
    assert len(ct.load_snapshot(snap)) == 5
    (tmp_path / "empty").mkdir()
    failed = report._prepare_in_child(tmp_path / "empty", tmp_path / "other.pickle")
    name, message = failed["load_error"]
    assert name == "CorpusLoadError" and "contains no files" in message
    assert not (tmp_path / "other.pickle").exists()
    with pytest.raises(ct.CorpusLoadError, match="contains no files"):
        report._raise_load_error(failed)


HEADLINES = (
    "id,headline,publisher,date\n"
    "h1,Talks ended in Geneva without a deal,Post,02/11/2023\n"
    "h2,Markets rise again after the talks,Times,03/11/2023\n"
)


def _shared_load_notebook(path):
    return write(
        new_notebook(
            [
                setup_cell(),
                parameters_cell(CORPUS='"../seeds"  # corpus', SNAPSHOT="None  # by the report"),
                md("# Shared load"),
                code(
                    "corpus = ct.load_snapshot(SNAPSHOT)\n"
                    "print(corpus.doc_ids, corpus.docs['published'].dt.month.tolist())"
                ),
            ]
        ),
        path,
    )


def test_load_options_reach_the_shared_load_and_the_notebooks(tmp_path):
    """QA finding 2: a table whose text column and dates need options gives a report."""
    csv = tmp_path / "data" / "headlines.csv"
    csv.parent.mkdir()
    csv.write_text(HEADLINES, encoding="utf-8")
    nb = _shared_load_notebook(tmp_path / "nbs" / "01_shared.ipynb")
    out = tmp_path / "out"
    options = {"text_column": "headline", "id_column": "id", "date_format": "%m/%d/%Y"}
    rc = report.run_report(
        str(csv), str(out), notebooks=[str(nb)], progress=False, load_options=options
    )
    assert rc == 0
    executed = nbformat.read(str(out / "notebooks" / "01_shared.ipynb"), 4)
    assert executed.cells[-1].outputs[0]["text"] == "['h1', 'h2'] [2, 3]\n"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Post" in index and "Times" in index
    with pytest.raises(ct.CorpusValueError, match="unknown option 'textcolumn'"):
        report.run_report(str(csv), str(tmp_path / "o2"), load_options={"textcolumn": "x"})


def test_a_corpus_that_does_not_load_stops_the_report_before_any_notebook(tmp_path, monkeypatch):
    """QA finding 3: the load's error is raised, no notebook runs, no output folder."""

    def no_notebook(*args, **kwargs):
        raise AssertionError("a notebook ran on a corpus that does not load")

    monkeypatch.setattr(report, "_run_all", no_notebook)
    csv = tmp_path / "data" / "headlines.csv"
    csv.parent.mkdir()
    csv.write_text(HEADLINES, encoding="utf-8")
    nb = _shared_load_notebook(tmp_path / "nbs" / "01_shared.ipynb")
    out = tmp_path / "out"
    # (its headlines are the texts since session 22; its dates still stop the load)
    with pytest.raises(ct.MetadataError, match="'02/11/2023' is ambiguous"):
        report.run_report(str(csv), str(out), notebooks=[str(nb)], progress=False)
    with pytest.raises(ct.MetadataError, match="'02/11/2023' is ambiguous"):
        report.run_report(
            str(csv),
            str(out),
            notebooks=[str(nb)],
            progress=False,
            load_options={"text_column": "headline"},
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "nbs"]


def test_notebooks_run_in_parallel_give_the_same_pages_and_failures(tmp_path, seeds_path):
    """jobs=2 runs each notebook in its own process: same pages, same failure messages."""
    nb_dir = tmp_path / "nbs"
    good = _tiny(
        nb_dir / "01_good.ipynb",
        [md("# Good one"), code("corpus = ct.load_corpus(CORPUS)\nlen(corpus)")],
    )
    bad = _tiny(
        nb_dir / "02_bad.ipynb",
        [md("# Bad one"), code("x = 1"), code('raise ValueError("no outlet column")')],
    )
    slow = _tiny(nb_dir / "03_slow.ipynb", [md("# Slow one"), code("import time; time.sleep(300)")])
    pages = {}
    for jobs, nbs in ((1, [good, bad]), (2, [good, bad, slow])):
        out = tmp_path / f"out{jobs}"
        rc = report.run_report(
            str(seeds_path),
            str(out),
            notebooks=list(map(str, nbs)),
            progress=False,
            jobs=jobs,
            timeout=None if jobs == 1 else 40,
        )
        assert rc == 1
        rows = (out / "index.html").read_text(encoding="utf-8").split("<h2>Notebooks")[1]
        assert rows.count('<span class="ok">ok</span>') == 1
        assert "Failed in code cell 4" in rows and "ValueError: no outlet column" in rows
        # papermill gives its error-marker cells random ids, whatever the number of jobs
        pages[jobs] = [
            re.sub(r'id="cell-id=[0-9a-f]+"', "", (out / f"{nb.stem}.html").read_text("utf-8"))
            for nb in (good, bad)
        ]
    assert "did not finish within the time budget of 40 s per cell" in rows
    assert "code cell 3 (import time; time.sleep(300)) did not finish" in rows
    assert pages[1] == pages[2]
    with pytest.raises(ct.CorpusValueError, match="jobs=0"):
        report.run_report(str(seeds_path), str(tmp_path / "o3"), progress=False, jobs=0)


def test_snapshot_without_raw_pages_holds_the_cleaned_corpus(tmp_path, seeds_path):
    corpus = ct.load_corpus(seeds_path)
    assert len(corpus.cleaning_log) > 0
    ct.overview(corpus)  # fills the per-document counts the snapshot keeps
    path = ct.save_snapshot(corpus, tmp_path / "c.pkl")
    full = ct.load_snapshot(path)
    assert full.docs.equals(corpus.docs) and full.cleaning_log.equals(corpus.cleaning_log)
    assert full.skipped.equals(corpus.skipped) and full.root == corpus.root
    lean = ct.load_snapshot(path, raw=False)
    assert list(lean.docs.columns) == list(corpus.docs.columns)
    assert lean.docs.drop(columns="raw_text").equals(corpus.docs.drop(columns="raw_text"))
    assert lean.docs["raw_text"].tolist() == lean.docs["text"].tolist() and lean.cleaning_log.empty
    # the text column itself, not an object copy of every text (which doubled a kernel's corpus)
    assert lean.docs["raw_text"].dtype == lean.docs["text"].dtype
    assert lean.is_cached("overview.doc_counts")
    assert ct.overview(lean).equals(ct.overview(corpus))
    assert ct.term_frequencies(lean, by="outlet").equals(ct.term_frequencies(corpus, by="outlet"))
    (tmp_path / "old.pkl").write_bytes(b"not a snapshot")
    with pytest.raises(ct.CorpusLoadError, match="cannot read the corpus snapshot"):
        ct.load_snapshot(tmp_path / "old.pkl")


def test_progress_names_each_notebook_with_its_time_and_ends_with_the_index(
    tmp_path, seeds_path, capsys
):
    nb_dir = tmp_path / "nbs"
    good = _tiny(nb_dir / "01_good.ipynb", [md("# Good"), code("x = 1")])
    bad = _tiny(nb_dir / "02_bad.ipynb", [md("# Bad"), code('raise ValueError("no outlet")')])
    out = tmp_path / "out"
    rc = report.run_report(str(seeds_path), str(out), notebooks=[str(good), str(bad)])
    assert rc == 1
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert err[0].startswith("corpus-tools report: 2 notebook(s) on ")
    assert "(time budget 600 s per cell)" in err[0]
    assert re.fullmatch(r"corpus loaded once for every notebook \(.+ s\)", err[1]), err[1]
    assert err[2] == "[1/2] 01_good.ipynb: running ..."
    assert re.fullmatch(r"\[1/2\] 01_good\.ipynb: ok \(.+ s\)", err[3]), err[3]
    assert err[4] == "[2/2] 02_bad.ipynb: running ..."
    assert re.fullmatch(
        r"\[2/2\] 02_bad\.ipynb: failed in code cell 3 \(.+ s\): ValueError: no outlet", err[5]
    ), err[5]
    last = captured.out.strip().splitlines()[-1]
    assert last.startswith("Report: ") and str(out / "index.html") in last
    assert re.search(r"\(1 of 2 notebooks ran, 1 failed\) in .+ s\.$", last), last
