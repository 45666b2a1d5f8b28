"""Session 22 loading QA: outlets from folders, column names in other languages, duplicate
JSON keys, Parquet null counts from the footer, and crawler dumps split on request."""

from __future__ import annotations

import html
import logging
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.cli import main
from corpus_tools.corpus import DOC_COLUMNS
from corpus_tools.errors import CorpusToolsWarning, CorpusValueError
from corpus_tools.io.columns import EXTRA_COLUMNS, META_COLUMNS

BODY = "Talks ended on Tuesday after two days of meetings in Doha. The envoys left for home."


def _quiet(source: object, **kw: object) -> ct.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusToolsWarning)
        return ct.load_corpus(source, n_jobs=1, **kw)


def _warned(source: object, **kw: object) -> tuple[ct.Corpus, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(source, n_jobs=1, **kw)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]


# 1. outlets from the first folder


def _by_outlet(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for outlet, n in (("bbc", 3), ("cnn", 2)):
        (root / outlet / "2023").mkdir(parents=True)
        for i in range(n):
            (root / outlet / "2023" / f"{i}.txt").write_text(f"Story {i}\n\n{BODY} {outlet} {i}\n")
    return root


def test_outlet_from_folder_takes_the_first_folder(tmp_path: Path) -> None:
    corpus = _quiet(_by_outlet(tmp_path), outlet_from="folder")
    got = corpus.docs.set_index("doc_id")[["outlet", "outlet_source"]]
    assert got.loc["bbc/2023/0"].tolist() == ["bbc", "folder"]
    assert got.loc["cnn/2023/1"].tolist() == ["cnn", "folder"]
    assert corpus.docs["outlet"].value_counts().to_dict() == {"bbc": 3, "cnn": 2}


def test_outlet_from_folder_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="corpus_tools.io"):
        _quiet(_by_outlet(tmp_path), outlet_from="folder")
    assert (
        "outlet_from='folder': 5 document(s) take their outlet from 2 folder(s): bbc (3), cnn (2)"
        in caplog.text
    )


def test_no_outlet_in_folders_warns_naming_both_fixes(tmp_path: Path) -> None:
    corpus, notes = _warned(_by_outlet(tmp_path))
    assert corpus.docs["outlet"].isna().all()  # not the default: folders may be topics
    assert notes == [
        "no document has an outlet, so every comparison by outlet sees one group, but the "
        "documents sit in 2 folders: bbc (3), cnn (2). If the folders are the outlets (or the "
        "groups you want to compare), pass outlet_from='folder' (command line: --outlet-from "
        "folder), or add a metadata.csv with the columns file,outlet to the corpus folder."
    ]


def test_no_folder_warning_with_an_outlet_or_a_flat_folder(tmp_path: Path) -> None:
    root = _by_outlet(tmp_path)
    (root / "metadata.csv").write_text("file,outlet\nbbc/2023/0.txt,BBC News\n")
    _quiet(root)  # one outlet is known: the user has said where outlets come from
    flat = tmp_path / "flat"
    flat.mkdir()
    for i in range(3):
        (flat / f"{i}.txt").write_text(f"{BODY} {i}\n")
    _quiet(flat)


def test_metadata_wins_over_the_folder_and_the_folder_over_a_table(tmp_path: Path) -> None:
    root = _by_outlet(tmp_path)
    (root / "metadata.csv").write_text("file,outlet\nbbc/2023/0.txt,BBC News\n")
    pd.DataFrame({"text": [BODY], "source": ["Reuters"]}).to_csv(
        root / "cnn" / "t.csv", index=False
    )
    corpus = _quiet(root, outlet_from="folder")
    got = corpus.docs.set_index("doc_id")[["outlet", "outlet_source"]]
    assert got.loc["bbc/2023/0"].tolist() == ["BBC News", "sidecar"]
    assert got.loc["cnn/t#1"].tolist() == ["cnn", "folder"]


