"""Supervised coding: learn hand codes, say how well, apply them with evidence.

A dictionary guesses a code from cue words; a *coder* learns it from
sentences (or documents) people coded by hand. The workflow the literature
asks for is: code a sample, check agreement, train, validate, and only then
apply to the corpus (Grimmer & Stewart 2013). :func:`train_coder` does the
last three steps with a deliberately plain model, so every decision can be
read:

* words weighted by TF-IDF (sublinear term frequency, unigrams by default;
  Salton & Buckley 1988), fitted on the training part only;
* an L2-regularised logistic regression (``C=1``, classes weighted to
  balance them), scikit-learn's ``lbfgs`` solver: no randomness in fitting;
* stratified k-fold cross-validation (``k=5``, shuffled with ``seed``) for
  per-class precision, recall and F1, a confusion table and the
  out-of-fold prediction of every code;
* 95 % percentile intervals for F1 from a seeded bootstrap over the coded
  units (B = 1,000), and a learning curve (macro-F1 on the held-out fold
  after training on 2, 5, 10, 20, 50, ... codes per class).

Nothing is downloaded; the same codes and seed give the same numbers.

With fewer than 20 codes in a class the scores are rough: the function
warns (:class:`~corpus_tools.errors.CorpusToolsWarning`) and the intervals
say how rough. The bootstrap resamples the coded units only, not the model,
so the intervals are if anything too narrow.

When the coded table has a ``doc_id`` column (``group=``), the folds keep
each document's units together (stratified group k-fold) and the intervals
resample whole documents: sentences of one article share words and a
coder, so testing on a sentence whose article was in training flatters the
scores.

A coder learns the words that go with a code in *these* codes: it cannot
learn a code from a handful of examples, it cannot learn what the coders
disagree on, and words it never saw count for nothing. It inherits the
coders' bias, and a topic word that happens to go with a code in the sample
is learned as if it were the code. Validate it on codes it did not see
before applying it (Grimmer & Stewart 2013).

References
----------
Grimmer, J., & Stewart, B. M. (2013). Text as data. *Political Analysis*
21(3). Salton, G., & Buckley, C. (1988). Term-weighting approaches in
automatic text retrieval. *Information Processing & Management* 24(5).
"""

from __future__ import annotations

import csv
import functools
import io
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from .corpus import Corpus
from .errors import (
    CorpusToolsWarning,
    CorpusValueError,
    DataFileError,
    check_whole,
    invalid_option,
)
from .languages import main_language

__all__ = [
    "Coder",
    "CoderEvaluation",
    "train_coder",
    "load_codes",
    "describe_coder",
    "describe_agreement",
]

SMALL_N = 20
"""Codes per class below which :func:`train_coder` warns that its scores are rough."""

