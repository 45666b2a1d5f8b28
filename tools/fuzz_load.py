"""Fuzz the corpus loader for longer than the test suite does.

    python tools/fuzz_load.py --examples 2000

Generates folders of hostile files (random contents, names with spaces, non-UTF-8
bytes and formula characters, broken CSV/JSON/Parquet/HTML, gzip, symlinks out of
the folder and loops, named pipes, folders 110 levels deep, output folders) with
hypothesis and checks on each one that ``load_corpus`` raises nothing, accounts for
every file (loaded or skipped with a reason), reads nothing outside the folder,
rebuilds every raw text exactly from clean text + log, and modifies no file.
The same property runs in ``tests/test_hostile_inputs.py`` with 25 examples
(``CORPUS_TOOLS_FUZZ_EXAMPLES=N`` changes that number there too). A failure
prints the smallest folder description hypothesis found.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _hostile import fuzz_settings, load_and_check, tree_strategy, write_tree  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=500, help="folders to generate (500)")
    args = ap.parse_args(argv)

    @fuzz_settings(args.examples)
    @tree_strategy()
    def prop(tree: list[tuple]) -> None:
        with tempfile.TemporaryDirectory(prefix="ctfuzz") as tmp:
            root, token = write_tree(Path(tmp), tree)
            load_and_check(root, token)

    t0 = time.perf_counter()
    prop()
    print(
        f"{args.examples} generated folders: every invariant held ({time.perf_counter() - t0:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
