# %% [markdown]
# # 04 · Who appears with whom: actors and their co-occurrence
#
# Find the countries, organisations and people in each article, and see which of them the
# articles put together in the same sentences.
#
# **Learning goals.** By the end you can
# - find actor mentions with a gazetteer and check them against the text;
# - say why "in Moscow" is a place and "Moscow said" is an actor;
# - count co-occurrence in sentence windows and read count, NPMI and G² side by side;
# - draw a network with a fixed layout and say what the drawing does *not* show;
# - compare the ties of different outlets.
#
# **Who / time / prerequisites.** Students and analysts; about 60 minutes; notebook 01
# (loading and cleaning) first, notebook 02 helps.

# %% [markdown]
# ## Setup
#
# The first cell imports the library and fixes display options, so outputs are the same on
# every machine. The second cell holds the parameters: change them to analyse your own
# corpus (`corpus-tools report` sets `CORPUS` for you).

# %%
import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

ct.setup_notebook()

# %% tags=["parameters"]
CORPUS = "../seeds"  # folder or file to analyse
WINDOW = "sentence"  # co-occurrence window: "sentence", "paragraph" or "document"
MEASURE = "npmi"  # association: "count", "jaccard", "pmi", "ppmi", "npmi" or "g2"
MIN_COUNT = 2  # a pair must share at least this many windows
EGO_ACTOR = None  # ego network actor; None: Russia on the seeds, else the most connected
LAYOUT_SEED = 42  # seed of the spring layout (same seed, same picture)
TOP_K = 10  # rows shown in each table
DETAIL_DOCS = 5000  # detail analyses (candidate actors, evidence sentences) use a stable sample of at most this many documents; None: all
SNAPSHOT = None  # set by corpus-tools report: the corpus it loaded once for every notebook

# %% [markdown]
# ## The data
#
# We load the corpus (cleaned as in notebook 01) and say how many documents stand behind
# each outlet: with one or a few per outlet, the numbers below illustrate the method
# rather than describe the outlets.

# %% [markdown] tags=["seeds-only"]
# The default corpus is five articles, one per outlet, from two different news events: an
# illustration, not a sample.

# %%
# the report's snapshot: notebook 01 printed the loader's notes already
corpus = (
    ct.load_corpus(CORPUS)
    if SNAPSHOT is None
    else ct.load_snapshot(SNAPSHOT, raw=False, notes=False)
)
detail = ct.detail_sample(corpus, DETAIL_DOCS)  # all documents unless the corpus is larger
docs = corpus.docs
print(ct.describe_corpus(docs, by="outlet"))
print(f"{int(docs['n_chars'].sum()):,} characters after cleaning")

# %% [markdown]
# Every number below is built from these documents; small n is stated next to each table.
#
# ## Method
#
# A **gazetteer** (`corpus_tools/data/actors.yml`) lists actors with their names, aliases,
# demonyms, capitals, titles and surnames, each with a CAMEO code where one exists
# (Schrodt 2012). The matcher takes the leftmost-longest match, so `UN Security Council` is
# not also `UN`; acronyms are case-sensitive (`US` vs `us`); a capital after *in, at, to,
# from, near* is a place, not an actor (Markert & Nissim 2007). Two actors **co-occur**
# when they are named in the same sentence. With N sentences, the normalised PMI
# (Church & Hanks 1990; Bouma 2009) is
#
# NPMI = log₂( c_ab · N / (c_a · c_b) ) / −log₂( c_ab / N ),
#
# from −1 (never together) through 0 (as often as chance) to 1 (only together). It rewards
# rare pairs, so we keep pairs seen at least `MIN_COUNT` times and always show the count.

# %% [markdown]
# ## Steps
#
# ### 1. Find the actors

# %%
found = ct.actor_mentions(corpus, locations=True)  # one pass: actors, and places (step 2)
mentions = found[found["type"] != "location"].reset_index(drop=True)  # = actor_mentions(corpus)
counts = ct.actor_counts(mentions)
print(
    f"{len(mentions):,} mention{'s' * (len(mentions) != 1)} of {counts['actor'].nunique():,} "
    f"actor{'s' * (counts['actor'].nunique() != 1)} in {mentions['doc_id'].nunique():,} "
    f"document{'s' * (mentions['doc_id'].nunique() != 1)}"
)
print(ct.describe_mentions(counts))
why = ct.why_no_mentions(corpus, mentions)  # letter case or language; '' when actors are found
if why:
    print(why)