_CURVE_SIZES = (2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
_N_BOOT = 1000
_TEXT_NAMES = ("text", "sentence")
_ID_COLUMNS = ("doc_id", "sent_id", "start", "end")
_SEEDS_CODES = "codes_conflict_seeds.csv"


class CoderEvaluation(NamedTuple):
    """Scores of a :class:`Coder` on labelled data: ``scores`` and ``confusion`` tables."""

    scores: pd.DataFrame
    confusion: pd.DataFrame


def _text_column(table: pd.DataFrame, text: str | None, what: str) -> str:
    if text is not None:
        if text not in table.columns:
            raise CorpusValueError(
                f"{what} has no column {text!r}; its columns are {list(table.columns)}. "
                "Pass text= the column holding the coded sentences or documents."
            )
        return text
    for name in _TEXT_NAMES:
        if name in table.columns:
            return name
    raise CorpusValueError(
        f"{what} has no 'text' or 'sentence' column; its columns are {list(table.columns)}. "
        "Pass text= the column holding the coded sentences or documents."
    )


def _rows(mask: np.ndarray, limit: int = 5) -> str:
    idx = np.flatnonzero(mask)
    shown = ", ".join(str(int(i)) for i in idx[:limit])
    return shown + (f" and {len(idx) - limit} more" if len(idx) > limit else "")


def _vectorizer(ngram_range: tuple[int, int], min_df: int, *, analyzed: bool = False) -> Any:
    """The TF-IDF features; ``analyzed=True`` takes the word lists of :func:`_analyzed` instead
    of texts (the same matrix: the words are those this vectorizer's analyzer gives)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        lowercase=True,
        strip_accents="unicode",
        sublinear_tf=True,
        # analysed units hold their n-grams already; scikit-learn warns if given a range too
        ngram_range=(1, 1) if analyzed else ngram_range,
        min_df=min_df,
        token_pattern=None if analyzed else r"(?u)\b\w[\w'’]*\b",
        dtype=np.float64,
        **({"analyzer": _given_words} if analyzed else {}),
    )


def _given_words(words: list[str]) -> list[str]:
    """The analyzer of already analyzed units: their word list as it is."""
    return words


def _analyzed(texts: Sequence[str], ngram_range: tuple[int, int]) -> np.ndarray:
    """Each text's words (and n-grams) as the vectorizer reads them, computed once.

    Cross-validation and the learning curve fit up to 46 models on subsets of
    the same texts; analysing each text once (accent stripping is most of it)
    instead of per fit took train_coder on 1,543 Spanish articles from 68.7 to
    44.5 CPU s, with identical models.
    """
    analyze = _vectorizer(ngram_range, 1).build_analyzer()
    out = np.empty(len(texts), dtype=object)
    out[:] = [analyze(t) for t in texts]
    return out


def _model(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="lbfgs")


def _fit(
    texts: Sequence[Any],
    y: np.ndarray,
    ngram_range: tuple[int, int],
    min_df: int,
    c: float,
    *,
    analyzed: bool = False,
) -> tuple[Any, Any]:
    vec = _vectorizer(ngram_range, min_df, analyzed=analyzed)
    x = vec.fit_transform(texts)
    model = _model(c)
    model.fit(x, y)
    return vec, model


def _weights(model: Any, n_classes: int) -> np.ndarray:
    """One weight row per class (binary models store one row: the second class)."""
    w = np.asarray(model.coef_, dtype=float)
    if n_classes == 2 and w.shape[0] == 1:
        return np.vstack([-w[0], w[0]])
    return w


def _prf(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """precision, recall, f1, support per class (rows) from integer labels."""
    cm = np.bincount(y_true * n_classes + y_pred, minlength=n_classes * n_classes).reshape(
        n_classes, n_classes
    )
    return _prf_from_confusion(cm)


def _prf_from_confusion(cm: np.ndarray) -> np.ndarray:
    tp = np.diag(cm).astype(float)
    pred = cm.sum(axis=0).astype(float)
    true = cm.sum(axis=1).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(pred > 0, tp / np.where(pred > 0, pred, 1), 0.0)
        r = np.where(true > 0, tp / np.where(true > 0, true, 1), 0.0)
        f = np.where(p + r > 0, 2 * p * r / np.where(p + r > 0, p + r, 1), 0.0)
    return np.column_stack([p, r, f, true])


def _boot_f1(cm: np.ndarray) -> np.ndarray:
    """F1 per class of one resample; NaN for a class the resample does not contain."""
    f1 = _prf_from_confusion(cm)[:, 2]
    return np.where(cm.sum(axis=1) > 0, f1, np.nan)


def _scores_table(
    classes: list[Any],
    y_true: np.ndarray,
    y_pred: np.ndarray,
    seed: int,
    groups: np.ndarray | None = None,
    n_boot: int = _N_BOOT,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    k = len(classes)
    cm = np.bincount(y_true * k + y_pred, minlength=k * k).reshape(k, k)
    prf = _prf_from_confusion(cm)
    rng = np.random.default_rng(seed)
    n = len(y_true)
    pair = y_true * k + y_pred
    boot_f1 = np.empty((n_boot, k))
    if groups is None:
        # bootstrap over coded units: resample (true, predicted) pairs
        for b in range(n_boot):
            draw = pair[rng.integers(0, n, n)]
            cmb = np.bincount(draw, minlength=k * k).reshape(k, k)
            boot_f1[b] = _boot_f1(cmb)
    else:
        # cluster bootstrap: resample whole documents (their units are not independent)
        codes, gid = np.unique(groups, return_inverse=True)
        per_group = np.zeros((len(codes), k * k))
        np.add.at(per_group, (gid, pair), 1.0)
        for b in range(n_boot):
            draw = np.bincount(rng.integers(0, len(codes), len(codes)), minlength=len(codes))
            cmb = (draw @ per_group).reshape(k, k).astype(np.int64)
            boot_f1[b] = _boot_f1(cmb)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a class absent from every resample
        boot_macro = np.nanmean(boot_f1, axis=1)
        lo = np.nanpercentile(boot_f1, 2.5, axis=0)
        hi = np.nanpercentile(boot_f1, 97.5, axis=0)
    rows = []
    for i, c in enumerate(classes):
        rows.append(
            {
                "label": c,
                "n_codes": int(prf[i, 3]),
                "precision": round(float(prf[i, 0]), 3),
                "recall": round(float(prf[i, 1]), 3),
                "f1": round(float(prf[i, 2]), 3),
                "f1_low": round(float(lo[i]), 3),
                "f1_high": round(float(hi[i]), 3),
            }
        )
    rows.append(
        {
            "label": "(macro average)",
            "n_codes": int(n),
            "precision": round(float(prf[:, 0].mean()), 3),
            "recall": round(float(prf[:, 1].mean()), 3),
            "f1": round(float(prf[:, 2].mean()), 3),
            "f1_low": round(float(np.percentile(boot_macro, 2.5)), 3),
            "f1_high": round(float(np.percentile(boot_macro, 97.5)), 3),
        }
    )
    scores = pd.DataFrame(rows)
    scores["label"] = scores["label"].astype(object)
    names = [str(c) for c in classes]
    confusion = pd.DataFrame(
        cm.astype("int64"),
        index=pd.Index(names, name="coded"),
        columns=pd.Index(names, name="predicted"),
    )
    return scores, confusion


@dataclass(repr=False)
class Coder:
    """A trained supervised coder and its validation (returned by :func:`train_coder`).

    Attributes
    ----------
    label, text : str
        Columns of the coded table the coder was trained on.
    unit : {"sentence", "document"}
        What one code labels; :meth:`apply` on a corpus codes this unit.
    classes : list
        The codes, sorted.
    k : int
        Folds of the stratified cross-validation actually used.
    group : str or None
        Column whose values the folds kept together (``None``: units split
        independently).
    seed : int
        Seed of the fold shuffle, the learning-curve subsamples and the bootstrap.
    scores : pandas.DataFrame
        ``label, n_codes, precision, recall, f1, f1_low, f1_high``: one row
        per class from the out-of-fold predictions, then a
        ``(macro average)`` row (unweighted mean over classes). ``f1_low`` /
        ``f1_high`` are a 95 % bootstrap interval over coded units (over
        whole groups when ``group`` is set).
    confusion : pandas.DataFrame
        Codes (rows, ``coded``) against out-of-fold predictions (columns,
        ``predicted``), counts.
    predictions : pandas.DataFrame
        One row per code, in input order: ``row`` (position in the coded
        table), ``coded``, ``predicted``, ``probability`` (of the predicted
        code), ``correct``, ``fold`` (the fold it was held out in), ``text``. Each was predicted by a model that did
        not see it.
    top_words : pandas.DataFrame
        ``label, rank, term, weight, n_codes`` (coded units containing the
        term): the ten heaviest positive weights per class of the model
        trained on all codes.
    learning_curve : pandas.DataFrame
        ``n_per_class, n_codes, macro_f1, f1_min, f1_max, folds``: macro-F1
        on the held-out fold after training on ``n_per_class`` codes of each
        class (a seeded subsample of the training folds; mean, min and max
        over folds). The last row (``n_per_class`` missing) trains on every
        code of the training folds.
    warnings : list of str
        Small-n statements, also issued as ``CorpusToolsWarning``.
    language : str or None
        The language most coded texts are in (:func:`~corpus_tools.languages.main_language`
        of the training texts; ``None``: mixed or unclear). :meth:`apply` says when the
        texts it codes are mostly in another one.
    """

    label: str
    text: str
    unit: str
    classes: list[Any]
    k: int
    group: str | None
    seed: int
    scores: pd.DataFrame
    confusion: pd.DataFrame
    predictions: pd.DataFrame
    top_words: pd.DataFrame
    learning_curve: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    language: str | None = None
    _vectorizer: Any = None
    _model: Any = None
    _ngram_range: tuple[int, int] = (1, 1)
    _min_df: int = 1
    _c: float = 1.0

    def __repr__(self) -> str:
        macro = self.scores.iloc[-1]
        return (
            f"Coder({self.unit}s, {len(self.classes)} codes {self.classes!r}, "
            f"{int(macro['n_codes'])} coded units, {self.k}-fold macro-F1 {macro['f1']:.3f} "
            f"[{macro['f1_low']:.3f}, {macro['f1_high']:.3f}])"
        )

    # ------------------------------------------------------------ apply
    def _evidence(self, x: Any, pred: np.ndarray, terms: np.ndarray, top: int) -> list[str]:
        """The ``top`` words pushing each row toward its predicted code, with weights."""
        w = _weights(self._model, len(self.classes))
        x = x.tocsr()
        indptr, indices, data = x.indptr, x.indices, x.data
        rows_of_nnz = np.repeat(np.arange(x.shape[0]), np.diff(indptr))
        contrib = data * w[pred[rows_of_nnz], indices]
        out: list[str] = []
        for i in range(x.shape[0]):
            a, b = indptr[i], indptr[i + 1]
            c = contrib[a:b]
            if not len(c):
                out.append("")
                continue
            idx = indices[a:b]
            order = np.lexsort((terms[idx], -c))[:top]
            out.append("; ".join(f"{terms[idx[j]]} ({c[j]:+.2f})" for j in order if c[j] > 0))
        return out

    def _predict(self, texts: Sequence[str]) -> tuple[Any, np.ndarray, np.ndarray]:
        x = self._vectorizer.transform(texts)
        proba = self._model.predict_proba(x)
        pred = proba.argmax(axis=1)
        return x, pred, proba[np.arange(len(pred)), pred]

    def language_note(self, coded_language: str | None, x: Any = None) -> str | None:
        """What coding texts mostly in ``coded_language`` means for a coder trained on
        texts in :attr:`language`: ``None`` when they are the same or either is unknown.
        ``x`` (the texts' term matrix) counts the units with no word the coder knows.

        >>> Coder.__new__(Coder).language_note("ar") is None  # no training language
        True
        """
        trained = getattr(self, "language", None)
        if trained is None or coded_language is None or coded_language == trained:
            return None
        unknown = ""
        if x is not None and x.shape[0]:
            none = int((x.getnnz(axis=1) == 0).sum())
            verb = "has" if none == 1 else "have"
            if none:
                unknown = f" {none:,} of {x.shape[0]:,} {self.unit}s {verb} no word it learned, and"
        return (
            f"Coder.apply: the texts coded are mostly in {coded_language!r} and the coder was "
            f"trained on texts in {trained!r}:{unknown} the codes come from the few tokens "
            "the languages share (names, numbers, Latin words), not from what the texts say. "
            "Train a coder on hand codes in the texts' language (ct.train_coder), or apply "
            f"this one to the {trained!r} texts only (corpus.subset(...))."
        )

    def _warn_language(
        self, out: pd.DataFrame, coded_language: str | None, x: Any, stacklevel: int = 3
    ) -> None:
        note = self.language_note(coded_language, x)
        if note is not None:
            out.attrs["language_note"] = note
            warnings.warn(note, CorpusToolsWarning, stacklevel=stacklevel)

    def apply(
        self,
        data: Corpus | pd.DataFrame,
        *,
        text: str | None = None,
        top_words: int = 3,
    ) -> pd.DataFrame:
        """Code every sentence (or document) with a probability and the words behind it.

        Parameters
        ----------
        data : Corpus or pandas.DataFrame
            A corpus: its sentences are coded when the coder was trained on
            sentences, its documents when trained on documents. A table: each
            row is coded from its ``text`` column.
        text : str, optional
            Text column of a table (default: the training column, else
            ``text`` or ``sentence``).
        top_words : int, default 3
            Words listed per row in ``words``.

        Returns
        -------
        pandas.DataFrame
            ``doc_id, sent_id, start, end`` (those present; from a corpus
            always), ``label`` (predicted code), ``probability`` (of that
            code, rounded to 3 decimals), ``words`` (``term (+weight)``: the
            words of the unit that push it most toward its code; TF-IDF value
            times the model weight) and ``text`` (the sentence). For
            documents, ``sent_id, start, end, words, text`` point to the
            document's sentence that, coded alone, scores highest for the
            document's code: the evidence to read. Input order.

        Notes
        -----
        Codes applied to the units the coder was trained on are in-sample:
        read ``coder.predictions`` (out-of-fold) for those. When the texts
        are mostly in another language than the coded texts the coder was
        trained on (:attr:`language`), it warns (``CorpusToolsWarning``,
        also in ``attrs["language_note"]`` of the result; see
        :meth:`language_note`).
        """
        if top_words < 1:
            raise CorpusValueError(f"top_words must be >= 1, got {top_words}.")
        terms = np.asarray(self._vectorizer.get_feature_names_out(), dtype=object)
        classes = np.asarray(self.classes, dtype=object)
        if isinstance(data, Corpus):
            sents = data.sentences()
            if self.unit == "sentence":
                table = sents[["doc_id", "sent_id", "start", "end", "text"]].reset_index(drop=True)
                col = "text"
            else:
                return self._apply_documents(data, sents, terms, classes, top_words)
        elif isinstance(data, pd.DataFrame):
            col = _text_column(
                data, text or (self.text if self.text in data.columns else None), "the table"
            )
            keep = [c for c in _ID_COLUMNS if c in data.columns]
            table = data[[*keep, col]].reset_index(drop=True)
        else:
            raise CorpusValueError(
                f"apply() takes a Corpus or a DataFrame, got {type(data).__name__}."
            )
        texts = table[col].fillna("").astype(str).tolist()
        out = table.drop(columns=[col]).copy()
        if not texts:
            for c, dtype in (("label", object), ("probability", float), ("words", object)):
                out[c] = pd.Series(dtype=dtype)
            out["text"] = pd.Series(dtype=object)
            return out
        x, pred, prob = self._predict(texts)
        out["label"] = classes[pred]
        out["probability"] = np.round(prob, 3)
        out["words"] = self._evidence(x, pred, terms, top_words)
        out["text"] = texts
        language = main_language(data) if isinstance(data, Corpus) else main_language(texts)
        self._warn_language(out, language, x)
        return out

    def _apply_documents(
        self,
        corpus: Corpus,
        sents: pd.DataFrame,
        terms: np.ndarray,
        classes: np.ndarray,
        top_words: int,
    ) -> pd.DataFrame:
        cols = ["doc_id", "sent_id", "start", "end", "label", "probability", "words", "text"]
        docs = list(iter(corpus))
        if not docs:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
        doc_ids = [d for d, _ in docs]
        dx, dpred, dprob = self._predict([t for _, t in docs])
        pred_of = dict(zip(doc_ids, dpred.tolist(), strict=True))
        s = sents[["doc_id", "sent_id", "start", "end", "text"]].reset_index(drop=True)
        rows: dict[str, list[Any]] = {c: [] for c in cols}
        best: dict[str, tuple[float, int]] = {}
        if len(s):
            sx = self._vectorizer.transform(s["text"].astype(str).tolist())
            sprob = self._model.predict_proba(sx)
            target = np.asarray([pred_of[d] for d in s["doc_id"]])
            p_target = sprob[np.arange(len(s)), target]
            for i, (d, p) in enumerate(zip(s["doc_id"].tolist(), p_target.tolist(), strict=True)):
                if d not in best or p > best[d][0]:
                    best[d] = (p, i)
            picks = sorted(i for _, i in best.values())
            words = self._evidence(sx[picks], target[picks], terms, top_words)
            word_of = dict(zip(picks, words, strict=True))
        for d, p, pr in zip(doc_ids, dpred.tolist(), dprob.tolist(), strict=True):
            rows["doc_id"].append(d)
            rows["label"].append(classes[p])
            rows["probability"].append(round(float(pr), 3))
            if d in best:
                i = best[d][1]
                r = s.iloc[i]
                rows["sent_id"].append(int(r["sent_id"]))
                rows["start"].append(int(r["start"]))
                rows["end"].append(int(r["end"]))
                rows["words"].append(word_of[i])
                rows["text"].append(str(r["text"]))
            else:
                rows["sent_id"].append(-1)
                rows["start"].append(0)
                rows["end"].append(0)
                rows["words"].append("")
                rows["text"].append("")
        out = pd.DataFrame(rows, columns=cols)
        for c in ("sent_id", "start", "end"):
            out[c] = out[c].astype("int64")
        for c in ("doc_id", "label", "words", "text"):
            out[c] = out[c].astype(object)
        self._warn_language(out, main_language(corpus), dx, stacklevel=4)
        return out

    # --------------------------------------------------------- evaluate
    def evaluate(
        self, coded: pd.DataFrame, *, label: str | None = None, text: str | None = None
    ) -> CoderEvaluation:
        """Score the coder on labelled data it was not trained on (a held-out set).

        Returns
        -------
        CoderEvaluation
            ``scores`` (same columns as :attr:`scores`, the interval from a
            bootstrap over the held-out units) and ``confusion``.
        """
        label = label or self.label
        if label not in coded.columns:
            raise CorpusValueError(
                f"the held-out table has no column {label!r}; its columns are "
                f"{list(coded.columns)}."
            )
        col = _text_column(
            coded, text or (self.text if self.text in coded.columns else None), "the held-out table"
        )
        known = coded[label].isin(self.classes)
        if not known.all():
            unknown = sorted({str(v) for v in coded.loc[~known, label]})
            raise CorpusValueError(
                f"the held-out table has codes the coder never saw: {unknown}; "
                f"the coder knows {self.classes!r}."
            )
        index = {c: i for i, c in enumerate(self.classes)}
        y = np.asarray([index[v] for v in coded[label]], dtype=np.int64)
        _, pred, _ = self._predict(coded[col].fillna("").astype(str).tolist())
        groups = (
            coded[self.group].astype(str).to_numpy()
            if self.group is not None and self.group in coded.columns
            else None
        )
        scores, confusion = _scores_table(self.classes, y, pred.astype(np.int64), self.seed, groups)
        return CoderEvaluation(scores, confusion)


def _learning_curve(
    words: np.ndarray,
    y: np.ndarray,
    folds: list[tuple[np.ndarray, np.ndarray]],
    n_classes: int,
    seed: int,
    opts: _FitOptions,
    full_f1: list[float],
) -> pd.DataFrame:
    """Macro-F1 per fold of models trained on nested subsamples of each training fold.

    ``words`` are the units' analyzed words (:func:`_analyzed`); the last row (every
    training code) takes ``full_f1``, the folds' scores of the cross-validation
    models, which are the same models.
    """
    rng = np.random.default_rng(seed)
    # one shuffled order per fold and class; a size takes a prefix (nested subsamples)
    orders = []
    smallest = None
    for train, _ in folds:
        per = [rng.permutation(train[y[train] == k]) for k in range(n_classes)]
        orders.append(per)
        m = min(len(p) for p in per)
        smallest = m if smallest is None else min(smallest, m)
    sizes = [s for s in _CURVE_SIZES if s < (smallest or 0)]
    rows = []
    for size in [*sizes, None]:
        f1s = []
        n_train = []
        for f, ((train, test), per) in enumerate(zip(folds, orders, strict=True)):
            idx = train if size is None else np.sort(np.concatenate([p[:size] for p in per]))
            n_train.append(len(idx))
            if size is None:
                f1s.append(full_f1[f])
                continue
            vec, model = _fit(words[idx].tolist(), y[idx], *opts, analyzed=True)
            pred = model.predict(vec.transform(words[test].tolist()))
            f1s.append(float(_prf(y[test], pred.astype(np.int64), n_classes)[:, 2].mean()))
        rows.append(
            {
                "n_per_class": size,
                "n_codes": int(round(float(np.mean(n_train)))),
                "macro_f1": round(float(np.mean(f1s)), 3),
                "f1_min": round(float(np.min(f1s)), 3),
                "f1_max": round(float(np.max(f1s)), 3),
                "folds": len(folds),
            }
        )
    out = pd.DataFrame(rows)
    out["n_per_class"] = out["n_per_class"].astype("Int64")
    return out


def train_coder(
    coded: pd.DataFrame,
    *,
    label: str = "label",
    text: str | None = None,
    unit: Literal["sentence", "document"] = "sentence",
    k: int = 5,
    seed: int = 12345,
    C: float = 1.0,
    ngram_range: tuple[int, int] = (1, 1),
    min_df: int = 1,
    group: str | None = "doc_id",
    learning_curve: bool = True,
) -> Coder:
    """Train a supervised coder on hand-coded sentences or documents, and validate it.

    The model, folds, intervals and their limits: see :mod:`corpus_tools.coding`.

    Parameters
    ----------
    coded : pandas.DataFrame
        One row per coded unit, with its text and its code.
    label : str, default "label"
        Column holding the codes (any values: ``"conflict"``, ``0/1``,
        topic names). At least two codes, each used at least twice.
    text : str, optional
        Column holding the text; default ``text``, else ``sentence``.
    unit : {"sentence", "document"}, default "sentence"
        What one code labels; :meth:`Coder.apply` on a corpus codes this unit.
    k : int, default 5
        Folds of the stratified cross-validation (lowered to the size of the
        smallest class when that is smaller, and said so in ``coder.warnings``).
    seed : int, default 12345
        Shuffles the folds, draws the learning-curve subsamples and the
        bootstrap; the model fit itself has no randomness.
    C : float, default 1.0
        Inverse L2 regularisation strength (smaller = simpler model).
    ngram_range : (int, int), default (1, 1)
        Word n-grams used as features (``(1, 2)``: words and word pairs).
    min_df : int, default 1
        Drop words found in fewer coded units.
    group : str or None, default "doc_id"
        When the coded table has this column (two values or more), folds
        keep each value's units together and the intervals resample whole
        groups. ``None`` treats every unit as independent.
    learning_curve : bool, default True
        Compute :attr:`Coder.learning_curve` (one model per fold and size).

    Returns
    -------
    Coder
        With ``scores``, ``confusion``, ``predictions``, ``top_words``, ``learning_curve``,
        ``apply``/``evaluate``. Bad input (a missing column, a row with no code or text, one
        code only, a code used once, a bad option) raises ``CorpusValueError`` naming it;
        under 20 codes in a class warn (``CorpusToolsWarning``).

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct, warnings
    >>> coded = pd.DataFrame({
    ...     "text": ["Moscow blamed Washington.", "Beijing denounced the veto.",
    ...              "Hamas rejected the plan.", "Talks went well.",
    ...              "The envoys met in Doha.", "Both sides praised the deal."],
    ...     "label": ["conflict"] * 3 + ["other"] * 3})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     coder = ct.train_coder(coded, k=3, learning_curve=False)
    >>> coder.classes, coder.k
    (['conflict', 'other'], 3)
    >>> coder.apply(pd.DataFrame({"text": ["Russia blamed the US."]}))[["label", "words"]]
          label                        words
    0  conflict  blamed (+0.20); the (+0.02)
    """
    fit, units = _fit_options(ngram_range, min_df, C), _coded_units(coded, label, text, unit, k, C)
    notes = _size_notes(units, k)
    split = _folds(coded, units, min(k, units.smallest), group, seed, notes)
    coder = _train(units, split, fit, seed, learning_curve, notes)
    for note in notes:
        warnings.warn(note, CorpusToolsWarning, stacklevel=2)
    return coder


def _one_blas_thread(fit: Callable[..., Any]) -> Callable[..., Any]:
    """``fit`` run with one BLAS thread: the solver's vector operations are small (one weight
    per word and class), and BLAS threads waiting for work on a busy machine cost more than
    they save: 500 Brazilian news articles, 5 classes, took 26-29 CPU s (133 s wall) with the
    default threads on a shared 2-core machine and 3.2-3.6 CPU s (25 s) with one, the same
    model."""

    @functools.wraps(fit)
    def one_thread(*args: Any, **kwargs: Any) -> Any:
        from threadpoolctl import threadpool_limits  # a scikit-learn dependency

        with threadpool_limits(limits=1, user_api="blas"):
            return fit(*args, **kwargs)

    return one_thread


def _fit_options(ngram_range: Any, min_df: Any, c: float) -> _FitOptions:
    """The checked model settings: ngram_range (low, high) with 1 <= low <= high, min_df >= 1.

    >>> _fit_options((2, 1), 1, 1.0)
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: ngram_range=(2, 1): give (low, high) whole numbers with 1 <= low <= high, e.g. (1, 2) for words and word pairs.
    """
    ok = (
        isinstance(ngram_range, (tuple, list))
        and len(ngram_range) == 2
        and all(isinstance(n, (int, np.integer)) and not isinstance(n, bool) for n in ngram_range)
        and 1 <= ngram_range[0] <= ngram_range[1]
    )
    if not ok:
        raise CorpusValueError(
            f"ngram_range={ngram_range!r}: give (low, high) whole numbers with 1 <= low <= high, "
            "e.g. (1, 2) for words and word pairs."
        )
    check_whole("min_df", min_df, 1)
    return _FitOptions((int(ngram_range[0]), int(ngram_range[1])), int(min_df), c)


class _FitOptions(NamedTuple):
    """The model settings of a coder: features and regularisation."""

    ngram_range: tuple[int, int]
    min_df: int
    c: float


@dataclass(frozen=True)
class _CodedUnits:
    """A checked coded table: texts, integer codes ``y`` (index into ``classes``)."""

    label: str
    text: str
    unit: str
    texts: list[str]
    y: np.ndarray
    classes: list[Any]

    @property
    def counts(self) -> np.ndarray:
        """Codes per class."""
        return np.bincount(self.y, minlength=len(self.classes))

    @property
    def smallest(self) -> int:
        """Codes in the smallest class."""
        return int(self.counts.min())


class _Folds(NamedTuple):
    """The cross-validation split: (train, test) index pairs and the groups kept together."""

    folds: list[tuple[np.ndarray, np.ndarray]]
    groups: np.ndarray | None
    k: int
    group: str | None


def _coded_units(
    coded: Any, label: str, text: str | None, unit: str, k: int, c: float
) -> _CodedUnits:
    """Check the coded table and the options; every error names the rows or value and the fix."""
    if not isinstance(coded, pd.DataFrame):
        raise CorpusValueError(
            f"coded must be a pandas DataFrame with a text and a label column, got "
            f"{type(coded).__name__}"
            + (
                "; read a CSV of hand codes with ct.load_codes(path) first."
                if isinstance(coded, str | Path)
                else "."
            )
        )
    if unit not in ("sentence", "document"):
        raise invalid_option("unit", unit, ["sentence", "document"])
    if label not in coded.columns:
        raise CorpusValueError(
            f"the coded table has no column {label!r}; its columns are {list(coded.columns)}. "
            "Pass label= the column holding the codes."
        )
    col = _text_column(coded, text, "the coded table")
    if k < 2:
        raise CorpusValueError(f"k must be at least 2 folds, got {k}.")
    if c <= 0:
        raise CorpusValueError(f"C must be > 0, got {c}.")
    labels = coded[label]
    missing = labels.isna().to_numpy()
    if missing.any():
        raise CorpusValueError(
            f"rows {_rows(missing)} of the coded table have no code in {label!r}; code them or "
            f"drop uncoded rows first (coded.dropna(subset=[{label!r}]))."
        )
    texts = coded[col].astype(object).where(coded[col].notna(), "").astype(str)
    empty = (texts.str.strip() == "").to_numpy()
    if empty.any():
        raise CorpusValueError(
            f"rows {_rows(empty)} of the coded table have no text in {col!r}; drop them or fill "
            "in the sentence that was coded."
        )
    classes = _classes(labels)
    index = {c: i for i, c in enumerate(classes)}
    y = np.asarray([index[v] for v in labels.tolist()], dtype=np.int64)
    units = _CodedUnits(label, col, unit, texts.tolist(), y, classes)
    if units.smallest < 2:
        once = [repr(classes[i]) for i in np.flatnonzero(units.counts < 2)]
        which = (
            f"code {once[0]} is"
            if len(once) == 1
            else f"codes {', '.join(once[:-1])} and {once[-1]} are"
        )
        raise CorpusValueError(
            f"{which} used only once; each code needs at least two coded "
            "units to be validated (code more, or merge it into another code)."
        )
    return units


def _classes(labels: pd.Series) -> list[Any]:
    """The codes, sorted (by their text when they cannot be compared); at least two."""
    try:
        classes = sorted(labels.unique().tolist())
    except TypeError:
        classes = sorted(labels.unique().tolist(), key=str)
    if not classes:
        raise CorpusValueError(
            "the coded table has no rows; code some sentences first (ct.load_codes() shows "
            "the format)."
        )
    if len(classes) < 2:
        raise CorpusValueError(
            f"the coded table has one code only ({classes[0]!r}); a coder needs at least two "
            "(code sentences without the category too)."
        )
    return classes


def _size_notes(units: _CodedUnits, k: int) -> list[str]:
    """What the class sizes mean for the folds and for the scores (small-n statements)."""
    notes: list[str] = []
    counts = units.counts
    if units.smallest < k:
        notes.append(
            f"{k}-fold cross-validation needs {k} codes per class; the smallest class has "
            f"{units.smallest}, so {units.smallest} folds were used."
        )
    small = [(c, int(counts[i])) for i, c in enumerate(units.classes) if counts[i] < SMALL_N]
    if small:
        listed = ", ".join(f"{c!r}: {n}" for c, n in small)
        notes.append(
            f"fewer than {SMALL_N} codes in a class ({listed}): the cross-validated scores are "
            f"rough; read the intervals (f1_low, f1_high) and code more {units.unit}s before "
            "relying on the coder."
        )
    return notes


def _folds(
    coded: pd.DataFrame,
    units: _CodedUnits,
    k: int,
    group: str | None,
    seed: int,
    notes: list[str],
) -> _Folds:
    """Stratified folds; grouped (whole ``group`` values held out) when the table has groups."""
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    y = units.y
    groups: np.ndarray | None = None
    if group is not None and group in coded.columns:
        g = coded[group].astype(str).to_numpy()
        if len(np.unique(g)) >= 2:
            groups = g
    if groups is None:
        skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
        return _Folds(list(skf.split(np.zeros(len(y)), y)), None, k, None)
    n_groups = len(np.unique(groups))
    if n_groups < k:
        notes.append(
            f"only {n_groups} distinct {group!r} values: {n_groups} folds, each holding "
            f"out whole {group!r} groups."
        )
        k = n_groups
    sgkf = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    folds = list(sgkf.split(np.zeros(len(y)), y, groups))
    if any(len(np.unique(y[train])) < len(units.classes) for train, _ in folds):
        raise CorpusValueError(
            f"grouping by {group!r} leaves a training fold without one of the codes "
            f"(codes are concentrated in few groups); code more groups, lower k, or pass "
            "group=None to split units independently."
        )
    return _Folds(folds, groups, k, group)


class _OutOfFold(NamedTuple):
    """Out-of-fold predictions: the table of :attr:`Coder.predictions`, the class indices,
    and each fold's macro-F1 (``model.predict``, as the learning curve scores its models)."""

    table: pd.DataFrame
    pred: np.ndarray
    fold_f1: list[float]


