"""Malay ("ms"): a shipped stopword list (stopwords-iso, reviewed) and texts the Indonesian
list reads with Malay spellings named Malay. Before, such texts and a Malay corpus were
unclear (None), and stopword analyses of a Malay corpus fell back to English stopwords.
The texts are written for these tests."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools import languages
from corpus_tools.tokenize import STOPWORD_LANGUAGES, load_stopwords, stopword_language

MALAY = [
    "Menteri berkata bahawa kerajaan tidak akan menaikkan harga minyak pada tahun ini kerana "
    "ekonomi negara masih lemah dan rakyat perlu dibantu.",
    "Polis berkata mangsa yang cedera dibawa ke hospital selepas kemalangan itu, manakala "
    "pemandu lori berkenaan ditahan untuk siasatan lanjut.",
    "Beliau berkata sebahagian daripada dana itu akan digunakan untuk membina sekolah baharu "
    "di kawasan luar bandar mengikut keperluan semasa.",
]
INDONESIAN = (
    "Menteri mengatakan bahwa pemerintah tidak akan menaikkan harga minyak pada tahun ini "
    "karena ekonomi negara masih lemah dan rakyat bisa dibantu."
)


def _corpus(texts: list[str]) -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))


def test_the_malay_list_holds_function_words_not_content_words() -> None:
    assert STOPWORD_LANGUAGES["ms"] == "Malay" and stopword_language("Malay") == "ms"
    words = load_stopwords("ms")
    assert {"yang", "dan", "di", "bahawa", "kerana", "sahaja", "iaitu", "tiada"} <= words
    # content words, names, months and 'said' of the stopwords-iso entry are left out
    assert not {"ringgit", "kerajaan", "menteri", "najib", "julai", "berkata"} & words
    assert len(words) == 130


def test_malay_texts_are_malay_and_indonesian_stays_indonesian() -> None:
    # were None: Malay spellings (bahawa, kerana, manakala, selepas, ...) on the Indonesian list
    assert [languages.guess_language(t) for t in MALAY] == ["ms", "ms", "ms"]
    assert languages.guess_language(INDONESIAN) == "id"
    # as many Indonesian-only words (bahwa, karena) as Malay ones: unclear, not Malay
    mixed = INDONESIAN + " Namun, kerana itu, ia tidak mahu berkata apa-apa."
    assert languages.guess_language(mixed) is None


def test_a_malay_corpus_has_a_language_and_its_analyses_read_the_malay_list() -> None:
    c = _corpus(MALAY)
    assert languages.main_language(c) == "ms"  # was None
    assert languages.analysis_language(c, None) == "ms"  # was "en"
    toks = ct.tokens(c)
    assert toks.attrs["stopword_language"] == "ms"
    stop = dict(zip(toks["lower"], toks["is_stop"], strict=False))
    assert stop["bahawa"] and stop["yang"] and not stop["kerajaan"] and not stop["minyak"]
    assert (
        languages.main_language(_corpus([INDONESIAN, INDONESIAN.replace("minyak", "beras")]))
        == "id"
    )
