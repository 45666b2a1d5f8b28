"""Escaped-HTML helpers: highlighted spans, before/after cleaning views, side-by-side passages.

Corpus text is untrusted: a scraped page may contain ``<script>``, an
``<img onerror=...>`` or a whole HTML document. Every function here escapes
the text it is given (:func:`html.escape` with ``quote=True``) before adding
its own markup, so text from the corpus is always *shown*, never run. Only
the markup these functions write themselves is live HTML, and it uses
inline styles (no external CSS, fonts or scripts), so it works offline and
in exported reports.

The stable API is :func:`escape`, :func:`highlight`, :func:`before_after`,
:func:`side_by_side`, the table views :func:`evidence_view` (whole sentences,
wrapped between words) and :func:`kwic_view` (a concordance with the keyword
centred), and the :class:`HTML` display object. The two views are also
``ct.evidence_view`` and ``ct.kwic_view``.
"""

from __future__ import annotations

import html as _stdlib_html
import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from .errors import CorpusValueError, check_table, check_whole

__all__ = [
    "HTML",
    "escape",
    "highlight",
    "before_after",
    "side_by_side",
    "evidence_view",
    "kwic_view",
    "neutralise_bidi",
    "is_rtl",
]

_BOX = (
    "white-space:pre-wrap;font-family:DejaVu Sans Mono,Menlo,Consolas,monospace;"
    "font-size:12px;line-height:1.45;border:1px solid #bbb;padding:6px 8px;"
    "max-height:32em;overflow:auto;background:#fff;color:#000"
)
# Okabe-Ito based, readable on white; removal = vermillion tint, change = sky-blue tint.
_MARK = "background:#fbe3d6;color:#000;text-decoration:line-through;text-decoration-color:#D55E00"
_CHANGE = "background:#d7ecf8;color:#000"
_HL = "background:#ffe9a8;color:#000;border-bottom:2px solid #E69F00"
_LABEL = "font-size:10px;color:#8a3b00;font-style:italic;text-decoration:none"


