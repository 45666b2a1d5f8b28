"""Session 24 QA of the report on corpora it had never seen (UCI headlines, 10kGNAD, pt-BR)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd

import corpus_tools as ct
from corpus_tools import report

ROOT = Path(__file__).resolve().parents[1]
NB01 = ROOT / "notebooks" / "01_corpus_overview.ipynb"


def test_export_html_can_load_plotly_from_one_file_beside_the_pages(tmp_path) -> None:
    """Two pages with plotly figures held 2 x 4.8 MB of the same plotly.js (UCI report 12.4 MB)."""
    nb = nbformat.read(str(NB01), 4)
    shared = report.export_html(nb, title="t", plotly_js=report.PLOTLY_JS)
    embedded = report.export_html(nb, title="t")
    assert '<script type="text/javascript" src="plotly.min.js"></script>' in shared
    assert "/* plotly.js, embedded for offline use */" not in shared
    assert len(embedded) - len(shared) > 4_000_000
    # the figures themselves are the same
    assert shared.count("Plotly.newPlot(") == embedded.count("Plotly.newPlot(") >= 1
    path = report.write_plotly_js(tmp_path)
    assert path.name == "plotly.min.js" and path.stat().st_size > 4_000_000
    path.write_text("kept", encoding="utf-8")  # written once: an existing copy is left alone
    assert report.write_plotly_js(tmp_path).read_text(encoding="utf-8") == "kept"


def test_a_page_without_figures_loads_no_plotly() -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T\n\ntext")])
    page = report.export_html(nb, title="t", plotly_js=report.PLOTLY_JS)
    assert "plotly.min.js" not in page and "plotly.js" not in page


def test_folder_note_with_a_readme_at_the_top_level(tmp_path) -> None:
    """A downloaded dataset folder (pt-BR news: 5 category folders + README.md) got no note:
    one document at the top level stopped it, and the report compared one group."""
    for folder in ["economia", "esportes", "politica"]:
        (tmp_path / folder).mkdir()
        for i in range(8):
            (tmp_path / folder / f"{i}.txt").write_text(
                f"Texto {folder} {i}. O governo anunciou hoje novas medidas.", encoding="utf-8"
            )
    (tmp_path / "README.md").write_text("# Dataset\n\nNews articles in Portuguese.", "utf-8")
    corpus = ct.load_corpus(tmp_path)
    # since session 29 the dataset's README is a recorded skip, not a document at the top level
    assert corpus.skipped["path"].tolist() == ["README.md"]
    assert corpus.skipped["reason"].iloc[0].startswith("named like a dataset's read-me file")
    note = report.folder_note(corpus)
    assert note.startswith(
        "no document has an outlet, so every comparison below has one group; the documents "
        "sit in 3 folders: economia (8), esportes (8), politica (8)."
    ), note
    assert "--outlet-from folder" in note


def test_folder_note_stays_silent_when_many_documents_sit_at_the_top() -> None:
    class C:
        docs = pd.DataFrame(
            {
                "outlet": [None] * 6,
                "path": ["a/1.txt", "a/2.txt", "b/1.txt", "x.txt", "y.txt", "z.txt"],
                "doc_id": ["a/1", "a/2", "b/1", "x", "y", "z"],
            }
        )

    assert report.folder_note(C()) == ""


def test_load_notes_are_printed_and_listed_in_the_index(tmp_path, capsys) -> None:
    """UCI News Aggregator: 'TIMESTAMP holds Unix timestamps; pass --date-column TIMESTAMP
    --date-format epoch' reached only a stderr block inside notebook 01; the terminal and the
    index said 'dates: unknown' with no reason."""
    from notebook_cells import code, md, new_notebook, parameters_cell, setup_cell, write

    table = tmp_path / "corpus" / "headlines.csv"
    table.parent.mkdir()
    table.write_text(
        "TITLE,PUBLISHER,TIMESTAMP\n"
        + "".join(
            f"Fed official says data point {i} was weak,Outlet {i % 3},{1394470370698 + i}\n"
            for i in range(6)
        ),
        encoding="utf-8",
    )
    nb = write(
        new_notebook(
            [setup_cell(), parameters_cell(CORPUS='"../seeds"'), md("# T"), code("x = 1")]
        ),
        tmp_path / "nbs" / "01_t.ipynb",
    )
    out = tmp_path / "out"
    assert report.run_report(str(table), str(out), notebooks=[str(nb)]) == 0
    err = capsys.readouterr().err
    assert "note: headlines.csv: no date column found by name" in err
    assert "--date-column TIMESTAMP --date-format epoch" in err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Notes from loading (" in index
    assert "column &#39;TIMESTAMP&#39; holds Unix timestamps" in index
