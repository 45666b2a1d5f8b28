# %% [markdown]
# # 01 · What is in the corpus, and what did cleaning remove?
#
# Before counting anything, look at what you are counting: which documents, from whom,
# from when, how long, and how much of each scraped page was not news at all.

# %% [markdown]
# **Learning goals.** By the end you can
#
# - describe a corpus in numbers: documents, outlets, dates (and how exact they are), length;
# - read a cleaning log: which rule removed which lines, and how much of each page was chrome;
# - check one cleaned document against its raw text, line by line;
# - take a first look at the language with term frequencies (with and without stopwords) and a
#   keyword-in-context concordance;
# - find exact and near-duplicate documents, and say what a small corpus can and cannot tell.
#
# **Who:** students and analysts new to text analysis of news. **Time:** about 45 minutes.
# **Prerequisites:** basic Python and pandas (reading a table, `head`, `groupby`). This is
# the first notebook; 02 (source comparison), 03 (stance and framing) and 04 (actor
# co-occurrence) build on it.

# %% [markdown]
# ## Setup
#
# The first cell imports the library and fixes display options so the outputs are the same on
# every machine. The second cell holds the parameters: change them to look at your own
# corpus (`corpus-tools report` sets `CORPUS` for you).

# %%
import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

ct.setup_notebook()

# %% tags=["parameters"]
CORPUS = "../seeds"  # folder or file to analyse
KWIC_TERM = None  # word or phrase for the keyword-in-context table; None: Hamas on the seeds, else the most mentioned actor
KWIC_WINDOW = 8  # tokens shown on each side of the keyword
TOP_K = 8  # terms shown per outlet
MAX_ROWS = 20  # longest table printed (large corpora are cut to this many rows)
DUP_THRESHOLD = 0.8  # Jaccard resemblance from which two documents count as near-duplicates
INTERACTIVE_MAX = 5000  # most documents in the interactive timeline (larger: a static figure)
DETAIL_DOCS = 5000  # detail analyses (concordance, duplicates) use a stable sample of at most this many documents; None: all
SNAPSHOT = None  # set by corpus-tools report: the corpus it loaded once for every notebook

# %% [markdown]
# ## The data
#
# `load_corpus` reads a folder of text or HTML files (with an optional `metadata.csv`
# sidecar giving outlet, publication date and how precise that date is) or one table
# (CSV, JSONL, Parquet) with a row per document, and cleans each text (next sections).
# Nothing is dropped silently: an unreadable file or row becomes a row in
# `corpus.skipped`, and every removed line a row in `corpus.cleaning_log`.

# %%
corpus = ct.load_corpus(CORPUS) if SNAPSHOT is None else ct.load_snapshot(SNAPSHOT)
detail = ct.detail_sample(corpus, DETAIL_DOCS)  # all documents unless the corpus is larger
corpus

# %%
ct.corpus_summary(corpus)

# %% [markdown]
# Read the summary before anything else: how many documents, how many outlets, and how
# many documents each outlet contributes. With one or two documents per outlet, any
# difference between "outlets" below is a difference between single articles.

# %% [markdown] tags=["seeds-only"]
# The default corpus is five articles, one per outlet, from two different news events
# (October 2023, and one from January 2020). That is an illustration, not a sample: any
# difference between "outlets" below is a difference between five single articles.

# %% [markdown]
# ### One row per document
#
# `overview` gives the outlet, the date and its precision (`day` when the page states it,
# `week` when it was inferred from the text), a title, and the size after cleaning.

# %%
table = ct.overview(corpus)
print(f"{len(table):,} document{'' if len(table) == 1 else 's'}; showing at most {MAX_ROWS}.")
print(ct.describe_corpus(table, by="outlet"))
empty = ct.empty_columns(table)  # no outlet, no date: not shown
if empty:
    print(ct.describe_empty_columns(table))
table.drop(columns=empty).fillna({"outlet": "(missing)"}).head(MAX_ROWS)  # as in the groups