def test_top_level_documents_keep_their_outlet_and_are_named(tmp_path: Path) -> None:
    root = _by_outlet(tmp_path)
    (root / "loose.txt").write_text(BODY + "\n")
    corpus, notes = _warned(root, outlet_from="folder")
    assert corpus.docs.set_index("doc_id").loc["loose", "outlet"] is None
    assert notes == [
        "outlet_from='folder': 1 document(s) sit at the top level of the corpus folder, not in "
        "a folder, and keep the outlet they had (loose.txt); move them into their outlet's "
        "folder, or name their outlet in a metadata.csv (columns file,outlet)."
    ]


def test_outlet_from_folder_without_folders_says_it_did_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY + "\n")
    _, notes = _warned(tmp_path, outlet_from="folder")
    assert len(notes) == 1
    assert notes[0].startswith("outlet_from='folder' had no effect: no document sits in a folder")


def test_outlet_from_a_list_of_folders(tmp_path: Path) -> None:
    root = _by_outlet(tmp_path)
    corpus = _quiet([root / "cnn", root / "bbc"], outlet_from="folder")
    assert corpus.docs["outlet"].tolist() == ["bbc"] * 3 + ["cnn"] * 2


def test_unknown_outlet_from_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CorpusValueError, match=r"outlet_from='folders' is not known; give"):
        ct.load_corpus(_by_outlet(tmp_path), outlet_from="folders")


def test_outlet_from_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _by_outlet(tmp_path)
    assert main(["info", str(root), "--outlet-from", "folder"]) == 0
    out = capsys.readouterr().out
    assert "bbc" in out and "cnn" in out
    assert main(["info", str(root), "--outlet-from", "site"]) != 0
    err = capsys.readouterr().err
    assert "--outlet-from site is not known" in err
    assert "Traceback" not in err


# 2. column names in other languages (corpus_tools/data/column_names.yml)

GERMAN_EXPORT = (  # Excel's German CSV: cp1252, ';', CRLF, day.month.year
    "ID;Datum;Titel;Quelle;Inhalt\r\n"
    "17;19.10.2023;Gespräche in Doha enden;Tagesspiegel;Die Gesandten reisten am Dienstag ab.\r\n"
    "18;20.10.2023;Zinsen bleiben;Handelsblatt;Die Notenbank ließ die Zinsen unverändert.\r\n"
)


