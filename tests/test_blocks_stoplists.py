"""blocks' index of jusText's stop lists is the one read word by word through jusText."""

from __future__ import annotations

import justext

from corpus_tools.blocks import _stoplist_hits, _stoplist_words, _stoplists


def test_every_stop_list_reads_as_justext_reads_it() -> None:
    names = sorted(justext.get_stoplists())
    assert len(names) > 90
    for name in names:
        assert _stoplist_words(name) == justext.get_stoplist(name), name


def test_the_word_index_is_the_plain_one() -> None:
    names, folded = _stoplists()
    plain: dict[str, list[int]] = {}
    for k, name in enumerate(sorted(justext.get_stoplists())):
        for w in justext.get_stoplist(name):
            plain.setdefault(w.casefold(), []).append(k)
    assert names == tuple(sorted(justext.get_stoplists()))
    assert set().union(*folded) == set(plain)
    index = {w: sorted(k for k, n in _stoplist_hits(w) for _ in range(n)) for w in plain}
    assert index == plain
    # two lowercase Armenian words fold to one: it counts for its list twice, as before
    assert any(len(v) != len(set(v)) for v in index.values())
