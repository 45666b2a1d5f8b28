"""Session 27 API QA on real corpora (BASIL political news, 10kGNAD German news,
2016 US debate transcripts): each test is a case that gave a wrong row before."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning


def _corpus(*texts: str, outlet: str = "X") -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": outlet, "text": list(texts)}
        )
    )


def test_naming_no_compound_after_a_possessive() -> None:
    # BASIL: "Mr. Trump's emergency declaration" gave Trump the label "emergency",
    # "Netanyahu's speech" the label "speech" (187 of 574 compounds there).
    c = _corpus("Hamas's leaders met on Monday. Later Hamas fighters returned.")
    out = ct.naming(c, {"Hamas": ["Hamas"]})
    assert out[["label", "label_type", "start", "end"]].values.tolist() == [
        ["fighters", "compound", 43, 51]
    ]


def test_naming_title_is_the_words_before_the_name_form() -> None:
    # BASIL: "Prime Minister Netanyahu" gave the title "Prime", "President Joseph R.
    # Biden" gave "President Joseph", "President Trump" gave none; "Mr." is no title.
    text = (
        "Prime Minister Netanyahu spoke first. President Joseph R. Biden replied. "
        "President Trump left. Mr. Netanyahu stayed."
    )
    out = ct.naming(_corpus(text))
    titles = out[out["label_type"] == "title"]
    got = [(r.actor, r.label, text[r.start : r.end]) for r in titles.itertuples()]
    assert sorted(got) == [
        ("Benjamin Netanyahu", "Prime Minister", "Prime Minister"),
        ("Donald Trump", "President", "President"),
        ("Joe Biden", "President", "President"),
    ]


def test_naming_warns_on_another_language() -> None:
    # 10kGNAD (German): all 328 labels were verbs ("USA halten", "Seoul plant"), no warning.
    de = (
        "Die Regierung in Wien hat am Montag beschlossen, dass die Steuern nicht steigen. "
        "Der Kanzler sagte, man werde mit der EU und den USA weiter verhandeln."
    )
    c = _corpus(*[de] * 4)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ct.naming(c)
    msgs = [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]
    assert any(m.startswith("naming: 4 of 4 documents are in another language") for m in msgs)


_SHARED = "Moscow and Beijing intend to closely coordinate efforts in view of the escalation."


def test_one_outlet_corpus_says_why_reuse_and_statements_are_empty() -> None:
    # BASIL's NYT part alone: text_reuse() and statements(by="outlet") gave empty tables
    # in silence (every document has outlet 'nyt', and one outlet is never compared).
    c = _corpus(_SHARED, "Officials said " + _SHARED, outlet="nyt")
    with pytest.warns(CorpusToolsWarning, match=r"text_reuse: all 2 documents have outlet 'nyt'"):
        assert ct.text_reuse(c).empty
    assert len(ct.text_reuse(c, series=None)) == 1
    with pytest.warns(
        CorpusToolsWarning, match=r"statements: all 2 documents have outlet 'nyt'.*by=None"
    ):
        assert ct.statements(c, by="outlet").empty
    assert len(ct.statements(c)) == 1


def test_statements_missing_group_is_a_group_of_its_own() -> None:
    # 10kGNAD has no outlet column: statements(by="outlet") put all 1,028 documents in one
    # '(missing)' group and found 0 pairs (text_reuse compared them: 77 passages).
    c = ct.Corpus(
        pd.DataFrame({"doc_id": ["a", "b"], "text": [_SHARED, "Officials said " + _SHARED]})
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = ct.statements(c, by="outlet")
    assert got[["doc_a", "doc_b", "kind", "a_start", "b_start"]].values.tolist() == [
        ["a", "b", "verbatim", 0, 0]
    ]


def test_describe_coder_says_when_it_is_no_better_than_guessing() -> None:
    # BASIL coded by article stance (center 144 / conservative 75 / liberal 81): macro-F1
    # 0.208 (0.171 to 0.244) was reported with no word that guessing scores 0.333.
    coded = pd.DataFrame({"text": ["the same words here"] * 30, "label": ["A"] * 20 + ["B"] * 10})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusToolsWarning)
        coder = ct.train_coder(coded, k=5, learning_curve=False, group=None)
    text = ct.describe_coder(coder)
    assert "macro-F1 0.400 (95 % bootstrap interval 0.333 to 0.455)" in text
    assert text.endswith(
        "That is no better than coding without reading the text (macro-F1 0.500: labels "
        "drawn at random in their shares, or the most frequent label always): do not use "
        "this coder."
    )


def test_naming_a_word_the_corpus_writes_after_he_or_they_is_no_compound() -> None:
    # BASIL: "Trump took several of his questions" gave the label 'took' (47 of 386 compounds
    # were verbs or adverbs: went, made, paid, repeatedly, ...); "plan" also follows "the"
    # in the corpus, so "the Hamas plan" keeps its label.
    c = _corpus(
        "He took the money and they plan more. The plan failed. "
        "Hamas took control. Hamas fighters returned. Hamas plan stalls."
    )
    out = ct.naming(c, {"Hamas": ["Hamas"]})
    assert out[["label", "label_type"]].values.tolist() == [
        ["fighters", "compound"],
        ["plan", "compound"],
    ]