def _out_of_fold(
    units: _CodedUnits, split: _Folds, opts: _FitOptions, words: np.ndarray
) -> _OutOfFold:
    """Every code predicted by the model of the fold that held it out, in input order."""
    y = units.y
    oof_pred = np.empty(len(y), dtype=np.int64)
    oof_prob = np.empty(len(y), dtype=float)
    oof_fold = np.empty(len(y), dtype=np.int64)
    fold_f1 = []
    n_classes = len(units.classes)
    for f, (train, test) in enumerate(split.folds):
        oof_fold[test] = f
        vec, model = _fit(words[train].tolist(), y[train], *opts, analyzed=True)
        x_test = vec.transform(words[test].tolist())
        proba = model.predict_proba(x_test)
        oof_pred[test] = proba.argmax(axis=1)
        oof_prob[test] = proba.max(axis=1)
        pred = model.predict(x_test).astype(np.int64)
        fold_f1.append(float(_prf(y[test], pred, n_classes)[:, 2].mean()))
    cls = np.asarray(units.classes, dtype=object)
    table = pd.DataFrame(
        {
            "row": np.arange(len(y), dtype=np.int64),
            "coded": cls[y],
            "predicted": cls[oof_pred],
            "probability": np.round(oof_prob, 3),
            "correct": y == oof_pred,
            "fold": oof_fold,
            "text": units.texts,
        }
    )
    return _OutOfFold(table, oof_pred, fold_f1)