# Bidirectional embeddings, overrides and isolates: in a page they reorder the text after
# them (an unclosed U+202E shows "evil said" as "dias live"), so they are shown as "?",
# one character for one (as corpus_tools.cli.printable does in a terminal). Marks (U+200E,
# U+200F) only set the direction of neutral characters and stay.
_BIDI = {c: "?" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutralise_bidi(page: str) -> str:
    """Return ``page`` with every bidirectional embedding, override and isolate shown as ``?``.

    For HTML built by other tools (nbconvert, pandas ``to_html``, jinja2), which
    escape ``<`` and ``&`` but pass these controls through: a cell holding
    ``"\u202eSTNEMUCOD TERCES"`` would be drawn as "SECRET DOCUMENTS". No
    markup uses these characters, so the whole page can be passed.

    Examples
    --------
    >>> neutralise_bidi("<td>\u202eSTNEMUCOD TERCES\u202c</td>")
    '<td>?STNEMUCOD TERCES?</td>'
    >>> neutralise_bidi("<td>\u0645\u0635\u0631 \u200f</td>")  # Arabic and a mark stay
    '<td>\u0645\u0635\u0631 \u200f</td>'
    """
    return _BIDI_RE.sub("?", page)


def escape(text: Any) -> str:
    """Return ``str(text)`` with ``& < > " '`` escaped for HTML text and attributes.

    Bidirectional embedding, override and isolate controls are shown as
    ``?``, so corpus text is displayed in the order it is stored.

    Examples
    --------
    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> escape("\u202eevil said")
    '?evil said'
    """
    return _stdlib_html.escape("" if text is None else str(text), quote=True).translate(_BIDI)


class HTML:
    """An HTML fragment for notebook display, with a plain-text twin.

    Jupyter shows ``html``; the plain-text ``text`` is the ``text/plain``
    representation (what ``repr`` prints, what strict nbval also compares),
    so it never contains a memory address.

    Parameters
    ----------
    html : str
        Markup built by this module (already escaped).
    text : str, optional
        Plain-text rendering; defaults to a one-line description.
    """

    def __init__(self, html: str, text: str | None = None) -> None:
        self.html = html
        self.text = text if text is not None else "<HTML fragment>"

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.html


def _norm_spans(
    spans: Iterable[Sequence[Any]], n: int, labels: Sequence[Any] | None
) -> list[tuple[int, int, str]]:
    rows = []
    for i, sp in enumerate(spans):
        start, end = int(sp[0]), int(sp[1])
        label = sp[2] if len(sp) > 2 else (labels[i] if labels is not None else "")
        if not 0 <= start <= end <= n:
            raise ValueError(
                f"span {i} = ({start}, {end}) is outside the text (length {n}); "
                "offsets must be 0 <= start <= end <= len(text)"
            )
        rows.append((start, end, "" if label is None else str(label)))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return rows


def highlight(
    text: str,
    spans: Iterable[Sequence[Any]],
    *,
    labels: Sequence[Any] | None = None,
    style: str = _HL,
) -> str:
    """Return escaped ``text`` in a box, with ``spans`` wrapped in ``<mark>``.

    Parameters
    ----------
    text : str
        Untrusted text (escaped here).
    spans : iterable of (start, end) or (start, end, label)
        Half-open offsets into ``text``. Overlapping spans are clipped: a span
        starting inside an earlier one begins where the earlier one ends.
    labels : sequence of str, optional
        One label per span (shown as tooltip), if spans carry none.
    style : str
        Inline CSS for the marks.

    Returns
    -------
    str
        An HTML fragment (a ``<div>``).

    Examples
    --------
    >>> highlight("a <b> c", [(2, 5)], labels=["tag"])  # doctest: +ELLIPSIS
    '<div ...>a <mark style="..." title="tag">&lt;b&gt;</mark> c</div>'
    """
    parts: list[str] = []
    pos = 0
    for start, end, label in _norm_spans(spans, len(text), labels):
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(escape(text[pos:start]))
        title = f' title="{escape(label)}"' if label else ""
        parts.append(f'<mark style="{style}"{title}>{escape(text[start:end])}</mark>')
        pos = end
    parts.append(escape(text[pos:]))
    return f'<div style="{_BOX}">{"".join(parts)}</div>'


def _line_ends_only(old: str, new: str) -> bool:
    """True when an edit only rewrote line endings (Windows ``\\r\\n`` or ``\\r`` to ``\\n``).

    600 Portuguese articles saved with Windows line ends: the evidence view labelled every
    line of its page ``[crlf_to_lf]`` (138 labels), hiding the lines cleaning removed.

    >>> _line_ends_only("\\r\\n", "\\n"), _line_ends_only("Share\\r\\n", "\\n")
    (True, False)
    """
    return "\r" in old and old.replace("\r\n", "\n").replace("\r", "\n") == new


def before_after(raw: str, edits: Iterable[Sequence[Any]], *, show_labels: bool = True) -> str:
    """Return the raw text with each cleaning edit marked (removals struck through).

    Parameters
    ----------
    raw : str
        The raw text of one document (escaped here).
    edits : iterable of (start, end, rule, replacement)
        Offsets into ``raw``, as in ``Corpus.cleaning_log``. An empty
        replacement is a removal (struck through, vermillion tint); a
        non-empty one is a change (old text struck, new text shown in blue).
    show_labels : bool, default True
        Print the rule name in small italics after each edit.

    Returns
    -------
    str
        An HTML fragment; all text comes from ``raw``/``edits`` and is escaped.

    Examples
    --------
    >>> before_after("Hi\\nShare this\\n", [(3, 14, "share_button", "")])  # doctest: +ELLIPSIS
    '<div ...>Hi\\n<del ...>Share this</del><small ...>[share_button]</small><del ...>...</div>'
    """
    rows = sorted(
        ((int(e[0]), int(e[1]), str(e[2]), "" if e[3] is None else str(e[3])) for e in edits),
        key=lambda r: (r[0], r[1], r[2]),
    )
    parts: list[str] = []
    pos = 0
    for start, end, rule, repl in rows:
        if not 0 <= start <= end <= len(raw):
            raise ValueError(f"edit ({start}, {end}, {rule!r}) is outside the raw text")
        start = max(start, pos)
        if start > end:
            continue
        parts.append(escape(raw[pos:start]))
        if repl and _line_ends_only(raw[start:end], repl):  # '\r\n' made '\n': nothing to see
            parts.append(escape(repl))
            pos = end
            continue
        title = escape(rule)
        label = f'<small style="{_LABEL}">[{title}]</small>' if show_labels else ""
        if repl:
            parts.append(
                f'<del style="{_MARK}" title="{title}">{escape(raw[start:end])}</del>'
                f'<ins style="{_CHANGE};text-decoration:none" title="{title}">{escape(repl)}</ins>'
                + label
            )
        else:
            # the label goes right after the removed words, before the removed line
            # break, so it sits on the removed line and never on the next one
            old = raw[start:end]
            core = old.rstrip()
            trail = old[len(core) :]
            parts.append(f'<del style="{_MARK}" title="{title}">{escape(core)}</del>' + label)
            if trail:
                parts.append(f'<del style="{_MARK}" title="{title}">{escape(trail)}</del>')
        pos = end
    parts.append(escape(raw[pos:]))
    return f'<div style="{_BOX}">{"".join(parts)}</div>'


def side_by_side(left: str, right: str, *, titles: Sequence[str] = ("", "")) -> str:
    """Return two already-built HTML fragments in two columns, with escaped titles.

    ``left`` and ``right`` must come from :func:`highlight`, :func:`before_after`
    or :func:`escape` (they are inserted as markup); ``titles`` are escaped.
    """
    cols = []
    for title, body in zip(titles, (left, right), strict=False):
        head = ""
        if title:
            head = f'<div style="font-weight:bold;margin-bottom:4px">{escape(title)}</div>'
        cols.append(f'<div style="flex:1 1 0;min-width:0">{head}{body}</div>')
    return f'<div style="display:flex;gap:12px;align-items:flex-start">{"".join(cols)}</div>'


# ------------------------------------------------------------ table views
_CELL = "padding:2px 6px;vertical-align:top;border-bottom:1px solid #ddd;color:#000"
_HEAD = "padding:2px 6px;text-align:left;border-bottom:2px solid #888;color:#000"


def _cell_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    # an extractor's Markdown escapes a menu's bar ('HOME \\| PEOPLE'): shown as '|'
    return " ".join(str(value).replace("\\|", "|").split())


def _more_note(total: int, shown: int) -> tuple[str, str]:
    if total <= shown:
        return "", ""
    msg = f"{total - shown:,} more rows not shown (of {total:,})."
    return f'<div style="font-size:11px;color:#444">{escape(msg)}</div>', "\n" + msg


def evidence_view(
    table: Any,
    *,
    text: str = "sentence",
    columns: Sequence[str] | None = None,
    max_rows: int = 20,
    width: int = 100,
) -> HTML:
    """Show evidence rows with their whole sentences, wrapped between words.

    A pandas table cuts long cells (``display.max_colwidth``) and
    ``to_string()`` wraps them anywhere; this view shows each row's
    identifying columns and the full text, escaped, wrapped at word
    boundaries (HTML: by the browser; plain text: :func:`textwrap.fill`).

    Parameters
    ----------
    table : pandas.DataFrame
        Rows to show, in their order.
    text : str, default "sentence"
        The column with the text to show in full.
    columns : sequence of str, optional
        Columns shown before the text (default: those of ``group, doc_id,
        sent_id, start, end`` that the table has).
    max_rows : int, default 20
        Rows shown; the view says how many more there are.
    width : int, default 100
        Line width of the plain-text rendering.

    Returns
    -------
    HTML
        Displays as an HTML table; ``repr`` is the plain-text rendering.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a"], "sent_id": [3],
    ...                   "sentence": ["Beijing <b>denounced</b> the US rejection of the resolution."]})
    >>> print(repr(evidence_view(t, width=40)))
    doc_id=a  sent_id=3
        Beijing <b>denounced</b> the US
        rejection of the resolution.
    >>> "&lt;b&gt;" in evidence_view(t).html
    True
    """
    check_whole("max_rows", max_rows, 1)
    check_whole("width", width, 10)
    check_table(table, [], "evidence_view", "an analysis function such as quotes(corpus)")
    columns = _view_columns(table, text, columns)
    cells = [
        _evidence_cells(row, list(table.columns), columns, text, width)
        for row in table.head(max_rows).itertuples(index=False)
    ]
    head = "".join(f'<th style="{_HEAD}">{escape(c)}</th>' for c in [*columns, text])
    more_html, more_text = _more_note(len(table), len(cells))
    html = (
        f'<table style="border-collapse:collapse;font-size:12px;text-align:left">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(h for h, _ in cells)}</tbody></table>"
        f"{more_html}"
    )
    lines = [t for _, t in cells]
    return HTML(html, "\n".join(lines) + more_text if lines else "(no rows)" + more_text)


def _view_columns(table: Any, text: str, columns: Sequence[str] | None) -> list[str]:
    """The identifying columns of :func:`evidence_view`; an error naming any that are missing."""
    if text not in table.columns:
        raise CorpusValueError(
            f"the table has no column {text!r}; its columns are {list(table.columns)}; "
            "pass text= the column that holds the evidence text."
        )
    if columns is None:
        columns = [c for c in ("group", "doc_id", "sent_id", "start", "end") if c in table.columns]
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusValueError(
            f"the table has no column(s) {missing}; its columns are {list(table.columns)}"
        )
    return list(columns)


def _evidence_cells(
    row: Sequence[Any], names: list[str], columns: list[str], text: str, width: int
) -> tuple[str, str]:
    """One row of :func:`evidence_view`: its HTML ``<tr>`` and its wrapped plain text."""
    rec = dict(zip(names, row, strict=True))
    cells = "".join(_id_cell(_cell_text(rec[c])) for c in columns)
    sentence = _cell_text(rec[text])
    if is_rtl(sentence):  # an Arabic/Hebrew sentence starts at the right, its full stop on the left
        cells += (
            f'<td dir="rtl" style="{_CELL};white-space:normal;text-align:right;min-width:30em">'
        )
    else:
        cells += f'<td style="{_CELL};white-space:normal;text-align:left;min-width:30em">'
    cells += f"{escape(sentence)}</td>"
    ids = "  ".join(f"{c}={_cell_text(rec[c])}" for c in columns)
    wrapped = textwrap.fill(
        sentence,
        width=width,
        initial_indent="    ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return f"<tr>{cells}</tr>", f"{ids}\n{wrapped}" if ids else wrapped


def kwic_view(hits: Any, *, max_rows: int = 20, context: int = 60, width: int = 170) -> HTML:
    """Show a keyword-in-context table as a concordance: the keyword centred.

    The left context is right-aligned and the right context left-aligned,
    so every occurrence of the keyword lines up in one column, as in a
    printed concordance. Contexts longer than ``context`` characters are
    cut at the far end (``…``).

    Parameters
    ----------
    hits : pandas.DataFrame
        A :func:`corpus_tools.kwic` table (``left``, ``match``, ``right``;
        ``group``, ``doc_id``, ``start`` and ``end`` are shown when present).
    max_rows : int, default 20
        Rows shown; the view says how many more there are.
    context : int, default 60
        Characters of context kept on each side.
    width : int, default 170
        Characters a line may take, identifying columns and cell padding (counted
        as 2 characters a cell) included: about 1,230 px of the 12 px monospace
        font, a notebook page on a 1,400 px screen. When the longest line would be
        wider (long ids such as a 36-character UUID and an outlet name push the
        right context off the page), both contexts are cut shorter (to no fewer
        than 20 characters each), so every line is seen whole.

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame({"doc_id": ["a", "b"], "left": ["Israel said", ""],
    ...                   "match": ["Hamas", "Hamas"], "right": ["would pay", "attacked."]})
    >>> print(repr(kwic_view(h)))
    doc_id=a  Israel said  Hamas  would pay
    doc_id=b               Hamas  attacked.
    """
    check_whole("max_rows", max_rows, 1)
    check_whole("context", context, 0)
    check_whole("width", width, 1)
    for c in ("left", "match", "right"):
        if c not in hits.columns:
            raise CorpusValueError(
                f"not a kwic table: no column {c!r} (columns {list(hits.columns)})"
            )
    ids = [c for c in ("group", "doc_id", "start", "end") if c in hits.columns]
    shown = hits.head(max_rows)
    context = _fitted_context(shown, ids, context, width)
    rows = [
        _KwicRow.of(list(r), len(ids), context)
        for r in shown[[*ids, "left", "match", "right"]].itertuples(index=False)
    ]
    more_html, more_text = _more_note(len(hits), len(shown))
    if not rows:  # a header with no line under it reads as a broken table
        return HTML('<p style="font-family:sans-serif">(no occurrences)</p>', "(no occurrences)")
    return HTML(_kwic_html(rows, ids) + more_html, _kwic_text(rows, ids) + more_text)


_CELL_CHARS = 2  # a cell's padding (6 px each side) in characters of the 12 px monospace font
#: an identifying cell (doc_id, outlet) longer than this wraps inside this width: a folder
#: corpus's doc_id is its relative path, and 60-90 characters of 'site/2015/.../page.html'
#: kept on one line pushed the table past the page or squeezed both contexts to 20 characters
#: (36: a UUID stays on one line)
_ID_CHARS = 36


def _id_cell(value: str) -> str:
    """One identifying cell: on one line when short, else wrapped inside ``_ID_CHARS``.

    Wraps at spaces first, then anywhere (a path or a UUID has no spaces).

    >>> _id_cell("a1")
    '<td style="padding:2px 6px;vertical-align:top;border-bottom:1px solid #ddd;color:#000;white-space:nowrap">a1</td>'
    >>> "max-width:36ch;overflow-wrap:anywhere" in _id_cell("news/business/" + "x" * 30)
    True
    """
    if len(value) <= _ID_CHARS:
        return f'<td style="{_CELL};white-space:nowrap">{escape(value)}</td>'
    return (
        f'<td style="{_CELL};white-space:normal;max-width:{_ID_CHARS}ch;'
        f'overflow-wrap:anywhere">{escape(value)}</td>'
    )


_MIN_CONTEXT = 20


def _fitted_context(shown: Any, ids: list[str], context: int, width: int) -> int:
    """``context``, or less so that ids, keyword and both contexts fit in ``width`` characters.

    3,000 cybersecurity headlines: outlet (19 characters), a UUID doc_id (36), offsets and
    60 characters each side made 193-character lines; the right context ran off the page.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"group": ["Yonhap News Agency"], "doc_id": ["x" * 36],
    ...                   "start": [1], "end": [9], "match": ["ransomware"],
    ...                   "left": ["l" * 70], "right": ["r" * 70]})
    >>> _fitted_context(t, ["group", "doc_id", "start", "end"], 60, 170)
    45
    >>> _fitted_context(t.assign(doc_id="a1"), ["group", "doc_id"], 60, 170)
    60
    >>> _fitted_context(t.assign(right="r" * 20), ["group", "doc_id", "start", "end"], 60, 170)
    60
    """
    if shown.empty:
        return context

    def longest(column: str) -> int:
        return int(shown[column].map(_cell_text).str.len().max())

    fixed = 3 * _CELL_CHARS + longest("match")
    fixed += sum(_CELL_CHARS + min(_ID_CHARS, longest(c)) for c in ids)  # longer ids wrap
    sides = min(context, longest("left")) + min(context, longest("right"))
    if fixed + sides <= width:  # the longest line fits as it is
        return context
    return min(context, max(_MIN_CONTEXT, (width - fixed) // 2))


class _KwicRow(NamedTuple):
    """One concordance line: identifying values, contexts cut to ``context`` characters."""

    ids: list[str]
    left: str
    match: str
    right: str

    @classmethod
    def of(cls, values: list[Any], n_ids: int, context: int) -> _KwicRow:
        left, match, right = (_cell_text(v) for v in values[n_ids:])
        if len(left) > context:
            left = "…" + left[-(context - 1) :].lstrip()
        if len(right) > context:
            right = right[: context - 1].rstrip() + "…"
        return cls([_cell_text(v) for v in values[:n_ids]], left, match, right)


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character of ``text`` is right-to-left.

    Examples
    --------
    >>> is_rtl("سوريا (CNN)"), is_rtl("CNN: سوريا"), is_rtl("2021 - המניה"), is_rtl("12 %")
    (True, False, True, False)
    """
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _kwic_cells(r: _KwicRow) -> str:
    """The context and keyword cells of one row; a right-to-left row is mirrored.

    In Arabic or Hebrew the words before the keyword stand to its right, so
    that row's right cell holds them (aligned to the keyword) and its left
    cell the words after; each cell is marked ``dir="rtl"``.
    """
    keyword = f"{_CELL};text-align:center;white-space:nowrap;font-weight:bold"
    if not is_rtl(r.left + r.right + r.match):  # the sentence's direction, then the keyword's
        return (
            f'<td style="{_CELL};text-align:right;white-space:nowrap">{escape(r.left)}</td>'
            f'<td style="{keyword}">{escape(r.match)}</td>'
            f'<td style="{_CELL};text-align:left;white-space:nowrap">{escape(r.right)}</td>'
        )
    return (
        f'<td dir="rtl" style="{_CELL};text-align:right;white-space:nowrap">{escape(r.right)}</td>'
        f'<td dir="rtl" style="{keyword}">{escape(r.match)}</td>'
        f'<td dir="rtl" style="{_CELL};text-align:left;white-space:nowrap">{escape(r.left)}</td>'
    )


def _kwic_html(rows: list[_KwicRow], ids: list[str]) -> str:
    """The concordance as an HTML table: left context right-aligned, keyword centred."""
    head = "".join(f'<th style="{_HEAD}">{escape(c)}</th>' for c in ids)
    # mirrored right-to-left rows hold the words after the keyword in the left cell: when
    # every row is mirrored (an Arabic corpus), the headers say so instead of "left"/"right"
    rtl = bool(rows) and all(is_rtl(r.left + r.right + r.match) for r in rows)
    before, after = ("after", "before") if rtl else ("left", "right")
    head += (
        f'<th style="{_HEAD};text-align:right">{before}</th>'
        f'<th style="{_HEAD};text-align:center">match</th>'
        f'<th style="{_HEAD};text-align:left">{after}</th>'
    )
    body = []
    for r in rows:
        cells = "".join(_id_cell(v) for v in r.ids)
        body.append(f"<tr>{cells}{_kwic_cells(r)}</tr>")
    return (
        f'<table style="border-collapse:collapse;font-size:12px;font-family:DejaVu Sans Mono,'
        f'Menlo,Consolas,monospace"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _kwic_text(rows: list[_KwicRow], ids: list[str]) -> str:
    """The concordance as aligned plain text (one line per row)."""
    id_txt = ["  ".join(f"{c}={v}" for c, v in zip(ids, r.ids, strict=True)) for r in rows]
    wi = max(len(s) for s in id_txt)
    wl = max(len(r.left) for r in rows)
    wm = max(len(r.match) for r in rows)
    lines = [
        f"{i:<{wi}}  {r.left:>{wl}}  {r.match:^{wm}}  {r.right}".rstrip()
        for i, r in zip(id_txt, rows, strict=True)
    ]
    return "\n".join(lines)
