"""Article -> sentences and chunks, with exact offsets.

Chunks are runs of whole sentences packed up to ``max_tokens`` cl100k tokens; consecutive chunks share
``overlap`` sentences so that a sentence whose subject lives in the previous one ("In exchange, he
asked ...") is retrievable with its context. A sentence longer than ``max_tokens`` is cut at white
space into pieces that fit, so every chunk stays inside the embedding model's window.
"""

from __future__ import annotations

import re

from index.fragments import sentence_kinds
from index.sentences import split_sentences
from index.static import count_tokens
from index.types import Article, Chunk, Sentence

_SPACE = re.compile(r"\s+")


def _cut_long(text: str, start: int, end: int, max_tokens: int) -> list[tuple[int, int]]:
    """Cut text[start:end] at white space into spans of at most max_tokens tokens."""
    if count_tokens(text[start:end]) <= max_tokens:
        return [(start, end)]
    spans: list[tuple[int, int]] = []
    piece_start = start
    last_ok = None
    # Walk word boundaries (and the end itself, so the last piece is checked too); close a piece at the
    # last boundary that still fits.
    bounds = [(m.start(), m.end()) for m in _SPACE.finditer(text, start, end)] + [(end, end)]
    for b in bounds:
        if count_tokens(text[piece_start:b[0]]) > max_tokens and last_ok is not None:
            spans.append((piece_start, last_ok[0]))
            piece_start = last_ok[1]
        last_ok = b
    spans.append((piece_start, end))
    return [(s, e) for s, e in spans if e > s]


def split_article(article: Article, *, max_tokens: int = 96, overlap: int = 1) -> tuple[list[Sentence], list[Chunk]]:
    """Return the article's sentences and the chunks made of them."""
    if max_tokens < 16:
        raise ValueError(f"max_tokens must be at least 16, got {max_tokens}")
    if overlap < 0:
        raise ValueError(f"overlap must be >= 0, got {overlap}")
    text = article.text
    spans: list[tuple[int, int]] = []
    for s, e in split_sentences(text):
        spans.extend(_cut_long(text, s, e, max_tokens))
    # Ids carry the content hash and the chunking: a changed article (or a re-split one) gets new ids, so
    # live vectors are never overwritten and the old ones are deleted only after the new ones are stored.
    prefix = f"{article.id}::{article.content_hash[:12]}.{max_tokens}.{overlap}"
    kinds = sentence_kinds(text, spans)
    sentences = [
        Sentence(id=f"{prefix}::s{i}", article_id=article.id, ordinal=i, start=s, end=e, text=text[s:e], kind=k)
        for i, ((s, e), k) in enumerate(zip(spans, kinds))
    ]
    sizes = [count_tokens(s.text) for s in sentences]

    chunks: list[Chunk] = []
    first = 0
    while first < len(sentences):
        last, total = first, sizes[first]
        # Greedily add sentences while they fit: the sum of sizes is a cheap pre-check, the real count of
        # the span decides (the white space between sentences, e.g. "\n\n    ", costs tokens too).
        while (last + 1 < len(sentences) and total + sizes[last + 1] <= max_tokens
               and count_tokens(text[sentences[first].start:sentences[last + 1].end]) <= max_tokens):
            last += 1
            total += sizes[last]
        start, end = sentences[first].start, sentences[last].end
        chunks.append(
            Chunk(
                id=f"{prefix}::c{len(chunks)}",
                article_id=article.id,
                ordinal=len(chunks),
                start=start,
                end=end,
                text=text[start:end],
                first_sentence=first,
                last_sentence=last,
            )
        )
        if last + 1 >= len(sentences):
            break
        # Step forward, keeping `overlap` sentences of context, but always advance by at least one.
        first = max(first + 1, last + 1 - overlap)
    return sentences, chunks


def article_of(chunk_id: str) -> str:
    """The article id a chunk (or sentence) id of split_article's begins with: "<article>::<hash>.<t>.<o>::c<n>"
    (an article id may hold "::" itself; the two parts after it never do)."""
    return chunk_id.rsplit("::", 2)[0]
