"""``import corpus_tools`` does not import nltk; the Punkt patterns written out equal NLTK's.

tokenize.py used to read Punkt's regular expressions from ``nltk.tokenize.punkt`` at
import, which imports the whole nltk package (about 1.5 s of a 2.4 s import). The
patterns are now written out in tokenize.py; these tests pin them to the installed
NLTK's, so the sentence splitter still is Punkt's.
"""

from __future__ import annotations

import subprocess
import sys

from nltk.tokenize.punkt import PunktLanguageVars, PunktToken

from corpus_tools import tokenize as tk


def _nltk(p: object) -> object:
    return getattr(p, "_rx", p)  # NLTK >= 3.9.3 wraps each pattern in a time-limited proxy


def _same(ours: object, theirs: object) -> None:
    theirs = _nltk(theirs)
    # NLTK builds one character class from a set ("?!" or "!?", by hash order): same class
    want = theirs.pattern.replace(r"!\?", r"\?!")  # type: ignore[attr-defined]
    assert ours.pattern == want  # type: ignore[attr-defined]
    assert ours.flags == theirs.flags  # type: ignore[attr-defined]
    assert type(ours) is type(theirs)


def test_punkt_patterns_equal_nltks():
    lang = PunktLanguageVars()
    _same(tk._PERIOD_CONTEXT_RE, lang.period_context_re())
    _same(tk._PUNKT_WORD_RE, lang._word_tokenizer_re())
    _same(tk._REALIGN_RE, lang.re_boundary_realignment)
    _same(tk._RE_NUMERIC, PunktToken._RE_NUMERIC)
    _same(tk._RE_INITIAL, PunktToken._RE_INITIAL)
    _same(tk._RE_ELLIPSIS, PunktToken._RE_ELLIPSIS)
    assert tk._SENT_END_CHARS == tuple(lang.sent_end_chars)


def test_import_and_sentences_do_not_import_nltk():
    code = (
        "import sys, corpus_tools as ct\n"
        "from corpus_tools.cli import main\n"
        "a = 'nltk' in sys.modules\n"
        "s = ct.tokenize.split_sentences('Mr. Li left. He came back.')\n"
        "r, _ = ct.tokenize.sentence_batch(['Dr. Wu met Jan. 9 in Doha. He left.'])\n"
        "print(a, 'nltk' in sys.modules, len(s), len(r))\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert res.stdout.split() == ["False", "False", "2", "2"]
