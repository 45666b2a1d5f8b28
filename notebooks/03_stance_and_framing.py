# %% [markdown]
# # 03 · Who is quoted, how, with what frames, and in what tone toward whom
#
# Outlets covering the same events choose whose words to carry, how to introduce them,
# which aspects to stress and in what tone to mention each actor; this notebook measures
# each of those choices with transparent rules and shows the sentences behind every number.

# %% [markdown]
# **Learning goals.** By the end you can
#
# - extract direct and reported quotes with their speakers, and say who each outlet gives a voice;
# - compare how outlets introduce claims (neutral *said* vs distancing *claimed*, hedges);
# - apply a frame codebook, read an outlet × frame table, and check it against the sentences;
# - estimate the tone of coverage around an actor with an honest interval, and explain why
#   sentence sentiment is not stance;
# - hand-code sentences for a frame and compute Krippendorff's α against the dictionary;
# - train a supervised coder on hand codes, read its cross-validated precision, recall,
#   F1 and learning curve, and say what it cannot learn.
#
# **Who:** students and analysts who did notebook 01 (corpus overview); 02 (source comparison)
# helps. **Time:** about 90 minutes: 45 for quotes, frames and tone (sections 1–4), 20 for
# hand coding (section 5), 15 for supervised coding (section 6), 10 to start the exercises.
# **Prerequisites:** pandas `groupby`; the idea of a sentence table with offsets (notebook 01).

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
BY = "outlet"  # docs column to compare (outlet, or doc_id for single articles)
TARGETS = None  # tone table actors; None: six actors of the example on the seeds, else the corpus's six most mentioned
N_BOOT = 2000  # bootstrap resamples for the intervals
SEED = 12345  # random seed (bootstrap and the coding sample)
FRAME_FOR_CODING = "conflict"  # frame of the hand-coding exercise
CODES = None  # CSV of hand codes (text, label) for the supervised coder; None: shipped codes
TOP_K = 5  # rows shown per group in top-k tables
MAX_ROWS = 15  # longest table printed
DETAIL_DOCS = 5000  # detail analyses (quotes, cues, hedges, frames, tone, triples, coding) use a stable sample of at most this many documents; None: all
SNAPSHOT = None  # set by corpus-tools report: the corpus it loaded once for every notebook

# %% [markdown]
# ## The data
#
# The cleaned corpus from notebook 01. Count the documents behind each group before
# reading any comparison: with one or a few articles per group, an "outlet" comparison
# compares single articles, and the numbers illustrate the methods rather than
# characterise the outlets.

# %% [markdown] tags=["seeds-only"]
# With the default seeds it is five articles, **one per outlet**, four from one week of
# October 2023 and one from January 2020: every "outlet" comparison below compares single
# articles about partly different events.

# %%
# the report's snapshot: notebook 01 printed the loader's notes already
corpus = (
    ct.load_corpus(CORPUS)
    if SNAPSHOT is None
    else ct.load_snapshot(SNAPSHOT, raw=False, notes=False)
)
detail = ct.detail_sample(corpus, DETAIL_DOCS, by=BY)  # all documents unless the corpus is larger
docs = corpus.docs.assign(group=corpus.group_labels(BY).to_numpy())  # missing: "(missing)"
group_of = dict(zip(docs["doc_id"], docs["group"], strict=True))
group_sizes = docs["group"].value_counts()  # tables by group: the largest groups first
print(ct.describe_corpus(docs, by=BY))
docs.groupby("group").size().rename("n_docs").reset_index().sort_values(
    "n_docs", ascending=False, kind="mergesort", ignore_index=True
).head(MAX_ROWS)

# %% [markdown]
# `n_docs` is the number of articles behind each group.

# %% [markdown]
# ## 1. Voices: who is quoted, and how
#
# **Method.** News marks evidence through reported speech: a *source* and a *reporting verb*
# introduce either the source's own words (direct quote, in quote marks) or a paraphrase
# (indirect speech: *X said that …*) (Bergler 1992; Krestel, Bergler & Witte 2008).
# `ct.quotes` pairs quote marks paragraph by paragraph (an unclosed mark is closed at the
# paragraph end and flagged, never allowed to swallow the document), finds a reporting cue
# next to each quote, and resolves the speaker: titles stripped, a surname or *Mr Smith* mapped
# to the full name, *he* to the last speaker, *the spokesman* to the person introduced with
# that title, then the actor gazetteer's canonical name (a bare *Foreign Ministry* takes its
# country from the document: an earlier *Russian Foreign Ministry*, or a *MOSCOW* dateline).
# Headlines are read too (*X: 'quote'*, *'quote' – X*, *X urges 'quote'*). `source` says
# where the words came from when the text names it (*according to X*, *citing X*, *X's
# statement said*, *told Reuters*), which need not be the speaker. These are rules, not a
# parser. On the five hand-annotated articles they were written on (in-sample) they find
# 35 of 36 quotes, with the right speaker for all 35. On real BBC text annotated before
# the rules were tuned, the held-out half gives 74 of 75 quotations in articles found
# (67 of 74 speakers, every source right) and 20 of 20 in headlines (19 of 20 speakers);
# 1 of 14 scare quotes was given a speaker (`tests/data/quotes/`).

