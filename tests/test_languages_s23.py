"""Session 23: languages without a shipped list answer None, not a neighbour's code.

Every case below was named wrong before (the comment says how); the sentences are written
for these tests. The words that tell the languages apart are data
(``corpus_tools/data/stopwords_unlisted.yml``)."""

from __future__ import annotations

import pytest

from corpus_tools import languages
from corpus_tools.tokenize import fold

HEADLINES = [
    "Man dies after being hit by a car",
    "Is it time to sell your stocks? Here is what the experts say",
    "Pope Francis Dies At 88 In Vatican",
    "Storm brings floods to the north of the country",
    "Bank raises interest rates for the third time this year",
    "Police arrest two men after the attack on a shop",
]


@pytest.mark.parametrize(
    "text",
    [
        # Macedonian with ј and no ѓ, ќ, ѕ: was "sr"
        "Тој рече дека министерот ја посетил болницата во Битола и дека работите се добро.",
        # Irish: was "en" (an, is, a, go)
        "Is é an rud is mó a bhí i gceist ná go raibh an t-airgead ar fáil agus go raibh siad "
        "sásta.",
        # Catalan, Esperanto, Swahili: were "es"
        "El govern ha anunciat que les obres del nou hospital començaran la setmana que ve amb "
        "un pressupost de deu milions.",
        "La urbo estas granda kaj havas multajn parkojn, sed la trafiko estas malbona.",
        "La muhimu ni kwamba kila mtu ana haki ya kusema na kusikilizwa",
    ],
)
def test_a_language_without_a_list_is_unclear_not_its_neighbour(text: str) -> None:
    assert languages.guess_language(text) is None


def test_the_neighbours_with_a_list_keep_their_names() -> None:
    assert (
        languages.guess_language(
            "Он је рекао да су преговори у Београду били успешни и да нема проблема."
        )
        == "sr"
    )
    assert (
        languages.guess_language(
            "El gobierno ha anunciado que las obras del nuevo hospital comenzarán la semana "
            "que viene con un presupuesto de diez millones."
        )
        == "es"
    )
    assert (
        languages.guess_language(
            "The government said on Monday that the new hospital would open next year with a "
            "budget of ten million pounds."
        )
        == "en"
    )


def test_belarusian_without_its_short_u_is_not_ukrainian() -> None:
    # і with ы: was "uk" (ў decided it alone)
    assert languages.guess_language("Новыя правілы будуць дзейнічаць з першага сакавіка") == "be"
    assert languages.guess_language("Нові правила почнуть діяти з першого березня.") == "uk"


@pytest.mark.parametrize(
    "line",
    [
        "Mae'r llywodraeth wedi cyhoeddi cynllun newydd heddiw",  # Welsh
        "Gobernuak plan berria aurkeztu du eta bihar hasiko da",  # Basque
        "Roma aeterna est, quae urbs magna erat",  # Latin
        "Puso e rile gore dikolo di tla bulwa gape morago ga beke",  # Tswana
        "Regeringen har besluttet at det ikke skal være muligt",  # Danish (da or no?)
        "Ang bagong batas ay para sa mga bata",  # Tagalog
        "Vlada je rekla da nije bilo problema",  # Croatian
        "Guvernul a spus că nu sunt probleme",  # Romanian
    ],
)
def test_a_short_foreign_line_among_english_headlines_does_not_vote_english(line: str) -> None:
    votes = languages.text_votes([*HEADLINES, line])
    assert votes == ["en"] * len(HEADLINES) + [None]  # the line was "en"


def test_an_english_headline_with_accented_names_votes_english() -> None:
    line = "Müller and Gündoğan help Germany past Scotland in opener"
    assert languages.text_votes([*HEADLINES, line])[-1] == "en"  # was None: ü, ğ
    latvian = "Norvēģijas glābšanas komanda atrada cilvēkus kalnos"
    assert languages.text_votes([*HEADLINES, latvian])[-1] is None  # lower-case ē, ā


def test_the_unlisted_words_are_none_of_the_lists_they_tell_apart() -> None:
    from corpus_tools.tokenize import load_stopwords

    for code, read_as, words in languages._unlisted():
        assert words and read_as, code
        for listed in read_as:
            assert not words & load_stopwords(listed), (code, listed)
    theirs, own = languages._unlisted_by_letters()["sr"]
    assert "во" in theirs and "је" in own and not theirs & own


def test_latin_words_reads_names_as_before() -> None:
    # a capitalised word is a sentence's first (after . : or a line break) or a name ("")
    text = fold("Er sagte: Die Lage ist ernst.\nDie Regierung und Ben Cardin in  Van Gogh")
    words, lower = languages._latin_words(text)
    assert lower is None
    assert words == [
        "er",
        "sagte",
        "die",
        "",
        "ist",
        "ernst",
        "die",
        "",
        "und",
        "",
        "",
        "in",
        "",
        "",
    ]


def test_real_portuguese_and_english_keep_their_names() -> None:
    # words of unlisted languages that real pt/en text writes (havia, leis; pole, status quo)
    # are not on their lists
    assert (
        languages.guess_language(
            "Na primeira vez que notou que havia algo errado, ela estava em uma estação de "
            "trem lotada em Londres."
        )
        == "pt"
    )
    assert (
        languages.guess_language(
            "Lisbon risks becoming a synonym for missed objectives, and the status quo is not "
            "an option, his report said."
        )
        == "en"
    )


def test_one_unlisted_word_in_lower_case_headlines_is_a_name() -> None:
    low = [h.lower().replace("?", "") for h in HEADLINES]
    line = "els storms to early lead in dubai"  # Ernie Els; Catalan 'els'
    assert languages.text_votes([*low, line])[-1] == "en"
    cased = "Mae'r llywodraeth wedi cyhoeddi cynllun newydd heddiw"
    assert languages.text_votes([*low, cased.lower()])[-1] is None  # mae'r, wedi: two words
