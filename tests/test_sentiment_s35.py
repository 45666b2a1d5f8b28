"""Session 35: texts with no language vote and few English words are left out of the tone
table (VADER reads English words only); short unclear headlines stay in."""

from __future__ import annotations

import warnings

import pandas as pd

import corpus_tools as ct
from corpus_tools.languages import few_english_words, text_votes
from corpus_tools.sentiment import NOT_ENGLISH, TargetSentiment

HAUSA = (
    "Shugaban kasar Joe Biden ya ce gwamnati za ta ci gaba da aiki tare da jihohi domin "
    "samar da ruwa da wutar lantarki a yankunan karkara, kuma ya yaba wa ma'aikata."
)
SWAHILI = (
    "Rais Joe Biden amesema serikali yake itaendelea kushirikiana na majimbo ili kuleta "
    "maji safi na umeme vijijini, na amewapongeza wafanyakazi kwa bidii yao kubwa sana."
)
ENGLISH = [
    "Joe Biden said on Monday that the talks were a great success for both sides.",
    "Joe Biden was criticised by the opposition for a terrible and costly decision.",
    "Officials said Joe Biden would travel to Ohio to meet the families of the victims.",
]
HEADLINE = "Icahn Targets Ebay Chief Donahoe After Company Rejects Board Slate"


def test_few_english_words_long_unclear_texts_only() -> None:
    assert text_votes([HAUSA, SWAHILI]) == [None, None]
    assert few_english_words(HAUSA) and few_english_words(SWAHILI)
    # a headline: too few words to say, whatever its share of English function words
    assert not few_english_words(HAUSA[:60])
    assert not few_english_words(HEADLINE)
    assert not any(few_english_words(t) for t in ENGLISH)


def _tone(texts: list[str]) -> tuple[TargetSentiment, list[str]]:
    ids = [f"d{k}" for k in range(len(texts))]
    c = ct.Corpus(pd.DataFrame({"doc_id": ids, "text": texts}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tone = ct.target_sentiment(c, ["Joe Biden"], n_boot=20, seed=0)
    return tone, [str(w.message) for w in caught]


def test_unclear_long_texts_left_out_and_named() -> None:
    tone, said = _tone([*ENGLISH, HAUSA, SWAHILI])
    assert sorted(set(tone.sentences["doc_id"].astype(str))) == ["d0", "d1", "d2"]
    assert tone.summary.attrs[NOT_ENGLISH] == "2 of 5 documents (unclear 2)"
    assert any("'unclear': a language the package cannot name" in m for m in said)


def test_english_only_corpus_unchanged() -> None:
    tone, _ = _tone(ENGLISH)
    assert sorted(set(tone.sentences["doc_id"].astype(str))) == ["d0", "d1", "d2"]
    assert NOT_ENGLISH not in tone.summary.attrs
