"""Tests for the corpus-tools command line (info, clean, report)."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import cli

BODY = "Talks ended without a deal on Tuesday, officials said.\n"


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root / "a.txt", "Envoys meet\n\n" + BODY)
    write(root / "b.txt", "Envoys meet\n\n" + BODY)  # exact duplicate of a
    write(root / "sub" / "c.txt", "=cmd|' /C calc'!A0\n" + BODY)
    write(root / "d.pdf", "%PDF")
    write(root / "e.txt", "")
    write(
        root / "metadata.csv",
        "file,outlet,published\na.txt,Gazette,2023-10-19\n"
        "b.txt,Post,2023-10-21\nsub/c.txt,Gazette,\n",
    )
    return root


def test_info(small: Path, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["info", str(small)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Corpus: corpus",
        "Documents: 3",
        "Outlets: 2",
        "  Gazette: 2",
        "  Post: 1",
        "Dates: 2023-10-19 to 2023-10-21 (2 dated, 1 undated)",
        "Words: 35 (after cleaning)",
        "Duplicates: 1 exact, 0 near (kept, flagged in duplicate_of)",
        "Skipped: 2",
        "  1 x empty file (0 bytes); nothing to load: save or download the article's text "
        "into it again, or delete it (e.g. e.txt)",
        "  1 x unsupported extension .pdf; convert it to .txt first (e.g. d.pdf)",
        "Cleaning edits: 0",
    ]
    assert err == ""  # no progress bar when stderr is not a terminal


def test_summary_cleaning_by_rule() -> None:
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"]})
    log = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "line_no": [0, 2, 0],
            "start": [0, 10, 0],
            "end": [5, 12, 4],
            "rule": ["share", "newsletter", "share"],
            "text": ["Share", "ab", "Like"],
            "replacement": ["", "", ""],
        }
    )
    text = cli.summary(ct.Corpus(docs, log))
    assert text.splitlines()[-3:] == [
        "Cleaning edits: 3",
        "  share: 2 edits in 2 documents, 9 raw characters",
        "  newsletter: 1 edit in 1 document, 2 raw characters",
    ]


def test_clean_writes_texts_and_safe_csv(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli.main(["clean", str(small), "--out", str(out)]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        ".corpus-tools-output",
        "cleaning_log.csv",
        "documents.csv",
        "skipped.csv",
        "texts/a.txt",
        "texts/b.txt",
        "texts/sub/c.txt",
    ]
    assert (out / "texts" / "a.txt").read_text(encoding="utf-8") == ct.load_corpus(small).text("a")
    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert docs["file"].tolist() == ["texts/a.txt", "texts/b.txt", "texts/sub/c.txt"]
    assert docs["title"].tolist()[2] == "'=cmd|' /C calc'!A0"  # formula neutralised
    assert str(small) not in (out / "documents.csv").read_text(encoding="utf-8")
    skipped = pd.read_csv(out / "skipped.csv", dtype=str)
    assert skipped["path"].tolist() == ["d.pdf", "e.txt"]


@pytest.mark.parametrize(
    ("doc_id", "name"),
    [
        ("sub/000_abc", "sub/000_abc"),
        ("../../etc/passwd", "etc/passwd"),
        ("articles#12", "articles_12"),
        ("-dash name é", "-dash name é"),
        ("..", "_"),
        ("a\\b", "a/b"),
        (".hidden", "hidden"),
    ],
)
def test_safe_filename(doc_id: str, name: str) -> None:
    assert cli.safe_filename(doc_id) == name


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["info", "does/not/exist"], "corpus-tools: error: does/not/exist: no such file or folder"),
        (["clean", "does/not/exist", "--out", "x"], "no such file or folder"),
    ],
)
def test_user_errors_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture) -> None:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_empty_folder_and_bad_metadata(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "empty").mkdir()
    assert cli.main(["info", str(tmp_path / "empty")]) == 2
    assert "the folder contains no files" in capsys.readouterr().err
    write(tmp_path / "c" / "a.txt", BODY)
    write(tmp_path / "c" / "metadata.csv", "file,outlet\nzzz.txt,X\n")
    assert cli.main(["info", str(tmp_path / "c")]) == 2
    assert "metadata.csv row 1, column 'file': 'zzz.txt'" in capsys.readouterr().err


def test_report_delegates(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls = []
    options: list[dict | None] = []

    def fake_run_report(
        corpus: str,
        out_dir: str,
        *,
        notebooks=None,
        timeout=None,
        overwrite=False,
        progress=True,
        detail_docs=5000,
        jobs=1,
        load_options=None,
    ) -> int:
        calls.append((corpus, out_dir, notebooks, timeout, overwrite, progress, detail_docs, jobs))
        options.append(load_options)
        return 3

    fake = types.ModuleType("corpus_tools.report")
    fake.run_report = fake_run_report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "corpus_tools.report", fake)
    monkeypatch.setattr(ct, "report", fake, raising=False)
    code = cli.main(
        ["report", "seeds", "--out", str(tmp_path), "--notebooks", "01", "02", "--timeout", "60"]
    )
    assert code == 3
    assert cli.main(["report", "seeds", "--out", str(tmp_path), "--overwrite"]) == 3
    argv = ["report", "seeds", "--out", str(tmp_path), "--detail-docs", "0"]
    assert cli.main(argv) == 3
    assert cli.main([*argv[:-1], "250"]) == 3
    assert cli.main([*argv, "--jobs", "2"]) == 3
    assert calls == [
        ("seeds", str(tmp_path), ["01", "02"], 60, False, True, 5000, 1),
        # default budget: 600 s per cell; detail analyses on at most 5,000 documents
        ("seeds", str(tmp_path), None, 600, True, True, 5000, 1),
        ("seeds", str(tmp_path), None, 600, False, True, None, 1),  # 0: every document
        ("seeds", str(tmp_path), None, 600, False, True, 250, 1),
        ("seeds", str(tmp_path), None, 600, False, True, None, 2),  # two notebooks at once
    ]
    for bad in (["--detail-docs", "-3"], ["--jobs", "0"]):
        with pytest.raises(SystemExit) as exc:
            cli.main([*argv[:-2], *bad])
        assert exc.value.code == 2
    assert options == [{}] * 5
    load = ["--text-column", "headline", "--date-format", "%d/%m/%Y", "--id-column", "id"]
    assert cli.main(["report", "h.csv", "--out", str(tmp_path), *load]) == 3
    assert options[-1] == {"text_column": "headline", "date_format": "%d/%m/%Y", "id_column": "id"}
    meta = ["--metadata", "m.csv", "--encoding", "cp1252"]
    assert cli.main(["report", "c", "--out", str(tmp_path), *meta]) == 3
    assert options[-1] == {"metadata": "m.csv", "encoding": "cp1252"}


HEADLINES = (
    "id,headline,publisher,date\n"
    "h1,Talks ended in Geneva without a deal,Post,02/11/2023\n"
    "h2,Markets rise again after the talks,Times,03/11/2023\n"
)


def test_load_options_for_a_table_the_loader_cannot_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """QA finding 2: --text-column / --date-format / --id-column reach load_corpus."""
    csv = tmp_path / "data" / "headlines.csv"
    write(csv, HEADLINES)
    # no text column: its headlines are the texts (named in a warning); the dates still need a format
    for given in ([], ["--text-column", "headline"]):
        assert cli.main(["info", str(csv), *given]) == 2
        err = capsys.readouterr().err
        assert ("the headlines in column 'headline' are the texts" in err) == (not given)
        assert "'02/11/2023' is ambiguous" in err
        assert err.rstrip().endswith(
            "(on the command line: --date-format %d/%m/%Y or --date-format %m/%d/%Y)"
        )
    load = ["--text-column", "headline", "--date-format", "%d/%m/%Y", "--id-column", "id"]
    assert cli.main(["info", str(csv), *load]) == 0
    out = capsys.readouterr().out
    assert "Documents: 2" in out and "Outlets: 2" in out
    assert "Dates: 2023-11-02 to 2023-11-03 (2 dated, 0 undated)" in out
    assert cli.main(["clean", str(csv), "--out", str(tmp_path / "out"), *load]) == 0
    docs = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert docs["doc_id"].tolist() == ["h1", "h2"]
    assert docs["outlet"].tolist() == ["Post", "Times"]
    text = (tmp_path / "out" / "texts" / "h1.txt").read_text(encoding="utf-8")
    assert text == "Talks ended in Geneva without a deal"


def test_date_format_for_a_sidecar_and_the_hint_only_for_asked_options(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    root = tmp_path / "messy"
    write(root / "a.txt", BODY)
    write(root / "metadata.csv", "file,outlet,published\na.txt,Post,02/11/2023\n")
    assert cli.main(["info", str(root), "--date-format", "%m/%d/%Y"]) == 0
    assert "Dates: 2023-02-11 to 2023-02-11" in capsys.readouterr().out
    # the format given does not fit: the message quotes it but asks for nothing new
    assert cli.main(["info", str(root), "--date-format", "%Y"]) == 2
    err = capsys.readouterr().err
    assert "does not match date_format='%Y'" in err and "on the command line" not in err
    assert cli.command_line_hint("put it in the folder, or pass metadata=PATH)") == (
        " (on the command line: --metadata PATH)"
    )
    assert cli.command_line_hint("pass the right encoding=") == (
        " (on the command line: --encoding NAME)"
    )


def test_report_on_a_corpus_that_fails_to_load_stops_before_any_notebook(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA finding 3: one error line, exit 2, no output folder, no notebook run."""
    from corpus_tools import report

    def no_notebook(*args: object, **kwargs: object) -> None:
        raise AssertionError("a notebook ran on a corpus that does not load")

    monkeypatch.setattr(report, "_run_all", no_notebook)
    root = tmp_path / "messy"
    write(root / "a.txt", BODY)
    write(root / "metadata.csv", "file,outlet,published\na.txt,Post,02/11/2023\n")
    out = tmp_path / "r"
    assert cli.main(["report", str(root), "--out", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith("corpus-tools report: 4 notebook(s) on ")
    assert err[1].startswith("corpus-tools: error: metadata.csv row 1, column 'published': ")
    assert err[1].endswith(
        "(on the command line: --date-format %d/%m/%Y or --date-format %m/%d/%Y)"
    )
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["messy"]


def test_version_and_help(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"corpus-tools {ct.__version__}"
    with pytest.raises(SystemExit) as exc:
        cli.main([])
    assert exc.value.code == 2


def test_console_script_runs(seeds_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "corpus_tools.cli", "info", str(seeds_path)],
        capture_output=True,
        text=True,
        check=False,
        env={"TQDM_DISABLE": "1", "PATH": ""},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1] == "Documents: 5"
    assert proc.stderr == ""
