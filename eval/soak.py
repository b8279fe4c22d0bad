"""Soak test: the chat serving many concurrent sessions over HTTP while another process changes the index.

    python -m eval.soak [--sessions 50] [--seconds 60] [--json FILE] [--pause 0.3] [--keep DIR]

In a temporary folder: 50 people and 8 festivals (eval/soak_corpus.py) are indexed by `newsbot ingest`, then
`newsbot chat` serves them. Each session, half of them browser pages (Gradio's own protocol, the conversation
kept on the server, the page's heartbeat held open until it is reloaded) and half clients of `/ask` (Gradio's HTTP API), asks in a loop until the time is up: a question
naming its person, a follow-up that says only "she", then a festival's visitor count. Meanwhile
`python -m eval.soak_churn` adds, updates and deletes festivals (`ingest --prune`, or the chat's Delete) and
logs when each change was committed. Afterwards every answer is checked:

- errors: an HTTP or Gradio error, an error message in the chat, a traceback in the chat's log, a failed change;
- cross-talk: a person's answer without her own number (the follow-up's "she" resolved from another
  history), a follow-up not understood as about her, a page showing messages it did not ask;
- stale: an answer citing a festival version (each has its own visitor count) replaced or deleted before the
  question was sent, or a deleted festival while it stayed deleted for the whole request;
- missed: a festival left alone for the whole request whose answer lacks its current count.

Latency is time.time() from sending the question to the complete answer (a page's answer is streamed: its
last frame). The result (JSON with --json) has the counts, the first violations, p50 / p95 / max latency,
the changes made and the chat's memory. Exit status 0 when errors, cross-talk, stale and missed are all 0.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import httpx
import numpy as np

from eval.bench import newsbot_command
from eval.soak_client import ApiSession, ChatConfig, ChatPage, Turn
from eval.soak_corpus import (FESTIVALS, PEOPLE, festival_id, festival_question, people, visitors_in,
                              write_festival, write_people)
from index.settings import PROJECT_DIR

QUESTIONS_PER_PAGE = 9  # then the session opens a new page (a reload): a conversation of 3 rounds
CHECKS = ("errors", "crosstalk", "stale", "missed")


@dataclass(frozen=True)
class Change:
    """One committed change of the churn process (eval/soak_churn.py): committed before `end`."""

    action: str
    article_id: str
    visitors: int | None  # the new version's count; None for a deletion
    start: float
    end: float


@dataclass(frozen=True)
class Asked:
    session: int
    kind: str  # "page" or "api"
    turn: Turn
    festival: int | None = None  # the festival slot asked about, for the staleness checks
    problems: tuple[tuple[str, str], ...] = ()  # (check, what) found while asking (cross-talk)


@dataclass
class Log:
    """What the sessions did, shared by their threads."""

    asked: list[Asked] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, item: Asked) -> None:
        with self.lock:
            self.asked.append(item)

    def error(self, what: str, first: bool = False) -> None:
        with self.lock:
            self.errors.insert(0 if first else len(self.errors), what)


class Versions:
    """Which festival version was live when, from the initial counts and the churn log."""

    def __init__(self, initial: dict[str, int], changes: list[Change]):
        self.changes = sorted(changes, key=lambda c: c.end)
        self.initial = initial
        # visitors -> (article id, end of the change that replaced or deleted it; inf while it lasts)
        self.replaced: dict[int, tuple[str, float]] = {v: (aid, float("inf")) for aid, v in initial.items()}
        current = dict(initial)
        for c in self.changes:
            if c.article_id in current:
                self.replaced[current[c.article_id]] = (c.article_id, c.end)
            if c.visitors is None:
                current.pop(c.article_id, None)
            else:
                current[c.article_id] = c.visitors
                self.replaced[c.visitors] = (c.article_id, float("inf"))

    def state_at(self, article_id: str, t: float) -> int | None:
        """The version committed last before t (None: deleted or never added)."""
        v = self.initial.get(article_id)
        for c in self.changes:
            if c.end < t and c.article_id == article_id:
                v = c.visitors
        return v

    def changing(self, article_id: str, start: float, end: float) -> bool:
        """Whether a change of this article may have been committed between start and end."""
        return any(c.article_id == article_id and c.start <= end and c.end >= start for c in self.changes)

    def problems(self, a: Asked) -> list[tuple[str, str]]:
        """Stale and missed findings for one answer (any question: a card may show a festival)."""
        t = a.turn
        out = []
        shown = set(visitors_in(t.answer)) | {v for q in t.quotes for v in visitors_in(q)}
        for v in sorted(shown):
            aid, gone = self.replaced.get(v, ("?", float("inf")))
            if gone < t.start:
                out.append(("stale", f"session {a.session} {t.question!r} sent at {t.start:.3f} shows {aid} "
                                      f"version {v}, replaced or deleted at {gone:.3f}"))
        for source in t.sources:
            aid = _festival_of(source)
            if aid and self.state_at(aid, t.start) is None and not self.changing(aid, t.start, t.end):
                out.append(("stale", f"session {a.session} {t.question!r} sent at {t.start:.3f} cites {aid}, "
                                      "deleted before and for the whole request"))
        if a.festival is not None:
            aid = festival_id(a.festival)
            live = self.state_at(aid, t.start)
            if live is not None and not self.changing(aid, t.start, t.end) and live not in shown:
                out.append(("missed", f"session {a.session} {t.question!r}: {aid} held version {live} for the whole "
                                       f"request, the answer shows {sorted(shown)}: {_short(t.answer)}"))
        return out


def _festival_of(source: str) -> str | None:
    """The festival article id of a card's source (a path or an id), else None."""
    for slot in range(len(FESTIVALS)):
        aid = festival_id(slot)
        if source == aid or source.replace(os.sep, "/").endswith(f"{aid}.txt"):
            return aid
    return None


