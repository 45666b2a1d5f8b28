"""The batch sentence splitter (``tokenize.sentence_batch``) gives ``split_sentences``' rows.

``split_sentences`` is the definition (checked against NLTK's Punkt in
test_tokenize.py); ``sentence_batch`` finds the same rows for a whole batch
with array operations and decides only the unclear candidates one by one.
"""

from __future__ import annotations

import string
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_tools as ct
from corpus_tools import tokenize as tk
from corpus_tools.tokenize import sentence_batch, split_sentences

HERE = Path(__file__).resolve().parent


def _definition(texts: list[str]) -> tuple[list[list[int]], list[int]]:
    rows: list[list[int]] = []
    counts = []
    for t in texts:
        sents = split_sentences(t)
        rows.extend([list(r) for r in sents])
        counts.append(len(sents))
    return rows, counts


def _check(texts: list[str]) -> None:
    rows, counts = sentence_batch(texts)
    want_rows, want_counts = _definition(texts)
    assert counts.tolist() == want_counts
    assert rows.tolist() == want_rows
    assert rows.dtype == np.int64 and rows.shape == (len(want_rows), 3)


EDGE_CASES = [
    # abbreviations and initials
    "Mr. Zhai met Deputy Foreign Minister Mikhail Bogdanov on Jan. 9 in Doha. The U.S. "
    "ambassador was absent. Talks ended at 5 p.m. Officials said more talks are planned.",
    "Gen. Smith and Sen. Jones met in the U.K. on Tuesday. Dr. Li stayed. Mr Zhai left.",
    "J. R. R. Tolkien wrote it. George W. Bush spoke. Prof. A. B. Smith disagreed.",
    "See e.g. the report, i.e. the annex. Apple Inc. rose. He lives on Baker St. now.",
    "Mr. (Smith) left. Mr. 'Smith' left. Mr. Smith's car. Mr. Smith-Jones. Mr. 5 left.",
    # decimals, numbers, currencies
    "Growth was 3.5% in 2004. Shares rose 1,400. It cost $5.5m. He was 25. Then left.",
    "The score was 1-0. Prices rose by 3.2%. (£22.8m). In the 1990s. He won 2-1 in No. 10.",
    # quotes and brackets (boundary realignment)
    'He said "we agree." Then he left. "Why?" she asked. "No!" He went.',
    "He said “we agree.” Then he left. ‘Fine.’ She nodded.) And (so.) it went.",
    "It ended.\" He left.' Then.» «Next.» [Done.] {Yes.} Go.' -- fine. Said.\"--",
    'He said: "Stop." "Now?" "Yes!" (Really.) [Sure.]',
    'quote.\'" "Next one."\' x',
    # ellipses and repeated marks
    "Talks ended... The envoy left. Wait.. what? Really?! Yes!! OK. . . fine. . . . ",
    "... . .. ? ! ?! !? .!. Hm. ...And then.",
    # paragraphs, headlines, line breaks
    "Headline without stop\nBody starts here. It goes on.\n\nSecond para. More.",
    "Line one,\ncontinues here. A list:\n- item one\n- item two.\n\n\n  Indented para.  ",
    "\n\n\nLeading blank lines. Then text.\n\n",
    "   Leading spaces. Then text.",
    "Windows\r\nline endings. Yes.\r\n\r\nNew para.\r\n",
    "Tab\tseparated. Words\there.\x0bVertical tab. Form\x0cfeed. End.",
    "A\n \nB. C.\n\t\nD.",
    # non-English and non-ASCII
    "Der Bundestag tagte am 3. Oktober. Dr. Müller sprach. Die Sitzung endete um 17 Uhr.",
    "Le président a parlé. M. Dupont était là. C'est la fin... Voilà!",
    "Президент выступил. Он уехал. Всё.",
    "東京で会議が開かれた。彼は去った。 Then English. Done.",
    "Emoji \U0001f600 here. Next 𝒜𝒷𝒸. And more.",
    "İstanbul'da toplantı yapıldı. Ödül verildi. ﬁne. Straße.",
    # whitespace that is not ASCII whitespace
    "No-break\u00a0space. Next\u00a0sentence.",
    "Line\u2028separator. Para\u2029separator. Next\x85line. Thin\u2009space. Ideographic\u3000x.",
    "File\x1cseparator. Unit\x1fseparator. Done.",
    "End.\u2028Next one. End.\x1cNext. More.\x85Again. Mr.\u00a0Smith. Word.\u00a0Next.",
    "x.\u3000Y. z.\u2009W. v.\u00a0w.",
    "Headline\n\u00a0\nBody text. More.\nEnds with stop.\n\u3000\nNext",
    # a unit that starts with whitespace: Punkt's first word keeps it
    " ?! Go on. Yes.",
    "Headline\n ?! Go. Yes\n  !? x",
    " .. A. B",
    # control characters and the batch separator itself
    "Null\x00inside. Text. \x00 Again.",
    "\x00",
    # degenerate
    "",
    " ",
    ".",
    "?",
    "a.",
    ". A",
    "!!!",
    "\n",
    "x\n",
    "end with period.",
    "end with space. ",
]


