# %% [markdown]
# # 02 · Solutions: the same story, told by different outlets
#
# Worked solutions for the "Your turn" exercises of `02_source_comparison.ipynb`. Run the
# setup and parameters cells first.

# %%
import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

ct.setup_notebook()

# %% tags=["parameters"]
CORPUS = "../../seeds"  # folder or file to analyse (this notebook lives in solutions/)
BY = "outlet"  # docs column to compare: outlet, or any metadata column (your own label)
TOP_N = 8  # distinctive terms shown per group
MIN_COUNT = None  # keyness: minimum corpus count of a term; None: 3 under 20 documents, else 5
MIN_DOCS = 2  # keyness: minimum number of documents that use a term
STOPWORDS = False  # keep stopwords as keyness terms?
REUSE_MIN_WORDS = 8  # shortest shared passage reported, in words
N_ACTORS = 6  # naming: actors shown (those named by the most groups)
MAX_ROWS = 15  # longest table printed
DETAIL_DOCS = 5000  # detail analyses (openings, evidence, similarity, reuse, statements, stories, numbers, naming) use a stable sample of at most this many documents; None: all
SNAPSHOT = None  # set by corpus-tools report: the corpus it loaded once for every notebook

# %%
corpus = ct.load_corpus(CORPUS)


# %% [markdown]
# ## 1. Another measure
#
# Take the top 5 per group for each method and join the terms into one string per group.


# %%
def top_terms(method):
    k = ct.keyness(
        corpus,
        by=BY,
        method=method,
        min_count=MIN_COUNT,
        min_docs=MIN_DOCS,
        stopwords=STOPWORDS,
        top_n=5,
    )
    return k.groupby("group", sort=True)["term"].agg(", ".join).rename(method)


pd.concat([top_terms("log_odds_dirichlet"), top_terms("g2")], axis=1).reset_index()

# %% [markdown]
# The two lists overlap heavily: both rank by how much more often a group uses a word
# than the rest. G² ignores the prior, so on tiny corpora it can rank a word seen a few
# times in one group only a little differently; neither is a test of significance here.

# %% [markdown]
# ## 2. Shorter passages

# %%
short = ct.text_reuse(corpus, min_words=5, series=BY)
cols = ["doc_a", "doc_b", "n_words", "in_quotes_a", "in_quotes_b", "text_a"]
short[cols].head(MAX_ROWS)

# %% [markdown]
# With 5 words the table grows with short runs such as names with titles ("Deputy
# Foreign Minister Mikhail Bogdanov") and stock phrases. They are shared words, not
# shared sources: the default of 8 words keeps the quotation and drops most of these.

# %% [markdown]
# ## 3. Similarity by outlet with stopwords

# %%
plain = ct.similarity(corpus, by=BY)[["a", "b", "cosine"]]
stop = ct.similarity(corpus, by=BY, stopwords=True)[["a", "b", "cosine"]]
both = plain.merge(stop, on=["a", "b"], suffixes=("_default", "_with_stopwords"))
both.sort_values(
    ["cosine_default", "a", "b"], ascending=[False, True, True], kind="mergesort"
).round(3).head(MAX_ROWS)

# %% [markdown]
# With stopwords every cosine rises (all English texts share *the*, *of*, *and*) and the
# differences between pairs shrink: function words make documents look alike. That is
# why similarity excludes stopwords by default.

# %% [markdown]
# ## References
#
# - Allan, J., Carbonell, J., Doddington, G., Yamron, J., & Yang, Y. (1998). Topic detection and
#   tracking pilot study: final report. *DARPA Broadcast News Transcription and Understanding
#   Workshop*, 194–218.
# - Broder, A. Z. (1997). On the resemblance and containment of documents. In *Proceedings of
#   Compression and Complexity of SEQUENCES 1997*, IEEE, 21–29.
# - Clough, P., Gaizauskas, R., Piao, S. S. L., & Wilks, Y. (2002). METER: MEasuring TExt Reuse.
#   In *Proceedings of the 40th Annual Meeting of the ACL*, 152–159.
# - Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
#   *Computational Linguistics*, 19(1), 61–74.
# - Kilgarriff, A. (2001). Comparing corpora. *International Journal of Corpus Linguistics*,
#   6(1), 97–133.
# - Porter, M. F. (1980). An algorithm for suffix stripping. *Program*, 14(3), 130–137.
# - Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
#   selection and evaluation for identifying the content of political conflict. *Political
#   Analysis*, 16(4), 372–403.
# - Nicholls, T. (2019). Detecting textual reuse in news stories, at scale. *International
#   Journal of Communication*, 13, 4173–4197.
# - Salton, G., & Buckley, C. (1988). Term-weighting approaches in automatic text retrieval.
#   *Information Processing & Management*, 24(5), 513–523.
# - Smith, D. A., Cordell, R., & Dillon, E. M. (2013). Infectious texts: Modeling text reuse in
#   nineteenth-century newspapers. In *2013 IEEE International Conference on Big Data*, 86–94.
# - Schrodt, P. A. (2012). *CAMEO: Conflict and Mediation Event Observations Event and Actor
#   Codebook* (version 1.1b3). Pennsylvania State University. (actor list used for naming).

# %% [markdown] tags=["seeds-only"]
# Data (default corpus): five news articles scraped in 2020 and 2023 (The Straits Times, South
# China Morning Post, TASS, a blog, an unidentified news site), shipped in `seeds/` with
# `metadata.csv`.
