"""A headline with two stray NUL bytes is text, not binary (session 38, H2).

Fixture: a real headline of the CBC News home page, as saved in
github.com/dexmcmillan/cbc-homepage-screenshots, data/headlines.csv (row of
'This boy — one of thousands orphaned in Gaza ...'; repository has no licence file: one
headline quoted as a short excerpt for testing). Saved as a one-headline .txt file it
was skipped as "binary content (NUL bytes ..., more than 1 % of the file)": 2 NULs in
89 bytes. Issue 15: headline-only corpora lose no headline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning

HEADLINE = (
    "This boy — one of thousands orphaned in Gaza \x00\x00— hopes Canada will let him start over"
)


def test_a_headline_with_two_stray_nuls_loads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HEADLINE + "\n", encoding="utf-8")
    with pytest.warns(CorpusToolsWarning, match=r"^a\.txt: 2 NUL byte\(s\) removed"):
        corpus = ct.load_corpus(tmp_path)
    assert corpus.skipped.empty
    assert corpus.docs["text"].tolist() == [
        "This boy — one of thousands orphaned in Gaza — hopes Canada will let him start over\n"
    ]
    assert corpus.docs["encoding_note"].tolist() == ["NUL bytes removed: 2"]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # few NULs, control bytes, not UTF-8
        b"Talks" + b"\x00" * 9,  # more NULs than a few strays
        b"\x00\x01\x02" * 2,
    ],
)
def test_short_binary_files_stay_out(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "b.txt").write_bytes(data)
    with pytest.warns(CorpusToolsWarning):
        corpus = ct.load_corpus(tmp_path)
    assert corpus.docs.empty
    assert corpus.skipped["reason"].str.startswith("binary content").tolist() == [True]
