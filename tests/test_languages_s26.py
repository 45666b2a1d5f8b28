"""Session 26: reading a large Arrow-backed text column without copying all of it, and the
document rows in another language read with ``text_heads`` (identical rows)."""

from __future__ import annotations

import importlib

import pandas as pd
import pyarrow as pa

import corpus_tools as ct
from corpus_tools.languages import (
    group_languages,
    guess_language,
    languages,
    own_language_rows,
)

lex = importlib.import_module("corpus_tools.lexicon")
L = importlib.import_module("corpus_tools.languages")  # ct.languages is the function

_EN = "The minister said on Monday that the talks with the envoys would go on in Geneva. "
_DE = "Der Minister sagte am Montag, dass die Gespräche mit den Gesandten in Genf weitergehen. "


#: Arrow buffers keep a pointer to the pool they came from: the measuring pools must outlive them
_POOLS: list[pa.MemoryPool] = []


def _measuring_pool() -> pa.MemoryPool:
    pool = pa.proxy_memory_pool(pa.system_memory_pool())
    _POOLS.append(pool)
    return pool


def _arrow_corpus(n: int, long: int = 1) -> ct.Corpus:
    """``n`` documents (every 7th German), their text an Arrow column in chunks of 100."""
    texts = [(_DE if k % 7 == 3 else _EN) * long for k in range(n)]
    chunks = [pa.array(texts[i : i + 100], type=pa.large_string()) for i in range(0, n, 100)]
    column = pd.array(pa.chunked_array(chunks, type=pa.large_string()), dtype="string[pyarrow]")
    docs = pd.DataFrame({"doc_id": [f"d{k}" for k in range(n)], "outlet": ["X", "Y"] * (n // 2)})
    docs["text"] = pd.Series(column)
    return ct.Corpus(docs)


def test_own_language_rows_count_rows_across_chunks_of_texts() -> None:
    # 2,050 documents: the rows after the first 2,048-text chunk keep their positions
    texts = [_EN] * 2050
    texts[5] = texts[2049] = _DE
    c = ct.Corpus(pd.DataFrame({"doc_id": [f"d{k}" for k in range(2050)], "text": texts}))
    assert own_language_rows(c, "en") == {"de": [5, 2049]}
    assert own_language_rows(c, "de") == {"en": [k for k in range(2050) if k not in (5, 2049)]}


def test_reading_the_text_column_does_not_copy_all_of_it() -> None:
    # iloc[::step] or iloc[positions] of a chunked Arrow column joins every chunk into one
    # copy first (+377 MB kept at 100,000 long documents); one text at a time does not
    c = _arrow_corpus(2000, long=100)  # 17 MB of text; 2,000 > the 1,000 texts sampled
    size = c.docs["text"].array._pa_array.nbytes
    assert c.docs["text"].array._pa_array.num_chunks > 1
    before = pa.default_memory_pool()
    pool = _measuring_pool()
    pa.set_memory_pool(pool)
    try:
        checked = lex._corpus_languages(c)
        own = own_language_rows(c, "en")
    finally:
        pa.set_memory_pool(before)
    assert pool.max_memory() < size / 10, (pool.max_memory(), size)
    assert checked == lex.non_english_docs(c.docs["text"].tolist())
    assert own == {"de": [k for k in range(2000) if k % 7 == 3]}


def test_guesses_read_each_texts_head_not_every_whole_text(monkeypatch) -> None:
    # languages() and group_languages() made every whole text a Python string at once
    # (+920 MB kept at 100,000 long documents); they read what a guess reads, a chunk at a time
    import tracemalloc

    monkeypatch.setattr(L, "_ROWS_CHUNK", 100)
    c = _arrow_corpus(2000, long=400)  # 70 MB of text
    size = c.docs["text"].array._pa_array.nbytes
    peaks = []
    for call in (lambda: languages(c, max_chars=300), lambda: group_languages(c)):
        tracemalloc.start()
        try:
            out = call()
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        if len(peaks) == 1:
            guessed = out
    grouped = out
    # group_languages: 1,000 heads of 2,000 characters voted (about 13 MB), whatever the size
    assert max(peaks) < size / 4, (peaks, size)
    texts = c.docs["text"].tolist()
    assert guessed["language"].tolist() == [guess_language(t, max_chars=300) for t in texts]
    assert grouped["language"].tolist() == ["en", "en"]
    assert grouped["n_docs"].tolist() == [1000, 1000]


def test_a_stepped_slice_would_copy_the_column() -> None:
    # the measurement above can fail: the pattern it guards against does allocate
    c = _arrow_corpus(2000, long=100)
    size = c.docs["text"].array._pa_array.nbytes
    before = pa.default_memory_pool()
    pool = _measuring_pool()
    pa.set_memory_pool(pool)
    try:
        c.docs["text"].iloc[::2].tolist()
    finally:
        pa.set_memory_pool(before)
    assert pool.max_memory() >= size / 2


def test_the_vote_and_the_guess_read_the_same_characters() -> None:
    # a text whose words name its language only after its first 1,000 characters: the guess
    # read 2,000 and the vote 1,000 (507 Malaysian articles Malay by one, Indonesian by the other)
    import inspect

    from corpus_tools.languages import CORPUS_CHARS, main_language, text_votes

    late = "Gaza, " * 210 + _DE * 4  # 1,260 characters without a function word, then German
    assert guess_language(late) == "de"
    assert text_votes([late]) == ["de"]
    assert main_language([late, late]) == "de"
    assert inspect.signature(guess_language).parameters["max_chars"].default == CORPUS_CHARS
    assert inspect.signature(languages).parameters["max_chars"].default == CORPUS_CHARS
