"""Session 29 loading QA on real export shapes: a Google Datastore export (fields nested under
``properties.*.stringValue``), MongoDB extended JSON, and RSS descriptions with HTML markup copied
into a table's text column."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError

DESC = (
    '<a href=""><img src="http://www.spothaber.com/images/t/irak_h254801.jpg" align="left" '
    'border="0"  /></a>Bahreyn Dışişleri Bakanlığının, Iraklı yetkililerin açıklamalarının '
    "ardından Irak&apos;ın Manama Büyükelçisini bakanlığa çağırdığı bildirildi."
)
PLAIN = "Mısır'ın güneyinde bir emniyet noktasına saldırıda 8 polisin öldüğü bildirildi."


def _entity(i: int, desc: str, title: str) -> dict:
    """One line of a Datastore export, shaped as selimfirat/turkish-news-analytics' news.json."""
    link = f"http://www.spothaber.com/guncel/haber-h25480{i}.html"
    return {
        "key": {
            "partitionId": {"projectId": "news-197916"},
            "path": [{"kind": "News_Entry", "name": link}],
        },
        "properties": {
            "description": {"stringValue": desc, "excludeFromIndexes": True},
            "link": {"stringValue": link},
            "title": {"stringValue": title},
            "published": {"stringValue": f"2017-01-17 12:1{i}:58"},
        },
    }


