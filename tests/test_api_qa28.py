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


def test_naming_verb_after_a_name_is_no_compound_when_the_corpus_writes_it_after_a_modal():
    # @BarackObama tweets: 'President Obama discusses ...' gave the label 'discusses' (22 of
    # 184 compounds); the corpus writes 'will discuss', never 'the discuss'
    texts = [
        "In the weekly address, President Obama discusses jobs in Cleveland.",
        "Watch President Obama deliver remarks at the convention.",
        "Congress will discuss the budget. Leaders must deliver results.",
        "U.S. forces left Iraq. The force will force a vote. Obama supporters cheered.",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = ct.naming(_corpus(texts), by="doc_id")
    rows = got[got["label_type"] == "compound"][["doc_id", "actor", "label"]].values.tolist()
    # 'forces' stays: 'the force' is written, so its -s form may be a noun
    assert rows == [["d3", "Barack Obama", "supporters"], ["d3", "United States", "forces"]]


def test_train_coder_fits_with_one_blas_thread(monkeypatch):
    # 500 Brazilian news articles, 5 topics: 26-29 CPU s with BLAS's own threads on a shared
    # 2-core machine, 3.2-3.6 s with one; description and applied codes identical
    from threadpoolctl import threadpool_info

    from corpus_tools import coding

    seen = []
    fit = coding._fit

    def spy(*args, **kwargs):
        seen.extend(p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas")
        return fit(*args, **kwargs)

    monkeypatch.setattr(coding, "_fit", spy)
    coded = pd.DataFrame(
        {
            "text": ["Moscow blamed Washington.", "Beijing denounced the veto.", "Hamas hit back."]
            + ["Talks went well.", "The envoys met in Doha.", "Both sides praised the deal."],
            "label": ["conflict"] * 3 + ["other"] * 3,
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        coder = ct.train_coder(coded, k=3, learning_curve=False)
    assert coder.classes == ["conflict", "other"]
    assert seen and set(seen) == {1}
