# %% [markdown]
# # 02 · The same story, told by different outlets
#
# How outlets that report the same event differ in the words they choose, the passages
# they share, the figures they cite and the labels they give the actors.

# %% [markdown]
# **Learning goals.** By the end you can
#
# - compare groups of documents (outlets, or any label) with rates per 10,000 words and
#   with keyness (weighted log-odds with a Dirichlet prior), all groups side by side;
# - back every distinctive word with the sentences it comes from;
# - read a TF-IDF similarity table and say which words make two documents similar;
# - find passages that outlets share near-verbatim and tell a quoted statement from
#   wire copy;
# - line up the figures outlets report (casualties, sums) and the actors' labels.
#
# **Who:** students and analysts who have done notebook 01. **Time:** about 60 minutes.
# **Prerequisites:** `01_corpus_overview.ipynb` (loading, cleaning, tokens, KWIC), basic
# pandas (`groupby`, `sort_values`).

# %% [markdown]
# ## Setup
#
# The first cell imports the library and fixes display options; the second holds the
# parameters (`corpus-tools report` replaces them to run this notebook on your corpus).

# %%
import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

ct.setup_notebook()

# %% tags=["parameters"]
CORPUS = "../seeds"  # folder or file to analyse
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

# %% [markdown]
# ## The data
#
# We load the corpus and list, per document, its group (`BY`), date and length. Cleaning
# (notebook 01) has already removed page chrome; everything below counts cleaned text.

# %%
# the report's snapshot: notebook 01 printed the loader's notes already
corpus = (
    ct.load_corpus(CORPUS)
    if SNAPSHOT is None
    else ct.load_snapshot(SNAPSHOT, raw=False, notes=False)
)

# %%
detail = ct.detail_sample(corpus, DETAIL_DOCS, by=BY)  # all documents unless the corpus is larger
docs = ct.overview(corpus)
docs["group"] = docs["doc_id"].map(corpus.group_labels(BY))  # missing: "(missing)"
n_groups = docs["group"].nunique()
group_sizes = docs["group"].value_counts()  # tables by group: the largest groups first
print(ct.describe_corpus(corpus.docs, by=BY))
shown = docs[["doc_id", "group", "published", "date_precision", "n_words"]]
if ct.empty_columns(shown):  # an undated corpus: no date columns of NaT
    print(ct.describe_empty_columns(shown))
shown.drop(columns=ct.empty_columns(shown)).head(MAX_ROWS)

# %% [markdown]
# Read the printed sentence first: how many documents stand behind each group, and how
# far apart the dates are. Articles from different weeks often report different events;
# differences between them are then differences of event, not only of outlet.

# %% [markdown] tags=["seeds-only"]
# The default corpus has five documents, **one per outlet**, so every comparison by
# outlet below is a comparison of single articles. Four were published within one week of
# October 2023 about Russian and Chinese diplomacy after the Hamas attack of 7 October;
# the fifth (News site) is from January 2020 and reports a different crisis. Differences
# between it and the others are differences of event, not only of outlet.

# %% [markdown]
# ### What does each document cover? The opening sentence of each

# %%
ct.print_sample_note(detail, corpus, "Openings", by=BY)
sents = detail.sentences()
sents = sents[sents["text"].str.split().str.len() >= 8]  # skip datelines and headers
ledes = sents.groupby("doc_id", sort=True).head(1)
ledes = ledes.merge(docs[["doc_id", "group"]], on="doc_id")
ledes[["group", "doc_id", "sent_id", "start", "end", "text"]].head(MAX_ROWS)

# %% [markdown]
# Read the openings before any number: they show the news peg of each article. Offsets
# (`start`, `end`) point into the cleaned text, so each line can be checked.

# %% [markdown] tags=["seeds-only"]
# On the seeds the pegs are the Russian–Chinese talks with Hamas and the Gulf states, a
# Chinese envoy's tour, a blog's summary of Moscow's contacts, and the 2020 Iran–US
# strikes.

