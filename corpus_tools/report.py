"""``corpus-tools report``: run every curated notebook on a corpus and export HTML.

For each notebook in the repository's ``notebooks/`` folder
(``0*.ipynb``), :func:`run_report`

1. executes it with papermill in a fresh ``python3`` kernel, with the
   ``CORPUS`` parameter set to the user's corpus (absolute path), working
   directory the notebooks folder, and writes the executed copy to
   ``OUT/notebooks/`` (the curated notebooks are never overwritten);
2. exports it to one self-contained HTML page ``OUT/<name>.html``: plotly.js
   is embedded once in the page head, nbconvert's CDN scripts (require.js,
   MathJax, mermaid) are removed, so the page works offline;
3. writes ``OUT/index.html``: the corpus summary and one row per notebook
   with its status, and for a failed notebook the error in plain words and
   the code cell where it failed.

A notebook that fails does not stop the others; the return value is 1 when
any failed. Text from the corpus is untrusted: tables are rendered by
pandas (escaped), evidence views by :mod:`corpus_tools.html` (escaped), and
the index is rendered by Jinja2 with autoescaping.
"""

from __future__ import annotations

import html as _stdlib_html
import os
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CorpusLoadError

__all__ = ["run_report", "find_notebooks", "export_html", "NotebookResult"]

_NB_GLOB = "0*.ipynb"
_MAX_ERROR_CHARS = 1500
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# remote resources nbconvert templates reference (require.js, MathJax, mermaid, jQuery)
_REMOTE_SCRIPT = re.compile(
    r'<script\b[^>]*\bsrc\s*=\s*["\'](?:https?:)?//[^"\']*["\'][^>]*>\s*</script>', re.I
)
_EMPTY_SCRIPT = re.compile(r'<script\b[^>]*\bsrc\s*=\s*["\']\s*["\'][^>]*>\s*</script>', re.I)
_REMOTE_LINK = re.compile(r'<link\b[^>]*\bhref\s*=\s*["\'](?:https?:)?//[^"\']*["\'][^>]*>', re.I)
_MATHJAX_BLOCK = re.compile(
    r'<!-- MathJax configuration -->\s*<script type="text/x-mathjax-config">.*?</script>\s*'
    r"<!-- End of mathjax configuration -->",
    re.S,
)
_MERMAID_BLOCK = re.compile(
    r'<script type="module">(?:(?!</script>).)*?\bmermaid\b.*?</script>', re.S
)


def repo_notebooks_dir() -> Path:
    """Return the ``notebooks/`` folder next to the installed package (editable install)."""
    import corpus_tools

    return Path(corpus_tools.__file__).resolve().parents[1] / "notebooks"


def find_notebooks(folder: str | os.PathLike[str] | None = None) -> list[Path]:
    """Return the curated notebooks (``0*.ipynb``) in ``folder``, sorted by name.

    Raises
    ------
    CorpusLoadError
        When the folder or the notebooks are missing (e.g. the package was
        installed from a wheel rather than with ``pip install -e .``).
    """
    nb_dir = Path(folder) if folder is not None else repo_notebooks_dir()
    found = sorted(nb_dir.glob(_NB_GLOB)) if nb_dir.is_dir() else []
    if not found:
        raise CorpusLoadError(
            f"no notebooks ({_NB_GLOB}) found in {nb_dir}. The report runs the notebooks of a "
            "source checkout: clone the repository and install it with `pip install -e .`, "
            "or pass notebooks=[...] explicitly."
        )
    return found