def _short(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[:n] + "\u2026"


# -- the sessions ---------------------------------------------------------------------------------------------

def person_problems(a: Asked, expected: str, name: str, follow_up: bool, page: ChatPage | None) -> list:
    t, out = a.turn, []
    if expected not in t.answer:
        out.append(("crosstalk", f"session {a.session} {t.question!r}: expected {expected!r}, got {_short(t.answer)}"))
    if follow_up and name not in t.standalone:
        out.append(("crosstalk", f"session {a.session} {t.question!r} understood as {t.standalone!r}, not about {name}"))
    if page is not None:
        users = [m for m in t.messages if m.get("role") == "user"]
        if len(users) != len(page.questions) or len(t.messages) != 2 * len(page.questions) or not all(
                html.escape(q) in str(m.get("content")) for q, m in zip(page.questions, users)):
            out.append(("crosstalk", f"session {a.session}: the page shows {len(t.messages)} messages "
                                     f"{[_short(str(m.get('content')), 60) for m in users]} for its questions "
                                     f"{page.questions}"))
    return out


def run_session(i: int, url: str, start: threading.Barrier, clock: dict, log: Log) -> None:
    """One user until clock["deadline"]: rounds of (her person, the follow-up, a festival)."""
    kind = "page" if i % 2 == 0 else "api"
    p = people()[i % PEOPLE]
    rng = random.Random(i)
    (q1, e1), (q2, e2) = p.questions()
    http = httpx.Client(timeout=httpx.Timeout(60, read=300))
    page: ChatPage | None = None
    try:
        try:
            config = ChatConfig.read(http, url) if kind == "page" else None
        except Exception as exc:  # noqa: BLE001 - a session that cannot start is an error of the run
            log.error(f"session {i} could not connect: {type(exc).__name__}: {exc}")
            start.abort()
            return
        try:
            start.wait()
        except threading.BrokenBarrierError:
            return  # another session could not connect: the run is over (and says so)
        asked = 0
        while time.time() < clock["deadline"]:
            if asked % QUESTIONS_PER_PAGE == 0:  # a new page (a reload), or a fresh /ask history
                if page is not None:
                    page.close()
                page = ChatPage(url, http, config, heartbeat=True) if kind == "page" else None
                api = ApiSession(url, http) if kind == "api" else None
            slot = rng.randrange(len(FESTIVALS))
            for question, festival, expected, follow_up in ((q1, None, e1, False), (q2, None, e2, True),
                                                            (festival_question(slot), slot, None, False)):
                if time.time() >= clock["deadline"]:
                    break
                try:
                    turn = page.ask(question) if page is not None else api.ask(question)
                except Exception as exc:  # noqa: BLE001 - every failure is counted, then the user reloads
                    log.error(f"session {i} ({kind}) {question!r}: {type(exc).__name__}: {_short(str(exc), 300)}")
                    asked = 0
                    time.sleep(1.0)  # as a user would, before reloading the page
                    break
                asked += 1
                a = Asked(i, kind, turn, festival)
                if expected is not None:
                    a = Asked(i, kind, turn, festival, tuple(person_problems(a, expected, p.name, follow_up, page)))
                log.add(a)
    finally:
        if page is not None:
            page.close()
        http.close()


# -- the processes ---------------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """This environment without the user's NEWSBOT_* settings, on the soak's own NEWSBOT_HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env.update(NEWSBOT_HOME=str(home), GRADIO_ANALYTICS_ENABLED="False", ANONYMIZED_TELEMETRY="False",
               HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false", **extra)
    return env


@contextmanager
def serving_chat(home: Path, log_path: Path, timeout: float = 180, **env: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """`newsbot chat` on a free port; yields (its URL ending in "/", the process) once its page answers."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    with open(log_path, "w") as out:
        proc = subprocess.Popen(newsbot_command() + ["chat", "--port", str(port)], env=child_env(home, **env),
                                cwd=PROJECT_DIR, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"newsbot chat exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(url, timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"newsbot chat did not answer on {url} within {timeout:.0f} s")
            time.sleep(0.3)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def process_stats(pid: int) -> dict[str, float]:
    """The process's resident memory now and at its peak (MB) and the CPU time it used (s), from Linux /proc."""
    out: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out["rss_mb" if key == "VmRSS" else "peak_rss_mb"] = round(int(value.split()[0]) / 1024, 1)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        out["cpu_s"] = round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 1)  # utime + stime
    except (OSError, ValueError, IndexError):
        pass
    return out


def prepare(work: Path) -> tuple[Path, Path, dict[str, int]]:
    """The articles and their index (built by `newsbot ingest`); returns (root, home, festival versions)."""
    root, home = work / "articles", work / "home"
    write_people(root)
    initial = {}
    for slot in range(0, len(FESTIVALS), 2):  # half of the festivals exist at the start
        write_festival(root, slot, 100000 + slot)
        initial[festival_id(slot)] = 100000 + slot
    done = subprocess.run(newsbot_command() + ["ingest", str(root)], env=child_env(home), cwd=PROJECT_DIR,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"newsbot ingest failed ({done.returncode}): {done.stdout}{done.stderr}")
    return root, home, initial


# -- the run -------------------------------------------------------------------------------------------------

def run_soak(sessions: int = 50, seconds: float = 60, *, pause: float = 0.3, work: Path | None = None,
             echo=print) -> dict:
    """Run the soak; returns the result dict (see the module docstring)."""
    own = work is None
    work = Path(tempfile.mkdtemp(prefix="newsbot-soak-")) if own else work
    try:
        return _run(sessions, seconds, pause, work, echo)
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)


