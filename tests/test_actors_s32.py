"""Matcher rules, session 32: demonyms naming a language, ALL-CAPS names in mixed case, a
country after two name words. Texts are real headlines and sentences (Citi Newsroom Ghana,
Indian outlets, fwd/news, ISOT Reuters) unless a comment says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import corpus_tools as ct
from corpus_tools.actors import Gazetteer
from corpus_tools.errors import DataFileError

_SHIPPED = Path(ct.__file__).parent / "data" / "actors.yml"


def _found(text: str, gaz: Gazetteer | None = None) -> list[tuple[str, str]]:
    m = ct.mentions_in_text(text, gaz)
    return list(zip(m["actor"], m["alias"], strict=True))


def _with_settings(tmp_path: Path, **settings: list[str] | None) -> Gazetteer:
    data = yaml.safe_load(_SHIPPED.read_text(encoding="utf-8"))
    for key, val in settings.items():
        if val is None:
            data["settings"].pop(key, None)
        else:
            data["settings"][key] = val
    path = tmp_path / "actors.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return ct.load_gazetteer(path)


# --- (1) a demonym naming a language ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Germany bans Russian broadcaster RT's German-language channel",
            [("Germany", "Germany"), ("Russia", "Russian")],
        ),
        (
            "a separatist uprising in mainly Russian-speaking eastern Ukraine.",
            [("Ukraine", "Ukraine")],
        ),
        ("She speaks Spanish and writes to him in French, the aide said.", []),
    ],
)
def test_a_demonym_naming_a_language_is_no_country(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(text) == expected


def test_the_language_rule_keeps_the_country_where_the_demonym_is_one() -> None:
    # the noun after "in French" makes it the country's; "languages" are the country's too
    assert _found("He was held in French custody for a week.") == [("France", "French")]
    assert _found("promotion of our indigenous Ghanaian languages") == [("Ghana", "Ghanaian")]
    # after a preposition a stopword does not end the language: "invest in Chinese and ..."
    assert _found("They invest in Chinese and Russian firms.") == [
        ("China", "Chinese"),
        ("Russia", "Russian"),
    ]
    assert _found("Russian-held towns") == [("Russia", "Russian")]


def test_the_language_words_are_gazetteer_settings(tmp_path: Path) -> None:
    text = "Germany bans Russian broadcaster RT's German-language channel"
    bare = _with_settings(tmp_path, language_followers=None, language_leaders=None)
    assert ("Germany", "German") in _found(text, bare)  # no settings, no rule
    own = _with_settings(tmp_path, language_followers=["channel"], language_leaders=[])
    assert ("Germany", "German") not in _found("a German channel", own)
    assert ("Germany", "German") in _found(text, own)  # "language" is not in its list


def test_the_language_settings_must_be_word_lists(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="language_leaders"):
        _with_settings(tmp_path, language_leaders="in")  # type: ignore[arg-type]


# --- (2) an ALL-CAPS country in mixed-case text, an ALL-CAPS given name ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Five takeaways from Rahul Yatra: Boost for Cong, Tejashwi to INDIA unity, heat on NDA",
        "Rahul Yatra wraps up with INDIA show, says 'hydrogen bomb' ahead",
        "Ban rapper V12 Origenator’s ‘TONGA’ music video – DKB fumes [Video]",
    ],
)
def test_an_all_caps_country_heading_a_noun_in_mixed_case_is_another_name(text: str) -> None:
    assert _found(text) == []


def test_an_all_caps_country_stays_in_datelines_caps_headlines_and_stressed_speech() -> None:
    assert _found("SINGAPORE (Reuters) - Talks resumed.") == [("Singapore", "SINGAPORE")]
    assert _found("NEW TALKS IN INDIA TODAY") == [("India", "INDIA")]
    # Reuters quoting a speech: the stressed country is the country
    text = "we are declaring that AMERICA is in the game and AMERICA is DETERMINED to win."
    assert _found(text) == [("United States", "AMERICA"), ("United States", "AMERICA")]
    # a form written in capitals in the gazetteer is matched as written
    assert _found("talks with the DPRK envoy") == _found("talks with the DPRK envoy")


def test_an_all_caps_given_name_before_a_surname_or_country_names_another_person() -> None:
    # constructed from the headline forms seen in ISOT titles set in capitals
    assert _found("REP. LIZ CHENEY SAYS NO") == []
    assert _found("DICK CHENEY SAYS NO") == [("Dick Cheney", "DICK CHENEY")]
    assert _found("JIM JORDAN SAYS NO") == []
    assert _found("VISIT JORDAN NOW") == [("Jordan", "JORDAN")]


# --- (3) a country after two name words ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Minority’s comfort over Aircraft acquisition – Nii Kpakpo Samoa",
        "Police acted lawfully in arresting Adenta Kumi – Nii Kpakpo Samoa",
    ],
)
def test_a_country_after_a_given_name_and_another_name_word_is_a_surname(text: str) -> None:
    assert [a for a, _ in _found(text)] == []


def test_a_country_after_two_name_words_and_before_a_verb_is_a_surname() -> None:
    assert _found("Nii Kpakpo Samoa says the arrest was lawful") == []
    assert _found("Nii Kpakpo Samoa's comfort") == []


def test_a_country_after_two_name_words_that_heads_a_noun_or_follows_no_name_stays() -> None:
    # constructed: a full name then the country as a modifier; a form's words before it
    assert _found("Kofi Annan Ghana visit ends") == [("Ghana", "Ghana")]
    assert _found("Joe Biden Ghana visit ends") == [("Joe Biden", "Joe Biden"), ("Ghana", "Ghana")]
    assert _found("Kwame Says Ghana Will Win") == [("Ghana", "Ghana")]


# --- shared aliases: a national body's acronym other countries' bodies have too -------------


def test_a_shared_alias_in_a_text_naming_another_country_only_is_that_countrys_body() -> None:
    # Citi Newsroom (Ghana) headlines: Ghana's FDA and SEC, not the US bodies
    assert _found("KIC partners with FDA to support Food Innovation Start-ups in Ghana") == [
        ("Ghana", "Ghana")
    ]
    assert _found("SEC to roll out new guidelines for Forex Trading in Ghana") == [
        ("Ghana", "Ghana")
    ]
    assert _found("FDA seizes illicit shisha, vapes, cigars in Accra") == []


def test_a_shared_alias_stays_alone_with_its_own_country_or_beside_other_shared_ones() -> None:
    assert _found("FDA approves new drug") == [("FDA", "FDA")]
    assert [a for a, _ in _found("U.S. FDA approves drug made in India")] == [
        "United States",
        "FDA",
        "India",
    ]
    # Reuters: the Washington dateline names the US
    text = "WASHINGTON (Reuters) - The SEC said Chinese firms must comply."
    assert ("SEC", "SEC") in _found(text)
    # no other evidence: both stay (the matcher cannot tell which SEC)
    assert [a for a, _ in _found("BoG, SEC and FIC intensify sensitisation")] == [
        "Bank of Ghana",
        "SEC",
    ]
    # the Bank of Ghana's BoG in a text about Greece is the Bank of Greece's (constructed)
    assert _found("Greek lenders wait as BoG sets new rules") == [("Greece", "Greek")]
    assert _found("BoG urges Ghanaians to reject dollar pricing") == [
        ("Bank of Ghana", "BoG"),
        ("Ghana", "Ghanaians"),
    ]


def test_shared_aliases_must_be_aliases_of_an_entry_with_a_cameo(tmp_path: Path) -> None:
    path = tmp_path / "g.yml"
    entry = {"id": "x", "name": "X Agency", "type": "government", "aliases": ["X Agency", "XA"]}
    for extra, ok in (
        ({"cameo": "GHAGOV", "shared_aliases": ["XA"]}, True),
        ({"cameo": "GHAGOV", "shared_aliases": ["XB"]}, False),
        ({"shared_aliases": ["XA"]}, False),
    ):
        path.write_text(yaml.safe_dump([{**entry, **extra, "source": "s"}]), encoding="utf-8")
        if ok:
            assert ct.load_gazetteer(path).entries[0]["shared_aliases"] == ["XA"]
        else:
            with pytest.raises(DataFileError, match="shared_aliases"):
                ct.load_gazetteer(path)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Jacinda Ardern first New Zealander to be invited to speak at NATO Leaders Summit.",
            "Jacinda Ardern",
        ),
        ("Raila Odinga, former Kenyan Prime Minister, passes away", "Raila Odinga"),
        (
            "Premier League, EFL games dey called off for Queen Elizabeth II death",
            "Queen Elizabeth II",
        ),
        ("Chinese families 'have lost everything' says Solomons group", "Solomon Islands"),
        ("Coronavirus: See wetin ISIS, Boko Haram and oda jihadist leaders dey tok", "Boko Haram"),
        ("Australia PM Albanese makes stunning comeback with landslide win", "Anthony Albanese"),
    ],
)
def test_session_32_entries_are_found_in_real_headlines(text: str, actor: str) -> None:
    # fwd/news (rnz.co.nz, rnz), Citi Newsroom, BBC News Pidgin (MasakhaNEWS)
    assert actor in [a for a, _ in _found(text)]