@dataclass
class NotebookResult:
    """Outcome of running one notebook for the report."""

    name: str
    title: str
    ok: bool
    html: str | None = None
    n_cells: int = 0
    error: str = ""
    cell_number: int | None = None
    cell_first_line: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _title_of(nb: Any, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _plain_error(ename: str, evalue: str) -> str:
    text = _ANSI.sub("", f"{ename}: {evalue}".strip())
    if len(text) > _MAX_ERROR_CHARS:
        text = text[:_MAX_ERROR_CHARS] + " …"
    return text


def _failed_cell(nb: Any, exc: Any) -> tuple[int | None, str]:
    """Return (1-based number among the notebook's own code cells, first source line).

    The failing cell is the one with an ``error`` output; papermill's
    injected-parameters cell is not counted, so the number matches the
    curated notebook.
    """
    if nb is None:
        return None, ""
    exec_count = getattr(exc, "exec_count", None)
    number = 0
    by_count: tuple[int | None, str] = (None, "")
    for cell in nb.cells:
        if cell.cell_type != "code" or "injected-parameters" in cell.metadata.get("tags", []):
            continue
        number += 1
        first = next((ln for ln in cell.source.splitlines() if ln.strip()), "")[:120]
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return number, first
        if exec_count is not None and cell.get("execution_count") == exec_count:
            by_count = (number, first)
    return by_count


def export_html(nb: Any, *, title: str, back_link: str | None = "index.html") -> str:
    """Export an executed notebook to one self-contained, offline HTML page.

    plotly.js is embedded once in the head when the page has a plotly
    figure; nbconvert's remote scripts (require.js, MathJax, mermaid) are
    removed. Returns the HTML text.
    """
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        mathjax_url="",
        require_js_url="",
        mermaid_js_url="",
        mermaid_layout_elk_js_url="",
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = _EMPTY_SCRIPT.sub("", body)
    body = _REMOTE_SCRIPT.sub("", body)
    body = _REMOTE_LINK.sub("", body)
    body = _MATHJAX_BLOCK.sub("", body)
    body = _MERMAID_BLOCK.sub("", body)
    head_extra = ""
    if "Plotly.newPlot" in body:
        from plotly.offline import get_plotlyjs

        head_extra = (
            '<script type="text/javascript">/* plotly.js, embedded for offline use */\n'
            + get_plotlyjs()
            + "\n</script>\n"
        )
    body = body.replace("</head>", head_extra + "</head>", 1)
    if back_link:
        nav = (
            '<nav style="font-family:sans-serif;padding:.5rem 1rem;border-bottom:1px solid #ccc">'
            f'<a href="{_stdlib_html.escape(back_link)}">&larr; report index</a></nav>'
        )
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, body, count=1)
    return body


def _summary_context(corpus_path: Path) -> dict[str, Any]:
    from .io import load_corpus
    from .overview import corpus_summary, overview
    from .plots._base import outlet_colors

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(str(corpus_path))
    summary = corpus_summary(corpus)
    table = overview(corpus)
    table["outlet"] = table["outlet"].where(table["outlet"].notna(), "(no outlet)").astype(str)
    grouped = (
        table.groupby("outlet", sort=True)
        .agg(
            n_docs=("doc_id", "size"),
            n_words=("n_words", "sum"),
            first=("published", "min"),
            last=("published", "max"),
        )
        .reset_index()
    )
    grouped = grouped.sort_values("outlet", kind="mergesort").sort_values(
        "n_docs", ascending=False, kind="mergesort"
    )
    colors = outlet_colors(table["outlet"].tolist())

    def _d(x: Any) -> str:
        return "unknown" if x is None or x != x else x.date().isoformat()

    outlets = [
        {
            "outlet": r.outlet,
            "n_docs": int(r.n_docs),
            "n_words": int(r.n_words),
            "first": _d(r.first),
            "last": _d(r.last),
            "color": colors.get(r.outlet, "#000000"),
        }
        for r in grouped.head(50).itertuples()
    ]
    skipped = corpus.skipped
    return {
        "summary": list(zip(summary["measure"].tolist(), summary["value"].tolist(), strict=False)),
        "outlets": outlets,
        "n_outlets": len(grouped),
        "outlets_cut": len(grouped) > 50,
        "skipped": [
            {"path": str(p), "reason": str(r)}
            for p, r in zip(skipped["path"].head(50), skipped["reason"].head(50), strict=False)
        ],
        "n_skipped": len(skipped),
        "skipped_cut": len(skipped) > 50,
        "summary_error": "",
    }


def _render_index(context: dict[str, Any]) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("corpus_tools", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("index.html.j2").render(**context)


def _run_one(
    nb_path: Path, out_nb: Path, corpus_path: Path, timeout: int | None
) -> tuple[Any, Any]:
    """Execute one notebook with papermill; return (executed notebook, exception or None)."""
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    exc: Any = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pm.execute_notebook(
                str(nb_path),
                str(out_nb),
                parameters={"CORPUS": str(corpus_path)},
                kernel_name="python3",
                progress_bar=False,
                log_output=False,
                cwd=str(nb_path.parent),
                execution_timeout=timeout,
            )
    except PapermillExecutionError as err:
        exc = err
    except Exception as err:  # kernel died, timeout, bad notebook: reported, never fatal
        exc = err
    executed = nbformat.read(str(out_nb), as_version=4) if out_nb.exists() else None
    return executed, exc


def coalesce_streams(nb: Any) -> Any:
    """Merge consecutive stream outputs of the same name in every cell, in place.

    A kernel flushes stdout whenever its buffer fills or a timer fires, so a
    cell that prints a long table can come back as one stream output or as
    several, depending on machine load. Merged, the same printed text gives
    the same notebook and the same HTML every time. Text is kept as printed
    (carriage returns included). Returns ``nb``.
    """
    for cell in nb.cells:
        outputs = cell.get("outputs")
        if not outputs:
            continue
        merged: list[Any] = []
        for out in outputs:
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and out.get("output_type") == "stream"
                and prev.get("output_type") == "stream"
                and prev.get("name") == out.get("name")
            ):
                prev["text"] = prev["text"] + out["text"]
            else:
                merged.append(out)
        cell["outputs"] = merged
    return nb


