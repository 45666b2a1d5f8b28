#!/usr/bin/env bash
# Install corpus_tools (tested versions from constraints.txt) and run the main job:
# execute every notebook on the seed corpus and write a self-contained HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet -c constraints.txt -e .
corpus-tools report "${1:-seeds}" --out "${2:-report}" --overwrite
