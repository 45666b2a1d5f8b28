"""A list the article introduces, after a short note under its last kept paragraph
(session 25, issue 15)."""

from __future__ import annotations

from corpus_tools.clean import clean_text, reconstruct_text

MENU = ["Home", "World", "Business", "Sport", "Sign in"]
TAIL = ["Share this:", "Twitter", "Facebook", "Related", "Contact Us", "Privacy Policy"]
BODY = [
    "A storm that has already killed dozens of people across the islands is expected to reach "
    "the coast on Monday night, bringing strong winds, heavy rain and a surge of sea water.",
    "Forecasters said the storm could merge with a cold front coming from the west, and the "
    "officials of several states asked people living near the shore to leave their homes.",
]
ITEMS = [
    "Location tracking, including the storm's current and forecast paths, from the Hurricane Center",
    "Public alerts, including evacuation notices, storm warnings, and more, via the weather service",
    "Radar and cloud imagery from the Naval Research Laboratory",
    "Evacuation information and routes",
    "Shelters and recovery centers will appear as they become operational",
    "Storm footage and storm-related videos, curated by the newsroom",
]
LEAD = "On the map, you will find the following emergency preparedness information:"
AFTER = [
    "We have also launched a map specific to the city, featuring evacuation zone information, "
    "open shelters, weather information and live webcams.",
    "View larger map.",
    "You can easily share and embed these maps on your website: just hit the Share button at "
    "the top of the map to get the code. We will update these maps as more information comes.",
]

BYLINE = "Posted by Jane Doe, Software Engineer, Crisis Response"


def test_an_introduced_list_after_a_short_note_stays(monkeypatch):  # noqa: ANN001
    """'View larger map.' between the last kept paragraph and the introduction: the list
    is judged with the text around it (a Dragnet development page lost the list and the
    rest of its article: the introduction followed no kept line)."""
    import corpus_tools.prose as P

    doc = ["Storm maps", *BODY, "View larger map.", LEAD, *ITEMS, AFTER[0], AFTER[2]]
    lines = [(i, v, None) for i, v in enumerate(doc)]
    note, first_item = doc.index("View larger map."), doc.index(ITEMS[0])

    def classifier(ls, settings=None):  # noqa: ANN001, ANN202
        # as the classifier did on that page: the list of short lines ends the body run
        # above it; judged without the list, the article is whole
        idx = [ln[0] for ln in ls]
        if first_item in idx:
            return {
                i: ("block:after_body", "after the last body paragraph") for i in idx if i >= note
            }
        return {}

    monkeypatch.setattr(P, "_classify_joined", classifier)
    decided = P._classify_introduced(lines, None)
    assert decided == {}  # judged without the list, nothing goes; the list stays with it
    assert P._kept_above_note(lines, {note: ("x", "")}, note + 1)
    assert not P._kept_above_note(lines, {note: ("x", ""), note - 1: ("x", "")}, note + 1)
    long_note = [(i, "A teaser headline of more than four words" if i == note else v, r)
                 for i, v, r in lines]  # fmt: skip
    assert not P._kept_above_note(long_note, {note: ("x", "")}, note + 1)


def test_the_page_reads_back():
    doc = [*MENU, "Storm maps", *BODY, "View larger map.", LEAD, *ITEMS, *AFTER, BYLINE, *TAIL]
    raw = "\n".join(doc)
    text, rows = clean_text(raw)
    assert reconstruct_text(text, rows) == raw
    assert ITEMS[0] in text and "Privacy Policy" not in text
