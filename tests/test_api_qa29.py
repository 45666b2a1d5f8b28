"""Session 29 API QA on real corpora (FakeNewsCorpus sample, LIAR statements; helper-218).

Sentences below are from the corpora where the old output was wrong (shortened where the
rest of the article played no part), with the expected values read from the text.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.numbers import verb_after_object
from corpus_tools.triples import CorpusNames, not_a_noun_phrase


def _corpus(texts: dict[str, str], outlets: list[str] | None = None) -> ct.Corpus:
    frame = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    if outlets is not None:
        frame["outlet"] = outlets
    return ct.Corpus(frame)


def _triples(texts: dict[str, str]) -> list[list[str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = ct.stance_triples(_corpus(texts))
    return table[["doc_id", "holder", "target"]].values.tolist()


def test_holders_that_name_no_one_give_no_triple() -> None:
    # old output: ('t2', 'Most'), ('t4', 'matter'), ('t7', "Romney's") as holders
    texts = {
        "t2": "Most would say Washington is not a day trip.",
        "t4": "U.S. drug enforcement agents who spoke to Politico about the matter accused the "
        "Obama administration of derailing an investigation.",
        "t5": "Moscow blamed Washington for the crisis.",
        "t6": "Officials accused Russia of meddling.",
        "t7": "Santorum put out a statement after Romney's remarks that claimed Obama "
        '"has consistently fought against marriage."',
    }
    assert _triples(texts) == [
        ["t5", "Russia", "United States"],
        ["t6", "Officials", "Russia"],
    ]


def test_a_title_case_clause_is_no_holder_but_an_actor_name_is() -> None:
    assert not_a_noun_phrase("Germany Slams Nato".split(), frozenset({"slams"}))
    assert not_a_noun_phrase("Migrant Crisis Has Europe Shaking".split())
    assert not not_a_noun_phrase(["United", "States"], frozenset({"states"}))
    assert [not_a_noun_phrase([w]) for w in ("Today", "FACT", "Help", "Risk", "Others")] == [
        True
    ] * 5
    assert [not_a_noun_phrase([w]) for w in ("Congress", "police", "Harry", "Pentagon")] == [
        False
    ] * 4


def test_a_common_word_the_corpus_writes_as_a_name_stays_a_holder() -> None:
    texts = [
        "Members of the House voted 420-0 to release the report.",
        "Today the committee met; the House wrote to the court.",
        "It rose today.",
    ]
    names = CorpusNames(texts)
    assert (names("House"), names("Today"), names("report")) == (True, False, False)
    assert not not_a_noun_phrase(["House"], names=names)
    assert not_a_noun_phrase(["Today"], names=names)


def test_an_hour_with_am_pm_is_a_time_not_a_count() -> None:
    c = _corpus(
        {
            "a": "The meeting starts at 10 a.m. on Monday, and 300 people attended.",
            "b": "Polls close at 8 p.m. ET; 5 a.m. was the earliest, 9pm the latest.",
        },
        ["A", "B"],
    )
    n = ct.numeric_claims(c)
    assert n[["text", "kind", "object"]].values.tolist() == [
        ["10 a.m.", "time", ""],
        ["300", "count", "people"],
        ["8 p.m.", "time", ""],
        ["5 a.m.", "time", ""],
        ["9pm", "time", ""],
    ]
    text = dict(zip(c.docs["doc_id"], c.docs["text"], strict=True))
    assert all(text[d][s:e] == t for d, s, e, t in n[["doc_id", "start", "end", "text"]].values)
    assert "a.m" not in set(ct.compare_numbers(n, c)["key"])


def test_a_verb_after_the_counted_noun_ends_the_object() -> None:
    c = _corpus(
        {
            "a": "Around 50,000 people attended the rally, and 42,000 jobs created.",
            "b": "Roughly 700,000 young undocumented immigrants and millions previously uninsured "
            "Americans; 1,100 employees might need help.",
        }
    )
    n = ct.numeric_claims(c)
    assert n[["text", "object"]].values.tolist() == [
        ["Around 50,000", "people"],
        ["42,000", "jobs"],
        ["Roughly 700,000", "young undocumented immigrants"],
        ["millions", "previously uninsured Americans"],
        ["1,100", "employees"],
    ]
    assert verb_after_object("ISSUED") and not verb_after_object("speed")


def test_naming_leaves_out_verbs_adverbs_and_words_of_another_noun() -> None:
    # FakeNewsCorpus / BASIL sentences; old labels: UK 'rose', Russia 'sent', China 'last',
    # Russia 'legally', Obama 'senior', Russia appositive 'ongoing Ukraine civil war',
    # United States premodifier 'Albany Georgia', Hamas premodifier 'recent' (seeds)
    texts = {
        "a": "Average weekly wages in the UK rose 2.3% in the 12 months to October.",
        "b": "Trump wrote that Russia sent millions to the foundation.",
        "c": "He was treated the same way during his trip to China last week.",
        "d": "And so Russia legally annexed Crimea. It was a legal case.",
        "e": "A senior Obama administration official shared the plan.",
        "f": "The talks covered the conflict between Israel and the Palestinian Hamas group that "
        "runs Gaza.",
        "g": "NATO forces surrounding Russia, the ongoing Ukraine civil war, the Syrian civil war, "
        "and false claims.",
        "h": "James King is Commander of the Albany Georgia USA Camp of the veterans.",
        "i": "Commentators framed the recent Hamas attack as a failure of U.S. policy.",
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = ct.naming(_corpus(texts))
    assert table[["doc_id", "actor", "label_type", "label"]].values.tolist() == [
        ["e", "Barack Obama", "compound", "administration"],
        # 'Trump wrote that': no label since session 30 (past tenses in naming's not_labels)
        ["f", "Hamas", "premodifier", "Palestinian"],
        ["f", "Hamas", "compound", "group"],
        ["g", "NATO", "compound", "forces"],
        ["g", "Ukraine", "compound", "civil"],
        ["i", "United States", "compound", "policy"],
    ]
    text = dict(zip(texts, texts.values(), strict=True))
    assert all(
        text[d][s:e] == lab for d, s, e, lab in table[["doc_id", "start", "end", "label"]].values
    )


def test_function_words_and_time_tails_are_not_what_a_figure_counts() -> None:
    # lead's headline set (Reuters/Guardian) and a Portuguese article (Dataset-news-articles-pt-br)
    c = _corpus(
        {
            "a": "US retail sales down nearly 9 percent vs year ago",
            "b": "RBS pays its first dividend since £45.5bn bailout 10 years ago",
        }
    )
    n = ct.numeric_claims(c)
    assert n[["text", "kind", "object"]].values.tolist() == [
        ["nearly 9 percent", "percent", ""],
        ["£45.5bn", "money", "bailout"],
        ["10", "date", ""],
    ]
    pt = _corpus(
        {
            "p": "O PIB na Holanda ficou apenas 3% abaixo do nível do quarto trimestre de 2019, e o "
            "recife fica 40 metros abaixo do nível do mar, com 49,5% contra 49,2% do republicano."
        }
    )
    n = ct.numeric_claims(pt)
    assert n.attrs["stopword_language"] == "pt"
    assert n[["text", "kind", "object"]].values.tolist() == [
        ["3%", "percent", ""],
        ["2019", "year", ""],
        ["40", "count", "metros"],
        ["49,5%", "percent", ""],
        ["49,2%", "percent", ""],
    ]


def test_text_reuse_names_series_in_its_error() -> None:
    c = _corpus({"a": "One two three four five six seven eight.", "b": "Nine ten."}, ["X", "Y"])
    with pytest.raises(ct.CorpusValueError, match=r"^series='x' is not a column of corpus\.docs"):
        ct.text_reuse(c, series="x")
    with pytest.raises(ct.CorpusValueError, match=r"series=5 is not a column.*series=None"):
        ct.text_reuse(c, series=5)  # type: ignore[arg-type]


def test_coder_messages_count_with_separators_and_name_codes_in_plural() -> None:
    # LIAR's six labels on 1,283 statements read "Trained on 1283 coded documents"; the
    # FakeNewsCorpus types with one 'clickbait' and one 'hate' read "code 'clickbait', 'hate' is"
    coded = pd.DataFrame({"text": ["a b", "c d", "e f", "g h"], "label": ["x", "x", "y", "z"]})
    with pytest.raises(
        ct.CorpusValueError, match=r"^codes 'y' and 'z' are used only once; each code needs"
    ):
        ct.train_coder(coded, unit="document", group=None)
    words = [f"w{i} common{i % 7}" for i in range(1200)]
    big = pd.DataFrame({"text": words, "label": ["a" if i % 2 else "b" for i in range(1200)]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = ct.describe_coder(ct.train_coder(big, unit="document", group=None))
    assert text.startswith("Trained on 1,200 coded documents (a: 600, b: 600); 5-fold")
    assert "with all 960 training codes" in text


def test_appear_of_being_seen_or_published_is_no_hedge() -> None:
    # FakeNewsCorpus feed footers and BASIL: 58 such hits on 3 corpora were hedges
    text = (
        "The post Juno Captures a Pearl appeared first on Universe Today. Her work has appeared "
        "on Newsmax.com. Blumenthal appeared before the committee. It appears to work. The FBI "
        "officials appeared at first to be deceptive. What appeared on the face to be a revolt."
    )
    hits = ct.hedges(_corpus({"a": text}))
    assert [(text[s:e], int(s)) for s, e in hits[["start", "end"]].values] == [
        ("appears", 148),
        ("appeared", 183),
        ("appeared", 223),
    ]
