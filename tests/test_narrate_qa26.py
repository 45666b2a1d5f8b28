"""Session 26 QA of the report's sentences on corpora the package had never seen.

A cybersecurity headline set (3,000 rows, 564 outlets), Moroccan Arabic news (664
articles, 3 outlets), a febrayer.com text dump read as one 1.5 MB document and three
BBC articles.
"""

import pandas as pd

import corpus_tools as ct


def _tone(means: list[float], ci_low: list[float | None]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["A", "B", "C"],
            "target": ["Iraq", "Iran", "Israel"],
            "n_sentences": [1, 4, 6],
            "mean_compound": means,
            "ci_low": ci_low,
        }
    )


def test_tone_calls_a_top_mean_of_zero_highest_not_least_negative() -> None:
    # before: 'Most negative: Israel in C (mean -0.400 over 6 sentences); least negative:
    # Iraq in A (0.000 over 1)': a neutral row was called negative
    s = _tone([0.0, -0.2, -0.4], [None, None, None])
    assert ct.describe_tone(s) == (
        "Most negative: Israel in C (mean -0.400 over 6 sentences); highest: Iraq in A "
        "(0.000 over 1; no mean is above 0). None of the 3 rows has a bootstrap interval: "
        "each comes from a single document."
    )


def test_tone_calls_a_bottom_mean_of_zero_lowest_not_least_positive() -> None:
    s = _tone([0.0, 0.2, 0.4], [None, None, None])
    assert ct.describe_tone(s).startswith(
        "Lowest: Iraq in A (mean 0.000 over 1 sentence; no mean is below 0); most positive: "
        "Israel in C (0.400 over 6)."
    )


def test_tone_zero_extreme_among_rows_with_intervals() -> None:
    s = _tone([0.3, 0.0, -0.25], [None, -0.1, -0.4])
    assert ct.describe_tone(s) == (
        "Among the 2 of 3 rows with a bootstrap interval (two or more documents), most "
        "negative: Israel in C (mean -0.250 over 6 sentences); highest: Iran in B (0.000 over "
        "4; no mean is above 0). The other row comes from a single document (mean 0.300): one "
        "article's wording."
    )


def test_tone_extremes_among_the_rows_with_most_documents() -> None:
    # 3,000 cybersecurity headlines, 563 outlets: 'Among the 99 of 339 rows with a bootstrap
    # interval (two or more documents), most negative: United Kingdom in Financial Times
    # (mean -0.774 over 2 sentences)': a two-document row, its interval not given
    rows = [(f"Small{i:02d}", "UK", 2, 2, -0.9 + 0.01 * i, -0.95, 0.2) for i in range(12)]
    rows += [
        ("Wire", "UK", 40, 12, -0.30, -0.45, -0.15),
        ("Daily", "US", 25, 10, 0.20, 0.05, 0.33),
        ("Tiny", "US", 1, 1, 0.9, None, None),
    ]
    s = pd.DataFrame(
        rows,
        columns=["group", "target", "n_sentences", "n_docs", "mean_compound", "ci_low", "ci_high"],
    )
    assert ct.describe_tone(s) == (
        "Among the 14 of 15 rows with a bootstrap interval (two or more documents), the 14 with "
        "the most documents (2 or more each), most negative: UK in Small00 (mean -0.900, "
        "interval -0.950 to 0.200, over 2 sentences in 2 documents); most positive: US in Daily "
        "(0.200, interval 0.050 to 0.330, over 25 in 10 documents). The other row comes from a "
        "single document (mean 0.900): one article's wording."
    )
    # a real spread of support: the two-document rows drop out
    s.loc[s["group"].str.startswith("Small"), "n_docs"] = [2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7]
    assert ct.describe_tone(s) == (
        "Among the 14 of 15 rows with a bootstrap interval (two or more documents), the 10 with "
        "the most documents (3 or more each), most negative: UK in Small04 (mean -0.860, "
        "interval -0.950 to 0.200, over 2 sentences in 3 documents); most positive: US in Daily "
        "(0.200, interval 0.050 to 0.330, over 25 in 10 documents). The other row comes from a "
        "single document (mean 0.900): one article's wording."
    )
    # every row with an interval, more than ten rows: the same pool, no 'other rows' tail
    every = s[s["group"] != "Tiny"]
    assert ct.describe_tone(every).startswith(
        "Every one of the 14 rows has a bootstrap interval; among them, the 10 with the most "
        "documents (3 or more each), most negative: UK in Small04"
    )


def test_frames_sentence_says_when_cues_are_almost_absent() -> None:
    # 664 Moroccan Arabic articles, English codebook: 'The largest share (among cells with two
    # or more cue sentences) is external_regulation_reputation in Febrayer (0.000: 2 of 4,850
    # sentences)'
    rows = [
        ("Febrayer", "external_regulation_reputation", 2, 4850),
        ("Febrayer", "conflict", 0, 4850),
        ("Yabiladi", "external_regulation_reputation", 0, 338),
        ("Yabiladi", "conflict", 1, 338),
        ("Almaghreb24", "conflict", 0, 21),
        ("Almaghreb24", "external_regulation_reputation", 0, 21),
    ]
    t = pd.DataFrame(rows, columns=["group", "frame", "sentences_with_frame", "n_sentences"])
    t["sentence_share"] = t["sentences_with_frame"] / t["n_sentences"]
    assert ct.describe_frames(t) == (
        "Frame cues are almost absent (3 sentence-frame hits in 5,209 sentences, under 1 %): "
        "every share below rests on a handful of sentences; is the codebook in the corpus's "
        "language? The largest share (among cells with two or more cue sentences) is "
        "external_regulation_reputation in Febrayer (0.000: 2 of 4,850 sentences). 4 of 6 "
        "group-frame cells have no cue sentence at all."
    )
    # one per cent or more: unchanged
    t.loc[0, "sentences_with_frame"] = 60
    t["sentence_share"] = t["sentences_with_frame"] / t["n_sentences"]
    assert ct.describe_frames(t).startswith("The largest share")


def test_frames_top_frame_is_not_a_zero_cell_on_a_rounded_tie() -> None:
    # febrayer.com dump read as one document: 'the most frequent frame is conflict (0.000:
    # 0 of 4,672 sentences)' while external_regulation_reputation had 1 (both round to 0.000)
    t = pd.DataFrame(
        {
            "group": ["(missing)"] * 3,
            "frame": ["conflict", "external_regulation_reputation", "legality"],
            "sentences_with_frame": [0, 1, 0],
            "n_sentences": [4672] * 3,
            "sentence_share": [0.0, 0.0, 0.0],
        }
    )
    assert ct.describe_frames(t) == (
        "Frame cues are almost absent (1 sentence-frame hit in 4,672 sentences, under 1 %): "
        "every share below rests on a handful of sentences; is the codebook in the corpus's "
        "language? No document has a group (outlet), so no share can be compared across "
        "groups; the most frequent frame is external_regulation_reputation (0.000: 1 of 4,672 "
        "sentences). 2 of 3 frames have no cue sentence at all."
    )
