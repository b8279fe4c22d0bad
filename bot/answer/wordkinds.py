"""What kind of thing a word names, by WordNet 3.0's lexicographer files and hypernyms: a kind of person or
of leader, a body of people, a place, a physical object, a kind of thing that bears proper names, a verb of
speech, or a particular (a proper noun). The database files are read through lexicon.py."""

from __future__ import annotations

from functools import lru_cache

from bot.answer.lexicon import MANY_SENSES, _HYPERNYM, _data, _index, _lexfile, _synset, available, base_forms, synsets


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
EMOTION_FILE = 37  # WordNet's lexicographer file verb.emotion


@lru_cache(maxsize=4096)
def is_feeling_verb(word: str) -> bool:
    """A verb whose first (most frequent) sense is stirring a feeling in someone ("anger", "alarm", "worry";
    not "welcome")."""
    return first_sense_in(word, "v", EMOTION_FILE)


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
