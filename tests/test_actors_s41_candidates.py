"""candidate_actors: a capitalised word that opens a clause is not a name candidate.

Wire credit lines ("(Reporting by ...; Editing by ...)") put ordinary words in capitals
after a bracket or a semicolon; on 1,000 Reuters articles "Editing", "Reporting" and
"Additional" were three of the ten most frequent candidates.
"""

import pandas as pd

import corpus_tools as ct


def _candidates(*texts: str) -> list[list[object]]:
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    table = ct.candidate_actors(ct.Corpus(docs))
    return table[["candidate", "n"]].values.tolist()


def test_wire_credit_words_are_not_candidates() -> None:
    text = (
        "Banks rose on Monday, said analyst Tom Jones. "
        "(Reporting by Dan Wilchins; Editing by Phil Berlowitz)\n"
        "(Additional reporting by Ann Smith)"
    )
    assert _candidates(text) == [
        ["Ann Smith", 1],
        ["Dan Wilchins", 1],
        ["Phil Berlowitz", 1],
        ["Tom Jones", 1],
    ]


def test_quotation_opening_word_is_not_a_candidate_but_names_after_it_are() -> None:
    text = 'He met Bagheri on Monday. "Today we talk," said Envoy Ali Bagheri.'
    assert _candidates(text) == [["Bagheri", 1], ["Envoy Ali Bagheri", 1]]


def test_a_name_of_two_words_after_a_bracket_stays() -> None:
    assert _candidates("The deal (Goldman Sachs advised) closed.") == [["Goldman Sachs", 1]]
