"""Session 31 (H1): a line printed twice inside a list the page keeps is a list entry
(a poll's scenarios repeat results), not a teaser printed twice."""

from __future__ import annotations

from _prose import P1, P2

from corpus_tools.clean import clean_text, reconstruct_text

SCENARIO_1 = ["Lula (PT): 34%", "Jair Bolsonaro (PSC): 17%", "Ciro Gomes (PDT): 6%"]
SCENARIO_2 = ["Lula (PT): 37%", "Jair Bolsonaro (PSC): 18%", "Ciro Gomes (PDT): 6%"]


def test_a_result_repeated_in_a_second_list_stays():
    raw = "\n\n".join(
        ["Poll puts Lula ahead", P1, "Scenario 1:", *SCENARIO_1, "Scenario 2:", *SCENARIO_2, P2]
    )
    clean, rows = clean_text(raw)
    # "Ciro Gomes (PDT): 6%" is printed in both lists: both copies are entries
    assert clean.count("Ciro Gomes (PDT): 6%") == 2
    assert "duplicate_line" not in {r["rule"] for r in rows}
    assert reconstruct_text(clean, rows) == raw


def test_a_teaser_printed_twice_still_loses_its_copy():
    teaser = "Floods hit the north as rivers burst"
    raw = f"{P1}\n\n{teaser}\n\n{P2}\n\n{teaser}\n\n{P1}"
    clean, rows = clean_text(raw)
    assert clean.count(teaser) == 1
    assert ("duplicate_line", teaser) in {(r["rule"], r["text"].strip()) for r in rows}


def test_a_copy_outside_the_list_still_goes():
    # the copy stands alone between paragraphs (no list of one shape around it)
    line = "Ciro Gomes (PDT): 6%"
    raw = "\n\n".join(["Poll puts Lula ahead", P1, *SCENARIO_1, P2, line, P1[:80] + "."])
    clean, rows = clean_text(raw)
    assert clean.count(line) == 1
    assert ("duplicate_line", line) in {(r["rule"], r["text"].strip()) for r in rows}