def _top_words(vec: Any, model: Any, units: _CodedUnits, x: Any) -> pd.DataFrame:
    """The ten heaviest positive weights per class, with the coded units holding each term
    (``x``: the units' features, as the final model was fitted on)."""
    terms = np.asarray(vec.get_feature_names_out(), dtype=object)
    w = _weights(model, len(units.classes))
    df = np.asarray((x > 0).sum(axis=0)).ravel()
    top_rows = []
    for i, c in enumerate(units.classes):
        order = np.lexsort((terms, -w[i]))[:10]
        rank = 0
        for j in order:
            if w[i, j] <= 0:
                break
            rank += 1
            top_rows.append(
                {
                    "label": c,
                    "rank": rank,
                    "term": terms[j],
                    "weight": round(float(w[i, j]), 3),
                    "n_codes": int(df[j]),
                }
            )
    top_words = pd.DataFrame(top_rows, columns=["label", "rank", "term", "weight", "n_codes"])
    top_words["label"] = top_words["label"].astype(object)
    top_words["term"] = top_words["term"].astype(object)
    return top_words


def _empty_curve() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "n_per_class": pd.Series(dtype="Int64"),
            "n_codes": pd.Series(dtype="int64"),
            "macro_f1": pd.Series(dtype=float),
            "f1_min": pd.Series(dtype=float),
            "f1_max": pd.Series(dtype=float),
            "folds": pd.Series(dtype="int64"),
        }
    )


