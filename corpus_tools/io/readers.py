"""Documents from one input: a text or HTML file, or the rows of a table or DataFrame.

Each reader yields ``("doc", row, None)`` for a document (the fields of a
``docs`` row before cleaning) and ``("skip", path, reason)`` for a row not
loaded; a whole input that cannot be read raises
:class:`~corpus_tools.io.files.InputSkipped`.
"""

from __future__ import annotations

import codecs
import itertools
import re
import shlex
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, BinaryIO, NamedTuple

import numpy as np
import pandas as pd

from ..errors import CorpusToolsWarning, CorpusValueError, MetadataError
from .columns import (
    DATE_COLUMNS,
    HEADLINE_SOURCE,
    HTML_SOURCE,
    PAGE_SOURCE,
    RESERVED_COLUMNS,
    TEXT_COLUMNS,
    cell_str,
    column_key,
    column_names,
    error_value,
    error_value_note,
    is_missing,
    is_text_name,
    name_forms,
    surrogate_in,
)
from .dates import (
    EPOCH_RE,
    UnreadProblem,
    check_date_format,
    check_precision,
    format_matched,
    parse_date,
)
from .decode import bytes_to_text, forced_garbles_utf8
from .discover import HTML_EXTENSIONS, TABLE_EXTENSIONS, Entry, open_entry, read_entry
from .dumps import (  # noqa: F401 - MIN_* and records_in_text re-exported
    EMPTY_VALUES,
    MIN_HEADER_BLOCKS,
    MIN_SEPARATORS,
    SPLIT_MODES,
    record_rows,
    records_in_text,
    split_records,
    table_in_text,
)
from .feeds import FEED_EXTENSIONS, feed_table, markup_text
from .files import Folders, InputSkipped
from .html import extract_html
from .json_shapes import flat_records, single_text_members, unwrap_typed
from .outlets import (
    OUTLET_FROM,
    is_redirector,
    is_url_cell,
    redirect_target,
    redirector_note,
    site_of,
    url_parts,
)
from .outlets import url_host as outlet_url_host
from .tables import ParquetRows, pick_column, read_table, sentence_like_name, wordish
from .warc import WARC_EXTENSIONS, open_warc, warc_docs


class TableColumns(NamedTuple):
    """Which column of a table holds the text, id, title, outlet, date, precision and url (or None)."""

    text: Any
    id: Any
    title: Any
    outlet: Any
    date: Any
    precision: Any
    url: Any
    extra: list[Any]  # every other column, kept as user metadata
    #: True when the table has no text column and its headline column is the text analysed
    headlines: bool = False
    #: True when the url column was found by its values (no outlet or url column by name)
    url_by_content: bool = False

    @classmethod
    def pick(
        cls,
        cols: list[Any],
        opts: LoadOptions,
        where: str,
        sample: Callable[[], list[dict[Any, Any]]] = list,
    ) -> TableColumns:
        """Find the columns by their usual names (or as given in ``opts``); InputSkipped if no text
        (``sample()``: some rows, read only then, to suggest the column that holds text)."""
        tcol = pick_column(cols, column_names("text"), opts.text_column, "text", where)
        headlines = tcol is None
        if tcol is None:
            tcol = _headline_text(cols, where, sample)
        elif opts.text_column is None:  # found by its name: check that it holds text
            tcol, headlines = _text_not_ids(cols, tcol, where, sample)
            if not headlines:
                _text_mostly_empty(cols, tcol, where, sample())
        else:  # named by the user: a column of numbers is no text (a count, a score, an id)
            _given_text_not_numbers(cols, tcol, where, sample()[:_SAMPLE_ROWS])
        found = (
            tcol,
            pick_column(cols, column_names("id"), opts.id_column, "id", where),
            pick_column(cols, column_names("title"), opts.title_column, "title", where),
            pick_column(cols, column_names("outlet"), opts.outlet_column, "outlet", where),
            pick_column(cols, column_names("date"), opts.date_column, "date", where),
            pick_column(cols, ("date_precision",), None, "date precision", where),
            pick_column(cols, column_names("url"), opts.url_column, "url", where),
        )
        mapped = set(found) - {None}
        by_content = False
        if found[3] is None and found[6] is None:  # no outlet, no url: a column of URLs?
            urls = url_columns([c for c in cols if c not in mapped], sample()[:_SAMPLE_ROWS])
            if len(urls) == 1:
                found, by_content = (*found[:6], urls[0]), True
                mapped.add(urls[0])
            elif urls:
                _warn_url_columns(urls, where)
        return cls(*found, [c for c in cols if c not in mapped], headlines, by_content)


#: a URL column found by its values: this share of its sampled values must be web addresses
_URL_SHARE = 0.8
_MEDIA_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|ico|mp[34]|avi|mov|webm)$", re.I)


def url_columns(cols: list[Any], records: list[dict[Any, Any]]) -> list[Any]:
    """The columns whose sampled values are nearly all web addresses of pages (at least 80 %
    of the filled cells read as URLs by :func:`~corpus_tools.io.outlets.is_url_cell`; a column
    of image or video links, most of them ending in ``.jpg``, ``.png``, ``.mp4``..., is not one).

    >>> rows = [{"src": "politics2020.info/2018/03/court", "img": "https://x.com/a.jpg",
    ...          "title": "Court orders", "n": "www"},
    ...         {"src": "https://www.cnn.com/2018/04/18/", "img": "https://x.com/b.png",
    ...          "title": "Queen", "n": None}]
    >>> url_columns(["src", "img", "title", "n"], rows)
    ['src']
    """
    found = []
    for col in cols:
        values = [v for v in (r.get(col) for r in records) if isinstance(v, str) and v.strip()]
        if not values or any(
            not isinstance(r.get(col), str) and not is_missing(r.get(col)) for r in records
        ):
            continue
        urls = [v for v in values if is_url_cell(v)]
        if len(urls) < _URL_SHARE * len(values):
            continue
        media = sum(1 for v in urls if _MEDIA_RE.search(v.split("?", 1)[0].rstrip("/")))
        if media * 2 <= len(urls):
            found.append(col)
    return found


def _warn_url_columns(cols: list[Any], where: str) -> None:
    """No outlet column and more than one column of URLs: which one names the page is not
    guessed."""
    shown = ", ".join(repr(str(c)) for c in cols[:4])
    warnings.warn(
        f"{where}: no outlet column, and the columns {shown} all hold URLs, so no outlet is "
        "taken from a URL's host; rename the column that holds each article's own link to "
        "'url' (its host becomes the outlet), or pass outlet_column= naming a column of "
        "outlet names.",
        CorpusToolsWarning,
        stacklevel=6,
    )


def _headline_text(
    cols: list[Any],
    where: str,
    sample: Callable[[], list[dict[Any, Any]]],
    problem: str = "no text column",
) -> Any:
    """The headline/title column of a table with no text column (a table of headlines: its
    headlines are the texts to analyse, as with ``text_column=``), named in one warning;
    InputSkipped naming the column to pass when there is none, when it holds identifiers,
    or when another column also reads like sentences (which one is the text is the user's
    call)."""
    head = pick_column(cols, column_names("title"), None, "title", where)
    rows = sample()[:_SAMPLE_ROWS]
    # another column reads like sentences (an RSS export's description): ask which
    prose = [c for c in sentence_columns(cols, rows) if c != head]
    if head is None or prose or _holds_ids(head, rows) is not None:
        raise InputSkipped(_no_text_column(cols, where, head, prose, problem))
    warnings.warn(
        f"{where}: {problem}; the headlines in column {str(head)!r} are the texts "
        f"analysed (as with text_column={str(head)!r}; command line: --text-column "
        f"{shlex.quote(str(head))}). Pass text_column= to analyse another column.",
        CorpusToolsWarning,
        stacklevel=5,
    )
    return head


def _no_text_column(
    cols: list[Any], where: str, head: Any, prose: list[Any], problem: str = "no text column"
) -> str:
    """The reason a table without a text column is skipped, with the column to pass if one
    stands out: ``head``, its headline/title column (or None), and ``prose``, its other
    columns whose values read like sentences, most words first (:func:`_headline_text`
    found both).

    >>> _no_text_column(["Headline", "Blurb"], "a.csv", "Headline", ["Blurb"])[:100]
    "a.csv: no text column; columns found: ['Headline', 'Blurb']; pass text_column='Blurb' (its values re"

    A column name that reads like a sentence is a first row of data: the table has no header.

    >>> print(_no_text_column(["Talks ended after two days in Doha."], "b.csv", None, [])[:79])
    b.csv: no text column; the first line reads like data, not column names (column
    """
    data = [c for c in cols if sentence_like_name(c)]
    if data:
        i = cols.index(data[0]) + 1
        # the first field is one word and a ; tab or | right after it: the rows' delimiter
        first = re.match(r"[^\s,;\t|'\"]+([;\t|])", str(cols[0]))
        sep = first.group(1) if first else None
        between = "<tab>" if sep == "\t" else sep
        if sep:
            example = f"e.g. label{between}text: separated by {between} as the rows are"
        elif len(cols) > 1:
            example = f"one name for each of its {len(cols)} columns, separated as the rows are"
        else:
            example = "e.g. text"
        return (
            f"{where}: {problem}; the first line reads like data, not column names (column {i} "
            f"is {str(data[0])[:60]!r}), so the table seems to have no header line: add a first "
            f"line naming the columns ({example}), or for a DataFrame read it "
            "with header=None and names=[...]"
        )
    if head is not None and prose:  # headlines and another column of sentences
        what = (
            f"text_column={str(prose[0])!r} (its values read like sentences) or "
            f"text_column={str(head)!r} to analyse its headlines"
        )
    elif head is not None:  # a table of headlines: its headline column is the text to analyse
        what = f"text_column={str(head)!r} to analyse its headlines (or name another column)"
    else:
        what = (
            f"text_column={str(prose[0])!r} (its values read like sentences; or name another column)"
            if prose
            else "text_column="
        )
    summary = [c for c in prose if str(c).strip().casefold() in SUMMARY_NAMES]
    why = (
        f"; {str(summary[0])!r} is not taken as the text unasked: a column named like a "
        "summary often holds only the article's lead"
        if summary
        else ""
    )
    return (
        f"{where}: {problem}; columns found: {[str(c) for c in cols]}; pass "
        f"{what} (looked for {', '.join(TEXT_COLUMNS)}, and the names in other languages "
        f"of corpus_tools/data/column_names.yml){why}"
    )


