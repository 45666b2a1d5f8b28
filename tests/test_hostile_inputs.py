"""Hostile inputs: readers that cannot corrupt, per-file isolation, guards (issue 14).

One minimal reproduction per failure found by the attack run, then a
hypothesis fuzz test over file contents, names and folder structures that
checks the loader's invariants (see ``tests/_hostile.py`` and
``tools/fuzz_load.py`` for a longer run).
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from _hostile import fuzz_settings, load_and_check, tree_strategy, write_tree

import corpus_tools as ct
import corpus_tools.io as ctio
import corpus_tools.io.discover as io_discover
import corpus_tools.io.files as io_files
import corpus_tools.io.limits as io_limits
import corpus_tools.io.load as io_load
from corpus_tools.errors import CorpusLoadError, CorpusToolsWarning, MetadataError

BODY = "Talks ended without a deal on Tuesday, officials said.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _remove_tree(path: Path) -> None:
    """Remove a folder tree iteratively (no recursion limit), never following symlinks."""
    stack, order = [os.fsencode(path)], []
    while stack:
        folder = stack.pop()
        order.append(folder)
        for entry in os.scandir(folder):
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            else:
                os.unlink(entry.path)
    for folder in reversed(order):
        os.rmdir(folder)


def skipped(c: ct.Corpus) -> dict[str, str]:
    return dict(zip(c.skipped["path"], c.skipped["reason"], strict=True))


# ------------------------------------------------------------ CSV structure
def test_csv_row_with_an_unquoted_comma_is_reported_not_shifted(tmp_path: Path) -> None:
    write(tmp_path / "one.csv", "text\nHello, world from Moscow\n")
    write(
        tmp_path / "news.csv",
        "id,outlet,text\nr1,Wire,Talks ended.\nr2,Post,Hello, world from Moscow\nr3,Star,Fine.\n",
    )
    c = ct.load_corpus(tmp_path)
    assert c.docs[["doc_id", "outlet", "text"]].values.tolist() == [
        ["r1", "Wire", "Talks ended."],
        ["r3", "Star", "Fine."],
    ]
    reasons = skipped(c)
    assert sorted(reasons) == ["news.csv#row=2", "one.csv#row=1"]
    assert reasons["one.csv#row=1"].startswith("CSV row 1 (line 2): 2 fields but the header has 1")
    assert "line 3" in reasons["news.csv#row=2"] and "4 fields" in reasons["news.csv#row=2"]
    assert "quote" in reasons["news.csv#row=2"]  # the fix
    assert not c.docs["text"].str.contains("world from Moscow").any()


def test_csv_row_with_too_few_fields_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "n.csv", 'id,outlet,text\nr1,Wire\nr2,Post,"Two,\nlines."\nr3,Star,Three.\n')
    c = ct.load_corpus(tmp_path / "n.csv")
    assert c.doc_ids == ["r2", "r3"] and c.text("r2") == "Two,\nlines."
    assert skipped(c) == {
        "n.csv#row=1": "CSV row 1 (line 2): 2 fields but the header has 3 (id, outlet, text); "
        "quote fields that contain ',' or a line break (\"like, this\"), or fix the row"
    }
    # the line of a row after a quoted line break is its first physical line
    write(tmp_path / "m.csv", 'id,text\nr1,"Two,\nlines."\nr2,x,y\n')
    assert "CSV row 2 (line 4)" in skipped(ct.load_corpus(tmp_path / "m.csv"))["m.csv#row=2"]


def test_csv_trailing_empty_field_and_header_names(tmp_path: Path) -> None:
    write(tmp_path / "t.csv", "id,text,,text\nr1,One story.,,dup\n\nr2,Two.,,x,\n")
    c = ct.load_corpus(tmp_path / "t.csv")
    assert c.doc_ids == ["r1", "r2"]
    assert c.docs["text"].tolist() == ["One story.", "Two."]  # blank line skipped, not counted
    assert c.docs["text.1"].tolist() == ["dup", "x"]  # duplicate header mangled as pandas does
    assert c.docs["source"].tolist() == ["t.csv#row=1", "t.csv#row=2"]


def test_metadata_csv_with_an_extra_field_names_the_row(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "metadata.csv", "file,outlet,published\na.txt,Daily, Planet,2023-10-19\n")
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(tmp_path)
    msg = str(err.value)
    assert msg.startswith("metadata.csv row 1 (line 2): 4 fields but the header has 3")
    assert "'Daily'" not in msg and "names no loaded document" not in msg


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("h.csv", "id,text\n"),
        ("h.tsv", "id\ttext\n\n"),
        ("h.json", "[]"),
        ("h.jsonl", "[]\n"),
    ],
)
def test_header_only_tables_are_accounted_for(tmp_path: Path, name: str, content: str) -> None:
    write(tmp_path / name, content)
    write(tmp_path / "ok.txt", BODY)
    c = ct.load_corpus(tmp_path)
    assert c.doc_ids == ["ok"]
    reasons = skipped(c)
    assert any(p.split("#")[0] == name for p in reasons), reasons
    if name != "h.jsonl":  # a JSONL line that is a list is its own row-level reason
        assert reasons[name].startswith("no rows")


def test_header_only_parquet_is_accounted_for(tmp_path: Path) -> None:
    pd.DataFrame({"id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}).to_parquet(
        tmp_path / "h.parquet"
    )
    write(tmp_path / "ok.txt", BODY)
    assert skipped(ct.load_corpus(tmp_path))["h.parquet"].startswith("no rows")


# ------------------------------------------------------------ only regular files
_LOAD_IN_CHILD = """
import sys, warnings
import corpus_tools as ct
warnings.simplefilter("ignore")
c = ct.load_corpus(sys.argv[1])
for p, r in zip(c.skipped["path"], c.skipped["reason"]):
    print(p, "|", r)
