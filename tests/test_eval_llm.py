"""`python -m eval --mode llm`: the sentence metrics on hand-made records, and one real run (SmolLM2 served by
llama.cpp) of a small user dataset in both modes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eval.llm_eval import llm_env, llm_summary, mode_rows, report_section, shown_sentences, unaccounted
from eval.metrics import accounted_for, marked_sentences, sentence_scores, sentence_supported
from eval.run import main, summarize

PROJECT = Path(__file__).resolve().parent.parent
AMNESTY = "In exchange, he asked the government to release Mahdi Army prisoners and declare an amnesty."
SADR = "000_26083794b4a1b5c3"
LLM_KEYS = {"sentences", "fallback_sentences", "flagged", "drafted", "accounted_for", "unaccounted_questions",
            "declined", "fallbacks", "fallback_rate", "tokens", "model"}


# -- pure functions ------------------------------------------------------------------------------------

def test_marked_sentences_split_after_each_marker_run():
    assert marked_sentences("Sadr asked for an amnesty. [1][2] He ordered a halt. [3]") == [
        ("Sadr asked for an amnesty.", (1, 2)), ("He ordered a halt.", (3,))]
    # An extractive quote may hold two sentences: one unit per citation. [1, 2] is two numbers.
    assert marked_sentences("One. Two. [1] Three [2, 4]") == [("One. Two.", (1,)), ("Three", (2, 4))]
    assert marked_sentences("Cited. [1] left over") == [("Cited.", (1,)), ("left over", ())]
    assert marked_sentences("") == [] and marked_sentences("[1]") == []


def test_sentence_supported_needs_an_answerable_question_and_a_supporting_citation():
    supports = {1: True, 2: False}
    assert sentence_supported((2, 1), supports, answerable=True)
    assert not sentence_supported((2,), supports, answerable=True)
    assert not sentence_supported((), supports, answerable=True)
    assert not sentence_supported((9,), supports, answerable=True)  # a number with no citation
    assert not sentence_supported((1,), supports, answerable=False)  # unanswerable: never supported


def test_sentence_scores_and_accounted_for():
    assert sentence_scores([True, False, True, True]) == {"shown": 4, "supported": 3, "supported_rate": 0.75}
    assert sentence_scores([]) == {"shown": 0, "supported": 0, "supported_rate": 0.0}
    assert accounted_for(2, 3, 5) == 1.0
    assert accounted_for(1, 3, 5) == pytest.approx(0.8)  # a sentence dropped silently
    assert accounted_for(2, 4, 5) == pytest.approx(1.2)  # more than was drafted
    assert accounted_for(0, 0, 0) == 1.0 and accounted_for(1, 0, 0) == 0.0


def test_shown_sentences_judged_by_their_own_citations():
    cites = [{"n": 1, "supports": True, "quote": "He asked for an amnesty."},
             {"n": 2, "supports": False, "quote": "Talks went on."}]
    got = shown_sentences("Amnesty was asked for. [1] Fighting went on. [2]", False, cites, True)
    assert [(s["sentence"], s["cites"], s["supported"], s["backed"]) for s in got] == [
        ("Amnesty was asked for.", [1], True, True), ("Fighting went on.", [2], False, False)]
    assert shown_sentences("The articles I have do not answer this question.", True, [], False) == []


def _record(answers, sentences, flagged, drafted, fallback=False, declined=False, usage=(600, 20)):
    """A record as eval.run.ask_all writes it in llm mode (the fields the summaries read)."""
    return {"id": "q", "type": "answerable" if answers else "unanswerable", "question": "q?", "answers": answers,
            "abstained": False, "contains": bool(answers), "em": 0.0, "f1": 0.0, "latency_ms": 100.0,
            "article_rank": 0, "offset_errors": 0, "citations": [], "answer": "a [1]", "draft": "d",
            "sentences": [{"sentence": s, "cites": [1], "supported": ok, "backed": ok} for s, ok in sentences],
            "flagged": [{"sentence": f, "cites": [], "reason": "cites no source"} for f in flagged],
            "drafted": drafted, "declined": declined, "fallback": fallback,
            "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1]}}


def test_llm_summary_on_hand_made_records():
    records = [
        # Two LLM sentences shown (one gold-supported), one flagged: 3 drafted.
        _record(["x"], [("A.", True), ("B.", False)], ["C."], ["A.", "B.", "C."]),
        # Fallback: the extractive sentence shown is not an LLM sentence; the draft's one sentence is flagged.
        _record(["x"], [("Quote.", True)], ["D."], ["D."], fallback=True),
        # Unanswerable, an LLM sentence shown: unsupported by definition (shown_sentences said so).
        _record([], [("E.", False)], [], ["E."], usage=(500, 10)),
        # The model declined: nothing drafted, the extractive answer shown.
        _record([], [], [], [], fallback=True, declined=True, usage=(400, 2)),
    ]
    s = llm_summary(records)
    assert s["sentences"] == {"shown": 3, "supported": 1, "supported_rate": pytest.approx(1 / 3)}
    assert s["fallback_sentences"] == {"shown": 1, "supported": 1, "supported_rate": 1.0}
    assert (s["flagged"], s["drafted"], s["accounted_for"], s["unaccounted_questions"]) == (2, 5, 1.0, 0)
    assert (s["fallbacks"], s["fallback_rate"], s["declined"]) == (2, 0.5, 1)
    assert s["tokens"] == {"prompt_mean": 525.0, "completion_mean": 13.0}
    # A drafted sentence neither shown nor flagged is found, and counted per question.
    lost = _record(["x"], [("A.", True)], [], ["A.", "Dropped."])
    assert unaccounted(lost) == ["Dropped."]
    s2 = llm_summary(records + [lost])
    assert s2["accounted_for"] == pytest.approx(6 / 7) and s2["unaccounted_questions"] == 1
    # The side-by-side rows and the report section read these summaries.
    llm = dict(summarize("t", records), **s, model="m")
    assert s["backed"] == s["sentences"] and s["backed_all"]["shown"] == 4
    ext = dict(summarize("t", records), sentences=sentence_scores([True, False]),
               backed_all=sentence_scores([True, True]))
    rows = mode_rows(ext, llm)
    assert ("accounted-for rate", "-", "1.000 (5/5; 0 questions off)") in rows
    assert ("shown sentences citing gold evidence", "0.500 (1/2)", "0.333 (1/3)") in rows
    assert ("supported-sentence rate, all shown", "1.000 (2/2)", "0.500 (2/4)") in rows
    section = "\n".join(report_section(rows, llm, records))
    assert "## LLM mode" in section and "Questions with a flagged or unsupported sentence (3)" in section
    assert '"C."' in section and "cites no source" in section
    json.dumps(llm)  # plain JSON types only


def test_llm_env_keeps_only_the_llm_variables():
    env = {"NEWSBOT_LLM": "local", "NEWSBOT_LLM_MAX_TOKENS": "64", "NEWSBOT_HOME": "/x", "NEWSBOT_TOP_K": "9"}
    assert llm_env(env) == {"NEWSBOT_LLM": "local", "NEWSBOT_LLM_MAX_TOKENS": "64"}


# -- the real command ------------------------------------------------------------------------------------

def _env(**llm) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    return dict(env, **llm)


def test_llm_mode_without_an_llm_is_an_error_without_traceback(tmp_path):
    r = subprocess.run([sys.executable, "-m", "eval", "--mode", "llm"], capture_output=True, text=True,
                       timeout=120, cwd=PROJECT, env=_env())
    assert r.returncode == 1, r.stderr
    assert "newsbot eval: error: No LLM configured" in r.stderr and "Traceback" not in r.stderr
    with pytest.raises(SystemExit) as exc:
        main(["--mode", "extractive", "--llm", "local"])
    assert exc.value.code == 2


def test_llm_mode_end_to_end_on_a_small_user_dataset(tmp_path, corpus_copy, llm_server):
    questions = [
        {"question": "What did Sadr ask for in exchange?", "answers": ["amnesty", "release Mahdi Army prisoners"],
         "article_ids": [SADR], "evidence": AMNESTY},
        {"question": "What is the name of Sadr's militia?", "answers": ["Mahdi Army"], "article_ids": [SADR]},
        {"question": "Where did heavy fighting rage after the offensive?", "answers": ["Basra"],
         "article_ids": ["002_66587a816fcca4e1"]},
        {"question": "What did Sadr order his militia to do?", "answers": ["off the streets", "stop fighting"],
         "article_ids": [SADR]},
        {"question": "What is the capital of France?", "answers": []},
        {"question": "Who won the 2008 US presidential election?", "answers": []},
    ]
    f = tmp_path / "q.jsonl"
    f.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    out, rep = tmp_path / "m.json", tmp_path / "rep"
    env = _env(NEWSBOT_LLM_BASE_URL=llm_server, NEWSBOT_LLM_MODEL="smollm2", NEWSBOT_LLM_MAX_TOKENS="64")
    # --top-k 3: shorter prompts (the run's cost is the model's, on a shared 2-core machine).
    r = subprocess.run([sys.executable, "-m", "eval", "--mode", "llm", "--dataset", "user", "--questions", str(f),
                        "--corpus", str(corpus_copy), "--top-k", "3", "--json", str(out), "--report", str(rep)],
                       capture_output=True, text=True, timeout=900, cwd=PROJECT, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "extractive" in r.stdout and f"smollm2 at {llm_server}" in r.stdout and "accounted-for rate" in r.stdout
    m = json.loads(out.read_text())
    # The extractive run keeps its top-level keys; the LLM run is the "llm" section.
    assert (m["dataset"], m["n"], m["n_answerable"]) == ("user", 6, 4) and m["offset_errors"] == 0
    assert set(m["sentences"]) == {"shown", "supported", "supported_rate"}
    llm = m["llm"]
    assert LLM_KEYS <= set(llm) and {"answer_contains_gold", "abstention", "overall_accuracy", "latency_ms"} <= set(llm)
    assert llm["n"] == 6 and llm["offset_errors"] == 0
    assert llm["accounted_for"] == 1.0 and llm["unaccounted_questions"] == 0, llm
    assert llm["sentences"]["shown"] + llm["flagged"] == llm["drafted"] > 0
    assert 0.0 <= llm["fallback_rate"] <= 1.0 and llm["tokens"]["prompt_mean"] > 0
    report = (rep / "report.md").read_text(encoding="utf-8")
    assert "## LLM mode" in report and "| accounted-for rate | - | 1.000" in report
    assert ("Flagged by the verifier:" in report) == (llm["flagged"] > 0)


def test_backed_by_is_a_strict_lexical_check():
    from eval.metrics import backed_by

    quote = "Fierce fighting erupted Tuesday after the government began cracking down on armed groups in Basra."
    assert backed_by(quote, [quote])
    assert backed_by("The fighting erupted on Tuesday.", [quote])
    assert not backed_by("The fighting erupted on Tuesday, the BBC said.", [quote])  # a name it lacks
    assert not backed_by("At least 40 people died in the fighting.", [quote])  # a number and words it lacks
    assert not backed_by("Fighting erupted Tuesday.", [])  # cites nothing
