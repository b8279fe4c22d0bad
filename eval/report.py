"""`python -m eval ... --report DIR`: DIR/report.md plus two PNG plots (matplotlib, Agg backend).

The report holds the headline metrics (beside the llama-index baseline when it ran), the metrics per
question type, the command that produced it, and every failed question with what it expected, what came
back (answer, citations with offsets) and what retrieval returned, so a failure can be debugged from the
report alone. matplotlib is imported here only, and only when a report is written (the `eval` extra).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

TYPE_PLOT = "metrics_by_type.png"
LATENCY_PLOT = "latency.png"
PASSAGE_CHARS = 600  # passage text shown per retrieved chunk of a failed question


def _right(r: dict) -> bool:
    return r["abstained"] if not r["answers"] else r["contains"]


def _rate(xs: list) -> float | None:
    return sum(xs) / len(xs) if xs else None


def by_type(records: list[dict]) -> list[dict]:
    """Per question type (in order of first appearance): counts, answer-contains-gold over its answerable
    questions, abstention-right over its unanswerable ones, overall accuracy, article hit@5, mean latency."""
    out = []
    for t in dict.fromkeys(r["type"] for r in records):
        rs = [r for r in records if r["type"] == t]
        ans = [r for r in rs if r["answers"]]
        una = [r for r in rs if not r["answers"]]
        out.append({"type": t, "n": len(rs), "n_answerable": len(ans), "n_unanswerable": len(una),
                    "answer_contains_gold": _rate([r["contains"] for r in ans]),
                    "abstention_right": _rate([r["abstained"] for r in una]),
                    "accuracy": _rate([_right(r) for r in rs]),
                    "hit@5": _rate([r["article_rank"] is not None and r["article_rank"] < 5 for r in ans]),
                    "latency_ms": _rate([r["latency_ms"] for r in rs])})
    return out


def _plots(out: Path, types: list[dict], records: list[dict], metrics: dict) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [t["type"] for t in types]
    xs = range(len(names))
    fig, ax = plt.subplots(figsize=(max(6, 1.3 * len(names) + 2), 4))
    for off, key, label in ((-0.2, "answer_contains_gold", "answer contains gold (answerable)"),
                            (0.2, "abstention_right", "abstained (unanswerable)")):
        vals = [t[key] if t[key] is not None else 0.0 for t in types]
        bars = ax.bar([x + off for x in xs], vals, width=0.4, label=label)
        for bar, t in zip(bars, types):
            if t[key] is not None:
                ax.annotate(f"{t[key]:.2f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            ha="center", va="bottom", fontsize=8)
    ax.set_xticks(list(xs), [f"{n}\n(n={t['n']})" for n, t in zip(names, types)])
    ax.set_ylim(0, 1.3)
    ax.set_ylabel("share right")
    ax.set_title(f"{metrics['dataset']}: right answers and abstentions by question type")
    ax.legend(loc="upper center", ncol=2, fontsize=8)
    fig.tight_layout()
    fig.savefig(out / TYPE_PLOT, dpi=100)
    plt.close(fig)

    lat = [r["latency_ms"] for r in records]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.hist(lat, bins=min(40, max(5, len(lat) // 5)), color="tab:gray")
    for q, style in (("p50", "--"), ("p95", ":")):
        v = metrics["latency_ms"][q]
        ax.axvline(v, color="black", linestyle=style, label=f"{q} {v:.1f} ms")
    ax.set_xlabel("ask() latency per question, ms (warm: after one untimed question)")
    ax.set_ylabel("questions")
    ax.set_title(f"{metrics['dataset']}: latency ({len(lat)} questions)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / LATENCY_PLOT, dpi=100)
    plt.close(fig)


def _cell(x) -> str:
    return str(x).replace("|", "\\|").replace("\n", " ")


def _q(text: str) -> str:
    """Text shown exactly (JSON string: newlines and quotes visible), safe inside Markdown tables."""
    return _cell(json.dumps(text, ensure_ascii=False))


def _dash(v) -> str:
    return "-" if v is None else str(v)


def _fmt(v) -> str:
    return "-" if v is None else f"{v:.3f}"


def _table(header: list[str], rows: list[list]) -> list[str]:
    return (["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows])


def _citation_rows(cites: list[dict], show_support: bool) -> list[str]:
    header = ["n", "article", "start", "end", "score"] + (["supports gold"] if show_support else []) + ["quote"]
    return _table(header, [[c["n"], c["article_id"], c["start"], c["end"], f"{c['score']:.3f}"]
                           + (["yes" if c.get("supports") else "no"] if show_support else []) + [_q(c["quote"])]
                           for c in cites])


def failure_section(i: int, r: dict) -> list[str]:
    lines = [f"### {i}. [{r['type']}] {r['id']}: {_cell(r['question'])}", ""]
    if r["standalone"].strip() != r["question"].strip():
        lines.append(f"- standalone rewrite: {_cell(r['standalone'])}")
    else:
        lines.append("- standalone rewrite: (unchanged)")
    for m in r.get("history") or []:
        lines.append(f"- history {m.get('role')}: {_cell(m.get('content', ''))}")
    expected = "; ".join(_q(a) for a in r["answers"]) if r["answers"] else "abstain"
    lines.append(f"- expected: {expected}")
    if r["answers"]:
        lines.append(f"- gold articles: {', '.join(r['article_ids']) or '(none given)'}; gold rank among "
                     f"retrieved articles: {'not retrieved' if r['article_rank'] is None else r['article_rank'] + 1}")
    if r.get("evidence"):
        lines.append(f"- evidence: {_q(r['evidence'])}")
    lines.append(f"- got: {'ABSTAIN' if r['abstained'] else _q(r['answer'])}  ({r['latency_ms']:.1f} ms)")
    lines.append("")
    if r["citations"]:
        lines += ["Citations:", ""] + _citation_rows(r["citations"], bool(r["answers"])) + [""]
    if r["abstained"] and r.get("related"):
        lines += ["Related passages shown with the abstention:", ""] + _citation_rows(r["related"], False) + [""]
    gold = set(r["article_ids"])
    rows = [[p["rank"], p["article_id"] + (" (gold)" if p["article_id"] in gold else ""), p["chunk_id"],
             f"[{p['start']}, {p['end']})", f"{p['score']:.4f}", _dash(p["dense_rank"]), _dash(p["bm25_rank"]),
             f"{p['dense_score']:.3f}",
             "yes" if p["has_answer"] else ("no" if r["answers"] else "-"),
             _q(p["text"][:PASSAGE_CHARS] + ("\u2026" if len(p["text"]) > PASSAGE_CHARS else ""))]
            for p in r["passages"]]
    lines += ["Retrieved passages (fused rank):", ""]
    lines += _table(["rank", "article", "chunk", "range", "score", "dense rank", "bm25 rank", "cosine",
                     "holds answer", "text"], rows) if rows else ["(nothing retrieved)"]
    return lines + [""]


def write_report(out: Path, metrics: dict, records: list[dict], command: str,
                 rows: list[tuple[str, str, str]], baseline: dict | None = None,
                 extra: list[str] | None = None) -> Path:
    """Write ``out``/report.md and the two plots; return the report's path. ``extra``: Markdown lines of
    one more section, appended (the LLM mode's, eval/llm_eval.py)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    types = by_type(records)
    _plots(out, types, records, metrics)
    failures = [r for r in records if not _right(r)]
    lines = [f"# newsbot eval: {metrics['dataset']}", "",
             f"Command: `{command}`  ", f"Written {time.strftime('%Y-%m-%d %H:%M:%S')}; "
             f"{metrics['n']} questions, {len(failures)} failed.", "", "## Metrics", ""]
    if baseline:
        lines += _table(["metric", "newsbot", "llama-index baseline"], [list(r) for r in rows])
        lines += ["", f"Baseline: {baseline['name']}. Retrieval only, on the raw question (no follow-up "
                      f"rewrite); {baseline['n_chunks']} chunks from {baseline['n_articles']} articles, indexed "
                      f"in {baseline['index_seconds']:.1f} s. Its hit@5 can only count the articles of its "
                      f"top {baseline['similarity_top_k']} chunks."]
    else:
        lines += _table(["metric", "newsbot"], [[k, v] for k, v, _ in rows])
    lines += ["", "Definitions: eval/README.md. A question fails when it is answerable and the cited text "
                  "holds no gold answer, or unanswerable and newsbot answered.", "",
              "## By question type", ""]
    lines += _table(["type", "n", "answerable", "answer contains gold", "unanswerable", "abstained right",
                     "accuracy", "hit@5", "mean ms"],
                    [[t["type"], t["n"], t["n_answerable"], _fmt(t["answer_contains_gold"]), t["n_unanswerable"],
                      _fmt(t["abstention_right"]), _fmt(t["accuracy"]), _fmt(t["hit@5"]), f"{t['latency_ms']:.1f}"]
                     for t in types])
    lines += ["", f"![metrics by question type]({TYPE_PLOT})", "", "## Latency", "",
              f"![latency histogram]({LATENCY_PLOT})", "", f"## Failed questions ({len(failures)})", ""]
    if not failures:
        lines.append("None.")
    for i, r in enumerate(failures, 1):
        lines += failure_section(i, r)
    lines += [""] + extra if extra else []
    path = out / "report.md"
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return path
