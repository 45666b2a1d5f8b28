"""Session 24 loading gaps: one document that is many (iter_documents' long-document warning,
a scraper export of one 'content:' line per article), outlet names."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning
from corpus_tools.io.dumps import records_in_text, split_records

BODY = (
    "The envoys left the city after two days of talks on Tuesday. Officials said the next "
    "round would follow in spring.\n\nBoth sides called the meeting useful."
)


def _caught(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        out = fn(*args, **kwargs)
        if not isinstance(out, ct.Corpus):
            out = list(out)
    return out, [str(w.message) for w in got if issubclass(w.category, CorpusToolsWarning)]


def test_iter_documents_names_a_document_too_long_to_be_an_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_corpus warned about documents of over HUGE_CHARS characters; iter_documents said
    nothing. The limit is lowered here to keep the test small."""
    from corpus_tools.io import load

    monkeypatch.setattr(load, "HUGE_CHARS", 50_000)
    (tmp_path / "a.txt").write_text("Talks end\n\n" + BODY, encoding="utf-8")
    (tmp_path / "crawl.txt").write_text(BODY.replace("\n", " ") * 400, encoding="utf-8")
    docs, said = _caught(ct.iter_documents, tmp_path)
    assert [d["doc_id"] for d in docs] == ["a", "crawl"]
    huge = [s for s in said if "characters after cleaning" in s]
    assert len(huge) == 1
    assert huge[0].startswith(
        f"1 document(s) of over 50,000 characters after cleaning: crawl.txt "
        f"({docs[1]['n_chars']:,} characters). No news article is this long"
    )


def _export(n: int) -> str:
    """A scraper's export: one 'content: [...]' line per article, some empty (made up; the
    shape of a scrapy feed of a Moroccan outlet seen in session 23)."""
    lines = []
    for i in range(n):
        if i % 5 == 4:
            lines.append("content: []")
        else:
            lines.append(f"content: ['Story {i} opens here.', 'Officials said {i} more things.']")
    return "\n".join(lines) + "\n"


def test_one_content_line_per_article_is_a_dump_and_splits(tmp_path: Path) -> None:
    text = _export(25)
    assert records_in_text(text) == "25 lines starting 'content:', one record each"
    (tmp_path / "feed.txt").write_text(text, encoding="utf-8")
    corpus, said = _caught(ct.load_corpus, tmp_path / "feed.txt")
    assert len(corpus.docs) == 1
    assert any(
        s.startswith("feed.txt: looks like many articles in one file (25 lines") for s in said
    )
    split = ct.load_corpus(tmp_path / "feed.txt", split="records")
    assert len(split.docs) == 20  # the 5 'content: []' records are skipped rows (S25)
    assert split.skipped["path"].tolist() == [f"feed.txt#record={n}" for n in (5, 10, 15, 20, 25)]
    assert split.docs["doc_id"].iloc[0] == "feed#1"
    assert split.docs["record_header"].iloc[0] == "content: "
    assert (
        split.docs["raw_text"].iloc[0]
        == "['Story 0 opens here.', 'Officials said 0 more things.']\n"
    )
    kept = "".join(split.docs["record_header"] + split.docs["raw_text"])
    assert kept == text.replace("content: []\n", "")


def test_an_article_with_a_few_labelled_lines_or_a_transcript_is_not_a_dump() -> None:
    notes = "note: see the table below\n" * 20 + (BODY + "\n") * 30
    transcript = "".join(f"TRUMP: Point {i}.\nBIDEN: Reply {i}.\n" for i in range(40))
    assert records_in_text(notes) is None and split_records(notes) is None
    assert records_in_text(transcript) is None


def test_source_title_is_the_outlet_column(tmp_path: Path) -> None:
    """NewsDataHub's export names its outlets 'source_title': 564 outlets loaded as none."""
    (tmp_path / "cyber.csv").write_text(
        "id,title,source_title,article_link,description,pub_date\n"
        "a1,Hackers hit a port,Bloomberg,https://example.com/a,The port said systems were "
        "down for a day.,2026-02-11T14:32:42\n"
        "a2,Patch released,The Record,https://example.com/b,The vendor released a patch on "
        "Monday.,2026-02-12T09:00:00\n",
        encoding="utf-8",
    )
    corpus = ct.load_corpus(tmp_path / "cyber.csv", text_column="description")
    assert corpus.docs["outlet"].tolist() == ["Bloomberg", "The Record"]
    assert corpus.docs["outlet_source"].tolist() == ["table"] * 2


