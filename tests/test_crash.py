"""Crash safety with real processes: an ingest SIGKILLed at any moment leaves the previous index queryable,
and the next ingest finishes the work with no orphan vectors left in the store (Chroma's chunks, the SQLite
sentence vectors).

The ingest runs in a child process that prints what it does ("upsert", "commit", "progress" lines). It is
killed (SIGKILL, no cleanup) either by itself at an exact point (between the vector writes of a batch, half-way
through deleting an old version's vectors) or by this process at moments chosen from the ingest's measured
progress. After every kill a fresh process checks the index and asks the probe question.
"""

from __future__ import annotations

import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
SAMPLE_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
EDITED_ID = "002_66587a816fcca4e1"  # edited in the bigger corpus: its old vectors must be replaced
N_GENERATED = 32

CHILD = r"""
import json, os, signal, sys, time
home, corpus, mode = sys.argv[1:4]
overrides = {"chunk_tokens": int(sys.argv[4])} if len(sys.argv) > 4 else {}
from index.settings import Settings
import index.ingest as ing
from index.manifest import Manifest
from index.vectors import VectorStore

def die():
    os.kill(os.getpid(), signal.SIGKILL)

n_upserts = 0
real_upsert = VectorStore.upsert
def upsert(self, kind, ids, *args, **kwargs):
    global n_upserts
    real_upsert(self, kind, ids, *args, **kwargs)
    n_upserts += 1
    print("upsert", kind, len(ids), flush=True)
    if mode == f"after_upsert:{n_upserts}":
        die()  # vectors in the store, listed as pending, not in the manifest
VectorStore.upsert = upsert

committed = set()
real_delete = VectorStore.delete
def delete(self, kind, ids):
    # mid_delete:ID -- after article ID's new version is committed, die half-way through deleting the old one;
    # mid_delete:pending -- die half-way through deleting the leftovers of a killed run, at start-up.
    target = mode.split(":", 1)[1] if mode.startswith("mid_delete:") else None
    if ids and target is not None and (target in committed or (target == "pending" and not committed)):
        real_delete(self, kind, ids[: len(ids) // 2])
        print("half-deleted", kind, len(ids), flush=True)
        die()
    real_delete(self, kind, ids)
VectorStore.delete = delete

real_commit = Manifest.commit_article
def commit(self, article, sentences, chunks):
    stale = real_commit(self, article, sentences, chunks)
    committed.add(article.id)
    print("commit", article.id, len(stale), flush=True)
    return stale
Manifest.commit_article = commit

t0 = time.monotonic()
print("start", flush=True)
report = ing.ingest([corpus], Settings.from_env({}, home=home, **overrides),
                    progress=lambda done, total: print("progress", done, total, flush=True))
print("done", json.dumps({"added": report.added, "updated": report.updated, "unchanged": report.unchanged,
                          "chunks": report.chunks_embedded, "seconds": time.monotonic() - t0}), flush=True)
"""

