"""The corpus language reaches the analyses that leave stopwords out (QA S20-H6-7/8): keyness,
similarity, stories and numeric_claims read a French or German corpus with its own stopword
list, guessed once per corpus or given as ``language=``, and say which list they used."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools.counts import count_texts
from corpus_tools.languages import counts_without_stopwords

FR = {
    ("lemonde", "a"): "Le gouvernement a annoncé mardi une hausse des prix de l'énergie pour "
    "les ménages. Les syndicats dénoncent une mesure injuste pour les retraités.",
    ("lemonde", "b"): "La grève dans les transports publics de la région parisienne se poursuit. "
    "Les syndicats réclament une hausse des salaires et de meilleures conditions.",
    ("lemonde", "c"): "Le président de la République s'est rendu à Marseille pour rencontrer les "
    "élus. Il a promis des moyens pour la sécurité et pour les écoles de la ville.",
    ("figaro", "d"): "Le Premier ministre a défendu la réforme des retraites devant les députés. "
    "Les syndicats appellent à une nouvelle journée de grève la semaine prochaine.",
    ("figaro", "e"): "La hausse des prix de l'énergie pèse sur les entreprises. Le gouvernement "
    "promet des aides pour les petites entreprises et pour les artisans.",
    ("figaro", "f"): "Les députés ont adopté le budget de la sécurité sociale. Le texte prévoit "
    "des économies sur les dépenses de santé et une hausse des cotisations.",
}
FR_STOP = {"le", "la", "les", "de", "des", "et", "pour", "une", "sur", "il", "se", "à"}


def _corpus(texts: dict[tuple[str, str], str]) -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [d for _, d in texts],
                "outlet": [o for o, _ in texts],
                "text": list(texts.values()),
            }
        )
    )


def test_keyness_without_stopwords_reads_the_corpus_language() -> None:
    c = _corpus(FR)
    k = ct.keyness(c, stopwords=False, min_count=1, min_docs=1)
    assert k.attrs["stopword_language"] == "fr"
    assert not set(k["term"]) & FR_STOP
    assert {"syndicats", "hausse", "grève"} <= set(k["term"])
    # the English list, as before, leaves the French function words in
    en = ct.keyness(c, stopwords=False, min_count=1, min_docs=1, language="en")
    assert en.attrs["stopword_language"] == "en"
    assert {"le", "les", "des", "pour"} <= set(en["term"])
    # stopwords kept: no list used
    assert ct.keyness(c, min_count=1, min_docs=1).attrs["stopword_language"] is None


def test_similarity_top_terms_are_content_words() -> None:
    c = _corpus(FR)
    s = ct.similarity(c)
    assert s.attrs["stopword_language"] == "fr"
    terms = {t.split(" (")[0] for row in s["top_terms"] for t in str(row).split("; ")}
    assert terms and not terms & FR_STOP
    # counts given directly: the language given is used
    counts = ct.doc_term_counts(c, "doc_id")
    s2 = ct.similarity(counts, language="French")
    assert s2.attrs["stopword_language"] == "fr"
    pd.testing.assert_frame_equal(s.reset_index(drop=True), s2.reset_index(drop=True))


def test_stories_label_without_french_stopwords() -> None:
    st = ct.stories(_corpus(FR))
    assert st.table.attrs["stopword_language"] == "fr"
    label_words = {w for lab in st.table["label"] for w in str(lab).replace(",", " ").split()}
    assert not label_words & FR_STOP


def test_numeric_claims_object_ends_at_the_languages_stopword() -> None:
    de = (
        "Mehr als 300 Menschen sind bei dem Unglück verletzt worden, teilte die Polizei mit. "
        "Die Regierung hat nach eigenen Angaben Hilfe geschickt und die Lage ist ruhig."
    )
    c = ct.Corpus(pd.DataFrame({"doc_id": ["x"], "text": [de]}))
    got = ct.numeric_claims(c)
    assert got.attrs["stopword_language"] == "de"
    assert got["object"].tolist() == ["Menschen"]
    as_english = ct.numeric_claims(c, language="en")
    assert as_english["object"].tolist() == ["Menschen sind bei"]


def test_english_corpus_is_read_as_before(seed_corpus) -> None:
    k = ct.keyness(seed_corpus, stopwords=False)
    pd.testing.assert_frame_equal(k, ct.keyness(seed_corpus, stopwords=False, language="en"))
    assert k.attrs["stopword_language"] == "en"
    assert ct.numeric_claims(seed_corpus).attrs["stopword_language"] == "en"


def test_counts_without_stopwords_drops_bigrams_with_a_stopword() -> None:
    c = count_texts(["le chat noir dort", "le chat noir mange"], ["a", "b"], ngram=2)
    out = counts_without_stopwords(c, "fr")
    assert out.terms.tolist() == ["chat noir", "noir dort", "noir mange"]
    assert out.n_words.tolist() == c.n_words.tolist()
    assert out.matrix.toarray().tolist() == [[1, 1, 0], [1, 0, 1]]
