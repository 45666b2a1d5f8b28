"""The script classes of ``_patterns``: one definition for ``blocks`` (dense scripts) and
``kwic`` (scripts written without spaces), each matching what its module matched before."""

from __future__ import annotations

import importlib
import re

from corpus_tools import _patterns

# (modules by name: the package exports functions named blocks and kwic too)
blocks = importlib.import_module("corpus_tools.blocks")
kwic = importlib.import_module("corpus_tools.kwic")

# the classes as the two modules wrote them before they were defined in one place
_OLD_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_OLD_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_OLD_HANGUL = re.compile(r"[\uac00-\ud7af]")
_OLD_NO_SPACE = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f]"
)
# every code point but the surrogates, in one string
_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_same_characters_as_before() -> None:
    for new, old in (
        (_patterns.DENSE_SCRIPT_RE, _OLD_DENSE),
        (_patterns.HAN_KANA_RE, _OLD_HAN_KANA),
        (_patterns.HANGUL_RE, _OLD_HANGUL),
        (_patterns.NO_SPACE_SCRIPT_RE, _OLD_NO_SPACE),
    ):
        assert new.findall(_ALL) == old.findall(_ALL)


def test_modules_use_the_one_definition() -> None:
    assert kwic._NO_SPACE_SCRIPT is _patterns.NO_SPACE_SCRIPT_RE
    assert blocks._DENSE_RE is _patterns.DENSE_SCRIPT_RE


def test_the_two_sets_differ_on_purpose() -> None:
    # Korean has spaces between words but dense syllables; Thai has no spaces, Latin-dense letters
    korean, thai, chinese = "\ud55c", "\u0e01", "\u4e2d"
    assert _patterns.DENSE_SCRIPT_RE.search(korean) and not _patterns.NO_SPACE_SCRIPT_RE.search(
        korean
    )
    assert _patterns.NO_SPACE_SCRIPT_RE.search(thai) and not _patterns.DENSE_SCRIPT_RE.search(thai)
    assert _patterns.NO_SPACE_SCRIPT_RE.search(chinese) and _patterns.DENSE_SCRIPT_RE.search(
        chinese
    )
    # the length weights of the classifier: a Han character counts 3, a Hangul syllable 2
    assert blocks._dense_extra("\u4e2d\u6587 \ud55c\uad6d ab") == 2 * 2 + 2
