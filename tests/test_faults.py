"""Issue 12, "nothing lost, nothing stale, no tracebacks": one test per fault, each reproducing it on real
files in tmp dirs, the embedded Chroma and the real embedding model (helpers shared with test_ingest/test_cli).
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import re

import numpy as np
import pytest

from index.ingest import bm25_path, ingest
from index.load import load_paths
from index.types import Article, Skip
from test_cli import run_newsbot
from test_ingest import assert_consistent, state, story, write

FLAGSHIP = "What did Sadr demand in exchange?"
AMNESTY_ID = "000_26083794b4a1b5c3"


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def texts(settings) -> dict[str, str]:
    """Article id -> stored text, after checking that the manifest, Chroma and BM25 agree."""
    return {aid: a.text for aid, a in assert_consistent(settings)["articles"].items()}


# --- 8. deeply nested JSON ------------------------------------------------------------------------------------

def test_deeply_nested_json_skips_that_file_or_line_only(settings_factory, tmp_path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    write(tmp_path / "in" / "good.txt", story(10, "bridge"))
    whole = write(tmp_path / "in" / "deep.json", deep)
    inner = write(tmp_path / "in" / "inner.json", '{"text": "Body.", "meta": ' + deep + "}")
    feed = write(tmp_path / "in" / "feed.jsonl", jsonl([{"text": story(11, "canal")}]) + deep + "\n"
                 + jsonl([{"text": story(12, "tunnel")}]))
    settings = settings_factory()
    report = ingest([tmp_path / "in"], settings)
    assert sorted(report.added) == ["feed#1", "feed#3", "good"]
    reasons = {s.source: s.reason for s in report.skipped}
    assert set(reasons) == {str(whole), str(inner), f"{feed}:2"}
    assert all("nested too deeply" in r for r in reasons.values()), reasons
    assert reasons[f"{feed}:2"].startswith("line 2:")
    assert sorted(texts(settings)) == ["feed#1", "feed#3", "good"]