# %% [markdown]
# Where the scrape has no separate title, the title column is the first line of the
# cleaned text, which is not always a headline (see the failure case below).

# %% [markdown] tags=["seeds-only"]
# On the seeds the cleaned documents are short news articles of about 260 to 470 words and
# 9 to 20 sentences. Look at the SCMP and TASS titles: neither is a headline.

# %% [markdown]
# ### When were the documents published?

# %%
n_dated = int(table["published"].notna().sum())
if n_dated == 0:  # nothing to place on a time axis: one line says so, no empty figure
    fig = None
    print(
        "No timeline to draw (no document has a date). Add dates with a metadata.csv "
        "(columns file, published), or name a table's date column: --date-column NAME "
        "(load_corpus(date_column=...))."
    )
elif len(table) <= INTERACTIVE_MAX:  # one marker per document, its title on hover
    fig = plots.show_plotly(plots.plot_timeline(table, interactive=True), div_id="nb01-timeline")
else:  # a static figure: hover markers for every document would weigh megabytes in the page
    import matplotlib.pyplot as plt

    fig = plots.plot_timeline(table)
    plt.close(fig)  # shown once, by the line below (not also by the inline backend)
fig

# %%
dates = (
    table.fillna({"outlet": "(missing)"})
    .groupby("outlet")
    .agg(n_docs=("doc_id", "size"), first=("published", "min"), last=("published", "max"))
)
biggest_first = dates.sort_values("n_docs", ascending=False, kind="mergesort")
undated = biggest_first["first"].isna()  # rows of NaT say nothing: named in one line instead
if undated.any() and not undated.all():
    print(f"Not listed: {int(undated.sum()):,} outlet(s) without a dated document.")
biggest_first[~undated].head(MAX_ROWS) if not undated.all() else None  # no dates: no table

# %%
# what the markers mean, for this corpus: printed only when there are dates to read
if n_dated:
    rough = table.get("date_precision", pd.Series("", index=table.index))
    n_rough = int((table["published"].notna() & ~rough.isin(["day", "time"])).sum())
    exact = (
        f"{n_rough:,} of them are not known to the day (open markers: the source gave no exact "
        "date and the one recorded is an estimate)"
        if n_rough
        else "every one known to the day"
    )
    print(
        f"{n_dated:,} of {len(table):,} documents have a date; {exact}. A long gap between "
        "documents usually means a different news event, not the same story."
    )

# %% [markdown] tags=["seeds-only"]
# Four articles fall within one week of October 2023; the News site article is from
# January 2020 and reports a different event (Iran's strikes after the killing of
# Soleimani). For SCMP and the Blog the date is known only to the week.

# %% [markdown]
# ### How long are the documents?

# %%
fig = plots.plot_doc_lengths(table)

# %%
lengths = (
    table.fillna({"outlet": "(missing)"})
    .groupby("outlet")["n_words"]
    .describe()[["count", "min", "50%", "max"]]
    .astype({"count": int, "min": int, "max": int})  # counts of documents and words
)
lengths.sort_values("count", ascending=False, kind="mergesort").round(1).head(MAX_ROWS)

# %% [markdown]
# Where an outlet has a single article its "distribution" is a single dot, and the figure
# compares articles, not outlets. With many articles per outlet the same cell shows the
# spread within each outlet, and the median tick becomes meaningful.

