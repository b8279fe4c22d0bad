"""The archive's words as a question reader needs them (bot/normalize.py): how often each lower-cased word
occurs, how often mid-sentence, and in which capitalised forms there ("sadr" -> "Sadr").

Kept in the manifest, in two tables updated in the same transaction as the article rows they come from:
``words`` (word, n, mid, caps) and ``word_forms`` (word, form, n). A reader's snapshot of the manifest (one
generation) therefore holds the statistics of exactly that generation, and looks up only the words of its
question instead of scanning the archive's text. The meta key ``words_generation`` says that the tables belong
to the current generation; when it does not (an index from before them, or changed by an older newsbot) a
reader counts the words of every article itself (``ScannedWords``: what every reader used to do on its first
question) and the next ingest rebuilds the tables (``rebuild_words``).
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Protocol, Sequence

WORD = re.compile(r"[A-Za-z][A-Za-z']*")
OPENERS = ".!?\"'\u201c("  # a word after one of these (and white space) starts a sentence, or a quote
META = "words_generation"  # the generation the tables were last brought up to

SCHEMA = """
CREATE TABLE IF NOT EXISTS words(word TEXT PRIMARY KEY, n INT NOT NULL, mid INT NOT NULL, caps INT NOT NULL)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS word_forms(word TEXT NOT NULL, form TEXT NOT NULL, n INT NOT NULL,
    PRIMARY KEY(word, form)) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class TextWords:
    """The words of one text: lower-cased word -> uses, mid-sentence uses, and its capitalised mid-sentence
    forms with their uses (in the order first seen)."""

    counts: Counter
    mid: Counter
    forms: dict[str, Counter]


def text_words(text: str) -> TextWords:
    return count_words(text, TextWords(Counter(), Counter(), {}))


def count_words(text: str, into: TextWords) -> TextWords:
    """Add the words of ``text`` to ``into`` (a whole archive is counted into one TextWords, in one loop)."""
    counts, mid, forms = into.counts, into.mid, into.forms
    for m in WORD.finditer(text):
        w = m.group()
        low = w.lower()
        counts[low] += 1
        at = m.start()
        before = text[max(0, at - 3):at].strip()
        if before and before[-1] not in OPENERS:  # not the first word of a sentence
            mid[low] += 1
            if w[0].isupper():
                # Counters keep their keys in the order first seen: most_common's tie-break (ScannedWords).
                forms.setdefault(low, Counter())[w] += 1
    return into


class WordStats(Protocol):
    """What a reader asks of the archive's words (both kinds below answer alike)."""

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        """word -> uses in the archive, for those of ``words`` it holds (lower-cased words)."""

    def capitalised(self, word: str) -> tuple[int, int, str | None]:
        """(mid-sentence uses, capitalised ones, the most used capitalised form: on a tie the first one in
        the archive's order, article ids ascending, then text order)."""


# -- read: scanning every article (an index without the tables) ------------------------------------------------

class ScannedWords:
    """The statistics counted from every article's text, in id order, once."""

    def __init__(self, texts: Iterable[str]):
        self.total = TextWords(Counter(), Counter(), {})
        for text in texts:
            count_words(text, self.total)

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        return {w: self.total.counts[w] for w in words if w in self.total.counts}

    def capitalised(self, word: str) -> tuple[int, int, str | None]:
        forms = self.total.forms.get(word)
        if not forms:
            return self.total.mid[word], 0, None
        return self.total.mid[word], sum(forms.values()), forms.most_common(1)[0][0]


# -- read: the tables -------------------------------------------------------------------------------------------

Query = Callable[[str, Sequence], list]  # runs one SELECT in the reader's snapshot and returns its rows


class StoredWords:
    """The statistics read from the tables, a word at a time."""

    def __init__(self, query: "Query", texts: Callable[[], Iterator[str]]):
        self._query, self._texts = query, texts  # texts: every article's text, in id order (for ties)

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        words, out = list(dict.fromkeys(words)), {}
        for b in range(0, len(words), 500):  # SQLite caps the parameters of one statement
            batch = words[b:b + 500]
            out.update(self._query(f"SELECT word, n FROM words WHERE word IN ({','.join('?' * len(batch))})", batch))
        return out

    def capitalised(self, word: str) -> tuple[int, int, str | None]:
        row = self._query("SELECT mid, caps FROM words WHERE word=?", (word,))
        if not row or not row[0][1]:
            return (row[0][0] if row else 0), 0, None
        mid, caps = row[0]
        forms = self._query("SELECT form, n FROM word_forms WHERE word=?", (word,))
        top = max(n for _, n in forms)
        tied = {f for f, n in forms if n == top}
        return mid, caps, next(iter(tied)) if len(tied) == 1 else self._first_seen(tied)

    def _first_seen(self, forms: set[str]) -> str:
        """The form used first (mid-sentence) in the archive's order: rare, and the only read of whole texts."""
        for text in self._texts():
            if not any(f in text for f in forms):
                continue  # most texts: no token to look at
            for m in WORD.finditer(text):
                before = text[max(0, m.start() - 3):m.start()].strip()
                if m.group() in forms and before and before[-1] not in OPENERS:
                    return m.group()
        return min(forms)  # not reached: every form in the table is used mid-sentence in some text


# -- write ------------------------------------------------------------------------------------------------------

def add_text(db: sqlite3.Connection, text: str, sign: int = 1) -> None:
    """Add the words of ``text`` to the tables (``sign`` -1: take them away), inside the caller's transaction."""
    tw = text_words(text)
    caps = {low: sum(f.values()) for low, f in tw.forms.items()}
    db.executemany("INSERT INTO words(word, n, mid, caps) VALUES(?, ?, ?, ?) ON CONFLICT(word) DO UPDATE SET "
                   "n = n + excluded.n, mid = mid + excluded.mid, caps = caps + excluded.caps",
                   [(w, sign * n, sign * tw.mid[w], sign * caps.get(w, 0)) for w, n in tw.counts.items()])
    forms = [(low, f, sign * n) for low, fs in tw.forms.items() for f, n in fs.items()]
    db.executemany("INSERT INTO word_forms(word, form, n) VALUES(?, ?, ?) ON CONFLICT(word, form) DO UPDATE SET "
                   "n = n + excluded.n", forms)
    if sign < 0:  # a word no article uses any more is not a word of the archive
        db.executemany("DELETE FROM words WHERE word=? AND n <= 0", [(w,) for w in tw.counts])
        db.executemany("DELETE FROM word_forms WHERE word=? AND form=? AND n <= 0", [f[:2] for f in forms])


def rebuild_words(db: sqlite3.Connection, texts: Iterable[str]) -> None:
    """Fill the tables anew from every article's text, inside the caller's transaction."""
    total = ScannedWords(texts).total
    db.execute("DELETE FROM words")
    db.execute("DELETE FROM word_forms")
    db.executemany("INSERT INTO words(word, n, mid, caps) VALUES(?, ?, ?, ?)",
                   [(w, n, total.mid[w], sum(total.forms.get(w, {}).values())) for w, n in total.counts.items()])
    db.executemany("INSERT INTO word_forms(word, form, n) VALUES(?, ?, ?)",
                   [(w, f, n) for w, fs in total.forms.items() for f, n in fs.items()])
