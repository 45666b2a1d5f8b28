"""Session 28: the command line on a folder of many files that each earn the same warning."""

from __future__ import annotations

from corpus_tools import cli

LONG = "The council approved the new budget for schools and roads after a long debate. "


def _feed(n: int) -> str:
    items = "".join(
        f"<item><title>Item {n}.{k}</title><link>https://site{n}.example.org/{k}</link>"
        f"<pubDate>2005-5-{k + 1} 16:05:36</pubDate><description>{LONG}</description></item>"
        for k in range(2)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    )


def test_the_same_warning_about_many_files_is_printed_three_times_then_counted(tmp_path, capsys):
    for n in range(6):
        (tmp_path / f"f{n}.xml").write_text(_feed(n))
    assert cli.main(["info", str(tmp_path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"corpus-tools: warning: f{n}.xml: the feed's 2 items hold summaries, not articles "
        "(median 14 words); each item is loaded with the text the feed gives. For the articles, "
        "fetch the pages at their links (docs 'url') and load those."
        for n in range(3)
    ] + [
        "corpus-tools: warning: ... and 3 more warning(s) like the above (the feed's N items "
        "hold summaries, not articles (median N wo...); rerun with --debug to see every one."
    ]
    # the dates written 2005-5-1 16:05:36 (year first, so never ambiguous) are read
    assert cli.main(["info", str(tmp_path / "f0.xml")]) == 0
    assert "Dates: 2005-05-01 to 2005-05-02 (2 dated, 0 undated)" in capsys.readouterr().out


def test_warning_kinds_ignore_the_file_and_the_numbers():
    assert cli.warning_kind("a.xml: 3 items") == cli.warning_kind("dir/b.xml#item=2: 40 items")
    assert cli.warning_kind("no file here: 3") == "no file here: N"


def test_clean_writes_one_flat_file_per_web_address_id(tmp_path, capsys):
    feed = tmp_path / "in" / "f.xml"
    feed.parent.mkdir()
    items = "".join(
        f"<item><guid>http://blog.example.org/?p={k}</guid><title>T{k}</title>"
        f"<description>{LONG * 8}</description></item>"
        for k in (1, 2)
    )
    feed.write_text(f"<rss><channel><title>F</title>{items}</channel></rss>")
    out = tmp_path / "out"
    assert cli.main(["clean", str(feed.parent), "--out", str(out)]) == 0
    capsys.readouterr()
    # was texts/http_/blog.example.org_p_1.txt: a folder named after the scheme
    assert sorted(p.name for p in (out / "texts").iterdir()) == [
        "http_blog.example.org__p_1.txt",
        "http_blog.example.org__p_2.txt",
    ]
