"""Sanity checks of eval/natural.jsonl, the hand-written "natural-question" dev set.

Fast: no model, no index. Reads the sample corpus (corpus/*.txt) and the SQuAD 2.0 sample
(../shared/benchmarks/squad2_small/small.json, skipped when missing) only to check that every
evidence quote and gold answer really is in the articles it names.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
NATURAL = PROJECT / "eval" / "natural.jsonl"
CORPUS = PROJECT / "corpus"
SQUAD2 = PROJECT.parent / "shared" / "benchmarks" / "squad2_small" / "small.json"

TYPES = {"plain", "casual", "short", "paraphrase", "typo", "what_about", "broad", "followup", "unanswerable"}
NOT_PLAIN = {"casual", "short", "typo", "paraphrase", "broad", "followup", "what_about"}


def _slug(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", title).strip("_")[:40]


@pytest.fixture(scope="module")
def items() -> list[dict]:
    lines = NATURAL.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def sample_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="module")
def squad_texts() -> dict[str, str]:
    if not SQUAD2.is_file():
        pytest.skip(f"SQuAD 2.0 sample not found: {SQUAD2}")
    data = json.loads(SQUAD2.read_text(encoding="utf-8"))
    texts = {}
    for doc in data["data"]:
        for i, para in enumerate(doc["paragraphs"]):
            texts[f"{_slug(doc['title'])}_{i:03d}"] = para["context"]
    return texts


def test_size_ids_and_fields(items):
    assert len(items) >= 150
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for it in items:
        for key in ("id", "question", "answers", "article_ids", "evidence", "type"):
            assert key in it, (it.get("id"), key)
        assert isinstance(it["question"], str) and it["question"].strip(), it["id"]
        assert it["type"] in TYPES, (it["id"], it["type"])
        assert isinstance(it["answers"], list) and isinstance(it["article_ids"], list), it["id"]


def test_answerable_share(items):
    share = sum(1 for it in items if it["answers"]) / len(items)
    assert 0.75 <= share <= 0.85, share


def test_unanswerable_items_are_empty(items):
    for it in items:
        if it["type"] == "unanswerable" or not it["answers"]:
            assert it["type"] == "unanswerable", it["id"]
            assert it["answers"] == [] and it["article_ids"] == [], it["id"]
            assert it["evidence"] == "", it["id"]


def test_history_is_messages(items):
    for it in items:
        history = it.get("history", [])
        assert isinstance(history, list), it["id"]
        for msg in history:
            assert isinstance(msg, dict) and set(msg) == {"role", "content"}, it["id"]
            assert msg["role"] in {"user", "assistant", "system"}, it["id"]
            assert isinstance(msg["content"], str) and msg["content"], it["id"]
        if it["type"] in {"followup", "what_about"}:
            assert history, f"{it['id']}: a {it['type']} question needs a history"


def test_style_mix(items):
    assert sum(1 for it in items if it["type"] in NOT_PLAIN) >= 100


def test_answers_in_evidence_in_sample_articles(items, sample_texts):
    assert sample_texts, "no sample corpus"
    for it in items:
        if not it["answers"] or not any(a in sample_texts for a in it["article_ids"]):
            continue
        _check_item(it, sample_texts)


def test_answers_in_evidence_in_squad_paragraphs(items, sample_texts, squad_texts):
    for it in items:
        if not it["answers"] or any(a in sample_texts for a in it["article_ids"]):
            continue
        _check_item(it, squad_texts)


def _check_item(it: dict, texts: dict[str, str]) -> None:
    assert it["article_ids"], it["id"]
    for aid in it["article_ids"]:
        assert aid in texts, f"{it['id']}: unknown article id {aid}"
    evidence = it["evidence"]
    assert evidence, it["id"]
    for answer in it["answers"]:
        assert isinstance(answer, str) and answer.strip(), it["id"]
        assert answer in evidence, f"{it['id']}: answer {answer!r} not in evidence"
    assert any(evidence in texts[aid] for aid in it["article_ids"]), f"{it['id']}: evidence not in its articles"
