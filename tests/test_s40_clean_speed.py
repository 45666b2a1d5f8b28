"""Session 40: the vectorised word/stopword counters of bench_clean_speed.py --words (numpy,
pyarrow.compute) count exactly as the classifier does (CPython split and set look-ups)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from conftest import bench_module

from corpus_tools.blocks import load_block_settings

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    """benchmarks/bench_clean_speed.py as a module (conftest's loader)."""
    with bench_module("bench_clean_speed") as mod:
        return mod


def test_numpy_counts_equal_the_classifiers_on_hand_made_lines():
    b = _bench()
    stop = load_block_settings().stopwords
    views = [
        "The talks resumed on Monday after a pause.",
        "Don't 'quote' it's theirs \u2019tis rock'n'roll",
        "",
        "OURSELVES and yourselves ourselvesx a",
        "supercalifragilisticexpialidocious the the the",
        "\u00a9 \u2014 \u201cwhat\u2019s new\u201d",
    ]
    page = b.page_word_text(views)
    assert page is not None
    got = b.NumpyCounter(stop).counts([page])
    pairs = list(zip(got[0].tolist(), got[1].tolist(), strict=True))
    assert pairs == b.python_counts([page], stop)
    assert pairs == [(8, 4), (6, 3), (0, 0), (5, 4), (4, 3), (2, 0)]


def test_numpy_counts_equal_the_classifiers_on_random_stopword_text():
    b = _bench()
    stop = load_block_settings().stopwords
    rng = random.Random(40)
    vocab = sorted(stop) + ["x", "thee", "abovee", "ab", "q'", "'s", "it\u2019s", "zz" * 9]
    pages = []
    for _ in range(30):
        lines = [
            " ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 40)))
            for _ in range(rng.randrange(1, 8))
        ]
        page = b.page_word_text(lines)
        assert page is not None
        pages.append(page)
    want = b.python_counts(pages, stop)
    for counter in (b.NumpyCounter(stop), b.ArrowCounter(stop)):
        nw, ns = counter.counts(pages)
        assert list(zip(nw.tolist(), ns.tolist(), strict=True)) == want
    assert sum(n for _, n in want) > 0 and any(w == 0 for w, _ in want)


def test_words_mode_prints_its_table(tmp_path):
    corpus = tmp_path / "txt"
    corpus.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt"))[:5]:
        (corpus / p.name).write_bytes(p.read_bytes())
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_clean_speed.py"), "--words"]
        + ["--corpus", str(corpus), "--n", "5"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    assert "| numpy, hashed stop keys | 16 |" in res.stdout
    assert "| pyarrow.compute | 256 |" in res.stdout
    assert "identical counts on every line" in res.stdout


def test_a_page_shorter_than_min_lines_gets_nothing_from_the_classifier():
    from corpus_tools import clean_text
    from corpus_tools.blocks import classify_lines
    from corpus_tools.prose import classify_page_lines

    s = load_block_settings()
    assert s.min_lines == 4
    # chrome and a paragraph printed in fragments: judged on a page of 4+ lines only
    views = ["Home", "Contact Us", "The minister met", "joe biden on monday, and said"]
    body = "The talks resumed on Monday after a pause of more than a month, officials said."
    long_page = [*views, body, body + " More.", "Privacy Policy"]
    lines = [(i, v, None) for i, v in enumerate(long_page)]
    assert classify_page_lines(lines, s) != {}
    for n in (1, 2, 3):
        short = lines[:n]
        assert classify_page_lines(short, s) == {} == classify_lines(short, s)
    # in clean_text too: a whole-line rule may take a line, the classifier takes none
    raw = "Home\n\nContact Us\n\n" + body + "\n"
    _, rows = clean_text(raw)
    assert rows and not [r for r in rows if r["category"] == "block"]
    _, rows = clean_text(raw + "\nPrivacy Policy\n\nMore news\n")
    assert [r for r in rows if r["category"] == "block"]
