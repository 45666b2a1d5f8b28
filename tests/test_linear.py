"""Structural linearity: per-document calls must not rescan the whole corpus.

No timings here (those are in ``benchmarks/bench_scaling.py``); these tests
count the work instead: how often the whole cleaning log is compared or
indexed, how often a per-document function runs.
"""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
import corpus_tools.corpus as corpus_mod
from corpus_tools.clean import clean_text

RAW = [
    "Talks in Doha\n\nShare this article\n\nAn ally that\n\nPutin visited.\n",
    "Envoys met.\r\nRead more: other news\r\n\r\nThey left\u200b.\n",
    "No chrome at all.",
    "Caf\u00c3\u00a9 owners said no.\n\nFollow us on Twitter\n",
]


def _corpus(n: int = 40) -> ct.Corpus:
    ids, texts, raws, log = [], [], [], []
    for i in range(n):
        raw = RAW[i % len(RAW)] + f"Line {i}.\n"
        clean, rows = clean_text(raw)
        doc_id = f"d{i:03d}"
        ids.append(doc_id)
        texts.append(clean)
        raws.append(raw)
        log.extend(dict(r, doc_id=doc_id) for r in rows)
    docs = pd.DataFrame({"doc_id": ids, "text": texts, "raw_text": raws})
    return ct.Corpus(docs, pd.DataFrame(log))


def test_reconstruct_every_document_is_exact():
    c = _corpus()
    assert len(c.cleaning_log) > len(c)  # several edits per document
    for doc_id in c.doc_ids:
        assert ct.reconstruct(c, doc_id) == c.raw(doc_id)


def test_reconstruct_indexes_the_log_once(monkeypatch):
    """The log is grouped by doc_id once; later calls compare no whole column."""
    c = _corpus()
    n_log = len(c.cleaning_log)
    factorized: list[int] = []
    real_factorize = pd.factorize

    def counting_factorize(values, *args, **kwargs):
        factorized.append(len(values))
        return real_factorize(values, *args, **kwargs)

    monkeypatch.setattr(corpus_mod.pd, "factorize", counting_factorize)
    ct.reconstruct(c, c.doc_ids[0])
    assert factorized == [n_log]

    whole_column_compares: list[int] = []
    real_eq = pd.Series.__eq__

    def counting_eq(self, other):
        if len(self) >= n_log:
            whole_column_compares.append(len(self))
        return real_eq(self, other)

    monkeypatch.setattr(pd.Series, "__eq__", counting_eq)
    for doc_id in c.doc_ids:
        assert ct.reconstruct(c, doc_id) == c.raw(doc_id)
        assert c.text(doc_id) == c.docs.loc[c.docs["doc_id"] == doc_id, "text"].iloc[0]
        c.log_for(doc_id)
    # the only whole-column comparisons are the ones this test makes on docs
    assert all(n == len(c) for n in whole_column_compares)
    assert factorized == [n_log]


def test_log_for_equals_a_full_scan():
    c = _corpus()
    log = c.cleaning_log
    for doc_id in c.doc_ids:
        expected = log[log["doc_id"] == doc_id].reset_index(drop=True)
        pd.testing.assert_frame_equal(c.log_for(doc_id), expected)


def test_log_index_follows_a_log_edited_in_place():
    c = _corpus(8)
    log = c.cleaning_log
    first = c.doc_ids[0]
    n_first = len(c.log_for(first))
    # a row appended in place: the index is rebuilt (the log grew)
    log.loc[len(log)] = log.iloc[0]
    assert len(c.log_for(first)) == n_first + 1
    # a row moved to another document in place: the stale positions are noticed
    pos = log.index[log["doc_id"] == first][0]
    log.loc[pos, "doc_id"] = c.doc_ids[1]
    assert len(c.log_for(first)) == n_first
    assert (c.log_for(first)["doc_id"] == first).all()


def test_doc_index_follows_docs_edited_in_place():
    c = _corpus(4)
    old = c.doc_ids[2]
    assert c.text(old)
    c.docs.loc[2, "doc_id"] = "renamed"
    assert c.text("renamed") == c.docs.loc[2, "text"]
    with pytest.raises(ct.CorpusValueError, match="unknown doc_id"):
        c.text(old)


