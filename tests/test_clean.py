"""Tests for corpus_tools.clean: rules, lossless log, rejoin, duplicates, Unicode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_tools.clean import (
    LOG_ROW_KEYS,
    clean_text,
    frequent_short_lines,
    load_rules,
    map_offsets,
    reconstruct,
    reconstruct_text,
)
from corpus_tools.errors import CorpusValueError, DataFileError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT / "seeds"
EXPECTED = HERE / "expected"
DATA = HERE / "data" / "clean"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _check_rows(raw: str, clean: str, rows: list[dict]) -> None:
    """Invariants of every log: keys, raw slices, order, no overlap, lossless."""
    prev_end = 0
    for r in rows:
        assert tuple(r) == LOG_ROW_KEYS
        assert r["text"] == raw[r["start"] : r["end"]]
        assert r["start"] >= prev_end and r["end"] >= r["start"]
        assert r["text"] != r["replacement"]
        assert 1 <= r["line_no"] <= raw.count("\n") + raw.count("\r") + 1
        prev_end = r["end"]
    assert reconstruct_text(clean, rows) == raw


# --------------------------------------------------------------------------
# docs/methods.md, section "Cleaning" worked example
# --------------------------------------------------------------------------
WORKED_RAW = (
    "Envoys meet in Doha\n\nSign up now: Get our newsletters delivered to your inbox\n\n"
    "Russia said it was coordinating policy with China, an ally that\n\n"
    "President\u00a0Vladimir Putin visited this week.\n\nShare this article\n"
)


def test_worked_example_methods_section_1():
    # NBSP is not edited in the stored text (tokenize.fold folds it for
    # matching), so there is no nbsp_to_space row and the NBSP stays.
    # line_no is 1-based (a table that counts lines from 0 would differ).
    assert len(WORKED_RAW) == 208
    clean, rows = clean_text(WORKED_RAW)
    got = [
        (r["line_no"], r["start"], r["end"], r["rule"], r["text"], r["replacement"]) for r in rows
    ]
    assert got == [
        (
            3,
            21,
            79,
            "signup_newsletter",
            "Sign up now: Get our newsletters delivered to your inbox\n\n",
            "",
        ),
        (5, 142, 144, "rejoin_broken_line", "\n\n", " "),
        (9, 187, 208, "share_button", "\n\nShare this article\n", ""),
    ]
    assert clean == (
        "Envoys meet in Doha\n\nRussia said it was coordinating policy with China, "
        "an ally that President\u00a0Vladimir Putin visited this week."
    )
    assert len(clean) == 128 == 208 - 58 - 2 + 1 - 21
    _check_rows(WORKED_RAW, clean, rows)


# --------------------------------------------------------------------------
# seeds: hand-written expected clean text, lossless, precision / recall
# --------------------------------------------------------------------------
@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_clean_text_matches_hand_written_expectation(name):
    raw = _read(SEEDS / name)
    clean, rows = clean_text(raw)
    assert clean == _read(EXPECTED / name)
    _check_rows(raw, clean, rows)


def test_reconstruct_every_seed_from_corpus(seed_corpus):
    for doc_id in seed_corpus.doc_ids:
        assert reconstruct(seed_corpus, doc_id) == seed_corpus.raw(doc_id)


def _removed_lines(raw: str, rows: list[dict]) -> set[int]:
    """1-based non-blank raw lines whose whole content lies inside a removal row."""
    removals = [(r["start"], r["end"]) for r in rows if r["replacement"] == ""]
    out, pos = set(), 0
    for no, line in enumerate(re.split(r"\r\n|\r|\n", raw), start=1):
        start, end = pos, pos + len(line)
        pos = end + (2 if raw.startswith("\r\n", end) else 1)
        if line.strip() and any(s <= start and end <= e for s, e in removals):
            out.add(no)
    return out


def test_precision_recall_of_removed_lines_on_seeds():
    labels = yaml.safe_load((EXPECTED / "chrome_lines.yml").read_text(encoding="utf-8"))
    assert sorted(labels) == SEED_FILES
    tp = fp = fn = 0
    report = []
    for name in SEED_FILES:
        raw = _read(SEEDS / name)
        lines = raw.split("\n")
        gold = set()
        for item in labels[name]:
            assert lines[item["line"] - 1].startswith(item["starts"]), (name, item)
            gold.add(item["line"])
        _, rows = clean_text(raw)
        got = _removed_lines(raw, rows)
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        report.append(f"{name}: gold={sorted(gold)} removed={sorted(got)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    msg = f"removed-line precision={precision:.3f} recall={recall:.3f} (tp={tp}, fp={fp}, fn={fn})"
    print("\n" + msg + "\n" + "\n".join(report))
    assert precision >= 0.9 and recall >= 0.9, msg


def test_clean_offsets_map_back_to_raw_on_seeds():
    for name in SEED_FILES:
        raw = _read(SEEDS / name)
        clean, rows = clean_text(raw)
        for m in re.finditer(r"\w+", clean):
            (s,) = map_offsets([m.start()], rows)
            (e,) = map_offsets([m.end()], rows, side="end")
            assert raw[s:e] == m.group(), (name, m.group())


# --------------------------------------------------------------------------
# a hostile file: BOM, CRLF, lone CR, mojibake, NBSP, combining accent, ZWSP
# --------------------------------------------------------------------------
def test_hostile_file_crlf_mojibake():
    raw = _read(DATA / "hostile_crlf_mojibake.txt")
    clean, rows = clean_text(raw)
    assert clean == (
        "Envoys meet in Doha\n\nRussia\u2019s envoy said it was \u201ccoordinating\u201d policy with "
        "China, an ally that President\u00a0Vladimir Putin visited this week.\n\n"
        "The caf\u00e9 on the corner closed."
    )
    rules = [r["rule"] for r in rows]
    assert rules == [
        "zero_width",
        "crlf_to_lf",
        "crlf_to_lf",
        "signup_newsletter",
        "mojibake:apply decode_inconsistent_utf8",
        "rejoin_broken_line",
        "crlf_to_lf",
        "crlf_to_lf",
        "zero_width+nfc",
        "related_bare",
        "comment_form",
    ]
    moji = rows[4]
    assert (moji["text"], moji["replacement"], moji["category"]) == (
        "\u00e2\u20ac\u2122",
        "\u2019",
        "mojibake",
    )
    assert rows[5]["text"] == "\r\n\r\n" and rows[5]["replacement"] == " "
    _check_rows(raw, clean, rows)


# --------------------------------------------------------------------------
# rules: every shipped example matches; body sentences do not
# --------------------------------------------------------------------------
def test_every_shipped_rule_has_id_category_description_example():
    rules = load_rules()
    assert len(rules) >= 25
    for r in rules.rules:
        assert r.id and r.category and r.description and r.example
    assert set(rules.categories) == {
        "signup",
        "credit",
        "share",
        "related",
        "counter",
        "page_chrome",
        "comments",
        "cookies",
        "metadata",
    }


@pytest.mark.parametrize(
    "rule", [r for r in load_rules().rules if r.match == "line"], ids=lambda r: r.id
)
def test_each_line_rule_removes_its_example_between_paragraphs(rule):
    raw = f"Talks ended on Friday.\n\n{rule.example}\n\nEnvoys left the city."
    if rule.last_lines is not None:  # a footer only as the last line(s): after the paragraphs
        raw = f"Talks ended on Friday.\n\nEnvoys left the city.\n\n{rule.example}"
    clean, rows = clean_text(raw)
    assert clean == "Talks ended on Friday.\n\nEnvoys left the city."
    assert [r["rule"] for r in rows] == [rule.id]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Sign up for our daily newsletter", "signup_newsletter"),
        ("SUBSCRIBE TO OUR NEWSLETTER", "signup_newsletter"),
        ("Photo: AFP", "photo_credit"),
        ("REUTERS/Evelyn Hockstein", "agency_photo_credit"),
        ("Follow us on X", "follow_prompt"),
        ("Follow topic:", "follow_prompt"),
        ("Print", "share_button"),
        ("Read more: Gaza aid convoy stalls at Rafah", "related_label"),
        ("SEE ALSO: Apple App Store Breaks Record", "related_label"),
        ("See more on", "see_more_on"),
        ("5 min read", "read_time"),
        ("232 views0 comments", "views_comments"),
        ("12 Comments", "views_comments"),
        ("top of page", "top_of_page"),
        ("Advertisement", "advertisement"),
        ("Leave a comment", "comment_form"),
        ("This site uses Akismet to reduce spam.", "akismet_notice"),
        ("We use cookies to give you the best experience on our website.", "cookie_notice"),
        ("\u00a9 2024 Example Media Ltd", "copyright_line"),
        ("Updated: 19 Oct 2023 14:05", "updated_line"),
        (
            "Officials were seen in Mongolia trying to stop the plague Credit: The Siberian Times",
            "caption_trailing_credit",
        ),
        ("Die Stimmung in Wolfsburg ist nicht gut. (Foto: Volkswagen)", "caption_trailing_credit"),
        ("A fracking plant in Pennsylvania \u00a9 Noah Addis", "caption_trailing_credit"),
        (
            "Protesters do not want Hong Kong to lose autonomy (Image: getty )",
            "caption_trailing_credit",
        ),
        ("Image 1 of 5", "gallery_counter"),
    ],
)
def test_line_rule_table(line, rule):
    _, rows = clean_text(f"Body one.\n\n{line}\n\nBody two.")
    assert [r["rule"] for r in rows] == [rule]


@pytest.mark.parametrize(
    "line",
    [
        "Follow the money, the prosecutor told the court on Monday.",
        "The company said it would sign up 3,000 new readers for its newsletter, a rise of a fifth on "
        "last year and more than analysts had expected, according to its annual report on Tuesday.",
        "Read the full statement below.",
        "He shared the article with reporters.",
        "Top of the agenda was the hostage question.",
        "Reuters could not independently verify the reports.",
        "The minister (left the room before the vote) declined to comment.",
        "Views differ on the 1,400 comments the ministry received.",
        "He said the photo: it was fake and nobody believed it.",
        "The deal was described in an email that was reviewed by Reuters.",
        "Photos: Israel strikes UN warehouse in Rafah",
        "He won 3 of 5 games.",
        "Wikinews interviews on contributions to open-source: Opera",
    ],
)
def test_body_sentences_are_kept(line):
    raw = f"Body one.\n\n{line}\n\nBody two."
    clean, rows = clean_text(raw)
    assert clean == raw and rows == []


def _credit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``caption_trailing_credit`` as shipped, and without its leading lookahead."""
    (rule,) = [r for r in load_rules().rules if r.id == "caption_trailing_credit"]
    assert rule.pattern.startswith("(?=(?>")
    plain = rule.pattern[rule.pattern.index("\\Z)") + 3 :]
    assert plain.startswith(".*")
    return re.compile(rule.pattern), re.compile(plain)


