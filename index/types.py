"""The records that flow between the ingest stages: load -> chunk -> embed -> store."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article as loaded: ``text`` is the exact text every offset points into."""

    id: str  # stable: path relative to the ingested root, without extension (+ "#key" for JSON records),
    # qualified when another file has that id (index/ids.py)
    title: str
    source: str  # the file it came from (absolute path)
    text: str
    content_hash: str  # sha256 hex of text (UTF-8)
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None


@dataclass(frozen=True)
class Skip:
    """An input that was not ingested, and why (shown in the summary)."""

    source: str
    reason: str
    # For one record of a JSON/JSONL file (a line, a list item): that file. An ingest that could not read
    # every record of a file does not prune the file's other records (one of them may be this one).
    file: str | None = None


@dataclass(frozen=True)
class Notice:
    """Something the user should know about an input that *was* ingested (e.g. decoded as cp1252)."""

    source: str
    message: str


@dataclass(frozen=True)
class Chunk:
    """A retrieval unit: ``article.text[start:end] == text`` always holds."""

    id: str
    article_id: str
    ordinal: int
    start: int
    end: int
    text: str
    first_sentence: int  # ordinals of the sentences it holds, inclusive
    last_sentence: int


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article (the unit the extractive answerer quotes): ``article.text[start:end] == text``."""

    id: str
    article_id: str
    ordinal: int
    start: int
    end: int
    text: str
    kind: str = "body"  # or why it is not prose an answer may quote: heading, pull_quote, ... (index/fragments.py)
