"""The title above the body: a first line cut only for its few stopwords, and the first
line the site's learned template left (session 25, issue 15)."""

from __future__ import annotations

from _prose import BODY, BODY2

import corpus_tools as ct
import corpus_tools.blocks as B

PT_TITLE = (
    "Prêmio Multishow acontece nesta quarta com apresentação de Paulo Gustavo, Tatá Werneck e Iza"
)
PT_BODY = [
    "O Prêmio Multishow 2020 acontece nesta quarta (16), às 22h30, com apresentação de Paulo "
    "Gustavo, Tatá Werneck e Iza, e os artistas vão se apresentar de cidades diferentes.",
    "Por conta da pandemia, o formato do prêmio não vai ser igual aos anos anteriores. Apenas os "
    "apresentadores estarão juntos no Rio e as performances vão acontecer em lugares diferentes.",
    "Já Lulu Santos, Teresa Cristina, IZA, Ludmilla, Dilsinho, Lexa, Kevinho e Pedro Sampaio vão "
    "fazer performances direto da capital carioca, como nos anos em que o público estava lá.",
    "A premiação começa às 22h30, mas desde às 21h30 haverá apresentações de Jão, MC Rebecca e "
    "Papatinho e outros como um pré-show no Multishow e nas redes sociais do canal.",
]


def _decided(doc: list[tuple[str, str | None]]) -> dict[int, tuple[str, str]]:
    return B.classify_lines([(i, v, r) for i, (v, r) in enumerate(doc)])


def test_first_line_with_few_stopwords_is_the_title():
    """A Portuguese title has 4 stopwords of 14 words (0.29, under jusText's 0.30): it was
    cut as 'before the body'; with no other headline-like line above the body it is the title."""
    text = "\n\n".join([PT_TITLE, *PT_BODY])
    clean, log = ct.clean_text(text)
    assert clean.startswith(PT_TITLE)
    assert [r["rule"] for r in log if r["rule"].startswith("block")] == []


def test_few_stopwords_first_line_is_no_title_when_a_headline_is_found():
    # a headline-like line right above the body wins over a first line with few stopwords
    doc = [
        ("Breaking News Weather Sports Business Entertainment Video Opinion Technology", None),
        ("Talks to resume next week in Geneva", None),
        (BODY, None),
        (BODY2, None),
        (BODY, None),
        ("Contact Us", None),
    ]
    out = _decided(doc)
    assert 0 in out and out[0][0] == "block:before_body"
    assert "few stopwords" in out[0][1]
    assert 1 not in out


def _templated(first: str) -> list[tuple[str, str | None]]:
    return [
        ("Inside AdWords", "template:learned"),
        ("Home | Blog | Directory", "template:learned"),
        (first, None),
        ("Tuesday, November 6, 2012", None),
        ("New ad formats for mobile", None),
        (BODY, None),
        (BODY2, None),
        (BODY, None),
        ("Contact Us", None),
    ]


def test_sentence_under_the_template_is_no_title():
    """The first kept line, under lines the site's template removed, ends with a full stop:
    it is not taken for the title (the headline above the body is)."""
    out = _decided(_templated("Visit our directory for more information about Google blogs."))
    assert out[2][0] == "block:before_body"
    assert 4 not in out  # the headline stays
    # a title line there (no full stop, or a question) is still the document's first line
    for title in ("Inside AdWords: new ad formats", "Who paid for the new ad formats?"):
        out = _decided(_templated(title))
        assert 2 not in out, title


def test_statement():
    assert B._statement('He said "it is done."')
    assert not B._statement("How did the ad get made? SNL imagines an answer.")
    assert not B._statement("New ad formats for mobile")
    assert not B._statement(None)