#: column names of a summary, not the article: never the text without text_column= (NewsAPI's
#: description beside its cut content, RSS descriptions, MIND's abstract)
SUMMARY_NAMES = frozenset(
    ["description", "desc", "summary", "abstract", "excerpt", "teaser", "lead", "snippet"]
)


#: a text column found by name is a column of identifiers when this share of its sampled
#: values (at least _MIN_ID_VALUES of them) are one word of 6+ characters with a digit
_ID_SHARE = 0.9
_MIN_ID_VALUES = 3


def _id_like(v: Any) -> bool:
    """One word of 6+ characters with a digit: an id, hash or number, not a text.

    >>> [_id_like(v) for v in ("ddUyU0VZz0BRneMio", "1394470370698", "Talks end", "hello", 7)]
    [True, True, False, False, False]
    """
    return (
        isinstance(v, str)
        and len(v.strip()) >= 6
        and not any(ch.isspace() for ch in v.strip())
        and any(ch.isdigit() for ch in v)
    )


def _holds_ids(col: Any, rows: list[dict[Any, Any]]) -> str | None:
    """The first value of ``col`` when its sampled values are identifiers, else None."""
    values = [v for v in (r.get(col) for r in rows) if isinstance(v, str) and not is_missing(v)]
    n_ids = sum(1 for v in values if _id_like(v))
    if n_ids >= _MIN_ID_VALUES and n_ids >= _ID_SHARE * len(values):
        return next(v for v in values if _id_like(v))
    return None


_NUMBER_CELL_RE = re.compile(r"^\s*[-+]?(?:\d[\d,. ]*)?\d(?:[eE][-+]?\d+)?\s*%?\s*$")


def _given_text_not_numbers(cols: list[Any], tcol: Any, where: str, rows: list[Any]) -> None:
    """InputSkipped when the text column the user named holds a number in every filled cell of
    the rows looked at (3 or more: ``text_column='shares'`` of a table whose text is in
    ``content``), naming a column whose values read like sentences.

    >>> rows = [{"shares": str(k), "content": "The council met on Monday to vote."} for k in (3, 13, 23)]
    >>> _given_text_not_numbers(["shares", "content"], "shares", "a.csv", rows)
    Traceback (most recent call last):
    ...
    corpus_tools.io.files.InputSkipped: a.csv: column 'shares' (text_column=) holds numbers, not text (3, 13, 23 in its first rows); pass text_column='content' (its values read like sentences)
    """
    values = [v for v in (r.get(tcol) for r in rows) if not is_missing(v) and str(v).strip()]
    if len(values) < 3 or not all(_NUMBER_CELL_RE.match(str(v)) for v in values):
        return
    prose = [c for c in sentence_columns(cols, rows) if c != tcol]
    fix = (
        f"pass text_column={str(prose[0])!r} (its values read like sentences)"
        if prose
        else "pass the column that holds the articles' text"
    )
    raise InputSkipped(
        f"{where}: column {str(tcol)!r} (text_column=) holds numbers, not text "
        f"({', '.join(str(v).strip() for v in values[:3])} in its first rows); {fix}"
    )


def _text_not_ids(
    cols: list[Any], tcol: Any, where: str, sample: Callable[[], list[dict[Any, Any]]]
) -> tuple[Any, bool]:
    """``(tcol, False)``, or the next column named like a text when ``tcol`` holds identifiers
    (UCI News Aggregator's ``STORY`` is a story-cluster id); when every such column does,
    ``(the headline column, True)`` (:func:`_headline_text`)."""
    rows = sample()[:_SAMPLE_ROWS]
    example = _holds_ids(tcol, rows)
    if example is None:
        return tcol, False
    others = [c for c in cols if c != tcol and is_text_name(c)]
    names = column_names("text")
    for other in sorted(
        others, key=lambda c: min(names.index(f) for f in name_forms(c) if f in names)
    ):
        if _holds_ids(other, rows) is None:
            return other, False
    problem = (
        f"column {str(tcol)!r} is named like the text but holds identifiers (e.g. "
        f"{example[:40]!r}), not text"
    )
    return _headline_text(cols, where, lambda: rows, problem), True


#: the text column named by its name is set aside (the user is asked) when it is empty on at
#: least this many rows and this share of them while another column reads like sentences
_EMPTY_TEXT_ROWS = 10
_EMPTY_TEXT_SHARE = 0.75


def _text_mostly_empty(cols: list[Any], tcol: Any, where: str, rows: list[dict[Any, Any]]) -> None:
    """InputSkipped when the column named like the text is empty on most rows and another
    column reads like sentences on the rows without it: which one is the text is the user's
    call. A Google Datastore export whose entities got a ``properties.text`` only late (31 of
    1,667) kept 31 documents and skipped the other 1,636 as "missing text".

    >>> rows = [{"text": None, "desc": "Talks resumed in Doha on Tuesday"}] * 12
    >>> _text_mostly_empty(["text", "desc"], "text", "a.jsonl", rows + [{"text": "x", "desc": "y"}])
    Traceback (most recent call last):
    ...
    corpus_tools.io.files.InputSkipped: a.jsonl: column 'text' is named like the text but is empty on 12 of 13 rows; pass text_column='desc' (filled on 13 rows, its values read like sentences), or text_column='text' to load only the 1 row(s) that have it (command line: --text-column NAME)
    >>> _text_mostly_empty(["text", "desc"], "text", "a.jsonl", rows[:9] + [{"text": "x"}])
    """
    if not rows:
        return
    empty = [r for r in rows if isinstance(r, dict) and is_missing(r.get(tcol))]
    if len(empty) < _EMPTY_TEXT_ROWS or len(empty) < _EMPTY_TEXT_SHARE * len(rows):
        return
    prose = sentence_columns([c for c in cols if c != tcol], empty)
    if not prose:
        return
    filled = sum(1 for r in rows if isinstance(r, dict) and not is_missing(r.get(prose[0])))
    raise InputSkipped(
        f"{where}: column {str(tcol)!r} is named like the text but is empty on "
        f"{len(empty):,} of {len(rows):,} rows; pass text_column={str(prose[0])!r} (filled on "
        f"{filled:,} rows, its values read like sentences), or text_column={str(tcol)!r} to "
        f"load only the {len(rows) - len(empty):,} row(s) that have it (command line: "
        "--text-column NAME)"
    )


#: rows looked at to tell which column holds sentences, and the share of them that must
_SAMPLE_ROWS = 200
_PROSE_SHARE = 0.5


def sentence_columns(cols: list[Any], records: list[dict[Any, Any]]) -> list[Any]:
    """Columns whose values mostly read like sentences or headlines (4+ words with letters and
    no digits: not names, dates, URLs or numbers), most words first.

    >>> rows = [{"Headline Text": "Talks end in Doha after two days", "Source Name": "BBC News",
    ...          "Pub Date (UTC)": "July 8, 2022 3:42 AM", "Link": "https://bbc.com/x"}]
    >>> sentence_columns(list(rows[0]), rows)
    ['Headline Text']
    """
    rows = records[:_SAMPLE_ROWS]
    scores: list[tuple[float, int, Any]] = []
    for i, col in enumerate(cols):
        values = [r.get(col) for r in rows]
        texts = [v for v in values if isinstance(v, str) and not is_missing(v)]
        if not texts:
            continue
        words = [sum(1 for w in v.split() if wordish(w)) for v in texts]
        prose = sum(1 for n in words if n >= 4)
        if prose >= _PROSE_SHARE * len(texts):
            scores.append((-sum(words) / len(texts), i, col))
    return [col for _, _, col in sorted(scores)]


#: rows looked at for a date column the loader did not pick, and how many dates it must hold
_DATE_SAMPLE_ROWS = 50
_DATE_MAX_CHARS = 40


def date_like_columns(cols: list[Any], records: list[dict[Any, Any]]) -> list[tuple[Any, str]]:
    """``(column, first value)`` for each column whose sampled values are all dates with a day:
    datetime values, or strings :func:`~corpus_tools.io.dates.parse_date` reads at day or time
    precision without a format (not bare numbers: years, ids and Unix timestamps stay quiet).
    Empty cells aside, every sampled value must be such a date, and one must be there.

    >>> rows = [{"Unnamed: 0": "2023-10-19", "n": "7", "when": "19 Oct 2023 10:02"}] * 3
    >>> date_like_columns(["Unnamed: 0", "n", "when"], rows)
    [('Unnamed: 0', '2023-10-19'), ('when', '19 Oct 2023 10:02')]
    """
    rows = records[:_DATE_SAMPLE_ROWS]
    found: list[tuple[Any, str]] = []
    for col in cols:
        seen: list[Any] = []
        for rec in rows:
            v = rec.get(col)
            if not isinstance(v, (list, dict, np.ndarray)) and is_missing(v):
                continue
            if not _is_day_date(v):
                seen = []
                break
            seen.append(v)
        if seen:
            found.append((col, str(seen[0]).strip()))
    return found


