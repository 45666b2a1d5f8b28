"""Session 25: close languages with a list (Portuguese/Spanish, Danish/Norwegian/Swedish) told
apart by their own words, Galician left unclear, and a text's vote independent of the others."""

from __future__ import annotations

import pytest

from corpus_tools import languages as lang

PT = (
    "O governo da China disse nesta terça-feira que a Rússia não comentou o acordo assinado "
    "no Brasil. Segundo o ministério, não há nada para comentar sobre as negociações que "
    "estão em curso no país, e os dois lados vão se reunir de novo em março."
)
EN = "Russia welcomed the good talks with China. The talks were a success, officials said."


def test_portuguese_paragraph_that_the_spanish_list_also_reads_is_portuguese() -> None:
    # 21 words on the Portuguese list, 15 on the Spanish one (lead 1.4 < 1.5): was None;
    # Portuguese-only não, em, os, há against no Spanish-only word name it
    assert lang.guess_language(PT) == "pt"
    assert lang.text_votes([PT]) == ["pt"]


def test_a_clear_text_keeps_its_vote_beside_texts_in_another_language() -> None:
    # was ['en', None, None]: the English text changed the pool the Portuguese ones took
    assert lang.text_votes([EN, PT, PT]) == ["en", "pt", "pt"]
    assert lang.text_votes([PT, EN]) == ["pt", "en"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Det er ikke første gang, at kommunen har problemer med skolerne, og nu vil "
            "borgmesteren have en løsning, så børnene kan komme tilbage.",
            "da",
        ),
        (
            "Hun fortalte, at de havde ventet i flere timer, før politiet kom, og at ingen "
            "vidste, hvad der skulle ske med dem.",
            "da",
        ),
        (
            "Det er ikke første gang at kommunen har problemer med skolene, og nå vil ordføreren "
            "ha en løsning slik at barna kan komme tilbake.",
            "no",
        ),
        (
            "Statsministeren sier at regjeringen vil se på saken etter valget, men at det ikke "
            "er noen grunn til å endre reglene nå.",
            "no",
        ),
    ],
)
def test_danish_and_norwegian_are_told_by_their_own_words(text: str, code: str) -> None:
    # both lists read these (the Norwegian list holds kan, så, før, ingen too): were None
    assert lang.guess_language(text) == code
    assert lang.text_votes([text]) == [code]


def test_danish_without_any_word_of_its_own_stays_unclear() -> None:
    # no af, blev, nogle, ... and no Norwegian av, ble, noen: not a forced guess
    text = (
        "Han sagde, at det var en god dag for alle, men at der stadig er meget arbejde, som "
        "skal gøres, før man kan være sikker på, at det virker."
    )
    assert lang.guess_language(text) is None


def test_galician_is_unclear_not_portuguese() -> None:
    text = (
        "O goberno galego dixo onte que non vai aceptar a proposta, porque aínda hai moitas "
        "dúbidas sobre o custo. Tamén lembrou que xa pediu unha reunión co ministerio, pero "
        "non tivo resposta."
    )
    assert lang.guess_language(text) is None
    assert lang.text_votes([text, PT]) == [None, "pt"]


def test_close_word_lists_load_with_norwegian_as_a_code() -> None:
    # YAML reads a bare `no:` as False: the file quotes the codes
    pairs = lang._close_words()
    assert {("da", "no"), ("no", "da"), ("pt", "es"), ("es", "pt")} <= set(pairs)
    assert "af" in pairs[("da", "no")] and "não" in pairs[("pt", "es")]
    assert "kan" not in pairs[("no", "da")]  # Danish writes it too


TEXTS = [
    EN,
    "Pope Francis Dies At 88 In Vatican",
    PT,
    "Dilma criticou a previsão de crescimento de 2% em junho, de acordo com a FGV.",
    "Hun fortalte, at de havde ventet i flere timer, før politiet kom, og at ingen vidste, "
    "hvad der skulle ske med dem.",
    "Statsministeren sier at regjeringen vil se på saken etter valget, men at det ikke er "
    "noen grunn til å endre reglene nå.",
    "El presidente dijo que el gobierno tampoco va a aceptar la propuesta, porque es muy cara "
    "para el país.",
    "J Robinson (capt); M Cueto, J Noon, O Barkley, J Lewsey; C Hodgson, H Ellis; G Rowntree",
]


