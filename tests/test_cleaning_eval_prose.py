"""Reader comments printed after the article (issue 15): a thread of signed comments goes
as ``block:comments``; dated lines that are not signatures (a timeline, quoted tweets, a
byline repeated by teasers) do not make a thread. Also the pieces of the second
evaluation set of ``benchmarks/bench_cleaning.py`` (L3S-GN1)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from _prose import P1, P2
from conftest import bench_module

from corpus_tools.clean import clean_text, reconstruct_text
from corpus_tools.errors import DataFileError
from corpus_tools.prose import comment_threads, load_prose_settings, signature_frame

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Ministers agree to resume border talks"
P3 = (
    "The last round collapsed in March after a dispute over the order of the agenda, and "
    "neither side had proposed a new date since then, diplomats in both capitals said."
)
C1 = (
    "It is about time they talked again, and I hope that this round lasts longer than the "
    "last one did, because the people who live along the border have waited for years."
)
C2 = (
    "Nothing will change until the border question itself is on the table, and neither "
    "government has shown that it is ready to put it there, whatever the statement says."
)
C3 = (
    "Geneva again? They should meet somewhere closer to the people it affects, so that the "
    "families on both sides of the line can see what is being agreed in their name."
)
NAMES = ["Lucky Lakeshore", "Suzanne", "jim", "RetCombatVet", "MadeleineFL", "stat"]
TEXTS = [C1, C2, C3]
#: six comments of the washingtonpost.com kind: the comment, then "Posted by: name | date"
COMMENTS = [
    line
    for k, name in enumerate(NAMES)
    for line in (
        f"{TEXTS[k % 3]} {TEXTS[(k + 1) % 3].split(',')[0]}, says reader number {k + 1}.",
        f"Posted by: {name} | January 14, 2008 0{k + 1}:{10 + 7 * k} PM",
    )
]
FOOTER = ["Post a Comment", "Contact Us", "Privacy Policy"]


def _kept(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def _rules(rows: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r["rule"], []).append(r["text"].strip())
    return out


def test_signed_comment_thread_after_the_article_goes():
    raw = "\n".join([TITLE, P1, P2, P3, "3 Comments", *COMMENTS, *FOOTER])
    text, rows = clean_text(raw)
    assert _kept(text) == [TITLE, P1, P2, P3]
    # the classifier alone keeps the first four comments (their prose outweighs the
    # stamps): more words than the article, so the page is judged again without the
    # thread, which goes whole
    by_rule = _rules(rows)
    assert by_rule["block:comments"] == COMMENTS
    assert by_rule["block:after_body"] == FOOTER[1:]
    thread = [r for r in rows if r["rule"] == "block:comments"]
    assert {r["category"] for r in thread} == {"block"}
    assert thread[0]["detail"] == (
        "comment thread: 6 comments signed like 'Posted by: Lucky Lakeshore | January 14, "
        "2008 01:10 PM' (lines 6-17)"
    )
    assert reconstruct_text(text, rows) == raw


def test_signatures_that_head_their_comments():
    # "Name says: date" above each comment: the last comment follows the last signature
    says = [
        line
        for k, name in enumerate(NAMES)
        for line in (
            f"{name} says: May {k + 3}, 2019 at {k + 1}:{10 + 7 * k} am",
            f"{TEXTS[k % 3]} {TEXTS[(k + 2) % 3].split(',')[0]}, says reader number {k + 1}.",
        )
    ]
    raw = "\n".join([TITLE, P1, P2, P3, "Leave a Reply", *says, "Contact Us"])
    text, rows = clean_text(raw)
    assert _kept(text) == [TITLE, P1, P2, P3]
    by_rule = _rules(rows)
    assert by_rule["block:comments"] + by_rule["block:after_body"] == [*says, "Contact Us"]
    assert by_rule["block:comments"]  # the classifier alone would keep some comments
    assert reconstruct_text(text, rows) == raw


def test_the_article_before_an_unheaded_thread_is_never_taken_for_a_comment():
    # no line between the article and the first comment: the first comment may be the
    # article's last paragraph, so only what the signatures enclose goes
    raw = "\n".join([TITLE, P1, P2, P3, *COMMENTS])
    text, rows = clean_text(raw)
    assert _kept(text) == [TITLE, P1, P2, P3, COMMENTS[0]]
    # the thread held most of what the classifier kept: judged again without it, the
    # page loses the thread whole (the classifier alone cut its last comments)
    assert _rules(rows)["block:comments"] == COMMENTS[1:]
    assert reconstruct_text(text, rows) == raw


def test_dated_lines_that_are_not_signed_comments_stay():
    timeline = [
        "January 5, 2008",
        "Police arrested two men after the fire at the depot near the harbour.",
        "January 7, 2008",
        "The court refused bail and set a date for the first hearing in March.",
        "January 9, 2008",
        "The company said it would rebuild the depot on the same site this year.",
    ]
    tweets = [
        "The minister's remarks were quoted widely on social media within the hour.",
        "— Jane Roe (@janeroe) March 16, 2020",
        "Many users said the talks should have resumed much earlier than this.",
        "— John Poe (@johnpoe) March 16, 2020",
        "Others pointed out that the last round had achieved almost nothing at all.",
        "— Ann Moe (@annmoe) March 17, 2020",
    ]
    for block in (timeline, tweets):
        raw = "\n".join([TITLE, P1, *block, P2, P3])
        text, rows = clean_text(raw)
        assert not [r for r in rows if r["rule"] == "block:comments"], block
        assert [P1, P2, P3] == [ln for ln in _kept(text) if ln in (P1, P2, P3)]


def test_signature_frames():
    assert signature_frame("Posted by: Sean | Jan 10, 2008 4:49:12 PM") == signature_frame(
        "Posted by: Mr. Prakash Walinjkar | Jan 11, 2008 10:02:18 AM"
    )
    assert signature_frame("TonyZ (6 days ago)") == ("(", "0", "days", "ago", ")")
    assert signature_frame("January 10, 2008") is None  # no name
    assert signature_frame("We hope you enjoy Python 3.6.0!") is None  # a version, not a date
    assert signature_frame("Posted by: Sean") is None  # no date
    long = "Posted by: Sean on the day when the talks resumed after a long pause, Jan 10, 2008"
    assert signature_frame(long) is None  # too long for a signature


def test_thread_needs_three_signatures_and_comments_between_them():
    body = [P1, P2, P3]
    two = ["Comments", *COMMENTS[:4]]
    lines = [(i, v, None) for i, v in enumerate([TITLE, *body, *two])]
    assert comment_threads(lines, {}) == {}
    # signatures one after another, with no comment between: a list, not a thread
    names = ["Posted by: Ann | Jan 10, 2008 4:49 PM", "Posted by: Bo | Jan 10, 2008 5:02 PM"]
    names.append("Posted by: Cy | Jan 11, 2008 9:15 AM")
    lines = [(i, v, None) for i, v in enumerate([TITLE, *body, "Comments", *names])]
    assert comment_threads(lines, {}) == {}


def test_prose_settings_file_is_checked(tmp_path):
    s = load_prose_settings()
    assert (s.min_signatures, "posted" in s.signature_cues, "comments" in s.thread_headings) == (
        3,
        True,
        True,
    )
    bad = tmp_path / "prose.yml"
    bad.write_text("thresholds:\n  min_signatures: 0\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="prose.yml: threshold 'min_signatures'"):
        load_prose_settings(str(bad))
    bad.write_text("signatures: [x]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"prose.yml: unknown key\(s\) \['signatures'\]"):
        load_prose_settings(str(bad))


# ---------------------------------------------------------------- the L3S-GN1 set
@pytest.fixture(scope="module")
def bench():  # noqa: ANN201
    with bench_module("bench_cleaning") as mod:
        yield mod


def test_l3s_split_file_is_the_site_rule(bench):  # noqa: ANN001
    head = bench.L3S_SPLIT_FILE.read_text(encoding="utf-8").splitlines()[:5]
    assert any("research use only" in h for h in head)
    assert any("geodrome/page-signal" in h for h in head)
    with bench.L3S_SPLIT_FILE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(ln for ln in f if not ln.startswith("#")))
    assert len(rows) == 621
    recorded = {r["key"]: r["part"] for r in rows}
    pages = [{"key": r["key"], "host": r["site"]} for r in rows]
    assert bench.site_split_of(pages) == recorded
    assert sum(p == "dev" for p in recorded.values()) == 274
    # every site is on one side only
    sides: dict[str, set[str]] = {}
    for r in rows:
        sides.setdefault(r["site"], set()).add(r["part"])
    assert all(len(v) == 1 for v in sides.values())
    assert len(sides) == 379


def test_l3s_gold_page_and_site(bench, monkeypatch):  # noqa: ANN001
    annotated = (
        "<html><head><style>.x-nc-sel2{}</style></head><body>"
        '<div><span class="x-nc-sel0">Home</span> <span class="x-nc-sel1">Head line</span></div>'
        '<p><span class="x-nc-sel2">First <a href="#">linked</a> part.</span></p>'
        '<input class="x-nc-invisible" value="q"><div class="x-nc-invisible">hidden menu</div>'
        '<p><span class="x-nc-sel2">Second part.</span></p>'
        '<p><span class="x-nc-sel5">A comment.</span></p></body></html>'
    )
    assert bench.l3s_gold(annotated) == "First linked part.\nSecond part."
    page = bench.l3s_page(annotated)
    assert bench.render_text(page) == (
        "Home Head line\nFirst linked part.\nSecond part.\nA comment.\n"
    )
    site = '<a href="http://news.example.co.uk/a">a</a><a href="http://www.example.co.uk/b">b</a>'
    share = '<a href="http://digg.com/submit">digg</a>'
    htmls = {"p1": site + share * 3, "p2": share, "p3": "<p>no links</p>"}
    assert bench.l3s_sites(htmls) == {"p1": "digg.com", "p2": "digg.com", "p3": "page:p3"}
    # a domain linked from many pages is a share button, not the site
    monkeypatch.setattr(bench, "L3S_SHARED_HOST_PAGES", 2)
    assert bench.l3s_sites(htmls) == {"p1": "example.co.uk", "p2": "page:p2", "p3": "page:p3"}


# ------------------------------------------------------------ dateline ledes
TEASERS = [
    "Injured Tree Worker From Mexico Gets $30,000 in Settlement",
    "New Leader Chosen for T.F. Green Airport",
    "Sen. Jack Reed heads for Iraq",
    "Judge allows demolition of historic Providence warehouse",
    "Defendants in Smoke Shop Case ask Judge to Dismiss Charges",
    "Rhode Island Rams fall one place, to No. 23, in latest AP poll",
    "Gas Prices Fall a Few Cents in Rhode Island",
    "Associated Press - January 11, 2008 4:13 PM ET",
]
LEDE = (
    "EUGENE, Ore. (AP) - Oregon running back Jonathan Stewart will pass up his senior "
    "season and enter the NFL draft."
)
BODY = [
    "The school confirmed Stewart's decision today.",
    "The junior averaged 132.5 yards per game while rushing for a school-record 1,722 "
    "yards. He played a big role in the Ducks' 9-4 season.",
    "He ran for 253 yards in Oregon's 56-21 victory over South Florida in the Sun Bowl.",
]
TAIL = ["Know More", "All About DTV", "Eyewitness News Blogs"]


def test_a_dateline_lede_below_a_teaser_list_opens_the_article():
    from corpus_tools.blocks import classify_lines
    from corpus_tools.prose import classify_page_lines, dateline_ledes

    doc = ["WPRI.com", "Home", "News", "more»", *TEASERS, LEDE, *BODY, *TAIL]
    lines = [(i, v, None) for i, v in enumerate(doc)]
    alone = classify_lines(lines)
    assert alone[12][0] == "block:before_body"  # the classifier takes it for a teaser
    assert dateline_ledes(lines, alone) == [12]
    assert sorted(classify_page_lines(lines)) == [*range(12), 16, 17, 18]
    raw = "\n".join(doc)
    text, rows = clean_text(raw)
    assert _kept(text) == [LEDE, *BODY]
    assert reconstruct_text(text, rows) == raw
    # a teaser that is not a paragraph, or a dateline line far above the body, stays removed
    short = "LONDON (Reuters) - Shares fall"
    doc2 = ["WPRI.com", "Home", "News", "more»", *TEASERS[:4], short, *TEASERS[4:], *BODY]
    lines2 = [(i, v, None) for i, v in enumerate(doc2)]
    assert dateline_ledes(lines2, classify_lines(lines2)) == []


def test_a_thread_longer_than_its_post_is_not_taken_for_the_article():
    # a short blog post, then a heading with a count ("{ 12 comments ... }") and a long
    # thread signed "Name date at time" (no comment cue in the signature): the
    # classifier alone keeps the thread with the post; the thread holds most of what
    # it kept, so the page is judged again without it
    post = [
        P1,
        "\u201cBut I am not angry at my enemies!\u201d",
        "\u201cDo you think God is angry at you?\u201d",
        "\u201cOf course not!\u201d",
    ]
    signed = [
        (
            f"{NAMES[k % 6]} July {k + 2}, 2012 at {k % 9 + 1}:{10 + k} pm",
            f"{TEXTS[k % 3]} {TEXTS[(k + 1) % 3]}",
        )
        for k in range(12)
    ]
    thread = [line for sig, comment in signed for line in (sig, comment, "Reply")]
    head = "{ 12 comments\u2026 read them below or add one }"
    top = ["Home", "Archives", "Forgiving your enemies", "by Jane Roe on June 27, 2012"]
    raw = "\n".join([*top, *post, "Previous post: Spring", "Next post: Autumn", head, *thread])
    text, rows = clean_text(raw)
    # (the three-word last line goes with the chrome after it: too short to carry over)
    assert _kept(text) == post[:3]
    by_rule = _rules(rows)
    assert by_rule["block:comments"] == [line for pair in signed for line in pair]
    assert by_rule["comment_form"] == ["Reply"] * 12
    assert reconstruct_text(text, rows) == raw
    # the classifier alone keeps most of the thread (with the post)
    from corpus_tools.blocks import classify_lines

    lines = raw.split("\n")
    alone = classify_lines([(i, v, None) for i, v in enumerate(lines)])
    comments = [k for k, v in enumerate(lines) if v in TEXTS or any(v == c for _, c in signed)]
    assert sum(k not in alone for k in comments) >= 9
