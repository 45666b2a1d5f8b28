"""Central European, Turkish and Baltic legacy code pages are not read as cp1252 mojibake
(io.decode._central_european: function words with letters outside ASCII decide)."""

from pathlib import Path

import pytest

import corpus_tools as ct

POLISH = (
    "Minister spraw zagranicznych Rosji powiedział we wtorek, że Moskwa i Pekin będą "
    "koordynować swoje działania na Bliskim Wschodzie. Jak podkreślił, już teraz obie "
    "strony są zgodne, że trzeba być ostrożnym."
)
CZECH = (
    "Ruský ministr zahraničí v úterý uvedl, že Moskva a Peking budou koordinovat své kroky "
    "na Blízkém východě. Podle něj je to už dnes jasné a může to být jen začátek, který "
    "však nebude snadný, protože další jednání bude až v květnu."
)
TURKISH = (
    "Rusya Dışişleri Bakanı Salı günü yaptığı açıklamada, Moskova ve Pekin'in Orta Doğu'da "
    "eylemlerini koordine edeceğini söyledi. Bu durum daha önce değil, sadece bugün "
    "açıklandı; bakan ayrıca görüşmelerin olduğu yerde ilk kez bir araya geldiklerini, "
    "değil mi diye soranlara sonra yanıt vereceğini belirtti."
)
FRENCH = (
    "Le ministre russe des Affaires étrangères a déclaré mardi que Moscou et Pékin "
    "coordonneront leurs actions au Moyen-Orient, très bientôt, à Genève, où il sera."
)
GERMAN = "Der Außenminister sagte, dass Moskau und Peking für die Zukunft über alles reden würden."


@pytest.mark.parametrize(
    ("text", "codec", "named"),
    [
        (POLISH, "cp1250", "cp1250"),
        (POLISH, "iso8859_2", "iso8859_2"),
        (CZECH, "cp1250", "cp1250"),
        (TURKISH, "cp1254", "cp1254"),
        (FRENCH, "cp1252", "cp1252"),
        (GERMAN, "cp1252", "cp1252"),
    ],
)
def test_a_legacy_file_reads_as_its_language(
    tmp_path: Path, text: str, codec: str, named: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    corpus = ct.load_corpus(path)
    assert corpus.docs["encoding"].tolist() == [named]
    assert corpus.docs["text"].tolist() == [text]