counts.head(TOP_K)

# %% [markdown]
# The table ranks actors by mentions; `n_docs` says in how many articles each appears. A
# demonym ("Russian diplomats") counts for its country.

# %% [markdown] tags=["seeds-only"]
# On the seeds, Russia and China lead: the articles are about Russian–Chinese coordination
# on the Middle East.

# %%
cols = ["doc_id", "actor", "alias", "resolution", "start", "end"]
mentions[cols].head(TOP_K)

# %% [markdown]
# Each row is evidence: `alias` is exactly `text[start:end]`, and `resolution` says how the
# actor was recognised (full name, title, surname, metonym, demonym, prefix).
#
# ### 2. A failure case: places and metonyms

# %%
places = found[found["type"] == "location"]  # what actor_mentions(corpus, locations=True) adds
print(f"{len(places):,} capital/seat mentions read as places (not counted as actors)")
places[["doc_id", "actor", "alias", "resolution", "start", "end"]].reset_index(drop=True).head(
    TOP_K
)

# %% [markdown]
# "talks in Doha" is a place, and a dateline "MOSCOW -" says where a story was filed. The
# rule is crude: "a separate camp to Washington" would be read as a place, although a
# reader sees the United States as an actor there. Read the `alias` of each row.

# %% [markdown] tags=["seeds-only"]
# On the seeds that very phrase is in the SCMP article; the hand counts in
# `tests/expected/actor_counts.yml` record such cases.

# %% [markdown]
# ### 3. What the gazetteer misses

# %%
ct.print_sample_note(detail, corpus, "Candidates")
missing = ct.candidate_actors(detail, top=TOP_K)
missing[["candidate", "n", "n_docs", "example"]]

# %% [markdown]
# Capitalised names outside the gazetteer: regions, and any person or group the list does
# not know. Add what matters with
# `ct.load_gazetteer(extend="my_actors.yml")`.
#
# ### 4. Co-occurrence in sentences

# %%
cooc = ct.cooccurrence(
    corpus, window=WINDOW, measure=MEASURE, min_count=MIN_COUNT, mentions=mentions
)
print(
    f"{len(cooc):,} pairs share at least {MIN_COUNT} windows ({WINDOW}); "
    f"N = {int(cooc['n_windows'].iloc[0]) if len(cooc) else 0} windows"
)
cooc.drop(columns="evidence_docs").head(TOP_K).round(3)

# %% [markdown]
# Read `count` before `score`: a high NPMI from two shared sentences is fragile, a
# moderate NPMI from a dozen is solid. `c_a` and `c_b` are the sentences with each actor.

# %%
from IPython.display import display

if len(cooc):
    top = cooc.sort_values(
        ["count", "actor_a", "actor_b"], ascending=[False, True, True], kind="mergesort"
    ).iloc[0]
    print(f"Most frequent pair: {top['actor_a']} + {top['actor_b']} in {top['count']} windows")
    ev = ct.edge_evidence(cooc, corpus, top["actor_a"], top["actor_b"])
    display(ct.evidence_view(ev, text="text", max_rows=3))
else:
    print("No pair reaches MIN_COUNT; lower it or use a wider WINDOW.")

# %% [markdown]
# The evidence sentences behind the strongest tie: check them before you interpret the edge.
#
# ### 5. Heatmap, ordered by mentions

# %%
fig = plots.plot_cooccurrence_heatmap(cooc, counts, top=TOP_K)
fig

# %% [markdown]
# The heatmap is the honest companion of the network: rows and columns are sorted by
# mentions and each cell shows its count, so nothing depends on a layout.
#
# ### 6. The network
#
# How to read (and not over-read) a network drawing: positions come from a force-directed
# layout (Fruchterman & Reingold 1991) with a fixed seed; distances and sides carry no
# precise meaning, well-connected nodes are pulled to the centre and look important, and
# readers judge the same graph differently when it is arranged differently (McGrath,
# Blythe & Krackhardt 1997). Use the drawing to find things to check in the table.

