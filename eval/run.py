"""`python -m eval` / `newsbot eval`: run a dataset through bot.ask and print deterministic metrics.

    python -m eval --dataset gold|natural|squad2|realtimeqa [--path P]
    python -m eval --dataset user --questions FILE.jsonl --corpus DIR
    python -m eval --dataset user --questions SQUAD_V2.json
        [--json FILE] [--report DIR] [--baseline llamaindex] [--top-k N] [--failures] [--mode llm [--llm local]]

Every dataset is indexed into a temporary NEWSBOT_HOME of its own; the user's index is never touched.
--mode llm answers every question twice on that index, extractive and LLM (NEWSBOT_LLM* variables), and
compares the two (eval/llm_eval.py).
Metric definitions: eval/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import numpy as np

from bot import NewsbotError, Settings, ask, rank_articles, search
from bot.library import close_libraries, open_library
from bot.llm import describe_llm
from eval.datasets import DEFAULT_PATHS, Dataset, load_gold, load_natural, load_realtimeqa, load_squad2, load_user
from eval.llm_eval import (llm_fields, llm_settings, llm_summary, mode_rows, print_modes, report_section,
                           shown_sentences, with_sentences)
from eval.metrics import (abstention_scores, citation_scores, citation_supports, contains_gold, evidence_spans,
                          exact_match, f1, first_rank, rank_scores)
from index.ingest import ingest

DATASETS = ("gold", "natural", "squad2", "realtimeqa", "user")
ARTICLE_RANK_DEPTH = 40  # passages searched to rank articles: every chunk the fusion yields at ask()'s depth
MODES = ("extractive", "llm")
BASELINES = ("llamaindex",)


def load_dataset(name: str, path: Path | None, work: Path, *, questions: Path | None = None,
                 corpus: Path | None = None) -> Dataset:
    if name != "user" and (questions or corpus):
        raise NewsbotError("--questions and --corpus go with --dataset user (use --path for another copy of "
                           f"the {name} dataset)")
    if name == "gold":
        return load_gold(path or DEFAULT_PATHS["gold"])
    if name == "natural":
        return load_natural(path or DEFAULT_PATHS["natural"], work)
    if name == "squad2":
        return load_squad2(path or DEFAULT_PATHS["squad2"], work)
    if name == "realtimeqa":
        return load_realtimeqa(path or DEFAULT_PATHS["realtimeqa"], work)
    if name == "user":
        if path is not None:
            raise NewsbotError("--dataset user reads --questions FILE (and --corpus DIR), not --path")
        if questions is None:
            raise NewsbotError("--dataset user needs --questions FILE (JSONL questions, or a SQuAD v2 JSON file)")
        return load_user(questions, corpus, work)
    raise NewsbotError(f"unknown dataset {name!r}: choose one of {', '.join(DATASETS)}")


def evaluate(dataset: Dataset, settings: Settings, top_k: int = 5) -> tuple[dict, list[dict]]:
    """Ingest the dataset's corpus into ``settings.home``, ask every question; (metrics, per-question records)."""
    records = ask_all(dataset, settings, top_k, prepare(dataset, settings))
    return summarize(dataset.name, records), records


def prepare(dataset: Dataset, settings: Settings) -> Callable:
    """Ingest the dataset's corpus into ``settings.home``; return supports(citation, item) -> bool, the gold
    check of one citation (evidence spans are found once per article and evidence)."""
    report = ingest([dataset.corpus], settings)
    lib = open_library(settings)
    _check_article_ids(dataset, lib.articles, report)
    spans: dict[tuple[str, str], list] = {}

    def supports(c, it) -> bool:
        key = (c.article_id, it.evidence)
        if key not in spans:
            text = lib.articles[c.article_id].text if c.article_id in lib.articles else ""
            spans[key] = evidence_spans(text, it.evidence)
        return citation_supports((c.start, c.end), c.quote, it.answers, spans[key])

    return supports


