"""Sentence spans with exact character offsets.

Punkt (NLTK's unsupervised sentence tokenizer, whose English parameters llama-index ships in its
``_static/nltk_cache``) finds the boundaries inside segments. Segments are cut where news text uses
line breaks as hard boundaries, which Punkt would otherwise glue to the next sentence: a blank line,
a line that ends a sentence (unless the next goes on in lower case), and a short line without final punctuation followed by a capital
(headlines, bylines, pull quotes). Any other line break is a soft wrap inside a sentence
("Abu Faris,\n    militia commander in Najaf", or a hard-wrapped .txt file).
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.static import static_dir

_LINE = re.compile(r"[^\n]+")
_ENDS_SENTENCE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")
HEADLINE_CHARS = 50  # a line shorter than this, without final punctuation, before a capital: a headline


def _segments(text: str) -> list[tuple[int, int]]:
    """[start, end) of the runs of lines that belong together (see the module docstring)."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    out: list[tuple[int, int]] = []
    for start, end in lines:
        if out:
            prev_start, prev_end = out[-1]
            prev = text[prev_start:prev_end].rsplit("\n", 1)[-1]
            gap = text[prev_end:start]
            nxt = text[start:end].lstrip()
            # A line ending in a full stop ends a sentence, unless the next line goes on in lower case: the
            # stop was an abbreviation's ("after 10 p.m.\nwithout a permit", "e.g.\nthe graph problem").
            hard = (gap.count("\n") > 1 or (_ENDS_SENTENCE.search(prev) and not nxt[:1].islower())
                    or (len(prev.strip()) < HEADLINE_CHARS and nxt[:1].isupper()))
            if not hard:
                out[-1] = (prev_start, end)  # a soft wrap: the sentence goes on on the next line
                continue
        out.append((start, end))
    return out


@lru_cache(maxsize=1)
def _punkt():
    import nltk
    from nltk.tokenize.punkt import PunktTokenizer

    # Point NLTK at llama-index's bundled copy of punkt_tab; never nltk.download (no network here).
    cache = static_dir() / "nltk_cache"
    if str(cache) not in nltk.data.path:
        nltk.data.path.insert(0, str(cache))
    punkt = PunktTokenizer("english")
    # Latin abbreviations Punkt's English model lacks: "(i.e. problems with ...)" was cut after "i.e.", leaving
    # a fragment that could be quoted as an answer.
    punkt._params.abbrev_types.update(EXTRA_ABBREVIATIONS)
    return punkt


EXTRA_ABBREVIATIONS = frozenset({"i.e", "e.g", "cf", "viz"})  # not "etc": it often ends a sentence


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences in ``text``, stripped of surrounding white space."""
    punkt = _punkt()
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _segments(text):
        body = text[seg_start:seg_end]
        for s, e in punkt.span_tokenize(body):
            piece = body[s:e]
            # span_tokenize already trims, but be defensive: offsets must land on non-space characters.
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if e - trail > s + lead:
                spans.append((seg_start + s + lead, seg_start + e - trail))
    return spans