# %%
graph = ct.network(cooc, mentions, min_mentions=MIN_COUNT, min_count=MIN_COUNT)
layout = ct.network_layout(graph, seed=LAYOUT_SEED)
n_nodes, n_edges = graph.number_of_nodes(), graph.number_of_edges()
print(
    f"{n_nodes} actor{'s' * (n_nodes != 1)}, {n_edges} tie{'s' * (n_edges != 1)} with positive {MEASURE}"
)
plots.show_plotly(plots.plot_network_interactive(graph, layout), div_id="nb04-network")

# %% [markdown]
# Hover over an edge's midpoint to see its count, score and evidence ids
# (`doc_id:sent_id:start-end`). Export for Gephi with
# `ct.write_network(graph, "actors.graphml")`.

# %%
fig = plots.plot_network(graph, layout)
fig

# %% [markdown]
# The static version for print, with the same positions.
#
# ### 7. One actor's ego network

# %%
if EGO_ACTOR is None and ct.on_seed_corpus(CORPUS):
    EGO_ACTOR = "Russia"  # the worked example on the seeds
ego, note = ct.pick_ego(EGO_ACTOR, graph, counts)  # not in the network: the most connected
if note:
    print(note)

# %%
ties = cooc[(cooc["actor_a"] == ego) | (cooc["actor_b"] == ego)]
negative = int((ties["score"] <= 0).sum())
ties = ties[ties["score"] > 0]  # the ties the network keeps and the figure draws
if negative:
    print(
        f"{negative} tie(s) of {ego!r} score 0 or less (rarer together than apart): not drawn, not listed."
    )
if len(ties):
    print(ties.drop(columns="evidence_docs").head(TOP_K).round(3).to_string(index=False))
elif ego:
    print(
        f"{ego!r} has no tie above 0 reaching MIN_COUNT = {MIN_COUNT}; lower it or use a wider WINDOW."
    )

# %% [markdown]
# The chosen actor's ties with a score above 0 (the network keeps only those), strongest
# first, with count and score; the drawing follows. A score of 0 or less means the two names
# share fewer windows than their separate counts would give by chance.

# %%
fig = plots.plot_ego_network(graph, ego, layout)
fig

# %% [markdown]
# ### 8. Networks by outlet

# %%
if corpus.docs["outlet"].notna().sum() == 0:
    comparison = None
    print("This corpus has no outlet column; skipping the per-outlet comparison.")
else:
    comparison = ct.compare_networks(
        corpus, by="outlet", window=WINDOW, measure=MEASURE, min_count=MIN_COUNT, mentions=mentions
    )
    only = comparison[comparison["only_in"] != ""]
    print(f"{len(only):,} {'tie appears' if len(only) == 1 else 'ties appear'} in one outlet only")
    if len(only):
        print(
            only[["actor_a", "actor_b", "only_in", "count", "n_windows"]]
            .head(TOP_K)
            .to_string(index=False)
        )

# %% [markdown]
# When an outlet has a single article, a tie "only in" that outlet is one article's tie:
# an outlet comparison is then an article comparison, and articles from different days
# report different events.

# %%
overlap = ct.network_overlap(comparison) if comparison is not None else None
if overlap is not None and len(overlap):
    print(overlap.round(3).head(TOP_K).to_string(index=False))
elif overlap is not None:  # one outlet has ties, or none: no pair of networks
    print("No two outlets both have ties, so there is no pair of networks to compare.")

# %% [markdown]
# Edge-set Jaccard per pair of outlets: near 0 means the outlets link different actors.
# Pairs with the most shared ties come first; an outlet with no tie at all is left out
# (`.attrs["n_groups_without_edges"]` counts them).
# `spearman` compares how strongly shared ties are weighted in the two outlets; it is NaN
# (by design) when fewer than 3 ties are shared or when all shared ties have the same rate
# in one outlet, because then there is no ranking to compare.

