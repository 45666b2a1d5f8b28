"""Stop-20 QA: the analysis API misused (wrong types, bare tables, huge inputs)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError, DataFileError

N = None
# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 coders x 12 units example
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def _corpus() -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b"],
                "outlet": ["X", "Y"],
                "text": ["It may rain on Monday.", "More than 3,500 people were killed."],
            }
        )
    )


def test_krippendorff_alpha_published_example() -> None:
    got = [
        round(ct.krippendorff_alpha(KRIPPENDORFF_2011, lv), 3)
        for lv in ("nominal", "interval", "ratio")
    ]
    assert got == [0.743, 0.849, 0.797]  # the values printed in the paper


def test_krippendorff_alpha_interval_on_many_distinct_values() -> None:
    # two coders scoring 20,000 units on a continuous scale: the coincidence matrix had one
    # row and column per distinct value (39,999 here, 12.8 GB): the process was killed
    i = np.arange(20000)
    a, b = i / 20000, i / 20000 + 0.05 * np.sin(i)
    pooled = np.concatenate([a, b])
    n = pooled.size
    d_o = np.sum(2 * (a - b) ** 2) / n
    d_e = 2 * n * np.sum((pooled - pooled.mean()) ** 2) / (n * (n - 1))
    assert ct.krippendorff_alpha([a, b], "interval") == pytest.approx(1 - d_o / d_e, abs=1e-9)
    assert round(1 - d_o / d_e, 6) == 0.992556


def test_krippendorff_alpha_bad_values_are_named() -> None:
    with pytest.raises(CorpusValueError, match=r"level='interval' needs numbers, got 'a'"):
        ct.krippendorff_alpha([["a", "b"], ["a", "c"]], level="interval")
    # a negative value on a ratio scale gave alpha 1.0 (its differences divided by zero)
    with pytest.raises(CorpusValueError, match=r"level='ratio' needs values >= 0 .* got -1"):
        ct.krippendorff_alpha([[-1, 2], [1, 2]], level="ratio")
    # pd.NA is a missing code (it cannot be compared with itself)
    assert ct.krippendorff_alpha([[1, pd.NA, 0, 1], [1, 2, 0, 0]]) == pytest.approx(4 / 9)


@pytest.mark.parametrize(
    ("call", "what", "shown"),
    [
        (lambda: ct.load_hedges(5), "hedge list", "5 (int)"),
        (lambda: ct.load_codebook({"frames": {}}), "codebook", "{'frames': {}} (dict)"),
        (lambda: ct.load_reporting_verbs(["a"]), "reporting-verb list", "['a'] (list)"),
        (lambda: ct.hedges(_corpus(), lexicon=["may"]), "hedge list", "['may'] (list)"),
    ],
)
def test_lexicon_path_of_the_wrong_type_is_named(call: object, what: str, shown: str) -> None:
    # was TypeError: expected str, bytes or os.PathLike object, not int
    with pytest.raises(DataFileError) as err:
        call()  # type: ignore[operator]
    assert str(err.value).startswith(f"{what}: path={shown} is not a file path; ")
    assert "to add entries given as a mapping, pass extend= instead." in str(err.value)


def test_bare_tables_read_as_empty() -> None:
    # check_table lets pandas.DataFrame() through as "no rows"; these then failed on a column
    # (KeyError 'hedge_class', 'frame', 'kind', 'doc_id')
    c = _corpus()
    bare = pd.DataFrame()
    rates = ct.hedge_rates(bare, c)
    assert rates["count"].sum() == 0 and set(rates["group"]) == {"X", "Y"}
    assert rates["n_words"].tolist()[:1] == [5]
    summary = ct.frame_summary(bare, c)
    assert summary["sentences_with_frame"].sum() == 0 and set(summary["group"]) == {"a", "b"}
    assert ct.frame_coding_sample(bare, c, "conflict")["dictionary"].tolist() == [0, 0]
    lined = ct.compare_numbers(bare, c)
    assert lined.empty and lined.columns.tolist()[:3] == ["key", "group", "values"]
    # no quotes: every hedge is the outlet's own
    hits = ct.hedges(c, quotes_table=bare)
    assert hits["term"].tolist() == ["may"] and not hits["inside_quote"].any()


def test_whole_number_options_refuse_bools_and_strings() -> None:
    c = _corpus()
    # True (== 1) found 11,596 one-word "passages" in the seeds; '8' was a TypeError
    with pytest.raises(CorpusValueError, match=r"min_words=True must be a whole number >= 1"):
        ct.text_reuse(c, True)  # type: ignore[arg-type]
    with pytest.raises(CorpusValueError, match=r"min_words='8' must be a whole number >= 1"):
        ct.text_reuse(c, "8")  # type: ignore[arg-type]
    with pytest.raises(CorpusValueError, match=r"gap=1.5 must be a whole number >= 0"):
        ct.text_reuse(c, gap=1.5)  # type: ignore[arg-type]


def test_train_coder_checks_its_feature_options() -> None:
    coded = pd.DataFrame(
        {"text": ["talks failed", "talks went well"] * 10, "label": ["x", "y"] * 10}
    )
    # was sklearn's "Invalid value for ngram_range=(2, 1) lower boundary larger than ..."
    with pytest.raises(CorpusValueError, match=r"ngram_range=\(2, 1\): give \(low, high\)"):
        ct.train_coder(coded, ngram_range=(2, 1))
    with pytest.raises(CorpusValueError, match=r"min_df=0 must be a whole number >= 1"):
        ct.train_coder(coded, min_df=0)
    coder = ct.train_coder(coded, ngram_range=[1, 2], learning_curve=False)
    assert coder.classes == ["x", "y"]


SWEDISH = "Regeringen har beslutat att höja skatten på bensin från och med nästa år, sade finansministern på måndagen."
GERMAN = "Die Regierung hat beschlossen, die Steuer auf Benzin ab dem nächsten Jahr zu erhöhen, sagte der Finanzminister am Montag."
ENGLISH = "Talks between the two governments resumed in Geneva on Monday, officials said."


def test_english_lexicons_warn_on_other_latin_script_languages() -> None:
    # Swedish, Finnish or German text got English hedges, frames and tone without a word
    # (only non-Latin scripts warned): on 6,537 en/sv/fi news briefs 1,650 frame hits came
    # from the Swedish and Finnish ones
    c = ct.load_corpus(pd.DataFrame({"text": [SWEDISH, GERMAN, GERMAN + " " + GERMAN, ENGLISH]}))
    for call in (ct.frames, ct.hedges, ct.stance_triples):
        with pytest.warns(ct.CorpusToolsWarning) as got:
            call(c)
        notes = [str(w.message) for w in got if "another language" in str(w.message)]
        assert len(notes) == 1
        assert notes[0].startswith(
            f"{call.__name__}: 3 of 4 documents are in another language than English (de 2, sv 1; "
        )
        assert "see ct.languages(corpus)" in notes[0]


def test_a_few_english_headlines_taken_for_another_language_do_not_warn() -> None:
    # 'EU paves way for cheaper internet' is guessed Portuguese ('eu'); 26 of 9,666 real
    # English headlines were guessed as another language: under 1 % of a corpus stays quiet
    texts = [f"{ENGLISH} Item {i}." for i in range(120)] + [
        "EU paves way for cheaper internet, bicycles, solar panels"
    ]
    c = ct.load_corpus(pd.DataFrame({"text": texts}))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", ct.CorpusToolsWarning)
        ct.frames(c)  # no warning
        assert len(ct.hedges(c)) == 0


def test_language_sample_is_bounded() -> None:
    from corpus_tools.lexicon import non_english_docs

    texts = [GERMAN] * 2500 + [ENGLISH] * 2500
    n_script, checked, found = non_english_docs(texts)
    assert (n_script, checked, dict(found)) == (0, 1000, {"de": 500})


def test_naming_many_actors_one_search_same_rows() -> None:
    # each actor of a mapping (and each name of a list not in the gazetteer) was its own kwic
    # search over the whole corpus: 2,000 names over 9,666 real headlines took 134 CPU s
    # (now 8.6); the rows must be those of the actors named one at a time
    c = ct.load_corpus(Path(__file__).resolve().parents[1] / "seeds")
    actors = {
        "Russia": ["Russia", "Moscow"],
        "Ministry": ["Foreign Ministry", "the Foreign Ministry"],
        "China": "Beijing",
        "Nobody": ["Nobody Known"],
    }
    together = ct.naming(c, actors)
    with pytest.warns(ct.CorpusToolsWarning, match="none of the actors"):
        alone = [ct.naming(c, {a: al}) for a, al in actors.items()]
    cols = ["doc_id", "actor", "alias", "label", "start", "end"]
    key = ["actor", "doc_id", "start", "label"]
    assert together[cols].sort_values(key).values.tolist() == (
        pd.concat(alone)[cols].sort_values(key).values.tolist()
    )
    # 8 since session 29: no premodifier 'Chinese' / 'separate Chinese' for the alias 'foreign
    # ministry' before "readout" (words before "<name> <noun>" describe the noun)
    assert len(together) == 8
    row = together[together["alias"] == "the Foreign Ministry"].iloc[0]
    assert (row["doc_id"], row["actor"], row["label"], row["label_type"]) == (
        "002_b694c181a465d374",
        "Ministry",
        "parties spoke",
        "appositive",
    )
