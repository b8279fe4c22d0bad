"""Words -> index terms (lower-cased, stop words dropped, Snowball-stemmed), shared by BM25 and the answerer."""

from __future__ import annotations

import re
from functools import lru_cache

from index.static import static_dir

# Numbers with inner separators kept whole (1,000 / 3.5), words with their contraction ("Sadr's");
# hyphenated compounds split into their parts ("al-Sadr" -> "al", "sadr") so names match either way.
WORD = re.compile(r"\d+(?:[.,]\d+)+|[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)?")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    # NLTK's English stop words, from llama-index's bundled copy (no download).
    path = static_dir() / "nltk_cache" / "corpora" / "stopwords" / "english"
    return frozenset(path.read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, possessive 's removed."""
    out = []
    for m in WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w)
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def terms(text: str) -> list[str]:
    """Stemmed content terms of text, in order (duplicates kept)."""
    sw = stopwords()
    return [stem(w) for w in words(text) if w not in sw]