VERIFY = r"""
import json, sys
home, question = sys.argv[1:3]
from index.ingest import manifest_path, bm25_path
from index.manifest import Manifest
from index.settings import Settings
from index.vectors import VectorStore

settings = Settings.from_env({}, home=home)
m = Manifest(manifest_path(settings))
store = VectorStore(settings)
articles = {a.id: a for a in m.articles()}
pending = {i for i, _ in m.pending()}
out = {"articles": sorted(articles), "pending": len(pending), "problems": [],
       "hashes": {a.id: a.content_hash for a in articles.values()}}
import numpy as np
from index.embed import embed_texts, make_embedding
model = make_embedding(settings.embed_model)
for kind, rows in (("chunk", m.chunks()), ("sentence", m.sentences())):
    ids = [r[0] for r in rows]
    # Neither store keeps the texts (they are the manifest's): every 4th vector is checked against its text
    # embedded again
    vecs = store.vectors(kind, ids)
    check = [r for r in rows[::4] if r[0] in vecs]
    again = embed_texts(model, [articles[r[1]].text[r[3]:r[4]] for r in check]) if check else []
    docs = {r[0]: articles[r[1]].text[r[3]:r[4]] for r in rows if r[0] in vecs}
    for r, v in zip(check, again):
        if float(np.dot(v, vecs[r[0]])) < 0.999:
            docs[r[0]] = "<a vector of another text>"
    for r in rows:
        if r[0] not in docs:
            out["problems"].append(f"{kind} {r[0]} is in the manifest but not in the store")
        elif articles[r[1]].text[r[3]:r[4]] != docs[r[0]]:
            out["problems"].append(f"{kind} {r[0]}: the stored text differs from the manifest offsets")
        elif len(vecs[r[0]]) != 384:
            out["problems"].append(f"{kind} {r[0]}: vector of {len(vecs[r[0]])} dimensions")
    by_article = {}
    for r in rows:
        by_article.setdefault(r[1], []).append(r[2])
    for aid in articles:
        if sorted(by_article.get(aid, [])) != list(range(len(by_article.get(aid, [])))) or aid not in by_article:
            out["problems"].append(f"article {aid}: {kind} ordinals {sorted(by_article.get(aid, []))}")
    in_chroma = set(store.cols[kind].get(include=[])["ids"] if kind == "chunk" else store.sentences.ids())
    orphans = in_chroma - set(ids)
    out[f"{kind}_manifest"], out[f"{kind}_chroma"] = len(ids), len(in_chroma)
    out[f"{kind}_orphans"] = len(orphans)
    untracked = sorted(orphans - pending)
    if untracked:  # vectors nobody will ever delete
        out["problems"].append(f"{len(untracked)} {kind} vectors stored are neither live nor pending: {untracked[:3]}")
from index.static import count_tokens
out["chunking"] = m.get_meta("chunking")
out["max_chunk_tokens"] = max(count_tokens(articles[c[1]].text[c[3]:c[4]]) for c in m.chunks())
for c in m.chunks():
    if c[5] > c[6]:
        out["problems"].append(f"chunk {c[0]} has sentences {c[5]}..{c[6]}")

from bot import ask
answer = ask(question, settings=settings)
out["answer"] = answer.answer
out["abstained"] = answer.abstained
out["citations_exact"] = all(articles[c.article_id].text[c.start:c.end] == c.quote for c in answer.citations)
out["citations_on_disk"] = all(open(c.source, encoding="utf-8").read()[c.start:c.end] == c.quote
                               for c in answer.citations if c.article_id in __UNCHANGED__)
out["n_citations"] = len(answer.citations)
print("RESULT", json.dumps(out))
""".replace("__UNCHANGED__", repr(SAMPLE_IDS[:2]))  # the articles whose file stays unchanged on disk


def generated_article(n: int, size: int = 1700) -> str:
    rnd = random.Random(n)
    places = ["Mosul", "Kirkuk", "Tikrit", "Ramadi", "Fallujah", "Hilla", "Kut", "Samarra"]
    who = ["The provincial council", "A senior local official", "The deputy governor", "Engineers from the ministry",
           "Aid workers", "Teachers", "Farmers", "Traders"]
    what = ["a new water project", "the reopening of the central market", "repairs to the main bridge",
            "plans for a new school", "the wheat harvest", "the price of bread", "changes to the bus routes"]
    place = places[n % len(places)]
    parts = [f"Weekly bulletin {n} from {place}"]
    i = 0
    while sum(len(p) + 2 for p in parts) < size:
        parts.append(f"{rnd.choice(who)} in {place} discussed {rnd.choice(what)} on day {i} of the programme known "
                     f"as marker{n}x{i}, and said the work would continue for {rnd.randint(2, 40)} weeks. "
                     f"{rnd.choice(who)} noted that about {rnd.randint(10, 9999)} people were affected.")
        i += 1
    return "\n\n".join(parts) + "\n"


