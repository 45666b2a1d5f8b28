"""An outlet's recurring paragraph is removed at the article's edge, never between its
paragraphs (clean.py step 1d, templates.edge_paragraphs)."""

import pandas as pd

import corpus_tools as ct

BIO = (
    "Jane Doe covers energy markets for the Daily Ledger and previously reported from Lagos, "
    "Nairobi and Johannesburg for a decade."
)
SHARED = (
    "The ministry has said for years that the pipeline would be finished before the next "
    "election, a promise repeated in every budget."
)


def _pages() -> pd.DataFrame:
    rows = []
    for i, t in enumerate(["oil", "gas", "coal", "wind", "solar", "grid", "hydro", "nuclear"]):
        body = [
            f"Prices of {t} rose sharply on Tuesday after the regulator published its quarterly "
            f"review of supply contracts number {i}.",
            f"Traders said the {t} market had expected a smaller change, and several firms said "
            "they would revise their forecasts for the year.",
            SHARED
            if i % 2 == 0
            else f"Analysts in the {t} sector said demand would stay high through the winter.",
            f"The regulator will publish its next {t} review in three months, officials said in "
            "a statement on the ministry's website.",
        ]
        rows.append({"outlet": "Daily Ledger", "text": "\n\n".join([*body, BIO])})
    return pd.DataFrame(rows)


def test_a_bio_under_every_page_goes_and_a_shared_background_paragraph_stays() -> None:
    pages = _pages()
    corpus = ct.load_corpus(pages)
    log = corpus.cleaning_log
    assert log["rule"].tolist() == ["template:paragraph"] * 8
    assert not any(BIO in t for t in corpus.docs["text"])
    assert sum(SHARED in t for t in corpus.docs["text"]) == 4
    for doc_id, raw in zip(corpus.docs["doc_id"], pages["text"], strict=True):
        assert ct.reconstruct(corpus, doc_id) == raw


def test_the_step_is_off_with_the_template_category() -> None:
    corpus = ct.load_corpus(_pages(), rules=ct.load_rules(disable_categories=["template"]))
    assert sum(BIO in t for t in corpus.docs["text"]) == 8
