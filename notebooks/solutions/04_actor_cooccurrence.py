# %% [markdown]
# # 04 · Solutions: actors and co-occurrence
#
# Worked solutions for the exercises of `04_actor_cooccurrence.ipynb`.

# %%
import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

ct.setup_notebook()

# %% tags=["parameters"]
CORPUS = "../../seeds"  # folder or file to analyse (this notebook lives in solutions/)
WINDOW = "sentence"  # co-occurrence window: "sentence", "paragraph" or "document"
MEASURE = "npmi"  # association: "count", "jaccard", "pmi", "ppmi", "npmi" or "g2"
MIN_COUNT = 2  # a pair must share at least this many windows
EGO_ACTOR = None  # ego network actor; None: Russia on the seeds, else the most connected
LAYOUT_SEED = 42  # seed of the spring layout (same seed, same picture)
TOP_K = 10  # rows shown in each table
DETAIL_DOCS = 5000  # detail analyses (candidate actors, evidence sentences) use a stable sample of at most this many documents; None: all
SNAPSHOT = None  # set by corpus-tools report: the corpus it loaded once for every notebook

# %%
corpus = ct.load_corpus(CORPUS)
mentions = ct.actor_mentions(corpus)

# %% [markdown]
# ## Exercise 1: paragraph windows

# %%
keys = ["actor_a", "actor_b"]
sent = ct.cooccurrence(corpus, window="sentence", min_count=1, mentions=mentions)[keys + ["count"]]
para = ct.cooccurrence(corpus, window="paragraph", min_count=1, mentions=mentions)[keys + ["count"]]
both = sent.merge(para, on=keys, how="outer", suffixes=("_sentence", "_paragraph")).fillna(0)
both[["count_sentence", "count_paragraph"]] = both[["count_sentence", "count_paragraph"]].astype(
    int
)
both["change"] = both["count_paragraph"] - both["count_sentence"]
both = both.sort_values(keys, kind="mergesort").sort_values(
    "change", ascending=False, kind="mergesort"
)
up, down = both.iloc[0], both.iloc[-1]
print(
    f"Most gained: {up['actor_a']} + {up['actor_b']} ({up['count_sentence']} -> {up['count_paragraph']}); "
    f"most lost: {down['actor_a']} + {down['actor_b']} ({down['count_sentence']} -> {down['count_paragraph']})"
)
both.head(TOP_K).reset_index(drop=True)

# %% [markdown]
# A paragraph window counts a pair once, however many of its sentences name both actors, so
# a count can go *down*: the pair that loses most is named together in several sentences of
# the same paragraph. A pair gains when its actors are named in neighbouring sentences of
# one paragraph but rarely in the same sentence. `N` (the number of windows) falls too, so
# scores change even where counts do not.

# %% [markdown]
# ## Exercise 2: the United States

# %%
us = ct.actor_mentions(corpus, locations=True)
us[us["actor"] == "United States"][["doc_id", "alias", "resolution", "start", "end"]]

# %% [markdown]
# A row with resolution `location` is a capital read as a place; read its context before trusting the rule.

# %% [markdown] tags=["seeds-only"]
# On the seeds the `Washington` row with resolution `location` follows *to* ("a separate camp to Washington"): the rule calls it a place, a reader sees an actor.

# %% [markdown]
# ## Exercise 3: add the Gaza Strip

# %%
gaza = {
    "id": "GZA",
    "name": "Gaza Strip",
    "type": "other",
    "cameo": "PSEGZS",
    "aliases": ["Gaza Strip", "Gaza"],
    "source": "exercise",
}
g = ct.load_gazetteer(extend=[gaza])
m = ct.actor_mentions(corpus, g)
per_doc = m[m["actor"] == "Gaza Strip"].groupby("doc_id").size().rename("n").reset_index()
print(f"{len(per_doc)} of {len(corpus)} articles name Gaza.")
per_doc

# %% [markdown]
# The shipped list leaves Gaza out because it is a territory, not an actor; extending it is one dictionary entry.

# %% [markdown] tags=["seeds-only"]
# On the seeds four of the five articles name Gaza; the 2020 article does not.

# %% [markdown]
# ## Exercise 4: NPMI vs G²

# %%
both = ct.cooccurrence(corpus, measure="npmi", min_count=MIN_COUNT, mentions=mentions)
g2 = ct.cooccurrence(corpus, measure="g2", min_count=MIN_COUNT, mentions=mentions)
wanted = "Russia" if EGO_ACTOR is None else EGO_ACTOR  # None: the seeds' worked example
ego = (
    wanted
    if ((both["actor_a"] == wanted) | (both["actor_b"] == wanted)).any()
    else (both["actor_a"].iloc[0] if len(both) else wanted)
)
t = both.merge(
    g2[["actor_a", "actor_b", "score"]], on=["actor_a", "actor_b"], suffixes=("_npmi", "_g2")
)
t[(t["actor_a"] == ego) | (t["actor_b"] == ego)][
    ["actor_a", "actor_b", "count", "score_npmi", "score_g2"]
].round(3)

# %% [markdown]
# G² grows with the number of windows, NPMI does not: frequent pairs rise in the G² ranking.

# %% [markdown]
# ## References
#
# - Bouma, G. (2009). Normalized (pointwise) mutual information in collocation extraction. In
#   *Proceedings of the Biennial GSCL Conference 2009*, 31–40.
# - Church, K. W., & Hanks, P. (1990). Word association norms, mutual information, and
#   lexicography. *Computational Linguistics*, 16(1), 22–29.
# - Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
#   *Computational Linguistics*, 19(1), 61–74.
# - Fruchterman, T. M. J., & Reingold, E. M. (1991). Graph drawing by force-directed placement.
#   *Software: Practice and Experience*, 21(11), 1129–1164.
# - Markert, K., & Nissim, M. (2007). SemEval-2007 Task 08: Metonymy resolution at SemEval-2007.
#   In *Proceedings of SemEval-2007*, 36–41.
# - McGrath, C., Blythe, J., & Krackhardt, D. (1997). The effect of spatial arrangement on
#   judgments and errors in interpreting graphs. *Social Networks*, 19(3), 223–242.
# - Schrodt, P. A. (2012). *CAMEO: Conflict and Mediation Event Observations Event and Actor
#   Codebook* (v1.1b3). Pennsylvania State University.

# %% [markdown] tags=["seeds-only"]
# Data (default corpus): the five seed articles in `seeds/` (The Straits Times, SCMP, TASS, a
# blog, a news site; October 2023 and January 2020), see `seeds/metadata.csv`.
