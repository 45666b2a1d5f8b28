"""QA session 28: a corpus in a language the package cannot tell is called 'not recognised',
not 'mixed ... little outside English documents'."""

import pandas as pd

import corpus_tools as ct
from corpus_tools import report
from corpus_tools.narrate import far_dates_note

# made-up Turkish news sentences (no language list of the package covers Turkish)
_TR = [
    "Bakanlık yetkilileri kapasite genişletme çalışmalarının bu yıl tamamlanacağını açıkladı.",
    "Belediye başkanı yeni metro hattının önümüzdeki ay hizmete gireceğini söyledi.",
    "Meclis genel kurulunda bütçe görüşmeleri dün akşam saatlerine kadar sürdü.",
    "Dışişleri Bakanlığı büyükelçiyi bakanlığa çağırarak açıklama istedi.",
    "Doğalgaz talebindeki artış nedeniyle depolama tesislerinde çalışmalar hızlandırıldı.",
    "Milli takım hazırlık maçında rakibini iki golle mağlup etti.",
    "Merkez bankası faiz kararını önümüzdeki hafta açıklayacak.",
    "Üniversite sınavına bu yıl iki milyondan fazla aday başvurdu.",
]


def test_unknown_language_is_not_called_mixed() -> None:
    corpus = ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(8)], "text": _TR}))
    note = report.language_note(corpus)
    assert note.startswith(
        "not recognised (8 of 8 documents are in none of the languages the package can tell): "
        "the quote cues, reporting verbs, hedges, frame cues, tone lexicon and actor names are "
        "English, so those sections find little or nothing here"
    ), note


def test_header_dates_row_names_dates_far_from_the_rest() -> None:
    # AllSides: the header read '2001-10-23 to 2050-09-30' with no remark
    published = pd.Series(
        list(pd.date_range("2012-06-02", "2020-07-21", periods=300))
        + list(pd.to_datetime(["2001-10-23", "2050-09-30"]))
    )
    note = far_dates_note(published)
    assert note == (
        "2 documents lie far outside the rest, which run from 2012-06-02 to 2020-07-21: "
        "2001-10-23, 2050-09-30; check them."
    )
    info = {"first": "2001-10-23", "last": "2050-09-30", "far_dates": note}
    assert report._dates_text(info) == "2001-10-23 to 2050-09-30; " + note
    assert report._dates_text({"first": "2012-06-02", "last": "2020-07-21", "far_dates": ""}) == (
        "2012-06-02 to 2020-07-21"
    )
