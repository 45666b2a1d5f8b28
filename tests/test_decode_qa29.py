"""Session 29: a Turkish cp1254 file whose function words tie cp1252 is told by its letters."""

from __future__ import annotations

import pytest

from corpus_tools.io.decode import decode_bytes

# no Turkish function word with ş, ğ or ı in the shipped lists (değil, olduğu, ...): the words tie
TURKISH = (
    "Dışişleri Bakanı Çavuşoğlu, Ankara'da görüşmelerin sürdüğünü söyledi. Başkentteki "
    "toplantıya katılan heyetler, ağır şartlar altında uzlaşı arayışını sürdürdü. Yetkililer "
    "açıklamanın ardından basın mensuplarının sorularını yanıtladı."
)


@pytest.mark.parametrize("codec", ["cp1254", "iso8859_9"])
def test_turkish_without_listed_function_words_reads_as_turkish(codec: str) -> None:
    text, used = decode_bytes(TURKISH.encode(codec))
    assert text == TURKISH
    assert used == "cp1254"  # same letters as ISO-8859-9 at every byte this text uses


@pytest.mark.parametrize(
    "text",
    [
        # Western text keeps cp1252, letters and all (þ ð ý are Icelandic's own)
        "Þeir sögðu að það væri ekki hægt, við ráðherra. Þýðing hans á ýmsum bókum þótti góð.",
        "El niño y la señora de España llegaron mañana; año tras año, la compañía crecía.",
        "Le ministre a déclaré à Genève que la réforme était très avancée, près du lac.",
    ],
)
def test_western_text_stays_cp1252(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


def test_a_short_line_of_turkish_stays_cp1252_when_its_words_could_be_icelandic() -> None:
    # 'Baþkan', 'toplantý' are spelled with Icelandic letters: no language evidence, no switch
    # (too few suspect words for the 'check:' note either); a documented limit
    line = "Başkan şunu söyledi: toplantı yarın."
    assert decode_bytes(line.encode("cp1254"))[1] == "cp1252"
