"""Session 27: one guess of each document's language per corpus, shared by quotes, numbers
and stopword removal (languages without a shipped list included), and one rule for every
"not English" warning."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import languages
from corpus_tools.languages import enough_other_language, other_language_rows, own_language_rows

EN = "The minister said on Monday that the talks would go on in Berlin next week."
HE = "השר אמר ביום שני שהשיחות יימשכו בברלין בשבוע הבא."
TH = "รัฐมนตรีกล่าวเมื่อวันจันทร์ว่าการเจรจาจะดำเนินต่อไปที่เบอร์ลิน"
DE = "Der Minister sagte am Montag, dass die Gespräche in Berlin weitergehen."


def _corpus(texts: list[str]) -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))


def test_other_language_rows_name_languages_without_a_stopword_list() -> None:
    c = _corpus([EN, HE, DE, TH, EN])
    assert other_language_rows(c, "en") == {"he": [1], "de": [2], "th": [3]}
    # numbers and stopword removal still see only the languages they have a list for
    assert own_language_rows(c, "en") == {"de": [2]}


def test_one_guess_per_corpus_is_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _corpus([EN, HE, DE])
    assert own_language_rows(c, "en") == {"de": [2]}  # numbers' call guesses once

    def no_second_guess(*_: object) -> None:
        raise AssertionError("guessed again")

    monkeypatch.setattr(languages, "_guess", no_second_guess)
    assert other_language_rows(c, "en") == {"he": [1], "de": [2]}


@pytest.mark.parametrize(
    ("n", "total", "by_script", "expected"),
    [
        (2, 10_037, True, False),  # 2 Arabic headlines among 10,037: no note
        (19, 2_999, True, False),
        (20, 3_000, True, True),  # 20 are an outlet's worth, whatever the share
        (3, 250, True, True),  # 1.2 %
        (1, 2, True, True),  # by script, one is enough in a small corpus
        (1, 2, False, False),  # guessed from words: 2 at least
        (2, 150, False, True),
        (1, 151, False, False),  # a stray foreign headline's quote row among 151
        (70, 1_386, False, True),  # Arabic posts' quote rows
        (10, 1_000, False, True),
        (9, 1_000, False, False),
        (0, 0, True, False),
    ],
)
def test_enough_other_language_is_one_rule(
    n: int, total: int, by_script: bool, expected: bool
) -> None:
    assert enough_other_language(n, total, by_script=by_script) is expected
