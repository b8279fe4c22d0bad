"""LLM answer mode: an LLM (OpenAI-compatible server or the bundled SmolLM2) writes the answer from numbered
sources, and every sentence is verified against the sources it cites before it is shown.

Exposes the backends (`make_llm`, `describe_llm`, `gguf_path`, `close_llms`, `translating_llm_errors`), the
answer (`answer_with_llm`, `DECLINED`) and the verifier (`verify`, `split_claims`, `verifier_thresholds`).
"""

from bot.llm.answer import DECLINED, answer_with_llm
from bot.llm.client import close_llms, describe_llm, gguf_path, make_llm, translating_llm_errors
from bot.llm.verify import Verdict, split_claims, verifier_thresholds, verify

__all__ = ["DECLINED", "Verdict", "answer_with_llm", "close_llms", "describe_llm", "gguf_path", "make_llm",
           "split_claims", "translating_llm_errors", "verifier_thresholds", "verify"]
