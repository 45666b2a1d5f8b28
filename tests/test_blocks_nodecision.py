"""The classifier's fast exact test of a page that is all article (blocks._whole_article)
and prose's shortcuts on a page the classifier cut nothing from: the same decisions as
the full path, on pages built at random from every kind of line the classifier tells apart."""

import dataclasses
import random

import pytest

from corpus_tools import blocks, prose

BODY = (
    "Officials said on Thursday that the talks in the capital would resume next week, "
    "after a pause of more than a month in which both sides had traded blame for it."
)
SENTENCE = "The minister said that the plan would be put to a vote in the spring."
LINES = [
    "Talks to resume next week",  # headline (short)
    "Ministers agree",  # short title
    BODY,
    BODY.replace("Thursday", "Friday"),
    SENTENCE,
    "Shares of Acme Corp, Globex and Initech rose by 3 per cent in early trade on",  # near-good
    "Qatar Lindsey Graham Emmanuel Macron Sergei Lavrov Ursula von der Leyen Narendra Modi",
    "Home | News | Sport | Weather | Contact",  # menu
    "Contact Us",  # chrome words
    "Privacy Policy",
    "11/20/2019 01:14 PM",  # stamp
    "By Jane Doe",
    "Posted by: Ann | Jan 10, 2008 4:49 PM",  # signature
    "I agree with the plan.",
    "Read more:",
    None,  # a very long line
    "1. Flour",
    "2. Sugar",
    "Copyright 2024 Acme Media. All rights reserved. Read our privacy policy and cookie policy.",
]
REMOVED = [None] * 8 + ["share_button", "advertisement", "template:learned"]


def _settings() -> list[blocks.BlockSettings]:
    base = blocks.load_block_settings()
    return [
        base,
        dataclasses.replace(base, model_good=0.5, model_bad=0.5),
        dataclasses.replace(
            base, length_low=0, length_high=0, min_lines=1, teaser_run=1, stamp_penalty=0.0
        ),
        dataclasses.replace(base, min_lines=2, min_good_lines=0, removed_penalty=40.0),
    ]


def _pages(seed: int, n: int) -> list[list[tuple[int, str | None, str | None]]]:
    rng = random.Random(seed)
    pages = []
    for _ in range(n):
        size = rng.randint(1, 12)
        # mostly paragraphs, as on the pages the fast test is for
        mixed = rng.random() < 0.5
        pool = LINES if mixed else [BODY, SENTENCE, BODY, BODY, BODY, BODY, LINES[5], LINES[1]]
        removed = REMOVED if mixed or rng.random() < 0.5 else [None] * 12 + ["share_button"]
        rows = [rng.choice(LINES[:2] * 3 + LINES[5:9])] + [rng.choice(pool) for _ in range(size)]
        pages.append([(i, v, rng.choice(removed)) for i, v in enumerate(rows)])
    return pages


@pytest.mark.parametrize("k", range(4))
def test_fast_test_decides_as_the_full_path(monkeypatch: pytest.MonkeyPatch, k: int) -> None:
    s = _settings()[k]
    pages = _pages(k, 1000)
    fast = [blocks.classify_lines(p, s) for p in pages]
    taken = sum(
        p2 is not None and blocks._whole_article(p2)
        for p2 in (blocks._page(p, s) for p in pages if len(p) >= s.min_lines)
    )
    monkeypatch.setattr(blocks, "_whole_article", lambda page: False)
    full = [blocks.classify_lines(p, s) for p in pages]
    assert fast == full
    assert 20 < taken < len(pages)  # the test is taken, and not on every page
    assert sum(1 for d in full if d) > 50  # pages with decisions are among them


def test_a_title_and_paragraphs_take_the_fast_test() -> None:
    s = blocks.load_block_settings()
    page = blocks._page([(i, v, None) for i, v in enumerate(LINES[:1] + [BODY] * 4)], s)
    assert page is not None and page.cls[0] == "short"
    assert blocks._whole_article(page)
    # a paragraph of too few stopwords after the body, or a menu inside it: the full path
    for odd in (LINES[6], LINES[7]):
        rows = LINES[:1] + [BODY, BODY, odd, BODY] + ([odd] if odd == LINES[6] else [])
        page = blocks._page([(i, v, None) for i, v in enumerate(rows)], s)
        assert page is not None and not blocks._whole_article(page)
    assert blocks.classify_lines(
        [(i, v, None) for i, v in enumerate([*LINES[:1], BODY, BODY, BODY, LINES[7]])]
    )


def test_signature_positions_pass_over_paragraphs_alone() -> None:
    s = prose._default_settings()
    rows = [BODY, "Jeff MacLeod says:", "November 12, 2012 at 11:23 AM", BODY, LINES[12]]
    seq = [(i, v) for i, v in enumerate(rows * 3)]
    got = prose._signature_positions(seq, 0, s)
    frames = {
        fr: [k for k in range(1, len(seq)) if prose.signature_frame(seq[k][1] or "", s) == fr]
        for fr in got
    }
    assert sorted(got.values()) == sorted([[1, 6, 11], frames[prose.signature_frame(LINES[12], s)]])


def test_a_page_of_paragraphs_gets_no_decision() -> None:
    lines = [(i, v, None) for i, v in enumerate([LINES[0], BODY, SENTENCE, BODY, BODY])]
    assert prose.classify_page_lines(lines) == {}
    # a menu after it still goes
    out = prose.classify_page_lines([*lines, (5, LINES[7], None)])
    assert list(out) == [5] and out[5][0] == "block:after_body"