# %%
ct.print_sample_note(detail, corpus, "Quotes", by=BY)
q = ct.quotes(detail)
q["group"] = q["doc_id"].map(group_of)
speech = q[q["kind"] != "scare"]
print(
    f"{len(speech):,} quote{'s' * (len(speech) != 1)} ({int(speech['direct'].sum()):,} direct), "
    f"{int((q['kind'] == 'scare').sum()):,} scare quotes."
)
shown = speech[
    ["group", "kind", "speaker", "speaker_canonical", "speaker_resolved", "source", "cue", "quote"]
]
if shown["speaker_canonical"].isna().all():  # no speaker in any row: speaker_resolved says nothing
    shown = shown.assign(speaker_resolved=None)
if ct.empty_columns(shown):  # text in another language: quote marks with no speaker, source or cue
    print(ct.describe_empty_columns(shown))
shown.drop(columns=ct.empty_columns(shown)).reset_index(drop=True).head(MAX_ROWS)  # rows 0, 1, ...

# %% [markdown]
# Each row is one quote: `speaker` is the words in the text (*He*, *the spokesman*),
# `speaker_canonical` who that is, and `speaker_method` how it was resolved. A `fragment` is
# a partial quote inside a sentence (*play “a constructive role”*). `speaker_resolved` is
# False for generic speakers (*the parties*, *officials*): they stay in the table but are
# not counted as actors (`stance_triples` leaves them out).

# %%
sourced = speech[speech["source"].notna()]
generic = speech[speech["speaker_canonical"].notna() & ~speech["speaker_resolved"]]
print(
    f"{len(sourced):,} of {len(speech):,} quotes name a source; {len(generic):,} "
    f"{'has' if len(generic) == 1 else 'have'} a generic speaker ({', '.join(sorted(set(generic['speaker'].dropna()))[:5]) or 'none'})."
)
cols = ["group", "speaker_canonical", "source", "source_start", "source_end", "quote"]
sourced[cols].reset_index(drop=True).head(MAX_ROWS) if len(sourced) else None  # none: said

# %% [markdown]
# **Failure case.** A pronoun far from its antecedent goes wrong: in a real BBC article
# "he declared:" follows a paragraph about "the prime minister" and "his chancellor",
# and the rules pick the chancellor (the only one introduced with a name and title), so
# six quotations in a row get the wrong speaker. A question quoted in a question
# ("Asked if he was appointed in a 'fair and open' competition, he replied") gives the
# answerer's name to the questioner's words. Check the speaker of long runs of quotes
# with no cue of their own (`speaker_method` `carryover` or `pronoun`).

# %% [markdown] tags=["seeds-only"]
# On the seeds most rows are indirect speech: the outlets paraphrase far more than they
# quote.

# %% [markdown]
# ### Direct and indirect speech per group

# %%
kinds = speech.groupby(["group", "kind"]).size().unstack(fill_value=0)
kinds["n_quotes"] = kinds.sum(axis=1)
ct.largest_groups_first(kinds, group_sizes).head(MAX_ROWS)

# %% [markdown]
# The count of rows is not the amount of quoted text: compare quote lengths before
# concluding who "quotes more".

# %% [markdown] tags=["seeds-only"]
# On the seeds TASS has the fewest quotes but quotes the ministry statement at length (its
# paragraphs are mostly quotation), while the blog paraphrases one speaker, Bogdanov, again
# and again.

# %% [markdown]
# ### Who is given a voice?

# %%
voices = ct.quote_voices(speech)
top = voices.groupby(["group", "speaker_canonical"]).size().rename("n_quotes").reset_index()
top = top.sort_values(
    ["group", "n_quotes", "speaker_canonical"], ascending=[True, False, True], kind="mergesort"
)
named = top[~top["speaker_canonical"].isin(set(generic["speaker_canonical"]))]  # not 'company'
ct.largest_groups_first(top.groupby("group").head(TOP_K), group_sizes).reset_index(drop=True).head(
    MAX_ROWS
)

# %% [markdown] tags=["seeds-only"]
# On the seeds every voice is an official: Russian officials dominate the Russia-based TASS,
# the blog and the Reuters-based Straits Times copy, and Chinese officials (Zhai Jun, Geng
# Shuang) the SCMP and the 2020 news-site article. The only Palestinian source is "Gaza
# authorities", cited by The Straits Times for its casualty figures; no Israeli source, no
# expert and no civilian is quoted.

# %%
voices["voice"] = voices["voice_type"] + voices["voice_country"].map(
    lambda c: f" ({c})" if c else ""
)
voice_counts = voices.groupby(["group", "voice"]).size().rename("count").reset_index()
fig = plots.plot_share_bars(
    voice_counts, category="voice", title="Quotes by kind of voice", sizes=group_sizes
)
print(ct.describe_voices(voices))
ct.largest_groups_first(voice_counts, group_sizes).reset_index(drop=True).head(MAX_ROWS)

# %% [markdown]
# The table behind the bars: `official (France)` (any country) is a quote from that
# country's state actors, and `official` without a country is a description the gazetteer
# could not place (*the ministry*, *the local authorities*). Read it as "whose words does this outlet carry", not
# as the outlet's position, and read the voices the sentence above says are absent.

# %% [markdown]
# ### Evidence: the quotes behind the largest count

# %%
from IPython.display import display

if top.empty:
    print("No attributed quotes in this corpus.")
