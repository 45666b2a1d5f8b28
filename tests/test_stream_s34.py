"""Session 34: the stream learns the templates and counts in one read when no template is
learned (most corpora), and its first pass keeps few line digests (lossy counting) while it
still finds every line that can be template."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from corpus_tools import load_rules
from corpus_tools import stream as stream_mod
from corpus_tools.stream import keyness_from_counts, stream_counts
from corpus_tools.templates import learn_templates, table_to_sets

NAMES = ["Russia", "China", "Ukraine", "Germany", "Iran", "Israel"]


def _frame(n: int, footer: dict[str, list[int]] | None = None, seed: int = 3) -> pd.DataFrame:
    """``n`` documents of three outlets, each with its own story lines (and, for the
    documents listed per outlet in ``footer``, the outlet's footer line)."""
    rng = random.Random(seed)
    rows = []
    outlets = ["Daily", "Herald", "Post"]
    for i in range(n):
        outlet = outlets[i % 3]
        a, b = rng.sample(NAMES, 2)
        text = f"{a} and {b} met on day {i}.\nTalks number {i} went on in {a}."
        if i in (footer or {}).get(outlet, []):
            text += f"\nWeather on the {outlet} coast stays calm"
        rows.append({"doc_id": f"d{i}", "outlet": outlet, "text": text})
    return pd.DataFrame(rows)


def _two_reads(monkeypatch) -> None:
    """The stream as it was: the templates learned first, then a counting pass."""

    def first(source, kw, load_options, batch_size, n_jobs):
        kw["templates"] = stream_mod.template_sets(
            source, kw["rules"], load_options, batch_size, n_jobs
        )

    monkeypatch.setattr(stream_mod, "_first_pass", first)


def _counted_reads(monkeypatch) -> list[int]:
    reads: list[int] = []
    real = stream_mod._documents

    def documents(source, clean, load_options):
        reads.append(1)
        return real(source, clean, load_options)

    monkeypatch.setattr(stream_mod, "_documents", documents)
    return reads


def _tables(counts) -> list[pd.DataFrame]:
    return [
        counts.term_table(),
        keyness_from_counts(counts, min_count=1, min_docs=1),
        counts.mention_table(),
        counts.cooccurrence_table(min_count=1),
    ]


def _same(got, want) -> None:
    assert got == want
    for a, b in zip(_tables(got), _tables(want), strict=True):
        pd.testing.assert_frame_equal(a, b)


def _both(monkeypatch, frame, n_jobs, batch_size=7):
    reads = _counted_reads(monkeypatch)
    got = stream_counts(frame, n_jobs=n_jobs, batch_size=batch_size)
    n_reads = len(reads)
    with monkeypatch.context() as m:
        _two_reads(m)
        want = stream_counts(frame, n_jobs=n_jobs, batch_size=batch_size)
    return got, want, n_reads


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_without_a_template_the_source_is_read_once(monkeypatch, n_jobs):
    """No line in a fifth of an outlet's documents: one read, the counts of two reads."""
    got, want, reads = _both(monkeypatch, _frame(60), n_jobs)
    assert reads == 1
    _same(got, want)
    assert got.n_docs == 60 and len(got.term_table()) > 100


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_template_seen_late_is_counted_again_with_it(monkeypatch, n_jobs):
    """The Herald's footer starts after the first batches were counted as if there were no
    template: those counts are dropped and the corpus counted again with the template."""
    footer = {"Herald": list(range(40, 60)), "Post": [2]}  # 7 of the Herald's 20 documents
    got, want, reads = _both(monkeypatch, _frame(60, footer), n_jobs)
    assert reads == 3  # first pass, the candidate lines' keys, the counting pass
    _same(got, want)
    terms = got.term_table()
    coast = terms.loc[terms["term"] == "coast", "group"].tolist()
    assert coast == ["Post"]  # the Post's one footer line is no template, the Herald's is


def test_a_candidate_that_is_no_template_keeps_the_first_counts(monkeypatch):
    """'Contact Us' and 'ContactUs' share the first pass's string (3 documents: a candidate)
    but are two keys (2 + 1: no template): two reads, no recount, the same counts."""
    frame = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["Daily"] * 3,
            "text": ["Russia met.\nContact Us", "China met.\nContact Us", "Iran met.\nContactUs"],
        }
    )
    got, want, reads = _both(monkeypatch, frame, 1, batch_size=1)  # checked after 1 and 2
    assert reads == 2
    _same(got, want)