def test_outlet_names_with_the_or_dot_com_are_merged_and_listed() -> None:
    import pandas as pd

    from corpus_tools.io import outlet_merges

    outlets = ["Times of India"] * 3 + ["The Times of India", "Salon.com", "Salon", "Salon"]
    outlets += ["The Hindu", "Hindustan Times", "The Times", "www.npr.org", "NPR"]
    frame = pd.DataFrame({"text": [f"Story {i} of the day." for i in range(12)], "outlet": outlets})
    corpus, said = _caught(ct.load_corpus, frame)
    d = corpus.docs
    assert d["outlet"].tolist() == ["Times of India"] * 4 + ["Salon"] * 3 + [
        "The Hindu",
        "Hindustan Times",
        "The Times",  # not 'Times of India': another outlet
        "npr.org",  # a web host loses its 'www.' as a URL's does; then a tie: the first
        "npr.org",
    ]
    table = outlet_merges(corpus)
    assert table.values.tolist() == [
        ["Salon.com", "Salon", 1],
        ["The Times of India", "Times of India", 1],
        ["NPR", "npr.org", 1],
        ["www.npr.org", "npr.org", 1],
    ]
    assert [s for s in said if s.startswith("outlet names")] == [
        "outlet names that differ only in case, '&'/'and', a leading 'The ' or 'www.' or a "
        "trailing '.com' (.net, .org, .co.uk) were merged into their most frequent spelling: "
        "'The Times of India' (1 document(s)) -> 'Times of India'; 'Salon.com' (1 document(s)) "
        "-> 'Salon'; 'www.npr.org' (1 document(s)) -> 'npr.org' and 1 more; the name as "
        "written is in docs['outlet_as_written'], and corpus_tools.io.outlet_merges(corpus) "
        "lists every merge. Web hosts lose a leading 'www.' as the hosts of URLs do (1 name(s), "
        "e.g. 'www.npr.org' -> 'npr.org')."
    ]
    undone = d["outlet_as_written"].fillna(d["outlet"])
    assert undone.tolist() == outlets
    assert outlet_merges(ct.load_corpus(pd.DataFrame({"text": ["One."]}))).empty


def test_an_indonesian_kompas_table_loads_and_its_odd_dates_get_a_fitting_format(
    tmp_path: Path,
) -> None:
    """A scraper's Kompas table (greysian777/indo-news-dataset, header as there; made-up rows):
    'judul' was no title name ('no text column ... pass text_column=judul'), and the date
    '26/11/2019, 20:51 WIB' got the generic hint date_format="%d.%m.%Y"."""
    from corpus_tools import cli
    from corpus_tools.errors import MetadataError

    (tmp_path / "kompas.csv").write_text(
        "link,judul,tanggal,kategori\n"
        "https://regional.kompas.com/read/2019/11/26/1,Banjir rendam dua desa di Bandung,"
        '"26/11/2019, 20:51 WIB",NEWS\n'
        "https://nasional.kompas.com/read/2019/11/27/2,Presiden lantik pejabat baru,"
        '"27/11/2019, 09:05 WIB",NEWS\n',
        encoding="utf-8",
    )
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(tmp_path / "kompas.csv")
    assert str(err.value) == (
        "kompas.csv row 1, column 'tanggal': cannot parse the date '26/11/2019, 20:51 WIB'; "
        "pass date_format='%d/%m/%Y, %H:%M WIB' to load_corpus (read from this date: check it "
        "on the others), or write dates as YYYY-MM-DD."
    )
    assert cli.command_line_hint(str(err.value)) == (
        " (on the command line: --date-format '%d/%m/%Y, %H:%M WIB')"
    )
    corpus, said = _caught(
        ct.load_corpus, tmp_path / "kompas.csv", date_format="%d/%m/%Y, %H:%M WIB"
    )
    d = corpus.docs
    assert d["text_source"].tolist() == ["headline:judul"] * 2
    assert d["published"].astype(str).tolist() == ["2019-11-26 20:51:00", "2019-11-27 09:05:00"]
    assert d["outlet"].tolist() == ["kompas.com", "kompas.com"]  # sections of one site (S26)


