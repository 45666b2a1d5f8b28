"""API QA sweep of session 24: a notebook user's misuse and edge inputs give a plain error or warning.

Found on real corpora the package had not seen (newsdatahub cybersecurity headlines, 3,000 rows
from 563 outlets; 10kGNAD German articles without outlets; a pt-BR folder): a table or a
DataFrame passed where the corpus goes failed deep inside pandas (AttributeError
'DataFrame' object has no attribute 'docs'), and similarity() on one outlet returned an
empty table without a word.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct


@pytest.fixture(scope="module")
def corpus() -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b", "c", "d"],
                "outlet": ["X", "X", "Y", "Y"],
                "text": [
                    "Officials said 40 people were killed in the attack. Talks may resume.",
                    "Police said 40 people were killed in the attack on Monday.",
                    "The minister said the economy grew by 3 percent. Critics disagree.",
                    "The economy grew by 2 percent, the ministry reported. Troops left.",
                ],
            }
        )
    )


def _message(fn, *args, **kwargs) -> str:
    with pytest.raises(ct.CorpusValueError) as info:
        fn(*args, **kwargs)
    return str(info.value)


@pytest.mark.parametrize(
    ("fn", "table"),
    [
        (ct.hedge_rates, lambda c: ct.hedges(c)),
        (ct.frame_summary, lambda c: ct.frames(c)),
        (ct.frame_evidence, lambda c: ct.frames(c)),
        (ct.compare_numbers, lambda c: ct.numeric_claims(c)),
        (ct.reuse_summary, lambda c: ct.text_reuse(c)),
    ],
)
def test_table_functions_name_a_docs_table_given_as_corpus(corpus, fn, table) -> None:
    msg = _message(fn, table(corpus), corpus.docs)
    name = fn.__name__
    assert msg == (
        f"{name}() needs a Corpus as corpus=, got a pandas DataFrame; build one with "
        "ct.load_corpus(df) (a DataFrame with a text column loads directly)."
    )


def test_frame_coding_sample_names_the_corpus_argument(corpus) -> None:
    msg = _message(ct.frame_coding_sample, ct.frames(corpus), corpus.docs, "conflict")
    assert msg.startswith("frame_coding_sample() needs a Corpus as corpus=, got a pandas")


def test_compare_numbers_without_corpus_still_works(corpus) -> None:
    out = ct.compare_numbers(ct.numeric_claims(corpus), by="doc_id")
    assert out[["key", "group", "values"]].values.tolist() == [
        ["killed people", "a", "40"],
        ["killed people", "b", "40"],
    ]


def test_detail_sample_with_a_number_as_corpus() -> None:
    msg = _message(ct.detail_sample, 200)
    assert msg == (
        "detail_sample() needs a Corpus as corpus=, got a int; build one with "
        "ct.load_corpus(...) (a folder, a file or a DataFrame with a text column)."
    )


def test_sample_note_refuses_a_docs_table(corpus) -> None:
    assert _message(ct.sample_note, corpus, corpus.docs).startswith(
        "sample_note() needs a Corpus as corpus=, got a pandas DataFrame"
    )
    assert _message(ct.sample_note, corpus.docs, corpus).startswith(
        "sample_note() needs a Corpus as sample=, got a pandas DataFrame"
    )
    assert _message(ct.print_sample_note, corpus, corpus.docs).startswith(
        "print_sample_note() needs a Corpus as corpus=, got a pandas DataFrame"
    )
    assert ct.sample_note(ct.detail_sample(corpus, 2), corpus) == (
        "a sample of 2 of 4 documents, stratified by outlet"
    )


def test_keyness_evidence_checks_both_arguments(corpus) -> None:
    key = ct.keyness(corpus, min_count=1, min_docs=1, top_n=1)
    assert _message(ct.keyness_evidence, corpus, corpus.docs) == (
        "keyness_evidence: the table lacks column(s) ['group', 'term', 'z', 'evidence']; "
        "pass the table from keyness(corpus)."
    )
    assert _message(ct.keyness_evidence, corpus, corpus).startswith(
        "keyness_evidence: expected the table from keyness(corpus) (a pandas DataFrame), got a Corpus"
    )
    assert _message(ct.keyness_evidence, key, corpus).startswith(
        "keyness_evidence() needs a Corpus as corpus=, got a pandas DataFrame"
    )
    ev = ct.keyness_evidence(corpus, key, window=1)
    # every evidence row slices its match out of the cleaned text
    assert len(ev) >= 2
    for row in ev.itertuples(index=False):
        assert corpus.text(row.doc_id)[row.start : row.end] == row.match


def test_similarity_warns_when_there_is_nothing_to_pair(corpus) -> None:
    one_outlet = corpus.subset(["a", "b"])
    with pytest.warns(
        ct.CorpusToolsWarning, match=r"similarity by='outlet': the corpus has 1 group"
    ):
        out = ct.similarity(one_outlet, by="outlet")
    assert out.empty
    with pytest.warns(ct.CorpusToolsWarning, match=r"has 1 group with words"):
        assert ct.similarity(corpus.subset(["a"])).empty
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pairs = ct.similarity(corpus, by="outlet")
    assert pairs[["a", "b"]].values.tolist() == [["X", "Y"]]


def test_naming_evidence_is_the_sentence_of_each_document() -> None:
    # sentence ids repeat across documents: each row's evidence is its own document's sentence
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["p", "q"],
                "outlet": ["X", "Y"],
                "text": [
                    "Talks ended. The militant group Hamas attacked.",
                    "Rain fell. Hamas, the Islamist movement, replied.",
                ],
            }
        )
    )
    out = ct.naming(c, {"Hamas": ["Hamas"]})
    assert out[["doc_id", "label", "label_type", "sent_id", "evidence"]].values.tolist() == [
        ["p", "militant group", "premodifier", 1, "The militant group Hamas attacked."],
        ["q", "Islamist movement", "appositive", 1, "Hamas, the Islamist movement, replied."],
    ]
    for row in out.itertuples(index=False):
        assert c.text(row.doc_id)[row.start : row.end] == row.label


def test_statements_says_when_max_pairs_cut_the_table() -> None:
    line = "The ministry called for an early end to hostilities and for releasing hostages."
    c = ct.Corpus(pd.DataFrame({"doc_id": list("abc"), "outlet": list("XYZ"), "text": [line] * 3}))
    assert len(ct.statements(c)) == 3  # a-b, a-c, b-c
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        out = ct.statements(c, max_pairs=2)
    assert len(out) == 2
    note = (
        "statements: 3 sentence pairs passed min_score; the table keeps the best 2 "
        "(score >= 1.000), so counts from it are not totals; raise max_pairs= to see more "
        "of them, or min_score= to keep only closer pairs."
    )
    assert [str(w.message) for w in caught] == [note]
    assert out.attrs["statements_cap"] == note


def test_target_sentiment_leaves_out_documents_in_another_language() -> None:
    # Portuguese 'no' (= in the) is a negation to VADER: Portuguese articles are not scored
    pt = (
        "O governo da China disse nesta terça-feira que a Rússia não comentou o acordo assinado "
        "no Brasil. Segundo o ministério, não há nada para comentar sobre as negociações que "
        "estão em curso no país, e os dois lados vão se reunir de novo em março."
    )
    c = ct.Corpus(pd.DataFrame({"doc_id": ["p1", "p2"], "outlet": ["X", "Y"], "text": [pt] * 2}))
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        tone = ct.target_sentiment(c, min_sentences=1)
    assert str(caught[-1].message) == (
        "target_sentiment: 2 of 2 documents are left out of the tone table as not English "
        "(pt 2; see ct.languages(corpus)): the tone lexicon (VADER) reads their words as "
        "English ones (Portuguese 'no' as a negation). To score them, use a tone model for "
        "their language."
    )
    assert tone.sentences.empty and tone.summary.empty
    en = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["e1"],
                "outlet": ["X"],
                "text": ["Russia welcomed the good talks with China. The talks were a success."],
            }
        )
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scored = ct.target_sentiment(en, min_sentences=1)
    assert sorted(scored.sentences["target"]) == ["China", "Russia"]


def test_describe_tone_says_documents_were_left_out_as_not_english() -> None:
    # on a Portuguese corpus the tone table is empty because nothing was scored, not because
    # no sentence names a target: the sentence says so (was "No sentence mentions any ...")
    pt = (
        "O governo da China disse nesta terça-feira que a Rússia não comentou o acordo assinado "
        "no Brasil. Segundo o ministério, não há nada para comentar sobre as negociações que "
        "estão em curso no país, e os dois lados vão se reunir de novo em março."
    )
    en = "Russia welcomed the good talks with China. The talks were a success, officials said."
    only_pt = ct.Corpus(
        pd.DataFrame({"doc_id": ["p1", "p2"], "outlet": ["X", "Y"], "text": [pt] * 2})
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tone = ct.target_sentiment(only_pt, min_sentences=1)
    assert ct.describe_tone(tone.summary) == (
        "No sentence of an English document mentions any of the targets; 2 of 2 documents "
        "(pt 2) were left out as not English (the tone lexicon, VADER, is English)."
    )
    # the vote of a Portuguese text among English ones (the first one above votes None there)
    pt2 = (
        "O presidente disse que o governo também não vai aceitar a proposta, porque ela é muito "
        "cara para o país. Segundo ele, isso não é uma questão política, mas sim de dinheiro, e "
        "os ministros estão de acordo com essa posição sobre a China."
    )
    mixed = ct.Corpus(
        pd.DataFrame({"doc_id": ["p1", "e1"], "outlet": ["X", "Y"], "text": [pt2, en]})
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tone = ct.target_sentiment(mixed, min_sentences=1)
    assert set(tone.summary["group"]) == {"Y"}
    # outlet X's only document is Portuguese: X has no row, and the sentence names it
    assert tone.summary.attrs["not_scored_groups"] == ["X"]
    assert ct.describe_tone(tone.summary).endswith(
        " Left out as not English (the tone lexicon is English): 1 of 2 documents (pt 1)."
        " Not scored, every document in a language other than English: X (it has no row,"
        " which is not a neutral tone)."
    )