def test_german_excel_export_is_read_by_its_headers(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(GERMAN_EXPORT.encode("cp1252"))
    d = _quiet(path).docs
    assert d[["doc_id", "title", "outlet", "published"]].values.tolist() == [
        ["17", "Gespräche in Doha enden", "Tagesspiegel", pd.Timestamp("2023-10-19")],
        ["18", "Zinsen bleiben", "Handelsblatt", pd.Timestamp("2023-10-20")],
    ]
    assert d["raw_text"].tolist()[1] == "Die Notenbank ließ die Zinsen unverändert."
    assert d[["title_source", "outlet_source", "published_source"]].values.tolist()[0] == [
        "table",
        "table",
        "table",
    ]


@pytest.mark.parametrize(
    ("name", "content", "encoding"),
    [
        (  # French
            "fr.csv",
            "titre,source,date,contenu,lien\n"
            "Fin des pourparlers,Le Monde,2023-10-19,Les émissaires sont partis mardi.,"
            "https://lemonde.fr/a\n",
            "utf-8",
        ),
        (  # Spanish, with a BOM and accents in the header
            "es.csv",
            "Título,Fuente,Fecha,Texto,Enlace\n"
            "Fin de las conversaciones,El País,2023-10-19,Los enviados se fueron el martes.,"
            "https://elpais.com/a\n",
            "utf-8-sig",
        ),
        (  # Spanish, written without accents
            "es2.tsv",
            "titulo\tmedio\tfecha de publicacion\tcontenido\turl\n"
            "Fin de las conversaciones\tEl País\t2023-10-19\tLos enviados se fueron el martes.\t"
            "https://elpais.com/a\n",
            "utf-8",
        ),
        (  # Portuguese
            "pt.csv",
            "título;fonte;data de publicação;conteúdo;ligação\n"
            "Fim das conversas;Público;2023-10-19;Os enviados partiram na terça-feira.;"
            "https://publico.pt/a\n",
            "utf-8",
        ),
        (  # Italian
            "it.csv",
            "Titolo,Testata,Data pubblicazione,Testo,Collegamento\n"
            "Fine dei colloqui,La Stampa,2023-10-19,Gli inviati sono partiti martedì.,"
            "https://lastampa.it/a\n",
            "utf-8",
        ),
        (  # Dutch
            "nl.csv",
            "Titel,Bron,Publicatiedatum,Tekst,Link\n"
            "Einde van de gesprekken,NRC,2023-10-19,De gezanten vertrokken dinsdag.,"
            "https://nrc.nl/a\n",
            "utf-8",
        ),
        (  # Russian, JSONL
            "ru.jsonl",
            '{"заголовок": "Переговоры завершены", "источник": "Коммерсантъ", '
            '"дата": "2023-10-19", "текст": "Посланники уехали во вторник.", '
            '"ссылка": "https://kommersant.ru/a"}\n',
            "utf-8",
        ),
    ],
)
def test_headers_in_other_languages(tmp_path: Path, name: str, content: str, encoding: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    d = _quiet(path).docs
    assert len(d) == 1
    row = d.iloc[0]
    assert row["title"] and row["outlet"] and row["url"].startswith("https://")
    assert row["published"] == pd.Timestamp("2023-10-19")
    assert row["raw_text"].endswith(".")
    assert " " in row["raw_text"] and row["raw_text"] != row["title"]
    header = content.split("\n", 1)[0]
    names = (
        re.findall(r'"([^"]+)":', header)
        if name.endswith(".jsonl")
        else re.split(r"[,;\t]", header)
    )
    user = set(d.columns) - set(DOC_COLUMNS + EXTRA_COLUMNS + META_COLUMNS)
    assert len(names) == 5 and not user  # every column was recognised, none kept as user data


def test_english_names_come_first_and_data_is_not_a_date_name(tmp_path: Path) -> None:
    path = tmp_path / "both.csv"
    path.write_text(
        "Titel,title,text,Inhalt,data\n"
        "Deutsch,English,The envoys left on Tuesday.,Die Gesandten reisten ab.,2023-10-19\n",
        encoding="utf-8",
    )
    corpus, notes = _warned(path)
    row = corpus.docs.iloc[0]
    assert (row["title"], row["raw_text"]) == ("English", "The envoys left on Tuesday.")
    assert row["Titel"] == "Deutsch" and row["Inhalt"] == "Die Gesandten reisten ab."
    assert pd.isna(row["published"])
    assert len(notes) == 1 and "pass date_column='data' to load_corpus" in notes[0]


def test_one_json_article_with_a_spanish_text_key(tmp_path: Path) -> None:
    path = tmp_path / "nota.json"
    path.write_text(
        '{"titulo": "Fin", "texto": "Los enviados se fueron.", "fecha": "2023-10-19"}',
        encoding="utf-8",
    )
    d = _quiet(path).docs
    assert d[["title", "raw_text", "published"]].values.tolist() == [
        ["Fin", "Los enviados se fueron.", pd.Timestamp("2023-10-19")]
    ]


def test_column_names_file_is_data_with_a_source() -> None:
    from corpus_tools.io.columns import column_names

    head = (Path(ct.__file__).parent / "data" / "column_names.yml").read_text("utf-8")[:1500]
    assert "Sources:" in head and "Licence:" in head
    n_english = len(ct.io.columns.OUTLET_COLUMNS)
    assert column_names("outlet")[:n_english] == ct.io.columns.OUTLET_COLUMNS
    assert {"quelle", "fuente", "источник", "periodico", "periódico"} <= set(column_names("outlet"))
    assert "полный_текст" in column_names("text")  # Cyrillic letters are never "unaccented"
    assert "полныи_текст" not in column_names("text")


# 3. a JSON key written twice in one object


def test_jsonl_repeated_key_is_named_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "a", "text": "First text."}\n'
        '{"id": "b", "text": "Kept? No.", "title": "T", "text": "The last text wins."}\n'
        "\n"
        '{"id": "c", "text": "x", "text": "y", "text": "Third."}\n',
        encoding="utf-8",
    )
    corpus, notes = _warned(path)
    assert corpus.docs["raw_text"].tolist() == ["First text.", "The last text wins.", "Third."]
    assert notes == [
        "a.jsonl, line 2: key 'text' is written 2 times in one object (2 lines with a repeated "
        "key in all); the last value is kept (as every JSON reader does) and the others are not "
        "loaded. Remove the repeated key, or rename it if the first value is the one you meant."
    ]


