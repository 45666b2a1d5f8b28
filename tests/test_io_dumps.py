"""A text file that holds many articles (a crawler dump) is named in one warning."""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning
from corpus_tools.io.readers import records_in_text

_WORDS = (
    "the minister said on tuesday that the council would review funding for regional "
    "hospitals after a report found waiting times had risen in most districts"
).split()


def _dump(n: int, seed: int = 7) -> str:
    """A crawler dump: a URL/Title/Date header block and a ====== line before each article."""
    rng = random.Random(seed)
    parts = []
    for i in range(n):
        paras = [
            " ".join(rng.choice(_WORDS) for _ in range(rng.randint(25, 60))).capitalize() + "."
            for _ in range(rng.randint(2, 5))
        ]
        parts.append(
            "==========\n"
            f"URL: https://news.example.org/{2024 + i % 2}/story-{i}\n"
            f"Title: Council story number {i}\n"
            f"Date: 2024-0{1 + i % 9}-1{i % 10}\n\n" + "\n\n".join(paras) + "\n"
        )
    return "".join(parts)


def _load(path: Path) -> tuple[ct.Corpus, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(path)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]


def test_records_in_a_generated_dump_are_counted() -> None:
    assert records_in_text(_dump(200)) == (
        "200 header blocks of URL/Title/Date lines and 200 '==========' separator lines"
    )


def test_an_article_with_section_breaks_or_a_byline_is_not_a_dump() -> None:
    article = (
        "Title: Budget vote\nAuthor: A. Writer\n\nThe vote passed.\n\n-----\n\n"
        "Second part.\n\n*****\n\nThird part.\n\n-----\n\nSource: agency copy, date: none.\n"
    )
    assert records_in_text(article) is None
    # two header blocks are not yet "many records"; a third one is
    two = "URL: a\nTitle: b\n\ntext\n\nURL: c\nTitle: d\n\ntext\n"
    assert records_in_text(two) is None
    assert records_in_text(two + "URL: e\nDate: f\n\ntext\n") == (
        "3 header blocks of URL/Title/Date lines"
    )
    # separators alone: 19 are an article's breaks, 20 divide records
    assert records_in_text("para\n#####\n" * 19) is None
    assert records_in_text("para\n#####\n" * 20) == "20 '##########' separator lines"


def test_one_warning_per_load_names_the_dump_files(tmp_path: Path) -> None:
    text = _dump(2000)
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    (tmp_path / "dump2.txt").write_text(_dump(5, seed=3), encoding="utf-8")
    (tmp_path / "article.txt").write_text("Budget vote\n\nThe vote passed.\n", encoding="utf-8")
    corpus, messages = _load(tmp_path)
    dumps = [m for m in messages if "many articles in one file" in m]
    assert len(dumps) == 1
    assert dumps[0].startswith(
        "dump.txt and 1 more file(s) like it: looks like many articles in one file "
        "(2,000 header blocks of URL/Title/Date lines and 2,000 '==========' separator lines)"
    )
    assert "JSONL" in dumps[0]
    # still loaded as before (one document per file), the raw text exactly recoverable
    assert sorted(corpus.docs["doc_id"]) == ["article", "dump", "dump2"]
    assert ct.reconstruct(corpus, "dump") == text


def test_single_dump_file_and_plain_articles(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_text(_dump(3), encoding="utf-8")
    _, messages = _load(tmp_path / "dump.txt")
    assert [m[:70] for m in messages if "many articles" in m] == [
        "dump.txt: looks like many articles in one file (3 header blocks of URL"
    ]
    clean = tmp_path / "clean"
    clean.mkdir()
    for i in range(3):
        (clean / f"a{i}.txt").write_text(_dump(1, seed=i), encoding="utf-8")
    corpus, messages = _load(clean)
    assert len(corpus.docs) == 3
    assert not [m for m in messages if "many articles" in m]
