"""Session 27 io checks: outlet spellings from counts, quotechar=, non-English dump dates,
WARC skips grouped by reason, and misuse found on real inputs."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import warc_record

import corpus_tools as ct
from corpus_tools.io.outlets import merge_spellings


def test_merge_spellings_takes_counts_and_gives_the_list_result():
    names = ["BBC", "bbc", "The BBC", "bbc", "Reuters", None, "reuters.com", "Reuters"]
    counts = Counter(n for n in names if n is not None)
    assert merge_spellings(counts) == merge_spellings(names)
    assert merge_spellings(counts) == {"BBC": "bbc", "The BBC": "bbc", "reuters.com": "Reuters"}
    # a tie goes to the first spelling in the mapping's order, as in a list
    assert merge_spellings({"Le Monde": 1, "le monde": 1}) == {"le monde": "Le Monde"}
    assert merge_spellings({"Le Monde": 0, "le monde": 3}) == {}


# --- WARC: many redirects are grouped, every record still counted ---------------------------


def _answer(status: str, extra: str = "", body: bytes = b"") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: text/html\r\n{extra}\r\n".encode() + body


PAGE = (
    "<html><head><title>Dam holds</title></head><body><article><h1>Dam holds</h1>"
    + "".join(
        f"<p>Engineers said on Tuesday that the old dam held through the storm, part {i}, "
        "and that the water would fall over the coming days.</p>"
        for i in range(5)
    )
    + "</article></body></html>"
).encode()


def test_a_crawl_of_many_redirects_gives_a_few_rows_and_counts_every_record(tmp_path):
    http = "application/http; msgtype=response"
    recs = [
        warc_record("response", "https://a.example.org/page", http, _answer("200 OK", "", PAGE))
    ]
    for i in range(40):  # records 2-41: redirects, 301 and 302
        status = "301 Moved Permanently" if i % 4 else "302 Found"
        recs.append(
            warc_record(
                "response",
                f"https://a.example.org/r{i}",
                http,
                _answer(status, f"Location: /n{i}\r\n"),
            )
        )
    for i in range(5):  # records 42-46: errors with no Location
        recs.append(
            warc_record("response", f"https://a.example.org/e{i}", http, _answer("404 Not Found"))
        )
    recs.append(warc_record("response", "https://a.example.org/x", http, _answer("503 Busy")))
    (tmp_path / "crawl.warc").write_bytes(b"".join(recs))
    corpus = ct.load_corpus(tmp_path / "crawl.warc")
    assert list(corpus.docs.doc_id) == ["crawl#1"]
    reasons = dict(zip(corpus.skipped.path, corpus.skipped.reason, strict=True))
    assert list(reasons) == [
        "crawl.warc#record=2",
        "crawl.warc#record=3",
        "crawl.warc#record=4",
        "crawl.warc#record=42",
        "crawl.warc#record=43",
        "crawl.warc#record=44",
        "crawl.warc#redirects",
        "crawl.warc#answers",
    ]
    assert reasons["crawl.warc#record=2"] == (
        "record 2 (https://a.example.org/r0) is a redirect (HTTP 302) to /n0, not a page"
    )
    assert reasons["crawl.warc#record=42"] == (
        "record 42 (https://a.example.org/e0) is an HTTP 404 answer, not a page"
    )
    assert reasons["crawl.warc#redirects"] == (
        "40 of the 47 records of crawl.warc are redirects (HTTP 301: 30, HTTP 302: 10), not "
        "pages; not loaded: records 2, 3, 4 have rows of their own, the other 37 lie between "
        "records 5 and 41 (the pages they lead to load when the crawl holds them)"
    )
    assert reasons["crawl.warc#answers"].startswith(
        "6 of the 47 records of crawl.warc are HTTP error answers (HTTP 404: 5, HTTP 503: 1), "
        "not pages; not loaded: records 42, 43, 44 have rows of their own, the other 3 lie "
        "between records 45 and 47"
    )
    # every record is a document or counted: 1 page + 40 redirects + 6 errors = 47
    assert 1 + 40 + 6 == 47


def test_three_redirects_or_fewer_keep_one_row_each(tmp_path):
    http = "application/http; msgtype=response"
    recs = [
        warc_record(
            "response",
            f"https://a.example.org/r{i}",
            http,
            _answer("301 Moved", f"Location: /n{i}\r\n"),
        )
        for i in range(3)
    ]
    recs.append(
        warc_record("response", "https://a.example.org/page", http, _answer("200 OK", "", PAGE))
    )
    (tmp_path / "c.warc").write_bytes(b"".join(recs))
    corpus = ct.load_corpus(tmp_path / "c.warc")
    assert list(corpus.skipped.path) == ["c.warc#record=1", "c.warc#record=2", "c.warc#record=3"]
    assert list(corpus.docs.doc_id) == ["c#4"]


# --- quotechar= for CSV/TSV files -------------------------------------------------------------

# a GDELT-like export: tab-separated, quotes in the text are text (none wraps a field)
STRAY_QUOTES_TSV = (
    "date\tsource\ttitle\ttext\n"
    "2024-03-01\tkyivpost.com\tTalks\tTalks resumed in Geneva on Friday.\n"
    '2024-03-02\tnation.africa\t"Not now" says minister\tThe minister said "not now" to reporters.\n'
    "2024-03-03\tabc.net.au\tRain\tRain fell across the state for a third day.\n"
    '2024-03-04\tdw.com\tVote\tThe vote was called "historic" by 12" of the members.\n'
)


def _table(name: str, text: str, **opts: object) -> list[tuple[str, object, object]]:
    from corpus_tools.io.readers import LoadOptions, table_docs

    ext = "." + name.rsplit(".", 1)[1]
    return list(table_docs(name, ext, text.encode(), None, LoadOptions(**opts)))


def test_a_tsv_with_stray_quotes_names_the_row_and_the_quotechar_fix():
    events = _table("gdelt.tsv", STRAY_QUOTES_TSV)
    assert [k for k, _, _ in events] == ["doc", "skip"]
    _, path, reason = events[1]
    assert path == "gdelt.tsv#row=2"
    assert reason == (
        "TSV row 2 and every row after it not loaded: line 3 could not be parsed (a tab "
        "expected after '\"'); check for an unbalanced quote on line 3 (a field that opens "
        'with " must close with "; write a quote inside a quoted field as ""; or pass '
        "quotechar='' if quotes in this file are text, never quoting, or pass quotechar=\"'\" "
        "if the file quotes with ')"
    )


def test_quotechar_empty_reads_quotes_as_text():
    events = _table("gdelt.tsv", STRAY_QUOTES_TSV, quotechar="")
    assert [k for k, _, _ in events] == ["doc"] * 4
    texts = [row["raw_text"] for _, row, _ in events]
    assert texts[1] == 'The minister said "not now" to reporters.'
    assert texts[3] == 'The vote was called "historic" by 12" of the members.'
    assert events[1][1]["title"] == '"Not now" says minister'


def test_quotechar_given_is_used_and_named_in_row_skips():
    text = "id|text\n1|Talks resumed.\n2|~A field; with|the bar~\n3|one|two|three\n"
    events = _table("pipes.csv", text, quotechar="~")
    assert [k for k, _, _ in events] == ["doc", "doc", "skip"]
    assert events[1][1]["raw_text"] == "A field; with|the bar"
    assert events[2][1] == "pipes.csv#row=3"
    assert events[2][2].endswith(
        "quote fields that contain '|' or a line break (~like| this~), or fix the row "
        "(read with quotechar='~', as given)"
    )


def test_quotechar_that_is_the_delimiter_skips_the_file_with_the_fix():
    from corpus_tools.io.files import InputSkipped

    with pytest.raises(InputSkipped, match=r"^quotechar=';' is this file's delimiter too; "):
        _table("semi.csv", "a;text\n1;Talks resumed in Geneva.\n", quotechar=";")


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("''", "is not one character"),
        ("x", "is a letter, digit or space"),
        (" ", "is a letter"),
        (1, "is not one"),
    ],
)
def test_quotechar_that_cannot_quote_is_refused_before_reading(value, why):
    from corpus_tools.io.readers import LoadOptions

    with pytest.raises(ct.CorpusValueError, match=rf"^quotechar={value!r} {why}"):
        LoadOptions(quotechar=value)


def test_quote_broken_on_the_first_record_names_line_and_fix():
    from corpus_tools.io.files import InputSkipped

    text = 'title,text\n"Talks","Talks "resumed" in Geneva"\n'
    with pytest.raises(InputSkipped) as info:
        _table("broken.csv", text)
    assert info.value.reason.startswith(
        "CSV could not be parsed (line 2: ',' expected after '\"'); check for an unbalanced "
        'quote on line 2 (a field that opens with " must close with "; '
    )
    assert "or pass quotechar='' if quotes in this file are text" in info.value.reason


def test_cli_gives_quotechar_as_a_flag():
    from corpus_tools import cli

    assert cli.command_line_hint("check; or pass quotechar='' if quotes are text") == (
        " (on the command line: --quotechar '')"
    )
    assert cli.command_line_hint("or pass quotechar=\"'\" if the file quotes with '") == (
        ' (on the command line: --quotechar "\'")'
    )
    assert "--quotechar CHAR" in cli.build_parser().format_help() or any(
        "--quotechar" in a.option_strings
        for sub in cli.build_parser()._subparsers._group_actions  # type: ignore[union-attr]
        for p in sub.choices.values()
        for a in p._actions
    )


# --- dates with month names of other languages ------------------------------------------------


@pytest.mark.parametrize(
    ("written", "iso", "precision"),
    [
        ("12. März 2024", "2024-03-12", "day"),
        ("11. Januar 2010 Montag", "2010-01-11", "day"),
        ("Montag, 11. Januar 2010", "2010-01-11", "day"),
        ("3 janvier 2024", "2024-01-03", "day"),
        ("mercredi 3 janvier 2024 à 14:30", "2024-01-03 14:30", "time"),
        ("12 de marzo de 2024", "2024-03-12", "day"),
        ("12 de março de 2024", "2024-03-12", "day"),
        ("12 marzo 2024", "2024-03-12", "day"),
        ("12 maart 2024", "2024-03-12", "day"),
        ("12 mars 2024", "2024-03-12", "day"),
        ("12. maaliskuuta 2024", "2024-03-12", "day"),
        ("2024. március 12.", "2024-03-12", "day"),
        ("12 марта 2024 г.", "2024-03-12", "day"),
        ("12 مارس 2024", "2024-03-12", "day"),
        ("١٢ آذار ٢٠٢٤", "2024-03-12", "day"),
        ("12 Maret 2024", "2024-03-12", "day"),
        ("12 Mac 2024", "2024-03-12", "day"),
        ("Dezember 2023", "2023-12-01", "month"),
        ("1 августа 2023", "2023-08-01", "day"),
    ],
)
def test_dates_with_month_names_of_other_languages_are_read(written, iso, precision):
    from corpus_tools.io.dates import parse_date

    ts, prec = parse_date(written, where="x.csv", row=1, column="date")
    assert (str(ts)[: len(iso)], prec) == (iso, precision)


@pytest.mark.parametrize(
    "written", ["12. März", "vor 3 Stunden", "Montag", "12.03.2024", "32. März 2024"]
)
def test_other_language_dates_without_a_day_are_still_refused(written):
    from corpus_tools.io.dates import parse_date

    with pytest.raises(ct.MetadataError, match=rf"column 'date': .*{written.split()[0]}"):
        parse_date(written, where="x.csv", row=1, column="date")


def test_a_month_name_means_one_month_in_every_language():
    from corpus_tools.io.dates import _foreign_names

    _, english = _foreign_names()
    assert english["mai"] == "May" and english["märz"] == "March" and english["montag"] == ""
    assert english["mac"] == "March" and english["ogos"] == "August"
    assert "ago" not in english and "mar" not in english  # an English word and abbreviation


GERMAN_LN = (
    "                              Dokument 1 von 2\n\n"
    "                           Süddeutsche Zeitung\n\n"
    "                         11. Januar 2010 Montag\n\n"
    "Hochwasser in Bayern\n\n"
    "LÄNGE: 120 Wörter\n\n"
    "Das Wasser stieg am Montag in mehreren Orten über die Ufer.\n\n"
    "                              Dokument 2 von 2\n\n"
    "                           Frankfurter Rundschau\n\n"
    "                         12. März 2010 Freitag\n\n"
    "Streik bei der Bahn\n\n"
    "LÄNGE: 90 Wörter\n\n"
    "Die Lokführer legten am Freitag die Arbeit nieder.\n"
)


def test_a_german_lexisnexis_export_gets_its_dates(tmp_path):
    import warnings

    path = tmp_path / "sz.txt"
    path.write_text(GERMAN_LN, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ct.CorpusToolsWarning)  # no "date could not be read"
        corpus = ct.load_corpus(path, split="records")
    docs = corpus.docs
    assert list(docs.outlet) == ["Süddeutsche Zeitung", "Frankfurter Rundschau"]
    assert [str(d) for d in docs.published] == ["2010-01-11 00:00:00", "2010-03-12 00:00:00"]
    assert list(docs.date_precision) == ["day", "day"]
    assert list(docs.title) == ["Hochwasser in Bayern", "Streik bei der Bahn"]


# --- a Polish cp1250 line read as cp1252 is named -------------------------------------------


def test_a_polish_cp1250_one_liner_is_read_as_polish(tmp_path):
    # its cp1252 reading is named suspect ('Wiadomoœci': œ where French never writes it), and
    # since session 29 the code page whose words are one language's letters is chosen
    line = "Wiadomości z Łodzi: Łódź ma nowy plan, jesteśmy gotowi.\n"
    (tmp_path / "pl.txt").write_bytes(line.encode("cp1250"))
    fr = "Les vœux du maire: le cœur de la ville et son œuvre, dit sa sœur à l'hôtel.\n"
    (tmp_path / "fr.txt").write_bytes(fr.encode("cp1252"))
    corpus = ct.load_corpus(tmp_path)
    docs = corpus.docs.set_index("doc_id")
    assert docs.loc["pl", "encoding"] == "cp1250"
    assert docs.loc["pl", "text"].strip() == line.strip()
    assert docs.loc["fr", "encoding"] == "cp1252" and "encoding_note" not in docs  # no note
    assert docs.loc["fr", "text"].strip() == fr.strip()


def test_a_text_compressed_with_bz2_or_xz_says_how_to_read_it(tmp_path):
    import bz2
    import lzma

    text = "Talks resumed in Geneva on Tuesday between the two delegations, officials said.\n"
    (tmp_path / "day one.txt.bz2").write_bytes(bz2.compress(text.encode()))
    (tmp_path / "rows.jsonl.xz").write_bytes(lzma.compress(b'{"text": "x"}\n'))
    (tmp_path / "d.txt.gz").write_bytes(__import__("gzip").compress(text.encode()))
    corpus = ct.load_corpus(tmp_path)
    assert corpus.doc_ids == ["d"]
    assert corpus.skipped.values.tolist() == [
        [
            "day one.txt.bz2",
            "unsupported extension .bz2; a .txt file compressed with .bz2, which is not read: "
            "decompress it (bunzip2 -k 'day one.txt.bz2') or compress it with gzip instead "
            "(day one.txt.gz is read as it is)",
        ],
        [
            "rows.jsonl.xz",
            "unsupported extension .xz; a .jsonl file compressed with .xz, which is not read: "
            "decompress it (unxz -k rows.jsonl.xz) or compress it with gzip instead "
            "(rows.jsonl.gz is read as it is)",
        ],
    ]


# --- to_csv_safe: whole tables only, never a device, never through a link ---------------------


def test_to_csv_safe_refuses_devices_and_leaves_nothing_half_written(tmp_path):
    import os

    import pandas as pd

    from corpus_tools.io import to_csv_safe

    df = pd.DataFrame({"a": ["=1", "x"]})
    with pytest.raises(ct.CorpusValueError, match=r"^path='/dev/null' is not a regular file"):
        to_csv_safe(df, "/dev/null", overwrite=True)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(ct.CorpusValueError, match="is not a regular file"):
        to_csv_safe(df, fifo, overwrite=True)
    assert os.path.exists("/dev/null") and not (tmp_path / "pipe.csv").is_file()
    if os.path.exists("/dev/full"):  # a write that fails half-way: an error, no file left
        with pytest.raises(ct.CorpusValueError, match="is not a regular file"):
            to_csv_safe(df, "/dev/full", overwrite=True)


def test_to_csv_safe_replaces_a_link_not_the_file_it_points_at(tmp_path):
    import os

    import pandas as pd

    from corpus_tools.io import to_csv_safe

    mine = tmp_path / "mine.csv"
    mine.write_text("precious\n")
    os.symlink(mine, tmp_path / "link.csv")
    to_csv_safe(pd.DataFrame({"a": ["=1", "x"]}), tmp_path / "link.csv", overwrite=True)
    assert mine.read_text() == "precious\n"
    assert not (tmp_path / "link.csv").is_symlink()
    assert (tmp_path / "link.csv").read_bytes() == b"a\r\n'=1\r\nx\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "mine.csv"]  # no .part


def test_to_csv_safe_write_error_names_the_path_and_cleans_up(tmp_path, monkeypatch):
    import pandas as pd

    from corpus_tools.io import to_csv_safe

    def full(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    target = tmp_path / "t.csv"
    with pytest.raises(ct.CorpusValueError) as info:
        to_csv_safe(pd.DataFrame({"a": [1]}), target)
    assert str(info.value) == (
        f"path={str(target)!r}: the table could not be written (No space left on device); "
        "nothing was written there. Choose a folder you can write to, with room for it."
    )
    assert list(tmp_path.iterdir()) == []
    old = tmp_path / "old.csv"
    old.write_text("kept\n")
    with pytest.raises(ct.CorpusValueError):
        to_csv_safe(pd.DataFrame({"a": [1]}), old, overwrite=True)
    assert old.read_text() == "kept\n" and list(tmp_path.iterdir()) == [old]


def test_plain_text_saved_as_html_says_to_rename_it(tmp_path):
    art = "Talks resumed in Geneva on Tuesday between the two delegations, officials said. " * 6
    (tmp_path / "plain.html").write_text(art + "\n\n" + art)
    (tmp_path / "frag.html").write_text("<p>" + art + "</p><p>" + art)
    (tmp_path / "empty.html").write_text("<html><body><script>var a = 1;</script></body></html>")
    corpus = ct.load_corpus(tmp_path)
    assert corpus.doc_ids == ["frag"]
    assert corpus.skipped.values.tolist() == [
        ["empty.html", "HTML page with no extractable article text"],
        [
            "plain.html",
            "HTML page with no extractable article text: it holds no HTML tags, only text "
            "(144 words); rename it to .txt to load it as a text file",
        ],
    ]


def test_a_json_list_saved_as_jsonl_is_read_whole_and_trailing_commas_are_named(tmp_path):
    import json

    art = "Talks resumed in Geneva on Tuesday between the two delegations, officials said."
    rows = [json.dumps({"text": art}), json.dumps({"text": art + " B"})]
    (tmp_path / "array.jsonl").write_text("[\n" + ",\n".join(rows) + "\n]\n")
    (tmp_path / "trailing.json").write_text("[" + rows[0] + ",]")
    (tmp_path / "lines.jsonl").write_text(rows[0] + ",\n" + rows[1] + "\n")
    with pytest.warns(ct.CorpusToolsWarning, match=r"^array.jsonl: holds one JSON list"):
        corpus = ct.load_corpus(tmp_path)
    assert corpus.doc_ids == ["array#1", "array#2", "lines#2"]
    assert dict(corpus.skipped.values.tolist()) == {
        "lines.jsonl#line=1": "bad JSON on line 1: Extra data",
        "trailing.json": "bad JSON (line 1, column 94: Expecting value); a comma stands before ], "
        "which JSON does not allow: remove it",
    }


def test_a_utf8_mark_on_cp1252_bytes_is_read_not_skipped(tmp_path):
    import codecs

    art = "Talks resumed in Geneva on Tuesday between the two delegations as officials said."
    bom = codecs.BOM_UTF8
    (tmp_path / "a.tsv").write_bytes(
        bom + "title\ttext\nCafé Noir\t".encode("cp1252") + art.encode() + b"\n"
    )
    (tmp_path / "b.txt").write_bytes(bom + "Café Noir\n\n".encode("cp1252") + art.encode() + b"\n")
    (tmp_path / "c.txt").write_bytes(bom + "Ça va à Genève.\n\n".encode() + art.encode() + b"\n")
    corpus = ct.load_corpus(tmp_path)
    assert corpus.skipped.empty
    docs = corpus.docs.set_index("doc_id")
    assert docs.loc["a#1", "title"] == docs.loc["b", "title"] == "Café Noir"
    assert list(docs.encoding) == ["cp1252", "cp1252", "utf-8-sig"]
    assert docs.loc["c", "text"].startswith("Ça va à Genève.")


def test_clean_writes_names_windows_can_make(tmp_path):
    from corpus_tools import cli

    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("con", "Aux.draft", "x_y", "X_Y"):
        (folder / f"{name}.txt").write_text(f"Talks resumed in Geneva on Tuesday, file {name}.\n")
    assert cli.main(["clean", str(folder), "--out", str(tmp_path / "out")]) == 0
    names = sorted(p.name for p in (tmp_path / "out" / "texts").iterdir())
    assert names == ["X_Y.txt", "_Aux.draft.txt", "_con.txt", "x_y~2.txt"]


def test_an_authors_list_fills_docs_author_and_stays_as_written(tmp_path):
    import json

    art = "Talks resumed in Geneva on Tuesday between the two delegations as officials said."
    rows = [
        {"text": art, "authors": ["Ana Diaz", "Bo Li"]},  # newspaper3k, news-please
        {"text": art + " Two.", "authors": []},
        {"text": art + " Three.", "authors": "Cy Reporter", "author": "Given Author"},
    ]
    (tmp_path / "n.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    docs = ct.load_corpus(tmp_path / "n.jsonl").docs
    assert docs.author.tolist() == ["Ana Diaz; Bo Li", None, "Given Author"]
    assert docs.authors.tolist() == [["Ana Diaz", "Bo Li"], [], "Cy Reporter"]


def test_a_year_column_dates_the_rows_to_the_year(tmp_path):
    import pandas as pd

    (tmp_path / "sotu.csv").write_text(
        "year,paragraph,text\n1946,1,To the Congress of the United States.\n"
        "1947,1,Mr. President and Members of the Congress.\n,2,No year here at all.\n"
    )
    docs = ct.load_corpus(tmp_path / "sotu.csv").docs
    assert [str(d)[:10] for d in docs.published] == ["1946-01-01", "1947-01-01", "NaT"]
    assert docs.date_precision.tolist() == ["year", "year", None]
    frame = pd.DataFrame({"year": [1946, 1947.0, None], "text": ["a b c.", "d e f.", "g h i."]})
    docs = ct.load_corpus(frame).docs  # a float column (1947.0) with a gap
    assert [str(d)[:4] for d in docs.published] == ["1946", "1947", "NaT"]
    both = pd.DataFrame({"date": ["2024-01-02"], "year": [1999], "text": ["a b c."]})
    assert str(ct.load_corpus(both).docs.published.iloc[0]) == "2024-01-02 00:00:00"
