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
    missing = (set(METRICS) | {"offset_errors_max"}) - set(table[name])
    assert not missing, f"{THRESHOLDS} [{name}] lacks {sorted(missing)}"
    return table[name]


@pytest.mark.parametrize("name", ["gold", "squad2"])
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
