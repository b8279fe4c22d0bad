"""The LLM of the `llm` answer mode, built from Settings (never from llama-index's global Settings).

- ``make_llm(settings)``      a llama_index.core.llms.LLM: OpenAILike for an OpenAI-compatible server
                              (NEWSBOT_LLM_BASE_URL), or the bundled SmolLM2 run by llama.cpp (NEWSBOT_LLM=local).
                              Cached per settings values.
- ``describe_llm(settings)``  one line for the UI/CLI, e.g. "SmolLM2-135M-Instruct (local)".
- ``gguf_path()``             the bundled GGUF file.
- ``translating_llm_errors(settings)``  a context manager turning client errors raised while chatting
                              (connection refused, timeout, HTTP error, prompt over the window) into LLMError.
- ``close_llms()``            forget the cached LLMs (the loaded local model stays shared).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from llama_index.core.callbacks import CallbackManager
from llama_index.core.llms import LLM

from bot.llm.local import LOCAL_MODEL_NAME, LocalLLM, check_llama_cpp, gguf_path
from index.errors import LLMError
from index.settings import Settings

__all__ = ["close_llms", "describe_llm", "gguf_path", "make_llm", "translating_llm_errors"]

NO_LLM = ("No LLM configured: set NEWSBOT_LLM_BASE_URL=http://host:port/v1 (any OpenAI-compatible server) "
          "or NEWSBOT_LLM=local (make install-dev, or pip install -e '.[local]')")

_CACHE: dict[tuple, LLM] = {}
_CACHE_LOCK = threading.Lock()


def _cache_key(settings: Settings) -> tuple:
    """The settings values an LLM depends on (the index location etc. do not matter)."""
    return (settings.llm_backend, settings.llm_base_url, settings.llm_model, settings.llm_api_key,
            settings.llm_context, settings.llm_max_tokens, settings.llm_timeout)


def make_llm(settings: Settings) -> LLM:
    """The configured LLM; raises LLMError when none is configured or its package is missing."""
    key = _cache_key(settings)
    with _CACHE_LOCK:
        llm = _CACHE.get(key)
        if llm is None:
            llm = _build_llm(settings)
            _CACHE[key] = llm
        return llm


def close_llms() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def _build_llm(settings: Settings) -> LLM:
    backend = settings.llm_backend
    if backend == "openai":
        return _build_openai_like(settings)
    if backend == "local":
        path = gguf_path()
        # Fail now rather than at the first question if llama-cpp-python is missing; the model loads lazily.
        check_llama_cpp()
        return LocalLLM(path, context_window=settings.llm_context, max_tokens=settings.llm_max_tokens)
    raise LLMError(NO_LLM)


def _build_openai_like(settings: Settings) -> LLM:
    if not settings.llm_base_url:
        raise LLMError("NEWSBOT_LLM=openai needs a server: set NEWSBOT_LLM_BASE_URL=http://host:port/v1 "
                       "(any OpenAI-compatible server, e.g. `python -m llama_cpp.server` or vLLM)")
    try:
        from llama_index.llms.openai_like import OpenAILike
    except ImportError:
        raise LLMError("The OpenAI-compatible client is not installed: pip install -e '.[llm]'") from None
    return OpenAILike(
        model=settings.llm_model,
        api_base=settings.llm_base_url,
        api_key=settings.llm_api_key,
        is_chat_model=True,
        context_window=settings.llm_context,
        max_tokens=settings.llm_max_tokens,
        timeout=float(settings.llm_timeout),
        temperature=0.0,
        # One attempt: a dead server should be reported now, not after a backoff loop.
        max_retries=0,
        # An explicit CallbackManager: nothing may come from llama-index's global Settings.
        callback_manager=CallbackManager([]),
    )


def describe_llm(settings: Settings) -> str:
    """What answers in llm mode, for the UI/CLI; never raises."""
    backend = settings.llm_backend
    if backend == "local":
        return f"{LOCAL_MODEL_NAME} (local)"
    if backend == "openai":
        if not settings.llm_base_url:
            return "an OpenAI-compatible server (NEWSBOT_LLM_BASE_URL is not set)"
        return f"{settings.llm_model} at {settings.llm_base_url}"
    return "no LLM configured"


@contextmanager
def translating_llm_errors(settings: Settings) -> Iterator[None]:
    """Turn what the LLM client raises (around chat/stream_chat and the stream's iteration) into LLMError."""
    try:
        yield
    except LLMError:
        raise
    except Exception as e:  # narrowed by _translate: anything unknown propagates unchanged
        translated = _translate(e, settings)
        if translated is None:
            raise
        raise translated from e


def _translate(error: Exception, settings: Settings) -> LLMError | None:
    """The LLMError for a known client failure, else None."""
    url = settings.llm_base_url or "(no URL)"
    details = f"{type(error).__name__}: {error}"
    try:
        import openai
    except ImportError:
        openai = None  # type: ignore[assignment]
    import httpx

    # llama.cpp raises ValueError in-process; a server answers 400 (an APIStatusError) with the same text.
    overflow_types = (ValueError, openai.APIStatusError) if openai is not None else (ValueError,)
    if isinstance(error, overflow_types) and _is_context_overflow(error):
        return LLMError(f"The question and passages do not fit the LLM's window ({settings.llm_context} tokens): "
                        f"raise NEWSBOT_LLM_CONTEXT (if the model allows it) or lower the top-k ({details})")

    # APITimeoutError is a subclass of APIConnectionError: test it first.
    if (openai is not None and isinstance(error, openai.APITimeoutError)) or isinstance(error, httpx.TimeoutException):
        return LLMError(f"The LLM at {url} did not answer within {settings.llm_timeout} s: raise "
                        f"NEWSBOT_LLM_TIMEOUT or use a faster model/server ({details})")
    if openai is not None and isinstance(error, openai.APIStatusError):
        return LLMError(f"The LLM at {url} answered HTTP {error.status_code}: check NEWSBOT_LLM_MODEL "
                        f"({settings.llm_model!r}), NEWSBOT_LLM_API_KEY and NEWSBOT_LLM_BASE_URL ({details})")
    if (openai is not None and isinstance(error, openai.APIConnectionError)) or isinstance(error, httpx.HTTPError):
        return LLMError(f"Cannot reach the LLM at {url}: start the server or fix NEWSBOT_LLM_BASE_URL ({details})")
    return None


def _is_context_overflow(error: Exception) -> bool:
    """llama.cpp's "Requested tokens (N) exceed context window of M" (local), or a server's 400 saying so."""
    text = str(error).lower()
    return "exceed context window" in text or "maximum context length" in text
