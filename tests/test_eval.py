"""eval/: citation metrics, user datasets, the JSON shape, --report, --baseline and `newsbot eval`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eval.datasets import load_user
from eval.metrics import citation_scores, citation_supports, evidence_spans, overlaps, rank_scores
from eval.run import main, summarize
from index.errors import NewsbotError

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

KEYS = {"dataset", "n", "n_answerable", "n_unanswerable", "answer_contains_gold", "exact_match", "f1", "abstention",
        "overall_accuracy", "citation_precision", "citation_recall", "offset_errors", "retrieval", "latency_ms",
        "status", "answer_contains_gold_lenient", "refused_answerable", "answered_unanswerable",
        "unanswerable_refused"}
NESTED = {"abstention": {"precision", "recall", "f1"}, "retrieval": {"hit@1", "hit@5", "mrr", "in_top_k_chunks"},
          "latency_ms": {"p50", "p95"}, "status": {"answered", "uncertain", "not_found"}}
AMNESTY = "In exchange, he asked the government to release Mahdi Army prisoners and declare an amnesty."


def check_shape(m: dict, baseline: bool = False) -> None:
    assert set(m) == KEYS | ({"baseline"} if baseline else set())
    for key, sub in NESTED.items():
        assert set(m[key]) == sub, key


# -- metric functions ---------------------------------------------------------------------------------

def test_evidence_spans_exact_wrapped_missing():
    text = "One. In exchange, he asked\nthe government. In exchange, he asked the government."
    assert evidence_spans(text, "In exchange, he asked the government.") == [(5, 42), (43, 80)]
    assert evidence_spans(text, "not there") == []
    assert evidence_spans(text, "") == [] and evidence_spans(text, "   ") == []
    assert evidence_spans("a (b) c", "(b)") == [(2, 5)]  # regex characters are literal


def test_overlaps_is_half_open():
    assert overlaps((0, 10), (5, 20)) and overlaps((5, 20), (0, 10))
    assert overlaps((3, 4), (0, 10)) and overlaps((0, 10), (3, 4))
    assert not overlaps((0, 10), (10, 20))  # touching ranges share no character
    assert not overlaps((0, 10), (20, 30))
    assert not overlaps((5, 5), (0, 10))  # an empty range overlaps nothing


def test_citation_supports_by_overlap_or_answer():
    spans = [(100, 190)]
    assert citation_supports((150, 300), "no answer words here", ["amnesty"], spans)  # overlaps the evidence
    assert citation_supports((0, 50), "they declared an Amnesty.", ["amnesty"], spans)  # holds an answer
    assert not citation_supports((0, 100), "no answer words here", ["amnesty"], spans)  # touches only
    assert not citation_supports((150, 300), "no answer words here", ["amnesty"], [])  # no evidence: containment
    assert citation_supports((150, 300), "an amnesty", ["amnesty"], [])


def test_citation_scores_precision_over_citations_recall_over_questions():
    # q1: 2 of 3 citations support; q2: abstained (no citations); q3: 1 citation, wrong; q4: 1 right.
    precision, recall = citation_scores([[True, True, False], [], [False], [True]])
    assert precision == pytest.approx(3 / 5)
    assert recall == pytest.approx(2 / 4)
    assert citation_scores([]) == (0.0, 0.0)
    assert citation_scores([[], []]) == (0.0, 0.0)


def test_rank_scores():
    assert rank_scores([0, 1, None, 6]) == pytest.approx({"hit@1": 0.25, "hit@5": 0.5, "mrr": (1 + 0.5 + 1 / 7) / 4})
    assert rank_scores([]) == {"hit@1": 0.0, "hit@5": 0.0, "mrr": 0.0}


def _record(answers, abstained, contains=False, cites=(), rank=0):
    return {"answers": answers, "abstained": abstained, "contains": contains, "em": 0.0, "f1": 0.0,
            "latency_ms": 10.0, "article_rank": rank, "offset_errors": 0,
            "citations": [{"supports": s} for s in cites]}


def test_summarize_keys_and_citation_metrics():
    records = [_record(["x"], False, True, [True, False]), _record(["x"], True),
               _record(["x"], False, False, [False]), _record([], True), _record([], False, cites=[False])]
    m = summarize("t", records)
    check_shape(m)
    assert m["citation_precision"] == pytest.approx(1 / 3)  # the unanswerable question's citation is not counted
    assert m["citation_recall"] == pytest.approx(1 / 3)
    assert m["overall_accuracy"] == pytest.approx(2 / 5)
    assert m["abstention"]["precision"] == pytest.approx(1 / 2) and m["abstention"]["recall"] == pytest.approx(1 / 2)
    assert m["refused_answerable"] == pytest.approx(1 / 3) and m["answered_unanswerable"] == pytest.approx(1 / 2)
    assert m["unanswerable_refused"] == pytest.approx(1 / 2)
    json.dumps(m)  # plain JSON types only


# -- user datasets --------------------------------------------------------------------------------------

def test_load_user_jsonl(tmp_path, corpus_copy):
    f = tmp_path / "q.jsonl"
    f.write_text(json.dumps({"question": "What did Sadr demand?", "answers": ["amnesty"],
                             "article_ids": ["000_26083794b4a1b5c3"]}) + "\n\n"
                 + json.dumps({"question": "And then?", "answers": [],
                               "history": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]})
                 + "\n", encoding="utf-8")
    ds = load_user(f, corpus_copy, tmp_path / "work")
    assert ds.name == "user" and ds.corpus == corpus_copy
    a, b = ds.items
    assert (a.id, a.answers, a.article_ids, a.type) == ("line1", ("amnesty",), ("000_26083794b4a1b5c3",), "answerable")
    assert (b.id, b.answers, b.type, len(b.history)) == ("line3", (), "unanswerable", 2)


@pytest.mark.parametrize("line, why", [
    ('{"question": "q", "answers": ["a"]', "not valid JSON"),
    ('["q"]', "expected a JSON object"),
    ('{"answers": ["a"]}', '"question" must be non-empty'),
    ('{"question": "q"}', '"answers" is missing'),
    ('{"question": "q", "answers": "a"}', '"answers" must be a list'),
    ('{"question": "q", "answers": [], "article_ids": "x"}', '"article_ids" must be a list'),
    ('{"question": "q", "answers": [], "history": [{"content": "x"}]}', '"history" must be a list'),
])
def test_load_user_malformed_line_names_file_and_line(tmp_path, corpus_copy, line, why):
    f = tmp_path / "q.jsonl"
    f.write_text('{"question": "fine", "answers": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(NewsbotError) as exc:
        load_user(f, corpus_copy, tmp_path / "work")
    assert f"{f} line 2: " in str(exc.value) and why in str(exc.value)


def test_load_user_file_and_corpus_errors(tmp_path, corpus_copy):
    with pytest.raises(NewsbotError, match=r"questions file .*nope\.jsonl does not exist"):
        load_user(tmp_path / "nope.jsonl", corpus_copy, tmp_path / "work")
    f = tmp_path / "q.jsonl"
    f.write_text('{"question": "q", "answers": []}\n', encoding="utf-8")
    with pytest.raises(NewsbotError, match="--corpus DIR"):
        load_user(f, None, tmp_path / "work")
    with pytest.raises(NewsbotError, match="corpus .* does not exist"):
        load_user(f, tmp_path / "missing", tmp_path / "work")
    f.write_text("\n\n", encoding="utf-8")
    with pytest.raises(NewsbotError, match="holds no questions"):
        load_user(f, corpus_copy, tmp_path / "work")


SQUAD = {"version": "v2.0", "data": [{"title": "Normans", "paragraphs": [
    {"context": "The Normans were the people who in the 10th and 11th centuries gave their name to Normandy.",
     "qas": [{"id": "q1", "question": "In what country is Normandy located?", "is_impossible": True, "answers": []},
             {"id": "q2", "question": "When did the Normans give their name?", "is_impossible": False,
              "answers": [{"text": "10th and 11th centuries", "answer_start": 33}]}]}]}]}


def test_load_user_squad_json(tmp_path):
    f = tmp_path / "mine.json"
    f.write_text(json.dumps(SQUAD), encoding="utf-8")
    ds = load_user(f, None, tmp_path / "work")
    assert ds.name == "user" and [p.name for p in ds.corpus.iterdir()] == ["Normans_000.txt"]
    assert [(i.id, i.answers, i.article_ids) for i in ds.items] == [
        ("q1", (), ()), ("q2", ("10th and 11th centuries",), ("Normans_000",))]
    with pytest.raises(NewsbotError, match="drop --corpus"):
        load_user(f, tmp_path, tmp_path / "work2")


def test_load_user_squad_json_malformed(tmp_path):
    f = tmp_path / "mine.json"
    f.write_text('{"data": [\n  {"title": "x",\n', encoding="utf-8")
    with pytest.raises(NewsbotError, match=rf"{re.escape(str(f))} line 3: not valid JSON"):
        load_user(f, None, tmp_path / "work")
    f.write_text(json.dumps({"data": [{"title": "x", "paragraphs": [{"context": "c"}]}]}), encoding="utf-8")
    with pytest.raises(NewsbotError, match=r"not SQuAD v2 JSON: data\[0\]\.paragraphs\[0\] needs"):
        load_user(f, None, tmp_path / "work")
    f.write_text('{"question": "q", "answers": []}', encoding="utf-8")
    with pytest.raises(NewsbotError, match="expected SQuAD v2 JSON"):
        load_user(f, None, tmp_path / "work")


# -- the real CLI ------------------------------------------------------------------------------------------

def test_user_dataset_cli_json_shape(tmp_path, corpus_copy, capsys):
    f = tmp_path / "q.jsonl"
    f.write_text(json.dumps({"question": "What did Sadr ask for in exchange?", "answers": ["amnesty"],
                             "article_ids": ["000_26083794b4a1b5c3"], "evidence": AMNESTY}) + "\n"
                 + json.dumps({"question": "What is the capital of France?", "answers": []}) + "\n", encoding="utf-8")
    out = tmp_path / "m.json"
    assert main(["--dataset", "user", "--questions", str(f), "--corpus", str(corpus_copy), "--json", str(out)]) == 0
    m = json.loads(out.read_text())
    check_shape(m)  # no "baseline" key without --baseline
    assert (m["dataset"], m["n"], m["n_answerable"]) == ("user", 2, 1)
    assert m["answer_contains_gold"] == 1.0 and m["citation_precision"] == 1.0 and m["citation_recall"] == 1.0
    assert m["retrieval"]["hit@1"] == 1.0 and m["offset_errors"] == 0
    assert "llama-index baseline" not in capsys.readouterr().out


def test_user_dataset_unknown_article_id(tmp_path, corpus_copy, capsys):
    f = tmp_path / "q.jsonl"
    f.write_text('{"question": "Who?", "answers": ["x"], "article_ids": ["000_26083794b4a1b5c3.txt"]}\n')
    assert main(["--dataset", "user", "--questions", str(f), "--corpus", str(corpus_copy)]) == 1
    err = capsys.readouterr().err
    assert "'000_26083794b4a1b5c3.txt'" in err and "without extension" in err


def test_gold_cli_report_baseline_json(tmp_path, capsys):
    """The real CLI on the gold set (plus one question that must fail): report, plots, JSON with baseline."""
    gold = (PROJECT / "eval" / "gold.jsonl").read_text(encoding="utf-8").rstrip("\n")
    rigged = {"id": "rigged", "question": "What did Sadr demand in exchange?", "answers": ["zebra-unicorn-42"],
              "article_ids": ["000_26083794b4a1b5c3"], "type": "answerable"}
    path = tmp_path / "gold.jsonl"
    path.write_text(gold + "\n" + json.dumps(rigged) + "\n", encoding="utf-8")
    rep, out = tmp_path / "rep", tmp_path / "m.json"
    assert main(["--dataset", "gold", "--path", str(path), "--report", str(rep), "--json", str(out),
                 "--baseline", "llamaindex"]) == 0
    stdout = capsys.readouterr().out
    assert "llama-index baseline" in stdout
    m = json.loads(out.read_text())
    check_shape(m, baseline=True)
    assert set(m["baseline"]["retrieval"]) == {"hit@1", "hit@5", "mrr", "in_top_k_chunks"}
    assert 0 <= m["baseline"]["answer_in_retrieved"] <= 1 and m["baseline"]["similarity_top_k"] == 2
    assert m["offset_errors"] == 0
    for png in ("metrics_by_type.png", "latency.png"):
        assert (rep / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
    report = (rep / "report.md").read_text(encoding="utf-8")
    assert f"--path {path}" in report and "llama-index baseline" in report
    failed = int(re.search(r"## Failed questions \((\d+)\)", report).group(1))
    right = round(m["overall_accuracy"] * m["n"])
    assert failed == m["n"] - right >= 1
    section = report[report.index("rigged: What did Sadr demand in exchange?"):]
    section = section[:section.find("\n### ") if "\n### " in section else None]
    assert '"zebra-unicorn-42"' in section and "- got: " in section
    assert "Retrieved passages" in section and "000_26083794b4a1b5c3 (gold)" in section
    assert "| answerable |" in report  # the per-type table


def test_newsbot_eval_help_and_errors(tmp_path):
    r = subprocess.run([str(BIN / "newsbot"), "eval", "--help"], capture_output=True, text=True, timeout=120,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "--dataset" in r.stdout and "--baseline" in r.stdout and "--report" in r.stdout
    r = subprocess.run([str(BIN / "newsbot"), "eval", "--dataset", "user", "--questions", str(tmp_path / "no.jsonl"),
                        "--corpus", str(tmp_path)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert r.returncode == 1 and "no.jsonl does not exist" in r.stderr
    assert "eval" in subprocess.run([str(BIN / "newsbot"), "--help"], capture_output=True, text=True).stdout


def test_bot_never_imports_eval():
    for f in (PROJECT / "bot").glob("*.py"):
        assert not re.search(r"^\s*(from|import)\s+eval\b", f.read_text(encoding="utf-8"), re.M), f
