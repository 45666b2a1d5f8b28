"""Notebook set-up: fixed display options so notebook outputs are byte-stable."""

from __future__ import annotations

import os
import re
import sys
import warnings
from functools import partial
from typing import Any, TextIO

import pandas as pd

from .errors import CorpusValueError, check_table, check_whole

__all__ = [
    "choose_kwic_term",
    "largest_groups_first",
    "most_connected",
    "on_seed_corpus",
    "pick_ego",
    "setup_notebook",
    "show_warning",
    "top_actors",
]


def show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Print a warning as one plain line, without the file path and line number.

    Installed by :func:`setup_notebook` as :func:`warnings.showwarning`, so a
    notebook page (and a report made from it) shows what the warning says,
    never a temporary kernel path such as ``/tmp/ipykernel_123/456.py:3``.
    The package's own warnings read as notes.

    Examples
    --------
    >>> from corpus_tools.errors import CorpusToolsWarning
    >>> show_warning(CorpusToolsWarning("few documents"), CorpusToolsWarning, "/tmp/x.py", 3,
    ...              file=sys.stdout)
    Note: few documents
    >>> show_warning(UserWarning("odd"), UserWarning, "/tmp/x.py", 3, file=sys.stdout)
    UserWarning: odd
    """
    from .errors import CorpusToolsWarning

    label = "Note" if issubclass(category, CorpusToolsWarning) else category.__name__
    stream: Any = sys.stderr if file is None else file
    try:
        stream.write(f"{label}: {message}\n")
    except (OSError, ValueError):  # a closed stream: nowhere to show it
        pass


# Fonts for scripts DejaVu Sans lacks, used glyph by glyph when installed (Debian: fonts-noto-cjk,
# fonts-noto-core, fonts-wqy-zenhei). Without one, figures draw such characters as white squares.
FALLBACK_FONTS = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK KR",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Noto Sans Thai",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
)


def font_families() -> list[str]:
    """DejaVu Sans, then every :data:`FALLBACK_FONTS` family installed on this machine.

    With only DejaVu Sans, every Chinese, Japanese, Korean or Thai label of a
    report figure was a row of white squares even where a CJK font was
    installed. Only installed families are named (matplotlib would log a
    "not found" line for each other one), so a machine without them gets
    the same figures as before.

    Examples
    --------
    >>> font_families()[0]
    'DejaVu Sans'
    """
    from matplotlib import font_manager

    have = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *(f for f in FALLBACK_FONTS if f in have)]


def setup_notebook() -> None:
    """Fix pandas/matplotlib display options and silence progress bars and known warnings.

    Call once in the set-up cell of every notebook. Outputs then depend
    only on the data, not on the machine, terminal width or library noise,
    which is what strict ``pytest --nbval`` needs.

    In a Jupyter kernel it also stops IPython from keeping every displayed
    result in ``Out`` and ``_`` (assign what you want to keep): a displayed
    corpus or table of a large corpus would otherwise stay in memory for the
    kernel's lifetime, even after the notebook has let it go.
    """
    import matplotlib

    os.environ["TQDM_DISABLE"] = "1"
    pd.set_option("display.width", 120)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_rows", 40)
    pd.set_option("display.max_colwidth", 90)
    pd.set_option("display.precision", 3)
    matplotlib.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.figsize": (8.0, 4.5),
            "font.family": font_families(),
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "corpus_tools",
        }
    )
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.showwarning = show_warning
    keep_no_outputs()
    show_tables_readably()


#: what a reader should see as one space in a table cell: a run of whitespace holding a tab,
#: line break, vertical tab or form feed (pandas prints those as "\\t", "\\n"), and the
#: backslash an extractor's Markdown puts before a menu's "|"
_DISPLAY_FIX = re.compile(r"\s*[\t\n\r\x0b\x0c]\s*|\\(?=\|)")


def _shown(match: re.Match[str], length: int) -> str:
    """What stands for one :data:`_DISPLAY_FIX` match: nothing for the backslash and at
    either end of the text, else one space."""
    if match.group() == "\\" or match.start() == 0 or match.end() == length:
        return ""
    return " "


def _shown_positions(n: int) -> range | list[int]:
    """The rows pandas can show of a table of ``n`` rows: all of them up to
    ``display.max_rows``, else the first and last ``max_rows`` (pandas shows ``min_rows`` of
    a longer table), so showing a table of a million documents reads no more than that.

    >>> len(_shown_positions(5)), len(_shown_positions(10**6))
    (5, 120)
    """
    cap = max(pd.get_option("display.max_rows") or n, pd.get_option("display.min_rows") or 0)
    if n <= 2 * cap:
        return range(n)
    return [*range(cap), *range(n - cap, n)]


def _readable_column(column: pd.Series) -> pd.Series | None:
    """``column`` with its text cells fixed for display, or None when no cell changes.

    Only the changed cells are replaced, so missing values and the column's dtype display
    as before (a string column's NaN stayed NaN, not None). A column longer than pandas shows
    is fixed only when it holds Python objects (a copy of pointers); an Arrow-backed text
    column (``docs.text``) of such a table is shown as pandas shows it.
    """
    fixed = {}
    values = column.array
    positions = _shown_positions(len(values))
    if len(positions) < len(values) and column.dtype != object:
        return None  # a long Arrow text column would be rebuilt whole to change a few cells
    for pos in positions:
        value = values[pos]
        # a text of whitespace alone (the line break a rejoin removed) keeps pandas' '\\n\\n'
        if isinstance(value, str) and _DISPLAY_FIX.search(value) and not value.isspace():
            fixed[pos] = _DISPLAY_FIX.sub(partial(_shown, length=len(value)), value)
        elif value is None or value is pd.NA:  # pandas prints 'None' / '<NA>' whatever na_rep
            fixed[pos] = ""
    if not fixed:
        return None
    out = column.astype(object) if isinstance(column.dtype, pd.CategoricalDtype) else column.copy()
    out.iloc[list(fixed)] = list(fixed.values())
    return out


def readable_table(table: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """A copy of ``table`` for display, its text cells' tabs and line breaks shown as spaces.

    pandas prints a tab inside a cell as the two characters ``\\t`` (a saved sports page's
    weather box read "FORECAST\\t\\t\\t\\t01/19 \\t\\t\\t"), and text an extractor wrote as
    Markdown keeps ``\\|`` for a menu's bar ("World News \\| Home"). Only what is shown
    changes: the data keep their characters. A table with nothing to change is returned
    itself, so its display is exactly pandas'.

    Examples
    --------
    >>> t = pd.DataFrame({"n": [1, 2], "text": ["a\\tb\\n\\n c\\n", "World News \\\\| Home"]})
    >>> readable_table(t)["text"].tolist()
    ['a b c', 'World News | Home']
    >>> t["text"].tolist()
    ['a\\tb\\n\\n c\\n', 'World News \\\\| Home']
    >>> plain = pd.DataFrame({"text": ["one  two"]})
    >>> readable_table(plain) is plain
    True
    """
    frame = table.to_frame() if isinstance(table, pd.Series) else table
    changed = {}
    for i, dtype in enumerate(frame.dtypes):
        if pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype):
            continue
        shown = _readable_column(frame.iloc[:, i])
        if shown is not None:
            changed[i] = shown
    if not changed:
        return table
    if isinstance(table, pd.Series):
        return changed[0].rename(table.name)
    out = frame.copy()
    for i, shown in changed.items():
        out.isetitem(i, shown)
    return out


def table_html(table: pd.DataFrame) -> str | None:
    """The HTML a notebook shows for ``table``: pandas' own, with a missing value shown as an
    empty cell instead of ``NaN``, ``NaT`` or ``None`` (the words a reader met in a quote
    table's speaker column and a tone table's empty intervals), and text cells made readable
    by :func:`readable_table`. A table without a missing value is shown exactly as pandas
    shows it.

    Examples
    --------
    >>> t = pd.DataFrame({"speaker": ["Ann", None], "ci_low": [0.25, float("nan")]})
    >>> import re
    >>> re.findall(r"<td>([^<]*)</td>", table_html(t))
    ['Ann', '0.25', '', '']
    >>> table_html(t.fillna({"speaker": "Bo", "ci_low": 0.5})) == t.fillna(
    ...     {"speaker": "Bo", "ci_low": 0.5}
    ... )._repr_html_()
    True
    """
    shown = readable_table(table)
    assert isinstance(shown, pd.DataFrame)
    opts = pd.get_option
    if shown._info_repr() or not opts("display.notebook_repr_html") or not _has_missing(shown):
        return shown._repr_html_()
    from pandas.io.formats import format as fmt  # pandas' own notebook table, na_rep only

    formatter = fmt.DataFrameFormatter(
        shown,
        na_rep="",
        float_format=opts("display.float_format"),
        index_names=True,
        header=True,
        index=True,
        bold_rows=True,
        escape=True,
        max_rows=opts("display.max_rows"),
        min_rows=opts("display.min_rows"),
        max_cols=opts("display.max_columns"),
        show_dimensions=opts("display.show_dimensions"),
        decimal=".",
    )
    return fmt.DataFrameRenderer(formatter).to_html(notebook=True)


def _has_missing(table: pd.DataFrame) -> bool:
    """True when a cell pandas shows of ``table`` is missing (NaN, NaT)."""
    return bool(table.iloc[list(_shown_positions(len(table)))].isna().to_numpy().any())


def _ipython_shell() -> Any:
    """The running IPython shell, or None (no shell, or IPython not installed)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with every Jupyter kernel
        return None
    return get_ipython()


def show_tables_readably() -> bool:
    """Make the running IPython shell display tables through :func:`readable_table`; True
    when there was a shell.

    Examples
    --------
    >>> show_tables_readably()  # no IPython shell under doctest
    False
    """
    shell = _ipython_shell()
    if shell is None:
        return False
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type(pd.DataFrame, table_html)
    for kind in (pd.DataFrame, pd.Series):
        formatters["text/plain"].for_type(
            kind, lambda t, printer, cycle: printer.text(repr(readable_table(t)))
        )
    return True


def keep_no_outputs() -> bool:
    """Stop the running IPython shell from caching displayed results; True when there was one.

    Examples
    --------
    >>> keep_no_outputs()  # no IPython shell under doctest
    False
    """
    hook = getattr(_ipython_shell(), "displayhook", None)
    if hook is None or not hasattr(hook, "cache_size"):
        return False
    hook.cache_size = 0  # DisplayHook.update_user_ns stores nothing when the size is 0
    return True


# --- defaults chosen from the corpus ------------------------------------------------------
# The notebooks' worked examples name actors of the seed corpus. On any other corpus a
# parameter left at None is chosen from the data by these small pure functions, and the
# notebook prints which value it chose and why.


def top_actors(counts: pd.DataFrame, k: int) -> list[str]:
    """The ``k`` most mentioned actors of an ``actor_counts`` table (ties: by name).

    Examples
    --------
    >>> c = pd.DataFrame({"actor": ["Qatar", "China", "Russia", "Iran"],
    ...                   "n_mentions": [2, 26, 44, 2]})
    >>> top_actors(c, 3)
    ['Russia', 'China', 'Iran']
    >>> top_actors(c.iloc[:0], 3)
    []
    """
    check_table(counts, ["actor", "n_mentions"], "top_actors", "actor_counts(mentions)")
    check_whole("k", k, 1)
    if counts.empty:
        return []
    t = counts.sort_values("actor", kind="mergesort")
    t = t.sort_values("n_mentions", ascending=False, kind="mergesort")
    return [str(a) for a in t["actor"].head(k)]


def largest_groups_first(
    table: pd.DataFrame, sizes: pd.Series, column: str = "group"
) -> pd.DataFrame:
    """``table``'s rows with the groups that hold the most documents first.

    ``sizes`` maps a group to its number of documents (``docs["group"].value_counts()``);
    ``column`` is a column of ``table`` or a level of its index. Rows of groups of the
    same size keep their order, so a table whose groups are all the same size is returned
    as it was. A notebook printing ``.head(MAX_ROWS)`` of a table by group then shows the
    largest groups, not the first names of the alphabet (on a corpus of 564 outlets:
    "16 News", "9News"... with one document each).

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["A", "B", "C", "B"], "n": [1, 2, 3, 4]})
    >>> largest_groups_first(t, pd.Series({"A": 1, "B": 9, "C": 5}))["n"].tolist()
    [2, 4, 3, 1]
    >>> largest_groups_first(t.set_index("group"), pd.Series({"C": 2}))["n"].tolist()
    [3, 1, 2, 4]
    """
    if column in table.columns:
        keys = pd.Series(table[column].to_numpy())
    elif column in (table.index.names or []):
        keys = pd.Series(table.index.get_level_values(column))
    else:
        raise CorpusValueError(
            f"largest_groups_first: the table has no column or index level {column!r}; "
            f"pass column= one of {[*table.columns, *table.index.names]}."
        )
    n = keys.map(sizes).fillna(0).to_numpy()
    return table.iloc[(-n).argsort(kind="stable")]


def choose_kwic_term(
    mentions: pd.DataFrame, terms: pd.DataFrame | None = None
) -> tuple[str | None, str]:
    """A concordance term for a corpus, and a sentence saying why it was chosen.

    The most mentioned actor, as the form the texts use most often for it
    (``alias``: a concordance finds words, not canonical names); with no
    actor, or an actor mentioned fewer than 5 times while a term is used 5
    times or more, the most frequent term of ``terms`` (``term``, ``count``).
    None when neither has a row.

    Parameters
    ----------
    mentions : pandas.DataFrame
        ``actor_mentions(corpus)``: ``actor`` and ``alias``.
    terms : pandas.DataFrame, optional
        ``term_frequencies(...)`` without stopwords: ``term`` and ``count``.

    Examples
    --------
    >>> m = pd.DataFrame({"actor": ["United Kingdom"] * 3 + ["France"] * 2,
    ...                   "alias": ["UK", "Britain", "UK", "France", "France"]})
    >>> choose_kwic_term(m)
    ('UK', "'UK': the most used name of United Kingdom, the most mentioned actor (3 mentions).")
    >>> tf = pd.DataFrame({"term": ["talks", "grain"], "count": [4, 9]})
    >>> choose_kwic_term(m.iloc[:0], tf)
    ('grain', "'grain': no actor is mentioned; the most frequent content word (9 times).")
    >>> choose_kwic_term(m.iloc[:0])
    (None, 'No actor and no content word: there is no term to look up.')

    An actor mentioned fewer than 5 times gives way to a content word used 5 times or more
    (a corpus in another language than the gazetteer's):

    >>> choose_kwic_term(m.iloc[3:], tf)
    ('grain', "'grain': the most frequent content word (9 times); the most mentioned actor, France, has only 2 mentions.")
    """
    check_table(mentions, ["actor", "alias"], "choose_kwic_term", "actor_mentions(corpus)")
    if terms is not None:
        check_table(terms, ["term", "count"], "choose_kwic_term", "term_frequencies(corpus)")
    word = _top_term(terms)
    if not mentions.empty:
        sizes = mentions.groupby("actor", sort=True).size()
        actor = top_actors(pd.DataFrame({"actor": sizes.index, "n_mentions": sizes.to_numpy()}), 1)[
            0
        ]
        n = int(sizes[actor])
        if word is not None and n < _KWIC_MIN_MENTIONS and word[1] >= _KWIC_MIN_MENTIONS:
            # Moroccan Arabic news: 'Canada' (1 mention in 664 articles, the gazetteer is
            # English) was the concordance term; the corpus's own most frequent word says more
            return word[0], (
                f"{word[0]!r}: the most frequent content word ({word[1]:,} times); the most "
                f"mentioned actor, {actor}, has only {_plural(n, 'mention')}."
            )
        forms = mentions.loc[mentions["actor"] == actor, "alias"].astype(str).value_counts()
        form = sorted(forms.index, key=lambda f: (-int(forms[f]), f))[0]
        name = f"the most used name of {actor}" if form != actor else actor
        return form, (
            f"{form!r}: {name}, the most mentioned actor ({n:,} mention{'' if n == 1 else 's'})."
        )
    if word is not None:
        return word[0], (
            f"{word[0]!r}: no actor is mentioned; the most frequent content word "
            f"({word[1]:,} time{'' if word[1] == 1 else 's'})."
        )
    return None, "No actor and no content word: there is no term to look up."


#: below this many mentions the most mentioned actor gives way to a more frequent content word
_KWIC_MIN_MENTIONS = 5


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _top_term(terms: pd.DataFrame | None) -> tuple[str, int] | None:
    """The most frequent term of a term_frequencies table and its count (None when empty)."""
    if terms is None or terms.empty:
        return None
    by_term = terms.groupby("term", sort=True)["count"].sum()
    term = sorted(by_term.index, key=lambda t: (-int(by_term[t]), str(t)))[0]
    return str(term), int(by_term[term])


def most_connected(graph: Any, counts: pd.DataFrame) -> str | None:
    """The actor with the most ties in ``graph`` (ties: more mentions, then by name).

    With no tie in the graph, the most mentioned actor of ``counts``
    (``actor``, ``n_mentions``); None when there is no actor at all.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("France", "Japan"), ("India", "Japan"), ("France", "India"),
    ...               ("Japan", "Canada")])
    >>> c = pd.DataFrame({"actor": ["France", "Japan", "India", "Canada"],
    ...                   "n_mentions": [9, 5, 4, 1]})
    >>> most_connected(g, c)
    'Japan'
    >>> most_connected(nx.Graph(), c), most_connected(nx.Graph(), c.iloc[:0])
    ('France', None)
    """
    if not callable(getattr(graph, "degree", None)):
        raise CorpusValueError(
            f"most_connected: graph= is a {type(graph).__name__}; pass the networkx graph "
            "from network(cooccurrence(corpus), actor_mentions(corpus))."
        )
    check_table(counts, ["actor", "n_mentions"], "most_connected", "actor_counts(mentions)")
    mentioned = dict(zip(counts["actor"].astype(str), counts["n_mentions"], strict=True))
    degrees = [(str(node), int(d)) for node, d in graph.degree() if d > 0]
    if not degrees:
        first = top_actors(counts, 1)
        return first[0] if first else None
    return sorted(degrees, key=lambda nd: (-nd[1], -int(mentioned.get(nd[0], 0)), nd[0]))[0][0]


def on_seed_corpus(corpus: str | os.PathLike[str]) -> bool:
    """True when ``corpus`` is the shipped seed corpus (same files, same bytes).

    The notebooks' worked examples (a concordance term, tone targets, an ego
    actor) are chosen for the seeds; on any other corpus a parameter left at
    None is chosen from the data instead.

    Examples
    --------
    >>> on_seed_corpus("no/such/folder")
    False
    """
    from .report import is_seed_corpus

    if not isinstance(corpus, str | os.PathLike):
        raise CorpusValueError(
            f"corpus={type(corpus).__name__}: pass the corpus path given to load_corpus "
            '(the notebook\'s CORPUS parameter), e.g. on_seed_corpus("../seeds").'
        )
    return is_seed_corpus(corpus)


def pick_ego(requested: str | None, graph: Any, counts: pd.DataFrame) -> tuple[str, str]:
    """The actor of the ego network, and a sentence when it is not the one requested.

    ``requested`` when it is in ``graph``; otherwise (or when None) the most
    connected actor (:func:`most_connected`). ``""`` when there is no actor.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("France", "Japan"), ("Japan", "India")])
    >>> c = pd.DataFrame({"actor": ["France", "Japan", "India"], "n_mentions": [9, 5, 4]})
    >>> pick_ego("France", g, c)
    ('France', '')
    >>> pick_ego(None, g, c)
    ('Japan', "EGO_ACTOR not set; using the most connected actor, 'Japan'.")
    >>> pick_ego("Peru", g, c)
    ('Japan', "'Peru' is not in this network; showing the most connected actor, 'Japan', instead.")
    >>> pick_ego(None, nx.Graph(), c.iloc[:0])
    ('', 'EGO_ACTOR not set and no actor is mentioned: there is no ego network.')
    """
    central = most_connected(graph, counts)
    if requested is not None and (requested in graph or central is None):
        return requested, ""
    if central is None:
        return "", "EGO_ACTOR not set and no actor is mentioned: there is no ego network."
    if requested is None:
        return central, f"EGO_ACTOR not set; using the most connected actor, {central!r}."
    return central, (
        f"{requested!r} is not in this network; showing the most connected actor, "
        f"{central!r}, instead."
    )
