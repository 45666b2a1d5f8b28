"""Session 24 QA of the report's sentences on corpora the package had never seen.

UCI News Aggregator headlines (499 rows, 314 outlets, the largest 19 headlines),
10kGNAD (1,028 German articles, one group) and a folder of 913 Portuguese articles.
"""

import pandas as pd

import corpus_tools as ct


def _frames(rows: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    cols = ["group", "frame", "sentences_with_frame", "n_sentences"]
    t = pd.DataFrame(rows, columns=cols)
    return t.assign(sentence_share=t["sentences_with_frame"] / t["n_sentences"])


def _many_small_outlets(n_tiny: int = 12) -> pd.DataFrame:
    """A wire with 19 headlines, nine outlets with 5-10, and tiny outlets with 2."""
    rows = [("Wire", "economic", 4, 19), ("Wire", "conflict", 2, 19)]
    for i, n in enumerate([10, 9, 7, 7, 7, 5, 5, 5, 5]):
        rows += [(f"Mid{i}", "economic", 1, n), (f"Mid{i}", "conflict", 0, n)]
    for i in range(n_tiny):
        rows += [(f"Tiny{i:02d}", "economic", 2, 2), (f"Tiny{i:02d}", "conflict", 0, 2)]
    return _frames(rows)


def test_frames_sentence_no_longer_leads_with_a_tiny_outlet_when_no_group_has_30() -> None:
    # before: 'The largest share (among cells with two or more cue sentences) is economic in
    # Tiny00 (1.000: 2 of 2 sentences)', as 'CNNMoney (1.000: 2 of 2 sentences)' on UCI
    assert ct.describe_frames(_many_small_outlets()) == (
        "The largest share (among the 10 largest groups, 5 or more sentences each; no group "
        "has 30) is economic in Wire (0.211: 4 of 19 sentences). 21 of 44 group-frame cells "
        "have no cue sentence at all."
    )


def test_frames_sentence_unchanged_with_ten_groups_or_fewer() -> None:
    # five outlets of 9-20 sentences (the seeds' shape): every group is among the largest
    few = _frames([("A", "political", 6, 9), ("B", "political", 5, 20), ("C", "conflict", 1, 12)])
    assert ct.describe_frames(few).startswith(
        "The largest share is political in A (0.667: 6 of 9 sentences)."
    )


def test_frames_sentence_keeps_a_top_share_already_in_a_large_group() -> None:
    t = _many_small_outlets()
    t.loc[(t["group"] == "Wire") & (t["frame"] == "economic"), "sentences_with_frame"] = 15
    t.loc[t["group"].str.startswith("Tiny"), "n_sentences"] = 3
    t["sentence_share"] = t["sentences_with_frame"] / t["n_sentences"]
    assert ct.describe_frames(t).startswith(
        "The largest share is economic in Wire (0.789: 15 of 19 sentences)."
    )


def test_frames_sentence_with_a_30_sentence_group_keeps_the_30_rule() -> None:
    t = _many_small_outlets()
    t.loc[t["group"] == "Wire", "n_sentences"] = 40
    t["sentence_share"] = t["sentences_with_frame"] / t["n_sentences"]
    assert ct.describe_frames(t).startswith(
        "The largest share (among groups with 30 or more sentences) is economic in Wire "
        "(0.100: 4 of 40 sentences)."
    )


def test_tone_says_least_negative_when_every_mean_is_negative() -> None:
    # 10kGNAD (German, VADER reads little): 'most positive: France in (missing) (-0.280 over 53)'
    s = pd.DataFrame(
        {
            "group": ["(missing)"] * 3,
            "target": ["Ukraine", "France", "EU"],
            "n_sentences": [59, 53, 40],
            "mean_compound": [-0.465, -0.280, -0.300],
            "ci_low": [-0.5, -0.35, -0.4],
        }
    )
    # session 28: rows with intervals are named with them (the intervals were not said)
    assert ct.describe_tone(s) == (
        "Every one of the 3 rows has a bootstrap interval; among them, most negative: Ukraine "
        "(mean -0.465 over 59 sentences); least negative: France (-0.280 over 53)."
    )
    pos = s.assign(mean_compound=[0.1, 0.4, 0.2])
    assert ct.describe_tone(pos).endswith(
        "least positive: Ukraine (mean 0.100 over 59 sentences); most positive: "
        "France (0.400 over 53)."
    )
    mixed = s.assign(mean_compound=[-0.2, 0.3, 0.0])
    assert "; among them, most negative: Ukraine (mean" in ct.describe_tone(mixed)
    assert "; most positive: France" in ct.describe_tone(mixed)


def test_tone_does_not_call_a_zero_mean_positive() -> None:
    # pt-BR by folder: 'most negative: Peru in economia (mean -0.527 over 2 sentences); most
    # positive: Brazil in entretenimento (0.000 over 2)' (VADER reads no Portuguese word)
    s = pd.DataFrame(
        {
            "group": ["economia", "entretenimento"],
            "target": ["Peru", "Brazil"],
            "n_sentences": [2, 2],
            "mean_compound": [-0.527, 0.0],
            "ci_low": [-0.6, 0.0],
        }
    )
    assert ct.describe_tone(s).endswith(
        "most negative: Peru in economia (mean -0.527 over 2 sentences); highest: Brazil "
        "in entretenimento (0.000 over 2; no mean is above 0)."
    )
    zero = s.assign(mean_compound=0.0)
    assert ct.describe_tone(zero) == (
        "Every mean is 0.000 (2 rows): the tone lexicon scored no word of these sentences, so "
        "there is no tone to compare (is the lexicon in their language?)."
    )


def test_frames_sentence_with_one_group_names_its_most_frequent_frame() -> None:
    # 10kGNAD (1,028 German articles, no outlet): 'The largest share is security_defense in
    # (missing) (0.045: 1,069 of 23,770 sentences). 0 of 10 group-frame cells have no cue ...'
    t = _frames(
        [("(missing)", "security_defense", 1069, 23770), ("(missing)", "conflict", 0, 23770)]
    )
    assert ct.describe_frames(t) == (
        "No document has a group (outlet), so no share can be compared across groups; the most "
        "frequent frame is security_defense (0.045: 1,069 of 23,770 sentences). 1 of 2 frames "
        "has no cue sentence at all."
    )
    # one named group, every frame with a cue (BBC folder: '0 of 10 frames have no cue ...')
    t2 = _frames([("BBC", "security_defense", 472, 12590), ("BBC", "conflict", 284, 12590)])
    assert ct.describe_frames(t2) == (
        "All documents are one group, BBC, so no share can be compared across groups; the most "
        "frequent frame is security_defense (0.037: 472 of 12,590 sentences). Every frame has a "
        "cue sentence."
    )


def test_tone_with_one_group_names_targets_without_the_missing_group() -> None:
    # BBC folder (684 articles, no outlet): 'Least positive: China in (missing) (mean 0.011 ...'
    s = pd.DataFrame(
        {
            "group": ["(missing)", "(missing)"],
            "target": ["China", "France"],
            "n_sentences": [104, 147],
            "mean_compound": [0.011, 0.197],
            "ci_low": [-0.05, 0.12],
        }
    )
    assert ct.describe_tone(s) == (
        "Every one of the 2 rows has a bootstrap interval; among them, least positive: China "
        "(mean 0.011 over 104 sentences); most positive: France (0.197 over 147)."
    )
