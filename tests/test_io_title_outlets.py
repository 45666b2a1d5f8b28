"""Outlets from a <title> end shared across the pages of a folder (io.load's outlet pass)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import corpus_tools as ct
from corpus_tools.io.load import TITLE_TAG_KEY, _title_site_outlets
from corpus_tools.io.outlets import TITLE_SITE_SOURCE, shared_title_sites


def _docs(tags, outlets=None, paths=None, urls=None, formats=None):
    n = len(tags)
    return pd.DataFrame(
        {
            "title": [t.split(" - ")[0].split(" | ")[0] for t in tags],
            TITLE_TAG_KEY: tags,
            "outlet": outlets or [None] * n,
            "outlet_source": [
                None if o is None else "page:og:site_name" for o in outlets or [None] * n
            ],
            "path": paths or [f"bbc/{i}.html" for i in range(n)],
            "url": urls or [None] * n,
            "format": formats or ["html"] * n,
        },
        dtype=object,
    )


def test_a_shared_last_part_names_the_site_and_titles_stay():
    docs = _docs(["Storm hits coast - BBC News", "Talks end - BBC News", "Vote due - BBC News"])
    _title_site_outlets(docs)
    assert docs["outlet"].tolist() == ["BBC News"] * 3
    assert docs["outlet_source"].tolist() == [TITLE_SITE_SOURCE] * 3
    assert docs["title"].tolist() == ["Storm hits coast", "Talks end", "Vote due"]
    assert TITLE_TAG_KEY not in docs.columns  # the carrier column is dropped


def test_two_pages_or_one_page_give_no_outlet():
    docs = _docs(["Storm hits coast - BBC News", "Talks end - BBC News", "Vote due"])
    _title_site_outlets(docs)
    assert docs["outlet"].tolist() == [None] * 3


def test_the_page_or_table_outlet_is_never_replaced():
    tags = ["A - BBC News", "B - BBC News", "C - BBC News"]
    docs = _docs(tags, outlets=["BBC", None, None])
    _title_site_outlets(docs)
    assert docs["outlet"].tolist() == ["BBC", "BBC News", "BBC News"]
    assert docs["outlet_source"].tolist() == [
        "page:og:site_name",
        TITLE_SITE_SOURCE,
        TITLE_SITE_SOURCE,
    ]


def test_a_section_inside_titles_is_no_site_and_the_last_part_wins():
    tags = [
        "Obama wins - Politics - BBC News",
        "Tax rise - Politics - BBC News",
        "Vote due - Politics - BBC News",
        "Poll - Politics",
        "Debate - Politics",
        "Budget - Politics",
    ]
    docs = _docs(tags)
    _title_site_outlets(docs)
    # 'Politics' ends 3 titles but stands inside 3 more: a section
    assert docs["outlet"].tolist() == ["BBC News"] * 3 + [None] * 3


def test_folders_are_apart_and_a_fifth_of_a_folder_is_needed():
    tags = ["A | The Straits Times", "B | The Straits Times", "C | The Straits Times"]
    tags += [f"Story {i}" for i in range(13)]  # 3 of 16 pages: under a fifth
    docs = _docs(tags)
    _title_site_outlets(docs)
    assert docs["outlet"].isna().all()
    paths = [f"st/{i}.html" for i in range(3)] + [f"other/{i}.html" for i in range(13)]
    docs = _docs(tags, paths=paths)
    _title_site_outlets(docs)
    assert docs["outlet"].tolist()[:4] == ["The Straits Times"] * 3 + [None]


def test_text_files_and_identical_titles_are_left_alone():
    docs = _docs(["A - Site", "B - Site", "C - Site"], formats=["text"] * 3)
    _title_site_outlets(docs)
    assert docs["outlet"].isna().all()
    # the same title on every page ("Reddit - The heart of the internet") names no site
    assert shared_title_sites(["g"] * 3, ["Reddit - The heart of the internet"] * 3, 5) == {}


def test_a_long_last_part_and_a_url_host_group():
    tags = ["A - this is far too long to be a name", "B - this is far too long to be a name"]
    assert shared_title_sites(["g", "g"], tags, 5) == {}
    urls = [f"https://www.npr.org/2024/{i}" for i in range(3)]
    docs = _docs(["A : NPR", "B : NPR", "C : NPR"], urls=urls, paths=["x/1", "y/2", "z/3"])
    _title_site_outlets(docs)  # one URL host: one group although the folders differ
    assert docs["outlet"].tolist() == ["NPR"] * 3


def _bare_page(headline: str, site: str) -> str:
    body = "".join(
        f"<p>Paragraph {i}: the council met again on Tuesday and agreed to keep the talks "
        "going for another week, officials said.</p>"
        for i in range(6)
    )
    return (
        f"<!DOCTYPE html><html><head><title>{headline} - {site}</title></head>"
        f"<body><article><h1>{headline}</h1>{body}</article></body></html>"
    )


def test_the_whole_title_tag_names_the_outlet_of_saved_pages(tmp_path: Path) -> None:
    """The page reader hands the loader the whole <title> (trafilatura's title is the
    headline alone), so pages saved without any site metadata get their outlet; streaming
    readers never see the carrier key."""
    folder = tmp_path / "saved"
    folder.mkdir()
    for i, head in enumerate(["Storm hits coast", "Council votes on budget", "Rail strike ends"]):
        (folder / f"p{i}.html").write_text(_bare_page(head, "Harbour Gazette"), encoding="utf-8")
    corpus = ct.load_corpus(folder)
    docs = corpus.docs.sort_values("doc_id")
    assert docs["title"].tolist() == [
        "Storm hits coast",
        "Council votes on budget",
        "Rail strike ends",
    ]
    assert docs["outlet"].tolist() == ["Harbour Gazette"] * 3
    assert set(docs["outlet_source"]) == {"page:title:shared"}
    assert "_title_tag" not in corpus.docs.columns
    streamed = list(ct.iter_documents(folder))
    assert len(streamed) == 3 and all("_title_tag" not in d for d in streamed)