def _run(sessions: int, seconds: float, pause: float, work: Path, echo) -> dict:
    t0 = time.time()
    root, home, initial = prepare(work)
    echo(f"indexed {PEOPLE} people and {len(initial)} festivals in {time.time() - t0:.1f} s; starting the chat")
    chat_log, churn_log = work / "chat.log", work / "churn.jsonl"
    log = Log()
    with serving_chat(home, chat_log) as (url, chat):
        with httpx.Client(timeout=300) as http:  # the first question loads the models
            warm = ApiSession(url, http).ask(people()[0].questions()[0][0])
        memory_start = process_stats(chat.pid)
        echo(f"chat up at {url} (first answer {warm.seconds:.2f} s); {sessions} sessions for {seconds:.0f} s")
        clock: dict = {}
        procs: list[subprocess.Popen] = []

        def go() -> None:  # every session has its page or client: start the clock and the writer
            clock["deadline"] = time.time() + seconds
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "eval.soak_churn", str(root), "--seconds", str(seconds), "--log",
                 str(churn_log), "--pause", str(pause)], env=child_env(home), cwd=PROJECT_DIR,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))

        barrier = threading.Barrier(sessions + 1, action=go, timeout=300)
        threads = [threading.Thread(target=run_session, args=(i, url, barrier, clock, log), daemon=True,
                                    name=f"soak-session-{i}") for i in range(sessions)]
        for th in threads:
            th.start()
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            log.error("the sessions did not all connect")
        started, cpu = time.time(), time.process_time()
        rss = watch_chat(chat, threads, clock, log, started)
        wall = time.time() - started
        client_cpu = time.process_time() - cpu
        churn_out = ""
        for churn in procs:
            try:
                churn_out = churn.communicate(timeout=300)[0]
            except subprocess.TimeoutExpired:
                churn.kill()
                churn_out = churn.communicate()[0]
            if churn.returncode != 0:
                log.error(f"the churn process failed ({churn.returncode}): {churn_out[-1000:]}")
        memory_end = process_stats(chat.pid) if chat.poll() is None else {}
    text = chat_log.read_text(errors="replace")
    if "Traceback" in text:
        log.error(f"the chat's log holds a traceback: {text[text.index('Traceback'):][:1500]}")
    changes = [Change(**{k: r[k] for k in ("action", "article_id", "visitors", "start", "end")})
               for r in _read_jsonl(churn_log) if "error" not in r]
    return summarize(log, Versions(initial, changes), sessions=sessions, seconds=seconds, wall=wall,
                     chat={"start": memory_start, "end": memory_end, "rss_mb_every_10s": rss}, client_cpu_s=round(client_cpu, 1),
                     churn=churn_out.strip())


