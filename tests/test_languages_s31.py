"""languages: a Russian headline whose only telling letter is the hard sign of 'въезд' or
'объяснил' is not Bulgarian (session 31: 5 of 205 Russian headlines of a multi-outlet NewsAPI
sample, May 2021, were voted 'bg'; development half)."""

from __future__ import annotations

from corpus_tools.languages import guess_language


def test_a_russian_hard_sign_before_a_iotated_vowel_is_not_bulgarian() -> None:
    # ъ before е or я, or ending a word in an old-spelling name: Russian spelling, no vote
    assert guess_language("Греция с 14 мая отменила ограничения на въезд для россиян - РБК") is None
    assert guess_language("Криптоаналитик объяснил падение курса - Коммерсантъ") is None
    # with ы, э or ё it is Russian, hard sign or not
    assert guess_language("Правительство объявило о новых мерах") == "ru"


def test_a_bulgarian_hard_sign_before_a_consonant_still_names_bulgarian() -> None:
    assert guess_language("Кабинетът одобри бюджета за следващата година") == "bg"
    assert guess_language("Президентът на България каза, че във вторник ще има среща") == "bg"