_CREDIT_TRICKY = [
    # (line, the rule matches it)
    ("Noah Addis \u00a9 Getty Images", True),
    ("x (c) Y: Z", False),  # a colon after the copyright mark, then a capitalised word
    ("It was (c) Getty Images/AFP", True),
    ("Photo: A (c) B", True),  # the later mark is the credit
    ("Photo: A (c)", False),
    ("Photo: Reuters (left)", False),  # '(' after the credit
    ("aphoto\n:X", True),  # a newline between label and colon (\s)
    ('Washington said: "Security talks"', False),
    ("open-source: Opera", False),
    ("The (C) Courtesy of AFP", True),
    ("The (C) courtesy bbc.co.uk)", True),
    ("picture:[Reuters]", False),
    ("photo: \u017ftock", False),
    ("A PHOTOGRAPHS CREDITS: The Times", True),
    ("Lead text (Foto: dpa) more", False),
]


@pytest.mark.parametrize(("line", "expected"), _CREDIT_TRICKY)
def test_caption_credit_lookahead_changes_no_match(line, expected):
    fast, plain = _credit_patterns()
    a, b = fast.fullmatch(line), plain.fullmatch(line)
    assert (a is not None, b is not None) == (expected, expected)
    if a is not None and b is not None:
        assert a.groups() == b.groups()


