"""Session 36 (H1): a teaser list standing inside the body (a "related stories" box
between two paragraphs) is removed; the article's own lists and boxes stay."""

from corpus_tools import blocks

P1 = (
    "Officials said on Thursday that the talks over the harbour project in the capital would "
    "resume next week, after a pause of more than a month in which both sides traded blame."
)
P2 = (
    "The harbour authority said the new terminal would open in the spring, and that the "
    "dredging of the channel had already begun despite the objections of local fishermen."
)
P3 = (
    "Residents of the harbour district have asked the council to publish the terminal's "
    "environmental report before the talks resume, a request the mayor said she supports."
)
RELATED = [
    "Storm Ciara Leaves Thousands Without Power Across Northern Wales",
    "Footballer Signs Record Contract With Spanish Champions",
    "Celebrity Chef Opens Vegan Bakery In Brooklyn Warehouse",
]
OWN = [
    "Harbour Terminal Opening Delayed Until Spring Dredging Ends",
    "Harbour Authority Defends Channel Dredging Against Fishermen",
    "Council Asks Harbour Authority For Terminal Environmental Report",
]


def _page(box: list[str], intro: str | None = None) -> list[str]:
    head = ["Talks over harbour project to resume next week", P1, P1]
    return head + ([intro] if intro else []) + box + [P2, P3, P2, P3]


def test_related_box_inside_the_body_is_removed() -> None:
    doc = _page(RELATED)
    out = blocks.classify_lines([(i, v, None) for i, v in enumerate(doc)])
    assert set(out) == {3, 4, 5}
    assert all(r == "block:chrome_words" for r, _ in out.values())
    assert all("teaser list" in d for _, d in out.values())


def test_a_box_sharing_the_articles_words_stays() -> None:
    doc = _page(OWN)
    assert blocks.classify_lines([(i, v, None) for i, v in enumerate(doc)]) == {}


def test_a_list_the_article_introduces_with_a_colon_stays() -> None:
    doc = _page(RELATED, "Other stories the reporters covered this week:")
    out = blocks.classify_lines([(i, v, None) for i, v in enumerate(doc)])
    assert not set(out) & {4, 5, 6}
