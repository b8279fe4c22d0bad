"""Speed benchmark: `python -m eval.bench` (or `make bench`).

Prints cold `newsbot ask` (process start to printed answer), warm ask() p50/p95, ingest throughput
(chunks/s) with peak RSS, and the re-ingest of the unchanged corpus, on the sample corpus by default
(``--corpus DIR`` for another). Every index lives in a temporary NEWSBOT_HOME.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from index.settings import PROJECT_DIR

TARGETS = {"cold_ask_s": 4.0, "warm_p50_ms": 50.0, "reingest_s": 2.0}
QUESTIONS = [
    "What did Sadr demand in exchange?", "When did the fierce fighting erupt?", "Who was Dan Senor?",
    "How many people were killed in Basra?", "What is the capital of France?",
    "What did the US agree to suspend?", "Where were overnight curfews imposed?",
]

_INGEST_CHILD = """
import json, resource, sys, time
from pathlib import Path
from index.settings import Settings
from index.ingest import ingest
t = time.perf_counter()
r = ingest([Path(sys.argv[1])], Settings.from_env())
print(json.dumps({"seconds": time.perf_counter() - t, "chunks": r.chunks_embedded, "vectors": r.vectors_embedded,
                  "articles": len(r.added) + len(r.updated) + len(r.unchanged),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _env(home: Path) -> dict:
    return {**os.environ, "NEWSBOT_HOME": str(home), "GRADIO_ANALYTICS_ENABLED": "False",
            "ANONYMIZED_TELEMETRY": "False", "HF_HUB_OFFLINE": "1"}


def _run_ingest(corpus: Path, home: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _INGEST_CHILD, str(corpus)], env=_env(home), check=True,
                         capture_output=True, text=True, cwd=PROJECT_DIR)
    return json.loads(out.stdout.strip().splitlines()[-1])


def newsbot_command() -> list[str]:
    """How to run the `newsbot` CLI of this venv (its script, or `python -m bot.cli`)."""
    exe = Path(sys.executable).with_name("newsbot")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "bot.cli"]


def bench(corpus: Path, runs: int) -> dict:
    home = Path(tempfile.mkdtemp(prefix="newsbot-bench-"))
    first = _run_ingest(corpus, home)
    again = _run_ingest(corpus, home)
    t = time.perf_counter()
    subprocess.run(newsbot_command() + ["ingest", str(corpus)], env=_env(home), check=True, capture_output=True)
    reingest_cli = time.perf_counter() - t

    cold = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(newsbot_command() + ["ask", QUESTIONS[0]], env=_env(home), check=True, capture_output=True)
        cold.append(time.perf_counter() - t)

    os.environ["NEWSBOT_HOME"] = str(home)
    from bot import Settings, ask

    settings = Settings.from_env()
    ask(QUESTIONS[0], settings=settings)  # open the library once: what "warm" means
    lat = []
    for _ in range(runs):
        for q in QUESTIONS:
            t = time.perf_counter()
            ask(q, settings=settings)
            lat.append((time.perf_counter() - t) * 1000)
    return {
        "corpus": str(corpus), "articles": first["articles"], "chunks": first["chunks"],
        "ingest_s": round(first["seconds"], 3),
        "ingest_chunks_per_s": round(first["chunks"] / first["seconds"], 1),
        "ingest_vectors_per_s": round(first["vectors"] / first["seconds"], 1),
        "ingest_peak_rss_mb": round(first["peak_rss_mb"], 1),
        "reingest_s": round(again["seconds"], 3), "reingest_embedded_chunks": again["chunks"],
        "reingest_cli_s": round(reingest_cli, 3),
        "cold_ask_s": round(statistics.median(cold), 3),
        "warm_p50_ms": round(float(np.percentile(lat, 50)), 2), "warm_p95_ms": round(float(np.percentile(lat, 95)), 2),
        "warm_questions": len(lat),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=PROJECT_DIR / "corpus")
    ap.add_argument("--squad2", action="store_true",
                    help="ingest the 87 SQuAD paragraphs of ../shared instead (a larger corpus for throughput)")
    ap.add_argument("--runs", type=int, default=20, help="passes over the warm questions")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    corpus = args.corpus
    if args.squad2:
        from eval.datasets import DEFAULT_PATHS, load_squad2

        corpus = load_squad2(DEFAULT_PATHS["squad2"], Path(tempfile.mkdtemp(prefix="newsbot-bench-squad-"))).corpus
    r = bench(corpus, args.runs)
    print(f"corpus: {r['corpus']} ({r['articles']} articles, {r['chunks']} chunks)")
    print(f"  ingest (fresh)          {r['ingest_s']:.2f} s  {r['ingest_chunks_per_s']} chunks/s "
          f"({r['ingest_vectors_per_s']} vectors/s incl. sentences), peak RSS {r['ingest_peak_rss_mb']} MB")
    print(f"  re-ingest (unchanged)   {r['reingest_s']:.3f} s in-process, {r['reingest_cli_s']:.2f} s as "
          f"`newsbot ingest`, {r['reingest_embedded_chunks']} chunks embedded   (target <= {TARGETS['reingest_s']} s)")
    print(f"  cold `newsbot ask`      {r['cold_ask_s']:.2f} s median of 3   (target <= {TARGETS['cold_ask_s']} s)")
    print(f"  warm ask()              p50 {r['warm_p50_ms']} ms, p95 {r['warm_p95_ms']} ms over {r['warm_questions']} "
          f"questions   (target p50 <= {TARGETS['warm_p50_ms']} ms)")
    if args.json:
        args.json.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
