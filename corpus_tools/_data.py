"""Reading the YAML data files (shipped in ``corpus_tools/data/`` or the user's own).

One reader for every data file (boilerplate rules, gazetteer, codebook,
reporting verbs, hedges): the YAML safe loader only (never a pickle or a
Python object tag), UTF-8, and a :class:`DataFileError` that names the file
and says what to do.

A data file may come from anyone, so the reader is bounded: at most
:data:`MAX_YAML_BYTES` bytes, nesting at most :data:`MAX_YAML_DEPTH` levels
deep, and aliases (``*name``) that together stand for at most
:data:`MAX_ALIAS_NODES` nodes, so a "billion laughs" file or a 20,000-deep
list is a plain error, not a crash or an out-of-memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError

__all__ = [
    "read_yaml",
    "settings_sections",
    "string_list",
    "file_key",
    "MAX_YAML_BYTES",
    "MAX_YAML_DEPTH",
    "MAX_ALIAS_NODES",
]

#: largest data file read (bytes)
MAX_YAML_BYTES = 20 * 1024 * 1024
#: deepest nesting of lists and mappings
MAX_YAML_DEPTH = 100
#: most nodes that all alias uses (``*name``) may stand for together
MAX_ALIAS_NODES = 100_000


class _YamlLimit(Exception):
    """A bound of the guarded loader was exceeded (message says which)."""


class _GuardedLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that bounds nesting depth and alias expansion.

    Each composed node records its expanded size (itself plus everything
    under it, aliases counted at the size of what they stand for); every
    alias use adds that size to a running total. An alias to a node that is
    still open (a recursive structure) is refused.
    """

    def __init__(self, stream: str, name: str = "<unicode string>") -> None:
        super().__init__(stream)
        self.name = name  # yaml's marks print it: 'in "hedges.yml", line 3, column 25'
        self._depth = 0
        self._alias_nodes = 0
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            node = super().compose_node(parent, index)
            size = self._sizes.get(id(node))
            if size is None:
                raise _YamlLimit(
                    f"line {mark.line + 1}: an alias refers to a list or mapping that contains "
                    "it (a recursive structure); write the entries out"
                )
            self._alias_nodes += size
            if self._alias_nodes > MAX_ALIAS_NODES:
                raise _YamlLimit(
                    f"line {mark.line + 1}: aliases (*name) stand for more than "
                    f"{MAX_ALIAS_NODES:,} nodes (an alias bomb such as 'billion laughs'?); "
                    "write the entries out or use fewer aliases"
                )
            return node
        self._depth += 1
        if self._depth > MAX_YAML_DEPTH:
            mark = self.peek_event().start_mark
            raise _YamlLimit(
                f"line {mark.line + 1}: nested more than {MAX_YAML_DEPTH} levels deep; "
                "a data file needs only a few levels"
            )
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if isinstance(node, yaml.SequenceNode):
            size = 1 + sum(self._sizes.get(id(c), 1) for c in node.value)
        elif isinstance(node, yaml.MappingNode):
            _refuse_twice_keys(node)
            size = 1 + sum(
                self._sizes.get(id(k), 1) + self._sizes.get(id(v), 1) for k, v in node.value
            )
        else:
            size = 1
        self._sizes[id(node)] = size
        return node