# %% [markdown]
# ## What cleaning did, and why
#
# **Method.** Scraped news pages carry *chrome*: sign-up prompts, photo credits, share
# buttons, "read more" teasers, read-time counters, comment forms. Left in, it inflates word
# counts and can become an outlet's "most distinctive word", because the same prompt repeats
# in every article of one site (Denny & Spirling 2018 show how such preprocessing choices
# change results). Block-level boilerplate detection on HTML is a studied problem
# (Kohlschütter et al. 2010; Barbaresi 2021); what survives into plain-text scrapes is
# *line-level* chrome, so the cleaner applies **line rules**: a rule must match a whole
# short line (`data/boilerplate.yml`), never a substring. Two steps then judge a line by
# its context rather than its words: a **text-block classifier** (after jusText;
# Pomikálek 2011) finds the run of lines that is the article, from line length, stopword
# share, sentence punctuation, chrome words, date stamps and teaser lists, and removes the
# menu before it and the footer after it; and **learned templates** remove lines that recur
# in many documents of one outlet (menus, footers). The cleaner also rejoins sentences that
# the scraper cut at a hyperlink, removes repeated teaser lines and repairs encoding errors
# (ftfy; Speer 2019). Every edit is logged with its offsets in the raw text and the reason,
# so the raw text can be rebuilt exactly (`ct.reconstruct`).
#
# The share of a page that was chrome is
#
# > **chrome share** = characters of deleted lines ÷ characters of the raw page

# %%
by_rule = ct.cleaning_summary(corpus, by="rule")
if by_rule.empty:
    print("Cleaning changed nothing in this corpus.")
by_rule.drop(columns="example_doc_id").head(MAX_ROWS) if len(by_rule) else None

# %% [markdown]
# Each row is one rule: how many lines it removed (`n_removed`) or changed (`n_changed`),
# in how many documents, how many characters that took away, and the first line it
# matched. Read the `example` column as a check on the rule: if it shows a sentence of
# news, the rule is too greedy.

# %%
if not by_rule.empty:
    fig = plots.plot_cleaning_rules(by_rule, n_docs=len(corpus))

# %%
by_doc = ct.cleaning_summary(corpus, by="doc_id")
removed = len(by_doc) and by_doc["n_removed"].sum() > 0  # no deleted line: no figure of zeros
fig = plots.plot_cleaning(by_doc) if removed else None
print(ct.describe_cleaning(by_doc))
edited = by_doc[by_doc["n_edits"] > 0]  # a row of zeros shows nothing
if 0 < len(edited) < len(by_doc):
    print(f"{len(by_doc) - len(edited):,} of {len(by_doc):,} documents had no edit (not listed).")
edited = edited.fillna({"outlet": "(missing)"}).reset_index(drop=True)  # rows 0, 1, ...
edited.head(MAX_ROWS) if len(edited) else None

# %% [markdown]
# The share of chrome depends on the site's template, not on the news, so it can differ a
# lot from page to page. Counting words before cleaning would make the chrome-heavy pages
# look longer and fill their vocabularies with prompts and captions.

# %% [markdown] tags=["seeds-only"]
# On the seeds the Straits Times page lost about a quarter of its characters (a long photo
# caption with its agency credit, a sign-up prompt, topic links), while the TASS page,
# plain wire text, lost under 1 %.

# %% [markdown]
# ### Rule hits, classifier decisions and learned templates
#
# A rule hit is a line that a written rule knows as chrome. A classifier decision or a
# template line was removed because of *where it stands* or *how often the outlet prints
# it*, which is more powerful and easier to get wrong, so those decisions are listed
# apart, each with the features that decided it (`ct.cleaning_decisions`).

# %%
decisions = ct.cleaning_decisions(corpus)
by_kind = decisions.groupby("kind").agg(lines=("rule", "size"), documents=("doc_id", "nunique"))
by_kind if len(by_kind) else None  # no empty table when cleaning decided nothing

# %%
learned = ct.learned_boilerplate(corpus)  # a template row's reason counts the outlet's documents
by_context = decisions[decisions["kind"].isin(["classifier", "template"])]
by_context = ct.template_reasons(by_context, learned, corpus)
if by_context.empty:
    print("The classifier and the learned templates removed nothing in this corpus.")
ct.decision_summary(by_context) if len(by_context) else None

