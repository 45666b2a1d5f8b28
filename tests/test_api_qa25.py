"""API QA of session 25 (helper-158): awkward corpora and non-English number formats."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.numbers import digits_value, numbers_in_sentence


def _read(sentence: str, decimal_comma: bool = False) -> list[tuple[str, float, str]]:
    return [
        (sentence[h.start : h.end], h.quantity, h.kind)
        for h in numbers_in_sentence(sentence, decimal_comma=decimal_comma)
    ]


@pytest.mark.parametrize(
    ("raw", "decimal_comma", "value"),
    [
        ("1,234.5", False, 1234.5),
        ("1.234,5", False, 1234.5),
        ("1.234,5", True, 1234.5),
        ("8.932.664", False, 8932664.0),
        ("1,234", False, 1234.0),
        ("1,234", True, 1.234),
        ("2.500", False, 2.5),
        ("2.500", True, 2500.0),
        ("2.5", True, 2.5),
        ("12 000", True, 12000.0),
        ("1'234'567", False, 1234567.0),
        ("1,234,567", True, 1234567.0),
        ("0,00067", True, 0.00067),
    ],
)
def test_digits_value_reads_both_number_formats(raw, decimal_comma, value):
    assert digits_value(raw, decimal_comma) == value


def test_german_figures_are_read_whole_not_cut_at_the_separator():
    # 10kGNAD (derStandard): '1.500' was read as 1.5, '3,07' as 3 (the '07' dropped)
    s = "Die Regierung gab 1.234,5 Millionen Euro aus, 8.932.664 Menschen, 5,3 % mehr als 2.500."
    assert _read(s, decimal_comma=True) == [
        ("1.234,5", 1234.5, "count"),
        ("8.932.664", 8932664.0, "count"),
        ("5,3 %", 5.3, "percent"),
        ("2.500", 2500.0, "count"),
    ]


def test_french_space_grouped_thousands_are_one_number():
    assert _read("Environ 12 000 personnes, 3,2 % du PIB.", decimal_comma=True) == [
        ("12 000", 12000.0, "count"),
        ("3,2 %", 3.2, "percent"),
    ]


def test_english_reading_is_unchanged_for_english_forms():
    s = "Police said 1,234 people, 2.5 million, the '90s, 3.2% and 12 000 in 2021."
    assert _read(s) == [
        ("1,234", 1234.0, "count"),
        ("2.5 million", 2500000.0, "count"),
        ("90", 90.0, "count"),
        ("3.2%", 3.2, "percent"),
        ("12", 12.0, "count"),
        ("000", 0.0, "count"),
        ("2021", 2021.0, "year"),
    ]
    # forms only the decimal-comma format writes are read whole in English text too
    assert _read("It cost 1.234,5 euros for 8.932.664 people.") == [
        ("1.234,5", 1234.5, "money"),
        ("8.932.664", 8932664.0, "count"),
    ]


def test_numeric_claims_reads_the_corpus_number_format_and_says_so():
    texts = [
        "Die Arbeitslosenquote stieg auf 5,3 Prozent, sagte der Minister am Montag in Wien.",
        "Die Regierung gab im Jahr 2019 insgesamt 1.500 Millionen Euro für die Schulen aus.",
    ]
    c = ct.load_corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": texts}))
    claims = ct.numeric_claims(c, language="de")
    assert claims.attrs["number_format"] == "1.234,5"
    got = [(r.doc_id, r.text, r.quantity) for r in claims.itertuples()]
    assert got == [  # German scale and percent words read since session 25 (H14)
        ("a", "5,3 Prozent", 5.3),
        ("b", "2019", 2019.0),
        ("b", "1.500 Millionen", 1.5e9),
    ]
    for r in claims.itertuples():  # offsets point at the figure in the cleaned text
        assert c.text(r.doc_id)[r.start : r.end] == r.text
    en = ct.numeric_claims(c, language="en")
    assert en.attrs["number_format"] == "1,234.5"
    assert [(r.text, r.quantity) for r in en.itertuples()] == [
        ("5", 5.0),
        ("2019", 2019.0),
        ("1.500", 1.5),
    ]


def test_story_links_name_the_terms_behind_each_score():
    # the link table's shared terms come from one sparse product for all links (was one
    # product per link: 4.2 CPU s of 20,000 undated documents' 41,908 links, now 0.8 s)
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b", "c", "d"],
                "published": ["2024-01-01", "2024-01-02", "2024-01-09", None],
                "text": [
                    "Flood waters rose in Dhaka after monsoon rains; thousands fled the flood.",
                    "Thousands fled Dhaka as monsoon flood waters rose.",
                    "Monsoon flood waters rose in Dhaka again; thousands fled.",
                    "The central bank raised interest rates by half a point.",
                ],
            }
        )
    )
    res = ct.stories(c)
    assert res.links.to_dict("records") == [
        {
            "story_id": "S1",
            "doc_a": "a",
            "doc_b": "b",
            "score": 0.864,
            "days_apart": 1,
            "shared_terms": "flood, dhaka, fled, monsoon, rose",
            "best_a": 0.864,
            "best_b": 0.864,
        }
    ]
    # c is 7 days from b (window 3 days), d has no date: each is a story of its own
    assert res.table[["story_id", "doc_id"]].values.tolist() == [
        ["S1", "a"],
        ["S1", "b"],
        ["S2", "c"],
        ["S3", "d"],
    ]


def test_similarity_warns_when_items_are_many(monkeypatch):
    # 20,000 real articles by doc_id: 9 CPU s, 10,000: 3.6 s (each compared with all others)
    import importlib

    sim = importlib.import_module("corpus_tools.similarity")
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b", "c"],
                "text": ["Flood in Dhaka.", "Dhaka flood waters.", "Bank rates rose."],
            }
        )
    )
    monkeypatch.setattr(sim, "MANY_ITEMS", 3)
    with pytest.warns(ct.CorpusToolsWarning, match=r"by='doc_id': 3 items are each compared"):
        table = ct.similarity(c)
    assert table[["a", "b"]].values.tolist()[0] == ["a", "b"]
    monkeypatch.setattr(sim, "MANY_ITEMS", 4)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ct.similarity(c)


def test_streamed_actor_table_is_the_in_memory_actor_counts(tmp_path):
    # mention_table keeps a country's demonym mentions apart (10kGNAD: 'Austria' 136 country
    # + 7 demonym rows, 52 + 3 documents); actor_counts says Austria 143 in 52 documents
    texts = [
        "Austrian officials met in Austria. The Austrian minister spoke to Russia.",
        "Russia and Russian envoys left Vienna for Austria.",
        "Russian troops moved. Austria said nothing.",
    ]
    df = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"], "text": texts})
    path = tmp_path / "docs.csv"
    df.to_csv(path, index=False)
    c = ct.load_corpus(path)
    mem = ct.actor_counts(ct.actor_mentions(c), c, by="outlet")
    for batch_size in (1, 1000):
        got = ct.stream_counts(path, batch_size=batch_size).actor_table()
        pd.testing.assert_frame_equal(got, mem)
    assert got.values.tolist() == [
        ["X", "Austria", "country", 5, 2],  # Austrian x2, Austria x2, Vienna (the capital)
        ["X", "Russia", "country", 3, 2],
        ["Y", "Austria", "country", 1, 1],
        ["Y", "Russia", "country", 1, 1],
    ]


def test_network_overlap_says_how_many_groups_its_cap_left_out():
    # 10,000 real articles over 500 outlets: 265 outlets with an edge, 30 compared, not said
    df = pd.DataFrame(
        {
            "actor_a": ["A"] * 3 + ["B"] * 3,
            "actor_b": ["B"] * 3 + ["C"] * 3,
            "group": list("xyz") * 2,
            "count": [2, 2, 1, 3, 0, 1],
            "rate_per_100": [1.0, 2.0, 1.0, 3.0, 0.0, 1.0],
            "present": [True, True, True, True, False, True],
        }
    )
    capped = ct.network_overlap(df, max_groups=2)
    assert capped[["group_a", "group_b", "n_shared"]].values.tolist() == [["x", "z", 2]]
    assert capped.attrs["n_groups_compared"] == 2
    assert capped.attrs["n_groups_over_cap"] == 1
    assert capped.attrs["overlap_cap"] == (
        "the 2 groups with most edges of 3 with an edge (max_groups=2)"
    )
    whole = ct.network_overlap(df)
    assert len(whole) == 3 and whole.attrs["n_groups_over_cap"] == 0
    assert whole.attrs["overlap_cap"] == "all 3 groups with an edge"


def test_load_codes_names_the_separator_of_a_semicolon_file(tmp_path):
    # Excel in a German or French locale saves "CSV" with ';' between columns
    path = tmp_path / "codes.csv"
    path.write_text("text;label\nMoscow blamed Washington.;conflict\n", encoding="utf-8")
    with pytest.raises(ct.DataFileError) as err:
        ct.load_codes(path)
    assert str(err.value) == (
        f"{path}: no column 'label'; its columns are ['text;label']. The header is one column "
        "holding ';': save the file with commas between columns (CSV), or read it with "
        "pandas.read_csv(path, sep=...) and pass the table to train_coder."
    )
    plain = tmp_path / "plain.csv"
    plain.write_text("text,code\nTalks went well.,other\n", encoding="utf-8")
    with pytest.raises(ct.DataFileError, match=r"columns are \['text', 'code'\]\. Name the code"):
        ct.load_codes(plain)


def test_corpus_from_a_table_names_missing_ids_and_texts():
    texts = ["Putin met Biden in Geneva.", "Merkel met Macron.", "Putin spoke."]
    with pytest.raises(ct.CorpusValueError) as err:
        ct.Corpus(pd.DataFrame({"doc_id": ["a", None, "b"], "text": texts}))
    assert str(err.value) == (
        "doc_id is missing in 1 row(s) (rows 1); every document needs an id: fill them, or "
        "build the corpus with load_corpus(), which numbers them."
    )
    # a missing text failed deep in pandas (IntCastingNaNError counting its characters)
    with pytest.raises(ct.CorpusValueError) as err:
        ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [None, "x", float("nan")]}))
    assert str(err.value).startswith(
        "text is not a string in 2 row(s) (doc_id 'a', 'c'; the first is missing); fill or "
        "drop them (docs['text'].fillna('') makes a missing text empty)"
    )
    with pytest.raises(ct.CorpusValueError, match=r"got list; for a list of texts: ct.load_corpus"):
        ct.Corpus(texts)
    empty = ct.Corpus(pd.DataFrame({"doc_id": [], "text": []}))
    assert len(empty) == 0 and ct.kwic(empty, "Putin").empty


def test_corpus_ids_are_text_so_tables_join():
    # int ids: kwic gave 1 and 3 back, actor_mentions '1' and '2' (no join matched)
    texts = ["Putin met Biden in Geneva.", "Merkel met Macron.", "Putin spoke."]
    c = ct.Corpus(pd.DataFrame({"doc_id": [1, 2, 3], "text": texts}))
    assert c.doc_ids == ["1", "2", "3"]
    assert ct.kwic(c, "Putin")["doc_id"].tolist() == ["1", "3"]
    assert ct.actor_mentions(c)["doc_id"].tolist()[:3] == ["1", "1", "2"]
    assert c.text(1) == c.text("1") == "Putin met Biden in Geneva."
    assert c.subset([3, 1]).doc_ids == ["1", "3"]
    with pytest.raises(ct.CorpusValueError, match="doc_id '1' occurs more than once"):
        ct.Corpus(pd.DataFrame({"doc_id": [1, "1"], "text": texts[:2]}))