@_one_blas_thread
def _train(
    units: _CodedUnits,
    split: _Folds,
    opts: _FitOptions,
    seed: int,
    learning_curve: bool,
    notes: list[str],
) -> Coder:
    """Cross-validate, score, fit the final model on every code and assemble the coder."""
    words = _analyzed(units.texts, opts.ngram_range)
    oof = _out_of_fold(units, split, opts, words)
    scores, confusion = _scores_table(units.classes, units.y, oof.pred, seed, split.groups)
    vec = _vectorizer(opts.ngram_range, opts.min_df)
    x = vec.fit_transform(units.texts)
    model = _model(opts.c).fit(x, units.y)
    curve = (
        _learning_curve(words, units.y, split.folds, len(units.classes), seed, opts, oof.fold_f1)
        if learning_curve
        else _empty_curve()
    )
    return Coder(
        label=units.label,
        text=units.text,
        unit=units.unit,
        classes=units.classes,
        k=split.k,
        group=split.group,
        seed=seed,
        scores=scores,
        confusion=confusion,
        predictions=oof.table,
        top_words=_top_words(vec, model, units, x),
        learning_curve=curve,
        warnings=notes,
        language=main_language(list(units.texts)),
        _vectorizer=vec,
        _model=model,
        _ngram_range=opts.ngram_range,
        _min_df=opts.min_df,
        _c=opts.c,
    )


