"""``corpus-tools report``: run every curated notebook on a corpus and export HTML.

For each notebook in the repository's ``notebooks/`` folder
(``0*.ipynb``), :func:`run_report`

1. executes it with papermill in a fresh ``python3`` kernel, with the
   ``CORPUS`` parameter set to the user's corpus (absolute path), working
   directory the notebooks folder, and a time budget per cell (600 s by
   default); the executed copy goes to ``OUT/notebooks/`` (the curated
   notebooks are never overwritten);
2. exports it to one HTML page ``OUT/<name>.html``: the pages with interactive
   figures load plotly.js from one copy beside them, ``OUT/plotly.min.js``
   (offline, no CDN), nbconvert's CDN scripts (require.js,
   MathJax, mermaid) are removed, so the page works offline. Cells tagged
   ``seeds-only`` (prose about the shipped seed corpus) are left out of the
   page unless the corpus is the seed corpus (same files, byte for byte);
3. writes ``OUT/index.html``: the corpus summary and one row per notebook
   with its status, and for a failed notebook the error in plain words and
   the code cell where it failed.

Every page starts with what it was run on: corpus, documents, outlets,
dates, skipped inputs and whether seed notes were hidden.

The output folder is written safely (:mod:`corpus_tools._output`): it must be
outside the corpus, new, empty or an earlier report (replaced only with
``overwrite=True``); the report is built in a temporary sibling folder that
replaces the old one only when complete, under a lock.

A notebook that fails does not stop the others; the return value is 1 when
any failed. Text from the corpus is untrusted: tables are rendered by
pandas (escaped), evidence views by :mod:`corpus_tools.html` (escaped), and
the index is rendered by Jinja2 with autoescaping.
"""

from __future__ import annotations

import hashlib
import html as _stdlib_html
import json
import logging
import math
import numbers
import os
import re
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ._output import check_output, output_folder
from .errors import (
    CorpusLoadError,
    CorpusToolsError,
    CorpusToolsWarning,
    CorpusValueError,
    DataFileError,
)
from .html import neutralise_bidi
from .io import headline_text_columns
from .narrate import far_dates_note
from .sampling import DETAIL_DOCS

__all__ = [
    "run_report",
    "find_notebooks",
    "export_html",
    "NotebookResult",
    "is_seed_corpus",
    "SEEDS_ONLY_TAG",
    "saved_notebook",
    "DEFAULT_TIMEOUT",
    "PLOTLY_JS",
    "write_plotly_js",
    "NotebookRunError",
    "NotebookTimeout",
    "run_job",
]

SEEDS_ONLY_TAG = "seeds-only"
DEFAULT_TIMEOUT = 600.0

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
    started: tuple[int | None, str] = (None, "")
    for cell in nb.cells:
        if cell.cell_type != "code" or "injected-parameters" in cell.metadata.get("tags", []):
            continue
        number += 1
        first = next((ln for ln in cell.source.splitlines() if ln.strip()), "")[:120]
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return number, first
        if exec_count is not None and cell.get("execution_count") == exec_count:
            by_count = (number, first)
        if cell.get("execution_count") is not None:
            started = (number, first)
    if by_count[0] is None and isinstance(exc, TimeoutError):
        # a timed-out cell has no error output and the error no count: cells run in
        # order, so it is the last one the kernel started (the index said "code cell None")
        return started
    return by_count


PLOTLY_JS = "plotly.min.js"  # the report's one copy of plotly.js, beside its pages
_PLOTLY_MISSING = (
    "The interactive figures need the file {src} from the report folder next to this page: "
    "open the page inside the report folder (or copy the folder whole). Tables and static "
    "figures are unaffected."
)


