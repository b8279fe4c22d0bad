"""An article asked for by its place in the archive: "summarise article 3", "what does the second story say about
Sadr", "the last article". The archive's order is the one its articles are listed in (the library's, by id: the
order `newsbot ingest` read the files and the chat lists them). bot/ask.py answers the question with the phrase put
as "the article", limited to that article, as if it had been picked (`article_ids`).
"""

from __future__ import annotations

import re

_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
            "5th": 5, "last": -1}
_KINDS = r"(?:article|story|piece|report|document|text)"
# "the second article", "article 3", "story no. 2", "article #1" (not "the second step", "3 articles")
_NUMBERED = re.compile(rf"(?i)\b(?:the\s+)?(?:(?P<ordinal>{'|'.join(_ORDINAL)})\s+{_KINDS}|"
                       rf"{_KINDS}\s+(?:no\.?\s*|number\s+|#\s*)?(?P<number>\d{{1,3}}))\b(?!\s*(?:articles?|stories))")


def numbered_article(question: str, ids: list[str]) -> tuple[str, str] | None:
    """(the article's id, the question with the phrase naming it put as "the article") when the question names an
    article by its place among `ids` (1-based; "last" is the last); None when it names none or one past the end."""
    m = _NUMBERED.search(question)
    if not m or not ids:
        return None
    n = _ORDINAL[m.group("ordinal").lower()] if m.group("ordinal") else int(m.group("number"))
    if n == 0 or n > len(ids):
        return None
    return ids[n - 1 if n > 0 else -1], f"{question[:m.start()]}the article{question[m.end():]}"