# %% [markdown]
# ## Method: which words are distinctive for a group?
#
# Raw counts favour long documents, so we first use **rates per 10,000 words**. To find
# the words that distinguish one group from the others we use the **weighted log-odds
# ratio with an informative Dirichlet prior** (Monroe, Colaresi & Quinn 2008): each
# group is compared with all other groups pooled (one-vs-rest), the whole corpus serves
# as the prior, and the log-odds ratio δ of a word is divided by its standard error:
#
# > z = δ / √(1/(yᵍ + α) + 1/(yʳᵉˢᵗ + α)),  with α = the word's count in the whole corpus
#
# The prior shrinks rare words toward zero (a word seen 3 times against 0 does not get
# infinite odds), and z weighs the evidence. z ranks words; it is not a significance
# test (thousands of words are tested, and words are not independent). Log-likelihood
# G² (Dunning 1993) is available as `method="g2"`. A word must appear at least
# `MIN_COUNT` times and in `MIN_DOCS` documents, so one article's topic words are
# filtered out; with one article per outlet that keeps only words shared by two articles.

# %%
tf = ct.term_frequencies(corpus, by=BY, stopwords=False)
top_tf = ct.largest_groups_first(tf.groupby("group", sort=True).head(3), group_sizes)
top_tf = top_tf[["group", "term", "count", "rate_per_10k", "n_docs"]].round(1)
top_tf.reset_index(drop=True).head(MAX_ROWS)  # rows 0, 1, ...: not labels of the big table

# %% [markdown]
# The most frequent content words of a group are often the story's actors and places,
# which every group reporting the story uses: frequency alone rarely separates outlets.
# Rates per 10,000 words make groups of different length comparable.

# %% [markdown] tags=["seeds-only"]
# On the seeds they are Russia, Beijing, Hamas, the Middle East and the envoys' names.

# %%
key = ct.keyness(
    corpus, by=BY, min_count=MIN_COUNT, min_docs=MIN_DOCS, stopwords=STOPWORDS, top_n=TOP_N
)
if n_groups >= 2:  # with one group keyness has just said why its table is empty
    print(ct.describe_keyness(key))  # an empty table: says why there is nothing to show
