"""The scale benchmark's processes (eval/scale.py): children timed with their peak RSS, a `chroma run` server,
and the disk a folder takes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from index.errors import NewsbotError
from index.settings import PROJECT_DIR

_COUNTS = re.compile(r"added (\d+), updated (\d+), unchanged (\d+), removed (\d+), skipped (\d+)")
_EMBEDDED = re.compile(r"embedded (\d+) chunks \((\d+) vectors")


@dataclass(frozen=True)
class ChildRun:
    """One finished child process: its wall time, peak RSS (its own and its children's) and output."""

    seconds: float
    rss_mb: float
    stdout: str
    cpu_s: float = 0.0  # user + system CPU time: on a busy machine, what the wall time would be closer to


# -- child processes -----------------------------------------------------------------------------------------

def child_env(home: Path, embed_model: str, chroma_url: str | None = None) -> dict[str, str]:
    """This environment without the user's NEWSBOT_* settings, on the size's own NEWSBOT_HOME. PYTHONPATH puts
    this checkout first, so `newsbot` and the stand-in embedding are this tree's even under another's install."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env.update(NEWSBOT_HOME=str(home), NEWSBOT_EMBED_MODEL=embed_model, GRADIO_ANALYTICS_ENABLED="False",
               ANONYMIZED_TELEMETRY="False", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false",
               PYTHONPATH=os.pathsep.join(p for p in (str(PROJECT_DIR), os.environ.get("PYTHONPATH")) if p))
    if chroma_url:
        env["NEWSBOT_CHROMA_URL"] = chroma_url
    return env


def run_child(cmd: list[str], env: dict[str, str], timeout: float | None = None) -> ChildRun:
    """Run ``cmd`` to its end; NewsbotError with its output's tail when it fails or outlives ``timeout``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=PROJECT_DIR, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        try:
            # wait4, not wait: the rusage of this one child (ru_maxrss in KiB on Linux).
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        finally:
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if proc.returncode != 0:
            tail = (stdout + err.read().decode("utf-8", "replace"))[-3000:]
            raise NewsbotError(f"`{' '.join(cmd)}` failed with exit status {proc.returncode} after {seconds:.0f} s:"
                               f"\n{tail}")
    return ChildRun(seconds, usage.ru_maxrss / 1024, stdout, usage.ru_utime + usage.ru_stime)


def ingest_counts(run: ChildRun) -> dict[str, int]:
    """The counts `newsbot ingest` printed: added, updated, unchanged, removed, skipped, chunks, vectors."""
    m = _COUNTS.search(run.stdout)
    if not m:
        raise NewsbotError(f"unexpected `newsbot ingest` output:\n{run.stdout[-2000:]}")
    counts = dict(zip(("added", "updated", "unchanged", "removed", "skipped"), map(int, m.groups())))
    e = _EMBEDDED.search(run.stdout)
    counts["chunks"], counts["vectors"] = (int(e.group(1)), int(e.group(2))) if e else (0, 0)
    return counts


def expect_counts(step: str, counts: dict[str, int], **want: int) -> None:
    """A step that did not do what it is measured for makes the figure meaningless: stop."""
    wrong = {k: counts[k] for k, v in want.items() if counts[k] != v}
    if wrong:
        raise NewsbotError(f"{step}: expected {want}, `newsbot ingest` reported {counts}")


def disk_mb(*folders: Path) -> float:
    """Space the folders take on disk (allocated blocks, as du counts)."""
    total = 0
    for folder in folders:
        for root, _, files in os.walk(folder):
            for f in files:
                try:
                    total += os.lstat(os.path.join(root, f)).st_blocks * 512
                except OSError:
                    pass  # removed meanwhile
    return total / 2**20


@dataclass(frozen=True)
class ChromaServer:
    url: str
    pid: int

    def peak_rss_mb(self) -> float:
        """The server's peak RSS so far (VmHWM), 0 when it cannot be read."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return 0.0
        m = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
        return int(m.group(1)) / 1024 if m else 0.0


@contextmanager
def chroma_server(folder: Path, timeout: float = 60) -> Iterator[ChromaServer]:
    """A `chroma run` server (this venv's) on a free port, as tests/conftest.py starts one, until the end."""
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    cmd = [str(Path(sys.executable).with_name("chroma")), "run", "--path", str(folder / "db"), "--host", "127.0.0.1",
           "--port", str(port)]
    with open(folder / "server.log", "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=dict(os.environ, ANONYMIZED_TELEMETRY="False"))
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise NewsbotError(f"`chroma run` did not start:\n{(folder / 'server.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        yield ChromaServer(url, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
