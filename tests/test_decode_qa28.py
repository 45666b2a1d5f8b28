"""Session 28: UTF-32 and the 7-bit ISO-2022 encodings of Japanese and Korean text.

Before, a UTF-32 file (with or without a byte-order mark) was skipped as "binary content
(NUL bytes ...)", an ISO-2022-JP file loaded as UTF-8 with its escapes as text
("\\x1b$B%3%s%=!<%k" for "コンソール") and an ISO-2022-KR file was skipped as "binary
content (more than 5 % control characters)". Files like these are in chardet's test set
(tests/UTF-32*, tests/iso-2022-jp, tests/iso-2022-kr).
"""

from __future__ import annotations

import codecs

import pytest

import corpus_tools as ct
from corpus_tools.io.decode import bytes_to_text, decode_bytes

JA = "衆院議院運営委員会は９日午後の理事会で、１３日に本会議を開くことを決めた。"
KO = "서울 시청 앞에서 열린 집회에는 시민 수천 명이 참가했다고 경찰이 밝혔다."
EN = "Talks resumed in Geneva on Tuesday between the two delegations, officials said. 𝐀"


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_mark_is_read(codec):
    assert bytes_to_text((EN + "\n" + JA).encode(codec), None) == (EN + "\n" + JA, codec)


def test_utf32_with_a_mark_is_read():
    for bom, codec in ((codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le")):
        assert bytes_to_text(bom + EN.encode(codec), None) == (EN, codec)


def test_utf16_is_still_utf16_and_binary_still_binary():
    plain = EN[:-2] * 3
    assert bytes_to_text(plain.encode("utf-16-le"), None) == (plain, "utf-16-le")
    from corpus_tools.io.files import InputSkipped

    with pytest.raises(InputSkipped, match="binary content"):
        bytes_to_text(b"\x00\x00\x00\x00" * 300 + b"\x01\x02\x03\x04" * 10, None)


def test_iso2022_jp_and_kr_are_read_not_taken_for_ascii_or_binary():
    assert decode_bytes(JA.encode("iso2022_jp")) == (JA, "iso2022_jp_2")
    assert bytes_to_text(("Tokyo\n" + JA).encode("iso2022_jp"), None)[0] == "Tokyo\n" + JA
    assert bytes_to_text(KO.encode("iso2022_kr"), None) == (KO, "iso2022_kr")
    # ANSI colour escapes are not ISO-2022: plain UTF-8 as before
    assert decode_bytes(b"\x1b[1mBold\x1b[0m news") == ("\x1b[1mBold\x1b[0m news", "utf-8")


def test_a_folder_of_such_files_loads(tmp_path):
    (tmp_path / "jp.txt").write_bytes(JA.encode("iso2022_jp"))
    (tmp_path / "ko.txt").write_bytes(KO.encode("iso2022_kr"))
    (tmp_path / "wide.txt").write_bytes(EN.encode("utf-32-le"))
    corpus = ct.load_corpus(tmp_path)
    assert corpus.skipped.empty
    docs = corpus.docs.set_index("doc_id")
    assert docs.loc["jp", "text"] == JA and docs.loc["jp", "encoding"] == "iso2022_jp_2"
    assert docs.loc["ko", "text"] == KO and docs.loc["ko", "encoding"] == "iso2022_kr"
    assert docs.loc["wide", "text"] == EN and docs.loc["wide", "encoding"] == "utf-32-le"
