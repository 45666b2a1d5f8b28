"""Session 27: person names around a demonym, ambiguous capitals, Title Case names before a verb."""

from __future__ import annotations

import pytest

from corpus_tools.actors import load_gazetteer, mentions_in_text
from corpus_tools.errors import DataFileError


def _found(text: str) -> list[tuple[str, str, str]]:
    df = mentions_in_text(text, locations=True)
    return [(r.alias, r.actor, r.type) for r in df.itertuples()]


@pytest.mark.parametrize(
    "text",
    [
        # a demonym after a capitalised word, before a verb or a possessive: a surname
        "Mark Cuban says he will not run for president.",
        "Dallas Mavericks owner Mark Cuban buys an entire Texas town.",
        "Drugs From Mark Cuban\u2019s Pharmacy Could Save Medicare Billions",
        "said Southcorp chairman Brian Finn.",  # a given name before it (quote lexicon)
        "Mike German, leader of the Liberal Democrats, said so.",
        # ethnonyms built on a demonym (settings.not_actors)
        "Native American tribes reach $590 million opioid settlement",
        "Arizona Native Americans can get free tuition for college",
        # Title Case: a given-name capital, a surname, then a verb (settings.name_verbs)
        "Paris Hilton Sues Over Leaked Tape",
    ],
)
def test_names_built_on_a_demonym_or_a_capital_are_no_country(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Cuban government denied it.", [("Cuban", "Cuba", "demonym")]),
        ("Senior Cuban officials said so.", [("Cuban", "Cuba", "demonym")]),
        # plural demonyms are no surname, nor is a word ending like an adjective
        (
            "Poll Finds Most Young Americans Say US Democracy Is In Trouble",
            [("Americans", "United States", "demonym"), ("US", "United States", "country")],
        ),
        (
            "First Indigenous American confirmed to lead National Park Service",
            [("American", "United States", "demonym")],
        ),
        (
            "Irish Americans marched.",
            [("Irish", "Ireland", "demonym"), ("Americans", "United States", "demonym")],
        ),
        # a common word before the demonym in a Title Case line (articles are dropped there)
        (
            "Young Cuban Slams Trump",
            [("Cuban", "Cuba", "demonym"), ("Trump", "Donald Trump", "person")],
        ),
        # a gazetteer person's given name that is a verb too: a verb after the demonym is needed
        ("Crowds Mark Russian Victory Day", [("Russian", "Russia", "demonym")]),
    ],
)
def test_demonyms_that_stay(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "San Jose Sharks to hire Mike Grier as 1st Black general manager",
        "Melzer shocks Agassi in San Jose",
        "Apple filed the suit in the District Court in San Jose and is seeking damages.",
        "A fire in Kingston, Ontario killed two.",
        "The Panama City Beach spring break was cancelled.",
        "She went to Oxford, Harvard, and Georgetown and is a Christian.",
    ],
)
def test_an_ambiguous_capital_alone_is_no_actor_nor_place(text: str) -> None:
    assert _found(text) == []


def test_an_ambiguous_capital_counts_beside_another_form_of_its_country() -> None:
    assert _found("Costa Rica's capital San Jose hosted the talks.") == [
        ("Costa Rica", "Costa Rica", "country"),
        ("San Jose", "Costa Rica", "country"),
    ]
    assert _found("Jamaica's prime minister spoke in Kingston on Monday.") == [
        ("Jamaica", "Jamaica", "country"),
        ("Kingston", "Jamaica", "location"),
    ]
    assert _found("Jamaican police said the Kingston protest was peaceful.") == [
        ("Jamaican", "Jamaica", "demonym"),
        ("Kingston", "Jamaica", "country"),
    ]
    # a capital that is not marked ambiguous needs nothing
    assert _found("Talks in Doha ended.") == [("Doha", "Qatar", "location")]


def test_ambiguous_metonyms_must_be_metonyms_of_the_entry(tmp_path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "actors:\n- id: XCR\n  name: X\n  type: country\n  cameo: null\n  aliases: [Xland]\n"
        "  metonyms: [Xcity]\n  ambiguous_metonyms: [Ycity]\n  source: editors\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="ambiguous_metonyms"):
        load_gazetteer(extend=str(bad))
