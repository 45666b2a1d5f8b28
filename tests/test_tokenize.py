"""Tests for corpus_tools.tokenize: sentences, words, offsets, offline behaviour."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

import corpus_tools as ct
from corpus_tools.tokenize import (
    doc_tokens,
    fold,
    load_abbreviations,
    split_sentences,
    tokenize_text,
)

PKG = Path(ct.__file__).resolve().parent

METHODS_EXAMPLE = (
    "Mr. Zhai met Deputy Foreign Minister Mikhail Bogdanov on Jan. 9 in Doha. "
    "The U.S. ambassador was absent. Talks ended at 5 p.m. Officials said more "
    "talks are planned."
)


def _sents(text: str) -> list[str]:
    return [text[s:e] for _, s, e in split_sentences(text)]


# --------------------------------------------------------------------------
# sentences
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            METHODS_EXAMPLE,
            [
                "Mr. Zhai met Deputy Foreign Minister Mikhail Bogdanov on Jan. 9 in Doha.",
                "The U.S. ambassador was absent.",
                # README (Sentences and words, offline): the price of the abbreviation list
                "Talks ended at 5 p.m. Officials said more talks are planned.",
            ],
        ),
        ("He said “we agree.” Then he left.", ["He said “we agree.”", "Then he left."]),
        ("Talks ended... The envoy left.", ["Talks ended... The envoy left."]),
        ("Mr Zhai left. Dr. Li stayed.", ["Mr Zhai left.", "Dr. Li stayed."]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        (
            "Gen. Smith and Sen. Jones met in the U.K. on Tuesday.",
            ["Gen. Smith and Sen. Jones met in the U.K. on Tuesday."],
        ),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_sentence_splits(text, expected):
    assert _sents(text) == expected


def test_headlines_and_paragraphs():
    text = (
        "Envoys meet in Doha\n"
        "Russia said it would act. China agreed.\n\n"
        "A second paragraph. He said “we agree.” Then he left.\n"
        "Headline here\n"
        "Body text."
    )
    got = [(p, text[s:e]) for p, s, e in split_sentences(text)]
    assert got == [
        (0, "Envoys meet in Doha"),
        (0, "Russia said it would act."),
        (0, "China agreed."),
        (1, "A second paragraph."),
        (1, "He said “we agree.”"),
        (1, "Then he left."),
        (1, "Headline here"),
        (1, "Body text."),
    ]


def test_punctuated_line_break_does_not_split_sentence():
    # a line ending in punctuation followed by a single newline is not a unit
    # boundary by itself; Punkt decides
    text = "The talks, which began on\nMonday, ended."
    assert _sents(text) == ["The talks, which began on", "Monday, ended."]
    text2 = "The talks began, and\n continued."
    # "and" has no final punctuation, but the next line starts lower-case: it goes on the
    # sentence (hard-wrapped text); with a capital it would be a unit of its own
    assert _sents(text2) == ["The talks began, and\n continued."]
    assert _sents("The talks began, and\n Continued.") == ["The talks began, and", "Continued."]


def test_untrained_punkt_splits_abbreviations_but_shipped_does_not():
    # README (Sentences and words, offline): untrained Punkt breaks after Mr., Jan., U.S.
    untrained = [
        METHODS_EXAMPLE[s:e] for s, e in PunktSentenceTokenizer().span_tokenize(METHODS_EXAMPLE)
    ]
    assert untrained[:3] == [
        "Mr.",
        "Zhai met Deputy Foreign Minister Mikhail Bogdanov on Jan.",
        "9 in Doha.",
    ]
    assert len(_sents(METHODS_EXAMPLE)) == 3


def test_abbreviation_list_has_methods_entries():
    abbr = load_abbreviations()
    for a in ("mr", "mrs", "dr", "jan", "sept", "u.s", "u.k", "u.n", "a.m", "p.m", "inc", "vs"):
        assert a in abbr


@pytest.mark.parametrize(
    "text",
    [
        METHODS_EXAMPLE,
        "Headline\n\n  Para one.  Two sentences here.\n\n\nLast one without stop",
        "“Quote,” he said. “Another.”\n\nA\u00a0b. C d.",
        "x",
    ],
)
def test_sentence_offsets_invariant(text):
    spans = split_sentences(text)
    prev_end = 0
    for _, s, e in spans:
        seg = text[s:e]
        assert seg == seg.strip() and seg
        assert s >= prev_end
        prev_end = e
    para_ids = [p for p, _, _ in spans]
    assert para_ids == sorted(para_ids)


# --------------------------------------------------------------------------
# words
# --------------------------------------------------------------------------
def test_methods_worked_example_tokens():
    t = "citing Iran’s strikes on U.S. bases — 1,400 killed"
    got = [(t[s:e], s, e) for s, e in tokenize_text(t)]
    assert got == [
        ("citing", 0, 6),
        ("Iran", 7, 11),
        ("’s", 11, 13),
        ("strikes", 14, 21),
        ("on", 22, 24),
        ("U.S.", 25, 29),
        ("bases", 30, 35),
        ("—", 36, 37),
        ("1,400", 38, 43),
        ("killed", 44, 50),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel-Hamas war", ["Israel-Hamas", "war"]),
        ("don't stop", ["don't", "stop"]),
        ("12% of 3.5", ["12%", "of", "3.5"]),
        ("at 5 p.m.", ["at", "5", "p.m."]),
        ("IT'S", ["IT", "'S"]),
        ("'s", ["'", "s"]),
        ("(Reuters)", ["(", "Reuters", ")"]),
    ],
)
def test_token_table(text, expected):
    assert [text[s:e] for s, e in tokenize_text(text)] == expected


def test_tokenize_text_window():
    t = "One two. Three four."
    assert [t[s:e] for s, e in tokenize_text(t, 9, 20)] == ["Three", "four", "."]


def test_fold_length_preserving():
    t = "“Iran’s” — a\u00a0b \u2212 c «d»"
    assert len(fold(t)) == len(t)
    assert fold(t) == '"Iran\'s" - a b - c "d"'


def test_tokens_table_columns_and_stop_flag(corpus_from_texts):
    # the shipped (Snowball) list has "it" but not "us"; "IT" is an acronym
    c = corpus_from_texts({"a": "The US told IT it. Iran’s envoy left.", "b": "It too."})
    tok = ct.tokens(c)
    assert list(tok.columns) == [
        "doc_id",
        "sent_id",
        "token_id",
        "token",
        "lower",
        "start",
        "end",
        "is_word",
        "is_stop",
    ]
    rows = tok[tok.doc_id == "a"][["token", "lower", "is_stop", "is_word", "sent_id"]]
    as_list = [tuple(r) for r in rows.itertuples(index=False)]
    assert as_list == [
        ("The", "the", True, True, 0),
        ("US", "us", False, True, 0),  # all-caps acronym: never a stopword
        ("told", "told", False, True, 0),
        ("IT", "it", False, True, 0),  # all-caps: never a stopword
        ("it", "it", True, True, 0),
        (".", ".", False, False, 0),
        ("Iran", "iran", False, True, 1),
        ("’s", "'s", True, True, 1),
        ("envoy", "envoy", False, True, 1),
        ("left", "left", False, True, 1),
        (".", ".", False, False, 1),
    ]
    b = tok[tok.doc_id == "b"]
    assert b["token"].tolist() == ["It", "too", "."]
    assert b["is_stop"].tolist() == [True, True, False]
    assert tok["token_id"].tolist() == list(range(11)) + list(range(3))
    assert "us" not in ct.tokenize.load_stopwords()
    docs = dict(zip(c.docs.doc_id, c.docs.text, strict=False))
    for r in tok.itertuples(index=False):
        assert docs[r.doc_id][r.start : r.end] == r.token


def test_sentences_table(corpus_from_texts):
    c = corpus_from_texts({"a": "Headline\n\nOne. Two.", "b": ""})
    s = ct.sentences(c)
    assert list(s.columns) == ["doc_id", "sent_id", "para_id", "start", "end", "text"]
    assert [tuple(r) for r in s.itertuples(index=False)] == [
        ("a", 0, 0, 0, 8, "Headline"),
        ("a", 1, 1, 10, 14, "One."),
        ("a", 2, 1, 15, 19, "Two."),
    ]


def test_seed_offsets_invariant(seed_corpus):
    tok = ct.tokens(seed_corpus)
    sents = ct.sentences(seed_corpus)
    texts = dict(zip(seed_corpus.docs.doc_id, seed_corpus.docs.text, strict=False))
    assert all(
        texts[d][s:e] == t
        for d, s, e, t in zip(tok.doc_id, tok.start, tok.end, tok.token, strict=False)
    )
    assert all(
        texts[d][s:e] == t
        for d, s, e, t in zip(sents.doc_id, sents.start, sents.end, sents.text, strict=False)
    )
    assert len(tok) > 1000


# --------------------------------------------------------------------------
# Punkt reference equivalence (any fast path must reproduce shipped Punkt)
# --------------------------------------------------------------------------
def _reference_split(text: str) -> list[tuple[int, int, int]]:
    """The reference: NLTK Punkt with shipped abbreviations inside each unit."""
    from corpus_tools.tokenize import _units

    params = PunktParameters()
    params.abbrev_types = set(load_abbreviations())
    punkt = PunktSentenceTokenizer(params)
    out = []
    for para_id, us, ue in _units(text):
        unit = text[us:ue]
        if not unit.strip():
            continue
        for s, e in punkt.span_tokenize(unit):
            seg = unit[s:e]
            ls = len(seg) - len(seg.lstrip())
            rs = len(seg.rstrip())
            if rs > ls:
                out.append((para_id, us + s + ls, us + s + rs))
    return out


def test_seeds_match_punkt_reference(seed_corpus):
    for text in seed_corpus.docs.text:
        assert split_sentences(text) == _reference_split(text)
    for p in sorted((PKG.parent / "seeds").glob("*.txt")):
        raw = p.read_text(encoding="utf-8")
        assert split_sentences(raw) == _reference_split(raw)


_WORDS = st.sampled_from(
    [
        "Mr.",
        "Zhai",
        "Jan.",
        "9",
        "U.S.",
        "p.m.",
        "said",
        "the",
        "Doha.",
        "J.",
        "R.",
        "“we",
        "agree.”",
        "(Reuters)",
        "ended...",
        "Is",
        "it?",
        "Yes!",
        "No.",
        "5.",
        "a",
        "officials",
        "1,400",
        "3.5%",
        "—",
        "said:",
        "'quote.'",
        "e.g.",
        "Inc.",
        "St.",
        "U.S.-led",
        "no.",
        "vs.",
        "x.",
        "A.",
        ")",
        "“",
        "”",
        ".",
        "?!",
        "Oct.",
        "Dr",
        "it.",
        "..",
        "end.)",
        "[1].",
        "K.",
    ]
)
_SEPS = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", " \u00a0", "\t"])


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.tuples(_WORDS, _SEPS), min_size=1, max_size=40))
def test_property_matches_punkt_reference(parts):
    text = "".join(w + s for w, s in parts)
    assert split_sentences(text) == _reference_split(text)


@settings(max_examples=120, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("aB. ?!\n\"”“')(1,:;-")), max_size=80))
def test_property_random_punctuation_matches_reference(text):
    assert split_sentences(text) == _reference_split(text)


def test_doc_tokens_consistent_with_sentences():
    text = METHODS_EXAMPLE
    spans = split_sentences(text)
    for sent_id, s, e in doc_tokens(text):
        _, ss, se = spans[sent_id]
        assert ss <= s < e <= se


# --------------------------------------------------------------------------
# offline: no nltk data, no downloads
# --------------------------------------------------------------------------
def test_identical_without_nltk_data(tmp_path, seeds_path):
    empty = tmp_path / "nltk_data_empty"
    empty.mkdir()
    code = (
        "import json, corpus_tools as ct\n"
        "from corpus_tools.tokenize import split_sentences, tokenize_text\n"
        f"t = {METHODS_EXAMPLE!r}\n"
        "c = ct.load_corpus(%r)\n"
        "tok = ct.tokens(c)\n"
        "print(json.dumps([split_sentences(t), tokenize_text(t),"
        " tok[['doc_id','start','end','lower','is_stop']].values.tolist()]))\n"
    ) % str(seeds_path)
    env = dict(os.environ, NLTK_DATA=str(empty), HOME=str(tmp_path))
    res = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    got = json.loads(res.stdout)
    c = ct.load_corpus(seeds_path)
    tok = ct.tokens(c)
    expected = json.loads(
        json.dumps(
            [
                split_sentences(METHODS_EXAMPLE),
                tokenize_text(METHODS_EXAMPLE),
                tok[["doc_id", "start", "end", "lower", "is_stop"]].values.tolist(),
            ],
            default=int,
        )
    )
    assert got == expected


def test_no_download_or_network_calls_in_package():
    pattern = re.compile(r"nltk\.download|urlopen|urllib\.request|requests\.get|http\.client")
    offenders = []
    for p in sorted(PKG.rglob("*.py")):
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{p.name}:{i}: {line.strip()}")
    assert offenders == []


# --------------------------------------------------------------------------
# fast token table == definition (per-sentence matching, per-token attributes)
# --------------------------------------------------------------------------
def _reference_tokens(texts: dict[str, str]) -> list[tuple]:
    from corpus_tools.tokenize import load_stopwords

    stop = load_stopwords()
    rows = []
    for doc_id, text in texts.items():
        view = fold(text)
        tid = 0
        for sent_id, (_, s, e) in enumerate(_reference_split(text)):
            for ts, te in tokenize_text(text, s, e):
                tok = text[ts:te]
                low = view[ts:te].casefold()
                rows.append(
                    (
                        doc_id,
                        sent_id,
                        tid,
                        tok,
                        low,
                        ts,
                        te,
                        any(ch.isalnum() for ch in tok),
                        low in stop and not (tok.isupper() and len(tok) > 1),
                    )
                )
                tid += 1
    return rows


_SOUP = st.text(
    alphabet=st.sampled_from(list("aZ1. ?!\n\"”“'’)(,:;-_sS\u00a0\u2028\x85\u02bc\u2032«—\u2212")),
    max_size=60,
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(_SOUP, min_size=1, max_size=4))
def test_property_token_table_matches_definition(texts):
    docs = {f"d{i}": t for i, t in enumerate(texts)}
    c = ct.Corpus(
        __import__("pandas").DataFrame({"doc_id": list(docs), "text": list(docs.values())})
    )
    got = [tuple(r) for r in ct.tokens(c).itertuples(index=False)]
    assert got == _reference_tokens(docs)
    compact = ct.tokens(c, compact=True)
    assert [
        tuple(r)
        for r in compact.astype({"doc_id": object, "token": object, "lower": object}).itertuples(
            index=False
        )
    ] == got


def test_generated_news_matches_definition():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_generate", PKG.parent / "benchmarks" / "generate.py"
    )
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    docs = {d["doc_id"]: d["text"] for d in (gen.make_document(i) for i in range(25))}
    c = ct.Corpus(
        __import__("pandas").DataFrame({"doc_id": list(docs), "text": list(docs.values())})
    )
    got = [tuple(r) for r in ct.tokens(c).itertuples(index=False)]
    assert got == _reference_tokens(docs)
    for text in docs.values():
        assert split_sentences(text) == _reference_split(text)


def test_compact_dtypes(corpus_from_texts):
    c = corpus_from_texts({"a": "The US left.", "b": "It did."})
    tok = ct.tokens(c, compact=True)
    assert str(tok["doc_id"].dtype) == "category"
    assert str(tok["token"].dtype) == "category"
    assert tok["start"].dtype.name == "int32"
    assert tok["doc_id"].cat.categories.tolist() == ["a", "b"]


def test_token_table_does_not_depend_on_the_batch_size(seed_corpus, monkeypatch):
    import corpus_tools.tokenize as tk

    docs = seed_corpus.docs[["doc_id", "text"]]
    c1, c2 = ct.Corpus(docs), ct.Corpus(docs)
    one = ct.tokens(c1, compact=True)
    monkeypatch.setattr(tk, "_BATCH", 2)  # three batches for five documents
    many = ct.tokens(c2, compact=True)
    __import__("pandas").testing.assert_frame_equal(
        one.astype({"doc_id": object, "token": object, "lower": object}),
        many.astype({"doc_id": object, "token": object, "lower": object}),
    )
    assert ct.sentences(c2).equals(ct.sentences(c1))


def test_fold_chars_is_the_read_only_table_fold_applies():
    from corpus_tools.tokenize import FOLD_CHARS

    assert FOLD_CHARS["\u2019"] == "'" and FOLD_CHARS["\u2014"] == "-" and len(FOLD_CHARS) == 24
    assert all(len(k) == 1 and len(v) == 1 and v.isascii() for k, v in FOLD_CHARS.items())
    everything = "".join(FOLD_CHARS)
    assert ct.fold(everything) == "".join(FOLD_CHARS.values())
    with pytest.raises(TypeError):
        FOLD_CHARS["x"] = "y"  # type: ignore[index]


# ------------------------------------------------------------------ n_jobs
def _many_docs(seed_corpus: ct.Corpus, n: int = 40) -> ct.Corpus:
    """``n`` documents cut from the seeds at shifting offsets (quotes, dashes, abbreviations)."""
    import pandas as pd

    texts = seed_corpus.docs["text"].tolist()
    rows = []
    for i in range(n):
        t = texts[i % len(texts)]
        a = (i * 397) % max(1, len(t) - 600)
        rows.append({"doc_id": f"d{i:03d}", "outlet": f"o{i % 3}", "text": t[a : a + 600 + 37 * i]})
    rows.append({"doc_id": "empty", "outlet": "o0", "text": ""})
    return ct.Corpus(pd.DataFrame(rows))


def test_sentences_and_tokens_do_not_depend_on_n_jobs(seed_corpus, monkeypatch):
    """A process pool gives the same tables, row for row, and the same cached spans."""
    import numpy as np
    import pandas as pd

    from corpus_tools import tokenize as tk

    monkeypatch.setattr(tk, "_batch_size", lambda n_docs, n_jobs: 3 if n_jobs > 1 else 2000)
    one, two = _many_docs(seed_corpus), _many_docs(seed_corpus)
    toks1 = ct.tokens(one, compact=True)
    toks2 = ct.tokens(two, compact=True, n_jobs=2)  # splits sentences in the workers too
    assert len(toks1) > 5000
    pd.testing.assert_frame_equal(toks1, toks2)
    key = "tokenize.sentence_spans"
    assert one.is_cached(key) and two.is_cached(key)
    for a, b in zip(one.cached(key, tuple), two.cached(key, tuple), strict=True):
        assert np.array_equal(a, b)
    three = _many_docs(seed_corpus)
    pd.testing.assert_frame_equal(ct.sentences(three, n_jobs=2), ct.sentences(one))
    pd.testing.assert_frame_equal(ct.tokens(three, n_jobs=2), ct.tokens(one))  # cached spans


def test_term_counts_and_keyness_do_not_depend_on_n_jobs(seed_corpus, monkeypatch):
    import pandas as pd

    from corpus_tools import tokenize as tk

    monkeypatch.setattr(tk, "_batch_size", lambda n_docs, n_jobs: 4 if n_jobs > 1 else 2000)
    one, two = _many_docs(seed_corpus), _many_docs(seed_corpus)
    pd.testing.assert_frame_equal(
        ct.term_frequencies(one), ct.term_frequencies(two, n_jobs=2), check_exact=True
    )
    k1, k2 = ct.keyness(one, min_docs=1), ct.keyness(_many_docs(seed_corpus), min_docs=1, n_jobs=2)
    assert len(k1) > 100
    pd.testing.assert_frame_equal(k1, k2, check_exact=True)


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_n_jobs_must_be_a_positive_integer(seed_corpus, bad):
    fresh = ct.Corpus(seed_corpus.docs)
    for call in (
        lambda: ct.tokens(fresh, n_jobs=bad),
        lambda: ct.sentences(fresh, n_jobs=bad),
        lambda: ct.term_frequencies(fresh, n_jobs=bad),
    ):
        with pytest.raises(ct.CorpusValueError, match=r"n_jobs must be an integer >= 1"):
            call()


_CHUNK_SOUP = st.lists(
    st.sampled_from(list("aZé9٣²ⅷ_.,'-%$() \n\t\u00a0\u2028’“") + ["𝟘", "𝐀", "U.S.", "1,4", "'s"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_CHUNK_SOUP)
def test_vectorised_token_spans_equal_the_regex(text):
    # the array path (word runs and symbols, regex for the rest) == TOKEN_RE itself,
    # incl. digits outside ASCII (\d), letters beyond U+FFFF, "20th", "12%", "_"
    from corpus_tools.tokenize import split_tokens, token_codes, token_spans

    view = fold(text)
    starts, ends = token_spans(view)
    ref_s, ref_e, _ = split_tokens(view)
    assert starts.tolist() == ref_s.tolist() and ends.tolist() == ref_e.tolist()
    codes, types = token_codes(text, starts, ends)
    assert [types[c] for c in codes.tolist()] == [
        text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
    ]


def test_split_sentences_again_on_the_same_text_gives_a_fresh_equal_list():
    from corpus_tools.tokenize import split_sentences

    text = "Mr. Zhai met envoys. They left.\n\nA headline"
    first = split_sentences(text)
    assert first == [(0, 0, 20), (0, 21, 31), (1, 33, 43)]
    first.append((9, 9, 9))  # the caller's list: changing it changes no later result
    assert split_sentences(text) == [(0, 0, 20), (0, 21, 31), (1, 33, 43)]
    other = "".join(["Mr. Zhai met envoys. They left.\n\nA headline"])  # equal, not the same
    assert split_sentences(other) == split_sentences(text)
    assert split_sentences("One. Two.") == [(0, 0, 4), (0, 5, 9)]
