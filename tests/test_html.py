"""Tests for corpus_tools.html: everything from the corpus is escaped."""

from __future__ import annotations

import re

import pytest

from corpus_tools import html as cth

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<!DOCTYPE html><html><head><style>body{display:none}</style></head><body>x</body></html>",
    '" onmouseover="alert(1)',
]


def _tags(fragment: str) -> list[str]:
    """Tag names of the live markup in a fragment."""
    return re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", fragment)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<b>", "&lt;b&gt;"),
        ("a & b", "a &amp; b"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("it's", "it&#x27;s"),
        (None, ""),
        (3, "3"),
    ],
)
def test_escape(text, expected):
    assert cth.escape(text) == expected


@pytest.mark.parametrize("hostile", HOSTILE)
def test_highlight_never_emits_corpus_markup(hostile):
    text = f"Before. {hostile} After."
    out = cth.highlight(text, [(0, 7, hostile), (8, 8 + len(hostile))])
    assert set(_tags(out)) <= {"div", "mark"}
    assert "<script" not in out and "<img" not in out and "<style" not in out
    assert cth.escape(hostile) in out


@pytest.mark.parametrize("hostile", HOSTILE)
def test_before_after_never_emits_corpus_markup(hostile):
    raw = f"Body line.\n{hostile}\nMore body.\n"
    start = raw.index(hostile)
    out = cth.before_after(
        raw, [(start, start + len(hostile) + 1, hostile, ""), (0, 4, "rule", hostile)]
    )
    assert set(_tags(out)) <= {"div", "del", "ins", "small"}
    assert cth.escape(hostile) in out


@pytest.mark.parametrize(
    "text, spans, labels, expected_marks",
    [
        ("Talks in Doha ended.", [(9, 13)], ["place"], ['title="place">Doha</mark>']),
        ("Talks in Doha ended.", [(9, 13, "p")], None, ['title="p">Doha</mark>']),
        # overlapping: the second span is clipped to start where the first ends
        ("abcdefgh", [(0, 4), (2, 6)], None, [">abcd</mark>", ">ef</mark>"]),
        # a span entirely inside an earlier one disappears
        ("abcdefgh", [(0, 6), (2, 4)], None, [">abcdef</mark>"]),
        ("abc", [], None, []),
    ],
)
def test_highlight_spans(text, spans, labels, expected_marks):
    out = cth.highlight(text, spans, labels=labels)
    marks = re.findall(r'(?:title="[^"]*")?>[^<>]*</mark>', out)
    assert len(marks) == len(expected_marks)
    for want in expected_marks:
        assert want in out
    # the visible text (tags removed, entities undone) is the input text
    import html

    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


@pytest.mark.parametrize("span", [(-1, 2), (2, 1), (0, 99)])
def test_highlight_rejects_bad_offsets(span):
    with pytest.raises(ValueError, match="outside the text"):
        cth.highlight("short", [span])


def test_before_after_removal_and_change():
    raw = "Envoys meet\n\nShare this\n\nan ally that\n\nPutin visited."
    share = raw.index("\n\nShare")
    rejoin = raw.index("\n\nPutin")
    out = cth.before_after(
        raw,
        [(rejoin, rejoin + 2, "rejoin_broken_line", " "), (share, share + 12, "share_button", "")],
    )
    assert '<del style="' in out and 'title="share_button">\n\nShare this</del><small' in out
    # the label sits on the removed line, before its line break
    assert out.index("[share_button]") < out.index("\n\nan ally")
    assert 'title="rejoin_broken_line">\n\n</del><ins' in out
    assert "[share_button]" in out and "[rejoin_broken_line]" in out
    no_labels = cth.before_after(raw, [(share, share + 12, "share_button", "")], show_labels=False)
    assert "[share_button]" not in no_labels


def test_side_by_side_escapes_titles():
    out = cth.side_by_side(cth.escape("<L>"), cth.escape("<R>"), titles=("<b>A</b>", "B & C"))
    assert "&lt;b&gt;A&lt;/b&gt;" in out and "B &amp; C" in out
    assert "&lt;L&gt;" in out and "&lt;R&gt;" in out
    assert out.count("flex:1 1 0") == 2


