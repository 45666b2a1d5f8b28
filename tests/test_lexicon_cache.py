"""Edit a lexicon file and re-run in the same process: the change is picked up.

Loaders cache a parsed file on ``(resolved path, st_mtime_ns, st_size)``
(``corpus_tools._data.file_key``), not on the path string, so a notebook
kernel that re-runs after an edit never gets the old hedges, frames,
reporting verbs, actors or cleaning rules back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

import corpus_tools as ct
from corpus_tools._data import file_key

DATA = Path(ct.__file__).parent / "data"
TEXT = "Officials hinted the zorbly envoy would glarp the Vexland talks, Bob murmured."


def _corpus() -> ct.Corpus:
    return ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [TEXT]}))


def _copy(tmp_path: Path, name: str) -> tuple[Path, dict[str, Any]]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    path = tmp_path / name
    _write(path, data)
    return path, data


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_hedges_file_edit_is_picked_up(tmp_path: Path):
    path, data = _copy(tmp_path, "hedges.yml")
    assert "zorbly" not in set(ct.load_hedges(path)["term"])
    assert ct.hedges(_corpus(), lexicon=path).empty
    data["classes"]["hedge"]["terms"].append("zorbly")
    _write(path, data)
    assert ct.load_hedges(path).set_index("term").loc["zorbly", "hedge_class"] == "hedge"
    got = ct.hedges(_corpus(), lexicon=path)
    assert got[["term", "hedge_class", "start"]].values.tolist() == [
        ["zorbly", "hedge", TEXT.index("zorbly")]
    ]


def test_codebook_edit_is_picked_up(tmp_path: Path):
    path, data = _copy(tmp_path, "frames.yml")
    assert "glarp*" not in ct.load_codebook(path).frames["conflict"]["cues"]
    assert "conflict" not in set(ct.frames(_corpus(), codebook=path)["frame"])
    data["frames"]["conflict"]["cues"].append("glarp*")
    _write(path, data)
    assert "glarp*" in ct.load_codebook(path).frames["conflict"]["cues"]
    hits = ct.frames(_corpus(), codebook=path)
    assert hits.loc[hits["frame"] == "conflict", "cue"].tolist() == ["glarp*"]


def test_gazetteer_edit_is_picked_up(tmp_path: Path):
    path, data = _copy(tmp_path, "actors.yml")
    assert "Vexland" not in set(ct.actor_mentions(_corpus(), path)["actor"])
    data["actors"].append(
        {
            "id": "VXL",
            "name": "Vexland",
            "type": "country",
            "aliases": ["Vexland"],
            "source": "test",
        }
    )
    _write(path, data)
    got = ct.actor_mentions(_corpus(), path)
    assert got.loc[got["actor"] == "Vexland", ["alias", "start"]].values.tolist() == [
        ["Vexland", TEXT.index("Vexland")]
    ]


def test_reporting_verbs_edit_is_picked_up(tmp_path: Path):
    path, data = _copy(tmp_path, "reporting_verbs.yml")
    assert "murmur" not in set(ct.load_reporting_verbs(path)["lemma"])
    data["classes"]["neutral"]["verbs"].append({"murmur": ["murmur", "murmurs", "murmured"]})
    _write(path, data)
    verbs = ct.load_reporting_verbs(path).set_index("form")
    assert verbs.loc["murmured", ["lemma", "cue_class"]].tolist() == ["murmur", "neutral"]


def test_same_size_edit_is_picked_up(tmp_path: Path):
    """An edit that keeps the byte size is still seen (the modification time is in the key)."""
    path, data = _copy(tmp_path, "hedges.yml")
    data["classes"]["hedge"]["terms"].append("zorbly")
    _write(path, data)
    before = os.stat(path).st_mtime_ns
    assert "zorbly" in set(ct.load_hedges(path)["term"])
    text = path.read_text(encoding="utf-8").replace("zorbly", "quaxly")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))  # a later save
    terms = set(ct.load_hedges(path)["term"])
    assert "quaxly" in terms and "zorbly" not in terms


def test_file_key():
    assert file_key(None) == (None, 0, 0)
    assert file_key("no/such/file.yml") == ("no/such/file.yml", -1, -1)
    key = file_key(DATA / "hedges.yml")
    assert key[0] == str((DATA / "hedges.yml").resolve())
    assert key[2] == (DATA / "hedges.yml").stat().st_size


def test_rules_file_edit_is_picked_up(tmp_path: Path):
    """clean_text(rules=<path>) caches the compiled rules per version of the file."""
    path, data = _copy(tmp_path, "boilerplate.yml")
    raw = "Envoys met in Doha.\n\nZorbly promo: glarp now\n\nTalks went on.\n"
    clean, _ = ct.clean_text(raw, rules=path)
    assert "Zorbly promo" in clean
    data["rules"].append(
        {
            "id": "zorbly_promo",
            "category": "signup",
            "pattern": "zorbly promo:.*",
            "description": "a test promo line",
            "example": "Zorbly promo: glarp now",
        }
    )
    _write(path, data)
    clean, rows = ct.clean_text(raw, rules=path)
    assert "Zorbly promo" not in clean
    assert [r["rule"] for r in rows if r["rule"] == "zorbly_promo"] == ["zorbly_promo"]
