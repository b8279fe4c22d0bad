"""`python -m eval ... --baseline llamaindex`: llama-index's default RAG retrieval on the same dataset.

A `VectorStoreIndex` (in memory: the default SimpleVectorStore) over the dataset's articles, loaded from
the same files by index.load (so the article ids are the ones newsbot uses), split by llama-index's
default `SentenceSplitter` (1024 tokens, 200 overlap) and embedded with the SAME model as newsbot
(`make_embedding("minilm-int8")`); its retriever with the default `similarity_top_k=2`, asked the raw
question. Everything is passed explicitly: llama-index's global `Settings` are never read or set.

Measured on the answerable questions, as for newsbot: article hit@1 / hit@5 / MRR over articles ranked by
their best chunk in a deeper run of the same retriever (RANK_DEPTH chunks), the share whose gold article is
among the similarity_top_k chunks a RAG answer would read, and the share whose read chunks hold a gold
answer.
"""

from __future__ import annotations

import time

import numpy as np
from llama_index.core import Document, VectorStoreIndex
from llama_index.core.callbacks import CallbackManager
from llama_index.core.node_parser import SentenceSplitter

from eval.datasets import Dataset
from eval.metrics import contains_gold, first_rank, rank_scores
from index.embed import make_embedding
from index.errors import NewsbotError
from index.load import load_paths
from index.types import Article

SIMILARITY_TOP_K = 2  # llama-index's default (DEFAULT_SIMILARITY_TOP_K)
RANK_DEPTH = 40  # chunks retrieved to rank articles (newsbot ranks its articles over up to 40 chunks too)
EMBED_MODEL = "minilm-int8"


def documents(dataset: Dataset) -> list[Document]:
    """One llama-index Document per article of the dataset's corpus, id = newsbot's article id."""
    docs = []
    for rec in load_paths([dataset.corpus]):
        if isinstance(rec, Article):
            # The id is metadata for us, not content: keep it out of the embedded and LLM text.
            docs.append(Document(text=rec.text, id_=rec.id, metadata={"article_id": rec.id},
                                 excluded_embed_metadata_keys=["article_id"],
                                 excluded_llm_metadata_keys=["article_id"]))
    if not docs:
        raise NewsbotError(f"the baseline found no articles under {dataset.corpus}")
    return docs


def run_llamaindex(dataset: Dataset, top_k: int = SIMILARITY_TOP_K) -> dict:
    callbacks = CallbackManager([])
    embed_model = make_embedding(EMBED_MODEL)
    docs = documents(dataset)
    t0 = time.perf_counter()
    index = VectorStoreIndex.from_documents(docs, embed_model=embed_model, transformations=[SentenceSplitter()],
                                            callback_manager=callbacks)
    index_seconds = time.perf_counter() - t0
    retriever = index.as_retriever(similarity_top_k=top_k)
    deep = index.as_retriever(similarity_top_k=RANK_DEPTH)
    ranks, read, holds, lat = [], [], [], []
    for it in dataset.items:
        if not it.answers:
            continue
        t = time.perf_counter()
        nodes = retriever.retrieve(it.question)
        lat.append((time.perf_counter() - t) * 1000)
        ranks.append(first_rank(_articles(deep.retrieve(it.question)), set(it.article_ids)))
        read.append(first_rank(_articles(nodes), set(it.article_ids)) is not None)
        holds.append(contains_gold(" ".join(n.node.get_content() for n in nodes), it.answers))
    lat_arr = np.array(lat) if lat else np.zeros(1)
    return {
        "name": f"llama-index VectorStoreIndex, SentenceSplitter defaults, {EMBED_MODEL}, similarity_top_k={top_k}",
        "n_answerable": len(ranks), "n_articles": len(docs), "n_chunks": len(index.index_struct.nodes_dict),
        "similarity_top_k": top_k, "index_seconds": index_seconds,
        "retrieval": {**rank_scores(ranks), "in_top_k_chunks": sum(read) / len(read) if read else 0.0},
        "answer_in_retrieved": sum(holds) / len(holds) if holds else 0.0,
        "latency_ms": {"p50": float(np.percentile(lat_arr, 50)), "p95": float(np.percentile(lat_arr, 95))},
    }


def _articles(nodes) -> list[str]:
    """Article ids in the order of their best retrieved chunk."""
    return list(dict.fromkeys(n.node.metadata.get("article_id", n.node.ref_doc_id) for n in nodes))
