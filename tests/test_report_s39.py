"""The report on a folder of two tables, one of them without a text column (session 39)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_tools import report  # noqa: E402


def test_a_skipped_input_is_named_in_the_terminal(tmp_path, capsys) -> None:
    """CNBC and Guardian headline tables in one folder: the CNBC table (Headlines, Time,
    Description: no column named as a text) was skipped, the report ran on the Guardian
    headlines alone, and the terminal said nothing of it (only index.html listed it)."""
    from notebook_cells import code, md, new_notebook, parameters_cell, setup_cell, write

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a_desc.csv").write_text(
        "Headlines,Time,Description\n"
        + "".join(
            f"Stocks rise {i},17 July 2020,Shares rose on day {i} of the rally.\n" for i in range(3)
        ),
        encoding="utf-8",
    )
    (folder / "b_heads.csv").write_text(
        "Time,Headlines\n"
        + "".join(f"18-Jul-20,Johnson asks Santa for recovery {i}\n" for i in range(4)),
        encoding="utf-8",
    )
    nb = write(
        new_notebook(
            [setup_cell(), parameters_cell(CORPUS='"../seeds"'), md("# T"), code("x = 1")]
        ),
        tmp_path / "nbs" / "01_t.ipynb",
    )
    out = tmp_path / "out"
    assert report.run_report(str(folder), str(out), notebooks=[str(nb)]) == 0
    err = capsys.readouterr().err
    assert "skipped: a_desc.csv: no text column; columns found: ['Headlines', 'Time'" in err
    assert "inputs skipped in all" not in err  # one input, named above
    assert "a_desc.csv" in (out / "index.html").read_text(encoding="utf-8")


def test_many_skipped_inputs_are_counted(capsys) -> None:
    class Run:
        context = {
            "load_notes": [],
            "skipped": [{"path": f"{i}.csv", "reason": f"{i}.csv: empty file"} for i in range(7)],
            "n_skipped": 70,
        }

        def say(self, msg: str) -> None:
            print(msg, file=sys.stderr)

    report._say_load_notes(Run())  # type: ignore[arg-type]
    err = capsys.readouterr().err.splitlines()
    assert err == [f"skipped: {i}.csv: empty file" for i in range(5)] + [
        "(70 inputs skipped in all: index.html lists them)"
    ]