def _is_day_date(v: Any) -> bool:
    if isinstance(v, (pd.Timestamp, np.datetime64)) or (hasattr(v, "year") and hasattr(v, "day")):
        return True
    if not isinstance(v, str) or len(v) > _DATE_MAX_CHARS:
        return False
    if not any(ch.isalpha() or ch in "-/.:" for ch in v):  # a bare number: a year, an id
        return False
    try:
        _, precision = parse_date(v, where="", row=0, column="")
    except MetadataError:
        return False
    return precision in ("day", "time")


_TIME_NAME_RE = re.compile(r"time|date|created|utc|publish|epoch")
#: Unix timestamps taken for dates by :func:`epoch_columns`: 1995 to 2040
_EPOCH_SPAN = (788_918_400, 2_208_988_800)


def epoch_columns(cols: list[Any], records: list[dict[Any, Any]]) -> list[tuple[Any, str]]:
    """``(column, first value)`` for each column named like a time (``created_utc``,
    ``TIMESTAMP``, ``news_time``) whose sampled values are all Unix timestamps (seconds or
    milliseconds) between 1995 and 2040.

    >>> epoch_columns(["created_utc", "id"], [{"created_utc": 1739180940, "id": 1739180940}])
    [('created_utc', '1739180940')]
    """
    found: list[tuple[Any, str]] = []
    for col in cols:
        if not _TIME_NAME_RE.search(column_key(col)):
            continue
        values = [r.get(col) for r in records[:_DATE_SAMPLE_ROWS]]
        values = [v for v in values if not isinstance(v, (list, dict, np.ndarray))]
        shown = [cell_str(v) for v in values if not is_missing(v)]
        if shown and all(_in_epoch_span(v) for v in shown):
            found.append((col, shown[0]))
    return found


def _in_epoch_span(v: str) -> bool:
    if not EPOCH_RE.match(v):
        return False
    seconds = float(v) / (1000 if len(v.split(".")[0]) >= 12 else 1)
    return _EPOCH_SPAN[0] <= seconds <= _EPOCH_SPAN[1]


def _warn_unpicked_dates(c: TableColumns, where: str, records: list[dict[Any, Any]]) -> None:
    """Warn when no date column was found by name but another column clearly holds dates."""
    if c.date is not None:
        return
    found = date_like_columns(c.extra, records)
    option = ""
    if not found:
        found = epoch_columns(c.extra, records)
        option = ', date_format="epoch"'
    if not found:
        return
    col, example = found[0]
    more = f" (also {', '.join(repr(str(c)) for c, _ in found[1:4])})" if len(found) > 1 else ""
    what = "Unix timestamps" if option else "dates"
    flag = " --date-format epoch" if option else ""
    warnings.warn(
        f"{where}: no date column found by name ({', '.join(DATE_COLUMNS[:4])}, ...), but "
        f"column {str(col)!r} holds {what} (e.g. {example!r}){more}; the documents are loaded "
        f"without a publication date. If those are the publication dates, pass "
        f"date_column={str(col)!r}{option} to load_corpus (command line: --date-column "
        f"{shlex.quote(str(col))}{flag}) or rename the column to 'published'.",
        CorpusToolsWarning,
        stacklevel=4,
    )


def _other_text(c: TableColumns, rec: dict[Any, Any]) -> str:
    """For a row without text: the columns of that row that hold a headline or sentences and
    the text_column= to pass to analyse them ("" when none does).

    >>> c = TableColumns("content", None, "title", None, None, None, None, ["description", "n"])
    >>> _other_text(c, {"title": "Talks end", "description": "The envoys left on Tuesday.", "n": 3})
    "; the row has 'title', 'description': pass text_column='title' to analyse headlines"
    >>> _other_text(c, {"title": None, "description": "The envoys left on Tuesday.", "n": 3})
    "; the row has 'description': pass text_column='description' to analyse that column"
    """
    has = [c.title] if c.title is not None and not is_missing(rec.get(c.title)) else []
    has += sentence_columns(c.extra, [rec])
    if not has:
        return ""
    what = "headlines" if has[0] == c.title else "that column"
    shown = ", ".join(repr(str(col)) for col in has)
    return f"; the row has {shown}: pass text_column={str(has[0])!r} to analyse {what}"


def _is_feed(rel: str) -> bool:
    """True for a saved feed's file name (``city.xml``, ``news.rss.gz``).

    >>> _is_feed("feeds/city.XML"), _is_feed("rows.jsonl")
    (True, False)
    """
    low = rel.lower().removesuffix(".gz")
    return low.endswith(FEED_EXTENSIONS)


@dataclass(frozen=True)
class _Table:
    """One table source as the row loop needs it."""

    rel: str
    kind: str  # csv, tsv, json, jsonl, ndjson, parquet or dataframe
    where: str  # the file, or "DataFrame", for messages
    unit: str  # "row", or "line" for JSONL
    stem: str  # doc_id prefix for rows without an id
    enc: str
    is_frame: bool
    cols: list[Any]
    picked: TableColumns
    #: column -> (field, first row, rows, kind) of cells that hold a JSON object or list
    nested: dict[Any, list[Any]] = field(default_factory=dict)
    #: column -> [what, first row, rows, value] of cells that hold an error value (left empty)
    errors: dict[Any, list[Any]] = field(default_factory=dict)
    #: [True] once a date cell was read by date_format (checked until one is)
    format_hit: list[bool] = field(default_factory=list)
    #: text and title cells that held HTML markup ("text", "title"; "first": its first row)
    markup: Counter[str] = field(default_factory=Counter)
    #: (row, value, problem) of the date cells that name no day (loaded undated)
    unread_dates: list[tuple[int, str, Any]] = field(default_factory=list)
    #: documents per outlet taken from a URL's host, rows with a URL and no host, and the
    #: URLs that held a second URL (the first few; the count in ``url_counts["inner"]``)
    url_hosts: Counter[str] = field(default_factory=Counter)
    url_counts: Counter[str] = field(default_factory=Counter)
    inner_urls: list[str] = field(default_factory=list)
    #: site -> a host of it with a subdomain (the first two sites), for the warning
    subdomains: dict[str, str] = field(default_factory=dict)

    def url_outlet(self, base: dict[str, Any]) -> None:
        """A row with no outlet takes its URL's host (``outlet_source`` ``url``)."""
        if self.picked.url is None or not is_missing(base.get("outlet")):
            return
        url = base.get("url")
        if url is None:
            self.url_counts["no_url"] += 1
            return
        host, inner = url_parts(url)
        if host is not None and is_redirector(host):
            host = redirect_target(url)  # feedproxy.google.com, t.co: no outlet of its own
            if host is None:
                self.url_counts["redirector"] += 1
                return
        if host is None:
            self.url_counts["no_host"] += 1
            return
        site = site_of(host)
        if site != host:
            self.url_counts["subdomain"] += 1
            if site not in self.subdomains and len(self.subdomains) < 2:
                self.subdomains[site] = host
        base["outlet"], base["outlet_source"] = site, "url"
        self.url_hosts[site] += 1
        if inner:
            self.url_counts["inner"] += 1
            if len(self.inner_urls) < 2:
                self.inner_urls.append(url)

    def warn_url_outlets(self) -> None:
        """One warning when the outlets came from the URLs' hosts (no outlet column), or when
        a URL held a second URL."""
        n = sum(self.url_hosts.values())
        n_inner = self.url_counts["inner"]
        if not n and self.url_counts["redirector"] and self.picked.outlet is None:
            warnings.warn(
                redirector_note(self.where, self.unit, self.url_counts["redirector"]),
                CorpusToolsWarning,
                stacklevel=3,
            )
            return
        if not n or (self.picked.outlet is not None and not n_inner and not self.subdomains):
            return
        if self.picked.outlet is None and _is_feed(self.rel):
            return  # a feed's items name their outlet by their links' host, as documented
        if self.picked.outlet is None and not _first_of_kind("url_outlet", self.where, n):
            return  # a later table of the load: named in one line at its end
        col = str(self.picked.url)
        parts = []
        if self.picked.outlet is None:
            found = (
                f"column {col!r} holds URLs, so it is read as the url (docs['url']) and "
                if self.picked.url_by_content
                else f"column {col!r} is the url and "
            )
            top = ", ".join(f"{h} ({k:,})" for h, k in self.url_hosts.most_common(3))
            more = len(self.url_hosts) - 3
            parts.append(
                f"{self.where}: no outlet column; {found}each {self.unit}'s outlet is the host "
                f"of its URL (outlet_source 'url'): {len(self.url_hosts):,} outlet(s) over "
                f"{n:,} {self.unit}(s): {top}{f' and {more:,} more' if more > 0 else ''}"
            )
            missing = self.url_counts["no_url"] + self.url_counts["no_host"]
            if missing:
                parts[-1] += f"; {missing:,} {self.unit}(s) without a web address have no outlet"

        else:
            parts.append(
                f"{self.where}: {n:,} {self.unit}(s) with an empty outlet take the host of "
                f"their URL (column {col!r})"
            )
        if self.url_counts["redirector"]:
            parts.append(
                f"{self.url_counts['redirector']:,} {self.unit}(s) whose URL is a link "
                "shortener's, feed redirector's or aggregator's (feedproxy.google.com, t.co, "
                "news.google.com: no outlet's own host) have no outlet"
            )
        n_sub = self.url_counts["subdomain"]
        if n_sub:
            shown_sub = ", ".join(f"{h} -> {s}" for s, h in self.subdomains.items())
            parts.append(
                f"{n_sub:,} host(s) named a section of a site, which is the outlet "
                f"({shown_sub}; docs['url'] keeps the whole address)"
            )
        if n_inner:
            url = self.inner_urls[0]
            shown = url if len(url) <= 160 else url[:157] + "..."
            parts.append(
                f"{n_inner:,} URL(s) held a second URL (a link glued to another, a web "
                f"archive's copy or a proxy's, as translate.goog and AMP caches serve pages, "
                f"e.g. {shown!r}): the host of the page it holds is the outlet"
            )
        warnings.warn(
            "; ".join(parts)
            + ". To take the outlets from a column instead, pass outlet_column= (command "
            "line: --outlet-column NAME).",
            CorpusToolsWarning,
            stacklevel=3,
        )

    def cell(self, row_no: int, col: Any, value: Any, what: str) -> tuple[Any, str | None]:
        """``(value, source label)`` of a title, outlet, date or url cell: a JSON object with a
        ``name`` gives the outlet's name (``table:<col>.name``); any other object or list is
        noted for :meth:`warn_nested` and left empty, never turned into its repr."""
        if isinstance(value, dict) and what == "outlet" and "name" in value:
            name = value["name"]
            if isinstance(name, str) and not is_missing(name):
                return name.strip(), f"table:{col}.name"
            if is_missing(name):
                return None, None
        if isinstance(value, (dict, list, tuple, np.ndarray)):
            kind = "object" if isinstance(value, dict) else "list"
            note = self.nested.setdefault(col, [what, row_no, 0, kind])
            note[2] += 1
            return None, None
        if error_value(value):  # '#N/A', '#ALL_SELECTORS_RETURN_NULL': no title, no outlet
            note = self.errors.setdefault(col, [what, row_no, 0, value.strip()])
            note[2] += 1
            return None, None
        return value, None

    def warn_errors(self) -> None:
        """One warning per column whose cells held a spreadsheet's or scraper's error value."""
        for col, (what, first, n, value) in self.errors.items():
            warnings.warn(
                error_value_note(self.where, col, n, self.unit, what, value, first),
                CorpusToolsWarning,
                stacklevel=3,
            )

    def warn_nested(self) -> None:
        """One warning per column whose cells held JSON objects or lists (left empty)."""
        for col, (what, first, n, kind) in self.nested.items():
            path = (
                f"{what}_column='{col}.<key>' (a path into its objects) or "
                if kind == "object"
                else ""
            )
            option = (
                f", or pass {path}{what}_column= naming a column of plain values"
                if what != "url"
                else ""
            )
            warnings.warn(
                f"{self.where}, column {str(col)!r}: {n:,} {self.unit}(s) hold a JSON {kind} "
                f"(first: {self.unit} {first}), not a plain value; the {what} of those "
                f"{self.unit}s is left empty. Flatten the column first (pandas.json_normalize "
                f"gives one column per key, e.g. '{col}.name'){option}.",
                CorpusToolsWarning,
                stacklevel=3,
            )


