"""Session 28 API QA on new real corpora (travel-forum posts, @BarackObama tweets, Brazilian news)."""

import warnings

import pandas as pd

import corpus_tools as ct


def _corpus(texts: list[str]) -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))


def _hedge_words(texts: list[str]) -> list[str]:
    c = _corpus(texts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        h = ct.hedges(c)
    text = dict(zip(c.docs["doc_id"], c.docs["text"], strict=True))
    return [text[d][s:e] for d, s, e in zip(h["doc_id"], h["start"], h["end"], strict=True)]


def test_may_the_month_after_an_ordinal_day_or_beside_another_month_is_no_hedge():
    # travel-forum shapes (a trip diary's day headings, a month range, a ticket in capitals)
    months = [
        "We departed Monday 7th May. Thursday 3rd May We flew with Virgin from Heathrow.",
        "I was looking throughout May /June for a cheap flight.",
        "NEW YORK YANKEES VS OAKLAND ATHLETICS FRI MAY 12, 2006 7:05PM tickets.",
        "We go in April and May, or May to July at the latest.",
    ]
    assert _hedge_words(months) == []
    # the modal stays a hedge, capitalised at a sentence start too
    modal = [
        "May I suggest the Comfort Inn? It may be cheaper.",
        "Might be worth a peek. May have consumed a few too many.",
    ]
    assert _hedge_words(modal) == ["May", "may", "Might", "May"]