def ask_all(dataset: Dataset, settings: Settings, top_k: int, supports: Callable,
            mode: str = "extractive") -> list[dict]:
    """Ask every question of an ingested dataset in ``mode``; one record per question."""
    # Untimed: loads the embedder, opens Chroma (and in llm mode loads the model), so latencies are warm.
    ask("warm up", settings=settings, mode=mode)
    records = []
    for it in dataset.items:
        t = time.perf_counter()
        a = ask(it.question, history=list(it.history) or None, top_k=top_k, settings=settings, mode=mode)
        ms = (time.perf_counter() - t) * 1000
        lib = open_library(settings)
        # Articles ranked by their best passage in a deeper run of the same retrieval (hit@k by article);
        # the articles of the passages ask() read are kept apart ("in the top-k chunks").
        deep = search(it.question, history=list(it.history) or None, top_k=ARTICLE_RANK_DEPTH, settings=settings)
        ranked = rank_articles(deep)
        read = rank_articles(a.passages)
        quotes = " ".join(c.quote for c in a.citations)
        answered = bool(it.answers) and not a.abstained
        r = {
            "id": it.id, "type": it.type, "question": it.question, "standalone": a.standalone_question,
            "history": list(it.history), "answers": list(it.answers), "article_ids": list(it.article_ids),
            "evidence": it.evidence, "answer": a.answer, "abstained": a.abstained, "latency_ms": ms,
            "status": a.status,
            "contains": answered and contains_gold(quotes, it.answers),
            # Lenient: an "uncertain" answer (the closest sentence, cited) that holds the gold answer counts.
            "contains_lenient": bool(it.answers) and a.status != "not_found" and contains_gold(quotes, it.answers),
            "em": exact_match(quotes, it.answers) if answered else 0.0,
            "f1": f1(quotes, it.answers) if answered else 0.0,
            "article_rank": first_rank(ranked, set(it.article_ids)), "retrieved": ranked[:10],
            "read_rank": first_rank(read, set(it.article_ids)),
            "citations": [dict(c.__dict__, supports=bool(it.answers) and supports(c, it)) for c in a.citations],
            "related": [dict(c.__dict__) for c in a.related],
            "passages": [{"rank": i + 1, "article_id": p.article_id, "chunk_id": p.chunk_id, "start": p.start,
                          "end": p.end, "score": p.score, "dense_rank": p.dense_rank, "bm25_rank": p.bm25_rank,
                          "dense_score": p.dense_score, "text": p.text,
                          "has_answer": bool(it.answers) and contains_gold(p.text, it.answers)}
                         for i, p in enumerate(a.passages)],
            # Offsets are checked against the article text as stored in the index, not the file.
            "offset_errors": sum(1 for c in a.citations + a.related
                                 if c.article_id not in lib.articles
                                 or lib.articles[c.article_id].text[c.start:c.end] != c.quote),
        }
        # The shown sentences, each judged by the gold check of the citations it carries.
        r["sentences"] = shown_sentences(a.answer, a.abstained, r["citations"], bool(it.answers))
        if mode == "llm":
            r.update(llm_fields(a))
        records.append(r)
    return records


def _check_article_ids(dataset: Dataset, articles: dict, report) -> None:
    """Unknown article ids: an error for user datasets, a warning otherwise; so is evidence found nowhere."""
    lost = [it.id for it in dataset.items if it.evidence and not any(
        evidence_spans(articles[a].text, it.evidence) for a in (it.article_ids or articles) if a in articles)]
    if lost:
        print(f"newsbot eval: warning: the evidence of {len(lost)} question(s) is not in their articles "
              f"({', '.join(lost[:5])}{' ...' if len(lost) > 5 else ''}): their citations are judged by "
              "answer containment only", file=sys.stderr)
    missing = sorted({a for it in dataset.items for a in it.article_ids} - set(articles))
    if not missing:
        return
    some = ", ".join(repr(a) for a in missing[:5]) + (" ..." if len(missing) > 5 else "")
    known = ", ".join(repr(a) for a in sorted(articles)[:3])
    msg = (f"{len(missing)} article id(s) named by the questions are not in the index built from "
           f"{dataset.corpus}: {some}. Ids are file paths below the corpus folder without extension "
           f"(e.g. {known})" + (f"; {len(report.skipped)} file(s) were skipped" if report.skipped else ""))
    if dataset.name == "user":
        raise NewsbotError(msg)
    print(f"newsbot eval: warning: {msg}", file=sys.stderr)