def _codes_text(path: str | Path | None) -> tuple[str, str]:
    """The name and the text (comment lines dropped) of a codes file; the seeds' codes for None."""
    if path is None:
        raw = resources.files("corpus_tools").joinpath("data", _SEEDS_CODES).read_text("utf-8")
        name = _SEEDS_CODES
    else:
        p = Path(path)
        if p.is_dir():
            raise DataFileError(f"{p}: is a folder; pass the path of a CSV of hand codes in it.")
        if not p.is_file():
            raise DataFileError(f"{p}: no such file; pass the path of a CSV of hand codes.")
        try:
            raw = p.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataFileError(
                f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start}); save the codes as "
                "CSV UTF-8."
            ) from None
        name = str(p)
    body = "".join(line for line in io.StringIO(raw) if not line.lstrip().startswith("#"))
    if not body.strip():
        raise DataFileError(
            f"{name}: the file is empty; a CSV of hand codes has a header line (e.g. "
            "text,label) and one coded sentence per line."
        )
    return name, body


def load_codes(
    path: str | Path | None = None, *, label: str = "label", text: str | None = None
) -> pd.DataFrame:
    """Read a table of hand codes (CSV; lines starting with ``#`` are comments).

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with one row per coded unit: a text column (``text`` or
        ``sentence``, or ``text=``) and a code column (``label=``). Other
        columns (``doc_id``, ``sent_id``, ``note``, a coder id) are kept.
        Default: the shipped hand codes for the conflict frame on the five
        seed articles (``corpus_tools/data/codes_conflict_seeds.csv``; one
        coder, with a note on every disputed sentence).
    label, text : str
        Column names to check.

    Returns
    -------
    pandas.DataFrame
        The table as read (every column as text except ``sent_id``, ``start``
        and ``end``, read as integers), in file order.

    Raises
    ------
    DataFileError
        The file cannot be parsed, or lacks the code or text column (named
        with the file), or a row has no code or no text (row numbers count
        data rows from 1).

    Examples
    --------
    >>> codes = load_codes()
    >>> sorted(codes["label"].unique())
    ['conflict', 'no conflict']
    """
    name, body = _codes_text(path)
    try:
        table = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, csv.Error, UnicodeDecodeError) as exc:
        raise DataFileError(f"{name}: not a readable CSV ({exc}).") from exc
    if label not in table.columns:
        sep = next((c for c in ";\t|" if len(table.columns) == 1 and c in table.columns[0]), "")
        hint = (
            f" The header is one column holding {sep!r}: save the file with commas between "
            "columns (CSV), or read it with pandas.read_csv(path, sep=...) and pass the table "
            "to train_coder."
            if sep
            else " Name the code column with label=."
        )
        raise DataFileError(
            f"{name}: no column {label!r}; its columns are {list(table.columns)}.{hint}"
        )
    try:
        col = _text_column(table, text, name)
    except CorpusValueError as exc:
        raise DataFileError(str(exc)) from exc
    for what, column in (("code", label), ("text", col)):
        bad = table[column].isna().to_numpy()
        if bad.any():
            rows = ", ".join(str(int(i) + 1) for i in np.flatnonzero(bad)[:5])
            raise DataFileError(f"{name}: data rows {rows} have no {what} in {column!r}.")
    for c in ("sent_id", "start", "end"):
        if c in table.columns:
            try:
                table[c] = table[c].astype("int64")
            except (TypeError, ValueError) as exc:
                raise DataFileError(f"{name}: column {c!r} must hold whole numbers.") from exc
    for c in table.columns:
        if table[c].dtype != "int64":
            table[c] = table[c].astype(object)
    return table


