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


def test_clean_into_a_folder_another_run_is_writing_fails_before_loading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a second run into the same --out loaded the whole corpus first and only then found the
    # lock; now it stops at once (a live lock: this test's parent process)
    import json
    import os
    import socket

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks ended on Monday.", encoding="utf-8")
    lock = tmp_path / ".out.corpus-tools.lock"
    lock.write_text(json.dumps({"pid": os.getppid(), "host": socket.gethostname()}))

    def no_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus was loaded")

    monkeypatch.setattr(cli, "load_corpus", no_load)
    assert cli.main(["clean", str(corpus), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"another corpus-tools run (process {os.getppid()})" in err
    assert not (tmp_path / "out").exists() and lock.exists()
    # a lock left by a process that has ended is removed and the run goes ahead
    monkeypatch.undo()
    lock.write_text(json.dumps({"pid": 2**22 + 12345, "host": socket.gethostname()}))
    assert cli.main(["clean", str(corpus), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "texts" / "a.txt").read_text(encoding="utf-8") == (
        "Talks ended on Monday."
    )
    assert not lock.exists()


def test_clean_of_a_folder_with_nothing_loadable_is_an_error_not_an_empty_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `corpus-tools clean` on a folder of binaries wrote an output of 0 texts and exited 0
    corpus = tmp_path / "bins"
    corpus.mkdir()
    (corpus / "a.bin").write_bytes(bytes(range(256)))
    (corpus / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert cli.main(["clean", str(corpus), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert (
        "bins: no document could be loaded, so there is nothing to clean; 2 inputs skipped: " in err
    )
    assert "a.bin: unsupported extension .bin" in err and "b.txt: binary content" in err
    assert "warning" not in err  # the loader's warning is not repeated
    assert not (tmp_path / "out").exists()
