"""The question-answering process of the scale benchmark (eval/scale.py runs it and reads its peak RSS).

    python -m eval.scale_ask QUESTIONS.json     (NEWSBOT_HOME etc. set by the caller)

QUESTIONS.json is ``{"warmup": "...", "questions": [{"question", "gold", "article_id"}, ...]}`` (gold and
article_id null for a question without a known answer). After one untimed question (what "warm" means, as in
eval/bench.py) every question is asked once through ``bot.ask``; the last line of stdout is the JSON of the
latencies and, per question, whether the top retrieved article is its article (hit@1) and whether the cited
text contains its gold answer (SQuAD-normalised, as eval/metrics.py scores every answer).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bot import ask, rank_articles
from eval.metrics import contains_gold


def answer_all(spec: dict) -> dict:
    ask(spec["warmup"])
    latencies, results = [], []
    for q in spec["questions"]:
        t = time.perf_counter()
        a = ask(q["question"])
        latencies.append((time.perf_counter() - t) * 1000)
        top = (rank_articles(a.passages) or [None])[0]
        quotes = " ".join(c.quote for c in a.citations)
        known = q.get("gold") is not None
        results.append({
            "question": q["question"], "top_article": top, "answer": a.answer, "status": a.status,
            "hit1": known and top == q["article_id"],
            "contains": known and not a.abstained and contains_gold(quotes, [q["gold"]]),
        })
    return {"latencies_ms": latencies, "results": results}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    spec = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    print(json.dumps(answer_all(spec)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