def describe_coder(coder: Coder) -> str:
    """Say how well a coder did in cross-validation, class by class, and how many codes it had.

    Examples
    --------
    >>> import warnings, pandas as pd
    >>> coded = pd.DataFrame({"text": ["a b", "a c", "a d", "x y", "x z", "x w"],
    ...                       "label": ["A"] * 3 + ["X"] * 3})
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     coder = train_coder(coded, k=3, learning_curve=False)
    >>> print(describe_coder(coder))  # doctest: +NORMALIZE_WHITESPACE
    Trained on 6 coded sentences (A: 3, X: 3); 3-fold cross-validated macro-F1 1.000 (95 %
    bootstrap interval 1.000 to 1.000). Best: A (F1 1.000); worst: X (F1 1.000). Rough:
    fewer than 20 codes in a class.
    """
    if not isinstance(coder, Coder):
        raise CorpusValueError(
            f"coder={type(coder).__name__}: pass the Coder that train_coder(coded) returned."
        )
    s = coder.scores
    per = s.iloc[:-1]
    macro = s.iloc[-1]
    n_of = ", ".join(f"{r.label}: {int(r.n_codes):,}" for r in per.itertuples())
    folds = f"{coder.k}-fold" + (
        f" (each {coder.group} held out whole)" if coder.group is not None else ""
    )
    out = (
        f"Trained on {int(macro['n_codes']):,} coded {coder.unit}s ({n_of}); {folds} "
        f"cross-validated macro-F1 {macro['f1']:.3f} (95 % bootstrap interval "
        f"{macro['f1_low']:.3f} to {macro['f1_high']:.3f}). "
    )
    ranked = per.sort_values("f1", ascending=False, kind="mergesort")
    hi, lo = ranked.iloc[0], ranked.iloc[-1]
    out += f"Best: {hi['label']} (F1 {hi['f1']:.3f}); worst: {lo['label']} (F1 {lo['f1']:.3f})."
    curve = coder.learning_curve
    sub = curve[curve["n_per_class"].notna()]
    if len(sub) and len(curve) > 1:
        first, last = sub.iloc[0], curve.iloc[-1]
        out += (
            f" Learning curve: macro-F1 {first['macro_f1']:.3f} with {int(first['n_per_class']):,} "
            f"codes per class, {last['macro_f1']:.3f} with all {int(last['n_codes']):,} training "
            "codes."
        )
    if (per["n_codes"] < SMALL_N).any():
        out += f" Rough: fewer than {SMALL_N} codes in a class."
    return out + _chance_note(per["n_codes"].tolist(), macro)