else:
    pool = named if len(named) else top  # a named speaker, not 'company' or 'he'
    lead = pool.loc[pool["n_quotes"].idxmax()]  # the first largest, groups in name order
    if (big := top.loc[top["n_quotes"].idxmax(), "speaker_canonical"]) != lead.speaker_canonical:
        print(f"Generic speakers left out (the largest: {big!r}).")
    rows = speech[
        (speech["group"] == lead["group"])
        & (speech["speaker_canonical"] == lead["speaker_canonical"])
    ]
    n = int(lead["n_quotes"])
    where = f"Documents with no {BY}" if lead["group"] == "(missing)" else lead["group"]
    print(f"{where}: {n} quote{'' if n == 1 else 's'} from {lead['speaker_canonical']}")
    display(
        ct.evidence_view(
            rows,
            text="quote",
            columns=["doc_id", "start", "end", "cue", "speaker"],
            max_rows=MAX_ROWS,
        )
    )

# %% [markdown]
# Every count can be traced to offsets (`start`, `end`) in the cleaned text. Quotes linked
# to a speaker through a surname, a pronoun or a description (`speaker_method`) are the
# ones to check before trusting a count.

# %% [markdown] tags=["seeds-only"]
# On the seeds the blog's eight Bogdanov quotes come through surname (*Bogdanov revealed*),
# pronoun (*He stated*) and description (*The Russian official*) links.

# %% [markdown]
# ## 2. How claims are reported: reporting verbs and hedges
#
# **Method.** The same statement reads differently after *said* (neutral), *stressed* (assertive),
# *revealed* or *admitted* (factive: presented as true), *claimed* or *alleged* (distancing: the
# writer withholds endorsement) and *warned*, *denounced* (conflictual). Recasens et al. (2013)
# found such verbs, and hedges, among the markers of biased wording. The classes and their
# sources are in `corpus_tools/data/reporting_verbs.yml`; hedges (*may, reportedly, clearly*)
# after Hyland (1998) in `hedges.yml`.

# %%
cues = ct.cue_rates(speech, detail, by=BY)
fig = plots.plot_share_bars(
    cues, category="cue_class", title="Reporting verbs by class", sizes=group_sizes
)
if spread := ct.describe_share_uncertainty(cues.groupby("group")["n_quotes"].first(), "quotes"):
    print(spread)  # how far a share can move by chance, from the quotes it rests on
ct.largest_groups_first(cues, group_sizes).reset_index(drop=True).head(MAX_ROWS)

# %% [markdown]
# Most news copy introduces quotes neutrally (*said*, *according to*); a group with many
# assertive or factive cues presents its sources' statements as established. With one
# article per group that is a style of one writer, not a pattern of the outlet.

# %% [markdown] tags=["seeds-only"]
# On the seeds almost every quote is introduced neutrally. The blog is the exception: about
# a quarter of its cues are assertive (*asserting, highlighted, asserted*) and another
# quarter factive (*revealed, disclosed, confirmed*), which presents Bogdanov's statements
# as established facts.

# %%
marked = speech[~speech["cue_class"].isin(["neutral"]) & speech["cue_class"].notna()]
marked = marked[["group", "cue", "cue_class", "speaker_canonical", "quote"]]
marked.reset_index(drop=True).head(MAX_ROWS)  # rows 0, 1, ...: not labels of the quote table

# %% [markdown]
# These are the rows behind the non-neutral shares: read the verb against the content.

# %%
per_speaker = ct.cue_rates(speech, by="speaker_canonical")
per_speaker = per_speaker.sort_values(
    ["n_quotes", "group", "count"], ascending=[False, True, False], kind="mergesort"
)
per_speaker.reset_index(drop=True).head(MAX_ROWS)

# %% [markdown]
# The same shares per speaker. A verb class belongs to the outlet's wording, so compare
# speakers within one outlet.

# %% [markdown] tags=["seeds-only"]
# On the seeds only Bogdanov and Viktorov (both in the blog) are introduced with assertive
# or factive verbs; every other speaker is introduced neutrally or with no cue.

# %%
ct.print_sample_note(detail, corpus, "Hedges", by=BY)
hedge_hits = ct.hedges(detail, quotes_table=q)
rates = ct.hedge_rates(hedge_hits, detail, by=BY)
ct.largest_groups_first(rates[rates["count"] > 0], group_sizes).reset_index(drop=True).head(
    MAX_ROWS
)

# %% [markdown]
# `voice = outlet` marks a hedge in the outlet's own words (outside quote marks). Rates per
# 1,000 words from three or four hits are fragile: print the hits.

# %% [markdown] tags=["seeds-only"]
# Hedges are rare in the seeds' hard-news copy; the evidential *according to* does most of
# the work, in the outlet's own voice.

# %%
texts = dict(iter(detail))
hedge_hits.assign(
    group=hedge_hits["doc_id"].map(group_of),
    context=[
        texts[d][max(0, s - 60) : e + 60].replace("\n", " ")
        for d, s, e in zip(
            hedge_hits["doc_id"], hedge_hits["start"], hedge_hits["end"], strict=True
        )
    ],
)[["group", "term", "hedge_class", "inside_quote", "context"]].head(MAX_ROWS)

# %% [markdown]
# Read each hit in its context: one distancing word (*allegedly*) can change who vouches
# for a claim.

# %% [markdown] tags=["seeds-only"]
# The *allegedly* on the news site distances the outlet from the US claim that Soleimani was
# planning an attack.

