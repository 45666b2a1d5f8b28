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


def test_many_signature_frames_read_each_line_a_bounded_number_of_times(monkeypatch) -> None:
    """A long crawler dump with hundreds of signature-like frames: the article-stamp check
    counts each line's words once per page (a running total), not once per frame, and the
    thread spans paint each line once (a 9 MB dump took 90 CPU s, now ~12)."""
    from corpus_tools import prose

    calls = {"n": 0}
    real = prose._n_words

    def counting(view: str | None) -> int:
        calls["n"] += 1
        return real(view)

    monkeypatch.setattr(prose, "_n_words", counting)
    lines = [P1, P2, P3]
    for k in range(300):  # 300 threads, each signed alike twice
        sig = f"Posted by: user{k} | Jan {k % 28 + 1}, 2008 4:49 PM"
        lines += [f"Comment {k} says the plan costs far too much money for the town.", sig] * 2
    rows = [(i, v, None) for i, v in enumerate(lines)]
    out = prose.comment_threads(rows, {})
    assert calls["n"] <= len(lines)
    # every comment and signature after the article is in a thread, the article is not
    # (the first comment, before the first signature, may be the article running on)
    assert set(out) == set(range(4, len(lines)))
    assert {rule for rule, _ in out.values()} == {"block:comments"}
