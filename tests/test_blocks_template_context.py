"""Lines the site's learned template removed stay a bad neighbour in the context rule."""

from __future__ import annotations

from _prose import BODY, BODY2

import corpus_tools.blocks as B

PROMO = "Marketing tips, tools, interviews and case studies, delivered weekly to your inbox - free"


def _lines(rule: str | None) -> list[tuple[int, str, str | None]]:
    doc = [
        ("Sign in to your account", rule),
        ("Help Center", rule),
        ("Talks to resume next week", None),
        (PROMO, None),
        ("Enter your email address:", rule),
        ("Delivered by FeedBurner", rule),
        (BODY, None),
        (BODY2, None),
        (BODY, None),
        ("Contact Us", None),
    ]
    return [(i, v, r) for i, (v, r) in enumerate(doc)]


def test_positions_after_template_lines():
    s = B._default_settings()
    page = B._page(_lines("template:learned"), s)
    assert page is not None
    # kept: 0 headline, 1 promo, 2 body (after the template's sign-up box), ...
    assert page.after_template == {0, 2}
    assert B._page(_lines("share_button"), s).after_template == set()  # a rule hit is not
    assert B._page(_lines(None), s).after_template == set()


def test_context_reads_template_lines_as_bad():
    s = B._default_settings()
    page = B._page(_lines("template:learned"), s)
    assert page.cls[:3] == ["short", "near-good", "good"]
    # without the template's evidence the promo line takes its good neighbour's class
    assert B._context_classes(page.cls)[:3] == ["bad", "good", "good"]
    # with it, the sign-up box below the promo is a bad neighbour: chrome between chrome
    assert B._context_classes(page.cls, page.after_template)[:3] == ["bad", "bad", "good"]


def test_no_template_same_as_before():
    cls = ["short", "near-good", "good", "short", "good", "near-good", "bad"]
    assert B._context_classes(cls, ()) == B._context_classes(cls)
    assert B._context_classes(cls, {0}) == B._context_classes(cls)  # a bad before the first line
