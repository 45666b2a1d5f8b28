"""The report header on unseen real corpora (session 25 QA)."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools import report
from corpus_tools.languages import sample_texts, text_votes

_EN = "Russia welcomed the good talks with China. The talks were a success, officials said."
_PT = (
    "O governo da China disse nesta terça-feira que a Rússia não comentou o acordo assinado "
    "no Brasil. Segundo o ministério, não há nada para comentar sobre as negociações que "
    "estão em curso no país, e os dois lados vão se reunir de novo em março."
)
_AR = "قالت الحكومة إن المحادثات مع الصين كانت ناجحة وإن الوزراء سيجتمعون مرة أخرى في مارس."


def test_a_mixed_corpus_header_names_the_languages_the_vote_found() -> None:
    # 1,383 English, Kurdish and Arabic university news items: 'mixed or not recognised (no
    # language holds half of the documents)' and nothing about which languages
    texts = [_EN, _EN, _PT, _PT, _AR, _AR, "Ok."]
    c = ct.Corpus(pd.DataFrame({"doc_id": list("abcdefg"), "outlet": "X", "text": texts}))
    assert report.language_note(c) == (
        "mixed or not recognised (no language holds half of the documents; of 7 documents: "
        "ar 2, en 2, pt 2, 1 unclear): the quote cues, reporting verbs, hedges, frame cues, tone "
        "lexicon and actor names are English, so those sections find little outside English "
        "documents"
    )


def test_sample_votes_read_the_vote_sample_without_every_text() -> None:
    texts = [(_EN + " ") * 30 if k % 3 else _PT for k in range(1203)]
    c = ct.Corpus(pd.DataFrame({"doc_id": [f"d{k}" for k in range(1203)], "text": texts}))
    votes, read = report._sample_votes(c)
    assert read == "sampled documents" and len(votes) == 500
    assert votes == text_votes(sample_texts(texts))
    assert votes.count("pt") == 167 and votes.count("en") == 333