def test_edge_cases_one_batch():
    _check(EDGE_CASES)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_alone(text):
    _check([text])


def test_every_document_alone_equals_the_batch():
    # no document's splits depend on its neighbours in the batch
    rows, counts = sentence_batch(EDGE_CASES)
    first = np.concatenate([[0], np.cumsum(counts)])
    for k, t in enumerate(EDGE_CASES):
        alone, _ = sentence_batch([t])
        assert alone.tolist() == rows[first[k] : first[k + 1]].tolist()


def test_seeds_and_real_articles(seed_corpus):
    texts = seed_corpus.docs["text"].tolist()
    real = sorted((HERE / "data" / "real" / "bbc").rglob("*.txt"))
    texts += [p.read_text(encoding="utf-8") for p in real]
    assert len(texts) > 5
    _check(texts)


def test_generated_news(bench_generator):
    _check([bench_generator.make_document(i)["text"] for i in range(60)])


_WORDS = st.sampled_from(
    [
        "Mr.",
        "Dr",
        "U.S.",
        "U.S.-led",
        "said.",
        "said.”",
        "agree.”",
        "'quote.'",
        '"Why?"',
        "(Reuters)",
        "ended...",
        "it?",
        "Yes!",
        "?!",
        "5.",
        "3.5%",
        "1,400.",
        "J.",
        "x.",
        "e.g.",
        "Inc.",
        "Oct.",
        "end.)",
        "[1].",
        "Smith's.",
        "half-time.",
        "Müller.",
        "Ödül",
        "a",
        "The",
        "officials",
        "—",
        "--",
        ".",
        "..",
        "“",
        "”",
        ")",
        "\x00",
    ]
)
_SEPS = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", " \n", "\u00a0", "\t", "\r\n", ""])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.tuples(_WORDS, _SEPS), max_size=30), min_size=1, max_size=5))
def test_property_word_soup(docs):
    _check(["".join(w + s for w, s in parts) for parts in docs])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("aB. ?!\n\"”“')(1,:;-\u00a0\t\x00é")), max_size=80),
        min_size=1,
        max_size=5,
    )
)
def test_property_punctuation_soup(texts):
    _check(texts)


def test_flag_tables_are_the_patterns_own_characters():
    """The character sets the batch splitter uses are those of NLTK's patterns and str.isspace."""
    after = regex.compile(tk._NON_WORD)
    bmp = [chr(c) for c in range(0x10000)]
    assert set(tk._AFTER_CHARS) == {c for c in bmp if after.fullmatch(c)}
    assert set(tk._QUOTE_CHARS) == {c for c in bmp if tk._REALIGN_RE.match(c + " ")}
    odd = {
        chr(c)
        for c in range(0x110000)
        if (chr(c).isspace() or regex.match(r"\s", chr(c))) and chr(c) not in string.whitespace
    }
    assert set(tk._ODD_SPACE) == odd
    assert set(tk._ASCII_SPACE) == set(string.whitespace)


