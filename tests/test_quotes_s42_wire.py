"""Quotes on wire copy, session 42: tickers inside a coordination, a company's own name
before an appositive, and "the paper" standing for the newspaper named before it.

On 1,000 Reuters articles (realnews20000, every twentieth file): "Fannie Mae FNM.N and
Freddie Mac FRE.N said" gave the speaker "N and Freddie Mac"; "Ambac Financial Group, a
bond insurer, said" gave no quote; "the paper said" (31 times) and "the newspaper said"
gave the speaker "paper" after "the Wall Street Journal reported".
"""

import pandas as pd

import corpus_tools as ct
from corpus_tools.quotes.speakers import paper_names


def _quotes(*texts: str) -> pd.DataFrame:
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    return ct.quotes(ct.Corpus(docs))


def test_a_ticker_inside_a_coordination_is_not_part_of_the_speakers() -> None:
    q = _quotes(
        "NEW YORK (Reuters) - Fannie Mae FNM.N and Freddie Mac FRE.N said on Monday they "
        "would buy loans."
    )
    assert q[["speaker", "speaker_canonical", "speaker_method"]].values.tolist() == [
        ["Fannie Mae FNM.N and Freddie Mac", "Fannie Mae and Freddie Mac", "coordination"]
    ]


def test_a_companys_name_before_an_appositive_speaks() -> None:
    q = _quotes(
        "NEW YORK (Reuters) - Ambac Financial Group, a bond insurer, said on Wednesday that "
        "second-quarter earnings rose sharply.",
        "NEW YORK (Reuters) - Ambac Financial Group ABK.N, a bond insurer, said on Wednesday "
        "that earnings rose.",
    )
    assert q[["doc_id", "speaker", "quote"]].values.tolist() == [
        ["d0", "Ambac Financial Group", "second-quarter earnings rose sharply"],
        ["d1", "Ambac Financial Group", "earnings rose"],
    ]


def test_two_names_or_a_clause_between_commas_are_no_appositive() -> None:
    q = _quotes(
        '"It is about good relations between Germany and Greece," Merkel said, adding there '
        "was no alternative."
    )
    assert set(q["speaker_canonical"].dropna()) == {"Angela Merkel"}


def test_the_paper_is_the_newspaper_named_before_it() -> None:
    q = _quotes(
        "The Wall Street Journal reported the deal on Monday. The talks are at an early "
        "stage, the paper said.",
        "The talks are at an early stage, the paper said.",
        "Talks went on, he told Reuters. The talks are at an early stage, the paper said.",
    )
    got = q[q["speaker"] == "the paper"][["doc_id", "speaker_canonical", "speaker_resolved"]]
    assert got.values.tolist() == [
        ["d0", "Wall Street Journal", True],
        ["d1", "paper", False],
        ["d2", "paper", False],  # a news agency is no paper
    ]
    assert q.loc[q["doc_id"] == "d0", "source"].tolist()[-1] == "Wall Street Journal"


def test_paper_names() -> None:
    text = (
        "NEW YORK (Reuters) - Times are hard. The Financial Times said so, as did the Times, "
        "France's Le Monde newspaper, the Swiss newspaper and the Sunday newspaper, "
        "Fox Business Network and the paper."
    )
    assert [n for _, n in paper_names(text)] == ["Financial Times", "Times", "France's Le Monde"]


def test_the_insurer_is_the_name_described_so_before() -> None:
    q = _quotes(
        "NEW YORK (Reuters) - Ambac Financial Group ABK.N, a bond insurer, said on Wednesday "
        "that earnings rose. The insurer said it would cut jobs. The group said profit would rise.",
        "Activist group Wake-Up Wal-Mart took issue with the data. The group also said the "
        "numbers were wrong.",
        "Prices fell. The group said it would cut jobs. The source said talks had stalled.",
    )
    assert q[["doc_id", "speaker", "speaker_canonical"]].values.tolist() == [
        ["d0", "Ambac Financial Group", "Ambac Financial Group"],
        ["d0", "The insurer", "Ambac Financial Group"],
        ["d0", "The group", "Ambac Financial Group"],
        ["d1", "The group", "Wake-Up Wal-Mart"],
        ["d2", "The group", "group"],
        ["d2", "The source", "source"],
    ]