def export_html(
    nb: Any,
    *,
    title: str,
    back_link: str | None = "index.html",
    header: str = "",
    plotly_js: str | None = None,
) -> str:
    """Export an executed notebook to one offline HTML page.

    When the page has a plotly figure, plotly.js is embedded once in the
    head, or with ``plotly_js`` (a file name relative to the page, e.g.
    :data:`PLOTLY_JS`) loaded from that file, which the caller writes with
    :func:`write_plotly_js`: a report of four pages then holds one 4.8 MB
    copy instead of one per page, and a page opened without the file says so
    at its top. nbconvert's remote scripts (require.js, MathJax, mermaid) are
    removed. ``header`` (HTML, already escaped) is placed at the top of the
    body, after the link back to the index. Returns the HTML text.
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
    body = neutralise_bidi(body)  # tables from pandas keep U+202E etc.: shown as "?", not obeyed
    body = nowrap_dates(body)
    head_extra = ""
    if "Plotly.newPlot" in body and plotly_js:
        src = _stdlib_html.escape(plotly_js)
        notice = json.dumps(_PLOTLY_MISSING.format(src=plotly_js))
        head_extra = (
            f'<script type="text/javascript" src="{src}"></script>\n'
            '<script type="text/javascript">/* plotly.js missing: say so, do not fail silently */\n'
            'document.addEventListener("DOMContentLoaded", function () {\n'
            '  if (typeof window.Plotly !== "undefined") { return; }\n'
            '  var p = document.createElement("p");\n'
            '  p.className = "ct-plotly-missing";\n'
            '  p.style.cssText = "font-family:sans-serif;padding:.5rem 1rem;margin:0;'
            'background:#fff4ec;border-bottom:1px solid #D55E00";\n'
            f"  p.textContent = {notice};\n"
            "  document.body.insertBefore(p, document.body.firstChild);\n"
            "});\n</script>\n"
        )
    elif "Plotly.newPlot" in body:
        from plotly.offline import get_plotlyjs

        head_extra = (
            '<script type="text/javascript">/* plotly.js, embedded for offline use */\n'
            + get_plotlyjs()
            + "\n</script>\n"
        )
    body = body.replace("</head>", _TABLE_CSS + head_extra + "</head>", 1)
    top = header
    if back_link:
        top = (
            '<nav style="font-family:sans-serif;padding:.5rem 1rem;border-bottom:1px solid #ccc">'
            f'<a href="{_stdlib_html.escape(back_link)}">&larr; report index</a></nav>'
        ) + header
    if top:
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + top, body, count=1)
    return body


#: a pandas table's cell of long text wraps between words, and inside a word only where the
#: word alone is wider than the column (1,008 wayback pages' similarity table, three
#: 90-character columns of 'outlet · path' labels and terms, ran past the page's right edge).
#: Breaking anywhere squeezed the 8-column quote table of 1,166 headlines into 'fragme' / 'nt'
#: and 'denounc' / 'es'. A table wider than the page scrolls inside its own box: the output
#: area clips what passes its edge (overflow hidden), so nb03's frame-by-outlet table of 11
#: columns lost its last two and concordances of long outlet names their right context.
#: Printed text breaks between words: the notebook's own style broke 'undated' as 'u' /
#: 'ndated' at the line's end.
_TABLE_CSS = (
    "<style>/* corpus_tools: long table cells wrap; wide tables scroll in their box */\n"
    ".jp-RenderedHTMLCommon table.dataframe td { max-width: 24em; overflow-wrap: break-word; }\n"
    ".jp-RenderedHTMLCommon > div:has(> table), .jp-RenderedHTMLCommon > table "
    "{ overflow-x: auto; max-width: 100%; }\n"
    ".jp-RenderedHTMLCommon > table { display: block; }\n"
    ".jp-OutputArea-output pre { word-break: normal; overflow-wrap: anywhere; }\n"
    "</style>\n"
)


_DATE_CELL = re.compile(
    r"<td>(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)</td>"
)


def nowrap_dates(page: str) -> str:
    """Keep a table cell holding only a date (and time) on one line.

    In a wide table (a title column beside it) the browser broke ISO dates at their
    hyphen, '2018-05-' over '26'. Only cells whose whole text is a date are changed.

    >>> nowrap_dates("<td>2018-05-26</td><td>2025-08-12 15:03:00</td><td>in 2018-05-26</td>")
    '<td style="white-space:nowrap">2018-05-26</td><td style="white-space:nowrap">2025-08-12 15:03:00</td><td>in 2018-05-26</td>'
    """
    return _DATE_CELL.sub(r'<td style="white-space:nowrap">\1</td>', page)


def write_plotly_js(folder: Path, name: str = PLOTLY_JS) -> Path:
    """Write plotly.js (the installed plotly's bundle, no CDN) to ``folder/name`` once."""
    path = Path(folder) / name
    if not path.exists():
        from plotly.offline import get_plotlyjs

        path.write_text(get_plotlyjs(), encoding="utf-8")
    return path


def _file_digests(folder: Path, limit: int) -> dict[str, str] | None:
    """Return {relative path: sha256} of the visible files under ``folder``.

    Hidden files and folders (the loader skips them too) are left out. None
    when there are more than ``limit`` files or one cannot be read.
    """
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            found.append((path.relative_to(folder).as_posix(), path))
            if len(found) > limit:
                return None
    digests = {}
    for rel, path in found:
        if path.is_symlink() or not path.is_file():
            return None
        try:
            digests[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
    return digests


def is_seed_corpus(
    corpus: str | os.PathLike[str], seeds: str | os.PathLike[str] | None = None
) -> bool:
    """Return True when ``corpus`` is a folder with exactly the files of the seed corpus.

    The comparison is by content (same relative paths, same sha256 of every
    file; hidden files ignored), not by name: a copy of ``seeds/`` counts, a
    folder called ``seeds`` with other articles does not. ``seeds`` defaults
    to the repository's ``seeds/`` folder.
    """
    seeds_dir = Path(seeds) if seeds is not None else repo_notebooks_dir().parent / "seeds"
    corpus_dir = Path(corpus)
    if not corpus_dir.is_dir() or not seeds_dir.is_dir():
        return False
    expected = _file_digests(seeds_dir, limit=10_000)
    if not expected:
        return False
    got = _file_digests(corpus_dir, limit=len(expected))
    return got == expected


def _count_of(n: Any, noun: str) -> str:
    """``"1 outlet"``, ``"2 outlets"`` (``n`` as given, e.g. an int or a formatted string)."""
    return f"{n} {noun}{'' if str(n) == '1' else 's'}"


def _thousands(value: Any) -> Any:
    """A whole number (int or digit string) with thousands separators; anything else as is.

    >>> _thousands(1999), _thousands("12300"), _thousands("2001-01-01"), _thousands(7)
    ('1,999', '12,300', '2001-01-01', '7')
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral) or (isinstance(value, str) and value.isdigit()):
        return f"{int(value):,}"
    return value


def _dates_text(info: dict[str, Any]) -> str:
    """The header's 'dates' value: first to last, one day once, and years when that is all known.

    >>> _dates_text({"first": "2000-01-27", "last": "2000-01-27"})
    '2000-01-27 (one day)'
    >>> _dates_text({"first": "1946-01-01", "last": "2000-01-01", "date_unit": "year"})
    '1946 to 2000 (known to the year only)'
    >>> _dates_text({"first": "unknown", "last": "unknown"})
    'unknown'
    """
    first, last = info.get("first"), info.get("last")
    if first in (None, "unknown"):
        return "unknown"
    unit = info.get("date_unit", "day")
    if unit in ("month", "year"):  # State of the Union paragraphs: '1946-01-01 to 2000-01-01'
        cut = 4 if unit == "year" else 7
        first, last = str(first)[:cut], str(last)[:cut]
    span = f"{first} (one {unit})" if first == last else f"{first} to {last}"
    span += f" (known to the {unit} only)" if unit != "day" and first != last else ""
    return span + (f"; {info['far_dates']}" if info.get("far_dates") else "")


def _date_unit(docs: Any) -> str:
    """'year' or 'month' when every dated document is known only to it, else 'day'."""
    if "date_precision" not in docs or "published" not in docs:
        return "day"
    prec = docs.loc[docs["published"].notna(), "date_precision"].astype("string")
    kinds = set(prec.fillna("").tolist())
    return kinds.pop() if len(kinds) == 1 and kinds <= {"month", "year"} else "day"


def _header_html(
    info: dict[str, Any], *, hidden: int | None, seeds: bool, detail: bool = False
) -> str:
    """Return the 'what this page was run on' block; every value from the corpus is escaped."""
    e = _stdlib_html.escape
    rows = [("corpus", f"<code>{e(str(info.get('corpus', '')))}</code>")]
    if info.get("error"):
        rows.append(("summary", e(f"the corpus could not be summarised: {info['error']}")))
    else:
        groups = _count_of(_thousands(info["outlets"]), "outlet")
        if info.get("no_outlet"):
            groups += f" ({_count_of(_thousands(info['no_outlet']), 'document')} without an outlet)"
        dates = _dates_text(info)
        rows += [
            ("documents", e(str(_thousands(info["documents"])))),
            ("groups", e(groups)),
            ("dates", e(dates)),
            ("inputs skipped", e(str(_thousands(info["skipped"])))),
        ]
    if info.get("texts_note"):
        rows.append(("texts", e(info["texts_note"])))
    if info.get("folder_note"):
        rows.append(("no outlets", e(info["folder_note"])))
    if info.get("language_note"):
        rows.append(("language", e(info["language_note"])))
    if info.get("case_note"):
        rows.append(("letter case", e(info["case_note"])))
    if detail and info.get("detail"):
        rows.append(("detail analyses", e(info["detail"])))
    if seeds:
        note = "shown: this is the seed corpus shipped with the package"
    elif hidden is None:
        note = "hidden on every page: this is not the seed corpus"
    elif hidden:
        note = f"{hidden} cell(s) about the shipped seed corpus hidden: this is not the seed corpus"
    else:
        note = "none in this notebook"
    rows.append(("seed-specific notes", e(note)))
    cells = "".join(
        f'<tr><th style="text-align:left;padding:.1rem .8rem .1rem 0;font-weight:600">{k}</th>'
        f'<td style="padding:.1rem 0">{v}</td></tr>'
        for k, v in rows
    )
    return (
        '<header class="ct-run-info" style="font-family:sans-serif;font-size:.9rem;'
        'padding:.5rem 1rem;border-bottom:1px solid #ccc;background:#f7f7f7">'
        f'<strong>Run on</strong><table style="border-collapse:collapse">{cells}</table></header>'
    )


def language_note(corpus: Any) -> str:
    """Say what the corpus' language means for the English word lists (empty for English).

    The word lists behind quotes, reporting verbs, hedges, frames, tone and actors are
    English; stopwords exist for a few more languages. A reader of a report on German news
    must learn this before reading any count, so the header names the language (the vote of
    :func:`corpus_tools.languages.main_language`) and what it leaves out. An English corpus
    gets no row; a corpus with no majority language is called mixed.
    """
    from .languages import main_language
    from .tokenize import STOPWORD_LANGUAGES

    if len(corpus) == 0:
        return ""
    try:
        lang = main_language(corpus)
    except Exception:  # a summary must not fail the report; the sections say what they find
        return ""
    if lang == "en":
        return _other_languages_note(corpus)
    lexicons = (
        "the quote cues, reporting verbs, hedges, frame cues, tone lexicon and actor names are "
        "English, so those sections find little or nothing here"
    )
    if lang is None:
        return _unrecognised(corpus, lexicons) or (
            f"mixed or not recognised (no language holds half of the documents{_mix(corpus)}): "
            + lexicons.replace("little or nothing here", "little outside English documents")
        )
    name = STOPWORD_LANGUAGES.get(lang)
    stop = (
        f"counts without stopwords leave out the {name} list"
        if name
        else "no stopword list for this language: counts without stopwords keep every word"
    )
    return f"{language_name(lang)} ({lang}): {lexicons}; {stop}{_no_spaces_note(lang)}"


#: the shipped English names of the language codes without a stopword list (``corpus_tools/data``)
LANGUAGE_NAMES_FILE = "language_names.yml"


@cache
def language_names() -> Mapping[str, str]:
    """English names of the language codes the corpus vote can return without a stopword list.

    Read from ``corpus_tools/data/language_names.yml`` (ISO 639 English names; the languages
    with a stopword list are named by ``tokenize.STOPWORD_LANGUAGES``).

    >>> language_names()["ckb"], len(language_names()) >= 40
    ('Central Kurdish', True)
    """
    from ._data import read_yaml

    data, fname = read_yaml(None, default=LANGUAGE_NAMES_FILE, what="language-name list")
    names = data.get("names") if isinstance(data, dict) else None
    if not isinstance(names, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in names.items()
    ):
        raise DataFileError(f"{fname}: needs 'names', a mapping of language code -> English name.")
    return MappingProxyType(dict(names))


#: languages written without spaces between words
NO_SPACE_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my"})


def language_name(code: str) -> str:
    """The English name of a language code, or the code itself when it is not known.

    The header read 'ja (ja): ...' and the actors section 'the language is ja (ja)'
    for 384 Japanese articles: a language without a stopword list had no name.

    >>> language_name("ja"), language_name("de"), language_name("xx")
    ('Japanese', 'German', 'xx')
    """
    from .tokenize import STOPWORD_LANGUAGES

    return STOPWORD_LANGUAGES.get(code) or language_names().get(code, code)


def _no_spaces_note(lang: str) -> str:
    """What 'word' means for a language written without spaces ('' for the others).

    384 Japanese articles (428,095 characters) counted 35,042 'words' and showed
    seven-character phrases as a group's distinctive terms, with nothing to say why.
    """
    if lang not in NO_SPACE_LANGUAGES:
        return ""
    return (
        f"; {language_name(lang)} is written without spaces between words, and the package does not "
        "split it into words: a 'word' or term here is a run of characters between spaces and "
        "punctuation (often a phrase or a clause), so word counts, terms and term-based "
        "similarity read phrases, not words"
    )


def _unrecognised(corpus: Any, lexicons: str) -> str:
    """The language row when most sampled documents are in no language the package knows
    ('' otherwise): 1,664 Turkish news items read 'mixed or not recognised (...; pt 17, en 2,
    481 unclear): ... find little outside English documents', as if a few were English."""
    try:
        votes, read = _sample_votes(corpus)
    except Exception:  # a summary must not fail the report
        return ""
    unclear = sum(v is None for v in votes)
    if not votes or unclear * 2 <= len(votes):
        return ""
    known = Counter(v for v in votes if v is not None)
    shown, more = _ranked(known)
    rest = f"; the other {len(votes) - unclear:,}: {shown}{more}" if known else ""
    return (
        f"not recognised ({unclear:,} of {len(votes):,} {read} are in none of the languages the "
        f"package can tell{rest}): {lexicons}, and counts without stopwords keep every word"
    )


def _other_languages_note(corpus: Any, *, min_share: float = 0.1) -> str:
    """For a mostly English corpus, the documents in other languages (empty under ``min_share``).

    28 news pages of which 8 are Chinese, Japanese, Arabic, Spanish or Thai got no language
    row, so nothing said why their quotes, frames and actors were missing or why Spanish
    'de' and 'la' were a group's most distinctive terms. The same evenly spaced sample as
    the corpus vote is read (at most 500 documents), so the counts say how many were read.
    """
    votes, read = _sample_votes(corpus)
    known = Counter(v for v in votes if v is not None)
    n = sum(known.values())
    other = Counter({k: c for k, c in known.items() if k != "en"})
    n_other = sum(other.values())
    if n_other < 2 or n_other < min_share * n:
        return ""
    shown, more = _ranked(other)
    return (
        f"mostly English, but {n_other:,} of {n:,} {read} are in other languages ({shown}{more}): "
        "the quote cues, reporting verbs, hedges, frame cues, tone lexicon and actor names are "
        "English, so those sections find little in them, and counts without stopwords keep "
        "their function words (English stopwords only)"
    )


def _sample_votes(corpus: Any) -> tuple[list[str | None], str]:
    """:func:`corpus_tools.languages.corpus_votes` (the votes the corpus vote reads)."""
    from .languages import corpus_votes

    return corpus_votes(corpus)


def _ranked(counts: Counter[str], top: int = 6) -> tuple[str, str]:
    """``"fa 396, ar 348"`` (most first, ties by code) and ``" and 3 more"`` past ``top``."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ", ".join(f"{k} {c:,}" for k, c in ranked[:top])
    return shown, f" and {len(ranked) - top} more" if len(ranked) > top else ""


def _mix(corpus: Any) -> str:
    """``"; of 500 sampled documents: en 220, fa 140, ar 100, 40 unclear"`` for a mixed corpus.

    The ML dataset of 1,383 English, Kurdish and Arabic university news items was called
    "mixed or not recognised" without saying which languages the vote had found.
    """
    try:
        votes, read = _sample_votes(corpus)
    except Exception:  # a summary must not fail the report
        return ""
    known = Counter(v for v in votes if v is not None)
    if not known:
        return ""
    shown, more = _ranked(known)
    unclear = len(votes) - sum(known.values())
    tail = f", {unclear:,} unclear" if unclear else ""
    return f"; of {len(votes):,} {read}: {shown}{more}{tail}"


def _rest_note(rest: list[int]) -> str:
    """Say what the outlet rows past the index table hold: documents, range, single-document rows.

    The index lists the 50 largest outlets; on 3,000 cybersecurity descriptions from 564
    outlets it said only "Showing the 50 largest of 564 rows", so a reader could not tell
    whether the other 514 held 10 % of the documents or half of them.

    Examples
    --------
    >>> _rest_note([11, 3, 1, 1])
    'The other 4 rows hold 16 documents (1 to 11 each; 2 rows have a single document).'
    >>> _rest_note([])
    ''
    """
    if not rest:
        return ""
    singles = sum(1 for n in rest if n == 1)
    spread = (
        f"{min(rest):,} to {max(rest):,} each" if min(rest) != max(rest) else f"{rest[0]:,} each"
    )
    one = (
        ""
        if not singles or singles == len(rest)
        else (f"; {singles:,} {'row has' if singles == 1 else 'rows have'} a single document")
    )
    total = sum(rest)
    docs = f"{total:,} document{'s' if total != 1 else ''}"
    if len(rest) == 1:
        return f"The other row holds {docs}."
    return f"The other {len(rest):,} rows hold {docs} ({spread}{one})."


def case_note(corpus: Any, *, min_share: float = 0.5) -> str:
    """Say when most documents have no capital letter (or no small one): names go unseen.

    Actors, speakers, candidate names and sentence starts are found by their capitals. The
    21,295 ABC headlines of a widely used data set are all lower case ("bush chirac hold
    first meeting since iraq"): the report showed 0 actor mentions and no speakers with
    nothing to say why. Reads the same evenly spaced sample as the language vote (at most
    500 documents); empty unless ``min_share`` of those with cased letters are one-case.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> low = ct.load_corpus(pd.DataFrame({"text": ["bush meets blair in london"] * 3}))
    >>> case_note(low)[:62]
    'lower case: 3 of 3 documents have no capital letter; actors, s'
    >>> case_note(ct.load_corpus(pd.DataFrame({"text": ["Bush meets Blair."] * 3})))
    ''
    """
    from .languages import sample_texts

    texts = sample_texts(corpus.docs["text"].tolist())
    n = lower = upper = 0
    for text in texts:
        has_upper = any(c.isupper() for c in text)
        has_lower = any(c.islower() for c in text)
        if not (has_upper or has_lower):
            continue  # no cased letters (Chinese, Thai, digits): case says nothing
        n += 1
        lower += not has_upper
        upper += not has_lower
    if not n or max(lower, upper) < min_share * n:
        return ""
    which, count, letter = (
        ("lower case", lower, "capital") if lower >= upper else ("capitals", upper, "small")
    )
    read = "documents" if len(texts) == len(corpus) else "sampled documents"
    return (
        f"{which}: {count:,} of {n:,} {read} have no {letter} letter; actors, speakers, "
        "candidate names and sentence starts are found by their capitals: here the actor "
        "and co-occurrence sections find only unambiguous names (no acronyms such as US, UK, "
        "EU), and the speaker sections little or nothing. Use texts with their original "
        "capitals if you can."
    )


def folder_note(corpus: Any, *, max_folders: int = 50, shown: int = 5) -> str:
    """When no document has an outlet but they sit in subfolders, say how to compare them.

    A folder of texts sorted into ``business/``, ``sport/``, ... with no metadata gives one
    group, ``(missing)``, and every comparison in the report has nothing to compare; the
    folders are the grouping the user already made. Empty when any document has an outlet,
    when more than 3 documents (or 5 % of them) sit at the top level, or with fewer
    than 2 or more than ``max_folders`` folders. A few top-level documents (a
    downloaded dataset's README.md: 1 of 913 Portuguese articles) are named.
    """
    docs = corpus.docs
    if len(docs) == 0 or "path" not in docs or docs["outlet"].notna().any():
        return ""
    paths = docs["path"].astype(str).str.replace("\\", "/", regex=False)
    nested = paths.str.contains("/", regex=False)
    n_top = int((~nested).sum())
    if n_top > 3 or n_top >= 0.05 * len(docs):
        return ""
    first = paths[nested].str.split("/", n=1).str[0]
    counts = first.value_counts(sort=False).sort_index()
    if not 2 <= len(counts) <= max_folders:
        return ""
    names = ", ".join(f"{name} ({n:,})" for name, n in counts.head(shown).items())
    more = f" and {len(counts) - shown} more" if len(counts) > shown else ""
    if n_top:
        ids = docs.loc[~nested.to_numpy(), "doc_id"].astype(str) if "doc_id" in docs else paths
        more += f", and {n_top} at the top level ({', '.join(ids.tolist())})"
    return (
        f"no document has an outlet, so every comparison below has one group; the documents "
        f"sit in {len(counts)} folders: {names}{more}. To compare the folders, run the report "
        "again with --outlet-from folder (each document's outlet is its first folder), or add "
        "a metadata.csv with the columns file,outlet to the corpus folder or pass it with "
        "--metadata."
    )


_OUTLET_HINTS = (
    "source", "publisher", "publication", "site", "outlet", "media", "paper", "channel",
    "domain", "feed", "provider", "agency", "brand", "press", "network", "station",
)  # fmt: skip


def column_note(corpus: Any, *, shown: int = 3) -> str:
    """When no document has an outlet but a table column carried into ``docs`` names them, say so.

    A NewsDataHub table of 3,000 cybersecurity descriptions kept its outlets in
    ``source_title`` (564 names), a name the loader did not look for then: the report compared
    one group, "(missing)", and said only "0 outlets". Every column a table carries into
    ``corpus.docs`` is read: one whose name suggests a source (``source``, ``publisher``,
    ``site``, ...) and whose values are short names that repeat (2 or more distinct, at most
    half as many as documents, median under 60 characters, no URLs) is named with the option
    to pass. Empty when any document has an outlet or no column fits.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> t = pd.DataFrame({"text": ["A breach was found.", "Hackers struck again.", "A patch came.",
    ...                            "The bank was hit."],
    ...                   "feed_source": ["TechRadar", "TechRadar", "Bloomberg", "Bloomberg"]})
    >>> column_note(ct.load_corpus(t))[68:]
    "the column 'feed_source' holds 2 names over 4 documents (Bloomberg 2, TechRadar 2, ...). To compare them, run the report again with --outlet-column feed_source (outlet_column='feed_source' in load_corpus)."
    """
    docs = corpus.docs
    if len(docs) < 2 or docs["outlet"].notna().any():
        return ""
    for name in docs.columns:
        low = str(name).lower()
        if name in _CORE_COLUMNS or not any(h in low for h in _OUTLET_HINTS):
            continue
        values = docs[name].dropna()
        if len(values) < 2 or not all(isinstance(v, str) for v in values.head(200)):
            continue
        values = values.astype(str).str.strip()
        counts = values[values != ""].value_counts().sort_index()
        counts = counts.sort_values(ascending=False, kind="mergesort")  # ties by name
        if not 2 <= len(counts) <= len(docs) / 2 or values.str.contains("://").mean() > 0.1:
            continue
        if values.str.len().median() >= 60:
            continue
        top = ", ".join(f"{k} {v:,}" for k, v in counts.head(shown).items())
        return (
            f"no document has an outlet, so every comparison below has one group; the column "
            f"{name!r} holds {len(counts):,} names over {len(values):,} documents ({top}, ...). "
            f"To compare them, run the report again with --outlet-column {name} "
            f"(outlet_column={name!r} in load_corpus)."
        )
    return ""


_CORE_COLUMNS = frozenset(
    "doc_id source outlet published title text raw_text path encoding n_chars format "
    "date_precision duplicate_of duplicate_kind empty_after_cleaning n_cleaning_edits author url "
    "outlet_source published_source title_source text_source outlet_as_written record_header "
    "record_start record_end record_footer encoding_note".split()
)


def _corpus_label(corpus_path: Path) -> str:
    kind = "folder" if corpus_path.is_dir() else "file"
    return f"{corpus_path.name} ({kind})"


def _outlet_rows(table: Any) -> Any:
    """The index's outlet table from :func:`overview` rows: documents, words, first and last
    date per outlet, the largest first (ties by name, ignoring case)."""
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
    # ties alphabetical whatever the case: 'amazon.co.uk' came after 'Wooding Electric'
    by_name = grouped.sort_values("outlet", kind="mergesort", key=lambda s: s.str.casefold())
    return by_name.sort_values("n_docs", ascending=False, kind="mergesort")


def _summary_context(corpus_path: Path, corpus: Any) -> dict[str, Any]:
    from .corpus import MISSING
    from .overview import corpus_summary, overview
    from .plots._base import PALETTE_SIZE, outlet_colors

    summary = corpus_summary(corpus)
    table = overview(corpus)
    table["outlet"] = table["outlet"].where(table["outlet"].notna(), MISSING).astype(str)
    grouped = _outlet_rows(table)
    # the figures' colours: the missing label is black and takes no palette slot. Past the
    # palette a figure colours only the outlets it draws (shown_colors), so a corpus-wide
    # swatch would match no figure and repeat every 17 rows: then the table has none
    named = {o for o in table["outlet"] if o != MISSING}
    colors = outlet_colors(named) if len(named) <= PALETTE_SIZE else {}

    def _d(x: Any) -> str:
        return "unknown" if x is None or x != x else x.date().isoformat()

    outlets = [
        {
            "outlet": r.outlet,
            "n_docs": _thousands(int(r.n_docs)),
            "n_words": _thousands(int(r.n_words)),
            "first": _d(r.first),
            "last": _d(r.last),
            "color": colors.get(r.outlet, "#000000" if colors else ""),
        }
        for r in grouped.head(50).itertuples()
    ]
    skipped = corpus.skipped
    values = dict(zip(summary["measure"].tolist(), summary["value"].tolist(), strict=False))
    header = {
        "corpus": _corpus_label(corpus_path),
        "documents": values.get("documents", ""),
        "outlets": values.get("outlets", ""),
        "no_outlet": int(values.get("documents without outlet", "0") or 0),
        "first": values.get("first date", "unknown"),
        "last": values.get("last date", "unknown"),
        "date_unit": _date_unit(corpus.docs),
        "far_dates": far_dates_note(corpus.docs["published"]) if "published" in corpus.docs else "",
        "skipped": values.get("inputs skipped", ""),
        "n_docs": len(corpus),
        "language_note": language_note(corpus),
        "case_note": case_note(corpus),
        "folder_note": folder_note(corpus) or column_note(corpus),
    }
    return {
        "header": header,
        "summary": [
            (m, _thousands(v))
            for m, v in zip(summary["measure"].tolist(), summary["value"].tolist(), strict=False)
        ],
        "outlets": outlets,
        # no date anywhere: two columns of 'unknown' on every row (158 outlets of headlines)
        "outlets_dated": bool(grouped["first"].notna().any()),
        "n_outlets": int((grouped["outlet"] != MISSING).sum()),  # "(missing)": a row, no outlet
        "n_outlet_rows": len(grouped),
        "missing_row": bool((grouped["outlet"] == MISSING).any()),
        "outlets_cut": len(grouped) > 50,
        "outlets_rest": _rest_note(grouped["n_docs"].iloc[50:].astype(int).tolist()),
        "no_swatches": bool(named) and not colors,
        "palette_size": PALETTE_SIZE,
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
    return neutralise_bidi(env.get_template("index.html.j2").render(**context))


_QUIET_KM: Any = None


def _quiet_kernel_manager() -> Any:
    """A kernel manager whose kernel does not write to our stderr.

    Cell output reaches the notebook through the kernel's messages; what the
    kernel process itself prints on stderr (transport warnings, the traceback
    of an interrupted reply after a cell timeout) is noise for a report user.
    """
    global _QUIET_KM
    if _QUIET_KM is None:
        import subprocess

        from jupyter_client.manager import AsyncKernelManager

        class QuietKernelManager(AsyncKernelManager):
            async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
                kw["stderr"] = subprocess.DEVNULL
                await super()._async_launch_kernel(kernel_cmd, **kw)

        _QUIET_KM = QuietKernelManager
    return _QUIET_KM


def _run_one(
    nb_path: Path,
    out_nb: Path,
    parameters: dict[str, Any],
    timeout: float | None,
    live: bool = False,
) -> tuple[Any, Any]:
    """Execute one notebook with papermill; return (executed notebook, exception or None)."""
    import nbformat
    import papermill as pm

    exc: Any = None
    pm_log = logging.getLogger("papermill")  # its "Timeout waiting for execute reply" line
    level = pm_log.level  # would come before the report's own plain message: that one says it
    pm_log.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pm.execute_notebook(
                str(nb_path),
                str(out_nb),
                parameters=parameters,
                kernel_name="python3",
                progress_bar=live,
                log_output=False,
                cwd=str(nb_path.parent),
                execution_timeout=max(1, math.ceil(timeout)) if timeout else None,
                kernel_manager_class=_quiet_kernel_manager(),
            )
    except Exception as err:  # cell error, kernel died, timeout, bad notebook: never fatal
        exc = err
    finally:
        pm_log.setLevel(level)
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


def _for_display(nb: Any, corpus_path: Path, *, hide_seed_cells: bool = False) -> tuple[Any, int]:
    """Return (a copy of an executed notebook fit for the HTML page, cells hidden).

    papermill's injected-parameters cell carries the absolute corpus path and
    a random cell id; the page shows the corpus folder's name instead and a
    fixed id, so the same corpus gives the same HTML wherever it lives. With
    ``hide_seed_cells``, cells tagged ``seeds-only`` (prose or code about the
    shipped seed corpus) are left out of the page, outputs included.
    """
    import copy

    shown = coalesce_streams(copy.deepcopy(nb))
    n_hidden = 0
    if hide_seed_cells:
        kept = [c for c in shown.cells if SEEDS_ONLY_TAG not in c.metadata.get("tags", [])]
        n_hidden = len(shown.cells) - len(kept)
        shown.cells = kept
    for cell in shown.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
            cell.source = _injected_source(cell.source, corpus_path)
    return shown, n_hidden


def _injected_source(source: str, corpus_path: Path) -> str:
    """The injected-parameters cell as a page shows it: no temporary paths, fixed text."""
    lines = [
        "# Parameters injected by corpus-tools report",
        f"CORPUS = {corpus_path.name!r}  # the corpus given on the command line",
    ]
    for line in source.splitlines():
        if line.startswith("DETAIL_DOCS = "):
            lines.append(line + "  # most documents for the detail analyses (None = all)")
        elif line.startswith("SNAPSHOT = "):
            lines.append("SNAPSHOT = '...'  # the corpus as loaded once by the report")
    return "\n".join(lines)


_PARAM_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=")


def declared_parameters(nb: Any) -> set[str]:
    """Return the names assigned in a notebook's ``parameters`` cell (papermill's convention).

    Examples
    --------
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("CORPUS = '../seeds'  # folder\\nTOP_N = 12")
    >>> cell.metadata["tags"] = ["parameters"]
    >>> sorted(declared_parameters(nbformat.v4.new_notebook(cells=[cell])))
    ['CORPUS', 'TOP_N']
    """
    names: set[str] = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            names.update(
                m.group(1) for ln in cell.source.splitlines() if (m := _PARAM_LINE.match(ln))
            )
    return names


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, sec = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {sec:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _timeout_message(cell_number: int | None, first_line: str, timeout: float | None) -> str:
    cell = f"code cell {cell_number}" if cell_number else "a code cell"
    if first_line:
        cell += f" ({first_line})"
    return (
        f"{cell} did not finish within the time budget of {timeout:g} s per cell; "
        "the notebook was stopped there. Give more time with --timeout SECONDS "
        "(timeout= in Python; 0 = no limit), or run the notebook on a smaller corpus."
    )


def _check_notebook_file(path: Path, name: str) -> None:
    """Refuse a file that is not Jupyter notebook JSON before anything runs."""
    why = ""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lstrip()
            if not head.startswith(b"{"):
                why = "it does not start with '{'"
            else:
                fh.seek(0)
                nb = json.load(fh)
                if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
                    why = "JSON without a 'cells' list"
    except (OSError, UnicodeDecodeError, ValueError) as err:
        why = f"{type(err).__name__}: {err}"
    if why:
        raise CorpusLoadError(
            f"notebook {name!r}: not a Jupyter notebook (.ipynb JSON; {why}). Give a "
            "notebook file, or the name of a curated one such as 01_corpus_overview."
        )


def _pick_notebooks(names: list[str]) -> list[Path]:
    """Resolve notebook files, or names/prefixes of the curated ones (``01``, ``02_source``)."""
    picked: list[Path] = []
    curated: list[Path] | None = None
    for name in names:
        path = Path(name).expanduser()
        if path.is_file():
            _check_notebook_file(path, name)
            picked.append(path.resolve())
            continue
        if curated is None:
            try:
                curated = find_notebooks()
            except CorpusLoadError:
                curated = []
        hits = [p for p in curated if p.name == name or p.name.startswith(str(name))]
        if len(hits) != 1 or not str(name).strip():
            known = ", ".join(p.stem for p in curated) or "none found"
            why = "matches several notebooks" if len(hits) > 1 else "not found"
            raise CorpusLoadError(
                f"notebook {name!r}: {why}; give a notebook file or one of: {known}."
            )
        picked.append(hits[0].resolve())
    return picked


def prepare_corpus(
    corpus_path: Path, snapshot: Path | None, load_options: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Load the corpus once: return the index context and write the notebooks' snapshot.

    Runs in a child process of the report (so the report process itself never
    holds the corpus while the notebooks run). ``load_options`` are passed to
    :func:`corpus_tools.load_corpus` (``text_column=``, ``date_format=``...).
    The warnings of the load are kept in the snapshot, so each notebook shows
    them as a direct load would. ``context["snapshot"]`` is the snapshot's
    path, or None when none was written (``snapshot=None``, or the corpus
    could not be summarised). A :class:`~corpus_tools.CorpusToolsError` of
    the load (bad metadata, no documents...) is returned as
    ``context["load_error"]`` = (class name, message): the report stops there.
    """
    from .cli import LOADER_UNUSED_NOTE, unused_load_options
    from .io import load_corpus
    from .snapshot import save_snapshot

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            corpus = load_corpus(str(corpus_path), **(load_options or {}))
            unused = unused_load_options(corpus, load_options or {})
            for note in unused:  # kept in the snapshot's notes, printed by the report too
                warnings.warn(note, CorpusToolsWarning, stacklevel=1)
    except CorpusToolsError as err:  # the user's to fix: the report stops before any notebook
        return {"load_error": (type(err).__name__, str(err))}
    except Exception as err:  # the notebooks will report the details
        return _failed_context(corpus_path, _plain_error(type(err).__name__, str(err)))
    if not len(corpus.docs):  # every input skipped: nothing to report on, say why
        return {"load_error": ("CorpusLoadError", no_documents_message(corpus_path, corpus))}
    try:
        context = _summary_context(corpus_path, corpus)
    except Exception as err:  # the notebooks will report the details
        return _failed_context(corpus_path, _plain_error(type(err).__name__, str(err)))
    notes = [
        str(w.message)
        for w in caught
        if issubclass(w.category, CorpusToolsWarning)
        and not re.match(LOADER_UNUSED_NOTE, str(w.message))  # given once, with its flag
    ]
    context["option_notes"] = unused
    context["load_notes"] = [n for n in dict.fromkeys(notes) if n not in unused]
    context["header"]["texts_note"] = texts_note(corpus)
    context["snapshot"] = str(save_snapshot(corpus, snapshot, notes=notes)) if snapshot else None
    return context


def texts_note(corpus: Any) -> str:
    """Say when the texts analysed are a table's headlines (the loader records the column
    in ``docs["text_source"]`` as ``headline:<column>``: the table had no text column), for
    the report's header; '' otherwise.

    >>> import pandas as pd
    >>> texts_note(pd.DataFrame({"text_source": ["headline:headline_text"]}))[:58]
    "headlines only: the table has no text column, so column 'h"
    >>> texts_note(pd.DataFrame({"text_source": ["table:body", None]}))
    ''
    """
    cols = headline_text_columns(corpus)
    if not cols:
        return ""
    names = " / ".join(repr(c) for c in cols)
    return (
        f"headlines only: the table has no text column, so column {names} is the "
        "text analysed (pass --text-column NAME for another column)"
    )


def skip_line(path: Any, reason: Any) -> str:
    """A skipped input's reason, named by its file unless the reason begins with it.

    A folder of 20 JSON files printed "skipped: JSON row 40: missing text" and a folder of
    saved pages "skipped: HTML page with no extractable article text", three times: the
    reader could not tell which file to look at.

    >>> skip_line("a/m1-apple.json", "JSON row 40: missing text")
    'a/m1-apple.json: JSON row 40: missing text'
    >>> skip_line("h.csv", "h.csv: no text column")
    'h.csv: no text column'
    >>> skip_line("m1-apple.json#row=21", "JSON row 21: missing text")
    'm1-apple.json: JSON row 21: missing text'
    >>> skip_line("rows.jsonl#line=2", "JSONL line 2: missing text")
    'rows.jsonl: JSONL line 2: missing text'
    """
    path, reason = str(path), str(reason)
    row = re.fullmatch(r"(.+)#(row|line)=(\d+)", path)
    if row and re.match(rf"(\w+ )?{row.group(2)} {row.group(3)}\b", reason):  # it names the row
        path = row.group(1)
    return reason if not path or reason.startswith(f"{path}:") else f"{path}: {reason}"


def no_documents_message(
    corpus_path: Path, corpus: Any, limit: int = 3, *, doing: str = "report on"
) -> str:
    """The stop message of ``report`` (and, with ``doing="clean"``, of ``clean``) for a corpus
    whose every input was skipped.

    Names the first ``limit`` skipped inputs with their reasons (each reason
    says its fix, e.g. ``pass text_column=``), each by its file (:func:`skip_line`).

    Examples
    --------
    >>> import pandas as pd
    >>> class C:
    ...     skipped = pd.DataFrame({"path": ["h.csv"], "reason": ["h.csv: no text column; pass text_column="]})
    >>> no_documents_message(Path("news"), C())
    'news: no document could be loaded, so there is nothing to report on; 1 input skipped: h.csv: no text column; pass text_column='
    >>> class D:
    ...     skipped = pd.DataFrame({"path": ["a.bin"], "reason": ["unsupported"]})
    >>> no_documents_message(Path("data/bins"), D(), doing="clean")
    'bins: no document could be loaded, so there is nothing to clean; 1 input skipped: a.bin: unsupported'
    """
    skipped = corpus.skipped
    n = len(skipped)
    first = skipped.head(limit)
    reasons = [
        skip_line(path, reason)
        for path, reason in zip(first["path"].tolist(), first["reason"].tolist(), strict=True)
    ]
    more = f" (and {n - limit} more; run corpus-tools info to list them)" if n > limit else ""
    what = (
        f"{n} input{'s' if n != 1 else ''} skipped: " + "; ".join(reasons)
        if n
        else "no input found"
    )
    return (
        f"{corpus_path.name or corpus_path}: no document could be loaded, so there is nothing "
        f"to {doing}; {what}{more}"
    )


def _raise_load_error(context: dict[str, Any]) -> None:
    """Raise the load error a child process returned (same class as the load raised)."""
    from . import errors

    if "load_error" not in context:
        return
    name, message = context["load_error"]
    cls = getattr(errors, str(name), None)
    if not (isinstance(cls, type) and issubclass(cls, CorpusToolsError)):
        cls = CorpusLoadError
    raise cls(message)


def _failed_context(corpus_path: Path, message: str) -> dict[str, Any]:
    return {
        "header": {"corpus": _corpus_label(corpus_path), "error": message},
        "summary": [],
        "outlets": [],
        "n_outlets": 0,
        "outlets_cut": False,
        "outlets_rest": "",
        "skipped": [],
        "n_skipped": 0,
        "skipped_cut": False,
        "summary_error": message,
        "snapshot": None,
    }


_PREPARE = (
    "import sys, json; from pathlib import Path; from corpus_tools.report import prepare_to_file; "
    "prepare_to_file(*map(Path, sys.argv[1:4]), load_options=json.loads(sys.argv[4]))"
)


def prepare_to_file(
    corpus_path: Path,
    snapshot: Path,
    context_file: Path,
    load_options: dict[str, Any] | None = None,
) -> None:
    """Run :func:`prepare_corpus` and pickle its context to ``context_file`` (child side)."""
    import pickle

    context = prepare_corpus(corpus_path, snapshot, load_options)
    with open(context_file, "wb") as fh:
        pickle.dump(context, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _prepare_in_child(
    corpus_path: Path, snapshot: Path, load_options: dict[str, Any] | None = None
) -> dict[str, Any]:
    """:func:`prepare_corpus` in a fresh Python process; its memory is returned when it ends.

    A plain subprocess (not multiprocessing), so a user's script calling
    :func:`run_report` without a ``__main__`` guard is not imported again.
    """
    import json
    import pickle
    import subprocess

    context_file = snapshot.with_name("context.pickle")
    options = json.dumps(load_options or {})
    args = [sys.executable, "-c", _PREPARE, str(corpus_path), str(snapshot), str(context_file)]
    args.append(options)
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    if proc.returncode == 0 and context_file.is_file():
        with open(context_file, "rb") as fh:
            context: dict[str, Any] = pickle.load(fh)
        return context
    last = (proc.stderr or "").strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
    return _failed_context(corpus_path, _plain_error("the loading process failed", last[0]))


@dataclass
class _Run:
    """What every notebook of one report run shares."""

    corpus_path: Path
    context: dict[str, Any]
    seeds: bool
    timeout: float | None
    parameters: dict[str, Any]
    progress: bool
    n_notebooks: int
    tmp: Path = Path(".")
    load_options: dict[str, Any] = field(default_factory=dict)

    def say(self, msg: str) -> None:
        if self.progress:
            print(msg, file=sys.stderr, flush=True)


def _checked_args(
    corpus: str, out_dir: str, notebooks: list[str] | None, timeout: float | None, overwrite: bool
) -> tuple[Path, list[Path], Path, float | None]:
    """Validate the arguments before any work: (corpus path, notebooks, target, time budget)."""
    if not str(corpus).strip():
        raise CorpusValueError("the corpus path is empty; give a folder or file to report on.")
    try:
        corpus_path = Path(corpus).expanduser().resolve()
    except RuntimeError:  # Python 3.11 raises on a symlink loop (a.txt -> b.txt -> a.txt)
        raise CorpusLoadError(
            f"{corpus}: symlink loop (the link leads back to itself); not followed: point at "
            "the real file or folder."
        ) from None
    if not corpus_path.exists():
        raise CorpusLoadError(f"{corpus}: no such file or folder; pass the corpus to report on.")
    nb_paths = _pick_notebooks(notebooks) if notebooks else find_notebooks()
    # refuse an unsafe output folder before any work; checked again under the lock
    target = check_output(
        out_dir, kind="report", corpus=corpus_path, overwrite=overwrite, inputs=nb_paths
    )
    if timeout is not None and (
        isinstance(timeout, bool)
        or not isinstance(timeout, (int, float))
        or not math.isfinite(timeout)
        or timeout < 0
    ):
        raise CorpusValueError(f"timeout={timeout!r}: give seconds per cell (0 = no limit).")
    return corpus_path, nb_paths, target, timeout or None


def _check_options(
    detail_docs: int | None, jobs: int, load_options: dict[str, Any] | None = None
) -> dict[str, str]:
    """Refuse invalid options before any work; return the checked ``load_options``."""
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise CorpusValueError(f"jobs={jobs!r}: give how many notebooks run at once (1 or more).")
    bad = isinstance(detail_docs, bool) or not isinstance(detail_docs, int | None)
    if bad or (detail_docs is not None and detail_docs < 1):
        raise CorpusValueError(
            f"detail_docs={detail_docs!r}: give the most documents for the detail analyses "
            "(a whole number, at least 1), or None for all documents."
        )
    return _checked_load_options(load_options)


_LOAD_OPTIONS = (
    "text_column",
    "id_column",
    "title_column",
    "outlet_column",
    "date_column",
    "outlet_from",
    "split",
    "date_format",
    "encoding",
    "metadata",
    "quotechar",
    "url_column",
)


def _checked_load_options(load_options: dict[str, Any] | None) -> dict[str, Any]:
    """The report's ``load_options``: known names, text values (``date_format`` also a list of
    them), ``metadata`` as an absolute path."""
    options: dict[str, Any] = {}
    for name, value in (load_options or {}).items():
        if name not in _LOAD_OPTIONS:
            raise CorpusValueError(
                f"load_options: unknown option {name!r}; give any of {', '.join(_LOAD_OPTIONS)}."
            )
        if value is None:
            continue
        if name == "quotechar" and isinstance(value, str) and len(value) <= 1:
            options[name] = value  # '' reads quote marks as text; the loader checks the rest
            continue
        if name == "date_format" and isinstance(value, list | tuple) and value:
            # several formats tried in order (--date-format given twice): a list
            if not all(isinstance(v, str) and v.strip() for v in value):
                raise CorpusValueError(f"load_options: {name}={value!r}; give non-empty texts.")
            options[name] = list(value)
            continue
        if not isinstance(value, str | os.PathLike) or not str(value).strip():
            raise CorpusValueError(f"load_options: {name}={value!r}; give a non-empty text.")
        text = str(value)
        options[name] = str(Path(text).expanduser().resolve()) if name == "metadata" else text
    return options


def _notebook_result(nb_path: Path, executed: Any, exc: Any, timeout: float | None) -> Any:
    """The :class:`NotebookResult` of one run (status, cells, error in plain words)."""
    import nbformat

    source_nb = executed if executed is not None else nbformat.read(str(nb_path), 4)
    res = NotebookResult(
        name=nb_path.name, title=_title_of(source_nb, nb_path.stem), ok=exc is None
    )
    res.n_cells = sum(
        1
        for c in source_nb.cells
        if c.cell_type == "code"
        and c.source.strip()
        and "injected-parameters" not in c.metadata.get("tags", [])
    )
    if exc is not None:
        res.cell_number, res.cell_first_line = _failed_cell(executed, exc)
        if isinstance(exc, TimeoutError):
            res.error = _timeout_message(res.cell_number, res.cell_first_line, timeout)
        else:
            ename = getattr(exc, "ename", type(exc).__name__)
            evalue = getattr(exc, "evalue", str(exc))
            res.error = _plain_error(ename, evalue)
    return res


def _declared_in_file(nb_path: Path) -> set[str]:
    import nbformat

    try:
        return declared_parameters(nbformat.read(str(nb_path), as_version=4))
    except Exception:  # an unreadable notebook fails in papermill, with its own message
        return set()


def _write_page(res: NotebookResult, executed: Any, out: Path, run: _Run, detail: bool) -> None:
    """Export an executed notebook to ``OUT/<name>.html``; a failed export marks it failed."""
    html_name = Path(res.name).stem + ".html"
    try:
        shown, n_hidden = _for_display(executed, run.corpus_path, hide_seed_cells=not run.seeds)
        header = _header_html(
            run.context["header"], hidden=n_hidden, seeds=run.seeds, detail=detail
        )
        page = export_html(shown, title=res.title, header=header, plotly_js=PLOTLY_JS)
        if "Plotly.newPlot" in page:
            write_plotly_js(out)
        (out / html_name).write_text(page, encoding="utf-8")
        res.html = html_name
    except Exception as err:  # export problems are reported like run problems
        res.ok = False
        res.error = (res.error + "\n" if res.error else "") + _plain_error(
            "HTML export failed: " + type(err).__name__, str(err)
        )


def saved_notebook(
    executed: Any, *, seeds: bool, load_options: dict[str, Any] | None = None
) -> Any:
    """A copy of an executed notebook fit to be opened and run again by the user.

    The report loads the corpus once into a temporary snapshot that is
    deleted when the run ends, so the copy's ``SNAPSHOT`` is ``None``:
    running it again loads ``CORPUS`` itself (the load options the report
    used are named in a comment). On a corpus other than the seeds, cells
    tagged ``seeds-only`` (prose about the shipped seed articles) are left
    out, as on the HTML page.

    Examples
    --------
    >>> import nbformat
    >>> params = nbformat.v4.new_code_cell('CORPUS = "/data/news"\\nSNAPSHOT = "/tmp/x/corpus.pickle"')
    >>> params.metadata["tags"] = ["injected-parameters"]
    >>> seed_note = nbformat.v4.new_markdown_cell("On the seeds ...")
    >>> seed_note.metadata["tags"] = [SEEDS_ONLY_TAG]
    >>> nb = nbformat.v4.new_notebook(cells=[params, seed_note])
    >>> saved = saved_notebook(nb, seeds=False, load_options={"text_column": "title"})
    >>> print(saved.cells[0].source)
    CORPUS = "/data/news"
    SNAPSHOT = None  # the report's snapshot was temporary: running this notebook loads CORPUS
    # corpus-tools report loaded CORPUS with text_column='title'; pass the same to ct.load_corpus
    >>> len(saved.cells), len(nb.cells)
    (1, 2)
    """
    import copy

    saved = copy.deepcopy(executed)
    if not seeds:
        saved.cells = [c for c in saved.cells if SEEDS_ONLY_TAG not in c.metadata.get("tags", [])]
    options = ", ".join(f"{k}={v!r}" for k, v in sorted((load_options or {}).items()))
    for cell in saved.cells:
        if "injected-parameters" not in cell.metadata.get("tags", []):
            continue
        lines = [
            "SNAPSHOT = None  # the report's snapshot was temporary: running this notebook loads CORPUS"
            if line.startswith("SNAPSHOT = ")
            else line
            for line in cell.source.splitlines()
        ]
        if options:
            lines.append(
                f"# corpus-tools report loaded CORPUS with {options}; pass the same to ct.load_corpus"
            )
        cell.source = "\n".join(lines)
    params = saved.metadata.get("papermill", {}).get("parameters", {})
    if "SNAPSHOT" in params:
        params["SNAPSHOT"] = None
    return saved


def _save_notebook(executed: Any, out_nb: Path, run: _Run) -> None:
    """Write the copy of ``executed`` that ``OUT/notebooks/`` keeps (see :func:`saved_notebook`)."""
    import nbformat

    try:
        nbformat.write(
            saved_notebook(executed, seeds=run.seeds, load_options=run.load_options), out_nb
        )
    except OSError:  # papermill's own copy stays: the page and the status are already written
        pass


def _run_notebook(i: int, nb_path: Path, out: Path, run: _Run) -> NotebookResult:
    """Execute one notebook into ``out`` and write its page; never raises for a notebook error."""
    t0 = time.monotonic()
    run.say(f"{_tag(i, nb_path, run)}: running ...")
    live = run.progress and sys.stderr.isatty()
    out_nb = out / "notebooks" / nb_path.name
    executed, exc = _run_one(nb_path, out_nb, _params_for(nb_path, run), run.timeout, live)
    return _finish_notebook(i, nb_path, out, run, (executed, exc), t0)


def _tag(i: int, nb_path: Path, run: _Run) -> str:
    from .cli import printable

    return f"[{i}/{run.n_notebooks}] {printable(nb_path.name)}"


def _params_for(nb_path: Path, run: _Run) -> dict[str, Any]:
    """The report's parameters that ``nb_path`` declares (``CORPUS`` always)."""
    declared = _declared_in_file(nb_path)
    return {k: v for k, v in run.parameters.items() if k == "CORPUS" or k in declared}


def _finish_notebook(
    i: int, nb_path: Path, out: Path, run: _Run, outcome: tuple[Any, Any], t0: float
) -> NotebookResult:
    """The result of an executed notebook: its page written, its status said."""
    from .cli import printable

    executed, exc = outcome
    res = _notebook_result(nb_path, executed, exc, run.timeout)
    if executed is not None:
        detail = "DETAIL_DOCS" in _declared_in_file(nb_path)
        _write_page(res, executed, out, run, detail=detail)
        _save_notebook(executed, out / "notebooks" / nb_path.name, run)
    took = _duration(time.monotonic() - t0)
    tag = _tag(i, nb_path, run)
    if res.ok:
        run.say(f"{tag}: ok ({took})")
    else:
        where = f" in code cell {res.cell_number}" if res.cell_number else ""
        first = printable(res.error.splitlines()[0]) if res.error else ""
        run.say(f"{tag}: failed{where} ({took}): {first}")
    return res


class NotebookRunError(Exception):
    """A notebook's failure as a child process reported it (cell error, kernel death, bad file)."""

    def __init__(self, ename: str, evalue: str, exec_count: int | None) -> None:
        super().__init__(f"{ename}: {evalue}")
        self.ename, self.evalue, self.exec_count = ename, evalue, exec_count


class NotebookTimeout(NotebookRunError, TimeoutError):
    """A cell over the time budget, as a child process reported it."""


_RUN_CHILD = (
    "import sys; from pathlib import Path; from corpus_tools.report import run_job; "
    "run_job(Path(sys.argv[1]))"
)


def run_job(job: Path) -> None:
    """Child side of a parallel report: execute the notebook a job file names, record the outcome.

    ``job`` is a pickle ``(notebook, executed copy, parameters, time budget)``
    written by the report; the outcome (None, or the failure's kind, name,
    message and cell) goes to ``job`` with the suffix ``.outcome``.
    """
    import pickle

    with open(job, "rb") as fh:
        nb_path, out_nb, params, timeout = pickle.load(fh)
    _, exc = _run_one(nb_path, out_nb, params, timeout)
    outcome = None
    if exc is not None:
        outcome = (
            isinstance(exc, TimeoutError),
            str(getattr(exc, "ename", type(exc).__name__)),
            str(getattr(exc, "evalue", exc)),
            getattr(exc, "exec_count", None),
        )
    with open(job.with_suffix(".outcome"), "wb") as fh:
        pickle.dump(outcome, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _run_in_child(
    nb_path: Path, out_nb: Path, params: dict[str, Any], run: _Run
) -> tuple[Any, Any]:
    """Execute one notebook in a fresh Python process (so several can run at once).

    papermill changes the process's working directory while a notebook
    runs, so concurrent notebooks each get their own process. Returns
    (executed notebook or None, exception or None) as :func:`_run_one` does.
    """
    import pickle
    import subprocess

    import nbformat

    job = run.tmp / f"job-{nb_path.stem}.pickle"
    with open(job, "wb") as fh:
        pickle.dump((nb_path, out_nb, params, run.timeout), fh, protocol=pickle.HIGHEST_PROTOCOL)
    args = [sys.executable, "-c", _RUN_CHILD, str(job)]
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    exc: Any = None
    outcome_file = job.with_suffix(".outcome")
    if outcome_file.is_file():
        with open(outcome_file, "rb") as fh:
            outcome = pickle.load(fh)
        if outcome is not None:
            timed_out, ename, evalue, exec_count = outcome
            exc = (NotebookTimeout if timed_out else NotebookRunError)(ename, evalue, exec_count)
    else:
        last = (proc.stderr or "").strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
        exc = NotebookRunError("the notebook process failed", last[0], None)
    executed = nbformat.read(str(out_nb), as_version=4) if out_nb.exists() else None
    return executed, exc


def _run_all(nb_paths: list[Path], out: Path, run: _Run, jobs: int) -> list[NotebookResult]:
    """Run the notebooks, ``jobs`` at a time (each in its own process when more than one)."""
    if jobs <= 1 or len(nb_paths) <= 1:
        return [_run_notebook(i, p, out, run) for i, p in enumerate(nb_paths, 1)]
    from concurrent.futures import ThreadPoolExecutor

    def execute(i: int, nb_path: Path) -> tuple[tuple[Any, Any], float]:
        t0 = time.monotonic()
        run.say(f"{_tag(i, nb_path, run)}: running ...")
        out_nb = out / "notebooks" / nb_path.name
        return _run_in_child(nb_path, out_nb, _params_for(nb_path, run), run), t0

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(execute, i, p) for i, p in enumerate(nb_paths, 1)]
        # pages are written here, one at a time, in notebook order
        return [
            _finish_notebook(i, p, out, run, *f.result())
            for i, (p, f) in enumerate(zip(nb_paths, futures, strict=True), 1)
        ]


def _write_index(
    out: Path, run: _Run, results: list[NotebookResult], corpus_path: Path, detail: bool
) -> int:
    """Write ``OUT/index.html``; return the number of failed notebooks."""
    from markupsafe import Markup

    from . import __version__

    n_failed = sum(1 for r in results if not r.ok)
    run.context.update(
        corpus_name=corpus_path.name,
        version=__version__,
        notebooks=results,
        n_total=len(results),
        n_ok=len(results) - n_failed,
        n_failed=n_failed,
        run_info=Markup(
            _header_html(run.context["header"], hidden=None, seeds=run.seeds, detail=detail)
        ),
    )
    (out / "index.html").write_text(_render_index(run.context), encoding="utf-8")
    return n_failed


def _start_run(
    corpus_path: Path,
    target: Path,
    nb_paths: list[Path],
    timeout: float | None,
    progress: bool,
    detail_docs: int | None,
    tmp: Path,
    load_options: dict[str, Any] | None = None,
) -> _Run:
    """Announce the run, load the corpus once (snapshot in ``tmp``), fix the notebook parameters.

    Raises the load's :class:`~corpus_tools.CorpusToolsError` (before any notebook runs).
    """
    from .cli import printable

    started = time.monotonic()
    seeds = is_seed_corpus(corpus_path)
    run = _Run(corpus_path, {}, seeds, timeout, {}, progress, len(nb_paths), tmp)
    run.load_options = dict(load_options or {})
    budget = f"(time budget {timeout:g} s per cell)" if timeout else "(no time budget)"
    run.say(
        f"corpus-tools report: {len(nb_paths)} notebook(s) on {printable(corpus_path)} "
        f"into {printable(target)} {budget}"
    )
    run.context = _prepare_in_child(corpus_path, tmp / "corpus.pickle", load_options)
    _raise_load_error(run.context)
    for note in run.context.get("option_notes", []):
        run.say(f"note: {printable(note)}")
    run.context["header"]["detail"] = _detail_note(run.context["header"], detail_docs)
    run.parameters = {"CORPUS": str(corpus_path), "DETAIL_DOCS": detail_docs}
    if run.context.get("snapshot"):
        run.parameters["SNAPSHOT"] = run.context["snapshot"]
        took = _duration(time.monotonic() - started)
        run.say(f"corpus loaded once for every notebook ({took})")
    _say_load_notes(run)
    return run


_SHOWN_LOAD_NOTES = 5


def _say_load_notes(run: _Run) -> None:
    """Print the loader's notes (a date column it did not read, a headline-only table, ...).

    UCI News Aggregator: the loader noted that column 'TIMESTAMP' holds Unix timestamps and
    how to read them (--date-column TIMESTAMP --date-format epoch), but the report caught the
    note into the snapshot and the terminal and the index said only 'dates: unknown'. The
    first five are printed; the index lists them all.
    """
    from .cli import printable

    notes = run.context.get("load_notes", [])
    for note in notes[:_SHOWN_LOAD_NOTES]:
        run.say(f"note: {printable(note)}")
    if len(notes) > _SHOWN_LOAD_NOTES:
        run.say(f"({len(notes) - _SHOWN_LOAD_NOTES} more notes from loading in index.html)")
    # a folder of two tables, one without a text column: the report ran on the other one and
    # only index.html said that the first was left out
    skipped, n_skipped = run.context.get("skipped", []), run.context.get("n_skipped", 0)
    for row in skipped[:_SHOWN_LOAD_NOTES]:
        run.say(f"skipped: {printable(skip_line(row['path'], row['reason']))}")
    if n_skipped > min(len(skipped), _SHOWN_LOAD_NOTES):
        run.say(f"({n_skipped:,} inputs skipped in all: index.html lists them)")


def run_report(
    corpus: str,
    out_dir: str,
    *,
    notebooks: list[str] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    overwrite: bool = False,
    progress: bool = True,
    detail_docs: int | None = DETAIL_DOCS,
    jobs: int = 1,
    load_options: dict[str, Any] | None = None,
) -> int:
    """Run the notebooks on ``corpus`` and write an HTML report to ``out_dir``.

    Parameters
    ----------
    corpus : str
        Folder or file to analyse (anything :func:`corpus_tools.load_corpus` reads).
    out_dir : str
        Output folder: ``index.html``, one ``<notebook>.html`` per notebook,
        and the executed notebooks in ``notebooks/``. It must be outside the
        corpus folder and new, empty, or an earlier report of this package
        (replaced only with ``overwrite=True``); the report is built in a
        temporary sibling folder and moved into place when complete.
    notebooks : list of str, optional
        Notebook files, or names or name prefixes of the curated ones
        (``["01", "03"]``); default: every curated notebook.
    timeout : float, optional
        Seconds allowed per cell (default 600; ``None`` or 0: no limit). A cell over
        budget stops its notebook (reported failed, cell named); the others still run.
    overwrite : bool, default False
        Replace ``out_dir`` when it holds an earlier report.
    progress : bool, default True
        Say on stderr which notebook runs and how long each took, then the index on stdout.
    detail_docs : int or None, default 5000
        The per-sentence detail analyses (quotes, triples, frames, evidence views) run
        on a stable sample of at most this many documents, stratified by outlet
        (:func:`corpus_tools.detail_sample`); counts use every document. None: all.
    jobs : int, default 1
        Notebooks run at once, each in its own process (2 on two cores: about half
        the time, the memory of two kernels). Pages are the same whatever the number.
    load_options : dict, optional
        Passed to :func:`corpus_tools.load_corpus` for the load the notebooks share:
        ``text_column id_column title_column outlet_column date_column outlet_from split
        date_format encoding metadata``, e.g. ``{"outlet_from": "folder"}``.

    Returns
    -------
    int
        0 when every notebook ran, 1 when at least one failed.

    Raises
    ------
    CorpusLoadError
        When ``corpus`` does not exist, no notebooks are found, or another
        run holds the output folder's lock.
    CorpusValueError
        When the output folder is not safe to write, or an option is invalid.
    CorpusToolsError
        The load's error (bad metadata, no documents...), before any notebook or output.
    """
    started = time.monotonic()
    options = _check_options(detail_docs, jobs, load_options)
    corpus_path, nb_paths, target, timeout = _checked_args(
        corpus, out_dir, notebooks, timeout, overwrite
    )
    with tempfile.TemporaryDirectory(prefix="corpus-tools-report-") as tmp:
        run = _start_run(
            corpus_path, target, nb_paths, timeout, progress, detail_docs, Path(tmp), options
        )
        with output_folder(
            out_dir, kind="report", corpus=corpus_path, overwrite=overwrite, inputs=nb_paths
        ) as out:
            (out / "notebooks").mkdir()
            results = _run_all(nb_paths, out, run, jobs)
            detail = any("DETAIL_DOCS" in _declared_in_file(p) for p in nb_paths)
            n_failed = _write_index(out, run, results, corpus_path, detail)
    if progress:
        _say_done(target, len(results), n_failed, started)
    return 1 if n_failed else 0


def _say_done(target: Path, n_total: int, n_failed: int, started: float) -> None:
    """The report's last line: where the index is, what ran, how long it took."""
    from .cli import printable

    status = f"{n_total - n_failed} of {n_total} notebooks ran"
    status += f", {n_failed} failed" if n_failed else ""
    took = _duration(time.monotonic() - started)
    print(f"Report: {printable(target / 'index.html')} ({status}) in {took}.", flush=True)


def _detail_note(header: dict[str, Any], detail_docs: int | None) -> str:
    """What the detail analyses run on, for the page header."""
    n = header.get("n_docs")
    if not isinstance(n, int):
        return "unknown (the corpus could not be summarised)"
    if detail_docs is None or n <= detail_docs:
        return f"all {n:,} document{'s' if n != 1 else ''}"
    # one stratum when no document names an outlet: the sample is then a plain stable sample
    how = ", stratified by outlet" if header.get("no_outlet", 0) < n else ""
    return (
        f"a sample of {detail_docs:,} of {n:,} documents{how} "
        "(quotes, speakers, triples, frames, hedges, tone, evidence views; counts use every "
        "document)"
    )