def _refuse_twice_keys(node: yaml.MappingNode) -> None:
    """Raise when a mapping holds one key twice: YAML would keep the last one silently.

    A codebook with ``economy:`` written twice under ``frames:`` would lose the first
    entry's cues without a word. Merge keys (``<<``) are left to YAML.
    """
    first: dict[tuple[str, str], int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.value == "<<":
            continue
        line = key.start_mark.line + 1
        seen = first.setdefault((key.tag, key.value), line)
        if seen != line:
            raise _YamlLimit(
                f"line {line}: the key {key.value!r} appears twice in one mapping (first on "
                f"line {seen}); YAML would keep only the last one: merge the two entries "
                "or rename one"
            )


def _load_bounded(text: str, name: str) -> Any:
    r"""Parse ``text`` with :class:`_GuardedLoader`; every failure is a ``DataFileError``.

    >>> try:
    ...     _load_bounded("a: 1\nb: 2\na: 3\n", "my.yml")
    ... except DataFileError as exc:
    ...     print(str(exc)[:66])
    my.yml: line 3: the key 'a' appears twice in one mapping (first on
    """
    loader = _GuardedLoader(text, name)
    try:
        return loader.get_single_data()
    except _YamlLimit as exc:
        raise DataFileError(f"{name}: {exc}.") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML ({exc}).") from None
    except (ValueError, RecursionError, MemoryError) as exc:  # e.g. a 5,000-digit integer
        raise DataFileError(f"{name}: cannot read a value ({exc}); check the file.") from None
    finally:
        loader.dispose()


def file_key(path: str | Path | None) -> tuple[str | None, int, int]:
    """Cache key of one version of a data file: ``(resolved path, st_mtime_ns, st_size)``.

    Loaders cache a parsed lexicon, codebook or rules file on this key, not
    on the path string, so a file edited in the same process (a notebook
    kernel) is read again. ``None`` (the shipped default) is ``(None, 0, 0)``;
    a path that cannot be stat'ed keeps its own spelling with ``-1, -1`` so
    the loader's read raises its plain "does not exist" error.

    >>> file_key(None)
    (None, 0, 0)
    """
    if path is None:
        return None, 0, 0
    p = Path(path)
    try:
        st = p.stat()
        return str(p.resolve()), st.st_mtime_ns, st.st_size
    except OSError:
        return str(p), -1, -1


def read_yaml(path: str | Path | None, *, default: str, what: str) -> tuple[Any, str]:
    """Return ``(data, name)`` for a YAML data file.

    Parameters
    ----------
    path : str, Path or None
        The user's file; ``None`` reads the shipped ``corpus_tools/data/<default>``.
    default : str
        File name of the shipped default.
    what : str
        What the file is, for messages ("rules file", "codebook", ...).

    Returns
    -------
    tuple
        The parsed YAML and the file name to use in later messages.

    Examples
    --------
    >>> data, name = read_yaml(None, default="hedges.yml", what="hedge list")
    >>> name, isinstance(data, dict)
    ('hedges.yml', True)
    """
    if path is None:
        text = resources.files("corpus_tools").joinpath("data", default).read_text(encoding="utf-8")
        name = default
    else:
        p = Path(path)
        name = p.name
        if not p.is_file():
            raise DataFileError(
                f"{what} {str(p)!r} does not exist or is not a file; check the path."
            )
        try:
            with p.open("rb") as fh:
                data = fh.read(MAX_YAML_BYTES + 1)
        except OSError as exc:
            raise DataFileError(f"{p}: cannot read the {what} ({exc}).") from exc
        if len(data) > MAX_YAML_BYTES:
            raise DataFileError(
                f"{name}: the {what} is larger than {MAX_YAML_BYTES // (1024 * 1024)} MB; "
                "split it or check that it is the right file."
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataFileError(f"{p}: cannot read the {what} ({exc}); save it as UTF-8.") from exc
    return _load_bounded(text, name), name


def settings_sections(data: Any, fname: str, lists: tuple[str, ...]) -> Any:
    """Check a settings file's layout; return its ``thresholds`` mapping.

    A settings file is a mapping of ``meta``, ``thresholds`` (a mapping) and the
    word lists named in ``lists``; anything else is a :class:`DataFileError`
    naming the file, the unknown keys and the allowed ones.

    Examples
    --------
    >>> settings_sections({"thresholds": {"a": 1}, "words": ["x"]}, "f.yml", ("words",))
    {'a': 1}
    >>> settings_sections({"word": []}, "f.yml", ("words",))
    Traceback (most recent call last):
    ...
    corpus_tools.errors.DataFileError: f.yml: unknown key(s) ['word']; allowed: meta, thresholds, words.
    """
    if not isinstance(data, Mapping):
        raise DataFileError(f"{fname}: expected a mapping at the top level.")
    unknown = [k for k in data if k not in ("meta", "thresholds", *lists)]
    if unknown:
        raise DataFileError(
            f"{fname}: unknown key(s) {unknown}; allowed: meta, thresholds, "
            + ", ".join(lists)
            + "."
        )
    th = data.get("thresholds") or {}
    if not isinstance(th, Mapping):
        raise DataFileError(f"{fname}: key 'thresholds' must be a mapping.")
    return th


def string_list(data: Any, fname: str, key: str) -> list[str]:
    """``data[key]`` (default empty), checked to be a list of non-empty strings.

    Examples
    --------
    >>> string_list({"w": ["a", "b"]}, "f.yml", "w")
    ['a', 'b']
    >>> string_list({"w": "a"}, "f.yml", "w")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.DataFileError: f.yml: key 'w' must be a list of strings.
    """
    vals = data.get(key, [])
    if not isinstance(vals, list) or not all(isinstance(x, str) and x for x in vals):
        raise DataFileError(f"{fname}: key {key!r} must be a list of strings.")
    return vals