def table_docs(
    rel: str,
    ext: str,
    data: bytes | BinaryIO | None,
    frame: pd.DataFrame | None,
    opts: LoadOptions,
) -> Iterator[tuple[str, Any, Any]]:
    """Yield ("doc", base_row, None) / ("skip", path, reason) for one table source, in row order.

    Rows skipped while parsing (wrong field count, bad JSON line) come in their
    place among the documents.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"Body": ["Talks ended.", None], "ID": ["a", "b"]})
    >>> [(k, a["doc_id"] if k == "doc" else a, b) for k, a, b in
    ...  table_docs("dataframe", ".dataframe", None, df, LoadOptions())]
    [('doc', 'a', None), ('skip', 'dataframe#row=2', 'DATAFRAME row 2: missing text')]
    """
    if ext == ".parquet" and data is not None:
        yield from _parquet_docs(rel, data, opts)
        return
    assert data is None or isinstance(data, bytes)
    cols, records, rows, enc, bad = read_table(rel, ext, data, frame, opts.encoding, opts.quotechar)
    if frame is None and ext in (".json", ".jsonl", ".ndjson"):
        cols, records = _nested_json(cols, records, opts)
        _unwrap_members(rel, cols, records, opts)
    cols = _dotted_columns(cols, records, opts)
    kind = "dataframe" if frame is not None else ext.lstrip(".")
    where = rel if frame is None else "DataFrame"
    if not records and not bad and frame is None:
        raise InputSkipped("no rows (only a header or an empty list); nothing to load")
    picked = TableColumns.pick(cols, opts, where, lambda: records)
    _warn_unpicked_dates(picked, where, records)
    stem = rel.rsplit(".", 2 if rel.lower().endswith(".gz") else 1)[0] if frame is None else "row"
    unit = "line" if ext in (".jsonl", ".ndjson") else "row"
    table = _Table(rel, kind, where, unit, stem, enc, frame is not None, cols, picked)
    table.markup["breaks_on"] = _writes_breaks(records, picked.text)
    skips = dict(bad)
    items: list[tuple[int, Any]] = list(zip(rows, records, strict=True))
    items += [(int(p.rsplit("=", 1)[1]), ("skip", p)) for p in skips]
    items.sort(key=lambda t: t[0])
    for row_no, rec in items:
        if isinstance(rec, tuple):
            yield "skip", rec[1], skips[rec[1]]
        else:
            yield _row_doc(table, row_no, rec, opts)
    table.warn_nested()
    table.warn_errors()
    warn_unread_dates(table, len(records))
    warn_markup(table)
    table.warn_url_outlets()


def warn_unread_dates(table: _Table, n_rows: int) -> None:
    """One warning for the rows whose date cell names no day (a placeholder such as year 1,
    or 'yesterday, 4:25'): they are loaded undated, each named by its row (the first three).
    """
    unread = table.unread_dates
    if not unread:
        return
    unit = table.unit
    rows = ", ".join(f"{r:,}" for r, _, _ in unread[:3]) + (", ..." if len(unread) > 3 else "")
    values = sorted({v for _, v, _ in unread}, key=lambda v: [x for _, x, _ in unread].index(v))
    shown = ", ".join(repr(v) for v in values[:3]) + (", ..." if len(values) > 3 else "")
    one = len(unread) == 1
    told = any(isinstance(p, UnreadProblem) for _, _, p in unread)
    what = "no format or rule reads (date_format has 'undated')" if told else "names no day"
    warnings.warn(
        f"{table.where}: {len(unread):,} of {n_rows:,} {unit}s {'has' if one else 'have'} a "
        f"date that {what} ({unit}{'' if one else 's'} {rows}, column "
        f"{str(table.picked.date)!r}: {shown}); {'it is' if one else 'they are'} loaded "
        f"undated (published empty; docs['source'] names each {unit}). The first: "
        f"{unread[0][2]}",
        CorpusToolsWarning,
        stacklevel=3,
    )


def _parquet_docs(
    rel: str, source: bytes | BinaryIO, opts: LoadOptions
) -> Iterator[tuple[str, Any, Any]]:
    """The rows of a Parquet file as documents, read and converted a bounded batch at a time
    (:class:`~corpus_tools.io.tables.ParquetRows`: same records as reading it whole)."""
    rows = ParquetRows(source)
    if not rows.num_rows:
        raise InputSkipped("no rows (only a header or an empty list); nothing to load")
    batches = rows.batches()
    first: list[list[dict[Any, Any]]] = []  # the first batch, converted once when a check asks

    def sample() -> list[dict[Any, Any]]:
        if not first:
            first.append(next(batches, []))
        return first[0]

    picked = TableColumns.pick(rows.columns, opts, rel, sample)
    if picked.date is None:
        _warn_unpicked_dates(picked, rel, sample())
    stem = rel.rsplit(".", 2 if rel.lower().endswith(".gz") else 1)[0]
    table = _Table(rel, "parquet", rel, "row", stem, "parquet", False, rows.columns, picked)
    table.markup["breaks_on"] = _writes_breaks(sample(), picked.text)  # its first batch
    row_no = 0
    for records in itertools.chain(first, batches):
        for rec in records:
            row_no += 1
            yield _row_doc(table, row_no, rec, opts)
    table.warn_nested()
    table.warn_errors()
    warn_unread_dates(table, len(records))
    warn_markup(table)
    table.warn_url_outlets()


def _nested_json(
    cols: list[Any], records: list[Any], opts: LoadOptions
) -> tuple[list[Any], list[Any]]:
    """JSON records with their objects spread into dotted columns (``properties.title``) when
    no column at the top names the text (a Google Datastore export keeps every field under
    ``properties.*.stringValue``); else the records with the typed values of a database
    export unwrapped (``{"stringValue": "..."}`` -> ``"..."``)."""
    given = opts.text_column
    top = given in cols if given is not None else any(is_text_name(c) for c in cols)
    flat = None if top else flat_records(cols, records)
    if flat is None:
        unwrap_typed(records)
        return cols, records
    return flat


def _unwrap_members(rel: str, cols: list[Any], records: list[Any], opts: LoadOptions) -> None:
    """A column named like the text whose cells are objects with one string member each
    (WordPress's ``"content": {"rendered": ...}``) read as that string
    (:func:`~corpus_tools.io.json_shapes.single_text_members`), said once."""
    if opts.text_column is not None:  # the user's column (or a path into it) is read as given
        return
    keep = {c for c in cols if not is_text_name(c)}  # titles, outlets: read by their cells
    found = single_text_members(cols, records, keep)
    if not found:
        return
    shown = ", ".join(f"{str(c)!r} as {f'{c}.{k}'!r}" for c, k in list(found.items())[:4])
    wp = " (a WordPress REST API export's 'rendered')" if "rendered" in found.values() else ""
    text = next((c for c in found if is_text_name(c)), next(iter(found)))
    warnings.warn(
        f"{rel}: the text column holds an object with one text member on every row, read as "
        f"that text: {shown}{wp}; pass text_column={f'{text}.<key>'!r} to read another member.",
        CorpusToolsWarning,
        stacklevel=4,
    )


