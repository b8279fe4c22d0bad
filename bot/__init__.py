"""newsbot's query side: `from bot import ask`.

The public names are imported on first use (PEP 562): `newsbot ingest` and `newsbot status` run bot/cli.py,
inside this package, and must not pay for llama-index (2 s) that only answering needs.
"""

# Underscored: a submodule's name (bot.types) becomes an attribute of this namespace once it is imported.
import sys as _sys
import types as _types
from importlib import import_module as _import

# name -> the module that defines it
_PUBLIC = {"ask": "bot.ask", "search": "bot.search", "rank_articles": "bot.search", "Answer": "bot.types",
           "Citation": "bot.types", "Passage": "bot.types", "Settings": "index.settings",
           **{e: "index.errors" for e in ("NewsbotError", "NoIndexError", "UsageError", "StoreError",
                                          "IndexMismatchError", "LLMError", "HomeError")}}

__all__ = list(_PUBLIC)


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'bot' has no attribute {name!r}")
    value = getattr(_import(_PUBLIC[name]), name)
    setattr(_sys.modules[__name__], name, value)
    return value


class _Package(_types.ModuleType):
    """`bot.ask` and `bot.search` stay the functions, as they were when this file imported them: importing the
    module bot.ask (`from bot.ask import check_question`) makes Python set the attribute `ask` of this package
    to that module, and this puts the function of that name there instead."""

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, _types.ModuleType) and _PUBLIC.get(name) == value.__name__:
            value = getattr(value, name, value)
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