# %% [markdown]
# ## 3. Frames
#
# **Method.** To frame is to select some aspects of a perceived reality and make them more
# salient, so as to promote a problem definition, causal interpretation, moral evaluation or
# remedy (Entman 1993). Coders identify the five *generic* news frames (conflict, human
# interest, attribution of responsibility, morality, economic consequences) by answering yes/no
# questions per story (Semetko & Valkenburg 2000); the Policy Frames Codebook adds issue-general
# dimensions such as security and defense, legality, political, and external regulation and
# reputation (Boydstun et al. 2014). Our **dictionary** looks for cue words of each frame in
# each sentence. That approximates framing; it does not measure it: cues are polysemous,
# negation is ignored, and a war story hits security cues whatever its framing.
#
# > **sentence share** = sentences with at least one cue of the frame ÷ sentences

# %%
codebook = ct.codebook_table()
codebook[["frame", "family", "definition", "cues"]].head(MAX_ROWS)

# %% [markdown]
# The codebook (`corpus_tools/data/frames.yml`) is shown in full so you can judge every cue;
# the coder's questions are in the `questions` column. Load your own file with
# `ct.load_codebook(path)` and pass it to `ct.frames(corpus, codebook=...)`.

# %%
ct.print_sample_note(detail, corpus, "Frames", by=BY)
hits = ct.frames(detail)
summary = ct.frame_summary(hits, detail, by=BY)
fig = plots.plot_frame_heatmap(summary)
print(ct.describe_frames(summary))
if spread := ct.describe_share_uncertainty(summary.groupby("group")["n_sentences"].first()):
    print(spread)
shares_by_group = summary.pivot(index="group", columns="frame", values="sentence_share")
ct.largest_groups_first(shares_by_group, group_sizes).head(MAX_ROWS)

# %% [markdown]
# Cells are the share of sentences with a cue (the heatmap labels them `k/n`). An empty
# cell says the dictionary found no cue word there, not that the frame is absent. Two
# shares that differ by less than the uncertainty printed above the table are not a
# finding: with a few dozen sentences per group, only large differences are.

# %% [markdown] tags=["seeds-only"]
# On the seeds *political* cues are in 30 % to two thirds of every article's sentences
# (diplomacy news), TASS has the highest conflict share (escalation, tensions), the blog
# the highest human-interest and legality shares (hostages, civilians, "violation of human
# rights", occupation). SCMP has no security-defense cue sentence at all: its article is
# about talks.

# %%
counts = summary.pivot(index="group", columns="frame", values="sentences_with_frame")
counts.insert(0, "n_sentences", summary.groupby("group")["n_sentences"].first())
ct.largest_groups_first(counts, group_sizes).head(MAX_ROWS)

# %% [markdown]
# The counts behind the shares: a share of 0.5 may be 3 sentences of 6.

# %% [markdown]
# ### Which cues carry each frame?

# %%
drivers = hits.groupby(["frame", "cue"]).size().rename("hits").reset_index()
drivers = drivers.sort_values(
    ["frame", "hits", "cue"], ascending=[True, False, True], kind="mergesort"
)
drivers.groupby("frame").head(3).reset_index(drop=True).head(MAX_ROWS * 2)

# %% [markdown]
# When one word carries a frame, the frame is that word: *attack\** drives security-defense
# (a topic more than a frame), *hostage\** counts for both human interest and health and
# safety. This is where a dictionary most needs validating.

# %% [markdown]
# ### Evidence: the strongest sentences for the biggest cell

# %%
from IPython.display import display

evidence = ct.frame_evidence(hits, detail, by=BY, top=2)
big = summary.sort_values(  # most sentences with the frame; a share of one sentence is no cell
    ["sentences_with_frame", "sentence_share", "group", "frame"],
    ascending=[False, False, True, True],
    kind="mergesort",
)
if evidence.empty:
    print("No frame cues found.")
else:
    g, f = big.iloc[0]["group"], big.iloc[0]["frame"]
    where = f"Documents with no {BY}" if g == "(missing)" else g
    print(f"{where} x {f}:")
    display(
        ct.evidence_view(
            evidence[(evidence["group"] == g) & (evidence["frame"] == f)],
            text="sentence",
            columns=["doc_id", "sent_id", "cues"],
        )
    )

# %% [markdown]
# Read the sentences: does a human coder see the frame there, or only the vocabulary of
# the story's topic?

# %% [markdown] tags=["seeds-only"]
# On the seeds the top cell is the Blog's *human interest* sentences, carried by
# *civilian*, *casualties* and *hostage*: words about the war's victims inside sentences
# about Moscow's diplomacy. A human coder would call both sentences political; the
# dictionary counts the vocabulary, not the angle of the sentence.

# %% [markdown]
# ## 4. Tone toward actors, and why it is not stance
#
# **Method.** VADER (Hutto & Gilbert 2014) scores a sentence from a rated lexicon with rules
# for negation, boosters and *but*; its `compound` runs from −1 to +1. For each target actor we
# take every sentence that mentions it (gazetteer matching, notebook 04) and average per group.
# Sentences of one article are not independent, so the interval is a **cluster bootstrap over
# documents** (Efron & Tibshirani 1993): with one article per group there is *no interval*.
# This is the *tone of the coverage in which the actor appears*, not the outlet's stance.

# %%
if TARGETS is None:  # not set: the worked example on the seeds, else chosen from the corpus
    if ct.on_seed_corpus(CORPUS):
        TARGETS = ["Russia", "China", "Israel", "Hamas", "United States", "Iran"]
    else:
        TARGETS = ct.top_actors(ct.actor_counts(ct.actor_mentions(detail)), 6)
        print("TARGETS not set; using the six most mentioned actors of the sample.")
