"""Session 26: the decimal-comma languages are data, and each document is read in its own
language (scale words, percent words, number format)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import numbers
from corpus_tools.errors import DataFileError
from corpus_tools.lexicon import load_lexicon


def test_decimal_comma_languages_are_read_from_the_data_file() -> None:
    data = load_lexicon("numbers").data
    assert numbers.DECIMAL_COMMA_LANGUAGES == frozenset(data["decimal_comma"])
    # the 28 of session 25's list, Norwegian's bare `no` quoted (else YAML reads False)
    assert len(numbers.DECIMAL_COMMA_LANGUAGES) == 28
    assert {"de", "fr", "no", "ru", "hu", "id"} <= numbers.DECIMAL_COMMA_LANGUAGES
    assert not {"en", "ms", "ar"} & numbers.DECIMAL_COMMA_LANGUAGES


def test_an_unquoted_no_in_decimal_comma_names_the_key(tmp_path: Path) -> None:
    text = (Path(numbers.__file__).parent / "data" / "numbers.yml").read_text(encoding="utf-8")
    bad = tmp_path / "numbers.yml"
    bad.write_text(text.replace('"no", pt', "no, pt"), encoding="utf-8")
    with pytest.raises(DataFileError, match="decimal_comma.*quote"):
        load_lexicon("numbers", bad)


def _read(sentence: str, language: str) -> list[tuple[str, float, str]]:
    dc = language in numbers.DECIMAL_COMMA_LANGUAGES
    hits = numbers.numbers_in_sentence(sentence, None, dc, language)
    return [(sentence[h.start : h.end], h.quantity, h.kind) for h in hits]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        (
            "ru",
            "Бюджет составил 302 млн рублей, 3,5 миллиарда долларов и 12 процентов.",
            [
                ("302 млн", 3.02e8, "money"),
                ("3,5 миллиарда", 3.5e9, "money"),
                ("12 процентов", 12.0, "percent"),
            ],
        ),
        (
            "ru",
            "Опрошено 15 тысяч человек, в среднем 7 тыс.",
            [("15 тысяч", 15e3, "count"), ("7 тыс", 7e3, "count")],
        ),
        (
            "hu",
            "Dragomir 3 millió euróval károsította meg, 5 százalékos növekedés, 200 milliárd.",
            [
                ("3 millió", 3e6, "money"),
                ("5 százalékos", 5.0, "percent"),
                ("200 milliárd", 2e11, "count"),
            ],
        ),
        ("hu", "Az adósság 2,7 ezermilliárd forint.", [("2,7 ezermilliárd", 2.7e12, "money")]),
        (
            "ar",
            "بلغت التحويلات 100 مليار ريال و 5 ملايين دولار، بزيادة 12 بالمئة",
            [
                ("100 مليار", 1e11, "money"),
                ("5 ملايين", 5e6, "money"),
                ("12 بالمئة", 12.0, "percent"),
            ],
        ),
        ("ar", "تحتضن أكثر من ١٥ ألف طالب", [("١٥ ألف", 15e3, "count")]),
        (
            "ms",
            "Kerajaan membelanjakan RM1.5 bilion, 20 juta orang, naik 5 peratus.",
            [
                ("RM1.5 bilion", 1.5e9, "money"),
                ("20 juta", 2e7, "count"),
                ("5 peratus", 5.0, "percent"),
            ],
        ),
        # a Malay article the guess names Indonesian still reads Malay's words (read_with)
        (
            "id",
            "Nilainya RM 2 bilion atau Rp 5,5 miliar.",
            [("RM 2 bilion", 2e9, "money"), ("Rp 5,5 miliar", 5.5e9, "money")],
        ),
    ],
)
def test_scale_percent_and_currency_words_of_ms_ru_hu_ar(language, sentence, expected) -> None:
    assert _read(sentence, language) == expected


def test_a_currency_prefix_is_a_whole_word_of_its_language_only() -> None:
    assert _read("FIRM5 dan RM5 juta", "ms") == [("RM5 juta", 5e6, "money")]
    # English reads RM as written (Malaysian English news: data/numbers.yml currency_signs) but
    # no figure glued to other letters, and keeps A$ / HK$
    assert _read("RM5 and F16, A$5 and HK$ 10bn, rm5", "en") == [
        ("RM5", 5.0, "money"),
        ("$5", 5.0, "money"),
        ("$ 10bn", 1e10, "money"),
    ]


_EN = (
    "The minister said on Monday that the government would spend 3.5 billion dollars on "
    "the new plan, and that 1,234 people had been consulted about it in the last year."
)
_DE = (
    "Der Minister sagte am Montag, dass die Regierung 3,5 Milliarden Euro für den neuen Plan "
    "ausgeben werde und dass die Arbeitslosigkeit um 2,5 Prozent gestiegen sei, nicht mehr."
)
_MS = (
    "Menteri berkata kerajaan akan membelanjakan RM1.5 bilion untuk projek itu dan kadar "
    "pengangguran telah meningkat sebanyak 3 peratus pada tahun ini, katanya kepada pemberita."
)


def test_each_document_is_read_in_its_own_language() -> None:
    docs = pd.DataFrame({"doc_id": ["en1", "en2", "de", "ms"], "text": [_EN, _EN, _DE, _MS]})
    c = ct.Corpus(docs)
    got = ct.numeric_claims(c)
    assert got.attrs["stopword_language"] in ("en+de+ms", "en+de+id")
    assert got.attrs["number_format"] == "1,234.5"  # the corpus language's
    rows = {(r.doc_id, r.text): (r.quantity, r.kind) for r in got.itertuples()}
    assert rows[("en1", "1,234")] == (1234.0, "count")
    assert rows[("en1", "3.5 billion")] == (3.5e9, "money")
    assert rows[("de", "3,5 Milliarden")] == (3.5e9, "money")
    assert rows[("de", "2,5 Prozent")] == (2.5, "percent")
    assert rows[("ms", "RM1.5 bilion")] == (1.5e9, "money")
    assert rows[("ms", "3 peratus")] == (3.0, "percent")
    # language= given: every document is read in it, as before
    en = ct.numeric_claims(c, language="en")
    assert en.attrs["stopword_language"] == "en"
    de = en[en["doc_id"] == "de"]
    assert 3.5e9 not in de["quantity"].tolist() and "percent" not in set(de["kind"])


def test_a_one_language_corpus_is_read_as_before() -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": [_EN, _EN.replace("3.5", "4")]}))
    got = ct.numeric_claims(c)
    assert got.attrs["stopword_language"] == "en"
    assert got["quantity"].tolist() == [3.5e9, 1234.0, 4e9, 1234.0]
