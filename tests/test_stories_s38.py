"""Session 38: in a mixed-language corpus the story links leave out every language's
stopwords (109 saved pages, 68 German: English pages were chained into one story by 'the,
and, of, to, that' when only the corpus language's German list was left out)."""

import pandas as pd

import corpus_tools as ct

EN = [
    "The minister said that it was the end of the plan and that they would go to the town "
    "with all of them.",
    "The cat of the old man was in the garden and it was there with all of them for the rest "
    "of the day.",
]
DE = [
    "Der Minister sagte am Montag, dass die Gespräche in Berlin weitergehen und der Plan auf "
    "Kurs ist.",
    "Das Wetter im Norden des Landes war kalt und die Straßen waren für den Verkehr gesperrt.",
    "Die Regierung hat am Dienstag einen neuen Haushalt vorgestellt und die Opposition "
    "kritisiert ihn.",
    "Der Verein gewann das Spiel am Samstag mit zwei Toren und steht nun an der Spitze der Liga.",
]


def test_english_stopwords_link_no_pages_of_a_mostly_german_corpus():
    docs = pd.DataFrame(
        {"doc_id": list("abcdef"), "text": EN + DE, "published": ["2024-01-01"] * 6}
    )
    s = ct.stories(ct.Corpus(docs))
    assert s.table.attrs["stopword_language"] == "de+en"
    assert s.table["story_id"].nunique() == 6  # every page its own story
    assert s.links.empty


def test_a_one_language_corpus_keeps_its_one_list():
    docs = pd.DataFrame({"doc_id": list("cdef"), "text": DE, "published": ["2024-01-01"] * 4})
    assert ct.stories(ct.Corpus(docs)).table.attrs["stopword_language"] == "de"
