"""Session 27: quotechar= end to end (load_corpus, iter_documents, the command line) and the
unused text_column= note on a web archive."""

from __future__ import annotations

import warnings

import pytest

import corpus_tools as ct
from corpus_tools import cli

TSV = (
    "date\tsource\ttitle\ttext\n"
    "2024-03-01\tkyivpost.com\tTalks\tTalks resumed in Geneva on Friday.\n"
    '2024-03-02\tnation.africa\t"Not now" says minister\tThe minister said "not now" to reporters.\n'
    "2024-03-03\tabc.net.au\tRain\tRain fell across the state for a third day.\n"
)


def test_load_corpus_quotechar_empty_keeps_every_row(tmp_path):
    path = tmp_path / "gdelt.tsv"
    path.write_text(TSV, encoding="utf-8")
    sniffed = ct.load_corpus(path)
    assert sniffed.doc_ids == ["gdelt#1"]
    assert list(sniffed.skipped.path) == ["gdelt.tsv#row=2"]
    assert "pass quotechar=''" in sniffed.skipped.reason.iloc[0]
    corpus = ct.load_corpus(path, quotechar="")
    assert corpus.doc_ids == ["gdelt#1", "gdelt#2", "gdelt#3"] and corpus.skipped.empty
    assert corpus.docs.title.tolist()[1] == '"Not now" says minister'
    streamed = list(ct.iter_documents(path, quotechar=""))
    assert [d["doc_id"] for d in streamed] == corpus.doc_ids


def test_load_corpus_refuses_a_quotechar_that_cannot_quote(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("text\nTalks resumed.\n", encoding="utf-8")
    with pytest.raises(ct.CorpusValueError, match=r"^quotechar='ab' is not one character"):
        ct.load_corpus(path, quotechar="ab")


def test_cli_quotechar_flag_and_its_hint(tmp_path, capsys):
    path = tmp_path / "gdelt.tsv"
    path.write_text(TSV, encoding="utf-8")
    assert cli.main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Documents: 1" in out
    assert "(on the command line: --quotechar '' or --quotechar \"'\")" in out
    assert cli.main(["info", str(path), "--quotechar", ""]) == 0
    assert "Documents: 3" in capsys.readouterr().out


def test_cli_says_quotechar_did_nothing_without_a_csv(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Talks resumed in Geneva on Tuesday.\n", encoding="utf-8")
    assert cli.main(["info", str(tmp_path), "--quotechar", "'"]) == 0
    err = capsys.readouterr().err
    assert (
        'corpus-tools: warning: quotechar="\'" (--quotechar) has no effect: it is the quote '
        "character of .csv and .tsv files, and no document here came from one" in err
    )


def _warc_of_redirects() -> bytes:
    out = []
    for i in range(2):
        payload = (
            f"HTTP/1.1 301 Moved\r\nLocation: /n{i}\r\nContent-Type: text/html\r\n\r\n".encode()
        )
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example.org/{i}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        )
        out.append(head.encode() + payload + b"\r\n\r\n")
    return b"".join(out)


def test_text_column_on_a_web_archive_and_a_text_is_named_as_unused(tmp_path):
    (tmp_path / "crawl.warc").write_bytes(_warc_of_redirects())
    (tmp_path / "a.txt").write_text("Talks resumed in Geneva on Tuesday.\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(tmp_path, text_column="body")
    assert corpus.doc_ids == ["a"]
    notes = [str(w.message) for w in caught if "had no effect" in str(w.message)]
    assert notes == [
        "text_column='body' had no effect: it names a column of a table (.csv .tsv .jsonl "
        ".ndjson .json .parquet .xml .rss .atom), and every document here came from a text or "
        "HTML file (one document per file); drop it, or point load_corpus at the table."
    ]