targets = [t for t in TARGETS if ct.canonical_actor(t) is not None]
print("targets:", targets, "| skipped:", [t for t in TARGETS if t not in targets])
ct.print_sample_note(detail, corpus, "Tone", by=BY)
tone = ct.target_sentiment(detail, targets, by=BY, n_boot=N_BOOT, seed=SEED)
print(ct.describe_tone(tone.summary))
ct.largest_groups_first(tone.summary, group_sizes)[
    [
        "group",
        "target",
        "n_sentences",
        "n_docs",
        "mean_compound",
        "ci_low",
        "ci_high",
        "share_neg",
        "interval",
    ]
].reset_index(drop=True).head(MAX_ROWS * 2)  # rows 0, 1, ...

# %% [markdown]
# A group with one article has no interval. With many articles per group the
# `ci_low`/`ci_high` columns fill in, and a mean whose interval spans zero must not be
# called "negative".

# %% [markdown] tags=["seeds-only"]
# On the seeds Hamas and Israel appear in negative sentences in every outlet that names
# them (violence, casualties), China in positive ones where Chinese officials speak (SCMP,
# news site). No row has an interval: one article per outlet.

# %%
fig = plots.plot_target_sentiment(tone.summary)
tone_by_group = tone.summary.pivot(index="group", columns="target", values="mean_compound")
ct.largest_groups_first(tone_by_group, group_sizes).head(MAX_ROWS)

# %% [markdown]
# The table behind the figure: mean compound per group (rows, the largest groups first) and
# target (columns); an empty cell is a group whose sentences never name that target.

# %%
ev = tone.sentences.assign(group=tone.sentences["doc_id"].map(group_of))
neg = ct.most_negative(ev, TOP_K)  # negative rows only (compound -0.05 or lower)
print(ct.describe_most_negative(neg))
neg[["group", "target", "compound", "drivers", "evidence"]].reset_index(drop=True)  # rows 0, 1, ...

# %% [markdown]
# The most negative sentences and the lexicon words that drove them. Only sentences VADER
# calls negative are listed, so a corpus with few of them shows few rows (the line above says
# how many there are). A sentence naming several targets gives the same score to each: tone
# is shared out to every actor in the sentence, whatever its role.

# %% [markdown] tags=["seeds-only"]
# On the seeds the top one is about Hamas's assault (*assault*, *killed*, *crisis*), and it
# gives the same −0.91 to Hamas, to Israel (attacked) and to Russia (named as a would-be
# broker).

# %% [markdown]
# ### A failure case: sentiment is not stance
#
# Stance is a holder's position *toward a target* (Mohammad et al. 2016); sentence sentiment
# is the tone of the words. VADER scores these five sentences, written to show the gap:

# %%
examples = [
    "Russia and China called for an end to the violence and the release of hostages.",
    "Moscow blamed Washington for the crisis.",
    "Hamas staged a surprise attack that killed 1,400 people.",
    "China is ready to play a constructive role and defend international justice.",
    "Beijing denounced the US rejection of the resolution.",
]
pd.DataFrame(
    [(s, *ct.vader_scores(s)) for s in examples], columns=["sentence", "compound", "drivers"]
)

# %% [markdown]
# The first sentence is negative (only *violence* scores) although both actors argue *for* a
# ceasefire; the second gives the same −0.80 to Moscow, who blames, and to Washington, who is
# blamed; *surprise* counts as positive in an attack; *play* lifts the fourth; *denounced* is
# not in the lexicon. A mean of such scores per outlet is not the outlet's stance.

# %% [markdown]
# ### Who says what about whom
#
# `ct.stance_triples` builds holder → target claims from the quotes: the holder is the
# speaker, targets are actors mentioned in what they said. `basis = cue` means the verb itself
# carries the position (*denounced*, *commended*); `basis = tone` only borrows VADER's score
# of the quoted words, with all the problems above.

# %%
ct.print_sample_note(detail, corpus, "Holder-target pairs", by=BY)
triples = ct.stance_triples(detail, quotes_table=q)
triples["group"] = triples["doc_id"].map(group_of)
by_cue = triples[triples["basis"] == "cue"]
print(f"{len(triples):,} holder-target pairs, {len(by_cue):,} with a position-bearing verb.")
by_cue = by_cue[["group", "holder", "cue", "target", "polarity", "evidence"]]
by_cue.reset_index(drop=True).head(MAX_ROWS)  # rows 0, 1, ...: not labels of all pairs

# %% [markdown]
# Verb-based claims are few and readable; the tone-based rows are many more and often
# wrong: try `triples[triples["basis"] == "tone"]` and find one. A target named inside the
# object of the verb is caught as a target too: read the evidence column.

# %% [markdown] tags=["seeds-only"]
# On the seeds Beijing *denounced* the US rejection (against the United States; the UN
# Security Council is caught as a second target because it is named in the object), and
# Zhai *commended* Qatar (Palestine is caught the same way).

# %% [markdown]
# ## 5. Hand coding: do you agree with the dictionary?
#
# **Method.** Before trusting a dictionary, code a sample by hand and measure agreement
# (Grimmer & Stewart 2013). Krippendorff's α corrects agreement for chance and handles any
# number of coders and missing codes (Hayes & Krippendorff 2007):
#
# > **α = 1 − D_o / D_e** (observed over expected disagreement; α ≥ .800 to rely on the codes,
# > .667–.800 for tentative conclusions only)
#
# The sample below has 20 whole sentences, half of them drawn from sentences where the
# dictionary found a cue for `FRAME_FOR_CODING` and half from the rest. Which half is which
# is hidden until you have coded them.

