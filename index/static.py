"""Files that llama-index-core ships and we reuse offline: tiktoken's cl100k BPE and NLTK's punkt_tab."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def static_dir() -> Path:
    # Locate the package without importing it: importing llama_index.core costs ~1 s of start-up.
    spec = importlib.util.find_spec("llama_index.core")
    if not spec or not spec.submodule_search_locations:
        raise RuntimeError("llama-index-core is not installed: run `make install`")
    return Path(list(spec.submodule_search_locations)[0]) / "_static"


@lru_cache(maxsize=1)
def tokenizer():
    """cl100k_base from llama-index's bundled cache (tiktoken would otherwise download it)."""
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(static_dir() / "tiktoken_cache"))
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(tokenizer().encode(text, disallowed_special=()))
