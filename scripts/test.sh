#!/usr/bin/env bash
# Install corpus_tools with its test and scale (Dask) extras (tested versions from constraints.txt)
# and run the whole test suite: unit tests, doctests and strict nbval on every notebook.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet -c constraints.txt -e ".[dev,scale]"
python -m ruff check .             # lint (pyproject.toml [tool.ruff])
python -m ruff format --check .    # formatting; fix with: python -m ruff format .
python -m mypy   # type check (errors fail the run)
# notebook sources (py:percent): two runs, as notebooks/ and solutions/ hold modules of one name
python -m mypy notebooks/0*.py
python -m mypy notebooks/solutions/0*.py
python tools/sync_notebooks.py --check   # every notebook agrees with its source
python -m pytest --nbval --nbval-sanitize-with notebooks/nbval_sanitize.cfg \
    --doctest-modules corpus_tools tests notebooks -p no:cacheprovider "$@"