def test_a_text_clear_alone_keeps_its_vote_in_any_company() -> None:
    alone = [lang.text_votes([t])[0] for t in TEXTS]
    assert alone == ["en", None, "pt", None, "da", "no", "es", None]
    for i in range(len(TEXTS)):
        for j in range(len(TEXTS)):
            votes = lang.text_votes([TEXTS[i], TEXTS[j], TEXTS[i]])
            assert alone[i] is None or votes[0] == votes[2] == alone[i]
            assert alone[j] is None or votes[1] == alone[j]


def test_a_text_alone_is_no_pool_but_unclear_lines_take_a_shared_one() -> None:
    # a line unclear on its own words (a, de, em, o, com are on both lists) is not named by
    # pooling its own words alone (it was 'pt' alone and None beside an English text)
    line = TEXTS[3]
    assert lang.guess_language(line) is None and lang.text_votes([line]) == [None]
    assert lang.text_votes([EN, line]) == ["en", None]
    # beside two Portuguese texts it takes their language
    assert lang.text_votes([PT, TEXTS[2], line]) == ["pt", "pt", "pt"]
    # a list of rugby players is no French (it was 'fr' alone: initials j, m, c as j', m', c')
    assert lang.text_votes([TEXTS[7]]) == [None]


def test_the_pool_needs_more_than_half_the_leaning_texts() -> None:
    # words that read as Portuguese, but only 2 of 5 texts that lean to one list lean to
    # Portuguese (one each to English, German, Spanish): no pooled language (was 'pt': more
    # than any other single list)
    codes = list(lang._latin_codes())
    words = lang._latin_words(PT)[0][:24]
    leads = [0] * len(codes)
    for code, n in (("pt", 2), ("en", 1), ("de", 1), ("es", 1)):
        leads[codes.index(code)] = n
    assert lang._pooled(words, leads) is None
    leads[codes.index("pt")] = 4
    assert lang._pooled(words, leads) == "pt"
    # one text alone is no pool
    assert lang._pooled(words, [int(c == "pt") for c in codes]) is None


MALAY_TITLES = [
    "Kerajaan akan umumkan bajet baharu minggu depan",
    "Menteri: Harga minyak tidak akan naik tahun ini",
    "Polis tahan lima suspek selepas rompakan di Johor Bahru",
    "Sekolah ditutup kerana banjir di Kelantan",
    "Peratus pengundi meningkat dalam pilihan raya kecil",
    "Perdana Menteri bertemu pemimpin ASEAN berkenaan isu keselamatan",
    "Harga rumah di Lembah Klang dijangka terus meningkat",
    "Bekas menteri didakwa di mahkamah atas tuduhan rasuah",
]
INDONESIAN_TITLES = [
    "Pemerintah akan umumkan anggaran baru pekan depan",
    "Menteri: Harga BBM tidak akan naik tahun ini karena subsidi",
    "Polisi tangkap lima tersangka usai perampokan di Medan",
    "Sekolah ditutup karena banjir di Jakarta",
    "Jumlah pemilih meningkat dalam pilkada",
    "Presiden bertemu pemimpin ASEAN bahas isu keamanan",
    "Harga rumah di Jabodetabek diperkirakan terus naik",
    "Mantan menteri didakwa di pengadilan atas tuduhan korupsi",
]


def test_malay_headlines_take_a_malay_pool() -> None:
    # the pooled titles hold few Indonesian-list words (under a tenth) but the Malay list's,
    # and Malay baharu, selepas, kerana, peratus, berkenaan: was [None, 'id', None, ...], None
    votes = lang.text_votes(MALAY_TITLES)
    # the second names Indonesian on its own words (tidak, akan, ini) and keeps it
    assert votes == ["ms", "id", "ms", "ms", "ms", "ms", "ms", "ms"]
    assert lang.main_language(MALAY_TITLES) == "ms"
    assert lang.text_votes(INDONESIAN_TITLES) == ["id"] * 8
    assert lang.main_language(INDONESIAN_TITLES) == "id"
