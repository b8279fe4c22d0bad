"""Sentence spans with exact character offsets.

Punkt (NLTK's unsupervised sentence tokenizer, whose English parameters llama-index ships in its
``_static/nltk_cache``) finds the boundaries; we run it line by line, because news text uses line
breaks as hard boundaries (headlines, bylines, pull quotes) that Punkt would otherwise glue to the
next sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.static import static_dir

_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _punkt():
    import nltk
    from nltk.tokenize.punkt import PunktTokenizer

    # Point NLTK at llama-index's bundled copy of punkt_tab; never nltk.download (no network here).
    cache = static_dir() / "nltk_cache"
    if str(cache) not in nltk.data.path:
        nltk.data.path.insert(0, str(cache))
    return PunktTokenizer("english")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences in ``text``, stripped of surrounding white space."""
    punkt = _punkt()
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        body = line.group()
        if not body.strip():
            continue
        for s, e in punkt.span_tokenize(body):
            piece = body[s:e]
            # span_tokenize already trims, but be defensive: offsets must land on non-space characters.
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if e - trail > s + lead:
                spans.append((line.start() + s + lead, line.start() + e - trail))
    return spans
