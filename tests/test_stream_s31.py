"""Streamed groups are named as load_corpus names them: an outlet written as a web host
loses its 'www.' (io.outlets.bare_hosts), alone or beside the bare host."""

from __future__ import annotations

import json
import warnings

import pandas as pd

import corpus_tools as ct
from corpus_tools.stream import keyness_from_counts, stream_counts

_DOCS = [
    ("a", "www.lonely.com", "Russia and China met in Geneva. Troops left."),
    ("b", "www.lonely.com", "China left the talks. Russia stayed."),
    ("c", "WWW.Pair.org", "Iran and Russia met. Troops fired."),
    ("d", "pair.org", "Troops left. Iran stayed."),
    ("e", "www.Daily News", "China and Iran met. Talks ended."),
    ("f", "Daily Star", "Russia left. China stayed."),
]


def _write(tmp_path) -> str:
    path = tmp_path / "docs.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id, outlet, text in _DOCS:
            fh.write(json.dumps({"doc_id": doc_id, "outlet": outlet, "text": text}) + "\n")
    return str(path)


def test_www_hosts_grouped_as_load_corpus_names_them(tmp_path) -> None:
    path = _write(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = ct.load_corpus(path)
        s = stream_counts(path, batch_size=4)
    # a lone 'www.lonely.com' is 'lonely.com' in both; 'www.Daily News' is no host
    assert sorted(loaded.docs["outlet"].unique()) == sorted(s.group_docs)
    assert s.group_docs == {"lonely.com": 2, "pair.org": 2, "www.Daily News": 1, "Daily Star": 1}
    pd.testing.assert_frame_equal(s.term_table(), ct.term_frequencies(loaded), rtol=1e-12)
    pd.testing.assert_frame_equal(
        keyness_from_counts(s, min_count=1, min_docs=1),
        ct.keyness(loaded, min_count=1, min_docs=1).drop(columns="evidence"),
        rtol=1e-12,
    )
    got = s.mention_table()
    assert set(got["group"]) <= {"lonely.com", "pair.org", "www.Daily News", "Daily Star"}
    assert len(got[got["group"] == "lonely.com"]) > 0


def test_two_processes_and_other_groupings_keep_their_labels(tmp_path) -> None:
    path = _write(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = stream_counts(path, batch_size=4)
        b = stream_counts(path, batch_size=2, n_jobs=2)
        c = stream_counts(path, by="doc_id", mentions=False)
    pd.testing.assert_frame_equal(a.term_table(), b.term_table(), rtol=1e-12)
    assert sorted(c.group_docs) == ["a", "b", "c", "d", "e", "f"]


def test_a_corpus_keeps_its_own_outlet_names() -> None:
    # a Corpus built by hand is counted with its outlets as they are, as group_labels does
    docs = pd.DataFrame(
        {"doc_id": ["a", "b"], "outlet": ["www.x.com", "y"], "text": ["China left.", "Iran left."]}
    )
    s = stream_counts(ct.Corpus(docs), clean=False)
    assert sorted(s.group_docs) == ["www.x.com", "y"]


def test_dask_counts_and_count_documents_name_hosts_alike(tmp_path) -> None:
    from corpus_tools import scale
    from corpus_tools.stream import count_documents

    path = _write(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s = stream_counts(path, mentions=False)
        d = scale.dask_counts(path, mentions=False)
    assert d.group_docs == s.group_docs
    pd.testing.assert_frame_equal(d.term_table(), s.term_table(), rtol=1e-12)
    one = [{"doc_id": "a", "outlet": "www.x.com", "text": "Troops left."}]
    assert list(count_documents(one).group_docs) == ["x.com"]
    assert list(count_documents(one, hosts=False).group_docs) == ["www.x.com"]
