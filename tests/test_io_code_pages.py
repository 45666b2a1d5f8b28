"""Vietnamese cp1258 is read as Vietnamese (io.decode._vietnamese), and a file read as cp1252
whose words look like another code page is named in a warning (io.decode._suspect_mark).
Texts are made up; the Vietnamese headlines follow the style of VietnamNet / Tuổi Trẻ titles."""

import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning
from corpus_tools.io import decode_bytes

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """``text`` as a Vietnamese legacy editor writes it: cp1258, tones as separate marks."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tone = next(c for c in parts if c in _TONES)
        out += (unicodedata.normalize("NFC", parts.replace(tone, "")) + tone).encode("cp1258")
    return out


HEADLINES = [
    "Giá nhà trung bình ở Việt Nam cao gấp gần 24 lần thu nhập",
    "Thủ tướng yêu cầu các bộ ngành đẩy nhanh tiến độ giải ngân vốn đầu tư công",
    "Người dân Hà Nội đổ về trung tâm xem pháo hoa mừng năm mới",
]


@pytest.mark.parametrize("headline", HEADLINES)
def test_a_short_vietnamese_headline_in_cp1258_reads_as_vietnamese(headline: str) -> None:
    # before: cp1252 ('Giá nhà trung biÌnh ơÒ ViêÌ£t Nam ...') or cp1250 / hp_roman8
    assert decode_bytes(cp1258(headline)) == (headline, "cp1258")


def test_a_cp1258_file_loads_composed_and_named(tmp_path: Path) -> None:
    text = "\n".join(HEADLINES) + "\n"
    (tmp_path / "vn.txt").write_bytes(cp1258(text))
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusToolsWarning)
        corpus = ct.load_corpus(tmp_path / "vn.txt")
    assert corpus.docs["encoding"].tolist() == ["cp1258"]
    assert corpus.docs["raw_text"].tolist() == [text]
    assert "của" not in text and "Việt Nam" in corpus.docs["text"].iloc[0]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Perché il governo può farlo così, però ciò non basta, disse lunedì.", "cp1252"),
        ("Þeir sögðu að það væri ekki hægt, við ráðherra í gær.", "cp1252"),
        ("Eesti valitsus kõneles täna sõjaväe õppustest ja õigusest.", "cp1252"),
        ("O governo não informou as razões da decisão às populações.", "cp1252"),
        ("Президент России заявил во вторник, что переговоры продолжатся.", "cp1251"),
    ],
)
def test_other_languages_are_not_taken_for_vietnamese(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, codec)


TURKISH = (
    "Dışişleri Bakanı Çavuşoğlu, görüşmelerin sürdüğünü söyledi; İstanbul'da toplantı yapılacak."
)


#: too few words with Turkish letters that no Icelandic word has ('görüþme') to choose cp1254
SHORT_TURKISH = "Başkan toplantı yarın görüşme için Ankara'da; yapılacak görüşmeler sürecek."


def test_a_turkish_file_is_read_by_its_letters(tmp_path: Path) -> None:
    # too few function words for the cp1254 test: its words' letters choose it (session 29)
    (tmp_path / "tr.txt").write_bytes(TURKISH.encode("cp1254"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = ct.load_corpus(tmp_path / "tr.txt")
    assert corpus.docs["encoding"].tolist() == ["cp1254"]
    assert corpus.docs["text"].tolist() == [TURKISH]


def test_a_turkish_file_read_as_cp1252_is_named_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "tr.txt").write_bytes(SHORT_TURKISH.encode("cp1254"))
    with pytest.warns(CorpusToolsWarning) as got:
        corpus = ct.load_corpus(tmp_path / "tr.txt")
    assert corpus.docs["encoding"].tolist() == ["cp1252"]  # the codec; the note beside it (S25)
    assert corpus.docs["encoding_note"].tolist() == ["check: 3 words such as 'Baþkan'"]
    message = next(str(w.message) for w in got if "code page" in str(w.message))
    assert message.startswith("tr.txt: read as cp1252, but 3 words such as 'Baþkan' hold")
    assert "'cp1254' (Turkish)" in message and "encoding=" in message
    fixed = ct.load_corpus(tmp_path / "tr.txt", encoding="cp1254")
    assert fixed.docs["text"].tolist() == [SHORT_TURKISH]


def test_a_table_read_as_cp1252_is_named_too(tmp_path: Path) -> None:
    rows = pd.DataFrame({"id": ["a"], "text": [SHORT_TURKISH]})
    (tmp_path / "t.csv").write_bytes(rows.to_csv(index=False).encode("cp1254"))
    with pytest.warns(CorpusToolsWarning, match=r"t\.csv: read as cp1252, but \d+ words"):
        corpus = ct.load_corpus(tmp_path / "t.csv")
    assert corpus.docs["encoding"].tolist() == ["cp1252"]
    assert corpus.docs["encoding_note"].str.startswith("check: ").all()
    # the same table with a second row has enough Turkish letters: cp1254, right text
    rows = pd.DataFrame({"id": ["a", "b"], "text": [SHORT_TURKISH, TURKISH]})
    (tmp_path / "t.csv").write_bytes(rows.to_csv(index=False).encode("cp1254"))
    corpus = ct.load_corpus(tmp_path / "t.csv")
    assert corpus.docs["encoding"].tolist() == ["cp1254", "cp1254"]
    assert corpus.docs["text"].tolist() == [SHORT_TURKISH, TURKISH]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a déclaré à Genève que l'accord était prêt, à 25 km² de là, nº 3.",
        "Der Außenminister sagte, dass Moskau für die Zukunft über alles reden würde.",
        "Þeir sögðu að það væri ekki hægt, við ráðherra í gær á fundinum.",
        "Vláda v utorok uviedla, že tých mužov je málo a ešte viac je v Žiline.",
    ],
)
def test_western_and_icelandic_cp1252_files_say_nothing(tmp_path: Path, text: str) -> None:
    (tmp_path / "w.txt").write_bytes(text.encode("cp1252"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusToolsWarning)
        corpus = ct.load_corpus(tmp_path / "w.txt")
    assert corpus.docs["encoding"].tolist() == ["cp1252"]


def test_a_dos_cp850_file_read_as_cp1252_is_named(tmp_path: Path) -> None:
    text = (
        "As doações somaram milhões; a arrecadação e a prestação de contas até março "
        "passaram pela avaliação da comissão, que pediu explicações."
    )
    (tmp_path / "dos.txt").write_bytes(text.encode("cp850"))
    with pytest.warns(CorpusToolsWarning, match=r"'cp850' \(DOS\)"):
        corpus = ct.load_corpus(tmp_path / "dos.txt")
    assert corpus.docs["encoding"].tolist() == ["cp1252"]
    assert corpus.docs["encoding_note"].tolist() == ["check: 6 words such as 'doa‡äes'"]
    assert ct.load_corpus(tmp_path / "dos.txt", encoding="cp850").docs["text"].tolist() == [text]
