"""Words -> index terms (lower-cased, stop words dropped, Snowball-stemmed), shared by BM25 and the answerer."""

from __future__ import annotations

import re
from functools import lru_cache

from index.static import static_dir

# Numbers with inner separators kept whole (1,000 / 3.5), words with their contraction ("Sadr's");
# hyphenated compounds split into their parts ("al-Sadr" -> "al", "sadr") so names match either way.
# Dotted abbreviations are one word without their dots ("U.S." -> "us", matching "US").
WORD = re.compile(r"\d+(?:[.,]\d+)+|(?:[A-Za-z]\.){2,}|[A-Za-z0-9\u00C0-\u024F]+(?:['’][A-Za-z]+)?")
# A compound of common words written with hyphens ("cease-fire", "self-defence"): news spells many of them
# closed too ("ceasefire"), so it also gives the term of its closed spelling. A part written with a capital
# ("al-Sadr", "non-Najaf") makes a name, which is matched by its parts only.
COMPOUND = re.compile(r"(?<![\w-])[A-Za-z][a-z]*(?:-[a-z]+)+(?![\w-])")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    # NLTK's English stop words, from llama-index's bundled copy (no download).
    path = static_dir() / "nltk_cache" / "corpora" / "stopwords" / "english"
    return frozenset(path.read_text(encoding="utf-8").split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, possessive 's removed."""
    return [_word(t) for t in WORD.findall(text)]  # the pattern has no capturing group: findall gives tokens


@lru_cache(maxsize=131072)
def _word(token: str) -> str:
    """One token as words() gives it (cached: an archive's tokens repeat, and ingest reads millions)."""
    w = token.lower().replace("’", "'")
    if w.endswith(".") and not w[0].isdigit():
        w = w.replace(".", "")
    if w.endswith("'s"):
        w = w[:-2]
    return w


# Bump when terms() changes: saved BM25 indexes built with other terms are then rebuilt.
TERMS_VERSION = 4

# Irregular English verb forms -> base form: Snowball stems "said" to "said", so "What did he say?"
# would never match "He said ...". Regular forms are left to the stemmer.
_IRREGULAR = dict(pair.split(":") for pair in (
    "said:say says:say told:tell took:take taken:take gave:give given:give went:go gone:go came:come made:make "
    "got:get gotten:get held:hold led:lead left:leave met:meet paid:pay ran:run saw:see seen:see sent:send "
    "spoke:speak spoken:speak stood:stand thought:think won:win wrote:write written:write began:begin begun:begin "
    "brought:bring built:build bought:buy caught:catch chose:choose chosen:choose drove:drive driven:drive "
    "fell:fall fallen:fall felt:feel fought:fight found:find grew:grow grown:grow heard:hear kept:keep knew:know "
    "known:know lost:lose meant:mean rose:rise risen:rise sat:sit sold:sell struck:strike taught:teach "
    "threw:throw thrown:throw understood:understand wore:wear worn:wear shot:shoot fled:flee sought:seek "
    "spent:spend withdrew:withdraw withdrawn:withdraw forbade:forbid forbidden:forbid arose:arise arisen:arise "
    "broke:break broken:break chose:choose drew:draw drawn:draw flew:fly flown:fly hid:hide hidden:hide "
    "laid:lay lay:lie lain:lie rode:ride ridden:ride rang:ring rung:ring shook:shake shaken:shake slew:slay "
    "slain:slay stole:steal stolen:steal swore:swear sworn:swear took:take woke:wake woken:wake").split())


def terms(text: str) -> list[str]:
    """Stemmed content terms of text, in order (duplicates kept); a hyphenated compound's closed spelling
    ("cease-fire" -> "ceasefire") after its parts' terms."""
    if "-" not in text:
        return [t for t in map(_term, WORD.findall(text)) if t is not None]
    out: list[str] = []
    at = 0
    for m in COMPOUND.finditer(text):
        out += [t for t in map(_term, WORD.findall(text, at, m.end())) if t is not None]
        closed = _term(m.group().replace("-", ""))
        if closed is not None:
            out.append(closed)
        at = m.end()
    out += [t for t in map(_term, WORD.findall(text, at)) if t is not None]
    return out


def holds_run(text: str, run: list[str]) -> bool:
    """Does the text hold the terms `run` one right after another ("Sadr City", "defence minister"), not only apart?
    True for an empty run."""
    held = terms(text)
    return any(held[i:i + len(run)] == run for i in range(len(held) - len(run) + 1))


def query_terms(text: str) -> list[str]:
    """terms() of a question: a hyphenated compound by its closed spelling only. "cease-fire" asks about one
    thing, which a "ceasefire" sentence holds whole; its parts would count as missing there."""
    if "-" not in text:
        return terms(text)
    return terms(COMPOUND.sub(lambda m: m.group().replace("-", ""), text))


@lru_cache(maxsize=131072)
def _term(token: str) -> str | None:
    """One token's term, None for a stop word (cached as _word)."""
    w = _word(token)
    return None if w in stopwords() else stem(_IRREGULAR.get(w, w))


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps cost one)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]