def summarize(name: str, records: list[dict]) -> dict:
    """The metrics, with exactly the keys documented in eval/README.md."""
    ans = [r for r in records if r["answers"]]
    una = [r for r in records if not r["answers"]]
    abst = abstention_scores([r["abstained"] for r in ans], [r["abstained"] for r in una])
    right = sum(r["contains"] for r in ans) + sum(r["abstained"] for r in una)
    cprec, crec = citation_scores([[c["supports"] for c in r["citations"]] if not r["abstained"] else []
                                   for r in ans])
    lat = np.array([r["latency_ms"] for r in records]) if records else np.zeros(1)
    return {
        "dataset": name, "n": len(records), "n_answerable": len(ans), "n_unanswerable": len(una),
        "answer_contains_gold": _mean([r["contains"] for r in ans]),
        "exact_match": _mean([r["em"] for r in ans]), "f1": _mean([r["f1"] for r in ans]),
        "abstention": abst,
        "overall_accuracy": right / len(records) if records else 0.0,
        "citation_precision": cprec, "citation_recall": crec,
        "offset_errors": sum(r["offset_errors"] for r in records),
        "retrieval": {**rank_scores([r["article_rank"] for r in ans]),
                      "in_top_k_chunks": _mean([r.get("read_rank") is not None for r in ans])},
        "latency_ms": {"p50": float(np.percentile(lat, 50)), "p95": float(np.percentile(lat, 95))},
        # The answer policy (bot/answer/policy.py): strict scoring counts "uncertain" as not answered;
        # lenient counts an uncertain answer that holds the gold answer as right.
        "status": {s: sum(r.get("status") == s for r in records) for s in ("answered", "uncertain", "not_found")},
        "answer_contains_gold_lenient": _mean([r.get("contains_lenient", r["contains"]) for r in ans]),
        "refused_answerable": _mean([r["abstained"] for r in ans]),
        "answered_unanswerable": _mean([not r["abstained"] for r in una]),
        "unanswerable_refused": _mean([r["abstained"] for r in una]) if una else None,
    }


def answer_in_retrieved(records: list[dict]) -> float:
    """Share of answerable questions whose retrieved passages hold a gold answer (console and report only)."""
    ans = [r for r in records if r["answers"]]
    return _mean([any(p["has_answer"] for p in r["passages"]) for r in ans])


def is_failure(r: dict) -> bool:
    return not r["abstained"] if not r["answers"] else not r["contains"]


def _mean(xs) -> float:
    xs = [float(x) for x in xs]
    return sum(xs) / len(xs) if xs else 0.0


def table_rows(m: dict, records: list[dict], baseline: dict | None = None) -> list[tuple[str, str, str]]:
    """(metric, newsbot, baseline) rows for the console and the report; "-" where the baseline has no value."""
    r, b = m["retrieval"], (baseline or {}).get("retrieval")
    rows = [("questions", f"{m['n']} ({m['n_answerable']} answerable, {m['n_unanswerable']} unanswerable)",
             f"{baseline['n_answerable']} answerable" if baseline else "-"),
            ("answer contains gold", f"{m['answer_contains_gold']:.3f}", "-"),
            ("... counting uncertain answers", f"{m['answer_contains_gold_lenient']:.3f}", "-"),
            ("answered / uncertain / not found", "{answered} / {uncertain} / {not_found}".format(**m["status"]), "-"),
            ("answerable refused / unanswerable answered",
             f"{m['refused_answerable']:.3f} / {m['answered_unanswerable']:.3f}", "-"),
            ("exact match", f"{m['exact_match']:.3f}", "-"), ("token F1", f"{m['f1']:.3f}", "-"),
            ("abstention P / R / F1", "{precision:.3f} / {recall:.3f} / {f1:.3f}".format(**m["abstention"]), "-"),
            ("overall accuracy", f"{m['overall_accuracy']:.3f}", "-"),
            ("citation precision / recall", f"{m['citation_precision']:.3f} / {m['citation_recall']:.3f}", "-"),
            ("offset errors", str(m["offset_errors"]), "-"),
            ("article hit@1 / hit@5 / MRR", "{hit@1:.3f} / {hit@5:.3f} / {mrr:.3f}".format(**r),
             "{hit@1:.3f} / {hit@5:.3f} / {mrr:.3f}".format(**b) if b else "-"),
            ("gold article in the chunks read", f"{r['in_top_k_chunks']:.3f}",
             f"{b['in_top_k_chunks']:.3f}" if b else "-"),
            ("gold answer in retrieved text", f"{answer_in_retrieved(records):.3f}",
             f"{baseline['answer_in_retrieved']:.3f}" if baseline else "-"),
            ("latency p50 / p95 ms", "{p50:.1f} / {p95:.1f}".format(**m["latency_ms"]),
             "{p50:.1f} / {p95:.1f}".format(**baseline["latency_ms"]) if baseline else "-")]
    return rows


