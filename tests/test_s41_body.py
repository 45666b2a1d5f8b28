"""Session 41 (H2): the article's own lines in and after the body (issue 15)."""

from __future__ import annotations

from corpus_tools.blocks import classify_lines

_P = (
    "The harbour authority said on Tuesday that the new ferry service between the island "
    "and the mainland would start in the spring, after two years of delays and disputes."
)
_Q = (
    "Residents of the island have waited for the ferry service since the old boat was "
    "withdrawn, and the council said the timetable would be published next month."
)
_R = (
    "The mainland port will build a new waiting room for the ferry passengers, and the "
    "harbour authority will pay for most of it from its own budget this year."
)
#: ten headline-like lines that name the article's subject (its own list)
_OWN = [
    "Ferry Timetable Island Harbour",
    "Mainland Port Waiting Room",
    "Island Council Ferry Budget",
    "Harbour Authority Spring Service",
    "Ferry Passengers Island Mainland",
    "Island Ferry Delays Disputes",
    "Council Timetable Published Month",
    "Old Boat Withdrawn Residents",
    "Mainland Harbour Budget Year",
    "Spring Ferry Service Start",
]
#: ten headlines of other stories (a related-stories box)
_OTHER = [
    "Stock Markets Rally Ahead Of Earnings",
    "Celebrity Chef Opens Downtown Bistro",
    "Football Club Signs Young Striker",
    "Weather Warning Issued For Weekend",
    "New Smartphone Launch Draws Crowds",
    "Film Festival Unveils Winners List",
    "Election Poll Shows Tight Race",
    "Museum Reopens After Renovation Work",
    "Tech Giant Faces Privacy Probe",
    "Singer Announces World Tour Dates",
]


def _page(middle: list[str]) -> list[str]:
    return [
        "Island ferry to start in spring",
        _P,
        _Q,
        *middle,
        _R,
        f"{_P} {_Q}",
        f"{_R} {_Q}",
        "Contact Us",
        "Privacy Policy",
    ]


def _removed(doc: list[str]) -> dict[int, str]:
    out = classify_lines([(i, v, None) for i, v in enumerate(doc)])
    return {i: r for i, (r, _) in out.items()}


def test_own_list_between_two_parts_stays() -> None:
    # the list names the article's subject: it is the article's, not a teaser box
    removed = _removed(_page(_OWN))
    assert removed == {16: "block:after_body", 17: "block:after_body"}


def test_teaser_box_between_two_parts_goes() -> None:
    # other stories' headlines between two parts of the article still go
    removed = _removed(_page(_OTHER))
    assert {i for i, r in removed.items() if r == "block:between_parts"} == set(range(3, 13))
    assert removed[16] == removed[17] == "block:after_body"


#: a list whose items name the article's subject among other words (two in five)
_SOME = [
    "Ferry Island Cafe Opening Hours",
    "Harbour Mainland Parking Charges Rise",
    "Council Timetable Library Books Returned",
    "Spring Budget Garden Show Tickets",
    "Passengers Port Bakery Prize Winners",
    "Island Residents Choir Concert Review",
    "Service Delays Bridge Paint Colours",
    "Authority Month Market Stall Rents",
    "Boat Waiting School Uniform Rules",
    "Disputes Year Bowling Club Trophy",
]


def test_list_sharing_a_third_of_its_words_stays() -> None:
    # 20 of its 50 content words are the body's (0.4): the article's list
    removed = _removed(_page(_SOME))
    assert removed == {16: "block:after_body", 17: "block:after_body"}


_S = "The council will vote on the plan at its meeting in the town hall next week."
_GAP = [
    "weather today",
    "local sport",
    "more videos",
    "town news",
    "events list",
    "our podcasts",
    "photo club",
]


def test_sentence_between_two_parts_stays() -> None:
    # a sentence of the article left alone between two gaps of chrome: kept; the chrome goes
    removed = _removed(_page([*_GAP, _S, *_GAP]))
    between = {i for i, r in removed.items() if r == "block:between_parts"}
    assert between == set(range(3, 10)) | set(range(11, 18))
    assert removed[21] == removed[22] == "block:after_body"
