"""The soak test's writer: another process that adds, updates and deletes festival articles in NEWSBOT_HOME
while the chat answers (eval/soak.py starts it).

    python -m eval.soak_churn ROOT --seconds N --log FILE [--seed S] [--pause P]

ROOT is the folder the index was built from (eval/soak_corpus.py). Each step changes one festival file and
brings the index in line the way a user would: `newsbot ingest ROOT --prune` (index.ingest.ingest, the
CLI's code), or for a deletion, half of the time, the chat's Delete (index.ingest.remove_articles). One JSON
line per step in FILE: {"action", "article_id", "visitors" (the new version, or null), "start", "end"},
where `end` is time.time() just after the call returned, so the change was committed before `end`.
A failed step is logged with its "error" and ends the process with status 1.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from eval.soak_corpus import FESTIVALS, festival_id, visitors_in, write_festival
from index.embed import make_embedding
from index.errors import NewsbotError
from index.ingest import ingest, remove_articles
from index.settings import Settings


def live_festivals(root: Path) -> dict[int, int]:
    """slot -> visitors of the festival files present under ROOT."""
    out = {}
    for slot in range(len(FESTIVALS)):
        path = root / f"{festival_id(slot)}.txt"
        if path.exists():
            out[slot] = max(visitors_in(path.read_text(encoding="utf-8")))
    return out


def step(root: Path, settings: Settings, live: dict[int, int], next_visitors: int, rng: random.Random,
         embed_model) -> dict:
    """One change, ingested; returns its log record (live is updated)."""
    slot = rng.randrange(len(FESTIVALS))
    aid = festival_id(slot)
    if slot in live and (rng.random() < 0.5 or len(live) == len(FESTIVALS)):
        action = "delete" if rng.random() < 0.5 else "delete-in-chat"
        (root / f"{aid}.txt").unlink()
        start = time.time()
        if action == "delete":
            done = ingest([root], settings, prune=True, embed_model=embed_model).removed
        else:
            done = remove_articles([aid], settings)
        end = time.time()
        del live[slot]
        record = {"action": action, "article_id": aid, "visitors": None}
    else:
        action = "update" if slot in live else "add"
        write_festival(root, slot, next_visitors)
        start = time.time()
        report = ingest([root], settings, prune=True, embed_model=embed_model)
        end = time.time()
        done = report.updated if action == "update" else report.added
        live[slot] = next_visitors
        record = {"action": action, "article_id": aid, "visitors": next_visitors}
    if aid not in done:
        record["error"] = f"{action} of {aid} did not happen: {done}"
    return {**record, "start": start, "end": end}


def churn(root: Path, settings: Settings, seconds: float, log: Path, seed: int = 0, pause: float = 0.3) -> int:
    """Change festivals until `seconds` have passed; returns the number of steps."""
    rng = random.Random(seed)
    live = live_festivals(root)
    next_visitors = max(live.values(), default=100000) + 1
    model = make_embedding(settings.embed_model)
    deadline = time.time() + seconds
    steps = 0
    with open(log, "a", encoding="utf-8") as out:
        while time.time() < deadline:
            try:
                record = step(root, settings, live, next_visitors, rng, model)
            except NewsbotError as exc:
                record = {"action": "failed", "error": f"{type(exc).__name__}: {exc}", "end": time.time()}
            out.write(json.dumps(record) + "\n")
            out.flush()
            if "error" in record:
                raise SystemExit(f"churn step failed: {record['error']}")
            next_visitors += 1
            steps += 1
            time.sleep(max(0.0, min(pause, deadline - time.time())))
    return steps


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.soak_churn", description=__doc__.splitlines()[0])
    p.add_argument("root", type=Path)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--log", type=Path, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--pause", type=float, default=0.3, help="seconds between steps")
    args = p.parse_args(argv)
    steps = churn(args.root, Settings.from_env(), args.seconds, args.log, args.seed, args.pause)
    print(f"{steps} changes in {args.seconds:.0f} s, CPU {time.process_time():.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
