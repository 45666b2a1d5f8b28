"""Stopword lists per language (``load_stopwords(language=...)``) and the per-document language guess.

Article excerpts are from the test pages of github.com/codelucas/newspaper (MIT
licence), as ``load_corpus`` cleans them.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError
from corpus_tools.languages import LANGUAGE_COLUMNS, guess_language, languages, main_language
from corpus_tools.tokenize import (
    STOPWORD_LANGUAGES,
    fold,
    load_stopwords,
    stopword_language,
    type_columns,
)

DATA = Path(ct.__file__).resolve().parent / "data"

SPANISH = (
    "Anticorrupción decidirá en Madrid si recurre la imputación de la Infanta\n\n"
    "El fiscal Pedro Horrach está perfilando con el jefe de la Fiscalía Anticorrupción, "
    "Antonio Salinas, en Madrid, la estrategia jurídica que seguirá el Ministerio Público."
)
GERMAN = (
    "Die Redaktion zeigt ihre Christmas Sweater\n\nSie können ironisch-unschön, lustig und "
    "überraschend, aber auch klassisch-traditionell sein, doch das Wichtigste ist, dass sie "
    "gemütlich sind, Spaß machen und uns an die schönsten Tage erinnern."
)
ARABIC = (
    "دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن فصائل مسلحة معارضة لنظام الرئيس بشار "
    'الأسد وعلى صلة بـ"الجيش الحر" تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق'
)
THAI = "21 ม.ค.2561 เวลาประมาณ 12.00 น. ผู้สื่อข่าวได้รับแจ้งจากนาย ต.(ไม่ประสงค์เปิดเผยชื่อ) บุตรชายของ"
CHINESE = "香港行政长官梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质询，并向香港民众道歉。"
JAPANESE = (
    "【6月18日 AFP】ナイジェリア北東部ボルノ（Borno）州で16日夜、イスラム過激派組織「ボコ・ハラム"
    "（Boko Haram）」によるものと思われる少女を使った自爆攻撃が起き、31人が死亡した。"
)
ENGLISH = (
    "Mr. Zhai met Deputy Foreign Minister Mikhail Bogdanov on Jan. 9 in Doha. The U.S. "
    "ambassador was absent, and officials said that more talks are planned for the spring."
)


def test_default_stopwords_are_the_english_list_unchanged():
    words = [
        ln.strip()
        for ln in (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    assert load_stopwords() == frozenset(words) == load_stopwords("en") == load_stopwords("English")
    assert len(load_stopwords()) == 180 and "'s" in load_stopwords()


@pytest.mark.parametrize("code", sorted(STOPWORD_LANGUAGES))
def test_every_shipped_list_loads_with_source_and_licence(code):
    name = "stopwords.txt" if code == "en" else f"stopwords_{code}.txt"
    head = (DATA / name).read_text(encoding="utf-8")[:1500].lower()
    assert "source:" in head and "licence:" in head
    words = load_stopwords(code)
    assert 80 <= len(words) <= 320
    # stored as the tokens table's ``lower`` column writes them
    assert all(fold(w).casefold() == w for w in words)
    assert stopword_language(STOPWORD_LANGUAGES[code].upper()) == code


def test_function_words_of_news_languages():
    assert {"de", "la", "que", "el", "los"} <= load_stopwords("es")
    assert {"der", "die", "und", "nicht"} <= load_stopwords("de")
    assert {"de", "la", "le", "et", "les"} <= load_stopwords("fr")
    assert {"في", "من", "على", "التي"} <= load_stopwords("ar")
    assert "قال" not in load_stopwords("ar")  # 'said': a content word of news, left out
    # the stopword flag the tokens table uses is the English one, as before
    _, lowers, _, stop = type_columns(["de", "la", "the"])
    assert stop.tolist() == [False, False, True]


def test_unknown_language_is_a_clear_error():
    with pytest.raises(CorpusValueError, match="language='xx'.*de \\(German\\)"):
        load_stopwords("xx")
    with pytest.raises(CorpusValueError, match="no stopword list"):
        load_stopwords(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (SPANISH, "es"),
        (GERMAN, "de"),
        (ARABIC, "ar"),
        (THAI, "th"),
        (CHINESE, "zh"),
        (JAPANESE, "ja"),
        (ENGLISH, "en"),
        ("Доля рынка выросла, сообщили в компании в понедельник.", "ru"),
        ("Україна отримала нову партію обладнання від партнерів.", "uk"),
        ("وزیر امور خارجه گفت که گفتگوها ادامه خواهد یافت.", "fa"),
        ("Doha talks", None),  # too few words
        ("Bogdanov, Zhai, Lavrov, Wang, Blinken, Sullivan, Burns, Rubio, Vance", None),
        ("", None),
        ("12 345 -- 678", None),
    ],
)
def test_guess_language(text, want):
    assert guess_language(text) == want


def test_languages_table_and_main_language(seed_corpus):
    table = languages(seed_corpus)
    assert list(table.columns) == LANGUAGE_COLUMNS
    assert table["doc_id"].tolist() == seed_corpus.doc_ids
    assert set(table["language"]) == {"en"} and main_language(seed_corpus) == "en"
    texts = {"es": SPANISH, "de": GERMAN, "zh": CHINESE, "en": ENGLISH, "x": "Doha talks"}
    c = ct.Corpus(pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())}))
    got = languages(c)
    assert got["language"].tolist() == ["es", "de", "zh", "en", None]
    assert got.loc[0, "stopword_share"] > 0.3 and got.loc[0, "n_words"] > 20
    assert main_language(c) is None  # no language holds half the documents
    with pytest.raises(CorpusValueError, match="max_chars"):
        languages(c, max_chars=0)
    pickle.loads(pickle.dumps(got))


def test_tokens_is_stop_reads_the_chosen_language():
    c = ct.Corpus(pd.DataFrame({"doc_id": ["es"], "text": [SPANISH]}))
    default = ct.tokens(c)  # the corpus' language, as the analyses read it
    english = ct.tokens(c, stopword_language="en")
    es = ct.tokens(c, stopword_language="es")
    compact = ct.tokens(c, stopword_language="Spanish", compact=True)
    pd.testing.assert_frame_equal(default, es)
    assert (default.attrs["stopword_language"], english.attrs["stopword_language"]) == ("es", "en")
    # only is_stop differs; English flags no Spanish word but 'a'-like overlaps
    pd.testing.assert_frame_equal(english.drop(columns="is_stop"), es.drop(columns="is_stop"))
    stops = set(es.loc[es["is_stop"], "lower"])
    assert {"de", "la", "en", "el", "que", "con"} <= stops
    assert not ({"de", "la", "que"} & set(english.loc[english["is_stop"], "lower"]))
    assert compact["is_stop"].tolist() == es["is_stop"].tolist()
    with pytest.raises(CorpusValueError, match="stopword_language|language='klingon'"):
        ct.tokens(c, stopword_language="klingon")