def _dotted_columns(cols: list[Any], records: list[Any], opts: LoadOptions) -> list[Any]:
    """``cols`` with the columns that options name by a path into objects (``text_column=
    "article.body"`` for ``{"article": {"title": ..., "body": ...}}`` records): each record
    gets the value at that path (None where it has none). A column of that very name wins.

    >>> recs = [{"article": {"body": "Talks ended."}}, {"article": "x"}]
    >>> _dotted_columns(["article"], recs, LoadOptions(text_column="article.body"))
    ['article', 'article.body']
    >>> [r["article.body"] for r in recs]
    ['Talks ended.', None]
    """
    out = list(cols)
    for option in TABLE_OPTIONS:
        name = getattr(opts, option)
        if not isinstance(name, str) or "." not in name or name in out:
            continue
        path = name.split(".")
        if path[0] not in out:
            continue
        for rec in records:
            if not isinstance(rec, dict):
                continue
            value: Any = rec.get(path[0])
            for key in path[1:]:
                value = value.get(key) if isinstance(value, dict) else None
            rec[name] = value
        out.append(name)
    return out


def _nested_text_reason(text: Any, col: Any) -> str:
    """Why a text cell holding an object or a list is not read (never stringified), or "".

    >>> _nested_text_reason({"title": "T", "body": "Talks ended."}, "article")
    "column 'article' holds an object with keys title, body, not text; pass text_column='article.body' (a path into the object)"
    >>> _nested_text_reason("Talks ended.", "text"), _nested_text_reason(2, "text")
    ('', "column 'text' holds the number 2, not text; check that it is the text column (text_column=), or write the cell as text")
    """
    if hasattr(text, "tolist") and not isinstance(text, str):
        text = text.tolist()
    if isinstance(text, dict):
        keys = [str(k) for k in text]
        prose = [k for k in keys if is_text_name(k)]
        hint = f"{col}.{prose[0]}" if prose else f"{col}.<key>"
        shown = ", ".join(keys[:8]) + (", ..." if len(keys) > 8 else "")
        return (
            f"column {str(col)!r} holds an object with keys {shown}, not text; pass "
            f"text_column={hint!r} (a path into the object)"
        )
    if isinstance(text, (list, tuple)):
        return (
            f"column {str(col)!r} holds a list ({len(text)} items), not text; join or "
            "flatten it first and pass the text column"
        )
    if isinstance(text, (bool, int, float, np.number, np.bool_)):  # a count, an id, a flag
        return (
            f"column {str(col)!r} holds the number {text}, not text; check that it is the "
            "text column (text_column=), or write the cell as text"
        )
    return ""


def _row_doc(
    table: _Table, row_no: int, rec: dict[Any, Any], opts: LoadOptions
) -> tuple[str, Any, Any]:
    """``("doc", base_row, None)`` for one table row, or ``("skip", source, reason)``."""
    kind, unit, where, c = table.kind, table.unit, table.where, table.picked
    src = f"{table.rel}#{unit}={row_no}"
    # JSON escapes and DataFrames can hold lone surrogates (\udc00), which no encoder accepts
    if kind in ("json", "jsonl", "ndjson", "dataframe"):
        broken = next(((k, s) for k in table.cols if (s := surrogate_in(rec.get(k)))), None)
        if broken is not None:
            esc = broken[1].encode("unicode_escape").decode("ascii")
            return (
                "skip",
                src,
                f"{kind.upper()} {unit} {row_no}, column {str(broken[0])!r}: a lone "
                f"surrogate ({esc}) is not valid Unicode; fix the text (a broken \\u escape "
                "or a bad decode)",
            )
    text = rec.get(c.text)
    if is_missing(text):
        return "skip", src, f"{kind.upper()} {unit} {row_no}: missing text{_other_text(c, rec)}"
    if error_value(text):
        return (
            "skip",
            src,
            f"{kind.upper()} {unit} {row_no}: the text is an error value ({str(text).strip()!r}: a "
            "spreadsheet's formula error or a scraper's failed field), not text",
        )
    nested = _nested_text_reason(text, c.text)
    if nested:
        return "skip", src, f"{kind.upper()} {unit} {row_no}: {nested}"
    id_value = rec.get(c.id) if c.id is not None else None
    try:
        text_cell, page = _any_text_cell(table, row_no, str(text))
    except InputSkipped as exc:
        return "skip", src, f"{kind.upper()} {unit} {row_no}: {exc.reason}"
    base: dict[str, Any] = {
        "doc_id": cell_str(id_value) if not is_missing(id_value) else f"{table.stem}#{row_no}",
        "source": src,
        "path": None if table.is_frame else table.rel,
        "encoding": "n/a" if table.is_frame else table.enc,
        "format": "html" if page else kind,
        **text_cell,
    }
    for what, col in (("title", c.title), ("outlet", c.outlet), ("url", c.url)):
        value, label = (
            table.cell(row_no, col, rec.get(col), what) if col is not None else (None, None)
        )
        if what != "url" or not is_missing(value):  # no url key unless the table gives one
            base[what] = None if is_missing(value) else cell_str(value)
        if what == "title" and base[what] is not None and _HTML_TITLE.search(base[what]):
            base[what] = markup_text(base[what])  # an RSS title: 'Mısır&apos;da'
            table.markup["title"] += 1
        if what == "title" and table.markup["breaks_on"] and "\\" in (base[what] or ""):
            base[what] = backslash_breaks(base[what])  # AG's 'Mills Grabs \$1B Portfolio'
        if label is not None and base[what] is not None:
            base[f"{what}_source"] = label
    _page_fills(base, page)
    table.url_outlet(base)
    if c.date is not None:
        value, _ = table.cell(row_no, c.date, rec.get(c.date), "date")
        base["published"], base["date_precision"] = parse_date(
            value,
            where=where,
            row=row_no,
            column=str(c.date),
            unit=unit,
            date_format=opts.date_format,
            unread=table.unread_dates,
        )
        if base["published"] is pd.NaT and not is_missing(value):
            base["published_source"] = None  # a date written but not read: no date from the URL
        if opts.date_format and not table.format_hit and format_matched(value, opts.date_format):
            table.format_hit.append(True)
            base[DATE_FORMAT_KEY] = True  # told to the loading process once per table
    if c.precision is not None and not is_missing(rec.get(c.precision)):
        base["date_precision"] = check_precision(rec[c.precision], where, row_no, unit)
    _extra_cells(base, c.extra, rec)
    return "doc", base, None


def _extra_cells(base: dict[str, Any], extra: Any, rec: dict[Any, Any]) -> None:
    """The row's other columns kept as they are (``user_<name>`` for a reserved name), and an
    ``authors`` list as ``author`` when nothing else gave one (news-please, newspaper3k)."""
    for col in extra:
        if col in rec:
            name = str(col)
            key = f"user_{name}" if name in RESERVED_COLUMNS or name.startswith("__") else name
            base[key] = rec[col]
    if "authors" in rec and is_missing(base.get("author")):
        base["author"] = author_names(rec["authors"])


#: a text cell that holds HTML: a tag HTML pages use (RSS descriptions copied into a table:
#: '<a href=""><img src=...></a>Bahreyn ...'); a character reference alone ('AT&amp;T') is left
#: to cleaning, which logs its repair
_TAG_NAMES = (
    r"(?:a|p|div|span|img|br|hr|b|i|em|strong|u|ul|ol|li|h[1-6]|table|tr|td|th|figure|"
    r"figcaption|iframe|script|style|blockquote|section|article|font|center|small|sup|sub)"
)
#: a closing tag, an empty element (<br>, <img ...>), or a tag whose attributes are quoted
_HTML_TAG = (
    rf"</{_TAG_NAMES}\s*>|<(?:img|br|hr)\b[^<>]*>|<{_TAG_NAMES}"
    r"(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'))*\s*/?>"
)
_HTML_CELL = re.compile(f"(?i){_HTML_TAG}")
#: a title with a tag or a character reference ('Mısır&apos;da': titles are not cleaned)
_HTML_TITLE = re.compile(f"(?i){_HTML_TAG}|&(?:#\\d{{2,7}}|#x[0-9a-f]{{2,6}}|[a-z]{{2,8}});")


#: a backslash written for a line break (AG's news corpus: 'Wall Street's dwindling\band of
#: ultra-cynics', 'over\5 million acres'): glued between two characters, before a letter
#: that no escape sequence uses, a capital or a digit. In a table with enough of them
#: (:data:`MIN_BREAK_ROWS`), all its text cells' backslashes are line breaks (also before
#: n, r, t: 'a second\team'; with blanks beside them: 'this \ week'), a doubled one a
#: paragraph break, and '\$' is a dollar sign ('\$1 billion').
_BREAK_MARK = re.compile(r"(?<=[^\s\\])\\(?=[a-mo-qsvwyzA-Z0-9])")
_BREAK_BACKSLASH = re.compile(r"[ \t]*(\\{1,2})(?![\\$])[ \t]*")
_ESCAPED_DOLLAR = re.compile(r"\\(?=\$)")


#: a table writes line breaks as backslashes when at least this many of its texts, and this
#: share of them, hold a break mark (one article's 'Read\Unread' or 'شباط\فبراير' does not)
MIN_BREAK_ROWS, MIN_BREAK_SHARE = 3, 0.02


