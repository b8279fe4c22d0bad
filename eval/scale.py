"""Scale benchmark: newsbot over an archive of N articles, `python -m eval.scale` (and `make bench-scale`).

    python -m eval.scale [--sizes 1000 10000] [--json FILE] [--out DIR] [--shared PATH]
                         [--embedding auto|real|standin] [--needles 30] [--generic 30] [--cold-runs 3]
                         [--seed 13] [--server | --server-only] [--keep DIR [--reuse]]

For each size N, in a temporary folder: an archive of N articles made from the benchmarks' real sentences, with
needles planted (eval/scale_corpus.py), is measured as a user would meet it, every step a fresh process whose
wall time and peak RSS (os.wait4) are read:

1. `newsbot ingest ARCHIVE` into an empty NEWSBOT_HOME (fresh ingest, articles/s, peak RSS of ingest);
2. `newsbot ingest ARCHIVE` again (re-ingest of the unchanged archive);
3. `newsbot ingest additions/latest.jsonl` (adding 10 articles to the full index);
4. that file deleted, `newsbot ingest --prune additions/latest.jsonl` (deleting the 10: the index is the
   archive's again), then the size of NEWSBOT_HOME on disk;
5. `newsbot ask QUESTION` three times (--cold-runs), each a fresh process (cold ask: the median);
6. `python -m eval.scale_ask` (one process: `from bot import ask`): one untimed question, then the needle
   questions and as many generic ones; warm p50 / p95, needle hit@1 and answer-contains-gold, peak RSS.

Embedding (``--embedding auto``): the packaged MiniLM up to 1000 articles, above that the hashing stand-in
eval/scale_embed.py through NEWSBOT_EMBED_MODEL (the table says which). ``--server`` measures the 10k size (or
the largest given) once more against a `chroma run` server (NEWSBOT_CHROMA_URL; ``--server-only``: that run
alone). Prints a Markdown table; ``--out DIR`` writes it to DIR/report.md with a log-log plot of every cost
against N (DIR/scale.svg) and the needles' answers (DIR/needles-N.json); ``--json FILE`` writes
``{"N": {"embedding", "ingest_s", ...}}`` (the server run under "N-server"). A size's files are written as soon
as it is measured.

``--keep DIR --reuse`` measures the asks again on the indexes an earlier ``--keep DIR`` run left: a size whose
DIR/N holds its index and questions is not built again, only steps 5 and 6 run (and the disk is read); the
other figures of its row are left empty. For before / after timings of the read side on one index: run the
same command from each checkout (PYTHONPATH puts the checkout's code first).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from eval.bench import newsbot_command
from eval.scale_corpus import Archive, generic_questions, load_pool, write_archive
from eval.scale_embed import NAME as STANDIN
from eval.scale_plot import render_svg
from eval.scale_proc import (ChromaServer, child_env, chroma_server, disk_mb, expect_counts, ingest_counts,
                             run_child)
from eval.scale_report import SizeResult, markdown_table, plot_series
from index.errors import NewsbotError, UsageError
from index.settings import PROJECT_DIR

REAL = "minilm-int8"
REAL_UP_TO = 1000  # --embedding auto: the real model up to this size, the stand-in above
COLD_RUNS = 3


@dataclass(frozen=True)
class Setup:
    """How one size is measured."""

    size: int
    embed_model: str  # NEWSBOT_EMBED_MODEL
    server: ChromaServer | None = None  # a `chroma run` server (NEWSBOT_CHROMA_URL), else the embedded store

    @property
    def chroma_url(self) -> str | None:
        return self.server.url if self.server else None

    @property
    def embedding(self) -> str:
        return f"{REAL} (real)" if self.embed_model == REAL else f"hashing stand-in ({self.embed_model})"


# -- one size ------------------------------------------------------------------------------------------------

def question_spec(archive: Archive, generic: tuple[str, ...]) -> dict:
    """What eval/scale_ask.py asks: the needles (gold answer and article known), then the generic questions."""
    needles = [{"question": n.question, "gold": n.gold, "article_id": aid} for n, aid in archive.needles]
    others = [{"question": q, "gold": None, "article_id": None} for q in generic]
    return {"warmup": "What happened this week?", "questions": needles + others}


def measure(setup: Setup, archive: Archive, work: Path, generic: tuple[str, ...], log,
            cold_runs: int = COLD_RUNS) -> tuple[SizeResult, list]:
    """Every figure of one size (see the module docstring); also the needles' answers."""
    home = work / "home"
    env = child_env(home, setup.embed_model, setup.chroma_url)
    nb = newsbot_command()
    n = setup.size

    log(f"{n:,}: fresh ingest ({setup.embedding})")
    fresh = run_child(nb + ["ingest", str(archive.root)], env)
    counts = ingest_counts(fresh)
    expect_counts("fresh ingest", counts, added=n, skipped=0)
    log(f"{n:,}: ingested in {fresh.seconds:.1f} s ({fresh.cpu_s:.0f} s CPU; {n / fresh.seconds:.1f} articles/s, "
        f"{counts['chunks']:,} chunks, {counts['vectors']:,} vectors), peak RSS {fresh.rss_mb:.0f} MB; re-ingest")
    again = run_child(nb + ["ingest", str(archive.root)], env)
    expect_counts("re-ingest", ingest_counts(again), unchanged=n, added=0, chunks=0)
    log(f"{n:,}: re-ingest {again.seconds:.1f} s ({again.cpu_s:.0f} s CPU); adding 10")
    add = run_child(nb + ["ingest", str(archive.additions)], env)
    expect_counts("add 10", ingest_counts(add), added=10)
    # A deleted feed file and `ingest --prune` naming it: how the CLI removes articles (index/plan.py prunable).
    archive.additions.unlink()
    log(f"{n:,}: added in {add.seconds:.1f} s ({add.cpu_s:.0f} s CPU); deleting 10")
    delete = run_child(nb + ["ingest", "--prune", str(archive.additions)], env)
    expect_counts("delete 10", ingest_counts(delete), removed=10)
    disk = disk_mb(home) + (disk_mb(work.parent / "chroma-server") if setup.server else 0.0)

    spec = question_spec(archive, generic)
    (work / "questions.json").write_text(json.dumps(spec), encoding="utf-8")  # what --reuse asks again
    log(f"{n:,}: deleted in {delete.seconds:.1f} s ({delete.cpu_s:.0f} s CPU); disk {disk:.0f} MB; cold asks")
    result, needles = measure_asks(setup, work, env, disk, len(archive.needles), log, cold_runs)
    return replace(result, ingest_s=round(fresh.seconds, 2), add10_s=round(add.seconds, 2),
                   delete10_s=round(delete.seconds, 2), reingest_s=round(again.seconds, 2),
                   rss_ingest_mb=round(fresh.rss_mb, 1), ingest_cpu_s=round(fresh.cpu_s, 1), chunks=counts["chunks"],
                   vectors=counts["vectors"], asks_only=False), needles


