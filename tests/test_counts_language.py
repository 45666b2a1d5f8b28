"""term_frequencies(stopwords=False) leaves out the stopwords of the corpus' language."""

import pandas as pd

import corpus_tools as ct

FRENCH = [
    "Le gouvernement a annoncé une nouvelle loi sur le climat et les entreprises.",
    "La ministre de la santé a présenté le plan pour les hôpitaux dans la région.",
    "Les syndicats ont critiqué la réforme des retraites devant le parlement.",
]


def _corpus(texts: list[str]) -> ct.Corpus:
    n = len(texts)
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [f"d{i}" for i in range(n)],
                "outlet": ["A", "B"] * (n // 2) + ["A"] * (n % 2),
                "text": texts,
            }
        )
    )


def test_french_corpus_drops_french_stopwords_and_keeps_the_denominator() -> None:
    c = _corpus(FRENCH * 2)
    kept = ct.term_frequencies(c)
    dropped = ct.term_frequencies(c, stopwords=False)
    assert dropped.attrs["stopword_language"] == "fr"
    assert kept.attrs["stopword_language"] is None
    terms = set(dropped["term"])
    assert {"le", "la", "les", "et", "de", "des", "pour", "dans"}.isdisjoint(terms)
    assert {"gouvernement", "climat", "ministre", "syndicats"} <= terms
    # rates keep the same denominator as with stopwords
    merged = dropped.merge(kept, on=["group", "term"], suffixes=("", "_all"))
    assert len(merged) == len(dropped)
    assert (merged["n_tokens_group"] == merged["n_tokens_group_all"]).all()
    assert (merged["rate_per_10k"] == merged["rate_per_10k_all"]).all()


def test_language_given_overrides_the_guess() -> None:
    c = _corpus(FRENCH * 2)
    en = ct.term_frequencies(c, stopwords=False, language="en")
    assert en.attrs["stopword_language"] == "en"
    assert {"le", "la", "les"} <= set(en["term"])  # French words are not English stopwords


def test_english_corpus_counts_as_before() -> None:
    texts = ["The minister said the plan was ready.", "Troops left the city on Monday."] * 2
    c = _corpus(texts)
    out = ct.term_frequencies(c, stopwords=False)
    assert out.attrs["stopword_language"] == "en"
    assert set(out["term"]) == {
        "minister",
        "said",
        "plan",
        "ready",
        "troops",
        "left",
        "city",
        "monday",
    }
