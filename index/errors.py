"""The newsbot error family: every message says what to do next."""

from __future__ import annotations


class NewsbotError(Exception):
    """Base class: the CLI prints the message without a traceback and exits 1; the UI shows it in the chat."""


class UsageError(NewsbotError):
    """A bad argument (empty question, bad top-k, unknown mode...). The CLI exits 2."""


class NoIndexError(NewsbotError):
    """Nothing has been ingested where the settings point."""


class IndexMismatchError(NewsbotError):
    """The index was built with another embedding model or format."""


class StoreError(NewsbotError):
    """Chroma (embedded or server) could not be reached or refused an operation."""


class LLMError(NewsbotError):
    """The LLM answer mode is not configured, not installed, or its server failed."""


class HomeError(NewsbotError):
    """NEWSBOT_HOME cannot be used: it is a file, read-only (for ingest), or its disk is full."""


class StaleSnapshotError(NewsbotError):
    """A snapshot of the index read after the index moved on to a newer generation (bot/library.py reads the
    current one instead; a caller that kept an old snapshot past its question should do the same)."""
