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
    "natural": PROJECT_DIR / "eval" / "natural.jsonl",
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


def load_natural(path: Path, workdir: Path, squad: Path = DEFAULT_PATHS["squad2"]) -> Dataset:
    """Our natural-question set (eval/natural.jsonl: casual, short, typo, broad and follow-up questions, a
    fifth unanswerable) over the sample corpus and the squad2_small paragraphs, indexed together. The
    paragraphs are read from ../shared at run time, as load_squad2 writes them."""
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for f in sorted((PROJECT_DIR / "corpus").glob("*.txt")):
        (corpus / f.name).write_bytes(f.read_bytes())
    if Path(squad).exists():
        load_squad2(Path(squad), workdir)  # writes the paragraphs into workdir/corpus; its questions unused
    gold = load_gold(path, corpus)
    return Dataset("natural", corpus, gold.items)


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
    """RealTimeQA CNN weeks: corpus = every gold article (deduplicated by url and by text); gold answer = the
    right choice."""
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    url_ids: dict[str, str] = {}
    text_ids: dict[str, str] = {}
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
                    # Some urls share a text (a re-posted story, or a scraped ad-feedback page): one article,
                    # as ingest would keep only the first copy and the other id would never be retrieved.
                    aid = text_ids.get(g["text"]) or f"a{len(text_ids):04d}"
                    if g["text"] not in text_ids:
                        text_ids[g["text"]] = aid
                        (corpus / f"{aid}.txt").write_text(g["text"], encoding="utf-8")
                    url_ids[g["url"]] = aid
                ids.append(url_ids[g["url"]])
            answer = r["choices"][int(r["answer"][0])]
            items.append(Item(r["question_id"], r["question_sentence"], (answer,), tuple(dict.fromkeys(ids))))
    return Dataset("realtimeqa", corpus, items)


def load_user(questions: Path, corpus: Path | None, workdir: Path) -> Dataset:
    """Your own questions: a JSONL file over a corpus folder, or a SQuAD v2 JSON file (its paragraphs
    are the corpus, as in load_squad2). Raises NewsbotError naming the file (and line) on bad input."""
    from index.errors import NewsbotError

    path = Path(questions)
    if not path.is_file():
        raise NewsbotError(f"questions file {path} does not exist (or is not a file)")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsbotError(f"cannot read questions file {path}: {exc}") from None
    squad = _parse_squad(text, path)
    if squad is not None:
        if corpus is not None:
            raise NewsbotError(f"{path} is a SQuAD JSON file: its paragraphs are the corpus, so drop --corpus")
        ds = load_squad2(path, workdir)
        if not ds.items:
            raise NewsbotError(f"{path}: the SQuAD file holds no questions")
        ds.name = "user"
        return ds
    if corpus is None:
        raise NewsbotError(f"{path} is a JSONL questions file: give the articles it asks about with --corpus DIR")
    if not Path(corpus).exists():
        raise NewsbotError(f"corpus {corpus} does not exist")
    items = [_user_item(line, path, n) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not items:
        raise NewsbotError(f"{path} holds no questions (expected one JSON object a line)")
    return Dataset("user", Path(corpus), items)


def _parse_squad(text: str, path: Path) -> dict | None:
    """The parsed SQuAD JSON, or None when ``text`` is not one JSON document with a "data" list."""
    from index.errors import NewsbotError

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if path.suffix.lower() == ".json":
            raise NewsbotError(f"{path} line {exc.lineno}: not valid JSON ({exc.msg})") from None
        return None  # JSONL: checked line by line
    if not (isinstance(data, dict) and "data" in data):
        if path.suffix.lower() == ".json":
            raise NewsbotError(f'{path}: expected SQuAD v2 JSON ({{"data": [{{"title", "paragraphs"}}]}}) '
                               "or a .jsonl file of questions")
        return None
    problem = _squad_problem(data)
    if problem:
        raise NewsbotError(f"{path}: not SQuAD v2 JSON: {problem}")
    return data


def _squad_problem(data: dict) -> str:
    if not isinstance(data["data"], list):
        return '"data" must be a list of articles'
    for i, doc in enumerate(data["data"]):
        if not isinstance(doc, dict) or not isinstance(doc.get("title"), str) or not isinstance(
                doc.get("paragraphs"), list):
            return f'data[{i}] needs a "title" and a "paragraphs" list'
        for j, para in enumerate(doc["paragraphs"]):
            where = f"data[{i}].paragraphs[{j}]"
            if not isinstance(para, dict) or not isinstance(para.get("context"), str) or not isinstance(
                    para.get("qas"), list):
                return f'{where} needs a "context" string and a "qas" list'
            for k, qa in enumerate(para["qas"]):
                if not isinstance(qa, dict) or not isinstance(qa.get("question"), str) or "id" not in qa:
                    return f'{where}.qas[{k}] needs an "id" and a "question"'
                if not isinstance(qa.get("answers", []), list) or not all(
                        isinstance(a, dict) and isinstance(a.get("text"), str) for a in qa.get("answers", [])):
                    return f'{where}.qas[{k}]: "answers" must be a list of {{"text": ...}}'
    return ""


def _user_item(line: str, path: Path, n: int) -> Item:
    from index.errors import NewsbotError

    def bad(why: str) -> NewsbotError:
        return NewsbotError(f"{path} line {n}: {why}")

    try:
        r = json.loads(line)
    except json.JSONDecodeError as exc:
        raise bad(f"not valid JSON ({exc.msg})") from None
    if not isinstance(r, dict):
        raise bad("expected a JSON object like {\"question\": ..., \"answers\": [...]}")
    q = r.get("question")
    if not isinstance(q, str) or not q.strip():
        raise bad('"question" must be non-empty text')
    if "answers" not in r:
        raise bad('"answers" is missing (a list of acceptable answers; [] when the corpus does not answer)')
    answers = r["answers"]
    if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
        raise bad('"answers" must be a list of non-empty strings ([] when the corpus does not answer)')
    ids = r.get("article_ids") or []
    if not isinstance(ids, list) or not all(isinstance(a, str) for a in ids):
        raise bad('"article_ids" must be a list of article ids (file paths below --corpus, without extension)')
    history = r.get("history") or []
    if not isinstance(history, list) or not all(
            isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str)
            for m in history):
        raise bad('"history" must be a list of {"role": ..., "content": ...} messages')
    evidence = r.get("evidence") or ""
    if not isinstance(evidence, str):
        raise bad('"evidence" must be text (a verbatim quote of the supporting passage)')
    kind = r.get("type") or ("answerable" if answers else "unanswerable")
    return Item(str(r.get("id") or f"line{n}"), q, tuple(answers), tuple(ids), evidence, str(kind), tuple(history))
