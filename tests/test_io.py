"""Tests for corpus_tools.io: every hostile input loads or is skipped with a clear reason."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import template_corpus

import corpus_tools as ct
import corpus_tools.io as ctio
import corpus_tools.io.dates as io_dates
import corpus_tools.io.limits as io_limits
import corpus_tools.io.load as io_load
import corpus_tools.io.readers as io_readers
from corpus_tools.errors import CorpusLoadError, CorpusToolsWarning, CorpusValueError, MetadataError
from corpus_tools.io.decode import EMPTY_REASON

HTML_DIR = Path(__file__).resolve().parent / "data" / "io" / "html"
BODY = "Talks ended without a deal on Tuesday, officials said.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def files_found(corpus: ct.Corpus) -> list[str]:
    """The accounted-for inputs: loaded file paths + skipped paths (file-level)."""
    loaded = corpus.docs["path"].dropna().unique().tolist()
    return sorted(set(loaded) | {p.split("#")[0] for p in corpus.skipped["path"]})


# ------------------------------------------------------------------ decoding
@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Café déjà vu".encode(), "Café déjà vu", "utf-8"),
        (codecs.BOM_UTF8 + "Café".encode(), "Café", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Zoë said “no”".encode("utf-16-le"), "Zoë said “no”", "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Zoë said “no”".encode("utf-16-be"), "Zoë said “no”", "utf-16-be"),
        (
            "José Müller – naïve “quoted” résumé".encode("cp1252"),
            "José Müller – naïve “quoted” résumé",
            "cp1252",
        ),
        (
            "Zoë and Renée visited Málaga.".encode("latin-1"),
            "Zoë and Renée visited Málaga.",
            "cp1252",
        ),
        (b"Caf\xe9", "Café", "cp1252"),
        (
            "Zażółć gęślą jaźń – polski tekst.".encode("cp1250"),
            "Zażółć gęślą jaźń – polski tekst.",
            "cp1250",
        ),
        (
            "Привет, как дела? Это тест кириллицы в файле.".encode("cp1251"),
            "Привет, как дела? Это тест кириллицы в файле.",
            "cp1251",
        ),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert ctio.decode_bytes(data) == (text, encoding)


def test_decode_bytes_forced_encoding() -> None:
    assert ctio.decode_bytes("Zoë".encode("latin-1"), "latin-1") == ("Zoë", "latin-1")


# ------------------------------------------------------- hostile folder, reasons
@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root / "a_utf8.txt", "Envoys meet in Doha\n\n" + BODY)
    write(root / "b_bom.txt", codecs.BOM_UTF8 + BODY.encode())
    write(root / "c_utf16le.txt", codecs.BOM_UTF16_LE + ("Zoë: " + BODY).encode("utf-16-le"))
    write(root / "d_utf16be.txt", codecs.BOM_UTF16_BE + ("Zoë: " + BODY).encode("utf-16-be"))
    write(root / "e_cp1252.txt", ("José Müller – “naïve” " + BODY).encode("cp1252"))
    write(root / "f_latin1.txt", ("Renée Núñez " + BODY).encode("latin-1"))
    write(root / "g_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(root / "h_nul_late.txt", b"x" * 9000 + b"\x00" * 200 + b"tail")  # > 1 % NUL
    write(root / "i_empty.txt", b"")
    write(root / "j_space.txt", " \n\t\n  \r\n")
    write(root / "k_report.pdf", b"%PDF-1.4 fake")
    write(root / "l_gz.txt.gz", gzip.compress(("Compressed story. " + BODY).encode()))
    write(root / "m_badgz.txt.gz", b"this is not gzip")
    write(root / "sub" / "deeper" / "n_nested.md", "# Nested\n\n" + BODY)
    write(root / "sub" / "-dash name é.txt", "Leading dash and space. " + BODY)
    write(root / "script.txt", "<script>alert('x')</script> is literal text here.\n")
    write(root / ".DS_Store", b"\x00\x01")
    write(root / ".git" / "config", "[core]\n")
    return root


EXPECTED_SKIPS = {
    ".DS_Store": "hidden file; not loaded",
    ".git/": "hidden folder; not searched",
    "g_binary.txt": "binary content (NUL bytes in the first 8 KB, more than 1 % of the file); not a text file "
    "(if it is text, strip the NUL bytes: tr -d '\\000' < file > new_file)",
    "h_nul_late.txt": "NUL byte at byte 9000 and more than 1 % of the file; not a plain text "
    "file (strip the NUL bytes: tr -d '\\000' < file > new_file, or re-save it as UTF-8 text)",
    "i_empty.txt": "empty file (0 bytes); nothing to load: save or download the article's "
    "text into it again, or delete it",
    "j_space.txt": "whitespace only (no text, only spaces or line breaks); nothing to load: "
    "save or download the article's text into it again, or delete it",
    "k_report.pdf": "unsupported extension .pdf; convert it to .txt first",
}


def test_hostile_folder_reasons(hostile: Path) -> None:
    c = ct.load_corpus(hostile)
    got = dict(zip(c.skipped["path"], c.skipped["reason"], strict=False))
    assert got.pop("m_badgz.txt.gz").startswith("not a valid gzip file")
    assert got == EXPECTED_SKIPS


def test_hostile_folder_docs(hostile: Path) -> None:
    c = ct.load_corpus(hostile)
    docs = c.docs.set_index("doc_id")
    assert docs.index.tolist() == [
        "a_utf8",
        "b_bom",
        "c_utf16le",
        "d_utf16be",
        "e_cp1252",
        "f_latin1",
        "l_gz",
        "script",
        "sub/-dash name é",
        "sub/deeper/n_nested",
    ]
    assert docs.loc["b_bom", "encoding"] == "utf-8-sig"
    assert docs.loc["b_bom", "raw_text"] == BODY  # BOM is an encoding artefact, not text
    assert docs.loc["c_utf16le", "raw_text"] == "Zoë: " + BODY
    assert docs.loc["d_utf16be", "encoding"] == "utf-16-be"
    assert docs.loc["e_cp1252", "raw_text"].startswith("José Müller – “naïve”")
    assert docs.loc["f_latin1", "raw_text"].startswith("Renée Núñez")
    assert docs.loc["l_gz", "path"] == "l_gz.txt.gz"
    assert docs.loc["script", "raw_text"] == "<script>alert('x')</script> is literal text here.\n"
    assert docs.loc["a_utf8", "title"] == "Envoys meet in Doha"
    assert docs.loc["a_utf8", "text"].startswith("Envoys meet in Doha")  # title kept in text
    assert not any(os.path.isabs(p) for p in c.docs["path"])
    assert str(hostile) not in c.docs.to_csv() + c.skipped.to_csv()


def test_every_file_accounted_for(hostile: Path) -> None:
    c = ct.load_corpus(hostile)
    on_disk = []
    for dirpath, _dirnames, filenames in os.walk(hostile):
        rel = Path(dirpath).relative_to(hostile).as_posix()
        if rel.startswith(".git"):
            continue
        on_disk += [(f"{rel}/{f}" if rel != "." else f) for f in filenames]
    assert files_found(c) == sorted(on_disk + [".git/"])
    assert len(c.docs) + len(c.skipped) == len(on_disk) + 1


def test_gzip_bomb_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io_limits, "MAX_DECOMPRESSED_BYTES", 1024 * 1024)
    write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * (3 * 1024 * 1024)))
    write(tmp_path / "ok.txt", BODY)
    c = ct.load_corpus(tmp_path)
    assert c.skipped.values.tolist() == [
        [
            "bomb.txt.gz",
            "gzip too large when decompressed (> 1 MB limit); decompress and split it first",
        ]
    ]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "ok.txt", BODY)
    write(tmp_path / "locked.txt", BODY)
    real = os.open

    # what chmod 000 does to a file (the tests may run as root, who can read it anyway)
    def fake(path, flags, mode=0o777, *, dir_fd=None):
        if os.fsdecode(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", fake)
    c = ct.load_corpus(tmp_path)
    assert c.skipped.values.tolist() == [
        ["locked.txt", "unreadable (permission denied); check the file permissions"]
    ]


# ------------------------------------------------------------------ symlinks
def test_symlinks(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt", "Outside text. " + BODY)
    root = tmp_path / "corpus"
    write(root / "real" / "story.txt", BODY)
    (root / "to_outside.txt").symlink_to(outside)
    (root / "outside_dir").symlink_to(outside.parent, target_is_directory=True)
    (root / "inside_link.txt").symlink_to(root / "real" / "story.txt")
    (root / "loop_a.txt").symlink_to(root / "loop_b.txt")
    (root / "loop_b.txt").symlink_to(root / "loop_a.txt")
    (root / "real" / "up").symlink_to(root, target_is_directory=True)
    (root / "broken.txt").symlink_to(root / "missing.txt")
    c = ct.load_corpus(root)
    assert dict(zip(c.skipped["path"], c.skipped["reason"], strict=False)) == {
        "broken.txt": "broken symlink (its target does not exist)",
        "loop_a.txt": "symlink loop; not followed",
        "loop_b.txt": "symlink loop; not followed",
        "outside_dir/": "symlink points outside the corpus folder; not followed",
        "real/up/": "symlink loop (points to a folder that contains it); not followed",
        "to_outside.txt": "symlink points outside the corpus folder; not followed",
    }
    assert c.docs["doc_id"].tolist() == ["inside_link", "real/story"]
    assert c.docs["duplicate_of"].tolist() == [None, "inside_link"]
    assert "Outside text" not in "".join(c.docs["text"])


# -------------------------------------------------------------- determinism
def test_order_and_location_independent(tmp_path: Path) -> None:
    a = tmp_path / "one" / "corpus"
    for name in ["b.txt", "a.txt", "z/c.txt", "Ä.txt"]:
        write(a / name, f"{name} says hello. " + BODY)
    b = tmp_path / "two" / "deeper" / "corpus"
    shutil.copytree(a, b)
    ca, cb = ct.load_corpus(a), ct.load_corpus(b)
    pd.testing.assert_frame_equal(ca.docs, cb.docs)
    assert ca.doc_ids == ["a", "b", "z/c", "Ä"]
    files = [a / "z" / "c.txt", a / "b.txt", a / "a.txt"]
    c1, c2 = ct.load_corpus(files), ct.load_corpus(list(reversed(files)))
    pd.testing.assert_frame_equal(c1.docs, c2.docs)
    assert c1.doc_ids == ["a", "b", "z/c"]
    assert c1.root == "corpus"


def test_doc_id_collision_is_disambiguated(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "First. " + BODY)
    write(tmp_path / "a.md", "Second. " + BODY)
    with pytest.warns(CorpusToolsWarning, match="occurs more than once"):
        c = ct.load_corpus(tmp_path)
    assert c.doc_ids == ["a", "a.txt"]
    assert c.docs["source"].tolist() == ["a.md", "a.txt"]


# ----------------------------------------------------------------- errors
def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusLoadError, match="no such file or folder"):
        ct.load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusLoadError, match="contains no files"):
        ct.load_corpus(tmp_path)
    with pytest.raises(CorpusLoadError, match="empty"):
        ct.load_corpus([])
    with pytest.raises(CorpusValueError, match="not supported"):
        ct.load_corpus(42)


def test_single_bad_file_raises_with_reason(tmp_path: Path) -> None:
    p = write(tmp_path / "empty.txt", b"")
    with pytest.raises(CorpusLoadError, match="empty.txt: empty file"):
        ct.load_corpus(p)


# ------------------------------------------------------------------ tables
def test_csv_with_metadata_columns(tmp_path: Path) -> None:
    p = write(
        tmp_path / "news.csv",
        "id,headline,body,publisher,date,section\n"
        "x1,Fund agreed,Ministers agreed on a fund.,Gazette,2024-03-12,=HYPERLINK(1)\n"
        "x2,Strike ends,,Post,2024-06,Business\n"
        'x3,Storm,"Trains were cancelled,\nschools closed.",Courier,2024,Weather\n',
    )
    c = ct.load_corpus(p)
    d = c.docs
    assert d["doc_id"].tolist() == ["x1", "x3"]
    assert d["source"].tolist() == ["news.csv#row=1", "news.csv#row=3"]
    assert d["title"].tolist() == ["Fund agreed", "Storm"]
    assert d["outlet"].tolist() == ["Gazette", "Courier"]
    assert d["published"].tolist() == [pd.Timestamp("2024-03-12"), pd.Timestamp("2024-01-01")]
    assert d["date_precision"].tolist() == ["day", "year"]
    assert d["section"].tolist() == ["=HYPERLINK(1)", "Weather"]  # data kept as text
    assert d["format"].tolist() == ["csv", "csv"]
    assert c.skipped.values.tolist() == [
        [
            "news.csv#row=2",
            "CSV row 2: missing text; the row has 'headline': pass text_column='headline' to "
            "analyse headlines",
        ]
    ]


@pytest.mark.parametrize(
    ("content", "text_column", "message"),
    [
        ("a,b\n1,2\n", None, "news.csv: no text column; columns found: ['a', 'b']"),
        (
            "a,b\n1,2\n",
            "story",
            "news.csv: no column 'story' for the text; columns found: ['a', 'b']",
        ),
        ('text,outlet\n"unclosed quote,X\nmore,Y\n', None, "CSV could not be parsed"),
    ],
)
def test_broken_csv(tmp_path: Path, content: str, text_column: str | None, message: str) -> None:
    p = write(tmp_path / "news.csv", content)
    with pytest.raises(CorpusLoadError, match=message.replace("[", r"\[").replace("(", r"\(")):
        ct.load_corpus(p, text_column=text_column)
    write(tmp_path / "ok.txt", BODY)  # in a folder, the same file is skipped, not fatal
    c = ct.load_corpus(tmp_path, text_column=text_column)
    assert c.skipped["path"].tolist() == ["news.csv"]
    assert message in c.skipped["reason"].iloc[0]


def test_tsv_and_semicolon_csv(tmp_path: Path) -> None:
    write(tmp_path / "a.tsv", "text\toutlet\nOne story.\tA\n")
    write(tmp_path / "b.csv", "text;outlet\nTwo, with a comma.;B\n")
    c = ct.load_corpus(tmp_path)
    assert c.docs[["doc_id", "text", "outlet"]].values.tolist() == [
        ["a#1", "One story.", "A"],
        ["b#1", "Two, with a comma.", "B"],
    ]


def test_jsonl_with_one_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First story.", "outlet": "A"}),
        "{not json",
        "",
        json.dumps({"text": "Third story.", "outlet": "B", "tags": ["x"]}),
        "[1, 2]",
    ]
    p = write(tmp_path / "feed.jsonl.gz", gzip.compress("\n".join(lines).encode()))
    c = ct.load_corpus(p)
    assert c.docs[["doc_id", "source", "outlet"]].values.tolist() == [
        ["feed#1", "feed.jsonl.gz#line=1", "A"],
        ["feed#4", "feed.jsonl.gz#line=4", "B"],
    ]
    assert c.skipped.values.tolist() == [
        [
            "feed.jsonl.gz#line=2",
            "bad JSON on line 2: Expecting property name enclosed in double quotes",
        ],
        ["feed.jsonl.gz#line=5", "line 5 is a JSON list, not an object"],
    ]


def test_json_list_and_parquet(tmp_path: Path) -> None:
    write(tmp_path / "a.json", json.dumps([{"content": "Json story.", "uuid": "u1"}]))
    pd.DataFrame(
        {
            "text": ["Parquet story.", "Second."],
            "published": ["2023-10-19", None],
            "outlet": ["P", "P"],
        }
    ).to_parquet(tmp_path / "b.parquet")
    c = ct.load_corpus(tmp_path)
    assert c.doc_ids == ["u1", "b#1", "b#2"]
    assert c.docs["format"].tolist() == ["json", "parquet", "parquet"]
    assert c.docs["published"].isna().tolist() == [True, False, True]


def test_dataframe_source() -> None:
    df = pd.DataFrame(
        {
            "article_id": ["k2", "k1"],
            "full_text": ["B text.", "A text."],
            "published": ["October 19, 2023", "2023-10"],
            "votes": [3, 4],
        }
    )
    c = ct.load_corpus(df)
    assert c.doc_ids == ["k2", "k1"]  # row order kept
    assert c.docs["published"].tolist() == [pd.Timestamp("2023-10-19"), pd.Timestamp("2023-10-01")]
    assert c.docs["date_precision"].tolist() == ["day", "month"]
    assert c.docs["votes"].tolist() == [3, 4]
    assert c.docs["path"].isna().all()
    with pytest.raises(CorpusValueError, match="no text column"):
        ct.load_corpus(pd.DataFrame({"a": [1]}))


def test_table_date_error_names_row() -> None:
    df = pd.DataFrame({"text": ["A.", "B."], "date": ["2023-10-19", "next Tuesdayish"]})
    with pytest.raises(
        MetadataError,
        match=r"DataFrame row 2, column 'date': cannot parse the "
        r"date 'next Tuesdayish'",
    ):
        ct.load_corpus(df)


# ---------------------------------------------------------------- metadata
@pytest.mark.parametrize(
    ("value", "timestamp", "precision"),
    [
        ("2023-10-19", "2023-10-19", "day"),
        ("2023-10", "2023-10-01", "month"),
        ("2023", "2023-01-01", "year"),
        ("October 19, 2023", "2023-10-19", "day"),
        ("October 2023", "2023-10-01", "month"),
        ("19 Oct 2023", "2023-10-19", "day"),
        ("2023-10-19T10:30:00+02:00", "2023-10-19 08:30:00", "time"),
    ],
)
def test_parse_date(value: str, timestamp: str, precision: str) -> None:
    assert io_dates.parse_date(value, where="m.csv", row=1, column="published") == (
        pd.Timestamp(timestamp),
        precision,
    )


def test_sidecar_join(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "sub" / "b.txt", "Other. " + BODY)
    write(
        tmp_path / "metadata.csv",
        "file,outlet,published,date_precision,desk\n"
        "a.txt,Gazette,2023-10-19,week,World\n"
        "sub/b.txt,Post,2023-10,,\n",
    )
    c = ct.load_corpus(tmp_path)
    assert c.skipped.empty  # the sidecar is not a document and not a skipped file
    assert c.docs[["doc_id", "outlet", "date_precision", "desk"]].values.tolist()[0] == [
        "a",
        "Gazette",
        "week",
        "World",
    ]
    assert c.docs["date_precision"].tolist() == ["week", "month"]
    assert str(c.docs["published"].dtype) == "datetime64[ns]"
    no_meta = ct.load_corpus(tmp_path, metadata=False)
    assert no_meta.docs["outlet"].isna().all()


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        (
            "file,outlet\na.txt,X\nmissing.txt,Y\n",
            "metadata.csv row 2, column 'file': 'missing.txt' names no loaded document",
        ),
        (
            "file,published\na.txt,Octobre the 19th\n",
            "metadata.csv row 1, column 'published': cannot parse the date 'Octobre the 19th'",
        ),
        (
            "file,date_precision\na.txt,fortnight\n",
            "metadata.csv row 1, column 'date_precision': 'fortnight' is not one of",
        ),
        ("name,outlet\na.txt,X\n", "metadata.csv: no key column; add a column 'file'"),
        ("file,text\na.txt,X\n", "metadata.csv: column 'text' is reserved"),
    ],
)
def test_sidecar_errors(tmp_path: Path, sidecar: str, message: str) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "metadata.csv", sidecar)
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(tmp_path)
    assert message in str(err.value)


def test_metadata_json_and_dataframe(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "metadata.json", json.dumps({"a.txt": {"outlet": "J"}}))
    assert ct.load_corpus(tmp_path).docs["outlet"].tolist() == ["J"]
    meta = pd.DataFrame({"doc_id": ["a"], "outlet": ["D"]})
    assert ct.load_corpus(tmp_path, metadata=meta).docs["outlet"].tolist() == ["D"]


# -------------------------------------------------------------- duplicates
# ------------------------------------------------------------- cleaning hook
def test_cleaning_log_gets_doc_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_clean(raw: str, *, rules: object = None, **kw: object) -> tuple[str, list[dict]]:
        cut = raw.index("\n") + 1
        return raw[cut:], [
            {
                "line_no": 0,
                "start": 0,
                "end": cut,
                "rule": "first_line",
                "text": raw[:cut],
                "replacement": "",
                "category": "test",
            }
        ]

    monkeypatch.setattr(io_load, "clean_text", fake_clean)
    write(tmp_path / "a.txt", "Share this\n" + BODY)
    write(tmp_path / "b.txt", "Share this\n")
    c = ct.load_corpus(tmp_path)
    assert c.cleaning_log.columns.tolist() == [
        "doc_id",
        "line_no",
        "start",
        "end",
        "rule",
        "text",
        "replacement",
        "category",
    ]
    assert c.cleaning_log["doc_id"].tolist() == ["a", "b"]
    assert c.docs["empty_after_cleaning"].tolist() == [False, True]
    assert c.docs["n_cleaning_edits"].tolist() == [1, 1]
    assert ct.reconstruct(c, "a") == c.raw("a")
    raw = ct.load_corpus(tmp_path, clean=False)
    assert raw.cleaning_log.empty and raw.text("a") == "Share this\n" + BODY


# --------------------------------------------------------------------- html
def test_html_extraction() -> None:
    expected = json.loads((HTML_DIR / "expected.json").read_text(encoding="utf-8"))
    c = ct.load_corpus(sorted(HTML_DIR.glob("*.html")))
    assert c.skipped.empty
    for _, row in c.docs.iterrows():
        exp = expected[row["path"]]
        assert row["title"] == exp["title"]
        assert row["format"] == "html"
        flat = " ".join(row["raw_text"].replace("\u201c", '"').replace("\u201d", '"').split())
        for para in exp["body"]:
            assert para in flat
        for bad in exp["forbidden"]:
            assert bad not in row["raw_text"]
        assert "\n\n" in row["raw_text"]  # blocks become paragraphs


def test_html_without_text_is_skipped(tmp_path: Path) -> None:
    write(
        tmp_path / "empty.html",
        "<html><head><title>Log in</title><script>var a = 1;</script></head><body><nav>"
        "<a href=/>Home</a> <a href=/w>World</a></nav><div id=app></div>"
        "<footer>(c) 2024</footer></body></html>",
    )
    write(tmp_path / "ok.txt", BODY)
    c = ct.load_corpus(tmp_path)
    assert c.skipped.values.tolist() == [
        ["empty.html", "HTML page with no extractable article text"]
    ]


# ---------------------------------------------------------------- titles
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Envoys meet in Doha\n\nBody text here.", "Envoys meet in Doha"),
        ("\n\n  Envoys meet in Doha  \nBody.", "Envoys meet in Doha"),
        ("Russia said on Thursday it was coordinating policy.\n\nMore.", None),
        ("Only one line", None),
        ("Read this:\nBody.", None),
        (" ".join(["word"] * 30) + "\nBody.", None),
    ],
)
def test_first_line_title(text: str, title: str | None) -> None:
    assert io_readers.first_line_title(text) == title


# ------------------------------------------------------------------ scale
def test_single_4mb_line_loads(tmp_path: Path) -> None:
    line = " ".join(f"w{i % 9973}" for i in range(700_000)) + "\n"  # ~4 MB, one line
    assert len(line) > 4_000_000
    write(tmp_path / "big.txt", line)
    c = ct.load_corpus(tmp_path)
    assert c.docs["raw_text"].str.len().tolist() == [len(line)]
    assert c.docs["title"].tolist() == [None]
    assert ct.reconstruct(c, "big") == line


# -------------------------------------------------------------- streaming
def test_iter_documents_matches_load_corpus(hostile: Path) -> None:
    skipped: list[tuple[str, str]] = []
    docs = list(ct.iter_documents(hostile, on_skip=lambda p, r: skipped.append((p, r))))
    c = ct.load_corpus(hostile)
    assert [d["doc_id"] for d in docs] == c.doc_ids
    assert [d["text"] for d in docs] == c.docs["text"].tolist()
    assert skipped == list(zip(c.skipped["path"], c.skipped["reason"], strict=False))


# ---------------------------------------------------------------- seeds
def test_seeds(seeds_path: Path) -> None:
    c = ct.load_corpus(seeds_path)
    meta = pd.read_csv(seeds_path / "metadata.csv", dtype=str)
    assert len(c) == 5 and c.skipped.empty
    assert c.docs["path"].tolist() == meta["file"].tolist()
    assert c.docs["outlet"].tolist() == meta["outlet"].tolist()
    assert c.docs["published"].dt.strftime("%Y-%m-%d").tolist() == meta["published"].tolist()
    assert c.docs["date_precision"].tolist() == meta["date_precision"].tolist()
    assert (c.docs["encoding"] == "utf-8").all()
    assert c.docs["duplicate_of"].isna().all()
    for doc_id in c.doc_ids:
        assert ct.reconstruct(c, doc_id) == c.raw(doc_id)


def test_progress_bar_silent_when_not_a_tty(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    write(tmp_path / "a.txt", BODY)
    ct.load_corpus(tmp_path, progress=True)
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------ export
def test_to_csv_safe(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {
            "cell": ["=SUM(A1)", "+1", "-x", "@cmd", "\tTab", "\rCR", "ok"],
            "n": [-1, 2, 3, 4, 5, 6, 7],
        }
    )
    ctio.to_csv_safe(df, tmp_path / "t.csv")
    back = pd.read_csv(tmp_path / "t.csv", dtype=str, keep_default_na=False)
    assert back["cell"].tolist() == ["'=SUM(A1)", "'+1", "'-x", "'@cmd", "'\tTab", "'\rCR", "ok"]
    assert back["n"].tolist() == ["-1", "2", "3", "4", "5", "6", "7"]


def test_all_inputs_skipped_gives_empty_corpus_and_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.pdf", b"%PDF")
    write(tmp_path / "b.txt", b"")
    with pytest.warns(CorpusToolsWarning, match="no document could be loaded"):
        c = ct.load_corpus(tmp_path)
    assert len(c) == 0 and c.skipped["path"].tolist() == ["a.pdf", "b.txt"]
    assert "doc_id" in c.docs.columns and str(c.docs["published"].dtype) == "datetime64[ns]"


def test_duplicate_ids_in_table_are_disambiguated() -> None:
    df = pd.DataFrame({"id": ["a", "a", "a"], "text": ["One.", "Two.", "Three."]})
    with pytest.warns(CorpusToolsWarning, match="'a' occurs more than once"):
        c = ct.load_corpus(df)
    assert c.doc_ids == ["a", "a~2", "a~3"]


def test_sidecar_row_for_skipped_file_is_not_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "b.txt", b"")
    write(tmp_path / "metadata.csv", "file,outlet\n./a.txt,X\nb.txt,Y\n")
    c = ct.load_corpus(tmp_path)
    assert c.docs["outlet"].tolist() == ["X"]
    assert c.skipped.values.tolist() == [["b.txt", EMPTY_REASON]]


def test_io_package_keeps_its_public_names() -> None:
    """io.py became the io/ package: the same public API and constants import from corpus_tools.io."""
    assert ctio.__all__ == [
        "load_corpus",
        "iter_documents",
        "read_text_file",
        "decode_bytes",
        "to_csv_safe",
        "SUPPORTED_EXTENSIONS",
    ]
    for name in (
        "TEXT_EXTENSIONS HTML_EXTENSIONS TABLE_EXTENSIONS SIDECAR_NAMES OUTPUT_MARKER MAX_DEPTH "
        "MAX_FILE_BYTES MAX_DECOMPRESSED_BYTES MAX_JSON_BYTES MAX_TABLE_ROWS TEXT_COLUMNS "
        "ID_COLUMNS TITLE_COLUMNS OUTLET_COLUMNS DATE_COLUMNS PRECISIONS EXTRA_COLUMNS META_COLUMNS"
    ).split():
        assert hasattr(ctio, name), name
        if name.startswith("MAX_"):  # the value of the module the readers consult
            assert getattr(ctio, name) == getattr(io_limits, name)
    assert ctio.SUPPORTED_EXTENSIONS[:3] == (".txt", ".text", ".md")
    assert ctio.MAX_DEPTH == 100 and ctio.OUTPUT_MARKER == ".corpus-tools-output"


def test_limits_set_on_io_limits_are_honoured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "big.txt").write_text("word " * 400, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Short text here.", encoding="utf-8")
    monkeypatch.setattr(io_limits, "MAX_FILE_BYTES", 1000)
    c = ct.load_corpus(tmp_path)
    assert c.doc_ids == ["small"]
    assert c.skipped.values.tolist() == [
        ["big.txt", "file too large (> 0.000953674 MB limit); split it into smaller files"]
    ]


def test_limits_set_on_the_io_package_are_honoured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``corpus_tools.io.MAX_FILE_BYTES = ...`` (the name the docs show) reaches the readers."""
    import corpus_tools.io as ctio

    (tmp_path / "big.txt").write_text("word " * 400, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Short text here.", encoding="utf-8")
    default = io_limits.MAX_FILE_BYTES
    monkeypatch.setattr(ctio, "MAX_FILE_BYTES", 1000)
    assert io_limits.MAX_FILE_BYTES == 1000 and ctio.MAX_FILE_BYTES == 1000
    assert ct.load_corpus(tmp_path).doc_ids == ["small"]
    monkeypatch.undo()
    assert io_limits.MAX_FILE_BYTES == ctio.MAX_FILE_BYTES == default
    assert ct.load_corpus(tmp_path).doc_ids == ["big", "small"]
    from corpus_tools.io import MAX_DEPTH

    assert MAX_DEPTH == io_limits.MAX_DEPTH == 100


# ------------------------------------------------------- batches and n_jobs


def _tables(c: ct.Corpus) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return c.docs, c.cleaning_log, c.skipped


def test_n_jobs_gives_identical_tables(
    bench_generator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool of two cleans batches (of 32 here, so 5 batches): same docs, log, skips as one process."""
    import corpus_tools.io.batches as io_batches

    monkeypatch.setattr(io_batches, "BATCH_DOCS", 32)
    df = template_corpus(bench_generator, 150)
    one = ct.load_corpus(df, n_jobs=1)
    log = one.cleaning_log
    assert (log["rule"] == "template:learned").sum() > 10  # templates were learned and applied
    assert one.docs["duplicate_kind"].eq("exact").sum() == 7
    assert log["category"].nunique() >= 4 and len(log) > 300
    two = ct.load_corpus(df, n_jobs=2)
    for a, b in zip(_tables(one), _tables(two), strict=True):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    # a folder with a sidecar, loaded and streamed by the pool: the same texts and log
    for i, row in enumerate(df.itertuples()):
        write(tmp_path / f"{i // 50}" / f"{row.doc_id}.txt", row.text)
    files = [f"{i // 50}/{d}.txt" for i, d in enumerate(df["doc_id"])]
    pd.DataFrame({"file": files, "outlet": df["outlet"]}).to_csv(tmp_path / "metadata.csv")
    folder = ct.load_corpus(tmp_path, n_jobs=2)
    assert folder.docs["text"].tolist() == one.docs["text"].tolist()
    cols = ["line_no", "start", "end", "rule", "text", "category", "detail"]
    pd.testing.assert_frame_equal(folder.cleaning_log[cols], log[cols], check_exact=True)
    streamed = list(ct.iter_documents(tmp_path, n_jobs=2))
    assert [d["doc_id"] for d in streamed] == folder.doc_ids


def test_a_crash_in_a_pool_worker_skips_that_document(
    bench_generator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Failures inside the pool: a bug skips its document with the reason, a deliberate error stops."""
    import corpus_tools.io.batches as io_batches

    monkeypatch.setattr(io_batches, "BATCH_DOCS", 20)
    df = pd.DataFrame(list(bench_generator.iter_documents(60)))
    real = io_load.clean_text

    def buggy(text: str, **kw: object):
        if "BOOM" in text:
            raise RuntimeError("cleaner bug")
        if "STOP" in text:
            raise CorpusValueError("bad rules")
        return real(text, **kw)

    monkeypatch.setattr(io_load, "clean_text", buggy)
    df.loc[50, "text"] += " BOOM"
    c = ct.load_corpus(df, n_jobs=2)
    assert len(c) == 59 and "d0000050" not in c.doc_ids
    assert c.skipped.values.tolist() == [
        [
            "dataframe#row=51",
            "could not be loaded (RuntimeError: cleaner bug); the rest was loaded",
        ]
    ]
    df.loc[45, "text"] += " STOP"
    with pytest.raises(CorpusValueError, match="bad rules"):
        ct.load_corpus(df, n_jobs=2)


def test_no_pool_for_a_small_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """By default a corpus of a few documents is cleaned here; n_jobs is checked."""
    import corpus_tools.io.batches as io_batches

    def no_pool(*a: object, **kw: object):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(io_batches, "ordered_map", no_pool)
    df = pd.DataFrame({"text": [BODY] * 300})
    assert len(ct.load_corpus(df)) == 300  # default: fewer than 2,000 documents
    assert len(ct.load_corpus(df.head(50), n_jobs=2)) == 50  # one batch: no pool either
    with pytest.raises(CorpusValueError, match="n_jobs must be an integer"):
        ct.load_corpus(df, n_jobs=0)


# ------------------------------------------- files read where they are cleaned
def _mixed_folder(root: Path) -> None:
    """Text in several encodings, unreadable files, HTML, a table, a sidecar, clashing ids."""
    text = "Talks ended on Tuesday.\n“Nothing agreed,” said Mr. Li in a café – naïvely.\n"
    write(root / "a" / "utf8.txt", text)
    write(root / "a" / "cp1252.txt", text.encode("cp1252"))
    write(root / "a" / "utf16.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    write(root / "a" / "utf16_nobom.txt", text.encode("utf-16-le"))
    write(root / "a" / "utf8_sig.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    write(
        root / "a" / "cp1250.txt", "Zażółć gęślą jaźń. Mówi się, że to zdanie.\n".encode("cp1250")
    )
    write(root / "a" / "binary.txt", b"\x00\x01\x02" * 50)
    write(root / "a" / "empty.txt", b"")
    write(root / "b" / "dup.txt", BODY)
    write(root / "b" / "dup.md", BODY + "More.\n")
    write(root / "b" / "g.txt.gz", gzip.compress(BODY.encode()))
    write(root / "b" / "bad.txt.gz", b"not gzip at all")
    write(root / "b" / "page.html", (HTML_DIR / os.listdir(HTML_DIR)[0]).read_bytes())
    write(root / "t.csv", "id,text\nx1,Hello there. It is fine.\nx2,\n")
    for i in range(12):
        write(root / "c" / f"n{i:02d}.txt", f"Headline {i}\n\nParagraph {i % 3} of a story. {BODY}")
    write(
        root / "metadata.csv", "file,outlet\na/utf8.txt,Daily\nb/dup.txt,Other\nc/n03.txt,Daily\n"
    )


def test_files_read_in_the_pool_give_the_tables_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading, decoding and extraction happen in pool workers (batches of 3 files here):
    encodings detected, skip reasons, ids, sidecar and cleaning identical to one process."""
    import corpus_tools.io.batches as io_batches

    _mixed_folder(tmp_path)
    monkeypatch.setattr(io_batches, "BATCH_DOCS", 3)
    for clean in (True, False):
        with pytest.warns(CorpusToolsWarning, match="'b/dup' occurs more than once"):
            one = ct.load_corpus(tmp_path, n_jobs=1, clean=clean)
        for n_jobs in (2, None):
            monkeypatch.setattr(io_batches, "INLINE_DOCS", 5)  # the default starts a pool too
            with pytest.warns(CorpusToolsWarning, match="'b/dup' occurs more than once"):
                other = ct.load_corpus(tmp_path, n_jobs=n_jobs, clean=clean)
            for a, b in zip(_tables(one), _tables(other), strict=True):
                pd.testing.assert_frame_equal(a, b, check_exact=True)
    enc = dict(zip(one.docs["path"], one.docs["encoding"], strict=True))
    assert [enc[f"a/{n}.txt"] for n in ("utf8", "cp1252", "utf16", "utf16_nobom", "utf8_sig")] == [
        "utf-8",
        "cp1252",
        "utf-16-le",
        "utf-16-le",
        "utf-8-sig",
    ]
    assert enc["a/cp1250.txt"] not in ("utf-8", None)
    assert one.docs.set_index("path").loc["a/utf8.txt", "outlet"] == "Daily"
    assert dict(one.skipped.values.tolist()) == {
        "a/binary.txt": "binary content (NUL bytes in the first 8 KB, more than 1 % of the file); not a text file "
        "(if it is text, strip the NUL bytes: tr -d '\\000' < file > new_file)",
        "a/empty.txt": EMPTY_REASON,
        "b/bad.txt.gz": "not a valid gzip file (Not a gzipped file (b'no')); re-compress it or remove .gz",
        "t.csv#row=2": "CSV row 2: missing text",
    }


def test_a_file_that_grows_while_it_is_read_is_read_whole_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file is read with the size seen plus one byte; past that, the rest is read up to the limit."""
    import corpus_tools.io.files as io_files

    path = write(tmp_path / "a.txt", BODY * 40)
    real_fstat = os.fstat

    def shrunk(fd: int) -> os.stat_result:  # the file grew after fstat saw it
        st = list(real_fstat(fd))
        st[6] = 10  # st_size
        return os.stat_result(st)

    monkeypatch.setattr(io_files.os, "fstat", shrunk)
    assert io_files.read_bytes(path, False) == (BODY * 40).encode()
    monkeypatch.setattr(io_limits, "MAX_FILE_BYTES", 100)
    with pytest.raises(io_files.InputSkipped, match="file too large"):
        io_files.read_bytes(path, False)


def test_load_corpus_pauses_the_garbage_collector_and_restores_it() -> None:
    """Collection is paused while loading (nothing made there is garbage) and set back as it was."""
    import gc

    df = pd.DataFrame({"text": [BODY, BODY + "More."]})
    assert gc.isenabled()
    assert len(ct.load_corpus(df)) == 2 and gc.isenabled()
    gc.disable()
    try:
        assert len(ct.load_corpus(df)) == 2 and not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(CorpusValueError):
        ct.load_corpus(pd.DataFrame({"x": [1]}))
    assert gc.isenabled()


def test_folders_kept_open_for_a_batch_refuse_what_open_under_refuses(tmp_path: Path) -> None:
    """A batch opens each folder once (io.files.Folders): same bytes, same refusals and reasons
    as opening every path from the root (a folder swapped for a symlink, a file deleted)."""
    from corpus_tools.io.discover import plan_inputs, read_entry
    from corpus_tools.io.files import Folders, InputSkipped

    for rel in ("a/x.txt", "a/y.txt", "b/z.txt", "top.txt"):
        write(tmp_path / rel, f"{rel} {BODY}")
    entries = {e.rel: e for e in plan_inputs(tmp_path).entries}
    folders = Folders()
    try:
        for rel in ("a/x.txt", "top.txt"):
            assert read_entry(entries[rel], folders) == read_entry(entries[rel])
        (tmp_path / "a" / "y.txt").unlink()  # deleted after discovery, folder already open
        shutil.move(tmp_path / "b", tmp_path / "b_moved")
        (tmp_path / "b").symlink_to(tmp_path / "b_moved")  # swapped before its first file
        for rel in ("a/y.txt", "b/z.txt"):
            with pytest.raises(InputSkipped) as kept:
                read_entry(entries[rel], folders)
            with pytest.raises(InputSkipped) as fresh:
                read_entry(entries[rel])
            assert kept.value.reason == fresh.value.reason
        assert "symlink" in kept.value.reason
        assert len(folders.fds) == 2  # the root and a/
    finally:
        folders.close()
    assert not folders.fds
