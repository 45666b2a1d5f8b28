"""Session 31 (H4): loading real files and misuse.

Fixtures are short excerpts of real files, each with its source and licence beside it.
"""

from __future__ import annotations

from pathlib import Path

import corpus_tools as ct

# ZitRos/news-articles-dataset (MIT), news/business/could-yukos-be-a-blessing-in-disguise.txt
# (a BBC News plain-text article: headline line, blank line, paragraphs), first two paragraphs
YUKOS = (
    "Could Yukos be a blessing in disguise?\n\n"
    "Other things being equal, the notion of entrepreneurs languishing in jail while their "
    "companies are sold off for a song ought to be bad for business.\n\n"
    "But in the looking-glass world of modern Russia, the opposite might just be true, a new "
    "report* has argued.\n"
)
# roneysco/Fake.br-Corpus (no licence file; a three-line excerpt), full_texts/true/91.txt
FELIZ = (
    "Feliz Ano Novo! Será?\n\n"
    "Com a chegada de mais um réveillon, frases de felicitações, de encorajamento e outras do "
    "gênero sempre são ditas aos quatro cantos por muitas pessoas.\n"
)


def test_a_question_headline_standing_alone_is_the_title(tmp_path: Path) -> None:
    (tmp_path / "yukos.txt").write_text(YUKOS, encoding="utf-8")
    (tmp_path / "feliz.txt").write_text(FELIZ, encoding="utf-8")
    # a question opening a paragraph of lines, and a question as long as what follows: no title
    (tmp_path / "ask.txt").write_text(
        "Why did it fail?\nThe court said so.\n\nMore text follows here.\n", encoding="utf-8"
    )
    (tmp_path / "short.txt").write_text("Is it over?\n\nNo.\n", encoding="utf-8")
    c = ct.load_corpus(tmp_path)
    pairs = zip(c.docs["title"], c.docs["title_source"], strict=True)
    got = dict(zip(c.docs["source"], pairs, strict=True))
    assert got == {
        "ask.txt": (None, None),
        "feliz.txt": ("Feliz Ano Novo! Será?", "first_line"),
        "short.txt": (None, None),
        "yukos.txt": ("Could Yukos be a blessing in disguise?", "first_line"),
    }
    # the title stays in the text, as for other first-line titles
    assert c.docs.set_index("source").loc["yukos.txt", "text"].startswith("Could Yukos")