def test_sentences_table_unchanged_for_any_batch_and_n_jobs(seed_corpus, monkeypatch):
    texts = seed_corpus.docs["text"].tolist() + EDGE_CASES
    c = ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))
    rows, counts = _definition(texts)
    want = ct.sentences(c, n_jobs=1)
    assert want[["para_id", "start", "end"]].values.tolist() == rows
    assert want.groupby("doc_id", sort=False).size().reindex(c.doc_ids, fill_value=0).tolist() == (
        counts
    )
    monkeypatch.setattr(tk, "_BATCH", 3)
    for n_jobs in (1, 2):
        c2 = ct.Corpus(c.docs.copy())
        pd.testing.assert_frame_equal(ct.sentences(c2, n_jobs=n_jobs), want)


def test_default_n_jobs_uses_a_pool_above_the_threshold_and_changes_nothing(
    seed_corpus, monkeypatch
):
    import corpus_tools.io.batches as batches

    texts = seed_corpus.docs["text"].tolist() + EDGE_CASES
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    one = ct.Corpus(docs.copy())
    want_s = ct.sentences(one, n_jobs=1)
    want_t = ct.tokens(ct.Corpus(docs.copy()), n_jobs=1)
    want_c = ct.tokens(ct.Corpus(docs.copy()), n_jobs=1, compact=True)
    assert tk.resolve_jobs(None, docs["text"]) == 1  # a small corpus: one process
    monkeypatch.setattr(tk, "AUTO_MIN_CHARS", 1)
    monkeypatch.setattr(batches, "auto_jobs", lambda: 2)
    monkeypatch.setattr(tk, "_batch_size", lambda n_docs, n_jobs: 4 if n_jobs > 1 else 2000)
    assert tk.resolve_jobs(None, docs["text"]) == 2
    assert tk.resolve_jobs(1, docs["text"]) == 1
    # sentences first (the spans are cached), and tokens first (workers split too)
    c = ct.Corpus(docs.copy())
    pd.testing.assert_frame_equal(ct.sentences(c), want_s)
    pd.testing.assert_frame_equal(ct.tokens(c), want_t)
    c = ct.Corpus(docs.copy())
    pd.testing.assert_frame_equal(ct.tokens(c, compact=True), want_c)
    pd.testing.assert_frame_equal(ct.sentences(c), want_s)
    assert not tk._SHARED  # the shared column is released


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("a b a", [(0, 1), (2, 3), (4, 5)]),
        ("Iran’s “envoy” — Müller 😀 said.", [(0, 4), (4, 6), (7, 8), (8, 13), (13, 14)]),
        ("abb", [(0, 1), (2, 3)]),  # the gap "b" reads like a token
        ("xyz", [(2, 3), (0, 1)]),  # not in order
        ("ab", []),
        ("😀é😀 é", [(0, 1), (1, 2), (2, 3), (4, 5)]),
    ],
)
def test_token_codes_are_the_slices_in_order_of_first_use(text, spans):
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    codes, types = tk.token_codes(text, starts, ends)
    want = [text[s:e] for s, e in spans]
    assert [types[c] for c in codes.tolist()] == want
    assert types == list(dict.fromkeys(want))


_TOKEN_SOUP = st.text(
    alphabet=st.sampled_from(
        list("aZ1. ?!\n\"”“'’)(,:;-_sS%\u00a0\u2028\x85\u02bc\u2032«—\u2212é😀\t")
    ),
    max_size=120,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(_TOKEN_SOUP, min_size=1, max_size=6))
def test_chunk_tokens_equal_spans_then_codes(texts):
    text = "\n".join(texts)
    view = tk.fold(text)
    starts, ends, codes, types = tk.chunk_tokens(text, view)
    want_s, want_e = tk.token_spans(view)
    want_codes, want_types = tk.token_codes(text, want_s, want_e)
    assert starts.tolist() == want_s.tolist() and ends.tolist() == want_e.tolist()
    assert codes.tolist() == want_codes.tolist() and types == want_types


