"""Session 34 (H1): the WordPress feed footer, and a document never emptied by it."""

from corpus_tools import clean_text, reconstruct_text


def test_feed_footer_is_removed_as_the_items_last_line() -> None:
    raw = (
        "The National Weather Service on Friday posted a storm watch for the island.\n\n"
        "The post Tropical Storm Moke continues toward Hawaii appeared first on Hawaii Tribune-Herald.\n"
    )
    clean, rows = clean_text(raw)
    assert clean == "The National Weather Service on Friday posted a storm watch for the island."
    assert [(r["rule"], r["category"]) for r in rows] == [("feed_footer", "metadata")]
    assert reconstruct_text(clean, rows) == raw


def test_feed_footer_other_wording_and_no_final_stop() -> None:
    raw = (
        "Researchers tagged whales from a drone for the first time this year.\n\n"
        "The post Tagging whales from the sky first appeared on University System News\n"
    )
    clean, rows = clean_text(raw)
    assert clean == "Researchers tagged whales from a drone for the first time this year."
    assert [r["rule"] for r in rows] == ["feed_footer"]


def test_a_line_saying_appeared_first_inside_the_article_stays() -> None:
    raw = (
        "The post appeared first on a forum, the police said on Monday.\n\n"
        "Officers are still looking for the man who wrote it.\n"
    )
    clean, rows = clean_text(raw)
    assert clean == raw
    assert rows == []


def test_stamp_and_footer_only_keeps_the_footer_not_an_empty_document() -> None:
    raw = (
        "UPDATED 4:25 p.m.\n\n"
        "The post UPDATE: About 13,000 customers still without power appeared first on Tribune-Herald.\n"
    )
    clean, rows = clean_text(raw)
    assert clean == (
        "The post UPDATE: About 13,000 customers still without power appeared first on Tribune-Herald.\n"
    )
    assert [r["rule"] for r in rows] == ["updated_line"]
    assert reconstruct_text(clean, rows) == raw
