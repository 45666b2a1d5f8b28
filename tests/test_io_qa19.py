"""Loader fixes from the session-19 QA list: archives, page metadata (outlet from the
headline, bare "Submitted" bylines), outlet spelling variants, JSON rows without text and
date formats with no effect (QA findings S19-H8-3, S19-H6-2, S19-H6-3, S19-H8-7)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError, CorpusToolsWarning, CorpusValueError

EN = "Talks end in Doha\n\nThe envoys left on Tuesday. They will meet again in May.\n"


def _load(*args: object, **kw: object) -> tuple[ct.Corpus, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(*args, **kw)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]


def test_archives_say_unpack_not_convert(tmp_path: Path) -> None:
    """QA S19-H8-3: an archive's reason says to unpack it; other formats keep their hint."""
    for name in ("corpus.zip", "b.tar.gz", "c.tgz", "d.7z", "e.rar", "f.txt.bz2", "g.gz", "h.pdf"):
        (tmp_path / name).write_bytes(b"PK\x03\x04 not text")
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    corpus, _ = _load(tmp_path)
    assert corpus.doc_ids == ["a"]
    tar = "mkdir {0} && tar -xf {1} -C {0}"
    assert corpus.skipped.values.tolist() == [
        [
            "b.tar.gz",
            f"unsupported extension .tar.gz; unpack it ({tar.format('b', 'b.tar.gz')}) and "
            "point at the folder b",
        ],
        [
            "c.tgz",
            f"unsupported extension .tgz; unpack it ({tar.format('c', 'c.tgz')}) and point at "
            "the folder c",
        ],
        [
            "corpus.zip",
            "unsupported extension .zip; unpack it (unzip corpus.zip -d corpus) and point at "
            "the folder corpus",
        ],
        ["d.7z", "unsupported extension .7z; unpack it (7z x d.7z -od) and point at the folder d"],
        [
            "e.rar",
            "unsupported extension .rar; unpack it (unrar x e.rar e/) and point at the folder e",
        ],
        [
            "f.txt.bz2",
            "unsupported extension .bz2; a .txt file compressed with .bz2, which is not read: "
            "decompress it (bunzip2 -k f.txt.bz2) or compress it with gzip instead (f.txt.gz is "
            "read as it is)",
        ],
        [
            "g.gz",
            "unsupported extension (none).gz; a gzip file of one file whose name does not say "
            "what it holds: if it is text, rename it to end in .txt.gz (or .csv.gz, .jsonl.gz, "
            ".html.gz); if it is a tar archive, unpack it and point at the folder",
        ],
        ["h.pdf", "unsupported extension .pdf; convert it to .txt first"],
    ]
    with pytest.raises(
        CorpusLoadError, match=r"corpus\.zip: unsupported extension \.zip; unpack it"
    ):
        ct.load_corpus(tmp_path / "corpus.zip")


# two NewsAPI rows of the Babel Briefings sample (felixludos/babel-briefings, CC BY-NC-SA 4.0),
# cut to a few fields: the first has no content, only a title and a description
NEWSAPI = [
    {
        "title": "أميركا تجيز الاستخدام الطارئ لعقار أكتيمرا لعلاج كورونا - Sky News Arabia",
        "description": "قالت إدارة الغذاء والدواء الأميركية إنها أجازت الاستخدام الطارئ لعقار "
        "أكتيمرا لعلاج مرضي كوفيد-19 البالغين والأطفال في المستشفيات.",
        "publishedAt": "2021-06-25T01:38:38Z",
        "content": None,
        "source-name": "Skynewsarabia.com",
        "ID": 5353473,
    },
    {
        "title": "Model Tess Holliday Announces She's Anorexic - YourTango",
        "description": "Model Tess Holliday announced her struggle with anorexia nervosa.",
        "publishedAt": "2021-05-04T23:17:42Z",
        "content": "Model Tess Holliday is known for her outspoken and honest attitude.",
        "source-name": "YourTango",
        "ID": 4494273,
    },
    {"title": None, "description": None, "content": None, "ID": 7},
]


def test_json_row_without_text_names_the_headline_column(tmp_path: Path) -> None:
    """QA S19-H6-3: a row skipped for missing text says which of its columns hold text."""
    import json

    (tmp_path / "news.json").write_text(json.dumps(NEWSAPI), encoding="utf-8")
    corpus, _ = _load(tmp_path)
    assert corpus.doc_ids == ["4494273"]
    assert corpus.skipped.values.tolist() == [
        [
            "news.json#row=1",
            "JSON row 1: missing text; the row has 'title', 'description': pass "
            "text_column='title' to analyse headlines",
        ],
        ["news.json#row=3", "JSON row 3: missing text"],
    ]
    heads, _ = _load(tmp_path, text_column="title")
    assert heads.docs["text"].tolist()[:2] == [NEWSAPI[0]["title"], NEWSAPI[1]["title"]]


