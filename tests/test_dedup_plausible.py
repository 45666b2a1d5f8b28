"""Near-duplicate candidates whose MinHash values rarely agree are not verified."""

import random

import numpy as np

from corpus_tools import dedup


def test_min_agreement_bounds() -> None:
    assert dedup._min_agreement(0.9) == 46
    assert dedup._min_agreement(0.5) == 14
    assert dedup._min_agreement(1.0) == 64
    assert dedup._min_agreement(0.0) == 0


def _docs(n: int) -> list[str]:
    rng = random.Random(7)
    words = [f"w{i}" for i in range(3000)]
    paragraphs = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(40)]
    docs = ["\n".join(rng.sample(paragraphs, 6)) for _ in range(n)]
    docs += [d + " extra" for d in docs[:20]]  # 20 near copies of earlier documents
    return docs


def test_shared_paragraphs_are_not_verified_one_by_one(monkeypatch) -> None:
    texts = _docs(400)
    ids = [str(i) for i in range(len(texts))]
    verified: list[int] = []
    real = dedup._Near._verify_group

    def count(self, pairs, texts_):  # type: ignore[no-untyped-def]
        verified.append(sum(len(c) for _, c in pairs))
        return real(self, pairs, texts_)

    monkeypatch.setattr(dedup._Near, "_verify_group", count)
    for signed in (None, dedup.signatures(texts)):
        verified.clear()
        dup_of, kind = dedup.flag_duplicates(texts, ids, signed=signed)
        assert kind.count("near") == 20
        assert dup_of[400:] == [str(i) for i in range(20)]
        # the 20 true copies plus few others: documents sharing 1-3 of 6 paragraphs
        # fill the LSH buckets but agree on too few MinHash values to be verified
        assert 20 <= sum(verified) < 60


def test_signed_path_hands_its_signature_rows_to_the_search(monkeypatch) -> None:
    texts = _docs(50)
    signed = dedup.signatures(texts)
    seen: list[object] = []
    real = dedup._Near.__init__

    def init(self, *args, **kw):  # type: ignore[no-untyped-def]
        seen.append(kw.get("sig_rows"))
        real(self, *args, **kw)

    monkeypatch.setattr(dedup._Near, "__init__", init)
    dedup.flag_duplicates(texts, [str(i) for i in range(len(texts))], signed=signed)
    dedup.flag_duplicates(texts, [str(i) for i in range(len(texts))])
    rows = seen[0]
    assert isinstance(rows, np.ndarray) and rows.dtype == np.uint16  # no zero matrix made first
    assert (rows == signed[1].astype(np.uint16)).all()
    assert seen[1] is None  # unsigned: filled block by block
