"""Fit the extractive answerer's two small models on data we may tune on, and write bot/weights.json.

    python -m eval.tune [--squad PATH] [--out bot/weights.json]

1. Sentence scorer: a linear model over bot/features.FEATURES trained listwise (softmax over each
   question's candidate sentences; positives are sentences holding a gold answer), then calibrated
   to a probability with a 1-d logistic fit.
2. Abstention: logistic regression over the best sentence's features and what the context lacks;
   positives are answerable questions whose best sentence holds the answer, negatives unanswerable
   questions. The threshold maximises overall accuracy on the training data.
Training data: SQuAD 2.0 dev subset (../shared, development benchmark) + eval/gold.jsonl. Never
RealTimeQA (the test benchmark).
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from pathlib import Path

import numpy as np

from bot.extract import ABSTAIN_FEATURES, WEIGHTS_FILE, abstain_features, candidates, load_weights
from bot.features import FEATURES, analyse_question
from bot.library import close_libraries, open_library
from bot.retrieve import retrieve
from bot.rewrite import rewrite
from eval.datasets import DEFAULT_PATHS, load_gold, load_squad2
from eval.metrics import contains_gold
from index.embed import embed_query
from index.ingest import ingest
from index.settings import Settings


def collect(dataset, settings: Settings, weights: dict, top_k: int = 5) -> list[dict]:
    """Per question: candidate features + labels, and the context needed for the abstention features."""
    ingest([dataset.corpus], settings)
    lib = open_library(settings)
    out = []
    for it in dataset.items:
        standalone = rewrite(it.question, list(it.history))
        qv = embed_query(lib.embed_model, standalone)
        passages = retrieve(lib, standalone, top_k, query_vector=qv)
        q = analyse_question(standalone, lib.bm25.idf)
        cands = candidates(lib, q, passages, qv, weights) if passages else []
        labels = [contains_gold(lib.articles[c.article_id].text[c.start:c.end], it.answers) if it.answers else False
                  for c in cands]
        out.append({"item": it, "lib": lib, "q": q, "passages": passages, "cands": cands, "labels": labels})
    return out


def fit_listwise(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 1e-2, steps: int = 3000,
                 lr: float = 0.5) -> np.ndarray:
    """Weights w maximising sum over groups of log(sum_pos softmax(X w)), by gradient ascent."""
    d = groups[0][0].shape[1]
    w = np.zeros(d)
    for _ in range(steps):
        grad = -l2 * w
        for X, y in groups:
            s = X @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            pp = p * y
            pp /= pp.sum()
            grad += (pp - p) @ X
        w += lr * grad / len(groups)
    return w


def fit_logistic(X: np.ndarray, y: np.ndarray, sw: np.ndarray, l2: float = 1e-2, steps: int = 5000,
                 lr: float = 0.5) -> tuple[np.ndarray, float]:
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w + b)))
        g = (y - p) * sw
        w += lr * (g @ X / sw.sum() - l2 * w)
        b += lr * g.sum() / sw.sum()
    return w, b


def fit_abstention(X, y, sw, kinds, l2: float = 0.05):
    """Logistic fit, then the threshold that maximises weighted accuracy (abstain right on unanswerables)."""
    w, b = fit_logistic(X, y, sw, l2=l2)
    p = 1 / (1 + np.exp(-(X @ w + b)))
    best_t, best_acc = 0.5, -1.0
    for t in np.linspace(0.05, 0.95, 91):
        answered = p >= t
        acc = float(np.sum(sw * np.where(kinds == "unanswerable", ~answered, answered)) / sw.sum())
        if acc > best_acc + 1e-9:
            best_t, best_acc = float(t), acc
    return w, b, best_t, best_acc


def cross_validate(X, y, sw, kinds, sources, folds: int = 5, l2: float = 0.05) -> float:
    """Accuracy on held-out gold questions (answerable-but-wrong ones excluded), fitting on the rest."""
    gold = np.flatnonzero((sources == "gold") & (kinds != "wrong"))
    rng = np.random.default_rng(0)
    rng.shuffle(gold)
    right = 0
    for k in range(folds):
        test = gold[k::folds]
        train = np.setdiff1d(np.arange(len(y)), test)
        w, b, t, _ = fit_abstention(X[train], y[train], sw[train], kinds[train], l2=l2)
        p = 1 / (1 + np.exp(-(X[test] @ w + b)))
        right += int(np.sum((p >= t) == (kinds[test] != "unanswerable")))
    return right / max(len(gold), 1)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad", type=Path, default=DEFAULT_PATHS["squad2"])
    ap.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    ap.add_argument("--squad-weight", type=float, default=0.1,
                    help="sample weight of a SQuAD question in the abstention fit (a gold question weighs 1): "
                         "SQuAD's adversarial unanswerables are on-topic paragraphs lacking one fact, which these "
                         "features barely separate (AUC ~0.5), so they mostly add noise")
    args = ap.parse_args(argv)
    weights = load_weights()
    work = Path(tempfile.mkdtemp(prefix="newsbot-tune-"))
    rows = []
    for name, ds in (("squad2", load_squad2(args.squad, work / "squad2")), ("gold", load_gold())):
        settings = Settings.from_env({}, home=work / name / "home")
        for r in collect(ds, settings, weights):
            r["source"] = name
            rows.append(r)

    # 1. sentence scorer, listwise over questions with at least one positive candidate
    groups = []
    for r in rows:
        if any(r["labels"]):
            X = np.array([[c.features[f] for f in FEATURES] for c in r["cands"]])
            groups.append((X, np.array(r["labels"], dtype=float)))
    w = fit_listwise(groups)
    allX = np.vstack([g[0] for g in groups])
    ally = np.concatenate([g[1] for g in groups])
    a, b = fit_logistic((allX @ w)[:, None], ally, np.ones(len(ally)))
    sent = {"bias": float(b), "w": {f: float(v * a[0]) for f, v in zip(FEATURES, w)}}
    weights = {**weights, "sentence": sent}

    # 2. abstention over the best candidate under the new scorer
    feats, ys, sws, kinds, sources = [], [], [], [], []
    for r in rows:
        if not r["cands"]:
            continue
        cands = sorted(r["cands"], key=lambda c: -(sent["bias"] + sum(sent["w"][f] * c.features[f] for f in FEATURES)))
        best = cands[0]
        best = best.__class__(**{**best.__dict__, "score": sent["bias"] + sum(sent["w"][f] * best.features[f]
                                                                                 for f in FEATURES)})
        correct = r["item"].answerable and r["labels"][r["cands"].index(cands[0])]
        if r["item"].answerable and not correct:
            kinds.append("wrong")
        else:
            kinds.append("right" if correct else "unanswerable")
        runner = cands[1] if len(cands) > 1 else None
        if runner is not None:
            runner = runner.__class__(**{**runner.__dict__, "score": sent["bias"] + sum(
                sent["w"][f] * runner.features[f] for f in FEATURES)})
        af = abstain_features(r["lib"], r["q"], best, r["passages"], runner)
        feats.append([af[f] for f in ABSTAIN_FEATURES])
        ys.append(1.0 if correct else 0.0)
        sws.append((1.0 if r["source"] == "gold" else args.squad_weight) * (0.0 if kinds[-1] == "wrong" else 1.0))
        sources.append(r["source"])
    X, y, swa, kinds_a = np.array(feats), np.array(ys), np.array(sws), np.array(kinds)
    # Choose the regularisation by cross-validated accuracy on held-out gold questions.
    cvs = {l2: cross_validate(X, y, swa, kinds_a, np.array(sources), l2=l2) for l2 in (0.001, 0.003, 0.01, 0.03, 0.1)}
    l2 = max(cvs, key=lambda k: (cvs[k], k))
    cv = cvs[l2]
    print("abstention, 5-fold cross-validated accuracy on gold questions by L2:",
          {k: round(v, 3) for k, v in cvs.items()}, "-> chosen", l2)
    wa, ba, best_t, best_acc = fit_abstention(X, y, swa, kinds_a, l2=l2)
    weights["abstain"] = {"bias": float(ba), "threshold": round(best_t, 3),
                          "w": {f: float(v) for f, v in zip(ABSTAIN_FEATURES, wa)}}
    weights["trained_on"] = {"squad2_questions": sum(r["source"] == "squad2" for r in rows),
                             "gold_questions": sum(r["source"] == "gold" for r in rows),
                             "weighted_train_accuracy": round(best_acc, 4),
                             "gold_cv_accuracy": round(cv, 4)}
    args.out.write_text(json.dumps(weights, indent=2) + "\n", encoding="utf-8")
    close_libraries()
    print(json.dumps(weights, indent=2))


if __name__ == "__main__":
    main()
