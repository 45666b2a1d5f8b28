"""The records of a JSON file that is not a plain list of objects.

A news API or an export may wrap the articles (``{"data": {"items": [...]}}``),
key them by id (``{"a1": {...}, "a2": {...}}``), or write them by column
(``{"title": [...], "text": [...]}``, pandas ``to_json`` orients ``columns``,
``split`` and ``index``). :func:`json_records` reads each shape that has one
reading; when several lists of objects could be the records it names each
path and how to load one.
"""

from __future__ import annotations

from typing import Any

from .columns import column_key, is_text_name
from .files import InputSkipped
from .outlets import is_url_cell

#: how deep below the top object a list of records is looked for (the walk goes through
#: objects only, never into lists, so it reads each object of the wrappers once)
_MAX_DEPTH = 16
#: paths named in a message
_MAX_SHOWN = 6


def json_records(obj: Any) -> list[dict[Any, Any]]:
    """The records (one object per document) of a parsed JSON file, or InputSkipped.

    >>> json_records({"status": "ok", "data": {"items": [{"text": "A"}, {"text": "B"}]}})
    [{'text': 'A'}, {'text': 'B'}]
    >>> json_records({"title": ["T1", "T2"], "text": ["A", "B"]})
    [{'title': 'T1', 'text': 'A'}, {'title': 'T2', 'text': 'B'}]
    >>> json_records({"a1": {"text": "A"}, "a2": {"text": "B"}})
    [{'text': 'A', 'id': 'a1'}, {'text': 'B', 'id': 'a2'}]
    >>> json_records({"text": "One article.", "tags": [{"name": "x"}]})
    [{'text': 'One article.', 'tags': [{'name': 'x'}]}]
    """
    if isinstance(obj, list):
        if all(isinstance(o, dict) for o in obj):
            return obj
        kinds = sorted({type(o).__name__ for o in obj if not isinstance(o, dict)})
        rows = " (rows without column names, as pandas orient='values' writes)"
        n_urls = sum(is_url_cell(o) for o in obj[:1000])
        if kinds == ["str"] and n_urls * 2 > min(len(obj), 1000):
            raise InputSkipped(
                f"JSON list of {len(obj):,} strings that are web addresses (e.g. {obj[0]!r}), "
                "not articles: the pages' texts are not in the file; download the pages first "
                "(each saved as .html in a folder, loaded as the folder), or give one object "
                'per document, e.g. [{"url": ..., "text": ...}, ...]'
            )
        raise InputSkipped(
            f"JSON list of {', '.join(kinds)} items{rows if kinds == ['list'] else ''}, not an "
            "object or a list of objects: give one object per document, e.g. "
            '[{"title": ..., "text": ...}, ...] (pandas: DataFrame.to_json(orient="records"))'
        )
    if not isinstance(obj, dict):
        what = "null" if obj is None else "text" if isinstance(obj, str) else "a number"
        raise InputSkipped(
            f"JSON file holds {what}, not an object or a list of objects (one object per document)"
        )
    for shape in (_split_orient, _column_lists, _column_dicts):
        records = shape(obj)
        if records is not None:
            return records
    if any(is_text_name(k) for k in obj):
        return [obj]  # one article per file (news-please writes them so)
    top = [v for v in obj.values() if _is_record_list(v)]
    if len(top) == 1:
        return top[0]  # a wrapper: {"articles": [{...}, ...]}
    keyed = _keyed_objects(obj)
    if keyed is not None:
        return keyed
    return _nested_list(obj)


def _is_record_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(o, dict) for o in value)


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _split_orient(obj: dict[Any, Any]) -> list[dict[Any, Any]] | None:
    """pandas ``orient='split'``: ``{"columns": [...], "data": [[...], ...]}``."""
    cols, data = obj.get("columns"), obj.get("data")
    if not isinstance(cols, list) or not isinstance(data, list) or not data:
        return None
    if not all(isinstance(c, str) for c in cols):
        return None
    if not all(isinstance(row, list) and len(row) == len(cols) for row in data):
        return None
    return [dict(zip(cols, row, strict=True)) for row in data]


def _column_lists(obj: dict[Any, Any]) -> list[dict[Any, Any]] | None:
    """``{"title": [...], "text": [...]}``: every value a list of plain values, all of one
    length, and one key names the text."""
    if len(obj) < 2 or not any(is_text_name(k) for k in obj):
        return None
    values = list(obj.values())
    if not all(isinstance(v, list) for v in values):
        return None
    n = len(values[0])
    if n == 0 or any(len(v) != n or not all(_scalar(x) for x in v) for v in values):
        return None
    keys = list(obj)
    return [{k: obj[k][i] for k in keys} for i in range(n)]


