"""BM25 at archive scale: `python -m eval.bm25_bench [--articles 25000 100000] [--code DIR ...] [--json FILE]`.

For each size, a manifest of N synthetic articles is written straight into SQLite: sentences of the benchmark
articles (../shared/benchmarks, read at run time) recombined at random (seeded), chunks packed by characters
(about 96 tokens with one sentence of overlap, as index/chunk.py packs them by tiktoken counts, which would
take half an hour at 100k articles; BM25's costs depend on the number and length of chunks, not on their
exact boundaries). There are no vectors: BM25 follows the manifest alone.

Then a child process running the index code of each --code tree (default: this one; a checkout of another
commit gives its figures in the same run) times, on its own copy of the manifest: the first BM25 build,
adding 10 articles (their commits, then BM25 catching up, as ingest does), deleting 10, a reader in that
process moving to the new generation, a new process's first load, scores() p50 / p95 over the gold and
natural questions, peak RSS, and the size of the BM25 files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from index.settings import PROJECT_DIR

SHARED = PROJECT_DIR.parent / "shared" / "benchmarks"
MAX_CHARS = 430  # about 96 cl100k tokens of English news

_CHILD = r"""
import json, os, resource, shutil, subprocess, sys, time
from pathlib import Path
import numpy as np
from index.settings import Settings
from index.manifest import Manifest
from index.types import Article, Chunk, Sentence
import index.ingest as ing

manifest, work, new_file, questions_file = sys.argv[1:5]
home = Path(work) / "home"
shutil.rmtree(home, ignore_errors=True)
home.mkdir(parents=True)
settings = Settings.from_env({}, home=home)
shutil.copyfile(manifest, ing.manifest_path(settings))
import inspect
writer = {"writer": True} if "writer" in inspect.signature(ing.refresh_bm25).parameters else {}  # older code: none
m = Manifest(ing.manifest_path(settings))
out = {"chunks": m.count("chunks")}

def timed(key, fn):
    t = time.perf_counter()
    r = fn()
    out[key] = round(time.perf_counter() - t, 4)
    return r

timed("build_s", lambda: ing.refresh_bm25(settings, m, **writer))
new = [(Article(**a), [Sentence(**s) for s in ss], [Chunk(**c) for c in cs]) for a, ss, cs in json.load(open(new_file))]
timed("add10_commit_s", lambda: [m.commit_article(*n) for n in new])
timed("add10_bm25_s", lambda: ing.refresh_bm25(settings, m, **writer))
timed("reader_reload_s", lambda: ing.refresh_bm25(settings, m))
gone = [r[0] for r in m.db.execute("SELECT id FROM articles ORDER BY id LIMIT 10 OFFSET 100")]
timed("delete10_commit_s", lambda: [m.remove_article(a) for a in gone])
index = timed("delete10_bm25_s", lambda: ing.refresh_bm25(settings, m, **writer))
assert len(index.ids) == m.count("chunks") and not [i for i in index.ids if i.split("::")[0] in gone]
questions = json.load(open(questions_file))
index.scores(questions[0])
lat = []
for q in questions:
    t = time.perf_counter()
    index.scores(q)
    lat.append(time.perf_counter() - t)
