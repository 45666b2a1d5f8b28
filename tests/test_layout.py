"""The package's layout rules, checked on its source.

Every function fits on a screen (at most 80 lines from ``def`` to its last line,
docstring included), and no module reaches into another module's private
names: what one module needs from another is public there, documented and
tested, so a module can be read and changed on its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import corpus_tools

PACKAGE = Path(corpus_tools.__file__).resolve().parent
MAX_FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                found.append(
                    f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({length} lines)"
                )
    return found


def _private_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        ours = node.level > 0 or (node.module or "").split(".")[0] == "corpus_tools"
        if not ours:
            continue
        for alias in node.names:
            if alias.name.startswith("_") and not alias.name.startswith("__"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports {alias.name}")
    return found


def test_the_package_has_modules_to_check() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in _modules()}
    assert {"corpus.py", "counts.py", "io/load.py", "quotes/extract.py"} <= names


def test_no_function_is_longer_than_80_lines() -> None:
    long = [hit for path in _modules() for hit in _long_functions(path)]
    assert long == []


def test_no_module_imports_a_private_name_from_another() -> None:
    private = [hit for path in _modules() for hit in _private_imports(path)]
    assert private == []


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    sample = tmp_path / "sample.py"
    sample.write_text(f"from .tokenize import _secret\n\n\ndef f():\n{body}\n", encoding="utf-8")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path
    try:
        assert _long_functions(sample) == ["sample.py:4 f (81 lines)"]
        assert _private_imports(sample) == ["sample.py:1 imports _secret"]
    finally:
        PACKAGE = saved