@settings(
    max_examples=400, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.lists(
        st.sampled_from(
            [
                ":",
                "\u00a9",
                "(",
                ")",
                "]",
                "c",
                "C",
                "-",
                "/",
                " ",
                "\n",
                ".",
                "'",
                "Photo",
                "credit",
                "Source",
                "Getty",
                "via",
                "AFP",
                "x.com",
                "\u017f",
                "\u212a",
                "a",
                "1",
            ]
        ),
        max_size=12,
    )
)
def test_caption_credit_lookahead_same_as_plain(parts):
    fast, plain = _credit_patterns()
    line = "".join(parts)
    a, b = fast.fullmatch(line), plain.fullmatch(line)
    assert (a is None) == (b is None)
    if a is not None and b is not None:
        assert a.groups() == b.groups()


# --------------------------------------------------------------------------
# removal semantics: one adjoining blank line, head and tail
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("A para.\n\nShare\n\nB para.", "A para.\n\nB para."),  # middle: line + one blank
        ("A para.\nShare\n\nB para.", "A para.\n\nB para."),  # no blank before: keep the one after
        ("A para.\n\nShare\nB para.", "A para.\n\nB para."),  # no blank after
        ("A para.\nShare\nB para.", "A para.\nB para."),
        ("top of page\n\n\nTitle here\n", "Title here\n"),  # head: all following blanks
        (
            "Body.\n\nShare\n\nLeave a Reply\n\n",
            "Body.",
        ),  # tail: from the end of the last kept line
        ("Body.\n\n232 views0 comments\n\n\nbottom of page", "Body."),
        ("Share this article\n\nLeave a Reply\n", ""),  # all chrome: empty, never dropped
        ("Share this article\n", "Share this article\n"),  # one line: its own headline
        ("", ""),
        ("\n\n", "\n\n"),
    ],
)
def test_removal_keeps_one_blank_line_between_paragraphs(raw, clean):
    got, rows = clean_text(raw)
    assert got == clean
    _check_rows(raw, got, rows)


