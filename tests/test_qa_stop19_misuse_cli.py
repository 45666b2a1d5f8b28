"""Stop-19 QA: misuse of the command line (``corpus-tools``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import cli


def test_cli_several_corpus_paths_say_to_give_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `corpus-tools info corpus/*.txt`: the shell expands the pattern; argparse said
    # "unrecognized arguments" with no hint
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_text("Talks ended on Monday.", encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("*.txt"))
    for argv in (["info", *files], ["clean", *files, "--out", str(tmp_path.parent / "o19")]):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert "4 corpus paths given" in err and f"e.g. {tmp_path} " in err
        assert "Traceback" not in err
    assert not (tmp_path.parent / "o19").exists()
    # a quoted pattern is not expanded by the shell: say so
    assert cli.main(["info", str(tmp_path / "*.txt")]) == 2
    err = capsys.readouterr().err
    assert "does not expand patterns" in err and f"e.g. {tmp_path}." in err
    # one path still works
    assert cli.main(["info", str(tmp_path)]) == 0
    assert "Documents: 4" in capsys.readouterr().out


def test_word_count_of_a_one_line_text() -> None:
    # counted with finditer (a 500 MB one-line file made a list of 82 million words, 7.5 GB
    # peak for `corpus-tools info`): same number as before
    c = ct.load_corpus(pd.DataFrame({"text": ["Talks ended. " * 1000, "a-b c"]}), clean=False)
    assert "Words: 2003 (after cleaning)" in cli.summary(c).splitlines()
    # `info --no-clean` said "(after cleaning)" too
    assert "Words: 2003 (raw texts, not cleaned)" in cli.summary(c, cleaned=False).splitlines()
