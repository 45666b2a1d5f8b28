"""An HTML page's outlet read from its ``<title>`` (corpus_tools.io.html): only a part that
is a site name, never the headline or a number (saved pages of 2008 without metadata)."""

from __future__ import annotations

import pytest

from corpus_tools.io.html import extract_html, title_site_name

BODY = "<p>" + " ".join(["The council approved the new budget on Tuesday night."] * 12) + "</p>"


def _outlet(title: str, head: str = "") -> tuple[object, object]:
    _, page = extract_html(
        f"<html><head><title>{title}</title>{head}</head><body><article>{BODY}"
        "</article></body></html>"
    )
    return page.get("outlet"), page.get("outlet_source")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the title's domain-name part, not what trafilatura's split leaves before it
        (
            "2007: A year in review, September - Pocket-lint.co.uk - gadget news and reviews",
            ("Pocket-lint.co.uk", "page:title"),
        ),
        ("Allardyce leaves Magpies - Football News | SPORTBOX.tv", ("SPORTBOX.tv", "page:title")),
        ("Speicher-Tipps | speicherguide.de", ("speicherguide.de", "page:title")),
        # a version number and a headline with a dot are no outlet
        ("Winona Daily News - 6.0", (None, None)),
        ("American Idol to dominate strike-hit U.S. TV | Entertainment", (None, None)),
    ],
)
def test_outlet_from_title(title: str, expected: tuple[object, object]) -> None:
    assert _outlet(title) == expected


def test_page_metadata_wins_over_the_title() -> None:
    head = '<meta property="og:site_name" content="Winona Daily News">'
    assert _outlet("Winona Daily News - 6.0", head) == ("Winona Daily News", "page:og:site_name")


def test_no_outlet_from_title_falls_back_to_the_url() -> None:
    head = '<link rel="canonical" href="https://www.winonadailynews.com/news/budget.html">'
    assert _outlet("Winona Daily News - 6.0", head) == ("winonadailynews.com", "url")


def test_title_site_name() -> None:
    assert title_site_name("Salon.com", "Emissions fall - Salon.com") == "Salon.com"
    assert title_site_name("St. Louis Post-Dispatch", "Budget - St. Louis Post-Dispatch") == (
        "St. Louis Post-Dispatch"
    )
    assert title_site_name("6.0", "Winona Daily News - 6.0") is None
    # the title's first part is its headline, even with a dot in it
    assert (
        title_site_name("Mr. Smith goes to Washington", "Mr. Smith goes to Washington | TV") is None
    )
    # a part too long for a name
    assert (
        title_site_name(
            "One two three four five six. Seven", "Budget - One two three four five six. Seven"
        )
        is None
    )


def test_domain_word_of_a_site_name() -> None:
    assert title_site_name("News at silicon.com", "Jobs cut - News at silicon.com") == "silicon.com"
    assert title_site_name("WTNH.com, Connecticut News", "Storm - WTNH.com, Connecticut News") == (
        "WTNH.com"
    )
    # a domain inside the headline part is not the outlet
    assert title_site_name("Amazon.com sales rise", "Amazon.com sales rise | Markets") is None
