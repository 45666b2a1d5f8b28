"""Session 24: a long error message is shortened at its lists and clauses, never mid-word, and
says how to see the rest (it was cut at 500 characters, mid-sentence: QA S23-H8-2)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from corpus_tools import cli


def _wide_table(path: Path) -> None:
    """A NewsDataHub-like export with 36 columns and no text column (made-up rows)."""
    cols = ["id", "title", "source_title", "article_link", "description", "pub_date"]
    cols += [f"mentions_topic_number_{i}" for i in range(30)]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols)
        w.writerow(
            ["1", "Hackers hit a port", "Bloomberg", "https://example.com/a"]
            + ["The port said its systems were down for a day after the attack.", "2026-02-11"]
            + ["False"] * 30
        )
        w.writerow(
            ["2", "Patch out", "The Record", "https://example.com/b"]
            + ["The vendor released a patch on Monday for the flaw.", "2026-02-12"]
            + ["True"] * 30
        )


def test_a_long_error_keeps_its_fix_and_says_how_to_see_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _wide_table(tmp_path / "wide.csv")
    assert cli.main(["info", str(tmp_path / "wide.csv")]) == 2
    err = capsys.readouterr().err
    assert err == (
        "corpus-tools: error: wide.csv: no text column; columns found: ['id', 'title', "
        "'source_title', 'article_link', 'description', 'pub_date', 'mentions_topic_number_0', "
        "'mentions_topic_number_1', ... (+28 more)]; pass text_column='description' (its values "
        "read like sentences) or text_column='title' to analyse its headlines; 'description' is "
        "not taken as the text unasked: a column named like a summary often holds only the "
        "article's lead [shortened by 926 characters; rerun with --debug to see the whole "
        "message] (on the command line: "
        "--text-column description or --text-column title)\n"
    )


def test_debug_prints_the_whole_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _wide_table(tmp_path / "wide.csv")
    assert cli.main(["info", str(tmp_path / "wide.csv"), "--debug"]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "'mentions_topic_number_29']; pass text_column='description'" in last
    assert "shortened" not in last


def test_a_short_message_is_unchanged() -> None:
    assert cli._one_line(ValueError("a.txt: empty\nline two")) == "a.txt: empty line two"
