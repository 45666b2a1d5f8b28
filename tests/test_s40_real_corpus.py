"""benchmarks/real_corpus.py: parsing of each source format, selection and writing, on fixtures."""

from __future__ import annotations

import csv
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from conftest import bench_module


@pytest.fixture(scope="module")
def rc() -> Iterator[ModuleType]:
    with bench_module("real_corpus") as mod:
        yield mod


REUTERS_FIN = (
    "-- Hey buddy, can you spare $600 for a Google share?\n"
    "-- By  Eric Auchard  and  Paul Thomasch\n"
    "-- Fri Oct 20, 2006 4:25pm EDT\n"
    "-- http://www.reuters.com/article/2006/10/20/businesspro-google-dc-idUSN2036351320061020\n"
    "\n \n\n"
    " SAN FRANCISCO  (Reuters) - Wall Street analysts \n"
    "raced to outdo one another on Friday. \n"
    "\n"
    "  Brokers were responding to quarterly results. \n"
)


def test_reuters_fin_header_byline_and_wrapped_paragraphs(rc: ModuleType) -> None:
    [doc] = rc.parse_reuters_fin("ReutersNews106521/20061020/google-idUSN20", REUTERS_FIN)
    assert (doc.source, doc.local_id, doc.outlet, doc.date) == (
        "reuters_fin", "google-idUSN20", "Reuters", "2006-10-20",
    )  # fmt: skip
    assert doc.title == "Hey buddy, can you spare $600 for a Google share?"
    assert doc.body == (
        "By Eric Auchard and Paul Thomasch\n\n"
        "SAN FRANCISCO (Reuters) - Wall Street analysts raced to outdo one another on Friday.\n\n"
        "Brokers were responding to quarterly results."
    )
    assert doc.text().startswith("Hey buddy, can you spare $600 for a Google share?\n\nBy Eric")


def test_reuters_fin_empty_byline_date_from_folder_and_bad_file(rc: ModuleType) -> None:
    text = "-- Title here\n-- \n-- not a date\n-- http://x\n\n Body line one\nline two.\n"
    [doc] = rc.parse_reuters_fin("ReutersNews106521/20130102/x-id", text)
    assert (doc.date, doc.body) == ("2013-01-02", "Body line one line two.")
    assert rc.parse_reuters_fin("ReutersNews106521/.DS_Store", "\x00\x01binary") == []
    # a title with no body stays bodiless (the byline alone is not a body)
    [empty] = rc.parse_reuters_fin("a/20130102/y", "-- T\n-- By Someone\n-- x\n-- u\n\n \n")
    assert empty.body == ""


SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" OLDID="5544" NEWID="1">
<DATE> 5-MAR-1987 15:01:01.79</DATE>
<TEXT>&#2;
<TITLE>BAHIA COCOA &lt;REVIEW&gt;</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout
the week &amp; more.
    The dry period means the temporao will be late.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="2">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>STANDARD OIL &lt;SRD> TO FORM FINANCIAL UNIT
