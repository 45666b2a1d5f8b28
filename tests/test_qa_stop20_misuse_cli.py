"""Stop-20 QA: the ``corpus-tools`` command misused or interrupted."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import _output, cli

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# what the console script does, with Ctrl-C arriving while corpus_tools is being imported
_INTERRUPT_DURING_IMPORT = """
import builtins, os, signal, sys
import corpus_tools_cli
real_import = builtins.__import__
def fake_import(name, *args, **kwargs):
    if name == "corpus_tools.cli":
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, *args, **kwargs)
builtins.__import__ = fake_import
sys.exit(corpus_tools_cli.main())
"""


def test_ctrl_c_while_the_package_imports_is_one_line_and_130() -> None:
    # the console script imported corpus_tools (1-4 s: pandas, nltk) before any handler
    # existed, so Ctrl-C in the first seconds printed a 20-40 line KeyboardInterrupt traceback
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPT_DURING_IMPORT, "info", str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 130
    assert done.stderr == "corpus-tools: interrupted\n"
    assert done.stdout == ""


def test_console_script_is_the_quiet_entry_point() -> None:
    # pyproject's [project.scripts] must name the entry outside the package, or the
    # import-time Ctrl-C above is a traceback again
    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'corpus-tools = "corpus_tools_cli:main"' in text


def test_clean_on_a_full_disk_names_the_folder_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a full disk (tried on a 200 KB tmpfs) gave only "corpus-tools: error: No space left on
    # device": no folder, no file, no word on what was kept
    out = tmp_path / "out"
    assert cli.main(["clean", str(SEEDS), "--out", str(out)]) == 0
    before = sorted(p.name for p in out.iterdir())
    capsys.readouterr()

    def full(df: object, path: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(cli, "to_csv_safe", full)
    assert cli.main(["clean", str(SEEDS), "--out", str(out), "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"corpus-tools: error: --out {out}: the output could not be written ")
    assert "(No space left on device, writing " in err and "documents.csv" in err
    assert "the partial copy was removed (an earlier output is kept)" in err
    assert "Free some space, or choose a folder on a disk with room." in err
    assert "Traceback" not in err
    # the earlier output is whole, and nothing else is left beside it
    assert sorted(p.name for p in out.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_read_only_disk_says_choose_a_writable_disk() -> None:
    exc = OSError(errno.EROFS, "Read-only file system", "r/documents.csv")
    assert str(_output._no_room(exc, "r", "--out")) == (
        "--out r: the output could not be written (Read-only file system, writing "
        "r/documents.csv); nothing was written and the partial copy was removed (an earlier "
        "output is kept). Choose a folder on a writable disk."
    )


def test_clean_of_a_missing_corpus_names_the_path_not_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `corpus-tools clean seeds --out sub/o` from a folder without seeds/ said the output
    # "is inside the corpus folder" (the missing path's parent, the current folder)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["clean", "seeds", "--out", "sub/o"]) == 2
    err = capsys.readouterr().err
    assert err == "corpus-tools: error: seeds: no such file or folder; check the path.\n"
    assert list(tmp_path.iterdir()) == []


def test_info_counts_skipped_rows_of_one_kind_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 330 rows of a real JSONL of news briefs without their text were 330 lines "1 x JSONL
    # line 102: missing text ...", and the 10-line cap hid every other reason
    import json

    rows = [{"text": f"Talks number {i} ended on Monday in Geneva."} for i in range(5)]
    rows += [{"text": None, "title": f"Headline {i}"} for i in range(30)]
    rows += [{"text": "", "summary": f"Summary {i}"} for i in range(12)]
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    assert cli.main(["info", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    skipped = out.split("Skipped: ", 1)[1].split("Cleaning edits", 1)[0].splitlines()
    assert skipped[0] == "42"
    assert skipped[1].startswith("  30 x JSONL line N: missing text; the row has 'title'")
    assert skipped[1].endswith("(e.g. b.jsonl#line=6)")
    assert skipped[2].startswith("  12 x JSONL line N: missing text")
    assert len(skipped) == 3


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "ten"])
def test_report_timeout_must_be_finite_seconds(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --timeout nan / inf started the report and failed every notebook ("cannot convert float
    # NaN to integer", "OverflowError: cannot convert float infinity to integer")
    with pytest.raises(SystemExit) as stop:
        cli.main(["report", str(SEEDS), "--out", str(tmp_path / "r"), "--timeout", value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.endswith(
        f"error: argument --timeout: '{value}': give a number of seconds, 0 or more (0 = no limit)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_clean_names_are_nfc_and_keep_combining_marks(tmp_path: Path) -> None:
    # 'café' typed (NFC) and from a macOS file name (NFD) became café.txt and cafe_.txt (the
    # accent cut off as unsafe): on macOS, which stores names decomposed, they are one file;
    # a Hindi name lost its vowel signs (भारत -> भ_रत)
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("caf\u00e9.txt", "cafe\u0301.txt", "\u092d\u093e\u0930\u0924.txt"):
        (corpus / name).write_text("Talks ended on Monday in Geneva.", encoding="utf-8")
    assert cli.main(["clean", str(corpus), "--out", str(tmp_path / "out")]) == 0
    docs = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert sorted(docs["file"]) == sorted(
        ["texts/caf\u00e9.txt", "texts/caf\u00e9~2.txt", "texts/\u092d\u093e\u0930\u0924.txt"]
    )
    assert sorted(p.name for p in (tmp_path / "out" / "texts").iterdir()) == sorted(
        ["caf\u00e9.txt", "caf\u00e9~2.txt", "\u092d\u093e\u0930\u0924.txt"]
    )
