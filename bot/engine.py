"""The answer step as llama-index components: a retriever and a response synthesizer in a query engine.

`HybridRetriever` wraps bot.retrieve; `ExtractiveSynthesizer` wraps bot.answer. An LLM-backed
synthesizer drops in beside the extractive one: same retriever, same RetrieverQueryEngine.
No global llama-index Settings are used: every component gets its llm / callback manager explicitly.
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence

import numpy as np
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.response.schema import Response
from llama_index.core.callbacks import CallbackManager
from llama_index.core.llms.mock import MockLLM
from llama_index.core.prompts.mixin import PromptDictType
from llama_index.core.query_engine import RetrieverQueryEngine
from llama_index.core.response_synthesizers import BaseSynthesizer
from llama_index.core.schema import NodeRelationship, NodeWithScore, QueryBundle, RelatedNodeInfo, TextNode

from bot.answer import OVERVIEW_WIDEN, analyse_question, asks_wide, extract
from bot.library import Library
from bot.retrieve import Filters, retrieve
from bot.types import Passage

_CALLBACKS = CallbackManager([])


def passage_node(p: Passage) -> NodeWithScore:
    node = TextNode(id_=p.chunk_id, text=p.text, start_char_idx=p.start, end_char_idx=p.end,
                    metadata={"article_id": p.article_id, "dense_rank": p.dense_rank, "bm25_rank": p.bm25_rank,
                              "dense_score": p.dense_score},
                    relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=p.article_id)})
    return NodeWithScore(node=node, score=p.score)


def node_passage(n: NodeWithScore) -> Passage:
    m = n.node.metadata
    return Passage(n.node.node_id, m["article_id"], n.node.start_char_idx, n.node.end_char_idx,
                   n.node.get_content(), float(n.score or 0.0), m.get("dense_rank"), m.get("bm25_rank"),
                   float(m.get("dense_score") or 0.0))


class HybridRetriever(BaseRetriever):
    """Dense (Chroma) + BM25, fused by reciprocal rank; see bot/retrieve.py."""

    def __init__(self, lib: Library, top_k: int, filters: Filters | None = None):
        super().__init__(callback_manager=_CALLBACKS)
        self.lib, self.top_k, self.filters = lib, top_k, filters

    def _retrieve(self, query_bundle: QueryBundle) -> List[NodeWithScore]:
        qv = np.asarray(query_bundle.embedding, dtype=np.float32) if query_bundle.embedding else None
        # a question about the whole archive ("summarize the articles", "which articles mention Sadr") is
        # answered article by article: more passages, so that more articles are seen
        k = self.top_k * OVERVIEW_WIDEN if asks_wide(query_bundle.query_str) else self.top_k
        return [passage_node(p) for p in retrieve(self.lib, query_bundle.query_str, k, self.filters, qv)]


class ExtractiveSynthesizer(BaseSynthesizer):
    """Answers with sentences quoted from the retrieved nodes, or abstains; no LLM involved.

    The Response's metadata carries the `Extraction` (chosen sentences with exact offsets)."""

    def __init__(self, lib: Library, previous: str = ""):
        # MockLLM only satisfies the base class; nothing here ever calls an LLM.
        super().__init__(llm=MockLLM(), callback_manager=_CALLBACKS)
        self.lib = lib
        # the previous turn's answer, for a follow-up pointing back at it (bot/answer/followup.py)
        self.previous = previous

    def _get_prompts(self) -> PromptDictType:
        return {}

    def _update_prompts(self, prompts: PromptDictType) -> None:
        pass

    def get_response(self, query_str: str, text_chunks: Sequence[str], **kwargs: Any) -> str:
        raise NotImplementedError("ExtractiveSynthesizer works on nodes: call synthesize()")

    async def aget_response(self, query_str: str, text_chunks: Sequence[str], **kwargs: Any) -> str:
        raise NotImplementedError("ExtractiveSynthesizer works on nodes: call synthesize()")

    def synthesize(self, query, nodes: List[NodeWithScore], additional_source_nodes: Optional[Sequence] = None,
                   **kwargs: Any) -> Response:
        bundle = QueryBundle(query_str=query) if isinstance(query, str) else query
        passages = [node_passage(n) for n in nodes]
        qv = (np.asarray(bundle.embedding, dtype=np.float32) if bundle.embedding
              else np.asarray(self.lib.embed_model.get_query_embedding(bundle.query_str), dtype=np.float32))
        q = analyse_question(bundle.query_str, self.lib.bm25.idf, lambda t: self.lib.bm25.doc_freq(t) > 0)
        ex = extract(self.lib, q, passages, qv, previous=self.previous)
        text = " ".join(self.lib.articles[c.article_id].text[c.start:c.end] for c in ex.chosen)
        return Response(response=text, source_nodes=list(nodes), metadata={"extraction": ex})

    async def asynthesize(self, query, nodes: List[NodeWithScore], additional_source_nodes=None, **kwargs):
        return self.synthesize(query, nodes, additional_source_nodes, **kwargs)


def query_engine(lib: Library, top_k: int, filters: Filters | None = None, previous: str = "") -> RetrieverQueryEngine:
    return RetrieverQueryEngine(retriever=HybridRetriever(lib, top_k, filters),
                                response_synthesizer=ExtractiveSynthesizer(lib, previous), callback_manager=_CALLBACKS)
