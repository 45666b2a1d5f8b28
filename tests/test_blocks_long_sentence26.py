"""A long sentence is prose even with the fewer stopwords of technical writing (session 26).

jusText's thresholds ask a line for the stopword share of news prose (``stopwords_high``)
before it is ``good``; technical and name-heavy sentences have fewer stopwords, so a page
of them had no good line and its paragraphs went with the chrome around them. A sentence
of ``long_sentence_words`` words or more (30) with a share of ``stopwords_low`` is good.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from corpus_tools.blocks import classify_lines, line_features, load_block_settings
from corpus_tools.clean import clean_text, reconstruct_text

# 39 and 35 words, stopword shares 0.26 and 0.23 (between stopwords_low 0.22 and
# stopwords_high 0.28 of the shipped list)
NAMED = (
    "Named client configuration gives each typed client its own log level, category name, "
    "ignored headers and redacted headers, so a noisy payment gateway client logs full "
    "bodies while the weather client logs only status lines, timings and retry counts."
)
GLOBAL = (
    "Global configuration applies one handler to every client the factory creates, which "
    "suits development builds, local debugging sessions and integration test runs where "
    "complete visibility matters more than log volume, storage costs or query speed."
)


def test_long_sentence_with_few_stopwords_is_good() -> None:
    f = line_features(NAMED)
    assert (f.cls, f.reason) == ("good", "long sentence: 39 words, stopwords 0.26")
    g = line_features(GLOBAL)
    assert (g.cls, g.reason) == ("good", "long sentence: 35 words, stopwords 0.23")


def test_shorter_sentence_or_no_sentence_end_stays_near_good() -> None:
    # 29 words: under long_sentence_words
    words = NAMED.split()[:28] + ["counts."]
    f = line_features(" ".join(words))
    assert (f.cls, f.n_words) == ("near-good", 29)
    # no sentence end: a keyword row of that length is not prose
    g = line_features(GLOBAL.rstrip("."))
    assert g.cls == "near-good"


def test_too_few_stopwords_is_not_a_long_sentence() -> None:
    # below stopwords_low (0.15): a list of names and terms, however long
    terms = (
        "Default redaction masks Authorization headers, configurable redaction covers "
        "X-Api-Key and Cookie values, header filtering drops selected headers entirely, and "
        "content control excludes request and response bodies by default to prevent leaking "
        "personal data into shared log files."
    )
    f = line_features(terms)
    assert (f.cls, f.reason) == ("near-good", "near-good: 39 words, stopwords 0.15")


def test_zero_turns_it_off() -> None:
    off = replace(load_block_settings(), long_sentence_words=0)
    assert line_features(NAMED, off).reason == "near-good: 39 words, stopwords 0.26"


def test_shipped_setting_is_thirty() -> None:
    assert load_block_settings().long_sentence_words == 30


@pytest.mark.parametrize("keep", [True, False])
def test_technical_page_keeps_its_paragraphs(keep: bool) -> None:
    """A page whose paragraphs are all technical sentences: they are the body (before,
    no line was good and the classifier abstained, keeping the menu and the footer too)."""
    doc = ["Home", "Blog", "About", "Raw HTTP message logging for .NET", NAMED, GLOBAL,
           NAMED.replace("weather", "shipping"), "Privacy Policy", "Contact Us"]  # fmt: skip
    s = load_block_settings() if keep else replace(load_block_settings(), long_sentence_words=0)
    out = classify_lines([(i, v, None) for i, v in enumerate(doc)], s)
    if keep:
        assert sorted((i, r) for i, (r, _) in out.items()) == [
            (0, "block:before_body"),
            (1, "block:before_body"),
            (2, "block:before_body"),
            (7, "block:after_body"),
            (8, "block:after_body"),
        ]
    else:
        assert out == {}  # no good line: the classifier abstains


def test_clean_text_keeps_technical_paragraphs_and_reconstructs() -> None:
    raw = "\n".join(["Home", "Blog", "Raw HTTP message logging for .NET", NAMED, GLOBAL,
                     "Privacy Policy", "Contact Us"])  # fmt: skip
    clean, rows = clean_text(raw)
    assert NAMED in clean and GLOBAL in clean
    assert "Privacy Policy" not in clean and "Home" not in clean
    assert reconstruct_text(clean, rows) == raw
