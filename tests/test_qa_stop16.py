"""QA leftovers (stop 16): str helpers given None, arguments below their minimum, CLI options
that do nothing on the input, and one label for a missing outlet."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import cli, report
from corpus_tools.plots.overview import outlet_rows

TEXTS = [
    "Moscow blamed Washington for the crisis. Russia said talks would resume.",
    "China and Russia held talks in Beijing. Russia praised the meeting.",
    "Russia rejected the plan. Officials in Moscow said it was a failure.",
]


@pytest.fixture(scope="module")
def corpus() -> ct.Corpus:
    return ct.load_corpus(pd.DataFrame({"text": TEXTS, "outlet": ["A", "B", "A"]}))


@pytest.mark.parametrize("value", [None, float("nan"), 3, ["a"], "é".encode()])
def test_fold_not_a_str_names_the_argument(value: object) -> None:
    with pytest.raises(ct.CorpusValueError, match=r"^text=.* is a \w+, not a str: pass one text"):
        ct.fold(value)  # type: ignore[arg-type]


def test_fold_still_folds() -> None:
    assert ct.fold("Iran’s “strikes” — 1\u00a0400") == 'Iran\'s "strikes" - 1 400'
    assert ct.fold("plain") == "plain"


@pytest.mark.parametrize("value", [None, float("nan"), 3, b"talks", ["a"]])
def test_vader_scores_not_a_str_names_the_argument(value: object) -> None:
    with pytest.raises(ct.CorpusValueError, match=r"^sentence=.* not a str: pass one sentence"):
        ct.vader_scores(value)  # type: ignore[arg-type]


def test_vader_scores_still_scores() -> None:
    assert ct.vader_scores("Talks collapsed in a bitter failure.") == (
        -0.802,
        "collapsed -1.1, bitter -1.8, failure -2.3",
    )


@pytest.mark.parametrize("value", [0, -1, 1.5, "3", True])
def test_target_sentiment_min_sentences_below_one(corpus: ct.Corpus, value: object) -> None:
    with pytest.raises(ct.CorpusValueError, match=r"^min_sentences=.* whole number >= 1"):
        ct.target_sentiment(corpus, min_sentences=value)  # type: ignore[arg-type]


def test_target_sentiment_min_sentences_one_and_three(corpus: ct.Corpus) -> None:
    # Russia is in 4 sentences, United States ("Washington") in 1, China in 1
    with pytest.warns(ct.CorpusToolsWarning, match="fewer than 10 documents"):
        one = ct.target_sentiment(corpus, min_sentences=1, n_boot=10)
    assert sorted(set(one.sentences["target"])) == ["China", "Russia", "United States"]
    with pytest.warns(ct.CorpusToolsWarning, match="fewer than 10 documents"):
        three = ct.target_sentiment(corpus, min_sentences=3, n_boot=10)
    assert sorted(set(three.sentences["target"])) == ["Russia"]


SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NO_EFFECT = (
    "text_column='nope' (--text-column) has no effect: it names a column of a table "
    "(.csv .tsv .jsonl .ndjson .json .parquet), and every document here came from a text or "
    "HTML file; drop it, or point at the table."
)


def test_cli_info_says_text_column_does_nothing_on_text_files(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["info", str(SEEDS), "--text-column", "nope", "--id-column", "x"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert f"corpus-tools: warning: {NO_EFFECT}" in err
    assert any(
        line.startswith("corpus-tools: warning: id_column='x' (--id-column)") for line in err
    )


def test_cli_info_text_column_on_a_table_is_used_without_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "h.csv").write_text("id,headline\n1,Russia and China talk\n2,Markets fall\n")
    (tmp_path / "a.txt").write_text("A text file next to the table.\n")
    assert cli.main(["info", str(tmp_path), "--text-column", "headline"]) == 0
    out = capsys.readouterr()
    assert "has no effect" not in out.err
    assert "Documents: 3" in out.out


def test_cli_clean_warns_and_still_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    assert cli.main(["clean", str(SEEDS), "--out", str(out_dir), "--id-column", "x"]) == 0
    assert "id_column='x' (--id-column) has no effect" in capsys.readouterr().err
    assert len(list((out_dir / "texts").iterdir())) == 5


def test_report_load_notes_an_option_without_effect() -> None:
    context = report.prepare_corpus(SEEDS, None, {"text_column": "nope"})
    assert context["option_notes"] == [NO_EFFECT]
    assert report.prepare_corpus(SEEDS, None, {})["option_notes"] == []


def test_missing_outlet_is_one_label_in_tables_figures_and_the_report_index(
    tmp_path: Path,
) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "text,outlet\n"
        "Russia and China held talks in Beijing today.,Zeta\n"
        "Markets fell sharply on Monday in London.,\n"
        "The minister spoke in Paris about the plan.,Alpha\n"
    )
    corpus = ct.load_corpus(table)
    assert ct.group_labels(corpus, "outlet").tolist() == ["Zeta", "(missing)", "Alpha"]
    rows = outlet_rows(ct.overview(corpus), top_n=5)
    assert rows.outlets == ["(missing)", "Alpha", "Zeta"]
    # the index's outlet table: same label, same colours as the figures (missing is black and
    # takes no palette slot, so Alpha and Zeta keep their figure colours)
    index_rows = report.prepare_corpus(table, None, {})["outlets"]
    assert [(r["outlet"], r["color"]) for r in index_rows] == [
        ("(missing)", "#000000"),
        ("Alpha", rows.colors["Alpha"]),
        ("Zeta", rows.colors["Zeta"]),
    ]
    assert rows.colors == {"Alpha": "#0072B2", "Zeta": "#E69F00", "(missing)": "#000000"}


# A "sentence" of 5,280 characters (a page without full stops): a positive half, a negative half.
POSITIVE = " ".join(["The talks were a useful success"] * 80)
NEGATIVE = " ".join(["The strike was a terrible failure"] * 80)


def test_vader_scores_a_very_long_sentence_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    seen: list[int] = []
    real = SentimentIntensityAnalyzer.polarity_scores

    def spy(self: SentimentIntensityAnalyzer, text: str) -> dict[str, float]:
        seen.append(len(text))
        return real(self, text)

    monkeypatch.setattr(SentimentIntensityAnalyzer, "polarity_scores", spy)
    compound, drivers = ct.vader_scores(POSITIVE + " " + NEGATIVE + ".")
    # VADER's time grows with the square of its input: it never sees more than 2,000 characters
    assert seen == [1999, 2000, 1281]
    # pieces of 375, 359 and 226 words score 0.9999, -0.9995, -0.9998: the word-weighted mean
    assert compound == -0.2186
    assert drivers.count("useful +1.9") == 80 and drivers.count("terrible -2.1") == 80
    seen.clear()
    assert ct.vader_scores("The talks were a useful success.") == (
        0.765,
        "useful +1.9, success +2.7",
    )
    assert seen == [32]


def test_naming_many_mentions_in_one_sentence_build_its_evidence_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    naming = sys.modules["corpus_tools.naming"]  # ct.naming is the function of the same name
    text = " ".join(["the radical Palestinian movement Hamas attacked"] * 300) + "."
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [text]}))
    spaced: list[int] = []
    real = naming.one_space
    monkeypatch.setattr(naming, "one_space", lambda t: spaced.append(len(t)) or real(t))
    out = ct.naming(c, {"Hamas": ["Hamas"]})
    assert len(out) == 300
    assert set(out["label"]) == {"radical Palestinian movement"}
    assert set(out["evidence"]) == {text}
    # the sentence is spaced once, not once per mention (quadratic: 25 CPU s for 4,000 mentions)
    assert spaced.count(len(text)) == 1 and len(spaced) == 301


def test_stance_triples_skip_vader_for_claims_without_a_target(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real = ct.vader_scores
    monkeypatch.setattr("corpus_tools.triples.vader_scores", lambda t: calls.append(t) or real(t))
    text = "China denounced the plan. China denounced the US plan."  # the first has no target
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [text]}))
    out = ct.stance_triples(c)
    assert out[["holder", "target", "cue"]].values.tolist() == [
        ["China", "United States", "denounced"]
    ]
    assert calls == [" the US plan."]


WRONG = pd.DataFrame({"x": [1]})


@pytest.mark.parametrize(
    ("fn", "source"),
    [
        (ct.describe_cleaning, r'cleaning_summary\(corpus, by="doc_id"\)'),
        (ct.describe_frames, r"frame_summary\(hits, corpus, by=\.\.\.\)"),
        (ct.describe_keyness, r"keyness\(corpus\)"),
        (ct.describe_mentions, r"actor_counts\(mentions\)"),
        (ct.describe_numbers, r"compare_numbers\(claims, corpus\)"),
        (ct.describe_reuse, r"text_reuse\(corpus\)"),
        (ct.describe_similarity, r"similarity\(corpus\)"),
        (ct.describe_tone, r"target_sentiment\(corpus\)\.summary"),
        (ct.describe_voices, r"quote_voices\(quotes\)"),
    ],
)
def test_describe_wrong_table_names_the_function_and_the_table_to_pass(
    fn: object, source: str
) -> None:
    name = fn.__name__  # type: ignore[attr-defined]
    with pytest.raises(
        ct.CorpusValueError,
        match=rf"^{name}: the table lacks column\(s\) \[.*\]; pass the table from {source}\.$",
    ):
        fn(WRONG)  # type: ignore[operator]
    with pytest.raises(
        ct.CorpusValueError,
        match=rf"^{name}: expected the table from {source} \(a pandas DataFrame\), got a list\.$",
    ):
        fn([1, 2])  # type: ignore[operator]
    assert isinstance(fn(pd.DataFrame()), str)  # no columns at all: read as empty, as before


def test_describe_tone_given_the_result_object_says_to_pass_its_summary(corpus: ct.Corpus) -> None:
    with pytest.warns(ct.CorpusToolsWarning):
        tone = ct.target_sentiment(corpus, ["Russia"], n_boot=10)
    with pytest.raises(ct.CorpusValueError, match=r"got a TargetSentiment\.$"):
        ct.describe_tone(tone)  # type: ignore[arg-type]
    assert ct.describe_tone(tone.summary).startswith("Only Russia in A has a bootstrap interval")


def test_describe_numeric_options_below_their_minimum(corpus: ct.Corpus) -> None:
    counts = ct.actor_counts(ct.actor_mentions(corpus))
    with pytest.raises(ct.CorpusValueError, match=r"^top=-1 must be a whole number >= 1\.$"):
        ct.describe_mentions(counts, top=-1)
    with pytest.raises(ct.CorpusValueError, match=r"^top=0 must be a whole number >= 1\.$"):
        ct.describe_voices(ct.quote_voices(ct.quotes(corpus)), top=0)
    lined = ct.compare_numbers(ct.numeric_claims(corpus), corpus)
    with pytest.raises(ct.CorpusValueError, match=r"^examples=0 must be a whole number >= 1\.$"):
        ct.describe_numbers(lined, examples=0)
    with pytest.raises(ct.CorpusValueError, match=r"threshold='0\.8'; pass the number given"):
        ct.describe_duplicates(ct.duplicates(corpus), "0.8")  # type: ignore[arg-type]
    assert ct.describe_mentions(counts, top=1) == (
        "3 actors found. The most mentioned is Russia (5 mentions in 3 documents)."
    )


def test_describe_corpus_given_a_corpus_reads_its_docs(corpus: ct.Corpus) -> None:
    # was "3 documents; there is no 'outlet' column to group by" (a Corpus has no such key)
    assert (
        ct.describe_corpus(corpus)
        == ct.describe_corpus(corpus.docs)
        == (
            "3 documents in 2 groups by 'outlet' (1 to 2 documents per group). "
            "No document has a publication date."
        )
    )


def test_describe_keyness_of_an_empty_table_gives_both_reasons() -> None:
    one_group = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["One."]}))
    with pytest.warns(ct.CorpusToolsWarning, match="the corpus has 1 group"):
        key = ct.keyness(one_group)
    # was "either the corpus has fewer than two groups ... or no term passed the filters"
    assert ct.describe_keyness(key) == (
        "The corpus has 1 group, so there is no other group to compare with and no distinctive "
        "term to read (group by a column with two or more values; by='doc_id' compares "
        "documents)."
    )
    two = ct.Corpus(
        pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": ["One.", "Two."]})
    )
    assert ct.describe_keyness(ct.keyness(two)) == (
        "The table is empty, so there is no distinctive term to read: no term passed the "
        "filters (min_count, min_docs)."
    )
    assert ct.describe_keyness(pd.DataFrame(columns=key.columns)).startswith(  # no attrs
        "The table is empty, so there is no distinctive term to read: either the corpus has "
        "fewer than two groups"
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c: ct.reuse_summary(WRONG, c),
            r"^reuse_summary: .* pass the table from text_reuse\(corpus\)\.$",
        ),
        (lambda c: ct.frame_summary(WRONG, c), r"^frame_summary: .* from frames\(corpus\)\.$"),
        (lambda c: ct.frame_evidence(WRONG, c), r"^frame_evidence: .* from frames\(corpus\)\.$"),
        (
            lambda c: ct.frame_coding_sample(WRONG, c, "conflict"),
            r"^frame_coding_sample: .* from frames\(corpus\)\.$",
        ),
        (lambda c: ct.hedges(c, quotes_table=WRONG), r"^hedges: .* from quotes\(corpus\)\.$"),
        (lambda c: ct.hedge_rates(WRONG, c), r"^hedge_rates: .* from hedges\(corpus\)\.$"),
        (lambda c: ct.cue_rates(WRONG, c), r"^cue_rates: .* from quotes\(corpus\)\.$"),
        (lambda c: ct.quote_voices(WRONG), r"^quote_voices: .* from quotes\(corpus\)\.$"),
        (
            lambda c: ct.compare_numbers(WRONG, c),
            r"^compare_numbers: .* from numeric_claims\(corpus\)\.$",
        ),
        (
            lambda c: ct.stance_triples(c, quotes_table=WRONG),
            r"^stance_triples: .* from quotes\(corpus\)\.$",
        ),
        (lambda c: ct.top_actors(WRONG, 3), r"^top_actors: .* from actor_counts\(mentions\)\.$"),
        (
            lambda c: ct.choose_kwic_term(WRONG),
            r"^choose_kwic_term: .* from actor_mentions\(corpus\)\.$",
        ),
        (
            lambda c: ct.evidence_view([1, 2]),
            r"^evidence_view: expected the table from .*, got a list\.$",
        ),
    ],
)
def test_wrong_table_names_the_function_and_the_table_to_pass(
    corpus: ct.Corpus, call: object, message: str
) -> None:
    # each was a KeyError/AttributeError from pandas naming one missing column
    with pytest.raises(ct.CorpusValueError, match=message):
        call(corpus)  # type: ignore[operator]


def test_options_below_their_minimum_in_tables_and_views(corpus: ct.Corpus) -> None:
    hits = ct.frames(corpus)
    with pytest.raises(
        ct.CorpusValueError, match=r"^min_sentences=0 must be a whole number >= 1\.$"
    ):
        ct.frame_summary(hits, corpus, min_sentences=0)
    with pytest.raises(ct.CorpusValueError, match=r"^k=0 must be a whole number >= 1\.$"):
        ct.top_actors(ct.actor_counts(ct.actor_mentions(corpus)), 0)
    q = ct.quotes(corpus)
    with pytest.raises(ct.CorpusValueError, match=r"^width=0 must be a whole number >= 10\.$"):
        ct.evidence_view(q, text="quote", width=0)  # was ValueError from textwrap
    with pytest.raises(ct.CorpusValueError, match=r"^most_connected: graph= is a NoneType; pass"):
        ct.most_connected(None, ct.actor_counts(ct.actor_mentions(corpus)))
    assert ct.top_actors(ct.actor_counts(ct.actor_mentions(corpus)), 2) == ["Russia", "China"]
    # the tables themselves still pass, also empty ones
    assert ct.frame_summary(hits.iloc[:0], corpus)["sentences_with_frame"].sum() == 0
    assert ct.top_actors(pd.DataFrame(), 3) == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c: ct.kwic(c, "Russia", window=1.5),
            r"^window must be a whole number >= 0 tokens, got 1\.5\.$",
        ),
        (
            lambda c: ct.stories(c, max_df=0),
            r"^max_df=0 keeps no term; use a share of documents in \(0, 1\]",
        ),
        (
            lambda c: ct.stories(c, n_label_terms=-1),
            r"^n_label_terms=-1 must be a whole number >= 0\.$",
        ),
        (
            lambda c: ct.with_stories(c, windw_days=3),
            r"^with_stories: unknown option\(s\) \['windw_days'\]; its options go to stories\(\): window_days, threshold",
        ),
        (lambda c: ct.statements(c, max_pairs=0), r"^max_pairs=0 must be a whole number >= 1\.$"),
        (
            lambda c: ct.frames(c, codebook={"frames": {}}),
            r"^codebook= is a dict; pass a YAML file path or the Codebook of load_codebook\(\); .*load_codebook\(extend=your_mapping\)\.$",
        ),
        (
            lambda c: ct.krippendorff_alpha("abc"),
            r"^data must be coders x units .*; got str of shape \(\)\.$",
        ),
        (lambda c: ct.target_sentiment(c, 5), r"^targets=5: pass a list of actor names"),
        (
            lambda c: ct.target_sentiment(c, ["Russia"], seed="x"),
            r"^seed='x' must be a whole number >= 0\.$",
        ),
        (
            lambda c: ct.numeric_claims(c, kinds=[]),
            r"^kinds=\[\] selects no kind; choose from \['count'",
        ),
        (lambda c: ct.duplicates(c, max_df=0), r"^max_df=0 must be a whole number >= 1\.$"),
        (
            lambda c: ct.describe_coder(None),
            r"^coder=NoneType: pass the Coder that train_coder\(coded\) returned\.$",
        ),
        (
            lambda c: ct.train_coder(pd.DataFrame({"text": [], "label": []})),
            r"^the coded table has no rows; code some sentences first",
        ),
        (
            lambda c: ct.on_seed_corpus(None),
            r"^corpus=NoneType: pass the corpus path given to load_corpus",
        ),
        (lambda c: ct.doc_quotes(None, []), r"^text=None is a NoneType, not a str"),
    ],
)
def test_misuse_is_a_clear_error(corpus: ct.Corpus, call: object, message: str) -> None:
    # each was accepted silently (an empty or unchanged result) or a raw TypeError/IndexError
    with pytest.raises(ct.CorpusValueError, match=message):
        call(corpus)  # type: ignore[operator]


def test_naming_one_alias_given_as_a_string_is_that_alias(corpus: ct.Corpus) -> None:
    text = "The radical Palestinian movement Hamas attacked."
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [text]}))
    # was matched letter by letter ('H', 'a', 'm', ...), finding nothing
    assert ct.naming(c, {"Hamas": "Hamas"}).equals(ct.naming(c, {"Hamas": ["Hamas"]}))
    assert ct.naming(c, {"Hamas": "Hamas"})["label"].tolist() == ["radical Palestinian movement"]


def test_figures_given_a_list_a_none_graph_or_a_wrong_table_say_what_to_pass(
    corpus: ct.Corpus,
) -> None:
    from corpus_tools import plots

    for fn in (plots.plot_keyness, plots.plot_doc_lengths, plots.plot_target_sentiment):
        with pytest.raises(
            ct.CorpusValueError, match=r"expected .*a pandas DataFrame.*got a list\.$"
        ):
            fn([1, 2])  # was AttributeError: 'list' object has no attribute 'columns'
    for fn in (plots.plot_network, plots.plot_network_interactive):
        with pytest.raises(
            ct.CorpusValueError, match=r"g= is a NoneType; pass the graph of network\("
        ):
            fn(None)  # was AttributeError from networkx
    with pytest.raises(ct.CorpusValueError, match=r"^plot_cooccurrence_heatmap: the table lacks"):
        plots.plot_cooccurrence_heatmap(WRONG)  # was KeyError 'actor_a'
    with pytest.raises(
        ct.CorpusValueError, match=r'from actor_counts\(mentions, by="published"\)\.$'
    ):
        plots.plot_mentions_over_time(
            ct.actor_counts(ct.actor_mentions(corpus))
        )  # KeyError 'group'
    m = ct.actor_mentions(corpus)
    g = ct.network(ct.cooccurrence(corpus, min_count=1), m, min_mentions=1, min_count=1)
    with pytest.raises(
        ct.CorpusValueError, match=r"^plot_network_small_multiples: the table lacks"
    ):
        plots.plot_network_small_multiples({"A": g}, WRONG)
    fig = plots.plot_network(g)
    assert fig.axes[0].get_title() != ""


def test_kwic_says_when_a_term_is_only_inside_longer_tokens() -> None:
    zh = "外交部发言人汪文斌表示，中国和俄罗斯将继续在中东问题上保持沟通。外交部还说。"
    c = ct.Corpus(
        pd.DataFrame({"doc_id": ["zh", "en"], "text": [zh, "Gazans fled. Talks resumed."]})
    )
    # a Chinese sentence is one token: since stop 19 the term is found inside it
    assert ct.kwic(c, "外交部")["start"].tolist() == [0, 32]
    with pytest.warns(
        ct.CorpusToolsWarning, match=r"^kwic: 'gaza' is never a whole token but occurs 1 time"
    ):
        assert ct.kwic(c, "gaza").empty
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a term with hits, or found nowhere: no warning
        assert ct.kwic(c, "talks")["match"].tolist() == ["Talks"]
        assert ct.kwic(c, "nowhere").empty


def test_cluster_bootstrap_refuses_missing_scores() -> None:
    # was (nan, nan, nan) without a word
    with pytest.raises(
        ct.CorpusValueError, match=r"^groups: non-empty group 1 holds a missing value"
    ):
        ct.cluster_bootstrap([[0.5], [float("nan"), 1.0]])
    assert ct.cluster_bootstrap([[0.5], [1.0]], n_boot=100) == (0.75, 0.5, 1.0)


@pytest.mark.parametrize(
    ("kw", "value"), [("min_mentions", -1), ("min_mentions", 0), ("min_count", 0)]
)
def test_network_refuses_minimums_below_one(kw: str, value: int) -> None:
    """network(min_mentions=-1) returned the min_mentions=1 graph without a word (finding S16-1)."""
    docs = pd.DataFrame(
        {"doc_id": ["a"], "text": ["Russia and China met. Russia and China agreed."]}
    )
    c = ct.Corpus(docs)
    cooc = ct.cooccurrence(c, measure="count", min_count=1)
    with pytest.raises(ct.CorpusValueError, match=f"{kw}={value} must be a whole number >= 1"):
        ct.network(cooc, ct.actor_mentions(c), **{kw: value})
    g = ct.network(cooc, ct.actor_mentions(c), min_mentions=1, min_count=1)
    assert sorted(g.edges) == [("China", "Russia")]
