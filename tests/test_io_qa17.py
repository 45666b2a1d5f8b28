"""Loader fixes from the session-17 QA list: options with no effect, forced encodings that
garble UTF-8, and titles in scripts other than Latin (QA findings S16-4, S16-5, S16-6)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning

ZH = "外交部发言人汪文斌表示，中国和俄罗斯将继续在中东问题上保持沟通。\n\n中俄双方保持密切协调。\n"
ZH_HEADLINE = (
    "中俄将继续保持沟通\n\n外交部发言人汪文斌表示，中国和俄罗斯将继续在中东问题上保持沟通。\n"
)
AR = "قال المتحدث إن المحادثات ستستمر؟\n\nوأضاف أن الجانبين سيواصلان التنسيق.\n"
EN = "Talks end in Doha\n\nThe envoys left on Tuesday.\n"


def _folder(root: Path) -> Path:
    for name, text in (
        ("a_zh.txt", ZH),
        ("b_en.txt", EN),
        ("c_ar.txt", AR),
        ("d.txt", ZH_HEADLINE),
    ):
        (root / name).write_text(text, encoding="utf-8")
    return root


def _load(*args: object, **kw: object) -> tuple[ct.Corpus, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(*args, **kw)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]


def test_titles_are_not_sentences_in_any_script(tmp_path: Path) -> None:
    corpus, notes = _load(_folder(tmp_path))
    assert notes == []
    assert corpus.docs["title"].tolist() == [None, "Talks end in Doha", None, "中俄将继续保持沟通"]
    assert corpus.docs["title_source"].tolist() == [None, "first_line", None, "first_line"]


def test_a_quoted_sentence_is_no_title(tmp_path: Path) -> None:
    (tmp_path / "q.txt").write_text('"We will stay."\n\nThe envoy spoke on Tuesday.\n')
    (tmp_path / "r.txt").write_text('"Peace at last" in Doha\n\nThe envoy spoke.\n')
    assert ct.load_corpus(tmp_path).docs["title"].tolist() == [None, '"Peace at last" in Doha']


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_forced_latin1_on_utf8_files_warns_naming_the_file(tmp_path: Path, n_jobs: int) -> None:
    corpus, notes = _load(_folder(tmp_path), encoding="latin-1", n_jobs=n_jobs)
    assert notes == [
        "a_zh.txt: the file is valid UTF-8, but encoding='latin-1' reads each byte as one "
        "character, so its non-ASCII text comes out garbled (3 such file(s) in all). Drop "
        "encoding= to detect each file's encoding, or pass encoding='utf-8'."
    ]
    assert corpus.docs["encoding"].tolist() == ["latin-1"] * 4  # what was asked is recorded
    assert "garbled" not in "".join(corpus.docs.columns)  # the marker never reaches the table
    # the right encoding, or detection, gives no warning and the real text
    for enc in ("utf-8", None):
        right, notes = _load(tmp_path, encoding=enc)
        assert notes == [] and right.docs["text"].iloc[0].startswith("外交部发言人")
    # a real Latin-1 file read as Latin-1 gives no warning either
    latin = tmp_path / "latin"
    latin.mkdir()
    (latin / "x.txt").write_bytes("Café talks end\n\nThe envoys left.\n".encode("latin-1"))
    assert _load(latin, encoding="latin-1")[1] == []


def test_forced_latin1_on_a_utf8_table_warns(tmp_path: Path) -> None:
    pd.DataFrame({"text": ["中国和俄罗斯将继续保持沟通。"]}).to_csv(tmp_path / "t.csv", index=False)
    _, notes = _load(tmp_path / "t.csv", encoding="latin-1")
    assert len(notes) == 1 and notes[0].startswith("t.csv: the file is valid UTF-8, but ")


def test_table_column_options_on_text_files_warn(tmp_path: Path, seeds_path: Path) -> None:
    _, notes = _load(seeds_path, text_column="body")
    assert notes == [
        "text_column='body' had no effect: it names a column of a table (.csv .tsv .jsonl "
        ".ndjson .json .parquet .xml .rss .atom), and every document here came from a text or "
        "HTML file (one document per file); drop it, or point load_corpus at the table."
    ]
    _, notes = _load(seeds_path, text_column="body", id_column="id")
    assert notes[0].startswith("text_column='body', id_column='id' had no effect: each names ")
    with pytest.warns(CorpusToolsWarning, match=r"^id_column='id' had no effect: it names "):
        assert len(list(ct.iter_documents(seeds_path, id_column="id"))) == 5  # streaming too
    # a table that uses them: no warning
    pd.DataFrame({"id": ["a"], "body": ["Talks ended."]}).to_csv(tmp_path / "t.csv", index=False)
    corpus, notes = _load(tmp_path / "t.csv", text_column="body", id_column="id")
    assert notes == [] and corpus.doc_ids == ["a"]


def test_a_few_stray_nul_bytes_are_removed_and_named(tmp_path: Path) -> None:
    """QA S17-3: a crawler dump with 3 NULs loads (NULs removed, warned); a binary stays out."""
    body = ("Talks end in Doha\n\n" + "The envoys left after three days of talks. " * 20).encode()
    (tmp_path / "nul.txt").write_bytes(body[:300] + b"\x00\x00\x00" + body[300:])
    (tmp_path / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 40)
    corpus, notes = _load(tmp_path)
    assert corpus.docs["raw_text"].tolist() == [body.decode()]
    assert corpus.docs["encoding"].tolist() == ["utf-8"]
    assert corpus.docs["encoding_note"].tolist() == ["NUL bytes removed: 3"]
    assert notes == [
        "nul.txt: 3 NUL byte(s) removed before reading it as text (1 such file(s) in all; "
        "docs.encoding_note says how many each). Check the file, or strip them yourself: "
        "tr -d '\\000' < file > new_file."
    ]
    assert corpus.skipped["reason"].tolist() == [
        "binary content (NUL bytes in the first 8 KB, more than 1 % of the file); not a text "
        "file (if it is text, strip the NUL bytes: tr -d '\\000' < file > new_file)"
    ]


def test_spreadsheets_and_repeated_paths(tmp_path: Path) -> None:
    """QA S17-7: a spreadsheet's reason says to save it as CSV; S17-8: a file named twice in a
    list is loaded once, with a warning."""
    (tmp_path / "d.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    corpus, notes = _load(tmp_path)
    assert corpus.skipped.values.tolist() == [
        [
            "d.xlsx",
            "unsupported extension .xlsx; save it as CSV (UTF-8), one article per row, "
            "and load that",
        ]
    ]
    a = tmp_path / "a.txt"
    corpus, notes = _load([a, a, tmp_path])
    assert corpus.doc_ids == ["a"] and len(corpus.skipped) == 1
    assert notes == [
        "a.txt: named more than once in the list of paths (directly or inside a listed folder); "
        "each file is loaded once."
    ]


def test_a_page_with_an_unclosed_title_is_extracted(tmp_path: Path) -> None:
    """QA S17-6: two real L3S-GN1 pages lost their ``</title>`` to the crawler; every parser
    then read the whole page as its title and the article was skipped."""
    body = " ".join(f"Envoys met in Doha on day {i} and agreed to keep talking." for i in range(12))
    page = (
        "<html><head><title>Talks go on in Doha (The Daily)ntById('font');\n"
        "function goPrint() { window.open('/print'); }\n</script></head>\n"
        f"<body><div id='menu'><a href='/'>Home</a></div><article><h1>Talks go on</h1>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )
    (tmp_path / "cut.html").write_text(page, encoding="utf-8")
    corpus, notes = _load(tmp_path)
    assert corpus.skipped.empty and notes == []
    assert corpus.docs["title"].tolist() == ["Talks go on"]
    assert body in corpus.docs["text"].iloc[0]
