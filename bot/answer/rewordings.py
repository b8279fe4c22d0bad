"""The other words an article may write for a question's word, by WordNet 3.0's pointers and synsets: the
nouns and verbs derived from it ("invade" -> "invasion", "extension" -> "extend", "angry" -> "anger",
"economic" -> "economy"), a place's other spellings, a people's country and a country's people, the verbs
causing it ("die" -> "kill"), its synonyms and its narrower nouns. The database files are read through
lexicon.py."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answer.lexicon import MANY_SENSES, POS, _data, _index, _lexfile, _synset, available, base_forms, synsets
from bot.answer.wordkinds import is_proper_noun


@lru_cache(maxsize=4096)
def act_nouns(verb: str, senses: int = 2) -> frozenset[str]:
    """The nouns WordNet derives from the verb in its `senses` most frequent senses ("invade" -> "invasion",
    "invader"; "start" -> "beginning", "commencement"): the act named as a thing ("after their invasion at
    Bannow Bay"). Rarer senses are left out ("start" -> "bulge")."""
    if not available():
        return frozenset()
    return frozenset(l for o in synsets(verb, "v")[:senses] for sym, off, p in _synset("v", o)[1]
                     if sym == "+" and p == "n" for l in _synset("n", off)[0])


@lru_cache(maxsize=4096)
def act_verbs(noun: str, senses: int = 2) -> frozenset[str]:
    """The verbs WordNet derives the noun from in its `senses` most frequent senses, sharing its first four
    letters ("extension" -> "extend", "withdrawal" -> "withdraw"): the thing named as the act ("extended the
    deadline for 10 days" for "how long was the extension")."""
    if not available():
        return frozenset()
    root = noun.lower()[:4]
    return frozenset(l for o in synsets(noun, "n")[:senses] for sym, off, p in _synset("n", o)[1]
                     if sym == "+" and p == "v" for l in _synset("v", off)[0] if l.startswith(root) and "_" not in l)


@lru_cache(maxsize=4096)
def state_nouns(adjective: str, senses: int = 2) -> frozenset[str]:
    """The nouns WordNet derives from the adjective in its `senses` most frequent senses and that share its
    root ("angry" -> "anger", "angriness"; "sad" -> "sadness"; the attribute it is a value of: "strong" ->
    "strength"): the state named as a thing, whose verb ("has angered many residents") says what "made them
    angry", or the thing itself ("how strong was the resistance": "the strength of the resistance"). A
    derivation pointer of the whole synset reaches its synonyms' nouns too ("angry" -> "fury", "ire"); the
    shared first letters keep the adjective's own.
    """
    if not available():
        return frozenset()
    root = adjective.lower()[:3]
    return frozenset(l for o in synsets(adjective, "a")[:senses] for sym, off, p in _synset("a", o)[1]
                     if sym in ("+", "=") and p == "n" and _lexfile("n", off) in STATE_FILES
                     for l in _synset("n", off)[0] if l.startswith(root) and "_" not in l)


@lru_cache(maxsize=4096)
def root_nouns(adjective: str, senses: int = 2) -> frozenset[str]:
    """The nouns the adjective pertains to in its `senses` most frequent senses, sharing its first four letters
    ("economic" -> "economy", "financial" -> "finance", "diplomatic" -> "diplomacy"; not "urban" -> "city"),
    no particular place (a people's word: country_names)."""
    if not available():
        return frozenset()
    root = adjective.lower()[:4]
    return frozenset(l for o in synsets(adjective, "a")[:senses] for sym, off, p in _synset("a", o)[1]
                     if sym == "\\" and p == "n" and not any(ps == "@i" for ps, _, _ in _synset("n", off)[1])
                     for l in _synset("n", off)[0] if l.startswith(root) and "_" not in l)


# WordNet's lexicographer files noun.attribute, noun.feeling, noun.state: a state, not a thing the adjective
# pertains to ("theoretical" -> "theory", noun.cognition; "combinatory" -> "combination", noun.act)
STATE_FILES = frozenset({7, 12, 26})


def spellings(word: str) -> frozenset[str]:
    """The one-word lemmas of the noun senses of a name ("bagdad" -> "baghdad", "bagdad"; "iran" -> "iran",
    "persia"): the same place or person spelt another way."""
    if not available():
        return frozenset()
    return frozenset(l for o in synsets(word, "n") for l in _synset("n", o)[0] if "_" not in l)


@lru_cache(maxsize=4096)
def country_names(word: str) -> tuple[str, ...]:
    """The names of the country a people's word pertains to ("americans" -> "america", "us", "united_states",
    ...; "iraqis" -> "iraq", ...): WordNet's pertainym pointer from the adjective to the country's noun
    (a particular place: "officials" pertains to "office", no country)."""
    if not available():
        return ()
    out: list[str] = []
    for base in dict.fromkeys((*base_forms(word, "n"), word.lower())):
        for o in synsets(base, "a"):
            for sym, off, p in _synset("a", o)[1]:
                # a pertainym that is a particular place (an instance: "America"), not "official" -> "office"
                if sym == "\\" and p == "n" and any(ps == "@i" for ps, _, _ in _synset("n", off)[1]):
                    out += sorted(_synset("n", off)[0])
    return tuple(dict.fromkeys(out))


def demonyms(word: str) -> tuple[str, ...]:
    """The adjectives pertaining to the country (or other particular place) named `word` ("britain" ->
    "british", "france" -> "french", "spain" -> "spanish"): country_names() the other way round."""
    if not available():
        return ()
    # "britain" is also "great_britain", the island "british" pertains to
    names = {word.lower(), *(l for o in synsets(word, "n") for l in _synset("n", o)[0])}
    return tuple(dict.fromkeys(a for n in sorted(names) for a in _pertaining().get(n, ())))


@lru_cache(maxsize=1)
def _pertaining() -> dict[str, tuple[str, ...]]:
    """place lemma -> the one-word adjectives whose pertainym is that place, read from data.adj once (on the
    rare path that asks: a question naming a place no article names)."""
    out: dict[str, list[str]] = {}
    for offset, line in _data("a").items():
        if b" \\ " not in line:  # no pertainym: skip the parse
            continue
        lemmas, ptrs = _synset("a", offset)
        for sym, off, p in ptrs:
            if sym == "\\" and p == "n" and any(ps == "@i" for ps, _, _ in _synset("n", off)[1]):
                for place in _synset("n", off)[0]:
                    out.setdefault(place, []).extend(sorted(l for l in lemmas if "_" not in l))
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _caused_by() -> dict[int, tuple[int, ...]]:
    """verb synset offset -> the offsets of the verb synsets pointing at it as their effect (WordNet's cause
    pointer, ">": "kill" causes "die", "show" causes "see"), read once from the whole of data.verb."""
    out: dict[int, list[int]] = {}
    for o, line in _data("v").items():
        if b" > " in line:
            for sym, target, pos in _synset("v", o)[1]:
                if sym == ">" and pos == "v":
                    out.setdefault(target, []).append(o)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def causers(word: str, senses: int = 1) -> tuple[str, ...]:
    """The one-word verbs that cause the verb's most frequent `senses` ("die" -> "kill"), where that sense is the
    causer's own first one: what an article says instead ("12 people have been killed" for "did anyone die")."""
    if not available():
        return ()
    out: list[str] = []
    for o in synsets(word, "v")[:senses]:
        for c in _caused_by().get(o, ()):
            out += sorted(l for l in _synset("v", c)[0] if "_" not in l and _index("v").get(l, ())[:1] == (c,))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def synonyms(word: str, senses: int = 2, pos: str | None = None) -> tuple[str, ...]:
    """The one-word lemmas sharing one of the word's most frequent `senses` synsets as a verb, noun or
    adjective, where that synset is one of the lemma's own most frequent senses too ("start" -> "begin",
    "commence"); not the word itself. Rare senses either way are left out: "die" is also "go" and "pass",
    whose first senses are other meanings. `pos`: of that part of speech only ("game" the noun: not "lame", its
    adjective's)."""
    if not available():
        return ()
    out: list[str] = []
    own = {word.lower(), *(b for p in POS for b in base_forms(word, p))}
    for p in (pos,) if pos else POS:
        for o in synsets(word, p)[:senses]:
            out += sorted(l for l in _synset(p, o)[0]
                          if "_" not in l and l not in own and o in _index(p).get(l, ())[:senses])
    return tuple(dict.fromkeys(out))


# a word too short to have synonyms worth reading, or a Roman numeral ("x": "ten", "10")
_NUMERAL_LIKE = re.compile(r"(?i)[a-z]{1,2}|m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def plain_synonyms(word: str) -> tuple[str, ...]:
    """synonyms() of the word's main part of speech ("the game" is no "crippled" economy), without a synonym of
    many senses, which says little ("brand" / "make"), or one holding a digit; none for a letter, a Roman numeral
    ("what happened to x" is not "10 days") or a place's or a person's name ("Chicago" is no card game's "stops")."""
    if _NUMERAL_LIKE.fullmatch(word) or is_proper_noun(word) or not (kind := main_pos(word)):
        return ()
    return tuple(n for n in synonyms(word, pos=kind) if not any(ch.isdigit() for ch in n)
                 and sum(len(synsets(n, p)) for p in POS) < MANY_SENSES)


def main_pos(word: str) -> str | None:
    """The part of speech of most of the word's WordNet senses ("game": a noun), None when it has none."""
    counts = {p: len(synsets(word, p)) for p in POS} if available() else {}
    best = max(counts, key=counts.get, default=None)
    return best if best and counts[best] else None


@lru_cache(maxsize=4096)
def narrower_nouns(word: str) -> tuple[str, ...]:
    """The one-word lemmas of the noun's first sense and of its direct kinds (hyponyms, not instances):
    "spokesperson" -> "interpreter", "representative", "spokesman", "spokeswoman", ...; what an article may
    write for it."""
    if not available():
        return ()
    own = set(base_forms(word, "n"))
    first = synsets(word, "n")[:1]
    offsets = [*first, *(off for o in first for sym, off, p in _synset("n", o)[1] if sym == "~" and p == "n")]
    return tuple(dict.fromkeys(l for o in offsets for l in sorted(_synset("n", o)[0])
                               if "_" not in l and l.isalpha() and l not in own))
