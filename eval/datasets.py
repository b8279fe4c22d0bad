"""Datasets for evaluation and tuning: our gold set, SQuAD 2.0 (dev subset), RealTimeQA (CNN).

Each becomes a corpus folder of .txt files (written to a temporary directory for the external
benchmarks, which are read from ../shared and never copied into the project) plus a list of Items.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from index.settings import PROJECT_DIR

SHARED = PROJECT_DIR.parent / "shared" / "benchmarks"
DEFAULT_PATHS = {
    "gold": PROJECT_DIR / "eval" / "gold.jsonl",
    "squad2": SHARED / "squad2_small" / "small.json",
    "realtimeqa": SHARED / "realtimeqa_cnn",
}


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    answers: tuple[str, ...]  # empty: unanswerable
    article_ids: tuple[str, ...] = ()
    evidence: str = ""
    type: str = "answerable"
    history: tuple = ()

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


@dataclass
class Dataset:
    name: str
    corpus: Path  # a folder of articles to ingest
    items: list[Item] = field(default_factory=list)


def load_gold(path: Path = DEFAULT_PATHS["gold"], corpus: Path = PROJECT_DIR / "corpus") -> Dataset:
    items = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        items.append(Item(r["id"], r["question"], tuple(r.get("answers") or ()), tuple(r.get("article_ids") or ()),
                          r.get("evidence", ""), r.get("type", "answerable"), tuple(r.get("history") or ())))
    return Dataset("gold", corpus, items)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")[:40] or "article"


def load_squad2(path: Path, workdir: Path) -> Dataset:
    """SQuAD v2 JSON: one article per paragraph, every question asked against the whole corpus."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    items = []
    for doc in data["data"]:
        for i, para in enumerate(doc["paragraphs"]):
            aid = f"{_slug(doc['title'])}_{i:03d}"
            (corpus / f"{aid}.txt").write_text(para["context"], encoding="utf-8")
            for qa in para["qas"]:
                answers = () if qa.get("is_impossible") else tuple(dict.fromkeys(a["text"] for a in qa["answers"]))
                items.append(Item(qa["id"], qa["question"], answers, (aid,) if answers else (),
                                  "", "answerable" if answers else "unanswerable"))
    return Dataset("squad2", corpus, items)


def load_realtimeqa(folder: Path, workdir: Path) -> Dataset:
    """RealTimeQA CNN weeks: corpus = every gold article (deduplicated by url); gold answer = the right choice."""
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    url_ids: dict[str, str] = {}
    items = []
    for qa_file in sorted(Path(folder).glob("*_qa.jsonl")):
        gold_file = qa_file.with_name(qa_file.name.replace("_qa", "_gold"))
        if not gold_file.exists():
            continue
        gold = {}
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                gold[r["question_id"]] = r.get("search_result") or []
        for line in qa_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            results = [g for g in gold.get(r["question_id"], []) if g.get("text")]
            if not results:
                continue
            ids = []
            for g in results:
                if g["url"] not in url_ids:
                    aid = f"a{len(url_ids):04d}"
                    url_ids[g["url"]] = aid
                    (corpus / f"{aid}.txt").write_text(g["text"], encoding="utf-8")
                ids.append(url_ids[g["url"]])
            answer = r["choices"][int(r["answer"][0])]
            items.append(Item(r["question_id"], r["question_sentence"], (answer,), tuple(dict.fromkeys(ids))))
    return Dataset("realtimeqa", corpus, items)
