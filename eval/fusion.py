"""Which retrieval? `python -m eval.fusion` compares dense only, BM25 only and their fusions (reciprocal
rank fusion, and a weighted sum of min-max normalised scores) by article hit@1 / hit@5 / MRR of the top-5
chunks on SQuAD 2.0 (answerable questions) and the gold set. Development data only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from bot.library import close_libraries, open_library
from bot.retrieve import fuse
from eval.datasets import DEFAULT_PATHS, load_gold, load_squad2
from index.embed import embed_query
from index.ingest import ingest
from index.settings import Settings

DEPTH = 20
RRF_K = 60  # the usual constant of reciprocal rank fusion (Cormack et al. 2009)


def rankings(lib, question: str) -> tuple[list[str], list[str], dict, dict]:
    qv = embed_query(lib.embed_model, question)
    dense = [(i, s) for i, s in lib.store.query("chunk", qv, DEPTH) if i in lib.chunks]
    scores = lib.bm25.scores(question)
    order = np.argsort(-scores)[:DEPTH]
    sparse = [(lib.bm25.ids[j], float(scores[j])) for j in order if scores[j] > 0]
    return [i for i, _ in dense], [i for i, _ in sparse], dict(dense), dict(sparse)


def rrf(*lists: list[str]) -> list[str]:
    fused: dict[str, float] = {}
    for ranking in lists:
        for r, cid in enumerate(ranking):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + r + 1)
    return sorted(fused, key=lambda c: -fused[c])


def weighted(dense: dict, sparse: dict, alpha: float) -> list[str]:
    fused = fuse(dense, sparse, alpha)
    return sorted(fused, key=lambda k: -fused[k])


def score(lib, ranking: list[str], gold: tuple[str, ...]) -> tuple[float, float, float]:
    articles = list(dict.fromkeys(lib.chunks[c].article_id for c in ranking[:5]))
    rank = next((i for i, a in enumerate(articles) if a in gold), None)
    return (float(rank == 0), float(rank is not None), 1.0 / (rank + 1) if rank is not None else 0.0)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="newsbot-fusion-"))
    for ds in (load_squad2(DEFAULT_PATHS["squad2"], work / "squad2"), load_gold()):
        settings = Settings.from_env({}, home=work / f"{ds.name}-home")
        ingest([ds.corpus], settings)
        lib = open_library(settings)
        methods = {"dense": [], "bm25": [], "rrf": [], "weighted 0.3": [], "weighted 0.5": [], "weighted 0.7": []}
        for it in ds.items:
            if not it.answerable or it.history:
                continue
            d, s, dd, sd = rankings(lib, it.question)
            for name, ranking in (("dense", d), ("bm25", s), ("rrf", rrf(d, s)), ("weighted 0.3", weighted(dd, sd, .3)),
                                  ("weighted 0.5", weighted(dd, sd, .5)), ("weighted 0.7", weighted(dd, sd, .7))):
                methods[name].append(score(lib, ranking, it.article_ids))
        print(f"{ds.name} ({len(methods['rrf'])} answerable questions): article hit@1 / hit@5 / MRR of the top-5 chunks")
        for name, rows in methods.items():
            h1, h5, mrr = np.mean(rows, axis=0)
            print(f"  {name:<13} {h1:.3f} / {h5:.3f} / {mrr:.3f}")
        close_libraries()


if __name__ == "__main__":
    main()