def test_chunk_tokens_on_real_articles(seed_corpus):
    real = sorted((HERE / "data" / "real" / "bbc").rglob("*.txt"))
    texts = seed_corpus.docs["text"].tolist() + [p.read_text(encoding="utf-8") for p in real]
    text = "\n".join(texts)
    view = tk.fold(text)
    starts, ends, codes, types = tk.chunk_tokens(text, view)
    want_s, want_e = tk.token_spans(view)
    assert starts.tolist() == want_s.tolist() and ends.tolist() == want_e.tolist()
    assert [types[c] for c in codes.tolist()] == [
        text[s:e] for s, e in zip(want_s.tolist(), want_e.tolist(), strict=True)
    ]


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["The", "THE", "the", "US", "us", "U.S.", "I", "a", "A", "_", "—"]),
            st.sampled_from(["Iran’s", "’s", "ÉTÉ", "été", "Straße", "İ", "ǅ", "½", "𝒜", "x_1"]),
            st.text(alphabet=st.sampled_from(list("aZ1_'’.-ÉéßİΣς")), min_size=1, max_size=6),
        ),
        unique=True,
        max_size=40,
    )
)
def test_type_columns_equal_the_per_string_definitions(types):
    codes, lowers, word, stop_t = tk.type_columns(types)
    stop = tk.load_stopwords()
    want_lower = [tk.fold(t).casefold() for t in types]
    assert [lowers[c] for c in codes.tolist()] == want_lower
    assert lowers == list(dict.fromkeys(want_lower))
    assert word.tolist() == [tk.is_word(t) for t in types]
    assert stop_t.tolist() == [
        tk.is_stopword(t, low, stop) for t, low in zip(types, want_lower, strict=True)
    ]


def test_plain_word_test_by_flags_equals_isalpha_and_abbreviations_still_hold():
    """_breaks reads "is the word before the dot all letters" from the flags, not str.isalpha."""
    words = ["Mr", "No1", "été", "\U0001d400b", "İstanbul", "U.S", "x_y", "Gen", "approx", "Co"]
    text = " ".join(w + "." for w in words)
    j = tk._Joined(text)
    a, b, pos = [], [], 0
    for w in words:
        a.append(pos)
        b.append(pos + len(w))
        pos += len(w) + 2
    got = tk._all_letters(j, np.array(a), np.array(b)).tolist()
    assert got == [w.isalpha() for w in words] == [
        True, False, True, True, True, False, False, True, True, True
    ]  # fmt: skip
    _check(
        [
            "He met Gen. Smith at noon. Then İstanbul. Approx. ten left. ÉTÉ. Fin.",
            "Prices rose 5 p.c. in May. The U.S. Co. Ltd. agreed. \U0001d400b. Next one.",
            'He said "Stop." Then left. (It ended.) And "more."',
        ]
    )
    rows, _ = sentence_batch(["He met Gen. Smith today. Then left."])
    assert rows.tolist() == [[0, 0, 24], [0, 25, 35]]  # "Gen." is an abbreviation


def test_cached_sentence_rows_are_int32_on_every_path_and_tables_unchanged(
    seed_corpus, monkeypatch
):
    # the spans kept on a corpus take 12 bytes a sentence (offsets are within one document);
    # every table read from them keeps its int64 columns and values
    texts = seed_corpus.docs["text"].tolist() + EDGE_CASES
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    rows, counts = _definition(texts)
    want_s = ct.sentences(ct.Corpus(docs.copy()), n_jobs=1)
    want_t = ct.tokens(ct.Corpus(docs.copy()), n_jobs=1)
    assert want_s[["para_id", "start", "end"]].values.tolist() == rows
    monkeypatch.setattr(tk, "_batch_size", lambda n_docs, n_jobs: 4 if n_jobs > 1 else 2000)
    for first in ("sentences", "tokens"):  # tokens first: the workers split the sentences
        for n_jobs in (1, 2):
            c = ct.Corpus(docs.copy())
            getattr(ct, first)(c, n_jobs=n_jobs)
            kept, starts = tk.sentence_spans(c)
            assert kept.dtype == np.int32 and kept.shape == (len(rows), 3)
            assert kept.tolist() == [list(r) for r in rows]
            assert np.diff(starts).tolist() == counts
            pd.testing.assert_frame_equal(ct.sentences(c), want_s)
            pd.testing.assert_frame_equal(ct.tokens(c), want_t)
    empty = ct.Corpus(
        pd.DataFrame({"doc_id": pd.Series([], dtype=object), "text": pd.Series([], dtype=str)})
    )
    assert tk.sentence_spans(empty)[0].dtype == np.int32
    big = np.array([[0, 0, 2**31]])
    assert tk.compact_rows(big) is big  # a document past 2**31 characters keeps int64
