"""Prompts and user-facing templates live as files in prompts/, loaded by name."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from index.errors import UsageError
from index.settings import PROJECT_DIR


@lru_cache(maxsize=32)
def load_prompt(name: str, directory: str = str(PROJECT_DIR / "prompts")) -> str:
    path = Path(directory) / f"{name}.md"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise UsageError(f"prompt {name!r} not found: expected {path} (NEWSBOT_PROMPTS_DIR)") from None
