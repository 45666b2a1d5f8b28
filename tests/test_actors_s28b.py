"""A gazetteer person's bare surname after another person's given name, or inside another
name, is not that person (session 28, second wave)."""

import pandas as pd
import pytest

import corpus_tools as ct


def _mentions(*texts: str) -> list[tuple[str, str, str]]:
    c = ct.Corpus(pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts}))
    m = ct.actor_mentions(c)
    return [(r.doc_id, r.actor, r.alias) for r in m.itertuples()]


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Liz Cheney", None),  # Liz: a given name (of Liz Truss), not Dick Cheney's
        ("Rep. Liz Cheney", None),
        ("Harris Upham", None),  # a firm: the surname goes on in another name
        ("Dick Cheney", "Dick Cheney"),
        ("Cheney", None),  # a common surname alone: the document must name him in full
        ("Mr Cheney", "Dick Cheney"),
        ("Vice President Cheney", "Dick Cheney"),
        ("Kamala Harris", "Kamala Harris"),
        ("President Xi", "Xi Jinping"),
        ("Trump", "Donald Trump"),
        ("Donald Trump", "Donald Trump"),
        ("Trump Administration", "Donald Trump"),  # a common word after it
        ("Cameron Diaz", None),  # a name of a few words: another person with the surname
        ("Selma Blair", None),
        ("Smith Barney Harris Upham", None),
        ("Mr Cameron", "David Cameron"),
        ("Prime Minister Cameron", "David Cameron"),
        ("Former Exxon CEO Tillerson", "Rex Tillerson"),  # a role word right before it
        ("U.S.'s Pompeo", "Mike Pompeo"),
        ("Obama Renews", "Barack Obama"),  # a headline verb after it
        ("Trump Uses Racist", "Donald Trump"),
    ],
)
def test_canonical_actor_other_person(name: str, want: str | None) -> None:
    assert ct.canonical_actor(name) == want


def test_quote_speakers_are_not_another_person() -> None:
    texts = [
        "Liz Cheney says Trump must be stopped",
        "Rep. Liz Cheney Says she will run",
        "Smith Barney, Harris Upham and Co said the deal closed.",
    ]
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": texts}))
    q = ct.quotes(c)
    canon = dict(zip(q["doc_id"], q["speaker_canonical"], strict=True))
    assert canon["a"] == "Liz Cheney" and canon["b"] == "Liz Cheney"
    assert "Kamala Harris" not in canon["c"]


def test_surname_after_another_given_name_in_running_text() -> None:
    text = (
        "Dick Cheney spoke on Monday. Later Cheney said no. His daughter Liz Cheney disagreed, "
        "and Kate Bush sang. Mr Cheney left. Vice President Cheney smiled. Yesterday Cheney "
        "said yes. Republican Cheney voted."
    )
    got = _mentions(text)
    assert [a for _, _, a in got] == [
        "Dick Cheney",
        "Cheney",
        "Mr Cheney",
        "Vice President Cheney",
        "Cheney",
        "Cheney",
    ]


def test_surname_inside_a_firm_name() -> None:
    text = (
        "Kamala Harris spoke. Smith Barney, Harris Upham and Co said the deal closed. Harris left."
    )
    assert [a for _, _, a in _mentions(text)] == ["Kamala Harris", "Harris"]


def test_headlines_keep_their_persons() -> None:
    got = _mentions(
        "Mark Cuban Slams Trump",
        "Biden Meets Xi",
        "BIDEN MEETS XI IN BALI",
        "President Xi Jinping met Donald Trump. Trump said fine. President Xi said no.",
    )
    assert got == [
        ("0", "Donald Trump", "Trump"),
        ("1", "Joe Biden", "Biden"),
        ("1", "Xi Jinping", "Xi"),
        ("2", "Joe Biden", "BIDEN"),
        ("2", "Xi Jinping", "XI"),
        ("3", "Xi Jinping", "President Xi Jinping"),
        ("3", "Donald Trump", "Donald Trump"),
        ("3", "Donald Trump", "Trump"),
        ("3", "Xi Jinping", "President Xi"),
    ]


def test_title_case_headline_with_another_given_name() -> None:
    # "Liz": a given name the gazetteer knows (Liz Truss), so a Title Case line tells too
    got = _mentions("Dick Cheney Backs Daughter. Liz Cheney Says She Will Run")
    assert [a for _, _, a in got] == ["Dick Cheney"]


def test_another_given_name_after_a_form_and_a_name_after_a_title() -> None:
    got = _mentions(
        "Russian Dmitriy Bogdanov won the race. Mikhail Bogdanov said no.",
        "Theatre impresario Sir Cameron Mackintosh has said he hopes. David Cameron left.",
        "Fulton County Trump investigation began. Reports Trump Tore Up Files",
    )
    assert got == [
        ("0", "Russia", "Russian"),
        ("0", "Mikhail Bogdanov", "Mikhail Bogdanov"),
        ("1", "David Cameron", "David Cameron"),
        ("2", "Donald Trump", "Trump"),
        ("2", "Donald Trump", "Trump"),
    ]


def test_a_common_surname_speaker_needs_the_full_name_in_the_document() -> None:
    texts = [
        "In a filing with the SEC, Harris said it sold its unit.",
        "Vice President Kamala Harris spoke. Harris said the plan would work.",
        'Dick Cheney spoke on Monday. "We will win," Cheney said.',
    ]
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": texts}))
    q = ct.quotes(c)
    assert q[["doc_id", "speaker_canonical"]].values.tolist() == [
        ["a", "Harris"],
        ["b", "Kamala Harris"],
        ["c", "Dick Cheney"],
    ]


def test_title_case_and_compound_headlines_keep_their_persons() -> None:
    got = _mentions(
        "Tennessee Resists Obama Wave",
        "The Cameron Legacy",
        "Abe tells Macron Renault-Nissan's future up to private sector",
        "Diamond tycoon Nirav Modi arrested in London over fraud claims",
    )
    assert [(d, a) for d, a, _ in got] == [
        ("0", "Barack Obama"),
        ("1", "David Cameron"),
        ("2", "Emmanuel Macron"),  # Abe alone needs his full name; Nirav Modi is not Narendra
    ]