def print_table(m: dict, records: list[dict], baseline: dict | None = None) -> None:
    rows = table_rows(m, records, baseline)
    w0 = max(len(k) for k, _, _ in rows)
    w1 = max(len(v) for _, v, _ in rows + [("", "newsbot", "")])
    print(f"dataset: {m['dataset']}")
    if baseline:
        print(f"  {'':<{w0}}  {'newsbot':<{w1}}  llama-index baseline")
    for k, v, bv in rows:
        print(f"  {k:<{w0}}  {v:<{w1}}  {bv}".rstrip() if baseline else f"  {k:<{w0}}  {v}")
    if baseline:
        print(f"  (baseline: {baseline['name']}; retrieval only, on the raw question)")


def print_failures(records: list[dict]) -> None:
    for r in records:
        if is_failure(r):
            print(f"- [{r['type']}] {r['question']} (as: {r['standalone']})\n    expected {r['answers'] or 'abstain'}"
                  f"\n    got {r.get('status', 'ABSTAIN') if r['abstained'] else ''} {r['answer'][:200]}"
                  f"\n    retrieved {r['retrieved'][:5]}")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="newsbot eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default="gold", choices=DATASETS)
    ap.add_argument("--path", type=Path, help="another copy of the gold/squad2/realtimeqa dataset")
    ap.add_argument("--questions", type=Path, metavar="FILE",
                    help="--dataset user: JSONL of {question, answers, article_ids?, history?}, or SQuAD v2 JSON")
    ap.add_argument("--corpus", type=Path, metavar="DIR", help="--dataset user with JSONL: the articles to ingest")
    ap.add_argument("--top-k", type=int, default=5)
    ap.add_argument("--json", type=Path, metavar="FILE", help="write the metrics as JSON to this file")
    ap.add_argument("--report", type=Path, metavar="DIR", help="write DIR/report.md and plots (needs matplotlib)")
    ap.add_argument("--baseline", choices=BASELINES, help="also run llama-index's default RAG retrieval")
    ap.add_argument("--failures", action="store_true", help="print every failed question")
    ap.add_argument("--mode", choices=MODES, help="extractive (default), or llm: run the dataset in both modes on "
                    "the same index and compare them (the LLM from NEWSBOT_LLM* variables)")
    ap.add_argument("--llm", choices=("local",), help="--mode llm with the bundled SmolLM2 (= NEWSBOT_LLM=local)")
    return ap


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.llm and args.mode == "extractive":
        ap.error("--llm goes with --mode llm")
    mode = args.mode or ("llm" if args.llm else "extractive")  # --llm local alone means --mode llm
    if args.report and importlib.util.find_spec("matplotlib") is None:  # say so before a long run, not after
        print("newsbot eval: error: --report needs matplotlib: pip install -e '.[eval]'", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix=f"newsbot-eval-{args.dataset}-"))
    try:
        # llm mode fails here, before any ingest, when no LLM is configured.
        settings = (llm_settings(os.environ, work / "home", args.llm) if mode == "llm"
                    else Settings.from_env({}, home=work / "home"))
        ds = load_dataset(args.dataset, args.path, work, questions=args.questions, corpus=args.corpus)
        supports = prepare(ds, settings)
        records = ask_all(ds, settings, args.top_k, supports)
        metrics = summarize(ds.name, records)
        llm_m = llm_records = None
        if mode == "llm":  # the same questions again, on the same index
            llm_records = ask_all(ds, settings, args.top_k, supports, mode="llm")
            llm_m = dict(summarize(ds.name, llm_records), **llm_summary(llm_records), model=describe_llm(settings))
            metrics = with_sentences(metrics, records)
        baseline = None
        if args.baseline:
            from eval.baseline import run_llamaindex

            baseline = run_llamaindex(ds)
    except NewsbotError as exc:
        print(f"newsbot eval: error: {exc}", file=sys.stderr)
        return 1
    finally:
        close_libraries()
        shutil.rmtree(work, ignore_errors=True)  # the temporary index and benchmark corpus
    print_table(metrics, records, baseline)
    rows = mode_rows(metrics, llm_m) if llm_m else []
    if llm_m:
        print_modes(rows, llm_m)
    if args.failures:
        print_failures(records)
    if args.json:
        out = dict(metrics, baseline=baseline) if baseline else dict(metrics)
        if llm_m:
            out["llm"] = llm_m
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    if args.report:
        from eval.report import write_report

        path = write_report(args.report, metrics, records, "python -m eval " + shlex.join(argv),
                            table_rows(metrics, records, baseline), baseline,
                            report_section(rows, llm_m, llm_records) if llm_m else None)
        print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