def _column_dicts(obj: dict[Any, Any]) -> list[dict[Any, Any]] | None:
    """pandas ``orient='columns'``: ``{"title": {"0": ..., "1": ...}, "text": {...}}`` (one
    key names the text; every column has the same row keys and plain values)."""
    if len(obj) < 2 or not any(is_text_name(k) for k in obj):
        return None
    values = list(obj.values())
    if not all(isinstance(v, dict) and v for v in values):
        return None
    rows = list(values[0])
    if any(list(v) != rows or not all(_scalar(x) for x in v.values()) for v in values):
        return None
    return [{k: obj[k][r] for k in obj} for r in rows]


def _keyed_objects(obj: dict[Any, Any]) -> list[dict[Any, Any]] | None:
    """``{"a1": {...}, "a2": {...}}`` (pandas ``orient='index'``, an id -> article map): two
    objects at least, each mostly plain values, with a key in common or a text key; the key
    becomes ``id`` when no object has one (else ``key``, when no object has that)."""
    values = list(obj.values())
    if len(values) < 2 or not all(isinstance(v, dict) and v for v in values):
        return None
    plain = sum(_scalar(x) for v in values for x in v.values())
    if 2 * plain < sum(len(v) for v in values):
        return None  # objects of objects: not one article each
    shared = set(values[0]).intersection(*values[1:])
    if not shared and not any(is_text_name(k) for v in values for k in v):
        return None  # {"meta": {...}, "links": {...}}: parts of a response, not articles
    name = next((n for n in ("id", "key") if not any(n in v for v in values)), None)
    if name is None:
        return values
    return [{**v, name: k} for k, v in obj.items()]


def _paths(value: Any, path: tuple[str, ...], depth: int) -> list[tuple[tuple[str, ...], int]]:
    """(path, length) of each list of objects below ``value`` (through objects only)."""
    if _is_record_list(value):
        return [(path, len(value))]
    if not isinstance(value, dict) or depth >= _MAX_DEPTH:
        return []
    found: list[tuple[tuple[str, ...], int]] = []
    for k, v in value.items():
        found += _paths(v, (*path, str(k)), depth + 1)
    return found


