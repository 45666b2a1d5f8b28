"""The stream learns the outlets' templates as load_corpus does (a first pass), so a
streamed corpus with an outlet's sign-off or footer lines counts what the loaded one counts;
and the spellings warning reads the documents per group, not a list with one name each."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import stream as stream_mod
from corpus_tools.stream import keyness_from_counts, stream_counts
from corpus_tools.templates import learn_templates, table_to_sets

BBC = Path(__file__).resolve().parent / "data" / "real" / "bbc"
#: what an outlet prints under every story: Reuters-21578's "Reuter" sign-off (the cleaning
#: removes it anyway) and a line the cleaning keeps unless it is learned as the template
FOOTER = {
    "business": "Reuter\n",
    "sport": "Sport coverage is produced by the BBC Sport team in Salford and London\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The 20 real BBC articles (5 sections = outlets), two sections with a footer,
    and one article filed twice (an exact copy counts once for the template)."""
    out = tmp_path_factory.mktemp("tpl")
    rows = []
    for path in sorted(BBC.glob("*/*.txt")):
        section = path.parent.name
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + FOOTER.get(section, "")
        name = f"{section}-{path.name}"
        (out / name).write_text(text, encoding="utf-8")
        rows.append({"file": name, "outlet": section})
    shutil.copy(out / rows[0]["file"], out / "copy.txt")
    rows.append({"file": "copy.txt", "outlet": rows[0]["outlet"]})
    pd.DataFrame(rows).to_csv(out / "metadata.csv", index=False)
    return out


def _load(folder: Path, **kw) -> ct.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ct.load_corpus(folder, **kw)


def test_the_footers_are_learned_and_cut_by_load_corpus(folder):
    learned = ct.learned_boilerplate(_load(folder))
    assert learned[["outlet", "line", "n_docs"]].values.tolist() == [
        ["business", "reuter", 4],  # the copy counts once
        ["sport", "sport coverage is produced by the bbc sport team in salford and london", 4],
    ]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_streamed_counts_equal_the_loaded_ones_with_templates(folder, n_jobs):
    loaded = _load(folder)
    s = stream_counts(folder, batch_size=4, n_jobs=n_jobs)
    assert s.n_docs == len(loaded) == 21
    tf = ct.term_frequencies(loaded)
    pd.testing.assert_frame_equal(s.term_table(), tf, rtol=1e-12)
    assert set(tf["term"]).isdisjoint({"reuter", "salford", "coverage"})
    pd.testing.assert_frame_equal(
        keyness_from_counts(s, min_count=2, min_docs=1),
        ct.keyness(loaded, min_count=2, min_docs=1).drop(columns="evidence"),
        rtol=1e-12,
    )
    co = ct.cooccurrence(loaded, window="sentence", min_count=1)
    sc = s.cooccurrence_table(min_count=1)
    assert len(sc) > 0
    pd.testing.assert_frame_equal(
        sc.drop(columns="evidence_docs"), co.drop(columns="evidence_docs")
    )


def test_templates_off_in_the_rules_are_off_in_both(folder):
    rules = ct.load_rules(disable_categories=["template"])
    loaded = _load(folder, rules=rules)
    s = stream_counts(folder, rules=rules, mentions=False)
    tf = ct.term_frequencies(loaded)
    pd.testing.assert_frame_equal(s.term_table(), tf, rtol=1e-12)
    # the sport footer's 13 words are counted now, in each of the 4 sport stories
    assert tf.loc[tf["term"] == "salford", "count"].tolist() == [4]
    with_tpl = stream_counts(folder, mentions=False).term_table()
    assert int(tf["count"].sum()) - int(with_tpl["count"].sum()) == 13 * 4


def test_a_given_template_table_is_used_as_load_corpus_uses_it(folder):
    table = pd.DataFrame({"outlet": ["sport"], "line": ["Produced by the BBC"]})
    rules = ct.load_rules(templates=table)
    loaded = _load(folder, rules=rules)
    s = stream_counts(folder, rules=rules, mentions=False)
    pd.testing.assert_frame_equal(s.term_table(), ct.term_frequencies(loaded), rtol=1e-12)
    tf = s.term_table()
    assert tf.loc[tf["term"] == "salford", "count"].tolist() == [4]  # not in the table: kept


@pytest.mark.parametrize("compact", [1, 3, 7, 4_000_000])
def test_learned_digests_give_the_learners_table(monkeypatch, compact):
    """The first pass's digest counts learn the lines TemplateLearner learns (exact copies
    once, a fifth of the group's documents or 3), whenever the digests are summed."""
    monkeypatch.setattr(stream_mod, "_TPL_COMPACT", compact)
    texts = [f"Story {i} happened on day {i}.\nContact Us\nPrivacy Policy" for i in range(9)]
    texts += ["Story 0 happened on day 0.\nContact Us\nPrivacy Policy"] * 3  # copies
    texts += [f"Other {i} ran.\nAbout the Other\nContact Us" for i in range(4)]
    texts += ["A lone story.\nContact Us"]
    outlets = ["Daily"] * 12 + ["Other"] * 4 + [None]
    urls = [None] * 16 + ["https://www.example.com/a"]
    frame = pd.DataFrame({"text": texts, "outlet": outlets, "url": urls})
    got = stream_mod.template_sets(frame, None, {}, 5, 1)
    want = table_to_sets(
        learn_templates((o or "example.com", t) for o, t in zip(outlets, texts, strict=True))
    )
    assert (
        got
        == want
        == {
            "Daily": frozenset({"contact us", "privacy policy"}),
            "Other": frozenset({"about the other", "contact us"}),
        }
    )