def test_json_list_repeated_key_names_the_item(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        '{"articles": [{"text": "One."}, {"title": "A", "title": "B", "text": "Two."}]}',
        encoding="utf-8",
    )
    corpus, notes = _warned(path)
    assert corpus.docs["title"].tolist() == [None, "B"]
    assert len(notes) == 1
    assert notes[0].startswith("a.json, item 2: key 'title' is written 2 times in one object;")


def test_json_without_repeated_keys_is_quiet(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "One.", "source": {"name": "BBC", "id": null}}\n', encoding="utf-8")
    assert _quiet(path).docs["outlet"].tolist() == ["BBC"]


# 4. Parquet null counts (and decoded-size bounds) from the footer


def _news_frame(n: int = 3000) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [f"d{i}" for i in range(n)],
            "text": [f"{BODY} Number {i}." for i in range(n)],
            "outlet": [None if i % 7 == 0 else "BBC" for i in range(n)],
            "n_words": [None if i == n - 1 else i for i in range(n)],  # a null only at the end
            "published": pd.date_range("2023-01-01", periods=n, freq="h"),
        }
    ).astype({"n_words": "Int64"})


def test_footer_gives_nulls_and_bounds_of_a_plain_file(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from corpus_tools.io.tables import _footer_facts

    df = _news_frame()
    df.to_parquet(tmp_path / "plain.parquet", use_dictionary=False, row_group_size=1000)
    nulls, bounded, todo = _footer_facts(pq.ParquetFile(tmp_path / "plain.parquet"))
    assert todo == []  # nothing decoded before the rows are given out
    assert nulls == [0, 0, 429, 1, 0]
    assert 3000 * 8 * 2 < bounded < 2_000_000
    df.to_parquet(tmp_path / "dict.parquet")  # pandas' default: dictionary-encoded text
    nulls, _, todo = _footer_facts(pq.ParquetFile(tmp_path / "dict.parquet"))
    assert todo == [0, 1, 2]  # text columns decoded to measure them; numbers and dates not
    assert nulls[3:] == [1, 0]
    df.to_parquet(tmp_path / "nostats.parquet", write_statistics=False)
    assert _footer_facts(pq.ParquetFile(tmp_path / "nostats.parquet"))[2] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    "options",
    [{"use_dictionary": False}, {}, {"write_statistics": False}],
    ids=["plain", "dictionary", "no-statistics"],
)
def test_parquet_rows_are_those_of_read_parquet_with_footer_nulls(
    tmp_path: Path, options: dict[str, object]
) -> None:
    path = tmp_path / "news.parquet"
    _news_frame().to_parquet(path, row_group_size=1000, **options)
    whole = pd.read_parquet(path)
    docs = _quiet(path).docs
    assert docs["doc_id"].tolist() == whole["id"].tolist()
    assert docs["n_words"].tolist()[:3] == [0.0, 1.0, 2.0]  # float in every batch, as read whole
    assert docs["n_words"].isna().tolist() == whole["n_words"].isna().tolist()
    assert docs["outlet"].isna().sum() == 429