# %% [markdown]
# One row per feature that decided (`rule`): how many lines it removed in how many
# documents, and the first such line with the reason given for it. Below, the decisions
# themselves, taken in turn from each document (its first decision, then each document's
# second, ...) so that a long page does not fill the table alone.

# %%
cols = ["kind", "doc_id", "line_no", "reason", "text"]
across = ct.rows_across(by_context, MAX_ROWS) if len(by_context) else None
across[cols].reset_index(drop=True) if across is not None else None  # rows 0, 1, ...

# %% [markdown]
# The reason of a template decision is the outlet's own documents (above, in how many of them
# the line stands): by default a short line is learned when it stands in at least 3 of them
# and in at least a fifth of them. The table lists each
# learned line (lower-cased, spaces folded), in how many of the outlet's documents it stands
# (`n_docs` of `n_group_docs`).

# %%
if learned.empty:
    print("No line recurs in enough documents of one outlet to be learned as a template.")
else:
    n_out = learned["outlet"].nunique()
    print(f"{len(learned):,} line(s) learned as template, in {n_out:,} outlet(s).")
learned.head(MAX_ROWS) if len(learned) else None

# %%
rule_hits = decisions[decisions["kind"] == "rule"]
if rule_hits.empty:
    print("No written rule removed anything in this corpus.")
cols = ["doc_id", "line_no", "reason", "text"]
across = ct.rows_across(rule_hits, MAX_ROWS) if len(rule_hits) else None
across[cols].reset_index(drop=True) if across is not None else None  # rows 0, 1, ...

# %% [markdown]
# Read the `reason` of a classifier decision from left to right: where the line stands
# (*before the headline*, *after the last body paragraph*) and then what the line itself
# looks like (*short: 2 words*, *date/time stamp*, *in a teaser list*, *site notice*). A
# template reason says the line recurs across the outlet's documents;
# `ct.learned_boilerplate(corpus)` lists those lines, and an edited copy of that table can
# be passed back (`ct.load_rules(templates=...)`).

# %% [markdown] tags=["seeds-only"]
# On the seeds every removal is a rule hit: each page comes from a different outlet, so no
# template can be learned, and the five texts are already the article with a few chrome
# lines, so the classifier finds nothing before or after the body to remove.

# %% [markdown]
# ### Evidence: the removed lines of one document
#
# The page with the highest chrome share is shown in full below, in its raw form: removed
# lines are struck through on a red tint and labelled with the rule, changed spans show the
# old text struck and the new text in blue. The text is escaped, so even a page full of
# HTML is shown as text.

# %%
example_doc = edited["doc_id"].iloc[0] if len(edited) else None  # the most chrome, else edits
log_rows = corpus.cleaning_log[corpus.cleaning_log["doc_id"] == example_doc]
ends = log_rows["rule"] == "crlf_to_lf"  # Windows line ends made '\n': no visible change
n_log = len(log_rows)
if n_log:
    print(
        f"Document {example_doc}: {n_log:,} edit{'' if n_log == 1 else 's'}"
        + (f", {int(ends.sum()):,} of them line endings (not listed)" if ends.any() else "")
    )
elif corpus.cleaning_log.empty:
    print("Cleaning edited no document, so there is no removed line to show.")
else:
    print(f"Document {example_doc}: no edit, so there is no removed line to show.")
shown = log_rows[~ends][["line_no", "start", "end", "rule", "text"]].head(MAX_ROWS)
shown.reset_index(drop=True) if n_log else None  # no empty table when nothing was edited

# %%
ct.cleaning_view(corpus, str(example_doc)) if n_log else None  # no view of an unedited text

# %% [markdown]
# Read the view from top to bottom: everything not struck through is the text every later
# notebook analyses. Photo captions are the hard case: they are full sentences about the
# news, removed because they describe the photo rather than report the story. If a struck
# line were a sentence of the article itself, that would be a cleaning error worth
# reporting (the rule name is in brackets).

