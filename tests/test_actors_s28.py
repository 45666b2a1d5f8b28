"""Session 28: names of other things built on an actor's form, short capitals, shared surnames,
political figures beyond heads of government."""

from __future__ import annotations

import pytest

from corpus_tools.actors import canonical_actor, load_gazetteer, mentions_in_text


def _found(text: str) -> list[tuple[str, str, str]]:
    df = mentions_in_text(text, locations=True)
    return [(r.alias, r.actor, r.type) for r in df.itertuples()]


@pytest.mark.parametrize(
    "text",
    [
        # settings.name_heads: events, buildings, another person
        "Nadal wins the Australian Open in Melbourne.",
        "Roger Federer reached the last four of the Qatar Open with an easy win.",
        "Protesters gathered outside Trump Tower on Fifth Avenue.",
        "Vindman lawsuit accuses Trump Jr. of witness intimidation",
        "The exhibit opens at the American Museum of Natural History.",
        # settings.currency_words: the currency, not the state
        "Nestle will buy back shares worth 1bn Swiss francs.",
        "KAYABA INDUSTRY ISSUES 50 MLN SWISS FRANC NOTES",
        "Currencies including the Thai baht and Indonesian rupiah weakened.",
        "Russian Ruble Drops 17% Amid Falling Exports",
        # settings.company_suffixes: capitalised words after the form end in a company suffix
        "Cargill U.K. Ltd's oilseed plant will resume operations.",
        "Owens-Corning agreed with Taiwan Glass Industries Corp on the deal.",
        "International American Homes inc said it will acquire the group.",
        "The pipeline will be built by the Albanian Macedonian Bulgarian Oil Corporation.",
        # a short ALL-CAPS word in mixed-case text that is no form as written
        "Pant was left out of the playing XI for the first Test.",
    ],
)
def test_names_of_other_things_are_no_actor(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # an adjective before to/for in a Title Case headline
        (
            "Iran Open To Talks With US",
            [("Iran", "Iran", "country"), ("US", "United States", "country")],
        ),
        # a possessive keeps the person
        ("Trump's Tower of lies", [("Trump", "Donald Trump", "person")]),
        # an agreement after a country (a party to it) keeps the country
        ("the Taliban Agreement talks", [("the Taliban", "Taliban", "armed_group")]),
        # a suffix right after the form needs a capitalised name word before it
        ("The UK plc economy grew.", [("UK", "United Kingdom", "country")]),
        ("Former Trump AG to Ask for Pardons", [("Trump", "Donald Trump", "person")]),
        # ALL-CAPS text reads capitalised forms
        (
            "XI JINPING MEETS PUTIN",
            [("XI JINPING", "Xi Jinping", "person"), ("PUTIN", "Vladimir Putin", "person")],
        ),
        # an ALL-CAPS form as written
        (
            "The US and the EU agreed.",
            [("US", "United States", "country"), ("EU", "European Union", "organisation")],
        ),
        # the Title Case demonym rule: a gazetteer person's given name before it, then a verb
        ("Mark Cuban Slams Trump", [("Trump", "Donald Trump", "person")]),
        ("Crowds Mark Russian Victory Day", [("Russian", "Russia", "demonym")]),
    ],
)
def test_what_stays(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # settings.metonym_heads: an accord named after the city, also in Title Case
        (
            "US Rejoins Paris Agreement",
            [("US", "United States", "country"), ("Paris", "France", "location")],
        ),
        ("The Minsk Accords collapsed.", [("Minsk", "Belarus", "location")]),
        # a capital ending a name after "of"/"for" and a capitalised word, in running text
        ("Trains stop, Transport for London warns.", [("London", "United Kingdom", "location")]),
        (
            "She said the Mayor of London would apologise.",
            [("London", "United Kingdom", "location")],
        ),
        # ... not at a sentence's start, nor without a capitalised word before
        ("Sanctions of Moscow hurt.", [("Moscow", "Russia", "country")]),
        ("Ministers of Russia met.", [("Russia", "Russia", "country")]),
    ],
)
def test_capitals_in_other_names_are_places(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(text) == expected


def test_a_shared_surname_goes_to_the_full_name_seen_last() -> None:
    rows = mentions_in_text("Hillary Clinton met Bill Clinton. Clinton said no.")
    assert rows[["actor", "alias", "resolution"]].values.tolist() == [
        ["Hillary Clinton", "Hillary Clinton", "name"],
        ["Bill Clinton", "Bill Clinton", "name"],
        ["Bill Clinton", "Clinton", "surname"],
    ]
    rows = mentions_in_text("Bill Clinton met Hillary Clinton. Clinton said no. Mr. Clinton left.")
    assert rows[["actor", "alias"]].values.tolist() == [
        ["Bill Clinton", "Bill Clinton"],
        ["Hillary Clinton", "Hillary Clinton"],
        ["Hillary Clinton", "Clinton"],
        ["Bill Clinton", "Mr. Clinton"],
    ]
    # the two Bushes: the last full name decides
    rows = mentions_in_text("George W. Bush praised George H. W. Bush. Bush was 94.")
    assert rows.actor.tolist() == ["George W. Bush", "George H. W. Bush", "George H. W. Bush"]


def test_canonical_actor_does_not_pick_one_of_a_shared_surname() -> None:
    got = [
        canonical_actor(s)
        for s in ["Clinton", "Mrs. Clinton", "President Clinton", "Bush", "Wang", "Putin", "Pence"]
    ]
    assert got == [
        None,
        "Hillary Clinton",
        "Bill Clinton",
        None,
        None,
        "Vladimir Putin",
        "Mike Pence",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Vice President Pence met Speaker Pelosi and Kamala Harris. Harris said no.",
            [
                ("Vice President Pence", "Mike Pence"),
                ("Speaker Pelosi", "Nancy Pelosi"),
                ("Kamala Harris", "Kamala Harris"),
                ("Harris", "Kamala Harris"),
            ],
        ),
        (
            "Senate majority leader Robert Byrd said President Reagan may win.",
            [("President Reagan", "Ronald Reagan")],
        ),
        # common words and other people's names need the full name or an honorific alias
        (
            "Condoleezza Rice said. Rice prices rose. Ms Rice left.",
            [("Condoleezza Rice", "Condoleezza Rice"), ("Ms Rice", "Condoleezza Rice")],
        ),
        ("Major banks fell. Mr Major said.", [("Mr Major", "John Major")]),
        (
            "Distin, Dunne, Thatcher, Barton. Mrs Thatcher spoke.",
            [("Mrs Thatcher", "Margaret Thatcher")],
        ),
        ("Mr McConnell, Scotland's First Minister, said.", []),
        (
            "Kohl's posted sales. Helmut Kohl died. Kohl was 87.",
            [("Helmut Kohl", "Helmut Kohl"), ("Kohl", "Helmut Kohl")],
        ),
    ],
)
def test_political_figures(text: str, expected: list[tuple[str, str]]) -> None:
    rows = mentions_in_text(text)
    assert [(r.alias, r.actor) for r in rows.itertuples() if r.type == "person"] == expected


def test_new_persons_cite_their_sources() -> None:
    g = load_gazetteer()
    sources = g.meta["sources"]
    new = [e for e in g.entries if e["source"] in ("us_offices", "uk_offices", "heads_1980s")]
    assert len(new) == 34
    assert all(e["source"] in sources for e in new)
    # no surname form where the surname is a common word: the honorific forms are aliases
    assert g.lookup("john_major")["surname"] is None
    assert g.lookup("condoleezza_rice")["surname"] is None