# %%
sample = ct.frame_coding_sample(hits, detail, FRAME_FOR_CODING, n=20, seed=SEED)
print(f"frame: {FRAME_FOR_CODING}; {len(sample):,} sentences to code, in this order:")
ct.evidence_view(sample, text="sentence", columns=["doc_id", "sent_id"], max_rows=20)

# %%
frame_row = codebook[codebook["frame"] == FRAME_FOR_CODING]
if frame_row.empty:
    print(f"{FRAME_FOR_CODING!r} is not in the codebook.")
else:
    row = frame_row.iloc[0]
    print(f"{row['label']}: {row['definition']}\nThe coder's questions:")
    for question in str(row["questions"]).split(" | "):
        print(" -", question)

# %% [markdown]
# **Code now, before you run the next cells (about 10 minutes).** Read each sentence above
# against the coder's questions and decide: is the frame present in *this sentence* (1) or
# not (0)? Write your 20 codes, in the order shown, into `MY_CODES` below. Note the
# sentences where you hesitated: those are where two coders will disagree.

# %%
MY_CODES: list[int] = []  # your 20 codes, in the order of the sample: 1 = frame present, 0 = absent

# %% [markdown]
# ### The dictionary's answer

# %%
cue_words = (
    hits[hits["frame"] == FRAME_FOR_CODING]
    .groupby(["doc_id", "sent_id"])["cue"]
    .agg(", ".join)
    .rename("cues")
)
revealed = sample.merge(cue_words.reset_index(), on=["doc_id", "sent_id"], how="left").fillna(
    {"cues": ""}
)
if len(MY_CODES) == len(sample):
    revealed["you"] = MY_CODES
    print(
        ct.describe_agreement(
            MY_CODES, sample["dictionary"].tolist(), names=("You", "the dictionary")
        )
    )
else:
    print(
        f"MY_CODES has {len(MY_CODES)} codes for {len(sample)} sentences: code the sample above, then rerun this cell."
    )
revealed.drop(columns=["start", "end", "sentence"])

# %% [markdown]
# `dictionary = 1` means at least one cue word of the frame is in the sentence (`cues`).
# Read the sentences where you and the dictionary differ: a cue in a sentence about
# cooperation (*easing the tension*) is a false positive; a reproach without a cue word
# (*critical of*, *a violation of human rights*) is a miss.

# %% [markdown]
# How α behaves, on a worked example: two coders agree on 8 of 10 sentences (see
# `docs/methods.md`, "Agreement").

# %%
coder_1 = [1, 1, 0, 0, 0, 0, 0, 0, 0, 1]
coder_2 = [1, 0, 0, 0, 0, 0, 0, 0, 1, 1]
rare_1, rare_2 = [0] * 9 + [1], [0] * 8 + [1, 0]
print("common frame:", ct.describe_agreement(coder_1, coder_2))
print("rare frame:  ", ct.describe_agreement(rare_1, rare_2))

# %% [markdown]
# 80 % agreement gives α = 0.548 when the frame is common and α = −0.056 when it is rare:
# percent agreement hides chance agreement. With 20 sentences α itself is very uncertain.

# %% [markdown]
# ## 6. Supervised coding: learn the hand codes, then validate
#
# **Method.** A dictionary is a guess about which words signal a code; a *supervised
# coder* learns them from sentences people coded by hand, and can then code the rest of
# the corpus. The field's advice is to code a sample, check agreement, train, and
# *validate before applying* (Grimmer & Stewart 2013). `ct.train_coder` keeps the model
# plain so every step can be read: words weighted by TF-IDF (Salton & Buckley 1988), a
# regularised logistic regression, and stratified k-fold cross-validation that holds
# out each article whole (sentences of one article share words, so testing on a sentence
# whose neighbours were in training flatters the score). For each code it reports:
#
# > **precision** = of the sentences the coder gave this code, the share the humans gave it;
# > **recall** = of the sentences the humans gave this code, the share the coder found;
# > **F1** = their harmonic mean. Each comes with a 95 % bootstrap interval over articles.
#
# The codes come from `CODES` (a CSV with a `text` and a `label` column, one row per
# coded sentence; `ct.load_codes(None)` gives the shipped conflict codes of the seed
# sentences). Codes from another corpus teach the coder that corpus's words.

# %%
import warnings

codes = ct.load_codes(CODES)
if CODES is None and not ct.on_seed_corpus(CORPUS):
    print("These are the SHIPPED example codes, not codes of your corpus: the scores below")
    print("say how well a coder learns those sentences. Set CODES to a CSV of your own codes.\n")
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ct.CorpusToolsWarning)  # kept in coder.warnings, printed below
    coder = ct.train_coder(codes, label="label", seed=SEED)
print(ct.describe_coder(coder))
for note in coder.warnings:
    print("Note:", note)
coder.scores

# %% [markdown] tags=["seeds-only"]
# The shipped codes are one coder's reading of all 66 seed sentences for conflict (21
# coded conflict), with a note on each of the 16 sentences a second coder might decide
# differently (`corpus_tools/data/codes_conflict_seeds.csv`). One coder only, and not
# blind to the dictionary: they illustrate the workflow, they are not a gold standard.

# %%
coder.confusion

# %% [markdown]
# Rows are the hand codes, columns what the coder predicted for each sentence while that
# sentence's article was held out. The off-diagonal cells are its errors: read them
# below before trusting any share it produces.