# %% [markdown] tags=["seeds-only"]
# On the seeds this is the Straits Times page. The removals are a sign-up prompt, a photo
# credit, topic links and two photo captions; the changes (`rejoin_broken_line`) replace
# the blank line where the scraper cut a sentence at a hyperlink by a space.

# %% [markdown]
# Everything below reads only the cleaned texts. The raw pages and the cleaning log take
# about as much memory as the texts themselves, so when `corpus-tools report` runs this
# notebook it lets go of them here (`ct.drop_raw`: the same documents and metadata, an empty
# log), before counting every word. Run by hand, the notebook keeps them for the exercises.

# %%
if SNAPSHOT is not None:  # run by corpus-tools report, on a corpus of any size
    corpus = ct.drop_raw(corpus)
del decisions, by_kind, by_context, rule_hits, learned  # rows per removed line

# %% [markdown]
# ## A first look at the language
#
# **Method.** A term frequency is the number of times a word occurs in a group (here an
# outlet), and its rate per 10,000 words makes groups of different size comparable.
# Stopwords (*the, of, to, said*) dominate any raw count; dropping them shows content
# words, but the rate keeps all words in its denominator so the two tables stay
# comparable. Words are found by the offline tokenizer (sentences by Punkt with shipped
# parameters; Kiss & Strunk 2006).

# %%
tf_all = ct.term_frequencies(corpus, by="outlet")
tf_content = ct.term_frequencies(corpus, by="outlet", stopwords=False)


def top_terms(tf):  # a word that occurs once in its group is not one of its top words
    twice = tf[tf["count"] > 1].groupby("group", sort=True).head(TOP_K)
    return twice.groupby("group", sort=True)["term"].agg(", ".join)


sizes = tf_all.groupby("group", sort=True)["n_docs_group"].first()
order = sizes.index[(-sizes).argsort(kind="stable")]  # biggest groups first
tops = pd.DataFrame(
    {"with stopwords": top_terms(tf_all), "without stopwords": top_terms(tf_content)}
).reindex(order)
if note := ct.describe_top_terms(tops, sizes, TOP_K):  # short lists: groups of few words
    print(note)
tops.fillna("(no word twice)").head(MAX_ROWS)

# %% [markdown]
# A list holds a group's words that occur at least twice, most frequent first; words with
# the same count are in alphabetical order, so the last words of a list are one choice among
# its ties. With stopwords, every list starts with its language's function words (in English *the, of,
# and, in, to*; in German *der, die, und*): they look alike and tell you nothing about content. Without stopwords the topics appear. A reporting verb
# such as *said* that survives in a list is not a topic but a hint that the articles
# quote a lot (notebook 03).

# %% [markdown] tags=["seeds-only"]
# On the seeds the content words are Russia, China, the Middle East, Hamas and the envoys'
# names; the January 2020 article stands out with Iran and the United States, and *said*
# survives in the SCMP list.

# %%
top = tf_content.sort_values(["count", "term"], ascending=[False, True], kind="mergesort")
top = top.head(TOP_K).copy()  # keep the head only, not a sorted copy of every row
top[["group", "term", "count", "rate_per_10k", "n_docs", "n_tokens_group"]].round(1).reset_index(
    drop=True
)

# %% [markdown]
# Each count comes with its denominator (`n_tokens_group`) and the number of documents
# it comes from (`n_docs`). A high rate in a small group can rest on a dozen occurrences
# in one text: read `count` and `n_docs` with every rate.

# %% [markdown] tags=["seeds-only"]
# On the seeds a rate of about 250 per 10,000 words sounds large, but on the 466-word
# blog article it is 12 occurrences in one text.

# %% [markdown]
# ### Keyword in context
#
# A concordance (keyword in context, KWIC) lists every occurrence of a word with its
# neighbours: the quickest way to see *how* a word is used before trusting a count.
# The term is set in the parameters cell (`KWIC_TERM`).

