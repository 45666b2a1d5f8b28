"""Words keep their combining marks (QA finding S19-H6-1).

Python's re ``\\w`` does not match combining marks (Unicode Mn, Mc, Me), so Hindi,
Bengali, Thai and vowelled Arabic words used to fall apart at every vowel sign.
A word is a word character followed by word characters, combining marks and the
joiners ZWNJ/ZWJ; a mark that follows no word character is a symbol token. The
regex path (split_tokens, TOKEN_RE) and the vectorised path (token_spans) must
agree exactly, and the counts must agree with the token table.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.counts import count_texts
from corpus_tools.tokenize import TOKEN_RE, fold, is_word, split_tokens, token_spans

TEXTS = ["भारत में चुनाव हुए।", "ข่าวเศรษฐกิจไทย", "السَّلَامُ عَلَيْكُمْ"]


def _tokens(texts: list[str]) -> pd.DataFrame:
    return ct.tokens(ct.load_corpus(pd.DataFrame({"text": texts})))


def test_marked_words_are_whole_tokens() -> None:
    tok = _tokens(TEXTS)
    by_doc = tok.groupby("doc_id", sort=True)["token"].agg(list).tolist()
    assert by_doc == [
        ["भारत", "में", "चुनाव", "हुए", "।"],
        ["ข่าวเศรษฐกิจไทย"],  # Thai is written without spaces: the run is one token
        ["السَّلَامُ", "عَلَيْكُمْ"],
    ]
    assert tok["is_word"].tolist() == [True, True, True, True, False, True, True, True]
    assert is_word("हुए") and is_word("में") and not is_word("\u093e")


def test_overview_counts_marked_words_once() -> None:
    c = ct.load_corpus(pd.DataFrame({"text": TEXTS}))
    assert ct.overview(c)["n_words"].tolist() == [4, 1, 2]
    counts = count_texts(c.docs["text"], c.docs["doc_id"])
    assert counts.n_words.tolist() == [4, 1, 2]
    expected = ["भारत", "में", "चुनाव", "हुए", "ข่าวเศรษฐกิจไทย", *TEXTS[2].split()]
    assert sorted(counts.terms) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u0301a", ["\u0301", "a"]),  # a mark after nothing: a symbol
        ("a \u0301b", ["a", "\u0301", "b"]),  # after a space: a symbol
        ("(\u0301)", ["(", "\u0301", ")"]),  # after a symbol: a symbol
        ("e\u0301\u0302x", ["e\u0301\u0302x"]),  # a run of marks stays in the word
        ("5\u20e3", ["5\u20e3"]),  # a mark after a digit continues the number
        ("২০২৪ সালে", ["২০২৪", "সালে"]),  # Bengali digits and word with vowel sign
        ("می\u200cخواهم", ["می\u200cخواهم"]),  # Persian ZWNJ inside a word
        ("न्यूज़-चैनल's", ["न्यूज़-चैनल", "'s"]),  # hyphen and possessive rules still apply
        ("❤\ufe0f", ["❤", "\ufe0f"]),  # emoji + variation selector: two symbols as before
    ],
)
def test_mark_rules(text: str, expected: list[str]) -> None:
    view = fold(text)
    s, e, toks = split_tokens(view)
    assert toks == expected
    vs, ve = token_spans(view)
    assert vs.tolist() == s.tolist() and ve.tolist() == e.tolist()


def test_latin_text_tokenizes_as_before() -> None:
    # the old pattern, without marks: on text without marks or joiners both agree
    import re

    old = re.compile(
        r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*%?|\w+(?:[-']\w+)*|[^\w\s]",
    )
    text = (
        'He said: "U.S. troops (1,400) left 12% of Iran\'s 20th base_camp." Zürich—naïve café 3.5'
    )
    assert [m.group() for m in TOKEN_RE.finditer(text)] == [m.group() for m in old.finditer(text)]


_ALPHABETS = [
    "abcdeXYZ",
    "\u0915\u0916\u0917\u093e\u093f\u0941\u0947\u0902\u094d\u0903",  # Devanagari + signs
    "\u0e02\u0e48\u0e32\u0e27\u0e34\u0e31\u0e4c\u0e17",  # Thai + vowels/tone marks
    "\u0627\u0644\u0633\u064e\u0651\u0644\u0627\u0645\u064f\u0652",  # Arabic + harakat
    "\u4e2d\u6587\u65e5\u672c\u3002",  # CJK + ideographic full stop
    "0123456789\u0966\u0967",  # ASCII and Devanagari digits
    ".,'-%_()\"\u2019\u2014!?\u0964",  # symbols, quote, danda
    "\u0301\u20e3\u200c\u200d\ufe0f",  # loose marks and joiners
    "  \t\n\u00a0",  # whitespace
    "\U0001f600\U0001d7d8\U000e0100",  # astral: emoji, math digit, variation selector
]


def test_token_spans_equal_regex_on_random_strings() -> None:
    rng = random.Random(19)
    for _ in range(3000):
        n = rng.randint(1, 40)
        text = "".join(rng.choice(rng.choice(_ALPHABETS)) for _ in range(n))
        view = fold(text)
        s, e, toks = split_tokens(view)
        vs, ve = token_spans(view)
        assert vs.tolist() == s.tolist(), text
        assert ve.tolist() == e.tolist(), text
        assert [view[a:b] for a, b in zip(s.tolist(), e.tolist(), strict=True)] == toks


def test_random_strings_tokens_and_counts_agree() -> None:
    rng = random.Random(91)
    texts = [
        " ".join(
            "".join(rng.choice(rng.choice(_ALPHABETS[:8])) for _ in range(rng.randint(1, 9)))
            for _ in range(rng.randint(1, 12))
        )
        for _ in range(200)
    ]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    tok = ct.tokens(ct.Corpus(docs))
    words = tok[tok["is_word"]].groupby("doc_id")["lower"].size()
    counts = count_texts(texts, docs["doc_id"].tolist())
    got = pd.Series(np.asarray(counts.n_words), index=counts.doc_ids)
    expected = words.reindex(got.index, fill_value=0)
    assert got.tolist() == expected.tolist()


def test_streaming_counts_marked_words_once() -> None:
    from corpus_tools.stream import stream_counts

    docs = pd.DataFrame({"doc_id": ["h", "t", "a"], "outlet": ["H", "T", "A"], "text": TEXTS})
    sc = stream_counts(docs, clean=False, mentions=False)
    assert sc.group_tokens == {"H": 4, "T": 1, "A": 2}
    assert sorted(sc.term_index) == sorted(
        ["भारत", "में", "चुनाव", "हुए", "ข่าวเศรษฐกิจไทย", *TEXTS[2].split()]
    )