def _for_display(nb: Any, corpus_path: Path) -> Any:
    """Return a copy of an executed notebook fit for the HTML page.

    papermill's injected-parameters cell carries the absolute corpus path and
    a random cell id; the page shows the corpus folder's name instead and a
    fixed id, so the same corpus gives the same HTML wherever it lives.
    """
    import copy

    shown = coalesce_streams(copy.deepcopy(nb))
    for cell in shown.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
            cell.source = (
                "# Parameters injected by corpus-tools report\n"
                f"CORPUS = {corpus_path.name!r}  # the corpus given on the command line"
            )
    return shown


def run_report(
    corpus: str,
    out_dir: str,
    *,
    notebooks: list[str] | None = None,
    timeout: int | None = None,
    progress: bool = True,
) -> int:
    """Run the notebooks on ``corpus`` and write an HTML report to ``out_dir``.

    Parameters
    ----------
    corpus : str
        Folder or file to analyse (anything :func:`corpus_tools.load_corpus` reads).
    out_dir : str
        Output folder (created): ``index.html``, one ``<notebook>.html`` per
        notebook, and the executed notebooks in ``notebooks/``.
    notebooks : list of str, optional
        Notebook files to run; default: every ``0*.ipynb`` in the
        repository's ``notebooks/`` folder.
    timeout : int, optional
        Seconds allowed per cell (default: no limit).
    progress : bool, default True
        Show a progress bar on stderr.

    Returns
    -------
    int
        0 when every notebook ran, 1 when at least one failed (the others
        are still written, and ``index.html`` says which cell failed and why).

    Raises
    ------
    CorpusLoadError
        When ``corpus`` does not exist or no notebooks are found.
    """
    import nbformat
    from tqdm.auto import tqdm

    from . import __version__

    corpus_path = Path(corpus).expanduser().resolve()
    if not corpus_path.exists():
        raise CorpusLoadError(f"{corpus}: no such file or folder; pass the corpus to report on.")
    nb_paths = [Path(p).resolve() for p in notebooks] if notebooks else find_notebooks()
    missing = [str(p) for p in nb_paths if not p.is_file()]
    if missing:
        raise CorpusLoadError(f"notebook(s) not found: {missing}")
    out = Path(out_dir).expanduser().resolve()
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    for p in nb_paths:
        if (out / "notebooks" / p.name).resolve() == p:
            raise CorpusLoadError(
                f"--out {out_dir} would overwrite the curated notebook {p}; choose another folder."
            )

    try:
        context = _summary_context(corpus_path)
    except Exception as err:  # the notebooks will report the details
        context = {
            "summary": [],
            "outlets": [],
            "n_outlets": 0,
            "outlets_cut": False,
            "skipped": [],
            "n_skipped": 0,
            "skipped_cut": False,
            "summary_error": _plain_error(type(err).__name__, str(err)),
        }

    results: list[NotebookResult] = []
    bar = tqdm(nb_paths, desc="notebooks", unit="nb", disable=not progress, file=sys.stderr)
    for nb_path in bar:
        bar.set_postfix_str(nb_path.name)
        out_nb = out / "notebooks" / nb_path.name
        if out_nb.exists():
            out_nb.unlink()
        executed, exc = _run_one(nb_path, out_nb, corpus_path, timeout)
        source_nb = executed if executed is not None else nbformat.read(str(nb_path), 4)
        title = _title_of(source_nb, nb_path.stem)
        res = NotebookResult(name=nb_path.name, title=title, ok=exc is None)
        res.n_cells = sum(
            1
            for c in source_nb.cells
            if c.cell_type == "code"
            and c.source.strip()
            and "injected-parameters" not in c.metadata.get("tags", [])
        )
        if exc is not None:
            ename = getattr(exc, "ename", type(exc).__name__)
            evalue = getattr(exc, "evalue", str(exc))
            res.error = _plain_error(ename, evalue)
            res.cell_number, res.cell_first_line = _failed_cell(executed, exc)
        if executed is not None:
            html_name = nb_path.stem + ".html"
            try:
                page = export_html(_for_display(executed, corpus_path), title=title)
                (out / html_name).write_text(page, encoding="utf-8")
                res.html = html_name
            except Exception as err:  # export problems are reported like run problems
                res.ok = False
                res.error = (res.error + "\n" if res.error else "") + _plain_error(
                    "HTML export failed: " + type(err).__name__, str(err)
                )
        results.append(res)
    bar.close()

    n_failed = sum(1 for r in results if not r.ok)
    context.update(
        corpus_name=corpus_path.name,
        version=__version__,
        notebooks=results,
        n_total=len(results),
        n_ok=len(results) - n_failed,
        n_failed=n_failed,
    )
    (out / "index.html").write_text(_render_index(context), encoding="utf-8")
    return 1 if n_failed else 0
