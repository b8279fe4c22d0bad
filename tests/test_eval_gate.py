"""The eval gate: gold and SQuAD 2.0 (dev subset) metrics must stay at or above eval/thresholds.toml.

Each dataset is ingested into a tmp NEWSBOT_HOME and run through bot.ask (eval.run.evaluate). SQuAD 2.0
is read from ../shared/benchmarks/squad2_small/small.json, which CI provides.
"""

from __future__ import annotations

import json
import tomllib

import pytest

from eval.datasets import DEFAULT_PATHS
from eval.run import evaluate, load_dataset
from index.settings import PROJECT_DIR, Settings

THRESHOLDS = PROJECT_DIR / "eval" / "thresholds.toml"
METRICS = {  # threshold key -> how to read it from the metrics dict
    "answer_contains_gold": lambda m: m["answer_contains_gold"],
    "overall_accuracy": lambda m: m["overall_accuracy"],
    "abstention_f1": lambda m: m["abstention"]["f1"],
    "citation_precision": lambda m: m["citation_precision"],
    "retrieval_hit5": lambda m: m["retrieval"]["hit@5"],
}


def thresholds(name: str) -> dict:
    with open(THRESHOLDS, "rb") as fh:
        table = tomllib.load(fh)
    assert name in table, f"{THRESHOLDS} has no [{name}] table"
    needed = {"supported_sentence_rate", "answer_contains_gold", "offset_errors_max"} if name.endswith("_llm") \
        else set(METRICS) | {"offset_errors_max"}
    missing = needed - set(table[name])
    assert not missing, f"{THRESHOLDS} [{name}] lacks {sorted(missing)}"
    return table[name]


@pytest.mark.parametrize("name", ["gold", "natural", "squad2"])
def test_eval_gate(name, tmp_path):
    limits = thresholds(name)
    if name == "squad2" and not DEFAULT_PATHS["squad2"].exists():
        pytest.fail(f"{DEFAULT_PATHS['squad2']} is missing: the eval gate needs ../shared/benchmarks beside the "
                    "project (CI provides it)")
    ds = load_dataset(name, None, tmp_path / "work")
    metrics, _ = evaluate(ds, Settings.from_env({}, home=tmp_path / "home"))
    shown = json.dumps(metrics, indent=2)
    low = {k: (read(metrics), limits[k]) for k, read in METRICS.items() if read(metrics) < limits[k]}
    if metrics["offset_errors"] > limits["offset_errors_max"]:
        low["offset_errors"] = (metrics["offset_errors"], f"max {limits['offset_errors_max']}")
    assert not low, f"{name} is below {THRESHOLDS.name}: {low}\nall metrics:\n{shown}"
    print(f"\n{name}: {shown}")


GATE_STRIDE = 6  # the LLM gate asks every sixth gold question of each type


def llm_gate_items(items: list) -> list:
    """The gold questions the LLM gate asks: a fixed, stratified sixth of gold, every sixth question of each
    type (answerable, paraphrase, followup, unanswerable, near_miss) in file order, from the second one on (as the
    third it was until 2026-12-07).

    Why not all 111: the model reads ~500 prompt tokens of sources per question (about 2 s of the server's
    time on 2 cores, most of the ~4.7 s a question costs; generation is the rest): the whole set took 525 s, 40%
    of `make test` then, and a third of it (the gate until 2026-12-07) 290-330 s, the largest test of the suite.
    What it checks: every sentence the model writes is shown or flagged, and what is shown is backed by its
    citations. On this sixth (measured 2026-12-07) the verifier flagged every sentence the model wrote and the
    extractive fallback was shown (twice, the same): the third held g058 and g064, whose 2 model-written sentences
    passed the verifier there, at 190 s more of every run. `python -m eval --dataset gold --mode llm` runs the
    whole set."""
    seen: dict[str, int] = {}
    chosen = []
    for it in items:
        seen[it.type] = seen.get(it.type, -1) + 1
        if seen[it.type] % GATE_STRIDE == 1:
            chosen.append(it)
    return chosen


def test_llm_gate_items_are_a_stratified_sixth_of_gold(tmp_path):
    items = load_dataset("gold", None, tmp_path).items
    chosen = llm_gate_items(items)
    by_type = {t: [it for it in items if it.type == t] for t in {it.type for it in items}}
    assert len(by_type) == 5
    for t, all_of_type in by_type.items():  # every type, a sixth of each (rounded), in file order
        mine = [it for it in chosen if it.type == t]
        assert mine == all_of_type[1::GATE_STRIDE], t
    assert 0.15 < len(chosen) / len(items) < 0.22
    assert any(it.history for it in chosen) and any(not it.answers for it in chosen)


# pytest's 600 s (pyproject.toml) is a guard against a hang, not a time limit: this gate (on a third of gold then)
# took 244 s alone on 2 quiet cores, and ran past 600 s twice on 2026-12-03 while the other xdist worker and another
# engineer's evals shared those cores (its time is the model reading ~550 prompt tokens a question, which slows
# with the load). On the sixth: 100 s and 110 s alone, 2026-12-07.
@pytest.mark.timeout(1500)
def test_llm_mode_gate_on_gold(tmp_path, llm_server):
    """LLM mode on a stratified sixth of the gold set (llm_gate_items), with SmolLM2 served by a real llama.cpp
    server: every sentence the model writes is shown as supported or flagged, and the shown sentences are backed
    by their citations."""
    from eval.llm_eval import llm_summary
    from eval.run import ask_all, prepare, summarize

    limits = thresholds("gold_llm")
    ds = load_dataset("gold", None, tmp_path / "work")
    ds.items = llm_gate_items(ds.items)
    # 128 tokens: the 135M model loops to the limit on some questions; a longer cap only costs CI time.
    settings = Settings.from_env({}, home=tmp_path / "home", llm_base_url=llm_server, llm_model="smollm2",
                                 llm_max_tokens=128)
    records = ask_all(ds, settings, 5, prepare(ds, settings), mode="llm")
    m = dict(summarize(ds.name, records), **llm_summary(records))
    shown = json.dumps({k: m[k] for k in ("accounted_for", "unaccounted_questions", "backed", "backed_all",
                                          "sentences", "fallback_rate", "answer_contains_gold", "offset_errors")})
    assert m["accounted_for"] == 1.0 and m["unaccounted_questions"] == 0, shown
    assert m["offset_errors"] <= limits["offset_errors_max"], shown
    assert m["backed_all"]["supported_rate"] >= limits["supported_sentence_rate"], shown
    assert m["answer_contains_gold"] >= limits["answer_contains_gold"], shown
    print(f"\ngold, llm mode: {shown}")
