"""English word lists warn on a corpus in no language the package can tell (session 28).

1,664 Turkish news items were called '3 % ... in another language (pt 24)', as if the rest
were English, and the English hedge list, frame codebook and tone lexicon ran on them.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.languages import corpus_votes, main_language

TURKISH = [
    "Bakanlar toplantıdan sonra açıklama yaptı ve görüşmelerin süreceğini söyledi.",
    "Belediye meclisi yeni bütçeyi kabul etti, muhalefet ise karara itiraz etti.",
    "Merkez Bankası faiz oranlarını değiştirmedi ve enflasyon beklentisini açıkladı.",
    "Deprem bölgesinde yardım çalışmaları sürüyor, binlerce aile çadırlarda kalıyor.",
    "Milli takım hazırlık maçında rakibini iki golle yendi ve moral buldu.",
    "Üniversite öğrencileri burs başvurularının ertelenmesini dün akşam protesto etti.",
]
ENGLISH = [
    "Ministers said the talks would continue after the meeting on Monday.",
    "The council approved the new budget, and the opposition may appeal.",
    "The central bank left rates unchanged and published its inflation outlook.",
    "Aid work goes on in the quake zone, where thousands of families live in tents.",
    "The national team won its friendly by two goals and regained confidence.",
    "Students protested against the delay of grant applications.",
]


def _language_warnings(texts: list[str], fn) -> list[str]:
    corpus = ct.load_corpus(pd.DataFrame({"text": texts}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fn(corpus)
    return [str(w.message) for w in caught if "language" in str(w.message)]


def test_turkish_votes_are_unclear_and_no_main_language() -> None:
    corpus = ct.load_corpus(pd.DataFrame({"text": TURKISH}))
    assert main_language(corpus) is None
    assert corpus_votes(corpus) == ([None] * 6, "documents")


@pytest.mark.parametrize(
    ("fn", "lexicon"), [(ct.hedges, "hedge list"), (ct.frames, "frame codebook")]
)
def test_an_unrecognised_corpus_is_warned_about_once(fn, lexicon: str) -> None:
    got = _language_warnings(TURKISH, fn)
    assert len(got) == 1
    assert (
        got[0]
        .split(":")[1]
        .strip()
        .startswith("6 of 6 documents are in none of the languages the package can tell")
    )
    assert f"the English {lexicon} finds little or only chance matches" in got[0]


def test_english_text_is_not_warned_about() -> None:
    assert _language_warnings(ENGLISH, ct.hedges) == []
    assert _language_warnings(ENGLISH + TURKISH[:2], ct.hedges) == []


def test_a_text_too_short_to_tell_is_not_warned_about() -> None:
    """One short sentence has no main language and an unclear vote: too short, not foreign."""
    assert _language_warnings(["Officials said it may rain."], ct.hedges) == []
    assert _language_warnings(["Bakanlar toplantıdan sonra konuştu."], ct.hedges) == []
    assert len(_language_warnings(TURKISH[:1], ct.hedges)) == 1
