"""Session 40 (H1): a month and a year alone date no comment (a photo caption, an issue).

A listicle captions each item's photo "Image from Becca's October 2024 Review." under a
byline that counts the page's comments ("6 comments", read as a thread heading): the
captions were taken for three signatures of one frame and the items between them for a
comment thread (a dev page of the Modern set lost 81 % of its article this way).
"""

from corpus_tools.prose import comment_threads, signature_frame

_ITEM = (
    "Once again this service made it to the top of our list, because several of our "
    "reviewers found that the clothes fit well and the prices were fair for what you get."
)


def _listicle(caption_date: str) -> list[tuple[int, str, None]]:
    doc = [
        "The 16 Best Clothing Subscription Boxes in 2025",
        "Ready to ditch the old and embrace the new? Revamp your closet with these boxes.",
        "By Kathryn Giuffrida | 6 comments",
        "Clothing subscription boxes offer a fun and efficient way to upgrade your wardrobe "
        "all year long, whatever your budget and your style may be.",
    ]
    for name in ("Becca", "Brandi", "Kathryn", "Marie"):
        doc += [f"Image from {name}'s {caption_date} Review.", "Fast Facts", _ITEM, _ITEM]
    return [(i, v, None) for i, v in enumerate(doc)]


def test_month_and_year_caption_is_no_signature() -> None:
    assert signature_frame("Image from Becca's October 2024 Review.") is None
    assert signature_frame("Posted by Becca on October 2024") is None


def test_captions_with_month_and_year_are_no_thread() -> None:
    assert comment_threads(_listicle("October 2024"), {}) == {}


def test_a_day_still_dates_a_signature() -> None:
    assert signature_frame("Becca - October 12, 2024") == ("M", "0", "0")
    assert signature_frame("Posted by Ann | Jan 10, 2008 4:49 PM") is not None
    assert signature_frame("TonyZ (6 days ago)") is not None
    # the same page with a day in each caption reads as a thread (the heading counts)
    out = comment_threads(_listicle("October 12, 2024"), {})
    assert sorted(out) == list(range(4, 17))
    assert all(rule == "block:comments" for rule, _ in out.values())
