"""Build hook: compile the hot modules with Cython from their unchanged ``.py`` sources.

The package's metadata is in ``pyproject.toml``; this file only adds the compiled
extensions. The modules are listed in ``corpus_tools/_compiled.py`` (``COMPILED``);
each may have an augmenting ``<module>.pxd`` beside its ``.py`` that declares C
types. The build is optional: without Cython or a working C compiler, or with
``CORPUS_TOOLS_PURE_PYTHON=1`` in the environment, the install still succeeds and
the ``.py`` sources run (same results, slower). Each built module's source hash
is recorded in ``corpus_tools/_compiled_build.json``; at import a ``.so`` whose
``.py`` changed since is skipped with a warning (rebuild: ``pip install -e .``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
PACKAGE_DIR = HERE / "corpus_tools"


def _load_compiled() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_ct_compiled", PACKAGE_DIR / "_compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_compiled = _load_compiled()


DIRECTIVES = {
    "language_level": 3,
    # the .py's annotations stay hints (an argument of the wrong type gets the package's
    # own error, not Cython's TypeError); C types come only from a module's .pxd
    "annotation_typing": False,
    # doctest finds the functions, and each doctest once (no __test__ dict)
    "binding": True,
    "autotestdict": False,
}


def _say(message: str) -> None:
    print(f"corpus_tools build: {message}", file=sys.stderr, flush=True)


def _extensions() -> list[Extension]:
    """The Cython extensions, or [] (pure Python) when asked or when Cython is missing."""
    if os.environ.get(_compiled.PURE_ENV, "") == "1":
        _say(f"{_compiled.PURE_ENV}=1: not compiling; the .py modules run")
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        _say("Cython is not installed: not compiling; the .py modules run")
        return []
    extensions = [
        Extension(
            f"corpus_tools.{module.replace('/', '.')}",
            [f"corpus_tools/{module}.py"],
            optional=True,  # a compiler error leaves the .py to run, not a failed install
            extra_compile_args=["-O2", "-g0"],
        )
        for module in _compiled.COMPILED
    ]
    try:
        return list(
            cythonize(
                extensions,
                compiler_directives=DIRECTIVES,
                nthreads=os.cpu_count() or 1,
                quiet=True,
                # C files written by another Cython or other directives: write them again
                force=_fingerprint() != _compiled.read_build(PACKAGE_DIR),
            )
        )
    except Exception as error:  # noqa: BLE001 - any Cython failure: install pure Python
        _say(f"Cython failed ({error}); not compiling: the .py modules run")
        return []


def _fingerprint() -> str:
    """What the C files depend on besides the sources: Cython's version and the directives."""
    import Cython

    return f"Cython {Cython.__version__} {sorted(DIRECTIVES.items())}"


class OptionalBuildExt(build_ext):
    """build_ext that never fails the install and records what it compiled."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def initialize_options(self) -> None:
        super().initialize_options()
        self._built: set[str] = set()

    def build_extension(self, ext: Extension) -> None:
        super().build_extension(ext)  # optional=True: build_extensions catches a failure
        self._built.add(ext.name)

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # noqa: BLE001 - e.g. no compiler at all
            _say(f"compiling failed ({error}); the .py modules run")
        self._record()

    def _record(self) -> None:
        """Write the source hash of each module whose compiled file is there."""
        hashes = {}
        out_dir = None
        for ext in self.extensions:
            module = ext.name.split(".", 1)[1].replace(".", "/")
            built = Path(self.get_ext_fullpath(ext.name))
            out_dir = built.parents[module.count("/")]
            if ext.name in self._built and built.is_file():
                hashes[module] = _compiled.source_hash(PACKAGE_DIR, module)
            else:
                _say(f"corpus_tools/{module}.py was not compiled; it runs as Python")
        if out_dir is None:
            return
        record = out_dir / _compiled.RECORD
        record.parent.mkdir(parents=True, exist_ok=True)
        built = {"build": _fingerprint(), "modules": hashes}
        record.write_text(json.dumps(built, indent=1, sort_keys=True) + "\n")


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
