"""QA S22-H8-2: a page in a script without a rule, or a Latin-script page in a language
without a list, is not named English by the corpus vote on a few English words."""

from corpus_tools.languages import _script_counts, guess_language, text_votes

BURMESE = (
    "နိုင်ငံတော်အကြည်ညိုပျက်စေမှုပုဒ်မနဲ့ တရားစွဲခံထားရတဲ့ အလဲဗင်းသတင်းသမား သုံးဦး အာမခံရ "
    "Share this on Facebook Twitter BBC News"
)
LATVIAN = (
    "Norvēģijas glābšanas komanda četras dienas meklēja pazudušo kalnos kāpēju, "
    "taču laikapstākļi neļāva turpināt darbu. Read more in English"
)
HEADLINES = [
    "Man dies after being hit by a car",
    "Pope Francis Dies At 88 In Vatican",
    "Is it time to sell your stocks? Here is what the experts say",
    "Obama signs budget bill",
]
SWAHILI = (
    "Serikali imetangaza mpango mpya wa kusaidia biashara ndogo nchini katika mwaka ujao "
    "kwa mujibu wa waziri wa fedha aliyezungumza jijini Dodoma jana"
)


def test_unlisted_script_is_counted():
    counts = _script_counts(BURMESE)
    assert counts.most_common(1)[0][0] == "Myanmar"
    assert guess_language(BURMESE) is None


def test_vote_does_not_fill_other_languages_with_english():
    votes = text_votes([*HEADLINES, BURMESE, LATVIAN, SWAHILI])
    assert votes == ["en", "en", "en", "en", None, None, None]


def test_vote_still_fills_short_headlines():
    # without the foreign texts the same headlines vote as before
    assert text_votes(HEADLINES) == ["en"] * 4
    assert text_votes([*HEADLINES, "Müller helps Germany past Spain in late win"])[-1] == "en"
