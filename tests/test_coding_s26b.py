"""Coder.apply says when the texts it codes are in another language than its training codes
(QA session 26, S26-H4-5: the English-trained coder labelled Arabic sentences 'conflict' on
'tv' and on digits, in silence)."""

import warnings

import pandas as pd
import pytest

import corpus_tools as ct

ARABIC = [
    "قالت الحكومة إن المفاوضات ستستأنف يوم الاثنين في الرباط.",
    "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في المدينة.",
    "شاهد الجمهور المباراة على قناة TV المغربية مساء أمس.",
    "ارتفعت أسعار النفط بنسبة 3 في المائة هذا الأسبوع.",
]
ENGLISH = [
    "The government said talks would resume on Monday in Rabat.",
    "Protesters clashed with police as the dispute over the border escalated.",
]


@pytest.fixture(scope="module")
def coder():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ct.train_coder(ct.load_codes(None), label="label", seed=12345)


def _apply(coder, data):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = coder.apply(data)
    notes = [str(w.message) for w in caught if issubclass(w.category, ct.CorpusToolsWarning)]
    return out, notes


def test_the_coder_knows_its_training_language(coder):
    assert coder.language == "en"


def test_arabic_sentences_are_named(coder):
    out, notes = _apply(coder, pd.DataFrame({"text": ARABIC}))
    expected = (
        "Coder.apply: the texts coded are mostly in 'ar' and the coder was trained on texts in "
        "'en': 2 of 4 sentences have no word it learned, and the codes come from the few tokens "
        "the languages share (names, numbers, Latin words), not from what the texts say. Train "
        "a coder on hand codes in the texts' language (ct.train_coder), or apply this one to "
        "the 'en' texts only (corpus.subset(...))."
    )
    assert notes == [expected]
    assert out.attrs["language_note"] == expected
    # the only words it knows make both 'conflict'
    assert out["words"].tolist() == ["", "", "tv (+0.15)", "3 (+0.19)"]
    assert out["label"].tolist() == ["no conflict", "no conflict", "conflict", "conflict"]


def test_arabic_corpus_is_named(coder):
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": ["a", "b"], "text": [" ".join(ARABIC[:2]), " ".join(ARABIC[2:])]})
    )
    _, notes = _apply(coder, corpus)
    assert len(notes) == 1 and "2 of 4 sentences have no word it learned" in notes[0]


def test_english_texts_give_no_note(coder):
    out, notes = _apply(coder, pd.DataFrame({"text": ENGLISH}))
    assert notes == [] and "language_note" not in out.attrs
    assert len(out) == 2


def test_language_note_needs_both_languages(coder):
    assert coder.language_note("en") is None
    assert coder.language_note(None) is None
    assert coder.language_note("de").startswith("Coder.apply: the texts coded are mostly in 'de'")


def test_document_coder_on_arabic_corpus_is_named():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc_coder = ct.train_coder(
            ct.load_codes(None), label="label", unit="document", learning_curve=False
        )
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": ["a", "b"], "text": [" ".join(ARABIC[:2]), " ".join(ARABIC[2:])]})
    )
    out, notes = _apply(doc_coder, corpus)
    assert doc_coder.unit == "document" and len(out) == 2
    assert notes == [
        "Coder.apply: the texts coded are mostly in 'ar' and the coder was trained on texts in "
        "'en': 1 of 2 documents has no word it learned, and the codes come from the few tokens the languages share (names, numbers, Latin "
        "words), not from what the texts say. Train a coder on hand codes in the texts' "
        "language (ct.train_coder), or apply this one to the 'en' texts only (corpus.subset(...))."
    ]