def test_the_spellings_warning_reads_documents_per_group(monkeypatch):
    """The merge of outlet spellings gets ``group -> documents`` (was a list with one name
    per document: 1,000,000 entries for a million documents)."""
    from corpus_tools.io import outlets

    seen = []
    real = outlets.merge_spellings

    def spy(names):
        seen.append(names)
        return real(names)

    monkeypatch.setattr(outlets, "merge_spellings", spy)
    docs = pd.DataFrame(
        {
            "doc_id": list("abcde"),
            "outlet": ["bbc.com", "bbc.com", "BBC.com", "Reuters", "BBC.com"],
            "text": ["Talks.", "Talks.", "Talks.", "Talks.", "Talks."],
        }
    )
    with pytest.warns(ct.CorpusToolsWarning, match=r"'BBC.com' \(2 document\(s\)\)"):
        stream_counts(docs, clean=False, mentions=False)
    assert seen == [{"bbc.com": 2, "BBC.com": 2, "Reuters": 1}]


def test_count_documents_cleans_with_the_templates_given(folder):
    """The per-batch counter (the Dask path's) removes the template lines it is given."""
    from corpus_tools.stream import count_documents, template_sets

    templates = template_sets(folder, None, {}, 1000, 1)
    assert sorted(templates) == ["business", "sport"]
    path = next(folder.glob("sport-*.txt"))
    doc = {"doc_id": "a", "outlet": "sport", "raw_text": path.read_text(encoding="utf-8")}
    plain = count_documents([doc], clean=True, mentions=False).term_table()
    cut = count_documents([doc], clean=True, mentions=False, templates=templates).term_table()
    assert int(plain["count"].sum()) - int(cut["count"].sum()) == 13
    assert "salford" in set(plain["term"]) and "salford" not in set(cut["term"])


def test_html_pages_are_cleaned_as_extracted_text_as_load_corpus_does():
    """9 real web pages (tests/data/real/html): the stream cleans the extracted text with
    ``extracted=True`` as the loader does (it counted 9,145 words, the loader 9,227)."""
    src = Path(__file__).resolve().parent / "data" / "real" / "html"
    loaded = _load(src)
    assert loaded.docs["format"].tolist() == ["html"] * 9
    s = stream_counts(src, mentions=False)
    tf = ct.term_frequencies(loaded)
    pd.testing.assert_frame_equal(s.term_table(), tf, rtol=1e-12)
    assert int(tf["count"].sum()) == 9_227


def test_squeezed_lines_are_the_line_keys_without_whitespace():
    """The first pass's bound: a line's :func:`squeezed_lines` string is its template key
    (``templates.line_key``) without whitespace, so lines with one key share one string
    (random lines of letters that casefold to several, ligatures, curly quotes, dashes,
    no-break and other Unicode spaces, line-like separators, controls, zero-width)."""
    import random

    from corpus_tools.templates import line_key

    alphabet = list("aZ9 .,'\"-") + [
        "\u00df", "\u1e9e", "\ufb01", "\u0130", "\u03a3", "\u00a0", "\u2009", "\u3000",
        "\u2028", "\u0085", "\x0b", "\x0c", "\t", "\x1f", "\u200b", "\u00ad", "\u201c",
        "\u2019", "\u2014", "\u2212", "\u0416", "\u00e9", "\U0001d400", "  ",
    ]  # fmt: skip
    rng = random.Random(18)
    lines = ["".join(rng.choices(alphabet, k=rng.randint(0, 30))) for _ in range(5000)]
    for line in lines:
        want = "".join(line_key(line).split()).encode("utf-8", "surrogatepass")
        assert stream_mod.squeezed_lines(line) == [want], repr(line)
    text = "\n".join(lines)
    assert stream_mod.squeezed_lines(text) == [
        "".join(line_key(x).split()).encode("utf-8", "surrogatepass") for x in lines
    ]


def _learned(texts, outlets, n_jobs=1):
    frame = pd.DataFrame({"text": texts, "outlet": outlets})
    got = stream_mod.template_sets(frame, None, {}, 2, n_jobs)
    want = table_to_sets(learn_templates(zip(outlets, texts, strict=True)))
    return got, want


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_key_written_several_ways_is_counted_exactly(n_jobs):
    """Lines that differ in spacing, case and quotes are one key ('contact us' in 3 of 3
    documents: learned); 'Contact Us' and 'ContactUs' share the first pass's string (3
    documents) but are two keys (2 + 1 documents: neither learned), as the learner says;
    a copy that differs from its original only in its line ends is another page."""
    texts = [
        "Story one.\nContact  Us\n\u201cRead more\u201d\nContact Us",
        'Story two.\ncontact us\n"read MORE"\nContactUs',
        "Story three.\r\nCONTACT US\r\nRead more\r\n",
        "Story three.\nCONTACT US\nRead more\n",
        "Story five.\nRead  more",
    ]
    got, want = _learned(texts, ["Daily"] * 5, n_jobs)
    assert got == want == {"Daily": frozenset({"contact us", "read more"})}
    texts = ["A.\nContact Us", "B.\nContact Us", "C.\nContactUs"]
    got, want = _learned(texts, ["Daily"] * 3, n_jobs)
    assert got == want == {}


def test_the_second_pass_reads_only_when_a_line_can_be_template(monkeypatch):
    """No line in a fifth of its group's documents (and in 3): one pass, nothing learned."""

    def fail(args):
        raise AssertionError("second pass without a candidate line")

    monkeypatch.setattr(stream_mod, "_candidate_work", fail)
    texts = [f"Story {i}.\nBy reporter {i}\nContact Us" for i in range(2)]
    texts += [f"Story {i}.\nBy reporter {i}" for i in range(2, 12)]
    got, want = _learned(texts, ["Daily"] * 12)
    assert got == want == {}