def measure_asks(setup: Setup, work: Path, env: dict[str, str], disk: float, n_needles: int, log,
                 cold_runs: int = COLD_RUNS) -> tuple[SizeResult, list]:
    """Steps 5 and 6 on the index in work/home, asking work/questions.json (its first n_needles are the
    needles): a SizeResult with only the asks' figures (and the disk) filled in."""
    n, nb = setup.size, newsbot_command()
    spec = json.loads((work / "questions.json").read_text(encoding="utf-8"))
    cold = [run_child(nb + ["ask", q["question"]], env) for q in spec["questions"][:cold_runs]]
    log(f"{n:,}: cold ask {statistics.median(c.seconds for c in cold):.2f} s "
        f"({statistics.median(c.cpu_s for c in cold):.1f} s CPU); warm asks")
    warm = run_child([sys.executable, "-m", "eval.scale_ask", str(work / "questions.json")], env)
    answers = json.loads(warm.stdout.strip().splitlines()[-1])
    lat = answers["latencies_ms"]
    needles = answers["results"][:n_needles]
    result = SizeResult(
        size=n, store="server" if setup.server else "embedded", embedding=setup.embedding,
        ingest_s=0.0, add10_s=0.0, delete10_s=0.0, reingest_s=0.0, disk_mb=round(disk, 1), rss_ingest_mb=0.0,
        rss_ask_mb=round(warm.rss_mb, 1), cold_ask_s=round(statistics.median(c.seconds for c in cold), 2),
        ask_p50_ms=round(float(np.percentile(lat, 50)), 1), ask_p95_ms=round(float(np.percentile(lat, 95)), 1),
        needle_hit1=round(sum(r["hit1"] for r in needles) / len(needles), 3),
        needle_contains=round(sum(r["contains"] for r in needles) / len(needles), 3),
        server_rss_mb=round(setup.server.peak_rss_mb(), 1) if setup.server else 0.0,
        needle_answers=tuple(r["answer"] for r in needles), asks_only=True)
    log(f"{n:,}: warm p50 {result.ask_p50_ms} ms, p95 {result.ask_p95_ms} ms, needle hit@1 {result.needle_hit1}, "
        f"contains {result.needle_contains}, peak RSS {warm.rss_mb:.0f} MB")
    return result, needles


def reuse_size(setup: Setup, work: Path, n_needles: int, log, cold_runs: int = COLD_RUNS) -> tuple[SizeResult, list]:
    """--reuse: the asks again on the index an earlier --keep run left in ``work``."""
    log(f"{setup.size:,}: reusing the index in {work}; cold asks")
    env = child_env(work / "home", setup.embed_model, setup.chroma_url)
    return measure_asks(setup, work, env, disk_mb(work / "home"), n_needles, log, cold_runs)


def reusable(work: Path) -> bool:
    return (work / "questions.json").is_file() and (work / "home").is_dir()


