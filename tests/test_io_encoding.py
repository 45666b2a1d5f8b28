"""Files that are UTF-8 except on some lines (QA finding 1): read as UTF-8, the bad lines as cp1252."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning
from corpus_tools.io import decode_bytes

ARTICLE = (
    "Record sale at Zürich auction\n"
    "\n"
    "The painting sold for £522,000 on Tuesday, the auction house said.\n"
    "Its buyer, who runs a café in Zürich – a “record” price for the artist – declined to comment.\n"
    "The sale ends a year of strong prices.\n"
)
LATIN_LINE = "Prix: 5 €, déjà vu.\n"


def _mixed_bytes() -> bytes:
    return ARTICLE.encode("utf-8") + LATIN_LINE.encode("cp1252")


def test_utf8_file_with_one_cp1252_line_keeps_its_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(_mixed_bytes())
    with pytest.warns(CorpusToolsWarning) as record:
        corpus = ct.load_corpus(path)
    doc = corpus.docs.iloc[0]
    assert (doc["encoding"], doc["encoding_note"]) == ("utf-8", "+cp1252 on line 6")
    assert doc["raw_text"] == ARTICLE + LATIN_LINE  # every character as written, no mojibake
    assert "£522,000" in doc["text"] and "Zürich – a “record”" in doc["text"]
    assert ct.reconstruct(corpus, doc["doc_id"]) == doc["raw_text"]
    messages = [str(w.message) for w in record if issubclass(w.category, CorpusToolsWarning)]
    assert any(m.startswith("mixed.txt: not valid UTF-8 on line 6;") for m in messages)


def test_folder_names_the_mixed_file_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(_mixed_bytes())
    (tmp_path / "b.txt").write_text("A plain ASCII report.\n", encoding="utf-8")
    with pytest.warns(CorpusToolsWarning, match=r"a\.txt: not valid UTF-8 on line 6;.*1 file"):
        corpus = ct.load_corpus(tmp_path, n_jobs=1)
    assert dict(zip(corpus.docs["doc_id"], corpus.docs["encoding"], strict=True)) == {
        "a": "utf-8",
        "b": "utf-8",
    }
    assert corpus.docs["encoding_note"].tolist() == ["+cp1252 on line 6", None]


def test_bytes_undefined_in_cp1252_become_replacement_characters() -> None:
    data = "Straße – café\n".encode() + b"bad \x81 byte and \xe9t\xe9\n"
    assert decode_bytes(data) == (
        "Straße – café\nbad \ufffd byte and été\n",
        "utf-8 (+cp1252 on line 2)",
    )


def test_many_bad_lines_are_listed_up_to_five() -> None:
    good = "".join(f"Line {i}: café – “quoted”.\n" for i in range(8))
    bad = "".join(f"Ligne {i}: déjà.\n" for i in range(7)).encode("cp1252")
    text, enc = decode_bytes(good.encode() + bad)
    assert enc == "utf-8 (+cp1252 on lines 9, 10, 11, 12, 13 and 2 more)"
    assert text == good + "".join(f"Ligne {i}: déjà.\n" for i in range(7))


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Café – “quoted”.\nNaïve façade, déjà vu.\n", "cp1252"),
        ("Zażółć gęślą jaźń – polski tekst.\nMówi się, że to zdanie.\n", "cp1250"),
    ],
)
def test_single_byte_files_keep_their_single_byte_decoding(text: str, codec: str) -> None:
    decoded, enc = decode_bytes(text.encode(codec))
    assert "utf-8" not in enc
    if codec == "cp1252":
        assert (decoded, enc) == (text, "cp1252")


def test_pure_utf8_and_bom_files_are_unchanged() -> None:
    assert decode_bytes(ARTICLE.encode()) == (ARTICLE, "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode_bytes(b"\xef\xbb\xbf" + ARTICLE.encode()) == (ARTICLE, "utf-8-sig")


def test_double_byte_file_with_a_line_valid_as_utf8_by_chance_is_not_utf8() -> None:
    # GBK "隆" is the bytes C2 A1, which UTF-8 reads as "¡": one line of the file
    # is valid UTF-8, as many as hold invalid bytes, but nearly every byte is invalid
    body = "外交部发言人表示，北京时间下午三点举行新闻发布会。"
    text, enc = decode_bytes(("隆\n" + body + "\n").encode("gbk"))
    assert not enc.startswith("utf-8")
    assert "¡" not in text
