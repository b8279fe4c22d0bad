"""Which sentences are not article prose: headings, captions, bylines, pull quotes and page boilerplate.

They stay in the chunks (a headline helps retrieval) but are never quoted as an answer. Judged from their
shape alone, at ingest:
- heading: no final punctuation and at most a dozen words ("Tense truce", "Abu Faris, militia commander
  in Najaf", "SOURCE: Agencies", a bylined "By Jane Doe");
- repeated: a line that stands again, verbatim, elsewhere in the article (teaser titles are printed twice);
- pull_quote: a quotation cut from a longer sentence of the same article, without its attribution;
- boilerplate: everything after the article's end: a "SOURCE:" line, or the first heading printed twice in a
  row (the start of a list of teasers for other stories), when it comes in the second half of the text.
"""

from __future__ import annotations

import re

from index.terms import words

BODY = "body"
HEADING_MAX_WORDS = 12
_ENDS = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_SOURCE_LINE = re.compile(r"^\s*(source|sources)\s*:", re.I)
_QUOTE_OPEN = "\"'\u201c\u2018"


def _line_of(text: str, start: int, end: int) -> str:
    """The whole line(s) the span sits on, stripped: equal to the span when it stands alone."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a:b if b >= 0 else len(text)].strip()


def _norm(t: str) -> str:
    return " ".join(w.lower() for w in words(t))


def _tail_start(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Offset where the article proper ends and page boilerplate begins, if it visibly does."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for i, m in enumerate(lines):
        if m.start() < len(text) / 2:
            continue
        line = m.group().strip()
        if _SOURCE_LINE.match(line) and len(line.split()) <= 6:
            return m.start()
        if i + 1 < len(lines) and lines[i + 1].group().strip() == line and not _ENDS.search(line[-3:] or "."):
            return m.start()
    return None


def sentence_kinds(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """For each [start, end) sentence span of `text`: "body", or why it is not prose."""
    kinds = [BODY] * len(spans)
    norms = [_norm(text[s:e]) for s, e in spans]
    lines = [_line_of(text, s, e) for s, e in spans]
    tail = _tail_start(text, spans)
    for i, (s, e) in enumerate(spans):
        t = text[s:e].strip()
        n = len(norms[i].split())
        if tail is not None and s >= tail:
            kinds[i] = "boilerplate"
        elif not _ENDS.search(t) and n <= HEADING_MAX_WORDS:
            kinds[i] = "heading"
        elif lines[i] == t and any(j != i and lines[j] == t for j in range(len(spans))):
            kinds[i] = "repeated"
        elif t[:1] in _QUOTE_OPEN and n >= 5 and any(
                j != i and len(norms[j]) > len(norms[i]) and norms[i] in norms[j] for j in range(len(spans))):
            kinds[i] = "pull_quote"
    return kinds