def _datastore(tmp_path: Path) -> Path:
    lines = [
        _entity(1, DESC, "Irak büyükelçisini bakanlığa çağırdılar!"),
        _entity(2, PLAIN, "Mısır&apos;da emniyet müdürlüğüne saldırı: 8 polis öldü"),
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\ufeff" + "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    return path


def test_a_datastore_export_names_its_nested_fields(tmp_path: Path) -> None:
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(_datastore(tmp_path))
    assert str(err.value).startswith(
        "news.jsonl: no text column; columns found: ['key.partitionId.projectId', 'key.path', "
        "'properties.description', 'properties.link', 'properties.title', "
        "'properties.published']; pass text_column='properties.description' (its values read "
        "like sentences) or text_column='properties.title' to analyse its headlines"
    )


def test_a_datastore_export_loads_with_the_nested_text_named(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(
            _datastore(tmp_path), text_column="properties.description", n_jobs=1
        )
    d = corpus.docs
    assert d["title"].tolist() == [
        "Irak büyükelçisini bakanlığa çağırdılar!",
        "Mısır'da emniyet müdürlüğüne saldırı: 8 polis öldü",
    ]
    assert d["text"].tolist() == [
        "Bahreyn Dışişleri Bakanlığının, Iraklı yetkililerin açıklamalarının ardından Irak'ın "
        "Manama Büyükelçisini bakanlığa çağırdığı bildirildi.",
        PLAIN,
    ]
    assert d["text_source"].tolist() == [
        "html:properties.description",
        "table:properties.description",
    ]
    assert d["published"].tolist() == [
        pd.Timestamp("2017-01-17 12:11:58"),
        pd.Timestamp("2017-01-17 12:12:58"),
    ]
    assert d["url"].tolist()[0] == "http://www.spothaber.com/guncel/haber-h254801.html"
    assert d["outlet"].tolist() == ["spothaber.com", "spothaber.com"]
    assert d["key.partitionId.projectId"].tolist() == ["news-197916", "news-197916"]
    markup = [str(w.message) for w in caught if "held HTML markup" in str(w.message)]
    assert markup == [
        "news.jsonl: 1 line(s)' text (column 'properties.description', first: line 1) and 1 "
        "title(s) held HTML markup (titles also character references: &amp;, &apos;), read as "
        "text as a feed's are: tags dropped, a paragraph per block, entities decoded "
        "(text_source 'html:<column>'; the cells as written stay in the file, each row named "
        "by docs['source'])."
    ]


def test_mongodb_extended_json_values_are_unwrapped(tmp_path: Path) -> None:
    rows = [
        {"_id": {"$oid": "5d1f0a"}, "text": PLAIN, "date": {"$date": "2019-05-01T10:00:00Z"}},
        {
            "_id": {"$oid": "5d1f0b"},
            "text": PLAIN + " 2",
            "date": {"$date": {"$numberLong": "1500000000000"}},
        },
    ]
    (tmp_path / "m.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    d = ct.load_corpus(tmp_path / "m.jsonl", n_jobs=1).docs
    assert d["doc_id"].tolist() == ["5d1f0a", "5d1f0b"]
    assert d["published"].tolist() == [
        pd.Timestamp("2019-05-01 10:00:00"),
        pd.Timestamp("2017-07-14 02:40:00"),
    ]


def test_a_nested_article_object_is_found_by_its_last_name(tmp_path: Path) -> None:
    # a Scrapy item: no field at the top names the text ({"article": {...}} would: its
    # cells are named by the skip, 'pass text_column='article.body'')
    rows = [{"meta": {"id": "x"}, "item": {"headline": "Talks end", "body": PLAIN}}]
    (tmp_path / "a.json").write_text(json.dumps(rows))
    d = ct.load_corpus(tmp_path / "a.json", n_jobs=1).docs
    assert (d["text"].tolist(), d["title"].tolist()) == ([PLAIN], ["Talks end"])
    assert d["text_source"].tolist() == ["table:item.body"]
    assert d["doc_id"].tolist() == ["a#1"]  # 'meta.id' is not taken as the article's id


def test_html_in_a_csv_text_cell_is_read_as_text_and_plain_cells_are_not(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text(
        'id,text\na,"<p>First para.</p><p>Second &amp; last.</p>"\nb,"Plain: 5 < 6, and 7 > 3."\n'
        'c,"If a<b and c>d, AT&amp;T said."\n'
    )
    d = ct.load_corpus(tmp_path / "t.csv", n_jobs=1).docs
    assert d["raw_text"].tolist() == [
        "First para.\n\nSecond & last.",
        "Plain: 5 < 6, and 7 > 3.",
        "If a<b and c>d, AT&amp;T said.",  # no tag: a reference alone is cleaning's to repair
    ]
    assert d["text"].tolist()[2] == "If a<b and c>d, AT&T said."
    assert d["text_source"].tolist() == ["html:text", "table:text", "table:text"]


def test_url_column_names_the_link_column_also_on_the_command_line(tmp_path: Path, capsys) -> None:
    from corpus_tools import cli

    rows = pd.DataFrame(
        {
            "text": [PLAIN, PLAIN + " İkinci."],
            "link": ["https://www.hurriyet.com.tr/a", "https://www.sabah.com.tr/b"],
            "page": ["https://cdn.example.net/x", "https://cdn.example.net/y"],
        }
    )
    rows.to_csv(tmp_path / "t.csv", index=False)
    d = ct.load_corpus(tmp_path / "t.csv", url_column="page", n_jobs=1).docs
    assert d["url"].tolist() == ["https://cdn.example.net/x", "https://cdn.example.net/y"]
    assert d["outlet"].tolist() == ["example.net", "example.net"]
    assert d["link"].tolist() == ["https://www.hurriyet.com.tr/a", "https://www.sabah.com.tr/b"]
    # the Datastore export: its link is nested, and the option takes the path
    path = _datastore(tmp_path)
    args = ["info", str(path), "--text-column", "properties.description"]
    assert cli.main([*args, "--url-column", "properties.link"]) == 0
    assert "spothaber.com" in capsys.readouterr().out
    assert cli.main([*args, "--url-column", "nope"]) == 2
    assert "no column 'nope' for the url" in capsys.readouterr().err


def test_a_newsapi_response_with_cut_texts_is_named(tmp_path: Path) -> None:
    # NewsAPI.org /v2/everything: 'content' is the first 200 characters and '… [+N chars]'
    cut = "Stock futures were lower on Wednesday morning after a relief rally failed during "
    cut += "regular trading hours.\r\nFutures tied to the Dow Jones Industri… [+1210 chars]"
    article = {
        "source": {"id": None, "name": "CNBC"},
        "author": "A. Writer",
        "title": "Stock futures fall - CNBC",
        "url": "https://www.cnbc.com/2022/09/27/stock-market-news.html",
        "urlToImage": "https://image.cnbcfm.com/api/v1/image/1.jpeg",
        "publishedAt": "2022-09-28T04:18:00Z",
        "content": cut,
    }
    response = {
        "status": "ok",
        "totalResults": 2,
        "articles": [article, {**article, "content": None}],
    }
    (tmp_path / "everything.json").write_text(json.dumps(response))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(tmp_path / "everything.json", n_jobs=1)
    d = corpus.docs
    assert (d["outlet"].tolist(), d["author"].tolist()) == (["CNBC"], ["A. Writer"])
    assert d["text"].tolist()[0].endswith("Futures tied to the Dow Jones Industri")
    assert corpus.skipped["path"].tolist() == ["everything.json#row=2"]
    cut_warnings = [str(w.message) for w in caught if "cut mark" in str(w.message)]
    assert cut_warnings == [
        "everything.json: 1 row(s)' text ends in a news API's cut mark ('... [+1210 chars]', "
        "first: row 1): the API gave only the first characters of each article (NewsAPI: 200), "
        "so every analysis reads snippets. Cleaning removes the mark (rule newsapi_truncation); "
        "for whole articles, fetch them from their URLs (docs['url'])."
    ]


def test_a_title_line_above_the_header_is_named_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(
        "News export generated 2024-01-02 by CMS\n\nid,title,text,date\n"
        f"1,Talks end,{PLAIN},2024-01-01\n2,Talks resume,{PLAIN},2024-01-02\n"
    )
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(tmp_path / "export.csv")
    assert str(err.value) == (
        "export.csv: CSV line 1 ('News export generated 2024-01-02 by CMS') is a title, not the "
        "header: line 3 ('id,title,text,date') reads like the header, and the rows below it have "
        "4 fields; delete the 2 line(s) above it, or read it with pandas.read_csv(path, "
        "skiprows=2) and pass the DataFrame"
    )
    frame = pd.read_csv(tmp_path / "export.csv", skiprows=2)
    assert ct.load_corpus(frame, n_jobs=1).docs["title"].tolist() == ["Talks end", "Talks resume"]


def test_a_datasets_readme_and_licences_are_recorded_skips_in_a_folder(tmp_path: Path) -> None:
    # livedoor-like dataset folder: README, CHANGES and one LICENSE per category
    news = tmp_path / "news"
    (news / "sports").mkdir(parents=True)
    (news / "sports" / "1.txt").write_text(PLAIN)
    (news / "sports" / "LICENSE.txt").write_text("Creative Commons Attribution-NoDerivs 2.1 JP")
    (news / "README.md").write_text("# Dataset\n\nNews articles.")
    (news / "CHANGES.txt").write_text("v2: more articles")
    (news / "LICENSE").write_text("Creative Commons")
    (news / "changes-in-policy.txt").write_text(PLAIN + " Policy changes.")
    corpus = ct.load_corpus(news, n_jobs=1)
    assert corpus.docs["doc_id"].tolist() == ["changes-in-policy", "sports/1"]
    reasons = dict(zip(corpus.skipped["path"], corpus.skipped["reason"], strict=True))
    assert reasons["README.md"] == (
        "named like a dataset's read-me file (README.md), not an article; not loaded (pass the "
        "file itself, or rename it, to load it)"
    )
    assert set(reasons) == {"README.md", "CHANGES.txt", "LICENSE", "sports/LICENSE.txt"}
    # named by the user, it loads
    assert ct.load_corpus(news / "README.md", n_jobs=1).docs["doc_id"].tolist() == ["README"]
