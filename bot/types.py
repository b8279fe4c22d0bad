"""The records of the query side: Passage (retrieved), Citation (quoted), Answer (returned)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its fused score and the ranks it had in each retriever."""

    chunk_id: str
    article_id: str
    start: int
    end: int
    text: str
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None
    dense_score: float = 0.0  # cosine similarity of the question and the chunk (0 when dense did not return it)


@dataclass(frozen=True)
class Citation:
    """An exact quote: ``article.text[start:end] == quote`` always holds."""

    n: int
    article_id: str
    title: str
    source: str
    start: int
    end: int
    quote: str
    score: float
    date: str | None = None


@dataclass(frozen=True)
class Unsupported:
    """A generated sentence that is not shown as an answer, and why (LLM mode only)."""

    sentence: str
    cites: tuple[int, ...]  # the [n] it carried (numbers of the sources shown to the model)
    reason: str


@dataclass(frozen=True)
class Answer:
    question: str
    standalone_question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...]
    related: tuple[Citation, ...] = ()
    mode: str = "extractive"
    timings_ms: dict = field(default_factory=dict)
    passages: tuple[Passage, ...] = ()  # what retrieval returned (for eval and debugging; not in to_dict)
    unsupported: tuple[Unsupported, ...] = ()  # LLM mode: generated sentences flagged by the verifier
    usage: dict = field(default_factory=dict)  # LLM mode: token counts (tiktoken cl100k) and sources used
    fallback: bool = False  # LLM mode: nothing generated was supported, so this is the extractive answer
    draft: str = ""  # LLM mode: the model's raw answer, before verification (not in to_dict)
    # "answered"; "uncertain": the closest sentence, cited, shown as not saying it directly; "not_found".
    # `abstained` is true for anything but "answered".
    status: str = ""
    # "hello", "thanks", "help": a reply saying what newsbot answers, no search (status "not_found")
    smalltalk: bool = False

    def __post_init__(self) -> None:
        if not self.status:  # built without one (older callers): derived from `abstained`
            object.__setattr__(self, "status", "not_found" if self.abstained else "answered")

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "answer": self.answer,
            "abstained": self.abstained,
            "status": self.status,
            "citations": [_citation_dict(c) for c in self.citations],
            "related": [_citation_dict(c) for c in self.related],
            "mode": self.mode,
            "timings_ms": dict(self.timings_ms),
            "unsupported": [asdict(u) | {"cites": list(u.cites)} for u in self.unsupported],
            "usage": dict(self.usage),
            "fallback": self.fallback,
            "smalltalk": self.smalltalk,
        }


def _citation_dict(c: Citation) -> dict:
    d = asdict(c)
    d.pop("date")  # shown by the UI; not part of the documented citation shape
    d["score"] = round(float(d["score"]), 4)
    return d
