"""Column names the loader looks for and fills, and checks of single cell values."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from ..corpus import DOC_COLUMNS

TEXT_COLUMNS = (
    "text",
    "body",
    "content",
    "article",
    "article_text",
    "full_text",
    "maintext",
    "story",
    "fulltext",
)
ID_COLUMNS = ("doc_id", "id", "article_id", "uuid", "guid")
TITLE_COLUMNS = (
    "title",
    "headline",
    "headlines",
    "headline_text",  # ABC "A Million News Headlines"
    "news_title",
    "news_headline",
    "article_title",
    "title_text",
)
OUTLET_COLUMNS = (
    "outlet",
    "publisher",
    "newspaper",
    "media",
    "source_name",
    "site",
    "source",
    "domain",
    "source_domain",
    "source_title",  # NewsDataHub
    "publisher_name",
    "outlet_name",
    "site_name",
    "news_source",
    "media_outlet",
    "publication",  # Kaggle's All the News (articles1.csv: id,title,publication,author,date,...)
    "publications",
)
DATE_COLUMNS = (
    "published",
    "date",
    "publish_date",
    "published_at",
    "pub_date",
    "datetime",
    "published_date",
    "publication_date",
    "date_published",
    "date_publish",  # news-please
    "pubdate",
    "datum",  # German exports
    "year",  # a date known to the year only (State of the Union: year,paragraph,text)
)
URL_COLUMNS = (
    "url",
    "link",
    "news_url",  # FakeNewsNet
    "article_url",
    "article_link",  # NewsDataHub
    "web_url",  # the New York Times' Article Search API
    "page_url",
    "story_url",
    "news_link",
    "canonical_url",
    "permalink",
)

#: docs columns the loader fills itself; a table or sidecar column with one of
#: these names (other than outlet/published/title/date_precision) is renamed ``user_<name>``.
EXTRA_COLUMNS = [
    "format",
    "date_precision",
    "duplicate_of",
    "duplicate_kind",
    "empty_after_cleaning",
    "n_cleaning_edits",
]
#: docs columns for page metadata and where each value came from: ``*_source`` is
#: ``sidecar``, ``table`` (a column of a CSV/JSONL/Parquet/DataFrame source),
#: ``table:<column>.name`` (the ``name`` of a JSON object in that column), a part of
#: an HTML page (``page:og:site_name``, ``page:json-ld``, ``page:meta``, ``page:title``,
#: ``page:time``, ``page:html``, ``page:meta:copyright``), ``url`` (the host or path of the page's URL) or
#: ``first_line`` (a text file's headline), and empty when there is no value.
#: ``text_source`` says which column of a table holds the text analysed: ``table:<column>``
#: (a text column, found by name or given with ``text_column=``; ``html:<column>`` when the
#: cell held HTML markup, read as text) or ``headline:<column>``
#: (the table has no text column, so its headlines are the texts); empty for a text or
#: HTML file (the file's own text).
META_COLUMNS = ["author", "url", "outlet_source", "published_source", "title_source", "text_source"]
SOURCED_COLUMNS = ("outlet", "published", "title")
#: ``text_source`` prefix of a row whose text is its table's headline (no text column)
HEADLINE_SOURCE = "headline:"
#: ``text_source`` prefix of a row whose text cell held HTML markup, read as text
HTML_SOURCE = "html:"
#: ``text_source`` prefix of a row whose text cell held a whole HTML page (a crawl dump's
#: ``html`` column), read by the page extractor as an ``.html`` file is
PAGE_SOURCE = "html_page:"
RESERVED_COLUMNS = (
    set(DOC_COLUMNS)
    | set(EXTRA_COLUMNS)
    | {f"{k}_source" for k in SOURCED_COLUMNS}
    | {"text_source"}
    | {"outlet_as_written"}  # the outlet's spelling before io.outlets merged it
    | {"encoding_note"}  # what io.decode noted beside a file's codec name
)
SIDECAR_COLUMNS = ("outlet", "published", "title", "date_precision", "author", "url")


_CAMEL_RE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_TRAILING_NOTE_RE = re.compile(r"\s*\([^()]*\)\s*$")
_SEPARATORS_RE = re.compile(r"[\W_]+")


def column_key(name: Any) -> str:
    """A column name as the loader matches it: a trailing ``(...)`` dropped, camelCase split,
    lower case, every run of spaces, hyphens and other separators one ``_``.

    >>> [column_key(c) for c in ("Source Name", "publishedAt", "Pub Date (UTC)", "Link ", "URL")]
    ['source_name', 'published_at', 'pub_date', 'link', 'url']
    """
    s = str(name).strip()
    s = _TRAILING_NOTE_RE.sub("", s) or s
    return _SEPARATORS_RE.sub("_", _CAMEL_RE.sub("_", s).lower()).strip("_")


def name_forms(name: Any) -> tuple[str, str]:
    """The two spellings a column name is matched by: as written (stripped, lower case) and
    as :func:`column_key` reads it. The first wins where they differ (``mainText`` is
    ``maintext``, a text column, though its key is ``main_text``).

    >>> name_forms(" mainText "), name_forms("Article Text")
    (('maintext', 'main_text'), ('article text', 'article_text'))
    """
    return str(name).strip().lower(), column_key(name)


def is_text_name(name: Any) -> bool:
    """Whether a column or JSON key names the text, by either of :func:`name_forms` (the rule
    :func:`~corpus_tools.io.tables.pick_column` uses for ``column_names("text")``).

    >>> [is_text_name(k) for k in ("Body", "mainText", "Article Text", "full-text", "title")]
    [True, True, True, True, False]
    >>> [is_text_name(k) for k in ("Inhalt", "Texto", "Conteúdo", "Conteudo", "Текст")]
    [True, True, True, True, True]
    """
    names = column_names("text")
    return any(form in names for form in name_forms(name))


#: the English names of each field the loader looks for, tried before the other languages'
ENGLISH_COLUMNS = {
    "text": TEXT_COLUMNS,
    "id": ID_COLUMNS,
    "title": TITLE_COLUMNS,
    "outlet": OUTLET_COLUMNS,
    "date": DATE_COLUMNS,
    "url": URL_COLUMNS,
}
#: the shipped file of column names in other languages (``corpus_tools/data``)
COLUMN_NAMES_FILE = "column_names.yml"


def _unaccented(name: str) -> str:
    """``name`` with its accented Latin letters plain (``título`` -> ``titulo``); other
    letters (``ß``, Cyrillic ``й``) unchanged.

    >>> _unaccented("veröffentlicht_am"), _unaccented("полный_текст")
    ('veroffentlicht_am', 'полный_текст')
    """
    out = []
    for ch in name:
        base = unicodedata.normalize("NFKD", ch)[0]
        out.append(base if base.isascii() and base.isalpha() else ch)
    return "".join(out)


@cache
def column_names(what: str) -> tuple[str, ...]:
    """The names a table column for ``what`` (text, id, title, outlet, date, url) is found by:
    the English ones (``TEXT_COLUMNS``...) first, then those of other languages from
    ``corpus_tools/data/column_names.yml`` as :func:`column_key` reads them, each also
    without its accents.

    >>> column_names("title")[:3], column_names("title")[8:11]
    (('title', 'headline', 'headlines'), ('titel', 'überschrift', 'uberschrift'))
    >>> "date_de_publication" in column_names("date"), "data" in column_names("date")
    (True, False)
    """
    from .._data import read_yaml, string_list
    from ..errors import DataFileError

    data, fname = read_yaml(None, default=COLUMN_NAMES_FILE, what="column-name list")
    fields = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(fields, dict) or not set(fields) <= set(ENGLISH_COLUMNS):
        raise DataFileError(
            f"{fname}: 'columns' must map some of {', '.join(ENGLISH_COLUMNS)} to languages."
        )
    by_language = fields.get(what) or {}
    if not isinstance(by_language, dict):
        raise DataFileError(f"{fname}: columns.{what} must map language codes to lists.")
    names: dict[str, None] = dict.fromkeys(ENGLISH_COLUMNS[what])
    for language in by_language:
        for name in string_list(by_language, fname, language):
            key = column_key(name)
            names.setdefault(key, None)
            names.setdefault(_unaccented(key), None)
    return tuple(names)


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def surrogate_in(value: Any) -> str | None:
    """The first lone surrogate in a string (or in the strings of nested lists/dicts), or None."""
    todo = [value]
    while todo:
        v = todo.pop()
        if isinstance(v, str):
            m = _SURROGATE_RE.search(v)
            if m:
                return m.group()
        elif isinstance(v, dict):
            todo.extend(v.values())
            todo.extend(k for k in v if isinstance(k, str))
        elif isinstance(v, (list, tuple)):
            todo.extend(v)
    return None


def cell_str(v: Any) -> str:
    """A metadata cell as text: a whole float (an integer column with a gap) without ``.0``.

    >>> [cell_str(v) for v in (3.0, 2.5, 7, " BBC ", np.float64(12.0))]
    ['3', '2.5', '7', 'BBC', '12']
    """
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v).strip()


def is_missing(v: Any) -> bool:
    """True for an empty cell: None, NaN, NA, NaT or a blank string.

    >>> [is_missing(v) for v in (None, float("nan"), " ", "x", 0)]
    [True, True, True, False, False]
    """
    if type(v) is str:  # the usual cell first
        return not v or v.isspace()  # = not v.strip(), without the copy
    if v is None:
        return True
    if isinstance(v, float) and np.isnan(v):
        return True
    if v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, str) and not v.strip()


def headline_text_columns(docs: Any) -> list[str]:
    """The columns whose headlines are the texts analysed, because their table had no text
    column (``text_source`` ``headline:<column>``), sorted; ``[]`` when every text is a text.

    ``docs`` is a :class:`~corpus_tools.corpus.Corpus`, its ``docs`` table, or documents
    from :func:`~corpus_tools.io.iter_documents` (dicts).

    >>> import pandas as pd
    >>> headline_text_columns(pd.DataFrame({"text_source": ["headline:title", "table:body", None]}))
    ['title']
    >>> headline_text_columns([{"text_source": None}])
    []
    """
    table = getattr(docs, "docs", docs)
    if hasattr(table, "columns"):
        values = table["text_source"].tolist() if "text_source" in table.columns else []
    else:
        values = [d.get("text_source") for d in table]
    return sorted(
        {
            v[len(HEADLINE_SOURCE) :]
            for v in values
            if isinstance(v, str) and v.startswith(HEADLINE_SOURCE)
        }
    )


#: a spreadsheet's or a scraper's error value written in a cell instead of data: '#', then
#: capitals, digits, '_' or '/', naming an error by its form ('#N/A', '#VALUE!', '#NAME?',
#: '#ALL_SELECTORS_RETURN_NULL') or by a word ('#ERROR', '#NULL'); a hashtag ('#MeToo',
#: '#BREAKING') is none
_ERROR_VALUE = re.compile(
    r"#(?=[A-Z0-9_/]*[A-Z])(?:[A-Z0-9]+(?:[_/][A-Z0-9]+)+[!?]?|[A-Z0-9/]+[!?]"
    r"|[A-Z0-9]*(?:ERROR|NULL|NONE|NAN|FAIL(?:ED)?|MISSING|EMPTY|UNDEFINED)[A-Z0-9]*)"
)


def error_value(v: Any) -> bool:
    """True for a cell that holds a spreadsheet's or a scraper's error value, not data.

    >>> [error_value(v) for v in ("#N/A", " #VALUE! ", "#ALL_SELECTORS_RETURN_NULL", "#ERROR")]
    [True, True, True, True]
    >>> [error_value(v) for v in ("#MeToo", "#BREAKING", "#1", "N/A", "Page #REF! 3", None)]
    [False, False, False, False, False, False]
    """
    return type(v) is str and "#" in v and _ERROR_VALUE.fullmatch(v.strip()) is not None


def error_value_note(
    where: str, col: Any, n: int, unit: str, what: str, value: str, first: int
) -> str:
    """The warning for a column whose cells held an error value (:func:`error_value`), left
    empty: one text for the tables' rows and the metadata file's rows."""
    return (
        f"{where}, column {str(col)!r}: {n:,} {unit}(s) hold an error value instead of the "
        f"{what} ({value!r}, first: {unit} {first}: a spreadsheet's formula error or a "
        f"scraper's failed field); the {what} of those {unit}s is left empty (the cells as "
        "written stay in the file)."
    )