# --------------------------------------------------------------------------
# rejoining lines broken at hyperlinks (conditions a, b, c)
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # (c) next line lowercase
        (
            "Title.\n\nTalks with envoys on\n\nthe conflict ended.",
            "Title.\n\nTalks with envoys on the conflict ended.",
        ),
        # (c) function word at the end, next line capitalised
        (
            "Title.\n\nAn ally that\n\nPresident Putin visited.",
            "Title.\n\nAn ally that President Putin visited.",
        ),
        # cut twice
        (
            "Title.\n\nViews on\n\nthe war between Israel and Hamas group\n\nthat runs Gaza.",
            "Title.\n\nViews on the war between Israel and Hamas group that runs Gaza.",
        ),
        # (a) final punctuation: no join
        ("Title.\n\nHe said:\n\nthe war is over.", "Title.\n\nHe said:\n\nthe war is over."),
        # (b) first line of the document: no join
        ("Envoys meet in Doha\n\nthe talks began.", "Envoys meet in Doha\n\nthe talks began."),
        # (b) title-case short line: no join
        (
            "Body one.\n\nWhat Happens Next In The Gulf\n\nthe talks began.",
            "Body one.\n\nWhat Happens Next In The Gulf\n\nthe talks began.",
        ),
        # (c) fails: content word + capitalised next line
        (
            "Title.\n\nThe envoy met Zhai Jun\n\nRussia said.",
            "Title.\n\nThe envoy met Zhai Jun\n\nRussia said.",
        ),
        # a chrome line between the two halves is removed first
        (
            "Title.\n\nAn ally that\n\nSEE ALSO: Other story\n\nPutin visited.",
            "Title.\n\nAn ally that Putin visited.",
        ),
        # trailing spaces of the first half go with the separator
        ("Title.\n\nAn ally that  \n\nPutin visited.", "Title.\n\nAn ally that Putin visited."),
    ],
)
def test_rejoin_broken_lines(raw, clean):
    got, rows = clean_text(raw)
    assert got == clean
    _check_rows(raw, got, rows)
    joins = [r for r in rows if r["rule"] == "rejoin_broken_line"]
    assert all(r["replacement"] in (" ", "") for r in joins)


