"""Helpers behind the fast ``tokens()`` path give the values of their definitions.

``_piece_cuts`` finds chunk starts on UTF-8 bytes (whitespace as
``str.isspace``), ``_TokenTableBuilder`` merges the batches' token strings
with one Arrow hash, ``_objects`` turns Arrow strings into Python ``str``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus_tools as ct
from corpus_tools import tokenize as tk


def _chunk_starts(text: str) -> list[int]:
    """The definition: a non-space character after a space (or at the start)."""
    return [i for i, c in enumerate(text) if not c.isspace() and (i == 0 or text[i - 1].isspace())]


def test_piece_cuts_on_a_known_text():
    raw, at_byte, at_char = tk._piece_cuts("é b\u00a0c\u3000d 😀e\u2028 f")
    assert raw == "é b\u00a0c\u3000d 😀e\u2028 f".encode()
    assert at_char.tolist() == [0, 2, 4, 6, 8, 12]
    assert at_byte.tolist() == [0, 3, 6, 10, 12, 21]


def test_piece_cuts_ascii_and_empty():
    raw, at_byte, at_char = tk._piece_cuts("  a bc\n\x1cd ")
    assert at_char.tolist() == [2, 4, 8] and at_byte.tolist() == [2, 4, 8]
    raw, at_byte, at_char = tk._piece_cuts("")
    assert raw == b"" and at_char.tolist() == [] and at_byte.tolist() == []


def test_every_unicode_whitespace_is_found():
    # every code point str.isspace calls whitespace, each between two letters
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert len(spaces) == 29 and max(map(ord, spaces)) < 0x10000
    text = "a" + "a".join(spaces) + "a"
    _, at_byte, at_char = tk._piece_cuts(text)
    assert at_char.tolist() == list(range(0, len(text), 2))
    assert at_byte.tolist() == [len(text[:i].encode()) for i in at_char.tolist()]


def test_no_other_character_is_whitespace():
    # every other code point (surrogates included) is part of a chunk
    text = "".join(chr(c) for c in range(0x110000) if not chr(c).isspace())
    raw, at_byte, at_char = tk._piece_cuts(text)
    assert at_char.tolist() == [0] and at_byte.tolist() == [0]
    assert len(raw) == len(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab .\n\t\u00a0\u2028\u3000\x85é€😀\ud800\x1f")), max_size=80
    )
)
def test_piece_cuts_equal_the_definition(text):
    raw, at_byte, at_char = tk._piece_cuts(text)
    assert at_char.tolist() == _chunk_starts(text)
    assert at_byte.tolist() == [
        len(text[:i].encode("utf-8", "surrogatepass")) for i in at_char.tolist()
    ]


def test_objects_gives_python_strings():
    out = tk._objects(pa.array(["Iran", "’s", ""], pa.large_string()))
    assert out.dtype == object and out.tolist() == ["Iran", "’s", ""]
    assert all(type(x) is str for x in out)
    assert tk._objects(pa.array([], pa.large_string())).dtype == object


def test_builder_merges_batch_vocabularies_in_first_use_order():
    b = tk._TokenTableBuilder()
    b.add_batch(["d1"], ["Beta alpha. beta"])
    b.add_batch(["d2", "d3"], ["alpha Gamma", ""])
    b.add_batch(["d4"], ["gamma, Beta"])
    df = b.frame(compact=True)
    assert list(df["token"].cat.categories) == ["Beta", "alpha", ".", "beta", "Gamma", "gamma", ","]
    assert list(df["lower"].cat.categories) == ["beta", "alpha", ".", "gamma", ","]
    assert list(df["doc_id"].cat.categories) == ["d1", "d2", "d3", "d4"]
    assert df["token"].astype(str).tolist() == [
        "Beta", "alpha", ".", "beta", "alpha", "Gamma", "gamma", ",", "Beta"
    ]  # fmt: skip
    assert df["doc_id"].astype(str).tolist() == ["d1"] * 4 + ["d2"] * 2 + ["d4"] * 3
    assert df["token_id"].tolist() == [0, 1, 2, 3, 0, 1, 0, 1, 2]
    assert df["sent_id"].tolist() == [0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert df["start"].tolist() == [0, 5, 10, 12, 0, 6, 0, 5, 7]
    assert df["is_word"].tolist() == [True, True, False, True, True, True, True, False, True]
    assert str(df["start"].dtype) == "int32" and str(df["sent_id"].dtype) == "int32"


def test_builder_default_table_equals_compact_values():
    texts = ["The US left. They came back.", "Iran’s envoy—and the U.S. one."]
    corpus = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": texts}))
    full = ct.tokens(corpus, n_jobs=1)
    compact = ct.tokens(corpus, compact=True, n_jobs=1)
    assert [str(t) for t in full.dtypes] == [
        "object", "int64", "int64", "object", "object", "int64", "int64", "bool", "bool"
    ]  # fmt: skip
    assert full["token"].tolist() == compact["token"].astype(str).tolist()
    assert full["lower"].tolist()[:4] == ["the", "us", "left", "."]
    assert full["lower"].tolist()[8:11] == ["iran", "'s", "envoy-and"]
    assert full["is_stop"].tolist()[:2] == [True, False]
    assert np.array_equal(full["start"].to_numpy(), compact["start"].to_numpy())


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(st.integers(-5, 60), max_size=30),
    st.lists(st.integers(-5, 60), max_size=60),
)
def test_last_at_or_before_equals_searchsorted(bounds, pos):
    b = np.array(sorted(bounds), dtype=np.int64)
    p = np.array(sorted(pos), dtype=np.int64)
    want = np.searchsorted(b, p, side="right") - 1
    assert tk.last_at_or_before(b, p).tolist() == want.tolist()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab.\n\n\n \t\r\x0b\x0c\u00a0\u2028\x1c\x85\x00é😀")),
        max_size=60,
    )
)
def test_paragraph_breaks_equal_the_pattern(text):
    starts, ends = tk._paragraph_breaks(tk._Joined(text))
    want = [m.span() for m in tk._PARA_RE.finditer(text)]
    assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == want


def test_paragraph_breaks_on_a_known_text():
    # the line break before the no-break space starts no break: only [ \t\f\v\r] may lie between
    text = "Head\n\nBody one.\n \t\nBody two.\n\u00a0\n\n\nEnd\n"
    starts, ends = tk._paragraph_breaks(tk._Joined(text))
    assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == [(4, 6), (15, 19), (30, 33)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("a .\né€\u00a0\u3000😀\ud800\u2028")), max_size=40))
def test_byte_offsets_equal_the_encoded_prefix_lengths(text):
    """Character -> UTF-8 byte offsets (lone surrogates as ``surrogatepass`` writes them)."""
    raw = text.encode("utf-8", "surrogatepass")
    want = [len(text[:i].encode("utf-8", "surrogatepass")) for i in range(len(text) + 1)]
    got = tk._byte_offsets(raw, np.arange(len(text) + 1, dtype=np.int64))
    assert got.tolist() == want


def test_distinct_pieces_read_from_the_dictionary_bytes():
    """One string of the distinct pieces in first-use order, their widths in characters."""
    text = "Gaza talks 😀 talks é Gaza "
    raw, at_byte, _ = tk._piece_cuts(text)
    codes, joined, widths = tk._distinct_pieces(raw, np.append(at_byte, len(raw)))
    assert joined == "Gaza talks 😀 é "
    assert widths.tolist() == [5, 6, 2, 2] and codes.tolist() == [0, 1, 2, 1, 3, 0]


def test_joined_flags_equal_each_characters_flag():
    """``_Joined``'s flags (byte translation below U+0100, table above) equal ``_sent_flag``.

    Every character below U+0300, a sample of the rest of the BMP and astral characters,
    in an ASCII text and in a wider one.
    """
    chars = [chr(c) for c in range(0x300)] + [chr(c) for c in range(0x300, 0x10000, 97)]
    chars += ["\u2028", "\u3000", "\u2026", "\uff01", "\U0001f600", "\U0001d400", "\U00010400"]
    wide = "".join(chars)
    j = tk._Joined(wide)
    assert j.flags.tolist() == [tk._sent_flag(c) for c in wide]
    ascii_text = 'Mr. Li left. \t\n(He said: "no!")\x00x'
    j = tk._Joined(ascii_text)
    assert j.cps.dtype == np.uint8
    assert j.flags.tolist() == [tk._sent_flag(c) for c in ascii_text]
    assert j.flags.flags.writeable


def test_piece_cuts_whitespace_is_str_isspace_for_every_bmp_character():
    """A chunk starts after every ``str.isspace`` character, ASCII (byte table) or wider."""
    cps = [c for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    text = "".join(f"x{chr(c)}" for c in cps)
    raw, at_byte, at_char = tk._piece_cuts(text)
    assert at_char.tolist() == _chunk_starts(text)
    spaces = {chr(c) for c in cps if chr(c).isspace()}
    assert len(at_char) == 1 + len(spaces)  # "x" + a space starts a new chunk, nothing else does


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=6), max_size=30))
def test_token_ids_equal_their_definition(n_tok):
    counts = np.array(n_tok, dtype=np.int64)
    n = int(counts.sum())
    first = np.cumsum(counts) - counts
    expected = np.arange(n) - np.repeat(first, counts)  # the definition the builder had
    got = tk._token_ids(counts, n)
    assert got.dtype == np.int32
    assert got.tolist() == expected.tolist()


def _coded(n_tok, sent_id, codes, types, start, end):
    return {
        "n_tok": np.array(n_tok, dtype=np.int32),
        "sent_id": np.array(sent_id, dtype=np.int32),
        "codes": np.array(codes, dtype=np.int32),
        "types": pa.array(types, pa.large_string()),
        "start": np.array(start, dtype=np.int64),
        "end": np.array(end, dtype=np.int64),
    }


def test_builder_keeps_int64_offsets_when_one_batch_needs_them():
    b = tk._TokenTableBuilder()
    b.add_coded(["a"], _coded([2], [0, 0], [0, 1], ["x", "y"], [0, 2], [1, 3]))
    big = 2**31 + 5
    b.add_coded(["b", "c"], _coded([0, 2], [0, 1], [1, 0], ["x", "z"], [4, big], [5, big + 1]))
    df = b.frame(compact=True)
    assert str(df["start"].dtype) == "int64" and str(df["end"].dtype) == "int64"
    assert df["start"].tolist() == [0, 2, 4, big]
    assert df["end"].tolist() == [1, 3, 5, big + 1]
    assert df["token"].astype(str).tolist() == ["x", "y", "z", "x"]
    assert df["doc_id"].astype(str).tolist() == ["a", "a", "c", "c"]
    assert df["token_id"].tolist() == [0, 1, 0, 1]
    assert df["sent_id"].tolist() == [0, 0, 0, 1]


def test_builder_without_tokens_gives_an_empty_table():
    b = tk._TokenTableBuilder()
    b.add_batch(["a", "b"], ["", " "])
    df = b.frame(compact=True)
    assert len(df) == 0 and list(df["doc_id"].cat.categories) == ["a", "b"]


def _job_table(texts):
    """The compact table built from ``_tokens_job``'s batches (what a pool worker sends)."""
    tk._share_texts(pd.Series(texts, dtype=object))
    try:
        b = tk._TokenTableBuilder()
        for i, j in ((0, 2), (2, len(texts))):
            _, coded = tk._tokens_job((i, j, None))
            b.add_coded([f"d{k}" for k in range(i, j)], coded)
            yield coded
        yield b.frame(compact=True)
    finally:
        tk._SHARED.clear()


