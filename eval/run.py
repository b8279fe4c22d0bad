"""`python -m eval` / `newsbot eval`: run a dataset through bot.ask and print deterministic metrics.

    python -m eval --dataset gold|squad2|realtimeqa [--path P] [--json FILE] [--top-k N]

External datasets are indexed into a temporary NEWSBOT_HOME of their own; the user's index is never touched.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bot import NewsbotError, Settings, ask
from eval.datasets import DEFAULT_PATHS, load_gold, load_realtimeqa, load_squad2
from eval.metrics import contains_gold, exact_match, f1
from index.ingest import ingest


def load_dataset(name: str, path: Path | None, work: Path):
    if name == "gold":
        return load_gold(path or DEFAULT_PATHS["gold"])
    if name == "squad2":
        return load_squad2(path or DEFAULT_PATHS["squad2"], work)
    if name == "realtimeqa":
        return load_realtimeqa(path or DEFAULT_PATHS["realtimeqa"], work)
    raise NewsbotError(f"unknown dataset {name!r}: choose gold, squad2 or realtimeqa")


def evaluate(dataset, settings: Settings, top_k: int = 5) -> tuple[dict, list[dict]]:
    ingest([dataset.corpus], settings)
    records = []
    for it in dataset.items:
        t = time.perf_counter()
        a = ask(it.question, history=list(it.history) or None, top_k=top_k, settings=settings)
        ms = (time.perf_counter() - t) * 1000
        ranked = list(dict.fromkeys(p.article_id for p in a.passages))
        rank = next((i for i, aid in enumerate(ranked) if aid in it.article_ids), None)
        quotes = " ".join(c.quote for c in a.citations)
        records.append({
            "id": it.id, "type": it.type, "question": it.question, "standalone": a.standalone_question,
            "answers": list(it.answers), "answer": a.answer, "abstained": a.abstained, "latency_ms": ms,
            "contains": bool(it.answers) and not a.abstained and contains_gold(quotes, it.answers),
            "em": exact_match(quotes, it.answers) if it.answers and not a.abstained else 0.0,
            "f1": f1(quotes, it.answers) if it.answers and not a.abstained else 0.0,
            "article_rank": rank, "retrieved": ranked,
            "citations": [c.__dict__ for c in a.citations],
            "offset_errors": sum(1 for c in a.citations + a.related
                                 if Path(c.source).exists() and _text_at(c) != c.quote),
        })
    return summarize(dataset.name, records), records


def _text_at(c) -> str:
    return Path(c.source).read_text(encoding="utf-8")[c.start:c.end]


def summarize(name: str, records: list[dict]) -> dict:
    ans = [r for r in records if r["answers"]]
    una = [r for r in records if not r["answers"]]
    tp = sum(r["abstained"] for r in una)
    fp = sum(r["abstained"] for r in ans)
    fn = len(una) - tp
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    right = sum(r["contains"] for r in ans) + tp
    lat = np.array([r["latency_ms"] for r in records]) if records else np.zeros(1)
    ranks = [r["article_rank"] for r in ans]
    return {
        "dataset": name, "n": len(records), "n_answerable": len(ans), "n_unanswerable": len(una),
        "answer_contains_gold": _mean([r["contains"] for r in ans]),
        "exact_match": _mean([r["em"] for r in ans]), "f1": _mean([r["f1"] for r in ans]),
        "abstention": {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0},
        "overall_accuracy": right / len(records) if records else 0.0,
        "offset_errors": sum(r["offset_errors"] for r in records),
        "retrieval": {"hit@1": _mean([k is not None and k < 1 for k in ranks]),
                      "hit@5": _mean([k is not None and k < 5 for k in ranks]),
                      "mrr": _mean([1 / (k + 1) if k is not None else 0.0 for k in ranks])},
        "latency_ms": {"p50": float(np.percentile(lat, 50)), "p95": float(np.percentile(lat, 95))},
    }


def _mean(xs) -> float:
    xs = [float(x) for x in xs]
    return sum(xs) / len(xs) if xs else 0.0


def print_table(m: dict) -> None:
    rows = [("questions", f"{m['n']} ({m['n_answerable']} answerable, {m['n_unanswerable']} unanswerable)"),
            ("answer contains gold", f"{m['answer_contains_gold']:.3f}"), ("exact match", f"{m['exact_match']:.3f}"),
            ("token F1", f"{m['f1']:.3f}"),
            ("abstention P / R / F1", "{precision:.3f} / {recall:.3f} / {f1:.3f}".format(**m["abstention"])),
            ("overall accuracy", f"{m['overall_accuracy']:.3f}"), ("offset errors", str(m["offset_errors"])),
            ("article hit@1 / hit@5 / MRR", "{hit@1:.3f} / {hit@5:.3f} / {mrr:.3f}".format(**m["retrieval"])),
            ("latency p50 / p95 ms", "{p50:.1f} / {p95:.1f}".format(**m["latency_ms"]))]
    width = max(len(k) for k, _ in rows)
    print(f"dataset: {m['dataset']}")
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="newsbot eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="gold", choices=["gold", "squad2", "realtimeqa"])
    ap.add_argument("--path", type=Path, help="another copy of the dataset (default: the project's or ../shared)")
    ap.add_argument("--top-k", type=int, default=5)
    ap.add_argument("--json", type=Path, help="write the metrics as JSON to this file")
    ap.add_argument("--failures", action="store_true", help="print every failed question")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix=f"newsbot-eval-{args.dataset}-"))
    try:
        ds = load_dataset(args.dataset, args.path, work)
        settings = Settings.from_env({}, home=work / "home")
        metrics, records = evaluate(ds, settings, args.top_k)
    except NewsbotError as exc:
        print(f"newsbot eval: error: {exc}", file=sys.stderr)
        return 1
    print_table(metrics)
    if args.failures:
        for r in records:
            ok = r["abstained"] if not r["answers"] else r["contains"]
            if not ok:
                print(f"- [{r['type']}] {r['question']} (as: {r['standalone']})\n    expected {r['answers'] or 'abstain'}"
                      f"\n    got {'ABSTAIN' if r['abstained'] else r['answer'][:200]}\n    retrieved {r['retrieved'][:5]}")
    if args.json:
        args.json.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
