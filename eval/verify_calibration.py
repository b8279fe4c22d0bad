"""Calibrate the verifier's thresholds (bot/llm/verify.py) on hand-made claims built from the gold set.

    python -m eval.verify_calibration

For every answerable gold question with an evidence quote, the passages retrieved for it are the sources,
and claims are written that we know to be right or wrong:
  right: the evidence sentence cited to the source that holds it; the first gold answer alone, as a
         short answer ("Release Mahdi Army prisoners."), cited to that source;
  wrong: the evidence cited to a source that lacks it; the evidence with an invented attribution
         (", according to Reuters"); another question's gold answer cited to this question's source.
For unanswerable gold questions, the best sentence of the first source cited to it is a claim that must
not count as answering the question. The table shows, for a grid of thresholds, the share of right
claims shown as supported answers and the share of wrong ones.
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

from bot.answer import analyse_question
from bot.library import close_libraries, open_library
from bot.llm import verifier_thresholds, verify
from bot.retrieve import retrieve
from eval.datasets import load_gold
from index.embed import embed_query
from index.ingest import ingest
from index.settings import Settings


def build_cases(lib, items) -> list[tuple[str, object, str, list, bool]]:
    """(question, Question, claim text, sources, expected to be a supported answer)."""
    cases = []
    answers = [it.answers[0] for it in items if it.answers]
    for i, it in enumerate(items):
        if it.history:
            continue
        qv = embed_query(lib.embed_model, it.question)
        sources = retrieve(lib, it.question, 5, query_vector=qv)
        q = analyse_question(it.question, lib.bm25.idf)
        if not it.answers:
            if sources:
                text = sources[0].text.split(". ")[0].strip().rstrip(".") + "."
                cases.append((it.question, q, f"{text} [1]", sources, False))
            continue
        if not it.evidence:
            continue
        has = [n for n, p in enumerate(sources, 1) if it.evidence[:40] in p.text]
        lacks = [n for n, p in enumerate(sources, 1)
                 if it.evidence[:40] not in p.text and not any(a.lower() in p.text.lower() for a in it.answers)]
        if not has:
            continue
        n = has[0]
        ev = it.evidence.rstrip(".")
        short = it.answers[0][0].upper() + it.answers[0][1:]
        cases.append((it.question, q, f"{ev} [{n}].", sources, True))
        cases.append((it.question, q, f"{short} [{n}].", sources, True))
        if lacks:
            cases.append((it.question, q, f"{ev} [{lacks[0]}].", sources, False))
        cases.append((it.question, q, f"{ev}, according to Reuters [{n}].", sources, False))
        other = answers[(i + 7) % len(answers)]
        if other.lower() not in it.evidence.lower():
            cases.append((it.question, q, f"{other[0].upper() + other[1:]} [{n}].", sources, False))
    return cases


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="newsbot-verify-"))
    settings = Settings.from_env({}, home=work / "home")
    ds = load_gold()
    ingest([ds.corpus], settings)
    lib = open_library(settings)
    cases = build_cases(lib, ds.items)
    n_right = sum(c[4] for c in cases)
    print(f"{len(cases)} claims: {n_right} right, {len(cases) - n_right} wrong")
    print(f"{'lexical':>8} {'similar':>8} {'question':>9} {'right shown':>12} {'wrong shown':>12}")
    for lex, sim, qmin in itertools.product((0.75,), (0.2, 0.3, 0.4, 0.5), (0.3, 0.4, 0.5)):
        shown = []
        with verifier_thresholds(lex, sim, qmin):
            for _, q, text, sources, expected in cases:
                vs = verify(lib, q, text, sources)
                shown.append((all(v.supported for v in vs) and any(v.answers_question for v in vs), expected))
        right = sum(s for s, e in shown if e) / max(n_right, 1)
        wrong = sum(s for s, e in shown if not e) / max(len(cases) - n_right, 1)
        print(f"{lex:>8} {sim:>8} {qmin:>9} {right:>12.3f} {wrong:>12.3f}")
    close_libraries()


if __name__ == "__main__":
    main()
