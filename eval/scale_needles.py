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


def _needle(n: int, names: _Names) -> Needle:
    """Needle ``n``: one of five kinds of fact, its words and numbers invented."""
    person, town = f"{names.word(2)} {names.word(3)}", f"{names.word(2)} {names.word(1)}"
    thing = names.word(3)
    kind = n % 5
    if kind == 0:
        number = names.number(12_000_000, 98_000_000)
        fact = f"The new bridge over the {thing} river near {town} will cost {number} dollars, the regional council said."
        return Needle(n, fact, f"Residents of {town} have waited years for a crossing over the {thing}.",
                      f"{town} approves a bridge over the {thing}", f"How much will the bridge over the {thing} river cost?",
                      number)
    if kind == 1:
        fact = f"{person} was appointed chief executive of the {thing} Shipping Company on Tuesday, the board said."
        return Needle(n, fact, f"The {thing} Shipping Company is based in {town} and employs hundreds of people.",
                      f"New chief for {thing} Shipping", f"Who was appointed chief executive of the {thing} Shipping Company?",
                      person)
    if kind == 2:
        number = names.number(21_000, 480_000)
        fact = f"The {thing} music festival in {town} drew {number} visitors this summer, the organisers said."
        return Needle(n, fact, f"Hotels in {town} were fully booked for the week of the festival.",
                      f"Record crowds at the {thing} festival", f"How many visitors did the {thing} music festival draw?",
                      number)
    if kind == 3:
        fact = f"A new species of tree frog, the {thing} frog, was discovered by the biologist {person} in the hills above {town}."
        return Needle(n, fact, f"The forests above {town} are home to many rare animals, scientists say.",
                      f"New frog species found near {town}", f"Who discovered the {thing} frog?", person)
    month, year = names.rng.choice(_MONTHS), names.rng.randint(2031, 2049)
    names.used.add(f"{month} {year}")
    fact = f"The {thing} steelworks in {town} will close in {month} {year}, the owners told the workers on Friday."
    return Needle(n, fact, f"The steelworks has been the largest employer in {town} for decades.",
                  f"{thing} steelworks to close", f"When will the {thing} steelworks close?", f"{month} {year}")


def make_needles(taken: frozenset[str], seed: int, count: int) -> tuple[Needle, ...]:
    """``count`` needles; ``taken``: the words of the benchmark texts, which no invented word may be."""
    names = _Names(seeded(seed, "needles"), taken)
    return tuple(_needle(n, names) for n in range(count))