cols = ["group", "term", "count", "count_rest", "n_docs", "rate_per_10k", "z"]
key_shown = ct.largest_groups_first(key, group_sizes)
n_shown = max(min(n_groups, 12), 1)  # the groups the figure below draws
per_group = max(1, min(TOP_N, pd.get_option("display.max_rows") // n_shown))  # shown whole
if per_group < TOP_N and len(key_shown):
    print(f"Table: the top {per_group} terms of each of the {n_shown} largest groups.")
key_table = key_shown[cols].round(2).groupby("group", sort=False).head(per_group)
key_table = key_table.reset_index(drop=True)  # rows 0, 1, ...: not labels of the big table
key_table.head(per_group * n_shown) if len(key_table) else None  # an empty table: said above

# %% [markdown]
# Each group's top terms with their counts: read `count` and `count_rest` with every z.
# When the articles report different events or meetings, keyness picks up event and
# actor words (places, names) first.

# %% [markdown] tags=["seeds-only"]
# On the seeds the z-scores stay below 2.5: with one article per outlet and a few hundred
# words each, no word is strong evidence on its own. The News site's `u.s.` and `iran`,
# and SCMP's `zhai` (China's envoy Zhai Jun), are event and actor words.

# %%
if not key.empty:  # an empty table: said above
    fig = plots.plot_keyness(key, top_n=TOP_N)

# %% [markdown]
# All groups side by side on one shared z axis (tools such as quanteda or scattertext
# compare two groups at a time). The number at the end of each bar is the word's count in
# that group.

# %% [markdown]
# ### Evidence: the sentences behind each group's top word

# %%
top_each = key_shown.groupby("group", sort=False).head(1)  # biggest groups first, as above
ct.print_sample_note(detail, corpus, "Evidence", by=BY)
ev = ct.keyness_evidence(detail, top_each, window=8)
if ev.empty:
    print("No keyness rows, so no evidence to show.")
ct.kwic_view(ev, max_rows=MAX_ROWS) if len(ev) else None  # nothing more to show when empty

# %% [markdown]
# Each line is one occurrence (`doc_id`, character offsets) of a group's top word. Read
# them before interpreting: a "distinctive" word can come from one quote, one name, or a
# repeated template line that cleaning missed.

# %% [markdown]
# ## How similar are the documents?
#
# TF-IDF (Salton & Buckley 1988) weights a word by its frequency in a document and by how
# rare it is across documents; the cosine of two documents' vectors is 0 when they share
# no word and 1 for the same profile. Stopwords are excluded. Each pair's cosine is a sum
# of per-word contributions; `top_terms` lists the largest.

# %%
ct.print_sample_note(detail, corpus, "Similarity", by=BY)
sim = ct.similarity(detail, by="doc_id")
short = {d: d if len(d) <= 16 else d[:12] for d in docs["doc_id"]}  # 13-16 characters: whole
short = short if len(set(short.values())) == len(short) else {d: d for d in short}
one_group = docs["group"].nunique() == 1  # e.g. no outlet anywhere: the id alone names a document
labels = {
    d: short[d] if one_group else f"{g} · {short[d]}"
    for d, g in zip(docs["doc_id"], docs["group"], strict=True)
}
print(ct.describe_similarity(sim, labels=labels))
sim.assign(a=sim["a"].map(labels), b=sim["b"].map(labels)).round(3).head(MAX_ROWS)

# %% [markdown]
# Read the words behind a high cosine: names, places and events shared by two documents
# mean they report the same story; a reporting verb such as *said* means only a similar
# style. TF-IDF vectors are scaled to the same length, so the cosine does not grow with
# document length as such.

# %% [markdown] tags=["seeds-only"]
# On the seeds the most similar pair is The Straits Times and TASS (cosine about 0.35):
# both report the same Russian foreign-ministry readout, and the shared words are the
# readout's (`middle`, `east`, `gaza`, `moscow`). The 2020 News site article has low
# cosines with every other article (0.15 to 0.19), as expected for a different event;
# the SCMP and blog pair is as low (0.17).

# %%
fig = plots.plot_similarity(sim, labels=labels)

# %% [markdown]
# The heatmap shows the same table; read the numbers, not only the shades: a narrow range
# of cosines can look like strong contrasts.

# %% [markdown]
# ## Shared passages: who copies whom, and who quotes whom?
#
# **Method.** Outlets often share text: wire copy republished with edits, an official
# statement quoted by several outlets, a press release (Clough et al. 2002; Nicholls
# 2019). `text_reuse` indexes every 5-word sequence of every document (hashed
# *shingles*, Broder 1997), pairs documents of different outlets that share some, and
# aligns each pair to the longest shared passages, bridging small edits (as the passim
# software does for historical newspapers; Smith, Cordell & Dillon 2013). It never
# compares all pairs of documents, so it scales to large corpora.

# %%
ct.print_sample_note(detail, corpus, "Shared passages", by=BY)
reuse = ct.text_reuse(detail, min_words=REUSE_MIN_WORDS, series=BY)
print(f"Passages of at least {REUSE_MIN_WORDS} words. {ct.describe_reuse(reuse, labels=labels)}")
shown = reuse.assign(doc_a=reuse["doc_a"].map(labels), doc_b=reuse["doc_b"].map(labels))[
    [
        "doc_a",
        "a_start",
        "a_end",
        "doc_b",
        "b_start",
        "b_end",
        "n_words",
        "identity",
        "in_quotes_a",
        "in_quotes_b",
    ]
]
shown.round(2).head(MAX_ROWS) if len(shown) else None  # none shared: said above

# %% [markdown]
# A passage inside quotation marks in both documents is a statement both outlets quote:
# a common source, not copying between them.

# %% [markdown] tags=["seeds-only"]
# On the seeds three passages are shared, all between The Straits Times, SCMP and TASS,
# and all **inside quotation marks** in both documents: each outlet quotes the same
# Russian foreign-ministry statement ("…close coordination of efforts in the interests of
# a political settlement of this and other crises in the Middle East and North Africa
# region"). That is a common source, not copying between outlets.

# %%
plots.reuse_side_by_side(reuse, top_n=3, labels=labels) if len(reuse) else None

# %% [markdown]
# Side by side, with the words that differ highlighted; offsets let you find each passage
# in its document. Two versions that differ by a word or two go back to the same rendering
# of the statement.

# %% [markdown] tags=["seeds-only"]
# On the seeds the Straits Times and SCMP versions differ by one word in 25, so both go
# back to the same English rendering of the statement, which TASS also carries in part.

# %%
share = ct.reuse_summary(reuse, detail, by=BY)
cols = ["doc_id", "group", "n_words", "reused_words", "reused_share", "n_partners"]
share[cols].round(3).head(MAX_ROWS) if len(reuse) else None  # every share 0: no table

# %% [markdown]
# `reused_share` is the part of each document inside shared passages. A small share means
# the outlets quote a statement but write the rest themselves; a long unquoted shared run
# plus an agency credit (`REUTERS`, `AFP`, `AP`) suggests wire copy.

# %% [markdown] tags=["seeds-only"]
# On the seeds the shares are small (under 10%): the outlets quote one statement but write
# the rest themselves.

# %%
fig = plots.plot_reuse_share(share) if len(reuse) else None  # no passage: said above

# %% [markdown]
# ## The same statement in other words
#
# **Method.** Shingles find only near-verbatim reuse. Outlets also carry one statement
# in different words: one quotes a readout, another paraphrases it. `statements`
# compares sentences of different outlets by their content *stems* (Snowball stemmer:
# *escalating* and *escalation* both become `escal`), numbers and names, ignoring the
# attribution words (`said`, `according to`); a pair needs at least four shared stems
# and a weighted overlap of 0.5, and two sentences with different figures are never a
# pair. Candidates come from an index of each sentence's rarest stems, so it scales
# like `text_reuse`. `shared` lists the stems both sentences have, in order; `in_quote_a`
# / `in_quote_b` say whether each outlet quotes the words or paraphrases them.

# %%
ct.print_sample_note(detail, corpus, "Statements", by=BY)
stm = ct.statements(detail, by=BY)
para = stm[stm["kind"] == "paraphrase"]
mixed = stm[stm["in_quote_a"] != stm["in_quote_b"]]
n_none = int((detail.group_labels(BY) == "(missing)").sum())  # of the documents compared
own = f" (each of the {n_none:,} documents with no {BY} is a group of its own)" if n_none else ""
if len(stm):
    print(
        f"{len(stm):,} sentence pairs carry the same content in two {BY} groups{own}: "
        f"{len(para):,} in other words, {len(stm) - len(para):,} nearly verbatim; in "
        f"{len(mixed):,} one side quotes the words and the other does not."
    )
elif corpus.group_labels(BY).nunique() < 2:
    print(
        f"Every document is in one {BY} group: there is no second group to compare "
        "(BY = None compares any two documents)."
    )
else:
    print(f"No sentence pair carries the same content in two {BY} groups.")

# %%
pairs = stm.assign(doc_a=stm["doc_a"].map(labels), doc_b=stm["doc_b"].map(labels))[
    ["score", "kind", "n_shared", "doc_a", "in_quote_a", "doc_b", "in_quote_b", "shared"]
]
pairs.head(MAX_ROWS) if len(pairs) else None

# %%
# evidence: both sentences of the best pairs, in full
ev = stm.head(3).reset_index(drop=True)
rows = pd.concat(
    [
        ev.assign(
            side="a", doc_id=ev["doc_a"].map(labels), start=ev["a_start"], sentence=ev["text_a"]
        ),
        ev.assign(
            side="b", doc_id=ev["doc_b"].map(labels), start=ev["b_start"], sentence=ev["text_b"]
        ),
    ]
).sort_index(kind="mergesort")
ev_cols = ["score", "side", "doc_id", "start"]
ct.evidence_view(rows, columns=ev_cols, max_rows=6) if len(ev) else None  # none: said above

# %% [markdown] tags=["seeds-only"]
# On the seeds the second point of the Russian Foreign Ministry statement appears twice:
# TASS quotes it ("in favor of seeing an early cessation to hostilities, preventing the
# conflict from escalating...") and SCMP paraphrases it ("favoured an early end to
# hostilities, preventing further escalation..."). `text_reuse` above misses this pair,
# because no five words in a row are the same; `statements` finds it (score about 0.6,
# twelve shared stems).

# %% [markdown]
# **Failure case.** Shared stems are not shared meaning. Two sentences on one topic with
# the same names and verbs can pass the threshold without making the same claim, and a
# paraphrase that changes most words ("cessation" / "end", "hostages freed" / "captives
# released") scores low and is missed. On rewrites of real BBC sentences (synonyms, a
# moved clause, dropped words) 92% of the pairs found were true and 87% of the true pairs
# were found. The pair with the lowest score shows where the method is least sure:

# %%
if len(stm):
    low = stm.iloc[-1]
    print(f"score {low['score']}, shared: {low['shared']}")
    print("A:", low["text_a"][:300])
    print("B:", low["text_b"][:300])
else:
    print("No pair reaches the threshold in this corpus.")

# %% [markdown]
# ## Stories: which documents report the same event?
#
# **Method.** Comparing outlets is fair only when they cover the same event. `stories`
# links two documents when their TF-IDF cosine is at least 0.25 and they were published
# at most `window_days` apart, keeping each document's ten nearest neighbours, and
# calls every connected group of links a story (event clustering as in topic detection
# and tracking: Allan et al. 1998). A document with no link is a story of its own.
# `ct.with_stories(corpus)` adds the story to the documents, so every `by=` above also
# works as `by="story"`.

# %%
ct.print_sample_note(detail, corpus, "Stories", by=BY)
st = ct.stories(detail, window_days=3)
print(ct.describe_stories(st, n_docs=len(detail)))
shown = st.table.assign(doc_id=st.table["doc_id"].map(labels))[
    ["story_id", "label", "n_docs", "n_outlets", "doc_id", "published"]
]
shown.drop(columns=ct.empty_columns(shown)).head(MAX_ROWS)  # undated: no column of NaT

# %%
# evidence: every link, its cosine, days apart and the words behind it
shown = st.links.assign(doc_a=st.links["doc_a"].map(labels), doc_b=st.links["doc_b"].map(labels))
shown.drop(columns=ct.empty_columns(shown)).head(MAX_ROWS)  # undated: no days_apart column

# %% [markdown] tags=["seeds-only"]
# On the seeds the three reports of the 19 October Doha meeting (The Straits Times,
# SCMP, TASS) form one story; the blog post (five days earlier) and the 2020 News site
# article stand alone. Keyness and similarity above compare the three reports of one
# event with two reports of others: keep that in mind when reading them.

# %% [markdown]
# **Failure case.** Stories are connected components of links, and a link is kept only
# when it is close to the best match of one of its two documents (`relative=0.7`), so a
# running topic no longer chains its separate events. It still fails where a document is
# about as close to two events: on real BBC articles about eight running stories, each
# cut into eight versions with the same date, some stories took in another event's
# documents (B-cubed purity 0.89 and 0.96, where 1 means no mixing). And reports of one event by different outlets
# often share little (cosines of 0.25 to 0.35 are common), so the threshold has to stay
# low. Read the `links` of a large story, with each document's best cosine (`best_a`,
# `best_b`), before comparing outlets within it.

# %% [markdown]
# ## Numbers across outlets: who says how many, according to whom?
#
# `numeric_claims` finds numbers in the text (digits and words), the qualifier (`more
# than`, `some`, `roughly`), what is counted, what happened (`killed`, `wounded`) and
# who the figure is attributed to. `compare_numbers` lines up the same quantity across
# groups within one story (the stories above: figures of different events are never lined
# up) and flags groups that report no figure in common.

# %%
ct.print_sample_note(detail, corpus, "Numbers", by=BY)
claims = ct.numeric_claims(detail, kinds=["count", "percent", "money"])
print(f"{len(claims):,} numeric claims (dates and years left out).")
cols = ["doc_id", "start", "end", "text", "object", "event", "attribution"]
claims[cols].head(MAX_ROWS)

# %% [markdown]
# Every figure with its offsets and, where the sentence names one, its source
# (`attribution`). A figure without an attribution is given in the outlet's own voice.

# %% [markdown] tags=["seeds-only"]
# Attributions are rare on the seeds: only The Straits Times says whose casualty figures
# it uses ("Gaza authorities say"), and the blog attributes its count of Russian victims
# to the Russian ambassador.

# %%
lined_up = ct.compare_numbers(claims, detail, by=BY, within=st)  # within one story
shared = lined_up[lined_up["n_groups"] >= 2]
print(ct.describe_numbers(lined_up))
cols = ["key", "group", "values", "disagree", "attribution"]
if shared["story"].nunique() > 1:  # several stories: say which figures were lined up together
    cols.insert(1, "story")
shared[cols].head(MAX_ROWS) if len(shared) else None  # none shared: said above

# %% [markdown] tags=["seeds-only"]
# On the seeds The Straits Times and TASS both give casualty figures and they differ:
# "more than 3,500" against "more than 3,400" Palestinians killed, 1,400 against "roughly
# 1,500" people killed in Israel. Both wounded figures agree (12,000). Before calling this
# a disagreement, read the sentences: tolls rose by the day, and the two reports were
# written at different times.

# %%
flagged = claims.assign(group=claims["doc_id"].map(docs.set_index("doc_id")["group"]))
flagged = flagged[flagged["event"] != ""]
flagged[["group", "text", "sentence"]].reset_index(drop=True).head(MAX_ROWS)  # rows 0, 1, ...

# %% [markdown]
# The evidence sentences. The matching key is built from the words next to a figure, so
# figures about different places or groups can share a key: read the sentences before
# lining two figures up.

# %% [markdown] tags=["seeds-only"]
# On the seeds `killed people` in one document refers to Israel, and `wounded` lumps Gaza
# and Israel together in TASS.

# %% [markdown]
# ## Naming: how does each outlet label the same actor?
#
# `naming` takes every actor mention (from the shipped actor list, CAMEO-style codes;
# Schrodt 2012) and collects the words attached to it: a pre-modifier after *the*
# (`the radical Palestinian movement Hamas`), an appositive (`Hamas, the militant
# group, …`), a noun right after the name (`Hamas fighters`) or a person's title.

# %%
ct.print_sample_note(detail, corpus, "Naming", by=BY)
labels_tbl = ct.naming(detail, by=BY)
spread = labels_tbl.groupby("actor")["group"].nunique()
spread = spread.sort_values(ascending=False, kind="mergesort")
chosen = spread[spread >= 1].head(N_ACTORS).index.tolist()
table = (
    labels_tbl[labels_tbl["actor"].isin(chosen)]
    .groupby(["actor", "group"], sort=True)["label"]
    .agg("; ".join)
    .reset_index()
)
if table.empty:
    print("No labelled actor mentions found.")
else:
    print(labels_tbl.groupby("label_type").size().to_string())
table.head(MAX_ROWS * 2) if len(table) else None

# %% [markdown]
# Read the `label_type` counts before the labels. A *compound* is a noun right after the
# name (`Hamas leadership`, `U.S. military bases`, `Security Council resolution`): it is
# usually the thing the name modifies, not a label of the actor, so most compound rows
# are noise. The labels worth comparing are premodifiers and appositives (`the radical
# Palestinian movement Hamas`) and titles. A word that describes the noun after the name
# (`a separate Chinese foreign ministry readout`) is not taken as a label of that actor.

# %% [markdown] tags=["seeds-only"]
# On the seeds most of the table is such noise: the United States gets "military; drone;
# base; defence", the Security Council "resolution", the Chinese Foreign Ministry "readout".
# The real labels are few: TASS calls Hamas "the radical Palestinian movement", The
# Straits Times "the Palestinian … group", the blog gives none; the Russian envoy is
# "Deputy Foreign Minister" in three outlets; The Straits Times calls the United States
# "the most powerful ally of Ukraine".

# %%
example = labels_tbl[labels_tbl["actor"].isin(chosen[:1])]
cols = ["group", "actor", "label", "label_type", "doc_id", "start", "end", "evidence"]
example[cols].reset_index(drop=True).head(MAX_ROWS)  # rows 0, 1, ...

# %% [markdown]
# The evidence for the first actor in the table: each label with its offsets and the
# sentence it was found in.

# %% [markdown] tags=["seeds-only"]
# On the seeds, read the Hamas rows: the blog's "leadership" and "attacks" are nouns after
# the name (`Hamas leadership`), not labels of the group, a limit of surface rules.

# %% [markdown]
# ## A failure case: keyness with stopwords kept
#
# What if we keep function words as keyness terms?

# %%
with_stop = key  # one group: no keyness table, with or without stopwords (said above)
if n_groups >= 2:
    with_stop = ct.keyness(
        corpus, by=BY, min_count=MIN_COUNT, min_docs=MIN_DOCS, stopwords=True, top_n=2
    )
shown = ct.largest_groups_first(with_stop, group_sizes).head(MAX_ROWS)
stop = shown[~shown["term"].isin(set(tf["term"]))] if len(shown) else shown  # a stopword
if len(stop):
    listed = ", ".join(f"{t} ({g})" for g, t in zip(stop["group"], stop["term"], strict=True))
    print(f"{len(stop):,} of the {len(shown):,} terms shown are stopwords: {listed}.")
elif len(shown):
    print(f"No stopword among the {len(shown):,} terms shown: none sets a group apart here.")
cols = ["group", "term", "count", "count_rest", "z"]
shown[cols].round(2).reset_index(drop=True) if len(shown) else None  # rows 0, 1, ...

# %% [markdown]
# Function words say something about style (translated English, for one, can use *the*
# very often) but nothing about content; worse, one long article can lift a function word
# in a pooled group. This is why the default removes stopwords from the keyness terms
# (they still count in the denominators), and why the z-score must be read with the
# counts. When the line above finds no stopword among the terms, the groups of this corpus
# do not differ enough in function words for the failure to show.

# %% [markdown] tags=["seeds-only"]
# On the seeds `the` now tops TASS's list and `which` The Straits Times'.

# %% [markdown]
# ## Limitations and validity
#
# - **Small n.** With one or a few articles per outlet, every "outlet" difference is a
#   difference between single articles; nothing then describes an outlet's coverage in
#   general.
# - **Different dates and events.** Articles from different days report different
#   tolls and meetings: keyness then picks up event words, and number "disagreements"
#   may be updates.
# - **Scraped text.** Chrome left after cleaning can become a "distinctive" word or a
#   "shared passage" between pages of one site (the `series` parameter ignores reuse
#   within an outlet).
# - **Surface methods.** Shingles miss paraphrase and independent translations of the
#   same statement; number and naming rules read words next to each other, not
#   grammar, so they miss labels given in another sentence and can misattribute a figure.
# - **Whose voices are missing.** The people counted in the figures rarely speak in the
#   articles, and a corpus of English-language editions leaves out the original-language
#   press.

# %% [markdown] tags=["seeds-only"]
# On the seeds: five articles, one per outlet, English-language editions only; four from
# one week of October 2023 and one (the News site) about a different crisis in 2020.

# %% [markdown]
# ## Your turn
#
# Solutions are in `solutions/02_source_comparison.ipynb`.
#
# 1. **Another measure.** Compute keyness with `method="g2"` (log-likelihood) and compare
#    each group's top 5 with the log-odds top 5. *Expected shape:* one row per group
#    with two columns listing the top terms of each method.

# %%

# %% [markdown]
# 2. **Shorter passages.** Run `text_reuse` with `min_words=5`. Which new passages appear,
#    and are they quotations or stock phrases? *Expected shape:* the reuse table with
#    columns `doc_a`, `doc_b`, `n_words`, `in_quotes_a`, `in_quotes_b`, `text_a`.

# %%

# %% [markdown]
# 3. **Similarity by outlet with stopwords.** Compute `similarity(corpus, by=BY,
#    stopwords=True)` and compare the ranking of pairs with the default. *Expected shape:*
#    one row per pair of groups with the two cosines side by side.

# %%

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