def _writes_breaks(records: list[Any], column: Any) -> int:
    """1 when the text column of a table's rows (all of them, or a Parquet file's first
    batch) writes line breaks as backslashes (:data:`_BREAK_MARK`), else 0."""
    if column is None:
        return 0
    n = marked = 0
    for rec in records:
        value = rec.get(column) if isinstance(rec, dict) else None
        if isinstance(value, str) and not is_page_cell(value):  # a page's scripts: not breaks
            n += 1
            marked += "\\" in value and _BREAK_MARK.search(value) is not None
    return int(marked >= MIN_BREAK_ROWS and marked >= MIN_BREAK_SHARE * n)


def backslash_breaks(text: str) -> str:
    r"""The text of a cell that writes line breaks as backslashes (:data:`_BREAK_MARK`): a
    backslash (and the blanks beside it) read as a space, a doubled one as a paragraph
    break, ``\$`` as ``$``, the backslashes that open the cell dropped.

    >>> backslash_breaks(r"Wall Street's dwindling\band of ultra-cynics, for \$1 billion.")
    "Wall Street's dwindling band of ultra-cynics, for $1 billion."
    >>> backslash_breaks(r'the virus roundup.""\\""Graham Cluley said')
    'the virus roundup.""\n\n""Graham Cluley said'
    """
    text = text.lstrip("\\ \t")  # a break before the first word: none
    return _ESCAPED_DOLLAR.sub("", _BREAK_BACKSLASH.sub(_break, text))


def _break(m: re.Match[str]) -> str:
    return " " if len(m[1]) == 1 else "\n\n"


def _text_cell(table: _Table, row_no: int, text: str) -> dict[str, str]:
    """``raw_text`` and ``text_source`` of one row: a text cell that holds HTML tags is read
    as a feed's description is (tags dropped, a paragraph per
    block, entities decoded; ``text_source`` ``html:<column>``; the cell as written stays in
    the file, at ``docs.source``) and counted for :func:`warn_markup`."""
    c = table.picked
    if _API_CUT_RE.search(text[-40:]):
        table.markup["cut"] += 1
        table.markup.setdefault("first_cut", row_no)
    if table.markup["breaks_on"] and "\\" in text:
        table.markup["backslash"] += 1
        table.markup.setdefault("first_backslash", row_no)
        text = backslash_breaks(text)
    if not c.headlines and _HTML_CELL.search(text):
        table.markup["text"] += 1
        table.markup.setdefault("first", row_no)
        return {"raw_text": markup_text(text), "text_source": f"{HTML_SOURCE}{c.text}"}
    return {
        "raw_text": text,
        "text_source": f"{HEADLINE_SOURCE if c.headlines else 'table:'}{c.text}",
    }


#: a cell that is a whole HTML page (a crawler's dump of ``{"url", "html"}`` rows): it opens
#: with a doctype or ``<html>`` (after at most a few wrapper tags, comments or an XML
#: declaration) and holds a ``<head>`` or ``<body>`` element
_PAGE_START_RE = re.compile(
    r"(?i)\s*(?:<(?!html[\s>]|!doctype)[^<>]{0,500}>\s*){0,5}(?:<!doctype\s+html\b|<html[\s>])"
)
_PAGE_PART_RE = re.compile(r"(?i)<(?:head|body)[\s>]")
#: how far into a cell its doctype or ``<html>`` may stand
_PAGE_START_CHARS = 3_000


def is_page_cell(text: str) -> bool:
    """True when a table's text cell holds a whole HTML page rather than text or a snippet.

    >>> is_page_cell('<!DOCTYPE html><html><head><title>T</title></head><body>x</body></html>')
    True
    >>> is_page_cell('<p>Talks <b>ended</b>.</p>'), is_page_cell('Plain text about <html>.')
    (False, False)
    """
    return (
        "<" in text
        and _PAGE_START_RE.match(text[:_PAGE_START_CHARS]) is not None
        and _PAGE_PART_RE.search(text) is not None
    )


#: the fields a page gives of itself that travel with others (a date with its precision)
_PAGE_COMPANIONS = {"published": ("date_precision",)}


def _page_fills(base: dict[str, Any], page: dict[str, Any]) -> None:
    """Fill ``base`` with what a page cell's page says of itself (title, outlet, date, author,
    url, each with its ``*_source``) where the table's own columns gave nothing.

    >>> row = {"title": "From the table", "outlet": None}
    >>> _page_fills(row, {"title": "Page", "title_source": "html:title", "outlet": "BBC",
    ...                   "outlet_source": "og:site_name"})
    >>> row
    {'title': 'From the table', 'outlet': 'BBC', 'outlet_source': 'og:site_name'}
    """
    for key, value in page.items():
        if key.endswith("_source") or key in ("date_precision",):
            continue
        if is_missing(base.get(key)) and not is_missing(value):
            base[key] = value
            for extra in (f"{key}_source", *_PAGE_COMPANIONS.get(key, ())):
                if extra in page:
                    base[extra] = page[extra]


def _any_text_cell(table: _Table, row_no: int, text: str) -> tuple[dict[str, str], dict[str, Any]]:
    """``raw_text``/``text_source`` of a row's text cell, and what the page says of itself
    when the cell is a whole page (else ``{}``); InputSkipped for a page with no article."""
    if not table.picked.headlines and is_page_cell(text):
        return _page_cell(table, row_no, text)
    return _text_cell(table, row_no, text), {}


def _page_cell(table: _Table, row_no: int, text: str) -> tuple[dict[str, str], dict[str, Any]]:
    """``raw_text``/``text_source`` of a cell holding a whole page, read by the page extractor
    as an ``.html`` file is, and what the page says of itself (title, outlet, date, author,
    url and their ``*_source``); InputSkipped when the page has no article text."""
    raw, page = extract_html(text)
    table.markup["page"] += 1
    table.markup.setdefault("first_page", row_no)
    return {"raw_text": raw, "text_source": f"{PAGE_SOURCE}{table.picked.text}"}, page


#: the mark a news API (NewsAPI.org) ends a cut text with: '... Industri… [+1210 chars]'
_API_CUT_RE = re.compile(r"\[\+\d[\d,]* chars?\]\s*$")


#: during load_corpus: the tables (where, count) whose warning of a kind ("cut", "markup")
#: was held back because an earlier table of the load gave it (a folder of 14 NewsAPI exports
#: warns once, then names the others in one line: :func:`repeated_table_notes`)
_REPEATS: ContextVar[dict[str, list[tuple[str, int]]] | None] = ContextVar(
    "table_warning_repeats", default=None
)


def _first_of_kind(kind: str, where: str, n: int) -> bool:
    """Whether a table's warning of ``kind`` is given now: the first of the load (or outside
    :func:`collect_table_repeats`); a later one is counted for :func:`repeated_table_notes`."""
    seen = _REPEATS.get()
    if seen is None:
        return True
    seen.setdefault(kind, []).append((where, n))
    return len(seen[kind]) == 1


def collect_table_repeats() -> Any:
    """Start holding back repeated table warnings (the token to pass to
    :func:`repeated_table_notes`)."""
    return _REPEATS.set({})


#: the line that sums up the tables whose warning of a kind was held back
_REPEAT_WHAT = {
    "cut": "text that ends in a news API's cut mark ('... [+1210 chars]')",
    "markup": "text or title cells with HTML markup, read as text",
    "url_outlet": "no outlet column, so each row's outlet is the host of its URL",
    "backslash": "text that writes line breaks as backslashes, read as breaks",
    "page": "text cells that are whole HTML pages, read by the page extractor",
}


def repeated_table_notes(token: Any) -> list[str]:
    """Stop holding back; one note per kind whose warning more tables would have given."""
    seen = _REPEATS.get() or {}
    _REPEATS.reset(token)
    notes = []
    for kind, (first, *tables) in seen.items():
        if tables:
            shown = ", ".join(f"{w} ({n:,})" for w, n in tables[:5])
            more = f" and {len(tables) - 5:,} more" if len(tables) > 5 else ""
            notes.append(
                f"{len(tables):,} more file(s) have {_REPEAT_WHAT[kind]}, as {first[0]} has "
                f"(the warning above): {shown}{more} (rows or items in brackets)."
            )
    return notes


def warn_markup(table: _Table) -> None:
    """One warning when text (or title) cells held HTML markup that was read as text, and one
    when text cells end in a news API's cut mark (in a load, for the first table of each; the
    later ones are summed up at its end)."""
    cut = table.markup["cut"]
    if cut and _first_of_kind("cut", table.where, cut):
        warnings.warn(
            f"{table.where}: {cut:,} {table.unit}(s)' text ends in a news API's cut mark "
            f"('... [+1210 chars]', first: {table.unit} {table.markup.get('first_cut')}): the API "
            "gave only the first characters of each article (NewsAPI: 200), so every analysis "
            "reads snippets. Cleaning removes the mark (rule newsapi_truncation); for whole "
            "articles, fetch them from their URLs (docs['url']).",
            CorpusToolsWarning,
            stacklevel=3,
        )
    n_breaks = table.markup["backslash"]
    if n_breaks and _first_of_kind("backslash", table.where, n_breaks):
        warnings.warn(
            f"{table.where}: {_rows_text(table, n_breaks, 'first_backslash')} write line "
            "breaks as backslashes ('dwindling\\band', as AG's news corpus does): read as a "
            "space, a doubled one as a paragraph break, '\\$' as '$' (the cells as written stay in the file).",
            CorpusToolsWarning,
            stacklevel=3,
        )
    n_pages = table.markup["page"]
    if n_pages and _first_of_kind("page", table.where, n_pages):
        warnings.warn(
            f"{table.where}: {_rows_text(table, n_pages, 'first_page')} held a whole HTML "
            "page: each was read by the page extractor as an .html file is "
            f"(text_source '{PAGE_SOURCE}<column>'; title, outlet, date and author from the "
            "page where the table's columns give none; the cells as written stay in the file).",
            CorpusToolsWarning,
            stacklevel=3,
        )
    n, n_title = table.markup["text"], table.markup["title"]
    if not n and not n_title or not _first_of_kind("markup", table.where, n + n_title):
        return
    what = _rows_text(table, n, "first") if n else ""
    titles = f"{n_title:,} title(s)" if n_title else ""
    warnings.warn(
        f"{table.where}: {' and '.join(p for p in (what, titles) if p)} held HTML markup "
        "(titles also character references: &amp;, &apos;), read as text as a feed's are: "
        "tags dropped, a "
        f"paragraph per block, entities decoded (text_source '{HTML_SOURCE}<column>'; "
        "the cells as written stay in the file, each row named by docs['source']).",
        CorpusToolsWarning,
        stacklevel=3,
    )


