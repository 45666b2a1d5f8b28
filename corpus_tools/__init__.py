"""corpus_tools: load, clean, tokenize and measure news corpora, offline.

The public API is the names in ``__all__``; tests, notebooks and users rely
only on those. Each pipeline module lists its own public names in its
``__all__``; they are re-exported here unchanged.
"""

from __future__ import annotations

# first: loads a compiled module's .py instead of its .so when the build is stale
from ._compiled import compiled_modules

# isort: split
from . import actors as _actors
from . import clean as _clean
from . import coding as _coding
from . import cooccur as _cooccur
from . import counts as _counts
from . import framing as _framing
from . import hedges as _hedges
from . import io as _io
from . import keyness as _keyness
from . import kwic as _kwic
from . import naming as _naming
from . import narrate as _narrate
from . import numbers as _numbers
from . import overview as _overview
from . import quotes as _quotes
from . import reuse as _reuse
from . import sampling as _sampling
from . import sentiment as _sentiment
from . import similarity as _similarity
from . import snapshot as _snapshot
from . import statements as _statements
from . import stories as _stories
from . import triples as _triples
from .actors import *  # noqa: F401,F403
from .clean import *  # noqa: F401,F403
from .coding import *  # noqa: F401,F403
from .cooccur import *  # noqa: F401,F403
from .corpus import Corpus, group_labels
from .counts import *  # noqa: F401,F403
from .errors import (
    CorpusLoadError,
    CorpusToolsError,
    CorpusToolsWarning,
    CorpusValueError,
    DataFileError,
    MetadataError,
)
from .framing import *  # noqa: F401,F403
from .hedges import *  # noqa: F401,F403
from .html import evidence_view, kwic_view
from .io import *  # noqa: F401,F403
from .keyness import *  # noqa: F401,F403
from .kwic import *  # noqa: F401,F403
from .naming import *  # noqa: F401,F403
from .narrate import *  # noqa: F401,F403
from .notebook import (
    choose_kwic_term,
    largest_groups_first,
    most_connected,
    on_seed_corpus,
    pick_ego,
    setup_notebook,
    top_actors,
)
from .numbers import *  # noqa: F401,F403
from .overview import *  # noqa: F401,F403
from .quotes import *  # noqa: F401,F403
from .reuse import *  # noqa: F401,F403
from .sampling import *  # noqa: F401,F403
from .sentiment import *  # noqa: F401,F403
from .similarity import *  # noqa: F401,F403
from .snapshot import *  # noqa: F401,F403
from .statements import *  # noqa: F401,F403
from .stories import *  # noqa: F401,F403
from .stream import StreamCounts, keyness_from_counts, stream_counts
from .tokenize import fold, sentences, tokens
from .triples import *  # noqa: F401,F403

__version__ = "0.1.0"

__all__ = sorted(
    {
        "Corpus",
        "group_labels",
        "CorpusToolsError",
        "CorpusValueError",
        "CorpusLoadError",
        "MetadataError",
        "DataFileError",
        "CorpusToolsWarning",
        "fold",
        "setup_notebook",
        "choose_kwic_term",
        "largest_groups_first",
        "most_connected",
        "on_seed_corpus",
        "pick_ego",
        "top_actors",
        "evidence_view",
        "kwic_view",
        "StreamCounts",
        "keyness_from_counts",
        "stream_counts",
        "sentences",
        "tokens",
        "__version__",
        "compiled_modules",
        *_io.__all__,
        *_narrate.__all__,
        *_overview.__all__,
        *_clean.__all__,
        *_counts.__all__,
        *_keyness.__all__,
        *_similarity.__all__,
        *_kwic.__all__,
        *_reuse.__all__,
        *_sampling.__all__,
        *_snapshot.__all__,
        *_numbers.__all__,
        *_naming.__all__,
        *_quotes.__all__,
        *_statements.__all__,
        *_stories.__all__,
        *_framing.__all__,
        *_hedges.__all__,
        *_sentiment.__all__,
        *_triples.__all__,
        *_coding.__all__,
        *_actors.__all__,
        *_cooccur.__all__,
    }
)