print("docs", list(c.doc_ids))
"""


def _limit_memory() -> None:  # in the child: a runaway read fails there, not in the suite
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (6 * 1024**3, 6 * 1024**3))


def _load_in_child(path: Path) -> str:
    """Load in a subprocess so that a hang or a runaway read fails the test, not the suite."""
    out = subprocess.run(
        [sys.executable, "-c", _LOAD_IN_CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_fifo_and_socket_are_skipped_without_blocking() -> None:
    root = Path(tempfile.mkdtemp(prefix="ctf"))  # short: a socket path is at most ~100 bytes
    write(root / "ok.txt", BODY)
    os.mkfifo(root / "p.txt")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(root / "s.txt"))
        out = _load_in_child(root)
    finally:
        sock.close()
    assert "p.txt | not a regular file (named pipe); not read" in out
    assert "s.txt | not a regular file (socket); not read" in out
    assert "docs ['ok']" in out


def test_character_device_is_never_read(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    write(tmp_path / "ok.txt", BODY)
    assert "zero.txt | symlink points outside the corpus folder" in _load_in_child(tmp_path)
    # a file named by the user is followed (the user chose it), then refused
    with pytest.raises(subprocess.CalledProcessError) as err:
        subprocess.run(
            [sys.executable, "-c", _LOAD_IN_CHILD, str(link)],
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=_limit_memory,
            check=True,
        )
    assert "CorpusLoadError: zero.txt: not a regular file (character device); not read" in (
        err.value.stderr
    )


def test_file_swapped_for_a_symlink_after_discovery_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = write(tmp_path / "outside" / "passwd", "root:x:0:0:SECRET:/root:/bin/bash\n")
    write(tmp_path / "outside" / "b.txt", "SECRET folder file.\n")
    root = tmp_path / "corpus"
    write(root / "a.txt", BODY)
    write(root / "sub" / "b.txt", BODY)
    write(root / "c.txt", BODY)
    real_plan = io_load.plan_inputs

    def plan_then_swap(source: object) -> io_discover.Plan:
        plan = real_plan(source)
        (root / "a.txt").unlink()
        (root / "a.txt").symlink_to(secret)  # the file itself
        (root / "sub" / "b.txt").unlink()
        (root / "sub").rmdir()
        (root / "sub").symlink_to(tmp_path / "outside")  # a folder on its path
        # a new inode: written beside the old file and renamed over it, so the file system
        # cannot hand the freed inode number straight back (an unlink then a write could
        # get the same number, and the swap would look like no change: a flaky test)
        write(root / "c.new", "Another file written in its place.\n")
        os.replace(root / "c.new", root / "c.txt")
        return plan

    monkeypatch.setattr(io_load, "plan_inputs", plan_then_swap)
    with pytest.warns(CorpusToolsWarning, match="no document could be loaded"):
        c = ct.load_corpus(root)
    assert len(c) == 0
    reasons = skipped(c)
    assert reasons["a.txt"] == "changed into a symlink since it was found; not followed"
    assert reasons["sub/b.txt"] == (
        "a folder on its path changed into a symlink since it was found; not followed"
    )
    assert reasons["c.txt"] == "replaced by another file since it was found; not read (load again)"


def test_sidecar_symlink_to_outside_is_refused_without_showing_its_content(
    tmp_path: Path,
) -> None:
    secret = write(tmp_path / "secret.csv", "SECRETHEADER,token\nabc,123\n")
    root = tmp_path / "corpus"
    write(root / "a.txt", BODY)
    (root / "metadata.csv").symlink_to(secret)
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(root)
    assert str(err.value).startswith(
        "metadata.csv: symlink points outside the corpus folder; not followed"
    )
    assert "SECRET" not in str(err.value) and "token" not in str(err.value)
    # a sidecar link that stays inside the folder is followed
    write(root / "meta" / "m.csv", "file,outlet\na.txt,Inside\n")
    (root / "metadata.csv").unlink()
    (root / "metadata.csv").symlink_to(root / "meta" / "m.csv")
    assert ct.load_corpus(root).docs["outlet"].tolist() == ["Inside"]


# ------------------------------------------------------------ size guards
def test_parquet_that_decodes_beyond_the_limit_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(io_limits, "MAX_DECOMPRESSED_BYTES", 1024 * 1024)
    rows = 300_000
    pd.DataFrame({"text": ["Talks ended without a deal, officials said." * 2] * rows}).to_parquet(
        tmp_path / "dict.parquet"
    )  # dictionary + run-length encoded: a few KB on disk, ~26 MB decoded
    assert (tmp_path / "dict.parquet").stat().st_size < 20_000
    pd.DataFrame({"text": [f"Story {i} " * 40 for i in range(20_000)]}).to_parquet(
        tmp_path / "plain.parquet", compression="zstd"
    )
    write(tmp_path / "ok.txt", BODY)
    c = ct.load_corpus(tmp_path)
    assert c.doc_ids == ["ok"]
    reasons = skipped(c)
    assert reasons["dict.parquet"].startswith("Parquet too large when decoded (> 1 MB limit)")
    assert reasons["plain.parquet"].startswith("Parquet too large when decoded (> 1 MB limit)")


def test_json_and_plain_file_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io_limits, "MAX_JSON_BYTES", 1024 * 1024)
    monkeypatch.setattr(io_limits, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    big = [{"text": f"Story number {i} about the talks."} for i in range(40_000)]
    write(tmp_path / "big.json", json.dumps(big))
    write(tmp_path / "big.jsonl", "\n".join(json.dumps(r) for r in big))
    write(tmp_path / "huge.txt", "word " * 500_000)
    write(tmp_path / "ok.txt", BODY)
    c = ct.load_corpus(tmp_path)
    assert c.doc_ids == ["ok"]
    reasons = skipped(c)
    assert reasons["big.json"].startswith("JSON too large to parse at once (> 1 MB limit)")
    assert reasons["big.jsonl"].startswith("JSON too large to parse at once (> 1 MB limit)")
    assert reasons["huge.txt"].startswith("file too large (> 2 MB limit)")


# ------------------------------------------------------------ isolation per file
def test_lone_surrogate_in_json_and_jsonl_skips_only_that_row(tmp_path: Path) -> None:
    write(
        tmp_path / "a.jsonl",
        '{"id": "j1", "text": "ok one"}\n{"id": "j2", "text": "bad \\udc00"}\n',
    )
    write(tmp_path / "b.json", '[{"id": "k1", "text": "x \\ud800 y"}, {"id": "k2", "text": "ok"}]')
    write(tmp_path / "c.jsonl", '{"id": "e1", "text": "emoji \\ud83d\\ude00 pair is fine"}\n')
    c = ct.load_corpus(tmp_path)
    assert c.doc_ids == ["j1", "k2", "e1"]
    reasons = skipped(c)
    assert reasons["a.jsonl#line=2"].startswith(
        "JSONL line 2, column 'text': a lone surrogate (\\udc00) is not valid Unicode"
    )
    assert reasons["b.json#row=1"].startswith("JSON row 1, column 'text': a lone surrogate")


def test_lone_surrogate_in_a_dataframe_is_a_skipped_row() -> None:
    frame = pd.DataFrame({"text": ["fine", "bad \udc00"], "outlet": ["A", "B\ud800"]}, dtype=object)
    c = ct.load_corpus(frame)
    assert c.doc_ids == ["row#1"]
    assert skipped(c) == {
        "dataframe#row=2": "DATAFRAME row 2, column 'text': a lone surrogate (\\udc00) is not "
        "valid Unicode; fix the text (a broken \\u escape or a bad decode)"
    }


def test_file_name_with_non_utf8_bytes_loads(tmp_path: Path) -> None:
    root = tmp_path / "c"
    write(root / "ok.txt", BODY)
    write(Path(os.fsdecode(os.fsencode(root) + b"/caf\xe9.txt")), "Caf\u00e9 story. " + BODY)
    c = ct.load_corpus(root)
    assert c.doc_ids == ["caf\\xe9", "ok"]
    assert c.docs["path"].tolist() == ["caf\\xe9.txt", "ok.txt"]
    assert "Café story." in c.text("caf\\xe9")
    assert ct.reconstruct(c, "caf\\xe9") == c.raw("caf\\xe9")


def test_1200_nested_folders_are_walked_to_a_reported_depth(tmp_path: Path) -> None:
    root = tmp_path / "deep"
    fd = os.open(tmp_path, os.O_RDONLY)  # build with relative opens (the path outgrows PATH_MAX)
    try:
        os.mkdir("deep", dir_fd=fd)
        cur = os.open("deep", os.O_RDONLY, dir_fd=fd)
        for i in range(1200):
            os.mkdir("d", dir_fd=cur)
            if i == 3:
                f = os.open("shallow.txt", os.O_WRONLY | os.O_CREAT, dir_fd=cur)
                os.write(f, BODY.encode())
                os.close(f)
            nxt = os.open("d", os.O_RDONLY, dir_fd=cur)
            os.close(cur)
            cur = nxt
        f = os.open("bottom.txt", os.O_WRONLY | os.O_CREAT, dir_fd=cur)
        os.write(f, BODY.encode())
        os.close(f)
        os.close(cur)
    finally:
        os.close(fd)
    try:
        c = ct.load_corpus(root)
    finally:
        _remove_tree(root)  # pytest's own clean-up recurses and would fail on 1,200 levels
    assert c.doc_ids == ["d/d/d/shallow"]
    deep = "/".join(["d"] * (ctio.MAX_DEPTH + 1)) + "/"
    assert skipped(c) == {
        deep: f"folder nested more than {ctio.MAX_DEPTH} levels deep; not searched "
        "(move its files up)"
    }


def test_unlistable_folder_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "ok.txt", BODY)
    locked = tmp_path / "locked"
    write(locked / "a.txt", BODY)
    locked_ino = locked.stat().st_ino
    real_scandir = os.scandir

    def scandir(path):  # what a folder without read permission does (tests may run as root)
        ino = os.fstat(path).st_ino if isinstance(path, int) else os.stat(path).st_ino
        if ino == locked_ino:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    c = ct.load_corpus(tmp_path)
    assert c.doc_ids == ["ok"]
    assert skipped(c) == {"locked/": "unreadable folder (permission denied); check its permissions"}


def test_folder_readable_but_not_searchable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "ok.txt", BODY)
    write(tmp_path / "nox" / "a.txt", BODY)
    nox = tmp_path / "nox"
    nox_ino = nox.stat().st_ino
    real_open = os.open

    def fake_open(path, flags, mode=0o777, *, dir_fd=None):  # what chmod 0o444 does to non-root
        if dir_fd is not None and os.fstat(dir_fd).st_ino == nox_ino:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode, dir_fd=dir_fd)

    nox.chmod(0o444)
    try:
        monkeypatch.setattr(os, "open", fake_open)
        c = ct.load_corpus(tmp_path)
    finally:
        nox.chmod(0o755)
    assert c.doc_ids == ["ok"]
    assert skipped(c) == {"nox/a.txt": "unreadable (permission denied); check the file permissions"}


def test_json_nested_100000_deep_and_5000_digit_integer(tmp_path: Path) -> None:
    write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    write(tmp_path / "deep.jsonl", '{"text": "ok line"}\n' + "[" * 100_000 + "]" * 100_000 + "\n")
    digits = "7" * 5000
    write(tmp_path / "big.json", '[{"text": "x", "n": ' + digits + "}]")
    write(tmp_path / "big.jsonl", '{"text": "big", "n": ' + digits + '}\n{"text": "fine"}\n')
    c = ct.load_corpus(tmp_path)
    assert c.docs["text"].tolist() == ["fine", "ok line"]
    reasons = skipped(c)
    assert reasons["deep.json"].startswith("JSON nested too deeply")
    assert reasons["deep.jsonl#line=2"].startswith("JSON nested too deeply on line 2")
    assert reasons["big.json"].startswith("bad JSON: a number with more than 4300 digits")
    assert reasons["big.jsonl#line=1"].startswith("bad JSON on line 1: a number with more than")


def test_row_column_named_like_the_internal_row_number(tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "text,__row__\nHello there.,abc\n")
    write(tmp_path / "b.jsonl", '{"text": "Jsonl line.", "__row__": 99}\n')
    c = ct.load_corpus(tmp_path)
    assert c.docs["source"].tolist() == ["a.csv#row=1", "b.jsonl#line=1"]
    assert c.docs["user___row__"].tolist() == ["abc", 99]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_dates_out_of_range_are_reported_not_a_crash(tmp_path: Path, value: str) -> None:
    write(tmp_path / "a.csv", f"text,date\nHello there.,{value}\nAgain.,2023-10-19\n")
    write(tmp_path / "b.txt", BODY)
    try:
        c = ct.load_corpus(tmp_path)
    except MetadataError as exc:  # a plain error naming the cell is fine
        assert value in str(exc) and "row 1" in str(exc)
        return
    reasons = skipped(c)
    assert "a.csv#row=1" in reasons or c.docs.set_index("source").loc["a.csv#row=1"].notna().any()
    if "a.csv#row=1" in reasons:
        assert value in reasons["a.csv#row=1"]
    assert {"a#2", "b"} <= set(c.doc_ids)


def test_300_character_id_and_a_crash_inside_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_id = "x" * 300
    write(tmp_path / "a.csv", f"id,text\n{long_id},Hello there.\nboom,BOOM in this one.\n")
    write(tmp_path / "b.txt", BODY)
    real = io_load.clean_text

    def clean_text(text: str, **kw: object):  # a bug in one document's cleaning
        if "BOOM" in text:
            raise RuntimeError("cleaner bug")
        return real(text, **kw)

    monkeypatch.setattr(io_load, "clean_text", clean_text)
    c = ct.load_corpus(tmp_path)
    assert c.doc_ids == [long_id, "b"]
    assert skipped(c) == {
        "a.csv#row=2": "could not be loaded (RuntimeError: cleaner bug); the rest was loaded"
    }


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(tmp_path: Path, codec: str) -> None:
    text = "Talks in Doha ended; “no deal”, the envoy said on Tuesday.\n" * 5
    write(tmp_path / "u.txt", text.encode(codec))
    c = ct.load_corpus(tmp_path)
    assert c.docs["encoding"].tolist() == [codec]
    assert c.raw("u") == text


# ------------------------------------------------------------ linear
def test_40000_rows_with_one_id_give_one_warning(tmp_path: Path) -> None:
    n = 40_000
    write(tmp_path / "same.csv", "id,text\n" + "".join(f"a,Story {i}.\n" for i in range(n)))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = ct.load_corpus(tmp_path / "same.csv")
    msgs = [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]
    assert len(msgs) == 1, msgs[:3]
    assert msgs[0].startswith("doc_id 'a' occurs more than once")
    assert f"{n - 1:,} doc_id(s) renamed" in msgs[0]
    assert c.doc_ids[:3] == ["a", "a~2", "a~3"] and c.doc_ids[-1] == f"a~{n}"
    assert len(set(c.doc_ids)) == n


# ------------------------------------------------------------ formula injection
def test_to_csv_safe_neutralises_column_names(tmp_path: Path) -> None:
    df = pd.DataFrame({'=HYPERLINK("http://evil","x")': ["a"], "+cmd": ["=1+1"], "ok": [1]})
    ct.to_csv_safe(df, tmp_path / "t.csv")
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == '"\'=HYPERLINK(""http://evil"",""x"")",\'+cmd,ok'
    assert lines[1] == "a,'=1+1,1"


# ------------------------------------------------------------ output folders
def test_output_folders_are_never_read_as_input(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "a.txt", BODY)
    write(root / "report" / ctio.OUTPUT_MARKER, "{}")
    write(root / "report" / "01_corpus_overview.html", "<html><p>" + BODY + "</p></html>")
    write(root / "cleaned" / "texts" / "a.txt", BODY)
    write(root / "cleaned" / ctio.OUTPUT_MARKER, "{}")
    c = ct.load_corpus(root)
    assert c.doc_ids == ["a"]
    assert skipped(c) == {
        "cleaned/": "output folder written by corpus-tools; not read as input",
        "report/": "output folder written by corpus-tools; not read as input",
    }
    with pytest.raises(CorpusLoadError, match="output folder written by corpus-tools"):
        ct.load_corpus(root / "report")
    with pytest.raises(CorpusLoadError, match="output folder written by corpus-tools"):
        ct.load_corpus([root / "cleaned", root / "a.txt"])


# ------------------------------------------------------------ fuzz
@fuzz_settings()
@tree_strategy()
def test_fuzzed_folders_keep_every_invariant(tree) -> None:
    with tempfile.TemporaryDirectory(prefix="ctfuzz") as tmp:
        base = Path(tmp)
        root, outside_secret = write_tree(base, tree)
        load_and_check(root, outside_secret)


def test_special_modes_helper_reports_kinds() -> None:
    assert io_files.kind_name(stat.S_IFIFO) == "named pipe"
    assert io_files.kind_name(stat.S_IFCHR) == "character device"
    assert io_files.kind_name(stat.S_IFSOCK) == "socket"


def test_empty_path_is_an_error_not_the_current_folder() -> None:
    with pytest.raises(CorpusLoadError, match="the path is empty"):
        ct.load_corpus("")
    with pytest.raises(CorpusLoadError, match="empty path"):
        ct.load_corpus(["", "x"])


def test_metadata_that_is_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    os.mkfifo(tmp_path / "pipe.csv")
    with pytest.raises(MetadataError, match=r"pipe.csv: not a regular file \(named pipe\)"):
        ct.load_corpus(tmp_path / "a.txt", metadata=tmp_path / "pipe.csv")
    os.mkfifo(tmp_path / "metadata.csv")
    with pytest.raises(MetadataError, match=r"metadata.csv: not a regular file \(named pipe\)"):
        ct.load_corpus(tmp_path)
