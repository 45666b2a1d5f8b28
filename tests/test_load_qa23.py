"""Session 23 loading gaps: a dump record's own Source: line against outlet_from='folder',
the fixes in the empty/blank skip reasons, the folder warning of iter_documents, and the
output folder beside a one-file corpus."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools import cli
from corpus_tools.errors import CorpusToolsWarning

BODY = (
    "The minister said on Tuesday that the council would review funding for regional "
    "hospitals after a report found waiting times had risen in most districts.\n\n"
    "Officials said the review would take six weeks and report to parliament.\n"
)


def _record(i: int, source: str | None) -> str:
    head = f"==========\nURL: https://news.example.org/story-{i}\nTitle: Council story {i}\n"
    if source:
        head += f"Source: {source}\n"
    return head + f"Date: 2024-01-1{i}\n\n" + BODY.replace("six", f"{i + 2}")


def _caught(fn, *args, **kw):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        out = fn(*args, **kw)
        if not isinstance(out, ct.Corpus):
            out = list(out)
    return out, [str(w.message) for w in got if issubclass(w.category, CorpusToolsWarning)]


def test_a_records_own_source_line_wins_over_its_folder(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "dump.txt").write_text(
        "".join(_record(i, "Reuters" if i == 1 else None) for i in range(4)), encoding="utf-8"
    )
    (tmp_path / "bbc").mkdir()
    (tmp_path / "bbc" / "a.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    corpus, said = _caught(ct.load_corpus, tmp_path, outlet_from="folder", split="records")
    got = corpus.docs[["doc_id", "outlet", "outlet_source"]].values.tolist()
    assert got == [
        ["bbc/a", "bbc", "folder"],
        ["feeds/dump#1", "feeds", "folder"],
        ["feeds/dump#2", "Reuters", "record_header"],
        ["feeds/dump#3", "feeds", "folder"],
        ["feeds/dump#4", "feeds", "folder"],
    ]
    assert [s for s in said if "own 'Source:' line" in s] == [
        "outlet_from='folder': 1 record(s) of crawler dumps keep the outlet of their own "
        "'Source:' line, not their folder (feeds/dump.txt#record=2 ('Reuters', folder "
        "'feeds')); to group them by folder anyway, name the dump's outlet in a metadata.csv "
        "(columns file,outlet: one row for the dump file sets all its records)."
    ]
    # the fix the warning names: one metadata row for the dump file sets all its records
    (tmp_path / "metadata.csv").write_text("file,outlet\nfeeds/dump.txt,feeds\n", encoding="utf-8")
    fixed, _ = _caught(ct.load_corpus, tmp_path, outlet_from="folder", split="records")
    assert fixed.docs["outlet"].tolist() == ["bbc"] + ["feeds"] * 4


def test_empty_and_blank_files_say_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    corpus = ct.load_corpus(tmp_path)
    assert dict(corpus.skipped.values.tolist()) == {
        "blank.txt": "whitespace only (no text, only spaces or line breaks); nothing to load: "
        "save or download the article's text into it again, or delete it",
        "empty.txt": "empty file (0 bytes); nothing to load: save or download the article's "
        "text into it again, or delete it",
    }


def test_iter_documents_warns_about_folders_like_load_corpus(tmp_path: Path) -> None:
    for outlet in ("bbc", "cnn"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "a.txt").write_text(f"{outlet} story\n\n" + BODY, encoding="utf-8")
    _, loaded = _caught(ct.load_corpus, tmp_path)
    docs, streamed = _caught(ct.iter_documents, tmp_path)
    assert len(docs) == 2
    note = [s for s in streamed if s.startswith("no document has an outlet")]
    assert note == [s for s in loaded if s.startswith("no document has an outlet")]
    assert note and "bbc (1), cnn (1)" in note[0] and "outlet_from='folder'" in note[0]
    # asked for folders: no such warning; a corpus with an outlet: none either
    _, asked = _caught(ct.iter_documents, tmp_path, outlet_from="folder")
    assert not [s for s in asked if s.startswith("no document has an outlet")]
    (tmp_path / "metadata.csv").write_text("file,outlet\nbbc/a.txt,BBC\n", encoding="utf-8")
    _, named = _caught(ct.iter_documents, tmp_path)
    assert not [s for s in named if s.startswith("no document has an outlet")]


def test_report_folder_beside_a_one_file_corpus_is_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "news.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    (data / "notes.txt").write_text("my own notes\n", encoding="utf-8")
    assert cli.main(["clean", str(data / "news.txt"), "--out", str(data / "cleaned")]) == 0
    assert (data / "cleaned" / "documents.csv").is_file()
    capsys.readouterr()
    file = data / "news.txt"
    assert cli.main(["clean", str(file), "--out", str(file)]) == 2
    assert capsys.readouterr().err == (
        f"corpus-tools: error: --out {file}: the output folder is the corpus file {file}; the "
        f"package never writes into its input. Choose a folder outside it, e.g. --out "
        f"{data / 'news-clean'}.\n"
    )
    for bad in (data, tmp_path):
        assert cli.main(["clean", str(file), "--out", str(bad)]) == 2
        err = capsys.readouterr().err
        assert f"the output folder contains the corpus file {file};" in err, err
    assert (data / "news.txt").read_text(encoding="utf-8").startswith("Talks end")
    assert (data / "notes.txt").read_text(encoding="utf-8") == "my own notes\n"


def test_ctrl_c_during_a_report_prints_one_line_and_no_task_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report interrupted while a notebook ran printed 'corpus-tools: interrupted' and then
    asyncio's 'Task exception was never retrieved' with a DeadKernelError traceback (the
    kernel got the Ctrl-C too), once the failed cell task was collected at exit."""
    import asyncio
    import gc
    import logging

    monkeypatch.setattr(logging.getLogger("asyncio"), "disabled", False)
    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    handler = Keep()
    logging.getLogger("asyncio").addHandler(handler)

    def interrupted_run(args):  # type: ignore[no-untyped-def]
        async def cell() -> None:
            raise RuntimeError("Kernel died")

        loop = asyncio.new_event_loop()
        task = loop.create_task(cell())
        loop.run_until_complete(asyncio.sleep(0.01))
        assert task.done()
        loop.close()
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_cmd_info", interrupted_run)
    (tmp_path / "a.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    try:
        assert cli.main(["info", str(tmp_path)]) == 130
        gc.collect()  # the failed task is collected: asyncio would log it now
    finally:
        logging.getLogger("asyncio").removeHandler(handler)
    assert capsys.readouterr().err == "corpus-tools: interrupted\n"
    assert seen == []


def test_excel_sep_line_gives_the_delimiter(tmp_path: Path) -> None:
    """Excel's 'sep=;' first line was read as the header: 'no text column; columns found:
    ['sep=', 'Unnamed: 1']'. It names the delimiter; line numbers stay the file's."""
    rows = (
        'sep=;\r\ntitle;text;date\r\nTalks end;"The envoys left; talks ended.";2023-10-19\r\n'
        'Rates rise;"The bank raised rates.";2023-10-20\r\nBroken;"unclosed;2023-10-21\r\n'
    )
    (tmp_path / "export.csv").write_bytes(b"\xef\xbb\xbf" + rows.encode("utf-8"))
    corpus, _ = _caught(ct.load_corpus, tmp_path)
    assert corpus.docs["text"].tolist() == [
        "The envoys left; talks ended.",
        "The bank raised rates.",
    ]
    assert corpus.docs["title"].tolist() == ["Talks end", "Rates rise"]
    reason = corpus.skipped["reason"].tolist()
    assert len(reason) == 1 and "unbalanced quote on line 5" in reason[0], reason


def test_date_column_hint_quotes_the_name_only_when_the_shell_needs_it(tmp_path: Path) -> None:
    """A VietnamNet export (Vlus06/VietOnlineNews) names its dates 'public_date': the hint said
    --date-column 'public_date' (Python's quotes); now as a shell needs it."""
    (tmp_path / "vn.csv").write_text(
        "id,source,title,description,public_date\n"
        "152609,VietnamNet,Giá nhà tăng,Giá nhà trung bình ở Việt Nam hiện cao gấp 23 lần thu "
        "nhập.,2024-05-14 10:10:38\n"
        "152610,VietnamNet,Luật mới,Luật Nhà ở 2023 thông qua với nhiều quy định mới.,"
        "2024-05-15 08:00:00\n",
        encoding="utf-8",
    )
    corpus, said = _caught(ct.load_corpus, tmp_path, text_column="description")
    assert len(corpus.docs) == 2
    hint = [s for s in said if "column 'public_date' holds dates" in s]
    assert len(hint) == 1 and "(command line: --date-column public_date)" in hint[0], said


def test_a_json_file_of_json_lines_says_rename_it(tmp_path: Path) -> None:
    """'bad JSON (line 2: Extra data)' gave no fix for the common .json-named JSON Lines file."""
    (tmp_path / "a.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    (tmp_path / "lines.json").write_text(
        '{"text": "The envoys left the city."}\n\n{"text": "Shares fell again."}\n',
        encoding="utf-8",
    )
    (tmp_path / "broken.json").write_text('{"text": "a",}\n', encoding="utf-8")
    corpus, _ = _caught(ct.load_corpus, tmp_path)
    assert dict(corpus.skipped.values.tolist()) == {
        "broken.json": "bad JSON (line 1, column 14: Expecting property name enclosed in double "
        "quotes); a comma stands before }, which JSON does not allow: remove it",
        "lines.json": "bad JSON (line 3, column 1: Extra data); the file holds one JSON object per line "
        "(JSON Lines): rename it to end in .jsonl",
    }


def test_a_csv_without_a_header_line_says_add_one(tmp_path: Path) -> None:
    """A CSV of texts without a header line: the first text was taken for a column name and
    the fix offered was text_column='The envoys left the city after two days of talks.'."""
    (tmp_path / "a.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    (tmp_path / "texts.csv").write_text(
        "The envoys left the city after two days of talks.\n"
        "Shares fell for a third day as investors weighed new rates.\n",
        encoding="utf-8",
    )
    corpus, _ = _caught(ct.load_corpus, tmp_path)
    assert corpus.skipped.values.tolist() == [
        [
            "texts.csv",
            "texts.csv: no text column; the first line reads like data, not column names "
            "(column 1 is 'The envoys left the city after two days of talks.'), so the table "
            "seems to have no header line: add a first line naming the columns (e.g. text), "
            "or for a DataFrame read it with header=None and names=[...]",
        ]
    ]


def test_a_symlink_loop_named_as_the_corpus_is_one_plain_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'corpus-tools info a.txt' with a.txt -> b.txt -> a.txt was an internal error
    (RuntimeError: Symlink loop from ...); a list of paths said 'changed into a symlink since
    it was found', which is not what happened."""
    (tmp_path / "ok.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "self").symlink_to("self")
    loop = "symlink loop (the link leads back to itself); not followed: point at the real file"
    for name in ("a.txt", "self"):
        assert cli.main(["info", str(tmp_path / name)]) == 2
        assert capsys.readouterr().err == f"corpus-tools: error: {name}: {loop}\n"
    corpus = ct.load_corpus([tmp_path / "a.txt", tmp_path / "ok.txt"])
    assert corpus.skipped.values.tolist() == [["a.txt", loop]]
    assert corpus.doc_ids == ["ok"]
    assert cli.main(["clean", str(tmp_path / "a.txt"), "--out", str(tmp_path.parent / "c")]) == 2
    assert capsys.readouterr().err == f"corpus-tools: error: a.txt: {loop}\n"


def test_a_document_too_long_to_be_an_article_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 200 MB file on one line loaded as one 'article' of 33 million words without a word;
    now a warning names it (the limit lowered here to keep the test small)."""
    from corpus_tools.io import load

    monkeypatch.setattr(load, "HUGE_CHARS", 50_000)
    (tmp_path / "a.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    (tmp_path / "crawl.txt").write_text(BODY.replace("\n", " ") * 300, encoding="utf-8")
    corpus, said = _caught(ct.load_corpus, tmp_path)
    assert len(corpus.docs) == 2
    huge = [s for s in said if "characters after cleaning" in s]
    assert len(huge) == 1
    assert huge[0].startswith("1 document(s) of over 50,000 characters after cleaning: crawl.txt (")
    assert "Split it into one article per file" in huge[0]