def test_worker_batches_send_widths_and_narrow_sentence_ids():
    texts = ["One two. Three four!", "Iran’s envoy—and the U.S. one.", "", "Last one here."]
    *batches, df = list(_job_table(texts))
    for coded in batches:
        assert "end" not in coded and coded["width"].dtype == np.uint16
        assert coded["sent_id"].dtype == np.uint16 and coded["start"].dtype == np.int32
    b = tk._TokenTableBuilder()
    b.add_batch([f"d{k}" for k in range(4)], texts)
    pd.testing.assert_frame_equal(df, b.frame(compact=True), check_exact=True)
    assert str(df["end"].dtype) == "int32" and str(df["sent_id"].dtype) == "int32"


def test_a_token_wider_than_a_uint16_keeps_its_end():
    long_word = "x" * 70_000
    texts = ["a b.", "c.", f"Start {long_word} end.", "d."]
    *batches, df = list(_job_table(texts))
    assert "width" in batches[0] and "end" in batches[1] and "width" not in batches[1]
    row = df[df["token"].astype(str) == long_word].iloc[0]
    assert (row["start"], row["end"]) == (6, 70_006)
    assert df["end"].tolist() == (df["start"] + df["token"].astype(str).str.len()).tolist()


def test_builder_columns_sized_from_characters_grow_when_short_and_match():
    texts = ["One two. Three four!", "Iran’s envoy—and the U.S. one.", "", "Last one here."] * 7
    ref = tk._TokenTableBuilder()
    ref.add_batch([f"d{k}" for k in range(len(texts))], texts)
    want = ref.frame(compact=True)
    # told far too few characters (the columns must grow), the right number, or none at all
    for chars in (1, sum(map(len, texts)), None):
        b = tk._TokenTableBuilder(chars)
        for i in range(0, len(texts), 3):
            part = texts[i : i + 3]
            ids = [f"d{k}" for k in range(i, i + len(part))]
            b.add_coded(ids, tk.coded_batch(part), None if chars is None else sum(map(len, part)))
        got = b.frame(compact=True)
        pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_gather_rows_threads_equal_one_thread(monkeypatch):
    # the table's per-token look-ups split over threads give table[code] exactly
    monkeypatch.setattr(tk, "_THREAD_ROWS", 4)
    code = np.array([2, 0, 1, 1, 2, 0, 0, 2, 1], dtype=np.int32)
    lower = np.array([7, 8, 9], dtype=np.int32)
    word = np.array([True, False, True])
    got = tk._gather_rows((lower, word), code, 3)
    assert got[0].tolist() == [9, 7, 8, 8, 9, 7, 7, 9, 8]
    assert got[0].dtype == np.int32
    assert got[1].tolist() == [True, True, False, False, True, True, True, True, False]
    empty = tk._gather_rows((lower, word), np.empty(0, np.int32), 2)
    assert [len(e) for e in empty] == [0, 0] and empty[1].dtype == bool


def test_tokens_table_same_with_threaded_lookups(monkeypatch):
    # tokens(n_jobs=2) builds its table's look-ups in two threads: same table as n_jobs=1
    monkeypatch.setattr(tk, "_THREAD_ROWS", 8)
    monkeypatch.setattr(tk, "_batch_size", lambda n_docs, n_jobs: 2)
    texts = [
        "The US left. Iran’s envoy said no.",
        "A second text, with numbers 12% and 20th.",
        "Dr. Smith met the PM in Berlin on Monday.",
        "",
        "Über straße — naïve café.",
    ]
    c1 = ct.Corpus(pd.DataFrame({"doc_id": list("abcde"), "text": texts}))
    c2 = ct.Corpus(pd.DataFrame({"doc_id": list("abcde"), "text": texts}))
    one = ct.tokens(c1, n_jobs=1, compact=True)
    two = ct.tokens(c2, n_jobs=2, compact=True)
    pd.testing.assert_frame_equal(one, two)
    assert one["is_stop"].tolist()[:2] == [True, False]
    assert one["lower"].astype(str).tolist()[5] == "'s"
