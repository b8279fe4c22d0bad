"""The needles of the scale benchmark's archive (eval/scale_corpus.py): facts found nowhere else, and questions.

Five kinds of fact (a bridge's cost, a company's new chief, a festival's visitors, a frog's discoverer, a
steelworks' closing date), each with invented names and numbers (syllables drawn by a seeded generator, never a
word of the benchmark texts, never one used by another needle), so exactly one article answers each question.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


def seeded(seed: int, *key: object) -> random.Random:
    """A generator for (seed, key...): a string seed is hashed with SHA-512 by random.Random, so it is the same
    in every process and Python version (hash() of a str is not)."""
    return random.Random(":".join(map(str, (seed, *key))))


@dataclass(frozen=True)
class Needle:
    """A fact no other article holds, the question that asks for it and the answer it must contain."""

    n: int
    fact: str  # the sentence planted in the article
    context: str  # a second sentence naming the place, planted too
    title: str
    question: str
    gold: str


_ONSETS = "b br c ch d dr f g gr h j k kl l m n p pr qu r s st t tr v w z".split()
_VOWELS = "a e i o u ai ea io ou".split()
_CODAS = "n r l s th nd rk st x m".split()
_MONTHS = ("January February March April May June July August September October November December").split()


class _Names:
    """Invented words, each new and absent from the benchmark texts (so a needle's fact is found nowhere else)."""

    def __init__(self, rng: random.Random, taken: frozenset[str]):
        self.rng, self.taken, self.used = rng, taken, set()

    def word(self, syllables: int = 3) -> str:
        while True:
            w = "".join(self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) for _ in range(syllables))
            w += self.rng.choice(_CODAS)
            if w not in self.taken and w not in self.used:
                self.used.add(w)
                return w.capitalize()

    def number(self, low: int, high: int) -> str:
        while True:
            n = f"{self.rng.randint(low, high):,}"
            if n not in self.used and n not in self.taken:
                self.used.add(n)
                return n


# (fact, context, title, question) of the five kinds; {answer} is what the question asks for.
_KINDS = (
    ("The new bridge over the {thing} river near {town} will cost {answer} dollars, the regional council said.",
     "Residents of {town} have waited years for a crossing over the {thing}.",
     "{town} approves a bridge over the {thing}", "How much will the bridge over the {thing} river cost?"),
    ("{answer} was appointed chief executive of the {thing} Shipping Company on Tuesday, the board said.",
     "The {thing} Shipping Company is based in {town} and employs hundreds of people.",
     "New chief for {thing} Shipping", "Who was appointed chief executive of the {thing} Shipping Company?"),
    ("The {thing} music festival in {town} drew {answer} visitors this summer, the organisers said.",
     "Hotels in {town} were fully booked for the week of the festival.",
     "Record crowds at the {thing} festival", "How many visitors did the {thing} music festival draw?"),
    ("A new species of tree frog, the {thing} frog, was discovered by the biologist {answer} in the hills above "
     "{town}.", "The forests above {town} are home to many rare animals, scientists say.",
     "New frog species found near {town}", "Who discovered the {thing} frog?"),
    ("The {thing} steelworks in {town} will close in {answer}, the owners told the workers on Friday.",
     "The steelworks has been the largest employer in {town} for decades.",
     "{thing} steelworks to close", "When will the {thing} steelworks close?"),
)


def _answer(kind: int, person: str, names: _Names) -> str:
    if kind == 0:
        return names.number(12_000_000, 98_000_000)
    if kind == 2:
        return names.number(21_000, 480_000)
    if kind == 4:
        when = f"{names.rng.choice(_MONTHS)} {names.rng.randint(2031, 2049)}"
        names.used.add(when)
        return when
    return person


def _needle(n: int, names: _Names) -> Needle:
    """Needle ``n``: one of five kinds of fact, its words and numbers invented."""
    person, town = f"{names.word(2)} {names.word(3)}", f"{names.word(2)} {names.word(1)}"
    thing = names.word(3)
    kind = n % len(_KINDS)
    answer = _answer(kind, person, names)
    fact, context, title, question = (t.format(thing=thing, town=town, answer=answer) for t in _KINDS[kind])
    return Needle(n, fact, context, title, question, answer)


def make_needles(taken: frozenset[str], seed: int, count: int) -> tuple[Needle, ...]:
    """``count`` needles; ``taken``: the words of the benchmark texts, which no invented word may be."""
    names = _Names(seeded(seed, "needles"), taken)
    return tuple(_needle(n, names) for n in range(count))