def _rows_text(table: _Table, n: int, first_key: str) -> str:
    """How a table warning names its rows: "12 line(s)' text (column 'html', first: line 3)"."""
    return (
        f"{n:,} {table.unit}(s)' text (column {str(table.picked.text)!r}, first: "
        f"{table.unit} {table.markup.get(first_key)})"
    )


def author_names(value: Any) -> str | None:
    """The names of an ``authors`` cell as ``docs.author`` writes them (``"; "`` between
    names, as pages' bylines), or None; the cell itself stays in its own column.

    >>> author_names(["Ana Diaz", "", "Bo Li"]), author_names("Ana Diaz"), author_names([])
    ('Ana Diaz; Bo Li', 'Ana Diaz', None)
    """
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        names = [str(v).strip() for v in value if isinstance(v, str) and v.strip()]
        return "; ".join(names) or None
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


#: a line ending in one of these (after closing quotes and brackets) is a sentence or a
#: lead-in, not a headline: full stops, question and exclamation marks, colons, semicolons,
#: commas and ellipses of Latin, CJK (fullwidth and ideographic), Arabic, Urdu, Devanagari,
#: Armenian and Ethiopic script
_SENTENCE_END = frozenset(
    ".!?:;,\u2026\u203c\u203d\u2047\u2048\u2049"
    "\u3002\u3001\uff01\uff1f\uff0e\uff61\uff1a\uff1b\uff0c\uff64"
    "\u060c\u061b\u061f\u06d4\u0964\u0965\u0589\u1362\u1364"
)
#: closing quotes and brackets looked past at the end of a line
_CLOSERS = "\"')]}\u2019\u201d\u00bb\u203a\u300d\u300f\u3011\uff09\uff3d"


def _looks_like_headline(line: str) -> bool:
    """A short line with a letter that does not end like a sentence (in any script).

    >>> _looks_like_headline("Talks end in Doha"), _looks_like_headline("中国和俄罗斯将保持沟通。")
    (True, False)
    >>> _looks_like_headline('He said: "We will stay."'), _looks_like_headline("هل تنتهي المحادثات؟")
    (False, False)
    """
    s = line.strip()
    end = s.rstrip(_CLOSERS) or s
    return (
        0 < len(s) <= 200
        and len(s.split()) <= 25
        and end[-1] not in _SENTENCE_END
        and any(ch.isalpha() for ch in s)
    )


#: a line ending in one of these is a question or an exclamation: a headline when it stands
#: alone, short, above a longer paragraph (:func:`_question_headline`)
_ASKING_END = frozenset("?!\u203c\u2047\u2048\u2049\uff01\uff1f\u061f")


def _question_headline(line: str, rest: str) -> bool:
    """A question or exclamation headline: at most 15 words (120 characters), a blank line
    after it, then a paragraph twice as long at least (80 characters or more). A text seldom
    opens with a one-line question as its own paragraph; a headline does.

    >>> body = "\\nYukos said on Monday it would sell its main unit to pay its back-tax bill of $27bn."
    >>> _question_headline("Could Yukos be a blessing in disguise?", body)
    True
    >>> _question_headline("Why?", "Because the court said so, the minister wrote.")
    False
    """
    s = line.strip()
    end = s.rstrip(_CLOSERS) or s
    if not (end[-1] in _ASKING_END and len(s) <= 120 and len(s.split()) <= 15):
        return False
    if not any(ch.isalpha() for ch in s):
        return False
    gap, _, after = rest.partition("\n")
    if gap.strip():  # no blank line: a question opening a paragraph of lines
        return False
    body = next((p for p in after.split("\n") if p.strip()), "")
    return len(body.strip()) >= max(2 * len(s), 80)


#: a Markdown ATX heading (``# Title``, ``## Title ##``): the marks around its text
_ATX_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
#: a Markdown setext underline (``=====`` or ``-----`` under the heading's line)
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$")


def first_line_title(text: str) -> str | None:
    """The first non-blank line of a text file when it reads as a headline and a body follows;
    a Markdown heading without its marks (``# Title``, or ``Title`` over ``=====``).

    >>> first_line_title("\\nTalks end in Doha\\n\\nThe envoys left."), first_line_title("One line.")
    ('Talks end in Doha', None)
    >>> first_line_title("# Talks end ##\\nThe envoys left."), first_line_title("Talks\\n=====\\nThey left.")
    ('Talks end', 'Talks')
    >>> first_line_title("Could Yukos be a blessing?\\n\\n" + "Yukos said it would sell a unit. " * 3)
    'Could Yukos be a blessing?'
    """
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        end = n if end == -1 else end
        line = text[start:end]
        if line.strip():
            heading = _ATX_HEADING_RE.match(line)
            if heading is not None:
                line = heading.group(1) or ""
            rest = text[end + 1 : end + 2001]
            under = rest.split("\n", 1)
            if heading is None and _SETEXT_RE.match(under[0]):
                rest = under[1] if len(under) > 1 else ""
            if not rest.strip():
                return None
            if _looks_like_headline(line) or (heading is None and _question_headline(line, rest)):
                return line.strip()
            return None
        start = end + 1
    return None


def file_docs(entry: Entry, opts: LoadOptions) -> Iterator[tuple[str, Any, Any]]:
    """Yield the documents (and row skips) of one discovered file: a text, an HTML page or a table."""
    if entry.ext == ".parquet" and not entry.gz:  # read a batch of rows at a time
        with open_entry(entry) as fh:
            yield from table_docs(entry.rel, entry.ext, fh, None, opts)
        return
    if entry.ext in WARC_EXTENSIONS:  # a record at a time, never whole
        with open_entry(entry) as fh, open_warc(fh, entry.gz) as archive:
            yield from warc_docs(entry.rel, archive, opts.encoding)
        return
    if entry.ext in FEED_EXTENSIONS:  # a saved RSS/Atom feed: its items as a JSON Lines table
        data, _, cut, encoding = feed_table(entry.rel, read_entry(entry))
        for kind, what, why in table_docs(entry.rel, ".jsonl", data, None, opts):
            if kind == "skip":  # one item per JSON line: say "item", as the user's file has it
                what = str(what).replace("#line=", "#item=")
                why = re.sub(r"^(?:JSONL )?line (\d+)", r"feed item \1", str(why))
            elif isinstance(what, dict) and isinstance(what.get("source"), str):
                what["source"] = what["source"].replace("#line=", "#item=")
                what["encoding"] = encoding  # the feed's bytes', not the UTF-8 table made of them
            yield kind, what, why
        if cut:  # a file cut short (or with text after the feed): what was not read
            yield "skip", f"{entry.rel}#end", cut
        return
    if entry.ext in TABLE_EXTENSIONS:
        yield from table_docs(entry.rel, entry.ext, read_entry(entry), None, opts)
        return
    row = read_file(entry, opts.encoding)
    if opts.split is None or entry.ext in HTML_EXTENSIONS:
        yield "doc", row, None
        return
    js = table_in_text(row["raw_text"]) if RECORDS_KEY in row else None
    if js is not None:  # a table of articles saved as text: read as the table it is
        yield from table_docs(entry.rel, js[0], read_entry(entry), None, opts)
        return
    yield from _split_docs(row, opts)


def _split_docs(row: dict[str, Any], opts: LoadOptions) -> Iterator[tuple[str, Any, Any]]:
    """``split="records"``: the records of a text file that holds many articles, one document
    each (:func:`~corpus_tools.io.dumps.split_records`); any other file as one document.

    A record's date is read from its ``Date:``/``Published:`` line as a table's dates are
    (with ``date_format``); one that cannot be read leaves ``published`` empty and is named
    in one warning per file. A record with no text after its header is a ``skipped`` row.
    """
    text = row["raw_text"]
    records = split_records(text)
    if records is None:
        yield "doc", row, None
        return
    row.pop(RECORDS_KEY, None)  # split, so not warned about
    rel = row["path"]
    bad: list[str] = []
    for n, rec in enumerate(record_rows(row, text, records), start=1):
        body = rec["raw_text"].strip()
        if not body or body in EMPTY_VALUES:
            what = f" ({rec['title']!r})" if rec.get("title") else ""
            value = f" but an empty value, {body}," if body else ""
            yield (
                "skip",
                rec["source"],
                (
                    f"record {n} of {rel}{what} has no text{value} after its header "
                    f"(characters {rec['record_start']:,}-{rec['record_end']:,} of the file)"
                ),
            )
            continue
        value = rec.pop("published", None)
        if value is not None:
            rec.pop("published_source", None)
            try:
                rec["published"], rec["date_precision"] = parse_date(
                    value,
                    where=rel,
                    row=n,
                    column="Date",
                    unit="record",
                    date_format=opts.date_format,
                )
                rec["published_source"] = "record_header"
            except MetadataError as exc:
                bad.append(str(exc))
        yield "doc", rec, None
    if bad:
        more = f" ({len(bad):,} records in all)" if len(bad) > 1 else ""
        warnings.warn(
            f"split='records': a record's date could not be read, so it is left empty{more}: "
            f"{bad[0]}",
            CorpusToolsWarning,
            stacklevel=4,
        )


