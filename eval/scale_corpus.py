"""The scale benchmark's archive (eval/scale.py): N news articles made at run time from real news sentences.

- **Sentence pool**: the sentences of the RealTimeQA CNN gold articles and the SQuAD 2.0 paragraphs, read from
  ../shared/benchmarks at run time (never copied into the project), split by the index's own sentence splitter.
- **Articles**: article i takes 15-40 sentences in runs of 1-5 consecutive sentences of one source (a run is a
  paragraph), never a whole source and never two runs in a row from one source, so no benchmark article is ever
  emitted whole. Each has a new id, a title and a date (30 articles a day from 2015-01-01). Article i depends
  only on (seed, i): the archive of N articles is the first N articles of every larger one.
- **Needles**: a few dozen articles carry a fact found nowhere else (invented names and numbers, checked against
  the pool's words) among real sentences, with a question and its gold answer. Their positions are spread over
  the first 1000 articles, so every size from 1000 up holds the very same needles under the very same ids.
- **Files**: a JSONL feed per month (``archive/2015/2015-01.jsonl``, one ``{"id", "title", "date", "text"}``
  a line, streamed by index/load_json.py), plus ten more articles in ``additions/latest.jsonl``.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from eval.scale_needles import Needle, make_needles, seeded
from index.errors import NewsbotError

ARTICLE_SENTENCES = (15, 40)  # a CNN article runs 20-30 sentences
RUN_SENTENCES = (1, 5)  # consecutive sentences taken from one source: a paragraph
PER_DAY = 30
FIRST_DAY = date(2015, 1, 1)
NEEDLE_SPAN = 1000  # needles sit among the first 1000 articles: the same ids at every size >= 1000
ADDITIONS = 10
_MIN_WORDS, _MAX_CHARS = 6, 400
_ENDS = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


@dataclass(frozen=True)
class Source:
    """One benchmark text as the ordered sentences the pool keeps of it."""

    name: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Pool:
    sources: tuple[Source, ...]
    words: frozenset[str]  # every lower-cased word of the benchmark texts: invented names must avoid them


@dataclass(frozen=True)
class NewsArticle:
    index: int
    record_id: str  # the "id" field of its JSONL record
    title: str
    date: str
    paragraphs: tuple[tuple[str, ...], ...]  # sentences, grouped in paragraphs

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs)

    @property
    def shard(self) -> str:
        """Its feed file below the archive folder, one a month: "2015/2015-01"."""
        return f"{self.date[:4]}/{self.date[:7]}"

    def record(self) -> dict:
        return {"id": self.record_id, "title": self.title, "date": self.date, "text": self.text}


@dataclass(frozen=True)
class Archive:
    """What write_archive() wrote: the folder to ingest, the additions file, and the needles with their ids."""

    root: Path  # the folder to `newsbot ingest`
    additions: Path  # ADDITIONS more articles, in a file of their own outside ``root``
    size: int
    needles: tuple[tuple[Needle, str], ...]  # (needle, its article id once ``root`` is ingested)


# -- the sentence pool -------------------------------------------------------------------------------------------

def _benchmark_texts(shared: Path) -> list[tuple[str, str]]:
    """(name, text) of every RealTimeQA gold article (deduplicated by text) and SQuAD paragraph under ``shared``."""
    rtqa, squad = shared / "realtimeqa_cnn", shared / "squad2_small" / "small.json"
    if not rtqa.is_dir() or not squad.is_file():
        raise NewsbotError(f"the benchmarks are not at {shared} (realtimeqa_cnn/ and squad2_small/small.json): "
                           "pass --shared PATH to the folder holding them")
    out, seen = [], set()
    for path in sorted(rtqa.glob("*_gold.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for hit in (h for row in rows for h in row.get("search_result") or []):
            text = hit.get("text") or ""
            if text and text not in seen:
                seen.add(text)
                out.append((hit.get("url") or path.name, text))
    for doc in json.loads(squad.read_text(encoding="utf-8"))["data"]:
        for i, para in enumerate(doc["paragraphs"]):
            out.append((f"{doc['title']} {i}", para["context"]))
    return out


def _prose(sentence: str) -> str | None:
    """The sentence on one line if it reads as article prose (long enough, ends like a sentence), else None."""
    s = " ".join(sentence.split())
    if len(s.split()) < _MIN_WORDS or len(s) > _MAX_CHARS or not _ENDS.search(s):
        return None
    return s


@lru_cache(maxsize=4)
def load_pool(shared: Path) -> Pool:
    """The benchmark texts as sources of prose sentences (those with fewer than 3 are left out)."""
    from index.sentences import split_sentences
    from index.terms import words

    sources, vocab = [], set()
    for name, text in _benchmark_texts(Path(shared)):
        vocab.update(words(text))
        kept = tuple(s for s in (_prose(text[a:b]) for a, b in split_sentences(text)) if s)
        if len(kept) >= 3:
            sources.append(Source(name, kept))
    if len(sources) < 2:  # articles mix sources: one alone would be copied whole
        raise NewsbotError(f"too few usable texts in the benchmarks under {shared}")
    return Pool(tuple(sources), frozenset(vocab))


# -- articles ----------------------------------------------------------------------------------------------------

_rng = seeded


def _paragraphs(rng: random.Random, pool: Pool, count: int) -> list[tuple[str, ...]]:
    """``count`` sentences in runs of consecutive sentences, each run a part of a source and never all of it."""
    out, total, last = [], 0, None
    while total < count:
        src = rng.randrange(len(pool.sources))
        if src == last:  # two runs in a row from one source could rebuild it whole
            continue
        sents = pool.sources[src].sentences
        run = min(rng.randint(*RUN_SENTENCES), len(sents) - 1, count - total)
        start = rng.randrange(len(sents) - run + 1)
        out.append(sents[start:start + run])
        total, last = total + run, src
    return out


def _title(sentence: str) -> str:
    """A headline: the first words of the lead sentence, without its final punctuation."""
    words = sentence.rstrip(".!?\"'\u201d\u2019)").split()
    return " ".join(words[:9])


def _date(index: int) -> str:
    return (FIRST_DAY + timedelta(days=index // PER_DAY)).isoformat()


def needle_positions(size: int, count: int) -> dict[int, int]:
    """Article index -> needle number: spread evenly over the first min(size, NEEDLE_SPAN) articles."""
    span = min(size, NEEDLE_SPAN)
    if count * 2 > span:
        raise NewsbotError(f"{count} needles need an archive of at least {count * 2} articles, not {size}")
    return {(2 * k + 1) * span // (2 * count): k for k in range(count)}


def make_article(pool: Pool, seed: int, index: int, needle: Needle | None = None) -> NewsArticle:
    """Article ``index`` of the archive: real sentences, with a needle's two sentences planted if given."""
    rng = _rng(seed, "article", index)
    paras = _paragraphs(rng, pool, rng.randint(*ARTICLE_SENTENCES))
    title = _title(paras[0][0])
    if needle is not None:
        # The fact goes in a paragraph of its own after the lead (never the first: the lead stays a lead),
        # the place's second sentence somewhere after it.
        at = rng.randint(1, len(paras))
        paras.insert(at, (needle.fact,))
        paras.insert(rng.randint(at + 1, len(paras)), (needle.context,))
        title = needle.title
    return NewsArticle(index, f"{index:06d}", title, _date(index), tuple(paras))


