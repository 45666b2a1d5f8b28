"""Session 38: the report's notebooks 02-04 read the snapshot without warning the loader's
notes again (notebook 01 printed them): ``load_snapshot(..., notes=False)``."""

import warnings

import pandas as pd
import pytest

import corpus_tools as ct


def test_notes_warned_again_unless_notes_false(tmp_path):
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Talks."]}))
    path = ct.save_snapshot(c, tmp_path / "c.pkl", notes=["outlets read from URL hosts"])
    with pytest.warns(ct.CorpusToolsWarning, match="outlets read from URL hosts"):
        ct.load_snapshot(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quiet = ct.load_snapshot(path, raw=False, notes=False)
    assert quiet.docs["text"].tolist() == ["Talks."]