# --------------------------------------------------------------------------
# repeated lines
# --------------------------------------------------------------------------
def test_duplicate_teaser_twice_in_a_row_loses_both_copies():
    raw = "Body one.\n\nXi says China will defend justice\n\nXi says China will defend justice\n\nBody two."
    clean, rows = clean_text(raw)
    assert clean == "Body one.\n\nBody two."
    assert [(r["rule"], r["line_no"], r["detail"]) for r in rows] == [
        ("repeated_teaser", 3, "repeated_at=5"),
        ("duplicate_line", 5, "duplicate_of=3"),
    ]


def test_later_duplicate_removed_first_kept_when_not_adjacent():
    raw = "Talks in Doha resume today\n\nBody one.\n\nTalks in Doha resume today\n\nBody two."
    clean, rows = clean_text(raw)
    assert clean == "Talks in Doha resume today\n\nBody one.\n\nBody two."
    assert rows[0]["detail"] == "duplicate_of=1"


def test_long_punctuated_repeated_paragraph_is_kept():
    para = " ".join(["The envoys met in Doha and agreed to keep talking about the crisis."] * 3)
    raw = f"Title.\n\n{para}\n\n{para}"
    assert clean_text(raw) == (raw, [])


def test_self_doubled_line_loses_second_copy():
    raw = "Body one.\n\nIsrael says troops will enter Gaza Israel says troops will enter Gaza\n\nBody two."
    clean, rows = clean_text(raw)
    assert clean == "Body one.\n\nIsrael says troops will enter Gaza\n\nBody two."
    assert [(r["rule"], r["text"]) for r in rows] == [
        ("self_doubled_line", " Israel says troops will enter Gaza")
    ]


def test_self_doubled_line_with_video_duration_is_a_video_teaser():
    raw = "Body one.\n\n02:27 Troops to see Gaza soon Troops to see Gaza soon\n\nBody two."
    clean, rows = clean_text(raw)
    assert clean == "Body one.\n\nBody two."
    assert rows[0]["rule"] == "doubled_video_teaser"


# --------------------------------------------------------------------------
# partial edits: scraper prefix, trailing agency credit
# --------------------------------------------------------------------------
def test_date_field_prefix_on_first_line_only():
    raw = " date 2023-10-19 MOSCOW, October 19. Talks began.\n\ndate 2023-10-20 stays here."
    clean, rows = clean_text(raw)
    assert clean == "MOSCOW, October 19. Talks began.\n\ndate 2023-10-20 stays here."
    assert [(r["rule"], r["text"]) for r in rows] == [("date_field_prefix", " date 2023-10-19 ")]


def test_trailing_agency_credit_only_on_last_line():
    raw = "Talks ended. REUTERS\n\nIt did not single out Hamas. REUTERS\n"
    clean, rows = clean_text(raw)
    assert clean == "Talks ended. REUTERS\n\nIt did not single out Hamas.\n"
    assert [(r["rule"], r["text"]) for r in rows] == [("trailing_agency_credit", " REUTERS")]