def test_html_object_reprs():
    obj = cth.HTML("<div>x</div>", "<2 edits>")
    assert obj._repr_html_() == "<div>x</div>"
    assert repr(obj) == "<2 edits>"
    assert str(obj) == "<div>x</div>"
    assert "0x" not in repr(cth.HTML("<p></p>"))


# ------------------------------------------------------------ evidence_view / kwic_view
def test_evidence_view_whole_sentences_wrapped_between_words():
    import pandas as pd

    long = "The Russian and Chinese diplomats also frankly exchanged views on the situation " * 3
    t = pd.DataFrame(
        {"doc_id": ["a", "b"], "sent_id": [1, 2], "sentence": [long, "<script>x</script>"]}
    )
    import corpus_tools as ct

    view = ct.evidence_view(t, width=50)
    text = repr(view)
    words = set(long.split())
    for line in text.splitlines()[1:4]:
        assert len(line) <= 50 and all(w in words for w in line.split())
    assert " ".join(long.split()) in view.html  # the whole sentence, never cut
    assert "<script>" not in view.html and "&lt;script&gt;" in view.html
    assert repr(ct.evidence_view(t, max_rows=1)).endswith("1 more rows not shown (of 2).")


def test_kwic_view_long_doc_ids_wrap_in_their_column():
    """A folder corpus's doc_id is its path: 60-90 characters kept on one line pushed the
    concordance past the page; they wrap inside 36 characters, short ids stay whole."""
    import re

    import pandas as pd

    import corpus_tools as ct

    path = "web.archive.org/20150314/www.example-news.com/politics/2015/03/a-long-slug.html"
    hits = pd.DataFrame(
        {
            "group": ["example-news.com", "b"],
            "doc_id": [path, "a1"],
            "left": ["l " * 40, "x"],
            "match": ["vote", "vote"],
            "right": ["r " * 40, "y"],
        }
    )
    view = ct.kwic_view(hits)
    cells = re.findall(r"<td style=\"([^\"]*)\">([^<]*)</td>", view.html)
    by_text = {text: style for style, text in cells}
    assert "max-width:36ch" in by_text[path] and "overflow-wrap:anywhere" in by_text[path]
    assert "white-space:nowrap" in by_text["a1"]
    assert "white-space:nowrap" in by_text["example-news.com"]
    # the wrapped id is counted at 36 characters: 52 of context a side, not 30
    assert len(repr(view).splitlines()[0].split("vote")[1].strip()) == 52
    ev = ct.evidence_view(pd.DataFrame({"doc_id": [path], "sentence": ["A vote."]}))
    assert "max-width:36ch" in ev.html


def test_kwic_view_centres_the_keyword():
    import pandas as pd

    hits = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "left": ["the long left context said", "", "x" * 100],
            "match": ["Hamas", "Hamas", "hamas"],
            "right": ["would pay", "attacked the", "y" * 100],
        }
    )
    import corpus_tools as ct

    view = ct.kwic_view(hits, context=30)
    lines = repr(view).splitlines()
    cols = {line.index("amas") for line in lines}
    assert len(cols) == 1  # the keyword starts in the same column on every line
    assert lines[2].split()[1].startswith("…") and lines[2].endswith("…")
    assert "text-align:right" in view.html and "text-align:center" in view.html


def test_before_after_shows_line_ending_edits_without_a_label():
    """Windows line ends made '\\n' changed no visible text: 600 Portuguese articles' view
    labelled every line [crlf_to_lf], hiding the lines cleaning removed."""
    from corpus_tools.html import before_after

    raw = "Lula 34%\r\nShare this\r\nBody.\r\n"
    edits = [(8, 10, "crlf_to_lf", "\n"), (10, 20, "share", ""), (27, 29, "crlf_to_lf", "\n")]
    page = before_after(raw, edits)
    assert "crlf_to_lf" not in page and "[share]" in page
    assert page.count("<del") == 1 and "Lula 34%\n" in page