def make_articles(pool: Pool, seed: int, size: int, needles: tuple[Needle, ...]):
    """The archive's articles in order (a generator: 100k articles are never all in memory)."""
    planted = needle_positions(size, len(needles)) if needles else {}
    for i in range(size):
        k = planted.get(i)
        yield make_article(pool, seed, i, needles[k] if k is not None else None)


# -- files -------------------------------------------------------------------------------------------------------

def write_archive(folder: Path, pool: Pool, seed: int, size: int, needle_count: int) -> Archive:
    """Write the archive of ``size`` articles (a JSONL feed per month) and the additions file under ``folder``."""
    needles = make_needles(pool.words, seed, needle_count)
    root = folder / "archive"
    ids: dict[int, str] = {}
    planted = needle_positions(size, needle_count) if needles else {}
    out, shard = None, None
    try:
        for art in make_articles(pool, seed, size, needles):
            if art.shard != shard:  # articles come in date order: one feed file open at a time
                if out:
                    out.close()
                shard = art.shard
                (root / shard).parent.mkdir(parents=True, exist_ok=True)
                out = open(root / f"{shard}.jsonl", "w", encoding="utf-8")
            out.write(json.dumps(art.record(), ensure_ascii=False) + "\n")
            if art.index in planted:
                # The id index/load_json.py gives a record: the file's path below the root, then "#id".
                ids[planted[art.index]] = f"{art.shard}#{art.record_id}"
    finally:
        if out:
            out.close()
    additions = folder / "additions" / "latest.jsonl"
    additions.parent.mkdir(parents=True, exist_ok=True)
    extra = (make_article(pool, seed, size + j) for j in range(ADDITIONS))
    additions.write_text("".join(json.dumps(a.record(), ensure_ascii=False) + "\n" for a in extra), encoding="utf-8")
    return Archive(root, additions, size, tuple((nd, ids[nd.n]) for nd in needles))


def generic_questions(shared: Path, seed: int, count: int) -> tuple[str, ...]:
    """Questions without a planted answer, for latency: RealTimeQA's and SQuAD's own, a seeded sample."""
    qs = []
    for path in sorted((Path(shared) / "realtimeqa_cnn").glob("*_qa.jsonl")):
        qs += [json.loads(line)["question_sentence"] for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    squad = json.loads((Path(shared) / "squad2_small" / "small.json").read_text(encoding="utf-8"))
    qs += [qa["question"] for doc in squad["data"] for para in doc["paragraphs"] for qa in para["qas"]]
    qs = sorted(set(q for q in qs if 10 <= len(q) <= 300))
    return tuple(_rng(seed, "questions").sample(qs, min(count, len(qs))))
