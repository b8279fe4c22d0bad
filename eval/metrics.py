"""Deterministic answer metrics (SQuAD normalisation), no LLM judge."""

from __future__ import annotations

import re
import string
from collections import Counter

from index.terms import terms  # the shared stemmer: "erupted" and "erupt" are one term

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = set(string.punctuation) | {"“", "”", "‘", "’", "—", "–"}


def normalize(text: str) -> str:
    """SQuAD's answer normalisation: lower case, no punctuation, no articles, single spaces."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


def contains_gold(prediction: str, golds) -> bool:
    p = f" {normalize(prediction)} "
    return any(f" {normalize(g)} " in p for g in golds if normalize(g))


def exact_match(prediction: str, golds) -> float:
    return float(any(normalize(prediction) == normalize(g) for g in golds))


def f1(prediction: str, golds) -> float:
    pred = normalize(prediction).split()
    best = 0.0
    for g in golds:
        gold = normalize(g).split()
        common = sum((Counter(pred) & Counter(gold)).values())
        if common:
            p, r = common / len(pred), common / len(gold)
            best = max(best, 2 * p * r / (p + r))
    return best


# -- citations ------------------------------------------------------------------------------------

def evidence_spans(text: str, evidence: str) -> list[tuple[int, int]]:
    """Every [start, end) where ``evidence`` occurs in ``text``; white space runs match any white space
    (an article may wrap the quoted sentence across lines). Empty evidence: no spans."""
    words = evidence.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open character ranges [start, end) share at least one character."""
    return a[0] < b[1] and b[0] < a[1] and a[0] < a[1] and b[0] < b[1]


def citation_supports(span: tuple[int, int], quote: str, answers, spans) -> bool:
    """A citation supports the gold answer when its range overlaps one of the evidence ``spans`` (found in
    the cited article) or its quote contains a gold answer. No evidence: answer containment only."""
    return any(overlaps(span, s) for s in spans) or contains_gold(quote, answers)


def citation_scores(per_question: list[list[bool]]) -> tuple[float, float]:
    """(precision, recall) of citations, given one list per answerable question of whether each citation
    it showed supports the gold answer (an empty list when it abstained).

    precision: supporting citations / all citations shown; recall: share of questions with at least one
    supporting citation (abstentions count as misses)."""
    shown = [ok for oks in per_question for ok in oks]
    precision = sum(shown) / len(shown) if shown else 0.0
    recall = sum(any(oks) for oks in per_question) / len(per_question) if per_question else 0.0
    return precision, recall


def abstention_scores(abstained_answerable: list[bool], abstained_unanswerable: list[bool]) -> dict:
    """Precision / recall / F1 of abstaining, the positive class being "the corpus does not answer"."""
    tp = sum(abstained_unanswerable)
    fp = sum(abstained_answerable)
    fn = len(abstained_unanswerable) - tp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def rank_scores(ranks: list[int | None]) -> dict:
    """hit@1, hit@5 and MRR from the 0-based rank of the first relevant article (None: not retrieved)."""
    n = len(ranks)
    if not n:
        return {"hit@1": 0.0, "hit@5": 0.0, "mrr": 0.0}
    return {"hit@1": sum(k is not None and k < 1 for k in ranks) / n,
            "hit@5": sum(k is not None and k < 5 for k in ranks) / n,
            "mrr": sum(1 / (k + 1) for k in ranks if k is not None) / n}


def first_rank(ranked_ids, relevant) -> int | None:
    """0-based position of the first id in ``ranked_ids`` that is in ``relevant``."""
    return next((i for i, x in enumerate(ranked_ids) if x in relevant), None)


# -- sentences of an answer (LLM mode) ------------------------------------------------------------------

# A sentence of a shown answer ends with a run of [n] markers: "Sadr asked for an amnesty. [1][2] Then ..."
_MARKED = re.compile(r"\s*(.*?)\s*((?:\[\d+(?:\s*,\s*\d+)*\]\s*)+)", re.S)
_NUMBERS = re.compile(r"\d+")


def marked_sentences(answer: str) -> list[tuple[str, tuple[int, ...]]]:
    """The sentences of a shown answer with the citation numbers each carries: the answer is split after
    every run of [n] markers. Text left after the last run is a sentence citing nothing."""
    out, end = [], 0
    for m in _MARKED.finditer(answer):
        if not m.group(1):
            continue  # a run of markers with no text before it: nothing to count
        out.append((m.group(1), tuple(dict.fromkeys(int(n) for n in _NUMBERS.findall(m.group(2))))))
        end = m.end()
    rest = answer[end:].strip()
    if rest and not _MARKED.fullmatch(answer[end:]):
        out.append((rest, ()))
    return out


def sentence_supported(cites: tuple[int, ...], supports: dict[int, bool], answerable: bool) -> bool:
    """A shown sentence is supported when the question is answerable and one of the citations it carries
    supports the gold answer (``supports``: citation number -> citation_supports). Unanswerable: never."""
    return answerable and any(supports.get(n, False) for n in cites)


_NAME_OR_NUMBER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z'\-]+|\d[\d,.]*")


def backed_by(sentence: str, quotes: list[str], share: float = 0.9) -> bool:
    """Strict lexical support, independent of the bot's verifier (no embeddings, no idf, no thresholds of
    its own): every name and number the sentence states, and at least `share` of its content terms
    (stemmed), are in the quotes it cites. A quoted sentence is backed by its own quote."""
    have = set(terms(" ".join(quotes)))
    text = " ".join(quotes)
    for m in _NAME_OR_NUMBER.finditer(sentence):
        token = m.group().rstrip(".,")
        if token[0].isdigit() and token not in text:
            return False
        if not token[0].isdigit() and not set(terms(token)) <= have:
            return False
    mine = terms(sentence)
    return bool(mine) and sum(t in have for t in mine) / len(mine) >= share


def sentence_scores(supported: list[bool]) -> dict:
    """{"shown", "supported", "supported_rate"} of a list saying, for every shown sentence, whether it is
    supported (rate 0.0 when nothing was shown)."""
    n, k = len(supported), sum(supported)
    return {"shown": n, "supported": k, "supported_rate": k / n if n else 0.0}


def accounted_for(shown: int, flagged: int, drafted: int) -> float:
    """(sentences shown + sentences flagged) / sentences the model drafted: 1.0 when every generated
    sentence was either shown as supported or flagged (above 1.0: more shown or flagged than drafted).
    Nothing drafted: 1.0 when nothing was shown or flagged either, else 0.0 (those come from nowhere)."""
    if not drafted:
        return 0.0 if shown + flagged else 1.0
    return (shown + flagged) / drafted
