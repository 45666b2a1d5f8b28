"""A paragraph that cites its source is article text, not a photo caption (issue 15):
found on the development pages of the Dragnet set, where "(Source: Wall Street Journal,
July 31, 2012.)" closing a paragraph was removed as a caption's credit."""

from __future__ import annotations

import csv

import pytest
from conftest import bench_module

from corpus_tools.clean import clean_text, load_rules, reconstruct_text

RULES_ONLY = load_rules(disable_categories=["block", "template"])
CITED = (
    "In July, this proof of little job creation remained near 30-year lows: 63.7%. "
    "(Source: Bureau of Labor Statistics.)"
)
QUOTED = (
    "\u201cThis is not a Starbucks issue. This is a macro problem of weak consumer "
    "confidence.\u201d (Source: Wall Street Journal, July 31, 2012.)"
)
CAPTION = (
    "Prototype of the new Juno rover, a 300 kg rover for a mission to Mars or the Moon. Credit: CSA"
)


def test_a_cited_source_is_not_a_credit():
    raw = "\n".join(["Jobs report", CITED, QUOTED, CAPTION, "The end of the story."])
    text, rows = clean_text(raw, rules=RULES_ONLY)
    assert CITED in text and QUOTED in text
    assert [(r["rule"], r["text"].strip()) for r in rows if r["replacement"] == ""] == [
        ("caption_trailing_credit", CAPTION)
    ]
    assert reconstruct_text(text, rows) == raw


def test_photo_credit_labels_still_end_a_caption():
    for label in ("Photo: AFP", "Photograph: Marco Secchi/Getty Images", "(Foto: Volkswagen)"):
        line = f"Cruise liners passing through Venice are causing heated arguments. {label}"
        _text, rows = clean_text(f"Title\n{line}\nThe end of the story.", rules=RULES_ONLY)
        assert [r["rule"] for r in rows if r["replacement"] == ""] == ["caption_trailing_credit"]


# ------------------------------------------------------------------ the Dragnet set
@pytest.fixture(scope="module")
def bench():  # noqa: ANN201
    with bench_module("bench_cleaning") as mod:
        yield mod


def test_dragnet_split_file_is_the_site_rule(bench):  # noqa: ANN001
    head = bench.DRG_SPLIT_FILE.read_text(encoding="utf-8").splitlines()[:5]
    assert any("AGPLv3" in h for h in head)
    assert any("seomoz/dragnet_data" in h for h in head)
    with bench.DRG_SPLIT_FILE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(ln for ln in f if not ln.startswith("#")))
    assert len(rows) == 1326
    recorded = {r["key"]: r["part"] for r in rows}
    pages = [{"key": r["key"], "host": r["site"]} for r in rows]
    assert bench.site_split_of(pages, bench.DRG_SALT) == recorded
    assert sum(p == "dev" for p in recorded.values()) == 713
    sides: dict[str, set[str]] = {}
    for r in rows:
        sides.setdefault(r["site"], set()).add(r["part"])
    assert all(len(v) == 1 for v in sides.values())
    assert len(sides) == 439


def test_dragnet_gold_ends_at_the_comments_marker(bench, tmp_path):  # noqa: ANN001
    (tmp_path / "input").mkdir()
    (tmp_path / "GoldStandard").mkdir()
    words = " ".join(f"word{k}" for k in range(60))
    canonical = '<link rel="canonical" href="http://blog.example.co.uk/post">'
    golds = {
        "R1": f"Title\n\n{words}\n\n!@#$%^&*()  COMMENTS\n\nA reader wrote this.",
        "R2": f"{words}\n!@ $%^&*()  \tCOMMENTS\ncomment",  # typed by hand: variants
        "R3": "Too short.\n!@#$%^&*()  COMMENTS\n" + words,  # article under 50 words
    }
    for key, gold in golds.items():
        (tmp_path / "input" / f"{key}.html").write_text(
            f"<html><head>{canonical}</head><body><p>{words}</p></body></html>"
        )
        (tmp_path / "GoldStandard" / f"{key}.txt").write_text(gold)
    # one gold file in UTF-16 (five of the real ones are)
    (tmp_path / "GoldStandard" / "R2.txt").write_bytes(golds["R2"].encode("utf-16"))
    pages = {p["key"]: p for p in bench.load_dragnet(tmp_path)}
    assert sorted(pages) == ["R1", "R2"]
    assert pages["R1"]["gold"].strip() == f"Title\n\n{words}"
    assert pages["R2"]["gold"].strip() == words
    assert {p["host"] for p in pages.values()} == {"example.co.uk"}