def test_plain_parquet_bomb_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus_tools.io import limits

    path = tmp_path / "big.parquet"
    pd.DataFrame({"text": ["x" * 1000] * 200}).to_parquet(path, use_dictionary=False)
    monkeypatch.setattr(limits, "MAX_DECOMPRESSED_BYTES", 150_000)
    corpus, _ = _warned(tmp_path)
    assert corpus.skipped["reason"].str.startswith("Parquet too large when decoded").tolist() == [
        True
    ]


# 5. split="records": crawler dumps, one document per record

REAL_BBC = Path(__file__).parent / "data" / "real" / "bbc"


def _bbc_articles() -> list[tuple[str, str, str]]:
    """(category, title, body) of the 20 real BBC texts in tests/data/real/bbc."""
    out = []
    for path in sorted(REAL_BBC.glob("*/*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        out.append((path.parent.name, title.strip(), body.strip()))
    return out


def _crawler_dump() -> str:
    """A crawler's export: a preamble, then a ==== line and a URL/Title/Date/Source block
    before each article; one date in words, and a last separator with nothing after it."""
    parts = ["Export of 20 pages, crawl 2024-02-01\n\n"]
    for i, (cat, title, body) in enumerate(_bbc_articles()):
        date = "3 hours ago" if i == 5 else f"2005-0{1 + i % 9}-1{i % 10}"
        parts.append(
            f"==========\nURL: http://news.bbc.co.uk/1/hi/{cat}/{4000000 + i}.stm\n"
            f"Title: {title}\nDate: {date}\nSource: BBC News\n\n{body}\n\n"
        )
    return "".join(parts) + "==========\n"


def test_split_records_partition_a_real_shaped_dump(tmp_path: Path) -> None:
    text = _crawler_dump()
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    corpus, notes = _warned(tmp_path, split="records")
    d = corpus.docs
    articles = _bbc_articles()
    assert len(d) == 21  # the preamble and 20 articles
    assert d["doc_id"].tolist() == [f"dump#{n}" for n in range(1, 22)]
    assert d["raw_text"].iloc[0] == "Export of 20 pages, crawl 2024-02-01\n"
    assert d["record_header"].iloc[1].startswith("\n==========\nURL: http://news.bbc.co.uk/")
    assert d["title"].iloc[1:].tolist() == [t for _, t, _ in articles]
    bodies = [r.strip() for r in d["raw_text"].iloc[1:]]
    assert bodies[-1].endswith("\n\n==========")  # a last separator stays in the last body
    bodies[-1] = bodies[-1].removesuffix("==========").strip()
    assert bodies == [b for _, _, b in articles]
    assert d["outlet"].iloc[1:].unique().tolist() == ["BBC News"]
    assert d["url"].iloc[1] == "http://news.bbc.co.uk/1/hi/business/4000000.stm"
    assert d["published"].iloc[1] == pd.Timestamp("2005-01-10")
    assert pd.isna(d["published"].iloc[6])  # "3 hours ago"
    assert (
        d.loc[1, ["title_source", "outlet_source", "published_source"]].tolist()
        == ["record_header"] * 3
    )
    # nothing lost: the headers and bodies in order are the file, at the recorded offsets
    assert corpus.skipped.empty
    rebuilt = "".join(h + r for h, r in zip(d["record_header"], d["raw_text"], strict=True))
    assert rebuilt == text
    for _, row in d.iterrows():
        assert (
            text[row["record_start"] : row["record_end"]] == row["record_header"] + row["raw_text"]
        )
    assert notes == [
        "split='records': a record's date could not be read, so it is left empty: dump.txt "
        "record 7, column 'Date': " + notes[0].split("column 'Date': ", 1)[1]
    ]
    assert "'3 hours ago'" in notes[0]


def test_without_split_the_dump_is_one_document_and_named(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_text(_crawler_dump(), encoding="utf-8")
    corpus, notes = _warned(tmp_path)
    assert len(corpus.docs) == 1
    assert any("looks like many articles in one file" in n for n in notes)


def test_split_at_separator_lines_and_other_files_untouched(tmp_path: Path) -> None:
    articles = _bbc_articles()
    dump = "".join(f"{t}\n\n{b}\n\n----------\n" for _, t, b in articles)  # 20 separators
    (tmp_path / "sep.md").write_text(dump, encoding="utf-8")
    (tmp_path / "one.txt").write_text("Title: A\nURL: b\n\nOne article.\n", encoding="utf-8")
    corpus = _quiet(tmp_path, split="records")
    d = corpus.docs.set_index("doc_id")
    assert d.loc["one", "raw_text"] == "Title: A\nURL: b\n\nOne article.\n"  # not a dump
    sep = corpus.docs[corpus.docs["path"] == "sep.md"]
    assert len(sep) == 20
    assert corpus.skipped.values.tolist() == [
        [
            "sep.md#record=21",
            f"record 21 of sep.md has no text after its header (characters {len(dump) - 11:,}-"
            f"{len(dump):,} of the file)",
        ]
    ]
    # the first line of each clean body, as for any text file (entities read: &#163; -> £)
    assert sep["title"].tolist() == [html.unescape(t) for _, t, _ in articles]
    assert "".join(sep["record_header"] + sep["raw_text"]) + "----------\n" == dump


def test_split_is_checked_and_given_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(CorpusValueError, match=r"split='yes' is not known; give split='records'"):
        ct.load_corpus(tmp_path, split="yes")
    (tmp_path / "dump.txt").write_text(_crawler_dump(), encoding="utf-8")
    assert main(["info", str(tmp_path), "--split", "records"]) == 0
    assert "Documents: 21" in capsys.readouterr().out


# misuse: a binary file named .txt, with and without split


@pytest.mark.parametrize("split", [None, "records"])
def test_binary_txt_is_skipped_with_the_fix(tmp_path: Path, split: str | None) -> None:
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "ok.txt").write_text(BODY + "\n", encoding="utf-8")
    corpus, _ = _warned(tmp_path, split=split)
    assert corpus.docs["doc_id"].tolist() == ["ok"]
    assert corpus.skipped.values.tolist() == [
        [
            "bin.txt",
            "binary content (more than 5 % control characters); not a text file (if it is "
            "text, pass its encoding=, e.g. encoding='utf-16' or 'cp1252'; else convert it to "
            "UTF-8 text or move it out of the corpus folder)",
        ]
    ]


def test_a_dump_with_windows_line_ends_is_found_and_split(tmp_path: Path) -> None:
    articles = _bbc_articles()
    dump = "".join(f"{t}\r\n\r\n{b}\r\n\r\n----------\r\n" for _, t, b in articles)
    (tmp_path / "sep.txt").write_bytes(dump.encode("utf-8"))
    _, notes = _warned(tmp_path)
    assert any("20 '----------' separator lines" in n for n in notes)
    corpus = _quiet(tmp_path, split="records")
    assert len(corpus.docs) == 20
    assert "".join(corpus.docs["record_header"] + corpus.docs["raw_text"]) + "----------\r\n" == (
        dump
    )


def test_metadata_rows_reach_split_records_by_file_or_doc_id(tmp_path: Path) -> None:
    (tmp_path / "dump.txt").write_text(_crawler_dump(), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,section\ndump.txt,BBC,news\ndump#3,BBC Business,business\n", encoding="utf-8"
    )
    corpus, _ = _warned(tmp_path, split="records")
    d = corpus.docs.set_index("doc_id")
    assert d.loc["dump#2", ["outlet", "outlet_source", "section"]].tolist() == [
        "BBC",
        "sidecar",
        "news",
    ]
    assert d.loc["dump#3", ["outlet", "section"]].tolist() == ["BBC Business", "business"]
