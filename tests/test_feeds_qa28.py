"""Session 28: saved feeds as crawlers and browsers leave them (chardet's test feeds).

Before: a feed declaring an encoding lxml does not know (IBM855) or holding bytes outside
its declared one (Windows' additions to Shift_JIS) was skipped whole as "not well-formed
XML"; a feed cut short by its download, or with a PHP warning printed after it, lost every
item; items written after </channel> (some RSS 0.91 feeds) were "RSS feed with no items";
an HTML page saved as .xml was "not well-formed XML".
"""

from __future__ import annotations

import warnings

import pytest

import corpus_tools as ct

LONG = "The council approved the new budget for schools and roads after a long debate. " * 3


def _item(n: int, text: str = LONG) -> str:
    return (
        f"<item><title>Item {n}</title><link>https://news.example.org/{n}</link>"
        f"<description>{text}</description></item>"
    )


def _feed(body: str, encoding: str = "UTF-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>'
        f"<title>News</title>{body}</channel></rss>\n"
    )


def _load(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ct.load_corpus(path)


def test_an_encoding_lxml_does_not_know_is_read_by_python(tmp_path):
    ru = "Правительство утвердило новый бюджет для школ и дорог после долгих споров. " * 3
    (tmp_path / "aif.xml").write_bytes(_feed(_item(1, ru), "IBM855").encode("cp855"))
    corpus = _load(tmp_path)
    assert corpus.skipped.empty
    assert corpus.docs.text.tolist() == [ru.strip()]


def test_windows_additions_to_a_declared_code_page_are_read(tmp_path):
    ja = "①東京都の予算案が可決された。髙橋知事は会見で説明した。" * 4
    (tmp_path / "jp.xml").write_bytes(_feed(_item(1, ja), "Shift_JIS").encode("cp932"))
    corpus = _load(tmp_path)
    assert corpus.docs.text.tolist() == [ja]


def test_bytes_wrong_in_every_reading_are_replaced_and_said(tmp_path):
    data = _feed(_item(1, LONG + "Caf\udc81")).encode("utf-8", "surrogateescape")
    (tmp_path / "bad.xml").write_bytes(data.replace(b"UTF-8", b"ascii", 1))
    with pytest.warns(ct.CorpusToolsWarning, match=r"bad.xml: the feed says encoding='ascii', but"):
        corpus = ct.load_corpus(tmp_path / "bad.xml")
    assert corpus.docs.text.iloc[0].endswith("Caf\ufffd")


def test_a_feed_cut_short_keeps_its_whole_items_and_names_the_cut(tmp_path):
    whole = _feed(_item(1) + _item(2) + _item(3))
    (tmp_path / "cut.xml").write_text(whole[: whole.index("Item 3") + 40])
    corpus = _load(tmp_path)
    assert corpus.docs.title.tolist() == ["Item 1", "Item 2"]
    assert corpus.skipped.path.tolist() == ["cut.xml#end"]
    why = corpus.skipped.reason.iloc[0]
    assert why.startswith("the file ends inside feed item 3 (line 2, column ")
    assert why.endswith(
        "as a download cut short does: item 3 not read (the 2 item(s) before it are "
        "loaded); save the feed again from its address"
    )


def test_a_feed_cut_before_its_first_item_ends_is_skipped_with_that_reason(tmp_path):
    whole = _feed(_item(1))
    (tmp_path / "cut.xml").write_text(whole[: whole.index("council") + 20])
    corpus = _load(tmp_path)
    assert corpus.docs.empty
    assert corpus.skipped.reason.iloc[0].startswith(
        "the file ends before its first feed item does (line 2, column "
    )


def test_text_printed_after_the_feed_is_named_and_the_items_kept(tmp_path):
    php = "<br />\n<b>Warning</b>: Unknown: Your script possibly relies on a session side-effect"
    (tmp_path / "php.xml").write_text(_feed(_item(1) + _item(2)) + php)
    corpus = _load(tmp_path)
    assert corpus.docs.title.tolist() == ["Item 1", "Item 2"]
    assert corpus.skipped.values.tolist() == [
        [
            "php.xml#end",
            "text after the end of the feed (line 3, column 1: Extra content at the end of the "
            "document) not read, e.g. a server's error message printed after it; the feed's 2 "
            "item(s) are loaded",
        ]
    ]


def test_items_after_the_channel_are_items(tmp_path):
    (tmp_path / "old.xml").write_text(
        '<?xml version="1.0"?><rss version="0.91"><channel><title>Greek.Ru</title></channel>'
        + _item(1)
        + _item(2)
        + "</rss>"
    )
    assert _load(tmp_path).docs.title.tolist() == ["Item 1", "Item 2"]


def test_a_web_page_saved_as_xml_says_to_rename_it(tmp_path):
    (tmp_path / "page.xml").write_bytes(
        b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">\n<html><head>'
        + "<title>ニュース</title>".encode("cp932")
        + b"</head><body><p>x</p></body></html>"
    )
    assert _load(tmp_path).skipped.values.tolist() == [
        [
            "page.xml",
            "a web page (HTML) saved as .xml, not a feed: rename it to .html to load its article",
        ]
    ]


def test_a_feed_gives_no_table_warnings_about_its_links_or_empty_items(tmp_path):
    (tmp_path / "a.xml").write_text(_feed(_item(1, LONG * 2) + _item(2, LONG * 2)))
    (tmp_path / "titles.xml").write_text(_feed(_item(3, "") + _item(4, "")))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(tmp_path)
    # the outlet of a feed item is its link's host, as documented: no "no outlet column" note
    # (one per feed file: a folder of 300 saved feeds printed 300); items without text are
    # skipped rows, not "summaries (median 0 words)"
    assert [str(w.message) for w in caught] == []
    assert corpus.docs.outlet.tolist() == ["example.org", "example.org"]
    assert corpus.skipped.path.tolist() == ["titles.xml#item=1", "titles.xml#item=2"]


def test_a_feed_items_source_names_the_item(tmp_path):
    (tmp_path / "a.xml").write_text(_feed(_item(1) + _item(2)))
    assert _load(tmp_path).docs.source.tolist() == ["a.xml#item=1", "a.xml#item=2"]