# %% [markdown]
# ### How many codes are enough? The learning curve

# %%
coder.learning_curve

# %% [markdown]
# Each row trains on `n_per_class` codes of each class (a seeded subsample of the
# training folds; the last row uses all of them) and scores macro-F1 on the held-out
# article. `f1_min`/`f1_max` are the worst and best fold. A curve still rising at the last
# row says: code more. A flat curve at a low F1 says: more of the same codes will not
# help; the words do not carry the code.

# %% [markdown]
# ### A failure case: what a coder cannot learn from few codes
#
# The words the coder weighs most for each code (the model trained on all codes):

# %%
top = coder.top_words[coder.top_words["rank"] <= 8]
top.groupby("label")["term"].agg(", ".join).rename("top words").reset_index()

# %% [markdown]
# A coder learns the words that *happen to go with* a code in the sample, not the idea
# of the code. With a few dozen codes those include function words and the names of the
# actors in the coded stories: applied to another war or another country, they point the
# wrong way. The sentences it got wrong in cross-validation:

# %% [markdown] tags=["seeds-only"]
# On the seeds the conflict list is led by *has*, *against* and *as*, with *Iran* and
# *Ukraine*: *against* is a real signal of opposition, the others are accidents of 21
# sentences. The coder cannot learn a reproach written without a recurring word
# (*critical of*, *a violation of human rights*) or tell a casualty figure from a clash.

# %%
wrong = coder.predictions[~coder.predictions["correct"]].assign(doc_id=codes.get("doc_id"))
here = wrong[wrong["doc_id"].isin(corpus.doc_ids)]
print(
    f"{len(wrong):,} of {len(coder.predictions):,} codes misclassified when their article was held out; {len(here):,} of them are sentences of this corpus{':' if len(here) else '.'}"
)
ev_cols = ["doc_id", "coded", "predicted", "probability"]
ct.evidence_view(here, text="text", columns=ev_cols, max_rows=TOP_K * 2) if len(here) else None

# %% [markdown]
# ### Applying the coder to the corpus, next to the dictionary

# %%
ct.print_sample_note(detail, corpus, "Coder applied", by=BY)
applied = coder.apply(detail)
flags = (
    hits[hits["frame"] == FRAME_FOR_CODING][["doc_id", "sent_id"]]
    .drop_duplicates()
    .assign(dictionary=1)
)
applied = applied.merge(flags, on=["doc_id", "sent_id"], how="left").fillna({"dictionary": 0})
applied["dictionary"] = applied["dictionary"].astype(int)
applied["group"] = applied["doc_id"].map(group_of)
pd.crosstab(applied["label"], applied["dictionary"]).rename_axis(
    index="coder", columns=f"dictionary ({FRAME_FOR_CODING} cue)"
)

# %% [markdown]
# Each sentence of the corpus gets a code, its probability and the words that pushed it
# there (`words`). The cross-table shows how far the learned coder and the dictionary
# differ. Sentences the coder was trained on are coded in-sample here: for them the
# honest numbers are the cross-validated ones above.

# %% [markdown] tags=["seeds-only"]
# On the seeds every sentence was hand-coded and used for training, so this table is
# in-sample: it shows what the coder learned, not how well it would do on new articles.

# %%
shares = applied.groupby(["group", "label"]).size().unstack(fill_value=0)
shares["n_sentences"] = shares.sum(axis=1)
shares["dictionary_share"] = applied.groupby("group")["dictionary"].mean().round(3)
ct.largest_groups_first(shares, group_sizes).head(MAX_ROWS)

# %% [markdown]
# Per group: sentences per code according to the coder, and the share of sentences with
# a dictionary cue. Where the two disagree, read the sentences:

# %%
differ = applied[(applied["label"] == FRAME_FOR_CODING) != (applied["dictionary"] == 1)]
print(
    f"{len(differ):,} of {len(applied):,} sentences: the coder and the dictionary disagree about {FRAME_FOR_CODING!r}."
)
ct.evidence_view(
    differ,
    text="text",
    columns=["doc_id", "sent_id", "label", "dictionary", "words"],
    max_rows=TOP_K * 2,
)

# %% [markdown]
# How good can such a coder get with more codes? On 2,095 BBC News articles with five topic
# labels (a public dataset; `benchmarks/bench_coding.py`, a quarter of the articles held
# out and never used for any choice) the same coder reaches a held-out macro-F1 of 0.97
# with all 1,572 training articles, 0.92 with 10 articles per topic and 0.74 with 2; coding
# single sentences by their article's topic, 0.80. Topic is an easy code (section words
# give it away); frames and stance are harder, so measure your own coder on codes it did
# not see.

# %% [markdown]
# ## Limitations and validity
#
# - **Small n.** With one or a few articles per group, every comparison here is between
#   single articles, possibly about different events. Nothing then generalises to the
#   outlets.
# - **Rules, measured on few examples.** Quote extraction was checked on 36 in-sample quotes, 37
#   written hard cases and 12 held-out sentences; it misses attributions in separate lines, speech acts without a clause
#   (*Hamas described its attack as …*), and gives a nested quote to the outer speaker.
# - **Dictionaries approximate.** Frame cues and hedges are word lists: polysemy (*attack*,
#   *May*), negation and topic all leak in. Validate with hand coding before any claim.
# - **A supervised coder inherits its codes.** It learns the words that went with the
#   codes in its sample, one coder's judgement included; its cross-validated F1 is the
#   most it can be trusted, on texts like those it learned from.
# - **Tone is not stance.** VADER was built for social media; it misreads news vocabulary and
#   gives one sentence's tone to every actor in it.
# - **Whose voices are missing.** Read the voice table: a corpus of official statements
#   quotes officials. A method that counts quotes can show an absence; it cannot fill it.

