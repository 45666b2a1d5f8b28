"""Session 40 (H1): a listicle's items cut apart by chrome are all parts of the article.

The body search kept at most 8 parts (``blocks._MAX_PARTS``): a list article whose
twelve items each stand between two chrome blocks lost the items the search did not
reach (a dev page of the Modern set kept 21 % of its article).
"""

from corpus_tools.blocks import classify_lines

_CHROME = ["Home", "News", "Sport", "Weather", "Contact Us", "Privacy Policy", "Facebook",
           "Twitter", "Newsletter", "Advertisement"]  # fmt: skip


def _item(n: int) -> str:
    return (
        f"Number {n} on our list is a small town by the sea where the visitors who come in "
        "the summer can walk along the harbour, eat fresh fish in the old market and watch "
        "the boats."
    )


def test_twelve_items_between_chrome_blocks_all_stay() -> None:
    doc: list[str] = []
    for n in range(1, 13):
        doc += [_item(n), *_CHROME]
    doc += [" ".join([_item(13)] * 6), "Contact Us", "Privacy Policy"]
    out = classify_lines([(i, v, None) for i, v in enumerate(doc)])
    kept = [doc[i] for i in range(len(doc)) if i not in out]
    assert kept == [_item(n) for n in range(1, 13)] + [doc[-3]]
    assert {rule for rule, _ in out.values()} == {"block:between_parts", "block:after_body"}
