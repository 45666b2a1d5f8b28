"""Session 22 loading QA: outlets from folders, column names in other languages, duplicate
JSON keys, Parquet null counts from the footer, and crawler dumps split on request."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.cli import main
from corpus_tools.errors import CorpusToolsWarning, CorpusValueError

BODY = "Talks ended on Tuesday after two days of meetings in Doha. The envoys left for home."


def _quiet(source: object, **kw: object) -> ct.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusToolsWarning)
        return ct.load_corpus(source, n_jobs=1, **kw)


def _warned(source: object, **kw: object) -> tuple[ct.Corpus, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = ct.load_corpus(source, n_jobs=1, **kw)
    return corpus, [str(w.message) for w in caught if issubclass(w.category, CorpusToolsWarning)]


# 1. outlets from the first folder


def _by_outlet(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for outlet, n in (("bbc", 3), ("cnn", 2)):
        (root / outlet / "2023").mkdir(parents=True)
        for i in range(n):
            (root / outlet / "2023" / f"{i}.txt").write_text(f"Story {i}\n\n{BODY} {outlet} {i}\n")
    return root


def test_outlet_from_folder_takes_the_first_folder(tmp_path: Path) -> None:
    corpus = _quiet(_by_outlet(tmp_path), outlet_from="folder")
    got = corpus.docs.set_index("doc_id")[["outlet", "outlet_source"]]
    assert got.loc["bbc/2023/0"].tolist() == ["bbc", "folder"]
    assert got.loc["cnn/2023/1"].tolist() == ["cnn", "folder"]
    assert corpus.docs["outlet"].value_counts().to_dict() == {"bbc": 3, "cnn": 2}


def test_outlet_from_folder_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="corpus_tools.io"):
        _quiet(_by_outlet(tmp_path), outlet_from="folder")
    assert (
        "outlet_from='folder': 5 document(s) take their outlet from 2 folder(s): bbc (3), cnn (2)"
        in caplog.text
    )


def test_no_outlet_in_folders_warns_naming_both_fixes(tmp_path: Path) -> None:
    corpus, notes = _warned(_by_outlet(tmp_path))
    assert corpus.docs["outlet"].isna().all()  # not the default: folders may be topics
    assert notes == [
        "no document has an outlet, so every comparison by outlet sees one group, but the "
        "documents sit in 2 folders: bbc (3), cnn (2). If the folders are the outlets (or the "
        "groups you want to compare), pass outlet_from='folder' (command line: --outlet-from "
        "folder), or add a metadata.csv with the columns file,outlet to the corpus folder."
    ]


def test_no_folder_warning_with_an_outlet_or_a_flat_folder(tmp_path: Path) -> None:
    root = _by_outlet(tmp_path)
    (root / "metadata.csv").write_text("file,outlet\nbbc/2023/0.txt,BBC News\n")
    _quiet(root)  # one outlet is known: the user has said where outlets come from
    flat = tmp_path / "flat"
    flat.mkdir()
    for i in range(3):
        (flat / f"{i}.txt").write_text(f"{BODY} {i}\n")
    _quiet(flat)


def test_metadata_wins_over_the_folder_and_the_folder_over_a_table(tmp_path: Path) -> None:
    root = _by_outlet(tmp_path)
    (root / "metadata.csv").write_text("file,outlet\nbbc/2023/0.txt,BBC News\n")
    pd.DataFrame({"text": [BODY], "source": ["Reuters"]}).to_csv(
        root / "cnn" / "t.csv", index=False
    )
    corpus = _quiet(root, outlet_from="folder")
    got = corpus.docs.set_index("doc_id")[["outlet", "outlet_source"]]
    assert got.loc["bbc/2023/0"].tolist() == ["BBC News", "sidecar"]
    assert got.loc["cnn/t#1"].tolist() == ["cnn", "folder"]


def test_top_level_documents_keep_their_outlet_and_are_named(tmp_path: Path) -> None:
    root = _by_outlet(tmp_path)
    (root / "loose.txt").write_text(BODY + "\n")
    corpus, notes = _warned(root, outlet_from="folder")
    assert corpus.docs.set_index("doc_id").loc["loose", "outlet"] is None
    assert notes == [
        "outlet_from='folder': 1 document(s) sit at the top level of the corpus folder, not in "
        "a folder, and keep the outlet they had (loose.txt); move them into their outlet's "
        "folder, or name their outlet in a metadata.csv (columns file,outlet)."
    ]


def test_outlet_from_folder_without_folders_says_it_did_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY + "\n")
    _, notes = _warned(tmp_path, outlet_from="folder")
    assert len(notes) == 1
    assert notes[0].startswith("outlet_from='folder' had no effect: no document sits in a folder")


def test_outlet_from_a_list_of_folders(tmp_path: Path) -> None:
    root = _by_outlet(tmp_path)
    corpus = _quiet([root / "cnn", root / "bbc"], outlet_from="folder")
    assert corpus.docs["outlet"].tolist() == ["bbc"] * 3 + ["cnn"] * 2


def test_unknown_outlet_from_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CorpusValueError, match=r"outlet_from='folders' is not known; give"):
        ct.load_corpus(_by_outlet(tmp_path), outlet_from="folders")


def test_outlet_from_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _by_outlet(tmp_path)
    assert main(["info", str(root), "--outlet-from", "folder"]) == 0
    out = capsys.readouterr().out
    assert "bbc" in out and "cnn" in out
    assert main(["info", str(root), "--outlet-from", "site"]) != 0
    err = capsys.readouterr().err
    assert "outlet_from='site' is not known" in err
    assert "Traceback" not in err