#: the row key set (to the forced encoding) when that encoding garbles a UTF-8 file
GARBLED_KEY = "\x00garbled_utf8"
#: the row key set (to a description of the records) on a text file that holds many articles
RECORDS_KEY = "\x00many_records"

#: the row key set on a table's first row whose date cell date_format read
DATE_FORMAT_KEY = "\x00date_format_used"


def read_file(entry: Entry, encoding: str | None, folders: Folders | None = None) -> dict[str, Any]:
    """The document row (before cleaning) of a text or HTML file; InputSkipped when unreadable.

    A pure function of the file, so a pool worker can read it (``io.batches``).
    """
    data = read_entry(entry, folders)
    text, enc = bytes_to_text(data, encoding)
    garbled = forced_garbles_utf8(data, encoding)  # warned once by the loading process
    del data
    if entry.ext not in HTML_EXTENSIONS and _WARC_START_RE.match(text):
        raise InputSkipped(_warc_as_text(entry, text))
    # many articles in one text file: warned once by the loading process
    records = None if entry.ext in HTML_EXTENSIONS else records_in_text(text)
    stem = entry.rel.rsplit(".", 2 if entry.gz else 1)[0]
    page: dict[str, Any] = {}
    if entry.ext in HTML_EXTENSIONS:
        raw, page = extract_html(text)
        title, fmt = page.pop("title", None), "html"
    else:
        raw, title, fmt = text, None, "text"  # title: first line of the CLEAN text (_finish)
        head = text_header(text)
        if head is not None:
            raw, page = head
            title = page.pop("title")
    return {
        "doc_id": stem,
        "source": entry.rel,
        "path": entry.rel,
        "encoding": enc,
        "format": fmt,
        "raw_text": raw,
        "title": title,
        **page,
        **({GARBLED_KEY: encoding} if garbled else {}),
        **({RECORDS_KEY: records} if records else {}),
    }


#: a web archive's first record (WARC/1.0 or 1.1, then its header lines): a WARC or Common
#: Crawl WET file saved under a text file's name, every page of it one document with the
#: records' headers cleaned away as if they were chrome
_WARC_START_RE = re.compile(r"\A\ufeff?\s*WARC/1\.[01]\r?\n(?:[\w-]+:[^\n]*\n){0,30}?WARC-Type:")
_WARC_PAGE_RE = re.compile(r"^WARC-Type: *(?:conversion|response|resource)\b", re.MULTILINE)


def _warc_as_text(entry: Entry, text: str) -> str:
    """The reason a web archive saved as text is not read as one document, with the fix."""
    n = len(_WARC_PAGE_RE.findall(text))
    name = entry.rel.rsplit("/", 1)[-1]
    stem = name.split(".", 1)[0]
    kind = "WET (page texts)" if "WARC-Type: conversion" in text[:100_000] else "WARC"
    to = f"{stem}.warc.wet" if kind.startswith("WET") else f"{stem}.warc"
    return (
        f"a {kind} web archive of {n:,} page record(s) saved as {entry.ext or 'text'}, which "
        f"would load as one document of every page; rename it to {to} (or .gz of it), read "
        "one document per page"
    )


#: a line that is one web address and nothing else
_URL_LINE_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.IGNORECASE)


def text_header(text: str) -> tuple[str, dict[str, Any]] | None:
    r"""``(the text after the header, {url, published, title, ...})`` when a text file starts
    with three unlabelled lines: its URL alone, a date alone (day or time), then its title
    (the livedoor news corpus: ``http://news.livedoor.com/article/detail/4778030/``,
    ``2010-05-22T14:30:00+0900``, the headline); else None. The cleaner dropped the URL and
    date lines as boilerplate, so the page's address and date were lost without a word.

    >>> rest, head = text_header("http://news.livedoor.com/a/1/\n2010-05-22T14:30:00+0900\n"
    ...                          "Title here\nBody line.\n")
    >>> rest, head["url"], head["published"], head["title"], head["outlet"]
    ('Body line.\n', 'http://news.livedoor.com/a/1/', Timestamp('2010-05-22 05:30:00'), 'Title here', 'livedoor.com')
    >>> text_header("http://x.com/a\nnot a date\nTitle\nBody\n") is None
    True
    """
    lines = text.lstrip("\ufeff").split("\n", 3)
    if len(lines) < 4:
        return None
    url, date, title = (line.strip() for line in lines[:3])
    if not _URL_LINE_RE.match(url) or not title or len(title) > 300 or len(date) > 40:
        return None
    if not lines[3].strip():
        return None
    try:
        ts, precision = parse_date(date, where="", row=1, column="")
    except MetadataError:
        return None
    if ts is pd.NaT or precision not in ("day", "time"):
        return None
    head: dict[str, Any] = {
        "url": url,
        "published": ts,
        "date_precision": precision,
        "published_source": "text:header",
        "title": title,
        "title_source": "text:header",
    }
    host = outlet_url_host(url)
    if host is not None:
        head["outlet"], head["outlet_source"] = host, "url"
    return lines[3], head


def _check_quotechar(quotechar: Any) -> None:
    """Raise CorpusValueError unless ``quotechar`` is None, ``""`` or one character that can
    quote a field (not a letter, digit, space or line break).

    >>> _check_quotechar("'"), _check_quotechar(""), _check_quotechar(None)
    (None, None, None)
    >>> _check_quotechar('""')
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: quotechar='""' is not one character; give the character that wraps fields of the CSV/TSV files, e.g. quotechar="'" or quotechar='"', quotechar='' for none (quotes are text), or leave it out to detect it
    """
    if quotechar is None:
        return
    ok = isinstance(quotechar, str) and len(quotechar) <= 1
    what = "is not one character" if not ok else ""
    if ok and quotechar and (quotechar.isalnum() or quotechar.isspace()):
        what = "is a letter, digit or space, which cannot wrap a field"
    if what:
        raise CorpusValueError(
            f"quotechar={quotechar!r} {what}; give the character that wraps fields of the "
            "CSV/TSV files, e.g. quotechar=\"'\" or quotechar='\"', quotechar='' for none "
            "(quotes are text), or leave it out to detect it"
        )


def _check_types(opts: LoadOptions) -> None:
    """CorpusValueError naming the argument when a yes/no option is not True or False
    (``clean="yes"``, ``keep_raw="no"``: a non-empty string is truthy) or a column option
    is not one column's name.

    >>> LoadOptions(clean="no")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: clean='no' is not True or False; pass clean=True (the default) or clean=False (a string, even 'no', would count as True)
    >>> LoadOptions(text_column=["body"]).text_column
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: text_column=['body'] is not one column's name; pass the name as a string, e.g. text_column='body'
    """
    for name in ("clean", "keep_raw"):
        value = getattr(opts, name)
        if isinstance(value, (bool, np.bool_)) or (type(value) is int and value in (0, 1)):
            continue
        default = "True (the default) or False"
        why = " (a string, even 'no', would count as True)" if isinstance(value, str) else ""
        raise CorpusValueError(
            f"{name}={value!r} is not True or False; pass {name}={default.replace(' or ', f' or {name}=')}{why}"
        )
    for name in (*TABLE_OPTIONS,):
        value = getattr(opts, name)
        if (
            value is None
            or isinstance(value, str)
            or (isinstance(value, (int, np.integer)) and not isinstance(value, bool))
        ):
            continue  # a DataFrame's columns may be numbers
        example = (
            f"{name}={str(value[0])!r}"
            if isinstance(value, (list, tuple)) and len(value) == 1
            else f"{name}='body'"
        )
        raise CorpusValueError(
            f"{name}={value!r} is not one column's name; pass the name as a string, e.g. {example}"
        )


#: the options that name a column of a table (nothing to do without a table among the inputs)
TABLE_OPTIONS = (
    "text_column",
    "id_column",
    "title_column",
    "outlet_column",
    "date_column",
    "url_column",
)


@dataclass
class LoadOptions:
    """The options of :func:`~corpus_tools.io.load.load_corpus` that readers and the engine use."""

    clean: bool = True
    rules: Any = None
    text_column: str | None = None
    id_column: str | None = None
    encoding: str | None = None
    date_format: str | None = None
    keep_raw: bool = True
    title_column: str | None = None
    outlet_column: str | None = None
    date_column: str | None = None
    outlet_from: str | None = None
    split: str | None = None
    quotechar: str | None = None
    url_column: str | None = None

    def __post_init__(self) -> None:
        _check_types(self)
        check_date_format(self.date_format)
        _check_quotechar(self.quotechar)
        if self.split is not None and self.split not in SPLIT_MODES:
            raise CorpusValueError(
                f"split={self.split!r} is not known; give split='records' (a text file that "
                "holds many articles becomes one document per article) or leave it out."
            )
        if self.outlet_from is not None and self.outlet_from not in OUTLET_FROM:
            raise CorpusValueError(
                f"outlet_from={self.outlet_from!r} is not known; give outlet_from='folder' "
                "(each document's outlet is the first folder below the corpus folder) or leave "
                "it out."
            )
        if self.encoding is None:
            return
        try:
            codecs.lookup(self.encoding)
        except (LookupError, TypeError):
            raise CorpusValueError(
                f"encoding={self.encoding!r} is not a known text encoding; give a Python codec "
                "name such as encoding='utf-8' (or 'cp1252', 'latin-1'), or leave it out to "
                "detect it."
            ) from None
