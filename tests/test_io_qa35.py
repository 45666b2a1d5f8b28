"""Session 35 (H4): fresh real files read as a newcomer would.

Fixtures are short real excerpts:
- MSVCode/ir-research-data (Clustering/dataset/m1-*.txt: news-search results saved as a JSON
  list in .txt files with a byte order mark; no licence stated, two records quoted).
- The dates are cells of the same files ('Aug 29, 2017 5:11 p.m. ET' in m1-climate.txt,
  '2017-11-31' in m1-dinosaur.txt).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError, MetadataError
from corpus_tools.io.dates import _parse_date_str, format_for
from corpus_tools.io.dumps import json_records

_RECORDS = [
    {
        "title": "Google paying Apple $3 billion to remain default search - Bernstein",
        "url": "https://www.cnbc.com/2017/08/14/google-paying-apple-3-billion-to-remain-default-search--bernstein.html",
        "meta": {
            "title": "Google is paying Apple billions per year to remain on the iPhone, Bernstein says",
            "description": "Google will pay Apple about $3 billion in 2017 to remain the default search engine on iOS devices, according to Bernstein.",
        },
        "date": "2017-08-14",
    },
    {
        "title": "How much is climate change behind the Hurricane Harvey flooding ...",
        "url": "http://www.marketwatch.com/story/how-much-is-climate-change-behind-the-hurricane-harvey-flooding-in-houston-2017-08-28",
        "meta": {
            "title": "How much is climate change behind the Hurricane Harvey flooding in Houston?",
            "description": "Hurricanes are the result of many factors coming together, but we know that climate change is enhancing extreme rainfall.",
        },
        "date": "Aug 29, 2017 5:11 p.m. ET",
    },
]


def _write(folder: Path) -> Path:
    folder.mkdir()
    text = "\ufeff" + json.dumps(_RECORDS, separators=(",", ":"))
    (folder / "m1-apple.txt").write_text(text, encoding="utf-8")
    (folder / "m1-climate.txt").write_text(text, encoding="utf-8")
    return folder


def test_json_saved_as_text_is_named_in_the_many_articles_warning(tmp_path: Path) -> None:
    folder = _write(tmp_path / "msv")
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        d = ct.load_corpus(folder).docs
    text = " ".join(str(w.message) for w in caught)
    assert (
        "m1-apple.txt and 1 more file(s) like it: looks like many articles in one file "
        "(a JSON list of 2 objects (keys title/url/meta/date))" in text
    )
    assert "split='records'" in text
    assert len(d) == 2  # as before: one document a file, now said


@pytest.mark.parametrize("single", [False, True])
def test_split_records_reads_json_saved_as_text_as_its_table(tmp_path: Path, single: bool) -> None:
    folder = _write(tmp_path / "msv")
    source = folder / "m1-apple.txt" if single else folder
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the URL-outlet note
        d = ct.load_corpus(source, split="records", text_column="meta.description").docs
    assert len(d) == (2 if single else 4)
    assert d["text"].iloc[0].startswith("Google will pay Apple about $3 billion in 2017")
    assert d["title"].iloc[1] == (
        "How much is climate change behind the Hurricane Harvey flooding ..."
    )
    assert d["outlet"].tolist()[:2] == ["cnbc.com", "marketwatch.com"]
    assert d["published"].tolist()[:2] == [
        pd.Timestamp("2017-08-14"),
        pd.Timestamp("2017-08-29 21:11"),  # 5:11 p.m. US Eastern summer time, in UTC
    ]
    assert d["source"].iloc[0] == "m1-apple.txt#row=1"


def test_split_records_on_json_text_without_a_text_field_names_the_choice(tmp_path: Path) -> None:
    folder = _write(tmp_path / "msv")
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(folder / "m1-apple.txt", split="records")
    assert "no text column" in str(err.value)
    assert "text_column='meta.description'" in str(err.value)


def test_json_records_leaves_other_text_alone() -> None:
    assert json_records("[Reuters] Talks ended.\nMore text.") is None
    assert json_records('["a", "b"]') is None  # strings, not articles
    assert json_records('[{"text": "only one"}]') is None
    assert json_records('{"text": "a"}') is None
    assert json_records("{not json}\n{nor this}") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Aug 29, 2017 5:11 p.m. ET", "2017-08-29 21:11"),  # summer: UTC-4
        ("Jan 29, 2017 5:11 PM ET", "2017-01-29 22:11"),  # winter: UTC-5
        ("Aug 29, 2017 5:11 PM EDT", "2017-08-29 21:11"),
        ("Aug 29, 2017, 5:11 PM EST", "2017-08-29 22:11"),
        ("29/08/2017 17:11 CEST", "2017-08-29 15:11"),
    ],
)
def test_a_clock_time_with_a_zone_abbreviation_is_read_in_that_zone(
    value: str, expected: str
) -> None:
    assert _parse_date_str(value) == (pd.Timestamp(expected), "time")


@pytest.mark.parametrize("zone", ["CST", "BST", "IST"])
def test_a_zone_abbreviation_of_two_zones_is_not_guessed(zone: str) -> None:
    problem = _parse_date_str(f"Aug 29, 2017 5:11 PM {zone}")
    assert isinstance(problem, str)
    assert problem.startswith(f"cannot parse the date 'Aug 29, 2017 5:11 PM {zone}'")


def test_the_format_suggestion_never_reads_a_clock_number_as_the_month() -> None:
    # was 'Aug %d, %Y %m:%H p.m. XYZ': 5:11 read as month 5, hour 11
    assert format_for("Aug 29, 2017 5:11 p.m. XYZ") == []
    assert format_for("26/11/2019, 20:51 WIB") == ["%d/%m/%Y, %H:%M WIB"]
    assert format_for("03.04.2021 um 10:05:09 Uhr")[0] == "%d.%m.%Y um %H:%M:%S Uhr"


def test_an_impossible_iso_day_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("text,date\nA dinosaur story.,2017-11-31\n", encoding="utf-8")
    with pytest.raises(MetadataError) as err:
        ct.load_corpus(tmp_path / "t.csv")
    msg = str(err.value)
    assert "t.csv row 1, column 'date': cannot parse the date '2017-11-31'" in msg
    assert "the calendar has no such day" in msg
    assert "write dates as YYYY-MM-DD" not in msg  # it is written so


def test_nothing_loaded_names_the_first_reason(tmp_path: Path) -> None:
    folder = _write(tmp_path / "msv")
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        corpus = ct.load_corpus(folder, split="records")
    text = " ".join(str(w.message) for w in caught)
    assert len(corpus.docs) == 0 and len(corpus.skipped) == 2
    assert (
        "no document could be loaded (2 input(s) skipped; the first, m1-apple.txt: no text "
        "column; columns found: ['title', 'url', 'meta.title', 'meta.description', 'date']; "
        "pass text_column='meta.description'" in text
    )


def test_url_outlets_of_many_tables_are_warned_once_then_summed(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    for i, rec in enumerate(_RECORDS * 2):
        row = {"text": rec["meta"]["description"], "url": rec["url"]}
        (folder / f"t{i}.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        d = ct.load_corpus(folder).docs
    notes = [str(w.message) for w in caught if "outlet" in str(w.message)]
    assert len(notes) == 2
    assert notes[0].startswith("t0.jsonl: no outlet column; column 'url' is the url")
    assert notes[1] == (
        "3 more file(s) have no outlet column, so each row's outlet is the host of its URL, "
        "as t0.jsonl has (the warning above): t1.jsonl (1), t2.jsonl (1), t3.jsonl (1) "
        "(rows or items in brackets)."
    )
    assert d["outlet"].tolist() == ["cnbc.com", "marketwatch.com"] * 2


#: three rows of AG's news corpus (ag_news_csv/test.csv of
#: madhubandru/Text-Classification-on-News-Articles-using-BERT-Framework; AG's corpus, research
#: use): backslashes written for line breaks, and '\$' for a dollar sign
_AG_ROWS = [
    [
        "4",
        "The Race is On: Second Private Team Sets Launch Date for Human Spaceflight (SPACE.com)",
        "SPACE.com - TORONTO, Canada -- A second\\team of rocketeers competing for the  #36;10 "
        "million Ansari X Prize, a contest for\\privately funded suborbital space flight, has "
        "officially announced the first\\launch date for its manned rocket.",
    ],
    [
        "3",
        "Mills Grabs \\$1B Portfolio; Taubman Likely to Lose Contracts",
        "Mills Corp. agreed to purchase a 50 percent interest in nine malls owned by General "
        "Motors Asset Management Corp. for just over \\$1 billion, creating a new joint venture "
        "between the groups. The deal will extend ...",
    ],
    [
        "4",
        "Alaska Wildfires Grow to Record 5 Million Acres (Reuters)",
        "Reuters - Wildfires have scorched over\\5 million acres in Alaska as of Tuesday, forestry "
        "officials\\said, a new record that signals possible changes in climate\\conditions and "
        "the composition of the vast forests.",
    ],
    [
        "3",
        "Retailers Vie for Back-To-School Buyers (Reuters)",
        "Reuters - Apparel retailers are hoping their\\back-to-school fashions will make the "
        "grade among\\style-conscious teens and young adults this fall, but it could\\be a "
        "tough sell, with students and parents keeping a tighter\\hold on their wallets.",
    ],
]


def test_backslash_line_breaks_of_ag_news_are_read_as_breaks(tmp_path: Path) -> None:
    path = tmp_path / "ag.csv"
    pd.DataFrame(_AG_ROWS, columns=["label", "title", "description"]).to_csv(path, index=False)
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        d = ct.load_corpus(path, text_column="description").docs
    text = " ".join(str(w.message) for w in caught)
    assert (
        "ag.csv: 4 row(s)' text (column 'description', first: row 1) write line breaks as "
        "backslashes ('dwindling\\band', as AG's news corpus does)" in text
    )
    assert (
        d["raw_text"]
        .tolist()[0]
        .startswith("SPACE.com - TORONTO, Canada -- A second team of rocketeers")
    )
    assert "a contest for privately funded" in d["raw_text"].iloc[0]
    assert "for just over $1 billion, creating" in d["raw_text"].iloc[1]
    assert d["title"].iloc[1] == "Mills Grabs $1B Portfolio; Taubman Likely to Lose Contracts"
    assert (
        "scorched over 5 million acres in Alaska as of Tuesday, forestry officials said"
        in (d["raw_text"].iloc[2])
    )
    assert "hoping their back-to-school fashions" in d["raw_text"].iloc[3]
    assert not d["raw_text"].str.contains("\\", regex=False).any()


def test_one_article_with_backslashes_is_not_read_as_line_breaks(tmp_path: Path) -> None:
    # SaudiNewsNet 2015-07-21 (CC BY-NC-SA 4.0): one article of 2,972 writes 'Read\Unread'
    path = tmp_path / "t.csv"
    rows = [["صيغة “مقروء”/”غير مقروء” (Read\\Unread). ولم تُعلن “واتساب” عن"]]
    rows += [[f"Another article, number {i}."] for i in range(20)]
    pd.DataFrame(rows, columns=["text"]).to_csv(path, index=False)
    d = ct.load_corpus(path).docs
    assert "(Read\\Unread)" in d["raw_text"].iloc[0]


def test_a_table_without_break_marks_keeps_its_backslashes(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    rows = [["The file sat in C:\\news on the server, officials said."], ["A second story."]]
    pd.DataFrame(rows, columns=["text"]).to_csv(path, index=False)
    d = ct.load_corpus(path).docs
    assert d["raw_text"].iloc[0] == "The file sat in C:\\news on the server, officials said."


#: two rows of MasakhaNEWS' Amharic dev.tsv (masakhane-io/masakhane-news; BBC Amharic
#: headlines and the opening of their texts, cut here; no licence file in the repository)
_AMHARIC_ROWS = [
    [
        "sports",
        "ዘጠኝ ግብ በተስተናገደበት ጨዋታ ማንቸስተር ሲቲ ድል ተቀዳጅቷል",
        "በፈረንጆቹ የገና በዓል ማግስት ማንቸስተር ሲቲዎች ለዘጠነኛ ተከታታይ ጊዜ በማሸነፍ የእንግሊዝ ፕሪምየር ሊግ ደረጃ "
        "ሰንጠረዥን በስድስት ነጥብ ልዩነት መምራት ጀምረዋል።",
        "https://www.bbc.com/amharic/news-59799565",
    ],
    [
        "sports",
        "ለአውሮፓ ሻምፒዮንነት ቀሪዎቹ ስምንት አገራት ፍልሚያቸውን ዛሬ ይጀምራሉ",
        "ለአውሮፓ ዋንጫ አሸናፊነት የሚፎካከሩት ቀሪዎቹ ስምንት አገራት ፍልሚያቸውን ዛሬ ምሽት ይጀምራሉ።",
        "https://www.bbc.com/amharic/news-57693522",
    ],
]


def test_an_excel_unicode_text_export_saved_as_txt_is_named_and_split(tmp_path: Path) -> None:
    # Excel's "Unicode Text" export: UTF-16 with a byte order mark, tab-separated, named .txt
    path = tmp_path / "amharic.txt"
    frame = pd.DataFrame(_AMHARIC_ROWS, columns=["category", "headline", "text", "url"])
    frame.to_csv(path, sep="\t", index=False, encoding="utf-16")
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        one = ct.load_corpus(path).docs
    text = " ".join(str(w.message) for w in caught)
    assert len(one) == 1
    assert (
        "amharic.txt: looks like many articles in one file (a tab-separated table of 2 rows "
        "(columns category/headline/text/url))" in text
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the URL-outlet note
        d = ct.load_corpus(path, split="records").docs
    assert d["title"].tolist() == [row[1] for row in _AMHARIC_ROWS]
    assert d["text"].iloc[1] == _AMHARIC_ROWS[1][2]
    assert d["outlet"].tolist() == ["bbc.com", "bbc.com"]
    assert d["source"].tolist() == ["amharic.txt#row=1", "amharic.txt#row=2"]