FIX = (
    "write it with the codes of datetime.strptime: pass e.g. date_format='%d/%m/%Y' "
    "(%d day, %m month, %Y year, %H:%M time), or date_format='epoch' for Unix timestamps."
)


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("%Q", f"date_format='%Q': '%Q' is not a strptime directive; {FIX}"),
        (
            "%d.%m.%Y %",
            f"date_format='%d.%m.%Y %' ends in a lone '%' (write '%%' for a percent sign); {FIX}",
        ),
        ("dd/mm/yyyy", f"date_format='dd/mm/yyyy' has no % directive; {FIX}"),
    ],
)
def test_a_date_format_that_reads_nothing_is_an_error(fmt: str, message: str) -> None:
    """QA S19-H8-7: an invalid strptime format stops the call, naming the fix."""
    with pytest.raises(CorpusValueError) as err:
        ct.load_corpus("seeds", date_format=fmt)
    assert str(err.value) == message


UNUSED = (
    "date_format='%d.%m.%Y' had no effect: no date in a table's date column or the metadata "
    "file's 'published' column was read by it (an ISO date YYYY-MM-DD is read as ISO, dates on "
    "HTML pages and in text files never use it); drop it, or check the format against the dates."
)


def test_a_date_format_no_date_used_is_warned() -> None:
    """QA S19-H8-7: the seeds' metadata dates are ISO, so date_format reads none of them."""
    plain = ct.load_corpus("seeds").docs
    corpus, notes = _load("seeds", date_format="%d.%m.%Y")
    assert notes == [UNUSED]
    pd.testing.assert_frame_equal(corpus.docs, plain)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_date_format_used_by_a_table_or_the_metadata_is_not_warned(
    tmp_path: Path, n_jobs: int
) -> None:
    (tmp_path / "t.csv").write_text(
        "id,text,date\na,Talks ended on Tuesday.,2023-10-19\nb,The envoys left.,20.10.2023\n",
        encoding="utf-8",
    )
    corpus, notes = _load(tmp_path / "t.csv", date_format="%d.%m.%Y", n_jobs=n_jobs)
    assert notes == []
    assert corpus.docs["published"].tolist() == [
        pd.Timestamp("2023-10-19"),
        pd.Timestamp("2023-10-20"),
    ]
    (tmp_path / "iso.csv").write_text("id,text,date\nc,Talks ended.,2023-10-19\n", encoding="utf-8")
    _, notes = _load(tmp_path / "iso.csv", date_format="%d.%m.%Y", n_jobs=n_jobs)
    assert notes == [UNUSED]
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text(EN, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,published\na.txt,19.10.2023\n", encoding="utf-8")
    corpus, notes = _load(folder, date_format="%d.%m.%Y", n_jobs=n_jobs)
    assert notes == [] and corpus.docs["published"].tolist() == [pd.Timestamp("2023-10-19")]


REAL = Path(__file__).parent / "data" / "real"


def test_page_title_that_is_the_headline_is_no_outlet() -> None:
    """QA S19-H6-2: prachatai.com's <title> gave the headline as outlet and Drupal's
    "Submitted by" byline gave the author "Submitted"; the outlet is now the canonical
    URL's host and the bare byline word is dropped."""
    d = ct.load_corpus(REAL / "html_qa19").docs
    headline = "ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย"
    row = d.iloc[0]
    assert (row["outlet"], row["outlet_source"]) == ("prachatai.com", "url")
    assert (row["title"], row["title_source"]) == (headline, "page:meta")
    assert row["author"] is None
    assert row["url"] == "https://prachatai.com/journal/2019/01/80642"


def test_outlet_spellings_are_merged_into_the_most_frequent(tmp_path: Path) -> None:
    """QA S19-H6-2 (second part): 'backstage.com'/'Backstage.com' and 'Better Homes and
    Gardens'/'Better Homes & Gardens' (newspaper3k pages) were two outlets each."""
    frame = pd.DataFrame(
        {
            "text": [f"Story {i} ran on Tuesday and the envoys left." for i in range(6)],
            "outlet": [
                "Backstage.com",
                "backstage.com",
                "Better Homes & Gardens",
                "Better Homes and Gardens",
                "better homes and gardens",
                "BBC",
            ],
        }
    )
    corpus, notes = _load(frame)
    d = corpus.docs
    assert d["outlet"].tolist() == ["Backstage.com"] * 2 + ["Better Homes & Gardens"] * 3 + ["BBC"]
    assert d["outlet_as_written"].tolist() == [
        None,
        "backstage.com",
        None,
        "Better Homes and Gardens",
        "better homes and gardens",
        None,
    ]
    assert notes == [
        "outlet names that differ only in case, '&'/'and', a leading 'The ' or 'www.' or a "
        "trailing '.com' (.net, .org, .co.uk) were merged into their most frequent spelling: "
        "'backstage.com' (1 document(s)) -> 'Backstage.com'; 'Better Homes "
        "and Gardens' (1 document(s)) -> 'Better Homes & Gardens'; 'better homes and gardens' "
        "(1 document(s)) -> 'Better Homes & Gardens'; the name as written is in "
        "docs['outlet_as_written'], and corpus_tools.io.outlet_merges(corpus) lists every merge."
    ]
    assert list(d.columns).index("outlet_as_written") == len(d.columns) - 1


def test_no_merge_no_column_and_the_seeds_unchanged() -> None:
    corpus, notes = _load("seeds")
    assert notes == [] and "outlet_as_written" not in corpus.docs
    assert corpus.docs["outlet"].tolist() == ["Straits Times", "SCMP", "TASS", "Blog", "News site"]