# %%
ct.print_sample_note(detail, corpus, "Concordance")
if KWIC_TERM is None:  # not set: the worked example on the seeds, else chosen from the corpus
    if ct.on_seed_corpus(CORPUS):
        KWIC_TERM = "Hamas"
    else:
        words = tf_content if len(tf_content) else tf_all
        found = ct.actor_mentions(detail)
        term, why = ct.choose_kwic_term(found, words)
        print(f"KWIC_TERM not set; using {why}" if term else why)
        reason = ct.why_no_mentions(detail, found)  # letter case or language; '' if found
        if reason:
            print(reason)
        KWIC_TERM = term or ""  # no word at all: kwic says there is nothing to search for

# %%
hits = ct.kwic(detail, KWIC_TERM, window=KWIC_WINDOW, by="outlet")
print(f"{len(hits):,} occurrences of {KWIC_TERM!r} in {hits['doc_id'].nunique():,} documents")
ct.kwic_view(hits, max_rows=MAX_ROWS)

# %%
occurrences = hits.groupby("group").size().rename("occurrences")
occurrences.sort_values(ascending=False, kind="stable").head(MAX_ROWS).reset_index()  # most first

# %% [markdown]
# The concordance shows the contexts a count hides. A hyphenated compound is one token in
# the word counts, but the search also finds a term as a part of one (`joined` is True on
# those rows); `ct.kwic(..., joined=False)` keeps whole words only, as the counts do.

# %% [markdown] tags=["seeds-only"]
# On the seeds *Hamas* occurs in phrases about contacts and talks with the group, about
# the attack on Israel, and twice in the compound *Israel-Hamas*: those two rows are marked
# `joined`, and the word counts above do not count them as *Hamas*.

# %% [markdown]
# ## Duplicates and near-duplicates
#
# **Method.** Two documents are near-duplicates when most of their five-word sequences
# (*shingles*) are shared: the Jaccard resemblance |A ∩ B| ÷ |A ∪ B| of their
# shingle sets is at least `DUP_THRESHOLD` (Broder 1997). Duplicates matter because a story
# counted twice weighs twice in every frequency, and wire copy (Reuters, AP) is often
# republished almost unchanged by several outlets.

# %%
ct.print_sample_note(detail, corpus, "Duplicates")
dups = ct.duplicates(detail, threshold=DUP_THRESHOLD)
print(ct.describe_duplicates(dups, DUP_THRESHOLD))
if ct.empty_columns(dups):  # no outlets: the outlet_a and outlet_b columns would be blank
    print(ct.describe_empty_columns(dups))
unknown = {"outlet_a": "(missing)", "outlet_b": "(missing)"}  # some documents have no outlet
dups.drop(columns=ct.empty_columns(dups)).fillna(unknown).head(MAX_ROWS) if len(dups) else None

# %%
close = ct.duplicates(detail, threshold=0.01)
print(f"{len(close):,} pair(s) share at least one five-word sequence (resemblance >= 0.01).")
close = close[["doc_a", "doc_b", "outlet_a", "outlet_b", "jaccard", "shared"]]
close.drop(columns=ct.empty_columns(close)).fillna(unknown).head(5)  # no blank outlet columns

# %% [markdown]
# The second table lowers the bar to a resemblance of 0.01, so it lists pairs that share
# any five-word sequence at all. A low resemblance means a handful of shared phrases
# (quoted statements, official titles): the outlets wrote their own text. A resemblance
# near 1 is a copy. On a corpus collected from many sites, expect clusters of wire copy.

# %% [markdown] tags=["seeds-only"]
# The seeds contain no duplicates. At a resemblance of 0.01 only two pairs share any
# five-word sequence, and they share a quoted statement: outlets reporting the same talks
# wrote their own text.

# %% [markdown]
# ## A failure case: the title is a guess
#
# When the scrape has no headline field, `overview` uses the first non-blank line of
# the cleaned text as the title. That works for pages that start with a headline and fails
# for pages that start with a dateline or with body text.

