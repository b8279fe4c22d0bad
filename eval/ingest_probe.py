"""One real-model ingest, watched: run as a script by eval/embed_bench.py, under the PYTHONPATH of the code measured.

    python eval/ingest_probe.py CORPUS_DIR NEWSBOT_HOME   ->  one JSON line on stdout

It imports only `index` (from whichever checkout PYTHONPATH names, so an older one can be measured too) and
onnxruntime, whose InferenceSession it wraps to record every batch the model ran (its rows, its padded width
and its real token lengths), the time spent in the model, and whether the graph multiplies in int8.
"""

from __future__ import annotations

import json
import sys
import time


def main(corpus: str, home: str) -> None:
    import onnxruntime as ort

    batches: list[tuple[int, list[int]]] = []  # (padded width, real lengths of its rows)
    model_s = [0.0]
    real_run = ort.InferenceSession.run

    def run(self, output_names, feed, *args, **kwargs):
        t = time.perf_counter()
        out = real_run(self, output_names, feed, *args, **kwargs)
        model_s[0] += time.perf_counter() - t
        mask = feed.get("attention_mask")
        if mask is not None:
            batches.append((int(mask.shape[1]), [int(n) for n in mask.sum(axis=1)]))
        return out

    ort.InferenceSession.run = run
    int8 = [False]  # whether the model's graph multiplies in int8 (MatMulInteger) or float32
    real_init = ort.InferenceSession.__init__

    def init(self, model, *args, **kwargs):
        graph = model if isinstance(model, bytes) else open(model, "rb").read()
        int8[0] = int8[0] or b"MatMulInteger" in graph
        real_init(self, model, *args, **kwargs)

    ort.InferenceSession.__init__ = init
    from index.ingest import ingest
    from index.settings import Settings

    settings = Settings.from_env({}, home=home)
    t = time.perf_counter()
    report = ingest([corpus], settings)
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "articles": len(report.added), "chunks": report.chunks_embedded,
                      "vectors": report.vectors_embedded, "model_s": model_s[0], "int8": int8[0],
                      "batches": batches}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
