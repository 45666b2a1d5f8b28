"""Session 21 QA of the report on real corpora: the corpus language is stated.

A report on 1,028 German news articles (10kGNAD) read like one on English news: the quote,
hedge, frame and actor sections found little, with nothing saying why, and keyness did not
say which stopword list it had left out.
"""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools import report

GERMAN = (
    "Die Regierung hat am Montag gesagt, dass sie die Steuern nicht erhöhen wird, "
    "und der Minister ist auch nicht mehr da."
)
FRENCH = "Le gouvernement a dit lundi qu'il ne va pas augmenter les impôts pour les familles."
ENGLISH = "The government said on Monday that it would not raise taxes, and the minister left."


def _corpus(texts: list[str]) -> ct.Corpus:
    return ct.load_corpus(pd.DataFrame({"text": texts}))


def test_language_note_names_a_german_corpus_and_what_the_english_lists_miss() -> None:
    note = report.language_note(_corpus([GERMAN] * 4))
    assert note.startswith("German (de): the quote cues, reporting verbs, hedges")
    assert note.endswith("counts without stopwords leave out the German list")


def test_language_note_is_empty_for_english_and_says_mixed_for_no_majority() -> None:
    assert report.language_note(_corpus([ENGLISH] * 3)) == ""
    assert report.language_note(ct.load_corpus("seeds")) == ""
    mixed = report.language_note(_corpus([GERMAN, FRENCH, ENGLISH, GERMAN, FRENCH, ENGLISH]))
    assert mixed.startswith("mixed or not recognised")
    assert "little outside English documents" in mixed


def test_header_shows_the_language_row_escaped_and_only_when_there_is_a_note() -> None:
    info = {
        "corpus": "de (file)",
        "documents": "1028",
        "outlets": "1",
        "first": "unknown",
        "skipped": "0",
        "language_note": "German (de): <b>lists</b>",
    }
    page = report._header_html(info, hidden=None, seeds=False)
    assert "<th" in page and ">language</th><td" in page.replace(' style="padding:.1rem 0"', "")
    assert "German (de): &lt;b&gt;lists&lt;/b&gt;" in page
    assert ">language<" not in report._header_html(
        info | {"language_note": ""}, hidden=None, seeds=False
    )


def test_describe_keyness_names_a_stopword_list_that_is_not_english() -> None:
    key = pd.DataFrame(
        {"group": ["A"], "term": ["regierung"], "count": [8], "count_rest": [1], "z": [2.4]}
    )
    key.attrs["stopword_language"] = "de"
    assert ct.describe_keyness(key).startswith(
        "Stopwords left out: the German list. The strongest term is 'regierung' for A"
    )
    for lang in ("en", None):
        key.attrs["stopword_language"] = lang
        assert ct.describe_keyness(key).startswith("The strongest term is 'regierung'")


def test_summary_context_carries_the_language_note_into_the_header(tmp_path) -> None:
    corpus = _corpus([GERMAN] * 3)
    context = report._summary_context(tmp_path, corpus)
    assert context["header"]["language_note"].startswith("German (de)")


def _folders(tmp_path, layout: dict[str, int]) -> ct.Corpus:
    for sub, n in layout.items():
        folder = tmp_path / sub if sub else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            (folder / f"{i}.txt").write_text(f"The {sub or 'top'} minister said taxes rise {i}.")
    return ct.load_corpus(tmp_path)


def test_folder_note_names_the_folders_of_a_corpus_without_outlets(tmp_path) -> None:
    # 2,095 BBC texts in business/, sport/, ... and no metadata: one group, '(missing)'
    corpus = _folders(tmp_path, {"business": 3, "sport": 2})
    assert report.folder_note(corpus) == (
        "no document has an outlet, so every comparison below has one group; the documents "
        "sit in 2 folders: business (3), sport (2). To compare the folders, run the report "
        "again with --outlet-from folder (each document's outlet is its first folder), or add "
        "a metadata.csv with the columns file,outlet to the corpus folder or pass it with "
        "--metadata."
    )
    info = {"corpus": "x", "documents": "5", "outlets": "0", "skipped": "0"}
    info["folder_note"] = report.folder_note(corpus)
    assert ">no outlets</th>" in report._header_html(info, hidden=None, seeds=False)


def test_folder_note_cuts_the_list_and_stays_quiet_when_it_does_not_apply(tmp_path) -> None:
    many = _folders(tmp_path / "a", {f"f{i}": 1 for i in range(7)})
    assert "sit in 7 folders: f0 (1), f1 (1), f2 (1), f3 (1), f4 (1) and 2 more." in (
        report.folder_note(many)
    )
    assert report.folder_note(_folders(tmp_path / "b", {"only": 3})) == ""  # one folder
    assert report.folder_note(_folders(tmp_path / "c", {"": 1, "sub": 2})) == ""  # top level
    assert report.folder_note(ct.load_corpus("seeds")) == ""  # outlets given
    assert report.folder_note(_corpus([ENGLISH] * 2)) == ""  # a table
