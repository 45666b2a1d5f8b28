"""Quotes on wire copy (Reuters): a stock ticker after a company's name is not the speaker,
and a reaction round-up's label ("COMMENTS:") is not a speaker either: the person named
after it is.

On 1,000 Reuters articles the speaker column held "N", "O", "PA" and "AS" (the exchange
suffixes of "FLE.N", "DELL.O", "BNPP.PA") 19 times and "COMMENTS" 60 times.
"""

import pandas as pd

import corpus_tools as ct


def _speakers(*texts: str) -> list[tuple[str, object]]:
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    q = ct.quotes(ct.Corpus(docs))
    return list(zip(q["doc_id"], q["speaker"], strict=True))


def test_a_ticker_after_the_name_is_not_the_speaker() -> None:
    got = _speakers(
        "NEW YORK (Reuters) - Fleetwood Enterprises Inc FLE.N said on Thursday it posted a loss.",
        "NEW YORK (Reuters) - Fleetwood Enterprises Inc. FLE.N, a maker of recreational "
        "vehicles, said on Thursday it posted a fiscal first-quarter loss.",
        "TOKYO (Reuters) - Sony Corp <6758.T> said on Friday its profit rose.",
    )
    assert got == [
        ("d0", "Fleetwood Enterprises Inc"),
        ("d1", "Fleetwood Enterprises Inc"),
        ("d2", "Sony Corp"),
    ]


def test_the_person_after_a_comments_label_speaks() -> None:
    text = (
        "Prices fell. COMMENTS: OMER ESINER, CHIEF MARKET ANALYST, COMMONWEALTH FOREIGN "
        'EXCHANGE, WASHINGTON: "The statement was extremely negative."'
    )
    assert _speakers(text) == [("d0", "OMER ESINER")]


def test_a_label_before_words_that_name_no_job_gives_no_speaker() -> None:
    text = 'Prices fell. COMMENTS: WEST PALM BEACH, FLORIDA: "Prices have come down."'
    assert _speakers(text) == [("d0", None)]
