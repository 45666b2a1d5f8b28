"""Session 21 command-line QA: an --out name too long for the file system."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools._output import check_output
from corpus_tools.cli import main
from corpus_tools.errors import CorpusValueError


def test_out_name_too_long_is_a_plain_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks ended on Tuesday, the ministry said.\n")
    out = tmp_path / ("a" * 300)
    with pytest.raises(CorpusValueError, match=r"the name is too long for the file system \(300 "):
        check_output(out, kind="clean", corpus=corpus)
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]


def test_out_name_too_long_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks ended on Tuesday, the ministry said.\n")
    rc = main(["clean", str(corpus), "--out", str(tmp_path / ("b" * 300))])
    err = capsys.readouterr().err
    assert rc != 0
    assert "the name is too long for the file system (300 characters in one name" in err
    assert "choose a shorter name" in err
    assert "Traceback" not in err
