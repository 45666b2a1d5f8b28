"""Session 28: output paths that are files or broken links, writes cut short, broken links as input."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import cli
from corpus_tools._output import new_file, whole_file
from corpus_tools.io import to_csv_safe

ART = "Talks resumed in Geneva on Tuesday between the two delegations, officials said."


def test_a_file_where_the_folder_should_be_is_named_as_a_file(tmp_path):
    (tmp_path / "mine.csv").write_text("precious\n")
    with pytest.raises(ct.CorpusValueError) as info:
        new_file(tmp_path / "mine.csv" / "sub.csv")
    assert str(info.value) == (
        f"path={str(tmp_path / 'mine.csv' / 'sub.csv')!r}: {str(tmp_path / 'mine.csv')!r} is a "
        f"file, not a folder; give a path in a folder, e.g. {tmp_path / 'sub.csv'}."
    )
    # deeper: the first part of the path that exists is the file
    with pytest.raises(ct.CorpusValueError, match=r"'.*mine.csv' is a file, not a folder"):
        to_csv_safe(pd.DataFrame({"a": [1]}), tmp_path / "mine.csv" / "x" / "y.csv")
    with pytest.raises(ct.CorpusValueError, match=r"the folder '.*nothere' does not exist"):
        new_file(tmp_path / "nothere" / "y.csv")
    assert (tmp_path / "mine.csv").read_text() == "precious\n"


def test_a_broken_link_at_the_output_is_refused_and_replaced_only_with_overwrite(tmp_path):
    link = tmp_path / "out.csv"
    gone = tmp_path / "gone.csv"
    os.symlink(gone, link)
    with pytest.raises(ct.CorpusValueError) as info:
        to_csv_safe(pd.DataFrame({"a": [1]}), link)
    assert str(info.value) == (
        f"path={str(link)!r} is a symbolic link to {str(gone)!r}, which does not exist; give a "
        "new file name, or pass overwrite=True to replace the link (its target is not created)."
    )
    assert link.is_symlink() and not gone.exists()
    to_csv_safe(pd.DataFrame({"a": [1]}), link, overwrite=True)
    assert not link.is_symlink() and link.read_bytes() == b"a\r\n1\r\n"
    assert not gone.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_an_interrupted_write_leaves_no_file_and_keeps_the_old_one(tmp_path):
    target = tmp_path / "t.bin"
    with pytest.raises(KeyboardInterrupt), whole_file(target) as fh:
        fh.write(b"half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt), whole_file(target, overwrite=True) as fh:
        fh.write(b"new")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old" and list(tmp_path.iterdir()) == [target]
    with whole_file(target, overwrite=True, text=True) as fh:
        fh.write("né\r\n")
    assert target.read_bytes() == "né\r\n".encode()


def test_a_file_made_while_writing_is_not_replaced(tmp_path):
    target = tmp_path / "t.csv"
    with pytest.raises(ct.CorpusValueError, match="appeared while it was written"):
        with whole_file(target) as fh:
            fh.write(b"mine")
            target.write_text("theirs\n")
    assert target.read_text() == "theirs\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_fifo_or_device_is_never_replaced(tmp_path):
    fifo = tmp_path / "pipe.bin"
    os.mkfifo(fifo)
    with pytest.raises(ct.CorpusValueError, match=r"is not a regular file .*new \.bin file"):
        with whole_file(fifo, overwrite=True) as fh:
            fh.write(b"x")
    assert fifo.exists() and not fifo.is_file()


def test_a_broken_link_named_as_the_corpus_says_where_it_points(tmp_path, capsys):
    (tmp_path / "real.txt").write_text(ART + "\n")
    link = tmp_path / "news.txt"
    os.symlink(tmp_path / "moved" / "news.txt", link)
    reason = (
        f"broken symlink: it points to {str(tmp_path / 'moved' / 'news.txt')!r}, which does not "
        "exist; point at the real file, or make the link again"
    )
    with pytest.raises(ct.CorpusLoadError) as info:
        ct.load_corpus(link)
    assert str(info.value) == f"news.txt: {reason}"
    corpus = ct.load_corpus([link, tmp_path / "real.txt"])
    assert corpus.doc_ids == ["real"]
    assert corpus.skipped.values.tolist() == [["news.txt", reason]]
    assert cli.main(["info", str(link)]) == 2
    assert capsys.readouterr().err == f"corpus-tools: error: news.txt: {reason}\n"
    # found in a folder it stays the short skip reason it was
    assert ct.load_corpus(tmp_path).skipped.values.tolist() == [
        ["news.txt", "broken symlink (its target does not exist)"]
    ]


def test_an_output_inside_an_earlier_output_or_through_a_file_is_refused(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ART + "\n")
    first = tmp_path / "o1"
    assert cli.main(["clean", str(corpus), "--out", str(first)]) == 0
    capsys.readouterr()
    assert cli.main(["clean", str(corpus), "--out", str(first / "sub")]) == 2
    assert capsys.readouterr().err == (
        f"corpus-tools: error: --out {first / 'sub'}: the folder is inside {first}, an earlier "
        "corpus-tools clean output, which a run with --overwrite replaces whole; choose a "
        f"folder outside it, e.g. --out {tmp_path / 'sub'}.\n"
    )
    (tmp_path / "afile").write_text("mine\n")
    assert cli.main(["clean", str(corpus), "--out", str(tmp_path / "afile" / "x")]) == 2
    assert capsys.readouterr().err == (
        f"corpus-tools: error: --out {tmp_path / 'afile' / 'x'}: {tmp_path / 'afile'} is a "
        "file, not a folder; choose a folder path that does not go through a file.\n"
    )
    assert not (first / "sub").exists() and (tmp_path / "afile").read_text() == "mine\n"


@pytest.mark.parametrize(
    ("source", "hint"),
    [
        (pd.Series([ART]), "(for a Series of texts: series.to_frame('text'))"),
        ({"text": [ART]}, "(for a dict of columns: pandas.DataFrame(your_dict))"),
        (iter(["a.txt"]), "(for a generator or other iterable of paths: list(...) of it)"),
        ({"a.txt"}, "(for a generator or other iterable of paths: list(...) of it)"),
        (42, "DataFrame."),
    ],
)
def test_a_source_of_the_wrong_type_says_how_to_pass_it(source, hint):
    with pytest.raises(ct.CorpusValueError) as info:
        ct.load_corpus(source)
    assert str(info.value).startswith(f"source of type {type(source).__name__} is not supported")
    assert str(info.value).endswith(f"{hint}." if not hint.endswith(".") else hint)


def test_a_home_folder_path_from_python_is_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ART + "\n")
    assert ct.load_corpus("~/news").doc_ids == ["a"]
    with pytest.raises(ct.CorpusLoadError, match=r"^~/none: no such file or folder"):
        ct.load_corpus("~/none")
