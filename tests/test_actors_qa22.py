"""Letter case of actor names (QA S22-H8-7, S22-H8-3)."""

from __future__ import annotations

from conftest import make_corpus

import corpus_tools as ct
from corpus_tools.actors import _recased, resolve_gazetteer


def _rows(c):
    m = ct.actor_mentions(c)
    return list(zip(m.doc_id, m.actor, m.alias, m.start, m.found_by, strict=True))


def test_pronoun_us_in_prose_is_not_the_united_states():
    c = make_corpus({"a": "They do us harm, the US said.", "b": "Let us pray for the U.S. envoy."})
    assert _rows(c) == [
        ("a", "United States", "US", 21, "cased"),
        ("b", "United States", "U.S.", 20, "cased"),
    ]


def test_all_capitals_headline_keeps_us():
    # in a capitals line the case says nothing; US stays the country there (QA S19-H8-4)
    assert _rows(make_corpus({"a": "US TO RELEASE OIL"})) == [
        ("a", "United States", "US", 0, "cased")
    ]


def test_text_without_capitals_reads_unambiguous_names():
    c = make_corpus(
        {
            "a": "putin meets the united states envoy in iraq; do us harm; talks in moscow",
            "b": "Putin met the united states envoy.",  # has capitals: as written only
        }
    )
    assert _rows(c) == [
        ("a", "Vladimir Putin", "putin", 0, "uncased"),
        ("a", "United States", "united states", 16, "uncased"),
        ("a", "Iraq", "iraq", 39, "uncased"),
        ("b", "Vladimir Putin", "Putin", 0, "cased"),
    ]
    # a capital after a locative preposition is a place, as in cased text
    m = ct.actor_mentions(c, locations=True)
    assert m[m.alias == "moscow"][["actor", "type", "found_by"]].values.tolist() == [
        ["Russia", "location", "uncased"]
    ]


def test_common_words_and_acronyms_stay_lower_case():
    gaz = resolve_gazetteer(None)
    # 'us' (an acronym), 'may' and 'house' (common words) are not recased
    assert _recased("may we visit us in the house of china", gaz) == (
        "may we visit us in the house of China"
    )
    assert _recased("nothing to see here", gaz) is None
    assert _recased("Already Cased China", gaz) is None
    assert _recased("1234 !!", gaz) is None


def test_mentions_in_text_and_batch_agree_on_found_by():
    t = "bush and chirac meet; russian troops leave turkey"
    one = ct.mentions_in_text(t)[["actor", "start", "found_by"]].values.tolist()
    batch = ct.actor_mentions(make_corpus({"a": t}))[["actor", "start", "found_by"]]
    assert (
        one
        == batch.values.tolist()
        == [
            ["Jacques Chirac", 9, "uncased"],
            ["Russia", 22, "uncased"],
            ["Turkey", 43, "uncased"],
        ]
    )
