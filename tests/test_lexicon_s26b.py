"""Session 26b: documents in a non-Latin script warn only when they are a material part of
the corpus (1 % of it or 20 documents, whichever is fewer): 2 Arabic headlines among 10,037
English ones warned that the English lists match nothing in them."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import languages, lexicon

EN = "Talks resumed in Geneva on Monday after the ministers met and agreed on a new plan."
AR = "قال المتحدث باسم وزارة الخارجية إن المحادثات ستستأنف يوم الاثنين في جنيف."


def _script_notes(n_en: int, n_ar: int) -> list[str]:
    texts = [EN] * n_en + [AR] * n_ar
    corpus = ct.load_corpus(
        pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    )
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        lexicon.warn_english_lexicon(corpus, "hedges", "hedge list", "Use your own list.")
    return [str(w.message) for w in got if "non-Latin" in str(w.message)]


def test_thresholds_are_the_one_documented_rule_in_languages() -> None:
    # session 27: one rule for every "not English" note, in languages.py
    assert (languages.OTHER_LANGUAGE_MIN_SHARE, languages.OTHER_LANGUAGE_MIN_COUNT) == (0.01, 20)
    assert languages.OTHER_LANGUAGE_MIN_GUESSED == 2
    assert not hasattr(lexicon, "NON_LATIN_MIN_SHARE")


@pytest.mark.parametrize(
    ("n_en", "n_ar", "expected"),
    [
        # 2 of 300 (0.7 %, fewer than 20): no note (the old code warned for any one)
        (298, 2, None),
        (2980, 19, None),
        # 3 of 250 (1.2 %): a note with the count
        (247, 3, "hedges: 3 of 250 documents are mostly written in a non-Latin script"),
        # 20 of 3,000 (0.7 %) are 20 documents: a note
        (2980, 20, "hedges: 20 of 3,000 documents are mostly written in a non-Latin script"),
        # a small corpus: one is 1 %
        (1, 1, "hedges: 1 of 2 documents are mostly written in a non-Latin script"),
    ],
)
def test_non_latin_documents_warn_from_a_material_share(
    n_en: int, n_ar: int, expected: str | None
) -> None:
    notes = _script_notes(n_en, n_ar)
    if expected is None:
        assert notes == []
    else:
        assert len(notes) == 1
        assert notes[0].startswith(expected)