def run_size(setup: Setup, shared: Path, seed: int, needles: int, generic: tuple[str, ...], work: Path,
             log, keep: bool = False, cold_runs: int = COLD_RUNS) -> tuple[SizeResult, list]:
    """Write the archive for one size in ``work``, measure it, and (unless ``keep``) remove ``work`` again: an
    index of 100k articles takes gigabytes."""
    work.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        archive = write_archive(work, load_pool(shared), seed, setup.size, needles)
        log(f"{setup.size:,}: archive written in {time.perf_counter() - t:.1f} s "
            f"({disk_mb(archive.root):.0f} MB of JSONL)")
        return measure(setup, archive, work, generic, log, cold_runs)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


# -- the command ---------------------------------------------------------------------------------------------

def choose_model(size: int, embedding: str) -> str:
    if embedding == "real" or (embedding == "auto" and size <= REAL_UP_TO):
        return REAL
    return STANDIN


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m eval.scale", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], metavar="N", help="archive sizes")
    ap.add_argument("--embedding", choices=("auto", "real", "standin"), default="auto",
                    help=f"auto (default): the real model up to {REAL_UP_TO} articles, the stand-in above")
    ap.add_argument("--shared", type=Path, default=PROJECT_DIR.parent / "shared",
                    help="the folder holding benchmarks/ (default ../shared)")
    ap.add_argument("--needles", type=int, default=30, help="needle articles and questions (default 30)")
    ap.add_argument("--generic", type=int, default=30, help="generic questions timed beside the needles")
    ap.add_argument("--cold-runs", type=int, default=COLD_RUNS,
                    help=f"cold asks, the median reported (default {COLD_RUNS})")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--server", action="store_true",
                    help="also measure 10000 (or the largest size given) against a `chroma run` server")
    ap.add_argument("--server-only", action="store_true",
                    help="measure only that size, only against the server (the embedded runs left out)")
    ap.add_argument("--json", type=Path, metavar="FILE")
    ap.add_argument("--out", type=Path, metavar="DIR", help="write report.md, scale.svg and the needles' answers")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep the archives and indexes")
    ap.add_argument("--reuse", action="store_true",
                    help="with --keep DIR: a size DIR already holds (an earlier --keep run) is not built again, "
                         "only its cold and warm asks are measured")
    return ap


def check_args(args: argparse.Namespace) -> None:
    if any(n < 2 * args.needles for n in args.sizes) or args.needles < 1:
        raise UsageError(f"every size must hold at least twice the {args.needles} needles (and --needles >= 1)")
    if not 1 <= args.cold_runs <= args.needles:
        raise UsageError(f"--cold-runs must be from 1 to the number of needles ({args.needles}), got {args.cold_runs}")
    if args.reuse and not args.keep:
        raise UsageError("--reuse measures the indexes an earlier --keep DIR run left: give that --keep DIR")
    if not (args.shared / "benchmarks").is_dir():
        raise UsageError(f"no benchmarks/ under {args.shared}: pass --shared PATH")


def write_outputs(results: list[SizeResult], answers: dict[str, list], args: argparse.Namespace, table: str) -> None:
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({r.key: r.to_json() for r in results}, indent=2) + "\n", encoding="utf-8")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        command = "python -m eval.scale " + " ".join(sys.argv[1:])
        report = f"# newsbot at scale\n\n`{command}`\n\n{table}\n\n![costs against N](scale.svg)\n"
        (args.out / "report.md").write_text(report, encoding="utf-8")
        title = "newsbot: cost against archive size N (log-log; hollow points: the stand-in embedding)"
        (args.out / "scale.svg").write_text(render_svg(plot_series(results), title), encoding="utf-8")
        for key, rows in answers.items():
            (args.out / f"needles-{key}.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        check_args(args)
        shared = args.shared / "benchmarks"
        generic = generic_questions(shared, args.seed, args.generic)
        setups = [Setup(n, choose_model(n, args.embedding)) for n in args.sizes]
        work = Path(args.keep or tempfile.mkdtemp(prefix="newsbot-scale-"))
        t0 = time.perf_counter()

        def log(msg: str) -> None:
            print(f"[{time.perf_counter() - t0:7.1f} s] {msg}", file=sys.stderr, flush=True)

        results, answers = [], {}

        def done(r: SizeResult, rows: list) -> None:
            results.append(r)
            answers[r.key] = rows
            write_outputs(results, answers, args, markdown_table(results))  # each size kept as soon as measured

        try:
            for s in setups if not args.server_only else ():
                if args.reuse and reusable(work / str(s.size)):
                    done(*reuse_size(s, work / str(s.size), args.needles, log, args.cold_runs))
                    continue
                done(*run_size(s, shared, args.seed, args.needles, generic, work / str(s.size), log,
                               bool(args.keep), args.cold_runs))
            if args.server or args.server_only:
                size = 10000 if 10000 in args.sizes else max(args.sizes)
                folder = work / f"{size}-server"
                (folder / "chroma-server").mkdir(parents=True, exist_ok=True)
                with chroma_server(folder / "chroma-server") as server:
                    setup = Setup(size, choose_model(size, args.embedding), server)
                    done(*run_size(setup, shared, args.seed, args.needles, generic, folder / "run", log,
                                   bool(args.keep), args.cold_runs))
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    except NewsbotError as exc:
        print(f"eval.scale: error: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    print(markdown_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
