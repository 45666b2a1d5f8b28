"""Session 31 (H4): loading real files and misuse.

Fixtures are short excerpts of real files, each with its source and licence beside it.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusLoadError
from corpus_tools.io import outlets as io_outlets

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


# fwd/news headlines.json (2022-07-09; no licence file, headline rows quoted as a fixture):
# its `domain` column writes AMP and mobile servers as hosts of their own, and names the UK
# editions of Wired and the BBC beside their .com sites
FWD_ROWS = [
    ("theguardian.com", "Sri Lanka’s president to resign after protesters storm residence"),
    ("amp.theguardian.com", "Boris Johnson resigns as Conservative party leader"),
    ("cnn.com", "Cyclist Daniel Oss withdraws from Tour de France after breaking neck"),
    ("amp.cnn.com", "Shinzo Abe, former Japanese prime minister, dies after being shot"),
    ("m.dw.com", "Germany: Parliament approves plan to speed up renewable energy"),
    ("dw.com", "Ukraine updates: Russia claims full control of Luhansk region"),
    ("wired.com", "The Webb Space Telescope Is Ready to Show Us the Universe"),
    ("wired.co.uk", "The James Webb Space Telescope is about to make history"),
    ("bbc.com", "Shinzo Abe: Japan's former PM shot dead at campaign event"),
    ("bbc.co.uk", "Boris Johnson: The moment the PM announced his resignation"),
]


def test_server_prefixes_merge_and_other_public_suffixes_stay_apart(tmp_path: Path) -> None:
    rows = [{"domain": d, "title": t} for d, t in FWD_ROWS]
    path = tmp_path / "headlines.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = ct.load_corpus(path)
    assert c.docs["outlet"].tolist() == [
        "theguardian.com",
        "theguardian.com",
        "cnn.com",
        "cnn.com",
        "dw.com",
        "dw.com",
        "wired.com",
        "wired.co.uk",
        "bbc.com",
        "bbc.co.uk",
    ]
    written = c.docs["outlet_as_written"].tolist()
    assert written == [None, "amp.theguardian.com", None, "amp.cnn.com", "m.dw.com"] + [None] * 5
    assert any("'amp.theguardian.com' -> 'theguardian.com'" in str(w.message) for w in caught)


def test_outlet_names_beside_two_editions_are_left_as_written() -> None:
    merged = io_outlets.merge_spellings(["wired.com", "wired.co.uk", "Wired", "WIRED.com"])
    assert merged == {"WIRED.com": "wired.com"}  # 'Wired' could be either edition
    assert io_outlets.bare_hosts(["amp.co.uk", "m.x.blogspot.com", "mobile.de"]) == {
        "m.x.blogspot.com": "x.blogspot.com"
    }


def test_a_date_in_the_url_path_dates_a_document_that_has_no_other(tmp_path: Path) -> None:
    # fwd/news headlines.json (2022-07-09) links; the title only, no date column
    rows = [
        {
            "link": "https://www.npr.org/sections/thetwo-way/2018/02/21/587671849/a-new-survey",
            "title": "A New Survey Finds 81 Percent Of Women Have Experienced Sexual Harassment",
        },
        {
            "link": "https://www.france24.com/en/live-news/20220701-india-bans-many-single-use",
            "title": "India bans many single-use plastics to tackle waste",
        },
        {
            "link": "https://www.cnn.com/interactive/2022/07/politics/steve-bannon-us-democracy/",
            "title": "Steve Bannon's war on American democracy",
        },
        {
            "link": "https://www.cnn.com/travel/article/patagonia-places-to-go/index.html",
            "title": "Patagonia: places to go",
        },
    ]
    path = tmp_path / "links.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    d = ct.load_corpus(path).docs
    assert d["published"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2018-02-21",
        "2022-07-01",
        "2022-07-01",
        "",
    ]
    assert d["date_precision"].tolist() == ["day", "day", "month", None]
    assert d["published_source"].tolist() == ["url", "url", "url", None]
    # a date column wins; a written date that is not read is not replaced by the URL's
    rows[0]["date"] = "2018-02-22"
    rows[1]["date"] = "yesterday"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = ct.load_corpus(path).docs
    assert d["published"].dt.strftime("%Y-%m-%d").fillna("").tolist()[:3] == [
        "2018-02-22",
        "",
        "2022-07-01",
    ]
    assert d["published_source"].tolist()[:3] == ["table", None, "url"]


def test_a_file_of_nul_bytes_after_a_utf8_mark_is_a_skip_saying_no_text(tmp_path: Path) -> None:
    # a 38-byte file seen in a crawler dump: a UTF-8 byte-order mark, then 35 NUL bytes
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + b"\x00" * 35)
    (tmp_path / "b.txt").write_bytes(b"\x00" * 7)
    (tmp_path / "ok.txt").write_text(YUKOS, encoding="utf-8")
    c = ct.load_corpus(tmp_path)
    assert c.docs["source"].tolist() == ["ok.txt"]
    assert c.skipped.values.tolist() == [
        [
            "a.txt",
            "no text: 35 of the file's 38 bytes are NUL bytes and the rest a byte-order mark or "
            "whitespace (a download or save that never wrote the article's text); save or "
            "download it again, or delete it",
        ],
        [
            "b.txt",
            "no text: 7 of the file's 7 bytes are NUL bytes and the rest a byte-order mark or "
            "whitespace (a download or save that never wrote the article's text); save or "
            "download it again, or delete it",
        ],
    ]


# chardet/chardet (LGPL-2.1) tests/windows-1250-hungarian/_ude_1.txt, its first two lines
HU = (
    "Tájékoztatják a tankerületeket az iskolákba beszivárgó szekta tevékenységéről, amiben "
    "tudtukon kívül vesznek részt ezrek.\nA Klebelsberg Intézményfenntartó Központ naprakész "
    "információkkal látja el a tankerületeket a szcientológiai egyház és társszervezeteinek "
    "működéséről és módszereiről – közölte a Klik, miután hétfőn a Társaság a "
    "Szabadságjogokért arról írt, hogy a szcientológusok drogterápiának álcázva folytatják "
    "tevékenységüket iskolások körében.\n"
)


def test_hungarian_in_cp1250_is_read_as_cp1250(tmp_path: Path) -> None:
    # only its words with ő and ű differ from a cp1252 reading ('mûködésérõl', no language)
    (tmp_path / "hu.txt").write_bytes(HU.encode("cp1250"))
    (tmp_path / "hu2.txt").write_bytes(HU.replace("–", "-").encode("iso8859_2"))
    d = ct.load_corpus(tmp_path).docs
    assert d["encoding"].tolist() == ["cp1250", "cp1250"]
    assert "működéséről" in d["text"].iloc[0] and "hétfőn" in d["text"].iloc[1]


def test_a_json_list_of_web_addresses_says_the_texts_are_not_in_it(tmp_path: Path) -> None:
    # notnews/top_news politico_urls.json: a JSON list of 13,397 links (first two here)
    path = tmp_path / "politico_urls.json"
    links = [
        "https://www.politico.com/news/2022/06/30/democrats-congress-roe-reinstate-00042864",
        "https://www.politico.com/news/2022/06/29/liz-cheney-republicans-trump-constitution-00043374",
    ]
    path.write_text(json.dumps(links), encoding="utf-8")
    with pytest.raises(CorpusLoadError) as err:
        ct.load_corpus(path)
    assert str(err.value) == (
        "politico_urls.json: JSON list of 2 strings that are web addresses (e.g. "
        "'https://www.politico.com/news/2022/06/30/democrats-congress-roe-reinstate-00042864'), "
        "not articles: the pages' texts are not in the file; download the pages first (each "
        "saved as .html in a folder, loaded as the folder), or give one object per document, "
        'e.g. [{"url": ..., "text": ...}, ...]'
    )
