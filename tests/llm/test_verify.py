"""bot.llm.verify on hand-written answers with known supported and unsupported sentences, against the real
sample index (MiniLM vectors, BM25 idf), and bot.llm.answer's assembly with a scripted model."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any, Sequence

import pytest
from llama_index.core.llms import (ChatMessage, ChatResponse, CompletionResponse, CustomLLM, LLMMetadata,
                                   MessageRole)

from bot import ask
from bot.answer import analyse_question
from bot.library import open_library
from bot.retrieve import retrieve
from bot.llm import split_claims, verify
from index.embed import embed_query

FLAGSHIP = "What did Sadr demand in exchange?"
ERUPT = "When did the fighting in Basra erupt?"


def _verdicts(settings, question: str, answer: str):
    """Verify `answer` as if the model had been shown the passages retrieved for `question` as [1]..[k]."""
    lib = open_library(settings)
    qv = embed_query(lib.embed_model, question)
    sources = retrieve(lib, question, 5, query_vector=qv)
    return lib, sources, verify(lib, analyse_question(question, lib.bm25.idf), answer, sources)


def _number_of(sources, needle: str) -> int:
    """The [n] of the first source whose text holds needle (so answers cite the right source)."""
    return next(i for i, p in enumerate(sources, 1) if needle in p.text)


def test_split_claims_keeps_markers_with_their_sentence_and_drops_bad_numbers():
    claims = split_claims("Fighting erupted Tuesday. [1] It spread to Baghdad [2, 3].\nSadr agreed [0][9]. [2]", 3)
    assert [c.text for c in claims] == ["Fighting erupted Tuesday.", "It spread to Baghdad.", "Sadr agreed."]
    assert [c.cites for c in claims] == [(1,), (2, 3), (2,)]
    assert [c.invalid for c in claims] == [(), (), (0, 9)]
    assert split_claims("[1]", 3) == [] and split_claims("", 3) == []
    # abbreviations end no sentence; a sentence repeated word for word (small models loop) is one claim
    claims = split_claims("On Saturday, Mr. Maliki said U.S. forces left [1]. It rained. It rained.", 1)
    assert [c.text for c in claims] == ["On Saturday, Mr. Maliki said U.S. forces left.", "It rained."]
    # a marker opening a line cites for the sentence after it, not the one before
    claims = split_claims("Sadr City is a stronghold.\n[3] Najaf was calm.", 3)
    assert [(c.text, c.cites) for c in claims] == [("Sadr City is a stronghold.", ()), ("Najaf was calm.", (3,))]


def test_a_true_sentence_cited_to_its_source_is_supported_with_exact_evidence(sample_home):
    lib, sources, _ = _verdicts(sample_home, FLAGSHIP, "")
    n = _number_of(sources, "In exchange")
    _, _, (v,) = _verdicts(sample_home, FLAGSHIP, f"He asked the government to release Mahdi Army prisoners "
                                                  f"and declare an amnesty [{n}].")
    assert v.supported and v.answers_question, v.reason
    e = v.evidence[0]
    text = lib.articles[e.article_id].text
    assert "release Mahdi Army prisoners" in text[e.start:e.end] and e.n == n


def test_the_three_smollm2_failures_are_caught(sample_home):
    # 1. "complete cooperation with the government" is copied from a true sentence ("he was ordering
    #    complete cooperation...") but does not answer what Sadr asked for in exchange.
    lib, sources, _ = _verdicts(sample_home, FLAGSHIP, "")
    n = _number_of(sources, "complete cooperation")
    _, _, (v,) = _verdicts(sample_home, FLAGSHIP, f"complete cooperation with the government [{n}]")
    assert not (v.supported and v.answers_question)
    # 2. An invented attribution.
    _, sources, _ = _verdicts(sample_home, ERUPT, "")
    n = _number_of(sources, "erupted")
    _, _, (v,) = _verdicts(sample_home, ERUPT, f"The fighting in Basra erupted on Tuesday, according to a report "
                                               f"by the BBC [{n}].")
    assert not v.supported and "bbc" in v.reason
    # ... while the same claim without it is supported, and so is the bare short answer.
    _, _, (v, short) = _verdicts(sample_home, ERUPT, f"The fighting erupted on Tuesday [{n}]. Tuesday [{n}].")
    assert v.supported and v.answers_question, v.reason
    assert short.supported and short.answers_question, short.reason
    # 3. Outside knowledge, cited or not.
    _, _, (cited, uncited) = _verdicts(sample_home, "What is the capital of France?",
                                       "The capital of France is Paris [1]. Paris is in France.")
    assert not cited.supported and "pari" in cited.reason
    assert not uncited.supported and uncited.reason == "cites no source"


def test_zero_and_out_of_range_citations_never_resolve_to_another_source(sample_home):
    _, sources, verdicts = _verdicts(sample_home, FLAGSHIP, "Sadr asked for an amnesty [0]. Sadr asked for an "
                                                           "amnesty [6]. Sadr asked for an amnesty [99].")
    assert len(sources) == 5
    for v in verdicts:
        assert not v.supported and not v.evidence and "not one of the 5 sources" in v.reason


def test_a_wrong_number_is_unsupported(sample_home):
    _, sources, _ = _verdicts(sample_home, "How many people were killed in Basra?", "")
    n = _number_of(sources, "at least 12 people")
    _, _, (right, wrong) = _verdicts(sample_home, "How many people were killed in Basra?",
                                     f"At least 12 people were killed [{n}]. At least 40 people were killed [{n}].")
    assert right.supported and not wrong.supported and "'40'" in wrong.reason


def test_a_sentence_cited_to_the_wrong_source_is_unsupported(sample_home):
    _, sources, _ = _verdicts(sample_home, FLAGSHIP, "")
    other = next(i for i, p in enumerate(sources, 1) if "amnesty" not in p.text)
    _, _, (v,) = _verdicts(sample_home, FLAGSHIP, f"He asked the government to release Mahdi Army prisoners and "
                                                  f"declare an amnesty [{other}].")
    assert not v.supported


class ScriptedLLM(CustomLLM):
    """A chat model that answers with a fixed text, streamed word by word: the LLM's words are the input
    under test here; everything after them (verification, citations, fallback) is the real code."""

    script: str = ""

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=4096, num_output=256, is_chat_model=True)

    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self.script)

    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any):
        text = ""
        for piece in self.script.split(" "):
            delta = piece if not text else " " + piece
            text += delta
            yield CompletionResponse(text=text, delta=delta)

    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any):
        assert messages[0].role == MessageRole.SYSTEM and "[1]" in messages[1].content
        for r in self.stream_complete(""):
            yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=r.text), delta=r.delta)


@pytest.fixture
def scripted(monkeypatch, sample_home):
    """ask(mode="llm") on the sample index with the model's answer set by the test."""
    llm = ScriptedLLM()
    # bot.ask the attribute is the function; the module is in sys.modules
    for module in ("bot.llm.answer", "bot.ask"):
        monkeypatch.setattr(importlib.import_module(module), "make_llm", lambda settings: llm)

    def run(question: str, script: str, **kw):
        llm.script = script
        return ask(question, settings=sample_home, mode="llm", **kw)

    return run