</TITLE>
&#3;</TEXT>
</REUTERS>
"""


def test_reuters21578_records_entities_paragraphs(rc: ModuleType) -> None:
    first, brief = rc.parse_reuters21578("reut2-000.sgm", SGML)
    assert (first.local_id, first.date, first.title) == ("1", "1987-03-05", "BAHIA COCOA <REVIEW>")
    assert first.body == (
        "SALVADOR, Feb 26 - Showers continued throughout the week & more.\n\n"
        "The dry period means the temporao will be late.\n\nReuter"
    )
    assert (brief.local_id, brief.date, brief.title, brief.body) == (
        "2", "1987-02-26", "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT", "",
    )  # fmt: skip


def test_bbc_gnad_isot_headlines(rc: ModuleType) -> None:
    [bbc] = rc.parse_bbc(
        "news/tech/gaming.txt", "Losing yourself\n\nFirst para\nwrapped.\n\nSecond.\n"
    )
    assert (bbc.local_id, bbc.outlet, bbc.title, bbc.body) == (
        "tech/gaming", "BBC", "Losing yourself", "First para wrapped.\n\nSecond.",
    )  # fmt: skip
    gnad = rc.parse_gnad(
        "test.csv", "Wirtschaft;'Er sagt; \"ja\" und ''nein''.'\nPanorama;Ein Text.\n"
    )
    assert [(d.local_id, d.outlet, d.title, d.body) for d in gnad] == [
        ("00000", "Der Standard", "", "Er sagt; \"ja\" und 'nein'."),
        ("00001", "Der Standard", "", "Ein Text."),
    ]
    assert gnad[1].text() == "Ein Text."
    isot = rc.SOURCES[[s.name for s in rc.SOURCES].index("isot_true")].parse(
        "True.csv",
        'title,text,subject,date\n"A, b",WASHINGTON (Reuters) - Text.,politicsNews,"December 31, 2017 "\n'
        "T2,x,news,bad date\n",
    )
    assert [(d.local_id, d.date, d.title, d.body) for d in isot] == [
        ("00001", "2017-12-31", "A, b", "WASHINGTON (Reuters) - Text."),
        ("00002", "", "T2", "x"),
    ]
    cnbc = rc.SOURCES[[s.name for s in rc.SOURCES].index("cnbc")].parse(
        "cnbc_headlines.csv",
        'Headlines,Time,Description\nCramer: buy," 7:27  PM ET Mon, 30 Sept 2019","Four names."\n'
        ",,\n",
    )
    assert [(d.date, d.title, d.body) for d in cnbc] == [
        ("2019-09-30", "Cramer: buy", "Four names."),
        ("", "", ""),
    ]


def _doc(rc: ModuleType, local_id: str, body: str, source: str = "s") -> object:
    return rc.Doc(source, local_id, "Out", "2020-01-01", f"T{local_id}", body)


def test_select_drops_empty_and_duplicate_bodies(rc: ModuleType) -> None:
    docs = [
        _doc(rc, "1", "Same body, here."),
        _doc(rc, "2", "same  BODY here"),  # differs only in case, spacing, punctuation
        _doc(rc, "3", "  "),
        _doc(rc, "4", "Another body."),
    ]
    kept, dropped = rc.select(docs)
    assert [d.local_id for d in kept] == ["1", "4"]
    assert dropped == {"s: duplicate body": 1, "s: no body": 1}


def test_take_is_a_prefix_and_refuses_too_many(rc: ModuleType) -> None:
    docs = [_doc(rc, str(k), f"body {k}") for k in range(50)]
    big, small = rc.take(docs, 40), rc.take(list(reversed(docs)), 10)
    assert big[:10] == small
    assert len({d.local_id for d in big}) == 40
    with pytest.raises(ValueError, match="realnews51: only 50 distinct"):
        rc.take(docs, 51)


def test_write_corpus_files_metadata_and_no_overwrite(rc: ModuleType, tmp_path: Path) -> None:
    docs = [_doc(rc, str(k), f"Body {k}.") for k in range(1002)]
    out = rc.write_corpus(docs, tmp_path / "realnews1002")
    rows = list(csv.DictReader(open(out / "txt" / "metadata.csv", encoding="utf-8")))
    assert len(rows) == 1002
    assert rows[0] == {
        "file": "0000/r0000000.txt",
        "outlet": "Out",
        "date": "2020-01-01",
        "collection": "s",
    }
    assert rows[1001]["file"] == "0001/r0001001.txt"
    assert (out / "txt" / "0001" / "r0001001.txt").read_text(
        encoding="utf-8"
    ) == "T1001\n\nBody 1001."
    (out / ".complete").write_text("ok")
    with pytest.raises(FileExistsError, match="delete it to rebuild"):
        rc.write_corpus(docs, out)


def test_read_blobs_from_a_bare_mirror(rc: ModuleType, tmp_path: Path) -> None:
    work = tmp_path / "w"
    (work / "news" / "a").mkdir(parents=True)
    (work / "news" / "a" / "one.txt").write_text("Title one\n\nBody één.\n", encoding="utf-8")
    (work / "news" / "two.txt").write_text("Title two\n\nBody two.\n", encoding="utf-8")
    (work / "other.csv").write_text("x\n", encoding="utf-8")
    env = ["-c", "user.name=t", "-c", "user.email=t@t"]
    for cmd in (["init", "-q"], ["add", "."], [*env, "commit", "-q", "-m", "m"]):
        subprocess.run(["git", "-C", str(work), *cmd], check=True)
    subprocess.run(
        ["git", "clone", "-q", "--bare", str(work), str(tmp_path / "m" / "o+r" / "repo")],
        check=True,
    )
    gdir = rc.git_dir("o+r", tmp_path / "m")
    assert list(rc.read_blobs(gdir, ("news/",))) == [
        ("news/a/one.txt", "Title one\n\nBody één.\n"),
        ("news/two.txt", "Title two\n\nBody two.\n"),
    ]
    src = rc.Source("bbc", "o+r", ("news/",), "BBC", "test", rc.parse_bbc)
    assert [d.body for d in rc.read_source(src, tmp_path / "m")] == ["Body één.", "Body two."]
    with pytest.raises(FileNotFoundError, match="no file"):
        list(rc.read_blobs(gdir, ("missing.csv",)))
    with pytest.raises(FileNotFoundError, match="fetch github:o/none"):
        rc.git_dir("o+none", tmp_path / "m")


def test_quantiles_and_near_duplicates(rc: ModuleType) -> None:
    q = rc.quantiles(list(range(1, 101)))
    assert (q["p5"], q["p50"], q["p95"], q["min"], q["max"], q["mean"]) == (6, 51, 96, 1, 100, 50)
    docs = [_doc(rc, "1", "x" * 400 + "a"), _doc(rc, "2", "x" * 400 + "b"), _doc(rc, "3", "y")]
    assert rc.near_duplicate_rate(docs) == round(2 / 3, 4)