class Child:
    """An ingest in a child process; its output lines are read as they come, with arrival times."""

    def __init__(self, home: Path, corpus: Path, mode: str = "none", chunk_tokens: int | None = None):
        args = [str(home), str(corpus), mode] + ([str(chunk_tokens)] if chunk_tokens else [])
        self.proc = subprocess.Popen([sys.executable, "-c", CHILD, *args], cwd=PROJECT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        self.seen: list[tuple[float, str]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put((time.monotonic(), line.strip()))
        self.lines.put((time.monotonic(), None))

    def wait_for(self, prefix: str, timeout: float = 120) -> tuple[float, str]:
        """The next line starting with prefix, and when it arrived (fails if the child ends first)."""
        deadline = time.monotonic() + timeout
        while True:
            t, line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            if line is None:
                pytest.fail(f"child ended before {prefix!r}: rc={self.proc.wait()} seen={self.seen[-5:]}\n"
                            f"{self.proc.stderr.read()[-3000:]}")
            self.seen.append((t, line))
            if line.startswith(prefix):
                return t, line

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.wait_killed()

    def wait_killed(self) -> None:
        rc = self.proc.wait(timeout=120)
        err = self.proc.stderr.read()
        assert rc == -signal.SIGKILL, f"expected the ingest to be killed, rc={rc}\n{err[-3000:]}"

    def finish(self) -> dict:
        _, line = self.wait_for("done", timeout=300)
        assert self.proc.wait(timeout=60) == 0, self.proc.stderr.read()[-3000:]
        return json.loads(line.split(" ", 1)[1])


def verify(home: Path, question: str) -> dict:
    res = subprocess.run([sys.executable, "-c", VERIFY, str(home), question], cwd=PROJECT, capture_output=True,
                         text=True, timeout=180)
    assert res.returncode == 0, res.stderr[-3000:]
    line = next(line for line in res.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def check_after_kill(home: Path, question: str, answer_word: str | None, committed_before: set[str]) -> dict:
    """The previous index answers, nothing is half-written, every stray vector is journalled.

    ``answer_word=None``: the answer may differ (e.g. other chunk sizes) but must still cite exactly."""
    st = verify(home, question)
    assert st["problems"] == [], st["problems"][:10]
    assert set(SAMPLE_IDS) <= set(st["articles"])
    assert committed_before <= set(st["articles"])  # nothing committed is ever lost
    if answer_word is not None:
        assert not st["abstained"] and answer_word in st["answer"], st["answer"]
        assert st["n_citations"] >= 1
    assert st["citations_exact"] and st["citations_on_disk"]
    return st


def test_sigkill_at_any_moment_leaves_a_queryable_index_and_the_next_run_heals(tmp_path, probe,
                                                                               assert_answers) -> None:
    question, word = probe
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt")):
        shutil.copyfile(p, corpus / p.name)
    home = tmp_path / "home"

    # The previous index: the sample corpus, built by a child too (the test process never opens this Chroma
    # before the end, so every check reads the files as a fresh process would).
    first = Child(home, corpus).finish()
    assert sorted(first["added"]) == SAMPLE_IDS
    st = check_after_kill(home, question, word, set())
    original_hash = st["hashes"][EDITED_ID]

    # The bigger corpus: generated articles, and an edit of article 002 (so an old version must be replaced).
    for n in range(N_GENERATED):
        (corpus / f"gen_{n:03d}.txt").write_text(generated_article(n), encoding="utf-8")
    edited = corpus / f"{EDITED_ID}.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nA late update said the curfew was extended.",
                      encoding="utf-8")
    expected = set(SAMPLE_IDS) | {f"gen_{n:03d}" for n in range(N_GENERATED)}
    committed: set[str] = set(SAMPLE_IDS)
    kills = []

    # 1. Killed between the two vector writes of the first batch: its chunks are in Chroma, uncommitted.
    child = Child(home, corpus, "after_upsert:1")
    child.wait_killed()
    st = check_after_kill(home, question, word, committed)
    assert st["pending"] > 0 and st["chunk_orphans"] > 0  # the leftovers, journalled for the next run
    assert st["hashes"][EDITED_ID] == original_hash  # the old version of 002 is still the live one
    kills.append(("after first upsert", st))

    # 2. Killed half-way through deleting those leftovers, at the start of the next run.
    child = Child(home, corpus, "mid_delete:pending")
    child.wait_for("half-deleted")
    child.wait_killed()
    st = check_after_kill(home, question, word, committed)
    assert st["pending"] > 0 and st["hashes"][EDITED_ID] == original_hash
    kills.append(("mid cleanup", st))

    # 3. Killed half-way through deleting the replaced version of 002, just after the new one went live.
    child = Child(home, corpus, f"mid_delete:{EDITED_ID}")
    child.wait_for(f"commit {EDITED_ID}")
    child.wait_for("half-deleted")
    child.wait_killed()
    st = check_after_kill(home, question, word, committed)
    assert st["hashes"][EDITED_ID] != original_hash  # the new version is live ...
    assert st["pending"] > 0  # ... and what is left of the old one is journalled
    committed |= set(st["articles"])
    kills.append(("mid delete", st))

    # 4. Killed from outside, during the second batch: the delay is measured from the first batch.
    child = Child(home, corpus)
    t_start, _ = child.wait_for("start")
    t_first, _ = child.wait_for("progress")
    time.sleep(0.3 * (t_first - t_start))
    child.kill()
    st = check_after_kill(home, question, word, committed)
    assert len(st["articles"]) > len(committed)  # the first batch was committed before the kill
    committed |= set(st["articles"])
    kills.append((f"{0.3 * (t_first - t_start):.2f} s into batch 2", st))

    # 5. Killed from outside the moment a vector write returns (the next write is then under way).
    child = Child(home, corpus)
    child.wait_for("upsert")
    child.kill()
    st = check_after_kill(home, question, word, committed)
    committed |= set(st["articles"])
    kills.append(("right after an upsert", st))
    assert set(st["articles"]) < expected, "the ingest finished before the last kill: nothing left to test"

    # A normal run completes the work.
    done = Child(home, corpus).finish()
    assert set(done["added"]) | set(done["unchanged"]) | set(done["updated"]) == expected
    st = verify(home, question)
    assert st["problems"] == []
    assert set(st["articles"]) == expected
    assert st["pending"] == 0
    assert st["chunk_chroma"] == st["chunk_manifest"] and st["sentence_chroma"] == st["sentence_manifest"]
    assert st["chunk_orphans"] == st["sentence_orphans"] == 0
    assert st["hashes"][EDITED_ID] != original_hash
    assert not st["abstained"] and word in st["answer"]

    # Nothing left to do.
    again = Child(home, corpus).finish()
    assert again["chunks"] == 0 and sorted(again["unchanged"]) == sorted(expected)

    for what, st in kills:  # shown with -s or on failure
        print(f"killed {what}: {len(st['articles'])} articles live, {st['pending']} ids pending")

    # And this process (a fresh Chroma client) agrees.
    from index.settings import Settings

    assert_answers(Settings.from_env({}, home=home))


def test_killed_resplit_after_a_chunk_size_change_is_finished_next_run(tmp_path, probe) -> None:
    """Changing NEWSBOT_CHUNK_TOKENS re-splits every article; a kill half-way must neither lose vectors of live
    chunks nor leave the rest in the old chunking."""
    question, word = probe
    SMALL = 40
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted(CORPUS.glob("*.txt")):
        shutil.copyfile(p, corpus / p.name)
    home = tmp_path / "home"
    Child(home, corpus).finish()
    before = verify(home, question)  # built with the default NEWSBOT_CHUNK_TOKENS
    assert before["max_chunk_tokens"] > SMALL

    Child(home, corpus, "after_upsert:2", chunk_tokens=SMALL).wait_killed()  # all new vectors written, none live
    st = check_after_kill(home, question, word, set(SAMPLE_IDS))
    assert st["chunking"] == before["chunking"] and st["chunk_manifest"] == before["chunk_manifest"]

    # The first article is re-split and live, then the run is killed while deleting its old vectors. (How well
    # the answerer does with other chunk sizes is not this test's business: only integrity and exact quotes.)
    child = Child(home, corpus, f"mid_delete:{SAMPLE_IDS[0]}", chunk_tokens=SMALL)
    child.wait_for("half-deleted")
    child.wait_killed()
    st = check_after_kill(home, question, None, set(SAMPLE_IDS))
    assert st["chunking"] == before["chunking"]  # not all articles are re-split yet

    done = Child(home, corpus, chunk_tokens=SMALL).finish()
    # The rest is re-split now (the article finished before the kill may be redone: same ids, same vectors).
    assert set(SAMPLE_IDS) - {SAMPLE_IDS[0]} <= set(done["updated"])
    st = verify(home, question)
    assert st["problems"] == [] and st["pending"] == 0
    assert st["chunking"].endswith(f":{SMALL}:1") and st["max_chunk_tokens"] <= SMALL
    assert st["chunk_orphans"] == st["sentence_orphans"] == 0
    assert st["citations_exact"] and st["citations_on_disk"]
    assert Child(home, corpus, chunk_tokens=SMALL).finish()["chunks"] == 0
