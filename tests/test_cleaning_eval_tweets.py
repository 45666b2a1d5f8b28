"""Posts embedded in an article (their credit lines carry a date) do not cut the article."""

from __future__ import annotations

from corpus_tools.blocks import _tweet_credit
from corpus_tools.clean import clean_text

LEDE = [
    "Tesla and SpaceX founder Elon Musk has a new invention, and it is just a boring hat "
    "that the company sells for twenty dollars to raise money for its tunnels under the city.",
    "Yep, it is quite literally just a black hat with the name of the company written on it "
    "in white letters, and the founder even called it the most boring hat in the world.",
    "The hat, which sells for twenty dollars, features a strap and is one size fits all, "
    "something the company said would make it easy to ship to buyers around the world.",
]
PARAS = [
    "As it turns out, the hat is part of a fundraising campaign for the tunnel company, the "
    "latest business venture of the entrepreneur, which aims to find a solution for gridlock.",
    "With trillions of dollars needed for the project, he is hoping to sell a lot of hats, and "
    "he said on Wednesday that the first of them would ship to buyers before the end of the year.",
    "And if all else fails, analysts said, maybe he can expand the business into other kinds of "
    "clothing, which the company has not ruled out in its statement to its investors this week.",
]
PAGE = [
    "World",
    "Business",
    "Elon Musk's latest business idea may be boring, but it's genius",
    *LEDE,
    "Advertisement",
    "The world's most boring hat",
    "\u2014 Elon Musk (@elonmusk) October 18, 2017",
    PARAS[0],
    "Purchase. Complete. I am so stoked.",
    "\u2014 Casey Floyd (@iamcaseyfloyd) October 18, 2017",
    "OFFICIAL BORING HAT, I have waited SO long for you.",
    "\u2014 Pauline Acalin (@w00ki33) October 18, 2017",
    PARAS[1],
    "Gonna build that tunnel one hat at a time",
    "\u2014 Elon Musk (@elonmusk) October 18, 2017",
    PARAS[2],
    "Contact Us",
    "Privacy Policy",
]


def test_tweet_credit_shape() -> None:
    assert _tweet_credit("\u2014 Elon Musk (@elonmusk) October 18, 2017")
    assert _tweet_credit("- Jane Roe (@janeroe) Mar 16, 2020")
    assert not _tweet_credit("By Jane Doe 2 days ago")
    assert not _tweet_credit("Posted by: Sean | Jan 10, 2008 4:49:12 PM")
    assert not _tweet_credit(None)


def test_paragraph_after_an_embedded_post_stays() -> None:
    # the credits are dated like the items of a listing; an article quoting posts is no
    # listing, so they do not weigh as stamps (which cut the article after the lede)
    clean, _log = clean_text("\n".join(PAGE))
    for para in [*LEDE, PARAS[0]]:
        assert para in clean
    assert "Privacy Policy" not in clean
