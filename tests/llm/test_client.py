"""bot.llm against real models: a real `python -m llama_cpp.server` (OpenAI-compatible) and the bundled
SmolLM2 loaded in-process. No mocks. Answers are kept short (max_tokens 24) so the file runs in seconds."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import free_port
from llama_index.core.llms import ChatMessage, MessageRole

from bot.llm import close_llms, describe_llm, gguf_path, make_llm, translating_llm_errors
from index.errors import LLMError, UsageError
from index.settings import Settings

MESSAGES = [
    ChatMessage(role=MessageRole.SYSTEM, content="You are a helpful assistant. Answer in one sentence."),
    ChatMessage(role=MessageRole.USER, content="What is the capital of France?"),
]
MAX_TOKENS = 24


@pytest.fixture(autouse=True)
def _fresh_llms():
    yield
    close_llms()


def check_chat_and_stream(llm, settings) -> None:
    """One chat answer, then one streamed answer whose deltas add up to its final text."""
    with translating_llm_errors(settings):
        reply = llm.chat(MESSAGES)
        chunks = list(llm.stream_chat(MESSAGES))
    assert reply.message.role == MessageRole.ASSISTANT
    assert reply.message.content.strip(), reply
    deltas = [c.delta for c in chunks if c.delta]
    assert len(deltas) >= 3, deltas
    assert "".join(deltas) == chunks[-1].message.content
    assert chunks[-1].message.content.strip()


def test_openai_like_against_a_real_server(llm_server, settings_factory):
    from llama_index.llms.openai_like import OpenAILike

    settings = settings_factory(llm_base_url=llm_server, llm_model="smollm2", llm_max_tokens=MAX_TOKENS)
    assert settings.llm_backend == "openai"
    llm = make_llm(settings)
    assert isinstance(llm, OpenAILike)
    assert llm.metadata.is_chat_model and llm.metadata.context_window == settings.llm_context
    assert make_llm(settings) is llm  # cached per settings values
    check_chat_and_stream(llm, settings)
    assert describe_llm(settings) == f"smollm2 at {llm_server}"


def test_local_backend_answers_and_streams(settings_factory):
    pytest.importorskip("llama_cpp", reason="llama_cpp is not importable: pip install -e '.[local]'")
    settings = settings_factory(llm="local", llm_max_tokens=MAX_TOKENS)
    llm = make_llm(settings)
    meta = llm.metadata
    assert (meta.context_window, meta.num_output, meta.is_chat_model) == (settings.llm_context, MAX_TOKENS, True)
    check_chat_and_stream(llm, settings)
    # complete/stream_complete wrap a bare prompt in the chat template too.
    done = llm.complete("Name one colour.")
    assert done.text.strip()
    parts = list(llm.stream_complete("Name one colour."))
    assert "".join(p.delta for p in parts) == parts[-1].text
    assert describe_llm(settings) == "SmolLM2-135M-Instruct (local)"
    assert gguf_path().name == "SmolLM2-135M-Instruct.Q4_1.gguf" and gguf_path().stat().st_size > 50_000_000


def test_local_backend_is_safe_to_share_between_threads(settings_factory):
    pytest.importorskip("llama_cpp", reason="llama_cpp is not importable: pip install -e '.[local]'")
    llm = make_llm(settings_factory(llm="local", llm_max_tokens=MAX_TOKENS))
    # Two UI requests at once: one generation runs at a time, and both get the same greedy answer.
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(lambda _: list(llm.stream_chat(MESSAGES))[-1].message.content, range(2)))
    assert texts[0].strip() and texts[0] == texts[1]
    # One stream resumed from another thread (as Gradio does), then a new question: nothing stays locked.
    stream = llm.stream_chat(MESSAGES)
    first = next(stream)
    with ThreadPoolExecutor(1) as pool:
        rest = pool.submit(list, stream).result(timeout=60)
    assert first.delta + "".join(c.delta for c in rest) == texts[0]
    assert llm.chat(MESSAGES).message.content.strip()


def test_local_prompt_over_the_window_is_an_llm_error(settings_factory):
    pytest.importorskip("llama_cpp", reason="llama_cpp is not importable: pip install -e '.[local]'")
    settings = settings_factory(llm="local", llm_context=256, llm_max_tokens=MAX_TOKENS)
    long = [ChatMessage(role=MessageRole.USER, content="news " * 400)]
    with pytest.raises(LLMError, match="NEWSBOT_LLM_CONTEXT"), translating_llm_errors(settings):
        make_llm(settings).chat(long)


def test_no_backend_configured(settings_factory):
    settings = settings_factory()
    assert settings.llm_backend is None
    with pytest.raises(LLMError, match="NEWSBOT_LLM_BASE_URL=http://host:port/v1.*NEWSBOT_LLM=local"):
        make_llm(settings)
    assert describe_llm(settings) == "no LLM configured"


def test_openai_backend_needs_a_base_url(settings_factory):
    with pytest.raises(LLMError, match="NEWSBOT_LLM_BASE_URL"):
        make_llm(settings_factory(llm="openai"))


def test_nothing_listening_is_an_llm_error_naming_the_url(settings_factory):
    url = f"http://127.0.0.1:{free_port()}/v1"
    settings = settings_factory(llm_base_url=url, llm_max_tokens=MAX_TOKENS, llm_timeout=10)
    llm = make_llm(settings)  # building the client does not connect
    with pytest.raises(LLMError, match="Cannot reach the LLM at") as err, translating_llm_errors(settings):
        llm.chat(MESSAGES)
    assert url in str(err.value) and "NEWSBOT_LLM_BASE_URL" in str(err.value)
    # A stream fails while it is iterated: the same context manager covers it.
    with pytest.raises(LLMError, match="Cannot reach the LLM at"), translating_llm_errors(settings):
        list(llm.stream_chat(MESSAGES))


def test_http_error_from_the_server_is_an_llm_error(llm_server, settings_factory):
    # Without /v1 the server answers 404 to POST /chat/completions.
    url = llm_server.removesuffix("/v1")
    settings = settings_factory(llm_base_url=url, llm_model="smollm2", llm_max_tokens=MAX_TOKENS)
    with pytest.raises(LLMError, match="HTTP 404") as err, translating_llm_errors(settings):
        make_llm(settings).chat(MESSAGES)
    assert url in str(err.value)


def test_unknown_errors_pass_through(settings_factory):
    with pytest.raises(KeyError), translating_llm_errors(settings_factory()):
        raise KeyError("not an LLM failure")


@pytest.mark.parametrize("env, variable", [
    ({"NEWSBOT_LLM": "gpt"}, "NEWSBOT_LLM"),
    ({"NEWSBOT_LLM_BASE_URL": "localhost:8080"}, "NEWSBOT_LLM_BASE_URL"),
    ({"NEWSBOT_LLM_BASE_URL": "ftp://127.0.0.1/v1"}, "NEWSBOT_LLM_BASE_URL"),
    ({"NEWSBOT_LLM_MAX_TOKENS": "many"}, "NEWSBOT_LLM_MAX_TOKENS"),
    ({"NEWSBOT_LLM_MAX_TOKENS": "5000"}, "NEWSBOT_LLM_MAX_TOKENS"),
    ({"NEWSBOT_LLM_CONTEXT": "100"}, "NEWSBOT_LLM_CONTEXT"),
])
def test_bad_llm_settings_are_usage_errors(tmp_path, env, variable):
    with pytest.raises(UsageError, match=variable):
        Settings.from_env(env, home=tmp_path)


def test_llm_settings_from_env(tmp_path):
    s = Settings.from_env({"NEWSBOT_LLM_BASE_URL": "http://127.0.0.1:8080/v1", "NEWSBOT_LLM_MODEL": "m"},
                          home=tmp_path)
    assert (s.llm_backend, describe_llm(s)) == ("openai", "m at http://127.0.0.1:8080/v1")
    assert Settings.from_env({"NEWSBOT_LLM": "local"}, home=tmp_path).llm_backend == "local"
