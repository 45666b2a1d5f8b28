"""Regression tests for the stop-19 QA pass: misuse, and the analysis modules on real corpora.

The sentences are real headlines from the fwd/news dump (/tmp/h6/s18/J in the QA notes) or
reproduce one finding on it; each test names what it guards.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.numbers import numbers_in_sentence


def _read(sentence: str) -> list[tuple[str, float, str]]:
    return [(sentence[h.start : h.end], h.quantity, h.kind) for h in numbers_in_sentence(sentence)]


def test_scientific_notation_is_one_number_not_the_digit_before_the_e() -> None:
    # "1e308 dollars" was read as the number 1 (count) with the object "e308"
    assert _read("It cost 1e308 dollars.") == [("1e308", 1e308, "money")]
    assert _read("A 1.5e6 budget") == [("1.5e6", 1_500_000.0, "count")]
    # too large for a float: no claim at all rather than inf (or 1)
    assert _read("It cost 1e999 dollars.") == []
    assert _read("9" * 400 + " people") == []


def test_a_currency_word_at_the_end_of_the_sentence_makes_money() -> None:
    # the next word was taken with its full stop ("dollars.") and missed the currency list
    assert _read("It cost 5 dollars.") == [("5", 5.0, "money")]
    assert _read("It cost 5 dollars, they said") == [("5", 5.0, "money")]


def test_currency_with_a_bare_b_is_billions_and_a_b_without_currency_is_a_name() -> None:
    # real headlines: "$50B" was read as 50 (money), a factor of 10**9 off
    hl = "Market maker Bernard L. Madoff arrested in $50B 'giant Ponzi scheme'"
    assert _read(hl) == [("$50B", 50e9, "money")]
    assert _read("Samsung says it will build $17B chip factory in Texas") == [
        ("$17B", 17e9, "money")
    ]
    assert _read("Long March 3B rocket launches Chinasat-9 satellite") == [("3", 3.0, "date")]


def test_the_number_of_a_name_is_not_a_count() -> None:
    # 157 of 41,666 real headlines wrote COVID-19/Covid-19: each was a claim "19 ..."
    assert _read("Pfizer agrees to let other companies make its COVID-19 pill") == []
    assert _read("Covid-19 cases rose to 5,000 in a week") == [("5,000", 5000.0, "count")]
    assert _read("The F-16 jets and MiG-29 fighters flew 12 sorties") == [("12", 12.0, "count")]
    # English prefixes that take a year or a number still do
    assert _read("In mid-2020 sales fell") == [("2020", 2020.0, "year")]
    assert _read("Post-2008 banks") == [("2008", 2008.0, "year")]
    assert _read("a 2-1 win") == [("2", 2.0, "count"), ("1", 1.0, "count")]


def test_numeric_claims_on_a_real_headline_keeps_the_money_figure() -> None:
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b"],
                "outlet": ["cbc.ca", "ctvnews.ca"],
                "text": [
                    "COVID-19 spike, deaths after church event 'unfortunate' but part of "
                    "God's plan, says pastor",
                    "Beijing plans $242B freeway link to Taiwan",
                ],
            }
        )
    )
    got = ct.numeric_claims(c)
    assert got[["doc_id", "text", "quantity", "kind"]].values.tolist() == [
        ["b", "$242B", 242e9, "money"]
    ]


@pytest.fixture(scope="module")
def seeds() -> ct.Corpus:
    return ct.load_corpus(Path(__file__).resolve().parents[1] / "seeds")


@pytest.mark.parametrize("actors", [{}, [], ()])
def test_naming_with_no_actor_is_an_error_not_an_empty_table(
    seeds: ct.Corpus, actors: object
) -> None:
    with pytest.raises(ct.CorpusValueError, match=r"names no actor.*pass None for every actor"):
        ct.naming(seeds, actors)  # type: ignore[arg-type]


def test_naming_with_an_actor_without_alias_names_it(seeds: ct.Corpus) -> None:
    with pytest.raises(ct.CorpusValueError, match=r"\['Hamas'\] have no alias.*'Hamas': \["):
        ct.naming(seeds, {"Hamas": [], "Putin": ["Putin"]})


def test_naming_of_actors_mentioned_nowhere_warns(seeds: ct.Corpus) -> None:
    for actors in ({"Zorro": ["Zorro", "the masked man"]}, ["Zorro"]):
        with pytest.warns(ct.CorpusToolsWarning, match=r"none of the actors \['Zorro'\]"):
            got = ct.naming(seeds, actors)
        assert got.empty
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # the one compound once found ("Putin's recent call": "recent") was the possessed
        # noun's word, not a label; Putin is mentioned, so no warning either way
        assert len(ct.naming(seeds, ["Putin"])) == 0


def test_kwic_finds_terms_inside_text_written_without_spaces() -> None:
    # Chinese, Japanese and Thai sentences are one token (or split at combining marks):
    # kwic returned an empty table with a warning
    zh = "中国外交部发言人表示，中方愿与俄罗斯加强协调。俄罗斯总统普京将访问北京。"
    ja = "岸田首相は中国との対話を続けると述べた。ロシアのプーチン大統領"
    th = "นายกรัฐมนตรีกล่าวว่ารัสเซียและจีน"
    c = ct.Corpus(
        pd.DataFrame(
            {"doc_id": ["zh", "ja", "th", "en"], "text": [zh, ja, th, "Russia and China met."]}
        )
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = ct.kwic(c, ["俄罗斯", "中国"], window=3)
        assert got[["doc_id", "start", "end", "left", "match", "right"]].values.tolist() == [
            # 2 * window = 6 characters each side
            ["ja", 5, 7, "岸田首相は", "中国", "との対話を続"],
            ["zh", 0, 2, "", "中国", "外交部发言人"],
            ["zh", 15, 18, "示，中方愿与", "俄罗斯", "加强协调。俄"],
            ["zh", 23, 26, "斯加强协调。", "俄罗斯", "总统普京将访"],
        ]
        assert ct.kwic(c, "プーチン")["match"].tolist() == ["プーチン"]
        th_hit = ct.kwic(c, "รัสเซีย", window=2)
        assert th_hit[["start", "end", "left", "right"]].values.tolist() == [
            [20, 27, "วว่า", "และจ"]
        ]
        # words of languages written with spaces still match whole tokens only
        assert ct.kwic(c, "russia")["start"].tolist() == [0]
    with pytest.warns(ct.CorpusToolsWarning, match=r"'russ' is never a whole token"):
        assert ct.kwic(c, "russ").empty


@pytest.mark.parametrize(
    ("actors", "message"),
    [
        (5, r"actors=5: pass None \(every actor found\)"),
        ({"Hamas": 5}, r"the aliases of \['Hamas'\] are not a list of words"),
        ({"Hamas": None}, r"the aliases of \['Hamas'\] are not a list of words"),
    ],
)
def test_naming_with_actors_of_the_wrong_type_names_the_fix(
    seeds: ct.Corpus, actors: object, message: str
) -> None:
    # was TypeError: object of type 'int' has no len()
    with pytest.raises(ct.CorpusValueError, match=message):
        ct.naming(seeds, actors)  # type: ignore[arg-type]


def test_bootstrap_refuses_an_absurd_number_of_resamples() -> None:
    # n_boot=10**9 allocated an index array of 10**9 x n (8 GB per document) or ran for hours
    with pytest.raises(ct.CorpusValueError, match=r"n_boot=1000000000: .* from 1 to 1,000,000"):
        ct.cluster_bootstrap([[0.5], [1.0]], n_boot=10**9)
    assert ct.cluster_bootstrap([[0.5], [1.0]], n_boot=1_000_000)[0] == 0.75


def test_bootstrap_of_many_documents_in_blocks_gives_the_same_interval(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a group of 50,000 documents with n_boot=2000 drew one (2000, 50000) index array (800 MB,
    # 2.4 GB with the two gathers); now blocks of at most 2 million indices, same draws
    from corpus_tools import sentiment

    groups = [[(i % 7) / 7 - 0.4, (i % 3) / 3] for i in range(1000)]
    whole = ct.cluster_bootstrap(groups, n_boot=3000, seed=5)
    monkeypatch.setattr(sentiment, "_BOOT_CELLS", 1000 * 8)
    assert ct.cluster_bootstrap(groups, n_boot=3000, seed=5) == whole
    assert round(whole[0], 4) == 0.1806  # the pooled mean of the 2,000 values


def test_english_word_lists_warn_about_documents_in_other_scripts() -> None:
    # Arabic, Chinese and Russian headlines gave empty hedge, frame, tone and stance tables
    # without a word (their documents counted as having none)
    texts = [
        "قال المتحدث باسم وزارة الخارجية الروسية إن موسكو ستعزز التنسيق مع بكين",
        "外交部发言人表示，中方愿与俄罗斯加强协调",
        "Президент России заявил, что переговоры могут возобновиться",
        "The minister said talks may resume, reportedly next week.",
    ]
    c = ct.Corpus(pd.DataFrame({"doc_id": list("abcd"), "text": texts, "outlet": list("WXYZ")}))
    for name, call in [
        ("hedges", lambda: ct.hedges(c)),
        ("frames", lambda: ct.frames(c)),
        ("stance_triples", lambda: ct.stance_triples(c)),
    ]:
        with pytest.warns(
            ct.CorpusToolsWarning,
            match=rf"^{name}: 3 of 4 documents are mostly written in a non-Latin script",
        ):
            call()
    # tone leaves the three out by their language vote and says so once (one note, not two)
    with pytest.warns(ct.CorpusToolsWarning) as record:
        ct.target_sentiment(c)
    notes = [str(w.message) for w in record if w.category is ct.CorpusToolsWarning]
    assert len(notes) == 1
    assert notes[0].startswith(
        "target_sentiment: 3 of 4 documents are left out of the tone table as not English "
        "(ar 1, zh 1, ru 1;"
    )
    with pytest.warns(ct.CorpusToolsWarning, match="non-Latin"):
        assert ct.hedges(c)["term"].tolist() == ["may", "reportedly"]
    # a codebook the user chose (here the shipped one, passed on purpose): no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ct.frames(c, codebook=ct.load_codebook())


def test_stories_need_two_shared_terms_to_link_headlines() -> None:
    # real headlines (fwd/news, 2021-11-20): they share only "erupt", cosine 0.33, and were one
    # story; on 2,400 real headlines one story chained 463 (Omicron, a Tesla outage, oil
    # prices, House Republicans); now 137 (Omicron)
    day = pd.Timestamp("2021-11-20")
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["riot", "protest", "oil1", "oil2"],
                "text": [
                    "Riots erupt during anti-lockdown protest in Rotterdam.",
                    "Protests erupt over virus rules in Austria, Italy, Croatia",
                    "Joe Biden to release millions of barrels of oil along with UK to drive "
                    "down prices",
                    "Biden to release 50 million barrels of oil in effort to ease gas prices",
                ],
                "published": [day] * 4,
            }
        )
    )
    got = ct.stories(c)
    assert got.table[["story_id", "doc_id"]].values.tolist() == [
        ["S1", "riot"],
        ["S2", "protest"],
        ["S3", "oil1"],
        ["S3", "oil2"],
    ]
    assert got.links[["doc_a", "doc_b", "shared_terms"]].values.tolist() == [
        ["oil1", "oil2", "barrels, biden, oil, prices, release"]
    ]


def test_stories_warn_when_many_documents_are_undated() -> None:
    texts = [f"Headline number {i} about topic {i % 7} and place {i % 11}" for i in range(1000)]
    c = ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(1000)], "text": texts}))
    with pytest.warns(ct.CorpusToolsWarning, match=r"^stories: 1,000 of 1,000 documents have no"):
        ct.stories(c)


def test_load_codes_names_the_file_and_the_fix(tmp_path: Path) -> None:
    # an empty file raised pandas' EmptyDataError, a cp1252 file UnicodeDecodeError, and a
    # folder was "no such file"
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "cp1252.csv").write_bytes(b'text,label\n"caf\xe9 talks",a\n')
    for name, message in [
        ("empty.csv", r"empty\.csv: the file is empty; a CSV of hand codes has a header line"),
        ("cp1252.csv", r"cp1252\.csv: not UTF-8 text \(invalid continuation byte at byte 15\)"),
        ("", r": is a folder; pass the path of a CSV of hand codes in it"),
    ]:
        with pytest.raises(ct.DataFileError, match=message):
            ct.load_codes(tmp_path / name)
    with pytest.raises(ct.CorpusValueError, match=r"got str; read a CSV .* ct\.load_codes"):
        ct.train_coder(str(tmp_path / "codes.csv"))  # type: ignore[arg-type]
    assert len(ct.load_codes()) > 0  # the seeds' codes still load


def test_word_counts_for_rates_and_the_cli_keep_combining_marks_in_words() -> None:
    # S19-H9-1: the rates' denominator and `corpus-tools info` counted word pieces cut at
    # combining marks ('भारत में चुनाव हुए' was 8 words), unlike tokens()
    import pandas as pd

    import corpus_tools as ct
    from corpus_tools import cli
    from corpus_tools.lexicon import word_counts

    texts = ["भारत में चुनाव हुए।", "السَّلَامُ عَلَيْكُمْ", "It's 1,400 people, don’t go."]
    corpus = ct.Corpus(pd.DataFrame({"doc_id": ["hi", "ar", "en"], "text": texts}))
    assert word_counts(corpus) == {"hi": 4, "ar": 2, "en": 5}
    assert cli._count_words(texts) == 4 + 2 + 6  # the cli splits 1,400 at the comma
