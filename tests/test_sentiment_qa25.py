"""target_sentiment's language note on real-corpus shapes (session 25 QA).

An all-Portuguese corpus got two notes (the English-lexicon note and the left-out one); the
language vote read every whole text as one Python list.
"""

from __future__ import annotations

import importlib
import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.languages import CORPUS_CHARS, text_votes

smod = importlib.import_module("corpus_tools.sentiment")

_PT = (
    "O governo da China disse nesta terça-feira que a Rússia não comentou o acordo assinado "
    "no Brasil. Segundo o ministério, não há nada para comentar sobre as negociações que "
    "estão em curso no país, e os dois lados vão se reunir de novo em março."
)
_EN = "Russia welcomed the good talks with China. The talks were a success, officials said."


def test_an_all_portuguese_corpus_gets_one_language_note() -> None:
    c = ct.Corpus(
        pd.DataFrame({"doc_id": ["p1", "p2", "p3"], "outlet": ["X", "Y", "Y"], "text": [_PT] * 3})
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tone = ct.target_sentiment(c, min_sentences=1)
    notes = [str(w.message) for w in caught if issubclass(w.category, ct.CorpusToolsWarning)]
    assert notes == [
        "target_sentiment: 3 of 3 documents are left out of the tone table as not English "
        "(pt 3; see ct.languages(corpus)): the tone lexicon (VADER) reads their words as "
        "English ones (Portuguese 'no' as a negation). To score them, use a tone model for "
        "their language."
    ]
    assert tone.summary.attrs["not_english"] == "3 of 3 documents (pt 3)"


def test_a_non_latin_corpus_voted_unclear_still_gets_the_lexicon_note() -> None:
    # an Inuktitut line (syllabics): no vote (None), so it stays in, and the lexicon note says so
    text = "ᐃᓄᒃᑎᑐᑦ ᐅᖃᐅᓯᖅ"
    c = ct.Corpus(pd.DataFrame({"doc_id": ["g"], "outlet": ["X"], "text": [text]}))
    assert text_votes([text]) == [None]
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        ct.target_sentiment(c, min_sentences=1)
    assert [str(w.message) for w in caught] == [
        "target_sentiment: 1 of 1 documents are mostly written in a non-Latin script (Arabic, "
        "Chinese, Cyrillic, ...); nothing in the English tone lexicon (VADER) and actor list "
        "matches them, so they count as having none. Their sentences are scored as English; "
        "score the English documents only (corpus.subset(...)) or use a tone model for their "
        "language."
    ]


def test_vote_texts_are_the_first_characters_read_in_chunks(monkeypatch) -> None:
    # the vote reads each text's first CORPUS_CHARS characters: the same votes as whole texts
    long_en = (_EN + " ") * 40  # 3,440 characters
    texts = [_PT, long_en, "Pope Francis Dies At 88 In Vatican", _PT + " " + long_en, _EN]
    c = ct.Corpus(pd.DataFrame({"doc_id": list("abcde"), "outlet": "X", "text": texts}))
    monkeypatch.setattr(smod, "_VOTE_CHUNK", 2)
    short = smod._vote_texts(c)
    n = CORPUS_CHARS  # 1,000, then 2,000 (languages.py, session 26): long_en is longer
    assert n < len(long_en) and len(_PT) < n
    assert [len(t) for t in short] == [len(_PT), n, 34, n, len(_EN)]
    assert short[1] == long_en[:n]
    assert text_votes(short) == text_votes(texts) == ["pt", "en", None, "en", "en"]
