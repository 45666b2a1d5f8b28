"""Public API called carelessly: clear errors naming the argument, never a raw crash or a silent overwrite."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct

TEXTS = [
    "The minister said talks with China would resume on Monday. Officials met in Paris.",
    "Russia and China held talks. The minister said the meeting in Paris went well.",
    "Markets rose 3% on Monday as officials in Paris praised the talks with China.",
]


@pytest.fixture(scope="module")
def corpus() -> ct.Corpus:
    return ct.load_corpus(pd.DataFrame({"text": TEXTS, "outlet": ["A", "B", "A"]}))


def test_to_csv_safe_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "mine.csv"
    target.write_text("precious\n")
    with pytest.raises(
        ct.CorpusValueError, match=r"path=.*mine\.csv.*already exists.*overwrite=True"
    ):
        ct.to_csv_safe(pd.DataFrame({"a": [1]}), target)
    assert target.read_text() == "precious\n"
    with pytest.raises(ct.CorpusValueError, match=r"path=.* is a folder"):
        ct.to_csv_safe(pd.DataFrame({"a": [1]}), tmp_path)
    ct.to_csv_safe(pd.DataFrame({"a": [1]}), target, overwrite=True)
    assert target.read_text().splitlines() == ["a", "1"]


def test_save_snapshot_never_overwrites(tmp_path: Path, corpus: ct.Corpus) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("precious\n")
    with pytest.raises(ct.CorpusValueError, match=r"path=.*notes\.txt.*already exists"):
        ct.save_snapshot(corpus, target)
    assert target.read_text() == "precious\n"
    with pytest.raises(ct.CorpusValueError, match=r"path=.* is a folder"):
        ct.save_snapshot(corpus, tmp_path)
    back = ct.load_snapshot(ct.save_snapshot(corpus, target, overwrite=True))
    assert back.docs["text"].tolist() == corpus.docs["text"].tolist()


def test_write_network_never_overwrites(tmp_path: Path, corpus: ct.Corpus) -> None:
    g = ct.network(
        ct.cooccurrence(corpus, min_count=1), ct.actor_mentions(corpus), min_mentions=1, min_count=1
    )
    target = tmp_path / "net.graphml"
    target.write_text("precious\n")
    with pytest.raises(ct.CorpusValueError, match=r"path=.*net\.graphml.*already exists"):
        ct.write_network(g, target)
    assert target.read_text() == "precious\n"
    assert ct.write_network(g, target, overwrite=True) == target
    assert "<graphml" in target.read_text()


CORPUS_FUNCTIONS = [
    "overview", "corpus_summary", "cleaning_summary", "duplicates", "sentences", "tokens",
    "quotes", "frames", "hedges", "actor_mentions", "candidate_actors", "stance_triples",
    "numeric_claims", "stories", "text_reuse", "statements", "term_frequencies",
    "doc_term_counts", "keyness", "similarity", "cooccurrence", "compare_networks",
    "group_networks", "naming", "detail_sample",
]  # fmt: skip


@pytest.mark.parametrize("name", CORPUS_FUNCTIONS)
def test_dataframe_instead_of_corpus(name: str, corpus: ct.Corpus) -> None:
    with pytest.raises(
        ct.CorpusValueError,
        match=rf"{name}\(\) needs a Corpus as corpus=, got a pandas DataFrame; build one with ct\.load_corpus\(df\)",
    ):
        getattr(ct, name)(corpus.docs)


def test_path_or_none_instead_of_corpus() -> None:
    with pytest.raises(
        ct.CorpusValueError,
        match=r"kwic\(\) needs a Corpus as corpus=, got a str; build one with ct\.load_corpus\('news/'\)",
    ):
        ct.kwic("news/", "said")
    with pytest.raises(
        ct.CorpusValueError, match=r"target_sentiment\(\) needs a Corpus as corpus=, got a NoneType"
    ):
        ct.target_sentiment(None, ["China"])


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: ct.keyness(c, top_n=0), r"top_n=0 must be a whole number >= 1 or None"),
        (lambda c: ct.keyness(c, top_n=-1), r"top_n=-1 must be a whole number >= 1 or None"),
        (lambda c: ct.keyness(c, n_evidence=-1), r"n_evidence=-1 must be a whole number >= 0"),
        (lambda c: ct.keyness(c, min_docs=-1), r"min_docs=-1 must be a whole number >= 0"),
        (lambda c: ct.similarity(c, n_terms=-1), r"n_terms=-1 must be an integer >= 0"),
        (lambda c: ct.statements(c, prefix=0), r"prefix=0 must be a whole number >= 2"),
        (lambda c: ct.duplicates(c, shingle_size=0), r"shingle_size=0 must be a whole number >= 1"),
        (
            lambda c: ct.frame_coding_sample(ct.frames(c), c, "conflict", n=-1),
            r"n=-1 must be a whole number >= 0",
        ),
        (lambda c: ct.kwic(c, 5), r"term=5: give a word or phrase \(str\) or a list"),
        (lambda c: ct.numeric_claims(c, kinds="money"), r"kinds='money': pass a list of kinds"),
        (lambda c: ct.numeric_claims(c, kinds=["dollars"]), r"kinds=\['dollars'\]: unknown kind"),
        (
            lambda c: ct.compare_numbers(ct.numeric_claims(c), c, kinds="percent"),
            r"kinds='percent'",
        ),
        (lambda c: ct.count_texts("one text"), r"texts='one text'.*give a list of texts"),
    ],
)
def test_bad_argument_values_name_the_argument(call, message: str, corpus: ct.Corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ct.CorpusValueError, match=message):
        call(corpus)


def test_numeric_claims_kinds_list_still_filters(corpus: ct.Corpus) -> None:
    claims = ct.numeric_claims(corpus, kinds=["percent"])
    assert claims["text"].tolist() == ["3%"]


def test_top_must_be_positive(corpus: ct.Corpus) -> None:
    with pytest.raises(ct.CorpusValueError, match=r"top=-1 must be a whole number >= 1 or None"):
        ct.candidate_actors(corpus, top=-1)
    with pytest.raises(ct.CorpusValueError, match=r"top=0 must be a whole number >= 1"):
        ct.frame_evidence(ct.frames(corpus), corpus, top=0)


def test_unknown_encoding_is_one_error_not_every_file_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister said talks would resume.", encoding="utf-8")
    with pytest.raises(ct.CorpusValueError, match=r"encoding='utf8x' is not a known text encoding"):
        ct.load_corpus(tmp_path, encoding="utf8x")
    assert ct.load_corpus(tmp_path, encoding="utf-8").docs["text"].tolist() == [
        "The minister said talks would resume."
    ]


def test_integer_outlet_and_id_columns_with_a_gap_keep_their_integer_names(tmp_path: Path) -> None:
    # a gap makes pandas read an integer column as floats: outlet 1 must not become '1.0'
    table = tmp_path / "t.csv"
    table.write_text(
        "id,text,outlet\n10,The minister said talks resumed.,1\n,Officials met in Paris.,\n"
        "12,More talks are planned.,3\n",
        encoding="utf-8",
    )
    c = ct.load_corpus(table)
    assert c.docs["doc_id"].tolist()[0::2] == ["10", "12"]
    assert c.docs["outlet"].tolist() == ["1", None, "3"]
    assert ct.group_labels(c, "outlet").tolist() == ["1", "(missing)", "3"]


def test_keyness_with_one_group_warns_why_the_table_is_empty() -> None:
    one = ct.load_corpus(pd.DataFrame({"text": TEXTS, "outlet": ["A", "A", "A"]}))
    with pytest.warns(
        ct.CorpusToolsWarning,
        match=r"keyness by='outlet': the corpus has 1 group \('A'\).*table is empty",
    ):
        key = ct.keyness(one, min_count=1, min_docs=1)
    assert key.empty


def test_views_and_decode_bytes_name_the_bad_argument(corpus: ct.Corpus) -> None:
    hits = ct.kwic(corpus, "talks")
    with pytest.raises(ct.CorpusValueError, match=r"context=-1 must be a whole number >= 0"):
        ct.kwic_view(hits, context=-1)
    with pytest.raises(ct.CorpusValueError, match=r"max_rows=0 must be a whole number >= 1"):
        ct.kwic_view(hits, max_rows=0)
    with pytest.raises(ct.CorpusValueError, match=r"max_rows=-1 must be a whole number >= 1"):
        ct.evidence_view(ct.sentences(corpus), text="text", max_rows=-1)
    with pytest.raises(ct.CorpusValueError, match=r"data= must be bytes .* got str"):
        ct.decode_bytes("already text")  # type: ignore[arg-type]


def test_subset_with_a_mask_or_one_id_says_what_to_pass(corpus: ct.Corpus) -> None:
    mask = corpus.docs["outlet"] == "A"
    with pytest.raises(
        ct.CorpusValueError,
        match=r"doc_ids= takes a list of doc ids, got Series; for a mask pass corpus\.docs\.loc\[mask, 'doc_id'\]",
    ):
        corpus.subset(mask)
    with pytest.raises(ct.CorpusValueError, match=r"doc_ids= takes a list of doc ids, got str"):
        corpus.subset(corpus.doc_ids[0])
    assert corpus.subset(corpus.docs.loc[mask, "doc_id"]).doc_ids == corpus.doc_ids[0::2]


def test_edge_evidence_names_an_actor_that_is_in_no_pair(corpus: ct.Corpus) -> None:
    cooc = ct.cooccurrence(corpus, min_count=1)
    with pytest.raises(
        ct.CorpusValueError, match=r"actor_b='Atlantis' is in no pair of this co-occurrence table"
    ):
        ct.edge_evidence(cooc, corpus, "China", "Atlantis")
    assert ct.edge_evidence(cooc, corpus, "China", "Russia")["text"].tolist() == [
        "Russia and China held talks."
    ]