# --------------------------------------------------------------------------
# Unicode
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "clean", "rules"),
    [
        (
            "Talks ended.\r\nEnvoys left.\r\n",
            "Talks ended.\nEnvoys left.\n",
            ["crlf_to_lf", "crlf_to_lf"],
        ),
        ("Talks ended.\rEnvoys left.", "Talks ended.\nEnvoys left.", ["crlf_to_lf"]),
        ("\ufeffTalks\u200b ended.", "Talks ended.", ["zero_width", "zero_width"]),
        ("co\u00adoperation", "cooperation", ["zero_width"]),
        ("Cafe\u0301 talks.", "Caf\u00e9 talks.", ["nfc"]),
        (
            "Iran\u00e2\u20ac\u2122s strikes.",
            "Iran\u2019s strikes.",
            ["mojibake:encode sloppy-windows-1252 → decode utf-8"],
        ),
        # kept: NBSP, curly quotes, ZWJ/ZWNJ, full-width letters, ligatures
        (
            "\u201cA\u00a0deal\u201d \u2014 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \uff21 \ufb01",
            None,
            [],
        ),
    ],
)
def test_unicode_edits_are_logged(raw, clean, rules):
    got, rows = clean_text(raw)
    assert got == (raw if clean is None else clean)
    assert [r["rule"] for r in rows] == rules
    assert all(r["category"] in ("unicode", "mojibake") for r in rows)
    _check_rows(raw, got, rows)


# --------------------------------------------------------------------------
# lossless on any string (hypothesis)
# --------------------------------------------------------------------------
_LINES = [
    "Sign up now: Get our newsletters delivered to your inbox",
    "Share this article",
    "Leave a Reply",
    "PHOTO: REUTERS",
    "top of page",
    "Xi says China will defend justice",
    "02:27 Troops to see Gaza soon Troops to see Gaza soon",
    "An ally that",
    "the conflict between Israel and Hamas",
    "Talks ended. REUTERS",
    " date 2023-10-19 MOSCOW, Oct 19. Talks.",
    "Iran\u00e2\u20ac\u2122s strikes",
    "Cafe\u0301\u200b \u00a0",
    "\ufeff",
    "",
    " ",
    "\u00e2\u20ac\u0153close coordination\u00e2\u20ac\x9d",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(_LINES), st.text(max_size=30)),
            st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\n\n\n", ""]),
        ),
        max_size=12,
    )
)
def test_reconstruct_is_lossless_on_line_structured_text(parts):
    raw = "".join(a + b for a, b in parts)
    clean, rows = clean_text(raw)
    _check_rows(raw, clean, rows)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_reconstruct_is_lossless_on_any_string(raw):
    clean, rows = clean_text(raw)
    _check_rows(raw, clean, rows)


def test_long_single_line_and_many_lines_are_lossless():
    long_line = ("Talks went on and on without a stop " * 6000) + "\u00e2\u20ac\u2122"
    raw = long_line + "\n\n" + "Share this article\n" * 3 + long_line + " " + long_line
    clean, rows = clean_text(raw)
    _check_rows(raw, clean, rows)
    assert "Share this article" not in clean


# --------------------------------------------------------------------------
# rules files: user file, extra rules, turning categories off, validation
# --------------------------------------------------------------------------
def test_disable_categories_turns_rules_and_builtin_steps_off():
    rules = load_rules(disable_categories=["signup", "layout"])
    clean, rows = clean_text(WORKED_RAW, rules=rules)
    assert "Sign up now" in clean and "an ally that\n\nPresident" in clean
    assert [r["rule"] for r in rows] == ["share_button"]


