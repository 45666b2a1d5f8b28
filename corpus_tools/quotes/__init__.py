"""Quotes and attribution: who is given a voice, in whose words, and from which source.

Transparent rules over the cleaned text (Bergler 1992; Krestel, Bergler &
Witte 2008), with a measured recall (``tests/data/quotes/``), not a
statistical attribution model. The pipeline, one module per step:

- :mod:`.marks`: pair quote marks (recovering from unbalanced ones);
- :mod:`.cues`: the reporting-verb lexicon and the cues in a sentence;
- :mod:`.phrases`: the speaker noun phrase beside a cue;
- :mod:`.speakers`: speaker and source resolution and canonical names;
- :mod:`.extract`: the quote rows of one document and of a corpus;
- :mod:`.voices`: the kind of voice behind each quote;
- :mod:`.rates`: the share of each reporting-verb class per outlet or speaker.

References
----------
Bergler, S. (1992). *The Evidential Analysis of Reported Speech*. PhD thesis,
Brandeis University.
Krestel, R., Bergler, S., & Witte, R. (2008). Minding the source: Automatic
tagging of reported speech in newspaper articles. *LREC 2008*.
"""

from __future__ import annotations

from .cues import load_reporting_verbs
from .extract import QUOTE_COLUMNS, doc_quotes, quotes
from .rates import cue_rates
from .voices import quote_voices

__all__ = [
    "QUOTE_COLUMNS",
    "load_reporting_verbs",
    "doc_quotes",
    "quotes",
    "quote_voices",
    "cue_rates",
]
