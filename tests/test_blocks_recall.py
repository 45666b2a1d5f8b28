"""The text-block classifier keeps what the article owns (issue 15): paragraphs wrapped
over several lines, English prose on a page in another language, a list right before
the first paragraph, and it judges very long lines by their text. Plus the exactness of
the fast paths in ``blocks.line_features``."""

from __future__ import annotations

import re

from _prose import P1, P2
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_tools.blocks import (
    classify_lines,
    document_settings,
    line_features,
    load_block_settings,
)
from corpus_tools.clean import clean_text, load_rules, reconstruct_text

NAV = ["Home", "World", "Business", "Sport"]
FOOT = ["Contact Us", "Privacy Policy", "Terms of Use"]
# one paragraph wrapped at a fixed width, as text from e-mail, PDF or <pre> is
WRAPPED = [
    "Analysts were cautious, noting that similar promises had",
    "been made before and that the domestic politics of both",
    "countries made it hard for either leader to offer the",
    "concessions that a lasting deal would need.",
]


def _kept(raw: str, **kw: object) -> list[str]:
    text, _rows = clean_text(raw, **kw)  # type: ignore[arg-type]
    return [ln for ln in text.split("\n") if ln.strip()]


def _no_wrap(tmp_path):  # noqa: ANN001, ANN202
    f = tmp_path / "blocks.yml"
    f.write_text("thresholds:\n  wrap_min_lines: 0\n", encoding="utf-8")
    return load_rules(blocks=f)


def test_a_wrapped_paragraph_is_judged_as_one_block(tmp_path):
    raw = "\n".join([*NAV, "Ministers agree to resume border talks", P1, *WRAPPED, *FOOT])
    kept = _kept(raw)
    # kept, and rejoined by the layout step (a sentence cut at a line break)
    assert kept == ["Ministers agree to resume border talks", P1, " ".join(WRAPPED)]
    # line by line, each wrapped line is short and the paragraph went as chrome
    assert _kept(raw, rules=_no_wrap(tmp_path)) == ["Ministers agree to resume border talks", P1]
    # a menu in lower case is not a sentence going on: it stays chrome
    menu = ["Home", "news", "sport", "weather"]
    assert _kept("\n".join([*menu, "Talks to resume", P1, P2, *FOOT]))[0] == "Talks to resume"


def test_wrapped_lines_are_logged_and_rebuilt_exactly():
    raw = "\n".join([*NAV, "Ministers agree to resume border talks", *WRAPPED, P2, *FOOT]) + "\n"
    text, rows = clean_text(raw)
    assert " ".join(WRAPPED) in text
    assert {r["rule"] for r in rows if r["category"] == "block"} == {
        "block:before_body",
        "block:after_body",
    }
    assert reconstruct_text(text, rows) == raw


DE = [
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Die Regierung hat am Montag die Verhandlungen mit den Gewerkschaften wieder "
    "aufgenommen, nachdem die Gespräche im Frühjahr ohne Ergebnis abgebrochen worden waren.",
    "Der Minister sagte, man sei zuversichtlich, dass eine Einigung noch vor dem Sommer "
    "möglich sei, auch wenn die Positionen weiterhin weit auseinander lägen.",
    "Die Gewerkschaften fordern seit Monaten höhere Löhne für die Beschäftigten im "
    "öffentlichen Dienst und kürzere Arbeitszeiten für die Schichtarbeiter in den Kliniken.",
    "Ein Sprecher der Arbeitgeber erklärte dagegen, die Forderungen seien in der "
    "gegenwärtigen Lage der Haushalte von Bund und Ländern nicht zu bezahlen.",
    "Beobachter rechnen damit, dass sich die Verhandlungen noch über mehrere Wochen "
    "hinziehen werden, weil beide Seiten unter erheblichem Druck ihrer Mitglieder stehen.",
    "Bereits im vergangenen Jahr hatte es in mehreren Städten Warnstreiks gegeben, bei "
    "denen Busse und Bahnen stillstanden und viele Kitas geschlossen blieben.",
    "Für die kommende Woche sind weitere Gespräche in Potsdam geplant, zu denen auch "
    "Vertreter der Länder und der kommunalen Arbeitgeberverbände erwartet werden.",
    "Nach Angaben der Gewerkschaft haben sich bislang mehr als zehntausend Beschäftigte "
    "an den Protesten beteiligt, vor allem aus Krankenhäusern und Verkehrsbetrieben.",
    "Der Verband der kommunalen Arbeitgeber wies diese Zahlen zurück und sprach von "
    "deutlich weniger Teilnehmern, als die Organisatoren der Kundgebungen angegeben hätten.",
]
# an English quote the article ends with (no full stop at the end: a link follows)
EN_QUOTE = (
    "We have said from the start that this is about the future of the workers and "
    "their families, and that is what we will keep saying at the table. The statement "
    "of the union is on its website in full today"
)


