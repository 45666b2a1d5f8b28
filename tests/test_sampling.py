"""detail_sample (bounded, stratified, stable) and the corpus snapshot a report shares."""

from __future__ import annotations

import pickle
import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.sampling import allocate, doc_hash


def _corpus(sizes: dict[str | None, int]) -> ct.Corpus:
    rows = []
    for outlet, n in sizes.items():
        for i in range(n):
            rows.append({"doc_id": f"{outlet}-{i:04d}", "outlet": outlet, "text": "Talks ended."})
    return ct.Corpus(pd.DataFrame(rows))


def test_small_corpus_is_returned_unchanged(seeds_path):
    seeds = ct.load_corpus(seeds_path)
    assert ct.detail_sample(seeds) is seeds  # 5 <= 5,000: the same object, caches and all
    assert ct.detail_sample(seeds, 5) is seeds
    assert ct.detail_sample(seeds, None) is seeds
    assert ct.sample_note(seeds, seeds) == "all 5 documents"


def test_sample_is_bounded_and_stratified():
    c = _corpus({"Big": 600, "Mid": 300, "Small": 90, "Tiny": 10})
    s = ct.detail_sample(c, 100)
    assert len(s) == 100
    # one each first, then 96 in proportion to the 996 documents left (largest remainder)
    assert s.docs["outlet"].value_counts().to_dict() == {
        "Big": 59,
        "Mid": 30,
        "Small": 9,
        "Tiny": 2,
    }
    assert ct.sample_note(s, c) == "a sample of 100 of 1,000 documents, stratified by outlet"
    assert s.doc_ids == sorted(s.doc_ids)  # corpus order kept


def test_every_group_kept_while_there_is_room_and_missing_outlets_are_a_group():
    c = _corpus({**{f"O{k:03d}": 1 for k in range(40)}, "Wire": 500, None: 60})
    s = ct.detail_sample(c, 50)
    labels = set(s.group_labels("outlet"))
    assert len(s) == 50 and len(labels) == 42 and "(missing)" in labels
    # fewer places than groups: the largest groups get one each
    s2 = ct.detail_sample(c, 2)
    assert sorted(s2.group_labels("outlet")) == ["(missing)", "Wire"]


def test_sample_is_stable_under_reordering_and_other_groups_growing():
    c = _corpus({"A": 300, "B": 200})
    s = ct.detail_sample(c, 50)
    shuffled = ct.Corpus(c.docs.sample(frac=1.0, random_state=3))
    assert sorted(ct.detail_sample(shuffled, 50).doc_ids) == sorted(s.doc_ids)
    assert ct.detail_sample(c, 50).doc_ids == s.doc_ids
    # within a group the smallest doc_id hashes are taken
    a_ids = [d for d in c.doc_ids if d.startswith("A-")]
    picked = [d for d in s.doc_ids if d.startswith("A-")]
    assert sorted(picked, key=doc_hash) == sorted(a_ids, key=doc_hash)[: len(picked)]


def test_sample_without_strata_and_bad_options():
    c = _corpus({"A": 30, "B": 10})
    s = ct.detail_sample(c, 8, by=None)
    assert len(s) == 8
    assert sorted(s.doc_ids) == sorted(sorted(c.doc_ids, key=doc_hash)[:8])
    assert ct.sample_note(s, c, by=None) == "a sample of 8 of 40 documents"
    with pytest.raises(ct.CorpusValueError, match="at least 1"):
        ct.detail_sample(c, 0)
    with pytest.raises(ct.CorpusValueError, match="whole number"):
        ct.detail_sample(c, 2.5)  # type: ignore[arg-type]
    with pytest.raises(ct.CorpusValueError, match="not a docs column"):
        ct.detail_sample(c, 5, by="section")


def test_allocate_never_gives_a_group_more_than_it_has():
    sizes = pd.Series({"A": 3, "B": 1000, "C": 2})
    assert allocate(sizes, 10).to_dict() == {"A": 1, "B": 8, "C": 1}
    assert allocate(pd.Series({"A": 1, "B": 1, "C": 50}), 10).to_dict() == {"A": 1, "B": 1, "C": 8}
    assert allocate(sizes, 1005).to_dict() == sizes.to_dict()
    assert int(allocate(pd.Series({"A": 7, "B": 6}), 5).sum()) == 5


def test_snapshot_round_trip_keeps_tables_caches_and_load_notes(tmp_path, seeds_path):
    seeds = ct.load_corpus(seeds_path)
    counts = ct.overview(seeds)[["n_words", "n_sentences"]]
    path = ct.save_snapshot(seeds, tmp_path / "c.pickle", notes=["2 inputs skipped"])
    with pytest.warns(ct.CorpusToolsWarning, match="2 inputs skipped"):
        back = ct.load_snapshot(path)
    pd.testing.assert_frame_equal(back.docs, seeds.docs)
    pd.testing.assert_frame_equal(back.cleaning_log, seeds.cleaning_log)
    pd.testing.assert_frame_equal(back.skipped, seeds.skipped)
    assert back.root == seeds.root and repr(back) == repr(seeds)
    assert back.is_cached("overview.doc_counts")  # the word counts travel with it
    pd.testing.assert_frame_equal(ct.overview(back)[["n_words", "n_sentences"]], counts)
    pd.testing.assert_frame_equal(ct.keyness(back, by="outlet"), ct.keyness(seeds, by="outlet"))


def test_snapshot_errors_name_the_file_and_the_fix(tmp_path):
    with pytest.raises(ct.CorpusLoadError, match="SNAPSHOT = None"):
        ct.load_snapshot(tmp_path / "missing.pickle")
    other = tmp_path / "other.pickle"
    other.write_bytes(pickle.dumps({"docs": None}))
    with pytest.raises(ct.CorpusLoadError, match="not a corpus snapshot"):
        ct.load_snapshot(other)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        garbage = tmp_path / "garbage.pickle"
        garbage.write_bytes(b"not a pickle")
        with pytest.raises(ct.CorpusLoadError, match="cannot read"):
            ct.load_snapshot(garbage)


def test_singleton_strata_are_not_the_first_ids_and_notes_print_only_for_a_sample(capsys):
    c = _corpus({"A": 200})
    s = ct.detail_sample(c, 20, by="doc_id")  # one group per document
    assert len(s) == 20 and s.doc_ids != c.doc_ids[:20]
    assert ct.detail_sample(c, 20, by="doc_id").doc_ids == s.doc_ids
    ct.print_sample_note(s, c, "Quotes", by="doc_id")
    ct.print_sample_note(c, c, "Quotes")
    assert capsys.readouterr().out == (
        "Quotes: a sample of 20 of 200 documents, stratified by doc_id.\n"
    )
