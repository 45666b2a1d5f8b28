"""Matcher code, session 31: a settings.not_actors phrase starts no name."""

from __future__ import annotations

from pathlib import Path

import yaml

import corpus_tools as ct
from corpus_tools.actors import Gazetteer

_SHIPPED = Path(ct.__file__).parent / "data" / "actors.yml"


def _with_not_actors(tmp_path: Path, phrases: list[str]) -> Gazetteer:
    data = yaml.safe_load(_SHIPPED.read_text(encoding="utf-8"))
    data["settings"]["not_actors"] = list(data["settings"]["not_actors"]) + phrases
    path = tmp_path / "actors.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return ct.load_gazetteer(path)


def _found(text: str, gaz: Gazetteer | None = None) -> list[tuple[str, str]]:
    m = ct.mentions_in_text(text, gaz)
    return list(zip(m["actor"], m["alias"], strict=True))


def test_a_not_actor_phrase_does_not_make_its_first_word_start_a_name(tmp_path: Path) -> None:
    # 'Times' starts no actor's form; 'Times of India' (a not_actor) must not make it one,
    # or 'Washington' before it reads as the capital again
    gaz = _with_not_actors(tmp_path, ["Times of India", "Herald of Free Enterprise"])
    text = "Mulvaney told the Washington Times on Thursday. Paris Herald staff left."
    assert _found(text) == _found(text, gaz) == []
    # the phrase itself is still consumed, not matched
    assert _found("He read the Times of India.", gaz) == []
    assert _found("He flew to India.", gaz) == [("India", "India")]


def test_the_matcher_tells_actor_first_words_from_not_actor_ones(tmp_path: Path) -> None:
    m = _with_not_actors(tmp_path, ["Times of India"]).matcher
    assert "times" in m.first_words  # the trie still starts the phrase there
    assert "times" not in m.actor_first_words
    assert {"washington", "india", "india's"} <= m.actor_first_words