def test_given_templates_are_not_learned(monkeypatch):
    """Rules with templates off: no first pass, one counting read."""
    reads = _counted_reads(monkeypatch)
    rules = load_rules(disable_categories=["template"])
    got = stream_counts(_frame(30), rules=rules, batch_size=7)
    assert len(reads) == 1 and got.n_docs == 30


@pytest.mark.parametrize("compact", [10, 100, 4_000_000])
def test_lossy_counting_keeps_every_template_line(monkeypatch, compact):
    """A group of 600 documents (pruned: lines in at most 1 % of its documents so far are
    dropped), with a footer in a fifth of them and a line in 2.5 % of them: the footer is
    learned as the learner learns it, whenever the digests are summed, and the first
    pass keeps far fewer digests than the 1,202 distinct lines it read."""
    monkeypatch.setattr(stream_mod, "_TPL_COMPACT", compact)
    texts = [f"Story {i} happened.\nBy reporter {i}" for i in range(600)]
    for i in range(0, 600, 5):  # 120 documents: exactly a fifth
        texts[i] += "\nSubscribe to the newsletter"
    for i in range(0, 600, 40):  # 15 documents
        texts[i] += "\nA rare line"
    outlets = ["Daily"] * 600
    frame = pd.DataFrame({"text": texts, "outlet": outlets})
    got = stream_mod.template_sets(frame, None, {}, 50, 1)
    want = table_to_sets(learn_templates(zip(outlets, texts, strict=True)))
    assert got == want == {"Daily": frozenset({"subscribe to the newsletter"})}
    counts = stream_mod._TemplateCounts()
    for k in range(0, 600, 50):
        counts.add(stream_mod.template_first_pass(frame.iloc[k : k + 50].to_dict("records")))
    cand = counts.candidates(stream_mod.TemplateSettings())
    assert len(cand["Daily"]) == 1
    if compact < 4_000_000:
        assert len(counts.keys) < 50
    else:
        assert len(counts.keys) == 2  # one compaction at the end: pruned there too


REUTERS = [
    "WASHINGTON (Reuters) - The Senate met on Monday and Russia was named.",
    "LONDON (Reuters) - Talks with China went on for a second day.",
    "MOSCOW (Reuters) - Ukraine and Russia traded blame on Friday.",
    "Round-up of the week's posts from our readers.",
    "BERLIN (Reuters) - Germany said it would send envoys.",
]


@pytest.mark.parametrize("clean", [True, False])
def test_a_table_without_outlets_takes_its_datelines_agency_as_load_corpus(tmp_path, clean):
    """A table of Reuters stories with no outlet column: the documents that credit Reuters
    in their dateline are counted under 'Reuters' (the round-up keeps no outlet), as the
    loaded corpus groups them; a table of mixed credits names none."""
    import warnings

    import corpus_tools as ct

    pd.DataFrame({"text": REUTERS}).to_csv(tmp_path / "wire.csv", index=False)
    got = stream_counts(tmp_path / "wire.csv", clean=clean, batch_size=2)
    assert got.group_docs == {"Reuters": 4, "(missing)": 1}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = ct.load_corpus(tmp_path / "wire.csv", clean=clean)
    assert loaded.docs["outlet"].fillna("(missing)").value_counts().to_dict() == got.group_docs
    pd.testing.assert_frame_equal(got.term_table(), ct.term_frequencies(loaded), rtol=1e-12)
    by_year = stream_counts(tmp_path / "wire.csv", by="year", clean=clean)
    assert by_year.group_docs == {"(missing)": 5}
    mixed = [t.replace("Reuters", "AP") if i % 2 else t for i, t in enumerate(REUTERS)]
    pd.DataFrame({"text": mixed}).to_csv(tmp_path / "mixed.csv", index=False)
    assert stream_counts(tmp_path / "mixed.csv", clean=clean).group_docs == {"(missing)": 5}
