# %% [markdown]
# # 03 · Solutions: stance and framing
#
# Worked solutions for the "Your turn" exercises of `03_stance_and_framing.ipynb`. Run the
# setup and parameters cells first.

# %%
import pandas as pd

import corpus_tools as ct
from corpus_tools import plots

ct.setup_notebook()

# %% tags=["parameters"]
CORPUS = "../../seeds"  # folder or file to analyse (this notebook lives in solutions/)
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

# %%
corpus = ct.load_corpus(CORPUS)
group_of = corpus.group_labels(BY).to_dict()
q = ct.quotes(corpus)
q["group"] = q["doc_id"].map(group_of)
speech = q[q["kind"] != "scare"]
hits = ct.frames(corpus)

# %% [markdown]
# ## 1. Two coders
#
# The second coder here is the project's own hand coding of every seed sentence for
# conflict (`ct.load_codes()`): written by reading each whole sentence against the
# codebook questions, one coder, with a note on each decision another coder might make
# differently. The rule the coder applied: *conflict* when the sentence sets parties
# against each other (disagreement, reproach, blame, sides, one party acting against
# another); *no conflict* for cooperation, a party's own position, casualty figures and
# datelines. Replace `codes_a` with your own `MY_CODES` to compare yourself with it.

# %%
sample = ct.frame_coding_sample(hits, corpus, FRAME_FOR_CODING, n=20, seed=SEED)
shipped = ct.load_codes()
coded = sample.merge(
    shipped[["doc_id", "sent_id", "label", "note"]], on=["doc_id", "sent_id"], how="left"
)
if coded["label"].isna().any():
    print("The shipped codes cover the seed sentences only: code this sample yourself.")
codes_a = (coded["label"] == "conflict").astype(int).tolist()
print(
    ct.describe_agreement(
        codes_a, sample["dictionary"].tolist(), names=("The hand coder", "the dictionary")
    )
)
pd.crosstab(pd.Series(codes_a, name="hand code"), sample["dictionary"].rename("dictionary"))

# %% [markdown] tags=["seeds-only"]
# On the seeds the hand coder and the dictionary disagree on 8 of 20 sentences. Six are
# dictionary cues in sentences about talks, cooperation or a shared call for calm (*hostilities*,
# *escalation*, *easing the tension*): conflict *vocabulary*, not a conflict *frame*. Two
# are reproaches with no cue word (Russia as *broker between Israel and Hamas*; the ICC
# *allegations* against Putin).

# %%
notes = coded.assign(hand=codes_a)[["doc_id", "sent_id", "hand", "dictionary", "note", "sentence"]]
differ = notes[notes["hand"] != notes["dictionary"]]
ct.evidence_view(
    differ, text="sentence", columns=["doc_id", "sent_id", "hand", "dictionary", "note"]
)

# %% [markdown]
# The coder's note says why each sentence was coded as it was. Now the disagreement
# between two *people*: the notes mark the sentences the coder found disputed. A second
# coder who decided every disputed sentence the other way gives the lowest agreement the
# notes allow:

# %%
disputed = coded["note"].fillna("").str.startswith("disputed").tolist()
codes_b = [1 - c if d else c for c, d in zip(codes_a, disputed, strict=True)]
print(f"{sum(disputed)} of {len(coded)} sentences are marked disputed.")
print(
    ct.describe_agreement(
        codes_a,
        codes_b,
        names=("Coder A", "a coder B who reads every disputed sentence the other way"),
    )
)
print("alpha:", round(ct.krippendorff_alpha([codes_a, codes_b]), 3))

# %% [markdown]
# Disagreement concentrates where the codebook questions leave room: is a war named as
# background "two sides"? Is a casualty figure a clash? Is *frankly exchanged views* a
# disagreement? Write the decision into the codebook (a coding rule per case) and code
# again: that, not more coders, is what raises α.

# %% [markdown]
# ## 2. Direct quotes only

# %%
direct = speech[speech["direct"]]
top = direct.groupby(["group", "speaker_canonical"]).size().rename("n_quotes").reset_index()
top.sort_values(
    ["group", "n_quotes", "speaker_canonical"], ascending=[True, False, True], kind="mergesort"
).groupby("group").head(TOP_K).reset_index(drop=True)

# %% [markdown] tags=["seeds-only"]
# On the seeds the top speakers of the blog, the news site and SCMP stay the same. The
# Straits Times keeps only one direct quote (the foreign ministry statement), so its top
# speaker changes from Russia (paraphrased three times) to the foreign ministry: most of its
# voices are paraphrased.

# %% [markdown]
# ## 3. Your own codebook

# %%
import tempfile
from pathlib import Path

yml = "meta: {name: mine, version: 1}\nframes:\n  humanitarian:\n    cues: [aid, humanitarian, ceasefire]\n"
path = Path(tempfile.mkdtemp()) / "my_frames.yml"
path.write_text(yml, encoding="utf-8")
mine = ct.load_codebook(path)
ct.frame_summary(ct.frames(corpus, codebook=mine), corpus, by=BY, codebook=mine)[
    ["group", "hits", "sentences_with_frame", "n_sentences", "sentence_share"]
]

# %% [markdown] tags=["seeds-only"]
# Three words already separate the articles about the Security Council draft and aid access
# from those without. Read `ct.frames(corpus, codebook=mine)` rows before drawing anything
# from it.

# %% [markdown]
# ## 4. Sentiment vs stance

# %%
tone = ct.target_sentiment(corpus, ["Israel"], by=BY, n_boot=N_BOOT, seed=SEED)
worst = tone.sentences.sort_values(["compound", "doc_id", "sent_id"], kind="mergesort").head(1)
worst[["doc_id", "start", "end", "compound", "drivers", "evidence"]]

# %% [markdown] tags=["seeds-only"]
# On the seeds the most negative sentence mentioning Israel is about Hamas's assault
# (*assault*, *killed*, *crisis*): Israel is the party attacked, and the sentence is negative
# because of the violence it describes, not because it takes a position against Israel.
# Whether the outlet is "against" anyone cannot be read off this score.

# %% [markdown]
# ## 5. A coder from 20 codes

# %%
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", ct.CorpusToolsWarning)  # the same notes are in small.warnings
    small = ct.train_coder(sample.assign(label=codes_a), text="sentence", seed=SEED)
print(ct.describe_coder(small))
for note in small.warnings:
    print("Note:", note)
small.scores

# %%
small.learning_curve

# %% [markdown]
# With 20 codes (a handful of them positive) the coder finds few of the frame's sentences:
# the recall of the positive code is low and its interval wide, and the learning curve
# does not rise, because a few examples share almost no words. Twenty codes are enough to
# *check* a dictionary with α; to *train* a coder, code a few hundred sentences (at least
# 20 of each code, more for a rare frame), then validate on codes it never saw.