def guess_f1(n_codes: Sequence[int]) -> float:
    """Macro-F1 of coding without reading: the better of drawing labels at random in their
    shares (each class's F1 is its share, so 1 / classes) and always the most frequent label.

    >>> round(guess_f1([144, 75, 81]), 3), round(guess_f1([45, 21]), 3), guess_f1([9, 1])
    (0.333, 0.5, 0.5)
    """
    total = float(sum(n_codes))
    if not total or not len(n_codes):
        return float("nan")
    top = max(n_codes) / total
    return max(1.0 / len(n_codes), 2 * top / (1 + top) / len(n_codes))


def _chance_note(n_codes: Sequence[int], macro: pd.Series) -> str:
    """A sentence when the cross-validated macro-F1 (or its interval) is at the guessing level.

    BASIL (300 political articles coded center/left/right by outlet stance) gave macro-F1
    0.208 (0.171 to 0.244) with no word that it is worse than guessing (0.333).
    """
    chance = guess_f1(n_codes)
    if not chance == chance:
        return ""
    if macro["f1"] <= chance:
        return (
            f" That is no better than coding without reading the text (macro-F1 {chance:.3f}: "
            "labels drawn at random in their shares, or the most frequent label always): do "
            "not use this coder."
        )
    if macro["f1_low"] <= chance:
        return (
            f" Its interval reaches the level of coding without reading the text (macro-F1 "
            f"{chance:.3f}): code more before relying on it."
        )
    return ""


def describe_agreement(
    a: Sequence[Any], b: Sequence[Any], *, names: tuple[str, str] = ("coder 1", "coder 2")
) -> str:
    """Percent agreement and Krippendorff's alpha (nominal) of two codings, read against the bar.

    Examples
    --------
    >>> print(describe_agreement([1, 1, 0, 0, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 0, 0, 1, 1],
    ...                          names=("you", "the dictionary")))  # doctest: +NORMALIZE_WHITESPACE
    you and the dictionary agree on 8 of 10 units (80 %); Krippendorff's alpha = 0.548, below
    .667: do not rely on these codes.
    """
    from .framing import krippendorff_alpha

    a, b = list(a), list(b)
    if len(a) != len(b):
        raise CorpusValueError(
            f"the two codings have different lengths ({len(a)} and {len(b)}); code the same units."
        )
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return f"{names[0]} and {names[1]} have no unit coded by both."
    agree = sum(x == y for x, y in pairs)
    alpha = krippendorff_alpha([a, b])
    head = f"{names[0]} and {names[1]} agree on {agree} of {n} units ({100 * agree / n:.0f} %); "
    if alpha != alpha:
        return head + (
            "Krippendorff's alpha is undefined: every code is the same, so there is no "
            "variation to agree on."
        )
    if alpha >= 0.8:
        verdict = "at or above .800: reliable enough to rely on."
    elif alpha >= 0.667:
        verdict = "between .667 and .800: tentative conclusions only."
    else:
        verdict = "below .667: do not rely on these codes."
    return head + f"Krippendorff's alpha = {alpha:.3f}, {verdict}"
