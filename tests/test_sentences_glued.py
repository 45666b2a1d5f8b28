"""Glued sentence ends: "..., a spokesman said.According to the ministry, ..." (session 36).

A full stop (or ``?``/``!``) glued between a word ending in a lower-case letter and a
capitalised word ends a sentence, in both sentence splitters, with exact offsets;
abbreviations, domains, file names, web addresses, code, numbers and initials do not.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.tokenize import glued_ends, sentence_batch, split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for _, s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sanders will run, Sanders's campaign announced.This will be his second bid.",
            ["Sanders will run, Sanders's campaign announced.", "This will be his second bid."],
        ),
        (
            "The talks failed, a spokesman said.According to the ministry, 12 died.",
            ["The talks failed, a spokesman said.", "According to the ministry, 12 died."],
        ),
        ("He met Tillerson.According to aides, it went well.", None),
        ("Turtle Needs To Go!His Career Is Over.", ["Turtle Needs To Go!", "His Career Is Over."]),
        (
            "Can it get worse?After the vote, it did.",
            ["Can it get worse?", "After the vote, it did."],
        ),
        # a number or an ordinal before is still a sentence end
        ("He left on June 1st.The party stayed.", ["He left on June 1st.", "The party stayed."]),
    ],
)
def test_glued_end_splits(text: str, expected: list[str] | None) -> None:
    got = _texts(text)
    assert len(got) == 2
    if expected is not None:
        assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "It got to be Mr.Benn at last.",  # abbreviation
        "He said Col.Tony Shaffer was there.",
        "Sign up through Healthcare.Gov, the site.",  # domain
        "Apps built with Node.Js run here.",  # file name / framework
        "See www.DearAbby.com for more.",  # web address
        "Read https://example.org/News.Today now.",
        "Visit Blog.PrintRunner.com today.",  # a domain goes on
        "Call fmt.Errorf(msg) and return.",  # code
        "Set options.IgnoreRequestContent = true in the file.",
        "if ok { x := checkpoint.Tree }",
        "It rose 3.5 percent.",  # number
        "Written by J.K.Rowling herself.",  # initials
        "He uses ASP.NET daily.",  # all capitals after
        "Go to example.com now.",  # lower case after
    ],
)
def test_not_a_glued_end(text: str) -> None:
    assert glued_ends(text) == []
    assert len(split_sentences(text)) == 1


def test_offsets_exact_and_batch_agrees() -> None:
    t = "Headline\n\nIt was over, one diplomat said.That was before. Mr.Benn met Healthcare.Gov staff.Then he left!Nobody knew."
    rows = split_sentences(t)
    assert [t[s:e] for _, s, e in rows] == [
        "Headline",
        "It was over, one diplomat said.",
        "That was before.",
        "Mr.Benn met Healthcare.Gov staff.",
        "Then he left!",
        "Nobody knew.",
    ]
    assert rows[1][2] == rows[2][1]  # no character between the glued sentences
    b, counts = sentence_batch([t, "", t])
    assert counts.tolist() == [6, 0, 6]
    assert [tuple(r) for r in b.tolist()] == rows + rows


def test_batch_equals_per_text_on_glue_soup() -> None:
    rng = random.Random(36)
    words = ["said", "The", "Mr", "According", "Gov", "com", "Js", "www", "It", "x", "3", "US"]
    marks = [".", "?", "!", " ", "  ", "\n", ". ", "(", "=", "{", "://", "1st"]
    texts = []
    for _ in range(300):
        texts.append(
            "".join(rng.choice(words) + rng.choice(marks) for _ in range(rng.randint(1, 30)))
        )
    rows, counts = sentence_batch(texts)
    at = 0
    for t, n in zip(texts, counts.tolist(), strict=True):
        assert [tuple(r) for r in rows[at : at + n].tolist()] == split_sentences(t)
        at += n


def test_corpus_sentences_and_quotes_see_the_glued_end() -> None:
    docs = pd.DataFrame(
        {
            "doc_id": ["a"],
            "text": [
                "Bernie Sanders will run again, Sanders's campaign announced.This will be his "
                "second bid for the White House."
            ],
        }
    )
    c = ct.Corpus(docs)
    s = ct.sentences(c)
    assert s["text"].tolist() == [
        "Bernie Sanders will run again, Sanders's campaign announced.",
        "This will be his second bid for the White House.",
    ]
    assert (s["text"] == [docs.text[0][a:b] for a, b in zip(s.start, s.end, strict=True)]).all()
