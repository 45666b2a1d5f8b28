"""Session 32 (H1): a prose paragraph about privacy or websites is no site notice."""

from corpus_tools.blocks import line_features
from corpus_tools.clean import clean_text

# 40 words of news prose, four notice words (privacy, information, website, site),
# no word addressed to the reader and no legal mark
NEWS = (
    "The older system was criticised by privacy groups for putting sensitive "
    "information about millions of users into the hands of one company. A shopping "
    "website dropped it last year, and a second site followed after a security flaw "
    "was found in the spring."
)
NOTICE = (
    "We use cookies and similar tools to improve your experience on our website, to "
    "personalise content and adverts and to analyse our traffic. We also share "
    "information about your use of our site with our advertising and analytics "
    "partners, who may combine it with other information."
)


def test_news_prose_about_privacy_is_no_site_notice() -> None:
    assert not line_features(NEWS).reason.startswith("site notice")


def test_a_notice_that_speaks_to_the_reader_is_still_one() -> None:
    assert line_features(NOTICE).reason.startswith("site notice")


def test_a_long_line_with_a_legal_mark_is_still_a_notice() -> None:
    line = (
        "Copyright 2024 Example Media Group. All rights reserved. This material may not "
        "be published, broadcast, rewritten or redistributed in any form without the "
        "written permission of the publisher, whose privacy policy and site terms apply "
        "to every page of this website."
    )
    assert line_features(line).reason.startswith("site notice")


def test_the_paragraph_ending_an_article_stays() -> None:
    body = [
        "Officials said on Tuesday that a new sign-in system would replace the old one "
        "next year, and that users would be asked to confirm their details by e-mail.",
        "The company said the change would cost less than the old service and would be "
        "tested by a small group of customers over the summer months.",
        '"We think people will find it simpler," said a spokesman for the firm.',
    ]
    text = "New sign-in system planned\n\n" + "\n\n".join(body + [NEWS]) + "\n"
    out, log = clean_text(text)
    assert NEWS in out
    assert not any("site notice" in (r["detail"] or "") for r in log)