# %% [markdown] tags=["seeds-only"]
# On the seeds: five articles, one per outlet, two events (2023 and 2020), English-language
# editions only; every quoted voice is an official, the only Palestinian source is "Gaza
# authorities" (for casualty figures), and no Israeli or civilian voice is quoted.

# %% [markdown]
# ## Your turn
#
# Five exercises of rising difficulty; solutions are in `solutions/03_stance_and_framing.ipynb`.
#
# **1. Two coders.** Pair up: both of you code the 20 sentences of `sample` without
# talking (or use `MY_CODES` and the shipped codes, `ct.load_codes()`, as the second
# coder). Compute `ct.krippendorff_alpha([codes_a, codes_b])` and
# `ct.describe_agreement(codes_a, codes_b)`, list the sentences where you differ, and for
# each say which coder's question you read differently. Expected: α, a short list of
# sentences with `doc_id`, `sent_id`, and one sentence per disagreement.

# %%
# 1. two coders: codes_a = [...]; codes_b = [...]

# %% [markdown]
# **2. Direct quotes only.** Repeat the *who is given a voice* table with direct quotes only
# (`speech[speech["direct"]]`). Expected: a table `group, speaker_canonical, n_quotes`; does
# any group's top speaker change?

# %%
# 2. direct quotes only

# %% [markdown]
# **3. Your own cue list.** Write a codebook YAML with one frame of your own (a name and
# three or four cue words you expect in this corpus), load it with `ct.load_codebook(path)`
# and compute `ct.frame_summary(..., by=BY)`. Expected: one row per group with
# `sentence_share`.

# %% [markdown] tags=["seeds-only"]
# On the seeds the solution's frame is `humanitarian`, cues `aid`, `humanitarian`, `ceasefire`.

# %%
# 3. your own codebook

# %% [markdown]
# **4. Sentiment vs stance.** Pick the most negative sentence for one of the `targets` in
# `tone.sentences` and decide by reading it whether the sentence is *against* that target.
# Expected: a short written answer citing `doc_id` and offsets.

# %% [markdown] tags=["seeds-only"]
# On the seeds the solution reads the most negative sentence for `Israel`.

# %%
# 4. sentiment vs stance

# %% [markdown]
# **5. A coder from 20 codes.** Train a coder on your 20 codes of the sample only:
# `ct.train_coder(sample.assign(label=MY_CODES), text="sentence", seed=SEED)`. Read its
# warning, its interval and its learning curve, then apply it to the corpus. Expected:
# a macro-F1 with an interval; one paragraph on why 20 codes are not enough to code a
# corpus.

# %%
# 5. a coder from 20 codes

# %% [markdown]
# ## References
#
# - Bergler, S. (1992). *The Evidential Analysis of Reported Speech*. PhD thesis, Brandeis University.
# - Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014). Tracking the
#   development of media frames within and across policy issues. Policy Frames Codebook, Carnegie
#   Mellon University.
# - Boukes, M., van de Velde, B., Araujo, T., & Vliegenthart, R. (2020). What's the tone? Easy
#   doesn't do it. *Communication Methods and Measures*, 14(2), 83–104.
# - Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall.
# - Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. *Journal of
#   Communication*, 43(4), 51–58.
# - Grimmer, J., & Stewart, B. M. (2013). Text as data: The promise and pitfalls of automatic
#   content analysis methods for political texts. *Political Analysis*, 21(3), 267–297.
# - Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability measure
#   for coding data. *Communication Methods and Measures*, 1(1), 77–89.
# - Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment analysis
#   of social media text. *ICWSM-14*.
# - Hyland, K. (1998). *Hedging in Scientific Research Articles*. John Benjamins.
# - Krestel, R., Bergler, S., & Witte, R. (2008). Minding the source: Automatic tagging of reported
#   speech in newspaper articles. *LREC 2008*.
# - Krippendorff, K. (2018). *Content Analysis: An Introduction to Its Methodology* (4th ed.). SAGE.
# - Mohammad, S. M., Kiritchenko, S., Sobhani, P., Zhu, X., & Cherry, C. (2016). SemEval-2016 Task 6:
#   Detecting stance in tweets. *SemEval-2016*, 31–41.
# - Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic models for analyzing
#   and detecting biased language. *ACL 2013*, 1650–1659.
# - Salton, G., & Buckley, C. (1988). Term-weighting approaches in automatic text retrieval.
#   *Information Processing & Management*, 24(5), 513–523.
# - Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content analysis of
#   press and television news. *Journal of Communication*, 50(2), 93–109.
# - van Atteveldt, W., Sheafer, T., Shenhav, S. R., & Fogel-Dror, Y. (2017). Clause analysis: Using
#   syntactic information to automatically extract source, subject, and predicate from texts with
#   an application to the 2008–2009 Gaza War. *Political Analysis*, 25(2), 207–222.

# %% [markdown] tags=["seeds-only"]
# Data (default corpus): five news articles scraped in 2020 and 2023 (The Straits Times, South
# China Morning Post, TASS, a blog, an unidentified news site), shipped in `seeds/` with
# `metadata.csv`.
