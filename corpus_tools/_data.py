"""Reading the YAML data files (shipped in ``corpus_tools/data/`` or the user's own).

One reader for every data file (boilerplate rules, gazetteer, codebook,
reporting verbs, hedges): ``yaml.safe_load`` only (never a pickle or a
Python object tag), UTF-8, and a :class:`DataFileError` that names the file
and says what to do.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError

__all__ = ["read_yaml"]


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
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(f"{p}: cannot read the {what} ({exc}); save it as UTF-8.") from exc
    try:
        return yaml.safe_load(text), name
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML ({exc}).") from None
