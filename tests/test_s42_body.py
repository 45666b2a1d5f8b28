"""Session 42 (H2): the article goes on after its table (issue 15)."""

from __future__ import annotations

from corpus_tools.blocks import classify_lines

_A = [
    "Mechanical keyboards with hot-swap sockets let owners change their switches without "
    "a soldering iron, and most of the boards we tested this spring cost less than before.",
    "We typed on each keyboard for two weeks, measured the switch travel and the sound of "
    "the case, and compared the software that remaps the keys on every board we tested.",
    "The aluminum boards felt the most solid, but the plastic boards were lighter and "
    "cheaper, and their switches were just as easy to change as on the expensive models.",
    "Every keyboard came with its own software for the keys, and the best of it saved the "
    "layouts on the board itself, so the keys worked the same way on every computer we used.",
    "The switches on the cheaper boards were louder, but a little foam inside the case made "
    "them quieter, and the keys on the plastic boards felt as good as on the aluminum ones.",
]
#: a comparison table printed a cell a line (headline-like cells: a teaser list by look)
_TABLE = [
    "Keyboard Model Name",
    "Switch Type Choice",
    "Case Material Kind",
    "Freebird Full Kit",
    "Hot Swap Sockets",
    "Aluminum Case Build",
    "Keychron Board Two",
    "Gasket Mount Design",
    "Plastic Case Shell",
]
#: the guide goes on after the table, about what it spoke of before it
_B = [
    "Picking your first keyboard depends on the switches you like: tactile switches give "
    "a bump, linear switches feel smooth, and the sound of the case changes with each.",
    "A plastic case is lighter and cheaper, while an aluminum case is heavier and more "
    "solid; both let you change the switches and the keys whenever you want to.",
]
#: a newsletter box and a bio after the table: other words
_OTHER = [
    "Subscribe to our weekly newsletter for exclusive deals, giveaways and early access "
    "to sales events, delivered to your inbox every Friday.",
    "Our editor lives in Portland with two cats and a vintage motorcycle collection, and "
    "wrote travel guides for airline magazines before.",
]
_TAIL = ["Contact Us", "Privacy Policy", "Terms of Use"]


def _removed(doc: list[str]) -> dict[int, str]:
    out = classify_lines([(i, v, None) for i, v in enumerate(doc)])
    return {i: r for i, (r, _) in out.items()}


def test_article_goes_on_after_its_table() -> None:
    doc = ["Best hot-swap keyboards", *_A, *_TABLE, *_B, *_TAIL]
    removed = _removed(doc)
    b = 1 + len(_A) + len(_TABLE)
    assert b not in removed and b + 1 not in removed
    assert all(removed.get(k) == "block:after_body" for k in range(b + 2, len(doc)))


def test_other_prose_after_the_table_goes() -> None:
    doc = ["Best hot-swap keyboards", *_A, *_TABLE, *_OTHER, *_TAIL]
    removed = _removed(doc)
    assert all(removed.get(k) == "block:after_body" for k in range(1 + len(_A), len(doc)))
