"""Letters a language never writes keep a text from being named as it (session 37).

Real texts from development parts: a Turkish news summary (selimfirat/turkish-news-analytics)
that the Dutch list named on ``hem ... hem de``."""

from __future__ import annotations

from corpus_tools import languages as L
from corpus_tools.languages import guess_language, text_votes

TURKISH = (
    "Amasya'da, KOSGEB'in kredi desteğiyle misket elmasından sirke ve pekmez üreten Mahide "
    "İnce, ürünlerini hem yurt içi hem de yurt dışına pazarlıyor."
)


def test_a_text_with_letters_its_list_language_never_writes_is_unclear() -> None:
    text = TURKISH
    assert guess_language(text) is None
    assert text_votes([text]) == [None]
    # the lists alone still name it: the letters are what tells
    words, lower = L._latin_words(L.fold(text))
    assert L._decide_lists(L._hits(words), len(words), None, unlisted=True, words=words)[0] == "nl"


def test_names_with_foreign_letters_leave_english_english() -> None:
    text = (
        "President Erdoğan said on Tuesday that the talks with Davutoğlu and the others in "
        "the party were over, and that he would not meet them again in Ankara or İstanbul."
    )
    assert guess_language(text) == "en"
    german = "Der Präsident sagte, dass die Gespräche mit Davutoğlu über die Zukunft der Partei"
    assert guess_language(german + " in Berlin fortgesetzt werden.") == "de"


def test_alphabets_are_shipped_data_for_every_latin_list() -> None:
    alphabets = L._alphabets()
    assert set(L._latin_codes()) <= set(alphabets)
    assert alphabets["en"] == frozenset() and "ğ" not in alphabets["nl"]
    assert "ő" in alphabets["hu"] and "ñ" in alphabets["es"]
    assert L._foreign(["hem", "dışına", "ürünlerini", "içi"], "nl")
    assert not L._foreign(["hem", "dışına", "ürünlerini", "içi"], "tr")  # no alphabet: never
