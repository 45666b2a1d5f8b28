"""Session 39 (H1): a run of the article between a part of it and the best run is a part
of its own too (before, it went with the chrome around it as ``block:between_parts``)."""

from __future__ import annotations

from corpus_tools.blocks import classify_lines

P = (
    "Officials said on Thursday that the talks in the capital would resume next week, after "
    "a pause of more than a month in which both sides had traded blame for the failure."
)
Q = (
    "The second round of the talks is expected to focus on the harbour, where both sides "
    "have kept ships since the spring and where the fighting of the summer began."
)
#: chrome between the parts: menus, share rows, labels
G1 = [
    "Home | World | Business | Sport | Culture | Travel | Opinion",
    "Share on Facebook | Share on Twitter | Share by Email",
    "Advertisement",
    "Related Stories",
    "Most Popular | Most Shared | Most Commented",
    "Subscribe | Log in | Register | Contact Us",
]
G2 = [
    "Privacy Policy | Terms of Use | Cookie Settings | About Us",
    "Follow us on Facebook | Twitter | Instagram | YouTube",
    "Advertisement",
    "Read More",
    "Latest News | Video | Podcasts | Newsletters",
    "Subscribe | Log in | Register | Help",
]


def _classify(middle: list[str]) -> dict[int, tuple[str, str]]:
    # lines 1-3 a first part, then 12 chrome lines, the middle, 12 chrome lines, the body
    doc = ["Harbour talks to resume next week", P, P, P, *G1, *G2, *middle, *G2, *G1, *[P] * 10]
    return classify_lines([(i, v, None) for i, v in enumerate(doc)])


def test_a_run_between_a_part_and_the_body_stays() -> None:
    out = _classify([Q, Q])
    # the two paragraphs between the chrome (lines 16-17) stay: before, they went with it
    assert sorted(out) == [*range(4, 16), *range(18, 30)]
    assert {r for r, _ in out.values()} == {"block:between_parts"}
    assert out[4][1].startswith("between two parts of the body (lines 4 and 17)")
    assert out[18][1].startswith("between two parts of the body (lines 18 and 31)")


def test_a_middle_run_too_weak_to_be_a_part_still_goes() -> None:
    out = _classify(["Q and A"])
    assert sorted(out) == list(range(4, 29))
    assert {r for r, _ in out.values()} == {"block:between_parts"}
    assert out[16][1].startswith("between two parts of the body (lines 4 and 30)")
