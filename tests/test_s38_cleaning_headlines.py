"""Headline-only corpora lose no headline (issue 15), on real headlines not tuned on.

Fixtures, one real headline each, quoted as short excerpts for testing:

- CBC News home page headlines with a media label ("PHOTOS |", "VIDEO |", "WATCH —"):
  github.com/dexmcmillan/cbc-homepage-screenshots, ``data/headlines.csv`` (no licence
  file in the repository);
- The Guardian business headlines with a kicker line above the headline ("Nils Pratley on
  finance", "Live"), as the table stores them (the kicker, blank lines, the headline), and
  CNBC headlines: the "Financial News Headlines" tables, copy in
  github.com/deepakjoshi2k/Financial_News_Sentiment_Analysis (``guardian_headlines.csv``,
  ``cnbc_headlines.csv``; no licence file);
- a New York Times headline with an HTML character reference as stored:
  github.com/nina-hua/nyt_comment, ``Data/ArticlesApril2018.csv`` (no licence file).

``benchmarks/bench_cleaning_html.py --headlines`` runs the same check on the whole tables
(46,282 headlines; results in ``benchmarks/RESULTS_cleaning_html.md``).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct

HEADLINES = [
    "PHOTOS | Trash piles up in Scottish capital amid garbage collectors strike",
    "PHOTOS | Canadians pay tribute to Queen Elizabeth on day of funeral",
    "VIDEO | Missed the eclipse? See the best moments from across Canada",
    "WATCH — Meet Msituni, the baby giraffe who learned to walk with leg braces",
    "WATCH: CBC News Network",
    "Watch the National Commemorative Ceremony for Queen Elizabeth on CBC.ca",
    "Nils Pratley on finance  \n\n\n  Centrica left it far too late to tackle its problems",
    "The Week in Patriarchy  \n\n\n  Bacardi's 'lady vodka': the latest in a long line of "
    "depressing gendered products",
    "Live  US jobs report smashes expectations - as it happened",
    "Jim Cramer: A better way to invest in the Covid-19 vaccine gold rush",
    "Cramer's lightning round: I would own Teradyne",
]
NYT = "Horror of Being Governed by 'Fox &amp; Friends'"


def _load(source: Path, **kw: object) -> ct.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ct.load_corpus(source, **kw)  # type: ignore[arg-type]


@pytest.fixture(params=["table", "folder"])
def corpus(request: pytest.FixtureRequest, tmp_path: Path) -> ct.Corpus:
    if request.param == "table":
        path = tmp_path / "headlines.csv"
        pd.DataFrame({"Headlines": [*HEADLINES, NYT]}).to_csv(path, index=False)
        return _load(path, text_column="Headlines")
    for i, h in enumerate([*HEADLINES, NYT]):
        (tmp_path / f"{i:02d}.txt").write_text(h + "\n", encoding="utf-8")
    return _load(tmp_path)


def test_no_headline_is_removed_or_changed(corpus: ct.Corpus) -> None:
    texts = [t.strip() for t in corpus.docs["text"]]
    assert corpus.skipped.empty
    assert texts == [*HEADLINES, "Horror of Being Governed by 'Fox & Friends'"]
    # the one change: the character reference read, and logged
    log = corpus.cleaning_log
    assert log[["rule", "text", "replacement"]].values.tolist() == [["html_entity", "&amp;", "&"]]


def test_every_headline_reconstructs(corpus: ct.Corpus) -> None:
    for doc_id, raw in zip(corpus.docs["doc_id"], corpus.docs["raw_text"], strict=True):
        assert ct.reconstruct(corpus, doc_id) == raw
