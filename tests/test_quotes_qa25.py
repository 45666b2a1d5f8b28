"""Speakers of the wrong-speaker shapes of session 25's real headline sample (Reddit-posted
news titles of 2021-2022, fwd/news, dev half): a lower-case head after a capitalised place or
possessor (``Uvalde mother says``), ``CLAUSE, X tells Z``, a lower-case source after the last
colon (``...: police``), a possessor before a colon (``Putin's Ukraine Body Count:``), an
adverb between a headline's subject and its verb, and acts read as speech."""

from __future__ import annotations

import pytest
from _quote_sets import named_speakers


@pytest.mark.parametrize(
    ("headline", "speakers"),
    [
        # a lower-case head that can speak after capitalised words opening the sentence
        ("Uvalde mother says police are harassing her after she saved kids", ["Uvalde mother"]),
        ("Congo auditor says $400 million went missing", ["Congo auditor"]),
        (
            "Donald Trump's niece said it's hypocritical for him to complain",
            ["Donald Trump's niece"],
        ),
        ("Khashoggi's fiancee urges Justin Bieber to cancel Saudi show", ["Khashoggi's fiancee"]),
        ("Covid cases say nothing about the variant", []),
        ("Here's Google's letter saying employees can relocate", []),
        # CLAUSE, X tells Z: the addressee closes the sentence; a clause after it is content
        ("Don't use migrants as pawns, Pope tells governments", ["Pope"]),
        ("Stop the war now, Pope tells the UN Security Council.", ["Pope"]),
        ("Stop the war, Pope tells leaders to do more", []),
        # a lower-case source after the last colon
        ("Canadian teen arrested for threatening mass shooting at Pride event: police", ["police"]),
        ("Democrats more likely to vote in midterms after abortion ruling: poll", ["poll"]),
        ("RNC paying some Trump legal bills: report", ["report"]),
        ("Entire industries in Germany could collapse due to gas cuts: union head", ["union head"]),
        ("Ukraine war enters its sixth month: live", []),
        # a possessor before a colon: the possessed speaks, or no one
        ("Putin's Ukraine Body Count: 34,100 Dead, Nearly 1,500 Tanks Destroyed", []),
        # an adverb between a headline's subject and its verb
        (
            "French lawmakers officially recognise China's treatment of Uyghurs as 'genocide'",
            ["French lawmakers"],
        ),
        (
            "French lawmakers recognise China's treatment of Uyghurs as 'genocide'",
            ["French lawmakers"],
        ),
        # a bare clause opening with "a" and a noun phrase before an auxiliary or modal
        ("Vladimir Putin warns a nuclear war could break out", ["Vladimir Putin"]),
        ("Moderna says an omicron variant vaccine could be ready in early 2022", ["Moderna"]),
        ("Putin says a lot", []),
        ("Putin warns a friend", []),
        # "now" between the speaker and the cue
        ("Elon Musk now says that no one should get subsidies", ["Elon Musk"]),
        # CLAUSE, says DESCRIPTION: a description ending the sentence after an inverted cue
        ("Olavo de Carvalho died of virus, says daughter", ["daughter"]),
        (
            "Social media creating virus of lies, says Nobel winner Maria Ressa",
            ["Nobel winner Maria Ressa"],
        ),
        ("Mask-wearing cuts Covid incidence by 53%, says global study", ["global study"]),
        (
            "Trump won't run in 2024 because he cannot face it, says his former chief of staff",
            ["his former chief of staff"],
        ),
        # a clause after ", says" is no description: its speaker is the subject of the first
        # verb (session 29, quotes.elided)
        ("Biden defends decision to visit Saudi Arabia, says rights are on his agenda", ["Biden"]),
        ("Researcher questions China's population data, says it may be lower", ["Researcher"]),
        # rejecting a bill is a vote, not speech
        ("Polish parliament rejects abortion bill", []),
        ("Polish parliament rejects claims of fraud", ["Polish parliament"]),
    ],
)
def test_headline_speakers(headline: str, speakers: list[str]) -> None:
    assert named_speakers(headline) == speakers
