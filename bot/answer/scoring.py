"""The extractive answerer's two logistic models, their weights fitted by eval/tune.py (bot/answer/weights.json):
the sentence scorer over every sentence of the passages (`candidates`), and the abstention model's features and
guards (`ABSTAIN_FEATURES`, `GUARDS`), with the choice of the best candidate (`choose_best`) and the
covered-question override (`covered`) that eval/tune.py measures. bot/answer/extract.py puts them together.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.answer.aliases import named_by_title
from bot.answer.features import sentence_features
from bot.answer.neighbours import dated_before
from bot.answer.question import TYPED, Question
from bot.answer.spelling import respell
from bot.library import Library, prose_before
from bot.types import Passage

WEIGHTS_FILE = Path(__file__).with_name("weights.json")
ABSTAIN_FEATURES = ("score", "cov", "cov_ctx", "cov_ctx_nv", "dense", "chunk_dense", "atype", "miss_ctx", "miss_passage",
                    "passage_cov", "miss_spec_ctx", "miss_spec_article", "margin", "verb_ok", "neg_gap", "antonym",
                    "name_swap")

# Abstention features that may veto an answer outright (eval/tune.py keeps those that help). Only positive
# evidence that the passage says otherwise: the question is negated and the sentence is not; an opposite of
# a question word; another name in the question's slot. A word the article lacks is weak evidence in
# questions written in other words than the article's (it cost RealTimeQA answers), so absence stays a
# feature of the model ("miss_spec_*").
GUARDS = ("neg_gap", "antonym", "name_swap")


@dataclass(frozen=True)
class Candidate:
    sentence_id: str
    article_id: str
    start: int
    end: int
    passage_rank: int
    features: dict
    score: float  # the sentence model's logit
    prob: float = 0.0  # softmax of the scores over this question's candidates: P(this sentence is the answer)


@lru_cache(maxsize=4)
def load_weights(path: str = str(WEIGHTS_FILE)) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def linear(model: dict, features: dict) -> float:
    return model["bias"] + sum(model["w"].get(k, 0.0) * v for k, v in features.items())


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 40.0), -40.0)))


def candidates(lib: Library, q: Question, passages: list[Passage], qv: np.ndarray, weights: dict,
               extra: tuple = (), variants: dict | None = None) -> list[Candidate]:
    """Every sentence of the passages, scored, best first (a sentence in two overlapping chunks counts once).
    `extra`: more (SentenceRow, passage rank) pairs to score beside them (sentences elsewhere in the
    passages' articles). `variants`: the archive's other spellings of the question's names (spelling.py)."""
    rows = {}
    for rank, p in enumerate(passages):
        chunk = lib.chunks[p.chunk_id]
        for s in lib.sentences[p.article_id][chunk.first_sentence:chunk.last_sentence + 1]:
            # Headings, captions, pull quotes and page boilerplate help retrieval but are no answer.
            if s.kind == "body":
                rows.setdefault(s.id, (s, rank))
    for s, rank in extra:
        if s.kind == "body":
            rows.setdefault(s.id, (s, rank))
    vectors = lib.store.vectors("sentence", list(rows))
    out = []
    texts: dict[str, str] = {}  # article id -> its text, "Mehdi" read as the question's "Mahdi" (once an article)
    for sid, (s, rank) in rows.items():
        if s.article_id not in texts:
            texts[s.article_id] = respell(lib.articles[s.article_id].text, variants or {})
        text = texts[s.article_id]
        prev = prose_before(lib, s)
        previous = text[prev.start:prev.end] if prev else ""
        # "The cleric agreed ...": the person the article calls "cleric" is named by the sentence too.
        alias = named_by_title(text, text[s.start:s.end])
        if alias:
            previous = f"{previous} {alias}"
        vec = vectors.get(sid)
        dense = float(vec @ qv) if vec is not None else 0.0
        feats = sentence_features(q, text[s.start:s.end], previous, dense, rank, s.ordinal,
                                  passages[rank].dense_score)
        if q.atype == "date" and not feats["atype"] and s.ordinal > 0:
            # dated by the sentence before, which it goes on about (bot/answer/neighbours.py)
            feats["atype"] = 1.0 if dated_before(lib, q.words, s.article_id, s.start, s.end) else 0.0
        out.append(Candidate(sid, s.article_id, s.start, s.end, rank, feats, linear(weights["sentence"], feats)))
    out.sort(key=lambda c: -c.score)
    if out:
        # The scorer was fitted listwise (softmax over a question's candidates): its softmax is the
        # probability that this sentence is the one that answers, which is what a citation score shows.
        z = np.exp(np.array([c.score for c in out]) - out[0].score)
        out = [replace(c, prob=float(p)) for c, p in zip(out, z / z.sum())]
    return out


def choose_best(q: Question, cands: list[Candidate], weights: dict) -> tuple[Candidate, Candidate | None]:
    """The best candidate and the runner-up. For a "how many" / "when" question (with the answer-type
    guard on) the best is the highest-scoring sentence that holds a number / date, when there is one."""
    if weights["abstain"].get("require_type") and q.atype in TYPED and not cands[0].features["atype"]:
        typed = next((c for c in cands if c.features["atype"]), None)
        if typed is not None:
            rest = [c for c in cands if c is not typed]
            return typed, rest[0] if rest else None
    return cands[0], cands[1] if len(cands) > 1 else None


def covered(best: Candidate, af: dict) -> bool:
    return (af["cov_ctx_nv"] >= 0.999 and af["miss_spec_ctx"] == 0 and best.features["atype"] > 0
            and af.get("verb_near", af.get("verb_ok", 1.0)) > 0)
