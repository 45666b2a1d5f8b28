"""Session 40: the sentence table's ``text`` is cut from the documents' Arrow text column.

When ``docs.text`` is pandas' Arrow-backed ``str`` (the default of pandas 3), the
sentences' texts are sliced from its UTF-8 bytes into one more such column (no Python
string per sentence: ~40 % less memory for the table); an object text column gives an
object column as before. The values are ``docs.text[start:end]`` either way, whatever
the characters (beyond ASCII, beyond the BMP, combining marks), with or without a pool,
with the spans split now or kept from before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
import corpus_tools.tokenize as tk

TEXTS = [
    "",
    "Only 𝐀 astral. Then é and 中文 text! 😀 ok.",
    "a\u0301b. Done.",
    "   ",
    "Mr. Li left. He came back.\n\nIran’s envoy said: “No.” Then he left.",
    "\u00a0x. Y.",
]


def _corpus(texts: list[str], dtype: object = None) -> ct.Corpus:
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))]})
    docs["text"] = pd.Series(texts, dtype=dtype)
    return ct.Corpus(docs)


def _expected(c: ct.Corpus, s: pd.DataFrame) -> list[str]:
    texts = dict(zip(c.docs["doc_id"], c.docs["text"].tolist(), strict=True))
    return [texts[d][a:b] for d, a, b in zip(s["doc_id"], s["start"], s["end"], strict=True)]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_arrow_text_gives_arrow_sentences_with_the_same_values(n_jobs: int) -> None:
    c = _corpus(TEXTS * 40)
    assert c.docs["text"].dtype == "str"
    first = ct.sentences(c, n_jobs=n_jobs)
    again = ct.sentences(c, n_jobs=n_jobs)  # spans kept on the corpus: cut again
    for s in (first, again):
        assert s["text"].dtype == c.docs["text"].dtype
        assert s["text"].tolist() == _expected(c, s)
    assert first.equals(again)
    assert first["text"].tolist()[:4] == [
        "Only 𝐀 astral.",
        "Then é and 中文 text!",
        "😀 ok.",
        "a\u0301b.",
    ]


def test_object_text_keeps_an_object_column() -> None:
    c = _corpus(TEXTS, dtype=object)
    s = ct.sentences(c)
    assert s["text"].dtype == object
    assert s["text"].tolist() == _expected(c, s)
    arrow = ct.sentences(_corpus(TEXTS))
    assert arrow.astype({"text": object}).equals(s)


def test_batches_cut_across_the_texts_arrow_chunks() -> None:
    col = pd.Series(
        pd.array(
            __import__("pyarrow").chunked_array([["Ab. Cd.", "é. F."], ["G. H’s."]]),
            dtype=pd.StringDtype("pyarrow"),
        )
    )
    out: list = []
    rows = np.array([[0, 4, 7], [0, 0, 2], [0, 3, 5], [0, 0, 2], [0, 3, 7]])
    tk._add_arrow_slices(out, col, 0, rows[:1], np.array([1]))
    tk._add_arrow_slices(out, col, 1, rows[1:], np.array([2, 2]))
    assert [x for a in out for x in a.to_pylist()] == ["Cd.", "é.", "F.", "G.", "H’s."]
