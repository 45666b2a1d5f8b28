"""Sorani Kurdish (Arabic script) is unclear (None), not Persian; Persian, Arabic, Urdu stay.

Before: every Sorani text with Persian ی/ک was 'fa' (396 documents of a university news set).
"""

from __future__ import annotations

from importlib import resources

import yaml

from corpus_tools.languages import guess_language, text_votes

# Sorani: "The university's president met the students for the new year" (function words لە, بۆ, بە, کە)
SORANI = "سەرۆکی زانکۆ لە کۆبوونەوەیەکدا لەگەڵ خوێندکاران بۆ ساڵی نوێ بە هەماهەنگی کە بەڕێوەچوو"
# a headline with no Sorani function word: its letters (ە ێ ۆ ڕ ڵ) tell it
SORANI_TITLE = "سلێمانی سلایدەری سەرەکی، هەواڵ"
PERSIAN = "رئیس دانشگاه در این نشست با دانشجویان درباره برنامه های سال آینده گفت و گو کرد."
ARABIC = "قال رئيس الجامعة في المؤتمر الذي عقد على هامش الاجتماع إن التعاون مستمر."
URDU = "وزیر اعظم نے کہا کہ حکومت اس مسئلے کو حل کرنے کی کوشش کر رہی ہے۔"


def test_sorani_is_unclear_not_persian() -> None:
    assert guess_language(SORANI) is None
    assert guess_language(SORANI_TITLE) is None
    assert text_votes([SORANI, SORANI_TITLE]) == [None, None]


def test_sorani_with_urdu_letter_is_unclear() -> None:
    # ھ (U+06BE) made Sorani Urdu
    assert guess_language(SORANI + " لێھاتوو") is None


def test_persian_arabic_urdu_stay() -> None:
    assert guess_language(PERSIAN) == "fa"
    assert guess_language(ARABIC) == "ar"
    assert guess_language(URDU) == "ur"


def test_persian_with_a_kurdish_name_stays_persian() -> None:
    # one Kurdish place name in a Persian sentence: few Sorani letters, Persian words lead
    assert guess_language(PERSIAN + " در سلێمانی") == "fa"


def test_persian_quoting_sorani_words_stays_persian() -> None:
    # Sorani words (لە, بۆ) and letters under 3 % of the letters; Persian's own words lead
    assert guess_language(PERSIAN * 3 + " لە سلێمانی بۆ") == "fa"


def test_data_entry() -> None:
    text = resources.files("corpus_tools").joinpath("data", "stopwords_unlisted.yml")
    spec = yaml.safe_load(text.read_text("utf-8"))
    assert spec["ckb"]["script"] == "Arabic"
    assert spec["ckb"]["read_as"] == ["fa", "ur", "ar"]
    assert not set(spec["ckb"]["words"]) & set(spec["ckb"]["neighbour_words"])
    assert "و" not in spec["ckb"]["words"]


def test_arabic_typed_with_persian_letters_is_arabic() -> None:
    # ی (U+06CC) and ک (U+06A9) of a Kurdish or Persian keyboard named this Arabic 'fa'
    arabic = "كلية العلوم في جامعة كويه تنظم مؤتمرا دوليا مع كلية العلوم في جامعة المثنی"
    assert guess_language(arabic) == "ar"
    assert guess_language(ARABIC.replace("ي", "ی")) == "ar"
    # Persian with one Arabic word keeps its own words' lead
    assert guess_language(PERSIAN + " في") == "fa"