def test_english_prose_on_a_page_in_another_language_is_kept():
    s = load_block_settings()
    raw = "\n".join([*DE, EN_QUOTE, "Impressum", "Datenschutz", "Kontakt"])
    out = classify_lines([(i, v, None) for i, v in enumerate(raw.split("\n"))], s)
    assert document_settings(raw.split("\n"), s)[1] == "German"
    assert 12 not in out  # the English paragraph after the German ones
    assert set(out) == {0, 1, 2, 13, 14, 15}
    assert out[13][1].startswith("after the last body paragraph (line 13)")
    # judged by the German stop list alone it is a line with few stopwords (chrome)
    de_s = document_settings(raw.split("\n"), s)[0]
    assert line_features(EN_QUOTE, de_s).reason.startswith("few stopwords")


RECIPE = [
    *NAV,
    "Lemon and almond biscuits for winter",
    "Ingredients",
    "200 g flour",
    "100 g sugar",
    "150 g butter",
    "2 unwaxed lemons",
    "Heat the oven to 180 degrees, rub the butter into the flour and sugar until the mixture "
    "looks like fine crumbs, then add the zest and the juice of the lemons.",
    "Roll the dough into small balls, press each of them flat on a tray and bake them for "
    "about twelve minutes, until the edges are golden and the middle is still soft.",
    *FOOT,
]


def test_a_list_right_before_the_first_paragraph_belongs_to_the_article():
    out = classify_lines([(i, v, None) for i, v in enumerate(RECIPE)])
    assert sorted(out) == [0, 1, 2, 3, 12, 13, 14]
    # the heading and the four items stay, the menu goes
    text, rows = clean_text("\n".join(RECIPE))
    gone = {r["text"].strip() for r in rows if r["replacement"] == ""}
    assert gone == {*NAV, *FOOT}
    assert text.startswith("Lemon and almond biscuits for winter\nIngredients\n200 g flour")


def test_a_very_long_line_is_judged_by_its_text_not_taken_as_a_paragraph():
    places = "Paris Berlin Madrid Rome Vienna Prague Warsaw Lisbon Dublin Athens".split()
    tags = " ".join(f"{p} Elections {p} Economy" for p in places * 10)  # > 2,000 characters
    assert len(tags) > 2000
    raw = "\n".join([*NAV, "Ministers agree to resume border talks", P1, P2, *FOOT, tags])
    text, rows = clean_text(raw)
    assert P1 in text and P2 in text and tags not in text
    (row,) = [r for r in rows if r["text"].strip() == tags]
    assert row["rule"] == "block:after_body"
    assert "few stopwords" in row["detail"]


def test_a_long_news_paragraph_is_not_a_site_notice():
    s = load_block_settings()
    clause = "and that the copyright owners had agreed to the change, which "
    para = (
        "The company said the new system would protect the privacy of its customers, "
        "who had complained that their rights were ignored when the old one was introduced, "
        + clause * 8
        + "will take effect next month."
    )
    f = line_features(para, s)
    assert f.n_words >= 100  # three notice words, four needed at this length
    assert f.cls == "good", f.reason
    notice = "Copyright 2024 Example Media. All rights reserved. Privacy policy and terms."
    assert line_features(notice, s).reason.startswith("site notice")


_NOTICE_TOKEN_RE = re.compile(r"[\u00a9\u00ae\u2122]|[^\W\d_]+(?:-[^\W\d_]+)*")
_WORDS = st.sampled_from(
    [
        "copyright",
        "rights",
        "privacy",
        "the",
        "site's",
        "all-rights",
        "cookie",
        "©",
        "news",
        "policy",
        "reserved",
        "terms-of-use",
        "o'brien",
        "x",
        "2024",
        "-",
        "’s",
        "website",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=8, max_size=30), st.sampled_from([" ", "-", "'", ", "]))
def test_notice_prefilter_gives_the_full_scan_result(words, sep):
    """The fast path (no part of a notice word among the line's words: no scan) is exact."""
    s = load_block_settings()
    line = sep.join(words)
    f = line_features(line, s)
    if f.reason.startswith("chrome"):
        return  # decided before the notice test
    low = line.casefold()
    hits = {t for t in _NOTICE_TOKEN_RE.findall(low) if t in s.notice_words}
    full = (
        f.n_words >= 8
        and len(hits) >= 2 + f.n_words // 50
        and any(h in s.notice_strong for h in hits)
    )
    assert f.reason.startswith("site notice") == full
