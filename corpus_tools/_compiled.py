"""Which modules run compiled, and the guard that keeps a stale build from running.

The hot modules listed in ``COMPILED`` are compiled with Cython from their
unchanged ``.py`` sources when the package is installed with a C compiler
(``setup.py``); the ``.py`` stays the single source of truth, and without a
compiler the same ``.py`` runs. A build leaves ``<module>.<abi>.so`` beside
``<module>.py`` and records, in ``_compiled_build.json``, a hash of each compiled
module's ``.py`` (and ``.pxd``) at build time. Python imports a ``.so`` before a
``.py`` of the same name, so an editable install whose ``.py`` was edited after
the build would silently run the old code. Importing this module (the first
thing ``corpus_tools/__init__.py`` does) puts a finder first on ``sys.meta_path``
that loads the ``.py`` instead of the ``.so`` when its source no longer matches
the recorded hash (one warning names the rebuild command), or when the
environment variable ``CORPUS_TOOLS_PURE_PYTHON`` is ``1``; a fresh ``.so`` is
loaded with its ``__file__`` on the ``.py`` (doctests and ``inspect`` read the
source). Only the few compiled
modules' sources are hashed, once, and only when a ``.so`` is there.

This module uses only the standard library: ``setup.py`` loads it by path to
read ``COMPILED`` and ``source_hash`` (one definition for the build and the guard).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

# modules compiled by setup.py, as paths relative to the package without ".py"
COMPILED = ("actors", "blocks", "clean", "cooccur", "naming", "prose")
PURE_ENV = "CORPUS_TOOLS_PURE_PYTHON"
RECORD = "_compiled_build.json"
REBUILD = 'pip install -e . (in the source folder; or "python setup.py build_ext --inplace")'
PACKAGE = "corpus_tools"
_HERE = Path(__file__).resolve().parent

COMPILED_STATE = "compiled"
NO_BUILD = "pure Python (not compiled)"
PURE_ASKED = f"pure Python ({PURE_ENV}=1)"
STALE = "pure Python (stale build: the .py changed after it was compiled)"


def source_hash(package_dir: Path, module: str) -> str:
    """The sha256 of a module's ``.py`` and ``.pxd`` (if any) under ``package_dir``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "m.py").write_text("x = 1\\n")
    ...     before = source_hash(Path(tmp), "m")
    ...     _ = (Path(tmp) / "m.pxd").write_text("cdef int x\\n")
    ...     before == source_hash(Path(tmp), "m")
    False
    """
    digest = hashlib.sha256()
    for suffix in (".py", ".pxd"):
        path = package_dir / f"{module}{suffix}"
        if path.is_file():
            digest.update(suffix.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def extension_path(package_dir: Path, module: str) -> Path | None:
    """The compiled file Python would import for ``module``, or None."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = package_dir / f"{module}{suffix}"
        if path.is_file():
            return path
    return None


def read_record(package_dir: Path) -> dict[str, str]:
    """The hashes recorded at build time (module -> source hash); {} when none."""
    try:
        data = json.loads((package_dir / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    modules = data.get("modules", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in modules.items()} if isinstance(modules, dict) else {}


def read_build(package_dir: Path) -> str:
    """The Cython version and directives of the recorded build ("" when none)."""
    try:
        data = json.loads((package_dir / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(data.get("build", "")) if isinstance(data, dict) else ""


def decide(package_dir: Path, modules: Sequence[str], pure: bool) -> dict[str, str]:
    """What each module should run as: ``COMPILED_STATE`` or why it runs pure."""
    record = read_record(package_dir)
    states = {}
    for module in modules:
        if extension_path(package_dir, module) is None:
            states[module] = NO_BUILD
        elif pure:
            states[module] = PURE_ASKED
        elif record.get(module) != source_hash(package_dir, module):
            states[module] = STALE
        else:
            states[module] = COMPILED_STATE
    return states


class _CompiledLoader(importlib.machinery.ExtensionFileLoader):
    """Loads a compiled module, then points its ``__file__`` at the ``.py`` it was built from.

    ``__spec__.origin`` stays the ``.so``. With ``__file__`` on the source,
    ``inspect.getsource``, tracebacks' source lines and ``pytest --doctest-modules``
    (which checks that the module it imports is the file it collects) treat the
    compiled module as its ``.py``.
    """

    def __init__(self, fullname: str, path: str, source: str) -> None:
        super().__init__(fullname, path)
        self.source = source

    def exec_module(self, module: ModuleType) -> None:
        super().exec_module(module)
        module.__file__ = self.source


class _Finder:
    """A meta path finder for the compiled-capable modules: the .so when fresh, else the .py."""

    def __init__(self, package_dir: Path, states: dict[str, str]) -> None:
        self._modules = {
            f"{PACKAGE}.{module.replace('/', '.')}": (package_dir, module, state)
            for module, state in states.items()
            if state != NO_BUILD
        }

    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        found = self._modules.get(fullname)
        if found is None:
            return None
        package_dir, module, state = found
        source = str(package_dir / f"{module}.py")
        built = extension_path(package_dir, module)
        if state != COMPILED_STATE or built is None:
            return importlib.util.spec_from_file_location(fullname, source)
        loader = _CompiledLoader(fullname, str(built), source)
        return importlib.util.spec_from_file_location(fullname, str(built), loader=loader)


def _install() -> dict[str, str]:
    states = decide(_HERE, COMPILED, os.environ.get(PURE_ENV, "") == "1")
    if any(state != NO_BUILD for state in states.values()):
        sys.meta_path.insert(0, _Finder(_HERE, states))
    stale = sorted(m for m, s in states.items() if s == STALE)
    if stale:
        names = ", ".join(f"{PACKAGE}/{m}.py" for m in stale)
        warnings.warn(
            f"{names} changed after it was compiled; running the .py (slower) instead of the "
            f"stale compiled build. Rebuild with: {REBUILD}",
            RuntimeWarning,
            stacklevel=3,
        )
    return states


# setup.py loads this file under another name only to read COMPILED and source_hash
_STATES = _install() if __name__ == f"{PACKAGE}._compiled" else {}


def compiled_modules() -> dict[str, str]:
    """Which of the package's compiled-capable modules run compiled, and why not.

    Keys are module names, values ``"compiled"`` or ``"pure Python (...)"`` with the
    reason: not compiled (installed without a C compiler or Cython), the
    ``CORPUS_TOOLS_PURE_PYTHON=1`` environment variable, or a stale build (the
    ``.py`` was edited after the build; rebuild with ``pip install -e .``). The
    results are the same either way; compiled modules are faster. Name it in bug
    reports.

    >>> import corpus_tools as ct
    >>> "corpus_tools.clean" in ct.compiled_modules()
    True
    """
    result = {}
    for module, state in _STATES.items():
        name = f"{PACKAGE}.{module.replace('/', '.')}"
        loaded = sys.modules.get(name)
        if loaded is not None and state == COMPILED_STATE:
            spec = getattr(loaded, "__spec__", None)
            origin = str(getattr(spec, "origin", "") or "")
            if not origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
                state = NO_BUILD
        result[name] = state
    return result
