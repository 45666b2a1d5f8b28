"""Session 41 (H1): the introduction of a long article above a table of contents stays
(blocks._intro_runs); unrelated prose above the body still goes."""

from corpus_tools.blocks import classify_lines

_BODY = [
    f"The council voted on Tuesday to rebuild the old river bridge in stage {i}, after "
    "engineers found that the steel beams under the road had corroded far faster than "
    "the city had been told when it last inspected the bridge ten years ago."
    for i in range(1, 21)
]
_INTRO = [
    "The old river bridge has carried the city's traffic for ninety years, and the "
    "council now says its corroded steel beams must be rebuilt in stages by engineers.",
    "Engineers inspected the bridge ten years ago and told the city the beams would last; "
    "the council's vote on Tuesday follows a new inspection of the corroded steel.",
]
_CONTENTS = [  # headline-like items: a teaser list by their look
    "Contents",
    "Rebuilding the River Bridge",
    "Corroded Steel Beams Found",
    "Council Vote on Tuesday",
    "Engineers Warn of Costs",
    "Traffic Diverted Downtown",
    "Who Pays: Taxes and Tolls",
    "Drivers React to Closure",
    "Timeline for Each Stage",
]
_MENU = ["Home", "News", "Sport"]


def _removed(doc: list[str]) -> list[int]:
    return sorted(classify_lines([(i, v, None) for i, v in enumerate(doc)]))


def test_introduction_above_a_table_of_contents_stays() -> None:
    doc = [*_MENU, *_INTRO, *_CONTENTS, *_BODY]
    removed = _removed(doc)
    assert removed == [0, 1, 2, *range(5, 13)]  # the menu and the contents go (the title stays)
    assert all(doc.index(p) not in removed for p in _INTRO)


def test_unrelated_prose_above_the_body_goes() -> None:
    blurb = [
        "Our newsletter brings you the best recipes, travel tips and gardening advice "
        "every week, written by a team of chefs, travellers and gardeners from all over.",
        "Sign up today and get a free cookbook with fifty of our readers' favourite "
        "dinners, desserts and picnic ideas for the summer holidays with the family.",
    ]
    doc = [*_MENU, *blurb, *_CONTENTS, *_BODY]
    assert _removed(doc) == list(range(13))
