"""Session 36: misuse as a newcomer does it, through load_corpus and the corpus-tools CLI."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.cli import main
from corpus_tools.errors import CorpusLoadError, CorpusValueError

STORY = "The council met on Monday to vote on the budget.\n\nIt passed by five votes to two.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY.replace("Monday", "Friday"), encoding="utf-8")
    return tmp_path


def test_a_pattern_names_its_matches_and_the_list_to_pass(folder: Path) -> None:
    pattern = str(folder / "*.txt")
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(pattern)
    assert str(err.value) == (
        f"{pattern!r}: a pattern (* ? [ ]), which load_corpus does not expand; it matches 2 "
        f"path(s): pass the folder that holds them ({str(folder)!r}), or the list of them: "
        f"load_corpus(sorted(glob.glob({pattern!r})))"
    )
    with pytest.raises(CorpusLoadError, match="no such file or folder; check the path"):
        ct.load_corpus(str(folder / "*.csv"))  # matches nothing: plainly missing


@pytest.mark.parametrize("written", ["{p}\n", " {p}", "{p} "])
def test_blanks_around_a_path_that_exists_are_named(folder: Path, written: str) -> None:
    path = str(folder / "a.txt")
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(written.format(p=path))
    assert str(err.value).endswith(
        f"no such file or folder, but {path!r} is one: the path has a blank or a line break "
        "at its start or end; remove it"
    )


def test_a_file_address_gives_the_path() -> None:
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus("file:///home/ana/My%20News/a.txt")
    assert str(err.value) == (
        "'file:///home/ana/My%20News/a.txt': a file:// address, not a path; pass the path "
        "itself: '/home/ana/My News/a.txt'"
    )


def test_an_open_file_says_to_pass_its_path(folder: Path) -> None:
    with open(folder / "a.txt", encoding="utf-8") as fh, pytest.raises(CorpusValueError) as err:
        ct.load_corpus(fh)
    assert str(err.value).endswith(
        f"(an open file: pass its path ({str(folder / 'a.txt')!r}), not the file object)."
    )


def test_a_folder_of_images_is_not_told_to_convert_to_text(tmp_path: Path) -> None:
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    with pytest.warns(ct.CorpusToolsWarning, match="no document could be loaded"):
        corpus = ct.load_corpus(tmp_path)
    assert corpus.skipped["reason"].tolist() == [
        "unsupported extension .png; an image, not text: corpus-tools reads text; for a "
        "scanned article, run OCR and save its text as .txt"
    ]


def test_a_misspelt_option_names_the_one_meant(folder: Path) -> None:
    with pytest.raises(TypeError) as err:
        ct.load_corpus(folder, text_col="body")
    assert str(err.value).startswith(
        "load_corpus() got an unexpected keyword argument 'text_col'; did you mean "
        "text_column=? (its options: metadata, clean, rules, text_column, "
    )
    with pytest.raises(TypeError, match=r"'date'; did you mean date_format= or date_column=\?"):
        ct.load_corpus(folder, date="published")
    with pytest.raises(TypeError, match=r"argument 'sep' \(its options"):
        ct.load_corpus(folder, sep=";")  # nothing near: the options only
    with pytest.raises(TypeError, match=r"'encodng'; did you mean encoding="):
        next(ct.iter_documents(folder, encodng="cp1252"))


def test_an_option_by_position_says_to_name_it(folder: Path) -> None:
    with pytest.raises(TypeError) as err:
        ct.load_corpus(folder, "body")
    assert str(err.value) == (
        "load_corpus() takes the source as its only positional argument, and 2 were given; "
        "pass the options by name, e.g. load_corpus(source, text_column='body')"
    )


def test_the_signature_is_still_load_corpus_own(folder: Path) -> None:
    params = inspect.signature(ct.load_corpus).parameters
    assert list(params)[:3] == ["source", "metadata", "clean"]
    assert len(ct.load_corpus(folder)) == 2


def test_report_without_out_gives_a_command_that_runs(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder.parent)
    name = folder.name
    assert main(["report", name + "/"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"corpus-tools: error: --out is missing: name a new folder for the report output, "
        f"outside the corpus, e.g. corpus-tools report {name}/ --out {name}-report\n"
    )
    assert main(["clean", f"{name}/a.txt"]) == 2
    assert capsys.readouterr().err.endswith(f"--out {name}/a-clean\n")
    assert main(["report", "no_such_folder_h4"]) == 2  # the path's own error comes first
    assert "no_such_folder_h4: no such file or folder" in capsys.readouterr().err
    assert not any(p.name.endswith(("-report", "-clean")) for p in folder.parent.iterdir())


# Gazeta.Ru's news feed of 2021-04-01 (three real items, titles and the feed's own short
# descriptions; from a Swift parser's test fixture in a public repository), saved as the
# site served Russian feeds: windows-1251 bytes, here under a declaration that says UTF-8.
GAZETA = [
    (
        "Байден снова оступился на трапе самолета",
        "https://www.gazeta.ru/politics/news/2021/04/01/n_15809576.shtml",
        "Thu, 01 Apr 2021 15:01:14 +0300",
        "Президент США Джо Байден вновь оступился на трапе при подъеме на самолет Air Force One.",
    ),
    (
        "Кабмин выделит более 1,2 млрд рублей на поддержку туризма",
        "https://www.gazeta.ru/business/news/2021/04/01/n_15809594.shtml",
        "Thu, 01 Apr 2021 15:08:15 +0300",
        "Правительство выделит свыше 1,2 млрд рублей на грантовую поддержку проектов в сфере "
        "туризма.",
    ),
    (
        "Глава СБР Майгуров усомнился в переходе Ушкиной в сборную Румынии",
        "https://www.gazeta.ru/sport/news/2021/04/01/n_15808838.shtml",
        "Thu, 01 Apr 2021 14:54:13 +0300",
        "Президент Союза биатлонистов России (СБР) Виктор Майгуров усомнился в возможном "
        "переходе Натальи Ушкиной в сборную Румынии. Об этом сообщает ТАСС.",
    ),
]


def _feed(declared: str) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate>"
        f"<description>{s}</description></item>\n"
        for t, u, d, s in GAZETA
    )
    return (
        f'<?xml version="1.0" encoding="{declared}"?>\n<rss version="2.0"><channel>'
        f"<title>Газета.Ru - Новости дня</title>\n{items}</channel></rss>\n"
    )


def test_a_cp1251_feed_that_says_utf8_is_read_in_cp1251(tmp_path: Path) -> None:
    path = tmp_path / "gazeta.xml"
    path.write_bytes(_feed("utf-8").encode("cp1251"))
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        corpus = ct.load_corpus(path)
    assert corpus.docs["title"].tolist() == [t for t, _, _, _ in GAZETA]
    assert corpus.docs["text"].tolist() == [s for _, _, _, s in GAZETA]
    assert "\ufffd" not in "".join(corpus.docs["text"])
    said = [str(w.message) for w in caught if "the feed says" in str(w.message)]
    assert said == [
        "gazeta.xml: the feed says encoding='utf-8', but its bytes are not valid utf_8; they "
        "read as cp1251, and the feed was read so. Check a few items' text; pass the file's "
        "encoding in its first line (<?xml ... encoding=...?>) if another one is right."
    ]
    right = tmp_path / "right" / "gazeta.xml"  # declared right: read as before, no such warning
    right.parent.mkdir()
    right.write_bytes(_feed("windows-1251").encode("cp1251"))
    assert ct.load_corpus(right).docs["text"].tolist() == corpus.docs["text"].tolist()


# Common Crawl's WET record of https://an.wikipedia.org/wiki/Escopete (CC-MAIN-2024-22, from
# commoncrawl/whirlwind-python's whirlwind.warc.wet; page text CC BY-SA, Wikipedia), cut to
# its first lines; Content-Length fitted to the cut.
_WET_INFO = (
    "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2024-05-31T01:16:46Z\r\n"
    "Content-Type: application/warc-fields\r\nContent-Length: 26\r\n\r\n"
    "isPartOf: CC-MAIN-2024-22\n\r\n\r\n"
)
_WET_BODY = (
    "Escopete - Biquipedia, a enciclopedia libre\n"
    "Iste articlo ye en proceso de cambio enta la ortografía oficial de Biquipedia.\n"
)


def _wet(n: int) -> bytes:
    body = _WET_BODY.encode("utf-8")
    records = "".join(
        "WARC/1.0\r\nWARC-Type: conversion\r\n"
        f"WARC-Target-URI: https://an.wikipedia.org/wiki/Escopete{k}\r\n"
        "WARC-Date: 2024-05-18T01:58:10Z\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\n\r\n{_WET_BODY}\r\n\r\n"
        for k in range(n)
    )
    return (_WET_INFO + records).encode("utf-8")


def test_a_wet_file_named_only_wet_is_read_one_document_per_page(tmp_path: Path) -> None:
    (tmp_path / "crawl.wet").write_bytes(_wet(2))
    corpus = ct.load_corpus(tmp_path / "crawl.wet")
    assert corpus.docs["url"].tolist() == [
        "https://an.wikipedia.org/wiki/Escopete0",
        "https://an.wikipedia.org/wiki/Escopete1",
    ]


def test_a_wet_file_saved_as_text_is_not_one_document_of_every_page(tmp_path: Path) -> None:
    (tmp_path / "crawl.txt").write_bytes(_wet(3))
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(tmp_path / "crawl.txt")
    assert str(err.value) == (
        "crawl.txt: a WET (page texts) web archive of 3 page record(s) saved as .txt, which "
        "would load as one document of every page; rename it to crawl.warc.wet (or .gz of it), "
        "read one document per page"
    )
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    corpus = ct.load_corpus(tmp_path)  # in a folder: a recorded skip, the other file loads
    assert corpus.docs["source"].tolist() == ["story.txt"]
    assert corpus.skipped["path"].tolist() == ["crawl.txt"]
    (tmp_path / "crawl.txt").rename(tmp_path / "crawl.warc.wet")
    assert len(ct.load_corpus(tmp_path / "crawl.warc.wet")) == 3
