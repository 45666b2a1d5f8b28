"""Units holding whitespace beyond ASCII are split by the batch splitter (no one-by-one
path) with split_sentences' rows: a no-break space and its kin are whitespace to Punkt's
``\\s`` and to ``str.isspace`` alike; U+001C..U+001F (whitespace to ``str.isspace`` only)
still take the per-unit path. split_sentences is checked against NLTK in test_tokenize.py."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools import tokenize as tk
from corpus_tools.tokenize import sentence_batch, split_sentences


def _check(texts: list[str]) -> None:
    rows, counts = sentence_batch(texts)
    want = [list(r) for t in texts for r in split_sentences(t)]
    assert rows.tolist() == want
    assert counts.tolist() == [len(split_sentences(t)) for t in texts]


_ODD = list(tk._ODD_SPACE)
_WORDS = st.sampled_from(
    [
        "Mr.",
        "U.S.",
        "said.",
        "agree.”",
        '"Why?"',
        "it?",
        "Yes!",
        "5.",
        "J.",
        "e.g.",
        "Oct.",
        "end.)",
        "Müller.",
        "The",
        "officials",
        "a",
        "(Reuters)",
        "...",
        "—",
        "x",
    ]
)
_SEPS = st.sampled_from([" ", " ", "\n", "\n\n", *_ODD, "\u00a0 ", " \u00a0", "\u00a0\u00a0"])


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.tuples(_WORDS, _SEPS), max_size=25), min_size=1, max_size=6))
def test_word_soup_with_every_odd_space(docs):
    _check(["".join(w + s for w, s in parts) for parts in docs])


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("aB. ?!\n\"”“')(1:;") + _ODD[:12]), max_size=60),
        min_size=1,
        max_size=5,
    )
)
def test_punctuation_soup_with_odd_spaces(texts):
    _check(texts)


def test_no_break_spaces_take_the_batch_path_and_separators_the_unit_path(monkeypatch):
    calls: list[str] = []
    unit = tk._unit_sentences
    monkeypatch.setattr(tk, "_unit_sentences", lambda u, a: calls.append(u) or unit(u, a))
    texts = [
        "Mr.\u00a0Li left.\u00a0He came back.\u202fThen\u3000he went. Out.",
        "It rained.\u00a0\u00a0Then it stopped.\u2009Done!",
        "One.\x1cTwo. Three.",
    ]
    _check(texts)
    calls.clear()
    rows, _ = sentence_batch(texts)
    assert calls == ["One.\x1cTwo. Three."]  # the only unit split one by one
    got = [texts[0][s:e] for _, s, e in rows[:4].tolist()]
    assert got == ["Mr.\u00a0Li left.", "He came back.", "Then\u3000he went.", "Out."]