def test_user_rules_file_replaces_and_extra_adds(tmp_path):
    f = tmp_path / "mine.yml"
    f.write_text(
        "rules:\n"
        "  - id: podcast_prompt\n    category: signup\n    pattern: 'listen to our podcast\\b.*'\n"
        "    description: podcast prompt\n    example: Listen to our podcast on Spotify\n",
        encoding="utf-8",
    )
    raw = "Body one.\n\nListen to our podcast on Spotify\n\nShare this article\n\nBody two."
    clean, rows = clean_text(raw, rules=f)
    assert clean == "Body one.\n\nShare this article\n\nBody two."
    clean2, _ = clean_text(raw, rules=load_rules(extend=f))
    assert clean2 == "Body one.\n\nBody two."
    clean3, _ = clean_text(raw, rules=str(f))
    assert clean3 == clean


@pytest.mark.parametrize(
    ("rule_yaml", "needle"),
    [
        (
            "  - {id: bad_re, category: x, pattern: '(unclosed', description: d, example: e}",
            "'bad_re': key 'pattern'",
        ),
        (
            "  - {id: no_example, category: x, pattern: 'abc', description: d}",
            "'no_example': missing required key(s) ['example']",
        ),
        (
            "  - {id: wrong_ex, category: x, pattern: 'abc', description: d, example: xyz}",
            "'wrong_ex': key 'example'",
        ),
        (
            "  - {id: odd_key, category: x, pattern: 'abc', description: d, example: abc, colour: red}",
            "'odd_key': unknown key(s) ['colour']",
        ),
        (
            "  - {id: bad_words, category: x, pattern: 'abc', description: d, example: abc, max_words: -1}",
            "'bad_words': key 'max_words'",
        ),
        (
            "  - {id: twice, category: x, pattern: 'abc', description: d, example: abc}\n"
            "  - {id: twice, category: x, pattern: 'abd', description: d, example: abd}",
            "'twice': key 'id' is used twice",
        ),
    ],
)
def test_invalid_rules_file_names_file_rule_and_key(tmp_path, rule_yaml, needle):
    f = tmp_path / "broken_rules.yml"
    f.write_text("rules:\n" + rule_yaml + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_rules(f)
    assert "broken_rules.yml" in str(exc.value) and needle in str(exc.value)


def test_bad_arguments_raise_clear_errors(tmp_path):
    with pytest.raises(CorpusValueError, match="disable_categories='signups'"):
        load_rules(disable_categories=["signups"])
    with pytest.raises(DataFileError, match="does not exist"):
        load_rules(tmp_path / "missing.yml")
    with pytest.raises(CorpusValueError, match="needs a str"):
        clean_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(CorpusValueError, match="rules=42"):
        clean_text("x", rules=42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# offsets and candidate boilerplate
# --------------------------------------------------------------------------
def test_map_offsets_worked_example():
    clean, rows = clean_text(WORKED_RAW)
    i = clean.index("President")
    (s,) = map_offsets([i], rows)
    assert WORKED_RAW[s : s + 9] == "President"
    # the space that replaced "\n\n" maps into the raw separator
    (sp,) = map_offsets([i - 1], rows)
    assert WORKED_RAW[sp] == "\n"
    (e,) = map_offsets([len(clean)], rows, side="end")
    assert WORKED_RAW[:e].endswith("this week.")


def test_frequent_short_lines_lists_shared_chrome():
    texts = {
        "a": "Body one.\nFollow us on Mastodon\nJoin the club today",
        "b": "Body two.\nFollow us on Mastodon\nJoin the club today",
        "c": "Body three.\nJoin the club today",
    }
    df = frequent_short_lines(texts)
    assert df.to_dict("records") == [
        {
            "line": "join the club today",
            "n_docs": 3,
            "n_lines": 3,
            "doc_id": "a",
            "line_no": 3,
            "rule": "",
        },
        {
            "line": "follow us on mastodon",
            "n_docs": 2,
            "n_lines": 2,
            "doc_id": "a",
            "line_no": 2,
            "rule": "follow_prompt",
        },
    ]