def test_llm_answer_shows_supported_sentences_renumbered_with_exact_quotes(scripted, sample_home):
    lib, sources, _ = _verdicts(sample_home, FLAGSHIP, "")
    n = _number_of(sources, "In exchange")
    tokens = []
    a = scripted(FLAGSHIP, f"Sadr asked the government to release Mahdi Army prisoners [{n}]. He asked it to declare "
                           f"an amnesty [{n}]. This was reported by the BBC [{n}].", on_token=tokens.append)
    assert "".join(tokens) == a.draft and len(tokens) > 5
    assert not a.abstained and not a.fallback and a.mode == "llm"
    assert "BBC" not in a.answer and "[1]" in a.answer and f"[{n}]" not in a.answer.replace("[1]", "")
    assert [u.reason for u in a.unsupported] == ["'bbc' not in " + f"[{n}]"]
    for c in a.citations:
        assert Path(c.source).read_text(encoding="utf-8")[c.start:c.end] == c.quote
    d = a.to_dict()
    assert d["unsupported"][0]["sentence"] == "This was reported by the BBC."
    assert d["usage"]["prompt_tokens"] > 0 and d["usage"]["completion_tokens"] > 0


def test_llm_answer_falls_back_to_extractive_when_nothing_answers(scripted, sample_home):
    lib, sources, _ = _verdicts(sample_home, FLAGSHIP, "")
    n = _number_of(sources, "complete cooperation")
    a = scripted(FLAGSHIP, f"Sadr demanded complete cooperation with the government [{n}].")
    assert a.fallback and a.mode == "llm"
    assert "amnesty" in a.answer and "cooperation" not in a.answer
    assert a.unsupported and a.unsupported[0].sentence.startswith("Sadr demanded complete cooperation")


def test_llm_answer_that_declines_falls_back_and_abstains_off_corpus(scripted):
    a = scripted("What is the capital of France?", "The capital of France is Paris.")
    assert a.fallback and a.abstained and "Paris" not in a.answer
    assert a.unsupported[0].reason == "cites no source"
    b = scripted("What is the capital of France?", "NOT IN SOURCES")
    assert b.fallback and b.abstained and [u.sentence for u in b.unsupported] == ["NOT IN SOURCES"]
    # a longer answer that only mentions the sources is verified sentence by sentence, not dropped
    c = scripted("What is the capital of France?", "The sources do not mention France, but Paris is its capital.")
    assert c.fallback and c.unsupported[0].reason != b.unsupported[0].reason


def test_rare_names_do_not_carry_an_invented_predicate(sample_home):
    # Seen from SmolLM2 on the gold set: the names are in the cited window, what they did is not.
    question = "In which other city were clashes reported?"
    _, sources, _ = _verdicts(sample_home, question, "")
    n = _number_of(sources, "Kut and Nasiriya")
    _, _, (v,) = _verdicts(sample_home, question, f"Iraqi troops took control of Kut and Nasiriya, a city that was a "
                                                  f"Mehdi Army stronghold [{n}].")
    assert not v.supported and "most of it is not in" in v.reason


def test_a_how_many_question_is_answered_only_by_a_number(sample_home):
    question = "How many people were wounded in Basra?"
    _, sources, _ = _verdicts(sample_home, question, "")
    n = _number_of(sources, "18 wounded")
    _, _, (offensive, count) = _verdicts(
        sample_home, question, f"Heavy fighting has been raging in Basra following a major pre-dawn offensive [{n}]. "
                               f"Iraqi officials say 18 people were wounded in the clashes [{n}].")
    assert offensive.supported and not offensive.answers_question
    assert count.supported and count.answers_question, count.reason


def test_the_sentence_before_gives_context_but_does_not_make_an_answer(sample_home):
    # Seen from SmolLM2: "Clashes were also reported in the city of Kut." precedes the British sentence in
    # the article, but the British sentence does not say where clashes were reported.
    question = "In which other city were clashes reported?"
    _, sources, _ = _verdicts(sample_home, question, "")
    n = _number_of(sources, "British troops handed control")
    _, _, (v,) = _verdicts(sample_home, question, f"British troops handed control of Basra province over to Iraqi "
                                                  f"security forces in December [{n}].")
    assert v.supported and not v.answers_question
