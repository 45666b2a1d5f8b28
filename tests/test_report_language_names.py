"""The report's language names are shipped data (session 31: they were a dict in report.py)."""

from __future__ import annotations

import re
from pathlib import Path

from corpus_tools import report
from corpus_tools._data import read_yaml
from corpus_tools.tokenize import STOPWORD_LANGUAGES

DATA = Path(report.__file__).resolve().parent / "data"

# languages the vote tells by script or letters, not by a stopword list
# (corpus_tools/languages.py: one-language scripts, Cyrillic and Arabic-script letters, CJK)
SCRIPT_TOLD = {"el", "he", "th", "ko", "bn", "hi", "be", "uk", "sr", "bg", "ur", "fa", "ja", "zh"}


def test_every_language_the_vote_can_name_without_a_stopword_list_has_a_name() -> None:
    # stopwords_unlisted.yml's function-word languages (Bosnian, Tswana, Yoruba, Zulu, Māori
    # ...) were printed as bare codes: 'bs (bs)'
    unlisted, _ = read_yaml(None, default="stopwords_unlisted.yml", what="t")
    codes = {c for c in unlisted if c != "meta"} | SCRIPT_TOLD | report.NO_SPACE_LANGUAGES
    missing = sorted(c for c in codes - set(STOPWORD_LANGUAGES) if c not in report.language_names())
    assert missing == []
    assert [report.language_name(c) for c in ("bs", "mi", "st", "ckb", "el", "de", "xx")] == [
        "Bosnian",
        "Māori",
        "Southern Sotho",
        "Central Kurdish",
        "Greek",
        "German",
        "xx",
    ]


def test_the_names_file_has_its_header_schema_and_no_stopword_language() -> None:
    text = (DATA / report.LANGUAGE_NAMES_FILE).read_text(encoding="utf-8")
    assert "# Sources:" in text and "# Licence:" in text and "#   names:" in text
    data, _ = read_yaml(None, default=report.LANGUAGE_NAMES_FILE, what="t")
    assert set(data) == {"meta", "names"}
    names = report.language_names()
    assert len(names) == len(data["names"]) == 50
    assert not set(names) & set(STOPWORD_LANGUAGES)  # those are named by tokenize
    assert all(re.fullmatch(r"[a-z]{2,3}", c) for c in names)
    assert all(v[0].isupper() and v.strip() == v for v in names.values())