def test_unknown_doc_id_in_log_for_and_reconstruct():
    c = _corpus(3)
    with pytest.raises(ct.CorpusValueError, match="unknown doc_id 'zz'"):
        c.log_for("zz")
    with pytest.raises(ct.CorpusValueError, match="unknown doc_id 'zz'"):
        ct.reconstruct(c, "zz")


class _CountingStr(str):
    """A str that counts the characters read through indexing and slicing."""

    touched = 0

    def __getitem__(self, key):  # type: ignore[override]
        out = str.__getitem__(self, key)
        type(self).touched += len(out)
        return out


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended today.\n" * 2000,  # many punctuated lines, one paragraph
        "\n\u00a0" * 5000,  # whitespace-only lines
        "Talks ended today\n" * 2000,  # every line a unit of its own
    ],
)
def test_paragraph_lines_read_each_character_a_bounded_number_of_times(text):
    from corpus_tools.tokenize import _lines

    _CountingStr.touched = 0
    units = list(_lines(_CountingStr(text), 0, len(text), 0))
    assert units[-1][2] == len(text)
    assert _CountingStr.touched <= 2 * len(text)


def test_paragraph_lines_agree_with_the_rstrip_definition():
    import random

    from corpus_tools.tokenize import _CLOSERS, _FINAL_PUNCT, _lines

    def final(line):
        # a line ends a sentence on sentence punctuation; closing marks (quotes,
        # brackets) at its end count only after punctuation, a space or nothing
        if line[-1] not in _CLOSERS:
            return line[-1] in _FINAL_PUNCT
        k = len(line) - 1
        while k > 0 and line[k - 1] in _CLOSERS:
            k -= 1
        return k == 0 or line[k - 1].isspace() or line[k - 1] in _FINAL_PUNCT

    def next_lower(text, i, end):
        rest = text[i:end].lstrip()
        return rest[:1].islower()

    def reference(text, start, end):
        # a line with text that leaves its sentence open is cut, unless the next line
        # starts lower-case (hard-wrapped text) and the line is not all capitals
        seg_start = line_start = start
        i = text.find("\n", start, end)
        while i != -1:
            current = text[line_start:i].strip()
            line = text[seg_start:i].rstrip()
            wrapped = not current.isupper() and next_lower(text, i + 1, end)
            if current and not final(line) and not wrapped:
                yield 0, seg_start, i
                seg_start = i + 1
            line_start = i + 1
            i = text.find("\n", i + 1, end)
        yield 0, seg_start, end

    rng = random.Random(7)
    alphabet = [
        "a",
        "b.",
        ".",
        "\n",
        " ",
        "\u00a0",
        "\t",
        "?",
        "\u2019",
        "x\n",
        "\n\u00a0\n",
        '"',
        ")",
        "C",
        "\nD",
    ]
    for _ in range(3000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        s = rng.randint(0, len(t))
        e = rng.randint(s, len(t))
        assert list(_lines(t, s, e, 0)) == list(reference(t, s, e)), (t, s, e)


def _grouped_corpus(n: int = 60) -> ct.Corpus:
    c = _corpus(n)
    docs = c.docs.copy()
    docs["outlet"] = [None if i % 7 == 0 else f"outlet {i % 5}" for i in range(n)]
    docs = docs.drop(columns=["n_chars"])
    return ct.Corpus(docs, c.cleaning_log)


def test_by_groups_like_a_scan_per_value():
    c = _grouped_corpus()
    values = c.docs["outlet"]
    expected_keys = sorted(values.dropna().unique().tolist()) + [None]
    got = list(c.by("outlet"))
    assert [k for k, _ in got] == expected_keys
    for key, sub in got:
        mask = values.isna() if key is None else values == key
        ids = c.docs.loc[mask, "doc_id"].tolist()
        assert sub.doc_ids == ids
        log = c.cleaning_log
        expected_log = log[log["doc_id"].isin(ids)].reset_index(drop=True)
        pd.testing.assert_frame_equal(sub.cleaning_log, expected_log)
        for doc_id in ids:
            assert ct.reconstruct(sub, doc_id) == c.raw(doc_id)


def test_by_compares_the_column_once_not_once_per_group(monkeypatch):
    c = _grouped_corpus()
    c.by("outlet")  # a generator: nothing runs yet
    whole_column_compares: list[int] = []
    real_eq = pd.Series.__eq__

    def counting_eq(self, other):
        if len(self) >= len(c):
            whole_column_compares.append(len(self))
        return real_eq(self, other)

    monkeypatch.setattr(pd.Series, "__eq__", counting_eq)
    groups = list(c.by("doc_id"))  # one group per document
    assert len(groups) == len(c)
    assert whole_column_compares == []


def test_subset_keeps_corpus_order_and_names_unknown_ids():
    c = _corpus(6)
    sub = c.subset([c.doc_ids[4], c.doc_ids[1], c.doc_ids[4]])
    assert sub.doc_ids == [c.doc_ids[1], c.doc_ids[4]]
    assert set(sub.cleaning_log["doc_id"]) <= set(sub.doc_ids)
    with pytest.raises(ct.CorpusValueError, match=r"unknown doc_id\(s\) \['nope'\]"):
        c.subset(["nope", c.doc_ids[0]])
    assert len(c.subset([])) == 0


def test_fold_equals_the_per_character_definition():
    import random

    from corpus_tools.tokenize import FOLD_CHARS, fold

    rng = random.Random(3)
    alphabet = [*FOLD_CHARS, "a", " ", "\u00e9", "'", '"', "-", "\U0001f600", "\n"]
    for _ in range(2000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert fold(t) == "".join(FOLD_CHARS.get(ch, ch) for ch in t)


def test_each_document_is_cleaned_once_and_split_once(monkeypatch):
    """load_corpus cleans every document once; sentences and tokens split each one once."""
    import corpus_tools.io.load as io_mod
    import corpus_tools.tokenize as tok_mod

    cleaned: list[int] = []
    real_clean = io_mod.clean_text

    def counting_clean(raw, **kwargs):
        cleaned.append(len(raw))
        return real_clean(raw, **kwargs)

    monkeypatch.setattr(io_mod, "clean_text", counting_clean)
    texts = [RAW[i % len(RAW)] + f"Line {i}. Mr. Li spoke.\n" for i in range(25)]
    c = ct.load_corpus(pd.DataFrame({"text": texts}))
    assert len(cleaned) == len(c) == 25

    split: list[int] = []
    real_split = tok_mod.sentence_batch

    def counting_split(texts):
        split.extend(len(t) for t in texts)
        return real_split(texts)

    monkeypatch.setattr(tok_mod, "sentence_batch", counting_split)
    ct.sentences(c)
    ct.tokens(c)
    ct.sentences(c)
    assert len(split) == len(c)  # spans computed once per corpus, shared by both tables


def test_scaling_benchmark_smoke_run(tmp_path):
    """benchmarks/bench_scaling.py runs and prints both tables (no timing asserted)."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_scaling.py"
    res = subprocess.run(
        [sys.executable, str(script), "--quick", "--stages", "load_corpus,sentences,tokens"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.stdout
    assert "| stage | 4 docs | 40 docs | ratio (10x input) |" in out
    assert "| stage | 2 KB | 8 KB | 8 KB / 2 KB | note |" in out
    for row in ("| load_corpus |", "| sentences |", "| tokens |", "| load_corpus (clean) |"):
        assert row in out
    assert list(tmp_path.iterdir()) == []  # temporary corpora are removed


def test_a_rules_file_given_as_a_path_is_read_once_per_load(tmp_path, monkeypatch):
    import corpus_tools.clean as clean_mod

    path = tmp_path / "mine.yml"
    path.write_text(
        "rules:\n  - id: podcast_prompt\n    category: signup\n"
        "    pattern: 'listen to our podcast.*'\n    description: podcast prompt\n"
        "    example: Listen to our podcast on Spotify\n",
        encoding="utf-8",
    )
    loads: list[str] = []
    real_load = clean_mod.load_rules

    def counting_load(p=None, **kwargs):
        loads.append(str(p))
        return real_load(p, **kwargs)

    monkeypatch.setattr(clean_mod, "load_rules", counting_load)
    texts = [f"Talks went on, day {i}.\n\nListen to our podcast now\n" for i in range(20)]
    c = ct.load_corpus(pd.DataFrame({"text": texts}), rules=path)
    assert loads == [str(path)]
    assert (c.cleaning_log["rule"] == "podcast_prompt").sum() == 20
    # a changed file is read again
    text = path.read_text(encoding="utf-8").replace("podcast.*", "podcast( now)?.*")
    path.write_text(text + "\n", encoding="utf-8")
    ct.load_corpus(pd.DataFrame({"text": texts[:2]}), rules=path)
    assert len(loads) == 2