def _at(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        obj = obj[key]
    return obj


def _nested_list(obj: dict[Any, Any]) -> list[dict[Any, Any]]:
    """The one list of objects below the top object (of those whose objects have a text key,
    when several lists are found); else InputSkipped naming each path and how to load one."""
    found = _paths(obj, (), 0)
    with_text = [(p, n) for p, n in found if any(is_text_name(k) for o in _at(obj, p) for k in o)]
    if len(found) == 1 or len(with_text) == 1:
        return _at(obj, (with_text or found)[0][0])
    if not found:
        keys = [str(k) for k in obj][:_MAX_SHOWN]
        more = f" and {len(obj) - _MAX_SHOWN:,} more" if len(obj) > _MAX_SHOWN else ""
        return [obj] if any(_scalar(v) for v in obj.values()) else _no_records(keys, more)
    shown = [
        f"{'.'.join(p)} ({n:,} object{'s' if n > 1 else ''})"
        for p, n in (with_text or found)[:_MAX_SHOWN]
    ]
    first = "".join(f"[{k!r}]" for k in (with_text or found)[0][0])
    raise InputSkipped(
        f"JSON object holds several lists of objects: {', '.join(shown)}; which are the "
        f"documents is not clear. Load one as a DataFrame: ct.load_corpus(pandas.DataFrame("
        f"json.load(open(path)){first})), or write it to its own .json/.jsonl file"
    )


def _no_records(keys: list[str], more: str) -> list[dict[Any, Any]]:
    raise InputSkipped(
        f"JSON object with keys {keys}{more} holds no list of objects ({_MAX_DEPTH} levels "
        "deep at most) and no text field: give "
        'one object per document, e.g. [{"title": ..., "text": ...}, ...]'
    )


#: keys that wrap one plain value with its type in database exports: Google Datastore and
#: Firestore (``{"stringValue": "...", "excludeFromIndexes": true}``), DynamoDB JSON
#: (``{"S": "..."}``) and MongoDB extended JSON (``{"$date": "..."}``, ``{"$oid": "..."}``)
_TYPED_KEYS = frozenset(
    (
        "stringValue integerValue doubleValue booleanValue timestampValue nullValue "
        "S N BOOL NULL $date $oid $numberLong $numberInt $numberDouble $numberDecimal"
    ).split()
)
#: keys beside a typed value that say how it is indexed, not what it is
_ANNOTATION_KEYS = frozenset(("excludeFromIndexes", "meaning"))
#: how deep nested objects are spread into dotted columns
_MAX_FLAT_DEPTH = 6


def typed_value(value: Any) -> Any:
    """The plain value an export wraps with its type, else ``value`` itself.

    >>> typed_value({"stringValue": "Talks ended.", "excludeFromIndexes": True})
    'Talks ended.'
    >>> typed_value({"$date": {"$numberLong": "1500000000000"}}), typed_value({"NULL": True})
    ('2017-07-14T02:40:00', None)
    >>> typed_value({"S": "x", "N": "1"})
    {'S': 'x', 'N': '1'}
    """
    if not isinstance(value, dict) or not value or len(value) > 3:
        return value
    typed = [k for k in value if k in _TYPED_KEYS]
    if len(typed) != 1 or any(k not in _ANNOTATION_KEYS for k in value if k != typed[0]):
        return value
    key, inner = typed[0], value[typed[0]]
    if key in ("nullValue", "NULL"):
        return None
    if isinstance(inner, dict):
        inner = typed_value(inner)
        if key == "$date" and isinstance(inner, str) and inner.lstrip("-").isdigit():
            import pandas as pd  # milliseconds since 1970, as mongoexport writes them

            return pd.Timestamp(int(inner), unit="ms").isoformat()
    return None if isinstance(inner, dict | list) else inner


def _spread(value: Any, prefix: str, out: dict[Any, Any], depth: int) -> None:
    value = typed_value(value)
    if isinstance(value, dict) and value and depth < _MAX_FLAT_DEPTH:
        for k, v in value.items():
            _spread(v, f"{prefix}.{k}", out, depth + 1)
    else:
        out[prefix] = value


def flat_records(cols: list[Any], records: list[Any]) -> tuple[list[Any], list[Any]] | None:
    """The records with each JSON object in them spread into dotted columns
    (``{"properties": {"title": {"stringValue": "T"}}}`` -> ``{"properties.title": "T"}``,
    typed values of database exports unwrapped), or None when no record holds an object.

    >>> flat_records(["key", "properties"], [{"key": {"kind": "News"},
    ...     "properties": {"title": {"stringValue": "T"}, "link": {"stringValue": "u"}}}])
    (['key.kind', 'properties.title', 'properties.link'], [{'key.kind': 'News', 'properties.title': 'T', 'properties.link': 'u'}])
    """
    if not any(isinstance(v, dict) for rec in records for v in rec.values()):
        return None
    flat: list[Any] = []
    seen: dict[Any, None] = {}
    for rec in records:
        row: dict[Any, Any] = {}
        for k, v in rec.items():
            if isinstance(v, dict):
                _spread(v, str(k), row, 1)
            else:
                row[k] = v
        seen.update(dict.fromkeys(row))
        flat.append(row)
    return list(seen), flat


def unwrap_typed(records: list[Any]) -> None:
    """Each typed value of a database export in ``records`` replaced by its plain value."""
    for rec in records:
        for k, v in rec.items():
            if isinstance(v, dict):
                rec[k] = typed_value(v)


def leaf_name(column: Any) -> str:
    """The last part of a dotted column made by :func:`flat_records`, as matched by name.

    >>> leaf_name("properties.published"), leaf_name("Title")
    ('published', 'title')
    """
    return column_key(str(column).rsplit(".", 1)[-1])


def single_text_members(cols: list[Any], records: list[Any], keep: set[Any]) -> dict[Any, str]:
    """Unwrap, in place, each column whose cells are objects holding one string member under
    the same key on every row (a WordPress REST API export's ``"content": {"rendered": "<p>...",
    "protected": false}``, ``"title": {"rendered": "..."}``): the cell becomes that string.
    Returns column -> key of those unwrapped; a column in ``keep`` (one an option names a path
    into) and a column of objects with several strings (``{"title": ..., "body": ...}``: which
    is the text is the user's call) are left as they are.

    >>> recs = [{"content": {"rendered": "<p>Talks ended.</p>", "protected": False}, "id": 1}]
    >>> single_text_members(["content", "id"], recs, set()), recs[0]["content"]
    ({'content': 'rendered'}, '<p>Talks ended.</p>')
    >>> recs = [{"article": {"title": "Talks", "body": "Talks ended."}}]
    >>> single_text_members(["article"], recs, set())
    {}
    """
    found: dict[Any, str] = {}
    for col in cols:
        if col in keep:
            continue
        key: str | None = None
        seen = False
        for rec in records:
            value = rec.get(col) if isinstance(rec, dict) else None
            if value is None:
                continue
            strings = (
                [k for k, v in value.items() if isinstance(v, str)]
                if isinstance(value, dict)
                else []
            )
            if len(strings) != 1 or (key is not None and strings[0] != key):
                seen = False
                break
            key, seen = strings[0], True
        if seen and key is not None:
            found[col] = key
    for col, key in found.items():
        for rec in records:
            if isinstance(rec, dict) and isinstance(rec.get(col), dict):
                rec[col] = rec[col][key]
    return found