out["scores_p50_ms"], out["scores_p95_ms"] = (round(1000 * float(np.percentile(lat, p)), 3) for p in (50, 95))
out["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
cold = subprocess.run([sys.executable, "-c", '''
import sys, time
from index.settings import Settings
from index.manifest import Manifest
import index.ingest as ing
s = Settings.from_env({}, home=sys.argv[1])
m = Manifest(ing.manifest_path(s))
t = time.perf_counter(); ing.refresh_bm25(s, m).scores("What did the president say?")
hwm = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM")][0]
print(time.perf_counter() - t, int(hwm) / 1024)
''', str(home)], capture_output=True, text=True, check=True).stdout.split()
out["reader_cold_s"], out["reader_rss_mb"] = round(float(cold[0]), 4), round(float(cold[1]))
out["bm25_disk_mb"] = round(sum(p.stat().st_size for p in home.rglob("*")
                                if "bm25" in p.relative_to(home).as_posix() and p.is_file()) / 2**20, 1)
print(json.dumps(out))
"""


def sentence_pool() -> list[str]:
    """Distinct sentences of the benchmark articles (RealTimeQA CNN gold texts, SQuAD 2.0 paragraphs)."""
    from index.sentences import split_sentences

    texts = []
    for f in sorted((SHARED / "realtimeqa_cnn").glob("*_gold.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            texts += [g.get("text") or "" for g in (json.loads(line).get("search_result") or [])] if line.strip() else []
    squad = json.loads((SHARED / "squad2_small" / "small.json").read_text(encoding="utf-8"))
    texts += [p["context"] for d in squad["data"] for p in d["paragraphs"]]
    out = [t[s:e].strip() for t in texts for s, e in split_sentences(t)]
    return list(dict.fromkeys(s for s in out if 30 <= len(s) <= 400))


def make_article(aid: str, sentences: list[str]) -> tuple[dict, list[dict], list[dict]]:
    """Article, sentence and chunk records (index.types fields) of the sentences joined by spaces."""
    text = " ".join(sentences)
    digest = hashlib.sha256(text.encode()).hexdigest()
    prefix = f"{aid}::{digest[:12]}.96.1"
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    article = {"id": aid, "title": aid, "source": f"/synthetic/{aid}.txt", "text": text, "content_hash": digest,
               "date": "2022-06-17"}
    sents = [{"id": f"{prefix}::s{i}", "article_id": aid, "ordinal": i, "start": a, "end": b, "text": text[a:b]}
             for i, (a, b) in enumerate(spans)]
    chunks, first = [], 0
    while first < len(spans):
        last = first
        while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= MAX_CHARS:
            last += 1
        a, b = spans[first][0], spans[last][1]
        chunks.append({"id": f"{prefix}::c{len(chunks)}", "article_id": aid, "ordinal": len(chunks), "start": a,
                       "end": b, "text": text[a:b], "first_sentence": first, "last_sentence": last})
        if last + 1 >= len(spans):
            break
        first = max(first + 1, last)  # one sentence of overlap
    return article, sents, chunks


def write_manifest(path: Path, n: int, pool: list[str]) -> None:
    """N synthetic articles in one transaction (the manifest's own schema; generation = N)."""
    from index.manifest import Manifest

    Manifest(path).close()  # creates the schema
    rng = random.Random(n)
    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("BEGIN")
    for i in range(n):
        a, ss, cs = make_article(f"a{i:06d}", [rng.choice(pool) for _ in range(rng.randint(5, 9))])
        db.execute("INSERT INTO articles(id, title, source, date, url, hash, text, ingested_at) VALUES(?,?,?,?,?,?,?,0)",
                   (a["id"], a["title"], a["source"], a["date"], None, a["content_hash"], a["text"]))
        db.executemany('INSERT INTO chunks(id, article_id, ordinal, start, "end", first_sentence, last_sentence) '
                       "VALUES(?,?,?,?,?,?,?)", [(c["id"], c["article_id"], c["ordinal"], c["start"], c["end"],
                                                  c["first_sentence"], c["last_sentence"]) for c in cs])
        db.executemany('INSERT INTO sentences(id, article_id, ordinal, start, "end") VALUES(?,?,?,?,?)',
                       [(s["id"], s["article_id"], s["ordinal"], s["start"], s["end"]) for s in ss])
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('generation', ?)", (str(n),))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bm25_bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[25_000])
    ap.add_argument("--code", type=Path, nargs="+", default=[PROJECT_DIR], help="project trees whose index/ to time")
    ap.add_argument("--json", type=Path, help="write {code: {articles: figures}} here")
    args = ap.parse_args(argv)
    pool = sentence_pool()
    rng = random.Random(7)
    questions = [json.loads(line)["question"] for name in ("gold", "natural")
                 for line in (PROJECT_DIR / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="bm25bench-") as tmp:
        work = Path(tmp)
        (work / "questions.json").write_text(json.dumps(questions))
        new = [make_article(f"new{i:02d}", [rng.choice(pool) for _ in range(7)]) for i in range(10)]
        (work / "new.json").write_text(json.dumps(new))
        for n in args.articles:
            manifest = work / f"m{n}.sqlite"
            write_manifest(manifest, n, pool)
            for code in args.code:
                run = subprocess.run([sys.executable, "-c", _CHILD, str(manifest), str(work / "run"),
                                      str(work / "new.json"), str(work / "questions.json")],
                                     env={**os.environ, "PYTHONPATH": str(code.resolve())},
                                     capture_output=True, text=True, cwd=code)
                if run.returncode:
                    sys.exit(f"{code}: {run.stderr[-3000:]}")
                figures = json.loads(run.stdout.strip().splitlines()[-1])
                results.setdefault(str(code), {})[str(n)] = figures
                print(f"{n} articles, {code}: {json.dumps(figures)}", flush=True)
                shutil.rmtree(work / "run", ignore_errors=True)
            manifest.unlink()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