# %%
fig = None  # nothing to draw without outlets
if comparison is not None:
    graphs = ct.group_networks(
        corpus, by="outlet", window=WINDOW, measure=MEASURE, min_count=MIN_COUNT, mentions=mentions
    )
    shared = ct.network_layout(list(graphs.values()), seed=LAYOUT_SEED)
    fig = plots.plot_network_small_multiples(graphs, shared)
fig

# %% [markdown]
# Same positions in every panel (one layout on the union graph), so a missing edge is a real difference.
#
# ### 9. Mentions over time

# %%
fig = None
if corpus.docs["published"].notna().sum() < 2:
    print("Fewer than two dated documents; skipping mentions over time.")
else:
    over_time = ct.actor_counts(mentions, corpus, by="published")
    dated = over_time[over_time["group"] != "(missing)"].assign(day=lambda t: t["group"].str[:10])
    per_day = dated.groupby(["day", "actor", "type"], as_index=False, dropna=False)[
        ["n_mentions", "n_docs"]
    ].sum()
    busiest = ["n_mentions", "day", "actor"]
    print(f"{len(per_day):,} actor-day rows on {per_day['day'].nunique():,} days; the busiest:")
    print(
        per_day.sort_values(busiest, ascending=[False, True, True], kind="mergesort")
        .head(TOP_K)
        .to_string(index=False)
    )
    fig = plots.plot_mentions_over_time(over_time)
fig

# %% [markdown]
# The table lists the actor-days with the most mentions (undated documents left out); the
# plot draws the most mentioned actors, per day, or per week, month or year when the dates
# span longer. With a handful of articles per date this is a list, not a trend; on a large
# dated corpus the same cell shows how attention to each actor rises and falls.

# %% [markdown] tags=["seeds-only"]
# On the seeds there are five articles on four dates: each point is one or two articles,
# and the 2020 point is a different news event.

# %% [markdown]
# ## Limitations and validity
#
# - **Small n.** With one or a few articles per outlet, no claim here generalises to an
#   outlet.
# - **The gazetteer decides what exists.** Actors it lacks are invisible (see step 3);
#   ambiguous names (Georgia, Jordan, Washington) and unresolved references ("the
#   ministry", "he") are missed or misread. Mentions match hand counts of the default
#   corpus (`tests/expected/actor_counts.yml`), which says the rules are applied as
#   written, not that the rules are right.
# - **Windows shape the network.** Sentence windows miss links across sentences; document
#   windows make everything co-occur.
# - **Co-occurrence is not a relation.** Being named together says nothing about
#   agreement, conflict or who acted on whom.
# - **Whose voices are missing:** check which countries' outlets the corpus holds; an
#   actor's own press is often absent.

# %% [markdown] tags=["seeds-only"]
# On the seeds: five articles, one per outlet, two events (October 2023 and January 2020),
# English-language editions only; no Palestinian, Israeli or Iranian outlet.

# %% [markdown]
# ## Your turn
#
# 1. Count co-occurrence with `window="paragraph"` as well as by sentence. Which pair gains
#    the most windows, and can a count go down? *Expected: a table of pairs with
#    `count_sentence`, `count_paragraph` and `change`, largest change first.*
# 2. List every mention of the most mentioned country with its `resolution`, and look for
#    one the locative rule gets wrong (a place read as an actor, or an actor read as a
#    place). *Expected: a table `doc_id, alias, resolution, start, end`.*
# 3. Extend the gazetteer with a place or group this corpus names and the shipped list
#    leaves out (`type: other`) and count its mentions per document. *Expected: a table
#    `doc_id, n` with one row per document that names it.*
# 4. For the ego actor, compare NPMI and G² rankings of its ties. *Expected: a table with
#    both scores per pair.*
#
# Solutions are in `solutions/04_actor_cooccurrence.ipynb`.

# %% [markdown] tags=["seeds-only"]
# On the seeds the solutions take the United States (exercise 2) and the Gaza Strip
# (exercise 3).

# %%
# Exercise 1

# %%
# Exercise 2

# %%
# Exercise 3

# %%
# Exercise 4

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
