# %% [markdown]
# # 01 · Solutions: corpus overview
#
# Worked solutions for the "Your turn" exercises of `01_corpus_overview.ipynb`. Run the
# setup and parameters cells first.

# %%
import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

ct.setup_notebook()

# %% tags=["parameters"]
CORPUS = "../../seeds"  # folder or file to analyse (this notebook lives in solutions/)
KWIC_TERM = None  # word or phrase for the keyword-in-context table; None: Hamas on the seeds, else the most mentioned actor
KWIC_WINDOW = 8  # tokens shown on each side of the keyword
TOP_K = 8  # terms shown per outlet
MAX_ROWS = 20  # longest table printed (large corpora are cut to this many rows)
DUP_THRESHOLD = 0.8  # Jaccard resemblance from which two documents count as near-duplicates
INTERACTIVE_MAX = 5000  # most documents in the interactive timeline (larger: a static figure)
DETAIL_DOCS = 5000  # detail analyses (concordance, duplicates) use a stable sample of at most this many documents; None: all
SNAPSHOT = None  # set by corpus-tools report: the corpus it loaded once for every notebook

# %%
corpus = ct.load_corpus(CORPUS)
table = ct.overview(corpus)

# %% [markdown]
# ## 1. Another keyword
#
# `kwic` with `by="outlet"` adds a `group` column; counting rows per group gives the
# occurrences per outlet.

# %%
hits = ct.kwic(corpus, "ceasefire", window=KWIC_WINDOW, by="outlet")
hits.groupby("group").size().rename("occurrences").reset_index()

# %%
ct.kwic_view(hits, max_rows=MAX_ROWS)

# %% [markdown]
# Only the outlets that use the word appear. Before reading the count as "this outlet
# talks about a ceasefire", read the lines: a word can appear in a quote from one side,
# or in a negation ("no ceasefire").

# %% [markdown]
# ## 2. Which rule did the most work where?
#
# Take the document with most edits (ties broken by `doc_id`), then group its log rows by
# rule.

# %%
by_doc = ct.cleaning_summary(corpus, by="doc_id")
busiest = (
    by_doc.sort_values("doc_id", kind="mergesort")
    .sort_values("n_edits", ascending=False, kind="mergesort")["doc_id"]
    .iloc[0]
)
log = corpus.cleaning_log[corpus.cleaning_log["doc_id"] == busiest]
per_rule = log.groupby("rule").agg(
    n_edits=("rule", "size"), chars=("text", lambda s: int(s.str.len().sum()))
)
print(busiest)
per_rule.reset_index().sort_values(
    ["n_edits", "rule"], ascending=[False, True], kind="mergesort"
).reset_index(drop=True)

# %% [markdown]
# `chars` counts the raw characters of the edited spans (a change such as a rejoined line
# counts its old text).

# %% [markdown] tags=["seeds-only"]
# On the seeds the busiest page is the Straits Times article: five of its twelve edits
# rejoin sentences the scraper had cut at hyperlinks (two characters each), the others
# remove captions, credits and prompts, one of which (a photo caption) is 310 characters
# long.

# %% [markdown]
# ## 3. Lengths with and without chrome

# %%
sizes = by_doc.merge(table[["doc_id", "n_words"]], on="doc_id")
sizes["raw_chars_per_word"] = (sizes["raw_chars"] / sizes["n_words"]).round(1)
sizes["clean_chars_per_word"] = (sizes["clean_chars"] / sizes["n_words"]).round(1)
sizes.sort_values("doc_id", kind="mergesort").reset_index(drop=True)[
    ["doc_id", "raw_chars", "clean_chars", "n_words", "raw_chars_per_word", "clean_chars_per_word"]
]

# %% [markdown]
# Clean text has about six characters per word (a word plus a space or punctuation) on
# every page. The raw pages have more, and the excess is the chrome: a page whose raw ratio
# is far above its clean ratio was padded with template text.

# %% [markdown]
# ## References
#
# - Barbaresi, A. (2021). Trafilatura: A web scraping library and command-line tool for text
#   discovery and extraction. In *Proceedings of the 59th Annual Meeting of the ACL and the 11th
#   IJCNLP: System Demonstrations*, 122–131.
# - Broder, A. Z. (1997). On the resemblance and containment of documents. In *Proceedings of
#   Compression and Complexity of SEQUENCES 1997*, IEEE, 21–29.
# - Denny, M. J., & Spirling, A. (2018). Text preprocessing for unsupervised learning: Why it
#   matters, when it misleads, and what to do about it. *Political Analysis*, 26(2), 168–189.
# - Kiss, T., & Strunk, J. (2006). Unsupervised multilingual sentence boundary detection.
#   *Computational Linguistics*, 32(4), 485–525.
# - Kohlschütter, C., Fankhauser, P., & Nejdl, W. (2010). Boilerplate detection using shallow
#   text features. In *Proceedings of WSDM 2010*, 441–450.
# - Okabe, M., & Ito, K. (2008). *Color Universal Design (CUD): How to make figures and
#   presentations that are friendly to colorblind people.* (colour palette of every figure).
# - Pomikálek, J. (2011). *Removing boilerplate and duplicate content from web corpora*. PhD
#   thesis, Masaryk University (jusText).
# - Speer, R. (2019). *ftfy* (version 6) [software]. Zenodo. (mojibake repair).

# %% [markdown] tags=["seeds-only"]
# Data (default corpus): five news articles scraped in 2020 and 2023 (The Straits Times, South
# China Morning Post, TASS, a blog, an unidentified news site), shipped in `seeds/` with
# `metadata.csv` giving outlet, date, date precision and the evidence for both.
