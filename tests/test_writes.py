"""Writes that cannot destroy: output folders of ``clean`` and ``report``, the lock,
atomic replace, no tracebacks, printable names, the report's run header and seed notes.

The report tests replace the notebook execution with a fake (``_run_one``) so
they run in seconds; one test starts a real kernel for the per-cell time budget.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import corpus_tools as ct
from corpus_tools import _output, cli, report

BODY = "Talks ended without a deal on Tuesday, officials said.\n"
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones included) with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def siblings(folder: Path) -> list[str]:
    """Names next to ``folder`` that the package uses for temp folders and locks."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root / "a.txt", "Envoys meet\n\n" + BODY)
    write(root / "texts" / "b.txt", "Second story\n\n" + BODY)
    write(root / "documents.csv", "user,file\n1,2\n")
    return root


def run_cli(argv: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("corpus-tools: error: ") and "Traceback" not in err
    return lines[0]


# --------------------------------------------------------------------------- clean --out
def test_clean_into_the_corpus_folder_is_refused_and_nothing_changes(corpus, capsys):
    before = snapshot(corpus)
    code, _, err = run_cli(["clean", str(corpus), "--out", str(corpus)], capsys)
    assert code == 2
    assert "the output folder is the corpus folder" in one_error_line(err)
    assert snapshot(corpus) == before
    assert siblings(corpus) == []


@pytest.mark.parametrize("where", ["inside", "above"])
def test_clean_inside_or_above_the_corpus_is_refused(corpus, capsys, where):
    out = corpus / "cleaned" if where == "inside" else corpus.parent
    before = snapshot(corpus.parent)
    code, _, err = run_cli(["clean", str(corpus), "--out", str(out), "--overwrite"], capsys)
    assert code == 2
    expected = "is inside the corpus folder" if where == "inside" else "contains the corpus folder"
    assert expected in one_error_line(err)
    assert snapshot(corpus.parent) == before
    assert not (corpus / "cleaned").exists()


def test_clean_of_a_file_protects_the_file_and_its_folders_not_its_siblings(corpus, capsys):
    code, _, err = run_cli(["clean", str(corpus / "a.txt"), "--out", str(corpus)], capsys)
    assert code == 2 and "contains the corpus file" in one_error_line(err)
    code, _, err = run_cli(["clean", str(corpus / "a.txt"), "--out", str(corpus / "out")], capsys)
    assert code == 0, err
    assert (corpus / "out" / "documents.csv").is_file()


def test_clean_refuses_a_non_empty_user_folder_even_with_overwrite(corpus, tmp_path, capsys):
    user = tmp_path / "mine"
    write(user / "documents.csv", "my own table\n")
    write(user / "texts" / "a.txt", "my own notes\n")
    before = snapshot(user)
    for extra in ([], ["--overwrite"]):
        code, _, err = run_cli(["clean", str(corpus), "--out", str(user), *extra], capsys)
        assert code == 2
        line = one_error_line(err)
        assert "not empty and was not written by corpus-tools" in line
        assert "even with --overwrite" in line
        assert snapshot(user) == before
    assert siblings(user) == []


def test_clean_writes_into_an_empty_folder(corpus, tmp_path, capsys):
    out = tmp_path / "empty"
    out.mkdir()
    code, stdout, _ = run_cli(["clean", str(corpus), "--out", str(out)], capsys)
    assert code == 0 and stdout.startswith("Wrote 2 cleaned texts")
    assert json.loads((out / ".corpus-tools-output").read_text(encoding="utf-8")) == {
        "created_by": "corpus_tools",
        "kind": "clean",
        "version": ct.__version__,
    }
    assert siblings(out) == []


def test_clean_overwrite_replaces_only_an_earlier_clean_output(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert run_cli(["clean", str(corpus), "--out", str(out)], capsys)[0] == 0
    first = snapshot(out)
    assert sorted(first) == [
        ".corpus-tools-output",
        "cleaning_log.csv",
        "documents.csv",
        "skipped.csv",
        "texts/a.txt",
        "texts/texts/b.txt",
    ]
    # a second run without --overwrite is refused and leaves the first output as it was
    code, _, err = run_cli(["clean", str(corpus), "--out", str(out)], capsys)
    assert code == 2 and "pass --overwrite" in one_error_line(err)
    assert snapshot(out) == first
    # with --overwrite the folder is replaced as a whole: no text of the old corpus is left
    (corpus / "a.txt").unlink()
    code, _, _ = run_cli(["clean", str(corpus), "--out", str(out), "--overwrite"], capsys)
    assert code == 0
    assert sorted(snapshot(out)) == [
        ".corpus-tools-output",
        "cleaning_log.csv",
        "documents.csv",
        "skipped.csv",
        "texts/texts/b.txt",
    ]
    assert siblings(out) == []


def test_clean_output_of_another_kind_is_not_replaced(corpus, tmp_path, capsys):
    out = tmp_path / "rep"
    write(out / ".corpus-tools-output", json.dumps({"kind": "report", "version": "0"}))
    write(out / "index.html", "<p>old report</p>")
    before = snapshot(out)
    code, _, err = run_cli(["clean", str(corpus), "--out", str(out), "--overwrite"], capsys)
    assert code == 2 and "not a clean output" in one_error_line(err)
    assert snapshot(out) == before


def test_clean_file_beside_folder_of_the_same_name(tmp_path, capsys):
    root = tmp_path / "c"
    write(root / "foo.md", "A file called foo.\n\n" + BODY)
    write(root / "foo.txt" / "bar.txt", "A folder called foo.txt.\n\n" + BODY)
    out = tmp_path / "out"
    assert run_cli(["clean", str(root), "--out", str(out)], capsys)[0] == 0
    docs = ct.load_corpus(root)
    assert docs.doc_ids == ["foo", "foo.txt/bar"]
    table = (out / "documents.csv").read_text(encoding="utf-8")
    assert "texts/foo~2.txt" in table and "texts/foo.txt/bar.txt" in table
    assert (out / "texts" / "foo~2.txt").read_text(encoding="utf-8") == docs.text("foo")
    assert (out / "texts" / "foo.txt" / "bar.txt").read_text(encoding="utf-8") == docs.text(
        "foo.txt/bar"
    )


def test_output_names_are_distinct_deterministic_and_linear():
    ids = ["foo", "foo.txt/bar", "Foo", "FOO.TXT/baz", "foo~2", "a#1", "a_1"]
    assert cli.output_names(ids) == [
        "foo~2.txt",  # foo.txt is needed as a folder (case-insensitively, twice)
        "foo.txt/bar.txt",
        "Foo~3.txt",
        "FOO.TXT/baz.txt",
        "foo_2.txt",
        "a_1.txt",
        "a_1~2.txt",
    ]
    names = cli.output_names(ids)
    assert len({n.lower() for n in names}) == len(names)
    folders = {
        "/".join(n.split("/")[:i]).lower() for n in names for i in range(1, n.count("/") + 1)
    }
    assert not folders & {n.lower() for n in names}
    many = cli.output_names(["same"] * 5000)
    assert many[:3] == ["same.txt", "same~2.txt", "same~3.txt"] and many[-1] == "same~5000.txt"


def test_clean_with_a_300_character_id(tmp_path, capsys):
    root = tmp_path / "c"
    write(root / "t.csv", "id,text\n" + "x" * 300 + ',"' + BODY.strip() + '"\n')
    out = tmp_path / "out"
    assert run_cli(["clean", str(root), "--out", str(out)], capsys)[0] == 0
    (text,) = (out / "texts").iterdir()
    assert len(text.name.encode()) <= 120 and text.name.startswith("x" * 100 + "~")
    assert text.read_text(encoding="utf-8") == ct.load_corpus(root).text("x" * 300)


# --------------------------------------------------------------------------- the lock
def test_lock_held_by_a_live_process_is_reported_with_its_pid(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    lock = tmp_path / ".out.corpus-tools.lock"
    import socket

    holder = os.getppid()  # a process that is certainly running
    lock.write_text(json.dumps({"pid": holder, "host": socket.gethostname()}), encoding="utf-8")
    code, _, err = run_cli(["clean", str(corpus), "--out", str(out)], capsys)
    assert code == 2
    line = one_error_line(err)
    assert f"another corpus-tools run (process {holder})" in line and str(lock) in line
    assert not out.exists() and lock.exists()


def test_stale_lock_of_a_dead_process_is_removed(corpus, tmp_path, capsys):
    import socket

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    out = tmp_path / "out"
    lock = tmp_path / ".out.corpus-tools.lock"
    lock.write_text(json.dumps({"pid": proc.pid, "host": socket.gethostname()}), encoding="utf-8")
    assert run_cli(["clean", str(corpus), "--out", str(out)], capsys)[0] == 0
    assert (out / "documents.csv").is_file()
    assert not lock.exists() and siblings(out) == []


def test_leftovers_of_a_killed_run_are_recovered(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert run_cli(["clean", str(corpus), "--out", str(out)], capsys)[0] == 0
    first = snapshot(out)
    # killed after moving the old output aside, before moving the new one in
    os.rename(out, tmp_path / ".out.old-4242")
    half = tmp_path / ".out.tmp-4243"
    write(half / ".corpus-tools-output", json.dumps({"kind": "clean", "version": "0"}))
    write(half / "texts" / "partial.txt", "half")
    with _output.output_folder(out, kind="clean", corpus=corpus, overwrite=True) as tmp:
        assert snapshot(out) == first  # the previous complete output is back in place
        assert siblings(out) == [".out.corpus-tools.lock", f".out.tmp-{os.getpid()}"]
        write(tmp / "new.txt", "new")
    assert sorted(snapshot(out)) == [".corpus-tools-output", "new.txt"]
    assert siblings(out) == []


def test_a_failing_write_leaves_the_previous_output(corpus, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    assert run_cli(["clean", str(corpus), "--out", str(out)], capsys)[0] == 0
    first = snapshot(out)

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "to_csv_safe", boom)
    code, _, err = run_cli(["clean", str(corpus), "--out", str(out), "--overwrite"], capsys)
    assert code == 2 and "No space left on device" in one_error_line(err)
    assert snapshot(out) == first and siblings(out) == []


# --------------------------------------------------------------------------- errors and names
def test_info_of_an_empty_path_is_an_error_not_the_current_folder(capsys):
    code, out, err = run_cli(["info", ""], capsys)
    assert code == 2 and out == ""
    assert "the corpus path is empty" in one_error_line(err)
    code, _, err = run_cli(["clean", " ", "--out", "x"], capsys)
    assert code == 2 and "the corpus path is empty" in one_error_line(err)
    with pytest.raises(ct.CorpusValueError, match="the corpus path is empty"):
        report.run_report("", "x", progress=False)


def test_empty_out_is_an_error(corpus, capsys):
    code, _, err = run_cli(["clean", str(corpus), "--out", ""], capsys)
    assert code == 2 and "--out is empty" in one_error_line(err)


def test_internal_error_is_one_line_and_debug_shows_the_traceback(corpus, capsys, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("\x1b[2Jsurprise")

    monkeypatch.setattr(cli, "load_corpus", broken)
    code, _, err = run_cli(["info", str(corpus)], capsys)
    assert code == 1
    line = one_error_line(err)
    assert line.startswith("corpus-tools: error: internal error (KeyError: ")
    assert "surprise" in line and "\x1b" not in line
    assert "rerun with --debug to see the traceback" in line
    for argv in (["--debug", "info", str(corpus)], ["info", str(corpus), "--debug"]):
        code, _, err = run_cli(argv, capsys)
        assert code == 1
        assert err.startswith("Traceback (most recent call last):")
        assert "KeyError" in err and err.strip().splitlines()[-1].startswith("corpus-tools: error:")


def test_user_error_with_debug_also_shows_the_traceback(capsys):
    code, _, err = run_cli(["--debug", "info", "does/not/exist"], capsys)
    assert code == 2 and "Traceback" in err
    assert err.strip().splitlines()[-1].startswith("corpus-tools: error: does/not/exist")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mRed\x1b[0m Post", "Red Post"),
        ("\x1b]0;owned\x07Title", "Title"),
        ("\x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x1bPq#0;2;0;0;0\x1b\\after", "after"),
        ("bell\x07 and\rreturn", "bell? and?return"),
        ("\x9b31mC1 CSI", "C1 CSI"),
        ("evil\u202etxt.exe", "evil?txt.exe"),
        ("line\u2028sep", "line?sep"),
        ("trailing \x1b[", "trailing "),
        ("Straits Times — ünïcode ✓", "Straits Times — ünïcode ✓"),
    ],
)
def test_printable(raw, shown):
    assert cli.printable(raw) == shown


def test_info_strips_escape_sequences_from_names(tmp_path, capsys):
    root = tmp_path / "c"
    rows = [
        {"id": "a", "outlet": "\x1b]0;pwned\x07\x1b[31mRed Post\x1b[0m", "text": BODY},
        {"id": "b", "outlet": "Blue\u202e", "text": BODY + "More."},
    ]
    write(root / "t.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    write(root / "x\x1b[2J\x07.pdf", "%PDF")
    code, out, err = run_cli(["info", str(root)], capsys)
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "  Red Post: 1" in out.splitlines() and "  Blue?: 1" in out.splitlines()
    assert "(e.g. x?.pdf)" in out.splitlines()[-2]


# --------------------------------------------------------------------------- report --out
def tiny_notebook(path: Path, *cells) -> Path:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = KERNELSPEC
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def params_cell():
    return new_code_cell('CORPUS = "../seeds"', metadata={"tags": ["parameters"]})


@pytest.fixture()
def nbs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "nbs"
    seed_code = new_code_cell("print('seed output')", metadata={"tags": ["seeds-only"]})
    seed_code.outputs = [new_output("stream", name="stdout", text="SEED-ONLY OUTPUT\n")]
    one = tiny_notebook(
        folder / "01_one.ipynb",
        new_markdown_cell("# Notebook one"),
        params_cell(),
        new_markdown_cell("GENERAL PROSE for every corpus."),
        new_markdown_cell(
            "SEED-ONLY PROSE: the seeds contain no duplicates.", metadata={"tags": ["seeds-only"]}
        ),
        seed_code,
    )
    two = tiny_notebook(folder / "02_two.ipynb", new_markdown_cell("# Notebook two"), params_cell())
    return [str(one), str(two)]


class FakeRun:
    """Stand-in for papermill: copies the notebook as if executed; can fail on one."""

    def __init__(self, fail_on: str | None = None, marker: str = "run"):
        self.fail_on = fail_on
        self.marker = marker
        self.calls: list[str] = []

    def __call__(self, nb_path, out_nb, corpus_path, timeout, live=False):
        self.calls.append(nb_path.name)
        if nb_path.name == self.fail_on:
            raise RuntimeError("killed mid-way")
        nb = nbformat.read(str(nb_path), 4)
        nb.cells.append(new_markdown_cell(f"RUN MARKER {self.marker}"))
        nbformat.write(nb, str(out_nb))
        return nb, None


def test_report_into_the_corpus_is_refused_and_nothing_changes(corpus, nbs, capsys):
    before = snapshot(corpus)
    for out in (corpus, corpus / "report", corpus.parent):
        code, _, err = run_cli(
            ["report", str(corpus), "--out", str(out), "--notebooks", *nbs, "--overwrite"], capsys
        )
        assert code == 2 and "the package never writes into its input" in one_error_line(err)
    assert snapshot(corpus) == before
    assert not (corpus / "report").exists()


def test_report_refuses_a_non_empty_user_folder(corpus, nbs, tmp_path, monkeypatch):
    monkeypatch.setattr(report, "_run_one", FakeRun())
    user = tmp_path / "site"
    write(user / "index.html", "<h1>my own home page</h1>")
    write(user / "notes" / "draft.md", "draft")
    before = snapshot(user)
    for overwrite in (False, True):
        with pytest.raises(ct.CorpusValueError, match="not empty and was not written by"):
            report.run_report(
                str(corpus), str(user), notebooks=nbs, overwrite=overwrite, progress=False
            )
        assert snapshot(user) == before
    assert siblings(user) == []


def test_report_refuses_an_output_holding_an_input_notebook(corpus, nbs, tmp_path):
    with pytest.raises(ct.CorpusValueError, match="holds the input"):
        report.run_report(str(corpus), str(Path(nbs[0]).parent), notebooks=nbs, progress=False)


def test_report_overwrite_replaces_an_earlier_report(corpus, nbs, tmp_path, monkeypatch, capsys):
    out = tmp_path / "report"
    monkeypatch.setattr(report, "_run_one", FakeRun(marker="first"))
    assert report.run_report(str(corpus), str(out), notebooks=nbs, progress=False) == 0
    assert sorted(snapshot(out)) == [
        ".corpus-tools-output",
        "01_one.html",
        "02_two.html",
        "index.html",
        "notebooks/01_one.ipynb",
        "notebooks/02_two.ipynb",
    ]
    first = snapshot(out)
    with pytest.raises(ct.CorpusValueError, match="pass --overwrite"):
        report.run_report(str(corpus), str(out), notebooks=nbs, progress=False)
    assert snapshot(out) == first
    write(out / "notebooks" / "my_edit.ipynb", "{}")  # documented: replaced with the folder
    monkeypatch.setattr(report, "_run_one", FakeRun(marker="second"))
    assert (
        report.run_report(str(corpus), str(out), notebooks=nbs[:1], overwrite=True, progress=True)
        == 0
    )
    assert sorted(snapshot(out)) == [
        ".corpus-tools-output",
        "01_one.html",
        "index.html",
        "notebooks/01_one.ipynb",
    ]
    assert "RUN MARKER second" in (out / "01_one.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "1 of 1 notebooks ran" in index and "02_two" not in index
    assert siblings(out) == []
    out_text, err = capsys.readouterr()
    assert "[1/1] 01_one.ipynb: running ..." in err
    assert "[1/1] 01_one.ipynb: ok (" in err
    last = out_text.strip().splitlines()[-1]
    assert last.startswith(f"Report: {out / 'index.html'} (1 of 1 notebooks ran) in ")


def test_report_killed_mid_way_leaves_the_previous_report(corpus, nbs, tmp_path, monkeypatch):
    out = tmp_path / "report"
    monkeypatch.setattr(report, "_run_one", FakeRun(marker="first"))
    assert report.run_report(str(corpus), str(out), notebooks=nbs, progress=False) == 0
    first = snapshot(out)
    other = tmp_path / "other"
    write(other / "z.txt", "A different corpus.\n\n" + BODY)
    fake = FakeRun(fail_on="02_two.ipynb", marker="second")
    monkeypatch.setattr(report, "_run_one", fake)
    with pytest.raises(RuntimeError, match="killed mid-way"):
        report.run_report(str(other), str(out), notebooks=nbs, overwrite=True, progress=False)
    assert fake.calls == ["01_one.ipynb", "02_two.ipynb"]
    assert snapshot(out) == first  # not a page of the other corpus beside an old index
    assert siblings(out) == []


def test_report_lock_held(corpus, nbs, tmp_path):
    import socket

    out = tmp_path / "report"
    lock = tmp_path / ".report.corpus-tools.lock"
    lock.write_text(
        json.dumps({"pid": os.getppid(), "host": socket.gethostname()}), encoding="utf-8"
    )
    with pytest.raises(ct.CorpusLoadError, match=f"process {os.getppid()}"):
        report.run_report(str(corpus), str(out), notebooks=nbs, progress=False)
    assert not out.exists()


# --------------------------------------------------------------------------- seeds and header
def test_is_seed_corpus_by_content(seeds_path, tmp_path):
    assert report.is_seed_corpus(seeds_path)
    copy = tmp_path / "my copy"
    shutil.copytree(seeds_path, copy)
    write(copy / ".DS_Store", "hidden files are not part of the corpus")
    assert report.is_seed_corpus(copy)
    changed = tmp_path / "seeds"  # same name, one byte different
    shutil.copytree(seeds_path, changed)
    first = sorted(changed.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes() + b" ")
    assert not report.is_seed_corpus(changed)
    extra = tmp_path / "extra"
    shutil.copytree(seeds_path, extra)
    write(extra / "more.txt", BODY)
    assert not report.is_seed_corpus(extra)
    assert not report.is_seed_corpus(first)
    assert not report.is_seed_corpus(tmp_path / "nope")


def test_seed_only_cells_hidden_for_another_corpus(nbs, tmp_path, monkeypatch):
    root = tmp_path / "<i onmouseover=x>my corpus"
    write(root / "a.txt", "Envoys meet\n\n" + BODY)
    write(root / "b.txt", "Second story\n\n" + BODY)
    write(root / "c.pdf", "%PDF")
    write(
        root / "metadata.csv",
        "file,outlet,published\na.txt,Gazette,2023-10-19\nb.txt,,2023-11-02\n",
    )
    monkeypatch.setattr(report, "_run_one", FakeRun())
    out = tmp_path / "out"
    assert report.run_report(str(root), str(out), notebooks=nbs, progress=False) == 0
    page = (out / "01_one.html").read_text(encoding="utf-8")
    assert "GENERAL PROSE for every corpus." in page
    assert "SEED-ONLY PROSE" not in page and "SEED-ONLY OUTPUT" not in page
    assert "print(&#39;seed output&#39;)" not in page and "seed output" not in page
    # the executed notebook kept for JupyterLab leaves them out too (session 19: prose about the
    # seed articles read as if about the user's data), and it runs again: no temporary snapshot
    executed = nbformat.read(str(out / "notebooks" / "01_one.ipynb"), 4)
    assert not any("SEED-ONLY" in c.source for c in executed.cells)
    assert any("GENERAL PROSE for every corpus." in c.source for c in executed.cells)
    for name in ("01_one.html", "02_two.html", "index.html"):
        html = (out / name).read_text(encoding="utf-8")
        head = html[html.index('<header class="ct-run-info"') :]
        head = head[: head.index("</header>")]
        assert "<code>&lt;i onmouseover=x&gt;my corpus (folder)</code>" in head
        assert "<i onmouseover" not in html
        assert "<th" in head and ">2</td>" in head  # documents
        assert "1 outlet (1 document without an outlet)" in head
        assert "2023-10-19 to 2023-11-02" in head
        assert "inputs skipped" in head
    assert "2 cell(s) about the shipped seed corpus hidden" in page
    assert "none in this notebook" in (out / "02_two.html").read_text(encoding="utf-8")
    assert "hidden on every page" in (out / "index.html").read_text(encoding="utf-8")


def test_seed_only_cells_kept_for_the_seeds(nbs, seeds_path, tmp_path, monkeypatch):
    monkeypatch.setattr(report, "_run_one", FakeRun())
    out = tmp_path / "out"
    assert report.run_report(str(seeds_path), str(out), notebooks=nbs, progress=False) == 0
    page = (out / "01_one.html").read_text(encoding="utf-8")
    assert "SEED-ONLY PROSE" in page and "SEED-ONLY OUTPUT" in page
    assert "shown: this is the seed corpus shipped with the package" in page
    assert "<code>seeds (folder)</code>" in page


# --------------------------------------------------------------------------- time budget (real kernel)
def test_cell_over_the_time_budget_fails_its_notebook_only(tmp_path, seeds_path, capsys):
    folder = tmp_path / "nbs"
    slow = tiny_notebook(
        folder / "01_slow.ipynb",
        new_markdown_cell("# Slow"),
        params_cell(),
        new_code_cell("x = 1"),
        new_code_cell("import time\ntime.sleep(60)"),
        new_code_cell("y = 2"),
    )
    quick = tiny_notebook(
        folder / "02_quick.ipynb",
        new_markdown_cell("# Quick"),
        params_cell(),
        new_code_cell("1 + 1"),
    )
    out = tmp_path / "out"
    code = report.run_report(
        str(seeds_path), str(out), notebooks=[str(slow), str(quick)], timeout=2, progress=True
    )
    assert code == 1
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "1 of 2 notebooks ran" in index
    assert "Failed in code cell 3 (<code>import time</code>)" in index
    assert (
        "code cell 3 (import time) did not finish within the time budget of 2 s per cell" in index
    )
    stdout, err = capsys.readouterr()
    assert "[1/2] 01_slow.ipynb: failed in code cell 3 (" in err
    assert "[2/2] 02_quick.ipynb: ok (" in err
    assert "Traceback" not in err and "ZMQError" not in err
    assert (
        stdout.strip()
        .splitlines()[-1]
        .startswith(f"Report: {out / 'index.html'} (1 of 2 notebooks ran, 1 failed) in ")
    )


def test_warnings_are_one_plain_line(corpus, capsys, monkeypatch):
    import warnings

    real = cli.load_corpus

    def warns(*args, **kwargs):
        warnings.warn("row 3:\n  date \x1b[31mlooks odd", ct.CorpusToolsWarning, stacklevel=2)
        return real(*args, **kwargs)

    monkeypatch.setattr(cli, "load_corpus", warns)
    code, out, err = run_cli(["info", str(corpus)], capsys)
    assert code == 0 and out.startswith("Corpus: corpus")
    assert err == "corpus-tools: warning: row 3: date looks odd\n"


def test_closed_stdout_pipe_is_not_a_traceback(seeds_path):
    read, write_end = os.pipe()
    os.close(read)  # nobody reads: the first write fails with EPIPE
    with os.fdopen(write_end, "wb") as stdout:
        proc = subprocess.run(
            [sys.executable, "-m", "corpus_tools.cli", "info", str(seeds_path)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            check=False,
            env={**os.environ, "TQDM_DISABLE": "1"},
        )
    assert proc.returncode == 1
    assert proc.stderr == b""


def test_notebooks_by_file_name_or_prefix(nbs):
    curated = report.find_notebooks()
    assert report._pick_notebooks(["01", "03_stance"]) == [curated[0], curated[2]]
    assert report._pick_notebooks([nbs[1]]) == [Path(nbs[1]).resolve()]
    with pytest.raises(ct.CorpusLoadError, match="'0': matches several notebooks"):
        report._pick_notebooks(["0"])
    with pytest.raises(ct.CorpusLoadError, match="'zz': not found; give a notebook file or one"):
        report._pick_notebooks(["zz"])


def test_process_killed_while_writing_leaves_the_previous_output(corpus, tmp_path, capsys):
    """A real SIGKILL in the middle of a write: old output intact, next run succeeds."""
    import signal
    import time

    out = tmp_path / "out"
    assert run_cli(["clean", str(corpus), "--out", str(out)], capsys)[0] == 0
    first = snapshot(out)
    script = (
        "import sys, time\n"
        "from corpus_tools._output import output_folder\n"
        "with output_folder(sys.argv[1], kind='clean', corpus=sys.argv[2], overwrite=True) as t:\n"
        "    (t / 'half.txt').write_text('half')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(out), str(corpus)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
    code, _, err = run_cli(["clean", str(corpus), "--out", str(out), "--overwrite"], capsys)
    assert code == 2 and f"(process {proc.pid})" in one_error_line(err)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.1)
    assert snapshot(out) == first
    assert siblings(out) == [".out.corpus-tools.lock", f".out.tmp-{proc.pid}"]
    assert run_cli(["clean", str(corpus), "--out", str(out), "--overwrite"], capsys)[0] == 0
    assert snapshot(out) == first  # same corpus, same output
    assert siblings(out) == []
