"""Session 32 (H4): loading real files and misuse.

Fixtures are short excerpts of real files, each with its source and licence beside it.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.io import decode as io_decode
from corpus_tools.io import outlets as io_outlets

# roneysco/Fake.br-Corpus (no licence file; a two-sentence excerpt), full_texts/true/490.txt;
# the whole file saved as cp1252 was read as mac_latin2 (charset-normalizer's guess)
DIACONO = (
    "Golpista se passa por diácono para pedir dinheiro a católicos de Suzano. Padre da "
    "Paróquia Santa Helena pede que devotos tenham cuidado. Suspeitos chegam às casas sabendo "
    "nomes das vítimas. Uma das vítimas tinha circuito de câmeras que flagraram a chegada do "
    "golpista. Nas imagens é possível ver o suspeito chegando e conversando com um jovem que "
    "vinha na direção contrária (veja vídeo acima)."
)


@pytest.mark.parametrize("guess", ["cp775", "cp850", "cp852", "mac_latin2", "mac_roman"])
def test_a_dos_or_mac_guess_loses_to_cp1252_words(
    guess: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(io_decode, "_charset_guess", lambda data: guess)
    data = DIACONO.encode("cp1252")
    assert io_decode.decode_bytes(data) == (DIACONO, "cp1252")


def test_a_real_dos_file_keeps_its_code_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io_decode, "_charset_guess", lambda data: "cp850")
    data = DIACONO.encode("cp850")
    assert io_decode.decode_bytes(data) == (DIACONO, "cp850")


def test_cyrillic_guess_is_not_overruled(monkeypatch: pytest.MonkeyPatch) -> None:
    ru = "Президент заявил, что переговоры продолжатся в среду в Москве."
    monkeypatch.setattr(io_decode, "_charset_guess", lambda data: "cp1251")
    assert io_decode.decode_bytes(ru.encode("cp1251")) == (ru, "cp1251")


# Turkish Datastore news export (feed items, /tmp/H7/s31/tr_news.jsonl, session 31): 58 of
# 1,667 links are feedproxy.google.com/~r/amerikabulteni/~3/LnkoyNoCZug/ (outlet was 'google.com')
def test_redirector_urls_name_no_outlet() -> None:
    host = io_outlets.url_host
    assert host("http://feedproxy.google.com/~r/amerikabulteni/~3/LnkoyNoCZug/") is None
    assert host("https://t.co/x1Y2z3") is None
    assert host("https://news.google.com/rss/articles/CBMiX2h0?oc=5") is None
    assert host("http://rss.feedsportal.com/c/32739/f/530495/s/1c1b/story01.htm") is None
    assert (
        host("https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bbc.co.uk%2Fnews%2Fuk-1&h=AT0")
        == "bbc.co.uk"
    )
    assert host("https://news.google.com/news/url?url=https://www.reuters.com/a/b&ct=ga") == (
        "reuters.com"
    )
    # google.com itself and its other sites stay sites
    assert host("https://blog.google.com/x") == "google.com"
    # a column of redirector links is still a URL column
    assert io_outlets.is_url_cell("http://feedproxy.google.com/~r/amerikabulteni/~3/Lnk/")


def test_a_table_of_feed_links_leaves_redirected_rows_without_outlet(tmp_path: Path) -> None:
    rows = [
        {
            "title": "Irak büyükelçisini bakanlığa çağırdılar!",
            "description": "Bahreyn " * 12,
            "link": "http://www.spothaber.com/guncel/irak-buyukelcisini-h254801.html",
        },
        {
            "title": "ABD'de seçim",
            "description": "Washington " * 12,
            "link": "http://feedproxy.google.com/~r/amerikabulteni/~3/LnkoyNoCZug/",
        },
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = ct.load_corpus(path, text_column="description")
    assert c.docs["outlet"].tolist()[0] == "spothaber.com"
    assert c.docs["outlet"].isna().tolist() == [False, True]
    text = " ".join(str(w.message) for w in caught)
    assert "1 line(s) whose URL is a link shortener's, feed redirector's or aggregator's" in text


# codelucas/newspaper (MIT), tests/data/html/details.com1.html: a saved "Page Not Found" page
# (the error part of its body); fool.com2.html: 'Forbidden' / 'HTTP Error 403'
NOT_FOUND = (
    "<html><head><title>Page Not Found</title></head><body><div id='main'><div class='error'>"
    "<h1>404 Errors</h1><div class='wait'>WAIT,DON'T LEAVE YET!</div><ol>"
    "<li>Use your browser's back button to return to the page that brought you here.</li>"
    "<li>Enter a search term below.</li></ol></div></div></body></html>"
)
FORBIDDEN = (
    "<HTML><HEAD><TITLE>Forbidden</TITLE></HEAD>\n<BODY><h2>Forbidden URL</h2>\n"
    "<hr><p>HTTP Error 403. The request URL is forbidden.</p></BODY></HTML>"
)
ARTICLE = (
    "<html><head><title>Cigar rollers in Havana thrilled with warming U.S.-Cuba policy</title>"
    "</head><body><article><h1>Cigar rollers in Havana thrilled</h1><p>"
    + "It's a formerly 'forbidden fruit' sure to be enjoyed by cigar aficionados on both sides "
    "of the Florida Straits, and the rollers in Havana say so. "
    * 3
    + "</p></article></body></html>"
)


def test_error_pages_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "details.com1.html").write_text(NOT_FOUND, encoding="utf-8")
    (tmp_path / "fool.com2.html").write_text(FORBIDDEN, encoding="utf-8")
    (tmp_path / "usnews.html").write_text(ARTICLE, encoding="utf-8")
    c = ct.load_corpus(tmp_path)
    assert c.docs["source"].tolist() == ["usnews.html"]
    reasons = dict(c.skipped.values.tolist())
    # the page's title is its <h1> here (trafilatura's choice)
    assert reasons["details.com1.html"].startswith(
        "an error page, not an article (title '404 Errors', 26 words)"
    )
    assert reasons["fool.com2.html"].startswith("an error page, not an article (title 'Forbidden'")
    assert "fetch it again or leave it out" in reasons["fool.com2.html"]


def test_a_relative_sidecar_date_is_not_replaced_by_the_url_date(tmp_path: Path) -> None:
    # a crawler's metadata.csv: '2 days ago' names no day; the URL's /2022/07/18/ would date
    # the document while the warning says it is loaded without a date: now both say undated
    (tmp_path / "a.txt").write_text(
        "Talks end in Geneva.\n\nThe ministers met on Tuesday and agreed to meet again.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Second story.\n\nMore words of the story.\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,url,published\n"
        "a.txt,https://example.com/2022/07/18/talks-end,2 days ago\n"
        "b.txt,https://example.com/2023/05/09/second,\n",
        encoding="utf-8",
    )
    with pytest.warns(ct.CorpusToolsWarning, match="'2 days ago'"):
        d = ct.load_corpus(tmp_path).docs
    assert d["published"].tolist()[0] is pd.NaT
    assert d["published_source"].tolist() == [None, "url"]
    assert d["published"].tolist()[1] == pd.Timestamp("2023-05-09")


# Turkish Datastore news export (/tmp/H7/s31/tr_news.jsonl; the project's licence is not stated;
# a one-sentence excerpt): fotomac.com.tr items end their description with a read-more link
FOTOMAC = (
    "Akhisar'ın büyüsü bozuldu. Trabzon bu seriyi...  <a href=\"https://www.fotomac.com.tr/"
    'akhisarbelediyespor/2018/03/13/buyu-bozuldu">Devamı için tıklayınız<a/>'
)


def test_a_cell_final_read_more_link_is_a_line_of_its_own(tmp_path: Path) -> None:
    from corpus_tools.io.feeds import markup_text

    assert markup_text(FOTOMAC) == (
        "Akhisar'ın büyüsü bozuldu. Trabzon bu seriyi...\n\nDevamı için tıklayınız"
    )
    # a link that ends a sentence's words stays in it
    assert markup_text('Talks ended, said <a href="https://x.org/">the ministry</a>') == (
        "Talks ended, said the ministry"
    )
    # recurring across an outlet's items, the line is then a learned template
    rows = [
        {"link": f"https://www.fotomac.com.tr/a/{i}", "description": FOTOMAC.replace("Akhisar", w)}
        for i, w in enumerate(["Akhisar", "Konya", "Bursa", "Karabük", "Sivas", "Rize"])
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = ct.load_corpus(path, text_column="description")
    assert not any("tıklayınız" in t for t in c.docs["text"])
    log = c.cleaning_log
    assert set(log[log["text"].str.contains("tıklayınız")]["rule"]) == {"template:learned"}
