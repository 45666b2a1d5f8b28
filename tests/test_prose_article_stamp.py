"""A page that dates its article like its teasers: the article is not the first comment."""

from __future__ import annotations

from corpus_tools.clean import clean_text

P1 = (
    "The Gmail app for Android has scored what used to be a web-only feature, and it now has "
    "wallet integration, so you can send and request money right within the app you use."
)
P2 = (
    "In case you are the one receiving payments for group dinners and shared bills, you can "
    "also tweak the feature so that the money goes straight to your bank account instead."
)
P3 = (
    "The company said on Tuesday that the option would reach every user over the coming weeks, "
    "starting with those in the United States, where the web version has been used for years."
)
PAGE = [
    "Home",
    "Gear",
    "Gaming",
    "Gmail for Android can send and receive payments as attachments",
    "By Jane Moon",
    "14h ago in Mobile",
    "Comments",
    "450 Shares",
    P1,
    P2,
    P3,
    "Latest in Gear",
    "Energizer's battery charger recalled for burn hazard",
    "1h ago in Gear",
    "View",
    "Now vacuums check in with map reports to your phone",
    "2h ago in Gear",
    "View",
    "A hardware chain is using AR and VR to make how-to easier",
    "4h ago in Gear",
    "View",
    "Visa is testing NFC sunglasses that can pay for stuff",
    "8h ago in Gear",
    "View",
]


def test_article_between_its_stamp_and_the_teasers_stays() -> None:
    clean, log = clean_text("\n".join(PAGE))
    for para in (P1, P2, P3):
        assert para in clean
    assert "Visa is testing" not in clean
    assert not [r for r in log if r["rule"] == "block:comments" and P1[:20] in r["text"]]
