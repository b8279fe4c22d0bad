"""Is each sentence of a generated answer supported by the sources it cites?

An LLM answer is split into sentences, each with the `[n]` markers it carries. A sentence is shown as
supported only when all of these hold; otherwise it is flagged with the reason:

1. It cites at least one source, and every `[n]` names a source that exists (1..number of sources):
   `[0]` or `[9]` of five sources is never read as some other source.
2. Lexical support: within one cited source, a window of two neighbouring sentences holds most of the
   sentence's content terms (their share, plain and idf-weighted, >= LEXICAL_MIN), and every name and
   number it states.
   An invented attribution ("according to the BBC") or a fact from elsewhere ("Paris") fails here.
3. Embedding support: MiniLM cosine of the sentence and that window >= SIMILARITY_MIN.

A separate check, at the answer level, asks whether what is cited answers *the question*: the evidence
window, with the answer sentence, must hold the question's terms (its main verb aside: answers
paraphrase it) at >= QUESTION_MIN and every name the question states. "Sadr demanded complete cooperation
with the government" can be copied from a true sentence and still not answer "What did Sadr demand in
exchange?": that sentence says nothing of an exchange.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

import numpy as np

from bot.answer import NAME, TYPED, Question, coverage_without, has_type
from bot.library import Library
from bot.types import Passage
from index.terms import WORD, terms

# Calibrated by `python -m eval.verify_calibration` on 353 claims made from the gold set (right: evidence and
# gold answers cited to the source that holds them; wrong: the same cited to other sources, invented
# attributions, other questions' answers). With these values 0.889 of the right claims were shown as
# supported answers and 0.009 of the wrong ones (2026-11-21).
LEXICAL_MIN = 0.75
SIMILARITY_MIN = 0.3
QUESTION_MIN = 0.4

_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
# A run of markers after the sentence's full stop, on the same line, belongs to that sentence:
# "... Tuesday. [1] Then". At the start of a line, "[3] Najaf ..." cites for what follows it.
_TRAILING = re.compile(r"([.!?])((?:[ \t]*\[\d+(?:[ \t]*,[ \t]*\d+)*\])+)")
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9])|\n+")
# A full stop after these ends no sentence: "Mr. Maliki", "U.S. forces".
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "sen", "rep", "gov", "prof",
                  "jr", "sr", "no", "vs", "u.s", "u.k", "u.n", "jan", "feb", "aug", "sept", "oct", "nov", "dec"}
# A claim this short ("Tuesday.") is an answer only together with its question: it is embedded with it.
SHORT_CLAIM_WORDS = 5
_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class Claim:
    """One sentence of a generated answer."""

    text: str  # the sentence without its [n] markers
    cites: tuple[int, ...]  # the source numbers it cites that exist, in order, 1-based
    invalid: tuple[int, ...]  # numbers it cites that name no source ([0], [9] of 5)


@dataclass(frozen=True)
class Evidence:
    """The window of a cited source that best supports a claim: exact offsets into the article text."""

    n: int  # the source number cited
    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    supported: bool
    reason: str  # "" when supported, else what failed, for the user
    evidence: tuple[Evidence, ...] = ()  # one per cited source that supports it
    lexical: float = 0.0
    similarity: float = 0.0
    answers_question: bool = False  # the evidence holds what the question asks about


def split_claims(text: str, n_sources: int) -> list[Claim]:
    """Sentences of an answer with the source numbers each cites; markers after a full stop stay with it.
    A sentence repeated word for word (small models loop) is one claim."""
    text = _TRAILING.sub(lambda m: f"{m.group(2)}{m.group(1)}", text.strip())
    out, seen = [], set()
    for raw in _sentences(text):
        nums = [int(x) for m in _MARKER.finditer(raw) for x in m.group(1).split(",")]
        bare = re.sub(r"\s+([.,;:!?])", r"\1", _MARKER.sub("", raw)).strip()
        if not WORD.search(bare) or bare in seen:
            continue  # a stray marker or punctuation, or a repeat
        seen.add(bare)
        valid = tuple(dict.fromkeys(n for n in nums if 1 <= n <= n_sources))
        invalid = tuple(dict.fromkeys(n for n in nums if not 1 <= n <= n_sources))
        out.append(Claim(bare, valid, invalid))
    return out


def _sentences(text: str) -> list[str]:
    pieces, start = [], 0
    for m in _SPLIT.finditer(text):
        last = text[start:m.start()].split()
        if m.group().strip() == "" and m.group().count("\n") == 0 and last and \
                (last[-1].rstrip(".").lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", last[-1])):
            continue  # "Mr. Maliki": not a sentence end
        pieces.append(text[start:m.start()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


def specifics(text: str) -> set[str]:
    """Stemmed names (capitalised words not opening the sentence) and numbers a sentence states."""
    found = {t for m in NAME.finditer(text) for t in terms(m.group())}
    found |= {m.group().rstrip(".,") for m in _NUMBER.finditer(text)}
    return found


@contextmanager
def verifier_thresholds(lexical: float, similarity: float, question: float) -> Iterator[None]:
    """Verify with other thresholds inside the block (eval/verify_calibration.py sweeps them); restored after."""
    global LEXICAL_MIN, SIMILARITY_MIN, QUESTION_MIN
    saved = LEXICAL_MIN, SIMILARITY_MIN, QUESTION_MIN
    LEXICAL_MIN, SIMILARITY_MIN, QUESTION_MIN = lexical, similarity, question
    try:
        yield
    finally:
        LEXICAL_MIN, SIMILARITY_MIN, QUESTION_MIN = saved


def verify(lib: Library, q: Question, text: str, sources: list[Passage]) -> list[Verdict]:
    """A verdict for every sentence of `text`, an answer citing `sources` as [1]..[len(sources)]."""
    claims = split_claims(text, len(sources))
    vectors = _embed(lib, [f"{q.text} {c.text}" if len(c.text.split()) <= SHORT_CLAIM_WORDS else c.text
                           for c in claims])
    windows: dict[int, list[_Window]] = {}  # per cited source, built once for all the claims citing it

    def windows_of(n: int) -> list[_Window]:
        if n not in windows:
            windows[n] = _windows(lib, sources[n - 1])
        return windows[n]

    return [_judge(q, c, v, len(sources), windows_of, lib) for c, v in zip(claims, vectors)]


def _embed(lib: Library, texts: list[str]) -> list[np.ndarray]:
    if not texts:
        return []
    return [np.asarray(v, dtype=np.float32) for v in lib.embed_model.get_text_embedding_batch(texts)]


def _judge(q: Question, claim: Claim, vec: np.ndarray, n_sources: int, windows_of: Callable[[int], list[_Window]], lib: Library) -> Verdict:
    if claim.invalid and not claim.cites:
        return Verdict(claim, False, f"cites {_marks(claim.invalid)}, which is not one of the {n_sources} sources")
    if not claim.cites:
        return Verdict(claim, False, "cites no source")
    claim_terms = _weights(lib, terms(claim.text))
    if not claim_terms:
        return Verdict(claim, False, "states nothing that a source could support")
    need = specifics(claim.text)
    scored = []
    for n in claim.cites:
        for window in windows_of(n):
            wt = set(terms(window.text))
            # Both idf-weighted and plain shares must be high: weighted alone lets rare names carry an
            # invented predicate ("Iraqi troops took control of Kut and Nasiriya" over a window naming both).
            weighted = sum(w for t, w in claim_terms.items() if t in wt) / sum(claim_terms.values())
            lexical = min(weighted, sum(t in wt for t in claim_terms) / len(claim_terms))
            missing = sorted(t for t in need if t not in wt and t not in _numbers_of(window.text))
            sim = float(vec @ window.vector) if window.vector is not None else 0.0
            scored.append(((not missing, lexical, sim), n, window, lexical, missing, sim))
    _, n, window, lexical, missing, sim = max(scored, key=lambda r: r[0])
    ev = (Evidence(n, window.article_id, window.start, window.end),)
    # The question check reads every window that supports the claim (the sentence alone, or with the one
    # before it, where the subject often is).
    backing = [r[2] for r in scored if not r[4] and r[3] >= LEXICAL_MIN] or [window]
    # ... and a "how many" / "when" question is answered only by a claim that states a number / date.
    answers = any(_answers(q, w, set(claim_terms)) for w in backing) and (
        q.atype not in TYPED or has_type(claim.text, q.atype, set(q.words)) > 0)
    if missing:
        return Verdict(claim, False, f"{', '.join(repr(m) for m in missing)} not in {_marks(claim.cites)}", ev,
                       lexical, sim, answers)
    if lexical < LEXICAL_MIN:
        return Verdict(claim, False, f"most of it is not in {_marks(claim.cites)}", ev, lexical, sim, answers)
    if sim < SIMILARITY_MIN:
        return Verdict(claim, False, f"{_marks(claim.cites)} says something else", ev, lexical, sim, answers)
    return Verdict(claim, True, "", ev, lexical, sim, answers)


@dataclass(frozen=True)
class _Window:
    article_id: str
    start: int
    end: int
    text: str
    vector: np.ndarray | None
    parts: tuple[str, ...]  # its sentences (one, or the previous one and this one)


def _windows(lib: Library, passage: Passage) -> list[_Window]:
    """Each sentence of the passage's chunk, alone and with the sentence before it (its subject often
    lives there: "In exchange, he asked ..."). The vector is the sentence's own."""
    chunk = lib.chunks[passage.chunk_id]
    sents = lib.sentences[passage.article_id]
    text = lib.articles[passage.article_id].text
    rows = sents[chunk.first_sentence:chunk.last_sentence + 1]
    vecs = lib.store.vectors("sentence", [s.id for s in rows])
    out = []
    for s in rows:
        v = vecs.get(s.id)
        own = text[s.start:s.end]
        out.append(_Window(s.article_id, s.start, s.end, own, v, (own,)))
        if s.ordinal > 0:
            p = sents[s.ordinal - 1]
            out.append(_Window(s.article_id, p.start, s.end, text[p.start:s.end], v, (text[p.start:p.end], own)))
    return out


def _answers(q: Question, window: _Window, claim_terms: set[str]) -> bool:
    """Does the cited evidence speak of what the question asks (every name it states, most of its terms)?"""
    have = set(terms(window.text))
    names = {t for w in q.names for t in terms(w)}
    if any(t not in have for t in names):
        return False
    # A neighbouring sentence may hold the subject, but the sentence the claim comes from (the one sharing
    # most of its terms) must touch the question too: "Clashes were also reported in Kut. British troops
    # handed over Basra." does not make the second an answer to "In which other city were clashes reported?".
    own = max(window.parts, key=lambda part: len(set(terms(part)) & claim_terms))
    if coverage_without(q, set(terms(own)), q.verb) == 0:
        return False
    return coverage_without(q, have, q.verb) >= QUESTION_MIN


def _weights(lib: Library, ts: list[str]) -> dict[str, float]:
    return {t: lib.bm25.idf(t) for t in ts}


def _numbers_of(text: str) -> set[str]:
    return {m.group().rstrip(".,") for m in _NUMBER.finditer(text)}


def _marks(ns) -> str:
    return "".join(f"[{n}]" for n in ns)
