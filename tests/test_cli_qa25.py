"""Session 25: command-line errors and warnings give their fix as options, not as Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_tools import cli

BODY = "The council met on Monday and agreed on a new budget for the city schools."


def _err(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    return code, capsys.readouterr().err


def test_unknown_option_values_are_echoed_and_fixed_as_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    code, err = _err(["info", str(tmp_path), "--split", "lines"], capsys)
    assert code == 2
    assert err.startswith("corpus-tools: error: --split lines is not known; give ")
    assert err.rstrip().endswith("(on the command line: --split records)")
    code, err = _err(["info", str(tmp_path), "--outlet-from", "site"], capsys)
    assert err.startswith("corpus-tools: error: --outlet-from site is not known")
    assert err.rstrip().endswith("(on the command line: --outlet-from folder)")
    code, err = _err(["info", str(tmp_path), "--encoding", "utf8x"], capsys)
    assert err.startswith("corpus-tools: error: --encoding utf8x is not a known text encoding")
    assert err.rstrip().endswith("(on the command line: --encoding utf-8)")
    code, err = _err(["info", str(tmp_path), "--date-format", "%Q"], capsys)
    assert err.startswith("corpus-tools: error: --date-format %Q: '%Q' is not a strptime")


def test_warnings_get_the_command_line_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a UTF-8 file read with a forced single-byte encoding: the warning's fix as an option
    (tmp_path / "a.txt").write_text("Zürich: " + BODY, encoding="utf-8")
    code, err = _err(["info", str(tmp_path), "--encoding", "latin-1"], capsys)
    assert code == 0
    line = next(ln for ln in err.splitlines() if "garbled" in ln)
    assert line.endswith("(on the command line: --encoding utf-8)")


def test_message_naming_the_option_already_gets_no_second_hint() -> None:
    msg = "analysed (as with text_column='x'; command line: --text-column x). Pass text_column="
    assert cli.command_line_message(msg) == msg


def test_info_counts_empty_records_of_a_dump_as_one_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scraper's export with empty records listed each record on its own '1 x' line (2,072
    lines for one real dump): record numbers and character spans are not part of the kind."""
    lines = [f"content: ['{BODY} Item {k}.']" for k in range(24)]
    lines[3:3] = ["content: []"] * 5
    (tmp_path / "dump.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli.main(["info", str(tmp_path), "--split", "records"]) == 0
    out = capsys.readouterr().out
    skipped = out[out.index("Skipped:") :].splitlines()
    assert skipped[0] == "Skipped: 5"
    assert skipped[1].startswith(
        "  5 x record N of dump.txt has no text but an empty value, [], after its header "
        "(characters N-M of the file)"
    )
    assert skipped[2].startswith("Cleaning edits:")
