"""Stop 22 (languages): one stopword rule for every analysis, the corpus language kept on the
corpus, ``tokens()`` in the corpus language, and pairs of close languages."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import languages
from corpus_tools.counts import DocTermCounts, doc_term_counts
from corpus_tools.languages import counts_for, stopword_parts

GERMAN = [
    "Die Regierung hat am Montag in Berlin neue Regeln für die Energiepreise beschlossen.",
    "Der Minister sagte, dass die Gespräche mit den Ländern noch in dieser Woche weitergehen.",
    "Die Preise für Strom und Gas sind im vergangenen Jahr um mehr als zehn Prozent gestiegen.",
    "Nach Angaben der Polizei wurden bei dem Unfall auf der Autobahn drei Menschen verletzt.",
]
ENGLISH = [
    "The government said on Monday that IT workers and it will talk about the energy prices.",
    "The minister said the talks with the regions would continue later this week in London.",
    "Prices for power and gas rose by more than ten percent last year, the office said.",
]


def _corpus(texts: list[str], outlets: str = "XY") -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [f"d{i}" for i in range(len(texts))],
                "outlet": [outlets[i % len(outlets)] for i in range(len(texts))],
                "text": texts,
            }
        )
    )


@pytest.mark.parametrize(("texts", "lang"), [(GERMAN, "de"), (ENGLISH, "en")])
@pytest.mark.parametrize("ngram", [1, 2])
def test_term_frequencies_and_keyness_counts_leave_out_the_same_stopwords(texts, lang, ngram):
    c = _corpus(texts)
    table = ct.term_frequencies(c, by="doc_id", stopwords=False, ngram=ngram)
    counts, used = counts_for(c, "doc_id", stopwords=False, language=None, ngram=ngram)
    assert table.attrs["stopword_language"] == used == lang
    pd.testing.assert_frame_equal(table, counts.term_table(), check_like=False)


def test_the_english_rule_is_the_one_decided_when_counting() -> None:
    counts = doc_term_counts(_corpus(ENGLISH), "doc_id")
    parts = stopword_parts(counts, "en")
    assert parts is counts.stop_parts
    terms = counts.without_stopwords(parts).terms.tolist()
    assert "it" in terms and "the" not in terms  # "IT" is an acronym, "it" a stopword
    assert stopword_parts(counts, None) is None
    assert stopword_parts(counts.without_stopwords(), "en") is None


def test_another_language_drops_its_list_whole_and_keeps_the_denominator() -> None:
    counts = doc_term_counts(_corpus(GERMAN), "doc_id", ngram=2)
    parts = stopword_parts(counts, "de")
    assert parts is not None and parts.extra.nnz == 0
    out = counts.without_stopwords(parts)
    kept = out.terms.tolist()
    assert "neue regeln" in kept and "die regierung" not in kept and "in berlin" not in kept
    assert np.array_equal(out.n_words, counts.n_words)
    assert not out.stopwords and out.stop_parts is None
    assert sorted(out.first_seen.tolist()) == list(range(len(kept)))


def test_german_term_table_is_read_without_building_counts(monkeypatch) -> None:
    c = _corpus(GERMAN)
    expected = counts_for(c, "outlet", stopwords=False, language=None)[0].term_table()

    def refuse(self, parts=None):  # noqa: ARG001
        raise AssertionError("term_frequencies built the counts without stopwords")

    monkeypatch.setattr(DocTermCounts, "without_stopwords", refuse)
    got = ct.term_frequencies(c, stopwords=False)
    assert got.attrs["stopword_language"] == "de"
    pd.testing.assert_frame_equal(got, expected)
    top = got[got["group"] == "X"]["term"].head(3).tolist()
    assert not set(top) & {"die", "der", "in", "am"}


def test_given_counts_stay_as_built_for_english() -> None:
    counts = doc_term_counts(_corpus(ENGLISH), "outlet")
    same, lang = counts_for(counts, "outlet", stopwords=False, language=None)
    assert same is counts and lang is None  # they keep their stopwords: no list was used
    key = ct.keyness(counts, stopwords=False, min_count=1, min_docs=1)
    assert "the" in key["term"].tolist() and key.attrs["stopword_language"] is None
    built_without = doc_term_counts(_corpus(ENGLISH), "outlet", stopwords=False)
    assert counts_for(built_without, "outlet", stopwords=False, language=None)[1] == "en"
    german, lang = counts_for(counts, "outlet", stopwords=False, language="German")
    assert lang == "de" and "the" in german.terms.tolist() and "in" not in german.terms.tolist()


def test_stopword_parts_is_public() -> None:
    assert "stopword_parts" in languages.__all__


def test_the_corpus_language_is_voted_once_and_forgotten_with_the_counts(monkeypatch) -> None:
    calls = []
    vote = languages._vote

    def counting(texts, max_chars):
        calls.append(len(texts))
        return vote(texts, max_chars)

    monkeypatch.setattr(languages, "_vote", counting)
    c = _corpus(GERMAN * 3)
    ct.term_frequencies(c, stopwords=False)
    ct.keyness(c, stopwords=False, min_count=1)
    ct.similarity(c)
    ct.stories(c)
    ct.numeric_claims(c)
    assert languages.main_language(c) == "de" and calls == [12]
    assert languages.main_language(c, min_share=0.9) == "de" and calls == [12, 12]
    c.clear_cache()  # what forgets the counts forgets the language
    assert languages.main_language(c) == "de" and calls == [12, 12, 12]
    assert languages.main_language(c.subset(["d0", "d1"])) == "de" and calls[-1] == 2
    assert languages.main_language(GERMAN) == "de" and languages.main_language(GERMAN) == "de"
    assert calls[-2:] == [4, 4]  # a list of texts is not a corpus: nothing to keep it on


def test_the_kept_language_is_the_vote_of_the_live_texts() -> None:
    c = _corpus(ENGLISH)
    assert languages.main_language(c) == "en"
    assert languages.main_language(c) == languages._main_language(
        c.docs["text"].tolist(), 0.5, languages.CORPUS_SAMPLE
    )
    with pytest.raises(ct.CorpusValueError, match="sample"):
        languages.main_language(c, sample=0)


def test_tokens_flag_the_stopwords_of_the_corpus_language() -> None:
    c = _corpus(GERMAN)
    tok = ct.tokens(c)
    assert tok.attrs["stopword_language"] == "de"
    flagged = dict(zip(tok["lower"], tok["is_stop"], strict=True))
    assert flagged["die"] and flagged["der"] and flagged["dass"]
    assert not flagged["regierung"] and not flagged["minister"]
    english = ct.tokens(c, stopword_language="en")
    assert english.attrs["stopword_language"] == "en"
    assert int(tok["is_stop"].sum()) == 27 and int(english["is_stop"].sum()) == 3  # am, in, in
    compact = ct.tokens(c, compact=True)
    assert compact["is_stop"].tolist() == tok["is_stop"].tolist()
    assert c.tokens().attrs["stopword_language"] == "de"


def test_tokens_of_an_english_or_unclear_corpus_read_the_english_list() -> None:
    c = _corpus(ENGLISH)
    default, english = ct.tokens(c), ct.tokens(c, stopword_language="English")
    pd.testing.assert_frame_equal(default, english)
    assert default.attrs["stopword_language"] == "en"
    caps = dict(zip(default["token"], default["is_stop"], strict=True))
    assert caps["The"] and not caps["IT"] and caps["it"]
    unclear = _corpus(["Doha talks", "Kyiv 2024"])
    assert ct.tokens(unclear).attrs["stopword_language"] == "en"


# sentences written for these tests, one of each kind
AFRIKAANS = "Die regering het gesê dat hulle nie die plan sal steun nie, maar sy sal dit oorweeg."
DUTCH = "De regering heeft gezegd dat zij het plan niet zal steunen, maar het wel zal overwegen."
MALAY = "Menteri berkata bahawa kerajaan tidak akan menaikkan harga minyak kerana ekonomi lemah."
INDONESIAN = (
    "Menteri mengatakan bahwa pemerintah tidak akan menaikkan harga minyak karena ekonomi lemah."
)
NYNORSK = "Eg veit ikkje kva dei skal gjere med pengane, men det er ikkje noko nytt for oss."


def test_close_languages_without_a_list_are_unclear_not_their_neighbour() -> None:
    assert languages.guess_language(DUTCH) == "nl"
    assert languages.guess_language(AFRIKAANS) is None  # was "nl"
    assert languages.guess_language(INDONESIAN) == "id"
    assert languages.guess_language(MALAY) is None  # was "id"
    assert languages.guess_language(NYNORSK) == "no"  # Norwegian: both written standards


def test_one_afrikaans_word_in_a_long_dutch_text_does_not_unname_it() -> None:
    # the neighbour's words must reach 10 % of the winner's hits
    long_dutch = " ".join([DUTCH] * 6) + " Hy kwam."
    assert languages.guess_language(long_dutch) == "nl"
    assert languages.guess_language(DUTCH + " Hy kwam nie.") is None


def test_corpus_vote_of_afrikaans_is_unclear() -> None:
    c = _corpus([AFRIKAANS, "Hulle sal nie vir die wedstryd kom nie, het die afrigter gesê."])
    assert languages.main_language(c) is None
    assert languages.analysis_language(c, None) == "en"
    assert languages.main_language(_corpus([DUTCH, DUTCH.replace("plan", "voorstel")])) == "nl"


def test_title_case_english_is_not_german_but_german_nouns_are() -> None:
    title = "Prince William Calls Prince Philip An 'Extraordinary Man' In Tribute To Him"
    assert languages.guess_language(title) is None  # was "de": an, man, in
    german = "Meiden Sie Dinge wie Kakao, Schokolade, Bananen, Milchspeisen, Nudeln und Weißbrot."
    assert languages.guess_language(german) == "de"  # nouns capitalised, wie/und in lower case
    assert (
        languages.guess_language(
            "DIE REGIERUNG HAT AM MONTAG IN BERLIN DIE NEUEN REGELN FÜR DIE PREISE BESCHLOSSEN"
        )
        == "de"
    )


def test_the_unlisted_words_are_data_with_source_and_licence() -> None:
    from importlib import resources

    head = (
        resources.files("corpus_tools")
        .joinpath("data", "stopwords_unlisted.yml")
        .read_text("utf-8")
    )
    assert "source:" in head and "licence:" in head
    spec = {code: (read_as, words) for code, read_as, words in languages._unlisted()}
    assert {"af", "ms", "ga", "ca", "cy"} <= set(spec)
    assert spec["af"][0] == {"nl"} and spec["ms"][0] == {"id"} and "en" in spec["ga"][0]
    from corpus_tools.tokenize import load_stopwords

    for read_as, words in spec.values():  # no word of a list it is told from
        assert not any(words & load_stopwords(code) for code in read_as)


def test_the_vote_sample_and_its_votes_are_public_for_the_report() -> None:
    texts = [f"text {i}" for i in range(1000)]
    picked = languages.sample_texts(texts)
    assert len(picked) == languages.CORPUS_SAMPLE and picked[:2] == ["text 0", "text 2"]
    assert languages.sample_texts(texts[:3]) == texts[:3]
    votes = languages.text_votes(
        [GERMAN[0], GERMAN[1], "Kurz notiert", "外交部发言人表示，中国将继续保持沟通。"]
    )
    assert votes == ["de", "de", "de", "zh"]  # the short line takes the pooled language
    assert languages.text_votes([GERMAN[0], "Kurz notiert", ENGLISH[1]])[1] is None  # mixed
    with pytest.raises(ct.CorpusValueError, match="n"):
        languages.sample_texts(texts, 0)
