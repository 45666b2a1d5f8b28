"""Session 33 (H1): a right single quote whose two UTF-8 continuation bytes were lost
("Japanâs", U+00E2 then the contraction) is repaired on English lines only."""

import pandas as pd

import corpus_tools as ct
from corpus_tools.clean import clean_text, reconstruct_text

RAW = (
    "Japanâs economy shrank again, and the government says it donât expect a rebound.\n"
    "Iâm not sure theyâre right, said one of the analysts who weâll hear from later.\n"
)


def test_lost_apostrophe_is_repaired_and_logged_as_mojibake() -> None:
    clean, rows = clean_text(RAW)
    assert clean.splitlines() == [
        "Japan’s economy shrank again, and the government says it don’t expect a rebound.",
        "I’m not sure they’re right, said one of the analysts who we’ll hear from later.",
    ]
    assert [(r["line_no"], r["category"], r["rule"]) for r in rows] == [
        (1, "mojibake", "mojibake:lost_apostrophe_bytes"),
        (2, "mojibake", "mojibake:lost_apostrophe_bytes"),
    ]
    assert reconstruct_text(clean, rows) == RAW


def test_a_short_english_headline_is_repaired() -> None:
    assert clean_text("Japanâs exports fall for the third month")[0] == (
        "Japan’s exports fall for the third month"
    )


def test_other_languages_keep_their_circumflex() -> None:
    for line in (
        "Mais c'est là que le bât blesse : les dégâts de la tempête sont importants.",
        "Nu știu cât costă pâinea, a spus el, și a râs de întrebare.",
        "Trung tâm thành phố Hà Nội có nhiều người dân sinh sống.",
        "Zeytin Dalı Harekâtı kapsamında bir teşkilât olarak her gün çalışıyor.",
        # a long French line quoting two English words is still French
        "Le rapport « state of the art » parle du bât qui blesse "
        + "dans la région et de la ville " * 6,
    ):
        assert clean_text(line) == (line, [])


def test_load_corpus_repairs_it_and_reconstructs_exactly(tmp_path) -> None:
    path = tmp_path / "news.csv"
    pd.DataFrame(
        {"text": [RAW, "Japanâs central bank said it would hold rates, the minister said."]}
    ).to_csv(path, index=False)
    corpus = ct.load_corpus(path)
    assert "Japan’s" in corpus.docs["text"].iloc[1]
    for doc_id in corpus.docs["doc_id"]:
        assert ct.reconstruct(corpus, doc_id) == corpus.raw(doc_id)