def test_a_web_address_as_the_corpus_says_nothing_is_downloaded(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from corpus_tools import cli
    from corpus_tools.errors import CorpusLoadError

    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus("https://g1.globo.com/politica/")
    assert str(err.value) == (
        "https://g1.globo.com/politica/: a web address, not a file or folder: corpus-tools "
        "reads files on this computer and never downloads. Save the pages (or a CSV/JSONL "
        "export of the articles) into a folder and point at that folder."
    )
    assert cli.main(["info", "www.g1.com"]) == 2
    assert capsys.readouterr().err.startswith("corpus-tools: error: www.g1.com: a web address")
    assert cli.main(["clean", "https://g1.globo.com", "--out", "o"]) == 2
    assert "a web address" in capsys.readouterr().err


def test_a_date_column_of_names_says_it_may_not_be_the_date_column(tmp_path: Path) -> None:
    from corpus_tools.errors import MetadataError

    (tmp_path / "a.csv").write_text(
        "id,titulo,texto,fonte\n1,Um,Os deputados aprovaram o texto na terça-feira.,g1.com\n",
        encoding="utf-8",
    )
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(tmp_path / "a.csv", date_column="fonte")
    assert str(err.value).startswith(
        "a.csv row 1, column 'fonte': cannot parse the date 'g1.com' (no four-digit year); with "
        "no number in it, the column may not hold dates: check the column named as the date "
        "(date_column=, --date-column), or write dates as YYYY-MM-DD"
    )


def test_a_publications_column_names_the_outlets(tmp_path: Path) -> None:
    """natchusaro/new-news articles1.csv (a cut of Kaggle's All the News, header 'id,title
    ,publications,author,content'; made-up rows): 'publications' was no outlet name."""
    (tmp_path / "articles1.csv").write_text(
        "id,title ,publications,author,content\n"
        "0,alton,new york times,david,The son of a man said the inquiry would resume.\n"
        "1,port,breitbart,Jo Doe,The port reopened on Monday after the storm.\n",
        encoding="utf-8",
    )
    d = ct.load_corpus(tmp_path / "articles1.csv").docs
    assert d["outlet"].tolist() == ["new york times", "breitbart"]
    assert d["title"].tolist() == ["alton", "port"]


def test_an_article_text_passed_as_the_source_says_how_to_load_texts() -> None:
    from corpus_tools.errors import CorpusLoadError

    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus("The minister said on Tuesday that the talks would continue next week.")
    assert str(err.value) == (
        "The minister said on Tuesday that the talks would continue n...: no such file or "
        "folder, and it reads like text, not a path. To analyse texts you have in Python, pass "
        "a DataFrame: load_corpus(pandas.DataFrame({'text': [text1, text2]}))."
    )
    with pytest.raises(
        CorpusLoadError, match=r"^my corpus/new files: no such file or folder; check"
    ):
        ct.load_corpus("my corpus/new files")


def test_a_text_cell_that_is_a_number_is_skipped_with_the_reason() -> None:
    """A DataFrame or JSON text column of numbers (a count, an id) loaded '1', '2.5' as
    documents without a word."""
    import pandas as pd

    corpus = ct.load_corpus(pd.DataFrame({"text": [1, 2.5, None, "Talks ended on Tuesday."]}))
    assert corpus.docs["text"].tolist() == ["Talks ended on Tuesday."]
    assert corpus.skipped.values.tolist() == [
        [
            "dataframe#row=1",
            "DATAFRAME row 1: column 'text' holds the number 1, not text; check that it is the "
            "text column (text_column=), or write the cell as text",
        ],
        [
            "dataframe#row=2",
            "DATAFRAME row 2: column 'text' holds the number 2.5, not text; check that it is the "
            "text column (text_column=), or write the cell as text",
        ],
        ["dataframe#row=3", "DATAFRAME row 3: missing text"],
    ]
