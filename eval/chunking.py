"""How big should chunks be? `python -m eval.chunking` indexes SQuAD 2.0 (dev subset) and the gold set
with each chunk size and overlap and prints retrieval and answer metrics, so the default
(index/settings.py: chunk_tokens, chunk_overlap) is a measured choice. Development data only.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bot.library import close_libraries
from eval.datasets import DEFAULT_PATHS, load_gold, load_squad2
from eval.run import evaluate
from index.settings import Settings


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="64,96,128,160,200,256")
    ap.add_argument("--overlaps", default="0,1")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="newsbot-chunking-"))
    datasets = [load_squad2(DEFAULT_PATHS["squad2"], work / "squad2"), load_gold()]
    print("tokens overlap | " + " | ".join(f"{d.name}: hit@1 hit@5 contains overall" for d in datasets))
    for size in (int(s) for s in args.sizes.split(",")):
        for overlap in (int(o) for o in args.overlaps.split(",")):
            cells = []
            for ds in datasets:
                settings = Settings.from_env({}, home=work / f"{ds.name}-{size}-{overlap}", chunk_tokens=size,
                                             chunk_overlap=overlap)
                m, _ = evaluate(ds, settings)
                close_libraries()
                cells.append(f"{m['retrieval']['hit@1']:.3f} {m['retrieval']['hit@5']:.3f} "
                             f"{m['answer_contains_gold']:.3f} {m['overall_accuracy']:.3f}")
            print(f"{size:>6} {overlap:>7} | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
