"""dedup.DuplicateFinder (near duplicates searched as a load's documents arrive) gives exactly
flag_duplicates' flags: fed in any batch sizes, across search blocks, with documents whose
text changes afterwards (a learned template), and after a collision of band mixes."""

from __future__ import annotations

import random

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import dedup


def _corpus(n: int = 700, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    stories = [
        [f"w{(i * 7919 + s) % 1009}" for i in range(rng.randint(20, 120))] for s in range(12)
    ]
    texts: list[str] = []
    for _ in range(n):
        words = list(rng.choice(stories))
        for _ in range(rng.choice([0, 1, 1, 2, 8])):  # near copies, some far apart
            words[rng.randrange(len(words))] = f"x{rng.randrange(50)}"
        texts.append(" ".join(words) if rng.random() > 0.05 else rng.choice(["", "one two"]))
    return texts


def _fed(
    texts: list[str], sizes: list[int], seen: list[str] | None = None
) -> dedup.DuplicateFinder:
    """A finder fed ``texts`` in batches of the given sizes (cycled); it reads ``seen`` (the
    texts it is handed, which may change later) when given."""
    finder = dedup.DuplicateFinder(texts if seen is None else seen)
    a, k = 0, 0
    while a < len(texts):
        b = a + sizes[k % len(sizes)]
        finder.add(*dedup.signatures(texts[a:b]))
        a, k = b, k + 1
    return finder


@pytest.mark.parametrize("block", [2048, 64, 5, 1])
def test_finder_equals_flag_duplicates_in_any_batches(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dedup, "_NEAR_BLOCK", block)
    texts = _corpus()
    ids = [f"d{i}" for i in range(len(texts))]
    want = dedup.flag_duplicates(texts, ids)
    assert sum(k == "near" for k in want[1]) > 40 and sum(k == "exact" for k in want[1]) > 60
    for sizes in ([1], [256], [3, 50, 1, 200]):
        finder = _fed(texts, sizes)
        assert not finder.collision
        assert finder.flags(ids) == want


@pytest.mark.parametrize("block", [2048, 16])
def test_finder_searches_changed_documents_again(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Texts changed after they were searched (copies made, copies broken, texts cut) give
    the flags of the final texts; the unchanged results are kept, not recomputed."""
    monkeypatch.setattr(dedup, "_NEAR_BLOCK", block)
    texts = _corpus(seed=5)
    ids = [f"d{i}" for i in range(len(texts))]
    rng = random.Random(2)
    final, changed = list(texts), set()
    for j in rng.sample(range(len(texts)), 60):
        r = rng.random()
        if r < 0.35:
            final[j] = texts[rng.randrange(len(texts))]  # an exact or near copy of another
        elif r < 0.7:
            final[j] = " ".join(texts[j].split()[:12])  # cut short: no longer a copy
        else:
            final[j] = texts[j] + " one more line"
        changed.add(j)
    seen = list(texts)
    finder = _fed(texts, [37], seen)
    finder.search()
    seen[:] = final  # the column the finder reads now holds the changed texts
    want = dedup.flag_duplicates(final, ids)
    assert want != dedup.flag_duplicates(texts, ids)
    assert finder.flags(ids, dedup.signatures(final), changed) == want
    with pytest.raises(ValueError, match="signatures"):
        _fed(texts, [37]).flags(ids, None, {3})


def test_finder_after_a_collision_of_band_mixes_searches_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With every band mixed to its last row, different bands meet in one group: the
    finder notices and searches again with the rows themselves."""
    texts = _corpus(300, seed=8)
    ids = [f"d{i}" for i in range(len(texts))]
    want = dedup.flag_duplicates(texts, ids)
    monkeypatch.setattr(dedup, "_band_mix", lambda cols: cols[:, -1].copy())
    sigs = dedup.signatures(texts)
    finder = _fed(texts, [40])
    assert finder.flags(ids, sigs) == want
    assert finder.collision
    assert dedup.flag_duplicates(texts, ids, signed=sigs) == want


@pytest.mark.parametrize("fed", [256, 3])
def test_load_flags_the_texts_a_learned_template_changed(
    fed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template line learned from one outlet's pages changes their texts after they were
    searched (``fed`` 3: handed to the search 3 at a time, searched 4 at a time, before the
    template is known): the docs table's flags are those of the final texts."""
    from corpus_tools.io import collect

    monkeypatch.setattr(collect, "FIND_DOCS", fed)
    monkeypatch.setattr(dedup, "_NEAR_BLOCK", 4 if fed == 3 else dedup._NEAR_BLOCK)
    rng = random.Random(4)
    body = [f"w{i}" for i in range(300)]
    rows = []
    for k in range(40):
        words = list(body)
        words[rng.randrange(300)] = f"x{k}"
        text = (
            " ".join(words) if k % 2 else f"story {k} " + " ".join(f"s{k}w{i}" for i in range(60))
        )
        rows.append(
            {
                "id": f"d{k}",
                "outlet": "Site",
                "text": "Harbour Gazette weekly edition\n\n" + text,
            }
        )
    corpus = ct.load_corpus(pd.DataFrame(rows))
    docs, log = corpus.docs, corpus.cleaning_log
    assert log["rule"].astype(str).str.contains("template").sum() == 40  # every text changed
    want = dedup.flag_duplicates(docs["text"].tolist(), docs["doc_id"].tolist())
    assert docs["duplicate_of"].tolist() == want[0]
    assert docs["duplicate_kind"].tolist() == want[1]
    assert sum(k == "near" for k in want[1]) >= 10
