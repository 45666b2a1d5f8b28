"""Fixed expressions that contain a demonym are not actor mentions (settings.not_actors)."""

import corpus_tools as ct


def _found(text: str) -> list[tuple[str, str]]:
    m = ct.mentions_in_text(text)
    return list(zip(m["actor"], m["alias"], strict=True))


def test_pole_position_and_pole_vault_are_not_poland() -> None:
    text = (
        "Pole position went to Hamilton, ahead of Poland's driver. "
        "Verstappen was the pole-sitter. A Pole won the pole vault."
    )
    assert _found(text) == [("Poland", "Poland"), ("Poland", "Pole")]


def test_lower_case_sports_text_keeps_its_places_without_the_pole() -> None:
    text = "hamilton took pole position in monaco and a pole vault record fell"
    assert _found(text) == [("Monaco", "monaco")]
