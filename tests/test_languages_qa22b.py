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


# QA S22-H8-6: a mixed corpus leaves each document's own language's stopwords out too.
import pandas as pd  # noqa: E402

import corpus_tools as ct  # noqa: E402

ENGLISH = [
    "The mayor said his son would run for the council in the next election this year.",
    "The council voted on the budget after a long debate about the new roads and schools.",
    "Police said the fire started in the kitchen of the house on Monday evening.",
    "The minister told reporters that the talks with the unions would resume next week.",
]
SPANISH = [
    "El alcalde de la ciudad dijo que el presupuesto de la región se votará en la semana "
    "próxima, y que los concejales del partido no tienen una mayoría para aprobarlo.",
    "La policía de Madrid informó que el incendio empezó en la cocina de la casa el lunes "
    "por la noche, y que los bomberos lo apagaron con una rapidez que todos elogiaron.",
]


def _mixed() -> ct.Corpus:
    texts = ENGLISH + SPANISH
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [f"d{k}" for k in range(len(texts))],
                "outlet": ["EN"] * len(ENGLISH) + ["ES"] * len(SPANISH),
                "text": texts,
            }
        )
    )


def test_mixed_corpus_drops_each_documents_own_list():
    c = _mixed()
    for table in (
        ct.keyness(c, stopwords=False, min_count=1, min_docs=1),
        ct.term_frequencies(c, stopwords=False),
    ):
        assert table.attrs["stopword_language"] == "en+es"
        es = set(table[(table["group"] == "ES") & (table["count"] > 0)]["term"])
        en = set(table[(table["group"] == "EN") & (table["count"] > 0)]["term"])
        assert es.isdisjoint({"de", "la", "el", "que", "en", "se"})
        assert {"alcalde", "madrid", "policía"} <= es
        assert "son" in en  # on the Spanish list, an English word in English documents
        assert en.isdisjoint({"the", "on", "in"})


def test_language_given_or_one_language_is_as_before():
    c = _mixed()
    k = ct.keyness(c, stopwords=False, min_count=1, min_docs=1, language="en")
    assert k.attrs["stopword_language"] == "en"
    assert "la" in set(k[(k["group"] == "ES") & (k["count"] > 0)]["term"])
    english = ct.Corpus(
        pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": ENGLISH[:2]})
    )
    assert ct.term_frequencies(english, stopwords=False).attrs["stopword_language"] == "en"
