"""Sentence ends Punkt does not know: CJK/Arabic/Devanagari marks, and lines ending in a closing quote.

Real examples: headlines from the clickbait dataset of Chakraborty et al. (2016),
github.com/bhargaviparanjape/clickbait (MIT licence), one per line as a headline
export gives them; the Chinese and Japanese article texts are from the test pages of
github.com/codelucas/newspaper (MIT licence), as ``load_corpus`` cleans them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.tokenize import TERMINALS, sentence_batch, split_sentences


def _sents(text: str) -> list[str]:
    return [text[s:e] for _, s, e in split_sentences(text)]


def _same_in_batch(texts: list[str]) -> None:
    rows, counts = sentence_batch(texts)
    assert rows.tolist() == [list(r) for t in texts for r in split_sentences(t)]
    assert counts.tolist() == [len(split_sentences(t)) for t in texts]


# one headline per line (Chakraborty et al. 2016)
HEADLINES = [
    'How Well Do You Know "Pretty Little Liars"',
    "You've Been Using Your Rice Cooker Wrong The Entire Time",
    'Robert Pattinson Thought His "Twilight" Character Was "Suicidally Depressed"',
    'Are You More Like Blair Or Serena From "Gossip Girl?"',
    "Grimes On Her New Album And The Heartbreaking Inspiration Behind “Oblivion”",
    "The Mumbai Police Has Identified Various Potentially Dangerous Places As 'No Selfie Zones'",
    "Should I Get Bings",
]


def test_one_headline_per_line_each_a_sentence():
    text = "\n".join(HEADLINES) + "\n"
    assert _sents(text) == HEADLINES
    _same_in_batch([text, "\r\n".join(HEADLINES)])


def test_closing_quote_after_sentence_punctuation_still_joins_by_punkt():
    # the line ends a sentence because of the full stop inside the quotes; Punkt's
    # boundary realignment keeps the quote with its sentence, as before
    text = 'He said "we agree."\nThen he left.\nShe said: “No.”\nThey went (home.)\nIt ended.'
    assert _sents(text) == [
        'He said "we agree."',
        "Then he left.",
        "She said: “No.”",
        "They went (home.)",
        "It ended.",
    ]
    _same_in_batch([text])


def test_list_items_ending_in_brackets_or_quotes_are_their_own_sentences():
    # real20000 (BBC): before, the items were joined into one sentence
    text = (
        "- Increased spending on primary education to 71.56bn rupees ($1.6bn) \n"
        " - Increased spending on health to 102.8bn rupees ($2.35bn) \n"
        ' - A worry for "national security" \n'
        " - Stop considering asylum applications inside the UK."
    )
    assert len(_sents(text)) == 4
    _same_in_batch([text])


def test_a_line_of_only_closing_marks_or_an_opening_quote_is_not_cut():
    # nothing before the marks, or a space: as before, the line does not end a sentence
    text = 'Talks ended\n”\nand he said "\nwe agree.'
    assert _sents(text) == ["Talks ended", '”\nand he said "\nwe agree.']
    _same_in_batch([text])


CHINESE = (
    "香港行政长官梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质询，并向香港民众道歉。"
    "梁振英强调承诺将在两周内解决其住宅的违建问题。"
    "梁振英在接受质询前的发言中说：“回顾事件，我虽然从无任何存心隐瞒的意图，"
    "但必须承认自己有处理疏忽及交代不清之处，为此我再次向市民郑重道歉。”"
    "梁振英在选举中还击败了曾是自由党党员的前政务司司长唐英年。"
)
JAPANESE = (
    "【6月18日 AFP】ナイジェリア北東部ボルノ（Borno）州で16日夜、イスラム過激派組織「ボコ・ハラム"
    "（Boko Haram）」によるものと思われる少女を使った自爆攻撃が起き、31人が死亡した。"
    "地元当局者と民兵指導者が17日、AFPに明らかにした。"
    "地元当局者は「死傷者の大半は町の外から発射されたロケット弾によるものだった。"
    "事件後に、自爆攻撃が6人の少女によって実行されたことが明らかになった。」と述べた。"
)


def test_ideographic_full_stop_ends_a_sentence_with_its_closing_quote():
    got = _sents(CHINESE)
    assert len(got) == 4
    assert got[2].startswith("梁振英在接受质询前") and got[2].endswith("郑重道歉。”")
    assert got[3] == "梁振英在选举中还击败了曾是自由党党员的前政务司司长唐英年。"
    # "。」と述べた" (", he said"): the quotative particle keeps the quote in its sentence
    assert [s[-5:] for s in _sents(JAPANESE)] == [
        "死亡した。",
        "かにした。",
        "のだった。",
        "と述べた。",
    ]
    assert _sents("明らかになった。」と述べた。次") == ["明らかになった。」と述べた。", "次"]
    _same_in_batch([CHINESE, JAPANESE, CHINESE + "\n\n" + JAPANESE])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("真的？是的！好。", ["真的？", "是的！", "好。"]),
        ("क्या यह सच है? हाँ। वह गया॥ फिर", ["क्या यह सच है?", "हाँ।", "वह गया॥", "फिर"]),
        ("هل هذا صحيح؟ نعم. ثم ذهب۔ انتهى", ["هل هذا صحيح؟", "نعم.", "ثم ذهب۔", "انتهى"]),
        ("他说：「好的。」然后走了｡完", ["他说：「好的。」", "然后走了｡", "完"]),
        ('他说"好的。" 然后', ['他说"好的。"', "然后"]),
        ('他说"好的。"然后', ['他说"好的。', '"然后']),  # a straight quote before text opens
        ("。。。", ["。。。"]),
        ("好。。」」と言った。", ["好。。」」と言った。"]),
        ("好。と", ["好。", "と"]),  # no closing mark: the full stop ends the sentence
        ("。" * 3000 + "」と言った", ["。" * 3000 + "」と言った"]),
        ("Ends here。", ["Ends here。"]),
    ],
)
def test_terminal_marks(text, want):
    assert _sents(text) == want
    _same_in_batch([text, "Mr. Li left.", text])


def test_ascii_text_unchanged_by_terminal_marks():
    text = "Mr. Zhai met envoys on Jan. 9 in Doha. The U.S. envoy was absent."
    assert _sents(text) == ["Mr. Zhai met envoys on Jan. 9 in Doha.", "The U.S. envoy was absent."]
    assert set(TERMINALS).isdisjoint(text)


_SOUP = list("aB. ?!\n\"”“')(1,:;-\u00a0\t\x00é」】") + list(TERMINALS)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet=st.sampled_from(_SOUP), max_size=60), min_size=1, max_size=5))
def test_property_batch_equals_split_sentences_with_terminals(texts):
    _same_in_batch(texts)