def watch_chat(chat: subprocess.Popen, threads: list[threading.Thread], clock: dict, log: Log,
               started: float) -> list[float]:
    """Until the sessions end: the chat's RSS every 10 s; if the chat dies, say when and stop the sessions."""
    rss = []
    while any(th.is_alive() for th in threads):
        if chat.poll() is not None:
            log.error(f"the chat process died ({chat.returncode}) {time.time() - started:.0f} s into the run",
                      first=True)  # the cause of the errors the sessions saw
            clock["deadline"] = 0.0
            break
        if (time.time() - started) // 10 >= len(rss):
            rss.append(process_stats(chat.pid).get("rss_mb", 0.0))
        time.sleep(0.2)
    for th in threads:
        th.join(timeout=600)
    return rss


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _latency(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    arr = np.asarray(values) * 1000
    return {"n": len(values), "p50_ms": round(float(np.percentile(arr, 50)), 1),
            "p95_ms": round(float(np.percentile(arr, 95)), 1), "max_ms": round(float(arr.max()), 1)}


def summarize(log: Log, versions: Versions, **run) -> dict:
    """Counts, first examples of every check, latencies and the changes, as one JSON-able dict."""
    found: dict[str, list[str]] = {c: [] for c in CHECKS}
    found["errors"] += log.errors
    for a in log.asked:
        for check, what in list(a.problems) + versions.problems(a):
            found[check].append(what)
    deleted_checked = sum(
        1 for a in log.asked if a.festival is not None
        and any(c.visitors is None and c.article_id == festival_id(a.festival) and c.end < a.turn.start
                for c in versions.changes))
    actions: dict[str, int] = {}
    for c in versions.changes:
        actions[c.action] = actions.get(c.action, 0) + 1
    return {
        **run,
        "questions": len(log.asked),
        "questions_per_s": round(len(log.asked) / run["wall"], 2) if run.get("wall") else None,
        **{c: len(v) for c, v in found.items()},
        "examples": {c: v[:10] for c, v in found.items() if v},
        "latency": {"all": _latency([a.turn.seconds for a in log.asked]),
                    "page": _latency([a.turn.seconds for a in log.asked if a.kind == "page"]),
                    "api": _latency([a.turn.seconds for a in log.asked if a.kind == "api"]),
                    "page_first_frame": _latency([a.turn.first_frame - a.turn.start for a in log.asked
                                                  if a.turn.first_frame is not None])},
        "changes": actions,
        "festival_questions_after_a_deletion": deleted_checked,
    }


def ok(result: dict) -> bool:
    return all(result[c] == 0 for c in CHECKS) and result["questions"] > 0


def report(result: dict) -> str:
    lat = result["latency"]
    lines = [f"{result['sessions']} sessions, {result['wall']:.0f} s: {result['questions']} answers "
             f"({result['questions_per_s']}/s); changes committed meanwhile: {result['changes']}",
             "  " + ", ".join(f"{c} {result[c]}" for c in CHECKS)]
    for name in ("all", "page", "api", "page_first_frame"):
        if lat[name]["n"]:
            lines.append(f"  latency {name:16s} p50 {lat[name]['p50_ms']:.0f} ms, p95 {lat[name]['p95_ms']:.0f} ms, "
                         f"max {lat[name]['max_ms']:.0f} ms (n={lat[name]['n']})")
    lines.append(f"  festival questions asked after a deletion of that festival: "
                 f"{result['festival_questions_after_a_deletion']}")
    chat = result["chat"]
    start, end = chat["start"], chat["end"]
    lines.append(f"  chat process: RSS {start.get('rss_mb')} MB after warm-up, "
                 + (f"{end.get('rss_mb')} MB at the end (peak {end.get('peak_rss_mb')} MB); CPU "
                    f"{end.get('cpu_s', 0) - start.get('cpu_s', 0):.0f} s during the run" if end else "gone at the end"))
    lines.append(f"  chat RSS every 10 s (MB): {chat.get('rss_mb_every_10s')}")
    lines.append(f"  the sessions' own CPU {result['client_cpu_s']:.0f} s; the churn process: {result['churn']}")
    for check, examples in result["examples"].items():
        lines += [f"  {check}:"] + [f"    {e}" for e in examples[:5]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.soak", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sessions", type=int, default=50)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--pause", type=float, default=0.3, help="seconds between two changes of the churn process")
    p.add_argument("--json", type=Path, help="write the result here")
    p.add_argument("--keep", type=Path, help="work in this new (or empty) folder and keep it: the index, the chat's "
                                            "log, the churn log")
    args = p.parse_args(argv)
    if args.sessions < 1 or args.seconds <= 0:
        p.error("--sessions and --seconds must be positive")
    if args.keep:
        if args.keep.exists() and (not args.keep.is_dir() or any(args.keep.iterdir())):
            p.error(f"--keep {args.keep}: not an empty folder (a run needs a fresh index and logs)")
        args.keep.mkdir(parents=True, exist_ok=True)
    result = run_soak(args.sessions, args.seconds, pause=args.pause, work=args.keep)
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if ok(result) else 1


if __name__ == "__main__":
    sys.exit(main())