# %%
source = table["doc_id"].map(corpus.docs.set_index("doc_id")["title_source"])
guessed = source.isna() | (source == "first_line")  # no title field: read from the text
check = table.loc[guessed, ["doc_id", "outlet", "title"]].copy()  # titles read from the text
check["cut_at_80"] = check["title"].str.endswith("…")  # first line too long for a headline
check = check.sort_values("cut_at_80", ascending=False, kind="mergesort")  # the cut ones first
n_cut = int(check["cut_at_80"].sum())
if len(check):
    print(
        f"{n_cut:,} of {len(check):,} titles {'was' if n_cut == 1 else 'were'} cut at 80 characters"
        + (" (listed first)." if n_cut else ".")
    )
if len(check) < len(table):
    print(f"{len(table) - len(check):,} titles came from a title field and are not checked.")
check.drop(columns=ct.empty_columns(check)).head(MAX_ROWS) if len(check) else None

# %% [markdown]
# A headline is short. A first line that had to be cut at 80 characters (`…`) is a
# paragraph of body text, or a dateline run into the first sentence, so `cut_at_80` flags
# titles that are probably not headlines. It misses a short first line that is not a
# headline either (a dateline on a line of its own, a leftover prompt): the check is a
# warning sign, not a fix. Give titles in `metadata.csv` when you have them.

# %% [markdown] tags=["seeds-only"]
# On the seeds it flags the SCMP row, which starts in the middle of the story (the scrape
# lost the headline), and the TASS row, which starts with the dateline
# (`MOSCOW, October 19. /TASS/.`).

# %% [markdown]
# ## Limitations and validity
#
# - **Small n.** With one or a few articles per outlet, every "outlet" difference is a
#   difference between single articles, and articles from different weeks report
#   different events. Nothing then generalises to an outlet's coverage.
# - **Dates can be inferred.** A date known only to the week or month (`date_precision`)
#   was reconstructed from the text or the sidecar; say so when you plot it.
# - **Cleaning is rule-based.** The rules catch common chrome in English news templates;
#   a new site template can leave chrome in (under-removal), and a short body line that
#   looks like a prompt could be removed. The log makes both checkable, not impossible.
# - **Counts are not meanings.** A frequent word may be frequent because of one long quote;
#   read the concordance before interpreting a count.
# - **Whose voices are missing.** Scraped pages leave out readers' comments and anything
#   behind a paywall; a corpus of English-language editions leaves out the
#   original-language press.

# %% [markdown] tags=["seeds-only"]
# On the seeds: five articles, one per outlet; four report the same week of October 2023
# and one a different event in 2020; two of the five dates are known only to the week
# (`seeds/metadata.csv`, column `evidence`); all five are English-language editions.

# %% [markdown]
# ## Your turn
#
# Solutions are in `solutions/01_corpus_overview.ipynb`.
#
# 1. **Another keyword.** Set `KWIC_TERM` to another word you noticed in the term tables
#    above (one frequent in some outlets and rare in others is a good start) in a new cell
#    and count its occurrences per outlet. *Expected shape:* a table with one row per outlet
#    that uses the word and a column `occurrences`.

# %% [markdown] tags=["seeds-only"]
# On the seeds, try `"ceasefire"` (the solution uses it).

# %%

# %% [markdown]
# 2. **Which rule did the most work where?** For the document with the most cleaning
#    edits, list its edits per rule. *Expected shape:* one row per rule, columns `rule`,
#    `n_edits`, `chars`, sorted by `n_edits` descending.

# %%

# %% [markdown]
# 3. **Lengths with and without chrome.** Using `ct.cleaning_summary(corpus, by="doc_id")`,
#    compute for each document how many characters per word the raw page had compared with
#    the cleaned text. *Expected shape:* one row per document, columns `doc_id`, `raw_chars`,
#    `clean_chars`, `n_words` and a ratio rounded to 1 decimal.

# %%

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
