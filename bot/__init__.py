"""newsbot's query side: `from bot import ask`."""

from bot.ask import ask
from bot.search import rank_articles, search
from bot.types import Answer, Citation, Passage
from index.errors import HomeError, IndexMismatchError, LLMError, NewsbotError, NoIndexError, StoreError, UsageError
from index.settings import Settings

__all__ = ["ask", "search", "rank_articles", "Answer", "Citation", "Passage", "Settings", "NewsbotError", "NoIndexError", "UsageError",
           "StoreError", "IndexMismatchError", "LLMError", "HomeError"]
