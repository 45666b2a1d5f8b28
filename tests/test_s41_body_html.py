"""Session 41 (H2): views show an extractor's escaped bar as the page printed it."""

from __future__ import annotations

import pandas as pd

from corpus_tools.html import evidence_view


def test_evidence_view_shows_escaped_bar_as_bar() -> None:
    # trafilatura writes a menu's bars Markdown-escaped ('HOME \\| PEOPLE'); the data keeps
    # them, the view shows what the page printed
    table = pd.DataFrame({"doc_id": ["d1"], "sentence": ["| HOME \\| PEOPLE \\| MOVIES"]})
    view = evidence_view(table)
    assert repr(view) == "doc_id=d1\n    | HOME | PEOPLE | MOVIES"
    assert "HOME | PEOPLE | MOVIES</td>" in view.html
    assert table["sentence"][0] == "| HOME \\| PEOPLE \\| MOVIES"
